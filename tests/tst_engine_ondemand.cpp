// On-demand streams in the engine: a new one's capacity (4 shards: 4 MiB/s and 4,000 records/s
// of writes, 8 MiB/s of reads), its scale-out by real shard splits when its write use stays
// near its capacity for a window (and not before, not under light load, never for provisioned
// streams, up to the cap), warm throughput met by splits, and a restart that keeps the result.
// Every engine runs on a ManualClock over a database in a QTemporaryDir; the load is spread
// over every tenth of a second, so that the last second's use any housekeeping round sees
// (the writer's own rounds included) is the load's.

#include "engine/catalog.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "engine/ondemandscaler.h"

#include "kinesis/shardid.h"

#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "expectedassert.h"

#include <algorithm>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;
constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kWindowMs = 10'000;
constexpr qint64 kUpdateDelayMs = 1000;
const QString kStream = u"od"_s;

struct Harness
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;
    EngineOptions options;
    qint64 accepted = 0; // records the load got in
    qint64 throttled = 0;

    Harness()
    {
        options.databasePath = dir.filePath(u"e.db"_s);
        options.clock = clock;
        options.createDelayMs = 0;
        options.updateDelayMs = kUpdateDelayMs;
        options.onDemandScaleOutWindowMs = kWindowMs;
    }

    std::expected<void, Error> open()
    {
        engine.reset();
        auto opened = Engine::open(options);
        if (!opened)
            return std::unexpected(opened.error());
        engine = std::move(*opened);
        return {};
    }

    std::expected<void, Error> create(StreamMode mode = StreamMode::OnDemand)
    {
        CreateStreamRequest request;
        request.streamName = kStream;
        request.streamMode = mode;
        if (mode == StreamMode::Provisioned)
            request.shardCount = 4;
        auto r = engine->createStream(request);
        engine->runHousekeeping();
        return r;
    }

    StreamDescriptionSummary summary() const
    {
        auto s = engine->describeStreamSummary(StreamTarget::byName(kStream));
        return s ? *s : StreamDescriptionSummary{};
    }

    QList<Shard> shards() const
    {
        ListShardsRequest request;
        request.target = StreamTarget::byName(kStream);
        auto r = engine->listShards(request);
        return r ? r->shards : QList<Shard>{};
    }

    QList<Shard> openShards() const
    {
        QList<Shard> open;
        for (const Shard &shard : shards()) {
            if (!shard.endingSequenceNumber)
                open.append(shard);
        }
        return open;
    }

    // One tenth of a second of load: `perSecond[i]` records/s to the i-th open shard (by
    // start), as small records, then the clock moves 100 ms.
    void loadTenth(const QList<int> &perSecond)
    {
        const QList<Shard> open = openShards();
        PutRecordsRequest request;
        request.target = StreamTarget::byName(kStream);
        for (qsizetype i = 0; i < open.size() && i < perSecond.size(); ++i) {
            for (int n = 0; n < perSecond[i] / 10; ++n) {
                const QByteArray data = QByteArray::number(accepted + throttled) + '/' +
                                        QByteArray::number(request.records.size());
                request.records.append(
                    PutRecordsRequestEntry{data, u"k"_s, open[i].hashKeyRange.start.toDecimal()});
            }
        }
        while (!request.records.isEmpty()) {
            PutRecordsRequest batch = request;
            batch.records = request.records.mid(0, 500);
            request.records.remove(0, batch.records.size());
            auto r = engine->putRecords(batch);
            if (r) {
                accepted += batch.records.size() - r->failedRecordCount;
                throttled += r->failedRecordCount;
            }
        }
        clock->advanceMs(100);
    }

    // `seconds` of the load, with a housekeeping round at the end of each second.
    void load(const QList<int> &perSecond, int seconds)
    {
        for (int s = 0; s < seconds; ++s) {
            for (int t = 0; t < 10; ++t)
                loadTenth(perSecond);
            engine->runHousekeeping();
        }
    }

    // Every record of every shard, from TRIM_HORIZON (the read limits off: this is a check).
    qint64 readAll() const
    {
        engine->setThroughputLimitsEnabled(false);
        qint64 count = 0;
        for (const Shard &shard : shards()) {
            GetShardIteratorRequest request;
            request.target = StreamTarget::byName(kStream);
            request.shardId = shard.shardId;
            auto iterator = engine->getShardIterator(request);
            if (!iterator)
                return -1;
            std::optional<QString> next = iterator->shardIterator;
            while (next) {
                GetRecordsRequest get;
                get.shardIterator = *next;
                auto r = engine->getRecords(get);
                if (!r)
                    return -1;
                count += r->records.size();
                if (r->records.isEmpty() && !r->childShards)
                    break; // the end of an open shard
                next = r->nextShardIterator;
            }
        }
        engine->setThroughputLimitsEnabled(true);
        return count;
    }
};

} // namespace

