// Enhanced fan-out consumers: RegisterStreamConsumer, DeregisterStreamConsumer,
// DescribeStreamConsumer, ListStreamConsumers, and the tags of a consumer.
//
// Consumers live in their stream's metadata, so they are published with the catalog and leave
// with the stream. Their rows are in `consumers` and `consumer_tags`.

#include "enginecore.h"
#include "requestvalidation.h"

#include "kinesis/consumerarn.h"
#include "kinesis/streamarn.h"

namespace shardscope {

using namespace RequestValidation;

namespace {

// Writes consumer `consumerName` of `meta` and makes `meta` the working catalog's copy of its
// stream. Writer thread only.
std::expected<void, Error> storeConsumerChange(EngineCore &core, SqliteDb &db,
                                               std::shared_ptr<StreamMeta> meta,
                                               const QString &consumerName)
{
    if (auto r = core.catalog().persistConsumer(db, meta->id, meta->consumers.value(consumerName));
        !r)
        return r;
    core.catalog().put(std::move(meta));
    return {};
}

// In the writer's working catalog: the stream holding consumer `consumerName` when it is still
// the consumer a call resolved before it was queued (same stream id and creation time) and
// is not gone; else ResourceNotFound. Writer thread only.
std::expected<StreamMetaPtr, Error> liveConsumerStream(const EngineCore &core,
                                                       const QString &streamName, qint64 streamId,
                                                       const QString &consumerName,
                                                       qint64 createdMs, qint64 nowMs)
{
    const StreamMetaPtr current = core.catalog().stream(streamName);
    if (!current || current->isGone(nowMs) || current->id != streamId)
        return std::unexpected(core.consumerNotFound(consumerName, streamName));
    const auto found = current->consumers.constFind(consumerName);
    if (found == current->consumers.cend() || found->isGone(nowMs) || found->createdMs != createdMs)
        return std::unexpected(core.consumerNotFound(consumerName, streamName));
    return current;
}

Error tooManyConsumerTags(const EngineCore &core, const QString &consumerName,
                          const QString &streamName)
{
    return invalidArgument(
        u"Failed to add tags to consumer " % consumerName % u" under stream " % streamName %
        u" under account " % core.account() % u" because a given consumer cannot have more than " %
        QString::number(KinesisLimits::kMaxTagsPerResource) % u" tags associated with it.");
}

} // namespace

namespace ConsumerOperations {

std::expected<std::pair<StreamMetaPtr, QString>, Error> resolve(const EngineCore &core,
                                                                const ConsumerTarget &target)
{
    ValidationErrors v;
    checkArn(v, QStringLiteral("streamARN"), target.streamArn, false);
    checkName(v, QStringLiteral("consumerName"), target.consumerName, false);
    checkConsumerArn(v, QStringLiteral("consumerARN"), target.consumerArn);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    const bool byArn = !target.consumerArn.isNull();
    if (!byArn && (target.streamArn.isNull() || target.consumerName.isNull()))
        return std::unexpected(invalidArgument(QStringLiteral(
            "Either ConsumerARN or both StreamARN and ConsumerName should be provided.")));

    const EngineOptions &options = core.options();
    QString streamName;
    QString consumerName = target.consumerName;
    std::optional<qint64> creationSeconds;
    bool elsewhere = false; // another region or account: nothing of ours
    if (byArn) {
        const auto parts = ConsumerArn::parse(target.consumerArn);
        if (!parts)
            return std::unexpected(Error{ErrorType::ResourceNotFound,
                                         u"Consumer " % target.consumerArn % u" not found."});
        if (!target.streamArn.isNull()) {
            const auto stream = StreamArn::parse(target.streamArn); // valid: checked above
            if (stream->streamName != parts->streamName || stream->account != parts->account ||
                stream->region != parts->region)
                return std::unexpected(invalidArgument(
                    QStringLiteral("ConsumerARN and StreamARN do not refer to the same stream.")));
        }
        if (!consumerName.isNull() && consumerName != parts->consumerName)
            return std::unexpected(invalidArgument(
                QStringLiteral("ConsumerARN and ConsumerName do not refer to the same consumer.")));
        streamName = parts->streamName;
        consumerName = parts->consumerName;
        creationSeconds = parts->creationSeconds;
        elsewhere = parts->account != options.account || parts->region != options.region;
    } else {
        const auto parsed = StreamArn::parse(target.streamArn);
        streamName = parsed->streamName;
        elsewhere = parsed->account != options.account || parsed->region != options.region;
        if (elsewhere)
            return std::unexpected(core.notFound(streamName));
    }

    const qint64 nowMs = core.now();
    const auto catalog = core.snapshot();
    const StreamMetaPtr stream = elsewhere ? nullptr : catalog->streams.value(streamName);
    if (!stream || stream->isGone(nowMs)) {
        if (byArn)
            return std::unexpected(core.consumerNotFound(consumerName, streamName));
        return std::unexpected(core.notFound(streamName));
    }
    const auto consumer = stream->consumers.constFind(consumerName);
    // A consumer registered again under the same name is another consumer, with another ARN.
    if (consumer == stream->consumers.cend() || consumer->isGone(nowMs) ||
        (creationSeconds && consumer->createdMs / 1000 != *creationSeconds))
        return std::unexpected(core.consumerNotFound(consumerName, streamName));
    return std::pair{stream, consumerName};
}

std::expected<void, Error> changeTags(EngineCore &core, const QString &consumerArn,
                                      const TagMap &add, const QStringList &remove)
{
    auto resolved = resolve(core, ConsumerTarget::byArn(consumerArn));
    if (!resolved)
        return std::unexpected(resolved.error());
    const qint64 streamId = resolved->first->id;
    const QString streamName = resolved->first->name;
    const QString consumerName = resolved->second;
    const qint64 createdMs = resolved->first->consumers.value(consumerName).createdMs;
    QStringList texts = remove;
    for (auto it = add.cbegin(); it != add.cend(); ++it)
        texts << it.key() << it.value();
    for (const QString &text : std::as_const(texts)) {
        if (!tagTextIsValid(text) || text.contains(u'%'))
            return std::unexpected(invalidTagCharacters());
    }
    for (auto it = add.cbegin(); it != add.cend(); ++it) {
        if (it.key().startsWith(QStringLiteral("aws:")))
            return std::unexpected(invalidArgument(
                u"Tag keys starting with 'aws:' are reserved. Invalid key: " % it.key()));
    }
    return core.write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        const auto current =
            liveConsumerStream(core, streamName, streamId, consumerName, createdMs, core.now());
        if (!current)
            return std::unexpected(current.error());
        auto meta = std::make_shared<StreamMeta>(**current);
        ConsumerMeta &consumer = meta->consumers[consumerName];
        for (auto it = add.cbegin(); it != add.cend(); ++it)
            consumer.tags.insert(it.key(), it.value());
        for (const QString &key : remove)
            consumer.tags.remove(key);
        if (consumer.tags.size() > KinesisLimits::kMaxTagsPerResource)
            return std::unexpected(tooManyConsumerTags(core, consumerName, streamName));
        return storeConsumerChange(core, db, std::move(meta), consumerName);
    });
}

