#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;

namespace shardscope {

class LoadGenerator;
class ShardBarChart;
class TimeSeriesChart;
struct LoadGeneratorSecond;
struct ProducerResult;

// The charts of one load generator, a point per second of its producer: user records sent
// (every attempt), acknowledged, throttled (Kinesis records refused with
// ProvisionedThroughputExceeded) and retried; bytes sent and acknowledged; put latency p50 and
// p99 (the PutRecords calls answered in that second); and per shard, the records acknowledged
// in the last second against the 1,000 records/s limit. The seconds the generator already had
// are shown at once; a window of 1 minute, 15 minutes (default) or all it keeps. The charts
// pause while the dashboard is hidden.
//
// Threads: GUI thread. Does not own the generator.
class ProducerDashboard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProducerDashboard)

public:
    explicit ProducerDashboard(LoadGenerator *generator, QWidget *parent = nullptr);
    ~ProducerDashboard() override;

    TimeSeriesChart *recordsChart() const { return m_records; }
    TimeSeriesChart *bytesChart() const { return m_bytes; }
    TimeSeriesChart *latencyChart() const { return m_latency; }
    ShardBarChart *shardChart() const { return m_shards; }

    // The series of recordsChart(), bytesChart() and latencyChart(), in this order.
    enum RecordSeries { Sent, Acknowledged, Throttled, Retried };
    enum BytesSeries { BytesSent, BytesAcknowledged };
    enum LatencySeries { LatencyP50, LatencyP99 };

private:
    void addSecond(const LoadGeneratorSecond &second);
    void countResults(const QList<ProducerResult> &results);
    void updateSummary();

    QPointer<LoadGenerator> m_generator;
    qint64 m_clockOffsetMs = 0; // wall clock minus the producer's clock
    QComboBox *m_windowCombo;
    QLabel *m_summary;
    TimeSeriesChart *m_records;
    TimeSeriesChart *m_bytes;
    TimeSeriesChart *m_latency;
    ShardBarChart *m_shards;
    QHash<QString, qint64> m_shardRecords; // acknowledged since the last second closed
};

} // namespace shardscope
