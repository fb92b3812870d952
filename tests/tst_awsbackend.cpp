// AwsBackend against small local stand-ins (HttpServer with a scripted handler): retries with
// backoff on 5xx, throttling and network errors, each retry reported as its own call; clock
// skew corrected from the server's Date header; expired credentials resolved again once and
// then reported with advice; Kinesis error bodies mapped back to our Error; pagination by token;
// TLS with an extra CA; read-only refusal; AWS's 56-digit sequence numbers round-tripping.
// KMS keys through a KMS stand-in (TrentService targets signed for `kms`): ListKeys and
// ListAliases pages, bounded DescribeKey fan-out, keys a policy hides, CreateKey + CreateAlias,
// KMS error types, and an endpoint that speaks no KMS.
// The full operation set against real servers is tst_backendconformance.

#include "aws/awsconfig.h"
#include "aws/credentialsprovider.h"
#include "aws/sigv4.h"
#include "aws/ssoportalclient.h"
#include "awsstandin.h"
#include "backend/awsbackend.h"
#include "backend/futureutils.h"
#include "backendtesthelpers.h"
#include "engine/engine.h"
#include "expectedassert.h"
#include "kinesis/kms.h"
#include "protocol/wirecodec.h"
#include "server/httpserver.h"
#include "server/kinesisendpoint.h"
#include "server/kinesisserver.h"
#include "server/selfsignedcertificate.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>
#include <memory>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(shardscope::ErrorType)

namespace {

const AwsCredentials kKeys{u"AKIDTEST"_s, u"very-secret-key"_s, {}};
const QString kAwsSequence = u"49590338271490256608559692538361571095921575989136588898"_s;

HttpResponse json(int status, const QByteArray &body)
{
    return HttpResponse{status, "application/x-amz-json-1.1", body, {}, {}};
}

HttpResponse kinesisError(int status, const QByteArray &type, const QByteArray &message)
{
    return json(status, R"({"__type":")" + type + R"(","message":")" + message + R"("})");
}

// Every call the backend reports, in order.
struct CallLog
{
    QList<BackendCall> started;
    QList<BackendCall> finished;

    void attach(StreamBackend &backend)
    {
        QObject::connect(&backend, &StreamBackend::callStarted, &backend,
                         [this](const BackendCall &call) { started.append(call); });
        QObject::connect(&backend, &StreamBackend::callFinished, &backend,
                         [this](const BackendCall &call) { finished.append(call); });
    }
    QStringList startedOperations() const
    {
        QStringList names;
        for (const BackendCall &call : started)
            names.append(call.operation);
        return names;
    }
};

AwsBackendOptions optionsFor(const QUrl &endpoint)
{
    AwsBackendOptions options;
    options.displayName = u"stand-in"_s;
    options.endpoint = endpoint;
    options.staticCredentials = kKeys;
    options.readOnly = false;
    options.retryBaseDelay = 1ms;
    options.throttlingBaseDelay = 1ms;
    options.requestTimeout = 5s;
    return options;
}

const QByteArray kEmptyListStreams = R"({"StreamNames":[],"HasMoreStreams":false})";

// --- KMS stand-in pieces ---

const QString kKmsArnPrefix = u"arn:aws:kms:eu-west-1:111122223333:"_s;

HttpResponse jsonObject(int status, const QJsonObject &object)
{
    return json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject bodyOf(const HttpRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

// The operation of a KMS request ("ListKeys"), or empty when it was not addressed to KMS.
QString kmsOperation(const HttpRequest &request)
{
    const QByteArray target = targetOf(request);
    return target.startsWith("TrentService.") ? QString::fromLatin1(target.mid(13)) : QString();
}

int countKms(const QList<HttpRequest> &requests, const QString &operation)
{
    return static_cast<int>(std::count_if(requests.cbegin(), requests.cend(),
                                           [&operation](const HttpRequest &request) {
                                               return kmsOperation(request) == operation;
                                           }));
}

QJsonObject keyMetadata(const QString &keyId, const QString &description, const QString &state,
                        const QString &manager = u"CUSTOMER"_s,
                        const QString &usage = u"ENCRYPT_DECRYPT"_s,
                        const QString &spec = u"SYMMETRIC_DEFAULT"_s)
{
    QJsonObject metadata{{u"AWSAccountId"_s, u"111122223333"_s},
                         {u"KeyId"_s, keyId},
                         {u"Arn"_s, QString(kKmsArnPrefix + u"key/"_s + keyId)},
                         {u"CreationDate"_s, 1700000000.25},
                         {u"Enabled"_s, state == u"Enabled"},
                         {u"Description"_s, description},
                         {u"KeyUsage"_s, usage},
                         {u"KeyState"_s, state},
                         {u"Origin"_s, u"AWS_KMS"_s},
                         {u"KeyManager"_s, manager},
                         {u"KeySpec"_s, spec},
                         {u"CustomerMasterKeySpec"_s, spec}};
    if (state == u"PendingDeletion")
        metadata.insert(u"DeletionDate"_s, 1700600000.0);
    return metadata;
}

QJsonObject keyEntry(const QString &keyId)
{
    return QJsonObject{{u"KeyId"_s, keyId}, {u"KeyArn"_s, QString(kKmsArnPrefix + u"key/"_s + keyId)}};
}

QJsonObject aliasEntry(const QString &name, const QString &target)
{
    QJsonObject alias{{u"AliasName"_s, name}, {u"AliasArn"_s, QString(kKmsArnPrefix + name)}};
    if (!target.isEmpty())
        alias.insert(u"TargetKeyId"_s, target);
    return alias;
}

// KMS refuses with a JSON 1.1 error, as Kinesis does.
HttpResponse kmsError(int status, const QString &type, const QString &message)
{
    return jsonObject(status, QJsonObject{{u"__type"_s, type}, {u"message"_s, message}});
}

const KmsKeyInfo *findKey(const QList<KmsKeyInfo> &keys, const QString &keyId)
{
    for (const KmsKeyInfo &info : keys) {
        if (info.key.keyId == keyId)
            return &info;
    }
    return nullptr;
}

using KmsScript = std::function<HttpResponse(const QString &operation, const QJsonObject &body)>;

// Checks each request as KMS would (SigV4 for service `kms` in eu-west-1 over the exact bytes,
// JSON 1.1, a TrentService target), then answers from the script.
StandIn::Handler kmsHandler(KmsScript script)
{
    auto verifier = std::make_shared<SigV4Verifier>(
        [](const QString &id) -> std::optional<AwsCredentials> {
            if (id == kKeys.accessKeyId)
                return kKeys;
            return std::nullopt;
        },
        u"kms"_s, u"eu-west-1"_s);
    return [verifier, script = std::move(script)](const HttpRequest &request, int) {
        if (const auto verified = verifier->verify(signableRequest(request)); !verified)
            return json(400, WireCodec().encodeError(verified.error()));
        if (!request.header("authorization").contains("/eu-west-1/kms/aws4_request"))
            return kmsError(400, u"InvalidSignatureException"_s, u"not signed for kms"_s);
        if (request.header("content-type") != "application/x-amz-json-1.1")
            return kmsError(400, u"SerializationException"_s, u"bad content type"_s);
        const QString operation = kmsOperation(request);
        if (operation.isEmpty())
            return kmsError(400, u"UnknownOperationException"_s, QString());
        return script(operation, bodyOf(request));
    };
}

AwsBackendOptions kmsOptionsFor(const QUrl &endpoint)
{
    AwsBackendOptions options = optionsFor(endpoint);
    options.region = u"eu-west-1"_s;
    return options;
}

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestAwsBackend final : public QObject
{
    Q_OBJECT

private slots:
    void defaultEndpoint_data();
    void defaultEndpoint();
    void backoffDelay_data();
    void backoffDelay();
    void errorMapping_data();
    void errorMapping();

    void signsEveryRequest();
    void retriesServerErrors();
    void retriesThrottlingUntilExhausted_data();
    void retriesThrottlingUntilExhausted();
    void doesNotRetryClientErrors();
    void retriesNetworkErrors();
    void requestTimeout();
    void correctsClockSkewFromDateHeader();
    void retriesSkewOnlyOnce();
    void expiredSsoCredentialsResolvedAgainThenAdvised();
    void expiredStaticCredentialsAdvised();
    void missingCredentials();
    void readOnlyRefusesWithoutSending();
    void catalogAndRecordSignalsAfterOwnWrites();
    void paginationFollowsTokens();
    void listStreamsPagesByNameWithoutToken();
    void awsSequenceNumbersRoundTrip();
    void sequenceNumberOrderAcrossLayouts();
    void tlsWithExtraCaCertificate();
    void destroyedWhileInFlight();
    void unsupportedOperationsSayWhy();

    void kmsEndpoint_data();
    void kmsEndpoint();
    void listKmsKeysPagesAndDescribes();
    void listKmsKeysPredefinedKinesisAlias_data();
    void listKmsKeysPredefinedKinesisAlias();
    void listKmsKeysDeniedNeedsPermission();
    void createKmsKeyWithAlias();
    void createKmsKeyWithoutAlias();
    void createKmsKeyRefusals_data();
    void createKmsKeyRefusals();
    void createKmsKeyAliasTaken();
    void createKmsKeyAliasFailsAfterKey();
    void kmsErrors_data();
    void kmsErrors();
    void kmsNotOfferedByKinesisEndpoint();
    void kmsDestroyedWhileInFlight();
};

void TestAwsBackend::defaultEndpoint_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QUrl>("endpoint");
    QTest::newRow("us-east-1") << u"us-east-1"_s << QUrl(u"https://kinesis.us-east-1.amazonaws.com"_s);
    QTest::newRow("eu-west-1") << u"eu-west-1"_s << QUrl(u"https://kinesis.eu-west-1.amazonaws.com"_s);
    QTest::newRow("china") << u"cn-north-1"_s << QUrl(u"https://kinesis.cn-north-1.amazonaws.com.cn"_s);
}

void TestAwsBackend::defaultEndpoint()
{
    QFETCH(QString, region);
    QFETCH(QUrl, endpoint);
    QCOMPARE(AwsBackend::defaultEndpoint(region), endpoint);
    AwsBackendOptions options;
    options.region = region;
    options.staticCredentials = kKeys;
    const AwsBackend backend(options);
    QCOMPARE(backend.endpoint(), endpoint);
    QCOMPARE(backend.location(), endpoint.toString());
    QVERIFY(backend.isReadOnly()); // AWS connections start read-only
    QCOMPARE(backend.kind(), BackendKind::Aws);
    QVERIFY(!backend.hasShardStatistics());
}

void TestAwsBackend::backoffDelay_data()
{
    QTest::addColumn<int>("retry");
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("expectedMs");
    // base 100 ms, cap 2 s: the ceiling doubles per retry until the cap.
    QTest::newRow("first, top of range") << 0 << 0.999 << qint64(99);
    QTest::newRow("first, bottom") << 0 << 0.0 << qint64(0);
    QTest::newRow("third, middle") << 2 << 0.5 << qint64(200);
    QTest::newRow("fifth, top") << 4 << 0.999 << qint64(1598);
    QTest::newRow("capped") << 10 << 0.5 << qint64(1000);
    QTest::newRow("huge retry stays capped") << 1000 << 0.999 << qint64(1998);
}

void TestAwsBackend::backoffDelay()
{
    QFETCH(int, retry);
    QFETCH(double, random);
    QFETCH(qint64, expectedMs);
    QCOMPARE(AwsBackend::backoffDelay(retry, 100ms, 2000ms, random).count(), expectedMs);
}

void TestAwsBackend::errorMapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<ErrorType>("type");
    QTest::addColumn<QString>("message");

    QTest::newRow("namespaced type")
        << 400
        << QByteArray(R"({"__type":"com.amazonaws.kinesis.v20131202#ResourceNotFoundException","message":"Stream s under account 123456789012 not found."})")
        << QByteArray() << ErrorType::ResourceNotFound
        << u"Stream s under account 123456789012 not found."_s;
    QTest::newRow("Message with a capital M")
        << 400 << QByteArray(R"({"__type":"SerializationException","Message":"Unexpected token"})")
        << QByteArray() << ErrorType::Serialization << u"Unexpected token"_s;
    QTest::newRow("type only in the header")
        << 400 << QByteArray()
        << QByteArray("UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/")
        << ErrorType::UnrecognizedClient << QString();
    QTest::newRow("throughput")
        << 400
        << QByteArray(R"({"__type":"ProvisionedThroughputExceededException","message":"Rate exceeded for shard shardId-000000000000 in stream s under account 123456789012."})")
        << QByteArray() << ErrorType::ProvisionedThroughputExceeded
        << u"Rate exceeded for shard shardId-000000000000 in stream s under account 123456789012."_s;
    QTest::newRow("expired token keeps its name")
        << 400
        << QByteArray(R"({"__type":"ExpiredTokenException","message":"The security token included in the request is expired"})")
        << QByteArray() << ErrorType::UnrecognizedClient
        << u"ExpiredTokenException: The security token included in the request is expired"_s;
    QTest::newRow("throttling keeps its name")
        << 400 << QByteArray(R"({"__type":"ThrottlingException","message":"Rate exceeded"})")
        << QByteArray() << ErrorType::LimitExceeded << u"ThrottlingException: Rate exceeded"_s;
    QTest::newRow("unknown client error")
        << 400 << QByteArray(R"({"__type":"FooException","message":"m"})") << QByteArray()
        << ErrorType::InvalidArgument << u"FooException: m"_s;
    QTest::newRow("unknown server error")
        << 503 << QByteArray(R"({"__type":"ServiceUnavailable"})") << QByteArray()
        << ErrorType::InternalFailure << u"ServiceUnavailable"_s;
    QTest::newRow("html from a proxy")
        << 502 << QByteArray("<html><body>Bad Gateway</body></html>") << QByteArray()
        << ErrorType::InternalFailure
        << u"The endpoint answered HTTP 502: <html><body>Bad Gateway</body></html>"_s;
    QTest::newRow("nothing at all")
        << 500 << QByteArray() << QByteArray() << ErrorType::InternalFailure
        << u"The endpoint answered HTTP 500 without an error description."_s;
    QTest::newRow("kms not found keeps its name")
        << 400
        << QByteArray(R"({"__type":"NotFoundException","message":"Alias arn:aws:kms:us-east-1:111122223333:alias/x is not found."})")
        << QByteArray() << ErrorType::KmsNotFound
        << u"NotFoundException: Alias arn:aws:kms:us-east-1:111122223333:alias/x is not found."_s;
    QTest::newRow("kms already exists")
        << 400 << QByteArray(R"({"__type":"AlreadyExistsException","message":"taken"})")
        << QByteArray() << ErrorType::ResourceInUse << u"AlreadyExistsException: taken"_s;
    QTest::newRow("kms invalid state")
        << 400 << QByteArray(R"({"__type":"KMSInvalidStateException","message":"pending deletion"})")
        << QByteArray() << ErrorType::KmsInvalidState << u"pending deletion"_s;
}

void TestAwsBackend::errorMapping()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, header);
    QFETCH(ErrorType, type);
    QFETCH(QString, message);
    const Error error = AwsBackend::errorFromResponse(status, body, header);
    QCOMPARE(error.typeName(), typeNameOf(type));
    QCOMPARE(error.message, message);
}

