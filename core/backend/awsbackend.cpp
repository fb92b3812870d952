#include "awsbackend.h"

#include "aws/awsconfig.h"
#include "aws/awsendpoint.h"
#include "aws/awshttp.h"
#include "aws/awslog.h"
#include "aws/awsretry.h"
#include "aws/credentialsprovider.h"
#include "backend/awssubscription.h"
#include "backend/backendlog.h"
#include "backend/futureutils.h"
#include "kinesis/streamarn.h"
#include "metrics/metricnames.h"
#include "protocol/cloudwatchcodec.h"

#include <QCborMap>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QRandomGenerator>
#include <QSet>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTimeZone>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <climits>
#include <cmath>
#include <utility>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

QString nameOf(const StreamTarget &target)
{
    return target.streamName.isEmpty() ? target.streamArn : target.streamName;
}

// The wire type a response decodes as: operations without output answer `{}` (or nothing).
template<typename T> struct WireResponse { using type = T; };
template<> struct WireResponse<void> { using type = EmptyMessage; };

template<typename Response>
BackendResult<Response> decodeResponse(const WireCodec &codec, const QString &operation,
                                       const QByteArray &body)
{
    const QByteArray json = body.trimmed().isEmpty() ? QByteArrayLiteral("{}") : body;
    auto decoded = codec.decode<typename WireResponse<Response>::type>(json);
    if (!decoded) {
        return std::unexpected(Error{
            ErrorType::InternalFailure,
            AwsBackend::tr("The answer to %1 could not be read: %2")
                .arg(operation,
                     decoded.error().message.isEmpty() ? decoded.error().typeName()
                                                       : decoded.error().message)});
    }
    if constexpr (std::is_void_v<Response>)
        return {};
    else
        return *std::move(decoded);
}

// Error types other AWS services (STS, the signature checks in front of every service) send
// that our ErrorType has no name for, by the nearest one.
std::optional<ErrorType> foreignErrorType(const QString &name)
{
    static const QHash<QString, ErrorType> table = {
        {u"ExpiredTokenException"_s, ErrorType::UnrecognizedClient},
        {u"ExpiredToken"_s, ErrorType::UnrecognizedClient},
        {u"TokenRefreshRequired"_s, ErrorType::UnrecognizedClient},
        {u"InvalidClientTokenId"_s, ErrorType::UnrecognizedClient},
        {u"ThrottlingException"_s, ErrorType::LimitExceeded},
        {u"Throttling"_s, ErrorType::LimitExceeded},
        {u"ThrottledException"_s, ErrorType::LimitExceeded},
        {u"TooManyRequestsException"_s, ErrorType::LimitExceeded},
        {u"RequestLimitExceeded"_s, ErrorType::LimitExceeded},
        {u"RequestThrottled"_s, ErrorType::LimitExceeded},
        {u"RequestExpired"_s, ErrorType::InvalidSignature},
        {u"RequestTimeTooSkewed"_s, ErrorType::InvalidSignature},
        {u"SignatureDoesNotMatch"_s, ErrorType::InvalidSignature},
        {u"AccessDenied"_s, ErrorType::AccessDenied},
        {u"NotAuthorized"_s, ErrorType::AccessDenied},
        {u"ServiceUnavailable"_s, ErrorType::InternalFailure},
        {u"ServiceUnavailableException"_s, ErrorType::InternalFailure},
        {u"InternalError"_s, ErrorType::InternalFailure},
        {u"InternalServerError"_s, ErrorType::InternalFailure},
        {u"InternalFailure"_s, ErrorType::InternalFailure},
        // AWS KMS's own types; the message keeps their names.
        {u"NotFoundException"_s, ErrorType::KmsNotFound},
        {u"DisabledException"_s, ErrorType::KmsDisabled},
        {u"AlreadyExistsException"_s, ErrorType::ResourceInUse},
        {u"InvalidAliasNameException"_s, ErrorType::InvalidArgument},
        {u"InvalidArnException"_s, ErrorType::InvalidArgument},
        {u"InvalidMarkerException"_s, ErrorType::InvalidArgument},
        {u"KMSInternalException"_s, ErrorType::InternalFailure},
        {u"DependencyTimeoutException"_s, ErrorType::InternalFailure},
    };
    const auto it = table.constFind(name);
    if (it == table.cend())
        return std::nullopt;
    return *it;
}

struct Failure
{
    Error error;
    QString wireType; // as the service named it; empty when the answer named none
};

Failure decodeFailure(int httpStatus, const QByteArray &body, const QByteArray &typeHeader)
{
    const WireCodec codec(WireFormat::Json);
    QString type;
    QString message;
    if (const auto map = codec.parse(body)) {
        type = map->value("__type"_L1).toString();
        message = map->value("message"_L1).toString();
        if (message.isNull())
            message = map->value("Message"_L1).toString();
    }
    if (type.isEmpty())
        type = QString::fromLatin1(typeHeader);
    type = awsErrorTypeName(type);
    if (type.isEmpty()) {
        // Not a Kinesis answer: a proxy, a load balancer, or not a Kinesis endpoint at all.
        const QString excerpt = QString::fromUtf8(body.left(200)).simplified();
        return {Error{ErrorType::InternalFailure,
                      excerpt.isEmpty()
                          ? AwsBackend::tr("The endpoint answered HTTP %1 without an error "
                                           "description.")
                                .arg(httpStatus)
                          : AwsBackend::tr("The endpoint answered HTTP %1: %2")
                                .arg(httpStatus)
                                .arg(excerpt)},
                {}};
    }
    // Let the codec name the Kinesis types, so client and server agree on them.
    QCborMap errorMap;
    errorMap.insert("__type"_L1, type);
    if (!message.isNull())
        errorMap.insert("message"_L1, message);
    Error error = codec.decodeError(codec.serialize(errorMap));
    const bool known = error.type != ErrorType::InternalFailure || error.typeName() == type ||
                       type == u"InternalFailure";
    if (!known) {
        error.type = foreignErrorType(type).value_or(
            httpStatus >= 500 ? ErrorType::InternalFailure : ErrorType::InvalidArgument);
        error.message = message.isEmpty() ? type : QString(type % u": " % message);
    }
    return {error, type};
}

// `service` is the signing name: KMS's LimitExceededException is a quota (too many keys or
// aliases), not a rate, and waiting does not help.
bool isThrottling(const QString &wireType, int httpStatus, QStringView service)
{
    if (service == u"kms" && wireType == u"LimitExceededException")
        return false;
    static const QStringList types = {
        u"ProvisionedThroughputExceededException"_s, u"LimitExceededException"_s,
        u"ThrottlingException"_s, u"Throttling"_s, u"ThrottledException"_s,
        u"KMSThrottlingException"_s, u"TooManyRequestsException"_s, u"RequestLimitExceeded"_s,
        u"RequestThrottled"_s};
    return httpStatus == 429 || types.contains(wireType);
}

// Network failures worth another try; TLS and protocol failures will not heal by waiting.
bool isTransientNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

QString streamNameOf(const StreamTarget &target)
{
    if (!target.streamName.isEmpty())
        return target.streamName;
    const auto arn = StreamArn::parse(target.streamArn);
    return arn ? arn->streamName : QString();
}

} // namespace

struct AwsBackend::Exchange
{
    quint64 id = 0;
    const Service *service = nullptr;
    QString operation; // the wire name, e.g. "ListShards"
    QString target;
    QByteArray body;
    int attempts = 0;
    int retries = 0; // backoff retries used
    AwsRecoveryAttempt recovery; // skew and expired credentials, once each
    BackendCall call; // the current attempt
    QElapsedTimer timer;
    QPointer<QNetworkReply> reply;
    // Set by invoke(): decode the body and end the call; or hand an error to the future only.
    std::function<void(const ExchangePtr &, const QByteArray &)> succeeded;
    std::function<void(const Error &)> failed;
};

