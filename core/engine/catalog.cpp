#include "catalog.h"

#include "kinesis/shardid.h"

#include <algorithm>

namespace shardscope {

StreamStatus StreamMeta::effectiveStatus(qint64 nowMs) const
{
    if ((status == StreamStatus::Creating || status == StreamStatus::Updating) &&
        nowMs >= statusUntilMs)
        return StreamStatus::Active;
    return status;
}

ConsumerStatus ConsumerMeta::effectiveStatus(qint64 nowMs) const
{
    if (status == ConsumerStatus::Creating && nowMs >= statusUntilMs)
        return ConsumerStatus::Active;
    return status;
}

int StreamMeta::consumerCount(qint64 nowMs) const
{
    int count = 0;
    for (const ConsumerMeta &consumer : consumers)
        count += consumer.isGone(nowMs) ? 0 : 1;
    return count;
}

qint64 StreamMeta::trimHorizonMs(qint64 nowMs) const
{
    return std::max(createdMs, nowMs - retentionMs());
}

const ShardMeta &StreamMeta::routeTo(HashKey key) const
{
    // Last open shard whose start is <= key.
    auto it = std::upper_bound(openShardsByStart.cbegin(), openShardsByStart.cend(), key,
                               [this](HashKey k, quint32 index) {
                                   return k < shards[index].range.start;
                               });
    Q_ASSERT(it != openShardsByStart.cbegin());
    return shards[*(it - 1)];
}

const ShardMeta *StreamMeta::findShard(const QString &shardId) const
{
    const auto index = ShardId::parse(shardId);
    if (!index || *index >= quint32(shards.size()))
        return nullptr;
    return &shards[*index];
}

bool StreamMeta::isListed(const ShardMeta &shard, qint64 nowMs) const
{
    return shard.isOpen() || *shard.closedMs >= nowMs - retentionMs();
}

void StreamMeta::rebuildDerived()
{
    openShardsByStart.clear();
    for (const ShardMeta &shard : shards) {
        if (shard.isOpen())
            openShardsByStart.append(shard.index);
    }
    std::sort(openShardsByStart.begin(), openShardsByStart.end(), [this](quint32 a, quint32 b) {
        return shards[a].range.start < shards[b].range.start;
    });
}

MinimumThroughputBillingCommitment BillingCommitmentMeta::effective(qint64 nowMs) const
{
    MinimumThroughputBillingCommitment out;
    if (!startedMs)
        return out;
    out.startedAt = startedMs;
    if (endedMs && *endedMs <= nowMs) {
        out.status = BillingCommitmentStatus::Disabled;
        out.endedAt = endedMs;
        return out;
    }
    out.status = endedMs ? BillingCommitmentStatus::EnabledUntilEarliestAllowedEnd
                         : BillingCommitmentStatus::Enabled;
    out.earliestAllowedEndAt = earliestEndMs;
    return out;
}

} // namespace shardscope
