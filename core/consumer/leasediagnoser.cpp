#include "leasediagnoser.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

// "45 s", "3 min": sentences need only a rough figure.
QString roughDuration(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms) / 1000;
    if (seconds < 120)
        return LeaseDiagnoser::tr("%1 s").arg(seconds);
    return LeaseDiagnoser::tr("%1 min").arg(seconds / 60);
}

// Singular and plural spelled out: the app ships no English numerus forms.
QString leaseCount(qsizetype count)
{
    return count == 1 ? LeaseDiagnoser::tr("1 lease") : LeaseDiagnoser::tr("%1 leases").arg(count);
}

bool concernsStream(const Lease &lease, const QString &streamName)
{
    const LeaseKeyParts parts = parseLeaseKey(lease.leaseKey);
    return !parts.multiStream || streamName.isEmpty() || parts.streamName == streamName;
}

// Whether the checkpoint is one KCL writes before any record was processed.
bool notStarted(const Lease &lease)
{
    return lease.checkpoint.isEmpty() || lease.checkpoint == CheckpointSentinel::TrimHorizon
        || lease.checkpoint == CheckpointSentinel::Latest
        || lease.checkpoint == CheckpointSentinel::AtTimestamp;
}

// Whether records wait after the lease's checkpoint, or keep arriving, by what the tip knows.
bool recordsWaiting(const Lease &lease, const ShardTip &tip)
{
    if (tip.recordsBehind && *tip.recordsBehind > 0)
        return true;
    if (tip.millisBehind && *tip.millisBehind > 0)
        return true;
    if (tip.recordsLastMinute && *tip.recordsLastMinute > 0)
        return true;
    if (tip.latestSequenceNumber) {
        const auto checkpoint = LeaseDiagnoser::checkpointSequence(lease.checkpoint);
        return !checkpoint || *checkpoint < *tip.latestSequenceNumber;
    }
    return false;
}

struct Context
{
    const LeaseDiagnoserInput &input;
    const LeaseTableSnapshot &now;
    QHash<QString, ShardTip> tips;       // latest per shard
    QHash<QString, const Shard *> shards; // by id, when listed
    QHash<QString, const LeaseState *> leaseOfShard;
    QList<Diagnosis> out;

    void add(Diagnosis::Kind kind, Diagnosis::Severity severity, const QString &shardId,
             const QString &leaseKey, const QString &workerId, qint64 sinceMs, const QString &text)
    {
        out.append(Diagnosis{kind, severity, shardId, leaseKey, workerId, sinceMs, text});
    }
};

void expiredNotTaken(Context &c)
{
    const qint64 failover = c.now.failoverTimeMs;
    for (const LeaseState &state : c.now.leases) {
        const Lease &lease = state.lease;
        if (lease.reachedShardEnd() || !concernsStream(lease, c.input.streamName))
            continue;
        const qint64 unchanged = c.input.nowMs - state.counterChangedMs;
        if (unchanged <= failover * (1 + LeaseDiagnoser::kTakeGraceFactor))
            continue;
        if (!lease.isAssigned()) {
            c.add(Diagnosis::Kind::ExpiredLeaseNotTaken, Diagnosis::Severity::Error, lease.shardId(),
                  lease.leaseKey, {}, state.counterChangedMs,
                  LeaseDiagnoser::tr("The lease of %1 has had no owner for %2 and no worker takes "
                                     "it: nobody reads this shard. Check that the application's "
                                     "workers run and reach the lease table.")
                      .arg(lease.shardId(), roughDuration(unchanged)));
        } else {
            c.add(Diagnosis::Kind::ExpiredLeaseNotTaken, Diagnosis::Severity::Error, lease.shardId(),
                  lease.leaseKey, lease.leaseOwner, state.counterChangedMs + failover,
                  LeaseDiagnoser::tr("The lease of %1 expired %2 ago (%3 stopped renewing it) and "
                                     "no other worker has taken it: nobody reads this shard. "
                                     "Check that other workers run and can write to the lease "
                                     "table.")
                      .arg(lease.shardId(), roughDuration(unchanged - failover), lease.leaseOwner));
        }
    }
}

