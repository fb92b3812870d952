#pragma once

#include "backend/backendcall.h"
#include "backend/backendsubscription.h"
#include "kinesis/api.h"
#include "kinesis/error.h"
#include "kinesis/kms.h"
#include "kinesis/metricdata.h"
#include "kinesis/shardreader.h"
#include "kinesis/shardstatistics.h"
#include "kinesis/shardusage.h"
#include "kinesis/subscriptionstatus.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QString>

#include <expected>
#include <utility>
#include <optional>

namespace shardscope {

// A KMS key the backend can encrypt streams with, and the aliases that name it.
struct KmsKeyInfo
{
    KmsKey key;
    QStringList aliases; // alias/<name>, sorted
};

template<typename T>
using BackendResult = std::expected<T, Error>;
template<typename T>
using BackendFuture = QFuture<BackendResult<T>>;

// A future that already holds `result` (an answer known without a call, or a refusal).
template<typename T>
BackendFuture<T> readyFuture(BackendResult<T> result)
{
    QPromise<BackendResult<T>> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}

enum class BackendKind { LocalEmulator, Aws };

// The one asynchronous interface every view and model uses to reach streams, local or remote.
//
// Every call returns at once with a future that is fulfilled off the caller's thread; errors are
// values (the future never throws and is never cancelled by the backend). Deliver the result on
// your own thread with onResult(context, future, callback) or QFuture::then(context, ...).
// Calls that page on the wire come twice: one page (the request carries the token) and
// "all pages" (the backend follows the tokens).
//
// Threads: a backend lives on the GUI thread; call it from there. Its signals are emitted on
// that thread too, including the engine's or endpoint's change notifications it re-emits.
class StreamBackend : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamBackend)

