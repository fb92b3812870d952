// The live charts offscreen: points appended and read back from the QtCharts series, the sliding
// window, a chart set up in one go, replots coalesced to one per 40 ms tick, no replot while hidden and a catch-up when
// shown, decimation keeping spikes, exact CSV, PNG export, hover texts, the palette's theme, and
// the per-shard bar chart against the write limits.

#include "charts/chartexport.h"
#include "charts/shardbarchart.h"
#include "charts/timeserieschart.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QValueAxis>
#include <QImage>
#include <QLineSeries>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shardscope;
using namespace std::chrono_literals;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000; // 2023-11-14T22:13:20.000Z

QList<QPointF> secondsSeries(int count, double scale)
{
    QList<QPointF> points;
    for (int i = 0; i < count; ++i)
        points.append(QPointF(static_cast<double>(kT0 + i * 1000), i * scale));
    return points;
}

// The view position of a data point of `series`.
QPoint viewPositionOf(TimeSeriesChart &chart, int series, const QPointF &value)
{
    QLineSeries *line = chart.lineSeries(series);
    const QPointF inChart = chart.chart()->mapToPosition(value, line);
    return chart.view()->mapFromScene(chart.chart()->mapToScene(inChart));
}

} // namespace

class TestCharts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void appendedPointsReachTheSeries()
    {
        TimeSeriesChart chart;
        const int sent = chart.addSeries(u"sent"_s);
        const int acked = chart.addSeries(u"acknowledged"_s);
        chart.resize(640, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        for (const QPointF &p : secondsSeries(10, 10))
            chart.append(sent, static_cast<qint64>(p.x()), p.y());
        for (const QPointF &p : secondsSeries(5, 3))
            chart.append(acked, static_cast<qint64>(p.x()), p.y());
        QTRY_COMPARE(chart.replotCount(), 1);
        QCOMPARE(chart.seriesCount(), 2);
        QCOMPARE(chart.lineSeries(sent)->name(), u"sent"_s);
        QVERIFY(chart.chart()->series().contains(chart.lineSeries(acked)));
        QCOMPARE(chart.plottedPoints(sent), secondsSeries(10, 10));
        QCOMPARE(chart.plottedPoints(acked), secondsSeries(5, 3));
        QLineSeries *line = chart.lineSeries(sent);
        QCOMPARE(line->count(), 10);
        QCOMPARE(line->at(9).y(), 90.0);

        // The same time again replaces the value; an older time is put in its place.
        chart.append(acked, kT0 + 2000, 99);
        chart.append(acked, kT0 + 2500, 7);
        QTRY_COMPARE(chart.replotCount(), 2);
        const QList<QPointF> plotted = chart.plottedPoints(acked);
        QCOMPARE(plotted.size(), 6);
        QCOMPARE(plotted[2], QPointF(static_cast<double>(kT0 + 2000), 99));
        QCOMPARE(plotted[3], QPointF(static_cast<double>(kT0 + 2500), 7));
    }

    // A chart of zeros keeps the axis at 0..1; its labels still get a decimal (0.0, 0.2, … 1.0),
    // not the unit's whole numbers (0, 0, 0, 1, 1, 1).
    void aChartOfZerosLabelsItsAxisWithDecimals()
    {
        TimeSeriesChart chart;
        chart.setUnit(u"records/s"_s, 0);
        const int series = chart.addSeries(u"idle"_s);
        chart.resize(640, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        for (const QPointF &p : secondsSeries(10, 0))
            chart.append(series, static_cast<qint64>(p.x()), 0);
        QTRY_COMPARE(chart.replotCount(), 1);
        QCOMPARE(chart.valueAxis()->max(), 1.0);
        QCOMPARE(chart.valueAxis()->labelFormat(), u"%.1f"_s);
        chart.append(series, kT0 + 10000, 250);
        QTRY_COMPARE(chart.replotCount(), 2);
        QCOMPARE(chart.valueAxis()->labelFormat(), u"%.0f"_s);
        QCOMPARE(chart.valueAxis()->max(), 250.0);
        // With headroom a value on a round number stays off the top edge.
        chart.setHeadroom(1.1);
        QTRY_COMPARE(chart.replotCount(), 3);
        QCOMPARE(chart.valueAxis()->max(), 500.0);
    }

    void aSetupIsTheSettersInOneGo()
    {
        QWidget page;
        auto *chart = new TimeSeriesChart({.objectName = u"lagChart"_s, .title = u"Time behind"_s,
                                           .unit = u"s"_s, .decimals = 2, .window = 15min,
                                           .exportName = u"lag"_s}, &page);
        QCOMPARE(chart->parent(), &page);
        QCOMPARE(page.findChild<TimeSeriesChart *>(u"lagChart"_s), chart);
        QCOMPARE(chart->chart()->title(), u"Time behind"_s);
        QCOMPARE(chart->valueAxis()->titleText(), u"s"_s);
        QCOMPARE(chart->valueAxis()->labelFormat(), u"%.2f"_s);
        QCOMPARE(chart->window(), std::chrono::milliseconds(15min));
        QCOMPARE(chart->seriesCount(), 0);
    }

    // A chart read over a fixed range shows all of it, however few points it has.
    void aRangeEndShowsTheWholeWindow()
    {
        TimeSeriesChart chart;
        chart.setWindow(60s);
        const int series = chart.addSeries(u"lag"_s);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.append(series, kT0, 5);
        chart.append(series, kT0 + 1000, 7);
        QTRY_VERIFY(chart.replotCount() >= 1);
        QTRY_COMPARE(chart.timeAxis()->min().toMSecsSinceEpoch(), kT0 + 1000 - 10000); // 10 s at least
        chart.setRangeEnd(kT0 + 30000);
        QTRY_COMPARE(chart.timeAxis()->max().toMSecsSinceEpoch(), kT0 + 30000);
        QCOMPARE(chart.timeAxis()->min().toMSecsSinceEpoch(), kT0 + 30000 - 60000);
        QCOMPARE(chart.points(series).size(), 2);
    }

    void theWindowSlides()
    {
        TimeSeriesChart chart;
        chart.setWindow(10s);
        const int a = chart.addSeries(u"a"_s);
        const int b = chart.addSeries(u"b"_s);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const int before = chart.replotCount();
        for (int i = 0; i <= 5; ++i)
            chart.append(b, kT0 + i * 1000, i);
        for (int i = 0; i <= 30; ++i)
            chart.append(a, kT0 + i * 1000, i);
        // Kept: 20 s to 30 s, both ends included; b's points are all older than that.
        QCOMPARE(chart.points(a).size(), 11);
        QCOMPARE(chart.points(a).first().x(), static_cast<double>(kT0 + 20000));
        QCOMPARE(chart.points(b).size(), 0);
        QTRY_COMPARE(chart.replotCount(), before + 1);
        QCOMPARE(chart.plottedPoints(a), chart.points(a));
        QVERIFY(chart.plottedPoints(b).isEmpty());
        // The time axis follows the newest point.
        QCOMPARE(chart.timeAxis()->max().toMSecsSinceEpoch(), kT0 + 30000);
        QCOMPARE(chart.timeAxis()->min().toMSecsSinceEpoch(), kT0 + 20000);
        // The value axis reaches over the largest value (30) to a round number.
        QCOMPARE(chart.valueAxis()->max(), 50.0);
        QCOMPARE(chart.valueAxis()->min(), 0.0);
        // Each series is drawn on the same range (its own hidden axes).
        const auto ownAxes = chart.lineSeries(a)->attachedAxes();
        QCOMPARE(ownAxes.size(), 2);
        QCOMPARE(qobject_cast<QValueAxis *>(ownAxes[0])->max(), double(kT0 + 30000));
        QCOMPARE(qobject_cast<QValueAxis *>(ownAxes[1])->max(), 50.0);
    }

    void appendsAreCoalescedIntoOneReplotPerTick()
    {
        TimeSeriesChart chart;
        chart.setWindow(3600s);
        const int s = chart.addSeries(u"s"_s);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QSignalSpy replots(&chart, &TimeSeriesChart::replotted);
        for (int i = 0; i < 1000; ++i)
            chart.append(s, kT0 + i * 1000, i);
        QCOMPARE(replots.size(), 0);
        QVERIFY(chart.replotPending());
        QVERIFY(chart.plottedPoints(s).isEmpty());
        QTRY_COMPARE(replots.size(), 1);
        QCOMPARE(chart.points(s).size(), 1000);
        QTest::qWait(3 * TimeSeriesChart::kReplotInterval.count());
        QCOMPARE(replots.size(), 1); // nothing new, nothing drawn
        QVERIFY(!chart.replotPending());

        // Three bursts, each 60 ms apart: three replots.
        for (int burst = 0; burst < 3; ++burst) {
            for (int i = 0; i < 100; ++i)
                chart.append(s, kT0 + (1000 + burst * 100 + i) * 1000, i);
            QTRY_COMPARE(replots.size(), 2 + burst);
            QTest::qWait(60);
        }
        QCOMPARE(replots.size(), 4);
    }

    void hiddenChartsDoNotReplotAndCatchUpWhenShown()
    {
        TimeSeriesChart chart;
        const int s = chart.addSeries(u"s"_s);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.append(s, kT0, 1);
        QTRY_COMPARE(chart.replotCount(), 1);
        chart.hide();
        for (int i = 1; i < 50; ++i)
            chart.append(s, kT0 + i * 1000, i);
        QVERIFY(!chart.replotPending());
        QTest::qWait(3 * TimeSeriesChart::kReplotInterval.count());
        QCOMPARE(chart.replotCount(), 1);
        QCOMPARE(chart.plottedPoints(s).size(), 1);
        chart.show();
        QCOMPARE(chart.replotCount(), 2); // at once, in the show event
        QCOMPARE(chart.plottedPoints(s), chart.points(s));
        QCOMPARE(chart.plottedPoints(s).size(), 50);
    }

    void longSeriesAreDecimatedKeepingTheirSpikes()
    {
        TimeSeriesChart chart;
        chart.setWindow(3600s);
        const int s = chart.addSeries(u"s"_s);
        chart.resize(640, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const int before = chart.replotCount();
        int columns = 0; // the plot's width when the points were replaced
        connect(&chart, &TimeSeriesChart::replotted, &chart, [&] {
            columns = std::max(100, static_cast<int>(chart.chart()->plotArea().width()));
        });
        for (int i = 0; i < 3600; ++i)
            chart.append(s, kT0 + i * 1000, i == 1234 ? 5000 : (i % 7));
        QTRY_COMPARE(chart.replotCount(), before + 1);
        const QList<QPointF> plotted = chart.plottedPoints(s);
        QVERIFY2(plotted.size() <= 2 * (columns + 1), qPrintable(QString::number(plotted.size()) + u" "_s + QString::number(columns)));
        QVERIFY(plotted.size() >= columns);
        QVERIFY(plotted.contains(QPointF(static_cast<double>(kT0 + 1234000), 5000)));
        QVERIFY(std::is_sorted(plotted.cbegin(), plotted.cend(),
                               [](QPointF l, QPointF r) { return l.x() < r.x(); }));
        QCOMPARE(chart.points(s).size(), 3600); // the data itself is whole
    }

    void manySeriesAreReplottedInSlices()
    {
        TimeSeriesChart chart;
        chart.setWindow(900s);
        chart.resize(1280, 800);
        for (int s = 0; s < 64; ++s)
            chart.addSeries(u"series %1"_s.arg(s));
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const int before = chart.replotCount();
        for (int i = 0; i < 900; ++i)
            for (int s = 0; s < 64; ++s)
                chart.append(s, kT0 + i * 1000, (i * 37 + s * 11) % 1000);
        // Every series is drawn in the end, over as many ticks as it takes, each on the range
        // of the newest point.
        QTRY_VERIFY_WITH_TIMEOUT(!chart.replotPending(), 20000);
        QVERIFY(chart.replotCount() > before);
        // 64 series share 16,000 points: min and max of 125 columns each.
        for (int s = 0; s < 64; ++s) {
            const QList<QPointF> plotted = chart.plottedPoints(s);
            const QList<QPointF> kept = chart.points(s);
            QVERIFY(plotted.size() >= 125 && plotted.size() <= 2 * (125 + 1));
            for (const QPointF &point : plotted)
                QVERIFY(kept.contains(point));
            const auto axes = chart.lineSeries(s)->attachedAxes();
            QCOMPARE(qobject_cast<QValueAxis *>(axes[0])->max(), double(kT0 + 899000));
            QCOMPARE(qobject_cast<QValueAxis *>(axes[1])->max(), 1000.0);
        }
    }

    void csvHoldsEveryTimeAndSeries()
    {
        TimeSeriesChart chart;
        const int a = chart.addSeries(u"sent"_s);
        const int b = chart.addSeries(u"acknowledged, \"ok\""_s);
        chart.append(a, kT0, 10);
        chart.append(a, kT0 + 1000, 12.5);
        chart.append(b, kT0 + 1000, 3);
        chart.append(b, kT0 + 2000, 1048576);
        QCOMPARE(chart.csv(), QByteArray("time,sent,\"acknowledged, \"\"ok\"\"\"\r\n"
                                         "2023-11-14T22:13:20.000Z,10,\r\n"
                                         "2023-11-14T22:13:21.000Z,12.5,3\r\n"
                                         "2023-11-14T22:13:22.000Z,,1048576\r\n"));

        QTemporaryDir dir;
        const QString path = dir.filePath(u"chart.csv"_s);
        QVERIFY(ChartExport::saveCsv(chart.csv(), path).has_value());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), chart.csv());
        QVERIFY(!ChartExport::saveCsv(chart.csv(), dir.filePath(u"no/such/dir/x.csv"_s)));
    }

    void pngExportIsTheWidget()
    {
        TimeSeriesChart chart;
        const int s = chart.addSeries(u"s"_s);
        chart.resize(640, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        for (int i = 0; i < 60; ++i)
            chart.append(s, kT0 + i * 1000, i % 10);
        QTRY_COMPARE(chart.replotCount(), 1);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"chart.png"_s);
        QVERIFY(ChartExport::savePng(&chart, path).has_value());
        QVERIFY(QFileInfo(path).size() > 0);
        QImage image(path);
        QVERIFY(!image.isNull());
        const qreal ratio = chart.devicePixelRatioF();
        QCOMPARE(image.size(), QSize(qRound(640 * ratio), qRound(400 * ratio)));
        // Something is drawn: more than the background's colour.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 3);
    }

    void hoverShowsTheNearestPoint()
    {
        TimeSeriesChart chart;
        chart.setUnit(u"records/s"_s);
        const int low = chart.addSeries(u"acknowledged"_s);
        const int high = chart.addSeries(u"sent"_s);
        chart.resize(800, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        for (int i = 0; i < 60; ++i) {
            chart.append(low, kT0 + i * 1000, 100);
            chart.append(high, kT0 + i * 1000, i == 30 ? 1234 : 900);
        }
        QTRY_COMPARE(chart.replotCount(), 1);
        const QPointF spike(static_cast<double>(kT0 + 30000), 1234);
        const QString time =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(kT0 + 30000),
                               u"yyyy-MM-dd HH:mm:ss"_s);
        const QPoint at = viewPositionOf(chart, high, spike);
        QCOMPARE(chart.hoverTextAt(at), u"sent: 1,234 records/s\n"_s + time);
        QCOMPARE(chart.hoverTextAt(at + QPoint(3, 4)), u"sent: 1,234 records/s\n"_s + time);
        const QPoint lowAt = viewPositionOf(chart, low, QPointF(static_cast<double>(kT0 + 30000), 100));
        QCOMPARE(chart.hoverTextAt(lowAt), u"acknowledged: 100 records/s\n"_s + time);
        // Far from any point: nothing.
        QCOMPARE(chart.hoverTextAt(QPoint(lowAt.x(), (at.y() + lowAt.y()) / 2)), QString());
        QCOMPARE(chart.hoverTextAt(QPoint(1, 1)), QString());
    }

    void thePaletteChoosesTheTheme()
    {
        TimeSeriesChart chart;
        chart.addSeries(u"s"_s, QColor(Qt::red));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::WindowText, Qt::white);
        chart.setPalette(dark);
        QCOMPARE(chart.chart()->theme(), QChart::ChartThemeDark);
        QCOMPARE(chart.chart()->backgroundBrush().color(), QColor(30, 30, 30));
        // The caller's colour survives the theme change.
        QCOMPARE(chart.lineSeries(0)->color(),
                 QColor(Qt::red));
        QPalette light;
        light.setColor(QPalette::Window, QColor(240, 240, 240));
        chart.setPalette(light);
        QCOMPARE(chart.chart()->theme(), QChart::ChartThemeLight);
    }

    void shardBarsStandOutOverTheLimit()
    {
        ShardBarChart bars;
        bars.resize(640, 400);
        const QList<ShardRate> rates{
            {u"shardId-000000000000"_s, 100, 100 * 1024.0},
            {u"shardId-000000000001"_s, 200, 2 * 1048576.0},
            {u"shardId-000000000002"_s, 1500, 1500 * 100.0},
            {u"shardId-000000000003"_s, 1000, 1048576.0},
        };
        bars.setRates(rates); // hidden: drawn when shown
        QCOMPARE(bars.withinLimitValues(), QList<double>());
        bars.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bars));
        QCOMPARE(bars.categories(), (QStringList{u"0"_s, u"1"_s, u"2"_s, u"3"_s}));
        QCOMPARE(bars.limit(), 1000.0);
        // At 95 % of the limit or more a shard is hot (shard 3 is exactly at it).
        QCOMPARE(bars.withinLimitValues(), (QList<double>{100, 200, 0, 0}));
        QCOMPARE(bars.overLimitValues(), (QList<double>{0, 0, 1500, 1000}));
        QCOMPARE(bars.limitLine(), (QList<QPointF>{{-0.5, 1000}, {3.5, 1000}}));
        QCOMPARE(bars.hoverText(2), u"shardId-000000000002\n1,500 records/s (150 % of the "
                                    u"limit)\n150,000 bytes/s (14 % of the limit)"_s);
        QCOMPARE(bars.hoverText(4), QString());

        auto *box = bars.findChild<QComboBox *>();
        QVERIFY(box);
        box->setCurrentIndex(1);
        Q_EMIT box->activated(1);
        QCOMPARE(bars.measure(), ShardBarChart::Measure::Bytes);
        QCOMPARE(bars.limit(), 1024.0);
        QCOMPARE(bars.withinLimitValues(), (QList<double>{100, 0, 146.484375, 0}));
        QCOMPARE(bars.overLimitValues(), (QList<double>{0, 2048, 0, 1024}));
        QCOMPARE(bars.limitLine(), (QList<QPointF>{{-0.5, 1024}, {3.5, 1024}}));
        bars.setRates({{u"shardId-000000000000"_s, 949, 972.0 * 1024}}); // 94.9 % and 94.9 %
        QCOMPARE(bars.withinLimitValues(), (QList<double>{972}));
        bars.setMeasure(ShardBarChart::Measure::Records);
        QCOMPARE(bars.withinLimitValues(), (QList<double>{949}));
        bars.setRates({{u"shardId-000000000000"_s, 950, 0}});
        QCOMPARE(bars.overLimitValues(), (QList<double>{950}));

        bars.setRates(rates);
        QCOMPARE(bars.csv(), QByteArray("shard,records_per_second,bytes_per_second\r\n"
                                        "shardId-000000000000,100,102400\r\n"
                                        "shardId-000000000001,200,2097152\r\n"
                                        "shardId-000000000002,1500,150000\r\n"
                                        "shardId-000000000003,1000,1048576\r\n"));
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
