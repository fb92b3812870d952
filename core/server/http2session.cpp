#include "http2session.h"

#include "httpdate.h"
#include "serverlog.h"

#include <QDateTime>

#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <cstring>

namespace shardscope {

// One client stream: its request as it arrives, then its response body as it goes out. It is
// the sink of a streamed response.
struct Http2Session::Stream final : public ResponseSink
{
    Http2Session *session = nullptr;
    qint32 id = 0;
    HttpRequest request;
    qint64 headerBytes = 0;
    qint64 startedMs = 0;
    bool requestComplete = false;
    bool responded = false;
    int refusal = 0; // 431 or 413 once a limit was passed
    bool closed = false;

    QByteArray out;          // response body not yet taken by nghttp2
    qsizetype outOffset = 0; // taken up to here
    bool outDone = false;    // the body is complete
    std::shared_ptr<ResponseStream> responseStream;
    std::function<void()> drained;

    void write(const QByteArray &piece) override
    {
        if (closed || outDone || piece.isEmpty())
            return;
        out.append(piece);
        session->m_bodyBytes += piece.size();
        resume();
    }
    void finish() override
    {
        if (closed || outDone)
            return;
        outDone = true;
        resume();
    }
    // This stream's own, or, while the connection holds more than its cap, all the
    // connection's: every streamed response then waits for the client to read.
    qint64 pendingBytes() const override
    {
        const qint64 own = unsent() + session->m_transport.queuedBytes();
        const qint64 connection = session->bufferedBytes();
        return connection >= kMaxBufferedBytes ? std::max(own, connection) : own;
    }
    qint64 unsent() const { return out.size() - outOffset; }
    // Gives up what nghttp2 has not taken (the stream closed).
    void dropUnsent()
    {
        session->m_bodyBytes -= unsent();
        out.clear();
        outOffset = 0;
    }
    void setDrainedCallback(std::function<void()> callback) override { drained = std::move(callback); }

    void resume()
    {
        nghttp2_session_resume_data(session->m_session, id);
        session->flush();
    }
};

namespace {

nghttp2_nv header(const QByteArray &name, const QByteArray &value)
{
    return nghttp2_nv{reinterpret_cast<uint8_t *>(const_cast<char *>(name.constData())),
                      reinterpret_cast<uint8_t *>(const_cast<char *>(value.constData())),
                      size_t(name.size()), size_t(value.size()), NGHTTP2_NV_FLAG_NONE};
}

} // namespace

// The nghttp2 callbacks, as static members of a friend so they reach the session's internals.
struct Http2Callbacks
{
    static Http2Session &of(void *user) { return *static_cast<Http2Session *>(user); }

    // nghttp2 takes the next piece of a response body, as far as the flow-control windows let it.
    static ssize_t readBody(nghttp2_session *, int32_t, uint8_t *buffer, size_t length,
                            uint32_t *flags, nghttp2_data_source *source, void *)
    {
        auto *stream = static_cast<Http2Session::Stream *>(source->ptr);
        const qsizetype available = stream->unsent();
        const qsizetype taken = std::min<qsizetype>(qsizetype(length), available);
        if (taken > 0) {
            std::memcpy(buffer, stream->out.constData() + stream->outOffset, size_t(taken));
            stream->outOffset += taken;
            stream->session->m_bodyBytes -= taken;
            if (stream->outOffset == stream->out.size()) {
                stream->out.clear();
                stream->outOffset = 0;
            }
        }
        if (taken == available) {
            if (stream->outDone)
                *flags |= NGHTTP2_DATA_FLAG_EOF;
            else if (taken == 0)
                return NGHTTP2_ERR_DEFERRED; // a streamed body waiting for its next piece
        }
        return ssize_t(taken);
    }

    static Http2Session::Stream *streamOf(Http2Session &session, int32_t id)
    {
        const auto it = session.m_streams.constFind(id);
        return it == session.m_streams.cend() ? nullptr : it->get();
    }

