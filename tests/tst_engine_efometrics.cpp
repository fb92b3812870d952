// The engine's enhanced fan-out metrics (dimensions StreamName and ConsumerName), recorded by
// its subscriptions whoever pulls them: SubscribeToShard.Success and .RateExceeded per call
// (the 5-second rule and the once-a-second limit both count as rate exceeded), and per event
// delivered SubscribeToShardEvent.Bytes, .Records, .MillisBehindLatest and .Success (0 when a
// subscription ends with an exception). Also the once-a-second limit itself
// (LimitExceededException) and that the consumer-level series are listed. Every engine runs on
// a ManualClock; the subscriptions are pulled in process, with no server.

#include "engine/clock.h"
#include "engine/engine.h"
#include "metrics/metricnames.h"
#include "metrics/metricsregistry.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include "expectedassert.h"

using namespace shardscope;
using namespace Qt::StringLiterals;
namespace MN = shardscope::MetricNames;

namespace {

constexpr qint64 kStartMs = 1'700'000'040'000; // a whole minute
constexpr qint64 kDelayMs = 100;
constexpr qint64 kMiB = 1024 * 1024;
const QString kStream = u"orders"_s;
const QString kShard0 = u"shardId-000000000000"_s;

struct Harness
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;

    void open()
    {
        QVERIFY(dir.isValid());
        EngineOptions options;
        options.databasePath = dir.filePath(u"e.db"_s);
        options.clock = clock;
        options.createDelayMs = kDelayMs;
        options.deleteDelayMs = kDelayMs;
        options.updateDelayMs = kDelayMs;
        options.throughputLimits = false; // megabyte records below, faster than 1 MiB/s
        auto opened = Engine::open(options);
        QVERIFY2(opened, shardscope::testing::describe(opened).constData());
        engine = std::move(*opened);
        CreateStreamRequest create;
        create.streamName = kStream;
        create.shardCount = 1;
        VERIFY_OK(engine->createStream(create));
        clock->advanceMs(kDelayMs);
    }

    // An ACTIVE consumer's ARN (empty on failure, which the caller's subscribe then reports).
    QString consumer(const QString &name)
    {
        auto registered = engine->registerStreamConsumer(RegisterStreamConsumerRequest{
            engine->streamArn(kStream), name, {}});
        clock->advanceMs(kDelayMs);
        return registered ? registered->consumerArn : QString();
    }

    std::expected<std::shared_ptr<ShardSubscription>, Error>
    subscribe(const QString &consumerArn, ShardIteratorType type = ShardIteratorType::Latest)
    {
        SubscribeToShardRequest request;
        request.consumerArn = consumerArn;
        request.shardId = kShard0;
        request.startingPosition = StartingPosition{type, {}, {}};
        return engine->subscribeToShard(request);
    }

    void put(const QByteArray &data)
    {
        PutRecordRequest request;
        request.target = StreamTarget::byName(kStream);
        request.data = data;
        request.partitionKey = u"k"_s;
        VERIFY_OK(engine->putRecord(request));
    }

    // A statistic of a consumer's series over the hour from the start; -1 when it has no point.
    double stat(const QString &metric, const QString &consumerName, Statistic statistic) const
    {
        auto series = engine->metrics().query(MetricQuery{
            MetricKey{metric, kStream, {}, consumerName}, kStartMs, kStartMs + 3600'000, 3600,
            statistic});
        return series && !series->values.isEmpty() ? series->values.first() : -1;
    }
};

} // namespace

