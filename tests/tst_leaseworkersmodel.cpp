#include "leasetimeline.h"
#include "models/leaseworkersmodel.h"
#include "models/modelroles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shardscope;
using shardscope::test::LeaseTimeline;

namespace {
const QString S0 = QStringLiteral("shardId-000000000000");
const QString S1 = QStringLiteral("shardId-000000000001");
const QString S2 = QStringLiteral("shardId-000000000002");
const QString A = QStringLiteral("worker-a");
const QString B = QStringLiteral("worker-b");
const QString C = QStringLiteral("worker-c");
} // namespace

class TestLeaseWorkersModel final : public QObject
{
    Q_OBJECT

private slots:
    void ownersFromTheTable()
    {
        LeaseWorkersModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LeaseTimeline t;
        for (const QString &id : {S0, S1, S2})
            t.addShard(id);
        t.healthy({A, B});
        t.step();
        model.setSnapshot(t.history.last());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.workerIdAt(0), A);
        QCOMPARE(model.data(model.index(0, LeaseWorkersModel::LeasesColumn), ModelRole::LeaseCountRole).toInt(), 2);
        QCOMPARE(model.data(model.index(1, LeaseWorkersModel::LeasesColumn), ModelRole::LeaseCountRole).toInt(), 1);
        QCOMPARE(model.data(model.index(0, LeaseWorkersModel::StateColumn)).toString(), QStringLiteral("renewing"));
        QCOMPARE(model.data(model.index(0, LeaseWorkersModel::RenewalColumn)).toString(), QStringLiteral("just now"));
        QVERIFY(model.data(model.index(0, LeaseWorkersModel::RateColumn), ModelRole::RecordsPerSecondRole).isNull());
        QVERIFY(!model.statusAt(0));

        // B stops renewing: after the failover time it reads so; its row stays.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        t.aliveWorkers.remove(B);
        t.run(15'000);
        model.setSnapshot(t.history.last());
        QCOMPARE(model.data(model.index(1, LeaseWorkersModel::StateColumn), ModelRole::WorkerStateRole).toInt(),
                 int(WorkerRowState::NotRenewing));
        QCOMPARE(model.data(model.index(1, LeaseWorkersModel::RenewalColumn)).toString(), QStringLiteral("15 s ago"));
        QCOMPARE(removed.size(), 0);

        // A takes B's lease: B has no row any more.
        t.take(S1, A);
        t.step();
        model.setSnapshot(t.history.last());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.data(model.index(0, LeaseWorkersModel::LeasesColumn)).toString(), QStringLiteral("3"));
    }

    void leaderMarked()
    {
        LeaseWorkersModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LeaseTimeline t;
        for (const QString &id : {S0, S1})
            t.addShard(id);
        t.healthy({A, B});
        t.step();
        LeaseTableSnapshot snapshot = t.history.last();
        snapshot.hasCoordinatorState = true;
        snapshot.leaderWorkerId = B;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSnapshot(snapshot);
        // A watched KCL 3.x table: the CoordinatorState's lock owner.
        QCOMPARE(model.data(model.index(0, LeaseWorkersModel::WorkerColumn)).toString(), A);
        QCOMPARE(model.data(model.index(1, LeaseWorkersModel::WorkerColumn)).toString(), B + u" (leader)"_s);
        QCOMPARE(model.data(model.index(1, LeaseWorkersModel::WorkerColumn), ModelRole::WorkerIdRole).toString(), B);
        // The app's own workers: each one's own view wins over the (possibly stale) lock item.
        WorkerStatus a;
        a.workerId = A;
        a.leader = true;
        WorkerStatus b;
        b.workerId = B;
        changed.clear();
        model.setWorkers(QList<WorkerStatus>{a, b});
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.data(model.index(0, LeaseWorkersModel::WorkerColumn)).toString(), A + u" (leader)"_s);
        QCOMPARE(model.data(model.index(1, LeaseWorkersModel::WorkerColumn)).toString(), B);
    }

    void enrichedWithOwnWorkers()
    {
        LeaseWorkersModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LeaseTimeline t;
        for (const QString &id : {S0, S1})
            t.addShard(id);
        t.healthy({A, B});
        t.step();
        model.setSnapshot(t.history.last());

        WorkerStatus a;
        a.workerId = A;
        a.leaseKeys = {S0};
        a.recordsPerSecond = 42.5;
        a.lastRenewalMs = t.nowMs - 1000;
        a.processingDelayMs = 250;
        WorkerStatus b;
        b.workerId = B;
        b.state = WorkerStatus::State::Paused;
        b.leaseKeys = {S1};
        b.poisonFilter = QStringLiteral("data contains \"boom\"");
        WorkerStatus c;
        c.workerId = C; // started, holds nothing yet
        c.lastRenewalMs = t.nowMs;
        model.setWorkers(QList<WorkerStatus>{a, b, c});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(0, LeaseWorkersModel::RateColumn)).toString(), QStringLiteral("42.5"));
        QCOMPARE(model.data(model.index(0, LeaseWorkersModel::RenewalColumn)).toString(), QStringLiteral("1 s ago"));
        QVERIFY(model.data(model.index(0, LeaseWorkersModel::FaultsColumn)).toString().contains(QStringLiteral("250 ms")));
        QCOMPARE(model.data(model.index(1, LeaseWorkersModel::StateColumn)).toString(), QStringLiteral("paused"));
        QVERIFY(model.data(model.index(1, LeaseWorkersModel::FaultsColumn)).toString().contains(QStringLiteral("boom")));
        QCOMPARE(model.data(model.index(2, LeaseWorkersModel::LeasesColumn), ModelRole::LeaseCountRole).toInt(), 0);
        QVERIFY(model.statusAt(2));

        // A killed worker says so; an own worker whose renewals stopped reads "not renewing".
        b.state = WorkerStatus::State::Killed;
        a.lastRenewalMs = t.nowMs - 30'000;
        model.setWorkers(QList<WorkerStatus>{a, b, c});
        QCOMPARE(model.data(model.index(1, LeaseWorkersModel::StateColumn), ModelRole::WorkerStateRole).toInt(),
                 int(WorkerRowState::Killed));
        QCOMPARE(model.data(model.index(0, LeaseWorkersModel::StateColumn), ModelRole::WorkerStateRole).toInt(),
                 int(WorkerRowState::NotRenewing));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLeaseWorkersModel)
#include "tst_leaseworkersmodel.moc"
