// SubscribeToShard in the engine (ShardSubscriptions / ShardSubscription) on a manual clock:
// every starting position, ContinuationSequenceNumber (resuming from it loses and repeats
// nothing), a true MillisBehindLatest, the 2 MiB/s per consumer and shard, the empty event when
// idle, ChildShards at the end of a closed shard, the 5-second rule and takeover, the 5-minute
// end, deregistration and stream deletion, encrypted streams, and the request checks.
//
// Message texts: "Another active subscription exists for this consumer: ACCOUNT:STREAM:SHARD:
// CONSUMER" and "Consumer NAME with creation timestamp T under stream: STREAM , account ACCOUNT
// is not in ACTIVE status." are AWS's (quoted in amazon-kinesis-client#391 and
// kinesis-hot-shard-advisor#37).

#include "expectedassert.h"

#include "engine/clock.h"
#include "engine/engine.h"
#include "kinesis/api.h"
#include "kinesis/error.h"
#include "kinesis/hashkey.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStart = 1'700'000'000'000;
constexpr qint64 kDelay = 500;
constexpr qint64 kMiB = 1024 * 1024;
const QString kAccount = u"000000000000"_s;
const QString kStream = u"orders"_s;
const QString kShard0 = u"shardId-000000000000"_s;

struct Env
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStart);
    std::unique_ptr<Engine> engine;
    QString consumerArn;

    QString open(int shards = 1)
    {
        if (!dir.isValid())
            return u"temporary directory: "_s + dir.errorString();
        EngineOptions options;
        options.databasePath = dir.filePath(u"e.db"_s);
        options.clock = clock;
        options.createDelayMs = kDelay;
        options.deleteDelayMs = kDelay;
        options.updateDelayMs = kDelay;
        options.throughputLimits = false; // writes here test the subscription, not the limits
        auto opened = Engine::open(options);
        if (!opened)
            return opened.error().message;
        engine = std::move(*opened);
        CreateStreamRequest create;
        create.streamName = kStream;
        create.shardCount = shards;
        if (auto created = engine->createStream(create); !created)
            return created.error().message;
        clock->advanceMs(kDelay);
        auto consumer = registerConsumer(u"reader"_s);
        if (!consumer)
            return consumer.error().message;
        consumerArn = consumer->consumerArn;
        clock->advanceMs(kDelay); // ACTIVE
        return {};
    }

    std::expected<Consumer, Error> registerConsumer(const QString &name)
    {
        return engine->registerStreamConsumer(RegisterStreamConsumerRequest{
            u"arn:aws:kinesis:us-east-1:"_s + kAccount + u":stream/"_s + kStream, name, {}});
    }

    QString put(const QByteArray &data, const QString &key = u"k"_s)
    {
        PutRecordRequest r;
        r.target = StreamTarget::byName(kStream);
        r.data = data;
        r.partitionKey = key;
        auto put = engine->putRecord(r);
        return put ? put->sequenceNumber.toString() : QString();
    }

    std::expected<std::shared_ptr<ShardSubscription>, Error>
    subscribe(ShardIteratorType type, std::optional<QString> sequence = {},
              std::optional<qint64> timestamp = {}, const QString &shard = kShard0,
              const QString &arn = {})
    {
        SubscribeToShardRequest r;
        r.consumerArn = arn.isEmpty() ? consumerArn : arn;
        r.shardId = shard;
        r.startingPosition = StartingPosition{type, std::move(sequence), timestamp};
        return engine->subscribeToShard(r);
    }
};

#define OPEN_ENV(env, ...)                                                                         \
    Env env;                                                                                       \
    do {                                                                                           \
        const QString problem_ = env.open(__VA_ARGS__);                                            \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (false)

QStringList dataOf(const QList<Record> &records)
{
    QStringList out;
    for (const Record &r : records)
        out.append(QString::fromUtf8(r.data));
    return out;
}

} // namespace

