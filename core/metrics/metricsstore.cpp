#include "metricsstore.h"

#include "metricslog.h"

#include <sqlite3.h>

#include <iterator>
#include <memory>

namespace shardscope {

namespace {

struct StatementDeleter
{
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

void bindText(sqlite3_stmt *statement, int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

QString columnText(sqlite3_stmt *statement, int column)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, column)),
                             sqlite3_column_bytes(statement, column));
}

// The schema's steps; PRAGMA user_version counts those applied. A new file takes them all.
constexpr const char *kMigrations[] = {
    // 1: one row per series (metric, stream, shard; shard '' at stream level) and minute.
    // Files written before user_version was kept have this table already.
    "CREATE TABLE IF NOT EXISTS metric_points ("
    " metric TEXT NOT NULL, stream TEXT NOT NULL, shard TEXT NOT NULL,"
    " minute_ms INTEGER NOT NULL, sample_count REAL NOT NULL, sum REAL NOT NULL,"
    " minimum REAL NOT NULL, maximum REAL NOT NULL,"
    " PRIMARY KEY (metric, stream, shard, minute_ms)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS metric_points_by_minute ON metric_points (minute_ms);",
    // 2: the consumer dimension (enhanced fan-out metrics), part of the key; the points kept
    // so far are stream and shard level ('').
    "CREATE TABLE metric_points_v2 ("
    " metric TEXT NOT NULL, stream TEXT NOT NULL, shard TEXT NOT NULL,"
    " consumer TEXT NOT NULL, minute_ms INTEGER NOT NULL, sample_count REAL NOT NULL,"
    " sum REAL NOT NULL, minimum REAL NOT NULL, maximum REAL NOT NULL,"
    " PRIMARY KEY (metric, stream, shard, consumer, minute_ms)) WITHOUT ROWID;"
    "INSERT INTO metric_points_v2 SELECT metric, stream, shard, '', minute_ms, sample_count,"
    " sum, minimum, maximum FROM metric_points;"
    "DROP TABLE metric_points;"
    "ALTER TABLE metric_points_v2 RENAME TO metric_points;"
    "CREATE INDEX metric_points_by_minute ON metric_points (minute_ms);",
};

} // namespace

std::expected<std::unique_ptr<MetricsStore>, QString> MetricsStore::open(const QString &path)
{
    std::unique_ptr<MetricsStore> store(new MetricsStore());
    store->m_path = path;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &store->m_db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                       SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK)
        return std::unexpected(QStringLiteral("Cannot open the metrics database %1: %2")
                                   .arg(path, store->lastError()));
    sqlite3_busy_timeout(store->m_db, 5000);
    for (const char *sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"}) {
        if (auto done = store->exec(sql); !done)
            return std::unexpected(QStringLiteral("Cannot prepare the metrics database %1: %2")
                                       .arg(path, done.error()));
    }
    if (auto migrated = store->migrate(); !migrated)
        return std::unexpected(QStringLiteral("Cannot prepare the metrics database %1: %2")
                                   .arg(path, migrated.error()));
    return store;
}

MetricsStore::~MetricsStore()
{
    sqlite3_close_v2(m_db);
}

QString MetricsStore::lastError() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
}

std::expected<void, QString> MetricsStore::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = message ? QString::fromUtf8(message) : lastError();
        sqlite3_free(message);
        return std::unexpected(text);
    }
    return {};
}

int MetricsStore::schemaVersion()
{
    return int(std::size(kMigrations));
}

std::expected<int, QString> MetricsStore::userVersion() const
{
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(m_db, "PRAGMA user_version", -1, &raw, nullptr) != SQLITE_OK)
        return std::unexpected(lastError());
    Statement statement(raw);
    if (sqlite3_step(raw) != SQLITE_ROW)
        return std::unexpected(lastError());
    return sqlite3_column_int(raw, 0);
}

std::expected<bool, QString> MetricsStore::hasPointsTable() const
{
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(m_db,
                           "SELECT 1 FROM sqlite_master WHERE type = 'table' AND"
                           " name = 'metric_points'",
                           -1, &raw, nullptr) != SQLITE_OK)
        return std::unexpected(lastError());
    Statement statement(raw);
    const int rc = sqlite3_step(raw);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return std::unexpected(lastError());
    return rc == SQLITE_ROW;
}