void pingPong(Context &c)
{
    const qint64 windowStart = c.input.nowMs - LeaseDiagnoser::kPingPongWindowMs;
    struct Moves
    {
        QString lastOwner;
        QList<qint64> switches;
        QStringList owners;
        QString shardId;
    };
    QHash<QString, Moves> moves;
    for (const LeaseTableSnapshot &snapshot : c.input.history) {
        for (const LeaseState &state : snapshot.leases) {
            const QString &owner = state.lease.leaseOwner;
            if (owner.isEmpty())
                continue;
            Moves &m = moves[state.lease.leaseKey];
            m.shardId = state.lease.shardId();
            if (!m.lastOwner.isEmpty() && owner != m.lastOwner && snapshot.takenAtMs >= windowStart) {
                m.switches.append(snapshot.takenAtMs);
                if (!m.owners.contains(m.lastOwner))
                    m.owners.append(m.lastOwner);
                if (!m.owners.contains(owner))
                    m.owners.append(owner);
            }
            m.lastOwner = owner;
        }
    }
    for (auto it = moves.cbegin(); it != moves.cend(); ++it) {
        const Moves &m = it.value();
        if (m.switches.size() < LeaseDiagnoser::kPingPongSwitches)
            continue;
        c.add(Diagnosis::Kind::LeasePingPong, Diagnosis::Severity::Warning, m.shardId, it.key(), {},
              m.switches.first(),
              LeaseDiagnoser::tr("The lease of %1 changed owner %2 times in %3 (between %4): the "
                                 "workers steal it from each other, and each move restarts "
                                 "processing from the checkpoint. Look for a worker that stops "
                                 "renewing now and then (long pauses, slow processing) or "
                                 "unequal lease counts.")
                  .arg(m.shardId, QString::number(m.switches.size()),
                       roughDuration(LeaseDiagnoser::kPingPongWindowMs), m.owners.join(u", "_s)));
    }
}

// Whether a parent of the shard (by the shard list, else by the lease) still has a lease short
// of SHARD_END: KCL does not start the shard before.
bool parentPending(const Context &c, const QString &shardId)
{
    QStringList parents;
    if (const Shard *shard = c.shards.value(shardId)) {
        if (shard->parentShardId)
            parents.append(*shard->parentShardId);
        if (shard->adjacentParentShardId)
            parents.append(*shard->adjacentParentShardId);
    } else if (const LeaseState *state = c.leaseOfShard.value(shardId)) {
        parents = state->lease.parentShardIds;
    }
    return std::any_of(parents.cbegin(), parents.cend(), [&](const QString &parentId) {
        const LeaseState *parentLease = c.leaseOfShard.value(parentId);
        return parentLease && !parentLease->lease.reachedShardEnd();
    });
}

void checkpointStuck(Context &c)
{
    for (const LeaseState &state : c.now.leases) {
        const Lease &lease = state.lease;
        if (!lease.isAssigned() || state.expired || lease.reachedShardEnd()
            || !concernsStream(lease, c.input.streamName))
            continue;
        // A child that has not started waits for its parents: that is the parent's problem.
        if (notStarted(lease) && parentPending(c, lease.shardId()))
            continue;
        const auto tip = c.tips.constFind(lease.shardId());
        if (tip == c.tips.cend() || !recordsWaiting(lease, *tip))
            continue;
        const qint64 still = c.input.nowMs - state.checkpointChangedMs;
        if (still < LeaseDiagnoser::kStuckMs)
            continue;
        c.add(Diagnosis::Kind::CheckpointStuck, Diagnosis::Severity::Error, lease.shardId(),
              lease.leaseKey, lease.leaseOwner, state.checkpointChangedMs,
              LeaseDiagnoser::tr("The checkpoint of %1 has not moved for %2 while records wait: "
                                 "%3 holds the lease and renews it but does not get past a "
                                 "record. Look at its processing of the record after the "
                                 "checkpoint (a poison record, an exception, a blocked call).")
                  .arg(lease.shardId(), roughDuration(still), lease.leaseOwner));
    }
}

