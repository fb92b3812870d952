// libFuzzer target for the wire codec (JSON 1.1 and CBOR) and the streamed GetRecords encoders.
// The first input byte chooses the format and what is checked; the rest is the input.
//
// - A body is decoded as one of the message types. Decoding must never crash, leak or trip a
//   sanitizer, whatever the bytes; an error value is a fine answer. A message that decodes is
//   encoded again, and that encoding must decode to an equal message (every member compared;
//   in requests, null and empty strings told apart): otherwise the target aborts, naming the
//   type and the member that changed.
// - The bytes describe a GetRecords page (rows of any keys, data, times and sequence numbers):
//   the streamed encoder's body must equal, byte for byte, the codec's body for the same page.
// - A PutRecords body the fast reader (PutRecordsReader) takes must decode through the codec to
//   the same request, null and empty strings apart.
// - The bytes describe a PutRecords response: PutRecordsWriter's body must be the codec's.

#include "protocol/getrecordsencoder.h"
#include "protocol/putrecordsreader.h"
#include "protocol/putrecordswriter.h"
#include "protocol/wirecodec.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <tuple>
#include <type_traits>

using namespace shardscope;

namespace {

[[noreturn]] void mismatch(const char *what, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz_wirecodec: %s\n%s\n", what, detail.constData());
    std::abort();
}

// ---------------------------------------------------------------------------------------------
// Member-wise equality of the api.h structs, written here rather than as operator== so the
// target does not depend on which structs define one. Each struct lists its members once; the
// names make the mismatch message.
#define SHARDSCOPE_FIELDS(T, ...)                                                                  \
    [[maybe_unused]] auto fields([[maybe_unused]] const T &x)                                      \
    {                                                                                              \
        return std::tie(__VA_ARGS__);                                                              \
    }                                                                                              \
    [[maybe_unused]] const char *fieldNames(const T &)                                             \
    {                                                                                              \
        return #__VA_ARGS__;                                                                       \
    }                                                                                              \
    [[maybe_unused]] const char *typeName(const T &)                                               \
    {                                                                                              \
        return #T;                                                                                 \
    }
SHARDSCOPE_FIELDS(StreamTarget, x.streamName, x.streamArn)
SHARDSCOPE_FIELDS(Tag, x.key, x.value)
SHARDSCOPE_FIELDS(Shard, x.shardId, x.parentShardId, x.adjacentParentShardId, x.hashKeyRange,
                  x.startingSequenceNumber, x.endingSequenceNumber)
SHARDSCOPE_FIELDS(ChildShard, x.shardId, x.parentShards, x.hashKeyRange)
// explicitHashKey is not part of the GetRecords wire shape.
SHARDSCOPE_FIELDS(Record, x.sequenceNumber, x.approximateArrivalTimestamp, x.data, x.partitionKey,
                  x.encryptionType)
SHARDSCOPE_FIELDS(StreamSummary, x.streamName, x.streamArn, x.streamStatus, x.streamMode,
                  x.streamCreationTimestamp)
SHARDSCOPE_FIELDS(StreamDescription, x.streamName, x.streamArn, x.streamStatus, x.streamMode,
                  x.shards, x.hasMoreShards, x.retentionPeriodHours, x.streamCreationTimestamp,
                  x.encryptionType, x.keyId)
SHARDSCOPE_FIELDS(StreamDescriptionSummary, x.streamName, x.streamArn, x.streamId, x.streamStatus,
                  x.streamMode, x.retentionPeriodHours, x.streamCreationTimestamp, x.encryptionType,
                  x.keyId, x.openShardCount, x.consumerCount, x.maxRecordSizeInKiB)
SHARDSCOPE_FIELDS(EmptyMessage)
SHARDSCOPE_FIELDS(CreateStreamRequest, x.streamName, x.shardCount, x.streamMode, x.tags,
                  x.maxRecordSizeInKiB)
SHARDSCOPE_FIELDS(DeleteStreamRequest, x.target, x.enforceConsumerDeletion)
SHARDSCOPE_FIELDS(ListStreamsRequest, x.limit, x.exclusiveStartStreamName, x.nextToken)
SHARDSCOPE_FIELDS(ListStreamsResponse, x.streamNames, x.hasMoreStreams, x.nextToken,
                  x.streamSummaries)
SHARDSCOPE_FIELDS(DescribeStreamRequest, x.target, x.limit, x.exclusiveStartShardId)
SHARDSCOPE_FIELDS(ShardFilter, x.type, x.shardId, x.timestamp)
SHARDSCOPE_FIELDS(ListShardsRequest, x.target, x.nextToken, x.exclusiveStartShardId, x.maxResults,
                  x.streamCreationTimestamp, x.shardFilter)
SHARDSCOPE_FIELDS(ListShardsResponse, x.shards, x.nextToken)
SHARDSCOPE_FIELDS(PutRecordRequest, x.target, x.data, x.partitionKey, x.explicitHashKey,
                  x.sequenceNumberForOrdering)
SHARDSCOPE_FIELDS(PutRecordResponse, x.shardId, x.sequenceNumber, x.encryptionType)
SHARDSCOPE_FIELDS(PutRecordsRequestEntry, x.data, x.partitionKey, x.explicitHashKey)
SHARDSCOPE_FIELDS(PutRecordsRequest, x.target, x.records)
SHARDSCOPE_FIELDS(PutRecordsResultEntry, x.sequenceNumber, x.shardId, x.errorCode, x.errorMessage)
SHARDSCOPE_FIELDS(PutRecordsResponse, x.failedRecordCount, x.records, x.encryptionType)
SHARDSCOPE_FIELDS(GetShardIteratorRequest, x.target, x.shardId, x.shardIteratorType,
                  x.startingSequenceNumber, x.timestamp)
SHARDSCOPE_FIELDS(GetShardIteratorResponse, x.shardIterator)
SHARDSCOPE_FIELDS(GetRecordsRequest, x.shardIterator, x.limit, x.streamArn)
SHARDSCOPE_FIELDS(GetRecordsResponse, x.records, x.nextShardIterator, x.millisBehindLatest,
                  x.childShards)
SHARDSCOPE_FIELDS(SplitShardRequest, x.target, x.shardToSplit, x.newStartingHashKey)
SHARDSCOPE_FIELDS(MergeShardsRequest, x.target, x.shardToMerge, x.adjacentShardToMerge)
SHARDSCOPE_FIELDS(UpdateShardCountRequest, x.target, x.targetShardCount, x.scalingType)
SHARDSCOPE_FIELDS(UpdateShardCountResponse, x.streamName, x.currentShardCount, x.targetShardCount,
                  x.streamArn)
SHARDSCOPE_FIELDS(RetentionPeriodRequest, x.target, x.retentionPeriodHours)
SHARDSCOPE_FIELDS(UpdateMaxRecordSizeRequest, x.target, x.maxRecordSizeInKiB)
SHARDSCOPE_FIELDS(UpdateStreamModeRequest, x.streamArn, x.streamMode)
SHARDSCOPE_FIELDS(StartStreamEncryptionRequest, x.target, x.encryptionType, x.keyId)
SHARDSCOPE_FIELDS(StopStreamEncryptionRequest, x.target, x.encryptionType, x.keyId)
SHARDSCOPE_FIELDS(AddTagsToStreamRequest, x.target, x.tags)
SHARDSCOPE_FIELDS(RemoveTagsFromStreamRequest, x.target, x.tagKeys)
SHARDSCOPE_FIELDS(ListTagsForStreamRequest, x.target, x.exclusiveStartTagKey, x.limit)
SHARDSCOPE_FIELDS(ListTagsForStreamResponse, x.tags, x.hasMoreTags)
SHARDSCOPE_FIELDS(TagResourceRequest, x.resourceArn, x.tags)
SHARDSCOPE_FIELDS(UntagResourceRequest, x.resourceArn, x.tagKeys)
SHARDSCOPE_FIELDS(ListTagsForResourceRequest, x.resourceArn)
SHARDSCOPE_FIELDS(ListTagsForResourceResponse, x.tags)
SHARDSCOPE_FIELDS(DescribeLimitsResponse, x.shardLimit, x.openShardCount, x.onDemandStreamCount,
                  x.onDemandStreamCountLimit)
SHARDSCOPE_FIELDS(RegisterStreamConsumerRequest, x.streamArn, x.consumerName, x.tags)
SHARDSCOPE_FIELDS(Consumer, x.consumerName, x.consumerArn, x.consumerStatus,
                  x.consumerCreationTimestamp)
SHARDSCOPE_FIELDS(ConsumerTarget, x.streamArn, x.consumerName, x.consumerArn)
SHARDSCOPE_FIELDS(ConsumerDescription, x.consumerName, x.consumerArn, x.consumerStatus,
                  x.consumerCreationTimestamp, x.streamArn)
SHARDSCOPE_FIELDS(ListStreamConsumersRequest, x.streamArn, x.nextToken, x.maxResults,
                  x.streamCreationTimestamp)
SHARDSCOPE_FIELDS(ListStreamConsumersResponse, x.consumers, x.nextToken)
#undef SHARDSCOPE_FIELDS

// Where two values differ ("" when equal): the path of members and list positions, and both
// values.
template<typename T> QByteArray differs(const T &a, const T &b, bool strictNull);

// The name of the member at `index` in a fieldNames() list ("x.a, x.b, ...").
QByteArray memberName(const char *names, std::size_t index)
{
    const QList<QByteArray> all = QByteArray(names).split(',');
    return index < std::size_t(all.size()) ? all[qsizetype(index)].trimmed().mid(1) : QByteArray();
}

template<typename T, std::size_t... I>
QByteArray differsMembers(const T &a, const T &b, bool strictNull, std::index_sequence<I...>)
{
    [[maybe_unused]] const auto x = fields(a);
    [[maybe_unused]] const auto y = fields(b);
    QByteArray where;
    [[maybe_unused]] const auto check = [&](std::size_t index, const auto &left,
                                            const auto &right) {
        if (!where.isEmpty())
            return;
        if (const QByteArray inner = differs(left, right, strictNull); !inner.isEmpty())
            where = memberName(fieldNames(a), index) + inner;
    };
    (check(I, std::get<I>(x), std::get<I>(y)), ...);
    return where;
}

template<typename T> QByteArray differs(const T &a, const T &b, bool strictNull)
{
    if constexpr (std::is_same_v<T, QString>) {
        if (a != b || (strictNull && a.isNull() != b.isNull()))
            return ": \"" + a.toUtf8() + "\"" + (a.isNull() ? " (null)" : "") + " != \"" +
                   b.toUtf8() + "\"" + (b.isNull() ? " (null)" : "");
        return {};
    } else if constexpr (std::is_same_v<T, QByteArray>) {
        if (a != b || (strictNull && a.isNull() != b.isNull()))
            return ": " + a.toHex() + (a.isNull() ? " (null)" : "") + " != " + b.toHex() +
                   (b.isNull() ? " (null)" : "");
        return {};
    } else if constexpr (std::is_same_v<T, SequenceNumber>) {
        if (a != b || a.toString() != b.toString())
            return ": " + a.toString().toUtf8() + " != " + b.toString().toUtf8();
        return {};
    } else if constexpr (std::is_same_v<T, HashKey>) {
        return a == b ? QByteArray()
                      : ": " + a.toDecimal().toUtf8() + " != " + b.toDecimal().toUtf8();
    } else if constexpr (std::is_same_v<T, HashKeyRange>) {
        QByteArray where = differs(a.start, b.start, strictNull);
        return where.isEmpty() ? differs(a.end, b.end, strictNull) : where;
    } else if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
        if (a != b)
            return ": " + QByteArray::number(qint64(a)) + " != " + QByteArray::number(qint64(b));
        return {};
    } else if constexpr (requires {
                             a.has_value();
                             *a;
                         }) {
        if (a.has_value() != b.has_value())
            return a.has_value() ? QByteArray(": present != absent")
                                 : QByteArray(": absent != present");
        return a ? differs(*a, *b, strictNull) : QByteArray();
    } else if constexpr (requires {
                             a.keys();
                             a.values();
                         }) {
        if (a.size() != b.size())
            return ": " + QByteArray::number(a.size()) +
                   " entries != " + QByteArray::number(b.size());
        QByteArray where = differs(a.keys(), b.keys(), strictNull);
        return where.isEmpty() ? differs(a.values(), b.values(), strictNull) : "{keys}" + where;
    } else if constexpr (requires {
                             a.size();
                             a.at(0);
                         }) {
        if (a.size() != b.size())
            return ": " + QByteArray::number(a.size()) +
                   " elements != " + QByteArray::number(b.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (QByteArray where = differs(a.at(i), b.at(i), strictNull); !where.isEmpty())
                return "[" + QByteArray::number(i) + "]" + where;
        }
        return {};
    } else {
        using Fields = decltype(fields(a));
        return differsMembers(a, b, strictNull,
                              std::make_index_sequence<std::tuple_size_v<Fields>>());
    }
}