// The stand-in checks each request as Kinesis would: SigV4 over the exact bytes sent, the JSON
// 1.1 content type and the operation in X-Amz-Target; a session token travels when present.
void TestAwsBackend::signsEveryRequest()
{
    const AwsCredentials temporary{u"ASIATEMP"_s, u"temp-secret"_s, u"the-session-token"_s};
    const SigV4Verifier verifier(
        [temporary](const QString &id) -> std::optional<AwsCredentials> {
            if (id == temporary.accessKeyId)
                return temporary;
            return std::nullopt;
        },
        u"kinesis"_s, u"eu-west-1"_s);
    StandIn standIn([&verifier](const HttpRequest &request, int) {
        const auto verified = verifier.verify(signableRequest(request));
        if (!verified)
            return json(400, WireCodec().encodeError(verified.error()));
        if (request.header("content-type") != "application/x-amz-json-1.1" ||
            request.header("x-amz-security-token") != "the-session-token")
            return kinesisError(400, "SerializationException", "bad headers");
        if (targetOf(request) == "Kinesis_20131202.DescribeLimits")
            return json(200, R"({"ShardLimit":7,"OpenShardCount":1,"OnDemandStreamCount":0,"OnDemandStreamCountLimit":50})");
        return json(200, kEmptyListStreams);
    });
    QVERIFY(standIn.isListening());
    AwsBackendOptions options = optionsFor(standIn.url());
    options.region = u"eu-west-1"_s;
    options.staticCredentials = temporary;
    AwsBackend backend(options);
    CallLog log;
    log.attach(backend);

    const auto streams = await(backend.listStreams({}));
    VERIFY_OK(streams);
    const auto limits = await(backend.describeLimits());
    VERIFY_OK(limits);
    QCOMPARE(limits->shardLimit, 7);
    QCOMPARE(standIn.count(), 2);
    QCOMPARE(standIn.requestsWithTarget("ListStreams").size(), 1);
    QCOMPARE(log.startedOperations(), QStringList({u"ListStreams"_s, u"DescribeLimits"_s}));
    // Nothing secret reaches the activity dock.
    for (const BackendCall &call : std::as_const(log.finished)) {
        QVERIFY(!call.error);
        QVERIFY(!call.operation.contains(u"secret"_s) && !call.target.contains(u"secret"_s));
    }
}

void TestAwsBackend::retriesServerErrors()
{
    StandIn standIn([](const HttpRequest &, int n) {
        if (n == 1)
            return kinesisError(500, "InternalFailureException", "try again");
        if (n == 2)
            return json(503, "<html>busy</html>");
        return json(200, kEmptyListStreams);
    });
    AwsBackend backend(optionsFor(standIn.url()));
    CallLog log;
    log.attach(backend);

    VERIFY_OK(await(backend.listStreams({})));
    QCOMPARE(standIn.count(), 3);
    QCOMPARE(log.startedOperations(),
             QStringList({u"ListStreams"_s, u"ListStreams (retry 1)"_s, u"ListStreams (retry 2)"_s}));
    QCOMPARE(log.finished.size(), 3);
    QVERIFY(log.finished[0].error && log.finished[0].error->message == u"try again"_s);
    QVERIFY(log.finished[1].error &&
            log.finished[1].error->message == u"The endpoint answered HTTP 503: <html>busy</html>"_s);
    QVERIFY(!log.finished[2].error);
    // Each attempt is its own entry in the activity dock.
    QVERIFY(log.finished[0].id != log.finished[1].id && log.finished[1].id != log.finished[2].id);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(log.finished[i].id, log.started[i].id);
}

