#include "leasetimeline.h"
#include "models/leasesmodel.h"
#include "models/modelroles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace shardscope;
using shardscope::test::LeaseTimeline;

namespace {
const QString S0 = QStringLiteral("shardId-000000000000");
const QString S1 = QStringLiteral("shardId-000000000001");
const QString S2 = QStringLiteral("shardId-000000000002");
const QString S3 = QStringLiteral("shardId-000000000003");
const QString A = QStringLiteral("worker-a");
const QString B = QStringLiteral("worker-b");
} // namespace

class TestLeasesModel final : public QObject
{
    Q_OBJECT

private slots:
    void rowsJoinLeasesShardsAndTips()
    {
        LeasesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LeaseTimeline t;
        t.addShard(S0);
        t.addShard(S1, S0);
        t.addShard(S2, S0);
        t.addShard(S3); // open, no lease
        t.addLease(S0, A, CheckpointSentinel::TrimHorizon);
        t.close(S0);
        t.addLease(S1, B, CheckpointSentinel::TrimHorizon, S0);
        t.step();
        model.setAll(t.history.last(), t.shards, t.tips);

        QCOMPARE(model.rowCount(), 4); // S2 is open and has no lease: a row anyway
        const auto cell = [&](const QString &shard, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(model.rowOfShard(shard), column), role);
        };
        QCOMPARE(cell(S0, LeasesModel::OwnerColumn).toString(), A);
        QCOMPARE(cell(S0, LeasesModel::StateColumn, ModelRole::LeaseStateRole).toInt(), int(LeaseRowState::Held));
        QCOMPARE(cell(S0, LeasesModel::CounterColumn, ModelRole::LeaseCounterRole).toLongLong(), 2);
        QVERIFY(cell(S0, LeasesModel::GatingColumn).toString().contains(S1));
        QCOMPARE(cell(S1, LeasesModel::GatingColumn, ModelRole::WaitsForRole).toStringList(), QStringList{S0});
        QCOMPARE(cell(S1, LeasesModel::GatingColumn).toString(), QStringLiteral("waits for %1").arg(S0));
        QCOMPARE(cell(S2, LeasesModel::StateColumn, ModelRole::LeaseStateRole).toInt(), int(LeaseRowState::NoLease));
        QCOMPARE(cell(S3, LeasesModel::StateColumn).toString(), QStringLiteral("no lease"));
        // S0's checkpoint followed nothing (not progressing): records wait after TRIM_HORIZON.
        QCOMPARE(cell(S0, LeasesModel::BehindColumn, ModelRole::RecordsBehindRole).toLongLong(), 10);
        QVERIFY(cell(S3, LeasesModel::BehindColumn, ModelRole::RecordsBehindRole).isNull() == false);
        QCOMPARE(cell(S1, LeasesModel::BehindColumn, ModelRole::RecordsBehindRole).toLongLong(), 10);
        QVERIFY(cell(S1, LeasesModel::BehindColumn).toString().contains(QStringLiteral("10 records")));
        QCOMPARE(cell(S1, LeasesModel::CheckpointColumn).toString(), CheckpointSentinel::TrimHorizon);

        // A sequence-number checkpoint is abbreviated; its tooltip has it whole.
        t.checkpoint(S1, t.sequenceAt(S1, t.nowMs));
        t.step();
        model.setAll(t.history.last(), t.shards, t.tips);
        QVERIFY(cell(S1, LeasesModel::CheckpointColumn).toString().startsWith(u'…'));
        QCOMPARE(cell(S1, LeasesModel::CheckpointColumn, Qt::ToolTipRole).toString(), t.sequenceAt(S1, t.nowMs - 5000));
    }

    void statesSwitchesAndUpdatesInPlace()
    {
        LeasesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LeaseTimeline t;
        for (const QString &id : {S0, S1, S2})
            t.addShard(id);
        t.healthy({A, B});
        t.step();
        model.setAll(t.history.last(), t.shards, t.tips);
        QCOMPARE(model.rowCount(), 3);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        t.aliveWorkers.remove(B); // B's lease (S1) expires
        t.run(15'000);
        model.setAll(t.history.last(), t.shards, t.tips);
        const int s1 = model.rowOfShard(S1);
        QCOMPARE(model.data(model.index(s1, LeasesModel::StateColumn), ModelRole::LeaseStateRole).toInt(),
                 int(LeaseRowState::Expired));
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QVERIFY(changed.size() > 0);

        t.take(S1, A);
        t.step();
        model.setSnapshot(t.history.last());
        QCOMPARE(model.data(model.index(s1, LeasesModel::OwnerColumn)).toString(), A);
        QCOMPARE(model.data(model.index(s1, LeasesModel::SwitchesColumn), ModelRole::OwnerSwitchesRole).toLongLong(), 0);
        // The taker has not checkpointed yet when it takes; its first renewal round did.
        t.table[S1].ownerSwitchesSinceCheckpoint = 2;
        t.progressing.remove(S1);
        t.step();
        model.setSnapshot(t.history.last());
        QCOMPARE(model.data(model.index(s1, LeasesModel::SwitchesColumn)).toString(), QStringLiteral("2"));

        // Unassigned and ended.
        t.table[S0].leaseOwner.clear();
        t.checkpoint(S2, CheckpointSentinel::ShardEnd);
        t.step();
        model.setSnapshot(t.history.last());
        QCOMPARE(model.data(model.index(model.rowOfShard(S0), LeasesModel::StateColumn)).toString(),
                 QStringLiteral("unassigned"));
        QCOMPARE(model.data(model.index(model.rowOfShard(S2), LeasesModel::StateColumn)).toString(),
                 QStringLiteral("ended"));

        // Shards not listed: rows from leases only; clearing empties.
        model.setShards(std::nullopt);
        QCOMPARE(model.rowCount(), 3);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void closedShardsWithoutLeaseHaveNoRow()
    {
        LeasesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LeaseTimeline t;
        t.addShard(S0, {}, true);
        t.addShard(S1, S0);
        t.addLease(S1, A);
        t.step();
        model.setAll(t.history.last(), t.shards, t.tips);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.shardIdAt(0), S1);
        QVERIFY(model.data(model.index(0, LeasesModel::GatingColumn), ModelRole::WaitsForRole).toStringList().isEmpty());
    }

    void sortRoleSortsNaturally()
    {
        LeasesModel model;
        LeaseTimeline t;
        for (const QString &id : {S0, S1})
            t.addShard(id);
        t.healthy({A});
        t.step();
        t.step();
        model.setAll(t.history.last(), t.shards, t.tips);
        QCOMPARE(model.data(model.index(0, LeasesModel::CounterColumn), ModelRole::SortRole).toLongLong(), 3);
        QCOMPARE(model.headerData(LeasesModel::BehindColumn, Qt::Horizontal).toString(), QStringLiteral("Behind"));
    }
};

QTEST_GUILESS_MAIN(TestLeasesModel)
#include "tst_leasesmodel.moc"