// ---------------------------------------------------------------------------------------------
// Decode, encode, decode again.

// Requests keep an absent string apart from an empty one (the engine answers `Value null` for
// one and `Value ''` for the other), so they must come back as they were. Responses always
// carry their required members: an absent one comes back empty, which is the same to a client.
template<typename T>
constexpr bool kIsResponse =
    std::is_same_v<T, ListStreamsResponse> || std::is_same_v<T, StreamDescription> ||
    std::is_same_v<T, StreamDescriptionSummary> || std::is_same_v<T, ListShardsResponse> ||
    std::is_same_v<T, PutRecordResponse> || std::is_same_v<T, PutRecordsResponse> ||
    std::is_same_v<T, GetShardIteratorResponse> || std::is_same_v<T, GetRecordsResponse> ||
    std::is_same_v<T, UpdateShardCountResponse> || std::is_same_v<T, ListTagsForStreamResponse> ||
    std::is_same_v<T, ListTagsForResourceResponse> || std::is_same_v<T, DescribeLimitsResponse> ||
    std::is_same_v<T, Consumer> || std::is_same_v<T, ConsumerDescription> ||
    std::is_same_v<T, ListStreamConsumersResponse>;

template<typename T> void decodeAndReencode(const WireCodec &codec, const QByteArray &body)
{
    const auto decoded = codec.decode<T>(body);
    if (!decoded) {
        (void)codec.encodeError(decoded.error());
        return;
    }
    const char *format = codec.format() == WireFormat::Json ? "JSON" : "CBOR";
    const QByteArray again = codec.encode(*decoded);
    const auto second = codec.decode<T>(again);
    if (!second)
        mismatch("a re-encoded message does not decode",
                 QByteArray(format) + " " + typeName(*decoded) + ": " +
                     second.error().typeName().toUtf8() + ": " + second.error().message.toUtf8() +
                     "\nre-encoded: " + again.toHex());
    if (const QByteArray where = differs(*decoded, *second, !kIsResponse<T>); !where.isEmpty())
        mismatch("a re-encoded message decodes to a different message",
                 QByteArray(format) + " " + typeName(*decoded) + " member " + where +
                     "\nre-encoded: " + again.toHex());
}

