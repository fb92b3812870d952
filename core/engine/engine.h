#pragma once

#include "kinesis/api.h"
#include "kinesis/error.h"
#include "kinesis/shardstatistics.h"
#include "localkms.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <expected>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

namespace shardscope {

class Clock;
struct Catalog;
struct StreamMeta;
struct ConsumerMeta;
class TokenCodec;
class ReaderPool;
class WriterThread;
class SqliteDb;
class RecordSink;

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
    int shardLimit = 500;
    int onDemandStreamCountLimit = 50;
    qint64 iteratorLifetimeMs = 5 * 60 * 1000;
    // fsync every commit (synchronous=FULL). Off: a commit survives a process crash (WAL) but
    // the last commits may be lost on power failure.
    bool durableCommits = false;
    std::shared_ptr<Clock> clock; // defaults to the system clock
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

    const EngineOptions &options() const { return m_options; }
    QString databasePath() const { return m_path; }
    bool isInMemory() const { return m_inMemory; }

    std::expected<void, Error> createStream(const CreateStreamRequest &request);
    std::expected<void, Error> deleteStream(const DeleteStreamRequest &request);
    std::expected<ListStreamsResponse, Error> listStreams(const ListStreamsRequest &request) const;
    std::expected<StreamDescription, Error> describeStream(const DescribeStreamRequest &request) const;
    std::expected<StreamDescriptionSummary, Error> describeStreamSummary(const StreamTarget &target) const;
    std::expected<ListShardsResponse, Error> listShards(const ListShardsRequest &request) const;
    std::expected<PutRecordResponse, Error> putRecord(const PutRecordRequest &request);
    std::expected<PutRecordsResponse, Error> putRecords(const PutRecordsRequest &request);
    std::expected<GetShardIteratorResponse, Error> getShardIterator(const GetShardIteratorRequest &request) const;
    std::expected<GetRecordsResponse, Error> getRecords(const GetRecordsRequest &request) const;
    // The same read, handing each record to `sink` as it is read instead of collecting them:
    // the response's `records` stays empty. On failure the sink may have received some records.
    std::expected<GetRecordsResponse, Error> getRecords(const GetRecordsRequest &request,
                                                        RecordSink &sink) const;
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

signals:
    // Emitted once per shard per group commit that appended records to it, never per record.
    void recordsAppended(const QString &streamName, const QString &shardId,
                         const QString &lastSequenceNumber, int count);
    // Streams were created, deleted, resharded or reconfigured.
    void catalogChanged();

private:
    struct WriterState;
    struct PutInput;
    struct PutOutcome;
    struct DataKey;
    explicit Engine(EngineOptions options);

    std::expected<void, Error> start();
    std::shared_ptr<const Catalog> snapshot() const;
    qint64 now() const;
    std::expected<std::shared_ptr<const StreamMeta>, Error> resolve(const StreamTarget &target,
                                                                    const QString &nameField = QStringLiteral("streamName")) const;
    std::expected<std::shared_ptr<const StreamMeta>, Error> resolveArn(const QString &arn, const QString &field) const;
    Error notFound(const QString &name) const;
    Error notActive(const StreamMeta &stream, qint64 nowMs) const;

    // Runs `body` on the writer thread inside the group transaction and waits for the commit.
    template<typename T>
    std::expected<T, Error> write(std::function<std::expected<T, Error>(SqliteDb &)> body);

    std::expected<PutOutcome, Error> appendRecords(SqliteDb &db, const StreamMeta &stream,
                                                   const QList<PutInput> &inputs);
    std::expected<void, Error> persistStream(SqliteDb &db, const StreamMeta &stream, bool withShards);
    std::expected<void, Error> reshard(SqliteDb &db, StreamMeta &stream, qint64 nowMs,
                                       const std::function<std::expected<void, Error>(StreamMeta &, qint64 &)> &change);
    // Runs `change` on a copy of an ACTIVE stream's metadata inside a write job and saves it.
    std::expected<void, Error> changeActiveStream(
        const QString &name, const std::function<std::expected<void, Error>(StreamMeta &)> &change);
    std::expected<void, Error> changeRetention(const RetentionPeriodRequest &request, bool increase);
    void publish();
    // The plaintext data key of a key version, from the cache or unwrapped from `db`.
    std::expected<std::shared_ptr<const DataKey>, Error> dataKey(qint64 version, SqliteDb &db, LocalKms::View view) const;
    std::expected<void, Error> changeEncryption(const StreamTarget &target,
                                                const QString &encryptionType, const QString &keyId,
                                                bool start);
    void afterGroup();
    void housekeeping(SqliteDb &db);
    std::expected<void, Error> loadCatalog(SqliteDb &db);
    std::expected<void, Error> changeTags(const StreamTarget &target, const TagMap &add,
                                          const QStringList &remove, bool resourceApi);
    // The stream and the name of the consumer a request names (validated; not gone).
    std::expected<std::pair<std::shared_ptr<const StreamMeta>, QString>, Error>
    resolveConsumer(const ConsumerTarget &target) const;
    QString consumerArn(const QString &streamName, const ConsumerMeta &consumer) const;
    // In the writer's working catalog: the stream holding consumer `consumerName` when it is still
    // the consumer a call resolved before it was queued (same stream id and creation time) and
    // is not gone; else ResourceNotFound. Writer thread only.
    std::expected<std::shared_ptr<const StreamMeta>, Error>
    liveConsumerStream(const QString &streamName, qint64 streamId, const QString &consumerName,
                       qint64 createdMs, qint64 nowMs) const;
    Error consumerNotFound(const QString &consumerName, const QString &streamName) const;
    // Writes consumer `consumerName` of `meta` and makes `meta` the working catalog's copy of its
    // stream. Writer thread only.
    std::expected<void, Error> storeConsumerChange(SqliteDb &db, std::shared_ptr<StreamMeta> meta,
                                                   const QString &consumerName);
    std::expected<void, Error> persistConsumer(SqliteDb &db, qint64 streamId, const ConsumerMeta &consumer);
    std::expected<void, Error> deleteConsumerRows(SqliteDb &db, qint64 streamId, const QString &name);
    std::expected<void, Error> changeConsumerTags(const QString &consumerArn, const TagMap &add,
                                                  const QStringList &remove);

    EngineOptions m_options;
    QString m_path;
    bool m_inMemory = false;
    std::unique_ptr<TokenCodec> m_tokens;
    std::unique_ptr<LocalKms> m_kms;
    mutable std::mutex m_dataKeyMutex;
    mutable QHash<qint64, std::shared_ptr<const DataKey>> m_dataKeys; // by key version
    std::unique_ptr<ReaderPool> m_readers;
    std::unique_ptr<WriterState> m_writerState; // touched only on the writer thread
    std::unique_ptr<WriterThread> m_writer;
    SqliteDb *m_writerDbForRecovery = nullptr; // owned by m_writer; used on its thread only
    bool m_catalogChangedPending = false;      // writer thread only
    mutable std::mutex m_catalogMutex;
    std::shared_ptr<const Catalog> m_published;
};

} // namespace shardscope