    static int onBeginHeaders(nghttp2_session *, const nghttp2_frame *frame, void *user)
    {
        if (frame->hd.type != NGHTTP2_HEADERS || frame->headers.cat != NGHTTP2_HCAT_REQUEST)
            return 0;
        Http2Session &session = of(user);
        auto stream = std::make_shared<Http2Session::Stream>();
        stream->session = &session;
        stream->id = frame->hd.stream_id;
        stream->startedMs = QDateTime::currentMSecsSinceEpoch();
        stream->request.peer = session.m_peer;
        session.m_streams.insert(stream->id, std::move(stream));
        return 0;
    }

    static int onHeader(nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name,
                        size_t nameLength, const uint8_t *value, size_t valueLength, uint8_t,
                        void *user)
    {
        Http2Session &session = of(user);
        Http2Session::Stream *stream = streamOf(session, frame->hd.stream_id);
        if (!stream || stream->refusal)
            return 0;
        // HPACK's own measure of a header list: name, value and 32 bytes each.
        stream->headerBytes += qint64(nameLength + valueLength + 32);
        if (stream->headerBytes > session.m_options.maxHeaderBytes) {
            stream->refusal = 431;
            return 0;
        }
        const QByteArray key(reinterpret_cast<const char *>(name), qsizetype(nameLength));
        const QByteArray text(reinterpret_cast<const char *>(value), qsizetype(valueLength));
        HttpRequest &request = stream->request;
        if (key == ":method")
            request.method = text;
        else if (key == ":path")
            request.target = text;
        else if (key == ":authority") {
            // Both names: SigV4 signatures made over HTTP/2 sign :authority instead of host.
            request.headers.insert("host", text);
            request.headers.insert(key, text);
        }
        else if (key.startsWith(':'))
            return 0; // :scheme
        else if (request.headers.contains(key))
            request.headers[key] += (key == "cookie" ? "; " : ", ") + text;
        else
            request.headers.insert(key, text);
        return 0;
    }

    static int onDataChunk(nghttp2_session *, uint8_t, int32_t id, const uint8_t *data,
                           size_t length, void *user)
    {
        Http2Session &session = of(user);
        Http2Session::Stream *stream = streamOf(session, id);
        if (!stream || stream->refusal || stream->responded)
            return 0;
        if (stream->request.body.size() + qint64(length) > session.m_options.maxBodyBytes) {
            stream->refusal = 413;
            stream->request.body.clear();
            session.respondWithStatus(*stream, 413, QByteArray());
            return 0;
        }
        stream->request.body.append(reinterpret_cast<const char *>(data), qsizetype(length));
        return 0;
    }

    static int onFrameReceived(nghttp2_session *, const nghttp2_frame *frame, void *user)
    {
        if ((frame->hd.type != NGHTTP2_HEADERS && frame->hd.type != NGHTTP2_DATA) ||
            !(frame->hd.flags & NGHTTP2_FLAG_END_STREAM))
            return 0;
        Http2Session &session = of(user);
        Http2Session::Stream *stream = streamOf(session, frame->hd.stream_id);
        if (!stream || stream->responded)
            return 0;
        stream->requestComplete = true;
        session.dispatch(*stream);
        return 0;
    }