class TestEngineOnDemand : public QObject
{
    Q_OBJECT

private slots:
    void newStreamCapacity();
    void sustainedLoadSplitsTheHottestShardsAfterTheWindow();
    void lightLoadOrIdleNeverSplits();
    void scaleOutStopsAtTheCap_data();
    void scaleOutStopsAtTheCap();
    void warmThroughputSplits();
    void aRestartKeepsTheScaledStream();
    void provisionedStreamsNeverScale();
    void nothingScalesWhileTheLimitsAreOff();
};

void TestEngineOnDemand::newStreamCapacity()
{
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.create());
    const StreamDescriptionSummary s = h.summary();
    QCOMPARE(s.openShardCount, 4);
    QCOMPARE(s.warmThroughput, (WarmThroughput{std::nullopt, 4}));

    StreamMeta meta;
    meta.shards.resize(4);
    for (int i = 0; i < 4; ++i)
        meta.shards[i].index = quint32(i);
    meta.rebuildDerived();
    const OnDemandScaler::Capacity capacity =
        OnDemandScaler::capacity(meta, ThroughputLimiter::Limits{});
    QCOMPARE(capacity.writeBytesPerSecond, 4 * kMiB);
    QCOMPARE(capacity.writeRecordsPerSecond, 4000);
    QCOMPARE(capacity.readBytesPerSecond, 8 * kMiB);

    // The limits hold: 1,000 records a second into each of the 4 shards, no more.
    PutRecordsRequest request;
    request.target = StreamTarget::byName(kStream);
    for (const Shard &shard : h.openShards()) {
        for (int n = 0; n < 1001; ++n)
            request.records.append(
                PutRecordsRequestEntry{"x", u"k"_s, shard.hashKeyRange.start.toDecimal()});
    }
    int failed = 0;
    while (!request.records.isEmpty()) {
        PutRecordsRequest batch = request;
        batch.records = request.records.mid(0, 500);
        request.records.remove(0, batch.records.size());
        auto r = h.engine->putRecords(batch);
        VERIFY_OK(r);
        failed += r->failedRecordCount;
    }
    QCOMPARE(failed, 4);
}

void TestEngineOnDemand::sustainedLoadSplitsTheHottestShardsAfterTheWindow()
{
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.create());
    const QList<Shard> before = h.openShards();
    QCOMPARE(before.size(), 4);
    QSignalSpy changed(h.engine.get(), &Engine::catalogChanged);
    // 70 % of the stream's 4,000 records/s, the upper half hotter than the lower.
    const QList<int> load{500, 500, 900, 900};
    h.load(load, 10);
    // Ten seconds of load: the window is not over yet.
    QCOMPARE(h.summary().openShardCount, 4);
    QCOMPARE(h.summary().streamStatus, StreamStatus::Active);
    for (int t = 0; t < 5; ++t)
        h.loadTenth(load);
    h.engine->runHousekeeping();
    QCOMPARE(h.summary().openShardCount, 4);
    const qsizetype changesBefore = changed.count();
    // By 12 s the window is over (the run starts once the last second's use reaches 50 %,
    // within the first second; a round waits a second after the one before).
    for (int t = 0; t < 15 && h.summary().openShardCount == 4; ++t) {
        h.loadTenth(load);
        h.engine->runHousekeeping();
    }
    QCOMPARE(h.summary().streamStatus, StreamStatus::Updating);
    // Announced like any resharding.
    QTRY_VERIFY(changed.count() > changesBefore);
    // Room for double the use (63 to 70 % of 4 shards): 6 shards; the two hottest were split.
    QCOMPARE(h.summary().openShardCount, 6);
    QCOMPARE(h.summary().warmThroughput, (WarmThroughput{std::nullopt, 4}));
    const QList<Shard> all = h.shards();
    QCOMPARE(all.size(), 8);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(all[i].endingSequenceNumber.has_value(), i >= 2);
    for (int parent = 2; parent < 4; ++parent) {
        const Shard &left = all[4 + 2 * (parent - 2)];
        const Shard &right = all[5 + 2 * (parent - 2)];
        QCOMPARE(left.parentShardId, ShardId::format(quint32(parent)));
        QCOMPARE(right.parentShardId, ShardId::format(quint32(parent)));
        QVERIFY(left.hashKeyRange.start == all[parent].hashKeyRange.start);
        QVERIFY(left.hashKeyRange.isAdjacentBefore(right.hashKeyRange));
        QVERIFY(right.hashKeyRange.end == all[parent].hashKeyRange.end);
        QVERIFY(right.hashKeyRange.start == all[parent].hashKeyRange.midpoint());
        QVERIFY(left.startingSequenceNumber > *all[parent].endingSequenceNumber);
    }

    // Load goes on into the children while UPDATING; then the stream is ACTIVE again with its
    // new capacity, and one round waits for the next window.
    const QList<int> sixWay{500, 500, 450, 450, 450, 450};
    h.load(sixWay, 2);
    QCOMPARE(h.summary().streamStatus, StreamStatus::Active);
    QCOMPARE(h.summary().warmThroughput, (WarmThroughput{std::nullopt, 6}));
    QCOMPARE(h.summary().openShardCount, 6);
    QCOMPARE(h.throttled, 0);
    // Nothing lost: every record before, during and after the split reads back.
    QCOMPARE(h.readAll(), h.accepted);
}

