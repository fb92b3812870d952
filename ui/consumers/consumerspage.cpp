#include "consumerspage.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "consumerdashboard.h"
#include "consumerdebugcontroller.h"
#include "consumerstatusdelegate.h"
#include "dialogs/inlineerrorlabel.h"
#include "models/consumersmodel.h"
#include "models/livesubscriptionsmodel.h"
#include "models/modelroles.h"
#include "registerconsumerdialog.h"
#include "sectionwidgets.h"
#include "shardreadersview.h"
#include "theme/theme.h"
#include "theme/themeicons.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

using namespace sectionwidgets;

// A table, or the sentence that stands in for it while it has nothing to show.
QStackedWidget *tableOrMessage(QTableView *view, QLabel *message, QWidget *parent)
{
    auto *stack = new QStackedWidget(parent);
    message->setAlignment(Qt::AlignCenter);
    message->setMargin(16);
    stack->addWidget(view);
    stack->addWidget(message);
    return stack;
}

} // namespace

ConsumersPage::ConsumersPage(QWidget *parent)
    : QWidget(parent),
      m_consumers(new ConsumersModel(this)),
      m_subscriptions(new LiveSubscriptionsModel(this)),
      m_consumersProxy(new QSortFilterProxyModel(this)),
      m_subscriptionsProxy(new QSortFilterProxyModel(this)),
      m_registerAction(new QAction(tr("Register &Consumer…"), this)),
      m_deregisterAction(new QAction(tr("Deregister C&onsumer…"), this)),
      m_dashboard(new ConsumerDashboard(this)),
      m_debugController(new ConsumerDebugController(m_dashboard, this))
{
    m_registerAction->setObjectName(u"actionRegisterConsumer"_s);
    m_registerAction->setShortcut(QKeySequence(tr("Ctrl+Alt+N")));
    m_deregisterAction->setObjectName(u"actionDeregisterConsumer"_s);
    m_deregisterAction->setShortcut(QKeySequence(tr("Ctrl+Alt+D")));
    // Bound to the page when it stands alone; a window may rebind them window-wide.
    for (QAction *action : {m_registerAction, m_deregisterAction})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addActions({m_registerAction, m_deregisterAction});
    Theme::follow(this, [this](const QPalette &palette) {
        m_registerAction->setIcon(ThemeIcons::icon(u"consumer"_s, palette.color(QPalette::ButtonText)));
    });
    connect(m_registerAction, &QAction::triggered, this, &ConsumersPage::registerConsumer);
    connect(m_deregisterAction, &QAction::triggered, this, &ConsumersPage::deregisterSelectedConsumer);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"consumersSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildConsumers());
    splitter->addWidget(buildSubscriptions());
    m_readersView = new ShardReadersView(splitter);
    splitter->addWidget(m_readersView);
    // The consumers are what a user comes for and acts on: they get the larger share.
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    // The registered consumers first; the consumer group dashboard on its own sub-tab.
    m_sections = new QTabWidget(this);
    m_sections->setObjectName(u"consumersSections"_s);
    m_sections->setDocumentMode(true);
    m_sections->addTab(splitter, tr("Registered consumers"));
    // The dashboard is tall (diagnoses, two tables, swim lanes, three charts): it scrolls rather
    // than making the whole window taller than a laptop screen.
    auto *dashboardScroll = new QScrollArea(m_sections);
    dashboardScroll->setObjectName(u"consumerDashboardScroll"_s);
    dashboardScroll->setWidgetResizable(true);
    dashboardScroll->setFrameShape(QFrame::NoFrame);
    dashboardScroll->setWidget(m_dashboard);
    m_sections->addTab(dashboardScroll, tr("Consumer group"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_sections, 1);

    connect(m_consumers, &ConsumersModel::refreshed, this, [this] {
        QList<Consumer> consumers;
        for (int row = 0; row < m_consumers->rowCount(); ++row)
            consumers.append(m_consumers->consumer(row));
        m_dashboard->setConsumers(consumers);
        m_error->clearMessage();
        if (!m_selectAfterRefresh.isEmpty() && selectConsumer(m_selectAfterRefresh))
            m_selectAfterRefresh.clear();
        updateConsumersState();
    });
    connect(m_consumers, &ConsumersModel::refreshFailed, this, [this](const Error &error) {
        m_error->showMessage(tr("Cannot list the consumers: %1").arg(InlineErrorLabel::describe(error)));
        updateConsumersState();
    });
    connect(m_subscriptions, &LiveSubscriptionsModel::refreshed, this, [this] {
        m_consumers->setSubscriptionCounts(m_subscriptions->countsByConsumer());
        updateSubscriptionsState();
    });
    updateConsumersState();
    updateSubscriptionsState();
    updateActions();
}

ConsumersPage::~ConsumersPage() = default;

QWidget *ConsumersPage::buildConsumers()
{
    auto *section = new QWidget(this);
    m_consumersProxy->setSourceModel(m_consumers);
    m_consumersProxy->setSortRole(ModelRole::SortRole);
    m_consumersView = tableView(m_consumersProxy, section);
    m_consumersView->setObjectName(u"consumersView"_s);
    m_consumersView->sortByColumn(ConsumersModel::NameColumn, Qt::AscendingOrder);
    m_consumersView->setItemDelegateForColumn(ConsumersModel::StatusColumn,
                                              new ConsumerStatusDelegate(m_consumersView));
    // The long ARN last, where the table stretches; it is also whole under the table.
    QHeaderView *columns = m_consumersView->horizontalHeader();
    columns->moveSection(columns->visualIndex(ConsumersModel::ArnColumn), ConsumersModel::ColumnCount - 1);
    const QFontMetrics metrics = m_consumersView->fontMetrics();
    const int padding = 24;
    columns->resizeSection(ConsumersModel::NameColumn, metrics.horizontalAdvance(u'x') * 28 + padding);
    columns->resizeSection(ConsumersModel::StatusColumn, metrics.horizontalAdvance(u"DELETING"_s) + 2 * padding);
    columns->resizeSection(ConsumersModel::CreatedColumn,
                           metrics.horizontalAdvance(u"2026-12-07 11:29:06 PM"_s) + padding);
    columns->resizeSection(ConsumersModel::SubscriptionsColumn,
                           std::max(metrics.horizontalAdvance(m_consumers->headerData(
                                        ConsumersModel::SubscriptionsColumn, Qt::Horizontal).toString()),
                                    metrics.horizontalAdvance(u"000"_s)) + padding);
    m_consumersView->installEventFilter(this); // Ctrl+C copies the selected consumer's ARN
    connect(m_consumersView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QString arn = selectedConsumerArn();
        m_arnField->setText(arn);
        m_copyArnButton->setEnabled(!arn.isEmpty());
        updateActions();
    });
    // A consumer that changes state (DELETING) changes what Deregister may do.
    connect(m_consumers, &QAbstractItemModel::dataChanged, this, &ConsumersPage::updateActions);
    connect(m_consumers, &QAbstractItemModel::rowsRemoved, this, &ConsumersPage::updateActions);

    m_consumersMessage = note(section);
    m_consumersMessage->setObjectName(u"consumersMessage"_s);
    m_consumersStack = tableOrMessage(m_consumersView, m_consumersMessage, section);

    auto *header = new QHBoxLayout;
    header->addWidget(caption(tr("Registered consumers"), section));
    header->addStretch(1);
    header->addWidget(actionButton(m_registerAction, section));
    header->addWidget(actionButton(m_deregisterAction, section));

    auto *hint = note(section);
    hint->setText(tr("Enhanced fan-out: each consumer reads every shard with its own 2 MiB/s, "
                     "pushed to it through SubscribeToShard. Applications name the consumer by "
                     "its ARN."));
    m_readOnlyNote = note(section);
    m_readOnlyNote->setObjectName(u"consumersReadOnlyNote"_s);
    m_readOnlyNote->hide();
    m_error = new InlineErrorLabel(section);
    m_error->setObjectName(u"consumersError"_s);

    // Shown with the table: without consumers there is no ARN to see.
    m_arnRow = new QWidget(section);
    m_arnField = new QLineEdit(m_arnRow);
    m_arnField->setObjectName(u"consumerArnField"_s);
    m_arnField->setReadOnly(true);
    m_arnField->setPlaceholderText(tr("Select a consumer to see its ARN"));
    m_copyArnButton = new QToolButton(m_arnRow);
    m_copyArnButton->setObjectName(u"copyArnButton"_s);
    m_copyArnButton->setText(tr("Copy ARN"));
    m_copyArnButton->setToolTip(tr("Copy the selected consumer's ARN to the clipboard (Ctrl+C in the table)"));
    m_copyArnButton->setEnabled(false);
    connect(m_copyArnButton, &QToolButton::clicked, this, &ConsumersPage::copySelectedArn);
    auto *arnRow = new QHBoxLayout(m_arnRow);
    arnRow->setContentsMargins(0, 0, 0, 0);
    arnRow->addWidget(new QLabel(tr("ARN:"), m_arnRow));
    arnRow->addWidget(m_arnField, 1);
    arnRow->addWidget(m_copyArnButton);

    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->addLayout(header);
    layout->addWidget(hint);
    layout->addWidget(m_readOnlyNote);
    layout->addWidget(m_error);
    layout->addWidget(m_consumersStack, 1);
    layout->addWidget(m_arnRow);
    return section;
}