class TestEngineSubscriptions : public QObject
{
    Q_OBJECT

private slots:
    void deliversRecordsWithContinuation();
    void everyStartingPosition();
    void resumingFromAnyContinuationLosesAndRepeatsNothing();
    void idleSubscriptionSendsAnEmptyEventEveryFiveSeconds();
    void millisBehindLatestAndTheTwoMiBPerSecondLimit();
    void closedShardEndsWithChildShards();
    void secondCallWithinFiveSecondsIsRefusedThenTakesOver();
    void endsAfterFiveMinutes();
    void deregisteringTheConsumerEndsIt();
    void deletingTheStreamEndsIt();
    void encryptedStreamDeliversPlaintext();
    void consumerMustBeActive();
    void requestChecks();
    void activeSubscriptionsAreListed();
    void nextPollInMs();
};

void TestEngineSubscriptions::deliversRecordsWithContinuation()
{
    OPEN_ENV(env);
    env.put("a");
    env.put("b");
    const QString third = env.put("c");
    auto subscribed = env.subscribe(ShardIteratorType::TrimHorizon);
    VERIFY_OK(subscribed);
    auto step = (*subscribed)->poll();
    QVERIFY(step.event);
    QVERIFY(!step.error);
    QVERIFY(!step.ended);
    QCOMPARE(dataOf(step.event->records), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(step.event->continuationSequenceNumber, std::optional<QString>(third));
    QCOMPARE(step.event->millisBehindLatest, qint64(0));
    QVERIFY(!step.event->childShards);

    // Nothing new: no event until the heartbeat is due, and the step says when that is.
    step = (*subscribed)->poll();
    QVERIFY(!step.event);
    QCOMPARE(step.wakeAtMs, env.clock->nowMs() + KinesisLimits::kSubscriptionHeartbeatMs);

    // A record that arrives is delivered by the next poll, without waiting for the heartbeat.
    env.clock->advanceMs(10);
    env.put("d");
    step = (*subscribed)->poll();
    QVERIFY(step.event);
    QCOMPARE(dataOf(step.event->records), QStringList{u"d"_s});
}

void TestEngineSubscriptions::everyStartingPosition()
{
    OPEN_ENV(env);
    const QString a = env.put("a");
    env.clock->advanceMs(100);
    const qint64 betweenMs = env.clock->nowMs();
    env.clock->advanceMs(100);
    const QString b = env.put("b");
    env.put("c");

    struct Case
    {
        const char *name;
        ShardIteratorType type;
        std::optional<QString> sequence;
        std::optional<qint64> timestamp;
        QStringList expected;
    };
    const QList<Case> cases{
        {"TRIM_HORIZON", ShardIteratorType::TrimHorizon, {}, {}, {u"a"_s, u"b"_s, u"c"_s}},
        {"AT_SEQUENCE_NUMBER", ShardIteratorType::AtSequenceNumber, b, {}, {u"b"_s, u"c"_s}},
        {"AFTER_SEQUENCE_NUMBER", ShardIteratorType::AfterSequenceNumber, a, {}, {u"b"_s, u"c"_s}},
        {"AT_TIMESTAMP", ShardIteratorType::AtTimestamp, {}, betweenMs, {u"b"_s, u"c"_s}},
        {"LATEST", ShardIteratorType::Latest, {}, {}, {}},
    };
    int n = 0;
    for (const Case &c : cases) {
        // A consumer per case: the 5-second rule is per consumer and shard.
        auto consumer = env.registerConsumer(u"reader-"_s + QString::number(++n));
        VERIFY_OK(consumer);
        env.clock->advanceMs(kDelay);
        auto subscribed = env.subscribe(c.type, c.sequence, c.timestamp, kShard0, consumer->consumerArn);
        QVERIFY2(subscribed.has_value(), c.name);
        const auto step = (*subscribed)->poll();
        QVERIFY2(step.event, c.name);
        QVERIFY2(dataOf(step.event->records) == c.expected, c.name);
    }
    // LATEST then sees what arrives after it.
    auto latest = env.subscribe(ShardIteratorType::Latest);
    VERIFY_OK(latest);
    QVERIFY((*latest)->poll().event->records.isEmpty());
    env.put("d");
    QCOMPARE(dataOf((*latest)->poll().event->records), QStringList{u"d"_s});
}

void TestEngineSubscriptions::resumingFromAnyContinuationLosesAndRepeatsNothing()
{
    OPEN_ENV(env);
    // Start on an empty shard: the continuation of the first (empty) event names the position
    // just before the shard's first record, and resuming after it still reads that record.
    auto subscribed = env.subscribe(ShardIteratorType::TrimHorizon);
    VERIFY_OK(subscribed);
    auto step = (*subscribed)->poll();
    QVERIFY(step.event && step.event->records.isEmpty());
    QString continuation = *step.event->continuationSequenceNumber;

    QStringList seen;
    int expected = 0;
    for (int round = 0; round < 4; ++round) {
        for (int i = 0; i < 3; ++i)
            env.put(QByteArray::number(expected++));
        env.clock->advanceMs(KinesisLimits::kSubscriptionRetryWindowMs); // a new subscription is allowed
        subscribed = env.subscribe(ShardIteratorType::AfterSequenceNumber, continuation);
        VERIFY_OK(subscribed);
        step = (*subscribed)->poll();
        QVERIFY(step.event);
        seen += dataOf(step.event->records);
        continuation = *step.event->continuationSequenceNumber;
        // An empty heartbeat's continuation resumes at the same place.
        env.clock->advanceMs(KinesisLimits::kSubscriptionHeartbeatMs);
        step = (*subscribed)->poll();
        QVERIFY(step.event && step.event->records.isEmpty());
        continuation = *step.event->continuationSequenceNumber;
    }
    QStringList all;
    for (int i = 0; i < expected; ++i)
        all.append(QString::number(i));
    QCOMPARE(seen, all);
}

void TestEngineSubscriptions::idleSubscriptionSendsAnEmptyEventEveryFiveSeconds()
{
    OPEN_ENV(env);
    auto subscribed = env.subscribe(ShardIteratorType::Latest);
    VERIFY_OK(subscribed);
    auto step = (*subscribed)->poll(); // the first event comes at once
    QVERIFY(step.event);
    const qint64 first = env.clock->nowMs();
    env.clock->advanceMs(KinesisLimits::kSubscriptionHeartbeatMs - 1);
    step = (*subscribed)->poll();
    QVERIFY(!step.event);
    QCOMPARE(step.wakeAtMs, first + KinesisLimits::kSubscriptionHeartbeatMs);
    env.clock->advanceMs(1);
    step = (*subscribed)->poll();
    QVERIFY(step.event);
    QVERIFY(step.event->records.isEmpty());
    QCOMPARE(step.event->millisBehindLatest, qint64(0));
}

void TestEngineSubscriptions::millisBehindLatestAndTheTwoMiBPerSecondLimit()
{
    OPEN_ENV(env);
    UpdateMaxRecordSizeRequest larger;
    larger.target = StreamTarget::byName(kStream);
    larger.maxRecordSizeInKiB = 10240;
    VERIFY_OK(env.engine->updateMaxRecordSize(larger));
    env.clock->advanceMs(kDelay);
    const QByteArray mib(kMiB - 1, 'x'); // one byte for the partition key
    env.put(mib);
    env.put(mib);
    env.clock->advanceMs(250);
    env.put(mib);
    env.clock->advanceMs(3000);

    auto subscribed = env.subscribe(ShardIteratorType::TrimHorizon);
    VERIFY_OK(subscribed);
    // 2 MiB per second: the first event carries two records, and the third waits; how far
    // behind the reader is, is the age of that third record.
    auto step = (*subscribed)->poll();
    QVERIFY(step.event);
    QCOMPARE(step.event->records.size(), qsizetype(2));
    QCOMPARE(step.event->millisBehindLatest, qint64(3000));
    step = (*subscribed)->poll();
    QVERIFY(!step.event);
    QVERIFY(step.wakeAtMs > env.clock->nowMs());
    const qint64 wait = step.wakeAtMs - env.clock->nowMs();
    QVERIFY2(wait > 0 && wait <= 1000, qPrintable(QString::number(wait)));
    env.clock->setMs(step.wakeAtMs);
    step = (*subscribed)->poll();
    QVERIFY(step.event);
    QCOMPARE(step.event->records.size(), qsizetype(1));
    QCOMPARE(step.event->millisBehindLatest, qint64(0));
    const ShardSubscription::Status status = (*subscribed)->status();
    QCOMPARE(status.recordsDelivered, qint64(3));
    QCOMPARE(status.bytesDelivered, 3 * (kMiB - 1));
}

void TestEngineSubscriptions::closedShardEndsWithChildShards()
{
    OPEN_ENV(env);
    env.put("before");
    SplitShardRequest split;
    split.target = StreamTarget::byName(kStream);
    split.shardToSplit = kShard0;
    split.newStartingHashKey = u"170141183460469231731687303715884105728"_s;
    VERIFY_OK(env.engine->splitShard(split));
    env.clock->advanceMs(kDelay);

    auto subscribed = env.subscribe(ShardIteratorType::TrimHorizon);
    VERIFY_OK(subscribed);
    auto step = (*subscribed)->poll();
    QVERIFY(step.event);
    QCOMPARE(dataOf(step.event->records), QStringList{u"before"_s});
    QVERIFY(step.event->continuationSequenceNumber);
    QVERIFY(!step.ended);
    env.clock->advanceMs(1);
    step = (*subscribed)->poll();
    QVERIFY(step.event);
    QVERIFY(step.ended);
    QVERIFY(step.event->records.isEmpty());
    QVERIFY(!step.event->continuationSequenceNumber);
    QVERIFY(step.event->childShards);
    QCOMPARE(step.event->childShards->size(), qsizetype(2));
    QCOMPARE(step.event->childShards->at(0).shardId, u"shardId-000000000001"_s);
    QCOMPARE(step.event->childShards->at(0).parentShards, QStringList{kShard0});
    QCOMPARE(step.event->childShards->at(1).shardId, u"shardId-000000000002"_s);
    QVERIFY((*subscribed)->poll().ended);

    // A child read from TRIM_HORIZON gets what was put after the split, nothing of the parent's.
    env.put("after", u"k"_s);
    const QString childOfK = u"shardId-00000000000"_s +
                             QString::number(HashKey::fromPartitionKey(u"k"_s) <
                                                     *HashKey::fromDecimal(split.newStartingHashKey)
                                                 ? 1
                                                 : 2);
    auto child = env.subscribe(ShardIteratorType::TrimHorizon, {}, {}, childOfK);
    VERIFY_OK(child);
    QCOMPARE(dataOf((*child)->poll().event->records), QStringList{u"after"_s});
}

void TestEngineSubscriptions::secondCallWithinFiveSecondsIsRefusedThenTakesOver()
{
    OPEN_ENV(env);
    auto first = env.subscribe(ShardIteratorType::Latest);
    VERIFY_OK(first);
    QVERIFY((*first)->poll().event);
    env.clock->advanceMs(KinesisLimits::kSubscriptionRetryWindowMs - 1);
    auto refused = env.subscribe(ShardIteratorType::Latest);
    QVERIFY(!refused);
    QCOMPARE(refused.error().type, ErrorType::ResourceInUse);
    QCOMPARE(refused.error().message, u"Another active subscription exists for this consumer: "_s +
                                          kAccount + u':' + kStream + u':' + kShard0 + u":reader"_s);
    // From 5 seconds on, a new call takes over: the old subscription ends quietly.
    env.clock->advanceMs(1);
    auto second = env.subscribe(ShardIteratorType::Latest);
    VERIFY_OK(second);
    const auto old = (*first)->poll();
    QVERIFY(old.ended);
    QVERIFY(!old.error);
    QVERIFY(!old.event);
    QVERIFY((*second)->poll().event);
}

void TestEngineSubscriptions::endsAfterFiveMinutes()
{
    OPEN_ENV(env);
    auto subscribed = env.subscribe(ShardIteratorType::Latest);
    VERIFY_OK(subscribed);
    QVERIFY((*subscribed)->poll().event);
    env.clock->advanceMs(KinesisLimits::kSubscriptionLifetimeMs - 1);
    auto step = (*subscribed)->poll();
    QVERIFY(!step.ended);
    env.clock->advanceMs(1);
    step = (*subscribed)->poll();
    QVERIFY(step.ended);
    QVERIFY(!step.error);
    QVERIFY(!step.event);
    // Right after the end, a new subscription is allowed at once.
    VERIFY_OK(env.subscribe(ShardIteratorType::Latest));
}

void TestEngineSubscriptions::deregisteringTheConsumerEndsIt()
{
    OPEN_ENV(env);
    auto subscribed = env.subscribe(ShardIteratorType::Latest);
    VERIFY_OK(subscribed);
    QVERIFY((*subscribed)->poll().event);
    VERIFY_OK(env.engine->deregisterStreamConsumer(ConsumerTarget::byArn(env.consumerArn)));
    const auto step = (*subscribed)->poll();
    QVERIFY(step.ended);
    QVERIFY(step.error);
    QCOMPARE(step.error->type, ErrorType::ResourceNotFound);
    QCOMPARE(step.error->message, u"Consumer reader under stream "_s + kStream +
                                      u" and account "_s + kAccount + u" not found."_s);
}

void TestEngineSubscriptions::deletingTheStreamEndsIt()
{
    OPEN_ENV(env);
    auto subscribed = env.subscribe(ShardIteratorType::Latest);
    VERIFY_OK(subscribed);
    QVERIFY((*subscribed)->poll().event);
    DeleteStreamRequest del;
    del.target = StreamTarget::byName(kStream);
    del.enforceConsumerDeletion = true;
    VERIFY_OK(env.engine->deleteStream(del));
    env.clock->advanceMs(kDelay);
    const auto step = (*subscribed)->poll();
    QVERIFY(step.ended);
    QVERIFY(step.error);
    QCOMPARE(step.error->type, ErrorType::ResourceNotFound);
}

void TestEngineSubscriptions::encryptedStreamDeliversPlaintext()
{
    OPEN_ENV(env);
    auto key = env.engine->createKey(u"subscriptions"_s);
    VERIFY_OK(key);
    VERIFY_OK(env.engine->startStreamEncryption(
        StartStreamEncryptionRequest{StreamTarget::byName(kStream), u"KMS"_s, key->keyId}));
    env.clock->advanceMs(kDelay);
    env.put("secret payload");
    auto subscribed = env.subscribe(ShardIteratorType::TrimHorizon);
    VERIFY_OK(subscribed);
    const auto step = (*subscribed)->poll();
    QVERIFY(step.event);
    QCOMPARE(dataOf(step.event->records), QStringList{u"secret payload"_s});
    QCOMPARE(step.event->records.first().encryptionType, EncryptionType::Kms);
}

void TestEngineSubscriptions::consumerMustBeActive()
{
    OPEN_ENV(env);
    auto creating = env.registerConsumer(u"late"_s);
    VERIFY_OK(creating);
    auto refused = env.subscribe(ShardIteratorType::Latest, {}, {}, kShard0, creating->consumerArn);
    QVERIFY(!refused);
    QCOMPARE(refused.error().type, ErrorType::ResourceInUse);
    QCOMPARE(refused.error().message,
             u"Consumer late with creation timestamp "_s +
                 QString::number(creating->consumerCreationTimestamp / 1000) +
                 u" under stream: "_s + kStream + u" , account "_s + kAccount +
                 u" is not in ACTIVE status."_s);
    env.clock->advanceMs(kDelay);
    VERIFY_OK(env.subscribe(ShardIteratorType::Latest, {}, {}, kShard0, creating->consumerArn));
}

void TestEngineSubscriptions::requestChecks()
{
    OPEN_ENV(env);
    auto badArn = env.subscribe(ShardIteratorType::Latest, {}, {}, kShard0, u"not-an-arn"_s);
    QVERIFY(!badArn);
    QCOMPARE(badArn.error().type, ErrorType::Validation);
    QVERIFY2(badArn.error().message.startsWith(u"1 validation error detected: Value 'not-an-arn' at 'consumerARN' failed to satisfy constraint: Member must satisfy regular expression pattern: "_s),
             qPrintable(badArn.error().message));

    auto noShard = env.subscribe(ShardIteratorType::Latest, {}, {}, u"shardId-000000000009"_s);
    QVERIFY(!noShard);
    QCOMPARE(noShard.error().type, ErrorType::ResourceNotFound);
    QCOMPARE(noShard.error().message, u"Shard shardId-000000000009 in stream "_s + kStream +
                                          u" under account "_s + kAccount + u" does not exist"_s);

    auto noSequence = env.subscribe(ShardIteratorType::AtSequenceNumber);
    QVERIFY(!noSequence);
    QCOMPARE(noSequence.error().type, ErrorType::InvalidArgument);
    QVERIFY(noSequence.error().message.endsWith(u"Request specified AT_SEQUENCE_NUMBER and no StartingSequenceNumber."_s));

    auto foreign = env.subscribe(ShardIteratorType::AtSequenceNumber, u"12345"_s);
    QVERIFY(!foreign);
    QCOMPARE(foreign.error().type, ErrorType::InvalidArgument);
    QCOMPARE(foreign.error().message, u"StartingSequenceNumber 12345 used in SubscribeToShard on shard "_s +
                                          kShard0 + u" in stream "_s + kStream + u" under account "_s +
                                          kAccount + u" is invalid."_s);

    auto unknownConsumer = env.subscribe(
        ShardIteratorType::Latest, {}, {}, kShard0,
        u"arn:aws:kinesis:us-east-1:"_s + kAccount + u":stream/"_s + kStream + u"/consumer/ghost:1"_s);
    QVERIFY(!unknownConsumer);
    QCOMPARE(unknownConsumer.error().type, ErrorType::ResourceNotFound);
}

void TestEngineSubscriptions::activeSubscriptionsAreListed()
{
    OPEN_ENV(env, 2);
    env.put("x", u"a"_s);
    auto one = env.subscribe(ShardIteratorType::TrimHorizon, {}, {}, kShard0);
    VERIFY_OK(one);
    env.clock->advanceMs(1);
    auto two = env.subscribe(ShardIteratorType::TrimHorizon, {}, {}, u"shardId-000000000001"_s);
    VERIFY_OK(two);
    (*one)->poll();
    (*two)->poll();
    auto active = env.engine->activeSubscriptions();
    QCOMPARE(active.size(), qsizetype(2));
    QCOMPARE(active.at(0).shardId, kShard0);
    QCOMPARE(active.at(1).shardId, u"shardId-000000000001"_s);
    QCOMPARE(active.at(0).consumerArn, env.consumerArn);
    QCOMPARE(active.at(0).recordsDelivered + active.at(1).recordsDelivered, qint64(1));
    (*one)->cancel();
    QCOMPARE(env.engine->activeSubscriptions().size(), qsizetype(1));
    two->reset(); // the transport let go of it
    QCOMPARE(env.engine->activeSubscriptions().size(), qsizetype(0));
}

// What a transport does after a step: the server's stream and the emulator backend both ask.
void TestEngineSubscriptions::nextPollInMs()
{
    using Step = ShardSubscription::Step;
    QCOMPARE(Step({}, {}, true, 0, 1000).nextPollInMs(), std::nullopt);
    QCOMPARE(Step({}, Error{ErrorType::ResourceNotFound, {}}, true, 0, 1000).nextPollInMs(),
             std::nullopt);
    QCOMPARE(Step({}, {}, false, 1000, 1000).nextPollInMs(), std::optional<qint64>(0));
    QCOMPARE(Step({}, {}, false, 900, 1000).nextPollInMs(), std::optional<qint64>(0));
    QCOMPARE(Step({}, {}, false, 6000, 1000).nextPollInMs(), std::optional<qint64>(5000));
    // Never longer than a minute, so a QTimer holds it.
    QCOMPARE(Step({}, {}, false, 1000 + 10LL * 24 * 3600 * 1000, 1000).nextPollInMs(),
             std::optional<qint64>(60 * 1000));
}

QTEST_GUILESS_MAIN(TestEngineSubscriptions)
#include "tst_engine_subscriptions.moc"
