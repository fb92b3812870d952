#include "enginecore.h"

#include "clock.h"
#include "enginelog.h"
#include "requestvalidation.h"
#include "schema.h"

#include "kinesis/shardid.h"
#include "kinesis/streamarn.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QUuid>

#include <sqlite3.h>

namespace shardscope {

using RequestValidation::checkArn;
using RequestValidation::checkName;
using RequestValidation::invalidArgument;

EngineCore::EngineCore(EngineOptions options, Listener listener)
    : m_options(std::move(options)), m_listener(std::move(listener)),
      m_limiter(ThroughputLimiter::Limits{}.scaled(m_options.throughputLimitFactor),
                m_options.throughputLimits)
{
    if (!m_options.clock)
        m_options.clock = std::make_shared<SystemClock>();
}

EngineCore::~EngineCore()
{
    m_writer.reset(); // drains queued jobs first
    m_records.reset();
    if (m_inMemory) {
        QFile::remove(m_path);
        QFile::remove(m_path + QStringLiteral("-wal"));
        QFile::remove(m_path + QStringLiteral("-shm"));
    }
}

std::expected<std::unique_ptr<EngineCore>, Error> EngineCore::open(EngineOptions options,
                                                                   Listener listener)
{
    std::unique_ptr<EngineCore> core(new EngineCore(std::move(options), std::move(listener)));
    if (auto started = core->start(); !started)
        return std::unexpected(started.error());
    return core;
}

std::expected<void, Error> EngineCore::start()
{
    m_path = m_options.databasePath;
    if (m_path.isEmpty()) {
        m_inMemory = true;
        const QString dir = QDir(QStringLiteral("/dev/shm")).exists()
                                ? QStringLiteral("/dev/shm")
                                : QStandardPaths::writableLocation(QStandardPaths::TempLocation);
        m_path =
            dir % u"/shardscope-" % QUuid::createUuid().toString(QUuid::WithoutBraces) % u".db";
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
        auto insert =
            writeDb.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('token_key', ?1)");
        if (!insert)
            return std::unexpected(insert.error());
        insert->bind(1, key);
        if (insert->step() != SQLITE_DONE)
            return std::unexpected(writeDb.lastError("store token key"));
    }
    {
        auto select = writeDb.prepare("SELECT value FROM meta WHERE key = 'legacy_sequence_limit'");
        if (!select)
            return std::unexpected(select.error());
        if (select->step() == SQLITE_ROW)
            m_legacySequenceLimit = select->columnInt64(0);
    }
    m_tokens = std::make_unique<PageTokens>(key, m_options.iteratorLifetimeMs,
                                            KinesisLimits::kNextTokenLifetimeMs);

    m_kms = std::make_unique<LocalKms>(m_options.region, m_options.account);
    if (auto r = m_kms->load(writeDb); !r)
        return r;
    if (auto r = m_kms->ensureDefaultKey(writeDb, now()); !r)
        return r;

    if (auto r = m_catalog.load(writeDb, now()); !r)
        return r;
    if (auto r = m_catalog.prepare(writeDb); !r)
        return r;
    m_records = std::make_unique<RecordStore>(m_path, m_catalog, *m_kms);
    if (auto r = m_records->prepare(writeDb); !r)
        return r;
    m_catalog.publish(); // opening is not a change

    WriterThread::Hooks hooks;
    hooks.afterCommit = [this](bool committed) { afterCommit(committed); };
    hooks.afterGroup = [this] { afterGroup(); };
    hooks.housekeeping = [this](SqliteDb &writeConnection) {
        // Housekeeping writes too: not over a working state that is not the committed one.
        m_moreHousekeeping = !m_writesRefused.load(std::memory_order_acquire) &&
                             Housekeeping::run(*this, writeConnection);
    };
    m_writeDb = db->get();
    m_writer = std::make_unique<WriterThread>(std::move(*db), std::move(hooks));
    return {};
}

void EngineCore::afterCommit(bool committed)
{
    if (m_writesRefused.load(std::memory_order_acquire)) {
        // The working state is not the committed one: never publish it. (Refused jobs write
        // nothing, so their groups commit nothing.)
        return;
    }
    if (committed) {
        if (m_kms->isDirty())
            m_kms->publish();
        if (m_catalog.hasUnpublishedChanges() && m_catalog.publish()) {
            m_catalogChangedPending = true;
            // Streams or shards changed: closed shards and gone streams keep no buckets.
            m_limiter.retainOpenShards(*m_catalog.snapshot(), now());
        }
        return;
    }
    // The group was rolled back: forget its in-memory changes by reading what is committed.
    m_records->dropAnnouncements();
    qCWarning(lcEngine) << "A write group could not commit and was rolled back; reloading the"
                           " catalog and the KMS keys from the database.";
    std::expected<void, Error> reloaded = m_kms->load(*m_writeDb);
    if (reloaded)
        reloaded = m_catalog.load(*m_writeDb, now());
    if (!reloaded)
        refuseWrites(reloaded.error());
}

void EngineCore::refuseWrites(const Error &cause)
{
    qCCritical(lcEngine).noquote()
        << "Reloading the catalog after a rolled-back write group failed:" << cause.message
        << "- every write is refused from now on; what was committed can still be read.";
    {
        std::lock_guard lock(m_refusalMutex);
        m_writeRefusal = Error::internal(
            u"The emulator no longer accepts writes: after a write group was rolled back, its "
            u"catalog could not be reloaded from the database (" %
            cause.message %
            u"). What was committed before can still be read; restart Shardscope to write again.");
    }
    m_writesRefused.store(true, std::memory_order_release);
}

std::optional<Error> EngineCore::writeRefusal() const
{
    std::lock_guard lock(m_refusalMutex);
    return m_writeRefusal;
}

void EngineCore::afterGroup()
{
    if (m_catalogChangedPending) {
        m_catalogChangedPending = false;
        if (m_listener.catalogChanged)
            m_listener.catalogChanged();
    }
    for (const RecordStore::Announcement &announcement : m_records->takeAnnouncements()) {
        if (m_listener.recordsAppended)
            m_listener.recordsAppended(announcement);
    }
}

void EngineCore::runHousekeeping()
{
    do {
        m_writer->runHousekeepingNow();
    } while (m_moreHousekeeping);
}

std::optional<SequenceNumber> EngineCore::parseOwnSequenceNumber(QStringView text) const
{
    if (auto current = SequenceNumber::parse(text))
        return current;
    auto legacy = SequenceNumber::parseLegacy(text);
    if (legacy && legacy->counter <= m_legacySequenceLimit)
        return legacy;
    return std::nullopt;
}

QString EngineCore::streamArn(const QString &streamName) const
{
    return StreamArn{QStringLiteral("aws"), m_options.region, m_options.account, streamName}
        .toString();
}

QString EngineCore::consumerArn(const QString &streamName, const ConsumerMeta &consumer) const
{
    return streamArn(streamName) % u"/consumer/" % consumer.name % u':' %
           QString::number(consumer.createdMs / 1000);
}

Error EngineCore::notFound(const QString &name) const
{
    return Error::streamNotFound(name, m_options.account);
}

Error EngineCore::notActive(const StreamMeta &stream, qint64 nowMs) const
{
    return Error{ErrorType::ResourceInUse,
                 u"Stream " % stream.name % u" under account " % m_options.account %
                     u" not ACTIVE, instead in state " % toWire(stream.effectiveStatus(nowMs))};
}

Error EngineCore::consumerNotFound(const QString &consumerName, const QString &streamName) const
{
    return Error{ErrorType::ResourceNotFound, u"Consumer " % consumerName % u" under stream " %
                                                  streamName % u" and account " %
                                                  m_options.account % u" not found."};
}

std::expected<StreamMetaPtr, Error> EngineCore::resolveArn(const QString &arn) const
{
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

std::expected<StreamMetaPtr, Error> EngineCore::resolve(const StreamTarget &target,
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

std::expected<StreamMetaPtr, Error> EngineCore::liveStream(const QString &name, qint64 nowMs) const
{
    const StreamMetaPtr current = m_catalog.stream(name);
    if (!current || current->isGone(nowMs))
        return std::unexpected(notFound(name));
    return current;
}

std::expected<StreamMetaPtr, Error> EngineCore::activeStream(const QString &name,
                                                             qint64 nowMs) const
{
    auto current = liveStream(name, nowMs);
    if (current && (*current)->effectiveStatus(nowMs) != StreamStatus::Active)
        return std::unexpected(notActive(**current, nowMs));
    return current;
}

} // namespace shardscope
