#pragma once

#include "aws/awsrecovery.h"
#include "aws/sigv4.h"
#include "backend/streambackend.h"
#include "protocol/wirecodec.h"

#include <QHash>
#include <QPointer>
#include <QPromise>
#include <QSslConfiguration>
#include <QThreadPool>
#include <QUrl>

#include <chrono>
#include <expected>
#include <functional>
#include <memory>
#include <optional>

class QJsonObject;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace shardscope {

class CredentialsProvider;

struct AwsBackendOptions
{
    QString displayName = QStringLiteral("AWS");
    QString region = QStringLiteral("us-east-1");
    // Empty: https://kinesis.<region>.amazonaws.com (amazonaws.com.cn in China). http:// is
    // fine for local endpoints (another Shardscope, kinesalite, LocalStack).
    QUrl endpoint;
    // Where credentials come from: the provider when set (not owned: keep it alive at least as
    // long as the backend, e.g. as its child), else these keys.
    CredentialsProvider *credentialsProvider = nullptr;
    std::optional<AwsCredentials> staticCredentials;
    // On by default, as for every AWS connection; turn it off for local endpoints or when the
    // user flips the connection's switch.
    bool readOnly = true;
    // No byte moving for this long aborts a request (QNetworkRequest::setTransferTimeout).
    std::chrono::milliseconds requestTimeout{std::chrono::seconds(30)};
    // Retries after throttling, 5xx answers and network errors (so at most maxRetries + 1
    // requests per call), with exponential backoff and full jitter.
    int maxRetries = 3;
    std::chrono::milliseconds retryBaseDelay{100};
    std::chrono::milliseconds throttlingBaseDelay{500};
    std::chrono::milliseconds retryMaxDelay{std::chrono::seconds(20)};
    // PEM file of extra certificate authorities to trust (the AWS CLI's --ca-bundle), e.g. the
    // certificate `shardscope --serve --tls` prints.
    QString caCertificateFile;
    // The local clock requests are signed by, before skew correction (tests); empty: the
    // system clock.
    std::function<QDateTime()> clock;
};

// StreamBackend over the Kinesis JSON 1.1 wire protocol (HTTPS, or http for local endpoints):
// every call is a SigV4-signed POST with X-Amz-Target Kinesis_20131202.<Operation>, encoded and
// decoded by the shared WireCodec. KMS keys (listKmsKeys, createKmsKey) come from AWS KMS over
// the same machinery: JSON 1.1, X-Amz-Target TrentService.<Operation>, signed for service
// `kms`, at https://kms.<region>.amazonaws.com or, for a custom endpoint, that same URL
// (LocalStack serves both there; kinesalite and our --serve answer UnknownOperation).
//
// One QNetworkAccessManager, so connections are kept alive and reused. Throttling
// (ProvisionedThroughputExceeded, LimitExceeded, Throttling, KMSThrottling), 5xx answers and
// network errors are retried with exponential backoff and full jitter; each retry is its own
// callStarted/callFinished ("ListShards (retry 2)") so the activity dock shows it. A signature
// refused as expired or not yet valid moves this backend's clock to the server's Date header
// and is retried once; credentials refused as expired are resolved again and retried once
// (AwsRecovery, shared with DynamoDbClient).
// listAll* follow the pages, one call per page. SubscribeToShard is the one call over HTTP/2
// (AwsSubscription, signed and sent through the same helpers, never retried). Errors keep
// Kinesis's type and message, with advice for credential problems ("Run `aws sso login
// --profile X`"). Credentials and signatures never reach BackendCall, errors or logs.
//
// Threads: lives on the thread that created it (the GUI thread) and must be called there; the
// network runs asynchronously on it and response bodies are decoded on a private pool, so the
// thread never waits. Destroying the backend aborts what is in flight; their futures get an
// error.
class AwsBackend final : public StreamBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AwsBackend)

