#pragma once

#include "kinesis/metricdata.h"

namespace shardscope {

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

} // namespace shardscope
