#pragma once

// A BackendSubscription a test drives by hand (open, events, a normal end, an error), and a
// backend that answers every call like the one it wraps but hands out such subscriptions and
// keeps them, so a test can play the service's side of SubscribeToShard.

#include "backend/backendsubscription.h"
#include "forwardingbackend.h"

#include <QList>
#include <QPointer>

namespace shardscope::testing {

class FakeSubscription final : public BackendSubscription
{
public:
    FakeSubscription(const SubscribeToShardRequest &request, QObject *parent)
        : BackendSubscription(request, parent)
    {
    }

    void open() { deliverOpened(); }
    void send(const SubscribeToShardEvent &event) { deliverEvent(event); }
    void endNormally() { end(); }
    void failWith(const Error &error) { end(error); }
    bool wasCancelled() const { return m_cancelled; }

    void cancel() override
    {
        m_cancelled = true;
        markCancelled();
    }

private:
    bool m_cancelled = false;
};

class FakeSubscribeBackend final : public ForwardingBackend
{
public:
    using ForwardingBackend::ForwardingBackend;

    bool canSubscribeToShards() const override { return true; }
    BackendSubscription *subscribeToShard(const SubscribeToShardRequest &request,
                                          QObject *parent = nullptr) override
    {
        auto *subscription = new FakeSubscription(request, parent);
        m_subscriptions.append(subscription);
        m_requests.append(request);
        return subscription;
    }

    // Every subscription handed out, oldest first (null once its owner deleted it).
    const QList<QPointer<FakeSubscription>> &subscriptions() const { return m_subscriptions; }
    // The newest subscription to `shardId`, or null.
    FakeSubscription *latest(const QString &shardId) const
    {
        for (auto it = m_subscriptions.crbegin(); it != m_subscriptions.crend(); ++it) {
            if (*it && (*it)->request().shardId == shardId)
                return *it;
        }
        return nullptr;
    }
    // Every SubscribeToShard request made, oldest first.
    const QList<SubscribeToShardRequest> &requests() const { return m_requests; }
    QList<SubscribeToShardRequest> requestsFor(const QString &shardId) const
    {
        QList<SubscribeToShardRequest> out;
        for (const auto &request : m_requests) {
            if (request.shardId == shardId)
                out.append(request);
        }
        return out;
    }

private:
    QList<QPointer<FakeSubscription>> m_subscriptions;
    QList<SubscribeToShardRequest> m_requests;
};

} // namespace shardscope::testing
