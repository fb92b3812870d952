// libFuzzer target for the server's HTTP/2 session (Http2Session over nghttp2): the input, after
// the connection preface, is what a client sends, fed in pieces whose sizes the first byte
// chooses. Whatever the bytes, the session must not crash, leak or trip a sanitizer; a protocol
// error ends the session (receive() returns false). Requests that get through are answered by a
// handler that echoes them, with a streamed answer for one path, so responses, flow control and
// stream closes run too.

#include "server/http2session.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

using namespace shardscope;

namespace {

class OnePieceStream final : public ResponseStream
{
public:
    void start(ResponseSink &sink) override
    {
        sink.write("piece");
        sink.finish();
    }
    void cancel() override {}
};

HttpResponse echo(const HttpRequest &request)
{
    HttpResponse response;
    response.contentType = "text/plain";
    if (request.target == "/stream")
        response.stream = std::make_shared<OnePieceStream>();
    else
        response.body = request.method + ' ' + request.target + ' ' + request.body;
    return response;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const HttpServer::Handler handler = &echo;
    static const HttpServer::Options options = [] {
        HttpServer::Options o;
        o.maxBodyBytes = 64 * 1024;
        o.maxHeaderBytes = 8 * 1024;
        return o;
    }();
    qint64 written = 0;
    Http2Session::Transport transport;
    transport.write = [&written](const QByteArray &bytes) { written += bytes.size(); };
    transport.queuedBytes = [] { return qint64(0); };
    Http2Session session(handler, options, QHostAddress(QHostAddress::LocalHost), QStringLiteral("fuzz"),
                         std::move(transport));
    if (!session.start())
        return 0;
    const qsizetype piece = data[0] == 0 ? qsizetype(size) : qsizetype(data[0]) + 1;
    QByteArray input("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    input.append(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    for (qsizetype at = 0; at < input.size(); at += piece) {
        if (!session.receive(QByteArrayView(input).sliced(at, std::min(piece, input.size() - at))))
            break;
    }
    session.expireRequests(0);
    session.terminate();
    return 0;
}
