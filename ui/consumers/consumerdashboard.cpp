#include "consumerdashboard.h"

#include "sectionwidgets.h"
#include "theme/theme.h"

#include "charts/swimlanechart.h"
#include "charts/timeserieschart.h"
#include "models/leasesmodel.h"
#include "models/leaseworkersmodel.h"
#include "models/modelroles.h"
#include "openleasetabledialog.h"
#include "poisonrecorddialog.h"
#include "rungroupdialog.h"

#include <QAction>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <chrono>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

using namespace sectionwidgets;

constexpr int kShardRole = Qt::UserRole + 1;
constexpr int kWorkerRole = Qt::UserRole + 2;

QAction *command(const QString &name, const QString &text, const QString &key, QObject *parent)
{
    auto *action = new QAction(text, parent);
    action->setObjectName(name);
    action->setShortcut(QKeySequence(key));
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    return action;
}

// Enables `action` when `reason` is empty; otherwise disables it and says why in its tooltip.
void enableOrExplain(QAction *action, const QString &reason, const QString &what)
{
    action->setEnabled(reason.isEmpty());
    const QString tip = reason.isEmpty() ? what : reason;
    action->setToolTip(u"%1 (%2)"_s.arg(tip, action->shortcut().toString(QKeySequence::NativeText)));
    action->setStatusTip(tip);
}

// "shard 2" for shardId-000000000002: legends have room for a few characters per series.
QString shortShardName(const QString &shardId)
{
    static const QString prefix = u"shardId-"_s;
    if (!shardId.startsWith(prefix))
        return shardId;
    QString number = shardId.mid(prefix.size());
    while (number.size() > 1 && number.startsWith(u'0'))
        number.remove(0, 1);
    return ConsumerDashboard::tr("shard %1").arg(number);
}

} // namespace

ConsumerDashboard::ConsumerDashboard(QWidget *parent)
    : QWidget(parent),
      m_leases(new LeasesModel(this)),
      m_workers(new LeaseWorkersModel(this)),
      m_leasesProxy(new QSortFilterProxyModel(this)),
      m_workersProxy(new QSortFilterProxyModel(this)),
      m_runGroup(command(u"actionRunConsumerGroup"_s, tr("Run a Consumer Group…"), tr("Ctrl+Alt+G"), this)),
      m_openTable(command(u"actionOpenLeaseTable"_s, tr("Open a Lease Table…"), tr("Ctrl+Alt+I"), this)),
      m_stop(command(u"actionStopConsumerGroup"_s, tr("Stop Group"), tr("Ctrl+Alt+T"), this)),
      m_addWorker(command(u"actionAddWorker"_s, tr("Add Worker"), tr("Ctrl+Alt+J"), this)),
      m_kill(command(u"actionKillWorker"_s, tr("Kill"), tr("Ctrl+Alt+K"), this)),
      m_pause(command(u"actionPauseWorker"_s, tr("Pause"), tr("Ctrl+Alt+U"), this)),
      m_slow(command(u"actionSlowWorker"_s, tr("Slow Processing…"), tr("Ctrl+Alt+S"), this)),
      m_poison(command(u"actionPoisonWorker"_s, tr("Poison Record…"), tr("Ctrl+Alt+Y"), this))
{
    setObjectName(u"consumerDashboard"_s);
    addActions(commandActions());
    connect(m_runGroup, &QAction::triggered, this, &ConsumerDashboard::runGroup);
    connect(m_openTable, &QAction::triggered, this, &ConsumerDashboard::openTable);
    connect(m_stop, &QAction::triggered, this, &ConsumerDashboard::stopRequested);
    connect(m_addWorker, &QAction::triggered, this, &ConsumerDashboard::addWorkerRequested);
    connect(m_kill, &QAction::triggered, this, [this] {
        if (const auto status = selectedStatus(); status && status->state != WorkerStatus::State::Killed)
            emit killWorkerRequested(status->workerId);
    });
    connect(m_pause, &QAction::triggered, this, [this] {
        if (const auto status = selectedStatus(); status && status->state != WorkerStatus::State::Killed)
            emit pauseWorkerRequested(status->workerId, status->state != WorkerStatus::State::Paused);
    });
    connect(m_slow, &QAction::triggered, this, &ConsumerDashboard::slowSelectedWorker);
    connect(m_poison, &QAction::triggered, this, &ConsumerDashboard::poisonSelectedWorker);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"dashboardSplitter"_s);
    splitter->setChildrenCollapsible(false);

    auto *diagnoses = new QWidget(this);
    m_diagnosesList = new QListWidget(diagnoses);
    m_diagnosesList->setObjectName(u"diagnosesList"_s);
    m_diagnosesList->setWordWrap(true);
    m_diagnosesList->setTextElideMode(Qt::ElideNone);
    m_diagnosesList->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_diagnosesList, &QListWidget::itemClicked, this, &ConsumerDashboard::activateDiagnosis);
    connect(m_diagnosesList, &QListWidget::itemActivated, this, &ConsumerDashboard::activateDiagnosis);
    m_calm = note(diagnoses);
    m_calm->setObjectName(u"diagnosesCalm"_s);
    auto *diagnosesLayout = new QVBoxLayout(diagnoses);
    diagnosesLayout->setContentsMargins(0, 0, 0, 0);
    diagnosesLayout->addWidget(caption(tr("Diagnoses"), diagnoses));
    diagnosesLayout->addWidget(m_calm);
    diagnosesLayout->addWidget(m_diagnosesList, 1);

    splitter->addWidget(diagnoses);
    splitter->addWidget(buildTables());
    splitter->addWidget(buildCharts());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 4);
    // The charts tell a failover at a glance: they get the larger share from the start.
    splitter->setSizes({100, 260, 440});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(buildSourceBar());
    layout->addWidget(splitter, 1);

    updateDiagnosesList();
    updateActions();
}

