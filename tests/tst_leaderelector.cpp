// LeaderElector over SqliteCoordinatorStore, on a ManualClock: one leader at a time among
// several workers (each with its own handle on one file, as separate processes would have); the
// others take over only after the lock's record version has not changed for the lease duration
// by their own clock; a paused leader stops counting itself leader after the lease duration and
// finds the lock gone when it comes back; release() lets another take it at once. Also the
// store: the lock's conditional writes, worker metric stats rows, the tables KCL 3.x names, and
// WorkerMetricsReporter's rows and liveness rule.

#include "backend/futureutils.h"
#include "consumer/leaderelector.h"
#include "consumer/sqlitecoordinatorstore.h"
#include "consumer/workermetricsreporter.h"
#include "kinesis/clock.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

template<typename T>
T await(const QFuture<T> &future)
{
    QDeadlineTimer deadline(10000);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(1);
    return future.result();
}

void finish(const QFuture<void> &future)
{
    QDeadlineTimer deadline(10000);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(1);
}

} // namespace

class TestLeaderElector : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock{1'700'000'000'000};
    QList<std::shared_ptr<SqliteCoordinatorStore>> m_stores;
    QList<std::shared_ptr<LeaderElector>> m_electors;

    void makeElectors(int count)
    {
        for (int i = 0; i < count; ++i) {
            auto store = std::make_shared<SqliteCoordinatorStore>(m_dir->filePath(u"leases.db"_s), u"app"_s);
            QVERIFY(await(store->createTablesIfNotExist()).has_value());
            m_stores.append(store);
            m_electors.append(std::make_shared<LeaderElector>(store.get(), u"worker-%1"_s.arg(i + 1),
                                                              LeaderElectorOptions{}, &m_clock));
        }
    }

    void electAll(const QList<int> &skip = {})
    {
        for (int i = 0; i < m_electors.size(); ++i) {
            if (!skip.contains(i))
                finish(m_electors[i]->runElection());
        }
    }

    QStringList leaders() const
    {
        QStringList ids;
        for (const auto &elector : m_electors) {
            if (elector->isLeader())
                ids.append(elector->workerId());
        }
        return ids;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock.setMs(1'700'000'000'000);
    }

    void cleanup()
    {
        m_electors.clear();
        m_stores.clear();
        m_dir.reset();
    }

    void lockWritesAreConditional()
    {
        SqliteCoordinatorStore store(m_dir->filePath(u"leases.db"_s), u"app"_s);
        QCOMPARE(await(store.tablesExist()).value(), false);
        QCOMPARE(await(store.createTablesIfNotExist()).value(), true);
        QCOMPARE(await(store.createTablesIfNotExist()).value(), false);
        QCOMPARE(await(store.tablesExist()).value(), true);
        QVERIFY(!await(store.readLeaderLock()).value().has_value());
        QCOMPARE(await(store.writeLeaderLock(u"v0"_s, LeaderLock{u"a"_s, 1000, u"v1"_s})).value(), false);
        QCOMPARE(await(store.writeLeaderLock({}, LeaderLock{u"a"_s, 1000, u"v1"_s})).value(), true);
        QCOMPARE(await(store.writeLeaderLock({}, LeaderLock{u"b"_s, 1000, u"v2"_s})).value(), false);
        QCOMPARE(await(store.writeLeaderLock(u"v1"_s, LeaderLock{u"b"_s, 2000, u"v2"_s})).value(), true);
        const auto lock = await(store.readLeaderLock()).value();
        QVERIFY(lock.has_value());
        QCOMPARE(lock->ownerName, u"b"_s);
        QCOMPARE(lock->leaseDurationMs, 2000);
        QCOMPARE(lock->recordVersionNumber, u"v2"_s);
        QCOMPARE(await(store.deleteLeaderLock(u"v1"_s)).value(), false);
        QCOMPARE(await(store.deleteLeaderLock(u"v2"_s)).value(), true);
        QVERIFY(!await(store.readLeaderLock()).value().has_value());

        // Metric stats rows, in wid order, replaced per worker.
        WorkerMetricStatsEntry entry;
        entry.workerId = u"w2"_s;
        entry.lastUpdateEpochSeconds = 1234;
        entry.metricStats.insert(u"T"_s, {1.5, 2.5});
        QVERIFY(await(store.putWorkerMetricStats(entry)).value());
        entry.workerId = u"w1"_s;
        QVERIFY(await(store.putWorkerMetricStats(entry)).value());
        entry.lastUpdateEpochSeconds = 1300;
        QVERIFY(await(store.putWorkerMetricStats(entry)).value());
        const auto rows = await(store.listWorkerMetricStats()).value();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].workerId, u"w1"_s);
        QCOMPARE(rows[0].lastUpdateEpochSeconds, 1300);
        QCOMPARE(rows[1].metricStats.value(u"T"_s), (QList<double>{1.5, 2.5}));

        // The tables are named as KCL 3.x names them, beside the lease table.
        QCOMPARE(SqliteCoordinatorStore::coordinatorStateTableName(u"app"_s), u"app-CoordinatorState"_s);
        QCOMPARE(SqliteCoordinatorStore::workerMetricStatsTableName(u"app"_s), u"app-WorkerMetricStats"_s);
        SqliteCoordinatorStore readOnly(m_dir->filePath(u"leases.db"_s), u"app"_s, true);
        QCOMPARE(await(readOnly.listWorkerMetricStats()).value().size(), 2);
        const auto refused = await(readOnly.putWorkerMetricStats(entry));
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().type, ErrorType::AccessDenied);
    }

    void oneLeaderAtATime()
    {
        makeElectors(3);
        electAll();
        QCOMPARE(leaders(), QStringList{u"worker-1"_s});
        for (const auto &elector : std::as_const(m_electors))
            QCOMPARE(elector->leaderId(), u"worker-1"_s);
        // Heartbeats and reads go on for a long time: still one leader, the same one.
        for (int round = 0; round < 20; ++round) {
            m_clock.advanceMs(30'000);
            electAll();
            QCOMPARE(leaders(), QStringList{u"worker-1"_s});
        }
        QCOMPARE(m_electors[1]->leadershipsTaken(), 0);
    }

    void takeoverAfterTheLockExpires()
    {
        makeElectors(3);
        electAll();
        QCOMPARE(leaders(), QStringList{u"worker-1"_s});
        // worker-1 stops heartbeating (killed). The others see the same version until the lease
        // duration (120 s) has passed by their own clocks, then one takes over.
        m_electors[0]->forget();
        QSignalSpy changed(m_electors[1].get(), &LeaderElector::leadershipChanged);
        for (int t = 30'000; t <= 120'000; t += 30'000) {
            m_clock.advanceMs(30'000);
            electAll({0});
            QVERIFY2(leaders().isEmpty(), qPrintable(u"at %1 ms"_s.arg(t)));
        }
        m_clock.advanceMs(30'000);
        electAll({0});
        QCOMPARE(leaders(), QStringList{u"worker-2"_s});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_electors[2]->leaderId(), u"worker-2"_s);
        const auto lock = await(m_stores[0]->readLeaderLock()).value();
        QCOMPARE(lock->ownerName, u"worker-2"_s);
    }

    void pausedLeaderLosesTheLock()
    {
        makeElectors(2);
        electAll();
        QCOMPARE(leaders(), QStringList{u"worker-1"_s});
        m_electors[0]->stop(); // paused: no heartbeats, state kept
        for (int i = 0; i < 4; ++i) {
            m_clock.advanceMs(30'000);
            electAll({0});
        }
        QVERIFY(m_electors[0]->isLeader()); // exactly the lease duration: still its own
        // Longer than 120 s without a heartbeat: it no longer counts itself leader, though nobody
        // took over yet.
        m_clock.advanceMs(1);
        QVERIFY(!m_electors[0]->isLeader());
        QVERIFY(leaders().isEmpty());
        m_clock.advanceMs(30'000);
        electAll({0});
        QCOMPARE(leaders(), QStringList{u"worker-2"_s});
        // Resumed: its heartbeat's condition fails; it is not leader and knows who is.
        finish(m_electors[0]->runElection());
        QVERIFY(!m_electors[0]->isLeader());
        finish(m_electors[0]->runElection());
        QCOMPARE(m_electors[0]->leaderId(), u"worker-2"_s);
        QCOMPARE(leaders(), QStringList{u"worker-2"_s});
    }

    void sameWorkerIdTakesItsLockBack()
    {
        makeElectors(2);
        electAll();
        QCOMPARE(leaders(), QStringList{u"worker-1"_s});
        // The group stops (nothing written) and runs again: worker-1's new life finds the lock
        // under its id and takes it back at once; worker-2 still waits.
        for (const auto &elector : std::as_const(m_electors))
            elector->forget();
        m_clock.advanceMs(1'000);
        electAll({0});
        QVERIFY(leaders().isEmpty());
        electAll();
        QCOMPARE(leaders(), QStringList{u"worker-1"_s});
    }

    void releaseHandsOverAtOnce()
    {
        makeElectors(2);
        electAll();
        m_electors[0]->release();
        QTRY_VERIFY(!await(m_stores[1]->readLeaderLock()).value().has_value());
        electAll({0});
        QCOMPARE(leaders(), QStringList{u"worker-2"_s});
    }

    void metricsReporterRowsAndLiveness()
    {
        SqliteCoordinatorStore store(m_dir->filePath(u"leases.db"_s), u"app"_s);
        QVERIFY(await(store.createTablesIfNotExist()).has_value());
        double rate = 4.0;
        WorkerMetricsReporter reporter(&store, u"worker-1"_s, [&] { return rate; }, 30'000, &m_clock);
        finish(reporter.report());
        rate = 6.0;
        m_clock.advanceMs(30'000);
        finish(reporter.report());
        QCOMPARE(reporter.reports(), 2);
        const auto rows = await(store.listWorkerMetricStats()).value();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].workerId, u"worker-1"_s);
        QCOMPARE(rows[0].lastUpdateEpochSeconds, m_clock.nowMs() / 1000);
        QCOMPARE(rows[0].metricStats.value(u"T"_s), (QList<double>{4.0, 6.0}));
        const qint64 lut = rows[0].lastUpdateEpochSeconds;
        QVERIFY(WorkerMetricsReporter::isAlive(lut, lut * 1000 + 60'000, 30'000));
        QVERIFY(!WorkerMetricsReporter::isAlive(lut, lut * 1000 + 60'001, 30'000));
    }
};

QTEST_GUILESS_MAIN(TestLeaderElector)
#include "tst_leaderelector.moc"
