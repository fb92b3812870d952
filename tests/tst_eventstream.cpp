// The event-stream codec (core/protocol/eventstream): known byte vectors, every header type,
// streaming in pieces, every malformed input the decoder refuses, and botocore's own decoder
// reading what the encoder writes.

#include "protocol/eventstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>
#include <QtEndian>

using namespace shardscope;
using namespace shardscope::EventStream;

namespace {

EventStream::Message everyType()
{
    return Message{{Header{QStringLiteral("t"), true},
                    Header{QStringLiteral("f"), false},
                    Header{QStringLiteral("byte"), qint8(-7)},
                    Header{QStringLiteral("short"), qint16(-1234)},
                    Header{QStringLiteral("int"), qint32(123456789)},
                    Header{QStringLiteral("long"), qint64(-9876543210123LL)},
                    Header{QStringLiteral("bytes"), QByteArray("\x00\x01\xff", 3)},
                    Header{QStringLiteral("string"), QStringLiteral("grüße ✓")},
                    Header{QStringLiteral("time"), Timestamp{1700000000123LL}},
                    Header{QStringLiteral("uuid"), QUuid(QStringLiteral("{01234567-89ab-cdef-0123-456789abcdef}"))}},
                   QByteArray("{\"Records\":[]}")};
}

// Rewrites the prelude CRC and the message CRC after a test changed bytes inside a message, so
// the decoder gets past the checksums to the part under test.
void fixChecksums(QByteArray &bytes)
{
    auto crc = [](QByteArrayView view) {
        // The same CRC as the codec's; computed here from a fresh encode of an empty message is
        // not possible, so use the table-free bitwise form.
        quint32 c = 0xffffffffu;
        for (char ch : view) {
            c ^= quint8(ch);
            for (int k = 0; k < 8; ++k)
                c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
        }
        return c ^ 0xffffffffu;
    };
    qToBigEndian(crc(QByteArrayView(bytes).first(8)), bytes.data() + 8);
    qToBigEndian(crc(QByteArrayView(bytes).first(bytes.size() - 4)), bytes.data() + bytes.size() - 4);
}

// A message with one raw header section (bytes as given) and no payload, checksums correct.
QByteArray withRawHeaders(const QByteArray &headers)
{
    QByteArray bytes(12, '\0');
    bytes.append(headers);
    bytes.append(4, '\0');
    qToBigEndian(quint32(bytes.size()), bytes.data());
    qToBigEndian(quint32(headers.size()), bytes.data() + 4);
    fixChecksums(bytes);
    return bytes;
}

} // namespace

class TestEventStream : public QObject
{
    Q_OBJECT

private slots:
    void emptyMessageMatchesTheKnownVector();
    void roundTripsEveryHeaderType();
    void encodesSubscribeToShardEventsAndExceptions();
    void decodesInPiecesOfAnySize();
    void refusesMalformedInput_data();
    void refusesMalformedInput();
    void staysFailedAfterAnError();
    void enforcesTheSdkLimits();
    void botocoreReadsWhatWeWrite();
};

void TestEventStream::emptyMessageMatchesTheKnownVector()
{
    // The empty message of the event-stream specification's test suite.
    const QByteArray expected = QByteArray::fromHex("000000100000000005c248eb7d98c8ff");
    QCOMPARE(encode(Message{}).toHex(), expected.toHex());
    auto decoded = decodeOne(expected);
    QVERIFY2(decoded.has_value(), qPrintable(decoded.error()));
    QVERIFY(decoded->headers.isEmpty());
    QVERIFY(decoded->payload.isEmpty());
}

void TestEventStream::roundTripsEveryHeaderType()
{
    const Message message = everyType();
    const QByteArray bytes = encode(message);
    QCOMPARE(qFromBigEndian<quint32>(bytes.constData()), quint32(bytes.size()));
    auto decoded = decodeOne(bytes);
    QVERIFY2(decoded.has_value(), qPrintable(decoded.error()));
    QCOMPARE(*decoded, message);
    QCOMPARE(decoded->stringHeader(u"string"), QStringLiteral("grüße ✓"));
    QVERIFY(decoded->stringHeader(u"int").isEmpty()); // not a string
    QVERIFY(decoded->header(u"absent") == nullptr);
    QCOMPARE(std::get<qint64>(*decoded->header(u"long")), qint64(-9876543210123LL));
    QCOMPARE(std::get<Timestamp>(*decoded->header(u"time")).msecsSinceEpoch, 1700000000123LL);

    // A string that starts with a byte-order mark keeps it.
    const Message bom{{Header{QStringLiteral("s"), QStringLiteral("\ufeffx")}}, {}};
    QCOMPARE(decodeOne(encode(bom)).value(), bom);
}

