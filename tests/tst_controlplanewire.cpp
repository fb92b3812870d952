// The control-plane operations on the wire: every new request and response through the codec
// both ways in JSON and CBOR, the exact JSON Kinesis clients read, and the dispatcher serving
// them end to end (with their validation errors) over both formats.

#include "engine/clock.h"
#include "engine/engine.h"
#include "protocol/wirecodec.h"
#include "server/dispatcher.h"

#include <QCborArray>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStart = 1'700'000'000'000;
const QString kArn = u"arn:aws:kinesis:us-east-1:000000000000:stream/od"_s;
const QString kPolicy =
    uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},)"
    uR"("Action":"kinesis:DescribeStreamSummary","Resource":"*"}]})"_s;

struct Fixture
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStart);
    std::unique_ptr<Engine> engine;
    std::unique_ptr<Dispatcher> dispatcher;

    bool open()
    {
        EngineOptions options;
        options.databasePath = dir.filePath(u"kinesis.db"_s);
        options.createDelayMs = 0;
        options.updateDelayMs = 0;
        options.clock = clock;
        auto opened = Engine::open(options);
        if (!opened)
            return false;
        engine = std::move(*opened);
        dispatcher = std::make_unique<Dispatcher>(*engine);
        return true;
    }

    Dispatcher::Response call(WireFormat format, QStringView operation, const QCborMap &body) const
    {
        const WireCodec codec(format);
        return dispatcher->handle(QString(u"Kinesis_20131202." % operation), codec.contentType(),
                                  codec.serialize(body));
    }
};

template<WireMessage T> std::optional<T> roundTrip(WireFormat format, const T &message)
{
    const WireCodec codec(format);
    auto decoded = codec.decode<T>(codec.encode(message));
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

} // namespace

class TestControlPlaneWire final : public QObject
{
    Q_OBJECT
private slots:
    void roundTrips_data();
    void roundTrips();
    void exactJson();
    void decodeErrors_data();
    void decodeErrors();
    void dispatcherServesEveryOperation_data();
    void dispatcherServesEveryOperation();
};

void TestControlPlaneWire::roundTrips_data()
{
    QTest::addColumn<bool>("cbor");
    QTest::newRow("json") << false;
    QTest::newRow("cbor") << true;
}

void TestControlPlaneWire::roundTrips()
{
    QFETCH(bool, cbor);
    const WireFormat format = cbor ? WireFormat::Cbor : WireFormat::Json;

    const EnhancedMonitoringRequest monitoring{StreamTarget{u"s"_s, kArn},
                                               {u"IncomingBytes"_s, u"ALL"_s}};
    auto m = roundTrip(format, monitoring);
    QVERIFY(m);
    QCOMPARE(m->target.streamName, u"s"_s);
    QCOMPARE(m->target.streamArn, kArn);
    QCOMPARE(m->shardLevelMetrics, monitoring.shardLevelMetrics);

    const EnhancedMonitoringResponse monitored{u"s"_s, {u"IncomingBytes"_s},
                                               {u"IncomingBytes"_s, u"OutgoingRecords"_s}, kArn};
    auto mr = roundTrip(format, monitored);
    QVERIFY(mr);
    QCOMPARE(mr->streamName, monitored.streamName);
    QCOMPARE(mr->currentShardLevelMetrics, monitored.currentShardLevelMetrics);
    QCOMPARE(mr->desiredShardLevelMetrics, monitored.desiredShardLevelMetrics);
    QCOMPARE(mr->streamArn, kArn);

    auto w = roundTrip(format, UpdateStreamWarmThroughputRequest{StreamTarget::byArn(kArn), 250});
    QVERIFY(w);
    QCOMPARE(w->target.streamArn, kArn);
    QCOMPARE(w->warmThroughputMiBps, 250);
    auto wr = roundTrip(format, UpdateStreamWarmThroughputResponse{kArn, u"od"_s, {250, 4}});
    QVERIFY(wr);
    QCOMPARE(wr->streamName, u"od"_s);
    QCOMPARE(wr->warmThroughput, (WarmThroughput{250, 4}));

    const MinimumThroughputBillingCommitment commitment{
        BillingCommitmentStatus::EnabledUntilEarliestAllowedEnd, kStart, std::nullopt,
        kStart + 86'400'000};
    auto a = roundTrip(format, AccountSettings{commitment});
    QVERIFY(a);
    QCOMPARE(a->minimumThroughputBillingCommitment, commitment);
    auto u = roundTrip(format, UpdateAccountSettingsRequest{BillingCommitmentStatus::Enabled});
    QVERIFY(u);
    QCOMPARE(u->minimumThroughputBillingCommitmentStatus, BillingCommitmentStatus::Enabled);

    auto p = roundTrip(format, PutResourcePolicyRequest{kArn, kPolicy});
    QVERIFY(p);
    QCOMPARE(p->resourceArn, kArn);
    QCOMPARE(p->policy, kPolicy);
    auto t = roundTrip(format, ResourcePolicyTarget{kArn});
    QVERIFY(t);
    QCOMPARE(t->resourceArn, kArn);
    auto g = roundTrip(format, GetResourcePolicyResponse{kPolicy});
    QVERIFY(g);
    QCOMPARE(g->policy, kPolicy);

    StreamDescriptionSummary summary;
    summary.streamName = u"od"_s;
    summary.streamArn = kArn;
    summary.streamMode = StreamMode::OnDemand;
    summary.shardLevelMetrics = {u"IncomingBytes"_s, u"IteratorAgeMilliseconds"_s};
    summary.warmThroughput = WarmThroughput{std::nullopt, 4};
    auto s = roundTrip(format, summary);
    QVERIFY(s);
    QCOMPARE(s->shardLevelMetrics, summary.shardLevelMetrics);
    QCOMPARE(s->warmThroughput, summary.warmThroughput);
    StreamDescription description;
    description.streamName = u"od"_s;
    description.shardLevelMetrics = {u"OutgoingBytes"_s};
    auto d = roundTrip(format, description);
    QVERIFY(d);
    QCOMPARE(d->shardLevelMetrics, description.shardLevelMetrics);
}

