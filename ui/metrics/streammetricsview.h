#pragma once

#include "kinesis/metricdata.h"

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <functional>

class QCheckBox;
class QComboBox;
class QFrame;
class QGridLayout;
class QLabel;
class QPushButton;

namespace shardscope {

class StreamBackend;
class TimeSeriesChart;

// A stream's CloudWatch metrics (namespace AWS/Kinesis) as live charts, read through
// StreamBackend::getMetricData: the emulator answers from its own metrics, an AWS connection
// from CloudWatch. Over the last 15 minutes (one-second points where the backend keeps them, as
// the emulator does; one-minute points on AWS), the last hour or the last 24 hours (one-minute
// points), in charts grouped by what they tell: records and bytes coming in, records and bytes
// read, how far consumers lag behind, throttling and call latency. Counts are drawn per second
// (a period's sum divided by its length), a period without samples as 0; latency and lag as
// they are, left out where there were none.
//
// "By shard" draws one series per open shard from the shard-level metrics. Those exist only for
// the metrics the stream has enhanced monitoring for (on AWS and in the emulator alike): when
// some are off, a banner says so with a button that enables them (disabled, with the reason, on
// a read-only connection). Latency is a stream-level metric and stays one series. Records and
// bytes in get a grey line at the per-shard write limit once a shard comes within half of it.
//
// Refreshes every 5 s over 15 minutes, 30 s over an hour and 60 s over a day, never with a call
// still out, and not at all while hidden (showing catches up at once). A failed call leaves the
// charts as they were and says why above them. Each chart shows exact values on hover and exports
// PNG and CSV from its context menu.
//
// Threads: GUI thread. Does not own the backend.
class StreamMetricsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamMetricsView)

public:
    enum class Range { Last15Minutes, LastHour, Last24Hours };
    enum ChartId {
        IncomingRecordsChart,
        IncomingBytesChart,
        OutgoingRecordsChart,
        OutgoingBytesChart,
        ConsumerLagChart,
        ThrottlingChart,
        LatencyChart,
        ChartCount
    };
    // At most this many shards are drawn by shard (7 queries each within GetMetricData's 500).
    static constexpr int kMaxShards = 64;

    explicit StreamMetricsView(QWidget *parent = nullptr);
    ~StreamMetricsView() override;

    // The stream to show; an empty name or a backend without metrics shows why instead.
    void setStream(StreamBackend *backend, const QString &streamName);
    StreamBackend *backend() const { return m_backend; }
    QString streamName() const { return m_streamName; }

    void setRange(Range range);
    Range range() const { return m_range; }
    void setByShard(bool byShard);
    bool byShard() const { return m_byShard; }
    // Where "now" is read (ms since the epoch); the wall clock by default. Tests pass the
    // engine's manual clock.
    void setClock(std::function<qint64()> clock);

    // The period the current range is read with, in seconds.
    int periodSeconds() const;
    // How often the current range is read again.
    std::chrono::milliseconds refreshInterval() const;

    // Reads the metrics now, unless a call is still out (then once it is back).
    void refresh();
    bool callInFlight() const { return m_inFlight; }

    TimeSeriesChart *chart(ChartId id) const { return m_charts.value(id); }
    // The request of the last read (for tests and the activity's sake).
    const MetricDataRequest &lastRequest() const { return m_lastRequest; }
    // The open shards drawn by shard, in shard order.
    QStringList shards() const { return m_shardIds; }
    // The banner about enhanced monitoring and its button.
    bool monitoringHintShown() const;
    QPushButton *enableMonitoringButton() const { return m_enableButton; }
    QLabel *messageLabel() const { return m_message; }
    QComboBox *rangeCombo() const { return m_rangeCombo; }
    QCheckBox *byShardBox() const { return m_byShardBox; }

    // Shard-level metrics the view draws that the stream's enhanced monitoring leaves off, from
    // the list DescribeStreamSummary reports ("ALL" covers all).
    static QStringList missingShardLevelMetrics(const QStringList &enabled);

Q_SIGNALS:
    // A read finished and the charts have its values / it failed with `message`.
    void refreshed();
    void refreshFailed(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct SeriesSpec
    {
        QString name;
        MetricKey key;
        Statistic statistic = Statistic::Sum;
        bool perSecond = true; // a count: divided by the period, missing periods drawn as 0
        double limit = -1;     // >= 0: not read, a flat line at this value (a shard's limit)
    };

    void rebuildCharts();
    QList<QList<SeriesSpec>> seriesSpecs() const;
    void startRead();
    void readStreamDetails(quint64 generation);
    void readMetrics(quint64 generation);
    void showMetrics(const MetricDataRequest &request, const MetricDataResponse &response);
    void finishCall(quint64 generation);
    void fail(quint64 generation, const QString &message);
    void updateMonitoringHint();
    void enableMonitoring();
    void restartTimer();
    qint64 nowMs() const;

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    Range m_range = Range::Last15Minutes;
    bool m_byShard = false;
    std::function<qint64()> m_clock;

    QComboBox *m_rangeCombo;
    QCheckBox *m_byShardBox;
    QLabel *m_status;
    QLabel *m_message;
    QFrame *m_hint;
    QLabel *m_hintText;
    QPushButton *m_enableButton;
    QWidget *m_chartArea;
    QGridLayout *m_grid;
    QList<TimeSeriesChart *> m_charts;
    QList<QList<SeriesSpec>> m_specs; // per chart, what its series are

    QTimer m_timer;
    quint64 m_generation = 0; // bumped when the stream, range or mode changes
    bool m_inFlight = false;
    quint64 m_callGeneration = 0; // the generation of the call out
    bool m_again = false;       // a refresh asked for while a call was out
    bool m_needDetails = true;  // open shards and enhanced monitoring to read (again)
    bool m_detailsKnown = false;
    bool m_enabling = false;
    QStringList m_shardIds;     // open shards, by shard
    QStringList m_monitoring;   // the stream's shard-level metrics (enhanced monitoring)
    MetricDataRequest m_lastRequest;
};

} // namespace shardscope
