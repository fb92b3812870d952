#include "sqliteleasetable.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <sqlite3.h>

#include <utility>

namespace shardscope {

namespace {

// Every Lease attribute, in the order of the columns.
constexpr const char *kColumns =
    "leaseKey, leaseOwner, leaseCounter, checkpoint, checkpointSubSequenceNumber, "
    "pendingCheckpoint, pendingCheckpointSubSequenceNumber, ownerSwitchesSinceCheckpoint, "
    "parentShardId, childShardIds, startingHashKey, endingHashKey, checkpointOwner, "
    "throughputKBps, entityType, streamName, shardId";

QString quotedIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray stringSet(const QStringList &values)
{
    return QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact);
}

QStringList stringSetFrom(const QByteArray &json)
{
    QStringList values;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &value : array)
        values.append(value.toString());
    return values;
}

QString text(sqlite3_stmt *statement, int column)
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(statement, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(statement, column));
}

} // namespace

struct SqliteLeaseTable::Store
{
    sqlite3 *db = nullptr;
    QString openError;
    QString tableName;  // the application name
    QByteArray table;   // quoted for SQL

    ~Store()
    {
        if (db)
            sqlite3_close_v2(db);
    }

    Error failure() const
    {
        return Error::internal(QCoreApplication::translate("shardscope::SqliteLeaseTable", "The lease store failed: %1")
                                   .arg(db ? QString::fromUtf8(sqlite3_errmsg(db)) : openError));
    }
    // DynamoDB's answer for a missing table, word for word (KCL gets the same).
    Error noTable() const
    {
        return Error{ErrorType::ResourceNotFound,
                     QStringLiteral("Requested resource not found: Table: %1 not found").arg(tableName)};
    }

