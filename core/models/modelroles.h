#pragma once

#include <Qt>

namespace shardscope {

// Custom roles shared by the stream models, so one delegate understands all of them. Values are
// raw (enums as int, hash keys as decimal strings, counts as qint64); text and colours are the
// views' business.
namespace ModelRole {
enum : int {
    NodeKindRole = Qt::UserRole + 1, // NodeKind
    NameRole,                        // connection name, stream name or shard id
    ConnectionKindRole,              // BackendKind
    ReadOnlyRole,                    // bool
    ErrorRole,                       // QString, the last refresh error of this node, empty if none
    StreamNameRole,
    StreamArnRole,
    StreamStatusRole,                // StreamStatus
    StreamModeRole,                  // StreamMode
    StreamCreationTimeRole,          // QDateTime (UTC)
    ShardIdRole,
    ShardStateRole,                  // ShardState
    HashRangeStartRole,              // QString, decimal
    HashRangeEndRole,                // QString, decimal
    HashRangeStartFractionRole,      // double in [0, 1], position in the key space
    HashRangeEndFractionRole,        // double in [0, 1]
    StartingSequenceNumberRole,      // QString
    EndingSequenceNumberRole,        // QString; null while the shard is open
    ParentShardIdRole,               // QString; null without a parent
    AdjacentParentShardIdRole,       // QString; null without one
    RecordCountRole,                 // qint64; null when the backend cannot count
    BytesRole,                       // qint64; null when the backend cannot count
    SortRole,                        // a value that sorts the column naturally
    TagKeyRole,
    TagValueRole,
    TagStateRole,                    // TagState
    PropertyRole,                    // StreamProperty (StreamSummaryModel)
    SequenceNumberRole,              // QString, decimal (RecordsModel)
    ArrivalTimeRole,                 // QDateTime (UTC)
    PartitionKeyRole,                // QString
    ExplicitHashKeyRole,             // QString, decimal; empty when the record had none
    SizeRole,                        // qint64, payload bytes
    PreviewRole,                     // QString, one line; null while it is being loaded
    RecordSerialRole,                // quint64, a row's stable id (survives ring-cap drops)
    UseFractionRole,                 // double, the fraction of the tightest limit a shard uses
                                     // (write or read, by column); null while unknown
    UseThrottledRole,                // bool, the shard refused writes (or reads) in the window
    UseEnforcedRole,                 // bool, the backend enforces the limits
    ConsumerNameRole,                // QString (ConsumersModel, LiveSubscriptionsModel)
    ConsumerArnRole,                 // QString
    ConsumerStatusRole,              // ConsumerStatus
    CreationTimeRole,                // QDateTime (UTC), when a consumer was registered
    SubscriptionCountRole,           // int, live subscriptions; null when the backend cannot tell
    LagRole,                         // qint64, MillisBehindLatest of a subscription
    BytesPerSecondRole,              // double, measured between two refreshes; null until then
    StartedTimeRole,                 // QDateTime (UTC), when a subscription started
    LastEventTimeRole,               // QDateTime (UTC), its last event; null before the first
    UserAgentRole,                   // QString, a reader's whole User-Agent (ShardReadersModel)
    AccessKeyIdRole,                 // QString; empty when the reader signed with none
    PeerAddressRole,                 // QString; empty for the app's own reads
    ReaderStateRole,                 // ReaderState
    RecordsBehindRole,               // qint64, readable records after a reader's position or a
                                     // lease's checkpoint; null when unknown
    BytesBehindRole,                 // qint64, their payload bytes; null when unknown
    CallsPerSecondRole,              // double, GetRecords calls per second
    RecordsPerSecondRole,            // double (readers, workers); null when unknown
    ThrottledCountRole,              // qint64, calls refused for the shard's read limits
    ExpiredIteratorCountRole,        // qint64
    LastCallTimeRole,                // QDateTime (UTC), a reader's last call
    LeaseKeyRole,                    // QString (LeasesModel)
    LeaseOwnerRole,                  // QString; empty when nobody holds the lease
    LeaseStateRole,                  // LeaseRowState
    LeaseCounterRole,                // qint64
    CheckpointRole,                  // QString: a sequence number or a KCL sentinel
    OwnerSwitchesRole,               // qint64, ownerSwitchesSinceCheckpoint
    WaitsForRole,                    // QStringList, parents the shard waits for (not at SHARD_END)
    WorkerIdRole,                    // QString (LeaseWorkersModel)
    WorkerStateRole,                 // WorkerRowState
    LeaseCountRole,                  // int, leases a worker holds
    LastRenewalTimeRole,             // QDateTime (UTC); null when unknown
};
} // namespace ModelRole

enum class NodeKind { Connection, Stream, Shard };
enum class ShardState { Open, Closed };
// A shard's lease as the consumer dashboard shows it.
enum class LeaseRowState { Held, Expired, Unassigned, Ended, NoLease };
// A worker of a consumer group: renewing, renewing nothing any more (by the table), or, for the
// app's own workers, paused or killed.
enum class WorkerRowState { Renewing, NotRenewing, Paused, Killed };

} // namespace shardscope
