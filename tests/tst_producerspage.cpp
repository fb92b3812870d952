// The Producers page offscreen against the emulator: a generator started from the form puts
// records, and its dashboard's QtCharts series show them (acknowledged > 0, never more than
// sent), the per-shard bars count every shard; pause, resume, stop and remove; a read-only
// connection refused with the reason next to the form; and the page reached from the window.

#include "backendtesthelpers.h"
#include "commandpalette.h"
#include "connections/memorysecretstore.h"
#include "mainwindow.h"
#include "charts/shardbarchart.h"
#include "charts/timeserieschart.h"
#include "metrics/streammetricsview.h"
#include "forwardingbackend.h"
#include "producer/loadgenerator.h"
#include "producer/producer.h"
#include "producers/generatorform.h"
#include "producers/producerdashboard.h"
#include "producers/producerspage.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolBar>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shardscope;
using namespace shardscope::testing;

namespace {

class ReadOnlyBackend final : public ForwardingBackend
{
public:
    using ForwardingBackend::ForwardingBackend;
    bool isReadOnly() const override { return true; }
    QString displayName() const override { return u"Production"_s; }
};

double sumOf(const QList<QPointF> &points)
{
    double sum = 0;
    for (const QPointF &point : points)
        sum += point.y();
    return sum;
}

} // namespace

class TestProducersPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_engine = openEngine(*m_dir);
        QVERIFY(m_engine);
        m_backend = std::make_unique<EmulatorBackend>(*m_engine);
        QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"orders"_s, 2, {}, {}, {}}))
                    .has_value());
        QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"audit"_s, 1, {}, {}, {}}))
                    .has_value());
    }

    void cleanup()
    {
        m_backend.reset();
        m_engine.reset();
        m_dir.reset();
    }

    void aGeneratorFillsTheDashboard()
    {
        ProducersPage page;
        page.resize(1400, 900);
        page.setConnections({m_backend.get()});
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *streams = page.findChild<QComboBox *>(u"generatorStreamCombo"_s);
        QTRY_COMPARE(streams->count(), 2);
        QVERIFY(page.form()->selectTarget(m_backend.get(), u"orders"_s));
        QCOMPARE(page.form()->streamName(), u"orders"_s);
        page.findChild<QSpinBox *>(u"generatorRateSpin"_s)->setValue(400);
        auto *start = page.findChild<QPushButton *>(u"generatorStartButton"_s);
        QVERIFY(start->isEnabled());
        start->click();
        QCOMPARE(page.generators().size(), 1);
        LoadGenerator *generator = page.generators().first();
        QCOMPARE(generator->state(), LoadGenerator::State::Running);
        QCOMPARE(generator->streamName(), u"orders"_s);
        QCOMPARE(generator->options().recordsPerSecond, 400.0);
        ProducerDashboard *dashboard = page.dashboard(generator);
        QVERIFY(dashboard && dashboard->isVisible());

        // What the charts draw: the QtCharts series, a point per second.
        TimeSeriesChart *records = dashboard->recordsChart();
        QLineSeries *sent = records->lineSeries(ProducerDashboard::Sent);
        QLineSeries *acknowledged = records->lineSeries(ProducerDashboard::Acknowledged);
        QTRY_VERIFY_WITH_TIMEOUT(sumOf(acknowledged->points()) >= 400, 20000);
        QVERIFY(sumOf(acknowledged->points()) <= sumOf(sent->points()));
        QCOMPARE(sent->name(), u"Sent"_s);
        QVERIFY(sumOf(dashboard->bytesChart()->lineSeries(ProducerDashboard::BytesAcknowledged)
                          ->points()) >= 400 * 200);
        QTRY_VERIFY(!dashboard->latencyChart()->lineSeries(ProducerDashboard::LatencyP99)
                         ->points()
                         .isEmpty());
        // Both shards get records (1,000 uniform keys), each well under its limit.
        ShardBarChart *shards = dashboard->shardChart();
        QTRY_COMPARE(shards->categories(), (QStringList{u"0"_s, u"1"_s}));
        QTRY_VERIFY(shards->withinLimitValues().value(0) > 0 &&
                    shards->withinLimitValues().value(1) > 0);
        QCOMPARE(shards->overLimitValues(), (QList<double>{0, 0}));

        // Bytes per shard beside records per shard, from the producer's own per-shard counts;
        // the bytes chart has throttled and retried bytes too.
        ShardBarChart *shardBytes = dashboard->shardBytesChart();
        QCOMPARE(shards->measure(), ShardBarChart::Measure::Records);
        QCOMPARE(shardBytes->measure(), ShardBarChart::Measure::Bytes);
        QCOMPARE(shardBytes->limit(), 1024.0); // KiB/s
        QTRY_COMPARE(shardBytes->categories(), (QStringList{u"0"_s, u"1"_s}));
        QTRY_VERIFY(shardBytes->withinLimitValues().value(0) > 0 &&
                    shardBytes->withinLimitValues().value(1) > 0);
        for (const ShardRate &rate : shardBytes->rates())
            QVERIFY(rate.bytesPerSecond >= rate.recordsPerSecond * 200);
        TimeSeriesChart *bytes = dashboard->bytesChart();
        QCOMPARE(bytes->seriesCount(), 4);
        QCOMPARE(bytes->seriesName(ProducerDashboard::BytesThrottled), u"Throttled"_s);
        QCOMPARE(bytes->seriesName(ProducerDashboard::BytesRetried), u"Retried"_s);
        qint64 throttledBytes = 0;
        qint64 retriedBytes = 0;
        for (const LoadGeneratorSecond &second : generator->history()) {
            throttledBytes += second.producer.throttledBytes;
            retriedBytes += second.producer.retriedBytes;
        }
        const auto seriesSum = [bytes](int series) {
            return sumOf(bytes->points(series));
        };
        QCOMPARE(seriesSum(ProducerDashboard::BytesThrottled), double(throttledBytes));
        QCOMPARE(seriesSum(ProducerDashboard::BytesRetried), double(retriedBytes));

        // The Stream Metrics tab reads the target stream's own metrics from the emulator.
        StreamMetricsView *metrics = dashboard->streamMetrics();
        QCOMPARE(metrics->streamName(), u"orders"_s);
        QCOMPARE(metrics->backend(), m_backend.get());
        dashboard->tabs()->setCurrentWidget(metrics);
        QTRY_VERIFY_WITH_TIMEOUT(
            sumOf(metrics->chart(StreamMetricsView::IncomingRecordsChart)->points(0)) >= 400, 10000);
        dashboard->tabs()->setCurrentIndex(0);

        // Pause and resume, then stop: the generator settles and can be removed.
        auto *pause = page.findChild<QPushButton *>(u"generatorPauseButton"_s);
        auto *stop = page.findChild<QPushButton *>(u"generatorStopButton"_s);
        auto *remove = page.findChild<QPushButton *>(u"generatorRemoveButton"_s);
        QVERIFY(!remove->isEnabled());
        pause->click();
        QCOMPARE(generator->state(), LoadGenerator::State::Paused);
        QCOMPARE(pause->text(), u"&Resume"_s);
        pause->click();
        QCOMPARE(generator->state(), LoadGenerator::State::Running);
        stop->click();
        QTRY_COMPARE_WITH_TIMEOUT(generator->state(), LoadGenerator::State::Finished, 20000);
        QVERIFY(generator->producer()->isIdle());
        QCOMPARE(generator->producer()->metrics().total.failedRecords, 0);
        QVERIFY(remove->isEnabled());
        remove->click();
        QTRY_VERIFY(page.generators().isEmpty());
    }

    void generatorsKeepRunningWhileHidden()
    {
        ProducersPage page;
        page.setConnections({m_backend.get()});
        page.show();
        QTRY_COMPARE(page.findChild<QComboBox *>(u"generatorStreamCombo"_s)->count(), 2);
        QVERIFY(page.form()->selectTarget(m_backend.get(), u"audit"_s));
        LoadGenerator *generator = page.startGenerator();
        QVERIFY(generator);
        TimeSeriesChart *records = page.dashboard(generator)->recordsChart();
        page.hide(); // another page is shown
        QTRY_VERIFY_WITH_TIMEOUT(generator->history().size() >= 2, 10000);
        QVERIFY(generator->producer()->metrics().total.userRecordsAcknowledged > 0);
        QVERIFY(!records->points(ProducerDashboard::Acknowledged).isEmpty());
        const int replots = records->replotCount();
        QTest::qWait(100);
        QCOMPARE(records->replotCount(), replots); // paused
        page.show();
        QCOMPARE(records->lineSeries(ProducerDashboard::Acknowledged)->points(),
                 records->points(ProducerDashboard::Acknowledged));
        generator->stop();
        QTRY_COMPARE_WITH_TIMEOUT(generator->state(), LoadGenerator::State::Finished, 20000);
    }

    void readOnlyConnectionsAreRefused()
    {
        ReadOnlyBackend readOnly(*m_backend);
        ProducersPage page;
        page.setConnections({&readOnly, m_backend.get()});
        page.show();
        QCOMPARE(page.form()->connection(), &readOnly);
        auto *start = page.findChild<QPushButton *>(u"generatorStartButton"_s);
        auto *error = page.findChild<QWidget *>(u"generatorError"_s);
        QTRY_VERIFY(!start->isEnabled());
        QCOMPARE(page.form()->problem(),
                 std::optional<QString>(u"Production is read-only: records cannot be put into it."_s));
        QVERIFY(error->isVisible());
        QVERIFY(page.startGenerator() == nullptr);
        QVERIFY(page.generators().isEmpty());

        // A bad setting is named next to the form too, and Start waits for a fix.
        QVERIFY(page.form()->selectTarget(m_backend.get(), u"orders"_s));
        QTRY_COMPARE(page.form()->streamName(), u"orders"_s);
        QTRY_VERIFY(start->isEnabled());
        page.findChild<QSpinBox *>(u"generatorMinSizeSpin"_s)->setValue(500);
        page.findChild<QSpinBox *>(u"generatorMaxSizeSpin"_s)->setValue(100);
        QVERIFY(!start->isEnabled());
        QVERIFY(page.form()->problem().has_value());
        QVERIFY(!page.form()->problem()->isEmpty());
    }

    void theWindowReachesThePage()
    {
        MemorySecretStore secrets;
        MainWindowOptions options;
        options.localBackend = m_backend.get();
        options.settingsFile = m_dir->filePath(u"settings.ini"_s);
        options.demoEvents = false;
        options.secretStore = &secrets;
        MainWindow window(options);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *center = window.findChild<QStackedWidget *>();
        auto *page = window.findChild<ProducersPage *>();
        QVERIFY(center && page);
        QVERIFY(!page->isVisible());

        // The toolbar's action.
        auto *action = window.findChild<QAction *>(u"actionProducers"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(u"Ctrl+Shift+O"_s));
        auto *toolbar = window.findChild<QToolBar *>(u"mainToolbar"_s);
        QVERIFY(toolbar->actions().contains(action));
        action->trigger();
        QCOMPARE(center->currentWidget(), page);
        QVERIFY(page->isVisible());
        QCOMPARE(page->form()->connection(), m_backend.get());

        // The command palette finds it by name.
        page->hide();
        center->setCurrentIndex(0);
        auto *palette = window.findChild<CommandPalette *>();
        palette->popup();
        auto *search = palette->findChild<QLineEdit *>();
        QTest::keyClicks(search, u"producers"_s);
        auto *list = palette->findChild<QListView *>();
        QTRY_VERIFY(list->model()->rowCount() >= 1);
        QVERIFY(list->model()->index(0, 0).data().toString().contains(u"Producers"_s));
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE(center->currentWidget(), page);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
};

QTEST_MAIN(TestProducersPage)
#include "tst_producerspage.moc"
