#include "mainwindow.h"

#include "backend/awsbackend.h"
#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "commandpalette.h"
#include "connections/connectionstore.h"
#include "connections/keychainsecretstore.h"
#include "consumers/consumerspage.h"
#include "demo/demotrickle.h"
#include "models/activitymodel.h"
#include "models/modelroles.h"
#include "models/shardstablemodel.h"
#include "models/streamsummarymodel.h"
#include "models/streamtreemodel.h"
#include "settingsdialog.h"
#include "records/exportdialog.h"
#include "records/importdialog.h"
#include "records/putrecorddialog.h"
#include "records/recordinspector.h"
#include "records/recordspage.h"
#include "records/replaydialog.h"
#include "shardmaplab.h"
#include "streampage.h"
#include "theme/theme.h"
#include "theme/themeicons.h"
#include "uilog.h"
#include "producers/producerspage.h"

#include "dialogs/accountsettingsdialog.h"
#include "dialogs/addconnectiondialog.h"
#include "dialogs/createstreamdialog.h"
#include "dialogs/inlineerrorlabel.h"
#include "dialogs/deletestreamdialog.h"
#include "dialogs/encryptiondialog.h"
#include "dialogs/enhancedmonitoringdialog.h"
#include "dialogs/resourcepolicydialog.h"
#include "dialogs/retentiondialog.h"
#include "dialogs/streamsettingsdialogs.h"
#include "dialogs/tagsdialog.h"
#include "dialogs/warmthroughputdialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

// An AWS backend whose endpoint is Amazon's own, not a local stand-in.
bool isLiveAws(const QString &location)
{
    const QString host = QUrl(location).host().toLower();
    return host.endsWith(u".amazonaws.com"_s) || host.endsWith(u".amazonaws.com.cn"_s);
}

QString connectionBadge(bool live, bool readOnly)
{
    if (live)
        return readOnly ? MainWindow::tr("live AWS · read-only") : MainWindow::tr("live AWS · writable");
    return readOnly ? MainWindow::tr("AWS API · read-only") : MainWindow::tr("AWS API");
}

// The connection banner in a tint of its tone (the "tone" property, a Theme::Status).
void tintBanner(QLabel *banner, const QPalette &palette)
{
    const auto tone = Theme::Status(banner->property("tone").toInt());
    Theme::setStyleSheet(banner, u"QLabel#liveBanner { background: %1; color: %2; border-bottom: 1px solid %3; }"_s
                                     .arg(Theme::noticeBackground(tone, palette).name(),
                                          Theme::noticeText(palette).name(), Theme::status(tone, palette).name()));
}

// The tree's icons, drawn in the theme's colours for the application palette: a cloud for AWS
// (amber when it is live AWS, blue for other Kinesis endpoints), a screen for the local
// emulator, waves for a stream (with a clock while it is creating, updating or deleting) and a
// box for a shard, open or closed.
QIcon navigationIcon(const QModelIndex &source)
{
    const QPalette palette = QApplication::palette();
    const auto tone = [&palette](Theme::Status status) { return Theme::status(status, palette); };
    const bool failed = !source.data(ModelRole::ErrorRole).toString().isEmpty();
    switch (NodeKind(source.data(ModelRole::NodeKindRole).toInt())) {
    case NodeKind::Connection:
        if (BackendKind(source.data(ModelRole::ConnectionKindRole).toInt()) == BackendKind::Aws) {
            const bool live = isLiveAws(source.data(Qt::ToolTipRole).toString());
            return ThemeIcons::icon(u"connection-aws"_s,
                                    tone(failed ? Theme::Status::Error
                                                : live ? Theme::Status::Warning : Theme::Status::Progress));
        }
        return ThemeIcons::icon(u"connection-local"_s, tone(failed ? Theme::Status::Error : Theme::Status::Ok));
    case NodeKind::Stream: {
        const auto status = StreamStatus(source.data(ModelRole::StreamStatusRole).toInt());
        if (failed)
            return ThemeIcons::icon(u"stream"_s, tone(Theme::Status::Error));
        return ThemeIcons::icon(status == StreamStatus::Active ? u"stream"_s : u"stream-busy"_s,
                                tone(Theme::of(status)));
    }
    case NodeKind::Shard:
        if (ShardState(source.data(ModelRole::ShardStateRole).toInt()) == ShardState::Closed)
            return ThemeIcons::icon(u"shard-closed"_s, tone(Theme::Status::Neutral));
        return ThemeIcons::icon(u"shard-open"_s, palette.color(QPalette::Text));
    }
    return {};
}

// The navigation tree through a filter: a stream (or shard) matches on its name, and a match
// keeps its ancestors. Colours and icons for the semantic roles are added here, in ui/.
class NavigationProxy final : public QSortFilterProxyModel
{
public:
    explicit NavigationProxy(QObject *parent) : QSortFilterProxyModel(parent)
    {
        setRecursiveFilteringEnabled(true);
        setFilterCaseSensitivity(Qt::CaseInsensitive);
        setFilterRole(ModelRole::NameRole);
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        const QModelIndex source = mapToSource(index);
        if (role == Qt::ForegroundRole) {
            if (!source.data(ModelRole::ErrorRole).toString().isEmpty())
                return Theme::status(Theme::Status::Error, QApplication::palette());
            if (NodeKind(source.data(ModelRole::NodeKindRole).toInt()) == NodeKind::Shard &&
                ShardState(source.data(ModelRole::ShardStateRole).toInt()) == ShardState::Closed)
                return QApplication::palette().color(QPalette::PlaceholderText);
            if (NodeKind(source.data(ModelRole::NodeKindRole).toInt()) == NodeKind::Stream &&
                StreamStatus(source.data(ModelRole::StreamStatusRole).toInt()) != StreamStatus::Active)
                return Theme::status(Theme::of(StreamStatus(source.data(ModelRole::StreamStatusRole).toInt())),
                                     QApplication::palette());
        }
        if (role == Qt::DecorationRole)
            return navigationIcon(source);
        if (NodeKind(source.data(ModelRole::NodeKindRole).toInt()) == NodeKind::Connection &&
            BackendKind(source.data(ModelRole::ConnectionKindRole).toInt()) == BackendKind::Aws) {
            const bool live = isLiveAws(source.data(Qt::ToolTipRole).toString());
            const bool readOnly = source.data(ModelRole::ReadOnlyRole).toBool();
            if (role == Qt::DisplayRole)
                return MainWindow::tr("%1 · %2").arg(source.data(ModelRole::NameRole).toString(),
                                                     connectionBadge(live, readOnly));
            if (role == Qt::ToolTipRole)
                return MainWindow::tr("%1\n%2").arg(source.data(Qt::ToolTipRole).toString(),
                                                    connectionBadge(live, readOnly));
        }
        if (role == Qt::ToolTipRole && NodeKind(source.data(ModelRole::NodeKindRole).toInt()) == NodeKind::Stream) {
            const QString error = source.data(ModelRole::ErrorRole).toString();
            return error.isEmpty()
                       ? QVariant(MainWindow::tr("%1 — %2, %3")
                                      .arg(source.data(ModelRole::NameRole).toString(),
                                           toWire(StreamStatus(source.data(ModelRole::StreamStatusRole).toInt())),
                                           toWire(StreamMode(source.data(ModelRole::StreamModeRole).toInt()))))
                       : QVariant(error);
        }
        return QSortFilterProxyModel::data(index, role);
    }
};

// Failed calls in the activity table read red.
class ActivityColours final : public QIdentityProxyModel
{
public:
    explicit ActivityColours(QObject *parent) : QIdentityProxyModel(parent) {}

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole) {
            if (index.data(ActivityModel::FailedRole).toBool())
                return Theme::status(Theme::Status::Error, QApplication::palette());
            if (index.data(ActivityModel::PendingRole).toBool())
                return QApplication::palette().color(QPalette::PlaceholderText);
        }
        return QIdentityProxyModel::data(index, role);
    }
};

QString withoutAmpersands(QString text)
{
    text.remove(QRegularExpression(u"&(?!&)"_s));
    return text;
}

} // namespace

