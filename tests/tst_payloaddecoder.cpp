// PayloadDecoder: UTF-8 with invalid bytes made visible, JSON, gzip and zlib (fixtures made
// with zlib here), the inflation cap against zip bombs, layers (gzip → KPL), the hex dump in
// the exact layout of `hexdump -C`, and base64.

#include "records/kplaggregation.h"
#include "records/payloaddecoder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTest>

#include <zlib.h>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

// Deflates with zlib: gzip framing (windowBits 31) or zlib framing (15). `repeat` feeds the input
// that many times, so that a bomb never has to exist uncompressed in memory.
QByteArray compress(const QByteArray &input, Compression framing, int repeat = 1)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED,
                     framing == Compression::Gzip ? 31 : 15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    char buffer[16384];
    for (int i = 0; i < repeat; ++i) {
        const bool last = i == repeat - 1;
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
        stream.avail_in = uInt(input.size());
        int status = Z_OK;
        do {
            stream.next_out = reinterpret_cast<Bytef *>(buffer);
            stream.avail_out = sizeof buffer;
            status = deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
            out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
        } while (stream.avail_out == 0 || (last && status != Z_STREAM_END));
    }
    deflateEnd(&stream);
    return out;
}

QByteArray gzip(const QByteArray &input)
{
    return compress(input, Compression::Gzip);
}
QByteArray zlib(const QByteArray &input)
{
    return compress(input, Compression::Zlib);
}

QString kindName(PayloadLayer::Kind kind)
{
    return PayloadDecoder::layerName(kind);
}

} // namespace

class TestPayloadDecoder : public QObject
{
    Q_OBJECT

private slots:
    void utf8_data();
    void utf8();
    void scanAndTextHeuristic_data();
    void scanAndTextHeuristic();

    void json();
    void jsonLookalikesAreText_data();
    void jsonLookalikesAreText();

    void gzipJson();
    void gzipConcatenatedMembers();
    void zlibText();
    void gzipOfKpl();
    void zipBombStopsAtTheCap();
    void inflateCapIsExact();
    void nestedCompressionIsBounded();
    void corruptGzipIsReported_data();
    void corruptGzipIsReported();
    void zlibLookalikeTextIsText();
    void trailingBytesAfterGzip();

    void kpl();
    void kplWithBadChecksum();
    void brokenKplIsBinary();
    void emptyAndBinary();
    void renderCap();

    void hexDumpExact();
    void hexDumpRanges();
    void base64_data();
    void base64();
    void base64Errors_data();
    void base64Errors();
};

void TestPayloadDecoder::utf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("hexEscaped");
    QTest::addColumn<QString>("replaced");
    QTest::addColumn<int>("invalidBytes");
    QTest::addColumn<int>("firstInvalid");

    QTest::newRow("ascii") << QByteArray("hello") << u"hello"_s << u"hello"_s << 0 << -1;
    QTest::newRow("empty") << QByteArray() << QString() << QString() << 0 << -1;
    QTest::newRow("two-, three-, four-byte")
        << QByteArray("h\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8E\x89") << u"hé € 🎉"_s << u"hé € 🎉"_s << 0
        << -1;
    QTest::newRow("stray byte") << QByteArray("a\xFF"
                                              "b")
                                << u"a\\xFFb"_s << u"a\uFFFDb"_s << 1 << 1;
    QTest::newRow("lone continuation")
        << QByteArray("\x80x") << u"\\x80x"_s << u"\uFFFDx"_s << 1 << 0;
    // A truncated sequence is one maximal subpart: one U+FFFD for both bytes.
    QTest::newRow("euro sign cut short")
        << QByteArray("a\xE2\x82") << u"a\\xE2\\x82"_s << u"a\uFFFD"_s << 2 << 1;
    QTest::newRow("emoji cut short, then text")
        << QByteArray("\xF0\x9F\x8E"
                      "ok")
        << u"\\xF0\\x9F\\x8Eok"_s << u"\uFFFDok"_s << 3 << 0;
    QTest::newRow("overlong slash")
        << QByteArray("\xC0\xAF") << u"\\xC0\\xAF"_s << u"\uFFFD\uFFFD"_s << 2 << 0;
    QTest::newRow("overlong three-byte")
        << QByteArray("\xE0\x80\xAF") << u"\\xE0\\x80\\xAF"_s << u"\uFFFD\uFFFD\uFFFD"_s << 3 << 0;
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << u"\\xED\\xA0\\x80"_s
                               << u"\uFFFD\uFFFD\uFFFD"_s << 3 << 0;
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << u"\\xF4\\x90\\x80\\x80"_s
                                    << u"\uFFFD\uFFFD\uFFFD\uFFFD"_s << 4 << 0;
    QTest::newRow("U+10FFFF itself")
        << QByteArray("\xF4\x8F\xBF\xBF") << u"\U0010FFFF"_s << u"\U0010FFFF"_s << 0 << -1;
    // Valid, but invisible: shown as control pictures. Tab, line feed and return stay.
    QTest::newRow("controls") << QByteArray("a\x00"
                                            "b\x1B"
                                            "c\x7F\td\ne\r",
                                            11)
                              << u"a␀b␛c␡\td\ne\r"_s << u"a␀b␛c␡\td\ne\r"_s << 0 << -1;
}

