#include "recordsmodel.h"

#include "kinesis/sequencenumber.h"
#include "models/modelroles.h"
#include "records/payloaddecoder.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

bool allDigits(QStringView text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// The bytes of a UTF-8 prefix of at most `limit` bytes that does not end inside a character.
QByteArrayView utf8Prefix(QByteArrayView bytes, qsizetype limit)
{
    if (bytes.size() <= limit)
        return bytes;
    qsizetype end = limit;
    while (end > 0 && (quint8(bytes[end]) & 0xC0) == 0x80)
        --end;
    return bytes.first(end);
}

// Whitespace runs (newlines included) become one space; at most `length` characters, "…" when
// cut.
QString oneLine(const QString &text, int length)
{
    QString line = text.left(qsizetype(length) * 4).simplified();
    if (line.size() > length || text.size() > qsizetype(length) * 4) {
        line.truncate(length - 1);
        line.append(u'…');
    }
    return line;
}

} // namespace

RecordsModel::RecordsModel(QObject *parent)
    : QAbstractTableModel(parent), m_previews(kDefaultPreviewCacheCapacity)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kDefaultFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &RecordsModel::flush);
}

RecordsModel::~RecordsModel() = default;

void RecordsModel::setPayloadLoader(PayloadLoader loader)
{
    m_loader = std::move(loader);
}

void RecordsModel::setPreviewCacheCapacity(int entries)
{
    m_previews.setMaxCost(std::max(1, entries));
}

int RecordsModel::previewCacheCapacity() const
{
    return int(m_previews.maxCost());
}

int RecordsModel::cachedPreviewCount() const
{
    return int(m_previews.size());
}