MainWindow::MainWindow(MainWindowOptions options, QWidget *parent)
    : QMainWindow(parent),
      m_options(std::move(options)),
      m_settings(m_options.settingsFile.isEmpty()
                     ? std::make_unique<QSettings>()
                     : std::make_unique<QSettings>(m_options.settingsFile, QSettings::IniFormat)),
      m_tree(new StreamTreeModel(this)),
      m_treeProxy(new NavigationProxy(this)),
      m_activity(new ActivityModel(5000, this))
{
    if (!m_options.localBackend && m_options.emulator)
        m_options.localBackend = m_options.emulator->backend();
    Q_ASSERT(m_options.localBackend);
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Shardscope"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_secrets = m_options.secretStore ? m_options.secretStore : new KeychainSecretStore(this);
    m_connections = new ConnectionStore(m_settings.get(), m_secrets, this);

    createActions();

    m_page = new StreamPage({m_retention, m_encryption, m_tags, m_streamMode, m_maxRecordSize,
                             m_enhancedMonitoring, m_warmThroughput, m_resourcePolicy, m_deleteStream},
                            {m_split, m_merge}, this);
    m_page->setObjectName(u"streamPage"_s);
    m_page->recordsPage()->setSettings(m_settings.get());
    // The inspector sits under the records table and shows the current row.
    m_inspector = new RecordInspector(this);
    m_inspector->setObjectName(u"recordInspector"_s);
    m_page->recordsPage()->setInspector(m_inspector);
    connect(m_page->recordsPage(), &RecordsPage::currentRecordChanged, m_inspector, &RecordInspector::setRecord);
    QToolBar *recordsBar = m_page->recordsPage()->toolBar();
    recordsBar->addSeparator();
    recordsBar->addActions({m_putRecord, m_replayRecords, m_exportRecords, m_importRecords});
    // The local emulator's streams start being read when their Records tab is first shown.
    m_page->recordsPage()->setReadsWhenShown(true);
    bindRecordCommands();
    bindConsumerCommands();
    auto *welcome = new QLabel(this);
    welcome->setObjectName(u"welcome"_s);
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setWordWrap(true);
    welcome->setTextFormat(Qt::RichText);
    welcome->setText(tr("<h2>Shardscope</h2><p>Select a stream on the left to see its settings and shards.</p>"
                        "<p><b>%1</b> creates a stream · <b>%2</b> lists every command · "
                        "<b>%3</b> serves the emulator to your SDKs and the AWS CLI</p>")
                         .arg(m_newStream->shortcut().toString(QKeySequence::NativeText),
                              m_palettAction->shortcut().toString(QKeySequence::NativeText),
                              m_serve->shortcut().toString(QKeySequence::NativeText)));
    m_center = new QStackedWidget(this);
    m_center->addWidget(welcome);
    // A stream on an AWS connection gets a coloured banner over its page.
    auto *pageFrame = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(pageFrame);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);
    m_liveBanner = new QLabel(pageFrame);
    m_liveBanner->setObjectName(u"liveBanner"_s);
    m_liveBanner->setTextFormat(Qt::PlainText);
    m_liveBanner->setContentsMargins(10, 5, 10, 5);
    // Tinted with the tone updateConnectionMarks() keeps in the "tone" property.
    Theme::follow(m_liveBanner, [this](const QPalette &palette) { tintBanner(m_liveBanner, palette); });
    m_liveBanner->hide();
    pageLayout->addWidget(m_liveBanner);
    pageLayout->addWidget(m_page, 1);
    m_center->addWidget(pageFrame);
    // The Producers page: its generators keep running while a stream's page is shown.
    m_producersPage = new ProducersPage(this);
    m_center->addWidget(m_producersPage);
    setCentralWidget(m_center);
    connect(m_page, &StreamPage::selectedShardChanged, this, &MainWindow::updateActions);
    // Warm throughput follows the stream's capacity mode.
    connect(m_page->summaryModel(), &StreamSummaryModel::summaryChanged, this, &MainWindow::updateActions);
    connect(m_page->tabs(), &QTabWidget::currentChanged, this, &MainWindow::updateActions);
    connect(m_page->tabs(), &QTabWidget::currentChanged, this, [this](int tab) {
        if (!currentStream().isEmpty())
            m_settings->setValue(u"window/lastTab"_s, tab);
    });

    createDocks();
    createMenus();
    createStatusBar();

    m_palette = new CommandPalette(this);
    QList<CommandPalette::Entry> entries;
    for (QAction *menuAction : menuBar()->actions()) {
        if (!menuAction->menu())
            continue;
        const QString menuName = withoutAmpersands(menuAction->text());
        for (QAction *item : menuAction->menu()->actions()) {
            if (item->isSeparator() || item->menu() || item == m_palettAction)
                continue;
            entries.append({item, menuName + u" › "_s + withoutAmpersands(item->text())});
        }
    }
    m_palette->setEntries(entries);

    m_showReads->setChecked(m_settings->value(u"activity/showRecordReads"_s, false).toBool());
    m_tree->addConnection(m_options.localBackend);
    m_activity->watch(m_options.localBackend);
    restoreConnections();
    connect(m_connections, &ConnectionStore::changed, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    connect(m_tree, &StreamTreeModel::streamsRefreshed, this, &MainWindow::restoreSelection);
    connect(m_tree, &StreamTreeModel::streamsRefreshed, this, [this](StreamBackend *backend) {
        // A first run without a demo stream (deleted before): nothing more to wait for.
        if (!m_firstRunSelection || backend != m_options.localBackend)
            return;
        m_firstRunSelection = false;
        if (m_pendingSelection == u"local/"_s + DemoTrickle::defaultStreamName()) {
            m_pendingSelection.clear();
            m_pendingTab = -1;
        }
    });
    connect(m_tree, &QAbstractItemModel::rowsRemoved, this, &MainWindow::onCurrentChanged);

    m_serve->setEnabled(m_options.emulator != nullptr);

    // Persisted state.
    resize(1280, 860);
    restoreGeometry(m_settings->value(u"window/geometry"_s).toByteArray());
    restoreState(m_settings->value(u"window/state"_s).toByteArray());
    m_pendingSelection = m_settings->value(u"window/lastStream"_s).toString();
    if (!m_pendingSelection.isEmpty())
        m_pendingTab = m_settings->value(u"window/lastTab"_s, -1).toInt(); // where the user left it
    if (!m_settings->contains(u"window/lastStream"_s)) {
        // First run: the demo stream's records coming in, not an empty page beside it.
        m_pendingSelection = u"local/"_s + DemoTrickle::defaultStreamName();
        m_pendingTab = StreamPage::RecordsTab;
        m_firstRunSelection = true;
    }

    if (m_options.demoEvents && m_options.emulator) {
        m_demo = m_options.emulator->demoTrickle();
        connect(m_demo, &DemoTrickle::stateChanged, this, &MainWindow::updateDemoLabel);
        const bool on = m_settings->value(u"demo/events"_s, true).toBool();
        m_demoEvents->setChecked(on);
    } else {
        m_demoEvents->setEnabled(false);
        m_demoEvents->setStatusTip(tr("Demo events are off for this session."));
    }
    if (m_options.emulator) {
        QSignalBlocker blocker(m_throughputLimits);
        m_throughputLimits->setChecked(m_options.emulator->throughputLimitsEnabled());
    } else {
        m_throughputLimits->setEnabled(false);
        m_throughputLimits->setStatusTip(tr("There is no local emulator in this session."));
    }
    updateDemoLabel();
    m_tree->refreshAll();
    updateActions();
}

MainWindow::~MainWindow()
{
    for (AwsBackend *backend : std::as_const(m_awsBackends)) {
        m_tree->removeConnection(backend);
        m_activity->unwatch(backend);
    }
    // What this window started ends with it; the emulator itself lives on.
    if (m_demo) {
        disconnect(m_demo, nullptr, this, nullptr);
        m_demo->stop();
    }
    if (m_options.emulator && m_serve->isChecked())
        m_options.emulator->stopServing();
}

QAction *MainWindow::action(const QString &objectName) const
{
    for (QAction *a : actions()) {
        if (a->objectName() == objectName)
            return a;
    }
    return nullptr;
}

void MainWindow::bindRecordCommands()
{
    // The Records tab's and the inspector's commands work wherever focus is, like the window's
    // own (F8 from the connections tree starts reading): bound window-wide, and each brings the
    // Records tab forward so its effect is seen.
    m_recordCommands = m_page->recordsPage()->commandActions();
    m_inspectorCommands = m_inspector->inspectorActions();
    for (QAction *a : m_recordCommands + m_inspectorCommands) {
        a->setShortcutContext(Qt::WindowShortcut);
        addAction(a);
        connect(a, &QAction::triggered, this, [this] {
            if (!currentStream().isEmpty())
                m_page->tabs()->setCurrentIndex(StreamPage::RecordsTab);
        });
    }
}

