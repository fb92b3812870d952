#pragma once

#include "backend/streambackend.h"
#include "consumer/leaderelector.h"
#include "consumer/leaseassignmentmanager.h"
#include "consumer/leasecoordinator.h"
#include "consumer/leasediscoverer.h"
#include "consumer/workermetricsreporter.h"
#include "consumer/shardconsumer.h"
#include "consumer/workerstatus.h"
#include "records/filterexpression.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>
#include <utility>

namespace shardscope {

class Clock;
class CoordinatorStore;

// One worker of the app's consumer group: a LeaseCoordinator (renewer and taker) and a
// ShardConsumer per lease it holds, with a record-counting processor and the fault switches the
// consumer dashboard offers:
// - kill(): stops at once, as kill -9 would: no eviction, nothing written; its leases stay owned
//   by it in the table until they expire (failover time without a renewal) and others take them.
// - setPaused(true): no renewals, no taking, no reads (its shard consumers stop); its leases
//   expire and others take them. setPaused(false): its first renewal round finds the leases it
//   has not renewed within the failover time lost (KCL does not renew an expired lease) and drops
//   them without writing; leases still its own are read again from their checkpoints.
// - setProcessingDelay(ms): each batch takes ms longer to process (a timer, the GUI thread is
//   never blocked); renewals go on, the checkpoint falls behind as records arrive.
// - setPoisonFilter(text): a batch with a record the filter (the Records tab's filter language)
//   matches fails to process; it is retried from the last checkpoint after a back-off, as an
//   application that retries until success does, so that shard's checkpoint stops moving while
//   records keep arriving. An empty text turns it off.
//
// Under KCL 3.x's leader assignment (Context::coordinatorStore set) the coordinator does not take:
// a WorkerMetricsReporter heartbeats, a LeaderElector contends for the leader lock, the
// LeaseAssignmentManager assigns leases while this worker is leader, and a LeaseDiscoverer hands
// the leases assigned to it to the coordinator. Pausing stops all four (a paused leader loses the
// lock once it expires); killing forgets them.
//
// Threads: GUI thread.
class ConsumerWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsumerWorker)

public:
    struct Context
    {
        StreamBackend *backend = nullptr;
        LeaseTable *table = nullptr;
        QString streamName;
        LeaseCoordinatorOptions leaseOptions;
        ShardConsumerOptions consumerOptions;
        const Clock *clock = nullptr;
        bool leaseTimers = true; // false: the caller runs the coordinator's rounds
        // KCL 3.x's leader assignment when set (not owned); KCL 2.x's taking when null.
        CoordinatorStore *coordinatorStore = nullptr;
        LeaderElectorOptions leaderOptions;
        LeaseAssignmentOptions assignmentOptions;
    };

    ConsumerWorker(const QString &workerId, Context context, QObject *parent = nullptr);
    ~ConsumerWorker() override;

    QString workerId() const { return m_workerId; }
    LeaseCoordinator *coordinator() const { return m_coordinator; }
    // The KCL 3.x pieces; nullptr under KCL 2.x's taking.
    LeaderElector *elector() const { return m_elector; }
    LeaseAssignmentManager *assignmentManager() const { return m_assigner; }
    LeaseDiscoverer *discoverer() const { return m_discoverer; }
    WorkerMetricsReporter *metricsReporter() const { return m_reporter; }

    void start();
    // Stops reading and renewing without writing anything (the group stops).
    void shutdown();
    void kill();
    void setPaused(bool paused);
    void setProcessingDelay(int ms);
    // The parse error, or empty when the filter is set (or turned off).
    QString setPoisonFilter(const QString &filter);

    WorkerStatus status() const;
    // The shard consumers running or waiting, by shard.
    QStringList consumingShards() const;
    std::optional<ShardConsumer::State> consumerState(const QString &shardId) const;

signals:
    void statusChanged();
    void recordsProcessed(const QString &workerId, const QString &shardId, int count, qint64 millisBehindLatest);
    // The records of each processed batch (before its checkpoint is written).
    void batchProcessed(const QString &workerId, const QString &shardId, const QList<shardscope::Record> &records);
    void throttled(const QString &workerId, const QString &shardId);
    // A shard consumer found its lease at SHARD_END or checkpointed it so (the lease clean-up's
    // queue).
    void shardEnded(const QString &workerId, const QString &shardId);

private:
    void startConsumer(const Lease &lease);
    void stopConsumer(const QString &shardId);
    void stopAllConsumers();
    void process(const QString &shardId, const QList<Record> &records, qint64 millisBehind,
                 std::function<void(bool)> done);
    void setError(const QString &message);
    qint64 now() const;
    double recordsPerSecond() const;
    void startLeaderAssignment();
    void stopLeaderAssignment();

    QString m_workerId;
    Context m_context;
    LeaseCoordinator *m_coordinator;
    LeaderElector *m_elector = nullptr;
    LeaseAssignmentManager *m_assigner = nullptr;
    LeaseDiscoverer *m_discoverer = nullptr;
    WorkerMetricsReporter *m_reporter = nullptr;
    QHash<QString, ShardConsumer *> m_consumers;
    WorkerStatus::State m_state = WorkerStatus::State::Running;
    bool m_started = false;
    quint64 m_life = 0; // batches processed before a kill or pause are dropped
    int m_delayMs = 0;
    QString m_poisonText;
    std::optional<FilterExpression> m_poison;
    qint64 m_recordsProcessed = 0;
    qint64 m_checkpoints = 0;
    qint64 m_throttles = 0;
    QString m_lastError;
    QList<std::pair<qint64, int>> m_recent; // (time, count) of the last few seconds' batches
};

} // namespace shardscope
