// Every command's shortcut works wherever focus is. For each action of the main window that has
// a shortcut (data-driven over them), focus goes to each place a user works in — the connections
// tree and its filter, the overview, the shards table, the records table and its filter, the
// inspector's views, the activity dock — and the key is pressed as a user presses it (QTest
// goes through the shortcut map, so a text field gets its ShortcutOverride first): the action
// must fire from every place.
//
// The window is set up so that every command is enabled at once: a writable AWS connection (our
// emulator served with SigV4 checks), one of its streams selected, a shard selected on the
// Shards tab, a consumer selected on the Consumers tab (so Deregister is enabled), the tail
// running and a large JSON record current in the inspector (so Show All
// and the JSON view are enabled). The actions' own slots are disconnected first: this test is
// about which key reaches which action, not about what the actions do (other tests do that).
//
// Also: no two commands or mnemonics share a key on any tab in any language, and F8 with focus
// in the tree really starts, pauses and resumes reading the selected stream.
//
// ctest runs this twice: offscreen, whose key bindings are Qt's Windows scheme, and on X11
// (xcb under Xvfb), whose text fields claim other keys than the Windows scheme's (Ctrl+E moves
// to the end of a line, Ctrl+U deletes it, Ctrl+Shift+Z redoes in both).

#include "backendtesthelpers.h"
#include "connections/connectionstore.h"
#include "consumers/consumerdashboard.h"
#include "consumers/consumerspage.h"
#include "connections/memorysecretstore.h"
#include "emulator/localemulator.h"
#include "mainwindow.h"
#include "metrics/streammetricsview.h"
#include "models/consumersmodel.h"
#include "models/recordsmodel.h"
#include "models/shardstablemodel.h"
#include "records/recordinspector.h"
#include "records/recordspage.h"
#include "records/tailreader.h"
#include "streampage.h"
#include "tst_connections_authserver.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QSettings>
#include <QShortcut>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

#include <functional>
#include <memory>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

// A place focus can be in: the tab of the stream page it is on (-1: outside the page) and how
// to find its widget.
struct FocusPlace
{
    const char *name;
    int tab;
    std::function<QWidget *(MainWindow &)> widget;
};

template<typename T> T *named(QObject *parent, const QString &name)
{
    return parent ? parent->findChild<T *>(name) : nullptr;
}

QList<FocusPlace> focusPlaces()
{
    return {
        {"connections tree", -1, [](MainWindow &w) -> QWidget * { return w.streamTreeView(); }},
        {"streams filter", -1, [](MainWindow &w) -> QWidget * { return w.streamFilter(); }},
        {"overview", StreamPage::OverviewTab,
         [](MainWindow &w) -> QWidget * {
             return named<QTreeView>(w.streamPage(), u"summaryView"_s);
         }},
        {"shards table", StreamPage::ShardsTab,
         [](MainWindow &w) -> QWidget * { return w.streamPage()->shardsView(); }},
        {"records table", StreamPage::RecordsTab,
         [](MainWindow &w) -> QWidget * { return w.streamPage()->recordsPage()->view(); }},
        {"records filter", StreamPage::RecordsTab,
         [](MainWindow &w) -> QWidget * { return w.streamPage()->recordsPage()->filterEdit(); }},
        {"inspector text", StreamPage::RecordsTab,
         [](MainWindow &w) -> QWidget * {
             auto *inspector = named<RecordInspector>(&w, u"recordInspector"_s);
             if (auto *tabs = named<QTabWidget>(inspector, u"viewTabs"_s))
                 tabs->setCurrentIndex(0);
             return named<QPlainTextEdit>(inspector, u"textView"_s);
         }},
        {"inspector JSON tree", StreamPage::RecordsTab,
         [](MainWindow &w) -> QWidget * {
             auto *inspector = named<RecordInspector>(&w, u"recordInspector"_s);
             if (auto *tabs = named<QTabWidget>(inspector, u"viewTabs"_s))
                 tabs->setCurrentIndex(1);
             return named<QTreeView>(inspector, u"jsonTree"_s);
         }},
        {"metrics range", StreamPage::MetricsTab,
         [](MainWindow &w) -> QWidget * { return w.streamPage()->metricsView()->rangeCombo(); }},
        {"consumers table", StreamPage::ConsumersTab,
         [](MainWindow &w) -> QWidget * { return w.streamPage()->consumersPage()->consumersView(); }},
        {"activity dock", -1,
         [](MainWindow &w) -> QWidget * { return named<QTableView>(&w, u"activityView"_s); }},
    };
}

