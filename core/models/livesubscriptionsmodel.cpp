#include "livesubscriptionsmodel.h"

#include "backend/streambackend.h"
#include "kinesis/consumerarn.h"
#include "kinesis/sequencenumber.h"
#include "kinesis/shardusage.h"
#include "models/durationtext.h"
#include "models/modelroles.h"
#include "models/sortedsync.h"
#include "models/usagetext.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace shardscope {

namespace {

// Sequence numbers are decimal strings of up to 129 digits; padded, text order is numeric order.
constexpr qsizetype kSequenceWidth = 129;
// How much of a sequence number a cell shows: its first and last digits.
constexpr qsizetype kHeadDigits = 4;
constexpr qsizetype kTailDigits = 8;

QString consumerNameOf(const QString &consumerArn)
{
    const auto arn = ConsumerArn::parse(consumerArn);
    return arn ? arn->consumerName : consumerArn;
}

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString rowKey(const QString &consumerName, const SubscriptionStatus &status)
{
    return consumerName + u'\n' + status.shardId + u'\n' + status.consumerArn;
}

} // namespace

LiveSubscriptionsModel::LiveSubscriptionsModel(QObject *parent)
    : QAbstractTableModel(parent),
      m_binding([this](const StreamBinding::Refresh &refresh) { read(refresh); })
{
    m_binding.setPolling(kSubscriptionsPart, kPollMs);
    m_binding.setPollCondition([](const StreamBackend &backend) { return backend.hasLiveSubscriptions(); });
}

LiveSubscriptionsModel::~LiveSubscriptionsModel() = default;

void LiveSubscriptionsModel::setStream(StreamBackend *backend, const QString &streamName)
{
    m_binding.bind(backend, streamName);
    m_binding.setPollingActive(false);
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_binding.resumePolling();
}

bool LiveSubscriptionsModel::isAvailable() const
{
    return m_binding.isBound() && m_binding.backend()->hasLiveSubscriptions();
}

void LiveSubscriptionsModel::refresh()
{
    m_binding.requestNow(kSubscriptionsPart);
}

void LiveSubscriptionsModel::setClock(std::function<qint64()> nowMs)
{
    m_clock = std::move(nowMs);
}

qint64 LiveSubscriptionsModel::nowMs() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void LiveSubscriptionsModel::read(const StreamBinding::Refresh &refresh)
{
    // A list in memory, not a call: read and applied at once.
    StreamBackend *backend = m_binding.backend();
    QList<SubscriptionStatus> subscriptions;
    if (backend->hasLiveSubscriptions())
        subscriptions = backend->liveSubscriptions();
    m_binding.finish(refresh);
    apply(subscriptions);
    emit refreshed();
}

void LiveSubscriptionsModel::apply(const QList<SubscriptionStatus> &subscriptions)
{
    const qint64 now = nowMs();
    QList<Row> incoming;
    for (const SubscriptionStatus &status : subscriptions) {
        if (status.streamName != m_binding.streamName() || status.ended)
            continue;
        incoming.append(Row{status, consumerNameOf(status.consumerArn), status.bytesDelivered, now,
                            std::nullopt});
    }
    const auto keyOf = [](const Row &row) { return rowKey(row.consumerName, row.status); };
    std::sort(incoming.begin(), incoming.end(),
              [&keyOf](const Row &a, const Row &b) { return keyOf(a) < keyOf(b); });
    syncSorted(
        m_rows, incoming, keyOf,
        [](Row &current, const Row &next) {
            const SubscriptionStatus &was = current.status;
            const SubscriptionStatus &is = next.status;
            // A newer subscription took over for the same consumer and shard: it counts anew.
            if (is.startedMs != was.startedMs || is.bytesDelivered < current.baseBytes) {
                current = next;
                return true;
            }
            const qint64 span = next.baseMs - current.baseMs;
            if (span >= kMinSampleMs) {
                current.bytesPerSecond =
                    double(is.bytesDelivered - current.baseBytes) * 1000.0 / double(span);
                current.baseBytes = is.bytesDelivered;
                current.baseMs = next.baseMs;
            }
            current.status = is;
            return true; // "last event … ago" moves on with the clock
        },
        TableSyncHooks<LiveSubscriptionsModel>{this, ColumnCount});
}

std::optional<QHash<QString, int>> LiveSubscriptionsModel::countsByConsumer() const
{
    if (!isAvailable())
        return std::nullopt;
    QHash<QString, int> counts;
    for (const Row &row : m_rows)
        ++counts[row.status.consumerArn];
    return counts;
}

