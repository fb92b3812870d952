#include "records/kplaggregation.h"

#include "kinesis/hashkey.h"
#include "kinesis/limits.h"

#include <QCryptographicHash>
#include <QHash>

#include <limits>

namespace shardscope {

namespace {

using namespace Qt::StringLiterals;

constexpr char kMagicBytes[] = {'\xF3', '\x89', '\x9A', '\xC2'};
constexpr qsizetype kMaxPartitionKeyLength = KinesisLimits::kMaxPartitionKeyLength;

// Protobuf wire types (developers.google.com/protocol-buffers/docs/encoding).
enum WireType : quint8
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5
};

// Field numbers of the KPL messages.
namespace field {
constexpr quint32 PartitionKeyTable = 1, ExplicitHashKeyTable = 2, Records = 3;
constexpr quint32 PartitionKeyIndex = 1, ExplicitHashKeyIndex = 2, Data = 3, Tags = 4;
constexpr quint32 TagKey = 1, TagValue = 2;
} // namespace field

KplError makeError(KplError::Kind kind, qsizetype offset, QString message)
{
    return KplError{kind, offset, std::move(message)};
}

struct FieldKey
{
    quint32 number = 0;
    WireType type = Varint;
    qsizetype offset = 0; // where the key starts
};

// A strict reader of protobuf wire format over [begin, end) of one buffer. Offsets it reports
// are absolute positions in that buffer. Never reads outside the range; every error says where.
class WireReader final
{
public:
    WireReader(QByteArrayView bytes, qsizetype begin, qsizetype end)
        : m_bytes(bytes), m_pos(begin), m_end(end)
    {}

    bool atEnd() const { return m_pos >= m_end; }
    qsizetype position() const { return m_pos; }

    std::expected<quint64, KplError> varint()
    {
        const qsizetype start = m_pos;
        quint64 value = 0;
        for (int i = 0; i < 10; ++i) {
            if (m_pos >= m_end)
                return std::unexpected(
                    makeError(KplError::Kind::Truncated, start,
                              KplAggregation::tr("Truncated protobuf: the varint at byte %1 runs "
                                                 "past the end of the message")
                                  .arg(start)));
            const auto byte = quint8(m_bytes[m_pos++]);
            if (i == 9 && byte > 1)
                break; // the tenth byte holds bit 63 only
            value |= quint64(byte & 0x7F) << (7 * i);
            if (!(byte & 0x80))
                return value;
        }
        return std::unexpected(makeError(
            KplError::Kind::Malformed, start,
            KplAggregation::tr("Malformed protobuf: the varint at byte %1 does not fit in 64 bits")
                .arg(start)));
    }

    std::expected<FieldKey, KplError> key()
    {
        const qsizetype start = m_pos;
        const auto raw = varint();
        if (!raw)
            return std::unexpected(raw.error());
        const quint64 number = *raw >> 3;
        const auto type = quint8(*raw & 7);
        if (number == 0 || number > (1u << 29) - 1)
            return std::unexpected(makeError(
                KplError::Kind::Malformed, start,
                KplAggregation::tr("Malformed protobuf: invalid field number %1 at byte %2")
                    .arg(number)
                    .arg(start)));
        if (type == StartGroup || type == EndGroup || type > Fixed32)
            return std::unexpected(makeError(
                KplError::Kind::Malformed, start,
                KplAggregation::tr("Malformed protobuf: unsupported wire type %1 at byte %2")
                    .arg(int(type))
                    .arg(start)));
        return FieldKey{quint32(number), WireType(type), start};
    }

    // The payload of a length-delimited field; returns its [begin, end) in the buffer.
    std::expected<std::pair<qsizetype, qsizetype>, KplError> lengthDelimited()
    {
        const qsizetype start = m_pos;
        const auto length = varint();
        if (!length)
            return std::unexpected(length.error());
        const auto remaining = quint64(m_end - m_pos);
        if (*length > remaining)
            return std::unexpected(
                makeError(KplError::Kind::Truncated, start,
                          KplAggregation::tr("Truncated protobuf: the field at byte %1 declares %2 "
                                             "bytes, but only %3 remain")
                              .arg(start)
                              .arg(*length)
                              .arg(remaining)));
        const qsizetype begin = m_pos;
        m_pos += qsizetype(*length);
        return std::pair{begin, m_pos};
    }

