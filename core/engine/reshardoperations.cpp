// Resharding: SplitShard, MergeShards and UpdateShardCount. The topology changes themselves
// are in resharding.cpp; this file checks the requests and the limits and stores the result.

#include "enginecore.h"
#include "requestvalidation.h"
#include "resharding.h"

#include "kinesis/shardid.h"

namespace shardscope {

using namespace RequestValidation;

namespace {

int openShardsInAccount(const Catalog &catalog, qint64 nowMs)
{
    int open = 0;
    for (const StreamMetaPtr &s : catalog.streams) {
        // The account's shard limit covers provisioned streams only.
        if (!s->isGone(nowMs) && s->mode == StreamMode::Provisioned)
            open += s->openShardCount();
    }
    return open;
}

Error onDemandRefused(const EngineCore &core, const QString &name)
{
    return Error{ErrorType::Validation, u"Request is invalid. Stream " % name % u" under account " %
                                            core.account() % u" is in On-Demand mode."};
}

Error alreadyResharded(const EngineCore &core, const QString &shardId, const QString &name)
{
    return invalidArgument(
        u"Shard " % shardId % u" in stream " % name % u" under account " % core.account() %
        u" has already been merged or split, and thus is not eligible for merging or splitting.");
}

Error shardNotFound(const EngineCore &core, const QString &shardId, const QString &streamLabel)
{
    return Error{ErrorType::ResourceNotFound, u"Could not find shard " % shardId % u" in stream " %
                                                  streamLabel % u" under account " %
                                                  core.account() % u'.'};
}

} // namespace

namespace ReshardOperations {

std::expected<void, Error> reshard(EngineCore &core, SqliteDb &db, StreamMeta &stream, qint64 nowMs,
                                   const std::function<void(StreamMeta &, qint64 &)> &change)
{
    CatalogStore &catalog = core.catalog();
    const qint64 counterBefore = catalog.nextCounter(stream.id);
    // Parents end at a counter no record of theirs can exceed, and after their own start (a
    // shard split in the millisecond it was created, before any record, included); children
    // start after it.
    qint64 counter = std::max(counterBefore, SequenceNumber::counterAt(nowMs));
    for (const ShardMeta &shard : std::as_const(stream.shards)) {
        if (shard.isOpen())
            counter = std::max(counter, shard.startCounter + 1);
    }
    change(stream, counter);
    catalog.setNextCounter(stream.id, counter);
    stream.status = StreamStatus::Updating;
    stream.statusUntilMs = nowMs + core.options().updateDelayMs;
    if (auto r = catalog.persistStream(db, stream, true); !r) {
        catalog.setNextCounter(stream.id, counterBefore);
        return r;
    }
    return {};
}

std::expected<void, Error> splitShard(EngineCore &core, const SplitShardRequest &request)
{
    ValidationErrors v;
    if (request.newStartingHashKey.isNull())
        v.addNull(QStringLiteral("newStartingHashKey"));
    else if (!HashKey::fromDecimal(request.newStartingHashKey) &&
             !matchesHashKeyPattern(request.newStartingHashKey))
        v.pattern(QStringLiteral("newStartingHashKey"), request.newStartingHashKey,
                  kHashKeyPattern);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    checkName(v, QStringLiteral("shardToSplit"), request.shardToSplit, true);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    // Kinesis checks the shard id's form before it looks for the stream.
    const auto index = ShardId::parse(request.shardToSplit);
    if (!index)
        return std::unexpected(
            shardNotFound(core, request.shardToSplit, targetLabel(request.target)));
    auto resolved = core.resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    const auto newStart = HashKey::fromDecimal(request.newStartingHashKey);

    return core.write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        const EngineOptions &options = core.options();
        const qint64 nowMs = core.now();
        const auto active = core.activeStream(name, nowMs);
        if (!active)
            return std::unexpected(active.error());
        const StreamMeta &current = **active;
        const QString shardId = ShardId::format(*index);
        if (*index >= quint32(current.shards.size()))
            return std::unexpected(shardNotFound(core, shardId, name));
        const ShardMeta &shard = current.shards[*index];
        if (!shard.isOpen())
            return std::unexpected(alreadyResharded(core, shardId, name));
        if (current.mode == StreamMode::OnDemand)
            return std::unexpected(onDemandRefused(core, name));
        const int open = openShardsInAccount(core.catalog().working(), nowMs);
        if (open + 1 > options.shardLimit)
            return std::unexpected(
                Error{ErrorType::LimitExceeded,
                      QStringLiteral(
                          "This request would exceed the shard limit for the account %1 in %2. "
                          "Current shard count for the account: %3. Limit: %4. Number of "
                          "additional shards that would have resulted from this request: 1. "
                          "Refer to the AWS Service Limits page "
                          "(http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) "
                          "for current limits and how to request higher limits.")
                          .arg(core.account(), options.region)
                          .arg(open)
                          .arg(options.shardLimit)});
        // The new start must be above start + 1 and below end: both children non-empty.
        if (!newStart || newStart->value <= shard.range.start.value + 1 ||
            newStart->value >= shard.range.end.value)
            return std::unexpected(invalidArgument(
                u"NewStartingHashKey " % request.newStartingHashKey %
                u" used in SplitShard() on shard " % shardId % u" in stream " % name %
                u" under account " % core.account() %
                u" is not both greater than one plus the shard's StartingHashKey " %
                shard.range.start.toDecimal() % u" and less than the shard's EndingHashKey " %
                shard.range.end.toDecimal() % u'.'));
        auto meta = std::make_shared<StreamMeta>(current);
        auto r = reshard(core, db, *meta, nowMs, [&](StreamMeta &s, qint64 &counter) {
            Resharding::split(s, *index, *newStart, nowMs, counter);
        });
        if (!r)
            return r;
        core.catalog().put(meta);
        return {};
    });
}

