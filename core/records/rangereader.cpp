#include "rangereader.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "kinesis/limits.h"

#include <QTimer>

#include <algorithm>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr int kPageLimit = KinesisLimits::kGetRecordsMaxRecords;
constexpr int kAwsReadIntervalMs = 1000 / KinesisLimits::kShardGetRecordsPerSecond;
constexpr int kThrottleWaitMs = 1000;
constexpr int kMaxThrottledReads = 20;

std::optional<SequenceNumber> sequence(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    return SequenceNumber::fromWire(text);
}

} // namespace

RangeReader::RangeReader(QObject *parent) : QObject(parent) {}

RangeReader::~RangeReader() = default;

void RangeReader::start(StreamBackend *backend, const QString &streamName,
                        const RecordRange &range, qsizetype maxRecords)
{
    ++m_generation;
    m_backend = backend;
    m_streamName = streamName;
    m_range = range;
    m_maxRecords = maxRecords;
    m_queue.clear();
    m_known.clear();
    m_current = -1;
    m_iterator.clear();
    m_lastSequence.clear();
    m_shardRecords.clear();
    m_records.clear();
    m_shardsDone = 0;
    m_throttled = 0;
    m_error.reset();
    m_running = true;
    m_cancelled = false;
    m_truncated = false;
    if (!backend) {
        const quint64 generation = m_generation;
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (generation == m_generation)
                    finish(Error{ErrorType::ResourceNotFound, tr("The connection is closed.")});
            },
            Qt::QueuedConnection);
        return;
    }
    listShards();
}

void RangeReader::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    ++m_generation; // drops the call in flight
    m_records.append(m_shardRecords);
    m_shardRecords.clear();
    finish();
}

void RangeReader::later(int ms, void (RangeReader::*what)())
{
    const quint64 generation = m_generation;
    QTimer::singleShot(ms, this, [this, generation, what] {
        if (generation == m_generation && m_running)
            (this->*what)();
    });
}

void RangeReader::listShards()
{
    const quint64 generation = m_generation;
    onResult(this, m_backend->listAllShards(StreamTarget::byName(m_streamName)),
             [this, generation](BackendResult<QList<Shard>> result) {
                 if (generation != m_generation)
                     return;
                 if (!result) {
                     finish(result.error());
                     return;
                 }
                 QList<Shard> shards = *result;
                 // Shard ids count up as shards are made, so this puts parents first.
                 std::sort(shards.begin(), shards.end(), [](const Shard &a, const Shard &b) {
                     return a.shardId < b.shardId;
                 });
                 for (const Shard &shard : shards) {
                     if (!m_range.shardIds.isEmpty() && !m_range.shardIds.contains(shard.shardId))
                         continue;
                     m_known.insert(shard.shardId);
                     m_queue.append({shard.shardId, shard.startingSequenceNumber.toString(),
                                     shard.endingSequenceNumber
                                         ? shard.endingSequenceNumber->toString()
                                         : QString()});
                 }
                 emit progress(0, 0, int(m_queue.size()));
                 nextShard();
             });
}

bool RangeReader::canHoldRange(const ShardToRead &shard) const
{
    const auto start = sequence(shard.startingSequence);
    const auto end = sequence(shard.endingSequence);
    if (m_range.kind == RecordRange::Kind::Time) {
        // Only the emulator's numbers carry their time.
        if (start && !start->isForeign() && start->arrivalMs() > m_range.toMs)
            return false;
        if (end && !end->isForeign() && end->arrivalMs() < m_range.fromMs)
            return false;
        return true;
    }
    const auto from = sequence(m_range.fromSequence);
    const auto to = sequence(m_range.toSequence);
    if (start && to && *start > *to)
        return false;
    if (end && from && *end < *from)
        return false;
    return true;
}

void RangeReader::nextShard()
{
    while (++m_current < m_queue.size()) {
        if (canHoldRange(m_queue.at(m_current)))
            break;
        ++m_shardsDone;
    }
    if (m_current >= m_queue.size()) {
        finish();
        return;
    }
    m_iterator.clear();
    m_lastSequence.clear();
    m_shardRecords.clear();
    m_throttled = 0;
    m_triedTrimHorizon = false;
    requestIterator(false);
}

void RangeReader::requestIterator(bool renew)
{
    const ShardToRead &shard = m_queue.at(m_current);
    GetShardIteratorRequest request;
    request.target = StreamTarget::byName(m_streamName);
    request.shardId = shard.shardId;
    if (renew && !m_lastSequence.isEmpty()) {
        request.shardIteratorType = ShardIteratorType::AfterSequenceNumber;
        request.startingSequenceNumber = m_lastSequence;
    } else if (m_triedTrimHorizon) {
        request.shardIteratorType = ShardIteratorType::TrimHorizon;
    } else if (m_range.kind == RecordRange::Kind::Time) {
        request.shardIteratorType = ShardIteratorType::AtTimestamp;
        request.timestamp = m_range.fromMs;
    } else if (m_range.fromSequence.isEmpty()) {
        request.shardIteratorType = ShardIteratorType::TrimHorizon;
    } else {
        const auto own = SequenceNumber::parse(m_range.fromSequence);
        if (own && shardNumber(shard.shardId) != own->shardIndex) {
            // The emulator's number names another shard; its time is where to start here.
            request.shardIteratorType = ShardIteratorType::AtTimestamp;
            request.timestamp = own->arrivalMs();
        } else {
            request.shardIteratorType = ShardIteratorType::AtSequenceNumber;
            request.startingSequenceNumber = m_range.fromSequence;
        }
    }
    const quint64 generation = m_generation;
    onResult(this, m_backend->getShardIterator(request),
             [this, generation, renew](BackendResult<GetShardIteratorResponse> result) {
                 if (generation != m_generation)
                     return;
                 if (!result) {
                     if (retryAfterThrottle(result.error())) {
                         later(kThrottleWaitMs, &RangeReader::read);
                         return;
                     }
                     if (result.error().type == ErrorType::InvalidArgument && !renew
                         && !m_triedTrimHorizon) {
                         // A sequence number from another shard, a time still to come: read
                         // the shard from its start and let the range pick the records.
                         m_triedTrimHorizon = true;
                         requestIterator(false);
                         return;
                     }
                     finish(result.error());
                     return;
                 }
                 m_iterator = result->shardIterator;
                 read();
             });
}

