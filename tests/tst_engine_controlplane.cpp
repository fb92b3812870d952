// The control plane in the engine: Enable/DisableEnhancedMonitoring (and what DescribeStream /
// DescribeStreamSummary report), UpdateStreamWarmThroughput, Describe/UpdateAccountSettings
// (the minimum throughput billing commitment and its 24-hour minimum), Put/Get/
// DeleteResourcePolicy on streams and consumers, and all of it across reopening.
//
// Message texts: validation messages follow Coral's shape (as everywhere in the engine); the
// InvalidArgument / LimitExceeded texts of warm throughput and policies are our wording (no AWS
// text was found in a public source).

#include "expectedassert.h"

#include "engine/clock.h"
#include "engine/engine.h"
#include "kinesis/api.h"
#include "kinesis/error.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStart = 1'700'000'000'000;
constexpr qint64 kUpdateDelay = 300;
constexpr qint64 kDay = 24LL * 3600 * 1000;
const QString kAccount = u"000000000000"_s;

QString streamArnOf(const QString &stream)
{
    return u"arn:aws:kinesis:us-east-1:"_s + kAccount + u":stream/"_s + stream;
}

const QString kPolicy = uR"({
  "Version": "2012-10-17",
  "Statement": [{"Sid": "read", "Effect": "Allow",
                 "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                 "Action": ["kinesis:GetRecords", "kinesis:GetShardIterator"],
                 "Resource": "arn:aws:kinesis:us-east-1:000000000000:stream/s"}]
})"_s;

struct Env
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStart);
    EngineOptions options;
    std::unique_ptr<Engine> engine;

    Env()
    {
        options.databasePath = dir.filePath(u"e.db"_s);
        options.clock = clock;
        options.createDelayMs = 100;
        options.deleteDelayMs = 100;
        options.updateDelayMs = kUpdateDelay;
    }

    QString open()
    {
        engine.reset();
        auto opened = Engine::open(options);
        if (!opened)
            return opened.error().message;
        engine = std::move(*opened);
        return {};
    }

    std::expected<void, Error> createActive(const QString &name, StreamMode mode)
    {
        CreateStreamRequest r;
        r.streamName = name;
        if (mode == StreamMode::Provisioned)
            r.shardCount = 1;
        r.streamMode = mode;
        auto created = engine->createStream(r);
        clock->advanceMs(100);
        return created;
    }

    std::expected<EnhancedMonitoringResponse, Error> monitoring(bool enable, const QString &stream,
                                                               const QStringList &metrics)
    {
        const EnhancedMonitoringRequest r{StreamTarget::byName(stream), metrics};
        return enable ? engine->enableEnhancedMonitoring(r) : engine->disableEnhancedMonitoring(r);
    }

    std::expected<AccountSettings, Error> commitment(BillingCommitmentStatus status)
    {
        return engine->updateAccountSettings(UpdateAccountSettingsRequest{status});
    }

    StreamDescriptionSummary summary(const QString &stream)
    {
        return engine->describeStreamSummary(StreamTarget::byName(stream)).value_or(
            StreamDescriptionSummary{});
    }
};

} // namespace

class TestEngineControlPlane final : public QObject
{
    Q_OBJECT
private slots:
    void enhancedMonitoringEnablesAndDisables();
    void enhancedMonitoringErrors();
    void warmThroughputNeedsOnDemandAndACommitment();
    void warmThroughputScalesWhileUpdating();
    void warmThroughputErrors();
    void billingCommitmentRunsAtLeastADay();
    void resourcePolicyOnStreamAndConsumer();
    void resourcePolicyRefusesBadDocuments_data();
    void resourcePolicyRefusesBadDocuments();
    void resourcePolicyErrors();
    void everythingSurvivesReopening();
};

