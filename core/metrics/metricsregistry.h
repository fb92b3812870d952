#pragma once

#include "metricstatistics.h"

#include <QHash>
#include <QList>
#include <QString>

#include <condition_variable>
#include <expected>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace shardscope {

class MetricsStore;

struct MetricSample
{
    MetricKey key;
    double value = 0;
};

// A GetMetricData question about one series.
struct MetricQuery
{
    MetricKey key;
    qint64 startMs = 0; // inclusive
    qint64 endMs = 0;   // exclusive
    int periodSeconds = 60;
    Statistic statistic = Statistic::Sum;
};

// The emulator's CloudWatch: samples recorded per series (metric name and dimensions) as
// statistic sets (SampleCount, Sum, Minimum, Maximum), kept twice — one-second points in a ring
// of the last kRingSeconds for live charts, and one-minute points for kMinuteRetentionMs. With
// a file, the minute points are written to it in batches by a thread of the registry's own
// (every kFlushIntervalMs, and on flush() and destruction) and loaded again when it is opened,
// so they survive a restart; a crash loses at most the last interval's samples.
//
// Time comes from the `now` function (the engine's clock), so tests are exact.
// Threads: every method is thread-safe; record() takes one short lock and never waits on disk.
// Memory: per series with samples, the ring (about 36 KiB) and up to 1,440 minute points.
class MetricsRegistry final
{
public:
    static constexpr int kRingSeconds = 15 * 60 + 1; // 15 full minutes and the current second
    static constexpr qint64 kMinuteRetentionMs = 24 * 60 * 60 * 1000;
    static constexpr int kFlushIntervalMs = 2000;

    using NowFunction = std::function<qint64()>;

    // `path` empty: the points stay in memory only.
    static std::expected<std::unique_ptr<MetricsRegistry>, QString> open(const QString &path,
                                                                         NowFunction now);
    ~MetricsRegistry();
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    QString path() const;
    qint64 nowMs() const { return m_now(); }

    // Adds the samples, all at the current time, under one lock.
    void record(std::span<const MetricSample> samples);
    void record(const MetricKey &key, double value);

    // The series of one metric over [startMs, endMs) in periods of periodSeconds: 1, 5, 10, 15,
    // 20 or 30 read the one-second ring, multiples of 60 the one-minute points. Errors are
    // messages for CloudWatch's InvalidParameterValue.
    std::expected<MetricSeries, QString> query(const MetricQuery &query) const;

    // Every series that has a point kept (ring or minutes), sorted.
    QList<MetricKey> metrics() const;

    // Writes every changed minute point to the file now and returns when it is written (or
    // failed, which is logged). Does nothing in memory.
    void flush();

private:
    struct SecondSlot
    {
        qint64 secondMs = -1;
        StatisticSet stats;
    };
    struct MinutePoint
    {
        StatisticSet stats;
        bool dirty = false;
    };
    struct Series
    {
        std::vector<SecondSlot> ring; // allocated at the first sample; kRingSeconds slots
        std::map<qint64, MinutePoint> minutes;
    };

    explicit MetricsRegistry(NowFunction now);
    void addLocked(const MetricKey &key, double value, qint64 nowMs);
    void trimLocked(qint64 nowMs);
    void flushLoop();
    void writeDirty();

    NowFunction m_now;
    std::unique_ptr<MetricsStore> m_store; // used on the flush thread only, once it runs

    mutable std::mutex m_mutex;
    QHash<MetricKey, Series> m_series;
    qint64 m_lastTrimMinuteMs = 0;
    std::condition_variable m_wake;
    std::condition_variable m_flushed;
    quint64 m_flushRequested = 0;
    quint64 m_flushDone = 0;
    bool m_stopping = false;
    bool m_lastWriteFailed = false;
    std::thread m_flusher;
};

} // namespace shardscope
