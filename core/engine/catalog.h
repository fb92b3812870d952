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
    std::optional<QString> resourcePolicy; // PutResourcePolicy's document, verbatim

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
    // Control plane: enhanced monitoring (metric names in allShardLevelMetrics() order), warm
    // throughput (0: none asked for; the previous value is what the stream handles while
    // UPDATING towards the target) and the resource policy.
    QStringList shardLevelMetrics;
    int warmTargetMiBps = 0;
    int warmPreviousMiBps = 0;
    std::optional<QString> resourcePolicy;

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

// The account's minimum throughput billing commitment as stored: started (and its earliest
// end) when enabled; an end time once disabled, in the future while it runs on to the earliest
// allowed end.
struct BillingCommitmentMeta
{
    std::optional<qint64> startedMs;
    std::optional<qint64> earliestEndMs;
    std::optional<qint64> endedMs;

    MinimumThroughputBillingCommitment effective(qint64 nowMs) const;
    bool isActive(qint64 nowMs) const
    {
        return effective(nowMs).status != BillingCommitmentStatus::Disabled;
    }
};

// Every stream, by name, and the account settings. Published by the writer after each commit;
// readers take a snapshot.
struct Catalog
{
    QMap<QString, StreamMetaPtr> streams;
    BillingCommitmentMeta billingCommitment;
};

} // namespace shardscope
