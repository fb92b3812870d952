#pragma once

// The engine's insides, shared by Engine (the public front) and the source files of the
// operation families. Not included outside core/engine/.

#include "catalog.h"
#include "catalogstore.h"
#include "clock.h"
#include "engine.h"
#include "enginemetrics.h"
#include "localkms.h"
#include "ondemandscaler.h"
#include "pagetokens.h"
#include "recordstore.h"
#include "sqlitedb.h"
#include "throughputlimiter.h"
#include "writerthread.h"

#include "kinesis/api.h"
#include "kinesis/error.h"

#include <atomic>
#include <expected>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>

namespace shardscope {

class RecordSink;
class ReaderRegistry;

// What the operation families share: the options and clock, the catalog store, the record
// store, the local KMS, the page tokens, and the writer thread with its group commit. Lookups
// by name or ARN read the published catalog (any thread); write() runs a job on the writer
// thread, where the working catalog may be changed.
//
// When a write group cannot commit, the writer rolls it back and the core reloads the catalog
// and the KMS from the database, so that the working state is what was committed. If that
// reload fails, the working state can no longer be trusted: the core logs it and refuses every
// write from then on (writeRefusal()), while reads of the published, committed state go on.
class EngineCore final
{
public:
    // Where the core reports what the engine announces (called on the writer thread).
    struct Listener
    {
        std::function<void()> catalogChanged;
        std::function<void(const RecordStore::Announcement &)> recordsAppended;
    };

    static std::expected<std::unique_ptr<EngineCore>, Error> open(EngineOptions options,
                                                                  Listener listener);
    ~EngineCore();
    EngineCore(const EngineCore &) = delete;
    EngineCore &operator=(const EngineCore &) = delete;

    const EngineOptions &options() const { return m_options; }
    const QString &databasePath() const { return m_path; }
    bool isInMemory() const { return m_inMemory; }
    qint64 now() const { return m_options.clock->nowMs(); }
    const QString &account() const { return m_options.account; }

    CatalogStore &catalog() { return m_catalog; }
    const CatalogStore &catalog() const { return m_catalog; }
    RecordStore &records() { return *m_records; }
    const RecordStore &records() const { return *m_records; }
    LocalKms &kms() { return *m_kms; }
    const LocalKms &kms() const { return *m_kms; }
    const PageTokens &tokens() const { return *m_tokens; }
    // The per-shard throughput limits (thread-safe, so usable from const operations too).
    ThroughputLimiter &limiter() const { return m_limiter; }
    // On-demand streams' scale-out (writer thread only: housekeeping and write jobs).
    OnDemandScaler &onDemandScaler() { return m_onDemandScaler; }

    // Runs `body` on the writer thread inside the group transaction and waits for the commit.
    template<typename T>
    std::expected<T, Error> write(std::function<std::expected<T, Error>(SqliteDb &)> body);
    // Runs housekeeping until there is none left. Returns when done.
    void runHousekeeping();
    // Why every write is refused (a reload after a rolled-back group failed), or nothing.
    std::optional<Error> writeRefusal() const;

    // --- the published catalog (any thread) -------------------------------------------------
    std::shared_ptr<const Catalog> snapshot() const { return m_catalog.snapshot(); }
    // The stream a request names by name and/or ARN (validated), if it exists and is not gone.
    std::expected<StreamMetaPtr, Error>
    resolve(const StreamTarget &target,
            const QString &nameField = QStringLiteral("streamName")) const;
    std::expected<StreamMetaPtr, Error> resolveArn(const QString &arn) const;

    // --- the working catalog (writer thread) --------------------------------------------------
    // The working copy of stream `name` unless it is gone (ResourceNotFound).
    std::expected<StreamMetaPtr, Error> liveStream(const QString &name, qint64 nowMs) const;
    // The same, and ACTIVE (ResourceInUse otherwise).
    std::expected<StreamMetaPtr, Error> activeStream(const QString &name, qint64 nowMs) const;

    // A sequence number of this engine's: the 56-digit layout, or the 32-digit one of earlier
    // builds when this database had issued that counter before it was upgraded.
    std::optional<SequenceNumber> parseOwnSequenceNumber(QStringView text) const;

