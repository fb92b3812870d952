// LeaseMonitor on a scripted lease table and a ManualClock: expiry inferred as KCL does.

#include "consumer/leasemonitor.h"
#include "consumer/sqlitecoordinatorstore.h"
#include "consumer/sqliteleasetable.h"
#include "kinesis/clock.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

Lease make(const QString &key, const QString &owner, qint64 counter, const QString &checkpoint = {})
{
    Lease lease;
    lease.leaseKey = key;
    lease.leaseOwner = owner;
    lease.leaseCounter = counter;
    lease.checkpoint = checkpoint;
    return lease;
}

// A lease table whose content the test sets; only listLeases is used by the monitor.
class ScriptedLeaseTable final : public LeaseTable
{
public:
    QList<Lease> leases;
    std::optional<Error> failure;
    int listCalls = 0;

    QString tableName() const override { return u"scripted"_s; }
    QString location() const override { return u"memory"_s; }
    bool isReadOnly() const override { return true; }
    BackendFuture<bool> createTableIfNotExists() override { return refused<bool>(); }
    BackendFuture<bool> tableExists() override { return ready<bool>(true); }
    BackendFuture<QList<Lease>> listLeases() override
    {
        ++listCalls;
        if (failure)
            return ready<QList<Lease>>(std::unexpected(*failure));
        return ready<QList<Lease>>(leases);
    }
    BackendFuture<std::optional<Lease>> getLease(const QString &) override
    {
        return refused<std::optional<Lease>>();
    }
    BackendFuture<bool> createLeaseIfNotExists(const Lease &) override { return refused<bool>(); }
    BackendFuture<std::optional<Lease>> renewLease(const Lease &) override
    {
        return refused<std::optional<Lease>>();
    }
    BackendFuture<std::optional<Lease>> takeLease(const Lease &, const QString &) override
    {
        return refused<std::optional<Lease>>();
    }
    BackendFuture<std::optional<Lease>> evictLease(const Lease &) override
    {
        return refused<std::optional<Lease>>();
    }
    BackendFuture<std::optional<Lease>> updateLease(const Lease &) override
    {
        return refused<std::optional<Lease>>();
    }
    BackendFuture<bool> deleteLease(const Lease &) override { return refused<bool>(); }

    Lease &lease(const QString &key)
    {
        for (Lease &lease : leases) {
            if (lease.leaseKey == key)
                return lease;
        }
        leases.append(Lease{});
        leases.last().leaseKey = key;
        return leases.last();
    }

private:
    template<typename T>
    static BackendFuture<T> ready(BackendResult<T> result)
    {
        QPromise<BackendResult<T>> promise;
        promise.start();
        promise.addResult(std::move(result));
        promise.finish();
        return promise.future();
    }
    template<typename T>
    static BackendFuture<T> refused()
    {
        return ready<T>(std::unexpected(Error{ErrorType::AccessDenied, u"read-only"_s}));
    }
};

} // namespace

class TestLeaseMonitor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void expiresOnlyAfterFailoverWithoutCounterChange();
    void renewingLeaseStaysAlive();
    void checkpointChangeIsTracked();
    void pollErrorKeepsLeases();
    void failoverTimeIsEditable();
    void leasesComeAndGo();
    void refreshDuringPollPollsAgain();
    void pollsOnItsOwn();
    void localTableCompanions();

private:
    // One poll at the clock's current time.
    LeaseTableSnapshot poll();
    const LeaseState &state(const LeaseTableSnapshot &snapshot, const QString &key);

    std::unique_ptr<ScriptedLeaseTable> m_table;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LeaseMonitor> m_monitor;
};

