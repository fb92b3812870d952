#pragma once

#include "kinesis/error.h"
#include "records/recordentry.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace shardscope {

class StreamBackend;
struct GetRecordsResponse;

// Which records of a stream: those that arrived in [fromMs, toMs], or whose sequence numbers
// lie in [fromSequence, toSequence] (numerically; either end may be empty = open). Both ends
// inclusive. `shardIds` narrows it to some shards; empty means all of them.
struct RecordRange
{
    enum class Kind { Time, Sequence };

    Kind kind = Kind::Time;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString fromSequence;
    QString toSequence;
    QStringList shardIds;

    static RecordRange byTime(qint64 fromMs, qint64 toMs)
    {
        RecordRange range;
        range.fromMs = fromMs;
        range.toMs = toMs;
        return range;
    }
    static RecordRange bySequence(const QString &from, const QString &to)
    {
        RecordRange range;
        range.kind = Kind::Sequence;
        range.fromSequence = from;
        range.toSequence = to;
        return range;
    }
};

// Reads the records of a range from a stream through any backend. Every shard the stream
// lists (closed ones too, parents before children; children a closed shard names are followed
// even if they were created during the read) is read from GetShardIterator AT_TIMESTAMP
// (time range) or AT_SEQUENCE_NUMBER (sequence range; AT_TIMESTAMP of the number's time on the
// other shards when the number is the emulator's, TRIM_HORIZON when it is foreign) until a
// record past the end of the range, the end of a closed shard or the tip of an open one.
// records() come out in arrival order (stable, so one key's records keep their order).
//
// Shards are read one after another; against AWS at most 5 GetRecords per second. Throttled
// reads wait and retry; an expired iterator is renewed after the last record read. At
// maxRecords the read stops and isTruncated() says so.
//
// Threads: GUI thread; every backend call is asynchronous. Does not own the backend.
class RangeReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RangeReader)

public:
    static constexpr qsizetype kDefaultMaxRecords = 1'000'000;

    explicit RangeReader(QObject *parent = nullptr);
    ~RangeReader() override;

    void start(StreamBackend *backend, const QString &streamName, const RecordRange &range,
               qsizetype maxRecords = kDefaultMaxRecords);
    void cancel();

    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }
    bool isTruncated() const { return m_truncated; }
    const QList<RecordEntry> &records() const { return m_records; }
    const std::optional<Error> &error() const { return m_error; }
    int shardsDone() const { return m_shardsDone; }
    int shardsTotal() const { return int(m_queue.size()); }

signals:
    void progress(qint64 records, int shardsDone, int shardsTotal);
    void finished(bool cancelled);

private:
    struct ShardToRead
    {
        QString shardId;
        QString startingSequence;
        QString endingSequence; // empty while open
    };

    void listShards();
    void nextShard();
    void requestIterator(bool renew);
    void read();
    void handlePage(const GetRecordsResponse &page);
    void shardDone();
    bool retryAfterThrottle(const Error &error);
    void finish(std::optional<Error> error = {});
    void later(int ms, void (RangeReader::*what)());
    bool isPastEnd(const RecordEntry &record) const;
    bool isBeforeStart(const RecordEntry &record) const;
    bool canHoldRange(const ShardToRead &shard) const;

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    RecordRange m_range;
    qsizetype m_maxRecords = kDefaultMaxRecords;

    QList<ShardToRead> m_queue;
    QSet<QString> m_known;
    qsizetype m_current = -1;
    QString m_iterator;
    QString m_lastSequence; // the last record read on the current shard
    QList<RecordEntry> m_shardRecords;
    QList<RecordEntry> m_records;
    int m_shardsDone = 0;
    int m_throttled = 0;
    bool m_triedTrimHorizon = false;

    quint64 m_generation = 0;
    std::optional<Error> m_error;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_truncated = false;
};

} // namespace shardscope
