#include "engine.h"

#include "aesgcm.h"
#include "catalog.h"
#include "clock.h"
#include "readerpool.h"
#include "resharding.h"
#include "schema.h"
#include "sqlitedb.h"
#include "tokencodec.h"
#include "writerthread.h"

#include "kinesis/recordsink.h"
#include "kinesis/shardid.h"
#include "kinesis/streamarn.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUuid>
#include <QCryptographicHash>
#include <QDataStream>

#include <sqlite3.h>

#include <future>
#include <limits>

namespace shardscope {

namespace {

constexpr int kMaxRetentionHours = 8760;
constexpr int kMinRetentionHours = 24;
constexpr qint64 kPutRecordsMaxBytes = 5 * 1024 * 1024;
constexpr qint64 kGetRecordsMaxBytes = 10 * 1024 * 1024;
constexpr int kGetRecordsMaxRecords = 10000;
constexpr int kMaxTagsPerStream = 50;
constexpr int kOnDemandInitialShards = 4;
constexpr qint64 kNextTokenLifetimeMs = 300 * 1000;
constexpr int kHousekeepingRowBudget = 20000;
constexpr int kMaxConsumersPerStream = 20;
constexpr int kMaxCreatingConsumers = 5; // per stream, at the same time
constexpr int kListConsumersDefaultResults = 100; // also the most one page returns

const QString kStreamNamePattern = QStringLiteral("[a-zA-Z0-9_.-]+");
const QString kHashKeyPattern = QStringLiteral("0|([1-9]\\d{0,38})");
const QString kSequencePattern = QStringLiteral("0|([1-9]\\d{0,128})");
const QString kStreamArnPattern = QStringLiteral("arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+");
const QString kResourceArnPattern = QStringLiteral("arn:aws.*:kinesis:.*:\\d{12}:.*stream/\\S+");
const QString kConsumerArnPattern =
    QStringLiteral("^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/"
                   "[a-zA-Z0-9_.-]+:[0-9]+");

// Token payload kinds, so that one kind of token can never be replayed as another.
enum class TokenKind : quint8 {
    ShardIterator = 1,
    ListShards = 2,
    ListStreams = 3,
    ListStreamConsumers = 4,
};

bool matchesStreamNamePattern(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (QChar c : name) {
        const ushort u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                        u == '_' || u == '.' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

// Checks a member with the stream-name constraints (pattern, length 1..128) in Kinesis's order.
void checkName(ValidationErrors &v, const QString &field, const QString &value, bool required)
{
    if (value.isNull()) {
        if (required)
            v.addNull(field);
        return;
    }
    if (!matchesStreamNamePattern(value))
        v.pattern(field, value, kStreamNamePattern);
    if (value.isEmpty())
        v.lengthAtLeast(field, value, 1);
    else if (value.size() > 128)
        v.lengthAtMost(field, value, 128);
}

void checkLength(ValidationErrors &v, const QString &field, const QString &value, qsizetype min,
                 qsizetype max)
{
    if (value.isNull())
        return;
    if (value.size() < min)
        v.lengthAtLeast(field, value, min);
    else if (value.size() > max)
        v.lengthAtMost(field, value, max);
}

void checkRange(ValidationErrors &v, const QString &field, std::optional<int> value, int min,
                int max)
{
    if (!value)
        return;
    if (*value < min)
        v.valueAtLeast(field, *value, min);
    else if (*value > max)
        v.valueAtMost(field, *value, max);
}

// arn:<partition>:kinesis:<region>:<account>:stream/<stream>/consumer/<name>:<epoch seconds>
struct ConsumerArnParts
{
    QString region;
    QString account;
    QString streamName;
    QString consumerName;
    qint64 creationSeconds = 0;
};

std::optional<ConsumerArnParts> parseConsumerArn(const QString &arn)
{
    const auto parts = QStringView(arn).split(u':');
    if (parts.size() != 7 || parts[0] != u"arn" || !parts[1].startsWith(u"aws") ||
        parts[2] != u"kinesis")
        return std::nullopt;
    const auto resource = parts[5].split(u'/');
    if (resource.size() != 4 || resource[0] != u"stream" || resource[2] != u"consumer")
        return std::nullopt;
    if (parts[4].size() != 12)
        return std::nullopt;
    for (QChar c : parts[4]) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    ConsumerArnParts result;
    result.region = parts[3].toString();
    result.account = parts[4].toString();
    result.streamName = resource[1].toString();
    result.consumerName = resource[3].toString();
    bool ok = !parts[6].isEmpty();
    for (QChar c : parts[6])
        ok = ok && c >= u'0' && c <= u'9';
    result.creationSeconds = ok ? parts[6].toLongLong(&ok) : 0;
    if (!ok || !matchesStreamNamePattern(result.streamName) ||
        !matchesStreamNamePattern(result.consumerName))
        return std::nullopt;
    return result;
}

void checkArn(ValidationErrors &v, const QString &field, const QString &value, bool resource)
{
    if (value.isNull())
        return;
    // A resource is a stream or a consumer.
    const bool ok =
        StreamArn::parse(value).has_value() || (resource && parseConsumerArn(value).has_value());
    if (!ok)
        v.pattern(field, value, resource ? kResourceArnPattern : kStreamArnPattern);
    checkLength(v, field, value, 1, 2048);
}

// ConsumerARN: the model's pattern (matched in full, as Coral does), then length 1..2048.
void checkConsumerArn(ValidationErrors &v, const QString &field, const QString &value)
{
    if (value.isNull())
        return;
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(kConsumerArnPattern));
    if (!pattern.match(value).hasMatch())
        v.pattern(field, value, kConsumerArnPattern);
    checkLength(v, field, value, 1, 2048);
}

QString blobDescription(qsizetype size)
{
    return QStringLiteral("java.nio.HeapByteBuffer[pos=0 lim=%1 cap=%1]").arg(size);
}

QString tagMapText(const TagMap &tags)
{
    QStringList parts;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        parts.append(it.key() % u'=' % it.value());
    return u'{' % parts.join(QStringLiteral(", ")) % u'}';
}

void checkTagMap(ValidationErrors &v, const TagMap &tags)
{
    if (tags.isEmpty()) {
        v.add(QStringLiteral("tags"), QStringLiteral("{}"),
              QStringLiteral("Member must have length greater than or equal to 1"));
        return;
    }
    if (tags.size() > 200)
        v.add(QStringLiteral("tags"), tagMapText(tags),
              QStringLiteral("Member must have length less than or equal to 200"));
    for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
        if (it.key().isEmpty() || it.key().size() > 128) {
            v.add(QStringLiteral("tags"), tagMapText(tags),
                  QStringLiteral("Map keys must satisfy constraint: [Member must have length less "
                                 "than or equal to 128, Member must have length greater than or "
                                 "equal to 1]"));
            break;
        }
    }
    for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
        if (it.value().size() > 256) {
            v.add(QStringLiteral("tags"), tagMapText(tags),
                  QStringLiteral("Map value must satisfy constraint: [Member must have length less "
                                 "than or equal to 256, Member must have length greater than or "
                                 "equal to 0]"));
            break;
        }
    }
}

void checkTagKeys(ValidationErrors &v, const QStringList &keys)
{
    const QString text = u'[' % keys.join(QStringLiteral(", ")) % u']';
    if (keys.isEmpty())
        v.add(QStringLiteral("tagKeys"), text,
              QStringLiteral("Member must have length greater than or equal to 1"));
    else if (keys.size() > 50)
        v.add(QStringLiteral("tagKeys"), text,
              QStringLiteral("Member must have length less than or equal to 50"));
    for (const QString &key : keys) {
        if (key.isEmpty() || key.size() > 128) {
            v.add(QStringLiteral("tagKeys"), text,
                  QStringLiteral("Member must satisfy constraint: [Member must have length less "
                                 "than or equal to 128, Member must have length greater than or "
                                 "equal to 1]"));
            break;
        }
    }
}

// Tag keys and values: Unicode letters, digits, white space and _ . : / = + - @ (and '%',
// which passes the first check but is then refused with its own message, as Kinesis does).
bool tagTextIsValid(const QString &text)
{
    for (QChar c : text) {
        if (c.isLetterOrNumber() || c == u' ')
            continue;
        if (QStringView(u"_.:/=+-@%").contains(c))
            continue;
        return false;
    }
    return true;
}

QString javaDate(qint64 ms)
{
    // Java's Date.toString() in UTC, as Kinesis prints iterator times.
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return QLocale::c().toString(t, QStringLiteral("ddd MMM dd HH:mm:ss 'UTC' yyyy"));
}

Shard toApi(const ShardMeta &meta)
{
    Shard shard;
    shard.shardId = ShardId::format(meta.index);
    if (meta.parent)
        shard.parentShardId = ShardId::format(*meta.parent);
    if (meta.adjacentParent)
        shard.adjacentParentShardId = ShardId::format(*meta.adjacentParent);
    shard.hashKeyRange = meta.range;
    shard.startingSequenceNumber = SequenceNumber{meta.startCounter, meta.index};
    if (meta.endCounter)
        shard.endingSequenceNumber = SequenceNumber{*meta.endCounter, meta.index};
    return shard;
}

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

// The stream a request names, for messages written before the stream is looked up.
QString targetLabel(const StreamTarget &target)
{
    if (!target.streamName.isNull())
        return target.streamName;
    if (const auto arn = StreamArn::parse(target.streamArn))
        return arn->streamName;
    return target.streamArn;
}

Error invalidArgument(const QString &message)
{
    return Error{ErrorType::InvalidArgument, message};
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Writer-side state: touched only on the writer thread (or before it starts).

struct Engine::PutInput
{
    QByteArray data;
    QByteArray partitionKey; // UTF-8, as stored
    HashKey hashKey;
    std::optional<HashKey> explicitHashKey;
};

struct Engine::PutOutcome
{
    QList<SequenceNumber> sequenceNumbers; // one per input, in order
    EncryptionType encryptionType = EncryptionType::None;
};

// A stream's data key in plaintext, as unwrapped by the local KMS. Kept in memory only.
struct Engine::DataKey
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

struct Engine::WriterState
{
    Catalog working;                       // committed plus this group's changes
    QHash<qint64, qint64> nextCounter;     // per stream id: the next sequence counter
    QList<qint64> purge;                   // deleted streams whose rows are still to be removed
    qint64 nextStreamId = 1;
    bool catalogDirty = false;
    bool moreHousekeeping = false;
    struct Appended
    {
        QString streamName;
        quint32 shard = 0;
        SequenceNumber last;
        int count = 0;
    };
    QHash<QPair<qint64, quint32>, Appended> appended; // this group's appends, per shard
    SqliteStatement insertRecord;
    SqliteStatement updateCounter;

    qint64 takeCounter(qint64 streamId, qint64 nowMs)
    {
        qint64 &next = nextCounter[streamId];
        const qint64 counter = std::max(next, SequenceNumber::counterAt(nowMs));
        next = counter + 1;
        return counter;
    }
};

Engine::Engine(EngineOptions options) : m_options(std::move(options))
{
    if (!m_options.clock)
        m_options.clock = std::make_shared<SystemClock>();
}

Engine::~Engine()
{
    m_writer.reset(); // drains queued jobs first
    m_readers.reset();
    if (m_inMemory) {
        QFile::remove(m_path);
        QFile::remove(m_path + QStringLiteral("-wal"));
        QFile::remove(m_path + QStringLiteral("-shm"));
    }
}

std::expected<std::unique_ptr<Engine>, Error> Engine::open(EngineOptions options)
{
    std::unique_ptr<Engine> engine(new Engine(std::move(options)));
    if (auto started = engine->start(); !started)
        return std::unexpected(started.error());
    return engine;
}

qint64 Engine::now() const
{
    return m_options.clock->nowMs();
}

std::expected<void, Error> Engine::start()
{
    m_path = m_options.databasePath;
    if (m_path.isEmpty()) {
        m_inMemory = true;
        const QString dir = QDir(QStringLiteral("/dev/shm")).exists()
                                ? QStringLiteral("/dev/shm")
                                : QStandardPaths::writableLocation(QStandardPaths::TempLocation);
        m_path = dir % u"/shardscope-" % QUuid::createUuid().toString(QUuid::WithoutBraces) %
                 u".db";
    }
    auto db = SqliteDb::open(m_path, /*readOnly=*/false);
    if (!db)
        return std::unexpected(db.error());
    SqliteDb &writeDb = **db;
    const QByteArray pragmas =
        QByteArray("PRAGMA journal_mode=WAL; PRAGMA synchronous=") +
        (m_inMemory ? "OFF" : (m_options.durableCommits ? "FULL" : "NORMAL")) +
        "; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536; PRAGMA foreign_keys=OFF;";
    if (auto r = writeDb.exec(pragmas.constData()); !r)
        return r;
    if (auto r = Schema::migrate(writeDb); !r)
        return r;

    // The secret that seals iterators and tokens lives in the database, so iterators survive a
    // restart (within their five minutes) and cannot be forged.
    QByteArray key;
    {
        auto select = writeDb.prepare("SELECT value FROM meta WHERE key = 'token_key'");
        if (!select)
            return std::unexpected(select.error());
        if (select->step() == SQLITE_ROW)
            key = select->columnBlob(0);
    }
    if (key.size() != 32) {
        key = TokenCodec::randomKey();
        auto insert = writeDb.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('token_key', ?1)");
        if (!insert)
            return std::unexpected(insert.error());
        insert->bind(1, key);
        if (insert->step() != SQLITE_DONE)
            return std::unexpected(writeDb.lastError("store token key"));
    }
    m_tokens = std::make_unique<TokenCodec>(key);

    m_kms = std::make_unique<LocalKms>(m_options.region, m_options.account);
    if (auto r = m_kms->load(writeDb); !r)
        return r;
    if (auto r = m_kms->ensureDefaultKey(writeDb, now()); !r)
        return r;

    m_writerState = std::make_unique<WriterState>();
    if (auto r = loadCatalog(writeDb); !r)
        return r;
    auto insertRecord = writeDb.prepare(
        "INSERT INTO records(stream_id, shard_index, seq, partition_key, explicit_hash_key, data, "
        "key_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    auto updateCounter = writeDb.prepare("UPDATE streams SET next_counter = ?2 WHERE id = ?1");
    if (!insertRecord)
        return std::unexpected(insertRecord.error());
    if (!updateCounter)
        return std::unexpected(updateCounter.error());
    m_writerState->insertRecord = std::move(*insertRecord);
    m_writerState->updateCounter = std::move(*updateCounter);
    publish();
    m_catalogChangedPending = false; // opening is not a change

    m_readers = std::make_unique<ReaderPool>(m_path);
    WriterThread::Hooks hooks;
    hooks.afterCommit = [this](bool committed) {
        WriterState &ws = *m_writerState;
        if (committed) {
            if (m_kms->isDirty())
                m_kms->publish();
            if (ws.catalogDirty)
                publish();
            return;
        }
        // The group was rolled back: forget its in-memory changes.
        ws.appended.clear();
        (void)m_kms->load(*m_writerDbForRecovery);
        (void)loadCatalog(*m_writerDbForRecovery);
    };
    hooks.afterGroup = [this] { afterGroup(); };
    hooks.housekeeping = [this](SqliteDb &writeConnection) { housekeeping(writeConnection); };
    m_writerDbForRecovery = db->get();
    m_writer = std::make_unique<WriterThread>(std::move(*db), std::move(hooks));
    return {};
}

std::expected<void, Error> Engine::loadCatalog(SqliteDb &db)
{
    WriterState &ws = *m_writerState;
    ws.working.streams.clear();
    ws.nextCounter.clear();
    ws.purge.clear();
    ws.nextStreamId = 1;
    const qint64 nowMs = now();

    QHash<qint64, std::shared_ptr<StreamMeta>> byId;
    auto streams = db.prepare(
        "SELECT id, name, status, status_until_ms, mode, retention_hours, created_ms, "
        "max_record_kib, encryption_type, key_id, next_counter, reshard_times, data_key "
        "FROM streams ORDER BY id");
    if (!streams)
        return std::unexpected(streams.error());
    while (streams->step() == SQLITE_ROW) {
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
        ws.nextCounter.insert(meta->id, streams->columnInt64(10));
        for (const QString &t : streams->columnText(11).split(u',', Qt::SkipEmptyParts))
            meta->reshardTimesMs.append(t.toLongLong());
        meta->dataKeyVersion = streams->columnInt64(12);
        ws.nextStreamId = std::max(ws.nextStreamId, meta->id + 1);
        byId.insert(meta->id, meta);
    }
    auto shards = db.prepare(
        "SELECT stream_id, shard_index, parent_index, adjacent_parent_index, start_hash, "
        "end_hash, start_counter, end_counter, created_ms, closed_ms FROM shards "
        "ORDER BY stream_id, shard_index");
    if (!shards)
        return std::unexpected(shards.error());
    while (shards->step() == SQLITE_ROW) {
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
    auto tags = db.prepare("SELECT stream_id, key, value FROM tags");
    if (!tags)
        return std::unexpected(tags.error());
    while (tags->step() == SQLITE_ROW) {
        if (auto meta = byId.value(tags->columnInt64(0)))
            meta->tags.insert(tags->columnText(1), tags->columnText(2));
    }
    auto consumers =
        db.prepare("SELECT stream_id, name, status, status_until_ms, created_ms FROM consumers");
    if (!consumers)
        return std::unexpected(consumers.error());
    while (consumers->step() == SQLITE_ROW) {
        if (auto meta = byId.value(consumers->columnInt64(0))) {
            ConsumerMeta consumer;
            consumer.name = consumers->columnText(1);
            consumer.status = static_cast<ConsumerStatus>(consumers->columnInt64(2));
            consumer.statusUntilMs = consumers->columnInt64(3);
            consumer.createdMs = consumers->columnInt64(4);
            // CREATING time that ran out while the database was closed; gone ones stay until
            // housekeeping removes their rows.
            consumer.status = consumer.effectiveStatus(nowMs);
            meta->consumers.insert(consumer.name, consumer);
        }
    }
    auto consumerTags =
        db.prepare("SELECT stream_id, consumer_name, key, value FROM consumer_tags");
    if (!consumerTags)
        return std::unexpected(consumerTags.error());
    while (consumerTags->step() == SQLITE_ROW) {
        auto meta = byId.value(consumerTags->columnInt64(0));
        if (!meta)
            continue;
        const auto consumer = meta->consumers.find(consumerTags->columnText(1));
        if (consumer != meta->consumers.end())
            consumer->tags.insert(consumerTags->columnText(2), consumerTags->columnText(3));
    }
    for (const auto &meta : std::as_const(byId)) {
        meta->rebuildDerived();
        // A state change that finished while the database was closed is simply the state now.
        if (meta->effectiveStatus(nowMs) == StreamStatus::Active)
            meta->status = StreamStatus::Active;
        if (meta->isGone(nowMs) || ws.working.streams.contains(meta->name)) {
            ws.purge.append(meta->id);
            continue;
        }
        ws.working.streams.insert(meta->name, meta);
    }
    ws.catalogDirty = true;
    return {};
}

void Engine::publish()
{
    auto snapshot = std::make_shared<const Catalog>(m_writerState->working);
    {
        std::lock_guard lock(m_catalogMutex);
        m_published = std::move(snapshot);
    }
    if (m_writerState->catalogDirty) {
        m_writerState->catalogDirty = false;
        m_catalogChangedPending = true;
    }
}

void Engine::afterGroup()
{
    WriterState &ws = *m_writerState;
    if (m_catalogChangedPending) {
        m_catalogChangedPending = false;
        emit catalogChanged();
    }
    for (const auto &appended : std::as_const(ws.appended)) {
        emit recordsAppended(appended.streamName, ShardId::format(appended.shard),
                             appended.last.toString(), appended.count);
    }
    ws.appended.clear();
}

std::shared_ptr<const Catalog> Engine::snapshot() const
{
    std::lock_guard lock(m_catalogMutex);
    return m_published;
}

template<typename T>
std::expected<T, Error> Engine::write(std::function<std::expected<T, Error>(SqliteDb &)> body)
{
    auto result = std::make_shared<std::optional<std::expected<T, Error>>>();
    std::promise<void> finished;
    auto future = finished.get_future();
    bool committed = false;
    m_writer->submit(WriterThread::Job{
        [&body, result](SqliteDb &db) {
            *result = body(db);
            return result->value().has_value();
        },
        [&finished, &committed](bool ok) {
            committed = ok;
            finished.set_value();
        }});
    future.wait();
    if (!committed)
        return std::unexpected(Error::internal(QStringLiteral("The database could not commit.")));
    return std::move(**result);
}

QString Engine::streamArn(const QString &streamName) const
{
    return StreamArn{QStringLiteral("aws"), m_options.region, m_options.account, streamName}
        .toString();
}

Error Engine::notFound(const QString &name) const
{
    return Error::streamNotFound(name, m_options.account);
}

Error Engine::notActive(const StreamMeta &stream, qint64 nowMs) const
{
    return Error{ErrorType::ResourceInUse,
                 u"Stream " % stream.name % u" under account " % m_options.account %
                     u" not ACTIVE, instead in state " % toWire(stream.effectiveStatus(nowMs))};
}

std::expected<StreamMetaPtr, Error> Engine::resolveArn(const QString &arn, const QString &field) const
{
    Q_UNUSED(field);
    const auto parsed = StreamArn::parse(arn);
    if (!parsed)
        return std::unexpected(notFound(arn));
    if (parsed->account != m_options.account || parsed->region != m_options.region)
        return std::unexpected(notFound(parsed->streamName));
    const auto catalog = snapshot();
    const StreamMetaPtr stream = catalog->streams.value(parsed->streamName);
    if (!stream || stream->isGone(now()))
        return std::unexpected(notFound(parsed->streamName));
    return stream;
}

std::expected<StreamMetaPtr, Error> Engine::resolve(const StreamTarget &target,
                                                    const QString &nameField) const
{
    ValidationErrors v;
    checkName(v, nameField, target.streamName, false);
    checkArn(v, QStringLiteral("streamARN"), target.streamArn, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    if (target.streamName.isNull() && target.streamArn.isNull())
        return std::unexpected(
            invalidArgument(QStringLiteral("Either StreamName or StreamARN should be provided.")));
    QString name = target.streamName;
    if (!target.streamArn.isNull()) {
        const auto parsed = StreamArn::parse(target.streamArn);
        if (!name.isNull() && parsed->streamName != name)
            return std::unexpected(invalidArgument(
                QStringLiteral("StreamARN and StreamName do not refer to the same stream.")));
        if (parsed->account != m_options.account || parsed->region != m_options.region)
            return std::unexpected(notFound(parsed->streamName));
        name = parsed->streamName;
    }
    const auto catalog = snapshot();
    const StreamMetaPtr stream = catalog->streams.value(name);
    if (!stream || stream->isGone(now()))
        return std::unexpected(notFound(name));
    return stream;
}

// ---------------------------------------------------------------------------------------------
// Streams

std::expected<void, Error> Engine::createStream(const CreateStreamRequest &request)
{
    ValidationErrors v;
    const bool onDemand = request.streamMode == StreamMode::OnDemand;
    if (!onDemand && !request.shardCount)
        v.addNull(QStringLiteral("shardCount"));
    checkRange(v, QStringLiteral("shardCount"), request.shardCount, 1, 100000);
    checkName(v, QStringLiteral("streamName"), request.streamName, true);
    checkRange(v, QStringLiteral("maxRecordSizeInKiB"), request.maxRecordSizeInKiB, 1024, 10240);
    if (!request.tags.isEmpty())
        checkTagMap(v, request.tags);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    if (onDemand && request.shardCount)
        return std::unexpected(invalidArgument(
            QStringLiteral("ShardCount must not be specified for a stream in ON_DEMAND mode.")));
    if (request.tags.size() > kMaxTagsPerStream)
        return std::unexpected(invalidArgument(
            u"Failed to add tags to stream " % request.streamName % u" under account " %
            m_options.account % u" because a given stream cannot have more than 50 tags associated with it."));
    for (auto it = request.tags.cbegin(); it != request.tags.cend(); ++it) {
        if (!tagTextIsValid(it.key()) || !tagTextIsValid(it.value()))
            return std::unexpected(invalidArgument(QStringLiteral(
                "Some tags contain invalid characters. Valid characters: Unicode letters, digits, "
                "white space, _ . / = + - % @.")));
        if (it.key().contains(u'%') || it.value().contains(u'%'))
            return std::unexpected(invalidArgument(
                u"Failed to add tags to stream " % request.streamName % u" under account " %
                m_options.account %
                u" because some tags contained illegal characters. The allowed characters are "
                u"Unicode letters, white-spaces, '_',',','/','=','+','-','@'."));
    }

    return write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        WriterState &ws = *m_writerState;
        const qint64 nowMs = now();
        if (const StreamMetaPtr existing = ws.working.streams.value(request.streamName)) {
            if (!existing->isGone(nowMs))
                return std::unexpected(Error{ErrorType::ResourceInUse,
                                             u"Stream " % request.streamName % u" under account " %
                                                 m_options.account % u" already exists."});
        }
        int openShards = 0;
        int onDemandStreams = 0;
        for (const StreamMetaPtr &s : std::as_const(ws.working.streams)) {
            if (s->isGone(nowMs))
                continue;
            // The account's shard limit covers provisioned streams only.
            if (s->mode == StreamMode::OnDemand)
                onDemandStreams++;
            else
                openShards += s->openShardCount();
        }
        const int shardCount = onDemand ? kOnDemandInitialShards : *request.shardCount;
        if (onDemand && onDemandStreams + 1 > m_options.onDemandStreamCountLimit)
            return std::unexpected(Error{
                ErrorType::LimitExceeded,
                QStringLiteral("This request would exceed the on-demand stream count limit for the "
                               "account %1 in %2. Current on-demand stream count: %3. Limit: %4.")
                    .arg(m_options.account, m_options.region)
                    .arg(onDemandStreams)
                    .arg(m_options.onDemandStreamCountLimit)});
        if (!onDemand && openShards + shardCount > m_options.shardLimit)
            return std::unexpected(Error{
                ErrorType::LimitExceeded,
                QStringLiteral("This request would exceed the shard limit for the account %1 in %2. "
                               "Current shard count for the account: %3. Limit: %4. Number of "
                               "additional shards that would have resulted from this request: %5. "
                               "Refer to the AWS Service Limits page "
                               "(http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) "
                               "for current limits and how to request higher limits.")
                    .arg(m_options.account, m_options.region)
                    .arg(openShards)
                    .arg(m_options.shardLimit)
                    .arg(shardCount)});

        auto meta = std::make_shared<StreamMeta>();
        meta->id = ws.nextStreamId;
        meta->name = request.streamName;
        meta->status = StreamStatus::Creating;
        meta->statusUntilMs = nowMs + m_options.createDelayMs;
        meta->mode = onDemand ? StreamMode::OnDemand : StreamMode::Provisioned;
        meta->createdMs = nowMs;
        meta->maxRecordSizeKiB = request.maxRecordSizeInKiB.value_or(1024);
        meta->tags = request.tags;
        const qint64 firstCounter = SequenceNumber::counterAt(nowMs);
        const QList<HashKeyRange> ranges = HashKeyRange::evenSplit(shardCount);
        for (int i = 0; i < shardCount; ++i) {
            ShardMeta shard;
            shard.index = quint32(i);
            shard.range = ranges[i];
            shard.startCounter = firstCounter;
            shard.createdMs = nowMs;
            meta->shards.append(shard);
        }
        meta->rebuildDerived();
        ws.nextCounter.insert(meta->id, firstCounter);
        if (auto r = persistStream(db, *meta, true); !r) {
            ws.nextCounter.remove(meta->id);
            return r;
        }
        if (const StreamMetaPtr old = ws.working.streams.value(request.streamName))
            ws.purge.append(old->id);
        ws.nextStreamId++;
        ws.working.streams.insert(meta->name, meta);
        ws.catalogDirty = true;
        return {};
    });
}

std::expected<void, Error> Engine::persistStream(SqliteDb &db, const StreamMeta &stream,
                                                 bool withShards)
{
    auto upsert = db.prepare(
        "INSERT OR REPLACE INTO streams(id, name, status, status_until_ms, mode, retention_hours, "
        "created_ms, max_record_kib, encryption_type, key_id, next_counter, reshard_times, "
        "data_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
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
    upsert->bind(11, m_writerState->nextCounter.value(stream.id));
    upsert->bind(12, reshardTimes.join(u','));
    upsert->bind(13, stream.dataKeyVersion);
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

std::expected<void, Error> Engine::deleteStream(const DeleteStreamRequest &request)
{
    auto resolved = resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    return write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        WriterState &ws = *m_writerState;
        const qint64 nowMs = now();
        const StreamMetaPtr current = ws.working.streams.value(name);
        if (!current || current->isGone(nowMs))
            return std::unexpected(notFound(name));
        if (current->status == StreamStatus::Deleting)
            return {}; // already on its way out
        // Consumers already deregistering do not hold the stream back.
        bool hasConsumers = false;
        for (const ConsumerMeta &consumer : current->consumers)
            hasConsumers = hasConsumers || consumer.status != ConsumerStatus::Deleting;
        if (hasConsumers && !request.enforceConsumerDeletion)
            return std::unexpected(Error{
                ErrorType::ResourceInUse,
                u"DeleteStream can\u2019t delete " % m_options.account % u':' % name %
                    u" because there are consumers associated with this data stream. To delete " %
                    name %
                    u" anyway, set the EnforceConsumerDeletion parameter to true to force the "
                    u"deletion of all the consumers that are associated with it."});
        auto meta = std::make_shared<StreamMeta>(*current);
        meta->status = StreamStatus::Deleting;
        meta->statusUntilMs = nowMs + m_options.deleteDelayMs;
        if (auto r = persistStream(db, *meta, false); !r)
            return r;
        // Its consumers go with it.
        for (ConsumerMeta &consumer : meta->consumers) {
            if (consumer.isGone(nowMs))
                continue;
            consumer.status = ConsumerStatus::Deleting;
            consumer.statusUntilMs = meta->statusUntilMs;
            if (auto r = persistConsumer(db, meta->id, consumer); !r)
                return r;
        }
        ws.working.streams.insert(name, meta);
        ws.catalogDirty = true;
        return {};
    });
}

std::expected<ListStreamsResponse, Error> Engine::listStreams(const ListStreamsRequest &request) const
{
    ValidationErrors v;
    checkRange(v, QStringLiteral("limit"), request.limit, 1, 10000);
    checkName(v, QStringLiteral("exclusiveStartStreamName"), request.exclusiveStartStreamName, false);
    checkLength(v, QStringLiteral("nextToken"), request.nextToken, 1, 1048576);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    const qint64 nowMs = now();
    QString after = request.exclusiveStartStreamName;
    if (!request.nextToken.isNull()) {
        const auto payload = m_tokens->open(request.nextToken);
        QDataStream in(payload.value_or(QByteArray()));
        quint8 kind = 0;
        qint64 issued = 0;
        in >> kind >> issued >> after;
        if (!payload || in.status() != QDataStream::Ok || kind != quint8(TokenKind::ListStreams))
            return std::unexpected(invalidArgument(QStringLiteral("Invalid NextToken.")));
        if (nowMs - issued > kNextTokenLifetimeMs)
            return std::unexpected(Error{ErrorType::ExpiredNextToken,
                                         QStringLiteral("The requested token has expired.")});
    }
    const int limit = request.limit.value_or(100);
    ListStreamsResponse response;
    const auto catalog = snapshot();
    for (auto it = catalog->streams.upperBound(after); it != catalog->streams.cend(); ++it) {
        const StreamMeta &s = **it;
        if (s.isGone(nowMs))
            continue;
        if (response.streamNames.size() == limit) {
            response.hasMoreStreams = true;
            break;
        }
        response.streamNames.append(s.name);
        response.streamSummaries.append(StreamSummary{s.name, streamArn(s.name),
                                                      s.effectiveStatus(nowMs), s.mode,
                                                      s.createdMs});
    }
    if (response.hasMoreStreams) {
        QByteArray payload;
        QDataStream out(&payload, QIODevice::WriteOnly);
        out << quint8(TokenKind::ListStreams) << nowMs << response.streamNames.last();
        response.nextToken = m_tokens->seal(payload);
    }
    return response;
}

std::expected<StreamDescription, Error> Engine::describeStream(const DescribeStreamRequest &request) const
{
    ValidationErrors v;
    checkRange(v, QStringLiteral("limit"), request.limit, 1, 10000);
    checkName(v, QStringLiteral("exclusiveStartShardId"), request.exclusiveStartShardId, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &s = **resolved;
    const qint64 nowMs = now();
    StreamDescription d;
    d.streamName = s.name;
    d.streamArn = streamArn(s.name);
    d.streamStatus = s.effectiveStatus(nowMs);
    d.streamMode = s.mode;
    d.retentionPeriodHours = s.retentionHours;
    d.streamCreationTimestamp = s.createdMs;
    d.encryptionType = s.encryptionType;
    d.keyId = s.keyId;
    const int limit = request.limit.value_or(100);
    qint64 after = -1;
    if (!request.exclusiveStartShardId.isNull()) {
        if (const auto index = ShardId::parse(request.exclusiveStartShardId))
            after = *index;
    }
    // A stream being created shows no shards yet, as in Kinesis.
    if (d.streamStatus == StreamStatus::Creating)
        return d;
    for (const ShardMeta &shard : s.shards) {
        if (qint64(shard.index) <= after || !s.isListed(shard, nowMs))
            continue;
        if (d.shards.size() == limit) {
            d.hasMoreShards = true;
            break;
        }
        d.shards.append(toApi(shard));
    }
    return d;
}

std::expected<StreamDescriptionSummary, Error> Engine::describeStreamSummary(const StreamTarget &target) const
{
    auto resolved = resolve(target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &s = **resolved;
    const qint64 nowMs = now();
    StreamDescriptionSummary d;
    d.streamName = s.name;
    d.streamArn = streamArn(s.name);
    d.streamStatus = s.effectiveStatus(nowMs);
    d.streamMode = s.mode;
    d.retentionPeriodHours = s.retentionHours;
    d.streamCreationTimestamp = s.createdMs;
    d.encryptionType = s.encryptionType;
    d.keyId = s.keyId;
    d.openShardCount = s.openShardCount();
    d.consumerCount = s.consumerCount(nowMs);
    d.maxRecordSizeInKiB = s.maxRecordSizeKiB;
    return d;
}

std::expected<ListShardsResponse, Error> Engine::listShards(const ListShardsRequest &request) const
{
    ValidationErrors v;
    checkRange(v, QStringLiteral("maxResults"), request.maxResults, 1, 10000);
    checkName(v, QStringLiteral("exclusiveStartShardId"), request.exclusiveStartShardId, false);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    checkLength(v, QStringLiteral("nextToken"), request.nextToken, 1, 1048576);
    checkArn(v, QStringLiteral("streamARN"), request.target.streamArn, false);
    if (request.shardFilter)
        checkName(v, QStringLiteral("shardFilter.shardId"), request.shardFilter->shardId, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());

    const bool hasToken = !request.nextToken.isNull();
    if (hasToken) {
        if (!request.target.streamName.isNull())
            return std::unexpected(invalidArgument(
                QStringLiteral("NextToken and StreamName cannot be provided together.")));
        if (!request.exclusiveStartShardId.isNull())
            return std::unexpected(invalidArgument(
                QStringLiteral("NextToken and ExclusiveStartShardId cannot be provided together.")));
        if (request.shardFilter)
            return std::unexpected(invalidArgument(
                QStringLiteral("NextToken and ShardFilter cannot be provided together.")));
        if (request.streamCreationTimestamp)
            return std::unexpected(invalidArgument(QStringLiteral(
                "NextToken and StreamCreationTimestamp cannot be provided together.")));
    } else if (request.target.streamName.isNull() && request.target.streamArn.isNull()) {
        return std::unexpected(
            invalidArgument(QStringLiteral("Either NextToken or StreamName should be provided.")));
    }

    const qint64 nowMs = now();
    StreamTarget target = request.target;
    qint64 after = -1;
    std::optional<ShardFilter> filter = request.shardFilter;
    if (hasToken) {
        const auto payload = m_tokens->open(request.nextToken);
        QDataStream in(payload.value_or(QByteArray()));
        quint8 kind = 0;
        qint64 issued = 0;
        qint64 streamId = 0;
        QString name;
        bool hasFilter = false;
        qint32 filterType = 0;
        QString filterShard;
        qint64 filterTime = 0;
        bool hasFilterTime = false;
        in >> kind >> issued >> streamId >> name >> after >> hasFilter >> filterType >>
            filterShard >> hasFilterTime >> filterTime;
        if (!payload || in.status() != QDataStream::Ok || kind != quint8(TokenKind::ListShards))
            return std::unexpected(invalidArgument(QStringLiteral("Invalid NextToken.")));
        if (nowMs - issued > kNextTokenLifetimeMs)
            return std::unexpected(Error{ErrorType::ExpiredNextToken,
                                         QStringLiteral("The requested token has expired.")});
        target = StreamTarget::byName(name);
        if (hasFilter) {
            filter = ShardFilter{static_cast<ShardFilterType>(filterType), filterShard,
                                 hasFilterTime ? std::optional<qint64>(filterTime) : std::nullopt};
        }
        auto resolved = resolve(target);
        if (resolved && (*resolved)->id != streamId)
            return std::unexpected(invalidArgument(QStringLiteral("Invalid NextToken.")));
    } else if (!request.exclusiveStartShardId.isNull()) {
        if (const auto index = ShardId::parse(request.exclusiveStartShardId))
            after = *index;
    }

    auto resolved = resolve(target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &s = **resolved;
    if (request.streamCreationTimestamp && *request.streamCreationTimestamp / 1000 != s.createdMs / 1000)
        return std::unexpected(notFound(s.name));

    // Which shards the filter keeps.
    std::function<bool(const ShardMeta &)> keep = [&](const ShardMeta &shard) {
        return s.isListed(shard, nowMs);
    };
    if (filter) {
        auto openAt = [](const ShardMeta &shard, qint64 t) {
            // A shard closed exactly at t was still open at t (the ShardFilter rule).
            return shard.createdMs <= t && (!shard.closedMs || *shard.closedMs >= t);
        };
        const qint64 horizon = s.trimHorizonMs(nowMs);
        switch (filter->type) {
        case ShardFilterType::AfterShardId: {
            if (filter->shardId.isNull())
                return std::unexpected(invalidArgument(QStringLiteral(
                    "ShardId must be supplied in a ShardFilter with a Type of AFTER_SHARD_ID")));
            const auto index = ShardId::parse(filter->shardId);
            const qint64 bound = index ? qint64(*index) : -1;
            keep = [&s, nowMs, bound](const ShardMeta &shard) {
                return qint64(shard.index) > bound && s.isListed(shard, nowMs);
            };
            break;
        }
        case ShardFilterType::AtLatest:
            keep = [](const ShardMeta &shard) { return shard.isOpen(); };
            break;
        case ShardFilterType::AtTrimHorizon:
            keep = [openAt, horizon](const ShardMeta &shard) { return openAt(shard, horizon); };
            break;
        case ShardFilterType::FromTrimHorizon:
            keep = [horizon](const ShardMeta &shard) {
                return !shard.closedMs || *shard.closedMs >= horizon;
            };
            break;
        case ShardFilterType::AtTimestamp:
        case ShardFilterType::FromTimestamp: {
            if (!filter->timestamp)
                return std::unexpected(invalidArgument(
                    QStringLiteral("Timestamp must be supplied in a ShardFilter with a Type of "
                                   "FROM_TIMESTAMP or AT_TIMESTAMP")));
            // A time before the stream existed means its first shards; one before the trim
            // horizon means the horizon, since older shards hold no readable records.
            const qint64 t = std::max(*filter->timestamp, horizon);
            if (filter->type == ShardFilterType::AtTimestamp)
                keep = [openAt, t](const ShardMeta &shard) { return openAt(shard, t); };
            else
                keep = [t](const ShardMeta &shard) { return !shard.closedMs || *shard.closedMs >= t; };
            break;
        }
        }
    }

    const int limit = request.maxResults.value_or(1000);
    ListShardsResponse response;
    bool more = false;
    for (const ShardMeta &shard : s.shards) {
        if (qint64(shard.index) <= after || !keep(shard))
            continue;
        if (response.shards.size() == limit) {
            more = true;
            break;
        }
        response.shards.append(toApi(shard));
    }
    if (more) {
        QByteArray payload;
        QDataStream out(&payload, QIODevice::WriteOnly);
        const qint64 last = *ShardId::parse(response.shards.last().shardId);
        out << quint8(TokenKind::ListShards) << nowMs << s.id << s.name << last
            << bool(filter.has_value()) << qint32(filter ? int(filter->type) : 0)
            << (filter ? filter->shardId : QString()) << bool(filter && filter->timestamp)
            << (filter && filter->timestamp ? *filter->timestamp : qint64(0));
        response.nextToken = m_tokens->seal(payload);
    }
    return response;
}

// ---------------------------------------------------------------------------------------------
// Records

std::expected<Engine::PutOutcome, Error> Engine::appendRecords(SqliteDb &db, const StreamMeta &stream,
                                                               const QList<PutInput> &inputs)
{
    WriterState &ws = *m_writerState;
    const qint64 nowMs = now();
    PutOutcome outcome;
    outcome.sequenceNumbers.reserve(inputs.size());
    SqliteStatement &insert = ws.insertRecord;
    const qint64 counterBefore = ws.nextCounter.value(stream.id);
    std::shared_ptr<const DataKey> dataKey;
    if (stream.encryptionType == EncryptionType::Kms) {
        auto found = this->dataKey(stream.dataKeyVersion, db, LocalKms::View::Working);
        if (!found)
            return std::unexpected(found.error());
        if (auto usable = m_kms->checkUsable((*found)->kmsKeyId, LocalKms::View::Working); !usable)
            return std::unexpected(usable.error());
        dataKey = std::move(*found);
        outcome.encryptionType = EncryptionType::Kms;
    }
    for (const PutInput &input : inputs) {
        const ShardMeta &shard = stream.routeTo(input.hashKey);
        const qint64 counter = ws.takeCounter(stream.id, nowMs);
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
                ws.nextCounter[stream.id] = counterBefore;
                return std::unexpected(Error::internal(QStringLiteral("Encrypting a record failed.")));
            }
            insert.bind(6, *sealed);
            insert.bind(7, stream.dataKeyVersion);
        } else {
            insert.bind(6, input.data);
        }
        if (insert.step() != SQLITE_DONE) {
            ws.nextCounter[stream.id] = counterBefore;
            return std::unexpected(db.lastError("insert record"));
        }
        outcome.sequenceNumbers.append(SequenceNumber{counter, shard.index});
    }
    insert.reset();
    ws.updateCounter.reset();
    ws.updateCounter.bind(1, stream.id);
    ws.updateCounter.bind(2, ws.nextCounter.value(stream.id));
    if (ws.updateCounter.step() != SQLITE_DONE) {
        ws.nextCounter[stream.id] = counterBefore;
        return std::unexpected(db.lastError("update counter"));
    }
    // One announcement per shard: runs of records to the same shard touch the map once.
    for (qsizetype i = 0; i < outcome.sequenceNumbers.size();) {
        const SequenceNumber &first = outcome.sequenceNumbers[i];
        qsizetype j = i + 1;
        while (j < outcome.sequenceNumbers.size() &&
               outcome.sequenceNumbers[j].shardIndex == first.shardIndex)
            ++j;
        auto &entry = ws.appended[qMakePair(stream.id, first.shardIndex)];
        entry.streamName = stream.name;
        entry.shard = first.shardIndex;
        entry.last = outcome.sequenceNumbers[j - 1];
        entry.count += int(j - i);
        i = j;
    }
    return outcome;
}

std::expected<PutRecordResponse, Error> Engine::putRecord(const PutRecordRequest &request)
{
    ValidationErrors v;
    if (request.sequenceNumberForOrdering &&
        !SequenceNumber::matchesWirePattern(*request.sequenceNumberForOrdering))
        v.pattern(QStringLiteral("sequenceNumberForOrdering"), *request.sequenceNumberForOrdering,
                  kSequencePattern);
    if (request.partitionKey.isNull())
        v.addNull(QStringLiteral("partitionKey"));
    else
        checkLength(v, QStringLiteral("partitionKey"), request.partitionKey, 1, 256);
    if (request.explicitHashKey && !QRegularExpression(QStringLiteral("^(0|[1-9]\\d{0,38})$"))
                                        .match(*request.explicitHashKey)
                                        .hasMatch())
        v.pattern(QStringLiteral("explicitHashKey"), *request.explicitHashKey, kHashKeyPattern);
    if (request.data.isNull())
        v.addNull(QStringLiteral("data"));
    else if (request.data.size() > 10 * 1024 * 1024)
        v.lengthAtMost(QStringLiteral("data"), blobDescription(request.data.size()), 10 * 1024 * 1024);
    if (!v.isEmpty())
        return std::unexpected(v.toError());

    PutInput input;
    input.data = request.data;
    input.partitionKey = request.partitionKey.toUtf8();
    if (request.explicitHashKey) {
        const auto key = HashKey::fromDecimal(*request.explicitHashKey);
        if (!key)
            return std::unexpected(invalidArgument(
                u"Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. "
                u"Specified value was " % *request.explicitHashKey));
        input.explicitHashKey = key;
        input.hashKey = *key;
    } else {
        input.hashKey = HashKey::fromPartitionKey(request.partitionKey);
    }

    auto resolved = resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &stream = **resolved;
    const qint64 nowMs = now();
    const StreamStatus status = stream.effectiveStatus(nowMs);
    if (status != StreamStatus::Active && status != StreamStatus::Updating)
        return std::unexpected(notFound(stream.name));
    if (request.sequenceNumberForOrdering) {
        const auto seq = SequenceNumber::parse(*request.sequenceNumberForOrdering);
        if (!seq || seq->arrivalMs() > nowMs)
            return std::unexpected(invalidArgument(
                u"ExclusiveMinimumSequenceNumber " % *request.sequenceNumberForOrdering %
                u" used in PutRecord on stream " % stream.name % u" under account " %
                m_options.account % u" is invalid."));
    }
    const qint64 maxBytes = qint64(stream.maxRecordSizeKiB) * 1024;
    if (request.data.size() > maxBytes)
        return std::unexpected(Error::validation(
            {u"Value '" % blobDescription(request.data.size()) %
             u"' at 'data' failed to satisfy constraint: Member must have length less than or "
             u"equal to " % QString::number(maxBytes)}));

    const QString name = stream.name;
    auto outcome = write<PutOutcome>([&](SqliteDb &db) -> std::expected<PutOutcome, Error> {
        const StreamMetaPtr current = m_writerState->working.streams.value(name);
        if (!current || current->isGone(now()))
            return std::unexpected(notFound(name));
        return appendRecords(db, *current, {input});
    });
    if (!outcome)
        return std::unexpected(outcome.error());
    const SequenceNumber seq = outcome->sequenceNumbers.front();
    return PutRecordResponse{ShardId::format(seq.shardIndex), seq, outcome->encryptionType};
}

std::expected<PutRecordsResponse, Error> Engine::putRecords(const PutRecordsRequest &request)
{
    ValidationErrors v;
    if (request.records.isEmpty())
        v.add(QStringLiteral("records"), QStringLiteral("[]"),
              QStringLiteral("Member must have length greater than or equal to 1"));
    else if (request.records.size() > 500)
        v.add(QStringLiteral("records"),
              QStringLiteral("[com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@%1 ...]")
                  .arg(request.records.size()),
              QStringLiteral("Member must have length less than or equal to 500"));
    static const QRegularExpression hashKeyPattern(QStringLiteral("^(0|[1-9]\\d{0,38})$"));
    for (qsizetype i = 0; i < request.records.size(); ++i) {
        const PutRecordsRequestEntry &e = request.records[i];
        const QString path = u"records." % QString::number(i + 1) % u".member.";
        if (e.partitionKey.isNull())
            v.addNull(path % u"partitionKey");
        else
            checkLength(v, path % u"partitionKey", e.partitionKey, 1, 256);
        if (e.explicitHashKey && !hashKeyPattern.match(*e.explicitHashKey).hasMatch())
            v.pattern(path % u"explicitHashKey", *e.explicitHashKey, kHashKeyPattern);
        if (e.data.isNull())
            v.addNull(path % u"data");
        else if (e.data.size() > 10 * 1024 * 1024)
            v.lengthAtMost(path % u"data", blobDescription(e.data.size()), 10 * 1024 * 1024);
    }
    if (!v.isEmpty())
        return std::unexpected(v.toError());

    qint64 totalBytes = 0;
    QList<PutInput> inputs;
    inputs.reserve(request.records.size());
    for (const PutRecordsRequestEntry &e : request.records) {
        PutInput input;
        input.data = e.data;
        input.partitionKey = e.partitionKey.toUtf8();
        const QByteArray &pkUtf8 = input.partitionKey;
        totalBytes += e.data.size() + pkUtf8.size();
        if (e.explicitHashKey) {
            const auto key = HashKey::fromDecimal(*e.explicitHashKey);
            if (!key)
                return std::unexpected(invalidArgument(
                    u"Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. "
                    u"Specified value was " % *e.explicitHashKey));
            input.explicitHashKey = key;
            input.hashKey = *key;
        } else {
            const QByteArray digest = QCryptographicHash::hash(pkUtf8, QCryptographicHash::Md5);
            input.hashKey =
                HashKey::fromBigEndian(reinterpret_cast<const unsigned char *>(digest.constData()));
        }
        inputs.append(std::move(input));
    }
    if (totalBytes > kPutRecordsMaxBytes)
        return std::unexpected(invalidArgument(QStringLiteral("Records size exceeds 5 MB limit")));

    auto resolved = resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &stream = **resolved;
    const StreamStatus status = stream.effectiveStatus(now());
    if (status != StreamStatus::Active && status != StreamStatus::Updating)
        return std::unexpected(notFound(stream.name));

    // Records over the stream's maximum record size fail alone, as Kinesis reports them.
    const qint64 maxBytes = qint64(stream.maxRecordSizeKiB) * 1024;
    PutRecordsResponse response;
    response.encryptionType = stream.encryptionType;
    response.records.resize(inputs.size());
    QList<PutInput> accepted;
    QList<qsizetype> acceptedAt;
    accepted.reserve(inputs.size());
    acceptedAt.reserve(inputs.size());
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const qint64 size = inputs[i].data.size();
        if (size > maxBytes) {
            response.records[i].errorCode = QStringLiteral("InvalidArgumentException");
            response.records[i].errorMessage =
                QStringLiteral("Record size %1 bytes exceeds the maximum record size of %2 KiB "
                               "for stream %3 under account %4.")
                    .arg(size)
                    .arg(stream.maxRecordSizeKiB)
                    .arg(stream.name, m_options.account);
            response.failedRecordCount++;
            continue;
        }
        accepted.append(std::move(inputs[i]));
        acceptedAt.append(i);
    }
    if (accepted.isEmpty())
        return response;

    const QString name = stream.name;
    auto outcome = write<PutOutcome>([&](SqliteDb &db) -> std::expected<PutOutcome, Error> {
        const StreamMetaPtr current = m_writerState->working.streams.value(name);
        if (!current || current->isGone(now()))
            return std::unexpected(notFound(name));
        return appendRecords(db, *current, accepted);
    });
    if (!outcome)
        return std::unexpected(outcome.error());
    response.encryptionType = outcome->encryptionType;
    for (qsizetype j = 0; j < acceptedAt.size(); ++j) {
        const SequenceNumber seq = outcome->sequenceNumbers[j];
        PutRecordsResultEntry &entry = response.records[acceptedAt[j]];
        entry.sequenceNumber = seq;
        entry.shardId = ShardId::format(seq.shardIndex);
    }
    return response;
}

std::expected<GetShardIteratorResponse, Error> Engine::getShardIterator(const GetShardIteratorRequest &request) const
{
    ValidationErrors v;
    if (request.shardId.isNull())
        v.addNull(QStringLiteral("shardId"));
    else
        checkName(v, QStringLiteral("shardId"), request.shardId, true);
    if (request.startingSequenceNumber &&
        !SequenceNumber::matchesWirePattern(*request.startingSequenceNumber))
        v.pattern(QStringLiteral("startingSequenceNumber"), *request.startingSequenceNumber,
                  kSequencePattern);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    checkArn(v, QStringLiteral("streamARN"), request.target.streamArn, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());

    const auto index = ShardId::parse(request.shardId);
    const QString streamLabel = targetLabel(request.target);
    if (!index)
        return std::unexpected(Error{ErrorType::ResourceNotFound,
                                     u"Could not find shard " % request.shardId % u" in stream " %
                                         streamLabel % u" under account " % m_options.account % u'.'});
    const QString shardId = ShardId::format(*index);
    auto resolved = resolve(request.target);
    if (!resolved) {
        if (resolved.error().type != ErrorType::ResourceNotFound)
            return std::unexpected(resolved.error());
        return std::unexpected(Error{ErrorType::ResourceNotFound,
                                     u"Shard " % shardId % u" in stream " % streamLabel %
                                         u" under account " % m_options.account % u" does not exist"});
    }
    const StreamMeta &stream = **resolved;
    const qint64 nowMs = now();
    if (*index >= quint32(stream.shards.size()))
        return std::unexpected(Error{ErrorType::ResourceNotFound,
                                     u"Shard " % shardId % u" in stream " % stream.name %
                                         u" under account " % m_options.account % u" does not exist"});
    const ShardMeta &shard = stream.shards[*index];

    const ShardIteratorType type = request.shardIteratorType;
    const bool needsSequence = type == ShardIteratorType::AtSequenceNumber ||
                               type == ShardIteratorType::AfterSequenceNumber;
    const QString prefix = QStringLiteral(
        "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and "
        "StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. "
        "Request specified ");
    if (needsSequence && !request.startingSequenceNumber)
        return std::unexpected(
            invalidArgument(prefix % toWire(type) % u" and no StartingSequenceNumber."));
    if ((type == ShardIteratorType::TrimHorizon || type == ShardIteratorType::Latest) &&
        request.startingSequenceNumber)
        return std::unexpected(
            invalidArgument(prefix % toWire(type) % u" and also a StartingSequenceNumber."));

    qint64 position = 0;
    switch (type) {
    case ShardIteratorType::TrimHorizon:
        position = 0; // reads clamp to the trim horizon
        break;
    case ShardIteratorType::Latest: {
        if (shard.endCounter) {
            position = *shard.endCounter + 1;
            break;
        }
        auto reader = m_readers->acquire();
        if (!reader)
            return std::unexpected(reader.error());
        SqliteStatement &last = (*reader)->lastSequence;
        last.bind(1, stream.id);
        last.bind(2, qint64(shard.index));
        if (last.step() == SQLITE_ROW && !last.columnIsNull(0))
            position = last.columnInt64(0) + 1;
        else
            position = shard.startCounter;
        last.reset();
        break;
    }
    case ShardIteratorType::AtSequenceNumber:
    case ShardIteratorType::AfterSequenceNumber: {
        const QString &text = *request.startingSequenceNumber;
        const auto seq = SequenceNumber::parse(text);
        if (!seq)
            return std::unexpected(invalidArgument(
                u"StartingSequenceNumber " % text % u" used in GetShardIterator on shard " %
                shardId % u" in stream " % stream.name % u" under account " % m_options.account %
                u" is invalid."));
        if (seq->shardIndex != shard.index)
            return std::unexpected(invalidArgument(
                u"Invalid StartingSequenceNumber. It encodes " % ShardId::format(seq->shardIndex) %
                u", while it was used in a call to a shard with " % shardId));
        if (seq->arrivalMs() < stream.createdMs || seq->counter < shard.startCounter ||
            seq->arrivalMs() > nowMs)
            return std::unexpected(invalidArgument(
                u"StartingSequenceNumber " % text % u" used in GetShardIterator on shard " %
                shardId % u" in stream " % stream.name % u" under account " % m_options.account %
                u" is invalid because it did not come from this stream."));
        position = type == ShardIteratorType::AtSequenceNumber ? seq->counter : seq->counter + 1;
        break;
    }
    case ShardIteratorType::AtTimestamp: {
        if (!request.timestamp)
            return std::unexpected(invalidArgument(QStringLiteral(
                "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. "
                "Current request has no timestamp parameter.")));
        if (*request.timestamp > nowMs)
            return std::unexpected(invalidArgument(
                QStringLiteral("The timestampInMillis parameter cannot be greater than the "
                               "currentTimestampInMillis. timestampInMillis: %1, "
                               "currentTimestampInMillis: %2")
                    .arg(*request.timestamp)
                    .arg(nowMs)));
        position = SequenceNumber::counterAt(std::max<qint64>(*request.timestamp, 0));
        break;
    }
    }

    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    out << quint8(TokenKind::ShardIterator) << nowMs << stream.id << stream.createdMs << stream.name
        << shard.index << position;
    return GetShardIteratorResponse{m_tokens->seal(payload)};
}

namespace {

// Collects a page into Record values, for callers that want the response as objects.
class CollectingSink final : public RecordSink
{
public:
    explicit CollectingSink(QList<Record> &records) : m_records(records) {}
    void record(const RecordView &view) override
    {
        Record record;
        record.sequenceNumber = view.sequenceNumber;
        record.approximateArrivalTimestamp = view.approximateArrivalTimestamp;
        record.data = view.data.toByteArray();
        record.partitionKey = QString::fromUtf8(view.partitionKey);
        record.encryptionType = view.encryptionType;
        record.explicitHashKey = view.explicitHashKey;
        m_records.append(std::move(record));
    }

private:
    QList<Record> &m_records;
};

} // namespace

std::expected<GetRecordsResponse, Error> Engine::getRecords(const GetRecordsRequest &request) const
{
    QList<Record> records;
    CollectingSink sink(records);
    auto response = getRecords(request, sink);
    if (response)
        response->records = std::move(records);
    return response;
}

std::expected<GetRecordsResponse, Error> Engine::getRecords(const GetRecordsRequest &request,
                                                            RecordSink &sink) const
{
    ValidationErrors v;
    checkRange(v, QStringLiteral("limit"), request.limit, 1, kGetRecordsMaxRecords);
    if (request.shardIterator.isNull())
        v.addNull(QStringLiteral("shardIterator"));
    else
        checkLength(v, QStringLiteral("shardIterator"), request.shardIterator, 1, 512);
    if (!v.isEmpty())
        return std::unexpected(v.toError());

    const auto payload = m_tokens->open(request.shardIterator);
    QDataStream in(payload.value_or(QByteArray()));
    quint8 kind = 0;
    qint64 issued = 0;
    qint64 streamId = 0;
    qint64 createdMs = 0;
    QString name;
    quint32 shardIndex = 0;
    qint64 position = 0;
    in >> kind >> issued >> streamId >> createdMs >> name >> shardIndex >> position;
    if (!payload || in.status() != QDataStream::Ok || kind != quint8(TokenKind::ShardIterator))
        return std::unexpected(invalidArgument(QStringLiteral("Invalid ShardIterator.")));
    const qint64 nowMs = now();
    if (nowMs - issued > m_options.iteratorLifetimeMs)
        return std::unexpected(Error{
            ErrorType::ExpiredIterator,
            u"Iterator expired. The iterator was created at time " % javaDate(issued) %
                u" while right now it is " % javaDate(nowMs) %
                u" which is further in the future than the tolerated delay of " %
                QString::number(m_options.iteratorLifetimeMs) % u" milliseconds."});

    const auto catalog = snapshot();
    const StreamMetaPtr stream = catalog->streams.value(name);
    const QString shardId = ShardId::format(shardIndex);
    // Like Kinesis, an iterator names its stream and shard, not one incarnation of the stream:
    // after a delete and re-create under the same name it reads the new stream's shard.
    Q_UNUSED(streamId);
    Q_UNUSED(createdMs);
    if (!stream || stream->isGone(nowMs) || shardIndex >= quint32(stream->shards.size()))
        return std::unexpected(Error{ErrorType::ResourceNotFound,
                                     u"Shard " % shardId % u" in stream " % name %
                                         u" under account " % m_options.account % u" does not exist"});
    const ShardMeta &shard = stream->shards[shardIndex];
    const int limit = request.limit.value_or(kGetRecordsMaxRecords);
    const qint64 from =
        std::max(position, SequenceNumber::counterAt(stream->trimHorizonMs(nowMs)));

    GetRecordsResponse response;
    auto reader = m_readers->acquire();
    if (!reader)
        return std::unexpected(reader.error());
    std::shared_ptr<const DataKey> dataKey; // the last one used: pages rarely mix versions
    // An encrypted stream cannot be read while its key is unusable, even when nothing is new.
    if (stream->encryptionType == EncryptionType::Kms) {
        auto found = this->dataKey(stream->dataKeyVersion, *(*reader)->db, LocalKms::View::Published);
        if (!found)
            return std::unexpected(found.error());
        if (auto usable = m_kms->checkUsable((*found)->kmsKeyId); !usable)
            return std::unexpected(usable.error());
        dataKey = std::move(*found);
    }
    SqliteStatement &query = (*reader)->readRecords;
    query.bind(1, stream->id);
    query.bind(2, qint64(shardIndex));
    query.bind(3, from);
    query.bind(4, qint64(limit) + 1);
    qint64 bytes = 0;
    qint64 next = from;
    int count = 0;
    std::optional<qint64> firstUnreadArrival;
    std::optional<Error> failure;
    QByteArray plaintext; // the current sealed record's, opened
    int rc;
    while ((rc = query.step()) == SQLITE_ROW) {
        const qint64 seq = query.columnInt64(0);
        const bool sealed = !query.columnIsNull(4);
        const int size = query.columnBytes(2) - (sealed ? AesGcm::kOverhead : 0);
        if (count == limit || (count > 0 && bytes + size > kGetRecordsMaxBytes)) {
            firstUnreadArrival = seq >> SequenceNumber::kTimeShift;
            break;
        }
        RecordView record;
        record.sequenceNumber = SequenceNumber{seq, shardIndex};
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
            if (auto usable = m_kms->checkUsable(dataKey->kmsKeyId); !usable) {
                failure = usable.error();
                break;
            }
            const QByteArrayView blob = query.columnBlobView(2);
            auto opened =
                AesGcm::open(dataKey->key, blob, recordContext(stream->id, shardIndex, seq));
            if (!opened) {
                failure = Error::internal(u"Record " % SequenceNumber{seq, shardIndex}.toString() %
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
            record.explicitHashKey = HashKey::fromBigEndian(
                reinterpret_cast<const unsigned char *>(hashKey.data()));
        bytes += size;
        next = seq + 1;
        ++count;
        sink.record(record);
    }
    query.reset();
    if (failure)
        return std::unexpected(*failure);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return std::unexpected(Error::internal(QStringLiteral("Reading records failed.")));

    response.millisBehindLatest =
        firstUnreadArrival ? std::max<qint64>(0, nowMs - *firstUnreadArrival) : 0;
    if (!shard.isOpen() && !firstUnreadArrival) {
        // The end of a closed shard: no next iterator; the children to continue with.
        QList<ChildShard> children;
        for (const ShardMeta &child : stream->shards) {
            if (child.parent != shard.index && child.adjacentParent != shard.index)
                continue;
            ChildShard c;
            c.shardId = ShardId::format(child.index);
            if (child.parent)
                c.parentShards.append(ShardId::format(*child.parent));
            if (child.adjacentParent)
                c.parentShards.append(ShardId::format(*child.adjacentParent));
            c.hashKeyRange = child.range;
            children.append(c);
        }
        response.childShards = children;
        return response;
    }
    QByteArray nextPayload;
    QDataStream out(&nextPayload, QIODevice::WriteOnly);
    out << quint8(TokenKind::ShardIterator) << nowMs << stream->id << stream->createdMs
        << stream->name << shardIndex << next;
    response.nextShardIterator = m_tokens->seal(nextPayload);
    return response;
}

// ---------------------------------------------------------------------------------------------
// Resharding

std::expected<void, Error> Engine::reshard(
    SqliteDb &db, StreamMeta &stream, qint64 nowMs,
    const std::function<std::expected<void, Error>(StreamMeta &, qint64 &)> &change)
{
    WriterState &ws = *m_writerState;
    const qint64 counterBefore = ws.nextCounter.value(stream.id);
    // Parents end at a counter no record of theirs can exceed; children start after it.
    qint64 counter = std::max(counterBefore, SequenceNumber::counterAt(nowMs));
    if (auto r = change(stream, counter); !r)
        return r;
    ws.nextCounter[stream.id] = counter;
    stream.status = StreamStatus::Updating;
    stream.statusUntilMs = nowMs + m_options.updateDelayMs;
    if (auto r = persistStream(db, stream, true); !r) {
        ws.nextCounter[stream.id] = counterBefore;
        return r;
    }
    return {};
}

namespace {

int openShardsInAccount(const Catalog &catalog, qint64 nowMs)
{
    int open = 0;
    for (const StreamMetaPtr &s : catalog.streams) {
        // The account's shard limit covers provisioned streams only.
        if (!s->isGone(nowMs) && s->mode == StreamMode::Provisioned)
            open += s->openShardCount();
    }
    return open;
}

} // namespace

std::expected<void, Error> Engine::splitShard(const SplitShardRequest &request)
{
    ValidationErrors v;
    if (request.newStartingHashKey.isNull())
        v.addNull(QStringLiteral("newStartingHashKey"));
    else if (!HashKey::fromDecimal(request.newStartingHashKey) &&
             !QRegularExpression(QStringLiteral("^(0|[1-9]\\d{0,38})$"))
                  .match(request.newStartingHashKey)
                  .hasMatch())
        v.pattern(QStringLiteral("newStartingHashKey"), request.newStartingHashKey, kHashKeyPattern);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    checkName(v, QStringLiteral("shardToSplit"), request.shardToSplit, true);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    // Kinesis checks the shard id's form before it looks for the stream.
    const auto index = ShardId::parse(request.shardToSplit);
    if (!index)
        return std::unexpected(Error{ErrorType::ResourceNotFound,
                                     u"Could not find shard " % request.shardToSplit %
                                         u" in stream " % targetLabel(request.target) %
                                         u" under account " % m_options.account % u'.'});
    auto resolved = resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    const auto newStart = HashKey::fromDecimal(request.newStartingHashKey);

    return write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        WriterState &ws = *m_writerState;
        const qint64 nowMs = now();
        const StreamMetaPtr current = ws.working.streams.value(name);
        if (!current || current->isGone(nowMs))
            return std::unexpected(notFound(name));
        if (current->effectiveStatus(nowMs) != StreamStatus::Active)
            return std::unexpected(notActive(*current, nowMs));
        const QString shardId = ShardId::format(*index);
        if (*index >= quint32(current->shards.size()))
            return std::unexpected(Error{ErrorType::ResourceNotFound,
                                         u"Could not find shard " % shardId % u" in stream " %
                                             name % u" under account " % m_options.account % u'.'});
        const ShardMeta &shard = current->shards[*index];
        if (!shard.isOpen())
            return std::unexpected(invalidArgument(
                u"Shard " % shardId % u" in stream " % name % u" under account " %
                m_options.account %
                u" has already been merged or split, and thus is not eligible for merging or splitting."));
        if (current->mode == StreamMode::OnDemand)
            return std::unexpected(Error{ErrorType::Validation,
                                         u"Request is invalid. Stream " % name % u" under account " %
                                             m_options.account % u" is in On-Demand mode."});
        const int open = openShardsInAccount(ws.working, nowMs);
        if (open + 1 > m_options.shardLimit)
            return std::unexpected(Error{
                ErrorType::LimitExceeded,
                QStringLiteral("This request would exceed the shard limit for the account %1 in %2. "
                               "Current shard count for the account: %3. Limit: %4. Number of "
                               "additional shards that would have resulted from this request: 1. "
                               "Refer to the AWS Service Limits page "
                               "(http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) "
                               "for current limits and how to request higher limits.")
                    .arg(m_options.account, m_options.region)
                    .arg(open)
                    .arg(m_options.shardLimit)});
        // The new start must be above start + 1 and below end: both children non-empty.
        if (!newStart || newStart->value <= shard.range.start.value + 1 ||
            newStart->value >= shard.range.end.value)
            return std::unexpected(invalidArgument(
                u"NewStartingHashKey " % request.newStartingHashKey %
                u" used in SplitShard() on shard " % shardId % u" in stream " % name %
                u" under account " % m_options.account %
                u" is not both greater than one plus the shard's StartingHashKey " %
                shard.range.start.toDecimal() % u" and less than the shard's EndingHashKey " %
                shard.range.end.toDecimal() % u'.'));
        auto meta = std::make_shared<StreamMeta>(*current);
        auto r = reshard(db, *meta, nowMs, [&](StreamMeta &s, qint64 &counter) {
            Resharding::split(s, *index, *newStart, nowMs, counter);
            return std::expected<void, Error>();
        });
        if (!r)
            return r;
        ws.working.streams.insert(name, meta);
        ws.catalogDirty = true;
        return {};
    });
}

std::expected<void, Error> Engine::mergeShards(const MergeShardsRequest &request)
{
    ValidationErrors v;
    checkName(v, QStringLiteral("shardToMerge"), request.shardToMerge, true);
    checkName(v, QStringLiteral("adjacentShardToMerge"), request.adjacentShardToMerge, true);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    // Kinesis checks the shard ids' form before it looks for the stream.
    const auto first = ShardId::parse(request.shardToMerge);
    const auto second = ShardId::parse(request.adjacentShardToMerge);
    for (const auto &[parsed, raw] : {std::pair{first, request.shardToMerge},
                                      std::pair{second, request.adjacentShardToMerge}}) {
        if (!parsed)
            return std::unexpected(Error{ErrorType::ResourceNotFound,
                                         u"Could not find shard " % raw % u" in stream " %
                                             targetLabel(request.target) % u" under account " %
                                             m_options.account % u'.'});
    }
    auto resolved = resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;

    return write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        WriterState &ws = *m_writerState;
        const qint64 nowMs = now();
        const StreamMetaPtr current = ws.working.streams.value(name);
        if (!current || current->isGone(nowMs))
            return std::unexpected(notFound(name));
        if (current->effectiveStatus(nowMs) != StreamStatus::Active)
            return std::unexpected(notActive(*current, nowMs));
        for (quint32 index : {*first, *second}) {
            if (index >= quint32(current->shards.size()))
                return std::unexpected(Error{ErrorType::ResourceNotFound,
                                             u"Could not find shard " % ShardId::format(index) %
                                                 u" in stream " % name % u" under account " %
                                                 m_options.account % u'.'});
        }
        if (current->mode == StreamMode::OnDemand)
            return std::unexpected(Error{ErrorType::Validation,
                                         u"Request is invalid. Stream " % name % u" under account " %
                                             m_options.account % u" is in On-Demand mode."});
        for (quint32 index : {*first, *second}) {
            if (!current->shards[index].isOpen())
                return std::unexpected(invalidArgument(
                    u"Shard " % ShardId::format(index) % u" in stream " % name %
                    u" under account " % m_options.account %
                    u" has already been merged or split, and thus is not eligible for merging or splitting."));
        }
        const ShardMeta &a = current->shards[*first];
        const ShardMeta &b = current->shards[*second];
        // ShardToMerge must hold the lower range, as in Kinesis.
        if (*first == *second || !a.range.isAdjacentBefore(b.range))
            return std::unexpected(invalidArgument(
                u"Shards " % ShardId::format(*first) % u" and " % ShardId::format(*second) %
                u" in stream " % name % u" under account " % m_options.account %
                u" are not an adjacent pair of shards eligible for merging"));
        auto meta = std::make_shared<StreamMeta>(*current);
        auto r = reshard(db, *meta, nowMs, [&](StreamMeta &s, qint64 &counter) {
            Resharding::merge(s, *first, *second, nowMs, counter);
            return std::expected<void, Error>();
        });
        if (!r)
            return r;
        ws.working.streams.insert(name, meta);
        ws.catalogDirty = true;
        return {};
    });
}

std::expected<UpdateShardCountResponse, Error> Engine::updateShardCount(const UpdateShardCountRequest &request)
{
    ValidationErrors v;
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    checkRange(v, QStringLiteral("targetShardCount"), request.targetShardCount, 1, 100000);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    const int target = request.targetShardCount;

    return write<UpdateShardCountResponse>(
        [&](SqliteDb &db) -> std::expected<UpdateShardCountResponse, Error> {
            WriterState &ws = *m_writerState;
            const qint64 nowMs = now();
            const StreamMetaPtr current = ws.working.streams.value(name);
            if (!current || current->isGone(nowMs))
                return std::unexpected(notFound(name));
            if (current->effectiveStatus(nowMs) != StreamStatus::Active)
                return std::unexpected(notActive(*current, nowMs));
            if (current->mode == StreamMode::OnDemand)
                return std::unexpected(Error{ErrorType::Validation,
                                             u"Request is invalid. Stream " % name %
                                                 u" under account " % m_options.account %
                                                 u" is in On-Demand mode."});
            const int open = current->openShardCount();
            const QString counts = QStringLiteral("Current open shard count: %1, Target shard count: %2")
                                       .arg(open)
                                       .arg(target);
            const int accountOpen = openShardsInAccount(ws.working, nowMs);
            if (target > m_options.shardLimit || accountOpen - open + target > m_options.shardLimit)
                return std::unexpected(Error{
                    ErrorType::LimitExceeded,
                    QStringLiteral("Target shard count or number of open shards cannot be greater "
                                   "than %1. ")
                            .arg(m_options.shardLimit) % counts});
            if (target > 2 * open)
                return std::unexpected(Error{
                    ErrorType::LimitExceeded,
                    u"UpdateShardCount cannot scale up over double your current open shard count. " %
                        counts});
            if (target * 2 < open)
                return std::unexpected(Error{
                    ErrorType::LimitExceeded,
                    u"UpdateShardCount cannot scale down below half your current open shard count. " %
                        counts});
            auto meta = std::make_shared<StreamMeta>(*current);
            // At most ten scaling operations in a rolling 24 hours.
            const qint64 dayAgo = nowMs - 24LL * 3600 * 1000;
            meta->reshardTimesMs.removeIf([dayAgo](qint64 t) { return t <= dayAgo; });
            if (meta->reshardTimesMs.size() >= 10)
                return std::unexpected(Error{
                    ErrorType::LimitExceeded,
                    u"Exceeded the limit of 10 UpdateShardCount operations in a rolling 24-hour "
                    u"period for stream " % name % u" under account " % m_options.account % u'.'});
            meta->reshardTimesMs.append(nowMs);
            auto r = reshard(db, *meta, nowMs, [&](StreamMeta &s, qint64 &counter) {
                Resharding::scaleUniformly(s, target, nowMs, counter);
                return std::expected<void, Error>();
            });
            if (!r)
                return std::unexpected(r.error());
            ws.working.streams.insert(name, meta);
            ws.catalogDirty = true;
            return UpdateShardCountResponse{name, open, target, streamArn(name)};
        });
}

// ---------------------------------------------------------------------------------------------
// Stream settings

namespace {

std::expected<void, Error> checkRetention(const ValidationErrors &v, int hours)
{
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    if (hours < kMinRetentionHours)
        return std::unexpected(Error{ErrorType::InvalidArgument,
                                     QStringLiteral("Minimum allowed retention period is 24 hours. "
                                                    "Requested retention period (%1 hours) is too short.")
                                         .arg(hours)});
    if (hours > kMaxRetentionHours)
        return std::unexpected(Error{ErrorType::InvalidArgument,
                                     QStringLiteral("Maximum allowed retention period is 8760 hours. "
                                                    "Requested retention period (%1 hours) is too long.")
                                         .arg(hours)});
    return {};
}

} // namespace

std::expected<void, Error> Engine::changeActiveStream(
    const QString &name, const std::function<std::expected<void, Error>(StreamMeta &)> &change)
{
    return write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        WriterState &ws = *m_writerState;
        const qint64 nowMs = now();
        const StreamMetaPtr current = ws.working.streams.value(name);
        if (!current || current->isGone(nowMs))
            return std::unexpected(notFound(name));
        if (current->effectiveStatus(nowMs) != StreamStatus::Active)
            return std::unexpected(notActive(*current, nowMs));
        auto meta = std::make_shared<StreamMeta>(*current);
        if (auto r = change(*meta); !r)
            return r;
        if (auto r = persistStream(db, *meta, false); !r)
            return r;
        ws.working.streams.insert(name, meta);
        ws.catalogDirty = true;
        return {};
    });
}

