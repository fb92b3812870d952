#pragma once

#include "catalog.h"

namespace shardscope {

// Shard topology changes on a stream's metadata (no I/O). `counter` is the stream's next free
// sequence counter: each step closes its parents there (their EndingSequenceNumber), opens the
// children right after it, and moves the counter past both, so every shard's range is ordered
// after its parents' even when one call takes several steps.
namespace Resharding {

// Splits an open shard at newStart (start < newStart <= end). Returns the two children.
std::pair<quint32, quint32> split(StreamMeta &stream, quint32 shard, HashKey newStart,
                                  qint64 nowMs, qint64 &counter);
// Merges two open, adjacent shards. Returns the child.
quint32 merge(StreamMeta &stream, quint32 shard, quint32 adjacent, qint64 nowMs,
              qint64 &counter);
// Uniform scaling as UpdateShardCount does it: a sequence of real splits and merges that ends
// with `target` open shards tiling the key space evenly. Intermediate shards are created and
// closed at once, as in Kinesis.
void scaleUniformly(StreamMeta &stream, int target, qint64 nowMs, qint64 &counter);
// Whether an open shard's range holds enough keys to split (two keys or more).
bool canSplitAtMidpoint(const ShardMeta &shard);
// Splits an open shard at the midpoint of its hash range (canSplitAtMidpoint). Returns the
// two children.
std::pair<quint32, quint32> splitAtMidpoint(StreamMeta &stream, quint32 shard, qint64 nowMs,
                                            qint64 &counter);
// Splits the widest open shard at its midpoint until the stream has `target` open shards (or
// none can be split), children included: the way an on-demand stream is warmed.
void splitWidestUntil(StreamMeta &stream, int target, qint64 nowMs, qint64 &counter);

} // namespace Resharding
} // namespace shardscope
