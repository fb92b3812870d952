// Streams: CreateStream, DeleteStream, ListStreams, DescribeStream, DescribeStreamSummary,
// ListShards and DescribeLimits.

#include "enginecore.h"
#include "requestvalidation.h"

#include "kinesis/shardid.h"

namespace shardscope {

using namespace RequestValidation;

namespace {

Shard toApi(const ShardMeta &meta)
{
    Shard shard;
    shard.shardId = ShardId::format(meta.index);
    if (meta.parent)
        shard.parentShardId = ShardId::format(*meta.parent);
    if (meta.adjacentParent)
        shard.adjacentParentShardId = ShardId::format(*meta.adjacentParent);
    shard.hashKeyRange = meta.range;
    shard.startingSequenceNumber = SequenceNumber{meta.startCounter, meta.index};
    if (meta.endCounter)
        shard.endingSequenceNumber = SequenceNumber{*meta.endCounter, meta.index};
    return shard;
}

// The members DescribeStream and DescribeStreamSummary share, from the stream's metadata.
template<typename Description>
void describeCommon(Description &d, const EngineCore &core, const StreamMeta &s, qint64 nowMs)
{
    d.streamName = s.name;
    d.streamArn = core.streamArn(s.name);
    d.streamStatus = s.effectiveStatus(nowMs);
    d.streamMode = s.mode;
    d.retentionPeriodHours = s.retentionHours;
    d.streamCreationTimestamp = s.createdMs;
    d.encryptionType = s.encryptionType;
    d.keyId = s.keyId;
    d.shardLevelMetrics = s.shardLevelMetrics;
}

} // namespace

namespace StreamOperations {

std::expected<void, Error> createStream(EngineCore &core, const CreateStreamRequest &request)
{
    ValidationErrors v;
    const bool onDemand = request.streamMode == StreamMode::OnDemand;
    if (!onDemand && !request.shardCount)
        v.addNull(QStringLiteral("shardCount"));
    checkRange(v, QStringLiteral("shardCount"), request.shardCount, 1,
               KinesisLimits::kMaxShardCountPerRequest);
    checkName(v, QStringLiteral("streamName"), request.streamName, true);
    checkRange(v, QStringLiteral("maxRecordSizeInKiB"), request.maxRecordSizeInKiB,
               KinesisLimits::kMinMaxRecordSizeKiB, KinesisLimits::kMaxMaxRecordSizeKiB);
    if (!request.tags.isEmpty())
        checkTagMap(v, request.tags);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    if (onDemand && request.shardCount)
        return std::unexpected(invalidArgument(
            QStringLiteral("ShardCount must not be specified for a stream in ON_DEMAND mode.")));
    const QString &account = core.account();
    if (request.tags.size() > KinesisLimits::kMaxTagsPerResource)
        return std::unexpected(invalidArgument(
            u"Failed to add tags to stream " % request.streamName % u" under account " % account %
            u" because a given stream cannot have more than " %
            QString::number(KinesisLimits::kMaxTagsPerResource) % u" tags associated with it."));
    for (auto it = request.tags.cbegin(); it != request.tags.cend(); ++it) {
        if (!tagTextIsValid(it.key()) || !tagTextIsValid(it.value()))
            return std::unexpected(invalidTagCharacters());
        if (it.key().contains(u'%') || it.value().contains(u'%'))
            return std::unexpected(invalidArgument(
                u"Failed to add tags to stream " % request.streamName % u" under account " %
                account %
                u" because some tags contained illegal characters. The allowed characters are "
                u"Unicode letters, white-spaces, '_',',','/','=','+','-','@'."));
    }

    return core.write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        CatalogStore &catalog = core.catalog();
        const EngineOptions &options = core.options();
        const qint64 nowMs = core.now();
        if (const StreamMetaPtr existing = catalog.stream(request.streamName)) {
            if (!existing->isGone(nowMs))
                return std::unexpected(Error{ErrorType::ResourceInUse,
                                             u"Stream " % request.streamName % u" under account " %
                                                 account % u" already exists."});
        }
        int openShards = 0;
        int onDemandStreams = 0;
        for (const StreamMetaPtr &s : catalog.working().streams) {
            if (s->isGone(nowMs))
                continue;
            // The account's shard limit covers provisioned streams only.
            if (s->mode == StreamMode::OnDemand)
                onDemandStreams++;
            else
                openShards += s->openShardCount();
        }
        const int shardCount =
            onDemand ? KinesisLimits::kOnDemandInitialShards : *request.shardCount;
        if (onDemand && onDemandStreams + 1 > options.onDemandStreamCountLimit)
            return std::unexpected(Error{
                ErrorType::LimitExceeded,
                QStringLiteral("This request would exceed the on-demand stream count limit for the "
                               "account %1 in %2. Current on-demand stream count: %3. Limit: %4.")
                    .arg(account, options.region)
                    .arg(onDemandStreams)
                    .arg(options.onDemandStreamCountLimit)});
        if (!onDemand && openShards + shardCount > options.shardLimit)
            return std::unexpected(
                Error{ErrorType::LimitExceeded,
                      QStringLiteral(
                          "This request would exceed the shard limit for the account %1 in %2. "
                          "Current shard count for the account: %3. Limit: %4. Number of "
                          "additional shards that would have resulted from this request: %5. "
                          "Refer to the AWS Service Limits page "
                          "(http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) "
                          "for current limits and how to request higher limits.")
                          .arg(account, options.region)
                          .arg(openShards)
                          .arg(options.shardLimit)
                          .arg(shardCount)});

        auto meta = std::make_shared<StreamMeta>();
        meta->id = catalog.nextStreamId();
        meta->name = request.streamName;
        meta->status = StreamStatus::Creating;
        meta->statusUntilMs = nowMs + options.createDelayMs;
        meta->mode = onDemand ? StreamMode::OnDemand : StreamMode::Provisioned;
        meta->createdMs = nowMs;
        meta->maxRecordSizeKiB =
            request.maxRecordSizeInKiB.value_or(KinesisLimits::kDefaultMaxRecordSizeKiB);
        meta->tags = request.tags;
        const qint64 firstCounter = SequenceNumber::counterAt(nowMs);
        const QList<HashKeyRange> ranges = HashKeyRange::evenSplit(shardCount);
        for (int i = 0; i < shardCount; ++i) {
            ShardMeta shard;
            shard.index = quint32(i);
            shard.range = ranges[i];
            shard.startCounter = firstCounter;
            shard.createdMs = nowMs;
            meta->shards.append(shard);
        }
        meta->rebuildDerived();
        catalog.setNextCounter(meta->id, firstCounter);
        if (auto r = catalog.persistStream(db, *meta, true); !r) {
            catalog.forgetCounter(meta->id);
            return r;
        }
        if (const StreamMetaPtr old = catalog.stream(request.streamName))
            catalog.queuePurge(old->id);
        catalog.takeStreamId(meta->id);
        catalog.put(meta);
        return {};
    });
}