void childBlocked(Context &c)
{
    if (!c.input.shards)
        return;
    for (const Shard &child : *c.input.shards) {
        const LeaseState *childLease = c.leaseOfShard.value(child.shardId);
        if (!childLease || !notStarted(childLease->lease))
            continue;
        QStringList parents;
        if (child.parentShardId)
            parents.append(*child.parentShardId);
        if (child.adjacentParentShardId)
            parents.append(*child.adjacentParentShardId);
        for (const QString &parentId : std::as_const(parents)) {
            const Shard *parent = c.shards.value(parentId);
            const LeaseState *parentLease = c.leaseOfShard.value(parentId);
            if (!parent || !parent->endingSequenceNumber || !parentLease
                || parentLease->lease.reachedShardEnd())
                continue;
            const qint64 still = c.input.nowMs - parentLease->checkpointChangedMs;
            if (still < LeaseDiagnoser::kStuckMs)
                continue;
            c.add(Diagnosis::Kind::ChildBlockedByParent, Diagnosis::Severity::Error, child.shardId,
                  childLease->lease.leaseKey, parentLease->lease.leaseOwner,
                  parentLease->checkpointChangedMs,
                  LeaseDiagnoser::tr("%1 waits for its parent %2, which is closed but has not "
                                     "reached SHARD_END: its checkpoint has not moved for %3. "
                                     "KCL reads a child only after all its parents are done; look "
                                     "at who holds %2 (%4) and why it does not finish.")
                      .arg(child.shardId, parentId, roughDuration(still),
                           parentLease->lease.leaseOwner.isEmpty()
                               ? LeaseDiagnoser::tr("nobody")
                               : parentLease->lease.leaseOwner));
        }
    }
}

void missingShardOrRetention(Context &c)
{
    for (const LeaseState &state : c.now.leases) {
        const Lease &lease = state.lease;
        if (!concernsStream(lease, c.input.streamName))
            continue;
        const QString shardId = lease.shardId();
        if (c.input.shards && !c.shards.contains(shardId)) {
            if (lease.reachedShardEnd()) {
                c.add(Diagnosis::Kind::LeaseForMissingShard, Diagnosis::Severity::Info, shardId,
                      lease.leaseKey, lease.leaseOwner, state.firstSeenMs,
                      LeaseDiagnoser::tr("The lease of %1 is at SHARD_END and its shard is no "
                                         "longer in the stream (past retention): KCL deletes such "
                                         "leases once the children are processed.")
                          .arg(shardId));
            } else {
                c.add(Diagnosis::Kind::LeaseForMissingShard, Diagnosis::Severity::Warning, shardId,
                      lease.leaseKey, lease.leaseOwner, state.firstSeenMs,
                      LeaseDiagnoser::tr("The lease of %1 is for a shard the stream does not have "
                                         "(deleted, past retention, or another stream of the same "
                                         "name): its workers fail on it. Check the application's "
                                         "stream name, or delete the lease.")
                          .arg(shardId));
            }
            continue;
        }
        const auto tip = c.tips.constFind(shardId);
        if (tip == c.tips.cend() || !tip->oldestSequenceNumber)
            continue;
        const auto checkpoint = LeaseDiagnoser::checkpointSequence(lease.checkpoint);
        if (!checkpoint || !(*checkpoint < *tip->oldestSequenceNumber))
            continue;
        // Only a number of ours tells when its record arrived; a foreign one leaves it "now".
        const qint64 since = tip->oldestSequenceNumber->isForeign()
            ? tip->atMs
            : tip->oldestSequenceNumber->arrivalMs();
        c.add(Diagnosis::Kind::CheckpointOutOfRetention, Diagnosis::Severity::Error, shardId,
              lease.leaseKey, lease.leaseOwner, since,
              LeaseDiagnoser::tr("The checkpoint of %1 is older than the oldest record the stream "
                                 "still keeps: the records in between expired before they were "
                                 "processed and are lost to this application. Raise the "
                                 "retention or make the consumer faster.")
                  .arg(shardId));
    }
}

