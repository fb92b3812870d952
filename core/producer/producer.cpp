#include "producer.h"

#include "backend/backendlog.h"
#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "records/kplaggregation.h"
#include "records/recordbatch.h"
#include "records/recordreplayer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

constexpr qint64 kIdleTickMs = 100;
constexpr qint64 kExpiryScanMs = 50;
constexpr int kMaxSecondsCatchUp = 60;
const QString kThrottled = u"ProvisionedThroughputExceededException"_s;

qint64 varintSize(quint64 value)
{
    qint64 size = 1;
    while (value >= 0x80) {
        value >>= 7;
        ++size;
    }
    return size;
}

// A protobuf length-delimited field: tag, length, bytes.
qint64 fieldSize(qint64 length)
{
    return 1 + varintSize(quint64(length)) + length;
}

ProducerClock monotonicClock()
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const qint64 base = QDateTime::currentMSecsSinceEpoch();
    return [timer, base] { return base + timer->elapsed(); };
}

} // namespace

Producer::Producer(StreamBackend *backend, const QString &streamName,
                   const ProducerOptions &options, QObject *parent)
    : QObject(parent), m_backend(backend), m_streamName(streamName), m_options(options),
      m_clock(monotonicClock()), m_random(QRandomGenerator::global()->generate()),
      m_timer(new QTimer(this))
{
    m_options.maxBatchRecords = std::clamp(m_options.maxBatchRecords, 1,
                                           KinesisLimits::kPutRecordsMaxRecords);
    m_options.maxBatchBytes = std::clamp<qint64>(m_options.maxBatchBytes, 1,
                                                 KinesisLimits::kPutRecordsMaxBytes);
    m_options.maxConcurrentRequests = std::max(1, m_options.maxConcurrentRequests);
    m_options.maxOutstandingRecords = std::max(1, m_options.maxOutstandingRecords);
    m_options.tickMs = std::max(1, m_options.tickMs);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Producer::tick);
    m_current.second = m_clock() / 1000 * 1000;
    if (m_backend) {
        connect(m_backend, &StreamBackend::catalogChanged, this, [this] {
            m_mapStale = true;
            loadShardMap();
        });
    }
    loadShardMap();
    scheduleTick();
}

Producer::~Producer() = default;

void Producer::setClock(ProducerClock clock)
{
    m_clock = std::move(clock);
    m_current = {};
    m_current.second = m_clock() / 1000 * 1000;
    m_lastExpiryMs = 0;
    m_nextDeadlineMs = 0;
    // Buckets keep their own last refill time; start them again on the new clock.
    const qint64 now = m_clock();
    for (auto it = m_queues.begin(); it != m_queues.end(); ++it) {
        it->recordTokens = TokenBucket(qint64(recordRate()), it->recordTokens.capacity(), now);
        it->byteTokens = TokenBucket(qint64(byteRate()), it->byteTokens.capacity(), now);
    }
}

double Producer::recordRate() const
{
    return KinesisLimits::kShardWriteRecordsPerSecond * m_options.rateLimitPercent / 100.0;
}

double Producer::byteRate() const
{
    return double(KinesisLimits::kShardWriteBytesPerSecond) * m_options.rateLimitPercent / 100.0;
}

