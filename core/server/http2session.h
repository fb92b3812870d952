#pragma once

#include "httpserver.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QHostAddress>

#include <functional>
#include <memory>

struct nghttp2_session;

namespace shardscope {

// One HTTP/2 connection of HttpServer, server side, over nghttp2: the client's streams become
// HttpRequests for the same handler as HTTP/1.1, and its answers (streamed ones too) go back as
// HTTP/2 responses. nghttp2 does the framing, HPACK, flow control and the protocol's own checks;
// this class adds the server's limits: at most 100 concurrent streams, a header list of at most
// maxHeaderBytes (431), a body of at most maxBodyBytes (413), and a per-stream deadline of
// requestTimeoutMs from its first frame to its last (408). It writes only while the socket has
// less than kMaxQueuedBytes waiting, so a client that stops reading stops the server's writes to
// it, not the server.
//
// Response bytes held for the connection (bodies not yet taken by nghttp2, which takes them only
// as the client's flow-control windows allow, plus the socket's queue) are capped at about
// kMaxBufferedBytes, whatever the number of streams: past it, a streamed response sees its
// pending bytes as the connection's and waits for `drained`, and a request that completes waits
// to be handled (in arrival order) until the client has read enough. Nothing is dropped; a
// client that opens streams and never reads holds at most the cap and one response beyond it.
//
// Threads: the connection's thread only.
class Http2Session final
{
public:
    static constexpr qint64 kMaxQueuedBytes = 1024 * 1024;
    static constexpr qint64 kMaxBufferedBytes = 16 * 1024 * 1024;
    static constexpr int kMaxConcurrentStreams = 100;

    struct Transport
    {
        // Hands bytes to the socket.
        std::function<void(const QByteArray &)> write;
        // Bytes handed to the socket that it has not sent yet.
        std::function<qint64()> queuedBytes;
    };

    Http2Session(const HttpServer::Handler &handler, const HttpServer::Options &options,
                 QHostAddress peer, QString peerText, Transport transport);
    ~Http2Session();
    Http2Session(const Http2Session &) = delete;
    Http2Session &operator=(const Http2Session &) = delete;

    // Sends the server's SETTINGS. False if the session could not be made.
    bool start();
    // Feeds bytes from the client (the connection preface first). False when the connection
    // must close (a protocol error; nghttp2 queued a GOAWAY, which flush() still sends).
    bool receive(QByteArrayView bytes);
    // Writes what nghttp2 has to send, as far as the socket takes it. Call after receive(), when
    // the socket drained, and after a streamed response wrote.
    void flush();
    // True once the session has nothing more to read or write (after GOAWAY both ways).
    bool isDone() const;
    // Streams open now.
    int openStreams() const;
    // Response bytes held for the connection: bodies not yet taken by nghttp2 and the socket's
    // queue.
    qint64 bufferedBytes() const;
    // Fails every stream whose request is older than the deadline (408). Called by the
    // connection's timer.
    void expireRequests(qint64 nowMs);
    // Ends the connection politely (GOAWAY), e.g. when it has been idle too long.
    void terminate();

    struct Stream;

private:
    friend struct Http2Callbacks;
    void dispatch(Stream &stream);
    void dispatchWaiting();
    void respond(Stream &stream, HttpResponse response);
    void respondWithStatus(Stream &stream, int status, const QByteArray &message);

    const HttpServer::Handler &m_handler;
    const HttpServer::Options &m_options;
    QHostAddress m_peer;
    QString m_peerText;
    Transport m_transport;
    nghttp2_session *m_session = nullptr;
    QHash<qint32, std::shared_ptr<Stream>> m_streams;
    // Streams nghttp2 closed, kept until the next call from outside: a stream may close while
    // its own response stream is writing.
    QList<std::shared_ptr<Stream>> m_closed;
    // Response body bytes in the streams' buffers, not yet taken by nghttp2.
    qint64 m_bodyBytes = 0;
    // Complete requests waiting for the connection to drain below kMaxBufferedBytes, in order.
    QList<qint32> m_waitingRequests;
    bool m_flushing = false;
    bool m_dispatchingWaiting = false;
};

} // namespace shardscope