    static int onStreamClose(nghttp2_session *, int32_t id, uint32_t, void *user)
    {
        Http2Session &session = of(user);
        const auto it = session.m_streams.find(id);
        if (it == session.m_streams.end())
            return 0;
        const std::shared_ptr<Http2Session::Stream> stream = *it;
        session.m_streams.erase(it);
        session.m_closed.append(stream);
        stream->closed = true;
        stream->dropUnsent();
        if (stream->responseStream && !stream->outDone)
            stream->responseStream->cancel();
        return 0;
    }
};

Http2Session::Http2Session(const HttpServer::Handler &handler, const HttpServer::Options &options,
                           QHostAddress peer, QString peerText, Transport transport)
    : m_handler(handler),
      m_options(options),
      m_peer(std::move(peer)),
      m_peerText(std::move(peerText)),
      m_transport(std::move(transport))
{
}

Http2Session::~Http2Session()
{
    // Streamed responses still running stop here; nghttp2 is gone after this.
    for (const auto &stream : std::as_const(m_streams)) {
        stream->closed = true;
        if (stream->responseStream && !stream->outDone)
            stream->responseStream->cancel();
    }
    m_streams.clear();
    m_closed.clear();
    if (m_session)
        nghttp2_session_del(m_session);
}

bool Http2Session::start()
{
    nghttp2_session_callbacks *callbacks = nullptr;
    if (nghttp2_session_callbacks_new(&callbacks) != 0)
        return false;
    nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, &Http2Callbacks::onBeginHeaders);
    nghttp2_session_callbacks_set_on_header_callback(callbacks, &Http2Callbacks::onHeader);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, &Http2Callbacks::onDataChunk);
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, &Http2Callbacks::onFrameReceived);
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, &Http2Callbacks::onStreamClose);
    const int made = nghttp2_session_server_new(&m_session, callbacks, this);
    nghttp2_session_callbacks_del(callbacks);
    if (made != 0)
        return false;
    const nghttp2_settings_entry settings[] = {
        {NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, uint32_t(kMaxConcurrentStreams)},
        {NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE, uint32_t(m_options.maxHeaderBytes)},
    };
    if (nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings, std::size(settings)) != 0)
        return false;
    flush();
    return true;
}

bool Http2Session::receive(QByteArrayView bytes)
{
    m_closed.clear();
    const ssize_t read = nghttp2_session_mem_recv(
        m_session, reinterpret_cast<const uint8_t *>(bytes.data()), size_t(bytes.size()));
    if (read < 0) {
        qCWarning(lcServer).noquote() << "HTTP/2 session with" << m_peerText << "failed:"
                                      << nghttp2_strerror(int(read));
        // nghttp2 has queued a GOAWAY for protocol errors; send what it has.
        flush();
        return false;
    }
    flush();
    return true;
}

void Http2Session::flush()
{
    if (m_flushing)
        return;
    m_flushing = true;
    while (m_transport.queuedBytes() < kMaxQueuedBytes) {
        const uint8_t *data = nullptr;
        const ssize_t length = nghttp2_session_mem_send(m_session, &data);
        if (length < 0) {
            qCWarning(lcServer).noquote() << "HTTP/2 session with" << m_peerText
                                          << "cannot send:" << nghttp2_strerror(int(length));
            break;
        }
        if (length == 0)
            break;
        m_transport.write(QByteArray(reinterpret_cast<const char *>(data), qsizetype(length)));
    }
    m_flushing = false;
    // Requests held back while the connection was over its cap, then streamed responses
    // waiting for the client to read, may go on now.
    dispatchWaiting();
    QList<std::shared_ptr<Stream>> waiting;
    for (const auto &stream : std::as_const(m_streams)) {
        if (stream->drained && !stream->outDone)
            waiting.append(stream);
    }
    for (const auto &stream : waiting) {
        if (!stream->closed && stream->drained)
            stream->drained();
    }
}

bool Http2Session::isDone() const
{
    return !nghttp2_session_want_read(m_session) && !nghttp2_session_want_write(m_session);
}

int Http2Session::openStreams() const
{
    return int(m_streams.size());
}

qint64 Http2Session::bufferedBytes() const
{
    return m_bodyBytes + m_transport.queuedBytes();
}

void Http2Session::expireRequests(qint64 nowMs)
{
    m_closed.clear();
    QList<std::shared_ptr<Stream>> late;
    for (const auto &stream : std::as_const(m_streams)) {
        if (!stream->requestComplete && !stream->responded &&
            nowMs - stream->startedMs > m_options.requestTimeoutMs)
            late.append(stream);
    }
    for (const auto &stream : late) {
        qCWarning(lcServer).noquote() << "answering 408 on HTTP/2 stream" << stream->id << "of"
                                      << m_peerText << ": the request did not arrive within"
                                      << m_options.requestTimeoutMs << "ms";
        respondWithStatus(*stream, 408, "The request took too long to arrive.\n");
        nghttp2_submit_rst_stream(m_session, NGHTTP2_FLAG_NONE, stream->id, NGHTTP2_NO_ERROR);
    }
    flush();
}