std::expected<void, Error> setResourcePolicy(EngineCore &core, const QString &consumerArn,
                                             const std::optional<QString> &policy)
{
    auto resolved = resolve(core, ConsumerTarget::byArn(consumerArn));
    if (!resolved)
        return std::unexpected(resolved.error());
    const qint64 streamId = resolved->first->id;
    const QString streamName = resolved->first->name;
    const QString consumerName = resolved->second;
    const qint64 createdMs = resolved->first->consumers.value(consumerName).createdMs;
    return core.write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        const auto current =
            liveConsumerStream(core, streamName, streamId, consumerName, createdMs, core.now());
        if (!current)
            return std::unexpected(current.error());
        auto meta = std::make_shared<StreamMeta>(**current);
        meta->consumers[consumerName].resourcePolicy = policy;
        return storeConsumerChange(core, db, std::move(meta), consumerName);
    });
}

std::expected<Consumer, Error> registerStreamConsumer(EngineCore &core,
                                                      const RegisterStreamConsumerRequest &request)
{
    ValidationErrors v;
    if (request.streamArn.isNull())
        v.addNull(QStringLiteral("streamARN"));
    checkArn(v, QStringLiteral("streamARN"), request.streamArn, false);
    checkName(v, QStringLiteral("consumerName"), request.consumerName, true);
    if (!request.tags.isEmpty())
        checkTagMap(v, request.tags);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    for (auto it = request.tags.cbegin(); it != request.tags.cend(); ++it) {
        // TagResource's character set (no '%').
        if (!tagTextIsValid(it.key()) || !tagTextIsValid(it.value()) || it.key().contains(u'%') ||
            it.value().contains(u'%'))
            return std::unexpected(invalidTagCharacters());
        if (it.key().startsWith(QStringLiteral("aws:")))
            return std::unexpected(invalidArgument(
                u"Tag keys starting with 'aws:' are reserved. Invalid key: " % it.key()));
    }
    auto resolved = core.resolveArn(request.streamArn);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    if (request.tags.size() > KinesisLimits::kMaxTagsPerResource)
        return std::unexpected(tooManyConsumerTags(core, request.consumerName, name));

    return core.write<Consumer>([&](SqliteDb &db) -> std::expected<Consumer, Error> {
        const QString &account = core.account();
        const qint64 nowMs = core.now();
        const auto active = core.activeStream(name, nowMs);
        if (!active)
            return std::unexpected(active.error());
        const StreamMeta &current = **active;
        const auto existing = current.consumers.constFind(request.consumerName);
        if (existing != current.consumers.cend() && !existing->isGone(nowMs))
            return std::unexpected(
                Error{ErrorType::ResourceInUse, u"Consumer " % request.consumerName %
                                                    u" under stream " % name % u" and account " %
                                                    account % u" already exists."});
        int registered = 0;
        int creating = 0;
        for (const ConsumerMeta &consumer : current.consumers) {
            if (consumer.isGone(nowMs))
                continue;
            registered++;
            if (consumer.effectiveStatus(nowMs) == ConsumerStatus::Creating)
                creating++;
        }
        if (registered >= KinesisLimits::kMaxConsumersPerStream)
            return std::unexpected(Error{
                ErrorType::LimitExceeded,
                QStringLiteral("Stream %1 under account %2 already has %3 registered consumers, "
                               "the most a stream can have. Deregister a consumer first.")
                    .arg(name, account)
                    .arg(registered)});
        if (creating >= KinesisLimits::kMaxCreatingConsumers)
            return std::unexpected(Error{
                ErrorType::LimitExceeded,
                QStringLiteral("Stream %1 under account %2 already has %3 consumers in CREATING "
                               "status, the most that can be created at the same time.")
                    .arg(name, account)
                    .arg(creating)});

        ConsumerMeta consumer;
        consumer.name = request.consumerName;
        consumer.status = ConsumerStatus::Creating;
        consumer.statusUntilMs = nowMs + core.options().createDelayMs;
        consumer.createdMs = nowMs;
        consumer.tags = request.tags;
        auto meta = std::make_shared<StreamMeta>(current);
        meta->consumers.insert(consumer.name, consumer);
        if (auto r = storeConsumerChange(core, db, meta, consumer.name); !r)
            return std::unexpected(r.error());
        return Consumer{consumer.name, core.consumerArn(name, consumer),
                        consumer.effectiveStatus(nowMs), consumer.createdMs};
    });
}

