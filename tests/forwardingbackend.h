#pragma once

// A StreamBackend that answers every call with the one it wraps and re-emits its signals. Tests
// derive from it and override only the calls they want to change (fail, delay, count), so a
// new StreamBackend call needs one line here, not one in every test.

#include "backend/streambackend.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace shardscope::testing {

class ForwardingBackend : public StreamBackend
{
public:
    explicit ForwardingBackend(StreamBackend &inner) : m_inner(inner)
    {
        connect(&inner, &StreamBackend::catalogChanged, this, &StreamBackend::catalogChanged);
        connect(&inner, &StreamBackend::recordsAppended, this, &StreamBackend::recordsAppended);
        connect(&inner, &StreamBackend::callStarted, this, &StreamBackend::callStarted);
        connect(&inner, &StreamBackend::callFinished, this, &StreamBackend::callFinished);
    }

    StreamBackend &inner() const { return m_inner; }

    // For stand-ins that refuse some PutRecords entries themselves: `results` holds the refused
    // entries' errors; the entries without one go to the wrapped backend, and its per-record
    // results are merged back in request order (on `pool`, which must outlive the future).
    BackendFuture<PutRecordsResponse> putRecordsExceptRefused(const PutRecordsRequest &request,
                                                              QList<PutRecordsResultEntry> results,
                                                              QThreadPool &pool)
    {
        QList<int> forwarded;
        PutRecordsRequest passing;
        passing.target = request.target;
        for (qsizetype i = 0; i < request.records.size(); ++i) {
            if (results.at(i).errorCode.isEmpty()) {
                forwarded.append(int(i));
                passing.records.append(request.records.at(i));
            }
        }
        BackendFuture<PutRecordsResponse> inner;
        if (!passing.records.isEmpty())
            inner = m_inner.putRecords(passing);
        return QtConcurrent::run(&pool, [inner, results, forwarded]() mutable
                                 -> BackendResult<PutRecordsResponse> {
            PutRecordsResponse response;
            if (!forwarded.isEmpty()) {
                inner.waitForFinished();
                const auto done = inner.result();
                if (!done)
                    return std::unexpected(done.error());
                for (qsizetype j = 0; j < forwarded.size(); ++j)
                    results[forwarded.at(j)] = done->records.at(j);
            }
            for (const auto &r : results)
                response.failedRecordCount += r.errorCode.isEmpty() ? 0 : 1;
            response.records = results;
            return response;
        });
    }