QWidget *ConsumersPage::buildSubscriptions()
{
    auto *section = new QWidget(this);
    m_subscriptionsProxy->setSourceModel(m_subscriptions);
    m_subscriptionsProxy->setSortRole(ModelRole::SortRole);
    m_subscriptionsView = tableView(m_subscriptionsProxy, section);
    m_subscriptionsView->setObjectName(u"subscriptionsView"_s);
    m_subscriptionsView->sortByColumn(LiveSubscriptionsModel::ConsumerColumn, Qt::AscendingOrder);
    QHeaderView *columns = m_subscriptionsView->horizontalHeader();
    const QFontMetrics metrics = m_subscriptionsView->fontMetrics();
    const int padding = 24;
    const auto fit = [&](int column, const QString &sample) {
        const QString title = m_subscriptions->headerData(column, Qt::Horizontal).toString();
        columns->resizeSection(column, std::max(metrics.horizontalAdvance(sample),
                                                metrics.horizontalAdvance(title)) + padding);
    };
    fit(LiveSubscriptionsModel::ConsumerColumn, QString(24, u'x'));
    fit(LiveSubscriptionsModel::ShardColumn, u"shardId-000000000000"_s);
    fit(LiveSubscriptionsModel::PositionColumn,
        LiveSubscriptionsModel::abbreviatedSequenceNumber(QString(56, u'0')));
    fit(LiveSubscriptionsModel::LagColumn, u"000 ms"_s);
    fit(LiveSubscriptionsModel::RecordsColumn, u"000,000"_s);
    fit(LiveSubscriptionsModel::RateColumn, u"000.0 KiB/s"_s);
    fit(LiveSubscriptionsModel::StartedColumn, u"00:00:00"_s);

    m_subscriptionsMessage = note(section);
    m_subscriptionsMessage->setObjectName(u"subscriptionsMessage"_s);
    m_subscriptionsStack = tableOrMessage(m_subscriptionsView, m_subscriptionsMessage, section);

    auto *hint = note(section);
    hint->setText(tr("What each subscribed consumer has been sent, per shard; read every second "
                     "while this tab is shown."));

    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(caption(tr("Live subscriptions"), section));
    layout->addWidget(hint);
    layout->addWidget(m_subscriptionsStack, 1);
    return section;
}

