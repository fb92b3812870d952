#pragma once

#include "kinesis/hashkey.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QAbstractItemModel;

namespace shardscope {

// One shard of a stream's history: when it was created and closed, its parents and children,
// what it holds, and whether its records are past the retention period.
struct LineageNode
{
    int row = -1; // in the model it came from; -1 for a shard known only as a listed shard's parent
    QString shardId;
    QStringList parents;  // parent, then adjacent parent (a merge)
    QStringList children; // in order of their hash ranges
    std::optional<HashKeyRange> range; // empty for a shard known only as a parent
    QString startingSequenceNumber;
    QString endingSequenceNumber; // empty while open
    bool open = true;
    bool listed = true; // ListShards still returns it
    std::optional<qint64> createdMs; // empty when the sequence numbers do not carry times
    std::optional<qint64> closedMs;
    std::optional<qint64> records; // empty when the backend cannot count
    std::optional<qint64> bytes;
    bool pastRetention = false;
    int generation = 0; // 0 without parents, else one more than the youngest parent
    // Where the shard sorts in the key space; a parent known only by id takes its children's span.
    HashKey sortKey;
};

// Every shard a stream has had, as a graph from parents to children, built from the shards a
// listing returns (ShardsTableModel's rows). Kinesis stops listing a closed shard once all its
// records have expired (the engine does the same), so a parent that no listed shard names any
// more is kept as a node of its own: known by id, past retention, holding nothing.
//
// Times come from the sequence numbers: Shardscope's own numbers embed their arrival time
// (a shard starts at its creation and ends at its close); other numbers (AWS's) do not decode,
// and then no shard has a time and the lineage orders shards by generation only.
//
// Past retention: a closed shard whose close is older than now − retention holds no records;
// without times, only the parents no longer listed are known to be past it.
//
// Value type; any thread.
class LineageGraph final
{
public:
    struct Stream
    {
        std::optional<qint64> createdMs;   // DescribeStreamSummary's StreamCreationTimestamp
        std::optional<int> retentionHours; // empty while unknown
        qint64 nowMs = 0;
    };

    // `shards` with row, shardId, parents, range, sequence numbers, open, records and bytes set;
    // the rest is computed.
    static LineageGraph build(QList<LineageNode> shards, const Stream &stream);
    // The same from a model answering the shard roles (ShardsTableModel), row by row.
    static LineageGraph fromModel(const QAbstractItemModel *model, const Stream &stream);

    const QList<LineageNode> &shards() const { return m_shards; }
    int indexOf(const QString &shardId) const { return m_indexOf.value(shardId, -1); }
    int indexOfRow(int row) const { return m_indexOfRow.value(row, -1); }
    // True when every listed shard's times are known (our own sequence numbers).
    bool hasTimes() const { return m_hasTimes; }
    int maxGeneration() const { return m_maxGeneration; }
    const Stream &stream() const { return m_stream; }
    // The earliest time of the lineage: the stream's creation, else its oldest shard's.
    std::optional<qint64> firstMs() const;

    // Cheap updates between rebuilds (no reordering): what a shard holds now (nothing once
    // past retention), and time moving on (shards crossing the retention period).
    void setCounts(int index, std::optional<qint64> records, std::optional<qint64> bytes);
    void advanceTo(qint64 nowMs);

private:
    QList<LineageNode> m_shards;
    QHash<QString, int> m_indexOf;
    QHash<int, int> m_indexOfRow;
    Stream m_stream;
    bool m_hasTimes = false;
    int m_maxGeneration = 0;
};

} // namespace shardscope
