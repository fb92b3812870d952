#include "workermetricsreporter.h"

#include "backend/futureutils.h"
#include "kinesis/clockorsystem.h"
#include "consumer/coordinatorstore.h"
#include "kinesis/clock.h"

#include <QPromise>

#include <memory>

namespace shardscope {

WorkerMetricsReporter::WorkerMetricsReporter(CoordinatorStore *store, const QString &workerId,
                                             RateFunction recordsPerSecond, qint64 intervalMs, const Clock *clock,
                                             QObject *parent)
    : QObject(parent), m_store(store), m_workerId(workerId), m_rate(std::move(recordsPerSecond)),
      m_intervalMs(intervalMs), m_clock(&clockOrSystem(clock))
{
    m_timer.setInterval(int(m_intervalMs));
    connect(&m_timer, &QTimer::timeout, this, [this] { report(); });
}

WorkerMetricsReporter::~WorkerMetricsReporter() = default;

void WorkerMetricsReporter::start()
{
    if (isRunning())
        return;
    m_timer.start();
    report();
}

void WorkerMetricsReporter::stop()
{
    m_timer.stop();
}

bool WorkerMetricsReporter::isAlive(qint64 lastUpdateEpochSeconds, qint64 nowMs, qint64 intervalMs)
{
    return nowMs - lastUpdateEpochSeconds * 1000 <= kMissedReportsForDead * intervalMs;
}

QFuture<void> WorkerMetricsReporter::report()
{
    m_values.append(m_rate ? m_rate() : 0.0);
    while (m_values.size() > kKeptValues)
        m_values.removeFirst();
    WorkerMetricStatsEntry entry;
    entry.workerId = m_workerId;
    entry.lastUpdateEpochSeconds = m_clock->nowMs() / 1000;
    entry.metricStats.insert(QStringLiteral("T"), m_values);
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    onResult(this, m_store->putWorkerMetricStats(entry), [this, promise](const BackendResult<bool> &written) {
        if (!written)
            emit errorOccurred(tr("Writing the worker's metric stats failed: %1").arg(written.error().message));
        else
            ++m_reports;
        promise->finish();
    });
    return promise->future();
}

} // namespace shardscope
