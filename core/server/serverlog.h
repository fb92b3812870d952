#pragma once

#include <QLoggingCategory>

namespace shardscope {

// The Kinesis endpoint's log, "shardscope.server": warnings for failures (a TLS handshake
// that fails, a request over a limit, a socket error, a 5xx answer), debug messages for the
// routine (connections opening and closing, each request answered). Debug is off unless asked
// for: QT_LOGGING_RULES="shardscope.server.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcServer)

} // namespace shardscope
