#include "mainwindow.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "commandpalette.h"
#include "demo/demotrickle.h"
#include "engine/engine.h"
#include "models/activitymodel.h"
#include "models/modelroles.h"
#include "models/shardstablemodel.h"
#include "models/streamtreemodel.h"
#include "server/kinesisserver.h"
#include "settingsdialog.h"
#include "streampage.h"

#include "dialogs/createstreamdialog.h"
#include "dialogs/deletestreamdialog.h"
#include "dialogs/encryptiondialog.h"
#include "dialogs/retentiondialog.h"
#include "dialogs/streamsettingsdialogs.h"
#include "dialogs/tagsdialog.h"

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
                return QColor(0xb3, 0x26, 0x1e);
            if (NodeKind(source.data(ModelRole::NodeKindRole).toInt()) == NodeKind::Shard &&
                ShardState(source.data(ModelRole::ShardStateRole).toInt()) == ShardState::Closed)
                return QApplication::palette().color(QPalette::PlaceholderText);
            if (NodeKind(source.data(ModelRole::NodeKindRole).toInt()) == NodeKind::Stream &&
                StreamStatus(source.data(ModelRole::StreamStatusRole).toInt()) != StreamStatus::Active)
                return QColor(0xb2, 0x6a, 0x00);
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
                return QColor(0xb3, 0x26, 0x1e);
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
    Q_ASSERT(m_options.localBackend);
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Shardscope"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    createActions();

    m_page = new StreamPage({m_retention, m_encryption, m_tags, m_streamMode, m_maxRecordSize, m_deleteStream},
                            {m_split, m_merge}, this);
    m_page->setObjectName(u"streamPage"_s);
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
    m_center->addWidget(m_page);
    setCentralWidget(m_center);
    connect(m_page, &StreamPage::selectedShardChanged, this, &MainWindow::updateActions);
    connect(m_page->tabs(), &QTabWidget::currentChanged, this, &MainWindow::updateActions);

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

    m_tree->addConnection(m_options.localBackend);
    m_activity->watch(m_options.localBackend);
    connect(m_tree, &StreamTreeModel::streamsRefreshed, this, &MainWindow::restoreSelection);
    connect(m_tree, &QAbstractItemModel::rowsRemoved, this, &MainWindow::onCurrentChanged);

    if (m_options.engine)
        m_server = new KinesisServer(*m_options.engine, this);
    m_serve->setEnabled(m_server != nullptr);

    // Persisted state.
    resize(1180, 740);
    restoreGeometry(m_settings->value(u"window/geometry"_s).toByteArray());
    restoreState(m_settings->value(u"window/state"_s).toByteArray());
    m_pendingSelection = m_settings->value(u"window/lastStream"_s).toString();

    if (m_options.demoEvents) {
        m_demo = std::make_unique<DemoTrickle>(m_options.localBackend);
        connect(m_demo.get(), &DemoTrickle::stateChanged, this, &MainWindow::updateDemoLabel);
        const bool on = m_settings->value(u"demo/events"_s, true).toBool();
        m_demoEvents->setChecked(on);
    } else {
        m_demoEvents->setEnabled(false);
        m_demoEvents->setStatusTip(tr("Demo events are off for this session."));
    }
    updateDemoLabel();
    m_tree->refreshAll();
    updateActions();
}

