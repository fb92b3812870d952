#include "protocol/putrecordsreader.h"
#include "protocol/putrecordswriter.h"
#include "protocol/wirecodec.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

// Where two requests differ ("" when they are the same), null and empty strings told apart.
QString difference(const PutRecordsRequest &a, const PutRecordsRequest &b)
{
    const auto sameText = [](const QString &x, const QString &y) {
        return x == y && x.isNull() == y.isNull();
    };
    if (!sameText(a.target.streamName, b.target.streamName))
        return u"StreamName"_s;
    if (!sameText(a.target.streamArn, b.target.streamArn))
        return u"StreamARN"_s;
    if (a.records.size() != b.records.size())
        return u"%1 records != %2"_s.arg(a.records.size()).arg(b.records.size());
    for (qsizetype i = 0; i < a.records.size(); ++i) {
        const PutRecordsRequestEntry &x = a.records[i];
        const PutRecordsRequestEntry &y = b.records[i];
        if (x.data != y.data || x.data.isNull() != y.data.isNull())
            return u"record %1: Data"_s.arg(i);
        if (!sameText(x.partitionKey, y.partitionKey))
            return u"record %1: PartitionKey"_s.arg(i);
        if (x.explicitHashKey.has_value() != y.explicitHashKey.has_value() ||
            (x.explicitHashKey && !sameText(*x.explicitHashKey, *y.explicitHashKey)))
            return u"record %1: ExplicitHashKey"_s.arg(i);
    }
    return {};
}

QByteArray allBytes()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes;
}

QByteArray cbor(const QCborMap &map)
{
    return QCborValue(map).toCbor();
}

QCborMap record(const QByteArray &data, const QString &key)
{
    return QCborMap{{u"Data"_s, data}, {u"PartitionKey"_s, key}};
}

// A CBOR body as the Java SDK writes one: indefinite-length maps and arrays.
QByteArray indefiniteCbor()
{
    QByteArray body("\xbf", 1);
    body += QByteArray("\x6aStreamName\x66orders", 18);
    body += QByteArray("\x67Records\x9f", 9);
    for (int i = 0; i < 3; ++i) {
        body += QByteArray("\xbf\x64"
                           "Data\x43",
                           7) +
                QByteArray("ab") + char('0' + i);
        body += QByteArray("\x6cPartitionKey\x61", 14) + char('a' + i);
        body += '\xff';
    }
    body += QByteArray("\xff\xff", 2);
    return body;
}

PutRecordsResultEntry accepted(const QString &sequenceNumber, const QString &shardId)
{
    return PutRecordsResultEntry{SequenceNumber::fromWire(sequenceNumber), shardId, {}, {}};
}

PutRecordsResultEntry refused(const QString &code, const QString &message)
{
    return PutRecordsResultEntry{std::nullopt, {}, code, message};
}

} // namespace

class TestPutRecordsWire : public QObject
{
    Q_OBJECT

private slots:
    void readsAsTheCodecDoes_data();
    void readsAsTheCodecDoes();
    void leavesOtherBodiesToTheCodec_data();
    void leavesOtherBodiesToTheCodec();
    void mutatedBodies_data();
    void mutatedBodies();
    void writesAsTheCodecDoes_data();
    void writesAsTheCodecDoes();
};

void TestPutRecordsWire::readsAsTheCodecDoes_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("body");
    const auto json = [](const char *name, const QByteArray &body) {
        QTest::newRow(name) << int(WireFormat::Json) << body;
    };
    const auto cborRow = [](const char *name, const QByteArray &body) {
        QTest::newRow(name) << int(WireFormat::Cbor) << body;
    };
    json("JSON: the usual",
         R"({"StreamName":"orders","Records":[{"Data":"aGVsbG8=","PartitionKey":"k1"},)"
         R"({"Data":"aGk=","PartitionKey":"k2","ExplicitHashKey":"42"}]})");
    json("JSON: members in any order, with spaces",
         " {\n \"Records\" : [ { \"PartitionKey\" : \"k\" , \"Data\" : \"YQ==\" } ] ,\r\n"
         "\t\"StreamARN\":\"arn:aws:kinesis:us-east-1:000000000000:stream/orders\" } \n");
    json("JSON: StreamId is taken and ignored",
         R"({"StreamId":"x","StreamName":"s","Records":[{"Data":"","PartitionKey":""}]})");
    json(
        "JSON: empty strings stay empty",
        R"({"StreamName":"","StreamARN":"","Records":[{"Data":"","PartitionKey":"","ExplicitHashKey":""}]})");
    json("JSON: absent members stay absent", R"({"Records":[{}]})");
    json("JSON: no records", R"({"StreamName":"s","Records":[]})");
    json("JSON: every byte in Data", R"({"StreamName":"s","Records":[{"Data":")" +
                                         allBytes().toBase64() + R"(","PartitionKey":"k"}]})");
    json("JSON: DEL and symbols in keys", "{\"StreamName\":\"s\",\"Records\":[{\"Data\":\"eA==\","
                                          "\"PartitionKey\":\"~!\x7f{}[]:,\"}]}");
    QByteArray many = R"({"StreamName":"s","Records":[)";
    for (int i = 0; i < 500; ++i)
        many += QByteArray(i ? "," : "") + R"({"Data":")" + QByteArray(100, char(i)).toBase64() +
                R"(","PartitionKey":"pk-)" + QByteArray::number(i) + R"("})";
    json("JSON: 500 records", many + "]}");

    cborRow(
        "CBOR: the usual",
        cbor(QCborMap{{u"StreamName"_s, u"orders"_s},
                      {u"Records"_s, QCborArray{record("hello", u"k1"_s), record("", u"k2"_s)}}}));
    cborRow("CBOR: explicit hash key and ARN",
            cbor(QCborMap{{u"StreamARN"_s, u"arn"_s},
                          {u"Records"_s, QCborArray{QCborMap{{u"Data"_s, allBytes()},
                                                             {u"PartitionKey"_s, u"k"_s},
                                                             {u"ExplicitHashKey"_s, u"7"_s}}}}}));
    cborRow("CBOR: indefinite lengths, as the Java SDK writes", indefiniteCbor());
    cborRow("CBOR: absent members stay absent",
            cbor(QCborMap{{u"Records"_s, QCborArray{QCborMap()}}}));
    cborRow("CBOR: no records", cbor(QCborMap{{u"Records"_s, QCborArray()}}));
    // A head longer than it needs to be (24 in one extra byte) is still CBOR.
    cborRow("CBOR: a long head", QByteArray("\xa1\x67Records\x81\xa1\x64"
                                            "Data\x58\x01z",
                                            19));
}