    // --- names and messages --------------------------------------------------------------------
    QString streamArn(const QString &streamName) const;
    QString consumerArn(const QString &streamName, const ConsumerMeta &consumer) const;
    Error notFound(const QString &name) const;
    Error notActive(const StreamMeta &stream, qint64 nowMs) const;
    Error consumerNotFound(const QString &consumerName, const QString &streamName) const;

private:
    explicit EngineCore(EngineOptions options, Listener listener);
    std::expected<void, Error> start();
    void afterCommit(bool committed);
    void afterGroup();
    void refuseWrites(const Error &cause);

    EngineOptions m_options;
    Listener m_listener;
    QString m_path;
    bool m_inMemory = false;
    std::unique_ptr<PageTokens> m_tokens;
    std::unique_ptr<LocalKms> m_kms;
    CatalogStore m_catalog;
    std::unique_ptr<RecordStore> m_records;
    std::unique_ptr<WriterThread> m_writer;
    mutable ThroughputLimiter m_limiter;
    OnDemandScaler m_onDemandScaler;
    SqliteDb *m_writeDb = nullptr;        // owned by m_writer; used on its thread only
    bool m_catalogChangedPending = false; // writer thread only
    bool m_moreHousekeeping = false;      // writer thread only
    qint64 m_legacySequenceLimit = 0;     // the highest counter issued in 32 digits (or 0)
    std::atomic<bool> m_writesRefused = false;
    mutable std::mutex m_refusalMutex;
    std::optional<Error> m_writeRefusal; // guarded by m_refusalMutex
};

template<typename T>
std::expected<T, Error> EngineCore::write(std::function<std::expected<T, Error>(SqliteDb &)> body)
{
    if (m_writesRefused.load(std::memory_order_acquire))
        return std::unexpected(*writeRefusal());
    auto result = std::make_shared<std::optional<std::expected<T, Error>>>();
    std::promise<void> finished;
    auto future = finished.get_future();
    bool committed = false;
    m_writer->submit(WriterThread::Job{[this, &body, result](SqliteDb &db) {
                                           // A job queued before the writes were refused is refused
                                           // too: the working state it would change is not the
                                           // committed one.
                                           if (m_writesRefused.load(std::memory_order_acquire))
                                               *result = std::unexpected(*writeRefusal());
                                           else
                                               *result = body(db);
                                           return result->value().has_value();
                                       },
                                       [&finished, &committed](bool ok) {
                                           committed = ok;
                                           finished.set_value();
                                       }});
    future.wait();
    if (!committed)
        return std::unexpected(Error::internal(QStringLiteral("The database could not commit.")));
    return std::move(**result);
}

// --- The operation families: one source file each. -----------------------------------------

namespace StreamOperations {
std::expected<void, Error> createStream(EngineCore &core, const CreateStreamRequest &request);
std::expected<void, Error> deleteStream(EngineCore &core, const DeleteStreamRequest &request);
std::expected<ListStreamsResponse, Error> listStreams(const EngineCore &core,
                                                      const ListStreamsRequest &request);
std::expected<StreamDescription, Error> describeStream(const EngineCore &core,
                                                       const DescribeStreamRequest &request);
std::expected<StreamDescriptionSummary, Error> describeStreamSummary(const EngineCore &core,
                                                                     const StreamTarget &target);
std::expected<ListShardsResponse, Error> listShards(const EngineCore &core,
                                                    const ListShardsRequest &request);
std::expected<DescribeLimitsResponse, Error> describeLimits(const EngineCore &core);
} // namespace StreamOperations

namespace RecordOperations {
std::expected<PutRecordResponse, Error> putRecord(EngineCore &core,
                                                  const PutRecordRequest &request);
std::expected<PutRecordsResponse, Error> putRecords(EngineCore &core,
                                                    const PutRecordsRequest &request);
std::expected<GetShardIteratorResponse, Error>
getShardIterator(const EngineCore &core, const GetShardIteratorRequest &request);
// The shards a closed shard was split or merged into, as GetRecords and SubscribeToShard
// announce them at its end.
QList<ChildShard> childShards(const StreamMeta &stream, const ShardMeta &shard);
// The counter a read from `type` (and its sequence number or time) starts at, validated as
// GetShardIterator and SubscribeToShard do; `operation` names the call in the error texts.
std::expected<qint64, Error> startingCounter(const EngineCore &core, const StreamMeta &stream,
                                             const ShardMeta &shard, ShardIteratorType type,
                                             const std::optional<QString> &startingSequenceNumber,
                                             const std::optional<qint64> &timestamp,
                                             const QString &operation);
std::expected<GetRecordsResponse, Error>
getRecords(const EngineCore &core, const GetRecordsRequest &request, RecordSink &sink);
std::expected<qint64, Error> storedRecordCount(const EngineCore &core, const QString &streamName,
                                               const QString &shardId);
std::expected<QList<ShardStatistics>, Error> shardStatistics(const EngineCore &core,
                                                             const QString &streamName);
} // namespace RecordOperations

namespace UsageOperations {
// Each open shard's use over the last second against its limits (the limiter's counts).
std::expected<QList<ShardUsage>, Error> shardUsage(const EngineCore &core,
                                                   const StreamTarget &target);
} // namespace UsageOperations

// Who reads which shard (readeroperations.cpp): the calls recorded in a ReaderRegistry, and
// the registry's list with what lies behind each reader counted from the record store.
namespace ReaderOperations {
void recordShardIterator(const EngineCore &core, ReaderRegistry &readers, const Caller &caller,
                         const std::expected<GetShardIteratorResponse, Error> &response);
// `iterator`: the request's iterator as the engine opened it when the read started.
void recordGetRecords(const EngineCore &core, ReaderRegistry &readers, const Caller &caller,
                      QStringView shardIterator,
                      const std::expected<ShardIteratorToken, TokenFault> &iterator,
                      const std::expected<GetRecordsResponse, Error> &response,
                      const EngineMetrics::CountingSink &counted, qint64 startMs);
std::expected<QList<ShardReader>, Error> shardReaders(const EngineCore &core,
                                                      ReaderRegistry &readers,
                                                      const QString &streamName);
} // namespace ReaderOperations

namespace ReshardOperations {
std::expected<void, Error> splitShard(EngineCore &core, const SplitShardRequest &request);
std::expected<void, Error> mergeShards(EngineCore &core, const MergeShardsRequest &request);
std::expected<UpdateShardCountResponse, Error>
updateShardCount(EngineCore &core, const UpdateShardCountRequest &request);
// Applies `change` (Resharding's steps) to `stream`, a copy of the working one, moves the
// stream's counter past the shards it closed and opened, marks it UPDATING and stores it with
// its shards: what every split and merge goes through, the engine's own on-demand scale-out
// included. The caller puts the stream into the catalog. Writer thread.
std::expected<void, Error> reshard(EngineCore &core, SqliteDb &db, StreamMeta &stream,
                                   qint64 nowMs,
                                   const std::function<void(StreamMeta &, qint64 &)> &change);
} // namespace ReshardOperations

namespace SettingsOperations {
std::expected<void, Error> changeRetention(EngineCore &core, const RetentionPeriodRequest &request,
                                           bool increase);
std::expected<void, Error> updateMaxRecordSize(EngineCore &core,
                                               const UpdateMaxRecordSizeRequest &request);
std::expected<void, Error> updateStreamMode(EngineCore &core,
                                            const UpdateStreamModeRequest &request);
std::expected<ShardStatistics, Error> retentionImpact(const EngineCore &core,
                                                      const QString &streamName, int hours);
} // namespace SettingsOperations

namespace TagOperations {
std::expected<void, Error> addTagsToStream(EngineCore &core, const AddTagsToStreamRequest &request);
std::expected<void, Error> removeTagsFromStream(EngineCore &core,
                                                const RemoveTagsFromStreamRequest &request);
std::expected<ListTagsForStreamResponse, Error>
listTagsForStream(const EngineCore &core, const ListTagsForStreamRequest &request);
std::expected<void, Error> tagResource(EngineCore &core, const TagResourceRequest &request);
std::expected<void, Error> untagResource(EngineCore &core, const UntagResourceRequest &request);
std::expected<ListTagsForResourceResponse, Error>
listTagsForResource(const EngineCore &core, const ListTagsForResourceRequest &request);
} // namespace TagOperations

namespace ConsumerOperations {
std::expected<Consumer, Error> registerStreamConsumer(EngineCore &core,
                                                      const RegisterStreamConsumerRequest &request);
std::expected<void, Error> deregisterStreamConsumer(EngineCore &core, const ConsumerTarget &target);
std::expected<ListStreamConsumersResponse, Error>
listStreamConsumers(const EngineCore &core, const ListStreamConsumersRequest &request);
std::expected<ConsumerDescription, Error> describeStreamConsumer(const EngineCore &core,
                                                                 const ConsumerTarget &target);
// The stream and the name of the consumer a request names (validated; not gone).
std::expected<std::pair<StreamMetaPtr, QString>, Error> resolve(const EngineCore &core,
                                                                const ConsumerTarget &target);
// TagResource / UntagResource on a consumer ARN.
std::expected<void, Error> changeTags(EngineCore &core, const QString &consumerArn,
                                      const TagMap &add, const QStringList &remove);
// PutResourcePolicy / DeleteResourcePolicy (nullopt) on a consumer ARN.
std::expected<void, Error> setResourcePolicy(EngineCore &core, const QString &consumerArn,
                                             const std::optional<QString> &policy);
} // namespace ConsumerOperations

namespace ControlPlaneOperations {
std::expected<EnhancedMonitoringResponse, Error>
changeEnhancedMonitoring(EngineCore &core, const EnhancedMonitoringRequest &request, bool enable);
std::expected<UpdateStreamWarmThroughputResponse, Error>
updateStreamWarmThroughput(EngineCore &core, const UpdateStreamWarmThroughputRequest &request);
std::expected<AccountSettings, Error> describeAccountSettings(const EngineCore &core);
std::expected<AccountSettings, Error> updateAccountSettings(EngineCore &core,
                                                            const UpdateAccountSettingsRequest &request);
std::expected<void, Error> putResourcePolicy(EngineCore &core,
                                             const PutResourcePolicyRequest &request);
std::expected<GetResourcePolicyResponse, Error>
getResourcePolicy(const EngineCore &core, const ResourcePolicyTarget &request);
std::expected<void, Error> deleteResourcePolicy(EngineCore &core,
                                                const ResourcePolicyTarget &request);
// An on-demand stream's warm throughput as DescribeStreamSummary reports it (nullopt for a
// provisioned stream).
std::optional<WarmThroughput> warmThroughput(const StreamMeta &stream, qint64 nowMs);
QStringList shardLevelMetrics(const EngineCore &core, const QString &streamName);
} // namespace ControlPlaneOperations

namespace EncryptionOperations {
std::expected<void, Error> startStreamEncryption(EngineCore &core,
                                                 const StartStreamEncryptionRequest &request);
std::expected<void, Error> stopStreamEncryption(EngineCore &core,
                                                const StopStreamEncryptionRequest &request);
std::expected<KmsKey, Error> createKey(EngineCore &core, const QString &description);
std::expected<KmsAlias, Error> createAlias(EngineCore &core, const QString &aliasName,
                                           const QString &keyId);
std::expected<KmsKey, Error> enableKey(EngineCore &core, const QString &keyId);
std::expected<KmsKey, Error> disableKey(EngineCore &core, const QString &keyId);
std::expected<KmsKey, Error> scheduleKeyDeletion(EngineCore &core, const QString &keyId);
std::expected<KmsKey, Error> cancelKeyDeletion(EngineCore &core, const QString &keyId);
} // namespace EncryptionOperations

// Retention trimming, settling of finished state changes and purging of deleted streams, in
// bounded chunks so the writer never stalls puts for long. Writer thread, inside a group.
// Returns whether work is left for another round.
namespace Housekeeping {
bool run(EngineCore &core, SqliteDb &db);
} // namespace Housekeeping

} // namespace shardscope
