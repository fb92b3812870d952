// The engine's per-shard throughput limits: PutRecord, PutRecords and GetRecords throttled with
// Kinesis's error types and messages, nothing stored for a throttled record, an iterator that
// survives a throttled read, the large-read penalty, and switching the limits off and on. Every
// engine runs on a ManualClock over a database in a QTemporaryDir, so the rates are exact.

#include "engine/clock.h"
#include "engine/engine.h"

#include <QTemporaryDir>
#include <QTest>

#include "expectedassert.h"

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;
constexpr qint64 kMiB = 1024 * 1024;
const QString kAccount = u"000000000000"_s;
const QString kShard0 = u"shardId-000000000000"_s;
const QString kShard1 = u"shardId-000000000001"_s;
// Explicit hash keys in the first and the second half of the key space (two shards).
const QString kLowKey = u"0"_s;
const QString kHighKey = u"340282366920938463463374607431768211455"_s;

struct Harness
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;

    std::expected<void, Error> open(bool limits = true)
    {
        EngineOptions o;
        o.databasePath = dir.filePath(u"e.db"_s);
        o.clock = clock;
        o.createDelayMs = 0;
        o.updateDelayMs = 0;
        o.throughputLimits = limits;
        auto opened = Engine::open(o);
        if (!opened)
            return std::unexpected(opened.error());
        engine = std::move(*opened);
        return {};
    }

    std::expected<void, Error> createStream(const QString &name, int shardCount)
    {
        CreateStreamRequest request;
        request.streamName = name;
        request.shardCount = shardCount;
        return engine->createStream(request);
    }

    std::expected<PutRecordResponse, Error> put(const QString &stream, const QByteArray &data,
                                                const QString &hashKey = kLowKey)
    {
        PutRecordRequest request;
        request.target = StreamTarget::byName(stream);
        request.partitionKey = u"k"_s;
        request.data = data;
        request.explicitHashKey = hashKey;
        return engine->putRecord(request);
    }

    std::expected<QString, Error> trimHorizon(const QString &stream, const QString &shardId) const
    {
        GetShardIteratorRequest request;
        request.target = StreamTarget::byName(stream);
        request.shardId = shardId;
        request.shardIteratorType = ShardIteratorType::TrimHorizon;
        auto response = engine->getShardIterator(request);
        if (!response)
            return std::unexpected(response.error());
        return response->shardIterator;
    }

    std::expected<GetRecordsResponse, Error> get(const QString &iterator) const
    {
        GetRecordsRequest request;
        request.shardIterator = iterator;
        return engine->getRecords(request);
    }
};

QString writeMessage(const QString &shardId, const QString &stream)
{
    return u"Rate exceeded for shard "_s + shardId + u" in stream "_s + stream +
           u" under account "_s + kAccount + u'.';
}

QString readMessage(const QString &stream, const QString &shardId)
{
    return u"Rate exceeded for Shard - "_s + kAccount + u'/' + stream + u'/' + shardId;
}

} // namespace

class TestEngineThrottling final : public QObject
{
    Q_OBJECT

private slots:
    void putRecordRecordsPerSecond()
    {
        Harness h;
        VERIFY_OK(h.open());
        VERIFY_OK(h.createStream(u"s"_s, 1));
        for (int i = 0; i < 1000; ++i)
            VERIFY_OK(h.put(u"s"_s, "x"));
        COMPARE_ERROR(h.put(u"s"_s, "x"), ErrorType::ProvisionedThroughputExceeded,
                      writeMessage(kShard0, u"s"_s));
        // The throttled record was not stored.
        auto stored = h.engine->storedRecordCount(u"s"_s, kShard0);
        VERIFY_OK(stored);
        QCOMPARE(*stored, 1000);
        // A second later the shard takes another second's worth.
        h.clock->advanceMs(1000);
        for (int i = 0; i < 1000; ++i)
            VERIFY_OK(h.put(u"s"_s, "x"));
        VERIFY_ERROR(h.put(u"s"_s, "x"), ErrorType::ProvisionedThroughputExceeded);
    }

    void putRecordBytesPerSecond()
    {
        Harness h;
        VERIFY_OK(h.open());
        VERIFY_OK(h.createStream(u"s"_s, 1));
        // 100 KiB records with their 1-byte key: ten fit into 1 MiB, the eleventh does not.
        const QByteArray data(100 * 1024, 'd');
        for (int i = 0; i < 10; ++i)
            VERIFY_OK(h.put(u"s"_s, data));
        COMPARE_ERROR(h.put(u"s"_s, data), ErrorType::ProvisionedThroughputExceeded,
                      writeMessage(kShard0, u"s"_s));
        // Other shards of the stream are not affected.
        VERIFY_OK(h.createStream(u"two"_s, 2));
        for (int i = 0; i < 10; ++i)
            VERIFY_OK(h.put(u"two"_s, data, kLowKey));
        COMPARE_ERROR(h.put(u"two"_s, data, kLowKey), ErrorType::ProvisionedThroughputExceeded,
                      writeMessage(kShard0, u"two"_s));
        auto other = h.put(u"two"_s, data, kHighKey);
        VERIFY_OK(other);
        QCOMPARE(other->shardId, kShard1);
    }

