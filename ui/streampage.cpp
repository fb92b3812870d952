#include "streampage.h"

#include "backend/streambackend.h"
#include "consumers/consumerspage.h"
#include "models/modelroles.h"
#include "models/shardstablemodel.h"
#include "models/streamsummarymodel.h"
#include "metrics/streammetricsview.h"
#include "records/recordspage.h"
#include "shardlineagewidget.h"
#include "shardmaplab.h"
#include "theme/theme.h"
#include "usagebardelegate.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

QToolButton *actionButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    return button;
}

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    Theme::follow(label, [label](const QPalette &palette) {
        Theme::setStyleSheet(label, Theme::bannerStyleSheet(Theme::Status::Error, palette));
    });
    label->hide();
    return label;
}

} // namespace

StreamPage::StreamPage(const QList<QAction *> &settingsActions, const QList<QAction *> &shardActions,
                       QWidget *parent)
    : QWidget(parent),
      m_summary(new StreamSummaryModel(this)),
      m_shards(new ShardsTableModel(this)),
      m_shardsProxy(new QSortFilterProxyModel(this)),
      m_title(new QLabel(this)),
      m_status(new QLabel(this)),
      m_error(errorLabel(this)),
      m_tabs(new QTabWidget(this))
{
    m_title->setObjectName(u"streamTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_status->setObjectName(u"streamStatus"_s);
    // The badge's colours follow the stream's status and the palette.
    Theme::follow(m_status, [this](const QPalette &palette) {
        const auto summary = m_summary->summary();
        Theme::setStyleSheet(m_status, summary ? Theme::badgeStyleSheet(Theme::of(summary->streamStatus), palette)
                                               : QString());
    });
    m_error->setObjectName(u"streamError"_s);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_status);
    header->addStretch(1);

    m_tabs->setObjectName(u"streamTabs"_s);
    m_tabs->setDocumentMode(true);
    // Mnemonics clear of the menu bar's (&File, &Stream, &Records, &View, &Help) and of the
    // pages' own labels (the Metrics tab's "Time ra&nge"): a shared one would make Qt fire neither.
    m_tabs->addTab(buildOverview(settingsActions), tr("&Overview"));
    m_tabs->addTab(buildShards(shardActions), tr("Sh&ards"));
    m_records = new RecordsPage(this);
    m_tabs->addTab(m_records, tr("Re&cords"));
    m_metrics = new StreamMetricsView(this);
    m_metrics->setObjectName(u"streamMetrics"_s);
    m_tabs->addTab(m_metrics, tr("&Metrics"));
    m_consumers = new ConsumersPage(this);
    m_consumers->setObjectName(u"streamConsumers"_s);
    m_tabs->addTab(m_consumers, tr("Cons&umers"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 4);
    layout->addLayout(header);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);

    connect(m_summary, &StreamSummaryModel::summaryChanged, this, &StreamPage::updateHeader);
    connect(m_shards, &ShardsTableModel::refreshed, this, [this] {
        m_shardsError->setVisible(m_shards->lastError().has_value());
        if (m_shards->lastError())
            m_shardsError->setText(m_shards->lastError()->message);
        QStringList shardIds;
        for (int row = 0; row < m_shards->rowCount(); ++row)
            shardIds.append(m_shards->index(row, 0).data(ModelRole::ShardIdRole).toString());
        m_records->setShardIds(shardIds);
    });
    connect(m_shards, &ShardsTableModel::refreshFailed, this, [this](const Error &error) {
        m_shardsError->setText(tr("Cannot list the shards: %1").arg(error.message));
        m_shardsError->show();
    });
}

StreamPage::~StreamPage() = default;

StreamBackend *StreamPage::backend() const
{
    return m_backend;
}

