#pragma once

#include "kinesis/shardreader.h"
#include "models/streambinding.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <functional>

namespace shardscope {

class StreamBackend;

// Who polls one stream's shards with GetShardIterator and GetRecords, as a table: one row per
// shard and reader (StreamBackend::shardReaders): the shard, the reader (its User-Agent's first
// product, its access key id and address; the tooltip has them whole), its position (the last
// sequence number read, abbreviated), how far behind the tip it is (records, bytes and the last
// MillisBehindLatest), GetRecords calls and records per second, throttled calls, expired
// iterators, its last call ("2 s ago") and its state (reading, idle, gone). DisplayRole is text;
// the ModelRole roles return raw values (ShardIdRole, UserAgentRole, AccessKeyIdRole,
// PeerAddressRole, SequenceNumberRole, RecordsBehindRole, BytesBehindRole, LagRole,
// CallsPerSecondRole, RecordsPerSecondRole, ThrottledCountRole, ExpiredIteratorCountRole,
// LastCallTimeRole, ReaderStateRole). Rows are kept in shard and reader order and updated in
// place.
//
// Only backends that know their readers answer (StreamBackend::hasShardReaders: the emulator,
// in process and through `--serve`). The list is read about once a second (kPollMs) while
// setPollingWanted(true) says a view shows it; each read counts what lies behind every reader,
// so nothing is read while nobody looks.
//
// Threads: GUI thread. Does not own the backend.
class ShardReadersModel final : public QAbstractTableModel
{
    Q_OBJECT
    template<typename> friend struct TableSyncHooks;
    Q_DISABLE_COPY_MOVE(ShardReadersModel)

public:
    enum Column {
        ShardColumn,
        ReaderColumn,
        PositionColumn,
        BehindColumn,
        CallRateColumn,
        RecordRateColumn,
        ThrottledColumn,
        ExpiredColumn,
        LastReadColumn,
        StateColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    static constexpr int kPollMs = 1000;

    explicit ShardReadersModel(QObject *parent = nullptr);
    ~ShardReadersModel() override;

    void setStream(StreamBackend *backend, const QString &streamName);
    QString streamName() const { return m_binding.streamName(); }
    // Whether the bound backend reports readers at all.
    bool isAvailable() const;
    // Reads the list now (or as soon as the read in flight is answered).
    void refresh();
    void setPollingWanted(bool on) { m_binding.setPollingWanted(on); }
    bool isPolling() const { return m_binding.isPollingActive(); }
    // The wall clock in epoch milliseconds, for "2 s ago"; tests set the engine's.
    void setClock(std::function<qint64()> nowMs);
    // The last read's error, empty when it succeeded.
    QString errorText() const { return m_error; }

    ShardReader reader(int row) const { return m_rows.value(row); }

    // "Boto3/1.26.27" of a whole User-Agent: its first product, which names the client; the
    // app's own reads as "Shardscope (this app)", none as "Unknown client".
    static QString clientName(const Caller &caller);
    // The Reader cell: the client, then the key id and the address where there are.
    static QString readerText(const Caller &caller);
    static QString stateText(ReaderState state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // The list was read again (or its read failed). Tests count these.
    void refreshed();

private:
    static constexpr StreamBinding::Parts kReadersPart = 1;

    void read(const StreamBinding::Refresh &refresh);
    void apply(const QList<ShardReader> &readers);
    qint64 nowMs() const;
    QVariant display(const ShardReader &reader, Column column) const;
    QVariant sortValue(const ShardReader &reader, Column column) const;
    QVariant toolTip(const ShardReader &reader, Column column) const;

    StreamBinding m_binding;
    QList<ShardReader> m_rows; // sorted by rowKey
    QString m_error;
    std::function<qint64()> m_clock;
};

} // namespace shardscope
