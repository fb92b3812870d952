#include "awslog.h"

namespace shardscope {

Q_LOGGING_CATEGORY(lcAws, "shardscope.aws", QtInfoMsg)

} // namespace shardscope