QWidget *StreamPage::buildOverview(const QList<QAction *> &actions)
{
    auto *page = new QWidget(this);
    m_summaryView = new QTreeView(page);
    m_summaryView->setObjectName(u"summaryView"_s);
    m_summaryView->setModel(m_summary);
    // The use (hottest shard) is polled only while the Overview is on screen.
    m_summaryView->installEventFilter(this);
    m_summaryView->setRootIsDecorated(false);
    m_summaryView->setUniformRowHeights(true);
    m_summaryView->setAlternatingRowColors(true);
    m_summaryView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_summaryView->header()->setSectionResizeMode(StreamSummaryModel::LabelColumn, QHeaderView::ResizeToContents);
    m_summaryView->header()->setStretchLastSection(true);

    auto *buttons = new QVBoxLayout;
    auto *caption = new QLabel(tr("Settings"), page);
    QFont bold = caption->font();
    bold.setBold(true);
    caption->setFont(bold);
    buttons->addWidget(caption);
    for (QAction *action : actions) {
        QToolButton *button = actionButton(action, page);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);

    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_summaryView, 1);
    layout->addLayout(buttons);
    return page;
}

QWidget *StreamPage::buildShards(const QList<QAction *> &actions)
{
    auto *page = new QWidget(this);
    m_shardsProxy->setSourceModel(m_shards);
    m_shardsProxy->setSortRole(ModelRole::SortRole);

    m_shardsView = new QTableView(page);
    m_shardsView->setObjectName(u"shardsView"_s);
    m_shardsView->setModel(m_shardsProxy);
    m_shardsView->setSortingEnabled(true);
    m_shardsView->sortByColumn(ShardsTableModel::IdColumn, Qt::AscendingOrder);
    m_shardsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_shardsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_shardsView->setAlternatingRowColors(true);
    m_shardsView->verticalHeader()->hide();
    m_shardsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_shardsView->horizontalHeader()->setStretchLastSection(true);
    m_shardsView->setWordWrap(false);
    // What people compare first: state, use, records and bytes, lineage; the 39-digit keys after.
    QHeaderView *columns = m_shardsView->horizontalHeader();
    int visual = 2;
    for (int column : {ShardsTableModel::WriteUseColumn, ShardsTableModel::ReadUseColumn,
                       ShardsTableModel::RecordCountColumn, ShardsTableModel::BytesColumn,
                       ShardsTableModel::ParentColumn, ShardsTableModel::AdjacentParentColumn})
        columns->moveSection(columns->visualIndex(column), visual++);
    auto *usageBars = new UsageBarDelegate(m_shardsView);
    m_shardsView->setItemDelegateForColumn(ShardsTableModel::WriteUseColumn, usageBars);
    m_shardsView->setItemDelegateForColumn(ShardsTableModel::ReadUseColumn, usageBars);
    // The use is polled only while the table is on screen.
    m_shardsView->installEventFilter(this);
    connect(m_shards, &ShardsTableModel::refreshed, m_shardsView, [this] {
        // Size columns once, when the first rows arrive; the user's widths win afterwards.
        if (m_shardsView->property("sized").toBool() || m_shards->rowCount() == 0)
            return;
        m_shardsView->resizeColumnsToContents();
        m_shardsView->setProperty("sized", true);
    });

    m_lab = new ShardMapLab(page);
    m_lab->setObjectName(u"shardMapLab"_s);
    m_lab->setModel(m_shards, m_shardsView->selectionModel());
    // The selection changes after the current index does: report once both are settled.
    connect(m_shardsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { emit selectedShardChanged(selectedShardId()); });

    // The map and the lineage take turns above the table and share its selection.
    m_shardViews = new QTabWidget(page);
    m_shardViews->setObjectName(u"shardViews"_s);
    m_shardViews->setDocumentMode(true);
    m_lineage = new ShardLineageWidget(m_shardViews);
    m_lineage->setObjectName(u"shardLineage"_s);
    m_lineage->setModel(m_shards, m_shardsView->selectionModel());
    connect(m_lineage, &ShardLineageWidget::shardActivated, this, &StreamPage::showShardRecords);
    connect(m_summary, &StreamSummaryModel::summaryChanged, m_lineage, [this] {
        const auto summary = m_summary->summary();
        m_lineage->setStreamFacts(summary ? std::optional<qint64>(summary->streamCreationTimestamp) : std::nullopt,
                                  summary ? std::optional<int>(summary->retentionPeriodHours) : std::nullopt);
    });
    m_shardViews->addTab(m_lab, tr("Map"));
    m_shardViews->addTab(m_lineage, tr("Lineage"));

    m_shardsError = errorLabel(page);
    auto *buttons = new QHBoxLayout;
    auto *hint = new QLabel(tr("Hash-key space — click a shard to select it, Shift+click a neighbour to merge"), page);
    hint->setForegroundRole(QPalette::PlaceholderText);
    // The hint speaks of the band: shown with the map only.
    connect(m_shardViews, &QTabWidget::currentChanged, hint, [hint](int view) { hint->setVisible(view == MapView); });
    buttons->addWidget(hint);
    buttons->addStretch(1);
    for (QAction *action : actions)
        buttons->addWidget(actionButton(action, page));

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(buttons);
    // The band and the table share the height; the divider moves.
    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->setObjectName(u"shardsSplitter"_s);
    splitter->setChildrenCollapsible(false);
    auto *tablePart = new QWidget(splitter);
    auto *tableLayout = new QVBoxLayout(tablePart);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_shardsError);
    tableLayout->addWidget(m_shardsView, 1);
    splitter->addWidget(m_shardViews);
    splitter->addWidget(tablePart);
    // The lab starts at its size hint; extra height is shared evenly, since more table rows
    // help as much as a taller band.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    return page;
}