void RecordsModel::setMaximumRows(int rows)
{
    m_maximumRows = std::max(0, rows);
    if (m_maximumRows > 0 && int(m_rows.size()) > m_maximumRows && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void RecordsModel::setFlushInterval(int ms)
{
    m_flushTimer.setInterval(std::max(0, ms));
}

void RecordsModel::append(const QList<RecordEntry> &records)
{
    if (records.isEmpty())
        return;
    m_pending.append(records);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void RecordsModel::flush()
{
    m_flushTimer.stop();
    const QList<RecordEntry> batch = std::exchange(m_pending, {});
    qsizetype skip = 0; // records of the batch dropped by the ring cap before being shown

    if (m_maximumRows > 0) {
        const qint64 excess = qint64(m_rows.size()) + batch.size() - m_maximumRows;
        if (excess > 0) {
            const qint64 fromRows = std::min<qint64>(excess, qint64(m_rows.size()));
            if (fromRows > 0) {
                beginRemoveRows({}, 0, int(fromRows - 1));
                m_rows.erase(m_rows.begin(), m_rows.begin() + fromRows);
                m_firstSerial += quint64(fromRows);
                releaseTextBefore(m_rows.empty() ? m_textEnd : m_rows.front().textOffset);
                const QList<quint64> cached = m_previews.keys();
                for (quint64 key : cached) {
                    if (key < m_firstSerial)
                        m_previews.remove(key);
                }
                endRemoveRows();
            }
            skip = qsizetype(excess - fromRows);
            m_firstSerial += quint64(skip); // only when every row went, so the deque is empty
        }
    }

    const qsizetype shown = batch.size() - skip;
    if (shown <= 0)
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(shown) - 1);
    for (qsizetype i = skip; i < batch.size(); ++i)
        m_rows.push_back(makeRow(batch[i]));
    // The tail is what a live view shows: preview a screenful from the payloads at hand.
    const qsizetype prefill =
        std::min({shown, qsizetype(kPrefilledPreviews), m_previews.maxCost() / 2});
    for (qsizetype i = batch.size() - prefill; i < batch.size(); ++i) {
        const quint64 key = m_firstSerial + quint64(first) + quint64(i - skip);
        m_previews.insert(key, new QString(previewOf(batch[i].data)));
    }
    endInsertRows();
}

void RecordsModel::clear()
{
    m_flushTimer.stop();
    m_pending.clear();
    beginResetModel();
    m_firstSerial += quint64(m_rows.size());
    m_rows.clear();
    m_chunks.clear();
    m_shardIds.clear();
    m_shardNumbers.clear();
    m_shardSlots.clear();
    m_previews.clear();
    m_loading.clear();
    endResetModel();
}

RecordEntry RecordsModel::record(int row) const
{
    RecordEntry entry;
    if (row < 0 || row >= int(m_rows.size()))
        return entry;
    const Row &r = m_rows[size_t(row)];
    entry.shardId = m_shardIds.value(qsizetype(r.shardSlot));
    entry.sequenceNumber = sequenceText(r);
    entry.arrivalMs = r.arrivalMs;
    entry.partitionKey = partitionKey(r);
    entry.explicitHashKey = explicitHashKey(r);
    return entry;
}

RecordLocator RecordsModel::locator(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    const Row &r = m_rows[size_t(row)];
    return {m_shardIds.value(qsizetype(r.shardSlot)), sequenceText(r), serial(row)};
}

int RecordsModel::rowOfSerial(quint64 serialNumber) const
{
    if (serialNumber < m_firstSerial || serialNumber - m_firstSerial >= m_rows.size())
        return -1;
    return int(serialNumber - m_firstSerial);
}

QString RecordsModel::previewOf(const QByteArray &payload)
{
    if (payload.isEmpty())
        return {};
    DecodeOptions options;
    options.maxInflatedSize = qsizetype(256) << 10;
    options.maxRenderSize = qsizetype(64) << 10;
    const DecodedPayload decoded = PayloadDecoder::decode(payload, options);

    QString prefix;
    for (const PayloadLayer &layer : decoded.layers) {
        if (layer.kind != PayloadLayer::Kind::Kpl)
            prefix += u'[' + PayloadDecoder::layerName(layer.kind) + u"] "_s;
    }
    switch (decoded.content) {
    case PayloadContent::Empty:
        return prefix;
    case PayloadContent::Json:
        return oneLine(prefix + QString::fromUtf8(decoded.json.toJson(QJsonDocument::Compact)),
                       kPreviewLength);
    case PayloadContent::Text: {
        const QByteArrayView head = utf8Prefix(decoded.bytes, qsizetype(kPreviewLength) * 4);
        return oneLine(prefix + PayloadDecoder::decodeUtf8(head).display, kPreviewLength);
    }
    case PayloadContent::KplAggregate:
        return oneLine(decoded.summary(), kPreviewLength);
    case PayloadContent::Binary:
        break;
    }
    const QByteArrayView head =
        QByteArrayView(decoded.bytes).first(std::min<qsizetype>(decoded.bytes.size(), 24));
    QString hex = QString::fromLatin1(head.toByteArray().toHex(' '));
    if (decoded.bytes.size() > head.size())
        hex.append(u" …"_s);
    return oneLine(prefix + PayloadDecoder::contentName(decoded.content) + u": "_s + hex,
                   kPreviewLength);
}

int RecordsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Row &r = m_rows[size_t(row)];
    const auto arrival = [&] {
        return QDateTime::fromMSecsSinceEpoch(r.arrivalMs, QTimeZone::utc());
    };

    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ShardColumn:
            return m_shardIds.value(qsizetype(r.shardSlot));
        case SequenceNumberColumn:
            return sequenceText(r);
        case ArrivalTimeColumn:
            return arrival().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
        case PartitionKeyColumn:
            return partitionKey(r);
        case ExplicitHashKeyColumn:
            return explicitHashKey(r);
        case SizeColumn:
            return QLocale().toString(qint64(r.size));
        case PreviewColumn:
            return preview(row);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ModelRole::ShardIdRole:
        return m_shardIds.value(qsizetype(r.shardSlot));
    case ModelRole::SequenceNumberRole:
        return sequenceText(r);
    case ModelRole::ArrivalTimeRole:
        return arrival();
    case ModelRole::PartitionKeyRole:
        return partitionKey(r);
    case ModelRole::ExplicitHashKeyRole:
        return explicitHashKey(r);
    case ModelRole::SizeRole:
        return qint64(r.size);
    case ModelRole::PreviewRole:
        return preview(row);
    case ModelRole::RecordSerialRole:
        return QVariant::fromValue(serial(row));
    case ModelRole::SortRole:
        switch (index.column()) {
        case ShardColumn: {
            const qint64 number = m_shardNumbers.value(qsizetype(r.shardSlot), -1);
            return number >= 0 ? QVariant(number) : QVariant(m_shardIds.value(r.shardSlot));
        }
        case SequenceNumberColumn: // rows arrive in sequence order per shard
            return QVariant::fromValue(serial(row));
        case ArrivalTimeColumn:
            return r.arrivalMs;
        case PartitionKeyColumn:
            return partitionKey(r);
        case ExplicitHashKeyColumn:
            return explicitHashKey(r);
        case SizeColumn:
            return qint64(r.size);
        case PreviewColumn:
            return preview(row);
        }
        return {};
    default:
        return {};
    }
}