    void putRecordsFailsOnlyThrottledEntries()
    {
        Harness h;
        VERIFY_OK(h.open());
        VERIFY_OK(h.createStream(u"s"_s, 2));
        for (int i = 0; i < 999; ++i)
            VERIFY_OK(h.put(u"s"_s, "x", kLowKey));
        // Shard 0 has room for one more record; shard 1 for all.
        PutRecordsRequest request;
        request.target = StreamTarget::byName(u"s"_s);
        const QStringList keys{kLowKey, kHighKey, kLowKey, kHighKey, kLowKey};
        for (const QString &key : keys) {
            PutRecordsRequestEntry entry;
            entry.partitionKey = u"k"_s;
            entry.explicitHashKey = key;
            entry.data = "y";
            request.records.append(entry);
        }
        auto response = h.engine->putRecords(request);
        VERIFY_OK(response);
        QCOMPARE(response->failedRecordCount, 2);
        QCOMPARE(response->records.size(), 5);
        const QList<bool> ok{true, true, false, true, false};
        std::optional<SequenceNumber> last;
        for (int i = 0; i < 5; ++i) {
            const PutRecordsResultEntry &entry = response->records[i];
            if (ok[i]) {
                QVERIFY(entry.sequenceNumber);
                QVERIFY(entry.errorCode.isEmpty());
                QCOMPARE(entry.shardId, keys[i] == kLowKey ? kShard0 : kShard1);
                // The stored entries keep their order.
                if (last)
                    QVERIFY(last->counter < entry.sequenceNumber->counter);
                last = entry.sequenceNumber;
            } else {
                QVERIFY(!entry.sequenceNumber);
                QVERIFY(entry.shardId.isEmpty());
                QCOMPARE(entry.errorCode, u"ProvisionedThroughputExceededException"_s);
                QCOMPARE(entry.errorMessage, writeMessage(kShard0, u"s"_s));
            }
        }
        auto shard0 = h.engine->storedRecordCount(u"s"_s, kShard0);
        auto shard1 = h.engine->storedRecordCount(u"s"_s, kShard1);
        VERIFY_OK(shard0);
        VERIFY_OK(shard1);
        QCOMPARE(*shard0, 1000);
        QCOMPARE(*shard1, 2);
        // Shard 0's records read back in the order they were sent: the last is entry 0's.
        auto it = h.trimHorizon(u"s"_s, kShard0);
        VERIFY_OK(it);
        auto read = h.get(*it);
        VERIFY_OK(read);
        QCOMPARE(read->records.size(), 1000);
        QCOMPARE(read->records.last().data, QByteArray("y"));
        QCOMPARE(read->records.last().sequenceNumber, *response->records[0].sequenceNumber);
    }

    void putRecordsAllThrottled()
    {
        Harness h;
        VERIFY_OK(h.open());
        VERIFY_OK(h.createStream(u"s"_s, 1));
        PutRecordsRequest request;
        request.target = StreamTarget::byName(u"s"_s);
        for (int i = 0; i < 500; ++i) {
            PutRecordsRequestEntry entry;
            entry.partitionKey = u"k"_s + QString::number(i);
            entry.data = "z";
            request.records.append(entry);
        }
        auto first = h.engine->putRecords(request);
        auto second = h.engine->putRecords(request);
        auto third = h.engine->putRecords(request);
        VERIFY_OK(first);
        VERIFY_OK(second);
        VERIFY_OK(third);
        QCOMPARE(first->failedRecordCount, 0);
        QCOMPARE(second->failedRecordCount, 0);
        QCOMPARE(third->failedRecordCount, 500);
        for (const PutRecordsResultEntry &entry : third->records)
            QCOMPARE(entry.errorMessage, writeMessage(kShard0, u"s"_s));
        auto stored = h.engine->storedRecordCount(u"s"_s, kShard0);
        VERIFY_OK(stored);
        QCOMPARE(*stored, 1000);
    }

    void getRecordsCallsPerSecondKeepTheIterator()
    {
        Harness h;
        VERIFY_OK(h.open());
        VERIFY_OK(h.createStream(u"s"_s, 1));
        VERIFY_OK(h.put(u"s"_s, "r"));
        auto it = h.trimHorizon(u"s"_s, kShard0);
        VERIFY_OK(it);
        for (int i = 0; i < 5; ++i)
            VERIFY_OK(h.get(*it));
        COMPARE_ERROR(h.get(*it), ErrorType::ProvisionedThroughputExceeded,
                      readMessage(u"s"_s, kShard0));
        // The throttled call did not use the iterator up: it reads the record a moment later.
        h.clock->advanceMs(200);
        auto read = h.get(*it);
        VERIFY_OK(read);
        QCOMPARE(read->records.size(), 1);
        QCOMPARE(read->records.front().data, QByteArray("r"));
    }

