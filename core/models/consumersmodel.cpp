#include "consumersmodel.h"

#include "backend/streambackend.h"
#include "models/modelroles.h"
#include "models/sortedsync.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace shardscope {

namespace {

bool isTransitioning(const Consumer &consumer)
{
    return consumer.consumerStatus != ConsumerStatus::Active;
}

bool sameConsumer(const Consumer &a, const Consumer &b)
{
    return a.consumerName == b.consumerName && a.consumerArn == b.consumerArn &&
           a.consumerStatus == b.consumerStatus &&
           a.consumerCreationTimestamp == b.consumerCreationTimestamp;
}

QDateTime creationTime(const Consumer &consumer)
{
    return QDateTime::fromMSecsSinceEpoch(consumer.consumerCreationTimestamp, Qt::UTC);
}

} // namespace

ConsumersModel::ConsumersModel(QObject *parent)
    : QAbstractTableModel(parent),
      m_binding([this](const StreamBinding::Refresh &refresh) { fetch(refresh); })
{
    m_binding.setTriggers(kConsumersPart, 0);
    m_binding.setTriggersWhilePollingOnly(true);
    m_binding.setPolling(kConsumersPart, kSteadyPollMs);
}

ConsumersModel::~ConsumersModel() = default;

void ConsumersModel::setStream(StreamBackend *backend, const QString &streamName)
{
    m_binding.bind(backend, streamName);
    m_binding.setPollingActive(false);
    m_binding.setPolling(kConsumersPart, kSteadyPollMs);
    m_streamArn.clear();
    m_error.reset();
    m_loaded = false;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    // Read now if a view shows the list; otherwise when one does.
    m_binding.resumePolling();
}

void ConsumersModel::refresh()
{
    m_binding.requestNow(kConsumersPart);
}

void ConsumersModel::fetch(const StreamBinding::Refresh &refresh)
{
    if (!m_streamArn.isEmpty()) {
        fetchConsumers(refresh);
        return;
    }
    const StreamTarget target = StreamTarget::byName(m_binding.streamName());
    m_binding.deliver(refresh, m_binding.backend()->describeStreamSummary(target),
                      [this, refresh](BackendResult<StreamDescriptionSummary> result) {
                          if (!result) {
                              finish(refresh, std::unexpected(result.error()));
                              return;
                          }
                          m_streamArn = result->streamArn;
                          fetchConsumers(refresh);
                      });
}

void ConsumersModel::fetchConsumers(const StreamBinding::Refresh &refresh)
{
    m_binding.deliver(refresh, m_binding.backend()->listAllStreamConsumers(m_streamArn),
                      [this, refresh](BackendResult<QList<Consumer>> result) {
                          finish(refresh, std::move(result));
                      });
}

void ConsumersModel::finish(const StreamBinding::Refresh &refresh, BackendResult<QList<Consumer>> result)
{
    // The interval first: finish() arms the next poll with it.
    const bool transitioning =
        result && std::any_of(result->cbegin(), result->cend(), isTransitioning);
    m_binding.setPolling(kConsumersPart, transitioning ? kTransitionPollMs : kSteadyPollMs);
    m_binding.finish(refresh);
    if (!result) {
        m_error = result.error();
        if (m_error->type == ErrorType::ResourceNotFound) {
            // The stream is gone (or was never there): nothing is registered for it.
            m_streamArn.clear();
            if (!m_rows.isEmpty()) {
                beginResetModel();
                m_rows.clear();
                endResetModel();
            }
        }
        emit refreshFailed(*m_error);
        return;
    }
    m_error.reset();
    m_loaded = true;
    applyConsumers(std::move(*result));
    emit refreshed();
}

void ConsumersModel::applyConsumers(QList<Consumer> consumers)
{
    std::sort(consumers.begin(), consumers.end(),
              [](const Consumer &a, const Consumer &b) { return a.consumerName < b.consumerName; });
    syncSorted(
        m_rows, consumers, [](const Consumer &consumer) { return consumer.consumerName; },
        [](Consumer &current, const Consumer &next) {
            if (sameConsumer(current, next))
                return false;
            current = next;
            return true;
        },
        TableSyncHooks<ConsumersModel>{this, ColumnCount});
}

void ConsumersModel::setSubscriptionCounts(const std::optional<QHash<QString, int>> &counts)
{
    if (counts == m_counts)
        return;
    m_counts = counts;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, SubscriptionsColumn), index(rowCount() - 1, SubscriptionsColumn));
}

int ConsumersModel::rowOfArn(const QString &consumerArn) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].consumerArn == consumerArn)
            return int(row);
    }
    return -1;
}

int ConsumersModel::rowOfName(const QString &consumerName) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].consumerName == consumerName)
            return int(row);
    }
    return -1;
}

QVariant ConsumersModel::subscriptionCount(const Consumer &consumer) const
{
    if (!m_counts)
        return {};
    return m_counts->value(consumer.consumerArn, 0);
}

int ConsumersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConsumersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConsumersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Consumer &consumer = m_rows[index.row()];
    const auto column = Column(index.column());
    switch (role) {
    case ModelRole::ConsumerNameRole:
        return consumer.consumerName;
    case ModelRole::ConsumerArnRole:
        return consumer.consumerArn;
    case ModelRole::ConsumerStatusRole:
        return int(consumer.consumerStatus);
    case ModelRole::CreationTimeRole:
        return creationTime(consumer);
    case ModelRole::SubscriptionCountRole:
        return subscriptionCount(consumer);
    case ModelRole::SortRole:
        switch (column) {
        case NameColumn:
            return consumer.consumerName;
        case StatusColumn:
            return toWire(consumer.consumerStatus);
        case ArnColumn:
            return consumer.consumerArn;
        case CreatedColumn:
            return consumer.consumerCreationTimestamp;
        case SubscriptionsColumn:
            return subscriptionCount(consumer).toInt();
        case ColumnCount:
            break;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == SubscriptionsColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case StatusColumn:
            switch (consumer.consumerStatus) {
            case ConsumerStatus::Creating:
                return tr("Being registered: it can subscribe to shards once it is ACTIVE.");
            case ConsumerStatus::Active:
                return tr("Registered: it can subscribe to the stream's shards.");
            case ConsumerStatus::Deleting:
                return tr("Being deregistered: its subscriptions have ended.");
            }
            return {};
        case ArnColumn:
            return consumer.consumerArn;
        case CreatedColumn:
            return QLocale().toString(creationTime(consumer).toLocalTime(), QLocale::LongFormat);
        case SubscriptionsColumn:
            if (!m_counts)
                return tr("This connection does not report live subscriptions.");
            return tr("Live SubscribeToShard subscriptions of this consumer, one per shard read");
        case NameColumn:
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return consumer.consumerName;
        case StatusColumn:
            return toWire(consumer.consumerStatus);
        case ArnColumn:
            return consumer.consumerArn;
        case CreatedColumn:
            return QLocale().toString(creationTime(consumer).toLocalTime(), QLocale::ShortFormat);
        case SubscriptionsColumn: {
            const QVariant count = subscriptionCount(consumer);
            return count.isValid() ? QLocale().toString(count.toInt()) : QString();
        }
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant ConsumersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Consumer");
    case StatusColumn:
        return tr("Status");
    case ArnColumn:
        return tr("ARN");
    case CreatedColumn:
        return tr("Registered");
    case SubscriptionsColumn:
        return tr("Subscriptions");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace shardscope