    BackendKind kind() const override { return m_inner.kind(); }
    QString displayName() const override { return m_inner.displayName(); }
    QString location() const override { return m_inner.location(); }
    bool isReadOnly() const override { return m_inner.isReadOnly(); }
    bool hasShardStatistics() const override { return m_inner.hasShardStatistics(); }
    BackendFuture<ListStreamsResponse> listStreams(const ListStreamsRequest &request) override { return m_inner.listStreams(request); }
    BackendFuture<QList<StreamSummary>> listAllStreams() override { return m_inner.listAllStreams(); }
    BackendFuture<StreamDescriptionSummary> describeStreamSummary(const StreamTarget &target) override { return m_inner.describeStreamSummary(target); }
    BackendFuture<StreamDescription> describeStream(const DescribeStreamRequest &request) override { return m_inner.describeStream(request); }
    BackendFuture<ListShardsResponse> listShards(const ListShardsRequest &request) override { return m_inner.listShards(request); }
    BackendFuture<QList<Shard>> listAllShards(const StreamTarget &target, const std::optional<ShardFilter> &filter) override { return m_inner.listAllShards(target, filter); }
    BackendFuture<QList<ShardStatistics>> shardStatistics(const QString &streamName) override { return m_inner.shardStatistics(streamName); }
    BackendFuture<DescribeLimitsResponse> describeLimits() override { return m_inner.describeLimits(); }
    BackendFuture<ShardStatistics> retentionImpact(const QString &streamName, int hours) override { return m_inner.retentionImpact(streamName, hours); }
    BackendFuture<void> createStream(const CreateStreamRequest &request) override { return m_inner.createStream(request); }
    BackendFuture<void> deleteStream(const DeleteStreamRequest &request) override { return m_inner.deleteStream(request); }
    BackendFuture<void> increaseStreamRetentionPeriod(const RetentionPeriodRequest &request) override { return m_inner.increaseStreamRetentionPeriod(request); }
    BackendFuture<void> decreaseStreamRetentionPeriod(const RetentionPeriodRequest &request) override { return m_inner.decreaseStreamRetentionPeriod(request); }
    BackendFuture<void> updateStreamMode(const UpdateStreamModeRequest &request) override { return m_inner.updateStreamMode(request); }
    BackendFuture<void> updateMaxRecordSize(const UpdateMaxRecordSizeRequest &request) override { return m_inner.updateMaxRecordSize(request); }
    BackendFuture<UpdateShardCountResponse> updateShardCount(const UpdateShardCountRequest &request) override { return m_inner.updateShardCount(request); }
    BackendFuture<void> splitShard(const SplitShardRequest &request) override { return m_inner.splitShard(request); }
    BackendFuture<void> mergeShards(const MergeShardsRequest &request) override { return m_inner.mergeShards(request); }
    BackendFuture<void> startStreamEncryption(const StartStreamEncryptionRequest &request) override { return m_inner.startStreamEncryption(request); }
    BackendFuture<void> stopStreamEncryption(const StopStreamEncryptionRequest &request) override { return m_inner.stopStreamEncryption(request); }
    BackendFuture<QList<KmsKeyInfo>> listKmsKeys() override { return m_inner.listKmsKeys(); }
    BackendFuture<KmsKeyInfo> createKmsKey(const QString &description, const QString &aliasName) override { return m_inner.createKmsKey(description, aliasName); }
    BackendFuture<void> addTagsToStream(const AddTagsToStreamRequest &request) override { return m_inner.addTagsToStream(request); }
    BackendFuture<void> removeTagsFromStream(const RemoveTagsFromStreamRequest &request) override { return m_inner.removeTagsFromStream(request); }
    BackendFuture<ListTagsForStreamResponse> listTagsForStream(const ListTagsForStreamRequest &request) override { return m_inner.listTagsForStream(request); }
    BackendFuture<QList<Tag>> listAllTagsForStream(const StreamTarget &target) override { return m_inner.listAllTagsForStream(target); }
    BackendFuture<void> tagResource(const TagResourceRequest &request) override { return m_inner.tagResource(request); }
    BackendFuture<void> untagResource(const UntagResourceRequest &request) override { return m_inner.untagResource(request); }
    BackendFuture<ListTagsForResourceResponse> listTagsForResource(const ListTagsForResourceRequest &request) override { return m_inner.listTagsForResource(request); }
    BackendFuture<QList<Consumer>> listAllStreamConsumers(const QString &streamArn) override { return m_inner.listAllStreamConsumers(streamArn); }
    BackendFuture<Consumer> registerStreamConsumer(const RegisterStreamConsumerRequest &request) override { return m_inner.registerStreamConsumer(request); }
    BackendFuture<ConsumerDescription> describeStreamConsumer(const ConsumerTarget &target) override { return m_inner.describeStreamConsumer(target); }
    BackendFuture<void> deregisterStreamConsumer(const ConsumerTarget &target) override { return m_inner.deregisterStreamConsumer(target); }
    bool canSubscribeToShards() const override { return m_inner.canSubscribeToShards(); }
    BackendSubscription *subscribeToShard(const SubscribeToShardRequest &request, QObject *parent = nullptr) override { return m_inner.subscribeToShard(request, parent); }
    bool hasLiveSubscriptions() const override { return m_inner.hasLiveSubscriptions(); }
    QList<SubscriptionStatus> liveSubscriptions() const override { return m_inner.liveSubscriptions(); }
    bool hasShardReaders() const override { return m_inner.hasShardReaders(); }
    BackendFuture<QList<ShardReader>> shardReaders(const QString &streamName) override { return m_inner.shardReaders(streamName); }
    // The control plane.
    BackendFuture<EnhancedMonitoringResponse> enableEnhancedMonitoring(const EnhancedMonitoringRequest &request) override { return m_inner.enableEnhancedMonitoring(request); }
    bool hasMetrics() const override { return m_inner.hasMetrics(); }
    BackendFuture<MetricDataResponse> getMetricData(const MetricDataRequest &request) override { return m_inner.getMetricData(request); }
    BackendFuture<EnhancedMonitoringResponse> disableEnhancedMonitoring(const EnhancedMonitoringRequest &request) override { return m_inner.disableEnhancedMonitoring(request); }
    BackendFuture<UpdateStreamWarmThroughputResponse> updateStreamWarmThroughput(const UpdateStreamWarmThroughputRequest &request) override { return m_inner.updateStreamWarmThroughput(request); }
    BackendFuture<AccountSettings> describeAccountSettings() override { return m_inner.describeAccountSettings(); }
    BackendFuture<AccountSettings> updateAccountSettings(const UpdateAccountSettingsRequest &request) override { return m_inner.updateAccountSettings(request); }
    BackendFuture<void> putResourcePolicy(const PutResourcePolicyRequest &request) override { return m_inner.putResourcePolicy(request); }
    BackendFuture<GetResourcePolicyResponse> getResourcePolicy(const ResourcePolicyTarget &request) override { return m_inner.getResourcePolicy(request); }
    BackendFuture<void> deleteResourcePolicy(const ResourcePolicyTarget &request) override { return m_inner.deleteResourcePolicy(request); }
    BackendFuture<PutRecordResponse> putRecord(const PutRecordRequest &request) override { return m_inner.putRecord(request); }
    BackendFuture<PutRecordsResponse> putRecords(const PutRecordsRequest &request) override { return m_inner.putRecords(request); }
    BackendFuture<GetShardIteratorResponse> getShardIterator(const GetShardIteratorRequest &request) override { return m_inner.getShardIterator(request); }
    BackendFuture<GetRecordsResponse> getRecords(const GetRecordsRequest &request) override { return m_inner.getRecords(request); }
    bool hasShardUsage() const override { return m_inner.hasShardUsage(); }
    BackendFuture<QList<ShardUsage>> shardUsage(const StreamTarget &target) override { return m_inner.shardUsage(target); }

protected:
    StreamBackend &m_inner;
};

} // namespace shardscope::testing