AwsBackend::AwsBackend(AwsBackendOptions options, QObject *parent)
    : StreamBackend(parent), m_options(std::move(options)),
      m_network(new QNetworkAccessManager(this)), m_provider(m_options.credentialsProvider),
      m_recovery(m_options.clock)
{
    m_kinesis.signingName = u"kinesis"_s;
    m_kinesis.targetPrefix = u"Kinesis_20131202."_s;
    m_kinesis.url = m_options.endpoint.isEmpty() ? defaultEndpoint(m_options.region)
                                                 : m_options.endpoint;
    m_kinesis.hostHeader = AwsEndpoint::hostHeader(m_kinesis.url);
    // A custom endpoint (LocalStack, kinesalite, another Shardscope) is asked for KMS too.
    m_kms.signingName = u"kms"_s;
    m_kms.targetPrefix = u"TrentService."_s;
    m_kms.activityPrefix = u"kms:"_s;
    m_kms.url = m_options.endpoint.isEmpty() ? defaultKmsEndpoint(m_options.region)
                                             : m_options.endpoint;
    m_kms.hostHeader = AwsEndpoint::hostHeader(m_kms.url);
    // CloudWatch (metrics) speaks JSON 1.0; a custom endpoint is asked for it too.
    m_cloudWatch.signingName = u"monitoring"_s;
    m_cloudWatch.targetPrefix = CloudWatchCodec::kTargetPrefix;
    m_cloudWatch.activityPrefix = u"cloudwatch:"_s;
    m_cloudWatch.url = m_options.endpoint.isEmpty() ? defaultCloudWatchEndpoint(m_options.region)
                                                    : m_options.endpoint;
    m_cloudWatch.hostHeader = AwsEndpoint::hostHeader(m_cloudWatch.url);
    m_cloudWatch.contentType = QByteArray(CloudWatchCodec::kContentType.data(),
                                          CloudWatchCodec::kContentType.size());

    if (!m_options.caCertificateFile.isEmpty()) {
        const QList<QSslCertificate> certificates =
            QSslCertificate::fromPath(m_options.caCertificateFile, QSsl::Pem);
        if (!QSslSocket::supportsSsl()) {
            m_caError = tr("This build of Qt cannot use TLS, so the certificate %1 cannot be "
                           "trusted.")
                            .arg(m_options.caCertificateFile);
        } else if (certificates.isEmpty()) {
            m_caError = tr("No PEM certificate could be read from %1.")
                            .arg(m_options.caCertificateFile);
        } else {
            QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
            configuration.addCaCertificates(certificates);
            m_sslConfiguration = configuration;
        }
        if (!m_caError.isEmpty())
            qCWarning(lcBackend).noquote() << m_options.displayName << ":" << m_caError;
    }
    m_pool.setMaxThreadCount(2);
    m_pool.setObjectName(u"AwsBackend"_s);
}

AwsBackend::~AwsBackend()
{
    // Aborted replies report `finished` at once; nothing may call back into a backend that is
    // going away.
    const auto exchanges = m_inFlight.values();
    for (const ExchangePtr &exchange : exchanges) {
        if (exchange->reply) {
            exchange->reply->disconnect(this);
            exchange->reply->abort();
        }
    }
    m_pool.waitForDone();
    const Error closed{ErrorType::InternalFailure,
                       tr("The connection %1 was closed.").arg(m_options.displayName)};
    for (const ExchangePtr &exchange : exchanges)
        exchange->failed(closed);
    m_inFlight.clear();
}

QUrl AwsBackend::defaultEndpoint(const QString &region)
{
    return AwsEndpoint::forService(u"kinesis"_s, region);
}

QUrl AwsBackend::defaultKmsEndpoint(const QString &region)
{
    return AwsEndpoint::forService(u"kms"_s, region);
}

std::chrono::milliseconds AwsBackend::backoffDelay(int retry, std::chrono::milliseconds base,
                                                   std::chrono::milliseconds maxDelay,
                                                   double random)
{
    return AwsRetry::backoffDelay(retry, base, maxDelay, random);
}

Error AwsBackend::errorFromResponse(int httpStatus, const QByteArray &body,
                                    const QByteArray &errorTypeHeader)
{
    return decodeFailure(httpStatus, body, errorTypeHeader).error;
}

QString AwsBackend::location() const
{
    return m_kinesis.url.toString();
}

std::optional<Error> AwsBackend::setupError() const
{
    if (!m_caError.isEmpty())
        return Error{ErrorType::InvalidArgument, m_caError};
    if (!m_provider && !m_options.staticCredentials) {
        return Error{ErrorType::MissingAuthenticationToken,
                     tr("The connection %1 has no credentials: pick a profile or enter access "
                        "keys.")
                         .arg(m_options.displayName)};
    }
    return std::nullopt;
}

template<typename T>
BackendFuture<T> AwsBackend::refuse(const QString &operation, const QString &target,
                                    const Error &error)
{
    BackendCall call{++m_nextCallId, operation, target, QDateTime::currentDateTimeUtc(), 0, {}};
    emit callStarted(call);
    call.error = error;
    emit callFinished(call);
    return readyFuture<T>(std::unexpected(error));
}

std::optional<Error> AwsBackend::refusal(Access access) const
{
    if (access != Access::Read && m_options.readOnly) {
        return Error{ErrorType::AccessDenied,
                     tr("The connection %1 is read-only.").arg(m_options.displayName)};
    }
    return setupError();
}

void AwsBackend::launch(const ExchangePtr &exchange)
{
    exchange->id = ++m_nextCallId;
    m_inFlight.insert(exchange->id, exchange);
    startAttempt(exchange);
}

template<typename Response, typename Request>
BackendFuture<Response> AwsBackend::invoke(const QString &operation, const QString &target,
                                           const Request &request, Access access)
{
    if (const auto error = refusal(access))
        return refuse<Response>(operation, target, *error);

    auto promise = std::make_shared<QPromise<BackendResult<Response>>>();
    promise->start();
    auto exchange = std::make_shared<Exchange>();
    exchange->service = &m_kinesis;
    exchange->operation = operation;
    exchange->target = target;
    // Encoding a full PutRecords (5 MB) takes a few milliseconds; not worth a thread hop.
    exchange->body = m_codec.encode(request);
    exchange->failed = [promise](const Error &error) {
        promise->addResult(BackendResult<Response>(std::unexpected(error)));
        promise->finish();
    };
    exchange->succeeded = [this, promise, access](const ExchangePtr &self, const QByteArray &body) {
        // GetRecords answers reach 10 MB of JSON: decode off this thread.
        auto decoded = QtConcurrent::run(&m_pool, [codec = m_codec, operation = self->operation,
                                                   body] {
            return decodeResponse<Response>(codec, operation, body);
        });
        onResult(this, decoded, [this, self, promise, access](BackendResult<Response> result) {
            complete(self, result ? std::nullopt : std::optional<Error>(result.error()));
            if (result && access == Access::Catalog)
                emit catalogChanged();
            promise->addResult(std::move(result));
            promise->finish();
        });
    };
    launch(exchange);
    return promise->future();
}

AwsBackend::KmsFuture AwsBackend::invokeKms(const QString &operation, const QString &target,
                                            const QJsonObject &request, Access access)
{
    if (const auto error = refusal(access))
        return refuse<QJsonObject>(m_kms.activityPrefix + operation, target, *error);

    auto promise = std::make_shared<QPromise<BackendResult<QJsonObject>>>();
    promise->start();
    auto exchange = std::make_shared<Exchange>();
    exchange->service = &m_kms;
    exchange->operation = operation;
    exchange->target = target;
    exchange->body = QJsonDocument(request).toJson(QJsonDocument::Compact);
    exchange->failed = [promise](const Error &error) {
        promise->addResult(BackendResult<QJsonObject>(std::unexpected(error)));
        promise->finish();
    };
    // KMS answers are a few kilobytes: read them here.
    exchange->succeeded = [this, promise](const ExchangePtr &self, const QByteArray &body) {
        BackendResult<QJsonObject> result;
        if (!body.trimmed().isEmpty()) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
            if (document.isObject()) {
                result = document.object();
            } else {
                result = std::unexpected(Error{
                    ErrorType::InternalFailure,
                    tr("The answer to %1 could not be read: %2")
                        .arg(self->operation,
                             parseError.error == QJsonParseError::NoError
                                 ? tr("not a JSON object")
                                 : parseError.errorString())});
            }
        }
        complete(self, result ? std::nullopt : std::optional<Error>(result.error()));
        promise->addResult(std::move(result));
        promise->finish();
    };
    launch(exchange);
    return promise->future();
}

void AwsBackend::startAttempt(const ExchangePtr &exchange)
{
    ++exchange->attempts;
    const QString operation = exchange->service->activityPrefix + exchange->operation;
    const QString name = exchange->attempts == 1
                             ? operation
                             : tr("%1 (retry %2)").arg(operation).arg(exchange->attempts - 1);
    exchange->call = BackendCall{exchange->attempts == 1 ? exchange->id : ++m_nextCallId, name,
                                 exchange->target, QDateTime::currentDateTimeUtc(), 0, {}};
    exchange->timer.start();
    emit callStarted(exchange->call);

    withCredentials(this, [this, exchange](const std::expected<AwsCredentials, Error> &credentials) {
        if (!credentials) {
            complete(exchange, credentials.error());
            exchange->failed(credentials.error());
            return;
        }
        send(exchange, *credentials);
    });
}

void AwsBackend::withCredentials(
    QObject *context, std::function<void(const std::expected<AwsCredentials, Error> &)> ready)
{
    if (!m_provider) {
        if (m_options.staticCredentials)
            ready(*m_options.staticCredentials);
        else
            ready(std::unexpected(*setupError()));
        return;
    }
    // A watcher of our own rather than onResult(): a provider destroyed meanwhile leaves a
    // future without a result, and the call must still end.
    auto *watcher = new QFutureWatcher<CredentialsProvider::Result>(context);
    connect(watcher, &QFutureWatcherBase::finished, context,
            [watcher, ready = std::move(ready), name = m_options.displayName] {
                watcher->deleteLater();
                if (watcher->future().resultCount() == 0) {
                    ready(std::unexpected(Error{
                        ErrorType::MissingAuthenticationToken,
                        tr("The credentials of %1 are no longer available.").arg(name)}));
                    return;
                }
                const CredentialsProvider::Result credentials = watcher->future().result();
                if (!credentials)
                    ready(std::unexpected(credentials.error()));
                else
                    ready(credentials->credentials);
            });
    watcher->setFuture(m_provider->credentials());
}