void TestPayloadDecoder::utf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, hexEscaped);
    QFETCH(QString, replaced);
    QFETCH(int, invalidBytes);
    QFETCH(int, firstInvalid);

    const TextDecoding escaped =
        PayloadDecoder::decodeUtf8(bytes, PayloadDecoder::InvalidByteStyle::HexEscape);
    QCOMPARE(escaped.display, hexEscaped);
    QCOMPARE(escaped.valid, invalidBytes == 0);
    QCOMPARE(escaped.invalidBytes, qsizetype(invalidBytes));
    QCOMPARE(escaped.firstInvalidOffset, qsizetype(firstInvalid));

    const TextDecoding withReplacement =
        PayloadDecoder::decodeUtf8(bytes, PayloadDecoder::InvalidByteStyle::ReplacementCharacter);
    QCOMPARE(withReplacement.display, replaced);
    QCOMPARE(withReplacement.invalidBytes, qsizetype(invalidBytes));

    const Utf8Scan scan = PayloadDecoder::scanUtf8(bytes);
    QCOMPARE(scan.invalidBytes, qsizetype(invalidBytes));
    QCOMPARE(scan.firstInvalidOffset, qsizetype(firstInvalid));
    // Valid input decodes exactly as Qt decodes it.
    if (invalidBytes == 0 && !bytes.contains('\0') && !bytes.contains('\x1B'))
        QCOMPARE(escaped.display, QString::fromUtf8(bytes));
}

void TestPayloadDecoder::scanAndTextHeuristic_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("controls");
    QTest::addColumn<bool>("text");
    QTest::newRow("prose") << QByteArray("The quick brown fox.\n\tIndented.\r\n\f") << 0 << true;
    QTest::newRow("one bad byte in 40") << QByteArray(QByteArray(39, 'a') + '\xFF') << 0 << true;
    QTest::newRow("one NUL in 10") << QByteArray(QByteArray(9, 'a') + '\0') << 1 << false;
    QTest::newRow("protobuf-ish") << QByteArray("\x08\x96\x01\x12\x04test", 9) << 4 << false;
    QTest::newRow("one byte 0xFF") << QByteArray("\xFF") << 0 << false;
    QTest::newRow("empty") << QByteArray() << 0 << false;
}

void TestPayloadDecoder::scanAndTextHeuristic()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, controls);
    QFETCH(bool, text);
    const Utf8Scan scan = PayloadDecoder::scanUtf8(bytes);
    QCOMPARE(scan.controlCharacters, qsizetype(controls));
    QCOMPARE(PayloadDecoder::looksLikeText(scan, bytes.size()), text);
}

