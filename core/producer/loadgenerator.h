#pragma once

#include "producer/keydistribution.h"
#include "producer/producertypes.h"
#include "records/recordtemplate.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QString>

#include <optional>

class QTimer;

namespace shardscope {

class Producer;
class StreamBackend;

enum class LoadPayloadKind
{
    RandomJson, // a JSON object of random fields, padded to the record size
    Template,   // the put dialog's templates ({{counter}}, {{uuid}}, ...), RecordTemplate
};

struct LoadGeneratorOptions
{
    double recordsPerSecond = 100;
    qint64 durationMs = 0; // 0: until stopped (paused time does not count)
    // Record size in bytes: fixed when equal, else uniform in [min, max]. RandomJson is padded
    // or cut to it; a Template's expansion is padded with spaces to at least min and cut at max.
    int minRecordBytes = 100;
    int maxRecordBytes = 100;
    KeyDistributionOptions keys;
    LoadPayloadKind payload = LoadPayloadKind::RandomJson;
    QString dataTemplate; // Template: RecordTemplate text
    ProducerOptions producer; // aggregation on or off, limits, TTL
    quint32 seed = 0;         // 0: a random seed
};

// One second of a generator, for the dashboard's charts: what it generated, what the producer
// refused (outstanding cap) and the producer's counters for that second.
struct LoadGeneratorSecond
{
    qint64 second = 0; // ms on the producer's clock
    qint64 generatedRecords = 0;
    qint64 refusedRecords = 0;
    ProducerCounters producer;
};

// Generates user records at a rate into a Producer of its own, for the Producers page and the
// producer bench: keys from a KeyDistribution, payloads from a template or random JSON, sizes
// fixed or in a range. start(), pause(), resume() and stop(); stop() stops generating and
// lets the producer settle what is outstanding, then finished().
//
// Pacing: by each tick it has generated rate x running time (paused time excluded), at most
// one second's worth at once, so a stall does not turn into an unbounded burst. A record the
// producer refuses (its outstanding cap) is counted as refused and not generated again.
//
// Threads: GUI thread. Does not own the backend; owns its producer.
class LoadGenerator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadGenerator)

public:
    enum class State { Idle, Running, Paused, Stopping, Finished };
    Q_ENUM(State)

    LoadGenerator(StreamBackend *backend, const QString &streamName,
                  const LoadGeneratorOptions &options, QObject *parent = nullptr);
    ~LoadGenerator() override;

    // What is wrong with the options (rate, sizes, key counts, shares, template), for the page
    // to show next to the field; nullopt when they are fine.
    static std::optional<QString> problem(const LoadGeneratorOptions &options);

    // Replaces the clock (the producer's too); call before start().
    void setClock(ProducerClock clock);

    // Starts generating; false (and error()) when the options have a problem or the connection
    // is read-only.
    bool start();
    void pause();
    void resume();
    void stop();
    // Generates what is due now; the timer calls it, and tests on a manual clock call it after
    // moving the clock.
    void poll() { tick(); }

    State state() const { return m_state; }
    const QString &error() const { return m_error; }
    Producer *producer() const { return m_producer; }
    StreamBackend *backend() const { return m_backend; }
    const QString &streamName() const { return m_streamName; }
    const LoadGeneratorOptions &options() const { return m_options; }
    qint64 generatedRecords() const { return m_generated; }
    qint64 refusedRecords() const { return m_refused; }
    // The closed seconds, oldest first, at most kHistorySeconds.
    const QList<LoadGeneratorSecond> &history() const { return m_history; }
    static constexpr int kHistorySeconds = 900;

    // The payload of the record numbered `counter` (1-based), as the generator makes it.
    QByteArray makePayload(qint64 counter);

signals:
    void stateChanged(shardscope::LoadGenerator::State state);
    void secondClosed(const shardscope::LoadGeneratorSecond &second);
    void finished();

private:
    void setState(State state);
    void tick();
    void generate(qint64 count);
    void onProducerSecond(const ProducerCounters &counters);
    qint64 runningMs(qint64 now) const;
    int nextSize();

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    LoadGeneratorOptions m_options;
    ProducerClock m_clock;
    Producer *m_producer;
    KeyDistribution m_keys;
    std::optional<RecordTemplate> m_template;
    QRandomGenerator m_random;
    QTimer *m_timer;
    State m_state = State::Idle;
    QString m_error;

    qint64 m_startedMs = 0;
    qint64 m_pausedTotalMs = 0;
    qint64 m_pausedAtMs = 0;
    qint64 m_generated = 0;
    qint64 m_refused = 0;
    qint64 m_skipped = 0; // records not owed after a stall
    qint64 m_secondGenerated = 0; // in the producer's current second
    qint64 m_secondRefused = 0;
    QList<LoadGeneratorSecond> m_history;
};

} // namespace shardscope

Q_DECLARE_METATYPE(shardscope::LoadGeneratorSecond)
