// Engine record path: PutRecord, PutRecords, GetShardIterator, GetRecords, retention,
// persistence, concurrency and the recordsAppended signal. Every engine runs on a ManualClock
// over a database in a QTemporaryDir.

#include "engine/clock.h"
#include "engine/engine.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "expectedassert.h"

using namespace shardscope;
using shardscope::testing::describe;
using shardscope::testing::typeNameOf;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000; // Tue Nov 14 22:13:20 UTC 2023
constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kHourMs = 3600 * 1000;

const QString kMaxHashKey = u"340282366920938463463374607431768211455"_s; // 2^128 - 1

} // namespace

namespace {

// One engine over a private database file, on a manual clock.
struct Harness
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;

    EngineOptions options() const
    {
        EngineOptions o;
        o.databasePath = dir.filePath(u"e.db"_s);
        o.clock = clock;
        o.createDelayMs = 0;
        o.updateDelayMs = 0;
        // The clock stands still while these tests write and read megabytes per shard: they
        // check the record path, not Kinesis's per-shard rate (tst_engine_throttling does).
        o.throughputLimits = false;
        return o;
    }

    std::expected<void, Error> open()
    {
        auto opened = Engine::open(options());
        if (!opened)
            return std::unexpected(opened.error());
        engine = std::move(*opened);
        return {};
    }

    std::expected<void, Error> createStream(const QString &name, int shardCount,
                                            std::optional<int> maxRecordSizeKiB = std::nullopt)
    {
        CreateStreamRequest request;
        request.streamName = name;
        request.shardCount = shardCount;
        request.maxRecordSizeInKiB = maxRecordSizeKiB;
        return engine->createStream(request);
    }

    std::expected<QList<Shard>, Error> shards(const QString &name) const
    {
        ListShardsRequest request;
        request.target = StreamTarget::byName(name);
        request.maxResults = 10000;
        auto listed = engine->listShards(request);
        if (!listed)
            return std::unexpected(listed.error());
        return listed->shards;
    }

    std::expected<PutRecordResponse, Error> put(const QString &stream, const QString &partitionKey,
                                                const QByteArray &data,
                                                std::optional<QString> explicitHashKey = std::nullopt)
    {
        PutRecordRequest request;
        request.target = StreamTarget::byName(stream);
        request.partitionKey = partitionKey;
        request.data = data;
        request.explicitHashKey = std::move(explicitHashKey);
        return engine->putRecord(request);
    }

    std::expected<QString, Error> iterator(const QString &stream, const QString &shardId,
                                           ShardIteratorType type,
                                           std::optional<QString> sequence = std::nullopt,
                                           std::optional<qint64> timestamp = std::nullopt) const
    {
        GetShardIteratorRequest request;
        request.target = StreamTarget::byName(stream);
        request.shardId = shardId;
        request.shardIteratorType = type;
        request.startingSequenceNumber = std::move(sequence);
        request.timestamp = timestamp;
        auto response = engine->getShardIterator(request);
        if (!response)
            return std::unexpected(response.error());
        return response->shardIterator;
    }

    std::expected<GetRecordsResponse, Error> get(const QString &iterator,
                                                 std::optional<int> limit = std::nullopt) const
    {
        GetRecordsRequest request;
        request.shardIterator = iterator;
        request.limit = limit;
        return engine->getRecords(request);
    }

    struct Drained
    {
        QList<Record> records;
        std::optional<QList<ChildShard>> childShards;
        int calls = 0;
        bool reachedShardEnd = false;
    };

    // Follows NextShardIterator until the shard is caught up (open) or ends (closed).
    std::expected<Drained, Error> drain(QString iterator, std::optional<int> limit = std::nullopt) const
    {
        Drained out;
        for (int guard = 0; guard < 100000; ++guard) {
            auto response = get(iterator, limit);
            if (!response)
                return std::unexpected(response.error());
            out.calls++;
            out.records += response->records;
            if (!response->nextShardIterator) {
                out.childShards = response->childShards;
                out.reachedShardEnd = true;
                return out;
            }
            if (response->records.isEmpty() && response->millisBehindLatest == 0)
                return out;
            iterator = *response->nextShardIterator;
        }
        return std::unexpected(Error::internal(u"GetRecords never caught up"_s));
    }

    std::expected<QList<Record>, Error> readShard(const QString &stream, const QString &shardId,
                                                  std::optional<int> limit = std::nullopt) const
    {
        auto it = iterator(stream, shardId, ShardIteratorType::TrimHorizon);
        if (!it)
            return std::unexpected(it.error());
        auto drained = drain(*it, limit);
        if (!drained)
            return std::unexpected(drained.error());
        return drained->records;
    }
};

// The MD5 of a partition key as a 128-bit big-endian integer, computed here independently.
uint128 md5Key(const QString &partitionKey)
{
    const QByteArray digest = QCryptographicHash::hash(partitionKey.toUtf8(), QCryptographicHash::Md5);
    uint128 value = 0;
    for (char c : digest)
        value = (value << 8) | static_cast<unsigned char>(c);
    return value;
}

// The open shard whose hash key range contains the key, or an empty string.
QString owningShard(const QList<Shard> &shards, uint128 key)
{
    for (const Shard &shard : shards) {
        if (!shard.endingSequenceNumber && shard.hashKeyRange.start.value <= key &&
            key <= shard.hashKeyRange.end.value)
            return shard.shardId;
    }
    return {};
}

QString shardIdAt(int index)
{
    return u"shardId-"_s + QString::number(index).rightJustified(12, u'0');
}

QByteArray payload(const QString &text)
{
    return text.toUtf8();
}

QByteArray bytePattern(qsizetype size, int seed)
{
    QByteArray data(size, Qt::Uninitialized);
    quint32 x = quint32(seed) * 2654435761u + 1;
    for (qsizetype i = 0; i < size; ++i) {
        x = x * 1103515245u + 12345u;
        data[i] = char(x >> 24);
    }
    return data;
}

} // namespace

// Re-emits the engine's writer-thread signal on the test thread (queued), so that QSignalSpy
// only ever touches its list from one thread.
class AppendedRelay : public QObject
{
    Q_OBJECT
signals:
    void appended(const QString &streamName, const QString &shardId,
                  const QString &lastSequenceNumber, int count);
};

class TestEngineRecords : public QObject
{
    Q_OBJECT

private slots:
    // Routing and payloads
    void md5Routing_data();
    void md5Routing();
    void explicitHashKeyRouting_data();
    void explicitHashKeyRouting();
    void explicitHashKeyOutOfRange_data();
    void explicitHashKeyOutOfRange();
    void dataRoundTrip_data();
    void dataRoundTrip();
    void partitionKeyUnicodeRoundTrip_data();
    void partitionKeyUnicodeRoundTrip();
    void putRecordOnCreatingStreamIsNotFound();

    // Sequence numbers
    void sequenceNumbersWithFrozenClock();
    void sequenceNumbersWhenClockGoesBackwards();
    void arrivalTimestampFollowsClock();

    // PutRecords
    void putRecords500InOrder();
    void putRecordsCountLimits_data();
    void putRecordsCountLimits();
    void putRecordsTotalSizeLimit();
    void putRecordsEntryValidationPaths_data();
    void putRecordsEntryValidationPaths();
    void putRecordsValidationErrorsCappedAtTen();
    void putRecordsOversizedRecordFailsAlone();

    // GetShardIterator
    void iteratorTrimHorizonReadsEverything();
    void iteratorLatestSeesOnlyLaterPuts();
    void iteratorAtAndAfterSequenceNumber_data();
    void iteratorAtAndAfterSequenceNumber();
    void iteratorAtTimestamp_data();
    void iteratorAtTimestamp();
    void iteratorAtTimestampInFuture();
    void iteratorArgumentCombinations_data();
    void iteratorArgumentCombinations();
    void iteratorSequenceNumberFromOtherShard();
    void iteratorSequenceNumberInvalid();
    void iteratorUnknownShard_data();
    void iteratorUnknownShard();
    void iteratorUnresolvableShard_data();
    void iteratorUnresolvableShard();
    void iteratorUnknownStream();

    // GetRecords
    void getRecordsLimit();
    void getRecordsLimitValidation_data();
    void getRecordsLimitValidation();
    void getRecordsRecordCountCap();
    void getRecordsByteCap();
    void getRecordsChainingReadsEachRecordOnce();
    void millisBehindLatest();
    void tamperedIterator_data();
    void tamperedIterator();
    void expiredIterator_data();
    void expiredIterator();
    void iteratorValidUpToLifetime();
    void getRecordsOnDeletedStream();
    void iteratorSurvivesStreamRecreation();

    // Retention, persistence, concurrency, signals
    void retentionTrimsReadsThenDisk();
    void retentionAfterDecrease();
    void persistenceAcrossReopen();
    void concurrentPutsFromFourThreads();
    void recordsAppendedOncePerPutRecords();
    void recordsAppendedPerShard();
};

// ---------------------------------------------------------------------------------------------
// Routing and payloads

void TestEngineRecords::md5Routing_data()
{
    QTest::addColumn<int>("shardCount");
    for (int n : {1, 2, 3, 4, 5, 7, 8, 16})
        QTest::addRow("%d shards", n) << n;
}

void TestEngineRecords::md5Routing()
{
    QFETCH(int, shardCount);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, shardCount));
    const auto shards = h.shards(u"S"_s);
    VERIFY_OK(shards);
    QCOMPARE(shards->size(), qsizetype(shardCount));

    QStringList keys = {u"a"_s, u"alpha"_s, u"ü"_s, u"日本語"_s, u"😀🚀"_s, QString(256, u'z')};
    for (int i = 0; i < 60; ++i)
        keys.append(u"user-"_s + QString::number(i));

    // Half through PutRecord, the rest through one PutRecords.
    QHash<QString, QString> expectedShardOf; // partition key -> shard id
    PutRecordsRequest batch;
    batch.target = StreamTarget::byName(u"S"_s);
    QSet<QString> usedShards;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QString &key = keys[i];
        const QString expected = owningShard(*shards, md5Key(key));
        QVERIFY(!expected.isEmpty());
        expectedShardOf.insert(key, expected);
        usedShards.insert(expected);
        if (i % 2 == 0) {
            const auto put = h.put(u"S"_s, key, payload(key));
            VERIFY_OK(put);
            QCOMPARE(put->shardId, expected);
            QCOMPARE(put->sequenceNumber.shardIndex, quint32(expected.mid(8).toUInt()));
        } else {
            batch.records.append(PutRecordsRequestEntry{payload(key), key, std::nullopt});
        }
    }
    const auto putBatch = h.engine->putRecords(batch);
    VERIFY_OK(putBatch);
    QCOMPARE(putBatch->failedRecordCount, 0);
    QCOMPARE(putBatch->records.size(), batch.records.size());
    for (qsizetype i = 0; i < batch.records.size(); ++i)
        QCOMPARE(putBatch->records[i].shardId, expectedShardOf.value(batch.records[i].partitionKey));
    if (shardCount >= 4)
        QVERIFY2(usedShards.size() >= 3, "66 keys should spread over several shards");

    // Every record is stored in (and only in) the shard its MD5 belongs to.
    int found = 0;
    for (const Shard &shard : *shards) {
        const auto records = h.readShard(u"S"_s, shard.shardId);
        VERIFY_OK(records);
        for (const Record &record : *records) {
            QCOMPARE(expectedShardOf.value(record.partitionKey), shard.shardId);
            QCOMPARE(record.data, payload(record.partitionKey));
            QCOMPARE(record.sequenceNumber.shardIndex, quint32(shard.shardId.mid(8).toUInt()));
            ++found;
        }
    }
    QCOMPARE(found, int(keys.size()));
}