QVariant RecordsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ShardColumn:
        return tr("Shard");
    case SequenceNumberColumn:
        return tr("Sequence number");
    case ArrivalTimeColumn:
        return tr("Arrival time (UTC)");
    case PartitionKeyColumn:
        return tr("Partition key");
    case ExplicitHashKeyColumn:
        return tr("Explicit hash key");
    case SizeColumn:
        return tr("Size");
    case PreviewColumn:
        return tr("Preview");
    }
    return {};
}

const char *RecordsModel::textAt(qint64 offset) const
{
    const qint64 chunk = offset >> kChunkShift;
    return m_chunks[size_t(chunk - m_firstChunk)].get() + (offset & (kChunkSize - 1));
}

qint64 RecordsModel::allocateText(qsizetype bytes)
{
    if (bytes == 0)
        return m_textEnd;
    if ((m_textEnd & (kChunkSize - 1)) + bytes > kChunkSize) // never straddle two chunks
        m_textEnd = ((m_textEnd >> kChunkShift) + 1) << kChunkShift;
    const qint64 chunk = m_textEnd >> kChunkShift;
    if (m_chunks.empty())
        m_firstChunk = chunk;
    while (m_firstChunk + qint64(m_chunks.size()) <= chunk)
        m_chunks.push_back(std::make_unique<char[]>(size_t(kChunkSize)));
    const qint64 offset = m_textEnd;
    m_textEnd += bytes;
    return offset;
}

void RecordsModel::releaseTextBefore(qint64 offset)
{
    const qint64 chunk = offset >> kChunkShift;
    while (!m_chunks.empty() && m_firstChunk < chunk) {
        m_chunks.pop_front();
        ++m_firstChunk;
    }
}

RecordsModel::Row RecordsModel::makeRow(const RecordEntry &record)
{
    Row row;
    auto slot = m_shardSlots.constFind(record.shardId);
    if (slot == m_shardSlots.cend()) {
        const auto number = shardNumber(record.shardId);
        slot = m_shardSlots.insert(record.shardId, quint32(m_shardIds.size()));
        m_shardIds.append(record.shardId);
        m_shardNumbers.append(number ? qint64(*number) : -1);
    }
    row.shardSlot = *slot;
    row.arrivalMs = record.arrivalMs;
    row.size = quint32(std::min<qsizetype>(record.data.size(), 0xFFFFFFFF));

    // The sequence number: our own layout as its counter (when its shard is the row's), other
    // decimal numbers as packed digits, anything else as text.
    QByteArray sequence;
    const auto own = SequenceNumber::parse(record.sequenceNumber);
    if (own && qint64(own->shardIndex) == m_shardNumbers[qsizetype(row.shardSlot)]) {
        row.sequenceKind = OwnLayout;
        row.counter = own->counter;
    } else if (allDigits(record.sequenceNumber) && record.sequenceNumber.size() <= 255) {
        row.sequenceKind = PackedDigits;
        row.sequenceBytes = quint8(record.sequenceNumber.size()); // digits
        sequence.resize((record.sequenceNumber.size() + 1) / 2, '\0');
        for (qsizetype i = 0; i < record.sequenceNumber.size(); ++i) {
            const int digit = record.sequenceNumber[i].unicode() - u'0';
            sequence[i / 2] = char(quint8(sequence[i / 2]) | (digit << (i % 2 == 0 ? 4 : 0)));
        }
    } else {
        row.sequenceKind = RawText;
        sequence = record.sequenceNumber.toUtf8().left(255);
        row.sequenceBytes = quint8(sequence.size());
    }
    const QByteArray key = record.partitionKey.toUtf8().left(0xFFFF);
    const QByteArray hashKey = record.explicitHashKey.toLatin1().left(255);
    row.partitionKeyBytes = quint16(key.size());
    row.hashKeyBytes = quint8(hashKey.size());

    const qsizetype total = sequence.size() + key.size() + hashKey.size();
    row.textOffset = allocateText(total);
    if (total > 0) {
        char *out = const_cast<char *>(textAt(row.textOffset));
        std::memcpy(out, sequence.constData(), size_t(sequence.size()));
        std::memcpy(out + sequence.size(), key.constData(), size_t(key.size()));
        std::memcpy(out + sequence.size() + key.size(), hashKey.constData(),
                    size_t(hashKey.size()));
    }
    return row;
}

