#pragma once

#include "kinesis/hashkey.h"
#include "shardbandlayout.h"

#include <QCoreApplication>
#include <QString>

namespace shardscope {

// What a reshard by hand would do and why Kinesis would refuse it, worked out before the call
// so the preview can say it in words: SplitShard's key bounds, MergeShards' adjacency, and
// UpdateShardCount's double/half rule. The backend still decides; this only explains early.
class ReshardPlan final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::ReshardPlan)

public:
    // Empty when `key` may split `shard` (both children non-empty: start + 1 < key < end, as
    // SplitShard demands), else why not.
    static QString splitRefusal(const BandShard &shard, HashKey key);
    // Empty when `a` and `b` may be merged (both open, their ranges touching), else why not.
    static QString mergeRefusal(const BandShard &a, const BandShard &b);
    // Empty when UpdateShardCount may go from `open` to `target` open shards in one call.
    static QString scaleRefusal(int open, int target);
    // A hash key abbreviated for a label: "1.70e38 (50.0 %)"; the exact decimal goes in tooltips.
    static QString abbreviated(HashKey key);
};

} // namespace shardscope