void TestEngineControlPlane::enhancedMonitoringEnablesAndDisables()
{
    Env env;
    QCOMPARE(env.open(), QString());
    VERIFY_OK(env.createActive(u"s"_s, StreamMode::Provisioned));
    QVERIFY(env.engine->shardLevelMetrics(u"s"_s).isEmpty());

    auto r = env.monitoring(true, u"s"_s, {u"OutgoingBytes"_s, u"IncomingBytes"_s});
    VERIFY_OK(r);
    QCOMPARE(r->streamName, u"s"_s);
    QCOMPARE(r->streamArn, streamArnOf(u"s"_s));
    QCOMPARE(r->currentShardLevelMetrics, QStringList());
    // In the API model's order, whatever the request's.
    QCOMPARE(r->desiredShardLevelMetrics, (QStringList{u"IncomingBytes"_s, u"OutgoingBytes"_s}));
    QCOMPARE(env.engine->shardLevelMetrics(u"s"_s), r->desiredShardLevelMetrics);
    QCOMPARE(env.summary(u"s"_s).streamStatus, StreamStatus::Updating);
    QCOMPARE(env.summary(u"s"_s).shardLevelMetrics, r->desiredShardLevelMetrics);
    const auto described = env.engine->describeStream(DescribeStreamRequest{StreamTarget::byName(u"s"_s), {}, {}});
    VERIFY_OK(described);
    QCOMPARE(described->shardLevelMetrics, r->desiredShardLevelMetrics);

    // UPDATING refuses the next change until the update is over.
    COMPARE_ERROR(env.monitoring(true, u"s"_s, {u"ALL"_s}), ErrorType::ResourceInUse, u"Stream s under account 000000000000 not ACTIVE, instead in state UPDATING"_s);
    env.clock->advanceMs(kUpdateDelay);
    QCOMPARE(env.summary(u"s"_s).streamStatus, StreamStatus::Active);

    r = env.monitoring(true, u"s"_s, {u"ALL"_s});
    VERIFY_OK(r);
    QCOMPARE(r->currentShardLevelMetrics, (QStringList{u"IncomingBytes"_s, u"OutgoingBytes"_s}));
    QCOMPARE(r->desiredShardLevelMetrics, allShardLevelMetrics());
    env.clock->advanceMs(kUpdateDelay);

    r = env.monitoring(false, u"s"_s, {u"IteratorAgeMilliseconds"_s, u"IncomingRecords"_s});
    VERIFY_OK(r);
    QCOMPARE(r->currentShardLevelMetrics, allShardLevelMetrics());
    QCOMPARE(r->desiredShardLevelMetrics,
             (QStringList{u"IncomingBytes"_s, u"OutgoingBytes"_s, u"OutgoingRecords"_s,
                          u"WriteProvisionedThroughputExceeded"_s,
                          u"ReadProvisionedThroughputExceeded"_s}));
    env.clock->advanceMs(kUpdateDelay);

    // A call that changes nothing answers at once and leaves the stream ACTIVE.
    r = env.monitoring(false, u"s"_s, {u"IteratorAgeMilliseconds"_s});
    VERIFY_OK(r);
    QCOMPARE(r->currentShardLevelMetrics, r->desiredShardLevelMetrics);
    QCOMPARE(env.summary(u"s"_s).streamStatus, StreamStatus::Active);

    r = env.monitoring(false, u"s"_s, {u"ALL"_s});
    VERIFY_OK(r);
    QCOMPARE(r->desiredShardLevelMetrics, QStringList());
    QVERIFY(env.engine->shardLevelMetrics(u"s"_s).isEmpty());
    QVERIFY(env.engine->shardLevelMetrics(u"missing"_s).isEmpty());
}

void TestEngineControlPlane::enhancedMonitoringErrors()
{
    Env env;
    QCOMPARE(env.open(), QString());
    COMPARE_ERROR(env.monitoring(true, u"missing"_s, {u"ALL"_s}), ErrorType::ResourceNotFound,
                  u"Stream missing under account 000000000000 not found."_s);
    COMPARE_ERROR(env.monitoring(true, u"s"_s, {}), ErrorType::Validation,
                  u"1 validation error detected: Value '[]' at 'shardLevelMetrics' failed to "
                  u"satisfy constraint: Member must have length greater than or equal to 1"_s);
    COMPARE_ERROR(env.monitoring(true, u"bad name!"_s, {u"ALL"_s}), ErrorType::Validation,
                  u"1 validation error detected: Value 'bad name!' at 'streamName' failed to "
                  u"satisfy constraint: Member must satisfy regular expression pattern: "
                  u"[a-zA-Z0-9_.-]+"_s);
}