void TestLeaseMonitor::init()
{
    m_table = std::make_unique<ScriptedLeaseTable>();
    m_clock = std::make_unique<ManualClock>(1'000'000);
    m_monitor = std::make_unique<LeaseMonitor>(m_table.get(), m_clock.get());
    QCOMPARE(m_monitor->failoverTimeMs(), 10'000);
    QCOMPARE(m_monitor->pollIntervalMs(), 2'000);
}

void TestLeaseMonitor::cleanup()
{
    m_monitor.reset();
    m_clock.reset();
    m_table.reset();
}

LeaseTableSnapshot TestLeaseMonitor::poll()
{
    const int before = m_monitor->pollCount();
    QSignalSpy spy(m_monitor.get(), &LeaseMonitor::snapshotChanged);
    m_monitor->refreshNow();
    if (!QTest::qWaitFor([&] { return m_monitor->pollCount() > before; }, 5000))
        qFatal("the monitor did not finish its poll");
    if (spy.count() != 1)
        qFatal("one poll, one snapshotChanged");
    return spy.at(0).at(0).value<LeaseTableSnapshot>();
}

const LeaseState &TestLeaseMonitor::state(const LeaseTableSnapshot &snapshot, const QString &key)
{
    for (const LeaseState &state : snapshot.leases) {
        if (state.lease.leaseKey == key)
            return state;
    }
    qFatal("no such lease in the snapshot");
}

void TestLeaseMonitor::expiresOnlyAfterFailoverWithoutCounterChange()
{
    m_table->lease(u"shardId-0"_s) = make(u"shardId-0"_s, u"w1"_s, 5);
    const qint64 start = m_clock->nowMs();
    LeaseTableSnapshot snapshot = poll();
    QCOMPARE(snapshot.tableName, u"scripted"_s);
    QCOMPARE(snapshot.takenAtMs, start);
    QCOMPARE(snapshot.failoverTimeMs, 10'000);
    QVERIFY(!snapshot.error);
    QCOMPARE(snapshot.leases.size(), 1);
    QCOMPARE(state(snapshot, u"shardId-0"_s).firstSeenMs, start);
    QCOMPARE(state(snapshot, u"shardId-0"_s).counterChangedMs, start);
    QVERIFY(!state(snapshot, u"shardId-0"_s).expired); // one look tells nothing

    m_clock->advanceMs(9'000);
    QVERIFY(!state(poll(), u"shardId-0"_s).expired);
    m_clock->advanceMs(1'000); // exactly the failover time: not longer
    QVERIFY(!state(poll(), u"shardId-0"_s).expired);
    m_clock->advanceMs(1);
    snapshot = poll();
    QVERIFY(state(snapshot, u"shardId-0"_s).expired);
    QCOMPARE(state(snapshot, u"shardId-0"_s).counterChangedMs, start);

    // A late renewal revives it.
    m_table->lease(u"shardId-0"_s).leaseCounter = 6;
    m_clock->advanceMs(500);
    snapshot = poll();
    QVERIFY(!state(snapshot, u"shardId-0"_s).expired);
    QCOMPARE(state(snapshot, u"shardId-0"_s).counterChangedMs, m_clock->nowMs());
}

void TestLeaseMonitor::renewingLeaseStaysAlive()
{
    m_table->lease(u"alive"_s) = make(u"alive"_s, u"w1"_s, 1);
    m_table->lease(u"stuck"_s) = make(u"stuck"_s, u"w2"_s, 1);
    poll();
    LeaseTableSnapshot snapshot;
    for (int i = 0; i < 10; ++i) {
        m_clock->advanceMs(3'308); // KCL's renewal period at a 10 s failover
        ++m_table->lease(u"alive"_s).leaseCounter;
        snapshot = poll();
        QVERIFY(!state(snapshot, u"alive"_s).expired);
        QCOMPARE(state(snapshot, u"alive"_s).counterChangedMs, m_clock->nowMs());
    }
    QVERIFY(state(snapshot, u"stuck"_s).expired);
    QCOMPARE(state(snapshot, u"alive"_s).lease.leaseCounter, 11);
}

void TestLeaseMonitor::checkpointChangeIsTracked()
{
    m_table->lease(u"s"_s) = make(u"s"_s, u"w1"_s, 1, u"TRIM_HORIZON"_s);
    const qint64 start = m_clock->nowMs();
    poll();
    m_clock->advanceMs(2'000);
    ++m_table->lease(u"s"_s).leaseCounter; // renewal only
    QCOMPARE(state(poll(), u"s"_s).checkpointChangedMs, start);
    m_clock->advanceMs(2'000);
    m_table->lease(u"s"_s).checkpoint = u"4959"_s;
    QCOMPARE(state(poll(), u"s"_s).checkpointChangedMs, start + 4'000);
    m_clock->advanceMs(2'000);
    m_table->lease(u"s"_s).checkpointSubSequenceNumber = 3; // within an aggregated record
    const LeaseState s = state(poll(), u"s"_s);
    QCOMPARE(s.checkpointChangedMs, start + 6'000);
    QCOMPARE(s.counterChangedMs, start + 2'000);
    QCOMPARE(s.firstSeenMs, start);
}

void TestLeaseMonitor::pollErrorKeepsLeases()
{
    m_table->lease(u"s"_s) = make(u"s"_s, u"w1"_s, 1);
    const qint64 start = m_clock->nowMs();
    poll();
    m_table->failure = Error{ErrorType::ResourceNotFound, u"The table scripted does not exist."_s};
    m_clock->advanceMs(20'000);
    LeaseTableSnapshot snapshot = poll();
    QVERIFY(snapshot.error.has_value());
    QCOMPARE(snapshot.error->type, ErrorType::ResourceNotFound);
    QCOMPARE(snapshot.leases.size(), 1);
    QCOMPARE(snapshot.leases.at(0).lease.leaseCounter, 1);
    QCOMPARE(snapshot.takenAtMs, start); // the leases are those of the last good poll
    QVERIFY(!snapshot.leases.at(0).expired); // nothing was seen meanwhile

    m_table->failure.reset();
    snapshot = poll();
    QVERIFY(!snapshot.error.has_value());
    QVERIFY(snapshot.leases.at(0).expired); // unchanged for 20 s across the failed poll
    QCOMPARE(m_monitor->snapshot().takenAtMs, m_clock->nowMs());
}

void TestLeaseMonitor::failoverTimeIsEditable()
{
    m_monitor->setFailoverTimeMs(3'000);
    m_table->lease(u"s"_s) = make(u"s"_s, u"w1"_s, 1);
    poll();
    m_clock->advanceMs(3'001);
    LeaseTableSnapshot snapshot = poll();
    QCOMPARE(snapshot.failoverTimeMs, 3'000);
    QVERIFY(snapshot.leases.at(0).expired);
    m_monitor->setFailoverTimeMs(60'000);
    QVERIFY(!poll().leases.at(0).expired);
}

void TestLeaseMonitor::leasesComeAndGo()
{
    m_table->lease(u"a"_s).leaseCounter = 1;
    poll();
    m_clock->advanceMs(5'000);
    m_table->leases.clear();
    m_table->lease(u"b"_s).leaseCounter = 1;
    const LeaseTableSnapshot snapshot = poll();
    QCOMPARE(snapshot.leases.size(), 1);
    QCOMPARE(snapshot.leases.at(0).lease.leaseKey, u"b"_s);
    QCOMPARE(snapshot.leases.at(0).firstSeenMs, m_clock->nowMs());
    QVERIFY(!snapshot.hasWorkerMetricStats); // not a DynamoDB table: no companions
    QVERIFY(!snapshot.hasCoordinatorState);
}

void TestLeaseMonitor::refreshDuringPollPollsAgain()
{
    m_monitor->refreshNow();
    m_monitor->refreshNow(); // the first is still in flight: one more after it
    m_monitor->refreshNow(); // ... not two more
    QTRY_COMPARE(m_monitor->pollCount(), 2);
    QTest::qWait(50);
    QCOMPARE(m_monitor->pollCount(), 2);
    QCOMPARE(m_table->listCalls, 2);
}

void TestLeaseMonitor::pollsOnItsOwn()
{
    m_monitor->setPollIntervalMs(20);
    m_monitor->start();
    QVERIFY(m_monitor->isRunning());
    QTRY_VERIFY(m_monitor->pollCount() >= 4);
    m_monitor->stop();
    QVERIFY(!m_monitor->isRunning());
    QTest::qWait(30);
    const int stopped = m_monitor->pollCount();
    QTest::qWait(100);
    QCOMPARE(m_monitor->pollCount(), stopped);
}

// A table in the local store: the companion tables the app's group writes under KCL 3.x's
// leader assignment are read from the same file; without them, none is shown.
void TestLeaseMonitor::localTableCompanions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("leases.db"));
    SqliteLeaseTable table(path, QStringLiteral("app"));
    const auto wait = [](const auto &future) {
        QDeadlineTimer deadline(10'000);
        while (!future.isFinished() && !deadline.hasExpired())
            QTest::qWait(1);
        return future.result();
    };
    QVERIFY(wait(table.createTableIfNotExists()).has_value());
    LeaseMonitor monitor(&table, m_clock.get());
    QSignalSpy spy(&monitor, &LeaseMonitor::snapshotChanged);
    monitor.refreshNow();
    QTRY_COMPARE(spy.count(), 1);
    QVERIFY(!monitor.snapshot().hasCoordinatorState);
    QVERIFY(!monitor.snapshot().hasWorkerMetricStats);

    SqliteCoordinatorStore store(path, QStringLiteral("app"));
    QVERIFY(wait(store.createTablesIfNotExist()).has_value());
    QVERIFY(wait(store.writeLeaderLock({}, LeaderLock{QStringLiteral("worker-2"), 120'000, QStringLiteral("v1")})).value());
    WorkerMetricStatsEntry entry;
    entry.workerId = QStringLiteral("worker-2");
    entry.lastUpdateEpochSeconds = 1'000;
    entry.metricStats.insert(QStringLiteral("T"), {12.5});
    QVERIFY(wait(store.putWorkerMetricStats(entry)).value());
    monitor.refreshNow();
    QTRY_COMPARE(spy.count(), 2);
    const LeaseTableSnapshot snapshot = monitor.snapshot();
    QVERIFY(!snapshot.error);
    QVERIFY(snapshot.hasCoordinatorState);
    QCOMPARE(snapshot.leaderWorkerId, QStringLiteral("worker-2"));
    QVERIFY(snapshot.hasWorkerMetricStats);
    QCOMPARE(snapshot.workerMetricStats.size(), 1);
    QCOMPARE(snapshot.workerMetricStats.first().lastUpdateEpochSeconds, 1'000);
    QCOMPARE(snapshot.workerMetricStats.first().metricStats.value(QStringLiteral("T")), QList<double>{12.5});
}

QTEST_GUILESS_MAIN(TestLeaseMonitor)
#include "tst_leasemonitor.moc"
