// Producer: requests never pass 500 records or 5 MiB and wait their linger time; aggregated
// records are read by our de-aggregator; its shard prediction is the engine's placement; it
// retries throttled records, expires them after their time to live, refuses past its cap; and it
// loses and duplicates nothing while throttled and across a SplitShard under load (every result
// checked against the records read back). Every engine is in memory, on a ManualClock, behind an
// EmulatorBackend.

#include "backend/emulatorbackend.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "producer/latencywindow.h"
#include "producer/producer.h"
#include "producer/shardmap.h"
#include "kinesis/tokenbucket.h"
#include "records/kplaggregation.h"
#include "throttlingbackend.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;
const QString kClientsDir = QStringLiteral(SHARDSCOPE_SOURCE_DIR "/tests/clients");

// A user record as read back from the stream: where it is and what it carries.
struct ReadBack
{
    QString shardId;
    QString sequenceNumber;
    int subSequenceNumber = -1;
    QString partitionKey;
    QByteArray data;
    HashKey hashKey; // of the user record (its own key, also inside an aggregate)
    HashKeyRange shardRange;
};

struct Harness
{
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;
    std::unique_ptr<EmulatorBackend> backend;
    std::unique_ptr<testing::ThrottlingBackend> throttling;

    // `engineLimits`: the engine enforces Kinesis's per-shard limits (off only where a test is
    // about something the limits would blur, such as request sizes).
    bool open(const QString &stream, int shards, bool engineLimits = true)
    {
        EngineOptions options; // no path: in memory
        options.clock = clock;
        options.throughputLimits = engineLimits;
        options.createDelayMs = 0;
        options.updateDelayMs = 0;
        options.deleteDelayMs = 0;
        auto opened = Engine::open(options);
        if (!opened)
            return false;
        engine = std::move(*opened);
        backend = std::make_unique<EmulatorBackend>(*engine);
        throttling = std::make_unique<testing::ThrottlingBackend>(
            *backend, [c = clock] { return c->nowMs(); });
        CreateStreamRequest request;
        request.streamName = stream;
        request.shardCount = shards;
        return engine->createStream(request).has_value();
    }

    ProducerClock producerClock() const
    {
        return [c = clock] { return c->nowMs(); };
    }

    std::unique_ptr<Producer> makeProducer(const QString &stream, const ProducerOptions &options)
    {
        auto producer = std::make_unique<Producer>(throttling.get(), stream, options);
        producer->setClock(producerClock());
        producer->setRandomSeed(7);
        QSignalSpy loaded(producer.get(), &Producer::shardMapLoaded);
        if (!loaded.wait(5000))
            return nullptr;
        return producer;
    }

    // Lets the producer work until no request is in flight, so the manual clock never outruns
    // the engine (whose answers take real time).
    static void settle(Producer &producer)
    {
        producer.poll();
        QDeadlineTimer deadline(5000);
        do
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        while (producer.metrics().requestsInFlight > 0 && !deadline.hasExpired());
    }

    // Moves the clock in steps, letting the producer work and answers arrive, until it is
    // idle (or `maxMs` of clock time passed).
    static bool driveUntilIdle(ManualClock &clock, Producer &producer, qint64 maxMs,
                               qint64 stepMs = 10)
    {
        for (qint64 t = 0; t <= maxMs; t += stepMs) {
            settle(producer);
            if (producer.isIdle())
                return true;
            clock.advanceMs(stepMs);
        }
        return producer.isIdle();
    }

    // Every user record of the stream (aggregates de-aggregated), straight from the engine.
    QList<ReadBack> readAll(const QString &stream) const
    {
        QList<ReadBack> all;
        ListShardsRequest list;
        list.target = StreamTarget::byName(stream);
        const auto shards = engine->listShards(list);
        if (!shards)
            return all;
        for (const Shard &shard : shards->shards) {
            GetShardIteratorRequest it;
            it.target = StreamTarget::byName(stream);
            it.shardId = shard.shardId;
            it.shardIteratorType = ShardIteratorType::TrimHorizon;
            const auto iterator = engine->getShardIterator(it);
            std::optional<QString> next =
                iterator ? std::optional(iterator->shardIterator) : std::nullopt;
            while (next) {
                GetRecordsRequest get;
                get.shardIterator = *next;
                const auto page = engine->getRecords(get);
                if (!page || page->records.isEmpty())
                    break;
                for (const Record &r : page->records) {
                    if (KplAggregation::hasMagic(r.data)) {
                        const auto sub = KplAggregation::deaggregate(r.data);
                        if (!sub || !sub->checksumMatches())
                            return {}; // a broken aggregate fails the caller's checks
                        for (const KplSubRecord &s : sub->records) {
                            all.append({shard.shardId, r.sequenceNumber.toString(),
                                        int(s.index), s.partitionKey, s.data,
                                        ShardMap::hashKeyOf(s.partitionKey, s.explicitHashKey),
                                        shard.hashKeyRange});
                        }
                    } else {
                        all.append({shard.shardId, r.sequenceNumber.toString(), -1,
                                    r.partitionKey, r.data,
                                    r.explicitHashKey ? *r.explicitHashKey
                                                      : HashKey::fromPartitionKey(r.partitionKey),
                                    shard.hashKeyRange});
                    }
                }
                next = page->nextShardIterator;
            }
        }
        return all;
    }
};

