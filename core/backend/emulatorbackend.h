#pragma once

#include "backend/streambackend.h"

#include <QThreadPool>

namespace shardscope {

class Engine;

struct EmulatorBackendOptions
{
    QString displayName = QStringLiteral("Local emulator");
    bool readOnly = false;
    // Worker threads that may wait on the engine at once; the engine serialises writes anyway.
    int maxThreads = 4;
};

// StreamBackend over the embedded engine. Each call runs the engine's synchronous method on this
// backend's own bounded thread pool, so the caller's thread never waits on SQLite.
//
// Threads: lives on the thread that created it (the GUI thread). It does not own the engine,
// which must outlive it; the destructor waits for calls still running.
class EmulatorBackend final : public StreamBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmulatorBackend)

public:
    explicit EmulatorBackend(Engine &engine, EmulatorBackendOptions options = {},
                             QObject *parent = nullptr);
    ~EmulatorBackend() override;

    BackendKind kind() const override { return BackendKind::LocalEmulator; }
    QString displayName() const override { return m_options.displayName; }
    QString location() const override;
    bool isReadOnly() const override { return m_options.readOnly; }
    bool hasShardStatistics() const override { return true; }

    BackendFuture<ListStreamsResponse> listStreams(const ListStreamsRequest &request) override;
    BackendFuture<QList<StreamSummary>> listAllStreams() override;
    BackendFuture<StreamDescriptionSummary> describeStreamSummary(const StreamTarget &target) override;
    BackendFuture<StreamDescription> describeStream(const DescribeStreamRequest &request) override;
    BackendFuture<ListShardsResponse> listShards(const ListShardsRequest &request) override;
    BackendFuture<QList<Shard>> listAllShards(const StreamTarget &target,
                                              const std::optional<ShardFilter> &filter = {}) override;
    BackendFuture<QList<ShardStatistics>> shardStatistics(const QString &streamName) override;
    BackendFuture<DescribeLimitsResponse> describeLimits() override;
    BackendFuture<ShardStatistics> retentionImpact(const QString &streamName, int hours) override;

    BackendFuture<void> createStream(const CreateStreamRequest &request) override;
    BackendFuture<void> deleteStream(const DeleteStreamRequest &request) override;
    BackendFuture<void> increaseStreamRetentionPeriod(const RetentionPeriodRequest &request) override;
    BackendFuture<void> decreaseStreamRetentionPeriod(const RetentionPeriodRequest &request) override;
    BackendFuture<void> updateStreamMode(const UpdateStreamModeRequest &request) override;
    BackendFuture<void> updateMaxRecordSize(const UpdateMaxRecordSizeRequest &request) override;
    BackendFuture<UpdateShardCountResponse> updateShardCount(const UpdateShardCountRequest &request) override;
    BackendFuture<void> splitShard(const SplitShardRequest &request) override;
    BackendFuture<void> mergeShards(const MergeShardsRequest &request) override;
    BackendFuture<void> startStreamEncryption(const StartStreamEncryptionRequest &request) override;
    BackendFuture<void> stopStreamEncryption(const StopStreamEncryptionRequest &request) override;
    BackendFuture<QList<KmsKeyInfo>> listKmsKeys() override;
    BackendFuture<KmsKeyInfo> createKmsKey(const QString &description, const QString &aliasName) override;

    BackendFuture<void> addTagsToStream(const AddTagsToStreamRequest &request) override;
    BackendFuture<void> removeTagsFromStream(const RemoveTagsFromStreamRequest &request) override;
    BackendFuture<ListTagsForStreamResponse> listTagsForStream(const ListTagsForStreamRequest &request) override;
    BackendFuture<QList<Tag>> listAllTagsForStream(const StreamTarget &target) override;
    BackendFuture<void> tagResource(const TagResourceRequest &request) override;
    BackendFuture<void> untagResource(const UntagResourceRequest &request) override;
    BackendFuture<ListTagsForResourceResponse> listTagsForResource(const ListTagsForResourceRequest &request) override;
    BackendFuture<QList<Consumer>> listAllStreamConsumers(const QString &streamArn) override;
    BackendFuture<Consumer> registerStreamConsumer(const RegisterStreamConsumerRequest &request) override;
    BackendFuture<ConsumerDescription> describeStreamConsumer(const ConsumerTarget &target) override;
    BackendFuture<void> deregisterStreamConsumer(const ConsumerTarget &target) override;
    bool canSubscribeToShards() const override { return true; }
    // An EmulatorSubscription: opened and polled on this backend's pool.
    BackendSubscription *subscribeToShard(const SubscribeToShardRequest &request,
                                          QObject *parent = nullptr) override;
    // The engine's database file; for an in-memory engine, its temporary file (removed when the
    // engine closes).
    QString databasePath() const;
    bool isInMemory() const;
    // Every subscription the engine serves, in process and through `--serve`.
    bool hasLiveSubscriptions() const override { return true; }
    QList<SubscriptionStatus> liveSubscriptions() const override;
    // Every reader the engine serves, in process (this app's own) and through `--serve`.
    bool hasShardReaders() const override { return true; }
    BackendFuture<QList<ShardReader>> shardReaders(const QString &streamName) override;

    // The control plane.
    BackendFuture<EnhancedMonitoringResponse> enableEnhancedMonitoring(const EnhancedMonitoringRequest &request) override;
    BackendFuture<EnhancedMonitoringResponse> disableEnhancedMonitoring(const EnhancedMonitoringRequest &request) override;
    BackendFuture<UpdateStreamWarmThroughputResponse> updateStreamWarmThroughput(const UpdateStreamWarmThroughputRequest &request) override;
    BackendFuture<AccountSettings> describeAccountSettings() override;
    BackendFuture<AccountSettings> updateAccountSettings(const UpdateAccountSettingsRequest &request) override;
    BackendFuture<void> putResourcePolicy(const PutResourcePolicyRequest &request) override;
    BackendFuture<GetResourcePolicyResponse> getResourcePolicy(const ResourcePolicyTarget &request) override;
    BackendFuture<void> deleteResourcePolicy(const ResourcePolicyTarget &request) override;

    BackendFuture<PutRecordResponse> putRecord(const PutRecordRequest &request) override;
    BackendFuture<PutRecordsResponse> putRecords(const PutRecordsRequest &request) override;
    BackendFuture<GetShardIteratorResponse> getShardIterator(const GetShardIteratorRequest &request) override;
    BackendFuture<GetRecordsResponse> getRecords(const GetRecordsRequest &request) override;

    // Metrics: the engine's own (core/metrics/).
    bool hasMetrics() const override { return true; }
    BackendFuture<MetricDataResponse> getMetricData(const MetricDataRequest &request) override;

    // Throughput use: the engine's limiter, over the last second.
    bool hasShardUsage() const override { return true; }
    BackendFuture<QList<ShardUsage>> shardUsage(const StreamTarget &target) override;

private:
    enum class Access { Read, Write };

    // Runs `work(engine)` on the pool and reports the call through callStarted/callFinished.
    template<typename T, typename Work>
    BackendFuture<T> run(const QString &operation, const QString &target, Access access, Work work);

    Engine &m_engine;
    EmulatorBackendOptions m_options;
    QThreadPool m_pool;
    quint64 m_nextCallId = 0;
};

} // namespace shardscope
