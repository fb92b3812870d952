#include "protocol/cborgetrecordsencoder.h"
#include "protocol/getrecordsencoder.h"
#include "protocol/jsongetrecordsencoder.h"
#include "protocol/wirecodec.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTest>

#include <limits>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

// A stored row as the engine hands it out: owns the bytes a RecordView points into.
struct Row
{
    SequenceNumber sequenceNumber;
    qint64 arrivalMs = 0;
    QByteArray partitionKey; // UTF-8 as stored (not necessarily valid)
    QByteArray data;
    std::optional<HashKey> explicitHashKey;
    EncryptionType encryptionType = EncryptionType::None;

    RecordView view() const
    {
        RecordView v;
        v.sequenceNumber = sequenceNumber;
        v.approximateArrivalTimestamp = arrivalMs;
        v.partitionKey = partitionKey;
        v.data = data;
        v.explicitHashKey = explicitHashKey;
        v.encryptionType = encryptionType;
        return v;
    }

    // The Record the engine's object path (Engine::getRecords without a sink) makes of the row.
    Record record() const
    {
        Record r;
        r.sequenceNumber = sequenceNumber;
        r.approximateArrivalTimestamp = arrivalMs;
        r.data = data;
        r.partitionKey = QString::fromUtf8(partitionKey);
        r.encryptionType = encryptionType;
        r.explicitHashKey = explicitHashKey;
        return r;
    }
};

// One page: its rows and the members after them.
struct Page
{
    QList<Row> rows;
    std::optional<QString> nextShardIterator;
    qint64 millisBehindLatest = 0;
    std::optional<QList<ChildShard>> childShards;

    GetRecordsResponse tail() const
    {
        GetRecordsResponse response;
        response.nextShardIterator = nextShardIterator;
        response.millisBehindLatest = millisBehindLatest;
        response.childShards = childShards;
        return response;
    }

    GetRecordsResponse objects() const
    {
        GetRecordsResponse response = tail();
        for (const Row &row : rows)
            response.records.append(row.record());
        return response;
    }
};

constexpr qint64 kT0 = 1700000000123;
const QString kIterator = u"AAAAAAAAAAGnextIterator-_x"_s;

SequenceNumber ours(qint64 offset, quint32 shard = 1)
{
    return SequenceNumber{SequenceNumber::counterAt(kT0) + offset, shard};
}

SequenceNumber foreign(const QString &text)
{
    auto parsed = SequenceNumber::fromWire(text);
    return parsed.value_or(SequenceNumber{});
}

QByteArray allBytes()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes;
}

Row plainRow(qint64 offset, const QByteArray &data, const QByteArray &partitionKey = "pk")
{
    Row row;
    row.sequenceNumber = ours(offset);
    row.arrivalMs = kT0 + offset;
    row.partitionKey = partitionKey;
    row.data = data;
    return row;
}

QList<ChildShard> twoChildren()
{
    return {ChildShard{u"shardId-000000000002"_s,
                       {u"shardId-000000000000"_s},
                       HashKeyRange{HashKey{0}, HashKey{uint128(1) << 127}}},
            ChildShard{u"shardId-000000000003"_s,
                       {u"shardId-000000000000"_s, u"shardId-000000000001"_s},
                       HashKeyRange{HashKey{(uint128(1) << 127) + 1}, HashKey::max()}}};
}

