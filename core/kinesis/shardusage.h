#pragma once

#include "kinesis/limits.h"

#include <QList>
#include <QString>

#include <optional>

namespace shardscope {

// One open shard's current use against its throughput limits: what it was written and read
// over a recent window, as rates per second, beside the limits Kinesis sets per shard. Not part
// of the Kinesis API. The emulator measures the last second itself (whether or not it enforces
// the limits); AWS backends read CloudWatch's shard-level metrics of the last complete minute,
// which exist only where the stream has enhanced monitoring for them.
struct ShardUsage
{
    // Kinesis's per-shard limits: writes of 1,000 records/s and 1 MiB/s (data plus partition
    // keys), reads of 5 GetRecords calls/s and 2 MiB/s.
    struct Limits
    {
        qint64 writeRecordsPerSecond = KinesisLimits::kShardWriteRecordsPerSecond;
        qint64 writeBytesPerSecond = KinesisLimits::kShardWriteBytesPerSecond;
        qint64 readCallsPerSecond = KinesisLimits::kShardGetRecordsPerSecond;
        qint64 readBytesPerSecond = KinesisLimits::kShardReadBytesPerSecond;

        // Every limit times `factor` (an emulator started with raised limits).
        Limits scaled(int factor) const;
        bool operator==(const Limits &) const = default;
    };
    // Which of a direction's limits a fraction was measured against.
    enum class Measure { Records, Bytes, Calls };

    QString shardId;
    // Rates over the window; empty when the backend cannot measure them (AWS publishes no
    // per-shard GetRecords calls, and nothing per shard without enhanced monitoring).
    std::optional<double> writeRecordsPerSecond;
    std::optional<double> writeBytesPerSecond;
    std::optional<double> readCallsPerSecond;
    std::optional<double> readBytesPerSecond;
    // Records and GetRecords calls refused for exceeding a limit, per second over the window.
    double writesThrottledPerSecond = 0;
    double readsThrottledPerSecond = 0;
    Limits limits;
    // Whether the backend refuses what goes over the limits (AWS always does; the emulator
    // unless its limits are turned off). The use is measured either way.
    bool enforced = true;
    // The window the rates average over, ending at (or, on AWS, shortly before) now.
    qint64 windowMs = 1000;
    // On AWS: some rates are empty because the stream's enhanced monitoring is off for the
    // shard-level metrics they come from.
    bool needsEnhancedMonitoring = false;

    // The fraction of the tightest write limit used: the larger of records/limit and
    // bytes/limit (1.0 is at the limit; more is possible over a window that began full).
    // Empty when neither rate is known.
    std::optional<double> writeFraction() const;
    std::optional<double> readFraction() const;
    // The limit writeFraction() / readFraction() was measured against.
    Measure tightestWrite() const;
    Measure tightestRead() const;
    bool isThrottled() const { return writesThrottledPerSecond > 0 || readsThrottledPerSecond > 0; }

    bool operator==(const ShardUsage &) const = default;
};

// The busiest shard by the larger of its write and read fractions, or nothing when every
// shard's use is unknown.
std::optional<ShardUsage> hottestShard(const QList<ShardUsage> &usage);

// How often reading the use again is worth it: once a second, or four times per window when the
// rates average over longer (a CloudWatch minute).
int usageRefreshIntervalMs(const QList<ShardUsage> &usage);

} // namespace shardscope
