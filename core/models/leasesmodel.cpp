#include "leasesmodel.h"

#include "models/durationtext.h"
#include "models/livesubscriptionsmodel.h"
#include "models/sortedsync.h"

#include <QMap>
#include <QLocale>

namespace shardscope {

using namespace Qt::StringLiterals;

LeasesModel::LeasesModel(QObject *parent) : QAbstractTableModel(parent) {}

LeasesModel::~LeasesModel() = default;

void LeasesModel::setSnapshot(const LeaseTableSnapshot &snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

void LeasesModel::setShards(const std::optional<QList<Shard>> &shards)
{
    m_shards = shards;
    rebuild();
}

void LeasesModel::setTips(const QList<ShardTip> &tips)
{
    m_tips = LeaseDiagnoser::latestTips(tips);
    rebuild();
}

void LeasesModel::setAll(const LeaseTableSnapshot &snapshot, const std::optional<QList<Shard>> &shards,
                         const QList<ShardTip> &tips)
{
    m_snapshot = snapshot;
    m_shards = shards;
    m_tips = LeaseDiagnoser::latestTips(tips);
    rebuild();
}

void LeasesModel::clear()
{
    setAll({}, std::nullopt, {});
}

bool LeasesModel::sameRow(const Row &a, const Row &b)
{
    const auto sameLease = [](const std::optional<LeaseState> &x, const std::optional<LeaseState> &y) {
        if (x.has_value() != y.has_value())
            return false;
        return !x || (x->lease == y->lease && x->expired == y->expired);
    };
    const auto sameShard = [](const std::optional<Shard> &x, const std::optional<Shard> &y) {
        if (x.has_value() != y.has_value())
            return false;
        return !x
            || (x->endingSequenceNumber.has_value() == y->endingSequenceNumber.has_value()
                && x->parentShardId == y->parentShardId
                && x->adjacentParentShardId == y->adjacentParentShardId);
    };
    return a.shardId == b.shardId && sameLease(a.lease, b.lease) && sameShard(a.shard, b.shard)
        && a.tip == b.tip && a.waitsFor == b.waitsFor && a.children == b.children;
}

void LeasesModel::rebuild()
{
    QMap<QString, Row> rows;
    for (const LeaseState &state : std::as_const(m_snapshot.leases)) {
        Row &row = rows[state.lease.shardId()];
        row.shardId = state.lease.shardId();
        row.lease = state;
    }
    if (m_shards) {
        for (const Shard &shard : *m_shards) {
            Row &row = rows[shard.shardId];
            // Closed shards without a lease are history (processed and cleaned up, or never
            // read): only open ones are worth a row of their own.
            if (!row.lease && shard.endingSequenceNumber) {
                rows.remove(shard.shardId);
                continue;
            }
            row.shardId = shard.shardId;
            row.shard = shard;
        }
        for (const Shard &shard : *m_shards) {
            for (const auto &parent : {shard.parentShardId, shard.adjacentParentShardId}) {
                if (parent && rows.contains(*parent))
                    rows[*parent].children.append(shard.shardId);
            }
        }
    }
    for (const ShardTip &tip : std::as_const(m_tips)) {
        const auto it = rows.find(tip.shardId);
        if (it != rows.end())
            it->tip = tip;
    }
    for (Row &row : rows) {
        QStringList parents;
        if (row.shard) {
            if (row.shard->parentShardId)
                parents.append(*row.shard->parentShardId);
            if (row.shard->adjacentParentShardId)
                parents.append(*row.shard->adjacentParentShardId);
        } else if (row.lease) {
            parents = row.lease->lease.parentShardIds;
        }
        for (const QString &parent : std::as_const(parents)) {
            const auto it = rows.constFind(parent);
            if (it != rows.cend() && it->lease && !it->lease->lease.reachedShardEnd())
                row.waitsFor.append(parent);
        }
        if (!m_shards && row.lease)
            row.children = row.lease->lease.childShardIds;
    }

    const QList<Row> incoming = rows.values();
    syncSorted(
        m_rows, incoming, [](const Row &row) { return row.shardId; },
        [](Row &current, const Row &next) {
            if (sameRow(current, next))
                return false;
            current = next;
            return true;
        },
        TableSyncHooks<LeasesModel>{this, ColumnCount});
}

int LeasesModel::rowOfShard(const QString &shardId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).shardId == shardId)
            return int(i);
    }
    return -1;
}

