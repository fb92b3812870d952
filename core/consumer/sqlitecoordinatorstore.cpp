#include "sqlitecoordinatorstore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <sqlite3.h>

namespace shardscope {

namespace {

QByteArray quotedIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return (QLatin1Char('"') + quoted + QLatin1Char('"')).toUtf8();
}

QString text(sqlite3_stmt *statement, int column)
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(statement, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(statement, column));
}

void bindText(sqlite3_stmt *statement, int column, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(statement, column, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

QString numberListsJson(const QMap<QString, QList<double>> &lists)
{
    QJsonObject object;
    for (auto it = lists.begin(); it != lists.end(); ++it) {
        QJsonArray values;
        for (double value : it.value())
            values.append(value);
        object.insert(it.key(), values);
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QMap<QString, QList<double>> numberListsFrom(const QString &json)
{
    QMap<QString, QList<double>> lists;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        QList<double> values;
        for (const QJsonValue &value : it.value().toArray())
            values.append(value.toDouble());
        lists.insert(it.key(), values);
    }
    return lists;
}

constexpr const char *kLeaderKey = "Leader"; // the lock client's item for KCL's leader

} // namespace

struct SqliteCoordinatorStore::Store
{
    sqlite3 *db = nullptr;
    QString openError;
    QByteArray coordinatorTable; // quoted for SQL
    QByteArray metricsTable;
    QString coordinatorName;
    QString metricsName;

    ~Store()
    {
        if (db)
            sqlite3_close_v2(db);
    }

    Error failure() const
    {
        return Error::internal(
            QCoreApplication::translate("shardscope::SqliteCoordinatorStore", "The coordinator store failed: %1")
                .arg(db ? QString::fromUtf8(sqlite3_errmsg(db)) : openError));
    }

    sqlite3_stmt *prepare(const QByteArray &sql) const
    {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK)
            return nullptr;
        return statement;
    }

    bool exec(const QByteArray &sql) const { return sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr) == SQLITE_OK; }

    std::expected<bool, Error> exists(const QString &name) const
    {
        if (!db)
            return std::unexpected(failure());
        sqlite3_stmt *statement = prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
        if (!statement)
            return std::unexpected(failure());
        bindText(statement, 1, name);
        const int rc = sqlite3_step(statement);
        sqlite3_finalize(statement);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return std::unexpected(failure());
        return rc == SQLITE_ROW;
    }

    std::expected<std::optional<LeaderLock>, Error> readLock() const
    {
        const auto present = exists(coordinatorName);
        if (!present)
            return std::unexpected(present.error());
        if (!*present)
            return std::optional<LeaderLock>();
        sqlite3_stmt *s = prepare("SELECT ownerName, leaseDuration, recordVersionNumber FROM " + coordinatorTable +
                                  " WHERE key = ?");
        if (!s)
            return std::unexpected(failure());
        bindText(s, 1, QString::fromLatin1(kLeaderKey));
        std::optional<LeaderLock> lock;
        const int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW)
            lock = LeaderLock{text(s, 0), sqlite3_column_int64(s, 1), text(s, 2)};
        sqlite3_finalize(s);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return std::unexpected(failure());
        return lock;
    }

    // One conditional change of the lock in one transaction: `next` empty deletes it.
    std::expected<bool, Error> changeLock(const QString &expectedVersion, const std::optional<LeaderLock> &next) const
    {
        if (!db)
            return std::unexpected(failure());
        // IMMEDIATE takes the write lock before the read: no other handle changes the row between.
        if (!exec("BEGIN IMMEDIATE"))
            return std::unexpected(failure());
        const auto stored = readLock();
        if (!stored) {
            exec("ROLLBACK");
            return std::unexpected(stored.error());
        }
        const QString version = *stored ? (*stored)->recordVersionNumber : QString();
        if (version != expectedVersion || (!*stored && !expectedVersion.isEmpty())) {
            exec("ROLLBACK");
            return false;
        }
        sqlite3_stmt *s = next ? prepare("INSERT OR REPLACE INTO " + coordinatorTable +
                                         " (key, ownerName, leaseDuration, recordVersionNumber) VALUES (?, ?, ?, ?)")
                               : prepare("DELETE FROM " + coordinatorTable + " WHERE key = ?");
        if (!s) {
            const Error error = failure();
            exec("ROLLBACK");
            return std::unexpected(error);
        }
        bindText(s, 1, QString::fromLatin1(kLeaderKey));
        if (next) {
            bindText(s, 2, next->ownerName);
            sqlite3_bind_int64(s, 3, next->leaseDurationMs);
            bindText(s, 4, next->recordVersionNumber);
        }
        const int rc = sqlite3_step(s);
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE || !exec("COMMIT")) {
            const Error error = failure();
            exec("ROLLBACK");
            return std::unexpected(error);
        }
        return true;
    }
};

