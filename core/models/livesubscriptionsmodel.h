#pragma once

#include "kinesis/subscriptionstatus.h"
#include "models/streambinding.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace shardscope {

class StreamBackend;

// The live SubscribeToShard subscriptions of one stream's consumers, as a table: the consumer
// (its name, from the ARN), the shard, the position (the last sequence number delivered,
// abbreviated; the tooltip has it whole), the lag (MillisBehindLatest: "0 ms", "3.2 s"), the
// records delivered, the bytes per second (bytesDelivered between two refreshes at least
// kMinSampleMs apart), when it started and its last event. DisplayRole is text; the ModelRole
// roles return raw values (ConsumerArnRole, ShardIdRole, SequenceNumberRole, LagRole,
// RecordCountRole, BytesRole, BytesPerSecondRole, StartedTimeRole, LastEventTimeRole).
// Rows are kept in consumer and shard order and updated in place.
//
// Only backends that know their subscriptions answer (StreamBackend::hasLiveSubscriptions: the
// emulator, in process and through `--serve`); reading them is cheap (no call), so the list is
// read about once a second (kPollMs) while setPollingWanted(true) says a view shows it.
//
// Threads: GUI thread. Does not own the backend.
class LiveSubscriptionsModel final : public QAbstractTableModel
{
    Q_OBJECT
    template<typename> friend struct TableSyncHooks;
    Q_DISABLE_COPY_MOVE(LiveSubscriptionsModel)

public:
    enum Column {
        ConsumerColumn,
        ShardColumn,
        PositionColumn,
        LagColumn,
        RecordsColumn,
        RateColumn,
        StartedColumn,
        LastEventColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    static constexpr int kPollMs = 1000;
    // A rate over less time than this is mostly noise: the previous one stays until then.
    static constexpr qint64 kMinSampleMs = 500;

    explicit LiveSubscriptionsModel(QObject *parent = nullptr);
    ~LiveSubscriptionsModel() override;

    void setStream(StreamBackend *backend, const QString &streamName);
    QString streamName() const { return m_binding.streamName(); }
    // Whether the bound backend reports live subscriptions at all.
    bool isAvailable() const;
    // Reads the subscriptions now.
    void refresh();
    void setPollingWanted(bool on) { m_binding.setPollingWanted(on); }
    bool isPolling() const { return m_binding.isPollingActive(); }
    int pollInterval() const { return m_binding.pollingInterval(); }
    // The wall clock in epoch milliseconds, for the rates and "last event 2 s ago"; tests set one.
    void setClock(std::function<qint64()> nowMs);

    // Live subscriptions per consumer ARN; nullopt when the backend cannot tell.
    std::optional<QHash<QString, int>> countsByConsumer() const;
    SubscriptionStatus subscription(int row) const { return m_rows.value(row).status; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A long sequence number by the digits that tell it from its neighbours: the start and the
    // end ("4963…00000042"), or for the emulator's own numbers the end of the counter in their
    // middle ("…85003521…").
    static QString abbreviatedSequenceNumber(const QString &sequenceNumber);

signals:
    // The list was read again. Tests count these.
    void refreshed();

private:
    struct Row
    {
        SubscriptionStatus status;
        QString consumerName;
        // The sample the rate is measured from: bytes delivered then, and when (nowMs()).
        qint64 baseBytes = 0;
        qint64 baseMs = 0;
        std::optional<double> bytesPerSecond;
    };
    static constexpr StreamBinding::Parts kSubscriptionsPart = 1;

    void read(const StreamBinding::Refresh &refresh);
    void apply(const QList<SubscriptionStatus> &subscriptions);
    qint64 nowMs() const;
    QVariant display(const Row &row, Column column) const;
    QVariant sortValue(const Row &row, Column column) const;

    StreamBinding m_binding;
    QList<Row> m_rows; // sorted by rowKey
    std::function<qint64()> m_clock;
};

} // namespace shardscope
