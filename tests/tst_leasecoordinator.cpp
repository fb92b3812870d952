// LeaseCoordinator (KCL 2.x's renewer and taker) over a SqliteLeaseTable, on a ManualClock with
// the rounds called by the test: renewal keeps a lease alive and nobody takes it; a killed
// worker's lease expires only after the failover time by the taker's own view, then is taken; a
// paused worker drops its expired leases without writing; a lost condition loses the lease;
// available leases are taken before any steal; at most one steal per round, from the most-loaded
// worker, only when needed (and KCL's "need more than one, most loaded at target" case); two and
// three workers converge to a balanced assignment and then stop taking; checkpoint writes are
// serialised with renewals.

#include "backendtesthelpers.h"
#include "consumer/leasecoordinator.h"
#include "consumer/sqliteleasetable.h"
#include "expectedassert.h"
#include "kinesis/clock.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace shardscope;
using testing::await;

namespace {

constexpr qint64 kStart = 1'800'000'000'000;
constexpr qint64 kFailover = 10'000;

// Spins the event loop until a round has finished.
void finish(const QFuture<void> &round)
{
    QDeadlineTimer deadline(10000);
    while (!round.isFinished() && !deadline.hasExpired())
        QTest::qWait(1);
    QVERIFY(round.isFinished());
}

QString key(int i)
{
    return u"shardId-%1"_s.arg(i, 12, 10, QLatin1Char('0'));
}

} // namespace