QNetworkRequest AwsBackend::signedRequest(const Service &service, const QString &operation,
                                          const QByteArray &body,
                                          const AwsCredentials &credentials) const
{
    SignableRequest signable;
    signable.method = "POST";
    signable.path = service.url.path(QUrl::FullyEncoded).toUtf8();
    if (signable.path.isEmpty())
        signable.path = "/";
    signable.headers.append({QByteArrayLiteral("Host"), service.hostHeader});
    // Kinesis and KMS both speak JSON 1.1, CloudWatch JSON 1.0.
    signable.headers.append({QByteArrayLiteral("Content-Type"),
                             service.contentType.isEmpty() ? m_codec.contentType()
                                                           : service.contentType});
    signable.headers.append({QByteArrayLiteral("X-Amz-Target"),
                             QString(service.targetPrefix + operation).toLatin1()});
    signable.body = body;
    const QDateTime now = m_recovery.signingTime();
    SigV4::sign(signable, credentials, m_options.region, service.signingName, now);

    QNetworkRequest request(service.url);
    for (const auto &[name, value] : std::as_const(signable.headers))
        request.setRawHeader(name, value);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Shardscope"));
    request.setTransferTimeout(
        static_cast<int>(std::clamp<qint64>(m_options.requestTimeout.count(), 1, INT_MAX)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (m_sslConfiguration)
        request.setSslConfiguration(*m_sslConfiguration);
    return request;
}

void AwsBackend::send(const ExchangePtr &exchange, const AwsCredentials &credentials)
{
    QNetworkRequest request =
        signedRequest(*exchange->service, exchange->operation, exchange->body, credentials);
    // HTTP/1.1 as the SDKs use for these operations; the signed Host is then what travels.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

    QNetworkReply *reply = m_network->post(request, exchange->body);
    exchange->reply = reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, exchange, reply] { handleReply(exchange, reply); });
}

void AwsBackend::handleReply(const ExchangePtr &exchange, QNetworkReply *reply)
{
    reply->deleteLater();
    exchange->reply = nullptr;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();

    if (status >= 200 && status < 300) {
        exchange->succeeded(exchange, body);
        return;
    }

    Failure failure;
    bool transient = false;
    const QString &signingName = exchange->service->signingName;
    if (status == 0) {
        const QString host = exchange->service->url.host();
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                              reply->error() == QNetworkReply::TimeoutError;
        failure.error = Error{
            ErrorType::InternalFailure,
            timedOut ? tr("%1 did not answer within %2 seconds.")
                           .arg(host)
                           .arg(std::chrono::duration<double>(m_options.requestTimeout).count())
                     : tr("%1 could not be reached: %2").arg(host, reply->errorString())};
        transient = isTransientNetworkError(reply->error());
    } else {
        failure = decodeFailure(status, body, reply->rawHeader("x-amzn-ErrorType"));
        transient = status >= 500 || isThrottling(failure.wireType, status, signingName);
    }

    const QString what = exchange->service->activityPrefix + exchange->operation;
    if (m_recovery.shouldRetry(what + u" to "_s + exchange->service->url.host(), failure.wireType,
                               failure.error.message, reply->rawHeader("Date"), m_provider, exchange->recovery)) {
        retry(exchange, failure.error, std::chrono::milliseconds(0));
        return;
    }
    if (transient && exchange->retries < m_options.maxRetries) {
        const bool throttled = isThrottling(failure.wireType, status, signingName);
        const auto base = throttled ? m_options.throttlingBaseDelay : m_options.retryBaseDelay;
        const auto delay = backoffDelay(exchange->retries, base, m_options.retryMaxDelay,
                                        QRandomGenerator::global()->generateDouble());
        ++exchange->retries;
        qCDebug(lcAws).noquote() << what << "of" << m_options.displayName
                                 << (throttled ? "throttled" : "failed") << "(" << failure.error.message
                                 << "); retry" << exchange->retries << "of" << m_options.maxRetries
                                 << "in" << delay.count() << "ms";
        retry(exchange, failure.error, delay);
        return;
    }
    if (exchange->attempts > 1)
        qCInfo(lcAws).noquote() << what << "of" << m_options.displayName << "failed after"
                                << exchange->attempts << "attempts:" << failure.error.message;
    const Error error = withAdvice(failure.error, failure.wireType, *exchange);
    complete(exchange, error);
    exchange->failed(error);
}

void AwsBackend::retry(const ExchangePtr &exchange, const Error &error,
                       std::chrono::milliseconds delay)
{
    exchange->call.durationMs = exchange->timer.elapsed();
    exchange->call.error = error;
    emit callFinished(exchange->call);
    QTimer::singleShot(delay, this, [this, exchange] { startAttempt(exchange); });
}

void AwsBackend::complete(const ExchangePtr &exchange, const std::optional<Error> &error)
{
    if (error)
        qCDebug(lcBackend).noquote() << exchange->call.operation << exchange->call.target << "on"
                                     << m_options.displayName << "failed:" << error->typeName()
                                     << error->message;
    exchange->call.durationMs = exchange->timer.elapsed();
    exchange->call.error = error;
    m_inFlight.remove(exchange->id);
    emit callFinished(exchange->call);
}

Error AwsBackend::withAdvice(const Error &error, const QString &wireType,
                             const Exchange &exchange) const
{
    const Failure failure{error, wireType};
    const auto appended = [&error](const QString &advice) {
        return Error{error.type,
                     error.message.isEmpty() ? advice : QString(error.message % u' ' % advice)};
    };
    if (AwsRecovery::isClockSkew(failure.wireType, failure.error.message)) {
        return appended(tr("The clocks of this computer and %1 disagree; check the system time.")
                            .arg(exchange.service->url.host()));
    }
    if (exchange.service == &m_kms) {
        const QString permission = exchange.service->activityPrefix + exchange.operation;
        if (error.type == ErrorType::UnknownOperation) {
            // kinesalite and our own --serve speak Kinesis only.
            return appended(tr("%1 does not offer AWS KMS (%2 is unknown there): enter the key's "
                               "ARN or alias instead.")
                                .arg(exchange.service->url.toString(),
                                     exchange.service->targetPrefix + exchange.operation));
        }
        if (error.type == ErrorType::AccessDenied) {
            return appended(tr("The credentials of %1 need the IAM permission %2.")
                                .arg(m_options.displayName, permission));
        }
    }
    const bool expired = AwsRecovery::isExpiredCredentials(failure.wireType, failure.error.message);
    if (!expired && error.type != ErrorType::UnrecognizedClient &&
        error.type != ErrorType::InvalidSignature &&
        error.type != ErrorType::MissingAuthenticationToken)
        return error;

    // Which profile the keys come from, and whether it signs in through IAM Identity Center.
    QString profile;
    bool sso = false;
    if (m_provider && !m_provider->options().staticCredentials) {
        const AwsConfig config = m_provider->options().config ? *m_provider->options().config
                                                              : AwsConfig::fromEnvironment();
        const auto plan = config.credentialPlan(m_provider->options().profile);
        if (plan) {
            sso = plan->source.kind == CredentialSource::Kind::Sso;
            profile = sso && !plan->source.sso.profile.isEmpty() ? plan->source.sso.profile
                                                                 : plan->profile;
        } else {
            profile = m_provider->options().profile;
        }
    }

    QString advice;
    if (expired) {
        if (sso)
            advice = tr("Run `aws sso login --profile %1`, then try again.").arg(profile);
        else if (!profile.isEmpty())
            advice = tr("Renew the credentials of profile %1, then try again.").arg(profile);
        else
            advice = tr("The credentials of %1 have expired: enter new ones.")
                         .arg(m_options.displayName);
    } else if (error.type == ErrorType::UnrecognizedClient) {
        advice = profile.isEmpty()
                     ? tr("Check the access key ID of %1.").arg(m_options.displayName)
                     : tr("Check the access key ID of profile %1.").arg(profile);
    } else if (error.type == ErrorType::InvalidSignature) {
        advice = profile.isEmpty()
                     ? tr("Check the secret access key of %1.").arg(m_options.displayName)
                     : tr("Check the secret access key of profile %1.").arg(profile);
    } else {
        advice = tr("Check the credentials of %1.").arg(m_options.displayName);
    }
    return Error{error.type, error.message.isEmpty() ? advice : QString(error.message % u' ' % advice)};
}

// --- paging -----------------------------------------------------------------------------------

namespace {

template<typename Item, typename Request, typename Page>
struct PageCollector
{
    PageCollector() = default;
    PageCollector(const PageCollector &) = delete;
    PageCollector &operator=(const PageCollector &) = delete;
    // Dropped unfinished only when the backend goes away mid-way: end with an error rather
    // than a cancelled future.
    ~PageCollector()
    {
        if (!promise.future().isFinished()) {
            promise.addResult(BackendResult<QList<Item>>(std::unexpected(
                Error{ErrorType::InternalFailure, AwsBackend::tr("The connection was closed.")})));
            promise.finish();
        }
    }

