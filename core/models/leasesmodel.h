#pragma once

#include "consumer/leasediagnoser.h"
#include "consumer/leasesnapshot.h"
#include "kinesis/api.h"
#include "models/modelroles.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

#include <optional>

namespace shardscope {

// A KCL application's leases, one row per shard: the leases of a LeaseTableSnapshot joined with
// the stream's shards (an open shard without a lease has a row too) and their tips. Columns:
// shard, owner, lease state (held, expired, unassigned, ended, no lease), counter, checkpoint,
// how far behind the tip it is (records, bytes and time, as far as known), owner switches since
// the checkpoint, and what the shard waits for (parents short of SHARD_END) or what waits for
// it. DisplayRole is text; the ModelRole roles give raw values (LeaseStateRole is a
// LeaseRowState) and SortRole sorts each column naturally. Rows are kept in shard-id order and
// updated in place, so a view keeps its selection.
//
// Fed by setters (no I/O of its own). Threads: GUI thread.
class LeasesModel final : public QAbstractTableModel
{
    Q_OBJECT
    template<typename> friend struct TableSyncHooks;
    Q_DISABLE_COPY_MOVE(LeasesModel)

public:
    enum Column {
        ShardColumn,
        OwnerColumn,
        StateColumn,
        CounterColumn,
        CheckpointColumn,
        BehindColumn,
        SwitchesColumn,
        GatingColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit LeasesModel(QObject *parent = nullptr);
    ~LeasesModel() override;

    void setSnapshot(const LeaseTableSnapshot &snapshot);
    // The stream's shards; nullopt while they are not listed (then rows come from leases only).
    void setShards(const std::optional<QList<Shard>> &shards);
    // Tips (the last one per shard counts).
    void setTips(const QList<ShardTip> &tips);
    // Everything at once (one update of the rows).
    void setAll(const LeaseTableSnapshot &snapshot, const std::optional<QList<Shard>> &shards,
                const QList<ShardTip> &tips);
    void clear();

    int rowOfShard(const QString &shardId) const;
    QString shardIdAt(int row) const;
    LeaseTableSnapshot snapshot() const { return m_snapshot; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "12 records · 4.1 KiB · 3.2 s", from what is known; empty when nothing is.
    static QString behindText(const ShardTip &tip);

private:
    struct Row
    {
        QString shardId;
        std::optional<LeaseState> lease;
        std::optional<Shard> shard;
        std::optional<ShardTip> tip;
        QStringList waitsFor;   // parents with a lease short of SHARD_END
        QStringList children;   // from the shard list, else the lease's childShardIds
    };

    void rebuild();
    LeaseRowState stateOf(const Row &row) const;
    QString gatingText(const Row &row) const;
    QVariant sortValue(const Row &row, Column column) const;
    static bool sameRow(const Row &a, const Row &b);

    LeaseTableSnapshot m_snapshot;
    std::optional<QList<Shard>> m_shards;
    QList<ShardTip> m_tips;
    QList<Row> m_rows; // by shard id
};

} // namespace shardscope