QString LeasesModel::shardIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).shardId : QString();
}

int LeasesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LeasesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

LeaseRowState LeasesModel::stateOf(const Row &row) const
{
    if (!row.lease)
        return LeaseRowState::NoLease;
    if (row.lease->lease.reachedShardEnd())
        return LeaseRowState::Ended;
    if (!row.lease->lease.isAssigned())
        return LeaseRowState::Unassigned;
    return row.lease->expired ? LeaseRowState::Expired : LeaseRowState::Held;
}

QString LeasesModel::behindText(const ShardTip &tip)
{
    const bool known = tip.recordsBehind || tip.bytesBehind || tip.millisBehind;
    if (known && tip.recordsBehind.value_or(0) == 0 && tip.bytesBehind.value_or(0) == 0
        && tip.millisBehind.value_or(0) == 0)
        return tr("caught up");
    QStringList parts;
    if (tip.recordsBehind)
        parts.append(*tip.recordsBehind == 1 ? tr("1 record") : tr("%L1 records").arg(*tip.recordsBehind));
    if (tip.bytesBehind)
        parts.append(QLocale().formattedDataSize(*tip.bytesBehind));
    // "0 ms" beside a count only says the count reaches the tip.
    if (tip.millisBehind && (*tip.millisBehind > 0 || parts.isEmpty()))
        parts.append(DurationText::compact(*tip.millisBehind));
    return parts.join(u" · "_s);
}

QString LeasesModel::gatingText(const Row &row) const
{
    if (!row.waitsFor.isEmpty())
        return tr("waits for %1").arg(row.waitsFor.join(u", "_s));
    if (stateOf(row) == LeaseRowState::Ended && !row.children.isEmpty())
        return tr("ended; children %1").arg(row.children.join(u", "_s));
    if (row.shard && row.shard->endingSequenceNumber && !row.children.isEmpty())
        return tr("closed; %1 waiting").arg(row.children.join(u", "_s));
    return {};
}

