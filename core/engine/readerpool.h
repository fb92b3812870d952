#pragma once

#include "sqlitedb.h"

#include <QString>

#include <expected>
#include <memory>
#include <mutex>
#include <vector>

namespace shardscope {

// Read-only SQLite connections (WAL lets them read while the writer commits), handed out one
// per call and returned when the lease ends, with their prepared statements kept warm.
class ReaderPool final
{
public:
    struct Connection
    {
        std::unique_ptr<SqliteDb> db;
        SqliteStatement readRecords;  // (stream, shard, from seq, limit) -> rows in order
                                      // (seq, partition key, data, explicit hash key, key version)
        SqliteStatement lastSequence; // (stream, shard) -> max(seq)
        SqliteStatement shardStats;   // (stream, shard, from seq, before seq) -> count, bytes
    };

    class Lease final
    {
    public:
        Lease(ReaderPool *pool, std::unique_ptr<Connection> connection)
            : m_pool(pool), m_connection(std::move(connection)) {}
        ~Lease();
        Lease(Lease &&) = default;
        Connection *operator->() const { return m_connection.get(); }

    private:
        ReaderPool *m_pool;
        std::unique_ptr<Connection> m_connection;
    };

    explicit ReaderPool(QString path) : m_path(std::move(path)) {}
    std::expected<Lease, Error> acquire();

private:
    void release(std::unique_ptr<Connection> connection);

    QString m_path;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Connection>> m_idle;
};

} // namespace shardscope
