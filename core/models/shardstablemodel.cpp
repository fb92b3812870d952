#include "shardstablemodel.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "models/modelroles.h"
#include "models/sharddata.h"
#include "models/sortedsync.h"
#include "models/usagetext.h"

#include <QHash>
#include <QLocale>

#include <algorithm>

namespace shardscope {

namespace {
// Sequence numbers are decimal strings of up to 129 digits; padded, text order is numeric order.
constexpr qsizetype kSequenceWidth = 129;
// The use is polled about once a second to begin with (usageRefreshIntervalMs() after).
constexpr int kUsagePollMs = 1000;
} // namespace

ShardsTableModel::ShardsTableModel(QObject *parent)
    : QAbstractTableModel(parent),
      m_binding([this](const StreamBinding::Refresh &refresh) { fetch(refresh); })
{
    m_binding.setTriggers(ShardsPart | StatisticsPart, StatisticsPart);
    m_binding.setPolling(UsagePart, kUsagePollMs);
    m_binding.setPollCondition([](const StreamBackend &backend) { return backend.hasShardUsage(); });
}

ShardsTableModel::~ShardsTableModel() = default;

void ShardsTableModel::setStream(StreamBackend *backend, const QString &streamName)
{
    m_binding.bind(backend, streamName);
    m_binding.setPolling(UsagePart, kUsagePollMs);
    m_binding.setPollingActive(false);
    m_error.reset();
    m_usageError.reset();
    beginResetModel();
    m_rows.clear();
    endResetModel();
    refresh();
    m_binding.resumePolling();
}

void ShardsTableModel::refresh()
{
    // The use only while it is shown (polled): a hidden view costs no calls.
    m_binding.requestNow(m_binding.withPolled(ShardsPart | StatisticsPart));
}

void ShardsTableModel::fetch(const StreamBinding::Refresh &refresh)
{
    if (!(refresh.parts & ShardsPart)) {
        fetchStatistics(refresh, Fetched{});
        return;
    }
    const StreamTarget target = StreamTarget::byName(m_binding.streamName());
    m_binding.deliver(refresh, m_binding.backend()->listAllShards(target),
                      [this, refresh](BackendResult<QList<Shard>> result) {
                          Fetched fetched;
                          if (!result) {
                              fetched.error = result.error();
                              finish(refresh, std::move(fetched));
                              return;
                          }
                          fetched.shards = std::move(*result);
                          fetchStatistics(refresh, std::move(fetched));
                      });
}

void ShardsTableModel::fetchStatistics(const StreamBinding::Refresh &refresh, Fetched fetched)
{
    StreamBackend *backend = m_binding.backend();
    // A poll for the use alone does not count the records again.
    if (!backend || !backend->hasShardStatistics() ||
        !(refresh.parts & (ShardsPart | StatisticsPart))) {
        fetchUsage(refresh, std::move(fetched));
        return;
    }
    m_binding.deliver(refresh, backend->shardStatistics(m_binding.streamName()),
                      [this, refresh, fetched = std::move(fetched)](
                          BackendResult<QList<ShardStatistics>> result) mutable {
                          if (!result) {
                              fetched.error = result.error();
                              finish(refresh, std::move(fetched));
                              return;
                          }
                          fetched.statistics = std::move(*result);
                          fetchUsage(refresh, std::move(fetched));
                      });
}

void ShardsTableModel::fetchUsage(const StreamBinding::Refresh &refresh, Fetched fetched)
{
    if (!(refresh.parts & UsagePart) || !m_binding.canPoll()) {
        finish(refresh, std::move(fetched));
        return;
    }
    const StreamTarget target = StreamTarget::byName(m_binding.streamName());
    m_binding.deliver(refresh, m_binding.backend()->shardUsage(target),
                      [this, refresh, fetched = std::move(fetched)](
                          BackendResult<QList<ShardUsage>> result) mutable {
                          if (result)
                              fetched.usage = std::move(*result);
                          else
                              fetched.usageError = result.error();
                          finish(refresh, std::move(fetched));
                      });
}

void ShardsTableModel::finish(const StreamBinding::Refresh &refresh, Fetched fetched)
{
    if (fetched.usage)
        m_binding.setPolling(UsagePart, usageRefreshIntervalMs(*fetched.usage));
    m_binding.finish(refresh);
    if (fetched.shards)
        applyShards(std::move(*fetched.shards));
    if (fetched.statistics)
        applyStatistics(*fetched.statistics);
    if (fetched.usage) {
        m_usageError.reset();
        applyUsage(*fetched.usage);
    } else if (fetched.usageError) {
        m_usageError = fetched.usageError;
        applyUsage({});
    }
    if (fetched.usage || fetched.usageError)
        emit usageRefreshed();
    if (!(refresh.parts & (ShardsPart | StatisticsPart)) && !fetched.error)
        return; // a poll of the use alone
    m_error = fetched.error;
    if (m_error) {
        if (m_error->type == ErrorType::ResourceNotFound && !m_rows.isEmpty()) {
            beginResetModel(); // the stream is gone
            m_rows.clear();
            endResetModel();
        }
        emit refreshFailed(*m_error);
    } else {
        emit refreshed();
    }
}

void ShardsTableModel::applyShards(QList<Shard> shards)
{
    std::sort(shards.begin(), shards.end(),
              [](const Shard &a, const Shard &b) { return a.shardId < b.shardId; });
    QList<Row> incoming;
    incoming.reserve(shards.size());
    for (Shard &shard : shards)
        incoming.append(Row{std::move(shard), std::nullopt, std::nullopt});
    syncSorted(
        m_rows, incoming, [](const Row &row) { return row.shard.shardId; },
        [](Row &current, const Row &next) {
            if (ShardData::sameShard(current.shard, next.shard))
                return false;
            current.shard = next.shard;
            if (current.shard.endingSequenceNumber)
                current.usage.reset(); // a closed shard has no use
            return true;
        },
        TableSyncHooks<ShardsTableModel>{this, ColumnCount});
}

void ShardsTableModel::applyStatistics(const QList<ShardStatistics> &statistics)
{
    if (m_rows.isEmpty())
        return;
    QHash<QString, ShardStatistics> byShard;
    for (const ShardStatistics &entry : statistics)
        byShard.insert(entry.shardId, entry);
    int first = -1;
    int last = -1;
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        const auto it = byShard.constFind(m_rows[row].shard.shardId);
        std::optional<ShardStatistics> next;
        if (it != byShard.cend())
            next = *it;
        if (next != m_rows[row].statistics) {
            m_rows[row].statistics = next;
            first = first < 0 ? int(row) : first;
            last = int(row);
        }
    }
    if (first >= 0)
        emit dataChanged(index(first, RecordCountColumn), index(last, BytesColumn));
}

