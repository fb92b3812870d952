#pragma once

#include <QByteArray>

namespace shardscope {

// The Date header's value for now: "Mon, 07 Dec 2026 09:00:00 GMT" (RFC 9110's IMF-fixdate),
// for HTTP/1.1 and HTTP/2 answers alike.
QByteArray httpDateNow();

} // namespace shardscope
