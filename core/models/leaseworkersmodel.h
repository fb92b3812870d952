#pragma once

#include "consumer/leasesnapshot.h"
#include "consumer/workerstatus.h"
#include "models/modelroles.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

#include <optional>

namespace shardscope {

// The workers of a KCL application, one row each: the lease owners a LeaseTableSnapshot shows,
// joined with the app's own consumer group's WorkerStatus when the group is ours (a worker that
// holds nothing yet has a row too). Columns: worker, state (renewing; not renewing when every
// lease it holds has expired or, for our own, its last renewal is older than the failover time;
// paused; killed), leases held, records/s, last renewal (how long before the snapshot), and the
// faults set on it. The worker column marks the KCL 3.x leader: for the app's own workers by the
// worker's own view (it holds the lock), otherwise by the snapshot's CoordinatorState. DisplayRole is text; WorkerIdRole, WorkerStateRole (a WorkerRowState),
// LeaseCountRole, RecordsPerSecondRole, LastRenewalTimeRole give raw values, SortRole sorts.
// Rows are kept in worker-id order and updated in place.
//
// Fed by setters (no I/O of its own). Threads: GUI thread.
class LeaseWorkersModel final : public QAbstractTableModel
{
    Q_OBJECT
    template<typename> friend struct TableSyncHooks;
    Q_DISABLE_COPY_MOVE(LeaseWorkersModel)

public:
    enum Column { WorkerColumn, StateColumn, LeasesColumn, RateColumn, RenewalColumn, FaultsColumn, ColumnCount };
    Q_ENUM(Column)

    explicit LeaseWorkersModel(QObject *parent = nullptr);
    ~LeaseWorkersModel() override;

    void setSnapshot(const LeaseTableSnapshot &snapshot);
    // The app's own workers; nullopt for a table the app only watches.
    void setWorkers(const std::optional<QList<WorkerStatus>> &workers);
    void clear();

    int rowOfWorker(const QString &workerId) const;
    QString workerIdAt(int row) const;
    // The app's own worker's status, when this row is one.
    std::optional<WorkerStatus> statusAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString workerId;
        QStringList leaseKeys;          // in the table
        qint64 lastCounterChangeMs = 0; // the latest counter change of its leases (0: none)
        bool allExpired = false;        // holds leases and every one has expired
        bool leader = false;            // KCL 3.x: holds the leader lock
        std::optional<WorkerStatus> status;
    };

    void rebuild();
    static bool sameRow(const Row &a, const Row &b);
    WorkerRowState stateOf(const Row &row) const;
    std::optional<qint64> lastRenewalMs(const Row &row) const;
    QString faultsText(const Row &row) const;

    LeaseTableSnapshot m_snapshot;
    std::optional<QList<WorkerStatus>> m_workers;
    QList<Row> m_rows; // by worker id
};

} // namespace shardscope