std::expected<quint64, Error> Producer::put(const ProducerRecord &record)
{
    if (!m_backend)
        return std::unexpected(Error::internal(tr("The producer's connection is gone.")));
    if (m_backend->isReadOnly()) {
        return std::unexpected(Error{ErrorType::AccessDenied,
                                     tr("The connection %1 is read-only.")
                                         .arg(m_backend->displayName())});
    }
    const PutRecordsRequestEntry entry{record.data, record.partitionKey, record.explicitHashKey};
    const QString problem = RecordBatch::recordProblem(entry, KinesisLimits::kDefaultMaxRecordBytes);
    if (!problem.isEmpty())
        return std::unexpected(Error{ErrorType::Validation, problem});
    if (m_outstanding >= m_options.maxOutstandingRecords) {
        return std::unexpected(
            Error{ErrorType::LimitExceeded,
                  tr("The producer already has %L1 records outstanding, its limit; wait for "
                     "their results before putting more.")
                      .arg(m_outstanding)});
    }
    const qint64 now = m_clock();
    closeSeconds(now);
    Pending pending;
    pending.id = m_nextId++;
    pending.record = record;
    pending.hashKey = ShardMap::hashKeyOf(record.partitionKey, record.explicitHashKey);
    pending.bytes = RecordBatch::requestBytes(entry);
    pending.putMs = now;
    pending.deadlineMs = now + m_options.recordTtlMs;
    pending.notBeforeMs = now;
    const quint64 id = pending.id;
    enqueue(std::move(pending));
    ++m_outstanding;
    if (!m_timer->isActive() || m_timer->remainingTime() > m_options.tickMs)
        m_timer->start(m_options.tickMs);
    return id;
}

void Producer::flush()
{
    m_flushing = true;
    tick();
}

void Producer::refreshShardMap()
{
    m_mapStale = true;
    loadShardMap();
}

ProducerMetrics Producer::metrics() const
{
    ProducerMetrics metrics;
    metrics.total = m_total;
    metrics.lastSecond = m_lastSecond;
    metrics.latencyP50Ms = m_latency.percentile(50);
    metrics.latencyP99Ms = m_latency.percentile(99);
    metrics.latencyMaxMs = m_latency.max();
    metrics.outstandingRecords = m_outstanding;
    metrics.requestsInFlight = m_inFlight;
    metrics.knownShards = int(m_map.size());
    return metrics;
}

void Producer::count(qint64 ProducerCounters::*field, qint64 n)
{
    m_total.*field += n;
    m_current.*field += n;
}

// --- Shard map ---------------------------------------------------------------------------------

void Producer::loadShardMap()
{
    if (!m_backend || m_mapLoading)
        return;
    m_mapLoading = true;
    m_mapStale = false;
    onResult(this, m_backend->listAllShards(StreamTarget::byName(m_streamName)),
             [this](const BackendResult<QList<Shard>> &result) {
                 m_mapLoading = false;
                 if (!result) {
                     ++m_mapFailures;
                     m_mapStale = true;
                     m_mapRetryAtMs = m_clock() + backoffMs(m_mapFailures);
                     qCWarning(lcBackend) << "Producer: cannot list the shards of" << m_streamName
                                          << result.error().typeName() << result.error().message;
                     emit shardMapFailed(result.error());
                     scheduleTick();
                     return;
                 }
                 m_mapFailures = 0;
                 applyShardMap(*result);
                 if (m_mapStale) // something changed while loading
                     loadShardMap();
                 scheduleTick();
             });
}

void Producer::applyShardMap(const QList<Shard> &shards)
{
    ShardMap map(shards);
    const bool changed = map.shardIds() != m_map.shardIds() || m_map.isEmpty();
    m_map = std::move(map);
    ++m_mapGeneration;
    if (changed)
        requeueAll();
    emit shardMapLoaded(int(m_map.size()));
}

Producer::ShardQueue &Producer::queueFor(const QString &shardId)
{
    auto it = m_queues.find(shardId);
    if (it == m_queues.end()) {
        const qint64 now = m_clock();
        ShardQueue queue;
        const auto records = qint64(recordRate() * m_options.rateBurstMs / 1000.0);
        const auto bytes = qint64(byteRate() * m_options.rateBurstMs / 1000.0);
        // Room for at least one record of the largest size, so every record can go.
        queue.recordTokens = TokenBucket(qint64(recordRate()), std::max<qint64>(1, records), now);
        queue.byteTokens = TokenBucket(
            qint64(byteRate()),
            std::max<qint64>(bytes, KinesisLimits::kDefaultMaxRecordBytes
                                        + KinesisLimits::kMaxPartitionKeyLength * 4 + 64),
            now);
        // Empty at first, so a new producer (or a new child shard) does not start with a burst.
        queue.recordTokens.drain(now);
        queue.byteTokens.drain(now);
        it = m_queues.insert(shardId, std::move(queue));
        m_shardOrder.append(shardId);
    }
    return *it;
}

