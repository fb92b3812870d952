#include "emulatorbackend.h"

#include "backend/backendlog.h"
#include "backend/emulatorsubscription.h"
#include "engine/engine.h"

#include <QElapsedTimer>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

QString nameOf(const StreamTarget &target)
{
    return target.streamName.isEmpty() ? target.streamArn : target.streamName;
}

} // namespace

EmulatorBackend::EmulatorBackend(Engine &engine, EmulatorBackendOptions options, QObject *parent)
    : StreamBackend(parent), m_engine(engine), m_options(std::move(options))
{
    m_pool.setMaxThreadCount(std::max(1, m_options.maxThreads));
    m_pool.setObjectName(u"EmulatorBackend"_s);
    // The engine emits from its writer thread; queue onto ours.
    connect(&m_engine, &Engine::catalogChanged, this, &StreamBackend::catalogChanged,
            Qt::QueuedConnection);
    connect(&m_engine, &Engine::recordsAppended, this, &StreamBackend::recordsAppended,
            Qt::QueuedConnection);
}

EmulatorBackend::~EmulatorBackend()
{
    // Workers post callFinished to `this`; none may still be running once we are gone.
    m_pool.waitForDone();
}

QString EmulatorBackend::location() const
{
    return m_engine.isInMemory() ? tr("in memory") : m_engine.databasePath();
}

template<typename T, typename Work>
BackendFuture<T> EmulatorBackend::run(const QString &operation, const QString &target,
                                      Access access, Work work)
{
    BackendCall call{++m_nextCallId, operation, target, QDateTime::currentDateTimeUtc(), 0, {}};
    emit callStarted(call);
    if (access == Access::Write && m_options.readOnly) {
        call.error = Error{ErrorType::AccessDenied, tr("The connection %1 is read-only.")
                                                         .arg(m_options.displayName)};
        emit callFinished(call);
        return readyFuture<T>(std::unexpected(*call.error));
    }
    return QtConcurrent::run(&m_pool, [this, call, work = std::move(work)]() mutable {
        QElapsedTimer timer;
        timer.start();
        BackendResult<T> result = work(m_engine);
        call.durationMs = timer.elapsed();
        if (!result) {
            call.error = result.error();
            qCDebug(lcBackend).noquote() << call.operation << call.target << "on"
                                         << m_options.displayName << "failed:"
                                         << call.error->typeName() << call.error->message;
        }
        QMetaObject::invokeMethod(
            this, [this, call] { emit callFinished(call); }, Qt::QueuedConnection);
        return result;
    });
}

BackendFuture<ListStreamsResponse> EmulatorBackend::listStreams(const ListStreamsRequest &request)
{
    return run<ListStreamsResponse>(u"ListStreams"_s, {}, Access::Read,
                                    [request](Engine &e) { return e.listStreams(request); });
}

BackendFuture<QList<StreamSummary>> EmulatorBackend::listAllStreams()
{
    return run<QList<StreamSummary>>(
        u"ListStreams"_s, {}, Access::Read, [](Engine &e) -> BackendResult<QList<StreamSummary>> {
            QList<StreamSummary> all;
            ListStreamsRequest request;
            request.limit = 1000;
            for (;;) {
                auto page = e.listStreams(request);
                if (!page)
                    return std::unexpected(page.error());
                all.append(page->streamSummaries);
                if (!page->hasMoreStreams || page->streamNames.isEmpty())
                    return all;
                request = ListStreamsRequest{};
                request.limit = 1000;
                if (!page->nextToken.isEmpty())
                    request.nextToken = page->nextToken;
                else
                    request.exclusiveStartStreamName = page->streamNames.constLast();
            }
        });
}

BackendFuture<StreamDescriptionSummary> EmulatorBackend::describeStreamSummary(const StreamTarget &target)
{
    return run<StreamDescriptionSummary>(u"DescribeStreamSummary"_s, nameOf(target), Access::Read,
                                         [target](Engine &e) { return e.describeStreamSummary(target); });
}

BackendFuture<StreamDescription> EmulatorBackend::describeStream(const DescribeStreamRequest &request)
{
    return run<StreamDescription>(u"DescribeStream"_s, nameOf(request.target), Access::Read,
                                  [request](Engine &e) { return e.describeStream(request); });
}

