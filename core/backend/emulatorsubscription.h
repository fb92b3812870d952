#pragma once

#include "backend/backendsubscription.h"
#include "engine/shardsubscriptions.h"

#include <QPointer>

#include <expected>
#include <memory>
#include <optional>

class QThreadPool;
class QTimer;

namespace shardscope {

class EmulatorBackend;
class Engine;

// SubscribeToShard on the embedded engine: a BackendSubscription that pumps one engine
// ShardSubscription. Opening it and every poll read SQLite, so they run on the backend's pool,
// at most one at a time per subscription, and their results come back to this object's thread
// as signals. It polls when the backend reports records appended to its shard, at the time the
// engine asks to be woken (the heartbeat, the 2 MiB/s bucket), and again at once while more is
// there. The activity dock sees one SubscribeToShard call, from the request to the end.
//
// Threads: lives on the backend's thread (the GUI thread). Destroying it cancels it; a backend
// destroyed first waits for the polls on its pool, and the subscription then ends with an error.
class EmulatorSubscription final : public BackendSubscription
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmulatorSubscription)

public:
    // Starts opening at once; `call` was reported as started. `pool` and `engine` are the
    // backend's: the engine outlives the backend, whose destructor waits for its pool.
    EmulatorSubscription(EmulatorBackend &backend, Engine &engine, QThreadPool &pool,
                         BackendCall call, const SubscribeToShardRequest &request,
                         QObject *parent = nullptr);
    ~EmulatorSubscription() override;

    void cancel() override;

private:
    // Hands results from the pool to this object while it exists (see the .cpp).
    struct Relay;
    using Opened = std::expected<std::shared_ptr<ShardSubscription>, Error>;

    void onOpened(const Opened &opened);
    void poll();
    void onStep(const ShardSubscription::Step &step);
    void finish(const std::optional<Error> &error);

    QPointer<EmulatorBackend> m_backend;
    QString m_backendName;
    QThreadPool &m_pool;
    std::shared_ptr<Relay> m_relay;
    std::shared_ptr<ShardSubscription> m_subscription;
    QString m_streamName;
    QString m_shardId;
    QTimer *m_wake;
    bool m_pollInFlight = false;
    bool m_pollAgain = false; // records arrived while a poll was running
};

} // namespace shardscope