void Producer::enqueue(Pending pending, bool front)
{
    m_nextDeadlineMs = std::min(m_nextDeadlineMs, pending.deadlineMs);
    if (m_map.isEmpty()) {
        if (front)
            m_unassigned.push_front(std::move(pending));
        else
            m_unassigned.push_back(std::move(pending));
        return;
    }
    const QString shardId = m_map.shardFor(pending.hashKey);
    if (shardId.isEmpty()) { // a gap in a map read mid-reshard
        m_mapStale = true;
        m_unassigned.push_back(std::move(pending));
        return;
    }
    ShardQueue &queue = queueFor(shardId);
    queue.bytes += pending.bytes;
    if (front)
        queue.records.push_front(std::move(pending));
    else
        queue.records.push_back(std::move(pending));
}

void Producer::requeueAll()
{
    // Predict every waiting record again, keeping the order they were put in per shard.
    std::deque<Pending> all = std::move(m_unassigned);
    m_unassigned.clear();
    for (auto it = m_queues.begin(); it != m_queues.end(); ++it) {
        for (Pending &pending : it->records)
            all.push_back(std::move(pending));
        it->records.clear();
        it->bytes = 0;
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const Pending &a, const Pending &b) { return a.id < b.id; });
    // Forget shards that are no longer open (their buckets too).
    const QStringList open = m_map.shardIds();
    for (auto it = m_queues.begin(); it != m_queues.end();) {
        if (!open.contains(it.key())) {
            m_shardOrder.removeOne(it.key());
            it = m_queues.erase(it);
        } else {
            ++it;
        }
    }
    for (Pending &pending : all)
        enqueue(std::move(pending));
}

// --- Sending -----------------------------------------------------------------------------------

void Producer::scheduleTick()
{
    const qint64 interval = m_outstanding > 0 ? m_options.tickMs : kIdleTickMs;
    if (!m_timer->isActive() || m_timer->remainingTime() > interval)
        m_timer->start(int(interval));
}

void Producer::tick()
{
    const qint64 now = m_clock();
    closeSeconds(now);
    if (m_mapStale && !m_mapLoading && now >= m_mapRetryAtMs)
        loadShardMap();
    if (now >= m_nextDeadlineMs && (now - m_lastExpiryMs >= kExpiryScanMs || m_flushing)) {
        m_lastExpiryMs = now;
        expire(now);
    }
    while (sendOne(now, m_flushing)) {
    }
    if (m_flushing) {
        bool queued = !m_unassigned.empty();
        for (const ShardQueue &queue : std::as_const(m_queues))
            queued = queued || !queue.records.empty();
        m_flushing = queued;
    }
    scheduleTick();
}

void Producer::closeSeconds(qint64 now)
{
    int emitted = 0;
    while (now >= m_current.second + 1000) {
        if (!m_secondLatencies.isEmpty()) {
            m_current.latencyP50Ms = LatencyWindow::percentileOf(m_secondLatencies, 50);
            m_current.latencyP99Ms = LatencyWindow::percentileOf(m_secondLatencies, 99);
            m_current.latencyMaxMs = *std::max_element(m_secondLatencies.cbegin(),
                                                       m_secondLatencies.cend());
            m_secondLatencies.clear();
        }
        m_lastSecond = m_current;
        const qint64 next = m_current.second + 1000;
        m_current = {};
        m_current.second = next;
        if (emitted++ < kMaxSecondsCatchUp)
            emit secondClosed(m_lastSecond);
        else // a long pause of the clock: skip to now without a flood of empty seconds
            m_current.second = now / 1000 * 1000;
    }
}