void MainWindow::bindConsumerCommands()
{
    // Register and Deregister work wherever focus is too, and bring the Consumers tab forward.
    m_consumerCommands = m_page->consumersPage()->commandActions();
    for (QAction *a : std::as_const(m_consumerCommands)) {
        a->setShortcutContext(Qt::WindowShortcut);
        addAction(a);
        connect(a, &QAction::triggered, this, [this] {
            if (!currentStream().isEmpty())
                m_page->tabs()->setCurrentIndex(StreamPage::ConsumersTab);
        });
    }
}

void MainWindow::createActions()
{
    const auto make = [this](const QString &name, const QString &text, const QKeySequence &shortcut,
                             const QString &tip) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(shortcut);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        addAction(a); // shortcuts work even while the menu bar is hidden
        return a;
    };
    m_newStream = make(u"actionNewStream"_s, tr("&New Stream…"), QKeySequence::New,
                       tr("Create a stream with a shard count or on-demand capacity"));
    m_deleteStream = make(u"actionDeleteStream"_s, tr("&Delete Stream…"), QKeySequence(tr("Ctrl+Shift+Del")),
                          tr("Delete the selected stream after typing its name"));
    m_retention = make(u"actionRetention"_s, tr("&Retention Period…"), QKeySequence(tr("Ctrl+Shift+R")),
                       tr("How long the selected stream keeps records (24 hours to 365 days)"));
    m_encryption = make(u"actionEncryption"_s, tr("&Encryption…"), QKeySequence(tr("Ctrl+Shift+E")),
                        tr("Start or stop server-side encryption with a KMS key"));
    m_tags = make(u"actionTags"_s, tr("&Tags…"), QKeySequence(tr("Ctrl+Shift+T")),
                  tr("Add, change and remove the selected stream's tags"));
    m_streamMode = make(u"actionStreamMode"_s, tr("Capacity &Mode…"), QKeySequence(tr("Ctrl+Shift+M")),
                        tr("Switch between provisioned and on-demand capacity"));
    m_maxRecordSize = make(u"actionMaxRecordSize"_s, tr("Maximum Record &Size…"),
                           QKeySequence(tr("Ctrl+Shift+B")),
                           tr("The largest record the stream accepts (1 to 10 MiB)"));
    m_enhancedMonitoring = make(u"actionEnhancedMonitoring"_s, tr("E&nhanced Monitoring…"),
                                QKeySequence(tr("Ctrl+Alt+M")),
                                tr("Choose the shard-level metrics the selected stream publishes"));
    m_warmThroughput = make(u"actionWarmThroughput"_s, tr("&Warm Throughput…"), QKeySequence(tr("Ctrl+Alt+W")),
                            tr("Keep an on-demand stream scaled for a write throughput ahead of traffic"));
    m_resourcePolicy = make(u"actionResourcePolicy"_s, tr("Resource Pol&icy…"), QKeySequence(tr("Ctrl+Alt+P")),
                            tr("Edit the JSON policy that lets other accounts and roles use the selected stream"));
    m_accountSettings = make(u"actionAccountSettings"_s, tr("Acco&unt Settings…"), QKeySequence(tr("Ctrl+Alt+A")),
                             tr("The selected connection's minimum throughput billing commitment for "
                                "on-demand streams"));
    m_split = make(u"actionSplitShard"_s, tr("S&plit Shard in Half"), QKeySequence(tr("Ctrl+Shift+P")),
                   tr("Split the selected open shard at the middle of its hash-key range"));
    m_merge = make(u"actionMergeShards"_s, tr("Mer&ge with Next Shard"), QKeySequence(tr("Ctrl+Shift+G")),
                   tr("Merge the selected open shard with the open shard whose hash keys follow it"));
    m_previewSplit = make(u"actionPreviewSplit"_s, tr("Sp&lit Shard at a Point…"), QKeySequence(tr("Ctrl+Alt+B")),
                          tr("Preview a split of the selected shard on the Shards tab: drag the split point or type a key"));
    m_previewMerge = make(u"actionPreviewMerge"_s, tr("Merge Ad&jacent Shards…"), QKeySequence(tr("Ctrl+Alt+F")),
                          tr("Preview merging the selected shard with a neighbour picked by Shift+click on the band"));
    m_previewScale = make(u"actionPreviewScale"_s, tr("Update Shard C&ount…"), QKeySequence(tr("Ctrl+Alt+Q")),
                          tr("Preview UpdateShardCount's uniform layout and limits for a target shard count"));
    m_calculator = make(u"actionPartitionKeyCalculator"_s, tr("Partition-&Key Calculator"), QKeySequence(tr("Ctrl+Alt+H")),
                        tr("Type a partition key to see its hash key and the shard it lands on"));
    m_showLineage = make(u"actionShowShardLineage"_s, tr("Show Shard &Lineage"), QKeySequence(tr("Ctrl+Alt+V")),
                         tr("Every shard the stream has had, on a timeline from creation to close"));
    m_refresh = make(u"actionRefresh"_s, tr("Re&fresh"), QKeySequence::Refresh,
                     tr("List streams and shards again"));
    m_serve = make(u"actionServe"_s, tr("&Serve on Localhost"), QKeySequence(tr("Ctrl+Shift+S")),
                   tr("Serve the local emulator with the Kinesis wire protocol on 127.0.0.1:4567"));
    m_serve->setCheckable(true);
    m_demoEvents = make(u"actionDemoEvents"_s, tr("&Demo Events"), QKeySequence(tr("Ctrl+Shift+D")),
                        tr("Trickle sample web-shop events into the demo stream"));
    m_demoEvents->setCheckable(true);
    m_throughputLimits = make(u"actionThroughputLimits"_s, tr("Enforce &Throughput Limits"),
                              QKeySequence(tr("Ctrl+Alt+L")),
                              tr("Throttle the local emulator's shards as Kinesis does: writes of 1 MiB/s or "
                                 "1,000 records/s, reads of 2 MiB/s or 5 calls/s per shard"));
    m_throughputLimits->setCheckable(true);
    m_palettAction = make(u"actionCommandPalette"_s, tr("&Command Palette…"), QKeySequence(tr("Ctrl+K")),
                          tr("Find and run any command by name"));
    m_focusFilter = make(u"actionFilterStreams"_s, tr("&Filter Streams"), QKeySequence::Find,
                         tr("Type to filter the streams tree"));
    m_overviewTab = make(u"actionOverviewTab"_s, tr("&Overview Tab"), QKeySequence(tr("Ctrl+1")),
                         tr("Show the selected stream's settings and totals"));
    m_shardsTab = make(u"actionShardsTab"_s, tr("S&hards Tab"), QKeySequence(tr("Ctrl+2")),
                       tr("Show the selected stream's shard map and shards"));
    m_recordsTab = make(u"actionRecordsTab"_s, tr("&Records Tab"), QKeySequence(tr("Ctrl+3")),
                        tr("Read the selected stream's records live and filter them"));
    m_metricsTab = make(u"actionMetricsTab"_s, tr("&Metrics Tab"), QKeySequence(tr("Ctrl+4")),
                        tr("Chart the selected stream's metrics over the last 15 minutes, hour or day"));
    m_consumersTab = make(u"actionConsumersTab"_s, tr("Cons&umers Tab"), QKeySequence(tr("Ctrl+5")),
                          tr("Show the selected stream's enhanced fan-out consumers and their live "
                             "subscriptions"));
    m_putRecord = make(u"actionPutRecord"_s, tr("&Put Records…"), QKeySequence(tr("Ctrl+Shift+U")),
                       tr("Put one record, a repeated template or a JSON Lines / CSV batch into the stream"));
    m_replayRecords = make(u"actionReplayRecords"_s, tr("Re&play Records…"), QKeySequence(tr("Ctrl+Shift+Y")),
                           tr("Put the selected records, the filter's matches or a time range into a stream "
                              "of any connection"));
    m_exportRecords = make(u"actionExportRecords"_s, tr("E&xport Records…"), QKeySequence(tr("Ctrl+Shift+X")),
                           tr("Write the selected records, the filter's matches or a time range to JSON Lines "
                              "or CSV"));
    m_importRecords = make(u"actionImportRecords"_s, tr("&Import Records…"), QKeySequence(tr("Ctrl+Shift+I")),
                           tr("Put the records of a JSON Lines file into the stream"));
    m_showReads = make(u"actionShowRecordReads"_s, tr("Show Record &Reads in Activity"),
                       QKeySequence(tr("Ctrl+Alt+R")),
                       tr("Also list successful GetRecords, GetShardIterator and shard statistics calls "
                          "(failed ones always show)"));
    m_showReads->setCheckable(true);
    m_clearActivity = make(u"actionClearActivity"_s, tr("C&lear Activity"), QKeySequence(tr("Ctrl+Shift+L")),
                           tr("Empty the activity list"));
    m_settingsAction = make(u"actionSettings"_s, tr("Se&ttings…"), QKeySequence(tr("Ctrl+,")),
                            tr("Language and demo events"));
    m_producers = make(u"actionProducers"_s, tr("P&roducers"), QKeySequence(tr("Ctrl+Shift+O")),
                       tr("Generate load into any stream and watch what is sent, acknowledged and "
                          "throttled, per second and per shard"));
    connect(m_producers, &QAction::triggered, this, &MainWindow::showProducers);
    m_quit = make(u"actionQuit"_s, tr("&Quit"), QKeySequence(tr("Ctrl+Q")), tr("Close Shardscope"));
    m_about = make(u"actionAbout"_s, tr("&About Shardscope"), QKeySequence(tr("F1")),
                   tr("Version and licence"));
    m_addConnection = make(u"actionAddAwsConnection"_s, tr("Add &AWS Connection…"), QKeySequence(tr("Ctrl+Shift+N")),
                           tr("Connect to Kinesis in AWS with a profile or access keys, or to another endpoint"));
    m_editConnection = make(u"actionEditConnection"_s, tr("&Edit Connection…"), QKeySequence(tr("Ctrl+Alt+E")),
                            tr("Change the selected AWS connection's credentials, region or endpoint"));
    m_removeConnection = make(u"actionRemoveConnection"_s, tr("Remo&ve Connection…"), QKeySequence(tr("Ctrl+Alt+X")),
                              tr("Forget the selected AWS connection and delete its secret from the keychain"));
    m_connectionReadOnly = make(u"actionConnectionReadOnly"_s, tr("&Read-only Connection"), QKeySequence(tr("Ctrl+Alt+O")),
                                tr("Refuse every change on the selected AWS connection"));
    m_connectionReadOnly->setCheckable(true);
    connect(m_addConnection, &QAction::triggered, this, &MainWindow::addAwsConnection);
    connect(m_editConnection, &QAction::triggered, this, &MainWindow::editConnection);
    connect(m_removeConnection, &QAction::triggered, this, &MainWindow::removeConnection);
    connect(m_connectionReadOnly, &QAction::triggered, this, &MainWindow::setConnectionReadOnly);
    m_streamActions = {m_deleteStream, m_retention, m_encryption, m_tags, m_streamMode, m_maxRecordSize,
                       m_enhancedMonitoring, m_warmThroughput, m_resourcePolicy, m_split, m_merge, m_previewSplit, m_previewMerge, m_previewScale, m_calculator, m_showLineage, m_overviewTab, m_shardsTab, m_recordsTab, m_metricsTab, m_consumersTab, m_putRecord,
                       m_replayRecords, m_exportRecords, m_importRecords};
    connect(m_putRecord, &QAction::triggered, this, &MainWindow::putRecord);
    connect(m_replayRecords, &QAction::triggered, this, &MainWindow::replayRecords);
    connect(m_exportRecords, &QAction::triggered, this, &MainWindow::exportRecords);
    connect(m_importRecords, &QAction::triggered, this, &MainWindow::importRecords);

    connect(m_newStream, &QAction::triggered, this, &MainWindow::newStream);
    connect(m_deleteStream, &QAction::triggered, this, &MainWindow::openStreamDialog<DeleteStreamDialog>);
    connect(m_retention, &QAction::triggered, this, &MainWindow::openStreamDialog<RetentionDialog>);
    connect(m_encryption, &QAction::triggered, this, &MainWindow::openStreamDialog<EncryptionDialog>);
    connect(m_tags, &QAction::triggered, this, &MainWindow::openStreamDialog<TagsDialog>);
    connect(m_streamMode, &QAction::triggered, this, &MainWindow::openStreamDialog<StreamModeDialog>);
    connect(m_maxRecordSize, &QAction::triggered, this, &MainWindow::openStreamDialog<MaxRecordSizeDialog>);
    connect(m_enhancedMonitoring, &QAction::triggered, this,
            &MainWindow::openStreamDialog<EnhancedMonitoringDialog>);
    connect(m_warmThroughput, &QAction::triggered, this, &MainWindow::openStreamDialog<WarmThroughputDialog>);
    connect(m_resourcePolicy, &QAction::triggered, this, &MainWindow::openStreamDialog<ResourcePolicyDialog>);
    connect(m_accountSettings, &QAction::triggered, this, &MainWindow::openAccountSettings);
    connect(m_split, &QAction::triggered, this, &MainWindow::splitShard);
    connect(m_merge, &QAction::triggered, this, &MainWindow::mergeShards);
    const auto inLab = [this](void (ShardMapLab::*slot)()) {
        return [this, slot] {
            m_page->tabs()->setCurrentIndex(StreamPage::ShardsTab);
            m_page->showShardView(StreamPage::MapView);
            (m_page->shardMapLab()->*slot)();
        };
    };
    connect(m_previewSplit, &QAction::triggered, this, inLab(&ShardMapLab::previewSplit));
    connect(m_previewMerge, &QAction::triggered, this, inLab(&ShardMapLab::previewMerge));
    connect(m_previewScale, &QAction::triggered, this, inLab(&ShardMapLab::previewScale));
    connect(m_calculator, &QAction::triggered, this, inLab(&ShardMapLab::focusCalculator));
    connect(m_showLineage, &QAction::triggered, this, [this] {
        m_page->tabs()->setCurrentIndex(StreamPage::ShardsTab);
        m_page->showShardView(StreamPage::LineageView);
    });
    connect(m_refresh, &QAction::triggered, this, [this] {
        m_tree->refreshAll();
        m_page->refresh();
    });
    connect(m_serve, &QAction::toggled, this, &MainWindow::setServing);
    connect(m_demoEvents, &QAction::toggled, this, &MainWindow::setDemoEvents);
    connect(m_throughputLimits, &QAction::toggled, this, [this](bool on) {
        if (m_options.emulator)
            m_options.emulator->setThroughputLimitsEnabled(on);
    });
    connect(m_palettAction, &QAction::triggered, this, [this] { m_palette->popup(); });
    connect(m_focusFilter, &QAction::triggered, this, [this] {
        if (auto *dock = qobject_cast<QDockWidget *>(m_filter->parentWidget()->parentWidget()))
            dock->show();
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(m_overviewTab, &QAction::triggered, this,
            [this] { m_page->tabs()->setCurrentIndex(StreamPage::OverviewTab); });
    connect(m_shardsTab, &QAction::triggered, this,
            [this] { m_page->tabs()->setCurrentIndex(StreamPage::ShardsTab); });
    connect(m_recordsTab, &QAction::triggered, this,
            [this] { m_page->tabs()->setCurrentIndex(StreamPage::RecordsTab); });
    connect(m_metricsTab, &QAction::triggered, this,
            [this] { m_page->tabs()->setCurrentIndex(StreamPage::MetricsTab); });
    connect(m_consumersTab, &QAction::triggered, this,
            [this] { m_page->tabs()->setCurrentIndex(StreamPage::ConsumersTab); });
    connect(m_clearActivity, &QAction::triggered, this, [this] { m_activity->clear(); });
    connect(m_showReads, &QAction::toggled, this, [this](bool on) {
        m_activity->setShowRecordReads(on);
        m_settings->setValue(u"activity/showRecordReads"_s, on);
    });
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createDocks()
{
    // Connections and streams.
    auto *navigation = new QWidget(this);
    m_filter = new QLineEdit(navigation);
    m_filter->setObjectName(u"streamFilter"_s);
    m_filter->setPlaceholderText(tr("Filter streams (%1)").arg(m_focusFilter->shortcut().toString(QKeySequence::NativeText)));
    m_filter->setClearButtonEnabled(true);
    m_treeProxy->setSourceModel(m_tree);
    m_treeView = new QTreeView(navigation);
    m_treeView->setObjectName(u"streamTree"_s);
    m_treeView->setModel(m_treeProxy);
    m_treeView->setHeaderHidden(true);
    m_treeView->setUniformRowHeights(true);
    m_treeView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_treeView->addActions({m_newStream, m_deleteStream, m_retention, m_encryption, m_tags, m_streamMode,
                            m_maxRecordSize, m_enhancedMonitoring, m_warmThroughput, m_resourcePolicy,
                            m_refresh});
    auto *connectionSeparator = new QAction(m_treeView);
    connectionSeparator->setSeparator(true);
    m_treeView->addActions({connectionSeparator, m_accountSettings, m_editConnection, m_connectionReadOnly,
                            m_removeConnection});
    auto *layout = new QVBoxLayout(navigation);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_treeView);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_treeProxy->setFilterFixedString(text);
        m_treeView->expandToDepth(0);
    });
    // Down from the filter moves into the tree, as in a browser's address bar.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        const QModelIndex first = m_treeProxy->index(0, 0, m_treeProxy->index(0, 0));
        if (first.isValid())
            m_treeView->setCurrentIndex(first);
        m_treeView->setFocus();
    });
    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onCurrentChanged);
    // From the Producers page, a click on the stream already selected goes back to its page.
    connect(m_treeView, &QTreeView::clicked, this, [this] {
        if (m_center->currentWidget() == m_producersPage)
            onCurrentChanged();
    });
    connect(m_treeProxy, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent) {
        if (!parent.isValid())
            m_treeView->expand(m_treeProxy->index(0, 0));
    });

    auto *streamsDock = new QDockWidget(tr("Connections"), this);
    streamsDock->setObjectName(u"connectionsDock"_s);
    streamsDock->setWidget(navigation);
    streamsDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, streamsDock);
    resizeDocks({streamsDock}, {260}, Qt::Horizontal);

    // Activity: every backend call.
    auto *activity = new QWidget(this);
    m_activityView = new QTableView(activity);
    m_activityView->setObjectName(u"activityView"_s);
    auto *colours = new ActivityColours(this);
    colours->setSourceModel(m_activity);
    m_activityView->setModel(colours);
    m_activityView->verticalHeader()->hide();
    m_activityView->verticalHeader()->setDefaultSectionSize(m_activityView->fontMetrics().height() + 6);
    m_activityView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_activityView->setWordWrap(false);
    m_activityView->setAlternatingRowColors(true);
    m_activityView->horizontalHeader()->setStretchLastSection(true);
    const int charWidth = m_activityView->fontMetrics().averageCharWidth();
    m_activityView->setColumnWidth(ActivityModel::TimeColumn,
                                   m_activityView->fontMetrics().horizontalAdvance(u"00:00:00.000"_s) + charWidth * 3);
    m_activityView->setColumnWidth(ActivityModel::ConnectionColumn, charWidth * 16);
    m_activityView->setColumnWidth(ActivityModel::OperationColumn, charWidth * 28);
    m_activityView->setColumnWidth(ActivityModel::TargetColumn, charWidth * 18);
    m_activityView->setColumnWidth(ActivityModel::DurationColumn, charWidth * 10);
    // Follow new calls only while the view is scrolled to the bottom.
    connect(m_activity, &QAbstractItemModel::rowsAboutToBeInserted, m_activityView, [this] {
        QScrollBar *bar = m_activityView->verticalScrollBar();
        m_activityView->setProperty("follow", bar->value() >= bar->maximum() - 2);
    });
    connect(m_activity, &QAbstractItemModel::rowsInserted, m_activityView, [this] {
        if (m_activityView->property("follow").toBool())
            m_activityView->scrollToBottom();
    });
    auto *clear = new QToolButton(activity);
    clear->setDefaultAction(m_clearActivity);
    auto *activityLayout = new QVBoxLayout(activity);
    activityLayout->setContentsMargins(4, 0, 4, 4);
    activityLayout->setSpacing(2);
    activityLayout->addWidget(m_activityView);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(clear);
    activityLayout->addLayout(row);

    auto *activityDock = new QDockWidget(tr("Activity"), this);
    activityDock->setObjectName(u"activityDock"_s);
    activityDock->setWidget(activity);
    addDockWidget(Qt::BottomDockWidgetArea, activityDock);
    resizeDocks({activityDock}, {170}, Qt::Vertical);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newStream);
    file->addSeparator();
    file->addAction(m_addConnection);
    m_recentMenu = file->addMenu(tr("Recent &Connections"));
    m_recentMenu->setObjectName(u"recentConnectionsMenu"_s);
    file->addActions({m_editConnection, m_connectionReadOnly, m_removeConnection});
    file->addAction(m_accountSettings);
    file->addSeparator();
    file->addAction(m_serve);
    file->addAction(m_demoEvents);
    file->addAction(m_throughputLimits);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *stream = menuBar()->addMenu(tr("&Stream"));
    stream->addActions({m_retention, m_encryption, m_tags, m_streamMode, m_maxRecordSize});
    stream->addActions({m_enhancedMonitoring, m_warmThroughput, m_resourcePolicy});
    stream->addSeparator();
    stream->addActions({m_split, m_merge});
    stream->addActions({m_previewSplit, m_previewMerge, m_previewScale});
    stream->addSeparator();
    stream->addActions(m_consumerCommands);
    stream->addSeparator();
    stream->addAction(m_deleteStream);

    QMenu *records = menuBar()->addMenu(tr("&Records"));
    records->addActions(m_recordCommands);
    records->addSeparator();
    records->addActions({m_putRecord, m_replayRecords, m_exportRecords, m_importRecords});
    records->addSeparator();
    records->addActions(m_inspectorCommands);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_palettAction);
    view->addAction(m_focusFilter);
    view->addAction(m_refresh);
    view->addSeparator();
    view->addActions({m_overviewTab, m_shardsTab, m_recordsTab, m_metricsTab, m_consumersTab});
    view->addAction(m_producers);
    view->addAction(m_calculator);
    view->addAction(m_showLineage);
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setText(tr("Show %1").arg(dock->windowTitle()));
        toggle->setObjectName(u"toggle_"_s + dock->objectName());
        if (dock->objectName() == u"activityDock")
            toggle->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
        else
            toggle->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
        view->addAction(toggle);
        addAction(toggle); // a hidden menu bar must not take the shortcut with it
    }
    view->addActions({m_showReads, m_clearActivity});

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolbar"_s);
    // Icon and text side by side: the icons help find an action, the text says what it does.
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(20, 20));
    // The actions' line icons in the palette's button text colour, drawn again when it changes.
    Theme::follow(toolbar, [this](const QPalette &palette) {
        const QColor ink = palette.color(QPalette::ButtonText);
        const std::pair<QAction *, QString> icons[] = {
            {m_newStream, u"new-stream"_s},       {m_refresh, u"refresh"_s},
            {m_serve, u"serve"_s},                {m_demoEvents, u"demo-events"_s},
            {m_producers, u"producers"_s},        {m_palettAction, u"command-palette"_s},
            {m_deleteStream, u"delete-stream"_s}, {m_addConnection, u"add-connection"_s},
            {m_settingsAction, u"settings"_s},
        };
        for (const auto &[action, name] : icons)
            action->setIcon(ThemeIcons::icon(name, ink));
    });
    toolbar->setMovable(false);
    toolbar->addActions({m_newStream, m_refresh});
    toolbar->addSeparator();
    toolbar->addAction(m_serve);
    toolbar->addAction(m_demoEvents);
    toolbar->addSeparator();
    toolbar->addAction(m_producers);
    toolbar->addAction(m_palettAction);
}

