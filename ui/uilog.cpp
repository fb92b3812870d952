#include "uilog.h"

namespace shardscope {

Q_LOGGING_CATEGORY(lcUi, "shardscope.ui", QtInfoMsg)

} // namespace shardscope
