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

// One row of StreamSummaryModel, in row order.
enum class StreamProperty {
    Name,
    Arn,
    Status,
    Mode,
    OpenShards,
    RetentionHours,
    MaxRecordSizeKiB,
    EncryptionType,
    KmsKey,
    Consumers,
    EnhancedMonitoring,
    WarmThroughput,
    ResourcePolicy,
    Created,
    Records,
    Bytes,
    ThroughputLimits, // the per-shard limits and whether they are enforced
    HottestShard,     // the shard nearest to a limit, and how near
    Count // not a row
};

// The "Overview" of one stream as a two-column property list: column 0 the label, column 1 the
// value. DisplayRole is text for people ("48 hours (2 days)", "1.2 MiB", local creation time);
// EditRole of the value column and UserRole of either column carry the raw value (enums as int,
// counts as qint64, the creation time as a UTC QDateTime; null while unknown). PropertyRole
// says which StreamProperty a row is; every row also answers the stream-wide roles
// (StreamNameRole, StreamStatusRole, RecordCountRole, ErrorRole...).
//
// Data comes from describeStreamSummary, getResourcePolicy (whose failure shows only in the
// Resource policy row) and, where the backend can count them, the summed shardStatistics, and
// where it can measure it, the shards' use against their throughput limits (shardUsage: the
// limits row and the hottest shard). Refreshes asynchronously through a StreamBinding:
// everything after catalogChanged (coalesced, ~50 ms), the counts after recordsAppended for this
// stream (at most one refresh per ~250 ms), the use about once a second while
// setUsagePolling(true) says a view shows it. Refreshes never overlap; results for an earlier
// stream are dropped. When the stream is gone or a call fails the rows stay and every value
// shows errorText(); a use that cannot be read shows its error in its two rows only.
//
// Threads: GUI thread. Does not own the backend.
class StreamSummaryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamSummaryModel)

public:
    enum Column { LabelColumn, ValueColumn, ColumnCount };
    Q_ENUM(Column)

    explicit StreamSummaryModel(QObject *parent = nullptr);
    ~StreamSummaryModel() override;

    // Shows `streamName` of `backend` (values empty with a null backend or an empty name).
    void setStream(StreamBackend *backend, const QString &streamName);
    QString streamName() const { return m_binding.streamName(); }
    // Refreshes everything now (or as soon as the refresh in flight is done), the resource policy
    // too even if reading it was denied (it is not asked for again after a denial otherwise).
    void refresh();
    // Polls the shards' use while `on` (a view shows the Overview) and the backend can measure it.
    void setUsagePolling(bool on) { m_binding.setPollingWanted(on); }
    bool isPollingUsage() const { return m_binding.isPollingActive(); }
    // Each open shard's use as last read; empty while unknown.
    std::optional<QList<ShardUsage>> usage() const { return m_usage; }

    std::optional<StreamDescriptionSummary> summary() const { return m_summary; }
    // Records and payload bytes still readable, summed over all shards; empty while unknown or
    // when the backend cannot count them.
    std::optional<ShardStatistics> totals() const { return m_totals; }
    std::optional<Error> lastError() const { return m_error; }
    // The stream's resource policy document ("{}" or empty: none); empty while unknown.
    std::optional<QString> resourcePolicy() const { return m_policy.policy; }
    // Why the resource policy could not be read, if it could not.
    std::optional<Error> resourcePolicyError() const { return m_policy.error; }
    // Why there are no values: the stream is gone or the last refresh failed. Empty otherwise.
    QString errorText() const;

    static StreamProperty propertyAt(int row) { return StreamProperty(row); }
    static int rowOf(StreamProperty property) { return int(property); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    // The summary, the totals or the error changed (not emitted for refreshes that changed nothing).
    void summaryChanged();
    // A refresh finished and was applied. Tests count these.
    void refreshed();
    void refreshFailed(const shardscope::Error &error);

private:
    // What a refresh fetches (StreamBinding::Parts).
    enum Part : StreamBinding::Parts { SummaryPart = 1, CountsPart = 2, UsagePart = 4 };
    // What getResourcePolicy answered: the document or why not.
    struct PolicyState
    {
        std::optional<QString> policy;
        std::optional<Error> error;
        bool operator==(const PolicyState &) const = default;
    };
    // What one refresh brought back.
    struct Fetched
    {
        std::optional<StreamDescriptionSummary> summary;
        std::optional<ShardStatistics> totals;
        std::optional<Error> error; // of the summary or the counts
        std::optional<QList<ShardUsage>> usage;
        std::optional<Error> usageError;
        std::optional<PolicyState> policy;
    };

    void fetch(StreamBinding::Refresh refresh);
    void fetchPolicy(const StreamBinding::Refresh &refresh, Fetched fetched);
    void fetchStatistics(const StreamBinding::Refresh &refresh, Fetched fetched);
    void fetchUsage(const StreamBinding::Refresh &refresh, Fetched fetched);
    void finish(const StreamBinding::Refresh &refresh, Fetched fetched);
    QString policyText() const;

    QString label(StreamProperty property) const;
    QVariant rawValue(StreamProperty property) const;
    QString displayValue(StreamProperty property) const;

    StreamBinding m_binding;
    std::optional<StreamDescriptionSummary> m_summary;
    std::optional<ShardStatistics> m_totals;
    std::optional<Error> m_error;
    PolicyState m_policy;
    bool m_policyDenied = false; // AccessDenied: do not ask again until refresh() or setStream()
    std::optional<QList<ShardUsage>> m_usage;
    std::optional<Error> m_usageError;
};

} // namespace shardscope