void Producer::expire(qint64 now)
{
    QList<ProducerResult> failed;
    const QString message = tr("The record was not put within its time to live (%L1 ms).")
                                .arg(m_options.recordTtlMs);
    const auto sweep = [&](std::deque<Pending> &records, qint64 *bytes) {
        QList<Pending> expired;
        for (auto it = records.begin(); it != records.end();) {
            if (it->deadlineMs <= now) {
                if (bytes)
                    *bytes -= it->bytes;
                expired.append(std::move(*it));
                it = records.erase(it);
            } else {
                m_nextDeadlineMs = std::min(m_nextDeadlineMs, it->deadlineMs);
                ++it;
            }
        }
        failPending(expired, u"Expired"_s, message, now, failed);
    };
    m_nextDeadlineMs = std::numeric_limits<qint64>::max();
    sweep(m_unassigned, nullptr);
    for (auto it = m_queues.begin(); it != m_queues.end(); ++it)
        sweep(it->records, &it->bytes);
    complete(std::move(failed));
}

bool Producer::admit(ShardQueue &queue, const Carried &carried, qint64 now, int records,
                     qint64 bytes)
{
    if (records + 1 > m_options.maxBatchRecords || bytes + carried.bytes > m_options.maxBatchBytes)
        return false;
    if (m_options.rateLimitPercent <= 0)
        return true;
    if (!queue.recordTokens.canTake(1, now) || !queue.byteTokens.canTake(carried.bytes, now))
        return false;
    queue.recordTokens.take(1);
    queue.byteTokens.take(carried.bytes);
    return true;
}

// Moves the ready records at the front of the shard's queue into `out`, one Kinesis record
// each, while the request and the shard's buckets have room. False when it stopped for room.
bool Producer::takeForShard(const QString &shardId, ShardQueue &queue, qint64 now, int &records,
                            qint64 &bytes, QList<Carried> &out)
{
    if (m_options.aggregate)
        return takeAggregate(shardId, queue, now, records, bytes, out);
    for (auto it = queue.records.begin(); it != queue.records.end();) {
        if (it->notBeforeMs > now) { // backing off
            ++it;
            continue;
        }
        Carried carried;
        carried.predictedShardId = shardId;
        carried.entry = {it->record.data, it->record.partitionKey, it->record.explicitHashKey};
        carried.bytes = it->bytes;
        if (!admit(queue, carried, now, records, bytes))
            return false;
        ++records;
        bytes += carried.bytes;
        queue.bytes -= it->bytes;
        carried.records.append(std::move(*it));
        it = queue.records.erase(it);
        out.append(std::move(carried));
    }
    return true;
}

