#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace shardscope {

// CloudWatch's statistics over a metric's samples.
enum class Statistic { SampleCount, Sum, Average, Minimum, Maximum };

QString statisticName(Statistic statistic);
std::optional<Statistic> parseStatistic(QStringView name); // "Sum", "Average", …

// What CloudWatch keeps of a data point: a statistic set. Merging two sets gives the set of
// the union of their samples, so seconds roll up into minutes and minutes into periods.
struct StatisticSet
{
    double sampleCount = 0;
    double sum = 0;
    double minimum = 0;
    double maximum = 0;

    bool isEmpty() const { return sampleCount == 0; }
    void add(double value);
    void merge(const StatisticSet &other);
    double value(Statistic statistic) const;
    bool operator==(const StatisticSet &) const = default;
};

// One metric's series as GetMetricData answers it: oldest first, one point per period that has
// samples (periods without samples are left out, as CloudWatch does).
struct MetricSeries
{
    QList<qint64> timestampsMs; // the start of each period, ms since the epoch
    QList<double> values;
};

} // namespace shardscope
