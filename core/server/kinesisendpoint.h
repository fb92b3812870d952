#pragma once

#include "aws/sigv4.h"
#include "httpserver.h"
#include "kinesis/caller.h"
#include "kinesis/error.h"

#include <QString>

#include <expected>
#include <functional>
#include <memory>

namespace shardscope {

class CloudWatchDispatcher;
class Dispatcher;
class Engine;

// The Kinesis wire endpoint over HTTP: checks the request's authentication header, hands the
// operation to the Dispatcher (JSON 1.1 or CBOR), and answers with Kinesis's response headers
// (x-amzn-RequestId, x-amz-id-2). Thread-safe: handle() runs on the HTTP worker threads.
class KinesisEndpoint final
{
public:
    // Verifies a request's SigV4 signature; returns the access key id or the error to send.
    using Verifier = std::function<std::expected<QString, Error>(const HttpRequest &)>;
    // Told about every request after it is answered (for logs and the GUI's activity view).
    using Observer = std::function<void(const QString &operation, int status, qint64 micros)>;

    KinesisEndpoint(Engine &engine, Verifier verifier = {}, Observer observer = {});
    ~KinesisEndpoint();
    KinesisEndpoint(const KinesisEndpoint &) = delete;
    KinesisEndpoint &operator=(const KinesisEndpoint &) = delete;

    HttpResponse handle(const HttpRequest &request) const;

    // The Authorization header's shape, checked even when signatures are not verified, so that
    // clients learn of a missing or malformed header as Kinesis would tell them.
    static std::expected<void, Error> checkAuthorizationShape(const HttpRequest &request);
    // Who sent the request, for the engine's reader list: the access key id the signature names
    // (Authorization's Credential, or X-Amz-Credential in the query; whether or not it was
    // verified), the User-Agent (Caller::readerUserAgent) and the peer address (an IPv4-mapped
    // one as plain IPv4).
    static Caller callerOf(const HttpRequest &request);

private:
    Engine &m_engine;
    std::unique_ptr<Dispatcher> m_dispatcher;
    std::unique_ptr<CloudWatchDispatcher> m_cloudWatch; // GraniteServiceVersion20100801.*
    Verifier m_verifier;
    Observer m_observer;
};

// The request as the SigV4 verifier sees it: method, path, query, headers and body.
SignableRequest signableRequest(const HttpRequest &request);

} // namespace shardscope
