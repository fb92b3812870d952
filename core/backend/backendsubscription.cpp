#include "backendsubscription.h"

#include "backend/backendlog.h"
#include "backend/streambackend.h"
#include "kinesis/consumerarn.h"

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

QString BackendSubscription::activityTarget(const SubscribeToShardRequest &request)
{
    if (const auto arn = ConsumerArn::parse(request.consumerArn))
        return arn->streamName + u'/' + request.shardId + QStringLiteral(" (") + arn->consumerName +
               u')';
    return request.consumerArn + u' ' + request.shardId;
}

Error BackendSubscription::connectionClosed(const QString &backendName)
{
    return Error{ErrorType::InternalFailure, tr("The connection %1 was closed.").arg(backendName)};
}

void BackendSubscription::trackCall(StreamBackend &backend, BackendCall call)
{
    m_callBackend = &backend;
    m_call = std::move(call);
    m_callTimer.start();
    m_callOpen = true;
}

void BackendSubscription::endCall(const std::optional<Error> &error)
{
    if (!m_callOpen)
        return;
    m_callOpen = false;
    if (!m_callBackend)
        return;
    m_call.durationMs = m_callTimer.elapsed();
    m_call.error = error;
    if (error)
        qCDebug(lcBackend).noquote()
            << m_call.operation << m_call.target << "on" << m_callBackend->displayName()
            << "failed:" << error->typeName() << error->message;
    emit m_callBackend->callFinished(m_call);
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

void BackendSubscription::markCancelled()
{
    if (m_finished)
        return;
    m_finished = true;
    endCall(std::nullopt);
}

void BackendSubscription::end(const std::optional<Error> &error)
{
    if (m_finished)
        return;
    m_finished = true;
    endCall(error);
    if (error)
        emit failed(*error);
    emit finished();
}

} // namespace shardscope
