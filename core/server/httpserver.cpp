#include "httpserver.h"

#include "http1requestparser.h"
#include "http2session.h"
#include "httpdate.h"
#include "serverlog.h"

#include <QDateTime>
#include <QPointer>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

namespace shardscope {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

// One client connection, parsed incrementally on its worker thread.
class Connection final : public QObject, public ResponseSink
{
public:
    Connection(qintptr descriptor, const HttpServer::Handler &handler,
               const HttpServer::Options &options, std::shared_ptr<std::atomic<int>> open)
        : m_handler(handler),
          m_options(options),
          m_open(std::move(open)),
          m_parser(Http1RequestParser::Limits{options.maxHeaderBytes, options.maxBodyBytes})
    {
        m_open->fetch_add(1);
        if (m_options.tls) {
            m_tls = new QSslSocket(this);
            QSslConfiguration tls = *m_options.tls;
            // HTTP/2 when the client offers it (ALPN), else HTTP/1.1.
            tls.setAllowedNextProtocols({QByteArrayLiteral("h2"), QByteArrayLiteral("http/1.1")});
            m_tls->setSslConfiguration(tls);
            connect(m_tls, &QSslSocket::encrypted, this, &Connection::onEncrypted);
            m_socket = m_tls;
        } else {
            m_socket = new QTcpSocket(this);
        }
        m_deadline = new QTimer(this);
        m_deadline->setSingleShot(true);
        connect(m_deadline, &QTimer::timeout, this, &Connection::onDeadline);
        connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_state == State::Streaming && m_drained)
                m_drained();
            else if (m_state == State::Http2)
                m_h2->flush();
        });
        connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        connect(m_socket, &QTcpSocket::errorOccurred, this, &Connection::onError);
        if (!m_socket->setSocketDescriptor(descriptor)) {
            qCWarning(lcServer).noquote()
                << "cannot take over an accepted connection:" << m_socket->errorString();
            deleteLater();
            return;
        }
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_peer = m_socket->peerAddress();
        m_peerText = m_peer.toString() + u':' + QString::number(m_socket->peerPort());
        qCDebug(lcServer).noquote() << "connection from" << m_peerText;
        if (m_tls) {
            // The handshake gets a request's time, not an idle connection's.
            m_deadline->start(m_options.requestTimeoutMs);
            m_tls->startServerEncryption();
        } else {
            m_deadline->start(m_options.idleTimeoutMs);
        }
    }
    ~Connection() override
    {
        if (m_stream)
            m_stream->cancel();
        m_open->fetch_sub(1);
        if (!m_peerText.isEmpty())
            qCDebug(lcServer).noquote() << "connection from" << m_peerText << "closed";
    }

    // --- ResponseSink (a streamed body, chunked) -------------------------------------------
    void write(const QByteArray &piece) override
    {
        if (m_state != State::Streaming || piece.isEmpty())
            return;
        m_socket->write(QByteArray::number(piece.size(), 16) + "\r\n");
        m_socket->write(piece);
        m_socket->write("\r\n");
    }
    void finish() override
    {
        if (m_state != State::Streaming)
            return;
        m_socket->write("0\r\n\r\n");
        // m_stream stays until the connection goes: finish() is called from inside it.
        m_drained = nullptr;
        closeWhenWritten();
        // The client gets the request deadline to take the rest; then it is dropped.
        if (m_state == State::Closing && m_socket->bytesToWrite() > 0)
            m_deadline->start(m_options.requestTimeoutMs);
    }
    qint64 pendingBytes() const override { return m_socket->bytesToWrite(); }
    void setDrainedCallback(std::function<void()> drained) override { m_drained = std::move(drained); }