void shardWithoutLease(Context &c)
{
    if (!c.input.shards || c.now.leases.isEmpty())
        return;
    for (const Shard &shard : *c.input.shards) {
        if (shard.endingSequenceNumber || c.leaseOfShard.contains(shard.shardId))
            continue;
        if (parentPending(c, shard.shardId))
            continue;
        // Since the oldest snapshot of an unbroken run without this shard's lease.
        qint64 since = c.now.takenAtMs;
        for (qsizetype i = c.input.history.size() - 1; i >= 0; --i) {
            const LeaseTableSnapshot &snapshot = c.input.history.at(i);
            const bool has = std::any_of(snapshot.leases.cbegin(), snapshot.leases.cend(),
                                         [&](const LeaseState &s) {
                                             return s.lease.shardId() == shard.shardId;
                                         });
            if (has)
                break;
            since = snapshot.takenAtMs;
        }
        if (c.input.nowMs - since < LeaseDiagnoser::kUnleasedMs)
            continue;
        c.add(Diagnosis::Kind::ShardWithoutLease, Diagnosis::Severity::Warning, shard.shardId, {},
              {}, since,
              LeaseDiagnoser::tr("%1 is open but has no lease (for %2): nobody reads it. KCL "
                                 "creates leases in its shard sync; check that the workers run "
                                 "shard sync and read the right stream.")
                  .arg(shard.shardId, roughDuration(c.input.nowMs - since)));
    }
}

void workersNotRenewing(Context &c)
{
    const qint64 failover = c.now.failoverTimeMs;
    struct Held
    {
        int leases = 0;
        int stale = 0;
        qint64 lastChangeMs = 0;
    };
    QHash<QString, Held> owners;
    for (const LeaseState &state : c.now.leases) {
        if (!state.lease.isAssigned() || !concernsStream(state.lease, c.input.streamName))
            continue;
        Held &held = owners[state.lease.leaseOwner];
        ++held.leases;
        if (c.input.nowMs - state.counterChangedMs > failover)
            ++held.stale;
        held.lastChangeMs = std::max(held.lastChangeMs, state.counterChangedMs);
    }
    QSet<QString> reported;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (it->stale < it->leases)
            continue;
        reported.insert(it.key());
        c.add(Diagnosis::Kind::WorkerNotRenewing, Diagnosis::Severity::Error, {}, {}, it.key(),
              it->lastChangeMs,
              LeaseDiagnoser::tr("%1 holds %2 but has renewed none of them for %3: it stopped, "
                                 "hangs or cannot reach the lease table. Other workers take its "
                                 "leases after the failover time.")
                  .arg(it.key(), leaseCount(it->leases),
                       roughDuration(c.input.nowMs - it->lastChangeMs)));
    }
    if (!c.input.workers)
        return;
    for (const WorkerStatus &worker : *c.input.workers) {
        if (worker.leaseKeys.isEmpty() || worker.state == WorkerStatus::State::Killed
            || reported.contains(worker.workerId))
            continue;
        // Before its first renewal round a worker has nothing to say: the table speaks for it.
        const qint64 last = worker.lastRenewalMs;
        if (last <= 0 || c.input.nowMs - last <= failover)
            continue;
        c.add(Diagnosis::Kind::WorkerNotRenewing, Diagnosis::Severity::Error, {}, {},
              worker.workerId, last,
              worker.state == WorkerStatus::State::Paused
                  ? LeaseDiagnoser::tr("%1 is paused and holds %2 it no longer renews: other "
                                       "workers take them after the failover time.")
                        .arg(worker.workerId, leaseCount(worker.leaseKeys.size()))
                  : LeaseDiagnoser::tr("%1 believes it holds %2 but its last renewal was %3 "
                                       "ago: look at its last error and its connection to the "
                                       "lease table.")
                        .arg(worker.workerId, leaseCount(worker.leaseKeys.size()),
                             roughDuration(c.input.nowMs - last)));
    }
}

