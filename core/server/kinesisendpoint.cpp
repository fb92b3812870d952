#include "kinesisendpoint.h"

#include "protocol/dispatcher.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <QUuid>

namespace shardscope {

namespace {

HttpResponse errorResponse(const Error &error, const QByteArray &contentType)
{
    HttpResponse response;
    response.status = error.httpStatus();
    response.contentType = contentType;
    QByteArray body = "{\"__type\":\"" + error.typeName().toLatin1() + '"';
    if (!error.message.isEmpty()) {
        QString escaped = error.message;
        escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        body += ",\"message\":\"" + escaped.toUtf8() + '"';
    }
    response.body = body + '}';
    return response;
}

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
    : m_dispatcher(std::make_unique<Dispatcher>(engine)),
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
    QStringList missing;
    const QString text = QString::fromLatin1(authorization);
    if (!text.contains(QStringLiteral("Credential=")))
        missing.append(QStringLiteral("Authorization header requires 'Credential' parameter."));
    if (!text.contains(QStringLiteral("Signature=")))
        missing.append(QStringLiteral("Authorization header requires 'Signature' parameter."));
    if (!text.contains(QStringLiteral("SignedHeaders=")))
        missing.append(QStringLiteral("Authorization header requires 'SignedHeaders' parameter."));
    if (request.header("x-amz-date").isEmpty() && request.header("date").isEmpty())
        missing.append(QStringLiteral("Authorization header requires existence of either a "
                                      "'X-Amz-Date' or a 'Date' header."));
    if (!missing.isEmpty())
        return std::unexpected(Error{ErrorType::IncompleteSignature,
                                     missing.join(u' ') % u" Authorization=" % text});
    return {};
}

HttpResponse KinesisEndpoint::handle(const HttpRequest &request) const
{
    QElapsedTimer timer;
    timer.start();
    const QByteArray target = request.header("x-amz-target");
    QString operation = QString::fromLatin1(target.mid(target.indexOf('.') + 1));
    const QByteArray contentType = request.header("content-type");
    const QByteArray replyType = contentType.startsWith("application/x-amz-cbor")
                                     ? QByteArray("application/x-amz-cbor-1.1")
                                     : QByteArray("application/x-amz-json-1.1");
    HttpResponse response;
    auto authorized = checkAuthorizationShape(request);
    if (authorized && m_verifier) {
        if (auto verified = m_verifier(request); !verified)
            authorized = std::unexpected(verified.error());
    }
    if (!authorized) {
        // Authentication errors are plain JSON whatever the request's format, as Kinesis sends.
        response = errorResponse(authorized.error(), "application/x-amz-json-1.1");
    } else {
        const Dispatcher::Response answer = m_dispatcher->handle(QString::fromLatin1(target), contentType, request.body);
        response.status = answer.status;
        response.contentType = answer.contentType;
        response.body = answer.body;
        if (!answer.operation.isEmpty())
            operation = answer.operation;
    }
    response.headers.append({"x-amzn-RequestId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    response.headers.append({"x-amz-id-2", amzId2()});
    Q_UNUSED(replyType);
    if (m_observer)
        m_observer(operation, response.status, timer.nsecsElapsed() / 1000);
    return response;
}

} // namespace shardscope