// ---------------------------------------------------------------------------------------------
// A GetRecords page from the bytes, streamed and encoded by the codec.

class Bytes
{
public:
    Bytes(const uint8_t *data, size_t size) : m_data(data), m_left(size) {}
    bool empty() const { return m_left == 0; }
    uint8_t byte()
    {
        if (m_left == 0)
            return 0;
        --m_left;
        return *m_data++;
    }
    quint64 integer(int bytes)
    {
        quint64 value = 0;
        for (int i = 0; i < bytes; ++i)
            value = (value << 8) | byte();
        return value;
    }
    QByteArray blob(int maxSize)
    {
        const size_t size = std::min<size_t>(byte() % (maxSize + 1), m_left);
        QByteArray out(reinterpret_cast<const char *>(m_data), qsizetype(size));
        m_data += size;
        m_left -= size;
        return out;
    }

private:
    const uint8_t *m_data;
    size_t m_left;
};

struct Row
{
    SequenceNumber sequenceNumber;
    qint64 arrivalMs = 0;
    QByteArray partitionKey;
    QByteArray data;
    std::optional<HashKey> explicitHashKey;
    EncryptionType encryptionType = EncryptionType::None;
};

void streamedGetRecords(WireFormat format, Bytes in)
{
    QList<Row> rows;
    GetRecordsResponse page;
    while (!in.empty() && rows.size() < 64) {
        Row row;
        const uint8_t flags = in.byte();
        if (flags & 1) {
            // Any number of the wire pattern: AWS's 56 digits, kinesalite's, "0", 129 digits.
            QString digits = QString::number(1 + in.byte() % 9);
            const int more = in.byte() % 129;
            for (int i = 0; i < more; ++i)
                digits += QChar(u'0' + in.byte() % 10);
            row.sequenceNumber = SequenceNumber::fromWire(flags & 2 ? QStringLiteral("0") : digits)
                                     .value_or(SequenceNumber{});
        } else {
            row.sequenceNumber = SequenceNumber{qint64(in.integer(8) >> 1), quint32(in.integer(4))};
        }
        row.arrivalMs = qint64(in.integer(8)) >> (in.byte() % 64);
        row.partitionKey = in.blob(255);
        row.data = in.blob(flags & 4 ? 255 : 8);
        if (flags & 8)
            row.explicitHashKey = HashKey{(uint128(in.integer(8)) << 64) | in.integer(8)};
        row.encryptionType = flags & 16 ? EncryptionType::Kms : EncryptionType::None;
        rows.append(row);
    }
    if (rows.size() % 2)
        page.nextShardIterator = QString::fromUtf8(rows.constLast().partitionKey);
    else if (!rows.isEmpty())
        page.childShards = QList<ChildShard>{
            ChildShard{QString::fromUtf8(rows.constFirst().partitionKey),
                       {QStringLiteral("shardId-000000000000")},
                       HashKeyRange{HashKey{0}, HashKey{uint128(rows.size()) << 100}}}};
    page.millisBehindLatest = rows.isEmpty() ? 0 : rows.constLast().arrivalMs;

    const auto encoder = GetRecordsEncoder::create(format);
    GetRecordsResponse objects = page;
    for (const Row &row : rows) {
        RecordView view;
        view.sequenceNumber = row.sequenceNumber;
        view.approximateArrivalTimestamp = row.arrivalMs;
        view.partitionKey = row.partitionKey;
        view.data = row.data;
        view.explicitHashKey = row.explicitHashKey;
        view.encryptionType = row.encryptionType;
        encoder->record(view);
        Record record;
        record.sequenceNumber = row.sequenceNumber;
        record.approximateArrivalTimestamp = row.arrivalMs;
        record.data = row.data;
        record.partitionKey = QString::fromUtf8(row.partitionKey);
        record.encryptionType = row.encryptionType;
        record.explicitHashKey = row.explicitHashKey;
        objects.records.append(record);
    }
    const QByteArray body = encoder->finish(page);
    const WireCodec codec(format);
    const QByteArray expected = codec.encode(objects);
    if (body != expected)
        mismatch("the streamed GetRecords body differs from the codec's",
                 QByteArray(format == WireFormat::Json ? "JSON" : "CBOR") +
                     "\nstreamed: " + body.toHex() + "\ncodec:    " + expected.toHex());
}

