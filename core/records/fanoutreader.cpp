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

bool isThrottling(ErrorType type)
{
    return type == ErrorType::ProvisionedThroughputExceeded || type == ErrorType::LimitExceeded ||
           type == ErrorType::KmsThrottling;
}

bool isTransient(ErrorType type)
{
    return type == ErrorType::InternalFailure || type == ErrorType::Serialization;
}
} // namespace

struct FanOutReader::Shard
{
    enum class Phase { Waiting, NeedSubscription, Reading, Finished, Stopped };

    QString id;
    qint64 order = 0;
    QStringList parents; // the parents this read follows; the shard waits for them
    Phase phase = Phase::NeedSubscription;
    StartingPosition start;
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
                 if (m_shards.empty() && !m_start.shardId.isEmpty()) {
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
    for (const auto &s : m_shards) {
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
    if (state() == State::Stopped && m_shards.empty())
        return;
    release(true);
    ++m_run;
    m_pumpTimer.stop();
    m_releaseTimer.stop();
    disconnect(m_backendGone);
    for (const auto &s : m_shards)
        dropSubscription(*s);
    m_shards.clear();
    m_known.clear();
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
    return int(std::count_if(m_shards.begin(), m_shards.end(), [](const auto &s) {
        return s->phase != Shard::Phase::Finished && s->phase != Shard::Phase::Stopped;
    }));
}

int FanOutReader::finishedShardCount() const
{
    return int(std::count_if(m_shards.begin(), m_shards.end(),
                             [](const auto &s) { return s->phase == Shard::Phase::Finished; }));
}

QList<FanOutReader::ShardLag> FanOutReader::shardLags() const
{
    QList<ShardLag> lags;
    for (const auto &s : m_shards)
        lags.append(ShardLag{s->id, s->millisBehind, s->phase == Shard::Phase::Finished,
                             s->error ? s->error->message : QString()});
    std::stable_sort(lags.begin(), lags.end(), [this](const ShardLag &a, const ShardLag &b) {
        return shard(a.shardId)->order < shard(b.shardId)->order;
    });
    return lags;
}

FanOutReader::Shard *FanOutReader::shard(const QString &shardId) const
{
    const auto found = std::find_if(m_shards.begin(), m_shards.end(),
                                    [&](const auto &s) { return s->id == shardId; });
    return found == m_shards.end() ? nullptr : found->get();
}

FanOutReader::Shard *FanOutReader::addShard(const QString &shardId, const QStringList &parents)
{
    m_known.insert(shardId);
    auto s = std::make_shared<Shard>();
    s->id = shardId;
    const auto number = shardNumber(shardId);
    s->order = number ? qint64(*number) : (qint64(1) << 32) + qint64(m_shards.size());
    for (const QString &parent : parents) {
        if (shard(parent))
            s->parents.append(parent);
    }
    // A shard reached through its parents starts at their end; with AT_TIMESTAMP, a child
    // created before the timestamp must not be read from its beginning.
    if (m_start.type == ShardIteratorType::AtTimestamp) {
        s->start.type = ShardIteratorType::AtTimestamp;
        s->start.timestamp = m_start.timestampMs;
    } else {
        s->start.type = ShardIteratorType::TrimHorizon;
    }
    s->phase = s->parents.isEmpty() ? Shard::Phase::NeedSubscription : Shard::Phase::Waiting;
    m_shards.push_back(std::move(s));
    return m_shards.back().get();
}

void FanOutReader::applyShardList(const QList<shardscope::Shard> &listed)
{
    QList<shardscope::Shard> shards = listed;
    // Parents before children: shard ids grow with every reshard.
    std::stable_sort(shards.begin(), shards.end(), [](const auto &a, const auto &b) {
        const auto x = shardNumber(a.shardId);
        const auto y = shardNumber(b.shardId);
        if (x && y)
            return *x < *y;
        return a.shardId < b.shardId;
    });
    for (const shardscope::Shard &listedShard : std::as_const(shards)) {
        const QString &id = listedShard.shardId;
        if (m_known.contains(id))
            continue;
        QStringList parents;
        if (listedShard.parentShardId)
            parents.append(*listedShard.parentShardId);
        if (listedShard.adjacentParentShardId)
            parents.append(*listedShard.adjacentParentShardId);
        const bool hasTrackedParent =
            std::any_of(parents.begin(), parents.end(), [this](const QString &p) { return shard(p); });
        if (hasTrackedParent) {
            addShard(id, parents);
            continue;
        }
        if (!m_start.shardId.isEmpty() && id != m_start.shardId) {
            m_known.insert(id); // one shard: it and its descendants only
            continue;
        }
        if (m_start.shardId.isEmpty() && m_start.type == ShardIteratorType::Latest &&
            listedShard.endingSequenceNumber) {
            m_known.insert(id); // closed: nothing comes after LATEST
            continue;
        }
        Shard *s = addShard(id, {});
        s->start.type = m_start.type;
        if (m_start.type == ShardIteratorType::AtSequenceNumber ||
            m_start.type == ShardIteratorType::AfterSequenceNumber)
            s->start.sequenceNumber = m_start.sequenceNumber;
        if (m_start.type == ShardIteratorType::AtTimestamp)
            s->start.timestamp = m_start.timestampMs;
    }
}

void FanOutReader::startReadyChildren()
{
    bool changed = false;
    for (const auto &s : m_shards) {
        if (s->phase != Shard::Phase::Waiting)
            continue;
        const bool ready = std::all_of(s->parents.begin(), s->parents.end(), [this](const QString &p) {
            const Shard *parent = shard(p);
            return !parent || parent->phase == Shard::Phase::Finished;
        });
        if (ready) {
            s->phase = Shard::Phase::NeedSubscription;
            s->notBefore = now();
            changed = true;
        }
    }
    if (changed)
        emit shardsChanged();
}

void FanOutReader::pump()
{
    if (state() != State::Running || !m_backend)
        return;
    const qint64 t = now();
    qint64 nextDue = kNever;
    const auto shards = m_shards; // subscribe() never changes the list, but be safe
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
                if (!m_known.contains(child.shardId))
                    addShard(child.shardId, child.parentShards);
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
    } else if (isThrottling(error.type)) {
        setThrottled(*s, true);
        backOff(*s);
    } else if (isTransient(error.type) && ++s->transientErrors <= m_options.maxTransientRetries) {
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
    const auto stopped = std::find_if(m_shards.begin(), m_shards.end(), [](const auto &s) {
        return s->phase == Shard::Phase::Stopped;
    });
    if (stopped != m_shards.end())
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
    for (const auto &s : m_shards) {
        if ((s->phase == Shard::Phase::NeedSubscription || s->phase == Shard::Phase::Reading) &&
            !s->caughtUp)
            bound = std::min(bound, ArrivalMerge::Bound{s->watermark, s->order});
    }
    releaseBelow(bound, now(), all);
}

} // namespace shardscope
