#pragma once

#include "kinesis/api.h"
#include "kinesis/error.h"
#include "kinesis/limits.h"
#include "kinesis/subscriptionstatus.h"
#include "kinesis/tokenbucket.h"

#include <QHash>
#include <QString>

#include <algorithm>
#include <expected>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>

namespace shardscope {

class EngineCore;
class ShardSubscriptions;

// One SubscribeToShard subscription: an enhanced fan-out consumer reading one shard from a
// starting position. The transport (the server's response stream, or a backend) pulls events
// from it with poll() whenever records may have arrived (recordsAppended) and at the time poll()
// asks to be woken; the subscription itself never blocks and has no thread.
//
// What it delivers follows Kinesis: records as they are there, up to 2 MiB/s per consumer and
// shard (its own token bucket; enhanced fan-out does not share the shard's GetRecords limits);
// an empty event when nothing arrived for `heartbeatMs`; ContinuationSequenceNumber (the last
// record's sequence number, or the position just before the next record); a true
// MillisBehindLatest (how old the first record not yet delivered is); at the end of a closed
// shard one last event without a continuation and with the children (ChildShards), then the end.
// It ends after 5 minutes, when a newer subscription for the same consumer and shard takes over,
// when cancelled, and with ResourceNotFoundException when the consumer is deregistered or the
// stream deleted. Encrypted streams deliver plaintext.
//
// Threads: every method is thread-safe.
class ShardSubscription final
{
public:
    struct Options
    {
        qint64 lifetimeMs = KinesisLimits::kSubscriptionLifetimeMs;
        qint64 heartbeatMs = KinesisLimits::kSubscriptionHeartbeatMs;
        qint64 bytesPerSecond = KinesisLimits::kSubscriptionBytesPerSecond;
        int maxRecordsPerEvent = KinesisLimits::kGetRecordsMaxRecords;
    };
    // What poll() found.
    struct Step
    {
        // An event to deliver now.
        std::optional<SubscribeToShardEvent> event;
        // The subscription ended with this exception (nothing else is delivered).
        std::optional<Error> error;
        // No more events after `event` (if any): the stream of events is complete.
        bool ended = false;
        // Poll again at this time (engine clock) at the latest, even if no record arrives.
        qint64 wakeAtMs = 0;
        // The engine clock's time of this poll.
        qint64 nowMs = 0;

        // What a transport does after delivering this step: nothing once the subscription
        // ended (std::nullopt), else poll again in this many milliseconds (0: more is there
        // now). At most a minute, so it always fits a QTimer.
        std::optional<qint64> nextPollInMs() const
        {
            if (ended)
                return std::nullopt;
            return std::clamp<qint64>(wakeAtMs - nowMs, 0, 60 * 1000);
        }
    };
    // What the subscription has done, for views of live subscriptions.
    using Status = SubscriptionStatus;

    ~ShardSubscription();
    ShardSubscription(const ShardSubscription &) = delete;
    ShardSubscription &operator=(const ShardSubscription &) = delete;

    Step poll();
    // The client went away: ends the subscription (it delivers nothing more).
    void cancel();
    Status status() const;

private:
    friend class ShardSubscriptions;
    // What a subscription shares with its registry: the engine, until it closes. Polls hold the
    // lock shared; closing the engine takes it exclusively and clears the pointers, so a
    // subscription that outlives the engine just ends.
    struct Link
    {
        std::shared_mutex mutex;
        const EngineCore *core = nullptr;
        ShardSubscriptions *registry = nullptr;
    };
    ShardSubscription(std::shared_ptr<Link> link, Options options, QString key, QString consumerArn,
                      QString streamName, qint64 streamId, quint32 shard, qint64 position,
                      qint64 nowMs);
    Step end(std::optional<Error> error = std::nullopt); // m_mutex held
    Step pollLocked(const EngineCore &core, qint64 nowMs); // m_mutex held
    void takeOver();                                     // a newer subscription replaced this one

    const std::shared_ptr<Link> m_link;
    const Options m_options;
    const QString m_key; // the registry's key
    const QString m_streamName;
    const qint64 m_streamId;
    const quint32 m_shard;

    mutable std::mutex m_mutex;
    qint64 m_position;          // the counter the next read starts at
    TokenBucket m_bytes;        // 2 MiB/s of record data
    bool m_sentFirst = false;   // an event was delivered (the first is sent at once)
    bool m_ended = false;
    Status m_status;
};

// The engine's live subscriptions: opens them (with SubscribeToShard's checks, including the
// 5-second rule: a second call for the same consumer and shard within 5 seconds of the first
// gets ResourceInUseException, a later one takes over) and lists them.
//
// Threads: thread-safe.
class ShardSubscriptions final
{
public:
    explicit ShardSubscriptions(const EngineCore &core,
                                ShardSubscription::Options options = ShardSubscription::Options());
    ~ShardSubscriptions();
    ShardSubscriptions(const ShardSubscriptions &) = delete;
    ShardSubscriptions &operator=(const ShardSubscriptions &) = delete;

    std::expected<std::shared_ptr<ShardSubscription>, Error> subscribe(const SubscribeToShardRequest &request);
    // Every subscription that has not ended, oldest first.
    QList<ShardSubscription::Status> active() const;

private:
    friend class ShardSubscription;
    void forget(const QString &key, const ShardSubscription *subscription); // from ~ShardSubscription

    const EngineCore &m_core;
    const ShardSubscription::Options m_options;
    std::shared_ptr<ShardSubscription::Link> m_link; // handed to subscriptions; cleared on close
    mutable std::mutex m_mutex;
    QHash<QString, std::weak_ptr<ShardSubscription>> m_byKey; // consumer ARN + '\n' + shard id
};

} // namespace shardscope
