#include "metricsregistry.h"

#include "metricslog.h"
#include "metricsstore.h"

#include <algorithm>
#include <chrono>

namespace shardscope {

namespace {

constexpr qint64 kSecondMs = 1000;
constexpr qint64 kMinuteMs = 60 * kSecondMs;

qint64 floorTo(qint64 ms, qint64 step)
{
    const qint64 rest = ms % step;
    return rest < 0 ? ms - rest - step : ms - rest;
}

// The oldest minute still kept: whole minutes that ended within the retention window.
qint64 oldestKeptMinute(qint64 nowMs)
{
    return floorTo(nowMs - MetricsRegistry::kMinuteRetentionMs, kMinuteMs);
}

} // namespace

std::expected<std::unique_ptr<MetricsRegistry>, QString> MetricsRegistry::open(const QString &path,
                                                                              NowFunction now)
{
    std::unique_ptr<MetricsRegistry> registry(new MetricsRegistry(std::move(now)));
    if (path.isEmpty())
        return registry;
    auto store = MetricsStore::open(path);
    if (!store)
        return std::unexpected(store.error());
    auto points = (*store)->load(oldestKeptMinute(registry->nowMs()));
    if (!points)
        return std::unexpected(QStringLiteral("Cannot read the metrics database %1: %2")
                                   .arg(path, points.error()));
    for (MetricsStore::Point &point : *points)
        registry->m_series[point.key].minutes[point.minuteMs] = MinutePoint{point.stats, false};
    registry->m_store = std::move(*store);
    registry->m_flusher = std::thread([raw = registry.get()] { raw->flushLoop(); });
    return registry;
}

MetricsRegistry::MetricsRegistry(NowFunction now) : m_now(std::move(now)) {}

MetricsRegistry::~MetricsRegistry()
{
    if (m_flusher.joinable()) {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        m_flusher.join(); // writes what is left before it ends
    }
}

QString MetricsRegistry::path() const
{
    return m_store ? m_store->path() : QString();
}

void MetricsRegistry::record(std::span<const MetricSample> samples)
{
    const qint64 now = nowMs();
    std::lock_guard lock(m_mutex);
    for (const MetricSample &sample : samples)
        addLocked(sample.key, sample.value, now);
    trimLocked(now);
}

void MetricsRegistry::record(const MetricKey &key, double value)
{
    const MetricSample sample{key, value};
    record(std::span(&sample, 1));
}

void MetricsRegistry::addLocked(const MetricKey &key, double value, qint64 nowMs)
{
    Series &series = m_series[key];
    if (series.ring.empty())
        series.ring.resize(kRingSeconds);
    const qint64 second = floorTo(nowMs, kSecondMs);
    qint64 index = (second / kSecondMs) % kRingSeconds;
    if (index < 0)
        index += kRingSeconds;
    SecondSlot &slot = series.ring[size_t(index)];
    if (slot.secondMs != second)
        slot = SecondSlot{second, {}};
    slot.stats.add(value);
    MinutePoint &minute = series.minutes[floorTo(nowMs, kMinuteMs)];
    minute.stats.add(value);
    minute.dirty = true;
}

void MetricsRegistry::trimLocked(qint64 nowMs)
{
    // Minute points age out once a minute; series left with nothing go.
    const qint64 minuteMs = floorTo(nowMs, kMinuteMs);
    if (minuteMs == m_lastTrimMinuteMs)
        return;
    m_lastTrimMinuteMs = minuteMs;
    const qint64 oldestMinute = oldestKeptMinute(nowMs);
    const qint64 oldestSecond = floorTo(nowMs, kSecondMs) - (kRingSeconds - 1) * kSecondMs;
    for (auto it = m_series.begin(); it != m_series.end();) {
        Series &series = it.value();
        series.minutes.erase(series.minutes.begin(), series.minutes.lower_bound(oldestMinute));
        const bool ringLive = std::ranges::any_of(series.ring, [&](const SecondSlot &slot) {
            return slot.secondMs >= oldestSecond;
        });
        if (series.minutes.empty() && !ringLive)
            it = m_series.erase(it);
        else
            ++it;
    }
}

std::expected<MetricSeries, QString> MetricsRegistry::query(const MetricQuery &query) const
{
    const int period = query.periodSeconds;
    const bool fromRing = period >= 1 && period < 60 && 60 % period == 0;
    if (!fromRing && (period <= 0 || period % 60 != 0))
        return std::unexpected(
            QStringLiteral("The parameter Period must be 1, 5, 10, 15, 20, 30 or a multiple of 60."));
    if (query.startMs >= query.endMs)
        return std::unexpected(
            QStringLiteral("The parameter StartTime must be less than the parameter EndTime."));

    const qint64 periodMs = qint64(period) * kSecondMs;
    const qint64 now = nowMs();
    std::map<qint64, StatisticSet> buckets;
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_series.constFind(query.key);
        if (found != m_series.cend()) {
            const Series &series = found.value();
            if (fromRing) {
                const qint64 oldestSecond =
                    floorTo(now, kSecondMs) - (kRingSeconds - 1) * kSecondMs;
                for (const SecondSlot &slot : series.ring) {
                    if (slot.secondMs < oldestSecond || slot.secondMs < query.startMs ||
                        slot.secondMs >= query.endMs)
                        continue;
                    buckets[floorTo(slot.secondMs, periodMs)].merge(slot.stats);
                }
            } else {
                const qint64 oldestMinute = oldestKeptMinute(now);
                for (auto it = series.minutes.lower_bound(std::max(query.startMs, oldestMinute));
                     it != series.minutes.end() && it->first < query.endMs; ++it)
                    buckets[floorTo(it->first, periodMs)].merge(it->second.stats);
            }
        }
    }
    MetricSeries result;
    result.timestampsMs.reserve(qsizetype(buckets.size()));
    result.values.reserve(qsizetype(buckets.size()));
    for (const auto &[timestamp, stats] : buckets) {
        result.timestampsMs.append(timestamp);
        result.values.append(stats.value(query.statistic));
    }
    return result;
}