void MainWindow::createStatusBar()
{
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(u"connectionLabel"_s);
    m_connectionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connectionLabel->setText(tr("%1 · %2").arg(m_options.localBackend->displayName(),
                                                 m_options.localBackend->location()));
    m_endpointLabel = new QLabel(this);
    m_endpointLabel->setObjectName(u"endpointLabel"_s);
    m_endpointLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_endpointLabel->setText(tr("Not serving"));
    m_demoLabel = new QLabel(this);
    m_demoLabel->setObjectName(u"demoLabel"_s);
    m_failuresLabel = new QLabel(this);
    m_failuresLabel->setObjectName(u"failuresLabel"_s);
    connect(m_activity, &ActivityModel::failedCountChanged, this, [this](int failed) {
        m_failuresLabel->setText(failed == 0 ? QString() : (failed == 1 ? tr("1 failed call") : tr("%1 failed calls").arg(failed)));
    });
    statusBar()->addWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_failuresLabel);
    statusBar()->addPermanentWidget(m_demoLabel);
    statusBar()->addPermanentWidget(m_endpointLabel);
}

StreamBackend *MainWindow::currentBackend() const
{
    return m_tree->backendFor(m_treeProxy->mapToSource(m_treeView->currentIndex()));
}

QString MainWindow::currentStream() const
{
    QModelIndex index = m_treeProxy->mapToSource(m_treeView->currentIndex());
    while (index.isValid() && NodeKind(index.data(ModelRole::NodeKindRole).toInt()) == NodeKind::Shard)
        index = index.parent();
    if (!index.isValid() || NodeKind(index.data(ModelRole::NodeKindRole).toInt()) != NodeKind::Stream)
        return {};
    return index.data(ModelRole::StreamNameRole).toString();
}

