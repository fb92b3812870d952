#include "consumerworker.h"

#include "kinesis/clock.h"
#include "kinesis/clockorsystem.h"
#include "records/recordentry.h"

#include <QTimer>

#include <algorithm>

namespace shardscope {

namespace {
constexpr qint64 kRateWindowMs = 5'000; // records/s is averaged over this
} // namespace

ConsumerWorker::ConsumerWorker(const QString &workerId, Context context, QObject *parent)
    : QObject(parent), m_workerId(workerId), m_context(std::move(context)),
      m_coordinator(nullptr)
{
    if (m_context.coordinatorStore)
        m_context.leaseOptions.taking = false;
    m_coordinator = new LeaseCoordinator(m_context.table, workerId, m_context.leaseOptions, m_context.clock, this);
    m_context.clock = &clockOrSystem(m_context.clock);
    if (CoordinatorStore *store = m_context.coordinatorStore) {
        const Clock *clock = m_context.clock;
        m_elector = new LeaderElector(store, workerId, m_context.leaderOptions, clock, this);
        m_assigner = new LeaseAssignmentManager(m_context.table, store, m_elector, m_context.assignmentOptions,
                                                clock, this);
        // KCL: every assignment interval / 2 − epsilon.
        m_discoverer = new LeaseDiscoverer(m_context.table, m_coordinator,
                                           m_context.assignmentOptions.assignmentIntervalMs() / 2 -
                                               m_context.leaseOptions.epsilonMs,
                                           this);
        m_reporter = new WorkerMetricsReporter(store, workerId, [this] { return recordsPerSecond(); },
                                               m_context.assignmentOptions.metricsReportIntervalMs, clock, this);
        connect(m_elector, &LeaderElector::leadershipChanged, this, &ConsumerWorker::statusChanged);
        connect(m_elector, &LeaderElector::errorOccurred, this, &ConsumerWorker::setError);
        connect(m_assigner, &LeaseAssignmentManager::errorOccurred, this, &ConsumerWorker::setError);
        connect(m_discoverer, &LeaseDiscoverer::errorOccurred, this, &ConsumerWorker::setError);
        connect(m_reporter, &WorkerMetricsReporter::errorOccurred, this, &ConsumerWorker::setError);
    }
    connect(m_coordinator, &LeaseCoordinator::leaseAcquired, this, [this](const Lease &lease) {
        if (m_state == WorkerStatus::State::Running)
            startConsumer(lease);
    });
    connect(m_coordinator, &LeaseCoordinator::leaseLost, this, [this](const QString &leaseKey) {
        stopConsumer(leaseKey);
        emit statusChanged();
    });
    connect(m_coordinator, &LeaseCoordinator::heldLeasesChanged, this, &ConsumerWorker::statusChanged);
    connect(m_coordinator, &LeaseCoordinator::errorOccurred, this, &ConsumerWorker::setError);
}

ConsumerWorker::~ConsumerWorker()
{
    stopAllConsumers();
}

qint64 ConsumerWorker::now() const
{
    return m_context.clock->nowMs();
}

void ConsumerWorker::start()
{
    if (m_started || m_state != WorkerStatus::State::Running)
        return;
    m_started = true;
    if (m_context.leaseTimers) {
        m_coordinator->start();
        startLeaderAssignment();
    }
}

// The heartbeat goes first so that a worker that becomes leader at once finds the others'.
void ConsumerWorker::startLeaderAssignment()
{
    if (!m_elector)
        return;
    m_reporter->start();
    m_elector->start();
    m_assigner->start();
    m_discoverer->start();
}

void ConsumerWorker::stopLeaderAssignment()
{
    if (!m_elector)
        return;
    m_reporter->stop();
    m_elector->stop();
    m_assigner->stop();
    m_discoverer->stop();
}

void ConsumerWorker::shutdown()
{
    ++m_life;
    stopAllConsumers();
    m_coordinator->forget();
    if (m_elector) {
        stopLeaderAssignment();
        m_elector->forget();
        m_assigner->forget();
        m_discoverer->forget();
    }
    m_started = false;
    emit statusChanged();
}

void ConsumerWorker::kill()
{
    if (m_state == WorkerStatus::State::Killed)
        return;
    m_state = WorkerStatus::State::Killed;
    ++m_life;
    stopAllConsumers();
    m_coordinator->forget();
    if (m_elector) {
        stopLeaderAssignment();
        m_elector->forget();
        m_assigner->forget();
        m_discoverer->forget();
    }
    emit statusChanged();
}

void ConsumerWorker::setPaused(bool paused)
{
    if (m_state == WorkerStatus::State::Killed)
        return;
    if (paused == (m_state == WorkerStatus::State::Paused))
        return;
    if (paused) {
        m_state = WorkerStatus::State::Paused;
        ++m_life;
        m_coordinator->stop();
        stopLeaderAssignment();
        stopAllConsumers();
        emit statusChanged();
        return;
    }
    m_state = WorkerStatus::State::Running;
    emit statusChanged();
    // Renew first: leases not renewed within the failover time are dropped as lost; the rest are
    // read again from their checkpoints.
    const quint64 life = m_life;
    m_coordinator->runRenewals().then(this, [this, life] {
        if (life != m_life || m_state != WorkerStatus::State::Running)
            return;
        for (const Lease &lease : m_coordinator->heldLeases()) {
            if (!m_consumers.contains(lease.leaseKey))
                startConsumer(lease);
        }
        if (m_started && m_context.leaseTimers) {
            m_coordinator->start();
            startLeaderAssignment();
        }
    });
}

void ConsumerWorker::setProcessingDelay(int ms)
{
    m_delayMs = std::max(0, ms);
    emit statusChanged();
}

QString ConsumerWorker::setPoisonFilter(const QString &filter)
{
    if (filter.trimmed().isEmpty()) {
        m_poison.reset();
        m_poisonText.clear();
        emit statusChanged();
        return {};
    }
    const auto parsed = FilterExpression::parse(filter);
    if (!parsed)
        return parsed.error().message;
    m_poison = *parsed;
    m_poisonText = filter;
    emit statusChanged();
    return {};
}

double ConsumerWorker::recordsPerSecond() const
{
    const qint64 since = now() - kRateWindowMs;
    qint64 recent = 0;
    for (const auto &[at, count] : m_recent) {
        if (at > since)
            recent += count;
    }
    return double(recent) * 1000.0 / double(kRateWindowMs);
}

WorkerStatus ConsumerWorker::status() const
{
    WorkerStatus status;
    status.workerId = m_workerId;
    status.state = m_state;
    status.leaseKeys = m_coordinator->heldLeaseKeys();
    status.recordsPerSecond = recordsPerSecond();
    status.recordsProcessed = m_recordsProcessed;
    status.checkpoints = m_checkpoints;
    status.throttles = m_throttles;
    status.lastRenewalMs = m_coordinator->lastRenewalMs();
    status.processingDelayMs = m_delayMs;
    status.poisonFilter = m_poisonText;
    status.lastError = m_lastError;
    status.leader = m_elector && m_elector->isLeader();
    return status;
}

QStringList ConsumerWorker::consumingShards() const
{
    QStringList shards = m_consumers.keys();
    shards.sort();
    return shards;
}

std::optional<ShardConsumer::State> ConsumerWorker::consumerState(const QString &shardId) const
{
    const ShardConsumer *consumer = m_consumers.value(shardId);
    if (!consumer)
        return std::nullopt;
    return consumer->state();
}

void ConsumerWorker::setError(const QString &message)
{
    m_lastError = message;
    emit statusChanged();
}

void ConsumerWorker::startConsumer(const Lease &lease)
{
    stopConsumer(lease.leaseKey);
    auto *consumer = new ShardConsumer(
        m_context.backend, m_context.table, m_coordinator, m_context.streamName, lease, m_context.consumerOptions,
        [this](const QString &shardId, const QList<Record> &records, qint64 millisBehind, std::function<void(bool)> done) {
            process(shardId, records, millisBehind, std::move(done));
        },
        this);
    m_consumers.insert(lease.leaseKey, consumer);
    connect(consumer, &ShardConsumer::throttled, this, [this](const QString &shardId) {
        ++m_throttles;
        emit throttled(m_workerId, shardId);
        emit statusChanged();
    });
    connect(consumer, &ShardConsumer::checkpointed, this, [this] {
        ++m_checkpoints;
        emit statusChanged();
    });
    connect(consumer, &ShardConsumer::shardEnded, this,
            [this](const QString &shardId) { emit shardEnded(m_workerId, shardId); });
    connect(consumer, &ShardConsumer::errorOccurred, this, [this](const QString &shardId, const QString &message) {
        setError(QStringLiteral("%1: %2").arg(shardId, message));
    });
    consumer->start();
}

void ConsumerWorker::stopConsumer(const QString &shardId)
{
    if (ShardConsumer *consumer = m_consumers.take(shardId)) {
        consumer->stop();
        consumer->deleteLater();
    }
}

void ConsumerWorker::stopAllConsumers()
{
    const QStringList shards = m_consumers.keys();
    for (const QString &shardId : shards)
        stopConsumer(shardId);
}

void ConsumerWorker::process(const QString &shardId, const QList<Record> &records, qint64 millisBehind,
                             std::function<void(bool)> done)
{
    const quint64 life = m_life;
    auto finish = [this, life, shardId, records, millisBehind, done = std::move(done)] {
        if (life != m_life)
            return;
        if (m_poison) {
            for (const Record &record : records) {
                if (m_poison->matches(recordEntry(record, shardId))) {
                    setError(tr("Processing failed in %1 at record %2 (poison record); retrying from the "
                                "last checkpoint")
                                 .arg(shardId, record.sequenceNumber.toString()));
                    done(false);
                    return;
                }
            }
        }
        m_recordsProcessed += records.size();
        const qint64 t = now();
        m_recent.append({t, int(records.size())});
        while (!m_recent.isEmpty() && m_recent.first().first <= t - kRateWindowMs)
            m_recent.removeFirst();
        emit recordsProcessed(m_workerId, shardId, int(records.size()), millisBehind);
        emit batchProcessed(m_workerId, shardId, records);
        emit statusChanged();
        done(true);
    };
    if (m_delayMs > 0)
        QTimer::singleShot(m_delayMs, this, std::move(finish));
    else
        finish();
}

} // namespace shardscope
