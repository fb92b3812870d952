// Tags: AddTagsToStream, RemoveTagsFromStream, ListTagsForStream (by stream name or ARN) and
// TagResource, UntagResource, ListTagsForResource (by stream or consumer ARN).

#include "enginecore.h"
#include "requestvalidation.h"

#include "kinesis/consumerarn.h"

namespace shardscope {

using namespace RequestValidation;

namespace {

std::expected<void, Error> changeTags(EngineCore &core, const StreamTarget &target,
                                      const TagMap &add, const QStringList &remove,
                                      bool resourceApi)
{
    if (resourceApi && ConsumerArn::parse(target.streamArn))
        return ConsumerOperations::changeTags(core, target.streamArn, add, remove);
    auto resolved = resourceApi ? core.resolveArn(target.streamArn) : core.resolve(target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    auto illegalPercent = [&](const QString &verb, const QString &preposition) {
        return invalidArgument(
            u"Failed to " % verb % u" tags " % preposition % u" stream " % name %
            u" under account " % core.account() %
            u" because some tags contained illegal characters. The allowed "
            u"characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'.");
    };
    for (auto it = add.cbegin(); it != add.cend(); ++it) {
        if (!tagTextIsValid(it.key()) || !tagTextIsValid(it.value()))
            return std::unexpected(invalidTagCharacters());
    }
    for (auto it = add.cbegin(); it != add.cend(); ++it) {
        if (it.key().contains(u'%') || it.value().contains(u'%'))
            return std::unexpected(illegalPercent(QStringLiteral("add"), QStringLiteral("to")));
        if (it.key().startsWith(QStringLiteral("aws:")))
            return std::unexpected(invalidArgument(
                u"Tag keys starting with 'aws:' are reserved. Invalid key: " % it.key()));
    }
    for (const QString &key : remove) {
        if (!tagTextIsValid(key))
            return std::unexpected(invalidTagCharacters());
    }
    for (const QString &key : remove) {
        if (key.contains(u'%'))
            return std::unexpected(
                illegalPercent(QStringLiteral("remove"), QStringLiteral("from")));
    }
    return core.write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        const auto current = core.liveStream(name, core.now());
        if (!current)
            return std::unexpected(current.error());
        auto meta = std::make_shared<StreamMeta>(**current);
        for (auto it = add.cbegin(); it != add.cend(); ++it)
            meta->tags.insert(it.key(), it.value());
        for (const QString &key : remove)
            meta->tags.remove(key);
        if (meta->tags.size() > KinesisLimits::kMaxTagsPerResource)
            return std::unexpected(
                invalidArgument(u"Failed to add tags to stream " % name % u" under account " %
                                core.account() % u" because a given stream cannot have more than " %
                                QString::number(KinesisLimits::kMaxTagsPerResource) %
                                u" tags associated with it."));
        if (auto r = core.catalog().persistStream(db, *meta, false); !r)
            return r;
        core.catalog().put(meta);
        return {};
    });
}

} // namespace

namespace TagOperations {

std::expected<void, Error> addTagsToStream(EngineCore &core, const AddTagsToStreamRequest &request)
{
    ValidationErrors v;
    checkTagMap(v, request.tags);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    return changeTags(core, request.target, request.tags, {}, false);
}

std::expected<void, Error> removeTagsFromStream(EngineCore &core,
                                                const RemoveTagsFromStreamRequest &request)
{
    ValidationErrors v;
    checkTagKeys(v, request.tagKeys);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    return changeTags(core, request.target, {}, request.tagKeys, false);
}

std::expected<ListTagsForStreamResponse, Error>
listTagsForStream(const EngineCore &core, const ListTagsForStreamRequest &request)
{
    ValidationErrors v;
    checkRange(v, QStringLiteral("limit"), request.limit, 1, KinesisLimits::kMaxTagsPerResource);
    checkLength(v, QStringLiteral("exclusiveStartTagKey"), request.exclusiveStartTagKey, 1,
                KinesisLimits::kMaxTagKeyLength);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = core.resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const TagMap &tags = (*resolved)->tags;
    const int limit = request.limit.value_or(KinesisLimits::kMaxTagsPerResource);
    ListTagsForStreamResponse response;
    auto it = request.exclusiveStartTagKey.isNull() ? tags.cbegin()
                                                    : tags.upperBound(request.exclusiveStartTagKey);
    for (; it != tags.cend(); ++it) {
        if (response.tags.size() == limit) {
            response.hasMoreTags = true;
            break;
        }
        response.tags.append(Tag{it.key(), it.value()});
    }
    return response;
}

std::expected<void, Error> tagResource(EngineCore &core, const TagResourceRequest &request)
{
    ValidationErrors v;
    if (request.resourceArn.isNull())
        v.addNull(QStringLiteral("resourceARN"));
    checkArn(v, QStringLiteral("resourceARN"), request.resourceArn, true);
    checkTagMap(v, request.tags);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    return changeTags(core, StreamTarget::byArn(request.resourceArn), request.tags, {}, true);
}

std::expected<void, Error> untagResource(EngineCore &core, const UntagResourceRequest &request)
{
    ValidationErrors v;
    if (request.resourceArn.isNull())
        v.addNull(QStringLiteral("resourceARN"));
    checkArn(v, QStringLiteral("resourceARN"), request.resourceArn, true);
    checkTagKeys(v, request.tagKeys);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    return changeTags(core, StreamTarget::byArn(request.resourceArn), {}, request.tagKeys, true);
}

std::expected<ListTagsForResourceResponse, Error>
listTagsForResource(const EngineCore &core, const ListTagsForResourceRequest &request)
{
    ValidationErrors v;
    if (request.resourceArn.isNull())
        v.addNull(QStringLiteral("resourceARN"));
    checkArn(v, QStringLiteral("resourceARN"), request.resourceArn, true);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    ListTagsForResourceResponse response;
    const TagMap *tags = nullptr;
    StreamMetaPtr holder; // keeps the stream (and its consumers' tags) alive
    if (ConsumerArn::parse(request.resourceArn)) {
        const auto consumer =
            ConsumerOperations::resolve(core, ConsumerTarget::byArn(request.resourceArn));
        if (!consumer)
            return std::unexpected(consumer.error());
        holder = consumer->first;
        tags = &holder->consumers.constFind(consumer->second)->tags;
    } else {
        auto resolved = core.resolveArn(request.resourceArn);
        if (!resolved)
            return std::unexpected(resolved.error());
        holder = *resolved;
        tags = &holder->tags;
    }
    for (auto it = tags->cbegin(); it != tags->cend(); ++it)
        response.tags.append(Tag{it.key(), it.value()});
    return response;
}

} // namespace TagOperations
} // namespace shardscope