class TestEngineEfoMetrics : public QObject
{
    Q_OBJECT

private slots:
    void subscribeCallsAreCountedPerConsumer()
    {
        Harness h;
        h.open();
        const QString reader = h.consumer(u"reader"_s);
        const QString other = h.consumer(u"other"_s);

        auto first = h.subscribe(reader);
        VERIFY_OK(first);
        h.clock->advanceMs(KinesisLimits::kSubscriptionRetryWindowMs - 1);
        VERIFY_ERROR(h.subscribe(reader), ErrorType::ResourceInUse); // the 5-second rule
        VERIFY_OK(h.subscribe(other));

        QCOMPARE(h.stat(MN::SubscribeToShardSuccess, u"reader"_s, Statistic::SampleCount), 2.0);
        QCOMPARE(h.stat(MN::SubscribeToShardSuccess, u"reader"_s, Statistic::Sum), 1.0);
        QCOMPARE(h.stat(MN::SubscribeToShardRateExceeded, u"reader"_s, Statistic::Sum), 1.0);
        QCOMPARE(h.stat(MN::SubscribeToShardSuccess, u"other"_s, Statistic::Sum), 1.0);
        QCOMPARE(h.stat(MN::SubscribeToShardRateExceeded, u"other"_s, Statistic::Sum), 0.0);

        // A consumer that is not ACTIVE yet: a failed call, but not a rate exceeded.
        auto late = h.engine->registerStreamConsumer(
            RegisterStreamConsumerRequest{h.engine->streamArn(kStream), u"late"_s, {}});
        VERIFY_OK(late);
        VERIFY_ERROR(h.subscribe(late->consumerArn), ErrorType::ResourceInUse);
        QCOMPARE(h.stat(MN::SubscribeToShardSuccess, u"late"_s, Statistic::Sum), 0.0);
        QCOMPARE(h.stat(MN::SubscribeToShardRateExceeded, u"late"_s, Statistic::Sum), 0.0);

        // A call that names no consumer of the engine's records nothing, anywhere.
        const auto before = h.engine->listMetrics();
        VERIFY_ERROR(h.subscribe(h.engine->streamArn(kStream) + u"/consumer/ghost:1700000000"_s),
                     ErrorType::ResourceNotFound);
        QCOMPARE(h.engine->listMetrics(), before);

        // No stream-level or shard-level series for them: consumer level only.
        for (const MetricKey &key : before) {
            QCOMPARE(MN::isConsumerLevel(key.metricName), key.isConsumerLevel());
            QVERIFY(!key.isShardLevel());
        }
    }

    void onlyOneCallASecondPerConsumerAndShard()
    {
        Harness h;
        h.open();
        const QString reader = h.consumer(u"reader"_s);
        auto first = h.subscribe(reader);
        VERIFY_OK(first);
        (*first)->cancel(); // the client went away; it may come back, but not at once
        h.clock->advanceMs(KinesisLimits::kSubscribeCallIntervalMs - 1);
        COMPARE_ERROR(h.subscribe(reader), ErrorType::LimitExceeded,
                      u"Rate exceeded for consumer: 000000000000:orders:shardId-000000000000:"
                      u"reader. SubscribeToShard allows one call per second per consumer and "
                      u"shard."_s);
        // The refused call does not restart the second.
        h.clock->advanceMs(1);
        auto second = h.subscribe(reader);
        VERIFY_OK(second);
        QVERIFY((*second)->poll().event);
        // The limit is per consumer and shard: another consumer is not held back.
        (*second)->cancel();
        VERIFY_OK(h.subscribe(h.consumer(u"other"_s)));
        QCOMPARE(h.stat(MN::SubscribeToShardRateExceeded, u"reader"_s, Statistic::Sum), 1.0);
        QCOMPARE(h.stat(MN::SubscribeToShardRateExceeded, u"reader"_s, Statistic::SampleCount),
                 3.0);
        QCOMPARE(h.stat(MN::SubscribeToShardSuccess, u"reader"_s, Statistic::Sum), 2.0);
    }

