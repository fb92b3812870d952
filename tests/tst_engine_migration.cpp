// A database written by the build before sequence numbers went from 32 to 56 digits
// (tests/data/engine-v3.db, made by tests/data/make-engine-v3-db.py against that build) opens
// in this one: the schema is upgraded, every record reads back with the 56-digit number of the
// same counter in the same order, and what the old build handed out (32-digit sequence numbers
// saved as checkpoints, an iterator, a NextToken) still works.

#include "engine/clock.h"
#include "engine/engine.h"

#include <QFile>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include "expectedassert.h"

using namespace shardscope;
using shardscope::testing::describe;
using namespace Qt::StringLiterals;

namespace {

// When the old build issued the iterator and the NextToken below; the test's clock runs a
// minute later, well inside both lifetimes.
constexpr qint64 kIssuedMs = 1'796'613'818'200;
constexpr qint64 kNowMs = kIssuedMs + 60'000;

struct OldPut
{
    const char *stream;
    const char *data;
    const char *shardId;
    const char *sequenceNumber; // as the old build answered PutRecord
};

// Everything the old build acknowledged, in put order.
constexpr OldPut kOldPuts[] = {
    {"orders", "order-0", "shardId-000000000001", "49018838861306019184640000000001"},
    {"orders", "order-1", "shardId-000000000001", "49018838861306082099200000000001"},
    {"orders", "order-2", "shardId-000000000001", "49018838861306103070720000000001"},
    {"orders", "order-3", "shardId-000000000001", "49018838861306124042240000000001"},
    {"orders", "order-4", "shardId-000000000000", "49018838861306134528000000000000"},
    {"orders", "order-5", "shardId-000000000001", "49018838861306145013760000000001"},
    // shardId-000000000000 split into 2 and 3 here
    {"orders", "order-6", "shardId-000000000001", "49018838861309531914240000000001"},
    {"orders", "order-7", "shardId-000000000002", "49018838861309657743360000000002"},
    {"orders", "order-8", "shardId-000000000001", "49018838861309825515520000000001"},
    {"orders", "order-9", "shardId-000000000002", "49018838861309846487040000000002"},
    {"sealed", "secret-0", "shardId-000000000000", "49018838861309909401600000000000"},
    {"sealed", "secret-1", "shardId-000000000000", "49018838861310119116800000000000"},
    {"sealed", "secret-2", "shardId-000000000000", "49018838861310244945920000000000"},
};

struct OldShard
{
    const char *stream;
    const char *shardId;
    const char *starting;
    const char *ending; // nullptr while open
};

constexpr OldShard kOldShards[] = {
    {"orders", "shardId-000000000000", "49018838861289734799360000000000",
     "49018838861306186956800000000000"},
    {"orders", "shardId-000000000001", "49018838861289734799360000000001", nullptr},
    {"orders", "shardId-000000000002", "49018838861306186956810000000002", nullptr},
    {"orders", "shardId-000000000003", "49018838861306186956810000000003", nullptr},
    {"sealed", "shardId-000000000000", "49018838861296214999040000000000", nullptr},
};

// GetShardIterator(orders, shardId-000000000001, TRIM_HORIZON) and the NextToken of
// ListShards(orders, MaxResults 1), as the old build answered them.
const QString kOldIterator =
    u"AQAAAaJOh0dVAAAAAAAAAAEAAAGiToc_rAAAAAwAbwByAGQAZQByAHMAAAABAAAAAAAAAAAzlmPuyop7SjinR1CSUzlg"_s;
const QString kOldNextToken =
    u"AgAAAaJOh0dYAAAAAAAAAAEAAAAMAG8AcgBkAGUAcgBzAAAAAAAAAAAAAAAAAP____8AAAAAAAAAAAADq7_lJtcTH2cjWSHD0ojU"_s;

// The 56-digit text the engine gives a number it issued as `old`.
QString upgraded(const char *old)
{
    const auto legacy = SequenceNumber::parseLegacy(QString::fromLatin1(old));
    return legacy ? legacy->toString() : QString();
}

// Info messages of shardscope.engine while it exists.
class EngineLog final
{
public:
    EngineLog()
    {
        {
            QMutexLocker lock(&s_mutex);
            s_infos.clear();
        }
        s_previous = qInstallMessageHandler(&EngineLog::handle);
    }
    ~EngineLog() { qInstallMessageHandler(s_previous); }
    Q_DISABLE_COPY_MOVE(EngineLog)
    static QStringList infos()
    {
        QMutexLocker lock(&s_mutex);
        return s_infos;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        if (type == QtInfoMsg && qstrcmp(context.category, "shardscope.engine") == 0) {
            QMutexLocker lock(&s_mutex);
            s_infos.append(text);
        }
        if (s_previous)
            s_previous(type, context, text);
    }
    static inline QMutex s_mutex;
    static inline QStringList s_infos;
    static inline QtMessageHandler s_previous = nullptr;
};

qint64 rawNumber(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    qint64 value = -1;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            value = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    }
    sqlite3_close_v2(db);
    return value;
}