bool MainWindow::selectStream(StreamBackend *backend, const QString &streamName)
{
    const QModelIndex source = m_tree->streamIndex(backend, streamName);
    const QModelIndex index = m_treeProxy->mapFromSource(source);
    if (!index.isValid())
        return false;
    m_treeView->setCurrentIndex(index);
    m_treeView->scrollTo(index);
    return true;
}

QString MainWindow::connectionKey(const StreamBackend *backend) const
{
    // Stable across languages and renames: the local emulator is always "local".
    if (backend == m_options.localBackend)
        return u"local"_s;
    const QString id = savedConnectionId(backend);
    return id.isEmpty() ? backend->displayName() : u"aws:"_s + id;
}

void MainWindow::openStream(StreamBackend *backend, const QString &streamName, int tab)
{
    m_pendingSelection = connectionKey(backend) + u'/' + streamName;
    m_pendingTab = tab;
    if (selectStream(backend, streamName))
        restoreSelection();
}

void MainWindow::onCurrentChanged()
{
    StreamBackend *backend = currentBackend();
    const QString stream = currentStream();
    if (!backend || stream.isEmpty()) {
        m_center->setCurrentIndex(0);
        m_page->setStream(nullptr, {});
        m_inspector->clear();
    } else {
        if (m_page->backend() != backend || m_page->streamName() != stream) {
            m_inspector->clear();
            m_inspector->setStreamName(stream);
        }
        // The user went elsewhere before a remembered stream was listed: forget it.
        if (!m_pendingSelection.isEmpty() && m_pendingSelection != connectionKey(backend) + u'/' + stream) {
            m_pendingSelection.clear();
            m_pendingTab = -1;
        }
        m_page->setStream(backend, stream);
        m_center->setCurrentIndex(1);
        m_settings->setValue(u"window/lastStream"_s, QString(connectionKey(backend) + u'/' + stream));
        // A shard picked in the tree is selected on the Shards tab too.
        const QModelIndex source = m_treeProxy->mapToSource(m_treeView->currentIndex());
        if (NodeKind(source.data(ModelRole::NodeKindRole).toInt()) == NodeKind::Shard)
            m_page->tabs()->setCurrentIndex(StreamPage::ShardsTab);
    }
    setWindowTitle(stream.isEmpty() ? tr("Shardscope") : tr("%1 — Shardscope").arg(stream));
    if (const QString id = savedConnectionId(backend); !id.isEmpty()) {
        const auto saved = m_connections->connection(id);
        // Once per switch: the settings file is not rewritten for every click.
        if (saved && (!saved->lastUsed.isValid() || saved->lastUsed.secsTo(QDateTime::currentDateTimeUtc()) > 60))
            m_connections->markUsed(id);
    }
    updateConnectionMarks();
    updateActions();
}