ConsumerDashboard::~ConsumerDashboard() = default;

QList<QAction *> ConsumerDashboard::commandActions() const
{
    return {m_runGroup, m_openTable, m_stop, m_addWorker, m_kill, m_pause, m_slow, m_poison};
}

QWidget *ConsumerDashboard::buildSourceBar()
{
    auto *bar = new QWidget(this);
    m_sourceLabel = new QLabel(bar);
    m_sourceLabel->setObjectName(u"sourceLabel"_s);
    m_sourceLabel->setWordWrap(true);
    m_sourceError = new QLabel(bar);
    m_sourceError->setObjectName(u"sourceError"_s);
    m_sourceError->setWordWrap(true);
    Theme::colourText(m_sourceError, Theme::Status::Error);
    m_sourceError->hide();
    auto *row = new QHBoxLayout;
    row->addWidget(m_sourceLabel, 1);
    for (QAction *action : {m_runGroup, m_openTable, m_addWorker, m_stop})
        row->addWidget(actionButton(action, bar));
    auto *layout = new QVBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_sourceError);
    return bar;
}

QWidget *ConsumerDashboard::buildTables()
{
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);

    auto *leases = new QWidget(split);
    m_leasesProxy->setSourceModel(m_leases);
    m_leasesProxy->setSortRole(ModelRole::SortRole);
    m_leasesView = tableView(m_leasesProxy, leases);
    m_leasesView->setObjectName(u"leasesView"_s);
    m_leasesView->sortByColumn(LeasesModel::ShardColumn, Qt::AscendingOrder);
    QHeaderView *columns = m_leasesView->horizontalHeader();
    const QFontMetrics metrics = m_leasesView->fontMetrics();
    const int padding = 20;
    columns->resizeSection(LeasesModel::ShardColumn, metrics.horizontalAdvance(u"shardId-000000000000"_s) + padding);
    columns->resizeSection(LeasesModel::OwnerColumn, metrics.horizontalAdvance(u"worker-0000 (leader)"_s) + padding);
    columns->resizeSection(LeasesModel::StateColumn, metrics.horizontalAdvance(u"unassigned"_s) + padding);
    columns->resizeSection(LeasesModel::CounterColumn, metrics.horizontalAdvance(u"00000"_s) + padding);
    columns->resizeSection(LeasesModel::CheckpointColumn, metrics.horizontalAdvance(u"TRIM_HORIZON"_s) + padding);
    columns->resizeSection(LeasesModel::BehindColumn, metrics.horizontalAdvance(u"000 records · 00.0 KiB · 00 s"_s) + padding);
    columns->resizeSection(LeasesModel::SwitchesColumn, metrics.horizontalAdvance(u"Switches"_s) + padding);
    // How far behind next to the lease state: the two things a stuck shard shows first.
    columns->moveSection(columns->visualIndex(LeasesModel::BehindColumn), LeasesModel::CounterColumn);
    auto *leasesLayout = new QVBoxLayout(leases);
    leasesLayout->setContentsMargins(0, 0, 0, 0);
    leasesLayout->addWidget(caption(tr("Leases"), leases));
    leasesLayout->addWidget(m_leasesView, 1);

    auto *workers = new QWidget(split);
    m_workersProxy->setSourceModel(m_workers);
    m_workersProxy->setSortRole(ModelRole::SortRole);
    m_workersView = tableView(m_workersProxy, workers);
    m_workersView->setObjectName(u"workersView"_s);
    m_workersView->sortByColumn(LeaseWorkersModel::WorkerColumn, Qt::AscendingOrder);
    QHeaderView *workerColumns = m_workersView->horizontalHeader();
    workerColumns->resizeSection(LeaseWorkersModel::WorkerColumn, metrics.horizontalAdvance(u"worker-0000 (leader)"_s) + padding);
    workerColumns->resizeSection(LeaseWorkersModel::StateColumn, metrics.horizontalAdvance(u"not renewing"_s) + padding);
    workerColumns->resizeSection(LeaseWorkersModel::LeasesColumn, metrics.horizontalAdvance(u"Leases"_s) + padding);
    workerColumns->resizeSection(LeaseWorkersModel::RateColumn, metrics.horizontalAdvance(u"Records/s"_s) + padding);
    workerColumns->resizeSection(LeaseWorkersModel::RenewalColumn, metrics.horizontalAdvance(u"Last renewal"_s) + padding);
    connect(m_workersView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConsumerDashboard::updateActions);
    connect(m_workers, &QAbstractItemModel::dataChanged, this, &ConsumerDashboard::updateActions);
    connect(m_workers, &QAbstractItemModel::rowsRemoved, this, &ConsumerDashboard::updateActions);
    m_faultsNote = note(workers);
    m_faultsNote->setObjectName(u"faultsNote"_s);
    auto *faults = new QHBoxLayout;
    faults->addWidget(new QLabel(tr("Selected worker:"), workers));
    for (QAction *action : {m_kill, m_pause, m_slow, m_poison})
        faults->addWidget(actionButton(action, workers));
    faults->addStretch(1);
    auto *workersLayout = new QVBoxLayout(workers);
    workersLayout->setContentsMargins(0, 0, 0, 0);
    workersLayout->addWidget(caption(tr("Workers"), workers));
    workersLayout->addWidget(m_workersView, 1);
    workersLayout->addLayout(faults);
    workersLayout->addWidget(m_faultsNote);

    split->addWidget(leases);
    split->addWidget(workers);
    // The leases carry most columns and most of what a diagnosis points at.
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 3);
    split->setSizes({5000, 3000});
    return split;
}

