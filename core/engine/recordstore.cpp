#include "recordstore.h"

#include "aesgcm.h"
#include "catalogstore.h"

#include "kinesis/recordsink.h"

#include <sqlite3.h>

#include <limits>

namespace shardscope {

// A stream's data key in plaintext, as unwrapped by the local KMS. Kept in memory only.
struct RecordStore::DataKey
{
    qint64 version = 0;
    qint64 streamId = 0;
    QString kmsKeyId;
    QByteArray key;
};

namespace {

void appendBigEndian(QByteArray &out, quint64 value)
{
    for (int shift = 56; shift >= 0; shift -= 8)
        out.append(char((value >> shift) & 0xff));
}

// Authenticated data of a sealed record: the row it belongs to, so that ciphertext moved to
// another row does not decrypt.
QByteArray recordContext(qint64 streamId, quint32 shard, qint64 seq)
{
    QByteArray aad;
    aad.reserve(24);
    appendBigEndian(aad, quint64(streamId));
    appendBigEndian(aad, shard);
    appendBigEndian(aad, quint64(seq));
    return aad;
}

// Authenticated data of a wrapped data key: its stream and version.
QByteArray dataKeyContext(qint64 streamId, qint64 version)
{
    QByteArray aad("shardscope data key");
    appendBigEndian(aad, quint64(streamId));
    appendBigEndian(aad, quint64(version));
    return aad;
}

} // namespace

RecordStore::RecordStore(const QString &databasePath, CatalogStore &catalog, LocalKms &kms)
    : m_catalog(catalog), m_kms(kms), m_readers(std::make_unique<ReaderPool>(databasePath))
{}

RecordStore::~RecordStore() = default;

std::expected<void, Error> RecordStore::prepare(SqliteDb &writeDb)
{
    auto insert = writeDb.prepare(
        "INSERT INTO records(stream_id, shard_index, seq, partition_key, explicit_hash_key, data, "
        "key_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert)
        return std::unexpected(insert.error());
    m_insert = std::move(*insert);
    return {};
}

std::expected<RecordStore::Appended, Error> RecordStore::append(SqliteDb &db,
                                                                const StreamMeta &stream,
                                                                const QList<Input> &inputs,
                                                                qint64 nowMs)
{
    Appended outcome;
    outcome.sequenceNumbers.reserve(inputs.size());
    SqliteStatement &insert = m_insert;
    const qint64 counterBefore = m_catalog.nextCounter(stream.id);
    std::shared_ptr<const DataKey> dataKey;
    if (stream.encryptionType == EncryptionType::Kms) {
        auto found = this->dataKey(stream.dataKeyVersion, db, LocalKms::View::Working);
        if (!found)
            return std::unexpected(found.error());
        if (auto usable = m_kms.checkUsable((*found)->kmsKeyId, LocalKms::View::Working); !usable)
            return std::unexpected(usable.error());
        dataKey = std::move(*found);
        outcome.encryptionType = EncryptionType::Kms;
    }
    for (const Input &input : inputs) {
        const ShardMeta &shard = stream.routeTo(input.hashKey);
        const qint64 counter = m_catalog.takeCounter(stream.id, nowMs);
        insert.reset();
        insert.bind(1, stream.id);
        insert.bind(2, qint64(shard.index));
        insert.bind(3, counter);
        insert.bindText(4, input.partitionKey);
        if (input.explicitHashKey) {
            unsigned char bytes[16];
            input.explicitHashKey->toBigEndian(bytes);
            insert.bindBlob(5, bytes, 16);
        }
        std::optional<QByteArray> sealed;
        if (dataKey) {
            sealed = AesGcm::seal(dataKey->key, input.data,
                                  recordContext(stream.id, shard.index, counter));
            if (!sealed) {
                m_catalog.setNextCounter(stream.id, counterBefore);
                return std::unexpected(
                    Error::internal(QStringLiteral("Encrypting a record failed.")));
            }
            insert.bind(6, *sealed);
            insert.bind(7, stream.dataKeyVersion);
        } else {
            insert.bind(6, input.data);
        }
        if (insert.step() != SQLITE_DONE) {
            m_catalog.setNextCounter(stream.id, counterBefore);
            return std::unexpected(db.lastError("insert record"));
        }
        outcome.sequenceNumbers.append(SequenceNumber{counter, shard.index});
    }
    insert.reset();
    if (auto stored = m_catalog.storeNextCounter(db, stream.id); !stored) {
        m_catalog.setNextCounter(stream.id, counterBefore);
        return std::unexpected(stored.error());
    }
    // One announcement per shard: runs of records to the same shard touch the map once.
    for (qsizetype i = 0; i < outcome.sequenceNumbers.size();) {
        const SequenceNumber &first = outcome.sequenceNumbers[i];
        qsizetype j = i + 1;
        while (j < outcome.sequenceNumbers.size() &&
               outcome.sequenceNumbers[j].shardIndex == first.shardIndex)
            ++j;
        Announcement &entry = m_announcements[qMakePair(stream.id, first.shardIndex)];
        entry.streamName = stream.name;
        entry.shard = first.shardIndex;
        entry.last = outcome.sequenceNumbers[j - 1];
        entry.count += int(j - i);
        i = j;
    }
    return outcome;
}

QList<RecordStore::Announcement> RecordStore::takeAnnouncements()
{
    QList<Announcement> announcements = m_announcements.values();
    m_announcements.clear();
    return announcements;
}

std::expected<qint64, Error> RecordStore::trim(SqliteDb &db, qint64 streamId, quint32 shard,
                                               qint64 below, qint64 budget)
{
    auto cut = db.prepare("SELECT seq FROM records WHERE stream_id = ?1 AND shard_index = ?2 AND "
                          "seq < ?3 ORDER BY seq LIMIT 1 OFFSET ?4");
    if (!cut)
        return std::unexpected(cut.error());
    auto remove =
        db.prepare("DELETE FROM records WHERE stream_id = ?1 AND shard_index = ?2 AND seq < ?3");
    if (!remove)
        return std::unexpected(remove.error());
    cut->bind(1, streamId);
    cut->bind(2, qint64(shard));
    cut->bind(3, below);
    cut->bind(4, budget);
    qint64 limit = below;
    const int found = cut->step();
    if (found == SQLITE_ROW)
        limit = cut->columnInt64(0);
    else if (found != SQLITE_DONE)
        return std::unexpected(db.lastError("find records to trim"));
    remove->bind(1, streamId);
    remove->bind(2, qint64(shard));
    remove->bind(3, limit);
    if (remove->step() != SQLITE_DONE)
        return std::unexpected(db.lastError("trim records"));
    return db.changes();
}

std::expected<void, Error> RecordStore::deleteDataKeys(SqliteDb &db, qint64 streamId)
{
    auto remove = db.prepare("DELETE FROM data_keys WHERE stream_id = ?1");
    if (!remove)
        return std::unexpected(remove.error());
    remove->bind(1, streamId);
    if (remove->step() != SQLITE_DONE)
        return std::unexpected(db.lastError("delete data keys"));
    return {};
}

std::expected<qint64, Error> RecordStore::createDataKey(SqliteDb &db, qint64 streamId,
                                                        const QString &kmsKeyId, qint64 nowMs)
{
    const QByteArray plain = AesGcm::randomBytes(AesGcm::kKeyBytes);
    const QByteArray idBytes = AesGcm::randomBytes(8);
    if (plain.size() != AesGcm::kKeyBytes || idBytes.size() != 8)
        return std::unexpected(Error::internal(QStringLiteral("No random bytes.")));
    quint64 raw = 0;
    for (char c : idBytes)
        raw = (raw << 8) | quint8(c);
    const qint64 version = qint64(raw >> 2) | 1; // positive and never 0
    auto wrapped =
        m_kms.wrap(kmsKeyId, plain, dataKeyContext(streamId, version), LocalKms::View::Working);
    if (!wrapped)
        return std::unexpected(wrapped.error());
    auto insert = db.prepare("INSERT INTO data_keys(id, stream_id, kms_key_id, wrapped, "
                             "created_ms) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, version);
    insert->bind(2, streamId);
    insert->bind(3, kmsKeyId);
    insert->bind(4, *wrapped);
    insert->bind(5, nowMs);
    if (insert->step() != SQLITE_DONE)
        return std::unexpected(db.lastError("save data key"));
    // Cached before the commit: if the group rolls back, the random version is simply never
    // used again.
    std::lock_guard lock(m_dataKeyMutex);
    m_dataKeys.insert(version,
                      std::make_shared<const DataKey>(DataKey{version, streamId, kmsKeyId, plain}));
    return version;
}

std::expected<std::shared_ptr<const RecordStore::DataKey>, Error>
RecordStore::dataKey(qint64 version, SqliteDb &db, LocalKms::View view) const
{
    {
        std::lock_guard lock(m_dataKeyMutex);
        if (auto cached = m_dataKeys.value(version))
            return cached;
    }
    auto select = db.prepare("SELECT stream_id, kms_key_id, wrapped FROM data_keys WHERE id = ?1");
    if (!select)
        return std::unexpected(select.error());
    select->bind(1, version);
    if (select->step() != SQLITE_ROW)
        return std::unexpected(
            Error::internal(QStringLiteral("Data key version %1 is missing.").arg(version)));
    const qint64 streamId = select->columnInt64(0);
    const QString kmsKeyId = select->columnText(1);
    auto key =
        m_kms.unwrap(kmsKeyId, select->columnBlob(2), dataKeyContext(streamId, version), view);
    if (!key)
        return std::unexpected(key.error());
    auto entry = std::make_shared<const DataKey>(DataKey{version, streamId, kmsKeyId, *key});
    std::lock_guard lock(m_dataKeyMutex);
    m_dataKeys.insert(version, entry);
    return entry;
}

std::expected<RecordStore::Page, Error> RecordStore::read(const StreamMeta &stream, quint32 shard,
                                                          qint64 from, int limit, qint64 maxBytes,
                                                          RecordSink &sink) const
{
    auto reader = m_readers->acquire();
    if (!reader)
        return std::unexpected(reader.error());
    std::shared_ptr<const DataKey> dataKey; // the last one used: pages rarely mix versions
    // An encrypted stream cannot be read while its key is unusable, even when nothing is new.
    if (stream.encryptionType == EncryptionType::Kms) {
        auto found =
            this->dataKey(stream.dataKeyVersion, *(*reader)->db, LocalKms::View::Published);
        if (!found)
            return std::unexpected(found.error());
        if (auto usable = m_kms.checkUsable((*found)->kmsKeyId); !usable)
            return std::unexpected(usable.error());
        dataKey = std::move(*found);
    }
    SqliteStatement &query = (*reader)->readRecords;
    query.bind(1, stream.id);
    query.bind(2, qint64(shard));
    query.bind(3, from);
    query.bind(4, qint64(limit) + 1);
    Page page;
    page.next = from;
    qint64 bytes = 0;
    int count = 0;
    std::optional<Error> failure;
    QByteArray plaintext; // the current sealed record's, opened
    int rc;
    while ((rc = query.step()) == SQLITE_ROW) {
        const qint64 seq = query.columnInt64(0);
        const bool sealed = !query.columnIsNull(4);
        const int size = query.columnBytes(2) - (sealed ? AesGcm::kOverhead : 0);
        if (count == limit || (count > 0 && bytes + size > maxBytes)) {
            page.firstUnreadArrivalMs = seq >> SequenceNumber::kTimeShift;
            break;
        }
        RecordView record;
        record.sequenceNumber = SequenceNumber{seq, shard};
        record.approximateArrivalTimestamp = seq >> SequenceNumber::kTimeShift;
        record.partitionKey = query.columnTextView(1);
        if (sealed) {
            const qint64 version = query.columnInt64(4);
            if (!dataKey || dataKey->version != version) {
                auto found = this->dataKey(version, *(*reader)->db, LocalKms::View::Published);
                if (!found) {
                    failure = found.error();
                    break;
                }
                dataKey = std::move(*found);
            }
            if (auto usable = m_kms.checkUsable(dataKey->kmsKeyId); !usable) {
                failure = usable.error();
                break;
            }
            const QByteArrayView blob = query.columnBlobView(2);
            auto opened = AesGcm::open(dataKey->key, blob, recordContext(stream.id, shard, seq));
            if (!opened) {
                failure = Error::internal(u"Record " % SequenceNumber{seq, shard}.toString() %
                                          u" could not be decrypted.");
                break;
            }
            plaintext = std::move(*opened);
            record.data = plaintext;
            record.encryptionType = EncryptionType::Kms;
        } else {
            record.data = query.columnBlobView(2);
            record.encryptionType = EncryptionType::None;
        }
        if (const QByteArrayView hashKey = query.columnBlobView(3); hashKey.size() == 16)
            record.explicitHashKey =
                HashKey::fromBigEndian(reinterpret_cast<const unsigned char *>(hashKey.data()));
        bytes += size;
        page.next = seq + 1;
        ++count;
        sink.record(record);
    }
    query.reset();
    if (failure)
        return std::unexpected(*failure);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return std::unexpected(Error::internal(QStringLiteral("Reading records failed.")));
    return page;
}

std::expected<std::optional<qint64>, Error> RecordStore::lastCounter(qint64 streamId,
                                                                     quint32 shard) const
{
    auto reader = m_readers->acquire();
    if (!reader)
        return std::unexpected(reader.error());
    SqliteStatement &last = (*reader)->lastSequence;
    last.bind(1, streamId);
    last.bind(2, qint64(shard));
    std::optional<qint64> counter;
    const int rc = last.step();
    if (rc == SQLITE_ROW && !last.columnIsNull(0))
        counter = last.columnInt64(0);
    last.reset();
    if (rc != SQLITE_ROW)
        return std::unexpected(Error::internal(QStringLiteral("Reading the last record failed.")));
    return counter;
}

std::expected<RecordStore::Tally, Error> RecordStore::count(qint64 streamId, quint32 shard,
                                                            qint64 from, qint64 before) const
{
    auto reader = m_readers->acquire();
    if (!reader)
        return std::unexpected(reader.error());
    SqliteStatement &stats = (*reader)->shardStats;
    stats.bind(1, streamId);
    stats.bind(2, qint64(shard));
    stats.bind(3, from);
    stats.bind(4, before);
    Tally tally;
    const int rc = stats.step();
    if (rc == SQLITE_ROW) {
        tally.records = stats.columnInt64(0);
        tally.bytes = stats.columnInt64(1);
    }
    stats.reset();
    if (rc != SQLITE_ROW)
        return std::unexpected(Error::internal(QStringLiteral("Counting records failed.")));
    return tally;
}

} // namespace shardscope
