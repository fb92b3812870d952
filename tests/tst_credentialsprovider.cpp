#include "aws/awsconfig.h"
#include "aws/awstimestamp.h"
#include "aws/credentialprocess.h"
#include "aws/credentialsprovider.h"
#include "aws/sigv4.h"
#include "aws/ssoportalclient.h"
#include "aws/stsclient.h"
#include "server/httpserver.h"

#include "expectedassert.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcessEnvironment>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrlQuery>
#include <QtConcurrent>

#include <memory>

using namespace shardscope;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

using Result = CredentialsProvider::Result;

constexpr int kWaitMs = 15000;

template<typename T> QString errorMessage(const std::expected<T, Error> &result)
{
    return result ? QString() : result.error().message;
}

// Waits for the future while this thread's event loop runs (the provider lives here).
Result waitFor(const QFuture<Result> &future, int timeoutMs = kWaitMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!future.isFinished() || future.resultCount() == 0)
        return std::unexpected(Error{ErrorType::InternalFailure, u"test: no result in time"_s});
    return future.result();
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

bool writeFile(const QString &path, const QByteArray &content, bool executable = false)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size())
        return false;
    file.close();
    if (executable)
        return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

// A profile "proc" whose credential_process is `command`.
AwsConfig processConfig(const QString &command)
{
    return AwsConfig::fromText(
        QByteArray("[profile proc]\ncredential_process = " + command.toUtf8() + '\n'), {});
}

SignableRequest signableFrom(const HttpRequest &request)
{
    SignableRequest signable;
    signable.method = request.method;
    const qsizetype question = request.target.indexOf('?');
    signable.path = question < 0 ? request.target : request.target.left(question);
    signable.query = question < 0 ? QByteArray() : request.target.mid(question + 1);
    for (auto it = request.headers.begin(); it != request.headers.end(); ++it)
        signable.headers.append({it.key(), it.value()});
    signable.body = request.body;
    return signable;
}

HttpResponse xmlResponse(int status, const QByteArray &body)
{
    return HttpResponse{status, "text/xml", body, {}, {}};
}

HttpResponse stsError(int status, const QByteArray &code, const QString &message)
{
    return xmlResponse(status,
                       "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
                       "  <Error>\n    <Type>Sender</Type>\n    <Code>" +
                           code + "</Code>\n    <Message>" + message.toHtmlEscaped().toUtf8() +
                           "</Message>\n  </Error>\n"
                           "  <RequestId>4d3f1e8c-0000-4000-8000-000000000000</RequestId>\n"
                           "</ErrorResponse>\n");
}

HttpResponse ssoError(int status, const QByteArray &type, const QByteArray &message)
{
    HttpResponse response{status,
                          "application/json",
                          QJsonDocument(QJsonObject{{u"message"_s, QString::fromUtf8(message)}})
                              .toJson(QJsonDocument::Compact),
                          {}, {}};
    response.headers.append(
        {"x-amzn-ErrorType",
         type + ":http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/"});
    return response;
}

// A local stand-in for STS (POST /, the Query API) and the IAM Identity Center portal
// (GET /federation/credentials) that answers in their documented formats. STS requests must
// carry a valid SigV4 signature by keys it knows (SigV4Verifier, service "sts"); the
// credentials it hands out become known keys, so chained calls verify too. The handler runs
// on the server's worker threads, hence the mutex.
class AwsStandIn
{
public:
    struct StsCall
    {
        QString signedBy;     // access key id of the verified signature
        QString sessionToken; // X-Amz-Security-Token sent
        QMap<QString, QString> parameters;
        AwsCredentials issued;
        QDateTime expiration;
    };
    struct SsoCall
    {
        QString bearerToken;
        QString accountId;
        QString roleName;
        AwsCredentials issued;
        QDateTime expiration;
    };

    AwsStandIn()
        : m_server([this](const HttpRequest &request) { return handle(request); },
                   HttpServer::Options{})
    {}

    bool start() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1/"_s.arg(m_server.serverPort())); }

    void addKeys(const AwsCredentials &credentials)
    {
        const QMutexLocker lock(&m_mutex);
        m_keys.insert(credentials.accessKeyId, credentials);
    }
    void allowRole(const QString &roleArn)
    {
        const QMutexLocker lock(&m_mutex);
        m_roles.insert(roleArn);
    }
    void denyAllRoles()
    {
        const QMutexLocker lock(&m_mutex);
        m_roles.clear();
    }
    void setLifetime(std::chrono::seconds lifetime)
    {
        const QMutexLocker lock(&m_mutex);
        m_lifetime = lifetime;
    }
    void setDelay(std::chrono::milliseconds delay)
    {
        const QMutexLocker lock(&m_mutex);
        m_delay = delay;
    }
    void setRegion(const QString &region)
    {
        const QMutexLocker lock(&m_mutex);
        m_region = region;
    }
    void setSsoToken(const QString &token)
    {
        const QMutexLocker lock(&m_mutex);
        m_ssoToken = token;
    }
    void allowSsoRole(const QString &accountId, const QString &roleName)
    {
        const QMutexLocker lock(&m_mutex);
        m_ssoRoles.insert(accountId + u'/' + roleName);
    }
    QList<StsCall> stsCalls() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_stsCalls;
    }
    QList<SsoCall> ssoCalls() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_ssoCalls;
    }
    int requestCount() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_requests;
    }
    QStringList problems() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_problems;
    }

