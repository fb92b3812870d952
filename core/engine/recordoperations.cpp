// Records: PutRecord, PutRecords, GetShardIterator, GetRecords, and the record counts the GUI
// shows (not Kinesis operations).

#include "enginecore.h"
#include "requestvalidation.h"

#include "kinesis/recordsink.h"
#include "kinesis/shardid.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLocale>
#include <QVarLengthArray>

#include <algorithm>
#include <limits>

namespace shardscope {

using namespace RequestValidation;

namespace {

using namespace KinesisLimits;

QString javaDate(qint64 ms)
{
    // Java's Date.toString() in UTC, as Kinesis prints iterator times.
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return QLocale::c().toString(t, QStringLiteral("ddd MMM dd HH:mm:ss 'UTC' yyyy"));
}

// The stored record for a put: its key as stored, and the hash key that routes it.
std::expected<RecordStore::Input, Error> putInput(const QByteArray &data,
                                                  const QString &partitionKey,
                                                  const std::optional<QString> &explicitHashKey)
{
    RecordStore::Input input;
    input.data = data;
    input.partitionKey = partitionKey.toUtf8();
    if (explicitHashKey) {
        const auto key = HashKey::fromDecimal(*explicitHashKey);
        if (!key)
            return std::unexpected(invalidArgument(
                u"Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. "
                u"Specified value was " %
                *explicitHashKey));
        input.explicitHashKey = key;
        input.hashKey = *key;
    } else {
        const QByteArray digest =
            QCryptographicHash::hash(input.partitionKey, QCryptographicHash::Md5);
        input.hashKey =
            HashKey::fromBigEndian(reinterpret_cast<const unsigned char *>(digest.constData()));
    }
    return input;
}

// What a put stored: per input its sequence number, or nothing when its shard's throughput
// limit refused it (throttledShard says which shard).
struct PutOutcome
{
    QList<std::optional<SequenceNumber>> sequenceNumbers;
    QList<quint32> throttledShard;
    EncryptionType encryptionType = EncryptionType::None;
};

// PutRecord's and PutRecords's ProvisionedThroughputExceededException message.
QString writeRateExceeded(const EngineCore &core, const QString &streamName, quint32 shard)
{
    return u"Rate exceeded for shard " % ShardId::format(shard) % u" in stream " % streamName %
           u" under account " % core.account() % u'.';
}

// Counts unlimited appends for the limiter's usage: one call per shard the batch wrote to, not
// one lock per record.
void countUse(ThroughputLimiter &limiter, qint64 streamId, const QList<RecordStore::Input> &inputs,
              const QList<SequenceNumber> &stored, qint64 nowMs)
{
    struct Tally
    {
        quint32 shard;
        qint64 records;
        qint64 bytes;
    };
    QVarLengthArray<Tally, 16> tallies;
    for (qsizetype i = 0; i < stored.size(); ++i) {
        const quint32 shard = stored[i].shardIndex;
        auto it = std::find_if(tallies.begin(), tallies.end(),
                               [shard](const Tally &tally) { return tally.shard == shard; });
        if (it == tallies.end()) {
            tallies.append(Tally{shard, 0, 0});
            it = tallies.end() - 1;
        }
        it->records++;
        it->bytes += inputs[i].data.size() + inputs[i].partitionKey.size();
    }
    for (const Tally &tally : tallies)
        limiter.countWrites(streamId, tally.shard, tally.records, tally.bytes, nowMs);
}

// Appends to stream `name` as the writer's working catalog has it now: each input goes to the
// open shard its hash key routes to, if that shard's write limit admits it.
std::expected<PutOutcome, Error> append(EngineCore &core, const QString &name,
                                        const QList<RecordStore::Input> &inputs)
{
    return core.write<PutOutcome>([&](SqliteDb &db) -> std::expected<PutOutcome, Error> {
        const qint64 nowMs = core.now();
        const auto current = core.liveStream(name, nowMs);
        if (!current)
            return std::unexpected(current.error());
        const StreamMeta &stream = **current;
        PutOutcome outcome;
        outcome.encryptionType = stream.encryptionType;
        outcome.sequenceNumbers.resize(inputs.size());
        ThroughputLimiter &limiter = core.limiter();
        if (!limiter.isEnabled()) {
            auto appended = core.records().append(db, stream, inputs, nowMs);
            if (!appended)
                return std::unexpected(appended.error());
            for (qsizetype i = 0; i < inputs.size(); ++i)
                outcome.sequenceNumbers[i] = appended->sequenceNumbers[i];
            outcome.encryptionType = appended->encryptionType;
            countUse(limiter, stream.id, inputs, appended->sequenceNumbers, nowMs);
            return outcome;
        }
        outcome.throttledShard.resize(inputs.size());
        QList<RecordStore::Input> admitted;
        QList<qsizetype> admittedAt;
        admitted.reserve(inputs.size());
        admittedAt.reserve(inputs.size());
        for (qsizetype i = 0; i < inputs.size(); ++i) {
            const RecordStore::Input &input = inputs[i];
            const quint32 shard = stream.routeTo(input.hashKey).index;
            if (!limiter.admitWrite(stream.id, shard,
                                    input.data.size() + input.partitionKey.size(), nowMs)) {
                outcome.throttledShard[i] = shard;
                continue;
            }
            admitted.append(input);
            admittedAt.append(i);
        }
        if (admitted.isEmpty())
            return outcome;
        auto appended = core.records().append(db, stream, admitted, nowMs);
        if (!appended)
            return std::unexpected(appended.error());
        for (qsizetype j = 0; j < admittedAt.size(); ++j)
            outcome.sequenceNumbers[admittedAt[j]] = appended->sequenceNumbers[j];
        outcome.encryptionType = appended->encryptionType;
        return outcome;
    });
}

// Hands records on to another sink, counting their payload bytes (what reads are charged).
class CountingSink final : public RecordSink
{
public:
    explicit CountingSink(RecordSink &inner) : m_inner(inner) {}
    void record(const RecordView &view) override
    {
        m_bytes += view.data.size();
        m_inner.record(view);
    }
    qint64 bytes() const { return m_bytes; }

private:
    RecordSink &m_inner;
    qint64 m_bytes = 0;
};

} // namespace

namespace RecordOperations {

std::expected<PutRecordResponse, Error> putRecord(EngineCore &core, const PutRecordRequest &request)
{
    ValidationErrors v;
    if (request.sequenceNumberForOrdering &&
        !SequenceNumber::matchesWirePattern(*request.sequenceNumberForOrdering))
        v.pattern(QStringLiteral("sequenceNumberForOrdering"), *request.sequenceNumberForOrdering,
                  kSequencePattern);
    if (request.partitionKey.isNull())
        v.addNull(QStringLiteral("partitionKey"));
    else
        checkLength(v, QStringLiteral("partitionKey"), request.partitionKey, 1,
                    kMaxPartitionKeyLength);
    if (request.explicitHashKey && !matchesHashKeyPattern(*request.explicitHashKey))
        v.pattern(QStringLiteral("explicitHashKey"), *request.explicitHashKey, kHashKeyPattern);
    if (request.data.isNull())
        v.addNull(QStringLiteral("data"));
    else if (request.data.size() > kMaxRecordBytes)
        v.lengthAtMost(QStringLiteral("data"), blobDescription(request.data.size()),
                       kMaxRecordBytes);
    if (!v.isEmpty())
        return std::unexpected(v.toError());

    auto input = putInput(request.data, request.partitionKey, request.explicitHashKey);
    if (!input)
        return std::unexpected(input.error());

    auto resolved = core.resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &stream = **resolved;
    const qint64 nowMs = core.now();
    const StreamStatus status = stream.effectiveStatus(nowMs);
    if (status != StreamStatus::Active && status != StreamStatus::Updating)
        return std::unexpected(core.notFound(stream.name));
    if (request.sequenceNumberForOrdering) {
        const auto seq = core.parseOwnSequenceNumber(*request.sequenceNumberForOrdering);
        if (!seq || seq->arrivalMs() > nowMs)
            return std::unexpected(invalidArgument(
                u"ExclusiveMinimumSequenceNumber " % *request.sequenceNumberForOrdering %
                u" used in PutRecord on stream " % stream.name % u" under account " %
                core.account() % u" is invalid."));
    }
    const qint64 maxBytes = stream.maxRecordSizeKiB * kKiB;
    if (request.data.size() > maxBytes)
        return std::unexpected(Error::validation(
            {u"Value '" % blobDescription(request.data.size()) %
             u"' at 'data' failed to satisfy constraint: Member must have length less than or "
             u"equal to " %
             QString::number(maxBytes)}));

    auto outcome = append(core, stream.name, {*input});
    if (!outcome)
        return std::unexpected(outcome.error());
    if (!outcome->sequenceNumbers.front())
        return std::unexpected(
            Error{ErrorType::ProvisionedThroughputExceeded,
                  writeRateExceeded(core, stream.name, outcome->throttledShard.front())});
    const SequenceNumber seq = *outcome->sequenceNumbers.front();
    return PutRecordResponse{ShardId::format(seq.shardIndex), seq, outcome->encryptionType};
}

std::expected<PutRecordsResponse, Error> putRecords(EngineCore &core,
                                                    const PutRecordsRequest &request)
{
    ValidationErrors v;
    if (request.records.isEmpty())
        v.add(QStringLiteral("records"), QStringLiteral("[]"),
              QStringLiteral("Member must have length greater than or equal to 1"));
    else if (request.records.size() > kPutRecordsMaxRecords)
        v.add(QStringLiteral("records"),
              QStringLiteral("[com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@%1 ...]")
                  .arg(request.records.size()),
              QStringLiteral("Member must have length less than or equal to %1")
                  .arg(kPutRecordsMaxRecords));
    for (qsizetype i = 0; i < request.records.size(); ++i) {
        const PutRecordsRequestEntry &e = request.records[i];
        const QString path = u"records." % QString::number(i + 1) % u".member.";
        if (e.partitionKey.isNull())
            v.addNull(path % u"partitionKey");
        else
            checkLength(v, path % u"partitionKey", e.partitionKey, 1, kMaxPartitionKeyLength);
        if (e.explicitHashKey && !matchesHashKeyPattern(*e.explicitHashKey))
            v.pattern(path % u"explicitHashKey", *e.explicitHashKey, kHashKeyPattern);
        if (e.data.isNull())
            v.addNull(path % u"data");
        else if (e.data.size() > kMaxRecordBytes)
            v.lengthAtMost(path % u"data", blobDescription(e.data.size()), kMaxRecordBytes);
    }
    if (!v.isEmpty())
        return std::unexpected(v.toError());

    qint64 totalBytes = 0;
    QList<RecordStore::Input> inputs;
    inputs.reserve(request.records.size());
    for (const PutRecordsRequestEntry &e : request.records) {
        auto input = putInput(e.data, e.partitionKey, e.explicitHashKey);
        if (!input)
            return std::unexpected(input.error());
        totalBytes += input->data.size() + input->partitionKey.size();
        inputs.append(std::move(*input));
    }
    if (totalBytes > kPutRecordsMaxBytes)
        return std::unexpected(invalidArgument(QStringLiteral("Records size exceeds 5 MB limit")));

    auto resolved = core.resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &stream = **resolved;
    const StreamStatus status = stream.effectiveStatus(core.now());
    if (status != StreamStatus::Active && status != StreamStatus::Updating)
        return std::unexpected(core.notFound(stream.name));

    // Records over the stream's maximum record size fail alone, as Kinesis reports them.
    const qint64 maxBytes = stream.maxRecordSizeKiB * kKiB;
    PutRecordsResponse response;
    response.encryptionType = stream.encryptionType;
    response.records.resize(inputs.size());
    QList<RecordStore::Input> accepted;
    QList<qsizetype> acceptedAt;
    accepted.reserve(inputs.size());
    acceptedAt.reserve(inputs.size());
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const qint64 size = inputs[i].data.size();
        if (size > maxBytes) {
            response.records[i].errorCode = QStringLiteral("InvalidArgumentException");
            response.records[i].errorMessage =
                QStringLiteral("Record size %1 bytes exceeds the maximum record size of %2 KiB "
                               "for stream %3 under account %4.")
                    .arg(size)
                    .arg(stream.maxRecordSizeKiB)
                    .arg(stream.name, core.account());
            response.failedRecordCount++;
            continue;
        }
        accepted.append(std::move(inputs[i]));
        acceptedAt.append(i);
    }
    if (accepted.isEmpty())
        return response;

