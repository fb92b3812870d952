#include "leasecoordinator.h"

#include "backend/futureutils.h"
#include "backend/roundpromise.h"
#include "kinesis/clock.h"
#include "kinesis/clockorsystem.h"

#include <QPromise>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <random>

namespace shardscope {

// One round of renewals or takes in flight.
struct LeaseCoordinator::Round : RoundPromise
{
    int pending = 0;           // renewals not answered yet
    QList<Lease> toTake;       // takes not made yet, in order
    QSet<QString> stealing;    // which of them are steals
};

LeaseCoordinator::LeaseCoordinator(LeaseTable *table, const QString &workerId,
                                   const LeaseCoordinatorOptions &options, const Clock *clock, QObject *parent)
    : QObject(parent), m_table(table), m_workerId(workerId), m_options(options),
      m_clock(&clockOrSystem(clock))
{
    m_renewTimer.setInterval(int(m_options.renewalIntervalMs()));
    m_takeTimer.setInterval(int(m_options.takingIntervalMs()));
    connect(&m_renewTimer, &QTimer::timeout, this, [this] { runRenewals(); });
    connect(&m_takeTimer, &QTimer::timeout, this, [this] { runTaking(); });
}

LeaseCoordinator::~LeaseCoordinator()
{
    forget();
}

qint64 LeaseCoordinator::now() const
{
    return m_clock->nowMs();
}

void LeaseCoordinator::start()
{
    if (isRunning())
        return;
    m_renewTimer.start();
    if (!m_options.taking)
        return;
    m_takeTimer.start();
    runTaking();
}

void LeaseCoordinator::stop()
{
    m_renewTimer.stop();
    m_takeTimer.stop();
}

void LeaseCoordinator::forget()
{
    stop();
    ++m_generation;
    const bool hadLeases = !m_held.isEmpty();
    m_held.clear();
    m_seen.clear();
    for (auto *round : {&m_renewal, &m_taking}) {
        if (*round)
            (*round)->finish();
        round->reset();
    }
    if (hadLeases)
        emit heldLeasesChanged();
}

QList<Lease> LeaseCoordinator::heldLeases() const
{
    QList<Lease> leases;
    for (const Held &held : m_held)
        leases.append(held.lease);
    std::sort(leases.begin(), leases.end(), [](const Lease &a, const Lease &b) { return a.leaseKey < b.leaseKey; });
    return leases;
}

QStringList LeaseCoordinator::heldLeaseKeys() const
{
    QStringList keys = m_held.keys();
    keys.sort();
    return keys;
}

std::optional<Lease> LeaseCoordinator::heldLease(const QString &leaseKey) const
{
    const auto found = m_held.constFind(leaseKey);
    if (found == m_held.constEnd())
        return std::nullopt;
    return found->lease;
}

void LeaseCoordinator::setError(const QString &message)
{
    m_lastError = message;
    emit errorOccurred(message);
}

void LeaseCoordinator::lose(const QString &leaseKey)
{
    const auto found = m_held.find(leaseKey);
    if (found == m_held.end())
        return;
    const QList<std::function<void()>> queued = found->queued;
    m_held.erase(found);
    emit leaseLost(leaseKey);
    emit heldLeasesChanged();
    // The waiting writes find the lease gone and answer so.
    for (const auto &write : queued)
        write();
}

bool LeaseCoordinator::adoptLease(const Lease &lease)
{
    if (lease.leaseOwner != m_workerId || m_held.contains(lease.leaseKey))
        return false;
    Held &held = m_held[lease.leaseKey];
    held.lease = lease;
    held.lastRenewedMs = now();
    ++m_taken;
    emit leaseAcquired(lease);
    emit heldLeasesChanged();
    return true;
}

// --- Serialised writes per lease ---------------------------------------------------------------

void LeaseCoordinator::enqueueWrite(const QString &leaseKey, std::function<void()> write)
{
    const auto found = m_held.find(leaseKey);
    if (found == m_held.end() || !found->writing) {
        if (found != m_held.end())
            found->writing = true;
        write();
        return;
    }
    found->queued.append(std::move(write));
}

void LeaseCoordinator::writeDone(const QString &leaseKey)
{
    const auto found = m_held.find(leaseKey);
    if (found == m_held.end())
        return;
    if (found->queued.isEmpty()) {
        found->writing = false;
        return;
    }
    const auto next = found->queued.takeFirst();
    next();
}

// --- Renewal ------------------------------------------------------------------------------------

QFuture<void> LeaseCoordinator::runRenewals()
{
    if (m_renewal)
        return m_renewal->promise.future();
    auto round = std::make_shared<Round>();
    m_renewal = round;
    const QStringList keys = heldLeaseKeys();
    round->pending = int(keys.size()) + 1; // +1 until every renewal is asked for
    for (const QString &key : keys)
        renew(key, round);
    if (--round->pending == 0) {
        m_lastRenewalMs = now();
        round->finish();
        m_renewal.reset();
    }
    return round->promise.future();
}

void LeaseCoordinator::renew(const QString &leaseKey, std::shared_ptr<Round> round)
{
    const quint64 generation = m_generation;
    const auto answered = [this, round, generation] {
        if (generation != m_generation || round->finished)
            return;
        if (--round->pending == 0) {
            m_lastRenewalMs = now();
            round->finish();
            if (m_renewal == round)
                m_renewal.reset();
        }
    };
    enqueueWrite(leaseKey, [this, leaseKey, answered, generation] {
        const auto found = m_held.find(leaseKey);
        if (found == m_held.end()) {
            answered();
            return;
        }
        // Not renewed within the failover time: by now another worker may hold it (KCL does not
        // renew an expired lease during regular renewals; it counts as lost).
        if (now() - found->lastRenewedMs > m_options.failoverTimeMs) {
            lose(leaseKey);
            answered();
            return;
        }
        onResult(this, m_table->renewLease(found->lease),
                 [this, leaseKey, answered, generation](const BackendResult<std::optional<Lease>> &result) {
                     if (generation != m_generation)
                         return;
                     if (!result) {
                         setError(tr("Renewing the lease of %1 failed: %2").arg(leaseKey, result.error().message));
                         writeDone(leaseKey);
                     } else if (!*result) {
                         lose(leaseKey);
                     } else {
                         const auto held = m_held.find(leaseKey);
                         if (held != m_held.end()) {
                             held->lease.leaseCounter = (*result)->leaseCounter;
                             held->lastRenewedMs = now();
                         }
                         writeDone(leaseKey);
                     }
                     answered();
                 });
    });
}

void LeaseCoordinator::updateLease(const QString &leaseKey, std::function<void(Lease &)> change, UpdateCallback done)
{
    const quint64 generation = m_generation;
    enqueueWrite(leaseKey, [this, leaseKey, change = std::move(change), done = std::move(done), generation] {
        const auto found = m_held.find(leaseKey);
        if (generation != m_generation || found == m_held.end()) {
            done(std::optional<Lease>());
            return;
        }
        Lease updated = found->lease;
        change(updated);
        updated.leaseKey = leaseKey;
        updated.leaseOwner = m_workerId;
        onResult(this, m_table->updateLease(updated),
                 [this, leaseKey, done, generation](const BackendResult<std::optional<Lease>> &result) {
                     if (generation != m_generation) {
                         done(std::optional<Lease>());
                         return;
                     }
                     if (!result) {
                         setError(tr("Writing the lease of %1 failed: %2").arg(leaseKey, result.error().message));
                         writeDone(leaseKey);
                     } else if (!*result) {
                         lose(leaseKey);
                     } else {
                         const auto held = m_held.find(leaseKey);
                         if (held != m_held.end()) {
                             held->lease = **result;
                             // A successful conditional write is as good as a renewal.
                             held->lastRenewedMs = now();
                         }
                         writeDone(leaseKey);
                     }
                     done(result);
                 });
    });
}

// --- Taking -------------------------------------------------------------------------------------

bool LeaseCoordinator::isAvailable(const Seen &seen, qint64 asOfMs) const
{
    if (!seen.lease.isAssigned() || !seen.counterChangedMs)
        return true;
    return asOfMs - *seen.counterChangedMs > m_options.failoverTimeMs;
}

void LeaseCoordinator::updateAllLeases(const QList<Lease> &fresh, qint64 scanMs)
{
    QHash<QString, Seen> next;
    for (const Lease &lease : fresh) {
        Seen seen{lease, std::nullopt};
        const auto old = m_seen.constFind(lease.leaseKey);
        if (old != m_seen.constEnd())
            seen.counterChangedMs = old->lease.leaseCounter == lease.leaseCounter ? old->counterChangedMs
                                                                                   : std::optional(scanMs);
        else if (lease.isAssigned())
            seen.counterChangedMs = scanMs; // new and owned: renewed as of the scan
        next.insert(lease.leaseKey, seen);
    }
    m_seen = std::move(next); // leases gone from the table are forgotten
}

QList<Lease> LeaseCoordinator::computeLeasesToTake(int *stealing)
{
    *stealing = 0;
    const qint64 asOf = now();
    QList<Lease> available;
    QHash<QString, int> counts;
    for (const Seen &seen : std::as_const(m_seen)) {
        if (isAvailable(seen, asOf))
            available.append(seen.lease);
        else
            ++counts[seen.lease.leaseOwner];
    }
    if (!counts.contains(m_workerId))
        counts.insert(m_workerId, 0);
    const int numLeases = int(m_seen.size());
    const int numWorkers = int(counts.size());
    if (numLeases == 0)
        return {};
    const int target = numWorkers >= numLeases ? 1 : numLeases / numWorkers + (numLeases % numWorkers == 0 ? 0 : 1);
    int needed = target - counts.value(m_workerId);
    if (needed <= 0)
        return {};

    // Shuffled so workers do not all contend for the same leases.
    std::mt19937 random(QRandomGenerator::global()->generate());
    std::sort(available.begin(), available.end(), [](const Lease &a, const Lease &b) { return a.leaseKey < b.leaseKey; });
    std::shuffle(available.begin(), available.end(), random);
    if (!available.isEmpty())
        return available.mid(0, needed);

    // Nothing available: consider stealing from the most-loaded worker (the first of equals in
    // owner order, so the choice does not depend on hashing).
    QStringList owners = counts.keys();
    owners.sort();
    QString mostLoaded;
    for (const QString &owner : std::as_const(owners)) {
        if (mostLoaded.isEmpty() || counts.value(mostLoaded) < counts.value(owner))
            mostLoaded = owner;
    }
    int toSteal = 0;
    const int mostLoadedCount = counts.value(mostLoaded);
    if (mostLoadedCount >= target && needed > 0) {
        toSteal = std::min(needed, mostLoadedCount - target);
        if (needed > 1 && toSteal == 0)
            toSteal = 1; // the most loaded holds exactly the target and we need more than one
        toSteal = std::min(toSteal, m_options.maxLeasesToStealAtOneTime);
    }
    if (toSteal <= 0 || mostLoaded == m_workerId)
        return {};
    QList<Lease> candidates;
    for (const Seen &seen : std::as_const(m_seen)) {
        if (seen.lease.leaseOwner == mostLoaded)
            candidates.append(seen.lease);
    }
    std::sort(candidates.begin(), candidates.end(), [](const Lease &a, const Lease &b) { return a.leaseKey < b.leaseKey; });
    std::shuffle(candidates.begin(), candidates.end(), random);
    candidates = candidates.mid(0, toSteal);
    *stealing = int(candidates.size());
    return candidates;
}

QFuture<void> LeaseCoordinator::runTaking()
{
    if (m_taking)
        return m_taking->promise.future();
    auto round = std::make_shared<Round>();
    m_taking = round;
    const quint64 generation = m_generation;
    onResult(this, m_table->listLeases(), [this, round, generation](const BackendResult<QList<Lease>> &result) {
        if (generation != m_generation || round->finished)
            return;
        if (!result) {
            setError(tr("Listing the leases failed: %1").arg(result.error().message));
            ++m_takingRounds;
            round->finish();
            m_taking.reset();
            return;
        }
        updateAllLeases(*result, now());
        int stealing = 0;
        round->toTake = computeLeasesToTake(&stealing);
        if (stealing > 0) {
            for (const Lease &lease : std::as_const(round->toTake))
                round->stealing.insert(lease.leaseKey);
        }
        takeNext(round);
    });
    return round->promise.future();
}

void LeaseCoordinator::takeNext(std::shared_ptr<Round> round)
{
    if (round->toTake.isEmpty()) {
        ++m_takingRounds;
        round->finish();
        if (m_taking == round)
            m_taking.reset();
        return;
    }
    const Lease lease = round->toTake.takeFirst();
    const quint64 generation = m_generation;
    onResult(this, m_table->takeLease(lease, m_workerId),
             [this, round, generation, key = lease.leaseKey](const BackendResult<std::optional<Lease>> &result) {
                 if (generation != m_generation || round->finished)
                     return;
                 if (!result) {
                     setError(tr("Taking the lease of %1 failed: %2").arg(key, result.error().message));
                 } else if (*result) {
                     const Lease &taken = **result;
                     const bool had = m_held.contains(key);
                     Held &held = m_held[key];
                     held.lease = taken;
                     held.lastRenewedMs = now();
                     ++m_taken;
                     if (round->stealing.contains(key))
                         ++m_steals;
                     if (!had) {
                         emit leaseAcquired(taken);
                         emit heldLeasesChanged();
                     }
                 }
                 takeNext(round);
             });
}

} // namespace shardscope