QWidget *ConsumerDashboard::buildCharts()
{
    auto *charts = new QWidget(this);
    m_ownership = new SwimLaneChart(charts);
    m_ownership->setObjectName(u"ownershipChart"_s);
    m_ownership->setTitle(tr("Lease ownership (one lane per shard, a colour per worker)"));
    // The three line charts differ only in what they show; they share the diagnoses' window.
    const auto window = std::chrono::milliseconds(LeaseDiagnoser::kHistoryMs);
    m_lag = new TimeSeriesChart({.objectName = u"lagChart"_s, .title = tr("Time behind per shard"),
                                 .unit = tr("s"), .decimals = 1, .window = window,
                                 .exportName = u"consumer-lag"_s}, charts);
    m_checkpoints = new TimeSeriesChart({.objectName = u"checkpointChart"_s, .title = tr("Checkpoints per second"),
                                         .unit = tr("/s"), .decimals = 2, .window = window,
                                         .exportName = u"consumer-checkpoints"_s}, charts);
    m_checkpointSeries = m_checkpoints->addSeries(tr("checkpoints"));
    m_throttles = new TimeSeriesChart({.objectName = u"throttleChart"_s, .title = tr("Throttles per second (own group)"),
                                       .unit = tr("/s"), .decimals = 2, .window = window,
                                       .exportName = u"consumer-throttles"_s}, charts);
    m_throttleSeries = m_throttles->addSeries(tr("throttled reads"), Theme::Series::Red);
    for (TimeSeriesChart *chart : {m_lag, m_checkpoints, m_throttles})
        chart->setMinimumHeight(160);

    auto *grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_ownership, 0, 0, 1, 3);
    grid->addWidget(m_lag, 1, 0);
    grid->addWidget(m_checkpoints, 1, 1);
    grid->addWidget(m_throttles, 1, 2);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    return charts;
}