QByteArray bigJson()
{
    QByteArray json = R"({"kind":"bulk","items":[)";
    for (int i = 0; i < 12000; ++i) {
        if (i > 0)
            json += ',';
        json += R"({"n":)" + QByteArray::number(i) + R"(,"label":"item number )" +
                QByteArray::number(i) + R"("})";
    }
    json += "]}";
    return json;
}

// The mnemonic a widget's text gives it, when the widget takes it (labels only with a buddy).
QKeySequence mnemonicOf(QWidget *widget)
{
    if (auto *button = qobject_cast<QAbstractButton *>(widget))
        return button->shortcut();
    if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy())
        return QKeySequence::mnemonic(label->text());
    return {};
}

} // namespace

class TestShortcuts final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void everyShortcutFiresWhereverFocusIs_data();
    void everyShortcutFiresWhereverFocusIs();
    void noTwoCommandsShareAKey_data();
    void noTwoCommandsShareAKey();
    void f8InTheTreeStartsAndPausesReading();

private:
    bool activate(QWidget *window);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalEmulator> m_emulator; // Serve on Localhost and Demo Events act on it
    Engine *m_engine = nullptr;                // the emulator's
    std::unique_ptr<EmulatorBackend> m_local;
    std::unique_ptr<AuthEmulator> m_remote;
    MemorySecretStore m_secrets;
    std::unique_ptr<MainWindow> m_window;
    QList<QAction *> m_actions; // every action of the window with a shortcut
};

