#pragma once

#include "backend/streambackend.h"
#include "consumer/leasesnapshot.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace shardscope {

class LeaseTable;

// The leader lock as the DynamoDB lock client keeps it in `<app>-CoordinatorState` (hash key
// `key`, item "Leader"): who holds it, for how long a holder that stops heartbeating keeps it,
// and the record version every heartbeat replaces. Nobody stores an expiry time: a contender
// treats the lock as expired when its recordVersionNumber has not changed for leaseDuration by
// its own clock, as with a lease's counter.
struct LeaderLock
{
    QString ownerName;
    qint64 leaseDurationMs = 0;
    QString recordVersionNumber;
};

// Where KCL 3.x's coordination state lives beside a lease table: the leader lock
// (`<app>-CoordinatorState`) and one row of metric stats per worker (`<app>-WorkerMetricStats`,
// hash key `wid`). Lock writes are conditional on the record version, as the lock client's are.
//
// Threads: lives on the GUI thread and is called there; futures are fulfilled off the caller's
// thread, in the order the calls were made.
class CoordinatorStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoordinatorStore)

public:
    ~CoordinatorStore() override = default;

    // Where it is, for people.
    virtual QString location() const = 0;
    // Creates both tables unless they exist; true when one was created.
    virtual BackendFuture<bool> createTablesIfNotExist() = 0;

    // The lock item, or empty when none is stored.
    virtual BackendFuture<std::optional<LeaderLock>> readLeaderLock() = 0;
    // Stores `next` when the stored lock's recordVersionNumber is `expectedVersion` (an empty
    // expectedVersion: when no lock is stored). False when the condition failed.
    virtual BackendFuture<bool> writeLeaderLock(const QString &expectedVersion, const LeaderLock &next) = 0;
    // Deletes the lock when its recordVersionNumber is `expectedVersion` (a leader steps down).
    virtual BackendFuture<bool> deleteLeaderLock(const QString &expectedVersion) = 0;

    // Inserts or replaces the worker's row.
    virtual BackendFuture<bool> putWorkerMetricStats(const WorkerMetricStatsEntry &entry) = 0;
    // Every row, in wid order.
    virtual BackendFuture<QList<WorkerMetricStatsEntry>> listWorkerMetricStats() = 0;

    // The store beside `table`: in the same SQLite file for a SqliteLeaseTable, companion tables
    // through the same client for a DynamoLeaseTable; nullptr for any other kind of table.
    static CoordinatorStore *forLeaseTable(LeaseTable *table, QObject *parent = nullptr);

protected:
    explicit CoordinatorStore(QObject *parent = nullptr) : QObject(parent) {}
};

} // namespace shardscope
