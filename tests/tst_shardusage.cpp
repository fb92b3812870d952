// Each open shard's use against its throughput limits (Engine::shardUsage and
// EmulatorBackend::shardUsage): exact counts over the last second on a ManualClock, the tightest
// limit, throttled writes and reads, use measured with the limits off, scaled limits, closed
// shards left out, and the value type's fractions.

#include "backend/emulatorbackend.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "kinesis/shardusage.h"

#include <QTemporaryDir>
#include <QTest>

#include "backendtesthelpers.h"
#include "expectedassert.h"

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;
constexpr qint64 kMiB = 1024 * 1024;
const QString kShard0 = u"shardId-000000000000"_s;
const QString kShard1 = u"shardId-000000000001"_s;
const QString kLowKey = u"0"_s;
const QString kHighKey = u"340282366920938463463374607431768211455"_s;

struct Harness
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;

    std::expected<void, Error> open(bool limits = true, int factor = 1)
    {
        EngineOptions o;
        o.databasePath = dir.filePath(u"e.db"_s);
        o.clock = clock;
        o.createDelayMs = 0;
        o.updateDelayMs = 0;
        o.throughputLimits = limits;
        o.throughputLimitFactor = factor;
        auto opened = Engine::open(o);
        if (!opened)
            return std::unexpected(opened.error());
        engine = std::move(*opened);
        CreateStreamRequest create;
        create.streamName = u"orders"_s;
        create.shardCount = 2;
        return engine->createStream(create);
    }

    // `count` records of `size` bytes (partition key "k") to the shard `hashKey` routes to, in
    // PutRecords batches of up to 500; returns how many were stored.
    qint64 put(int count, int size, const QString &hashKey = kLowKey)
    {
        qint64 stored = 0;
        while (count > 0) {
            PutRecordsRequest batch;
            batch.target = StreamTarget::byName(u"orders"_s);
            for (int i = 0; i < std::min(count, 500); ++i)
                batch.records.append(PutRecordsRequestEntry{QByteArray(size, 'x'), u"k"_s, hashKey});
            count -= int(batch.records.size());
            const auto response = engine->putRecords(batch);
            if (!response)
                return -1;
            stored += batch.records.size() - response->failedRecordCount;
        }
        return stored;
    }

    // One GetRecords from TRIM_HORIZON; the payload bytes it returned, or -1 when refused.
    qint64 read(const QString &shardId)
    {
        GetShardIteratorRequest at;
        at.target = StreamTarget::byName(u"orders"_s);
        at.shardId = shardId;
        at.shardIteratorType = ShardIteratorType::TrimHorizon;
        const auto iterator = engine->getShardIterator(at);
        if (!iterator)
            return -1;
        GetRecordsRequest get;
        get.shardIterator = iterator->shardIterator;
        const auto page = engine->getRecords(get);
        if (!page)
            return -1;
        qint64 bytes = 0;
        for (const Record &record : page->records)
            bytes += record.data.size();
        return bytes;
    }

    QList<ShardUsage> usage() const
    {
        const auto usage = engine->shardUsage(StreamTarget::byName(u"orders"_s));
        return usage ? *usage : QList<ShardUsage>();
    }
};

} // namespace

