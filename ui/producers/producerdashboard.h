#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;

namespace shardscope {

class LoadGenerator;
class ShardBarChart;
class StreamMetricsView;
class TimeSeriesChart;
struct LoadGeneratorSecond;

// The charts of one load generator, a point per second of its producer: user records sent
// (every attempt), acknowledged, throttled (Kinesis records refused with
// ProvisionedThroughputExceeded) and retried; bytes sent, acknowledged, throttled and retried;
// put latency p50 and p99 (the PutRecords calls answered in that second); and per shard, the
// Kinesis records and bytes acknowledged in the last second against the 1,000 records/s and
// 1 MiB/s limits, side by side. The seconds the generator already had are shown at once; a
// window of 1 minute or 15 minutes (default). A second tab shows the target stream's own
// metrics as the backend reports them (StreamMetricsView). The charts pause while hidden.
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
    ShardBarChart *shardBytesChart() const { return m_shardBytes; }
    StreamMetricsView *streamMetrics() const { return m_streamMetrics; }
    QTabWidget *tabs() const { return m_tabs; }

    // The series of recordsChart(), bytesChart() and latencyChart(), in this order.
    enum RecordSeries { Sent, Acknowledged, Throttled, Retried };
    enum BytesSeries { BytesSent, BytesAcknowledged, BytesThrottled, BytesRetried };
    enum LatencySeries { LatencyP50, LatencyP99 };

private:
    void addSecond(const LoadGeneratorSecond &second);
    void updateSummary();

    QPointer<LoadGenerator> m_generator;
    qint64 m_clockOffsetMs = 0; // wall clock minus the producer's clock
    QComboBox *m_windowCombo;
    QLabel *m_summary;
    TimeSeriesChart *m_records;
    TimeSeriesChart *m_bytes;
    TimeSeriesChart *m_latency;
    ShardBarChart *m_shards;
    ShardBarChart *m_shardBytes;
    QTabWidget *m_tabs;
    StreamMetricsView *m_streamMetrics;
};

} // namespace shardscope
