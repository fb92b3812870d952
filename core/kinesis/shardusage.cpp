#include "shardusage.h"

#include <algorithm>

namespace shardscope {

namespace {

// rate / limit for each known rate, and the measure of the largest; empty when none is known.
struct Tightest
{
    std::optional<double> fraction;
    ShardUsage::Measure measure = ShardUsage::Measure::Records;

    void offer(const std::optional<double> &rate, qint64 limit, ShardUsage::Measure of)
    {
        if (!rate || limit <= 0)
            return;
        const double share = *rate / double(limit);
        if (!fraction || share > *fraction) {
            fraction = share;
            measure = of;
        }
    }
};

Tightest writeTightest(const ShardUsage &usage)
{
    Tightest tightest;
    tightest.offer(usage.writeRecordsPerSecond, usage.limits.writeRecordsPerSecond,
                   ShardUsage::Measure::Records);
    tightest.offer(usage.writeBytesPerSecond, usage.limits.writeBytesPerSecond,
                   ShardUsage::Measure::Bytes);
    return tightest;
}

Tightest readTightest(const ShardUsage &usage)
{
    Tightest tightest;
    tightest.offer(usage.readCallsPerSecond, usage.limits.readCallsPerSecond,
                   ShardUsage::Measure::Calls);
    tightest.offer(usage.readBytesPerSecond, usage.limits.readBytesPerSecond,
                   ShardUsage::Measure::Bytes);
    return tightest;
}

} // namespace

ShardUsage::Limits ShardUsage::Limits::scaled(int factor) const
{
    Limits limits = *this;
    limits.writeRecordsPerSecond *= factor;
    limits.writeBytesPerSecond *= factor;
    limits.readCallsPerSecond *= factor;
    limits.readBytesPerSecond *= factor;
    return limits;
}

std::optional<double> ShardUsage::writeFraction() const
{
    return writeTightest(*this).fraction;
}

std::optional<double> ShardUsage::readFraction() const
{
    return readTightest(*this).fraction;
}

ShardUsage::Measure ShardUsage::tightestWrite() const
{
    return writeTightest(*this).measure;
}

ShardUsage::Measure ShardUsage::tightestRead() const
{
    return readTightest(*this).measure;
}

std::optional<ShardUsage> hottestShard(const QList<ShardUsage> &usage)
{
    std::optional<ShardUsage> hottest;
    double hottestFraction = -1;
    for (const ShardUsage &shard : usage) {
        const auto write = shard.writeFraction();
        const auto read = shard.readFraction();
        if (!write && !read)
            continue;
        const double fraction = std::max(write.value_or(0), read.value_or(0));
        if (fraction > hottestFraction) {
            hottest = shard;
            hottestFraction = fraction;
        }
    }
    return hottest;
}

int usageRefreshIntervalMs(const QList<ShardUsage> &usage)
{
    constexpr qint64 kOncePerSecondMs = 1000;
    const qint64 window = usage.isEmpty() ? 0 : usage.constFirst().windowMs;
    return int(std::max(kOncePerSecondMs, window / 4));
}

} // namespace shardscope
