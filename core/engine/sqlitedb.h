#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "kinesis/error.h"

#include <expected>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace shardscope {



// A prepared statement. Owned by one thread at a time, like its connection.
class SqliteStatement final
{
public:
    SqliteStatement() = default;
    explicit SqliteStatement(sqlite3_stmt *stmt) : m_stmt(stmt) {}
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept : m_stmt(other.m_stmt) { other.m_stmt = nullptr; }
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    void reset();

    void bind(int index, qint64 value);
    void bind(int index, const QString &text);
    // UTF-8 text that stays alive until the statement is stepped or reset.
    void bindText(int index, const QByteArray &utf8);
    void bind(int index, const QByteArray &blob);
    void bindBlob(int index, const void *data, int size);
    void bindNull(int index);

    // Returns SQLITE_ROW, SQLITE_DONE or an error code.
    int step();

    qint64 columnInt64(int column) const;
    bool columnIsNull(int column) const;
    QString columnText(int column) const;
    QByteArray columnBlob(int column) const;
    const void *columnBlobData(int column) const;
    int columnBytes(int column) const;
    // The column's bytes as text or as a blob, without a copy; valid until the next step() or
    // reset(). Each converts first and then asks the size, the order SQLite requires.
    QByteArrayView columnTextView(int column) const;
    QByteArrayView columnBlobView(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
};

// One SQLite connection. Not thread-safe: one owner thread at a time.
class SqliteDb final
{
public:
    static std::expected<std::unique_ptr<SqliteDb>, Error> open(const QString &path, bool readOnly);
    ~SqliteDb();
    SqliteDb(const SqliteDb &) = delete;
    SqliteDb &operator=(const SqliteDb &) = delete;

    std::expected<void, Error> exec(const char *sql);
    std::expected<SqliteStatement, Error> prepare(const char *sql);
    Error lastError(const char *context) const;
    qint64 changes() const;
    // Whether a transaction is open (SQLite ends one by itself after some errors).
    bool inTransaction() const;
    sqlite3 *handle() const { return m_db; }

private:
    explicit SqliteDb(sqlite3 *db) : m_db(db) {}
    sqlite3 *m_db = nullptr;
};

} // namespace shardscope