    QPromise<BackendResult<QList<Item>>> promise;
    QList<Item> items;
    std::function<BackendFuture<Page>(const Request &)> fetch;
    std::function<void(const Page &, QList<Item> &)> extract;
    std::function<std::optional<Request>(const Request &, const Page &)> next;
};

template<typename Item, typename Request, typename Page>
void fetchPage(QObject *context, const std::shared_ptr<PageCollector<Item, Request, Page>> &state,
               const Request &request)
{
    onResult(context, state->fetch(request),
             [context, state, request](BackendResult<Page> page) {
                 if (!page) {
                     state->promise.addResult(BackendResult<QList<Item>>(std::unexpected(page.error())));
                     state->promise.finish();
                     return;
                 }
                 state->extract(*page, state->items);
                 const std::optional<Request> following = state->next(request, *page);
                 if (!following) {
                     state->promise.addResult(BackendResult<QList<Item>>(std::move(state->items)));
                     state->promise.finish();
                     return;
                 }
                 fetchPage(context, state, *following);
             });
}

} // namespace

template<typename Item, typename Request, typename Page>
BackendFuture<QList<Item>> AwsBackend::collectPages(
    Request first, std::function<BackendFuture<Page>(const Request &)> fetch,
    std::function<void(const Page &, QList<Item> &)> extract,
    std::function<std::optional<Request>(const Request &, const Page &)> next)
{
    auto state = std::make_shared<PageCollector<Item, Request, Page>>();
    state->promise.start();
    state->fetch = std::move(fetch);
    state->extract = std::move(extract);
    state->next = std::move(next);
    BackendFuture<QList<Item>> future = state->promise.future();
    fetchPage(this, state, first);
    return future;
}

// --- operations -------------------------------------------------------------------------------

BackendFuture<ListStreamsResponse> AwsBackend::listStreams(const ListStreamsRequest &request)
{
    return invoke<ListStreamsResponse>(u"ListStreams"_s, {}, request, Access::Read);
}

BackendFuture<QList<StreamSummary>> AwsBackend::listAllStreams()
{
    ListStreamsRequest first;
    first.limit = 1000;
    return collectPages<StreamSummary, ListStreamsRequest, ListStreamsResponse>(
        first, [this](const ListStreamsRequest &r) { return listStreams(r); },
        [](const ListStreamsResponse &page, QList<StreamSummary> &all) {
            if (!page.streamSummaries.isEmpty()) {
                all.append(page.streamSummaries);
                return;
            }
            // Older implementations (kinesalite) answer with names only.
            for (const QString &name : page.streamNames) {
                StreamSummary summary;
                summary.streamName = name;
                all.append(summary);
            }
        },
        [](const ListStreamsRequest &, const ListStreamsResponse &page)
            -> std::optional<ListStreamsRequest> {
            if (!page.hasMoreStreams || page.streamNames.isEmpty())
                return std::nullopt;
            ListStreamsRequest following;
            following.limit = 1000;
            if (!page.nextToken.isEmpty())
                following.nextToken = page.nextToken;
            else
                following.exclusiveStartStreamName = page.streamNames.constLast();
            return following;
        });
}

BackendFuture<StreamDescriptionSummary> AwsBackend::describeStreamSummary(const StreamTarget &target)
{
    return invoke<StreamDescriptionSummary>(u"DescribeStreamSummary"_s, nameOf(target), target,
                                            Access::Read);
}

BackendFuture<StreamDescription> AwsBackend::describeStream(const DescribeStreamRequest &request)
{
    return invoke<StreamDescription>(u"DescribeStream"_s, nameOf(request.target), request,
                                     Access::Read);
}

BackendFuture<ListShardsResponse> AwsBackend::listShards(const ListShardsRequest &request)
{
    return invoke<ListShardsResponse>(u"ListShards"_s, nameOf(request.target), request,
                                      Access::Read);
}

BackendFuture<QList<Shard>> AwsBackend::listAllShards(const StreamTarget &target,
                                                      const std::optional<ShardFilter> &filter)
{
    ListShardsRequest first;
    first.target = target;
    first.shardFilter = filter;
    first.maxResults = 1000;
    const QString name = nameOf(target);
    return collectPages<Shard, ListShardsRequest, ListShardsResponse>(
        first,
        [this, name](const ListShardsRequest &r) {
            // Later pages carry only the token; the activity dock still names the stream.
            return invoke<ListShardsResponse>(u"ListShards"_s, name, r, Access::Read);
        },
        [](const ListShardsResponse &page, QList<Shard> &all) { all.append(page.shards); },
        [](const ListShardsRequest &previous, const ListShardsResponse &page)
            -> std::optional<ListShardsRequest> {
            if (page.nextToken.isEmpty() || page.nextToken == previous.nextToken)
                return std::nullopt;
            // Kinesis refuses the stream name together with a token.
            ListShardsRequest following;
            following.nextToken = page.nextToken;
            following.maxResults = 1000;
            return following;
        });
}

BackendFuture<QList<ShardStatistics>> AwsBackend::shardStatistics(const QString &streamName)
{
    return refuse<QList<ShardStatistics>>(
        u"ShardStatistics"_s, streamName,
        Error{ErrorType::UnknownOperation,
              tr("Kinesis does not report how many records a shard holds, so %1 cannot show "
                 "shard statistics.")
                  .arg(m_options.displayName)});
}

BackendFuture<DescribeLimitsResponse> AwsBackend::describeLimits()
{
    return invoke<DescribeLimitsResponse>(u"DescribeLimits"_s, {}, EmptyMessage{}, Access::Read);
}

BackendFuture<ShardStatistics> AwsBackend::retentionImpact(const QString &streamName, int hours)
{
    Q_UNUSED(hours)
    return refuse<ShardStatistics>(
        u"RetentionImpact"_s, streamName,
        Error{ErrorType::UnknownOperation,
              tr("The records a shorter retention period would drop cannot be counted on %1: "
                 "Kinesis does not report record counts.")
                  .arg(m_options.displayName)});
}

BackendFuture<void> AwsBackend::createStream(const CreateStreamRequest &request)
{
    return invoke<void>(u"CreateStream"_s, request.streamName, request, Access::Catalog);
}

BackendFuture<void> AwsBackend::deleteStream(const DeleteStreamRequest &request)
{
    return invoke<void>(u"DeleteStream"_s, nameOf(request.target), request, Access::Catalog);
}

BackendFuture<void> AwsBackend::increaseStreamRetentionPeriod(const RetentionPeriodRequest &request)
{
    return invoke<void>(u"IncreaseStreamRetentionPeriod"_s, nameOf(request.target), request,
                        Access::Catalog);
}

BackendFuture<void> AwsBackend::decreaseStreamRetentionPeriod(const RetentionPeriodRequest &request)
{
    return invoke<void>(u"DecreaseStreamRetentionPeriod"_s, nameOf(request.target), request,
                        Access::Catalog);
}

BackendFuture<void> AwsBackend::updateStreamMode(const UpdateStreamModeRequest &request)
{
    return invoke<void>(u"UpdateStreamMode"_s, request.streamArn, request, Access::Catalog);
}

BackendFuture<void> AwsBackend::updateMaxRecordSize(const UpdateMaxRecordSizeRequest &request)
{
    return invoke<void>(u"UpdateMaxRecordSize"_s, nameOf(request.target), request,
                        Access::Catalog);
}

BackendFuture<UpdateShardCountResponse> AwsBackend::updateShardCount(const UpdateShardCountRequest &request)
{
    return invoke<UpdateShardCountResponse>(u"UpdateShardCount"_s, nameOf(request.target),
                                            request, Access::Catalog);
}

BackendFuture<void> AwsBackend::splitShard(const SplitShardRequest &request)
{
    return invoke<void>(u"SplitShard"_s, nameOf(request.target), request, Access::Catalog);
}

BackendFuture<void> AwsBackend::mergeShards(const MergeShardsRequest &request)
{
    return invoke<void>(u"MergeShards"_s, nameOf(request.target), request, Access::Catalog);
}

BackendFuture<void> AwsBackend::startStreamEncryption(const StartStreamEncryptionRequest &request)
{
    return invoke<void>(u"StartStreamEncryption"_s, nameOf(request.target), request,
                        Access::Catalog);
}

BackendFuture<void> AwsBackend::stopStreamEncryption(const StopStreamEncryptionRequest &request)
{
    return invoke<void>(u"StopStreamEncryption"_s, nameOf(request.target), request,
                        Access::Catalog);
}

// --- KMS ---------------------------------------------------------------------------------------

