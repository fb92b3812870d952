// Housekeeping on the writer thread: streams and consumers whose CREATING, UPDATING or
// DELETING time is over settle, on-demand streams near their capacity scale out, deleted
// streams leave the catalog and then the disk, and records older than their stream's retention
// period are deleted.

#include "enginecore.h"
#include "enginelog.h"

#include <limits>

namespace shardscope {

namespace {

// Rows deleted per round at most, so that a round never holds the writer for long.
constexpr qint64 kHousekeepingRowBudget = 20000;

// The last failure logged by this writer thread's housekeeping, so that one that repeats every
// round is logged once (until a round gets through).
thread_local QString t_lastFailure;

// A round that fails stops there; what it wrote commits, and the next round (about a second
// later) starts over. Never silent: the user can see why disk space is not coming back.
bool stopped(const char *step, const Error &error)
{
    const QString failure = QString::fromLatin1(step) % u" - " % error.message;
    if (failure != t_lastFailure)
        qCWarning(lcEngine).noquote()
            << "Housekeeping stopped while" << failure << "(each round tries again)";
    t_lastFailure = failure;
    return false;
}

} // namespace

namespace Housekeeping {

bool run(EngineCore &core, SqliteDb &db)
{
    CatalogStore &catalog = core.catalog();
    RecordStore &records = core.records();
    const qint64 nowMs = core.now();
    qint64 budget = kHousekeepingRowBudget;

    // Settled copies are put back after each pass, not while the catalog is being walked, and
    // also when a pass stops half-way: what was written commits with the round.
    QList<StreamMetaPtr> settledStreams;
    auto putSettled = [&] {
        for (StreamMetaPtr &settled : settledStreams)
            catalog.put(std::move(settled));
        settledStreams.clear();
    };

    // Streams whose CREATING or UPDATING time is over settle as ACTIVE, so that watchers hear
    // of it through catalogChanged (readers already see the effective status).
    for (const StreamMetaPtr &stream : catalog.working().streams) {
        if ((stream->status == StreamStatus::Creating ||
             stream->status == StreamStatus::Updating) &&
            stream->effectiveStatus(nowMs) == StreamStatus::Active) {
            auto settled = std::make_shared<StreamMeta>(*stream);
            settled->status = StreamStatus::Active;
            settled->warmPreviousMiBps = 0; // only reported while UPDATING
            if (auto r = catalog.persistStream(db, *settled, false); !r) {
                putSettled();
                return stopped("settling a stream", r.error());
            }
            settledStreams.append(settled);
        }
    }
    putSettled();

    // On-demand streams whose write use stayed near their capacity scale out.
    if (auto r = core.onDemandScaler().run(core, db); !r)
        return stopped("scaling out an on-demand stream", r.error());

    // Consumers whose CREATING time is over settle as ACTIVE; deregistered ones whose DELETING
    // time is over leave (those of a deleted stream go with it, below).
    for (const StreamMetaPtr &stream : catalog.working().streams) {
        if (stream->isGone(nowMs))
            continue;
        bool changed = false;
        for (const ConsumerMeta &consumer : stream->consumers) {
            changed = changed || consumer.isGone(nowMs) ||
                      (consumer.status == ConsumerStatus::Creating &&
                       consumer.effectiveStatus(nowMs) == ConsumerStatus::Active);
        }
        if (!changed)
            continue;
        auto settled = std::make_shared<StreamMeta>(*stream);
        settledStreams.append(settled);
        for (auto c = settled->consumers.begin(); c != settled->consumers.end();) {
            if (c->isGone(nowMs)) {
                if (auto r = catalog.deleteConsumerRows(db, stream->id, c->name); !r) {
                    putSettled();
                    return stopped("removing a deregistered consumer", r.error());
                }
                c = settled->consumers.erase(c);
                continue;
            }
            if (c->status == ConsumerStatus::Creating &&
                c->effectiveStatus(nowMs) == ConsumerStatus::Active) {
                c->status = ConsumerStatus::Active;
                if (auto r = catalog.persistConsumer(db, stream->id, *c); !r) {
                    c->status = ConsumerStatus::Creating; // not stored
                    putSettled();
                    return stopped("settling a consumer", r.error());
                }
            }
            ++c;
        }
    }
    putSettled();

    // Streams whose deletion has completed leave the catalog, then the disk.
    QStringList gone;
    for (const StreamMetaPtr &stream : catalog.working().streams) {
        if (stream->isGone(nowMs))
            gone.append(stream->name);
    }
    for (const QString &name : std::as_const(gone))
        catalog.remove(name);
    while (!catalog.pendingPurges().isEmpty() && budget > 0) {
        const qint64 id = catalog.pendingPurges().front();
        const auto shards = catalog.storedShards(db, id);
        if (!shards)
            return stopped("purging a deleted stream", shards.error());
        bool done = true;
        for (quint32 index : *shards) {
            const auto deleted =
                records.trim(db, id, index, std::numeric_limits<qint64>::max(), budget);
            if (!deleted)
                return stopped("purging a deleted stream's records", deleted.error());
            budget -= *deleted;
            if (budget <= 0) {
                done = false;
                break;
            }
        }
        if (!done)
            break;
        if (auto r = records.deleteDataKeys(db, id); !r)
            return stopped("purging a deleted stream's data keys", r.error());
        if (auto r = catalog.deleteStreamRows(db, id); !r)
            return stopped("purging a deleted stream", r.error());
        catalog.purged(id);
        qCDebug(lcEngine) << "Purged deleted stream" << id;
    }

    // Retention: records older than the trim horizon are deleted from disk.
    for (const StreamMetaPtr &stream : catalog.working().streams) {
        if (budget <= 0)
            break;
        const qint64 below = SequenceNumber::counterAt(nowMs - stream->retentionMs());
        for (const ShardMeta &shard : stream->shards) {
            if (budget <= 0)
                break;
            const auto deleted = records.trim(db, stream->id, shard.index, below, budget);
            if (!deleted)
                return stopped("deleting expired records", deleted.error());
            if (*deleted > 0)
                qCDebug(lcEngine).noquote() << "Deleted" << *deleted << "expired records of"
                                            << stream->name << "shard" << shard.index;
            budget -= *deleted;
        }
    }
    if (!t_lastFailure.isEmpty()) {
        qCInfo(lcEngine) << "Housekeeping got through again.";
        t_lastFailure.clear();
    }
    return budget <= 0 || !catalog.pendingPurges().isEmpty();
}

} // namespace Housekeeping
} // namespace shardscope
