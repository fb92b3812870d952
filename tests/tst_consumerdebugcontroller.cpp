// End to end with the emulator: the controller runs the app's own consumer group (2 workers, a
// 4-shard stream, lease table in the local store) and feeds the dashboard; killing a worker shows
// the failover (every lease moves to the survivor after the failover time, the swim lanes say
// so); a poison record stops a shard's checkpoint and, once the watcher's clock has seen two
// minutes pass, the dashboard diagnoses the stuck shard.

#include "backendtesthelpers.h"
#include "charts/swimlanechart.h"
#include "consumer/consumergroup.h"
#include "consumer/leasemonitor.h"
#include "consumers/consumerdashboard.h"
#include "consumers/consumerdebugcontroller.h"
#include "kinesis/clock.h"
#include "models/leasesmodel.h"
#include "models/leaseworkersmodel.h"
#include "models/modelroles.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

// The system's time plus an offset the test moves: the watcher sees minutes pass while the
// group's lease protocol runs on the real clock.
class ShiftedClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch() + offset.load(); }
    std::atomic<qint64> offset{0};
};

QStringList owners(const LeasesModel *model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->data(model->index(row, LeasesModel::OwnerColumn)).toString());
    return out;
}

} // namespace

class TestConsumerDebugController final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_engine = openEngine(*m_dir);
        QVERIFY(m_engine);
        m_backend = std::make_unique<EmulatorBackend>(*m_engine);
        CreateStreamRequest create;
        create.streamName = u"orders"_s;
        create.shardCount = 4;
        QVERIFY(m_engine->createStream(create).has_value());
    }

    void cleanup()
    {
        m_backend.reset();
        m_engine.reset();
        m_dir.reset();
    }

    void localStoresAreNamedAfterTheirDatabase()
    {
        // On disk: beside the database, named after it.
        ConsumerDashboard onDiskDashboard;
        ConsumerDebugController onDisk(&onDiskDashboard);
        onDisk.setStream(m_backend.get(), u"orders"_s);
        QCOMPARE(onDisk.localStorePath(), m_dir->filePath(u"streams.db-consumer-leases.db"_s));

        // Two in-memory runs never share a lease store, and each one's goes when it ends.
        EngineOptions options;
        options.createDelayMs = 0;
        auto first = Engine::open(options);
        auto second = Engine::open(options);
        QVERIFY(first && second);
        QVERIFY((*first)->isInMemory());
        CreateStreamRequest create;
        create.streamName = u"orders"_s;
        create.shardCount = 1;
        QVERIFY((*first)->createStream(create).has_value());
        EmulatorBackend firstBackend(**first);
        EmulatorBackend secondBackend(**second);
        QString path;
        {
            ConsumerDashboard dashboard;
            dashboard.setStream(u"orders"_s, false, {});
            ConsumerDebugController controller(&dashboard);
            controller.setStream(&firstBackend, u"orders"_s);
            ConsumerDashboard otherDashboard;
            ConsumerDebugController other(&otherDashboard);
            other.setStream(&secondBackend, u"orders"_s);
            path = controller.localStorePath();
            QVERIFY(path.startsWith(firstBackend.databasePath()));
            QVERIFY(other.localStorePath().startsWith(secondBackend.databasePath()));
            QVERIFY(path != other.localStorePath());

            ConsumerGroupRequest request;
            request.applicationName = u"orders-app"_s;
            request.workers = 1;
            emit dashboard.runGroupRequested(request);
            QVERIFY(controller.group());
            QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 10000);
        }
        QVERIFY(!QFile::exists(path));
    }

    void failoverAndPoisonOnTheDashboard()
    {
        ConsumerDashboard dashboard;
        dashboard.resize(1300, 900);
        dashboard.show();
        dashboard.setStream(u"orders"_s, false, {});
        ShiftedClock clock;
        ConsumerDebugController controller(&dashboard);
        controller.setWatcherClock(&clock);
        controller.setMonitorPollIntervalMs(250);
        controller.setTipIntervalMs(500);
        controller.setLocalStorePath(m_dir->filePath(u"consumer-leases.db"_s));
        controller.setStream(m_backend.get(), u"orders"_s);

        // A few records on every shard before the group starts.
        for (int i = 0; i < 40; ++i) {
            PutRecordRequest put;
            put.target = StreamTarget::byName(u"orders"_s);
            put.partitionKey = u"key-%1"_s.arg(i);
            put.data = QByteArray("{\"n\":") + QByteArray::number(i) + '}';
            QVERIFY(await(m_backend->putRecord(put)).has_value());
        }

        ConsumerGroupRequest request;
        request.applicationName = u"orders-app"_s;
        request.workers = 2;
        request.failoverTimeMs = 1500;
        emit dashboard.runGroupRequested(request); // what the dialog's OK does
        QVERIFY(controller.group());
        QCOMPARE(dashboard.source(), ConsumerDashboard::Source::Group);
        QTRY_COMPARE_WITH_TIMEOUT(controller.group()->workers().size(), 2, 10000);
        const QStringList workers = [&] {
            QStringList ids;
            for (const WorkerStatus &w : controller.group()->workers())
                ids.append(w.workerId);
            return ids;
        }();
        QCOMPARE(workers.size(), 2);

        // Both workers hold leases; every shard is read to its tip.
        LeasesModel *leases = dashboard.leasesModel();
        QTRY_COMPARE_WITH_TIMEOUT(leases->rowCount(), 4, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!owners(leases).contains(QString()), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(owners(leases).contains(workers.at(0)) && owners(leases).contains(workers.at(1)),
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < leases->rowCount(); ++row) {
                    if (leases->data(leases->index(row, LeasesModel::BehindColumn)).toString() != u"caught up"_s)
                        return false;
                }
                return true;
            }(),
            20000);
        QVERIFY2(dashboard.diagnoses().isEmpty(), qPrintable(dashboard.diagnoses().value(0).text));
        QCOMPARE(dashboard.workersModel()->rowCount(), 2);

        // Kill the first worker: after the failover time the survivor takes its leases.
        const QString victim = workers.at(0);
        const QString survivor = workers.at(1);
        QVERIFY(dashboard.selectWorker(victim));
        QVERIFY(dashboard.killAction()->isEnabled());
        dashboard.killAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(
            dashboard.workersModel()->data(dashboard.workersModel()->index(dashboard.workersModel()->rowOfWorker(victim),
                                                                          LeaseWorkersModel::StateColumn),
                                           ModelRole::WorkerStateRole).toInt(),
            int(WorkerRowState::Killed), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(owners(leases), QStringList(4, survivor), 30000);
        // The swim lanes show it: a lane that was the victim's turns hatched, then the survivor's.
        SwimLaneChart *lanes = dashboard.ownershipChart();
        bool failoverSeen = false;
        for (int lane = 0; lane < lanes->lanes().size(); ++lane) {
            const auto segments = lanes->segments(lane);
            for (qsizetype i = 0; i + 1 < segments.size(); ++i) {
                if (segments.at(i).holder == victim && segments.last().holder == survivor)
                    failoverSeen = true;
            }
        }
        QVERIFY(failoverSeen);
        QVERIFY(lanes->holders().contains(victim));

        // A poison record on one shard: the survivor fails on it and its checkpoint stops.
        QVERIFY(dashboard.selectWorker(survivor));
        emit dashboard.poisonFilterRequested(survivor, u"pk == \"poison\""_s);
        PutRecordRequest poison;
        poison.target = StreamTarget::byName(u"orders"_s);
        poison.partitionKey = u"poison"_s;
        poison.data = QByteArray("{\"bad\":true}");
        const auto put = await(m_backend->putRecord(poison));
        QVERIFY(put.has_value());
        const QString stuckShard = put->shardId;
        // Records keep arriving behind it; the probe sees them wait.
        for (int i = 0; i < 5; ++i) {
            PutRecordRequest more = poison;
            more.partitionKey = u"poison"_s; // same shard
            more.data = QByteArray("{\"after\":") + QByteArray::number(i) + '}';
            QVERIFY(await(m_backend->putRecord(more)).has_value());
        }
        const int row = leases->rowOfShard(stuckShard);
        QTRY_VERIFY_WITH_TIMEOUT(leases->data(leases->index(row, LeasesModel::BehindColumn),
                                              ModelRole::RecordsBehindRole).toLongLong() >= 6
                                     || leases->data(leases->index(row, LeasesModel::BehindColumn),
                                                     ModelRole::LagRole).toLongLong() > 0,
                                 10000);
        QVERIFY(std::none_of(dashboard.diagnoses().cbegin(), dashboard.diagnoses().cend(), [](const Diagnosis &d) {
            return d.kind == Diagnosis::Kind::CheckpointStuck;
        }));
        // Two minutes pass for the watcher; the survivor still renews but does not get past it.
        clock.offset += LeaseDiagnoser::kStuckMs + 5000;
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(dashboard.diagnoses().cbegin(), dashboard.diagnoses().cend(),
                                             [&](const Diagnosis &d) {
                                                 return d.kind == Diagnosis::Kind::CheckpointStuck
                                                     && d.shardId == stuckShard && d.workerId == survivor;
                                             }),
                                 10000);
        // The other shards are fine: only the poisoned one is stuck.
        for (const Diagnosis &d : dashboard.diagnoses()) {
            if (d.kind == Diagnosis::Kind::CheckpointStuck)
                QCOMPARE(d.shardId, stuckShard);
        }
        const QString problems = [&] {
            QStringList texts;
            for (const Diagnosis &d : dashboard.diagnoses())
                texts.append(d.text);
            return texts.join(u'\n');
        }();
        QVERIFY2(problems.contains(u"poison record"_s), qPrintable(problems));

        // Stop: the dashboard goes back to nothing, the group is gone.
        dashboard.stopAction()->trigger();
        QVERIFY(!controller.group());
        QCOMPARE(dashboard.source(), ConsumerDashboard::Source::None);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
};

QTEST_MAIN(TestConsumerDebugController)
#include "tst_consumerdebugcontroller.moc"
