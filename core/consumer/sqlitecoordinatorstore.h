#pragma once

#include "consumer/coordinatorstore.h"

#include <QString>
#include <QThreadPool>

#include <memory>

namespace shardscope {

// KCL 3.x's companion tables in a SQLite file (the lease table's): `<app>-CoordinatorState`
// (key TEXT primary key, ownerName, leaseDuration in ms, recordVersionNumber) and
// `<app>-WorkerMetricStats` (wid TEXT primary key, lut in epoch seconds, sts and opr as JSON
// objects of number lists). Conditional writes are one IMMEDIATE transaction each, as in
// SqliteLeaseTable, so several handles on one file never both win the lock.
//
// `readOnly` opens the file read-only (LeaseMonitor): writes are refused, and missing tables read
// as no lock and no rows.
//
// Threads: calls run one at a time on a private thread, in the order they were made.
class SqliteCoordinatorStore final : public CoordinatorStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqliteCoordinatorStore)

public:
    SqliteCoordinatorStore(const QString &path, const QString &applicationName, bool readOnly = false,
                           QObject *parent = nullptr);
    ~SqliteCoordinatorStore() override;

    static QString coordinatorStateTableName(const QString &applicationName);
    static QString workerMetricStatsTableName(const QString &applicationName);

    QString location() const override;
    BackendFuture<bool> createTablesIfNotExist() override;
    BackendFuture<std::optional<LeaderLock>> readLeaderLock() override;
    BackendFuture<bool> writeLeaderLock(const QString &expectedVersion, const LeaderLock &next) override;
    BackendFuture<bool> deleteLeaderLock(const QString &expectedVersion) override;
    BackendFuture<bool> putWorkerMetricStats(const WorkerMetricStatsEntry &entry) override;
    BackendFuture<QList<WorkerMetricStatsEntry>> listWorkerMetricStats() override;
    // Whether both tables exist (a KCL 3.x-style group has run on this file).
    BackendFuture<bool> tablesExist();

    struct Store; // the connection, used only on the private thread

private:
    template<typename T, typename Fn>
    BackendFuture<T> run(Fn &&fn);
    template<typename T>
    BackendFuture<T> refuse() const;

    QString m_path;
    QString m_applicationName;
    bool m_readOnly = false;
    std::shared_ptr<Store> m_store;
    QThreadPool m_thread;
};

} // namespace shardscope