BackendFuture<ListShardsResponse> EmulatorBackend::listShards(const ListShardsRequest &request)
{
    return run<ListShardsResponse>(u"ListShards"_s, nameOf(request.target), Access::Read,
                                   [request](Engine &e) { return e.listShards(request); });
}

BackendFuture<QList<Shard>> EmulatorBackend::listAllShards(const StreamTarget &target,
                                                           const std::optional<ShardFilter> &filter)
{
    return run<QList<Shard>>(
        u"ListShards"_s, nameOf(target), Access::Read,
        [target, filter](Engine &e) -> BackendResult<QList<Shard>> {
            QList<Shard> all;
            ListShardsRequest request;
            request.target = target;
            request.shardFilter = filter;
            request.maxResults = 1000;
            for (;;) {
                auto page = e.listShards(request);
                if (!page)
                    return std::unexpected(page.error());
                all.append(page->shards);
                if (page->nextToken.isEmpty())
                    return all;
                // Kinesis refuses the stream name together with a token.
                request = ListShardsRequest{};
                request.nextToken = page->nextToken;
                request.maxResults = 1000;
            }
        });
}

BackendFuture<QList<ShardStatistics>> EmulatorBackend::shardStatistics(const QString &streamName)
{
    return run<QList<ShardStatistics>>(u"ShardStatistics"_s, streamName, Access::Read,
                                       [streamName](Engine &e) { return e.shardStatistics(streamName); });
}

BackendFuture<DescribeLimitsResponse> EmulatorBackend::describeLimits()
{
    return run<DescribeLimitsResponse>(u"DescribeLimits"_s, {}, Access::Read,
                                       [](Engine &e) { return e.describeLimits(); });
}

BackendFuture<ShardStatistics> EmulatorBackend::retentionImpact(const QString &streamName, int hours)
{
    return run<ShardStatistics>(u"RetentionImpact"_s, streamName, Access::Read,
                                [streamName, hours](Engine &e) { return e.retentionImpact(streamName, hours); });
}

BackendFuture<void> EmulatorBackend::createStream(const CreateStreamRequest &request)
{
    return run<void>(u"CreateStream"_s, request.streamName, Access::Write,
                     [request](Engine &e) { return e.createStream(request); });
}

BackendFuture<void> EmulatorBackend::deleteStream(const DeleteStreamRequest &request)
{
    return run<void>(u"DeleteStream"_s, nameOf(request.target), Access::Write,
                     [request](Engine &e) { return e.deleteStream(request); });
}

BackendFuture<void> EmulatorBackend::increaseStreamRetentionPeriod(const RetentionPeriodRequest &request)
{
    return run<void>(u"IncreaseStreamRetentionPeriod"_s, nameOf(request.target), Access::Write,
                     [request](Engine &e) { return e.increaseStreamRetentionPeriod(request); });
}

BackendFuture<void> EmulatorBackend::decreaseStreamRetentionPeriod(const RetentionPeriodRequest &request)
{
    return run<void>(u"DecreaseStreamRetentionPeriod"_s, nameOf(request.target), Access::Write,
                     [request](Engine &e) { return e.decreaseStreamRetentionPeriod(request); });
}

BackendFuture<void> EmulatorBackend::updateStreamMode(const UpdateStreamModeRequest &request)
{
    return run<void>(u"UpdateStreamMode"_s, request.streamArn, Access::Write,
                     [request](Engine &e) { return e.updateStreamMode(request); });
}

BackendFuture<void> EmulatorBackend::updateMaxRecordSize(const UpdateMaxRecordSizeRequest &request)
{
    return run<void>(u"UpdateMaxRecordSize"_s, nameOf(request.target), Access::Write,
                     [request](Engine &e) { return e.updateMaxRecordSize(request); });
}

BackendFuture<UpdateShardCountResponse> EmulatorBackend::updateShardCount(const UpdateShardCountRequest &request)
{
    return run<UpdateShardCountResponse>(u"UpdateShardCount"_s, nameOf(request.target), Access::Write,
                                         [request](Engine &e) { return e.updateShardCount(request); });
}

BackendFuture<void> EmulatorBackend::splitShard(const SplitShardRequest &request)
{
    return run<void>(u"SplitShard"_s, nameOf(request.target), Access::Write,
                     [request](Engine &e) { return e.splitShard(request); });
}

