#include "engine.h"

#include "enginecore.h"
#include "enginelog.h"
#include "collectingsink.h"
#include "enginemetrics.h"
#include "readerregistry.h"
#include "shardsubscriptions.h"

#include "metrics/metricsregistry.h"

#include "kinesis/recordsink.h"
#include "kinesis/shardid.h"

#include <QElapsedTimer>

namespace shardscope {

std::expected<std::unique_ptr<Engine>, Error> Engine::open(EngineOptions options)
{
    std::unique_ptr<Engine> engine(new Engine());
    Engine *front = engine.get();
    EngineCore::Listener listener;
    listener.catalogChanged = [front] { emit front->catalogChanged(); };
    listener.recordsAppended = [front](const RecordStore::Announcement &appended) {
        emit front->recordsAppended(appended.streamName, ShardId::format(appended.shard),
                                    appended.last.toString(), appended.count);
    };
    auto core = EngineCore::open(std::move(options), std::move(listener));
    if (!core)
        return std::unexpected(core.error());
    engine->m_core = std::move(*core);

    // The metrics file sits beside the database; an engine whose metrics file cannot be opened
    // keeps its metrics in memory rather than refusing to start.
    auto clock = engine->m_core->options().clock;
    auto nowMs = [clock] { return clock->nowMs(); };
    const QString metricsPath = engine->isInMemory()
                                    ? QString()
                                    : engine->databasePath() + QStringLiteral("-metrics.sqlite");
    auto metrics = MetricsRegistry::open(metricsPath, nowMs);
    if (!metrics) {
        qCWarning(lcEngine).noquote() << metrics.error() << "- metrics are kept in memory only.";
        metrics = MetricsRegistry::open(QString(), nowMs);
    }
    engine->m_metrics = std::move(*metrics);
    // Shard-level metrics only for what the stream's enhanced monitoring has on, as on AWS.
    Engine *self = engine.get();
    engine->m_engineMetrics = std::make_unique<EngineMetrics>(
        *engine->m_metrics,
        [self](const QString &streamName) { return self->shardLevelMetrics(streamName); });
    // Subscriptions record their calls and events themselves, whoever serves them.
    engine->m_subscriptions =
        std::make_unique<ShardSubscriptions>(*engine->m_core, engine->m_engineMetrics.get());
    if (engine->options().readerRegistry)
        engine->m_readers = std::make_unique<ReaderRegistry>();
    return engine;
}

Engine::~Engine() = default;

MetricsRegistry &Engine::metrics() const
{
    return *m_metrics;
}

std::expected<MetricDataResponse, Error>
Engine::getMetricData(const MetricDataRequest &request) const
{
    return m_engineMetrics->getMetricData(request);
}

QList<MetricKey> Engine::listMetrics() const
{
    return m_metrics->metrics();
}

// The stream a put names, for its metrics: empty when it names none of this engine's.
QString Engine::metricsStreamName(const StreamTarget &target) const
{
    const auto stream = m_core->resolve(target);
    return stream ? (*stream)->name : QString();
}

const EngineOptions &Engine::options() const
{
    return m_core->options();
}

QString Engine::databasePath() const
{
    return m_core->databasePath();
}

bool Engine::isInMemory() const
{
    return m_core->isInMemory();
}

QString Engine::streamArn(const QString &streamName) const
{
    return m_core->streamArn(streamName);
}

bool Engine::throughputLimitsEnabled() const
{
    return m_core->limiter().isEnabled();
}

void Engine::setThroughputLimitsEnabled(bool enabled)
{
    m_core->limiter().setEnabled(enabled);
}

std::expected<QList<ShardUsage>, Error> Engine::shardUsage(const StreamTarget &target) const
{
    return UsageOperations::shardUsage(*m_core, target);
}

// --- Streams ---------------------------------------------------------------------------------

std::expected<void, Error> Engine::createStream(const CreateStreamRequest &request)
{
    return StreamOperations::createStream(*m_core, request);
}

std::expected<void, Error> Engine::deleteStream(const DeleteStreamRequest &request)
{
    return StreamOperations::deleteStream(*m_core, request);
}

std::expected<ListStreamsResponse, Error>
Engine::listStreams(const ListStreamsRequest &request) const
{
    return StreamOperations::listStreams(*m_core, request);
}

std::expected<StreamDescription, Error>
Engine::describeStream(const DescribeStreamRequest &request) const
{
    return StreamOperations::describeStream(*m_core, request);
}

std::expected<StreamDescriptionSummary, Error>
Engine::describeStreamSummary(const StreamTarget &target) const
{
    return StreamOperations::describeStreamSummary(*m_core, target);
}

std::expected<ListShardsResponse, Error> Engine::listShards(const ListShardsRequest &request) const
{
    return StreamOperations::listShards(*m_core, request);
}

std::expected<DescribeLimitsResponse, Error> Engine::describeLimits() const
{
    return StreamOperations::describeLimits(*m_core);
}

// --- Records ---------------------------------------------------------------------------------

std::expected<PutRecordResponse, Error> Engine::putRecord(const PutRecordRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    auto response = RecordOperations::putRecord(*m_core, request);
    const double latencyMs = double(timer.nsecsElapsed()) / 1e6;
    m_engineMetrics->putRecord(metricsStreamName(request.target), request, response, latencyMs);
    return response;
}

std::expected<PutRecordsResponse, Error> Engine::putRecords(const PutRecordsRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    auto response = RecordOperations::putRecords(*m_core, request);
    const double latencyMs = double(timer.nsecsElapsed()) / 1e6;
    m_engineMetrics->putRecords(metricsStreamName(request.target), request, response, latencyMs);
    return response;
}

std::expected<GetShardIteratorResponse, Error>
Engine::getShardIterator(const GetShardIteratorRequest &request, const Caller &caller) const
{
    auto response = RecordOperations::getShardIterator(*m_core, request);
    if (m_readers)
        ReaderOperations::recordShardIterator(*m_core, *m_readers, caller, response);
    return response;
}

std::expected<GetRecordsResponse, Error> Engine::getRecords(const GetRecordsRequest &request,
                                                            const Caller &caller) const
{
    QList<Record> records;
    CollectingSink sink(records);
    auto response = measuredGetRecords(request, sink, caller);
    if (response)
        response->records = std::move(records);
    return response;
}

std::expected<GetRecordsResponse, Error> Engine::getRecords(const GetRecordsRequest &request,
                                                            RecordSink &sink,
                                                            const Caller &caller) const
{
    return measuredGetRecords(request, sink, caller);
}

std::expected<GetRecordsResponse, Error>
Engine::measuredGetRecords(const GetRecordsRequest &request, RecordSink &sink,
                           const Caller &caller) const
{
    const qint64 startMs = m_core->now();
    EngineMetrics::CountingSink counted(sink);
    QElapsedTimer timer;
    timer.start();
    auto response = RecordOperations::getRecords(*m_core, request, counted);
    const double latencyMs = double(timer.nsecsElapsed()) / 1e6;
    // The iterator names the stream and shard; one the read refused names none.
    const auto iterator = m_core->tokens().open<ShardIteratorToken>(request.shardIterator, startMs);
    if (iterator)
        m_engineMetrics->getRecords(iterator->streamName, ShardId::format(iterator->shardIndex),
                                    response, counted, latencyMs, m_core->now());
    if (m_readers)
        ReaderOperations::recordGetRecords(*m_core, *m_readers, caller, request.shardIterator,
                                           iterator, response, counted, startMs);
    return response;
}

std::expected<QList<ShardReader>, Error> Engine::shardReaders(const QString &streamName) const
{
    if (!m_readers)
        return QList<ShardReader>();
    return ReaderOperations::shardReaders(*m_core, *m_readers, streamName);
}

std::expected<qint64, Error> Engine::storedRecordCount(const QString &streamName,
                                                       const QString &shardId) const
{
    return RecordOperations::storedRecordCount(*m_core, streamName, shardId);
}

std::expected<QList<ShardStatistics>, Error>
Engine::shardStatistics(const QString &streamName) const
{
    return RecordOperations::shardStatistics(*m_core, streamName);
}

// --- Resharding ------------------------------------------------------------------------------

std::expected<void, Error> Engine::splitShard(const SplitShardRequest &request)
{
    return ReshardOperations::splitShard(*m_core, request);
}

std::expected<void, Error> Engine::mergeShards(const MergeShardsRequest &request)
{
    return ReshardOperations::mergeShards(*m_core, request);
}

std::expected<UpdateShardCountResponse, Error>
Engine::updateShardCount(const UpdateShardCountRequest &request)
{
    return ReshardOperations::updateShardCount(*m_core, request);
}

// --- Stream settings -------------------------------------------------------------------------

std::expected<void, Error>
Engine::increaseStreamRetentionPeriod(const RetentionPeriodRequest &request)
{
    return SettingsOperations::changeRetention(*m_core, request, /*increase=*/true);
}

std::expected<void, Error>
Engine::decreaseStreamRetentionPeriod(const RetentionPeriodRequest &request)
{
    return SettingsOperations::changeRetention(*m_core, request, /*increase=*/false);
}

std::expected<void, Error> Engine::updateMaxRecordSize(const UpdateMaxRecordSizeRequest &request)
{
    return SettingsOperations::updateMaxRecordSize(*m_core, request);
}

std::expected<void, Error> Engine::updateStreamMode(const UpdateStreamModeRequest &request)
{
    return SettingsOperations::updateStreamMode(*m_core, request);
}

std::expected<ShardStatistics, Error> Engine::retentionImpact(const QString &streamName,
                                                              int hours) const
{
    return SettingsOperations::retentionImpact(*m_core, streamName, hours);
}

// --- Tags ------------------------------------------------------------------------------------

std::expected<void, Error> Engine::addTagsToStream(const AddTagsToStreamRequest &request)
{
    return TagOperations::addTagsToStream(*m_core, request);
}

std::expected<void, Error> Engine::removeTagsFromStream(const RemoveTagsFromStreamRequest &request)
{
    return TagOperations::removeTagsFromStream(*m_core, request);
}

std::expected<ListTagsForStreamResponse, Error>
Engine::listTagsForStream(const ListTagsForStreamRequest &request) const
{
    return TagOperations::listTagsForStream(*m_core, request);
}

std::expected<void, Error> Engine::tagResource(const TagResourceRequest &request)
{
    return TagOperations::tagResource(*m_core, request);
}

std::expected<void, Error> Engine::untagResource(const UntagResourceRequest &request)
{
    return TagOperations::untagResource(*m_core, request);
}

std::expected<ListTagsForResourceResponse, Error>
Engine::listTagsForResource(const ListTagsForResourceRequest &request) const
{
    return TagOperations::listTagsForResource(*m_core, request);
}

// --- Enhanced fan-out consumers ----------------------------------------------------------------

std::expected<Consumer, Error>
Engine::registerStreamConsumer(const RegisterStreamConsumerRequest &request)
{
    return ConsumerOperations::registerStreamConsumer(*m_core, request);
}

std::expected<void, Error> Engine::deregisterStreamConsumer(const ConsumerTarget &target)
{
    return ConsumerOperations::deregisterStreamConsumer(*m_core, target);
}

std::expected<ListStreamConsumersResponse, Error>
Engine::listStreamConsumers(const ListStreamConsumersRequest &request) const
{
    return ConsumerOperations::listStreamConsumers(*m_core, request);
}

std::expected<ConsumerDescription, Error>
Engine::describeStreamConsumer(const ConsumerTarget &target) const
{
    return ConsumerOperations::describeStreamConsumer(*m_core, target);
}

std::expected<std::shared_ptr<ShardSubscription>, Error>
Engine::subscribeToShard(const SubscribeToShardRequest &request)
{
    return m_subscriptions->subscribe(request);
}

QList<ShardSubscription::Status> Engine::activeSubscriptions() const
{
    return m_subscriptions->active();
}

// --- Encryption at rest and the local KMS --------------------------------------------------------

std::expected<void, Error>
Engine::startStreamEncryption(const StartStreamEncryptionRequest &request)
{
    return EncryptionOperations::startStreamEncryption(*m_core, request);
}

std::expected<void, Error> Engine::stopStreamEncryption(const StopStreamEncryptionRequest &request)
{
    return EncryptionOperations::stopStreamEncryption(*m_core, request);
}

std::expected<KmsKey, Error> Engine::createKey(const QString &description)
{
    return EncryptionOperations::createKey(*m_core, description);
}

std::expected<KmsAlias, Error> Engine::createAlias(const QString &aliasName, const QString &keyId)
{
    return EncryptionOperations::createAlias(*m_core, aliasName, keyId);
}

std::expected<KmsKey, Error> Engine::enableKey(const QString &keyId)
{
    return EncryptionOperations::enableKey(*m_core, keyId);
}

std::expected<KmsKey, Error> Engine::disableKey(const QString &keyId)
{
    return EncryptionOperations::disableKey(*m_core, keyId);
}

std::expected<KmsKey, Error> Engine::scheduleKeyDeletion(const QString &keyId)
{
    return EncryptionOperations::scheduleKeyDeletion(*m_core, keyId);
}

std::expected<KmsKey, Error> Engine::cancelKeyDeletion(const QString &keyId)
{
    return EncryptionOperations::cancelKeyDeletion(*m_core, keyId);
}

QList<KmsKey> Engine::listKeys() const
{
    return m_core->kms().keys();
}

QList<KmsAlias> Engine::listAliases() const
{
    return m_core->kms().aliases();
}

// --- Housekeeping ------------------------------------------------------------------------------

void Engine::runHousekeeping()
{
    m_core->runHousekeeping();
}

// --- Control plane ---------------------------------------------------------------------------

std::expected<EnhancedMonitoringResponse, Error>
Engine::enableEnhancedMonitoring(const EnhancedMonitoringRequest &request)
{
    return ControlPlaneOperations::changeEnhancedMonitoring(*m_core, request, true);
}

std::expected<EnhancedMonitoringResponse, Error>
Engine::disableEnhancedMonitoring(const EnhancedMonitoringRequest &request)
{
    return ControlPlaneOperations::changeEnhancedMonitoring(*m_core, request, false);
}

std::expected<UpdateStreamWarmThroughputResponse, Error>
Engine::updateStreamWarmThroughput(const UpdateStreamWarmThroughputRequest &request)
{
    return ControlPlaneOperations::updateStreamWarmThroughput(*m_core, request);
}

std::expected<AccountSettings, Error> Engine::describeAccountSettings() const
{
    return ControlPlaneOperations::describeAccountSettings(*m_core);
}

std::expected<AccountSettings, Error>
Engine::updateAccountSettings(const UpdateAccountSettingsRequest &request)
{
    return ControlPlaneOperations::updateAccountSettings(*m_core, request);
}

std::expected<void, Error> Engine::putResourcePolicy(const PutResourcePolicyRequest &request)
{
    return ControlPlaneOperations::putResourcePolicy(*m_core, request);
}

std::expected<GetResourcePolicyResponse, Error>
Engine::getResourcePolicy(const ResourcePolicyTarget &request) const
{
    return ControlPlaneOperations::getResourcePolicy(*m_core, request);
}

std::expected<void, Error> Engine::deleteResourcePolicy(const ResourcePolicyTarget &request)
{
    return ControlPlaneOperations::deleteResourcePolicy(*m_core, request);
}

QStringList Engine::shardLevelMetrics(const QString &streamName) const
{
    return ControlPlaneOperations::shardLevelMetrics(*m_core, streamName);
}

} // namespace shardscope