QList<MetricKey> MetricsRegistry::metrics() const
{
    QList<MetricKey> keys;
    {
        const qint64 now = nowMs();
        const qint64 oldestMinute = oldestKeptMinute(now);
        const qint64 oldestSecond = floorTo(now, kSecondMs) - (kRingSeconds - 1) * kSecondMs;
        std::lock_guard lock(m_mutex);
        for (auto it = m_series.cbegin(); it != m_series.cend(); ++it) {
            const Series &series = it.value();
            const bool kept =
                series.minutes.lower_bound(oldestMinute) != series.minutes.end() ||
                std::ranges::any_of(series.ring, [&](const SecondSlot &slot) {
                    return slot.secondMs >= oldestSecond;
                });
            if (kept)
                keys.append(it.key());
        }
    }
    std::ranges::sort(keys);
    return keys;
}

void MetricsRegistry::flush()
{
    if (!m_store)
        return;
    std::unique_lock lock(m_mutex);
    const quint64 ticket = ++m_flushRequested;
    m_wake.notify_all();
    m_flushed.wait(lock, [&] { return m_flushDone >= ticket; });
}

void MetricsRegistry::flushLoop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait_for(lock, std::chrono::milliseconds(kFlushIntervalMs),
                        [&] { return m_stopping || m_flushRequested > m_flushDone; });
        const bool stopping = m_stopping;
        const quint64 ticket = m_flushRequested;
        lock.unlock();
        writeDirty();
        lock.lock();
        m_flushDone = std::max(m_flushDone, ticket);
        m_flushed.notify_all();
        if (stopping)
            return;
    }
}

// On the flush thread: copies the changed points under the lock, writes them outside it.
void MetricsRegistry::writeDirty()
{
    QList<MetricsStore::Point> points;
    qint64 now = 0;
    {
        std::lock_guard lock(m_mutex);
        now = nowMs();
        for (auto it = m_series.begin(); it != m_series.end(); ++it) {
            for (auto &[minuteMs, minute] : it.value().minutes) {
                if (!minute.dirty)
                    continue;
                minute.dirty = false;
                points.append(MetricsStore::Point{it.key(), minuteMs, minute.stats});
            }
        }
    }
    if (points.isEmpty())
        return; // older rows are deleted with the next write, and never loaded meanwhile
    auto written = m_store->write(points, oldestKeptMinute(now));
    if (written) {
        if (m_lastWriteFailed)
            qCInfo(lcMetrics) << "The metrics database" << m_store->path() << "is written again.";
        m_lastWriteFailed = false;
        return;
    }
    // Keep the points for the next attempt (a newer sample may have changed them meanwhile:
    // they are dirty again then anyway).
    if (!m_lastWriteFailed)
        qCWarning(lcMetrics).noquote() << "Cannot write the metrics database" << m_store->path()
                                       << ":" << written.error() << "(the points stay in memory)";
    m_lastWriteFailed = true;
    std::lock_guard lock(m_mutex);
    for (const MetricsStore::Point &point : std::as_const(points)) {
        const auto series = m_series.find(point.key);
        if (series == m_series.end())
            continue;
        const auto minute = series->minutes.find(point.minuteMs);
        if (minute != series->minutes.end())
            minute->second.dirty = true;
    }
}

} // namespace shardscope