QString LiveSubscriptionsModel::abbreviatedSequenceNumber(const QString &sequenceNumber)
{
    if (sequenceNumber.size() <= kHeadDigits + kTailDigits + 1)
        return sequenceNumber;
    // The emulator's numbers start alike and end with the shard's index: the digits that move
    // from record to record are the counter's, in the middle.
    if (const auto ours = SequenceNumber::parse(sequenceNumber); ours && !ours->isForeign())
        return u'…' + QString::number(ours->counter).right(kTailDigits) + u'…';
    return sequenceNumber.left(kHeadDigits) + u'…' + sequenceNumber.right(kTailDigits);
}

int LiveSubscriptionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LiveSubscriptionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LiveSubscriptionsModel::display(const Row &row, Column column) const
{
    const SubscriptionStatus &s = row.status;
    const QLocale locale;
    switch (column) {
    case ConsumerColumn:
        return row.consumerName;
    case ShardColumn:
        return s.shardId;
    case PositionColumn:
        return s.lastSequenceNumber.isEmpty() ? tr("No record yet")
                                              : abbreviatedSequenceNumber(s.lastSequenceNumber);
    case LagColumn:
        return DurationText::compact(s.millisBehindLatest);
    case RecordsColumn:
        return locale.toString(s.recordsDelivered);
    case RateColumn:
        return row.bytesPerSecond ? UsageText::rate(*row.bytesPerSecond, ShardUsage::Measure::Bytes)
                                  : tr("Measuring…");
    case StartedColumn:
        return locale.toString(utc(s.startedMs).toLocalTime().time(), u"HH:mm:ss");
    case LastEventColumn:
        return s.lastEventMs > 0 ? DurationText::ago(nowMs() - s.lastEventMs) : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant LiveSubscriptionsModel::sortValue(const Row &row, Column column) const
{
    const SubscriptionStatus &s = row.status;
    switch (column) {
    case ConsumerColumn:
        return row.consumerName;
    case ShardColumn:
        return s.shardId;
    case PositionColumn:
        return s.lastSequenceNumber.rightJustified(kSequenceWidth, u'0');
    case LagColumn:
        return s.millisBehindLatest;
    case RecordsColumn:
        return s.recordsDelivered;
    case RateColumn:
        return row.bytesPerSecond.value_or(-1.0);
    case StartedColumn:
        return s.startedMs;
    case LastEventColumn:
        return s.lastEventMs;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant LiveSubscriptionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const SubscriptionStatus &s = row.status;
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case ModelRole::SortRole:
        return sortValue(row, column);
    case ModelRole::ConsumerNameRole:
        return row.consumerName;
    case ModelRole::ConsumerArnRole:
        return s.consumerArn;
    case ModelRole::ShardIdRole:
        return s.shardId;
    case ModelRole::SequenceNumberRole:
        return s.lastSequenceNumber;
    case ModelRole::LagRole:
        return s.millisBehindLatest;
    case ModelRole::RecordCountRole:
        return s.recordsDelivered;
    case ModelRole::BytesRole:
        return s.bytesDelivered;
    case ModelRole::BytesPerSecondRole:
        return row.bytesPerSecond ? QVariant(*row.bytesPerSecond) : QVariant();
    case ModelRole::StartedTimeRole:
        return utc(s.startedMs);
    case ModelRole::LastEventTimeRole:
        return s.lastEventMs > 0 ? QVariant(utc(s.lastEventMs)) : QVariant();
    case Qt::TextAlignmentRole:
        if (column == LagColumn || column == RecordsColumn || column == RateColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case ConsumerColumn:
            return s.consumerArn;
        case PositionColumn:
            return s.lastSequenceNumber.isEmpty()
                ? tr("No record has been delivered yet.")
                : tr("Last sequence number delivered: %1").arg(s.lastSequenceNumber);
        case LagColumn:
            return tr("MillisBehindLatest: %L1 ms behind the newest record of the shard")
                .arg(s.millisBehindLatest);
        case RecordsColumn:
            return tr("Delivered since the subscription started — records: %L1, data: %2")
                .arg(s.recordsDelivered)
                .arg(QLocale().formattedDataSize(s.bytesDelivered));
        case RateColumn:
            return row.bytesPerSecond
                ? tr("Record data delivered per second since the previous refresh")
                : tr("Known from the next refresh on");
        case StartedColumn:
            return QLocale().toString(utc(s.startedMs).toLocalTime(), QLocale::LongFormat);
        case LastEventColumn:
            return s.lastEventMs > 0
                ? QLocale().toString(utc(s.lastEventMs).toLocalTime(), QLocale::LongFormat)
                : QVariant();
        case ShardColumn:
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant LiveSubscriptionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ConsumerColumn:
        return tr("Consumer");
    case ShardColumn:
        return tr("Shard");
    case PositionColumn:
        return tr("Position");
    case LagColumn:
        return tr("Lag");
    case RecordsColumn:
        return tr("Records delivered");
    case RateColumn:
        return tr("Bytes/s");
    case StartedColumn:
        return tr("Started");
    case LastEventColumn:
        return tr("Last event");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace shardscope