bool TestShortcuts::activate(QWidget *window)
{
    for (QWidget *top : QApplication::topLevelWidgets()) {
        // Dialogs and popups an earlier key opened; other main windows stay.
        if (top != window && top->isVisible() && !qobject_cast<MainWindow *>(top))
            top->close();
    }
    window->show();
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

void TestShortcuts::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    EngineOptions engineOptions;
    engineOptions.databasePath = m_dir->filePath(u"streams.db"_s);
    engineOptions.createDelayMs = engineOptions.deleteDelayMs = engineOptions.updateDelayMs = 0;
    auto emulator = LocalEmulator::open(engineOptions, EmulatorBackendOptions{});
    QVERIFY2(emulator.has_value(), qPrintable(emulator ? QString() : emulator.error().message));
    m_emulator = std::move(*emulator);
    m_engine = &m_emulator->engine();
    m_local = std::make_unique<EmulatorBackend>(*m_engine);
    QVERIFY(m_engine->createStream(CreateStreamRequest{u"orders"_s, 2, {}, {}, {}}).has_value());

    // The AWS side: a stream with small records and one large JSON record.
    m_remote = std::make_unique<AuthEmulator>();
    QVERIFY(m_remote->isRunning());
    QVERIFY(m_remote->engine()
                .createStream(CreateStreamRequest{u"remote"_s, 2, {}, {}, {}})
                .has_value());
    // On-demand, so that Warm Throughput is enabled too (it is an on-demand stream's setting).
    QVERIFY(m_remote->engine()
                .updateStreamMode(UpdateStreamModeRequest{m_remote->engine().streamArn(u"remote"_s),
                                                          StreamMode::OnDemand})
                .has_value());
    PutRecordsRequest put{StreamTarget::byName(u"remote"_s), {}};
    for (int i = 0; i < 5; ++i)
        put.records.append(
            {QByteArray(R"({"n":)" + QByteArray::number(i) + "}"), u"k%1"_s.arg(i), {}});
    put.records.append({bigJson(), u"big"_s, {}});
    QVERIFY(m_remote->engine().putRecords(put).has_value());
    QVERIFY(m_remote->engine()
                .registerStreamConsumer(RegisterStreamConsumerRequest{
                    m_remote->engine().streamArn(u"remote"_s), u"reader"_s, {}})
                .has_value());

    const QString settingsFile = m_dir->filePath(u"settings.ini"_s);
    QString id;
    {
        QSettings settings(settingsFile, QSettings::IniFormat);
        ConnectionStore store(&settings, &m_secrets);
        SavedConnection saved;
        saved.displayName = u"Staging"_s;
        saved.kind = ConnectionKind::AccessKeys;
        saved.accessKeyId = QString::fromLatin1(AuthEmulator::kAccessKeyId);
        saved.region = u"us-east-1"_s;
        saved.endpoint = m_remote->url();
        saved.readOnly = false;
        id = store.add(saved);
        store.markUsed(id); // so the Recent Connections menu has it, with its Ctrl+Alt+1
        QVERIFY(await(m_secrets.write(id, {QString::fromLatin1(AuthEmulator::kSecret), {}}))
                    .has_value());
    }

    MainWindowOptions options;
    options.localBackend = m_local.get();
    options.emulator = m_emulator.get(); // Serve on Localhost and Demo Events are enabled
    options.settingsFile = settingsFile;
    options.demoEvents = true; // Demo Events is enabled (there is no demo stream to fill)
    options.secretStore = &m_secrets;
    m_window = std::make_unique<MainWindow>(options);
    m_window->resize(1280, 900);
    QVERIFY(activate(m_window.get()));
    MainWindow &window = *m_window;

    QTRY_VERIFY(window.savedConnectionBackend(id));
    StreamBackend *aws = window.savedConnectionBackend(id);
    QVERIFY(!aws->isReadOnly());
    QTRY_VERIFY(window.selectStream(aws, u"remote"_s));

    // A shard selected on the Shards tab: Split and Merge are enabled.
    StreamPage *page = window.streamPage();
    page->tabs()->setCurrentIndex(StreamPage::ShardsTab);
    QTRY_COMPARE(page->shardsModel()->rowCount(), 2);
    page->shardsView()->selectRow(0);
    QTRY_VERIFY(!page->selectedShardId().isEmpty());

    // A consumer selected on the Consumers tab: Deregister is enabled.
    ConsumersPage *consumers = page->consumersPage();
    page->tabs()->setCurrentIndex(StreamPage::ConsumersTab);
    QTRY_COMPARE(consumers->consumersModel()->rowCount(), 1);
    consumers->consumersView()->selectRow(0);
    QVERIFY(!consumers->selectedConsumerArn().isEmpty());
    // The consumer dashboard's commands exclude each other (Run while no group runs, Stop and
    // the worker faults while one does): no state enables them all, so they are enabled by hand.
    // Which key reaches which action is all this test is about.
    for (QAction *action : consumers->dashboard()->commandActions())
        action->setEnabled(true);

    // Reading, with the large record current: Stop, Show All and the JSON view are enabled.
    RecordsPage *records = page->recordsPage();
    page->tabs()->setCurrentIndex(StreamPage::RecordsTab);
    QCOMPARE(records->tail()->state(), TailReader::State::Stopped); // on AWS only Start reads
    records->setStartPosition(RecordsPage::TrimHorizon);
    QVERIFY(records->start());
    QTRY_COMPARE_WITH_TIMEOUT(records->model()->rowCount(), 6, 10000);
    int bigRow = -1;
    for (int row = 0; row < records->model()->rowCount(); ++row) {
        if (records->model()->record(row).partitionKey == u"big"_s)
            bigRow = row;
    }
    QVERIFY(bigRow >= 0);
    records->view()->setCurrentIndex(records->model()->index(bigRow, 0));
    auto *inspector = named<RecordInspector>(&window, u"recordInspector"_s);
    QVERIFY(inspector);
    QTRY_VERIFY(inspector->isCollapsed());

    // Every command with a shortcut, enabled.
    QStringList disabled;
    for (QAction *action : window.actions()) {
        if (action->shortcuts().isEmpty())
            continue;
        m_actions.append(action);
        if (!action->isEnabled())
            disabled.append(action->objectName());
    }
    QVERIFY2(m_actions.size() >= 40,
             qPrintable(u"only %1 actions with shortcuts"_s.arg(m_actions.size())));
    QVERIFY2(disabled.isEmpty(), qPrintable(u"disabled: "_s + disabled.join(u", "_s)));
    // Every action with a shortcut anywhere in the window is one of the window's actions, so
    // none is left to a widget's focus.
    for (QAction *action : window.findChildren<QAction *>()) {
        if (!action->shortcuts().isEmpty())
            QVERIFY2(m_actions.contains(action),
                     qPrintable(action->objectName() + u" is not bound window-wide"_s));
    }
    QVERIFY2(window.findChildren<QShortcut *>().isEmpty(),
             "a QShortcut that this test does not cover");

    for (QAction *action : std::as_const(m_actions)) {
        QVERIFY2(action->shortcutContext() == Qt::WindowShortcut, qPrintable(action->objectName()));
        disconnect(action, &QAction::triggered, nullptr, nullptr);
        disconnect(action, &QAction::toggled, nullptr, nullptr);
    }
}

