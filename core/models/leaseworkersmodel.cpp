#include "leaseworkersmodel.h"

#include "models/durationtext.h"
#include "models/sortedsync.h"

#include <QDateTime>
#include <QLocale>
#include <QMap>

namespace shardscope {

using namespace Qt::StringLiterals;

LeaseWorkersModel::LeaseWorkersModel(QObject *parent) : QAbstractTableModel(parent) {}

LeaseWorkersModel::~LeaseWorkersModel() = default;

void LeaseWorkersModel::setSnapshot(const LeaseTableSnapshot &snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

void LeaseWorkersModel::setWorkers(const std::optional<QList<WorkerStatus>> &workers)
{
    m_workers = workers;
    rebuild();
}

void LeaseWorkersModel::clear()
{
    m_snapshot = {};
    m_workers.reset();
    rebuild();
}

bool LeaseWorkersModel::sameRow(const Row &a, const Row &b)
{
    if (a.workerId != b.workerId || a.leaseKeys != b.leaseKeys
        || a.lastCounterChangeMs != b.lastCounterChangeMs || a.allExpired != b.allExpired
        || a.leader != b.leader
        || a.status.has_value() != b.status.has_value())
        return false;
    if (!a.status)
        return true;
    const WorkerStatus &x = *a.status;
    const WorkerStatus &y = *b.status;
    return x.state == y.state && x.leaseKeys == y.leaseKeys && x.recordsPerSecond == y.recordsPerSecond
        && x.recordsProcessed == y.recordsProcessed && x.checkpoints == y.checkpoints
        && x.throttles == y.throttles && x.lastRenewalMs == y.lastRenewalMs
        && x.processingDelayMs == y.processingDelayMs && x.poisonFilter == y.poisonFilter
        && x.lastError == y.lastError;
}

void LeaseWorkersModel::rebuild()
{
    QMap<QString, Row> rows;
    for (const LeaseState &state : std::as_const(m_snapshot.leases)) {
        if (!state.lease.isAssigned())
            continue;
        Row &row = rows[state.lease.leaseOwner];
        const bool first = row.workerId.isEmpty();
        row.workerId = state.lease.leaseOwner;
        row.leaseKeys.append(state.lease.leaseKey);
        row.lastCounterChangeMs = std::max(row.lastCounterChangeMs, state.counterChangedMs);
        row.allExpired = (first || row.allExpired) && state.expired;
    }
    if (m_workers) {
        for (const WorkerStatus &status : *m_workers) {
            Row &row = rows[status.workerId];
            row.workerId = status.workerId;
            row.status = status;
        }
    }
    for (Row &row : rows)
        row.leader = row.status ? row.status->leader
                                : !m_snapshot.leaderWorkerId.isEmpty() && row.workerId == m_snapshot.leaderWorkerId;
    const QList<Row> incoming = rows.values();
    syncSorted(
        m_rows, incoming, [](const Row &row) { return row.workerId; },
        [](Row &current, const Row &next) {
            if (sameRow(current, next))
                return false;
            current = next;
            return true;
        },
        TableSyncHooks<LeaseWorkersModel>{this, ColumnCount});
}

int LeaseWorkersModel::rowOfWorker(const QString &workerId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).workerId == workerId)
            return int(i);
    }
    return -1;
}

QString LeaseWorkersModel::workerIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).workerId : QString();
}

std::optional<WorkerStatus> LeaseWorkersModel::statusAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).status : std::nullopt;
}

int LeaseWorkersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LeaseWorkersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<qint64> LeaseWorkersModel::lastRenewalMs(const Row &row) const
{
    if (row.status && row.status->lastRenewalMs > 0)
        return row.status->lastRenewalMs;
    if (row.lastCounterChangeMs > 0)
        return row.lastCounterChangeMs;
    return std::nullopt;
}

