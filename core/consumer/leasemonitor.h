#pragma once

#include "consumer/leasesnapshot.h"
#include "consumer/leasetable.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QTimer;

namespace shardscope {

class Clock;
class DynamoLeaseTable;
class SqliteCoordinatorStore;
class SqliteLeaseTable;

// Watches a lease table as a KCL worker would: polls it (every 2 s by default), remembers per
// lease when it last saw leaseCounter and the checkpoint change, and infers expiry the way every
// KCL worker does, by its own clock: a lease whose counter has not moved for longer than the
// failover time (10 s by default) is expired. So a lease can only be called expired after two
// looks at least the failover time apart.
//
// For a DynamoDB table it also reads KCL 3.x's companion tables when they exist (and may be
// read): `<table>-WorkerMetricStats` (one row per worker: `wid`, `lut`, `sts`, `opr`) and
// `<table>-CoordinatorState` (the leader lock: item `key` = "Leader", its `ownerName`), and the
// same entities where newer KCL 3.x releases keep them, in the lease table itself (entityType
// LEADER and WORKER_METRIC_STATS). For a table in the local store it reads the same two tables
// where the app's own group keeps them under KCL 3.x's leader assignment, in the same SQLite file
// (SqliteCoordinatorStore, opened read-only).
//
// A poll that fails keeps the previous leases and sets the snapshot's error. One poll at a time;
// refreshNow() during a poll asks for another right after it.
class LeaseMonitor : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaseMonitor)

public:
    static constexpr qint64 kDefaultFailoverTimeMs = 10'000;
    static constexpr int kDefaultPollIntervalMs = 2'000;

    // `table` is not owned. `clock` (not owned) defaults to the system clock.
    explicit LeaseMonitor(LeaseTable *table, const Clock *clock = nullptr, QObject *parent = nullptr);
    ~LeaseMonitor() override;

    LeaseTable *table() const { return m_table; }
    void setFailoverTimeMs(qint64 ms);
    qint64 failoverTimeMs() const { return m_failoverTimeMs; }
    void setPollIntervalMs(int ms);
    int pollIntervalMs() const { return m_pollIntervalMs; }
    bool isRunning() const;

    // Polls now and then every poll interval.
    void start();
    void stop();
    // One poll now (or right after the one in flight).
    void refreshNow();
    LeaseTableSnapshot snapshot() const { return m_snapshot; }
    // How many polls have completed (successful or not).
    int pollCount() const { return m_pollCount; }

signals:
    // After every poll, successful or not.
    void snapshotChanged(const shardscope::LeaseTableSnapshot &snapshot);

private:
    struct Companions
    {
        bool hasWorkerMetricStats = false;
        bool hasCoordinatorState = false;
        QString leaderWorkerId;
        QList<WorkerMetricStatsEntry> workerMetricStats;
        std::optional<Error> error;
    };

    void poll();
    void readCompanions(DynamoLeaseTable *dynamo, std::function<void(Companions)> done);
    void readSqliteCompanions(SqliteLeaseTable *sqlite, std::function<void(Companions)> done);
    static void addLeaseTableEntities(const QList<QJsonObject> &entities, Companions &companions);
    void apply(const BackendResult<QList<Lease>> &leases, const Companions &companions);
    void pollFinished();

    QPointer<LeaseTable> m_table;
    const Clock *m_clock;
    qint64 m_failoverTimeMs = kDefaultFailoverTimeMs;
    int m_pollIntervalMs = kDefaultPollIntervalMs;
    QTimer *m_timer;
    bool m_polling = false;
    bool m_pollAgain = false;
    int m_pollCount = 0;
    LeaseTableSnapshot m_snapshot;
    SqliteCoordinatorStore *m_sqliteCompanions = nullptr; // made on the first poll of a local table
};

} // namespace shardscope