BackendFuture<void> EmulatorBackend::mergeShards(const MergeShardsRequest &request)
{
    return run<void>(u"MergeShards"_s, nameOf(request.target), Access::Write,
                     [request](Engine &e) { return e.mergeShards(request); });
}

BackendFuture<void> EmulatorBackend::startStreamEncryption(const StartStreamEncryptionRequest &request)
{
    return run<void>(u"StartStreamEncryption"_s, nameOf(request.target), Access::Write,
                     [request](Engine &e) { return e.startStreamEncryption(request); });
}

BackendFuture<void> EmulatorBackend::stopStreamEncryption(const StopStreamEncryptionRequest &request)
{
    return run<void>(u"StopStreamEncryption"_s, nameOf(request.target), Access::Write,
                     [request](Engine &e) { return e.stopStreamEncryption(request); });
}

namespace {

QList<KmsKeyInfo> keysWithAliases(const Engine &engine)
{
    const QList<KmsAlias> aliases = engine.listAliases();
    QList<KmsKeyInfo> result;
    for (const KmsKey &key : engine.listKeys()) {
        KmsKeyInfo info{key, {}};
        for (const KmsAlias &alias : aliases) {
            if (alias.targetKeyId == key.keyId)
                info.aliases.append(alias.aliasName);
        }
        info.aliases.sort();
        result.append(info);
    }
    return result;
}

} // namespace

BackendFuture<QList<KmsKeyInfo>> EmulatorBackend::listKmsKeys()
{
    return run<QList<KmsKeyInfo>>(u"kms:ListKeys"_s, {}, Access::Read,
                                  [](Engine &e) -> BackendResult<QList<KmsKeyInfo>> { return keysWithAliases(e); });
}

BackendFuture<KmsKeyInfo> EmulatorBackend::createKmsKey(const QString &description, const QString &aliasName)
{
    return run<KmsKeyInfo>(
        u"kms:CreateKey"_s, aliasName, Access::Write,
        [description, aliasName](Engine &e) -> BackendResult<KmsKeyInfo> {
            // Check the alias first, so a refused alias does not leave a nameless key behind.
            if (!aliasName.isEmpty()) {
                if (auto problem = kmsAliasNameProblem(aliasName))
                    return std::unexpected(*problem);
                for (const KmsAlias &existing : e.listAliases()) {
                    if (existing.aliasName == aliasName)
                        return std::unexpected(Error{ErrorType::ResourceInUse,
                                                     u"An alias with the name "_s + existing.aliasArn +
                                                         u" already exists"_s});
                }
            }
            auto key = e.createKey(description);
            if (!key)
                return std::unexpected(key.error());
            KmsKeyInfo info{*key, {}};
            if (!aliasName.isEmpty()) {
                auto alias = e.createAlias(aliasName, key->keyId);
                if (!alias)
                    return std::unexpected(alias.error());
                info.aliases.append(alias->aliasName);
            }
            return info;
        });
}

BackendFuture<void> EmulatorBackend::addTagsToStream(const AddTagsToStreamRequest &request)
{
    return run<void>(u"AddTagsToStream"_s, nameOf(request.target), Access::Write,
                     [request](Engine &e) { return e.addTagsToStream(request); });
}

BackendFuture<void> EmulatorBackend::removeTagsFromStream(const RemoveTagsFromStreamRequest &request)
{
    return run<void>(u"RemoveTagsFromStream"_s, nameOf(request.target), Access::Write,
                     [request](Engine &e) { return e.removeTagsFromStream(request); });
}

BackendFuture<ListTagsForStreamResponse> EmulatorBackend::listTagsForStream(const ListTagsForStreamRequest &request)
{
    return run<ListTagsForStreamResponse>(u"ListTagsForStream"_s, nameOf(request.target), Access::Read,
                                          [request](Engine &e) { return e.listTagsForStream(request); });
}

BackendFuture<QList<Tag>> EmulatorBackend::listAllTagsForStream(const StreamTarget &target)
{
    return run<QList<Tag>>(
        u"ListTagsForStream"_s, nameOf(target), Access::Read,
        [target](Engine &e) -> BackendResult<QList<Tag>> {
            QList<Tag> all;
            ListTagsForStreamRequest request;
            request.target = target;
            request.limit = 50;
            for (;;) {
                auto page = e.listTagsForStream(request);
                if (!page)
                    return std::unexpected(page.error());
                all.append(page->tags);
                if (!page->hasMoreTags || page->tags.isEmpty())
                    return all;
                request.exclusiveStartTagKey = page->tags.constLast().key;
            }
        });
}

