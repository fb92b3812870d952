#include "sharddata.h"

#include "modelroles.h"

namespace shardscope::ShardData {

double keyFraction(HashKey key)
{
    return static_cast<double>(key.value) / static_cast<double>(HashKey::kMaxValue);
}

QString sortableKey(HashKey key)
{
    return key.toDecimal().rightJustified(39, u'0');
}

bool sameShard(const Shard &a, const Shard &b)
{
    return a.shardId == b.shardId && a.parentShardId == b.parentShardId
        && a.adjacentParentShardId == b.adjacentParentShardId && a.hashKeyRange == b.hashKeyRange
        && a.startingSequenceNumber == b.startingSequenceNumber
        && a.endingSequenceNumber == b.endingSequenceNumber;
}

QVariant roleData(const Shard &shard, int role)
{
    switch (role) {
    case ModelRole::NodeKindRole:
        return QVariant::fromValue(int(NodeKind::Shard));
    case ModelRole::NameRole:
    case ModelRole::ShardIdRole:
        return shard.shardId;
    case ModelRole::ShardStateRole:
        return int(shard.endingSequenceNumber ? ShardState::Closed : ShardState::Open);
    case ModelRole::HashRangeStartRole:
        return shard.hashKeyRange.start.toDecimal();
    case ModelRole::HashRangeEndRole:
        return shard.hashKeyRange.end.toDecimal();
    case ModelRole::HashRangeStartFractionRole:
        return keyFraction(shard.hashKeyRange.start);
    case ModelRole::HashRangeEndFractionRole:
        return keyFraction(shard.hashKeyRange.end);
    case ModelRole::StartingSequenceNumberRole:
        return shard.startingSequenceNumber.toString();
    case ModelRole::EndingSequenceNumberRole:
        return shard.endingSequenceNumber ? QVariant(shard.endingSequenceNumber->toString())
                                          : QVariant();
    case ModelRole::ParentShardIdRole:
        return shard.parentShardId ? QVariant(*shard.parentShardId) : QVariant();
    case ModelRole::AdjacentParentShardIdRole:
        return shard.adjacentParentShardId ? QVariant(*shard.adjacentParentShardId) : QVariant();
    default:
        return {};
    }
}

} // namespace shardscope::ShardData