std::expected<void, Error> Engine::changeRetention(const RetentionPeriodRequest &request, bool increase)
{
    ValidationErrors v;
    if (request.retentionPeriodHours < 1)
        v.valueAtLeast(QStringLiteral("retentionPeriodHours"), request.retentionPeriodHours, 1);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    if (auto r = checkRetention(v, request.retentionPeriodHours); !r)
        return r;
    const QString name = (*resolved)->name;
    const int hours = request.retentionPeriodHours;
    return changeActiveStream(name, [&](StreamMeta &stream) -> std::expected<void, Error> {
        const bool wrongWay = increase ? hours < stream.retentionHours : hours > stream.retentionHours;
        if (wrongWay)
            return std::unexpected(invalidArgument(
                QStringLiteral("Requested retention period (%1 hours) for stream %2 can not be %3 "
                               "than existing retention period (%4 hours). Use %5 API.")
                    .arg(hours)
                    .arg(name)
                    .arg(increase ? QStringLiteral("shorter") : QStringLiteral("longer"))
                    .arg(stream.retentionHours)
                    .arg(increase ? QStringLiteral("DecreaseRetentionPeriod")
                                  : QStringLiteral("IncreaseRetentionPeriod"))));
        stream.retentionHours = hours;
        return {};
    });
}

