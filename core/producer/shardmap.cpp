#include "producer/shardmap.h"

#include <algorithm>

namespace shardscope {

ShardMap::ShardMap(const QList<Shard> &shards)
{
    for (const Shard &shard : shards) {
        if (!shard.endingSequenceNumber)
            m_shards.append(shard);
    }
    std::sort(m_shards.begin(), m_shards.end(), [](const Shard &a, const Shard &b) {
        return a.hashKeyRange.start < b.hashKeyRange.start;
    });
}

QString ShardMap::shardFor(HashKey key) const
{
    // The last shard starting at or before the key; it owns the key if its range reaches it.
    auto it = std::upper_bound(m_shards.cbegin(), m_shards.cend(), key,
                               [](HashKey k, const Shard &s) { return k < s.hashKeyRange.start; });
    if (it == m_shards.cbegin())
        return {};
    --it;
    return it->hashKeyRange.contains(key) ? it->shardId : QString();
}

QStringList ShardMap::shardIds() const
{
    QStringList ids;
    ids.reserve(m_shards.size());
    for (const Shard &shard : m_shards)
        ids.append(shard.shardId);
    return ids;
}

HashKey ShardMap::hashKeyOf(const QString &partitionKey,
                            const std::optional<QString> &explicitHashKey)
{
    if (explicitHashKey) {
        if (const auto key = HashKey::fromDecimal(*explicitHashKey))
            return *key;
    }
    return HashKey::fromPartitionKey(partitionKey);
}

} // namespace shardscope