void TestControlPlaneWire::exactJson()
{
    const WireCodec codec(WireFormat::Json);
    QCOMPARE(codec.encode(EnhancedMonitoringResponse{u"s"_s, {}, {u"IncomingBytes"_s}, kArn}),
             QByteArray(R"({"StreamName":"s","CurrentShardLevelMetrics":[],)"
                        R"("DesiredShardLevelMetrics":["IncomingBytes"],)"
                        R"("StreamARN":"arn:aws:kinesis:us-east-1:000000000000:stream/od"})"));
    QCOMPARE(codec.encode(AccountSettings{MinimumThroughputBillingCommitment{
                 BillingCommitmentStatus::Enabled, kStart, std::nullopt, kStart + 86'400'000}}),
             QByteArray(R"({"MinimumThroughputBillingCommitment":{"Status":"ENABLED",)"
                        R"("StartedAt":1700000000,"EarliestAllowedEndAt":1700086400}})"));
    QCOMPARE(codec.encode(UpdateStreamWarmThroughputResponse{kArn, u"od"_s, {100, 4}}),
             QByteArray(R"({"StreamARN":"arn:aws:kinesis:us-east-1:000000000000:stream/od",)"
                        R"("StreamName":"od","WarmThroughput":{"TargetMiBps":100,"CurrentMiBps":4}})"));
    QCOMPARE(codec.encode(GetResourcePolicyResponse{u"{}"_s}), QByteArray(R"({"Policy":"{}"})"));
    StreamDescriptionSummary summary;
    summary.shardLevelMetrics = {u"IncomingBytes"_s};
    summary.warmThroughput = WarmThroughput{std::nullopt, 4};
    const QJsonObject d = QJsonDocument::fromJson(codec.encode(summary))
                              .object()
                              .value(u"StreamDescriptionSummary"_s)
                              .toObject();
    QCOMPARE(d.value(u"EnhancedMonitoring"_s).toArray(),
             (QJsonArray{QJsonObject{{u"ShardLevelMetrics"_s, QJsonArray{u"IncomingBytes"_s}}}}));
    QCOMPARE(d.value(u"WarmThroughput"_s).toObject(), (QJsonObject{{u"CurrentMiBps"_s, 4}}));
}

