#pragma once

#include "kinesis/api.h"
#include "kinesis/limits.h"

#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

namespace shardscope {

// Metadata of one shard as the engine keeps it. Shard indexes are dense: a stream's shard
// with index i is at shards[i], and shards are never forgotten while the stream exists.
struct ShardMeta
{
    quint32 index = 0;
    std::optional<quint32> parent;
    std::optional<quint32> adjacentParent;
    HashKeyRange range;
    qint64 startCounter = 0;
    std::optional<qint64> endCounter; // set when the shard is closed by a split or merge
    qint64 createdMs = 0;
    std::optional<qint64> closedMs;

    bool isOpen() const { return !endCounter.has_value(); }
};

// An enhanced fan-out consumer registered with a stream.
struct ConsumerMeta
{
    QString name;
    ConsumerStatus status = ConsumerStatus::Creating; // stored status; see effectiveStatus()
    qint64 statusUntilMs = 0; // when CREATING becomes ACTIVE, DELETING becomes gone
    qint64 createdMs = 0;
    TagMap tags;

    ConsumerStatus effectiveStatus(qint64 nowMs) const;
    bool isGone(qint64 nowMs) const
    {
        return status == ConsumerStatus::Deleting && nowMs >= statusUntilMs;
    }
};

// Metadata of one stream; immutable once published (copy, change, publish).
struct StreamMeta
{
    qint64 id = 0;
    QString name;
    StreamStatus status = StreamStatus::Active; // stored status; see effectiveStatus()
    qint64 statusUntilMs = 0; // when CREATING/UPDATING becomes ACTIVE, DELETING becomes gone
    StreamMode mode = StreamMode::Provisioned;
    int retentionHours = KinesisLimits::kDefaultRetentionHours;
    qint64 createdMs = 0;
    int maxRecordSizeKiB = KinesisLimits::kDefaultMaxRecordSizeKiB;
    EncryptionType encryptionType = EncryptionType::None;
    QString keyId;
    qint64 dataKeyVersion = 0; // the data key new records are sealed with; 0 when not encrypted
    QList<ShardMeta> shards;
    TagMap tags;
    QList<qint64> reshardTimesMs; // UpdateShardCount calls in the last 24 hours
    QMap<QString, ConsumerMeta> consumers; // by name; deregistered ones until they are gone
    QList<quint32> openShardsByStart; // derived: indexes of open shards sorted by range start

    StreamStatus effectiveStatus(qint64 nowMs) const;
    bool isGone(qint64 nowMs) const { return status == StreamStatus::Deleting && nowMs >= statusUntilMs; }
    qint64 retentionMs() const { return qint64(retentionHours) * 3600 * 1000; }
    // The oldest arrival time still readable.
    qint64 trimHorizonMs(qint64 nowMs) const;
    int openShardCount() const { return int(openShardsByStart.size()); }
    // The open shard whose range contains the key (the open shards tile the key space).
    const ShardMeta &routeTo(HashKey key) const;
    const ShardMeta *findShard(const QString &shardId) const;
    // Closed shards whose records have all expired are no longer listed, as in Kinesis.
    bool isListed(const ShardMeta &shard, qint64 nowMs) const;
    void rebuildDerived();
    // Registered consumers, whatever their status, that are not gone yet.
    int consumerCount(qint64 nowMs) const;
};

using StreamMetaPtr = std::shared_ptr<const StreamMeta>;

// Every stream, by name. Published by the writer after each commit; readers take a snapshot.
struct Catalog
{
    QMap<QString, StreamMetaPtr> streams;
};

} // namespace shardscope