// Collects every result by id and fails on a second result for one id.
struct Results
{
    QHash<quint64, ProducerResult> byId;
    int duplicates = 0;

    void attach(Producer &producer)
    {
        QObject::connect(&producer, &Producer::recordsCompleted, &producer,
                         [this](const QList<ProducerResult> &results) {
                             for (const ProducerResult &r : results) {
                                 if (byId.contains(r.id))
                                     ++duplicates;
                                 byId.insert(r.id, r);
                             }
                         });
    }
    int succeeded() const
    {
        int n = 0;
        for (const ProducerResult &r : byId)
            n += r.ok ? 1 : 0;
        return n;
    }
};

QByteArray payload(int i, int size = 100)
{
    QByteArray data = "record-" + QByteArray::number(i) + '-';
    data.append(QByteArray(std::max<qsizetype>(0, size - data.size()), 'x'));
    return data;
}

// Checks that the stream holds exactly the records put (data "record-<i>-..."), each once, where
// its result says, and on a shard whose range holds its hash key.
void checkReadBack(const QList<ReadBack> &stream, const QHash<quint64, ProducerResult> &results,
                   const QHash<QByteArray, quint64> &idByData)
{
    QHash<QByteArray, int> seen;
    for (const ReadBack &r : stream) {
        QVERIFY2(idByData.contains(r.data), r.data.left(40).constData());
        QCOMPARE(++seen[r.data], 1);
        const ProducerResult result = results.value(idByData.value(r.data));
        QVERIFY(result.ok);
        QCOMPARE(result.shardId, r.shardId);
        QCOMPARE(result.sequenceNumber, r.sequenceNumber);
        QCOMPARE(result.subSequenceNumber, r.subSequenceNumber);
        if (r.subSequenceNumber < 0) // an aggregate lands by its first record's key
            QVERIFY(r.shardRange.contains(r.hashKey));
    }
    int acknowledged = 0;
    for (const ProducerResult &r : results)
        acknowledged += r.ok ? 1 : 0;
    QCOMPARE(seen.size(), acknowledged);
}

} // namespace

class TestProducer : public QObject
{
    Q_OBJECT

private slots:
    void tokenBucketAndLatencyWindow();
    void shardPredictionMatchesEngine();
    void batchesKeepTo500RecordsAnd5MiB();
    void lingerWaitsForMore();
    void aggregationIsReadByTheDeaggregator();
    void aggregatesAreReadByAwsKinesisAgg();
    void keepsEachShardUnderItsLimit();
    void retriesThrottledRecordsWithoutLossOrDuplicates();
    void expiresAfterTimeToLiveAndFailsOtherErrors();
    void refusesPastTheOutstandingCap();
    void requestErrorsAreRetriedOrFail();
    void unknownStreamFailsItsRecords();
    void noLossAcrossSplitUnderLoad();
    void perSecondCounters();
};

