#pragma once

#include "backend/streambackend.h"
#include "consumer/consumerworker.h"
#include "consumer/lease.h"
#include "consumer/leasecleaner.h"
#include "consumer/leasetable.h"
#include "consumer/workerstatus.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace shardscope {

class Clock;
class CoordinatorStore;
class ShardSyncer;

struct ConsumerGroupOptions
{
    using ReadMode = ShardConsumerOptions::ReadMode;

    QString applicationName;
    QString streamName;
    int workers = 2;
    ReadMode readMode = ReadMode::Polling;
    QString consumerArn; // FanOut: an ACTIVE consumer of the stream
    // CheckpointSentinel::TrimHorizon, Latest, or AtTimestamp (from initialTimestampMs).
    QString initialPosition = CheckpointSentinel::TrimHorizon;
    qint64 failoverTimeMs = 10'000;
    int idleTimeBetweenReadsMs = 1'000;
    int parentShardPollIntervalMs = 10'000;
    int retryBackoffMs = 1'000;      // a failed batch (poison) is retried after this
    int shardSyncIntervalMs = 60'000; // leases for new shards are created this often
    // False: no timers run the lease protocol or the shard sync; the caller runs runRenewals(),
    // runTaking() and syncShards() (tests and the bench, on a ManualClock).
    bool leaseTimers = true;
    // How leases find workers: KCL 2.x's (every worker takes and steals) or KCL 3.x's (a leader
    // elected through `<app>-CoordinatorState` assigns them; workers heartbeat in
    // `<app>-WorkerMetricStats`), beside the lease table in the local store or in DynamoDB.
    enum class AssignmentProtocol { Kcl2Taking, Kcl3Leader };
    AssignmentProtocol assignment = AssignmentProtocol::Kcl2Taking;
    // Deleting finished shards' leases (KCL's defaults); without lease timers, runLeaseCleanup().
    LeaseCleanerOptions leaseCleanup;
    // AtTimestamp: records from this time on (ms since the epoch), as KCL's
    // InitialPositionInStreamExtended.newInitialPositionAtTimestamp.
    qint64 initialTimestampMs = 0;
};

// The app's own KCL-compatible consumer group: N workers over any StreamBackend sharing one lease
// table in KCL 2.x's layout, with KCL 2.x's protocol and defaults (LeaseCoordinator: failover
// 10,000 ms, renewals every 3,308 ms, taking every 20,050 ms, expired leases first, at most one
// steal per round), shard sync (ShardSyncer), parents before children and reading by polling or
// enhanced fan-out (ShardConsumer). Its processor counts records; the fault switches
// (ConsumerWorker: kill, pause, slow processing, poison record) let the consumer dashboard show
// what goes wrong and how the group recovers.
//
// Under AssignmentProtocol::Kcl3Leader the workers do not take: one of them, elected through a
// lock, assigns the leases every 2 × failover (KCL 3.x; see ConsumerWorker and
// LeaseAssignmentManager), and the lease table gets the companion tables
// `<app>-CoordinatorState` and `<app>-WorkerMetricStats` beside it (in the same SQLite file, or
// as DynamoDB tables through the same client).
//
// Leases of shards read to their end stay in the table at SHARD_END, held and renewed like the
// others and counted in every worker's target, until the group's LeaseCleaner (KCL's
// LeaseCleanupManager) deletes them: once every child's checkpoint moved past its start and the
// parents' leases are gone, or once the shard itself is gone (past retention).
//
// start() creates the lease table when missing, creates the shards' leases, then starts the
// workers. stop() stops every worker without writing to the table (as a killed process would);
// their leases expire. Killed workers stay listed (state Killed) until the group stops.
//
// Threads: GUI thread; every table and backend call is asynchronous.
class ConsumerGroup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsumerGroup)

public:
    ConsumerGroup(StreamBackend *backend, LeaseTable *table, ConsumerGroupOptions options,
                  const Clock *clock = nullptr, QObject *parent = nullptr);
    ~ConsumerGroup() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // Adds a worker (started when the group runs); its id.
    QString addWorker();

    void killWorker(const QString &workerId);
    void setWorkerPaused(const QString &workerId, bool paused);
    void setProcessingDelay(const QString &workerId, int ms);
    // A filter that does not parse turns nothing on; its message becomes the worker's lastError.
    void setPoisonFilter(const QString &workerId, const QString &filter);

    QList<WorkerStatus> workers() const;
    ConsumerWorker *worker(const QString &workerId) const;
    LeaseTable *leaseTable() const { return m_table; }
    ConsumerGroupOptions options() const { return m_options; }
    QString lastError() const { return m_lastError; }

    // The lease rounds of every running worker, and one shard sync (what the timers run).
    void runRenewals();
    void runTaking();
    BackendFuture<int> syncShards();
    // The worker holding the leader lock, by the workers' own view (Kcl3Leader); empty if none.
    QString leaderWorkerId() const;
    // The leader lock and metric stats store (Kcl3Leader); else null.
    CoordinatorStore *coordinatorStore() const { return m_coordinatorStore; }
    // One pass of the lease clean-up (what its timer runs).
    QFuture<void> runLeaseCleanup();
    LeaseCleaner *leaseCleaner() const { return m_cleaner; }

signals:
    void workersChanged();
    void recordsProcessed(const QString &workerId, const QString &shardId, int count, qint64 millisBehindLatest);
    void throttled(const QString &workerId, const QString &shardId);
    // The records of every processed batch, for tests and tools that check delivery.
    void batchProcessed(const QString &workerId, const QString &shardId, const QList<shardscope::Record> &records);
    void errorOccurred(const QString &message);
    // start() created the table and the leases and started the workers.
    void started();

private:
    ConsumerWorker *createWorker();
    void setError(const QString &message);
    BackendFuture<bool> createTables();

    StreamBackend *m_backend;
    LeaseTable *m_table;
    ConsumerGroupOptions m_options;
    const Clock *m_clock;
    ShardSyncer *m_syncer;
    QList<ConsumerWorker *> m_workers;
    int m_nextWorker = 1;
    bool m_running = false;
    quint64 m_run = 0;
    QTimer m_syncTimer;
    QString m_lastError;
    CoordinatorStore *m_coordinatorStore = nullptr;
    LeaseCleaner *m_cleaner = nullptr;
};

} // namespace shardscope