private:
    HttpResponse handle(const HttpRequest &request)
    {
        std::chrono::milliseconds delay;
        {
            const QMutexLocker lock(&m_mutex);
            ++m_requests;
            delay = m_delay;
        }
        if (delay > 0ms)
            QThread::msleep(static_cast<unsigned long>(delay.count()));
        if (request.method == "POST" && request.target == "/")
            return sts(request);
        if (request.method == "GET" && request.target.startsWith("/federation/credentials?"))
            return sso(request);
        problem(u"unexpected request "_s +
                QString::fromUtf8(QByteArray(request.method + ' ' + request.target)));
        return HttpResponse{404, "text/plain", "not found", {}, {}};
    }

    void problem(const QString &text)
    {
        const QMutexLocker lock(&m_mutex);
        m_problems.append(text);
    }

    HttpResponse sts(const HttpRequest &request)
    {
        QHash<QString, AwsCredentials> keys;
        QString region;
        {
            const QMutexLocker lock(&m_mutex);
            keys = m_keys;
            region = m_region;
        }
        if (!request.header("content-type").startsWith("application/x-www-form-urlencoded"))
            problem(u"STS request without a form content type"_s);
        const SigV4Verifier verifier(
            [keys](const QString &id) -> std::optional<AwsCredentials> {
                const auto it = keys.find(id);
                return it == keys.end() ? std::nullopt : std::optional(*it);
            },
            u"sts"_s, region);
        const std::expected<QString, Error> signer = verifier.verify(signableFrom(request));
        if (!signer)
            return stsError(403, "SignatureDoesNotMatch", signer.error().message);

        QMap<QString, QString> parameters;
        const QUrlQuery form(QString::fromUtf8(request.body));
        for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded))
            parameters.insert(key, value);
        if (parameters.value(u"Action"_s) != u"AssumeRole" ||
            parameters.value(u"Version"_s) != u"2011-06-15")
            return stsError(400, "InvalidAction", u"Could not find operation"_s);

        const QMutexLocker lock(&m_mutex);
        const QString roleArn = parameters.value(u"RoleArn"_s);
        if (!m_roles.contains(roleArn))
            return stsError(403, "AccessDenied",
                            u"User: arn:aws:iam::123456789012:user/tester is not authorized to "
                            u"perform: sts:AssumeRole on resource: "_s +
                                roleArn);
        StsCall call;
        call.signedBy = *signer;
        call.sessionToken = QString::fromUtf8(request.header("x-amz-security-token"));
        call.parameters = parameters;
        const int n = static_cast<int>(m_stsCalls.size() + m_ssoCalls.size() + 1);
        call.issued = AwsCredentials{u"ASIASTS%1EXAMPLE"_s.arg(n), u"sts-secret-%1"_s.arg(n),
                                     u"sts-token-%1/+="_s.arg(n)};
        // Whole seconds, as STS writes them.
        call.expiration = QDateTime::fromSecsSinceEpoch(
            QDateTime::currentSecsSinceEpoch() + m_lifetime.count(), Qt::UTC);
        m_keys.insert(call.issued.accessKeyId, call.issued);
        m_stsCalls.append(call);
        const QByteArray session = parameters.value(u"RoleSessionName"_s).toUtf8();
        return xmlResponse(
            200, "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
                 "  <AssumeRoleResult>\n"
                 "    <AssumedRoleUser>\n"
                 "      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:" +
                     session + "</AssumedRoleId>\n      <Arn>" + roleArn.toUtf8() + "/" + session +
                     "</Arn>\n"
                     "    </AssumedRoleUser>\n"
                     "    <Credentials>\n"
                     "      <AccessKeyId>" +
                     call.issued.accessKeyId.toUtf8() +
                     "</AccessKeyId>\n"
                     "      <SecretAccessKey>" +
                     call.issued.secretAccessKey.toUtf8() +
                     "</SecretAccessKey>\n"
                     "      <SessionToken>" +
                     call.issued.sessionToken.toUtf8() +
                     "</SessionToken>\n"
                     "      <Expiration>" +
                     isoTime(call.expiration).toUtf8() +
                     "</Expiration>\n"
                     "    </Credentials>\n"
                     "  </AssumeRoleResult>\n"
                     "  <ResponseMetadata>\n"
                     "    <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>\n"
                     "  </ResponseMetadata>\n"
                     "</AssumeRoleResponse>\n");
    }

    HttpResponse sso(const HttpRequest &request)
    {
        const QUrlQuery query(
            QString::fromUtf8(request.target.mid(request.target.indexOf('?') + 1)));
        const QString accountId = query.queryItemValue(u"account_id"_s, QUrl::FullyDecoded);
        const QString roleName = query.queryItemValue(u"role_name"_s, QUrl::FullyDecoded);
        const QString bearer = QString::fromUtf8(request.header("x-amz-sso_bearer_token"));
        const QMutexLocker lock(&m_mutex);
        if (bearer.isEmpty() || bearer != m_ssoToken)
            return ssoError(401, "UnauthorizedException", "Session token not found or invalid");
        if (!m_ssoRoles.contains(accountId + u'/' + roleName))
            return ssoError(403, "ForbiddenException", "No access");
        SsoCall call{bearer, accountId, roleName, {}, {}};
        const int n = static_cast<int>(m_stsCalls.size() + m_ssoCalls.size() + 1);
        call.issued = AwsCredentials{u"ASIASSO%1EXAMPLE"_s.arg(n), u"sso-secret-%1"_s.arg(n),
                                     u"sso-token-%1"_s.arg(n)};
        call.expiration = QDateTime::currentDateTimeUtc().addSecs(m_lifetime.count());
        m_keys.insert(call.issued.accessKeyId, call.issued);
        m_ssoCalls.append(call);
        const QJsonObject role{{u"accessKeyId"_s, call.issued.accessKeyId},
                               {u"secretAccessKey"_s, call.issued.secretAccessKey},
                               {u"sessionToken"_s, call.issued.sessionToken},
                               {u"expiration"_s, call.expiration.toMSecsSinceEpoch()}};
        return HttpResponse{200,
                            "application/json",
                            QJsonDocument(QJsonObject{{u"roleCredentials"_s, role}}).toJson(),
                            {}, {}};
    }

    mutable QMutex m_mutex;
    QHash<QString, AwsCredentials> m_keys;
    QSet<QString> m_roles;
    QSet<QString> m_ssoRoles;
    QString m_ssoToken;
    QString m_region = u"us-east-1"_s;
    std::chrono::seconds m_lifetime = 1h;
    std::chrono::milliseconds m_delay = 0ms;
    QList<StsCall> m_stsCalls;
    QList<SsoCall> m_ssoCalls;
    QStringList m_problems;
    int m_requests = 0;
    HttpServer m_server; // last: stopped before the state its handler uses goes away
};

const AwsCredentials kBaseKeys{u"AKIDBASEEXAMPLE"_s, u"base/secret+key"_s, QString()};
const QString kMiddleRole = u"arn:aws:iam::111111111111:role/Middle"_s;
const QString kTopRole = u"arn:aws:iam::222222222222:role/Top"_s;

const QByteArray kRoleConfig = R"(
[profile base]
aws_access_key_id = AKIDBASEEXAMPLE
aws_secret_access_key = base/secret+key
region = us-east-1

[profile middle]
role_arn = arn:aws:iam::111111111111:role/Middle
source_profile = base
role_session_name = middle-session
external_id = ext-123
duration_seconds = 1800
region = us-east-1

[profile top]
role_arn = arn:aws:iam::222222222222:role/Top
source_profile = middle
region = us-east-1

[profile envrole]
role_arn = arn:aws:iam::111111111111:role/Middle
credential_source = Environment
region = eu-west-1

[profile dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = ReadOnly
region = eu-west-1

[profile old]
sso_start_url = https://old.awsapps.com/start
sso_region = us-west-2
sso_account_id = 444455556666
sso_role_name = Admin

[profile ssorole]
role_arn = arn:aws:iam::222222222222:role/Top
source_profile = dev
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-2
)";

} // namespace

Q_DECLARE_METATYPE(shardscope::ErrorType)

class TestCredentialsProvider : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void timestamps_data();
    void timestamps();
    void processOutput_data();
    void processOutput();
    void assumeRoleRequestFormat();
    void assumeRoleResponse();
    void assumeRoleErrorResponse_data();
    void assumeRoleErrorResponse();
    void ssoCacheKeyAndUrl();
    void ssoRoleCredentialsResponse();

    void staticCredentials();
    void environmentCredentialsReadAgainAfterInvalidate();
    void credentialProcess();
    void credentialProcessFailures_data();
    void credentialProcessFailures();
    void credentialProcessTimeout();
    void credentialProcessRefreshedBeforeExpiry();
    void destroyedWhileProcessRuns();
    void assumeRoleSignedBySourceProfile();
    void roleChainUsesEachStepsCredentials();
    void assumeRoleWithEnvironmentSource();
    void assumeRoleDenied();
    void assumeRoleBadSignatureRejected();
    void stsUnreachable();
    void stsTimeout();
    void configuredStsEndpointUsed();
    void ssoSessionProfile();
    void ssoLegacyProfile();
    void ssoProfileAsRoleSource();
    void ssoLoginRequired_data();
    void ssoLoginRequired();
    void ssoRoleNotAssigned();
    void cachedCredentialsReused();
    void concurrentCallsShareOneResolution();
    void callableFromAnotherThread();
    void refreshedBeforeExpiry();
    void failedRefreshKeepsValidCredentials();
    void invalidateResolvesAgain();

