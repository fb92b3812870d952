#pragma once

#include "kinesis/tokenbucket.h"

#include "kinesis/limits.h"

#include <QHash>
#include <QList>

#include <atomic>
#include <mutex>

namespace shardscope {

struct Catalog;

// Kinesis's per-shard throughput limits for the engine: writes of 1 MiB/s (data plus partition
// key) and 1,000 records/s, reads of 5 GetRecords calls/s and 2 MiB/s, and a read that returned
// 10 MiB makes the shard's reads fail for the next 5 seconds. Each limit is a TokenBucket that
// holds one second of its rate, so a shard may burst up to a second's worth after an idle time,
// and over any longer time it passes exactly the rate.
//
// Buckets are per open shard of a stream incarnation (stream id, shard index), made on first
// use (full) and dropped by retainOpenShards() when the shard is closed or its stream is gone.
// It also counts what each shard was admitted (and refused) over the last second, for usage(),
// and keeps counting while the limits are off, so the use can be shown either way.
//
// Threads: every method is thread-safe (one mutex; puts take it once per record or batch).
class ThroughputLimiter final
{
public:
    struct Limits
    {
        qint64 writeBytesPerSecond = KinesisLimits::kShardWriteBytesPerSecond;
        qint64 writeRecordsPerSecond = KinesisLimits::kShardWriteRecordsPerSecond;
        qint64 readBytesPerSecond = KinesisLimits::kShardReadBytesPerSecond;
        qint64 readCallsPerSecond = KinesisLimits::kShardGetRecordsPerSecond;
        qint64 largeReadBytes = KinesisLimits::kGetRecordsMaxBytes;
        qint64 largeReadPenaltyMs = KinesisLimits::kLargeReadPenaltyMs;

        // Every rate (and the large-read size) times `factor`.
        Limits scaled(int factor) const;
    };
    // One shard's use over the last second (the second ending now), and its limits.
    struct Usage
    {
        qint64 streamId = 0;
        quint32 shard = 0;
        qint64 writeRecords = 0;
        qint64 writeBytes = 0;
        qint64 readCalls = 0;
        qint64 readBytes = 0;
        qint64 writesRefused = 0; // records refused by a write limit
        qint64 readsRefused = 0;  // GetRecords calls refused by a read limit
    };

    ThroughputLimiter();
    explicit ThroughputLimiter(Limits limits, bool enabled = true);
    ThroughputLimiter(const ThroughputLimiter &) = delete;
    ThroughputLimiter &operator=(const ThroughputLimiter &) = delete;

    const Limits &limits() const { return m_limits; }
    bool isEnabled() const { return m_enabled.load(std::memory_order_relaxed); }
    // Turning the limits off forgets every bucket; turned on again, shards start full. The
    // usage counts are kept.
    void setEnabled(bool enabled);

    // Admits one record of `bytes` (data plus partition key) to a shard and takes its cost, or
    // refuses it and takes nothing. Always true when disabled.
    bool admitWrite(qint64 streamId, quint32 shard, qint64 bytes, qint64 nowMs);
    // Admits one GetRecords call on a shard and takes it, or refuses it (calls/s used up, bytes
    // in debt, or the penalty of a large read). Always true when disabled.
    bool admitRead(qint64 streamId, quint32 shard, qint64 nowMs);
    // Charges the bytes an admitted GetRecords returned.
    void chargeRead(qint64 streamId, quint32 shard, qint64 bytes, qint64 nowMs);
    // Counts `records` writes of `bytes` in all to a shard for usage() without admitting them:
    // for the writes that bypass admitWrite() while the limits are off (one call per shard per
    // batch, not one per record).
    void countWrites(qint64 streamId, quint32 shard, qint64 records, qint64 bytes, qint64 nowMs);

    // Drops the buckets of shards that are not open in `catalog` or whose stream is gone.
    void retainOpenShards(const Catalog &catalog, qint64 nowMs);
    // The use of every shard that has buckets, over the second before nowMs.
    QList<Usage> usage(qint64 nowMs) const;
    // The same for the shards of one stream incarnation.
    QList<Usage> usage(qint64 streamId, qint64 nowMs) const;
    // Number of shards with buckets (for tests).
    int bucketCount() const;

private:
    // Counts per tenth of a second, for the last-second usage.
    struct Slot
    {
        qint64 tenth = -1; // nowMs / 100 of the slot's tenth
        qint64 writeRecords = 0;
        qint64 writeBytes = 0;
        qint64 readCalls = 0;
        qint64 readBytes = 0;
        qint64 writesRefused = 0;
        qint64 readsRefused = 0;
    };
    struct Shard
    {
        TokenBucket writeRecords;
        TokenBucket writeBytes;
        TokenBucket readCalls;
        TokenBucket readBytes;
        qint64 readsBlockedUntilMs = 0;
        quint64 bucketsEpoch = 0; // m_bucketsEpoch when the buckets were made
        Slot tenths[10];
    };
    using Key = QPair<qint64, quint32>;

    Shard &shardFor(Key key, qint64 nowMs); // m_mutex held
    static Slot &slotFor(Shard &shard, qint64 nowMs);
    static Usage usageOf(Key key, const Shard &shard, qint64 nowMs);

    const Limits m_limits;
    std::atomic<bool> m_enabled;
    mutable std::mutex m_mutex;
    QHash<Key, Shard> m_shards; // guarded by m_mutex
    quint64 m_bucketsEpoch = 0; // guarded by m_mutex; setEnabled() makes every bucket stale
};

} // namespace shardscope
