#pragma once

#include "catalog.h"
#include "localkms.h"
#include "readerpool.h"
#include "sqlitedb.h"

#include "kinesis/api.h"
#include "kinesis/error.h"

#include <QHash>
#include <QList>
#include <QPair>

#include <expected>
#include <memory>
#include <mutex>
#include <optional>

namespace shardscope {

class CatalogStore;
class RecordSink;

// The records on disk (table records, keyed by stream, shard and sequence counter) and the
// per-stream data keys that seal them (table data_keys): appends records, sealing them with the
// stream's data key when it is encrypted; reads pages, opening sealed ones; counts them; deletes
// them for retention and for purged streams. Keeps the plaintext data keys it has unwrapped in
// memory, and notes this group's appends per shard for the engine to announce.
//
// Threads: append, trim, createDataKey and the announcements on the writer thread; read, count
// and lastCounter from any thread (pooled read-only connections).
class RecordStore final
{
public:
    struct Input
    {
        QByteArray data;
        QByteArray partitionKey; // UTF-8, as stored
        HashKey hashKey;
        std::optional<HashKey> explicitHashKey;
    };
    struct Appended
    {
        QList<SequenceNumber> sequenceNumbers; // one per input, in order
        EncryptionType encryptionType = EncryptionType::None;
    };
    // What one read left behind.
    struct Page
    {
        qint64 next = 0;                            // the counter after the last record read
        std::optional<qint64> firstUnreadArrivalMs; // set when the page stopped before the end
    };
    struct Tally
    {
        qint64 records = 0;
        qint64 bytes = 0; // payload bytes (sealing overhead not counted)
    };
    // One shard's appends in this group.
    struct Announcement
    {
        QString streamName;
        quint32 shard = 0;
        SequenceNumber last;
        int count = 0;
    };

    RecordStore(const QString &databasePath, CatalogStore &catalog, LocalKms &kms);
    ~RecordStore();
    RecordStore(const RecordStore &) = delete;
    RecordStore &operator=(const RecordStore &) = delete;

    // --- writer thread ----------------------------------------------------------------------
    std::expected<void, Error> prepare(SqliteDb &writeDb);
    // Routes each input to its open shard, gives it the next counter and stores it. On failure
    // the stream's counter is as it was (the job's savepoint undoes the rows).
    std::expected<Appended, Error> append(SqliteDb &db, const StreamMeta &stream,
                                          const QList<Input> &inputs, qint64 nowMs);
    // Deletes up to `budget` records of one shard with counter < below. Returns rows deleted.
    std::expected<qint64, Error> trim(SqliteDb &db, qint64 streamId, quint32 shard, qint64 below,
                                      qint64 budget);
    std::expected<void, Error> deleteDataKeys(SqliteDb &db, qint64 streamId);
    // A new data key for a stream, wrapped by KMS key `kmsKeyId` (usable); returns its version.
    std::expected<qint64, Error> createDataKey(SqliteDb &db, qint64 streamId,
                                               const QString &kmsKeyId, qint64 nowMs);
    QList<Announcement> takeAnnouncements();
    void dropAnnouncements() { m_announcements.clear(); }

    // --- any thread -------------------------------------------------------------------------
    // Hands the records of a shard from counter `from` on to `sink`, in order: at most `limit`
    // records and, after the first, no more than `maxBytes` of payload.
    std::expected<Page, Error> read(const StreamMeta &stream, quint32 shard, qint64 from, int limit,
                                    qint64 maxBytes, RecordSink &sink) const;
    // The counter of a shard's last stored record, if any.
    std::expected<std::optional<qint64>, Error> lastCounter(qint64 streamId, quint32 shard) const;
    // The records of a shard with from <= counter < before.
    std::expected<Tally, Error> count(qint64 streamId, quint32 shard, qint64 from,
                                      qint64 before) const;

private:
    struct DataKey;
    // The plaintext data key of a key version, from the cache or unwrapped from `db`.
    std::expected<std::shared_ptr<const DataKey>, Error> dataKey(qint64 version, SqliteDb &db,
                                                                 LocalKms::View view) const;

    CatalogStore &m_catalog;
    LocalKms &m_kms;
    std::unique_ptr<ReaderPool> m_readers;
    SqliteStatement m_insert;                                    // writer thread only
    QHash<QPair<qint64, quint32>, Announcement> m_announcements; // writer thread only
    mutable std::mutex m_dataKeyMutex;
    mutable QHash<qint64, std::shared_ptr<const DataKey>> m_dataKeys; // by key version
};

} // namespace shardscope
