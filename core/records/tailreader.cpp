#include "tailreader.h"

#include "backend/futureutils.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {
constexpr qint64 kNever = std::numeric_limits<qint64>::max();
constexpr qint64 kMinWatermark = std::numeric_limits<qint64>::min();
constexpr int kMaxIteratorRetries = 3; // invalid or expired iterators in a row before giving up

} // namespace

struct TailReader::Shard : LineageShard
{
    enum class Phase { Waiting, NeedIterator, Reading, Finished };

    Phase phase = Phase::NeedIterator;

    QString iterator;
    QString lastSequence;
    qint64 watermark = kMinWatermark; // arrival of the last record read
    bool caughtUp = false;
    bool inFlight = false;
    bool wakePending = false;
    bool throttled = false;
    qint64 notBefore = 0;            // earliest next call (idle wait, back-off)
    qint64 lastCallAt = kMinWatermark; // the token bucket (one token)
    int backoffMs = 0;
    int iteratorRetries = 0;
};

TailReader::TailReader(QObject *parent) : RecordReader(parent)
{
    m_clock.start();
    m_pumpTimer.setSingleShot(true);
    m_pumpTimer.setTimerType(Qt::PreciseTimer); // never early: the quota is counted per second
    connect(&m_pumpTimer, &QTimer::timeout, this, &TailReader::pump);
    m_releaseTimer.setSingleShot(true);
    connect(&m_releaseTimer, &QTimer::timeout, this, [this] { release(); });
    connect(&m_listTimer, &QTimer::timeout, this, &TailReader::refreshShards);
    m_catalogDebounce.setSingleShot(true);
    m_catalogDebounce.setInterval(100);
    connect(&m_catalogDebounce, &QTimer::timeout, this, &TailReader::refreshShards);
}

TailReader::~TailReader() = default;

std::expected<void, QString> TailReader::start(StreamBackend *backend, const QString &streamName,
                                               const TailStart &start)
{
    stop();
    if (!backend)
        return std::unexpected(tr("There is no connection to read from."));
    const auto position = checkedStart(start);
    if (!position)
        return std::unexpected(position.error());

    m_backend = backend;
    m_streamName = streamName;
    m_start = *position;
    m_lineage.reset(m_start);
    m_merge.setMaxHoldMs(m_options.maxHoldMs);
    m_recordCount = 0;
    const quint64 run = ++m_run;
    m_clock.restart();
    setState(State::Running);

    m_backendConnections.append(
        connect(backend, &StreamBackend::recordsAppended, this,
                [this](const QString &stream, const QString &shardId) { wake(stream, shardId); }));
    m_backendConnections.append(
        connect(backend, &StreamBackend::catalogChanged, this, [this] {
            if (state() == State::Running)
                m_catalogDebounce.start();
        }));
    m_backendConnections.append(connect(backend, &QObject::destroyed, this, [this] {
        fail(Error{ErrorType::InternalFailure, tr("The connection was closed.")});
    }));

    m_listing = true;
    onResult(this, backend->listAllShards(StreamTarget::byName(streamName)),
             [this, run](const BackendResult<QList<shardscope::Shard>> &result) {
                 if (run != m_run)
                     return;
                 m_listing = false;
                 if (!result) {
                     fail(result.error());
                     return;
                 }
                 applyShardList(*result, true);
                 if (m_lineage.empty() && !m_start.shardId.isEmpty()) {
                     fail(Error{ErrorType::ResourceNotFound,
                                tr("Shard %1 does not exist in stream %2.")
                                    .arg(m_start.shardId, m_streamName)});
                     return;
                 }
                 startReadyChildren();
                 emit shardsChanged();
                 pump();
             });
    m_listTimer.start(std::max(1000, m_options.listShardsIntervalMs));
    return {};
}

void TailReader::pause()
{
    if (state() != State::Running)
        return;
    m_pumpTimer.stop();
    m_listTimer.stop();
    m_catalogDebounce.stop();
    setState(State::Paused);
}

void TailReader::resume()
{
    if (state() != State::Paused)
        return;
    setState(State::Running);
    const qint64 t = now();
    for (const auto &s : m_lineage.shards()) {
        if (s->phase == Shard::Phase::Reading && !s->throttled)
            s->notBefore = std::min(s->notBefore, t);
    }
    m_listTimer.start(std::max(1000, m_options.listShardsIntervalMs));
    refreshShards();
    pump();
}

void TailReader::stop()
{
    if (state() == State::Stopped && m_lineage.empty())
        return;
    release(true);
    ++m_run;
    m_pumpTimer.stop();
    m_releaseTimer.stop();
    m_listTimer.stop();
    m_catalogDebounce.stop();
    for (const auto &connection : std::as_const(m_backendConnections))
        disconnect(connection);
    m_backendConnections.clear();
    m_lineage.reset(m_start);
    m_listing = false;
    if (!m_throttled.isEmpty()) {
        m_throttled.clear();
        emit throttledChanged(0);
    }
    if (state() != State::Failed)
        setState(State::Stopped);
}

