// DynamoDbClient against dynalite: tables, items, paging, conditions, errors, signatures. And
// against stand-ins answering as DynamoDB does: clock skew corrected from the Date header (once),
// expired credentials resolved again (once).

#include "aws/dynamodbclient.h"
#include "aws/awshttp.h"
#include "aws/credentialsprovider.h"
#include "aws/sigv4.h"
#include "awsstandin.h"
#include "dynalitehelper.h"
#include "server/kinesisendpoint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

QJsonObject s(const QString &value) { return QJsonObject{{u"S"_s, value}}; }
QJsonObject n(qint64 value) { return QJsonObject{{u"N"_s, QString::number(value)}}; }
QJsonObject key(const QString &value) { return QJsonObject{{u"leaseKey"_s, s(value)}}; }

const AwsCredentials kKeys{u"AKIDTEST"_s, u"very-secret-key"_s, {}};

// An error as DynamoDB sends it (JSON 1.0, the type with its namespace).
HttpResponse dynamoError(int status, const QByteArray &type, const QByteArray &message)
{
    return HttpResponse{status, "application/x-amz-json-1.0",
                        R"({"__type":"com.amazon.coral.service#)" + type + R"(","message":")" + message + R"("})",
                        {}, {}};
}

HttpResponse describedTable()
{
    return HttpResponse{200, "application/x-amz-json-1.0",
                        R"({"Table":{"TableName":"app","TableStatus":"ACTIVE"}})", {}, {}};
}

QByteArray accessKeyOf(const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    const qsizetype from = authorization.indexOf("Credential=") + 11;
    return authorization.mid(from, authorization.indexOf('/', from) - from);
}

} // namespace

class TestDynamoDbClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createDescribeAndListTables();
    void putGetAndMissingItem();
    void scanFollowsLimitPages();
    void scanFollowsMegabytePages();
    void conditionalWritesFailDistinguishably();
    void updateReturnsNewItemAndDeleteIsConditional();
    void unknownTableIsNamed();
    void unreachableEndpointIsClear();
    void signatureIsSigV4ForDynamoDb();
    void missingCredentialsAreAnError();
    void errorsMapToKinesisTypes();
    void correctsClockSkewFromDateHeader();
    void retriesSkewOnlyOnce();
    void expiredCredentialsAreResolvedAgain();

private:
    Dynalite m_dynalite;
    std::unique_ptr<DynamoDbClient> m_client;
};

void TestDynamoDbClient::init()
{
    QString why;
    QVERIFY2(m_dynalite.start(&why), qPrintable(why));
    m_client = m_dynalite.makeClient();
}

void TestDynamoDbClient::cleanup()
{
    m_client.reset();
    m_dynalite.stop();
}

void TestDynamoDbClient::createDescribeAndListTables()
{
    const auto missing = awaitFuture(m_client->describeTable(u"app"_s));
    QVERIFY(missing.has_value());
    QVERIFY(!missing->has_value());

    const auto created = awaitFuture(m_client->createTable(u"app"_s, u"leaseKey"_s));
    QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().message));
    QCOMPARE(created->value("TableName"_L1).toString(), u"app"_s);
    QCOMPARE(created->value("KeySchema"_L1).toArray().at(0).toObject().value("AttributeName"_L1)
                 .toString(),
             u"leaseKey"_s);

    const auto again = awaitFuture(m_client->createTable(u"app"_s, u"leaseKey"_s));
    QVERIFY(!again.has_value());
    QCOMPARE(again.error().type, u"ResourceInUseException"_s);

    const auto described = awaitFuture(m_client->describeTable(u"app"_s));
    QVERIFY(described.has_value() && described->has_value());
    QCOMPARE((*described)->value("TableStatus"_L1).toString(), u"ACTIVE"_s);

    QVERIFY(createActiveTable(*m_client, u"app-WorkerMetricStats"_s, u"wid"_s));
    const auto tables = awaitFuture(m_client->listTables());
    QVERIFY(tables.has_value());
    QCOMPARE(*tables, (QStringList{u"app"_s, u"app-WorkerMetricStats"_s}));
}