StreamBackend *ConsumersPage::backend() const
{
    return m_backend;
}

void ConsumersPage::setStream(StreamBackend *backend, const QString &streamName)
{
    if (backend == m_backend && streamName == m_streamName)
        return;
    m_backend = backend;
    m_streamName = streamName;
    m_selectAfterRefresh.clear();
    m_error->clearMessage();
    m_consumers->setStream(backend, streamName);
    m_subscriptions->setStream(backend, streamName);
    m_readersView->setStream(backend, streamName);
    m_consumers->setSubscriptionCounts(m_subscriptions->countsByConsumer());
    // Only a backend that knows its subscriptions can count them per consumer.
    m_consumersView->setColumnHidden(ConsumersModel::SubscriptionsColumn,
                                     !backend || !backend->hasLiveSubscriptions());
    m_arnField->clear();
    m_copyArnButton->setEnabled(false);
    const bool readOnly = backend && backend->isReadOnly();
    m_debugController->setStream(backend, streamName);
    m_dashboard->setStream(backend ? streamName : QString(), readOnly,
                           backend && backend->kind() == BackendKind::Aws ? backend->displayName() : QString());
    m_readOnlyNote->setVisible(readOnly);
    m_readOnlyNote->setText(tr("%1 is read-only: consumers cannot be registered or deregistered "
                               "here.")
                                .arg(backend ? backend->displayName() : QString()));
    updateConsumersState();
    updateSubscriptionsState();
    updateActions();
}