void ConsumerDashboard::setStream(const QString &streamName, bool readOnly, const QString &awsConnectionName)
{
    m_streamName = streamName;
    m_readOnly = readOnly;
    m_awsConnection = awsConnectionName;
    updateActions();
}

void ConsumerDashboard::setConsumers(const QList<Consumer> &consumers)
{
    m_consumers = consumers;
}

void ConsumerDashboard::setSource(Source source, const QString &description)
{
    if (source != m_source)
        clear();
    m_source = source;
    switch (source) {
    case Source::None:
        m_sourceLabel->setText(tr("No consumer group is shown. Run one on this stream to try "
                                  "failures out, or open a KCL application's lease table to "
                                  "see what it does."));
        break;
    case Source::Group:
        m_sourceLabel->setText(tr("Consumer group %1").arg(description));
        break;
    case Source::Inspector:
        m_sourceLabel->setText(tr("Lease table %1 (read-only)").arg(description));
        break;
    }
    m_stop->setText(source == Source::Inspector ? tr("Close Lease Table") : tr("Stop Group"));
    updateActions();
}

void ConsumerDashboard::setSourceError(const QString &message)
{
    m_sourceError->setText(message);
    m_sourceError->setVisible(!message.isEmpty());
}

void ConsumerDashboard::clear()
{
    m_history.clear();
    m_shards.reset();
    m_tips.clear();
    m_workerStatus.reset();
    m_throttleCounts.clear();
    m_diagnoses.clear();
    m_leases->clear();
    m_workers->clear();
    m_ownership->clear();
    m_lag->clearPoints();
    m_checkpoints->clearPoints();
    m_throttles->clearPoints();
    updateDiagnosesList();
    updateActions();
}

void ConsumerDashboard::setSnapshot(const LeaseTableSnapshot &snapshot)
{
    // Checkpoints per second: leases whose checkpoint changed since the previous poll.
    if (!m_history.isEmpty() && snapshot.takenAtMs > m_history.last().takenAtMs) {
        QHash<QString, QString> before;
        for (const LeaseState &state : std::as_const(m_history.last().leases))
            before.insert(state.lease.leaseKey, state.lease.checkpoint);
        int moved = 0;
        for (const LeaseState &state : snapshot.leases) {
            const auto it = before.constFind(state.lease.leaseKey);
            if (it != before.cend() && *it != state.lease.checkpoint)
                ++moved;
        }
        const double seconds = double(snapshot.takenAtMs - m_history.last().takenAtMs) / 1000.0;
        m_checkpoints->append(m_checkpointSeries, snapshot.takenAtMs, moved / seconds);
    }
    m_history.append(snapshot);
    const qint64 cutoff = snapshot.takenAtMs - LeaseDiagnoser::kHistoryMs;
    while (!m_history.isEmpty() && m_history.first().takenAtMs < cutoff)
        m_history.removeFirst();
    m_leases->setSnapshot(snapshot);
    m_workers->setSnapshot(snapshot);
    setSourceError(snapshot.error ? snapshot.error->message : QString());
    updateOwnership();
    rediagnose();
}