void TestAwsBackend::retriesThrottlingUntilExhausted_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<ErrorType>("expected");
    QTest::newRow("throughput") << QByteArray("ProvisionedThroughputExceededException")
                                << ErrorType::ProvisionedThroughputExceeded;
    QTest::newRow("limit") << QByteArray("LimitExceededException") << ErrorType::LimitExceeded;
    QTest::newRow("throttling") << QByteArray("ThrottlingException") << ErrorType::LimitExceeded;
    QTest::newRow("kms throttling") << QByteArray("KMSThrottlingException")
                                    << ErrorType::KmsThrottling;
}

void TestAwsBackend::retriesThrottlingUntilExhausted()
{
    QFETCH(QByteArray, type);
    QFETCH(ErrorType, expected);
    StandIn standIn([type](const HttpRequest &, int) {
        return kinesisError(400, type, "Rate exceeded for stream s under account 123456789012.");
    });
    AwsBackendOptions options = optionsFor(standIn.url());
    options.maxRetries = 2;
    AwsBackend backend(options);
    CallLog log;
    log.attach(backend);

    const auto result = await(backend.describeStreamSummary(StreamTarget::byName(u"s"_s)));
    VERIFY_ERROR(result, expected);
    QVERIFY(result.error().message.endsWith(u"Rate exceeded for stream s under account 123456789012."_s));
    QCOMPARE(standIn.count(), 3);
    QCOMPARE(log.startedOperations(),
             QStringList({u"DescribeStreamSummary"_s, u"DescribeStreamSummary (retry 1)"_s,
                          u"DescribeStreamSummary (retry 2)"_s}));
    QCOMPARE(log.finished.size(), 3);
    for (const BackendCall &call : std::as_const(log.finished)) {
        QVERIFY(call.error.has_value());
        QCOMPARE(call.target, u"s"_s);
    }
}

void TestAwsBackend::doesNotRetryClientErrors()
{
    StandIn standIn([](const HttpRequest &, int) {
        return kinesisError(400, "ResourceNotFoundException",
                            "Stream s under account 123456789012 not found.");
    });
    AwsBackend backend(optionsFor(standIn.url()));
    CallLog log;
    log.attach(backend);
    COMPARE_ERROR(await(backend.describeStreamSummary(StreamTarget::byName(u"s"_s))),
                  ErrorType::ResourceNotFound, u"Stream s under account 123456789012 not found."_s);
    QCOMPARE(standIn.count(), 1);
    QCOMPARE(log.started.size(), 1);
    QCOMPARE(log.finished.size(), 1);
    QCOMPARE(log.finished[0].error->type, ErrorType::ResourceNotFound);
}

void TestAwsBackend::retriesNetworkErrors()
{
    AwsBackendOptions options =
        optionsFor(QUrl(u"http://127.0.0.1:"_s + QString::number(closedPort())));
    options.maxRetries = 2;
    AwsBackend backend(options);
    CallLog log;
    log.attach(backend);
    const auto result = await(backend.listStreams({}));
    VERIFY_ERROR(result, ErrorType::InternalFailure);
    QVERIFY2(result.error().message.startsWith(u"127.0.0.1 could not be reached: "_s),
             qPrintable(result.error().message));
    QCOMPARE(log.startedOperations(),
             QStringList({u"ListStreams"_s, u"ListStreams (retry 1)"_s, u"ListStreams (retry 2)"_s}));
}

void TestAwsBackend::requestTimeout()
{
    StandIn standIn([](const HttpRequest &, int) {
        QThread::msleep(1500);
        return json(200, kEmptyListStreams);
    });
    AwsBackendOptions options = optionsFor(standIn.url());
    options.requestTimeout = 200ms;
    options.maxRetries = 0;
    AwsBackend backend(options);
    QElapsedTimer timer;
    timer.start();
    COMPARE_ERROR(await(backend.listStreams({})), ErrorType::InternalFailure,
                  u"127.0.0.1 did not answer within 0.2 seconds."_s);
    QVERIFY2(timer.elapsed() < 1400, QByteArray::number(timer.elapsed()).constData());
}

// Our clock is an hour behind: the server refuses the signature as expired and says what time
// it is in its Date header; the backend moves its clock and the retry succeeds, as do later
// calls at the first try.
void TestAwsBackend::correctsClockSkewFromDateHeader()
{
    const SigV4Verifier verifier(
        [](const QString &id) -> std::optional<AwsCredentials> {
            if (id == kKeys.accessKeyId)
                return kKeys;
            return std::nullopt;
        },
        u"kinesis"_s, u"us-east-1"_s);
    StandIn standIn([&verifier](const HttpRequest &request, int) {
        const auto verified = verifier.verify(signableRequest(request));
        if (!verified)
            return json(400, WireCodec().encodeError(verified.error()));
        return json(200, kEmptyListStreams);
    });
    AwsBackendOptions options = optionsFor(standIn.url());
    options.clock = [] { return QDateTime::currentDateTimeUtc().addSecs(-3600); };
    AwsBackend backend(options);
    CallLog log;
    log.attach(backend);

    VERIFY_OK(await(backend.listStreams({})));
    QCOMPARE(standIn.count(), 2);
    QCOMPARE(log.startedOperations(), QStringList({u"ListStreams"_s, u"ListStreams (retry 1)"_s}));
    QVERIFY(log.finished[0].error.has_value());
    QCOMPARE(log.finished[0].error->type, ErrorType::InvalidSignature);
    QVERIFY(log.finished[0].error->message.startsWith(u"Signature expired: "_s));
    QVERIFY2(std::abs(backend.clockOffsetMs() - 3'600'000) < 3000,
             QByteArray::number(backend.clockOffsetMs()).constData());

    VERIFY_OK(await(backend.listStreams({})));
    QCOMPARE(standIn.count(), 3);
}

void TestAwsBackend::retriesSkewOnlyOnce()
{
    StandIn standIn([](const HttpRequest &, int) {
        return kinesisError(400, "InvalidSignatureException",
                            "Signature expired: 20240101T000000Z is now earlier than "
                            "20240101T001500Z (20240101T003000Z - 15 min.)");
    });
    AwsBackend backend(optionsFor(standIn.url()));
    const auto result = await(backend.listStreams({}));
    VERIFY_ERROR(result, ErrorType::InvalidSignature);
    QVERIFY(result.error().message.startsWith(u"Signature expired: 20240101T000000Z"_s));
    QVERIFY2(result.error().message.endsWith(
                 u"The clocks of this computer and 127.0.0.1 disagree; check the system time."_s),
             qPrintable(result.error().message));
    QCOMPARE(standIn.count(), 2);
}

// An SSO profile whose role credentials Kinesis calls expired: the backend drops them, the
// provider fetches new ones from the portal, and when Kinesis still refuses, the error says to
// sign in again with the profile's name.
void TestAwsBackend::expiredSsoCredentialsResolvedAgainThenAdvised()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    StandIn standIn([](const HttpRequest &request, int n) {
        if (request.method == "GET" && request.target.startsWith("/federation/credentials")) {
            const QJsonObject role{{u"accessKeyId"_s, u"ASIASSO%1"_s.arg(n)},
                                   {u"secretAccessKey"_s, u"sso-secret-%1"_s.arg(n)},
                                   {u"sessionToken"_s, u"sso-token-%1"_s.arg(n)},
                                   {u"expiration"_s, QDateTime::currentDateTimeUtc().addSecs(3600).toMSecsSinceEpoch()}};
            return HttpResponse{200, "application/json",
                                QJsonDocument(QJsonObject{{u"roleCredentials"_s, role}}).toJson(), {}, {}};
        }
        return kinesisError(400, "ExpiredTokenException",
                            "The security token included in the request is expired");
    });
    const QByteArray config = R"([profile dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = ReadOnly
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-2
)";
    AwsConfig awsConfig = AwsConfig::fromText(config, {});
    awsConfig.setSsoCacheDirectory(dir.filePath(u"sso-cache"_s));
    SsoSettings sso;
    sso.sessionName = u"corp"_s;
    sso.startUrl = u"https://corp.awsapps.com/start"_s;
    QVERIFY(QDir().mkpath(dir.filePath(u"sso-cache"_s)));
    QFile cache(SsoPortalClient::cacheFilePath(dir.filePath(u"sso-cache"_s), sso));
    QVERIFY(cache.open(QIODevice::WriteOnly));
    cache.write(QJsonDocument(QJsonObject{
                                  {u"startUrl"_s, sso.startUrl},
                                  {u"region"_s, u"us-east-2"_s},
                                  {u"accessToken"_s, u"cached-access-token"_s},
                                  {u"expiresAt"_s, QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate)}})
                    .toJson());
    cache.close();

    CredentialsProvider::Options providerOptions;
    providerOptions.profile = u"dev"_s;
    providerOptions.config = awsConfig;
    providerOptions.ssoPortalEndpoint = standIn.url();
    providerOptions.networkTimeout = 5s;
    CredentialsProvider provider(providerOptions);

    AwsBackendOptions options = optionsFor(standIn.url());
    options.staticCredentials.reset();
    options.credentialsProvider = &provider;
    AwsBackend backend(options);
    CallLog log;
    log.attach(backend);

    const auto result = await(backend.listStreams({}));
    VERIFY_ERROR(result, ErrorType::UnrecognizedClient);
    QCOMPARE(result.error().message,
             u"ExpiredTokenException: The security token included in the request is expired "
             "Run `aws sso login --profile dev`, then try again."_s);
    const QList<HttpRequest> requests = standIn.requests();
    QStringList kinds;
    for (const HttpRequest &request : requests)
        kinds.append(request.method == "GET" ? u"portal"_s : QString::fromLatin1(targetOf(request)));
    QCOMPARE(kinds, QStringList({u"portal"_s, u"Kinesis_20131202.ListStreams"_s, u"portal"_s,
                                 u"Kinesis_20131202.ListStreams"_s}));
    // The second Kinesis request was signed with the new credentials.
    QVERIFY(requests[1].header("x-amz-security-token") == "sso-token-1");
    QVERIFY(requests[3].header("x-amz-security-token") == "sso-token-3");
    QCOMPARE(log.startedOperations(), QStringList({u"ListStreams"_s, u"ListStreams (retry 1)"_s}));
    for (const BackendCall &call : std::as_const(log.finished)) {
        QVERIFY(call.error.has_value());
        QVERIFY(!call.error->message.contains(u"sso-secret"_s));
        QVERIFY(!call.error->message.contains(u"sso-token"_s));
    }
}

