#pragma once

#include <QHashFunctions>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace shardscope {

// The value types of CloudWatch's metric reads (GetMetricData, ListMetrics) for the Kinesis
// metrics (namespace AWS/Kinesis): what the engine answers from its own metrics, the server
// speaks on the wire and AwsBackend asks CloudWatch.

// GetMetricData: 1..500 MetricDataQueries per call (CloudWatch API model).
inline constexpr int kGetMetricDataMaxQueries = 500;

// CloudWatch's statistics over a metric's samples.
enum class Statistic { SampleCount, Sum, Average, Minimum, Maximum };

QString statisticName(Statistic statistic);                 // "Sum", "Average", …
std::optional<Statistic> parseStatistic(QStringView name);

// One metric series: a metric name with its dimensions. With neither shardId nor consumerName
// it is the stream-level series (dimension StreamName only); with a shardId, StreamName and
// ShardId; with a consumerName, StreamName and ConsumerName (the enhanced fan-out metrics).
// Kinesis publishes no series with both.
struct MetricKey
{
    QString metricName;
    QString streamName;
    QString shardId;
    // Defaulted so the many {metric, stream, shard} initialisations stay complete.
    QString consumerName = {};

    bool isShardLevel() const { return !shardId.isEmpty(); }
    bool isConsumerLevel() const { return !consumerName.isEmpty(); }
    bool operator==(const MetricKey &) const = default;
    auto operator<=>(const MetricKey &other) const
    {
        if (auto c = metricName.compare(other.metricName); c != 0)
            return c <=> 0;
        if (auto c = streamName.compare(other.streamName); c != 0)
            return c <=> 0;
        if (auto c = shardId.compare(other.shardId); c != 0)
            return c <=> 0;
        return consumerName.compare(other.consumerName) <=> 0;
    }
};

inline size_t qHash(const MetricKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.metricName, key.streamName, key.shardId, key.consumerName);
}

// One series as GetMetricData answers it: oldest first, one point per period that has samples
// (periods without samples are left out, as CloudWatch does).
struct MetricSeries
{
    QList<qint64> timestampsMs; // the start of each period, ms since the epoch
    QList<double> values;
};

// One MetricDataQuery with a MetricStat: Id, the metric, Period and Stat.
struct MetricDataQuery
{
    QString id; // a lowercase letter, then letters, digits and underscores
    MetricKey key;
    int periodSeconds = 60;
    Statistic statistic = Statistic::Sum;
};

struct MetricDataRequest
{
    QList<MetricDataQuery> queries;
    qint64 startMs = 0; // inclusive
    qint64 endMs = 0;   // exclusive
};

struct MetricDataResult
{
    QString id;
    QString label;
    MetricSeries series;
};

struct MetricDataResponse
{
    QList<MetricDataResult> results; // in the order of the queries
    // On AWS, shard-level metrics (dimension ShardId) exist only for the shard-level metrics a
    // stream has enhanced monitoring for (EnableEnhancedMonitoring): set when the request asked
    // for any, so a view can say why such a series may be empty.
    bool shardLevelNeedsEnhancedMonitoring = false;
};

} // namespace shardscope
