#include "aws/awsretry.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace shardscope {

std::chrono::milliseconds AwsRetry::backoffDelay(int retry, std::chrono::milliseconds base,
                                                 std::chrono::milliseconds maxDelay, double random)
{
    const double ceiling = std::min(static_cast<double>(maxDelay.count()),
                                    static_cast<double>(base.count()) *
                                        std::ldexp(1.0, std::clamp(retry, 0, 62)));
    const double r = std::clamp(random, 0.0, 1.0);
    return std::chrono::milliseconds(static_cast<qint64>(std::floor(ceiling * r)));
}

} // namespace shardscope
