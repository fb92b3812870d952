#pragma once

#include "kinesis/api.h"
#include "kinesis/error.h"
#include "kinesis/limits.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <expected>
#include <optional>

namespace shardscope {

class StreamBackend;

// Keeps the first-run `demo` stream alive: trickles small, realistic web-shop events (page
// views, searches, carts, checkouts, failed payments) into it through StreamBackend::putRecords,
// a batch per tick. Each event is a JSON object labelled "source":"shardscope-demo"; its
// partition key is the user id, so records spread over the shards while one user's events stay
// in order. The events come from a seeded PRNG, so a given seed always tells the same story.
//
// At most one batch is ever in flight: a tick that finds the previous batch unanswered is
// skipped, so a slow backend sees a lower rate, never a queue. It stops itself, with
// lastError() saying why, when the stream is gone, the connection refuses writes, or
// kMaxFailedBatches batches in a row fail. A stream that is still being created is waited for.
//
// Threads: GUI thread (never blocks it). Does not own the backend.
class DemoTrickle final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoTrickle)

public:
    static constexpr int kDefaultShardCount = 4;
    static constexpr double kDefaultRecordsPerSecond = 5.0;
    static constexpr int kDefaultTickMs = 500;
    static constexpr quint32 kDefaultSeed = 20240601;
    static constexpr int kMaxFailedBatches = 5;
    static constexpr int kMaxBatchSize = KinesisLimits::kPutRecordsMaxRecords;
    static QString defaultStreamName();       // "demo"
    static QString sourceLabel();             // "shardscope-demo", the "source" of every event
    // The request that creates the demo stream: kDefaultShardCount shards, tagged as the demo's.
    static CreateStreamRequest createStreamRequest(const QString &streamName = defaultStreamName());

    explicit DemoTrickle(StreamBackend *backend, const QString &streamName = defaultStreamName(),
                         QObject *parent = nullptr);
    ~DemoTrickle() override;

    QString streamName() const { return m_streamName; }

    // Records per second, spread over the ticks (fractions carry over); clamped to (0, 5000].
    void setRecordsPerSecond(double rate);
    double recordsPerSecond() const { return m_rate; }
    void setTickInterval(int ms); // at least 10
    int tickInterval() const { return m_timer.interval(); }
    // Restarts the event story from `seed` (users, sessions and carts forgotten).
    void setSeed(quint32 seed);
    quint32 seed() const { return m_seed; }

    // Every n-th record put is a KPL aggregated record of 3 to 6 events, as a service using the
    // Kinesis Producer Library would send them (its partition key is the first event's user);
    // 0, the default, sends plain events only.
    void setAggregateEvery(int n) { m_aggregateEvery = std::max(0, n); }
    int aggregateEvery() const { return m_aggregateEvery; }

    // Sends a first batch at once, then one per tick. Clears lastError(). No-op when running.
    void start();
    // No further batches; the one in flight (if any) is still counted when it returns.
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    bool isBatchInFlight() const { return m_inFlight; }

    // Records the backend accepted / refused (or never took because the call failed), since
    // construction.
    qint64 sent() const { return m_sent; }
    qint64 failed() const { return m_failed; }
    // Ticks skipped because the previous batch had not returned.
    qint64 skippedTicks() const { return m_skippedTicks; }
    // Why it stopped by itself, or the last failure while running; cleared by start() and by
    // a batch that goes through.
    std::optional<Error> lastError() const { return m_lastError; }

    // The next event of the story, stamped `timestamp` (UTC); advances the PRNG. Exposed so
    // tests and previews can see what would be sent.
    PutRecordsRequestEntry nextEvent(const QDateTime &timestamp);
    // A KPL aggregated record of the next `events` events.
    PutRecordsRequestEntry nextAggregate(const QDateTime &timestamp, int events);

signals:
    void stateChanged(bool running);
    // A batch came back: how many records were accepted and how many failed.
    void batchFinished(int accepted, int failed);

private:
    struct User
    {
        QString session;
        QString lastProduct; // slug of the product page seen last, empty if none
        QList<QString> cart; // product slugs
    };

    void tick();
    void sendBatch(int count);
    void handleResult(quint64 run, int count, const std::expected<PutRecordsResponse, Error> &result);
    void handleNotFound(quint64 run, const Error &error);
    void checkStreamReady(quint64 run);
    void countFailedBatch(const Error &error);
    void stopWithError(const Error &error);
    QString newSession();

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    QTimer m_timer;
    QRandomGenerator m_random;
    quint32 m_seed = kDefaultSeed;
    QHash<int, User> m_users; // by user number
    double m_rate = kDefaultRecordsPerSecond;
    double m_carry = 0;       // records owed from earlier ticks (fractions)
    quint64 m_run = 0;        // bumped by start() and stop(): results of older runs only count
    bool m_inFlight = false;
    // The stream was seen ACTIVE or UPDATING since start(); until then ticks ask for its status
    // instead of putting (a CREATING stream refuses records as if it did not exist).
    bool m_streamReady = false;
    int m_aggregateEvery = 0;
    qint64 m_recordsBuilt = 0; // records put so far, for m_aggregateEvery
    int m_failedBatchesInARow = 0;
    qint64 m_sent = 0;
    qint64 m_failed = 0;
    qint64 m_skippedTicks = 0;
    std::optional<Error> m_lastError;
};

} // namespace shardscope
