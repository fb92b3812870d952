#pragma once

#include "kinesis/api.h"
#include "kinesis/error.h"
#include "kinesis/shardstatistics.h"
#include "kinesis/shardusage.h"
#include "models/streambinding.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace shardscope {

class StreamBackend;

// The shards of one stream as a table: id, state, hash range, sequence range, parents, and,
// where the backend can count them, records and bytes, and where it can measure it, each open
// shard's current use against its write and read limits ("37 % · 370 rec/s"; the tooltip has
// every figure). DisplayRole is text; the ModelRole roles return raw values (ShardStateRole,
// HashRangeStartRole, RecordCountRole, UseFractionRole...) and SortRole a value that sorts each
// column naturally.
//
// Refreshes asynchronously through a StreamBinding: the shard list after catalogChanged, the
// counts after recordsAppended for this stream; bursts coalesce into one refresh per ~50 ms
// tick, a refresh never overlaps another, and results for an earlier stream are dropped. The
// use is polled about once a second (every 15 s for figures averaged over a minute), and only
// while setUsagePolling(true) says a view shows it.
//
// Threads: GUI thread. Does not own the backend.
class ShardsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    template<typename> friend struct TableSyncHooks;
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
        WriteUseColumn,
        ReadUseColumn,
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
    // Polls the shards' use while `on` (a view shows the table) and the backend can measure it.
    void setUsagePolling(bool on) { m_binding.setPollingWanted(on); }
    bool isPollingUsage() const { return m_binding.isPollingActive(); }
    int usagePollInterval() const { return m_binding.pollingInterval(); }
    // Why the use could not be read the last time (shown in the use cells' tooltips), or nothing.
    std::optional<Error> usageError() const { return m_usageError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    // A refresh was applied (shards and/or counts). Tests count these.
    void refreshed();
    // The use was read again (or failed to be: usageError()).
    void usageRefreshed();
    void refreshFailed(const shardscope::Error &error);

private:
    struct Row
    {
        Shard shard;
        std::optional<ShardStatistics> statistics;
        std::optional<ShardUsage> usage; // open shards only
    };
    // What one refresh brought back.
    struct Fetched
    {
        std::optional<QList<Shard>> shards;
        std::optional<QList<ShardStatistics>> statistics;
        std::optional<Error> error; // of the shards or the counts
        std::optional<QList<ShardUsage>> usage;
        std::optional<Error> usageError;
    };

    // What a refresh fetches (StreamBinding::Parts).
    enum Part : StreamBinding::Parts { ShardsPart = 1, StatisticsPart = 2, UsagePart = 4 };

    void fetch(const StreamBinding::Refresh &refresh);
    void fetchStatistics(const StreamBinding::Refresh &refresh, Fetched fetched);
    void fetchUsage(const StreamBinding::Refresh &refresh, Fetched fetched);
    void finish(const StreamBinding::Refresh &refresh, Fetched fetched);
    void applyShards(QList<Shard> shards);
    void applyStatistics(const QList<ShardStatistics> &statistics);
    void applyUsage(const QList<ShardUsage> &usage);
    QVariant usageData(const Row &row, Column column, int role) const;

    StreamBinding m_binding;
    QList<Row> m_rows; // sorted by shard id
    std::optional<Error> m_error;
    std::optional<Error> m_usageError;
};

} // namespace shardscope
