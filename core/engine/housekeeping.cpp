// Housekeeping on the writer thread: streams and consumers whose CREATING, UPDATING or
// DELETING time is over settle, deleted streams leave the catalog and then the disk, and
// records older than their stream's retention period are deleted.

#include "enginecore.h"

#include <limits>

namespace shardscope {

namespace {

// Rows deleted per round at most, so that a round never holds the writer for long.
constexpr qint64 kHousekeepingRowBudget = 20000;

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
        if ((stream->status == StreamStatus::Creating || stream->status == StreamStatus::Updating) &&
            stream->effectiveStatus(nowMs) == StreamStatus::Active) {
            auto settled = std::make_shared<StreamMeta>(*stream);
            settled->status = StreamStatus::Active;
            if (!catalog.persistStream(db, *settled, false)) {
                putSettled();
                return false;
            }
            settledStreams.append(settled);
        }
    }
    putSettled();

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
                if (!catalog.deleteConsumerRows(db, stream->id, c->name)) {
                    putSettled();
                    return false;
                }
                c = settled->consumers.erase(c);
                continue;
            }
            if (c->status == ConsumerStatus::Creating &&
                c->effectiveStatus(nowMs) == ConsumerStatus::Active) {
                c->status = ConsumerStatus::Active;
                if (!catalog.persistConsumer(db, stream->id, *c)) {
                    c->status = ConsumerStatus::Creating; // not stored
                    putSettled();
                    return false;
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
            return false;
        bool done = true;
        for (quint32 index : *shards) {
            const auto deleted =
                records.trim(db, id, index, std::numeric_limits<qint64>::max(), budget);
            if (!deleted)
                return false;
            budget -= *deleted;
            if (budget <= 0) {
                done = false;
                break;
            }
        }
        if (!done)
            break;
        if (!records.deleteDataKeys(db, id) || !catalog.deleteStreamRows(db, id))
            return false;
        catalog.purged(id);
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
                return false;
            budget -= *deleted;
        }
    }
    return budget <= 0 || !catalog.pendingPurges().isEmpty();
}

} // namespace Housekeeping
} // namespace shardscope
