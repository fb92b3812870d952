#include "server/httpserver.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include <atomic>

using namespace shardscope;

namespace {

// Reads one HTTP response (headers and Content-Length body) from a socket.
struct ParsedResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
};

std::optional<ParsedResponse> readResponse(QTcpSocket &socket, QByteArray &buffer, int timeoutMs = 5000)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            ParsedResponse response;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            response.status = lines.front().split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                response.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                        lines[i].mid(colon + 1).trimmed());
            }
            const qint64 length = response.headers.value("content-length").toLongLong();
            while (buffer.size() < end + 4 + length && timer.elapsed() < timeoutMs) {
                socket.waitForReadyRead(100);
                buffer += socket.readAll();
            }
            if (buffer.size() < end + 4 + length)
                return std::nullopt;
            response.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            return response;
        }
        if (timer.elapsed() > timeoutMs || socket.state() != QAbstractSocket::ConnectedState) {
            buffer += socket.readAll();
            if (buffer.indexOf("\r\n\r\n") >= 0)
                continue;
            return std::nullopt;
        }
        socket.waitForReadyRead(100);
        buffer += socket.readAll();
    }
}

QByteArray post(const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\n" + extraHeaders + "\r\n" + body;
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void echoesWithKeepAlive();
    void pipelinedRequestsAnswerInOrder();
    void expectContinue();
    void oversizedBodyIs413();
    void oversizedHeaderIs431();
    void malformedRequestLineIs400();
    void slowClientTimesOutAndDoesNotBlockOthers();
    void connectionCloseIsHonoured();

private:
    std::unique_ptr<HttpServer> m_server;
    std::atomic<int> m_handled{0};
};

void TestHttpServer::init()
{
    HttpServer::Options options;
    options.workerThreads = 2;
    options.maxBodyBytes = 1024;
    options.maxHeaderBytes = 2048;
    options.requestTimeoutMs = 700;
    m_handled = 0;
    m_server = std::make_unique<HttpServer>(
        [this](const HttpRequest &request) {
            m_handled++;
            HttpResponse response;
            response.contentType = "text/plain";
            response.body = request.method + ' ' + request.target + ' ' + request.body;
            response.headers.append({"X-Test", request.header("x-test")});
            return response;
        },
        options);
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
}

void TestHttpServer::cleanup()
{
    m_server.reset();
}

void TestHttpServer::echoesWithKeepAlive()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    QVERIFY(socket.waitForConnected());
    QByteArray buffer;
    for (int i = 0; i < 3; ++i) {
        socket.write(post("hello " + QByteArray::number(i), "X-Test: " + QByteArray::number(i) + "\r\n"));
        const auto response = readResponse(socket, buffer);
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, "POST / hello " + QByteArray::number(i));
        QCOMPARE(response->headers.value("x-test"), QByteArray::number(i));
        QVERIFY(!response->headers.value("date").isEmpty());
    }
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void TestHttpServer::pipelinedRequestsAnswerInOrder()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    QVERIFY(socket.waitForConnected());
    socket.write(post("a") + post("bb") + post("ccc"));
    QByteArray buffer;
    for (const QByteArray &expected : {QByteArray("a"), QByteArray("bb"), QByteArray("ccc")}) {
        const auto response = readResponse(socket, buffer);
        QVERIFY(response.has_value());
        QCOMPARE(response->body, "POST / " + expected);
    }
}

void TestHttpServer::expectContinue()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    QVERIFY(socket.waitForConnected());
    socket.write("POST /x HTTP/1.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
    QByteArray buffer;
    const auto interim = readResponse(socket, buffer);
    QVERIFY(interim.has_value());
    QCOMPARE(interim->status, 100);
    socket.write("body");
    const auto response = readResponse(socket, buffer);
    QVERIFY(response.has_value());
    QCOMPARE(response->body, QByteArray("POST /x body"));
}

void TestHttpServer::oversizedBodyIs413()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    QVERIFY(socket.waitForConnected());
    socket.write("POST / HTTP/1.1\r\nContent-Length: 5000\r\n\r\n");
    QByteArray buffer;
    const auto response = readResponse(socket, buffer);
    QVERIFY(response.has_value());
    QCOMPARE(response->status, 413);
    QCOMPARE(m_handled.load(), 0);
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
}

void TestHttpServer::oversizedHeaderIs431()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    QVERIFY(socket.waitForConnected());
    socket.write("POST / HTTP/1.1\r\nX-Big: " + QByteArray(4000, 'a') + "\r\n\r\n");
    QByteArray buffer;
    const auto response = readResponse(socket, buffer);
    QVERIFY(response.has_value());
    QCOMPARE(response->status, 431);
}

void TestHttpServer::malformedRequestLineIs400()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    QVERIFY(socket.waitForConnected());
    socket.write("GARBAGE\r\n\r\n");
    QByteArray buffer;
    const auto response = readResponse(socket, buffer);
    QVERIFY(response.has_value());
    QCOMPARE(response->status, 400);
}

void TestHttpServer::slowClientTimesOutAndDoesNotBlockOthers()
{
    // One client trickles its request a byte at a time...
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    QVERIFY(slow.waitForConnected());
    const QByteArray request = post("never finished");
    slow.write(request.left(1));
    slow.flush();

    // ...while others on every worker thread are served at once.
    for (int i = 0; i < 4; ++i) {
        QTcpSocket fast;
        fast.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
        QVERIFY(fast.waitForConnected());
        QElapsedTimer timer;
        timer.start();
        fast.write(post("quick"));
        QByteArray buffer;
        const auto response = readResponse(fast, buffer);
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 200);
    }
    for (int i = 1; i < 5; ++i) {
        slow.write(request.mid(i, 1));
        slow.flush();
        QTest::qWait(100);
    }
    // The slow request misses its deadline: 408 and the connection closes.
    QByteArray buffer;
    const auto response = readResponse(slow, buffer, 3000);
    QVERIFY(response.has_value());
    QCOMPARE(response->status, 408);
    QTRY_COMPARE(slow.state(), QAbstractSocket::UnconnectedState);
}

void TestHttpServer::connectionCloseIsHonoured()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    QVERIFY(socket.waitForConnected());
    socket.write(post("bye", "Connection: close\r\n"));
    QByteArray buffer;
    const auto response = readResponse(socket, buffer);
    QVERIFY(response.has_value());
    QCOMPARE(response->headers.value("connection"), QByteArray("close"));
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
