#include "kinesisendpoint.h"

#include "protocol/wirecodec.h"
#include "server/cloudwatchdispatcher.h"
#include "server/cors.h"
#include "server/dispatcher.h"
#include "server/subscriptionstream.h"
#include "serverlog.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <QUuid>

namespace shardscope {

namespace {

QByteArray amzId2()
{
    QByteArray random(48, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(random.data()), 12);
    return random.toBase64();
}

} // namespace

SignableRequest signableRequest(const HttpRequest &request)
{
    SignableRequest signable;
    signable.method = request.method;
    const qsizetype question = request.target.indexOf('?');
    signable.path = question < 0 ? request.target : request.target.left(question);
    signable.query = question < 0 ? QByteArray() : request.target.mid(question + 1);
    for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it)
        signable.headers.append({it.key(), it.value()});
    signable.body = request.body;
    return signable;
}

KinesisEndpoint::KinesisEndpoint(Engine &engine, Verifier verifier, Observer observer)
    : m_engine(engine),
      m_dispatcher(std::make_unique<Dispatcher>(engine)),
      m_cloudWatch(std::make_unique<CloudWatchDispatcher>(engine)),
      m_verifier(std::move(verifier)),
      m_observer(std::move(observer))
{
}

KinesisEndpoint::~KinesisEndpoint() = default;

std::expected<void, Error> KinesisEndpoint::checkAuthorizationShape(const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    const QUrlQuery query(QString::fromLatin1(request.target.mid(request.target.indexOf('?') + 1)));
    const bool queryAuth = request.target.contains('?') && query.hasQueryItem(QStringLiteral("X-Amz-Algorithm"));
    if (authorization.isEmpty() && !queryAuth)
        return std::unexpected(Error{ErrorType::MissingAuthenticationToken,
                                     QStringLiteral("Missing Authentication Token")});
    if (!authorization.isEmpty() && queryAuth)
        return std::unexpected(Error{ErrorType::InvalidSignature,
                                     QStringLiteral("Found both 'X-Amz-Algorithm' as a query-string "
                                                    "param and 'Authorization' as HTTP header.")});
    if (queryAuth)
        return {};
    // The parameters after the algorithm, each "Name=value"; a name without a value is missing.
    const QString text = QString::fromLatin1(authorization);
    QHash<QString, QString> parameters;
    const qsizetype space = text.indexOf(u' ');
    if (space > 0) {
        for (const QString &part : text.mid(space + 1).split(u',')) {
            const qsizetype equals = part.indexOf(u'=');
            if (equals > 0)
                parameters.insert(part.left(equals).trimmed(), part.mid(equals + 1).trimmed());
        }
    }
    QStringList missing;
    if (parameters.value(QStringLiteral("Credential")).isEmpty())
        missing.append(QStringLiteral("Authorization header requires 'Credential' parameter."));
    if (parameters.value(QStringLiteral("Signature")).isEmpty())
        missing.append(QStringLiteral("Authorization header requires 'Signature' parameter."));
    if (parameters.value(QStringLiteral("SignedHeaders")).isEmpty())
        missing.append(QStringLiteral("Authorization header requires 'SignedHeaders' parameter."));
    if (request.header("x-amz-date").isEmpty() && request.header("date").isEmpty())
        missing.append(QStringLiteral("Authorization header requires existence of either a "
                                      "'X-Amz-Date' or a 'Date' header."));
    if (!missing.isEmpty())
        return std::unexpected(Error{ErrorType::IncompleteSignature,
                                     missing.join(u' ') % u" Authorization=" % text});
    return {};
}

Caller KinesisEndpoint::callerOf(const HttpRequest &request)
{
    Caller caller;
    // "Credential=<key id>/<date>/<region>/<service>/aws4_request": the key id is before the
    // first slash.
    QByteArray credential;
    const QByteArray authorization = request.header("authorization");
    if (const qsizetype at = authorization.indexOf("Credential="); at >= 0) {
        credential = authorization.mid(at + 11);
        if (const qsizetype comma = credential.indexOf(','); comma >= 0)
            credential.truncate(comma);
    } else if (const qsizetype question = request.target.indexOf('?'); question >= 0) {
        const QUrlQuery query(QString::fromLatin1(request.target.mid(question + 1)));
        credential = query.queryItemValue(QStringLiteral("X-Amz-Credential"), QUrl::FullyDecoded)
                         .toLatin1();
    }
    if (const qsizetype slash = credential.indexOf('/'); slash >= 0)
        credential.truncate(slash);
    caller.accessKeyId = QString::fromLatin1(credential.trimmed());
    caller.userAgent = Caller::readerUserAgent(QString::fromUtf8(request.header("user-agent")));
    bool v4 = false;
    const quint32 ipv4 = request.peer.toIPv4Address(&v4);
    caller.peerAddress = v4 ? QHostAddress(ipv4).toString() : request.peer.toString();
    return caller;
}

HttpResponse KinesisEndpoint::handle(const HttpRequest &request) const
{
    // A browser's preflight is answered before anything else (it carries no signature).
    if (auto preflight = Cors::preflight(request))
        return *preflight;
    QElapsedTimer timer;
    timer.start();
    const QByteArray target = request.header("x-amz-target");
    QString operation = QString::fromLatin1(target.mid(target.indexOf('.') + 1));
    const QByteArray contentType = request.header("content-type");
    // Kinesis reads the content type, the body and the target before the signature, so the
    // dispatcher asks for the credentials check when it gets there.
    const Dispatcher::Authorizer authorize = [this, &request]() -> std::optional<Error> {
        if (auto shape = checkAuthorizationShape(request); !shape)
            return shape.error();
        if (m_verifier) {
            if (auto verified = m_verifier(request); !verified)
                return verified.error();
        }
        return std::nullopt;
    };
    // Only POST names an operation; anything else is answered as a request without one.
    const bool post = request.method == "POST";
    const Dispatcher::Response answer =
        post && CloudWatchDispatcher::handles(target)
            ? m_cloudWatch->handle(QString::fromLatin1(target), contentType, request.body, authorize)
        : post ? m_dispatcher->handle(QString::fromLatin1(target), contentType, request.body,
                                      authorize, callerOf(request))
               : m_dispatcher->handle(QString(), QByteArrayView(), QByteArray(), authorize);
    HttpResponse response;
    response.status = answer.status;
    response.contentType = answer.contentType;
    response.body = answer.body;
    if (answer.subscription)
        response.stream = std::make_shared<SubscriptionStream>(m_engine, answer.subscription, answer.format);
    if (!answer.operation.isEmpty())
        operation = answer.operation;
    response.headers.append({"x-amzn-RequestId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    response.headers.append({"x-amz-id-2", amzId2()});
    Cors::addHeaders(request, response);
    const qint64 micros = timer.nsecsElapsed() / 1000;
    const auto format = WireCodec::formatForContentType(response.contentType);
    if (response.status >= 500 && format) {
        // A failure of ours (the engine's), not the client's: say what the client was told.
        // The XML 500 for an unknown operation in an unknown body type is Kinesis's own answer.
        qCWarning(lcServer).noquote() << operation << "from" << request.peer.toString()
                                      << "answered" << response.status
                                      << WireCodec(*format).decodeError(response.body).message;
    } else {
        qCDebug(lcServer).noquote() << operation << "from" << request.peer.toString()
                                    << "answered" << response.status << "in" << micros << "µs";
    }
    if (m_observer)
        m_observer(operation, response.status, micros);
    return response;
}

} // namespace shardscope
