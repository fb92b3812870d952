// SubscribeToShard over HTTP/1.1 through the real server (KinesisServer on a port) and a raw
// socket: the response head, chunked transfer encoding, the event stream (initial-response, then
// SubscribeToShardEvent in the request's format, JSON or CBOR), errors before the stream as
// ordinary error responses, an exception message and the end of the body when the consumer is
// deregistered, a client that stops reading holds up nobody else, and a client that goes away
// ends its subscription.

#include "engine/engine.h"
#include "protocol/eventstream.h"
#include "protocol/wirecodec.h"
#include "server/kinesisserver.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

// Reads a response with a chunked body from a raw socket, piece by piece.
class ChunkedReader
{
public:
    explicit ChunkedReader(QTcpSocket &socket) : m_socket(socket) {}

    // Reads the head; false on timeout.
    bool readHead(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_buffer.indexOf("\r\n\r\n") < 0) {
            if (timer.elapsed() > timeoutMs)
                return false;
            m_socket.waitForReadyRead(50);
            m_buffer += m_socket.readAll();
        }
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        status = lines.front().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        m_buffer.remove(0, end + 4);
        return true;
    }

    // The next message of the event stream in the body; nullopt at the end of the body or on
    // timeout (timedOut() tells which).
    std::optional<EventStream::Message> nextMessage(int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            auto next = m_decoder.next();
            if (!next) {
                QTest::qFail(qPrintable(next.error()), __FILE__, __LINE__);
                return std::nullopt;
            }
            if (next->has_value())
                return **next;
            if (m_ended)
                return std::nullopt;
            if (!dechunk()) {
                if (timer.elapsed() > timeoutMs) {
                    m_timedOut = true;
                    return std::nullopt;
                }
                m_socket.waitForReadyRead(50);
                m_buffer += m_socket.readAll();
            }
        }
    }
    bool ended() const { return m_ended; }
    bool timedOut() const { return m_timedOut; }

    int status = 0;
    QHash<QByteArray, QByteArray> headers;

private:
    // Moves whole chunks from the buffer to the decoder; false when none was whole.
    bool dechunk()
    {
        bool moved = false;
        for (;;) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n");
            if (lineEnd < 0)
                return moved;
            bool ok = false;
            const qsizetype size = m_buffer.left(lineEnd).toLongLong(&ok, 16);
            if (!ok)
                return moved;
            if (m_buffer.size() < lineEnd + 2 + size + 2)
                return moved;
            if (size == 0) {
                m_ended = true;
                m_buffer.remove(0, lineEnd + 4);
                return true;
            }
            m_decoder.feed(QByteArrayView(m_buffer).sliced(lineEnd + 2, size));
            m_buffer.remove(0, lineEnd + 2 + size + 2);
            moved = true;
        }
    }

    QTcpSocket &m_socket;
    QByteArray m_buffer;
    EventStream::Decoder m_decoder;
    bool m_ended = false;
    bool m_timedOut = false;
};

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<KinesisServer> server;
    quint16 port = 0;
    QString consumerArn;

    QString open()
    {
        EngineOptions options;
        options.databasePath = dir.filePath(u"kinesis.db"_s);
        options.createDelayMs = 0;
        options.updateDelayMs = 0;
        options.deleteDelayMs = 0;
        options.throughputLimits = false; // large puts at once; the subscription's own limit stays
        auto opened = Engine::open(options);
        if (!opened)
            return opened.error().message;
        engine = std::move(*opened);
        server = std::make_unique<KinesisServer>(*engine);
        KinesisServer::Options serverOptions;
        serverOptions.port = 0;
        auto url = server->start(serverOptions);
        if (!url)
            return url.error();
        port = quint16(url->port());
        CreateStreamRequest create;
        create.streamName = u"wire"_s;
        create.shardCount = 1;
        if (auto created = engine->createStream(create); !created)
            return created.error().message;
        auto consumer = engine->registerStreamConsumer(RegisterStreamConsumerRequest{
            u"arn:aws:kinesis:us-east-1:000000000000:stream/wire"_s, u"efo"_s, {}});
        if (!consumer)
            return consumer.error().message;
        consumerArn = consumer->consumerArn;
        QTest::qWait(20); // CREATING lasts createDelayMs = 0: ACTIVE from the next millisecond
        return {};
    }

    void put(const QByteArray &data)
    {
        PutRecordRequest r;
        r.target = StreamTarget::byName(u"wire"_s);
        r.data = data;
        r.partitionKey = u"k"_s;
        QVERIFY(engine->putRecord(r).has_value());
    }

    // Connects to the server and sends a request; false when it cannot.
    bool send(QTcpSocket &socket, const QByteArray &request) const
    {
        socket.connectToHost(u"127.0.0.1"_s, port);
        if (!socket.waitForConnected(5000))
            return false;
        return socket.write(request) == request.size();
    }

    QByteArray subscribeRequest(WireFormat format, const QString &type = u"TRIM_HORIZON"_s) const
    {
        const WireCodec codec(format);
        SubscribeToShardRequest request;
        request.consumerArn = consumerArn;
        request.shardId = u"shardId-000000000000"_s;
        request.startingPosition.type = *shardIteratorTypeFromWire(type);
        const QByteArray body = codec.encode(request);
        return "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: Kinesis_20131202.SubscribeToShard\r\n"
               "Authorization: AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/kinesis/aws4_request, "
               "SignedHeaders=host, Signature=00\r\nX-Amz-Date: 20240101T000000Z\r\nContent-Type: " +
               codec.contentType() + "\r\nContent-Length: " + QByteArray::number(body.size()) +
               "\r\n\r\n" + body;
    }
};