void StreamPage::showShardView(ShardView view)
{
    m_shardViews->setCurrentWidget(view == LineageView ? static_cast<QWidget *>(m_lineage) : m_lab);
    m_shardViews->currentWidget()->setFocus();
}

void StreamPage::showShardRecords(const QString &shardId)
{
    m_records->setStartShard(shardId);
    m_records->setStartPosition(RecordsPage::TrimHorizon);
    m_tabs->setCurrentWidget(m_records);
    m_records->start();
}

void StreamPage::setStream(StreamBackend *backend, const QString &streamName)
{
    if (backend == m_backend && streamName == m_streamName)
        return;
    m_backend = backend;
    m_streamName = streamName;
    m_summary->setStream(backend, streamName);
    m_shards->setStream(backend, streamName);
    m_records->setStream(backend, streamName);
    m_metrics->setStream(backend, streamName);
    m_consumers->setStream(backend, streamName);
    m_lab->setStream(backend, streamName);
    m_shardsView->setProperty("sized", false);
    m_shardsError->hide();
    updateHeader();
}

bool StreamPage::eventFilter(QObject *watched, QEvent *event)
{
    // Hidden with its tab, its page or the window; shown again with them.
    if (event->type() == QEvent::Show || event->type() == QEvent::Hide) {
        if (watched == m_shardsView)
            m_shards->setUsagePolling(m_shardsView->isVisible());
        else if (watched == m_summaryView)
            m_summary->setUsagePolling(m_summaryView->isVisible());
    }
    return QWidget::eventFilter(watched, event);
}

void StreamPage::refresh()
{
    m_summary->refresh();
    m_shards->refresh();
    m_consumers->refresh();
}

QString StreamPage::selectedShardId() const
{
    const QModelIndex current = m_shardsView->selectionModel()->currentIndex();
    if (!current.isValid() || !m_shardsView->selectionModel()->isRowSelected(current.row(), {}))
        return {};
    return current.siblingAtColumn(0).data(ModelRole::ShardIdRole).toString();
}

void StreamPage::updateHeader()
{
    m_title->setText(m_streamName);
    const auto summary = m_summary->summary();
    const QString error = m_summary->errorText();
    m_error->setVisible(!error.isEmpty());
    m_error->setText(error);
    if (!summary) {
        m_status->clear();
        return;
    }
    QString status = toWire(summary->streamStatus);
    m_status->setText(status);
    Theme::setStyleSheet(m_status, Theme::badgeStyleSheet(Theme::of(summary->streamStatus),
                                                          Theme::paletteFor(m_status)));
    QString details = tr("%1 · %2 open shards · %3 h retention")
                          .arg(summary->streamMode == StreamMode::OnDemand ? tr("On-demand") : tr("Provisioned"))
                          .arg(summary->openShardCount)
                          .arg(summary->retentionPeriodHours);
    if (summary->encryptionType == EncryptionType::Kms)
        details += tr(" · encrypted");
    m_status->setToolTip(details);
}

} // namespace shardscope
