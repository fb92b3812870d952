#include "catalogstore.h"

#include "kinesis/sequencenumber.h"

#include <sqlite3.h>

namespace shardscope {

namespace {

QByteArray hashKeyBytes(HashKey key)
{
    QByteArray bytes(16, Qt::Uninitialized);
    key.toBigEndian(reinterpret_cast<unsigned char *>(bytes.data()));
    return bytes;
}

HashKey hashKeyFromBytes(const QByteArray &bytes)
{
    if (bytes.size() != 16)
        return HashKey{};
    return HashKey::fromBigEndian(reinterpret_cast<const unsigned char *>(bytes.constData()));
}

// Runs a one-parameter statement that returns no rows.
std::expected<void, Error> execWithId(SqliteDb &db, const char *sql, qint64 id, const char *what)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, id);
    if (stmt->step() != SQLITE_DONE)
        return std::unexpected(db.lastError(what));
    return {};
}

} // namespace

std::expected<void, Error> CatalogStore::load(SqliteDb &db, qint64 nowMs)
{
    Catalog working;
    QHash<qint64, qint64> nextCounter;
    QList<qint64> purge;
    qint64 nextStreamId = 1;

    QHash<qint64, std::shared_ptr<StreamMeta>> byId;
    auto streams =
        db.prepare("SELECT id, name, status, status_until_ms, mode, retention_hours, created_ms, "
                   "max_record_kib, encryption_type, key_id, next_counter, reshard_times, data_key, "
                   "shard_level_metrics, warm_target_mibps, warm_previous_mibps, resource_policy "
                   "FROM streams ORDER BY id");
    if (!streams)
        return std::unexpected(streams.error());
    int rc;
    while ((rc = streams->step()) == SQLITE_ROW) {
        auto meta = std::make_shared<StreamMeta>();
        meta->id = streams->columnInt64(0);
        meta->name = streams->columnText(1);
        meta->status = static_cast<StreamStatus>(streams->columnInt64(2));
        meta->statusUntilMs = streams->columnInt64(3);
        meta->mode = static_cast<StreamMode>(streams->columnInt64(4));
        meta->retentionHours = int(streams->columnInt64(5));
        meta->createdMs = streams->columnInt64(6);
        meta->maxRecordSizeKiB = int(streams->columnInt64(7));
        meta->encryptionType = static_cast<EncryptionType>(streams->columnInt64(8));
        meta->keyId = streams->columnText(9);
        nextCounter.insert(meta->id, streams->columnInt64(10));
        for (const QString &t : streams->columnText(11).split(u',', Qt::SkipEmptyParts))
            meta->reshardTimesMs.append(t.toLongLong());
        meta->dataKeyVersion = streams->columnInt64(12);
        meta->shardLevelMetrics = streams->columnText(13).split(u',', Qt::SkipEmptyParts);
        meta->warmTargetMiBps = int(streams->columnInt64(14));
        meta->warmPreviousMiBps = int(streams->columnInt64(15));
        if (!streams->columnIsNull(16))
            meta->resourcePolicy = streams->columnText(16);
        nextStreamId = std::max(nextStreamId, meta->id + 1);
        byId.insert(meta->id, meta);
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(db.lastError("read streams"));
    auto shards = db.prepare(
        "SELECT stream_id, shard_index, parent_index, adjacent_parent_index, start_hash, "
        "end_hash, start_counter, end_counter, created_ms, closed_ms FROM shards "
        "ORDER BY stream_id, shard_index");
    if (!shards)
        return std::unexpected(shards.error());
    while ((rc = shards->step()) == SQLITE_ROW) {
        auto meta = byId.value(shards->columnInt64(0));
        if (!meta)
            continue;
        ShardMeta shard;
        shard.index = quint32(shards->columnInt64(1));
        if (!shards->columnIsNull(2))
            shard.parent = quint32(shards->columnInt64(2));
        if (!shards->columnIsNull(3))
            shard.adjacentParent = quint32(shards->columnInt64(3));
        shard.range = HashKeyRange{hashKeyFromBytes(shards->columnBlob(4)),
                                   hashKeyFromBytes(shards->columnBlob(5))};
        shard.startCounter = shards->columnInt64(6);
        if (!shards->columnIsNull(7))
            shard.endCounter = shards->columnInt64(7);
        shard.createdMs = shards->columnInt64(8);
        if (!shards->columnIsNull(9))
            shard.closedMs = shards->columnInt64(9);
        if (shard.index != quint32(meta->shards.size()))
            return std::unexpected(Error::internal(
                QStringLiteral("Shard table of stream %1 is not dense").arg(meta->name)));
        meta->shards.append(shard);
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(db.lastError("read shards"));
    auto tags = db.prepare("SELECT stream_id, key, value FROM tags");
    if (!tags)
        return std::unexpected(tags.error());
    while ((rc = tags->step()) == SQLITE_ROW) {
        if (auto meta = byId.value(tags->columnInt64(0)))
            meta->tags.insert(tags->columnText(1), tags->columnText(2));
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(db.lastError("read tags"));
    auto consumers =
        db.prepare("SELECT stream_id, name, status, status_until_ms, created_ms, resource_policy "
                   "FROM consumers");
    if (!consumers)
        return std::unexpected(consumers.error());
    while ((rc = consumers->step()) == SQLITE_ROW) {
        if (auto meta = byId.value(consumers->columnInt64(0))) {
            ConsumerMeta consumer;
            consumer.name = consumers->columnText(1);
            consumer.status = static_cast<ConsumerStatus>(consumers->columnInt64(2));
            consumer.statusUntilMs = consumers->columnInt64(3);
            consumer.createdMs = consumers->columnInt64(4);
            if (!consumers->columnIsNull(5))
                consumer.resourcePolicy = consumers->columnText(5);
            // CREATING time that ran out while the database was closed; gone ones stay until
            // housekeeping removes their rows.
            consumer.status = consumer.effectiveStatus(nowMs);
            meta->consumers.insert(consumer.name, consumer);
        }
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(db.lastError("read consumers"));
    auto consumerTags =
        db.prepare("SELECT stream_id, consumer_name, key, value FROM consumer_tags");
    if (!consumerTags)
        return std::unexpected(consumerTags.error());
    while ((rc = consumerTags->step()) == SQLITE_ROW) {
        auto meta = byId.value(consumerTags->columnInt64(0));
        if (!meta)
            continue;
        const auto consumer = meta->consumers.find(consumerTags->columnText(1));
        if (consumer != meta->consumers.end())
            consumer->tags.insert(consumerTags->columnText(2), consumerTags->columnText(3));
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(db.lastError("read consumer tags"));
    auto commitment =
        db.prepare("SELECT started_ms, earliest_end_ms, ended_ms FROM billing_commitment");
    if (!commitment)
        return std::unexpected(commitment.error());
    if ((rc = commitment->step()) == SQLITE_ROW) {
        working.billingCommitment.startedMs = commitment->columnInt64(0);
        working.billingCommitment.earliestEndMs = commitment->columnInt64(1);
        if (!commitment->columnIsNull(2))
            working.billingCommitment.endedMs = commitment->columnInt64(2);
    } else if (rc != SQLITE_DONE) {
        return std::unexpected(db.lastError("read billing commitment"));
    }
    for (const auto &meta : std::as_const(byId)) {
        meta->rebuildDerived();
        // A state change that finished while the database was closed is simply the state now.
        if (meta->effectiveStatus(nowMs) == StreamStatus::Active)
            meta->status = StreamStatus::Active;
        if (meta->isGone(nowMs) || working.streams.contains(meta->name)) {
            purge.append(meta->id);
            continue;
        }
        working.streams.insert(meta->name, meta);
    }

    m_working = std::move(working);
    m_nextCounter = std::move(nextCounter);
    m_purge = std::move(purge);
    // A reload after a rolled-back group keeps the ids that group used taken.
    m_nextStreamId = std::max(m_nextStreamId, nextStreamId);
    m_changed = true;
    return {};
}

std::expected<void, Error> CatalogStore::prepare(SqliteDb &db)
{
    auto updateCounter = db.prepare("UPDATE streams SET next_counter = ?2 WHERE id = ?1");
    if (!updateCounter)
        return std::unexpected(updateCounter.error());
    m_updateCounter = std::move(*updateCounter);
    return {};
}

std::shared_ptr<const Catalog> CatalogStore::snapshot() const
{
    std::lock_guard lock(m_publishedMutex);
    return m_published;
}

void CatalogStore::put(StreamMetaPtr meta)
{
    const QString name = meta->name;
    m_working.streams.insert(name, std::move(meta));
    m_changed = true;
}

void CatalogStore::remove(const QString &name)
{
    if (const StreamMetaPtr meta = m_working.streams.take(name)) {
        m_purge.append(meta->id);
        m_changed = true;
    }
}

bool CatalogStore::publish()
{
    auto snapshot = std::make_shared<const Catalog>(m_working);
    {
        std::lock_guard lock(m_publishedMutex);
        m_published = std::move(snapshot);
    }
    return std::exchange(m_changed, false);
}

qint64 CatalogStore::takeCounter(qint64 streamId, qint64 nowMs)
{
    qint64 &next = m_nextCounter[streamId];
    const qint64 counter = std::max(next, SequenceNumber::counterAt(nowMs));
    next = counter + 1;
    return counter;
}

std::expected<void, Error> CatalogStore::storeNextCounter(SqliteDb &db, qint64 streamId)
{
    m_updateCounter.reset();
    m_updateCounter.bind(1, streamId);
    m_updateCounter.bind(2, m_nextCounter.value(streamId));
    if (m_updateCounter.step() != SQLITE_DONE)
        return std::unexpected(db.lastError("update counter"));
    return {};
}

std::expected<QList<quint32>, Error> CatalogStore::storedShards(SqliteDb &db, qint64 streamId)
{
    auto shards = db.prepare("SELECT shard_index FROM shards WHERE stream_id = ?1");
    if (!shards)
        return std::unexpected(shards.error());
    shards->bind(1, streamId);
    QList<quint32> indexes;
    int rc;
    while ((rc = shards->step()) == SQLITE_ROW)
        indexes.append(quint32(shards->columnInt64(0)));
    if (rc != SQLITE_DONE)
        return std::unexpected(db.lastError("read shards"));
    return indexes;
}

std::expected<void, Error> CatalogStore::deleteStreamRows(SqliteDb &db, qint64 streamId)
{
    for (const char *sql :
         {"DELETE FROM shards WHERE stream_id = ?1", "DELETE FROM tags WHERE stream_id = ?1",
          "DELETE FROM consumers WHERE stream_id = ?1",
          "DELETE FROM consumer_tags WHERE stream_id = ?1", "DELETE FROM streams WHERE id = ?1"}) {
        if (auto r = execWithId(db, sql, streamId, "purge stream"); !r)
            return r;
    }
    return {};
}

void CatalogStore::purged(qint64 streamId)
{
    m_purge.removeOne(streamId);
    m_nextCounter.remove(streamId);
}

std::expected<void, Error> CatalogStore::persistStream(SqliteDb &db, const StreamMeta &stream,
                                                       bool withShards)
{
    auto upsert = db.prepare(
        "INSERT OR REPLACE INTO streams(id, name, status, status_until_ms, mode, retention_hours, "
        "created_ms, max_record_kib, encryption_type, key_id, next_counter, reshard_times, "
        "data_key, shard_level_metrics, warm_target_mibps, warm_previous_mibps, resource_policy) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
    if (!upsert)
        return std::unexpected(upsert.error());
    QStringList reshardTimes;
    for (qint64 t : stream.reshardTimesMs)
        reshardTimes.append(QString::number(t));
    upsert->bind(1, stream.id);
    upsert->bind(2, stream.name);
    upsert->bind(3, qint64(stream.status));
    upsert->bind(4, stream.statusUntilMs);
    upsert->bind(5, qint64(stream.mode));
    upsert->bind(6, qint64(stream.retentionHours));
    upsert->bind(7, stream.createdMs);
    upsert->bind(8, qint64(stream.maxRecordSizeKiB));
    upsert->bind(9, qint64(stream.encryptionType));
    upsert->bind(10, stream.keyId.isNull() ? QStringLiteral("") : stream.keyId);
    upsert->bind(11, m_nextCounter.value(stream.id));
    upsert->bind(12, reshardTimes.join(u','));
    upsert->bind(13, stream.dataKeyVersion);
    upsert->bind(14, stream.shardLevelMetrics.join(u','));
    upsert->bind(15, qint64(stream.warmTargetMiBps));
    upsert->bind(16, qint64(stream.warmPreviousMiBps));
    if (stream.resourcePolicy) // left unbound: NULL
        upsert->bind(17, stream.resourcePolicy->isNull() ? QStringLiteral("") : *stream.resourcePolicy);
    if (upsert->step() != SQLITE_DONE)
        return std::unexpected(db.lastError("save stream"));

    auto clearTags = db.prepare("DELETE FROM tags WHERE stream_id = ?1");
    auto insertTag = db.prepare("INSERT INTO tags(stream_id, key, value) VALUES (?1, ?2, ?3)");
    if (!clearTags || !insertTag)
        return std::unexpected(db.lastError("prepare tags"));
    clearTags->bind(1, stream.id);
    if (clearTags->step() != SQLITE_DONE)
        return std::unexpected(db.lastError("clear tags"));
    for (auto it = stream.tags.cbegin(); it != stream.tags.cend(); ++it) {
        insertTag->reset();
        insertTag->bind(1, stream.id);
        insertTag->bind(2, it.key());
        insertTag->bind(3, it.value());
        if (insertTag->step() != SQLITE_DONE)
            return std::unexpected(db.lastError("save tag"));
    }
    if (!withShards)
        return {};
    auto shardUpsert = db.prepare(
        "INSERT OR REPLACE INTO shards(stream_id, shard_index, parent_index, "
        "adjacent_parent_index, start_hash, end_hash, start_counter, end_counter, created_ms, "
        "closed_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!shardUpsert)
        return std::unexpected(shardUpsert.error());
    for (const ShardMeta &shard : stream.shards) {
        shardUpsert->reset();
        shardUpsert->bind(1, stream.id);
        shardUpsert->bind(2, qint64(shard.index));
        if (shard.parent)
            shardUpsert->bind(3, qint64(*shard.parent));
        if (shard.adjacentParent)
            shardUpsert->bind(4, qint64(*shard.adjacentParent));
        const QByteArray start = hashKeyBytes(shard.range.start);
        const QByteArray end = hashKeyBytes(shard.range.end);
        shardUpsert->bind(5, start);
        shardUpsert->bind(6, end);
        shardUpsert->bind(7, shard.startCounter);
        if (shard.endCounter)
            shardUpsert->bind(8, *shard.endCounter);
        shardUpsert->bind(9, shard.createdMs);
        if (shard.closedMs)
            shardUpsert->bind(10, *shard.closedMs);
        if (shardUpsert->step() != SQLITE_DONE)
            return std::unexpected(db.lastError("save shard"));
    }
    return {};
}

std::expected<void, Error> CatalogStore::persistConsumer(SqliteDb &db, qint64 streamId,
                                                         const ConsumerMeta &consumer)
{
    auto upsert = db.prepare(
        "INSERT OR REPLACE INTO consumers(stream_id, name, status, status_until_ms, created_ms, "
        "resource_policy) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!upsert)
        return std::unexpected(upsert.error());
    upsert->bind(1, streamId);
    upsert->bind(2, consumer.name);
    upsert->bind(3, qint64(consumer.status));
    upsert->bind(4, consumer.statusUntilMs);
    upsert->bind(5, consumer.createdMs);
    if (consumer.resourcePolicy) // left unbound: NULL
        upsert->bind(6, consumer.resourcePolicy->isNull() ? QStringLiteral("")
                                                          : *consumer.resourcePolicy);
    if (upsert->step() != SQLITE_DONE)
        return std::unexpected(db.lastError("save consumer"));
    auto clearTags =
        db.prepare("DELETE FROM consumer_tags WHERE stream_id = ?1 AND consumer_name = ?2");
    auto insertTag = db.prepare(
        "INSERT INTO consumer_tags(stream_id, consumer_name, key, value) VALUES (?1, ?2, ?3, ?4)");
    if (!clearTags || !insertTag)
        return std::unexpected(db.lastError("prepare consumer tags"));
    clearTags->bind(1, streamId);
    clearTags->bind(2, consumer.name);
    if (clearTags->step() != SQLITE_DONE)
        return std::unexpected(db.lastError("clear consumer tags"));
    for (auto it = consumer.tags.cbegin(); it != consumer.tags.cend(); ++it) {
        insertTag->reset();
        insertTag->bind(1, streamId);
        insertTag->bind(2, consumer.name);
        insertTag->bind(3, it.key());
        insertTag->bind(4, it.value().isNull() ? QStringLiteral("") : it.value());
        if (insertTag->step() != SQLITE_DONE)
            return std::unexpected(db.lastError("save consumer tag"));
    }
    return {};
}

std::expected<void, Error> CatalogStore::deleteConsumerRows(SqliteDb &db, qint64 streamId,
                                                            const QString &name)
{
    for (const char *sql :
         {"DELETE FROM consumers WHERE stream_id = ?1 AND name = ?2",
          "DELETE FROM consumer_tags WHERE stream_id = ?1 AND consumer_name = ?2"}) {
        auto stmt = db.prepare(sql);
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, streamId);
        stmt->bind(2, name);
        if (stmt->step() != SQLITE_DONE)
            return std::unexpected(db.lastError("delete consumer"));
    }
    return {};
}

void CatalogStore::setBillingCommitment(const BillingCommitmentMeta &commitment)
{
    m_working.billingCommitment = commitment;
    m_changed = true;
}

std::expected<void, Error> CatalogStore::persistBillingCommitment(SqliteDb &db,
                                                                  const BillingCommitmentMeta &c)
{
    if (!c.startedMs || !c.earliestEndMs)
        return execWithId(db, "DELETE FROM billing_commitment WHERE id = ?1", 1,
                          "clear billing commitment");
    auto upsert = db.prepare("INSERT OR REPLACE INTO billing_commitment(id, started_ms, "
                             "earliest_end_ms, ended_ms) VALUES (1, ?1, ?2, ?3)");
    if (!upsert)
        return std::unexpected(upsert.error());
    upsert->bind(1, *c.startedMs);
    upsert->bind(2, *c.earliestEndMs);
    if (c.endedMs)
        upsert->bind(3, *c.endedMs);
    if (upsert->step() != SQLITE_DONE)
        return std::unexpected(db.lastError("save billing commitment"));
    return {};
}

} // namespace shardscope