private:
    enum class State { Reading, Streaming, Http2, Closing };

    // The client's first bytes over cleartext when it speaks HTTP/2 with prior knowledge.
    static constexpr QByteArrayView kHttp2Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

    // From here on the connection is an HTTP/2 session; `received` are the bytes read so far.
    void startHttp2(QByteArray received)
    {
        m_state = State::Http2;
        m_buffer.clear();
        Http2Session::Transport transport;
        transport.write = [this](const QByteArray &bytes) { m_socket->write(bytes); };
        transport.queuedBytes = [this] { return m_socket->bytesToWrite(); };
        m_h2 = std::make_unique<Http2Session>(m_handler, m_options, m_peer, m_peerText, std::move(transport));
        if (!m_h2->start()) {
            qCWarning(lcServer).noquote() << "cannot start an HTTP/2 session with" << m_peerText;
            drop();
            return;
        }
        // Requests past their deadline are answered 408 by a timer of their own.
        m_h2Tick = new QTimer(this);
        connect(m_h2Tick, &QTimer::timeout, this, [this] {
            m_h2->expireRequests(QDateTime::currentMSecsSinceEpoch());
        });
        m_h2Tick->start(std::max(100, std::min(1000, m_options.requestTimeoutMs / 4)));
        receiveHttp2(received);
    }

    void receiveHttp2(QByteArrayView bytes)
    {
        const bool ok = bytes.isEmpty() || m_h2->receive(bytes);
        if (!ok || m_h2->isDone()) {
            closeWhenWritten();
            return;
        }
        // Idle (no stream open) for the idle timeout: the session ends politely.
        if (m_h2->openStreams() == 0)
            m_deadline->start(m_options.idleTimeoutMs);
        else
            m_deadline->stop();
    }

    void onEncrypted()
    {
        if (m_tls->sslConfiguration().nextNegotiatedProtocol() == "h2") {
            startHttp2(QByteArray());
            return;
        }
        if (m_buffer.isEmpty() && m_state == State::Reading && m_parser.isIdle())
            m_deadline->start(m_options.idleTimeoutMs);
    }

    // A failed or broken TLS session cannot carry an HTTP error response: just close.
    void onError(QAbstractSocket::SocketError error)
    {
        const bool closedByClient = error == QAbstractSocket::RemoteHostClosedError;
        if (!m_tls) {
            // Plain sockets end through disconnected().
            if (closedByClient)
                qCDebug(lcServer).noquote() << "client" << m_peerText << "closed the connection";
            else
                qCWarning(lcServer).noquote() << "connection from" << m_peerText
                                              << "failed:" << m_socket->errorString();
            return;
        }
        const bool tlsFailure = error == QAbstractSocket::SslHandshakeFailedError ||
                                error == QAbstractSocket::SslInternalError ||
                                error == QAbstractSocket::SslInvalidUserDataError;
        const bool handshaking = !m_tls->isEncrypted();
        if (tlsFailure || handshaking) {
            if (handshaking)
                qCWarning(lcServer).noquote() << "TLS handshake with" << m_peerText
                                              << "failed:" << m_tls->errorString();
            else
                qCWarning(lcServer).noquote()
                    << "TLS session with" << m_peerText << "failed:" << m_tls->errorString();
            drop();
        } else if (closedByClient) {
            qCDebug(lcServer).noquote() << "client" << m_peerText << "closed the connection";
        } else {
            qCWarning(lcServer).noquote() << "TLS connection from" << m_peerText
                                          << "failed:" << m_socket->errorString();
        }
    }

    void drop()
    {
        m_state = State::Closing;
        m_deadline->stop();
        m_socket->abort();
        deleteLater();
    }

    void onReadyRead()
    {
        if (m_state == State::Closing || m_state == State::Streaming) {
            m_socket->readAll();
            return;
        }
        if (m_state == State::Http2) {
            receiveHttp2(m_socket->readAll());
            return;
        }
        if (m_buffer.isEmpty() && m_state == State::Reading && m_parser.isIdle())
            m_deadline->start(m_options.requestTimeoutMs); // a new request starts
        m_buffer += m_socket->readAll();
        // A cleartext connection that starts with the HTTP/2 preface speaks HTTP/2 (h2c with
        // prior knowledge); a partial preface waits for the rest.
        if (!m_tls && !m_servedAny && m_state == State::Reading && m_parser.isIdle()) {
            const qsizetype n = std::min(m_buffer.size(), kHttp2Preface.size());
            if (QByteArrayView(m_buffer).first(n) == kHttp2Preface.first(n)) {
                if (n == kHttp2Preface.size())
                    startHttp2(m_buffer);
                return;
            }
        }
        process();
    }

    void process()
    {
        while (m_state == State::Reading) {
            Http1RequestParser::Step step = m_parser.next(m_buffer);
            switch (step.kind) {
            case Http1RequestParser::Step::NeedMore:
                return;
            case Http1RequestParser::Step::Refused:
                fail(step.status, step.message, step.detail);
                return;
            case Http1RequestParser::Step::HeadRead:
                if (step.expectContinue)
                    m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                continue;
            case Http1RequestParser::Step::Request:
                break;
            }
            m_servedAny = true;
            m_closeAfterResponse = step.closeAfter;
            step.request.peer = m_peer;
            HttpResponse response = m_handler(step.request);
            if (response.stream) {
                startStream(std::move(response));
                return;
            }
            respond(response);
            if (m_closeAfterResponse) {
                m_state = State::Closing;
                return;
            }
            m_deadline->start(m_buffer.isEmpty() ? m_options.idleTimeoutMs : m_options.requestTimeoutMs);
        }
    }

    // The head of a streamed response, then the stream's pieces as it writes them. The
    // connection ends with the stream: what the client sent after the request is not read.
    void startStream(HttpResponse response)
    {
        m_closeAfterResponse = true;
        m_buffer.clear();
        m_deadline->stop();
        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                          reasonPhrase(response.status) + "\r\n";
        for (const auto &[name, value] : response.headers)
            head += name + ": " + value + "\r\n";
        if (!response.contentType.isEmpty())
            head += "Content-Type: " + response.contentType + "\r\n";
        head += "Transfer-Encoding: chunked\r\nDate: " + httpDateNow() + "\r\nConnection: close\r\n\r\n";
        m_socket->write(head);
        m_state = State::Streaming;
        m_stream = std::move(response.stream);
        // The stream may finish (and reset m_stream) inside start().
        const std::shared_ptr<ResponseStream> stream = m_stream;
        stream->start(*this);
    }

    void respond(const HttpResponse &response)
    {
        // A small body goes out with the head in one piece; a large one (a GetRecords page)
        // is handed to the socket as it is, which keeps a reference to it rather than a copy.
        constexpr qsizetype kCopiedBody = 16 * 1024;
        const bool copyBody = response.body.size() <= kCopiedBody;
        QByteArray out;
        out.reserve((copyBody ? response.body.size() : 0) + 512);
        out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
               reasonPhrase(response.status) + "\r\n";
        for (const auto &[name, value] : response.headers)
            out += name + ": " + value + "\r\n";
        if (!response.contentType.isEmpty())
            out += "Content-Type: " + response.contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        out += "Date: " + httpDateNow() + "\r\n";
        if (m_closeAfterResponse)
            out += "Connection: close\r\n";
        out += "\r\n";
        if (copyBody)
            out += response.body;
        bool written = m_socket->write(out) == out.size();
        if (written && !copyBody)
            written = m_socket->write(response.body) == response.body.size();
        if (!written)
            qCWarning(lcServer).noquote() << "cannot write the answer to" << m_peerText << "-"
                                          << m_socket->errorString();
        if (m_closeAfterResponse)
            closeWhenWritten();
    }

    // Answers a request the server will not handle and closes the connection. `detail` says
    // why in the log when `message` (the response body) does not.
    void fail(int status, const QByteArray &message, const QString &detail = {})
    {
        qCWarning(lcServer).noquote()
            << "answering" << status << reasonPhrase(status) << "to" << m_peerText
            << "and closing:" << (detail.isEmpty() ? QString::fromLatin1(message) : detail);
        m_closeAfterResponse = true;
        HttpResponse response;
        response.status = status;
        if (!message.isEmpty()) {
            response.contentType = "text/plain";
            response.body = message + '\n';
        }
        respond(response);
        m_state = State::Closing;
    }

    void closeWhenWritten()
    {
        m_state = State::Closing;
        m_deadline->stop();
        if (m_socket->bytesToWrite() == 0) {
            m_socket->disconnectFromHost();
            return;
        }
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_socket->bytesToWrite() == 0)
                m_socket->disconnectFromHost();
        });
    }

    void onDeadline()
    {
        if (m_state == State::Closing) {
            // A streamed body the client has not taken within the deadline after its end.
            if (m_socket->bytesToWrite() > 0) {
                qCWarning(lcServer).noquote() << "dropping" << m_peerText
                                              << "which did not read the end of a streamed response";
                drop();
            }
            return;
        }
        if (m_tls && !m_tls->isEncrypted()) {
            qCWarning(lcServer).noquote()
                << "TLS handshake with" << m_peerText << "did not finish within"
                << m_options.requestTimeoutMs << "ms";
            drop();
            return;
        }
        if (m_state == State::Http2) {
            qCDebug(lcServer).noquote() << "ending the idle HTTP/2 session with" << m_peerText;
            m_h2->terminate();
            closeWhenWritten();
            return;
        }
        if (m_buffer.isEmpty() && m_state == State::Reading && m_parser.isIdle()) {
            qCDebug(lcServer).noquote() << "closing the idle connection from" << m_peerText;
            m_socket->disconnectFromHost();
            return;
        }
        fail(408, "The request took too long to arrive.",
             QStringLiteral("the request did not arrive within %1 ms")
                 .arg(m_options.requestTimeoutMs));
    }

    const HttpServer::Handler &m_handler;
    const HttpServer::Options &m_options;
    std::shared_ptr<std::atomic<int>> m_open;
    QTcpSocket *m_socket = nullptr;
    QSslSocket *m_tls = nullptr; // m_socket when serving TLS
    QTimer *m_deadline = nullptr;
    QHostAddress m_peer;
    QString m_peerText; // address:port, for the log
    QByteArray m_buffer;
    Http1RequestParser m_parser;
    bool m_closeAfterResponse = false;
    State m_state = State::Reading;
    std::shared_ptr<ResponseStream> m_stream; // from a streamed response on
    std::function<void()> m_drained;
    bool m_servedAny = false;             // an HTTP/1.1 request was answered
    std::unique_ptr<Http2Session> m_h2;   // State::Http2
    QTimer *m_h2Tick = nullptr;
};

} // namespace

