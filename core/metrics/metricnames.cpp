#include "metricnames.h"

namespace shardscope::MetricNames {

namespace {

struct Definition
{
    const QString *name;
    Unit unit;
    bool streamLevel;
    bool shardLevel;
    bool consumerLevel = false;
};

// AWS's "Monitoring the Amazon Kinesis Data Streams service with Amazon CloudWatch": the
// stream-level, the enhanced (shard-level) and the enhanced fan-out (consumer-level) metrics.
const Definition kDefinitions[] = {
    {&GetRecordsBytes, Unit::Bytes, true, false},
    {&GetRecordsIteratorAgeMilliseconds, Unit::Milliseconds, true, false},
    {&GetRecordsLatency, Unit::Milliseconds, true, false},
    {&GetRecordsRecords, Unit::Count, true, false},
    {&GetRecordsSuccess, Unit::Count, true, false},
    {&IncomingBytes, Unit::Bytes, true, true},
    {&IncomingRecords, Unit::Count, true, true},
    {&IteratorAgeMilliseconds, Unit::Milliseconds, false, true},
    {&OutgoingBytes, Unit::Bytes, false, true},
    {&OutgoingRecords, Unit::Count, false, true},
    {&PutRecordBytes, Unit::Bytes, true, false},
    {&PutRecordLatency, Unit::Milliseconds, true, false},
    {&PutRecordSuccess, Unit::Count, true, false},
    {&PutRecordsBytes, Unit::Bytes, true, false},
    {&PutRecordsFailedRecords, Unit::Count, true, false},
    {&PutRecordsLatency, Unit::Milliseconds, true, false},
    {&PutRecordsRecords, Unit::Count, true, false},
    {&PutRecordsSuccess, Unit::Count, true, false},
    {&PutRecordsSuccessfulRecords, Unit::Count, true, false},
    {&PutRecordsThrottledRecords, Unit::Count, true, false},
    {&PutRecordsTotalRecords, Unit::Count, true, false},
    {&ReadProvisionedThroughputExceeded, Unit::Count, true, true},
    {&WriteProvisionedThroughputExceeded, Unit::Count, true, true},
    {&SubscribeToShardRateExceeded, Unit::Count, false, false, true},
    {&SubscribeToShardSuccess, Unit::Count, false, false, true},
    {&SubscribeToShardEventBytes, Unit::Bytes, false, false, true},
    {&SubscribeToShardEventMillisBehindLatest, Unit::Milliseconds, false, false, true},
    {&SubscribeToShardEventRecords, Unit::Count, false, false, true},
    {&SubscribeToShardEventSuccess, Unit::Count, false, false, true},
};

const Definition *find(const QString &name)
{
    for (const Definition &definition : kDefinitions) {
        if (*definition.name == name)
            return &definition;
    }
    return nullptr;
}

} // namespace

QString unitName(Unit unit)
{
    switch (unit) {
    case Unit::Bytes:
        return QStringLiteral("Bytes");
    case Unit::Count:
        return QStringLiteral("Count");
    case Unit::Milliseconds:
        return QStringLiteral("Milliseconds");
    }
    return QStringLiteral("None");
}

std::optional<Unit> unitOf(const QString &metricName)
{
    if (const Definition *definition = find(metricName))
        return definition->unit;
    return std::nullopt;
}

bool isStreamLevel(const QString &metricName)
{
    const Definition *definition = find(metricName);
    return definition && definition->streamLevel;
}

bool isShardLevel(const QString &metricName)
{
    const Definition *definition = find(metricName);
    return definition && definition->shardLevel;
}

bool isConsumerLevel(const QString &metricName)
{
    const Definition *definition = find(metricName);
    return definition && definition->consumerLevel;
}

namespace {

QStringList namesWhere(bool Definition::*level)
{
    QStringList names;
    for (const Definition &definition : kDefinitions) {
        if (definition.*level)
            names.append(*definition.name);
    }
    return names;
}

} // namespace

QStringList streamLevelMetrics()
{
    return namesWhere(&Definition::streamLevel);
}

QStringList shardLevelMetrics()
{
    return namesWhere(&Definition::shardLevel);
}

QStringList consumerLevelMetrics()
{
    return namesWhere(&Definition::consumerLevel);
}

} // namespace shardscope::MetricNames
