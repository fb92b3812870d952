#include "shardsubscriptions.h"

#include "collectingsink.h"
#include "enginecore.h"
#include "enginemetrics.h"
#include "requestvalidation.h"

#include "kinesis/recordsink.h"
#include "kinesis/sequencenumber.h"
#include "kinesis/shardid.h"

#include <QStringBuilder>

#include <algorithm>

namespace shardscope {

using namespace RequestValidation;

namespace {

QString keyOf(const QString &consumerArn, const QString &shardId)
{
    return consumerArn % u'\n' % shardId;
}

} // namespace

// --- ShardSubscription ------------------------------------------------------------------------

ShardSubscription::ShardSubscription(std::shared_ptr<Link> link, Options options, QString key,
                                     QString consumerArn, QString consumerName, QString streamName,
                                     qint64 streamId, quint32 shard, qint64 position, qint64 nowMs)
    : m_link(std::move(link)),
      m_options(options),
      m_key(std::move(key)),
      m_consumerName(std::move(consumerName)),
      m_streamName(std::move(streamName)),
      m_streamId(streamId),
      m_shard(shard),
      m_position(position),
      m_bytes(options.bytesPerSecond, 0, nowMs)
{
    m_status.consumerArn = std::move(consumerArn);
    m_status.streamName = m_streamName;
    m_status.shardId = ShardId::format(shard);
    m_status.startedMs = nowMs;
}

ShardSubscription::~ShardSubscription()
{
    std::shared_lock lock(m_link->mutex);
    if (m_link->registry)
        m_link->registry->forget(m_key, this);
}

void ShardSubscription::cancel()
{
    std::lock_guard lock(m_mutex);
    m_ended = true;
    m_status.ended = true;
}

void ShardSubscription::takeOver()
{
    cancel();
}

ShardSubscription::Status ShardSubscription::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

ShardSubscription::Step ShardSubscription::end(std::optional<Error> error)
{
    m_ended = true;
    m_status.ended = true;
    Step step;
    step.error = std::move(error);
    step.ended = true;
    return step;
}

ShardSubscription::Step ShardSubscription::poll()
{
    std::shared_lock link(m_link->mutex);
    Step step;
    {
        std::lock_guard lock(m_mutex);
        if (m_ended)
            return Step{{}, {}, true, 0, 0};
        if (!m_link->core)
            return end(); // the engine closed
        const qint64 nowMs = m_link->core->now();
        step = pollLocked(*m_link->core, nowMs);
        step.nowMs = nowMs;
    }
    // Recorded as handed out, under the link (the metrics live as long as the engine).
    if (m_link->metrics) {
        if (step.event)
            m_link->metrics->subscribeToShardEvent(m_streamName, m_consumerName, *step.event);
        else if (step.error)
            m_link->metrics->subscribeToShardEventFailed(m_streamName, m_consumerName);
    }
    return step;
}

ShardSubscription::Step ShardSubscription::pollLocked(const EngineCore &core, qint64 nowMs)
{
    if (nowMs >= m_status.startedMs + m_options.lifetimeMs)
        return end();

    // The consumer must still be registered and ACTIVE, with its stream.
    auto resolved = ConsumerOperations::resolve(core, ConsumerTarget::byArn(m_status.consumerArn));
    if (!resolved)
        return end(resolved.error());
    const StreamMetaPtr stream = resolved->first;
    const auto consumer = stream->consumers.constFind(resolved->second);
    if (stream->id != m_streamId || consumer->effectiveStatus(nowMs) != ConsumerStatus::Active)
        return end(core.consumerNotFound(resolved->second, m_streamName));
    if (m_shard >= quint32(stream->shards.size()))
        return end(Error{ErrorType::ResourceNotFound, u"Shard " % m_status.shardId % u" in stream " %
                                                          m_streamName % u" under account " %
                                                          core.account() % u" does not exist"});
    const ShardMeta &shard = stream->shards[m_shard];

    // Records older than the retention period are gone; a child shard starts at its own start.
    m_position = std::max({m_position, SequenceNumber::counterAt(stream->trimHorizonMs(nowMs)),
                           shard.startCounter});

    if (!m_bytes.canTake(1, nowMs)) {
        // Over 2 MiB/s: wait until the bucket holds something again.
        const qint64 debt = 1 - m_bytes.available(nowMs);
        const qint64 waitMs = (debt * 1000 + m_options.bytesPerSecond - 1) / m_options.bytesPerSecond;
        return Step{{}, {}, false, nowMs + std::max<qint64>(1, waitMs), nowMs};
    }

    SubscribeToShardEvent event;
    CollectingSink sink(event.records);
    const qint64 budget = std::max<qint64>(1, m_bytes.available(nowMs));
    const auto page = core.records().read(*stream, m_shard, m_position, m_options.maxRecordsPerEvent,
                                          budget, sink);
    if (!page)
        return end(page.error());

    if (!event.records.isEmpty()) {
        if (!m_bytes.canTake(sink.bytes(), nowMs)) {
            // One record larger than what the bucket holds now: it goes when the bucket holds
            // it (or is full, for a record larger than a second's worth).
            const qint64 needed = std::min(sink.bytes(), m_bytes.capacity()) - m_bytes.available(nowMs);
            const qint64 waitMs = (needed * 1000 + m_options.bytesPerSecond - 1) / m_options.bytesPerSecond;
            return Step{{}, {}, false, nowMs + std::max<qint64>(1, waitMs), nowMs};
        }
        m_bytes.take(sink.bytes());
        m_position = page->next;
        const QString last = event.records.last().sequenceNumber.toString();
        event.continuationSequenceNumber = last;
        event.millisBehindLatest =
            page->firstUnreadArrivalMs ? std::max<qint64>(0, nowMs - *page->firstUnreadArrivalMs) : 0;
        m_sentFirst = true;
        m_status.lastEventMs = nowMs;
        m_status.lastSequenceNumber = last;
        m_status.millisBehindLatest = event.millisBehindLatest;
        m_status.recordsDelivered += event.records.size();
        m_status.bytesDelivered += sink.bytes();
        // More is waiting, or a closed shard's end is next: come back at once (the bucket
        // decides how fast).
        const bool more = page->firstUnreadArrivalMs || !shard.isOpen();
        const qint64 wake = more ? nowMs : nowMs + m_options.heartbeatMs;
        return Step{std::move(event), {}, false, wake, nowMs};
    }

    if (!shard.isOpen()) {
        // Everything of a closed shard was delivered: the children, then the end.
        event.childShards = RecordOperations::childShards(*stream, shard);
        event.millisBehindLatest = 0;
        m_status.lastEventMs = nowMs;
        m_status.millisBehindLatest = 0;
        m_ended = true;
        m_status.ended = true;
        return Step{std::move(event), {}, true, 0, nowMs};
    }

    if (m_sentFirst && nowMs - m_status.lastEventMs < m_options.heartbeatMs)
        return Step{{}, {}, false, m_status.lastEventMs + m_options.heartbeatMs, nowMs};

    // Nothing new: an empty event whose continuation is just before the next record.
    event.continuationSequenceNumber = SequenceNumber(m_position - 1, m_shard).toString();
    event.millisBehindLatest = 0;
    m_sentFirst = true;
    m_status.lastEventMs = nowMs;
    m_status.millisBehindLatest = 0;
    return Step{std::move(event), {}, false, nowMs + m_options.heartbeatMs, nowMs};
}

// --- ShardSubscriptions -----------------------------------------------------------------------

ShardSubscriptions::ShardSubscriptions(const EngineCore &core, EngineMetrics *metrics,
                                       ShardSubscription::Options options)
    : m_core(core), m_options(options), m_link(std::make_shared<ShardSubscription::Link>())
{
    m_link->core = &core;
    m_link->registry = this;
    m_link->metrics = metrics;
}

ShardSubscriptions::~ShardSubscriptions()
{
    std::unique_lock lock(m_link->mutex);
    m_link->core = nullptr;
    m_link->registry = nullptr;
    m_link->metrics = nullptr;
}

std::expected<std::shared_ptr<ShardSubscription>, Error>
ShardSubscriptions::subscribe(const SubscribeToShardRequest &request)
{
    Attempt attempt;
    auto subscribed = open(request, attempt);
    if (m_link->metrics)
        m_link->metrics->subscribeToShard(attempt.streamName, attempt.consumerName,
                                          subscribed.has_value(), attempt.rateExceeded);
    return subscribed;
}

std::expected<std::shared_ptr<ShardSubscription>, Error>
ShardSubscriptions::open(const SubscribeToShardRequest &request, Attempt &attempt)
{
    const StartingPosition &start = request.startingPosition;
    ValidationErrors v;
    if (request.consumerArn.isNull())
        v.addNull(QStringLiteral("consumerARN"));
    else
        checkConsumerArn(v, QStringLiteral("consumerARN"), request.consumerArn);
    if (request.shardId.isNull())
        v.addNull(QStringLiteral("shardId"));
    else
        checkName(v, QStringLiteral("shardId"), request.shardId, true);
    if (start.sequenceNumber && !SequenceNumber::matchesWirePattern(*start.sequenceNumber))
        v.pattern(QStringLiteral("startingPosition.sequenceNumber"), *start.sequenceNumber,
                  kSequencePattern);
    if (!v.isEmpty())
        return std::unexpected(v.toError());

    auto resolved = ConsumerOperations::resolve(m_core, ConsumerTarget::byArn(request.consumerArn));
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMetaPtr stream = resolved->first;
    const ConsumerMeta &consumer = *stream->consumers.constFind(resolved->second);
    attempt.streamName = stream->name;
    attempt.consumerName = consumer.name;
    const qint64 nowMs = m_core.now();
    const QString &account = m_core.account();
    if (consumer.effectiveStatus(nowMs) != ConsumerStatus::Active)
        return std::unexpected(Error{ErrorType::ResourceInUse,
                                     u"Consumer " % consumer.name % u" with creation timestamp " %
                                         QString::number(consumer.createdMs / 1000) %
                                         u" under stream: " % stream->name % u" , account " %
                                         account % u" is not in ACTIVE status."});

    const auto index = ShardId::parse(request.shardId);
    if (!index || *index >= quint32(stream->shards.size())
        || !stream->isListed(stream->shards[*index], nowMs)) // closed and past retention: gone
        return std::unexpected(Error{ErrorType::ResourceNotFound,
                                     u"Shard " % request.shardId % u" in stream " % stream->name %
                                         u" under account " % account % u" does not exist"});
    const ShardMeta &shard = stream->shards[*index];
    const auto position = RecordOperations::startingCounter(
        m_core, *stream, shard, start.type, start.sequenceNumber, start.timestamp,
        QStringLiteral("SubscribeToShard"));
    if (!position)
        return std::unexpected(position.error());

    const QString shardId = ShardId::format(*index);
    const QString consumerArn = m_core.consumerArn(stream->name, consumer);
    const QString key = keyOf(consumerArn, shardId);
    const QString subscriptionName =
        account % u':' % stream->name % u':' % shardId % u':' % consumer.name;
    std::lock_guard lock(m_mutex);
    const auto existing = m_byKey.value(key).lock();
    if (existing) {
        const ShardSubscription::Status status = existing->status();
        if (!status.ended && nowMs - status.startedMs < KinesisLimits::kSubscriptionRetryWindowMs) {
            attempt.rateExceeded = true;
            return std::unexpected(Error{
                ErrorType::ResourceInUse,
                u"Another active subscription exists for this consumer: " % subscriptionName});
        }
    }
    // One call a second: only a subscription that ended within it is left to check (an active
    // one is younger than 5 seconds, or is taken over). AWS's exact text for this refusal was
    // not found; this one names the limit.
    if (const auto last = m_lastOpenedMs.constFind(key);
        last != m_lastOpenedMs.cend() && nowMs - *last < KinesisLimits::kSubscribeCallIntervalMs) {
        attempt.rateExceeded = true;
        return std::unexpected(Error{ErrorType::LimitExceeded,
                                     u"Rate exceeded for consumer: " % subscriptionName %
                                         u". SubscribeToShard allows one call per second per "
                                         u"consumer and shard."});
    }
    if (existing)
        existing->takeOver();
    std::shared_ptr<ShardSubscription> subscription(
        new ShardSubscription(m_link, m_options, key, consumerArn, consumer.name, stream->name,
                              stream->id, *index, *position, nowMs));
    m_byKey.insert(key, subscription);
    if (nowMs - m_lastPruneMs >= KinesisLimits::kSubscribeCallIntervalMs) {
        m_lastOpenedMs.removeIf([nowMs](const std::pair<const QString &, qint64 &> &entry) {
            return nowMs - entry.second >= KinesisLimits::kSubscribeCallIntervalMs;
        });
        m_lastPruneMs = nowMs;
    }
    m_lastOpenedMs.insert(key, nowMs);
    return subscription;
}

QList<ShardSubscription::Status> ShardSubscriptions::active() const
{
    QList<std::shared_ptr<ShardSubscription>> live;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &weak : m_byKey) {
            if (auto subscription = weak.lock())
                live.append(std::move(subscription));
        }
    }
    QList<ShardSubscription::Status> statuses;
    for (const auto &subscription : live) {
        ShardSubscription::Status status = subscription->status();
        if (!status.ended)
            statuses.append(std::move(status));
    }
    std::sort(statuses.begin(), statuses.end(), [](const auto &a, const auto &b) {
        return a.startedMs != b.startedMs ? a.startedMs < b.startedMs : a.shardId < b.shardId;
    });
    return statuses;
}

void ShardSubscriptions::forget(const QString &key, const ShardSubscription *subscription)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_byKey.find(key);
    if (it == m_byKey.end())
        return;
    // Only this subscription's entry: a newer one under the same key stays.
    const auto current = it->lock();
    if (!current || current.get() == subscription)
        m_byKey.erase(it);
}

} // namespace shardscope
