#include "server/httpserver.h"
#include "server/selfsignedcertificate.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

#include "httptestclient.h"

#include <atomic>

using namespace shardscope;

namespace {

using testing::ParsedResponse;

std::optional<ParsedResponse> readResponse(QAbstractSocket &socket, QByteArray &buffer,
                                           int timeoutMs = 5000)
{
    return testing::readResponse(socket, buffer, timeoutMs);
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
    void initTestCase();
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
    void tlsClientTrustingTheCertificateIsServed_data();
    void tlsClientTrustingTheCertificateIsServed();
    void tlsClientNotTrustingTheCertificateFails();
    void plainHttpOnTheTlsPortGetsNoResponse();
    void handshakeGarbageDoesNotAffectOtherClients();
    void tlsNeedsAKeyAndCertificate();

private:
    HttpServer::Handler echoHandler();
    std::unique_ptr<HttpServer> startTlsServer();
    // A TLS client that trusts m_certificate, connected and past the handshake.
    std::unique_ptr<QSslSocket> connectTls(quint16 port, const QString &host = QStringLiteral("127.0.0.1"));

    std::unique_ptr<HttpServer> m_server;
    std::atomic<int> m_handled{0};
    QSslCertificate m_certificate;
    QSslKey m_privateKey;
};

void TestHttpServer::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
    const auto generated = SelfSignedCertificate::generate({});
    QVERIFY2(generated.has_value(), qPrintable(generated ? QString() : generated.error().message));
    m_certificate = QSslCertificate(generated->certificatePem(), QSsl::Pem);
    m_privateKey = QSslKey(generated->privateKeyPem(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    QVERIFY(!m_certificate.isNull());
    QVERIFY(!m_privateKey.isNull());
}

HttpServer::Handler TestHttpServer::echoHandler()
{
    return [this](const HttpRequest &request) {
        m_handled++;
        HttpResponse response;
        response.contentType = "text/plain";
        response.body = request.method + ' ' + request.target + ' ' + request.body;
        response.headers.append({"X-Test", request.header("x-test")});
        return response;
    };
}

std::unique_ptr<HttpServer> TestHttpServer::startTlsServer()
{
    HttpServer::Options options;
    options.workerThreads = 2;
    options.requestTimeoutMs = 700;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(m_certificate);
    tls.setPrivateKey(m_privateKey);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    options.tls = tls;
    auto server = std::make_unique<HttpServer>(echoHandler(), options);
    if (!server->listen(QHostAddress::LocalHost, 0)) {
        qWarning() << server->errorString();
        return nullptr;
    }
    return server;
}

std::unique_ptr<QSslSocket> TestHttpServer::connectTls(quint16 port, const QString &host)
{
    auto socket = std::make_unique<QSslSocket>();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates({m_certificate});
    socket->setSslConfiguration(configuration);
    socket->connectToHostEncrypted(host, port);
    if (!socket->waitForEncrypted(5000)) {
        qWarning() << "handshake failed:" << socket->errorString() << socket->sslHandshakeErrors();
        return nullptr;
    }
    return socket;
}

void TestHttpServer::init()
{
    HttpServer::Options options;
    options.workerThreads = 2;
    options.maxBodyBytes = 1024;
    options.maxHeaderBytes = 2048;
    options.requestTimeoutMs = 700;
    m_handled = 0;
    m_server = std::make_unique<HttpServer>(echoHandler(), options);
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
    // Limit hits are logged (shardscope.server), with what was over which limit.
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                             "^answering 413 Payload Too Large to 127\\.0\\.0\\.1:\\d+ and "
                             "closing: a body of 5000 bytes is over the limit of 1024$")));
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
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                             "^answering 431 Request Header Fields Too Large to 127\\.0\\.0\\.1:\\d+ "
                             "and closing: the request head.* is over the limit of 2048")));
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
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                             "^answering 400 Bad Request to .* and closing: Malformed request line\\.$")));
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
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                             "^answering 408 Request Timeout to .* and closing: the request did not "
                             "arrive within 700 ms$")));
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

void TestHttpServer::tlsClientTrustingTheCertificateIsServed_data()
{
    // The certificate names both, and clients check the name they connected to.
    QTest::addColumn<QString>("host");
    QTest::newRow("address") << QStringLiteral("127.0.0.1");
    QTest::newRow("name") << QStringLiteral("localhost");
}

