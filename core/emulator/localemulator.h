#pragma once

#include "aws/sigv4.h"
#include "kinesis/error.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>

#include <expected>
#include <memory>

class QTemporaryDir;

namespace shardscope {

class DemoTrickle;
class EmulatorBackend;
class Engine;
class KinesisServer;
class StreamBackend;
struct EmulatorBackendOptions;
struct EngineOptions;

// How LocalEmulator::serve() serves the emulator.
struct EmulatorServeOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 4567; // 0: any free port
    // https with a self-signed certificate, kept beside the database and reused so clients trust
    // it once; an in-memory emulator gets a fresh one in a temporary directory while it serves.
    bool tls = false;
    // Verify every request's SigV4 signature against these keys (by access key id).
    bool requireAuth = false;
    QHash<QString, AwsCredentials> accessKeys;
};

// The emulator the app runs locally: the engine, the EmulatorBackend the window shows it
// through, the Kinesis wire endpoint it is served on when asked (File › Serve on Localhost in
// the window, `--serve` headless) and the trickle of demo events into the first-run demo stream.
// app/main.cpp assembles it and hands it to the window, so ui/ reaches the engine and the server
// only through this class.
//
// Threads: lives on the thread that opened it (the GUI or main thread); the server answers
// requests on its own worker threads. Owns all it holds; the destructor stops serving.
class LocalEmulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalEmulator)

public:
    static std::expected<std::unique_ptr<LocalEmulator>, Error>
    open(const EngineOptions &engineOptions, const EmulatorBackendOptions &backendOptions);
    ~LocalEmulator() override;

    Engine &engine() const { return *m_engine; }
    // The connection the window lists as the local emulator.
    StreamBackend *backend() const;

    // First run: creates the demo stream when the emulator holds no stream at all. True when
    // it did.
    std::expected<bool, Error> createDemoStreamIfEmpty();
    // Demo events for the demo stream, over backend(); stopped until started.
    DemoTrickle *demoTrickle() const { return m_demo.get(); }

    // Kinesis's per-shard throughput limits, enforced by the engine unless turned off (by
    // --no-throughput-limits or the window's switch); takes effect for the next call.
    bool throughputLimitsEnabled() const;
    void setThroughputLimitsEnabled(bool enabled);

    // Serves the engine with the Kinesis wire protocol (again, if it was serving); the URL
    // clients connect to, or why it cannot serve.
    std::expected<QUrl, QString> serve(const EmulatorServeOptions &options);
    void stopServing();
    bool isServing() const;
    QUrl url() const;
    // The certificate clients trust while serving https; empty otherwise.
    QString certificatePath() const { return m_certificatePath; }

signals:
    void servingChanged(bool serving);

private:
    LocalEmulator(std::unique_ptr<Engine> engine, QString region,
                  const EmulatorBackendOptions &backendOptions);
    // The certificate and key to serve https on `address` with; sets m_certificatePath.
    struct TlsPair
    {
        QByteArray certificatePem;
        QByteArray privateKeyPem;
    };
    std::expected<TlsPair, QString> prepareTls(const QHostAddress &address);

    // Declared in the order they depend on each other; destroyed the other way round.
    std::unique_ptr<Engine> m_engine;
    QString m_region;
    std::unique_ptr<EmulatorBackend> m_backend;
    std::unique_ptr<KinesisServer> m_server;
    std::unique_ptr<DemoTrickle> m_demo;
    std::unique_ptr<QTemporaryDir> m_tlsDir; // an in-memory emulator's certificate, while served
    QString m_certificatePath;
};

} // namespace shardscope