void TestEngineOnDemand::lightLoadOrIdleNeverSplits()
{
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.create());
    h.clock->advanceMs(3 * kWindowMs);
    h.engine->runHousekeeping();
    QCOMPARE(h.summary().openShardCount, 4);
    // 40 % of the capacity, one shard at 90 % of its own: below the threshold for 3 windows.
    h.load({900, 300, 200, 200}, 3 * int(kWindowMs / 1000));
    QCOMPARE(h.summary().openShardCount, 4);
    QCOMPARE(h.summary().streamStatus, StreamStatus::Active);
    // Near capacity, but with a pause in the middle: the run starts over.
    h.load({800, 800, 800, 800}, int(kWindowMs / 1000) - 2);
    h.clock->advanceMs(2000);
    h.engine->runHousekeeping();
    h.load({800, 800, 800, 800}, int(kWindowMs / 1000) - 2);
    QCOMPARE(h.summary().openShardCount, 4);
}

void TestEngineOnDemand::scaleOutStopsAtTheCap_data()
{
    QTest::addColumn<int>("maxShards");
    QTest::addColumn<int>("shardLimit");
    QTest::addColumn<int>("cap");
    QTest::newRow("on-demand maximum") << 7 << 500 << 7;
    QTest::newRow("account shard limit") << 200 << 5 << 5;
}

void TestEngineOnDemand::scaleOutStopsAtTheCap()
{
    QFETCH(int, maxShards);
    QFETCH(int, shardLimit);
    QFETCH(int, cap);
    Harness h;
    h.options.onDemandMaxShards = maxShards;
    h.options.shardLimit = shardLimit;
    h.options.onDemandScaleOutWindowMs = 2000;
    VERIFY_OK(h.open());
    VERIFY_OK(h.create());
    // Every open shard at 90 % of its limit, for long enough for several rounds.
    for (int round = 0; round < 6; ++round)
        h.load(QList<int>(h.openShards().size(), 900), 4);
    QCOMPARE(h.summary().openShardCount, cap);
    // Each split closed one shard and opened two.
    QCOMPARE(h.shards().size(), 4 + 2 * (cap - 4));
}