void TestControlPlaneWire::decodeErrors_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    const QString metrics =
        u"IncomingBytes, IncomingRecords, OutgoingBytes, OutgoingRecords, "
        u"WriteProvisionedThroughputExceeded, ReadProvisionedThroughputExceeded, "
        u"IteratorAgeMilliseconds, ALL"_s;
    QTest::newRow("metrics missing")
        << u"EnableEnhancedMonitoring"_s << QByteArray(R"({"StreamName":"s"})")
        << u"ValidationException"_s
        << u"1 validation error detected: Value null at 'shardLevelMetrics' failed to satisfy "
           u"constraint: Member must not be null"_s;
    QTest::newRow("unknown metric")
        << u"DisableEnhancedMonitoring"_s
        << QByteArray(R"({"StreamName":"s","ShardLevelMetrics":["IncomingBytes","Nope"]})")
        << u"ValidationException"_s
        << u"1 validation error detected: Value '[IncomingBytes, Nope]' at 'shardLevelMetrics' "
           u"failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy "
           u"enum value set: ["_s + metrics + u"]]"_s;
    QTest::newRow("metrics not a list")
        << u"EnableEnhancedMonitoring"_s
        << QByteArray(R"({"StreamName":"s","ShardLevelMetrics":"ALL"})")
        << u"SerializationException"_s << u"Expected list or null"_s;
    QTest::newRow("warm missing")
        << u"UpdateStreamWarmThroughput"_s << QByteArray(R"({"StreamName":"s"})")
        << u"ValidationException"_s
        << u"1 validation error detected: Value null at 'warmThroughputMiBps' failed to satisfy "
           u"constraint: Member must not be null"_s;
    QTest::newRow("commitment missing")
        << u"UpdateAccountSettings"_s << QByteArray("{}") << u"ValidationException"_s
        << u"1 validation error detected: Value null at 'minimumThroughputBillingCommitment' "
           u"failed to satisfy constraint: Member must not be null"_s;
    QTest::newRow("commitment status")
        << u"UpdateAccountSettings"_s
        << QByteArray(R"({"MinimumThroughputBillingCommitment":{"Status":"ENABLED_UNTIL_EARLIEST_ALLOWED_END"}})")
        << u"ValidationException"_s
        << u"1 validation error detected: Value 'ENABLED_UNTIL_EARLIEST_ALLOWED_END' at "
           u"'minimumThroughputBillingCommitment.status' failed to satisfy constraint: Member "
           u"must satisfy enum value set: [ENABLED, DISABLED]"_s;
    QTest::newRow("policy not a string")
        << u"PutResourcePolicy"_s << QByteArray(R"({"ResourceARN":"x","Policy":{}})")
        << u"SerializationException"_s << u"Start of structure or map found where not expected."_s;
}

void TestControlPlaneWire::decodeErrors()
{
    QFETCH(QString, operation);
    QFETCH(QByteArray, body);
    QFETCH(QString, type);
    QFETCH(QString, message);
    Fixture f;
    QVERIFY(f.open());
    const auto r = f.dispatcher->handle(QString(u"Kinesis_20131202." % operation),
                                        "application/x-amz-json-1.1", body);
    QCOMPARE(r.status, 400);
    const Error error = WireCodec(WireFormat::Json).decodeError(r.body);
    QCOMPARE(error.typeName(), type);
    QCOMPARE(error.message, message);
}

void TestControlPlaneWire::dispatcherServesEveryOperation_data()
{
    roundTrips_data();
}

