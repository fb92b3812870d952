// decideLeaseAssignments(), the KCL 3.x leader's decision as pure logic: unassigned and expired
// leases and those of workers that are gone go to the least-loaded alive workers first;
// rebalancing leaves every worker with floor or ceil of leases / workers; nothing moves when that
// already holds; a worker whose every lease expired gets none; ties are broken by worker id and
// lease key, so the same input always gives the same output.

#include "consumer/leaseassignmentdecider.h"

#include <QHash>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

Lease lease(int index, const QString &owner = {})
{
    Lease l;
    l.leaseKey = u"shardId-%1"_s.arg(index, 12, 10, QLatin1Char('0'));
    l.leaseOwner = owner;
    l.leaseCounter = owner.isEmpty() ? 0 : 5;
    return l;
}

// Owners after applying the assignments.
QHash<QString, int> countsAfter(const LeaseAssignmentInput &input, const QList<LeaseAssignment> &assignments)
{
    QHash<QString, QString> owner;
    for (const Lease &l : input.leases)
        owner.insert(l.leaseKey, l.leaseOwner);
    for (const LeaseAssignment &a : assignments)
        owner.insert(a.leaseKey, a.toWorker);
    QHash<QString, int> counts;
    for (const QString &o : std::as_const(owner))
        ++counts[o];
    return counts;
}

} // namespace

class TestLeaseAssignmentDecider : public QObject
{
    Q_OBJECT

private slots:
    void unassignedLeasesGoToTheLeastLoaded()
    {
        LeaseAssignmentInput input;
        for (int i = 0; i < 7; ++i)
            input.leases.append(lease(i));
        input.aliveWorkers = {u"w2"_s, u"w1"_s, u"w3"_s};
        const auto assignments = decideLeaseAssignments(input);
        QCOMPARE(assignments.size(), 7);
        // Round-robin in lease-key order, ties by worker id.
        QCOMPARE(assignments[0].toWorker, u"w1"_s);
        QCOMPARE(assignments[1].toWorker, u"w2"_s);
        QCOMPARE(assignments[2].toWorker, u"w3"_s);
        QCOMPARE(assignments[3].toWorker, u"w1"_s);
        QCOMPARE(assignments[6].toWorker, u"w1"_s);
        for (const auto &a : assignments) {
            QCOMPARE(a.reason, LeaseAssignment::Reason::Unassigned);
            QVERIFY(a.fromOwner.isEmpty());
        }
        const auto counts = countsAfter(input, assignments);
        QCOMPARE(counts.value(u"w1"_s), 3);
        QCOMPARE(counts.value(u"w2"_s), 2);
        QCOMPARE(counts.value(u"w3"_s), 2);
    }

    void expiredLeasesAreReassigned()
    {
        LeaseAssignmentInput input;
        input.leases = {lease(0, u"w1"_s), lease(1, u"w1"_s), lease(2, u"w2"_s), lease(3, u"w2"_s)};
        input.expiredLeaseKeys = {lease(1).leaseKey};
        input.aliveWorkers = {u"w1"_s, u"w2"_s};
        const auto assignments = decideLeaseAssignments(input);
        // w1 has 1 live lease, w2 has 2: the expired one goes back to w1 (least loaded).
        QCOMPARE(assignments.size(), 1);
        QCOMPARE(assignments[0], (LeaseAssignment{lease(1).leaseKey, u"w1"_s, u"w1"_s, LeaseAssignment::Reason::Expired}));
    }

    void deadWorkersLeasesMoveAndItGetsNone()
    {
        LeaseAssignmentInput input;
        // w3 no longer reports (not alive); w2 still reports but renews none of its leases.
        input.leases = {lease(0, u"w1"_s), lease(1, u"w2"_s), lease(2, u"w2"_s), lease(3, u"w3"_s),
                        lease(4, u"w3"_s), lease(5, u"w1"_s)};
        input.expiredLeaseKeys = {lease(1).leaseKey, lease(2).leaseKey};
        input.aliveWorkers = {u"w1"_s, u"w2"_s, u"w4"_s};
        const auto assignments = decideLeaseAssignments(input);
        QHash<QString, LeaseAssignment> byKey;
        for (const auto &a : assignments) {
            QVERIFY2(a.toWorker != u"w2"_s && a.toWorker != u"w3"_s, qPrintable(a.toWorker));
            byKey.insert(a.leaseKey, a);
        }
        QCOMPARE(byKey.value(lease(1).leaseKey).reason, LeaseAssignment::Reason::Expired);
        QCOMPARE(byKey.value(lease(3).leaseKey).reason, LeaseAssignment::Reason::OwnerGone);
        QCOMPARE(byKey.value(lease(3).leaseKey).fromOwner, u"w3"_s);
        QCOMPARE(byKey.size(), 4);
        const auto counts = countsAfter(input, assignments);
        QCOMPARE(counts.value(u"w1"_s), 3);
        QCOMPARE(counts.value(u"w4"_s), 3);
    }