void ConsumerDashboard::setShards(const QList<Shard> &shards)
{
    m_shards = shards;
    m_leases->setShards(shards);
    updateOwnership();
    rediagnose();
}

void ConsumerDashboard::setTips(const QList<ShardTip> &tips)
{
    for (const ShardTip &tip : tips) {
        m_tips.append(tip);
        if (!tip.millisBehind)
            continue;
        auto series = m_lagSeries.constFind(tip.shardId);
        if (series == m_lagSeries.cend())
            // Colours that stay apart on both palettes (the chart theme's third is a grey that
            // vanishes on a dark window, and a stuck shard's line is the one to see).
            series = m_lagSeries.insert(tip.shardId, m_lag->addSeries(shortShardName(tip.shardId),
                                                                      Theme::category(m_lagSeries.size())));
        m_lag->append(*series, tip.atMs, double(*tip.millisBehind) / 1000.0);
    }
    if (!m_tips.isEmpty()) {
        const qint64 cutoff = m_tips.last().atMs - LeaseDiagnoser::kHistoryMs;
        while (!m_tips.isEmpty() && m_tips.first().atMs < cutoff)
            m_tips.removeFirst();
    }
    m_leases->setTips(m_tips);
    rediagnose();
}

void ConsumerDashboard::setWorkers(const std::optional<QList<WorkerStatus>> &workers)
{
    if (workers && !m_history.isEmpty()) {
        qint64 throttled = 0;
        bool any = false;
        for (const WorkerStatus &worker : *workers) {
            const auto it = m_throttleCounts.constFind(worker.workerId);
            if (it != m_throttleCounts.cend()) {
                throttled += std::max<qint64>(0, worker.throttles - *it);
                any = true;
            }
            m_throttleCounts.insert(worker.workerId, worker.throttles);
        }
        // One point per snapshot interval: throttles seen since the previous one.
        const qint64 now = m_history.last().takenAtMs;
        const QList<QPointF> points = m_throttles->points(m_throttleSeries);
        const qint64 previous = points.isEmpty() ? 0 : qint64(points.last().x());
        if (now > previous) {
            const double seconds = previous > 0 ? double(now - previous) / 1000.0 : 1.0;
            m_throttles->append(m_throttleSeries, now, any ? double(throttled) / seconds : 0.0);
        }
    }
    m_workerStatus = workers;
    m_workers->setWorkers(workers);
    rediagnose();
    updateActions();
}

void ConsumerDashboard::rediagnose()
{
    if (m_history.isEmpty()) {
        m_diagnoses.clear();
        updateDiagnosesList();
        return;
    }
    LeaseDiagnoserInput input;
    input.nowMs = m_history.last().takenAtMs;
    if (!m_tips.isEmpty())
        input.nowMs = std::max(input.nowMs, m_tips.last().atMs);
    input.streamName = m_streamName;
    input.history = m_history;
    input.shards = m_shards;
    input.tips = m_tips;
    input.workers = m_workerStatus;
    const QList<Diagnosis> found = LeaseDiagnoser::diagnose(input);
    if (found == m_diagnoses && !m_diagnoses.isEmpty())
        return;
    m_diagnoses = found;
    updateDiagnosesList();
}

