#include "shardconsumer.h"

#include "backend/futureutils.h"
#include "consumer/leasecoordinator.h"
#include "consumer/shardsyncer.h"

#include <memory>

namespace shardscope {

ShardConsumer::ShardConsumer(StreamBackend *backend, LeaseTable *table, LeaseCoordinator *coordinator,
                             const QString &streamName, const Lease &lease, const ShardConsumerOptions &options,
                             BatchProcessor processor, QObject *parent)
    : QObject(parent), m_backend(backend), m_table(table), m_coordinator(coordinator), m_streamName(streamName),
      m_leaseKey(lease.leaseKey), m_parents(lease.parentShardIds), m_options(options),
      m_processor(std::move(processor)), m_checkpoint(lease.checkpoint)
{
}

ShardConsumer::~ShardConsumer()
{
    stop();
}

void ShardConsumer::start()
{
    if (m_state != State::WaitingForParents)
        return;
    if (m_checkpoint == CheckpointSentinel::ShardEnd) {
        m_state = State::ShardEnded;
        after(0, [this] { emit shardEnded(m_leaseKey); });
        return;
    }
    checkParents();
}

void ShardConsumer::stop()
{
    ++m_run;
    dropSubscription();
    m_events.clear();
    m_processing = false;
    if (m_state != State::ShardEnded)
        m_state = State::Stopped;
}

void ShardConsumer::after(int ms, std::function<void()> step)
{
    const quint64 run = m_run;
    QTimer::singleShot(ms, this, [this, run, step = std::move(step)] {
        if (run == m_run)
            step();
    });
}

void ShardConsumer::lose()
{
    stop();
    emit stopped(m_leaseKey);
}

int ShardConsumer::nextThrottleBackoff()
{
    m_throttleBackoffMs = m_throttleBackoffMs == 0 ? m_options.throttleBackoffMs
                                                   : std::min(m_throttleBackoffMs * 2, m_options.maxBackoffMs);
    return m_throttleBackoffMs;
}

StartingPosition ShardConsumer::checkpointPosition() const
{
    // The coordinator's copy is the one last written, even when this consumer dropped the answer.
    const auto held = m_coordinator->heldLease(m_leaseKey);
    const QString checkpoint = held ? held->checkpoint : m_checkpoint;
    StartingPosition position;
    if (checkpoint == CheckpointSentinel::Latest) {
        position.type = ShardIteratorType::Latest;
    } else if (checkpoint == CheckpointSentinel::AtTimestamp) {
        position.type = ShardIteratorType::AtTimestamp;
        position.timestamp = m_options.initialTimestampMs;
    } else if (checkpoint.isEmpty() || CheckpointSentinel::isSentinel(checkpoint)) {
        position.type = ShardIteratorType::TrimHorizon;
    } else {
        position.type = ShardIteratorType::AfterSequenceNumber;
        position.sequenceNumber = checkpoint;
    }
    return position;
}

// --- Parents first ------------------------------------------------------------------------------

void ShardConsumer::checkParents()
{
    m_state = State::WaitingForParents;
    if (m_parents.isEmpty()) {
        beginReading();
        return;
    }
    const quint64 run = m_run;
    auto remaining = std::make_shared<int>(int(m_parents.size()));
    auto blocked = std::make_shared<bool>(false);
    auto failure = std::make_shared<std::optional<Error>>();
    for (const QString &parent : std::as_const(m_parents)) {
        onResult(this, m_table->getLease(parent),
                 [this, run, remaining, blocked, failure](const BackendResult<std::optional<Lease>> &result) {
                     if (run != m_run)
                         return;
                     if (!result)
                         *failure = result.error();
                     // A parent without a lease (trimmed, or never leased) does not block.
                     else if (*result && !(*result)->reachedShardEnd())
                         *blocked = true;
                     if (--*remaining > 0)
                         return;
                     if (*failure)
                         emit errorOccurred(m_leaseKey, (*failure)->message);
                     if (*failure || *blocked)
                         after(m_options.parentShardPollIntervalMs, [this] { checkParents(); });
                     else
                         beginReading();
                 });
    }
}

void ShardConsumer::beginReading()
{
    m_state = State::Reading;
    if (m_options.readMode == ShardConsumerOptions::ReadMode::FanOut)
        subscribe();
    else
        getIterator();
}

// --- Polling ------------------------------------------------------------------------------------

void ShardConsumer::getIterator()
{
    const StartingPosition position = checkpointPosition();
    GetShardIteratorRequest request;
    request.target = StreamTarget::byName(m_streamName);
    request.shardId = m_leaseKey;
    request.shardIteratorType = position.type;
    request.startingSequenceNumber = position.sequenceNumber;
    request.timestamp = position.timestamp;
    const quint64 run = m_run;
    onResult(this, m_backend->getShardIterator(request), [this, run](const BackendResult<GetShardIteratorResponse> &result) {
        if (run != m_run)
            return;
        if (!result) {
            if (result.error().isThrottling()) {
                emit throttled(m_leaseKey);
                after(nextThrottleBackoff(), [this] { getIterator(); });
            } else if (result.error().type == ErrorType::ResourceNotFound) {
                // The shard is gone (past retention): as KCL, its end without children, so its
                // children are not held up and the lease is cleaned up as garbage.
                endShard({});
            } else {
                fail(result.error(), m_options.retryBackoffMs);
            }
            return;
        }
        m_iterator = result->shardIterator;
        getRecords();
    });
}

void ShardConsumer::getRecords()
{
    GetRecordsRequest request;
    request.shardIterator = m_iterator;
    request.limit = m_options.maxRecords;
    const quint64 run = m_run;
    onResult(this, m_backend->getRecords(request), [this, run](const BackendResult<GetRecordsResponse> &result) {
        if (run != m_run)
            return;
        if (result) {
            m_throttleBackoffMs = 0;
            handleRecords(*result);
        } else if (result.error().type == ErrorType::ExpiredIterator) {
            getIterator(); // from the checkpoint
        } else if (result.error().isThrottling()) {
            emit throttled(m_leaseKey);
            after(nextThrottleBackoff(), [this] { getRecords(); });
        } else {
            fail(result.error(), m_options.retryBackoffMs);
        }
    });
}

void ShardConsumer::handleRecords(const GetRecordsResponse &response)
{
    const bool end = !response.nextShardIterator;
    if (!end)
        m_iterator = *response.nextShardIterator;
    const QList<ChildShard> children = response.childShards.value_or(QList<ChildShard>());
    const auto next = [this, end, children] {
        if (end)
            endShard(children);
        else
            after(m_options.idleTimeBetweenReadsMs, [this] { getRecords(); });
    };
    if (response.records.isEmpty())
        next();
    else
        process(response.records, response.millisBehindLatest, next);
}

// --- Enhanced fan-out ---------------------------------------------------------------------------

void ShardConsumer::subscribe()
{
    dropSubscription();
    SubscribeToShardRequest request;
    request.consumerArn = m_options.consumerArn;
    request.shardId = m_leaseKey;
    if (!m_continuation.isEmpty()) {
        request.startingPosition.type = ShardIteratorType::AfterSequenceNumber;
        request.startingPosition.sequenceNumber = m_continuation;
    } else {
        request.startingPosition = checkpointPosition();
    }
    m_subscriptionEnded = false;
    auto sawEvent = std::make_shared<bool>(false);
    auto lastEventSeen = std::make_shared<bool>(false);
    BackendSubscription *subscription = m_backend->subscribeToShard(request, this);
    m_subscription = subscription;
    const quint64 run = m_run;
    const auto current = [this, run, subscription] { return run == m_run && m_subscription == subscription; };
    connect(subscription, &BackendSubscription::eventReceived, this,
            [this, current, sawEvent, lastEventSeen](const SubscribeToShardEvent &event) {
                if (!current())
                    return;
                *sawEvent = true;
                m_throttleBackoffMs = 0;
                if (!event.continuationSequenceNumber)
                    *lastEventSeen = true;
                m_events.append(event);
                if (!m_processing)
                    processNextEvent();
            });
    connect(subscription, &BackendSubscription::failed, this, [this, current](const Error &error) {
        if (!current())
            return;
        // Start over from the checkpoint; what was received and not yet processed comes again.
        ++m_run;
        dropSubscription();
        m_events.clear();
        m_processing = false;
        m_continuation.clear();
        if (error.type == ErrorType::ResourceInUse) {
            after(m_options.fanOut.resourceInUseRetryMs, [this] { subscribe(); });
        } else if (error.isThrottling()) {
            emit throttled(m_leaseKey);
            after(nextThrottleBackoff(), [this] { subscribe(); });
        } else {
            fail(error, m_options.retryBackoffMs);
        }
    });
    connect(subscription, &BackendSubscription::finished, this, [this, current, sawEvent, lastEventSeen] {
        if (!current())
            return;
        m_subscription = nullptr;
        if (*lastEventSeen)
            return; // the shard's end: processNextEvent ends it
        m_subscriptionEnded = true;
        if (!m_processing && m_events.isEmpty()) {
            // Renewed at once after its lifetime; an empty one not in a loop.
            after(*sawEvent ? 0 : m_options.fanOut.emptySubscriptionRetryMs, [this] { subscribe(); });
        }
    });
}

void ShardConsumer::processNextEvent()
{
    if (m_events.isEmpty()) {
        if (m_subscriptionEnded)
            subscribe();
        return;
    }
    const SubscribeToShardEvent event = m_events.takeFirst();
    const auto next = [this, event] {
        if (!event.continuationSequenceNumber) {
            dropSubscription();
            m_events.clear();
            endShard(event.childShards.value_or(QList<ChildShard>()));
            return;
        }
        m_continuation = *event.continuationSequenceNumber;
        processNextEvent();
    };
    if (event.records.isEmpty())
        next();
    else
        process(event.records, event.millisBehindLatest, next);
}

void ShardConsumer::dropSubscription()
{
    if (m_subscription) {
        m_subscription->cancel();
        m_subscription->deleteLater();
    }
    m_subscription = nullptr;
}

// --- Processing and checkpoints -----------------------------------------------------------------

void ShardConsumer::process(const QList<Record> &records, qint64 millisBehind, std::function<void()> then)
{
    m_processing = true;
    const quint64 run = m_run;
    const QString lastSequence = records.back().sequenceNumber.toString();
    m_processor(m_leaseKey, records, millisBehind, [this, run, lastSequence, then](bool ok) {
        if (run != m_run)
            return;
        if (!ok) {
            m_processing = false;
            emit batchFailed(m_leaseKey);
            retryFromCheckpoint();
            return;
        }
        m_coordinator->updateLease(
            m_leaseKey,
            [lastSequence](Lease &lease) {
                lease.checkpoint = lastSequence;
                lease.checkpointSubSequenceNumber = 0;
                lease.pendingCheckpoint.clear();
                lease.pendingCheckpointSubSequenceNumber.reset();
                lease.ownerSwitchesSinceCheckpoint = 0;
            },
            [this, run, lastSequence, then](const BackendResult<std::optional<Lease>> &result) {
                if (run != m_run)
                    return;
                m_processing = false;
                if (!result) {
                    fail(result.error(), m_options.retryBackoffMs);
                } else if (!*result) {
                    lose();
                } else {
                    m_checkpoint = lastSequence;
                    emit checkpointed(m_leaseKey, lastSequence);
                    then();
                }
            });
    });
}

void ShardConsumer::retryFromCheckpoint()
{
    // As an application that retries a failing batch until it succeeds: read again from the
    // checkpoint, which therefore never moves past the batch.
    ++m_run;
    dropSubscription();
    m_events.clear();
    m_processing = false;
    m_continuation.clear();
    after(m_options.retryBackoffMs, [this] { beginReading(); });
}

void ShardConsumer::fail(const Error &error, int backoffMs)
{
    emit errorOccurred(m_leaseKey, error.message);
    ++m_run;
    dropSubscription();
    m_events.clear();
    m_processing = false;
    m_continuation.clear();
    after(backoffMs, [this] { beginReading(); });
}

void ShardConsumer::endShard(const QList<ChildShard> &children)
{
    const quint64 run = m_run;
    QStringList childIds;
    for (const ChildShard &child : children)
        childIds.append(child.shardId);
    // The children's leases first, so they exist once this lease says SHARD_END.
    auto remaining = std::make_shared<int>(int(children.size()) + 1);
    auto failure = std::make_shared<std::optional<Error>>();
    const auto created = [this, run, remaining, failure, children, childIds] {
        if (run != m_run || --*remaining > 0)
            return;
        if (*failure) {
            emit errorOccurred(m_leaseKey, (*failure)->message);
            after(m_options.retryBackoffMs, [this, children] { endShard(children); });
            return;
        }
        m_coordinator->updateLease(
            m_leaseKey,
            [childIds](Lease &lease) {
                lease.checkpoint = CheckpointSentinel::ShardEnd;
                lease.checkpointSubSequenceNumber = 0;
                lease.pendingCheckpoint.clear();
                lease.pendingCheckpointSubSequenceNumber.reset();
                lease.ownerSwitchesSinceCheckpoint = 0;
                lease.childShardIds = childIds;
            },
            [this, run, children](const BackendResult<std::optional<Lease>> &result) {
                if (run != m_run)
                    return;
                if (!result) {
                    emit errorOccurred(m_leaseKey, result.error().message);
                    after(m_options.retryBackoffMs, [this, children] { endShard(children); });
                } else if (!*result) {
                    lose();
                } else {
                    m_checkpoint = CheckpointSentinel::ShardEnd;
                    m_state = State::ShardEnded;
                    emit checkpointed(m_leaseKey, m_checkpoint);
                    emit shardEnded(m_leaseKey);
                }
            });
    };
    for (const ChildShard &child : children) {
        const Lease lease = ShardSyncer::newLease(child.shardId, child.parentShards, child.hashKeyRange,
                                                  CheckpointSentinel::TrimHorizon);
        onResult(this, m_table->createLeaseIfNotExists(lease), [failure, created](const BackendResult<bool> &result) {
            if (!result)
                *failure = result.error();
            created();
        });
    }
    created();
}

} // namespace shardscope
