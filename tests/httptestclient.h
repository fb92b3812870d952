#pragma once

// A blocking HTTP/1.1 response reader for tests that speak to a server over a raw socket.

#include <QAbstractSocket>
#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>

#include <optional>

namespace shardscope::testing {

struct ParsedResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
};

// Reads one response (headers and a Content-Length body) from `socket`; `buffer` keeps bytes
// that arrived beyond it, for pipelined responses. nullopt on timeout or a closed connection.
inline std::optional<ParsedResponse> readResponse(QAbstractSocket &socket, QByteArray &buffer,
                                                  int timeoutMs = 5000)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            ParsedResponse response;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            response.status = lines.front().split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                response.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                        lines[i].mid(colon + 1).trimmed());
            }
            const qint64 length = response.headers.value("content-length").toLongLong();
            while (buffer.size() < end + 4 + length && timer.elapsed() < timeoutMs) {
                socket.waitForReadyRead(100);
                buffer += socket.readAll();
            }
            if (buffer.size() < end + 4 + length)
                return std::nullopt;
            response.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            return response;
        }
        if (timer.elapsed() > timeoutMs || socket.state() != QAbstractSocket::ConnectedState) {
            buffer += socket.readAll();
            if (buffer.indexOf("\r\n\r\n") >= 0)
                continue;
            return std::nullopt;
        }
        socket.waitForReadyRead(100);
        buffer += socket.readAll();
    }
}

} // namespace shardscope::testing