std::expected<void, Error> Engine::increaseStreamRetentionPeriod(const RetentionPeriodRequest &request)
{
    return changeRetention(request, true);
}

std::expected<void, Error> Engine::decreaseStreamRetentionPeriod(const RetentionPeriodRequest &request)
{
    return changeRetention(request, false);
}

std::expected<void, Error> Engine::updateMaxRecordSize(const UpdateMaxRecordSizeRequest &request)
{
    ValidationErrors v;
    checkArn(v, QStringLiteral("streamARN"), request.target.streamArn, false);
    checkRange(v, QStringLiteral("maxRecordSizeInKiB"), request.maxRecordSizeInKiB, 1024, 10240);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    const int size = request.maxRecordSizeInKiB;
    return changeActiveStream(name, [size](StreamMeta &stream) -> std::expected<void, Error> {
        stream.maxRecordSizeKiB = size;
        return {};
    });
}

std::expected<void, Error> Engine::updateStreamMode(const UpdateStreamModeRequest &request)
{
    ValidationErrors v;
    if (request.streamArn.isNull())
        v.addNull(QStringLiteral("streamARN"));
    checkArn(v, QStringLiteral("streamARN"), request.streamArn, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = resolveArn(request.streamArn, QStringLiteral("streamARN"));
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    const StreamMode mode = request.streamMode;
    return write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        WriterState &ws = *m_writerState;
        const qint64 nowMs = now();
        const StreamMetaPtr current = ws.working.streams.value(name);
        if (!current || current->isGone(nowMs))
            return std::unexpected(notFound(name));
        if (current->effectiveStatus(nowMs) != StreamStatus::Active)
            return std::unexpected(notActive(*current, nowMs));
        if (current->mode == mode)
            return std::unexpected(invalidArgument(
                u"Stream " % name % u" under account " % m_options.account %
                u" is already in " % toWire(mode) % u" mode."));
        if (mode == StreamMode::OnDemand) {
            int onDemand = 0;
            for (const StreamMetaPtr &s : std::as_const(ws.working.streams))
                onDemand += (!s->isGone(nowMs) && s->mode == StreamMode::OnDemand) ? 1 : 0;
            if (onDemand + 1 > m_options.onDemandStreamCountLimit)
                return std::unexpected(Error{
                    ErrorType::LimitExceeded,
                    QStringLiteral("This request would exceed the on-demand stream count limit "
                                   "for the account %1 in %2. Current on-demand stream count: "
                                   "%3. Limit: %4.")
                        .arg(m_options.account, m_options.region)
                        .arg(onDemand)
                        .arg(m_options.onDemandStreamCountLimit)});
        }
        auto meta = std::make_shared<StreamMeta>(*current);
        meta->mode = mode;
        meta->status = StreamStatus::Updating;
        meta->statusUntilMs = nowMs + m_options.updateDelayMs;
        if (auto r = persistStream(db, *meta, false); !r)
            return r;
        ws.working.streams.insert(name, meta);
        ws.catalogDirty = true;
        return {};
    });
}