BackendFuture<void> EmulatorBackend::tagResource(const TagResourceRequest &request)
{
    return run<void>(u"TagResource"_s, request.resourceArn, Access::Write,
                     [request](Engine &e) { return e.tagResource(request); });
}

BackendFuture<void> EmulatorBackend::untagResource(const UntagResourceRequest &request)
{
    return run<void>(u"UntagResource"_s, request.resourceArn, Access::Write,
                     [request](Engine &e) { return e.untagResource(request); });
}

BackendFuture<ListTagsForResourceResponse> EmulatorBackend::listTagsForResource(const ListTagsForResourceRequest &request)
{
    return run<ListTagsForResourceResponse>(u"ListTagsForResource"_s, request.resourceArn, Access::Read,
                                            [request](Engine &e) { return e.listTagsForResource(request); });
}

BackendFuture<QList<Consumer>> EmulatorBackend::listAllStreamConsumers(const QString &streamArn)
{
    return run<QList<Consumer>>(
        u"ListStreamConsumers"_s, streamArn, Access::Read,
        [streamArn](Engine &e) -> BackendResult<QList<Consumer>> {
            QList<Consumer> all;
            ListStreamConsumersRequest request;
            request.streamArn = streamArn;
            for (;;) {
                auto page = e.listStreamConsumers(request);
                if (!page)
                    return std::unexpected(page.error());
                all.append(page->consumers);
                if (page->nextToken.isEmpty() || page->consumers.isEmpty())
                    return all;
                request.nextToken = page->nextToken;
            }
        });
}

namespace {
// What the activity dock shows as a consumer call's target.
QString consumerTargetText(const ConsumerTarget &target)
{
    return target.consumerArn.isEmpty() ? target.consumerName : target.consumerArn;
}
} // namespace

BackendFuture<Consumer> EmulatorBackend::registerStreamConsumer(const RegisterStreamConsumerRequest &request)
{
    return run<Consumer>(u"RegisterStreamConsumer"_s, request.consumerName, Access::Write,
                         [request](Engine &e) { return e.registerStreamConsumer(request); });
}

BackendFuture<ConsumerDescription> EmulatorBackend::describeStreamConsumer(const ConsumerTarget &target)
{
    return run<ConsumerDescription>(u"DescribeStreamConsumer"_s, consumerTargetText(target),
                                    Access::Read,
                                    [target](Engine &e) { return e.describeStreamConsumer(target); });
}

BackendFuture<void> EmulatorBackend::deregisterStreamConsumer(const ConsumerTarget &target)
{
    return run<void>(u"DeregisterStreamConsumer"_s, consumerTargetText(target), Access::Write,
                     [target](Engine &e) { return e.deregisterStreamConsumer(target); });
}

BackendSubscription *EmulatorBackend::subscribeToShard(const SubscribeToShardRequest &request,
                                                       QObject *parent)
{
    // A read: a read-only connection may subscribe.
    BackendCall call{++m_nextCallId, u"SubscribeToShard"_s,
                     BackendSubscription::activityTarget(request),
                     QDateTime::currentDateTimeUtc(), 0, {}};
    emit callStarted(call);
    return new EmulatorSubscription(*this, m_engine, m_pool, std::move(call), request, parent);
}

QList<SubscriptionStatus> EmulatorBackend::liveSubscriptions() const
{
    return m_engine.activeSubscriptions();
}

BackendFuture<QList<ShardReader>> EmulatorBackend::shardReaders(const QString &streamName)
{
    return run<QList<ShardReader>>(u"ShardReaders"_s, streamName, Access::Read,
                                   [streamName](Engine &e) { return e.shardReaders(streamName); });
}

BackendFuture<PutRecordResponse> EmulatorBackend::putRecord(const PutRecordRequest &request)
{
    return run<PutRecordResponse>(u"PutRecord"_s, nameOf(request.target), Access::Write,
                                  [request](Engine &e) { return e.putRecord(request); });
}

BackendFuture<PutRecordsResponse> EmulatorBackend::putRecords(const PutRecordsRequest &request)
{
    return run<PutRecordsResponse>(u"PutRecords"_s, nameOf(request.target), Access::Write,
                                   [request](Engine &e) { return e.putRecords(request); });
}

