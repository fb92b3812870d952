#include "localemulator.h"

#include "backend/emulatorbackend.h"
#include "demo/demotrickle.h"
#include "engine/engine.h"
#include "server/cloudwatchdispatcher.h"
#include "server/kinesisendpoint.h"
#include "server/kinesisserver.h"
#include "server/selfsignedcertificate.h"

#include <QDir>
#include <QSaveFile>
#include <QTemporaryDir>

namespace shardscope {

namespace {
// Some demo records come KPL-aggregated, as from a producer using the KPL: the record inspector
// de-aggregates them.
constexpr int kDemoAggregateEvery = 20;
} // namespace

std::expected<std::unique_ptr<LocalEmulator>, Error>
LocalEmulator::open(const EngineOptions &engineOptions,
                    const EmulatorBackendOptions &backendOptions)
{
    auto engine = Engine::open(engineOptions);
    if (!engine)
        return std::unexpected(engine.error());
    return std::unique_ptr<LocalEmulator>(
        new LocalEmulator(std::move(*engine), engineOptions.region, backendOptions));
}

LocalEmulator::LocalEmulator(std::unique_ptr<Engine> engine, QString region,
                             const EmulatorBackendOptions &backendOptions)
    : m_engine(std::move(engine)), m_region(std::move(region)),
      m_backend(std::make_unique<EmulatorBackend>(*m_engine, backendOptions)),
      m_server(std::make_unique<KinesisServer>(*m_engine)),
      m_demo(std::make_unique<DemoTrickle>(m_backend.get()))
{
    m_demo->setAggregateEvery(kDemoAggregateEvery);
    connect(m_server.get(), &KinesisServer::runningChanged, this, &LocalEmulator::servingChanged);
}

LocalEmulator::~LocalEmulator()
{
    m_demo->stop();
    stopServing();
}

StreamBackend *LocalEmulator::backend() const
{
    return m_backend.get();
}

std::expected<bool, Error> LocalEmulator::createDemoStreamIfEmpty()
{
    const auto streams = m_engine->listStreams({});
    if (!streams)
        return std::unexpected(streams.error());
    if (!streams->streamNames.isEmpty())
        return false;
    if (auto created = m_engine->createStream(DemoTrickle::createStreamRequest()); !created)
        return std::unexpected(created.error());
    return true;
}

std::expected<QUrl, QString> LocalEmulator::serve(const EmulatorServeOptions &options)
{
    stopServing();
    KinesisServer::Options serverOptions;
    serverOptions.address = options.address;
    serverOptions.port = options.port;
    if (options.requireAuth) {
        if (options.accessKeys.isEmpty())
            return std::unexpected(tr("Checking signatures needs at least one access key."));
        const auto lookup = [keys = options.accessKeys](const QString &id)
            -> std::optional<AwsCredentials> {
            if (const auto it = keys.constFind(id); it != keys.cend())
                return *it;
            return std::nullopt;
        };
        auto verifier = std::make_shared<SigV4Verifier>(lookup, QStringLiteral("kinesis"), m_region);
        // CloudWatch requests (metrics) are signed for service `monitoring`.
        auto cloudWatchVerifier =
            std::make_shared<SigV4Verifier>(lookup, QStringLiteral("monitoring"), m_region);
        serverOptions.verifier = [verifier, cloudWatchVerifier](const HttpRequest &request) {
            const bool cloudWatch = CloudWatchDispatcher::handles(request.header("x-amz-target"));
            return (cloudWatch ? cloudWatchVerifier : verifier)->verify(signableRequest(request));
        };
    }
    if (options.tls) {
        auto tls = prepareTls(options.address);
        if (!tls) {
            stopServing(); // and forget what was prepared
            return std::unexpected(tr("Cannot set up TLS: %1").arg(tls.error()));
        }
        serverOptions.tlsCertificatePem = tls->certificatePem;
        serverOptions.tlsPrivateKeyPem = tls->privateKeyPem;
    }
    auto url = m_server->start(serverOptions);
    if (!url)
        stopServing();
    return url;
}

void LocalEmulator::stopServing()
{
    m_server->stop();
    m_certificatePath.clear();
    m_tlsDir.reset(); // clients read the certificate while it was served, not after
}

bool LocalEmulator::isServing() const
{
    return m_server->isRunning();
}

QUrl LocalEmulator::url() const
{
    return m_server->url();
}

std::expected<LocalEmulator::TlsPair, QString>
LocalEmulator::prepareTls(const QHostAddress &address)
{
    const SelfSignedCertificate::Options options = SelfSignedCertificate::optionsFor(address);
    if (!m_engine->isInMemory()) {
        const QString base = m_engine->databasePath();
        const QString certificatePath = base + QStringLiteral(".tls-cert.pem");
        auto certificate = SelfSignedCertificate::loadOrGenerate(
            base + QStringLiteral(".tls-key.pem"), certificatePath, options);
        if (!certificate)
            return std::unexpected(certificate.error().message);
        m_certificatePath = certificatePath;
        return TlsPair{certificate->certificatePem(), certificate->privateKeyPem()};
    }
    auto certificate = SelfSignedCertificate::generate(options);
    if (!certificate)
        return std::unexpected(certificate.error().message);
    m_tlsDir = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                               QStringLiteral("/shardscope-tls-XXXXXX"));
    if (!m_tlsDir->isValid())
        return std::unexpected(m_tlsDir->errorString());
    const QString certificatePath = m_tlsDir->filePath(QStringLiteral("shardscope-cert.pem"));
    QSaveFile file(certificatePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(certificate->certificatePem()) < 0 ||
        !file.commit())
        return std::unexpected(certificatePath + QStringLiteral(": ") + file.errorString());
    m_certificatePath = certificatePath;
    return TlsPair{certificate->certificatePem(), certificate->privateKeyPem()};
}

bool LocalEmulator::throughputLimitsEnabled() const
{
    return m_engine->throughputLimitsEnabled();
}

void LocalEmulator::setThroughputLimitsEnabled(bool enabled)
{
    m_engine->setThroughputLimitsEnabled(enabled);
}

} // namespace shardscope
