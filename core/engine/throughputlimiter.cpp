#include "throughputlimiter.h"

#include "catalog.h"

namespace shardscope {

ThroughputLimiter::Limits ThroughputLimiter::Limits::scaled(int factor) const
{
    Limits limits = *this;
    limits.writeBytesPerSecond *= factor;
    limits.writeRecordsPerSecond *= factor;
    limits.readBytesPerSecond *= factor;
    limits.readCallsPerSecond *= factor;
    limits.largeReadBytes *= factor;
    return limits;
}

ThroughputLimiter::ThroughputLimiter() : ThroughputLimiter(Limits{}) {}

ThroughputLimiter::ThroughputLimiter(Limits limits, bool enabled)
    : m_limits(limits), m_enabled(enabled)
{
}

void ThroughputLimiter::setEnabled(bool enabled)
{
    std::lock_guard lock(m_mutex);
    m_enabled.store(enabled, std::memory_order_relaxed);
    // The buckets are made again (full) on each shard's next use; the usage counts stay.
    ++m_bucketsEpoch;
}

ThroughputLimiter::Shard &ThroughputLimiter::shardFor(Key key, qint64 nowMs)
{
    auto it = m_shards.find(key);
    if (it == m_shards.end())
        it = m_shards.insert(key, Shard{});
    else if (it->bucketsEpoch == m_bucketsEpoch)
        return *it;
    Shard &shard = *it;
    shard.writeRecords = TokenBucket(m_limits.writeRecordsPerSecond, 0, nowMs);
    shard.writeBytes = TokenBucket(m_limits.writeBytesPerSecond, 0, nowMs);
    shard.readCalls = TokenBucket(m_limits.readCallsPerSecond, 0, nowMs);
    shard.readBytes = TokenBucket(m_limits.readBytesPerSecond, 0, nowMs);
    shard.readsBlockedUntilMs = 0;
    shard.bucketsEpoch = m_bucketsEpoch;
    return shard;
}

ThroughputLimiter::Slot &ThroughputLimiter::slotFor(Shard &shard, qint64 nowMs)
{
    const qint64 tenth = nowMs / 100;
    Slot &slot = shard.tenths[tenth % 10];
    if (slot.tenth != tenth)
        slot = Slot{tenth};
    return slot;
}

bool ThroughputLimiter::admitWrite(qint64 streamId, quint32 shardIndex, qint64 bytes, qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    Shard &shard = shardFor({streamId, shardIndex}, nowMs);
    if (!isEnabled()) {
        Slot &slot = slotFor(shard, nowMs);
        slot.writeRecords++;
        slot.writeBytes += bytes;
        return true;
    }
    // Both limits must pass before either is charged: a refused record costs nothing.
    if (!shard.writeRecords.canTake(1, nowMs) || !shard.writeBytes.canTake(bytes, nowMs)) {
        slotFor(shard, nowMs).writesRefused++;
        return false;
    }
    shard.writeRecords.take(1);
    shard.writeBytes.take(bytes);
    Slot &slot = slotFor(shard, nowMs);
    slot.writeRecords++;
    slot.writeBytes += bytes;
    return true;
}

bool ThroughputLimiter::admitRead(qint64 streamId, quint32 shardIndex, qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    Shard &shard = shardFor({streamId, shardIndex}, nowMs);
    if (!isEnabled()) {
        slotFor(shard, nowMs).readCalls++;
        return true;
    }
    // A read may return more than the bytes bucket holds; the next reads wait for the debt.
    if (nowMs < shard.readsBlockedUntilMs || !shard.readBytes.canTake(1, nowMs) ||
        !shard.readCalls.canTake(1, nowMs)) {
        slotFor(shard, nowMs).readsRefused++;
        return false;
    }
    shard.readCalls.take(1);
    slotFor(shard, nowMs).readCalls++;
    return true;
}

void ThroughputLimiter::chargeRead(qint64 streamId, quint32 shardIndex, qint64 bytes, qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    Shard &shard = shardFor({streamId, shardIndex}, nowMs);
    slotFor(shard, nowMs).readBytes += bytes;
    if (!isEnabled())
        return;
    shard.readBytes.canTake(bytes, nowMs); // brings the level up to now before the charge
    shard.readBytes.take(bytes);
    if (bytes >= m_limits.largeReadBytes)
        shard.readsBlockedUntilMs = nowMs + m_limits.largeReadPenaltyMs;
}

void ThroughputLimiter::countWrites(qint64 streamId, quint32 shardIndex, qint64 records,
                                    qint64 bytes, qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    Slot &slot = slotFor(shardFor({streamId, shardIndex}, nowMs), nowMs);
    slot.writeRecords += records;
    slot.writeBytes += bytes;
}

void ThroughputLimiter::retainOpenShards(const Catalog &catalog, qint64 nowMs)
{
    QHash<qint64, const StreamMeta *> byId;
    for (const StreamMetaPtr &stream : catalog.streams)
        byId.insert(stream->id, stream.get());
    std::lock_guard lock(m_mutex);
    for (auto it = m_shards.begin(); it != m_shards.end();) {
        const StreamMeta *stream = byId.value(it.key().first);
        const bool open = stream && !stream->isGone(nowMs) &&
                          it.key().second < quint32(stream->shards.size()) &&
                          stream->shards[it.key().second].isOpen();
        it = open ? std::next(it) : m_shards.erase(it);
    }
}

ThroughputLimiter::Usage ThroughputLimiter::usageOf(Key key, const Shard &shard, qint64 nowMs)
{
    Usage use{key.first, key.second};
    const qint64 tenth = nowMs / 100;
    // The ten tenths ending with the current one.
    for (const Slot &slot : shard.tenths) {
        if (slot.tenth <= tenth - 10 || slot.tenth > tenth)
            continue;
        use.writeRecords += slot.writeRecords;
        use.writeBytes += slot.writeBytes;
        use.readCalls += slot.readCalls;
        use.readBytes += slot.readBytes;
        use.writesRefused += slot.writesRefused;
        use.readsRefused += slot.readsRefused;
    }
    return use;
}

QList<ThroughputLimiter::Usage> ThroughputLimiter::usage(qint64 nowMs) const
{
    QList<Usage> result;
    std::lock_guard lock(m_mutex);
    for (auto it = m_shards.cbegin(); it != m_shards.cend(); ++it)
        result.append(usageOf(it.key(), *it, nowMs));
    return result;
}

QList<ThroughputLimiter::Usage> ThroughputLimiter::usage(qint64 streamId, qint64 nowMs) const
{
    QList<Usage> result;
    std::lock_guard lock(m_mutex);
    for (auto it = m_shards.cbegin(); it != m_shards.cend(); ++it) {
        if (it.key().first == streamId)
            result.append(usageOf(it.key(), *it, nowMs));
    }
    return result;
}

int ThroughputLimiter::bucketCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_shards.size());
}

} // namespace shardscope
