#pragma once

#include "consumer/lease.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace shardscope {

// What the leader knows when it assigns leases.
struct LeaseAssignmentInput
{
    QList<Lease> leases;            // every lease of the table
    QSet<QString> expiredLeaseKeys; // counter unchanged for longer than the failover time
    QStringList aliveWorkers;       // workers whose metric stats are recent enough
};

// One change the leader writes: lease `leaseKey`, now owned by `fromOwner` (empty: nobody), goes
// to `toWorker`.
struct LeaseAssignment
{
    enum class Reason { Unassigned, Expired, OwnerGone, Rebalance };

    QString leaseKey;
    QString fromOwner;
    QString toWorker;
    Reason reason = Reason::Unassigned;

    bool operator==(const LeaseAssignment &) const = default;
};

// The leader's lease assignment, as pure logic (no table, no clock), after KCL 3.x's
// LeaseAssignmentManager with a lease-count decider:
// 1. Leases that are unassigned, expired, or owned by a worker that is not alive are assigned,
//    in leaseKey order, each to the alive worker holding the fewest leases (ties: worker-id
//    order). A worker every one of whose leases has expired has evidently stopped renewing (its
//    metric stats may still look recent): it gets none this time.
// 2. Rebalancing: while the most-loaded worker holds two or more leases more than the
//    least-loaded, the most-loaded one (first in worker-id order among equals) gives its last
//    lease in leaseKey order to the least-loaded one (first among equals). So every worker ends
//    with floor or ceil of leases / workers, and nothing moves when that already holds.
// Leases at SHARD_END count like the others (they stay held until cleaned up, as in KCL).
// Deterministic: the same input gives the same output.
QList<LeaseAssignment> decideLeaseAssignments(const LeaseAssignmentInput &input);

} // namespace shardscope