void ConsumersPage::refresh()
{
    if (!isVisible())
        return; // read when shown
    m_consumers->refresh();
    m_subscriptions->refresh();
}

QList<QAction *> ConsumersPage::commandActions() const
{
    return QList<QAction *>{m_registerAction, m_deregisterAction} + m_dashboard->commandActions();
}

QString ConsumersPage::selectedConsumerArn() const
{
    const QModelIndexList rows = m_consumersView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.constFirst().data(ModelRole::ConsumerArnRole).toString();
}

bool ConsumersPage::selectConsumer(const QString &consumerArn)
{
    const int row = m_consumers->rowOfArn(consumerArn);
    if (row < 0)
        return false;
    const QModelIndex index = m_consumersProxy->mapFromSource(m_consumers->index(row, 0));
    m_consumersView->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_consumersView->scrollTo(index);
    return true;
}

void ConsumersPage::registerConsumer()
{
    if (!m_registerAction->isEnabled() || !m_backend)
        return;
    auto *dialog = new RegisterConsumerDialog(m_backend, m_streamName, m_consumers->streamArn(),
                                              m_consumers->isLoaded() ? m_consumers->rowCount() : -1,
                                              this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RegisterConsumerDialog::consumerRegistered, this, [this](const Consumer &consumer) {
        m_error->clearMessage();
        m_selectAfterRefresh = consumer.consumerArn;
        m_consumers->refresh();
    });
    dialog->open();
}

void ConsumersPage::deregisterSelectedConsumer()
{
    const QString arn = selectedConsumerArn();
    if (!m_deregisterAction->isEnabled() || !m_backend || arn.isEmpty())
        return;
    const Consumer consumer = m_consumers->consumer(m_consumers->rowOfArn(arn));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Deregister Consumer"),
                                tr("Deregister the consumer “%1” of %2?")
                                    .arg(consumer.consumerName, m_streamName),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"deregisterConsumerConfirmation"_s);
    box->setInformativeText(tr("Its subscriptions end at once, and applications that read with it "
                               "stop receiving records. The stream and its records are not "
                               "touched."));
    QPushButton *confirm = box->addButton(tr("&Deregister"), QMessageBox::DestructiveRole);
    confirm->setObjectName(u"confirmDeregisterButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<StreamBackend> backend = m_backend;
    connect(box, &QMessageBox::buttonClicked, this, [this, backend, arn, confirm](QAbstractButton *button) {
        if (button != confirm || !backend || backend != m_backend)
            return;
        m_deregistering = true;
        m_error->clearMessage();
        updateActions();
        onResult(this, backend->deregisterStreamConsumer(ConsumerTarget::byArn(arn)),
                 [this, backend](BackendResult<void> result) {
                     m_deregistering = false;
                     if (backend != m_backend)
                         return; // another stream is shown now
                     if (!result)
                         m_error->showError(result.error());
                     m_consumers->refresh();
                     updateActions();
                 });
    });
    box->open();
}

void ConsumersPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    setPolling(true);
}

void ConsumersPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    setPolling(false);
}

bool ConsumersPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_consumersView && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy) && !selectedConsumerArn().isEmpty()) {
        copySelectedArn();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ConsumersPage::setPolling(bool on)
{
    m_consumers->setPollingWanted(on);
    m_subscriptions->setPollingWanted(on);
}

void ConsumersPage::copySelectedArn()
{
    const QString arn = selectedConsumerArn();
    if (!arn.isEmpty())
        QApplication::clipboard()->setText(arn);
}

void ConsumersPage::updateActions()
{
    const bool haveStream = m_backend && !m_streamName.isEmpty();
    const bool writable = haveStream && !m_backend->isReadOnly();
    const QString noStream = tr("Select a stream first.");
    const QString readOnly = tr("This connection is read-only.");

    m_registerAction->setEnabled(writable);
    const QString registerTip = !haveStream ? noStream
                              : !writable   ? readOnly
                                            : tr("Register an enhanced fan-out consumer for this stream");
    m_registerAction->setToolTip(registerTip);
    m_registerAction->setStatusTip(registerTip);

    const QString arn = haveStream ? selectedConsumerArn() : QString();
    const int row = arn.isEmpty() ? -1 : m_consumers->rowOfArn(arn);
    const bool deleting = row >= 0 && m_consumers->consumer(row).consumerStatus == ConsumerStatus::Deleting;
    m_deregisterAction->setEnabled(writable && row >= 0 && !deleting && !m_deregistering);
    const QString deregisterTip = !haveStream    ? noStream
                                : !writable      ? readOnly
                                : row < 0        ? tr("Select a consumer on the Consumers tab first.")
                                : deleting       ? tr("The consumer is being deregistered already.")
                                : m_deregistering ? tr("Deregistering…")
                                                  : tr("Deregister the selected consumer after confirming");
    m_deregisterAction->setToolTip(deregisterTip);
    m_deregisterAction->setStatusTip(deregisterTip);
}

void ConsumersPage::updateConsumersState()
{
    const bool showTable = m_consumers->rowCount() > 0;
    if (!m_backend || m_streamName.isEmpty())
        m_consumersMessage->setText(tr("Select a stream to see its consumers."));
    else if (!m_consumers->isLoaded() && m_consumers->lastError())
        m_consumersMessage->setText(tr("The consumers could not be listed."));
    else if (!m_consumers->isLoaded())
        m_consumersMessage->setText(tr("Listing the consumers…"));
    else
        m_consumersMessage->setText(
            tr("No consumer is registered for this stream. Register one to read every shard "
               "with enhanced fan-out."));
    m_consumersStack->setCurrentIndex(showTable ? 0 : 1);
    m_arnRow->setVisible(showTable);
}

void ConsumersPage::updateSubscriptionsState()
{
    if (!m_backend || m_streamName.isEmpty()) {
        m_subscriptionsMessage->setText(QString());
    } else if (!m_backend->hasLiveSubscriptions()) {
        m_subscriptionsMessage->setText(
            tr("%1 does not report live subscriptions: Kinesis tells no one which consumers are "
               "subscribed. The local emulator lists every subscription it serves.")
                .arg(m_backend->displayName()));
    } else {
        m_subscriptionsMessage->setText(
            tr("No consumer is subscribed. Subscriptions made through --serve or the Records tab "
               "appear here."));
    }
    m_subscriptionsStack->setCurrentIndex(m_subscriptions->rowCount() > 0 ? 0 : 1);
}

} // namespace shardscope