SqliteCoordinatorStore::SqliteCoordinatorStore(const QString &path, const QString &applicationName, bool readOnly,
                                               QObject *parent)
    : CoordinatorStore(parent), m_path(path), m_applicationName(applicationName), m_readOnly(readOnly),
      m_store(std::make_shared<Store>())
{
    m_thread.setMaxThreadCount(1);
    m_thread.setExpiryTimeout(-1);
    m_store->coordinatorName = coordinatorStateTableName(applicationName);
    m_store->metricsName = workerMetricStatsTableName(applicationName);
    m_store->coordinatorTable = quotedIdentifier(m_store->coordinatorName);
    m_store->metricsTable = quotedIdentifier(m_store->metricsName);
    const int flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_store->db, flags, nullptr);
    if (rc != SQLITE_OK) {
        m_store->openError = QString::fromUtf8(m_store->db ? sqlite3_errmsg(m_store->db) : sqlite3_errstr(rc));
        if (m_store->db)
            sqlite3_close_v2(m_store->db);
        m_store->db = nullptr;
        return;
    }
    sqlite3_busy_timeout(m_store->db, 10000);
    if (!readOnly && path != QLatin1String(":memory:"))
        m_store->exec("PRAGMA journal_mode=WAL");
}

SqliteCoordinatorStore::~SqliteCoordinatorStore()
{
    m_thread.waitForDone();
}

QString SqliteCoordinatorStore::coordinatorStateTableName(const QString &applicationName)
{
    return applicationName + QStringLiteral("-CoordinatorState");
}

QString SqliteCoordinatorStore::workerMetricStatsTableName(const QString &applicationName)
{
    return applicationName + QStringLiteral("-WorkerMetricStats");
}

QString SqliteCoordinatorStore::location() const
{
    return tr("SQLite, %1").arg(m_path == QLatin1String(":memory:") ? tr("in memory")
                                                                     : QFileInfo(m_path).absoluteFilePath());
}

template<typename T, typename Fn>
BackendFuture<T> SqliteCoordinatorStore::run(Fn &&fn)
{
    return QtConcurrent::run(&m_thread, [store = m_store, fn = std::forward<Fn>(fn)]() -> BackendResult<T> {
        return fn(*store);
    });
}

template<typename T>
BackendFuture<T> SqliteCoordinatorStore::refuse() const
{
    QPromise<BackendResult<T>> promise;
    promise.start();
    promise.addResult(std::unexpected(
        Error{ErrorType::AccessDenied, tr("The coordinator state of %1 is open read-only.").arg(m_applicationName)}));
    promise.finish();
    return promise.future();
}