void TestDynamoDbClient::putGetAndMissingItem()
{
    QVERIFY(createActiveTable(*m_client, u"app"_s, u"leaseKey"_s));
    const QJsonObject item{{u"leaseKey"_s, s(u"shardId-000000000000"_s)},
                           {u"leaseCounter"_s, n(7)},
                           {u"parentShardId"_s, QJsonObject{{u"SS"_s, QJsonArray{u"a"_s, u"b"_s}}}}};
    const auto put = awaitFuture(m_client->putItem(u"app"_s, item));
    QVERIFY2(put.has_value(), qPrintable(put ? QString() : put.error().message));

    const auto got = awaitFuture(m_client->getItem(u"app"_s, key(u"shardId-000000000000"_s)));
    QVERIFY(got.has_value() && got->has_value());
    QCOMPARE((*got)->value("leaseCounter"_L1).toObject(), n(7));
    const QJsonArray parents = (*got)->value("parentShardId"_L1).toObject().value("SS"_L1).toArray();
    QCOMPARE(parents.size(), 2);

    const auto none = awaitFuture(m_client->getItem(u"app"_s, key(u"shardId-000000000009"_s)));
    QVERIFY(none.has_value());
    QVERIFY(!none->has_value());
}

void TestDynamoDbClient::scanFollowsLimitPages()
{
    QVERIFY(createActiveTable(*m_client, u"app"_s, u"leaseKey"_s));
    for (int i = 0; i < 10; ++i) {
        const QJsonObject item{{u"leaseKey"_s, s(u"shardId-%1"_s.arg(i, 12, 10, QChar(u'0')))},
                               {u"leaseCounter"_s, n(i)}};
        QVERIFY(awaitFuture(m_client->putItem(u"app"_s, item)).has_value());
    }
    const auto items = awaitFuture(m_client->scan(u"app"_s, 3));
    QVERIFY(items.has_value());
    QCOMPARE(items->size(), 10);
    QSet<QString> keys;
    for (const QJsonObject &item : *items)
        keys.insert(item.value("leaseKey"_L1).toObject().value("S"_L1).toString());
    QCOMPARE(keys.size(), 10);
}

void TestDynamoDbClient::scanFollowsMegabytePages()
{
    // 12 items of 150 KB: DynamoDB (and dynalite) stop a Scan page at 1 MB.
    QVERIFY(createActiveTable(*m_client, u"big"_s, u"leaseKey"_s));
    const QString filler(150 * 1024, u'x');
    for (int i = 0; i < 12; ++i) {
        const QJsonObject item{{u"leaseKey"_s, s(u"k%1"_s.arg(i))}, {u"pad"_s, s(filler)}};
        const auto put = awaitFuture(m_client->putItem(u"big"_s, item));
        QVERIFY2(put.has_value(), qPrintable(put ? QString() : put.error().message));
    }
    // One page alone holds fewer than all of them.
    const auto page = awaitFuture(m_client->call(
        u"Scan"_s, QJsonObject{{u"TableName"_s, u"big"_s}}, u"big"_s));
    QVERIFY(page.has_value());
    QVERIFY(page->value("Items"_L1).toArray().size() < 12);
    QVERIFY(page->contains("LastEvaluatedKey"_L1));

    const auto items = awaitFuture(m_client->scan(u"big"_s));
    QVERIFY(items.has_value());
    QCOMPARE(items->size(), 12);
}

void TestDynamoDbClient::conditionalWritesFailDistinguishably()
{
    QVERIFY(createActiveTable(*m_client, u"app"_s, u"leaseKey"_s));
    const QJsonObject item{{u"leaseKey"_s, s(u"shard-1"_s)}, {u"leaseCounter"_s, n(1)}};
    const DynamoDbCondition notExists{u"attribute_not_exists(#k)"_s,
                                      QJsonObject{{u"#k"_s, u"leaseKey"_s}}, {}};
    QVERIFY(awaitFuture(m_client->putItem(u"app"_s, item, notExists)).has_value());
    const auto second = awaitFuture(m_client->putItem(u"app"_s, item, notExists));
    QVERIFY(!second.has_value());
    QVERIFY(second.error().isConditionalCheckFailed());
    QCOMPARE(second.error().type, u"ConditionalCheckFailedException"_s);
    QCOMPARE(second.error().httpStatus, 400);
    QVERIFY(!second.error().message.isEmpty());
    QVERIFY(!second.error().isResourceNotFound());
}