public:
    explicit AwsBackend(AwsBackendOptions options, QObject *parent = nullptr);
    ~AwsBackend() override;

    // https://kinesis.<region>.amazonaws.com, .amazonaws.com.cn for cn-* regions.
    static QUrl defaultEndpoint(const QString &region);
    // https://kms.<region>.amazonaws.com, .amazonaws.com.cn for cn-* regions.
    static QUrl defaultKmsEndpoint(const QString &region);
    // Full jitter: uniform in [0, min(maxDelay, base * 2^retry)]; `random` is in [0, 1).
    // `retry` counts from 0 for the first retry.
    static std::chrono::milliseconds backoffDelay(int retry, std::chrono::milliseconds base,
                                                  std::chrono::milliseconds maxDelay,
                                                  double random);
    // An error answer as our Error: the Kinesis type (from "__type" or the x-amzn-ErrorType
    // header) and message. Types our ErrorType does not know (KMS's NotFoundException,
    // AlreadyExistsException, ...) map to the nearest one and keep their name in the message.
    static Error errorFromResponse(int httpStatus, const QByteArray &body,
                                   const QByteArray &errorTypeHeader);

    const AwsBackendOptions &options() const { return m_options; }
    QUrl endpoint() const { return m_kinesis.url; }
    // Where KMS calls go: the custom endpoint when there is one, else defaultKmsEndpoint().
    QUrl kmsEndpoint() const { return m_kms.url; }
    // How far the server's clock is ahead of ours, as learnt from a skew error.
    qint64 clockOffsetMs() const { return m_recovery.clockOffsetMs(); }

    BackendKind kind() const override { return BackendKind::Aws; }
    QString displayName() const override { return m_options.displayName; }
    QString location() const override;
    bool isReadOnly() const override { return m_options.readOnly; }
    bool hasShardStatistics() const override { return false; }

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
    // Consumers: JSON 1.1 like every call; registering and deregistering are mutating calls
    // (refused when read-only, catalogChanged after success).
    BackendFuture<Consumer> registerStreamConsumer(const RegisterStreamConsumerRequest &request) override;
    BackendFuture<ConsumerDescription> describeStreamConsumer(const ConsumerTarget &target) override;
    BackendFuture<void> deregisterStreamConsumer(const ConsumerTarget &target) override;
    // An AwsSubscription: one signed request over HTTP/2 (ALPN h2 for https, h2c with prior
    // knowledge for http), its event stream decoded as it arrives.
    bool canSubscribeToShards() const override { return true; }
    BackendSubscription *subscribeToShard(const SubscribeToShardRequest &request,
                                          QObject *parent = nullptr) override;

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

    // Metrics: CloudWatch GetMetricData (JSON 1.0, X-Amz-Target
    // GraniteServiceVersion20100801.GetMetricData, signed for service `monitoring`) at
    // https://monitoring.<region>.amazonaws.com or, for a custom endpoint, that same URL (our
    // --serve answers it). Pages (NextToken) are followed and merged.
    static QUrl defaultCloudWatchEndpoint(const QString &region);
    QUrl cloudWatchEndpoint() const { return m_cloudWatch.url; }
    bool hasMetrics() const override { return true; }
    BackendFuture<MetricDataResponse> getMetricData(const MetricDataRequest &request) override;

    // Throughput use from CloudWatch's shard-level metrics (IncomingRecords, IncomingBytes,
    // OutgoingBytes and the two ProvisionedThroughputExceeded counts): the Sum over the newest
    // complete minute that has points among the last two (CloudWatch publishes late), divided
    // by 60. DescribeStreamSummary says which shard-level metrics the stream's enhanced
    // monitoring has on; the others stay unknown and the shards say needsEnhancedMonitoring. Kinesis publishes no per-shard
    // GetRecords calls, so readCallsPerSecond is always unknown. Calls: DescribeStreamSummary,
    // ListShards (open shards), then GetMetricData in chunks of up to 500 queries.
    bool hasShardUsage() const override { return true; }
    BackendFuture<QList<ShardUsage>> shardUsage(const StreamTarget &target) override;

