// HttpServer's HTTP/2 (Http2Session over nghttp2), driven by an nghttp2 client over a raw
// socket: h2c with prior knowledge, many streams on one connection, the header (431) and body
// (413) limits, a stream whose request never ends (408), a streamed response as DATA frames, a
// client that opens streams and never reads (others are still served; what the server holds for
// it stays under the connection's cap, and everything arrives once it reads), garbage after the
// preface (GOAWAY, the server goes on), and HTTP/1.1 still on the same port.

#include "server/http2session.h"
#include "server/httpserver.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <nghttp2/nghttp2.h>

#include <atomic>
#include <map>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

// A blocking HTTP/2 client for tests: submit requests, then pump until they are answered.
class H2Client
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        bool closed = false;
        uint32_t errorCode = 0;
    };

    explicit H2Client(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_connected = m_socket.waitForConnected(5000);
        nghttp2_session_callbacks *callbacks = nullptr;
        nghttp2_session_callbacks_new(&callbacks);
        nghttp2_session_callbacks_set_on_header_callback(callbacks, &H2Client::onHeader);
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, &H2Client::onData);
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, &H2Client::onClose);
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, &H2Client::onFrame);
        nghttp2_session_client_new(&m_session, callbacks, this);
        nghttp2_session_callbacks_del(callbacks);
        nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, nullptr, 0);
    }
    ~H2Client() { nghttp2_session_del(m_session); }

    bool connected() const { return m_connected; }
    QTcpSocket &socket() { return m_socket; }
    nghttp2_session *session() { return m_session; }
    bool goAwayReceived() const { return m_goAway; }

    // Submits a POST with these extra headers and body; returns the stream id.
    int32_t post(const QByteArray &path, const QByteArray &body,
                 const QList<std::pair<QByteArray, QByteArray>> &extra = {}, bool endStream = true)
    {
        QList<std::pair<QByteArray, QByteArray>> headers{
            {":method", "POST"}, {":scheme", "http"}, {":authority", "localhost"}, {":path", path}};
        headers += extra;
        QList<nghttp2_nv> nva;
        for (const auto &[name, value] : headers)
            nva.append(nghttp2_nv{reinterpret_cast<uint8_t *>(const_cast<char *>(name.constData())),
                                  reinterpret_cast<uint8_t *>(const_cast<char *>(value.constData())),
                                  size_t(name.size()), size_t(value.size()), NGHTTP2_NV_FLAG_NONE});
        auto source = std::make_unique<Body>();
        source->bytes = body;
        source->end = endStream;
        nghttp2_data_provider provider;
        provider.source.ptr = source.get();
        provider.read_callback = &H2Client::readBody;
        const int32_t id = nghttp2_submit_request(m_session, nullptr, nva.constData(), size_t(nva.size()),
                                                  &provider, nullptr);
        m_bodies[id] = std::move(source);
        m_replies[id];
        return id;
    }

    // Sends and receives until `done` or the timeout; false on timeout.
    bool pump(const std::function<bool()> &done, int timeoutMs = 5000, bool read = true)
    {
        QElapsedTimer timer;
        timer.start();
        while (!done()) {
            flush();
            if (timer.elapsed() > timeoutMs || m_socket.state() != QAbstractSocket::ConnectedState)
                return done();
            if (!read) {
                QTest::qWait(20);
                continue;
            }
            m_socket.waitForReadyRead(20);
            const QByteArray bytes = m_socket.readAll();
            if (!bytes.isEmpty() &&
                nghttp2_session_mem_recv(m_session, reinterpret_cast<const uint8_t *>(bytes.constData()),
                                         size_t(bytes.size())) < 0)
                return done();
        }
        flush();
        return true;
    }

    void flush()
    {
        for (;;) {
            const uint8_t *data = nullptr;
            const ssize_t n = nghttp2_session_mem_send(m_session, &data);
            if (n <= 0)
                break;
            m_socket.write(reinterpret_cast<const char *>(data), qint64(n));
        }
        m_socket.waitForBytesWritten(100);
    }

    const Reply &reply(int32_t id) { return m_replies[id]; }
    bool closed(int32_t id) { return m_replies[id].closed; }

