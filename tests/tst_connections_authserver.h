#pragma once

// Shared by tst_connections, tst_addconnectiondialog and tst_mainwindow: our own emulator served
// in-process as `shardscope --serve --require-auth` serves it, accepting one key pair, so an
// AwsBackend talks to it over HTTP with real SigV4 signatures.

#include "aws/sigv4.h"
#include "backendtesthelpers.h"
#include "engine/engine.h"
#include "server/kinesisendpoint.h"
#include "server/kinesisserver.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace shardscope::testing {

class AuthEmulator final
{
public:
    static constexpr auto kAccessKeyId = "AKIDCONNECTIONTEST";
    static constexpr auto kSecret = "s3cr3t-Wh1ch-Must-Never-Reach-Settings";

    // Starts at once; check isRunning().
    AuthEmulator()
    {
        if (!m_dir.isValid())
            return;
        m_engine = openEngine(m_dir);
        if (!m_engine)
            return;
        const AwsCredentials keys{QString::fromLatin1(kAccessKeyId), QString::fromLatin1(kSecret), {}};
        auto verifier = std::make_shared<SigV4Verifier>(
            [keys](const QString &id) -> std::optional<AwsCredentials> {
                if (id == keys.accessKeyId)
                    return keys;
                return std::nullopt;
            },
            QStringLiteral("kinesis"), QStringLiteral("us-east-1"));
        m_server = std::make_unique<KinesisServer>(*m_engine);
        KinesisServer::Options options;
        options.port = 0;
        options.verifier = [verifier](const HttpRequest &request) {
            return verifier->verify(signableRequest(request));
        };
        const auto url = m_server->start(options);
        if (url)
            m_url = *url;
    }
    ~AuthEmulator()
    {
        if (m_server)
            m_server->stop();
    }
    Q_DISABLE_COPY_MOVE(AuthEmulator)

    bool isRunning() const { return m_url.isValid(); }
    QUrl url() const { return m_url; }
    Engine &engine() { return *m_engine; }
    bool createStreams(const QStringList &names)
    {
        for (const QString &name : names) {
            if (!m_engine->createStream(CreateStreamRequest{name, 1, {}, {}, {}}))
                return false;
        }
        return true;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<KinesisServer> m_server;
    QUrl m_url;
};

} // namespace shardscope::testing