    void largeReadBlocksTheShardForFiveSeconds()
    {
        Harness h;
        VERIFY_OK(h.open());
        VERIFY_OK(h.createStream(u"s"_s, 2));
        // Ten 1 MiB records, written with the limits off, then read in one 10 MiB call.
        h.engine->setThroughputLimitsEnabled(false);
        QVERIFY(!h.engine->throughputLimitsEnabled());
        const QByteArray mib(kMiB, 'm');
        for (int i = 0; i < 10; ++i)
            VERIFY_OK(h.put(u"s"_s, mib));
        VERIFY_OK(h.put(u"s"_s, "other", kHighKey));
        h.engine->setThroughputLimitsEnabled(true);
        auto it = h.trimHorizon(u"s"_s, kShard0);
        VERIFY_OK(it);
        auto read = h.get(*it);
        VERIFY_OK(read);
        QCOMPARE(read->records.size(), 10);
        QVERIFY(read->nextShardIterator);
        h.clock->advanceMs(4999);
        COMPARE_ERROR(h.get(*read->nextShardIterator), ErrorType::ProvisionedThroughputExceeded,
                      readMessage(u"s"_s, kShard0));
        // The other shard reads meanwhile.
        auto other = h.trimHorizon(u"s"_s, kShard1);
        VERIFY_OK(other);
        VERIFY_OK(h.get(*other));
        h.clock->advanceMs(1);
        VERIFY_OK(h.get(*read->nextShardIterator));
    }

    void readBytesPerSecond()
    {
        Harness h;
        VERIFY_OK(h.open(false));
        VERIFY_OK(h.createStream(u"s"_s, 1));
        const QByteArray mib(kMiB, 'm');
        for (int i = 0; i < 8; ++i)
            VERIFY_OK(h.put(u"s"_s, mib));
        h.engine->setThroughputLimitsEnabled(true);
        auto it = h.trimHorizon(u"s"_s, kShard0);
        VERIFY_OK(it);
        // Three 1 MiB reads: the third finds the 2 MiB of this second spent.
        GetRecordsRequest request;
        request.shardIterator = *it;
        request.limit = 1;
        auto first = h.engine->getRecords(request);
        VERIFY_OK(first);
        request.shardIterator = *first->nextShardIterator;
        auto second = h.engine->getRecords(request);
        VERIFY_OK(second);
        request.shardIterator = *second->nextShardIterator;
        COMPARE_ERROR(h.engine->getRecords(request), ErrorType::ProvisionedThroughputExceeded,
                      readMessage(u"s"_s, kShard0));
        h.clock->advanceMs(1);
        VERIFY_OK(h.engine->getRecords(request));
    }

    void limitsOffByOption()
    {
        Harness h;
        VERIFY_OK(h.open(false));
        QVERIFY(!h.engine->throughputLimitsEnabled());
        VERIFY_OK(h.createStream(u"s"_s, 1));
        for (int i = 0; i < 3000; ++i)
            VERIFY_OK(h.put(u"s"_s, "x"));
        auto it = h.trimHorizon(u"s"_s, kShard0);
        VERIFY_OK(it);
        for (int i = 0; i < 20; ++i)
            VERIFY_OK(h.get(*it));
        // Switched on at run time: enforced from then on.
        h.engine->setThroughputLimitsEnabled(true);
        QVERIFY(h.engine->throughputLimitsEnabled());
        for (int i = 0; i < 1000; ++i)
            VERIFY_OK(h.put(u"s"_s, "x"));
        VERIFY_ERROR(h.put(u"s"_s, "x"), ErrorType::ProvisionedThroughputExceeded);
    }

    void splitChildrenHaveTheirOwnLimits()
    {
        Harness h;
        VERIFY_OK(h.open());
        VERIFY_OK(h.createStream(u"s"_s, 1));
        for (int i = 0; i < 1000; ++i)
            VERIFY_OK(h.put(u"s"_s, "x"));
        VERIFY_ERROR(h.put(u"s"_s, "x"), ErrorType::ProvisionedThroughputExceeded);
        SplitShardRequest split;
        split.target = StreamTarget::byName(u"s"_s);
        split.shardToSplit = kShard0;
        split.newStartingHashKey = u"170141183460469231731687303715884105728"_s;
        VERIFY_OK(h.engine->splitShard(split));
        // The open children take records at once, each up to its own limit.
        auto low = h.put(u"s"_s, "x", kLowKey);
        VERIFY_OK(low);
        QCOMPARE(low->shardId, kShard1);
        auto high = h.put(u"s"_s, "x", kHighKey);
        VERIFY_OK(high);
        QCOMPARE(high->shardId, u"shardId-000000000002"_s);
    }
};

QTEST_GUILESS_MAIN(TestEngineThrottling)
#include "tst_engine_throttling.moc"
