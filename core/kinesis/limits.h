#pragma once

#include <QtGlobal>

// Kinesis Data Streams' limits, declared once: the engine enforces them, and the producers, the
// replayer, the tail and the demo keep to them. Sources: "Quotas and limits" in the Kinesis Data
// Streams developer guide (docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html),
// the API reference (docs.aws.amazon.com/kinesis/latest/APIReference/) and the API model
// (botocore's kinesis/2013-12-02/service-2.json).
namespace shardscope::KinesisLimits {

inline constexpr qint64 kKiB = 1024;
inline constexpr qint64 kMiB = 1024 * kKiB;

// --- Records ----------------------------------------------------------------------------------
// A record's data blob: 1 MiB unless the stream's MaxRecordSizeInKiB says more (Quotas and limits).
inline constexpr int kDefaultMaxRecordSizeKiB = 1024;
// UpdateMaxRecordSize / CreateStream MaxRecordSizeInKiB: 1,024..10,240 (API model).
inline constexpr int kMinMaxRecordSizeKiB = 1024;
inline constexpr int kMaxMaxRecordSizeKiB = 10240;
inline constexpr qint64 kDefaultMaxRecordBytes = kDefaultMaxRecordSizeKiB * kKiB;
// The Data member's largest length, whatever the stream allows (API model: Data max 10485760).
inline constexpr qint64 kMaxRecordBytes = kMaxMaxRecordSizeKiB * kKiB;
// PartitionKey: 1..256 Unicode characters (API model).
inline constexpr int kMaxPartitionKeyLength = 256;
// PutRecords: 1..500 records per request (API model: PutRecordsRequestEntryList max 500)...
inline constexpr int kPutRecordsMaxRecords = 500;
// ...and at most 5 MiB of data and partition keys in all (PutRecords API reference).
inline constexpr qint64 kPutRecordsMaxBytes = 5 * kMiB;
// GetRecords: up to 10,000 records (API model: GetRecordsInputLimit max 10000)...
inline constexpr int kGetRecordsMaxRecords = 10000;
// ...and up to 10 MiB per call (GetRecords API reference).
inline constexpr qint64 kGetRecordsMaxBytes = 10 * kMiB;

// --- Streams, shards and consumers ------------------------------------------------------------
// Retention: 24 hours by default, up to 8,760 hours (365 days) (Quotas and limits).
inline constexpr int kMinRetentionHours = 24;
inline constexpr int kMaxRetentionHours = 8760;
inline constexpr int kDefaultRetentionHours = 24;
// ShardCount of CreateStream and TargetShardCount of UpdateShardCount: Kinesis's validation
// refuses more than 100,000 (its ValidationException; the API model gives only the minimum, 1).
inline constexpr int kMaxShardCountPerRequest = 100000;
// Shards per account: 500 in us-east-1, us-west-2 and eu-west-1, 200 elsewhere (Quotas and limits).
inline constexpr int kDefaultShardLimit = 500;
// On-demand streams per account: 50 (Quotas and limits).
inline constexpr int kDefaultOnDemandStreamCountLimit = 50;
// A new on-demand stream writes 4 MiB/s, the capacity of 4 shards (Quotas and limits).
inline constexpr int kOnDemandInitialShards = 4;
// UpdateShardCount: at most 10 calls per rolling 24 hours per stream, and at most double or
// half the open shards per call (UpdateShardCount API reference).
inline constexpr int kUpdateShardCountPerDay = 10;
// Enhanced fan-out consumers: 20 registered per stream (Quotas and limits)...
inline constexpr int kMaxConsumersPerStream = 20;
// ...of which at most 5 in CREATING at a time (RegisterStreamConsumer API reference).
inline constexpr int kMaxCreatingConsumers = 5;
// Tags: 50 per stream and per consumer (Quotas and limits; AddTagsToStream API reference).
inline constexpr int kMaxTagsPerResource = 50;
// A Tags map in one request: 1..200 entries; TagKeys: 1..50 (API model: TagMap, TagKeyList).
inline constexpr int kMaxTagsPerRequest = 200;
inline constexpr int kMaxTagKeysPerRequest = 50;
// Tag keys 1..128 and values 0..256 characters (API model: TagKey, TagValue).
inline constexpr int kMaxTagKeyLength = 128;
inline constexpr int kMaxTagValueLength = 256;

// --- Pagination and iterators -----------------------------------------------------------------
// A shard iterator expires 5 minutes after it was returned (GetShardIterator API reference).
inline constexpr qint64 kShardIteratorLifetimeMs = 5 * 60 * 1000;
// SubscribeToShard: a subscription lasts 5 minutes and delivers up to 2 MiB/s per consumer and
// shard; a second call for the same consumer and shard within 5 seconds is refused, and calls
// come at most once a second per consumer and shard (API reference). When no record arrives,
// an empty event every 5 seconds keeps MillisBehindLatest and the connection fresh.
inline constexpr qint64 kSubscriptionLifetimeMs = 5 * 60 * 1000;
inline constexpr qint64 kSubscriptionBytesPerSecond = 2 * 1024 * 1024;
inline constexpr qint64 kSubscriptionRetryWindowMs = 5000;
inline constexpr qint64 kSubscribeCallIntervalMs = 1000;
inline constexpr qint64 kSubscriptionHeartbeatMs = 5000;
// A NextToken of ListShards / ListStreams / ListStreamConsumers expires after 300 seconds
// (ListShards API reference).
inline constexpr qint64 kNextTokenLifetimeMs = 300 * 1000;
// Limit / MaxResults of ListStreams, ListShards, DescribeStream and ListStreamConsumers:
// 1..10,000 (API model: ListStreamsInputLimit and the others).
inline constexpr int kMaxListLimit = 10000;
// ListStreamConsumers returns at most 100 consumers per page, also the default (API reference).
inline constexpr int kListStreamConsumersMaxResults = 100;

// --- Member lengths (API model) ----------------------------------------------------------------
// StreamName, ConsumerName, ShardId and the like: 1..128 characters.
inline constexpr int kMaxNameLength = 128;
// StreamARN, ResourceARN, ConsumerARN and KeyId: 1..2,048 characters.
inline constexpr int kMaxArnLength = 2048;
// NextToken: 1..1,048,576 characters; ShardIterator: 1..512.
inline constexpr int kMaxNextTokenLength = 1048576;
inline constexpr int kMaxShardIteratorLength = 512;

// --- Throughput (enforced from the next issue on) ---------------------------------------------
// Per shard, writes: 1 MiB/s of data and partition keys and 1,000 records/s (Quotas and limits).
inline constexpr qint64 kShardWriteBytesPerSecond = 1 * kMiB;
inline constexpr int kShardWriteRecordsPerSecond = 1000;
// Per shard, reads (shared by all consumers that are not enhanced fan-out): 2 MiB/s and
// 5 GetRecords calls/s (Quotas and limits).
inline constexpr qint64 kShardReadBytesPerSecond = 2 * kMiB;
inline constexpr int kShardGetRecordsPerSecond = 5;
// A GetRecords that returns 10 MiB makes the shard's next calls within 5 seconds throw
// ProvisionedThroughputExceededException (GetRecords API reference).
inline constexpr qint64 kLargeReadPenaltyMs = 5000;
// Enhanced fan-out: 2 MiB/s per consumer per shard (Quotas and limits).
inline constexpr qint64 kEnhancedFanOutBytesPerSecond = 2 * kMiB;
// A new on-demand stream: 4 MiB/s of writes and 8 MiB/s of reads (Quotas and limits).
inline constexpr qint64 kOnDemandInitialWriteBytesPerSecond = 4 * kMiB;
inline constexpr qint64 kOnDemandInitialReadBytesPerSecond = 8 * kMiB;
// An on-demand stream scales out on its own up to 200 MiB/s and 200,000 records/s of writes by
// default (Quotas and limits): 200 shards. It keeps room for double its sustained peak write
// throughput and reaches it within 15 minutes ("Choose the data stream capacity mode").
inline constexpr qint64 kOnDemandMaxWriteBytesPerSecond = 200 * kMiB;
inline constexpr int kOnDemandMaxShards =
    int(kOnDemandMaxWriteBytesPerSecond / kShardWriteBytesPerSecond);
inline constexpr qint64 kOnDemandScaleOutWindowMs = 15 * 60 * 1000;

// Control plane (UpdateStreamWarmThroughput and UpdateAccountSettings API references):
// warm throughput of an on-demand stream up to 10 GiB/s; a minimum throughput billing
// commitment lasts at least 24 hours before it can end.
inline constexpr int kMaxWarmThroughputMiBps = 10240;
inline constexpr qint64 kMinimumThroughputCommitmentMs = 24LL * 3600 * 1000;
// A resource policy document: at most 20 KiB (Controlling access with resource-based policies).
inline constexpr qsizetype kMaxResourcePolicyBytes = 20 * 1024;

} // namespace shardscope::KinesisLimits
