#include "awssubscription.h"

#include "backend/awsbackend.h"
#include "backend/backendlog.h"
#include "protocol/wirecodec.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace shardscope {

using namespace Qt::StringLiterals;

AwsSubscription::AwsSubscription(AwsBackend &backend, BackendCall call,
                                 const SubscribeToShardRequest &request, QObject *parent)
    : BackendSubscription(request, parent), m_backend(&backend),
      m_backendName(backend.displayName()), m_host(backend.endpoint().host())
{
    trackCall(backend, std::move(call));
    // The backend aborts nothing of ours when it goes; its network manager deletes the reply.
    connect(&backend, &QObject::destroyed, this, [this] {
        dropReply();
        end(connectionClosed(m_backendName));
    });
    // Every error, the backend's refusals included, comes as a signal: after the caller had
    // the chance to connect.
    if (const auto refused = backend.refusal(AwsBackend::Access::Read)) {
        QTimer::singleShot(0, this, [this, error = *refused] { end(error); });
        return;
    }
    m_body = backend.m_codec.encode(request);
    backend.withCredentials(this, [this](const std::expected<AwsCredentials, Error> &credentials) {
        if (isFinished())
            return;
        if (!credentials) {
            // Called at once for a backend without credentials: wait for the event loop.
            QTimer::singleShot(0, this, [this, error = credentials.error()] { end(error); });
            return;
        }
        send(*credentials);
    });
}

AwsSubscription::~AwsSubscription()
{
    cancel();
}

void AwsSubscription::cancel()
{
    dropReply();
    markCancelled();
}

void AwsSubscription::send(const AwsCredentials &credentials)
{
    if (!m_backend) {
        end(connectionClosed(m_backendName));
        return;
    }
    AwsBackend &backend = *m_backend;
    QNetworkRequest request =
        backend.signedRequest(backend.m_kinesis, u"SubscribeToShard"_s, m_body, credentials);
    // Kinesis serves SubscribeToShard over HTTP/2 only: h2 by ALPN over TLS; in the clear, h2c
    // with prior knowledge (there is no upgrade for a POST with a body).
    if (backend.m_kinesis.url.scheme() == u"https"_s)
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    else
        request.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
    m_reply = backend.m_network->post(request, m_body);
    connect(m_reply, &QNetworkReply::readyRead, this, &AwsSubscription::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &AwsSubscription::onFinished);
}

void AwsSubscription::onReadyRead()
{
    if (!m_reply || isFinished())
        return;
    if (!m_streaming) {
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status < 200 || status >= 300)
            return; // an error answer: read whole when it ends
        m_streaming = true;
        m_usedHttp2 = m_reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
        qCDebug(lcBackend).noquote() << "SubscribeToShard on" << m_backendName << "streams over"
                                     << (*m_usedHttp2 ? "HTTP/2" : "HTTP/1.1");
    }
    m_decoder.feed(m_reply->readAll());
    while (!isFinished()) {
        auto next = m_decoder.next();
        if (!next) {
            dropReply();
            end(Error{
                ErrorType::InternalFailure,
                tr("The event stream from %1 could not be read: %2").arg(m_host, next.error())});
            return;
        }
        if (!*next)
            return; // more bytes needed
        handle(**next);
    }
}

void AwsSubscription::handle(const EventStream::Message &message)
{
    const QString messageType = message.stringHeader(u":message-type");
    if (messageType == u"event"_s) {
        const QString eventType = message.stringHeader(u":event-type");
        if (eventType == u"initial-response"_s) {
            deliverOpened();
        } else if (eventType == u"SubscribeToShardEvent"_s) {
            const auto format =
                WireCodec::formatForContentType(message.stringHeader(u":content-type").toLatin1());
            const WireCodec codec(format.value_or(WireFormat::Json));
            const auto event = codec.decode<SubscribeToShardEvent>(message.payload);
            if (!event) {
                dropReply();
                end(Error{ErrorType::InternalFailure,
                          tr("An event from %1 could not be read: %2")
                              .arg(m_host, event.error().message.isEmpty()
                                               ? event.error().typeName()
                                               : event.error().message)});
                return;
            }
            deliverEvent(*event);
        } else {
            qCDebug(lcBackend).noquote() << "SubscribeToShard on" << m_backendName
                                         << "ignores an event of type" << eventType;
        }
        return;
    }
    dropReply();
    if (messageType == u"exception"_s) {
        // The payload is {"message": ...}; the type comes in a header.
        end(AwsBackend::errorFromResponse(400, message.payload,
                                          message.stringHeader(u":exception-type").toLatin1()));
    } else if (messageType == u"error"_s) {
        end(AwsBackend::errorFromResponse(500, message.payload,
                                          message.stringHeader(u":error-code").toLatin1()));
    } else {
        end(Error{ErrorType::InternalFailure,
                  tr("The event stream from %1 sent a message of unknown type \"%2\".")
                      .arg(m_host, messageType)});
    }
}

void AwsSubscription::onFinished()
{
    if (!m_reply || isFinished())
        return;
    if (m_streaming)
        onReadyRead(); // what arrived with the end
    if (isFinished())
        return;
    QNetworkReply *reply = m_reply;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    if (!m_usedHttp2 && status != 0)
        m_usedHttp2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    std::optional<Error> error;
    if (m_streaming) {
        if (reply->error() != QNetworkReply::NoError)
            error = Error{ErrorType::InternalFailure,
                          tr("The subscription's connection to %1 broke: %2")
                              .arg(m_host, reply->errorString())};
        else if (m_decoder.pending() > 0)
            error =
                Error{ErrorType::InternalFailure,
                      tr("The event stream from %1 ended in the middle of a message.").arg(m_host)};
    } else if (status == 0) {
        error = Error{ErrorType::InternalFailure,
                      tr("%1 could not be reached: %2").arg(m_host, reply->errorString())};
    } else {
        error = AwsBackend::errorFromResponse(status, reply->readAll(),
                                              reply->rawHeader("x-amzn-ErrorType"));
    }
    dropReply();
    end(error);
}

void AwsSubscription::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    if (reply->isRunning())
        reply->abort(); // over HTTP/2 this resets the stream: the service ends its side
    reply->deleteLater();
}

} // namespace shardscope