void TestPayloadDecoder::json()
{
    const QByteArray compact =
        R"({"user":"ünïcode","n":42,"tags":["a","b"],"nested":{"ok":true,"none":null}})";
    const DecodedPayload decoded = PayloadDecoder::decode(compact);
    QCOMPARE(decoded.content, PayloadContent::Json);
    QVERIFY(decoded.layers.isEmpty());
    QVERIFY(decoded.problems.isEmpty());
    QVERIFY(decoded.rendered);
    QCOMPARE(decoded.summary(), u"JSON"_s);
    QCOMPARE(decoded.json.object().value(u"n").toInt(), 42);
    QCOMPARE(decoded.json.object().value(u"tags").toArray().size(), 2);
    QCOMPARE(decoded.text.display, QString::fromUtf8(compact));
    // QJsonDocument's indented form: four spaces, keys sorted.
    const QString expected = uR"({
    "n": 42,
    "nested": {
        "none": null,
        "ok": true
    },
    "tags": [
        "a",
        "b"
    ],
    "user": "ünïcode"
}
)"_s;
    QCOMPARE(decoded.prettyJson, expected);

    const DecodedPayload array = PayloadDecoder::decode("  \n[1, 2, {\"a\": []}]\n");
    QCOMPARE(array.content, PayloadContent::Json);
    QVERIFY(array.json.isArray());
    QCOMPARE(array.prettyJson,
             u"[\n    1,\n    2,\n    {\n        \"a\": [\n        ]\n    }\n]\n"_s);
}

void TestPayloadDecoder::jsonLookalikesAreText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("unterminated") << QByteArray("{\"a\": 1");
    QTest::newRow("trailing comma") << QByteArray("[1, 2,]");
    QTest::newRow("a bare number") << QByteArray("42");
    QTest::newRow("a bare string") << QByteArray("\"just a string\"");
    QTest::newRow("two documents") << QByteArray("{} {}");
    QTest::newRow("log line") << QByteArray("[INFO] started");
}

void TestPayloadDecoder::jsonLookalikesAreText()
{
    QFETCH(QByteArray, bytes);
    const DecodedPayload decoded = PayloadDecoder::decode(bytes);
    QCOMPARE(decoded.content, PayloadContent::Text);
    QVERIFY(decoded.json.isNull());
    QVERIFY(decoded.prettyJson.isEmpty());
    QCOMPARE(decoded.text.display, QString::fromUtf8(bytes));
    QCOMPARE(decoded.summary(), u"text"_s);
}

void TestPayloadDecoder::gzipJson()
{
    const QByteArray json = R"({"event":"click","x":1})";
    const QByteArray payload = gzip(json);
    QCOMPARE(PayloadDecoder::detectCompression(payload), Compression::Gzip);
    const DecodedPayload decoded = PayloadDecoder::decode(payload);
    QCOMPARE(decoded.layers.size(), 1);
    QCOMPARE(kindName(decoded.layers[0].kind), u"gzip"_s);
    QCOMPARE(decoded.layers[0].inputSize, payload.size());
    QCOMPARE(decoded.layers[0].outputSize, json.size());
    QVERIFY(!decoded.layers[0].truncated);
    QCOMPARE(decoded.content, PayloadContent::Json);
    QCOMPARE(decoded.bytes, json);
    QCOMPARE(decoded.json.object().value(u"event").toString(), u"click"_s);
    QCOMPARE(decoded.summary(), u"gzip → JSON"_s);
    QVERIFY(decoded.problems.isEmpty());
}

void TestPayloadDecoder::gzipConcatenatedMembers()
{
    const QByteArray payload = gzip("first line\n") + gzip("second line\n");
    const DecodedPayload decoded = PayloadDecoder::decode(payload);
    QCOMPARE(decoded.bytes, QByteArray("first line\nsecond line\n"));
    QCOMPARE(decoded.summary(), u"gzip → text"_s);
    QVERIFY(decoded.problems.isEmpty());
}

