#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QTcpServer>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QThread;

namespace shardscope {

struct HttpRequest
{
    QByteArray method;
    QByteArray target; // the request-target as sent (path and query)
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QHostAddress peer;

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
};

// Where a streamed response body goes: the connection that answered the request. Every call
// is made on the connection's thread.
class ResponseSink
{
public:
    virtual ~ResponseSink() = default;
    // Sends the next piece of the body.
    virtual void write(const QByteArray &piece) = 0;
    // Ends the body; nothing may be written after it.
    virtual void finish() = 0;
    // Bytes written but not yet taken by the client. A stream stops producing while this is
    // high and goes on when `drained` is called.
    virtual qint64 pendingBytes() const = 0;
    virtual void setDrainedCallback(std::function<void()> drained) = 0;
};

// A response body produced over time (SubscribeToShard's event stream). The connection calls
// start() on its own thread once the head is sent, and cancel() when the client goes away
// before the stream finished; after cancel() the stream must not touch the sink again.
class ResponseStream
{
public:
    virtual ~ResponseStream() = default;
    virtual void start(ResponseSink &sink) = 0;
    virtual void cancel() = 0;
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    // When set, the body is this stream's (sent chunked over HTTP/1.1) and `body` is ignored.
    std::shared_ptr<ResponseStream> stream;
};

// A small HTTP/1.1 server on QTcpServer: keep-alive, pipelining, Expect: 100-continue,
// Content-Length bodies with a size limit (413), a header size limit (431), and a deadline for
// each request so that a client sending one byte a second cannot hold a connection (408).
// A streamed response (HttpResponse::stream) goes out with chunked transfer encoding and ends
// the connection; a client that stops reading it makes the stream wait, and one that has not
// taken the last bytes within the request deadline after the end is dropped.
//
// With Options::tls set, every connection is TLS (QSslSocket in server mode) and nothing else
// changes; a client that fails the handshake, or does not finish it within the request deadline,
// is dropped without a response.
//
// Threads: connections are accepted on a thread of the server's own (so a busy GUI thread never
// delays them); each connection then lives on one of `workerThreads` threads, where its bytes are
// parsed as they arrive and the handler runs. A slow client therefore never holds up the others.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    // Called on a worker thread; must be thread-safe.
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    struct Options
    {
        int workerThreads = 4;
        qint64 maxBodyBytes = 7 * 1024 * 1024;
        qint64 maxHeaderBytes = 64 * 1024;
        int requestTimeoutMs = 30000; // from the first byte of a request to its last
        int idleTimeoutMs = 120000;   // between requests on a kept-alive connection
        std::optional<QSslConfiguration> tls; // with a local certificate and private key: https
    };

    HttpServer(Handler handler, Options options, QObject *parent = nullptr);
    ~HttpServer() override;

    // Starts listening (port 0: any free port). Returns false with errorString() on failure,
    // which includes TLS being asked for when Qt has no TLS backend.
    bool listen(const QHostAddress &address, quint16 port);
    quint16 serverPort() const { return m_port; }
    QString errorString() const { return m_error; }
    int openConnections() const { return m_openCounter->load(); }

private:
    friend class HttpAcceptor;
    void dispatch(qintptr socketDescriptor); // called on the acceptor thread

    Handler m_handler;
    Options m_options;
    std::vector<QThread *> m_workers;
    std::vector<QObject *> m_contexts; // one per worker, living on it
    std::atomic<std::size_t> m_next = 0;
    std::shared_ptr<std::atomic<int>> m_openCounter;
    QThread *m_acceptThread = nullptr;
    QTcpServer *m_acceptor = nullptr; // lives on m_acceptThread
    quint16 m_port = 0;
    QString m_error;
};

} // namespace shardscope
