#include "reshardplan.h"

#include "kinesis/limits.h"

#include <QLocale>

namespace shardscope {

QString ReshardPlan::splitRefusal(const BandShard &shard, HashKey key)
{
    if (!shard.open)
        return tr("%1 is closed: only open shards can be split.").arg(shard.shardId);
    if (key.value <= shard.range.start.value + 1 || key.value >= shard.range.end.value)
        return tr("The split key must lie inside %1's range, above its first key plus one and below "
                  "its last key, so that both new shards get keys.")
            .arg(shard.shardId);
    return {};
}

QString ReshardPlan::mergeRefusal(const BandShard &a, const BandShard &b)
{
    if (a.shardId == b.shardId)
        return tr("Select two different shards: click one, then Shift+click its neighbour.");
    for (const BandShard *shard : {&a, &b}) {
        if (!shard->open)
            return tr("%1 is closed: only open shards can be merged.").arg(shard->shardId);
    }
    const BandShard &first = a.range.start < b.range.start ? a : b;
    const BandShard &second = &first == &a ? b : a;
    if (!first.range.isAdjacentBefore(second.range))
        return tr("%1 and %2 are not adjacent: %1 ends at %3 % of the key space and %2 starts at "
                  "%4 %. Kinesis merges only two shards whose hash-key ranges touch; pick a "
                  "direct neighbour.")
            .arg(first.shardId, second.shardId, QLocale().toString(first.end * 100, 'f', 2),
                 QLocale().toString(second.start * 100, 'f', 2));
    return {};
}

QString ReshardPlan::scaleRefusal(int open, int target)
{
    if (target < 1 || target > KinesisLimits::kMaxShardCountPerRequest)
        return tr("The target must be between 1 and %1 shards.")
            .arg(QLocale().toString(KinesisLimits::kMaxShardCountPerRequest));
    if (open <= 0)
        return tr("The stream has no open shards to scale.");
    if (target == open)
        return tr("The stream already has %1 open shards.").arg(open);
    if (target > 2 * open)
        return tr("One call can at most double the open shards: at most %1 from %2.").arg(2 * open).arg(open);
    if (target * 2 < open)
        return tr("One call can at most halve the open shards: at least %1 from %2.").arg((open + 1) / 2).arg(open);
    return {};
}

QString ReshardPlan::abbreviated(HashKey key)
{
    return tr("%1 (%2 %)")
        .arg(QLocale().toString(double(key.value), 'g', 3),
             QLocale().toString(ShardBandLayout::fractionOf(key) * 100, 'f', 2));
}

} // namespace shardscope