void MainWindow::restoreSelection()
{
    const QString connection = m_pendingSelection.section(u'/', 0, 0);
    const QString stream = m_pendingSelection.section(u'/', 1);
    if (!m_pendingSelection.isEmpty() && (currentStream() != stream || m_pendingTab >= 0) &&
        backendForKey(connection) && selectStream(backendForKey(connection), stream)) {
        m_pendingSelection.clear();
        if (m_pendingTab >= 0)
            m_page->tabs()->setCurrentIndex(m_pendingTab);
        m_pendingTab = -1;
    }
}

void MainWindow::updateActions()
{
    StreamBackend *backend = currentBackend();
    const bool haveStream = backend && !currentStream().isEmpty();
    const bool writable = backend && !backend->isReadOnly();
    const QString noStream = tr("Select a stream first.");
    const QString readOnly = tr("This connection is read-only.");
    for (QAction *a : std::as_const(m_streamActions))
        a->setEnabled(haveStream);
    for (QAction *a : {m_deleteStream, m_retention, m_encryption, m_tags, m_streamMode, m_maxRecordSize,
                       m_enhancedMonitoring, m_resourcePolicy}) {
        a->setEnabled(haveStream && writable);
        a->setStatusTip(!haveStream ? noStream : !writable ? readOnly : a->toolTip());
    }
    // Warm throughput is an on-demand stream's; a provisioned one has none to set.
    const auto summary = haveStream ? m_page->summaryModel()->summary() : std::nullopt;
    const bool provisioned = summary && summary->streamMode == StreamMode::Provisioned;
    m_warmThroughput->setEnabled(haveStream && writable && !provisioned);
    m_warmThroughput->setStatusTip(!haveStream  ? noStream
                                   : !writable  ? readOnly
                                   : provisioned ? tr("Warm throughput applies to on-demand streams only.")
                                                 : m_warmThroughput->toolTip());
    // Account settings belong to the selected connection (or the local emulator's).
    StreamBackend *account = backend ? backend : m_options.localBackend;
    m_accountSettings->setEnabled(!account->isReadOnly());
    m_accountSettings->setStatusTip(account->isReadOnly() ? readOnly : m_accountSettings->toolTip());
    const QString shard = haveStream ? m_page->selectedShardId() : QString();
    bool shardOpen = false;
    if (!shard.isEmpty()) {
        const QModelIndex current = m_page->shardsView()->currentIndex();
        shardOpen = ShardState(current.data(ModelRole::ShardStateRole).toInt()) == ShardState::Open;
    }
    m_previewScale->setEnabled(haveStream && writable);
    m_previewScale->setStatusTip(!haveStream ? noStream : !writable ? readOnly : m_previewScale->toolTip());
    m_calculator->setEnabled(haveStream);
    m_calculator->setStatusTip(!haveStream ? noStream : m_calculator->toolTip());
    m_showLineage->setEnabled(haveStream);
    m_showLineage->setStatusTip(!haveStream ? noStream : m_showLineage->toolTip());
    for (QAction *a : {m_split, m_merge, m_previewSplit, m_previewMerge}) {
        a->setEnabled(haveStream && writable && shardOpen);
        a->setStatusTip(!haveStream ? noStream
                        : !writable ? readOnly
                        : !shardOpen ? tr("Select an open shard on the Shards tab first.")
                                     : a->toolTip());
    }
    for (QAction *a : {m_putRecord, m_importRecords}) {
        a->setEnabled(haveStream && writable);
        a->setStatusTip(!haveStream ? noStream : !writable ? readOnly : a->toolTip());
    }
    m_newStream->setEnabled(backend ? !backend->isReadOnly() : !m_options.localBackend->isReadOnly());
    m_newStream->setStatusTip(m_newStream->isEnabled() ? m_newStream->toolTip() : readOnly);
    const QString savedId = savedConnectionId(backend);
    for (QAction *a : {m_editConnection, m_removeConnection, m_connectionReadOnly}) {
        a->setEnabled(!savedId.isEmpty());
        a->setStatusTip(savedId.isEmpty() ? tr("Select an AWS connection or one of its streams first.") : a->toolTip());
    }
    m_connectionReadOnly->setChecked(backend && !savedId.isEmpty() && backend->isReadOnly());
}

void MainWindow::openDialog(QWidget *dialog)
{
    if (m_openDialog)
        m_openDialog->close();
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_openDialog = dialog;
    if (auto *modal = qobject_cast<QDialog *>(dialog))
        modal->open();
    else
        dialog->show();
}

void MainWindow::newStream()
{
    StreamBackend *backend = currentBackend() ? currentBackend() : m_options.localBackend;
    auto *dialog = new CreateStreamDialog(backend, this);
    connect(dialog, &CreateStreamDialog::streamCreated, this, [this, backend](const QString &name) {
        m_pendingSelection = connectionKey(backend) + u'/' + name;
        m_tree->refreshAll();
    });
    openDialog(dialog);
}

