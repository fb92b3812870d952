#pragma once

// The request and response types of the Kinesis Data Streams API, as plain structs.
// The wire codec (JSON 1.1 and CBOR) maps to and from these; the engine and every backend
// take and return them, so local and remote behave alike. Field names follow the wire.
// Timestamps are epoch milliseconds.

#include "hashkey.h"
#include "limits.h"
#include "sequencenumber.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace shardscope {

enum class StreamStatus { Creating, Deleting, Active, Updating };
enum class StreamMode { Provisioned, OnDemand };
enum class EncryptionType { None, Kms };
enum class ShardIteratorType { AtSequenceNumber, AfterSequenceNumber, TrimHorizon, Latest, AtTimestamp };
enum class ShardFilterType { AfterShardId, AtTrimHorizon, FromTrimHorizon, AtLatest, AtTimestamp, FromTimestamp };
enum class ScalingType { UniformScaling };
enum class ConsumerStatus { Creating, Deleting, Active };

QString toWire(StreamStatus status);
QString toWire(StreamMode mode);
QString toWire(EncryptionType type);
QString toWire(ShardIteratorType type);
QString toWire(ShardFilterType type);
QString toWire(ConsumerStatus status);
std::optional<StreamMode> streamModeFromWire(QStringView text);
std::optional<ShardIteratorType> shardIteratorTypeFromWire(QStringView text);
std::optional<ShardFilterType> shardFilterTypeFromWire(QStringView text);
std::optional<ConsumerStatus> consumerStatusFromWire(QStringView text);

// Most operations name their stream by StreamName or StreamARN (either, or both if they agree).
struct StreamTarget
{
    QString streamName;
    QString streamArn;

    static StreamTarget byName(const QString &name) { return StreamTarget{name, {}}; }
    static StreamTarget byArn(const QString &arn) { return StreamTarget{{}, arn}; }
};

using TagMap = QMap<QString, QString>; // ordered by key, as ListTagsForStream returns them

struct Tag
{
    QString key;
    QString value;
    bool operator==(const Tag &) const = default;
};

struct Shard
{
    QString shardId;
    std::optional<QString> parentShardId;
    std::optional<QString> adjacentParentShardId;
    HashKeyRange hashKeyRange;
    SequenceNumber startingSequenceNumber;
    std::optional<SequenceNumber> endingSequenceNumber;
};

struct ChildShard
{
    QString shardId;
    QStringList parentShards;
    HashKeyRange hashKeyRange;
};

struct Record
{
    SequenceNumber sequenceNumber;
    qint64 approximateArrivalTimestamp = 0;
    QByteArray data;
    QString partitionKey;
    EncryptionType encryptionType = EncryptionType::None;
    // Not part of the GetRecords wire shape; kept for the record browser.
    std::optional<HashKey> explicitHashKey;
};

struct StreamSummary
{
    QString streamName;
    QString streamArn;
    StreamStatus streamStatus = StreamStatus::Active;
    StreamMode streamMode = StreamMode::Provisioned;
    qint64 streamCreationTimestamp = 0;
};

struct StreamDescription
{
    QString streamName;
    QString streamArn;
    StreamStatus streamStatus = StreamStatus::Active;
    StreamMode streamMode = StreamMode::Provisioned;
    QList<Shard> shards;
    bool hasMoreShards = false;
    int retentionPeriodHours = KinesisLimits::kDefaultRetentionHours;
    qint64 streamCreationTimestamp = 0;
    EncryptionType encryptionType = EncryptionType::None;
    QString keyId;
    QStringList shardLevelMetrics; // EnhancedMonitoring[0].ShardLevelMetrics
};

// An on-demand stream's warm throughput: what it is scaling to and what it handles now.
struct WarmThroughput
{
    std::optional<int> targetMiBps;
    std::optional<int> currentMiBps;
    bool operator==(const WarmThroughput &) const = default;
};

struct StreamDescriptionSummary
{
    QString streamName;
    QString streamArn;
    QString streamId;
    StreamStatus streamStatus = StreamStatus::Active;
    StreamMode streamMode = StreamMode::Provisioned;
    int retentionPeriodHours = KinesisLimits::kDefaultRetentionHours;
    qint64 streamCreationTimestamp = 0;
    EncryptionType encryptionType = EncryptionType::None;
    QString keyId;
    int openShardCount = 0;
    int consumerCount = 0;
    int maxRecordSizeInKiB = KinesisLimits::kDefaultMaxRecordSizeKiB;
    QStringList shardLevelMetrics; // EnhancedMonitoring[0].ShardLevelMetrics
    std::optional<WarmThroughput> warmThroughput; // on-demand streams only
};

struct CreateStreamRequest
{
    QString streamName;
    std::optional<int> shardCount;
    std::optional<StreamMode> streamMode;
    TagMap tags;
    std::optional<int> maxRecordSizeInKiB;
};

struct DeleteStreamRequest
{
    StreamTarget target;
    bool enforceConsumerDeletion = false;
};