void TestProducer::tokenBucketAndLatencyWindow()
{
    TokenBucket bucket(1000, 200, 0);
    QVERIFY(bucket.tryTake(200, 0));
    QVERIFY(!bucket.tryTake(1, 0));
    QVERIFY(!bucket.tryTake(11, 10)); // 10 ms refill 10 tokens
    QVERIFY(bucket.tryTake(10, 10));
    QCOMPARE(bucket.available(10'000), qint64(200)); // capped
    bucket.drain(10'000);
    QCOMPARE(bucket.available(10'000), qint64(0));
    QVERIFY(TokenBucket(0, 0, 0).tryTake(1'000'000'000, 0)); // unlimited

    LatencyWindow window(100);
    for (int i = 1; i <= 300; ++i) // only the last 100 (201..300) count
        window.add(i);
    QCOMPARE(window.percentile(50), 250);
    QCOMPARE(window.percentile(99), 299);
    QCOMPARE(window.max(), 300);
}

void TestProducer::shardPredictionMatchesEngine()
{
    Harness h;
    QVERIFY(h.open(u"orders"_s, 5));
    // Uneven ranges: split one shard off-centre.
    SplitShardRequest split;
    split.target = StreamTarget::byName(u"orders"_s);
    split.shardToSplit = u"shardId-000000000001"_s;
    const HashKeyRange second = HashKeyRange::evenSplit(5).at(1);
    split.newStartingHashKey = HashKey{second.start.value + second.span() / 5}.toDecimal();
    const auto splitDone = h.engine->splitShard(split);
    QVERIFY2(splitDone.has_value(), qPrintable(splitDone ? QString() : splitDone.error().message));

    ListShardsRequest list;
    list.target = StreamTarget::byName(u"orders"_s);
    const auto shards = h.engine->listShards(list);
    QVERIFY(shards.has_value());
    const ShardMap map(shards->shards);
    QCOMPARE(map.size(), 6);
    QRandomGenerator random(3);
    for (int i = 0; i < 2000; ++i) {
        PutRecordRequest put;
        put.target = StreamTarget::byName(u"orders"_s);
        put.partitionKey = u"key-%1"_s.arg(random.generate());
        put.data = "x";
        if (i % 5 == 0) { // explicit hash keys too, spread over the whole space
            HashKey key{(uint128(random.generate64()) << 64) | random.generate64()};
            put.explicitHashKey = key.toDecimal();
        }
        const auto landed = h.engine->putRecord(put);
        QVERIFY(landed.has_value());
        QCOMPARE(map.shardFor(ShardMap::hashKeyOf(put.partitionKey, put.explicitHashKey)),
                 landed->shardId);
    }
    QCOMPARE(map.shardFor(HashKey{0}), map.shards().first().shardId);
    QCOMPARE(map.shardFor(HashKey::max()), map.shards().last().shardId);

    // The producer's predictions agree: no record lands elsewhere, so it never reloads its map.
    ProducerOptions options;
    options.rateLimitPercent = 0;
    auto producer = h.makeProducer(u"orders"_s, options);
    QVERIFY(producer);
    QTest::qWait(100); // the catalog changes above reach it (and reload its map) first
    QSignalSpy reloaded(producer.get(), &Producer::shardMapLoaded);
    Results results;
    results.attach(*producer);
    for (int i = 0; i < 1000; ++i)
        QVERIFY(producer->put({u"p-%1"_s.arg(i), std::nullopt, payload(i)}).has_value());
    QVERIFY(Harness::driveUntilIdle(*h.clock, *producer, 5000));
    QCOMPARE(results.succeeded(), 1000);
    QCOMPARE(reloaded.size(), 0);
}

void TestProducer::batchesKeepTo500RecordsAnd5MiB()
{
    Harness h;
    // The producer's pacing is off; the engine's limits would split the 5 MiB requests by
    // throttling their records, and this checks how the producer cuts requests.
    QVERIFY(h.open(u"orders"_s, 4, false));
    ProducerOptions options;
    options.rateLimitPercent = 0;
    options.lingerMs = 100;
    auto producer = h.makeProducer(u"orders"_s, options);
    QVERIFY(producer);
    Results results;
    results.attach(*producer);
    for (int i = 0; i < 1200; ++i)
        QVERIFY(producer->put({u"k%1"_s.arg(i), std::nullopt, payload(i)}).has_value());
    producer->poll(); // two full requests go at once, the rest waits for its linger time
    QCOMPARE(h.throttling->requestSizes, (QList<qsizetype>{500, 500}));
    QVERIFY(Harness::driveUntilIdle(*h.clock, *producer, 1000));
    QCOMPARE(h.throttling->requestSizes, (QList<qsizetype>{500, 500, 200}));
    QCOMPARE(results.succeeded(), 1200);

    // 5 MiB: 40 records of 400 KiB make requests of 12, 12, 12 and 4 (13 would pass 5 MiB).
    h.throttling->requestSizes.clear();
    h.throttling->requestBytes.clear();
    for (int i = 0; i < 40; ++i)
        QVERIFY(producer->put({u"big%1"_s.arg(i), std::nullopt, payload(i, 400 * 1024)}));
    producer->flush();
    QVERIFY(Harness::driveUntilIdle(*h.clock, *producer, 1000));
    QCOMPARE(h.throttling->requestSizes, (QList<qsizetype>{12, 12, 12, 4}));
    for (qint64 bytes : std::as_const(h.throttling->requestBytes))
        QVERIFY(bytes <= KinesisLimits::kPutRecordsMaxBytes);
    QCOMPARE(results.succeeded(), 1240);
    QCOMPARE(results.duplicates, 0);
}

void TestProducer::lingerWaitsForMore()
{
    Harness h;
    QVERIFY(h.open(u"orders"_s, 2));
    ProducerOptions options;
    options.lingerMs = 100;
    auto producer = h.makeProducer(u"orders"_s, options);
    QVERIFY(producer);
    for (int i = 0; i < 10; ++i)
        QVERIFY(producer->put({u"k%1"_s.arg(i), std::nullopt, payload(i)}).has_value());
    h.clock->advanceMs(99);
    producer->poll();
    QTest::qWait(20);
    QCOMPARE(h.throttling->requests, 0);
    h.clock->advanceMs(1);
    producer->poll();
    QCOMPARE(h.throttling->requestSizes, QList<qsizetype>{10});
    QVERIFY(Harness::driveUntilIdle(*h.clock, *producer, 100));
}

void TestProducer::aggregationIsReadByTheDeaggregator()
{
    Harness h;
    QVERIFY(h.open(u"orders"_s, 3));
    ProducerOptions options;
    options.aggregate = true;
    options.maxAggregateBytes = 8 * 1024;
    auto producer = h.makeProducer(u"orders"_s, options);
    QVERIFY(producer);
    Results results;
    results.attach(*producer);
    QHash<QByteArray, quint64> idByData;
    for (int i = 0; i < 2000; ++i) {
        ProducerRecord record{u"user-%1"_s.arg(i % 97), std::nullopt, payload(i, 50 + i % 200)};
        if (i % 10 == 0) // some explicit hash keys, which the aggregate's key table carries
            record.explicitHashKey = HashKey{uint128(i) << 100}.toDecimal();
        const auto id = producer->put(record);
        QVERIFY(id.has_value());
        idByData.insert(record.data, *id);
    }
    // One record alone is not aggregated.
    const auto lone = producer->put({u"lone"_s, std::nullopt, payload(99999, 2 * 8 * 1024)});
    QVERIFY(lone.has_value());
    idByData.insert(payload(99999, 2 * 8 * 1024), *lone);
    QVERIFY(Harness::driveUntilIdle(*h.clock, *producer, 5000));
    QCOMPARE(results.succeeded(), 2001);
    QCOMPARE(results.byId.value(*lone).subSequenceNumber, -1);

    const ProducerMetrics metrics = producer->metrics();
    QCOMPARE(metrics.total.userRecordsAcknowledged, 2001);
    QVERIFY(metrics.total.kinesisRecordsAcknowledged < 100); // about 2000 * 150 B / 8 KiB
    const QList<ReadBack> stream = h.readAll(u"orders"_s);
    QCOMPARE(stream.size(), 2001);
    checkReadBack(stream, results.byId, idByData);
    // Every user record is on the shard its own hash key belongs to (the map was exact).
    for (const ReadBack &r : stream)
        QVERIFY(r.shardRange.contains(r.hashKey));
    // Aggregates stay within their size.
    QHash<QString, int> aggregates;
    for (const ReadBack &r : stream)
        aggregates[r.sequenceNumber] += 1;
    QVERIFY(aggregates.size() < 100);
}

void TestProducer::aggregatesAreReadByAwsKinesisAgg()
{
    // What the producer put, read back from the engine, de-aggregated by the npm package
    // aws-kinesis-agg (tests/clients/make_kpl_fixtures.mjs --deaggregate; a missing node or
    // package is a failure, as in tst_kplaggregation).
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    QVERIFY2(!node.isEmpty(), "node is not installed (scripts/deps installs it)");
    QVERIFY2(QFile::exists(kClientsDir + u"/node_modules/aws-kinesis-agg/package.json"_s),
             "the npm package aws-kinesis-agg is not installed: run scripts/deps");
    Harness h;
    QVERIFY(h.open(u"orders"_s, 2));
    ProducerOptions options;
    options.aggregate = true;
    options.maxAggregateBytes = 4096;
    auto producer = h.makeProducer(u"orders"_s, options);
    QVERIFY(producer);
    for (int i = 0; i < 300; ++i) {
        ProducerRecord record{u"user-%1"_s.arg(i % 31), std::nullopt, payload(i, 20 + i % 90)};
        if (i % 7 == 0)
            record.explicitHashKey = HashKey{uint128(i) << 110}.toDecimal();
        QVERIFY(producer->put(record).has_value());
    }
    QVERIFY(Harness::driveUntilIdle(*h.clock, *producer, 5000));

    QTemporaryDir dir;
    int checked = 0;
    int userRecords = 0;
    ListShardsRequest list;
    list.target = StreamTarget::byName(u"orders"_s);
    const auto shards = h.engine->listShards(list);
    QVERIFY(shards.has_value());
    for (const Shard &shard : shards->shards) {
        GetShardIteratorRequest it;
        it.target = list.target;
        it.shardId = shard.shardId;
        const auto iterator = h.engine->getShardIterator(it);
        QVERIFY(iterator.has_value());
        GetRecordsRequest get;
        get.shardIterator = iterator->shardIterator;
        const auto page = h.engine->getRecords(get);
        QVERIFY(page.has_value());
        for (const Record &r : page->records) {
            if (!KplAggregation::hasMagic(r.data)) // a record alone
                continue;
            const auto ours = KplAggregation::deaggregate(r.data);
            QVERIFY(ours.has_value());
            const QString file = dir.filePath(u"%1.kpl"_s.arg(checked++));
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QCOMPARE(out.write(r.data), r.data.size());
            out.close();
            QProcess script;
            script.setWorkingDirectory(kClientsDir);
            script.start(node, {kClientsDir + u"/make_kpl_fixtures.mjs"_s, u"--deaggregate"_s, file});
            QVERIFY(script.waitForFinished(60000));
            QVERIFY2(script.exitCode() == 0, script.readAllStandardError().constData());
            const QJsonObject answer = QJsonDocument::fromJson(script.readAllStandardOutput()).object();
            QVERIFY2(answer.value(u"error").isNull(), qPrintable(answer.value(u"error").toString()));
            const QJsonArray theirs = answer.value(u"records").toArray();
            QCOMPARE(theirs.size(), ours->records.size());
            for (qsizetype i = 0; i < theirs.size(); ++i) {
                const QJsonObject record = theirs.at(i).toObject();
                QCOMPARE(record.value(u"partitionKey").toString(), ours->records.at(i).partitionKey);
                QCOMPARE(QByteArray::fromBase64(record.value(u"data").toString().toLatin1()),
                         ours->records.at(i).data);
                if (ours->records.at(i).explicitHashKey) {
                    QCOMPARE(record.value(u"explicitHashKey").toString(),
                             *ours->records.at(i).explicitHashKey);
                }
            }
            userRecords += int(theirs.size());
            if (checked >= 12)
                break;
        }
        if (checked >= 12)
            break;
    }
    QVERIFY(checked >= 4);
    QVERIFY(userRecords > checked * 10);
}

void TestProducer::keepsEachShardUnderItsLimit()
{
    // 4 shards, 10 s of clock, far more offered than 4,000 records/s: the producer sends at most
    // each shard's 1,000 records/s, and the backend (1,000/s per shard, counted over the stream
    // as 4,000/s in each clock second) never has to throttle it.
    Harness h;
    QVERIFY(h.open(u"orders"_s, 4));
    h.throttling->recordsPerSecond = 4000;
    ProducerOptions options;
    auto producer = h.makeProducer(u"orders"_s, options);
    QVERIFY(producer);
    // Keys spread evenly over the shards: explicit hash keys at each shard's centre.
    const QList<HashKeyRange> ranges = HashKeyRange::evenSplit(4);
    int i = 0;
    for (qint64 t = 0; t < 10'000; t += 10) {
        for (int n = 0; n < 60; ++n, ++i) { // 6,000 records/s
            const HashKeyRange &range = ranges.at(i % 4);
            const auto put = producer->put(
                {u"k%1"_s.arg(i), HashKey{range.start.value + range.span() / 2}.toDecimal(),
                 payload(i)});
            QVERIFY(put.has_value());
        }
        Harness::settle(*producer);
        h.clock->advanceMs(10);
    }
    producer->poll();
    QTest::qWait(20);
    const ProducerMetrics metrics = producer->metrics();
    // 10 s at 4,000/s: a new shard's buckets start empty, so there is no initial burst.
    QVERIFY2(metrics.total.kinesisRecordsSent <= 40'000,
             qPrintable(QString::number(metrics.total.kinesisRecordsSent)));
    QVERIFY2(metrics.total.kinesisRecordsSent >= 39'000,
             qPrintable(QString::number(metrics.total.kinesisRecordsSent)));
    QCOMPARE(metrics.total.throttledRecords, 0);
}

void TestProducer::retriesThrottledRecordsWithoutLossOrDuplicates()
{
    Harness h;
    QVERIFY(h.open(u"orders"_s, 2));
    h.throttling->recordsPerSecond = 300; // far under what the producer offers
    ProducerOptions options;
    options.rateLimitPercent = 0; // leave it to the backend to refuse
    options.recordTtlMs = 60'000;
    auto producer = h.makeProducer(u"orders"_s, options);
    QVERIFY(producer);
    Results results;
    results.attach(*producer);
    QHash<QByteArray, quint64> idByData;
    for (int i = 0; i < 2000; ++i) {
        const QByteArray data = payload(i);
        const auto id = producer->put({u"k%1"_s.arg(i % 50), std::nullopt, data});
        QVERIFY(id.has_value());
        idByData.insert(data, *id);
    }
    QVERIFY(Harness::driveUntilIdle(*h.clock, *producer, 30'000));
    QCOMPARE(results.byId.size(), 2000);
    QCOMPARE(results.duplicates, 0);
    QCOMPARE(results.succeeded(), 2000);
    const ProducerMetrics metrics = producer->metrics();
    QVERIFY(metrics.total.throttledRecords > 0);
    QCOMPARE(metrics.total.throttledRecords, h.throttling->throttled);
    QVERIFY(metrics.total.retriedRecords >= metrics.total.throttledRecords);
    QCOMPARE(metrics.total.failedRecords, 0);
    int retried = 0;
    for (const ProducerResult &r : std::as_const(results.byId))
        retried += r.attempts > 1 ? 1 : 0;
    QVERIFY(retried > 0);
    checkReadBack(h.readAll(u"orders"_s), results.byId, idByData);
}

void TestProducer::expiresAfterTimeToLiveAndFailsOtherErrors()
{
    Harness h;
    QVERIFY(h.open(u"orders"_s, 2));
    h.throttling->doomedKeys = {u"doomed"_s};
    h.throttling->deniedKeys = {u"denied"_s};
    ProducerOptions options;
    options.recordTtlMs = 2000;
    auto producer = h.makeProducer(u"orders"_s, options);
    QVERIFY(producer);
    Results results;
    results.attach(*producer);
    const quint64 doomed = *producer->put({u"doomed"_s, std::nullopt, "a"});
    const quint64 denied = *producer->put({u"denied"_s, std::nullopt, "b"});
    const quint64 fine = *producer->put({u"fine"_s, std::nullopt, "c"});
    QVERIFY(Harness::driveUntilIdle(*h.clock, *producer, 5000));
    QCOMPARE(results.byId.size(), 3);
    QVERIFY(results.byId.value(fine).ok);
    const ProducerResult refused = results.byId.value(denied);
    QVERIFY(!refused.ok);
    QCOMPARE(refused.errorCode, u"KMSAccessDeniedException"_s);
    QCOMPARE(refused.attempts, 1); // not retried
    QVERIFY(refused.latencyMs < 1000);
    const ProducerResult expired = results.byId.value(doomed);
    QVERIFY(!expired.ok);
    QCOMPARE(expired.errorCode, u"Expired"_s);
    QVERIFY(expired.errorMessage.contains(u"2,000 ms"_s));
    QVERIFY(expired.attempts > 3); // retried with backoff until then
    QVERIFY(expired.latencyMs >= 2000);
    QVERIFY(expired.latencyMs < 2000 + 200);
    const ProducerMetrics metrics = producer->metrics();
    QCOMPARE(metrics.total.failedRecords, 2);
    QCOMPARE(metrics.total.throttledRecords, expired.attempts);
    QCOMPARE(metrics.total.retriedRecords, expired.attempts - 1);
    // Their bytes too: "doomed" + "a", 7 bytes, on every attempt / every attempt after the first.
    QCOMPARE(metrics.total.throttledBytes, 7 * expired.attempts);
    QCOMPARE(metrics.total.retriedBytes, 7 * (expired.attempts - 1));
    QVERIFY(metrics.total.acknowledgedByShard.isEmpty()); // per second only
}

void TestProducer::refusesPastTheOutstandingCap()
{
    Harness h;
    QVERIFY(h.open(u"orders"_s, 1));
    ProducerOptions options;
    options.maxOutstandingRecords = 5;
    auto producer = h.makeProducer(u"orders"_s, options);
    QVERIFY(producer);
    for (int i = 0; i < 5; ++i)
        QVERIFY(producer->put({u"k"_s, std::nullopt, payload(i)}).has_value());
    const auto refused = producer->put({u"k"_s, std::nullopt, payload(5)});
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().type, ErrorType::LimitExceeded);
    QVERIFY(refused.error().message.contains(u"5"_s));
    QCOMPARE(producer->outstandingRecords(), 5);
    QVERIFY(Harness::driveUntilIdle(*h.clock, *producer, 1000));
    QVERIFY(producer->put({u"k"_s, std::nullopt, payload(6)}).has_value());

    // Bad records are refused at once with Kinesis's error types.
    const auto empty = producer->put({QString(), std::nullopt, "x"});
    QVERIFY(!empty.has_value());
    QCOMPARE(empty.error().type, ErrorType::Validation);
    const auto badKey = producer->put({u"k"_s, u"12x"_s, "x"});
    QVERIFY(!badKey.has_value());
    QCOMPARE(badKey.error().type, ErrorType::Validation);
    const auto huge = producer->put({u"k"_s, std::nullopt, QByteArray(1024 * 1024, 'x')});
    QVERIFY(!huge.has_value());

    EmulatorBackendOptions readOnly;
    readOnly.readOnly = true;
    EmulatorBackend readOnlyBackend(*h.engine, readOnly);
    Producer refusing(&readOnlyBackend, u"orders"_s);
    const auto denied = refusing.put({u"k"_s, std::nullopt, "x"});
    QVERIFY(!denied.has_value());
    QCOMPARE(denied.error().type, ErrorType::AccessDenied);
}

namespace {

// Answers the first `failures` PutRecords calls with a request-level error of `type`.
class FailingBackend final : public testing::ForwardingBackend
{
public:
    FailingBackend(StreamBackend &inner, ErrorType type, int failures)
        : ForwardingBackend(inner), m_type(type), m_failures(failures)
    {
    }
    int calls = 0;

    BackendFuture<PutRecordsResponse> putRecords(const PutRecordsRequest &request) override
    {
        if (calls++ < m_failures) {
            return QtFuture::makeReadyFuture<BackendResult<PutRecordsResponse>>(
                std::unexpected(Error{m_type, u"Injected."_s}));
        }
        return m_inner.putRecords(request);
    }

private:
    ErrorType m_type;
    int m_failures;
};

} // namespace

void TestProducer::requestErrorsAreRetriedOrFail()
{
    Harness h;
    QVERIFY(h.open(u"orders"_s, 1));
    {
        // An internal failure of the whole call is retried with backoff.
        FailingBackend failing(*h.backend, ErrorType::InternalFailure, 3);
        Producer producer(&failing, u"orders"_s);
        producer.setClock(h.producerClock());
        QSignalSpy loaded(&producer, &Producer::shardMapLoaded);
        QVERIFY(loaded.wait(5000));
        Results results;
        results.attach(producer);
        for (int i = 0; i < 20; ++i)
            QVERIFY(producer.put({u"k%1"_s.arg(i), std::nullopt, payload(i)}).has_value());
        QVERIFY(Harness::driveUntilIdle(*h.clock, producer, 10'000));
        QCOMPARE(results.succeeded(), 20);
        QVERIFY(failing.calls > 3);
        // Each failed call's records are tried again (each after its own jittered backoff).
        qint64 retries = 0;
        for (const ProducerResult &r : std::as_const(results.byId))
            retries += r.attempts - 1;
        QVERIFY(retries >= 3);
        QCOMPARE(producer.metrics().total.retriedRecords, retries);
        QCOMPARE(producer.metrics().total.failedRecords, 0);
    }
    {
        // Access denied is not retried: every record of the call fails with it.
        FailingBackend failing(*h.backend, ErrorType::AccessDenied, 1);
        Producer producer(&failing, u"orders"_s);
        producer.setClock(h.producerClock());
        QSignalSpy loaded(&producer, &Producer::shardMapLoaded);
        QVERIFY(loaded.wait(5000));
        Results results;
        results.attach(producer);
        for (int i = 0; i < 5; ++i)
            QVERIFY(producer.put({u"k%1"_s.arg(i), std::nullopt, payload(i)}).has_value());
        QVERIFY(Harness::driveUntilIdle(*h.clock, producer, 1000));
        QCOMPARE(results.byId.size(), 5);
        for (const ProducerResult &r : std::as_const(results.byId)) {
            QVERIFY(!r.ok);
            QCOMPARE(r.errorCode, u"AccessDeniedException"_s);
            QCOMPARE(r.attempts, 1);
        }
    }
}

void TestProducer::unknownStreamFailsItsRecords()
{
    Harness h;
    QVERIFY(h.open(u"orders"_s, 1));
    ProducerOptions options;
    options.recordTtlMs = 1000;
    Producer producer(h.backend.get(), u"missing"_s, options);
    producer.setClock(h.producerClock());
    QSignalSpy failed(&producer, &Producer::shardMapFailed);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().first().value<Error>().type, ErrorType::ResourceNotFound);
    Results results;
    results.attach(producer);
    QVERIFY(producer.put({u"k"_s, std::nullopt, "x"}).has_value());
    // No shard map, so nothing is sent; the record expires with its time to live.
    QVERIFY(Harness::driveUntilIdle(*h.clock, producer, 2000));
    QCOMPARE(results.byId.size(), 1);
    QCOMPARE(results.byId.cbegin().value().errorCode, u"Expired"_s);
    QCOMPARE(results.byId.cbegin().value().attempts, 0);
    // The map is tried again after a backoff (at most retryMaxDelayMs).
    h.clock->advanceMs(10'000);
    producer.poll();
    QTRY_VERIFY(failed.size() >= 2);
}

void TestProducer::noLossAcrossSplitUnderLoad()
{
    Harness h;
    QVERIFY(h.open(u"orders"_s, 2));
    h.throttling->recordsPerSecond = 1500; // under the producer's 2,000/s: it gets throttled
    ProducerOptions options;
    options.recordTtlMs = 120'000;
    auto producer = h.makeProducer(u"orders"_s, options);
    QVERIFY(producer);
    QSignalSpy reloaded(producer.get(), &Producer::shardMapLoaded);
    Results results;
    results.attach(*producer);
    QHash<QByteArray, quint64> idByData;
    int i = 0;
    for (qint64 t = 0; t < 6000; t += 10) {
        for (int n = 0; n < 25; ++n, ++i) { // 2,500 records/s
            const QByteArray data = payload(i);
            const auto id = producer->put({u"user-%1"_s.arg(i % 333), std::nullopt, data});
            QVERIFY(id.has_value());
            idByData.insert(data, *id);
        }
        if (t == 3000) {
            SplitShardRequest split;
            split.target = StreamTarget::byName(u"orders"_s);
            split.shardToSplit = u"shardId-000000000000"_s;
            split.newStartingHashKey = HashKeyRange::evenSplit(4).at(1).start.toDecimal();
            QVERIFY(h.backend->splitShard(split).result().has_value());
        }
        Harness::settle(*producer);
        h.clock->advanceMs(10);
    }
    QVERIFY(Harness::driveUntilIdle(*h.clock, *producer, 60'000));
    QCOMPARE(results.byId.size(), i);
    QCOMPARE(results.duplicates, 0);
    QCOMPARE(results.succeeded(), i);
    QVERIFY(reloaded.size() >= 1); // the split was seen
    const ProducerMetrics metrics = producer->metrics();
    QVERIFY(metrics.total.throttledRecords > 0);
    int onChildren = 0;
    for (const ProducerResult &r : std::as_const(results.byId))
        onChildren += r.shardId == "shardId-000000000002"_L1 || r.shardId == "shardId-000000000003"_L1;
    QVERIFY(onChildren > 1000);
    checkReadBack(h.readAll(u"orders"_s), results.byId, idByData);
}

void TestProducer::perSecondCounters()
{
    Harness h;
    QVERIFY(h.open(u"orders"_s, 1));
    auto producer = h.makeProducer(u"orders"_s, ProducerOptions{});
    QVERIFY(producer);
    QList<ProducerCounters> seconds;
    connect(producer.get(), &Producer::secondClosed, this,
            [&](const ProducerCounters &c) { seconds.append(c); });
    h.clock->setMs(kStartMs / 1000 * 1000 + 1000); // a second's start
    for (int i = 0; i < 300; ++i)
        QVERIFY(producer->put({u"k%1"_s.arg(i), std::nullopt, payload(i)}).has_value());
    QVERIFY(Harness::driveUntilIdle(*h.clock, *producer, 900));
    h.clock->advanceMs(3000);
    producer->poll();
    const auto busy = std::find_if(seconds.cbegin(), seconds.cend(), [](const ProducerCounters &c) {
        return c.second == kStartMs / 1000 * 1000 + 1000;
    });
    QVERIFY(busy != seconds.cend());
    QCOMPARE(busy->userRecordsSent, 300);
    QCOMPARE(busy->userRecordsAcknowledged, 300);
    qint64 bytes = 0;
    for (int i = 0; i < 300; ++i)
        bytes += 100 + u"k%1"_s.arg(i).size();
    QCOMPARE(busy->bytesAcknowledged, bytes);
    // The one shard acknowledged all of them: Kinesis records (not aggregated) and bytes.
    QCOMPARE(busy->acknowledgedByShard.keys(), QStringList{u"shardId-000000000000"_s});
    QCOMPARE(busy->acknowledgedByShard.value(u"shardId-000000000000"_s),
             (ProducerShardCounts{300, bytes}));
    QCOMPARE(busy->throttledBytes, 0);
    QCOMPARE(busy->retriedBytes, 0);
    QVERIFY(seconds.last().acknowledgedByShard.isEmpty());
    QVERIFY(busy->requests >= 1);
    QVERIFY(busy->latencyMaxMs >= busy->latencyP99Ms);
    QCOMPARE(seconds.last().userRecordsSent, 0); // an empty second is emitted too
    QCOMPARE(producer->metrics().total.userRecordsAcknowledged, 300);
}

QTEST_GUILESS_MAIN(TestProducer)
#include "tst_producer.moc"
