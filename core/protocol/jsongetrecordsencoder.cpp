#include "jsongetrecordsencoder.h"

#include "jsontext.h"

#include <QLocale>
#include <QtEndian>

#include <cstring>

namespace shardscope {

namespace {

// What the codec writes for an empty page up to the end of the (empty) Records list; the rest
// of its output is the page's other members.
constexpr char kRecordsStart[] = R"({"Records":[)";

template<qsizetype N> char *writeLiteral(char *out, const char (&text)[N])
{
    std::memcpy(out, text, N - 1);
    return out + N - 1;
}

// The longest timestamp text: QByteArray::number(double, 'g', shortest) is at most 24 bytes.
constexpr qsizetype kMaxTimestampText = 32;

// Epoch milliseconds as the codec writes them in JSON: whole seconds as an integer, otherwise
// the double ms / 1000 in its shortest form. Below 10^15 ms (the year 33658) the double's
// shortest form is the exact decimal S.fff without trailing zeros (its spacing is under
// 0.0005, so no shorter decimal rounds to it, and 'g' keeps the plain notation for it), which
// is written here without going through a double; beyond that, through the same call as the
// codec.
char *writeTimestamp(char *out, qint64 ms)
{
    if (ms % 1000 == 0)
        return writeJsonInteger(out, ms / 1000);
    constexpr qint64 kExactBelow = 1'000'000'000'000'000;
    if (ms <= -kExactBelow || ms >= kExactBelow) {
        const QByteArray text = QByteArray::number(static_cast<double>(ms) / 1000.0, 'g',
                                                   QLocale::FloatingPointShortest);
        std::memcpy(out, text.constData(), size_t(text.size()));
        return out + text.size();
    }
    if (ms < 0)
        *out++ = '-';
    const quint64 magnitude = ms < 0 ? 0 - static_cast<quint64>(ms) : static_cast<quint64>(ms);
    out = writeJsonUnsigned(out, magnitude / 1000);
    *out++ = '.';
    unsigned fraction = unsigned(magnitude % 1000);
    int digits = 3;
    while (fraction % 10 == 0) {
        fraction /= 10;
        --digits;
    }
    for (int i = digits - 1; i >= 0; --i) {
        out[i] = char('0' + fraction % 10);
        fraction /= 10;
    }
    return out + digits;
}

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// The two base64 characters of every 12-bit value: a 3-byte group is two lookups.
struct Base64Pairs
{
    char pairs[4096][2];
};

constexpr Base64Pairs makeBase64Pairs()
{
    Base64Pairs table{};
    for (int i = 0; i < 4096; ++i) {
        table.pairs[i][0] = kBase64Alphabet[i >> 6];
        table.pairs[i][1] = kBase64Alphabet[i & 63];
    }
    return table;
}

constexpr Base64Pairs kBase64Pairs = makeBase64Pairs();

constexpr qsizetype base64Size(qsizetype size)
{
    return (size + 2) / 3 * 4;
}

void writeBase64Pair(char *out, quint64 twelveBits)
{
    std::memcpy(out, kBase64Pairs.pairs[twelveBits & 0xfff], 2);
}

// Standard base64 with padding, as QByteArray::toBase64() writes it.
char *writeBase64(char *out, QByteArrayView bytes)
{
    const auto *in = reinterpret_cast<const unsigned char *>(bytes.data());
    qsizetype left = bytes.size();
    // Two 3-byte groups per step from one 8-byte load (the last two bytes are not used).
    for (; left >= 8; left -= 6, in += 6, out += 8) {
        quint64 word;
        std::memcpy(&word, in, 8);
        word = qFromBigEndian(word);
        writeBase64Pair(out, word >> 52);
        writeBase64Pair(out + 2, word >> 40);
        writeBase64Pair(out + 4, word >> 28);
        writeBase64Pair(out + 6, word >> 16);
    }
    for (; left >= 3; left -= 3, in += 3, out += 4) {
        const quint32 triple = (quint32(in[0]) << 16) | (quint32(in[1]) << 8) | in[2];
        writeBase64Pair(out, triple >> 12);
        writeBase64Pair(out + 2, triple);
    }
    if (left > 0) {
        const quint32 triple = (quint32(in[0]) << 16) | (left == 2 ? quint32(in[1]) << 8 : 0);
        out[0] = kBase64Alphabet[triple >> 18];
        out[1] = kBase64Alphabet[(triple >> 12) & 63];
        out[2] = left == 2 ? kBase64Alphabet[(triple >> 6) & 63] : '=';
        out[3] = '=';
        out += 4;
    }
    return out;
}

bool isAscii(QByteArrayView bytes)
{
    unsigned char any = 0;
    for (const char c : bytes)
        any |= static_cast<unsigned char>(c);
    return any < 0x80;
}

} // namespace

JsonGetRecordsEncoder::JsonGetRecordsEncoder()
{
    commit(writeLiteral(reserve(sizeof(kRecordsStart)), kRecordsStart));
}

void JsonGetRecordsEncoder::record(const RecordView &record)
{
    // The codec writes the key as the QString it decoded from the stored UTF-8; for ASCII that
    // is the stored bytes, otherwise the same conversion is made here (invalid sequences become
    // U+FFFD alike).
    QByteArray converted;
    QByteArrayView partitionKey = record.partitionKey;
    if (!isAscii(partitionKey)) {
        converted = QString::fromUtf8(partitionKey).toUtf8();
        partitionKey = converted;
    }
    const QByteArray encryption = record.encryptionType == EncryptionType::None
                                      ? QByteArray()
                                      : toWire(record.encryptionType).toUtf8();

    const qsizetype room =
        128 + SequenceNumber::kMaxTextLength + kMaxTimestampText + base64Size(record.data.size()) +
        maxJsonStringContent(partitionKey.size()) + maxJsonStringContent(encryption.size());
    char *out = reserve(room);
    if (!m_first)
        *out++ = ',';
    m_first = false;
    out = writeLiteral(out, R"({"SequenceNumber":")");
    out += record.sequenceNumber.writeText(out);
    out = writeLiteral(out, R"(","ApproximateArrivalTimestamp":)");
    out = writeTimestamp(out, record.approximateArrivalTimestamp);
    out = writeLiteral(out, R"(,"Data":")");
    out = writeBase64(out, record.data);
    out = writeLiteral(out, R"(","PartitionKey":")");
    out = writeJsonStringContent(out, partitionKey);
    *out++ = '"';
    // Kinesis leaves EncryptionType out of records of unencrypted streams.
    if (!encryption.isNull()) {
        out = writeLiteral(out, R"(,"EncryptionType":")");
        out = writeJsonStringContent(out, encryption);
        *out++ = '"';
    }
    *out++ = '}';
    commit(out);
}

QByteArray JsonGetRecordsEncoder::finish(const GetRecordsResponse &page)
{
    Q_ASSERT(page.records.isEmpty());
    // The members after the records are the codec's own output for the page without records.
    const QByteArray rest = WireCodec(WireFormat::Json).encode(page);
    constexpr qsizetype prefix = sizeof(kRecordsStart) - 1;
    Q_ASSERT(rest.startsWith(QByteArrayView(kRecordsStart, prefix)));
    const QByteArrayView tail = QByteArrayView(rest).sliced(prefix);
    char *out = reserve(tail.size());
    std::memcpy(out, tail.data(), size_t(tail.size()));
    commit(out + tail.size());
    return takeBody();
}

} // namespace shardscope