// Pages chosen for what could go wrong when writing the body by hand.
const QList<std::pair<const char *, Page>> &pages()
{
    static const QList<std::pair<const char *, Page>> all = [] {
        QList<std::pair<const char *, Page>> p;
        p.append({"empty page", Page{{}, kIterator, 0, {}}});
        p.append({"empty page at the end of a closed shard", Page{{}, {}, 0, twoChildren()}});
        p.append({"empty child shard list", Page{{}, {}, 0, QList<ChildShard>()}});
        p.append({"one record", Page{{plainRow(0, "hello")}, kIterator, 0, {}}});
        p.append({"binary data", Page{{plainRow(0, allBytes())}, kIterator, 0, {}}});
        p.append(
            {"UTF-8 data", Page{{plainRow(0, u"grüße 🔑 данные"_s.toUtf8())}, kIterator, 0, {}}});
        p.append({"empty data", Page{{plainRow(0, QByteArray("", 0))}, kIterator, 0, {}}});
        p.append({"data of every length mod 3", Page{{plainRow(0, "a"), plainRow(1, "ab"),
                                                      plainRow(2, "abc"), plainRow(3, "abcd")},
                                                     kIterator,
                                                     0,
                                                     {}}});
        p.append({"UTF-8 partition key",
                  Page{{plainRow(0, "x", u"ключ-🔑"_s.toUtf8())}, kIterator, 0, {}}});
        p.append({"partition key that needs escaping",
                  Page{{plainRow(0, "x", QByteArray("a\"b\\c\n\t\x01\x1f/ \x7f", 14))},
                       kIterator,
                       0,
                       {}}});
        p.append({"partition key that is not UTF-8",
                  Page{{plainRow(0, "x", QByteArray("k\xff\xc3(", 4))}, kIterator, 0, {}}});
        p.append({"partition key of 256 characters",
                  Page{{plainRow(0, "x", QByteArray(256, 'k'))}, kIterator, 0, {}}});

        Row hashKeyed = plainRow(0, "routed");
        hashKeyed.explicitHashKey = HashKey::max();
        Row hashKeyedZero = plainRow(1, "routed too");
        hashKeyedZero.explicitHashKey = HashKey{0};
        p.append({"explicit hash keys", Page{{hashKeyed, hashKeyedZero}, kIterator, 0, {}}});

        Row sealed = plainRow(1, allBytes());
        sealed.encryptionType = EncryptionType::Kms;
        p.append({"encrypted records",
                  Page{{plainRow(0, "before"), sealed, plainRow(2, "after")}, kIterator, 0, {}}});

        Row aws = plainRow(0, "from AWS");
        aws.sequenceNumber = foreign(u"49590338271490256608559692538361571095921575989136588898"_s);
        Row aws2 = plainRow(1, "from AWS too");
        aws2.sequenceNumber =
            foreign(u"49590338271490256608559692540925702759324208523137515618"_s);
        Row tiny = plainRow(2, "a short foreign number");
        tiny.sequenceNumber = foreign(u"7"_s);
        Row zero = plainRow(3, "zero");
        zero.sequenceNumber = foreign(u"0"_s);
        Row longest = plainRow(4, "129 digits");
        longest.sequenceNumber = foreign(u'1' + QString(128, u'9'));
        p.append({"foreign sequence numbers (56 digits and others)",
                  Page{{aws, aws2, tiny, zero, longest}, kIterator, 0, {}}});

        p.append({"last page of a closed shard, with records",
                  Page{{plainRow(0, "last"), plainRow(1, "very last")}, {}, 0, twoChildren()}});
        p.append({"millisBehindLatest", Page{{plainRow(0, "late")}, kIterator, 86'400'000, {}}});
        p.append({"millisBehindLatest huge",
                  Page{{plainRow(0, "late")}, kIterator, std::numeric_limits<qint64>::max(), {}}});

        // Arrival times: whole seconds, fractions with trailing zeros, tiny, negative, and
        // beyond the range written without a double.
        QList<Row> times;
        const qint64 samples[] = {kT0,
                                  1700000000000,
                                  1700000000100,
                                  1700000000120,
                                  1700000000001,
                                  0,
                                  1,
                                  999,
                                  1000,
                                  1001,
                                  -1,
                                  -999,
                                  -1500,
                                  -1700000000123,
                                  999'999'999'999'999,
                                  1'000'000'000'000'001,
                                  -1'000'000'000'000'001,
                                  4'398'046'511'104'001,
                                  std::numeric_limits<qint64>::max(),
                                  std::numeric_limits<qint64>::min()};
        qint64 offset = 0;
        for (const qint64 ms : samples) {
            Row row = plainRow(offset++, "t");
            row.arrivalMs = ms;
            times.append(row);
        }
        p.append({"arrival times", Page{times, kIterator, 0, {}}});

        // Array heads of one, two, three and five bytes; data heads up to four bytes.
        for (const int count : {23, 24, 255, 256, 65535, 65536}) {
            Page many{{}, kIterator, 5, {}};
            for (int i = 0; i < count; ++i)
                many.rows.append(
                    plainRow(i, QByteArray::number(i), "k" + QByteArray::number(i % 7)));
            p.append({count == 23      ? "23 records"
                      : count == 24    ? "24 records"
                      : count == 255   ? "255 records"
                      : count == 256   ? "256 records"
                      : count == 65535 ? "65535 records"
                                       : "65536 records",
                      many});
        }
        p.append({"data of 23, 24, 255, 256, 65535, 65536 and 1 MiB bytes",
                  Page{{plainRow(0, QByteArray(23, 'a')), plainRow(1, QByteArray(24, 'b')),
                        plainRow(2, QByteArray(255, 'c')), plainRow(3, QByteArray(256, 'd')),
                        plainRow(4, QByteArray(65535, 'e')), plainRow(5, QByteArray(65536, 'f')),
                        plainRow(6, QByteArray(1024 * 1024, 'g'))},
                       kIterator,
                       0,
                       {}}});
        return p;
    }();
    return all;
}