    sqlite3_stmt *prepare(const QByteArray &sql) const
    {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK)
            return nullptr;
        return statement;
    }

    bool exec(const char *sql) const { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

    std::expected<bool, Error> exists() const
    {
        if (!db)
            return std::unexpected(failure());
        sqlite3_stmt *statement = prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
        if (!statement)
            return std::unexpected(failure());
        const QByteArray name = tableName.toUtf8();
        sqlite3_bind_text(statement, 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
        const int rc = sqlite3_step(statement);
        sqlite3_finalize(statement);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return std::unexpected(failure());
        return rc == SQLITE_ROW;
    }

    static Lease leaseFrom(sqlite3_stmt *s)
    {
        Lease lease;
        lease.leaseKey = text(s, 0);
        lease.leaseOwner = text(s, 1);
        lease.leaseCounter = sqlite3_column_int64(s, 2);
        lease.checkpoint = text(s, 3);
        lease.checkpointSubSequenceNumber = sqlite3_column_int64(s, 4);
        lease.pendingCheckpoint = text(s, 5);
        if (sqlite3_column_type(s, 6) != SQLITE_NULL)
            lease.pendingCheckpointSubSequenceNumber = sqlite3_column_int64(s, 6);
        lease.ownerSwitchesSinceCheckpoint = sqlite3_column_int64(s, 7);
        lease.parentShardIds = stringSetFrom(text(s, 8).toUtf8());
        lease.childShardIds = stringSetFrom(text(s, 9).toUtf8());
        lease.startingHashKey = text(s, 10);
        lease.endingHashKey = text(s, 11);
        lease.checkpointOwner = text(s, 12);
        if (sqlite3_column_type(s, 13) != SQLITE_NULL)
            lease.throughputKBps = sqlite3_column_double(s, 13);
        lease.entityType = text(s, 14);
        lease.streamName = text(s, 15);
        lease.shardIdAttribute = text(s, 16);
        return lease;
    }

    std::expected<QList<Lease>, Error> select(const QString *leaseKey) const
    {
        QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM " + table;
        sql += leaseKey ? " WHERE leaseKey = ?" : " ORDER BY leaseKey";
        sqlite3_stmt *statement = prepare(sql);
        if (!statement)
            return std::unexpected(failure());
        const QByteArray key = leaseKey ? leaseKey->toUtf8() : QByteArray();
        if (leaseKey)
            sqlite3_bind_text(statement, 1, key.constData(), int(key.size()), SQLITE_TRANSIENT);
        QList<Lease> leases;
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
            leases.append(leaseFrom(statement));
        sqlite3_finalize(statement);
        if (rc != SQLITE_DONE)
            return std::unexpected(failure());
        return leases;
    }

    // Inserts or replaces the whole row.
    bool write(const Lease &lease) const
    {
        const QByteArray sql = QByteArray("INSERT OR REPLACE INTO ") + table + " (" + kColumns +
                               ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        sqlite3_stmt *s = prepare(sql);
        if (!s)
            return false;
        const auto bindText = [s](int column, const QString &value) {
            const QByteArray utf8 = value.toUtf8();
            sqlite3_bind_text(s, column, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        };
        bindText(1, lease.leaseKey);
        bindText(2, lease.leaseOwner);
        sqlite3_bind_int64(s, 3, lease.leaseCounter);
        bindText(4, lease.checkpoint);
        sqlite3_bind_int64(s, 5, lease.checkpointSubSequenceNumber);
        bindText(6, lease.pendingCheckpoint);
        if (lease.pendingCheckpointSubSequenceNumber)
            sqlite3_bind_int64(s, 7, *lease.pendingCheckpointSubSequenceNumber);
        else
            sqlite3_bind_null(s, 7);
        sqlite3_bind_int64(s, 8, lease.ownerSwitchesSinceCheckpoint);
        bindText(9, QString::fromUtf8(stringSet(lease.parentShardIds)));
        bindText(10, QString::fromUtf8(stringSet(lease.childShardIds)));
        bindText(11, lease.startingHashKey);
        bindText(12, lease.endingHashKey);
        bindText(13, lease.checkpointOwner);
        if (lease.throughputKBps)
            sqlite3_bind_double(s, 14, *lease.throughputKBps);
        else
            sqlite3_bind_null(s, 14);
        bindText(15, lease.entityType);
        bindText(16, lease.streamName);
        bindText(17, lease.shardIdAttribute);
        const int rc = sqlite3_step(s);
        sqlite3_finalize(s);
        return rc == SQLITE_DONE;
    }

    bool remove(const QString &leaseKey) const
    {
        sqlite3_stmt *s = prepare(QByteArray("DELETE FROM ") + table + " WHERE leaseKey = ?");
        if (!s)
            return false;
        const QByteArray key = leaseKey.toUtf8();
        sqlite3_bind_text(s, 1, key.constData(), int(key.size()), SQLITE_TRANSIENT);
        const int rc = sqlite3_step(s);
        sqlite3_finalize(s);
        return rc == SQLITE_DONE;
    }

    // One conditional write in one transaction: `change` gets the stored lease (empty when
    // there is none) and returns what to store, or empty when the condition fails (nothing is
    // written then). Returns the stored result, or empty.
    template<typename Change>
    std::expected<std::optional<Lease>, Error> transact(const QString &leaseKey, Change &&change) const
    {
        if (!db)
            return std::unexpected(failure());
        const auto present = exists();
        if (!present)
            return std::unexpected(present.error());
        if (!*present)
            return std::unexpected(noTable());
        // IMMEDIATE takes the write lock before the read, so no other handle can change the row
        // between the check and the write.
        if (!exec("BEGIN IMMEDIATE"))
            return std::unexpected(failure());
        const auto rows = select(&leaseKey);
        if (!rows) {
            exec("ROLLBACK");
            return std::unexpected(rows.error());
        }
        const std::optional<Lease> stored = rows->isEmpty() ? std::nullopt : std::optional(rows->first());
        const std::optional<Lease> next = change(stored);
        if (!next) {
            exec("ROLLBACK");
            return std::optional<Lease>();
        }
        const bool written = next->leaseKey.isEmpty() ? remove(leaseKey) : write(*next);
        if (!written || !exec("COMMIT")) {
            const Error error = failure();
            exec("ROLLBACK");
            return std::unexpected(error);
        }
        return next;
    }
};

SqliteLeaseTable::SqliteLeaseTable(const QString &path, const QString &applicationName, bool readOnly,
                                   QObject *parent)
    : LeaseTable(parent), m_path(path), m_applicationName(applicationName), m_readOnly(readOnly),
      m_store(std::make_shared<Store>())
{
    m_thread.setMaxThreadCount(1);
    m_thread.setExpiryTimeout(-1);
    m_store->tableName = applicationName;
    m_store->table = quotedIdentifier(applicationName).toUtf8();
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
    // Another handle's transaction waits for ours rather than failing at once.
    sqlite3_busy_timeout(m_store->db, 10000);
    if (!readOnly && path != QLatin1String(":memory:")) {
        // WAL: a commit is one append, and a killed process loses nothing it committed.
        m_store->exec("PRAGMA journal_mode=WAL");
        m_store->exec("PRAGMA synchronous=NORMAL");
    }
}

SqliteLeaseTable::~SqliteLeaseTable()
{
    m_thread.waitForDone();
}

QString SqliteLeaseTable::location() const
{
    return tr("SQLite, %1").arg(m_path == QLatin1String(":memory:") ? tr("in memory")
                                                                     : QFileInfo(m_path).absoluteFilePath());
}

template<typename T, typename Fn>
BackendFuture<T> SqliteLeaseTable::run(Fn &&fn)
{
    return QtConcurrent::run(&m_thread, [store = m_store, fn = std::forward<Fn>(fn)]() -> BackendResult<T> {
        return fn(*store);
    });
}

template<typename T>
BackendFuture<T> SqliteLeaseTable::refuse() const
{
    QPromise<BackendResult<T>> promise;
    promise.start();
    promise.addResult(std::unexpected(
        Error{ErrorType::AccessDenied, tr("The lease table %1 is open read-only.").arg(m_applicationName)}));
    promise.finish();
    return promise.future();
}

BackendFuture<bool> SqliteLeaseTable::createTableIfNotExists()
{
    if (m_readOnly)
        return refuse<bool>();
    return run<bool>([](const Store &store) -> BackendResult<bool> {
        const auto present = store.exists();
        if (!present)
            return std::unexpected(present.error());
        if (*present)
            return false;
        const QByteArray sql = "CREATE TABLE IF NOT EXISTS " + store.table +
                               " (leaseKey TEXT PRIMARY KEY NOT NULL, leaseOwner TEXT NOT NULL, "
                               "leaseCounter INTEGER NOT NULL, checkpoint TEXT NOT NULL, "
                               "checkpointSubSequenceNumber INTEGER NOT NULL, pendingCheckpoint TEXT NOT NULL, "
                               "pendingCheckpointSubSequenceNumber INTEGER, "
                               "ownerSwitchesSinceCheckpoint INTEGER NOT NULL, parentShardId TEXT NOT NULL, "
                               "childShardIds TEXT NOT NULL, startingHashKey TEXT NOT NULL, "
                               "endingHashKey TEXT NOT NULL, checkpointOwner TEXT NOT NULL, "
                               "throughputKBps REAL, entityType TEXT NOT NULL, streamName TEXT NOT NULL, "
                               "shardId TEXT NOT NULL)";
        if (!store.exec(sql.constData()))
            return std::unexpected(store.failure());
        return true;
    });
}

BackendFuture<bool> SqliteLeaseTable::tableExists()
{
    return run<bool>([](const Store &store) { return store.exists(); });
}

BackendFuture<QList<Lease>> SqliteLeaseTable::listLeases()
{
    return run<QList<Lease>>([](const Store &store) -> BackendResult<QList<Lease>> {
        const auto present = store.exists();
        if (!present)
            return std::unexpected(present.error());
        if (!*present)
            return std::unexpected(store.noTable());
        return store.select(nullptr);
    });
}

BackendFuture<std::optional<Lease>> SqliteLeaseTable::getLease(const QString &leaseKey)
{
    return run<std::optional<Lease>>([leaseKey](const Store &store) -> BackendResult<std::optional<Lease>> {
        const auto present = store.exists();
        if (!present)
            return std::unexpected(present.error());
        if (!*present)
            return std::unexpected(store.noTable());
        const auto rows = store.select(&leaseKey);
        if (!rows)
            return std::unexpected(rows.error());
        return rows->isEmpty() ? std::nullopt : std::optional(rows->first());
    });
}

BackendFuture<bool> SqliteLeaseTable::createLeaseIfNotExists(const Lease &lease)
{
    if (m_readOnly)
        return refuse<bool>();
    return run<bool>([lease](const Store &store) -> BackendResult<bool> {
        const auto result = store.transact(lease.leaseKey, [&](const std::optional<Lease> &stored) {
            return stored ? std::nullopt : std::optional(lease);
        });
        if (!result)
            return std::unexpected(result.error());
        return result->has_value();
    });
}

BackendFuture<std::optional<Lease>> SqliteLeaseTable::renewLease(const Lease &held)
{
    if (m_readOnly)
        return refuse<std::optional<Lease>>();
    return run<std::optional<Lease>>([held](const Store &store) {
        return store.transact(held.leaseKey, [&](const std::optional<Lease> &stored) -> std::optional<Lease> {
            if (!stored || stored->leaseCounter != held.leaseCounter || stored->leaseOwner != held.leaseOwner)
                return std::nullopt;
            Lease renewed = *stored;
            ++renewed.leaseCounter;
            return renewed;
        });
    });
}

BackendFuture<std::optional<Lease>> SqliteLeaseTable::takeLease(const Lease &seen, const QString &newOwner)
{
    if (m_readOnly)
        return refuse<std::optional<Lease>>();
    return run<std::optional<Lease>>([seen, newOwner](const Store &store) {
        return store.transact(seen.leaseKey, [&](const std::optional<Lease> &stored) -> std::optional<Lease> {
            if (!stored || stored->leaseCounter != seen.leaseCounter)
                return std::nullopt;
            Lease taken = *stored;
            if (taken.leaseOwner != newOwner)
                ++taken.ownerSwitchesSinceCheckpoint;
            taken.leaseOwner = newOwner;
            ++taken.leaseCounter;
            return taken;
        });
    });
}

BackendFuture<std::optional<Lease>> SqliteLeaseTable::evictLease(const Lease &held)
{
    if (m_readOnly)
        return refuse<std::optional<Lease>>();
    return run<std::optional<Lease>>([held](const Store &store) {
        return store.transact(held.leaseKey, [&](const std::optional<Lease> &stored) -> std::optional<Lease> {
            if (!stored || stored->leaseOwner != held.leaseOwner)
                return std::nullopt;
            Lease evicted = *stored;
            evicted.leaseOwner.clear();
            ++evicted.leaseCounter;
            return evicted;
        });
    });
}

BackendFuture<std::optional<Lease>> SqliteLeaseTable::updateLease(const Lease &updated)
{
    if (m_readOnly)
        return refuse<std::optional<Lease>>();
    return run<std::optional<Lease>>([updated](const Store &store) {
        return store.transact(updated.leaseKey, [&](const std::optional<Lease> &stored) -> std::optional<Lease> {
            if (!stored || stored->leaseCounter != updated.leaseCounter || stored->leaseOwner != updated.leaseOwner)
                return std::nullopt;
            Lease next = *stored;
            next.checkpoint = updated.checkpoint;
            next.checkpointSubSequenceNumber = updated.checkpointSubSequenceNumber;
            next.pendingCheckpoint = updated.pendingCheckpoint;
            next.pendingCheckpointSubSequenceNumber = updated.pendingCheckpointSubSequenceNumber;
            next.ownerSwitchesSinceCheckpoint = updated.ownerSwitchesSinceCheckpoint;
            next.childShardIds = updated.childShardIds;
            next.throughputKBps = updated.throughputKBps;
            ++next.leaseCounter;
            return next;
        });
    });
}

BackendFuture<bool> SqliteLeaseTable::deleteLease(const Lease &lease)
{
    if (m_readOnly)
        return refuse<bool>();
    return run<bool>([lease](const Store &store) -> BackendResult<bool> {
        // An empty leaseKey in the result tells transact() to delete the row.
        const auto result = store.transact(lease.leaseKey, [&](const std::optional<Lease> &stored) -> std::optional<Lease> {
            if (!stored || stored->leaseCounter != lease.leaseCounter)
                return std::nullopt;
            return Lease{};
        });
        if (!result)
            return std::unexpected(result.error());
        return result->has_value();
    });
}

} // namespace shardscope
