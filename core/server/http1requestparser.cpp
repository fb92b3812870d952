#include "http1requestparser.h"

namespace shardscope {

Http1RequestParser::Step Http1RequestParser::refuse(int status, QByteArray message, QString detail)
{
    m_state = State::Refused;
    Step step;
    step.kind = Step::Refused;
    step.status = status;
    step.message = std::move(message);
    step.detail = std::move(detail);
    step.closeAfter = true;
    return step;
}

Http1RequestParser::Step Http1RequestParser::next(QByteArray &buffer)
{
    if (m_state == State::Refused)
        return Step{};
    if (m_state == State::Head) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            // A head of up to the limit may still end in the next bytes: its terminator can start
            // at the limit at the latest.
            if (buffer.size() > m_limits.maxHeaderBytes + 3)
                return refuse(431, "Request header is too large.",
                              QStringLiteral("the request head is over the limit of %1 bytes")
                                  .arg(m_limits.maxHeaderBytes));
            return Step{};
        }
        if (end > m_limits.maxHeaderBytes)
            return refuse(431, "Request header is too large.",
                          QStringLiteral("the request head of %1 bytes is over the limit of %2")
                              .arg(end)
                              .arg(m_limits.maxHeaderBytes));
        Step head = parseHead(buffer.left(end));
        if (head.kind == Step::Refused)
            return head;
        buffer.remove(0, end + 4);
        m_state = State::Body;
        if (m_contentLength > m_limits.maxBodyBytes)
            return refuse(413, "",
                          QStringLiteral("a body of %1 bytes is over the limit of %2")
                              .arg(m_contentLength)
                              .arg(m_limits.maxBodyBytes));
        head.kind = Step::HeadRead;
        head.expectContinue = m_request.header("expect").toLower() == "100-continue" &&
                              m_contentLength > 0 && buffer.isEmpty();
        return head;
    }
    // State::Body
    if (buffer.size() < m_contentLength)
        return Step{};
    Step step;
    step.kind = Step::Request;
    step.request = std::move(m_request);
    step.request.body = buffer.left(m_contentLength);
    step.closeAfter = m_closeAfter;
    buffer.remove(0, m_contentLength);
    m_request = HttpRequest{};
    m_contentLength = 0;
    m_closeAfter = false;
    m_state = State::Head;
    return step;
}

Http1RequestParser::Step Http1RequestParser::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.front().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return refuse(requestLine.size() == 3 ? 505 : 400, "Malformed request line.");
    m_request = HttpRequest{};
    m_request.method = requestLine[0];
    m_request.target = requestLine[1];
    const bool http10 = requestLine[2] == "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return refuse(400, "Malformed header line.");
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (m_request.headers.contains(name))
            m_request.headers[name] += ", " + value;
        else
            m_request.headers.insert(name, value);
    }
    const QByteArray connection = m_request.header("connection").toLower();
    m_closeAfter = http10 ? !connection.contains("keep-alive") : connection.contains("close");
    if (!m_request.header("transfer-encoding").isEmpty())
        return refuse(501, "Transfer-Encoding is not supported; send Content-Length.");
    const QByteArray length = m_request.header("content-length");
    m_contentLength = 0;
    if (!length.isEmpty()) {
        bool ok = false;
        m_contentLength = length.toLongLong(&ok);
        if (!ok || m_contentLength < 0)
            return refuse(400, "Malformed Content-Length.");
    }
    Step step;
    step.closeAfter = m_closeAfter;
    return step;
}

} // namespace shardscope