class TestShardUsage : public QObject
{
    Q_OBJECT

private slots:
    void lastSecondPerShard()
    {
        Harness h;
        VERIFY_OK(h.open());
        QCOMPARE(h.put(300, 100), 300);
        QCOMPARE(h.put(50, 2000, kHighKey), 50);
        h.clock->advanceMs(400);
        QCOMPARE(h.read(kShard0), 300 * 100);
        QCOMPARE(h.read(kShard0), 300 * 100);

        QList<ShardUsage> usage = h.usage();
        QCOMPARE(usage.size(), 2);
        const ShardUsage &shard0 = usage[0];
        QCOMPARE(shard0.shardId, kShard0);
        QCOMPARE(shard0.writeRecordsPerSecond, 300.0);
        QCOMPARE(shard0.writeBytesPerSecond, 300.0 * 101); // data plus partition key
        QCOMPARE(shard0.readCallsPerSecond, 2.0);
        QCOMPARE(shard0.readBytesPerSecond, 2.0 * 300 * 100);
        QCOMPARE(shard0.writesThrottledPerSecond, 0.0);
        QCOMPARE(shard0.readsThrottledPerSecond, 0.0);
        QCOMPARE(shard0.limits, ShardUsage::Limits{});
        QCOMPARE(shard0.limits.writeRecordsPerSecond, 1000);
        QCOMPARE(shard0.limits.writeBytesPerSecond, kMiB);
        QCOMPARE(shard0.limits.readCallsPerSecond, 5);
        QCOMPARE(shard0.limits.readBytesPerSecond, 2 * kMiB);
        QVERIFY(shard0.enforced);
        QVERIFY(!shard0.needsEnhancedMonitoring);
        QCOMPARE(shard0.windowMs, 1000);
        // Records are the tighter write limit here, calls the tighter read limit.
        QCOMPARE(shard0.writeFraction(), 0.3);
        QCOMPARE(shard0.tightestWrite(), ShardUsage::Measure::Records);
        QCOMPARE(shard0.readFraction(), 0.4);
        QCOMPARE(shard0.tightestRead(), ShardUsage::Measure::Calls);

        const ShardUsage &shard1 = usage[1];
        QCOMPARE(shard1.shardId, kShard1);
        QCOMPARE(shard1.writeRecordsPerSecond, 50.0);
        QCOMPARE(shard1.writeBytesPerSecond, 50.0 * 2001);
        QCOMPARE(shard1.tightestWrite(), ShardUsage::Measure::Bytes);
        QCOMPARE(*shard1.writeFraction(), 50.0 * 2001 / double(kMiB));
        QCOMPARE(shard1.readFraction(), 0.0);
        QCOMPARE(hottestShard(usage)->shardId, kShard0);

        // 700 ms later the writes are more than a second old; the reads (at 400 ms) are not.
        h.clock->advanceMs(700);
        usage = h.usage();
        QCOMPARE(usage[0].writeRecordsPerSecond, 0.0);
        QCOMPARE(usage[0].readCallsPerSecond, 2.0);
        QCOMPARE(usage[1].writeRecordsPerSecond, 0.0);
        h.clock->advanceMs(1000);
        QCOMPARE(h.usage()[0].readFraction(), 0.0);
        QCOMPARE(hottestShard(h.usage())->writeFraction(), 0.0);
    }

    void throttledWritesAndReads()
    {
        Harness h;
        VERIFY_OK(h.open());
        // A full shard admits one second's allowance, 1,000 records, and refuses the rest.
        QCOMPARE(h.put(1500, 10), 1000);
        for (int i = 0; i < 5; ++i)
            QVERIFY(h.read(kShard0) >= 0);
        QCOMPARE(h.read(kShard0), -1);
        const ShardUsage shard0 = h.usage().value(0);
        QCOMPARE(shard0.writeRecordsPerSecond, 1000.0);
        QCOMPARE(shard0.writesThrottledPerSecond, 500.0);
        QCOMPARE(shard0.writeFraction(), 1.0);
        QCOMPARE(shard0.readCallsPerSecond, 5.0);
        QCOMPARE(shard0.readsThrottledPerSecond, 1.0);
        QCOMPARE(shard0.readFraction(), 1.0);
        QVERIFY(shard0.isThrottled());
        QVERIFY(!h.usage().value(1).isThrottled());
    }

    void measuredWithTheLimitsOff()
    {
        Harness h;
        VERIFY_OK(h.open(false));
        QCOMPARE(h.put(3000, 10), 3000);
        for (int i = 0; i < 8; ++i)
            QVERIFY(h.read(kShard1) >= 0);
        QList<ShardUsage> usage = h.usage();
        QCOMPARE(usage.size(), 2);
        QVERIFY(!usage[0].enforced);
        QCOMPARE(usage[0].writeRecordsPerSecond, 3000.0);
        QCOMPARE(usage[0].writeBytesPerSecond, 3000.0 * 11);
        QCOMPARE(usage[0].writeFraction(), 3.0);
        QCOMPARE(usage[0].writesThrottledPerSecond, 0.0);
        QCOMPARE(usage[1].readCallsPerSecond, 8.0);
        QCOMPARE(usage[1].readFraction(), 1.6);

        // Switched on at run time: enforced, and the counts of the last second stay.
        h.engine->setThroughputLimitsEnabled(true);
        usage = h.usage();
        QVERIFY(usage[0].enforced);
        QCOMPARE(usage[0].writeRecordsPerSecond, 3000.0);
        QCOMPARE(h.put(1200, 10), 1000); // the shard starts full again
        QCOMPARE(h.usage()[0].writeRecordsPerSecond, 4000.0);
        QCOMPARE(h.usage()[0].writesThrottledPerSecond, 200.0);
    }

