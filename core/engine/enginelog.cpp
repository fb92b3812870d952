#include "enginelog.h"

namespace shardscope {

Q_LOGGING_CATEGORY(lcEngine, "shardscope.engine", QtInfoMsg)

} // namespace shardscope
