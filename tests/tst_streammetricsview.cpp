// The stream metrics view offscreen over a local emulator on a manual clock: its series carry
// the records and bytes put (per second, a second without records as 0), the range switch
// changes the query (period and span), "By shard" shows the enhanced-monitoring banner while the
// stream has it off and one series per open shard with the shard's own figures once its button
// has enabled it, a read-only connection gets the button disabled with the reason, an error is
// shown in the view; and the same view over AwsBackend → the served emulator (CloudWatch's
// GetMetricData on the wire) draws the same numbers.

#include "backend/awsbackend.h"
#include "charts/timeserieschart.h"
#include "emulator/localemulator.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "metrics/metricnames.h"
#include "metrics/streammetricsview.h"

#include <QChart>
#include <QCheckBox>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <QComboBox>
#include <QLabel>
#include <QPromise>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "backendtesthelpers.h"
#include "expectedassert.h"
#include "forwardingbackend.h"

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
namespace MN = shardscope::MetricNames;

namespace {

constexpr qint64 kStartMs = 1'700'000'040'000; // a whole minute
constexpr qint64 kMinuteMs = 60'000;
const AwsCredentials kKeys{u"AKIDVIEW"_s, u"view-secret"_s, {}};
const QString kShard0 = u"shardId-000000000000"_s;
const QString kShard1 = u"shardId-000000000001"_s;
const QString kMaxKey = u"340282366920938463463374607431768211455"_s;

class ReadOnlyBackend final : public ForwardingBackend
{
public:
    using ForwardingBackend::ForwardingBackend;
    bool isReadOnly() const override { return true; }
};

// Its GetMetricData never answers while `pending` holds the promise (a connection that hangs,
// or goes away: dropping the promise cancels the future).
class HangingBackend final : public ForwardingBackend
{
public:
    using ForwardingBackend::ForwardingBackend;
    BackendFuture<MetricDataResponse> getMetricData(const MetricDataRequest &) override
    {
        pending = std::make_unique<QPromise<BackendResult<MetricDataResponse>>>();
        pending->start();
        ++calls;
        return pending->future();
    }
    std::unique_ptr<QPromise<BackendResult<MetricDataResponse>>> pending;
    int calls = 0;
};

// The value a series has at `timeMs`, or NaN without a point there.
double valueAt(const TimeSeriesChart *chart, int series, qint64 timeMs)
{
    for (const QPointF &point : chart->points(series)) {
        if (qint64(point.x()) == timeMs)
            return point.y();
    }
    return std::numeric_limits<double>::quiet_NaN();
}

double sumOf(const TimeSeriesChart *chart, int series)
{
    double sum = 0;
    for (const QPointF &point : chart->points(series))
        sum += point.y();
    return sum;
}

} // namespace

