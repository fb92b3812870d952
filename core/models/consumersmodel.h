#pragma once

#include "kinesis/api.h"
#include "kinesis/error.h"
#include "models/streambinding.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace shardscope {

class StreamBackend;

// The enhanced fan-out consumers registered for one stream, as a table: name, status (the wire
// name: CREATING, ACTIVE, DELETING), ARN, creation time and, where the backend can tell, how
// many live subscriptions each has (setSubscriptionCounts). DisplayRole is text; the ModelRole
// roles return raw values (ConsumerNameRole, ConsumerArnRole, ConsumerStatusRole,
// CreationTimeRole, SubscriptionCountRole) and SortRole a value that sorts each column naturally.
// Rows are kept in name order and updated in place, so a view keeps its selection.
//
// Refreshes asynchronously through a StreamBinding: ListStreamConsumers needs the stream's ARN,
// read once per stream with DescribeStreamSummary. A consumer changes state on its own (CREATING
// turns ACTIVE, DELETING goes away), so while setPollingWanted(true) says a view shows the list
// it is read again every kTransitionPollMs while any consumer is CREATING or DELETING and every
// kSteadyPollMs otherwise; catalogChanged (a registration or deregistration in the emulator, or
// through this connection) refreshes at once while it is shown. Nothing is read while no view
// shows the list, except on refresh(). Results for an earlier stream are dropped.
//
// Threads: GUI thread. Does not own the backend.
class ConsumersModel final : public QAbstractTableModel
{
    Q_OBJECT
    template<typename> friend struct TableSyncHooks;
    Q_DISABLE_COPY_MOVE(ConsumersModel)

public:
    enum Column { NameColumn, StatusColumn, ArnColumn, CreatedColumn, SubscriptionsColumn, ColumnCount };
    Q_ENUM(Column)

    // Kinesis takes a few seconds to activate or delete a consumer; the emulator half a second.
    static constexpr int kTransitionPollMs = 2000;
    static constexpr int kSteadyPollMs = 10000;

    explicit ConsumersModel(QObject *parent = nullptr);
    ~ConsumersModel() override;

    // Shows the consumers of `streamName` of `backend` (nothing with a null backend). Reads them
    // at once when a view wants them, else when one does.
    void setStream(StreamBackend *backend, const QString &streamName);
    StreamBackend *backend() const { return m_binding.backend(); }
    QString streamName() const { return m_binding.streamName(); }
    // The stream's ARN, once a refresh has read it (empty before).
    QString streamArn() const { return m_streamArn; }
    // True once a list arrived for the current stream.
    bool isLoaded() const { return m_loaded; }
    std::optional<Error> lastError() const { return m_error; }
    // Reads the list now.
    void refresh();
    // Polls while `on` (a view shows the list).
    void setPollingWanted(bool on) { m_binding.setPollingWanted(on); }
    bool isPolling() const { return m_binding.isPollingActive(); }
    int pollInterval() const { return m_binding.pollingInterval(); }

    // Live subscriptions per consumer ARN (consumers without an entry have none); nullopt when
    // the backend cannot tell, which leaves the column empty.
    void setSubscriptionCounts(const std::optional<QHash<QString, int>> &counts);

    Consumer consumer(int row) const { return m_rows.value(row); }
    // The row of the consumer with this ARN (or name), or -1.
    int rowOfArn(const QString &consumerArn) const;
    int rowOfName(const QString &consumerName) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // A list was applied. Tests count these.
    void refreshed();
    void refreshFailed(const shardscope::Error &error);

private:
    // What a refresh fetches (StreamBinding::Parts): there is only the one.
    static constexpr StreamBinding::Parts kConsumersPart = 1;

    void fetch(const StreamBinding::Refresh &refresh);
    void fetchConsumers(const StreamBinding::Refresh &refresh);
    void finish(const StreamBinding::Refresh &refresh, BackendResult<QList<Consumer>> result);
    void applyConsumers(QList<Consumer> consumers);
    QVariant subscriptionCount(const Consumer &consumer) const;

    StreamBinding m_binding;
    QString m_streamArn;
    QList<Consumer> m_rows; // sorted by name
    std::optional<QHash<QString, int>> m_counts;
    std::optional<Error> m_error;
    bool m_loaded = false;
};

} // namespace shardscope
