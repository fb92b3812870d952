#pragma once

#include "kinesis/api.h"
#include "kinesis/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCborMap>

#include <concepts>
#include <expected>
#include <optional>

namespace shardscope {

// The two body formats Kinesis speaks. JSON 1.1 is what the CLI, boto3 and the JS SDK send;
// CBOR 1.1 is what the Java SDKs (and so the KCL) send by default.
enum class WireFormat
{
    Json,
    Cbor
};

// The body of operations without input (DescribeLimits) or without output (CreateStream, ...):
// `{}` on the wire.
struct EmptyMessage
{
    bool operator==(const EmptyMessage &) const = default;
};

// Every type the codec maps. Requests and responses are distinct types, except that
// DescribeStreamSummary's input is a bare StreamTarget and the output of DescribeStream /
// DescribeStreamSummary is StreamDescription / StreamDescriptionSummary (wrapped on the wire).
// Likewise DescribeStreamConsumer and DeregisterStreamConsumer take a ConsumerTarget, and the
// output of RegisterStreamConsumer / DescribeStreamConsumer is Consumer / ConsumerDescription
// (wrapped as {"Consumer": ...} / {"ConsumerDescription": ...}).
template<typename T>
concept WireMessage = std::same_as<T, EmptyMessage> || std::same_as<T, StreamTarget> ||
    std::same_as<T, CreateStreamRequest> || std::same_as<T, DeleteStreamRequest> ||
    std::same_as<T, ListStreamsRequest> || std::same_as<T, ListStreamsResponse> ||
    std::same_as<T, DescribeStreamRequest> || std::same_as<T, StreamDescription> ||
    std::same_as<T, StreamDescriptionSummary> || std::same_as<T, ListShardsRequest> ||
    std::same_as<T, ListShardsResponse> || std::same_as<T, PutRecordRequest> ||
    std::same_as<T, PutRecordResponse> || std::same_as<T, PutRecordsRequest> ||
    std::same_as<T, PutRecordsResponse> || std::same_as<T, GetShardIteratorRequest> ||
    std::same_as<T, GetShardIteratorResponse> || std::same_as<T, GetRecordsRequest> ||
    std::same_as<T, GetRecordsResponse> || std::same_as<T, SplitShardRequest> ||
    std::same_as<T, MergeShardsRequest> || std::same_as<T, UpdateShardCountRequest> ||
    std::same_as<T, UpdateShardCountResponse> || std::same_as<T, RetentionPeriodRequest> ||
    std::same_as<T, UpdateMaxRecordSizeRequest> || std::same_as<T, UpdateStreamModeRequest> ||
    std::same_as<T, AddTagsToStreamRequest> || std::same_as<T, RemoveTagsFromStreamRequest> ||
    std::same_as<T, ListTagsForStreamRequest> || std::same_as<T, ListTagsForStreamResponse> ||
    std::same_as<T, TagResourceRequest> || std::same_as<T, UntagResourceRequest> ||
    std::same_as<T, ListTagsForResourceRequest> || std::same_as<T, ListTagsForResourceResponse> ||
    std::same_as<T, DescribeLimitsResponse> || std::same_as<T, StartStreamEncryptionRequest> ||
    std::same_as<T, StopStreamEncryptionRequest> || std::same_as<T, RegisterStreamConsumerRequest> ||
    std::same_as<T, Consumer> || std::same_as<T, ConsumerTarget> ||
    std::same_as<T, ConsumerDescription> || std::same_as<T, ListStreamConsumersRequest> ||
    std::same_as<T, ListStreamConsumersResponse> ||
    // The control plane (DescribeAccountSettings takes an EmptyMessage).
    std::same_as<T, EnhancedMonitoringRequest> || std::same_as<T, EnhancedMonitoringResponse> ||
    std::same_as<T, UpdateStreamWarmThroughputRequest> ||
    std::same_as<T, UpdateStreamWarmThroughputResponse> || std::same_as<T, AccountSettings> ||
    std::same_as<T, UpdateAccountSettingsRequest> || std::same_as<T, PutResourcePolicyRequest> ||
    std::same_as<T, ResourcePolicyTarget> || std::same_as<T, GetResourcePolicyResponse> ||
    // SubscribeToShard's input, and the payload of each SubscribeToShardEvent it streams.
    std::same_as<T, SubscribeToShardRequest> || std::same_as<T, SubscribeToShardEvent>;

// Maps between the Kinesis wire (JSON 1.1 or CBOR 1.1) and the api.h structs, both ways, for
// requests and responses alike: the server decodes requests and encodes responses, the AWS
// client does the opposite, so one codec keeps both sides honest.
//
// Both formats go through a QCborMap: JSON is parsed by QJsonDocument (blobs stay base64
// strings and are decoded per member), CBOR by QCborValue::fromCbor after a pass that drops
// tags (fromCbor alone would turn the SDK's tag-1 millisecond timestamps into dates).
// On the wire JSON timestamps are epoch seconds (possibly fractional), CBOR timestamps are
// epoch milliseconds (tag 1 optional on input, always written); api.h uses milliseconds.
// In a map made by toMap() for CBOR, blobs are byte strings and timestamps tag 1 around the
// milliseconds; for JSON, blobs are base64 strings and timestamps numbers of seconds.
//
// Decoding reports what Kinesis reports before any validation: SerializationException with
// the Coral texts for wrong member types and bad base64, and ValidationException for enum
// members outside their value set and for required members the structs cannot hold as null
// (enums, integers, lists and maps). Every other check is the engine's. Absent members stay
// absent (null QString, nullopt); present empty strings stay empty and non-null. Unknown
// members are ignored. Out-of-range integers are clamped to the int range, as Coral's
// TruncatingBigNumber does, so the engine reports them as too large.
//
// Stateless apart from the format; safe to use from any thread.
class WireCodec final
{
public:
    explicit WireCodec(WireFormat format = WireFormat::Json);

    WireFormat format() const { return m_format; }
    // "application/x-amz-json-1.1" or "application/x-amz-cbor-1.1".
    QByteArray contentType() const;
    // The format for a Content-Type header value (parameters and case ignored); nullopt when
    // it is not a Kinesis body type. application/x-amz-json-1.0 is accepted as JSON.
    static std::optional<WireFormat> formatForContentType(QByteArrayView contentType);

    // The body as a map. Not JSON/CBOR, not an object, or nested too deeply:
    // SerializationException without a message.
    std::expected<QCborMap, Error> parse(const QByteArray &body) const;
    QByteArray serialize(const QCborMap &map) const;

    template<WireMessage T> std::expected<T, Error> fromMap(const QCborMap &map) const;
    template<WireMessage T> QCborMap toMap(const T &message) const;

    template<WireMessage T> std::expected<T, Error> decode(const QByteArray &body) const
    {
        auto map = parse(body);
        if (!map)
            return std::unexpected(map.error());
        return fromMap<T>(*map);
    }
    template<WireMessage T> QByteArray encode(const T &message) const
    {
        return serialize(toMap(message));
    }

    // {"__type": ..., "message": ...}; SerializationException uses "Message" as Coral does.
    // An empty message is left out.
    QByteArray encodeError(const Error &error) const;
    // The error in a response body. Accepts "Namespace#Type" names, "message" or "Message";
    // an unknown type or unreadable body becomes InternalFailure carrying what was found.
    Error decodeError(const QByteArray &body) const;

private:
    WireFormat m_format;
};

} // namespace shardscope