BackendFuture<bool> SqliteCoordinatorStore::createTablesIfNotExist()
{
    if (m_readOnly)
        return refuse<bool>();
    return run<bool>([](const Store &store) -> BackendResult<bool> {
        if (!store.db)
            return std::unexpected(store.failure());
        const auto hadCoordinator = store.exists(store.coordinatorName);
        const auto hadMetrics = store.exists(store.metricsName);
        if (!hadCoordinator)
            return std::unexpected(hadCoordinator.error());
        if (!hadMetrics)
            return std::unexpected(hadMetrics.error());
        if (!store.exec("CREATE TABLE IF NOT EXISTS " + store.coordinatorTable +
                        " (key TEXT PRIMARY KEY NOT NULL, ownerName TEXT NOT NULL, leaseDuration INTEGER NOT NULL, "
                        "recordVersionNumber TEXT NOT NULL)") ||
            !store.exec("CREATE TABLE IF NOT EXISTS " + store.metricsTable +
                        " (wid TEXT PRIMARY KEY NOT NULL, lut INTEGER NOT NULL, sts TEXT NOT NULL, "
                        "opr TEXT NOT NULL)"))
            return std::unexpected(store.failure());
        return !*hadCoordinator || !*hadMetrics;
    });
}

BackendFuture<bool> SqliteCoordinatorStore::tablesExist()
{
    return run<bool>([](const Store &store) -> BackendResult<bool> {
        const auto coordinator = store.exists(store.coordinatorName);
        if (!coordinator)
            return std::unexpected(coordinator.error());
        const auto metrics = store.exists(store.metricsName);
        if (!metrics)
            return std::unexpected(metrics.error());
        return *coordinator && *metrics;
    });
}

BackendFuture<std::optional<LeaderLock>> SqliteCoordinatorStore::readLeaderLock()
{
    return run<std::optional<LeaderLock>>([](const Store &store) { return store.readLock(); });
}

BackendFuture<bool> SqliteCoordinatorStore::writeLeaderLock(const QString &expectedVersion, const LeaderLock &next)
{
    if (m_readOnly)
        return refuse<bool>();
    return run<bool>([expectedVersion, next](const Store &store) { return store.changeLock(expectedVersion, next); });
}

BackendFuture<bool> SqliteCoordinatorStore::deleteLeaderLock(const QString &expectedVersion)
{
    if (m_readOnly)
        return refuse<bool>();
    return run<bool>([expectedVersion](const Store &store) { return store.changeLock(expectedVersion, std::nullopt); });
}

BackendFuture<bool> SqliteCoordinatorStore::putWorkerMetricStats(const WorkerMetricStatsEntry &entry)
{
    if (m_readOnly)
        return refuse<bool>();
    return run<bool>([entry](const Store &store) -> BackendResult<bool> {
        if (!store.db)
            return std::unexpected(store.failure());
        sqlite3_stmt *s =
            store.prepare("INSERT OR REPLACE INTO " + store.metricsTable + " (wid, lut, sts, opr) VALUES (?, ?, ?, ?)");
        if (!s)
            return std::unexpected(store.failure());
        bindText(s, 1, entry.workerId);
        sqlite3_bind_int64(s, 2, entry.lastUpdateEpochSeconds);
        bindText(s, 3, numberListsJson(entry.metricStats));
        bindText(s, 4, numberListsJson(entry.operatingRange));
        const int rc = sqlite3_step(s);
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE)
            return std::unexpected(store.failure());
        return true;
    });
}

BackendFuture<QList<WorkerMetricStatsEntry>> SqliteCoordinatorStore::listWorkerMetricStats()
{
    return run<QList<WorkerMetricStatsEntry>>([](const Store &store) -> BackendResult<QList<WorkerMetricStatsEntry>> {
        const auto present = store.exists(store.metricsName);
        if (!present)
            return std::unexpected(present.error());
        QList<WorkerMetricStatsEntry> entries;
        if (!*present)
            return entries;
        sqlite3_stmt *s = store.prepare("SELECT wid, lut, sts, opr FROM " + store.metricsTable + " ORDER BY wid");
        if (!s)
            return std::unexpected(store.failure());
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            WorkerMetricStatsEntry entry;
            entry.workerId = text(s, 0);
            entry.lastUpdateEpochSeconds = sqlite3_column_int64(s, 1);
            entry.metricStats = numberListsFrom(text(s, 2));
            entry.operatingRange = numberListsFrom(text(s, 3));
            entries.append(entry);
        }
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE)
            return std::unexpected(store.failure());
        return entries;
    });
}

} // namespace shardscope