void TestEngineRecords::explicitHashKeyRouting_data()
{
    QTest::addColumn<int>("shardCount");
    QTest::addColumn<QString>("hashKey");
    QTest::addColumn<int>("expectedShard");

    QTest::newRow("1 shard, min") << 1 << u"0"_s << 0;
    QTest::newRow("1 shard, max") << 1 << kMaxHashKey << 0;
    QTest::newRow("2 shards, min") << 2 << u"0"_s << 0;
    QTest::newRow("2 shards, 2^127-1") << 2 << u"170141183460469231731687303715884105727"_s << 0;
    QTest::newRow("2 shards, 2^127") << 2 << u"170141183460469231731687303715884105728"_s << 1;
    QTest::newRow("2 shards, max") << 2 << kMaxHashKey << 1;
    QTest::newRow("3 shards, end of 0") << 3 << u"113427455640312821154458202477256070484"_s << 0;
    QTest::newRow("3 shards, start of 1") << 3 << u"113427455640312821154458202477256070485"_s << 1;
    QTest::newRow("3 shards, end of 1") << 3 << u"226854911280625642308916404954512140969"_s << 1;
    QTest::newRow("3 shards, start of 2") << 3 << u"226854911280625642308916404954512140970"_s << 2;
    QTest::newRow("3 shards, max") << 3 << kMaxHashKey << 2;
    QTest::newRow("4 shards, 2^126-1") << 4 << u"85070591730234615865843651857942052863"_s << 0;
    QTest::newRow("4 shards, 2^126") << 4 << u"85070591730234615865843651857942052864"_s << 1;
    QTest::newRow("4 shards, 3*2^126-1") << 4 << u"255211775190703847597530955573826158591"_s << 2;
    QTest::newRow("4 shards, 3*2^126") << 4 << u"255211775190703847597530955573826158592"_s << 3;
    QTest::newRow("5 shards, start of 4") << 5 << u"272225893536750770770699685945414569164"_s << 4;
    QTest::newRow("5 shards, end of 3") << 5 << u"272225893536750770770699685945414569163"_s << 3;
    QTest::newRow("7 shards, start of 1") << 7 << u"48611766702991209066196372490252601636"_s << 1;
    QTest::newRow("7 shards, max") << 7 << kMaxHashKey << 6;
}

void TestEngineRecords::explicitHashKeyRouting()
{
    QFETCH(int, shardCount);
    QFETCH(QString, hashKey);
    QFETCH(int, expectedShard);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, shardCount));
    const auto shards = h.shards(u"S"_s);
    VERIFY_OK(shards);
    const QString expected = shardIdAt(expectedShard);

    // A partition key whose MD5 lands elsewhere, so the explicit key visibly overrides it.
    QString partitionKey = u"pk"_s;
    if (shardCount > 1) {
        for (int i = 0; i < 1000; ++i) {
            partitionKey = u"pk-"_s + QString::number(i);
            if (owningShard(*shards, md5Key(partitionKey)) != expected)
                break;
        }
        QVERIFY(owningShard(*shards, md5Key(partitionKey)) != expected);
    }

    const auto single = h.put(u"S"_s, partitionKey, "single", hashKey);
    VERIFY_OK(single);
    QCOMPARE(single->shardId, expected);

    PutRecordsRequest batch;
    batch.target = StreamTarget::byName(u"S"_s);
    batch.records.append(PutRecordsRequestEntry{"batch", partitionKey, hashKey});
    const auto many = h.engine->putRecords(batch);
    VERIFY_OK(many);
    QCOMPARE(many->failedRecordCount, 0);
    QCOMPARE(many->records.front().shardId, expected);

    const auto records = h.readShard(u"S"_s, expected);
    VERIFY_OK(records);
    QCOMPARE(records->size(), qsizetype(2));
    QCOMPARE(records->at(0).data, QByteArray("single"));
    QCOMPARE(records->at(1).data, QByteArray("batch"));
    QCOMPARE(records->at(0).partitionKey, partitionKey);
    QVERIFY(records->at(0).explicitHashKey.has_value());
    QCOMPARE(records->at(0).explicitHashKey->toDecimal(), hashKey);
}

void TestEngineRecords::explicitHashKeyOutOfRange_data()
{
    QTest::addColumn<bool>("batch");
    QTest::addColumn<QString>("hashKey");
    QTest::newRow("PutRecord 2^128") << false << u"340282366920938463463374607431768211456"_s;
    QTest::newRow("PutRecords 2^128") << true << u"340282366920938463463374607431768211456"_s;
    QTest::newRow("PutRecord 39 nines") << false << u"999999999999999999999999999999999999999"_s;
    QTest::newRow("PutRecords 39 nines") << true << u"999999999999999999999999999999999999999"_s;
}

void TestEngineRecords::explicitHashKeyOutOfRange()
{
    QFETCH(bool, batch);
    QFETCH(QString, hashKey);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 2));
    const QString message =
        u"Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was "_s +
        hashKey;
    if (batch) {
        PutRecordsRequest request;
        request.target = StreamTarget::byName(u"S"_s);
        request.records.append(PutRecordsRequestEntry{"ok", u"a"_s, std::nullopt});
        request.records.append(PutRecordsRequestEntry{"bad", u"b"_s, hashKey});
        const auto r = h.engine->putRecords(request);
        COMPARE_ERROR(r, ErrorType::InvalidArgument, message);
    } else {
        const auto r = h.put(u"S"_s, u"a"_s, "x", hashKey);
        COMPARE_ERROR(r, ErrorType::InvalidArgument, message);
    }
    // The whole request failed: nothing was stored.
    for (const QString &shard : {shardIdAt(0), shardIdAt(1)}) {
        const auto records = h.readShard(u"S"_s, shard);
        VERIFY_OK(records);
        QVERIFY(records->isEmpty());
    }
}

void TestEngineRecords::dataRoundTrip_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("maxRecordSizeKiB");

    QTest::newRow("text") << QByteArray("hello, kinesis") << 1024;
    QTest::newRow("zero bytes") << QByteArray("\0\0\0", 3) << 1024;
    QTest::newRow("binary with zeros") << QByteArray("\x00\x01\xff\x00\x80\x7f\x00", 7) << 1024;
    QByteArray all(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        all[i] = char(i);
    QTest::newRow("all byte values") << all << 1024;
    QTest::newRow("empty") << QByteArray("") << 1024;
    // Data plus the one-byte partition key "k" exactly at the 1 MiB record limit.
    QTest::newRow("1 MiB minus key") << bytePattern(kMiB - 1, 7) << 1024;
    QTest::newRow("1 MiB in a 2 MiB stream") << bytePattern(kMiB, 11) << 2048;
}

void TestEngineRecords::dataRoundTrip()
{
    QFETCH(QByteArray, data);
    QFETCH(int, maxRecordSizeKiB);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1, maxRecordSizeKiB));

    const auto single = h.put(u"S"_s, u"k"_s, data);
    VERIFY_OK(single);
    PutRecordsRequest batch;
    batch.target = StreamTarget::byName(u"S"_s);
    batch.records.append(PutRecordsRequestEntry{data, u"k"_s, std::nullopt});
    const auto many = h.engine->putRecords(batch);
    VERIFY_OK(many);
    QCOMPARE(many->failedRecordCount, 0);

    const auto records = h.readShard(u"S"_s, shardIdAt(0));
    VERIFY_OK(records);
    QCOMPARE(records->size(), qsizetype(2));
    for (const Record &record : *records) {
        QCOMPARE(record.data.size(), data.size());
        QVERIFY(record.data == data);
        QCOMPARE(record.partitionKey, u"k"_s);
    }
    QCOMPARE(records->at(0).sequenceNumber.toString(), single->sequenceNumber.toString());
    QCOMPARE(records->at(1).sequenceNumber.toString(), many->records[0].sequenceNumber->toString());
}

void TestEngineRecords::partitionKeyUnicodeRoundTrip_data()
{
    QTest::addColumn<QString>("partitionKey");
    QTest::newRow("latin-1") << u"Grüße"_s;
    QTest::newRow("cjk") << u"日本語のキー"_s;
    QTest::newRow("emoji (surrogate pairs)") << u"😀🚀🦀"_s;
    QTest::newRow("mixed scripts") << u"ключ-κλειδί-مفتاح"_s;
    QTest::newRow("256 two-byte chars") << QString(256, QChar(0x00DF));
    QTest::newRow("spaces and symbols") << u" a b\t{}[]\"'\\ "_s;
}

void TestEngineRecords::partitionKeyUnicodeRoundTrip()
{
    QFETCH(QString, partitionKey);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 4));
    const auto shards = h.shards(u"S"_s);
    VERIFY_OK(shards);
    const QString expected = owningShard(*shards, md5Key(partitionKey));

    const auto put = h.put(u"S"_s, partitionKey, "payload");
    VERIFY_OK(put);
    QCOMPARE(put->shardId, expected);
    const auto records = h.readShard(u"S"_s, expected);
    VERIFY_OK(records);
    QCOMPARE(records->size(), qsizetype(1));
    QCOMPARE(records->front().partitionKey, partitionKey);
    QVERIFY(!records->front().explicitHashKey.has_value());
}

