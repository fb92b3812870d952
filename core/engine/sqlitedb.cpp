#include "sqlitedb.h"

#include "../kinesis/error.h"

#include <sqlite3.h>

namespace shardscope {

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = other.m_stmt;
        other.m_stmt = nullptr;
    }
    return *this;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()),
                      SQLITE_TRANSIENT);
}

void SqliteStatement::bindText(int index, const QByteArray &utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_STATIC);
}

void SqliteStatement::bind(int index, const QByteArray &blob)
{
    // A zero-length blob must still be a blob, not NULL.
    sqlite3_bind_blob(m_stmt, index, blob.isEmpty() ? "" : blob.constData(),
                      static_cast<int>(blob.size()), SQLITE_STATIC);
}

void SqliteStatement::bindBlob(int index, const void *data, int size)
{
    sqlite3_bind_blob(m_stmt, index, data, size, SQLITE_TRANSIENT);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

int SqliteStatement::step()
{
    return sqlite3_step(m_stmt);
}

qint64 SqliteStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool SqliteStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString SqliteStatement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
}

QByteArray SqliteStatement::columnBlob(int column) const
{
    const void *data = sqlite3_column_blob(m_stmt, column);
    return QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(m_stmt, column));
}

const void *SqliteStatement::columnBlobData(int column) const
{
    return sqlite3_column_blob(m_stmt, column);
}

int SqliteStatement::columnBytes(int column) const
{
    return sqlite3_column_bytes(m_stmt, column);
}

QByteArrayView SqliteStatement::columnTextView(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QByteArrayView(text, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView SqliteStatement::columnBlobView(int column) const
{
    const auto *blob = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArrayView(blob, sqlite3_column_bytes(m_stmt, column));
}

std::expected<std::unique_ptr<SqliteDb>, Error> SqliteDb::open(const QString &path, bool readOnly)
{
    sqlite3 *db = nullptr;
    const int flags = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) |
                      SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = db ? QString::fromUtf8(sqlite3_errmsg(db))
                                   : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(db);
        return std::unexpected(
            Error::internal(u"Cannot open database " % path % u": " % message));
    }
    sqlite3_extended_result_codes(db, 1);
    // Readers never fail on a brief lock; the writer holds locks only for a group commit.
    sqlite3_busy_timeout(db, 10000);
    return std::unique_ptr<SqliteDb>(new SqliteDb(db));
}

SqliteDb::~SqliteDb()
{
    sqlite3_close_v2(m_db);
}

std::expected<void, Error> SqliteDb::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : "unknown error");
        sqlite3_free(message);
        return std::unexpected(Error::internal(u"SQLite: " % text));
    }
    return {};
}

std::expected<SqliteStatement, Error> SqliteDb::prepare(const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        return std::unexpected(lastError("prepare"));
    return SqliteStatement(stmt);
}

Error SqliteDb::lastError(const char *context) const
{
    return Error::internal(u"SQLite " % QString::fromLatin1(context) % u": " %
                           QString::fromUtf8(sqlite3_errmsg(m_db)));
}

qint64 SqliteDb::changes() const
{
    return sqlite3_changes64(m_db);
}

bool SqliteDb::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

} // namespace shardscope