QVariant LeasesModel::sortValue(const Row &row, Column column) const
{
    switch (column) {
    case ShardColumn:
        return row.shardId;
    case OwnerColumn:
        return row.lease ? row.lease->lease.leaseOwner : QString();
    case StateColumn:
        return int(stateOf(row));
    case CounterColumn:
        return row.lease ? row.lease->lease.leaseCounter : qint64(-1);
    case CheckpointColumn:
        return row.lease ? row.lease->lease.checkpoint : QString();
    case BehindColumn:
        if (row.tip && row.tip->millisBehind)
            return *row.tip->millisBehind;
        return row.tip && row.tip->recordsBehind ? *row.tip->recordsBehind : qint64(-1);
    case SwitchesColumn:
        return row.lease ? row.lease->lease.ownerSwitchesSinceCheckpoint : qint64(-1);
    case GatingColumn:
        return gatingText(row);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant LeasesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const auto column = Column(index.column());
    const Lease *lease = row.lease ? &row.lease->lease : nullptr;
    switch (role) {
    case ModelRole::ShardIdRole:
        return row.shardId;
    case ModelRole::LeaseKeyRole:
        return lease ? lease->leaseKey : QVariant();
    case ModelRole::LeaseOwnerRole:
        return lease ? lease->leaseOwner : QString();
    case ModelRole::LeaseStateRole:
        return int(stateOf(row));
    case ModelRole::LeaseCounterRole:
        return lease ? QVariant(lease->leaseCounter) : QVariant();
    case ModelRole::CheckpointRole:
        return lease ? lease->checkpoint : QVariant();
    case ModelRole::RecordsBehindRole:
        return row.tip && row.tip->recordsBehind ? QVariant(*row.tip->recordsBehind) : QVariant();
    case ModelRole::BytesBehindRole:
        return row.tip && row.tip->bytesBehind ? QVariant(*row.tip->bytesBehind) : QVariant();
    case ModelRole::LagRole:
        return row.tip && row.tip->millisBehind ? QVariant(*row.tip->millisBehind) : QVariant();
    case ModelRole::OwnerSwitchesRole:
        return lease ? QVariant(lease->ownerSwitchesSinceCheckpoint) : QVariant();
    case ModelRole::WaitsForRole:
        return row.waitsFor;
    case ModelRole::ShardStateRole:
        return row.shard ? QVariant(int(row.shard->endingSequenceNumber ? ShardState::Closed : ShardState::Open))
                         : QVariant();
    case ModelRole::SortRole:
        return sortValue(row, column);
    case Qt::TextAlignmentRole:
        if (column == CounterColumn || column == SwitchesColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case ShardColumn:
            return row.shardId;
        case OwnerColumn:
            return lease ? lease->leaseOwner : QString();
        case StateColumn:
            switch (stateOf(row)) {
            case LeaseRowState::Held:
                return tr("held");
            case LeaseRowState::Expired:
                return tr("expired");
            case LeaseRowState::Unassigned:
                return tr("unassigned");
            case LeaseRowState::Ended:
                return tr("ended");
            case LeaseRowState::NoLease:
                return tr("no lease");
            }
            return {};
        case CounterColumn:
            return lease ? QLocale().toString(lease->leaseCounter) : QString();
        case CheckpointColumn:
            if (!lease)
                return QString();
            return CheckpointSentinel::isSentinel(lease->checkpoint)
                ? lease->checkpoint
                : LiveSubscriptionsModel::abbreviatedSequenceNumber(lease->checkpoint);
        case BehindColumn:
            if (stateOf(row) == LeaseRowState::Ended)
                return QString();
            return row.tip ? behindText(*row.tip) : QString();
        case SwitchesColumn:
            return lease ? QLocale().toString(lease->ownerSwitchesSinceCheckpoint) : QString();
        case GatingColumn:
            return gatingText(row);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case StateColumn:
            switch (stateOf(row)) {
            case LeaseRowState::Held:
                return tr("Its owner renews it: the lease counter moved within the failover time.");
            case LeaseRowState::Expired:
                return tr("The lease counter has not moved for longer than the failover time "
                          "(%1): any worker may take it.")
                    .arg(DurationText::compact(m_snapshot.failoverTimeMs));
            case LeaseRowState::Unassigned:
                return tr("Nobody holds this lease: the next worker to look takes it.");
            case LeaseRowState::Ended:
                return tr("Processed to its end (SHARD_END): the children may be read.");
            case LeaseRowState::NoLease:
                return tr("The lease table has no lease for this shard: nobody reads it.");
            }
            return {};
        case CheckpointColumn:
            return lease ? lease->checkpoint : QVariant();
        case SwitchesColumn:
            return tr("How often the lease changed owner since its last checkpoint: every switch "
                      "reprocesses the records after the checkpoint.");
        case BehindColumn:
            return tr("How far the checkpoint is behind the newest record of the shard.");
        case ShardColumn:
        case OwnerColumn:
        case CounterColumn:
        case GatingColumn:
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant LeasesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ShardColumn:
        return tr("Shard");
    case OwnerColumn:
        return tr("Owner");
    case StateColumn:
        return tr("Lease");
    case CounterColumn:
        return tr("Counter");
    case CheckpointColumn:
        return tr("Checkpoint");
    case BehindColumn:
        return tr("Behind");
    case SwitchesColumn:
        return tr("Switches");
    case GatingColumn:
        return tr("Parents and children");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace shardscope