std::expected<void, Error> mergeShards(EngineCore &core, const MergeShardsRequest &request)
{
    ValidationErrors v;
    checkName(v, QStringLiteral("shardToMerge"), request.shardToMerge, true);
    checkName(v, QStringLiteral("adjacentShardToMerge"), request.adjacentShardToMerge, true);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    // Kinesis checks the shard ids' form before it looks for the stream.
    const auto first = ShardId::parse(request.shardToMerge);
    const auto second = ShardId::parse(request.adjacentShardToMerge);
    for (const auto &[parsed, raw] : {std::pair{first, request.shardToMerge},
                                      std::pair{second, request.adjacentShardToMerge}}) {
        if (!parsed)
            return std::unexpected(shardNotFound(core, raw, targetLabel(request.target)));
    }
    auto resolved = core.resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;

    return core.write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        const qint64 nowMs = core.now();
        const auto active = core.activeStream(name, nowMs);
        if (!active)
            return std::unexpected(active.error());
        const StreamMeta &current = **active;
        for (quint32 index : {*first, *second}) {
            if (index >= quint32(current.shards.size()))
                return std::unexpected(shardNotFound(core, ShardId::format(index), name));
        }
        if (current.mode == StreamMode::OnDemand)
            return std::unexpected(onDemandRefused(core, name));
        for (quint32 index : {*first, *second}) {
            if (!current.shards[index].isOpen())
                return std::unexpected(alreadyResharded(core, ShardId::format(index), name));
        }
        const ShardMeta &a = current.shards[*first];
        const ShardMeta &b = current.shards[*second];
        // ShardToMerge must hold the lower range, as in Kinesis.
        if (*first == *second || !a.range.isAdjacentBefore(b.range))
            return std::unexpected(invalidArgument(
                u"Shards " % ShardId::format(*first) % u" and " % ShardId::format(*second) %
                u" in stream " % name % u" under account " % core.account() %
                u" are not an adjacent pair of shards eligible for merging"));
        auto meta = std::make_shared<StreamMeta>(current);
        auto r = reshard(core, db, *meta, nowMs, [&](StreamMeta &s, qint64 &counter) {
            Resharding::merge(s, *first, *second, nowMs, counter);
        });
        if (!r)
            return r;
        core.catalog().put(meta);
        return {};
    });
}

std::expected<UpdateShardCountResponse, Error>
updateShardCount(EngineCore &core, const UpdateShardCountRequest &request)
{
    ValidationErrors v;
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    checkRange(v, QStringLiteral("targetShardCount"), request.targetShardCount, 1,
               KinesisLimits::kMaxShardCountPerRequest);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = core.resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    const int target = request.targetShardCount;

    return core.write<UpdateShardCountResponse>([&](SqliteDb &db)
                                                    -> std::expected<UpdateShardCountResponse,
                                                                     Error> {
        const int shardLimit = core.options().shardLimit;
        const qint64 nowMs = core.now();
        const auto active = core.activeStream(name, nowMs);
        if (!active)
            return std::unexpected(active.error());
        const StreamMeta &current = **active;
        if (current.mode == StreamMode::OnDemand)
            return std::unexpected(onDemandRefused(core, name));
        const int open = current.openShardCount();
        const QString counts =
            QStringLiteral("Current open shard count: %1, Target shard count: %2")
                .arg(open)
                .arg(target);
        const int accountOpen = openShardsInAccount(core.catalog().working(), nowMs);
        if (target > shardLimit || accountOpen - open + target > shardLimit)
            return std::unexpected(Error{
                ErrorType::LimitExceeded,
                QStringLiteral("Target shard count or number of open shards cannot be greater "
                               "than %1. ")
                        .arg(shardLimit) %
                    counts});
        if (target > 2 * open)
            return std::unexpected(Error{
                ErrorType::LimitExceeded,
                u"UpdateShardCount cannot scale up over double your current open shard count. " %
                    counts});
        if (target * 2 < open)
            return std::unexpected(Error{
                ErrorType::LimitExceeded,
                u"UpdateShardCount cannot scale down below half your current open shard count. " %
                    counts});
        auto meta = std::make_shared<StreamMeta>(current);
        // At most ten scaling operations in a rolling 24 hours.
        const qint64 dayAgo = nowMs - 24LL * 3600 * 1000;
        meta->reshardTimesMs.removeIf([dayAgo](qint64 t) { return t <= dayAgo; });
        if (meta->reshardTimesMs.size() >= KinesisLimits::kUpdateShardCountPerDay)
            return std::unexpected(
                Error{ErrorType::LimitExceeded,
                      u"Exceeded the limit of " %
                          QString::number(KinesisLimits::kUpdateShardCountPerDay) %
                          u" UpdateShardCount operations in a rolling 24-hour period for stream " %
                          name % u" under account " % core.account() % u'.'});
        meta->reshardTimesMs.append(nowMs);
        auto r = reshard(core, db, *meta, nowMs, [&](StreamMeta &s, qint64 &counter) {
            Resharding::scaleUniformly(s, target, nowMs, counter);
        });
        if (!r)
            return std::unexpected(r.error());
        core.catalog().put(meta);
        return UpdateShardCountResponse{name, open, target, core.streamArn(name)};
    });
}

} // namespace ReshardOperations
} // namespace shardscope