void TestDynamoDbClient::updateReturnsNewItemAndDeleteIsConditional()
{
    QVERIFY(createActiveTable(*m_client, u"app"_s, u"leaseKey"_s));
    QVERIFY(awaitFuture(m_client->putItem(
                            u"app"_s, QJsonObject{{u"leaseKey"_s, s(u"k"_s)}, {u"leaseCounter"_s, n(4)}}))
                .has_value());
    const DynamoDbCondition counterIs4{u"#c = :c"_s, QJsonObject{{u"#c"_s, u"leaseCounter"_s}},
                                       QJsonObject{{u":c"_s, n(4)}, {u":one"_s, n(1)}}};
    const auto updated =
        awaitFuture(m_client->updateItem(u"app"_s, key(u"k"_s), u"ADD #c :one"_s, counterIs4));
    QVERIFY2(updated.has_value(), qPrintable(updated ? QString() : updated.error().message));
    QCOMPARE(updated->value("leaseCounter"_L1).toObject(), n(5));
    const auto stale =
        awaitFuture(m_client->updateItem(u"app"_s, key(u"k"_s), u"ADD #c :one"_s, counterIs4));
    QVERIFY(!stale.has_value());
    QVERIFY(stale.error().isConditionalCheckFailed());

    const DynamoDbCondition counterIs5{u"#c = :c"_s, QJsonObject{{u"#c"_s, u"leaseCounter"_s}},
                                       QJsonObject{{u":c"_s, n(5)}}};
    const DynamoDbCondition counterIs9{u"#c = :c"_s, QJsonObject{{u"#c"_s, u"leaseCounter"_s}},
                                       QJsonObject{{u":c"_s, n(9)}}};
    QVERIFY(!awaitFuture(m_client->deleteItem(u"app"_s, key(u"k"_s), counterIs9)).has_value());
    QVERIFY(awaitFuture(m_client->deleteItem(u"app"_s, key(u"k"_s), counterIs5)).has_value());
    const auto gone = awaitFuture(m_client->getItem(u"app"_s, key(u"k"_s)));
    QVERIFY(gone.has_value() && !gone->has_value());
}

void TestDynamoDbClient::unknownTableIsNamed()
{
    const auto scanned = awaitFuture(m_client->scan(u"nosuchapp"_s));
    QVERIFY(!scanned.has_value());
    QVERIFY(scanned.error().isResourceNotFound());
    QCOMPARE(scanned.error().message,
             u"The table nosuchapp does not exist at %1."_s.arg(m_dynalite.url().toString()));
    QCOMPARE(scanned.error().toError().type, ErrorType::ResourceNotFound);

    const auto got = awaitFuture(m_client->getItem(u"nosuchapp"_s, key(u"k"_s)));
    QVERIFY(!got.has_value());
    QVERIFY(got.error().isResourceNotFound());
}

void TestDynamoDbClient::unreachableEndpointIsClear()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    DynamoDbClientOptions options;
    options.endpoint = QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort));
    options.staticCredentials = AwsCredentials{u"AKID"_s, u"secret"_s, {}};
    options.maxRetries = 2;
    options.retryBaseDelay = std::chrono::milliseconds(10);
    DynamoDbClient client(options);
    QElapsedTimer timer;
    timer.start();
    const auto result = awaitFuture(client.listTables());
    QVERIFY(!result.has_value());
    QVERIFY(result.error().type.isEmpty());
    QCOMPARE(result.error().httpStatus, 0);
    QVERIFY2(result.error().message.startsWith(
                 u"DynamoDB at http://127.0.0.1:%1 could not be reached: "_s.arg(closedPort)),
             qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(u"refused"_s, Qt::CaseInsensitive));
    QCOMPARE(result.error().toError().type, ErrorType::InternalFailure);
    QVERIFY(timer.elapsed() < 5000);
}

