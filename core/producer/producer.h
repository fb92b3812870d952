#pragma once

#include "kinesis/api.h"
#include "kinesis/error.h"
#include "kinesis/hashkey.h"
#include "producer/latencywindow.h"
#include "producer/producertypes.h"
#include "producer/shardmap.h"
#include "kinesis/tokenbucket.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QRandomGenerator>
#include <QString>

#include <deque>
#include <expected>

class QTimer;

namespace shardscope {

class StreamBackend;
struct PutRecordsResponse;

// A KPL-style producer for one stream of any StreamBackend (the emulator or AWS).
//
// put() queues a user record and returns its id at once; the result comes later, in
// recordsCompleted(), exactly once per id: put (shard, sequence number, and its index when
// aggregated) or failed (the Kinesis error, or "Expired" after ProducerOptions::recordTtlMs).
//
// - Records are predicted to their shard (MD5 of the partition key, or the explicit hash key,
//   against the open shards of listAllShards). The map is loaded at construction and loaded
//   again on catalogChanged() and whenever a record lands on another shard than predicted (the
//   stream was resharded). Records wait while no map is known.
// - Each shard has a client-side token bucket for records and one for bytes at
//   rateLimitPercent of the Kinesis write limit, so the producer keeps each shard under what it
//   accepts instead of being throttled. The buckets start empty (no burst at the start), hold
//   rateBurstMs of the rate, and a throttled shard's buckets are emptied.
// - Records are collected into PutRecords requests of at most maxBatchRecords and
//   maxBatchBytes, sent when full or when the oldest waiting record has lingered lingerMs.
//   With aggregation on, the records of a shard are packed into KPL aggregated records
//   (KplAggregation, the format the KCL and aws-kinesis-agg read) of at most maxAggregateBytes;
//   a record too large to share one goes alone, not aggregated.
// - A Kinesis record refused for a retryable reason (throttling, internal failure) sends its
//   user records again after an exponential backoff with full jitter, until their time to live
//   runs out; any other per-record error fails them. A request-level error is retried the same
//   way when it is retryable, and fails the request's records otherwise.
// - put() never blocks (this object lives on the GUI thread): with maxOutstandingRecords
//   records queued or in flight it refuses the record with LimitExceededException, and the
//   caller decides whether to wait (outstandingRecords(), idle()) or drop it.
// Order: records of one key go in put() order within a shard's queue, but a retried record can
// land after a later one of its key, as with the KPL.
//
// Metrics: per-second counters (secondClosed(), on the producer's clock) and metrics().
// Time comes from setClock() (a ManualClock in tests); a timer drives the work while any is
// left. Threads: GUI thread; every backend call is asynchronous. Does not own the backend.
class Producer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Producer)

public:
    Producer(StreamBackend *backend, const QString &streamName, const ProducerOptions &options = {},
             QObject *parent = nullptr);
    ~Producer() override;

    // Replaces the clock; call before the first put().
    void setClock(ProducerClock clock);
    // Seeds the retry jitter, for tests.
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

    // Queues a user record. Refused at once (no result follows) with ValidationException for a
    // record PutRecords would refuse, AccessDeniedException on a read-only connection, and
    // LimitExceededException while maxOutstandingRecords are outstanding.
    std::expected<quint64, Error> put(const ProducerRecord &record);
    // Sends what is queued now, without waiting for the linger time (rate limits still hold).
    void flush();
    // Does what is due now (closes seconds, expires, sends); the timer calls it, and tests on a
    // manual clock call it after moving the clock.
    void poll() { tick(); }
    // Loads the shard map again (also done on its own, see above).
    void refreshShardMap();

    StreamBackend *backend() const { return m_backend; }
    const QString &streamName() const { return m_streamName; }
    const ProducerOptions &options() const { return m_options; }
    qint64 outstandingRecords() const { return m_outstanding; }
    bool isIdle() const { return m_outstanding == 0; }
    ProducerMetrics metrics() const;
    qint64 nowMs() const { return m_clock(); }