void putRecordsReader(WireFormat format, const QByteArray &body)
{
    const auto read = PutRecordsReader::read(format, body);
    if (!read)
        return;
    const char *name = format == WireFormat::Json ? "JSON" : "CBOR";
    const auto decoded = WireCodec(format).decode<PutRecordsRequest>(body);
    if (!decoded)
        mismatch("PutRecordsReader took a body the codec rejects",
                 QByteArray(name) + ": " + decoded.error().message.toUtf8() +
                     "\nbody: " + body.toHex());
    if (const QByteArray where = differs(*read, *decoded, true); !where.isEmpty())
        mismatch("PutRecordsReader read a body otherwise than the codec",
                 QByteArray(name) + " PutRecordsRequest member " + where +
                     "\nbody: " + body.toHex());
}

void putRecordsWriter(WireFormat format, Bytes in)
{
    PutRecordsResponse response;
    response.failedRecordCount = int(in.integer(4));
    response.encryptionType = in.byte() & 1 ? EncryptionType::Kms : EncryptionType::None;
    // A string from the bytes: absent, empty or any text (invalid UTF-8 becomes U+FFFD).
    const auto text = [&in](uint8_t flags) -> QString {
        if (!(flags & 1))
            return {};
        const QByteArray bytes = in.blob(flags & 2 ? 255 : 24);
        return bytes.isEmpty() ? QStringLiteral("") : QString::fromUtf8(bytes);
    };
    while (!in.empty() && response.records.size() < 64) {
        const uint8_t flags = in.byte();
        PutRecordsResultEntry entry;
        if (flags & 1) {
            if (flags & 2)
                entry.sequenceNumber = SequenceNumber::fromWire(QString::number(in.integer(8)));
            else
                entry.sequenceNumber =
                    SequenceNumber{qint64(in.integer(8) >> 1), quint32(in.integer(4))};
        }
        entry.shardId = text(flags >> 2);
        entry.errorCode = text(flags >> 4);
        entry.errorMessage = text(flags >> 6);
        response.records.append(entry);
    }
    const QByteArray written = PutRecordsWriter::write(format, response);
    const QByteArray expected = WireCodec(format).encode(response);
    if (written != expected)
        mismatch("PutRecordsWriter's body differs from the codec's",
                 QByteArray(format == WireFormat::Json ? "JSON" : "CBOR") +
                     "\nwriter: " + written.toHex() + "\ncodec:  " + expected.toHex());
}

