#pragma once

// Shared by tst_connections, tst_addconnectiondialog and tst_mainwindow: our own emulator served
// in-process as `shardscope --serve --require-auth` serves it (through LocalEmulator), accepting
// one key pair, so an AwsBackend talks to it over HTTP with real SigV4 signatures.

#include "backend/emulatorbackend.h"
#include "emulator/localemulator.h"
#include "engine/engine.h"

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
        EngineOptions engineOptions;
        engineOptions.databasePath = m_dir.filePath(QStringLiteral("streams.db"));
        engineOptions.createDelayMs = engineOptions.deleteDelayMs = engineOptions.updateDelayMs = 0;
        auto emulator = LocalEmulator::open(engineOptions, EmulatorBackendOptions{});
        if (!emulator)
            return;
        m_emulator = std::move(*emulator);
        EmulatorServeOptions options;
        options.port = 0;
        options.requireAuth = true;
        const QString id = QString::fromLatin1(kAccessKeyId);
        options.accessKeys.insert(id, AwsCredentials{id, QString::fromLatin1(kSecret), {}});
        const auto url = m_emulator->serve(options);
        if (url)
            m_url = *url;
    }
    Q_DISABLE_COPY_MOVE(AuthEmulator)

    bool isRunning() const { return m_url.isValid(); }
    QUrl url() const { return m_url; }
    Engine &engine() { return m_emulator->engine(); }
    bool createStreams(const QStringList &names)
    {
        for (const QString &name : names) {
            if (!engine().createStream(CreateStreamRequest{name, 1, {}, {}, {}}))
                return false;
        }
        return true;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalEmulator> m_emulator; // stops serving when it goes
    QUrl m_url;
};

} // namespace shardscope::testing
