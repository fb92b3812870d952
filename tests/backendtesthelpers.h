#pragma once

// Shared by the backend and model tests: an engine in a temporary directory with no status
// delays, and a way to wait for a backend future while the event loop runs.

#include "backend/emulatorbackend.h"
#include "engine/engine.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFuture>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace shardscope::testing {

inline std::unique_ptr<Engine> openEngine(const QTemporaryDir &dir)
{
    EngineOptions options;
    options.databasePath = dir.filePath(QStringLiteral("streams.db"));
    options.createDelayMs = 0;
    options.deleteDelayMs = 0;
    options.updateDelayMs = 0;
    auto engine = Engine::open(options);
    return engine ? std::move(*engine) : nullptr;
}

// Spins the event loop (so queued signals and continuations run) until the future is done.
template<typename T>
T await(const QFuture<T> &future, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(1);
    QCoreApplication::processEvents();
    return future.result();
}

} // namespace shardscope::testing
