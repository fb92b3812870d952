#pragma once

#include "kinesis/api.h"
#include "kinesis/caller.h"
#include "kinesis/error.h"
#include "kinesis/shardreader.h"
#include "kinesis/shardstatistics.h"
#include "kinesis/shardusage.h"
#include "kinesis/limits.h"
#include "kinesis/metricdata.h"
#include "localkms.h"
#include "shardsubscriptions.h"

#include <QObject>
#include <QString>

#include <expected>
#include <memory>

namespace shardscope {

class Clock;
class EngineCore;
class RecordSink;
class MetricsRegistry;
class EngineMetrics;
class ReaderRegistry;

struct EngineOptions
{
    // Database file. Empty means a private in-memory database (a file on tmpfs that is
    // removed when the engine closes).
    QString databasePath;
    QString region = QStringLiteral("us-east-1");
    QString account = QStringLiteral("000000000000");
    // How long CREATING, UPDATING and DELETING last before the stream settles.
    qint64 createDelayMs = 500;
    qint64 deleteDelayMs = 500;
    qint64 updateDelayMs = 500;
    int shardLimit = KinesisLimits::kDefaultShardLimit;
    int onDemandStreamCountLimit = KinesisLimits::kDefaultOnDemandStreamCountLimit;
    qint64 iteratorLifetimeMs = KinesisLimits::kShardIteratorLifetimeMs;
    // fsync every commit (synchronous=FULL). Off: a commit survives a process crash (WAL) but
    // the last commits may be lost on power failure.
    bool durableCommits = false;
    std::shared_ptr<Clock> clock; // defaults to the system clock
    // Kinesis's per-shard throughput limits (writes 1 MiB/s and 1,000 records/s, reads 5 calls/s
    // and 2 MiB/s), enforced as AWS does; Engine::setThroughputLimitsEnabled changes it later.
    bool throughputLimits = true;
    // Multiplies every throughput limit (benchmarks measure the limiter at an unreachable limit).
    int throughputLimitFactor = 1;
    // On-demand scale-out: when an on-demand stream's write use stays at or above this share of
    // its write capacity (open shards times the per-shard limit) for the window, the engine
    // splits its hottest shards until it has room for double the use, as AWS keeps room for
    // double a stream's peak and scales within 15 minutes; up to onDemandMaxShards (200 shards:
    // AWS's default 200 MiB/s per on-demand stream) and the account's shard limit. The use is
    // what the throughput limiter counts, so nothing scales while the limits are off.
    int onDemandScaleOutPercent = 50;
    qint64 onDemandScaleOutWindowMs = KinesisLimits::kOnDemandScaleOutWindowMs;
    int onDemandMaxShards = KinesisLimits::kOnDemandMaxShards;
    // Attribute every GetShardIterator and GetRecords to its caller (shardReaders()). Off only
    // to measure what it costs.
    bool readerRegistry = true;
};

// The embedded Kinesis Data Streams emulator: every stream operation with Kinesis's semantics,
// limits and errors, over a SQLite database.
//
// Threads: every method is thread-safe and synchronous; the GUI calls it through a backend on a
// worker thread. Writes are queued to one writer thread that commits them in groups; reads use
// pooled read-only connections and the catalog snapshot published after each commit.
// Signals are emitted from the writer thread (connect with queued or auto connections).
class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    static std::expected<std::unique_ptr<Engine>, Error> open(EngineOptions options);
    ~Engine() override;

    const EngineOptions &options() const;
    QString databasePath() const;
    bool isInMemory() const;

