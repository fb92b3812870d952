#include "shardreadersview.h"

#include "backend/streambackend.h"
#include "models/modelroles.h"
#include "models/shardreadersmodel.h"
#include "models/livesubscriptionsmodel.h"
#include "readerstatedelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

ShardReadersView::ShardReadersView(QWidget *parent)
    : QWidget(parent),
      m_model(new ShardReadersModel(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(u"shardReadersView"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ModelRole::SortRole);

    m_view = new QTableView(this);
    m_view->setObjectName(u"readersView"_s);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new ReaderStateDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->sortByColumn(ShardReadersModel::ShardColumn, Qt::AscendingOrder);
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    const QFontMetrics metrics = m_view->fontMetrics();
    const int padding = 24;
    const auto fit = [&](int column, const QString &sample) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        columns->resizeSection(column, std::max(metrics.horizontalAdvance(sample),
                                                metrics.horizontalAdvance(title)) + padding);
    };
    fit(ShardReadersModel::ShardColumn, u"shardId-000000000000"_s);
    fit(ShardReadersModel::ReaderColumn, u"aws-cli/2.9.19 (AKIAIOSFODNN7EXAMPLE, 127.0.0.1)"_s);
    fit(ShardReadersModel::PositionColumn,
        LiveSubscriptionsModel::abbreviatedSequenceNumber(QString(56, u'0')));
    fit(ShardReadersModel::BehindColumn, u"00,000 rec · 000.0 KiB · 00 ms"_s);
    fit(ShardReadersModel::CallRateColumn, u"0.0 calls/s"_s);
    fit(ShardReadersModel::RecordRateColumn, u"0,000 rec/s"_s);
    fit(ShardReadersModel::ThrottledColumn, u"000"_s);
    fit(ShardReadersModel::ExpiredColumn, u"000"_s);
    fit(ShardReadersModel::LastReadColumn, u"00 s ago"_s);

    m_message = new QLabel(this);
    m_message->setObjectName(u"readersMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setMargin(16);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_message);

    auto *title = new QLabel(tr("Readers"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *hint = new QLabel(tr("Who polls this stream with GetShardIterator and GetRecords, per "
                               "shard: any client of the emulator, this app included; read every "
                               "second while this tab is shown. Readers quiet for 10 s are "
                               "idle, after a minute gone."),
                            this);
    hint->setWordWrap(true);
    hint->setTextFormat(Qt::PlainText);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addWidget(m_stack, 1);

    connect(m_model, &ShardReadersModel::refreshed, this, &ShardReadersView::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ShardReadersView::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ShardReadersView::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ShardReadersView::updateState);
    updateState();
}

void ShardReadersView::setStream(StreamBackend *backend, const QString &streamName)
{
    m_backend = backend;
    m_streamName = streamName;
    m_model->setStream(backend, streamName);
    updateState();
}

void ShardReadersView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_model->setPollingWanted(true);
}

void ShardReadersView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_model->setPollingWanted(false);
}

void ShardReadersView::updateState()
{
    if (!m_backend || m_streamName.isEmpty()) {
        m_message->setText(QString());
    } else if (!m_backend->hasShardReaders()) {
        m_message->setText(
            tr("%1 does not report readers: Kinesis tells no one which clients call "
               "GetRecords. The local emulator lists every reader it serves, through --serve "
               "and in this app.")
                .arg(m_backend->displayName()));
    } else if (!m_model->errorText().isEmpty() && m_model->rowCount() == 0) {
        m_message->setText(tr("The readers could not be listed: %1").arg(m_model->errorText()));
    } else {
        m_message->setText(
            tr("Nobody has read this stream in the last 5 minutes. Readers appear here as soon "
               "as they call GetShardIterator or GetRecords, through --serve or the Records "
               "tab."));
    }
    m_stack->setCurrentIndex(m_model->rowCount() > 0 ? 0 : 1);
}

} // namespace shardscope