    void scaledLimits()
    {
        Harness h;
        VERIFY_OK(h.open(true, 10));
        QCOMPARE(h.put(2500, 10), 2500);
        const ShardUsage shard0 = h.usage().value(0);
        QCOMPARE(shard0.limits, ShardUsage::Limits{}.scaled(10));
        QCOMPARE(shard0.limits.writeRecordsPerSecond, 10000);
        QCOMPARE(shard0.limits.readBytesPerSecond, 20 * kMiB);
        QCOMPARE(shard0.writeFraction(), 0.25);
    }

    void closedShardsReportNothing()
    {
        Harness h;
        VERIFY_OK(h.open());
        QCOMPARE(h.put(10, 10), 10);
        SplitShardRequest split;
        split.target = StreamTarget::byName(u"orders"_s);
        split.shardToSplit = kShard0;
        split.newStartingHashKey = u"1000"_s;
        VERIFY_OK(h.engine->splitShard(split));
        h.clock->advanceMs(1);
        QStringList ids;
        for (const ShardUsage &shard : h.usage())
            ids.append(shard.shardId);
        QCOMPARE(ids, (QStringList{kShard1, u"shardId-000000000002"_s, u"shardId-000000000003"_s}));
        // The child that owns key 0 counts the next writes.
        QCOMPARE(h.put(7, 10), 7);
        QCOMPARE(h.usage()[1].writeRecordsPerSecond, 7.0);
    }

    void targetsAndErrors()
    {
        Harness h;
        VERIFY_OK(h.open());
        QCOMPARE(h.put(5, 10), 5);
        const auto byArn =
            h.engine->shardUsage(StreamTarget::byArn(h.engine->streamArn(u"orders"_s)));
        VERIFY_OK(byArn);
        QCOMPARE(byArn->value(0).writeRecordsPerSecond, 5.0);
        VERIFY_ERROR(h.engine->shardUsage(StreamTarget::byName(u"missing"_s)),
                     ErrorType::ResourceNotFound);
    }

    void emulatorBackend()
    {
        Harness h;
        VERIFY_OK(h.open());
        QCOMPARE(h.put(120, 10), 120);
        EmulatorBackend backend(*h.engine);
        QVERIFY(backend.hasShardUsage());
        const auto usage = await(backend.shardUsage(StreamTarget::byName(u"orders"_s)));
        VERIFY_OK(usage);
        QCOMPARE(*usage, h.usage());
        QCOMPARE(usage->value(0).writeRecordsPerSecond, 120.0);
        VERIFY_ERROR(await(backend.shardUsage(StreamTarget::byName(u"missing"_s))),
                     ErrorType::ResourceNotFound);
    }

    void fractionsOfPartlyKnownUse()
    {
        ShardUsage usage;
        QVERIFY(!usage.writeFraction());
        QVERIFY(!usage.readFraction());
        QVERIFY(!hottestShard({usage}));
        // AWS: no per-shard calls, so the read fraction is the bytes'.
        usage.readBytesPerSecond = double(kMiB);
        QCOMPARE(usage.readFraction(), 0.5);
        QCOMPARE(usage.tightestRead(), ShardUsage::Measure::Bytes);
        usage.writeBytesPerSecond = double(kMiB) * 0.9;
        QCOMPARE(usage.writeFraction(), 0.9);
        QCOMPARE(usage.tightestWrite(), ShardUsage::Measure::Bytes);
        QCOMPARE(usageRefreshIntervalMs({usage}), 1000);
        usage.windowMs = 60'000;
        QCOMPARE(usageRefreshIntervalMs({usage}), 15'000);
        QCOMPARE(usageRefreshIntervalMs({}), 1000);
    }
};

QTEST_GUILESS_MAIN(TestShardUsage)
#include "tst_shardusage.moc"