void TestPayloadDecoder::zlibText()
{
    const QByteArray text = QByteArray("a line of log text, repeated. ").repeated(100);
    const QByteArray payload = zlib(text);
    QCOMPARE(quint8(payload[0]), quint8(0x78));
    QCOMPARE(PayloadDecoder::detectCompression(payload), Compression::Zlib);
    const DecodedPayload decoded = PayloadDecoder::decode(payload);
    QCOMPARE(decoded.summary(), u"zlib → text"_s);
    QCOMPARE(decoded.bytes, text);
    QCOMPARE(decoded.text.display, QString::fromUtf8(text));

    // Every compression level gives a header we recognise.
    for (int level = 0; level <= 9; ++level) {
        QByteArray out(qsizetype(compressBound(uLong(text.size()))), Qt::Uninitialized);
        uLongf size = uLongf(out.size());
        QCOMPARE(compress2(reinterpret_cast<Bytef *>(out.data()), &size,
                           reinterpret_cast<const Bytef *>(text.constData()), uLong(text.size()),
                           level),
                 Z_OK);
        out.resize(qsizetype(size));
        QCOMPARE(PayloadDecoder::decode(out).bytes, text);
    }
}

void TestPayloadDecoder::gzipOfKpl()
{
    const auto aggregated = KplAggregation::aggregate(
        {{u"a"_s, std::nullopt, "one", {}}, {u"b"_s, u"7"_s, "{\"two\":2}", {}}});
    QVERIFY(aggregated.has_value());
    const DecodedPayload decoded = PayloadDecoder::decode(gzip(*aggregated));
    QCOMPARE(decoded.summary(), u"gzip → KPL → 2 sub-records"_s);
    QCOMPARE(decoded.content, PayloadContent::KplAggregate);
    QVERIFY(decoded.kpl.has_value());
    QCOMPARE(decoded.kpl->records[1].explicitHashKey.value_or(QString()), u"7"_s);
    // Sub-records decode on their own.
    QCOMPARE(PayloadDecoder::decode(decoded.kpl->records[1].data).summary(), u"JSON"_s);
}

void TestPayloadDecoder::zipBombStopsAtTheCap()
{
    // 256 MiB of zeros in about 250 KiB of gzip.
    const QByteArray bomb = compress(QByteArray(1 << 20, '\0'), Compression::Gzip, 256);
    QVERIFY(bomb.size() < 512 * 1024);
    const DecodedPayload decoded = PayloadDecoder::decode(bomb);
    QCOMPARE(decoded.layers.size(), 1);
    QVERIFY(decoded.layers[0].truncated);
    QCOMPARE(decoded.bytes.size(), DecodeOptions{}.maxInflatedSize);
    QCOMPARE(decoded.bytes.size(), qsizetype(64) << 20);
    QCOMPARE(decoded.problems.size(), 1);
    QVERIFY(decoded.problems[0].contains(u"67108864"_s));
    QCOMPARE(decoded.content, PayloadContent::Binary);
    QVERIFY(!decoded.rendered); // 64 MiB is past the render cap
    QVERIFY(decoded.text.display.isEmpty());
}

void TestPayloadDecoder::inflateCapIsExact()
{
    const QByteArray data = QByteArray("0123456789").repeated(1000);
    const QByteArray payload = gzip(data);
    for (const qsizetype cap : {qsizetype(0), qsizetype(1), qsizetype(999), qsizetype(9999)}) {
        const auto inflated = PayloadDecoder::inflate(payload, Compression::Gzip, cap);
        QVERIFY(inflated.has_value());
        QVERIFY(inflated->truncated);
        QCOMPARE(inflated->data, data.first(cap));
    }
    const auto whole = PayloadDecoder::inflate(payload, Compression::Gzip, data.size());
    QVERIFY(whole.has_value());
    QVERIFY(!whole->truncated); // exactly at the cap is not over it
    QCOMPARE(whole->data, data);

    DecodeOptions options;
    options.maxInflatedSize = 100;
    const DecodedPayload decoded = PayloadDecoder::decode(payload, options);
    QCOMPARE(decoded.bytes, data.first(100));
    QVERIFY(decoded.layers[0].truncated);
}

