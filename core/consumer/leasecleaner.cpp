#include "leasecleaner.h"

#include "backend/futureutils.h"
#include "backend/roundpromise.h"
#include "kinesis/clock.h"
#include "kinesis/clockorsystem.h"

#include <QPromise>
#include <QSet>

namespace shardscope {

// One clean-up pass in flight.
struct LeaseCleaner::Pass : RoundPromise
{
    quint64 generation = 0;
    bool completedDue = false;
    bool garbageDue = false;
    QStringList keys; // the queue as the pass began
    qsizetype next = 0;
    // The stream's shards, empty when they could not be listed (then nothing counts as gone).
    std::optional<QSet<QString>> listed;
    QHash<QString, QStringList> children; // shard id -> its children, from the listing
    bool deletedCompleted = false;
    bool deletedGarbage = false;
};

namespace {

// The lease key of another shard of the same stream (multi-stream keys carry the stream).
QString leaseKeyFor(const Lease &lease, const QString &shardId)
{
    const LeaseKeyParts parts = parseLeaseKey(lease.leaseKey);
    if (!parts.multiStream)
        return shardId;
    return QStringLiteral("%1:%2:%3:%4").arg(parts.accountId, parts.streamName).arg(parts.creationEpoch).arg(shardId);
}

// A child whose consumer has not checkpointed yet still starts at TRIM_HORIZON or AT_TIMESTAMP.
bool hasStarted(const Lease &child)
{
    return !child.checkpoint.isEmpty() && child.checkpoint != CheckpointSentinel::TrimHorizon
        && child.checkpoint != CheckpointSentinel::AtTimestamp;
}

} // namespace

LeaseCleaner::LeaseCleaner(StreamBackend *backend, LeaseTable *table, const QString &streamName,
                           const LeaseCleanerOptions &options, const Clock *clock, QObject *parent)
    : QObject(parent), m_backend(backend), m_table(table), m_streamName(streamName), m_options(options),
      m_clock(&clockOrSystem(clock))
{
    m_timer.setInterval(int(m_options.cleanupIntervalMs));
    connect(&m_timer, &QTimer::timeout, this, [this] { runCleanup(); });
}

LeaseCleaner::~LeaseCleaner()
{
    stop();
}

qint64 LeaseCleaner::now() const
{
    return m_clock->nowMs();
}

void LeaseCleaner::start(bool timers)
{
    m_completedSinceMs = now();
    m_garbageSinceMs = m_completedSinceMs;
    if (timers)
        m_timer.start();
}

void LeaseCleaner::stop()
{
    ++m_generation;
    m_timer.stop();
    m_queue.clear();
    if (m_pass) {
        m_pass->finish();
        m_pass.reset();
    }
}

void LeaseCleaner::enqueue(const QString &leaseKey)
{
    if (!m_queue.contains(leaseKey))
        m_queue.append(leaseKey);
}

void LeaseCleaner::setError(const QString &message)
{
    m_lastError = message;
    emit errorOccurred(message);
}

QFuture<void> LeaseCleaner::runCleanup()
{
    if (m_pass)
        return m_pass->promise.future();
    auto pass = std::make_shared<Pass>();
    const QFuture<void> future = pass->promise.future();
    const qint64 t = now();
    pass->generation = m_generation;
    pass->completedDue =
        m_options.cleanupLeasesUponShardCompletion && t - m_completedSinceMs >= m_options.completedCheckIntervalMs;
    pass->garbageDue = t - m_garbageSinceMs >= m_options.garbageCheckIntervalMs;
    if (m_queue.isEmpty() || (!pass->completedDue && !pass->garbageDue)) {
        pass->finish();
        return future;
    }
    pass->keys = m_queue;
    m_pass = pass;
    listShards(pass);
    return future;
}

void LeaseCleaner::listShards(std::shared_ptr<Pass> pass)
{
    onResult(this, m_backend->listAllShards(StreamTarget::byName(m_streamName)),
             [this, pass](const BackendResult<QList<Shard>> &shards) {
                 if (pass->generation != m_generation) {
                     finishPass(pass);
                     return;
                 }
                 if (!shards) {
                     setError(tr("The shards of %1 could not be listed, so no lease is deleted as "
                                 "garbage: %2")
                                  .arg(m_streamName, shards.error().message));
                 } else {
                     QSet<QString> listed;
                     for (const Shard &shard : *shards) {
                         listed.insert(shard.shardId);
                         for (const auto &parent : {shard.parentShardId, shard.adjacentParentShardId}) {
                             if (parent && !parent->isEmpty())
                                 pass->children[*parent].append(shard.shardId);
                         }
                     }
                     pass->listed = std::move(listed);
                 }
                 cleanNext(pass);
             });
}

QStringList LeaseCleaner::childrenOf(const Pass &pass, const Lease &lease) const
{
    if (!lease.childShardIds.isEmpty())
        return lease.childShardIds;
    return pass.children.value(lease.shardId());
}

void LeaseCleaner::cleanNext(std::shared_ptr<Pass> pass)
{
    if (pass->generation != m_generation || pass->next >= pass->keys.size()) {
        finishPass(pass);
        return;
    }
    const QString key = pass->keys.at(pass->next++);
    onResult(this, m_table->getLease(key), [this, pass, key](const BackendResult<std::optional<Lease>> &result) {
        if (pass->generation != m_generation) {
            finishPass(pass);
            return;
        }
        if (!result) {
            setError(tr("The lease %1 could not be read for clean-up: %2").arg(key, result.error().message));
            cleanNext(pass);
            return;
        }
        if (!*result) { // deleted meanwhile
            m_queue.removeAll(key);
            cleanNext(pass);
            return;
        }
        const Lease lease = **result;
        const bool namesChildren = !childrenOf(*pass, lease).isEmpty();
        if (pass->garbageDue || (pass->completedDue && !namesChildren))
            checkGone(pass, lease, pass->completedDue && namesChildren);
        else
            checkCompleted(pass, lease);
    });
}

void LeaseCleaner::checkGone(std::shared_ptr<Pass> pass, const Lease &lease, bool thenCompleted)
{
    const auto notGone = [this, pass, lease, thenCompleted] {
        if (thenCompleted)
            checkCompleted(pass, lease);
        else
            cleanNext(pass);
    };
    const QString shardId = lease.shardId();
    if (!pass->listed || pass->listed->contains(shardId)) {
        notGone();
        return;
    }
    // Not listed: past retention, or too new to be listed yet. Only the shard itself can say.
    GetShardIteratorRequest request;
    request.target = StreamTarget::byName(m_streamName);
    request.shardId = shardId;
    request.shardIteratorType = ShardIteratorType::TrimHorizon;
    onResult(this, m_backend->getShardIterator(request),
             [this, pass, lease, notGone](const BackendResult<GetShardIteratorResponse> &iterator) {
                 if (pass->generation != m_generation) {
                     finishPass(pass);
                     return;
                 }
                 if (!iterator && iterator.error().type == ErrorType::ResourceNotFound)
                     remove(pass, lease, Reason::Garbage);
                 else
                     notGone();
             });
}

void LeaseCleaner::checkCompleted(std::shared_ptr<Pass> pass, const Lease &lease)
{
    const QStringList children = childrenOf(*pass, lease);
    if (!pass->completedDue || !lease.reachedShardEnd() || children.isEmpty()) {
        cleanNext(pass);
        return;
    }
    // Every child leased and started, every parent's lease gone.
    auto remaining = std::make_shared<qsizetype>(children.size() + lease.parentShardIds.size());
    auto ready = std::make_shared<bool>(true);
    const auto answered = [this, pass, lease, remaining, ready] {
        if (--*remaining > 0)
            return;
        if (pass->generation != m_generation)
            finishPass(pass);
        else if (*ready)
            remove(pass, lease, Reason::Completed);
        else
            cleanNext(pass);
    };
    const auto read = [this, ready, answered](const QString &key, bool isChild) {
        onResult(this, m_table->getLease(key),
                 [this, ready, answered, key, isChild](const BackendResult<std::optional<Lease>> &result) {
                     if (!result) {
                         setError(tr("The lease %1 could not be read for clean-up: %2")
                                      .arg(key, result.error().message));
                         *ready = false;
                     } else if (isChild) {
                         *ready = *ready && *result && hasStarted(**result);
                     } else {
                         *ready = *ready && !*result;
                     }
                     answered();
                 });
    };
    for (const QString &child : children)
        read(leaseKeyFor(lease, child), true);
    for (const QString &parent : lease.parentShardIds)
        read(leaseKeyFor(lease, parent), false);
}

void LeaseCleaner::remove(std::shared_ptr<Pass> pass, const Lease &lease, Reason reason)
{
    onResult(this, m_table->deleteLease(lease), [this, pass, lease, reason](const BackendResult<bool> &deleted) {
        if (pass->generation != m_generation) {
            finishPass(pass);
            return;
        }
        if (!deleted) {
            setError(tr("The lease %1 could not be deleted: %2").arg(lease.leaseKey, deleted.error().message));
        } else if (*deleted) {
            m_queue.removeAll(lease.leaseKey);
            if (reason == Reason::Completed) {
                ++m_completedDeleted;
                pass->deletedCompleted = true;
            } else {
                ++m_garbageDeleted;
                pass->deletedGarbage = true;
            }
            emit leaseDeleted(lease.leaseKey, reason);
        }
        // Not deleted: renewed since it was read; the next pass tries again.
        cleanNext(pass);
    });
}

void LeaseCleaner::finishPass(std::shared_ptr<Pass> pass)
{
    if (pass->generation == m_generation) {
        // As KCL: an interval starts again only after a pass that deleted a lease of its kind.
        if (pass->deletedCompleted)
            m_completedSinceMs = now();
        if (pass->deletedGarbage)
            m_garbageSinceMs = now();
    }
    if (m_pass == pass)
        m_pass.reset();
    pass->finish();
}

} // namespace shardscope