// The same with aggregation: ready records packed into aggregated records of at most
// maxAggregateBytes (an upper bound of the encoded size is kept while packing).
bool Producer::takeAggregate(const QString &shardId, ShardQueue &queue, qint64 now, int &records,
                             qint64 &bytes, QList<Carried> &out)
{
    for (;;) {
        QList<qsizetype> picked; // positions in the queue
        QSet<QString> keys;
        QSet<QString> hashKeys;
        qint64 estimate = KplAggregation::kMagicSize + KplAggregation::kChecksumSize;
        qint64 firstKeyBytes = 0;
        for (qsizetype i = 0; i < qsizetype(queue.records.size()); ++i) {
            const Pending &pending = queue.records[size_t(i)];
            if (pending.notBeforeMs > now)
                continue;
            const QByteArray key = pending.record.partitionKey.toUtf8();
            qint64 add = 0;
            if (!keys.contains(pending.record.partitionKey))
                add += fieldSize(key.size());
            if (pending.record.explicitHashKey && !hashKeys.contains(*pending.record.explicitHashKey))
                add += fieldSize(pending.record.explicitHashKey->size());
            // Record: partition_key_index, explicit_hash_key_index, data (indexes < 2^32).
            const qint64 body = 1 + 5 + (pending.record.explicitHashKey ? 1 + 5 : 0)
                                + fieldSize(pending.record.data.size());
            add += fieldSize(body);
            if (picked.isEmpty())
                firstKeyBytes = key.size();
            if (!picked.isEmpty() && estimate + add + firstKeyBytes > m_options.maxAggregateBytes)
                break;
            picked.append(i);
            keys.insert(pending.record.partitionKey);
            if (pending.record.explicitHashKey)
                hashKeys.insert(*pending.record.explicitHashKey);
            estimate += add;
            if (estimate + firstKeyBytes >= m_options.maxAggregateBytes)
                break;
        }
        if (picked.isEmpty())
            return true;

        Carried carried;
        carried.predictedShardId = shardId;
        const Pending &first = queue.records[size_t(picked.first())];
        if (picked.size() == 1) {
            // One record alone goes as it is, as the KPL sends it.
            carried.entry = {first.record.data, first.record.partitionKey,
                             first.record.explicitHashKey};
            carried.bytes = first.bytes;
        } else {
            QList<KplUserRecord> users;
            users.reserve(picked.size());
            for (qsizetype i : std::as_const(picked)) {
                const Pending &pending = queue.records[size_t(i)];
                users.append({pending.record.partitionKey, pending.record.explicitHashKey,
                              pending.record.data, {}});
            }
            auto aggregated = KplAggregation::aggregate(users);
            if (!aggregated) { // put() checked every record; log and send them one by one
                qCWarning(lcBackend) << "Producer: cannot aggregate:" << aggregated.error().message;
                picked.resize(1);
                carried.entry = {first.record.data, first.record.partitionKey,
                                 first.record.explicitHashKey};
                carried.bytes = first.bytes;
            } else {
                carried.aggregated = true;
                // The aggregate lands where its first record would: the KPL gives it that
                // record's partition key and its hash key as the explicit hash key.
                carried.entry = {*aggregated, first.record.partitionKey,
                                 first.hashKey.toDecimal()};
                carried.bytes = aggregated->size() + first.record.partitionKey.toUtf8().size();
            }
        }
        if (!admit(queue, carried, now, records, bytes))
            return false;
        ++records;
        bytes += carried.bytes;
        // Move the picked records out: usually the front of the queue, removed in one go;
        // otherwise (records backing off in between) back to front so positions stay valid.
        QList<Pending> taken;
        taken.reserve(picked.size());
        for (qsizetype i : std::as_const(picked)) {
            Pending &pending = queue.records[size_t(i)];
            queue.bytes -= pending.bytes;
            taken.append(std::move(pending));
        }
        if (picked.last() == picked.size() - 1) {
            queue.records.erase(queue.records.begin(), queue.records.begin() + picked.size());
        } else {
            for (qsizetype j = picked.size() - 1; j >= 0; --j)
                queue.records.erase(queue.records.begin() + picked.at(j));
        }
        carried.records = std::move(taken);
        out.append(std::move(carried));
    }
}

