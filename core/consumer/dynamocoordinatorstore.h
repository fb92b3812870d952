#pragma once

#include "consumer/coordinatorstore.h"

#include <QPromise>
#include <QString>

#include <memory>

namespace shardscope {

class DynamoDbClient;

// KCL 3.x's companion tables in DynamoDB, beside a DynamoLeaseTable and named as KCL 3.x names
// them: `<app>-CoordinatorState` (hash key `key`; the leader lock is the item "Leader" with the
// DynamoDB lock client's attributes `ownerName`, `leaseDuration` (a string of milliseconds) and
// `recordVersionNumber`) and `<app>-WorkerMetricStats` (hash key `wid`; `lut` N, epoch seconds;
// `sts` and `opr` maps of number lists). Lock writes are conditional on recordVersionNumber (or
// on there being no lock), as the lock client's are. LeaseMonitor reads these tables as it reads
// a KCL 3.x application's.
//
// A missing table reads as no lock and no rows. `readOnly` refuses every write.
//
// Threads: the client's thread (the GUI thread).
class DynamoCoordinatorStore final : public CoordinatorStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DynamoCoordinatorStore)

public:
    DynamoCoordinatorStore(DynamoDbClient *client, const QString &applicationName, bool readOnly = false,
                           QObject *parent = nullptr);
    ~DynamoCoordinatorStore() override;

    QString coordinatorStateTableName() const;
    QString workerMetricStatsTableName() const;

    QString location() const override;
    BackendFuture<bool> createTablesIfNotExist() override;
    BackendFuture<std::optional<LeaderLock>> readLeaderLock() override;
    BackendFuture<bool> writeLeaderLock(const QString &expectedVersion, const LeaderLock &next) override;
    BackendFuture<bool> deleteLeaderLock(const QString &expectedVersion) override;
    BackendFuture<bool> putWorkerMetricStats(const WorkerMetricStatsEntry &entry) override;
    BackendFuture<QList<WorkerMetricStatsEntry>> listWorkerMetricStats() override;

private:
    using Promise = std::shared_ptr<QPromise<BackendResult<bool>>>;
    void createTable(const QString &table, const QString &hashKey, std::function<void(BackendResult<bool>)> done);
    void waitUntilActive(const QString &table, int triesLeft, std::function<void(BackendResult<bool>)> done);
    template<typename T>
    BackendFuture<T> refused(const QString &operation) const;

    DynamoDbClient *m_client;
    QString m_applicationName;
    bool m_readOnly = false;
};

} // namespace shardscope