void Http2Session::terminate()
{
    nghttp2_session_terminate_session(m_session, NGHTTP2_NO_ERROR);
    flush();
}

void Http2Session::dispatch(Stream &stream)
{
    if (stream.refusal) {
        if (stream.refusal == 431)
            respondWithStatus(stream, 431, "Request header is too large.\n");
        return;
    }
    // Over the cap, or behind others that are: the answer would only add to what the client
    // has not read.
    if (bufferedBytes() >= kMaxBufferedBytes || !m_waitingRequests.isEmpty()) {
        m_waitingRequests.append(stream.id);
        return;
    }
    respond(stream, m_handler(stream.request));
    stream.request = HttpRequest{};
}

void Http2Session::dispatchWaiting()
{
    if (m_dispatchingWaiting) // respond() flushes, which comes back here
        return;
    m_dispatchingWaiting = true;
    while (!m_waitingRequests.isEmpty() && bufferedBytes() < kMaxBufferedBytes) {
        const std::shared_ptr<Stream> stream = m_streams.value(m_waitingRequests.takeFirst());
        if (!stream || stream->responded || stream->closed)
            continue; // the client reset it meanwhile
        respond(*stream, m_handler(stream->request));
        stream->request = HttpRequest{};
    }
    m_dispatchingWaiting = false;
}

void Http2Session::respondWithStatus(Stream &stream, int status, const QByteArray &message)
{
    HttpResponse response;
    response.status = status;
    if (!message.isEmpty()) {
        response.contentType = "text/plain";
        response.body = message;
    }
    respond(stream, std::move(response));
}

void Http2Session::respond(Stream &stream, HttpResponse response)
{
    if (stream.responded || stream.closed)
        return;
    stream.responded = true;
    const QByteArray status = QByteArray::number(response.status);
    const QByteArray length = QByteArray::number(response.body.size());
    const QByteArray date = httpDateNow();
    QList<std::pair<QByteArray, QByteArray>> lowered;
    for (const auto &[name, value] : response.headers)
        lowered.append({name.toLower(), value});
    static const QByteArray kStatus = ":status", kContentType = "content-type",
                            kContentLength = "content-length", kDate = "date";
    QList<nghttp2_nv> nva;
    nva.append(header(kStatus, status));
    for (const auto &[name, value] : lowered)
        nva.append(header(name, value));
    if (!response.contentType.isEmpty())
        nva.append(header(kContentType, response.contentType));
    if (!response.stream)
        nva.append(header(kContentLength, length));
    nva.append(header(kDate, date));

    nghttp2_data_provider provider;
    provider.source.ptr = &stream;
    provider.read_callback = &Http2Callbacks::readBody;
    const bool hasBody = response.stream || !response.body.isEmpty();
    if (!response.stream) {
        stream.dropUnsent();
        stream.out = std::move(response.body);
        stream.outOffset = 0;
        stream.outDone = true;
        m_bodyBytes += stream.out.size();
    }
    const int submitted = nghttp2_submit_response(m_session, stream.id, nva.constData(),
                                                  size_t(nva.size()), hasBody ? &provider : nullptr);
    if (submitted != 0) {
        qCWarning(lcServer).noquote() << "cannot answer HTTP/2 stream" << stream.id << "of"
                                      << m_peerText << ":" << nghttp2_strerror(submitted);
        return;
    }
    if (response.stream) {
        stream.responseStream = std::move(response.stream);
        // Keep the stream alive while its response stream runs, even if nghttp2 closes it.
        const std::shared_ptr<Stream> self = m_streams.value(stream.id);
        stream.responseStream->start(stream);
    }
    flush();
}

} // namespace shardscope