void TestAwsBackend::expiredStaticCredentialsAdvised()
{
    StandIn standIn([](const HttpRequest &, int) {
        return kinesisError(400, "ExpiredTokenException",
                            "The security token included in the request is expired");
    });
    AwsBackend backend(optionsFor(standIn.url()));
    COMPARE_ERROR(await(backend.listStreams({})), ErrorType::UnrecognizedClient,
                  u"ExpiredTokenException: The security token included in the request is expired "
                  "The credentials of stand-in have expired: enter new ones."_s);
    QCOMPARE(standIn.count(), 1); // nothing could give newer keys
}

void TestAwsBackend::missingCredentials()
{
    StandIn standIn([](const HttpRequest &, int) { return json(200, kEmptyListStreams); });
    AwsBackendOptions options = optionsFor(standIn.url());
    options.staticCredentials.reset();
    AwsBackend backend(options);
    CallLog log;
    log.attach(backend);
    COMPARE_ERROR(await(backend.listStreams({})), ErrorType::MissingAuthenticationToken,
                  u"The connection stand-in has no credentials: pick a profile or enter access keys."_s);
    QCOMPARE(standIn.count(), 0);
    QCOMPARE(log.finished.size(), 1);
}

void TestAwsBackend::readOnlyRefusesWithoutSending()
{
    StandIn standIn([](const HttpRequest &, int) { return json(200, kEmptyListStreams); });
    AwsBackendOptions options = optionsFor(standIn.url());
    options.readOnly = true;
    AwsBackend backend(options);
    CallLog log;
    log.attach(backend);
    QSignalSpy catalog(&backend, &StreamBackend::catalogChanged);

    COMPARE_ERROR(await(backend.createStream(CreateStreamRequest{u"s"_s, 1, {}, {}, {}})),
                  ErrorType::AccessDenied, u"The connection stand-in is read-only."_s);
    PutRecordRequest put;
    put.target = StreamTarget::byName(u"s"_s);
    put.data = "x";
    put.partitionKey = u"k"_s;
    VERIFY_ERROR(await(backend.putRecord(put)), ErrorType::AccessDenied);
    VERIFY_ERROR(await(backend.deleteStream(DeleteStreamRequest{StreamTarget::byName(u"s"_s), false})),
                 ErrorType::AccessDenied);
    QCOMPARE(standIn.count(), 0);
    VERIFY_OK(await(backend.listStreams({})));
    QCOMPARE(standIn.count(), 1);
    QCOMPARE(log.startedOperations(),
             QStringList({u"CreateStream"_s, u"PutRecord"_s, u"DeleteStream"_s, u"ListStreams"_s}));
    QCOMPARE(log.finished[0].error->type, ErrorType::AccessDenied);
    QCOMPARE(catalog.count(), 0);
}

void TestAwsBackend::catalogAndRecordSignalsAfterOwnWrites()
{
    StandIn standIn([](const HttpRequest &request, int) {
        const QByteArray target = targetOf(request);
        if (target.endsWith(".CreateStream"))
            return json(200, {});
        if (target.endsWith(".PutRecord"))
            return json(200, R"({"ShardId":"shardId-000000000001","SequenceNumber":")" +
                                 kAwsSequence.toLatin1() + R"("})");
        if (target.endsWith(".PutRecords"))
            return json(200, R"({"FailedRecordCount":1,"Records":[)"
                             R"({"ShardId":"shardId-000000000000","SequenceNumber":"49590338271490256608559692538361571095921575989136588898"},)"
                             R"({"ShardId":"shardId-000000000000","SequenceNumber":"49590338271490256608559692538361571095921575989136588899"},)"
                             R"({"ErrorCode":"ProvisionedThroughputExceededException","ErrorMessage":"Rate exceeded"}]})");
        return kinesisError(400, "ResourceNotFoundException", "Stream gone under account 1 not found.");
    });
    AwsBackend backend(optionsFor(standIn.url()));
    QSignalSpy catalog(&backend, &StreamBackend::catalogChanged);
    QList<QStringList> appended;
    connect(&backend, &StreamBackend::recordsAppended, this,
            [&appended](const QString &stream, const QString &shard, const QString &last, int count) {
                appended.append({stream, shard, last, QString::number(count)});
            });

    VERIFY_OK(await(backend.createStream(CreateStreamRequest{u"s"_s, 1, {}, {}, {}})));
    QTRY_COMPARE(catalog.count(), 1);
    VERIFY_ERROR(await(backend.deleteStream(DeleteStreamRequest{StreamTarget::byName(u"gone"_s), false})),
                 ErrorType::ResourceNotFound);

    PutRecordRequest put;
    put.target = StreamTarget::byArn(u"arn:aws:kinesis:us-east-1:123456789012:stream/orders"_s);
    put.data = "x";
    put.partitionKey = u"k"_s;
    const auto written = await(backend.putRecord(put));
    VERIFY_OK(written);
    QCOMPARE(written->sequenceNumber.toString(), kAwsSequence);
    PutRecordsRequest batch;
    batch.target = StreamTarget::byName(u"orders"_s);
    for (int i = 0; i < 3; ++i)
        batch.records.append(PutRecordsRequestEntry{"x", u"k"_s, {}});
    const auto batchResult = await(backend.putRecords(batch));
    VERIFY_OK(batchResult);
    QCOMPARE(batchResult->failedRecordCount, 1);
    QTRY_COMPARE(appended.size(), 2);
    QCOMPARE(appended[0], QStringList({u"orders"_s, u"shardId-000000000001"_s, kAwsSequence, u"1"_s}));
    QCOMPARE(appended[1], QStringList({u"orders"_s, u"shardId-000000000000"_s,
                                       u"49590338271490256608559692538361571095921575989136588899"_s,
                                       u"2"_s}));
    QTest::qWait(20);
    QCOMPARE(catalog.count(), 1); // failures and appends do not change the catalog
}

void TestAwsBackend::paginationFollowsTokens()
{
    StandIn standIn([](const HttpRequest &request, int) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        auto shard = [](int i) {
            return u"{\"ShardId\":\"shardId-00000000000%1\",\"HashKeyRange\":{\"StartingHashKey\":\"%1\",\"EndingHashKey\":\"%1\"},"
                   "\"SequenceNumberRange\":{\"StartingSequenceNumber\":\"%2\"}}"_s
                .arg(i)
                .arg(u"4959033827149025660855969253836157109592157598913658889"_s + QString::number(i));
        };
        if (!body.contains(u"NextToken"_s))
            return json(200, (u"{\"Shards\":["_s + shard(0) + u','+ shard(1) + u"],\"NextToken\":\"page-2\"}"_s).toUtf8());
        if (body.value(u"NextToken"_s).toString() == u"page-2" && !body.contains(u"StreamName"_s))
            return json(200, (u"{\"Shards\":["_s + shard(2) + u"],\"NextToken\":\"page-3\"}"_s).toUtf8());
        if (body.value(u"NextToken"_s).toString() == u"page-3" && !body.contains(u"StreamName"_s))
            return json(200, (u"{\"Shards\":["_s + shard(3) + u"]}"_s).toUtf8());
        return kinesisError(400, "InvalidArgumentException", "bad page request");
    });
    AwsBackend backend(optionsFor(standIn.url()));
    CallLog log;
    log.attach(backend);
    const auto shards = await(backend.listAllShards(StreamTarget::byName(u"s"_s)));
    VERIFY_OK(shards);
    QCOMPARE(shards->size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(shards->at(i).shardId, u"shardId-00000000000"_s + QString::number(i));
        QVERIFY(shards->at(i).startingSequenceNumber.isForeign());
    }
    QCOMPARE(standIn.count(), 3);
    const QJsonObject first = QJsonDocument::fromJson(standIn.requests()[0].body).object();
    QCOMPARE(first.value(u"StreamName"_s).toString(), u"s"_s);
    QCOMPARE(first.value(u"MaxResults"_s).toInt(), 1000);
    // One call per page, each naming the stream.
    QCOMPARE(log.startedOperations(), QStringList({u"ListShards"_s, u"ListShards"_s, u"ListShards"_s}));
    for (const BackendCall &call : std::as_const(log.started))
        QCOMPARE(call.target, u"s"_s);
}