WorkerRowState LeaseWorkersModel::stateOf(const Row &row) const
{
    if (row.status) {
        if (row.status->state == WorkerStatus::State::Killed)
            return WorkerRowState::Killed;
        if (row.status->state == WorkerStatus::State::Paused)
            return WorkerRowState::Paused;
        if (!row.status->leaseKeys.isEmpty() && m_snapshot.takenAtMs > 0
            && m_snapshot.takenAtMs - row.status->lastRenewalMs > m_snapshot.failoverTimeMs)
            return WorkerRowState::NotRenewing;
    }
    return row.allExpired ? WorkerRowState::NotRenewing : WorkerRowState::Renewing;
}

QString LeaseWorkersModel::faultsText(const Row &row) const
{
    if (!row.status)
        return {};
    QStringList faults;
    if (row.status->processingDelayMs > 0)
        faults.append(tr("slow: %1 a record").arg(DurationText::compact(row.status->processingDelayMs)));
    if (!row.status->poisonFilter.isEmpty())
        faults.append(tr("poison: %1").arg(row.status->poisonFilter));
    if (!row.status->lastError.isEmpty())
        faults.append(row.status->lastError);
    return faults.join(u"; "_s);
}

QVariant LeaseWorkersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const auto column = Column(index.column());
    const auto renewal = lastRenewalMs(row);
    const QVariant rate = row.status ? QVariant(row.status->recordsPerSecond) : QVariant();
    switch (role) {
    case ModelRole::WorkerIdRole:
        return row.workerId;
    case ModelRole::WorkerStateRole:
        return int(stateOf(row));
    case ModelRole::LeaseCountRole:
        return int(row.leaseKeys.size());
    case ModelRole::RecordsPerSecondRole:
        return rate;
    case ModelRole::LastRenewalTimeRole:
        return renewal ? QVariant(QDateTime::fromMSecsSinceEpoch(*renewal, Qt::UTC)) : QVariant();
    case ModelRole::SortRole:
        switch (column) {
        case WorkerColumn:
            return row.workerId;
        case StateColumn:
            return int(stateOf(row));
        case LeasesColumn:
            return int(row.leaseKeys.size());
        case RateColumn:
            return row.status ? row.status->recordsPerSecond : -1.0;
        case RenewalColumn:
            return renewal.value_or(0);
        case FaultsColumn:
            return faultsText(row);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == LeasesColumn || column == RateColumn || column == RenewalColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case WorkerColumn:
            return row.leader ? tr("%1 (leader)").arg(row.workerId) : row.workerId;
        case StateColumn:
            switch (stateOf(row)) {
            case WorkerRowState::Renewing:
                return tr("renewing");
            case WorkerRowState::NotRenewing:
                return tr("not renewing");
            case WorkerRowState::Paused:
                return tr("paused");
            case WorkerRowState::Killed:
                return tr("killed");
            }
            return {};
        case LeasesColumn:
            return QLocale().toString(row.leaseKeys.size());
        case RateColumn:
            return row.status ? QLocale().toString(row.status->recordsPerSecond, 'f', 1) : QString();
        case RenewalColumn:
            if (!renewal)
                return tr("never");
            return m_snapshot.takenAtMs > 0 ? DurationText::ago(m_snapshot.takenAtMs - *renewal) : QString();
        case FaultsColumn:
            return faultsText(row);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case LeasesColumn:
            return row.leaseKeys.join(u'\n');
        case StateColumn:
            switch (stateOf(row)) {
            case WorkerRowState::Renewing:
                return tr("Renews its leases within the failover time.");
            case WorkerRowState::NotRenewing:
                return tr("Renewed none of its leases within the failover time: other workers "
                          "will take them.");
            case WorkerRowState::Paused:
                return tr("Paused: neither renews nor reads.");
            case WorkerRowState::Killed:
                return tr("Killed: gone without giving its leases up.");
            }
            return {};
        case FaultsColumn:
            return faultsText(row);
        case WorkerColumn:
        case RateColumn:
        case RenewalColumn:
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant LeaseWorkersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case WorkerColumn:
        return tr("Worker");
    case StateColumn:
        return tr("State");
    case LeasesColumn:
        return tr("Leases");
    case RateColumn:
        return tr("Records/s");
    case RenewalColumn:
        return tr("Last renewal");
    case FaultsColumn:
        return tr("Faults and errors");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace shardscope
