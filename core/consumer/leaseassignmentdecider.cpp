#include "leaseassignmentdecider.h"

#include <QHash>

#include <algorithm>

namespace shardscope {

QList<LeaseAssignment> decideLeaseAssignments(const LeaseAssignmentInput &input)
{
    QStringList alive = input.aliveWorkers;
    alive.sort();
    alive.removeDuplicates();

    QList<Lease> leases = input.leases;
    std::sort(leases.begin(), leases.end(), [](const Lease &a, const Lease &b) { return a.leaseKey < b.leaseKey; });

    // Workers that hold leases but renew none of them.
    QHash<QString, int> owned;
    QHash<QString, int> ownedExpired;
    for (const Lease &lease : std::as_const(leases)) {
        if (!lease.isAssigned())
            continue;
        ++owned[lease.leaseOwner];
        if (input.expiredLeaseKeys.contains(lease.leaseKey))
            ++ownedExpired[lease.leaseOwner];
    }
    QStringList eligible;
    for (const QString &worker : std::as_const(alive)) {
        if (owned.value(worker) == 0 || ownedExpired.value(worker) < owned.value(worker))
            eligible.append(worker);
    }
    if (eligible.isEmpty())
        return {};

    // Each eligible worker's leases after this run, in leaseKey order.
    QHash<QString, QStringList> holdings;
    for (const QString &worker : std::as_const(eligible))
        holdings.insert(worker, {});
    QList<LeaseAssignment> assignments;
    QHash<QString, qsizetype> assignmentOf; // leaseKey -> index in assignments
    const auto leastLoaded = [&] {
        QString best;
        for (const QString &worker : std::as_const(eligible)) {
            if (best.isEmpty() || holdings.value(worker).size() < holdings.value(best).size())
                best = worker;
        }
        return best;
    };

    QList<std::pair<Lease, LeaseAssignment::Reason>> pending;
    for (const Lease &lease : std::as_const(leases)) {
        if (!lease.isAssigned())
            pending.append({lease, LeaseAssignment::Reason::Unassigned});
        else if (input.expiredLeaseKeys.contains(lease.leaseKey))
            pending.append({lease, LeaseAssignment::Reason::Expired});
        else if (!holdings.contains(lease.leaseOwner))
            pending.append({lease, LeaseAssignment::Reason::OwnerGone});
        else
            holdings[lease.leaseOwner].append(lease.leaseKey);
    }
    for (const auto &[lease, reason] : std::as_const(pending)) {
        const QString to = leastLoaded();
        holdings[to].append(lease.leaseKey);
        assignmentOf.insert(lease.leaseKey, assignments.size());
        assignments.append(LeaseAssignment{lease.leaseKey, lease.leaseOwner, to, reason});
    }
    for (auto it = holdings.begin(); it != holdings.end(); ++it)
        it->sort();

    // Rebalancing, one lease at a time from the most to the least loaded.
    QHash<QString, QString> ownerOf;
    for (const Lease &lease : std::as_const(leases))
        ownerOf.insert(lease.leaseKey, lease.leaseOwner);
    for (;;) {
        QString most;
        for (const QString &worker : std::as_const(eligible)) {
            if (most.isEmpty() || holdings.value(worker).size() > holdings.value(most).size())
                most = worker;
        }
        const QString least = leastLoaded();
        if (holdings.value(most).size() - holdings.value(least).size() <= 1)
            break;
        const QString key = holdings[most].takeLast();
        holdings[least].append(key);
        holdings[least].sort();
        const auto found = assignmentOf.constFind(key);
        if (found != assignmentOf.constEnd()) {
            assignments[*found].toWorker = least;
        } else {
            assignmentOf.insert(key, assignments.size());
            assignments.append(LeaseAssignment{key, ownerOf.value(key), least, LeaseAssignment::Reason::Rebalance});
        }
    }
    return assignments;
}

} // namespace shardscope
