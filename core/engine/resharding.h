#pragma once

#include "catalog.h"

namespace shardscope {

// Shard topology changes on a stream's metadata (no I/O). Each closes its parents at
// `closeCounter` (their EndingSequenceNumber) and opens children starting right after it.
namespace Resharding {

// Splits an open shard at newStart (start < newStart <= end). Returns the two children.
std::pair<quint32, quint32> split(StreamMeta &stream, quint32 shard, HashKey newStart,
                                  qint64 nowMs, qint64 closeCounter);
// Merges two open, adjacent shards. Returns the child.
quint32 merge(StreamMeta &stream, quint32 shard, quint32 adjacent, qint64 nowMs,
              qint64 closeCounter);
// Uniform scaling as UpdateShardCount does it: a sequence of real splits and merges that ends
// with `target` open shards tiling the key space evenly. Intermediate shards are created and
// closed at once, as in Kinesis.
void scaleUniformly(StreamMeta &stream, int target, qint64 nowMs, qint64 closeCounter);

} // namespace Resharding
} // namespace shardscope