private:
    CredentialsProvider::Options roleOptions(const QString &profile,
                                             const AwsConfig::Environment &environment = {}) const;
    void writeSsoToken(const QString &key, const QString &token, const QDateTime &expiresAt);

    std::unique_ptr<AwsStandIn> m_standIn;
    std::unique_ptr<QTemporaryDir> m_dir;
    QHash<QString, QByteArray> m_savedEnvironment;
};

void TestCredentialsProvider::initTestCase()
{
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    for (const QString &key : system.keys()) {
        if (key.startsWith(u"AWS_")) {
            m_savedEnvironment.insert(key, system.value(key).toLocal8Bit());
            qunsetenv(key.toLocal8Bit().constData());
        }
    }
}

void TestCredentialsProvider::cleanupTestCase()
{
    for (auto it = m_savedEnvironment.begin(); it != m_savedEnvironment.end(); ++it)
        qputenv(it.key().toLocal8Bit().constData(), it.value());
}

void TestCredentialsProvider::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(u"sso-cache"_s));
    m_standIn = std::make_unique<AwsStandIn>();
    QVERIFY(m_standIn->start());
    m_standIn->addKeys(kBaseKeys);
    m_standIn->allowRole(kMiddleRole);
    m_standIn->allowRole(kTopRole);
}

void TestCredentialsProvider::cleanup()
{
    if (m_standIn)
        QVERIFY2(m_standIn->problems().isEmpty(), qPrintable(m_standIn->problems().join(u'\n')));
    m_standIn.reset();
    m_dir.reset();
    for (const char *name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"})
        qunsetenv(name);
}

CredentialsProvider::Options
TestCredentialsProvider::roleOptions(const QString &profile,
                                     const AwsConfig::Environment &environment) const
{
    CredentialsProvider::Options options;
    options.profile = profile;
    AwsConfig config = AwsConfig::fromText(kRoleConfig, {}, environment);
    config.setSsoCacheDirectory(m_dir->filePath(u"sso-cache"_s));
    options.config = config;
    options.stsEndpoint = m_standIn->url();
    options.ssoPortalEndpoint = m_standIn->url();
    options.networkTimeout = 5s;
    return options;
}

void TestCredentialsProvider::writeSsoToken(const QString &key, const QString &token,
                                            const QDateTime &expiresAt)
{
    QJsonObject json{{u"startUrl"_s, u"https://corp.awsapps.com/start"_s},
                     {u"region"_s, u"us-east-2"_s},
                     {u"expiresAt"_s, isoTime(expiresAt)}};
    if (!token.isEmpty())
        json.insert(u"accessToken"_s, token);
    QVERIFY(writeFile(m_dir->filePath(u"sso-cache/"_s + key + u".json"_s),
                      QJsonDocument(json).toJson()));
}

void TestCredentialsProvider::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    const QDateTime base(QDate(2019, 11, 9), QTime(13, 34, 41), Qt::UTC);
    QTest::newRow("STS") << u"2019-11-09T13:34:41Z"_s << base;
    QTest::newRow("fraction") << u"2019-11-09T13:34:41.250Z"_s << base.addMSecs(250);
    QTest::newRow("offset") << u"2019-11-09T15:34:41+02:00"_s << base;
    QTest::newRow("old SSO cache") << u"2019-11-09T13:34:41UTC"_s << base;
    QTest::newRow("no zone is UTC") << u"2019-11-09T13:34:41"_s << base;
    QTest::newRow("garbage") << u"tomorrow"_s << QDateTime();
    QTest::newRow("empty") << QString() << QDateTime();
}

void TestCredentialsProvider::timestamps()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const std::optional<QDateTime> parsed = parseAwsTimestamp(text);
    QCOMPARE(parsed.has_value(), expected.isValid());
    if (parsed) {
        QCOMPARE(*parsed, expected);
        QCOMPARE(parsed->timeSpec(), Qt::UTC);
    }
}

void TestCredentialsProvider::processOutput_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("errorMentions"); // empty: success expected

    QTest::newRow("full") << QByteArray(R"({"Version": 1, "AccessKeyId": "AKID", )"
                                        R"("SecretAccessKey": "s", "SessionToken": "t", )"
                                        R"("Expiration": "2030-01-01T00:00:00Z"})")
                          << QString();
    QTest::newRow("long-term keys") << QByteArray(R"({"Version":1,"AccessKeyId":"AKID",)"
                                                  R"("SecretAccessKey":"s"})")
                                    << QString();
    QTest::newRow("Version 2") << QByteArray(
                                      R"({"Version":2,"AccessKeyId":"A","SecretAccessKey":"s"})")
                               << u"Version 2"_s;
    QTest::newRow("Version as text")
        << QByteArray(R"({"Version":"1","AccessKeyId":"A","SecretAccessKey":"s"})")
        << u"Version \"1\""_s;
    QTest::newRow("no Version") << QByteArray(R"({"AccessKeyId":"A","SecretAccessKey":"s"})")
                                << u"Version (none)"_s;
    QTest::newRow("no secret") << QByteArray(R"({"Version":1,"AccessKeyId":"A"})")
                               << u"no SecretAccessKey"_s;
    QTest::newRow("bad expiration")
        << QByteArray(
               R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"s","Expiration":"soon"})")
        << u"\"soon\""_s;
    QTest::newRow("not JSON") << QByteArray("AccessKeyId=A") << u"JSON object"_s;
    QTest::newRow("array") << QByteArray("[1]") << u"JSON object"_s;
}

void TestCredentialsProvider::processOutput()
{
    QFETCH(QByteArray, output);
    QFETCH(QString, errorMentions);
    const auto result = CredentialProcess::parseOutput(output, u"proc"_s);
    if (errorMentions.isEmpty()) {
        VERIFY_OK(result);
        QCOMPARE(result->credentials.accessKeyId, u"AKID"_s);
        QCOMPARE(result->credentials.secretAccessKey, u"s"_s);
        if (output.contains("Expiration")) {
            QCOMPARE(result->credentials.sessionToken, u"t"_s);
            QCOMPARE(result->expiration, QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));
        } else {
            QCOMPARE(result->credentials.sessionToken, QString());
            QCOMPARE(result->expiration, std::nullopt);
        }
        return;
    }
    VERIFY_ERROR(result, ErrorType::InternalFailure);
    QVERIFY2(errorMessage(result).contains(errorMentions) &&
                 errorMessage(result).contains(u"\"proc\""),
             qPrintable(errorMessage(result)));
}