// Each step in its own transaction, with the version it reaches, so a failed step leaves the
// file as it was before that step.
std::expected<void, QString> MetricsStore::migrate()
{
    auto version = userVersion();
    if (!version)
        return std::unexpected(version.error());
    if (*version > schemaVersion())
        return std::unexpected(QStringLiteral("it was written by a newer Shardscope (schema "
                                              "version %1; this build knows up to %2)")
                                   .arg(*version)
                                   .arg(schemaVersion()));
    // Only a file that had points is upgraded; a new one is just made.
    auto table = hasPointsTable();
    if (!table)
        return std::unexpected(table.error());
    const bool upgrading = *table;
    for (int v = *version; v < schemaVersion(); ++v) {
        if (auto begun = exec("BEGIN IMMEDIATE"); !begun)
            return begun;
        auto applied = exec(kMigrations[v]);
        if (applied) {
            const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(v + 1);
            applied = exec(setVersion.constData());
        }
        if (applied)
            applied = exec("COMMIT");
        if (!applied) {
            (void)exec("ROLLBACK"); // the step's error is the one that matters
            return std::unexpected(QStringLiteral("upgrading its schema to version %1 failed: %2")
                                       .arg(v + 1)
                                       .arg(applied.error()));
        }
        if (upgrading && v > 0)
            qCInfo(lcMetrics).noquote() << "The metrics database" << m_path
                                        << "was upgraded to schema version" << v + 1;
    }
    return {};
}

std::expected<QList<MetricsStore::Point>, QString> MetricsStore::load(qint64 fromMs)
{
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(m_db,
                           "SELECT metric, stream, shard, consumer, minute_ms, sample_count, sum,"
                           " minimum, maximum FROM metric_points WHERE minute_ms >= ?",
                           -1, &raw, nullptr) != SQLITE_OK)
        return std::unexpected(lastError());
    Statement statement(raw);
    sqlite3_bind_int64(raw, 1, fromMs);
    QList<Point> points;
    int rc;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        Point point;
        point.key = MetricKey{columnText(raw, 0), columnText(raw, 1), columnText(raw, 2),
                              columnText(raw, 3)};
        point.minuteMs = sqlite3_column_int64(raw, 4);
        point.stats.sampleCount = sqlite3_column_double(raw, 5);
        point.stats.sum = sqlite3_column_double(raw, 6);
        point.stats.minimum = sqlite3_column_double(raw, 7);
        point.stats.maximum = sqlite3_column_double(raw, 8);
        points.append(std::move(point));
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(lastError());
    return points;
}

std::expected<void, QString> MetricsStore::write(const QList<Point> &points, qint64 dropBeforeMs)
{
    if (auto begun = exec("BEGIN IMMEDIATE"); !begun)
        return begun;
    auto fail = [this](QString message) -> std::expected<void, QString> {
        (void)exec("ROLLBACK"); // the error being returned is the one that matters
        return std::unexpected(std::move(message));
    };
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(m_db,
                           "INSERT OR REPLACE INTO metric_points (metric, stream, shard, consumer,"
                           " minute_ms, sample_count, sum, minimum, maximum)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           -1, &raw, nullptr) != SQLITE_OK)
        return fail(lastError());
    Statement insert(raw);
    for (const Point &point : points) {
        sqlite3_reset(raw);
        bindText(raw, 1, point.key.metricName);
        bindText(raw, 2, point.key.streamName);
        bindText(raw, 3, point.key.shardId);
        bindText(raw, 4, point.key.consumerName);
        sqlite3_bind_int64(raw, 5, point.minuteMs);
        sqlite3_bind_double(raw, 6, point.stats.sampleCount);
        sqlite3_bind_double(raw, 7, point.stats.sum);
        sqlite3_bind_double(raw, 8, point.stats.minimum);
        sqlite3_bind_double(raw, 9, point.stats.maximum);
        if (sqlite3_step(raw) != SQLITE_DONE)
            return fail(lastError());
    }
    if (sqlite3_prepare_v2(m_db, "DELETE FROM metric_points WHERE minute_ms < ?", -1, &raw,
                           nullptr) != SQLITE_OK)
        return fail(lastError());
    Statement drop(raw);
    sqlite3_bind_int64(raw, 1, dropBeforeMs);
    if (sqlite3_step(raw) != SQLITE_DONE)
        return fail(lastError());
    if (auto committed = exec("COMMIT"); !committed)
        return fail(committed.error());
    return {};
}

} // namespace shardscope