public:
    ~StreamBackend() override = default;

    virtual BackendKind kind() const = 0;
    // What the connection is called in the connections tree, e.g. "Local emulator".
    virtual QString displayName() const = 0;
    // Where it points: a database path, an endpoint URL, a region.
    virtual QString location() const = 0;
    // A read-only connection refuses every mutating call with an AccessDenied error.
    virtual bool isReadOnly() const = 0;
    // True when the backend can count records and bytes per shard (shardStatistics()).
    virtual bool hasShardStatistics() const = 0;

    virtual BackendFuture<ListStreamsResponse> listStreams(const ListStreamsRequest &request) = 0;
    virtual BackendFuture<QList<StreamSummary>> listAllStreams() = 0;
    virtual BackendFuture<StreamDescriptionSummary> describeStreamSummary(const StreamTarget &target) = 0;
    virtual BackendFuture<StreamDescription> describeStream(const DescribeStreamRequest &request) = 0;
    virtual BackendFuture<ListShardsResponse> listShards(const ListShardsRequest &request) = 0;
    virtual BackendFuture<QList<Shard>> listAllShards(const StreamTarget &target,
                                                      const std::optional<ShardFilter> &filter = {}) = 0;
    virtual BackendFuture<QList<ShardStatistics>> shardStatistics(const QString &streamName) = 0;
    virtual BackendFuture<DescribeLimitsResponse> describeLimits() = 0;
    // Readable records and bytes that a retention period of `hours` would drop now (recordCount
    // and bytes of the result; shardId empty). Only when hasShardStatistics().
    virtual BackendFuture<ShardStatistics> retentionImpact(const QString &streamName, int hours) = 0;

    virtual BackendFuture<void> createStream(const CreateStreamRequest &request) = 0;
    virtual BackendFuture<void> deleteStream(const DeleteStreamRequest &request) = 0;
    virtual BackendFuture<void> increaseStreamRetentionPeriod(const RetentionPeriodRequest &request) = 0;
    virtual BackendFuture<void> decreaseStreamRetentionPeriod(const RetentionPeriodRequest &request) = 0;
    virtual BackendFuture<void> updateStreamMode(const UpdateStreamModeRequest &request) = 0;
    virtual BackendFuture<void> updateMaxRecordSize(const UpdateMaxRecordSizeRequest &request) = 0;
    virtual BackendFuture<UpdateShardCountResponse> updateShardCount(const UpdateShardCountRequest &request) = 0;
    virtual BackendFuture<void> splitShard(const SplitShardRequest &request) = 0;
    virtual BackendFuture<void> mergeShards(const MergeShardsRequest &request) = 0;

    virtual BackendFuture<void> startStreamEncryption(const StartStreamEncryptionRequest &request) = 0;
    virtual BackendFuture<void> stopStreamEncryption(const StopStreamEncryptionRequest &request) = 0;
    // The KMS keys streams can be encrypted with (enabled or not), with their aliases.
    virtual BackendFuture<QList<KmsKeyInfo>> listKmsKeys() = 0;
    // Creates a customer managed key and, when aliasName is not empty, an alias for it
    // ("alias/<name>").
    virtual BackendFuture<KmsKeyInfo> createKmsKey(const QString &description, const QString &aliasName) = 0;

    virtual BackendFuture<void> addTagsToStream(const AddTagsToStreamRequest &request) = 0;
    virtual BackendFuture<void> removeTagsFromStream(const RemoveTagsFromStreamRequest &request) = 0;
    virtual BackendFuture<ListTagsForStreamResponse> listTagsForStream(const ListTagsForStreamRequest &request) = 0;
    virtual BackendFuture<QList<Tag>> listAllTagsForStream(const StreamTarget &target) = 0;
    virtual BackendFuture<void> tagResource(const TagResourceRequest &request) = 0;
    virtual BackendFuture<void> untagResource(const UntagResourceRequest &request) = 0;
    virtual BackendFuture<ListTagsForResourceResponse> listTagsForResource(const ListTagsForResourceRequest &request) = 0;
    virtual BackendFuture<QList<Consumer>> listAllStreamConsumers(const QString &streamArn) = 0;

    // The control plane: enhanced monitoring, warm throughput, account settings, resource policies.
    virtual BackendFuture<EnhancedMonitoringResponse> enableEnhancedMonitoring(const EnhancedMonitoringRequest &request) = 0;
    virtual BackendFuture<EnhancedMonitoringResponse> disableEnhancedMonitoring(const EnhancedMonitoringRequest &request) = 0;
    virtual BackendFuture<UpdateStreamWarmThroughputResponse> updateStreamWarmThroughput(const UpdateStreamWarmThroughputRequest &request) = 0;
    virtual BackendFuture<AccountSettings> describeAccountSettings() = 0;
    virtual BackendFuture<AccountSettings> updateAccountSettings(const UpdateAccountSettingsRequest &request) = 0;
    virtual BackendFuture<void> putResourcePolicy(const PutResourcePolicyRequest &request) = 0;
    virtual BackendFuture<GetResourcePolicyResponse> getResourcePolicy(const ResourcePolicyTarget &request) = 0;
    virtual BackendFuture<void> deleteResourcePolicy(const ResourcePolicyTarget &request) = 0;

    virtual BackendFuture<PutRecordResponse> putRecord(const PutRecordRequest &request) = 0;
    virtual BackendFuture<PutRecordsResponse> putRecords(const PutRecordsRequest &request) = 0;
    virtual BackendFuture<GetShardIteratorResponse> getShardIterator(const GetShardIteratorRequest &request) = 0;
    virtual BackendFuture<GetRecordsResponse> getRecords(const GetRecordsRequest &request) = 0;

    // --- Metrics (issue 12, section 2) -------------------------------------------------------
    // Whether getMetricData() answers: the emulator from its own metrics, AWS from CloudWatch.
    virtual bool hasMetrics() const { return false; }
    // GetMetricData for Kinesis's metrics (namespace AWS/Kinesis): one series per query, in the
    // order of the queries, oldest point first. Says in the response when shard-level metrics
    // need enhanced monitoring there. Without hasMetrics(), an error.
    virtual BackendFuture<MetricDataResponse> getMetricData(const MetricDataRequest &request)
    {
        Q_UNUSED(request);
        return unsupported<MetricDataResponse>(tr("%1 offers no metrics.").arg(displayName()));
    }

    // --- Throughput use ---------------------------------------------------------------------
    // Whether shardUsage() answers: the emulator from its limiter, AWS from CloudWatch.
    virtual bool hasShardUsage() const { return false; }
    // Each open shard's current use against its throughput limits, in shard order (closed
    // shards are left out). The emulator measures the last second; AWS reads the last complete
    // minute of the shard-level metrics, and marks the shards needsEnhancedMonitoring when the
    // stream has them off. Without hasShardUsage(), an error.
    virtual BackendFuture<QList<ShardUsage>> shardUsage(const StreamTarget &target)
    {
        Q_UNUSED(target);
        return unsupported<QList<ShardUsage>>(tr("%1 cannot measure shard use.").arg(displayName()));
    }

    // --- Enhanced fan-out consumers (issue 13) -----------------------------------------------
    // Register, describe and deregister a stream's consumers. The defaults answer with an error.
    virtual BackendFuture<Consumer> registerStreamConsumer(const RegisterStreamConsumerRequest &request)
    {
        Q_UNUSED(request);
        return unsupported<Consumer>(tr("%1 cannot register consumers.").arg(displayName()));
    }
    virtual BackendFuture<ConsumerDescription> describeStreamConsumer(const ConsumerTarget &target)
    {
        Q_UNUSED(target);
        return unsupported<ConsumerDescription>(tr("%1 cannot describe consumers.").arg(displayName()));
    }
    virtual BackendFuture<void> deregisterStreamConsumer(const ConsumerTarget &target)
    {
        Q_UNUSED(target);
        return unsupported<void>(tr("%1 cannot deregister consumers.").arg(displayName()));
    }
    // Whether subscribeToShard() can succeed at all; without it every subscription fails with
    // UnknownOperation, and views offer no enhanced fan-out reading.
    virtual bool canSubscribeToShards() const { return false; }
    // SubscribeToShard: never null; owned by `parent` (or the caller). Every error, including the
    // call's own, arrives as the subscription's failed() signal (see BackendSubscription).
    virtual BackendSubscription *subscribeToShard(const SubscribeToShardRequest &request,
                                                  QObject *parent = nullptr)
    {
        return BackendSubscription::failing(
            request, Error{ErrorType::UnknownOperation, tr("%1 cannot subscribe to shards.").arg(displayName())},
            parent);
    }
    // Whether liveSubscriptions() answers: the emulator knows every subscription it serves, in
    // process and through `--serve`; AWS tells nobody.
    virtual bool hasLiveSubscriptions() const { return false; }
    // The subscriptions that have not ended, oldest first. Cheap: no call, no disk.
    virtual QList<SubscriptionStatus> liveSubscriptions() const { return {}; }
    // Whether shardReaders() answers: the emulator attributes every GetShardIterator and
    // GetRecords it serves, in process and through `--serve`, to its caller; AWS tells nobody.
    virtual bool hasShardReaders() const { return false; }
    // Who polls the stream's shards (one entry per caller and shard, for 5 minutes after its
    // last call), with the records and bytes behind each position counted now.
    virtual BackendFuture<QList<ShardReader>> shardReaders(const QString &streamName)
    {
        Q_UNUSED(streamName);
        return unsupported<QList<ShardReader>>(
            tr("%1 does not report who reads a stream.").arg(displayName()));
    }

signals:
    // Streams were created, deleted, resharded, retagged or reconfigured. A remote backend that
    // cannot be told emits it after its own mutating calls.
    void catalogChanged();
    // Records were appended to a shard; batched, never one signal per record.
    void recordsAppended(const QString &streamName, const QString &shardId,
                         const QString &lastSequenceNumber, int count);
    // Every call, when it starts and when it ends (same id), for the activity dock.
    void callStarted(const shardscope::BackendCall &call);
    void callFinished(const shardscope::BackendCall &call);

protected:
    explicit StreamBackend(QObject *parent = nullptr) : QObject(parent) {}

    // A future that holds `message` as an UnknownOperation error, for calls a backend lacks.
    template<typename T>
    static BackendFuture<T> unsupported(const QString &message)
    {
        return readyFuture<T>(std::unexpected(Error{ErrorType::UnknownOperation, message}));
    }
};

} // namespace shardscope
