#include "consumergroup.h"

#include "backend/futureutils.h"
#include "consumer/coordinatorstore.h"
#include "consumer/shardsyncer.h"

#include <QPromise>

#include <memory>

namespace shardscope {

ConsumerGroup::ConsumerGroup(StreamBackend *backend, LeaseTable *table, ConsumerGroupOptions options,
                             const Clock *clock, QObject *parent)
    : QObject(parent), m_backend(backend), m_table(table), m_options(std::move(options)), m_clock(clock),
      m_syncer(new ShardSyncer(backend, table, m_options.streamName, m_options.initialPosition, this))
{
    m_syncTimer.setInterval(m_options.shardSyncIntervalMs);
    connect(&m_syncTimer, &QTimer::timeout, this, [this] { syncShards(); });
    if (m_options.assignment == ConsumerGroupOptions::AssignmentProtocol::Kcl3Leader)
        m_coordinatorStore = CoordinatorStore::forLeaseTable(table, this);
    m_cleaner = new LeaseCleaner(backend, table, m_options.streamName, m_options.leaseCleanup, clock, this);
    connect(m_cleaner, &LeaseCleaner::errorOccurred, this, &ConsumerGroup::setError);
}

ConsumerGroup::~ConsumerGroup()
{
    stop();
}

void ConsumerGroup::setError(const QString &message)
{
    m_lastError = message;
    emit errorOccurred(message);
}

void ConsumerGroup::start()
{
    if (m_running)
        return;
    if (m_options.assignment == ConsumerGroupOptions::AssignmentProtocol::Kcl3Leader && !m_coordinatorStore) {
        setError(tr("KCL 3.x leader assignment needs a lease table in the local store or in DynamoDB; "
                    "%1 is neither.")
                     .arg(m_table->tableName()));
        return;
    }
    m_running = true;
    const quint64 run = ++m_run;
    onResult(this, createTables(), [this, run](const BackendResult<bool> &created) {
        if (run != m_run)
            return;
        if (!created) {
            setError(tr("The lease table %1 could not be created: %2").arg(m_table->tableName(), created.error().message));
            m_running = false;
            return;
        }
        onResult(this, syncShards(), [this, run](const BackendResult<int> &) {
            if (run != m_run)
                return;
            while (m_workers.size() < m_options.workers)
                createWorker();
            for (ConsumerWorker *worker : std::as_const(m_workers))
                worker->start();
            if (m_options.leaseTimers)
                m_syncTimer.start();
            m_cleaner->start(m_options.leaseTimers);
            emit workersChanged();
            emit started();
        });
    });
}

void ConsumerGroup::stop()
{
    ++m_run;
    m_running = false;
    m_syncTimer.stop();
    m_cleaner->stop();
    const QList<ConsumerWorker *> workers = std::exchange(m_workers, {});
    for (ConsumerWorker *worker : workers) {
        worker->shutdown();
        worker->deleteLater();
    }
    m_nextWorker = 1;
    if (!workers.isEmpty())
        emit workersChanged();
}

ConsumerWorker *ConsumerGroup::createWorker()
{
    ConsumerWorker::Context context;
    context.backend = m_backend;
    context.table = m_table;
    context.streamName = m_options.streamName;
    context.leaseOptions.failoverTimeMs = m_options.failoverTimeMs;
    context.consumerOptions.readMode = m_options.readMode;
    context.consumerOptions.consumerArn = m_options.consumerArn;
    context.consumerOptions.idleTimeBetweenReadsMs = m_options.idleTimeBetweenReadsMs;
    context.consumerOptions.parentShardPollIntervalMs = m_options.parentShardPollIntervalMs;
    context.consumerOptions.retryBackoffMs = m_options.retryBackoffMs;
    context.consumerOptions.initialTimestampMs = m_options.initialTimestampMs;
    context.clock = m_clock;
    context.leaseTimers = m_options.leaseTimers;
    context.coordinatorStore = m_coordinatorStore;
    context.assignmentOptions.failoverTimeMs = m_options.failoverTimeMs;
    auto *worker = new ConsumerWorker(QStringLiteral("worker-%1").arg(m_nextWorker++), context, this);
    connect(worker, &ConsumerWorker::statusChanged, this, &ConsumerGroup::workersChanged);
    connect(worker, &ConsumerWorker::recordsProcessed, this, &ConsumerGroup::recordsProcessed);
    connect(worker, &ConsumerWorker::batchProcessed, this, &ConsumerGroup::batchProcessed);
    connect(worker, &ConsumerWorker::throttled, this, &ConsumerGroup::throttled);
    connect(worker, &ConsumerWorker::shardEnded, m_cleaner,
            [this](const QString &, const QString &shardId) { m_cleaner->enqueue(shardId); });
    m_workers.append(worker);
    return worker;
}

QString ConsumerGroup::addWorker()
{
    ConsumerWorker *worker = createWorker();
    if (m_running)
        worker->start();
    emit workersChanged();
    return worker->workerId();
}

ConsumerWorker *ConsumerGroup::worker(const QString &workerId) const
{
    for (ConsumerWorker *worker : m_workers) {
        if (worker->workerId() == workerId)
            return worker;
    }
    return nullptr;
}

void ConsumerGroup::killWorker(const QString &workerId)
{
    if (ConsumerWorker *w = worker(workerId))
        w->kill();
}

void ConsumerGroup::setWorkerPaused(const QString &workerId, bool paused)
{
    if (ConsumerWorker *w = worker(workerId))
        w->setPaused(paused);
}

void ConsumerGroup::setProcessingDelay(const QString &workerId, int ms)
{
    if (ConsumerWorker *w = worker(workerId))
        w->setProcessingDelay(ms);
}

void ConsumerGroup::setPoisonFilter(const QString &workerId, const QString &filter)
{
    ConsumerWorker *w = worker(workerId);
    if (!w)
        return;
    const QString problem = w->setPoisonFilter(filter);
    if (!problem.isEmpty())
        setError(tr("The poison filter does not parse: %1").arg(problem));
}

QList<WorkerStatus> ConsumerGroup::workers() const
{
    QList<WorkerStatus> statuses;
    for (const ConsumerWorker *worker : m_workers)
        statuses.append(worker->status());
    return statuses;
}

void ConsumerGroup::runRenewals()
{
    for (ConsumerWorker *worker : std::as_const(m_workers)) {
        if (worker->status().state == WorkerStatus::State::Running)
            worker->coordinator()->runRenewals();
    }
}

void ConsumerGroup::runTaking()
{
    for (ConsumerWorker *worker : std::as_const(m_workers)) {
        if (worker->status().state == WorkerStatus::State::Running)
            worker->coordinator()->runTaking();
    }
}

QFuture<void> ConsumerGroup::runLeaseCleanup()
{
    return m_cleaner->runCleanup();
}

BackendFuture<int> ConsumerGroup::syncShards()
{
    const BackendFuture<int> future = m_syncer->sync();
    onResult(this, future, [this](const BackendResult<int> &result) {
        if (!result)
            setError(tr("Creating the leases for the shards of %1 failed: %2")
                         .arg(m_options.streamName, result.error().message));
    });
    return future;
}

} // namespace shardscope

namespace shardscope {

// The lease table; under Kcl3Leader then the coordinator tables, before any worker heartbeats
// or contends for the lock.
BackendFuture<bool> ConsumerGroup::createTables()
{
    if (!m_coordinatorStore)
        return m_table->createTableIfNotExists();
    auto promise = std::make_shared<QPromise<BackendResult<bool>>>();
    promise->start();
    onResult(this, m_table->createTableIfNotExists(), [this, promise](const BackendResult<bool> &created) {
        if (!created) {
            promise->addResult(created);
            promise->finish();
            return;
        }
        onResult(this, m_coordinatorStore->createTablesIfNotExist(),
                 [this, promise, created](const BackendResult<bool> &made) {
                     if (made) {
                         promise->addResult(created);
                     } else {
                         promise->addResult(std::unexpected(
                             Error{made.error().type, tr("its coordinator state: %1").arg(made.error().message)}));
                     }
                     promise->finish();
                 });
    });
    return promise->future();
}

QString ConsumerGroup::leaderWorkerId() const
{
    for (const ConsumerWorker *worker : m_workers) {
        if (worker->status().state != WorkerStatus::State::Killed && worker->elector() && worker->elector()->isLeader())
            return worker->workerId();
    }
    return {};
}

} // namespace shardscope
