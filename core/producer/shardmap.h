#pragma once

#include "kinesis/api.h"
#include "kinesis/hashkey.h"

#include <QList>
#include <QString>

namespace shardscope {

// The open shards of a stream by hash-key range, to predict where Kinesis puts a record: the
// shard whose range holds the MD5 of its partition key, or its explicit hash key. Value type;
// any thread.
class ShardMap final
{
public:
    ShardMap() = default;
    // Keeps the open shards (no ending sequence number) of a ListShards answer.
    explicit ShardMap(const QList<Shard> &shards);

    bool isEmpty() const { return m_shards.isEmpty(); }
    qsizetype size() const { return m_shards.size(); }
    // The open shard owning `key`, or an empty string when no open shard does (a map read
    // mid-reshard can have a gap).
    QString shardFor(HashKey key) const;
    QStringList shardIds() const;
    const QList<Shard> &shards() const { return m_shards; } // sorted by range start

    static HashKey hashKeyOf(const QString &partitionKey, const std::optional<QString> &explicitHashKey);

private:
    QList<Shard> m_shards;
};

} // namespace shardscope