void ConsumerDashboard::updateDiagnosesList()
{
    const QString current = m_diagnosesList->currentItem()
        ? m_diagnosesList->currentItem()->data(Qt::UserRole).toString()
        : QString();
    m_diagnosesList->clear();
    for (const Diagnosis &d : std::as_const(m_diagnoses)) {
        QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
        QString severity = tr("Note");
        if (d.severity == Diagnosis::Severity::Error) {
            icon = QStyle::SP_MessageBoxCritical;
            severity = tr("Problem");
        } else if (d.severity == Diagnosis::Severity::Warning) {
            icon = QStyle::SP_MessageBoxWarning;
            severity = tr("Warning");
        }
        auto *item = new QListWidgetItem(style()->standardIcon(icon), d.text, m_diagnosesList);
        item->setData(Qt::UserRole, d.key());
        item->setData(kShardRole, d.shardId);
        item->setData(kWorkerRole, d.workerId);
        item->setToolTip(tr("%1 since %2. Click to select it in the tables.")
                             .arg(severity, QLocale().toString(QDateTime::fromMSecsSinceEpoch(d.sinceMs).time(),
                                                               QLocale::ShortFormat)));
        if (d.key() == current)
            m_diagnosesList->setCurrentItem(item);
    }
    const bool none = m_diagnoses.isEmpty();
    m_diagnosesList->setVisible(!none);
    m_calm->setVisible(none);
    m_calm->setText(m_history.isEmpty()
                        ? tr("Diagnoses appear here once a lease table is read.")
                        : tr("Nothing wrong found: every lease is renewed, checkpoints move and "
                             "no shard is left out."));
}

void ConsumerDashboard::activateDiagnosis(QListWidgetItem *item)
{
    if (!item)
        return;
    const QString shard = item->data(kShardRole).toString();
    const QString worker = item->data(kWorkerRole).toString();
    if (!shard.isEmpty())
        selectShard(shard);
    if (!worker.isEmpty())
        selectWorker(worker);
}

void ConsumerDashboard::updateOwnership()
{
    QStringList lanes;
    for (int row = 0; row < m_leases->rowCount(); ++row)
        lanes.append(m_leases->shardIdAt(row));
    QList<QList<SwimLaneChart::Segment>> segments(lanes.size());
    QList<bool> open(lanes.size(), false); // whether the lane's last segment still runs
    for (const LeaseTableSnapshot &snapshot : std::as_const(m_history)) {
        for (const LeaseState &state : snapshot.leases) {
            const qsizetype lane = lanes.indexOf(state.lease.shardId());
            if (lane < 0)
                continue;
            QList<SwimLaneChart::Segment> &list = segments[lane];
            const QString &owner = state.lease.leaseOwner;
            const bool lapsed = state.expired && !state.lease.reachedShardEnd();
            if (open[lane]) {
                // Up to the poll that saw a change, so lanes have no gaps between owners.
                list.last().endMs = snapshot.takenAtMs;
                if (list.last().holder == owner && list.last().lapsed == lapsed)
                    continue;
            }
            open[lane] = !owner.isEmpty();
            if (open[lane])
                list.append({snapshot.takenAtMs, snapshot.takenAtMs, owner, lapsed});
        }
    }
    m_ownership->setLanes(lanes, segments);
    if (!m_history.isEmpty()) {
        const qint64 end = m_history.last().takenAtMs;
        m_ownership->setTimeRange(std::max(m_history.first().takenAtMs, end - LeaseDiagnoser::kHistoryMs), end);
    }
}

QString ConsumerDashboard::selectedShard() const
{
    const QModelIndexList rows = m_leasesView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ModelRole::ShardIdRole).toString();
}

QString ConsumerDashboard::selectedWorker() const
{
    const QModelIndexList rows = m_workersView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ModelRole::WorkerIdRole).toString();
}

bool ConsumerDashboard::selectShard(const QString &shardId)
{
    const int row = m_leases->rowOfShard(shardId);
    if (row < 0)
        return false;
    const QModelIndex index = m_leasesProxy->mapFromSource(m_leases->index(row, 0));
    m_leasesView->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_leasesView->scrollTo(index);
    return true;
}

bool ConsumerDashboard::selectWorker(const QString &workerId)
{
    const int row = m_workers->rowOfWorker(workerId);
    if (row < 0)
        return false;
    const QModelIndex index = m_workersProxy->mapFromSource(m_workers->index(row, 0));
    m_workersView->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_workersView->scrollTo(index);
    return true;
}