void TestEventStream::encodesSubscribeToShardEventsAndExceptions()
{
    auto event = decodeOne(encodeEvent(QStringLiteral("initial-response"), "{}"));
    QVERIFY(event.has_value());
    QCOMPARE(event->stringHeader(u":message-type"), QStringLiteral("event"));
    QCOMPARE(event->stringHeader(u":event-type"), QStringLiteral("initial-response"));
    QCOMPARE(event->stringHeader(u":content-type"), QStringLiteral("application/json"));
    QCOMPARE(event->payload, QByteArray("{}"));

    auto exception = decodeOne(encodeException(QStringLiteral("ResourceInUseException"), QStringLiteral("Another active subscription exists.")));
    QVERIFY(exception.has_value());
    QCOMPARE(exception->stringHeader(u":message-type"), QStringLiteral("exception"));
    QCOMPARE(exception->stringHeader(u":exception-type"), QStringLiteral("ResourceInUseException"));
    const QJsonObject body = QJsonDocument::fromJson(exception->payload).object();
    QCOMPARE(body.value(u"message").toString(), QStringLiteral("Another active subscription exists."));
}

void TestEventStream::decodesInPiecesOfAnySize()
{
    QList<Message> messages;
    QByteArray stream;
    for (int i = 0; i < 20; ++i) {
        Message m = everyType();
        m.payload = QByteArray(i * 37, char('a' + i));
        messages.append(m);
        stream += encode(m);
    }
    for (qsizetype piece : {qsizetype(1), qsizetype(3), qsizetype(16), qsizetype(1000), stream.size()}) {
        Decoder decoder;
        QList<Message> got;
        for (qsizetype at = 0; at < stream.size(); at += piece) {
            decoder.feed(QByteArrayView(stream).sliced(at, qMin(piece, stream.size() - at)));
            while (true) {
                auto next = decoder.next();
                QVERIFY2(next.has_value(), qPrintable(next.error()));
                if (!next->has_value())
                    break;
                got.append(**next);
            }
        }
        QCOMPARE(got, messages);
        QCOMPARE(decoder.pending(), 0);
    }
}

void TestEventStream::refusesMalformedInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");

    const QByteArray good = encode(everyType());
    QByteArray preludeCrc = good;
    preludeCrc[8] = char(preludeCrc[8] ^ 0x01);
    QTest::newRow("prelude crc") << preludeCrc << QStringLiteral("Prelude checksum mismatch");

    QByteArray messageCrc = good;
    messageCrc[good.size() - 20] = char(messageCrc[good.size() - 20] ^ 0x40); // a payload byte
    QTest::newRow("message crc") << messageCrc << QStringLiteral("Message checksum mismatch");

    QByteArray shortTotal(16, '\0');
    qToBigEndian(quint32(12), shortTotal.data());
    fixChecksums(shortTotal);
    QTest::newRow("total below 16") << shortTotal << QStringLiteral("cannot hold its prelude");

    QByteArray headersPastEnd = encode(Message{{Header{QStringLiteral("a"), true}}, {}});
    qToBigEndian(quint32(100), headersPastEnd.data() + 4);
    fixChecksums(headersPastEnd);
    QTest::newRow("headers longer than the message") << headersPastEnd << QStringLiteral("cannot hold its prelude");

    QTest::newRow("empty name") << withRawHeaders(QByteArray("\x00\x00", 2)) << QStringLiteral("empty name");
    QTest::newRow("name past end") << withRawHeaders(QByteArray("\x05" "ab", 3)) << QStringLiteral("runs past the end");
    QTest::newRow("unknown type") << withRawHeaders(QByteArray("\x01" "a" "\x0a", 3)) << QStringLiteral("unknown type 10");
    QTest::newRow("int past end") << withRawHeaders(QByteArray("\x01" "a" "\x04" "\x00\x01", 5)) << QStringLiteral("runs past the end");
    QTest::newRow("string past end") << withRawHeaders(QByteArray("\x01" "a" "\x07" "\x00\x09" "abc", 8)) << QStringLiteral("runs past the end");
    QTest::newRow("uuid past end") << withRawHeaders(QByteArray("\x01" "a" "\x09" "0123456789", 13)) << QStringLiteral("runs past the end");
    QTest::newRow("string not utf-8") << withRawHeaders(QByteArray("\x01" "a" "\x07" "\x00\x02" "\xc3\x28", 7)) << QStringLiteral("not UTF-8");
    QTest::newRow("name not utf-8") << withRawHeaders(QByteArray("\x02" "\xff\xfe" "\x00", 4)) << QStringLiteral("not UTF-8");
    QTest::newRow("duplicate") << withRawHeaders(QByteArray("\x01" "a" "\x00" "\x01" "a" "\x01", 6)) << QStringLiteral("appears twice");
}

void TestEventStream::refusesMalformedInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    auto one = decodeOne(bytes);
    QVERIFY(!one.has_value());
    QVERIFY2(one.error().contains(error), qPrintable(one.error()));

    Decoder decoder;
    decoder.feed(bytes);
    auto next = decoder.next();
    QVERIFY(!next.has_value());
    QVERIFY2(next.error().contains(error), qPrintable(next.error()));
}

void TestEventStream::staysFailedAfterAnError()
{
    QByteArray bad = encode(everyType());
    bad[9] = char(bad[9] ^ 0x10);
    Decoder decoder;
    decoder.feed(bad);
    QVERIFY(!decoder.next().has_value());
    QVERIFY(decoder.failed());
    decoder.feed(encode(Message{}));
    QVERIFY(!decoder.next().has_value());
    QCOMPARE(decoder.pending(), 0);
}

