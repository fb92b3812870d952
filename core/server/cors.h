#pragma once

#include "httpserver.h"

#include <optional>

namespace shardscope {

// CORS for browser clients (a web application in development calling the emulator with the
// AWS SDK for JavaScript): the answer to a preflight OPTIONS request, and the headers every
// answer to a request with an Origin carries, so the SDK can read the request id and error
// type. Any origin is allowed: the emulator serves on loopback by default.
namespace Cors {

// The answer to a preflight (OPTIONS with Origin and Access-Control-Request-Method), or nullopt
// when the request is not one.
std::optional<HttpResponse> preflight(const HttpRequest &request);
// Adds Access-Control-Allow-Origin and Access-Control-Expose-Headers when the request came from
// a browser (has an Origin).
void addHeaders(const HttpRequest &request, HttpResponse &response);

} // namespace Cors
} // namespace shardscope