std::expected<void, Error> deleteStream(EngineCore &core, const DeleteStreamRequest &request)
{
    auto resolved = core.resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    return core.write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        CatalogStore &catalog = core.catalog();
        const qint64 nowMs = core.now();
        const auto current = core.liveStream(name, nowMs);
        if (!current)
            return std::unexpected(current.error());
        if ((*current)->status == StreamStatus::Deleting)
            return {}; // already on its way out
        // Consumers already deregistering do not hold the stream back.
        bool hasConsumers = false;
        for (const ConsumerMeta &consumer : (*current)->consumers)
            hasConsumers = hasConsumers || consumer.status != ConsumerStatus::Deleting;
        if (hasConsumers && !request.enforceConsumerDeletion)
            return std::unexpected(Error{
                ErrorType::ResourceInUse,
                u"DeleteStream can\u2019t delete " % core.account() % u':' % name %
                    u" because there are consumers associated with this data stream. To delete " %
                    name %
                    u" anyway, set the EnforceConsumerDeletion parameter to true to force the "
                    u"deletion of all the consumers that are associated with it."});
        auto meta = std::make_shared<StreamMeta>(**current);
        meta->status = StreamStatus::Deleting;
        meta->statusUntilMs = nowMs + core.options().deleteDelayMs;
        if (auto r = catalog.persistStream(db, *meta, false); !r)
            return r;
        // Its consumers go with it.
        for (ConsumerMeta &consumer : meta->consumers) {
            if (consumer.isGone(nowMs))
                continue;
            consumer.status = ConsumerStatus::Deleting;
            consumer.statusUntilMs = meta->statusUntilMs;
            if (auto r = catalog.persistConsumer(db, meta->id, consumer); !r)
                return r;
        }
        catalog.put(meta);
        return {};
    });
}

