// CORS on the Kinesis endpoint (core/server/cors): a browser's preflight is answered without a
// signature, and answers to requests with an Origin carry the headers the JavaScript SDK needs to
// read in a browser; requests without an Origin get none of them.

#include "engine/engine.h"
#include "server/kinesisendpoint.h"

#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

QByteArray headerOf(const HttpResponse &response, const QByteArray &name)
{
    for (const auto &[key, value] : response.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpRequest listStreams(const QByteArray &origin)
{
    HttpRequest request;
    request.method = "POST";
    request.target = "/";
    request.headers = {{"x-amz-target", "Kinesis_20131202.ListStreams"},
                       {"content-type", "application/x-amz-json-1.1"},
                       {"authorization", "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/kinesis/aws4_request, "
                                         "SignedHeaders=host, Signature=00"},
                       {"x-amz-date", "20240101T000000Z"}};
    if (!origin.isEmpty())
        request.headers.insert("origin", origin);
    request.body = "{}";
    return request;
}

} // namespace

class TestCors final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        EngineOptions options;
        options.databasePath = m_dir.filePath(u"k.db"_s);
        auto engine = Engine::open(options);
        QVERIFY(engine.has_value());
        m_engine = std::move(*engine);
    }
    void preflightIsAnsweredWithoutSignature();
    void answersToBrowsersExposeTheSdkHeaders();
    void otherClientsGetNoCorsHeaders();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
};

void TestCors::preflightIsAnsweredWithoutSignature()
{
    EngineOptions options;
    options.databasePath = m_dir.filePath(u"p.db"_s);
    auto engine = Engine::open(options);
    QVERIFY(engine.has_value());
    // A verifier that refuses everything: the preflight never reaches it.
    bool verified = false;
    KinesisEndpoint endpoint(**engine, [&](const HttpRequest &) -> std::expected<QString, Error> {
        verified = true;
        return std::unexpected(Error{ErrorType::UnrecognizedClient, u"no"_s});
    });
    HttpRequest preflight;
    preflight.method = "OPTIONS";
    preflight.target = "/";
    preflight.headers = {{"origin", "http://localhost:5173"},
                         {"access-control-request-method", "POST"},
                         {"access-control-request-headers", "authorization,content-type,x-amz-target"}};
    const HttpResponse response = endpoint.handle(preflight);
    QCOMPARE(response.status, 200);
    QVERIFY(!verified);
    QCOMPARE(headerOf(response, "Access-Control-Allow-Origin"), QByteArray("http://localhost:5173"));
    QCOMPARE(headerOf(response, "Access-Control-Allow-Methods"), QByteArray("GET, POST, OPTIONS"));
    QCOMPARE(headerOf(response, "Access-Control-Allow-Headers"), QByteArray("authorization,content-type,x-amz-target"));
    QCOMPARE(headerOf(response, "Access-Control-Max-Age"), QByteArray("86400"));

    // An OPTIONS without the preflight headers is an ordinary request without an operation.
    HttpRequest plain;
    plain.method = "OPTIONS";
    plain.target = "/";
    QVERIFY(endpoint.handle(plain).status != 200);
}

void TestCors::answersToBrowsersExposeTheSdkHeaders()
{
    KinesisEndpoint endpoint(*m_engine);
    const HttpResponse response = endpoint.handle(listStreams("http://localhost:5173"));
    QCOMPARE(response.status, 200);
    QCOMPARE(headerOf(response, "Access-Control-Allow-Origin"), QByteArray("http://localhost:5173"));
    const QByteArray exposed = headerOf(response, "Access-Control-Expose-Headers");
    QVERIFY(exposed.contains("x-amzn-RequestId"));
    QVERIFY(exposed.contains("x-amzn-ErrorType"));
    QVERIFY(!headerOf(response, "x-amzn-RequestId").isEmpty());
}

void TestCors::otherClientsGetNoCorsHeaders()
{
    KinesisEndpoint endpoint(*m_engine);
    const HttpResponse response = endpoint.handle(listStreams({}));
    QCOMPARE(response.status, 200);
    QVERIFY(headerOf(response, "Access-Control-Allow-Origin").isEmpty());
    QVERIFY(headerOf(response, "Access-Control-Expose-Headers").isEmpty());
}

QTEST_GUILESS_MAIN(TestCors)
#include "tst_cors.moc"