private:
    struct Body
    {
        QByteArray bytes;
        qsizetype offset = 0;
        bool end = true;
    };

    static H2Client &of(void *user) { return *static_cast<H2Client *>(user); }
    static ssize_t readBody(nghttp2_session *, int32_t, uint8_t *buffer, size_t length,
                            uint32_t *flags, nghttp2_data_source *source, void *)
    {
        auto *body = static_cast<Body *>(source->ptr);
        const qsizetype n = std::min<qsizetype>(qsizetype(length), body->bytes.size() - body->offset);
        std::memcpy(buffer, body->bytes.constData() + body->offset, size_t(n));
        body->offset += n;
        if (body->offset == body->bytes.size()) {
            if (body->end)
                *flags |= NGHTTP2_DATA_FLAG_EOF;
            else if (n == 0)
                return NGHTTP2_ERR_DEFERRED; // a body that never ends
        }
        return ssize_t(n);
    }
    static int onHeader(nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name, size_t nameLength,
                        const uint8_t *value, size_t valueLength, uint8_t, void *user)
    {
        if (QByteArrayView(name, qsizetype(nameLength)) == ":status")
            of(user).m_replies[frame->hd.stream_id].status =
                QByteArray(reinterpret_cast<const char *>(value), qsizetype(valueLength)).toInt();
        return 0;
    }
    static int onData(nghttp2_session *, uint8_t, int32_t id, const uint8_t *data, size_t length, void *user)
    {
        of(user).m_replies[id].body.append(reinterpret_cast<const char *>(data), qsizetype(length));
        return 0;
    }
    static int onClose(nghttp2_session *, int32_t id, uint32_t error, void *user)
    {
        of(user).m_replies[id].closed = true;
        of(user).m_replies[id].errorCode = error;
        return 0;
    }
    static int onFrame(nghttp2_session *, const nghttp2_frame *frame, void *user)
    {
        if (frame->hd.type == NGHTTP2_GOAWAY)
            of(user).m_goAway = true;
        return 0;
    }

    QTcpSocket m_socket;
    bool m_connected = false;
    bool m_goAway = false;
    nghttp2_session *m_session = nullptr;
    std::map<int32_t, std::unique_ptr<Body>> m_bodies;
    std::map<int32_t, Reply> m_replies;
};

// Writes "piece N" three times, 50 ms apart, then finishes.
class TickingStream final : public QObject, public ResponseStream
{
public:
    void start(ResponseSink &sink) override
    {
        m_sink = &sink;
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [this, timer] {
            if (!m_sink)
                return timer->stop();
            m_sink->write("piece " + QByteArray::number(++m_count) + ";");
            if (m_count == 3) {
                timer->stop();
                m_sink->finish();
                m_sink = nullptr;
            }
        });
        timer->start(50);
    }
    void cancel() override { m_sink = nullptr; }

private:
    ResponseSink *m_sink = nullptr;
    int m_count = 0;
};

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kFloodPiece = 64 * 1024;
constexpr int kFloodPieces = 48; // 3 MiB

// Everything the server's handler and streams produced, for the connection cap's test (the
// server runs them on its worker threads).
std::atomic<qint64> g_bigAnswers = 0;
std::atomic<qint64> g_floodBytes = 0;

QByteArray floodPiece(int index)
{
    return QByteArray(kFloodPiece, char('a' + index % 26));
}

// Writes 3 MiB as fast as the sink lets it: a piece whenever it has less than 4 MiB pending
// (which this stream alone never reaches), then waits for `drained`.
class FloodStream final : public ResponseStream
{
public:
    void start(ResponseSink &sink) override
    {
        m_sink = &sink;
        sink.setDrainedCallback([this] { pour(); });
        pour();
    }
    void cancel() override { m_sink = nullptr; }

private:
    void pour()
    {
        if (m_pouring) // a write flushes, which may call `drained` again
            return;
        m_pouring = true;
        while (m_sink && m_written < kFloodPieces && m_sink->pendingBytes() < 4 * kMiB) {
            m_sink->write(floodPiece(m_written++));
            g_floodBytes += kFloodPiece;
        }
        if (m_sink && m_written == kFloodPieces) {
            m_sink->finish();
            m_sink = nullptr;
        }
        m_pouring = false;
    }

    ResponseSink *m_sink = nullptr;
    int m_written = 0;
    bool m_pouring = false;
};

// Echoes the body; /big answers 4 MiB; /stream answers a TickingStream; /flood a FloodStream.
HttpResponse handle(const HttpRequest &request)
{
    HttpResponse response;
    response.contentType = "text/plain";
    if (request.target == "/big") {
        response.body = QByteArray(4 * kMiB, 'b');
        ++g_bigAnswers;
    } else if (request.target == "/stream") {
        response.stream = std::make_shared<TickingStream>();
    } else if (request.target == "/flood") {
        response.stream = std::make_shared<FloodStream>();
    } else {
        response.body = request.method + ' ' + request.target + ' ' + request.header("x-test") + ' ' +
                        request.header("host") + ' ' + request.body;
    }
    return response;
}