void TestShortcuts::cleanupTestCase()
{
    m_window.reset();
    m_remote.reset();
    m_local.reset();
    m_engine = nullptr;
    m_emulator.reset();
    m_dir.reset();
}

void TestShortcuts::everyShortcutFiresWhereverFocusIs_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QKeySequence>("key");
    for (QAction *action : std::as_const(m_actions)) {
        for (const QKeySequence &key : action->shortcuts())
            QTest::newRow(qPrintable(action->objectName() + u' ' + key.toString()))
                << action->objectName() << key;
    }
}

void TestShortcuts::everyShortcutFiresWhereverFocusIs()
{
    QFETCH(QString, action);
    QFETCH(QKeySequence, key);
    MainWindow &window = *m_window;
    QAction *command = window.action(action);
    QVERIFY(command);
    QSignalSpy fired(command, &QAction::triggered);
    for (const FocusPlace &place : focusPlaces()) {
        QVERIFY(activate(&window));
        if (place.tab >= 0)
            window.streamPage()->tabs()->setCurrentIndex(place.tab);
        QWidget *widget = place.widget(window);
        QVERIFY2(widget, place.name);
        widget->setFocus(Qt::OtherFocusReason);
        QTRY_VERIFY2(widget->hasFocus(), place.name);
        const qsizetype before = fired.size();
        QTest::keySequence(QApplication::focusWidget(), key);
        QVERIFY2(fired.size() == before + 1,
                 qPrintable(u"%1 (%2) did not fire with focus in the %3"_s.arg(
                     action, key.toString(), QString::fromLatin1(place.name))));
    }
}

void TestShortcuts::noTwoCommandsShareAKey_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("tab");
    for (const QString &language : {u"en"_s, u"de"_s, u"fr"_s}) {
        QTest::newRow(qPrintable(language + u" overview"_s))
            << language << int(StreamPage::OverviewTab);
        QTest::newRow(qPrintable(language + u" shards"_s))
            << language << int(StreamPage::ShardsTab);
        QTest::newRow(qPrintable(language + u" records"_s))
            << language << int(StreamPage::RecordsTab);
        QTest::newRow(qPrintable(language + u" metrics"_s))
            << language << int(StreamPage::MetricsTab);
        QTest::newRow(qPrintable(language + u" consumers"_s))
            << language << int(StreamPage::ConsumersTab);
    }
}