void TestAwsBackend::listStreamsPagesByNameWithoutToken()
{
    StandIn standIn([](const HttpRequest &request, int) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QString after = body.value(u"ExclusiveStartStreamName"_s).toString();
        if (after.isEmpty())
            return json(200, R"({"StreamNames":["a","b"],"HasMoreStreams":true})");
        if (after == u"b")
            return json(200, R"({"StreamNames":["c"],"HasMoreStreams":false})");
        return kinesisError(400, "InvalidArgumentException", "bad page request");
    });
    AwsBackend backend(optionsFor(standIn.url()));
    const auto streams = await(backend.listAllStreams());
    VERIFY_OK(streams);
    QStringList names;
    for (const StreamSummary &summary : *streams)
        names.append(summary.streamName);
    QCOMPARE(names, QStringList({u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(standIn.count(), 2);
}

void TestAwsBackend::awsSequenceNumbersRoundTrip()
{
    const QString second = u"49590338271490256608559692538361571095921575989136588899"_s;
    StandIn standIn([second](const HttpRequest &request, int) {
        const QByteArray target = targetOf(request);
        if (target.endsWith(".GetShardIterator")) {
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            if (body.value(u"StartingSequenceNumber"_s).toString() != kAwsSequence)
                return kinesisError(400, "InvalidArgumentException", "sequence number mangled");
            return json(200, R"({"ShardIterator":"AAAA"})");
        }
        return json(200, (u"{\"Records\":[{\"SequenceNumber\":\"%1\",\"ApproximateArrivalTimestamp\":1.7e9,"
                          "\"Data\":\"eA==\",\"PartitionKey\":\"k\"},{\"SequenceNumber\":\"%2\","
                          "\"ApproximateArrivalTimestamp\":1700000000.5,\"Data\":\"eQ==\",\"PartitionKey\":\"k\"}],"
                          "\"NextShardIterator\":\"BBBB\",\"MillisBehindLatest\":0}"_s)
                             .arg(kAwsSequence, second)
                             .toUtf8());
    });
    AwsBackend backend(optionsFor(standIn.url()));
    GetShardIteratorRequest iteratorRequest;
    iteratorRequest.target = StreamTarget::byName(u"s"_s);
    iteratorRequest.shardId = u"shardId-000000000000"_s;
    iteratorRequest.shardIteratorType = ShardIteratorType::AtSequenceNumber;
    iteratorRequest.startingSequenceNumber = kAwsSequence;
    const auto iterator = await(backend.getShardIterator(iteratorRequest));
    VERIFY_OK(iterator);
    GetRecordsRequest get;
    get.shardIterator = iterator->shardIterator;
    const auto records = await(backend.getRecords(get));
    VERIFY_OK(records);
    QCOMPARE(records->records.size(), 2);
    QCOMPARE(records->records[0].sequenceNumber.toString(), kAwsSequence);
    QCOMPARE(records->records[1].sequenceNumber.toString(), second);
    QVERIFY(records->records[0].sequenceNumber < records->records[1].sequenceNumber);
    QCOMPARE(records->records[0].data, QByteArray("x"));
    QCOMPARE(records->records[1].approximateArrivalTimestamp, qint64(1'700'000'000'500));
}

void TestAwsBackend::sequenceNumberOrderAcrossLayouts()
{
    // Ours parse into the fast layout; others keep their text, and order stays numeric.
    const SequenceNumber ours{SequenceNumber::counterAt(1'700'000'000'000), 3};
    const auto parsedOurs = SequenceNumber::fromWire(ours.toString());
    QVERIFY(parsedOurs && !parsedOurs->isForeign());
    QCOMPARE(*parsedOurs, ours);
    QCOMPARE(parsedOurs->shardIndex, quint32(3));

    const auto aws = SequenceNumber::fromWire(kAwsSequence);
    QVERIFY(aws && aws->isForeign());
    QCOMPARE(aws->toString(), kAwsSequence);
    QCOMPARE(aws->counter, qint64(0));
    const auto small = SequenceNumber::fromWire(u"7"_s);
    QVERIFY(small && small->isForeign());
    QVERIFY(*small < ours);
    QVERIFY(ours < *aws);
    QVERIFY(*small < *aws);
    QCOMPARE(*SequenceNumber::fromWire(kAwsSequence), *aws);
    QVERIFY(!(*aws < *aws));
    QVERIFY(!SequenceNumber::fromWire(u"0123"_s));
    QVERIFY(!SequenceNumber::fromWire(u"12a"_s));
    QVERIFY(!SequenceNumber::fromWire(QString()));
    // The engine's parser still refuses what it did not issue.
    QVERIFY(!SequenceNumber::parse(kAwsSequence));
}

// `shardscope --serve --tls` style: our KinesisServer with a self-signed certificate. Trusted
// through caCertificateFile the backend talks https; without it the handshake fails, and that
// is not retried.
void TestAwsBackend::tlsWithExtraCaCertificate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EngineOptions engineOptions;
    engineOptions.createDelayMs = 0;
    auto engine = Engine::open(engineOptions);
    VERIFY_OK(engine);
    const auto certificate =
        SelfSignedCertificate::generate(SelfSignedCertificate::optionsFor(QHostAddress::LocalHost));
    VERIFY_OK(certificate);
    KinesisServer server(**engine);
    KinesisServer::Options serverOptions;
    serverOptions.port = 0;
    serverOptions.tlsCertificatePem = certificate->certificatePem();
    serverOptions.tlsPrivateKeyPem = certificate->privateKeyPem();
    const auto url = server.start(serverOptions);
    QVERIFY2(url.has_value(), url ? "" : qPrintable(url.error()));
    QCOMPARE(url->scheme(), u"https"_s);
    const QString caFile = dir.filePath(u"ca.pem"_s);
    QFile file(caFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(certificate->certificatePem());
    file.close();

    AwsBackendOptions trusting = optionsFor(*url);
    trusting.caCertificateFile = caFile;
    AwsBackend trusted(trusting);
    VERIFY_OK(await(trusted.createStream(CreateStreamRequest{u"tls"_s, 1, {}, {}, {}})));
    const auto streams = await(trusted.listStreams({}));
    VERIFY_OK(streams);
    QCOMPARE(streams->streamNames, QStringList{u"tls"_s});

    AwsBackend untrusted(optionsFor(*url));
    CallLog log;
    log.attach(untrusted);
    const auto refused = await(untrusted.listStreams({}));
    VERIFY_ERROR(refused, ErrorType::InternalFailure);
    QVERIFY2(refused.error().message.startsWith(u"127.0.0.1 could not be reached: "_s),
             qPrintable(refused.error().message));
    QCOMPARE(log.started.size(), 1);

    AwsBackendOptions missing = optionsFor(*url);
    missing.caCertificateFile = dir.filePath(u"nothing.pem"_s);
    AwsBackend broken(missing);
    COMPARE_ERROR(await(broken.listStreams({})), ErrorType::InvalidArgument,
                  u"No PEM certificate could be read from "_s + missing.caCertificateFile + u'.');
}

void TestAwsBackend::destroyedWhileInFlight()
{
    StandIn standIn([](const HttpRequest &, int) {
        QThread::msleep(300);
        return json(200, kEmptyListStreams);
    });
    auto backend = std::make_unique<AwsBackend>(optionsFor(standIn.url()));
    const auto future = backend->listStreams({});
    const auto paged = backend->listAllStreams();
    QTRY_COMPARE(standIn.count(), 2);
    backend.reset();
    QVERIFY(future.isFinished());
    QCOMPARE(future.resultCount(), 1);
    COMPARE_ERROR(future.result(), ErrorType::InternalFailure,
                  u"The connection stand-in was closed."_s);
    // Paging helpers end with an error too, never as a cancelled future.
    QVERIFY(paged.isFinished());
    QVERIFY(!paged.isCanceled());
    QCOMPARE(paged.resultCount(), 1);
    COMPARE_ERROR(paged.result(), ErrorType::InternalFailure, u"The connection was closed."_s);
}

void TestAwsBackend::unsupportedOperationsSayWhy()
{
    AwsBackendOptions options;
    options.staticCredentials = kKeys;
    options.displayName = u"prod"_s;
    AwsBackend backend(options);
    CallLog log;
    log.attach(backend);
    COMPARE_ERROR(await(backend.shardStatistics(u"s"_s)), ErrorType::UnknownOperation,
                  u"Kinesis does not report how many records a shard holds, so prod cannot show "
                  "shard statistics."_s);
    COMPARE_ERROR(await(backend.retentionImpact(u"s"_s, 24)), ErrorType::UnknownOperation,
                  u"The records a shorter retention period would drop cannot be counted on prod: "
                  "Kinesis does not report record counts."_s);
    QCOMPARE(log.finished.size(), 2);
}

// --- KMS ---------------------------------------------------------------------------------------

void TestAwsBackend::kmsEndpoint_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QUrl>("custom");
    QTest::addColumn<QUrl>("expected");
    QTest::newRow("us-east-1") << u"us-east-1"_s << QUrl()
                               << QUrl(u"https://kms.us-east-1.amazonaws.com"_s);
    QTest::newRow("china") << u"cn-northwest-1"_s << QUrl()
                           << QUrl(u"https://kms.cn-northwest-1.amazonaws.com.cn"_s);
    // LocalStack serves every service on one port: KMS goes where Kinesis goes.
    QTest::newRow("custom endpoint") << u"eu-west-1"_s << QUrl(u"http://localhost:4566"_s)
                                     << QUrl(u"http://localhost:4566"_s);
}

void TestAwsBackend::kmsEndpoint()
{
    QFETCH(QString, region);
    QFETCH(QUrl, custom);
    QFETCH(QUrl, expected);
    if (custom.isEmpty())
        QCOMPARE(AwsBackend::defaultKmsEndpoint(region), expected);
    AwsBackendOptions options;
    options.region = region;
    options.endpoint = custom;
    options.staticCredentials = kKeys;
    const AwsBackend backend(options);
    QCOMPARE(backend.kmsEndpoint(), expected);
}

// Two pages of keys and two of aliases; one key's policy hides it from DescribeKey, one is a
// signing key Kinesis cannot use. Every request is checked as KMS would check it.
void TestAwsBackend::listKmsKeysPagesAndDescribes()
{
    const QString orders = u"11111111-aaaa-4000-8000-000000000001"_s;
    const QString managed = u"22222222-aaaa-4000-8000-000000000002"_s;
    const QString hidden = u"33333333-aaaa-4000-8000-000000000003"_s;
    const QString disabled = u"44444444-aaaa-4000-8000-000000000004"_s;
    const QString signing = u"55555555-aaaa-4000-8000-000000000005"_s;
    const QString doomed = u"66666666-aaaa-4000-8000-000000000006"_s;
    const QString deniedMessage =
        u"User: arn:aws:iam::111122223333:user/viewer is not authorized to perform: "
        "kms:DescribeKey on resource: "_s + kKmsArnPrefix + u"key/"_s + hidden;
    const QHash<QString, QJsonObject> metadata = {
        {orders, keyMetadata(orders, u"Orders stream key"_s, u"Enabled"_s)},
        {managed, keyMetadata(managed, u"Default key that protects my Kinesis data when no other key is defined"_s,
                              u"Enabled"_s, u"AWS"_s)},
        {disabled, keyMetadata(disabled, u"Old"_s, u"Disabled"_s)},
        {signing, keyMetadata(signing, u"Signs"_s, u"Enabled"_s, u"CUSTOMER"_s, u"SIGN_VERIFY"_s,
                              u"RSA_2048"_s)},
        {doomed, keyMetadata(doomed, u"Going away"_s, u"PendingDeletion"_s)},
    };
    StandIn standIn(kmsHandler([&](const QString &operation, const QJsonObject &body) {
        const QString marker = body.value(u"Marker"_s).toString();
        if (operation == u"ListKeys") {
            if (body.value(u"Limit"_s).toInt() != 1000)
                return kmsError(400, u"ValidationException"_s, u"unexpected limit"_s);
            if (marker.isEmpty()) {
                return jsonObject(200, QJsonObject{
                    {u"Keys"_s, QJsonArray{keyEntry(orders), keyEntry(managed), keyEntry(hidden),
                                           keyEntry(disabled), keyEntry(signing)}},
                    {u"NextMarker"_s, u"keys-2"_s},
                    {u"Truncated"_s, true}});
            }
            if (marker == u"keys-2")
                return jsonObject(200, QJsonObject{{u"Keys"_s, QJsonArray{keyEntry(doomed)}},
                                                   {u"Truncated"_s, false}});
            return kmsError(400, u"InvalidMarkerException"_s, u"bad marker"_s);
        }
        if (operation == u"ListAliases") {
            if (marker.isEmpty()) {
                return jsonObject(200, QJsonObject{
                    {u"Aliases"_s, QJsonArray{aliasEntry(u"alias/orders"_s, orders),
                                              aliasEntry(u"alias/aws/kinesis"_s, managed),
                                              aliasEntry(u"alias/aws/dynamodb"_s, {})}},
                    {u"NextMarker"_s, u"aliases-2"_s},
                    {u"Truncated"_s, true}});
            }
            if (marker == u"aliases-2") {
                return jsonObject(200, QJsonObject{
                    {u"Aliases"_s, QJsonArray{aliasEntry(u"alias/orders-old"_s, orders),
                                              aliasEntry(u"alias/hidden"_s, hidden)}},
                    {u"Truncated"_s, false}});
            }
            return kmsError(400, u"InvalidMarkerException"_s, u"bad marker"_s);
        }
        if (operation == u"DescribeKey") {
            QThread::msleep(20); // long enough for the fan-out to fill up
            const QString keyId = body.value(u"KeyId"_s).toString();
            if (keyId == hidden)
                return kmsError(400, u"AccessDeniedException"_s, deniedMessage);
            if (metadata.contains(keyId))
                return jsonObject(200, QJsonObject{{u"KeyMetadata"_s, metadata.value(keyId)}});
            return kmsError(400, u"NotFoundException"_s, u"Key '"_s + keyId + u"' does not exist"_s);
        }
        return kmsError(400, u"UnknownOperationException"_s, QString());
    }));
    QVERIFY(standIn.isListening());
    AwsBackend backend(kmsOptionsFor(standIn.url()));
    CallLog log;
    log.attach(backend);
    int describing = 0;
    int mostDescribing = 0;
    connect(&backend, &StreamBackend::callStarted, this, [&](const BackendCall &call) {
        if (call.operation == u"kms:DescribeKey")
            mostDescribing = std::max(mostDescribing, ++describing);
    });
    connect(&backend, &StreamBackend::callFinished, this, [&](const BackendCall &call) {
        if (call.operation == u"kms:DescribeKey")
            --describing;
    });

    const auto keys = await(backend.listKmsKeys());
    VERIFY_OK(keys);
    QStringList ids;
    for (const KmsKeyInfo &info : *keys)
        ids.append(info.key.keyId);
    // ListKeys order; the signing key is left out, and no stand-in for alias/aws/kinesis is
    // needed since a key carries it.
    QCOMPARE(ids, QStringList({orders, managed, hidden, disabled, doomed}));

    const KmsKeyInfo *info = findKey(*keys, orders);
    QCOMPARE(info->aliases, QStringList({u"alias/orders"_s, u"alias/orders-old"_s}));
    QCOMPARE(info->key.arn, kKmsArnPrefix + u"key/"_s + orders);
    QCOMPARE(info->key.description, u"Orders stream key"_s);
    QCOMPARE(info->key.state, KmsKeyState::Enabled);
    QVERIFY(!info->key.awsManaged);
    QCOMPARE(info->key.creationDateMs, qint64(1'700'000'000'250));
    QVERIFY(!info->key.deletionDateMs);

    info = findKey(*keys, managed);
    QCOMPARE(info->aliases, QStringList{kDefaultKmsAlias});
    QVERIFY(info->key.awsManaged);
    QCOMPARE(info->key.state, KmsKeyState::Enabled);

    // Hidden by its key policy: kept, with what ListKeys and ListAliases told.
    info = findKey(*keys, hidden);
    QCOMPARE(info->key.arn, kKmsArnPrefix + u"key/"_s + hidden);
    QCOMPARE(info->aliases, QStringList{u"alias/hidden"_s});
    QVERIFY(info->key.description.isEmpty());
    QCOMPARE(info->key.state, KmsKeyState::Enabled);
    QVERIFY(!info->key.awsManaged);

    info = findKey(*keys, disabled);
    QCOMPARE(info->key.state, KmsKeyState::Disabled);
    QVERIFY(info->aliases.isEmpty());
    info = findKey(*keys, doomed);
    QCOMPARE(info->key.state, KmsKeyState::PendingDeletion);
    QCOMPARE(info->key.deletionDateMs.value_or(0), qint64(1'700'600'000'000));

    const QList<HttpRequest> requests = standIn.requests();
    QCOMPARE(countKms(requests, u"ListKeys"_s), 2);
    QCOMPARE(countKms(requests, u"ListAliases"_s), 2);
    QCOMPARE(countKms(requests, u"DescribeKey"_s), 6);
    QCOMPARE(requests.size(), 10);
    // At most four DescribeKey calls at once, and the fan-out does use them.
    QCOMPARE(mostDescribing, 4);
    QCOMPARE(describing, 0);

    // One activity entry per request, named for the KMS permission it needs.
    QCOMPARE(log.started.size(), 10);
    QCOMPARE(log.finished.size(), 10);
    QCOMPARE(log.startedOperations().count(u"kms:ListKeys"_s), 2);
    QCOMPARE(log.startedOperations().count(u"kms:ListAliases"_s), 2);
    QCOMPARE(log.startedOperations().count(u"kms:DescribeKey"_s), 6);
    int failed = 0;
    for (const BackendCall &call : std::as_const(log.finished)) {
        if (!call.error)
            continue;
        ++failed;
        QCOMPARE(call.target, hidden);
        QCOMPARE(call.error->type, ErrorType::AccessDenied);
        QVERIFY(call.error->message.startsWith(deniedMessage));
    }
    QCOMPARE(failed, 1);
}

void TestAwsBackend::listKmsKeysPredefinedKinesisAlias_data()
{
    QTest::addColumn<bool>("withKey");
    QTest::addColumn<bool>("withAlias");
    QTest::addColumn<QString>("expectedArn");
    const QString aliasArn = kKmsArnPrefix + u"alias/aws/kinesis"_s;
    // AWS lists predefined aliases it has not bound to a key yet without a TargetKeyId.
    QTest::newRow("alias not bound yet") << true << true << aliasArn;
    // Some endpoints (LocalStack) have no predefined aliases: the ARN comes from a key's.
    QTest::newRow("alias not listed") << true << false << aliasArn;
    QTest::newRow("empty account") << false << false << QString();
}

// Kinesis creates the key behind alias/aws/kinesis on first use; until then streams can still
// be encrypted with the alias, so the list offers it.
void TestAwsBackend::listKmsKeysPredefinedKinesisAlias()
{
    QFETCH(bool, withKey);
    QFETCH(bool, withAlias);
    QFETCH(QString, expectedArn);
    const QString own = u"77777777-aaaa-4000-8000-000000000007"_s;
    StandIn standIn(kmsHandler([&](const QString &operation, const QJsonObject &) {
        if (operation == u"ListKeys")
            return jsonObject(200, QJsonObject{{u"Keys"_s, withKey ? QJsonArray{keyEntry(own)} : QJsonArray{}},
                                               {u"Truncated"_s, false}});
        if (operation == u"ListAliases") {
            return jsonObject(200, QJsonObject{{u"Aliases"_s, withAlias ? QJsonArray{aliasEntry(u"alias/aws/kinesis"_s, {})}
                                                                        : QJsonArray{}},
                                               {u"Truncated"_s, false}});
        }
        if (operation == u"DescribeKey")
            return jsonObject(200, QJsonObject{{u"KeyMetadata"_s, keyMetadata(own, u"Mine"_s, u"Enabled"_s)}});
        return kmsError(400, u"UnknownOperationException"_s, QString());
    }));
    AwsBackend backend(kmsOptionsFor(standIn.url()));
    const auto keys = await(backend.listKmsKeys());
    VERIFY_OK(keys);
    QCOMPARE(keys->size(), withKey ? 2 : 1);
    if (withKey)
        QCOMPARE(keys->first().key.keyId, own);
    const KmsKeyInfo &predefined = keys->last();
    QCOMPARE(predefined.aliases, QStringList{kDefaultKmsAlias});
    QVERIFY(predefined.key.keyId.isEmpty());
    QCOMPARE(predefined.key.arn, expectedArn);
    QVERIFY(predefined.key.awsManaged);
    QCOMPARE(predefined.key.state, KmsKeyState::Enabled);
    QVERIFY(!predefined.key.description.isEmpty());
    QCOMPARE(countKms(standIn.requests(), u"DescribeKey"_s), withKey ? 1 : 0);
}

void TestAwsBackend::listKmsKeysDeniedNeedsPermission()
{
    const QString denied =
        u"User: arn:aws:iam::111122223333:user/viewer is not authorized to perform: kms:ListKeys "
        "on resource: * because no identity-based policy allows the kms:ListKeys action"_s;
    StandIn standIn(kmsHandler([&](const QString &operation, const QJsonObject &) {
        if (operation == u"ListKeys")
            return kmsError(400, u"AccessDeniedException"_s, denied);
        if (operation == u"ListAliases")
            return jsonObject(200, QJsonObject{{u"Aliases"_s, QJsonArray{}}, {u"Truncated"_s, false}});
        return kmsError(400, u"UnknownOperationException"_s, QString());
    }));
    AwsBackend backend(kmsOptionsFor(standIn.url()));
    CallLog log;
    log.attach(backend);
    COMPARE_ERROR(await(backend.listKmsKeys()), ErrorType::AccessDenied,
                  denied + u" The credentials of stand-in need the IAM permission kms:ListKeys."_s);
    QCOMPARE(countKms(standIn.requests(), u"ListKeys"_s), 1); // a refusal is not retried
    QCOMPARE(countKms(standIn.requests(), u"DescribeKey"_s), 0);
    QTRY_COMPARE(log.finished.size(), 2);
}

void TestAwsBackend::createKmsKeyWithAlias()
{
    const QString created = u"88888888-aaaa-4000-8000-000000000008"_s;
    StandIn standIn(kmsHandler([&](const QString &operation, const QJsonObject &body) {
        if (operation == u"DescribeKey") {
            if (body.value(u"KeyId"_s).toString() != u"alias/orders")
                return kmsError(400, u"ValidationException"_s, u"unexpected key id"_s);
            return kmsError(400, u"NotFoundException"_s,
                            u"Alias "_s + kKmsArnPrefix + u"alias/orders is not found."_s);
        }
        if (operation == u"CreateKey") {
            if (body != QJsonObject{{u"Description"_s, u"Orders stream key"_s},
                                    {u"KeySpec"_s, u"SYMMETRIC_DEFAULT"_s},
                                    {u"KeyUsage"_s, u"ENCRYPT_DECRYPT"_s}})
                return kmsError(400, u"ValidationException"_s, u"unexpected CreateKey body"_s);
            return jsonObject(200, QJsonObject{{u"KeyMetadata"_s,
                                                keyMetadata(created, u"Orders stream key"_s, u"Enabled"_s)}});
        }
        if (operation == u"CreateAlias") {
            if (body != QJsonObject{{u"AliasName"_s, u"alias/orders"_s}, {u"TargetKeyId"_s, created}})
                return kmsError(400, u"ValidationException"_s, u"unexpected CreateAlias body"_s);
            return json(200, {}); // CreateAlias answers with an empty body
        }
        return kmsError(400, u"UnknownOperationException"_s, QString());
    }));
    AwsBackend backend(kmsOptionsFor(standIn.url()));
    CallLog log;
    log.attach(backend);
    QSignalSpy catalog(&backend, &StreamBackend::catalogChanged);

    const auto info = await(backend.createKmsKey(u"Orders stream key"_s, u"alias/orders"_s));
    VERIFY_OK(info);
    QCOMPARE(info->key.keyId, created);
    QCOMPARE(info->key.arn, kKmsArnPrefix + u"key/"_s + created);
    QCOMPARE(info->key.description, u"Orders stream key"_s);
    QCOMPARE(info->key.state, KmsKeyState::Enabled);
    QVERIFY(!info->key.awsManaged);
    QCOMPARE(info->aliases, QStringList{u"alias/orders"_s});

    QStringList operations;
    for (const HttpRequest &request : standIn.requests())
        operations.append(kmsOperation(request));
    // The alias is looked up first, so a taken name leaves no key behind.
    QCOMPARE(operations, QStringList({u"DescribeKey"_s, u"CreateKey"_s, u"CreateAlias"_s}));
    QTRY_COMPARE(log.finished.size(), 3);
    QCOMPARE(log.startedOperations(),
             QStringList({u"kms:DescribeKey"_s, u"kms:CreateKey"_s, u"kms:CreateAlias"_s}));
    for (const BackendCall &call : std::as_const(log.started))
        QCOMPARE(call.target, u"alias/orders"_s);
    QCOMPARE(log.finished[0].error.value_or(Error{}).type, ErrorType::KmsNotFound);
    QVERIFY(!log.finished[1].error && !log.finished[2].error);
    QTest::qWait(20);
    QCOMPARE(catalog.count(), 0); // keys are not streams
}

void TestAwsBackend::createKmsKeyWithoutAlias()
{
    const QString created = u"99999999-aaaa-4000-8000-000000000009"_s;
    StandIn standIn(kmsHandler([&](const QString &operation, const QJsonObject &body) {
        if (operation == u"CreateKey" && !body.contains(u"Description"_s))
            return jsonObject(200, QJsonObject{{u"KeyMetadata"_s, keyMetadata(created, {}, u"Enabled"_s)}});
        return kmsError(400, u"ValidationException"_s, u"unexpected "_s + operation);
    }));
    AwsBackend backend(kmsOptionsFor(standIn.url()));
    const auto info = await(backend.createKmsKey({}, {}));
    VERIFY_OK(info);
    QCOMPARE(info->key.keyId, created);
    QVERIFY(info->aliases.isEmpty());
    QCOMPARE(standIn.count(), 1);
}

void TestAwsBackend::createKmsKeyRefusals_data()
{
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<QString>("alias");
    QTest::addColumn<ErrorType>("type");
    QTest::addColumn<QString>("message");
    QTest::newRow("read-only") << true << u"alias/orders"_s << ErrorType::AccessDenied
                               << u"The connection stand-in is read-only."_s;
    for (const QString &alias : {u"orders"_s, u"alias/aws/mine"_s, u"alias/has space"_s, u"alias/"_s}) {
        QTest::newRow(qPrintable(alias)) << false << alias << ErrorType::InvalidArgument
                                         << kmsAliasNameProblem(alias).value_or(Error{}).message;
    }
}

// Refused before any request: a read-only connection, and alias names KMS would refuse (after
// the key was made).
void TestAwsBackend::createKmsKeyRefusals()
{
    QFETCH(bool, readOnly);
    QFETCH(QString, alias);
    QFETCH(ErrorType, type);
    QFETCH(QString, message);
    QVERIFY(!message.isEmpty());
    StandIn standIn(kmsHandler([](const QString &, const QJsonObject &) {
        return kmsError(500, u"KMSInternalException"_s, u"should not be asked"_s);
    }));
    AwsBackendOptions options = kmsOptionsFor(standIn.url());
    options.readOnly = readOnly;
    AwsBackend backend(options);
    CallLog log;
    log.attach(backend);
    COMPARE_ERROR(await(backend.createKmsKey(u"d"_s, alias)), type, message);
    QCOMPARE(standIn.count(), 0);
    QCOMPARE(log.startedOperations(), QStringList{u"kms:CreateKey"_s});
    QCOMPARE(log.finished.size(), 1);
    QCOMPARE(log.finished[0].error.value_or(Error{}).type, type);
}

void TestAwsBackend::createKmsKeyAliasTaken()
{
    const QString existing = u"aaaaaaaa-aaaa-4000-8000-00000000000a"_s;
    StandIn standIn(kmsHandler([&](const QString &operation, const QJsonObject &) {
        if (operation == u"DescribeKey")
            return jsonObject(200, QJsonObject{{u"KeyMetadata"_s, keyMetadata(existing, u"x"_s, u"Enabled"_s)}});
        return kmsError(400, u"ValidationException"_s, u"unexpected "_s + operation);
    }));
    AwsBackend backend(kmsOptionsFor(standIn.url()));
    COMPARE_ERROR(await(backend.createKmsKey(u"d"_s, u"alias/orders"_s)), ErrorType::ResourceInUse,
                  u"An alias with the name "_s + kKmsArnPrefix + u"alias/orders already exists."_s);
    QCOMPARE(standIn.count(), 1);
    QCOMPARE(countKms(standIn.requests(), u"CreateKey"_s), 0);
}

void TestAwsBackend::createKmsKeyAliasFailsAfterKey()
{
    const QString created = u"bbbbbbbb-aaaa-4000-8000-00000000000b"_s;
    const QString taken = u"An alias with the name "_s + kKmsArnPrefix + u"alias/orders already exists"_s;
    StandIn standIn(kmsHandler([&](const QString &operation, const QJsonObject &) {
        if (operation == u"DescribeKey")
            return kmsError(400, u"NotFoundException"_s, u"not found"_s);
        if (operation == u"CreateKey")
            return jsonObject(200, QJsonObject{{u"KeyMetadata"_s, keyMetadata(created, u"d"_s, u"Enabled"_s)}});
        // Someone else took the name meanwhile.
        return kmsError(400, u"AlreadyExistsException"_s, taken);
    }));
    AwsBackend backend(kmsOptionsFor(standIn.url()));
    COMPARE_ERROR(await(backend.createKmsKey(u"d"_s, u"alias/orders"_s)), ErrorType::ResourceInUse,
                  u"AlreadyExistsException: "_s + taken + u" The key "_s + created +
                      u" was created, but not its alias."_s);
    QCOMPARE(standIn.count(), 3);
}

void TestAwsBackend::kmsErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("wireType");
    QTest::addColumn<QString>("wireMessage");
    QTest::addColumn<ErrorType>("type");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("requests");
    // KMS's LimitExceededException is a quota (keys per account): waiting does not help.
    QTest::newRow("quota, not a rate")
        << 400 << u"LimitExceededException"_s << u"Too many keys"_s << ErrorType::LimitExceeded
        << u"Too many keys"_s << 1;
    QTest::newRow("throttling retried")
        << 400 << u"ThrottlingException"_s << u"Rate exceeded"_s << ErrorType::LimitExceeded
        << u"ThrottlingException: Rate exceeded"_s << 3;
    QTest::newRow("dependency timeout retried")
        << 503 << u"DependencyTimeoutException"_s << u"slow"_s << ErrorType::InternalFailure
        << u"DependencyTimeoutException: slow"_s << 3;
    QTest::newRow("internal retried")
        << 500 << u"KMSInternalException"_s << u"oops"_s << ErrorType::InternalFailure
        << u"KMSInternalException: oops"_s << 3;
    QTest::newRow("denied, with the permission to ask for")
        << 400 << u"AccessDeniedException"_s << u"not authorized"_s << ErrorType::AccessDenied
        << u"not authorized The credentials of stand-in need the IAM permission kms:CreateKey."_s
        << 1;
    QTest::newRow("expired credentials")
        << 400 << u"ExpiredTokenException"_s
        << u"The security token included in the request is expired"_s
        << ErrorType::UnrecognizedClient
        << u"ExpiredTokenException: The security token included in the request is expired "
           "The credentials of stand-in have expired: enter new ones."_s
        << 1;
}

