#include "shardstablemodel.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "models/modelroles.h"
#include "models/sharddata.h"
#include "models/sortedsync.h"

#include <QHash>
#include <QLocale>

#include <algorithm>

namespace shardscope {

namespace {
// Sequence numbers are decimal strings of up to 129 digits; padded, text order is numeric order.
constexpr qsizetype kSequenceWidth = 129;
} // namespace

ShardsTableModel::ShardsTableModel(QObject *parent)
    : QAbstractTableModel(parent),
      m_binding([this](const StreamBinding::Refresh &refresh) { fetch(refresh); })
{
    m_binding.setTriggers(ShardsPart | StatisticsPart, StatisticsPart);
}

ShardsTableModel::~ShardsTableModel() = default;

void ShardsTableModel::setStream(StreamBackend *backend, const QString &streamName)
{
    m_binding.bind(backend, streamName);
    m_error.reset();
    beginResetModel();
    m_rows.clear();
    endResetModel();
    refresh();
}

void ShardsTableModel::refresh()
{
    m_binding.requestNow(ShardsPart | StatisticsPart);
}

void ShardsTableModel::fetch(const StreamBinding::Refresh &refresh)
{
    if (!(refresh.parts & ShardsPart)) {
        fetchStatistics(refresh, std::nullopt);
        return;
    }
    const StreamTarget target = StreamTarget::byName(m_binding.streamName());
    m_binding.deliver(refresh, m_binding.backend()->listAllShards(target),
                      [this, refresh](BackendResult<QList<Shard>> result) {
                          if (!result)
                              finish(refresh, std::nullopt, std::nullopt, result.error());
                          else
                              fetchStatistics(refresh, std::move(*result));
                      });
}

void ShardsTableModel::fetchStatistics(const StreamBinding::Refresh &refresh,
                                       std::optional<QList<Shard>> shards)
{
    StreamBackend *backend = m_binding.backend();
    if (!backend || !backend->hasShardStatistics()) {
        finish(refresh, std::move(shards), std::nullopt, std::nullopt);
        return;
    }
    m_binding.deliver(refresh, backend->shardStatistics(m_binding.streamName()),
                      [this, refresh, shards = std::move(shards)](
                          BackendResult<QList<ShardStatistics>> result) mutable {
                          if (result)
                              finish(refresh, std::move(shards), std::move(*result), std::nullopt);
                          else
                              finish(refresh, std::move(shards), std::nullopt, result.error());
                      });
}

void ShardsTableModel::finish(const StreamBinding::Refresh &refresh,
                              std::optional<QList<Shard>> shards,
                              std::optional<QList<ShardStatistics>> statistics,
                              std::optional<Error> error)
{
    m_binding.finish(refresh);
    if (shards)
        applyShards(std::move(*shards));
    if (statistics)
        applyStatistics(*statistics);
    m_error = error;
    if (error) {
        if (error->type == ErrorType::ResourceNotFound && !m_rows.isEmpty()) {
            beginResetModel(); // the stream is gone
            m_rows.clear();
            endResetModel();
        }
        emit refreshFailed(*error);
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
        incoming.append(Row{std::move(shard), std::nullopt});
    struct Hooks
    {
        ShardsTableModel *model;
        void beginInsert(int first, int last) { model->beginInsertRows({}, first, last); }
        void endInsert() { model->endInsertRows(); }
        void beginRemove(int first, int last) { model->beginRemoveRows({}, first, last); }
        void endRemove() { model->endRemoveRows(); }
        void changed(int row)
        {
            emit model->dataChanged(model->index(row, 0), model->index(row, ColumnCount - 1));
        }
    };
    syncSorted(
        m_rows, incoming, [](const Row &row) { return row.shard.shardId; },
        [](Row &current, const Row &next) {
            if (ShardData::sameShard(current.shard, next.shard))
                return false;
            current.shard = next.shard;
            return true;
        },
        Hooks{this});
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
    return names;
}

} // namespace shardscope
