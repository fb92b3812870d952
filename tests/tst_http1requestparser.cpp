// Http1RequestParser: requests read whole and byte by byte, pipelined requests, 100-continue,
// connection persistence, a head exactly at the limit arriving in pieces, and every refusal with
// its status.

#include "server/http1requestparser.h"

#include <QTest>

using namespace shardscope;

namespace {

using Step = Http1RequestParser::Step;
constexpr Http1RequestParser::Limits kLimits{200, 1000};

// Feeds `input` `piece` bytes at a time; the steps other than NeedMore and HeadRead.
QList<Step> parse(const QByteArray &input, qsizetype piece = 1 << 20, bool *expectContinue = nullptr)
{
    Http1RequestParser parser(kLimits);
    QByteArray buffer;
    QList<Step> steps;
    qsizetype fed = 0;
    for (;;) {
        Step step = parser.next(buffer);
        if (step.kind == Step::NeedMore) {
            if (fed >= input.size())
                return steps;
            buffer += input.mid(fed, piece);
            fed += piece;
            continue;
        }
        if (step.kind == Step::HeadRead) {
            if (expectContinue)
                *expectContinue = step.expectContinue;
            continue;
        }
        steps.append(step);
        if (step.kind == Step::Refused)
            return steps;
    }
}

} // namespace

class TestHttp1RequestParser final : public QObject
{
    Q_OBJECT

private slots:
    void readsRequestsWholeAndInPieces();
    void expectContinueOnlyBeforeTheBody();
    void headAtTheLimitInPieces();
    void refusals_data();
    void refusals();
};

void TestHttp1RequestParser::readsRequestsWholeAndInPieces()
{
    const QByteArray input = "POST /a HTTP/1.1\r\nHost: h\r\nX-Test: 1\r\nx-test: 2\r\nContent-Length: 5\r\n\r\nhello"
                             "GET /b HTTP/1.0\r\n\r\n"
                             "GET /c HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";
    for (qsizetype piece : {qsizetype(1), qsizetype(7), input.size()}) {
        const QList<Step> steps = parse(input, piece);
        QCOMPARE(steps.size(), qsizetype(3));
        QCOMPARE(steps[0].kind, Step::Request);
        QCOMPARE(steps[0].request.method, QByteArray("POST"));
        QCOMPARE(steps[0].request.target, QByteArray("/a"));
        QCOMPARE(steps[0].request.header("x-test"), QByteArray("1, 2"));
        QCOMPARE(steps[0].request.body, QByteArray("hello"));
        QVERIFY(!steps[0].closeAfter);
        QCOMPARE(steps[1].request.target, QByteArray("/b"));
        QVERIFY(steps[1].closeAfter); // HTTP/1.0 without keep-alive
        QVERIFY(!steps[2].closeAfter);
    }
}

void TestHttp1RequestParser::expectContinueOnlyBeforeTheBody()
{
    bool expect = false;
    parse("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", 1 << 20, &expect);
    QVERIFY(expect);
    parse("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc", 1 << 20, &expect);
    QVERIFY(!expect); // the body came with the head
}

void TestHttp1RequestParser::headAtTheLimitInPieces()
{
    // A head of exactly 200 bytes before its blank line is read, however it arrives.
    QByteArray head = "GET / HTTP/1.1\r\nX-Pad: ";
    head += QByteArray(200 - head.size(), 'p');
    QCOMPARE(head.size(), 200);
    for (qsizetype piece : {qsizetype(1), qsizetype(3), qsizetype(1000)}) {
        const QList<Step> steps = parse(head + "\r\n\r\n", piece);
        QCOMPARE(steps.size(), qsizetype(1));
        QCOMPARE(steps[0].kind, Step::Request);
    }
    // One byte more is refused, whole or in pieces.
    for (qsizetype piece : {qsizetype(1), qsizetype(1000)}) {
        const QList<Step> steps = parse(head + "p\r\n\r\n", piece);
        QCOMPARE(steps.size(), qsizetype(1));
        QCOMPARE(steps[0].status, 431);
    }
}

void TestHttp1RequestParser::refusals_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");
    QTest::newRow("request line") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("version") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("header line") << QByteArray("GET / HTTP/1.1\r\nno colon\r\n\r\n") << 400;
    QTest::newRow("transfer-encoding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") << 501;
    QTest::newRow("content-length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("body too large") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1001\r\n\r\n") << 413;
    QTest::newRow("head too large") << QByteArray(300, 'x') << 431;
}

void TestHttp1RequestParser::refusals()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    const QList<Step> steps = parse(input + "GET /after HTTP/1.1\r\n\r\n");
    QCOMPARE(steps.size(), qsizetype(1)); // nothing is read after a refusal
    QCOMPARE(steps[0].kind, Step::Refused);
    QCOMPARE(steps[0].status, status);
    QVERIFY(steps[0].closeAfter);
}

QTEST_GUILESS_MAIN(TestHttp1RequestParser)
#include "tst_http1requestparser.moc"