MainWindow::~MainWindow()
{
    if (m_server)
        m_server->stop();
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName, Qt::FindDirectChildrenOnly);
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
    m_maxRecordSize = make(u"actionMaxRecordSize"_s, tr("Maximum Record &Size…"), QKeySequence(tr("Ctrl+Shift+Z")),
                           tr("The largest record the stream accepts (1 to 10 MiB)"));
    m_split = make(u"actionSplitShard"_s, tr("S&plit Shard in Half"), QKeySequence(tr("Ctrl+Shift+P")),
                   tr("Split the selected open shard at the middle of its hash-key range"));
    m_merge = make(u"actionMergeShards"_s, tr("Mer&ge with Next Shard"), QKeySequence(tr("Ctrl+Shift+G")),
                   tr("Merge the selected open shard with the open shard whose hash keys follow it"));
    m_refresh = make(u"actionRefresh"_s, tr("Re&fresh"), QKeySequence::Refresh,
                     tr("List streams and shards again"));
    m_serve = make(u"actionServe"_s, tr("&Serve on Localhost"), QKeySequence(tr("Ctrl+Shift+S")),
                   tr("Serve the local emulator with the Kinesis wire protocol on 127.0.0.1:4567"));
    m_serve->setCheckable(true);
    m_demoEvents = make(u"actionDemoEvents"_s, tr("&Demo Events"), QKeySequence(tr("Ctrl+Shift+D")),
                        tr("Trickle sample web-shop events into the demo stream"));
    m_demoEvents->setCheckable(true);
    m_palettAction = make(u"actionCommandPalette"_s, tr("&Command Palette…"), QKeySequence(tr("Ctrl+K")),
                          tr("Find and run any command by name"));
    m_focusFilter = make(u"actionFilterStreams"_s, tr("&Filter Streams"), QKeySequence::Find,
                         tr("Type to filter the streams tree"));
    m_overviewTab = make(u"actionOverviewTab"_s, tr("&Overview Tab"), QKeySequence(tr("Ctrl+1")),
                         tr("Show the selected stream's settings and totals"));
    m_shardsTab = make(u"actionShardsTab"_s, tr("S&hards Tab"), QKeySequence(tr("Ctrl+2")),
                       tr("Show the selected stream's shard map and shards"));
    m_clearActivity = make(u"actionClearActivity"_s, tr("C&lear Activity"), QKeySequence(tr("Ctrl+Shift+L")),
                           tr("Empty the activity list"));
    m_settingsAction = make(u"actionSettings"_s, tr("Se&ttings…"), QKeySequence(tr("Ctrl+,")),
                            tr("Language and demo events"));
    m_quit = make(u"actionQuit"_s, tr("&Quit"), QKeySequence(tr("Ctrl+Q")), tr("Close Shardscope"));
    m_about = make(u"actionAbout"_s, tr("&About Shardscope"), QKeySequence(tr("F1")),
                   tr("Version and licence"));
    m_streamActions = {m_deleteStream, m_retention, m_encryption, m_tags, m_streamMode, m_maxRecordSize,
                       m_split, m_merge, m_overviewTab, m_shardsTab};

    connect(m_newStream, &QAction::triggered, this, &MainWindow::newStream);
    connect(m_deleteStream, &QAction::triggered, this, &MainWindow::openStreamDialog<DeleteStreamDialog>);
    connect(m_retention, &QAction::triggered, this, &MainWindow::openStreamDialog<RetentionDialog>);
    connect(m_encryption, &QAction::triggered, this, &MainWindow::openStreamDialog<EncryptionDialog>);
    connect(m_tags, &QAction::triggered, this, &MainWindow::openStreamDialog<TagsDialog>);
    connect(m_streamMode, &QAction::triggered, this, &MainWindow::openStreamDialog<StreamModeDialog>);
    connect(m_maxRecordSize, &QAction::triggered, this, &MainWindow::openStreamDialog<MaxRecordSizeDialog>);
    connect(m_split, &QAction::triggered, this, &MainWindow::splitShard);
    connect(m_merge, &QAction::triggered, this, &MainWindow::mergeShards);
    connect(m_refresh, &QAction::triggered, this, [this] {
        m_tree->refreshAll();
        m_page->refresh();
    });
    connect(m_serve, &QAction::toggled, this, &MainWindow::setServing);
    connect(m_demoEvents, &QAction::toggled, this, &MainWindow::setDemoEvents);
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
    connect(m_clearActivity, &QAction::triggered, this, [this] { m_activity->clear(); });
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
                            m_maxRecordSize, m_refresh});
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
    file->addAction(m_serve);
    file->addAction(m_demoEvents);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *stream = menuBar()->addMenu(tr("&Stream"));
    stream->addActions({m_retention, m_encryption, m_tags, m_streamMode, m_maxRecordSize});
    stream->addSeparator();
    stream->addActions({m_split, m_merge});
    stream->addSeparator();
    stream->addAction(m_deleteStream);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_palettAction);
    view->addAction(m_focusFilter);
    view->addAction(m_refresh);
    view->addSeparator();
    view->addActions({m_overviewTab, m_shardsTab});
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
    }
    view->addAction(m_clearActivity);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolbar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->setMovable(false);
    toolbar->addActions({m_newStream, m_refresh});
    toolbar->addSeparator();
    toolbar->addAction(m_serve);
    toolbar->addAction(m_demoEvents);
    toolbar->addSeparator();
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
    return backend == m_options.localBackend ? u"local"_s : backend->displayName();
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
    } else {
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
    updateActions();
}

void MainWindow::restoreSelection()
{
    const QString connection = m_pendingSelection.section(u'/', 0, 0);
    const QString stream = m_pendingSelection.section(u'/', 1);
    if (!m_pendingSelection.isEmpty() && (currentStream() != stream || m_pendingTab >= 0) &&
        connection == connectionKey(m_options.localBackend) && selectStream(m_options.localBackend, stream)) {
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
    for (QAction *a : {m_deleteStream, m_retention, m_encryption, m_tags, m_streamMode, m_maxRecordSize}) {
        a->setEnabled(haveStream && writable);
        a->setStatusTip(!haveStream ? noStream : !writable ? readOnly : a->toolTip());
    }
    const QString shard = haveStream ? m_page->selectedShardId() : QString();
    bool shardOpen = false;
    if (!shard.isEmpty()) {
        const QModelIndex current = m_page->shardsView()->currentIndex();
        shardOpen = ShardState(current.data(ModelRole::ShardStateRole).toInt()) == ShardState::Open;
    }
    for (QAction *a : {m_split, m_merge}) {
        a->setEnabled(haveStream && writable && shardOpen);
        a->setStatusTip(!haveStream ? noStream
                        : !writable ? readOnly
                        : !shardOpen ? tr("Select an open shard on the Shards tab first.")
                                     : a->toolTip());
    }
    m_newStream->setEnabled(!m_options.localBackend->isReadOnly() || (backend && !backend->isReadOnly()));
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

void MainWindow::showCallResult(const QString &what, const std::optional<Error> &error)
{
    if (error)
        statusBar()->showMessage(tr("%1 failed: %2: %3").arg(what, error->typeName(), error->message), 15000);
    else
        statusBar()->showMessage(tr("%1 started.").arg(what), 5000);
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
    if (!m_server)
        return;
    if (!on) {
        m_server->stop();
        m_endpointLabel->setText(tr("Not serving"));
        m_endpointLabel->setToolTip({});
        return;
    }
    KinesisServer::Options options;
    const auto url = m_server->start(options);
    if (!url) {
        QSignalBlocker blocker(m_serve);
        m_serve->setChecked(false);
        m_endpointLabel->setText(tr("Not serving: %1").arg(url.error()));
        return;
    }
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
    QMessageBox::about(this, tr("About Shardscope"),
                       tr("<h3>Shardscope %1</h3><p>A desktop stream explorer and emulator for Amazon "
                          "Kinesis Data Streams.</p><p>Built with Qt %2.</p>")
                           .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
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

} // namespace shardscope
