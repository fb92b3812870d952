#include "shardreadersmodel.h"

#include "backend/streambackend.h"
#include "kinesis/sequencenumber.h"
#include "kinesis/shardusage.h"
#include "models/durationtext.h"
#include "models/livesubscriptionsmodel.h"
#include "models/modelroles.h"
#include "models/sortedsync.h"
#include "models/usagetext.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace shardscope {

namespace {

// Sequence numbers are decimal strings of up to 129 digits; padded, text order is numeric order.
constexpr qsizetype kSequenceWidth = 129;

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString rowKey(const ShardReader &r)
{
    return r.shardId + u'\n' + r.reader.userAgent + u'\n' + r.reader.accessKeyId + u'\n' +
           r.reader.peerAddress;
}

} // namespace

ShardReadersModel::ShardReadersModel(QObject *parent)
    : QAbstractTableModel(parent),
      m_binding([this](const StreamBinding::Refresh &refresh) { read(refresh); })
{
    m_binding.setPolling(kReadersPart, kPollMs);
    m_binding.setPollCondition([](const StreamBackend &backend) { return backend.hasShardReaders(); });
}

ShardReadersModel::~ShardReadersModel() = default;

void ShardReadersModel::setStream(StreamBackend *backend, const QString &streamName)
{
    m_binding.bind(backend, streamName);
    m_binding.setPollingActive(false);
    beginResetModel();
    m_rows.clear();
    m_error.clear();
    endResetModel();
    m_binding.resumePolling();
}

bool ShardReadersModel::isAvailable() const
{
    return m_binding.isBound() && m_binding.backend()->hasShardReaders();
}

void ShardReadersModel::refresh()
{
    if (isAvailable())
        m_binding.requestNow(kReadersPart);
}

void ShardReadersModel::setClock(std::function<qint64()> nowMs)
{
    m_clock = std::move(nowMs);
}

qint64 ShardReadersModel::nowMs() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void ShardReadersModel::read(const StreamBinding::Refresh &refresh)
{
    StreamBackend *backend = m_binding.backend();
    if (!backend->hasShardReaders()) {
        m_binding.finish(refresh);
        return;
    }
    m_binding.deliver(refresh, backend->shardReaders(m_binding.streamName()),
                      [this, refresh](BackendResult<QList<ShardReader>> result) {
                          m_binding.finish(refresh);
                          if (result) {
                              m_error.clear();
                              apply(*result);
                          } else {
                              // The stream went away or the read failed: the rows stay as they
                              // were, the view says why.
                              m_error = result.error().message;
                          }
                          emit refreshed();
                      });
}

void ShardReadersModel::apply(const QList<ShardReader> &readers)
{
    QList<ShardReader> incoming;
    for (const ShardReader &reader : readers) {
        if (reader.streamName == m_binding.streamName())
            incoming.append(reader);
    }
    std::sort(incoming.begin(), incoming.end(),
              [](const ShardReader &a, const ShardReader &b) { return rowKey(a) < rowKey(b); });
    syncSorted(
        m_rows, incoming, rowKey,
        [](ShardReader &current, const ShardReader &next) {
            current = next;
            return true; // "last read … ago" moves on with the clock
        },
        TableSyncHooks<ShardReadersModel>{this, ColumnCount});
}

QString ShardReadersModel::clientName(const Caller &caller)
{
    if (caller.isThisApp())
        return tr("Shardscope (this app)");
    const QString product = caller.userAgent.section(u' ', 0, 0, QString::SectionSkipEmpty);
    return product.isEmpty() ? tr("Unknown client") : product;
}

QString ShardReadersModel::readerText(const Caller &caller)
{
    QStringList details;
    if (!caller.accessKeyId.isEmpty())
        details.append(caller.accessKeyId);
    if (!caller.peerAddress.isEmpty())
        details.append(caller.peerAddress);
    if (details.isEmpty())
        return clientName(caller);
    return tr("%1 (%2)").arg(clientName(caller), details.join(QStringLiteral(", ")));
}

QString ShardReadersModel::stateText(ReaderState state)
{
    switch (state) {
    case ReaderState::Reading:
        return tr("Reading");
    case ReaderState::Idle:
        return tr("Idle");
    case ReaderState::Gone:
        return tr("Gone");
    }
    return {};
}

int ShardReadersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ShardReadersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShardReadersModel::display(const ShardReader &r, Column column) const
{
    const QLocale locale;
    switch (column) {
    case ShardColumn:
        return r.shardId;
    case ReaderColumn:
        return readerText(r.reader);
    case PositionColumn:
        if (r.lastSequenceNumber.isEmpty())
            return tr("Unknown");
        // A TRIM_HORIZON iterator that has read nothing yet stands before every record.
        if (const auto ours = SequenceNumber::parse(r.lastSequenceNumber); ours && ours->counter == 0)
            return tr("Trim horizon");
        return LiveSubscriptionsModel::abbreviatedSequenceNumber(r.lastSequenceNumber);
    case BehindColumn:
        return tr("%1 rec · %2 · %3")
            .arg(locale.toString(r.recordsBehind), locale.formattedDataSize(r.bytesBehind),
                 DurationText::compact(r.millisBehindLatest));
    case CallRateColumn:
        return UsageText::rate(r.callsPerSecond, ShardUsage::Measure::Calls);
    case RecordRateColumn:
        return UsageText::rate(r.recordsPerSecond, ShardUsage::Measure::Records);
    case ThrottledColumn:
        return locale.toString(r.throttledCalls);
    case ExpiredColumn:
        return locale.toString(r.expiredIterators);
    case LastReadColumn:
        return DurationText::ago(nowMs() - r.lastCallMs);
    case StateColumn:
        return stateText(r.state);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ShardReadersModel::sortValue(const ShardReader &r, Column column) const
{
    switch (column) {
    case ShardColumn:
        return r.shardId;
    case ReaderColumn:
        return readerText(r.reader);
    case PositionColumn:
        return r.lastSequenceNumber.rightJustified(kSequenceWidth, u'0');
    case BehindColumn:
        return r.recordsBehind;
    case CallRateColumn:
        return r.callsPerSecond;
    case RecordRateColumn:
        return r.recordsPerSecond;
    case ThrottledColumn:
        return r.throttledCalls;
    case ExpiredColumn:
        return r.expiredIterators;
    case LastReadColumn:
        return r.lastCallMs;
    case StateColumn:
        return int(r.state);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ShardReadersModel::toolTip(const ShardReader &r, Column column) const
{
    const QLocale locale;
    switch (column) {
    case ReaderColumn: {
        QStringList lines;
        lines.append(tr("User agent: %1").arg(r.reader.userAgent.isEmpty() ? tr("none")
                                                                            : r.reader.userAgent));
        if (!r.reader.accessKeyId.isEmpty())
            lines.append(tr("Access key id: %1").arg(r.reader.accessKeyId));
        lines.append(tr("Address: %1").arg(r.reader.peerAddress.isEmpty() ? tr("this app")
                                                                          : r.reader.peerAddress));
        return lines.join(u'\n');
    }
    case PositionColumn:
        return r.lastSequenceNumber.isEmpty()
            ? tr("No position is known yet.")
            : tr("Last sequence number read (or where its iterator starts): %1")
                  .arg(r.lastSequenceNumber);
    case BehindColumn:
        return tr("Readable records after this position: %L1 (%2). The last GetRecords said "
                  "MillisBehindLatest %L3 ms.")
            .arg(r.recordsBehind)
            .arg(locale.formattedDataSize(r.bytesBehind))
            .arg(r.millisBehindLatest);
    case CallRateColumn:
    case RecordRateColumn:
        return tr("Over the last few seconds. In all: %L1 GetRecords calls, %L2 GetShardIterator "
                  "calls, %L3 records (%4).")
            .arg(r.getRecordsCalls)
            .arg(r.iteratorCalls)
            .arg(r.records)
            .arg(locale.formattedDataSize(r.bytes));
    case ThrottledColumn:
        return tr("GetRecords calls refused with ProvisionedThroughputExceededException (a shard "
                  "allows 5 calls and 2 MiB a second).");
    case ExpiredColumn:
        return tr("GetRecords calls refused with ExpiredIteratorException (an iterator lives 5 "
                  "minutes).");
    case LastReadColumn:
        return QLocale().toString(utc(r.lastCallMs).toLocalTime(), QLocale::LongFormat);
    case StateColumn:
        return tr("Reading: called within the last 10 s. Idle: not for 10 s. Gone: not for a "
                  "minute; the row goes after 5 minutes.");
    case ShardColumn:
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ShardReadersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ShardReader &r = m_rows[index.row()];
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(r, column);
    case Qt::ToolTipRole:
        return toolTip(r, column);
    case ModelRole::SortRole:
        return sortValue(r, column);
    case ModelRole::ShardIdRole:
        return r.shardId;
    case ModelRole::UserAgentRole:
        return r.reader.userAgent;
    case ModelRole::AccessKeyIdRole:
        return r.reader.accessKeyId;
    case ModelRole::PeerAddressRole:
        return r.reader.peerAddress;
    case ModelRole::SequenceNumberRole:
        return r.lastSequenceNumber;
    case ModelRole::RecordsBehindRole:
        return r.recordsBehind;
    case ModelRole::BytesBehindRole:
        return r.bytesBehind;
    case ModelRole::LagRole:
        return r.millisBehindLatest;
    case ModelRole::CallsPerSecondRole:
        return r.callsPerSecond;
    case ModelRole::RecordsPerSecondRole:
        return r.recordsPerSecond;
    case ModelRole::RecordCountRole:
        return r.records;
    case ModelRole::BytesRole:
        return r.bytes;
    case ModelRole::ThrottledCountRole:
        return r.throttledCalls;
    case ModelRole::ExpiredIteratorCountRole:
        return r.expiredIterators;
    case ModelRole::LastCallTimeRole:
        return utc(r.lastCallMs);
    case ModelRole::ReaderStateRole:
        return int(r.state);
    case Qt::TextAlignmentRole:
        if (column == CallRateColumn || column == RecordRateColumn || column == ThrottledColumn ||
            column == ExpiredColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    default:
        return {};
    }
}

QVariant ShardReadersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ShardColumn:
        return tr("Shard");
    case ReaderColumn:
        return tr("Reader");
    case PositionColumn:
        return tr("Position");
    case BehindColumn:
        return tr("Behind");
    case CallRateColumn:
        return tr("Calls/s");
    case RecordRateColumn:
        return tr("Records/s");
    case ThrottledColumn:
        return tr("Throttled");
    case ExpiredColumn:
        return tr("Expired iterators");
    case LastReadColumn:
        return tr("Last read");
    case StateColumn:
        return tr("State");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace shardscope