    std::expected<void, Error> createStream(const CreateStreamRequest &request);
    std::expected<void, Error> deleteStream(const DeleteStreamRequest &request);
    std::expected<ListStreamsResponse, Error> listStreams(const ListStreamsRequest &request) const;
    std::expected<StreamDescription, Error> describeStream(const DescribeStreamRequest &request) const;
    std::expected<StreamDescriptionSummary, Error> describeStreamSummary(const StreamTarget &target) const;
    std::expected<ListShardsResponse, Error> listShards(const ListShardsRequest &request) const;
    std::expected<PutRecordResponse, Error> putRecord(const PutRecordRequest &request);
    std::expected<PutRecordsResponse, Error> putRecords(const PutRecordsRequest &request);
    // `caller`: who asks, for shardReaders() (the server passes what the request tells; calls
    // in process are the app's own).
    std::expected<GetShardIteratorResponse, Error>
    getShardIterator(const GetShardIteratorRequest &request,
                     const Caller &caller = Caller::thisApp()) const;
    std::expected<GetRecordsResponse, Error>
    getRecords(const GetRecordsRequest &request, const Caller &caller = Caller::thisApp()) const;
    // The same read, handing each record to `sink` as it is read instead of collecting them:
    // the response's `records` stays empty. On failure the sink may have received some records.
    std::expected<GetRecordsResponse, Error>
    getRecords(const GetRecordsRequest &request, RecordSink &sink,
               const Caller &caller = Caller::thisApp()) const;
    std::expected<void, Error> splitShard(const SplitShardRequest &request);
    std::expected<void, Error> mergeShards(const MergeShardsRequest &request);
    std::expected<UpdateShardCountResponse, Error> updateShardCount(const UpdateShardCountRequest &request);
    std::expected<void, Error> increaseStreamRetentionPeriod(const RetentionPeriodRequest &request);
    std::expected<void, Error> decreaseStreamRetentionPeriod(const RetentionPeriodRequest &request);
    std::expected<void, Error> updateMaxRecordSize(const UpdateMaxRecordSizeRequest &request);
    std::expected<void, Error> updateStreamMode(const UpdateStreamModeRequest &request);
    std::expected<void, Error> addTagsToStream(const AddTagsToStreamRequest &request);
    std::expected<void, Error> removeTagsFromStream(const RemoveTagsFromStreamRequest &request);
    std::expected<ListTagsForStreamResponse, Error> listTagsForStream(const ListTagsForStreamRequest &request) const;
    std::expected<void, Error> tagResource(const TagResourceRequest &request);
    std::expected<void, Error> untagResource(const UntagResourceRequest &request);
    std::expected<ListTagsForResourceResponse, Error> listTagsForResource(const ListTagsForResourceRequest &request) const;
    std::expected<DescribeLimitsResponse, Error> describeLimits() const;
    std::expected<void, Error> startStreamEncryption(const StartStreamEncryptionRequest &request);
    std::expected<void, Error> stopStreamEncryption(const StopStreamEncryptionRequest &request);
    // Enhanced fan-out consumers: CREATING for createDelayMs, then ACTIVE; deregistered ones are
    // DELETING for deleteDelayMs, then gone. They go with their stream.
    std::expected<Consumer, Error> registerStreamConsumer(const RegisterStreamConsumerRequest &request);
    std::expected<void, Error> deregisterStreamConsumer(const ConsumerTarget &target);
    std::expected<ListStreamConsumersResponse, Error> listStreamConsumers(const ListStreamConsumersRequest &request) const;
    std::expected<ConsumerDescription, Error> describeStreamConsumer(const ConsumerTarget &target) const;
    // SubscribeToShard: a subscription the caller pulls events from (ShardSubscription::poll),
    // after the checks Kinesis makes (the consumer ACTIVE, the shard, the starting position, a
    // second call within 5 seconds refused, one call a second per consumer and shard). Ends by
    // itself after 5 minutes.
    std::expected<std::shared_ptr<ShardSubscription>, Error> subscribeToShard(const SubscribeToShardRequest &request);
    // The subscriptions that have not ended, oldest first.
    QList<ShardSubscription::Status> activeSubscriptions() const;
    // Who polls the stream's shards: one entry per caller and shard that called
    // GetShardIterator or GetRecords in the last 5 minutes (ReaderRegistry), with the records
    // and bytes between its position and the shard's tip counted now. Empty when the options
    // turned the registry off. Not a Kinesis operation; any thread.
    std::expected<QList<ShardReader>, Error> shardReaders(const QString &streamName) const;

    // The control plane (controlplaneoperations.cpp). Enhanced monitoring and warm throughput
    // put the stream in UPDATING for updateDelayMs; the billing commitment is the account's.
    std::expected<EnhancedMonitoringResponse, Error> enableEnhancedMonitoring(const EnhancedMonitoringRequest &request);
    std::expected<EnhancedMonitoringResponse, Error> disableEnhancedMonitoring(const EnhancedMonitoringRequest &request);
    std::expected<UpdateStreamWarmThroughputResponse, Error> updateStreamWarmThroughput(const UpdateStreamWarmThroughputRequest &request);
    std::expected<AccountSettings, Error> describeAccountSettings() const;
    std::expected<AccountSettings, Error> updateAccountSettings(const UpdateAccountSettingsRequest &request);
    std::expected<void, Error> putResourcePolicy(const PutResourcePolicyRequest &request);
    std::expected<GetResourcePolicyResponse, Error> getResourcePolicy(const ResourcePolicyTarget &request) const;
    std::expected<void, Error> deleteResourcePolicy(const ResourcePolicyTarget &request);
    // The shard-level metrics enhanced monitoring has on for a stream (empty when none, or no
    // such stream). Cheap: one lookup in the published catalog; any thread.
    QStringList shardLevelMetrics(const QString &streamName) const;

