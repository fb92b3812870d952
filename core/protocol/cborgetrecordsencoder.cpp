#include "cborgetrecordsencoder.h"

#include "cborhead.h"

#include <cstring>

namespace shardscope {

namespace {

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
constexpr qsizetype kRoomInFront = 1 + kKeyRecords + CborHead::kMaxSize;

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

    const qsizetype room = 96 + 5 * CborHead::kMaxSize + SequenceNumber::kMaxTextLength +
                           record.data.size() + partitionKey.size() + encryption.size();
    char *out = reserve(room);
    out = CborHead::write(out, CborHead::Map, encrypted ? 5 : 4);
    out = CborHead::writeKey(out, "SequenceNumber");
    char *text = out + 2; // a sequence number's head takes at most two bytes (129 digits)
    const qsizetype length = record.sequenceNumber.writeText(text);
    out = CborHead::write(out, CborHead::Text, quint64(length));
    if (out != text)
        std::memmove(out, text, size_t(length));
    out += length;
    out = CborHead::writeKey(out, "ApproximateArrivalTimestamp");
    out = CborHead::write(out, CborHead::Tag, 1); // epoch-based date/time, as the Java SDK reads it
    out = CborHead::writeInteger(out, record.approximateArrivalTimestamp);
    out = CborHead::writeKey(out, "Data");
    out = CborHead::writeString(out, CborHead::Bytes, record.data);
    out = CborHead::writeKey(out, "PartitionKey");
    out = CborHead::writeString(out, CborHead::Text, partitionKey);
    // Kinesis leaves EncryptionType out of records of unencrypted streams.
    if (encrypted) {
        out = CborHead::writeKey(out, "EncryptionType");
        out = CborHead::writeString(out, CborHead::Text, encryption);
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
    Q_ASSERT(rest.size() >= emptyRecords && rest.at(1 + kKeyRecords) == char(CborHead::Array));

    const QByteArrayView tail = QByteArrayView(rest).sliced(emptyRecords);
    char *out = reserve(tail.size());
    std::memcpy(out, tail.data(), size_t(tail.size()));
    commit(out + tail.size());

    char head[kRoomInFront];
    char *end = head;
    *end++ = rest.at(0); // the map's head: the codec counted the members
    std::memcpy(end, rest.constData() + 1, kKeyRecords);
    end += kKeyRecords;
    end = CborHead::write(end, CborHead::Array, m_count);
    QByteArray body = takeBody();
    const qsizetype unused = kRoomInFront - (end - head);
    std::memcpy(body.data() + unused, head, size_t(end - head));
    // Dropping bytes at the front of a QByteArray moves its start, not its bytes.
    body.remove(0, unused);
    return body;
}

} // namespace shardscope