class TestStreamMetricsView final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<LocalEmulator> m_emulator;

    StreamBackend *local() const { return m_emulator->backend(); }

    void put(StreamBackend *backend, int count, const QString &hashKey, int bytes = 10)
    {
        PutRecordsRequest batch;
        batch.target = StreamTarget::byName(u"orders"_s);
        for (int i = 0; i < count; ++i)
            batch.records.append(PutRecordsRequestEntry{QByteArray(bytes, 'x'), u"k"_s, hashKey});
        const auto result = await(backend->putRecords(batch));
        VERIFY_OK(result);
        QCOMPARE(result->failedRecordCount, 0);
    }

    // Shows the view on the emulator's clock and waits for its first read.
    static void showAndRead(StreamMetricsView &view, const std::shared_ptr<ManualClock> &clock)
    {
        view.setClock([clock] { return clock->nowMs(); });
        view.resize(1200, 1100);
        QSignalSpy refreshed(&view, &StreamMetricsView::refreshed);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(refreshed.wait(10000));
    }

    static void refreshAndWait(StreamMetricsView &view)
    {
        QTRY_VERIFY(!view.callInFlight());
        QSignalSpy refreshed(&view, &StreamMetricsView::refreshed);
        view.refresh();
        QVERIFY(refreshed.wait(10000));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock = std::make_shared<ManualClock>(kStartMs);
        EngineOptions options;
        options.databasePath = m_dir->filePath(u"view.db"_s);
        options.clock = m_clock;
        options.createDelayMs = 0;
        options.updateDelayMs = 0;
        auto emulator = LocalEmulator::open(options, EmulatorBackendOptions{});
        VERIFY_OK(emulator);
        m_emulator = std::move(*emulator);
        CreateStreamRequest create;
        create.streamName = u"orders"_s;
        create.shardCount = 2;
        VERIFY_OK(m_emulator->engine().createStream(create));
    }

    void cleanup()
    {
        m_emulator.reset();
        m_dir.reset();
    }

    void seriesCarryThePuts()
    {
        put(local(), 5, u"0"_s);
        m_clock->advanceMs(1000);
        put(local(), 3, kMaxKey, 20);
        m_clock->advanceMs(2500);

        StreamMetricsView view;
        view.setStream(local(), u"orders"_s);
        showAndRead(view, m_clock);
        QVERIFY(!view.messageLabel()->isVisible());

        // One-second points for the last 15 minutes, up to the last whole second.
        const MetricDataRequest &request = view.lastRequest();
        QCOMPARE(view.periodSeconds(), 1);
        QCOMPARE(request.endMs, kStartMs + 3000);
        QCOMPARE(request.endMs - request.startMs, 15 * kMinuteMs);
        QCOMPARE(request.queries.size(), 11);
        QCOMPARE(request.queries[0].key.metricName, MN::IncomingRecords);
        QCOMPARE(request.queries[0].key.streamName, u"orders"_s);
        QVERIFY(request.queries[0].key.shardId.isEmpty());
        QCOMPARE(request.queries[0].periodSeconds, 1);

        TimeSeriesChart *records = view.chart(StreamMetricsView::IncomingRecordsChart);
        QCOMPARE(records->seriesCount(), 1);
        QCOMPARE(records->points(0).size(), 900);
        QCOMPARE(valueAt(records, 0, kStartMs), 5.0);
        QCOMPARE(valueAt(records, 0, kStartMs + 1000), 3.0);
        QCOMPARE(valueAt(records, 0, kStartMs + 2000), 0.0);
        QCOMPARE(valueAt(records, 0, kStartMs - 1000), 0.0);
        QCOMPARE(sumOf(records, 0), 8.0);
        TimeSeriesChart *bytes = view.chart(StreamMetricsView::IncomingBytesChart);
        QCOMPARE(valueAt(bytes, 0, kStartMs), 50.0);
        QCOMPARE(valueAt(bytes, 0, kStartMs + 1000), 60.0);
        // Nothing read, nothing throttled; latency only where there were calls.
        QCOMPARE(sumOf(view.chart(StreamMetricsView::OutgoingRecordsChart), 0), 0.0);
        TimeSeriesChart *throttling = view.chart(StreamMetricsView::ThrottlingChart);
        QCOMPARE(throttling->seriesCount(), 3);
        QCOMPARE(sumOf(throttling, 0) + sumOf(throttling, 1) + sumOf(throttling, 2), 0.0);
        TimeSeriesChart *latency = view.chart(StreamMetricsView::LatencyChart);
        QCOMPARE(latency->seriesName(1), u"PutRecords"_s);
        QCOMPARE(latency->points(1).size(), 2);
        QVERIFY(latency->points(0).isEmpty()); // no PutRecord calls
        QVERIFY(!latency->csv().isEmpty());

        // A read is counted too: GetRecords' records and the age of what it read.
        const auto iterator = await(local()->getShardIterator(GetShardIteratorRequest{
            StreamTarget::byName(u"orders"_s), kShard0, ShardIteratorType::TrimHorizon, {}, {}}));
        VERIFY_OK(iterator);
        const auto read = await(local()->getRecords(GetRecordsRequest{iterator->shardIterator, {}, {}}));
        VERIFY_OK(read);
        QCOMPARE(read->records.size(), 5);
        m_clock->advanceMs(1000);
        refreshAndWait(view);
        QCOMPARE(valueAt(view.chart(StreamMetricsView::OutgoingRecordsChart), 0, kStartMs + 3000),
                 5.0);
        QCOMPARE(valueAt(view.chart(StreamMetricsView::OutgoingBytesChart), 0, kStartMs + 3000),
                 50.0);
        QCOMPARE(valueAt(view.chart(StreamMetricsView::ConsumerLagChart), 0, kStartMs + 3000),
                 3500.0);
        // Every chart has the same time axis, the lag chart with its one point too.
        TimeSeriesChart *lag = view.chart(StreamMetricsView::ConsumerLagChart);
        QCOMPARE(lag->points(0).size(), 1);
        QTRY_COMPARE(records->timeAxis()->max().toMSecsSinceEpoch(), kStartMs + 3000);
        QTRY_COMPARE(lag->timeAxis()->max(), records->timeAxis()->max());
        QCOMPARE(lag->timeAxis()->min(), records->timeAxis()->min());
    }

    void rangeSwitchChangesTheQuery()
    {
        put(local(), 6, u"0"_s);
        m_clock->advanceMs(kMinuteMs + 5000);
        StreamMetricsView view;
        view.setStream(local(), u"orders"_s);
        showAndRead(view, m_clock);
        QCOMPARE(view.lastRequest().queries.constFirst().periodSeconds, 1);

        QSignalSpy refreshed(&view, &StreamMetricsView::refreshed);
        QComboBox *range = view.rangeCombo();
        range->setCurrentIndex(1);
        emit range->activated(1);
        QCOMPARE(view.range(), StreamMetricsView::Range::LastHour);
        QVERIFY(refreshed.wait(10000));
        MetricDataRequest request = view.lastRequest();
        QCOMPARE(request.queries.constFirst().periodSeconds, 60);
        QCOMPARE(request.endMs, kStartMs + kMinuteMs);
        QCOMPARE(request.endMs - request.startMs, 60 * kMinuteMs);
        QCOMPARE(view.refreshInterval(), 30s);
        TimeSeriesChart *records = view.chart(StreamMetricsView::IncomingRecordsChart);
        QCOMPARE(records->points(0).size(), 60);
        QCOMPARE(valueAt(records, 0, kStartMs), 6.0 / 60); // per second over the minute
        QCOMPARE(records->window(), std::chrono::milliseconds(60 * kMinuteMs));

        range->setCurrentIndex(2);
        emit range->activated(2);
        QVERIFY(refreshed.wait(10000));
        request = view.lastRequest();
        QCOMPARE(request.queries.constFirst().periodSeconds, 60);
        QCOMPARE(request.endMs - request.startMs, 24 * 60 * kMinuteMs);
        records = view.chart(StreamMetricsView::IncomingRecordsChart);
        QCOMPARE(records->points(0).size(), 24 * 60);
        QCOMPARE(valueAt(records, 0, kStartMs), 6.0 / 60);
    }

    void byShardNeedsEnhancedMonitoring()
    {
        StreamMetricsView view;
        view.setStream(local(), u"orders"_s);
        showAndRead(view, m_clock);
        QVERIFY(!view.monitoringHintShown());

        QSignalSpy refreshed(&view, &StreamMetricsView::refreshed);
        view.byShardBox()->click();
        QVERIFY(view.byShard());
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(view.shards(), (QStringList{kShard0, kShard1}));
        QVERIFY(view.monitoringHintShown());
        QVERIFY(view.enableMonitoringButton()->isEnabled());
        TimeSeriesChart *records = view.chart(StreamMetricsView::IncomingRecordsChart);
        QCOMPARE(records->seriesCount(), 3); // two shards and the limit per shard
        QCOMPARE(records->seriesName(1), u"Shard 1"_s);
        QCOMPARE(records->seriesName(2), u"Limit per shard"_s);
        QCOMPARE(view.chart(StreamMetricsView::ThrottlingChart)->seriesCount(), 4);
        QCOMPARE(view.chart(StreamMetricsView::LatencyChart)->seriesCount(), 3);
        QCOMPARE(view.lastRequest().queries.size(), 2 * 7 + 3);
        QCOMPARE(view.lastRequest().queries[0].key.shardId, kShard0);

        // Puts before enhanced monitoring leave no shard-level figures.
        put(local(), 4, u"0"_s);
        m_clock->advanceMs(1000);
        refreshAndWait(view);
        QCOMPARE(sumOf(view.chart(StreamMetricsView::IncomingRecordsChart), 0), 0.0);

        view.enableMonitoringButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!view.monitoringHintShown(), 10000);
        const auto summary =
            await(local()->describeStreamSummary(StreamTarget::byName(u"orders"_s)));
        VERIFY_OK(summary);
        QVERIFY(StreamMetricsView::missingShardLevelMetrics(summary->shardLevelMetrics).isEmpty());

        const qint64 second = m_clock->nowMs();
        put(local(), 3, u"0"_s);
        put(local(), 2, kMaxKey, 30);
        m_clock->advanceMs(1000);
        refreshAndWait(view);
        records = view.chart(StreamMetricsView::IncomingRecordsChart);
        QCOMPARE(valueAt(records, 0, second), 3.0);
        QCOMPARE(valueAt(records, 1, second), 2.0);
        TimeSeriesChart *bytes = view.chart(StreamMetricsView::IncomingBytesChart);
        QCOMPARE(valueAt(bytes, 0, second), 30.0);
        QCOMPARE(valueAt(bytes, 1, second), 60.0);
        // Far under the limit, the limit's line is left out.
        QVERIFY(records->points(2).isEmpty());
        QVERIFY(bytes->points(2).isEmpty());
        QVERIFY(!records->chart()->legend()->markers(records->lineSeries(2)).constFirst()->isVisible());

        // A split adds a shard: one more series once the catalog says so.
        const auto split = await(local()->splitShard(SplitShardRequest{
            StreamTarget::byName(u"orders"_s), kShard0,
            u"85070591730234615865843651857942052864"_s}));
        VERIFY_OK(split);
        QTRY_COMPARE(view.shards().size(), 3); // read again when the catalog changes
        QTRY_VERIFY(!view.callInFlight());
        QVERIFY(!view.shards().contains(kShard0));
        QCOMPARE(view.chart(StreamMetricsView::IncomingRecordsChart)->seriesCount(), 4);

        // A shard at 600 records in a second (over half its limit) brings the limit's line.
        // Shard 1 is the first open shard now (0 was split into 2 and 3).
        QCOMPARE(view.shards().constFirst(), kShard1);
        const qint64 busy = m_clock->nowMs();
        put(local(), 500, kMaxKey, 1);
        put(local(), 100, kMaxKey, 1);
        m_clock->advanceMs(1000);
        refreshAndWait(view);
        records = view.chart(StreamMetricsView::IncomingRecordsChart);
        QCOMPARE(records->seriesName(3), u"Limit per shard"_s);
        QCOMPARE(valueAt(records, 0, busy), 600.0);
        QCOMPARE(records->points(3).size(), 900);
        QCOMPARE(valueAt(records, 3, busy), 1000.0);
        QVERIFY(records->chart()->legend()->markers(records->lineSeries(3)).constFirst()->isVisible());
        QTRY_COMPARE(records->valueAxis()->max(), 2000.0); // the limit's line under the top edge
        QVERIFY(view.chart(StreamMetricsView::IncomingBytesChart)->points(3).isEmpty());
    }

    void readOnlyAndErrors()
    {
        ReadOnlyBackend readOnly(*local());
        StreamMetricsView view;
        view.setStream(&readOnly, u"orders"_s);
        view.setByShard(true);
        showAndRead(view, m_clock);
        QVERIFY(view.monitoringHintShown());
        QVERIFY(!view.enableMonitoringButton()->isEnabled());
        QVERIFY(view.findChild<QWidget *>(u"metricsMonitoringHint"_s)
                    ->findChildren<QLabel *>()
                    .constFirst()
                    ->text()
                    .contains(u"read-only"_s));

        // A stream that is not there: the reason in the view, the charts kept.
        QSignalSpy failed(&view, &StreamMetricsView::refreshFailed);
        view.setStream(local(), u"missing"_s);
        QVERIFY(failed.wait(10000));
        QVERIFY(view.messageLabel()->isVisible());
        QVERIFY2(view.messageLabel()->text().contains(u"missing"_s),
                 qPrintable(view.messageLabel()->text()));

        // Hidden, it does not read; shown again, it reads at once.
        view.hide();
        view.setByShard(false);
        view.setStream(local(), u"orders"_s);
        QTest::qWait(50);
        QVERIFY(!view.callInFlight());
        QSignalSpy refreshed(&view, &StreamMetricsView::refreshed);
        view.show();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(!view.messageLabel()->isVisible());
    }

    void aConnectionThatNeverAnswersDoesNotStopTheNext()
    {
        HangingBackend hanging(*local());
        StreamMetricsView view;
        view.setClock([this] { return m_clock->nowMs(); });
        view.setStream(&hanging, u"orders"_s);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(hanging.calls, 1);
        QVERIFY(view.callInFlight());
        view.refresh(); // never a second call while one is out
        QCOMPARE(hanging.calls, 1);

        // Another connection: read at once, not after the hanging call.
        QSignalSpy refreshed(&view, &StreamMetricsView::refreshed);
        view.setStream(local(), u"orders"_s);
        QVERIFY(refreshed.wait(10000));
        QVERIFY(!view.messageLabel()->isVisible());
        // The old call ends (cancelled) long after: nothing changes, reads go on.
        hanging.pending.reset();
        QTest::qWait(20);
        QVERIFY(!view.callInFlight());
        refreshAndWait(view);
        QCOMPARE(hanging.calls, 1);
    }

    void awsBackendReadsTheSameNumbers()
    {
        EmulatorServeOptions serve;
        serve.port = 0;
        serve.requireAuth = true;
        serve.accessKeys.insert(kKeys.accessKeyId, kKeys);
        const auto url = m_emulator->serve(serve);
        QVERIFY2(url, url ? "" : qPrintable(url.error()));
        AwsBackendOptions options;
        options.displayName = u"served"_s;
        options.endpoint = *url;
        options.staticCredentials = kKeys;
        options.readOnly = false;
        options.maxRetries = 0;
        options.requestTimeout = 5s;
        AwsBackend aws(options);
        QVERIFY(aws.hasMetrics());

        // Before enhanced monitoring, the banner says so, and what it costs on AWS.
        {
            StreamMetricsView before;
            before.setStream(&aws, u"orders"_s);
            before.setByShard(true);
            showAndRead(before, m_clock);
            QVERIFY(before.monitoringHintShown());
            QVERIFY(before.enableMonitoringButton()->isEnabled());
            QVERIFY(before.findChild<QWidget *>(u"metricsMonitoringHint"_s)
                        ->findChildren<QLabel *>()
                        .constFirst()
                        ->text()
                        .contains(u"CloudWatch"_s));
            QTRY_VERIFY(!before.callInFlight());
        }

        EnhancedMonitoringRequest monitoring;
        monitoring.target = StreamTarget::byName(u"orders"_s);
        monitoring.shardLevelMetrics = {u"ALL"_s};
        VERIFY_OK(await(aws.enableEnhancedMonitoring(monitoring)));
        put(&aws, 7, u"0"_s);
        m_clock->advanceMs(1000);
        put(&aws, 2, kMaxKey, 25);
        m_clock->advanceMs(kMinuteMs);

        StreamMetricsView remote;
        remote.setStream(&aws, u"orders"_s);
        QCOMPARE(remote.periodSeconds(), 60); // CloudWatch's Kinesis metrics: per minute
        remote.setByShard(true);
        showAndRead(remote, m_clock);
        QTRY_VERIFY(!remote.callInFlight());
        refreshAndWait(remote); // the first read found the shards; this one has their series
        QVERIFY(!remote.monitoringHintShown());
        QVERIFY(!remote.messageLabel()->isVisible());

        StreamMetricsView direct;
        direct.setStream(local(), u"orders"_s);
        direct.setRange(StreamMetricsView::Range::LastHour);
        direct.setByShard(true);
        showAndRead(direct, m_clock);
        QTRY_VERIFY(!direct.callInFlight());
        refreshAndWait(direct);
        QCOMPARE(direct.lastRequest().queries.size(), remote.lastRequest().queries.size());
        QCOMPARE(direct.lastRequest().endMs, remote.lastRequest().endMs);

        TimeSeriesChart *records = remote.chart(StreamMetricsView::IncomingRecordsChart);
        QCOMPARE(valueAt(records, 0, kStartMs), 7.0 / 60);
        QCOMPARE(valueAt(records, 1, kStartMs), 2.0 / 60);
        QCOMPARE(valueAt(remote.chart(StreamMetricsView::IncomingBytesChart), 1, kStartMs),
                 50.0 / 60);
        // Both views: every chart, every series, the same points where they overlap.
        for (int id = 0; id < StreamMetricsView::ChartCount; ++id) {
            const auto chartId = static_cast<StreamMetricsView::ChartId>(id);
            TimeSeriesChart *a = remote.chart(chartId);
            TimeSeriesChart *b = direct.chart(chartId);
            QCOMPARE(a->seriesCount(), b->seriesCount());
            for (int s = 0; s < a->seriesCount(); ++s) {
                QList<QPointF> tail = b->points(s);
                const QList<QPointF> remotePoints = a->points(s);
                tail = tail.mid(std::max<qsizetype>(0, tail.size() - remotePoints.size()));
                QCOMPARE(remotePoints, tail);
            }
        }
        QVERIFY(sumOf(remote.chart(StreamMetricsView::LatencyChart), 1) > 0
                || !remote.chart(StreamMetricsView::LatencyChart)->points(1).isEmpty());
    }
};

QTEST_MAIN(TestStreamMetricsView)
#include "tst_streammetricsview.moc"