class TestLeaseCoordinator : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock = std::make_unique<ManualClock>(kStart);
        m_table = std::make_unique<SqliteLeaseTable>(m_dir->filePath(u"leases.db"_s), u"app"_s);
        VERIFY_OK(await(m_table->createTableIfNotExists()));
    }
    void cleanup()
    {
        m_workers.clear();
        m_table.reset();
        m_clock.reset();
        m_dir.reset();
    }

    void timingDefaults()
    {
        const LeaseCoordinatorOptions options;
        QCOMPARE(options.failoverTimeMs, 10'000);
        QCOMPARE(options.renewalIntervalMs(), 3'308);
        QCOMPARE(options.takingIntervalMs(), 20'050);
        QCOMPARE(options.maxLeasesToStealAtOneTime, 1);
    }

    void renewalKeepsLease()
    {
        createLeases(1);
        LeaseCoordinator *a = worker(u"a"_s);
        LeaseCoordinator *b = worker(u"b"_s);
        finish(a->runTaking());
        QCOMPARE(a->heldLeaseKeys(), QStringList{key(0)});
        finish(b->runTaking());
        QVERIFY(b->heldLeaseKeys().isEmpty());
        // A minute of renewals every 3,308 ms; b looks every 20,050 ms and never takes it.
        for (int i = 0; i < 20; ++i) {
            m_clock->advanceMs(3'308);
            finish(a->runRenewals());
            if (i % 6 == 5)
                finish(b->runTaking());
        }
        QCOMPARE(a->heldLeaseKeys(), QStringList{key(0)});
        QVERIFY(b->heldLeaseKeys().isEmpty());
        QCOMPARE(b->leasesTaken(), 0);
        const auto stored = await(m_table->getLease(key(0)));
        QCOMPARE((*stored)->leaseOwner, u"a"_s);
        QCOMPARE((*stored)->leaseCounter, 21); // one take, twenty renewals
        QCOMPARE(a->lastRenewalMs(), m_clock->nowMs());
    }

    void killedWorkersLeaseExpiresAndIsTaken()
    {
        createLeases(1);
        LeaseCoordinator *a = worker(u"a"_s);
        LeaseCoordinator *b = worker(u"b"_s);
        finish(a->runTaking());
        finish(b->runTaking()); // b sees it owned: renewed as of this scan
        a->forget();           // killed: no eviction
        QCOMPARE((*await(m_table->getLease(key(0))))->leaseOwner, u"a"_s);

        m_clock->advanceMs(kFailover); // unchanged for exactly the failover time: still alive
        finish(b->runTaking());
        QVERIFY(b->heldLeaseKeys().isEmpty());
        m_clock->advanceMs(1);
        QSignalSpy acquired(b, &LeaseCoordinator::leaseAcquired);
        finish(b->runTaking());
        QCOMPARE(b->heldLeaseKeys(), QStringList{key(0)});
        QCOMPARE(acquired.size(), 1);
        QCOMPARE(b->steals(), 0); // expired, not stolen
        const auto stored = await(m_table->getLease(key(0)));
        QCOMPARE((*stored)->leaseOwner, u"b"_s);
        QCOMPARE((*stored)->ownerSwitchesSinceCheckpoint, 2); // unowned → a → b
    }

    void expiryIsByTheTakersOwnView()
    {
        createLeases(1);
        LeaseCoordinator *a = worker(u"a"_s);
        finish(a->runTaking());
        a->forget();
        // A worker that starts later first sees the lease owned: it waits a whole failover time
        // from its own first scan, however old the last renewal is.
        m_clock->advanceMs(60'000);
        LeaseCoordinator *c = worker(u"c"_s);
        finish(c->runTaking());
        QVERIFY(c->heldLeaseKeys().isEmpty());
        m_clock->advanceMs(kFailover + 1);
        finish(c->runTaking());
        QCOMPARE(c->heldLeaseKeys(), QStringList{key(0)});
    }

    void pausedWorkerFindsItLostItsLeases()
    {
        createLeases(2);
        LeaseCoordinator *a = worker(u"a"_s);
        LeaseCoordinator *b = worker(u"b"_s);
        finish(a->runTaking()); // alone: takes both
        QCOMPARE(a->heldLeaseKeys().size(), 2);
        finish(b->runTaking()); // target 1: steals one
        QCOMPARE(b->heldLeaseKeys().size(), 1);
        finish(a->runRenewals()); // a learns it lost one (and renews the other)
        QCOMPARE(a->heldLeaseKeys().size(), 1);
        const QString aKey = a->heldLeaseKeys().first();
        finish(b->runTaking()); // b sees that renewal: a's lease is alive as of now

        // a is paused: no renewals. b renews its own and, after the failover time by its own
        // view, takes a's.
        for (int i = 0; i < 3; ++i) {
            m_clock->advanceMs(3'308);
            finish(b->runRenewals());
        }
        finish(b->runTaking());
        QCOMPARE(b->heldLeaseKeys().size(), 1); // 9,924 ms: not yet
        m_clock->advanceMs(3'308);
        finish(b->runRenewals());
        finish(b->runTaking());
        QCOMPARE(b->heldLeaseKeys().size(), 2);

        // Resumed, a's first renewal round finds its lease unrenewed for longer than the
        // failover time: dropped as lost without a write (the stored lease is b's now).
        QSignalSpy lost(a, &LeaseCoordinator::leaseLost);
        const qint64 counterBefore = (*await(m_table->getLease(aKey)))->leaseCounter;
        finish(a->runRenewals());
        QCOMPARE(lost.size(), 1);
        QCOMPARE(lost.first().first().toString(), aKey);
        QVERIFY(a->heldLeaseKeys().isEmpty());
        const auto stored = await(m_table->getLease(aKey));
        QCOMPARE((*stored)->leaseOwner, u"b"_s);
        QCOMPARE((*stored)->leaseCounter, counterBefore);
    }

    void failedConditionLosesTheLease()
    {
        createLeases(1);
        LeaseCoordinator *a = worker(u"a"_s);
        finish(a->runTaking());
        const Lease held = *a->heldLease(key(0));
        // Someone else takes it behind a's back.
        QVERIFY(await(m_table->takeLease(held, u"z"_s))->has_value());
        QSignalSpy lost(a, &LeaseCoordinator::leaseLost);
        m_clock->advanceMs(3'308);
        finish(a->runRenewals());
        QCOMPARE(lost.size(), 1);
        QVERIFY(!a->holds(key(0)));
        QCOMPARE((*await(m_table->getLease(key(0))))->leaseOwner, u"z"_s);
    }

    void availableLeasesBeforeStealing()
    {
        createLeases(4);
        LeaseCoordinator *a = worker(u"a"_s);
        LeaseCoordinator *b = worker(u"b"_s);
        finish(a->runTaking());
        QCOMPARE(a->heldLeaseKeys().size(), 4);
        // A new unowned lease: b needs 3 (target ceil(5/2)), takes the available one, no steal.
        Lease fresh;
        fresh.leaseKey = key(9);
        fresh.checkpoint = CheckpointSentinel::TrimHorizon;
        QVERIFY(*await(m_table->createLeaseIfNotExists(fresh)));
        finish(b->runTaking());
        QCOMPARE(b->heldLeaseKeys(), QStringList{key(9)});
        QCOMPARE(b->steals(), 0);
        QCOMPARE(a->heldLeaseKeys().size(), 4);
        // Next round nothing is available: one steal (of the two it needs), from a.
        m_clock->advanceMs(1'000);
        finish(b->runTaking());
        QCOMPARE(b->steals(), 1);
        QCOMPARE(b->heldLeaseKeys().size(), 2);
        // a learns at its renewal that it lost one.
        QSignalSpy lost(a, &LeaseCoordinator::leaseLost);
        finish(a->runRenewals());
        QCOMPARE(lost.size(), 1);
        QCOMPARE(a->heldLeaseKeys().size(), 3);
        // b still needs one (target 3) and a holds exactly the target: with a need of one,
        // KCL does not steal.
        m_clock->advanceMs(1'000);
        finish(a->runRenewals());
        finish(b->runTaking());
        QCOMPARE(b->steals(), 1);
        QCOMPARE(b->heldLeaseKeys().size(), 2);
    }

    void stealsOnlyFromTheMostLoaded()
    {
        createLeases(6);
        LeaseCoordinator *a = worker(u"a"_s);
        LeaseCoordinator *b = worker(u"b"_s);
        finish(a->runTaking()); // 6
        finish(b->runTaking()); // steals 1: a 5, b 1
        m_clock->advanceMs(1'000);
        finish(a->runRenewals());
        finish(b->runTaking()); // a 4, b 2
        m_clock->advanceMs(1'000);
        finish(a->runRenewals());
        QCOMPARE(a->heldLeaseKeys().size(), 4);
        QCOMPARE(b->heldLeaseKeys().size(), 2);
        // c joins: target 2; a (4) is the most loaded; one steal per round, from a.
        LeaseCoordinator *c = worker(u"c"_s);
        finish(c->runTaking());
        QCOMPARE(c->steals(), 1);
        QCOMPARE(c->heldLeaseKeys().size(), 1);
        QCOMPARE((*await(m_table->getLease(c->heldLeaseKeys().first())))->ownerSwitchesSinceCheckpoint, 2);
        finish(a->runRenewals());
        QCOMPARE(a->heldLeaseKeys().size(), 3);
        QCOMPARE(b->heldLeaseKeys().size(), 2);
        m_clock->advanceMs(1'000);
        finish(c->runTaking());
        finish(a->runRenewals());
        QCOMPARE(a->heldLeaseKeys().size(), 2);
        QCOMPARE(b->heldLeaseKeys().size(), 2);
        QCOMPARE(c->heldLeaseKeys().size(), 2);
        // Balanced: nobody needs anything, nothing more is taken.
        const int taken = a->leasesTaken() + b->leasesTaken() + c->leasesTaken();
        for (LeaseCoordinator *w : {a, b, c}) {
            m_clock->advanceMs(1'000);
            finish(w->runTaking());
        }
        QCOMPARE(a->leasesTaken() + b->leasesTaken() + c->leasesTaken(), taken);
    }

    void stealsOneWhenNeedingMoreThanOneFromATargetHolder()
    {
        // KCL's rule: when the most-loaded worker holds exactly the target and the taker needs
        // more than one, it steals one anyway.
        createLeases(4);
        LeaseCoordinator *a = worker(u"a"_s);
        LeaseCoordinator *b = worker(u"b"_s);
        finish(a->runTaking());
        finish(b->runTaking());
        m_clock->advanceMs(1'000);
        finish(a->runRenewals());
        finish(b->runTaking());
        m_clock->advanceMs(1'000);
        finish(a->runRenewals());
        QCOMPARE(a->heldLeaseKeys().size(), 2);
        QCOMPARE(b->heldLeaseKeys().size(), 2);
        LeaseCoordinator *c = worker(u"c"_s); // target ceil(4/3) = 2, needs 2
        finish(c->runTaking());
        QCOMPARE(c->steals(), 1);
        QCOMPARE(c->heldLeaseKeys().size(), 1);
        // Now c needs 1 and the most loaded holds exactly 2: no more steals.
        m_clock->advanceMs(1'000);
        finish(a->runRenewals());
        finish(b->runRenewals());
        finish(c->runTaking());
        QCOMPARE(c->steals(), 1);
    }

    void twoWorkersConverge()
    {
        createLeases(10);
        LeaseCoordinator *a = worker(u"a"_s);
        LeaseCoordinator *b = worker(u"b"_s);
        // Both on KCL's timers, b starting 5 s after a, for three minutes in 100 ms steps.
        runTimers({{a, 0}, {b, 5'000}}, 180'000);
        QCOMPARE(a->heldLeaseKeys().size(), 5);
        QCOMPARE(b->heldLeaseKeys().size(), 5);
        const auto stored = await(m_table->listLeases());
        for (const Lease &lease : *stored) {
            QVERIFY(lease.leaseOwner == u"a"_s || lease.leaseOwner == u"b"_s);
            QVERIFY((lease.leaseOwner == u"a"_s ? a : b)->holds(lease.leaseKey));
        }
        // Balanced and alive: another three minutes change nothing.
        const int taken = a->leasesTaken() + b->leasesTaken();
        runTimers({{a, 0}, {b, 0}}, 180'000);
        QCOMPARE(a->leasesTaken() + b->leasesTaken(), taken);
        QVERIFY(b->steals() >= 1);
        QVERIFY(a->takingRounds() >= 9);
    }

    void checkpointsAreSerialisedWithRenewals()
    {
        createLeases(1);
        LeaseCoordinator *a = worker(u"a"_s);
        finish(a->runTaking());
        m_clock->advanceMs(1'000);
        const QFuture<void> renewals = a->runRenewals();
        bool answered = false;
        std::optional<Lease> written;
        a->updateLease(key(0), [](Lease &lease) { lease.checkpoint = u"12345"_s; },
                       [&](const BackendResult<std::optional<Lease>> &result) {
                           answered = true;
                           if (result)
                               written = *result;
                       });
        finish(renewals);
        QTRY_VERIFY(answered);
        QVERIFY(written.has_value());
        QCOMPARE(written->checkpoint, u"12345"_s);
        QCOMPARE(written->leaseCounter, 3); // take, renewal, update: neither lost the race
        QVERIFY(a->holds(key(0)));
        QCOMPARE(a->heldLease(key(0))->leaseCounter, 3);
        // Not held: answered empty, nothing written.
        bool notHeld = false;
        a->updateLease(u"other"_s, [](Lease &) {}, [&](const BackendResult<std::optional<Lease>> &result) {
            notHeld = result && !*result;
        });
        QVERIFY(notHeld);
    }

    void timersDriveTheRounds()
    {
        // start() takes at once and then runs on QTimers; stop() keeps the holds.
        createLeases(2);
        LeaseCoordinator *a = worker(u"a"_s);
        a->start();
        QVERIFY(a->isRunning());
        QTRY_COMPARE(a->heldLeaseKeys().size(), 2);
        a->stop();
        QVERIFY(!a->isRunning());
        QCOMPARE(a->heldLeaseKeys().size(), 2);
        a->forget();
        QVERIFY(a->heldLeaseKeys().isEmpty());
    }

private:
    void createLeases(int count)
    {
        for (int i = 0; i < count; ++i) {
            Lease lease;
            lease.leaseKey = key(i);
            lease.checkpoint = CheckpointSentinel::TrimHorizon;
            QVERIFY(*await(m_table->createLeaseIfNotExists(lease)));
        }
    }

    LeaseCoordinator *worker(const QString &id)
    {
        m_workers.push_back(std::make_unique<LeaseCoordinator>(m_table.get(), id, LeaseCoordinatorOptions{},
                                                               m_clock.get()));
        return m_workers.back().get();
    }

    // Runs each worker's rounds when KCL's timers would (taking at its start, then every
    // 20,050 ms; renewals every 3,308 ms), advancing the clock in 100 ms steps.
    void runTimers(const QList<std::pair<LeaseCoordinator *, qint64>> &workers, qint64 durationMs)
    {
        const qint64 begin = m_clock->nowMs();
        struct Due
        {
            LeaseCoordinator *worker;
            qint64 nextTake;
            qint64 nextRenew;
        };
        QList<Due> due;
        for (const auto &[w, startOffset] : workers)
            due.append(Due{w, begin + startOffset, begin + startOffset + w->options().renewalIntervalMs()});
        for (qint64 t = begin; t <= begin + durationMs; t += 100) {
            m_clock->setMs(t);
            for (Due &d : due) {
                if (t >= d.nextRenew) {
                    finish(d.worker->runRenewals());
                    d.nextRenew += d.worker->options().renewalIntervalMs();
                }
                if (t >= d.nextTake) {
                    finish(d.worker->runTaking());
                    d.nextTake += d.worker->options().takingIntervalMs();
                }
            }
        }
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqliteLeaseTable> m_table;
    std::vector<std::unique_ptr<LeaseCoordinator>> m_workers;
};

QTEST_GUILESS_MAIN(TestLeaseCoordinator)
#include "tst_leasecoordinator.moc"