// Member-wise comparison of what a client decodes; explicitHashKey is not on the wire.
auto tied(const Record &r)
{
    return std::tie(r.sequenceNumber, r.approximateArrivalTimestamp, r.data, r.partitionKey,
                    r.encryptionType);
}

// Where two decoded pages differ, or an empty string.
QString difference(const GetRecordsResponse &a, const GetRecordsResponse &b)
{
    if (a.records.size() != b.records.size())
        return u"record count %1 != %2"_s.arg(a.records.size()).arg(b.records.size());
    for (qsizetype i = 0; i < a.records.size(); ++i) {
        if (tied(a.records[i]) != tied(b.records[i]))
            return u"record %1 differs (%2 / %3)"_s.arg(i).arg(
                a.records[i].sequenceNumber.toString(), b.records[i].sequenceNumber.toString());
        if (a.records[i].partitionKey.isNull() != b.records[i].partitionKey.isNull() ||
            a.records[i].data.isNull() != b.records[i].data.isNull())
            return u"record %1: null and empty differ"_s.arg(i);
    }
    if (a.nextShardIterator != b.nextShardIterator)
        return u"NextShardIterator differs"_s;
    if (a.millisBehindLatest != b.millisBehindLatest)
        return u"MillisBehindLatest differs"_s;
    if (a.childShards.has_value() != b.childShards.has_value())
        return u"ChildShards present on one side only"_s;
    if (a.childShards) {
        if (a.childShards->size() != b.childShards->size())
            return u"ChildShards count differs"_s;
        for (qsizetype i = 0; i < a.childShards->size(); ++i) {
            const ChildShard &x = a.childShards->at(i);
            const ChildShard &y = b.childShards->at(i);
            if (x.shardId != y.shardId || x.parentShards != y.parentShards ||
                x.hashKeyRange != y.hashKeyRange)
                return u"child shard %1 differs"_s.arg(i);
        }
    }
    return {};
}

QByteArray streamed(GetRecordsEncoder &encoder, const Page &page)
{
    for (const Row &row : page.rows)
        encoder.record(row.view());
    return encoder.finish(page.tail());
}

const char *formatName(WireFormat format)
{
    return format == WireFormat::Json ? "JSON" : "CBOR";
}

} // namespace

class TestGetRecordsEncoder : public QObject
{
    Q_OBJECT

private slots:
    void sameBodyAsTheCodec_data();
    void sameBodyAsTheCodec();
    void createPicksTheFormat();
    void randomPages_data();
    void randomPages();
    void jsonTimestampsAsTheCodecWritesThem();
};

void TestGetRecordsEncoder::sameBodyAsTheCodec_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("pageIndex");
    for (const WireFormat format : {WireFormat::Json, WireFormat::Cbor}) {
        for (qsizetype i = 0; i < pages().size(); ++i)
            QTest::addRow("%s: %s", formatName(format), pages()[i].first) << int(format) << int(i);
    }
}

// The streamed body is the codec's body for the same page, byte for byte, and decodes through
// the codec to the page the engine's object path would have answered with.
void TestGetRecordsEncoder::sameBodyAsTheCodec()
{
    QFETCH(int, format);
    QFETCH(int, pageIndex);
    const WireCodec codec(static_cast<WireFormat>(format));
    const Page &page = pages()[pageIndex].second;

    const auto encoder = GetRecordsEncoder::create(codec.format());
    const QByteArray body = streamed(*encoder, page);
    const QByteArray expected = codec.encode(page.objects());

    const auto decoded = codec.decode<GetRecordsResponse>(body);
    QVERIFY2(decoded.has_value(), qPrintable(decoded ? QString() : decoded.error().message));
    const auto fromObjects = codec.decode<GetRecordsResponse>(expected);
    QVERIFY(fromObjects.has_value());
    const QString diff = difference(*decoded, *fromObjects);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(decoded->records.size(), page.rows.size());
    if (body != expected) {
        qsizetype at = 0;
        while (at < body.size() && at < expected.size() && body[at] == expected[at])
            ++at;
        QFAIL(qPrintable(
            u"bodies differ at byte %1 of %2/%3: streamed ...%4, codec ...%5"_s.arg(at)
                .arg(body.size())
                .arg(expected.size())
                .arg(QString::fromLatin1(body.mid(std::max<qsizetype>(0, at - 24), 48).toHex()),
                     QString::fromLatin1(
                         expected.mid(std::max<qsizetype>(0, at - 24), 48).toHex()))));
    }
}

