#pragma once

#include "metricstatistics.h"

#include <QList>
#include <QString>

#include <expected>

struct sqlite3;

namespace shardscope {

// The one-minute points on disk: a SQLite file of its own (WAL), one row per series and
// minute; opening a file of an older schema upgrades it in place (PRAGMA user_version counts
// the steps), keeping its points. Not thread-safe: one owner at a time (MetricsRegistry opens and loads it on the
// opening thread, then only its flush thread uses it).
class MetricsStore final
{
public:
    struct Point
    {
        MetricKey key;
        qint64 minuteMs = 0;
        StatisticSet stats;
    };

    static std::expected<std::unique_ptr<MetricsStore>, QString> open(const QString &path);
    ~MetricsStore();
    MetricsStore(const MetricsStore &) = delete;
    MetricsStore &operator=(const MetricsStore &) = delete;

    // The schema version this build writes (PRAGMA user_version of an upgraded file).
    static int schemaVersion();

    const QString &path() const { return m_path; }
    // Every point of a minute at or after `fromMs`.
    std::expected<QList<Point>, QString> load(qint64 fromMs);
    // Writes (replaces) the points and deletes those before `dropBeforeMs`, in one transaction.
    std::expected<void, QString> write(const QList<Point> &points, qint64 dropBeforeMs);

private:
    MetricsStore() = default;
    std::expected<void, QString> exec(const char *sql);
    std::expected<int, QString> userVersion() const;
    std::expected<bool, QString> hasPointsTable() const;
    std::expected<void, QString> migrate();
    QString lastError() const;

    QString m_path;
    sqlite3 *m_db = nullptr;
};

} // namespace shardscope
