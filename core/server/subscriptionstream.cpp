#include "subscriptionstream.h"

#include "engine/engine.h"
#include "protocol/eventstream.h"
#include "serverlog.h"

#include <QTimer>

namespace shardscope {

SubscriptionStream::SubscriptionStream(Engine &engine,
                                       std::shared_ptr<ShardSubscription> subscription,
                                       WireFormat format)
    : m_engine(engine), m_subscription(std::move(subscription)), m_codec(format)
{
    const ShardSubscription::Status status = m_subscription->status();
    m_streamName = status.streamName;
    m_shardId = status.shardId;
}

SubscriptionStream::~SubscriptionStream()
{
    m_subscription->cancel();
}

void SubscriptionStream::start(ResponseSink &sink)
{
    m_sink = &sink;
    m_wake = new QTimer(this);
    m_wake->setSingleShot(true);
    connect(m_wake, &QTimer::timeout, this, &SubscriptionStream::pump);
    connect(&m_engine, &Engine::recordsAppended, this,
            [this](const QString &streamName, const QString &shardId) {
                onRecordsAppended(streamName, shardId);
            },
            Qt::QueuedConnection);
    sink.setDrainedCallback([this] {
        if (m_waitingForClient && m_sink && m_sink->pendingBytes() < kMaxPendingBytes / 2) {
            m_waitingForClient = false;
            pump();
        }
    });
    sink.write(EventStream::encodeEvent(QStringLiteral("initial-response"), QByteArrayLiteral("{}"),
                                        QString::fromLatin1(m_codec.contentType())));
    pump();
}

void SubscriptionStream::cancel()
{
    m_sink = nullptr;
    if (m_wake)
        m_wake->stop();
    m_subscription->cancel();
}

void SubscriptionStream::onRecordsAppended(const QString &streamName, const QString &shardId)
{
    if (m_sink && !m_waitingForClient && streamName == m_streamName && shardId == m_shardId)
        pump();
}

void SubscriptionStream::pump()
{
    if (!m_sink)
        return;
    const QString contentType = QString::fromLatin1(m_codec.contentType());
    // Deliver what is there, a bounded number of events per turn of the event loop.
    for (int turn = 0; turn < 8; ++turn) {
        if (m_sink->pendingBytes() >= kMaxPendingBytes) {
            m_waitingForClient = true;
            return;
        }
        const ShardSubscription::Step step = m_subscription->poll();
        if (step.event)
            m_sink->write(EventStream::encodeEvent(QStringLiteral("SubscribeToShardEvent"),
                                                   m_codec.encode(*step.event), contentType));
        if (step.error) {
            qCDebug(lcServer).noquote() << "subscription to" << m_shardId << "of" << m_streamName
                                        << "ends with" << step.error->typeName();
            m_sink->write(EventStream::encodeException(step.error->typeName(), step.error->message,
                                                       contentType));
        }
        const std::optional<qint64> next = step.nextPollInMs();
        if (!next) {
            ResponseSink *sink = m_sink;
            m_sink = nullptr;
            m_wake->stop();
            sink->finish();
            return;
        }
        if (*next > 0) {
            m_wake->start(int(*next));
            return;
        }
    }
    // More to deliver: go on after other connections had their turn.
    m_wake->start(0);
}

} // namespace shardscope
