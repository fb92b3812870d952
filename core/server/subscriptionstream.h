#pragma once

#include "httpserver.h"
#include "protocol/wirecodec.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QTimer;

namespace shardscope {

class Engine;
class ShardSubscription;

// SubscribeToShard's response body: the event stream of one engine subscription. It sends the
// `initial-response` event at once, then a `SubscribeToShardEvent` for every event the
// subscription gives (in the request's body format), an exception message if the subscription
// fails, and ends the body when the subscription ends.
//
// It polls the subscription when the engine appends records to the subscribed shard and at the
// time the subscription asks to be woken; it stops polling while the client has more than
// kMaxPendingBytes not yet taken, and goes on when the client reads again.
//
// Threads: created on the connection's thread (where the server runs the handler), which is
// where start(), cancel() and everything after run.
class SubscriptionStream final : public QObject, public ResponseStream
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionStream)

public:
    static constexpr qint64 kMaxPendingBytes = 4 * 1024 * 1024;

    SubscriptionStream(Engine &engine, std::shared_ptr<ShardSubscription> subscription,
                       WireFormat format);
    ~SubscriptionStream() override;

    void start(ResponseSink &sink) override;
    void cancel() override;

private:
    void pump();
    void onRecordsAppended(const QString &streamName, const QString &shardId);

    Engine &m_engine;
    std::shared_ptr<ShardSubscription> m_subscription;
    WireCodec m_codec;
    QString m_streamName;
    QString m_shardId;
    ResponseSink *m_sink = nullptr; // set by start(), cleared by cancel() and at the end
    QTimer *m_wake = nullptr;
    bool m_waitingForClient = false;
};

} // namespace shardscope
