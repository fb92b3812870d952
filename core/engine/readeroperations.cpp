#include "enginecore.h"
#include "readerregistry.h"

#include "kinesis/shardid.h"

#include <QHash>

#include <limits>

namespace shardscope {
namespace ReaderOperations {

void recordShardIterator(const EngineCore &core, ReaderRegistry &readers, const Caller &caller,
                         const std::expected<GetShardIteratorResponse, Error> &response)
{
    // A refused call names no shard of ours for sure; the iterator issued names one exactly.
    if (!response)
        return;
    const qint64 nowMs = core.now();
    const auto iterator = core.tokens().open<ShardIteratorToken>(response->shardIterator, nowMs);
    if (!iterator)
        return;
    ReaderRegistry::Call call;
    call.kind = ReaderRegistry::Call::Kind::ShardIterator;
    call.position = iterator->position;
    readers.record(caller, iterator->streamName, iterator->shardIndex, call, nowMs);
}

void recordGetRecords(const EngineCore &core, ReaderRegistry &readers, const Caller &caller,
                      QStringView shardIterator,
                      const std::expected<ShardIteratorToken, TokenFault> &iterator,
                      const std::expected<GetRecordsResponse, Error> &response,
                      const EngineMetrics::CountingSink &counted, qint64 startMs)
{
    using Kind = ReaderRegistry::Call::Kind;
    ReaderRegistry::Call call;
    if (!iterator) {
        // An invalid iterator names nothing; an expired one still names its shard, and opens
        // as of the time it was issued.
        if (iterator.error().reason != TokenFault::Reason::Expired)
            return;
        const auto expired =
            core.tokens().open<ShardIteratorToken>(shardIterator, iterator.error().issuedMs);
        if (!expired)
            return;
        call.kind = Kind::Expired;
        call.position = expired->position;
        readers.record(caller, expired->streamName, expired->shardIndex, call, startMs);
        return;
    }
    call.position = iterator->position;
    if (response) {
        call.kind = Kind::Read;
        call.records = counted.records;
        call.bytes = counted.bytes;
        if (counted.records > 0)
            call.lastCounter = counted.lastCounter;
        call.millisBehindLatest = response->millisBehindLatest;
    } else if (response.error().type == ErrorType::ProvisionedThroughputExceeded) {
        call.kind = Kind::Throttled;
    } else if (response.error().type == ErrorType::ExpiredIterator) {
        call.kind = Kind::Expired; // it expired between opening here and in the read
    } else {
        call.kind = Kind::Failed;
    }
    readers.record(caller, iterator->streamName, iterator->shardIndex, call, startMs);
}

std::expected<QList<ShardReader>, Error> shardReaders(const EngineCore &core,
                                                      ReaderRegistry &readers,
                                                      const QString &streamName)
{
    const auto catalog = core.snapshot();
    const StreamMetaPtr stream = catalog->streams.value(streamName);
    const qint64 nowMs = core.now();
    if (!stream || stream->isGone(nowMs))
        return std::unexpected(core.notFound(streamName));
    // Behind a reader: the readable records from its next read on, as shardStatistics counts
    // a shard's readable records. Readers at the same place share one count.
    const qint64 horizon = SequenceNumber::counterAt(stream->trimHorizonMs(nowMs));
    QHash<std::pair<quint32, qint64>, RecordStore::Tally> counts;
    QList<ShardReader> result;
    for (ReaderRegistry::Sample &sample : readers.snapshot(streamName, nowMs)) {
        if (sample.nextCounter && sample.shardIndex < quint32(stream->shards.size())) {
            const qint64 from = std::max(*sample.nextCounter, horizon);
            const auto key = std::pair(sample.shardIndex, from);
            auto known = counts.constFind(key);
            if (known == counts.cend()) {
                const auto tally = core.records().count(stream->id, sample.shardIndex, from,
                                                        std::numeric_limits<qint64>::max());
                if (!tally)
                    return std::unexpected(tally.error());
                known = counts.insert(key, *tally);
            }
            sample.reader.recordsBehind = known->records;
            sample.reader.bytesBehind = known->bytes;
        }
        result.append(std::move(sample.reader));
    }
    return result;
}

} // namespace ReaderOperations
} // namespace shardscope