private:
    // Signs and sends SubscribeToShard through the helpers below.
    friend class AwsSubscription;

    // Read: no side effects. Catalog: changes streams (catalogChanged after success).
    // Append: writes records (recordsAppended after success). Keys: creates KMS keys or
    // aliases (refused when read-only, but no stream changes).
    enum class Access { Read, Catalog, Append, Keys };
    // One AWS service the backend talks to: how requests are addressed and signed.
    struct Service
    {
        QString signingName;     // the SigV4 credential scope's service: "kinesis", "kms"
        QString targetPrefix;    // X-Amz-Target is this + operation
        QString activityPrefix;  // BackendCall::operation is this + operation: "kms:ListKeys"
        QUrl url;
        QByteArray hostHeader;
        QByteArray contentType;  // empty: the codec's (JSON 1.1)
    };
    struct Exchange;
    using ExchangePtr = std::shared_ptr<Exchange>;
    struct KmsListing;
    using KmsListingPtr = std::shared_ptr<KmsListing>;
    using KmsFuture = BackendFuture<QJsonObject>;

    template<typename Response, typename Request>
    BackendFuture<Response> invoke(const QString &operation, const QString &target,
                                   const Request &request, Access access);
    // A KMS call with a JSON body; the answer's JSON object.
    KmsFuture invokeKms(const QString &operation, const QString &target,
                        const QJsonObject &request, Access access);
    // Why a call of this kind may not be sent now (read-only, no credentials, bad CA file).
    std::optional<Error> refusal(Access access) const;
    // Registers the exchange and sends its first attempt.
    void launch(const ExchangePtr &exchange);
    template<typename T>
    BackendFuture<T> refuse(const QString &operation, const QString &target, const Error &error);
    template<typename Item, typename Request, typename Page>
    BackendFuture<QList<Item>> collectPages(
        Request first, std::function<BackendFuture<Page>(const Request &)> fetch,
        std::function<void(const Page &, QList<Item> &)> extract,
        std::function<std::optional<Request>(const Request &, const Page &)> next);

    void fetchKeysPage(const KmsListingPtr &listing, const QString &marker);
    void fetchAliasesPage(const KmsListingPtr &listing, const QString &marker);
    void describeKeys(const KmsListingPtr &listing);
    void finishListing(const KmsListingPtr &listing);
    struct KeyCreation;
    void createKeyAndAlias(const std::shared_ptr<KeyCreation> &creation);

    // A call to `service` with a ready body; the answer's body. (Metrics.)
    BackendFuture<QByteArray> invokeRaw(const Service &service, const QString &operation,
                                        const QString &target, const QByteArray &body);
    struct MetricDataFetch;
    void fetchMetricDataPage(const std::shared_ptr<MetricDataFetch> &fetch, const QString &token);
    struct UsageFetch;
    void fetchUsageShards(const std::shared_ptr<UsageFetch> &fetch);
    void fetchUsageMetrics(const std::shared_ptr<UsageFetch> &fetch, qsizetype firstQuery);
    static QList<ShardUsage> usageFrom(const UsageFetch &fetch);

    // Calls `ready` with the credentials to sign with (at once for static ones, else when the
    // provider has them), or why there are none. Dropped when `context` dies first.
    void withCredentials(QObject *context,
                         std::function<void(const std::expected<AwsCredentials, Error> &)> ready);
    // A POST of `body` to `service`, SigV4-signed, with the backend's timeout and TLS settings.
    QNetworkRequest signedRequest(const Service &service, const QString &operation,
                                  const QByteArray &body, const AwsCredentials &credentials) const;
    void startAttempt(const ExchangePtr &exchange);
    void send(const ExchangePtr &exchange, const AwsCredentials &credentials);
    void handleReply(const ExchangePtr &exchange, QNetworkReply *reply);
    // Ends the current attempt and starts another, now or after `delay`.
    void retry(const ExchangePtr &exchange, const Error &error, std::chrono::milliseconds delay);
    // Ends the call: callFinished, and forgets the exchange.
    void complete(const ExchangePtr &exchange, const std::optional<Error> &error);
    Error withAdvice(const Error &error, const QString &wireType, const Exchange &exchange) const;
    std::optional<Error> setupError() const;

    AwsBackendOptions m_options;
    Service m_kinesis;
    Service m_kms;
    Service m_cloudWatch;
    WireCodec m_codec{WireFormat::Json};
    QNetworkAccessManager *m_network;
    QPointer<CredentialsProvider> m_provider;
    std::optional<QSslConfiguration> m_sslConfiguration;
    QString m_caError; // why the CA file could not be used
    QThreadPool m_pool;
    QHash<quint64, ExchangePtr> m_inFlight;
    quint64 m_nextCallId = 0;
    AwsRecovery m_recovery;
};

} // namespace shardscope