void TestDynamoDbClient::signatureIsSigV4ForDynamoDb()
{
    const AwsCredentials credentials{u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s,
                                     u"token"_s};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray body = R"({"TableName":"app"})";
    const SignableRequest request = DynamoDbClient::signedRequest(
        QUrl(u"https://dynamodb.eu-west-1.amazonaws.com"_s), u"DescribeTable"_s, body, credentials,
        u"eu-west-1"_s, now);
    QCOMPARE(request.header("X-Amz-Target").value_or(QByteArray()),
             QByteArray("DynamoDB_20120810.DescribeTable"));
    QCOMPARE(request.header("Content-Type").value_or(QByteArray()),
             QByteArray("application/x-amz-json-1.0"));
    QCOMPARE(request.header("Host").value_or(QByteArray()),
             QByteArray("dynamodb.eu-west-1.amazonaws.com"));
    QCOMPARE(request.header("X-Amz-Security-Token").value_or(QByteArray()), QByteArray("token"));
    const QByteArray authorization = request.header("Authorization").value_or(QByteArray());
    QVERIFY(authorization.contains("/eu-west-1/dynamodb/aws4_request"));

    // Our own verifier (the one the emulator's --require-auth uses) accepts it for `dynamodb`
    // and refuses it for another service or another secret.
    const SigV4Verifier verifier(
        [&](const QString &id) -> std::optional<AwsCredentials> {
            if (id == credentials.accessKeyId)
                return credentials;
            return std::nullopt;
        },
        u"dynamodb"_s, u"eu-west-1"_s);
    const auto accepted = verifier.verify(request);
    QVERIFY2(accepted.has_value(), qPrintable(accepted ? QString() : accepted.error().message));
    QCOMPARE(*accepted, credentials.accessKeyId);
    const SigV4Verifier kinesis([&](const QString &) { return std::optional(credentials); },
                                u"kinesis"_s, u"eu-west-1"_s);
    QVERIFY(!kinesis.verify(request).has_value());
    SignableRequest tampered = request;
    tampered.body = R"({"TableName":"other"})";
    QVERIFY(!verifier.verify(tampered).has_value());

    // dynalite takes the signed request (it refuses requests without a SigV4 Authorization).
    const auto tables = awaitFuture(m_client->listTables());
    QVERIFY(tables.has_value());
    QNetworkAccessManager network;
    QNetworkRequest bare(m_dynalite.url());
    bare.setRawHeader("X-Amz-Target", "DynamoDB_20120810.ListTables");
    bare.setRawHeader("Content-Type", "application/x-amz-json-1.0");
    std::optional<AwsHttpResponse> answer;
    AwsHttp::send(&network, bare, "POST", "{}", std::chrono::seconds(10), this,
                  [&answer](const AwsHttpResponse &response) { answer = response; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QCOMPARE(answer->status, 400);
    QVERIFY(answer->body.contains("MissingAuthenticationToken"));
}

void TestDynamoDbClient::missingCredentialsAreAnError()
{
    DynamoDbClientOptions options;
    options.endpoint = m_dynalite.url();
    DynamoDbClient client(options);
    const auto result = awaitFuture(client.listTables());
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().type, u"MissingAuthenticationToken"_s);
    QVERIFY(result.error().message.contains(m_dynalite.url().toString()));
}

void TestDynamoDbClient::errorsMapToKinesisTypes()
{
    QCOMPARE((DynamoDbError{u"ResourceNotFoundException"_s, u"x"_s, 400}.toError().type),
             ErrorType::ResourceNotFound);
    QCOMPARE((DynamoDbError{u"AccessDeniedException"_s, u"x"_s, 400}.toError().type),
             ErrorType::AccessDenied);
    QCOMPARE((DynamoDbError{u"ProvisionedThroughputExceededException"_s, u"x"_s, 400}.toError().type),
             ErrorType::ProvisionedThroughputExceeded);
    QVERIFY((DynamoDbError{u"ThrottlingException"_s, u"x"_s, 400}.isThrottling()));
    const Error other = DynamoDbError{u"TransactionConflictException"_s, u"busy"_s, 400}.toError();
    QCOMPARE(other.type, ErrorType::InvalidArgument);
    QCOMPARE(other.message, u"TransactionConflictException: busy"_s);
    QCOMPARE((DynamoDbError{u"ItemCollectionSizeLimitExceededException"_s, u"x"_s, 500}.toError().type),
             ErrorType::InternalFailure);
}

// Our clock is an hour behind: DynamoDB refuses the signature as expired and says what time it
// is in its Date header; the client signs with that clock from then on.
void TestDynamoDbClient::correctsClockSkewFromDateHeader()
{
    const SigV4Verifier verifier([](const QString &id) -> std::optional<AwsCredentials> {
        return id == kKeys.accessKeyId ? std::optional(kKeys) : std::nullopt;
    }, u"dynamodb"_s, u"us-east-1"_s);
    StandIn standIn([&verifier](const HttpRequest &request, int) {
        const auto verified = verifier.verify(signableRequest(request));
        if (!verified)
            return dynamoError(400, "InvalidSignatureException", verified.error().message.toUtf8());
        return describedTable();
    });
    QVERIFY(standIn.isListening());
    DynamoDbClientOptions options;
    options.endpoint = standIn.url();
    options.staticCredentials = kKeys;
    options.clock = [] { return QDateTime::currentDateTimeUtc().addSecs(-3600); };
    DynamoDbClient client(options);
    const auto described = awaitFuture(client.describeTable(u"app"_s));
    QVERIFY2(described.has_value(), qPrintable(described ? QString() : described.error().message));
    QVERIFY(described->has_value());
    QCOMPARE(standIn.count(), 2);
    QVERIFY2(std::abs(client.clockOffsetMs() - 3'600'000) < 3000, QByteArray::number(client.clockOffsetMs()).constData());
    QVERIFY(awaitFuture(client.describeTable(u"app"_s)).has_value());
    QCOMPARE(standIn.count(), 3); // at the first try now
}

void TestDynamoDbClient::retriesSkewOnlyOnce()
{
    StandIn standIn([](const HttpRequest &, int) {
        return dynamoError(400, "InvalidSignatureException",
                           "Signature expired: 20240101T000000Z is now earlier than "
                           "20240101T001500Z (20240101T003000Z - 15 min.)");
    });
    DynamoDbClientOptions options;
    options.endpoint = standIn.url();
    options.staticCredentials = kKeys;
    DynamoDbClient client(options);
    const auto described = awaitFuture(client.describeTable(u"app"_s));
    QVERIFY(!described.has_value());
    QCOMPARE(described.error().type, u"InvalidSignatureException"_s);
    QVERIFY(described.error().message.startsWith(u"Signature expired: 20240101T000000Z"_s));
    QCOMPARE(described.error().toError().type, ErrorType::InvalidSignature);
    QCOMPARE(standIn.count(), 2);
}

// A profile's keys expire and are replaced in the credentials file: the refused request goes
// again, once, with the keys read anew.
void TestDynamoDbClient::expiredCredentialsAreResolvedAgain()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString credentialsFile = dir.filePath(u"credentials"_s);
    const QString configFile = dir.filePath(u"config"_s);
    const auto writeKeys = [credentialsFile](const QByteArray &id) {
        QFile file(credentialsFile);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write("[dev]\naws_access_key_id = " + id + "\naws_secret_access_key = secret-" + id + "\n");
        return true;
    };
    QVERIFY(writeKeys("AKIDOLD"));
    QFile config(configFile);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[profile dev]\nregion = us-east-1\n");
    config.close();
    qputenv("AWS_SHARED_CREDENTIALS_FILE", credentialsFile.toLocal8Bit());
    qputenv("AWS_CONFIG_FILE", configFile.toLocal8Bit());

    StandIn standIn([&writeKeys](const HttpRequest &request, int) {
        if (accessKeyOf(request) == "AKIDOLD") {
            writeKeys("AKIDNEW"); // rotated meanwhile
            return dynamoError(400, "ExpiredTokenException", "The security token included in the request is expired");
        }
        return describedTable();
    });
    CredentialsProvider::Options providerOptions;
    providerOptions.profile = u"dev"_s;
    CredentialsProvider provider(providerOptions);
    DynamoDbClientOptions options;
    options.endpoint = standIn.url();
    options.credentialsProvider = &provider;
    DynamoDbClient client(options);
    const auto described = awaitFuture(client.describeTable(u"app"_s));
    QVERIFY2(described.has_value(), qPrintable(described ? QString() : described.error().message));
    QCOMPARE(standIn.count(), 2);
    QCOMPARE(accessKeyOf(standIn.requests().at(0)), QByteArray("AKIDOLD"));
    QCOMPARE(accessKeyOf(standIn.requests().at(1)), QByteArray("AKIDNEW"));

    // Refused again after the retry: the error comes back, no third try.
    StandIn refusing([](const HttpRequest &, int) {
        return dynamoError(400, "ExpiredTokenException", "The security token included in the request is expired");
    });
    options.endpoint = refusing.url();
    DynamoDbClient refused(options);
    const auto failed = awaitFuture(refused.describeTable(u"app"_s));
    QVERIFY(!failed.has_value());
    QCOMPARE(failed.error().type, u"ExpiredTokenException"_s);
    QCOMPARE(refusing.count(), 2);
    qunsetenv("AWS_SHARED_CREDENTIALS_FILE");
    qunsetenv("AWS_CONFIG_FILE");
}

QTEST_GUILESS_MAIN(TestDynamoDbClient)
#include "tst_dynamodbclient.moc"