struct Server
{
    HttpServer server;
    Server(HttpServer::Options options = makeOptions()) : server(&handle, options) {}
    static HttpServer::Options makeOptions()
    {
        HttpServer::Options options;
        options.workerThreads = 2;
        options.maxBodyBytes = 64 * 1024;
        options.maxHeaderBytes = 8 * 1024;
        options.requestTimeoutMs = 400;
        return options;
    }
    quint16 start()
    {
        return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
    }
};

} // namespace

class TestHttp2Server final : public QObject
{
    Q_OBJECT

private slots:
    void answersOverCleartextHttp2();
    void manyStreamsOnOneConnection();
    void headerListTooLarge();
    void bodyTooLarge();
    void requestThatNeverEndsGets408();
    void streamedResponseArrivesAsData();
    void clientThatNeverReadsHoldsUpNobody();
    void connectionBuffersAtMostItsCap();
    void garbageAfterThePrefaceEndsTheConnection();
    void http11StillServedOnTheSamePort();
};

void TestHttp2Server::answersOverCleartextHttp2()
{
    Server s;
    const quint16 port = s.start();
    QVERIFY(port);
    H2Client client(port);
    QVERIFY(client.connected());
    const int32_t id = client.post("/echo", "hello", {{"x-test", "yes"}});
    QVERIFY(client.pump([&] { return client.closed(id); }));
    QCOMPARE(client.reply(id).status, 200);
    QCOMPARE(client.reply(id).body, QByteArray("POST /echo yes localhost hello"));
}

void TestHttp2Server::manyStreamsOnOneConnection()
{
    Server s;
    const quint16 port = s.start();
    H2Client client(port);
    QVERIFY(client.connected());
    QList<int32_t> ids;
    for (int i = 0; i < 60; ++i)
        ids.append(client.post("/n" + QByteArray::number(i), QByteArray::number(i)));
    QVERIFY(client.pump([&] {
        return std::all_of(ids.cbegin(), ids.cend(), [&](int32_t id) { return client.closed(id); });
    }));
    for (int i = 0; i < 60; ++i) {
        QCOMPARE(client.reply(ids[i]).status, 200);
        QCOMPARE(client.reply(ids[i]).body,
                 "POST /n" + QByteArray::number(i) + "  localhost " + QByteArray::number(i));
    }
    QCOMPARE(s.server.openConnections(), 1);
}

void TestHttp2Server::headerListTooLarge()
{
    Server s;
    H2Client client(s.start());
    QVERIFY(client.connected());
    const int32_t id = client.post("/echo", "x", {{"x-test", QByteArray(9 * 1024, 'h')}});
    QVERIFY(client.pump([&] { return client.closed(id); }));
    QCOMPARE(client.reply(id).status, 431);
    // The connection still serves.
    const int32_t next = client.post("/echo", "ok");
    QVERIFY(client.pump([&] { return client.closed(next); }));
    QCOMPARE(client.reply(next).status, 200);
}

void TestHttp2Server::bodyTooLarge()
{
    Server s;
    H2Client client(s.start());
    QVERIFY(client.connected());
    const int32_t id = client.post("/echo", QByteArray(65 * 1024, 'x'));
    QVERIFY(client.pump([&] { return client.closed(id); }));
    QCOMPARE(client.reply(id).status, 413);
}

void TestHttp2Server::requestThatNeverEndsGets408()
{
    Server s;
    H2Client client(s.start());
    QVERIFY(client.connected());
    QElapsedTimer timer;
    timer.start();
    const int32_t id = client.post("/echo", "partial", {}, false);
    QVERIFY(client.pump([&] { return client.reply(id).status != 0; }, 5000));
    QCOMPARE(client.reply(id).status, 408);
    QVERIFY2(timer.elapsed() >= 400, qPrintable(QString::number(timer.elapsed())));
}

void TestHttp2Server::streamedResponseArrivesAsData()
{
    Server s;
    H2Client client(s.start());
    QVERIFY(client.connected());
    const int32_t id = client.post("/stream", "");
    QVERIFY(client.pump([&] { return client.closed(id); }));
    QCOMPARE(client.reply(id).status, 200);
    QCOMPARE(client.reply(id).body, QByteArray("piece 1;piece 2;piece 3;"));
    QCOMPARE(client.reply(id).errorCode, uint32_t(NGHTTP2_NO_ERROR));
}