namespace {

// DescribeKey calls in flight at once while listing: enough to hide latency, few enough not to
// be throttled in accounts with hundreds of keys.
constexpr int kMaxDescribesInFlight = 4;

std::optional<qint64> epochMsOf(const QJsonValue &seconds)
{
    if (!seconds.isDouble())
        return std::nullopt;
    return qRound64(seconds.toDouble() * 1000.0);
}

// KMS has more states than our three; what matters is whether the key can encrypt now.
KmsKeyState keyStateOf(const QJsonObject &metadata)
{
    const QString state = metadata.value("KeyState"_L1).toString();
    if (state == u"PendingDeletion" || state == u"PendingReplicaDeletion")
        return KmsKeyState::PendingDeletion;
    if (state == u"Enabled")
        return KmsKeyState::Enabled;
    if (state.isEmpty() || state == u"Updating") // Updating: a multi-Region key, still usable
        return metadata.value("Enabled"_L1).toBool(true) ? KmsKeyState::Enabled
                                                          : KmsKeyState::Disabled;
    return KmsKeyState::Disabled; // Disabled, Creating, PendingImport, Unavailable
}

KmsKey keyFromMetadata(const QJsonObject &metadata)
{
    KmsKey key;
    key.keyId = metadata.value("KeyId"_L1).toString();
    key.arn = metadata.value("Arn"_L1).toString();
    key.description = metadata.value("Description"_L1).toString();
    key.state = keyStateOf(metadata);
    key.awsManaged = metadata.value("KeyManager"_L1).toString() == u"AWS";
    key.creationDateMs = epochMsOf(metadata.value("CreationDate"_L1)).value_or(0);
    key.deletionDateMs = epochMsOf(metadata.value("DeletionDate"_L1));
    return key;
}

// Kinesis encrypts only with symmetric encryption keys; signing, HMAC and asymmetric keys
// would be refused by StartStreamEncryption.
bool canEncryptStreams(const QJsonObject &metadata)
{
    const QString usage = metadata.value("KeyUsage"_L1).toString();
    QString spec = metadata.value("KeySpec"_L1).toString();
    if (spec.isEmpty())
        spec = metadata.value("CustomerMasterKeySpec"_L1).toString();
    return (usage.isEmpty() || usage == u"ENCRYPT_DECRYPT") &&
           (spec.isEmpty() || spec == u"SYMMETRIC_DEFAULT");
}

// "arn:aws:kms:<region>:<account>:alias/<name>" from any key ARN of the same account.
QString aliasArnBesides(const QString &keyArn, const QString &aliasName)
{
    const qsizetype at = keyArn.indexOf(u":key/"_s);
    return at >= 0 ? QString(keyArn.left(at + 1) + aliasName) : QString();
}

} // namespace

struct AwsBackend::KmsListing
{
    KmsListing() { promise.start(); }
    KmsListing(const KmsListing &) = delete;
    KmsListing &operator=(const KmsListing &) = delete;
    // Dropped unfinished only when the backend goes away mid-way.
    ~KmsListing() { fail(Error{ErrorType::InternalFailure, tr("The connection was closed.")}); }

    bool isOver() const { return promise.future().isFinished(); }
    void fail(const Error &error)
    {
        if (isOver())
            return;
        promise.addResult(BackendResult<QList<KmsKeyInfo>>(std::unexpected(error)));
        promise.finish();
    }

    struct ListedKey
    {
        QString keyId;
        QString arn;
    };
    struct ListedAlias
    {
        QString name;
        QString arn;
        QString targetKeyId; // empty for predefined aliases AWS has not bound yet
    };

    QPromise<BackendResult<QList<KmsKeyInfo>>> promise;
    QList<ListedKey> keys;
    QList<ListedAlias> aliases;
    QHash<QString, QJsonObject> metadata; // DescribeKey's KeyMetadata by key id
    QSet<QString> gone;                   // deleted between ListKeys and DescribeKey
    qsizetype nextToDescribe = 0;
    int describing = 0;
    bool keysListed = false;
    bool aliasesListed = false;
    // Reported once the keys are listed, so that a ListKeys error (the one to fix first) wins.
    std::optional<Error> aliasesError;
};

struct AwsBackend::KeyCreation
{
    KeyCreation() { promise.start(); }
    KeyCreation(const KeyCreation &) = delete;
    KeyCreation &operator=(const KeyCreation &) = delete;
    ~KeyCreation() { deliver(std::unexpected(Error{ErrorType::InternalFailure, tr("The connection was closed.")})); }

    void deliver(BackendResult<KmsKeyInfo> result)
    {
        if (promise.future().isFinished())
            return;
        promise.addResult(std::move(result));
        promise.finish();
    }

    QPromise<BackendResult<KmsKeyInfo>> promise;
    QString description;
    QString aliasName;
};

BackendFuture<QList<KmsKeyInfo>> AwsBackend::listKmsKeys()
{
    if (const auto error = refusal(Access::Read))
        return refuse<QList<KmsKeyInfo>>(m_kms.activityPrefix + u"ListKeys"_s, {}, *error);
    auto listing = std::make_shared<KmsListing>();
    BackendFuture<QList<KmsKeyInfo>> future = listing->promise.future();
    // Keys and aliases page side by side; keys are described as their pages arrive.
    fetchKeysPage(listing, {});
    fetchAliasesPage(listing, {});
    return future;
}

void AwsBackend::fetchKeysPage(const KmsListingPtr &listing, const QString &marker)
{
    QJsonObject request{{u"Limit"_s, 1000}};
    if (!marker.isEmpty())
        request.insert(u"Marker"_s, marker);
    onResult(this, invokeKms(u"ListKeys"_s, {}, request, Access::Read),
             [this, listing, marker](const BackendResult<QJsonObject> &page) {
                 if (listing->isOver())
                     return;
                 if (!page) {
                     listing->fail(page.error());
                     return;
                 }
                 const QJsonArray keys = page->value("Keys"_L1).toArray();
                 for (const QJsonValue &entry : keys) {
                     const QJsonObject key = entry.toObject();
                     const QString keyId = key.value("KeyId"_L1).toString();
                     if (!keyId.isEmpty())
                         listing->keys.append({keyId, key.value("KeyArn"_L1).toString()});
                 }
                 const QString next = page->value("NextMarker"_L1).toString();
                 if (page->value("Truncated"_L1).toBool() && !next.isEmpty() && next != marker)
                     fetchKeysPage(listing, next);
                 else
                     listing->keysListed = true;
                 describeKeys(listing);
             });
}

void AwsBackend::fetchAliasesPage(const KmsListingPtr &listing, const QString &marker)
{
    QJsonObject request{{u"Limit"_s, 100}};
    if (!marker.isEmpty())
        request.insert(u"Marker"_s, marker);
    onResult(this, invokeKms(u"ListAliases"_s, {}, request, Access::Read),
             [this, listing, marker](const BackendResult<QJsonObject> &page) {
                 if (listing->isOver())
                     return;
                 if (!page) {
                     listing->aliasesError = page.error();
                     listing->aliasesListed = true;
                     finishListing(listing);
                     return;
                 }
                 const QJsonArray aliases = page->value("Aliases"_L1).toArray();
                 for (const QJsonValue &entry : aliases) {
                     const QJsonObject alias = entry.toObject();
                     listing->aliases.append({alias.value("AliasName"_L1).toString(),
                                              alias.value("AliasArn"_L1).toString(),
                                              alias.value("TargetKeyId"_L1).toString()});
                 }
                 const QString next = page->value("NextMarker"_L1).toString();
                 if (page->value("Truncated"_L1).toBool() && !next.isEmpty() && next != marker) {
                     fetchAliasesPage(listing, next);
                     return;
                 }
                 listing->aliasesListed = true;
                 finishListing(listing);
             });
}

void AwsBackend::describeKeys(const KmsListingPtr &listing)
{
    while (!listing->isOver() && listing->describing < kMaxDescribesInFlight &&
           listing->nextToDescribe < listing->keys.size()) {
        const QString keyId = listing->keys.at(listing->nextToDescribe++).keyId;
        ++listing->describing;
        onResult(this,
                 invokeKms(u"DescribeKey"_s, keyId, QJsonObject{{u"KeyId"_s, keyId}}, Access::Read),
                 [this, listing, keyId](const BackendResult<QJsonObject> &answer) {
                     --listing->describing;
                     if (listing->isOver())
                         return;
                     if (answer) {
                         listing->metadata.insert(keyId, answer->value("KeyMetadata"_L1).toObject());
                     } else if (answer.error().type == ErrorType::KmsNotFound) {
                         listing->gone.insert(keyId);
                     } else if (answer.error().type != ErrorType::AccessDenied) {
                         listing->fail(answer.error());
                         return;
                     }
                     // Denied: a key policy may hide one key; list it with what ListKeys said.
                     if (!answer && answer.error().type == ErrorType::AccessDenied)
                         qCDebug(lcBackend).noquote()
                             << "DescribeKey" << keyId << "was denied; listing the key without its "
                                                          "state and description";
                     describeKeys(listing);
                 });
    }
    finishListing(listing);
}