class HttpAcceptor final : public QTcpServer
{
public:
    explicit HttpAcceptor(HttpServer *server) : m_server(server) {}

protected:
    void incomingConnection(qintptr socketDescriptor) override { m_server->dispatch(socketDescriptor); }

private:
    HttpServer *m_server;
};

HttpServer::HttpServer(Handler handler, Options options, QObject *parent)
    : QObject(parent),
      m_handler(std::move(handler)),
      m_options(options),
      m_openCounter(std::make_shared<std::atomic<int>>(0))
{
    m_acceptThread = new QThread;
    m_acceptThread->setObjectName(QStringLiteral("http-accept"));
    m_acceptor = new HttpAcceptor(this);
    m_acceptor->moveToThread(m_acceptThread);
    m_acceptThread->start();
    const int workers = std::max(1, m_options.workerThreads);
    for (int i = 0; i < workers; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("http-worker-%1").arg(i));
        auto *context = new QObject;
        context->moveToThread(thread);
        connect(thread, &QThread::finished, context, &QObject::deleteLater);
        thread->start();
        m_workers.push_back(thread);
        m_contexts.push_back(context);
    }
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_options.tls) {
        if (!QSslSocket::supportsSsl()) {
            m_error = tr("TLS is not available: Qt has no TLS backend (the OpenSSL 3 plugin of "
                         "Qt Network) or it cannot load OpenSSL.");
            return false;
        }
        if (m_options.tls->localCertificate().isNull() || m_options.tls->privateKey().isNull()) {
            m_error = tr("TLS needs a certificate and its private key.");
            return false;
        }
    }
    bool ok = false;
    QMetaObject::invokeMethod(
        m_acceptor,
        [&] {
            ok = m_acceptor->listen(address, port);
            m_port = m_acceptor->serverPort();
            m_error = m_acceptor->errorString();
            if (ok)
                qCDebug(lcServer).noquote()
                    << "listening on" << address.toString() << "port" << m_port
                    << (m_options.tls ? "with TLS" : "without TLS");
        },
        Qt::BlockingQueuedConnection);
    return ok;
}

HttpServer::~HttpServer()
{
    QMetaObject::invokeMethod(m_acceptor, [this] { delete m_acceptor; }, Qt::BlockingQueuedConnection);
    m_acceptThread->quit();
    m_acceptThread->wait();
    delete m_acceptThread;
    // Connections are children of nothing on their worker threads; ending the threads' event
    // loops and deleting the contexts is enough, since the sockets close with the process or
    // are deleted with their thread's remaining deferred deletes.
    for (QObject *context : m_contexts) {
        QMetaObject::invokeMethod(context, [context] {
            for (QObject *child : context->children())
                delete child;
        }, Qt::BlockingQueuedConnection);
    }
    for (QThread *thread : m_workers) {
        thread->quit();
        thread->wait();
        delete thread;
    }
}

void HttpServer::dispatch(qintptr socketDescriptor)
{
    QObject *context = m_contexts[m_next.fetch_add(1) % m_contexts.size()];
    QMetaObject::invokeMethod(context, [this, context, socketDescriptor] {
        auto *connection = new Connection(socketDescriptor, m_handler, m_options, m_openCounter);
        connection->setParent(context);
    });
}

} // namespace shardscope
