// DynamoCoordinatorStore against a dynalite of the test's own: the two companion tables created
// once with KCL 3.x's names and hash keys; the leader lock's writes conditional on its record
// version, with the lock client's attribute names; metric-stats rows; a missing table read as no
// lock and no rows; read-only refusals. Then the pieces over it: LeaderElector (one leader,
// takeover after expiry), LeaseMonitor reading the lock and rows as it reads a KCL 3.x
// application's, and a ConsumerGroup under leader assignment over a DynamoLeaseTable balancing
// its leases.

#include "backend/emulatorbackend.h"
#include "consumer/consumergroup.h"
#include "consumer/dynamocoordinatorstore.h"
#include "consumer/dynamoleasetable.h"
#include "consumer/leaderelector.h"
#include "consumer/leasemonitor.h"
#include "dynalitehelper.h"
#include "engine/engine.h"
#include "kinesis/clock.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace shardscope;
using namespace shardscope::testing;

namespace {
void settle(const QFuture<void> &future)
{
    QDeadlineTimer deadline(20000);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(1);
}
} // namespace

class TestDynamoCoordinatorStore : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QString why;
        QVERIFY2(m_dynalite.start(&why), qPrintable(why));
        m_client = m_dynalite.makeClient();
    }

    void cleanup()
    {
        m_client.reset();
        m_dynalite.stop();
    }

    void tablesLockAndRows()
    {
        DynamoCoordinatorStore store(m_client.get(), u"app"_s);
        // Nothing yet: no lock, no rows.
        QVERIFY(!awaitFuture(store.readLeaderLock()).value().has_value());
        QVERIFY(awaitFuture(store.listWorkerMetricStats()).value().isEmpty());
        QCOMPARE(awaitFuture(store.createTablesIfNotExist()).value(), true);
        QCOMPARE(awaitFuture(store.createTablesIfNotExist()).value(), false);
        const auto keyOf = [this](const QString &table) {
            const auto described = awaitFuture(m_client->describeTable(table));
            return QJsonDocument((*described)->value("KeySchema"_L1).toArray()).toJson(QJsonDocument::Compact);
        };
        QCOMPARE(keyOf(u"app-CoordinatorState"_s), QByteArray(R"([{"AttributeName":"key","KeyType":"HASH"}])"));
        QCOMPARE(keyOf(u"app-WorkerMetricStats"_s), QByteArray(R"([{"AttributeName":"wid","KeyType":"HASH"}])"));

        QCOMPARE(awaitFuture(store.writeLeaderLock(u"v0"_s, LeaderLock{u"a"_s, 1000, u"v1"_s})).value(), false);
        QCOMPARE(awaitFuture(store.writeLeaderLock({}, LeaderLock{u"a"_s, 1000, u"v1"_s})).value(), true);
        QCOMPARE(awaitFuture(store.writeLeaderLock({}, LeaderLock{u"b"_s, 1000, u"v2"_s})).value(), false);
        QCOMPARE(awaitFuture(store.writeLeaderLock(u"v1"_s, LeaderLock{u"b"_s, 120'000, u"v2"_s})).value(), true);
        const auto lock = awaitFuture(store.readLeaderLock()).value();
        QCOMPARE(lock->ownerName, u"b"_s);
        QCOMPARE(lock->leaseDurationMs, 120'000);
        QCOMPARE(lock->recordVersionNumber, u"v2"_s);
        // The item as the DynamoDB lock client keeps it.
        const auto item = awaitFuture(m_client->getItem(u"app-CoordinatorState"_s,
                                                        QJsonObject{{u"key"_s, QJsonObject{{u"S"_s, u"Leader"_s}}}}));
        QCOMPARE((*item)->value("ownerName"_L1).toObject().value("S"_L1).toString(), u"b"_s);
        QCOMPARE((*item)->value("leaseDuration"_L1).toObject().value("S"_L1).toString(), u"120000"_s);
        QCOMPARE(awaitFuture(store.deleteLeaderLock(u"v1"_s)).value(), false);
        QCOMPARE(awaitFuture(store.deleteLeaderLock(u"v2"_s)).value(), true);
        QVERIFY(!awaitFuture(store.readLeaderLock()).value().has_value());

        WorkerMetricStatsEntry entry;
        entry.workerId = u"w2"_s;
        entry.lastUpdateEpochSeconds = 1'700'000'000;
        entry.metricStats.insert(u"T"_s, {1.5, 2.5});
        QVERIFY(awaitFuture(store.putWorkerMetricStats(entry)).value());
        entry.workerId = u"w1"_s;
        QVERIFY(awaitFuture(store.putWorkerMetricStats(entry)).value());
        const auto rows = awaitFuture(store.listWorkerMetricStats()).value();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].workerId, u"w1"_s);
        QCOMPARE(rows[1].lastUpdateEpochSeconds, 1'700'000'000);
        QCOMPARE(rows[1].metricStats.value(u"T"_s), (QList<double>{1.5, 2.5}));

        DynamoCoordinatorStore readOnly(m_client.get(), u"app"_s, true);
        const auto refused = awaitFuture(readOnly.writeLeaderLock({}, LeaderLock{u"c"_s, 1, u"v3"_s}));
        QVERIFY(!refused);
        QCOMPARE(refused.error().type, ErrorType::AccessDenied);
        QVERIFY(!awaitFuture(store.readLeaderLock()).value().has_value()); // nothing was sent
    }

    void electionAndTheInspector()
    {
        DynamoLeaseTable table(m_client.get(), u"app"_s, false);
        QVERIFY(awaitFuture(table.createTableIfNotExists()).has_value());
        std::unique_ptr<CoordinatorStore> store(CoordinatorStore::forLeaseTable(&table));
        QVERIFY(qobject_cast<DynamoCoordinatorStore *>(store.get()));
        QVERIFY(awaitFuture(store->createTablesIfNotExist()).has_value());
        ManualClock clock(1'700'000'000'000);
        LeaderElector one(store.get(), u"worker-1"_s, {}, &clock);
        LeaderElector two(store.get(), u"worker-2"_s, {}, &clock);
        settle(one.runElection());
        settle(two.runElection());
        QVERIFY(one.isLeader());
        QVERIFY(!two.isLeader());
        QCOMPARE(two.leaderId(), u"worker-1"_s);
        // worker-1 dies; worker-2 takes over once the version is unchanged for 120 s.
        one.forget();
        clock.advanceMs(120'000);
        settle(two.runElection());
        QVERIFY(!two.isLeader());
        clock.advanceMs(1);
        settle(two.runElection());
        QVERIFY(two.isLeader());

        WorkerMetricStatsEntry entry;
        entry.workerId = u"worker-2"_s;
        entry.lastUpdateEpochSeconds = clock.nowMs() / 1000;
        QVERIFY(awaitFuture(store->putWorkerMetricStats(entry)).value());
        // The inspector reads them as a KCL 3.x application's companion tables.
        LeaseMonitor monitor(&table, &clock);
        QSignalSpy polled(&monitor, &LeaseMonitor::snapshotChanged);
        monitor.refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(polled.size(), 1, 20000);
        QVERIFY(monitor.snapshot().hasCoordinatorState);
        QCOMPARE(monitor.snapshot().leaderWorkerId, u"worker-2"_s);
        QCOMPARE(monitor.snapshot().workerMetricStats.size(), 1);
        QCOMPARE(monitor.snapshot().workerMetricStats.first().workerId, u"worker-2"_s);
    }

    void groupBalancesOverDynamoDb()
    {
        EngineOptions options;
        options.createDelayMs = 0;
        auto engine = Engine::open(options);
        QVERIFY(engine.has_value());
        EmulatorBackend emulator(**engine);
        QVERIFY(awaitFuture(emulator.createStream(CreateStreamRequest{u"s"_s, 6, {}, {}, {}})).has_value());
        QTRY_COMPARE(awaitFuture(emulator.describeStreamSummary(StreamTarget::byName(u"s"_s)))->streamStatus,
                     StreamStatus::Active);
        DynamoLeaseTable table(m_client.get(), u"app"_s, false);
        ConsumerGroupOptions o;
        o.applicationName = u"app"_s;
        o.streamName = u"s"_s;
        o.workers = 3;
        o.failoverTimeMs = 500; // the group's own timers: assignment every second
        o.assignment = ConsumerGroupOptions::AssignmentProtocol::Kcl3Leader;
        ConsumerGroup group(&emulator, &table, o);
        QSignalSpy started(&group, &ConsumerGroup::started);
        group.start();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!group.leaderWorkerId().isEmpty(), 10000);
        const auto balanced = [&group] {
            const QList<WorkerStatus> workers = group.workers();
            return std::all_of(workers.cbegin(), workers.cend(),
                               [](const WorkerStatus &w) { return w.leaseKeys.size() == 2; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(balanced(),
                                 10000);
        const auto leases = awaitFuture(table.listLeases());
        QCOMPARE(leases->size(), 6);
        for (const Lease &lease : *leases)
            QVERIFY2(lease.leaseOwner.startsWith(u"worker-"_s),
                     qPrintable(u"%1 owned by '%2', counter %3"_s.arg(lease.leaseKey, lease.leaseOwner).arg(lease.leaseCounter)));
        for (const WorkerStatus &status : group.workers())
            QVERIFY2(status.lastError.isEmpty(), qPrintable(status.lastError));
        group.stop();
    }

private:
    Dynalite m_dynalite;
    std::unique_ptr<DynamoDbClient> m_client;
};

QTEST_GUILESS_MAIN(TestDynamoCoordinatorStore)
#include "tst_dynamocoordinatorstore.moc"