    auto outcome = append(core, stream.name, accepted);
    if (!outcome)
        return std::unexpected(outcome.error());
    response.encryptionType = outcome->encryptionType;
    for (qsizetype j = 0; j < acceptedAt.size(); ++j) {
        PutRecordsResultEntry &entry = response.records[acceptedAt[j]];
        const std::optional<SequenceNumber> &seq = outcome->sequenceNumbers[j];
        if (!seq) {
            // Throttled: only this entry fails, as Kinesis reports it.
            entry.errorCode = QStringLiteral("ProvisionedThroughputExceededException");
            entry.errorMessage = writeRateExceeded(core, stream.name, outcome->throttledShard[j]);
            response.failedRecordCount++;
            continue;
        }
        entry.sequenceNumber = *seq;
        entry.shardId = ShardId::format(seq->shardIndex);
    }
    return response;
}

QList<ChildShard> childShards(const StreamMeta &stream, const ShardMeta &shard)
{
    QList<ChildShard> children;
    for (const ShardMeta &child : stream.shards) {
        if (child.parent != shard.index && child.adjacentParent != shard.index)
            continue;
        ChildShard c;
        c.shardId = ShardId::format(child.index);
        if (child.parent)
            c.parentShards.append(ShardId::format(*child.parent));
        if (child.adjacentParent)
            c.parentShards.append(ShardId::format(*child.adjacentParent));
        c.hashKeyRange = child.range;
        children.append(c);
    }
    return children;
}

std::expected<qint64, Error> startingCounter(const EngineCore &core, const StreamMeta &stream,
                                             const ShardMeta &shard, ShardIteratorType type,
                                             const std::optional<QString> &startingSequenceNumber,
                                             const std::optional<qint64> &timestamp,
                                             const QString &operation)
{
    const QString &account = core.account();
    const QString shardId = ShardId::format(shard.index);
    const qint64 nowMs = core.now();
    const bool needsSequence = type == ShardIteratorType::AtSequenceNumber ||
                               type == ShardIteratorType::AfterSequenceNumber;
    const QString prefix = QStringLiteral(
        "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and "
        "StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. "
        "Request specified ");
    if (needsSequence && !startingSequenceNumber)
        return std::unexpected(
            invalidArgument(prefix % toWire(type) % u" and no StartingSequenceNumber."));
    if ((type == ShardIteratorType::TrimHorizon || type == ShardIteratorType::Latest) &&
        startingSequenceNumber)
        return std::unexpected(
            invalidArgument(prefix % toWire(type) % u" and also a StartingSequenceNumber."));

    qint64 position = 0;
    switch (type) {
    case ShardIteratorType::TrimHorizon:
        position = 0; // reads clamp to the trim horizon
        break;
    case ShardIteratorType::Latest: {
        if (shard.endCounter) {
            position = *shard.endCounter + 1;
            break;
        }
        const auto last = core.records().lastCounter(stream.id, shard.index);
        if (!last)
            return std::unexpected(last.error());
        position = *last ? **last + 1 : shard.startCounter;
        break;
    }
    case ShardIteratorType::AtSequenceNumber:
    case ShardIteratorType::AfterSequenceNumber: {
        const QString &text = *startingSequenceNumber;
        const auto seq = core.parseOwnSequenceNumber(text);
        if (!seq)
            return std::unexpected(invalidArgument(u"StartingSequenceNumber " % text %
                                                   u" used in " % operation % u" on shard " %
                                                   shardId % u" in stream " % stream.name %
                                                   u" under account " % account % u" is invalid."));
        if (seq->shardIndex != shard.index)
            return std::unexpected(invalidArgument(
                u"Invalid StartingSequenceNumber. It encodes " % ShardId::format(seq->shardIndex) %
                u", while it was used in a call to a shard with " % shardId));
        // SubscribeToShard's continuation before the first record of a shard names the counter
        // just before the shard's start: AFTER it is the shard's start.
        const bool justBeforeStart = type == ShardIteratorType::AfterSequenceNumber &&
                                     seq->counter + 1 == shard.startCounter;
        if (!justBeforeStart && (seq->arrivalMs() < stream.createdMs ||
                                 seq->counter < shard.startCounter || seq->arrivalMs() > nowMs))
            return std::unexpected(invalidArgument(
                u"StartingSequenceNumber " % text % u" used in " % operation % u" on shard " %
                shardId % u" in stream " % stream.name % u" under account " % account %
                u" is invalid because it did not come from this stream."));
        position = type == ShardIteratorType::AtSequenceNumber ? seq->counter : seq->counter + 1;
        break;
    }
    case ShardIteratorType::AtTimestamp: {
        if (!timestamp)
            return std::unexpected(invalidArgument(QStringLiteral(
                "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. "
                "Current request has no timestamp parameter.")));
        if (*timestamp > nowMs)
            return std::unexpected(invalidArgument(
                QStringLiteral("The timestampInMillis parameter cannot be greater than the "
                               "currentTimestampInMillis. timestampInMillis: %1, "
                               "currentTimestampInMillis: %2")
                    .arg(*timestamp)
                    .arg(nowMs)));
        position = SequenceNumber::counterAt(std::max<qint64>(*timestamp, 0));
        break;
    }
    }

    return position;
}

std::expected<GetShardIteratorResponse, Error>
getShardIterator(const EngineCore &core, const GetShardIteratorRequest &request)
{
    ValidationErrors v;
    if (request.shardId.isNull())
        v.addNull(QStringLiteral("shardId"));
    else
        checkName(v, QStringLiteral("shardId"), request.shardId, true);
    if (request.startingSequenceNumber &&
        !SequenceNumber::matchesWirePattern(*request.startingSequenceNumber))
        v.pattern(QStringLiteral("startingSequenceNumber"), *request.startingSequenceNumber,
                  kSequencePattern);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    checkArn(v, QStringLiteral("streamARN"), request.target.streamArn, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());

    const QString &account = core.account();
    const auto index = ShardId::parse(request.shardId);
    const QString streamLabel = targetLabel(request.target);
    if (!index)
        return std::unexpected(Error{ErrorType::ResourceNotFound,
                                     u"Could not find shard " % request.shardId % u" in stream " %
                                         streamLabel % u" under account " % account % u'.'});
    const QString shardId = ShardId::format(*index);
    auto resolved = core.resolve(request.target);
    if (!resolved) {
        if (resolved.error().type != ErrorType::ResourceNotFound)
            return std::unexpected(resolved.error());
        return std::unexpected(Error{ErrorType::ResourceNotFound,
                                     u"Shard " % shardId % u" in stream " % streamLabel %
                                         u" under account " % account % u" does not exist"});
    }
    const StreamMeta &stream = **resolved;
    const qint64 nowMs = core.now();
    // A closed shard past the retention period is gone, as ListShards no longer lists it.
    if (*index >= quint32(stream.shards.size()) || !stream.isListed(stream.shards[*index], nowMs))
        return std::unexpected(Error{ErrorType::ResourceNotFound,
                                     u"Shard " % shardId % u" in stream " % stream.name %
                                         u" under account " % account % u" does not exist"});
    const ShardMeta &shard = stream.shards[*index];

    const auto position = startingCounter(core, stream, shard, request.shardIteratorType,
                                          request.startingSequenceNumber, request.timestamp,
                                          QStringLiteral("GetShardIterator"));
    if (!position)
        return std::unexpected(position.error());

    return GetShardIteratorResponse{core.tokens().seal(ShardIteratorToken{
        nowMs, stream.id, stream.createdMs, stream.name, shard.index, *position})};
}

std::expected<GetRecordsResponse, Error>
getRecords(const EngineCore &core, const GetRecordsRequest &request, RecordSink &sink)
{
    ValidationErrors v;
    checkRange(v, QStringLiteral("limit"), request.limit, 1, kGetRecordsMaxRecords);
    if (request.shardIterator.isNull())
        v.addNull(QStringLiteral("shardIterator"));
    else
        checkLength(v, QStringLiteral("shardIterator"), request.shardIterator, 1,
                    kMaxShardIteratorLength);
    if (!v.isEmpty())
        return std::unexpected(v.toError());

    const qint64 nowMs = core.now();
    const auto iterator = core.tokens().open<ShardIteratorToken>(request.shardIterator, nowMs);
    if (!iterator) {
        if (iterator.error().reason == TokenFault::Reason::Invalid)
            return std::unexpected(invalidArgument(QStringLiteral("Invalid ShardIterator.")));
        const qint64 lifetimeMs = core.tokens().lifetimeMs(TokenKind::ShardIterator);
        return std::unexpected(Error{
            ErrorType::ExpiredIterator,
            u"Iterator expired. The iterator was created at time " %
                javaDate(iterator.error().issuedMs) % u" while right now it is " % javaDate(nowMs) %
                u" which is further in the future than the tolerated delay of " %
                QString::number(lifetimeMs) % u" milliseconds."});
    }
    const QString &name = iterator->streamName;
    const quint32 shardIndex = iterator->shardIndex;

    const auto catalog = core.snapshot();
    const StreamMetaPtr stream = catalog->streams.value(name);
    const QString shardId = ShardId::format(shardIndex);
    // Like Kinesis, an iterator names its stream and shard, not one incarnation of the stream:
    // after a delete and re-create under the same name it reads the new stream's shard.
    if (!stream || stream->isGone(nowMs) || shardIndex >= quint32(stream->shards.size()))
        return std::unexpected(Error{ErrorType::ResourceNotFound,
                                     u"Shard " % shardId % u" in stream " % name %
                                         u" under account " % core.account() % u" does not exist"});
    const ShardMeta &shard = stream->shards[shardIndex];
    const int limit = request.limit.value_or(kGetRecordsMaxRecords);
    const qint64 from =
        std::max(iterator->position, SequenceNumber::counterAt(stream->trimHorizonMs(nowMs)));

    // A throttled call reads nothing and leaves the iterator usable.
    ThroughputLimiter &limiter = core.limiter();
    if (!limiter.admitRead(stream->id, shardIndex, nowMs))
        return std::unexpected(Error{ErrorType::ProvisionedThroughputExceeded,
                                     u"Rate exceeded for Shard - " % core.account() % u'/' %
                                         name % u'/' % shardId});
    CountingSink counting(sink);
    const auto page =
        core.records().read(*stream, shardIndex, from, limit, kGetRecordsMaxBytes, counting);
    if (!page)
        return std::unexpected(page.error());
    limiter.chargeRead(stream->id, shardIndex, counting.bytes(), nowMs);

    GetRecordsResponse response;
    response.millisBehindLatest =
        page->firstUnreadArrivalMs ? std::max<qint64>(0, nowMs - *page->firstUnreadArrivalMs) : 0;
    if (!shard.isOpen() && !page->firstUnreadArrivalMs) {
        // The end of a closed shard: no next iterator; the children to continue with.
        response.childShards = childShards(*stream, shard);
        return response;
    }
    response.nextShardIterator = core.tokens().seal(ShardIteratorToken{
        nowMs, stream->id, stream->createdMs, stream->name, shardIndex, page->next});
    return response;
}

std::expected<qint64, Error> storedRecordCount(const EngineCore &core, const QString &streamName,
                                               const QString &shardId)
{
    const auto catalog = core.snapshot();
    const StreamMetaPtr stream = catalog->streams.value(streamName);
    const auto index = ShardId::parse(shardId);
    if (!stream || !index)
        return std::unexpected(core.notFound(streamName));
    const auto tally = core.records().count(stream->id, *index, std::numeric_limits<qint64>::min(),
                                            std::numeric_limits<qint64>::max());
    if (!tally)
        return std::unexpected(tally.error());
    return tally->records;
}

std::expected<QList<ShardStatistics>, Error> shardStatistics(const EngineCore &core,
                                                             const QString &streamName)
{
    const auto catalog = core.snapshot();
    const StreamMetaPtr stream = catalog->streams.value(streamName);
    const qint64 nowMs = core.now();
    if (!stream || stream->isGone(nowMs))
        return std::unexpected(core.notFound(streamName));
    const qint64 horizon = SequenceNumber::counterAt(stream->trimHorizonMs(nowMs));
    QList<ShardStatistics> result;
    for (const ShardMeta &shard : stream->shards) {
        if (!stream->isListed(shard, nowMs))
            continue;
        const auto tally = core.records().count(stream->id, shard.index, horizon,
                                                std::numeric_limits<qint64>::max());
        if (!tally)
            return std::unexpected(tally.error());
        result.append(ShardStatistics{ShardId::format(shard.index), tally->records, tally->bytes});
    }
    return result;
}

} // namespace RecordOperations
} // namespace shardscope
