#pragma once

#include <QLoggingCategory>

namespace shardscope {

// The window's log: what it shows only for a moment (failed calls, serving, demo events) or not
// at all. Turn it on with QT_LOGGING_RULES="shardscope.ui.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcUi)

} // namespace shardscope
