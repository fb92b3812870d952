#pragma once

// A StreamBackend that answers every call like the one it wraps, but only after a delay, as a
// far-away AWS region or a stalled network would. GUI tests drive windows against it to prove
// that nothing on the GUI thread waits for a backend.

#include "backend/streambackend.h"

#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace shardscope::testing {

class SlowBackend final : public StreamBackend
{

public:
    SlowBackend(StreamBackend &inner, int delayMs) : m_inner(inner), m_delayMs(delayMs)
    {
        m_pool.setMaxThreadCount(16);
        connect(&inner, &StreamBackend::catalogChanged, this, &StreamBackend::catalogChanged);
        connect(&inner, &StreamBackend::recordsAppended, this, &StreamBackend::recordsAppended);
        connect(&inner, &StreamBackend::callStarted, this, &StreamBackend::callStarted);
        connect(&inner, &StreamBackend::callFinished, this, &StreamBackend::callFinished);
    }
    ~SlowBackend() override { m_pool.waitForDone(); }

    void setDelayMs(int delayMs) { m_delayMs = delayMs; }

    BackendKind kind() const override { return m_inner.kind(); }
    QString displayName() const override { return m_inner.displayName(); }
    QString location() const override { return m_inner.location(); }
    bool isReadOnly() const override { return m_inner.isReadOnly(); }
    bool hasShardStatistics() const override { return m_inner.hasShardStatistics(); }

