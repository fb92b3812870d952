#include "fanoutreader.h"

#include "backend/futureutils.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

namespace shardscope {

namespace {
constexpr qint64 kNever = std::numeric_limits<qint64>::max();
constexpr qint64 kMinWatermark = std::numeric_limits<qint64>::min();

} // namespace

struct FanOutReader::Shard : LineageShard
{
    enum class Phase { Waiting, NeedSubscription, Reading, Finished, Stopped };

    Phase phase = Phase::NeedSubscription;
    QString continuation; // the last event's ContinuationSequenceNumber
    bool ended = false;   // the last event of the closed shard came
    bool sawEvent = false; // in the current subscription
    QPointer<BackendSubscription> subscription;

    qint64 millisBehind = -1;
    qint64 watermark = kMinWatermark; // arrival of the last record read
    bool caughtUp = false;
    bool throttled = false;
    qint64 notBefore = 0;
    int backoffMs = 0;
    int transientErrors = 0;
    std::optional<Error> error; // what stopped it
};

FanOutReader::FanOutReader(QObject *parent) : RecordReader(parent)
{
    m_clock.start();
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &FanOutReader::pump);
    m_releaseTimer.setSingleShot(true);
    connect(&m_releaseTimer, &QTimer::timeout, this, [this] { release(); });
}

FanOutReader::~FanOutReader()
{
    stop();
}

std::expected<void, QString> FanOutReader::start(StreamBackend *backend, const QString &streamName,
                                                 const TailStart &start)
{
    stop();
    if (!backend)
        return std::unexpected(tr("There is no connection to read from."));
    if (m_consumerArn.isEmpty())
        return std::unexpected(tr("Choose a consumer to read through."));
    const auto position = checkedStart(start);
    if (!position)
        return std::unexpected(position.error());

    m_backend = backend;
    m_streamName = streamName;
    m_start = *position;
    m_lineage.reset(m_start);
    m_recordCount = 0;
    m_subscriptionCount = 0;
    m_merge.setMaxHoldMs(m_options.maxHoldMs);
    const quint64 run = ++m_run;
    m_clock.restart();
    setState(State::Running);
    m_backendGone = connect(backend, &QObject::destroyed, this, [this] {
        fail(Error{ErrorType::InternalFailure, tr("The connection was closed.")});
    });

    onResult(this, backend->listAllShards(StreamTarget::byName(streamName)),
             [this, run](const BackendResult<QList<shardscope::Shard>> &result) {
                 if (run != m_run)
                     return;
                 if (!result) {
                     fail(result.error());
                     return;
                 }
                 applyShardList(*result);
                 if (m_lineage.empty() && !m_start.shardId.isEmpty()) {
                     fail(Error{ErrorType::ResourceNotFound,
                                tr("Shard %1 does not exist in stream %2.")
                                    .arg(m_start.shardId, m_streamName)});
                     return;
                 }
                 startReadyChildren();
                 emit shardsChanged();
                 emit lagChanged();
                 pump();
             });
    return {};
}

void FanOutReader::pause()
{
    if (state() != State::Running)
        return;
    m_pumpTimer.stop();
    for (const auto &s : m_lineage.shards()) {
        if (s->phase == Shard::Phase::Reading) {
            dropSubscription(*s);
            s->phase = Shard::Phase::NeedSubscription; // from its continuation on resume
        }
    }
    setState(State::Paused);
}

void FanOutReader::resume()
{
    if (state() != State::Paused)
        return;
    setState(State::Running);
    pump();
}

void FanOutReader::stop()
{
    if (state() == State::Stopped && m_lineage.empty())
        return;
    release(true);
    ++m_run;
    m_pumpTimer.stop();
    m_releaseTimer.stop();
    disconnect(m_backendGone);
    for (const auto &s : m_lineage.shards())
        dropSubscription(*s);
    m_lineage.reset(m_start);
    m_merge.clear();
    if (!m_throttled.isEmpty()) {
        m_throttled.clear();
        emit throttledChanged(0);
    }
    if (state() != State::Failed)
        setState(State::Stopped);
    emit lagChanged();
}

int FanOutReader::activeShardCount() const
{
    return int(std::count_if(m_lineage.shards().begin(), m_lineage.shards().end(), [](const auto &s) {
        return s->phase != Shard::Phase::Finished && s->phase != Shard::Phase::Stopped;
    }));
}