void TestCredentialsProvider::assumeRoleRequestFormat()
{
    AssumeRoleSettings role{u"p"_s, u"arn:aws:iam::1:role/a b"_s, QString(), u"id=1&x"_s, 900};
    const QByteArray body = StsClient::assumeRoleBody(role, u"me@host"_s);
    QCOMPARE(body, QByteArray("Action=AssumeRole&Version=2011-06-15"
                              "&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fa%20b"
                              "&RoleSessionName=me%40host&ExternalId=id%3D1%26x"
                              "&DurationSeconds=900"));
    role.externalId.clear();
    role.durationSeconds.reset();
    QCOMPARE(StsClient::assumeRoleBody(role, u"s"_s),
             QByteArray("Action=AssumeRole&Version=2011-06-15"
                        "&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fa%20b&RoleSessionName=s"));

    QCOMPARE(StsClient::defaultEndpoint(u"eu-west-1"_s),
             QUrl(u"https://sts.eu-west-1.amazonaws.com/"_s));
    QCOMPARE(StsClient::defaultEndpoint(u"cn-north-1"_s),
             QUrl(u"https://sts.cn-north-1.amazonaws.com.cn/"_s));
    QCOMPARE(StsClient::defaultEndpoint(QString()), QUrl(u"https://sts.amazonaws.com/"_s));
    QCOMPARE(StsClient::signingRegion(QString()), u"us-east-1"_s);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const SignableRequest request = StsClient::assumeRoleRequest(
        QUrl(u"https://sts.eu-west-1.amazonaws.com/"_s), body,
        AwsCredentials{u"AKIDX"_s, u"secret"_s, u"tok"_s}, u"eu-west-1"_s, now);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/"));
    QCOMPARE(request.header("host"), std::optional<QByteArray>("sts.eu-west-1.amazonaws.com"));
    QCOMPARE(request.header("x-amz-security-token"), std::optional<QByteArray>("tok"));
    const QByteArray expectedPrefix =
        "AWS4-HMAC-SHA256 Credential=AKIDX/" + now.toString(u"yyyyMMdd"_s).toLatin1() +
        "/eu-west-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date;"
        "x-amz-security-token, Signature=";
    QVERIFY(request.header("authorization")->startsWith(expectedPrefix));
    const SigV4Verifier verifier(
        [](const QString &) {
            return AwsCredentials{u"AKIDX"_s, u"secret"_s, u"tok"_s};
        },
        u"sts"_s, u"eu-west-1"_s);
    VERIFY_OK(verifier.verify(request));

    const SignableRequest local =
        StsClient::assumeRoleRequest(QUrl(u"http://127.0.0.1:8123/sts/"_s), body,
                                     AwsCredentials{u"A"_s, u"s"_s, {}}, QString(), now);
    QCOMPARE(local.path, QByteArray("/sts/"));
    QCOMPARE(local.header("host"), std::optional<QByteArray>("127.0.0.1:8123"));
    QVERIFY(local.header("authorization")->contains("/us-east-1/sts/aws4_request"));
}

void TestCredentialsProvider::assumeRoleResponse()
{
    // The example answer in the STS API reference, pretty-printed as there.
    const QByteArray body =
        R"(<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
<AssumeRoleResult>
<SourceIdentity>Alice</SourceIdentity>
  <AssumedRoleUser>
    <Arn>arn:aws:sts::123456789012:assumed-role/demo/TestAR</Arn>
    <AssumedRoleId>ARO123EXAMPLE123:TestAR</AssumedRoleId>
  </AssumedRoleUser>
  <Credentials>
    <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
    <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
    <SessionToken>
     AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW
     LWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGd
     QrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU
     9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz
     +scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==
    </SessionToken>
    <Expiration>2019-11-09T13:34:41Z</Expiration>
  </Credentials>
  <PackedPolicySize>6</PackedPolicySize>
</AssumeRoleResult>
<ResponseMetadata>
  <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
</ResponseMetadata>
</AssumeRoleResponse>)";
    const AssumeRoleSettings role{u"demo"_s, u"arn:aws:iam::123456789012:role/demo"_s, {}, {}, {}};
    const auto result = StsClient::parseAssumeRoleResponse(200, body, role);
    VERIFY_OK(result);
    QCOMPARE(result->credentials.accessKeyId, u"ASIAIOSFODNN7EXAMPLE"_s);
    QCOMPARE(result->credentials.secretAccessKey, u"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"_s);
    QVERIFY(result->credentials.sessionToken.startsWith(u"AQoDYXdzEPT//////////wEXAMPLEtc764"));
    QVERIFY(result->credentials.sessionToken.endsWith(u"ICCR/oLxBA=="));
    QVERIFY(!result->credentials.sessionToken.contains(u' '));
    QVERIFY(!result->credentials.sessionToken.contains(u'\n'));
    QCOMPARE(result->expiration, QDateTime(QDate(2019, 11, 9), QTime(13, 34, 41), Qt::UTC));
    QVERIFY(result->source.contains(role.roleArn));

    // Credentials without an expiration or a token are not STS credentials.
    QByteArray truncated = body;
    truncated.replace("<Expiration>2019-11-09T13:34:41Z</Expiration>", "");
    VERIFY_ERROR(StsClient::parseAssumeRoleResponse(200, truncated, role),
                 ErrorType::InvalidArgument);
    VERIFY_ERROR(StsClient::parseAssumeRoleResponse(200, "<html>proxy</html>", role),
                 ErrorType::InvalidArgument);
    VERIFY_ERROR(StsClient::parseAssumeRoleResponse(502, "Bad gateway", role),
                 ErrorType::InternalFailure);
}

void TestCredentialsProvider::assumeRoleErrorResponse_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<ErrorType>("type");

    QTest::newRow("AccessDenied") << 403 << QByteArray("AccessDenied") << ErrorType::AccessDenied;
    QTest::newRow("ExpiredToken") << 400 << QByteArray("ExpiredToken")
                                  << ErrorType::UnrecognizedClient;
    QTest::newRow("InvalidClientTokenId")
        << 403 << QByteArray("InvalidClientTokenId") << ErrorType::UnrecognizedClient;
    QTest::newRow("SignatureDoesNotMatch")
        << 403 << QByteArray("SignatureDoesNotMatch") << ErrorType::UnrecognizedClient;
    QTest::newRow("ValidationError")
        << 400 << QByteArray("ValidationError") << ErrorType::InvalidArgument;
    QTest::newRow("server error") << 500 << QByteArray("InternalFailure")
                                  << ErrorType::InternalFailure;
}

void TestCredentialsProvider::assumeRoleErrorResponse()
{
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    QFETCH(ErrorType, type);
    const AssumeRoleSettings role{u"prod"_s, u"arn:aws:iam::1:role/Admin"_s, {}, {}, {}};
    const HttpResponse response = stsError(status, code, u"Details & more"_s);
    const auto result = StsClient::parseAssumeRoleResponse(status, response.body, role);
    VERIFY_ERROR(result, type);
    QCOMPARE(errorMessage(result),
             QString(u"Assuming role arn:aws:iam::1:role/Admin for profile \"prod\" failed: "_s +
                     QString::fromLatin1(code) + u": Details & more"_s));
}

void TestCredentialsProvider::ssoCacheKeyAndUrl()
{
    // SHA-1 of the session name, or of the start URL for legacy profiles, as `aws sso login`
    // names its cache files.
    SsoSettings sso{u"dev"_s,       u"corp"_s,         u"https://corp.awsapps.com/start"_s,
                    u"us-east-2"_s, u"111122223333"_s, u"Read Only+"_s};
    QCOMPARE(SsoPortalClient::cacheKey(sso), u"ee0bfd2552fbd840c02cc48b6e823320543c450f"_s);
    QCOMPARE(SsoPortalClient::cacheFilePath(u"/c"_s, sso),
             u"/c/ee0bfd2552fbd840c02cc48b6e823320543c450f.json"_s);
    SsoSettings legacy = sso;
    legacy.sessionName.clear();
    legacy.startUrl = u"https://old.awsapps.com/start"_s;
    QCOMPARE(SsoPortalClient::cacheKey(legacy), u"33d5ca4bf3b1a62edb96b47f7c203034a43ac435"_s);

    QCOMPARE(SsoPortalClient::defaultEndpoint(u"us-east-2"_s),
             QUrl(u"https://portal.sso.us-east-2.amazonaws.com"_s));
    QCOMPARE(SsoPortalClient::roleCredentialsUrl(
                 QUrl(u"https://portal.sso.us-east-2.amazonaws.com"_s), sso)
                 .toString(QUrl::FullyEncoded),
             u"https://portal.sso.us-east-2.amazonaws.com/federation/credentials"
             u"?role_name=Read%20Only%2B&account_id=111122223333"_s);
    QCOMPARE(SsoPortalClient::roleCredentialsUrl(QUrl(u"http://127.0.0.1:1/prefix/"_s), sso).path(),
             u"/prefix/federation/credentials"_s);
}

