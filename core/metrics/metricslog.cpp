#include "metricslog.h"

namespace shardscope {

Q_LOGGING_CATEGORY(lcMetrics, "shardscope.metrics", QtInfoMsg)

} // namespace shardscope