void TestPayloadDecoder::nestedCompressionIsBounded()
{
    QByteArray payload = "innermost";
    for (int i = 0; i < 6; ++i)
        payload = i % 2 ? zlib(payload) : gzip(payload);
    const DecodedPayload unlimited =
        PayloadDecoder::decode(payload, DecodeOptions{.maxLayers = 10});
    QCOMPARE(unlimited.layers.size(), 6);
    QCOMPARE(unlimited.summary(), u"zlib → gzip → zlib → gzip → zlib → gzip → text"_s);
    QCOMPARE(unlimited.bytes, QByteArray("innermost"));

    const DecodedPayload bounded = PayloadDecoder::decode(payload); // four layers by default
    QCOMPARE(bounded.layers.size(), 4);
    QCOMPARE(bounded.problems.size(), 1);
    QCOMPARE(PayloadDecoder::detectCompression(bounded.bytes), Compression::Zlib);
}

void TestPayloadDecoder::corruptGzipIsReported_data()
{
    const QByteArray good =
        gzip(QByteArray("some text that compresses, some text that compresses").repeated(20));
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("header only") << good.first(10);
    QTest::newRow("cut in the middle") << good.first(good.size() / 2);
    QTest::newRow("cut before the trailer") << good.first(good.size() - 4);
    QByteArray flipped = good;
    flipped[good.size() - 6] = char(flipped[good.size() - 6] ^ 0x55); // the CRC
    QTest::newRow("wrong CRC") << flipped;
    QByteArray garbage = good.first(10) + QByteArray(64, '\xFF');
    QTest::newRow("garbage deflate data") << garbage;
}

void TestPayloadDecoder::corruptGzipIsReported()
{
    QFETCH(QByteArray, payload);
    const auto inflated = PayloadDecoder::inflate(payload, Compression::Gzip, 1 << 20);
    QVERIFY(!inflated.has_value());
    QVERIFY(!inflated.error().isEmpty());

    const DecodedPayload decoded = PayloadDecoder::decode(payload);
    QVERIFY(decoded.layers.isEmpty());
    QCOMPARE(decoded.bytes, payload);
    QCOMPARE(decoded.content, PayloadContent::Binary);
    QCOMPARE(decoded.problems.size(), 1);
    QVERIFY(decoded.problems[0].contains(u"gzip"_s));
}

void TestPayloadDecoder::zlibLookalikeTextIsText()
{
    // 0x78 0x5E is a valid zlib header; as text it is "x^".
    const QByteArray text = "x^2 + y^2 = r^2";
    QCOMPARE(PayloadDecoder::detectCompression(text), Compression::Zlib);
    const DecodedPayload decoded = PayloadDecoder::decode(text);
    QCOMPARE(decoded.content, PayloadContent::Text);
    QVERIFY(decoded.layers.isEmpty());
    QVERIFY(decoded.problems.isEmpty());
}

void TestPayloadDecoder::trailingBytesAfterGzip()
{
    const QByteArray payload = gzip("hello") + QByteArray(7, '\0');
    const auto inflated = PayloadDecoder::inflate(payload, Compression::Gzip, 1000);
    QVERIFY(inflated.has_value());
    QCOMPARE(inflated->data, QByteArray("hello"));
    QCOMPARE(inflated->trailingBytes, 7);
    const DecodedPayload decoded = PayloadDecoder::decode(payload);
    QCOMPARE(decoded.summary(), u"gzip → text"_s);
    QCOMPARE(decoded.problems.size(), 1);
    QVERIFY(decoded.problems[0].contains(u"7"_s));
}

void TestPayloadDecoder::kpl()
{
    const auto aggregated = KplAggregation::aggregate({{u"pk"_s, std::nullopt, "x", {}}});
    QVERIFY(aggregated.has_value());
    const DecodedPayload one = PayloadDecoder::decode(*aggregated);
    QCOMPARE(one.summary(), u"KPL → 1 sub-record"_s);
    QCOMPARE(one.content, PayloadContent::KplAggregate);
    QCOMPARE(one.layers.size(), 1);
    QCOMPARE(one.layers[0].outputSize, 1);
    QCOMPARE(one.bytes, *aggregated);
    QVERIFY(one.problems.isEmpty());

    QList<KplUserRecord> many;
    for (int i = 0; i < 1500; ++i)
        many.append({u"k%1"_s.arg(i % 7), std::nullopt, QByteArray::number(i), {}});
    const DecodedPayload decoded = PayloadDecoder::decode(*KplAggregation::aggregate(many));
    QCOMPARE(decoded.kpl->records.size(), 1500);
    QCOMPARE(decoded.summary(), u"KPL → %1 sub-records"_s.arg(QLocale().toString(1500)));
}