std::expected<ListStreamsResponse, Error> listStreams(const EngineCore &core,
                                                      const ListStreamsRequest &request)
{
    ValidationErrors v;
    checkRange(v, QStringLiteral("limit"), request.limit, 1, KinesisLimits::kMaxListLimit);
    checkName(v, QStringLiteral("exclusiveStartStreamName"), request.exclusiveStartStreamName,
              false);
    checkLength(v, QStringLiteral("nextToken"), request.nextToken, 1,
                KinesisLimits::kMaxNextTokenLength);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    const qint64 nowMs = core.now();
    QString after = request.exclusiveStartStreamName;
    if (!request.nextToken.isNull()) {
        const auto token = core.tokens().open<ListStreamsToken>(request.nextToken, nowMs);
        if (!token)
            return std::unexpected(nextTokenError(token.error()));
        after = token->lastStreamName;
    }
    const int limit = request.limit.value_or(100);
    ListStreamsResponse response;
    const auto catalog = core.snapshot();
    for (auto it = catalog->streams.upperBound(after); it != catalog->streams.cend(); ++it) {
        const StreamMeta &s = **it;
        if (s.isGone(nowMs))
            continue;
        if (response.streamNames.size() == limit) {
            response.hasMoreStreams = true;
            break;
        }
        response.streamNames.append(s.name);
        response.streamSummaries.append(StreamSummary{
            s.name, core.streamArn(s.name), s.effectiveStatus(nowMs), s.mode, s.createdMs});
    }
    if (response.hasMoreStreams)
        response.nextToken =
            core.tokens().seal(ListStreamsToken{nowMs, response.streamNames.last()});
    return response;
}

