#include "cborgetrecordsencoder.h"

#include <cstring>

namespace shardscope {

namespace {

// CBOR major types, in the top three bits of a head.
enum Major : unsigned char
{
    MajorUnsigned = 0x00,
    MajorNegative = 0x20,
    MajorBytes = 0x40,
    MajorText = 0x60,
    MajorArray = 0x80,
    MajorMap = 0xa0,
    MajorTag = 0xc0,
};

constexpr qsizetype kMaxHead = 9;

// A head with the shortest argument encoding, as QCborStreamWriter writes it.
char *writeHead(char *out, Major major, quint64 argument)
{
    const auto byte = [](unsigned value) { return static_cast<char>(value); };
    if (argument < 24) {
        *out++ = byte(major | unsigned(argument));
        return out;
    }
    int size = 8;
    unsigned info = 27;
    if (argument <= 0xff) {
        size = 1;
        info = 24;
    } else if (argument <= 0xffff) {
        size = 2;
        info = 25;
    } else if (argument <= 0xffffffffu) {
        size = 4;
        info = 26;
    }
    *out++ = byte(major | info);
    for (int i = size - 1; i >= 0; --i)
        *out++ = byte(unsigned(argument >> (8 * i)) & 0xff);
    return out;
}

char *writeInteger(char *out, qint64 value)
{
    if (value < 0)
        return writeHead(out, MajorNegative, ~static_cast<quint64>(value)); // -1 - value
    return writeHead(out, MajorUnsigned, static_cast<quint64>(value));
}

char *writeBytes(char *out, Major major, QByteArrayView bytes)
{
    out = writeHead(out, major, quint64(bytes.size()));
    std::memcpy(out, bytes.data(), size_t(bytes.size()));
    return out + bytes.size();
}

// A text string whose bytes and head are known when compiling (the member names).
template<qsizetype N> char *writeKey(char *out, const char (&name)[N])
{
    static_assert(N - 1 < 256);
    out = writeHead(out, MajorText, N - 1);
    std::memcpy(out, name, N - 1);
    return out + N - 1;
}

bool isAscii(QByteArrayView bytes)
{
    unsigned char any = 0;
    for (const char c : bytes)
        any |= static_cast<unsigned char>(c);
    return any < 0x80;
}

// The body starts with the response map's head, the "Records" key and the records array's
// head; room for the longest of them is kept in front until finish().
constexpr qsizetype kKeyRecords = 1 + 7;
constexpr qsizetype kRoomInFront = 1 + kKeyRecords + kMaxHead;

} // namespace

CborGetRecordsEncoder::CborGetRecordsEncoder()
{
    commit(reserve(kRoomInFront) + kRoomInFront);
}

void CborGetRecordsEncoder::record(const RecordView &record)
{
    // The codec writes the key from the QString it decoded from the stored UTF-8; for ASCII
    // that is the stored bytes, otherwise the same conversion is made here.
    QByteArray converted;
    QByteArrayView partitionKey = record.partitionKey;
    if (!isAscii(partitionKey)) {
        converted = QString::fromUtf8(partitionKey).toUtf8();
        partitionKey = converted;
    }
    const bool encrypted = record.encryptionType != EncryptionType::None;
    const QByteArray encryption = encrypted ? toWire(record.encryptionType).toUtf8() : QByteArray();

    const qsizetype room = 96 + 5 * kMaxHead + SequenceNumber::kMaxTextLength + record.data.size() +
                           partitionKey.size() + encryption.size();
    char *out = reserve(room);
    out = writeHead(out, MajorMap, encrypted ? 5 : 4);
    out = writeKey(out, "SequenceNumber");
    char *text = out + 2; // a sequence number's head takes at most two bytes (129 digits)
    const qsizetype length = record.sequenceNumber.writeText(text);
    out = writeHead(out, MajorText, quint64(length));
    if (out != text)
        std::memmove(out, text, size_t(length));
    out += length;
    out = writeKey(out, "ApproximateArrivalTimestamp");
    out = writeHead(out, MajorTag, 1); // epoch-based date/time, as the Java SDK reads it
    out = writeInteger(out, record.approximateArrivalTimestamp);
    out = writeKey(out, "Data");
    out = writeBytes(out, MajorBytes, record.data);
    out = writeKey(out, "PartitionKey");
    out = writeBytes(out, MajorText, partitionKey);
    // Kinesis leaves EncryptionType out of records of unencrypted streams.
    if (encrypted) {
        out = writeKey(out, "EncryptionType");
        out = writeBytes(out, MajorText, encryption);
    }
    commit(out);
    ++m_count;
}

QByteArray CborGetRecordsEncoder::finish(const GetRecordsResponse &page)
{
    Q_ASSERT(page.records.isEmpty());
    // The codec's output for the page without records: the response map's head, "Records", an
    // empty array (one byte), then the other members, which follow the records unchanged.
    const QByteArray rest = WireCodec(WireFormat::Cbor).encode(page);
    constexpr qsizetype emptyRecords = 1 + kKeyRecords + 1;
    Q_ASSERT(rest.size() >= emptyRecords && rest.at(1 + kKeyRecords) == char(MajorArray));

    const QByteArrayView tail = QByteArrayView(rest).sliced(emptyRecords);
    char *out = reserve(tail.size());
    std::memcpy(out, tail.data(), size_t(tail.size()));
    commit(out + tail.size());

    char head[kRoomInFront];
    char *end = head;
    *end++ = rest.at(0); // the map's head: the codec counted the members
    std::memcpy(end, rest.constData() + 1, kKeyRecords);
    end += kKeyRecords;
    end = writeHead(end, MajorArray, m_count);
    QByteArray body = takeBody();
    const qsizetype unused = kRoomInFront - (end - head);
    std::memcpy(body.data() + unused, head, size_t(end - head));
    // Dropping bytes at the front of a QByteArray moves its start, not its bytes.
    body.remove(0, unused);
    return body;
}

} // namespace shardscope
