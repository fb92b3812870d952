#pragma once

#include <QLoggingCategory>

namespace shardscope {

// The metrics registry's log, "shardscope.metrics": warnings when the metrics file cannot be
// written or read (the points stay in memory).
Q_DECLARE_LOGGING_CATEGORY(lcMetrics)

} // namespace shardscope
