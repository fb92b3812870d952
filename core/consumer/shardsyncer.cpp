#include "shardsyncer.h"

#include "backend/futureutils.h"

#include <QHash>
#include <QPromise>

#include <functional>

#include <memory>

namespace shardscope {

ShardSyncer::ShardSyncer(StreamBackend *backend, LeaseTable *table, const QString &streamName,
                         const QString &initialPosition, QObject *parent)
    : QObject(parent), m_backend(backend), m_table(table), m_streamName(streamName),
      m_initialPosition(initialPosition)
{
}

Lease ShardSyncer::newLease(const QString &shardId, const QStringList &parentShardIds, const HashKeyRange &range,
                            const QString &checkpoint)
{
    Lease lease;
    lease.leaseKey = shardId;
    lease.checkpoint = checkpoint;
    lease.parentShardIds = parentShardIds;
    lease.startingHashKey = range.start.toDecimal();
    lease.endingHashKey = range.end.toDecimal();
    return lease;
}

QList<Lease> ShardSyncer::leasesToCreate(const QList<Shard> &shards, const QList<Lease> &existing,
                                         const QString &initialPosition)
{
    QHash<QString, const Lease *> leases;
    for (const Lease &lease : existing)
        leases.insert(lease.shardId(), &lease);
    QHash<QString, const Shard *> listed;
    for (const Shard &shard : shards)
        listed.insert(shard.shardId, &shard);
    const bool latest = initialPosition == CheckpointSentinel::Latest;
    // AT_TIMESTAMP leases the same shards as TRIM_HORIZON (as KCL): their reads skip what is older.
    const QString fromStart = initialPosition == CheckpointSentinel::AtTimestamp ? CheckpointSentinel::AtTimestamp
                                                                               : CheckpointSentinel::TrimHorizon;

    // Whether some ancestor (listed or not) of a shard has a lease: then its records come
    // through that ancestor's children, never from LATEST.
    QHash<QString, bool> leasedAncestor;
    const std::function<bool(const QString &)> hasLeasedAncestor = [&](const QString &shardId) -> bool {
        const auto known = leasedAncestor.constFind(shardId);
        if (known != leasedAncestor.constEnd())
            return *known;
        leasedAncestor.insert(shardId, false); // no cycles in a shard graph, but be safe
        bool found = false;
        if (const Shard *shard = listed.value(shardId)) {
            for (const auto &parent : {shard->parentShardId, shard->adjacentParentShardId}) {
                if (parent && !parent->isEmpty())
                    found = found || leases.contains(*parent) || hasLeasedAncestor(*parent);
            }
        }
        leasedAncestor.insert(shardId, found);
        return found;
    };

    // Whether some descendant of a shard has a lease: then the shard was read to its end and its
    // lease deleted by the clean-up (or it was never wanted, under LATEST), and it needs none.
    QHash<QString, QStringList> children;
    for (const Shard &shard : shards) {
        for (const auto &parent : {shard.parentShardId, shard.adjacentParentShardId}) {
            if (parent && !parent->isEmpty())
                children[*parent].append(shard.shardId);
        }
    }
    QHash<QString, bool> leasedDescendant;
    const std::function<bool(const QString &)> hasLeasedDescendant = [&](const QString &shardId) -> bool {
        const auto known = leasedDescendant.constFind(shardId);
        if (known != leasedDescendant.constEnd())
            return *known;
        leasedDescendant.insert(shardId, false);
        bool found = false;
        for (const QString &child : children.value(shardId))
            found = found || leases.contains(child) || hasLeasedDescendant(child);
        leasedDescendant.insert(shardId, found);
        return found;
    };

    QList<Lease> created;
    for (const Shard &shard : shards) {
        if (leases.contains(shard.shardId) || hasLeasedDescendant(shard.shardId))
            continue;
        QStringList parents;
        for (const auto &parent : {shard.parentShardId, shard.adjacentParentShardId}) {
            if (parent && !parent->isEmpty())
                parents.append(*parent);
        }
        bool anyListedParent = false;
        bool anyParentEnded = false;
        for (const QString &parent : std::as_const(parents)) {
            anyListedParent = anyListedParent || listed.contains(parent);
            const Lease *parentLease = leases.value(parent);
            anyParentEnded = anyParentEnded || (parentLease && parentLease->reachedShardEnd());
        }
        const bool open = !shard.endingSequenceNumber;
        QString checkpoint;
        if (anyParentEnded)
            checkpoint = CheckpointSentinel::TrimHorizon;
        else if (!anyListedParent)
            checkpoint = latest ? (open ? CheckpointSentinel::Latest : QString()) : fromStart;
        else if (latest && open && !hasLeasedAncestor(shard.shardId))
            checkpoint = CheckpointSentinel::Latest;
        if (checkpoint.isEmpty())
            continue;
        created.append(newLease(shard.shardId, parents, shard.hashKeyRange, checkpoint));
    }
    return created;
}

BackendFuture<int> ShardSyncer::sync()
{
    auto promise = std::make_shared<QPromise<BackendResult<int>>>();
    promise->start();
    const auto finish = [promise](const BackendResult<int> &result) {
        promise->addResult(result);
        promise->finish();
    };
    onResult(this, m_backend->listAllShards(StreamTarget::byName(m_streamName)),
             [this, finish](const BackendResult<QList<Shard>> &shards) {
                 if (!shards) {
                     finish(std::unexpected(shards.error()));
                     return;
                 }
                 onResult(this, m_table->listLeases(), [this, finish, shards = *shards](const BackendResult<QList<Lease>> &leases) {
                     if (!leases) {
                         finish(std::unexpected(leases.error()));
                         return;
                     }
                     const QList<Lease> toCreate = leasesToCreate(shards, *leases, m_initialPosition);
                     if (toCreate.isEmpty()) {
                         finish(0);
                         return;
                     }
                     auto remaining = std::make_shared<int>(int(toCreate.size()));
                     auto created = std::make_shared<int>(0);
                     auto failure = std::make_shared<std::optional<Error>>();
                     for (const Lease &lease : toCreate) {
                         onResult(this, m_table->createLeaseIfNotExists(lease),
                                  [finish, remaining, created, failure](const BackendResult<bool> &result) {
                                      if (!result)
                                          *failure = result.error();
                                      else if (*result)
                                          ++*created;
                                      if (--*remaining == 0) {
                                          if (*failure)
                                              finish(std::unexpected(**failure));
                                          else
                                              finish(*created);
                                      }
                                  });
                     }
                 });
             });
    return promise->future();
}

} // namespace shardscope