    void eventsAreMeasured()
    {
        Harness h;
        h.open();
        UpdateMaxRecordSizeRequest larger;
        larger.target = StreamTarget::byName(kStream);
        larger.maxRecordSizeInKiB = 10240;
        VERIFY_OK(h.engine->updateMaxRecordSize(larger));
        h.clock->advanceMs(kDelayMs);
        const QString reader = h.consumer(u"reader"_s);
        const QByteArray mib(kMiB - 1, 'x');
        h.put(mib);
        h.put(mib);
        h.clock->advanceMs(250);
        h.put(mib);
        h.clock->advanceMs(3000);

        auto subscribed = h.subscribe(reader, ShardIteratorType::TrimHorizon);
        VERIFY_OK(subscribed);
        // 2 MiB/s: two records now, 3 s behind (the third's age), then the third, caught up.
        auto step = (*subscribed)->poll();
        QVERIFY(step.event);
        QCOMPARE(step.event->records.size(), qsizetype(2));
        QVERIFY(!(*subscribed)->poll().event); // waiting for the bucket: no event, no sample
        h.clock->setMs((*subscribed)->poll().wakeAtMs);
        step = (*subscribed)->poll();
        QVERIFY(step.event);
        QCOMPARE(step.event->records.size(), qsizetype(1));
        // Idle: the empty event of the heartbeat is an event too.
        h.clock->advanceMs(KinesisLimits::kSubscriptionHeartbeatMs);
        step = (*subscribed)->poll();
        QVERIFY(step.event && step.event->records.isEmpty());

        QCOMPARE(h.stat(MN::SubscribeToShardEventSuccess, u"reader"_s, Statistic::SampleCount),
                 3.0);
        QCOMPARE(h.stat(MN::SubscribeToShardEventSuccess, u"reader"_s, Statistic::Minimum), 1.0);
        QCOMPARE(h.stat(MN::SubscribeToShardEventRecords, u"reader"_s, Statistic::Sum), 3.0);
        QCOMPARE(h.stat(MN::SubscribeToShardEventRecords, u"reader"_s, Statistic::Maximum), 2.0);
        QCOMPARE(h.stat(MN::SubscribeToShardEventBytes, u"reader"_s, Statistic::Sum),
                 3.0 * double(kMiB - 1));
        QCOMPARE(h.stat(MN::SubscribeToShardEventBytes, u"reader"_s, Statistic::Minimum), 0.0);
        QCOMPARE(h.stat(MN::SubscribeToShardEventMillisBehindLatest, u"reader"_s,
                        Statistic::Maximum),
                 3000.0);
        QCOMPARE(h.stat(MN::SubscribeToShardEventMillisBehindLatest, u"reader"_s,
                        Statistic::Minimum),
                 0.0);
    }

    void anExceptionIsAFailedEvent()
    {
        Harness h;
        h.open();
        const QString reader = h.consumer(u"reader"_s);
        auto subscribed = h.subscribe(reader);
        VERIFY_OK(subscribed);
        QVERIFY((*subscribed)->poll().event);
        VERIFY_OK(h.engine->deregisterStreamConsumer(ConsumerTarget::byArn(reader)));
        const auto step = (*subscribed)->poll();
        QVERIFY(step.error);
        QCOMPARE(step.error->type, ErrorType::ResourceNotFound);
        QVERIFY((*subscribed)->poll().ended);
        QCOMPARE(h.stat(MN::SubscribeToShardEventSuccess, u"reader"_s, Statistic::SampleCount),
                 2.0);
        QCOMPARE(h.stat(MN::SubscribeToShardEventSuccess, u"reader"_s, Statistic::Average), 0.5);
    }

    void consumerLevelSeriesAreListed()
    {
        Harness h;
        h.open();
        const QString reader = h.consumer(u"reader"_s);
        auto subscribed = h.subscribe(reader);
        VERIFY_OK(subscribed);
        QVERIFY((*subscribed)->poll().event);
        QList<MetricKey> listed;
        for (const MetricKey &key : h.engine->listMetrics()) {
            if (key.isConsumerLevel())
                listed.append(key);
        }
        QList<MetricKey> expected;
        for (const QString &metric : MN::consumerLevelMetrics())
            expected.append(MetricKey{metric, kStream, {}, u"reader"_s});
        std::ranges::sort(expected);
        QCOMPARE(listed, expected);
        QCOMPARE(expected.size(), qsizetype(6));
    }

    // A subscription outliving its engine records nothing more and does not crash.
    void subscriptionOutlivingTheEngine()
    {
        Harness h;
        h.open();
        auto subscribed = h.subscribe(h.consumer(u"reader"_s));
        VERIFY_OK(subscribed);
        std::shared_ptr<ShardSubscription> kept = *subscribed;
        h.engine.reset();
        const auto step = kept->poll();
        QVERIFY(step.ended);
        QVERIFY(!step.event);
    }
};

QTEST_GUILESS_MAIN(TestEngineEfoMetrics)
#include "tst_engine_efometrics.moc"
