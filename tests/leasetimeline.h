#pragma once

// A scripted KCL consumer group on a timeline, for the diagnoser, model and dashboard tests: a
// lease table that workers renew, take and checkpoint, polled by a watcher that infers what
// LeaseMonitor does (counter and checkpoint changes, expiry after the failover time), and the
// shards' tips. Every step() advances the clock, lets the living workers renew and the
// progressing shards checkpoint, and appends a snapshot and a tip per shard.

#include "consumer/leasediagnoser.h"
#include "consumer/leasesnapshot.h"
#include "consumer/workerstatus.h"
#include "kinesis/api.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

namespace shardscope::test {

class LeaseTimeline
{
public:
    static constexpr qint64 kStartMs = 1'790'000'000'000;
    qint64 nowMs = kStartMs;
    qint64 failoverMs = 10'000;
    QString tableName = QStringLiteral("orders-app");

    QList<Shard> shards;
    QMap<QString, Lease> table;             // by lease key (= shard id here)
    QSet<QString> aliveWorkers;             // renew their leases every step
    QSet<QString> progressing;              // shards whose checkpoint follows the tip
    QHash<QString, qint64> arrivalsPerStep; // records arriving per step, per shard (default 10)
    QHash<QString, qint64> lagMs;           // MillisBehindLatest reported per shard (default 0)
    QList<LeaseTableSnapshot> history;
    QList<ShardTip> tips;