int FanOutReader::finishedShardCount() const
{
    return int(std::count_if(m_lineage.shards().begin(), m_lineage.shards().end(),
                             [](const auto &s) { return s->phase == Shard::Phase::Finished; }));
}

QList<FanOutReader::ShardLag> FanOutReader::shardLags() const
{
    QList<ShardLag> lags;
    for (const auto &s : m_lineage.shards())
        lags.append(ShardLag{s->id, s->millisBehind, s->phase == Shard::Phase::Finished,
                             s->error ? s->error->message : QString()});
    std::stable_sort(lags.begin(), lags.end(), [this](const ShardLag &a, const ShardLag &b) {
        return m_lineage.find(a.shardId)->order < m_lineage.find(b.shardId)->order;
    });
    return lags;
}

FanOutReader::Shard *FanOutReader::follow(Shard *s)
{
    s->phase = s->parents.isEmpty() ? Shard::Phase::NeedSubscription : Shard::Phase::Waiting;
    return s;
}

void FanOutReader::applyShardList(const QList<shardscope::Shard> &listed)
{
    for (Shard *s : m_lineage.apply(listed, true))
        follow(s);
}

void FanOutReader::startReadyChildren()
{
    const QList<Shard *> ready = m_lineage.ready(
        [](const Shard &s) { return s.phase == Shard::Phase::Waiting; },
        [](const Shard &parent) { return parent.phase == Shard::Phase::Finished; });
    for (Shard *s : ready) {
        s->phase = Shard::Phase::NeedSubscription;
        s->notBefore = now();
    }
    if (!ready.isEmpty())
        emit shardsChanged();
}

void FanOutReader::pump()
{
    if (state() != State::Running || !m_backend)
        return;
    const qint64 t = now();
    qint64 nextDue = kNever;
    const auto shards = m_lineage.shards(); // subscribe() never changes the list, but be safe
    for (const auto &s : shards) {
        if (s->phase != Shard::Phase::NeedSubscription)
            continue;
        if (t >= s->notBefore)
            subscribe(s);
        else
            nextDue = std::min(nextDue, s->notBefore);
    }
    if (nextDue != kNever)
        m_pumpTimer.start(int(std::clamp<qint64>(nextDue - t, 0, 60000)));
    else
        m_pumpTimer.stop();
}

void FanOutReader::subscribe(const std::shared_ptr<Shard> &s)
{
    SubscribeToShardRequest request;
    request.consumerArn = m_consumerArn;
    request.shardId = s->id;
    if (!s->continuation.isEmpty()) {
        request.startingPosition.type = ShardIteratorType::AfterSequenceNumber;
        request.startingPosition.sequenceNumber = s->continuation;
    } else {
        request.startingPosition = s->start;
    }
    s->phase = Shard::Phase::Reading;
    s->sawEvent = false;
    ++m_subscriptionCount;
    BackendSubscription *subscription = m_backend->subscribeToShard(request, this);
    s->subscription = subscription;
    const quint64 run = m_run;
    const auto current = [this, run, s, subscription] {
        return run == m_run && s->subscription == subscription;
    };
    connect(subscription, &BackendSubscription::eventReceived, this,
            [this, s, current](const SubscribeToShardEvent &event) {
                if (current())
                    handleEvent(s, event);
            });
    connect(subscription, &BackendSubscription::failed, this, [this, s, current](const Error &error) {
        if (current())
            handleError(s, error);
    });
    connect(subscription, &BackendSubscription::finished, this, [this, s, current] {
        if (current())
            handleEnd(s);
    });
}

void FanOutReader::handleEvent(const std::shared_ptr<Shard> &s, const SubscribeToShardEvent &event)
{
    s->sawEvent = true;
    s->backoffMs = 0;
    s->transientErrors = 0;
    setThrottled(*s, false);
    if (!event.records.isEmpty()) {
        QList<RecordEntry> incoming;
        incoming.reserve(event.records.size());
        for (const Record &record : event.records)
            incoming.append(recordEntry(record, s->id));
        s->watermark = std::max(s->watermark, incoming.back().arrivalMs);
        m_merge.add(std::move(incoming), s->order, now());
    }
    const bool lagMoved = s->millisBehind != event.millisBehindLatest;
    s->millisBehind = event.millisBehindLatest;
    // An event carries everything available up to its MillisBehindLatest: at 0 the shard is at
    // the tip, and the merge need not wait for it.
    s->caughtUp = event.millisBehindLatest == 0;
    if (event.continuationSequenceNumber) {
        s->continuation = *event.continuationSequenceNumber;
    } else {
        // The end of a closed shard: its children continue once all their parents are done.
        s->ended = true;
        s->caughtUp = true;
        if (event.childShards) {
            for (const ChildShard &child : *event.childShards) {
                if (Shard *added = m_lineage.followChild(child))
                    follow(added);
            }
        }
    }
    if (lagMoved)
        emit lagChanged();
    release();
}

