// The shards' use on the stream page, offscreen: after a burst of puts the Shards tab's Write use
// column shows it, drawn by UsageBarDelegate as a green bar that turns red when the shard is
// throttled; the use is polled only while its table (or the Overview) is on screen; the
// delegate's palette-aware colours along the use.

#include "backend/emulatorbackend.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "models/modelroles.h"
#include "models/shardstablemodel.h"
#include "models/streamsummarymodel.h"
#include "streampage.h"
#include "usagebardelegate.h"

#include <QHeaderView>
#include <QImage>
#include <QLocale>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

// How many pixels of the band just inside the top of the bar's track look like `colour` (each
// channel of the pixel on the same side of the background's as the colour is).
int pixelsLike(const QImage &image, const QRect &band, const QColor &colour, const QColor &background)
{
    int like = 0;
    for (int x = band.left(); x <= band.right(); ++x) {
        const QColor pixel = image.pixelColor(x, band.top());
        const auto towards = [](int p, int c, int b) { return c == b || (p - b) * (c - b) > 0; };
        if (pixel != background && towards(pixel.red(), colour.red(), background.red()) &&
            towards(pixel.green(), colour.green(), background.green()) &&
            towards(pixel.blue(), colour.blue(), background.blue()))
            ++like;
    }
    return like;
}

} // namespace

class TestUsageBar final : public QObject
{
    Q_OBJECT

private slots:
    void shardsTableShowsUseAfterBurst()
    {
        QTemporaryDir dir;
        auto clock = std::make_shared<ManualClock>(1'700'000'000'000);
        EngineOptions options;
        options.databasePath = dir.filePath(u"e.db"_s);
        options.clock = clock;
        options.createDelayMs = 0;
        auto engine = Engine::open(options);
        QVERIFY(engine);
        QVERIFY((*engine)->createStream(CreateStreamRequest{u"s"_s, 2, {}, {}, {}}).has_value());
        EmulatorBackend backend(**engine);

        StreamPage page({}, {});
        page.resize(1400, 600);
        page.setStream(&backend, u"s"_s);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // The Overview is shown: its use is polled, the table's is not.
        QCOMPARE(page.tabs()->currentIndex(), int(StreamPage::OverviewTab));
        QVERIFY(page.summaryModel()->isPollingUsage());
        QVERIFY(!page.shardsModel()->isPollingUsage());
        page.tabs()->setCurrentIndex(StreamPage::ShardsTab);
        QVERIFY(page.shardsModel()->isPollingUsage());
        QVERIFY(!page.summaryModel()->isPollingUsage());

        QTableView *view = page.shardsView();
        QVERIFY(qobject_cast<UsageBarDelegate *>(
            view->itemDelegateForColumn(ShardsTableModel::WriteUseColumn)));
        QVERIFY(qobject_cast<UsageBarDelegate *>(
            view->itemDelegateForColumn(ShardsTableModel::ReadUseColumn)));
        QCOMPARE(view->horizontalHeader()->visualIndex(ShardsTableModel::WriteUseColumn), 2);
        QTRY_COMPARE(view->model()->rowCount(), 2);

        // A burst of 400 puts to shard 0: 40 % of its records limit.
        PutRecordsRequest batch;
        batch.target = StreamTarget::byName(u"s"_s);
        for (int i = 0; i < 400; ++i)
            batch.records.append(PutRecordsRequestEntry{"0123456789"_ba, u"k"_s, u"0"_s});
        QCOMPARE((*engine)->putRecords(batch)->failedRecordCount, 0);
        const QModelIndex write0 = view->model()->index(0, ShardsTableModel::WriteUseColumn);
        QTRY_COMPARE(write0.data().toString(), u"40 % · 400 rec/s"_s);
        QCOMPARE(write0.data(ModelRole::UseFractionRole).toDouble(), 0.4);

        // The bar: green over the first 40 % of the cell, the background after it.
        view->setColumnWidth(ShardsTableModel::WriteUseColumn, 300);
        QRect cell = view->visualRect(write0);
        QImage image = view->viewport()->grab().toImage();
        const qreal scale = image.devicePixelRatio();
        const auto band = [&](double from, double to) {
            const QRect track = cell.adjusted(2, 3, -2, -3);
            const int left = track.left() + int(track.width() * from);
            const int right = track.left() + int(track.width() * to);
            return QRect(QPoint(int(left * scale), int((track.top() + 1) * scale)),
                         QPoint(int(right * scale), int((track.top() + 1) * scale)));
        };
        const QColor background = image.pixelColor(band(0.9, 0.95).topLeft());
        const QColor green = UsageBarDelegate::barColour(0.4, false, view->palette());
        const QRect inside = band(0.05, 0.35);
        QVERIFY2(pixelsLike(image, inside, green, background) >= inside.width() * 9 / 10,
                 qPrintable(image.pixelColor(inside.topLeft()).name()));
        QCOMPARE(pixelsLike(image, band(0.5, 0.85), green, background), 0);

        // Over the limit and throttled: a red bar across the cell.
        for (int i = 0; i < 2; ++i)
            (*engine)->putRecords(batch);
        QTRY_VERIFY(write0.data(ModelRole::UseThrottledRole).toBool());
        QCOMPARE(write0.data().toString(), u"100 % · %1 rec/s"_s.arg(QLocale().toString(1000)));
        QVERIFY(write0.data(Qt::ToolTipRole).toString().contains(u"Throttled writes: 200 rec/s"_s));
        QTest::qWait(50);
        cell = view->visualRect(write0);
        image = view->viewport()->grab().toImage();
        const QColor red = UsageBarDelegate::barColour(1.0, true, view->palette());
        const QRect across = band(0.05, 0.95);
        QVERIFY(pixelsLike(image, across, red, background) >= across.width() * 9 / 10);

        // Not on screen: not polled.
        page.tabs()->setCurrentIndex(StreamPage::RecordsTab);
        QVERIFY(!page.shardsModel()->isPollingUsage());
        QVERIFY(!page.summaryModel()->isPollingUsage());
        page.tabs()->setCurrentIndex(StreamPage::OverviewTab);
        QVERIFY(page.summaryModel()->isPollingUsage());
        page.hide();
        QVERIFY(!page.summaryModel()->isPollingUsage());
        QVERIFY(!page.shardsModel()->isPollingUsage());
    }

    void coloursFollowUseAndPalette()
    {
        QPalette light;
        light.setColor(QPalette::Window, Qt::white);
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        for (const double use : {0.0, 0.8, 1.0}) {
            const QColor onLight = UsageBarDelegate::barColour(use, false, light);
            const QColor onDark = UsageBarDelegate::barColour(use, false, dark);
            QVERIFY(onLight != onDark);
            QVERIFY(onDark.lightness() > onLight.lightness()); // lighter tones on dark windows
        }
        const QColor comfortable = UsageBarDelegate::barColour(0.3, false, light);
        const QColor atLimit = UsageBarDelegate::barColour(1.0, false, light);
        QVERIFY(comfortable.green() > comfortable.red());
        QVERIFY(atLimit.red() > atLimit.green());
        // Throttled reads as at the limit, whatever the share.
        QCOMPARE(UsageBarDelegate::barColour(0.1, true, light), atLimit);
    }
};

QTEST_MAIN(TestUsageBar)
#include "tst_usagebar.moc"
