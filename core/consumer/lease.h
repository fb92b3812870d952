#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace shardscope {

// The checkpoint sentinels KCL stores as the `checkpoint` string instead of a sequence number.
namespace CheckpointSentinel {
inline const QString TrimHorizon = QStringLiteral("TRIM_HORIZON");
inline const QString Latest = QStringLiteral("LATEST");
inline const QString ShardEnd = QStringLiteral("SHARD_END");
inline const QString AtTimestamp = QStringLiteral("AT_TIMESTAMP");
bool isSentinel(const QString &checkpoint);
} // namespace CheckpointSentinel

// A lease key taken apart: a shard id (single-stream mode), or in multi-stream mode
// `account:stream:creationEpoch:shardId`.
struct LeaseKeyParts
{
    QString accountId;     // empty in single-stream mode
    QString streamName;    // empty in single-stream mode
    qint64 creationEpoch = 0;
    QString shardId;
    bool multiStream = false;
};
LeaseKeyParts parseLeaseKey(const QString &leaseKey);

// One lease of a KCL application, as KCL 2.x and 3.x store it in the lease table (one item per
// shard; the field names are the DynamoDB attribute names). The same struct serves the lease
// table that the app's own consumer group writes (SQLite or DynamoDB) and the tables of real
// KCL applications that the inspector reads.
struct Lease
{
    QString leaseKey;                     // S, the hash key
    QString leaseOwner;                   // S; empty when nobody holds the lease
    qint64 leaseCounter = 0;              // N; every renewal, take, eviction and update adds one
    QString checkpoint;                   // S: a sequence number or a CheckpointSentinel
    qint64 checkpointSubSequenceNumber = 0;       // N
    QString pendingCheckpoint;            // S; empty when none
    std::optional<qint64> pendingCheckpointSubSequenceNumber; // N
    qint64 ownerSwitchesSinceCheckpoint = 0;      // N
    QStringList parentShardIds;           // SS `parentShardId`
    QStringList childShardIds;            // SS `childShardIds`
    QString startingHashKey;              // S, decimal
    QString endingHashKey;                // S, decimal
    // KCL 3.x
    QString checkpointOwner;              // S
    std::optional<double> throughputKBps; // N
    QString entityType;                   // S (3.5)
    // Multi-stream mode: the `streamName` and `shardId` attributes.
    QString streamName;
    QString shardIdAttribute;

    // The shard this lease is for: the `shardId` attribute, else the key's shard part.
    QString shardId() const;
    bool isAssigned() const { return !leaseOwner.isEmpty(); }
    bool reachedShardEnd() const { return checkpoint == CheckpointSentinel::ShardEnd; }

    friend bool operator==(const Lease &, const Lease &) = default;
};

} // namespace shardscope
