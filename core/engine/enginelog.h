#pragma once

#include <QLoggingCategory>

namespace shardscope {

// The engine's log, "shardscope.engine": critical when the engine stops accepting writes,
// warnings for failures it works around or swallows (a rolled-back write group, housekeeping
// that could not finish, a statement that could not be undone), info for schema migrations.
// Debug adds the routine (housekeeping rounds that deleted something):
// QT_LOGGING_RULES="shardscope.engine.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcEngine)

} // namespace shardscope
