#include "backendsubscription.h"

#include <QTimer>

namespace shardscope {

namespace {

class FailingSubscription final : public BackendSubscription
{
public:
    FailingSubscription(const SubscribeToShardRequest &request, Error error, QObject *parent)
        : BackendSubscription(request, parent)
    {
        QTimer::singleShot(0, this, [this, error = std::move(error)] { end(error); });
    }
    void cancel() override { markCancelled(); }
};

} // namespace

BackendSubscription::BackendSubscription(SubscribeToShardRequest request, QObject *parent)
    : QObject(parent), m_request(std::move(request))
{
}

BackendSubscription *BackendSubscription::failing(const SubscribeToShardRequest &request,
                                                  Error error, QObject *parent)
{
    return new FailingSubscription(request, std::move(error), parent);
}

void BackendSubscription::deliverOpened()
{
    if (m_finished || m_opened)
        return;
    m_opened = true;
    emit opened();
}

void BackendSubscription::deliverEvent(const SubscribeToShardEvent &event)
{
    if (m_finished)
        return;
    deliverOpened();
    emit eventReceived(event);
}

void BackendSubscription::end(const std::optional<Error> &error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (error)
        emit failed(*error);
    emit finished();
}

} // namespace shardscope