void TestEngineRecords::putRecordOnCreatingStreamIsNotFound()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    auto options = h.options();
    options.createDelayMs = 500;
    auto opened = Engine::open(options);
    VERIFY_OK(opened);
    h.engine = std::move(*opened);
    VERIFY_OK(h.createStream(u"S"_s, 1));

    const QString notFound = u"Stream S under account 000000000000 not found."_s;
    COMPARE_ERROR(h.put(u"S"_s, u"a"_s, "x"), ErrorType::ResourceNotFound, notFound);
    PutRecordsRequest batch;
    batch.target = StreamTarget::byName(u"S"_s);
    batch.records.append(PutRecordsRequestEntry{"x", u"a"_s, std::nullopt});
    COMPARE_ERROR(h.engine->putRecords(batch), ErrorType::ResourceNotFound, notFound);

    h.clock->advanceMs(500);
    VERIFY_OK(h.put(u"S"_s, u"a"_s, "x"));
}

// ---------------------------------------------------------------------------------------------
// Sequence numbers

void TestEngineRecords::sequenceNumbersWithFrozenClock()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 3));

    // The clock never moves: every record arrives in the same millisecond.
    QList<PutRecordResponse> puts;
    for (int round = 0; round < 5; ++round) {
        for (int i = 0; i < 20; ++i) {
            const auto put = h.put(u"S"_s, u"k"_s + QString::number(i), "x");
            VERIFY_OK(put);
            puts.append(*put);
        }
        PutRecordsRequest batch;
        batch.target = StreamTarget::byName(u"S"_s);
        for (int i = 0; i < 40; ++i)
            batch.records.append(PutRecordsRequestEntry{"y", u"b"_s + QString::number(i), std::nullopt});
        const auto many = h.engine->putRecords(batch);
        VERIFY_OK(many);
        for (const PutRecordsResultEntry &entry : many->records) {
            QVERIFY(entry.sequenceNumber.has_value());
            puts.append(PutRecordResponse{entry.shardId, *entry.sequenceNumber, EncryptionType::None});
        }
    }
    QCOMPARE(puts.size(), qsizetype(300));

    QSet<QString> texts;
    QHash<QString, SequenceNumber> lastPerShard;
    SequenceNumber previous;
    for (const PutRecordResponse &put : std::as_const(puts)) {
        const QString text = put.sequenceNumber.toString();
        QCOMPARE(text.size(), qsizetype(56)); // as long as AWS's
        QVERIFY(text.startsWith(u"49"_s));
        const auto parsed = SequenceNumber::parse(text);
        QVERIFY(parsed.has_value());
        QVERIFY(*parsed == put.sequenceNumber);
        QVERIFY2(!texts.contains(text), qPrintable(u"duplicate sequence number "_s + text));
        texts.insert(text);
        // Increasing in put order across the stream, hence within each shard.
        QVERIFY(put.sequenceNumber > previous);
        previous = put.sequenceNumber;
        if (lastPerShard.contains(put.shardId))
            QVERIFY(put.sequenceNumber > lastPerShard.value(put.shardId));
        lastPerShard.insert(put.shardId, put.sequenceNumber);
        QCOMPARE(put.sequenceNumber.arrivalMs(), kStartMs);
    }

    // GetRecords returns them in sequence order with the same numbers.
    int total = 0;
    for (int shard = 0; shard < 3; ++shard) {
        const auto records = h.readShard(u"S"_s, shardIdAt(shard));
        VERIFY_OK(records);
        for (qsizetype i = 0; i < records->size(); ++i) {
            QVERIFY(texts.contains(records->at(i).sequenceNumber.toString()));
            if (i > 0)
                QVERIFY(records->at(i).sequenceNumber > records->at(i - 1).sequenceNumber);
            QCOMPARE(records->at(i).approximateArrivalTimestamp, kStartMs);
        }
        total += int(records->size());
    }
    QCOMPARE(total, 300);
}

void TestEngineRecords::sequenceNumbersWhenClockGoesBackwards()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));

    QList<SequenceNumber> sequence;
    auto putSome = [&](int count) {
        for (int i = 0; i < count; ++i) {
            const auto put = h.put(u"S"_s, u"k"_s, payload(QString::number(sequence.size())));
            if (!put)
                return false;
            sequence.append(put->sequenceNumber);
        }
        return true;
    };
    h.clock->advanceMs(10'000);
    QVERIFY(putSome(10));
    h.clock->setMs(kStartMs + 5'000); // five seconds back
    QVERIFY(putSome(10));
    h.clock->setMs(kStartMs + 1); // further back
    QVERIFY(putSome(10));
    h.clock->setMs(kStartMs + 20'000); // forward again
    QVERIFY(putSome(10));

    QSet<QString> unique;
    for (qsizetype i = 0; i < sequence.size(); ++i) {
        unique.insert(sequence[i].toString());
        if (i > 0)
            QVERIFY2(sequence[i] > sequence[i - 1],
                     qPrintable(u"sequence number %1 is not above its predecessor"_s.arg(i)));
    }
    QCOMPARE(unique.size(), qsizetype(40));

    const auto records = h.readShard(u"S"_s, shardIdAt(0));
    VERIFY_OK(records);
    QCOMPARE(records->size(), qsizetype(40));
    for (qsizetype i = 0; i < records->size(); ++i) {
        QCOMPARE(records->at(i).sequenceNumber.toString(), sequence[i].toString());
        QCOMPARE(records->at(i).data, payload(QString::number(i)));
    }
    QCOMPARE(records->back().approximateArrivalTimestamp, kStartMs + 20'000);
}

void TestEngineRecords::arrivalTimestampFollowsClock()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    const QList<qint64> offsets = {0, 1, 1'000, 2'500, 59'999, 3'600'000};
    for (qint64 offset : offsets) {
        h.clock->setMs(kStartMs + offset);
        const auto put = h.put(u"S"_s, u"k"_s, payload(QString::number(offset)));
        VERIFY_OK(put);
        QCOMPARE(put->sequenceNumber.arrivalMs(), kStartMs + offset);
    }
    const auto records = h.readShard(u"S"_s, shardIdAt(0));
    VERIFY_OK(records);
    QCOMPARE(records->size(), offsets.size());
    for (qsizetype i = 0; i < offsets.size(); ++i) {
        QCOMPARE(records->at(i).approximateArrivalTimestamp, kStartMs + offsets[i]);
        QCOMPARE(records->at(i).data, payload(QString::number(offsets[i])));
    }
}

// ---------------------------------------------------------------------------------------------
// PutRecords

void TestEngineRecords::putRecords500InOrder()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 3));
    const auto shards = h.shards(u"S"_s);
    VERIFY_OK(shards);

    PutRecordsRequest request;
    request.target = StreamTarget::byName(u"S"_s);
    for (int i = 0; i < 500; ++i)
        request.records.append(
            PutRecordsRequestEntry{payload(u"data-"_s + QString::number(i)), u"pk-"_s + QString::number(i), std::nullopt});
    const auto response = h.engine->putRecords(request);
    VERIFY_OK(response);
    QCOMPARE(response->failedRecordCount, 0);
    QCOMPARE(response->records.size(), qsizetype(500));

    QHash<QString, QString> sequenceOf; // data -> sequence number
    SequenceNumber previous;
    for (int i = 0; i < 500; ++i) {
        const PutRecordsResultEntry &entry = response->records[i];
        QVERIFY(entry.errorCode.isEmpty());
        QVERIFY(entry.sequenceNumber.has_value());
        QCOMPARE(entry.shardId, owningShard(*shards, md5Key(u"pk-"_s + QString::number(i))));
        QCOMPARE(entry.sequenceNumber->shardIndex, quint32(entry.shardId.mid(8).toUInt()));
        QVERIFY(*entry.sequenceNumber > previous); // results are in request order
        previous = *entry.sequenceNumber;
        sequenceOf.insert(u"data-"_s + QString::number(i), entry.sequenceNumber->toString());
    }

    int total = 0;
    for (const Shard &shard : *shards) {
        const auto records = h.readShard(u"S"_s, shard.shardId);
        VERIFY_OK(records);
        for (const Record &record : *records) {
            const QString data = QString::fromUtf8(record.data);
            QCOMPARE(record.sequenceNumber.toString(), sequenceOf.value(data));
            QCOMPARE(record.partitionKey, QString(u"pk-"_s + data.mid(5)));
        }
        total += int(records->size());
    }
    QCOMPARE(total, 500);
}

void TestEngineRecords::putRecordsCountLimits_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expectedMessage"); // empty: success
    QTest::newRow("0") << 0
                       << u"1 validation error detected: Value '[]' at 'records' failed to satisfy "
                          "constraint: Member must have length greater than or equal to 1"_s;
    QTest::newRow("1") << 1 << QString();
    QTest::newRow("500") << 500 << QString();
    QTest::newRow("501") << 501
                         << u"' at 'records' failed to satisfy constraint: Member must have length "
                            "less than or equal to 500"_s;
}

void TestEngineRecords::putRecordsCountLimits()
{
    QFETCH(int, count);
    QFETCH(QString, expectedMessage);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    PutRecordsRequest request;
    request.target = StreamTarget::byName(u"S"_s);
    for (int i = 0; i < count; ++i)
        request.records.append(PutRecordsRequestEntry{"x", u"k"_s, std::nullopt});
    const auto response = h.engine->putRecords(request);
    if (expectedMessage.isEmpty()) {
        VERIFY_OK(response);
        QCOMPARE(response->records.size(), qsizetype(count));
        QCOMPARE(response->failedRecordCount, 0);
        return;
    }
    QVERIFY(!response);
    QCOMPARE(response.error().typeName(), u"ValidationException"_s);
    if (count == 0) {
        QCOMPARE(response.error().message, expectedMessage);
    } else {
        // The list's text has Java object hashes; only its constraint is stable.
        QVERIFY2(response.error().message.startsWith(u"1 validation error detected: Value '"_s),
                 qPrintable(response.error().message));
        QVERIFY2(response.error().message.endsWith(expectedMessage), qPrintable(response.error().message));
    }
    const auto records = h.readShard(u"S"_s, shardIdAt(0));
    VERIFY_OK(records);
    QVERIFY(records->isEmpty());
}