    void addShard(const QString &id, const QString &parent = {}, bool closed = false)
    {
        Shard shard;
        shard.shardId = id;
        if (!parent.isEmpty())
            shard.parentShardId = parent;
        shard.startingSequenceNumber = SequenceNumber(SequenceNumber::counterAt(kStartMs - 3'600'000),
                                                      static_cast<quint32>(shards.size()));
        if (closed)
            shard.endingSequenceNumber = SequenceNumber(SequenceNumber::counterAt(kStartMs - 60'000),
                                                        static_cast<quint32>(shards.size()));
        shards.append(shard);
        m_latest.insert(id, SequenceNumber::counterAt(kStartMs - 1000));
    }
    void close(const QString &id)
    {
        for (Shard &shard : shards) {
            if (shard.shardId == id)
                shard.endingSequenceNumber = SequenceNumber(SequenceNumber::counterAt(nowMs), index(id));
        }
    }
    void addLease(const QString &shardId, const QString &owner,
                  const QString &checkpoint = CheckpointSentinel::TrimHorizon, const QString &parent = {})
    {
        Lease lease;
        lease.leaseKey = shardId;
        lease.leaseOwner = owner;
        lease.leaseCounter = 1;
        lease.checkpoint = checkpoint;
        if (!parent.isEmpty())
            lease.parentShardIds = {parent};
        table.insert(shardId, lease);
        if (!owner.isEmpty())
            aliveWorkers.insert(owner);
    }
    // A healthy group: every shard leased round robin by `workers`, all progressing.
    void healthy(const QStringList &workers)
    {
        int i = 0;
        for (const Shard &shard : std::as_const(shards)) {
            if (shard.endingSequenceNumber)
                continue;
            addLease(shard.shardId, workers.at(i++ % workers.size()), sequenceAt(shard.shardId, nowMs - 2000));
            progressing.insert(shard.shardId);
        }
    }
    void take(const QString &shardId, const QString &owner)
    {
        Lease &lease = table[shardId];
        if (lease.leaseOwner != owner)
            ++lease.ownerSwitchesSinceCheckpoint;
        lease.leaseOwner = owner;
        ++lease.leaseCounter;
        aliveWorkers.insert(owner);
    }
    void checkpoint(const QString &shardId, const QString &checkpoint)
    {
        Lease &lease = table[shardId];
        lease.checkpoint = checkpoint;
        lease.ownerSwitchesSinceCheckpoint = 0;
        ++lease.leaseCounter;
    }
    QString sequenceAt(const QString &shardId, qint64 ms) const
    {
        return SequenceNumber(SequenceNumber::counterAt(ms), index(shardId)).toString();
    }
    quint32 index(const QString &shardId) const
    {
        for (qsizetype i = 0; i < shards.size(); ++i) {
            if (shards.at(i).shardId == shardId)
                return static_cast<quint32>(i);
        }
        return 0;
    }

    // Advances by `ms`, then the living workers renew (or checkpoint) and a snapshot is taken.
    void step(qint64 ms = 5000)
    {
        nowMs += ms;
        for (auto it = table.begin(); it != table.end(); ++it) {
            Lease &lease = it.value();
            const QString shardId = it.key();
            const bool open = !closedShard(shardId);
            const qint64 arrivals = open ? arrivalsPerStep.value(shardId, 10) : 0;
            if (arrivals > 0)
                m_latest[shardId] = SequenceNumber::counterAt(nowMs - 1);
            if (!lease.isAssigned() || !aliveWorkers.contains(lease.leaseOwner))
                continue;
            if (progressing.contains(shardId) && !lease.reachedShardEnd()) {
                lease.checkpoint = closedShard(shardId)
                    ? CheckpointSentinel::ShardEnd
                    : SequenceNumber(m_latest.value(shardId), index(shardId)).toString();
                lease.ownerSwitchesSinceCheckpoint = 0;
            }
            ++lease.leaseCounter;
        }
        snapshot();
    }
    void run(qint64 totalMs, qint64 stepMs = 5000)
    {
        for (qint64 t = 0; t < totalMs; t += stepMs)
            step(stepMs);
    }
    bool closedShard(const QString &id) const
    {
        for (const Shard &shard : shards) {
            if (shard.shardId == id)
                return shard.endingSequenceNumber.has_value();
        }
        return false;
    }

    // What the watcher sees now, with its inferences.
    LeaseTableSnapshot snapshot()
    {
        LeaseTableSnapshot snap;
        snap.tableName = tableName;
        snap.takenAtMs = nowMs;
        snap.failoverTimeMs = failoverMs;
        for (const Lease &lease : std::as_const(table)) {
            LeaseState state;
            const auto previous = m_states.constFind(lease.leaseKey);
            if (previous == m_states.cend()) {
                state.firstSeenMs = state.counterChangedMs = state.checkpointChangedMs = nowMs;
            } else {
                state = *previous;
                if (previous->lease.leaseCounter != lease.leaseCounter)
                    state.counterChangedMs = nowMs;
                if (previous->lease.checkpoint != lease.checkpoint)
                    state.checkpointChangedMs = nowMs;
            }
            state.lease = lease;
            state.expired = nowMs - state.counterChangedMs > failoverMs;
            m_states.insert(lease.leaseKey, state);
            snap.leases.append(state);
        }
        history.append(snap);
        for (const Shard &shard : std::as_const(shards)) {
            ShardTip tip;
            tip.shardId = shard.shardId;
            tip.atMs = nowMs;
            tip.latestSequenceNumber = SequenceNumber(m_latest.value(shard.shardId), index(shard.shardId));
            tip.recordsLastMinute = shard.endingSequenceNumber ? 0 : arrivalsPerStep.value(shard.shardId, 10) * 12;
            tip.oldestSequenceNumber = oldest.contains(shard.shardId)
                ? SequenceNumber(SequenceNumber::counterAt(oldest.value(shard.shardId)), index(shard.shardId))
                : shard.startingSequenceNumber;
            const Lease lease = table.value(shard.shardId);
            const auto checkpoint = LeaseDiagnoser::checkpointSequence(lease.checkpoint);
            const bool behind = !lease.reachedShardEnd()
                && (!checkpoint || *checkpoint < *tip.latestSequenceNumber);
            tip.recordsBehind = behind ? arrivalsPerStep.value(shard.shardId, 10) : 0;
            tip.bytesBehind = *tip.recordsBehind * 100;
            tip.millisBehind = lagMs.value(shard.shardId, 0);
            tips.append(tip);
        }
        return snap;
    }

    LeaseDiagnoserInput input(const std::optional<QList<WorkerStatus>> &workers = std::nullopt) const
    {
        LeaseDiagnoserInput in;
        in.nowMs = nowMs;
        in.history = history;
        in.shards = shards;
        in.tips = tips;
        in.workers = workers;
        return in;
    }

    QHash<QString, qint64> oldest; // shard id → arrival ms of its oldest kept record

private:
    QHash<QString, qint64> m_latest; // counter of the newest record per shard
    QHash<QString, LeaseState> m_states;
};

} // namespace shardscope::test