void TestCredentialsProvider::ssoRoleCredentialsResponse()
{
    const SsoSettings sso{u"dev"_s, u"corp"_s, u"https://x"_s, u"us-east-2"_s, u"1"_s, u"R"_s};
    const auto result = SsoPortalClient::parseRoleCredentials(
        200,
        R"({"roleCredentials":{"accessKeyId":"ASIASSO","secretAccessKey":"sso-secret",)"
        R"("sessionToken":"sso-token","expiration":1893456000000}})",
        sso);
    VERIFY_OK(result);
    QCOMPARE(result->credentials.accessKeyId, u"ASIASSO"_s);
    QCOMPARE(result->credentials.secretAccessKey, u"sso-secret"_s);
    QCOMPARE(result->credentials.sessionToken, u"sso-token"_s);
    QCOMPARE(result->expiration, QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));

    VERIFY_ERROR(SsoPortalClient::parseRoleCredentials(200, R"({"roleCredentials":{}})", sso),
                 ErrorType::InternalFailure);
    const auto unauthorized = SsoPortalClient::parseRoleCredentials(
        401, R"({"message":"Session token not found or invalid"})", sso);
    VERIFY_ERROR(unauthorized, ErrorType::UnrecognizedClient);
    QVERIFY(errorMessage(unauthorized).contains(u"Run `aws sso login --profile dev`"));
    const auto throttled = SsoPortalClient::parseRoleCredentials(
        429,
        R"({"message":"Rate exceeded","__type":"com.amazonaws.switchboard.portal#TooManyRequestsException"})",
        sso);
    VERIFY_ERROR(throttled, ErrorType::InvalidArgument);
    QVERIFY2(errorMessage(throttled).contains(u"TooManyRequestsException: Rate exceeded"),
             qPrintable(errorMessage(throttled)));
}

void TestCredentialsProvider::staticCredentials()
{
    CredentialsProvider::Options options;
    options.staticCredentials = AwsCredentials{u"AKIDTYPED"_s, u"typed-secret"_s, QString()};
    options.config = AwsConfig();
    CredentialsProvider provider(options);
    QSignalSpy changed(&provider, &CredentialsProvider::credentialsChanged);
    const QFuture<Result> future = provider.credentials();
    QVERIFY(future.isFinished()); // nothing to wait for
    const Result result = future.result();
    VERIFY_OK(result);
    QCOMPARE(result->credentials.accessKeyId, u"AKIDTYPED"_s);
    QCOMPARE(result->expiration, std::nullopt);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(provider.cached()->credentials.secretAccessKey, u"typed-secret"_s);
    QCOMPARE(m_standIn->requestCount(), 0);
}

void TestCredentialsProvider::environmentCredentialsReadAgainAfterInvalidate()
{
    const QString configPath = m_dir->filePath(u"config"_s);
    QVERIFY(writeFile(configPath, "[default]\nregion = eu-west-1\n"));
    qputenv("AWS_CONFIG_FILE", configPath.toLocal8Bit());
    qputenv("AWS_SHARED_CREDENTIALS_FILE", m_dir->filePath(u"none"_s).toLocal8Bit());
    qputenv("AWS_ACCESS_KEY_ID", "AKIDENVONE");
    qputenv("AWS_SECRET_ACCESS_KEY", "env-secret");
    qputenv("AWS_SESSION_TOKEN", "env-token");

    CredentialsProvider provider(CredentialsProvider::Options{}); // reads the environment
    Result result = waitFor(provider.credentials());
    VERIFY_OK(result);
    QCOMPARE(result->credentials.accessKeyId, u"AKIDENVONE"_s);
    QCOMPARE(result->credentials.sessionToken, u"env-token"_s);
    QVERIFY(result->source.contains(u"environment"));

    qputenv("AWS_ACCESS_KEY_ID", "AKIDENVTWO");
    result = waitFor(provider.credentials());
    QCOMPARE(result->credentials.accessKeyId, u"AKIDENVONE"_s); // cached
    provider.invalidate();
    QCOMPARE(provider.cached(), std::nullopt);
    result = waitFor(provider.credentials());
    VERIFY_OK(result);
    QCOMPARE(result->credentials.accessKeyId, u"AKIDENVTWO"_s);
    qunsetenv("AWS_CONFIG_FILE");
    qunsetenv("AWS_SHARED_CREDENTIALS_FILE");
}

void TestCredentialsProvider::credentialProcess()
{
    QVERIFY(QDir(m_dir->path()).mkpath(u"my tools"_s));
    const QString script = m_dir->filePath(u"my tools/creds.sh"_s);
    const QDateTime expiration = QDateTime::currentDateTimeUtc().addSecs(7200);
    QVERIFY(writeFile(script,
                      "#!/bin/sh\n"
                      "printf '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", "
                      "\"SecretAccessKey\": \"%s\", \"SessionToken\": \"tok%s\", "
                      "\"Expiration\": \"" +
                          isoTime(expiration).toUtf8() + "\"}\\n' \"$2\" \"$1\"\n",
                      true));
    CredentialsProvider::Options options;
    options.profile = u"proc"_s;
    options.config = processConfig(u'"' + script + u"\" --account 'a b'"_s);
    CredentialsProvider provider(options);
    const Result result = waitFor(provider.credentials());
    VERIFY_OK(result);
    QCOMPARE(result->credentials.accessKeyId, u"AKIDPROC"_s);
    QCOMPARE(result->credentials.secretAccessKey, u"a b"_s);
    QCOMPARE(result->credentials.sessionToken, u"tok--account"_s);
    QCOMPARE(result->expiration, parseAwsTimestamp(isoTime(expiration)));
    QVERIFY2(result->source.contains(u"proc") && result->source.contains(u"credential_process"),
             qPrintable(result->source));
}

void TestCredentialsProvider::credentialProcessFailures_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("exit code")
        << QByteArray("#!/bin/sh\necho 'Error: token expired, log in again' >&2\nexit 3\n")
        << u"failed with exit code 3: Error: token expired, log in again"_s;
    QTest::newRow("exit code, no stderr")
        << QByteArray("#!/bin/sh\nexit 1\n") << u"exit code 1: (no error output)"_s;
    QTest::newRow("not JSON") << QByteArray("#!/bin/sh\necho 'AccessKeyId=AKID'\n")
                              << u"did not print a JSON object"_s;
    QTest::newRow("Version 2")
        << QByteArray("#!/bin/sh\necho "
                      "'{\"Version\":2,\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"s\"}'\n")
        << u"Version 2; only Version 1"_s;
    QTest::newRow("killed") << QByteArray("#!/bin/sh\nkill -9 $$\n") << u"crashed"_s;
}