void TestHttpServer::tlsClientTrustingTheCertificateIsServed()
{
    QFETCH(QString, host);
    const auto server = startTlsServer();
    QVERIFY(server);
    const auto socket = connectTls(server->serverPort(), host);
    QVERIFY(socket);
    QVERIFY(socket->sslHandshakeErrors().isEmpty());
    QCOMPARE(socket->peerCertificate(), m_certificate);
    QByteArray buffer;
    // Keep-alive and pipelining work through TLS as they do without.
    socket->write(post("one", "X-Test: 1\r\n"));
    const auto first = readResponse(*socket, buffer);
    QVERIFY(first.has_value());
    QCOMPARE(first->status, 200);
    QCOMPARE(first->body, QByteArray("POST / one"));
    QCOMPARE(first->headers.value("x-test"), QByteArray("1"));
    socket->write(post("two") + post("three", "Connection: close\r\n"));
    for (const QByteArray &expected : {QByteArray("two"), QByteArray("three")}) {
        const auto response = readResponse(*socket, buffer);
        QVERIFY(response.has_value());
        QCOMPARE(response->body, "POST / " + expected);
    }
    QTRY_COMPARE(socket->state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(server->openConnections(), 0);
}

void TestHttpServer::tlsClientNotTrustingTheCertificateFails()
{
    const auto server = startTlsServer();
    QVERIFY(server);
    QSslSocket socket; // trusts the system's CAs only
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^TLS handshake with 127\\.0\\.0\\.1:\\d+ failed: ")));
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server->serverPort());
    QVERIFY(!socket.waitForEncrypted(5000));
    QVERIFY(!socket.sslHandshakeErrors().isEmpty());
    QCOMPARE(m_handled.load(), 0);
    QTRY_COMPARE(server->openConnections(), 0);
}

void TestHttpServer::plainHttpOnTheTlsPortGetsNoResponse()
{
    const auto server = startTlsServer();
    QVERIFY(server);
    QTcpSocket plain;
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^TLS handshake with 127\\.0\\.0\\.1:\\d+ failed: ")));
    plain.connectToHost(QHostAddress::LocalHost, server->serverPort());
    QVERIFY(plain.waitForConnected());
    plain.write(post("in the clear"));
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (plain.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
        plain.waitForReadyRead(100);
        received += plain.readAll();
    }
    received += plain.readAll();
    QCOMPARE(plain.state(), QAbstractSocket::UnconnectedState);
    QVERIFY2(!received.contains("HTTP/"), received.constData()); // at most a TLS alert
    QCOMPARE(m_handled.load(), 0);
    QTRY_COMPARE(server->openConnections(), 0);

    const auto socket = connectTls(server->serverPort());
    QVERIFY(socket);
    QByteArray buffer;
    socket->write(post("after"));
    const auto response = readResponse(*socket, buffer);
    QVERIFY(response.has_value());
    QCOMPARE(response->body, QByteArray("POST / after"));
}

void TestHttpServer::handshakeGarbageDoesNotAffectOtherClients()
{
    const auto server = startTlsServer();
    QVERIFY(server);
    const auto good = connectTls(server->serverPort());
    QVERIFY(good);

    // Random bytes, a truncated ClientHello header, and a client that never says anything, on
    // both worker threads.
    std::vector<std::unique_ptr<QTcpSocket>> hostile;
    for (int i = 0; i < 6; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, server->serverPort());
        QVERIFY(socket->waitForConnected());
        QByteArray junk(512, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(junk.data()), junk.size() / 4);
        if (i % 3 == 0)
            socket->write(junk);
        else if (i % 3 == 1)
            socket->write(QByteArray::fromHex("16030100ff010000fb0303") + junk.left(20));
        socket->flush();
        hostile.push_back(std::move(socket));
    }

    // Meanwhile the established client and a new one are served as usual.
    QByteArray buffer;
    for (int i = 0; i < 3; ++i) {
        good->write(post("still here " + QByteArray::number(i)));
        const auto response = readResponse(*good, buffer);
        QVERIFY(response.has_value());
        QCOMPARE(response->body, "POST / still here " + QByteArray::number(i));
    }
    const auto late = connectTls(server->serverPort());
    QVERIFY(late);
    QByteArray lateBuffer;
    late->write(post("late"));
    const auto response = readResponse(*late, lateBuffer);
    QVERIFY(response.has_value());
    QCOMPARE(response->status, 200);

    // Every hostile connection ends: refused at once, or when the handshake deadline passes.
    for (const auto &socket : hostile) {
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 5000);
        QVERIFY(!socket->readAll().contains("HTTP/"));
    }
    QTRY_COMPARE(server->openConnections(), 2);
    QCOMPARE(good->state(), QAbstractSocket::ConnectedState);
    QCOMPARE(m_handled.load(), 4);
}

void TestHttpServer::tlsNeedsAKeyAndCertificate()
{
    HttpServer::Options options;
    options.tls = QSslConfiguration::defaultConfiguration(); // no certificate, no key
    HttpServer server(echoHandler(), options);
    QVERIFY(!server.listen(QHostAddress::LocalHost, 0));
    QVERIFY(server.errorString().contains(QStringLiteral("certificate")));
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