void TestEngineControlPlane::warmThroughputNeedsOnDemandAndACommitment()
{
    Env env;
    QCOMPARE(env.open(), QString());
    VERIFY_OK(env.createActive(u"p"_s, StreamMode::Provisioned));
    VERIFY_OK(env.createActive(u"od"_s, StreamMode::OnDemand));
    QCOMPARE(env.summary(u"p"_s).warmThroughput, std::nullopt);
    // A new on-demand stream handles 4 MiB/s of writes, with no target.
    QCOMPARE(env.summary(u"od"_s).warmThroughput, (WarmThroughput{std::nullopt, 4}));

    const UpdateStreamWarmThroughputRequest onDemand{StreamTarget::byName(u"od"_s), 100};
    COMPARE_ERROR(env.engine->updateStreamWarmThroughput(onDemand), ErrorType::InvalidArgument,
                  u"Warm throughput requires a minimum throughput billing commitment. Enable "
                  u"MinimumThroughputBillingCommitment for account 000000000000 with "
                  u"UpdateAccountSettings first."_s);
    VERIFY_OK(env.commitment(BillingCommitmentStatus::Enabled));
    COMPARE_ERROR(env.engine->updateStreamWarmThroughput(
                      UpdateStreamWarmThroughputRequest{StreamTarget::byName(u"p"_s), 100}),
                  ErrorType::InvalidArgument,
                  u"Warm throughput can only be configured for streams in ON_DEMAND mode. Stream p "
                  u"under account 000000000000 is in PROVISIONED mode."_s);
    VERIFY_OK(env.engine->updateStreamWarmThroughput(onDemand));
}

void TestEngineControlPlane::warmThroughputScalesWhileUpdating()
{
    Env env;
    QCOMPARE(env.open(), QString());
    VERIFY_OK(env.createActive(u"od"_s, StreamMode::OnDemand));
    VERIFY_OK(env.commitment(BillingCommitmentStatus::Enabled));
    auto r = env.engine->updateStreamWarmThroughput(
        UpdateStreamWarmThroughputRequest{StreamTarget::byArn(streamArnOf(u"od"_s)), 100});
    VERIFY_OK(r);
    QCOMPARE(r->streamName, u"od"_s);
    QCOMPARE(r->streamArn, streamArnOf(u"od"_s));
    QCOMPARE(r->warmThroughput, (WarmThroughput{100, 4}));
    QCOMPARE(env.summary(u"od"_s).streamStatus, StreamStatus::Updating);
    QCOMPARE(env.summary(u"od"_s).warmThroughput, (WarmThroughput{100, 4}));
    env.clock->advanceMs(kUpdateDelay);
    QCOMPARE(env.summary(u"od"_s).streamStatus, StreamStatus::Active);
    QCOMPARE(env.summary(u"od"_s).warmThroughput, (WarmThroughput{100, 100}));

    // Down again: the 100 shards stay, so the stream still handles 100 (on-demand streams do
    // not scale in here).
    r = env.engine->updateStreamWarmThroughput(
        UpdateStreamWarmThroughputRequest{StreamTarget::byName(u"od"_s), 20});
    VERIFY_OK(r);
    QCOMPARE(r->warmThroughput, (WarmThroughput{20, 100}));
    COMPARE_ERROR(env.engine->updateStreamWarmThroughput(
                      UpdateStreamWarmThroughputRequest{StreamTarget::byName(u"od"_s), 30}),
                  ErrorType::ResourceInUse, u"Stream od under account 000000000000 not ACTIVE, instead in state UPDATING"_s);
    env.clock->advanceMs(kUpdateDelay);
    QCOMPARE(env.summary(u"od"_s).warmThroughput, (WarmThroughput{20, 100}));
    QCOMPARE(env.summary(u"od"_s).openShardCount, 100);
}

void TestEngineControlPlane::warmThroughputErrors()
{
    Env env;
    QCOMPARE(env.open(), QString());
    VERIFY_OK(env.createActive(u"od"_s, StreamMode::OnDemand));
    VERIFY_OK(env.commitment(BillingCommitmentStatus::Enabled));
    COMPARE_ERROR(env.engine->updateStreamWarmThroughput(
                      UpdateStreamWarmThroughputRequest{StreamTarget::byName(u"od"_s), -1}),
                  ErrorType::Validation,
                  u"1 validation error detected: Value '-1' at 'warmThroughputMiBps' failed to "
                  u"satisfy constraint: Member must have value greater than or equal to 0"_s);
    COMPARE_ERROR(env.engine->updateStreamWarmThroughput(
                      UpdateStreamWarmThroughputRequest{StreamTarget::byName(u"od"_s), 10241}),
                  ErrorType::LimitExceeded,
                  u"Requested warm throughput of 10241 MiBps for stream od under account "
                  u"000000000000 exceeds the limit of 10240 MiBps."_s);
    VERIFY_OK(env.engine->updateStreamWarmThroughput(
        UpdateStreamWarmThroughputRequest{StreamTarget::byName(u"od"_s), 10240}));
    COMPARE_ERROR(env.engine->updateStreamWarmThroughput(
                      UpdateStreamWarmThroughputRequest{StreamTarget::byName(u"nope"_s), 1}),
                  ErrorType::ResourceNotFound, u"Stream nope under account 000000000000 not found."_s);
}