signals:
    // Results of user records, in batches (one per response or expiry pass), never empty.
    void recordsCompleted(const QList<shardscope::ProducerResult> &results);
    // A second of the producer's clock ended; seconds without activity are emitted too.
    void secondClosed(const shardscope::ProducerCounters &counters);
    // The shard map was (re)loaded with this many open shards.
    void shardMapLoaded(int openShards);
    // Loading the shard map failed; it is tried again after a backoff.
    void shardMapFailed(const shardscope::Error &error);
    // The last outstanding record got its result.
    void idle();

private:
    struct Pending
    {
        quint64 id = 0;
        ProducerRecord record;
        HashKey hashKey;
        qint64 bytes = 0; // data plus partition key, as PutRecords counts it
        qint64 putMs = 0;
        qint64 deadlineMs = 0;
        qint64 notBeforeMs = 0;
        int attempts = 0;
    };
    struct ShardQueue
    {
        std::deque<Pending> records;
        qint64 bytes = 0; // of the records queued
        TokenBucket recordTokens;
        TokenBucket byteTokens;
    };
    // One Kinesis record of a request: the user records it carries (one unless aggregated).
    struct Carried
    {
        QString predictedShardId;
        bool aggregated = false;
        QList<Pending> records;
        PutRecordsRequestEntry entry;
        qint64 bytes = 0; // entry's data plus partition key
    };

    void scheduleTick();
    void tick();
    void closeSeconds(qint64 now);
    void expire(qint64 now);
    bool sendOne(qint64 now, bool force);
    bool takeForShard(const QString &shardId, ShardQueue &queue, qint64 now, int &records,
                      qint64 &bytes, QList<Carried> &out);
    bool takeAggregate(const QString &shardId, ShardQueue &queue, qint64 now, int &records,
                       qint64 &bytes, QList<Carried> &out);
    bool admit(ShardQueue &queue, const Carried &carried, qint64 now, int records, qint64 bytes);
    void handleResponse(quint64 mapGeneration, qint64 sentMs, QList<Carried> carried,
                        const PutRecordsResponse &response);
    void handleRequestError(qint64 sentMs, QList<Carried> carried, const Error &error);
    void retry(const QList<Pending> &records, qint64 now, QList<ProducerResult> &failed);
    void enqueue(Pending pending, bool front = false);
    ShardQueue &queueFor(const QString &shardId);
    void count(qint64 ProducerCounters::*field, qint64 n);
    void requeueAll();
    void complete(QList<ProducerResult> results);
    void failPending(const QList<Pending> &records, const QString &code, const QString &message,
                     qint64 now, QList<ProducerResult> &out);
    void recordLatency(qint64 ms);
    void loadShardMap();
    void applyShardMap(const QList<Shard> &shards);
    qint64 backoffMs(int attempts);
    double recordRate() const;
    double byteRate() const;

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    ProducerOptions m_options;
    ProducerClock m_clock;
    QRandomGenerator m_random;
    QTimer *m_timer;

    ShardMap m_map;
    quint64 m_mapGeneration = 0;
    bool m_mapLoading = false;
    bool m_mapStale = false;
    bool m_flushing = false;
    qint64 m_lastExpiryMs = 0;
    qint64 m_nextDeadlineMs = 0; // no queued record expires before this
    int m_mapFailures = 0;
    qint64 m_mapRetryAtMs = 0;
    QHash<QString, ShardQueue> m_queues;
    QStringList m_shardOrder;     // round robin over shards
    qsizetype m_nextShard = 0;
    std::deque<Pending> m_unassigned; // waiting for a shard map

    quint64 m_nextId = 1;
    qint64 m_outstanding = 0;
    int m_inFlight = 0;

    ProducerCounters m_total;
    ProducerCounters m_current;
    ProducerCounters m_lastSecond;
    QList<qint64> m_secondLatencies;
    LatencyWindow m_latency{1000};
};

} // namespace shardscope