struct ListStreamsRequest
{
    std::optional<int> limit;
    QString exclusiveStartStreamName;
    QString nextToken;
};

struct ListStreamsResponse
{
    QStringList streamNames;
    bool hasMoreStreams = false;
    QString nextToken;
    QList<StreamSummary> streamSummaries;
};

struct DescribeStreamRequest
{
    StreamTarget target;
    std::optional<int> limit;
    QString exclusiveStartShardId;
};

struct ShardFilter
{
    ShardFilterType type = ShardFilterType::AtLatest;
    QString shardId;
    std::optional<qint64> timestamp;
    bool operator==(const ShardFilter &) const = default;
};

struct ListShardsRequest
{
    StreamTarget target;
    QString nextToken;
    QString exclusiveStartShardId;
    std::optional<int> maxResults;
    std::optional<qint64> streamCreationTimestamp;
    std::optional<ShardFilter> shardFilter;
};

struct ListShardsResponse
{
    QList<Shard> shards;
    QString nextToken;
};

struct PutRecordRequest
{
    StreamTarget target;
    QByteArray data;
    QString partitionKey;
    std::optional<QString> explicitHashKey;
    std::optional<QString> sequenceNumberForOrdering;
};

struct PutRecordResponse
{
    QString shardId;
    SequenceNumber sequenceNumber;
    EncryptionType encryptionType = EncryptionType::None;
};

struct PutRecordsRequestEntry
{
    QByteArray data;
    QString partitionKey;
    std::optional<QString> explicitHashKey;
};

struct PutRecordsRequest
{
    StreamTarget target;
    QList<PutRecordsRequestEntry> records;
};

struct PutRecordsResultEntry
{
    std::optional<SequenceNumber> sequenceNumber;
    QString shardId;
    QString errorCode;
    QString errorMessage;
};

struct PutRecordsResponse
{
    int failedRecordCount = 0;
    QList<PutRecordsResultEntry> records;
    EncryptionType encryptionType = EncryptionType::None;
};

struct GetShardIteratorRequest
{
    StreamTarget target;
    QString shardId;
    ShardIteratorType shardIteratorType = ShardIteratorType::TrimHorizon;
    std::optional<QString> startingSequenceNumber;
    std::optional<qint64> timestamp;
};

struct GetShardIteratorResponse
{
    QString shardIterator;
};

struct GetRecordsRequest
{
    QString shardIterator;
    std::optional<int> limit;
    QString streamArn;
};

struct GetRecordsResponse
{
    QList<Record> records;
    std::optional<QString> nextShardIterator;
    qint64 millisBehindLatest = 0;
    // Present (possibly empty) only once the end of a closed shard is reached.
    std::optional<QList<ChildShard>> childShards;
};

struct SplitShardRequest
{
    StreamTarget target;
    QString shardToSplit;
    QString newStartingHashKey;
};

struct MergeShardsRequest
{
    StreamTarget target;
    QString shardToMerge;
    QString adjacentShardToMerge;
};

struct UpdateShardCountRequest
{
    StreamTarget target;
    int targetShardCount = 0;
    ScalingType scalingType = ScalingType::UniformScaling;
};

struct UpdateShardCountResponse
{
    QString streamName;
    int currentShardCount = 0;
    int targetShardCount = 0;
    QString streamArn;
};

struct RetentionPeriodRequest
{
    StreamTarget target;
    int retentionPeriodHours = 0;
};

struct UpdateMaxRecordSizeRequest
{
    StreamTarget target;
    int maxRecordSizeInKiB = 0;
};

struct UpdateStreamModeRequest
{
    QString streamArn;
    StreamMode streamMode = StreamMode::Provisioned;
};

// EncryptionType is kept as text so the engine can report a bad value the way Kinesis does.
struct StartStreamEncryptionRequest
{
    StreamTarget target;
    QString encryptionType; // "KMS"
    QString keyId;          // key id, key ARN, alias name or alias ARN
};

struct StopStreamEncryptionRequest
{
    StreamTarget target;
    QString encryptionType; // "KMS"
    QString keyId;
};

struct AddTagsToStreamRequest
{
    StreamTarget target;
    TagMap tags;
};

struct RemoveTagsFromStreamRequest
{
    StreamTarget target;
    QStringList tagKeys;
};

struct ListTagsForStreamRequest
{
    StreamTarget target;
    QString exclusiveStartTagKey;
    std::optional<int> limit;
};

struct ListTagsForStreamResponse
{
    QList<Tag> tags;
    bool hasMoreTags = false;
};

struct TagResourceRequest
{
    QString resourceArn;
    TagMap tags;
};

struct UntagResourceRequest
{
    QString resourceArn;
    QStringList tagKeys;
};

struct ListTagsForResourceRequest
{
    QString resourceArn;
};

struct ListTagsForResourceResponse
{
    QList<Tag> tags;
};

struct DescribeLimitsResponse
{
    int shardLimit = 0;
    int openShardCount = 0;
    int onDemandStreamCount = 0;
    int onDemandStreamCountLimit = 0;
};