struct Harness
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kNowMs);
    std::unique_ptr<Engine> engine;

    QString path() const { return dir.filePath(u"upgraded.db"_s); }

    bool copyFixture() const
    {
        const QString fixture = QStringLiteral(SHARDSCOPE_TEST_DATA_DIR "/engine-v3.db");
        return QFile::copy(fixture, path()) &&
               QFile::setPermissions(path(), QFile::ReadOwner | QFile::WriteOwner);
    }

    std::expected<void, Error> open()
    {
        EngineOptions options;
        options.databasePath = path();
        options.clock = clock;
        auto opened = Engine::open(options);
        if (!opened)
            return std::unexpected(opened.error());
        engine = std::move(*opened);
        return {};
    }

    std::expected<QString, Error> iterator(const QString &stream, const QString &shardId,
                                           ShardIteratorType type,
                                           std::optional<QString> sequence = std::nullopt) const
    {
        GetShardIteratorRequest request;
        request.target = StreamTarget::byName(stream);
        request.shardId = shardId;
        request.shardIteratorType = type;
        request.startingSequenceNumber = std::move(sequence);
        auto response = engine->getShardIterator(request);
        if (!response)
            return std::unexpected(response.error());
        return response->shardIterator;
    }

    std::expected<GetRecordsResponse, Error> read(const QString &iterator) const
    {
        GetRecordsRequest request;
        request.shardIterator = iterator;
        return engine->getRecords(request);
    }

    // The data of the records an iterator reads, in order.
    std::expected<QList<QByteArray>, Error> dataFrom(const QString &iterator) const
    {
        auto page = read(iterator);
        if (!page)
            return std::unexpected(page.error());
        QList<QByteArray> data;
        for (const Record &record : std::as_const(page->records))
            data.append(record.data);
        return data;
    }
};

} // namespace

class TestEngineMigration : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void upgradesTheSchemaOnce();
    void recordsReadBackWithTheirNumbersInFiftySixDigits();
    void shardRangesInFiftySixDigits();
    void savedThirtyTwoDigitNumbersStillStartReads();
    void thirtyTwoDigitNumbersAreOnlyThoseIssuedBefore();
    void iteratorAndNextTokenOfTheOldBuildStillWork();

private:
    std::unique_ptr<Harness> m_h;
};

void TestEngineMigration::init()
{
    m_h = std::make_unique<Harness>();
    QVERIFY(m_h->dir.isValid());
    QVERIFY(m_h->copyFixture());
    QCOMPARE(rawNumber(m_h->path(), "PRAGMA user_version"), 3);
}

void TestEngineMigration::upgradesTheSchemaOnce()
{
    {
        const EngineLog log;
        VERIFY_OK(m_h->open());
        QCOMPARE(EngineLog::infos(),
                 (QStringList{u"Upgrading the database schema from version 3 to 4"_s,
                              u"Upgrading the database schema from version 4 to 5"_s}));
    }
    // The highest counter the old build had issued or handed out: the sealed stream's next.
    const qint64 limit =
        rawNumber(m_h->path(), "SELECT value FROM meta WHERE key = 'legacy_sequence_limit'");
    QCOMPARE(limit, rawNumber(m_h->path(), "SELECT max(next_counter) FROM streams"));
    QVERIFY(limit >
            SequenceNumber::parseLegacy(QString::fromLatin1(kOldPuts[12].sequenceNumber))->counter);
    QCOMPARE(rawNumber(m_h->path(), "PRAGMA user_version"), 5);
    // Version 5: the control plane starts empty for the old streams.
    QCOMPARE(rawNumber(m_h->path(), "SELECT count(*) FROM streams WHERE shard_level_metrics != '' "
                                    "OR warm_target_mibps != 0 OR resource_policy IS NOT NULL"),
             0);
    QCOMPARE(rawNumber(m_h->path(), "SELECT count(*) FROM billing_commitment"), 0);

    m_h->engine.reset();
    const EngineLog log;
    VERIFY_OK(m_h->open());
    QVERIFY(EngineLog::infos().isEmpty()); // nothing left to upgrade
    QCOMPARE(rawNumber(m_h->path(), "SELECT value FROM meta WHERE key = 'legacy_sequence_limit'"),
             limit);
}

