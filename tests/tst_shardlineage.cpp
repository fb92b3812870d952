// The Shards tab's lineage offscreen, in the main window over the emulator on a manual clock: a
// stream split twice and merged, then a day later (its first parent expired and no longer
// listed). Show Shard Lineage (Ctrl+Alt+V) opens it; every shard is a bar with the engine's
// times; clicking a bar selects the shard in the table and the map, selecting in the table
// highlights the bar, the expired parent is selectable though the table has no row for it, and
// double-clicking a shard shows its records in the Records tab.

#include "backend/emulatorbackend.h"
#include "connections/memorysecretstore.h"
#include "emulator/localemulator.h"
#include "engine/engine.h"
#include "kinesis/clock.h"
#include "mainwindow.h"
#include "models/modelroles.h"
#include "models/recordsmodel.h"
#include "models/shardstablemodel.h"
#include "records/recordspage.h"
#include "shardlineagewidget.h"
#include "shardmaplab.h"
#include "shardmapwidget.h"
#include "streampage.h"

#include <QAction>
#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QToolTip>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

constexpr qint64 kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
constexpr qint64 kHour = 3'600'000;

QString id(int index)
{
    return u"shardId-%1"_s.arg(index, 12, 10, QLatin1Char('0'));
}

} // namespace

class TestShardLineage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<LocalEmulator> m_emulator;
    Engine *m_engine = nullptr;
    std::unique_ptr<EmulatorBackend> m_backend;
    MemorySecretStore m_secrets;

    void put(int shard, int count)
    {
        // The explicit hash key of a shard's range start lands in it.
        ListShardsRequest request;
        request.target = StreamTarget::byName(u"orders"_s);
        const auto listed = m_engine->listShards(request);
        QVERIFY(listed.has_value());
        QString key;
        for (const Shard &s : listed->shards) {
            if (s.shardId == id(shard))
                key = s.hashKeyRange.start.toDecimal();
        }
        QVERIFY(!key.isEmpty());
        for (int i = 0; i < count; ++i) {
            QVERIFY(m_engine->putRecord(PutRecordRequest{StreamTarget::byName(u"orders"_s),
                                                         u"record %1 of %2"_s.arg(i).arg(id(shard)).toUtf8(),
                                                         u"k"_s, key, {}})
                        .has_value());
        }
    }

    std::unique_ptr<MainWindow> makeWindow()
    {
        MainWindowOptions options;
        options.localBackend = m_backend.get();
        options.emulator = m_emulator.get();
        options.settingsFile = m_dir->filePath(u"settings.ini"_s);
        options.demoEvents = false;
        options.secretStore = &m_secrets;
        auto window = std::make_unique<MainWindow>(options);
        window->resize(1200, 800);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("the main window did not become active");
        return window;
    }

    // The table's selected shard, read through its proxy.
    static QString tableSelection(StreamPage *page)
    {
        const QModelIndexList rows = page->shardsView()->selectionModel()->selectedRows();
        return rows.isEmpty() ? QString() : rows.first().data(ModelRole::ShardIdRole).toString();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_clock = std::make_shared<ManualClock>(kT0);
        EngineOptions engineOptions;
        engineOptions.databasePath = m_dir->filePath(u"streams.db"_s);
        engineOptions.createDelayMs = engineOptions.deleteDelayMs = engineOptions.updateDelayMs = 0;
        engineOptions.clock = m_clock;
        auto emulator = LocalEmulator::open(engineOptions, EmulatorBackendOptions{});
        QVERIFY2(emulator.has_value(), qPrintable(emulator ? QString() : emulator.error().message));
        m_emulator = std::move(*emulator);
        m_engine = &m_emulator->engine();
        m_backend = std::make_unique<EmulatorBackend>(*m_engine);

        // 0 and 1; at +1 h 0 splits into 2 and 3, at +2 h 1 into 4 and 5, at +3 h 3 and 4 merge
        // into 6. Then a day passes: 0 (closed 24.5 h ago) has expired, 1 (closed 23.5 h ago) not.
        QVERIFY(m_engine->createStream(CreateStreamRequest{u"orders"_s, 2, {}, {}, {}}).has_value());
        put(0, 2);
        const QList<HashKeyRange> halves = HashKeyRange::evenSplit(2);
        m_clock->advanceMs(kHour);
        QVERIFY(m_engine->splitShard(SplitShardRequest{StreamTarget::byName(u"orders"_s), id(0),
                                                       halves[0].midpoint().toDecimal()}));
        m_clock->advanceMs(kHour);
        QVERIFY(m_engine->splitShard(SplitShardRequest{StreamTarget::byName(u"orders"_s), id(1),
                                                       halves[1].midpoint().toDecimal()}));
        put(3, 1);
        m_clock->advanceMs(kHour);
        QVERIFY(m_engine->mergeShards(MergeShardsRequest{StreamTarget::byName(u"orders"_s), id(3), id(4)}));
        m_clock->advanceMs(22 * kHour + kHour / 2);
        put(6, 3);
    }

    void cleanup()
    {
        m_backend.reset();
        m_engine = nullptr;
        m_emulator.reset();
        m_clock.reset();
        delete m_dir;
        m_dir = nullptr;
    }

    void lineageSelectsEverywhere()
    {
        auto window = makeWindow();
        QVERIFY(window->selectStream(m_backend.get(), u"orders"_s));
        StreamPage *page = window->streamPage();
        ShardLineageWidget *lineage = page->lineageView();
        QVERIFY(lineage);
        lineage->setClock([clock = m_clock] { return clock->nowMs(); });

        // Show Shard Lineage, by its shortcut.
        QAction *show = window->action(u"actionShowShardLineage"_s);
        QVERIFY(show);
        QCOMPARE(show->shortcut(), QKeySequence(u"Ctrl+Alt+V"_s));
        QTRY_VERIFY(show->isEnabled());
        QTest::keyClick(window.get(), Qt::Key_V, Qt::ControlModifier | Qt::AltModifier);
        QCOMPARE(page->tabs()->currentIndex(), int(StreamPage::ShardsTab));
        QCOMPARE(page->shardViews()->currentWidget(), lineage);
        QTRY_VERIFY(lineage->isVisible());

        // Six shards listed, the expired parent 0 known through its children: seven bars.
        QTRY_COMPARE(page->shardsModel()->rowCount(), 6);
        QTRY_COMPARE(lineage->lineageLayout().shardCount(), 7);
        const ShardLineageLayout &layout = lineage->lineageLayout();
        const LineageGraph &graph = layout.lineage();
        QVERIFY(graph.hasTimes());
        QCOMPARE(layout.edges().size(), 6);
        const LineageNode &expired = graph.shards().at(graph.indexOf(id(0)));
        QVERIFY(!expired.listed);
        QVERIFY(expired.pastRetention);
        QCOMPARE(expired.closedMs, std::optional<qint64>(kT0 + kHour));
        const LineageNode &merged = graph.shards().at(graph.indexOf(id(6)));
        QCOMPARE(merged.parents, (QStringList{id(3), id(4)}));
        QCOMPARE(merged.createdMs, std::optional<qint64>(kT0 + 3 * kHour));
        QCOMPARE(merged.generation, 2);
        QTRY_COMPARE(graph.shards().at(lineage->lineageLayout().lineage().indexOf(id(6))).records,
                     std::optional<qint64>(3));
        QVERIFY(!graph.shards().at(graph.indexOf(id(1))).pastRetention);
        // The merge's child sits between its parents.
        QVERIFY(layout.rowOf(graph.indexOf(id(3))) < layout.rowOf(graph.indexOf(id(6))));
        QVERIFY(layout.rowOf(graph.indexOf(id(6))) < layout.rowOf(graph.indexOf(id(4))));

        // The tooltip has the exact times and the hash keys.
        QHelpEvent help(QEvent::ToolTip, lineage->pointOf(id(6)), lineage->mapToGlobal(lineage->pointOf(id(6))));
        QCoreApplication::sendEvent(lineage, &help);
        const QString tip = QToolTip::text();
        QVERIFY2(tip.contains(id(6)), qPrintable(tip));
        QVERIFY2(tip.contains(QLocale().toString(QDateTime::fromMSecsSinceEpoch(kT0 + 3 * kHour),
                                                 u"yyyy-MM-dd HH:mm:ss.zzz"_s)),
                 qPrintable(tip));
        QVERIFY2(tip.contains(HashKeyRange::evenSplit(4)[1].start.toDecimal()), qPrintable(tip));
        QVERIFY2(tip.contains(id(3) + u", "_s + id(4)), qPrintable(tip));
        QToolTip::hideText();

        // A click on shard 3's bar selects it in the table and the map.
        QSignalSpy selected(page, &StreamPage::selectedShardChanged);
        QTest::mouseClick(lineage, Qt::LeftButton, {}, lineage->pointOf(id(3)));
        QCOMPARE(tableSelection(page), id(3));
        QCOMPARE(page->selectedShardId(), id(3));
        QVERIFY(!selected.isEmpty());
        const ShardMapWidget *map = page->shardMapLab()->map();
        QVERIFY(map->selectedIndex() >= 0);
        QCOMPARE(map->bandLayout().shards().at(map->selectedIndex()).shardId, id(3));
        QCOMPARE(lineage->selectedShardId(), id(3));
        // Down moves to the next row: the merge of 3 and 4 sits right below 3.
        QTest::keyClick(lineage, Qt::Key_Down);
        QCOMPARE(lineage->selectedShardId(), id(6));
        QCOMPARE(tableSelection(page), id(6));

        // Selecting in the table highlights the bar.
        QTableView *table = page->shardsView();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data(ModelRole::ShardIdRole).toString() == id(5))
                table->selectRow(row);
        }
        QCOMPARE(tableSelection(page), id(5));
        QCOMPARE(lineage->selectedShardId(), id(5));

        // The expired parent has no row: selecting it clears the table's selection.
        QTest::mouseClick(lineage, Qt::LeftButton, {}, lineage->pointOf(id(0)));
        QCOMPARE(lineage->selectedShardId(), id(0));
        QCOMPARE(tableSelection(page), QString());
        QCOMPARE(page->selectedShardId(), QString());
        // Double-clicking it shows nothing: it holds no records.
        QSignalSpy activated(lineage, &ShardLineageWidget::shardActivated);
        QTest::mouseDClick(lineage, Qt::LeftButton, {}, lineage->pointOf(id(0)));
        QVERIFY(activated.isEmpty());
        QCOMPARE(page->tabs()->currentIndex(), int(StreamPage::ShardsTab));

        // Double-clicking the merged shard reads its three records in the Records tab.
        QTest::mouseDClick(lineage, Qt::LeftButton, {}, lineage->pointOf(id(6)));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(tableSelection(page), id(6));
        QCOMPARE(page->tabs()->currentIndex(), int(StreamPage::RecordsTab));
        RecordsPage *records = page->recordsPage();
        QCOMPARE(records->startPosition(), RecordsPage::TrimHorizon);
        QTRY_COMPARE(records->model()->rowCount(), 3);
        for (int row = 0; row < 3; ++row)
            QCOMPARE(records->model()->index(row, 0).data(ModelRole::ShardIdRole).toString(), id(6));

        // The map's own actions bring the map back.
        window->action(u"actionPartitionKeyCalculator"_s)->trigger();
        QCOMPARE(page->tabs()->currentIndex(), int(StreamPage::ShardsTab));
        QCOMPARE(page->shardViews()->currentWidget(), page->shardMapLab());

        // A reshard while the map shows: the hidden lineage catches up when shown again.
        const HashKeyRange merged6{HashKeyRange::evenSplit(4)[1].start, HashKeyRange::evenSplit(4)[2].end};
        QVERIFY(m_engine->splitShard(SplitShardRequest{StreamTarget::byName(u"orders"_s), id(6),
                                                       merged6.midpoint().toDecimal()}));
        QTRY_COMPARE(page->shardsModel()->rowCount(), 8);
        QCOMPARE(lineage->lineageLayout().shardCount(), 7);
        show->trigger();
        QCOMPARE(page->shardViews()->currentWidget(), lineage);
        QTRY_COMPARE(lineage->lineageLayout().shardCount(), 9);
        const LineageGraph &after = lineage->lineageLayout().lineage();
        QCOMPARE(after.shards().at(after.indexOf(id(6))).children, (QStringList{id(7), id(8)}));
        QCOMPARE(lineage->selectedShardId(), id(6)); // still the table's selection
    }
};

QTEST_MAIN(TestShardLineage)
#include "tst_shardlineage.moc"
