#include "backendlog.h"

namespace shardscope {

Q_LOGGING_CATEGORY(lcBackend, "shardscope.backend", QtInfoMsg)

} // namespace shardscope