void TestPayloadDecoder::kplWithBadChecksum()
{
    QByteArray aggregated = *KplAggregation::aggregate({{u"pk"_s, std::nullopt, "x", {}}});
    aggregated[aggregated.size() - 1] = char(aggregated[aggregated.size() - 1] ^ 1);
    const DecodedPayload decoded = PayloadDecoder::decode(aggregated);
    QCOMPARE(decoded.content, PayloadContent::KplAggregate);
    QVERIFY(!decoded.kpl->checksumMatches());
    QCOMPARE(decoded.problems.size(), 1);
    QVERIFY(decoded.problems[0].contains(u"MD5"_s));
}

void TestPayloadDecoder::brokenKplIsBinary()
{
    const QByteArray payload = QByteArray("\xF3\x89\x9A\xC2", 4) + QByteArray(30, '\xFF');
    const DecodedPayload decoded = PayloadDecoder::decode(payload);
    QCOMPARE(decoded.content, PayloadContent::Binary);
    QVERIFY(decoded.layers.isEmpty());
    QVERIFY(!decoded.kpl.has_value());
    QCOMPARE(decoded.problems.size(), 1);
    QVERIFY(decoded.problems[0].contains(u"KPL"_s));
}

void TestPayloadDecoder::emptyAndBinary()
{
    const DecodedPayload empty = PayloadDecoder::decode({});
    QCOMPARE(empty.content, PayloadContent::Empty);
    QCOMPARE(empty.summary(), u"empty"_s);
    QVERIFY(empty.rendered);

    QByteArray binary(4096, Qt::Uninitialized);
    for (qsizetype i = 0; i < binary.size(); ++i)
        binary[i] = char((i * 97 + 13) & 0xFF);
    const DecodedPayload decoded = PayloadDecoder::decode(binary);
    QCOMPARE(decoded.content, PayloadContent::Binary);
    QCOMPARE(decoded.summary(), u"binary"_s);
    QVERIFY(decoded.rendered);
    QVERIFY(!decoded.text.valid); // the text view still shows it, with escapes
    QVERIFY(decoded.text.display.contains(u"\\x"_s));
}

void TestPayloadDecoder::renderCap()
{
    DecodeOptions options;
    options.maxRenderSize = 10;
    const DecodedPayload small = PayloadDecoder::decode("{\"a\": 1}", options);
    QVERIFY(small.rendered);
    QVERIFY(!small.prettyJson.isEmpty());

    const DecodedPayload large = PayloadDecoder::decode("{\"a\": 1234}", options);
    QCOMPARE(large.content, PayloadContent::Json); // still classified
    QVERIFY(large.json.isObject());
    QVERIFY(!large.rendered);
    QVERIFY(large.prettyJson.isEmpty());
    QVERIFY(large.text.display.isEmpty());
}

void TestPayloadDecoder::hexDumpExact()
{
    // As printed by `hexdump -C` (util-linux), without its final offset line.
    QCOMPARE(PayloadDecoder::hexDump("Hello\n"),
             u"00000000  48 65 6c 6c 6f 0a                                 |Hello.|\n"_s);
    QCOMPARE(PayloadDecoder::hexDump("0123456789abcdefXYZ"),
             u"00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n"
             u"00000010  58 59 5a                                          |XYZ|\n"_s);
    QCOMPARE(PayloadDecoder::hexDump(QByteArray("\x00\x1F\x20\x7E\x7F\x80\xFF"
                                                "abcdefghi",
                                                16)),
             u"00000000  00 1f 20 7e 7f 80 ff 61  62 63 64 65 66 67 68 69  |.. ~...abcdefghi|\n"_s);
    QCOMPARE(PayloadDecoder::hexDump("12345678"),
             u"00000000  31 32 33 34 35 36 37 38                           |12345678|\n"_s);
    QCOMPARE(PayloadDecoder::hexDump("123456789"),
             u"00000000  31 32 33 34 35 36 37 38  39                       |123456789|\n"_s);
    QCOMPARE(PayloadDecoder::hexDump({}), QString());
}