std::expected<StreamDescription, Error> describeStream(const EngineCore &core,
                                                       const DescribeStreamRequest &request)
{
    ValidationErrors v;
    checkRange(v, QStringLiteral("limit"), request.limit, 1, KinesisLimits::kMaxListLimit);
    checkName(v, QStringLiteral("exclusiveStartShardId"), request.exclusiveStartShardId, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = core.resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &s = **resolved;
    const qint64 nowMs = core.now();
    StreamDescription d;
    describeCommon(d, core, s, nowMs);
    const int limit = request.limit.value_or(100);
    qint64 after = -1;
    if (!request.exclusiveStartShardId.isNull()) {
        if (const auto index = ShardId::parse(request.exclusiveStartShardId))
            after = *index;
    }
    // A stream being created shows no shards yet, as in Kinesis.
    if (d.streamStatus == StreamStatus::Creating)
        return d;
    for (const ShardMeta &shard : s.shards) {
        if (qint64(shard.index) <= after || !s.isListed(shard, nowMs))
            continue;
        if (d.shards.size() == limit) {
            d.hasMoreShards = true;
            break;
        }
        d.shards.append(toApi(shard));
    }
    return d;
}

std::expected<StreamDescriptionSummary, Error> describeStreamSummary(const EngineCore &core,
                                                                     const StreamTarget &target)
{
    auto resolved = core.resolve(target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &s = **resolved;
    const qint64 nowMs = core.now();
    StreamDescriptionSummary d;
    describeCommon(d, core, s, nowMs);
    d.openShardCount = s.openShardCount();
    d.consumerCount = s.consumerCount(nowMs);
    d.maxRecordSizeInKiB = s.maxRecordSizeKiB;
    d.warmThroughput = ControlPlaneOperations::warmThroughput(s, nowMs);
    return d;
}

std::expected<ListShardsResponse, Error> listShards(const EngineCore &core,
                                                    const ListShardsRequest &request)
{
    ValidationErrors v;
    checkRange(v, QStringLiteral("maxResults"), request.maxResults, 1,
               KinesisLimits::kMaxListLimit);
    checkName(v, QStringLiteral("exclusiveStartShardId"), request.exclusiveStartShardId, false);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    checkLength(v, QStringLiteral("nextToken"), request.nextToken, 1,
                KinesisLimits::kMaxNextTokenLength);
    checkArn(v, QStringLiteral("streamARN"), request.target.streamArn, false);
    if (request.shardFilter)
        checkName(v, QStringLiteral("shardFilter.shardId"), request.shardFilter->shardId, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());

    const bool hasToken = !request.nextToken.isNull();
    if (hasToken) {
        if (!request.target.streamName.isNull())
            return std::unexpected(invalidArgument(
                QStringLiteral("NextToken and StreamName cannot be provided together.")));
        if (!request.exclusiveStartShardId.isNull())
            return std::unexpected(invalidArgument(QStringLiteral(
                "NextToken and ExclusiveStartShardId cannot be provided together.")));
        if (request.shardFilter)
            return std::unexpected(invalidArgument(
                QStringLiteral("NextToken and ShardFilter cannot be provided together.")));
        if (request.streamCreationTimestamp)
            return std::unexpected(invalidArgument(QStringLiteral(
                "NextToken and StreamCreationTimestamp cannot be provided together.")));
    } else if (request.target.streamName.isNull() && request.target.streamArn.isNull()) {
        return std::unexpected(
            invalidArgument(QStringLiteral("Either NextToken or StreamName should be provided.")));
    }

    const qint64 nowMs = core.now();
    StreamTarget target = request.target;
    qint64 after = -1;
    std::optional<ShardFilter> filter = request.shardFilter;
    if (hasToken) {
        const auto token = core.tokens().open<ListShardsToken>(request.nextToken, nowMs);
        if (!token)
            return std::unexpected(nextTokenError(token.error()));
        target = StreamTarget::byName(token->streamName);
        after = token->lastShardIndex;
        filter = token->filter;
        // A stream deleted and created again under the name is another stream.
        auto resolved = core.resolve(target);
        if (resolved && (*resolved)->id != token->streamId)
            return std::unexpected(nextTokenError(TokenFault{}));
    } else if (!request.exclusiveStartShardId.isNull()) {
        if (const auto index = ShardId::parse(request.exclusiveStartShardId))
            after = *index;
    }

    auto resolved = core.resolve(target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &s = **resolved;
    if (request.streamCreationTimestamp &&
        *request.streamCreationTimestamp / 1000 != s.createdMs / 1000)
        return std::unexpected(core.notFound(s.name));

    // Which shards the filter keeps.
    std::function<bool(const ShardMeta &)> keep = [&](const ShardMeta &shard) {
        return s.isListed(shard, nowMs);
    };
    if (filter) {
        auto openAt = [](const ShardMeta &shard, qint64 t) {
            // A shard closed exactly at t was still open at t (the ShardFilter rule).
            return shard.createdMs <= t && (!shard.closedMs || *shard.closedMs >= t);
        };
        const qint64 horizon = s.trimHorizonMs(nowMs);
        switch (filter->type) {
        case ShardFilterType::AfterShardId: {
            if (filter->shardId.isNull())
                return std::unexpected(invalidArgument(QStringLiteral(
                    "ShardId must be supplied in a ShardFilter with a Type of AFTER_SHARD_ID")));
            const auto index = ShardId::parse(filter->shardId);
            const qint64 bound = index ? qint64(*index) : -1;
            keep = [&s, nowMs, bound](const ShardMeta &shard) {
                return qint64(shard.index) > bound && s.isListed(shard, nowMs);
            };
            break;
        }
        case ShardFilterType::AtLatest:
            keep = [](const ShardMeta &shard) { return shard.isOpen(); };
            break;
        case ShardFilterType::AtTrimHorizon:
            keep = [openAt, horizon](const ShardMeta &shard) { return openAt(shard, horizon); };
            break;
        case ShardFilterType::FromTrimHorizon:
            keep = [horizon](const ShardMeta &shard) {
                return !shard.closedMs || *shard.closedMs >= horizon;
            };
            break;
        case ShardFilterType::AtTimestamp:
        case ShardFilterType::FromTimestamp: {
            if (!filter->timestamp)
                return std::unexpected(invalidArgument(
                    QStringLiteral("Timestamp must be supplied in a ShardFilter with a Type of "
                                   "FROM_TIMESTAMP or AT_TIMESTAMP")));
            // A time before the stream existed means its first shards; one before the trim
            // horizon means the horizon, since older shards hold no readable records.
            const qint64 t = std::max(*filter->timestamp, horizon);
            if (filter->type == ShardFilterType::AtTimestamp)
                keep = [openAt, t](const ShardMeta &shard) { return openAt(shard, t); };
            else
                keep = [t](const ShardMeta &shard) {
                    return !shard.closedMs || *shard.closedMs >= t;
                };
            break;
        }
        }
    }

    const int limit = request.maxResults.value_or(1000);
    ListShardsResponse response;
    bool more = false;
    for (const ShardMeta &shard : s.shards) {
        if (qint64(shard.index) <= after || !keep(shard))
            continue;
        if (response.shards.size() == limit) {
            more = true;
            break;
        }
        response.shards.append(toApi(shard));
    }
    if (more) {
        const qint64 last = *ShardId::parse(response.shards.last().shardId);
        response.nextToken = core.tokens().seal(ListShardsToken{nowMs, s.id, s.name, last, filter});
    }
    return response;
}

std::expected<DescribeLimitsResponse, Error> describeLimits(const EngineCore &core)
{
    const auto catalog = core.snapshot();
    const qint64 nowMs = core.now();
    DescribeLimitsResponse response;
    response.shardLimit = core.options().shardLimit;
    response.onDemandStreamCountLimit = core.options().onDemandStreamCountLimit;
    for (const StreamMetaPtr &s : catalog->streams) {
        if (s->isGone(nowMs))
            continue;
        if (s->mode == StreamMode::OnDemand)
            response.onDemandStreamCount++;
        else
            response.openShardCount += s->openShardCount();
    }
    return response;
}

} // namespace StreamOperations
} // namespace shardscope