// ---------------------------------------------------------------------------------------------
// Tags

std::expected<void, Error> Engine::changeTags(const StreamTarget &target, const TagMap &add,
                                              const QStringList &remove, bool resourceApi)
{
    if (resourceApi && parseConsumerArn(target.streamArn))
        return changeConsumerTags(target.streamArn, add, remove);
    auto resolved = resourceApi ? resolveArn(target.streamArn, QStringLiteral("resourceARN"))
                                : resolve(target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    auto invalidCharacters = [&] {
        return invalidArgument(QStringLiteral(
            "Some tags contain invalid characters. Valid characters: Unicode letters, digits, "
            "white space, _ . / = + - % @."));
    };
    auto illegalPercent = [&](const QString &verb, const QString &preposition) {
        return invalidArgument(u"Failed to " % verb % u" tags " % preposition % u" stream " % name %
                               u" under account " % m_options.account %
                               u" because some tags contained illegal characters. The allowed "
                               u"characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'.");
    };
    for (auto it = add.cbegin(); it != add.cend(); ++it) {
        if (!tagTextIsValid(it.key()) || !tagTextIsValid(it.value()))
            return std::unexpected(invalidCharacters());
    }
    for (auto it = add.cbegin(); it != add.cend(); ++it) {
        if (it.key().contains(u'%') || it.value().contains(u'%'))
            return std::unexpected(illegalPercent(QStringLiteral("add"), QStringLiteral("to")));
        if (it.key().startsWith(QStringLiteral("aws:")))
            return std::unexpected(invalidArgument(
                u"Tag keys starting with 'aws:' are reserved. Invalid key: " % it.key()));
    }
    for (const QString &key : remove) {
        if (!tagTextIsValid(key))
            return std::unexpected(invalidCharacters());
    }
    for (const QString &key : remove) {
        if (key.contains(u'%'))
            return std::unexpected(illegalPercent(QStringLiteral("remove"), QStringLiteral("from")));
    }
    return write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        WriterState &ws = *m_writerState;
        const qint64 nowMs = now();
        const StreamMetaPtr current = ws.working.streams.value(name);
        if (!current || current->isGone(nowMs))
            return std::unexpected(notFound(name));
        auto meta = std::make_shared<StreamMeta>(*current);
        for (auto it = add.cbegin(); it != add.cend(); ++it)
            meta->tags.insert(it.key(), it.value());
        for (const QString &key : remove)
            meta->tags.remove(key);
        if (meta->tags.size() > kMaxTagsPerStream)
            return std::unexpected(invalidArgument(
                u"Failed to add tags to stream " % name % u" under account " % m_options.account %
                u" because a given stream cannot have more than 50 tags associated with it."));
        if (auto r = persistStream(db, *meta, false); !r)
            return r;
        ws.working.streams.insert(name, meta);
        ws.catalogDirty = true;
        return {};
    });
}

