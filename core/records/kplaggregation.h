#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <expected>
#include <optional>

namespace shardscope {

// A tag on a KPL user record (KPL `Tag { required string key; optional string value; }`).
struct KplTag
{
    QString key;
    std::optional<QString> value;

    friend bool operator==(const KplTag &, const KplTag &) = default;
};

// One user record inside an aggregated Kinesis record.
struct KplSubRecord
{
    qsizetype index = 0; // position in the aggregate: the KCL's sub-sequence number
    QString partitionKey;
    std::optional<QString> explicitHashKey;
    QByteArray data;
    QList<KplTag> tags;
    qsizetype dataOffset = 0; // where `data` starts in the aggregated payload, for the hex view
};

// What de-aggregation found. A checksum mismatch is not an error: the sub-records are still
// listed (the inspector shows them with a warning), but the KCL would treat such a record as
// not aggregated and hand it to the application as it is.
struct KplDeaggregation
{
    QList<KplSubRecord> records;
    QStringList partitionKeyTable;
    QStringList explicitHashKeyTable;
    QByteArray storedChecksum;   // the 16-byte MD5 trailer
    QByteArray computedChecksum; // MD5 of the protobuf bytes
    bool checksumMatches() const { return storedChecksum == computedChecksum; }
};

// Why a payload could not be de-aggregated; `offset` is the byte in the payload where the
// problem is (for the hex view), or for InvalidUserRecord the index of the user record;
// `message` is for the user.
struct KplError
{
    enum class Kind
    {
        NotAggregated,        // no KPL magic number
        Truncated,            // a field or the trailer runs past the end
        Malformed,            // bad varint, wire type or field number
        MissingRequiredField, // a Record without partition_key_index or data, a Tag without key
        IndexOutOfRange,      // a key-table index that points past its table
        InvalidUserRecord,    // (aggregating) a user record Kinesis would reject
    };
    Kind kind = Kind::Malformed;
    qsizetype offset = 0;
    QString message;
};

// A user record to aggregate.
struct KplUserRecord
{
    QString partitionKey;
    std::optional<QString> explicitHashKey; // decimal, 0 .. 2^128 - 1
    QByteArray data;
    QList<KplTag> tags;
};

// The KPL aggregated record format
// (github.com/awslabs/amazon-kinesis-producer/blob/master/aggregation-format.md):
//   F3 89 9A C2 | protobuf AggregatedRecord | MD5 of the protobuf bytes (16 bytes)
// de-aggregated with a strict protobuf wire-format reader that checks every bound: the bytes
// come from a stream anyone could write to. Stateless, pure functions; any thread.
class KplAggregation final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::KplAggregation)

public:
    static constexpr qsizetype kMagicSize = 4;
    static constexpr qsizetype kChecksumSize = 16;
    static QByteArrayView magic();

    // True when the payload starts with the magic number (it may still fail to de-aggregate).
    static bool hasMagic(QByteArrayView payload);

    static std::expected<KplDeaggregation, KplError> deaggregate(QByteArrayView payload);

    // Encodes as the KPL does: key tables in first-use order, then the records, then the MD5.
    // Rejects user records that PutRecord would reject: an empty or over-long (256 characters)
    // partition key, an explicit hash key that is not a decimal in [0, 2^128 - 1].
    static std::expected<QByteArray, KplError> aggregate(const QList<KplUserRecord> &records);
};

} // namespace shardscope