bool Producer::sendOne(qint64 now, bool force)
{
    if (!m_backend || m_inFlight >= m_options.maxConcurrentRequests || m_shardOrder.isEmpty())
        return false;
    // Due when a request would be full, or when a record has waited its linger time.
    bool due = force;
    qint64 queuedRecords = 0;
    qint64 queuedBytes = 0;
    for (const ShardQueue &queue : std::as_const(m_queues)) {
        queuedRecords += qint64(queue.records.size());
        queuedBytes += queue.bytes;
        for (const Pending &pending : queue.records) {
            if (pending.notBeforeMs > now)
                continue;
            due = due || now - pending.putMs >= m_options.lingerMs || pending.attempts > 0;
            break; // the first ready record is the oldest of its shard
        }
    }
    if (queuedRecords == 0)
        return false;
    due = due || queuedBytes >= m_options.maxBatchBytes
          || (!m_options.aggregate && queuedRecords >= m_options.maxBatchRecords)
          || (m_options.aggregate
              && queuedBytes >= m_options.maxAggregateBytes * m_options.maxBatchRecords);
    if (!due)
        return false;

    QList<Carried> carried;
    int records = 0;
    qint64 bytes = 0;
    const qsizetype shards = m_shardOrder.size();
    for (qsizetype n = 0; n < shards; ++n) {
        const QString shardId = m_shardOrder.at((m_nextShard + n) % shards);
        takeForShard(shardId, m_queues[shardId], now, records, bytes, carried);
        if (records >= m_options.maxBatchRecords)
            break;
    }
    m_nextShard = (m_nextShard + 1) % shards;
    if (carried.isEmpty())
        return false;

    PutRecordsRequest request;
    request.target = StreamTarget::byName(m_streamName);
    request.records.reserve(carried.size());
    qint64 users = 0;
    qint64 retried = 0;
    qint64 retriedBytes = 0;
    for (Carried &c : carried) {
        request.records.append(c.entry);
        for (Pending &pending : c.records) {
            if (pending.attempts > 0) {
                ++retried;
                retriedBytes += pending.bytes;
            }
            ++pending.attempts;
        }
        users += c.records.size();
    }
    count(&ProducerCounters::kinesisRecordsSent, carried.size());
    count(&ProducerCounters::userRecordsSent, users);
    count(&ProducerCounters::bytesSent, bytes);
    count(&ProducerCounters::retriedRecords, retried);
    count(&ProducerCounters::retriedBytes, retriedBytes);
    ++m_inFlight;
    const quint64 generation = m_mapGeneration;
    onResult(this, m_backend->putRecords(request),
             [this, generation, now, carried = std::move(carried)](
                 const BackendResult<PutRecordsResponse> &result) mutable {
                 --m_inFlight;
                 if (result)
                     handleResponse(generation, now, std::move(carried), *result);
                 else
                     handleRequestError(now, std::move(carried), result.error());
                 tick();
             });
    return true;
}

void Producer::recordLatency(qint64 ms)
{
    m_latency.add(ms);
    m_secondLatencies.append(ms);
}

void Producer::handleResponse(quint64 mapGeneration, qint64 sentMs, QList<Carried> carried,
                              const PutRecordsResponse &response)
{
    const qint64 now = m_clock();
    closeSeconds(now);
    if (response.records.size() != carried.size()) {
        const Error error = Error::internal(tr("PutRecords answered %L1 results for %L2 records.")
                                                .arg(response.records.size())
                                                .arg(carried.size()));
        handleRequestError(sentMs, std::move(carried), error);
        return;
    }
    recordLatency(now - sentMs);
    count(&ProducerCounters::requests, 1);
    QList<ProducerResult> results;
    QList<Pending> again;
    for (qsizetype i = 0; i < carried.size(); ++i) {
        Carried &c = carried[i];
        const PutRecordsResultEntry &entry = response.records.at(i);
        if (entry.errorCode.isEmpty() && entry.sequenceNumber) {
            count(&ProducerCounters::kinesisRecordsAcknowledged, 1);
            count(&ProducerCounters::bytesAcknowledged, c.bytes);
            count(&ProducerCounters::userRecordsAcknowledged, c.records.size());
            ProducerShardCounts &shard = m_current.acknowledgedByShard[entry.shardId];
            ++shard.records;
            shard.bytes += c.bytes;
            if (entry.shardId != c.predictedShardId && mapGeneration == m_mapGeneration)
                m_mapStale = true; // resharded: the map is out of date
            const QString sequence = entry.sequenceNumber->toString();
            for (qsizetype j = 0; j < c.records.size(); ++j) {
                const Pending &pending = c.records.at(j);
                ProducerResult r;
                r.id = pending.id;
                r.ok = true;
                r.shardId = entry.shardId;
                r.sequenceNumber = sequence;
                r.subSequenceNumber = c.aggregated ? int(j) : -1;
                r.attempts = pending.attempts;
                r.latencyMs = now - pending.putMs;
                results.append(std::move(r));
            }
            continue;
        }
        if (entry.errorCode == kThrottled) {
            count(&ProducerCounters::throttledRecords, 1);
            count(&ProducerCounters::throttledBytes, c.bytes);
            // The shard is over its limit as Kinesis counts it: stop sending to it for a while.
            const auto queue = m_queues.find(c.predictedShardId);
            if (queue != m_queues.end()) {
                queue->recordTokens.drain(now);
                queue->byteTokens.drain(now);
            }
        }
        if (RecordReplayer::isRetryable(entry.errorCode)) {
            again.append(c.records);
            continue;
        }
        failPending(c.records, entry.errorCode, entry.errorMessage, now, results);
    }
    retry(again, now, results);
    complete(std::move(results));
    if (m_mapStale && !m_mapLoading)
        loadShardMap();
}