std::expected<void, Error> Engine::addTagsToStream(const AddTagsToStreamRequest &request)
{
    ValidationErrors v;
    checkTagMap(v, request.tags);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    return changeTags(request.target, request.tags, {}, false);
}

std::expected<void, Error> Engine::removeTagsFromStream(const RemoveTagsFromStreamRequest &request)
{
    ValidationErrors v;
    checkTagKeys(v, request.tagKeys);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    return changeTags(request.target, {}, request.tagKeys, false);
}

std::expected<ListTagsForStreamResponse, Error> Engine::listTagsForStream(const ListTagsForStreamRequest &request) const
{
    ValidationErrors v;
    checkRange(v, QStringLiteral("limit"), request.limit, 1, 50);
    checkLength(v, QStringLiteral("exclusiveStartTagKey"), request.exclusiveStartTagKey, 1, 128);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const TagMap &tags = (*resolved)->tags;
    const int limit = request.limit.value_or(50);
    ListTagsForStreamResponse response;
    auto it = request.exclusiveStartTagKey.isNull() ? tags.cbegin()
                                                    : tags.upperBound(request.exclusiveStartTagKey);
    for (; it != tags.cend(); ++it) {
        if (response.tags.size() == limit) {
            response.hasMoreTags = true;
            break;
        }
        response.tags.append(Tag{it.key(), it.value()});
    }
    return response;
}