void TestEngineMigration::recordsReadBackWithTheirNumbersInFiftySixDigits()
{
    VERIFY_OK(m_h->open());
    // Per shard, in stored order: what the old build acknowledged there, in put order.
    QMap<QPair<QString, QString>, QList<OldPut>> expected;
    for (const OldPut &put : kOldPuts)
        expected[{QLatin1StringView(put.stream), QLatin1StringView(put.shardId)}].append(put);
    int read = 0;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const auto iterator =
            m_h->iterator(it.key().first, it.key().second, ShardIteratorType::TrimHorizon);
        VERIFY_OK(iterator);
        const auto page = m_h->read(*iterator);
        VERIFY_OK(page);
        QCOMPARE(page->records.size(), it.value().size());
        for (qsizetype i = 0; i < page->records.size(); ++i) {
            const Record &record = page->records.at(i);
            const OldPut &put = it.value().at(i);
            QCOMPARE(record.data, QByteArray(put.data));
            const QString text = record.sequenceNumber.toString();
            QCOMPARE(text.size(), 56);
            QCOMPARE(text, upgraded(put.sequenceNumber));
            // The same counter and shard: the old number's last 30 digits.
            QCOMPARE(text.right(30), QString::fromLatin1(put.sequenceNumber).right(30));
            QCOMPARE(record.encryptionType,
                     it.key().first == u"sealed"_s ? EncryptionType::Kms : EncryptionType::None);
            if (i > 0) {
                // Same order as before, and textual order is still numeric order.
                QVERIFY(qstrcmp(it.value().at(i - 1).sequenceNumber, put.sequenceNumber) < 0);
                QVERIFY(page->records.at(i - 1).sequenceNumber.toString() < text);
            }
            ++read;
        }
    }
    QCOMPARE(read, int(std::size(kOldPuts)));

    // New records follow the old ones, in 56 digits.
    PutRecordRequest put;
    put.target = StreamTarget::byName(u"orders"_s);
    put.partitionKey = u"customer-0"_s; // shard 1, like order-0
    put.data = "order-10";
    const auto added = m_h->engine->putRecord(put);
    VERIFY_OK(added);
    QCOMPARE(added->shardId, u"shardId-000000000001"_s);
    QCOMPARE(added->sequenceNumber.toString().size(), 56);
    QVERIFY(added->sequenceNumber.toString() > upgraded(kOldPuts[8].sequenceNumber));
}

void TestEngineMigration::shardRangesInFiftySixDigits()
{
    VERIFY_OK(m_h->open());
    for (const QString &stream : {u"orders"_s, u"sealed"_s}) {
        ListShardsRequest request;
        request.target = StreamTarget::byName(stream);
        const auto listed = m_h->engine->listShards(request);
        VERIFY_OK(listed);
        int matched = 0;
        for (const OldShard &old : kOldShards) {
            if (stream != QLatin1StringView(old.stream))
                continue;
            const auto shard =
                std::find_if(listed->shards.cbegin(), listed->shards.cend(), [&](const Shard &s) {
                    return s.shardId == QLatin1StringView(old.shardId);
                });
            QVERIFY(shard != listed->shards.cend());
            QCOMPARE(shard->startingSequenceNumber.toString(), upgraded(old.starting));
            QCOMPARE(shard->endingSequenceNumber.has_value(), old.ending != nullptr);
            if (old.ending)
                QCOMPARE(shard->endingSequenceNumber->toString(), upgraded(old.ending));
            ++matched;
        }
        QCOMPARE(matched, listed->shards.size());
    }
}

