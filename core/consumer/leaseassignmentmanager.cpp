#include "leaseassignmentmanager.h"

#include "backend/futureutils.h"
#include "backend/roundpromise.h"
#include "kinesis/clockorsystem.h"
#include "consumer/coordinatorstore.h"
#include "consumer/leaderelector.h"
#include "consumer/leasetable.h"
#include "consumer/workermetricsreporter.h"
#include "kinesis/clock.h"

#include <QPromise>

namespace shardscope {

struct LeaseAssignmentManager::Run : RoundPromise
{
    QList<Lease> leases;
    QList<LeaseAssignment> toWrite;
    QList<LeaseAssignment> written;
};

LeaseAssignmentManager::LeaseAssignmentManager(LeaseTable *table, CoordinatorStore *store, LeaderElector *elector,
                                               const LeaseAssignmentOptions &options, const Clock *clock,
                                               QObject *parent)
    : QObject(parent), m_table(table), m_store(store), m_elector(elector), m_options(options),
      m_clock(&clockOrSystem(clock))
{
    m_timer.setInterval(int(m_options.assignmentIntervalMs()));
    connect(&m_timer, &QTimer::timeout, this, [this] { runAssignment(); });
    // KCL's manager runs at once on the worker that has just become leader.
    connect(m_elector, &LeaderElector::leadershipChanged, this, [this](bool leader) {
        if (leader)
            runAssignment();
    });
}

LeaseAssignmentManager::~LeaseAssignmentManager()
{
    forget();
}

qint64 LeaseAssignmentManager::now() const
{
    return m_clock->nowMs();
}

void LeaseAssignmentManager::start()
{
    if (!isRunning())
        m_timer.start();
}

void LeaseAssignmentManager::stop()
{
    m_timer.stop();
}

void LeaseAssignmentManager::forget()
{
    stop();
    ++m_generation;
    if (m_run)
        m_run->finish();
    m_run.reset();
    m_seen.clear();
    m_wasLeader = false;
}

void LeaseAssignmentManager::setError(const QString &message)
{
    m_lastError = message;
    emit errorOccurred(message);
}

QFuture<void> LeaseAssignmentManager::runAssignment()
{
    if (m_run)
        return m_run->promise.future();
    auto run = std::make_shared<Run>();
    if (!m_elector->isLeader()) {
        m_wasLeader = false;
        run->finish();
        return run->promise.future();
    }
    if (!m_wasLeader) {
        // A new term: what an earlier term saw says nothing about the counters now.
        m_wasLeader = true;
        m_seen.clear();
    }
    m_run = run;
    const quint64 generation = m_generation;
    onResult(this, m_table->listLeases(), [this, run, generation](const BackendResult<QList<Lease>> &leases) {
        if (generation != m_generation || run->finished)
            return;
        if (!leases) {
            setError(tr("Listing the leases for assignment failed: %1").arg(leases.error().message));
            finishRun(run);
            return;
        }
        run->leases = *leases;
        decide(run);
    });
    return run->promise.future();
}

void LeaseAssignmentManager::decide(std::shared_ptr<Run> run)
{
    const quint64 generation = m_generation;
    onResult(this, m_store->listWorkerMetricStats(),
             [this, run, generation](const BackendResult<QList<WorkerMetricStatsEntry>> &stats) {
                 if (generation != m_generation || run->finished)
                     return;
                 if (!stats) {
                     setError(tr("Reading the workers' metric stats failed: %1").arg(stats.error().message));
                     finishRun(run);
                     return;
                 }
                 const qint64 scanMs = now();
                 LeaseAssignmentInput input;
                 input.leases = run->leases;
                 QHash<QString, Seen> next;
                 for (const Lease &lease : std::as_const(run->leases)) {
                     Seen seen{lease.leaseCounter, lease.isAssigned() ? scanMs : 0};
                     const auto old = m_seen.constFind(lease.leaseKey);
                     if (old != m_seen.constEnd() && old->counter == lease.leaseCounter)
                         seen.changedMs = old->changedMs;
                     next.insert(lease.leaseKey, seen);
                     if (lease.isAssigned() && scanMs - seen.changedMs > m_options.failoverTimeMs)
                         input.expiredLeaseKeys.insert(lease.leaseKey);
                 }
                 m_seen = std::move(next);
                 for (const WorkerMetricStatsEntry &entry : *stats) {
                     if (WorkerMetricsReporter::isAlive(entry.lastUpdateEpochSeconds, scanMs,
                                                        m_options.metricsReportIntervalMs))
                         input.aliveWorkers.append(entry.workerId);
                 }
                 run->toWrite = decideLeaseAssignments(input);
                 writeNext(run);
             });
}

void LeaseAssignmentManager::writeNext(std::shared_ptr<Run> run)
{
    if (run->toWrite.isEmpty()) {
        finishRun(run);
        return;
    }
    const LeaseAssignment assignment = run->toWrite.takeFirst();
    Lease seen;
    for (const Lease &lease : std::as_const(run->leases)) {
        if (lease.leaseKey == assignment.leaseKey) {
            seen = lease;
            break;
        }
    }
    const quint64 generation = m_generation;
    onResult(this, m_table->takeLease(seen, assignment.toWorker),
             [this, run, generation, assignment](const BackendResult<std::optional<Lease>> &result) {
                 if (generation != m_generation || run->finished)
                     return;
                 if (!result) {
                     setError(tr("Assigning the lease of %1 to %2 failed: %3")
                                  .arg(assignment.leaseKey, assignment.toWorker, result.error().message));
                 } else if (*result) {
                     // The assignment counts as a counter change: the new owner has until the
                     // failover time to find and renew it.
                     m_seen.insert(assignment.leaseKey, Seen{(*result)->leaseCounter, now()});
                     run->written.append(assignment);
                     ++m_written;
                 }
                 writeNext(run);
             });
}

void LeaseAssignmentManager::finishRun(std::shared_ptr<Run> run)
{
    ++m_runs;
    m_lastAssignments = run->written;
    run->finish();
    if (m_run == run)
        m_run.reset();
    if (!m_lastAssignments.isEmpty())
        emit assignmentsMade(m_lastAssignments);
}

} // namespace shardscope