std::expected<void, Error> deregisterStreamConsumer(EngineCore &core, const ConsumerTarget &target)
{
    auto resolved = resolve(core, target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const qint64 streamId = resolved->first->id;
    const QString streamName = resolved->first->name;
    const QString consumerName = resolved->second;
    const qint64 createdMs = resolved->first->consumers.value(consumerName).createdMs;
    return core.write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        const qint64 nowMs = core.now();
        const auto current =
            liveConsumerStream(core, streamName, streamId, consumerName, createdMs, nowMs);
        if (!current)
            return std::unexpected(current.error());
        if ((*current)->consumers.value(consumerName).status == ConsumerStatus::Deleting)
            return {}; // already on its way out
        auto meta = std::make_shared<StreamMeta>(**current);
        ConsumerMeta &consumer = meta->consumers[consumerName];
        consumer.status = ConsumerStatus::Deleting;
        consumer.statusUntilMs = nowMs + core.options().deleteDelayMs;
        return storeConsumerChange(core, db, std::move(meta), consumerName);
    });
}

std::expected<ConsumerDescription, Error> describeStreamConsumer(const EngineCore &core,
                                                                 const ConsumerTarget &target)
{
    auto resolved = resolve(core, target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &stream = *resolved->first;
    const ConsumerMeta &consumer = *stream.consumers.constFind(resolved->second);
    return ConsumerDescription{consumer.name, core.consumerArn(stream.name, consumer),
                               consumer.effectiveStatus(core.now()), consumer.createdMs,
                               core.streamArn(stream.name)};
}

std::expected<ListStreamConsumersResponse, Error>
listStreamConsumers(const EngineCore &core, const ListStreamConsumersRequest &request)
{
    ValidationErrors v;
    if (request.streamArn.isNull())
        v.addNull(QStringLiteral("streamARN"));
    checkArn(v, QStringLiteral("streamARN"), request.streamArn, false);
    checkLength(v, QStringLiteral("nextToken"), request.nextToken, 1,
                KinesisLimits::kMaxNextTokenLength);
    checkRange(v, QStringLiteral("maxResults"), request.maxResults, 1,
               KinesisLimits::kMaxListLimit);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    const bool hasToken = !request.nextToken.isNull();
    if (hasToken && request.streamCreationTimestamp)
        return std::unexpected(invalidArgument(
            QStringLiteral("NextToken and StreamCreationTimestamp cannot be provided together.")));
    auto resolved = core.resolveArn(request.streamArn);
    if (!resolved)
        return std::unexpected(resolved.error());
    const StreamMeta &s = **resolved;
    if (request.streamCreationTimestamp &&
        *request.streamCreationTimestamp / 1000 != s.createdMs / 1000)
        return std::unexpected(core.notFound(s.name));

    const qint64 nowMs = core.now();
    QString after;
    if (hasToken) {
        const auto token = core.tokens().open<ListStreamConsumersToken>(request.nextToken, nowMs);
        if (!token)
            return std::unexpected(nextTokenError(token.error()));
        // A token of another stream's consumers does not page this one.
        if (token->streamId != s.id)
            return std::unexpected(nextTokenError(TokenFault{}));
        after = token->lastConsumerName;
    }
    const int limit =
        std::min(request.maxResults.value_or(KinesisLimits::kListStreamConsumersMaxResults),
                 KinesisLimits::kListStreamConsumersMaxResults);
    ListStreamConsumersResponse response;
    bool more = false;
    auto it = after.isNull() ? s.consumers.cbegin() : s.consumers.upperBound(after);
    for (; it != s.consumers.cend(); ++it) {
        if (it->isGone(nowMs))
            continue;
        if (response.consumers.size() == limit) {
            more = true;
            break;
        }
        response.consumers.append(Consumer{it->name, core.consumerArn(s.name, *it),
                                           it->effectiveStatus(nowMs), it->createdMs});
    }
    if (more)
        response.nextToken = core.tokens().seal(
            ListStreamConsumersToken{nowMs, s.id, response.consumers.constLast().consumerName});
    return response;
}

} // namespace ConsumerOperations
} // namespace shardscope