void AwsBackend::finishListing(const KmsListingPtr &listing)
{
    if (listing->isOver() || !listing->keysListed || !listing->aliasesListed ||
        listing->describing > 0 || listing->nextToDescribe < listing->keys.size())
        return;
    if (listing->aliasesError) {
        listing->fail(*listing->aliasesError);
        return;
    }

    QHash<QString, QStringList> aliasesByKey;
    QString defaultAliasArn;
    for (const KmsListing::ListedAlias &alias : std::as_const(listing->aliases)) {
        if (!alias.targetKeyId.isEmpty())
            aliasesByKey[alias.targetKeyId].append(alias.name);
        if (alias.name == kDefaultKmsAlias)
            defaultAliasArn = alias.arn;
    }
    QList<KmsKeyInfo> result;
    QSet<QString> seen;
    bool hasDefault = false;
    for (const KmsListing::ListedKey &listed : std::as_const(listing->keys)) {
        if (listing->gone.contains(listed.keyId) || seen.contains(listed.keyId))
            continue;
        seen.insert(listed.keyId);
        KmsKeyInfo info;
        info.aliases = aliasesByKey.value(listed.keyId);
        info.aliases.sort();
        const auto metadata = listing->metadata.constFind(listed.keyId);
        if (metadata != listing->metadata.cend()) {
            if (!canEncryptStreams(*metadata))
                continue;
            info.key = keyFromMetadata(*metadata);
        }
        if (info.key.keyId.isEmpty()) {
            // Not described: the state is unknown, so it stays selectable and Kinesis decides.
            info.key.keyId = listed.keyId;
            info.key.awsManaged = std::any_of(info.aliases.cbegin(), info.aliases.cend(),
                                              [](const QString &alias) {
                                                  return alias.startsWith(u"alias/aws/"_s);
                                              });
        }
        if (info.key.arn.isEmpty())
            info.key.arn = listed.arn;
        if (defaultAliasArn.isEmpty())
            defaultAliasArn = aliasArnBesides(info.key.arn, kDefaultKmsAlias);
        hasDefault = hasDefault || info.aliases.contains(kDefaultKmsAlias);
        result.append(std::move(info));
    }
    if (!hasDefault) {
        // Kinesis creates the AWS managed key behind alias/aws/kinesis the first time a stream
        // is encrypted with it; until then the alias names no key, yet streams can use it.
        KmsKeyInfo predefined;
        predefined.key.arn = defaultAliasArn;
        predefined.key.description = tr("AWS managed key for Kinesis; AWS creates it the first "
                                        "time a stream is encrypted with it.");
        predefined.key.awsManaged = true;
        predefined.aliases = {kDefaultKmsAlias};
        result.append(std::move(predefined));
    }
    listing->promise.addResult(BackendResult<QList<KmsKeyInfo>>(std::move(result)));
    listing->promise.finish();
}

BackendFuture<KmsKeyInfo> AwsBackend::createKmsKey(const QString &description,
                                                   const QString &aliasName)
{
    const QString operation = m_kms.activityPrefix + u"CreateKey"_s;
    if (const auto error = refusal(Access::Keys))
        return refuse<KmsKeyInfo>(operation, aliasName, *error);
    if (!aliasName.isEmpty()) {
        if (const auto problem = kmsAliasNameProblem(aliasName))
            return refuse<KmsKeyInfo>(operation, aliasName, *problem);
    }
    auto creation = std::make_shared<KeyCreation>();
    creation->description = description;
    creation->aliasName = aliasName;
    BackendFuture<KmsKeyInfo> future = creation->promise.future();
    if (aliasName.isEmpty()) {
        createKeyAndAlias(creation);
        return future;
    }
    // CreateAlias refusing a taken name would leave a nameless key behind (and billed): look
    // the alias up first.
    onResult(this,
             invokeKms(u"DescribeKey"_s, aliasName, QJsonObject{{u"KeyId"_s, aliasName}},
                       Access::Read),
             [this, creation](const BackendResult<QJsonObject> &existing) {
                 if (existing) {
                     const QString keyArn =
                         existing->value("KeyMetadata"_L1).toObject().value("Arn"_L1).toString();
                     const QString aliasArn = aliasArnBesides(keyArn, creation->aliasName);
                     creation->deliver(std::unexpected(Error{
                         ErrorType::ResourceInUse,
                         tr("An alias with the name %1 already exists.")
                             .arg(aliasArn.isEmpty() ? creation->aliasName : aliasArn)}));
                     return;
                 }
                 // Denied: no kms:DescribeKey on that alias; CreateAlias will tell.
                 if (existing.error().type != ErrorType::KmsNotFound &&
                     existing.error().type != ErrorType::AccessDenied) {
                     creation->deliver(std::unexpected(existing.error()));
                     return;
                 }
                 createKeyAndAlias(creation);
             });
    return future;
}

void AwsBackend::createKeyAndAlias(const std::shared_ptr<KeyCreation> &creation)
{
    // Kinesis encrypts with symmetric encryption keys only.
    QJsonObject request{{u"KeySpec"_s, u"SYMMETRIC_DEFAULT"_s},
                        {u"KeyUsage"_s, u"ENCRYPT_DECRYPT"_s}};
    if (!creation->description.isEmpty())
        request.insert(u"Description"_s, creation->description);
    onResult(this, invokeKms(u"CreateKey"_s, creation->aliasName, request, Access::Keys),
             [this, creation](const BackendResult<QJsonObject> &created) {
                 if (!created) {
                     creation->deliver(std::unexpected(created.error()));
                     return;
                 }
                 KmsKeyInfo info{keyFromMetadata(created->value("KeyMetadata"_L1).toObject()), {}};
                 if (info.key.keyId.isEmpty()) {
                     creation->deliver(std::unexpected(
                         Error{ErrorType::InternalFailure,
                               tr("The answer to %1 names no key.").arg(u"CreateKey"_s)}));
                     return;
                 }
                 if (creation->aliasName.isEmpty()) {
                     creation->deliver(std::move(info));
                     return;
                 }
                 const QJsonObject aliasRequest{{u"AliasName"_s, creation->aliasName},
                                                {u"TargetKeyId"_s, info.key.keyId}};
                 onResult(this,
                          invokeKms(u"CreateAlias"_s, creation->aliasName, aliasRequest,
                                    Access::Keys),
                          [creation, info](const BackendResult<QJsonObject> &aliased) mutable {
                              if (!aliased) {
                                  const Error &error = aliased.error();
                                  const QString note = tr("The key %1 was created, but not its "
                                                          "alias.")
                                                           .arg(info.key.keyId);
                                  creation->deliver(std::unexpected(Error{
                                      error.type, error.message.isEmpty()
                                                      ? note
                                                      : QString(error.message % u' ' % note)}));
                                  return;
                              }
                              info.aliases = {creation->aliasName};
                              creation->deliver(std::move(info));
                          });
             });
}

BackendFuture<void> AwsBackend::addTagsToStream(const AddTagsToStreamRequest &request)
{
    return invoke<void>(u"AddTagsToStream"_s, nameOf(request.target), request, Access::Catalog);
}

BackendFuture<void> AwsBackend::removeTagsFromStream(const RemoveTagsFromStreamRequest &request)
{
    return invoke<void>(u"RemoveTagsFromStream"_s, nameOf(request.target), request,
                        Access::Catalog);
}

BackendFuture<ListTagsForStreamResponse> AwsBackend::listTagsForStream(const ListTagsForStreamRequest &request)
{
    return invoke<ListTagsForStreamResponse>(u"ListTagsForStream"_s, nameOf(request.target),
                                             request, Access::Read);
}

BackendFuture<QList<Tag>> AwsBackend::listAllTagsForStream(const StreamTarget &target)
{
    ListTagsForStreamRequest first;
    first.target = target;
    // Kinesis takes up to 50; older implementations (kinesalite) at most 10. A stream has at
    // most 50 tags, so this costs at most four more requests.
    first.limit = 10;
    return collectPages<Tag, ListTagsForStreamRequest, ListTagsForStreamResponse>(
        first, [this](const ListTagsForStreamRequest &r) { return listTagsForStream(r); },
        [](const ListTagsForStreamResponse &page, QList<Tag> &all) { all.append(page.tags); },
        [](const ListTagsForStreamRequest &previous, const ListTagsForStreamResponse &page)
            -> std::optional<ListTagsForStreamRequest> {
            if (!page.hasMoreTags || page.tags.isEmpty())
                return std::nullopt;
            ListTagsForStreamRequest following = previous;
            following.exclusiveStartTagKey = page.tags.constLast().key;
            return following;
        });
}

BackendFuture<void> AwsBackend::tagResource(const TagResourceRequest &request)
{
    return invoke<void>(u"TagResource"_s, request.resourceArn, request, Access::Catalog);
}

BackendFuture<void> AwsBackend::untagResource(const UntagResourceRequest &request)
{
    return invoke<void>(u"UntagResource"_s, request.resourceArn, request, Access::Catalog);
}

BackendFuture<ListTagsForResourceResponse> AwsBackend::listTagsForResource(const ListTagsForResourceRequest &request)
{
    return invoke<ListTagsForResourceResponse>(u"ListTagsForResource"_s, request.resourceArn,
                                               request, Access::Read);
}