QString RecordsModel::sequenceText(const Row &row) const
{
    switch (row.sequenceKind) {
    case OwnLayout: {
        const qint64 number = m_shardNumbers.value(qsizetype(row.shardSlot), 0);
        return SequenceNumber(row.counter, quint32(number)).toString();
    }
    case PackedDigits: {
        QString text(row.sequenceBytes, Qt::Uninitialized);
        const char *packed = textAt(row.textOffset);
        for (int i = 0; i < row.sequenceBytes; ++i) {
            const quint8 byte = quint8(packed[i / 2]);
            text[i] = QChar(u'0' + ((i % 2 == 0) ? byte >> 4 : byte & 0x0F));
        }
        return text;
    }
    default:
        return QString::fromUtf8(textAt(row.textOffset), row.sequenceBytes);
    }
}

QString RecordsModel::partitionKey(const Row &row) const
{
    if (row.partitionKeyBytes == 0)
        return {};
    const qsizetype sequenceBytes = row.sequenceKind == PackedDigits ? (row.sequenceBytes + 1) / 2
                                    : row.sequenceKind == RawText    ? row.sequenceBytes
                                                                     : 0;
    return QString::fromUtf8(textAt(row.textOffset) + sequenceBytes, row.partitionKeyBytes);
}

QString RecordsModel::explicitHashKey(const Row &row) const
{
    if (row.hashKeyBytes == 0)
        return {};
    const qsizetype sequenceBytes = row.sequenceKind == PackedDigits ? (row.sequenceBytes + 1) / 2
                                    : row.sequenceKind == RawText    ? row.sequenceBytes
                                                                     : 0;
    return QString::fromLatin1(textAt(row.textOffset) + sequenceBytes + row.partitionKeyBytes,
                               row.hashKeyBytes);
}

QVariant RecordsModel::preview(int row) const
{
    const quint64 key = serial(row);
    if (const QString *cached = m_previews.object(key))
        return *cached;
    if (!m_loader || m_loading.contains(key))
        return {};
    m_loading.insert(key);
    // data() is const, but a load is bookkeeping, not a change of the model's contents.
    auto *self = const_cast<RecordsModel *>(this);
    // Not onResult(): a future that ends without a result (cancelled, failed) must end the load.
    auto *watcher = new QFutureWatcher<PayloadResult>(self);
    connect(watcher, &QFutureWatcher<PayloadResult>::finished, self, [self, watcher, key] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            self->previewLoaded(key, watcher->future().result());
        else
            self->previewLoaded(key, std::unexpected(tr("The payload could not be loaded.")));
    });
    watcher->setFuture(m_loader(locator(row)));
    return {};
}

void RecordsModel::previewLoaded(quint64 key, const PayloadResult &result)
{
    if (!m_loading.remove(key))
        return; // cleared meanwhile
    const int row = rowOfSerial(key);
    if (row < 0)
        return;
    if (result) {
        m_previews.insert(key, new QString(previewOf(*result)));
    } else {
        // Cached too, so that a view repainting the row does not fetch it again and again.
        m_previews.insert(key, new QString(tr("(payload unavailable: %1)").arg(result.error())));
        emit previewFailed(key, result.error());
    }
    const QModelIndex cell = index(row, PreviewColumn);
    emit dataChanged(cell, cell, {Qt::DisplayRole, Qt::ToolTipRole, ModelRole::PreviewRole});
}

} // namespace shardscope
