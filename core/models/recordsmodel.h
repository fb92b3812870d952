#pragma once

#include "records/recordentry.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QCache>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QTimer>

#include <deque>
#include <expected>
#include <functional>
#include <memory>

namespace shardscope {

// Where a record lives, for fetching its payload again.
struct RecordLocator
{
    QString shardId;
    QString sequenceNumber;
    quint64 serial = 0; // the row's stable id in the model
};

// The Records tab's table: one row per record, up to millions of them. Per row it keeps only
// compact metadata (shard slot, sequence number packed as a counter or BCD digits, arrival ms,
// partition key and explicit hash key as UTF-8 in a chunked arena, size), never the payload.
// Previews are built lazily: the first time a row's preview is asked for, the payload loader
// fetches it; previews live in an LRU cache of `previewCacheCapacity` entries. The newest
// records of each flush are previewed from the payload at hand, so the live tail needs no
// fetch (at most kPrefilledPreviews, and half the cache).
//
// Appends are buffered and flushed by a 100 ms timer as one beginInsertRows (and, with a ring
// cap, one beginRemoveRows for the oldest rows), like Wireshark's packet list.
//
// Threads: GUI thread. The loader's future may finish on any thread; its result is applied
// here.
class RecordsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsModel)

public:
    enum Column
    {
        ShardColumn,
        SequenceNumberColumn,
        ArrivalTimeColumn,
        PartitionKeyColumn,
        ExplicitHashKeyColumn,
        SizeColumn,
        PreviewColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    using PayloadResult = std::expected<QByteArray, QString>;
    using PayloadLoader = std::function<QFuture<PayloadResult>(const RecordLocator &)>;

    static constexpr int kDefaultFlushIntervalMs = 100;
    static constexpr int kDefaultPreviewCacheCapacity = 2000;
    static constexpr int kPreviewLength = 120;
    static constexpr int kPrefilledPreviews = 200; // newest rows of a flush previewed at once

    explicit RecordsModel(QObject *parent = nullptr);
    ~RecordsModel() override;

    void setPayloadLoader(PayloadLoader loader);
    void setPreviewCacheCapacity(int entries);
    int previewCacheCapacity() const;
    int cachedPreviewCount() const;
    // 0 means unlimited. Applied at the next flush.
    void setMaximumRows(int rows);
    int maximumRows() const { return m_maximumRows; }
    void setFlushInterval(int ms);

    // Buffered: the rows appear at the next tick (or flush()).
    void append(const QList<RecordEntry> &records);
    void flush();
    void clear();
    int pendingCount() const { return int(m_pending.size()); }

    // The record at `row` without its payload.
    RecordEntry record(int row) const;
    RecordLocator locator(int row) const;
    quint64 serial(int row) const { return m_firstSerial + quint64(row); }
    int rowOfSerial(quint64 serial) const; // -1 when it was dropped or cleared

    // One display line for a payload: compact JSON or text, at most kPreviewLength characters.
    static QString previewOf(const QByteArray &payload);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    // A payload could not be loaded for a preview.
    void previewFailed(quint64 serial, const QString &message);

private:
    struct Row
    {
        qint64 textOffset = 0; // absolute offset of [sequence bytes][partition key][hash key]
        qint64 counter = 0;    // the sequence number's counter, in our own layout
        qint64 arrivalMs = 0;
        quint32 shardSlot = 0;
        quint32 size = 0;
        quint16 partitionKeyBytes = 0;
        quint8 sequenceBytes = 0; // packed BCD or raw text, see sequenceKind
        quint8 hashKeyBytes = 0;
        quint8 sequenceKind = 0; // SequenceKind
    };
    enum SequenceKind : quint8
    {
        OwnLayout,
        PackedDigits,
        RawText
    };

    // Variable-length text in fixed chunks: no reallocation, and the chunks of dropped rows are
    // freed from the front.
    static constexpr qint64 kChunkShift = 18; // 256 KiB
    static constexpr qint64 kChunkSize = qint64(1) << kChunkShift;

    const char *textAt(qint64 offset) const;
    qint64 allocateText(qsizetype bytes);
    void releaseTextBefore(qint64 offset);
    Row makeRow(const RecordEntry &record);
    QString sequenceText(const Row &row) const;
    QString partitionKey(const Row &row) const;
    QString explicitHashKey(const Row &row) const;
    QVariant preview(int row) const;
    void previewLoaded(quint64 serial, const PayloadResult &result);

    std::deque<Row> m_rows;
    // Serial of m_rows.front(); serials are never reused, so loads finishing after clear() or
    // after their row was dropped find no row and are ignored.
    quint64 m_firstSerial = 0;
    std::deque<std::unique_ptr<char[]>> m_chunks;
    qint64 m_firstChunk = 0;      // chunk number of m_chunks.front()
    qint64 m_textEnd = 0;         // next free absolute offset
    QList<QString> m_shardIds;    // by slot
    QList<qint64> m_shardNumbers; // by slot; -1 when the id is not a Kinesis shard id
    QHash<QString, quint32> m_shardSlots;

    QList<RecordEntry> m_pending;
    QTimer m_flushTimer;
    int m_maximumRows = 0;

    PayloadLoader m_loader;
    mutable QCache<quint64, QString> m_previews;
    mutable QSet<quint64> m_loading; // serials whose payload is being fetched
};

} // namespace shardscope