// What the fast path reads is what the codec decodes, member for member.
void TestPutRecordsWire::readsAsTheCodecDoes()
{
    QFETCH(int, format);
    QFETCH(QByteArray, body);
    const WireCodec codec(static_cast<WireFormat>(format));
    const auto expected = codec.decode<PutRecordsRequest>(body);
    QVERIFY2(expected.has_value(), qPrintable(expected ? QString() : expected.error().message));
    const auto read = PutRecordsReader::read(codec.format(), body);
    QVERIFY2(read.has_value(), "the fast path did not take a body of the usual shape");
    const QString diff = difference(*read, *expected);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestPutRecordsWire::leavesOtherBodiesToTheCodec_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("body");
    const auto json = [](const char *name, const QByteArray &body) {
        QTest::newRow(name) << int(WireFormat::Json) << body;
    };
    const auto cborRow = [](const char *name, const QByteArray &body) {
        QTest::newRow(name) << int(WireFormat::Cbor) << body;
    };
    const QByteArray records = R"("Records":[{"Data":"YQ==","PartitionKey":"k"}])";
    json("JSON: no Records", R"({"StreamName":"s"})");
    json("JSON: Records null", R"({"StreamName":"s","Records":null})");
    json("JSON: an unknown member", R"({"StreamName":"s","Extra":"x",)" + records + "}");
    json("JSON: a number", R"({"StreamName":1,)" + records + "}");
    json("JSON: an escape", R"({"StreamName":"s\u0031",)" + records + "}");
    json("JSON: non-ASCII", "{\"StreamName\":\"s\xc3\xa9\"," + records + "}");
    json("JSON: a control character", "{\"StreamName\":\"s\x01\"," + records + "}");
    json("JSON: a member twice", R"({"StreamName":"a","StreamName":"b",)" + records + "}");
    json("JSON: Data not canonical",
         R"({"StreamName":"s","Records":[{"Data":"YR==","PartitionKey":"k"}]})");
    json("JSON: Data not base64",
         R"({"StreamName":"s","Records":[{"Data":"Y-==","PartitionKey":"k"}]})");
    json("JSON: Data of a bad length",
         R"({"StreamName":"s","Records":[{"Data":"YQ=","PartitionKey":"k"}]})");
    json("JSON: trailing bytes", "{" + records + "}x");
    json("JSON: a record that is not an object", R"({"Records":["x"]})");
    json("JSON: truncated", "{" + records);
    json("JSON: empty body", "");
    cborRow("CBOR: Data as base64 text",
            cbor(QCborMap{{u"Records"_s, QCborArray{QCborMap{{u"Data"_s, u"YQ=="_s}}}}}));
    cborRow("CBOR: a tag", QByteArray("\xa1\x67Records\xc1\x80", 11));
    cborRow("CBOR: a chunked string", QByteArray("\xa1\x67Records\x81\xa1\x64"
                                                 "Data\x5f\x41z\xff",
                                                 19));
    cborRow("CBOR: non-ASCII text",
            cbor(QCborMap{{u"StreamName"_s, u"é"_s}, {u"Records"_s, QCborArray()}}));
    cborRow("CBOR: an integer", cbor(QCborMap{{u"StreamName"_s, 5}, {u"Records"_s, QCborArray()}}));
    cborRow("CBOR: trailing bytes", cbor(QCborMap{{u"Records"_s, QCborArray()}}) + '\x00');
    cborRow("CBOR: a string longer than the body", QByteArray("\xa1\x67Records\x81\xa1\x64"
                                                              "Data\x59\xff\xff",
                                                              19));
}