void TestEngineControlPlane::billingCommitmentRunsAtLeastADay()
{
    Env env;
    QCOMPARE(env.open(), QString());
    auto settings = env.engine->describeAccountSettings();
    VERIFY_OK(settings);
    QCOMPARE(settings->minimumThroughputBillingCommitment,
             MinimumThroughputBillingCommitment{});

    settings = env.commitment(BillingCommitmentStatus::Enabled);
    VERIFY_OK(settings);
    const MinimumThroughputBillingCommitment enabled{BillingCommitmentStatus::Enabled, kStart,
                                                     std::nullopt, kStart + kDay};
    QCOMPARE(settings->minimumThroughputBillingCommitment, enabled);
    // Enabling again changes nothing.
    env.clock->advanceMs(1000);
    QCOMPARE(env.commitment(BillingCommitmentStatus::Enabled)->minimumThroughputBillingCommitment,
             enabled);

    // Disabled before the day is over: it runs on until then.
    settings = env.commitment(BillingCommitmentStatus::Disabled);
    VERIFY_OK(settings);
    MinimumThroughputBillingCommitment pending = enabled;
    pending.status = BillingCommitmentStatus::EnabledUntilEarliestAllowedEnd;
    QCOMPARE(settings->minimumThroughputBillingCommitment, pending);
    // Enabling again cancels the pending end.
    QCOMPARE(env.commitment(BillingCommitmentStatus::Enabled)->minimumThroughputBillingCommitment,
             enabled);
    VERIFY_OK(env.commitment(BillingCommitmentStatus::Disabled));
    env.clock->setMs(kStart + kDay - 1);
    QCOMPARE(env.engine->describeAccountSettings()->minimumThroughputBillingCommitment, pending);
    env.clock->setMs(kStart + kDay);
    const MinimumThroughputBillingCommitment ended{BillingCommitmentStatus::Disabled, kStart,
                                                   kStart + kDay, std::nullopt};
    QCOMPARE(env.engine->describeAccountSettings()->minimumThroughputBillingCommitment, ended);

    // After the day a disable ends it at once; a new enable starts a new day.
    env.clock->setMs(kStart + 3 * kDay);
    QCOMPARE(env.commitment(BillingCommitmentStatus::Enabled)->minimumThroughputBillingCommitment,
             (MinimumThroughputBillingCommitment{BillingCommitmentStatus::Enabled, kStart + 3 * kDay,
                                                 std::nullopt, kStart + 4 * kDay}));
    env.clock->setMs(kStart + 5 * kDay);
    QCOMPARE(env.commitment(BillingCommitmentStatus::Disabled)->minimumThroughputBillingCommitment,
             (MinimumThroughputBillingCommitment{BillingCommitmentStatus::Disabled, kStart + 3 * kDay,
                                                 kStart + 5 * kDay, std::nullopt}));
    COMPARE_ERROR(env.commitment(BillingCommitmentStatus::EnabledUntilEarliestAllowedEnd),
                  ErrorType::Validation,
                  u"1 validation error detected: Value 'ENABLED_UNTIL_EARLIEST_ALLOWED_END' at "
                  u"'minimumThroughputBillingCommitment.status' failed to satisfy constraint: "
                  u"Member must satisfy enum value set: [ENABLED, DISABLED]"_s);
}