#define OPEN_FIXTURE(f)                                                                            \
    Fixture f;                                                                                     \
    do {                                                                                           \
        const QString problem_ = f.open();                                                         \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (false)

} // namespace

class TestSubscribeWire final : public QObject
{
    Q_OBJECT

private slots:
    void streamsEventsInTheRequestsFormat_data();
    void streamsEventsInTheRequestsFormat();
    void errorsBeforeTheStreamAreOrdinaryResponses();
    void deregisteringEndsTheStreamWithAnException();
    void aClientThatStopsReadingHoldsUpNobody();
    void aClientThatGoesAwayEndsItsSubscription();
};

void TestSubscribeWire::streamsEventsInTheRequestsFormat_data()
{
    QTest::addColumn<WireFormat>("format");
    QTest::newRow("json") << WireFormat::Json;
    QTest::newRow("cbor") << WireFormat::Cbor;
}

void TestSubscribeWire::streamsEventsInTheRequestsFormat()
{
    QFETCH(WireFormat, format);
    OPEN_FIXTURE(f);
    f.put("one");
    f.put("two");
    QTcpSocket socket;
    QVERIFY(f.send(socket, f.subscribeRequest(format)));
    ChunkedReader reader(socket);
    QVERIFY(reader.readHead());
    QCOMPARE(reader.status, 200);
    QCOMPARE(reader.headers.value("content-type"), QByteArray("application/vnd.amazon.eventstream"));
    QCOMPARE(reader.headers.value("transfer-encoding"), QByteArray("chunked"));
    QVERIFY(!reader.headers.value("x-amzn-requestid").isEmpty());

    const WireCodec codec(format);
    auto initial = reader.nextMessage();
    QVERIFY(initial);
    QCOMPARE(initial->stringHeader(u":message-type"), u"event"_s);
    QCOMPARE(initial->stringHeader(u":event-type"), u"initial-response"_s);

    auto first = reader.nextMessage();
    QVERIFY(first);
    QCOMPARE(first->stringHeader(u":event-type"), u"SubscribeToShardEvent"_s);
    QCOMPARE(first->stringHeader(u":content-type"), QString::fromLatin1(codec.contentType()));
    auto event = codec.decode<SubscribeToShardEvent>(first->payload);
    QVERIFY2(event.has_value(), event ? "" : qPrintable(event.error().message));
    QCOMPARE(event->records.size(), qsizetype(2));
    QCOMPARE(event->records.at(0).data, QByteArray("one"));
    QCOMPARE(event->records.at(1).data, QByteArray("two"));
    QCOMPARE(event->continuationSequenceNumber, std::optional<QString>(event->records.at(1).sequenceNumber.toString()));

    // A record put now is pushed at once.
    QElapsedTimer timer;
    timer.start();
    f.put("three");
    auto pushed = reader.nextMessage();
    QVERIFY(pushed);
    // Pushed, not left for the 5-second heartbeat (slack for a loaded machine).
    QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    event = codec.decode<SubscribeToShardEvent>(pushed->payload);
    QVERIFY(event.has_value());
    QCOMPARE(event->records.size(), qsizetype(1));
    QCOMPARE(event->records.at(0).data, QByteArray("three"));
}

