#pragma once

#include "backend/backendsubscription.h"
#include "backend/streambackend.h"
#include "records/recordreader.h"
#include "records/shardlineage.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

namespace shardscope {

struct FanOutOptions
{
    // After ResourceInUseException: the shard is still held by a subscription of this consumer
    // (one made less than 5 seconds ago, or one elsewhere); a new one succeeds after that.
    int resourceInUseRetryMs = 5500;
    // Throttling (SubscribeToShard is limited per consumer and shard) and transient errors back
    // off exponentially between these.
    int initialBackoffMs = 250;
    int maxBackoffMs = 10000;
    // Transient errors in a row (no event in between) before the shard is given up.
    int maxTransientRetries = 5;
    // A subscription that ends normally without a single event is renewed after this, not at
    // once, so a backend that ends every subscription at once is not called in a loop.
    int emptySubscriptionRetryMs = 1000;
    // How long a record may wait in the merge for a slower shard before it is emitted anyway.
    int maxHoldMs = 1000;
};

// Reads a stream, one shard or all of them, through an enhanced fan-out consumer: one
// SubscribeToShard subscription per shard (StreamBackend::subscribeToShard), the records pushed
// as events, merged across shards in arrival order as TailReader does (ArrivalMerge), as the
// same RecordEntry values.
//
// Shards: as TailReader, every shard the stream lists that the start position reaches (LATEST:
// the open ones; one shard: it alone), children only after all their parents read to the end.
// A closed shard's last event (ChildShards, no ContinuationSequenceNumber) names its children;
// they start at TRIM_HORIZON (AT_TIMESTAMP when the read started at a time) once every parent
// this read follows has ended — a merged shard has two.
//
// Subscriptions: a subscription that ends normally (the 5-minute lifetime) is renewed at once
// AFTER_SEQUENCE_NUMBER its last event's ContinuationSequenceNumber: nothing is lost or read
// twice. ResourceInUseException is retried after resourceInUseRetryMs (with a warning);
// throttling and transient errors back off. Any other error stops that shard only (warning(),
// and shardLags() keeps the message); when no shard is left to read and one stopped that way,
// the read fails with that error.
//
// Lag: each event's MillisBehindLatest is kept per shard (shardLags(), lagChanged()).
//
// Pause cancels the subscriptions and keeps each shard's continuation; resume subscribes again
// from there.
//
// Threads: GUI thread; does not own the backend.
class FanOutReader final : public RecordReader
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FanOutReader)

public:
    // One shard's place in the read, for the lag line.
    struct ShardLag
    {
        QString shardId;
        qint64 millisBehindLatest = -1; // -1: no event yet
        bool finished = false;          // read to its end (a closed shard)
        QString problem;                // why it stopped, when an error stopped it
    };

    explicit FanOutReader(QObject *parent = nullptr);
    ~FanOutReader() override;

    void setOptions(const FanOutOptions &options) { m_options = options; }
    const FanOutOptions &options() const { return m_options; }
    // The consumer the next start() reads through (an ACTIVE consumer of the stream).
    void setConsumerArn(const QString &consumerArn) { m_consumerArn = consumerArn; }
    QString consumerArn() const { return m_consumerArn; }

    std::expected<void, QString> start(StreamBackend *backend, const QString &streamName,
                                       const TailStart &start) override;
    void pause() override;
    void resume() override;
    void stop() override;

    int activeShardCount() const override;
    int finishedShardCount() const;
    int throttledShardCount() const override { return int(m_throttled.size()); }
    // SubscribeToShard calls made since start.
    int subscriptionCount() const { return m_subscriptionCount; }
    // Every shard read, waiting, finished or stopped, in shard order.
    QList<ShardLag> shardLags() const;

signals:
    // A shard's MillisBehindLatest, or whether it stopped, changed.
    void lagChanged();

private:
    struct Shard;

    // Sets the phase of a shard the lineage now follows: subscribing, or waiting for its parents.
    Shard *follow(Shard *shard);
    void applyShardList(const QList<shardscope::Shard> &shards);
    void startReadyChildren();
    void pump();
    void subscribe(const std::shared_ptr<Shard> &shard);
    void handleEvent(const std::shared_ptr<Shard> &shard, const SubscribeToShardEvent &event);
    void handleError(const std::shared_ptr<Shard> &shard, const Error &error);
    void handleEnd(const std::shared_ptr<Shard> &shard);
    void dropSubscription(Shard &shard);
    void backOff(Shard &shard);
    void setThrottled(Shard &shard, bool throttled);
    void failIfNothingLeft();
    void fail(const Error &error);
    void release(bool all = false);
    qint64 now() const { return m_clock.elapsed(); }

    FanOutOptions m_options;
    QPointer<StreamBackend> m_backend;
    QString m_consumerArn;
    TailStart m_start;
    quint64 m_run = 0; // signals of an earlier run are dropped
    ShardLineage<Shard> m_lineage;
    QSet<QString> m_throttled;
    int m_subscriptionCount = 0;
    QElapsedTimer m_clock;
    QTimer m_pumpTimer;
    QMetaObject::Connection m_backendGone;
};

} // namespace shardscope