void TestEngineMigration::savedThirtyTwoDigitNumbersStillStartReads()
{
    VERIFY_OK(m_h->open());
    const QString shard1 = u"shardId-000000000001"_s;
    const QList<QByteArray> afterOrder1 = {"order-2", "order-3", "order-5", "order-6", "order-8"};
    // A consumer's checkpoint saved before the upgrade, and the same number in 56 digits.
    const QString checkpoint = QLatin1StringView(kOldPuts[1].sequenceNumber);
    for (const QString &number : {checkpoint, upgraded(kOldPuts[1].sequenceNumber)}) {
        const auto after =
            m_h->iterator(u"orders"_s, shard1, ShardIteratorType::AfterSequenceNumber, number);
        VERIFY_OK(after);
        QCOMPARE(m_h->dataFrom(*after).value(), afterOrder1);
        const auto at =
            m_h->iterator(u"orders"_s, shard1, ShardIteratorType::AtSequenceNumber, number);
        VERIFY_OK(at);
        QCOMPARE(m_h->dataFrom(*at).value(), QList<QByteArray>{"order-1"} + afterOrder1);
    }
    // The closed parent's old ending number: after it the shard is done, its children next.
    const auto end = m_h->iterator(u"orders"_s, u"shardId-000000000000"_s,
                                   ShardIteratorType::AfterSequenceNumber,
                                   QLatin1StringView(kOldShards[0].ending));
    VERIFY_OK(end);
    const auto last = m_h->read(*end);
    VERIFY_OK(last);
    QVERIFY(last->records.isEmpty());
    QVERIFY(!last->nextShardIterator.has_value());
    QCOMPARE(last->childShards.value().size(), 2);
    // A shard's old starting number, as ListShards gave it: from the first record.
    const auto start =
        m_h->iterator(u"sealed"_s, u"shardId-000000000000"_s, ShardIteratorType::AtSequenceNumber,
                      QLatin1StringView(kOldShards[4].starting));
    VERIFY_OK(start);
    QCOMPARE(m_h->dataFrom(*start).value(),
             (QList<QByteArray>{"secret-0", "secret-1", "secret-2"}));
    // And as the exclusive minimum of a put.
    PutRecordRequest put;
    put.target = StreamTarget::byName(u"orders"_s);
    put.partitionKey = u"customer-1"_s;
    put.data = "order-11";
    put.sequenceNumberForOrdering = checkpoint;
    VERIFY_OK(m_h->engine->putRecord(put));
}

void TestEngineMigration::thirtyTwoDigitNumbersAreOnlyThoseIssuedBefore()
{
    VERIFY_OK(m_h->open());
    m_h->clock->advanceMs(1000);
    PutRecordRequest put;
    put.target = StreamTarget::byName(u"orders"_s);
    put.partitionKey = u"customer-0"_s;
    put.data = "order-10";
    const auto added = m_h->engine->putRecord(put);
    VERIFY_OK(added);
    // The 32-digit form of a number issued after the upgrade was never handed out.
    const QString never = u"49"_s + added->sequenceNumber.toString().right(30);
    QVERIFY(SequenceNumber::parseLegacy(never).has_value());
    const auto refused = m_h->iterator(u"orders"_s, u"shardId-000000000001"_s,
                                       ShardIteratorType::AtSequenceNumber, never);
    QVERIFY(!refused);
    QCOMPARE(refused.error().type, ErrorType::InvalidArgument);
    QVERIFY2(refused.error().message.endsWith(u" is invalid."_s), describe(refused).constData());
    const auto works =
        m_h->iterator(u"orders"_s, u"shardId-000000000001"_s, ShardIteratorType::AtSequenceNumber,
                      added->sequenceNumber.toString());
    VERIFY_OK(works);
    QCOMPARE(m_h->dataFrom(*works).value(), QList<QByteArray>{"order-10"});
}

void TestEngineMigration::iteratorAndNextTokenOfTheOldBuildStillWork()
{
    VERIFY_OK(m_h->open());
    const auto page = m_h->read(kOldIterator);
    VERIFY_OK(page);
    QCOMPARE(page->records.size(), 7); // order-0, 1, 2, 3, 5, 6 and 8
    QCOMPARE(page->records.first().sequenceNumber.toString(), upgraded(kOldPuts[0].sequenceNumber));

    ListShardsRequest next;
    next.nextToken = kOldNextToken;
    const auto rest = m_h->engine->listShards(next);
    VERIFY_OK(rest);
    QCOMPARE(rest->shards.size(), 3);
    QCOMPARE(rest->shards.first().shardId, u"shardId-000000000001"_s);
}

QTEST_GUILESS_MAIN(TestEngineMigration)
#include "tst_engine_migration.moc"