void TestEngineControlPlane::resourcePolicyOnStreamAndConsumer()
{
    Env env;
    QCOMPARE(env.open(), QString());
    VERIFY_OK(env.createActive(u"s"_s, StreamMode::Provisioned));
    const QString arn = streamArnOf(u"s"_s);
    QCOMPARE(env.engine->getResourcePolicy(ResourcePolicyTarget{arn})->policy, u"{}"_s);
    VERIFY_OK(env.engine->putResourcePolicy(PutResourcePolicyRequest{arn, kPolicy}));
    // Verbatim: spacing and member order as sent.
    QCOMPARE(env.engine->getResourcePolicy(ResourcePolicyTarget{arn})->policy, kPolicy);

    const auto consumer = env.engine->registerStreamConsumer(
        RegisterStreamConsumerRequest{arn, u"c"_s, {}});
    VERIFY_OK(consumer);
    env.clock->advanceMs(100);
    const QString consumerPolicy =
        uR"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":"*",)"
        uR"("NotAction":"kinesis:SubscribeToShard","Resource":"*"}})"_s;
    VERIFY_OK(env.engine->putResourcePolicy(
        PutResourcePolicyRequest{consumer->consumerArn, consumerPolicy}));
    QCOMPARE(env.engine->getResourcePolicy(ResourcePolicyTarget{consumer->consumerArn})->policy,
             consumerPolicy);
    QCOMPARE(env.engine->getResourcePolicy(ResourcePolicyTarget{arn})->policy, kPolicy);

    VERIFY_OK(env.engine->deleteResourcePolicy(ResourcePolicyTarget{arn}));
    QCOMPARE(env.engine->getResourcePolicy(ResourcePolicyTarget{arn})->policy, u"{}"_s);
    QCOMPARE(env.engine->getResourcePolicy(ResourcePolicyTarget{consumer->consumerArn})->policy,
             consumerPolicy);
    VERIFY_OK(env.engine->deleteResourcePolicy(ResourcePolicyTarget{consumer->consumerArn}));
    QCOMPARE(env.engine->getResourcePolicy(ResourcePolicyTarget{consumer->consumerArn})->policy,
             u"{}"_s);
}

void TestEngineControlPlane::resourcePolicyRefusesBadDocuments_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("message");
    const QString tail = uR"("Principal":"*","Action":"kinesis:*","Resource":"*"})"_s;
    QTest::newRow("not json") << u"{\"Version\": "_s
                              << u"The policy is not valid JSON: unterminated object at character 13."_s;
    QTest::newRow("array") << u"[]"_s << u"The policy must be a JSON object."_s;
    QTest::newRow("no version") << uR"({"Statement":[]})"_s << u"The policy has no Version."_s;
    QTest::newRow("bad version")
        << uR"({"Version":"2020-01-01","Statement":[]})"_s
        << u"The policy's Version must be \"2012-10-17\" or \"2008-10-17\"."_s;
    QTest::newRow("no statement") << uR"({"Version":"2012-10-17"})"_s
                                  << u"The policy has no Statement."_s;
    QTest::newRow("empty statement")
        << uR"({"Version":"2012-10-17","Statement":[]})"_s
        << u"The policy's Statement must be an object or a non-empty list of objects."_s;
    QTest::newRow("bad effect") << uR"({"Version":"2012-10-17","Statement":[{"Effect":"Maybe",)"_s + tail + u"]}"_s
                                << u"Statement 1: Effect must be \"Allow\" or \"Deny\"."_s;
    QTest::newRow("no principal")
        << uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"a","Resource":"*"}]})"_s
        << u"Statement 1 has no Principal."_s;
    QTest::newRow("no action in 2nd")
        << uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"_s + tail +
               uR"(,{"Effect":"Deny","Principal":"*","Resource":"*"}]})"_s
        << u"Statement 2 has no Action."_s;
    QTest::newRow("empty resource list")
        << uR"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"a","Resource":[]}})"_s
        << u"Statement 1: Resource must not be an empty list."_s;
    QTest::newRow("principal text")
        << uR"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"me","Action":"a","Resource":"*"}})"_s
        << u"Statement 1: Principal must be \"*\" or an object such as {\"AWS\": "
           u"\"arn:aws:iam::123456789012:root\"}."_s;
}

void TestEngineControlPlane::resourcePolicyRefusesBadDocuments()
{
    QFETCH(QString, policy);
    QFETCH(QString, message);
    Env env;
    QCOMPARE(env.open(), QString());
    VERIFY_OK(env.createActive(u"s"_s, StreamMode::Provisioned));
    COMPARE_ERROR(env.engine->putResourcePolicy(PutResourcePolicyRequest{streamArnOf(u"s"_s), policy}),
                  ErrorType::InvalidArgument, u"Invalid policy document: "_s + message);
    QCOMPARE(env.engine->getResourcePolicy(ResourcePolicyTarget{streamArnOf(u"s"_s)})->policy,
             u"{}"_s);
}

