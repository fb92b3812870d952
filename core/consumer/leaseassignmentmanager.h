#pragma once

#include "consumer/lease.h"
#include "consumer/leaseassignmentdecider.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

namespace shardscope {

class Clock;
class CoordinatorStore;
class LeaderElector;
class LeaseTable;

// KCL 3.x's timing for the leader's lease assignment (LeaseManagementConfig's defaults).
struct LeaseAssignmentOptions
{
    qint64 failoverTimeMs = 10'000;
    qint64 metricsReportIntervalMs = 30'000; // the workers' WorkerMetricStatsReporter interval

    // Assign every 2 × failover (20,000 ms by default).
    qint64 assignmentIntervalMs() const { return 2 * failoverTimeMs; }
};

// The leader's side of KCL 3.x's lease assignment (LeaseAssignmentManager). Each run, on the
// worker whose LeaderElector holds the lock (others do nothing): it lists the lease table and
// the workers' metric stats, remembers per lease when it last saw leaseCounter change (a lease
// first seen owned counts as changed then, as in KCL; the memory starts afresh when this worker
// becomes leader), calls a lease expired when its counter has not changed for longer than the
// failover time, counts as alive the workers whose metric stats are recent
// (WorkerMetricsReporter::isAlive), lets decideLeaseAssignments() decide, and writes each
// assignment with LeaseTable::takeLease (conditional on the counter it saw, so a lease renewed
// or checkpointed meanwhile is left alone until the next run). The worker assigned a lease finds
// it by its LeaseDiscoverer; the previous owner loses it at its next renewal.
//
// A run happens at once when the worker becomes leader, and every assignment interval after
// start() (tests call runAssignment()).
//
// Threads: GUI thread.
class LeaseAssignmentManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaseAssignmentManager)

public:
    LeaseAssignmentManager(LeaseTable *table, CoordinatorStore *store, LeaderElector *elector,
                           const LeaseAssignmentOptions &options = {}, const Clock *clock = nullptr,
                           QObject *parent = nullptr);
    ~LeaseAssignmentManager() override;

    const LeaseAssignmentOptions &options() const { return m_options; }
    void start();
    void stop();
    void forget();
    bool isRunning() const { return m_timer.isActive(); }
    // A run is in flight (one that becoming leader started, say).
    bool isAssigning() const { return bool(m_run); }

    // One run; the future finishes when its table writes have answered.
    QFuture<void> runAssignment();

    // Figures for the dashboard, tests and the bench.
    int runs() const { return m_runs; }
    int assignmentsWritten() const { return m_written; }
    QList<LeaseAssignment> lastAssignments() const { return m_lastAssignments; }
    QString lastError() const { return m_lastError; }

signals:
    void assignmentsMade(const QList<shardscope::LeaseAssignment> &assignments);
    void errorOccurred(const QString &message);

private:
    struct Run;
    struct Seen
    {
        qint64 counter = 0;
        qint64 changedMs = 0; // 0: never (first seen unowned)
    };

    qint64 now() const;
    void decide(std::shared_ptr<Run> run);
    void writeNext(std::shared_ptr<Run> run);
    void finishRun(std::shared_ptr<Run> run);
    void setError(const QString &message);

    LeaseTable *m_table;
    CoordinatorStore *m_store;
    LeaderElector *m_elector;
    LeaseAssignmentOptions m_options;
    const Clock *m_clock;
    quint64 m_generation = 0;
    std::shared_ptr<Run> m_run;
    QTimer m_timer;
    bool m_wasLeader = false;
    QHash<QString, Seen> m_seen;
    int m_runs = 0;
    int m_written = 0;
    QList<LeaseAssignment> m_lastAssignments;
    QString m_lastError;
};

} // namespace shardscope
