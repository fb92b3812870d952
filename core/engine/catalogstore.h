#pragma once

#include "catalog.h"
#include "sqlitedb.h"

#include "kinesis/error.h"

#include <QHash>
#include <QList>

#include <expected>
#include <memory>
#include <mutex>

namespace shardscope {

// The stream catalog: its rows in SQLite (streams, shards, tags, consumers, consumer_tags),
// the writer's working copy (what is committed plus the current group's changes), each
// stream's next sequence counter, the streams whose rows are still to be purged, and the
// snapshot readers see, published after each commit.
//
// Threads: snapshot() from any thread; everything else on the writer thread only (or before it
// starts).
class CatalogStore final
{
public:
    CatalogStore() = default;
    CatalogStore(const CatalogStore &) = delete;
    CatalogStore &operator=(const CatalogStore &) = delete;

    // Reads the catalog from `db` into the working copy. On failure the working copy is left
    // as it was and the error says what could not be read.
    std::expected<void, Error> load(SqliteDb &db, qint64 nowMs);
    // Prepares the statements the hot path reuses.
    std::expected<void, Error> prepare(SqliteDb &db);

    // --- readers (any thread) ------------------------------------------------------------------
    std::shared_ptr<const Catalog> snapshot() const;

    // --- writer thread -------------------------------------------------------------------------
    const Catalog &working() const { return m_working; }
    // The working copy of a stream (gone ones included), or null.
    StreamMetaPtr stream(const QString &name) const { return m_working.streams.value(name); }
    // Makes `meta` the working copy of its stream.
    void put(StreamMetaPtr meta);
    // Takes a stream out of the working copy and queues its rows for purging.
    void remove(const QString &name);
    void markChanged() { m_changed = true; }
    // Publishes the working copy to readers. Returns whether the catalog changed since the last
    // publish (so that catalogChanged is announced once).
    bool publish();
    bool hasUnpublishedChanges() const { return m_changed; }

    // Stream ids are never reused, not even those of a rolled-back group's streams.
    qint64 nextStreamId() const { return m_nextStreamId; }
    void takeStreamId(qint64 id) { m_nextStreamId = std::max(m_nextStreamId, id + 1); }

    // The next sequence counter of a stream (persisted with it in streams.next_counter).
    qint64 nextCounter(qint64 streamId) const { return m_nextCounter.value(streamId); }
    void setNextCounter(qint64 streamId, qint64 counter) { m_nextCounter[streamId] = counter; }
    void forgetCounter(qint64 streamId) { m_nextCounter.remove(streamId); }
    // The counter of a record arriving now: above every earlier one, at least counterAt(now).
    qint64 takeCounter(qint64 streamId, qint64 nowMs);
    std::expected<void, Error> storeNextCounter(SqliteDb &db, qint64 streamId);

    // Streams whose rows are still to be removed from disk, oldest first.
    const QList<qint64> &pendingPurges() const { return m_purge; }
    void queuePurge(qint64 streamId) { m_purge.append(streamId); }
    // Removes the catalog rows of a purged stream (its records must be gone already).
    std::expected<void, Error> deleteStreamRows(SqliteDb &db, qint64 streamId);
    void purged(qint64 streamId);
    // The shard indexes stored for a stream, also for one no longer in the working copy.
    std::expected<QList<quint32>, Error> storedShards(SqliteDb &db, qint64 streamId);

    // Writes a stream's row and tags, and with `withShards` its shards.
    std::expected<void, Error> persistStream(SqliteDb &db, const StreamMeta &stream,
                                             bool withShards);
    std::expected<void, Error> persistConsumer(SqliteDb &db, qint64 streamId,
                                               const ConsumerMeta &consumer);
    std::expected<void, Error> deleteConsumerRows(SqliteDb &db, qint64 streamId,
                                                  const QString &name);
    // The account's minimum throughput billing commitment (working copy, and its row).
    void setBillingCommitment(const BillingCommitmentMeta &commitment);
    std::expected<void, Error> persistBillingCommitment(SqliteDb &db,
                                                        const BillingCommitmentMeta &commitment);

private:
    Catalog m_working;
    QHash<qint64, qint64> m_nextCounter; // per stream id
    QList<qint64> m_purge;
    qint64 m_nextStreamId = 1;
    bool m_changed = false;
    SqliteStatement m_updateCounter;

    mutable std::mutex m_publishedMutex;
    std::shared_ptr<const Catalog> m_published = std::make_shared<const Catalog>();
};

} // namespace shardscope