void TestEngineRecords::putRecordsTotalSizeLimit()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    const QString limitMessage = u"Records size exceeds 5 MB limit"_s;

    // Five records of exactly 1 MiB each (data + one-byte key): exactly 5 MiB is accepted.
    PutRecordsRequest exact;
    exact.target = StreamTarget::byName(u"S"_s);
    for (int i = 0; i < 5; ++i)
        exact.records.append(PutRecordsRequestEntry{bytePattern(kMiB - 1, i), u"k"_s, std::nullopt});
    const auto accepted = h.engine->putRecords(exact);
    VERIFY_OK(accepted);
    QCOMPARE(accepted->failedRecordCount, 0);

    // One more byte (a sixth record with a one-byte key and no data) is over.
    PutRecordsRequest over = exact;
    over.records.append(PutRecordsRequestEntry{QByteArray(""), u"z"_s, std::nullopt});
    COMPARE_ERROR(h.engine->putRecords(over), ErrorType::InvalidArgument, limitMessage);

    // Six records of 900 KiB, each under the record limit, 5.27 MiB in total.
    PutRecordsRequest six;
    six.target = StreamTarget::byName(u"S"_s);
    for (int i = 0; i < 6; ++i)
        six.records.append(PutRecordsRequestEntry{bytePattern(900 * 1024, i), u"k"_s, std::nullopt});
    COMPARE_ERROR(h.engine->putRecords(six), ErrorType::InvalidArgument, limitMessage);

    // Partition keys count too: 5 MiB of data plus keys is over.
    PutRecordsRequest keys;
    keys.target = StreamTarget::byName(u"S"_s);
    for (int i = 0; i < 5; ++i)
        keys.records.append(PutRecordsRequestEntry{bytePattern(kMiB - 256, i), QString(256, u'k'), std::nullopt});
    keys.records.append(PutRecordsRequestEntry{QByteArray(""), u"k"_s, std::nullopt});
    COMPARE_ERROR(h.engine->putRecords(keys), ErrorType::InvalidArgument, limitMessage);

    const auto records = h.readShard(u"S"_s, shardIdAt(0));
    VERIFY_OK(records);
    QCOMPARE(records->size(), qsizetype(5)); // only the accepted request was stored
}

void TestEngineRecords::putRecordsEntryValidationPaths_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expectedMessage");
    const QString head = u"1 validation error detected: "_s;
    QTest::newRow("empty key, first") << 0 << u"emptyKey"_s
                                      << QString(head + u"Value '' at 'records.1.member.partitionKey' failed to "
                                                "satisfy constraint: Member must have length greater than or equal to 1"_s);
    QTest::newRow("null key, third") << 2 << u"nullKey"_s
                                     << QString(head + u"Value null at 'records.3.member.partitionKey' failed to "
                                               "satisfy constraint: Member must not be null"_s);
    QTest::newRow("long key, second") << 1 << u"longKey"_s
                                      << QString(head + u"Value '"_s + QString(257, u'x') +
                                             u"' at 'records.2.member.partitionKey' failed to satisfy "
                                             "constraint: Member must have length less than or equal to 256"_s);
    QTest::newRow("bad hash key, fifth") << 4 << u"badHashKey"_s
                                         << QString(head + u"Value '0x10' at 'records.5.member.explicitHashKey' "
                                                   "failed to satisfy constraint: Member must satisfy regular "
                                                   "expression pattern: 0|([1-9]\\d{0,38})"_s);
    QTest::newRow("leading zero hash key, second") << 1 << u"zeroHashKey"_s
                                                   << QString(head + u"Value '01' at 'records.2.member.explicitHashKey' "
                                                             "failed to satisfy constraint: Member must satisfy "
                                                             "regular expression pattern: 0|([1-9]\\d{0,38})"_s);
    QTest::newRow("null data, fourth") << 3 << u"nullData"_s
                                       << QString(head + u"Value null at 'records.4.member.data' failed to satisfy "
                                                 "constraint: Member must not be null"_s);
}

void TestEngineRecords::putRecordsEntryValidationPaths()
{
    QFETCH(int, index);
    QFETCH(QString, field);
    QFETCH(QString, expectedMessage);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    PutRecordsRequest request;
    request.target = StreamTarget::byName(u"S"_s);
    for (int i = 0; i < 5; ++i)
        request.records.append(PutRecordsRequestEntry{"x", u"k"_s, std::nullopt});
    PutRecordsRequestEntry &entry = request.records[index];
    if (field == u"emptyKey")
        entry.partitionKey = u""_s;
    else if (field == u"nullKey")
        entry.partitionKey = QString();
    else if (field == u"longKey")
        entry.partitionKey = QString(257, u'x');
    else if (field == u"badHashKey")
        entry.explicitHashKey = u"0x10"_s;
    else if (field == u"zeroHashKey")
        entry.explicitHashKey = u"01"_s;
    else if (field == u"nullData")
        entry.data = QByteArray();
    COMPARE_ERROR(h.engine->putRecords(request), ErrorType::Validation, expectedMessage);
}

void TestEngineRecords::putRecordsValidationErrorsCappedAtTen()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    PutRecordsRequest request;
    request.target = StreamTarget::byName(u"S"_s);
    for (int i = 0; i < 12; ++i)
        request.records.append(PutRecordsRequestEntry{"x", u""_s, std::nullopt});
    // Kinesis reports at most ten violations; the header says ten as well.
    QStringList violations;
    for (int i = 1; i <= 10; ++i)
        violations.append(u"Value '' at 'records.%1.member.partitionKey' failed to satisfy constraint: "
                          "Member must have length greater than or equal to 1"_s.arg(i));
    COMPARE_ERROR(h.engine->putRecords(request), ErrorType::Validation,
                  u"10 validation errors detected: "_s + violations.join(u"; "_s));
}

void TestEngineRecords::putRecordsOversizedRecordFailsAlone()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    PutRecordsRequest request;
    request.target = StreamTarget::byName(u"S"_s);
    request.records.append(PutRecordsRequestEntry{"first", u"a"_s, std::nullopt});
    // One byte over the stream's 1024 KiB record size (the limit is on the data blob).
    request.records.append(PutRecordsRequestEntry{bytePattern(kMiB + 1, 1), u"big"_s, std::nullopt});
    // Exactly at the limit: accepted.
    request.records.append(PutRecordsRequestEntry{bytePattern(kMiB, 2), u"fit"_s, std::nullopt});
    request.records.append(PutRecordsRequestEntry{"last", u"c"_s, std::nullopt});
    const auto response = h.engine->putRecords(request);
    VERIFY_OK(response);
    QCOMPARE(response->failedRecordCount, 1);
    QCOMPARE(response->records.size(), qsizetype(4));
    const PutRecordsResultEntry &failed = response->records[1];
    QVERIFY(!failed.errorCode.isEmpty());
    QVERIFY(!failed.errorMessage.isEmpty());
    QVERIFY(!failed.sequenceNumber.has_value());
    QVERIFY(failed.shardId.isEmpty());
    for (int i : {0, 2, 3}) {
        QVERIFY(response->records[i].errorCode.isEmpty());
        QVERIFY(response->records[i].sequenceNumber.has_value());
        QCOMPARE(response->records[i].shardId, shardIdAt(0));
    }
    QVERIFY(*response->records[3].sequenceNumber > *response->records[2].sequenceNumber);
    QVERIFY(*response->records[2].sequenceNumber > *response->records[0].sequenceNumber);

    const auto records = h.readShard(u"S"_s, shardIdAt(0));
    VERIFY_OK(records);
    QCOMPARE(records->size(), qsizetype(3));
    QCOMPARE(records->at(0).data, QByteArray("first"));
    QCOMPARE(records->at(1).partitionKey, u"fit"_s);
    QCOMPARE(records->at(2).data, QByteArray("last"));

    // Every record over the limit: all fail, nothing stored, still no exception.
    PutRecordsRequest allBig;
    allBig.target = StreamTarget::byName(u"S"_s);
    allBig.records.append(PutRecordsRequestEntry{bytePattern(kMiB + 1, 3), u"x"_s, std::nullopt});
    allBig.records.append(PutRecordsRequestEntry{bytePattern(kMiB + 1, 4), u"y"_s, std::nullopt});
    const auto none = h.engine->putRecords(allBig);
    VERIFY_OK(none);
    QCOMPARE(none->failedRecordCount, 2);
    for (const PutRecordsResultEntry &entry : none->records) {
        QVERIFY(!entry.errorCode.isEmpty());
        QVERIFY(!entry.sequenceNumber.has_value());
    }
    const auto after = h.readShard(u"S"_s, shardIdAt(0));
    VERIFY_OK(after);
    QCOMPARE(after->size(), qsizetype(3));
}

// ---------------------------------------------------------------------------------------------
// GetShardIterator

void TestEngineRecords::iteratorTrimHorizonReadsEverything()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    for (int i = 0; i < 10; ++i) {
        h.clock->advanceMs(10);
        VERIFY_OK(h.put(u"S"_s, u"k"_s, payload(QString::number(i))));
    }
    const auto it = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::TrimHorizon);
    VERIFY_OK(it);
    const auto response = h.get(*it);
    VERIFY_OK(response);
    QCOMPARE(response->records.size(), qsizetype(10));
    for (int i = 0; i < 10; ++i)
        QCOMPARE(response->records[i].data, payload(QString::number(i)));
    QCOMPARE(response->millisBehindLatest, qint64(0));
    QVERIFY(response->nextShardIterator.has_value());
    QVERIFY(!response->childShards.has_value());
}

void TestEngineRecords::iteratorLatestSeesOnlyLaterPuts()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));

    // LATEST on an empty shard.
    const auto empty = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::Latest);
    VERIFY_OK(empty);
    VERIFY_OK(h.put(u"S"_s, u"k"_s, "before-1"));
    VERIFY_OK(h.put(u"S"_s, u"k"_s, "before-2"));
    const auto latest = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::Latest);
    VERIFY_OK(latest);

    // Nothing yet.
    const auto nothing = h.get(*latest);
    VERIFY_OK(nothing);
    QVERIFY(nothing->records.isEmpty());
    QVERIFY(nothing->nextShardIterator.has_value());

    VERIFY_OK(h.put(u"S"_s, u"k"_s, "after-1"));
    VERIFY_OK(h.put(u"S"_s, u"k"_s, "after-2"));
    const auto later = h.get(*latest);
    VERIFY_OK(later);
    QCOMPARE(later->records.size(), qsizetype(2));
    QCOMPARE(later->records[0].data, QByteArray("after-1"));
    QCOMPARE(later->records[1].data, QByteArray("after-2"));

    // The empty-shard LATEST iterator sees every record put after it.
    const auto fromEmpty = h.get(*empty);
    VERIFY_OK(fromEmpty);
    QCOMPARE(fromEmpty->records.size(), qsizetype(4));
    QCOMPARE(fromEmpty->records[0].data, QByteArray("before-1"));

    // The NextShardIterator returned with no records also sees later puts.
    VERIFY_OK(h.put(u"S"_s, u"k"_s, "after-3"));
    const auto chained = h.drain(*nothing->nextShardIterator);
    VERIFY_OK(chained);
    QCOMPARE(chained->records.size(), qsizetype(3));
    QCOMPARE(chained->records.back().data, QByteArray("after-3"));
}

