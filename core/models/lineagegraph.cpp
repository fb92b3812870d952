#include "lineagegraph.h"

#include "kinesis/api.h"
#include "kinesis/sequencenumber.h"
#include "models/modelroles.h"

#include <QAbstractItemModel>

#include <algorithm>

namespace shardscope {

namespace {

// The arrival time our own sequence numbers carry; nothing for other layouts.
std::optional<qint64> timeOf(const QString &sequenceNumber)
{
    if (sequenceNumber.isEmpty())
        return std::nullopt;
    const auto parsed = SequenceNumber::parse(sequenceNumber);
    if (!parsed)
        return std::nullopt;
    return parsed->arrivalMs();
}

std::optional<qint64> optionalCount(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

} // namespace

LineageGraph LineageGraph::fromModel(const QAbstractItemModel *model, const Stream &stream)
{
    QList<LineageNode> shards;
    if (!model)
        return build(shards, stream);
    const int rows = model->rowCount();
    shards.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = model->index(row, 0);
        LineageNode shard;
        shard.row = row;
        shard.shardId = index.data(ModelRole::ShardIdRole).toString();
        for (int role : {int(ModelRole::ParentShardIdRole), int(ModelRole::AdjacentParentShardIdRole)}) {
            const QString parent = index.data(role).toString();
            if (!parent.isEmpty())
                shard.parents.append(parent);
        }
        const auto start = HashKey::fromDecimal(index.data(ModelRole::HashRangeStartRole).toString());
        const auto end = HashKey::fromDecimal(index.data(ModelRole::HashRangeEndRole).toString());
        if (start && end)
            shard.range = HashKeyRange{*start, *end};
        shard.startingSequenceNumber = index.data(ModelRole::StartingSequenceNumberRole).toString();
        shard.endingSequenceNumber = index.data(ModelRole::EndingSequenceNumberRole).toString();
        shard.open = ShardState(index.data(ModelRole::ShardStateRole).toInt()) == ShardState::Open;
        shard.records = optionalCount(index.data(ModelRole::RecordCountRole));
        shard.bytes = optionalCount(index.data(ModelRole::BytesRole));
        shards.append(std::move(shard));
    }
    return build(std::move(shards), stream);
}

LineageGraph LineageGraph::build(QList<LineageNode> shards, const Stream &stream)
{
    LineageGraph lineage;
    lineage.m_stream = stream;
    for (LineageNode &shard : shards) {
        shard.listed = true;
        shard.children.clear();
        shard.createdMs = timeOf(shard.startingSequenceNumber);
        shard.closedMs = shard.open ? std::nullopt : timeOf(shard.endingSequenceNumber);
        shard.sortKey = shard.range ? shard.range->start : HashKey{};
    }
    lineage.m_hasTimes = !shards.isEmpty() && std::ranges::all_of(shards, [](const LineageNode &s) {
        return s.createdMs && (s.open || s.closedMs);
    });
    if (!lineage.m_hasTimes) {
        for (LineageNode &shard : shards) {
            shard.createdMs.reset();
            shard.closedMs.reset();
        }
    }

    QHash<QString, int> indexOf;
    for (int i = 0; i < shards.size(); ++i)
        indexOf.insert(shards.at(i).shardId, i);
    // Parents no listed shard stands for: expired, as Kinesis stops listing them then. They
    // closed when their children were created; where they began is not known.
    const qsizetype listedCount = shards.size();
    for (qsizetype i = 0; i < listedCount; ++i) {
        const QStringList parents = shards.at(i).parents;
        for (const QString &parent : parents) {
            int p = indexOf.value(parent, -1);
            if (p < 0) {
                LineageNode ghost;
                ghost.shardId = parent;
                ghost.open = false;
                ghost.listed = false;
                ghost.pastRetention = true;
                ghost.closedMs = shards.at(i).createdMs;
                ghost.sortKey = shards.at(i).sortKey;
                p = int(shards.size());
                indexOf.insert(parent, p);
                shards.append(std::move(ghost));
            }
            LineageNode &known = shards[p];
            if (!known.listed)
                known.sortKey = std::min(known.sortKey, shards.at(i).sortKey);
            known.children.append(shards.at(i).shardId);
        }
    }

    // Generations: parents come before children in any valid history, so iterate to a fixpoint
    // in id order (ids grow with creation) rather than recursing.
    std::vector<int> order(shards.size());
    for (int i = 0; i < int(order.size()); ++i)
        order[i] = i;
    std::ranges::sort(order, [&shards](int a, int b) {
        const QString &x = shards.at(a).shardId;
        const QString &y = shards.at(b).shardId;
        return x.size() != y.size() ? x.size() < y.size() : x < y;
    });
    // A cycle (a broken listing) would never settle: at most as many rounds as shards.
    for (qsizetype round = 0; round <= shards.size(); ++round) {
        bool changed = false;
        for (int i : order) {
            int generation = 0;
            for (const QString &parent : std::as_const(shards.at(i).parents)) {
                const int p = indexOf.value(parent, -1);
                if (p >= 0)
                    generation = std::max(generation, shards.at(p).generation + 1);
            }
            if (generation != shards.at(i).generation) {
                shards[i].generation = generation;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    lineage.m_maxGeneration = 0;
    for (LineageNode &shard : shards) {
        lineage.m_maxGeneration = std::max(lineage.m_maxGeneration, shard.generation);
        std::ranges::sort(shard.children, [&](const QString &a, const QString &b) {
            return shards.at(indexOf.value(a)).sortKey < shards.at(indexOf.value(b)).sortKey;
        });
    }

    lineage.m_shards = std::move(shards);
    lineage.m_indexOf = std::move(indexOf);
    lineage.advanceTo(stream.nowMs);
    for (int i = 0; i < lineage.m_shards.size(); ++i) {
        if (lineage.m_shards.at(i).row >= 0)
            lineage.m_indexOfRow.insert(lineage.m_shards.at(i).row, i);
    }
    return lineage;
}

void LineageGraph::setCounts(int index, std::optional<qint64> records, std::optional<qint64> bytes)
{
    LineageNode &shard = m_shards[index];
    // Whatever a count taken earlier said, nothing is readable past retention.
    shard.records = records && shard.pastRetention ? std::optional<qint64>(0) : records;
    shard.bytes = bytes && shard.pastRetention ? std::optional<qint64>(0) : bytes;
}

void LineageGraph::advanceTo(qint64 nowMs)
{
    m_stream.nowMs = nowMs;
    if (!m_stream.retentionHours)
        return;
    const qint64 horizon = nowMs - qint64(*m_stream.retentionHours) * 3600 * 1000;
    for (int i = 0; i < m_shards.size(); ++i) {
        LineageNode &shard = m_shards[i];
        if (!shard.listed || shard.open || !shard.closedMs || shard.pastRetention ||
            *shard.closedMs >= horizon)
            continue;
        shard.pastRetention = true;
        setCounts(i, shard.records, shard.bytes);
    }
}

std::optional<qint64> LineageGraph::firstMs() const
{
    std::optional<qint64> first = m_stream.createdMs;
    if (!m_hasTimes)
        return first;
    for (const LineageNode &shard : m_shards) {
        if (shard.createdMs && (!first || *shard.createdMs < *first))
            first = shard.createdMs;
    }
    return first;
}

} // namespace shardscope