BackendFuture<GetShardIteratorResponse> EmulatorBackend::getShardIterator(const GetShardIteratorRequest &request)
{
    return run<GetShardIteratorResponse>(u"GetShardIterator"_s, nameOf(request.target), Access::Read,
                                         [request](Engine &e) { return e.getShardIterator(request); });
}

BackendFuture<GetRecordsResponse> EmulatorBackend::getRecords(const GetRecordsRequest &request)
{
    return run<GetRecordsResponse>(u"GetRecords"_s, request.streamArn, Access::Read,
                                   [request](Engine &e) { return e.getRecords(request); });
}

// --- The control plane ------------------------------------------------------------------------

BackendFuture<EnhancedMonitoringResponse> EmulatorBackend::enableEnhancedMonitoring(const EnhancedMonitoringRequest &request)
{
    return run<EnhancedMonitoringResponse>(u"EnableEnhancedMonitoring"_s, nameOf(request.target), Access::Write,
                     [request](Engine &e) { return e.enableEnhancedMonitoring(request); });
}

BackendFuture<EnhancedMonitoringResponse> EmulatorBackend::disableEnhancedMonitoring(const EnhancedMonitoringRequest &request)
{
    return run<EnhancedMonitoringResponse>(u"DisableEnhancedMonitoring"_s, nameOf(request.target), Access::Write,
                     [request](Engine &e) { return e.disableEnhancedMonitoring(request); });
}

BackendFuture<UpdateStreamWarmThroughputResponse> EmulatorBackend::updateStreamWarmThroughput(const UpdateStreamWarmThroughputRequest &request)
{
    return run<UpdateStreamWarmThroughputResponse>(u"UpdateStreamWarmThroughput"_s, nameOf(request.target), Access::Write,
                     [request](Engine &e) { return e.updateStreamWarmThroughput(request); });
}

BackendFuture<AccountSettings> EmulatorBackend::describeAccountSettings()
{
    return run<AccountSettings>(u"DescribeAccountSettings"_s, {}, Access::Read,
                     [](Engine &e) { return e.describeAccountSettings(); });
}

BackendFuture<AccountSettings> EmulatorBackend::updateAccountSettings(const UpdateAccountSettingsRequest &request)
{
    return run<AccountSettings>(u"UpdateAccountSettings"_s, {}, Access::Write,
                     [request](Engine &e) { return e.updateAccountSettings(request); });
}

BackendFuture<void> EmulatorBackend::putResourcePolicy(const PutResourcePolicyRequest &request)
{
    return run<void>(u"PutResourcePolicy"_s, request.resourceArn, Access::Write,
                     [request](Engine &e) { return e.putResourcePolicy(request); });
}

BackendFuture<GetResourcePolicyResponse> EmulatorBackend::getResourcePolicy(const ResourcePolicyTarget &request)
{
    return run<GetResourcePolicyResponse>(u"GetResourcePolicy"_s, request.resourceArn, Access::Read,
                     [request](Engine &e) { return e.getResourcePolicy(request); });
}

BackendFuture<void> EmulatorBackend::deleteResourcePolicy(const ResourcePolicyTarget &request)
{
    return run<void>(u"DeleteResourcePolicy"_s, request.resourceArn, Access::Write,
                     [request](Engine &e) { return e.deleteResourcePolicy(request); });
}

// --- Metrics ---------------------------------------------------------------------------------

BackendFuture<MetricDataResponse> EmulatorBackend::getMetricData(const MetricDataRequest &request)
{
    const QString target = request.queries.isEmpty() ? QString()
                                                     : request.queries.constFirst().key.streamName;
    return run<MetricDataResponse>(u"GetMetricData"_s, target, Access::Read,
                                   [request](Engine &e) { return e.getMetricData(request); });
}

// --- Throughput use --------------------------------------------------------------------------

BackendFuture<QList<ShardUsage>> EmulatorBackend::shardUsage(const StreamTarget &target)
{
    return run<QList<ShardUsage>>(u"ShardUsage"_s, nameOf(target), Access::Read,
                                  [target](Engine &e) { return e.shardUsage(target); });
}

QString EmulatorBackend::databasePath() const
{
    return m_engine.databasePath();
}

bool EmulatorBackend::isInMemory() const
{
    return m_engine.isInMemory();
}

} // namespace shardscope