void TestEngineRecords::iteratorAtAndAfterSequenceNumber_data()
{
    QTest::addColumn<bool>("after");
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("expectedFirst"); // -1: no records
    QTest::newRow("AT first") << false << 0 << 0;
    QTest::newRow("AT middle") << false << 4 << 4;
    QTest::newRow("AT last") << false << 9 << 9;
    QTest::newRow("AFTER first") << true << 0 << 1;
    QTest::newRow("AFTER middle") << true << 4 << 5;
    QTest::newRow("AFTER last") << true << 9 << -1;
}

void TestEngineRecords::iteratorAtAndAfterSequenceNumber()
{
    QFETCH(bool, after);
    QFETCH(int, index);
    QFETCH(int, expectedFirst);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    QStringList sequence;
    for (int i = 0; i < 10; ++i) {
        if (i % 3 == 0)
            h.clock->advanceMs(7);
        const auto put = h.put(u"S"_s, u"k"_s, payload(QString::number(i)));
        VERIFY_OK(put);
        sequence.append(put->sequenceNumber.toString());
    }
    const auto it = h.iterator(u"S"_s, shardIdAt(0),
                               after ? ShardIteratorType::AfterSequenceNumber
                                     : ShardIteratorType::AtSequenceNumber,
                               sequence[index]);
    VERIFY_OK(it);
    const auto drained = h.drain(*it);
    VERIFY_OK(drained);
    if (expectedFirst < 0) {
        QVERIFY(drained->records.isEmpty());
        return;
    }
    QCOMPARE(drained->records.size(), qsizetype(10 - expectedFirst));
    QCOMPARE(drained->records.front().sequenceNumber.toString(), sequence[expectedFirst]);
    QCOMPARE(drained->records.front().data, payload(QString::number(expectedFirst)));
}

void TestEngineRecords::iteratorAtTimestamp_data()
{
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<int>("expectedFirst"); // -1: nothing
    // Records 0 at +1000, 1 and 2 at +2000, 3 at +3000; now is +5000.
    QTest::newRow("before the stream existed") << kStartMs - 86'400'000 << 0;
    QTest::newRow("epoch") << qint64(0) << 0;
    QTest::newRow("stream creation") << kStartMs << 0;
    QTest::newRow("exactly first") << kStartMs + 1'000 << 0;
    QTest::newRow("just after first") << kStartMs + 1'001 << 1;
    QTest::newRow("exactly second") << kStartMs + 2'000 << 1;
    QTest::newRow("between") << kStartMs + 2'500 << 3;
    QTest::newRow("exactly last") << kStartMs + 3'000 << 3;
    QTest::newRow("after last") << kStartMs + 3'001 << -1;
    QTest::newRow("now") << kStartMs + 5'000 << -1;
}

void TestEngineRecords::iteratorAtTimestamp()
{
    QFETCH(qint64, timestamp);
    QFETCH(int, expectedFirst);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    const QList<qint64> at = {1'000, 2'000, 2'000, 3'000};
    for (qsizetype i = 0; i < at.size(); ++i) {
        h.clock->setMs(kStartMs + at[i]);
        VERIFY_OK(h.put(u"S"_s, u"k"_s, payload(QString::number(i))));
    }
    h.clock->setMs(kStartMs + 5'000);
    const auto it = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::AtTimestamp, std::nullopt,
                               timestamp);
    VERIFY_OK(it);
    const auto drained = h.drain(*it);
    VERIFY_OK(drained);
    if (expectedFirst < 0) {
        QVERIFY(drained->records.isEmpty());
        return;
    }
    QCOMPARE(drained->records.size(), at.size() - expectedFirst);
    QCOMPARE(drained->records.front().data, payload(QString::number(expectedFirst)));
    QVERIFY(drained->records.front().approximateArrivalTimestamp >= timestamp);
}

void TestEngineRecords::iteratorAtTimestampInFuture()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    h.clock->advanceMs(1'234);
    const qint64 now = kStartMs + 1'234;
    COMPARE_ERROR(h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::AtTimestamp, std::nullopt, now + 1),
                  ErrorType::InvalidArgument,
                  u"The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. "
                  "timestampInMillis: %1, currentTimestampInMillis: %2"_s.arg(now + 1).arg(now));
    COMPARE_ERROR(h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::AtTimestamp, std::nullopt,
                             now + 86'400'000),
                  ErrorType::InvalidArgument,
                  u"The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. "
                  "timestampInMillis: %1, currentTimestampInMillis: %2"_s.arg(now + 86'400'000).arg(now));
    VERIFY_OK(h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::AtTimestamp, std::nullopt, now));
}

void TestEngineRecords::iteratorArgumentCombinations_data()
{
    QTest::addColumn<ShardIteratorType>("type");
    QTest::addColumn<bool>("withSequence");
    QTest::addColumn<QString>("expectedMessage");
    const QString prefix =
        u"Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber "
        "or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified "_s;
    QTest::newRow("AT without sequence")
        << ShardIteratorType::AtSequenceNumber << false
        << QString(prefix + u"AT_SEQUENCE_NUMBER and no StartingSequenceNumber."_s);
    QTest::newRow("AFTER without sequence")
        << ShardIteratorType::AfterSequenceNumber << false
        << QString(prefix + u"AFTER_SEQUENCE_NUMBER and no StartingSequenceNumber."_s);
    QTest::newRow("TRIM_HORIZON with sequence")
        << ShardIteratorType::TrimHorizon << true
        << QString(prefix + u"TRIM_HORIZON and also a StartingSequenceNumber."_s);
    QTest::newRow("LATEST with sequence")
        << ShardIteratorType::Latest << true << QString(prefix + u"LATEST and also a StartingSequenceNumber."_s);
    QTest::newRow("AT_TIMESTAMP without timestamp")
        << ShardIteratorType::AtTimestamp << false
        << u"Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current "
           "request has no timestamp parameter."_s;
}

void TestEngineRecords::iteratorArgumentCombinations()
{
    QFETCH(ShardIteratorType, type);
    QFETCH(bool, withSequence);
    QFETCH(QString, expectedMessage);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    const auto put = h.put(u"S"_s, u"k"_s, "x");
    VERIFY_OK(put);
    std::optional<QString> sequence;
    if (withSequence)
        sequence = put->sequenceNumber.toString();
    COMPARE_ERROR(h.iterator(u"S"_s, shardIdAt(0), type, sequence), ErrorType::InvalidArgument,
                  expectedMessage);
}

void TestEngineRecords::iteratorSequenceNumberFromOtherShard()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 2));
    const auto onShard1 = h.put(u"S"_s, u"k"_s, "x", kMaxHashKey);
    VERIFY_OK(onShard1);
    QCOMPARE(onShard1->shardId, shardIdAt(1));
    const auto onShard0 = h.put(u"S"_s, u"k"_s, "y", u"0"_s);
    VERIFY_OK(onShard0);

    for (auto type : {ShardIteratorType::AtSequenceNumber, ShardIteratorType::AfterSequenceNumber}) {
        COMPARE_ERROR(h.iterator(u"S"_s, shardIdAt(0), type, onShard1->sequenceNumber.toString()),
                      ErrorType::InvalidArgument,
                      u"Invalid StartingSequenceNumber. It encodes shardId-000000000001, while it was "
                      "used in a call to a shard with shardId-000000000000"_s);
        COMPARE_ERROR(h.iterator(u"S"_s, shardIdAt(1), type, onShard0->sequenceNumber.toString()),
                      ErrorType::InvalidArgument,
                      u"Invalid StartingSequenceNumber. It encodes shardId-000000000000, while it was "
                      "used in a call to a shard with shardId-000000000001"_s);
    }
    VERIFY_OK(h.iterator(u"S"_s, shardIdAt(1), ShardIteratorType::AtSequenceNumber,
                         onShard1->sequenceNumber.toString()));
}

void TestEngineRecords::iteratorSequenceNumberInvalid()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"Old"_s, 1));
    const auto old = h.put(u"Old"_s, u"k"_s, "x");
    VERIFY_OK(old);
    h.clock->advanceMs(1'000);
    VERIFY_OK(h.createStream(u"S"_s, 1));
    VERIFY_OK(h.put(u"S"_s, u"k"_s, "y"));

    const auto invalid = [](const QString &sequence) -> QString {
        return u"StartingSequenceNumber "_s + sequence +
               u" used in GetShardIterator on shard shardId-000000000000 in stream S under account "
               "000000000000 is invalid."_s;
    };
    // Numbers that match the wire pattern but are not sequence numbers of ours: AWS's, and the
    // 32-digit form of one of S's, which this database (new since 56 digits) never issued.
    const auto current = h.put(u"S"_s, u"k"_s, "z");
    VERIFY_OK(current);
    const QString legacy = u"49"_s + current->sequenceNumber.toString().right(30);
    QVERIFY(SequenceNumber::parseLegacy(legacy).has_value());
    for (const QString &sequence :
         {u"12345"_s, u"4900000000000000000000000000000000000000"_s,
          u"59000000000000000000000000000000"_s,
          u"49590338271490256608559692538361571095921575989136588898"_s, legacy}) {
        COMPARE_ERROR(h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::AtSequenceNumber, sequence),
                      ErrorType::InvalidArgument, invalid(sequence));
    }
    // Not even a number: a validation error.
    COMPARE_ERROR(h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::AtSequenceNumber, u"abc"_s),
                  ErrorType::Validation,
                  u"1 validation error detected: Value 'abc' at 'startingSequenceNumber' failed to "
                  "satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,128})"_s);
    // A real sequence number of another stream with the same shard index.
    const QString foreign = old->sequenceNumber.toString();
    COMPARE_ERROR(h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::AfterSequenceNumber, foreign),
                  ErrorType::InvalidArgument,
                  u"StartingSequenceNumber "_s + foreign +
                      u" used in GetShardIterator on shard shardId-000000000000 in stream S under "
                      "account 000000000000 is invalid because it did not come from this stream."_s);
}

void TestEngineRecords::iteratorUnknownShard_data()
{
    QTest::addColumn<QString>("shardId");
    QTest::newRow("canonical") << u"shardId-000000000009"_s;
    QTest::newRow("short") << u"shardId-9"_s;
    QTest::newRow("number") << u"9"_s;
    QTest::newRow("other prefix") << u"xyz-00009"_s;
}