void TestEngineOnDemand::warmThroughputSplits()
{
    Harness h;
    VERIFY_OK(h.open());
    VERIFY_OK(h.create());
    UpdateAccountSettingsRequest commitment;
    commitment.minimumThroughputBillingCommitmentStatus = BillingCommitmentStatus::Enabled;
    VERIFY_OK(h.engine->updateAccountSettings(commitment));
    auto r = h.engine->updateStreamWarmThroughput(
        UpdateStreamWarmThroughputRequest{StreamTarget::byName(kStream), 10});
    VERIFY_OK(r);
    // Target 10 MiB/s; the stream handles its 4 until the splits are done.
    QCOMPARE(r->warmThroughput, (WarmThroughput{10, 4}));
    QCOMPARE(h.summary().streamStatus, StreamStatus::Updating);
    QCOMPARE(h.summary().openShardCount, 10);
    h.clock->advanceMs(kUpdateDelayMs);
    QCOMPARE(h.summary().streamStatus, StreamStatus::Active);
    QCOMPARE(h.summary().warmThroughput, (WarmThroughput{10, 10}));
    // An update that is no scale-out reports the capacity the stream has all along.
    VERIFY_OK(h.engine->enableEnhancedMonitoring(
        EnhancedMonitoringRequest{StreamTarget::byName(kStream), {u"IncomingBytes"_s}}));
    QCOMPARE(h.summary().streamStatus, StreamStatus::Updating);
    QCOMPARE(h.summary().warmThroughput, (WarmThroughput{10, 10}));
    h.clock->advanceMs(kUpdateDelayMs);
    h.engine->runHousekeeping();
    // Real splits: the open shards tile the key space, each an eighth or a sixteenth of it.
    QList<Shard> open = h.openShards();
    std::sort(open.begin(), open.end(), [](const Shard &a, const Shard &b) {
        return a.hashKeyRange.start < b.hashKeyRange.start;
    });
    QCOMPARE(open.size(), 10);
    QVERIFY(open.front().hashKeyRange.start.value == 0);
    QVERIFY(open.back().hashKeyRange.end.value == HashKey::kMaxValue);
    QSet<QString> parents;
    for (qsizetype i = 0; i < open.size(); ++i) {
        QVERIFY(open[i].parentShardId);
        parents.insert(*open[i].parentShardId);
        if (i > 0)
            QVERIFY(open[i - 1].hashKeyRange.isAdjacentBefore(open[i].hashKeyRange));
    }
    // Every original shard split in two, then the lowest two eighths again: 6 splits.
    QCOMPARE(parents.size(), 5);
    QCOMPARE(h.shards().size(), 4 + 2 * 6);

    // Less than the stream has: no shards go (on-demand streams do not scale in here).
    r = h.engine->updateStreamWarmThroughput(
        UpdateStreamWarmThroughputRequest{StreamTarget::byName(kStream), 6});
    VERIFY_OK(r);
    QCOMPARE(r->warmThroughput, (WarmThroughput{6, 10}));
    h.clock->advanceMs(kUpdateDelayMs);
    QCOMPARE(h.summary().warmThroughput, (WarmThroughput{6, 10}));
    QCOMPARE(h.summary().openShardCount, 10);

    // Manual resharding of an on-demand stream is still refused, with AWS's error.
    const QString refused =
        u"Request is invalid. Stream od under account 000000000000 is in On-Demand mode."_s;
    COMPARE_ERROR(
        h.engine->splitShard(SplitShardRequest{StreamTarget::byName(kStream), open.front().shardId,
                                               open.front().hashKeyRange.midpoint().toDecimal()}),
        ErrorType::Validation, refused);
    COMPARE_ERROR(h.engine->updateShardCount(UpdateShardCountRequest{
                      StreamTarget::byName(kStream), 12, ScalingType::UniformScaling}),
                  ErrorType::Validation, refused);
}

void TestEngineOnDemand::aRestartKeepsTheScaledStream()
{
    Harness h;
    h.options.onDemandScaleOutWindowMs = 2000;
    VERIFY_OK(h.open());
    VERIFY_OK(h.create());
    h.load({1000, 1000, 1000, 1000}, 4);
    h.clock->advanceMs(kUpdateDelayMs);
    h.engine->runHousekeeping();
    QCOMPARE(h.summary().openShardCount, 8);
    const QList<Shard> shards = h.shards();
    const qint64 stored = h.readAll();
    QCOMPARE(stored, h.accepted);
    QVERIFY(stored > 0);

    VERIFY_OK(h.open());
    const QList<Shard> reopened = h.shards();
    QCOMPARE(reopened.size(), shards.size());
    for (qsizetype i = 0; i < shards.size(); ++i) {
        QCOMPARE(reopened[i].shardId, shards[i].shardId);
        QCOMPARE(reopened[i].parentShardId, shards[i].parentShardId);
        QVERIFY(reopened[i].hashKeyRange == shards[i].hashKeyRange);
        QCOMPARE(reopened[i].endingSequenceNumber, shards[i].endingSequenceNumber);
    }
    QCOMPARE(h.summary().openShardCount, 8);
    QCOMPARE(h.summary().streamStatus, StreamStatus::Active);
    QCOMPARE(h.summary().warmThroughput, (WarmThroughput{std::nullopt, 8}));
    QCOMPARE(h.readAll(), stored);
}

void TestEngineOnDemand::provisionedStreamsNeverScale()
{
    Harness h;
    h.options.onDemandScaleOutWindowMs = 2000;
    VERIFY_OK(h.open());
    VERIFY_OK(h.create(StreamMode::Provisioned));
    h.load({1000, 1000, 1000, 1000}, 8);
    QCOMPARE(h.summary().openShardCount, 4);
    QCOMPARE(h.summary().warmThroughput, std::nullopt);
    QCOMPARE(h.shards().size(), 4);
}

void TestEngineOnDemand::nothingScalesWhileTheLimitsAreOff()
{
    Harness h;
    h.options.onDemandScaleOutWindowMs = 2000;
    h.options.throughputLimits = false;
    VERIFY_OK(h.open());
    VERIFY_OK(h.create());
    h.load({1500, 1500, 1500, 1500}, 6);
    QCOMPARE(h.summary().openShardCount, 4);
    // Turned on, the use counts again and the stream scales out.
    h.engine->setThroughputLimitsEnabled(true);
    h.load({1000, 1000, 1000, 1000}, 4);
    QVERIFY(h.summary().openShardCount > 4);
}

QTEST_GUILESS_MAIN(TestEngineOnDemand)
#include "tst_engine_ondemand.moc"