void TestHttp2Server::clientThatNeverReadsHoldsUpNobody()
{
    Server s;
    const quint16 port = s.start();
    H2Client stuck(port);
    QVERIFY(stuck.connected());
    stuck.socket().setReadBufferSize(1);
    for (int i = 0; i < 20; ++i)
        stuck.post("/big", ""); // 80 MiB asked for, none read
    stuck.pump([] { return false; }, 500, false);

    H2Client other(port);
    QVERIFY(other.connected());
    QElapsedTimer timer;
    timer.start();
    const int32_t id = other.post("/echo", "still here");
    QVERIFY(other.pump([&] { return other.closed(id); }));
    QCOMPARE(other.reply(id).status, 200);
    QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
}

// 10 streamed responses of 3 MiB and 10 answers of 4 MiB asked for on one connection whose
// client reads nothing (nor opens its flow-control windows beyond the first 64 KiB): without the
// connection's cap the server would hold 70 MiB for it. With it, what the handler and the
// streams produced stays within the cap plus one answer; the rest waits, and arrives complete
// and in order once the client reads.
void TestHttp2Server::connectionBuffersAtMostItsCap()
{
    Server s;
    const quint16 port = s.start();
    H2Client client(port);
    QVERIFY(client.connected());
    client.socket().setReadBufferSize(1);
    g_bigAnswers = 0;
    g_floodBytes = 0;
    QList<int32_t> floods, bigs;
    for (int i = 0; i < 10; ++i) {
        floods.append(client.post("/flood", ""));
        bigs.append(client.post("/big", ""));
    }
    client.pump([] { return false; }, 1000, false);

    const qint64 produced = g_floodBytes + g_bigAnswers * 4 * kMiB;
    const qint64 window = 64 * 1024; // what the client's windows let through unread
    QVERIFY2(produced >= Http2Session::kMaxBufferedBytes - window,
             qPrintable(QString::number(produced)));
    QVERIFY2(produced <= Http2Session::kMaxBufferedBytes + 4 * kMiB + window,
             qPrintable(QString::number(produced)));
    QVERIFY(g_bigAnswers < 10);
    QCOMPARE(s.server.openConnections(), 1);

    client.socket().setReadBufferSize(0);
    QList<int32_t> all = floods + bigs;
    QVERIFY(client.pump(
        [&] {
            return std::all_of(all.cbegin(), all.cend(), [&](int32_t id) { return client.closed(id); });
        },
        30000));
    QByteArray flood;
    for (int i = 0; i < kFloodPieces; ++i)
        flood += floodPiece(i);
    for (int32_t id : std::as_const(floods)) {
        QCOMPARE(client.reply(id).status, 200);
        QCOMPARE(client.reply(id).errorCode, uint32_t(NGHTTP2_NO_ERROR));
        QVERIFY(client.reply(id).body == flood);
    }
    for (int32_t id : std::as_const(bigs)) {
        QCOMPARE(client.reply(id).status, 200);
        QVERIFY(client.reply(id).body == QByteArray(4 * kMiB, 'b'));
    }
    QCOMPARE(g_bigAnswers.load(), qint64(10));
}

void TestHttp2Server::garbageAfterThePrefaceEndsTheConnection()
{
    Server s;
    const quint16 port = s.start();
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(raw.waitForConnected(5000));
    raw.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    raw.write(QByteArray(64, '\xff')); // not a frame
    QElapsedTimer timer;
    timer.start();
    QByteArray received;
    while (raw.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
        raw.waitForReadyRead(50);
        received += raw.readAll();
    }
    QCOMPARE(raw.state(), QAbstractSocket::UnconnectedState);
    // A GOAWAY frame (type 7) was among what the server sent before closing.
    bool goAway = false;
    for (qsizetype at = 0; at + 9 <= received.size();) {
        const qsizetype length = (quint8(received[at]) << 16) | (quint8(received[at + 1]) << 8) | quint8(received[at + 2]);
        goAway = goAway || received[at + 3] == 7;
        at += 9 + length;
    }
    QVERIFY(goAway);
    // The server goes on.
    H2Client client(port);
    const int32_t id = client.post("/echo", "after");
    QVERIFY(client.pump([&] { return client.closed(id); }));
    QCOMPARE(client.reply(id).status, 200);
}

void TestHttp2Server::http11StillServedOnTheSamePort()
{
    Server s;
    const quint16 port = s.start();
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(raw.waitForConnected(5000));
    raw.write("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nhi");
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (!answer.endsWith("hi") && timer.elapsed() < 5000) {
        raw.waitForReadyRead(50);
        answer += raw.readAll();
    }
    QVERIFY2(answer.startsWith("HTTP/1.1 200 OK"), answer.constData());
    QVERIFY(answer.endsWith("POST /echo  h hi"));
}

QTEST_GUILESS_MAIN(TestHttp2Server)
#include "tst_http2server.moc"
