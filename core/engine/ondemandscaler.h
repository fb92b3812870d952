#pragma once

#include "catalog.h"
#include "throughputlimiter.h"

#include "kinesis/error.h"

#include <QHash>

#include <expected>

namespace shardscope {

class EngineCore;
class SqliteDb;

// On-demand streams scale out by themselves, as on AWS: a stream's capacity is its open shards
// times the per-shard limits (a new one's 4 shards: 4 MiB/s and 4,000 records/s of writes,
// 8 MiB/s of reads). Each housekeeping round samples every ACTIVE on-demand stream's write use
// over the last second (what the throughput limiter admitted). When every sample of a window
// (EngineOptions::onDemandScaleOutWindowMs) is at or above onDemandScaleOutPercent of the
// capacity (bytes or records, whichever is nearer), the stream gets room for double its mean
// use over the window, as AWS keeps room for double a stream's peak: its hottest shards are
// split at the midpoint of their hash ranges, each at most once a round, through the same
// path as SplitShard (UPDATING, parents closed, children open, lineage). The next round waits
// until the stream is ACTIVE again and its new shards have carried a window of their own.
// Open shards stop at onDemandMaxShards and the account's shard limit, or at the stream's warm
// throughput when that asks for more. A single partition key hotter than a shard stays
// throttled (its shard's half would carry it all), as on AWS.
//
// Threads: the writer thread only (housekeeping), like the catalog's working copy.
class OnDemandScaler final
{
public:
    struct Capacity
    {
        qint64 writeBytesPerSecond = 0;
        qint64 writeRecordsPerSecond = 0;
        qint64 readBytesPerSecond = 0;
    };
    // A stream's capacity under `limits`: its open shards times each per-shard limit.
    static Capacity capacity(const StreamMeta &stream, const ThroughputLimiter::Limits &limits);
    // The open shards a stream's warm throughput asks for (1 MiB/s each), within the account's
    // shard limit; 0 without one.
    static int warmShards(const EngineCore &core, const StreamMeta &stream);
    // The most open shards an on-demand stream may reach by itself (its warm throughput's when
    // that is more).
    static int maxShards(const EngineCore &core, const StreamMeta &stream);

    // One round: samples the use of every ACTIVE on-demand stream and scales out the streams
    // whose window is full. Inside the housekeeping group.
    std::expected<void, Error> run(EngineCore &core, SqliteDb &db);

private:
    // A stream's run of samples at or above the threshold.
    struct Streak
    {
        qint64 sinceMs = 0;      // the first sample of the run
        qint64 lastSampleMs = 0; // the latest one
        int samples = 0;
        double fractionSum = 0;      // sum of each sample's share of the capacity
        QHash<quint32, double> heat; // per open shard: the sum of its shares of a shard's limit
    };

    std::expected<void, Error> scaleOut(EngineCore &core, SqliteDb &db, const StreamMeta &stream,
                                        const Streak &streak, qint64 nowMs);

    QHash<qint64, Streak> m_streaks; // by stream id
};

} // namespace shardscope