void TestGetRecordsEncoder::createPicksTheFormat()
{
    QVERIFY(
        dynamic_cast<JsonGetRecordsEncoder *>(GetRecordsEncoder::create(WireFormat::Json).get()));
    QVERIFY(
        dynamic_cast<CborGetRecordsEncoder *>(GetRecordsEncoder::create(WireFormat::Cbor).get()));
    // An encoder that saw no record still writes a complete body.
    JsonGetRecordsEncoder json;
    QCOMPARE(json.finish(GetRecordsResponse{}),
             QByteArray(R"({"Records":[],"MillisBehindLatest":0})"));
    CborGetRecordsEncoder cbor;
    QCOMPARE(cbor.finish(GetRecordsResponse{}),
             QByteArray("\xa2\x67Records\x80\x72MillisBehindLatest\x00", 30));
}

void TestGetRecordsEncoder::randomPages_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<quint32>("seed");
    for (const WireFormat format : {WireFormat::Json, WireFormat::Cbor}) {
        for (quint32 seed = 1; seed <= 20; ++seed)
            QTest::addRow("%s seed %u", formatName(format), seed) << int(format) << seed;
    }
}

// Random rows (any bytes as keys and data, any times, our and foreign numbers): the same body.
void TestGetRecordsEncoder::randomPages()
{
    QFETCH(int, format);
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    const auto bytes = [&](int maxSize) {
        QByteArray b(random.bounded(maxSize + 1), Qt::Uninitialized);
        for (char &c : b)
            c = char(random.bounded(256));
        return b;
    };
    Page page;
    const int count = random.bounded(200);
    for (int i = 0; i < count; ++i) {
        Row row;
        row.sequenceNumber =
            random.bounded(4) == 0
                ? foreign(QString::number(random.generate64() >> 1))
                : SequenceNumber{qint64(random.generate64() >> 1), random.generate()};
        row.arrivalMs =
            random.bounded(3) == 0 ? qint64(random.generate64()) : kT0 + random.bounded(100000000);
        row.partitionKey =
            random.bounded(2) ? bytes(40) : QByteArray("pk-") + QByteArray::number(i);
        row.data = bytes(300);
        if (random.bounded(3) == 0)
            row.explicitHashKey =
                HashKey{(uint128(random.generate64()) << 64) | random.generate64()};
        row.encryptionType = random.bounded(2) ? EncryptionType::Kms : EncryptionType::None;
        page.rows.append(row);
    }
    if (random.bounded(2))
        page.nextShardIterator = QString::fromLatin1(bytes(60).toBase64());
    else
        page.childShards = twoChildren();
    page.millisBehindLatest = qint64(random.generate64() >> random.bounded(64));

    const WireCodec codec(static_cast<WireFormat>(format));
    const auto encoder = GetRecordsEncoder::create(codec.format());
    const QByteArray body = streamed(*encoder, page);
    QCOMPARE(body.size(), codec.encode(page.objects()).size());
    QVERIFY(body == codec.encode(page.objects()));
    const auto decoded = codec.decode<GetRecordsResponse>(body);
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->records.size(), count);
}

// The JSON arrival time is written without a double where that gives the same text: check it
// against the codec's own formatting over many values of every magnitude.
void TestGetRecordsEncoder::jsonTimestampsAsTheCodecWritesThem()
{
    QRandomGenerator random(42);
    Page page{{}, kIterator, 0, {}};
    for (int i = 0; i < 200000; ++i) {
        const int magnitude = random.bounded(64);
        qint64 ms = qint64(random.generate64() >> (63 - magnitude));
        if (random.bounded(2))
            ms = -ms;
        Row row = plainRow(i, {});
        row.arrivalMs = ms;
        page.rows.append(row);
    }
    JsonGetRecordsEncoder encoder;
    const QByteArray body = streamed(encoder, page);
    QVERIFY(body == WireCodec(WireFormat::Json).encode(page.objects()));
}

QTEST_GUILESS_MAIN(TestGetRecordsEncoder)
#include "tst_getrecordsencoder.moc"
