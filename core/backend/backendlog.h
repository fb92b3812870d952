#pragma once

#include <QLoggingCategory>

namespace shardscope {

// The backends: calls that fail, and what a backend works around on its own.
// Turn it on with QT_LOGGING_RULES="shardscope.backend.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcBackend)

} // namespace shardscope