    // The local KMS (not Kinesis wire operations; for the GUI). Key ids may be given as key id,
    // key ARN, alias name or alias ARN.
    std::expected<KmsKey, Error> createKey(const QString &description = QString());
    std::expected<KmsAlias, Error> createAlias(const QString &aliasName, const QString &keyId);
    std::expected<KmsKey, Error> enableKey(const QString &keyId);
    std::expected<KmsKey, Error> disableKey(const QString &keyId);
    // Marks the key deleted: it can no longer be used, but its material is kept, so nothing
    // encrypted under it is lost (cancelKeyDeletion brings it back, disabled).
    std::expected<KmsKey, Error> scheduleKeyDeletion(const QString &keyId);
    std::expected<KmsKey, Error> cancelKeyDeletion(const QString &keyId);
    QList<KmsKey> listKeys() const;
    QList<KmsAlias> listAliases() const;

    // Deletes expired records and purges deleted streams now (the writer also does this about
    // once a second). Returns when done.
    void runHousekeeping();
    // Number of records stored for a shard (all of them, including not yet trimmed ones).
    std::expected<qint64, Error> storedRecordCount(const QString &streamName, const QString &shardId) const;
    // Readable records (inside the retention period) and their payload bytes, per listed shard.
    std::expected<QList<ShardStatistics>, Error> shardStatistics(const QString &streamName) const;
    // What a retention period of `hours` would make unreadable now: the readable records (and
    // their payload bytes) that arrived before now - hours. Zero when `hours` is not shorter.
    std::expected<ShardStatistics, Error> retentionImpact(const QString &streamName, int hours) const;

    QString streamArn(const QString &streamName) const;

    // CloudWatch's Kinesis metrics of PutRecord, PutRecords, GetRecords and SubscribeToShard
    // (core/metrics/): one-second points for the last 15 minutes, one-minute points for 24
    // hours, kept in `<database>-metrics.sqlite` beside a file database (in memory for an
    // in-memory engine).
    MetricsRegistry &metrics() const;
    // GetMetricData and ListMetrics over them (namespace AWS/Kinesis).
    std::expected<MetricDataResponse, Error> getMetricData(const MetricDataRequest &request) const;
    QList<MetricKey> listMetrics() const;
    // --- Throughput limits (not Kinesis wire operations) ---------------------------------------
    bool throughputLimitsEnabled() const;
    // Thread-safe; turning them on starts every shard with a full second's allowance.
    void setThroughputLimitsEnabled(bool enabled);
    // Each open shard's writes and reads over the last second against its limits (scaled by
    // throughputLimitFactor), in shard order; measured whether or not the limits are enforced.
    // Closed shards are left out. Cheap: no database access; any thread.
    std::expected<QList<ShardUsage>, Error> shardUsage(const StreamTarget &target) const;

signals:
    // Emitted once per shard per group commit that appended records to it, never per record.
    void recordsAppended(const QString &streamName, const QString &shardId,
                         const QString &lastSequenceNumber, int count);
    // Streams were created, deleted, resharded or reconfigured.
    void catalogChanged();

private:
    Engine() = default;

    // The parts behind this front (catalog store, record store, tokens, KMS, writer thread)
    // and the operation families over them: see enginecore.h.
    std::unique_ptr<EngineCore> m_core;

    // Metrics (recorded at the front of the data-plane calls, and by the subscriptions).
    std::expected<GetRecordsResponse, Error> measuredGetRecords(const GetRecordsRequest &request,
                                                                RecordSink &sink,
                                                                const Caller &caller) const;
    QString metricsStreamName(const StreamTarget &target) const;
    std::unique_ptr<MetricsRegistry> m_metrics;
    std::unique_ptr<EngineMetrics> m_engineMetrics;
    // Who reads which shard (null when EngineOptions::readerRegistry is off).
    std::unique_ptr<ReaderRegistry> m_readers;

    // Live SubscribeToShard subscriptions (before the metrics and the core in destruction
    // order: a subscription that outlives the engine stops recording once they are cut off).
    std::unique_ptr<ShardSubscriptions> m_subscriptions;
};

} // namespace shardscope
