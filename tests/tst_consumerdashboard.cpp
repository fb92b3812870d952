// The consumer dashboard fed with scripted timelines (a failover, a poisoned shard), offscreen:
// its tables, diagnoses (a click selects the shard and worker), charts, dialogs' validation and
// what each command emits.

#include "charts/swimlanechart.h"
#include "charts/timeserieschart.h"
#include "consumers/consumerdashboard.h"
#include "consumers/openleasetabledialog.h"
#include "consumers/poisonrecorddialog.h"
#include "consumers/rungroupdialog.h"
#include "dialogs/inlineerrorlabel.h"
#include "leasetimeline.h"
#include "models/leasesmodel.h"
#include "models/leaseworkersmodel.h"
#include "models/modelroles.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
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

LeaseTimeline fourShards()
{
    LeaseTimeline t;
    for (const QString &id : {S0, S1, S2, S3})
        t.addShard(id);
    t.healthy({A, B});
    return t;
}

// Feeds the dashboard what the timeline saw since `from` (snapshots, tips per step).
void feed(ConsumerDashboard &dashboard, const LeaseTimeline &t, qsizetype &from)
{
    for (qsizetype i = from; i < t.history.size(); ++i) {
        dashboard.setSnapshot(t.history.at(i));
        dashboard.setTips(t.tips.mid(i * t.shards.size(), t.shards.size()));
    }
    from = t.history.size();
}

WorkerStatus status(const QString &id, WorkerStatus::State state, qint64 lastRenewalMs, const QStringList &leases = {})
{
    WorkerStatus w;
    w.workerId = id;
    w.state = state;
    w.lastRenewalMs = lastRenewalMs;
    w.leaseKeys = leases;
    return w;
}

QListWidgetItem *diagnosisItem(QListWidget *list, const QString &needle)
{
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->text().contains(needle))
            return list->item(i);
    }
    return nullptr;
}

template<typename T>
T *openDialog(QWidget *parent)
{
    // open() shows the dialog at once.
    T *dialog = parent->findChild<T *>();
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

} // namespace