    void rebalanceToTheFairShare()
    {
        LeaseAssignmentInput input;
        for (int i = 0; i < 10; ++i)
            input.leases.append(lease(i, u"w1"_s));
        input.aliveWorkers = {u"w1"_s, u"w2"_s, u"w3"_s};
        const auto assignments = decideLeaseAssignments(input);
        // 10 over 3: w1 keeps 4, the others get 3 each, taken from w1's last keys.
        QCOMPARE(assignments.size(), 6);
        for (const auto &a : assignments) {
            QCOMPARE(a.reason, LeaseAssignment::Reason::Rebalance);
            QCOMPARE(a.fromOwner, u"w1"_s);
            QVERIFY(a.leaseKey >= lease(4).leaseKey);
        }
        QCOMPARE(assignments[0], (LeaseAssignment{lease(9).leaseKey, u"w1"_s, u"w2"_s, LeaseAssignment::Reason::Rebalance}));
        QCOMPARE(assignments[1], (LeaseAssignment{lease(8).leaseKey, u"w1"_s, u"w3"_s, LeaseAssignment::Reason::Rebalance}));
        const auto counts = countsAfter(input, assignments);
        QCOMPARE(counts.value(u"w1"_s), 4);
        QCOMPARE(counts.value(u"w2"_s), 3);
        QCOMPARE(counts.value(u"w3"_s), 3);
    }

    void noMovesWhenBalanced()
    {
        LeaseAssignmentInput input;
        input.leases = {lease(0, u"w1"_s), lease(1, u"w2"_s), lease(2, u"w1"_s), lease(3, u"w3"_s),
                        lease(4, u"w2"_s)};
        input.aliveWorkers = {u"w1"_s, u"w2"_s, u"w3"_s};
        QVERIFY(decideLeaseAssignments(input).isEmpty());
        // A new worker with nothing: the fair share is now 1 or 2; one lease moves to it.
        input.aliveWorkers.append(u"w4"_s);
        const auto assignments = decideLeaseAssignments(input);
        QCOMPARE(assignments.size(), 1);
        QCOMPARE(assignments[0], (LeaseAssignment{lease(2).leaseKey, u"w1"_s, u"w4"_s, LeaseAssignment::Reason::Rebalance}));
    }

    void deterministicTies()
    {
        LeaseAssignmentInput input;
        for (int i = 0; i < 9; ++i)
            input.leases.append(lease(i, i < 6 ? u"b"_s : u"a"_s));
        input.expiredLeaseKeys = {lease(7).leaseKey};
        input.aliveWorkers = {u"c"_s, u"b"_s, u"a"_s};
        const auto first = decideLeaseAssignments(input);
        LeaseAssignmentInput shuffled = input;
        std::reverse(shuffled.leases.begin(), shuffled.leases.end());
        shuffled.aliveWorkers = {u"a"_s, u"c"_s, u"b"_s, u"a"_s};
        QCOMPARE(decideLeaseAssignments(shuffled), first);
        const auto counts = countsAfter(input, first);
        QCOMPARE(counts.value(u"a"_s), 3);
        QCOMPARE(counts.value(u"b"_s), 3);
        QCOMPARE(counts.value(u"c"_s), 3);
    }

    void nobodyAliveAssignsNothing()
    {
        LeaseAssignmentInput input;
        input.leases = {lease(0), lease(1, u"w1"_s)};
        QVERIFY(decideLeaseAssignments(input).isEmpty());
        input.aliveWorkers = {u"w1"_s};
        input.expiredLeaseKeys = {lease(1).leaseKey};
        // Its only lease expired: it evidently stopped, and nobody else is alive.
        QVERIFY(decideLeaseAssignments(input).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLeaseAssignmentDecider)
#include "tst_leaseassignmentdecider.moc"