// KMS error types through the shared retry and advice machinery.
void TestAwsBackend::kmsErrors()
{
    QFETCH(int, status);
    QFETCH(QString, wireType);
    QFETCH(QString, wireMessage);
    QFETCH(ErrorType, type);
    QFETCH(QString, message);
    QFETCH(int, requests);
    StandIn standIn(kmsHandler([&](const QString &, const QJsonObject &) {
        return kmsError(status, wireType, wireMessage);
    }));
    AwsBackendOptions options = kmsOptionsFor(standIn.url());
    options.maxRetries = 2;
    AwsBackend backend(options);
    CallLog log;
    log.attach(backend);
    COMPARE_ERROR(await(backend.createKmsKey(u"d"_s, {})), type, message);
    QCOMPARE(standIn.count(), requests);
    QStringList expected{u"kms:CreateKey"_s};
    for (int retry = 1; retry < requests; ++retry)
        expected.append(u"kms:CreateKey (retry %1)"_s.arg(retry));
    QCOMPARE(log.startedOperations(), expected);
}

// Our own --serve endpoint (like kinesalite) speaks Kinesis only: KMS calls get a clear
// UnknownOperation, and Kinesis calls keep working.
void TestAwsBackend::kmsNotOfferedByKinesisEndpoint()
{
    EngineOptions engineOptions;
    engineOptions.createDelayMs = 0;
    auto engine = Engine::open(engineOptions);
    VERIFY_OK(engine);
    KinesisServer server(**engine);
    KinesisServer::Options serverOptions;
    serverOptions.port = 0;
    const auto url = server.start(serverOptions);
    QVERIFY2(url.has_value(), url ? "" : qPrintable(url.error()));
    AwsBackend backend(optionsFor(*url));
    QCOMPARE(backend.kmsEndpoint(), *url);
    const QString advice = u" is unknown there): enter the key's ARN or alias instead."_s;
    COMPARE_ERROR(await(backend.listKmsKeys()), ErrorType::UnknownOperation,
                  url->toString() + u" does not offer AWS KMS (TrentService.ListKeys"_s + advice);
    COMPARE_ERROR(await(backend.createKmsKey(u"d"_s, u"alias/x"_s)), ErrorType::UnknownOperation,
                  url->toString() + u" does not offer AWS KMS (TrentService.DescribeKey"_s + advice);
    COMPARE_ERROR(await(backend.createKmsKey(u"d"_s, {})), ErrorType::UnknownOperation,
                  url->toString() + u" does not offer AWS KMS (TrentService.CreateKey"_s + advice);
    VERIFY_OK(await(backend.listStreams({})));
}

void TestAwsBackend::kmsDestroyedWhileInFlight()
{
    StandIn standIn(kmsHandler([](const QString &, const QJsonObject &) {
        QThread::msleep(300);
        return jsonObject(200, QJsonObject{{u"Truncated"_s, false}});
    }));
    auto backend = std::make_unique<AwsBackend>(kmsOptionsFor(standIn.url()));
    const auto listing = backend->listKmsKeys();
    const auto creating = backend->createKmsKey(u"d"_s, {});
    QTRY_COMPARE(standIn.count(), 3);
    backend.reset();
    // Ended with an error, never as a cancelled future.
    QVERIFY(listing.isFinished());
    QVERIFY(!listing.isCanceled());
    QCOMPARE(listing.resultCount(), 1);
    COMPARE_ERROR(listing.result(), ErrorType::InternalFailure, u"The connection was closed."_s);
    QVERIFY(creating.isFinished());
    QVERIFY(!creating.isCanceled());
    QCOMPARE(creating.resultCount(), 1);
    COMPARE_ERROR(creating.result(), ErrorType::InternalFailure, u"The connection was closed."_s);
}

QTEST_GUILESS_MAIN(TestAwsBackend)
#include "tst_awsbackend.moc"