std::expected<void, Error> Engine::tagResource(const TagResourceRequest &request)
{
    ValidationErrors v;
    if (request.resourceArn.isNull())
        v.addNull(QStringLiteral("resourceARN"));
    checkArn(v, QStringLiteral("resourceARN"), request.resourceArn, true);
    checkTagMap(v, request.tags);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    return changeTags(StreamTarget::byArn(request.resourceArn), request.tags, {}, true);
}

std::expected<void, Error> Engine::untagResource(const UntagResourceRequest &request)
{
    ValidationErrors v;
    if (request.resourceArn.isNull())
        v.addNull(QStringLiteral("resourceARN"));
    checkArn(v, QStringLiteral("resourceARN"), request.resourceArn, true);
    checkTagKeys(v, request.tagKeys);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    return changeTags(StreamTarget::byArn(request.resourceArn), {}, request.tagKeys, true);
}

std::expected<ListTagsForResourceResponse, Error> Engine::listTagsForResource(const ListTagsForResourceRequest &request) const
{
    ValidationErrors v;
    if (request.resourceArn.isNull())
        v.addNull(QStringLiteral("resourceARN"));
    checkArn(v, QStringLiteral("resourceARN"), request.resourceArn, true);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    ListTagsForResourceResponse response;
    if (parseConsumerArn(request.resourceArn)) {
        const auto consumer = resolveConsumer(ConsumerTarget::byArn(request.resourceArn));
        if (!consumer)
            return std::unexpected(consumer.error());
        const TagMap &tags = consumer->first->consumers.constFind(consumer->second)->tags;
        for (auto it = tags.cbegin(); it != tags.cend(); ++it)
            response.tags.append(Tag{it.key(), it.value()});
        return response;
    }
    auto resolved = resolveArn(request.resourceArn, QStringLiteral("resourceARN"));
    if (!resolved)
        return std::unexpected(resolved.error());
    const TagMap &tags = (*resolved)->tags;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        response.tags.append(Tag{it.key(), it.value()});
    return response;
}

std::expected<DescribeLimitsResponse, Error> Engine::describeLimits() const
{
    const auto catalog = snapshot();
    const qint64 nowMs = now();
    DescribeLimitsResponse response;
    response.shardLimit = m_options.shardLimit;
    response.onDemandStreamCountLimit = m_options.onDemandStreamCountLimit;
    for (const StreamMetaPtr &s : catalog->streams) {
        if (s->isGone(nowMs))
            continue;
        if (s->mode == StreamMode::OnDemand)
            response.onDemandStreamCount++;
        else
            response.openShardCount += s->openShardCount();
    }
    return response;
}

// ---------------------------------------------------------------------------------------------
// Enhanced fan-out consumers
//
// Consumers live in their stream's metadata, so they are published with the catalog and leave
// with the stream. Their rows are in `consumers` and `consumer_tags`.

QString Engine::consumerArn(const QString &streamName, const ConsumerMeta &consumer) const
{
    return streamArn(streamName) % u"/consumer/" % consumer.name % u':' %
           QString::number(consumer.createdMs / 1000);
}

std::expected<void, Error> Engine::storeConsumerChange(SqliteDb &db, std::shared_ptr<StreamMeta> meta,
                                                       const QString &consumerName)
{
    if (auto r = persistConsumer(db, meta->id, meta->consumers.value(consumerName)); !r)
        return r;
    WriterState &ws = *m_writerState;
    const QString streamName = meta->name;
    ws.working.streams.insert(streamName, std::move(meta));
    ws.catalogDirty = true;
    return {};
}

std::expected<StreamMetaPtr, Error> Engine::liveConsumerStream(const QString &streamName, qint64 streamId,
                                                             const QString &consumerName,
                                                             qint64 createdMs, qint64 nowMs) const
{
    const StreamMetaPtr current = m_writerState->working.streams.value(streamName);
    if (!current || current->isGone(nowMs) || current->id != streamId)
        return std::unexpected(consumerNotFound(consumerName, streamName));
    const auto found = current->consumers.constFind(consumerName);
    if (found == current->consumers.cend() || found->isGone(nowMs) || found->createdMs != createdMs)
        return std::unexpected(consumerNotFound(consumerName, streamName));
    return current;
}