void TestSubscribeWire::errorsBeforeTheStreamAreOrdinaryResponses()
{
    OPEN_FIXTURE(f);
    QTcpSocket socket;
    QVERIFY(f.send(socket, f.subscribeRequest(WireFormat::Json)));
    ChunkedReader first(socket);
    QVERIFY(first.readHead());
    QCOMPARE(first.status, 200);

    QTcpSocket second;
    QVERIFY(f.send(second, f.subscribeRequest(WireFormat::Json)));
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    while (!buffer.contains("ResourceInUseException") && timer.elapsed() < 5000) {
        second.waitForReadyRead(50);
        buffer += second.readAll();
    }
    QVERIFY2(buffer.startsWith("HTTP/1.1 400 "), buffer.constData());
    QVERIFY(buffer.contains("Content-Type: application/x-amz-json-1.1"));
    QVERIFY(buffer.contains("Content-Length: "));
    QVERIFY(buffer.contains("Another active subscription exists for this consumer: 000000000000:wire:shardId-000000000000:efo"));
}

void TestSubscribeWire::deregisteringEndsTheStreamWithAnException()
{
    OPEN_FIXTURE(f);
    QTcpSocket socket;
    QVERIFY(f.send(socket, f.subscribeRequest(WireFormat::Json, u"LATEST"_s)));
    ChunkedReader reader(socket);
    QVERIFY(reader.readHead());
    QVERIFY(reader.nextMessage()); // initial-response
    QVERIFY(reader.nextMessage()); // the first event, at once
    QVERIFY(f.engine->deregisterStreamConsumer(ConsumerTarget::byArn(f.consumerArn)).has_value());
    // The stream notices at its next poll: a record appended to the shard wakes it.
    f.put("wake");
    auto exception = reader.nextMessage();
    QVERIFY(exception);
    QCOMPARE(exception->stringHeader(u":message-type"), u"exception"_s);
    QCOMPARE(exception->stringHeader(u":exception-type"), u"ResourceNotFoundException"_s);
    QVERIFY(exception->payload.contains("Consumer efo under stream wire and account 000000000000 not found."));
    QVERIFY(!reader.nextMessage());
    QVERIFY(reader.ended());
    // And the server closes the connection.
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000)
        socket.waitForDisconnected(50);
    QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
}

void TestSubscribeWire::aClientThatStopsReadingHoldsUpNobody()
{
    OPEN_FIXTURE(f);
    UpdateMaxRecordSizeRequest larger;
    larger.target = StreamTarget::byName(u"wire"_s);
    larger.maxRecordSizeInKiB = 10240;
    QVERIFY(f.engine->updateMaxRecordSize(larger).has_value());
    QTest::qWait(20);
    const QByteArray big(4 * 1024 * 1024, 'x');
    for (int i = 0; i < 8; ++i)
        f.put(big);

    QTcpSocket stuck;
    stuck.setReadBufferSize(1);
    QVERIFY(f.send(stuck, f.subscribeRequest(WireFormat::Json)));
    stuck.waitForBytesWritten(5000);
    QTest::qWait(1500);

    // Another client is answered at once while the first one's stream waits.
    QTcpSocket other;
    other.connectToHost(u"127.0.0.1"_s, f.port);
    QVERIFY(other.waitForConnected(5000));
    const QByteArray body = "{}";
    other.write("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: Kinesis_20131202.ListStreams\r\n"
                "Authorization: AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/kinesis/aws4_request, "
                "SignedHeaders=host, Signature=00\r\nX-Amz-Date: 20240101T000000Z\r\n"
                "Content-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\n\r\n" + body);
    QElapsedTimer timer;
    timer.start();
    QByteArray answer;
    while (!answer.contains("StreamNames") && timer.elapsed() < 5000) {
        other.waitForReadyRead(20);
        answer += other.readAll();
    }
    QVERIFY2(answer.contains("\"wire\""), answer.constData());
    QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    // The stuck subscription is still there, and has not read all 32 MiB.
    const auto active = f.engine->activeSubscriptions();
    QCOMPARE(active.size(), qsizetype(1));
    QVERIFY2(active.first().bytesDelivered < 8 * big.size(), qPrintable(QString::number(active.first().bytesDelivered)));
}

void TestSubscribeWire::aClientThatGoesAwayEndsItsSubscription()
{
    OPEN_FIXTURE(f);
    {
        QTcpSocket socket;
        QVERIFY(f.send(socket, f.subscribeRequest(WireFormat::Json, u"LATEST"_s)));
        ChunkedReader reader(socket);
        QVERIFY(reader.readHead());
        QVERIFY(reader.nextMessage());
        QCOMPARE(f.engine->activeSubscriptions().size(), qsizetype(1));
        socket.abort();
    }
    QTRY_COMPARE_WITH_TIMEOUT(f.engine->activeSubscriptions().size(), qsizetype(0), 5000);
}

QTEST_GUILESS_MAIN(TestSubscribeWire)
#include "tst_subscribewire.moc"