template<typename Dialog>
void MainWindow::openStreamDialog()
{
    if (currentStream().isEmpty())
        return;
    openDialog(new Dialog(currentBackend(), currentStream(), this));
}

void MainWindow::openAccountSettings()
{
    StreamBackend *backend = currentBackend() ? currentBackend() : m_options.localBackend;
    if (backend->isReadOnly())
        return;
    openDialog(new AccountSettingsDialog(backend, this));
}

void MainWindow::putRecord()
{
    if (!currentStream().isEmpty() && currentBackend() && !currentBackend()->isReadOnly())
        openStreamDialog<PutRecordDialog>();
}

void MainWindow::importRecords()
{
    if (!currentStream().isEmpty() && currentBackend() && !currentBackend()->isReadOnly())
        openStreamDialog<ImportDialog>();
}

QList<StreamBackend *> MainWindow::allBackends() const
{
    QList<StreamBackend *> backends{m_options.localBackend};
    for (const SavedConnection &saved : m_connections->connections()) {
        if (AwsBackend *backend = m_awsBackends.value(saved.id))
            backends.append(backend);
    }
    return backends;
}

void MainWindow::showProducers()
{
    // A stream remembered from the last session must not take the page away once it is listed.
    m_pendingSelection.clear();
    m_pendingTab = -1;
    m_producersPage->setConnections(allBackends());
    m_center->setCurrentWidget(m_producersPage);
}

void MainWindow::replayRecords()
{
    if (currentStream().isEmpty())
        return;
    auto *dialog = new ReplayDialog(allBackends(), currentBackend(), currentStream(), this);
    openDialog(dialog);
    // The selection (or the filter's matches) is read from the spool without waiting here.
    if (m_page->recordsPage()->recordsToActOnCount() > 0)
        onResult(dialog, m_page->recordsPage()->recordsToActOn(),
                 [dialog](const QList<RecordEntry> &records) { dialog->setRecords(records); });
}

void MainWindow::exportRecords()
{
    if (currentStream().isEmpty())
        return;
    auto *dialog = new ExportDialog(currentBackend(), currentStream(), this);
    openDialog(dialog);
    if (m_page->recordsPage()->recordsToActOnCount() > 0)
        onResult(dialog, m_page->recordsPage()->recordsToActOn(),
                 [dialog](const QList<RecordEntry> &records) { dialog->setRecords(records); });
}

void MainWindow::showCallResult(const QString &what, const std::optional<Error> &error)
{
    if (error) {
        qCWarning(lcUi).noquote() << what << "failed:" << error->typeName() << error->message;
        statusBar()->showMessage(tr("%1 failed: %2: %3").arg(what, error->typeName(), error->message), 15000);
    } else {
        statusBar()->showMessage(tr("%1 started.").arg(what), 5000);
    }
}

void MainWindow::splitShard()
{
    StreamBackend *backend = currentBackend();
    const QString stream = currentStream();
    const QModelIndex current = m_page->shardsView()->currentIndex();
    const QString shardId = m_page->selectedShardId();
    if (!backend || shardId.isEmpty())
        return;
    const auto start = HashKey::fromDecimal(current.data(ModelRole::HashRangeStartRole).toString());
    const auto end = HashKey::fromDecimal(current.data(ModelRole::HashRangeEndRole).toString());
    if (!start || !end)
        return;
    SplitShardRequest request{StreamTarget::byName(stream), shardId,
                              HashKeyRange{*start, *end}.midpoint().toDecimal()};
    const QString what = tr("Splitting %1").arg(shardId);
    onResult(this, backend->splitShard(request), [this, what](const BackendResult<void> &result) {
        showCallResult(what, result ? std::nullopt : std::optional<Error>(result.error()));
    });
}

void MainWindow::mergeShards()
{
    StreamBackend *backend = currentBackend();
    const QString stream = currentStream();
    const QModelIndex current = m_page->shardsView()->currentIndex();
    const QString shardId = m_page->selectedShardId();
    if (!backend || shardId.isEmpty())
        return;
    const auto end = HashKey::fromDecimal(current.data(ModelRole::HashRangeEndRole).toString());
    // The open shard whose range starts right after this one's.
    QString adjacent;
    const ShardsTableModel *shards = m_page->shardsModel();
    for (int row = 0; end && row < shards->rowCount(); ++row) {
        const QModelIndex index = shards->index(row, 0);
        const auto start = HashKey::fromDecimal(index.data(ModelRole::HashRangeStartRole).toString());
        if (ShardState(index.data(ModelRole::ShardStateRole).toInt()) == ShardState::Open && start &&
            end->value != HashKey::kMaxValue && start->value == end->value + 1)
            adjacent = index.data(ModelRole::ShardIdRole).toString();
    }
    if (adjacent.isEmpty()) {
        statusBar()->showMessage(tr("%1 is the last shard of the key space; select the shard before it to merge.")
                                     .arg(shardId), 10000);
        return;
    }
    MergeShardsRequest request{StreamTarget::byName(stream), shardId, adjacent};
    const QString what = tr("Merging %1 with %2").arg(shardId, adjacent);
    onResult(this, backend->mergeShards(request), [this, what](const BackendResult<void> &result) {
        showCallResult(what, result ? std::nullopt : std::optional<Error>(result.error()));
    });
}

void MainWindow::setServing(bool on)
{
    if (!m_options.emulator)
        return;
    if (!on) {
        m_options.emulator->stopServing();
        qCInfo(lcUi) << "stopped serving the local emulator";
        m_endpointLabel->setText(tr("Not serving"));
        m_endpointLabel->setToolTip({});
        return;
    }
    const auto url = m_options.emulator->serve(m_options.serveOptions);
    if (!url) {
        qCWarning(lcUi) << "cannot serve the local emulator:" << url.error();
        QSignalBlocker blocker(m_serve);
        m_serve->setChecked(false);
        m_endpointLabel->setText(tr("Not serving: %1").arg(url.error()));
        return;
    }
    qCInfo(lcUi).noquote() << "serving the local emulator at" << url->toString();
    m_endpointLabel->setText(tr("Serving at %1").arg(url->toString()));
    m_endpointLabel->setToolTip(tr("Point SDKs here, e.g. aws kinesis list-streams --endpoint-url %1")
                                    .arg(url->toString()));
}

void MainWindow::setDemoEvents(bool on)
{
    m_settings->setValue(u"demo/events"_s, on);
    if (!m_demo)
        return;
    if (on)
        m_demo->start();
    else
        m_demo->stop();
    updateDemoLabel();
}

void MainWindow::updateDemoLabel()
{
    // A demo stream the user deleted is not news.
    const bool streamGone = m_demo && m_demo->lastError() && m_demo->lastError()->type == ErrorType::ResourceNotFound;
    if (!m_demo || (!m_demo->isRunning() && (!m_demo->lastError() || streamGone))) {
        m_demoLabel->clear();
        m_demoLabel->hide();
        return;
    }
    m_demoLabel->show();
    if (m_demo->isRunning()) {
        m_demoLabel->setText(tr("● Demo events → %1").arg(m_demo->streamName()));
        m_demoLabel->setToolTip(tr("Sample events are being put into the %1 stream. Turn them off with %2.")
                                    .arg(m_demo->streamName(), m_demoEvents->shortcut().toString(QKeySequence::NativeText)));
    } else {
        qCWarning(lcUi).noquote() << "demo events stopped:" << m_demo->lastError()->message;
        m_demoLabel->setText(tr("Demo events stopped"));
        m_demoLabel->setToolTip(m_demo->lastError() ? m_demo->lastError()->message : QString());
        QSignalBlocker blocker(m_demoEvents);
        m_demoEvents->setChecked(false);
    }
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_settings.get(), this);
    connect(dialog, &SettingsDialog::demoEventsChanged, m_demoEvents, &QAction::setChecked);
    openDialog(dialog);
}

void MainWindow::showAbout()
{
    // Opened like every other dialog here: no nested event loop.
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("About Shardscope"),
        tr("<h3>Shardscope %1</h3><p>A desktop stream explorer and emulator for Amazon "
           "Kinesis Data Streams.</p><p>Built with Qt %2.</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())),
        QMessageBox::Ok, this);
    box->setObjectName(u"aboutBox"_s);
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    openDialog(box);
}

