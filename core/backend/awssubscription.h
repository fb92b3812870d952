#pragma once

#include "aws/sigv4.h"
#include "backend/backendsubscription.h"
#include "protocol/eventstream.h"

#include <QPointer>

#include <optional>

class QNetworkReply;

namespace shardscope {

class AwsBackend;

// SubscribeToShard over the Kinesis wire protocol: one SigV4-signed POST, its response body an
// event stream (`application/vnd.amazon.eventstream`) read as it arrives. AWS serves
// SubscribeToShard over HTTP/2 only, so the request asks for it: by ALPN (h2) for https, with
// prior knowledge (h2c) for a cleartext endpoint such as `shardscope --serve`.
//
// `initial-response` is opened(), each `SubscribeToShardEvent` (decoded by the wire codec) is
// eventReceived(), an exception message is failed() with its Kinesis type and message, and the
// end of the body is finished(). An HTTP error answer fails with its Kinesis error, a broken
// connection or an unreadable stream with a readable message. No retries: the caller subscribes
// again from the last continuation, as Kinesis asks. The activity dock sees one
// SubscribeToShard call, from the request to the end.
//
// Threads: lives on the backend's thread (the GUI thread); the network runs asynchronously on it.
// Destroying it cancels it; if the backend goes first, it ends with an error.
class AwsSubscription final : public BackendSubscription
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AwsSubscription)

public:
    // Starts at once; `call` was reported as started.
    AwsSubscription(AwsBackend &backend, BackendCall call, const SubscribeToShardRequest &request,
                    QObject *parent = nullptr);
    ~AwsSubscription() override;

    void cancel() override;
    // Whether the answer came over HTTP/2; known once the response has begun.
    std::optional<bool> usedHttp2() const { return m_usedHttp2; }

private:
    void send(const AwsCredentials &credentials);
    void onReadyRead();
    void onFinished();
    void handle(const EventStream::Message &message);
    void dropReply();

    QPointer<AwsBackend> m_backend;
    QString m_backendName;
    QString m_host;
    QByteArray m_body;
    QPointer<QNetworkReply> m_reply;
    EventStream::Decoder m_decoder;
    bool m_streaming = false; // a 2xx answer: the body is the event stream
    std::optional<bool> m_usedHttp2;
};

} // namespace shardscope