void FanOutReader::handleError(const std::shared_ptr<Shard> &s, const Error &error)
{
    dropSubscription(*s);
    s->phase = Shard::Phase::NeedSubscription;
    if (error.type == ErrorType::ResourceInUse) {
        s->notBefore = now() + m_options.resourceInUseRetryMs;
        emit warning(tr("%1 is still held by another subscription of this consumer; subscribing "
                        "again in %2 s (%3)")
                         .arg(s->id, QLocale().toString(m_options.resourceInUseRetryMs / 1000.0, 'f', 1),
                              error.message));
    } else if (error.isThrottling()) {
        setThrottled(*s, true);
        backOff(*s);
    } else if (error.isTransient() && ++s->transientErrors <= m_options.maxTransientRetries) {
        emit warning(tr("Reading %1 failed, retrying: %2").arg(s->id, error.message));
        backOff(*s);
    } else {
        // The consumer or the stream is gone, access is denied, the position is refused...:
        // retrying would fail the same way.
        setThrottled(*s, false);
        s->phase = Shard::Phase::Stopped;
        s->error = error;
        emit warning(tr("Stopped reading %1: %2").arg(s->id, error.message));
        emit shardsChanged();
        emit lagChanged();
        if (activeShardCount() == 0) {
            fail(error);
            return;
        }
    }
    pump();
}

void FanOutReader::handleEnd(const std::shared_ptr<Shard> &s)
{
    const bool sawEvent = s->sawEvent;
    dropSubscription(*s);
    if (s->ended) {
        s->phase = Shard::Phase::Finished;
        startReadyChildren();
        emit shardsChanged();
        emit lagChanged();
        release();
        failIfNothingLeft();
    } else {
        // The subscription's lifetime is over: go on after the last event.
        s->phase = Shard::Phase::NeedSubscription;
        s->notBefore = sawEvent ? now() : now() + m_options.emptySubscriptionRetryMs;
    }
    pump();
}

void FanOutReader::dropSubscription(Shard &s)
{
    if (!s.subscription)
        return;
    BackendSubscription *subscription = s.subscription;
    s.subscription = nullptr;
    subscription->cancel();
    subscription->disconnect(this);
    subscription->deleteLater(); // it may be emitting the signal we are handling
}

void FanOutReader::backOff(Shard &s)
{
    s.backoffMs = s.backoffMs == 0 ? m_options.initialBackoffMs
                                   : std::min(s.backoffMs * 2, m_options.maxBackoffMs);
    const int jitter = int(QRandomGenerator::global()->bounded(s.backoffMs / 4 + 1));
    s.notBefore = now() + s.backoffMs + jitter;
}

void FanOutReader::setThrottled(Shard &s, bool throttled)
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

void FanOutReader::failIfNothingLeft()
{
    if (activeShardCount() > 0)
        return;
    const auto stopped = std::find_if(m_lineage.shards().begin(), m_lineage.shards().end(), [](const auto &s) {
        return s->phase == Shard::Phase::Stopped;
    });
    if (stopped != m_lineage.shards().end())
        fail(*(*stopped)->error);
}

void FanOutReader::fail(const Error &error)
{
    if (state() == State::Stopped || state() == State::Failed)
        return;
    setState(State::Failed); // before stop(), which then keeps it
    stop();
    emit failed(error);
}

void FanOutReader::release(bool all)
{
    if (m_merge.isEmpty())
        return;
    // The smallest (arrival, order) a shard still reading may deliver: its watermark, with its
    // own order (more records may share the watermark's millisecond).
    ArrivalMerge::Bound bound = ArrivalMerge::kOpen;
    for (const auto &s : m_lineage.shards()) {
        if ((s->phase == Shard::Phase::NeedSubscription || s->phase == Shard::Phase::Reading) &&
            !s->caughtUp)
            bound = std::min(bound, ArrivalMerge::Bound{s->watermark, s->order});
    }
    releaseBelow(bound, now(), all);
}

} // namespace shardscope
