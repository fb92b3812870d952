#pragma once

#include "backend/streambackend.h"
#include "consumer/leasetable.h"

#include <QList>
#include <QObject>
#include <QString>

namespace shardscope {

// Creates the leases a KCL application needs for a stream's shards, as KCL's
// HierarchicalShardSyncer does (leases for the children of a closed shard are created by the
// shard's consumer when it reaches the end; this fills in the rest):
// - a shard without a lease whose parents are not in the stream's shard list (never had any, or
//   trimmed): with TRIM_HORIZON, a lease at TRIM_HORIZON (the oldest ancestors), with
//   AT_TIMESTAMP the same leases at AT_TIMESTAMP; with LATEST, a lease at LATEST when the shard is
//   open (closed ones have nothing after LATEST);
// - a shard without a lease of which some parent's lease reached SHARD_END: a lease at
//   TRIM_HORIZON (its consumer waits for all parents);
// - a shard none of whose ancestors has a lease, under LATEST: a lease at LATEST when it is
//   open (its ancestors were never read);
// - never a shard of which some descendant has a lease (its own lease was deleted by the clean-up
//   once its children were read; as KCL, which walks from the open shards up to the first ancestors
//   that need one).
// Every lease carries parentShardId and the shard's hash key range; leases are only ever
// created with createLeaseIfNotExists, so several syncers at once do no harm.
//
// Threads: GUI thread.
class ShardSyncer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShardSyncer)

public:
    ShardSyncer(StreamBackend *backend, LeaseTable *table, const QString &streamName,
                const QString &initialPosition, QObject *parent = nullptr);

    // Lists the shards and the leases and creates the missing leases; the number created.
    BackendFuture<int> sync();

    // The leases to create for `shards` given the `existing` ones (pure; sync() uses it).
    static QList<Lease> leasesToCreate(const QList<Shard> &shards, const QList<Lease> &existing,
                                       const QString &initialPosition);
    // A new, unowned lease for a shard.
    static Lease newLease(const QString &shardId, const QStringList &parentShardIds,
                          const HashKeyRange &range, const QString &checkpoint);

private:
    StreamBackend *m_backend;
    LeaseTable *m_table;
    QString m_streamName;
    QString m_initialPosition;
};

} // namespace shardscope