class TestConsumerDashboard final : public QObject
{
    Q_OBJECT

private slots:
    void failoverReadsAtAGlance()
    {
        ConsumerDashboard dashboard;
        dashboard.resize(1300, 900);
        dashboard.show();
        dashboard.setStream(QStringLiteral("orders"), false, {});
        dashboard.setSource(ConsumerDashboard::Source::Group, QStringLiteral("orders-app"));
        LeaseTimeline t = fourShards();
        dashboard.setShards(t.shards);
        qsizetype fed = 0;
        t.run(30'000);
        feed(dashboard, t, fed);
        QCOMPARE(dashboard.leasesModel()->rowCount(), 4);
        QCOMPARE(dashboard.workersModel()->rowCount(), 2);
        QVERIFY(dashboard.diagnoses().isEmpty());
        QVERIFY(!dashboard.diagnosesList()->isVisible());

        // B dies; after the failover time its leases read expired and B "not renewing".
        t.aliveWorkers.remove(B);
        t.run(15'000);
        feed(dashboard, t, fed);
        const int s1 = dashboard.leasesModel()->rowOfShard(S1);
        QCOMPARE(dashboard.leasesModel()->data(dashboard.leasesModel()->index(s1, LeasesModel::StateColumn)).toString(),
                 QStringLiteral("expired"));
        QVERIFY(dashboard.diagnosesList()->isVisible());
        QListWidgetItem *item = diagnosisItem(dashboard.diagnosesList(), B);
        QVERIFY(item);
        // Clicking the diagnosis selects the worker concerned.
        const QRect rect = dashboard.diagnosesList()->visualItemRect(item);
        QTest::mouseClick(dashboard.diagnosesList()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(dashboard.selectedWorker(), B);

        // A takes B's leases (the failover): they are A's, the diagnoses are gone.
        t.take(S1, A);
        t.take(S3, A);
        t.run(10'000);
        feed(dashboard, t, fed);
        QCOMPARE(dashboard.leasesModel()->data(dashboard.leasesModel()->index(s1, LeasesModel::OwnerColumn)).toString(), A);
        QVERIFY2(dashboard.diagnoses().isEmpty(), qPrintable(dashboard.diagnoses().value(0).text));
        QCOMPARE(dashboard.workersModel()->rowCount(), 1);

        // The swim lane of S1: B, then B expired (hatched), then A.
        SwimLaneChart *lanes = dashboard.ownershipChart();
        QCOMPARE(lanes->lanes(), (QStringList{S0, S1, S2, S3}));
        QCOMPARE(lanes->holders(), (QStringList{A, B}));
        const auto segments = lanes->segments(1);
        QCOMPARE(segments.size(), 3);
        QCOMPARE(segments.at(0).holder, B);
        QVERIFY(!segments.at(0).lapsed);
        QCOMPARE(segments.at(1).holder, B);
        QVERIFY(segments.at(1).lapsed);
        QCOMPARE(segments.at(2).holder, A);
        QCOMPARE(segments.at(1).endMs, segments.at(2).startMs);
        QCOMPARE(lanes->segments(0).size(), 1); // S0 stayed A's throughout
        QVERIFY(lanes->hoverTextAt(QPoint(lanes->width() - 12, 0)).isEmpty());
        QVERIFY(lanes->colorOf(A) != lanes->colorOf(B));

        // Checkpoints per second: each of the 4 shards checkpoints once per 5 s poll (0.8/s),
        // fewer while B was dead.
        const auto checkpoints = dashboard.checkpointChart()->points(0);
        QVERIFY(checkpoints.size() > 5);
        QCOMPARE(checkpoints.first().y(), 0.8);
        QCOMPARE(checkpoints.at(7).y(), 0.4);
    }

    void poisonedShardIsDiagnosedAndSelected()
    {
        ConsumerDashboard dashboard;
        dashboard.resize(1300, 900);
        dashboard.show();
        dashboard.setSource(ConsumerDashboard::Source::Group, QStringLiteral("orders-app"));
        LeaseTimeline t = fourShards();
        dashboard.setShards(t.shards);
        qsizetype fed = 0;
        t.step();
        t.progressing.remove(S2); // A stops at a record of S2 and keeps renewing
        for (int i = 0; i < 30; ++i) {
            t.lagMs[S2] = i * 5000;
            t.step();
        }
        feed(dashboard, t, fed);
        const auto stuck = std::find_if(dashboard.diagnoses().cbegin(), dashboard.diagnoses().cend(),
                                        [](const Diagnosis &d) { return d.kind == Diagnosis::Kind::CheckpointStuck; });
        QVERIFY(stuck != dashboard.diagnoses().cend());
        QCOMPARE(stuck->shardId, S2);
        QListWidgetItem *item = diagnosisItem(dashboard.diagnosesList(), QStringLiteral("checkpoint of %1").arg(S2));
        QVERIFY(item);
        QVERIFY(!item->icon().isNull());
        const QRect rect = dashboard.diagnosesList()->visualItemRect(item);
        QTest::mouseClick(dashboard.diagnosesList()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(dashboard.selectedShard(), S2);
        QCOMPARE(dashboard.selectedWorker(), A);

        // The lag chart has a series per shard; S2's climbs.
        TimeSeriesChart *lag = dashboard.lagChart();
        QCOMPARE(lag->seriesCount(), 4);
        int s2 = -1;
        for (int i = 0; i < lag->seriesCount(); ++i) {
            if (lag->seriesName(i) == QStringLiteral("shard 2"))
                s2 = i;
        }
        QVERIFY(s2 >= 0);
        const auto points = lag->points(s2);
        QCOMPARE(points.last().y(), 145.0);
        QVERIFY(points.first().y() < points.last().y());
        // The growing lag is diagnosed as well.
        QVERIFY(std::any_of(dashboard.diagnoses().cbegin(), dashboard.diagnoses().cend(),
                            [](const Diagnosis &d) { return d.kind == Diagnosis::Kind::LagGrowing && d.shardId == S2; }));
        // The leases table shows how far behind S2 is.
        const int row = dashboard.leasesModel()->rowOfShard(S2);
        QVERIFY(dashboard.leasesModel()->data(dashboard.leasesModel()->index(row, LeasesModel::BehindColumn))
                    .toString().contains(QStringLiteral("2.4 min")));
    }

    void commandsEmitAndExplainWhenDisabled()
    {
        ConsumerDashboard dashboard;
        dashboard.show();
        // Nothing to act on: every command but Open a Lease Table is off, with a reason.
        QVERIFY(!dashboard.runGroupAction()->isEnabled());
        QVERIFY(dashboard.runGroupAction()->toolTip().contains(QStringLiteral("Select a stream")));
        QVERIFY(dashboard.openTableAction()->isEnabled());
        QVERIFY(!dashboard.stopAction()->isEnabled());
        QVERIFY(!dashboard.killAction()->isEnabled());
        dashboard.setStream(QStringLiteral("orders"), true, {});
        QVERIFY(dashboard.runGroupAction()->isEnabled()); // read-only connections may run a group

        // Every command has its own shortcut.
        QSet<QKeySequence> keys;
        for (QAction *action : dashboard.commandActions()) {
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->objectName()));
            keys.insert(action->shortcut());
        }
        QCOMPARE(keys.size(), dashboard.commandActions().size());

        // A group with two workers, A selected.
        dashboard.setSource(ConsumerDashboard::Source::Group, QStringLiteral("orders-app"));
        QVERIFY(!dashboard.runGroupAction()->isEnabled());
        QVERIFY(dashboard.runGroupAction()->toolTip().contains(QStringLiteral("stop it first")));
        LeaseTimeline t = fourShards();
        t.step();
        dashboard.setSnapshot(t.history.last());
        dashboard.setWorkers(QList<WorkerStatus>{status(A, WorkerStatus::State::Running, t.nowMs, {S0, S2}),
                                                 status(B, WorkerStatus::State::Running, t.nowMs, {S1, S3})});
        QVERIFY(!dashboard.killAction()->isEnabled());
        QVERIFY(dashboard.killAction()->toolTip().contains(QStringLiteral("Select one of the group's workers")));
        QVERIFY(dashboard.selectWorker(A));
        QVERIFY(dashboard.killAction()->isEnabled());

        QSignalSpy kill(&dashboard, &ConsumerDashboard::killWorkerRequested);
        QSignalSpy pause(&dashboard, &ConsumerDashboard::pauseWorkerRequested);
        QSignalSpy add(&dashboard, &ConsumerDashboard::addWorkerRequested);
        QSignalSpy stop(&dashboard, &ConsumerDashboard::stopRequested);
        QSignalSpy slow(&dashboard, &ConsumerDashboard::processingDelayRequested);
        QSignalSpy poison(&dashboard, &ConsumerDashboard::poisonFilterRequested);
        dashboard.killAction()->trigger();
        QCOMPARE(kill.size(), 1);
        QCOMPARE(kill.at(0).at(0).toString(), A);
        dashboard.pauseAction()->trigger();
        QCOMPARE(pause.size(), 1);
        QCOMPARE(pause.at(0).at(1).toBool(), true);
        dashboard.addWorkerAction()->trigger();
        QCOMPARE(add.size(), 1);

        // Paused: the same command resumes.
        dashboard.setWorkers(QList<WorkerStatus>{status(A, WorkerStatus::State::Paused, t.nowMs, {S0, S2}),
                                                 status(B, WorkerStatus::State::Running, t.nowMs, {S1, S3})});
        QCOMPARE(dashboard.pauseAction()->text(), QStringLiteral("Resume"));
        dashboard.pauseAction()->trigger();
        QCOMPARE(pause.at(1).at(1).toBool(), false);

        // Slow processing: a number, sent for the selected worker.
        dashboard.slowAction()->trigger();
        auto *input = openDialog<QInputDialog>(&dashboard);
        QVERIFY(input);
        input->setIntValue(300);
        input->accept();
        QCOMPARE(slow.size(), 1);
        QCOMPARE(slow.at(0).at(0).toString(), A);
        QCOMPARE(slow.at(0).at(1).toInt(), 300);

        // Poison record: a filter that does not parse is refused next to the field.
        dashboard.poisonAction()->trigger();
        auto *poisonDialog = openDialog<PoisonRecordDialog>(&dashboard);
        QVERIFY(poisonDialog);
        QPushButton *ok = poisonDialog->buttons()->button(QDialogButtonBox::Ok);
        QTest::keyClicks(poisonDialog->filterEdit(), QStringLiteral("data contains"));
        QVERIFY(poisonDialog->filterError()->hasMessage());
        QVERIFY(!ok->isEnabled());
        poisonDialog->filterEdit()->setText(QStringLiteral("data contains \"boom\""));
        QVERIFY(!poisonDialog->filterError()->hasMessage());
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(poison.size(), 1);
        QCOMPARE(poison.at(0).at(1).toString(), QStringLiteral("data contains \"boom\""));

        // A killed worker cannot be acted on; the note says why.
        dashboard.setWorkers(QList<WorkerStatus>{status(A, WorkerStatus::State::Killed, t.nowMs),
                                                 status(B, WorkerStatus::State::Running, t.nowMs, {S1, S3})});
        QVERIFY(!dashboard.killAction()->isEnabled());
        QVERIFY(dashboard.killAction()->toolTip().contains(QStringLiteral("was killed")));

        dashboard.stopAction()->trigger();
        QCOMPARE(stop.size(), 1);

        // A watched table: no faults (its workers are not ours), Stop closes the table.
        dashboard.setSource(ConsumerDashboard::Source::Inspector, QStringLiteral("orders-app"));
        QVERIFY(dashboard.history().isEmpty());
        QCOMPARE(dashboard.stopAction()->text(), QStringLiteral("Close Lease Table"));
        QVERIFY(!dashboard.addWorkerAction()->isEnabled());
        QVERIFY(dashboard.addWorkerAction()->toolTip().contains(QStringLiteral("not Shardscope's")));
    }

    void runGroupDialogValidatesAndEmits()
    {
        ConsumerDashboard dashboard;
        dashboard.show();
        dashboard.setStream(QStringLiteral("orders"), false, {});
        Consumer active{QStringLiteral("fan"), QStringLiteral("arn:aws:kinesis:us-east-1:000000000000:stream/orders/consumer/fan:1"),
                        ConsumerStatus::Active, 0};
        Consumer creating{QStringLiteral("new"), QStringLiteral("arn:aws:kinesis:us-east-1:000000000000:stream/orders/consumer/new:1"),
                          ConsumerStatus::Creating, 0};
        dashboard.setConsumers({active, creating});
        QSignalSpy run(&dashboard, &ConsumerDashboard::runGroupRequested);
        dashboard.runGroupAction()->trigger();
        auto *dialog = openDialog<RunGroupDialog>(&dashboard);
        QVERIFY(dialog);
        QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog->consumerBox()->count(), 1); // only ACTIVE consumers
        // Polling, the local store and KCL 2.x's taking are chosen: one radio button in each group.
        const auto radios = dialog->findChildren<QRadioButton *>();
        QCOMPARE(std::count_if(radios.cbegin(), radios.cend(), [](QRadioButton *r) { return r->isChecked(); }), 3);
        QVERIFY(dialog->takingButton()->isChecked());
        // KCL 3.x's leader assignment may be chosen with the local store...
        dialog->leaderButton()->setChecked(true);
        QVERIFY(dialog->assignmentNote()->text().contains(QStringLiteral("elected")));
        QVERIFY(!dialog->dynamoButton()->isChecked());
        QVERIFY(!dialog->fanOutButton()->isChecked());

        dialog->nameEdit()->setText(QStringLiteral("a b"));
        QVERIFY(dialog->nameError()->hasMessage());
        QVERIFY(!ok->isEnabled());
        dialog->nameEdit()->setText(QStringLiteral("orders-app"));
        QVERIFY(ok->isEnabled());

        dialog->dynamoButton()->setChecked(true);
        // ...and with DynamoDB.
        QVERIFY(dialog->leaderButton()->isEnabled());
        QVERIFY(dialog->leaderButton()->isChecked());
        dialog->takingButton()->setChecked(true);
        QVERIFY(dialog->assignmentNote()->text().contains(QStringLiteral("steals")));
        QVERIFY(!ok->isEnabled()); // no endpoint yet
        QTest::keyClicks(dialog->endpointEdit(), QStringLiteral("localhost:8000"));
        QVERIFY(dialog->endpointError()->hasMessage());
        QVERIFY(dialog->endpointError()->text().contains(QStringLiteral("http")));
        QVERIFY(!ok->isEnabled());
        dialog->endpointEdit()->setText(QStringLiteral("http://localhost:8000"));
        QVERIFY(!dialog->endpointError()->hasMessage());
        QVERIFY(ok->isEnabled());
        dialog->fanOutButton()->setChecked(true);
        dialog->workersBox()->setValue(3);
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(run.size(), 1);
        const auto request = run.at(0).at(0).value<ConsumerGroupRequest>();
        QCOMPARE(request.applicationName, QStringLiteral("orders-app"));
        QCOMPARE(request.workers, 3);
        QVERIFY(request.fanOut);
        QCOMPARE(request.consumerArn, active.consumerArn);
        QCOMPARE(request.location, LeaseTableLocation::DynamoDb);
        QCOMPARE(request.endpoint, QStringLiteral("http://localhost:8000"));
        QCOMPARE(request.region, QStringLiteral("us-east-1"));
        QCOMPARE(request.initialPosition, CheckpointSentinel::TrimHorizon);
        QVERIFY(!request.leaderAssignment);

        // With the local store the leader choice reaches the request.
        RunGroupDialog local(QStringLiteral("orders"), {}, false);
        local.leaderButton()->setChecked(true);
        QVERIFY(local.leaderButton()->isEnabled());
        QVERIFY(local.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(local.request().leaderAssignment);
        QCOMPARE(local.request().location, LeaseTableLocation::LocalStore);
    }

    void openTableDialogIsReadOnlyAndValidates()
    {
        ConsumerDashboard dashboard;
        dashboard.show();
        QSignalSpy open(&dashboard, &ConsumerDashboard::openTableRequested);
        dashboard.openTableAction()->trigger();
        auto *dialog = openDialog<OpenLeaseTableDialog>(&dashboard);
        QVERIFY(dialog);
        QVERIFY(!dialog->connectionButton()->isEnabled()); // no AWS connection
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("readOnlyNote"))->text().contains(QStringLiteral("never writes")));
        QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        dialog->tableEdit()->setText(QStringLiteral("orders-app"));
        dialog->endpointEdit()->setText(QStringLiteral("ftp://dynamo"));
        QVERIFY(dialog->endpointError()->hasMessage());
        QVERIFY(!ok->isEnabled());
        dialog->endpointEdit()->setText(QStringLiteral("http://127.0.0.1:4567"));
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(open.size(), 1);
        const auto request = open.at(0).at(0).value<LeaseTableRequest>();
        QCOMPARE(request.tableName, QStringLiteral("orders-app"));
        QVERIFY(!request.useConnection);
        QCOMPARE(request.endpoint, QStringLiteral("http://127.0.0.1:4567"));
        QCOMPARE(request.failoverTimeMs, 10'000);

        // With an AWS connection its credentials are the default.
        OpenLeaseTableDialog aws(QStringLiteral("prod"));
        QVERIFY(aws.connectionButton()->isChecked());
        aws.tableEdit()->setText(QStringLiteral("orders-app"));
        QVERIFY(aws.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(aws.request().useConnection);
    }

    void runGroupDialogStartsAtATime()
    {
        RunGroupDialog dialog(QStringLiteral("orders"), {}, false);
        dialog.show();
        QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(!dialog.timestampEdit()->isEnabled()); // TRIM_HORIZON chosen
        dialog.positionBox()->setCurrentIndex(dialog.positionBox()->findData(CheckpointSentinel::AtTimestamp));
        QVERIFY(dialog.timestampEdit()->isEnabled());
        QVERIFY(ok->isEnabled()); // an hour ago by default

        // A time after now: Kinesis refuses it; the problem shows under the field.
        const QDateTime tomorrow = QDateTime::currentDateTime().addDays(1);
        dialog.timestampEdit()->setDateTime(tomorrow);
        QVERIFY(dialog.timestampError()->hasMessage());
        QVERIFY2(dialog.timestampError()->text().contains(QStringLiteral("in the future")),
                 qPrintable(dialog.timestampError()->text()));
        QVERIFY(!ok->isEnabled());
        // Typed over: the date part of the field, back to the year before.
        dialog.timestampEdit()->setFocus();
        dialog.timestampEdit()->setSelectedSection(QDateTimeEdit::YearSection);
        QTest::keyClicks(dialog.timestampEdit(), QString::number(tomorrow.date().year() - 1));
        QVERIFY(!dialog.timestampError()->hasMessage());
        QVERIFY(ok->isEnabled());
        const ConsumerGroupRequest request = dialog.request();
        QCOMPARE(request.initialPosition, CheckpointSentinel::AtTimestamp);
        QCOMPARE(request.initialTimestampMs, dialog.timestampEdit()->dateTime().toMSecsSinceEpoch());
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(request.initialTimestampMs).date().year(), tomorrow.date().year() - 1);

        // Another position: the field is off and its problem gone; no time is sent.
        dialog.timestampEdit()->setDateTime(tomorrow);
        QVERIFY(!ok->isEnabled());
        dialog.positionBox()->setCurrentIndex(dialog.positionBox()->findData(CheckpointSentinel::Latest));
        QVERIFY(!dialog.timestampError()->hasMessage());
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.request().initialTimestampMs, 0);
    }
};

QTEST_MAIN(TestConsumerDashboard)
#include "tst_consumerdashboard.moc"