Error Engine::consumerNotFound(const QString &consumerName, const QString &streamName) const
{
    return Error{ErrorType::ResourceNotFound, u"Consumer " % consumerName % u" under stream " %
                                                  streamName % u" and account " %
                                                  m_options.account % u" not found."};
}

std::expected<void, Error> Engine::persistConsumer(SqliteDb &db, qint64 streamId,
                                                   const ConsumerMeta &consumer)
{
    auto upsert = db.prepare(
        "INSERT OR REPLACE INTO consumers(stream_id, name, status, status_until_ms, created_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!upsert)
        return std::unexpected(upsert.error());
    upsert->bind(1, streamId);
    upsert->bind(2, consumer.name);
    upsert->bind(3, qint64(consumer.status));
    upsert->bind(4, consumer.statusUntilMs);
    upsert->bind(5, consumer.createdMs);
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

std::expected<void, Error> Engine::deleteConsumerRows(SqliteDb &db, qint64 streamId,
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

std::expected<std::pair<StreamMetaPtr, QString>, Error>
Engine::resolveConsumer(const ConsumerTarget &target) const
{
    ValidationErrors v;
    checkArn(v, QStringLiteral("streamARN"), target.streamArn, false);
    checkName(v, QStringLiteral("consumerName"), target.consumerName, false);
    checkConsumerArn(v, QStringLiteral("consumerARN"), target.consumerArn);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    const bool byArn = !target.consumerArn.isNull();
    if (!byArn && (target.streamArn.isNull() || target.consumerName.isNull()))
        return std::unexpected(invalidArgument(QStringLiteral(
            "Either ConsumerARN or both StreamARN and ConsumerName should be provided.")));

    QString streamName;
    QString consumerName = target.consumerName;
    std::optional<qint64> creationSeconds;
    bool elsewhere = false; // another region or account: nothing of ours
    if (byArn) {
        const auto parts = parseConsumerArn(target.consumerArn);
        if (!parts)
            return std::unexpected(Error{ErrorType::ResourceNotFound,
                                         u"Consumer " % target.consumerArn % u" not found."});
        if (!target.streamArn.isNull()) {
            const auto stream = StreamArn::parse(target.streamArn); // valid: checked above
            if (stream->streamName != parts->streamName || stream->account != parts->account ||
                stream->region != parts->region)
                return std::unexpected(invalidArgument(
                    QStringLiteral("ConsumerARN and StreamARN do not refer to the same stream.")));
        }
        if (!consumerName.isNull() && consumerName != parts->consumerName)
            return std::unexpected(invalidArgument(
                QStringLiteral("ConsumerARN and ConsumerName do not refer to the same consumer.")));
        streamName = parts->streamName;
        consumerName = parts->consumerName;
        creationSeconds = parts->creationSeconds;
        elsewhere = parts->account != m_options.account || parts->region != m_options.region;
    } else {
        const auto parsed = StreamArn::parse(target.streamArn);
        streamName = parsed->streamName;
        elsewhere = parsed->account != m_options.account || parsed->region != m_options.region;
        if (elsewhere)
            return std::unexpected(notFound(streamName));
    }

    const qint64 nowMs = now();
    const auto catalog = snapshot();
    const StreamMetaPtr stream = elsewhere ? nullptr : catalog->streams.value(streamName);
    if (!stream || stream->isGone(nowMs)) {
        if (byArn)
            return std::unexpected(consumerNotFound(consumerName, streamName));
        return std::unexpected(notFound(streamName));
    }
    const auto consumer = stream->consumers.constFind(consumerName);
    // A consumer registered again under the same name is another consumer, with another ARN.
    if (consumer == stream->consumers.cend() || consumer->isGone(nowMs) ||
        (creationSeconds && consumer->createdMs / 1000 != *creationSeconds))
        return std::unexpected(consumerNotFound(consumerName, streamName));
    return std::pair{stream, consumerName};
}

// TagResource / UntagResource on a consumer ARN.
std::expected<void, Error> Engine::changeConsumerTags(const QString &consumerArn, const TagMap &add,
                                                      const QStringList &remove)
{
    auto resolved = resolveConsumer(ConsumerTarget::byArn(consumerArn));
    if (!resolved)
        return std::unexpected(resolved.error());
    const qint64 streamId = resolved->first->id;
    const QString streamName = resolved->first->name;
    const QString consumerName = resolved->second;
    const qint64 createdMs = resolved->first->consumers.value(consumerName).createdMs;
    QStringList texts = remove;
    for (auto it = add.cbegin(); it != add.cend(); ++it)
        texts << it.key() << it.value();
    for (const QString &text : std::as_const(texts)) {
        if (!tagTextIsValid(text) || text.contains(u'%'))
            return std::unexpected(invalidArgument(QStringLiteral(
                "Some tags contain invalid characters. Valid characters: Unicode letters, digits, "
                "white space, _ . / = + - % @.")));
    }
    for (auto it = add.cbegin(); it != add.cend(); ++it) {
        if (it.key().startsWith(QStringLiteral("aws:")))
            return std::unexpected(invalidArgument(
                u"Tag keys starting with 'aws:' are reserved. Invalid key: " % it.key()));
    }
    return write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        const auto current = liveConsumerStream(streamName, streamId, consumerName, createdMs, now());
        if (!current)
            return std::unexpected(current.error());
        auto meta = std::make_shared<StreamMeta>(**current);
        ConsumerMeta &consumer = meta->consumers[consumerName];
        for (auto it = add.cbegin(); it != add.cend(); ++it)
            consumer.tags.insert(it.key(), it.value());
        for (const QString &key : remove)
            consumer.tags.remove(key);
        if (consumer.tags.size() > kMaxTagsPerStream)
            return std::unexpected(invalidArgument(
                u"Failed to add tags to consumer " % consumerName % u" under stream " % streamName %
                u" under account " % m_options.account %
                u" because a given consumer cannot have more than 50 tags associated with it."));
        return storeConsumerChange(db, std::move(meta), consumerName);
    });
}

std::expected<Consumer, Error>
Engine::registerStreamConsumer(const RegisterStreamConsumerRequest &request)
{
    ValidationErrors v;
    if (request.streamArn.isNull())
        v.addNull(QStringLiteral("streamARN"));
    checkArn(v, QStringLiteral("streamARN"), request.streamArn, false);
    checkName(v, QStringLiteral("consumerName"), request.consumerName, true);
    if (!request.tags.isEmpty())
        checkTagMap(v, request.tags);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    for (auto it = request.tags.cbegin(); it != request.tags.cend(); ++it) {
        // TagResource's character set (no '%').
        if (!tagTextIsValid(it.key()) || !tagTextIsValid(it.value()) || it.key().contains(u'%') ||
            it.value().contains(u'%'))
            return std::unexpected(invalidArgument(QStringLiteral(
                "Some tags contain invalid characters. Valid characters: Unicode letters, digits, "
                "white space, _ . / = + - % @.")));
        if (it.key().startsWith(QStringLiteral("aws:")))
            return std::unexpected(invalidArgument(
                u"Tag keys starting with 'aws:' are reserved. Invalid key: " % it.key()));
    }
    auto resolved = resolveArn(request.streamArn, QStringLiteral("streamARN"));
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    if (request.tags.size() > kMaxTagsPerStream)
        return std::unexpected(invalidArgument(
            u"Failed to add tags to consumer " % request.consumerName % u" under stream " % name %
            u" under account " % m_options.account %
            u" because a given consumer cannot have more than 50 tags associated with it."));

    return write<Consumer>([&](SqliteDb &db) -> std::expected<Consumer, Error> {
        WriterState &ws = *m_writerState;
        const qint64 nowMs = now();
        const StreamMetaPtr current = ws.working.streams.value(name);
        if (!current || current->isGone(nowMs))
            return std::unexpected(notFound(name));
        if (current->effectiveStatus(nowMs) != StreamStatus::Active)
            return std::unexpected(notActive(*current, nowMs));
        const auto existing = current->consumers.constFind(request.consumerName);
        if (existing != current->consumers.cend() && !existing->isGone(nowMs))
            return std::unexpected(
                Error{ErrorType::ResourceInUse, u"Consumer " % request.consumerName %
                                                    u" under stream " % name % u" and account " %
                                                    m_options.account % u" already exists."});
        int registered = 0;
        int creating = 0;
        for (const ConsumerMeta &consumer : current->consumers) {
            if (consumer.isGone(nowMs))
                continue;
            registered++;
            if (consumer.effectiveStatus(nowMs) == ConsumerStatus::Creating)
                creating++;
        }
        if (registered >= kMaxConsumersPerStream)
            return std::unexpected(Error{
                ErrorType::LimitExceeded,
                QStringLiteral("Stream %1 under account %2 already has %3 registered consumers, "
                               "the most a stream can have. Deregister a consumer first.")
                    .arg(name, m_options.account)
                    .arg(registered)});
        if (creating >= kMaxCreatingConsumers)
            return std::unexpected(Error{
                ErrorType::LimitExceeded,
                QStringLiteral("Stream %1 under account %2 already has %3 consumers in CREATING "
                               "status, the most that can be created at the same time.")
                    .arg(name, m_options.account)
                    .arg(creating)});

        ConsumerMeta consumer;
        consumer.name = request.consumerName;
        consumer.status = ConsumerStatus::Creating;
        consumer.statusUntilMs = nowMs + m_options.createDelayMs;
        consumer.createdMs = nowMs;
        consumer.tags = request.tags;
        if (auto r = persistConsumer(db, current->id, consumer); !r)
            return std::unexpected(r.error());
        auto meta = std::make_shared<StreamMeta>(*current);
        meta->consumers.insert(consumer.name, consumer);
        ws.working.streams.insert(name, meta);
        ws.catalogDirty = true;
        return Consumer{consumer.name, consumerArn(name, consumer), consumer.effectiveStatus(nowMs),
                        consumer.createdMs};
    });
}

std::expected<void, Error> Engine::deregisterStreamConsumer(const ConsumerTarget &target)
{
    auto resolved = resolveConsumer(target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const qint64 streamId = resolved->first->id;
    const QString streamName = resolved->first->name;
    const QString consumerName = resolved->second;
    const qint64 createdMs = resolved->first->consumers.value(consumerName).createdMs;
    return write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        const qint64 nowMs = now();
        const auto current = liveConsumerStream(streamName, streamId, consumerName, createdMs, nowMs);
        if (!current)
            return std::unexpected(current.error());
        if ((*current)->consumers.value(consumerName).status == ConsumerStatus::Deleting)
            return {}; // already on its way out
        auto meta = std::make_shared<StreamMeta>(**current);
        ConsumerMeta &consumer = meta->consumers[consumerName];
        consumer.status = ConsumerStatus::Deleting;
        consumer.statusUntilMs = nowMs + m_options.deleteDelayMs;
        return storeConsumerChange(db, std::move(meta), consumerName);
    });
}

std::expected<ConsumerDescription, Error>
Engine::describeStreamConsumer(const ConsumerTarget &target) const
{
    auto resolved = resolveConsumer(target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &stream = *resolved->first;
    const ConsumerMeta &consumer = *stream.consumers.constFind(resolved->second);
    return ConsumerDescription{consumer.name, consumerArn(stream.name, consumer),
                               consumer.effectiveStatus(now()), consumer.createdMs,
                               streamArn(stream.name)};
}

std::expected<ListStreamConsumersResponse, Error>
Engine::listStreamConsumers(const ListStreamConsumersRequest &request) const
{
    ValidationErrors v;
    if (request.streamArn.isNull())
        v.addNull(QStringLiteral("streamARN"));
    checkArn(v, QStringLiteral("streamARN"), request.streamArn, false);
    checkLength(v, QStringLiteral("nextToken"), request.nextToken, 1, 1048576);
    checkRange(v, QStringLiteral("maxResults"), request.maxResults, 1, 10000);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    const bool hasToken = !request.nextToken.isNull();
    if (hasToken && request.streamCreationTimestamp)
        return std::unexpected(invalidArgument(
            QStringLiteral("NextToken and StreamCreationTimestamp cannot be provided together.")));
    auto resolved = resolveArn(request.streamArn, QStringLiteral("streamARN"));
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &s = **resolved;
    if (request.streamCreationTimestamp &&
        *request.streamCreationTimestamp / 1000 != s.createdMs / 1000)
        return std::unexpected(notFound(s.name));

    const qint64 nowMs = now();
    QString after;
    if (hasToken) {
        const auto payload = m_tokens->open(request.nextToken);
        QDataStream in(payload.value_or(QByteArray()));
        quint8 kind = 0;
        qint64 issued = 0;
        qint64 streamId = 0;
        in >> kind >> issued >> streamId >> after;
        if (!payload || in.status() != QDataStream::Ok ||
            kind != quint8(TokenKind::ListStreamConsumers) || streamId != s.id)
            return std::unexpected(invalidArgument(QStringLiteral("Invalid NextToken.")));
        if (nowMs - issued > kNextTokenLifetimeMs)
            return std::unexpected(Error{ErrorType::ExpiredNextToken,
                                         QStringLiteral("The requested token has expired.")});
    }
    const int limit = std::min(request.maxResults.value_or(kListConsumersDefaultResults),
                               kListConsumersDefaultResults);
    ListStreamConsumersResponse response;
    bool more = false;
    auto it = after.isNull() ? s.consumers.cbegin() : s.consumers.upperBound(after);
    for (; it != s.consumers.cend(); ++it) {
        if (it->isGone(nowMs))
            continue;
        if (response.consumers.size() == limit) {
            more = true;
            break;
        }
        response.consumers.append(Consumer{it->name, consumerArn(s.name, *it),
                                           it->effectiveStatus(nowMs), it->createdMs});
    }
    if (more) {
        QByteArray payload;
        QDataStream out(&payload, QIODevice::WriteOnly);
        out << quint8(TokenKind::ListStreamConsumers) << nowMs << s.id
            << response.consumers.constLast().consumerName;
        response.nextToken = m_tokens->seal(payload);
    }
    return response;
}

// ---------------------------------------------------------------------------------------------
// Encryption at rest and the local KMS

std::expected<std::shared_ptr<const Engine::DataKey>, Error>
Engine::dataKey(qint64 version, SqliteDb &db, LocalKms::View view) const
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
    auto key = m_kms->unwrap(kmsKeyId, select->columnBlob(2), dataKeyContext(streamId, version), view);
    if (!key)
        return std::unexpected(key.error());
    auto entry = std::make_shared<const DataKey>(DataKey{version, streamId, kmsKeyId, *key});
    std::lock_guard lock(m_dataKeyMutex);
    m_dataKeys.insert(version, entry);
    return entry;
}