void Producer::handleRequestError(qint64 sentMs, QList<Carried> carried, const Error &error)
{
    const qint64 now = m_clock();
    closeSeconds(now);
    recordLatency(now - sentMs);
    QList<Pending> records;
    qint64 bytes = 0;
    for (Carried &c : carried) {
        records.append(std::move(c.records));
        bytes += c.bytes;
    }
    QList<ProducerResult> results;
    if (RecordReplayer::isRetryable(error.typeName())) {
        qCDebug(lcBackend) << "Producer: PutRecords failed, retrying:" << error.typeName()
                           << error.message;
        if (error.type == ErrorType::ProvisionedThroughputExceeded) {
            count(&ProducerCounters::throttledRecords, carried.size());
            count(&ProducerCounters::throttledBytes, bytes);
        }
        retry(records, now, results);
    } else {
        qCWarning(lcBackend) << "Producer: PutRecords failed:" << error.typeName()
                             << error.message;
        if (error.type == ErrorType::ResourceNotFound)
            m_mapStale = true;
        failPending(records, error.typeName(), error.message, now, results);
    }
    complete(std::move(results));
}

qint64 Producer::backoffMs(int attempts)
{
    const int shift = std::clamp(attempts - 1, 0, 20);
    const qint64 ceiling = std::min<qint64>(m_options.retryMaxDelayMs,
                                            qint64(m_options.retryBaseDelayMs) << shift);
    // Full jitter: anywhere in [0, ceiling], so throttled producers do not retry in step.
    return ceiling > 0 ? qint64(m_random.bounded(quint64(ceiling) + 1)) : 0;
}

void Producer::retry(const QList<Pending> &records, qint64 now, QList<ProducerResult> &failed)
{
    QList<Pending> expired;
    // Back to the front of their shard's queue, in put order, after the backoff.
    for (qsizetype i = records.size() - 1; i >= 0; --i) {
        Pending pending = records.at(i);
        if (now >= pending.deadlineMs) {
            expired.prepend(std::move(pending));
            continue;
        }
        pending.notBeforeMs = now + backoffMs(pending.attempts);
        enqueue(std::move(pending), true);
    }
    failPending(expired, u"Expired"_s,
                tr("The record was not put within its time to live (%L1 ms).")
                    .arg(m_options.recordTtlMs),
                now, failed);
}

void Producer::failPending(const QList<Pending> &records, const QString &code,
                           const QString &message, qint64 now, QList<ProducerResult> &out)
{
    for (const Pending &pending : records) {
        ProducerResult r;
        r.id = pending.id;
        r.errorCode = code;
        r.errorMessage = message;
        r.attempts = pending.attempts;
        r.latencyMs = now - pending.putMs;
        out.append(std::move(r));
    }
}

void Producer::complete(QList<ProducerResult> results)
{
    if (results.isEmpty())
        return;
    qint64 failed = 0;
    for (const ProducerResult &r : std::as_const(results))
        failed += r.ok ? 0 : 1;
    count(&ProducerCounters::failedRecords, failed);
    m_outstanding -= results.size();
    emit recordsCompleted(results);
    if (m_outstanding == 0)
        emit idle();
}

} // namespace shardscope
