#include "activitymodel.h"

#include "backend/streambackend.h"

#include <QLocale>

namespace shardscope {

ActivityModel::ActivityModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent), m_capacity(std::max(1, capacity))
{
}

void ActivityModel::watch(StreamBackend *backend)
{
    if (!backend || m_backends.contains(backend))
        return;
    m_backends.append(backend);
    connect(backend, &StreamBackend::callStarted, this,
            [this, backend](const BackendCall &call) { started(backend, call); });
    connect(backend, &StreamBackend::callFinished, this,
            [this, backend](const BackendCall &call) { finished(backend, call); });
}

void ActivityModel::unwatch(StreamBackend *backend)
{
    m_backends.removeAll(backend);
    if (backend)
        disconnect(backend, nullptr, this, nullptr);
}

void ActivityModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
    if (m_failed != 0) {
        m_failed = 0;
        emit failedCountChanged(0);
    }
}

bool ActivityModel::isRecordRead(const BackendCall &call)
{
    // Retries are named "GetRecords (retry 2)". The reader list is polled once a second.
    return call.operation.startsWith(u"GetRecords") || call.operation.startsWith(u"GetShardIterator") ||
           call.operation.startsWith(u"ShardStatistics") || call.operation.startsWith(u"ShardReaders");
}

void ActivityModel::started(const StreamBackend *backend, const BackendCall &call)
{
    if (!m_showRecordReads && isRecordRead(call) && !call.error)
        return; // added at the end if it fails
    if (int(m_entries.size()) >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        const bool failed = !m_entries.front().pending && m_entries.front().call.error.has_value();
        m_entries.pop_front();
        endRemoveRows();
        if (failed)
            emit failedCountChanged(--m_failed);
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(Entry{backend->displayName(), backend, call, true});
    endInsertRows();
}

int ActivityModel::rowOf(const StreamBackend *backend, quint64 id) const
{
    // Calls finish roughly in the order they start: search from the newest.
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        const Entry &entry = m_entries[size_t(row)];
        if (entry.call.id == id && entry.backend == backend)
            return row;
    }
    return -1;
}

void ActivityModel::finished(const StreamBackend *backend, const BackendCall &call)
{
    int row = rowOf(backend, call.id);
    if (row < 0 && !call.error && !m_showRecordReads && isRecordRead(call))
        return;
    if (row < 0) {
        // Its start scrolled out of the capacity (or came before we watched): add it whole.
        started(backend, call);
        row = int(m_entries.size()) - 1;
    }
    Entry &entry = m_entries[size_t(row)];
    entry.call = call;
    entry.pending = false;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (call.error)
        emit failedCountChanged(++m_failed);
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries[size_t(index.row())];
    const BackendCall &call = entry.call;
    switch (role) {
    case PendingRole:
        return entry.pending;
    case FailedRole:
        return !entry.pending && call.error.has_value();
    case ErrorTypeRole:
        return call.error ? QVariant(call.error->typeName()) : QVariant();
    case DurationMsRole:
        return entry.pending ? QVariant() : QVariant(call.durationMs);
    case Qt::ToolTipRole:
        if (call.error)
            return tr("%1: %2").arg(call.error->typeName(), call.error->message);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case TimeColumn:
        return QLocale().toString(call.startedAt.toLocalTime().time(), u"HH:mm:ss.zzz");
    case ConnectionColumn:
        return entry.connection;
    case OperationColumn:
        return call.operation;
    case TargetColumn:
        return call.target;
    case DurationColumn:
        return entry.pending ? QString() : tr("%1 ms").arg(call.durationMs);
    case ResultColumn:
        if (entry.pending)
            return tr("pending");
        if (call.error)
            return tr("%1: %2").arg(call.error->typeName(), call.error->message);
        return tr("OK");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn: return tr("Time");
    case ConnectionColumn: return tr("Connection");
    case OperationColumn: return tr("Operation");
    case TargetColumn: return tr("Target");
    case DurationColumn: return tr("Duration");
    case ResultColumn: return tr("Result");
    case ColumnCount: break;
    }
    return {};
}

} // namespace shardscope