void MainWindow::saveState()
{
    m_settings->setValue(u"window/geometry"_s, QMainWindow::saveGeometry());
    m_settings->setValue(u"window/state"_s, QMainWindow::saveState());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}

StreamBackend *MainWindow::savedConnectionBackend(const QString &id) const
{
    return m_awsBackends.value(id);
}

QString MainWindow::savedConnectionId(const StreamBackend *backend) const
{
    for (auto it = m_awsBackends.cbegin(); backend && it != m_awsBackends.cend(); ++it) {
        if (it.value() == backend)
            return it.key();
    }
    return {};
}

StreamBackend *MainWindow::backendForKey(const QString &key) const
{
    if (key == u"local"_s)
        return m_options.localBackend;
    if (key.startsWith(u"aws:"_s))
        return m_awsBackends.value(key.mid(4));
    return nullptr;
}

void MainWindow::restoreConnections()
{
    for (const SavedConnection &saved : m_connections->connections())
        openSavedConnection(saved, false);
}

void MainWindow::openSavedConnection(const SavedConnection &saved, bool select)
{
    const QString id = saved.id;
    const QString name = saved.displayName;
    m_connections->openBackend(
        saved, this, [this, id, name, select](std::unique_ptr<AwsBackend> backend, std::optional<Error> secretError) {
            // Removed, or opened again, while the keychain answered.
            if (!m_connections->connection(id) || m_awsBackends.contains(id))
                return;
            AwsBackend *raw = backend.release();
            raw->setParent(this);
            m_awsBackends.insert(id, raw);
            m_activity->watch(raw);
            m_tree->addConnection(raw);
            if (secretError) {
                qCWarning(lcUi).noquote() << "the secret of connection" << name
                                          << "could not be read:" << secretError->message;
                statusBar()->showMessage(tr("%1 has no credentials: %2")
                                             .arg(name, InlineErrorLabel::describe(*secretError)),
                                         15000);
            }
            if (select) {
                const QModelIndex index = m_treeProxy->mapFromSource(m_tree->connectionIndex(raw));
                m_treeView->setCurrentIndex(index);
                m_treeView->expand(index);
            }
            restoreSelection();
        });
}

void MainWindow::dropSavedConnection(const QString &id)
{
    AwsBackend *backend = m_awsBackends.take(id);
    if (!backend)
        return;
    if (m_page && currentBackend() == backend)
        m_page->setStream(nullptr, {});
    m_tree->removeConnection(backend);
    m_activity->unwatch(backend);
    // Pending replies still reference it; let them unwind first.
    backend->deleteLater();
    onCurrentChanged();
}

void MainWindow::addAwsConnection()
{
    auto *dialog = new AddConnectionDialog(m_connections, AwsConfig::fromEnvironment(), {}, this);
    connect(dialog, &AddConnectionDialog::connectionSaved, this, [this](const QString &id) {
        if (const auto saved = m_connections->connection(id)) {
            m_connections->markUsed(id);
            openSavedConnection(*saved, true);
        }
    });
    openDialog(dialog);
}

void MainWindow::editConnection()
{
    const QString id = savedConnectionId(currentBackend());
    if (id.isEmpty())
        return;
    auto *dialog = new AddConnectionDialog(m_connections, AwsConfig::fromEnvironment(), id, this);
    connect(dialog, &AddConnectionDialog::connectionSaved, this, [this](const QString &savedId) {
        const QString stream = currentStream();
        const bool wasCurrent = savedConnectionId(currentBackend()) == savedId;
        dropSavedConnection(savedId);
        if (wasCurrent && !stream.isEmpty())
            m_pendingSelection = u"aws:"_s + savedId + u'/' + stream;
        if (const auto saved = m_connections->connection(savedId))
            openSavedConnection(*saved, wasCurrent && stream.isEmpty());
    });
    connect(dialog, &AddConnectionDialog::connectionRemoved, this, &MainWindow::dropSavedConnection);
    openDialog(dialog);
}

void MainWindow::removeConnection()
{
    const QString id = savedConnectionId(currentBackend());
    const auto saved = m_connections->connection(id);
    if (!saved)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove Connection"),
                                tr("Remove the connection “%1”?").arg(saved->displayName),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"removeConnectionConfirmation"_s);
    box->setInformativeText(tr("Its streams stay where they are; Shardscope forgets the "
                               "connection and deletes its secret from the system keychain."));
    QPushButton *confirm = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    confirm->setObjectName(u"confirmRemoveButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, id, confirm](QAbstractButton *button) {
        if (button != confirm)
            return;
        dropSavedConnection(id);
        onResult(this, m_connections->remove(id), [this](const BackendResult<void> &result) {
            if (!result) {
                qCWarning(lcUi).noquote() << "removing a connection failed:" << result.error().message;
                statusBar()->showMessage(InlineErrorLabel::describe(result.error()), 15000);
            }
        });
    });
    openDialog(box);
}

void MainWindow::setConnectionReadOnly(bool readOnly)
{
    const QString id = savedConnectionId(currentBackend());
    const auto saved = m_connections->connection(id);
    if (!saved)
        return;
    // AwsBackend fixes its read-only flag at construction: replace the backend, keep the place.
    const QString stream = currentStream();
    m_connections->setReadOnly(id, readOnly);
    dropSavedConnection(id);
    if (!stream.isEmpty())
        m_pendingSelection = u"aws:"_s + id + u'/' + stream;
    if (const auto updated = m_connections->connection(id))
        openSavedConnection(*updated, stream.isEmpty());
    statusBar()->showMessage(readOnly ? tr("%1 is read-only now.").arg(saved->displayName)
                                      : tr("%1 accepts changes now.").arg(saved->displayName),
                             5000);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QList<SavedConnection> recent = m_connections->recent(9);
    if (recent.isEmpty()) {
        QAction *none = m_recentMenu->addAction(tr("No recent connections"));
        none->setEnabled(false);
        return;
    }
    int number = 0;
    for (const SavedConnection &saved : recent) {
        ++number;
        QAction *a = m_recentMenu->addAction(tr("&%1 %2").arg(number).arg(saved.displayName));
        a->setObjectName(u"recentConnection_"_s + saved.id);
        a->setShortcut(QKeySequence(tr("Ctrl+Alt+%1").arg(number)));
        a->setStatusTip(tr("Go to the connection %1").arg(saved.displayName));
        // On the window too, so the shortcut works with the menu bar hidden; the menu's next
        // clear() deletes it.
        addAction(a);
        connect(a, &QAction::triggered, this, [this, id = saved.id] {
            StreamBackend *backend = m_awsBackends.value(id);
            if (!backend)
                return;
            const QModelIndex index = m_treeProxy->mapFromSource(m_tree->connectionIndex(backend));
            m_treeView->setCurrentIndex(index);
            m_treeView->expand(index);
            m_treeView->setFocus();
            m_connections->markUsed(id);
        });
    }
}

void MainWindow::updateConnectionMarks()
{
    StreamBackend *backend = currentBackend() ? currentBackend() : m_options.localBackend;
    const bool aws = backend->kind() == BackendKind::Aws;
    const bool live = aws && isLiveAws(backend->location());
    const QString badge = aws ? connectionBadge(live, backend->isReadOnly()) : QString();
    m_connectionLabel->setText(badge.isEmpty()
                                   ? tr("%1 · %2").arg(backend->displayName(), backend->location())
                                   : tr("%1 · %2 · %3").arg(backend->displayName(), backend->location(), badge));
    const bool banner = aws && !currentStream().isEmpty();
    m_liveBanner->setVisible(banner);
    if (!banner)
        return;
    // Red when changes reach real streams, amber when live AWS is read-only, blue elsewhere.
    const Theme::Status tone = live ? (backend->isReadOnly() ? Theme::Status::Warning : Theme::Status::Error)
                                    : Theme::Status::Progress;
    m_liveBanner->setProperty("tone", int(tone));
    tintBanner(m_liveBanner, Theme::paletteFor(m_liveBanner));
    const QString where = tr("%1 (%2)").arg(backend->displayName(), backend->location());
    if (live)
        m_liveBanner->setText(backend->isReadOnly()
                                  ? tr("Live AWS · read-only — %1. Changes are switched off for this connection.").arg(where)
                                  : tr("Live AWS · writable — %1. Changes here affect real streams.").arg(where));
    else
        m_liveBanner->setText(backend->isReadOnly() ? tr("AWS API · read-only — %1").arg(where)
                                                    : tr("AWS API — %1").arg(where));
}

} // namespace shardscope
