#pragma once

#include "kinesis/api.h"
#include "kinesis/error.h"
#include "kinesis/metricdata.h"
#include "kinesis/recordsink.h"

#include <QString>

#include <expected>
#include <functional>

namespace shardscope {

class MetricsRegistry;

// Turns the engine's data-plane calls into CloudWatch's Kinesis metrics (AWS/Kinesis, stream,
// shard and consumer level) in a MetricsRegistry: one batch of samples per call, recorded by
// the engine's front after the call returns, and per SubscribeToShard call and event, recorded
// by the engine's subscriptions. Thread-safe (the registry is).
class EngineMetrics final
{
public:
    // The shard-level metrics a stream has enabled (EnableEnhancedMonitoring); AWS publishes
    // only those, so only those are recorded. Called once per data-plane call, from any thread.
    using ShardLevelMetrics = std::function<QStringList(const QString &streamName)>;

    EngineMetrics(MetricsRegistry &registry, ShardLevelMetrics shardLevelMetrics)
        : m_registry(registry), m_shardLevelMetrics(std::move(shardLevelMetrics))
    {
    }

    // Counts the records a GetRecords hands on, for the metrics of that call.
    class CountingSink final : public RecordSink
    {
    public:
        explicit CountingSink(RecordSink &next) : m_next(next) {}
        void record(const RecordView &record) override;

        qint64 records = 0;
        qint64 bytes = 0;
        qint64 lastArrivalMs = 0;
        qint64 lastCounter = 0; // the last record's sequence counter (the reader registry's)

    private:
        RecordSink &m_next;
    };

    // `streamName` empty: the call named no stream of the engine's (nothing is recorded).
    void putRecord(const QString &streamName, const PutRecordRequest &request,
                   const std::expected<PutRecordResponse, Error> &result, double latencyMs);
    void putRecords(const QString &streamName, const PutRecordsRequest &request,
                    const std::expected<PutRecordsResponse, Error> &result, double latencyMs);
    // `streamName`/`shardId` from the request's iterator (empty when it could not be opened).
    void getRecords(const QString &streamName, const QString &shardId,
                    const std::expected<GetRecordsResponse, Error> &result,
                    const CountingSink &counted, double latencyMs, qint64 nowMs);

    // Enhanced fan-out, dimensions StreamName and ConsumerName. A SubscribeToShard call that
    // named a consumer of the engine's: SubscribeToShard.Success, and RateExceeded for a call
    // refused by the 5-second rule or the once-a-second limit.
    void subscribeToShard(const QString &streamName, const QString &consumerName, bool succeeded,
                          bool rateExceeded);
    // An event a subscription delivers: its bytes, records and MillisBehindLatest, and
    // SubscribeToShardEvent.Success 1.
    void subscribeToShardEvent(const QString &streamName, const QString &consumerName,
                               const SubscribeToShardEvent &event);
    // A subscription ended with an exception instead of an event: SubscribeToShardEvent.Success 0.
    void subscribeToShardEventFailed(const QString &streamName, const QString &consumerName);

    // GetMetricData over the registry: the request checked as CloudWatch checks it (Validation
    // errors, whose messages name the parameter), then one series per query.
    std::expected<MetricDataResponse, Error> getMetricData(const MetricDataRequest &request) const;

private:
    MetricsRegistry &m_registry;
    ShardLevelMetrics m_shardLevelMetrics;
};

} // namespace shardscope
