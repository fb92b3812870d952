#pragma once

// Shared by the AWS client tests: a scripted HTTP endpoint standing in for an AWS service
// (HttpServer on a free port; the handler sees each request and its 1-based number).

#include "server/httpserver.h"

#include <QHostAddress>
#include <QMutex>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace shardscope::testing {

inline QByteArray targetOf(const HttpRequest &request)
{
    return request.header("x-amz-target");
}

class StandIn final
{
public:
    using Handler = std::function<HttpResponse(const HttpRequest &, int)>;

    explicit StandIn(Handler handler, std::optional<QSslConfiguration> tls = {})
        : m_handler(std::move(handler))
    {
        HttpServer::Options options;
        options.tls = std::move(tls);
        m_server = std::make_unique<HttpServer>(
            [this](const HttpRequest &request) {
                int n = 0;
                {
                    const QMutexLocker lock(&m_mutex);
                    m_requests.append(request);
                    n = static_cast<int>(m_requests.size());
                }
                return m_handler(request, n);
            },
            options);
        m_listening = m_server->listen(QHostAddress::LocalHost, 0);
    }

    bool isListening() const { return m_listening; }
    QUrl url(const QString &scheme = QStringLiteral("http")) const
    {
        return QUrl(scheme + QStringLiteral("://127.0.0.1:") + QString::number(m_server->serverPort()));
    }
    QList<HttpRequest> requests() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_requests;
    }
    int count() const { return static_cast<int>(requests().size()); }
    QList<HttpRequest> requestsWithTarget(const QByteArray &operation) const
    {
        QList<HttpRequest> matching;
        for (const HttpRequest &request : requests()) {
            if (targetOf(request) == "Kinesis_20131202." + operation)
                matching.append(request);
        }
        return matching;
    }

private:
    Handler m_handler;
    std::unique_ptr<HttpServer> m_server;
    bool m_listening = false;
    mutable QMutex m_mutex;
    QList<HttpRequest> m_requests;
};

} // namespace shardscope::testing