void TestCredentialsProvider::credentialProcessFailures()
{
    QFETCH(QByteArray, script);
    QFETCH(QString, mentions);
    const QString path = m_dir->filePath(u"failing.sh"_s);
    QVERIFY(writeFile(path, script, true));
    CredentialsProvider::Options options;
    options.profile = u"proc"_s;
    options.config = processConfig(path);
    CredentialsProvider provider(options);
    QSignalSpy failed(&provider, &CredentialsProvider::resolutionFailed);
    const Result result = waitFor(provider.credentials());
    VERIFY_ERROR(result, ErrorType::InternalFailure);
    QVERIFY2(errorMessage(result).contains(mentions) &&
                 errorMessage(result).contains(u"profile \"proc\""),
             qPrintable(errorMessage(result)));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(provider.cached(), std::nullopt);

    // A command that cannot start at all.
    options.config = processConfig(m_dir->filePath(u"missing-tool"_s) + u" --flag"_s);
    CredentialsProvider missing(options);
    const Result notStarted = waitFor(missing.credentials());
    VERIFY_ERROR(notStarted, ErrorType::InternalFailure);
    QVERIFY2(errorMessage(notStarted).contains(u"could not be started") &&
                 errorMessage(notStarted).contains(u"missing-tool"),
             qPrintable(errorMessage(notStarted)));
}

void TestCredentialsProvider::credentialProcessTimeout()
{
    const QString path = m_dir->filePath(u"slow.sh"_s);
    QVERIFY(writeFile(path, "#!/bin/sh\nexec sleep 30\n", true));
    CredentialsProvider::Options options;
    options.profile = u"proc"_s;
    options.config = processConfig(path);
    options.processTimeout = 300ms;
    CredentialsProvider provider(options);
    QElapsedTimer timer;
    timer.start();
    const Result result = waitFor(provider.credentials());
    VERIFY_ERROR(result, ErrorType::InternalFailure);
    QVERIFY2(errorMessage(result).contains(u"did not finish within 0.3 seconds"),
             qPrintable(errorMessage(result)));
    QVERIFY2(timer.elapsed() < 5000, "the process was not stopped at its deadline");
}

void TestCredentialsProvider::credentialProcessRefreshedBeforeExpiry()
{
    const QString counter = m_dir->filePath(u"count"_s);
    const QString path = m_dir->filePath(u"counting.sh"_s);
    // Each run prints new keys that expire an hour and two seconds later.
    QVERIFY(
        writeFile(path,
                  "#!/bin/sh\n"
                  "n=$(cat '" +
                      counter.toUtf8() +
                      "' 2>/dev/null || echo 0)\n"
                      "n=$((n + 1))\n"
                      "echo $n > '" +
                      counter.toUtf8() +
                      "'\n"
                      "exp=$(date -u -d '+3602 seconds' +%Y-%m-%dT%H:%M:%SZ)\n"
                      "printf '{\"Version\":1,\"AccessKeyId\":\"AKID%s\",\"SecretAccessKey\":\"s\","
                      "\"Expiration\":\"%s\"}' \"$n\" \"$exp\"\n",
                  true));
    CredentialsProvider::Options options;
    options.profile = u"proc"_s;
    options.config = processConfig(path);
    options.refreshMargin = 1h;
    options.minimumRefreshInterval = 1s;
    CredentialsProvider provider(options);
    QSignalSpy changed(&provider, &CredentialsProvider::credentialsChanged);
    const Result first = waitFor(provider.credentials());
    VERIFY_OK(first);
    QCOMPARE(first->credentials.accessKeyId, u"AKID1"_s);
    // Due an hour before expiry, i.e. about two seconds from now: the timer runs the process
    // again without anyone asking.
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 2, kWaitMs);
    QCOMPARE(provider.cached()->credentials.accessKeyId, u"AKID2"_s);
    const Result current = waitFor(provider.credentials());
    VERIFY_OK(current);
    QVERIFY(current->credentials.accessKeyId != u"AKID1");
}

void TestCredentialsProvider::destroyedWhileProcessRuns()
{
    const QString path = m_dir->filePath(u"slow.sh"_s);
    QVERIFY(writeFile(path, "#!/bin/sh\nexec sleep 30\n", true));
    CredentialsProvider::Options options;
    options.profile = u"proc"_s;
    options.config = processConfig(path);
    QElapsedTimer timer;
    timer.start();
    QFuture<Result> future;
    {
        CredentialsProvider provider(options);
        future = provider.credentials();
        QTest::qWait(200); // let the process start
    }
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(future.isFinished());
    QCOMPARE(future.resultCount(), 0); // cancelled, not answered
}

void TestCredentialsProvider::assumeRoleSignedBySourceProfile()
{
    CredentialsProvider provider(roleOptions(u"middle"_s));
    const Result result = waitFor(provider.credentials());
    VERIFY_OK(result);

    const QList<AwsStandIn::StsCall> calls = m_standIn->stsCalls();
    QCOMPARE(calls.size(), 1);
    const AwsStandIn::StsCall &call = calls.front();
    QCOMPARE(call.signedBy, kBaseKeys.accessKeyId);
    QCOMPARE(call.sessionToken, QString());
    const QMap<QString, QString> expected{
        {u"Action"_s, u"AssumeRole"_s},  {u"Version"_s, u"2011-06-15"_s},
        {u"RoleArn"_s, kMiddleRole},     {u"RoleSessionName"_s, u"middle-session"_s},
        {u"ExternalId"_s, u"ext-123"_s}, {u"DurationSeconds"_s, u"1800"_s}};
    QCOMPARE(call.parameters, expected);

    QCOMPARE(result->credentials.accessKeyId, call.issued.accessKeyId);
    QCOMPARE(result->credentials.secretAccessKey, call.issued.secretAccessKey);
    QCOMPARE(result->credentials.sessionToken, call.issued.sessionToken);
    QCOMPARE(result->expiration, call.expiration);
    QVERIFY2(result->source.contains(kMiddleRole) && result->source.contains(u"middle"),
             qPrintable(result->source));
}

void TestCredentialsProvider::roleChainUsesEachStepsCredentials()
{
    CredentialsProvider provider(roleOptions(u"top"_s));
    const Result result = waitFor(provider.credentials());
    VERIFY_OK(result);
    const QList<AwsStandIn::StsCall> calls = m_standIn->stsCalls();
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls[0].parameters.value(u"RoleArn"_s), kMiddleRole);
    QCOMPARE(calls[0].signedBy, kBaseKeys.accessKeyId);
    // The second call is signed with the first role's temporary credentials and their token.
    QCOMPARE(calls[1].parameters.value(u"RoleArn"_s), kTopRole);
    QCOMPARE(calls[1].signedBy, calls[0].issued.accessKeyId);
    QCOMPARE(calls[1].sessionToken, calls[0].issued.sessionToken);
    QVERIFY2(calls[1].parameters.value(u"RoleSessionName"_s).startsWith(u"shardscope-session-"),
             qPrintable(calls[1].parameters.value(u"RoleSessionName"_s)));
    QVERIFY(!calls[1].parameters.contains(u"ExternalId"_s));
    QVERIFY(!calls[1].parameters.contains(u"DurationSeconds"_s));
    QCOMPARE(result->credentials.accessKeyId, calls[1].issued.accessKeyId);
}