void TestEngineRecords::iteratorUnknownShard()
{
    QFETCH(QString, shardId);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 2));
    COMPARE_ERROR(h.iterator(u"S"_s, shardId, ShardIteratorType::TrimHorizon), ErrorType::ResourceNotFound,
                  u"Shard shardId-000000000009 in stream S under account 000000000000 does not exist"_s);
    // The same spellings resolve an existing shard.
    QString existing = shardId;
    existing.replace(u'9', u'1');
    VERIFY_OK(h.iterator(u"S"_s, existing, ShardIteratorType::TrimHorizon));
}

void TestEngineRecords::iteratorUnresolvableShard_data()
{
    QTest::addColumn<QString>("shardId");
    QTest::newRow("letters") << u"ABKLFD8"_s;
    QTest::newRow("exponent") << u"2.14E4"_s;
    QTest::newRow("too big") << u"2147483648"_s;
    QTest::newRow("canonical too big") << u"shardId-002147483648"_s;
    QTest::newRow("trailing dash") << u"shardId-"_s;
}

void TestEngineRecords::iteratorUnresolvableShard()
{
    QFETCH(QString, shardId);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    COMPARE_ERROR(h.iterator(u"S"_s, shardId, ShardIteratorType::TrimHorizon), ErrorType::ResourceNotFound,
                  u"Could not find shard "_s + shardId + u" in stream S under account 000000000000."_s);
    // Checked before the stream is looked up.
    COMPARE_ERROR(h.iterator(u"Missing"_s, shardId, ShardIteratorType::TrimHorizon),
                  ErrorType::ResourceNotFound,
                  u"Could not find shard "_s + shardId + u" in stream Missing under account 000000000000."_s);
}

void TestEngineRecords::iteratorUnknownStream()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    COMPARE_ERROR(h.iterator(u"Missing"_s, u"shardId-0"_s, ShardIteratorType::TrimHorizon),
                  ErrorType::ResourceNotFound,
                  u"Shard shardId-000000000000 in stream Missing under account 000000000000 does not exist"_s);
}

// ---------------------------------------------------------------------------------------------
// GetRecords

void TestEngineRecords::getRecordsLimit()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    for (int i = 0; i < 23; ++i)
        VERIFY_OK(h.put(u"S"_s, u"k"_s, payload(QString::number(i))));
    auto it = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::TrimHorizon);
    VERIFY_OK(it);
    QString iterator = *it;
    QList<int> sizes;
    int next = 0;
    for (int call = 0; call < 6; ++call) {
        const auto response = h.get(iterator, 5);
        VERIFY_OK(response);
        sizes.append(int(response->records.size()));
        for (const Record &record : response->records)
            QCOMPARE(record.data, payload(QString::number(next++)));
        QVERIFY(response->nextShardIterator.has_value());
        iterator = *response->nextShardIterator;
    }
    QCOMPARE(sizes, QList<int>({5, 5, 5, 5, 3, 0}));
    // Limit 1 and the maximum are accepted.
    const auto again = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::TrimHorizon);
    VERIFY_OK(again);
    const auto one = h.get(*again, 1);
    VERIFY_OK(one);
    QCOMPARE(one->records.size(), qsizetype(1));
    const auto all = h.get(*again, 10000);
    VERIFY_OK(all);
    QCOMPARE(all->records.size(), qsizetype(23));
}

void TestEngineRecords::getRecordsLimitValidation_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<QString>("expectedMessage");
    QTest::newRow("0") << 0
                       << u"1 validation error detected: Value '0' at 'limit' failed to satisfy "
                          "constraint: Member must have value greater than or equal to 1"_s;
    QTest::newRow("-1") << -1
                        << u"1 validation error detected: Value '-1' at 'limit' failed to satisfy "
                           "constraint: Member must have value greater than or equal to 1"_s;
    QTest::newRow("10001") << 10001
                           << u"1 validation error detected: Value '10001' at 'limit' failed to "
                              "satisfy constraint: Member must have value less than or equal to 10000"_s;
}

void TestEngineRecords::getRecordsLimitValidation()
{
    QFETCH(int, limit);
    QFETCH(QString, expectedMessage);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    const auto it = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::TrimHorizon);
    VERIFY_OK(it);
    COMPARE_ERROR(h.get(*it, limit), ErrorType::Validation, expectedMessage);
}

void TestEngineRecords::getRecordsRecordCountCap()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    int id = 0;
    for (int call = 0; call < 21; ++call) {
        PutRecordsRequest request;
        request.target = StreamTarget::byName(u"S"_s);
        for (int i = 0; i < 500; ++i)
            request.records.append(PutRecordsRequestEntry{payload(QString::number(id++)), u"k"_s, std::nullopt});
        const auto response = h.engine->putRecords(request);
        VERIFY_OK(response);
        QCOMPARE(response->failedRecordCount, 0);
    }
    QCOMPARE(id, 10'500);
    const auto it = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::TrimHorizon);
    VERIFY_OK(it);
    const auto first = h.get(*it);
    VERIFY_OK(first);
    QCOMPARE(first->records.size(), qsizetype(10'000));
    QCOMPARE(first->records.front().data, QByteArray("0"));
    QCOMPARE(first->records.back().data, QByteArray("9999"));
    QVERIFY(first->nextShardIterator.has_value());
    const auto second = h.get(*first->nextShardIterator);
    VERIFY_OK(second);
    QCOMPARE(second->records.size(), qsizetype(500));
    QCOMPARE(second->records.front().data, QByteArray("10000"));
    QCOMPARE(second->records.back().data, QByteArray("10499"));
}

void TestEngineRecords::getRecordsByteCap()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1, 2048)); // 1 MiB of data plus a key fits one record
    for (int call = 0; call < 3; ++call) {
        PutRecordsRequest request;
        request.target = StreamTarget::byName(u"S"_s);
        for (int i = 0; i < 4; ++i)
            request.records.append(PutRecordsRequestEntry{bytePattern(kMiB, call * 4 + i),
                                                          u"k"_s + QString::number(call * 4 + i), std::nullopt});
        const auto response = h.engine->putRecords(request);
        VERIFY_OK(response);
        QCOMPARE(response->failedRecordCount, 0);
    }
    const auto it = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::TrimHorizon);
    VERIFY_OK(it);
    const auto first = h.get(*it);
    VERIFY_OK(first);
    qint64 bytes = 0;
    for (const Record &record : first->records)
        bytes += record.data.size();
    QVERIFY2(first->records.size() >= 1 && first->records.size() <= 10,
             qPrintable(QString::number(first->records.size())));
    QVERIFY(bytes <= 10 * kMiB);
    QVERIFY(first->millisBehindLatest >= 0);
    QVERIFY(first->nextShardIterator.has_value());

    const auto rest = h.drain(*first->nextShardIterator);
    VERIFY_OK(rest);
    QList<Record> all = first->records + rest->records;
    QCOMPARE(all.size(), qsizetype(12));
    for (int i = 0; i < 12; ++i) {
        QCOMPARE(all[i].partitionKey, u"k"_s + QString::number(i));
        QVERIFY(all[i].data == bytePattern(kMiB, i));
    }
}

void TestEngineRecords::getRecordsChainingReadsEachRecordOnce()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 3));
    for (int i = 0; i < 250; ++i) {
        if (i % 50 == 0)
            h.clock->advanceMs(3);
        VERIFY_OK(h.put(u"S"_s, u"pk-"_s + QString::number(i % 37), payload(QString::number(i))));
    }
    QHash<QString, int> seen;
    int calls = 0;
    for (int shard = 0; shard < 3; ++shard) {
        const auto it = h.iterator(u"S"_s, shardIdAt(shard), ShardIteratorType::TrimHorizon);
        VERIFY_OK(it);
        const auto drained = h.drain(*it, 7);
        VERIFY_OK(drained);
        calls += drained->calls;
        for (qsizetype i = 0; i < drained->records.size(); ++i) {
            seen[QString::fromUtf8(drained->records[i].data)]++;
            if (i > 0)
                QVERIFY(drained->records[i].sequenceNumber > drained->records[i - 1].sequenceNumber);
        }
    }
    QCOMPARE(seen.size(), qsizetype(250));
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(u"record "_s + it.key() + u" read more than once"_s));
    QVERIFY(calls >= 250 / 7);
}

void TestEngineRecords::millisBehindLatest()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    for (int i = 0; i < 3; ++i) {
        h.clock->advanceMs(1'000);
        VERIFY_OK(h.put(u"S"_s, u"k"_s, payload(QString::number(i))));
    }
    h.clock->advanceMs(5'000);
    const auto it = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::TrimHorizon);
    VERIFY_OK(it);
    const auto behind = h.get(*it, 1);
    VERIFY_OK(behind);
    QCOMPARE(behind->records.size(), qsizetype(1));
    QVERIFY2(behind->millisBehindLatest > 0, qPrintable(QString::number(behind->millisBehindLatest)));
    QVERIFY(behind->millisBehindLatest <= 7'000);
    const auto rest = h.get(*behind->nextShardIterator);
    VERIFY_OK(rest);
    QCOMPARE(rest->records.size(), qsizetype(2));
    QCOMPARE(rest->millisBehindLatest, qint64(0));
    const auto tip = h.get(*rest->nextShardIterator);
    VERIFY_OK(tip);
    QVERIFY(tip->records.isEmpty());
    QCOMPARE(tip->millisBehindLatest, qint64(0));
}

void TestEngineRecords::tamperedIterator_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("flipped middle character") << u"flip"_s;
    QTest::newRow("flipped first character") << u"flipFirst"_s;
    QTest::newRow("truncated") << u"truncate"_s;
    QTest::newRow("extended") << u"extend"_s;
    QTest::newRow("random name") << u"garbage"_s;
    QTest::newRow("not base64") << u"symbols"_s;
    QTest::newRow("from another database") << u"foreign"_s;
}

void TestEngineRecords::tamperedIterator()
{
    QFETCH(QString, mode);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    VERIFY_OK(h.put(u"S"_s, u"k"_s, "x"));
    const auto it = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::TrimHorizon);
    VERIFY_OK(it);
    VERIFY_OK(h.get(*it)); // the genuine one works
    QString bad = *it;
    QVERIFY(bad.size() > 8);
    if (mode == u"flip" || mode == u"flipFirst") {
        const qsizetype at = mode == u"flip" ? bad.size() / 2 : 0;
        bad[at] = bad[at] == u'A' ? u'B' : u'A';
    } else if (mode == u"truncate") {
        bad.chop(4);
    } else if (mode == u"extend") {
        bad += u"AAAA"_s;
    } else if (mode == u"garbage") {
        bad = u"shardscope-not-an-iterator"_s;
    } else if (mode == u"symbols") {
        bad = u"!!!!$$$$****"_s;
    } else if (mode == u"foreign") {
        Harness other;
        QVERIFY(other.dir.isValid());
        VERIFY_OK(other.open());
        VERIFY_OK(other.createStream(u"S"_s, 1));
        const auto foreign = other.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::TrimHorizon);
        VERIFY_OK(foreign);
        bad = *foreign;
    }
    QVERIFY(bad != *it);
    COMPARE_ERROR(h.get(bad), ErrorType::InvalidArgument, u"Invalid ShardIterator."_s);
}