// Two things on one key make Qt fire neither ("ambiguous shortcut"): the window's commands, the
// menu titles, the tab titles and the mnemonics of the visible buttons and labels, in every
// language the app ships (a translation chooses its own mnemonics).
void TestShortcuts::noTwoCommandsShareAKey()
{
    QFETCH(QString, language);
    QFETCH(int, tab);
    QTranslator translator;
    if (language != u"en"_s) {
        QVERIFY(translator.load(QLocale(language), u"shardscope"_s, u"_"_s,
                                QString::fromUtf8(SHARDSCOPE_QM_DIR)));
        QCoreApplication::installTranslator(&translator);
    }
    const auto removeTranslator =
        qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindowOptions options;
    options.localBackend = m_local.get();
    options.settingsFile = dir.filePath(u"settings.ini"_s);
    options.demoEvents = false;
    options.secretStore = &m_secrets;
    MainWindow window(options);
    window.resize(1280, 900);
    QVERIFY(activate(&window));
    QTRY_VERIFY(window.selectStream(m_local.get(), u"orders"_s));
    window.streamPage()->tabs()->setCurrentIndex(tab);
    QTRY_VERIFY(window.streamPage()->tabs()->currentWidget()->isVisible());

    QMultiHash<QKeySequence, QString> owners;
    for (QAction *action : window.actions()) {
        for (const QKeySequence &key : action->shortcuts())
            owners.insert(key, action->objectName());
    }
    for (QAction *menu : window.menuBar()->actions())
        owners.insert(QKeySequence::mnemonic(menu->text()), u"menu "_s + menu->text());
    for (QTabBar *bar : window.findChildren<QTabBar *>()) {
        if (!bar->isVisible())
            continue;
        for (int i = 0; i < bar->count(); ++i) {
            if (bar->isTabEnabled(i))
                owners.insert(QKeySequence::mnemonic(bar->tabText(i)), u"tab "_s + bar->tabText(i));
        }
    }
    for (QWidget *widget : window.findChildren<QWidget *>()) {
        if (!widget->isVisible() || !widget->isEnabled())
            continue;
        const QKeySequence key = mnemonicOf(widget);
        if (!key.isEmpty())
            owners.insert(key, QString::fromLatin1(widget->metaObject()->className()) + u' ' +
                                   (qobject_cast<QLabel *>(widget)
                                        ? qobject_cast<QLabel *>(widget)->text()
                                        : widget->objectName()));
    }
    QVERIFY2(owners.size() >= 45, qPrintable(u"only %1 keys found"_s.arg(owners.size())));
    QStringList clashes;
    for (const QKeySequence &key : owners.uniqueKeys()) {
        if (key.isEmpty())
            continue;
        const QStringList who = owners.values(key);
        if (who.size() > 1)
            clashes.append(key.toString() + u": "_s + who.join(u", "_s));
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u"; "_s)));
    QVERIFY(activate(m_window.get()));
}

// The bug this file was written for: F8 did nothing while focus was in the connections tree.
void TestShortcuts::f8InTheTreeStartsAndPausesReading()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindowOptions options;
    options.localBackend = m_local.get();
    options.settingsFile = dir.filePath(u"settings.ini"_s);
    options.demoEvents = false;
    options.secretStore = &m_secrets;
    MainWindow window(options);
    window.resize(1100, 700);
    QVERIFY(activate(&window));
    QTRY_VERIFY(window.selectStream(m_local.get(), u"orders"_s));
    StreamPage *page = window.streamPage();
    page->tabs()->setCurrentIndex(StreamPage::OverviewTab);
    TailReader *tail = page->recordsPage()->tail();
    QCOMPARE(tail->state(), TailReader::State::Stopped); // the Records tab was never shown

    window.streamTreeView()->setFocus();
    QTRY_VERIFY(window.streamTreeView()->hasFocus());
    QTest::keyClick(window.streamTreeView(), Qt::Key_F8);
    QCOMPARE(tail->state(), TailReader::State::Running);
    QCOMPARE(tail->streamName(), u"orders"_s);
    // The Records tab comes forward, so what F8 did is seen.
    QCOMPARE(page->tabs()->currentIndex(), int(StreamPage::RecordsTab));
    // A record put now shows up.
    QVERIFY(m_engine
                ->putRecord(
                    PutRecordRequest{StreamTarget::byName(u"orders"_s), "after F8", u"k"_s, {}, {}})
                .has_value());
    QTRY_COMPARE(page->recordsPage()->model()->rowCount(), 1);

    window.streamTreeView()->setFocus();
    QTest::keyClick(window.streamTreeView(), Qt::Key_F8);
    QCOMPARE(tail->state(), TailReader::State::Paused);
    QTest::keyClick(window.streamTreeView(), Qt::Key_F8);
    QCOMPARE(tail->state(), TailReader::State::Running);
    QTest::keyClick(window.streamTreeView(), Qt::Key_F8, Qt::ShiftModifier);
    QCOMPARE(tail->state(), TailReader::State::Stopped);

    // The records filter from elsewhere: its tab comes forward and the filter takes the focus.
    page->tabs()->setCurrentIndex(StreamPage::OverviewTab);
    window.streamTreeView()->setFocus();
    QTRY_VERIFY(window.streamTreeView()->hasFocus());
    QTest::keyClick(window.streamTreeView(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(page->tabs()->currentIndex(), int(StreamPage::RecordsTab));
    QTRY_VERIFY(page->recordsPage()->filterEdit()->hasFocus());
    QVERIFY(activate(m_window.get()));
}

QTEST_MAIN(TestShortcuts)
#include "tst_shortcuts.moc"