BackendFuture<QList<Consumer>> AwsBackend::listAllStreamConsumers(const QString &streamArn)
{
    ListStreamConsumersRequest first;
    first.streamArn = streamArn;
    return collectPages<Consumer, ListStreamConsumersRequest, ListStreamConsumersResponse>(
        first,
        [this](const ListStreamConsumersRequest &r) {
            return invoke<ListStreamConsumersResponse>(u"ListStreamConsumers"_s, r.streamArn, r,
                                                       Access::Read);
        },
        [](const ListStreamConsumersResponse &page, QList<Consumer> &all) {
            all.append(page.consumers);
        },
        [](const ListStreamConsumersRequest &previous, const ListStreamConsumersResponse &page)
            -> std::optional<ListStreamConsumersRequest> {
            if (page.nextToken.isEmpty() || page.consumers.isEmpty() ||
                page.nextToken == previous.nextToken)
                return std::nullopt;
            ListStreamConsumersRequest following;
            following.streamArn = previous.streamArn;
            following.nextToken = page.nextToken;
            return following;
        });
}

BackendFuture<Consumer> AwsBackend::registerStreamConsumer(const RegisterStreamConsumerRequest &request)
{
    return invoke<Consumer>(u"RegisterStreamConsumer"_s, request.consumerName, request,
                            Access::Catalog);
}

BackendFuture<ConsumerDescription> AwsBackend::describeStreamConsumer(const ConsumerTarget &target)
{
    return invoke<ConsumerDescription>(
        u"DescribeStreamConsumer"_s,
        target.consumerArn.isEmpty() ? target.consumerName : target.consumerArn, target,
        Access::Read);
}

BackendFuture<void> AwsBackend::deregisterStreamConsumer(const ConsumerTarget &target)
{
    return invoke<void>(u"DeregisterStreamConsumer"_s,
                        target.consumerArn.isEmpty() ? target.consumerName : target.consumerArn,
                        target, Access::Catalog);
}

BackendSubscription *AwsBackend::subscribeToShard(const SubscribeToShardRequest &request,
                                                  QObject *parent)
{
    // A read: a read-only connection may subscribe.
    BackendCall call{++m_nextCallId, u"SubscribeToShard"_s,
                     BackendSubscription::activityTarget(request),
                     QDateTime::currentDateTimeUtc(), 0, {}};
    emit callStarted(call);
    return new AwsSubscription(*this, std::move(call), request, parent);
}

BackendFuture<PutRecordResponse> AwsBackend::putRecord(const PutRecordRequest &request)
{
    auto future = invoke<PutRecordResponse>(u"PutRecord"_s, nameOf(request.target), request,
                                            Access::Append);
    const QString stream = streamNameOf(request.target);
    onResult(this, future, [this, stream](const BackendResult<PutRecordResponse> &result) {
        if (result)
            emit recordsAppended(stream, result->shardId, result->sequenceNumber.toString(), 1);
    });
    return future;
}

BackendFuture<PutRecordsResponse> AwsBackend::putRecords(const PutRecordsRequest &request)
{
    auto future = invoke<PutRecordsResponse>(u"PutRecords"_s, nameOf(request.target), request,
                                             Access::Append);
    const QString stream = streamNameOf(request.target);
    onResult(this, future, [this, stream](const BackendResult<PutRecordsResponse> &result) {
        if (!result)
            return;
        // One signal per shard, with the highest sequence number written there.
        QMap<QString, std::pair<SequenceNumber, int>> perShard;
        for (const PutRecordsResultEntry &entry : result->records) {
            if (!entry.sequenceNumber || entry.shardId.isEmpty())
                continue;
            auto &[last, count] = perShard[entry.shardId];
            last = std::max(last, *entry.sequenceNumber);
            ++count;
        }
        for (auto it = perShard.cbegin(); it != perShard.cend(); ++it)
            emit recordsAppended(stream, it.key(), it->first.toString(), it->second);
    });
    return future;
}

BackendFuture<GetShardIteratorResponse> AwsBackend::getShardIterator(const GetShardIteratorRequest &request)
{
    return invoke<GetShardIteratorResponse>(u"GetShardIterator"_s, nameOf(request.target),
                                            request, Access::Read);
}

BackendFuture<GetRecordsResponse> AwsBackend::getRecords(const GetRecordsRequest &request)
{
    return invoke<GetRecordsResponse>(u"GetRecords"_s, request.streamArn, request, Access::Read);
}

// --- The control plane ------------------------------------------------------------------------

BackendFuture<EnhancedMonitoringResponse> AwsBackend::enableEnhancedMonitoring(const EnhancedMonitoringRequest &request)
{
    return invoke<EnhancedMonitoringResponse>(u"EnableEnhancedMonitoring"_s, nameOf(request.target), request, Access::Catalog);
}

BackendFuture<EnhancedMonitoringResponse> AwsBackend::disableEnhancedMonitoring(const EnhancedMonitoringRequest &request)
{
    return invoke<EnhancedMonitoringResponse>(u"DisableEnhancedMonitoring"_s, nameOf(request.target), request, Access::Catalog);
}

BackendFuture<UpdateStreamWarmThroughputResponse> AwsBackend::updateStreamWarmThroughput(const UpdateStreamWarmThroughputRequest &request)
{
    return invoke<UpdateStreamWarmThroughputResponse>(u"UpdateStreamWarmThroughput"_s, nameOf(request.target), request, Access::Catalog);
}

BackendFuture<AccountSettings> AwsBackend::describeAccountSettings()
{
    return invoke<AccountSettings>(u"DescribeAccountSettings"_s, {}, EmptyMessage{}, Access::Read);
}

BackendFuture<AccountSettings> AwsBackend::updateAccountSettings(const UpdateAccountSettingsRequest &request)
{
    return invoke<AccountSettings>(u"UpdateAccountSettings"_s, {}, request, Access::Catalog);
}

BackendFuture<void> AwsBackend::putResourcePolicy(const PutResourcePolicyRequest &request)
{
    return invoke<void>(u"PutResourcePolicy"_s, request.resourceArn, request, Access::Catalog);
}

BackendFuture<GetResourcePolicyResponse> AwsBackend::getResourcePolicy(const ResourcePolicyTarget &request)
{
    return invoke<GetResourcePolicyResponse>(u"GetResourcePolicy"_s, request.resourceArn, request, Access::Read);
}

BackendFuture<void> AwsBackend::deleteResourcePolicy(const ResourcePolicyTarget &request)
{
    return invoke<void>(u"DeleteResourcePolicy"_s, request.resourceArn, request, Access::Catalog);
}

// --- Metrics: CloudWatch GetMetricData ---------------------------------------------------------

QUrl AwsBackend::defaultCloudWatchEndpoint(const QString &region)
{
    return AwsEndpoint::forService(u"monitoring"_s, region);
}

BackendFuture<QByteArray> AwsBackend::invokeRaw(const Service &service, const QString &operation,
                                                const QString &target, const QByteArray &body)
{
    if (const auto error = refusal(Access::Read))
        return refuse<QByteArray>(service.activityPrefix + operation, target, *error);
    auto promise = std::make_shared<QPromise<BackendResult<QByteArray>>>();
    promise->start();
    auto exchange = std::make_shared<Exchange>();
    exchange->service = &service;
    exchange->operation = operation;
    exchange->target = target;
    exchange->body = body;
    exchange->failed = [promise](const Error &error) {
        promise->addResult(BackendResult<QByteArray>(std::unexpected(error)));
        promise->finish();
    };
    exchange->succeeded = [this, promise](const ExchangePtr &self, const QByteArray &answer) {
        complete(self, std::nullopt);
        promise->addResult(answer);
        promise->finish();
    };
    launch(exchange);
    return promise->future();
}

struct AwsBackend::MetricDataFetch
{
    MetricDataRequest request;
    MetricDataResponse response; // one result per query, filled page by page
    QString target;
    QSet<QString> tokensSeen;
    QPromise<BackendResult<MetricDataResponse>> promise;
};

BackendFuture<MetricDataResponse> AwsBackend::getMetricData(const MetricDataRequest &request)
{
    auto fetch = std::make_shared<MetricDataFetch>();
    fetch->request = request;
    fetch->target = request.queries.isEmpty() ? QString()
                                              : request.queries.constFirst().key.streamName;
    for (const MetricDataQuery &query : request.queries) {
        fetch->response.results.append(MetricDataResult{query.id, query.key.metricName, {}});
        // The one place AWS's gate shows: shard-level metrics exist there only with enhanced
        // monitoring for them.
        if (query.key.isShardLevel())
            fetch->response.shardLevelNeedsEnhancedMonitoring = true;
    }
    fetch->promise.start();
    auto future = fetch->promise.future();
    fetchMetricDataPage(fetch, QString());
    return future;
}