// Bodies of another shape are not read here: WireCodec decodes them (or reports the error).
void TestPutRecordsWire::leavesOtherBodiesToTheCodec()
{
    QFETCH(int, format);
    QFETCH(QByteArray, body);
    QVERIFY(!PutRecordsReader::read(static_cast<WireFormat>(format), body).has_value());
}

void TestPutRecordsWire::mutatedBodies_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 4; ++seed) {
        QTest::addRow("JSON seed %u", seed) << int(WireFormat::Json) << seed;
        QTest::addRow("CBOR seed %u", seed) << int(WireFormat::Cbor) << seed;
    }
}

// Valid bodies with bytes changed, dropped or repeated: whenever the fast path takes one, the
// codec decodes it to the same request.
void TestPutRecordsWire::mutatedBodies()
{
    QFETCH(int, format);
    QFETCH(quint32, seed);
    const WireCodec codec(static_cast<WireFormat>(format));
    QRandomGenerator random(seed);
    PutRecordsRequest sample;
    sample.target = StreamTarget{u"orders"_s, u"arn:aws:kinesis:us-east-1:0:stream/orders"_s};
    for (int i = 0; i < 5; ++i)
        sample.records.append(
            PutRecordsRequestEntry{QByteArray("data") + char('0' + i), u"key-%1"_s.arg(i),
                                   i % 2 ? std::optional<QString>(u"12"_s) : std::nullopt});
    const QByteArray valid = codec.encode(sample);
    int taken = 0;
    for (int round = 0; round < 5000; ++round) {
        QByteArray body = valid;
        const int edits = 1 + random.bounded(3);
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = random.bounded(int(body.size()));
            switch (random.bounded(3)) {
            case 0:
                body[at] = char(random.bounded(256));
                break;
            case 1:
                body.remove(at, 1 + random.bounded(4));
                break;
            default:
                body.insert(at, body.mid(random.bounded(int(body.size())), 3));
                break;
            }
        }
        const auto read = PutRecordsReader::read(codec.format(), body);
        if (!read)
            continue;
        ++taken;
        const auto expected = codec.decode<PutRecordsRequest>(body);
        QVERIFY2(expected.has_value(), body.toHex().constData());
        const QString diff = difference(*read, *expected);
        QVERIFY2(diff.isEmpty(), qPrintable(diff + u": "_s + QString::fromLatin1(body.toHex())));
    }
    QVERIFY(taken > 0); // some mutations keep the usual shape (a changed letter in a key)
}

void TestPutRecordsWire::writesAsTheCodecDoes_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("index");
    for (int format : {int(WireFormat::Json), int(WireFormat::Cbor)}) {
        for (int i = 0; i < 6; ++i)
            QTest::addRow("%s %d", format == int(WireFormat::Json) ? "JSON" : "CBOR", i)
                << format << i;
    }
}

// The response body is the codec's, byte for byte.
void TestPutRecordsWire::writesAsTheCodecDoes()
{
    QFETCH(int, format);
    QFETCH(int, index);
    const QString ours = SequenceNumber{SequenceNumber::counterAt(1700000000123), 3}.toString();
    const QString aws = u"49590338271490256608559692538361571095921575989136588898"_s;
    QList<PutRecordsResponse> responses(6);
    for (int i = 0; i < 500; ++i)
        responses[0].records.append(
            accepted(ours, u"shardId-%1"_s.arg(i % 4, 12, 10, QLatin1Char('0'))));
    responses[1].failedRecordCount = 2;
    responses[1].encryptionType = EncryptionType::Kms;
    responses[1].records = {accepted(aws, u"shardId-000000000001"_s),
                            refused(u"ProvisionedThroughputExceededException"_s,
                                    u"Rate exceeded for shard \"x\" \\ in stream é\n"_s),
                            refused(u"InternalFailure"_s, u"Internal service failure."_s),
                            accepted(u"7"_s, u"shardId-000000000000"_s)};
    responses[2] = PutRecordsResponse{}; // no records at all
    responses[3].records = {PutRecordsResultEntry{},
                            PutRecordsResultEntry{std::nullopt, u""_s, u""_s, u""_s}};
    responses[4].failedRecordCount = 100000;
    responses[4].records = {refused(u"E"_s, QString(70000, u'm'))};
    for (int i = 0; i < 30; ++i)
        responses[5].records.append(accepted(QString::number(i), u"s"_s));
    const PutRecordsResponse &response = responses[index];

    const WireCodec codec(static_cast<WireFormat>(format));
    const QByteArray written = PutRecordsWriter::write(codec.format(), response);
    const QByteArray expected = codec.encode(response);
    QCOMPARE(written.size(), expected.size());
    QVERIFY(written == expected);
    const auto decoded = codec.decode<PutRecordsResponse>(written);
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->records.size(), response.records.size());
}

QTEST_GUILESS_MAIN(TestPutRecordsWire)
#include "tst_putrecordswire.moc"
