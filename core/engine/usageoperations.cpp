// Each open shard's current use against its throughput limits (not a Kinesis operation): the
// limiter's last-second counts, per shard id, with the limits it enforces.

#include "enginecore.h"

#include "kinesis/shardid.h"

#include <QHash>

namespace shardscope {
namespace UsageOperations {

std::expected<QList<ShardUsage>, Error> shardUsage(const EngineCore &core,
                                                   const StreamTarget &target)
{
    const auto resolved = core.resolve(target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &stream = **resolved;
    const qint64 nowMs = core.now();
    const ThroughputLimiter &limiter = core.limiter();

    QHash<quint32, ThroughputLimiter::Usage> counted;
    for (const ThroughputLimiter::Usage &use : limiter.usage(stream.id, nowMs))
        counted.insert(use.shard, use);
    const ThroughputLimiter::Limits &enforced = limiter.limits();
    const ShardUsage::Limits limits{enforced.writeRecordsPerSecond, enforced.writeBytesPerSecond,
                                    enforced.readCallsPerSecond, enforced.readBytesPerSecond};
    // The counts cover one second, so they are the rates per second.
    constexpr qint64 kWindowMs = 1000;

    QList<ShardUsage> result;
    for (const ShardMeta &shard : stream.shards) {
        if (!shard.isOpen())
            continue;
        const ThroughputLimiter::Usage use = counted.value(shard.index);
        ShardUsage usage;
        usage.shardId = ShardId::format(shard.index);
        usage.writeRecordsPerSecond = double(use.writeRecords);
        usage.writeBytesPerSecond = double(use.writeBytes);
        usage.readCallsPerSecond = double(use.readCalls);
        usage.readBytesPerSecond = double(use.readBytes);
        usage.writesThrottledPerSecond = double(use.writesRefused);
        usage.readsThrottledPerSecond = double(use.readsRefused);
        usage.limits = limits;
        usage.enforced = limiter.isEnabled();
        usage.windowMs = kWindowMs;
        result.append(usage);
    }
    return result;
}

} // namespace UsageOperations
} // namespace shardscope