void lagGrowing(Context &c)
{
    const qint64 windowStart = c.input.nowMs - LeaseDiagnoser::kLagWindowMs;
    QHash<QString, QList<QPair<qint64, qint64>>> samples;
    QStringList order;
    for (const ShardTip &tip : c.input.tips) {
        if (!tip.millisBehind || tip.atMs < windowStart)
            continue;
        if (!samples.contains(tip.shardId))
            order.append(tip.shardId);
        samples[tip.shardId].append({tip.atMs, *tip.millisBehind});
    }
    for (const QString &shardId : std::as_const(order)) {
        const auto &points = samples.value(shardId);
        if (points.size() < LeaseDiagnoser::kLagMinSamples
            || points.last().first - points.first().first < LeaseDiagnoser::kLagMinSpanMs
            || points.last().second < LeaseDiagnoser::kLagMinMs)
            continue;
        // Least squares over times relative to the first sample, in doubles (ms fit well).
        double meanX = 0;
        double meanY = 0;
        for (const auto &[x, y] : points) {
            meanX += static_cast<double>(x - points.first().first);
            meanY += static_cast<double>(y);
        }
        meanX /= static_cast<double>(points.size());
        meanY /= static_cast<double>(points.size());
        double sxy = 0;
        double sxx = 0;
        for (const auto &[x, y] : points) {
            const double dx = static_cast<double>(x - points.first().first) - meanX;
            sxy += dx * (static_cast<double>(y) - meanY);
            sxx += dx * dx;
        }
        if (sxx <= 0 || sxy / sxx < LeaseDiagnoser::kLagGrowthRate)
            continue;
        // Since the lowest lag of the window: from there on it grew.
        const auto lowest = std::min_element(points.cbegin(), points.cend(),
                                             [](const auto &a, const auto &b) { return a.second < b.second; });
        const LeaseState *state = c.leaseOfShard.value(shardId);
        // ms of lag per ms of time, times 60: seconds of lag per minute.
        const double perMinute = sxy / sxx * 60.0;
        c.add(Diagnosis::Kind::LagGrowing, Diagnosis::Severity::Warning, shardId,
              state ? state->lease.leaseKey : QString(), state ? state->lease.leaseOwner : QString(),
              lowest->first,
              LeaseDiagnoser::tr("The consumer of %1 falls behind: it is %2 behind and the lag "
                                 "grows by about %3 s every minute. Records arrive faster than "
                                 "they are processed: look at the processing time per record, "
                                 "throttling, or add shards and workers.")
                  .arg(shardId, roughDuration(points.last().second),
                       QString::number(qRound(perMinute))));
    }
}

int severityRank(Diagnosis::Severity severity)
{
    switch (severity) {
    case Diagnosis::Severity::Error:
        return 0;
    case Diagnosis::Severity::Warning:
        return 1;
    case Diagnosis::Severity::Info:
        return 2;
    }
    return 3;
}

} // namespace

QString Diagnosis::key() const
{
    return u"%1|%2|%3|%4"_s.arg(static_cast<int>(kind)).arg(shardId, leaseKey, workerId);
}

std::optional<SequenceNumber> LeaseDiagnoser::checkpointSequence(const QString &checkpoint)
{
    if (checkpoint.isEmpty() || CheckpointSentinel::isSentinel(checkpoint))
        return std::nullopt;
    return SequenceNumber::fromWire(checkpoint);
}

QList<ShardTip> LeaseDiagnoser::latestTips(const QList<ShardTip> &tips)
{
    QList<ShardTip> latest;
    QHash<QString, qsizetype> index;
    for (const ShardTip &tip : tips) {
        const auto it = index.constFind(tip.shardId);
        if (it == index.cend()) {
            index.insert(tip.shardId, latest.size());
            latest.append(tip);
        } else {
            latest[*it] = tip;
        }
    }
    return latest;
}

QList<Diagnosis> LeaseDiagnoser::diagnose(const LeaseDiagnoserInput &input)
{
    if (input.history.isEmpty())
        return {};
    Context c{input, input.history.last(), {}, {}, {}, {}};
    for (const ShardTip &tip : latestTips(input.tips))
        c.tips.insert(tip.shardId, tip);
    if (input.shards) {
        for (const Shard &shard : *input.shards)
            c.shards.insert(shard.shardId, &shard);
    }
    for (const LeaseState &state : c.now.leases) {
        if (concernsStream(state.lease, input.streamName))
            c.leaseOfShard.insert(state.lease.shardId(), &state);
    }

    expiredNotTaken(c);
    pingPong(c);
    checkpointStuck(c);
    childBlocked(c);
    missingShardOrRetention(c);
    shardWithoutLease(c);
    workersNotRenewing(c);
    lagGrowing(c);

    std::stable_sort(c.out.begin(), c.out.end(), [](const Diagnosis &a, const Diagnosis &b) {
        const int ra = severityRank(a.severity);
        const int rb = severityRank(b.severity);
        if (ra != rb)
            return ra < rb;
        if (a.shardId != b.shardId)
            return a.shardId < b.shardId;
        if (a.workerId != b.workerId)
            return a.workerId < b.workerId;
        return static_cast<int>(a.kind) < static_cast<int>(b.kind);
    });
    return c.out;
}

} // namespace shardscope
