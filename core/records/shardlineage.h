#pragma once

#include "kinesis/api.h"
#include "records/recordreader.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <memory>
#include <vector>

namespace shardscope {

// What every live reader keeps per shard for the lineage; a reader's own shard state derives
// from it.
struct LineageShard
{
    QString id;
    qint64 order = 0;     // merge order: the shard number, so parents come before children
    QStringList parents;  // the followed parents; the shard waits until they all finished
    StartingPosition start;
};

// The order of a shard id in merges: its number (ids grow with every reshard), else after every
// numbered shard in the order seen.
qint64 lineageOrder(const QString &shardId, qsizetype seen);
// A listing sorted parents first (shard ids grow with every reshard).
QList<Shard> parentsFirst(QList<Shard> listed);

// Which shards of a stream a live read follows, from where, and when a child may start: the
// bookkeeping TailReader and FanOutReader share. A read starting at one shard follows only it and
// its descendants; at LATEST, closed shards are skipped (nothing comes after LATEST); shards
// reached through a followed parent start at the parent's end (TRIM_HORIZON of the child, or the
// read's timestamp with AT_TIMESTAMP) and wait until every followed parent finished.
//
// `S` derives from LineageShard. Threads: the reader's.
template<typename S>
class ShardLineage
{
public:
    using ShardPtr = std::shared_ptr<S>;

    void reset(const TailStart &start)
    {
        m_start = start;
        m_shards.clear();
        m_known.clear();
    }
    const TailStart &readStart() const { return m_start; }
    const std::vector<ShardPtr> &shards() const { return m_shards; }
    bool empty() const { return m_shards.empty(); }
    // Whether the id was seen, followed or deliberately skipped.
    bool knows(const QString &shardId) const { return m_known.contains(shardId); }

    S *find(const QString &shardId) const
    {
        const auto found = std::find_if(m_shards.begin(), m_shards.end(),
                                        [&](const auto &s) { return s->id == shardId; });
        return found == m_shards.end() ? nullptr : found->get();
    }

    // Follows a shard reached through `parents` (those not followed are ignored): it starts at
    // its beginning, or at the read's timestamp with AT_TIMESTAMP. Empty `parents`: a first shard,
    // at the read's own start.
    S *follow(const QString &shardId, const QStringList &parents)
    {
        m_known.insert(shardId);
        auto s = std::make_shared<S>();
        s->id = shardId;
        s->order = lineageOrder(shardId, qsizetype(m_shards.size()));
        for (const QString &parent : parents) {
            if (find(parent))
                s->parents.append(parent);
        }
        if (m_start.type == ShardIteratorType::AtTimestamp) {
            s->start.type = ShardIteratorType::AtTimestamp;
            s->start.timestamp = m_start.timestampMs;
        } else {
            s->start.type = ShardIteratorType::TrimHorizon;
        }
        m_shards.push_back(std::move(s));
        return m_shards.back().get();
    }

    // Follows a child announced by the end of its parent, unless known already.
    S *followChild(const ChildShard &child)
    {
        return knows(child.shardId) ? nullptr : follow(child.shardId, child.parentShards);
    }

    // Applies a listing of the stream's shards; the shards followed from now on. With `initial`
    // (the first listing of a read), shards without a followed parent start at the read's start;
    // in later listings they are followed from their beginning unless the read is of one shard.
    QList<S *> apply(const QList<Shard> &listed, bool initial)
    {
        QList<S *> added;
        for (const Shard &listedShard : parentsFirst(listed)) {
            const QString &id = listedShard.shardId;
            if (knows(id))
                continue;
            QStringList parents;
            if (listedShard.parentShardId)
                parents.append(*listedShard.parentShardId);
            if (listedShard.adjacentParentShardId)
                parents.append(*listedShard.adjacentParentShardId);
            const bool hasFollowedParent = std::any_of(parents.begin(), parents.end(),
                                                       [this](const QString &p) { return find(p); });
            if (hasFollowedParent) {
                added.append(follow(id, parents));
                continue;
            }
            if (!m_start.shardId.isEmpty() && id != m_start.shardId) {
                m_known.insert(id); // one shard: it and its descendants only
                continue;
            }
            if (!initial && !m_start.shardId.isEmpty()) {
                m_known.insert(id);
                continue;
            }
            if (!initial) {
                added.append(follow(id, parents));
                continue;
            }
            if (m_start.shardId.isEmpty() && m_start.type == ShardIteratorType::Latest &&
                listedShard.endingSequenceNumber) {
                m_known.insert(id); // closed: nothing comes after LATEST
                continue;
            }
            S *s = follow(id, {});
            s->start.type = m_start.type;
            if (m_start.type == ShardIteratorType::AtSequenceNumber ||
                m_start.type == ShardIteratorType::AfterSequenceNumber)
                s->start.sequenceNumber = m_start.sequenceNumber;
            if (m_start.type == ShardIteratorType::AtTimestamp)
                s->start.timestamp = m_start.timestampMs;
            added.append(s);
        }
        return added;
    }

    // The shards for which `isWaiting` holds and whose followed parents all satisfy `isFinished`.
    template<typename Waiting, typename Finished>
    QList<S *> ready(Waiting isWaiting, Finished isFinished) const
    {
        QList<S *> result;
        for (const auto &s : m_shards) {
            if (!isWaiting(*s))
                continue;
            const bool parentsDone = std::all_of(s->parents.begin(), s->parents.end(),
                                                 [&](const QString &p) {
                                                     const S *parent = find(p);
                                                     return !parent || isFinished(*parent);
                                                 });
            if (parentsDone)
                result.append(s.get());
        }
        return result;
    }

private:
    TailStart m_start;
    std::vector<ShardPtr> m_shards;
    QSet<QString> m_known;
};

} // namespace shardscope
