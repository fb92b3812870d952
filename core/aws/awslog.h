#pragma once

#include <QLoggingCategory>

namespace shardscope {

// Talking to AWS: retries, clock-skew corrections, credentials resolved, refreshed or failed.
// Turn it on with QT_LOGGING_RULES="shardscope.aws.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcAws)

} // namespace shardscope
