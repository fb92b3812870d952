#pragma once

#include "httpserver.h"

#include <QByteArray>
#include <QString>

namespace shardscope {

// Reads HTTP/1.1 requests from the bytes a connection received: the request line, headers
// (names in lower case, repeated ones joined with ", "), and a Content-Length body. Refuses what
// the server does not take, with the status to answer: a head over the header limit (431), a
// malformed request line (400) or version (505), a malformed header line (400), Transfer-Encoding
// (501), a malformed Content-Length (400), a body over the limit (413).
//
// It works over the connection's own buffer, taking from its front what it has read, so the
// connection still sees what is left (for deadlines and for telling HTTP/2 apart). After a
// refusal it reads nothing more: the connection answers and closes.
//
// Threads: one thread at a time.
class Http1RequestParser final
{
public:
    struct Limits
    {
        qint64 maxHeaderBytes = 64 * 1024;
        qint64 maxBodyBytes = 7 * 1024 * 1024;
    };
    struct Step
    {
        enum Kind {
            NeedMore,   // nothing more can be read until more bytes arrive
            HeadRead,   // a head was read; its body (if any) comes next
            Request,    // a whole request: `request`, `closeAfter`
            Refused,    // `status`, `message` (the answer's body) and `detail` (for the log)
        };
        Kind kind = NeedMore;
        // HeadRead: the client asked for "100 Continue" and has sent none of the body yet.
        bool expectContinue = false;
        HttpRequest request;
        bool closeAfter = false; // the connection ends after the answer (HTTP/1.0, Connection: close)
        int status = 0;
        QByteArray message;
        QString detail;
    };

    explicit Http1RequestParser(Limits limits) : m_limits(limits) {}

    // Reads what it can from the front of `buffer`.
    Step next(QByteArray &buffer);
    // Between requests (no head read, nothing refused).
    bool isIdle() const { return m_state == State::Head; }

private:
    enum class State { Head, Body, Refused };
    Step refuse(int status, QByteArray message, QString detail = {});
    Step parseHead(const QByteArray &head);

    const Limits m_limits;
    State m_state = State::Head;
    HttpRequest m_request;
    qint64 m_contentLength = 0;
    bool m_closeAfter = false;
};

} // namespace shardscope