// Enhanced fan-out consumers. A consumer's ARN is its stream's ARN followed by
// "/consumer/<name>:<creation time in epoch seconds>".
struct Consumer
{
    QString consumerName;
    QString consumerArn;
    ConsumerStatus consumerStatus = ConsumerStatus::Creating;
    qint64 consumerCreationTimestamp = 0;
};

// DescribeStreamConsumer's output: a Consumer and the ARN of its stream.
struct ConsumerDescription
{
    QString consumerName;
    QString consumerArn;
    ConsumerStatus consumerStatus = ConsumerStatus::Creating;
    qint64 consumerCreationTimestamp = 0;
    QString streamArn;
};

// DescribeStreamConsumer and DeregisterStreamConsumer name a consumer by its ARN, or by its
// stream's ARN and its name (or all three, if they agree).
struct ConsumerTarget
{
    QString streamArn;
    QString consumerName;
    QString consumerArn;

    static ConsumerTarget byArn(const QString &arn) { return ConsumerTarget{{}, {}, arn}; }
    static ConsumerTarget byName(const QString &streamArn, const QString &name)
    {
        return ConsumerTarget{streamArn, name, {}};
    }
};

struct RegisterStreamConsumerRequest
{
    QString streamArn;
    QString consumerName;
    TagMap tags;
};

struct ListStreamConsumersRequest
{
    QString streamArn;
    QString nextToken;
    std::optional<int> maxResults;
    std::optional<qint64> streamCreationTimestamp;
};

struct ListStreamConsumersResponse
{
    QList<Consumer> consumers;
    QString nextToken;
};

// SubscribeToShard (enhanced fan-out): where to start, as in GetShardIterator (a sequence number
// for AT_/AFTER_SEQUENCE_NUMBER, a time for AT_TIMESTAMP).
struct StartingPosition
{
    ShardIteratorType type = ShardIteratorType::Latest;
    std::optional<QString> sequenceNumber;
    std::optional<qint64> timestamp;
};

struct SubscribeToShardRequest
{
    QString consumerArn;
    QString shardId;
    StartingPosition startingPosition;
};

// One event of a subscription. continuationSequenceNumber is absent only in the last event of a
// closed shard, which carries the children to continue with (childShards).
struct SubscribeToShardEvent
{
    QList<Record> records;
    std::optional<QString> continuationSequenceNumber;
    qint64 millisBehindLatest = 0;
    std::optional<QList<ChildShard>> childShards;
};

// --- Control plane: enhanced monitoring, warm throughput, account settings, resource policies

// The shard-level metric names EnableEnhancedMonitoring accepts besides "ALL", in the order of
// the API model (the order the engine reports them in).
QStringList allShardLevelMetrics();
inline constexpr QStringView kAllShardLevelMetrics = u"ALL";

// Enable/DisableEnhancedMonitoring (metric names kept as text; the codec checks the value set).
struct EnhancedMonitoringRequest
{
    StreamTarget target;
    QStringList shardLevelMetrics;
};

struct EnhancedMonitoringResponse
{
    QString streamName;
    QStringList currentShardLevelMetrics; // before the call
    QStringList desiredShardLevelMetrics; // after it
    QString streamArn;
};

struct UpdateStreamWarmThroughputRequest
{
    StreamTarget target;
    int warmThroughputMiBps = 0;
};

struct UpdateStreamWarmThroughputResponse
{
    QString streamArn;
    QString streamName;
    WarmThroughput warmThroughput;
};

enum class BillingCommitmentStatus { Enabled, Disabled, EnabledUntilEarliestAllowedEnd };
QString toWire(BillingCommitmentStatus status);
std::optional<BillingCommitmentStatus> billingCommitmentStatusFromWire(QStringView text);

struct MinimumThroughputBillingCommitment
{
    BillingCommitmentStatus status = BillingCommitmentStatus::Disabled;
    std::optional<qint64> startedAt;
    std::optional<qint64> endedAt;
    std::optional<qint64> earliestAllowedEndAt;
    bool operator==(const MinimumThroughputBillingCommitment &) const = default;
};

// The output of DescribeAccountSettings and UpdateAccountSettings.
struct AccountSettings
{
    std::optional<MinimumThroughputBillingCommitment> minimumThroughputBillingCommitment;
};

// Only ENABLED and DISABLED may be asked for.
struct UpdateAccountSettingsRequest
{
    BillingCommitmentStatus minimumThroughputBillingCommitmentStatus =
        BillingCommitmentStatus::Disabled;
};

// PutResourcePolicy: a stream or consumer ARN and a JSON policy document, stored verbatim.
struct PutResourcePolicyRequest
{
    QString resourceArn;
    QString policy;
};

// GetResourcePolicy and DeleteResourcePolicy name only the resource.
struct ResourcePolicyTarget
{
    QString resourceArn;
};

struct GetResourcePolicyResponse
{
    QString policy;
};

} // namespace shardscope
