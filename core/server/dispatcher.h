#pragma once

#include "kinesis/caller.h"
#include "kinesis/error.h"
#include "protocol/wirecodec.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <memory>
#include <optional>

namespace shardscope {

class Engine;
class ShardSubscription;

// Turns one Kinesis HTTP request (X-Amz-Target, Content-Type, body) into the HTTP response:
// decodes the body with WireCodec, calls the engine, and encodes the result or the error in
// the format of the request. The HTTP server does transport and authentication first.
//
// Order of checks, as Kinesis (and kinesalite) make them: content type, body syntax, target,
// then the operation's own decoding and the engine.
//
// Thread-safe: it holds no state besides the engine, which is thread-safe.
class Dispatcher final
{
public:
    struct Response
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QString operation; // e.g. "PutRecord"; empty when the target named no operation we know
        // SubscribeToShard's answer: the subscription to stream events from (the body is
        // empty), in the request's format.
        std::shared_ptr<ShardSubscription> subscription;
        WireFormat format = WireFormat::Json;
    };

    // Kinesis rejects larger bodies with a bare 413.
    static constexpr qsizetype kMaxRequestBytes = qsizetype(7) * 1024 * 1024;

    explicit Dispatcher(Engine &engine);

    // Checks the caller's credentials; returns the error to answer with, if any. Kinesis looks at
    // them only after the content type, the body and the target, so handle() calls it then.
    using Authorizer = std::function<std::optional<Error>()>;

    // `caller`: who sent the request, as the engine records its reads (Engine::shardReaders).
    Response handle(QStringView target, QByteArrayView contentType, const QByteArray &body,
                    const Authorizer &authorize = {}, const Caller &caller = {}) const;

    // The operations handled, by wire name.
    static QStringList operations();

private:
    Engine &m_engine;
};

} // namespace shardscope
