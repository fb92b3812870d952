#include "metricstatistics.h"

#include <algorithm>

namespace shardscope {

void StatisticSet::add(double value)
{
    if (sampleCount == 0) {
        minimum = value;
        maximum = value;
    } else {
        minimum = std::min(minimum, value);
        maximum = std::max(maximum, value);
    }
    sampleCount += 1;
    sum += value;
}

void StatisticSet::merge(const StatisticSet &other)
{
    if (other.isEmpty())
        return;
    if (isEmpty()) {
        *this = other;
        return;
    }
    sampleCount += other.sampleCount;
    sum += other.sum;
    minimum = std::min(minimum, other.minimum);
    maximum = std::max(maximum, other.maximum);
}

double StatisticSet::value(Statistic statistic) const
{
    switch (statistic) {
    case Statistic::SampleCount:
        return sampleCount;
    case Statistic::Sum:
        return sum;
    case Statistic::Average:
        return sampleCount == 0 ? 0 : sum / sampleCount;
    case Statistic::Minimum:
        return minimum;
    case Statistic::Maximum:
        return maximum;
    }
    return 0;
}

} // namespace shardscope