void TestEngineControlPlane::resourcePolicyErrors()
{
    Env env;
    QCOMPARE(env.open(), QString());
    COMPARE_ERROR(env.engine->putResourcePolicy(PutResourcePolicyRequest{streamArnOf(u"none"_s), kPolicy}),
                  ErrorType::ResourceNotFound,
                  u"Stream none under account 000000000000 not found."_s);
    COMPARE_ERROR(env.engine->getResourcePolicy(ResourcePolicyTarget{streamArnOf(u"none"_s)}),
                  ErrorType::ResourceNotFound, u"Stream none under account 000000000000 not found."_s);
    COMPARE_ERROR(env.engine->deleteResourcePolicy(ResourcePolicyTarget{
                      streamArnOf(u"none"_s) + u"/consumer/c:1700000000"_s}),
                  ErrorType::ResourceNotFound, u"Consumer c under stream none and account 000000000000 not found."_s);
    COMPARE_ERROR(env.engine->getResourcePolicy(ResourcePolicyTarget{}), ErrorType::Validation,
                  u"1 validation error detected: Value null at 'resourceARN' failed to satisfy "
                  u"constraint: Member must not be null"_s);
    COMPARE_ERROR(env.engine->putResourcePolicy(PutResourcePolicyRequest{u"arn:nope"_s, kPolicy}),
                  ErrorType::Validation, u"1 validation error detected: Value 'arn:nope' at 'resourceARN' failed to satisfy "
                  u"constraint: Member must satisfy regular expression pattern: "
                  u"arn:aws.*:kinesis:.*:\\d{12}:.*stream/\\S+"_s);
    COMPARE_ERROR(env.engine->putResourcePolicy(PutResourcePolicyRequest{streamArnOf(u"s"_s), {}}),
                  ErrorType::Validation, u"1 validation error detected: Value null at 'policy' failed to satisfy constraint: "
                  u"Member must not be null"_s);
}

void TestEngineControlPlane::everythingSurvivesReopening()
{
    Env env;
    QCOMPARE(env.open(), QString());
    VERIFY_OK(env.createActive(u"od"_s, StreamMode::OnDemand));
    VERIFY_OK(env.commitment(BillingCommitmentStatus::Enabled));
    VERIFY_OK(env.commitment(BillingCommitmentStatus::Disabled));
    VERIFY_OK(env.monitoring(true, u"od"_s, {u"IncomingRecords"_s, u"IteratorAgeMilliseconds"_s}));
    env.clock->advanceMs(kUpdateDelay);
    const auto consumer = env.engine->registerStreamConsumer(
        RegisterStreamConsumerRequest{streamArnOf(u"od"_s), u"c"_s, {}});
    VERIFY_OK(consumer);
    VERIFY_OK(env.engine->updateStreamWarmThroughput(
        UpdateStreamWarmThroughputRequest{StreamTarget::byName(u"od"_s), 64}));
    VERIFY_OK(env.engine->putResourcePolicy(PutResourcePolicyRequest{consumer->consumerArn, kPolicy}));
    env.clock->advanceMs(kUpdateDelay);
    VERIFY_OK(env.engine->putResourcePolicy(PutResourcePolicyRequest{streamArnOf(u"od"_s), kPolicy + u' '}));
    const auto settingsBefore = env.engine->describeAccountSettings();
    VERIFY_OK(settingsBefore);

    QCOMPARE(env.open(), QString());
    QCOMPARE(env.engine->shardLevelMetrics(u"od"_s),
             (QStringList{u"IncomingRecords"_s, u"IteratorAgeMilliseconds"_s}));
    QCOMPARE(env.summary(u"od"_s).warmThroughput, (WarmThroughput{64, 64}));
    QCOMPARE(env.engine->getResourcePolicy(ResourcePolicyTarget{streamArnOf(u"od"_s)})->policy,
             kPolicy + u' ');
    QCOMPARE(env.engine->getResourcePolicy(ResourcePolicyTarget{consumer->consumerArn})->policy,
             kPolicy);
    QCOMPARE(env.engine->describeAccountSettings()->minimumThroughputBillingCommitment,
             settingsBefore->minimumThroughputBillingCommitment);
    QCOMPARE(settingsBefore->minimumThroughputBillingCommitment->status,
             BillingCommitmentStatus::EnabledUntilEarliestAllowedEnd);
}

QTEST_GUILESS_MAIN(TestEngineControlPlane)
#include "tst_engine_controlplane.moc"
