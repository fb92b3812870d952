#include "kinesisserver.h"

#include "httpserver.h"
#include "selfsignedcertificate.h"
#include "serverlog.h"

#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace shardscope {

namespace {

std::expected<QSslConfiguration, QString> tlsConfiguration(const QByteArray &certificatePem,
                                                           const QByteArray &privateKeyPem)
{
    if (!QSslSocket::supportsSsl())
        return std::unexpected(KinesisServer::tr(
            "TLS is not available: Qt has no TLS backend (the OpenSSL 3 plugin of Qt Network) or "
            "it cannot load OpenSSL."));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.front().isNull())
        return std::unexpected(KinesisServer::tr("The TLS certificate is not a PEM certificate."));
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        key = QSslKey(privateKeyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return std::unexpected(KinesisServer::tr("The TLS private key is not an unencrypted PEM "
                                                 "EC, RSA or DSA key."));
    // Caught here rather than as every handshake failing: a key that is not the certificate's,
    // or a certificate that has expired.
    SelfSignedCertificate::Options anyName;
    anyName.dnsNames.clear();
    anyName.ipAddresses.clear();
    if (auto usable = SelfSignedCertificate::check(privateKeyPem, certificatePem, anyName); !usable)
        return std::unexpected(usable.error().message);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

} // namespace

KinesisServer::KinesisServer(Engine &engine, QObject *parent) : QObject(parent), m_engine(engine) {}

KinesisServer::~KinesisServer()
{
    stop();
}

std::expected<QUrl, QString> KinesisServer::start(const Options &options)
{
    stop();
    const bool tls = !options.tlsCertificatePem.isEmpty() || !options.tlsPrivateKeyPem.isEmpty();
    HttpServer::Options httpOptions;
    httpOptions.workerThreads = options.workerThreads;
    if (tls) {
        auto configuration = tlsConfiguration(options.tlsCertificatePem, options.tlsPrivateKeyPem);
        if (!configuration)
            return std::unexpected(configuration.error());
        httpOptions.tls = *configuration;
    }
    m_endpoint = std::make_unique<KinesisEndpoint>(
        m_engine, options.verifier, [this](const QString &operation, int status, qint64 micros) {
            emit requestHandled(operation, status, micros);
        });
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
    url.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(options.address.toString());
    url.setPort(m_http->serverPort());
    m_url = url;
    qCDebug(lcServer).noquote() << "serving Kinesis at" << m_url.toString();
    emit runningChanged(true);
    return m_url;
}

void KinesisServer::stop()
{
    if (!m_http)
        return;
    m_http.reset();
    m_endpoint.reset();
    qCDebug(lcServer).noquote() << "stopped serving at" << m_url.toString();
    m_url.clear();
    emit runningChanged(false);
}

} // namespace shardscope