bool RangeReader::retryAfterThrottle(const Error &error)
{
    if (error.type != ErrorType::ProvisionedThroughputExceeded
        && error.type != ErrorType::LimitExceeded && error.type != ErrorType::KmsThrottling)
        return false;
    return ++m_throttled <= kMaxThrottledReads;
}

void RangeReader::read()
{
    if (!m_backend) {
        finish(Error{ErrorType::ResourceNotFound, tr("The connection was closed.")});
        return;
    }
    if (m_iterator.isEmpty()) {
        requestIterator(false);
        return;
    }
    GetRecordsRequest request;
    request.shardIterator = m_iterator;
    request.limit = kPageLimit;
    const quint64 generation = m_generation;
    onResult(this, m_backend->getRecords(request),
             [this, generation](BackendResult<GetRecordsResponse> result) {
                 if (generation != m_generation)
                     return;
                 if (!result) {
                     if (result.error().type == ErrorType::ExpiredIterator) {
                         requestIterator(true);
                         return;
                     }
                     if (retryAfterThrottle(result.error())) {
                         later(kThrottleWaitMs, &RangeReader::read);
                         return;
                     }
                     finish(result.error());
                     return;
                 }
                 handlePage(*result);
             });
}

bool RangeReader::isBeforeStart(const RecordEntry &record) const
{
    if (m_range.kind == RecordRange::Kind::Time)
        return record.arrivalMs < m_range.fromMs;
    const auto from = sequence(m_range.fromSequence);
    const auto seq = sequence(record.sequenceNumber);
    return from && seq && *seq < *from;
}

bool RangeReader::isPastEnd(const RecordEntry &record) const
{
    if (m_range.kind == RecordRange::Kind::Time)
        return record.arrivalMs > m_range.toMs;
    const auto to = sequence(m_range.toSequence);
    const auto seq = sequence(record.sequenceNumber);
    return to && seq && *seq > *to;
}

void RangeReader::handlePage(const GetRecordsResponse &page)
{
    const QString shardId = m_queue.at(m_current).shardId;
    bool pastEnd = false;
    for (const Record &record : page.records) {
        RecordEntry entry = recordEntry(record, shardId);
        m_lastSequence = entry.sequenceNumber;
        if (isPastEnd(entry)) {
            pastEnd = true;
            break;
        }
        if (isBeforeStart(entry))
            continue;
        m_shardRecords.append(std::move(entry));
        if (m_records.size() + m_shardRecords.size() >= m_maxRecords) {
            m_truncated = true;
            m_records.append(m_shardRecords);
            m_shardRecords.clear();
            finish();
            return;
        }
    }
    emit progress(m_records.size() + m_shardRecords.size(), m_shardsDone, int(m_queue.size()));
    if (page.childShards) {
        for (const ChildShard &child : *page.childShards) {
            if (m_known.contains(child.shardId))
                continue;
            if (!m_range.shardIds.isEmpty() && !m_range.shardIds.contains(child.shardId))
                continue;
            m_known.insert(child.shardId);
            m_queue.append({child.shardId, QString(), QString()});
        }
    }
    // An empty page at the tip ends an open shard (a full page may be followed by more, even
    // when the clock says it is not behind).
    const bool atTip = page.records.isEmpty() && page.millisBehindLatest == 0;
    if (pastEnd || page.childShards || !page.nextShardIterator || atTip) {
        shardDone();
        return;
    }
    m_iterator = *page.nextShardIterator;
    if (m_backend->kind() == BackendKind::Aws)
        later(kAwsReadIntervalMs, &RangeReader::read);
    else
        read();
}

void RangeReader::shardDone()
{
    m_records.append(m_shardRecords);
    m_shardRecords.clear();
    ++m_shardsDone;
    emit progress(m_records.size(), m_shardsDone, int(m_queue.size()));
    nextShard();
}

void RangeReader::finish(std::optional<Error> error)
{
    if (!m_running)
        return;
    m_running = false;
    m_error = std::move(error);
    // Arrival order; within a millisecond, sequence number order (the put order on the
    // emulator, parents before children everywhere).
    struct Key
    {
        qint64 arrivalMs;
        std::optional<SequenceNumber> sequence;
        qsizetype index;
    };
    QList<Key> keys;
    keys.reserve(m_records.size());
    for (qsizetype i = 0; i < m_records.size(); ++i)
        keys.append({m_records.at(i).arrivalMs, sequence(m_records.at(i).sequenceNumber), i});
    std::stable_sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) {
        if (a.arrivalMs != b.arrivalMs)
            return a.arrivalMs < b.arrivalMs;
        return a.sequence && b.sequence && *a.sequence < *b.sequence;
    });
    QList<RecordEntry> sorted;
    sorted.reserve(m_records.size());
    for (const Key &key : keys)
        sorted.append(std::move(m_records[key.index]));
    m_records = std::move(sorted);
    emit finished(m_cancelled);
}

} // namespace shardscope