int TailReader::activeShardCount() const
{
    const auto &shards = m_lineage.shards();
    return int(std::count_if(shards.begin(), shards.end(), [](const auto &s) {
        return s->phase != Shard::Phase::Finished;
    }));
}

int TailReader::finishedShardCount() const
{
    return int(m_lineage.shards().size()) - activeShardCount();
}

double TailReader::effectiveGetRecordsPerSecond() const
{
    if (m_options.getRecordsPerSecond > 0)
        return m_options.getRecordsPerSecond;
    return m_backend && m_backend->kind() == BackendKind::Aws
               ? double(KinesisLimits::kShardGetRecordsPerSecond)
               : 0.0;
}

TailReader::Shard *TailReader::follow(Shard *s)
{
    s->phase = s->parents.isEmpty() ? Shard::Phase::NeedIterator : Shard::Phase::Waiting;
    return s;
}

void TailReader::applyShardList(const QList<shardscope::Shard> &listed, bool initial)
{
    const QList<Shard *> added = m_lineage.apply(listed, initial);
    for (Shard *s : added)
        follow(s);
    if (!added.isEmpty() && !initial)
        emit shardsChanged();
}

void TailReader::startReadyChildren()
{
    const QList<Shard *> ready = m_lineage.ready(
        [](const Shard &s) { return s.phase == Shard::Phase::Waiting; },
        [](const Shard &parent) { return parent.phase == Shard::Phase::Finished; });
    for (Shard *s : ready) {
        s->phase = Shard::Phase::NeedIterator;
        s->notBefore = now();
    }
    if (!ready.isEmpty())
        emit shardsChanged();
}

void TailReader::refreshShards()
{
    if (state() != State::Running || m_listing || !m_backend)
        return;
    m_listing = true;
    const quint64 run = m_run;
    onResult(this, m_backend->listAllShards(StreamTarget::byName(m_streamName)),
             [this, run](const BackendResult<QList<shardscope::Shard>> &result) {
                 if (run != m_run)
                     return;
                 m_listing = false;
                 if (!result) {
                     if (result.error().type == ErrorType::ResourceNotFound)
                         fail(result.error());
                     else
                         emit warning(result.error().message);
                     return;
                 }
                 applyShardList(*result, false);
                 startReadyChildren();
                 pump();
             });
}

void TailReader::pump()
{
    if (state() != State::Running || !m_backend)
        return;
    const double rate = effectiveGetRecordsPerSecond();
    const qint64 interval = rate > 0 ? qint64(std::ceil(1000.0 / rate)) : 0;
    const qint64 t = now();
    qint64 nextDue = kNever;
    // Iterate over a copy: a call's answer is always queued, but be safe against changes.
    const auto shards = m_lineage.shards();
    for (const auto &s : shards) {
        if (s->inFlight)
            continue;
        if (s->phase == Shard::Phase::NeedIterator) {
            if (t >= s->notBefore)
                requestIterator(s);
            else
                nextDue = std::min(nextDue, s->notBefore);
        } else if (s->phase == Shard::Phase::Reading) {
            const qint64 due =
                std::max(s->notBefore, s->lastCallAt == kMinWatermark ? 0 : s->lastCallAt + interval);
            if (t >= due)
                fetch(s);
            else
                nextDue = std::min(nextDue, due);
        }
    }
    if (nextDue != kNever)
        m_pumpTimer.start(int(std::clamp<qint64>(nextDue - t, 0, 60000)));
    else
        m_pumpTimer.stop();
}

void TailReader::requestIterator(const std::shared_ptr<Shard> &s)
{
    GetShardIteratorRequest request;
    request.target = StreamTarget::byName(m_streamName);
    request.shardId = s->id;
    if (!s->lastSequence.isEmpty()) {
        request.shardIteratorType = ShardIteratorType::AfterSequenceNumber;
        request.startingSequenceNumber = s->lastSequence;
    } else {
        request.shardIteratorType = s->start.type;
        if (s->start.type == ShardIteratorType::AtSequenceNumber ||
            s->start.type == ShardIteratorType::AfterSequenceNumber)
            request.startingSequenceNumber = s->start.sequenceNumber;
        if (s->start.type == ShardIteratorType::AtTimestamp)
            request.timestamp = s->start.timestamp;
    }
    s->inFlight = true;
    const quint64 run = m_run;
    onResult(this, m_backend->getShardIterator(request),
             [this, run, s](const BackendResult<GetShardIteratorResponse> &result) {
                 if (run != m_run)
                     return;
                 s->inFlight = false;
                 if (!result) {
                     handleError(s, result.error(), true);
                 } else {
                     s->iterator = result->shardIterator;
                     s->phase = Shard::Phase::Reading;
                     s->notBefore = now();
                     emit shardsChanged();
                 }
                 pump();
             });
}

void TailReader::fetch(const std::shared_ptr<Shard> &s)
{
    GetRecordsRequest request;
    request.shardIterator = s->iterator;
    request.limit = std::clamp(m_options.limit, 1, KinesisLimits::kGetRecordsMaxRecords);
    s->inFlight = true;
    s->wakePending = false;
    s->lastCallAt = now();
    const quint64 run = m_run;
    onResult(this, m_backend->getRecords(request),
             [this, run, s](const BackendResult<GetRecordsResponse> &result) {
                 if (run != m_run)
                     return;
                 s->inFlight = false;
                 if (!result)
                     handleError(s, result.error(), false);
                 else
                     handleRecords(s, *result);
                 pump();
             });
}