    BackendFuture<ListStreamsResponse> listStreams(const ListStreamsRequest &request) override { return delayed(m_inner.listStreams(request)); }
    BackendFuture<QList<StreamSummary>> listAllStreams() override { return delayed(m_inner.listAllStreams()); }
    BackendFuture<StreamDescriptionSummary> describeStreamSummary(const StreamTarget &target) override { return delayed(m_inner.describeStreamSummary(target)); }
    BackendFuture<StreamDescription> describeStream(const DescribeStreamRequest &request) override { return delayed(m_inner.describeStream(request)); }
    BackendFuture<ListShardsResponse> listShards(const ListShardsRequest &request) override { return delayed(m_inner.listShards(request)); }
    BackendFuture<QList<Shard>> listAllShards(const StreamTarget &target, const std::optional<ShardFilter> &filter) override { return delayed(m_inner.listAllShards(target, filter)); }
    BackendFuture<QList<ShardStatistics>> shardStatistics(const QString &streamName) override { return delayed(m_inner.shardStatistics(streamName)); }
    BackendFuture<DescribeLimitsResponse> describeLimits() override { return delayed(m_inner.describeLimits()); }
    BackendFuture<ShardStatistics> retentionImpact(const QString &streamName, int hours) override { return delayed(m_inner.retentionImpact(streamName, hours)); }
    BackendFuture<void> createStream(const CreateStreamRequest &request) override { return delayed(m_inner.createStream(request)); }
    BackendFuture<void> deleteStream(const DeleteStreamRequest &request) override { return delayed(m_inner.deleteStream(request)); }
    BackendFuture<void> increaseStreamRetentionPeriod(const RetentionPeriodRequest &request) override { return delayed(m_inner.increaseStreamRetentionPeriod(request)); }
    BackendFuture<void> decreaseStreamRetentionPeriod(const RetentionPeriodRequest &request) override { return delayed(m_inner.decreaseStreamRetentionPeriod(request)); }
    BackendFuture<void> updateStreamMode(const UpdateStreamModeRequest &request) override { return delayed(m_inner.updateStreamMode(request)); }
    BackendFuture<void> updateMaxRecordSize(const UpdateMaxRecordSizeRequest &request) override { return delayed(m_inner.updateMaxRecordSize(request)); }
    BackendFuture<UpdateShardCountResponse> updateShardCount(const UpdateShardCountRequest &request) override { return delayed(m_inner.updateShardCount(request)); }
    BackendFuture<void> splitShard(const SplitShardRequest &request) override { return delayed(m_inner.splitShard(request)); }
    BackendFuture<void> mergeShards(const MergeShardsRequest &request) override { return delayed(m_inner.mergeShards(request)); }
    BackendFuture<void> startStreamEncryption(const StartStreamEncryptionRequest &request) override { return delayed(m_inner.startStreamEncryption(request)); }
    BackendFuture<void> stopStreamEncryption(const StopStreamEncryptionRequest &request) override { return delayed(m_inner.stopStreamEncryption(request)); }
    BackendFuture<QList<KmsKeyInfo>> listKmsKeys() override { return delayed(m_inner.listKmsKeys()); }
    BackendFuture<KmsKeyInfo> createKmsKey(const QString &description, const QString &aliasName) override { return delayed(m_inner.createKmsKey(description, aliasName)); }
    BackendFuture<void> addTagsToStream(const AddTagsToStreamRequest &request) override { return delayed(m_inner.addTagsToStream(request)); }
    BackendFuture<void> removeTagsFromStream(const RemoveTagsFromStreamRequest &request) override { return delayed(m_inner.removeTagsFromStream(request)); }
    BackendFuture<ListTagsForStreamResponse> listTagsForStream(const ListTagsForStreamRequest &request) override { return delayed(m_inner.listTagsForStream(request)); }
    BackendFuture<QList<Tag>> listAllTagsForStream(const StreamTarget &target) override { return delayed(m_inner.listAllTagsForStream(target)); }
    BackendFuture<void> tagResource(const TagResourceRequest &request) override { return delayed(m_inner.tagResource(request)); }
    BackendFuture<void> untagResource(const UntagResourceRequest &request) override { return delayed(m_inner.untagResource(request)); }
    BackendFuture<ListTagsForResourceResponse> listTagsForResource(const ListTagsForResourceRequest &request) override { return delayed(m_inner.listTagsForResource(request)); }
    BackendFuture<QList<Consumer>> listAllStreamConsumers(const QString &streamArn) override { return delayed(m_inner.listAllStreamConsumers(streamArn)); }
    BackendFuture<Consumer> registerStreamConsumer(const RegisterStreamConsumerRequest &request) override { return delayed(m_inner.registerStreamConsumer(request)); }
    BackendFuture<ConsumerDescription> describeStreamConsumer(const ConsumerTarget &target) override { return delayed(m_inner.describeStreamConsumer(target)); }
    BackendFuture<void> deregisterStreamConsumer(const ConsumerTarget &target) override { return delayed(m_inner.deregisterStreamConsumer(target)); }
    // A subscription's signals come when the events do, on the event loop: nothing to delay.
    bool canSubscribeToShards() const override { return m_inner.canSubscribeToShards(); }
    BackendSubscription *subscribeToShard(const SubscribeToShardRequest &request, QObject *parent = nullptr) override { return m_inner.subscribeToShard(request, parent); }
    bool hasLiveSubscriptions() const override { return m_inner.hasLiveSubscriptions(); }
    QList<SubscriptionStatus> liveSubscriptions() const override { return m_inner.liveSubscriptions(); }
    // The control plane.
    BackendFuture<EnhancedMonitoringResponse> enableEnhancedMonitoring(const EnhancedMonitoringRequest &request) override { return delayed(m_inner.enableEnhancedMonitoring(request)); }
    BackendFuture<EnhancedMonitoringResponse> disableEnhancedMonitoring(const EnhancedMonitoringRequest &request) override { return delayed(m_inner.disableEnhancedMonitoring(request)); }
    BackendFuture<UpdateStreamWarmThroughputResponse> updateStreamWarmThroughput(const UpdateStreamWarmThroughputRequest &request) override { return delayed(m_inner.updateStreamWarmThroughput(request)); }
    BackendFuture<AccountSettings> describeAccountSettings() override { return delayed(m_inner.describeAccountSettings()); }
    BackendFuture<AccountSettings> updateAccountSettings(const UpdateAccountSettingsRequest &request) override { return delayed(m_inner.updateAccountSettings(request)); }
    BackendFuture<void> putResourcePolicy(const PutResourcePolicyRequest &request) override { return delayed(m_inner.putResourcePolicy(request)); }
    BackendFuture<GetResourcePolicyResponse> getResourcePolicy(const ResourcePolicyTarget &request) override { return delayed(m_inner.getResourcePolicy(request)); }
    BackendFuture<void> deleteResourcePolicy(const ResourcePolicyTarget &request) override { return delayed(m_inner.deleteResourcePolicy(request)); }
    BackendFuture<PutRecordResponse> putRecord(const PutRecordRequest &request) override { return delayed(m_inner.putRecord(request)); }
    BackendFuture<PutRecordsResponse> putRecords(const PutRecordsRequest &request) override { return delayed(m_inner.putRecords(request)); }
    BackendFuture<GetShardIteratorResponse> getShardIterator(const GetShardIteratorRequest &request) override { return delayed(m_inner.getShardIterator(request)); }
    BackendFuture<GetRecordsResponse> getRecords(const GetRecordsRequest &request) override { return delayed(m_inner.getRecords(request)); }

private:
    template<typename T>
    QFuture<T> delayed(QFuture<T> inner)
    {
        const int delay = m_delayMs;
        return QtConcurrent::run(&m_pool, [inner, delay]() mutable {
            QThread::msleep(static_cast<unsigned long>(delay));
            inner.waitForFinished();
            return inner.result();
        });
    }

    StreamBackend &m_inner;
    int m_delayMs;
    QThreadPool m_pool;
};

} // namespace shardscope::testing