void TestCredentialsProvider::assumeRoleWithEnvironmentSource()
{
    const AwsCredentials environmentKeys{u"AKIDENVIRONMENT"_s, u"env-secret"_s, u"env-token"_s};
    m_standIn->addKeys(environmentKeys);
    m_standIn->setRegion(u"eu-west-1"_s); // the profile's region signs the request
    CredentialsProvider provider(
        roleOptions(u"envrole"_s, {{u"AWS_ACCESS_KEY_ID"_s, environmentKeys.accessKeyId},
                                   {u"AWS_SECRET_ACCESS_KEY"_s, environmentKeys.secretAccessKey},
                                   {u"AWS_SESSION_TOKEN"_s, environmentKeys.sessionToken}}));
    const Result result = waitFor(provider.credentials());
    VERIFY_OK(result);
    const QList<AwsStandIn::StsCall> calls = m_standIn->stsCalls();
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls[0].signedBy, environmentKeys.accessKeyId);
    QCOMPARE(calls[0].sessionToken, environmentKeys.sessionToken);
    QCOMPARE(result->credentials.accessKeyId, calls[0].issued.accessKeyId);
}

void TestCredentialsProvider::assumeRoleDenied()
{
    m_standIn->denyAllRoles();
    CredentialsProvider provider(roleOptions(u"middle"_s));
    QSignalSpy failed(&provider, &CredentialsProvider::resolutionFailed);
    const Result result = waitFor(provider.credentials());
    VERIFY_ERROR(result, ErrorType::AccessDenied);
    QCOMPARE(errorMessage(result),
             u"Assuming role arn:aws:iam::111111111111:role/Middle for profile \"middle\" "
             u"failed: AccessDenied: User: arn:aws:iam::123456789012:user/tester is not "
             u"authorized to perform: sts:AssumeRole on resource: "
             u"arn:aws:iam::111111111111:role/Middle"_s);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.front().front().value<Error>().type, ErrorType::AccessDenied);
}

void TestCredentialsProvider::assumeRoleBadSignatureRejected()
{
    CredentialsProvider::Options options = roleOptions(u"middle"_s);
    options.config = AwsConfig::fromText(
        "[profile base]\naws_access_key_id = AKIDBASEEXAMPLE\naws_secret_access_key = wrong\n"
        "[profile middle]\nrole_arn = arn:aws:iam::111111111111:role/Middle\n"
        "source_profile = base\nregion = us-east-1\n",
        {});
    CredentialsProvider provider(options);
    const Result result = waitFor(provider.credentials());
    VERIFY_ERROR(result, ErrorType::UnrecognizedClient);
    QVERIFY2(errorMessage(result).contains(u"SignatureDoesNotMatch: The request signature we "
                                           u"calculated does not match"),
             qPrintable(errorMessage(result)));
    QVERIFY(m_standIn->stsCalls().isEmpty());
}

void TestCredentialsProvider::stsUnreachable()
{
    CredentialsProvider::Options options = roleOptions(u"middle"_s);
    const quint16 closedPort = m_standIn->url().port();
    m_standIn.reset(); // nobody listens there any more
    options.stsEndpoint = QUrl(u"http://127.0.0.1:%1/"_s.arg(closedPort));
    CredentialsProvider provider(options);
    const Result result = waitFor(provider.credentials());
    VERIFY_ERROR(result, ErrorType::InternalFailure);
    QVERIFY2(errorMessage(result).contains(u"STS could not be reached"),
             qPrintable(errorMessage(result)));
}

void TestCredentialsProvider::stsTimeout()
{
    m_standIn->setDelay(3s);
    CredentialsProvider::Options options = roleOptions(u"middle"_s);
    options.networkTimeout = 300ms;
    CredentialsProvider provider(options);
    QElapsedTimer timer;
    timer.start();
    const Result result = waitFor(provider.credentials());
    VERIFY_ERROR(result, ErrorType::InternalFailure);
    QVERIFY2(errorMessage(result).contains(u"127.0.0.1 did not answer within 0.3 seconds"),
             qPrintable(errorMessage(result)));
    QVERIFY(timer.elapsed() < 2500);
}

void TestCredentialsProvider::configuredStsEndpointUsed()
{
    // Without an override, an endpoint configured for STS (here AWS_ENDPOINT_URL_STS) is used.
    CredentialsProvider::Options options =
        roleOptions(u"middle"_s, {{u"AWS_ENDPOINT_URL_STS"_s, m_standIn->url().toString()}});
    options.stsEndpoint = QUrl();
    CredentialsProvider provider(options);
    VERIFY_OK(waitFor(provider.credentials()));
    QCOMPARE(m_standIn->stsCalls().size(), 1);
}

void TestCredentialsProvider::ssoSessionProfile()
{
    m_standIn->setSsoToken(u"cached-access-token"_s);
    m_standIn->allowSsoRole(u"111122223333"_s, u"ReadOnly"_s);
    writeSsoToken(u"ee0bfd2552fbd840c02cc48b6e823320543c450f"_s, u"cached-access-token"_s,
                  QDateTime::currentDateTimeUtc().addSecs(3600));
    CredentialsProvider provider(roleOptions(u"dev"_s));
    const Result result = waitFor(provider.credentials());
    VERIFY_OK(result);
    const QList<AwsStandIn::SsoCall> calls = m_standIn->ssoCalls();
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls[0].bearerToken, u"cached-access-token"_s);
    QCOMPARE(calls[0].accountId, u"111122223333"_s);
    QCOMPARE(calls[0].roleName, u"ReadOnly"_s);
    QCOMPARE(result->credentials.accessKeyId, calls[0].issued.accessKeyId);
    QCOMPARE(result->credentials.secretAccessKey, calls[0].issued.secretAccessKey);
    QCOMPARE(result->credentials.sessionToken, calls[0].issued.sessionToken);
    QCOMPARE(result->expiration, calls[0].expiration); // epoch milliseconds, to the millisecond
    QVERIFY2(result->source.contains(u"ReadOnly"), qPrintable(result->source));
}

void TestCredentialsProvider::ssoLegacyProfile()
{
    m_standIn->setSsoToken(u"legacy-token"_s);
    m_standIn->allowSsoRole(u"444455556666"_s, u"Admin"_s);
    writeSsoToken(u"33d5ca4bf3b1a62edb96b47f7c203034a43ac435"_s, u"legacy-token"_s,
                  QDateTime::currentDateTimeUtc().addSecs(600));
    CredentialsProvider provider(roleOptions(u"old"_s));
    const Result result = waitFor(provider.credentials());
    VERIFY_OK(result);
    QCOMPARE(m_standIn->ssoCalls().size(), 1);
    QCOMPARE(m_standIn->ssoCalls()[0].roleName, u"Admin"_s);
}

void TestCredentialsProvider::ssoProfileAsRoleSource()
{
    m_standIn->setSsoToken(u"cached-access-token"_s);
    m_standIn->allowSsoRole(u"111122223333"_s, u"ReadOnly"_s);
    writeSsoToken(u"ee0bfd2552fbd840c02cc48b6e823320543c450f"_s, u"cached-access-token"_s,
                  QDateTime::currentDateTimeUtc().addSecs(3600));
    CredentialsProvider provider(roleOptions(u"ssorole"_s));
    const Result result = waitFor(provider.credentials());
    VERIFY_OK(result);
    const QList<AwsStandIn::SsoCall> ssoCalls = m_standIn->ssoCalls();
    const QList<AwsStandIn::StsCall> stsCalls = m_standIn->stsCalls();
    QCOMPARE(ssoCalls.size(), 1);
    QCOMPARE(stsCalls.size(), 1);
    QCOMPARE(stsCalls[0].signedBy, ssoCalls[0].issued.accessKeyId);
    QCOMPARE(stsCalls[0].sessionToken, ssoCalls[0].issued.sessionToken);
    QCOMPARE(stsCalls[0].parameters.value(u"RoleArn"_s), kTopRole);
    QCOMPARE(result->credentials.accessKeyId, stsCalls[0].issued.accessKeyId);
}

