#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace shardscope {

// The metrics Kinesis publishes to CloudWatch (namespace AWS/Kinesis), by CloudWatch's names,
// with their units and the levels they exist at: stream level (dimension StreamName), shard
// level (StreamName and ShardId; on AWS only with enhanced monitoring) and consumer level
// (StreamName and ConsumerName: enhanced fan-out). The one list of them.
namespace MetricNames {

inline const QString Namespace = QStringLiteral("AWS/Kinesis");
inline const QString StreamNameDimension = QStringLiteral("StreamName");
inline const QString ShardIdDimension = QStringLiteral("ShardId");
inline const QString ConsumerNameDimension = QStringLiteral("ConsumerName");

inline const QString IncomingBytes = QStringLiteral("IncomingBytes");
inline const QString IncomingRecords = QStringLiteral("IncomingRecords");
inline const QString OutgoingBytes = QStringLiteral("OutgoingBytes");
inline const QString OutgoingRecords = QStringLiteral("OutgoingRecords");
inline const QString IteratorAgeMilliseconds = QStringLiteral("IteratorAgeMilliseconds");
inline const QString ReadProvisionedThroughputExceeded =
    QStringLiteral("ReadProvisionedThroughputExceeded");
inline const QString WriteProvisionedThroughputExceeded =
    QStringLiteral("WriteProvisionedThroughputExceeded");
inline const QString PutRecordBytes = QStringLiteral("PutRecord.Bytes");
inline const QString PutRecordLatency = QStringLiteral("PutRecord.Latency");
inline const QString PutRecordSuccess = QStringLiteral("PutRecord.Success");
inline const QString PutRecordsBytes = QStringLiteral("PutRecords.Bytes");
inline const QString PutRecordsLatency = QStringLiteral("PutRecords.Latency");
inline const QString PutRecordsRecords = QStringLiteral("PutRecords.Records");
inline const QString PutRecordsSuccess = QStringLiteral("PutRecords.Success");
inline const QString PutRecordsTotalRecords = QStringLiteral("PutRecords.TotalRecords");
inline const QString PutRecordsSuccessfulRecords = QStringLiteral("PutRecords.SuccessfulRecords");
inline const QString PutRecordsFailedRecords = QStringLiteral("PutRecords.FailedRecords");
inline const QString PutRecordsThrottledRecords = QStringLiteral("PutRecords.ThrottledRecords");
inline const QString GetRecordsBytes = QStringLiteral("GetRecords.Bytes");
inline const QString GetRecordsRecords = QStringLiteral("GetRecords.Records");
inline const QString GetRecordsLatency = QStringLiteral("GetRecords.Latency");
inline const QString GetRecordsSuccess = QStringLiteral("GetRecords.Success");
inline const QString GetRecordsIteratorAgeMilliseconds =
    QStringLiteral("GetRecords.IteratorAgeMilliseconds");
inline const QString SubscribeToShardRateExceeded = QStringLiteral("SubscribeToShard.RateExceeded");
inline const QString SubscribeToShardSuccess = QStringLiteral("SubscribeToShard.Success");
inline const QString SubscribeToShardEventBytes = QStringLiteral("SubscribeToShardEvent.Bytes");
inline const QString SubscribeToShardEventMillisBehindLatest =
    QStringLiteral("SubscribeToShardEvent.MillisBehindLatest");
inline const QString SubscribeToShardEventRecords = QStringLiteral("SubscribeToShardEvent.Records");
inline const QString SubscribeToShardEventSuccess = QStringLiteral("SubscribeToShardEvent.Success");

enum class Unit { Bytes, Count, Milliseconds };

// CloudWatch's unit name: "Bytes", "Count", "Milliseconds".
QString unitName(Unit unit);

// The unit of a known metric, or nothing for a name Kinesis does not publish.
std::optional<Unit> unitOf(const QString &metricName);

// Whether the metric exists with dimension StreamName alone / with StreamName and ShardId /
// with StreamName and ConsumerName.
bool isStreamLevel(const QString &metricName);
bool isShardLevel(const QString &metricName);
bool isConsumerLevel(const QString &metricName);

QStringList streamLevelMetrics();
QStringList shardLevelMetrics();
QStringList consumerLevelMetrics();

} // namespace MetricNames

} // namespace shardscope
