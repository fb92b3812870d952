#include "metricdata.h"

namespace shardscope {

QString statisticName(Statistic statistic)
{
    switch (statistic) {
    case Statistic::SampleCount:
        return QStringLiteral("SampleCount");
    case Statistic::Sum:
        return QStringLiteral("Sum");
    case Statistic::Average:
        return QStringLiteral("Average");
    case Statistic::Minimum:
        return QStringLiteral("Minimum");
    case Statistic::Maximum:
        return QStringLiteral("Maximum");
    }
    return {};
}

std::optional<Statistic> parseStatistic(QStringView name)
{
    for (Statistic statistic : {Statistic::SampleCount, Statistic::Sum, Statistic::Average,
                                Statistic::Minimum, Statistic::Maximum}) {
        if (name == statisticName(statistic))
            return statistic;
    }
    return std::nullopt;
}

} // namespace shardscope
