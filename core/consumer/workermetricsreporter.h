#pragma once

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace shardscope {

class Clock;
class CoordinatorStore;

// One worker's heartbeat in `<app>-WorkerMetricStats` (KCL 3.x's WorkerMetricStatsReporter):
// every report() writes its row: `wid`, `lut` (now, epoch seconds), and in `sts` the metric it
// can honestly measure, its processed records per second, under KCL's throughput metric name
// "T", the last ten reports. Workers of the app's group share one process, so there is no CPU,
// memory or network figure per worker to report, and no operating range (`opr` stays empty). The
// leader counts a worker as alive while its `lut` is recent (isAlive()).
//
// start() reports at once and then every interval (KCL's workerMetricsReporterFreqInMillis,
// 30,000 ms).
//
// Threads: GUI thread.
class WorkerMetricsReporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerMetricsReporter)

public:
    static constexpr qint64 kDefaultIntervalMs = 30'000;
    static constexpr int kKeptValues = 10;
    // KCL: a worker that skipped two reports is dead.
    static constexpr int kMissedReportsForDead = 2;

    using RateFunction = std::function<double()>;

    WorkerMetricsReporter(CoordinatorStore *store, const QString &workerId, RateFunction recordsPerSecond,
                          qint64 intervalMs = kDefaultIntervalMs, const Clock *clock = nullptr,
                          QObject *parent = nullptr);
    ~WorkerMetricsReporter() override;

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    qint64 intervalMs() const { return m_intervalMs; }

    // One report; the future finishes when the store has answered.
    QFuture<void> report();
    int reports() const { return m_reports; }

    // Whether a row last updated at `lastUpdateEpochSeconds` counts as alive at `nowMs`.
    static bool isAlive(qint64 lastUpdateEpochSeconds, qint64 nowMs, qint64 intervalMs);

signals:
    void errorOccurred(const QString &message);

private:
    CoordinatorStore *m_store;
    QString m_workerId;
    RateFunction m_rate;
    qint64 m_intervalMs;
    const Clock *m_clock;
    QTimer m_timer;
    QList<double> m_values;
    int m_reports = 0;
};

} // namespace shardscope
