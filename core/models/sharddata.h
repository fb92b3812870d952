#pragma once

#include "kinesis/api.h"

#include <QVariant>

namespace shardscope {

// The semantic roles of one shard (ShardIdRole, ShardStateRole, HashRange*Role, sequence and
// parent roles), shared by the tree and the shards table so both answer alike.
namespace ShardData {
QVariant roleData(const Shard &shard, int role);
// Where a hash key lies in the key space, 0 (first key) to 1 (last key); for shard maps.
double keyFraction(HashKey key);
// A decimal hash key padded to 39 digits, so text order is numeric order.
QString sortableKey(HashKey key);
bool sameShard(const Shard &a, const Shard &b);
} // namespace ShardData

} // namespace shardscope