void ShardsTableModel::applyUsage(const QList<ShardUsage> &usage)
{
    if (m_rows.isEmpty())
        return;
    QHash<QString, const ShardUsage *> byShard;
    for (const ShardUsage &entry : usage)
        byShard.insert(entry.shardId, &entry);
    int first = -1;
    int last = -1;
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        const ShardUsage *found = byShard.value(m_rows[row].shard.shardId);
        std::optional<ShardUsage> next;
        if (found)
            next = *found;
        if (next != m_rows[row].usage) {
            m_rows[row].usage = std::move(next);
            first = first < 0 ? int(row) : first;
            last = int(row);
        }
    }
    if (first >= 0)
        emit dataChanged(index(first, WriteUseColumn), index(last, ReadUseColumn));
}

QVariant ShardsTableModel::usageData(const Row &row, Column column, int role) const
{
    const bool write = column == WriteUseColumn;
    const std::optional<ShardUsage> &usage = row.usage;
    switch (role) {
    case Qt::DisplayRole:
        return usage ? UsageText::cell(*usage, write ? UsageText::Direction::Write
                                                     : UsageText::Direction::Read)
                     : QString();
    case Qt::ToolTipRole:
        if (usage)
            return UsageText::toolTip(*usage);
        if (m_usageError && !row.shard.endingSequenceNumber)
            return tr("The use could not be read: %1").arg(m_usageError->message);
        return {};
    case ModelRole::UseFractionRole:
    case ModelRole::SortRole: {
        const std::optional<double> fraction =
            usage ? (write ? usage->writeFraction() : usage->readFraction()) : std::nullopt;
        if (role == ModelRole::SortRole)
            return fraction.value_or(-1.0);
        return fraction ? QVariant(*fraction) : QVariant();
    }
    case ModelRole::UseThrottledRole:
        if (!usage)
            return {};
        return write ? usage->writesThrottledPerSecond > 0 : usage->readsThrottledPerSecond > 0;
    case ModelRole::UseEnforcedRole:
        return usage ? QVariant(usage->enforced) : QVariant();
    default:
        return {};
    }
}

int ShardsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ShardsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShardsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const Shard &shard = row.shard;
    const auto column = Column(index.column());
    if (column == WriteUseColumn || column == ReadUseColumn) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
        case ModelRole::UseFractionRole:
        case ModelRole::UseThrottledRole:
        case ModelRole::UseEnforcedRole:
        case ModelRole::SortRole:
            return usageData(row, column, role);
        default:
            break;
        }
    }

    switch (role) {
    case ModelRole::RecordCountRole:
        return row.statistics ? QVariant(row.statistics->recordCount) : QVariant();
    case ModelRole::BytesRole:
        return row.statistics ? QVariant(row.statistics->bytes) : QVariant();
    case ModelRole::SortRole:
        switch (column) {
        case IdColumn:
            return shard.shardId;
        case StateColumn:
            return ShardData::roleData(shard, ModelRole::ShardStateRole);
        case HashKeyStartColumn:
            return ShardData::sortableKey(shard.hashKeyRange.start);
        case HashKeyEndColumn:
            return ShardData::sortableKey(shard.hashKeyRange.end);
        case StartingSequenceColumn:
            return shard.startingSequenceNumber.toString().rightJustified(kSequenceWidth, u'0');
        case EndingSequenceColumn:
            return shard.endingSequenceNumber
                ? shard.endingSequenceNumber->toString().rightJustified(kSequenceWidth, u'0')
                : QString();
        case ParentColumn:
            return shard.parentShardId.value_or(QString());
        case AdjacentParentColumn:
            return shard.adjacentParentShardId.value_or(QString());
        case RecordCountColumn:
            return row.statistics ? row.statistics->recordCount : qint64(-1);
        case BytesColumn:
            return row.statistics ? row.statistics->bytes : qint64(-1);
        case WriteUseColumn:
        case ReadUseColumn:
        case ColumnCount:
            break;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == RecordCountColumn || column == BytesColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn:
            return shard.shardId;
        case StateColumn:
            return shard.endingSequenceNumber ? tr("Closed") : tr("Open");
        case HashKeyStartColumn:
            return shard.hashKeyRange.start.toDecimal();
        case HashKeyEndColumn:
            return shard.hashKeyRange.end.toDecimal();
        case StartingSequenceColumn:
            return shard.startingSequenceNumber.toString();
        case EndingSequenceColumn:
            return shard.endingSequenceNumber ? shard.endingSequenceNumber->toString() : QString();
        case ParentColumn:
            return shard.parentShardId.value_or(QString());
        case AdjacentParentColumn:
            return shard.adjacentParentShardId.value_or(QString());
        case RecordCountColumn:
            return row.statistics ? QLocale().toString(row.statistics->recordCount) : QString();
        case BytesColumn:
            return row.statistics ? QLocale().formattedDataSize(row.statistics->bytes) : QString();
        case WriteUseColumn:
        case ReadUseColumn:
        case ColumnCount:
            break;
        }
        return {};
    default:
        return ShardData::roleData(shard, role);
    }
}

QVariant ShardsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case IdColumn:
        return tr("Shard");
    case StateColumn:
        return tr("State");
    case HashKeyStartColumn:
        return tr("Hash key start");
    case HashKeyEndColumn:
        return tr("Hash key end");
    case StartingSequenceColumn:
        return tr("Starting sequence number");
    case EndingSequenceColumn:
        return tr("Ending sequence number");
    case ParentColumn:
        return tr("Parent");
    case AdjacentParentColumn:
        return tr("Adjacent parent");
    case RecordCountColumn:
        return tr("Records");
    case BytesColumn:
        return tr("Bytes");
    case WriteUseColumn:
        return tr("Write use");
    case ReadUseColumn:
        return tr("Read use");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> ShardsTableModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(ModelRole::ShardIdRole, "shardId");
    names.insert(ModelRole::ShardStateRole, "shardState");
    names.insert(ModelRole::RecordCountRole, "recordCount");
    names.insert(ModelRole::BytesRole, "bytes");
    names.insert(ModelRole::UseFractionRole, "useFraction");
    names.insert(ModelRole::UseThrottledRole, "useThrottled");
    names.insert(ModelRole::UseEnforcedRole, "useEnforced");
    return names;
}

} // namespace shardscope
