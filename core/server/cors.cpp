#include "cors.h"

namespace shardscope::Cors {

namespace {

// What the SDK reads from answers: the request ids, the error type, the date (clock skew).
constexpr QByteArrayView kExposed = "x-amzn-RequestId, x-amzn-ErrorType, x-amz-id-2, Date, Content-Length";
// What the SDK sends, when the browser does not list it.
constexpr QByteArrayView kAllowedHeaders =
    "authorization, content-type, x-amz-target, x-amz-date, x-amz-security-token, "
    "x-amz-user-agent, x-amz-content-sha256, amz-sdk-invocation-id, amz-sdk-request";

} // namespace

std::optional<HttpResponse> preflight(const HttpRequest &request)
{
    if (request.method != "OPTIONS" || request.header("origin").isEmpty() ||
        request.header("access-control-request-method").isEmpty())
        return std::nullopt;
    HttpResponse response;
    response.status = 200;
    const QByteArray asked = request.header("access-control-request-headers");
    response.headers = {
        {"Access-Control-Allow-Origin", request.header("origin")},
        {"Access-Control-Allow-Methods", "GET, POST, OPTIONS"},
        {"Access-Control-Allow-Headers", asked.isEmpty() ? kAllowedHeaders.toByteArray() : asked},
        {"Access-Control-Max-Age", "86400"},
        {"Vary", "Origin"},
    };
    return response;
}

void addHeaders(const HttpRequest &request, HttpResponse &response)
{
    const QByteArray origin = request.header("origin");
    if (origin.isEmpty())
        return;
    response.headers.append({"Access-Control-Allow-Origin", origin});
    response.headers.append({"Access-Control-Expose-Headers", kExposed.toByteArray()});
    response.headers.append({QByteArray("Vary"), QByteArray("Origin")});
}

} // namespace shardscope::Cors
