#include "emulatorsubscription.h"

#include "backend/emulatorbackend.h"
#include "engine/engine.h"

#include <QThreadPool>
#include <QTimer>

#include <mutex>

namespace shardscope {

// The pool's tasks outlive nothing they must not: they hold the relay, not the subscription,
// and post their result only while the owner is set. The owner clears it under the lock first
// thing in its destructor, so a post never races the object's destruction, and events already
// posted die with the object.
struct EmulatorSubscription::Relay
{
    std::mutex mutex;
    EmulatorSubscription *owner = nullptr;

    // Calls `function(owner)` on the owner's thread; false when the owner is gone.
    template<typename Function> bool post(Function function)
    {
        std::lock_guard lock(mutex);
        if (!owner)
            return false;
        QMetaObject::invokeMethod(
            owner, [target = owner, function = std::move(function)] { function(*target); },
            Qt::QueuedConnection);
        return true;
    }
};

EmulatorSubscription::EmulatorSubscription(EmulatorBackend &backend, Engine &engine,
                                           QThreadPool &pool, BackendCall call,
                                           const SubscribeToShardRequest &request, QObject *parent)
    : BackendSubscription(request, parent), m_backend(&backend),
      m_backendName(backend.displayName()), m_pool(pool), m_relay(std::make_shared<Relay>()),
      m_wake(new QTimer(this))
{
    trackCall(backend, std::move(call));
    m_relay->owner = this;
    m_wake->setSingleShot(true);
    connect(m_wake, &QTimer::timeout, this, &EmulatorSubscription::poll);
    // The backend waits for its pool when it goes; what is left to say is that it went.
    connect(&backend, &QObject::destroyed, this,
            [this] { finish(connectionClosed(m_backendName)); });
    m_pool.start([relay = m_relay, &engine, request] {
        const Opened opened = engine.subscribeToShard(request);
        const bool delivered =
            relay->post([opened](EmulatorSubscription &self) { self.onOpened(opened); });
        if (!delivered && opened)
            (*opened)->cancel();
    });
}

EmulatorSubscription::~EmulatorSubscription()
{
    {
        std::lock_guard lock(m_relay->mutex);
        m_relay->owner = nullptr;
    }
    cancel();
}

void EmulatorSubscription::cancel()
{
    m_wake->stop();
    if (m_subscription)
        m_subscription->cancel();
    markCancelled();
}

void EmulatorSubscription::onOpened(const Opened &opened)
{
    if (isFinished()) {
        // Cancelled while opening: the engine's subscription must not wait for its 5 minutes.
        if (opened)
            (*opened)->cancel();
        return;
    }
    if (!opened) {
        finish(opened.error());
        return;
    }
    m_subscription = *opened;
    const ShardSubscription::Status status = m_subscription->status();
    m_streamName = status.streamName;
    m_shardId = status.shardId;
    if (m_backend) {
        connect(m_backend, &StreamBackend::recordsAppended, this,
                [this](const QString &streamName, const QString &shardId) {
                    if (streamName == m_streamName && shardId == m_shardId)
                        poll();
                });
    }
    deliverOpened();
    if (!isFinished())
        poll();
}

void EmulatorSubscription::poll()
{
    if (isFinished() || !m_subscription || !m_backend)
        return;
    if (m_pollInFlight) {
        m_pollAgain = true;
        return;
    }
    m_pollInFlight = true;
    m_pollAgain = false;
    m_wake->stop();
    m_pool.start([relay = m_relay, subscription = m_subscription] {
        const ShardSubscription::Step step = subscription->poll();
        relay->post([step](EmulatorSubscription &self) { self.onStep(step); });
    });
}

void EmulatorSubscription::onStep(const ShardSubscription::Step &step)
{
    m_pollInFlight = false;
    if (isFinished())
        return;
    if (step.event) {
        deliverEvent(*step.event);
        if (isFinished())
            return; // a receiver cancelled it
    }
    const std::optional<qint64> next = step.nextPollInMs();
    if (!next) {
        finish(step.error);
        return;
    }
    if (*next == 0 || m_pollAgain)
        poll();
    else
        m_wake->start(int(*next));
}

void EmulatorSubscription::finish(const std::optional<Error> &error)
{
    m_wake->stop();
    if (m_subscription)
        m_subscription->cancel();
    end(error);
}

} // namespace shardscope