void TestControlPlaneWire::dispatcherServesEveryOperation()
{
    QFETCH(bool, cbor);
    const WireFormat format = cbor ? WireFormat::Cbor : WireFormat::Json;
    const WireCodec codec(format);
    Fixture f;
    QVERIFY(f.open());
    QCOMPARE(f.call(format, u"CreateStream",
                    QCborMap{{u"StreamName"_s, u"od"_s},
                             {u"StreamModeDetails"_s, QCborMap{{u"StreamMode"_s, u"ON_DEMAND"_s}}}})
                 .status,
             200);

    auto r = f.call(format, u"DescribeAccountSettings", QCborMap());
    QCOMPARE(r.status, 200);
    auto settings = codec.decode<AccountSettings>(r.body);
    QVERIFY(settings);
    QCOMPARE(settings->minimumThroughputBillingCommitment->status, BillingCommitmentStatus::Disabled);

    // Warm throughput needs the commitment first.
    const QCborMap warmBody{{u"StreamARN"_s, kArn}, {u"WarmThroughputMiBps"_s, 40}};
    r = f.call(format, u"UpdateStreamWarmThroughput", warmBody);
    QCOMPARE(r.status, 400);
    QCOMPARE(codec.decodeError(r.body).type, ErrorType::InvalidArgument);
    r = f.call(format, u"UpdateAccountSettings",
               QCborMap{{u"MinimumThroughputBillingCommitment"_s,
                         QCborMap{{u"Status"_s, u"ENABLED"_s}}}});
    QCOMPARE(r.status, 200);
    settings = codec.decode<AccountSettings>(r.body);
    QVERIFY(settings);
    QCOMPARE(settings->minimumThroughputBillingCommitment,
             (MinimumThroughputBillingCommitment{BillingCommitmentStatus::Enabled, kStart,
                                                 std::nullopt, kStart + 86'400'000}));
    r = f.call(format, u"UpdateStreamWarmThroughput", warmBody);
    QCOMPARE(r.status, 200);
    const auto warm = codec.decode<UpdateStreamWarmThroughputResponse>(r.body);
    QVERIFY(warm);
    // No update delay here: the stream is at its target at once.
    QCOMPARE(warm->warmThroughput, (WarmThroughput{40, 40}));

    r = f.call(format, u"EnableEnhancedMonitoring",
               QCborMap{{u"StreamName"_s, u"od"_s},
                        {u"ShardLevelMetrics"_s, QCborArray{u"IncomingRecords"_s}}});
    QCOMPARE(r.status, 200);
    const auto enabled = codec.decode<EnhancedMonitoringResponse>(r.body);
    QVERIFY(enabled);
    QCOMPARE(enabled->desiredShardLevelMetrics, QStringList{u"IncomingRecords"_s});

    r = f.call(format, u"DescribeStreamSummary", QCborMap{{u"StreamARN"_s, kArn}});
    QCOMPARE(r.status, 200);
    const auto summary = codec.decode<StreamDescriptionSummary>(r.body);
    QVERIFY(summary);
    QCOMPARE(summary->shardLevelMetrics, QStringList{u"IncomingRecords"_s});
    QCOMPARE(summary->warmThroughput, (WarmThroughput{40, 40}));
    r = f.call(format, u"DisableEnhancedMonitoring",
               QCborMap{{u"StreamARN"_s, kArn}, {u"ShardLevelMetrics"_s, QCborArray{u"ALL"_s}}});
    QCOMPARE(r.status, 200);
    QCOMPARE(codec.decode<EnhancedMonitoringResponse>(r.body)->desiredShardLevelMetrics,
             QStringList());

    r = f.call(format, u"PutResourcePolicy",
               QCborMap{{u"ResourceARN"_s, kArn}, {u"Policy"_s, kPolicy}});
    QCOMPARE(r.status, 200);
    r = f.call(format, u"GetResourcePolicy", QCborMap{{u"ResourceARN"_s, kArn}});
    QCOMPARE(r.status, 200);
    QCOMPARE(codec.decode<GetResourcePolicyResponse>(r.body)->policy, kPolicy);
    r = f.call(format, u"PutResourcePolicy",
               QCborMap{{u"ResourceARN"_s, kArn}, {u"Policy"_s, u"{\"Version\":\"2012-10-17\"}"_s}});
    QCOMPARE(r.status, 400);
    QCOMPARE(codec.decodeError(r.body).type, ErrorType::InvalidArgument);
    QCOMPARE(codec.decodeError(r.body).message,
             u"Invalid policy document: The policy has no Statement."_s);
    r = f.call(format, u"DeleteResourcePolicy", QCborMap{{u"ResourceARN"_s, kArn}});
    QCOMPARE(r.status, 200);
    r = f.call(format, u"GetResourcePolicy", QCborMap{{u"ResourceARN"_s, kArn}});
    QCOMPARE(codec.decode<GetResourcePolicyResponse>(r.body)->policy, u"{}"_s);
    r = f.call(format, u"GetResourcePolicy",
               QCborMap{{u"ResourceARN"_s, u"arn:aws:kinesis:us-east-1:000000000000:stream/x"_s}});
    QCOMPARE(r.status, 400);
    QCOMPARE(codec.decodeError(r.body).type, ErrorType::ResourceNotFound);
}

QTEST_GUILESS_MAIN(TestControlPlaneWire)
#include "tst_controlplanewire.moc"