    std::expected<void, KplError> skip(const FieldKey &key)
    {
        switch (key.type) {
        case Varint:
            if (auto v = varint(); !v)
                return std::unexpected(v.error());
            return {};
        case LengthDelimited:
            if (auto l = lengthDelimited(); !l)
                return std::unexpected(l.error());
            return {};
        case Fixed64:
        case Fixed32: {
            const qsizetype width = key.type == Fixed64 ? 8 : 4;
            if (m_end - m_pos < width)
                return std::unexpected(
                    makeError(KplError::Kind::Truncated, key.offset,
                              KplAggregation::tr("Truncated protobuf: the fixed-width field at "
                                                 "byte %1 runs past the end of the message")
                                  .arg(key.offset)));
            m_pos += width;
            return {};
        }
        default:
            break;
        }
        return std::unexpected(
            makeError(KplError::Kind::Malformed, key.offset,
                      KplAggregation::tr("Malformed protobuf: unsupported wire type %1 at byte %2")
                          .arg(int(key.type))
                          .arg(key.offset)));
    }

private:
    QByteArrayView m_bytes;
    qsizetype m_pos;
    qsizetype m_end;
};

KplError wrongWireType(const FieldKey &key, const char *fieldName)
{
    return makeError(KplError::Kind::Malformed, key.offset,
                     KplAggregation::tr(
                         "Malformed protobuf: field %1 (%2) at byte %3 has the wrong wire type %4")
                         .arg(key.number)
                         .arg(QLatin1StringView(fieldName))
                         .arg(key.offset)
                         .arg(int(key.type)));
}

// A Record as read, before its key indexes are resolved against the tables.
struct RawRecord
{
    qsizetype offset = 0;
    std::optional<quint64> partitionKeyIndex;
    std::optional<quint64> explicitHashKeyIndex;
    std::optional<std::pair<qsizetype, qsizetype>> data;
    QList<KplTag> tags;
};

QString utf8(QByteArrayView bytes, std::pair<qsizetype, qsizetype> range)
{
    return QString::fromUtf8(bytes.sliced(range.first, range.second - range.first));
}

std::expected<KplTag, KplError> readTag(QByteArrayView bytes, std::pair<qsizetype, qsizetype> range)
{
    WireReader reader(bytes, range.first, range.second);
    std::optional<QString> tagKey;
    std::optional<QString> tagValue;
    while (!reader.atEnd()) {
        const auto key = reader.key();
        if (!key)
            return std::unexpected(key.error());
        if (key->number == field::TagKey || key->number == field::TagValue) {
            if (key->type != LengthDelimited)
                return std::unexpected(
                    wrongWireType(*key, key->number == field::TagKey ? "key" : "value"));
            const auto text = reader.lengthDelimited();
            if (!text)
                return std::unexpected(text.error());
            (key->number == field::TagKey ? tagKey : tagValue) = utf8(bytes, *text);
        } else if (auto skipped = reader.skip(*key); !skipped) {
            return std::unexpected(skipped.error());
        }
    }
    if (!tagKey)
        return std::unexpected(
            makeError(KplError::Kind::MissingRequiredField, range.first,
                      KplAggregation::tr("The tag at byte %1 has no key").arg(range.first)));
    return KplTag{*tagKey, tagValue};
}

std::expected<RawRecord, KplError> readRecord(QByteArrayView bytes,
                                              std::pair<qsizetype, qsizetype> range)
{
    WireReader reader(bytes, range.first, range.second);
    RawRecord record;
    record.offset = range.first;
    while (!reader.atEnd()) {
        const auto key = reader.key();
        if (!key)
            return std::unexpected(key.error());
        switch (key->number) {
        case field::PartitionKeyIndex:
        case field::ExplicitHashKeyIndex: {
            const bool isPartitionKey = key->number == field::PartitionKeyIndex;
            if (key->type != Varint)
                return std::unexpected(wrongWireType(
                    *key, isPartitionKey ? "partition_key_index" : "explicit_hash_key_index"));
            const auto index = reader.varint();
            if (!index)
                return std::unexpected(index.error());
            (isPartitionKey ? record.partitionKeyIndex : record.explicitHashKeyIndex) = *index;
            break;
        }
        case field::Data: {
            if (key->type != LengthDelimited)
                return std::unexpected(wrongWireType(*key, "data"));
            const auto data = reader.lengthDelimited();
            if (!data)
                return std::unexpected(data.error());
            record.data = *data;
            break;
        }
        case field::Tags: {
            if (key->type != LengthDelimited)
                return std::unexpected(wrongWireType(*key, "tags"));
            const auto tagRange = reader.lengthDelimited();
            if (!tagRange)
                return std::unexpected(tagRange.error());
            const auto tag = readTag(bytes, *tagRange);
            if (!tag)
                return std::unexpected(tag.error());
            record.tags.append(*tag);
            break;
        }
        default:
            if (auto skipped = reader.skip(*key); !skipped)
                return std::unexpected(skipped.error());
        }
    }
    return record;
}

// Varint encoding for the aggregator.
void appendVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char(quint8(value) | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

void appendKey(QByteArray &out, quint32 number, WireType type)
{
    appendVarint(out, (quint64(number) << 3) | type);
}

void appendBytes(QByteArray &out, quint32 number, QByteArrayView bytes)
{
    appendKey(out, number, LengthDelimited);
    appendVarint(out, quint64(bytes.size()));
    out.append(bytes);
}

// Index of `key` in the table, appending it on first use.
quint64 internKey(QStringList &table, QHash<QString, quint64> &indexes, const QString &key)
{
    const auto found = indexes.constFind(key);
    if (found != indexes.cend())
        return *found;
    const auto index = quint64(table.size());
    table.append(key);
    indexes.insert(key, index);
    return index;
}

} // namespace

QByteArrayView KplAggregation::magic()
{
    return QByteArrayView(kMagicBytes, kMagicSize);
}

bool KplAggregation::hasMagic(QByteArrayView payload)
{
    return payload.startsWith(magic());
}

std::expected<KplDeaggregation, KplError> KplAggregation::deaggregate(QByteArrayView payload)
{
    if (!hasMagic(payload))
        return std::unexpected(makeError(KplError::Kind::NotAggregated, 0,
                                         tr("Not a KPL aggregated record: it does not start with "
                                            "the magic number F3 89 9A C2")));
    if (payload.size() < kMagicSize + kChecksumSize)
        return std::unexpected(makeError(KplError::Kind::Truncated, payload.size(),
                                         tr("Truncated KPL record: %1 bytes is too short for the "
                                            "magic number and the MD5 checksum")
                                             .arg(payload.size())));

    const qsizetype protobufBegin = kMagicSize;
    const qsizetype protobufEnd = payload.size() - kChecksumSize;

    KplDeaggregation result;
    result.storedChecksum = payload.sliced(protobufEnd).toByteArray();
    result.computedChecksum = QCryptographicHash::hash(
        payload.sliced(protobufBegin, protobufEnd - protobufBegin), QCryptographicHash::Md5);

    QList<RawRecord> rawRecords;
    WireReader reader(payload, protobufBegin, protobufEnd);
    while (!reader.atEnd()) {
        const auto key = reader.key();
        if (!key)
            return std::unexpected(key.error());
        switch (key->number) {
        case field::PartitionKeyTable:
        case field::ExplicitHashKeyTable: {
            const bool isPartitionKey = key->number == field::PartitionKeyTable;
            if (key->type != LengthDelimited)
                return std::unexpected(wrongWireType(
                    *key, isPartitionKey ? "partition_key_table" : "explicit_hash_key_table"));
            const auto text = reader.lengthDelimited();
            if (!text)
                return std::unexpected(text.error());
            (isPartitionKey ? result.partitionKeyTable : result.explicitHashKeyTable)
                .append(utf8(payload, *text));
            break;
        }
        case field::Records: {
            if (key->type != LengthDelimited)
                return std::unexpected(wrongWireType(*key, "records"));
            const auto range = reader.lengthDelimited();
            if (!range)
                return std::unexpected(range.error());
            auto record = readRecord(payload, *range);
            if (!record)
                return std::unexpected(record.error());
            rawRecords.append(std::move(*record));
            break;
        }
        default:
            if (auto skipped = reader.skip(*key); !skipped)
                return std::unexpected(skipped.error());
        }
    }

    // Tables may come after the records that use them (protobuf fields can be in any order),
    // so indexes are resolved once the whole message is read.
    result.records.reserve(rawRecords.size());
    for (qsizetype i = 0; i < rawRecords.size(); ++i) {
        const RawRecord &raw = rawRecords[i];
        if (!raw.partitionKeyIndex)
            return std::unexpected(makeError(
                KplError::Kind::MissingRequiredField, raw.offset,
                tr("Sub-record %1 (byte %2) has no partition_key_index").arg(i).arg(raw.offset)));
        if (!raw.data)
            return std::unexpected(
                makeError(KplError::Kind::MissingRequiredField, raw.offset,
                          tr("Sub-record %1 (byte %2) has no data").arg(i).arg(raw.offset)));
        if (*raw.partitionKeyIndex >= quint64(result.partitionKeyTable.size()))
            return std::unexpected(
                makeError(KplError::Kind::IndexOutOfRange, raw.offset,
                          tr("Sub-record %1 (byte %2) uses partition key %3, but the table has %4")
                              .arg(i)
                              .arg(raw.offset)
                              .arg(*raw.partitionKeyIndex)
                              .arg(result.partitionKeyTable.size())));
        if (raw.explicitHashKeyIndex &&
            *raw.explicitHashKeyIndex >= quint64(result.explicitHashKeyTable.size()))
            return std::unexpected(makeError(
                KplError::Kind::IndexOutOfRange, raw.offset,
                tr("Sub-record %1 (byte %2) uses explicit hash key %3, but the table has %4")
                    .arg(i)
                    .arg(raw.offset)
                    .arg(*raw.explicitHashKeyIndex)
                    .arg(result.explicitHashKeyTable.size())));

        KplSubRecord sub;
        sub.index = i;
        sub.partitionKey = result.partitionKeyTable[qsizetype(*raw.partitionKeyIndex)];
        if (raw.explicitHashKeyIndex)
            sub.explicitHashKey = result.explicitHashKeyTable[qsizetype(*raw.explicitHashKeyIndex)];
        const auto [dataBegin, dataEnd] = *raw.data;
        sub.data = payload.sliced(dataBegin, dataEnd - dataBegin).toByteArray();
        sub.dataOffset = dataBegin;
        sub.tags = raw.tags;
        result.records.append(std::move(sub));
    }
    return result;
}

std::expected<QByteArray, KplError> KplAggregation::aggregate(const QList<KplUserRecord> &records)
{
    QStringList partitionKeys;
    QStringList explicitHashKeys;
    QHash<QString, quint64> partitionKeyIndexes;
    QHash<QString, quint64> explicitHashKeyIndexes;
    QByteArray encodedRecords;

    for (qsizetype i = 0; i < records.size(); ++i) {
        const KplUserRecord &record = records[i];
        if (record.partitionKey.isEmpty() || record.partitionKey.size() > kMaxPartitionKeyLength)
            return std::unexpected(
                makeError(KplError::Kind::InvalidUserRecord, i,
                          tr("User record %1: the partition key must have 1 to %2 characters")
                              .arg(i)
                              .arg(kMaxPartitionKeyLength)));
        if (record.explicitHashKey && !HashKey::fromDecimal(*record.explicitHashKey))
            return std::unexpected(makeError(KplError::Kind::InvalidUserRecord, i,
                                             tr("User record %1: the explicit hash key must be a "
                                                "decimal number from 0 to 2^128 - 1")
                                                 .arg(i)));
        for (const KplTag &tag : record.tags) {
            if (tag.key.isEmpty())
                return std::unexpected(
                    makeError(KplError::Kind::InvalidUserRecord, i,
                              tr("User record %1: a tag has an empty key").arg(i)));
        }

        QByteArray encoded;
        appendKey(encoded, field::PartitionKeyIndex, Varint);
        appendVarint(encoded, internKey(partitionKeys, partitionKeyIndexes, record.partitionKey));
        if (record.explicitHashKey) {
            appendKey(encoded, field::ExplicitHashKeyIndex, Varint);
            appendVarint(encoded, internKey(explicitHashKeys, explicitHashKeyIndexes,
                                            *record.explicitHashKey));
        }
        appendBytes(encoded, field::Data, record.data);
        for (const KplTag &tag : record.tags) {
            QByteArray encodedTag;
            appendBytes(encodedTag, field::TagKey, tag.key.toUtf8());
            if (tag.value)
                appendBytes(encodedTag, field::TagValue, tag.value->toUtf8());
            appendBytes(encoded, field::Tags, encodedTag);
        }
        appendBytes(encodedRecords, field::Records, encoded);
    }

    QByteArray protobuf;
    for (const QString &key : std::as_const(partitionKeys))
        appendBytes(protobuf, field::PartitionKeyTable, key.toUtf8());
    for (const QString &key : std::as_const(explicitHashKeys))
        appendBytes(protobuf, field::ExplicitHashKeyTable, key.toUtf8());
    protobuf.append(encodedRecords);

    QByteArray out;
    out.reserve(kMagicSize + protobuf.size() + kChecksumSize);
    out.append(magic());
    out.append(protobuf);
    out.append(QCryptographicHash::hash(protobuf, QCryptographicHash::Md5));
    return out;
}

} // namespace shardscope
