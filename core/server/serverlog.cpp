#include "serverlog.h"

namespace shardscope {

Q_LOGGING_CATEGORY(lcServer, "shardscope.server", QtInfoMsg)

} // namespace shardscope