std::optional<WorkerStatus> ConsumerDashboard::selectedStatus() const
{
    const QModelIndexList rows = m_workersView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_workers->statusAt(m_workersProxy->mapToSource(rows.first()).row());
}

void ConsumerDashboard::updateActions()
{
    QString sourceBusy;
    if (m_source == Source::Group)
        sourceBusy = tr("A consumer group runs: stop it first.");
    else if (m_source == Source::Inspector)
        sourceBusy = tr("A lease table is open: close it first.");
    const QString noStream = m_streamName.isEmpty() ? tr("Select a stream first.") : QString();
    enableOrExplain(m_runGroup, !noStream.isEmpty() ? noStream : sourceBusy,
                    tr("Run a KCL-style consumer group on this stream and watch its leases"));
    enableOrExplain(m_openTable, sourceBusy,
                    tr("Watch a KCL application's lease table, read-only"));
    enableOrExplain(m_stop, m_source == Source::None ? tr("No consumer group runs and no lease table is open.") : QString(),
                    m_source == Source::Inspector ? tr("Stop watching the lease table")
                                                  : tr("Stop every worker of the group"));
    const QString noGroup = m_source == Source::Group ? QString()
        : m_source == Source::Inspector ? tr("A watched application's workers are not Shardscope's: "
                                             "faults apply to a group run here.")
                                        : tr("No consumer group runs.");
    enableOrExplain(m_addWorker, noGroup, tr("Start one more worker in the group"));

    const auto status = selectedStatus();
    QString workerReason = noGroup;
    if (workerReason.isEmpty() && !status)
        workerReason = tr("Select one of the group's workers in the table.");
    else if (workerReason.isEmpty() && status->state == WorkerStatus::State::Killed)
        workerReason = tr("%1 was killed.").arg(status->workerId);
    const bool paused = status && status->state == WorkerStatus::State::Paused;
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    enableOrExplain(m_kill, workerReason, tr("Stop the worker at once, without giving its leases up"));
    enableOrExplain(m_pause, workerReason,
                    paused ? tr("Let the worker renew and read again")
                           : tr("Stop the worker renewing and reading, as a long pause would"));
    enableOrExplain(m_slow, workerReason, tr("Make the worker take this long per record"));
    enableOrExplain(m_poison, workerReason, tr("Make the worker fail on the records a filter matches"));
    m_faultsNote->setText(workerReason);
    m_faultsNote->setVisible(!workerReason.isEmpty());
}

void ConsumerDashboard::runGroup()
{
    if (!m_runGroup->isEnabled())
        return;
    auto *dialog = new RunGroupDialog(m_streamName, m_consumers, m_readOnly, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { emit runGroupRequested(dialog->request()); });
    dialog->open();
}

void ConsumerDashboard::openTable()
{
    if (!m_openTable->isEnabled())
        return;
    auto *dialog = new OpenLeaseTableDialog(m_awsConnection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { emit openTableRequested(dialog->request()); });
    dialog->open();
}

void ConsumerDashboard::slowSelectedWorker()
{
    const auto status = selectedStatus();
    if (!m_slow->isEnabled() || !status)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"slowProcessingDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Slow Processing"));
    dialog->setLabelText(tr("Time %1 takes per record (0: normal speed):").arg(status->workerId));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(0, 60'000);
    dialog->setIntStep(50);
    dialog->setIntValue(status->processingDelayMs > 0 ? status->processingDelayMs : 200);
    const QString worker = status->workerId;
    connect(dialog, &QInputDialog::intValueSelected, this,
            [this, worker](int ms) { emit processingDelayRequested(worker, ms); });
    dialog->open();
}

void ConsumerDashboard::poisonSelectedWorker()
{
    const auto status = selectedStatus();
    if (!m_poison->isEnabled() || !status)
        return;
    auto *dialog = new PoisonRecordDialog(status->workerId, status->poisonFilter, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString worker = status->workerId;
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, worker] { emit poisonFilterRequested(worker, dialog->filter()); });
    dialog->open();
}

} // namespace shardscope