void TestEngineRecords::expiredIterator_data()
{
    QTest::addColumn<qint64>("issuedAt");
    QTest::addColumn<qint64>("age");
    QTest::addColumn<QString>("issuedText");
    QTest::addColumn<QString>("nowText");
    QTest::newRow("one millisecond late") << kStartMs << qint64(300'001)
                                          << u"Tue Nov 14 22:13:20 UTC 2023"_s
                                          << u"Tue Nov 14 22:18:20 UTC 2023"_s;
    QTest::newRow("single-digit day") << qint64(1'709'629'687'000) << qint64(600'000)
                                      << u"Tue Mar 05 09:08:07 UTC 2024"_s
                                      << u"Tue Mar 05 09:18:07 UTC 2024"_s;
    QTest::newRow("across new year") << qint64(1'704'067'080'000) << qint64(360'000)
                                     << u"Sun Dec 31 23:58:00 UTC 2023"_s
                                     << u"Mon Jan 01 00:04:00 UTC 2024"_s;
    QTest::newRow("a day later") << kStartMs << qint64(86'400'000)
                                 << u"Tue Nov 14 22:13:20 UTC 2023"_s
                                 << u"Wed Nov 15 22:13:20 UTC 2023"_s;
}

void TestEngineRecords::expiredIterator()
{
    QFETCH(qint64, issuedAt);
    QFETCH(qint64, age);
    QFETCH(QString, issuedText);
    QFETCH(QString, nowText);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    h.clock->setMs(issuedAt);
    const auto it = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::Latest);
    VERIFY_OK(it);
    h.clock->advanceMs(age);
    COMPARE_ERROR(h.get(*it), ErrorType::ExpiredIterator,
                  u"Iterator expired. The iterator was created at time "_s + issuedText +
                      u" while right now it is "_s + nowText +
                      u" which is further in the future than the tolerated delay of 300000 milliseconds."_s);
}

void TestEngineRecords::iteratorValidUpToLifetime()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    VERIFY_OK(h.put(u"S"_s, u"k"_s, "x"));
    const auto it = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::TrimHorizon);
    VERIFY_OK(it);
    h.clock->advanceMs(300'000);
    const auto response = h.get(*it);
    VERIFY_OK(response);
    QCOMPARE(response->records.size(), qsizetype(1));
    // The next iterator is fresh: it lives another five minutes from now.
    h.clock->advanceMs(299'000);
    VERIFY_OK(h.get(*response->nextShardIterator));
    COMPARE_ERROR(h.get(*it), ErrorType::ExpiredIterator,
                  u"Iterator expired. The iterator was created at time Tue Nov 14 22:13:20 UTC 2023 "
                  "while right now it is Tue Nov 14 22:23:19 UTC 2023 which is further in the future "
                  "than the tolerated delay of 300000 milliseconds."_s);
}

void TestEngineRecords::getRecordsOnDeletedStream()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 2));
    VERIFY_OK(h.put(u"S"_s, u"k"_s, "x"));
    const auto it0 = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::TrimHorizon);
    const auto it1 = h.iterator(u"S"_s, shardIdAt(1), ShardIteratorType::Latest);
    VERIFY_OK(it0);
    VERIFY_OK(it1);
    DeleteStreamRequest request;
    request.target = StreamTarget::byName(u"S"_s);
    VERIFY_OK(h.engine->deleteStream(request));
    h.clock->advanceMs(h.engine->options().deleteDelayMs);
    COMPARE_ERROR(h.get(*it0), ErrorType::ResourceNotFound,
                  u"Shard shardId-000000000000 in stream S under account 000000000000 does not exist"_s);
    COMPARE_ERROR(h.get(*it1), ErrorType::ResourceNotFound,
                  u"Shard shardId-000000000001 in stream S under account 000000000000 does not exist"_s);
    h.engine->runHousekeeping();
    COMPARE_ERROR(h.get(*it0), ErrorType::ResourceNotFound,
                  u"Shard shardId-000000000000 in stream S under account 000000000000 does not exist"_s);
}

void TestEngineRecords::iteratorSurvivesStreamRecreation()
{
    // kinesalite's getRecords test, run against AWS: after the stream is deleted and created
    // again under the same name, an old iterator of a shard that exists again keeps working
    // (no records, a next iterator), while one of a shard that no longer exists does not.
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 2));
    const auto it0 = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::Latest);
    const auto it1 = h.iterator(u"S"_s, shardIdAt(1), ShardIteratorType::Latest);
    VERIFY_OK(it0);
    VERIFY_OK(it1);
    DeleteStreamRequest request;
    request.target = StreamTarget::byName(u"S"_s);
    VERIFY_OK(h.engine->deleteStream(request));
    h.clock->advanceMs(h.engine->options().deleteDelayMs);
    VERIFY_OK(h.createStream(u"S"_s, 1));

    COMPARE_ERROR(h.get(*it1), ErrorType::ResourceNotFound,
                  u"Shard shardId-000000000001 in stream S under account 000000000000 does not exist"_s);
    const auto response = h.get(*it0);
    VERIFY_OK(response);
    QVERIFY(response->records.isEmpty());
    QVERIFY(response->nextShardIterator.has_value());
}

// ---------------------------------------------------------------------------------------------
// Retention, persistence, concurrency, signals

void TestEngineRecords::retentionTrimsReadsThenDisk()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 2));
    // Old records: five in shard 0, two in shard 1.
    for (int i = 0; i < 5; ++i)
        VERIFY_OK(h.put(u"S"_s, u"k"_s, payload(u"old0-"_s + QString::number(i)), u"0"_s));
    for (int i = 0; i < 2; ++i)
        VERIFY_OK(h.put(u"S"_s, u"k"_s, payload(u"old1-"_s + QString::number(i)), kMaxHashKey));
    h.clock->advanceMs(12 * kHourMs);
    for (int i = 0; i < 3; ++i)
        VERIFY_OK(h.put(u"S"_s, u"k"_s, payload(u"new1-"_s + QString::number(i)), kMaxHashKey));

    // Exactly 24 hours old: still readable.
    h.clock->advanceMs(12 * kHourMs);
    auto shard0 = h.readShard(u"S"_s, shardIdAt(0));
    VERIFY_OK(shard0);
    QCOMPARE(shard0->size(), qsizetype(5));

    // One millisecond later they are gone from reads at once.
    h.clock->advanceMs(1);
    shard0 = h.readShard(u"S"_s, shardIdAt(0));
    VERIFY_OK(shard0);
    QVERIFY(shard0->isEmpty());
    auto shard1 = h.readShard(u"S"_s, shardIdAt(1));
    VERIFY_OK(shard1);
    QCOMPARE(shard1->size(), qsizetype(3));
    QCOMPARE(shard1->front().data, QByteArray("new1-0"));
    // AT_TIMESTAMP before the horizon starts at the horizon too.
    const auto atOld = h.iterator(u"S"_s, shardIdAt(1), ShardIteratorType::AtTimestamp, std::nullopt, kStartMs);
    VERIFY_OK(atOld);
    const auto fromOld = h.drain(*atOld);
    VERIFY_OK(fromOld);
    QCOMPARE(fromOld->records.size(), qsizetype(3));

    // Housekeeping then deletes them from disk.
    h.engine->runHousekeeping();
    QCOMPARE(h.engine->storedRecordCount(u"S"_s, shardIdAt(0)).value_or(-1), qint64(0));
    QCOMPARE(h.engine->storedRecordCount(u"S"_s, shardIdAt(1)).value_or(-1), qint64(3));

    // And the newer ones go when their time comes.
    h.clock->advanceMs(12 * kHourMs);
    shard1 = h.readShard(u"S"_s, shardIdAt(1));
    VERIFY_OK(shard1);
    QVERIFY(shard1->isEmpty());
    h.engine->runHousekeeping();
    QCOMPARE(h.engine->storedRecordCount(u"S"_s, shardIdAt(1)).value_or(-1), qint64(0));
}

void TestEngineRecords::retentionAfterDecrease()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    RetentionPeriodRequest increase;
    increase.target = StreamTarget::byName(u"S"_s);
    increase.retentionPeriodHours = 48;
    VERIFY_OK(h.engine->increaseStreamRetentionPeriod(increase));

    for (int i = 0; i < 5; ++i)
        VERIFY_OK(h.put(u"S"_s, u"k"_s, payload(u"old-"_s + QString::number(i))));
    h.clock->advanceMs(30 * kHourMs);
    for (int i = 0; i < 2; ++i)
        VERIFY_OK(h.put(u"S"_s, u"k"_s, payload(u"new-"_s + QString::number(i))));

    // 30 hours old under a 48-hour retention: readable, and kept by housekeeping.
    auto records = h.readShard(u"S"_s, shardIdAt(0));
    VERIFY_OK(records);
    QCOMPARE(records->size(), qsizetype(7));
    h.engine->runHousekeeping();
    QCOMPARE(h.engine->storedRecordCount(u"S"_s, shardIdAt(0)).value_or(-1), qint64(7));

    RetentionPeriodRequest decrease;
    decrease.target = StreamTarget::byName(u"S"_s);
    decrease.retentionPeriodHours = 24;
    VERIFY_OK(h.engine->decreaseStreamRetentionPeriod(decrease));
    records = h.readShard(u"S"_s, shardIdAt(0));
    VERIFY_OK(records);
    QCOMPARE(records->size(), qsizetype(2));
    QCOMPARE(records->front().data, QByteArray("new-0"));
    h.engine->runHousekeeping();
    QCOMPARE(h.engine->storedRecordCount(u"S"_s, shardIdAt(0)).value_or(-1), qint64(2));
}

