#pragma once

#include "backend/streambackend.h"
#include "consumer/leasetable.h"
#include "records/fanoutreader.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>

namespace shardscope {

class LeaseCoordinator;

struct ShardConsumerOptions
{
    enum class ReadMode { Polling, FanOut };
    ReadMode readMode = ReadMode::Polling;
    QString consumerArn;                  // FanOut: the group's enhanced fan-out consumer
    int idleTimeBetweenReadsMs = 1'000;   // KCL's PollingConfig.idleTimeBetweenReadsInMillis
    int maxRecords = 10'000;              // KCL's PollingConfig.maxRecords
    int parentShardPollIntervalMs = 10'000; // KCL's parentShardPollIntervalMillis
    int throttleBackoffMs = 1'000;        // first wait after ProvisionedThroughputExceeded, doubling
    int maxBackoffMs = 10'000;
    int retryBackoffMs = 1'000;           // after a failed batch or another error
    // Enhanced fan-out: ResourceInUse retry and back-off, as the Records tab's reader uses them.
    FanOutOptions fanOut;
    // Where an AT_TIMESTAMP checkpoint reads from (ms since the epoch): KCL keeps the time in
    // its configuration, not in the lease.
    qint64 initialTimestampMs = 0;
};

// Processes one batch: calls done(true) once processed, done(false) when processing failed.
using BatchProcessor = std::function<void(const QString &shardId, const QList<Record> &records,
                                          qint64 millisBehindLatest, std::function<void(bool ok)> done)>;

// One shard's consumer in a worker, as KCL's ShardConsumer: waits until every parent's lease
// reached SHARD_END (BlockOnParentShardTask), then reads from the lease's checkpoint
// (AFTER_SEQUENCE_NUMBER it, or the sentinel; AT_TIMESTAMP from initialTimestampMs), hands each batch to the processor and checkpoints
// after it (updateLease through the coordinator: the last record's sequence number,
// ownerSwitchesSinceCheckpoint 0). At the end of a closed shard it creates the children's leases
// if missing and checkpoints SHARD_END with childShardIds.
//
// Polling: GetShardIterator, then GetRecords every idleTimeBetweenReadsMs; ExpiredIterator gets a
// new iterator from the checkpoint; ProvisionedThroughputExceeded backs off (throttled()).
// GetShardIterator's ResourceNotFound (the shard is past retention) ends the shard without
// children, as KCL does.
// Enhanced fan-out: SubscribeToShard with the consumer, renewed after each subscription's end from
// the last event's ContinuationSequenceNumber; events that arrive while a batch is processed wait.
//
// A failed batch is retried from the last checkpoint after retryBackoffMs, so the checkpoint never
// moves past it. A lost lease (the checkpoint's condition failed) stops the consumer at once
// (stopped()). stop() drops every answer still on its way.
//
// Threads: GUI thread.
class ShardConsumer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShardConsumer)

public:
    enum class State { WaitingForParents, Reading, ShardEnded, Stopped };

    ShardConsumer(StreamBackend *backend, LeaseTable *table, LeaseCoordinator *coordinator,
                  const QString &streamName, const Lease &lease, const ShardConsumerOptions &options,
                  BatchProcessor processor, QObject *parent = nullptr);
    ~ShardConsumer() override;

    QString shardId() const { return m_leaseKey; }
    State state() const { return m_state; }
    QString checkpoint() const { return m_checkpoint; }

    void start();
    void stop();

signals:
    void throttled(const QString &shardId);
    void checkpointed(const QString &shardId, const QString &checkpoint);
    void batchFailed(const QString &shardId);
    void errorOccurred(const QString &shardId, const QString &message);
    void shardEnded(const QString &shardId);
    void stopped(const QString &shardId); // the lease was lost

private:
    void checkParents();
    void beginReading();
    void getIterator();
    void getRecords();
    void handleRecords(const GetRecordsResponse &response);
    void subscribe();
    void handleEvent(const SubscribeToShardEvent &event);
    void processNextEvent();
    void process(const QList<Record> &records, qint64 millisBehind, std::function<void()> then);
    void retryFromCheckpoint();
    void endShard(const QList<ChildShard> &children);
    void fail(const Error &error, int backoffMs);
    void after(int ms, std::function<void()> step);
    void dropSubscription();
    void lose();
    int nextThrottleBackoff();
    StartingPosition checkpointPosition() const;

    StreamBackend *m_backend;
    LeaseTable *m_table;
    LeaseCoordinator *m_coordinator;
    QString m_streamName;
    QString m_leaseKey;
    QStringList m_parents;
    ShardConsumerOptions m_options;
    BatchProcessor m_processor;
    State m_state = State::WaitingForParents;
    QString m_checkpoint;     // the lease's checkpoint: a sequence number or a sentinel
    QString m_iterator;       // polling
    int m_throttleBackoffMs = 0;
    quint64 m_run = 0;        // answers for an earlier attempt are dropped
    QTimer m_timer;
    // Fan-out
    QPointer<BackendSubscription> m_subscription;
    QString m_continuation;
    QList<SubscribeToShardEvent> m_events;
    bool m_processing = false;
    bool m_subscriptionEnded = false;
};

} // namespace shardscope