using Check = void (*)(const WireCodec &, const QByteArray &);

// In the order of the first byte's upper bits; new entries go at the end so the seed corpus
// keeps its meaning.
constexpr Check kChecks[] = {
    &decodeAndReencode<CreateStreamRequest>,
    &decodeAndReencode<DeleteStreamRequest>,
    &decodeAndReencode<ListStreamsRequest>,
    &decodeAndReencode<DescribeStreamRequest>,
    &decodeAndReencode<StreamTarget>,
    &decodeAndReencode<ListShardsRequest>,
    &decodeAndReencode<PutRecordRequest>,
    &decodeAndReencode<PutRecordsRequest>,
    &decodeAndReencode<GetShardIteratorRequest>,
    &decodeAndReencode<GetRecordsRequest>,
    &decodeAndReencode<SplitShardRequest>,
    &decodeAndReencode<MergeShardsRequest>,
    &decodeAndReencode<UpdateShardCountRequest>,
    &decodeAndReencode<RetentionPeriodRequest>,
    &decodeAndReencode<UpdateMaxRecordSizeRequest>,
    &decodeAndReencode<UpdateStreamModeRequest>,
    &decodeAndReencode<AddTagsToStreamRequest>,
    &decodeAndReencode<RemoveTagsFromStreamRequest>,
    &decodeAndReencode<ListTagsForStreamRequest>,
    &decodeAndReencode<TagResourceRequest>,
    &decodeAndReencode<UntagResourceRequest>,
    &decodeAndReencode<ListTagsForResourceRequest>,
    &decodeAndReencode<GetRecordsResponse>, // the client side from here on
    [](const WireCodec &codec, const QByteArray &body) { (void)codec.decodeError(body); },
    &decodeAndReencode<EmptyMessage>,
    &decodeAndReencode<StartStreamEncryptionRequest>,
    &decodeAndReencode<StopStreamEncryptionRequest>,
    &decodeAndReencode<RegisterStreamConsumerRequest>,
    &decodeAndReencode<ConsumerTarget>,
    &decodeAndReencode<ListStreamConsumersRequest>,
    &decodeAndReencode<ListStreamsResponse>,
    &decodeAndReencode<StreamDescription>,
    &decodeAndReencode<StreamDescriptionSummary>,
    &decodeAndReencode<ListShardsResponse>,
    &decodeAndReencode<PutRecordResponse>,
    &decodeAndReencode<PutRecordsResponse>,
    &decodeAndReencode<GetShardIteratorResponse>,
    &decodeAndReencode<UpdateShardCountResponse>,
    &decodeAndReencode<ListTagsForStreamResponse>,
    &decodeAndReencode<ListTagsForResourceResponse>,
    &decodeAndReencode<DescribeLimitsResponse>,
    &decodeAndReencode<Consumer>,
    &decodeAndReencode<ConsumerDescription>,
    &decodeAndReencode<ListStreamConsumersResponse>,
};
constexpr int kCheckCount = int(std::size(kChecks));

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const WireFormat format = data[0] & 1 ? WireFormat::Cbor : WireFormat::Json;
    // Three more choices than checks, after them: the streamed GetRecords page, the PutRecords
    // reader and the PutRecords writer.
    const int choice = (data[0] >> 1) % (kCheckCount + 3);
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    if (choice == kCheckCount)
        streamedGetRecords(format, Bytes(data + 1, size - 1));
    else if (choice == kCheckCount + 1)
        putRecordsReader(format, body);
    else if (choice == kCheckCount + 2)
        putRecordsWriter(format, Bytes(data + 1, size - 1));
    else
        kChecks[choice](WireCodec(format), body);
    return 0;
}