void TestCredentialsProvider::ssoLoginRequired_data()
{
    QTest::addColumn<QString>("cachedToken"); // empty: no accessToken in the file
    QTest::addColumn<int>("expiresInSeconds");
    QTest::addColumn<bool>("writeCache");
    QTest::addColumn<int>("portalCalls");

    QTest::newRow("never logged in") << QString() << 0 << false << 0;
    QTest::newRow("token expired") << u"cached-access-token"_s << -60 << true << 0;
    QTest::newRow("no access token in the cache") << QString() << 3600 << true << 0;
    QTest::newRow("portal refuses the token") << u"revoked-token"_s << 3600 << true << 1;
}

void TestCredentialsProvider::ssoLoginRequired()
{
    QFETCH(QString, cachedToken);
    QFETCH(int, expiresInSeconds);
    QFETCH(bool, writeCache);
    QFETCH(int, portalCalls);
    m_standIn->setSsoToken(u"cached-access-token"_s);
    m_standIn->allowSsoRole(u"111122223333"_s, u"ReadOnly"_s);
    if (writeCache)
        writeSsoToken(u"ee0bfd2552fbd840c02cc48b6e823320543c450f"_s, cachedToken,
                      QDateTime::currentDateTimeUtc().addSecs(expiresInSeconds));
    CredentialsProvider provider(roleOptions(u"dev"_s));
    const Result result = waitFor(provider.credentials());
    VERIFY_ERROR(result, ErrorType::UnrecognizedClient);
    QCOMPARE(errorMessage(result),
             u"The IAM Identity Center (SSO) session for profile \"dev\" has expired or was "
             u"never started. Run `aws sso login --profile dev` and try again."_s);
    QCOMPARE(m_standIn->requestCount(), portalCalls);
    QVERIFY(m_standIn->ssoCalls().isEmpty());
}

void TestCredentialsProvider::ssoRoleNotAssigned()
{
    m_standIn->setSsoToken(u"cached-access-token"_s);
    writeSsoToken(u"ee0bfd2552fbd840c02cc48b6e823320543c450f"_s, u"cached-access-token"_s,
                  QDateTime::currentDateTimeUtc().addSecs(3600));
    CredentialsProvider provider(roleOptions(u"dev"_s));
    const Result result = waitFor(provider.credentials());
    VERIFY_ERROR(result, ErrorType::AccessDenied);
    QCOMPARE(errorMessage(result),
             u"IAM Identity Center refused role ReadOnly in account 111122223333 for profile "
             u"\"dev\": ForbiddenException: No access"_s);
}

void TestCredentialsProvider::cachedCredentialsReused()
{
    CredentialsProvider provider(roleOptions(u"middle"_s));
    QSignalSpy changed(&provider, &CredentialsProvider::credentialsChanged);
    const Result first = waitFor(provider.credentials());
    VERIFY_OK(first);
    const QFuture<Result> second = provider.credentials();
    QVERIFY(second.isFinished()); // an hour left: no need to ask STS
    QCOMPARE(second.result()->credentials.accessKeyId, first->credentials.accessKeyId);
    QCOMPARE(m_standIn->stsCalls().size(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(provider.cached()->credentials.accessKeyId, first->credentials.accessKeyId);
}

void TestCredentialsProvider::concurrentCallsShareOneResolution()
{
    CredentialsProvider provider(roleOptions(u"top"_s));
    const QList<QFuture<Result>> futures = {provider.credentials(), provider.credentials(),
                                            provider.credentials()};
    for (const QFuture<Result> &future : futures) {
        const Result result = waitFor(future);
        VERIFY_OK(result);
        QCOMPARE(result->credentials.accessKeyId, m_standIn->stsCalls().last().issued.accessKeyId);
    }
    QCOMPARE(m_standIn->stsCalls().size(), 2); // one chain of two roles, not three
}

void TestCredentialsProvider::callableFromAnotherThread()
{
    CredentialsProvider provider(roleOptions(u"middle"_s));
    QFuture<Result> fromWorker = QtConcurrent::run([&provider] {
        // Blocks the worker only; the provider does its work on this test's thread.
        return provider.credentials().result();
    });
    const Result result = waitFor(fromWorker);
    VERIFY_OK(result);
    QCOMPARE(result->credentials.accessKeyId, m_standIn->stsCalls().front().issued.accessKeyId);
}

void TestCredentialsProvider::refreshedBeforeExpiry()
{
    // STS credentials that expire an hour and two seconds from now, with a one-hour margin:
    // due for refresh in about two seconds.
    m_standIn->setLifetime(3602s);
    CredentialsProvider::Options options = roleOptions(u"middle"_s);
    options.refreshMargin = 1h;
    options.minimumRefreshInterval = 1s;
    CredentialsProvider provider(options);
    QSignalSpy changed(&provider, &CredentialsProvider::credentialsChanged);
    const Result first = waitFor(provider.credentials());
    VERIFY_OK(first);
    QCOMPARE(changed.count(), 1);
    // Still fresh right now: served from the cache.
    QVERIFY(provider.credentials().isFinished());
    QCOMPARE(m_standIn->stsCalls().size(), 1);

    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 2, kWaitMs);
    const QList<AwsStandIn::StsCall> calls = m_standIn->stsCalls();
    QVERIFY(calls.size() >= 2);
    QCOMPARE(calls[1].signedBy, kBaseKeys.accessKeyId);
    const std::optional<ResolvedCredentials> refreshed = provider.cached();
    QVERIFY(refreshed.has_value());
    QVERIFY(refreshed->credentials.accessKeyId != first->credentials.accessKeyId);
    QVERIFY(*refreshed->expiration > *first->expiration);
}

void TestCredentialsProvider::failedRefreshKeepsValidCredentials()
{
    m_standIn->setLifetime(3602s);
    CredentialsProvider::Options options = roleOptions(u"middle"_s);
    options.refreshMargin = 1h;
    options.minimumRefreshInterval = 1s;
    CredentialsProvider provider(options);
    QSignalSpy failed(&provider, &CredentialsProvider::resolutionFailed);
    const Result first = waitFor(provider.credentials());
    VERIFY_OK(first);

    m_standIn->denyAllRoles();
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, kWaitMs);
    QCOMPARE(failed.front().front().value<Error>().type, ErrorType::AccessDenied);
    // The old credentials are valid for another hour, so callers still get them.
    const Result during = waitFor(provider.credentials());
    VERIFY_OK(during);
    QCOMPARE(during->credentials.accessKeyId, first->credentials.accessKeyId);
    QCOMPARE(provider.cached()->credentials.accessKeyId, first->credentials.accessKeyId);
}

void TestCredentialsProvider::invalidateResolvesAgain()
{
    CredentialsProvider provider(roleOptions(u"middle"_s));
    const Result first = waitFor(provider.credentials());
    VERIFY_OK(first);
    provider.invalidate();
    QCOMPARE(provider.cached(), std::nullopt);
    const Result second = waitFor(provider.credentials());
    VERIFY_OK(second);
    QCOMPARE(m_standIn->stsCalls().size(), 2);
    QVERIFY(second->credentials.accessKeyId != first->credentials.accessKeyId);
}

QTEST_GUILESS_MAIN(TestCredentialsProvider)
#include "tst_credentialsprovider.moc"
