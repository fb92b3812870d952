#pragma once

#include "kinesis/api.h"
#include "kinesis/error.h"
#include "kinesis/shardstatistics.h"
#include "models/streambinding.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace shardscope {

class StreamBackend;

// The shards of one stream as a table: id, state, hash range, sequence range, parents, and,
// where the backend can count them, records and bytes. DisplayRole is text; the ModelRole roles
// return raw values (ShardStateRole, HashRangeStartRole, RecordCountRole...) and SortRole a
// value that sorts each column naturally.
//
// Refreshes asynchronously through a StreamBinding: the shard list after catalogChanged, the
// counts after recordsAppended for this stream; bursts coalesce into one refresh per ~50 ms
// tick, a refresh never overlaps another, and results for an earlier stream are dropped.
//
// Threads: GUI thread. Does not own the backend.
class ShardsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShardsTableModel)

public:
    enum Column {
        IdColumn,
        StateColumn,
        HashKeyStartColumn,
        HashKeyEndColumn,
        StartingSequenceColumn,
        EndingSequenceColumn,
        ParentColumn,
        AdjacentParentColumn,
        RecordCountColumn,
        BytesColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit ShardsTableModel(QObject *parent = nullptr);
    ~ShardsTableModel() override;

    // Shows `streamName` of `backend` (or nothing with a null backend).
    void setStream(StreamBackend *backend, const QString &streamName);
    QString streamName() const { return m_binding.streamName(); }
    std::optional<Error> lastError() const { return m_error; }
    // Refreshes everything now.
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    // A refresh was applied (shards and/or counts). Tests count these.
    void refreshed();
    void refreshFailed(const shardscope::Error &error);

private:
    struct Row
    {
        Shard shard;
        std::optional<ShardStatistics> statistics;
    };

    // What a refresh fetches (StreamBinding::Parts).
    enum Part : StreamBinding::Parts { ShardsPart = 1, StatisticsPart = 2 };

    void fetch(const StreamBinding::Refresh &refresh);
    void fetchStatistics(const StreamBinding::Refresh &refresh, std::optional<QList<Shard>> shards);
    void finish(const StreamBinding::Refresh &refresh, std::optional<QList<Shard>> shards,
                std::optional<QList<ShardStatistics>> statistics, std::optional<Error> error);
    void applyShards(QList<Shard> shards);
    void applyStatistics(const QList<ShardStatistics> &statistics);

    StreamBinding m_binding;
    QList<Row> m_rows; // sorted by shard id
    std::optional<Error> m_error;
};

} // namespace shardscope
