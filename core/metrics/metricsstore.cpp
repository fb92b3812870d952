#include "metricsstore.h"

#include <sqlite3.h>

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
    for (const char *sql : {
             "PRAGMA journal_mode=WAL",
             "PRAGMA synchronous=NORMAL",
             "CREATE TABLE IF NOT EXISTS metric_points ("
             " metric TEXT NOT NULL, stream TEXT NOT NULL, shard TEXT NOT NULL,"
             " minute_ms INTEGER NOT NULL, sample_count REAL NOT NULL, sum REAL NOT NULL,"
             " minimum REAL NOT NULL, maximum REAL NOT NULL,"
             " PRIMARY KEY (metric, stream, shard, minute_ms)) WITHOUT ROWID",
             "CREATE INDEX IF NOT EXISTS metric_points_by_minute ON metric_points (minute_ms)",
         }) {
        if (auto done = store->exec(sql); !done)
            return std::unexpected(QStringLiteral("Cannot prepare the metrics database %1: %2")
                                       .arg(path, done.error()));
    }
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

std::expected<QList<MetricsStore::Point>, QString> MetricsStore::load(qint64 fromMs)
{
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(m_db,
                           "SELECT metric, stream, shard, minute_ms, sample_count, sum, minimum,"
                           " maximum FROM metric_points WHERE minute_ms >= ?",
                           -1, &raw, nullptr) != SQLITE_OK)
        return std::unexpected(lastError());
    Statement statement(raw);
    sqlite3_bind_int64(raw, 1, fromMs);
    QList<Point> points;
    int rc;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        Point point;
        point.key = MetricKey{columnText(raw, 0), columnText(raw, 1), columnText(raw, 2)};
        point.minuteMs = sqlite3_column_int64(raw, 3);
        point.stats.sampleCount = sqlite3_column_double(raw, 4);
        point.stats.sum = sqlite3_column_double(raw, 5);
        point.stats.minimum = sqlite3_column_double(raw, 6);
        point.stats.maximum = sqlite3_column_double(raw, 7);
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
                           "INSERT OR REPLACE INTO metric_points (metric, stream, shard, minute_ms,"
                           " sample_count, sum, minimum, maximum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           -1, &raw, nullptr) != SQLITE_OK)
        return fail(lastError());
    Statement insert(raw);
    for (const Point &point : points) {
        sqlite3_reset(raw);
        bindText(raw, 1, point.key.metricName);
        bindText(raw, 2, point.key.streamName);
        bindText(raw, 3, point.key.shardId);
        sqlite3_bind_int64(raw, 4, point.minuteMs);
        sqlite3_bind_double(raw, 5, point.stats.sampleCount);
        sqlite3_bind_double(raw, 6, point.stats.sum);
        sqlite3_bind_double(raw, 7, point.stats.minimum);
        sqlite3_bind_double(raw, 8, point.stats.maximum);
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
