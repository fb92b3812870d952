#include "resharding.h"

namespace shardscope::Resharding {

namespace {

quint32 addShard(StreamMeta &stream, HashKeyRange range, std::optional<quint32> parent,
                 std::optional<quint32> adjacentParent, qint64 nowMs, qint64 closeCounter)
{
    ShardMeta shard;
    shard.index = quint32(stream.shards.size());
    shard.parent = parent;
    shard.adjacentParent = adjacentParent;
    shard.range = range;
    shard.startCounter = closeCounter + 1;
    shard.createdMs = nowMs;
    stream.shards.append(shard);
    return shard.index;
}

void close(StreamMeta &stream, quint32 shard, qint64 nowMs, qint64 closeCounter)
{
    stream.shards[shard].endCounter = closeCounter;
    stream.shards[shard].closedMs = nowMs;
}

} // namespace

std::pair<quint32, quint32> split(StreamMeta &stream, quint32 shard, HashKey newStart,
                                  qint64 nowMs, qint64 &counter)
{
    const qint64 closeCounter = counter;
    counter += 2;
    const HashKeyRange range = stream.shards[shard].range;
    close(stream, shard, nowMs, closeCounter);
    const quint32 left = addShard(stream, HashKeyRange{range.start, HashKey{newStart.value - 1}},
                                  shard, std::nullopt, nowMs, closeCounter);
    const quint32 right = addShard(stream, HashKeyRange{newStart, range.end}, shard,
                                   std::nullopt, nowMs, closeCounter);
    stream.rebuildDerived();
    return {left, right};
}

quint32 merge(StreamMeta &stream, quint32 shard, quint32 adjacent, qint64 nowMs,
              qint64 &counter)
{
    const qint64 closeCounter = counter;
    counter += 2;
    const HashKeyRange a = stream.shards[shard].range;
    const HashKeyRange b = stream.shards[adjacent].range;
    close(stream, shard, nowMs, closeCounter);
    close(stream, adjacent, nowMs, closeCounter);
    const HashKeyRange merged{std::min(a.start, b.start), std::max(a.end, b.end)};
    const quint32 child = addShard(stream, merged, shard, adjacent, nowMs, closeCounter);
    stream.rebuildDerived();
    return child;
}

void scaleUniformly(StreamMeta &stream, int target, qint64 nowMs, qint64 &counter)
{
    const QList<HashKeyRange> goal = HashKeyRange::evenSplit(target);

    // 1. Split every open shard at each goal boundary strictly inside it, so that every open
    //    shard then lies within one goal range.
    for (int g = 1; g < goal.size(); ++g) {
        const HashKey boundary = goal[g].start;
        const ShardMeta &owner = stream.routeTo(boundary);
        if (owner.range.start != boundary)
            Resharding::split(stream, owner.index, boundary, nowMs, counter);
    }

    // 2. Within each goal range, merge its pieces from left to right into one shard.
    for (const HashKeyRange &range : goal) {
        QList<quint32> pieces;
        for (quint32 index : stream.openShardsByStart) {
            const HashKeyRange &r = stream.shards[index].range;
            if (range.start <= r.start && r.end <= range.end)
                pieces.append(index);
        }
        quint32 current = pieces.front();
        for (qsizetype i = 1; i < pieces.size(); ++i)
            current = Resharding::merge(stream, current, pieces[i], nowMs, counter);
    }
}

bool canSplitAtMidpoint(const ShardMeta &shard)
{
    return shard.isOpen() && shard.range.span() >= 1;
}

std::pair<quint32, quint32> splitAtMidpoint(StreamMeta &stream, quint32 shard, qint64 nowMs,
                                            qint64 &counter)
{
    return split(stream, shard, stream.shards[shard].range.midpoint(), nowMs, counter);
}

void splitWidestUntil(StreamMeta &stream, int target, qint64 nowMs, qint64 &counter)
{
    while (stream.openShardCount() < target) {
        // The widest open shard, the lowest one among equals (open shards by start).
        std::optional<quint32> widest;
        for (quint32 index : std::as_const(stream.openShardsByStart)) {
            const ShardMeta &shard = stream.shards[index];
            if (canSplitAtMidpoint(shard) &&
                (!widest || shard.range.span() > stream.shards[*widest].range.span()))
                widest = index;
        }
        if (!widest)
            return;
        splitAtMidpoint(stream, *widest, nowMs, counter);
    }
}

} // namespace shardscope::Resharding