std::expected<void, Error> Engine::changeEncryption(const StreamTarget &target,
                                                    const QString &encryptionType,
                                                    const QString &keyId, bool start)
{
    ValidationErrors v;
    if (encryptionType.isNull())
        v.addNull(QStringLiteral("encryptionType"));
    else if (encryptionType != u"KMS" && encryptionType != u"NONE")
        v.add(QStringLiteral("encryptionType"), encryptionType,
              QStringLiteral("Member must satisfy enum value set: [KMS, NONE]"));
    if (keyId.isNull())
        v.addNull(QStringLiteral("keyId"));
    else
        checkLength(v, QStringLiteral("keyId"), keyId, 1, 2048);
    checkName(v, QStringLiteral("streamName"), target.streamName, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = resolve(target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    if (encryptionType != u"KMS")
        return std::unexpected(invalidArgument(
            u"Encryption type " % encryptionType % u" is not supported for stream " % name %
            u" under account " % m_options.account % u". The supported type is KMS."));

    return write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        WriterState &ws = *m_writerState;
        const qint64 nowMs = now();
        const StreamMetaPtr current = ws.working.streams.value(name);
        if (!current || current->isGone(nowMs))
            return std::unexpected(notFound(name));
        if (current->effectiveStatus(nowMs) != StreamStatus::Active)
            return std::unexpected(notActive(*current, nowMs));
        auto meta = std::make_shared<StreamMeta>(*current);
        if (start) {
            const auto key = m_kms->find(keyId, LocalKms::View::Working);
            if (!key)
                return std::unexpected(key.error());
            if (auto usable = m_kms->checkUsable(key->keyId, LocalKms::View::Working); !usable)
                return std::unexpected(usable.error());
            // Every start (or key change) gets a new data key; records keep the version they
            // were sealed with, so older ones stay readable.
            const QByteArray plain = AesGcm::randomBytes(AesGcm::kKeyBytes);
            const QByteArray idBytes = AesGcm::randomBytes(8);
            if (plain.size() != AesGcm::kKeyBytes || idBytes.size() != 8)
                return std::unexpected(Error::internal(QStringLiteral("No random bytes.")));
            quint64 raw = 0;
            for (char c : idBytes)
                raw = (raw << 8) | quint8(c);
            const qint64 version = qint64(raw >> 2) | 1; // positive and never 0
            auto wrapped = m_kms->wrap(key->keyId, plain, dataKeyContext(current->id, version),
                                       LocalKms::View::Working);
            if (!wrapped)
                return std::unexpected(wrapped.error());
            auto insert = db.prepare("INSERT INTO data_keys(id, stream_id, kms_key_id, wrapped, "
                                     "created_ms) VALUES (?1, ?2, ?3, ?4, ?5)");
            if (!insert)
                return std::unexpected(insert.error());
            insert->bind(1, version);
            insert->bind(2, current->id);
            insert->bind(3, key->keyId);
            insert->bind(4, *wrapped);
            insert->bind(5, nowMs);
            if (insert->step() != SQLITE_DONE)
                return std::unexpected(db.lastError("save data key"));
            {
                // Cached before the commit: if the group rolls back, the random version is
                // simply never used again.
                std::lock_guard lock(m_dataKeyMutex);
                m_dataKeys.insert(version, std::make_shared<const DataKey>(
                                               DataKey{version, current->id, key->keyId, plain}));
            }
            meta->encryptionType = EncryptionType::Kms;
            meta->keyId = keyId;
            meta->dataKeyVersion = version;
        } else {
            meta->encryptionType = EncryptionType::None;
            meta->keyId.clear();
            meta->dataKeyVersion = 0;
        }
        meta->status = StreamStatus::Updating;
        meta->statusUntilMs = nowMs + m_options.updateDelayMs;
        if (auto r = persistStream(db, *meta, false); !r)
            return r;
        ws.working.streams.insert(name, meta);
        ws.catalogDirty = true;
        return {};
    });
}

std::expected<void, Error> Engine::startStreamEncryption(const StartStreamEncryptionRequest &request)
{
    return changeEncryption(request.target, request.encryptionType, request.keyId, true);
}

std::expected<void, Error> Engine::stopStreamEncryption(const StopStreamEncryptionRequest &request)
{
    return changeEncryption(request.target, request.encryptionType, request.keyId, false);
}

std::expected<KmsKey, Error> Engine::createKey(const QString &description)
{
    return write<KmsKey>([&](SqliteDb &db) { return m_kms->createKey(db, description, now()); });
}

std::expected<KmsAlias, Error> Engine::createAlias(const QString &aliasName, const QString &keyId)
{
    return write<KmsAlias>([&](SqliteDb &db) { return m_kms->createAlias(db, aliasName, keyId); });
}

std::expected<KmsKey, Error> Engine::enableKey(const QString &keyId)
{
    return write<KmsKey>([&](SqliteDb &db) { return m_kms->enableKey(db, keyId); });
}

std::expected<KmsKey, Error> Engine::disableKey(const QString &keyId)
{
    return write<KmsKey>([&](SqliteDb &db) { return m_kms->disableKey(db, keyId); });
}

std::expected<KmsKey, Error> Engine::scheduleKeyDeletion(const QString &keyId)
{
    return write<KmsKey>(
        [&](SqliteDb &db) { return m_kms->scheduleKeyDeletion(db, keyId, now()); });
}

std::expected<KmsKey, Error> Engine::cancelKeyDeletion(const QString &keyId)
{
    return write<KmsKey>([&](SqliteDb &db) { return m_kms->cancelKeyDeletion(db, keyId); });
}

QList<KmsKey> Engine::listKeys() const
{
    return m_kms->keys();
}

QList<KmsAlias> Engine::listAliases() const
{
    return m_kms->aliases();
}

// ---------------------------------------------------------------------------------------------
// Housekeeping: retention trimming and purging deleted streams, in bounded chunks so the writer
// never stalls puts for long.

namespace {

// Deletes up to `budget` records of one shard with seq < below. Returns rows deleted, or -1.
qint64 deleteBelow(SqliteDb &db, qint64 streamId, quint32 shard, qint64 below, qint64 budget)
{
    auto cut = db.prepare("SELECT seq FROM records WHERE stream_id = ?1 AND shard_index = ?2 AND "
                          "seq < ?3 ORDER BY seq LIMIT 1 OFFSET ?4");
    auto remove = db.prepare(
        "DELETE FROM records WHERE stream_id = ?1 AND shard_index = ?2 AND seq < ?3");
    if (!cut || !remove)
        return -1;
    cut->bind(1, streamId);
    cut->bind(2, qint64(shard));
    cut->bind(3, below);
    cut->bind(4, budget);
    qint64 limit = below;
    if (cut->step() == SQLITE_ROW)
        limit = cut->columnInt64(0);
    remove->bind(1, streamId);
    remove->bind(2, qint64(shard));
    remove->bind(3, limit);
    if (remove->step() != SQLITE_DONE)
        return -1;
    return db.changes();
}

} // namespace

void Engine::housekeeping(SqliteDb &db)
{
    WriterState &ws = *m_writerState;
    const qint64 nowMs = now();
    qint64 budget = kHousekeepingRowBudget;
    ws.moreHousekeeping = false;

    // Streams whose CREATING or UPDATING time is over settle as ACTIVE, so that watchers hear
    // of it through catalogChanged (readers already see the effective status).
    for (auto it = ws.working.streams.begin(); it != ws.working.streams.end(); ++it) {
        const StreamMeta &stream = **it;
        if ((stream.status == StreamStatus::Creating || stream.status == StreamStatus::Updating) &&
            stream.effectiveStatus(nowMs) == StreamStatus::Active) {
            auto settled = std::make_shared<StreamMeta>(stream);
            settled->status = StreamStatus::Active;
            if (!persistStream(db, *settled, false))
                return;
            *it = settled;
            ws.catalogDirty = true;
        }
    }

    // Consumers whose CREATING time is over settle as ACTIVE; deregistered ones whose DELETING
    // time is over leave (those of a deleted stream go with it, below).
    for (auto it = ws.working.streams.begin(); it != ws.working.streams.end(); ++it) {
        const StreamMeta &stream = **it;
        if (stream.isGone(nowMs))
            continue;
        bool changed = false;
        for (const ConsumerMeta &consumer : stream.consumers) {
            changed = changed || consumer.isGone(nowMs) ||
                      (consumer.status == ConsumerStatus::Creating &&
                       consumer.effectiveStatus(nowMs) == ConsumerStatus::Active);
        }
        if (!changed)
            continue;
        auto settled = std::make_shared<StreamMeta>(stream);
        for (auto c = settled->consumers.begin(); c != settled->consumers.end();) {
            if (c->isGone(nowMs)) {
                if (!deleteConsumerRows(db, stream.id, c->name))
                    return;
                c = settled->consumers.erase(c);
                continue;
            }
            if (c->status == ConsumerStatus::Creating &&
                c->effectiveStatus(nowMs) == ConsumerStatus::Active) {
                c->status = ConsumerStatus::Active;
                if (!persistConsumer(db, stream.id, *c))
                    return;
            }
            ++c;
        }
        *it = settled;
        ws.catalogDirty = true;
    }

    // Streams whose deletion has completed leave the catalog, then the disk.
    for (auto it = ws.working.streams.begin(); it != ws.working.streams.end();) {
        if ((*it)->isGone(nowMs)) {
            ws.purge.append((*it)->id);
            it = ws.working.streams.erase(it);
            ws.catalogDirty = true;
        } else {
            ++it;
        }
    }
    while (!ws.purge.isEmpty() && budget > 0) {
        const qint64 id = ws.purge.front();
        auto shards = db.prepare("SELECT shard_index FROM shards WHERE stream_id = ?1");
        if (!shards)
            return;
        shards->bind(1, id);
        QList<quint32> indexes;
        while (shards->step() == SQLITE_ROW)
            indexes.append(quint32(shards->columnInt64(0)));
        bool done = true;
        for (quint32 index : indexes) {
            const qint64 deleted =
                deleteBelow(db, id, index, std::numeric_limits<qint64>::max(), budget);
            if (deleted < 0)
                return;
            budget -= deleted;
            if (budget <= 0) {
                done = false;
                break;
            }
        }
        if (!done)
            break;
        for (const char *sql : {"DELETE FROM shards WHERE stream_id = ?1",
                                "DELETE FROM tags WHERE stream_id = ?1",
                                "DELETE FROM data_keys WHERE stream_id = ?1",
                                "DELETE FROM consumers WHERE stream_id = ?1",
                                "DELETE FROM consumer_tags WHERE stream_id = ?1",
                                "DELETE FROM streams WHERE id = ?1"}) {
            auto stmt = db.prepare(sql);
            if (!stmt)
                return;
            stmt->bind(1, id);
            if (stmt->step() != SQLITE_DONE)
                return;
        }
        ws.purge.removeFirst();
        ws.nextCounter.remove(id);
    }

    // Retention: records older than the trim horizon are deleted from disk.
    for (const StreamMetaPtr &stream : std::as_const(ws.working.streams)) {
        if (budget <= 0)
            break;
        const qint64 below = SequenceNumber::counterAt(nowMs - stream->retentionMs());
        for (const ShardMeta &shard : stream->shards) {
            if (budget <= 0)
                break;
            const qint64 deleted = deleteBelow(db, stream->id, shard.index, below, budget);
            if (deleted < 0)
                return;
            budget -= deleted;
        }
    }
    ws.moreHousekeeping = budget <= 0 || !ws.purge.isEmpty();
}

void Engine::runHousekeeping()
{
    do {
        m_writer->runHousekeepingNow();
    } while (m_writerState->moreHousekeeping);
}

std::expected<qint64, Error> Engine::storedRecordCount(const QString &streamName,
                                                       const QString &shardId) const
{
    const auto catalog = snapshot();
    const StreamMetaPtr stream = catalog->streams.value(streamName);
    const auto index = ShardId::parse(shardId);
    if (!stream || !index)
        return std::unexpected(notFound(streamName));
    auto reader = m_readers->acquire();
    if (!reader)
        return std::unexpected(reader.error());
    SqliteStatement &stats = (*reader)->shardStats;
    stats.bind(1, stream->id);
    stats.bind(2, qint64(*index));
    stats.bind(3, std::numeric_limits<qint64>::min());
    stats.bind(4, std::numeric_limits<qint64>::max());
    qint64 count = 0;
    if (stats.step() == SQLITE_ROW)
        count = stats.columnInt64(0);
    stats.reset();
    return count;
}

std::expected<QList<ShardStatistics>, Error> Engine::shardStatistics(const QString &streamName) const
{
    const auto catalog = snapshot();
    const StreamMetaPtr stream = catalog->streams.value(streamName);
    const qint64 nowMs = now();
    if (!stream || stream->isGone(nowMs))
        return std::unexpected(notFound(streamName));
    auto reader = m_readers->acquire();
    if (!reader)
        return std::unexpected(reader.error());
    SqliteStatement &stats = (*reader)->shardStats;
    const qint64 horizon = SequenceNumber::counterAt(stream->trimHorizonMs(nowMs));
    QList<ShardStatistics> result;
    for (const ShardMeta &shard : stream->shards) {
        if (!stream->isListed(shard, nowMs))
            continue;
        ShardStatistics entry{ShardId::format(shard.index), 0, 0};
        stats.bind(1, stream->id);
        stats.bind(2, qint64(shard.index));
        stats.bind(3, horizon);
        stats.bind(4, std::numeric_limits<qint64>::max());
        if (stats.step() == SQLITE_ROW) {
            entry.recordCount = stats.columnInt64(0);
            entry.bytes = stats.columnInt64(1);
        }
        stats.reset();
        result.append(entry);
    }
    return result;
}

std::expected<ShardStatistics, Error> Engine::retentionImpact(const QString &streamName, int hours) const
{
    const auto catalog = snapshot();
    const StreamMetaPtr stream = catalog->streams.value(streamName);
    const qint64 nowMs = now();
    if (!stream || stream->isGone(nowMs))
        return std::unexpected(notFound(streamName));
    ShardStatistics total{QString(), 0, 0};
    const qint64 horizon = SequenceNumber::counterAt(stream->trimHorizonMs(nowMs));
    const qint64 newHorizon = SequenceNumber::counterAt(nowMs - qint64(hours) * 3600 * 1000);
    if (newHorizon <= horizon)
        return total;
    auto reader = m_readers->acquire();
    if (!reader)
        return std::unexpected(reader.error());
    SqliteStatement &stats = (*reader)->shardStats;
    for (const ShardMeta &shard : stream->shards) {
        stats.bind(1, stream->id);
        stats.bind(2, qint64(shard.index));
        stats.bind(3, horizon);
        stats.bind(4, newHorizon);
        if (stats.step() == SQLITE_ROW) {
            total.recordCount += stats.columnInt64(0);
            total.bytes += stats.columnInt64(1);
        }
        stats.reset();
    }
    return total;
}

} // namespace shardscope