void TestPayloadDecoder::hexDumpRanges()
{
    QCOMPARE(PayloadDecoder::hexDumpLineCount(0), 0);
    QCOMPARE(PayloadDecoder::hexDumpLineCount(1), 1);
    QCOMPARE(PayloadDecoder::hexDumpLineCount(16), 1);
    QCOMPARE(PayloadDecoder::hexDumpLineCount(17), 2);

    // A large payload: any window is built without touching the rest.
    QByteArray big(10 << 20, 'A');
    big[big.size() - 1] = 'Z';
    const qsizetype lines = PayloadDecoder::hexDumpLineCount(big.size());
    QCOMPARE(lines, (10 << 20) / 16);
    QCOMPARE(PayloadDecoder::hexDumpLine(big, lines - 1),
             u"009ffff0  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 5a  |AAAAAAAAAAAAAAAZ|"_s);
    QCOMPARE(PayloadDecoder::hexDumpLine(big, lines), QString());
    QCOMPARE(PayloadDecoder::hexDumpLine(big, -1), QString());
    const QString window = PayloadDecoder::hexDump(big, 1000, 3);
    QCOMPARE(window.count(u'\n'), 3);
    QVERIFY(window.startsWith(u"00003e80  41"_s));
    QCOMPARE(PayloadDecoder::hexDump(big, lines - 1, 10).count(u'\n'), 1);
    QCOMPARE(PayloadDecoder::hexDump(big, lines + 5, 10), QString());
    QCOMPARE(PayloadDecoder::hexDump(big, 5, 0), QString());

    const QByteArray small = "0123456789abcdefXYZ";
    QCOMPARE(PayloadDecoder::hexDump(small, 1),
             u"00000010  58 59 5a                                          |XYZ|\n"_s);
    QCOMPARE(PayloadDecoder::hexDump(small, 0, 1) + PayloadDecoder::hexDump(small, 1, 1),
             PayloadDecoder::hexDump(small));
}

void TestPayloadDecoder::base64_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoded");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("hello") << QByteArray("hello") << u"aGVsbG8="_s;
    QTest::newRow("two padding") << QByteArray("hell") << u"aGVsbA=="_s;
    QTest::newRow("binary") << QByteArray("\x00\xFF\xFE\xF3\x89\x9A", 6) << u"AP/+84ma"_s;
}

void TestPayloadDecoder::base64()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoded);
    QCOMPARE(PayloadDecoder::toBase64(bytes), encoded);
    const auto decoded = PayloadDecoder::fromBase64(encoded);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, bytes);

    // Line breaks and spaces (as `base64` wraps at 76 columns) are fine; padding may be left off.
    QString wrapped = encoded;
    for (qsizetype i = wrapped.size() - 3; i > 0; i -= 3)
        wrapped.insert(i, i % 2 ? u"\n"_s : u" "_s);
    QCOMPARE(*PayloadDecoder::fromBase64(QString(u"  "_s + wrapped + u"\r\n"_s)), bytes);
    QString unpadded = encoded;
    unpadded.remove(u'=');
    QCOMPARE(*PayloadDecoder::fromBase64(unpadded), bytes);
}

void TestPayloadDecoder::base64Errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("symbol") << u"aGV$bG8="_s;
    QTest::newRow("url alphabet") << u"AP_-84ma"_s;
    QTest::newRow("non-ascii") << u"aGVsbG8é"_s;
    QTest::newRow("one char too many") << u"aGVsbG8=a"_s;
    QTest::newRow("padding in the middle") << u"aGVs=G8="_s;
    QTest::newRow("lone character") << u"a"_s;
}

void TestPayloadDecoder::base64Errors()
{
    QFETCH(QString, text);
    const auto decoded = PayloadDecoder::fromBase64(text);
    QVERIFY(!decoded.has_value());
    QVERIFY(!decoded.error().isEmpty());
}

QTEST_GUILESS_MAIN(TestPayloadDecoder)
#include "tst_payloaddecoder.moc"
