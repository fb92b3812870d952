#pragma once

#include "kinesisendpoint.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <expected>
#include <memory>

namespace shardscope {

class Engine;
class HttpServer;

// The emulator served on a TCP port with the Kinesis wire protocol: what `shardscope --serve`
// runs headless and what the GUI's "Serve" toggle starts and stops. Lives on the thread that
// created it; requests are handled on the HTTP server's worker threads.
class KinesisServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KinesisServer)

public:
    struct Options
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 4567; // 0: any free port
        int workerThreads = 4;
        KinesisEndpoint::Verifier verifier; // set to check SigV4 signatures
        // Set both to serve https (one alone is an error). PEM; certificates after the first
        // one form its chain.
        QByteArray tlsCertificatePem;
        QByteArray tlsPrivateKeyPem;
    };

    explicit KinesisServer(Engine &engine, QObject *parent = nullptr);
    ~KinesisServer() override;

    // Returns the http:// or https:// URL clients connect to.
    std::expected<QUrl, QString> start(const Options &options);
    void stop();
    bool isRunning() const { return m_http != nullptr; }
    QUrl url() const { return m_url; }

signals:
    // Emitted from worker threads after each request is answered.
    void requestHandled(const QString &operation, int status, qint64 micros);
    void runningChanged(bool running);

private:
    Engine &m_engine;
    std::unique_ptr<KinesisEndpoint> m_endpoint;
    std::unique_ptr<HttpServer> m_http;
    QUrl m_url;
};

} // namespace shardscope
