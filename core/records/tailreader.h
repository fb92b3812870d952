#pragma once

#include "backend/streambackend.h"
#include "kinesis/api.h"
#include "kinesis/error.h"
#include "kinesis/limits.h"
#include "records/recordentry.h"
#include "records/recordreader.h"
#include "records/shardlineage.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <expected>
#include <memory>
#include <vector>

namespace shardscope {

struct TailOptions
{
    // GetRecords calls per second and shard; 0 picks the default for the backend: 5 against
    // AWS (the Kinesis read quota), unlimited against the local emulator. The bucket holds one
    // token, so any one-second window sees at most this many calls.
    double getRecordsPerSecond = 0;
    int limit = KinesisLimits::kGetRecordsMaxRecords; // records per GetRecords
    // How long a shard that has caught up waits before asking again. The local emulator also
    // wakes it at once through recordsAppended, so there this is only a fallback.
    int idlePollMs = -1; // -1: 500 ms against AWS, 1000 ms against the emulator
    // How long a record may wait in the merge for a slower shard before it is emitted anyway.
    int maxHoldMs = 1000;
    int listShardsIntervalMs = 10000;
    int initialBackoffMs = 250;
    int maxBackoffMs = 10000;
};

// Reads a stream, one shard or all of them, through any StreamBackend and emits the records in
// batches, merged across shards in arrival order.
//
// Merge (ArrivalMerge): each shard has a watermark, the arrival time of the last record it delivered (or
// "infinite" once a GetRecords said it is caught up, MillisBehindLatest 0). A buffered record is
// emitted once every other reading shard's watermark has passed its arrival time, or when it has
// waited maxHoldMs (a throttled or slow shard must not stall the view). Emitted batches are
// ordered by (ApproximateArrivalTimestamp, shard index), sequence order within a shard. Records
// that arrive on an idle shard after a later record of another shard went out are emitted
// late, not reordered: a live tail cannot wait forever.
//
// Resharding: a child shard starts (at TRIM_HORIZON) only after every parent it shares with the
// tail reached its end (GetRecords returned no NextShardIterator, with ChildShards). New shards
// are picked up from ChildShards, from catalogChanged and recordsAppended of the backend, and
// from a ListShards every listShardsIntervalMs. When a single shard is tailed, only its
// descendants are followed.
//
// Quota: a per-shard token bucket (getRecordsPerSecond). Throttling errors back a shard off
// exponentially and mark it throttled until a call succeeds (throttledShardCount()).
// An expired iterator is replaced by one AFTER_SEQUENCE_NUMBER the last record read (or the
// start position when none was read). A deleted stream, or a start position the service
// rejects, stops the tail with failed().
//
// Pause stops issuing calls (answers to calls already in flight are still delivered).
//
// Threads: GUI thread; every backend call is asynchronous. Does not own the backend.
class TailReader final : public RecordReader
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TailReader)

public:
    explicit TailReader(QObject *parent = nullptr);
    ~TailReader() override;

    void setOptions(const TailOptions &options) { m_options = options; }
    const TailOptions &options() const { return m_options; }

    // Stops a tail in progress first. Errors in `start` (an AT_SEQUENCE_NUMBER start without a
    // shard that the number names) come back at once; the service's errors through failed().
    std::expected<void, QString> start(StreamBackend *backend, const QString &streamName,
                                       const TailStart &start) override;
    void pause() override;
    void resume() override;
    void stop() override;

    // Shards being read or waiting for their parents; finished ones not counted.
    int activeShardCount() const override;
    int finishedShardCount() const;
    int throttledShardCount() const override { return int(m_throttled.size()); }
    double effectiveGetRecordsPerSecond() const;

private:
    struct Shard;

    // Sets the phase of a shard the lineage now follows: reading, or waiting for its parents.
    Shard *follow(Shard *shard);
    void applyShardList(const QList<shardscope::Shard> &shards, bool initial);
    void startReadyChildren();
    void refreshShards();
    void pump();
    void requestIterator(const std::shared_ptr<Shard> &shard);
    void fetch(const std::shared_ptr<Shard> &shard);
    void handleRecords(const std::shared_ptr<Shard> &shard, const GetRecordsResponse &response);
    void handleError(const std::shared_ptr<Shard> &shard, const Error &error, bool iteratorCall);
    void setThrottled(Shard &shard, bool throttled);
    void fail(const Error &error);
    void wake(const QString &streamName, const QString &shardId);
    void release(bool all = false);
    qint64 now() const { return m_clock.elapsed(); }

    TailOptions m_options;
    QPointer<StreamBackend> m_backend;
    TailStart m_start;
    quint64 m_run = 0; // answers of an earlier run are dropped
    ShardLineage<Shard> m_lineage;
    QSet<QString> m_throttled;
    bool m_listing = false;
    QElapsedTimer m_clock;
    QTimer m_pumpTimer;
    QTimer m_listTimer;
    QTimer m_catalogDebounce;
    QList<QMetaObject::Connection> m_backendConnections;
};

} // namespace shardscope