void AwsBackend::fetchMetricDataPage(const std::shared_ptr<MetricDataFetch> &fetch,
                                     const QString &token)
{
    const QByteArray body = CloudWatchCodec::encodeGetMetricDataRequest(fetch->request, token);
    const auto answered = invokeRaw(m_cloudWatch, u"GetMetricData"_s, fetch->target, body);
    onResult(this, answered, [this, fetch](const BackendResult<QByteArray> &answer) {
        const auto finish = [fetch](BackendResult<MetricDataResponse> result) {
            fetch->promise.addResult(std::move(result));
            fetch->promise.finish();
        };
        if (!answer)
            return finish(std::unexpected(answer.error()));
        // Up to 100,800 points a page: read them off this thread.
        auto decoded = QtConcurrent::run(&m_pool, [body = *answer] {
            return CloudWatchCodec::decodeGetMetricDataResponse(body);
        });
        onResult(this, decoded, [this, fetch, finish](
                                    const std::expected<CloudWatchCodec::GetMetricDataPage,
                                                        QString> &page) {
            if (!page)
                return finish(std::unexpected(
                    Error{ErrorType::InternalFailure,
                          tr("The answer to %1 could not be read: %2")
                              .arg(u"GetMetricData"_s, page.error())}));
            for (const MetricDataResult &part : page->results) {
                for (MetricDataResult &result : fetch->response.results) {
                    if (result.id != part.id)
                        continue;
                    if (!part.label.isEmpty())
                        result.label = part.label;
                    result.series.timestampsMs.append(part.series.timestampsMs);
                    result.series.values.append(part.series.values);
                }
            }
            if (!page->nextToken.isEmpty() && !fetch->tokensSeen.contains(page->nextToken)) {
                fetch->tokensSeen.insert(page->nextToken);
                fetchMetricDataPage(fetch, page->nextToken);
                return;
            }
            finish(fetch->response);
        });
    });
}

// --- Throughput use: CloudWatch's shard-level metrics ------------------------------------------

namespace {

namespace MN = MetricNames;

constexpr qint64 kMinuteMs = 60'000;
// Complete minutes looked back for the newest one with points: the last, or the one before while
// CloudWatch has not published the last yet.
constexpr int kUsageMinutes = 2;

// The shard-level metrics a shard's use is read from, and what each fills.
enum class UsageMetric { WriteRecords, WriteBytes, ReadBytes, WritesThrottled, ReadsThrottled };
constexpr UsageMetric kUsageMetrics[] = {UsageMetric::WriteRecords, UsageMetric::WriteBytes,
                                         UsageMetric::ReadBytes, UsageMetric::WritesThrottled,
                                         UsageMetric::ReadsThrottled};

const QString &metricNameOf(UsageMetric metric)
{
    switch (metric) {
    case UsageMetric::WriteRecords:
        return MN::IncomingRecords;
    case UsageMetric::WriteBytes:
        return MN::IncomingBytes;
    case UsageMetric::ReadBytes:
        return MN::OutgoingBytes;
    case UsageMetric::WritesThrottled:
        return MN::WriteProvisionedThroughputExceeded;
    case UsageMetric::ReadsThrottled:
        return MN::ReadProvisionedThroughputExceeded;
    }
    return MN::IncomingRecords;
}

} // namespace

struct AwsBackend::UsageFetch
{
    StreamTarget target;
    QString streamName;
    QStringList enabledMetrics; // the shard-level metrics enhanced monitoring has on
    QStringList shardIds;       // the open shards, in order
    QList<MetricDataQuery> queries;
    QList<std::pair<qsizetype, UsageMetric>> queryFor; // per query: the shard and the metric
    QList<MetricSeries> series;                         // per query
    qint64 startMs = 0;
    qint64 endMs = 0;
    QPromise<BackendResult<QList<ShardUsage>>> promise;

    bool isEnabled(const QString &metric) const
    {
        return enabledMetrics.contains(u"ALL"_s) || enabledMetrics.contains(metric);
    }
    void finish(BackendResult<QList<ShardUsage>> result)
    {
        promise.addResult(std::move(result));
        promise.finish();
    }
};

BackendFuture<QList<ShardUsage>> AwsBackend::shardUsage(const StreamTarget &target)
{
    auto fetch = std::make_shared<UsageFetch>();
    fetch->target = target;
    fetch->promise.start();
    auto future = fetch->promise.future();
    onResult(this, describeStreamSummary(target),
             [this, fetch](const BackendResult<StreamDescriptionSummary> &summary) {
                 if (!summary)
                     return fetch->finish(std::unexpected(summary.error()));
                 fetch->streamName = summary->streamName;
                 fetch->enabledMetrics = summary->shardLevelMetrics;
                 fetchUsageShards(fetch);
             });
    return future;
}

void AwsBackend::fetchUsageShards(const std::shared_ptr<UsageFetch> &fetch)
{
    onResult(this, listAllShards(StreamTarget::byName(fetch->streamName)),
             [this, fetch](const BackendResult<QList<Shard>> &shards) {
                 if (!shards)
                     return fetch->finish(std::unexpected(shards.error()));
                 for (const Shard &shard : *shards) {
                     if (!shard.endingSequenceNumber)
                         fetch->shardIds.append(shard.shardId);
                 }
                 // The last few complete minutes by the server's clock (as far as we know it).
                 const qint64 nowMs = m_recovery.signingTime().toMSecsSinceEpoch();
                 fetch->endMs = nowMs - nowMs % kMinuteMs;
                 fetch->startMs = fetch->endMs - kUsageMinutes * kMinuteMs;
                 for (qsizetype shard = 0; shard < fetch->shardIds.size(); ++shard) {
                     for (UsageMetric metric : kUsageMetrics) {
                         if (!fetch->isEnabled(metricNameOf(metric)))
                             continue;
                         fetch->queries.append(MetricDataQuery{
                             u"u%1_%2"_s.arg(shard).arg(int(metric)),
                             MetricKey{metricNameOf(metric), fetch->streamName,
                                       fetch->shardIds[shard]},
                             60, Statistic::Sum});
                         fetch->queryFor.append({shard, metric});
                     }
                 }
                 fetch->series.resize(fetch->queries.size());
                 fetchUsageMetrics(fetch, 0);
             });
}

void AwsBackend::fetchUsageMetrics(const std::shared_ptr<UsageFetch> &fetch, qsizetype firstQuery)
{
    if (firstQuery >= fetch->queries.size())
        return fetch->finish(usageFrom(*fetch));
    MetricDataRequest request;
    request.startMs = fetch->startMs;
    request.endMs = fetch->endMs;
    request.queries = fetch->queries.mid(firstQuery, kGetMetricDataMaxQueries);
    onResult(this, getMetricData(request),
             [this, fetch, firstQuery](const BackendResult<MetricDataResponse> &answer) {
                 if (!answer)
                     return fetch->finish(std::unexpected(answer.error()));
                 // One result per query, in the order of the queries.
                 for (qsizetype i = 0; i < answer->results.size(); ++i) {
                     if (firstQuery + i < fetch->series.size())
                         fetch->series[firstQuery + i] = answer->results[i].series;
                 }
                 fetchUsageMetrics(fetch, firstQuery + kGetMetricDataMaxQueries);
             });
}

QList<ShardUsage> AwsBackend::usageFrom(const UsageFetch &fetch)
{
    // The newest minute any series has a point for: CloudWatch leaves out minutes without
    // samples, and publishes the last one late. Without any, the last complete minute (idle).
    qint64 minuteMs = fetch.endMs - kMinuteMs;
    bool anyPoint = false;
    for (const MetricSeries &series : fetch.series) {
        for (qint64 timestamp : series.timestampsMs) {
            if (timestamp >= fetch.startMs && timestamp < fetch.endMs &&
                (!anyPoint || timestamp > minuteMs)) {
                minuteMs = timestamp;
                anyPoint = true;
            }
        }
    }
    const auto perSecond = [minuteMs](const MetricSeries &series) {
        for (qsizetype i = 0; i < series.timestampsMs.size() && i < series.values.size(); ++i) {
            if (series.timestampsMs[i] == minuteMs)
                return series.values[i] / 60.0;
        }
        return 0.0;
    };

    const bool writesKnown = fetch.isEnabled(MN::IncomingRecords) && fetch.isEnabled(MN::IncomingBytes);
    const bool readsKnown = fetch.isEnabled(MN::OutgoingBytes);
    QList<ShardUsage> result;
    result.reserve(fetch.shardIds.size());
    for (const QString &shardId : fetch.shardIds) {
        ShardUsage usage;
        usage.shardId = shardId;
        usage.enforced = true;
        usage.windowMs = kMinuteMs;
        usage.needsEnhancedMonitoring = !writesKnown || !readsKnown;
        result.append(usage);
    }
    for (qsizetype i = 0; i < fetch.queryFor.size(); ++i) {
        const auto [shard, metric] = fetch.queryFor[i];
        ShardUsage &usage = result[shard];
        const double value = perSecond(fetch.series[i]);
        switch (metric) {
        case UsageMetric::WriteRecords:
            usage.writeRecordsPerSecond = value;
            break;
        case UsageMetric::WriteBytes:
            usage.writeBytesPerSecond = value;
            break;
        case UsageMetric::ReadBytes:
            usage.readBytesPerSecond = value;
            break;
        case UsageMetric::WritesThrottled:
            usage.writesThrottledPerSecond = value;
            break;
        case UsageMetric::ReadsThrottled:
            usage.readsThrottledPerSecond = value;
            break;
        }
    }
    return result;
}

} // namespace shardscope