void TestEventStream::enforcesTheSdkLimits()
{
    // A prelude announcing more than 128 KiB of headers or 16 MiB of payload is refused from
    // the prelude alone, before the bytes arrive.
    QByteArray prelude(12, '\0');
    qToBigEndian(quint32(16 + kMaxHeadersLength + 1), prelude.data());
    qToBigEndian(quint32(kMaxHeadersLength + 1), prelude.data() + 4);
    QByteArray withCrc = prelude + QByteArray(4, '\0');
    fixChecksums(withCrc);
    Decoder decoder;
    decoder.feed(withCrc.first(12));
    auto next = decoder.next();
    QVERIFY(!next.has_value());
    QVERIFY2(next.error().contains(u"Headers length of 131073 exceeds"), qPrintable(next.error()));

    qToBigEndian(quint32(16 + kMaxPayloadLength + 1), prelude.data());
    qToBigEndian(quint32(0), prelude.data() + 4);
    withCrc = prelude + QByteArray(4, '\0');
    fixChecksums(withCrc);
    Decoder second;
    second.feed(withCrc.first(12));
    next = second.next();
    QVERIFY(!next.has_value());
    QVERIFY2(next.error().contains(u"Payload length of 16777217 exceeds"), qPrintable(next.error()));

    // A message of exactly the largest payload is read.
    Message largest{{Header{QStringLiteral(":message-type"), QStringLiteral("event")}}, QByteArray(kMaxPayloadLength, 'x')};
    auto decoded = decodeOne(encode(largest));
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->payload.size(), kMaxPayloadLength);
}

void TestEventStream::botocoreReadsWhatWeWrite()
{
    // Debian's python3-botocore (a dependency of python3-boto3, which scripts/deps installs).
    const QString python = QStringLiteral("/usr/bin/python3");
    QVERIFY2(QFile::exists(python), "/usr/bin/python3 is missing: run scripts/deps");

    QByteArray stream = encodeEvent(QStringLiteral("initial-response"), "{}");
    Message records = everyType();
    records.payload = QByteArray("{\"Records\":[],\"MillisBehindLatest\":0}");
    stream += encode(records);
    stream += encodeException(QStringLiteral("ResourceInUseException"), QStringLiteral("in use"));

    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(stream);
    file.flush();

    const char *script = R"(
import base64, json, sys
from botocore.eventstream import EventStreamBuffer
buf = EventStreamBuffer()
data = open(sys.argv[1], 'rb').read()
# Feed in odd-sized pieces, as a socket would.
for i in range(0, len(data), 7):
    buf.add_data(data[i:i+7])
out = []
for message in buf:
    headers = {}
    for k, v in message.headers.items():
        if isinstance(v, bytes):
            v = 'b64:' + base64.b64encode(v).decode()
        headers[k] = v
    out.append({'headers': headers, 'payload': message.payload.decode()})
print(json.dumps(out))
)";
    QProcess process;
    process.start(python, {QStringLiteral("-c"), QString::fromUtf8(script), file.fileName()});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QJsonArray messages = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
    QCOMPARE(messages.size(), 3);

    const QJsonObject first = messages.at(0).toObject().value(u"headers").toObject();
    QCOMPARE(first.value(u":event-type").toString(), QStringLiteral("initial-response"));
    QCOMPARE(first.value(u":message-type").toString(), QStringLiteral("event"));

    const QJsonObject second = messages.at(1).toObject();
    const QJsonObject h = second.value(u"headers").toObject();
    QCOMPARE(h.value(u"t").toBool(), true);
    QCOMPARE(h.value(u"f").toBool(), false);
    QCOMPARE(h.value(u"byte").toInt(), -7);
    QCOMPARE(h.value(u"short").toInt(), -1234);
    QCOMPARE(h.value(u"int").toInt(), 123456789);
    QCOMPARE(h.value(u"long").toInteger(), -9876543210123LL);
    QCOMPARE(h.value(u"bytes").toString(), QStringLiteral("b64:AAH/"));
    QCOMPARE(h.value(u"string").toString(), QStringLiteral("grüße ✓"));
    QCOMPARE(h.value(u"time").toInteger(), 1700000000123LL); // botocore gives timestamps as int64
    QCOMPARE(h.value(u"uuid").toString(), QStringLiteral("b64:ASNFZ4mrze8BI0VniavN7w==")); // botocore gives UUIDs as their 16 bytes
    QCOMPARE(second.value(u"payload").toString(), QStringLiteral("{\"Records\":[],\"MillisBehindLatest\":0}"));

    const QJsonObject third = messages.at(2).toObject().value(u"headers").toObject();
    QCOMPARE(third.value(u":message-type").toString(), QStringLiteral("exception"));
    QCOMPARE(third.value(u":exception-type").toString(), QStringLiteral("ResourceInUseException"));
}

QTEST_GUILESS_MAIN(TestEventStream)
#include "tst_eventstream.moc"
