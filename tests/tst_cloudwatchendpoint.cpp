// CloudWatch's GetMetricData and ListMetrics served by `--serve` (the endpoint routes
// GraniteServiceVersion20100801.* to them) and read by AwsBackend end to end: signed for service
// `monitoring` against a server that checks signatures, the same series as the EmulatorBackend
// reads from the engine, CloudWatch's wire shapes, its error types, ListMetrics' pages, and the
// enhanced fan-out metrics with their ConsumerName dimension.

#include "backend/awsbackend.h"
#include "backend/emulatorbackend.h"
#include "emulator/localemulator.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "metrics/metricnames.h"
#include "metrics/metricsregistry.h"
#include "server/kinesisserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "backendtesthelpers.h"
#include "expectedassert.h"

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
namespace MN = shardscope::MetricNames;

namespace {

constexpr qint64 kStartMs = 1'700'000'040'000; // a whole minute
constexpr qint64 kMinuteMs = 60'000;
const AwsCredentials kKeys{u"AKIDMETRICS"_s, u"metrics-secret"_s, {}};
const QString kShard0 = u"shardId-000000000000"_s;
const QString kShard1 = u"shardId-000000000001"_s;

AwsBackendOptions optionsFor(const QUrl &endpoint, const AwsCredentials &keys = kKeys)
{
    AwsBackendOptions options;
    options.displayName = u"served"_s;
    options.endpoint = endpoint;
    options.staticCredentials = keys;
    options.readOnly = false;
    options.maxRetries = 0;
    options.requestTimeout = 5s;
    return options;
}

MetricDataQuery query(const QString &id, const QString &metric, const QString &shardId,
                      int period, Statistic statistic)
{
    return MetricDataQuery{id, MetricKey{metric, u"orders"_s, shardId}, period, statistic};
}

struct RawAnswer
{
    int status = 0;
    QJsonObject body;
    QByteArray contentType;
};

// One unsigned (but well-formed) CloudWatch request to a server that does not verify.
RawAnswer post(const QUrl &url, const QString &operation, const QJsonObject &input,
               const QByteArray &contentType = "application/x-amz-json-1.0")
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setRawHeader("Content-Type", contentType);
    request.setRawHeader("X-Amz-Target", "GraniteServiceVersion20100801." + operation.toLatin1());
    request.setRawHeader("X-Amz-Date", "20231114T221320Z");
    request.setRawHeader("Authorization",
                         "AWS4-HMAC-SHA256 Credential=AKID/20231114/us-east-1/monitoring/"
                         "aws4_request, SignedHeaders=host;x-amz-date, Signature=00");
    QNetworkReply *reply = network.post(request, QJsonDocument(input).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(5000))
        return {};
    reply->deleteLater();
    return RawAnswer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                     QJsonDocument::fromJson(reply->readAll()).object(),
                     reply->header(QNetworkRequest::ContentTypeHeader).toByteArray()};
}

QJsonObject metricStat(const QString &id, const QString &metric, int period, const QString &stat,
                       const QString &shardId = {}, const QString &consumerName = {})
{
    QJsonArray dimensions{QJsonObject{{u"Name"_s, u"StreamName"_s}, {u"Value"_s, u"orders"_s}}};
    if (!shardId.isEmpty())
        dimensions.append(QJsonObject{{u"Name"_s, u"ShardId"_s}, {u"Value"_s, shardId}});
    if (!consumerName.isEmpty())
        dimensions.append(QJsonObject{{u"Name"_s, u"ConsumerName"_s}, {u"Value"_s, consumerName}});
    return QJsonObject{
        {u"Id"_s, id},
        {u"MetricStat"_s,
         QJsonObject{{u"Metric"_s, QJsonObject{{u"Namespace"_s, u"AWS/Kinesis"_s},
                                              {u"MetricName"_s, metric},
                                              {u"Dimensions"_s, dimensions}}},
                     {u"Period"_s, period},
                     {u"Stat"_s, stat}}}};
}

// An engine on a manual clock, served without signature checks.
struct PlainServer
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;
    std::unique_ptr<KinesisServer> server;
    QUrl url;

    bool start()
    {
        EngineOptions options;
        options.databasePath = dir.filePath(u"e.db"_s);
        options.clock = clock;
        options.createDelayMs = 0;
        auto opened = Engine::open(options);
        if (!opened)
            return false;
        engine = std::move(*opened);
        server = std::make_unique<KinesisServer>(*engine);
        KinesisServer::Options serverOptions;
        serverOptions.port = 0;
        auto started = server->start(serverOptions);
        if (!started)
            return false;
        url = *started;
        return true;
    }
};

} // namespace

class TestCloudWatchEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void getMetricDataThroughAwsBackend()
    {
        QTemporaryDir dir;
        auto clock = std::make_shared<ManualClock>(kStartMs);
        EngineOptions engineOptions;
        engineOptions.databasePath = dir.filePath(u"e.db"_s);
        engineOptions.clock = clock;
        engineOptions.createDelayMs = 0;
        auto emulator = LocalEmulator::open(engineOptions, EmulatorBackendOptions{});
        VERIFY_OK(emulator);
        EmulatorServeOptions serve;
        serve.port = 0;
        serve.requireAuth = true;
        serve.accessKeys.insert(kKeys.accessKeyId, kKeys);
        const auto url = (*emulator)->serve(serve);
        QVERIFY2(url, url ? "" : qPrintable(url.error()));

        CreateStreamRequest create;
        create.streamName = u"orders"_s;
        create.shardCount = 2;
        VERIFY_OK((*emulator)->engine().createStream(create));
        // Shard-level metrics need enhanced monitoring, as on AWS.
        EnhancedMonitoringRequest monitoring;
        monitoring.target = StreamTarget::byName(u"orders"_s);
        monitoring.shardLevelMetrics = {u"ALL"_s};
        VERIFY_OK((*emulator)->engine().enableEnhancedMonitoring(monitoring));

        AwsBackend aws(optionsFor(*url));
        QVERIFY(aws.hasMetrics());
        QCOMPARE(aws.cloudWatchEndpoint(), *url);
        PutRecordsRequest batch;
        batch.target = StreamTarget::byName(u"orders"_s);
        for (int i = 0; i < 5; ++i)
            batch.records.append(PutRecordsRequestEntry{QByteArray(10, 'x'), u"k"_s,
                                                        i < 3 ? u"0"_s : kMaxKey()});
        VERIFY_OK(await(aws.putRecords(batch)));
        clock->advanceMs(kMinuteMs);
        PutRecordRequest one;
        one.target = StreamTarget::byName(u"orders"_s);
        one.data = QByteArray(7, 'y');
        one.partitionKey = u"k"_s;
        one.explicitHashKey = u"0"_s;
        VERIFY_OK(await(aws.putRecord(one)));

        MetricDataRequest request;
        request.startMs = kStartMs;
        request.endMs = kStartMs + 5 * kMinuteMs;
        request.queries = {
            query(u"records"_s, MN::IncomingRecords, {}, 60, Statistic::Sum),
            query(u"bytes0"_s, MN::IncomingBytes, kShard0, 60, Statistic::Sum),
            query(u"total"_s, MN::PutRecordsTotalRecords, {}, 300, Statistic::Maximum),
            query(u"live"_s, MN::IncomingBytes, {}, 1, Statistic::SampleCount),
            query(u"nothing"_s, MN::OutgoingBytes, kShard1, 60, Statistic::Sum),
        };
        const auto answer = await(aws.getMetricData(request));
        VERIFY_OK(answer);
        QVERIFY(answer->shardLevelNeedsEnhancedMonitoring);
        QCOMPARE(answer->results.size(), 5);
        const MetricDataResult &records = answer->results[0];
        QCOMPARE(records.id, u"records"_s);
        QCOMPARE(records.label, MN::IncomingRecords);
        QCOMPARE(records.series.timestampsMs, (QList<qint64>{kStartMs, kStartMs + kMinuteMs}));
        QCOMPARE(records.series.values, (QList<double>{5, 1}));
        QCOMPARE(answer->results[1].series.values, (QList<double>{30, 7}));
        QCOMPARE(answer->results[2].series.values, QList<double>{5});
        QCOMPARE(answer->results[3].series.values, (QList<double>{1, 1}));
        QVERIFY(answer->results[4].series.values.isEmpty());

        // The same request of the EmulatorBackend, straight from the engine: the same series.
        StreamBackend *local = (*emulator)->backend();
        QVERIFY(local->hasMetrics());
        const auto direct = await(local->getMetricData(request));
        VERIFY_OK(direct);
        QVERIFY(!direct->shardLevelNeedsEnhancedMonitoring);
        for (qsizetype i = 0; i < direct->results.size(); ++i) {
            QCOMPARE(direct->results[i].id, answer->results[i].id);
            QCOMPARE(direct->results[i].series.timestampsMs,
                     answer->results[i].series.timestampsMs);
            QCOMPARE(direct->results[i].series.values, answer->results[i].series.values);
        }

        // Signatures are checked for `monitoring` as for `kinesis`.
        AwsBackend wrong(optionsFor(*url, AwsCredentials{kKeys.accessKeyId, u"nope"_s, {}}));
        VERIFY_ERROR(await(wrong.getMetricData(request)), ErrorType::InvalidSignature);

        // Bad input comes back as CloudWatch's error type.
        request.queries[0].periodSeconds = 45;
        const auto refused = await(aws.getMetricData(request));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.startsWith(u"InvalidParameterValueException: "_s),
                 qPrintable(refused.error().message));
        QVERIFY(refused.error().message.contains(u"MetricDataQueries.member.1"_s));
    }

    // AwsBackend::shardUsage: CloudWatch's shard-level metrics of the newest complete minute,
    // per second, and "needs enhanced monitoring" while the stream has them off.
    void shardUsageThroughAwsBackend()
    {
        QTemporaryDir dir;
        // The server refuses signatures more than 15 minutes off the real time, so the engine's
        // clock starts at the real time's minute and the test moves it on by a few minutes only.
        const qint64 startMs = QDateTime::currentMSecsSinceEpoch() / kMinuteMs * kMinuteMs;
        auto clock = std::make_shared<ManualClock>(startMs);
        EngineOptions engineOptions;
        engineOptions.databasePath = dir.filePath(u"e.db"_s);
        engineOptions.clock = clock;
        engineOptions.createDelayMs = 0;
        engineOptions.updateDelayMs = 0;
        auto emulator = LocalEmulator::open(engineOptions, EmulatorBackendOptions{});
        VERIFY_OK(emulator);
        EmulatorServeOptions serve;
        serve.port = 0;
        serve.requireAuth = true;
        serve.accessKeys.insert(kKeys.accessKeyId, kKeys);
        const auto url = (*emulator)->serve(serve);
        QVERIFY2(url, url ? "" : qPrintable(url.error()));
        Engine &engine = (*emulator)->engine();
        CreateStreamRequest create;
        create.streamName = u"orders"_s;
        create.shardCount = 2;
        VERIFY_OK(engine.createStream(create));

        // The backend's clock is the server's, so "the last complete minute" is the engine's.
        AwsBackendOptions options = optionsFor(*url);
        options.clock = [clock] { return QDateTime::fromMSecsSinceEpoch(clock->nowMs(), Qt::UTC); };
        AwsBackend aws(options);
        QVERIFY(aws.hasShardUsage());
        const StreamTarget orders = StreamTarget::byName(u"orders"_s);
        const auto putToShard0 = [&](int count, int size) {
            PutRecordsRequest batch;
            batch.target = orders;
            for (int i = 0; i < count; ++i)
                batch.records.append(PutRecordsRequestEntry{QByteArray(size, 'x'), u"k"_s, u"0"_s});
            return await(aws.putRecords(batch));
        };

        // Without enhanced monitoring: the shards and their limits, but no figures.
        VERIFY_OK(putToShard0(60, 10));
        clock->advanceMs(kMinuteMs);
        auto usage = await(aws.shardUsage(orders));
        VERIFY_OK(usage);
        QCOMPARE(usage->size(), 2);
        QCOMPARE(usage->at(0).shardId, kShard0);
        QCOMPARE(usage->at(1).shardId, kShard1);
        for (const ShardUsage &shard : *usage) {
            QVERIFY(shard.needsEnhancedMonitoring);
            QVERIFY(!shard.writeFraction());
            QVERIFY(!shard.readFraction());
            QVERIFY(shard.enforced);
            QCOMPARE(shard.windowMs, kMinuteMs);
            QCOMPARE(shard.limits, ShardUsage::Limits{});
        }

        // With it: 600 records of 10 bytes in one minute are 10 records/s and 100 bytes/s.
        EnhancedMonitoringRequest monitoring;
        monitoring.target = orders;
        monitoring.shardLevelMetrics = {u"ALL"_s};
        VERIFY_OK(engine.enableEnhancedMonitoring(monitoring));
        clock->advanceMs(1000);    // early in the minute after the first puts
        engine.runHousekeeping(); // settles UPDATING
        VERIFY_OK(putToShard0(500, 10));
        clock->advanceMs(20'000);
        VERIFY_OK(putToShard0(100, 10));
        GetShardIteratorRequest at;
        at.target = orders;
        at.shardId = kShard0;
        at.shardIteratorType = ShardIteratorType::Latest;
        const auto iterator = await(aws.getShardIterator(at));
        VERIFY_OK(iterator);
        VERIFY_OK(putToShard0(1, 1200)); // one record more, read back below
        GetRecordsRequest get;
        get.shardIterator = iterator->shardIterator;
        const auto page = await(aws.getRecords(get));
        VERIFY_OK(page);
        QCOMPARE(page->records.size(), 1);
        // Still inside the minute: the last complete one had no points, so the one before is
        // taken, which the stream had no shard-level metrics for yet.
        usage = await(aws.shardUsage(orders));
        VERIFY_OK(usage);
        QVERIFY(!usage->at(0).needsEnhancedMonitoring);
        QCOMPARE(usage->at(0).writeRecordsPerSecond, 0.0);

        clock->advanceMs(kMinuteMs);
        usage = await(aws.shardUsage(StreamTarget::byArn(engine.streamArn(u"orders"_s))));
        VERIFY_OK(usage);
        QCOMPARE(usage->size(), 2);
        const ShardUsage &shard0 = usage->at(0);
        QVERIFY(!shard0.needsEnhancedMonitoring);
        QCOMPARE(shard0.writeRecordsPerSecond, 601.0 / 60);
        QCOMPARE(shard0.writeBytesPerSecond, (600.0 * 10 + 1200) / 60);
        QCOMPARE(shard0.readBytesPerSecond, 1200.0 / 60);
        QVERIFY(!shard0.readCallsPerSecond); // not published per shard
        QCOMPARE(*shard0.readFraction(), 20.0 / (2 * 1024 * 1024));
        QCOMPARE(*shard0.writeFraction(), 601.0 / 60 / 1000);
        QCOMPARE(shard0.tightestWrite(), ShardUsage::Measure::Records);
        QCOMPARE(shard0.writesThrottledPerSecond, 0.0);
        QCOMPARE(usage->at(1).writeRecordsPerSecond, 0.0);
        QCOMPARE(hottestShard(*usage)->shardId, kShard0);

        // Nothing for two complete minutes: idle.
        clock->advanceMs(2 * kMinuteMs);
        usage = await(aws.shardUsage(orders));
        VERIFY_OK(usage);
        QCOMPARE(usage->at(0).writeRecordsPerSecond, 0.0);
        QCOMPARE(usage->at(0).readBytesPerSecond, 0.0);

        // Errors come back as errors: no such stream, wrong keys.
        VERIFY_ERROR(await(aws.shardUsage(StreamTarget::byName(u"missing"_s))),
                     ErrorType::ResourceNotFound);
        AwsBackend wrong(optionsFor(*url, AwsCredentials{kKeys.accessKeyId, u"nope"_s, {}}));
        VERIFY_ERROR(await(wrong.shardUsage(orders)), ErrorType::InvalidSignature);
    }

    void wireShapes()
    {
        PlainServer s;
        QVERIFY(s.start());
        CreateStreamRequest create;
        create.streamName = u"orders"_s;
        create.shardCount = 1;
        VERIFY_OK(s.engine->createStream(create));
        PutRecordRequest put;
        put.target = StreamTarget::byName(u"orders"_s);
        put.partitionKey = u"k"_s;
        put.data = "abc";
        VERIFY_OK(s.engine->putRecord(put));
        s.clock->advanceMs(2 * kMinuteMs);
        put.data = "abcdef";
        VERIFY_OK(s.engine->putRecord(put));

        const RawAnswer answer = post(
            s.url, u"GetMetricData"_s,
            QJsonObject{{u"MetricDataQueries"_s,
                         QJsonArray{metricStat(u"b"_s, MN::IncomingBytes, 60, u"Sum"_s),
                                    metricStat(u"a"_s, MN::PutRecordLatency, 60, u"SampleCount"_s)}},
                        {u"StartTime"_s, double(kStartMs) / 1000},
                        {u"EndTime"_s, double(kStartMs + 10 * kMinuteMs) / 1000}});
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.contentType, QByteArray("application/x-amz-json-1.0"));
        const QJsonArray results = answer.body.value(u"MetricDataResults"_s).toArray();
        QCOMPARE(results.size(), 2);
        const QJsonObject bytes = results[0].toObject();
        QCOMPARE(bytes.value(u"Id"_s).toString(), u"b"_s);
        QCOMPARE(bytes.value(u"Label"_s).toString(), MN::IncomingBytes);
        QCOMPARE(bytes.value(u"StatusCode"_s).toString(), u"Complete"_s);
        // Newest first, in epoch seconds, as CloudWatch answers by default.
        QCOMPARE(bytes.value(u"Timestamps"_s).toArray(),
                 (QJsonArray{double(kStartMs + 2 * kMinuteMs) / 1000, double(kStartMs) / 1000}));
        QCOMPARE(bytes.value(u"Values"_s).toArray(), (QJsonArray{6.0, 3.0}));
        QCOMPARE(results[1].toObject().value(u"Values"_s).toArray(), (QJsonArray{1.0, 1.0}));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QJsonObject>("input");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        const double start = double(kStartMs) / 1000;
        const double end = start + 600;
        const auto request = [&](const QJsonObject &query) {
            return QJsonObject{{u"MetricDataQueries"_s, QJsonArray{query}},
                               {u"StartTime"_s, start},
                               {u"EndTime"_s, end}};
        };
        QTest::newRow("no EndTime")
            << u"GetMetricData"_s
            << QJsonObject{{u"MetricDataQueries"_s, QJsonArray{}}, {u"StartTime"_s, start}} << 400
            << u"MissingRequiredParameterException"_s;
        QTest::newRow("no Stat")
            << u"GetMetricData"_s
            << request(QJsonObject{{u"Id"_s, u"a"_s}, {u"MetricStat"_s, QJsonObject{}}}) << 400
            << u"MissingRequiredParameterException"_s;
        QTest::newRow("period 45") << u"GetMetricData"_s
                                   << request(metricStat(u"a"_s, MN::IncomingBytes, 45, u"Sum"_s))
                                   << 400 << u"InvalidParameterValueException"_s;
        QTest::newRow("stat p99") << u"GetMetricData"_s
                                  << request(metricStat(u"a"_s, MN::IncomingBytes, 60, u"p99"_s))
                                  << 400 << u"InvalidParameterValueException"_s;
        QTest::newRow("id uppercase") << u"GetMetricData"_s
                                      << request(metricStat(u"A"_s, MN::IncomingBytes, 60, u"Sum"_s))
                                      << 400 << u"InvalidParameterValueException"_s;
        QJsonObject reversed = request(metricStat(u"a"_s, MN::IncomingBytes, 60, u"Sum"_s));
        reversed.insert(u"EndTime"_s, start);
        QTest::newRow("end before start") << u"GetMetricData"_s << reversed << 400
                                          << u"InvalidParameterValueException"_s;
        QTest::newRow("unknown operation") << u"PutMetricData"_s << QJsonObject() << 400
                                           << u"UnknownOperationException"_s;
        QTest::newRow("bad NextToken")
            << u"ListMetrics"_s << QJsonObject{{u"NextToken"_s, u"%%%"_s}} << 400
            << u"InvalidNextToken"_s;
    }

    void errors()
    {
        QFETCH(QString, operation);
        QFETCH(QJsonObject, input);
        QFETCH(int, status);
        QFETCH(QString, type);
        PlainServer s;
        QVERIFY(s.start());
        const RawAnswer answer = post(s.url, operation, input);
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.body.value(u"__type"_s).toString(), type);
        // A body that is not JSON 1.0 is refused before anything else.
        QCOMPARE(post(s.url, operation, input, "application/x-amz-json-1.1").status, 415);
    }

    void listMetricsFiltersAndPages()
    {
        PlainServer s;
        QVERIFY(s.start());
        // 600 series: 2 metrics × 300 streams, recorded straight into the registry.
        for (int i = 0; i < 300; ++i) {
            const QString stream = u"s%1"_s.arg(i, 3, 10, QChar(u'0'));
            s.engine->metrics().record(MetricKey{MN::IncomingBytes, stream, {}}, 1);
            s.engine->metrics().record(MetricKey{MN::IncomingBytes, stream, kShard0}, 1);
        }
        QSet<QString> seen;
        QString token;
        int pages = 0;
        do {
            QJsonObject input{{u"Namespace"_s, u"AWS/Kinesis"_s}};
            if (!token.isEmpty())
                input.insert(u"NextToken"_s, token);
            const RawAnswer answer = post(s.url, u"ListMetrics"_s, input);
            QCOMPARE(answer.status, 200);
            const QJsonArray metrics = answer.body.value(u"Metrics"_s).toArray();
            QCOMPARE(metrics.size(), pages == 0 ? 500 : 100);
            for (const QJsonValue &metric : metrics) {
                const QJsonObject object = metric.toObject();
                QCOMPARE(object.value(u"Namespace"_s).toString(), u"AWS/Kinesis"_s);
                seen.insert(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
            }
            token = answer.body.value(u"NextToken"_s).toString();
            ++pages;
        } while (!token.isEmpty() && pages < 5);
        QCOMPARE(pages, 2);
        QCOMPARE(seen.size(), 600);

        // Filters: a dimension by name and value, a dimension by name only, another namespace.
        const QJsonObject oneStream{
            {u"MetricName"_s, MN::IncomingBytes},
            {u"Dimensions"_s,
             QJsonArray{QJsonObject{{u"Name"_s, u"StreamName"_s}, {u"Value"_s, u"s007"_s}}}}};
        const QJsonArray both = post(s.url, u"ListMetrics"_s, oneStream)
                                    .body.value(u"Metrics"_s)
                                    .toArray();
        QCOMPARE(both.size(), 2); // stream level, and the shard with StreamName among its dimensions
        const QJsonObject shardsOnly{
            {u"Dimensions"_s, QJsonArray{QJsonObject{{u"Name"_s, u"ShardId"_s}}}}};
        QCOMPARE(post(s.url, u"ListMetrics"_s, shardsOnly).body.value(u"Metrics"_s).toArray().size(),
                 300);
        QVERIFY(post(s.url, u"ListMetrics"_s, QJsonObject{{u"Namespace"_s, u"AWS/EC2"_s}})
                    .body.value(u"Metrics"_s)
                    .toArray()
                    .isEmpty());
    }

    // SubscribeToShard's metrics, recorded by the engine for an in-process subscription, read
    // through the server: GetMetricData with StreamName and ConsumerName (by hand and through
    // AwsBackend), and ListMetrics listing and filtering the ConsumerName dimension.
    void enhancedFanOutMetrics()
    {
        PlainServer s;
        QVERIFY(s.start());
        CreateStreamRequest create;
        create.streamName = u"orders"_s;
        create.shardCount = 1;
        VERIFY_OK(s.engine->createStream(create));
        QString readerArn;
        for (const QString &name : {u"reader"_s, u"idle"_s}) {
            auto consumer = s.engine->registerStreamConsumer(
                RegisterStreamConsumerRequest{s.engine->streamArn(u"orders"_s), name, {}});
            VERIFY_OK(consumer);
            if (readerArn.isEmpty())
                readerArn = consumer->consumerArn;
        }
        PutRecordRequest put;
        put.target = StreamTarget::byName(u"orders"_s);
        put.partitionKey = u"k"_s;
        put.data = "abcd";
        VERIFY_OK(s.engine->putRecord(put));
        VERIFY_OK(s.engine->putRecord(put));
        SubscribeToShardRequest subscribe;
        subscribe.consumerArn = readerArn;
        subscribe.shardId = kShard0;
        subscribe.startingPosition = StartingPosition{ShardIteratorType::TrimHorizon, {}, {}};
        auto subscribed = s.engine->subscribeToShard(subscribe);
        VERIFY_OK(subscribed);
        const auto step = (*subscribed)->poll();
        QVERIFY(step.event);
        QCOMPARE(step.event->records.size(), qsizetype(2));
        VERIFY_ERROR(s.engine->subscribeToShard(subscribe), ErrorType::ResourceInUse);

        const double start = double(kStartMs) / 1000;
        const QJsonArray queries{
            metricStat(u"records"_s, MN::SubscribeToShardEventRecords, 60, u"Sum"_s, {},
                       u"reader"_s),
            metricStat(u"bytes"_s, MN::SubscribeToShardEventBytes, 60, u"Sum"_s, {}, u"reader"_s),
            metricStat(u"calls"_s, MN::SubscribeToShardSuccess, 60, u"SampleCount"_s, {},
                       u"reader"_s),
            metricStat(u"refused"_s, MN::SubscribeToShardRateExceeded, 60, u"Sum"_s, {},
                       u"reader"_s),
            metricStat(u"idle"_s, MN::SubscribeToShardSuccess, 60, u"Sum"_s, {}, u"idle"_s),
            // Kinesis has no series with both ShardId and ConsumerName: an empty answer.
            metricStat(u"both"_s, MN::SubscribeToShardEventRecords, 60, u"Sum"_s, kShard0,
                       u"reader"_s),
            // Without ConsumerName it is the stream level, which these metrics do not have.
            metricStat(u"stream"_s, MN::SubscribeToShardEventRecords, 60, u"Sum"_s),
        };
        const RawAnswer answer =
            post(s.url, u"GetMetricData"_s,
                 QJsonObject{{u"MetricDataQueries"_s, queries},
                             {u"StartTime"_s, start},
                             {u"EndTime"_s, start + 600}});
        QCOMPARE(answer.status, 200);
        const QJsonArray results = answer.body.value(u"MetricDataResults"_s).toArray();
        QCOMPARE(results.size(), queries.size());
        const auto values = [&results](int i) {
            return results[i].toObject().value(u"Values"_s).toArray();
        };
        QCOMPARE(values(0), QJsonArray{2.0});
        QCOMPARE(values(1), QJsonArray{8.0});
        QCOMPARE(values(2), QJsonArray{2.0});
        QCOMPARE(values(3), QJsonArray{1.0});
        QVERIFY(values(4).isEmpty());
        QVERIFY(values(5).isEmpty());
        QVERIFY(values(6).isEmpty());

        // The client side sends the dimension too.
        AwsBackend aws(optionsFor(s.url));
        MetricDataRequest request;
        request.startMs = kStartMs;
        request.endMs = kStartMs + 10 * kMinuteMs;
        request.queries = {MetricDataQuery{
            u"records"_s, MetricKey{MN::SubscribeToShardEventRecords, u"orders"_s, {}, u"reader"_s},
            60, Statistic::Sum}};
        const auto read = await(aws.getMetricData(request));
        VERIFY_OK(read);
        QCOMPARE(read->results.size(), 1);
        QCOMPARE(read->results[0].series.values, QList<double>{2});

        // ListMetrics: the six consumer-level metrics, with both dimensions.
        const auto list = [&s](const QJsonArray &dimensions) {
            return post(s.url, u"ListMetrics"_s, QJsonObject{{u"Dimensions"_s, dimensions}})
                .body.value(u"Metrics"_s)
                .toArray();
        };
        const QJsonArray consumers = list({QJsonObject{{u"Name"_s, u"ConsumerName"_s}}});
        QStringList names;
        for (const QJsonValue &metric : consumers) {
            names.append(metric.toObject().value(u"MetricName"_s).toString());
            QCOMPARE(metric.toObject().value(u"Dimensions"_s).toArray(),
                     (QJsonArray{QJsonObject{{u"Name"_s, u"StreamName"_s}, {u"Value"_s, u"orders"_s}},
                                 QJsonObject{{u"Name"_s, u"ConsumerName"_s},
                                             {u"Value"_s, u"reader"_s}}}));
        }
        QCOMPARE(names, MN::consumerLevelMetrics());
        QCOMPARE(list({QJsonObject{{u"Name"_s, u"ConsumerName"_s}, {u"Value"_s, u"reader"_s}}})
                     .size(),
                 6);
        QVERIFY(list({QJsonObject{{u"Name"_s, u"ConsumerName"_s}, {u"Value"_s, u"idle"_s}}})
                    .isEmpty());
        QVERIFY(list({QJsonObject{{u"Name"_s, u"ShardId"_s}},
                      QJsonObject{{u"Name"_s, u"ConsumerName"_s}}})
                    .isEmpty());
    }

private:
    static QString kMaxKey() { return u"340282366920938463463374607431768211455"_s; }
};

QTEST_GUILESS_MAIN(TestCloudWatchEndpoint)
#include "tst_cloudwatchendpoint.moc"
