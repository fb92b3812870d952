#pragma once

#include "aws/awsrecovery.h"
#include "aws/sigv4.h"
#include "kinesis/error.h"

#include <QCoreApplication>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <expected>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace shardscope {

class CredentialsProvider;
struct AwsHttpResponse;

// A DynamoDB failure as DynamoDB reports it: its own error type (ConditionalCheckFailedException
// is not a Kinesis type, so it is kept by name) and message.
struct DynamoDbError
{
    QString type;    // e.g. "ConditionalCheckFailedException"; empty when nothing answered
    QString message; // DynamoDB's message, or why nothing answered
    int httpStatus = 0;

    bool isConditionalCheckFailed() const;
    bool isResourceNotFound() const;
    bool isThrottling() const;
    // The nearest Kinesis-style Error (ResourceNotFound, AccessDenied, ...); the message names
    // DynamoDB's type when it has no equivalent.
    Error toError() const;
};

template<typename T>
using DynamoDbResult = std::expected<T, DynamoDbError>;
template<typename T>
using DynamoDbFuture = QFuture<DynamoDbResult<T>>;

struct DynamoDbClientOptions
{
    QString region = QStringLiteral("us-east-1");
    // Any URL (DynamoDB Local, LocalStack, dynalite); empty: https://dynamodb.<region>.amazonaws.com.
    QUrl endpoint;
    // Where credentials come from: the provider when set (not owned; keep it alive at least as
    // long as the client), else these keys.
    CredentialsProvider *credentialsProvider = nullptr;
    std::optional<AwsCredentials> staticCredentials;
    std::chrono::milliseconds requestTimeout{std::chrono::seconds(15)};
    // Throttling, 5xx answers and network failures are retried with full-jitter backoff.
    int maxRetries = 3;
    std::chrono::milliseconds retryBaseDelay{50};
    std::chrono::milliseconds throttlingBaseDelay{500};
    std::chrono::milliseconds retryMaxDelay{std::chrono::seconds(5)};
    // The clock requests are signed by (tests); empty: the system clock.
    std::function<QDateTime()> clock;
};

// A condition on a write: ConditionExpression with its ExpressionAttributeNames and
// ExpressionAttributeValues (attribute-value JSON, e.g. {":c": {"N": "3"}}).
struct DynamoDbCondition
{
    QString expression;
    QJsonObject names;
    QJsonObject values;

    bool isEmpty() const { return expression.isEmpty(); }
};

// DynamoDB's JSON 1.0 API: every call is a SigV4-signed POST (service `dynamodb`) with
// X-Amz-Target DynamoDB_20120810.<Operation>. Items travel as attribute-value JSON objects
// ({"leaseKey": {"S": "shardId-000"}, ...}) and are handed back as they came.
//
// A missing table is ResourceNotFoundException with the message "The table X does not exist at
// Y."; a failed condition is ConditionalCheckFailedException. Throttling, 5xx and network
// failures are retried (at most maxRetries times) with exponential backoff and full jitter. A
// request refused for clock skew is signed again with the server's clock (its Date header), and
// one refused for expired credentials goes again with credentials the provider resolves anew,
// once each (AwsRecovery, as AwsBackend does).
//
// Threads: lives on the thread that created it and must be called there; the network runs
// asynchronously on it and futures are fulfilled there, later.
class DynamoDbClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DynamoDbClient)

public:
    explicit DynamoDbClient(DynamoDbClientOptions options, QObject *parent = nullptr);
    ~DynamoDbClient() override;

    static constexpr QLatin1StringView kTargetPrefix{"DynamoDB_20120810."};
    static constexpr QLatin1StringView kContentType{"application/x-amz-json-1.0"};

    // https://dynamodb.<region>.amazonaws.com (amazonaws.com.cn for cn-* regions).
    static QUrl defaultEndpoint(const QString &region);
    // The signed POST of one call, as it goes on the wire (Host, Content-Type, X-Amz-Target,
    // X-Amz-Date, Authorization, ...).
    static SignableRequest signedRequest(const QUrl &endpoint, const QString &operation,
                                         const QByteArray &body,
                                         const AwsCredentials &credentials,
                                         const QString &region, const QDateTime &nowUtc);

    QUrl endpoint() const { return m_endpoint; }
    // How far the server's clock is ahead of ours, as learnt from a skew error.
    qint64 clockOffsetMs() const { return m_recovery.clockOffsetMs(); }
    QString region() const { return m_options.region; }

    // Any operation: the request object in, the response object out.
    DynamoDbFuture<QJsonObject> call(const QString &operation, const QJsonObject &request,
                                     const QString &tableName = {});

    // A table with a string hash key `hashKey`, billed per request; the TableDescription.
    DynamoDbFuture<QJsonObject> createTable(const QString &table, const QString &hashKey);
    // The TableDescription, or empty when there is no such table.
    DynamoDbFuture<std::optional<QJsonObject>> describeTable(const QString &table);
    // Every table name (all pages).
    DynamoDbFuture<QStringList> listTables();
    // Every item of the table: a consistent Scan, all pages. `pageLimit` > 0 sets Limit on each
    // page (tests; otherwise DynamoDB's 1 MB pages).
    DynamoDbFuture<QList<QJsonObject>> scan(const QString &table, int pageLimit = 0);
    // The item with `key` (consistent read), or empty.
    DynamoDbFuture<std::optional<QJsonObject>> getItem(const QString &table, const QJsonObject &key);
    // Writes the item when the condition holds.
    DynamoDbFuture<QJsonObject> putItem(const QString &table, const QJsonObject &item,
                                        const DynamoDbCondition &condition = {});
    // Applies UpdateExpression when the condition holds; the item as it is afterwards
    // (ReturnValues ALL_NEW). Names and values of the update and the condition share one map.
    DynamoDbFuture<QJsonObject> updateItem(const QString &table, const QJsonObject &key,
                                           const QString &updateExpression,
                                           const DynamoDbCondition &condition);
    // Deletes the item when the condition holds.
    DynamoDbFuture<QJsonObject> deleteItem(const QString &table, const QJsonObject &key,
                                           const DynamoDbCondition &condition = {});

private:
    struct Exchange;
    using ExchangePtr = std::shared_ptr<Exchange>;
    void start(const ExchangePtr &exchange);
    void send(const ExchangePtr &exchange, const AwsCredentials &credentials);
    void finish(const ExchangePtr &exchange, const AwsHttpResponse &response);
    void withCredentials(std::function<void(const std::expected<AwsCredentials, DynamoDbError> &)> ready);
    DynamoDbError decodeError(int status, const QByteArray &body, const QString &tableName) const;

    DynamoDbClientOptions m_options;
    QUrl m_endpoint;
    QNetworkAccessManager *m_network;
    AwsRecovery m_recovery;
};

} // namespace shardscope