void TestEngineRecords::persistenceAcrossReopen()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 2));
    QHash<QString, QString> sequenceOf; // data -> sequence number
    SequenceNumber highest;
    for (int i = 0; i < 50; ++i) {
        h.clock->advanceMs(i % 5 == 0 ? 1 : 0);
        const auto put = h.put(u"S"_s, u"pk-"_s + QString::number(i), payload(QString::number(i)));
        VERIFY_OK(put);
        sequenceOf.insert(QString::number(i), put->sequenceNumber.toString());
        highest = std::max(highest, put->sequenceNumber);
    }
    const auto before0 = h.readShard(u"S"_s, shardIdAt(0));
    const auto before1 = h.readShard(u"S"_s, shardIdAt(1));
    VERIFY_OK(before0);
    VERIFY_OK(before1);
    QCOMPARE(before0->size() + before1->size(), qsizetype(50));
    const auto oldIterator = h.iterator(u"S"_s, shardIdAt(0), ShardIteratorType::TrimHorizon);
    VERIFY_OK(oldIterator);

    // Close and reopen on the same file, a minute later.
    h.engine.reset();
    h.clock->advanceMs(60'000);
    VERIFY_OK(h.open());

    const auto described = h.engine->describeStreamSummary(StreamTarget::byName(u"S"_s));
    VERIFY_OK(described);
    QCOMPARE(described->openShardCount, 2);
    QCOMPARE(described->streamStatus, StreamStatus::Active);

    // The iterator issued before the restart still works and reads the same records.
    const auto viaOld = h.drain(*oldIterator);
    VERIFY_OK(viaOld);
    QCOMPARE(viaOld->records.size(), before0->size());
    for (qsizetype i = 0; i < before0->size(); ++i) {
        const Record &a = before0->at(i);
        const Record &b = viaOld->records[i];
        QCOMPARE(b.sequenceNumber.toString(), a.sequenceNumber.toString());
        QCOMPARE(b.data, a.data);
        QCOMPARE(b.partitionKey, a.partitionKey);
        QCOMPARE(b.approximateArrivalTimestamp, a.approximateArrivalTimestamp);
        QCOMPARE(sequenceOf.value(QString::fromUtf8(b.data)), b.sequenceNumber.toString());
    }
    const auto after1 = h.readShard(u"S"_s, shardIdAt(1));
    VERIFY_OK(after1);
    QCOMPARE(after1->size(), before1->size());

    // New puts continue above every earlier sequence number.
    const auto next = h.put(u"S"_s, u"pk-0"_s, "after reopen");
    VERIFY_OK(next);
    QVERIFY(next->sequenceNumber > highest);
    highest = next->sequenceNumber;

    // Even when the clock is behind the last arrival after a restart.
    h.engine.reset();
    h.clock->setMs(kStartMs + 1'000); // before the last arrival (about kStartMs + 60 s)
    VERIFY_OK(h.open());
    for (int i = 0; i < 5; ++i) {
        const auto put = h.put(u"S"_s, u"pk-"_s + QString::number(i), "behind");
        VERIFY_OK(put);
        QVERIFY2(put->sequenceNumber > highest, qPrintable(put->sequenceNumber.toString()));
        highest = put->sequenceNumber;
    }
    h.clock->setMs(kStartMs + 120'000);
    const auto all0 = h.readShard(u"S"_s, shardIdAt(0));
    const auto all1 = h.readShard(u"S"_s, shardIdAt(1));
    VERIFY_OK(all0);
    VERIFY_OK(all1);
    QCOMPARE(all0->size() + all1->size(), qsizetype(56));
}

void TestEngineRecords::concurrentPutsFromFourThreads()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 4));

    constexpr int kThreads = 4;
    constexpr int kPerThread = 2'000;
    struct Put
    {
        QString id;
        QString shardId;
        SequenceNumber sequence;
    };
    std::vector<std::vector<Put>> logs(kThreads);
    std::vector<QString> errors(kThreads);
    std::vector<std::thread> threads;
    Engine *engine = h.engine.get();
    ManualClock *clock = h.clock.get();
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([t, engine, clock, &logs, &errors] {
            std::vector<Put> &log = logs[size_t(t)];
            int i = 0;
            while (i < kPerThread) {
                if (t == 0 && i % 200 == 0)
                    clock->advanceMs(1);
                if ((i / 100) % 2 == 0) {
                    // 100 single puts
                    for (int n = 0; n < 100; ++n, ++i) {
                        const QString id = u"t%1-%2"_s.arg(t).arg(i);
                        PutRecordRequest request;
                        request.target = StreamTarget::byName(u"S"_s);
                        request.partitionKey = id;
                        request.data = id.toUtf8();
                        const auto put = engine->putRecord(request);
                        if (!put) {
                            errors[size_t(t)] = put.error().message;
                            return;
                        }
                        log.push_back(Put{id, put->shardId, put->sequenceNumber});
                    }
                } else {
                    // then one PutRecords of 100
                    PutRecordsRequest request;
                    request.target = StreamTarget::byName(u"S"_s);
                    QStringList ids;
                    for (int n = 0; n < 100; ++n, ++i) {
                        const QString id = u"t%1-%2"_s.arg(t).arg(i);
                        ids.append(id);
                        request.records.append(PutRecordsRequestEntry{id.toUtf8(), id, std::nullopt});
                    }
                    const auto put = engine->putRecords(request);
                    if (!put || put->failedRecordCount != 0) {
                        errors[size_t(t)] = put ? u"failed records"_s : put.error().message;
                        return;
                    }
                    for (int n = 0; n < 100; ++n)
                        log.push_back(Put{ids[n], put->records[n].shardId, *put->records[n].sequenceNumber});
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (int t = 0; t < kThreads; ++t)
        QVERIFY2(errors[size_t(t)].isEmpty(), qPrintable(errors[size_t(t)]));

    QHash<QString, Put> byId;
    QSet<QString> sequences;
    for (int t = 0; t < kThreads; ++t) {
        QCOMPARE(int(logs[size_t(t)].size()), kPerThread);
        for (size_t i = 0; i < logs[size_t(t)].size(); ++i) {
            const Put &put = logs[size_t(t)][i];
            // One thread's puts are sequential, so their numbers increase.
            if (i > 0)
                QVERIFY(put.sequence > logs[size_t(t)][i - 1].sequence);
            byId.insert(put.id, put);
            sequences.insert(put.sequence.toString());
        }
    }
    QCOMPARE(byId.size(), qsizetype(kThreads * kPerThread));
    QCOMPARE(sequences.size(), qsizetype(kThreads * kPerThread));

    QHash<QString, int> readCount;
    for (int shard = 0; shard < 4; ++shard) {
        const auto records = h.readShard(u"S"_s, shardIdAt(shard), 10000);
        VERIFY_OK(records);
        for (qsizetype i = 0; i < records->size(); ++i) {
            const Record &record = records->at(i);
            const QString id = QString::fromUtf8(record.data);
            readCount[id]++;
            QVERIFY2(byId.contains(id), qPrintable(u"unknown record "_s + id));
            const Put &put = byId[id];
            QCOMPARE(put.shardId, shardIdAt(shard));
            QCOMPARE(record.sequenceNumber.toString(), put.sequence.toString());
            QCOMPARE(record.partitionKey, id);
            if (i > 0)
                QVERIFY(record.sequenceNumber > records->at(i - 1).sequenceNumber);
        }
    }
    QCOMPARE(readCount.size(), qsizetype(kThreads * kPerThread));
    for (auto it = readCount.cbegin(); it != readCount.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(u"record "_s + it.key() + u" read twice"_s));
}

void TestEngineRecords::recordsAppendedOncePerPutRecords()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    AppendedRelay relay;
    connect(h.engine.get(), &Engine::recordsAppended, &relay, &AppendedRelay::appended,
            Qt::QueuedConnection);
    QSignalSpy spy(&relay, &AppendedRelay::appended);
    QVERIFY(spy.isValid());

    PutRecordsRequest request;
    request.target = StreamTarget::byName(u"S"_s);
    for (int i = 0; i < 500; ++i)
        request.records.append(PutRecordsRequestEntry{payload(QString::number(i)), u"pk-"_s + QString::number(i), std::nullopt});
    const auto response = h.engine->putRecords(request);
    VERIFY_OK(response);
    QCOMPARE(response->failedRecordCount, 0);

    QTRY_COMPARE(spy.count(), 1);
    QTest::qWait(200); // and no more arrive
    QCOMPARE(spy.count(), 1);
    const QList<QVariant> arguments = spy.takeFirst();
    QCOMPARE(arguments.at(0).toString(), u"S"_s);
    QCOMPARE(arguments.at(1).toString(), shardIdAt(0));
    QCOMPARE(arguments.at(2).toString(), response->records.back().sequenceNumber->toString());
    QCOMPARE(arguments.at(3).toInt(), 500);

    // A single PutRecord: one signal with count 1.
    const auto single = h.put(u"S"_s, u"k"_s, "one more");
    VERIFY_OK(single);
    QTRY_COMPARE(spy.count(), 1);
    const QList<QVariant> again = spy.takeFirst();
    QCOMPARE(again.at(2).toString(), single->sequenceNumber.toString());
    QCOMPARE(again.at(3).toInt(), 1);
}

void TestEngineRecords::recordsAppendedPerShard()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 4));
    AppendedRelay relay;
    connect(h.engine.get(), &Engine::recordsAppended, &relay, &AppendedRelay::appended,
            Qt::QueuedConnection);
    QSignalSpy spy(&relay, &AppendedRelay::appended);
    QVERIFY(spy.isValid());

    PutRecordsRequest request;
    request.target = StreamTarget::byName(u"S"_s);
    for (int i = 0; i < 500; ++i)
        request.records.append(PutRecordsRequestEntry{payload(QString::number(i)), u"pk-"_s + QString::number(i), std::nullopt});
    const auto response = h.engine->putRecords(request);
    VERIFY_OK(response);
    QHash<QString, int> expectedCount;
    QHash<QString, QString> expectedLast;
    for (const PutRecordsResultEntry &entry : response->records) {
        expectedCount[entry.shardId]++;
        expectedLast[entry.shardId] = entry.sequenceNumber->toString();
    }
    QCOMPARE(expectedCount.size(), qsizetype(4));

    QTRY_COMPARE(spy.count(), 4);
    QTest::qWait(200);
    QCOMPARE(spy.count(), 4);
    QSet<QString> shards;
    int total = 0;
    for (const QList<QVariant> &arguments : std::as_const(spy)) {
        const QString shard = arguments.at(1).toString();
        QVERIFY(!shards.contains(shard));
        shards.insert(shard);
        QCOMPARE(arguments.at(0).toString(), u"S"_s);
        QCOMPARE(arguments.at(2).toString(), expectedLast.value(shard));
        QCOMPARE(arguments.at(3).toInt(), expectedCount.value(shard));
        total += arguments.at(3).toInt();
    }
    QCOMPARE(total, 500);
}

QTEST_GUILESS_MAIN(TestEngineRecords)
#include "tst_engine_records.moc"
