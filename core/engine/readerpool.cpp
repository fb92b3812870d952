#include "readerpool.h"

#include "enginelog.h"
#include "kinesis/error.h"

namespace shardscope {

ReaderPool::Lease::~Lease()
{
    if (m_connection)
        m_pool->release(std::move(m_connection));
}

std::expected<ReaderPool::Lease, Error> ReaderPool::acquire()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            auto connection = std::move(m_idle.back());
            m_idle.pop_back();
            return Lease(this, std::move(connection));
        }
    }
    auto db = SqliteDb::open(m_path, /*readOnly=*/true);
    if (!db)
        return std::unexpected(db.error());
    auto connection = std::make_unique<Connection>();
    connection->db = std::move(*db);
    // Only speed depends on these: a reader without them still reads correctly.
    if (auto tuned = connection->db->exec("PRAGMA mmap_size=268435456; PRAGMA cache_size=-32768;");
        !tuned)
        qCWarning(lcEngine).noquote()
            << "A reader connection runs without its memory map:" << tuned.error().message;
    auto read = connection->db->prepare(
        "SELECT seq, partition_key, data, explicit_hash_key, key_version FROM records "
        "WHERE stream_id = ?1 AND shard_index = ?2 AND seq >= ?3 ORDER BY seq LIMIT ?4");
    auto last = connection->db->prepare(
        "SELECT max(seq) FROM records WHERE stream_id = ?1 AND shard_index = ?2");
    // Payload bytes: a sealed record also holds a 28-byte nonce and tag (AesGcm::kOverhead).
    auto stats = connection->db->prepare(
        "SELECT count(*), coalesce(sum(length(data) - (key_version IS NOT NULL) * 28), 0) "
        "FROM records "
        "WHERE stream_id = ?1 AND shard_index = ?2 AND seq >= ?3 AND seq < ?4");
    if (!read)
        return std::unexpected(read.error());
    if (!last)
        return std::unexpected(last.error());
    if (!stats)
        return std::unexpected(stats.error());
    connection->readRecords = std::move(*read);
    connection->lastSequence = std::move(*last);
    connection->shardStats = std::move(*stats);
    return Lease(this, std::move(connection));
}

void ReaderPool::release(std::unique_ptr<Connection> connection)
{
    connection->readRecords.reset();
    connection->lastSequence.reset();
    connection->shardStats.reset();
    std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(connection));
}

} // namespace shardscope
