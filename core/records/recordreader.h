#pragma once

#include "kinesis/api.h"
#include "kinesis/error.h"
#include "records/arrivalmerge.h"
#include "records/recordentry.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <expected>

namespace shardscope {

class StreamBackend;

// Where a tail starts reading. `shardId` empty means every shard of the stream.
struct TailStart
{
    ShardIteratorType type = ShardIteratorType::Latest;
    QString shardId;
    QString sequenceNumber; // AT_ / AFTER_SEQUENCE_NUMBER
    qint64 timestampMs = 0; // AT_TIMESTAMP, milliseconds since the epoch
};

// What the Records tab reads a stream live through: polling with GetRecords (TailReader) or
// pushed through an enhanced fan-out consumer (FanOutReader). The page holds either through this
// one surface: start/pause/resume/stop, the state, the records in batches in arrival order.
//
// Threads: GUI thread.
class RecordReader : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordReader)

public:
    enum class State { Stopped, Running, Paused, Failed };
    Q_ENUM(State)

    ~RecordReader() override = default;

    // Stops a read in progress first. Errors in `start` come back at once; the service's
    // errors through failed() (or warning(), when only one shard is affected).
    virtual std::expected<void, QString> start(StreamBackend *backend, const QString &streamName,
                                               const TailStart &start) = 0;
    virtual void pause() = 0;
    virtual void resume() = 0;
    virtual void stop() = 0;

    State state() const { return m_state; }
    bool isActive() const { return m_state == State::Running || m_state == State::Paused; }
    QString streamName() const { return m_streamName; }
    // Shards being read or waiting for their parents; finished ones not counted.
    virtual int activeShardCount() const = 0;
    virtual int throttledShardCount() const { return 0; }
    // Records handed out since start.
    qint64 recordCount() const { return m_recordCount; }
    // Records read but held back by the arrival-order merge.
    int bufferedCount() const { return m_merge.size(); }

    // The start position checked before any call: a sequence number is decimal digits, and an
    // AT_/AFTER_SEQUENCE_NUMBER start without a shard takes the shard the number names (our own
    // numbers do; others only fit one shard nobody can guess).
    static std::expected<TailStart, QString> checkedStart(const TailStart &start);

signals:
    void recordsReceived(const QList<shardscope::RecordEntry> &records);
    void stateChanged(shardscope::RecordReader::State state);
    void throttledChanged(int throttledShards);
    // A shard started being read, reached its end, or was discovered.
    void shardsChanged();
    // A transient problem (the call is retried), or one shard that stopped.
    void warning(const QString &message);
    void failed(const shardscope::Error &error);

protected:
    explicit RecordReader(QObject *parent = nullptr) : QObject(parent) {}

    void setState(State state);
    // Hands out, in arrival order, what the merge holds below `bound` (everything when `all`),
    // and sets m_releaseTimer for what waits. Readers compute the bound from their shards.
    void releaseBelow(ArrivalMerge::Bound bound, qint64 nowMs, bool all);

    QString m_streamName;
    ArrivalMerge m_merge;
    qint64 m_recordCount = 0;
    QTimer m_releaseTimer; // single shot; each reader connects it to its release

private:
    State m_state = State::Stopped;
};

} // namespace shardscope