void TailReader::handleRecords(const std::shared_ptr<Shard> &s, const GetRecordsResponse &response)
{
    setThrottled(*s, false);
    s->backoffMs = 0;
    s->iteratorRetries = 0;

    if (!response.records.isEmpty()) {
        QList<RecordEntry> incoming;
        incoming.reserve(response.records.size());
        for (const Record &record : response.records)
            incoming.append(recordEntry(record, s->id));
        s->lastSequence = incoming.back().sequenceNumber;
        s->watermark = std::max(s->watermark, incoming.back().arrivalMs);
        m_merge.add(std::move(incoming), s->order, now());
    }

    if (!response.nextShardIterator) {
        // The end of a closed shard: its children continue once all their parents are done.
        s->phase = Shard::Phase::Finished;
        s->iterator.clear();
        s->caughtUp = true;
        if (response.childShards) {
            for (const ChildShard &child : *response.childShards) {
                if (Shard *added = m_lineage.followChild(child))
                    follow(added);
            }
        }
        startReadyChildren();
        emit shardsChanged();
    } else {
        s->iterator = *response.nextShardIterator;
        const bool pageFull = response.records.size() >= std::clamp(m_options.limit, 1, KinesisLimits::kGetRecordsMaxRecords);
        s->caughtUp = response.millisBehindLatest == 0 && !pageFull;
        const int idle = m_options.idlePollMs >= 0
                             ? m_options.idlePollMs
                             : (m_backend && m_backend->kind() == BackendKind::Aws ? 500 : 1000);
        s->notBefore = (!s->caughtUp || s->wakePending) ? now() : now() + idle;
    }
    release();
}

void TailReader::handleError(const std::shared_ptr<Shard> &s, const Error &error, bool iteratorCall)
{
    const auto backOff = [&] {
        s->backoffMs = s->backoffMs == 0 ? m_options.initialBackoffMs
                                         : std::min(s->backoffMs * 2, m_options.maxBackoffMs);
        const int jitter = int(QRandomGenerator::global()->bounded(s->backoffMs / 4 + 1));
        s->notBefore = now() + s->backoffMs + jitter;
    };
    if (error.isThrottling()) {
        setThrottled(*s, true);
        backOff();
        return;
    }
    if (error.type == ErrorType::ResourceNotFound) {
        fail(error); // the stream (or the shard) was deleted
        return;
    }
    if (!iteratorCall && (error.type == ErrorType::ExpiredIterator ||
                          error.type == ErrorType::InvalidArgument)) {
        // Get a fresh iterator after the last record read (or at the start position).
        if (++s->iteratorRetries > kMaxIteratorRetries) {
            fail(error);
            return;
        }
        s->phase = Shard::Phase::NeedIterator;
        s->iterator.clear();
        s->caughtUp = false;
        s->notBefore = now();
        return;
    }
    if (error.isTransient()) {
        emit warning(tr("Reading %1 failed, retrying: %2").arg(s->id, error.message));
        backOff();
        return;
    }
    fail(error); // a start position the service rejects, access denied, a disabled key...
}

void TailReader::setThrottled(Shard &s, bool throttled)
{
    if (s.throttled == throttled)
        return;
    s.throttled = throttled;
    if (throttled)
        m_throttled.insert(s.id);
    else
        m_throttled.remove(s.id);
    emit throttledChanged(int(m_throttled.size()));
}

void TailReader::fail(const Error &error)
{
    if (state() == State::Stopped || state() == State::Failed)
        return;
    setState(State::Failed); // before stop(), which then keeps it
    stop();
    emit failed(error);
}

void TailReader::wake(const QString &streamName, const QString &shardId)
{
    if (streamName != m_streamName || !isActive())
        return;
    Shard *s = m_lineage.find(shardId);
    if (!s) {
        if (!m_lineage.knows(shardId) && state() == State::Running)
            m_catalogDebounce.start(); // a shard we have not seen yet
        return;
    }
    if (s->phase != Shard::Phase::Reading)
        return;
    if (s->inFlight) {
        s->wakePending = true; // ask again as soon as the answer is in
        return;
    }
    if (!s->throttled)
        s->notBefore = std::min(s->notBefore, now());
    if (state() == State::Running)
        pump();
}

void TailReader::release(bool all)
{
    if (m_merge.isEmpty())
        return;
    // The smallest (arrival, order) a reading shard may still deliver: its watermark, with its
    // own order (more records may share the watermark's millisecond).
    ArrivalMerge::Bound bound = ArrivalMerge::kOpen;
    for (const auto &s : m_lineage.shards()) {
        if ((s->phase == Shard::Phase::NeedIterator || s->phase == Shard::Phase::Reading) &&
            !s->caughtUp)
            bound = std::min(bound, ArrivalMerge::Bound{s->watermark, s->order});
    }
    releaseBelow(bound, now(), all);
}

} // namespace shardscope
