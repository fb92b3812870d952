#include "enginemetrics.h"

#include "metrics/metricnames.h"
#include "metrics/metricsregistry.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <vector>

namespace shardscope {

namespace MN = MetricNames;

namespace {

// Collects one call's samples, stream level and (behind the gate) shard level.
class Samples
{
public:
    Samples(const QString &streamName, QStringList shardLevel)
        : m_streamName(streamName), m_shardLevel(std::move(shardLevel))
    {
    }
    void stream(const QString &metric, double value)
    {
        m_samples.push_back(MetricSample{MetricKey{metric, m_streamName, {}}, value});
    }
    void shard(const QString &metric, const QString &shardId, double value)
    {
        if (!shardId.isEmpty() && m_shardLevel.contains(metric))
            m_samples.push_back(MetricSample{MetricKey{metric, m_streamName, shardId}, value});
    }
    void consumer(const QString &metric, const QString &consumerName, double value)
    {
        m_samples.push_back(
            MetricSample{MetricKey{metric, m_streamName, {}, consumerName}, value});
    }
    void recordInto(MetricsRegistry &registry) const { registry.record(m_samples); }

private:
    QString m_streamName;
    QStringList m_shardLevel; // the shard-level metrics enhanced monitoring has on
    std::vector<MetricSample> m_samples;
};

bool isThrottled(const QString &errorCode)
{
    return errorCode == QLatin1StringView("ProvisionedThroughputExceededException");
}

// A throttled put names its shard only in the message, as on AWS ("Rate exceeded for shard
// shardId-000000000000 in stream …").
QString shardInMessage(const QString &message)
{
    static const QRegularExpression shardId(QStringLiteral("shardId-[0-9]+"));
    return shardId.match(message).captured();
}

} // namespace

std::expected<MetricDataResponse, Error>
EngineMetrics::getMetricData(const MetricDataRequest &request) const
{
    const auto invalid = [](const QString &message) {
        return std::unexpected(Error{ErrorType::Validation, message});
    };
    if (request.queries.isEmpty())
        return invalid(QStringLiteral("The parameter MetricDataQueries must not be empty."));
    if (request.queries.size() > kGetMetricDataMaxQueries)
        return invalid(QStringLiteral("The collection MetricDataQueries must not have a size "
                                      "greater than %1.")
                           .arg(kGetMetricDataMaxQueries));
    if (request.startMs >= request.endMs)
        return invalid(
            QStringLiteral("The parameter StartTime must be less than the parameter EndTime."));
    static const QRegularExpression idPattern(QStringLiteral("^[a-z][A-Za-z0-9_]*$"));
    QSet<QString> ids;
    MetricDataResponse response;
    for (qsizetype i = 0; i < request.queries.size(); ++i) {
        const MetricDataQuery &query = request.queries[i];
        const QString member = QStringLiteral("MetricDataQueries.member.%1").arg(i + 1);
        if (!idPattern.match(query.id).hasMatch())
            return invalid(QStringLiteral("The value %1 for parameter %2.Id is not valid: it must "
                                          "start with a lowercase letter and contain only "
                                          "letters, digits and underscores.")
                               .arg(query.id, member));
        if (ids.contains(query.id))
            return invalid(QStringLiteral("The value %1 for parameter %2.Id is not unique.")
                               .arg(query.id, member));
        ids.insert(query.id);
        auto series = m_registry.query(MetricQuery{query.key, request.startMs, request.endMs,
                                                   query.periodSeconds, query.statistic});
        if (!series)
            return invalid(QStringLiteral("%1 (%2.MetricStat)").arg(series.error(), member));
        response.results.append(MetricDataResult{query.id, query.key.metricName, *series});
    }
    return response;
}

void EngineMetrics::CountingSink::record(const RecordView &record)
{
    ++records;
    bytes += record.data.size();
    lastArrivalMs = record.approximateArrivalTimestamp;
    lastCounter = record.sequenceNumber.counter;
    m_next.record(record);
}

void EngineMetrics::putRecord(const QString &streamName, const PutRecordRequest &request,
                              const std::expected<PutRecordResponse, Error> &result,
                              double latencyMs)
{
    if (streamName.isEmpty())
        return;
    Samples samples(streamName, m_shardLevelMetrics(streamName));
    samples.stream(MN::PutRecordLatency, latencyMs);
    samples.stream(MN::PutRecordSuccess, result ? 1 : 0);
    if (result) {
        const double bytes = double(request.data.size());
        samples.stream(MN::PutRecordBytes, bytes);
        samples.stream(MN::IncomingBytes, bytes);
        samples.stream(MN::IncomingRecords, 1);
        samples.stream(MN::WriteProvisionedThroughputExceeded, 0);
        samples.shard(MN::IncomingBytes, result->shardId, bytes);
        samples.shard(MN::IncomingRecords, result->shardId, 1);
        samples.shard(MN::WriteProvisionedThroughputExceeded, result->shardId, 0);
    } else if (result.error().type == ErrorType::ProvisionedThroughputExceeded) {
        samples.stream(MN::WriteProvisionedThroughputExceeded, 1);
        samples.shard(MN::WriteProvisionedThroughputExceeded,
                      shardInMessage(result.error().message), 1);
    }
    samples.recordInto(m_registry);
}

void EngineMetrics::putRecords(const QString &streamName, const PutRecordsRequest &request,
                               const std::expected<PutRecordsResponse, Error> &result,
                               double latencyMs)
{
    if (streamName.isEmpty())
        return;
    Samples samples(streamName, m_shardLevelMetrics(streamName));
    samples.stream(MN::PutRecordsLatency, latencyMs);
    if (!result) {
        samples.stream(MN::PutRecordsSuccess, 0);
        samples.recordInto(m_registry);
        return;
    }
    struct ShardCounts
    {
        qint64 records = 0;
        qint64 bytes = 0;
        qint64 throttled = 0;
    };
    QHash<QString, ShardCounts> perShard;
    qint64 succeeded = 0, bytes = 0, throttled = 0, failed = 0;
    const qsizetype count = std::min(request.records.size(), result->records.size());
    for (qsizetype i = 0; i < count; ++i) {
        const PutRecordsResultEntry &entry = result->records[i];
        if (entry.errorCode.isEmpty()) {
            const qint64 size = request.records[i].data.size();
            ++succeeded;
            bytes += size;
            ShardCounts &shard = perShard[entry.shardId];
            ++shard.records;
            shard.bytes += size;
        } else if (isThrottled(entry.errorCode)) {
            ++throttled;
            const QString shardId =
                entry.shardId.isEmpty() ? shardInMessage(entry.errorMessage) : entry.shardId;
            ++perShard[shardId].throttled;
        } else {
            ++failed;
        }
    }
    samples.stream(MN::PutRecordsSuccess, succeeded > 0 ? 1 : 0);
    samples.stream(MN::PutRecordsTotalRecords, double(request.records.size()));
    samples.stream(MN::PutRecordsSuccessfulRecords, double(succeeded));
    samples.stream(MN::PutRecordsRecords, double(succeeded));
    samples.stream(MN::PutRecordsFailedRecords, double(failed));
    samples.stream(MN::PutRecordsThrottledRecords, double(throttled));
    samples.stream(MN::PutRecordsBytes, double(bytes));
    samples.stream(MN::IncomingBytes, double(bytes));
    samples.stream(MN::IncomingRecords, double(succeeded));
    samples.stream(MN::WriteProvisionedThroughputExceeded, double(throttled));
    for (auto it = perShard.cbegin(); it != perShard.cend(); ++it) {
        if (it->records > 0) {
            samples.shard(MN::IncomingBytes, it.key(), double(it->bytes));
            samples.shard(MN::IncomingRecords, it.key(), double(it->records));
        }
        samples.shard(MN::WriteProvisionedThroughputExceeded, it.key(), double(it->throttled));
    }
    samples.recordInto(m_registry);
}

void EngineMetrics::getRecords(const QString &streamName, const QString &shardId,
                               const std::expected<GetRecordsResponse, Error> &result,
                               const CountingSink &counted, double latencyMs, qint64 nowMs)
{
    if (streamName.isEmpty())
        return;
    Samples samples(streamName, m_shardLevelMetrics(streamName));
    samples.stream(MN::GetRecordsLatency, latencyMs);
    samples.stream(MN::GetRecordsSuccess, result ? 1 : 0);
    if (result) {
        // AWS: the age of the last record returned (now − its arrival); zero when caught up.
        const double age = counted.records > 0
                               ? double(std::max<qint64>(0, nowMs - counted.lastArrivalMs))
                               : double(result->millisBehindLatest);
        samples.stream(MN::GetRecordsBytes, double(counted.bytes));
        samples.stream(MN::GetRecordsRecords, double(counted.records));
        samples.stream(MN::GetRecordsIteratorAgeMilliseconds, age);
        samples.stream(MN::ReadProvisionedThroughputExceeded, 0);
        samples.shard(MN::OutgoingBytes, shardId, double(counted.bytes));
        samples.shard(MN::OutgoingRecords, shardId, double(counted.records));
        samples.shard(MN::IteratorAgeMilliseconds, shardId, age);
        samples.shard(MN::ReadProvisionedThroughputExceeded, shardId, 0);
    } else if (result.error().type == ErrorType::ProvisionedThroughputExceeded) {
        samples.stream(MN::ReadProvisionedThroughputExceeded, 1);
        samples.shard(MN::ReadProvisionedThroughputExceeded, shardId, 1);
    }
    samples.recordInto(m_registry);
}

void EngineMetrics::subscribeToShard(const QString &streamName, const QString &consumerName,
                                     bool succeeded, bool rateExceeded)
{
    if (streamName.isEmpty() || consumerName.isEmpty())
        return;
    Samples samples(streamName, {});
    samples.consumer(MN::SubscribeToShardSuccess, consumerName, succeeded ? 1 : 0);
    samples.consumer(MN::SubscribeToShardRateExceeded, consumerName, rateExceeded ? 1 : 0);
    samples.recordInto(m_registry);
}

void EngineMetrics::subscribeToShardEvent(const QString &streamName, const QString &consumerName,
                                          const SubscribeToShardEvent &event)
{
    qint64 bytes = 0;
    for (const Record &record : event.records)
        bytes += record.data.size();
    Samples samples(streamName, {});
    samples.consumer(MN::SubscribeToShardEventSuccess, consumerName, 1);
    samples.consumer(MN::SubscribeToShardEventBytes, consumerName, double(bytes));
    samples.consumer(MN::SubscribeToShardEventRecords, consumerName, double(event.records.size()));
    samples.consumer(MN::SubscribeToShardEventMillisBehindLatest, consumerName,
                     double(event.millisBehindLatest));
    samples.recordInto(m_registry);
}

void EngineMetrics::subscribeToShardEventFailed(const QString &streamName,
                                                const QString &consumerName)
{
    m_registry.record(
        MetricKey{MN::SubscribeToShardEventSuccess, streamName, {}, consumerName}, 0);
}

} // namespace shardscope
