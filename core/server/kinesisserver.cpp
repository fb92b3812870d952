#include "kinesisserver.h"

#include "httpserver.h"

namespace shardscope {

KinesisServer::KinesisServer(Engine &engine, QObject *parent) : QObject(parent), m_engine(engine) {}

KinesisServer::~KinesisServer()
{
    stop();
}

std::expected<QUrl, QString> KinesisServer::start(const Options &options)
{
    stop();
    m_endpoint = std::make_unique<KinesisEndpoint>(
        m_engine, options.verifier, [this](const QString &operation, int status, qint64 micros) {
            emit requestHandled(operation, status, micros);
        });
    HttpServer::Options httpOptions;
    httpOptions.workerThreads = options.workerThreads;
    KinesisEndpoint *endpoint = m_endpoint.get();
    auto http = std::make_unique<HttpServer>(
        [endpoint](const HttpRequest &request) { return endpoint->handle(request); }, httpOptions);
    if (!http->listen(options.address, options.port)) {
        const QString error = http->errorString();
        m_endpoint.reset();
        return std::unexpected(error);
    }
    m_http = std::move(http);
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(options.address.toString());
    url.setPort(m_http->serverPort());
    m_url = url;
    emit runningChanged(true);
    return m_url;
}

void KinesisServer::stop()
{
    if (!m_http)
        return;
    m_http.reset();
    m_endpoint.reset();
    m_url.clear();
    emit runningChanged(false);
}

} // namespace shardscope
