#pragma once

#include <QHashFunctions>
#include <QString>

namespace shardscope {

// One metric series: a CloudWatch metric name with its dimensions. An empty shardId is the
// stream-level series (dimension StreamName only).
struct MetricKey
{
    QString metricName;
    QString streamName;
    QString shardId;

    bool isShardLevel() const { return !shardId.isEmpty(); }
    bool operator==(const MetricKey &) const = default;
    auto operator<=>(const MetricKey &other) const
    {
        if (auto c = metricName.compare(other.metricName); c != 0)
            return c <=> 0;
        if (auto c = streamName.compare(other.streamName); c != 0)
            return c <=> 0;
        return shardId.compare(other.shardId) <=> 0;
    }
};

inline size_t qHash(const MetricKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.metricName, key.streamName, key.shardId);
}

} // namespace shardscope
