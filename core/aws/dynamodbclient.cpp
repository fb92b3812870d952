#include "dynamodbclient.h"

#include "aws/awsendpoint.h"
#include "aws/awshttp.h"
#include "aws/awslog.h"
#include "aws/awsretry.h"
#include "aws/credentialsprovider.h"

#include <QFutureWatcher>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPromise>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

template<typename T>
DynamoDbFuture<T> futureOf(std::shared_ptr<QPromise<DynamoDbResult<T>>> promise)
{
    promise->start();
    return promise->future();
}

template<typename T>
void fulfil(const std::shared_ptr<QPromise<DynamoDbResult<T>>> &promise, DynamoDbResult<T> result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

} // namespace

bool DynamoDbError::isConditionalCheckFailed() const
{
    return type == "ConditionalCheckFailedException"_L1;
}

bool DynamoDbError::isResourceNotFound() const
{
    return type == "ResourceNotFoundException"_L1;
}

bool DynamoDbError::isThrottling() const
{
    return type == "ProvisionedThroughputExceededException"_L1 || type == "ThrottlingException"_L1
        || type == "RequestLimitExceeded"_L1 || httpStatus == 429;
}

Error DynamoDbError::toError() const
{
    static const QHash<QString, ErrorType> table = {
        {u"ResourceNotFoundException"_s, ErrorType::ResourceNotFound},
        {u"ResourceInUseException"_s, ErrorType::ResourceInUse},
        {u"ValidationException"_s, ErrorType::Validation},
        {u"SerializationException"_s, ErrorType::Serialization},
        {u"AccessDeniedException"_s, ErrorType::AccessDenied},
        {u"UnrecognizedClientException"_s, ErrorType::UnrecognizedClient},
        {u"MissingAuthenticationTokenException"_s, ErrorType::MissingAuthenticationToken},
        {u"MissingAuthenticationToken"_s, ErrorType::MissingAuthenticationToken},
        {u"InvalidSignatureException"_s, ErrorType::InvalidSignature},
        {u"IncompleteSignatureException"_s, ErrorType::IncompleteSignature},
        {u"ProvisionedThroughputExceededException"_s, ErrorType::ProvisionedThroughputExceeded},
        {u"LimitExceededException"_s, ErrorType::LimitExceeded},
        {u"ThrottlingException"_s, ErrorType::LimitExceeded},
        {u"RequestLimitExceeded"_s, ErrorType::LimitExceeded},
        {u"UnknownOperationException"_s, ErrorType::UnknownOperation},
        {u"InternalServerError"_s, ErrorType::InternalFailure},
        {u"InternalFailure"_s, ErrorType::InternalFailure},
    };
    const auto known = table.constFind(type);
    if (known != table.constEnd())
        return Error{*known, message};
    if (type.isEmpty())
        return Error{ErrorType::InternalFailure, message};
    const ErrorType nearest =
        httpStatus >= 500 ? ErrorType::InternalFailure : ErrorType::InvalidArgument;
    return Error{nearest, message.isEmpty() ? type : type + u": "_s + message};
}

struct DynamoDbClient::Exchange
{
    QString operation;
    QString tableName; // for the messages
    QByteArray body;
    int retries = 0;
    AwsRecoveryAttempt recovery; // skew and expired credentials, once each
    std::function<void(DynamoDbResult<QJsonObject>)> done;
};

DynamoDbClient::DynamoDbClient(DynamoDbClientOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)),
      m_endpoint(m_options.endpoint.isEmpty() ? defaultEndpoint(m_options.region)
                                              : m_options.endpoint),
      m_network(new QNetworkAccessManager(this)), m_recovery(m_options.clock)
{
}

DynamoDbClient::~DynamoDbClient() = default;

QUrl DynamoDbClient::defaultEndpoint(const QString &region)
{
    return AwsEndpoint::forService(u"dynamodb"_s, region);
}

SignableRequest DynamoDbClient::signedRequest(const QUrl &endpoint, const QString &operation,
                                              const QByteArray &body,
                                              const AwsCredentials &credentials,
                                              const QString &region, const QDateTime &nowUtc)
{
    SignableRequest signable;
    signable.method = "POST";
    signable.path = endpoint.path(QUrl::FullyEncoded).toUtf8();
    if (signable.path.isEmpty())
        signable.path = "/";
    signable.headers.append({QByteArrayLiteral("Host"), AwsEndpoint::hostHeader(endpoint)});
    signable.headers.append({QByteArrayLiteral("Content-Type"), QByteArray(kContentType.data())});
    signable.headers.append(
        {QByteArrayLiteral("X-Amz-Target"), (kTargetPrefix + operation).toLatin1()});
    signable.body = body;
    SigV4::sign(signable, credentials, region, u"dynamodb"_s, nowUtc);
    return signable;
}

DynamoDbFuture<QJsonObject> DynamoDbClient::call(const QString &operation,
                                                 const QJsonObject &request,
                                                 const QString &tableName)
{
    auto promise = std::make_shared<QPromise<DynamoDbResult<QJsonObject>>>();
    auto future = futureOf(promise);
    auto exchange = std::make_shared<Exchange>();
    exchange->operation = operation;
    exchange->tableName = tableName;
    exchange->body = QJsonDocument(request).toJson(QJsonDocument::Compact);
    exchange->done = [promise](DynamoDbResult<QJsonObject> result) {
        fulfil(promise, std::move(result));
    };
    start(exchange);
    return future;
}

void DynamoDbClient::withCredentials(
    std::function<void(const std::expected<AwsCredentials, DynamoDbError> &)> ready)
{
    if (!m_options.credentialsProvider) {
        if (m_options.staticCredentials) {
            ready(*m_options.staticCredentials);
        } else {
            ready(std::unexpected(DynamoDbError{
                u"MissingAuthenticationToken"_s,
                tr("No AWS credentials are set for DynamoDB at %1.").arg(m_endpoint.toString()),
                0}));
        }
        return;
    }
    auto *watcher = new QFutureWatcher<CredentialsProvider::Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, ready = std::move(ready)] {
        watcher->deleteLater();
        if (watcher->future().resultCount() == 0) {
            ready(std::unexpected(DynamoDbError{u"MissingAuthenticationToken"_s,
                                                tr("The AWS credentials are no longer available."),
                                                0}));
            return;
        }
        const CredentialsProvider::Result credentials = watcher->future().result();
        if (!credentials) {
            ready(std::unexpected(DynamoDbError{credentials.error().typeName(),
                                                credentials.error().message, 0}));
        } else {
            ready(credentials->credentials);
        }
    });
    watcher->setFuture(m_options.credentialsProvider->credentials());
}

void DynamoDbClient::start(const ExchangePtr &exchange)
{
    withCredentials([this, exchange](const std::expected<AwsCredentials, DynamoDbError> &credentials) {
        if (!credentials) {
            exchange->done(std::unexpected(credentials.error()));
            return;
        }
        send(exchange, *credentials);
    });
}

void DynamoDbClient::send(const ExchangePtr &exchange, const AwsCredentials &credentials)
{
    const SignableRequest signable = signedRequest(m_endpoint, exchange->operation,
                                                   exchange->body, credentials,
                                                   m_options.region, m_recovery.signingTime());
    QNetworkRequest request(m_endpoint);
    for (const auto &[name, value] : std::as_const(signable.headers))
        request.setRawHeader(name, value);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Shardscope"));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    AwsHttp::send(m_network, request, "POST", exchange->body, m_options.requestTimeout, this,
                  [this, exchange](const AwsHttpResponse &response) { finish(exchange, response); });
}

DynamoDbError DynamoDbClient::decodeError(int status, const QByteArray &body,
                                          const QString &tableName) const
{
    DynamoDbError error;
    error.httpStatus = status;
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    error.type = awsErrorTypeName(object.value("__type"_L1).toString());
    error.message = object.value("message"_L1).toString();
    if (error.message.isEmpty())
        error.message = object.value("Message"_L1).toString();
    if (error.type.isEmpty())
        error.type = status >= 500 ? u"InternalServerError"_s : u"UnknownError"_s;
    if (error.message.isEmpty())
        error.message = tr("DynamoDB at %1 answered HTTP %2.").arg(m_endpoint.toString()).arg(status);
    if (error.isResourceNotFound() && !tableName.isEmpty())
        error.message = tr("The table %1 does not exist at %2.").arg(tableName, m_endpoint.toString());
    return error;
}

void DynamoDbClient::finish(const ExchangePtr &exchange, const AwsHttpResponse &response)
{
    const int status = response.status;
    const QByteArray &body = response.body;
    if (status >= 200 && status < 300) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            exchange->done(std::unexpected(DynamoDbError{
                u"SerializationException"_s,
                tr("DynamoDB at %1 sent an answer to %2 that is not a JSON object: %3")
                    .arg(m_endpoint.toString(), exchange->operation, parseError.errorString()),
                status}));
            return;
        }
        exchange->done(document.object());
        return;
    }
    DynamoDbError error;
    bool transient = false;
    if (status == 0) {
        error.message = tr("DynamoDB at %1 could not be reached: %2")
                            .arg(m_endpoint.toString(), response.transportError);
        transient = true;
    } else {
        error = decodeError(status, body, exchange->tableName);
        transient = status >= 500 || error.isThrottling();
        if (m_recovery.shouldRetry(u"DynamoDB "_s + exchange->operation + u" to "_s + m_endpoint.host(),
                                   error.type, error.message, response.header("Date"),
                                   m_options.credentialsProvider, exchange->recovery)) {
            start(exchange); // credentials resolved again, signed at the corrected time
            return;
        }
    }
    if (transient && exchange->retries < m_options.maxRetries) {
        const auto base = error.isThrottling() ? m_options.throttlingBaseDelay
                                               : m_options.retryBaseDelay;
        const auto delay = AwsRetry::backoffDelay(exchange->retries, base, m_options.retryMaxDelay,
                                                  QRandomGenerator::global()->generateDouble());
        ++exchange->retries;
        qCDebug(lcAws).noquote() << "DynamoDB" << exchange->operation << "failed (" << error.message
                                 << "); retry" << exchange->retries << "of" << m_options.maxRetries
                                 << "in" << delay.count() << "ms";
        QTimer::singleShot(delay, this, [this, exchange] { start(exchange); });
        return;
    }
    exchange->done(std::unexpected(error));
}

DynamoDbFuture<QJsonObject> DynamoDbClient::createTable(const QString &table, const QString &hashKey)
{
    const QJsonObject request{
        {u"TableName"_s, table},
        {u"AttributeDefinitions"_s,
         QJsonArray{QJsonObject{{u"AttributeName"_s, hashKey}, {u"AttributeType"_s, u"S"_s}}}},
        {u"KeySchema"_s,
         QJsonArray{QJsonObject{{u"AttributeName"_s, hashKey}, {u"KeyType"_s, u"HASH"_s}}}},
        {u"BillingMode"_s, u"PAY_PER_REQUEST"_s},
    };
    return call(u"CreateTable"_s, request).then([](DynamoDbResult<QJsonObject> result)
                                                    -> DynamoDbResult<QJsonObject> {
        if (!result)
            return result;
        return result->value("TableDescription"_L1).toObject();
    });
}

DynamoDbFuture<std::optional<QJsonObject>> DynamoDbClient::describeTable(const QString &table)
{
    return call(u"DescribeTable"_s, QJsonObject{{u"TableName"_s, table}}, table)
        .then([](DynamoDbResult<QJsonObject> result) -> DynamoDbResult<std::optional<QJsonObject>> {
            if (!result) {
                if (result.error().isResourceNotFound())
                    return std::optional<QJsonObject>();
                return std::unexpected(result.error());
            }
            return std::optional<QJsonObject>(result->value("Table"_L1).toObject());
        });
}

DynamoDbFuture<QStringList> DynamoDbClient::listTables()
{
    auto promise = std::make_shared<QPromise<DynamoDbResult<QStringList>>>();
    auto future = futureOf(promise);
    auto names = std::make_shared<QStringList>();
    auto page = std::make_shared<std::function<void(const QString &)>>();
    *page = [this, promise, names, page](const QString &startName) {
        QJsonObject request;
        if (!startName.isEmpty())
            request.insert(u"ExclusiveStartTableName"_s, startName);
        auto exchange = std::make_shared<Exchange>();
        exchange->operation = u"ListTables"_s;
        exchange->body = QJsonDocument(request).toJson(QJsonDocument::Compact);
        exchange->done = [promise, names, page](DynamoDbResult<QJsonObject> result) {
            if (!result) {
                *page = nullptr;
                fulfil(promise, DynamoDbResult<QStringList>(std::unexpected(result.error())));
                return;
            }
            for (const QJsonValue &name : result->value("TableNames"_L1).toArray())
                names->append(name.toString());
            const QString next = result->value("LastEvaluatedTableName"_L1).toString();
            if (next.isEmpty()) {
                fulfil(promise, DynamoDbResult<QStringList>(*names));
                *page = nullptr; // breaks the cycle page -> lambda -> page
                return;
            }
            (*page)(next);
        };
        start(exchange);
    };
    (*page)(QString());
    return future;
}

DynamoDbFuture<QList<QJsonObject>> DynamoDbClient::scan(const QString &table, int pageLimit)
{
    auto promise = std::make_shared<QPromise<DynamoDbResult<QList<QJsonObject>>>>();
    auto future = futureOf(promise);
    auto items = std::make_shared<QList<QJsonObject>>();
    auto page = std::make_shared<std::function<void(const QJsonObject &)>>();
    *page = [this, promise, items, page, table, pageLimit](const QJsonObject &startKey) {
        QJsonObject request{{u"TableName"_s, table}, {u"ConsistentRead"_s, true}};
        if (pageLimit > 0)
            request.insert(u"Limit"_s, pageLimit);
        if (!startKey.isEmpty())
            request.insert(u"ExclusiveStartKey"_s, startKey);
        auto exchange = std::make_shared<Exchange>();
        exchange->operation = u"Scan"_s;
        exchange->tableName = table;
        exchange->body = QJsonDocument(request).toJson(QJsonDocument::Compact);
        exchange->done = [promise, items, page](DynamoDbResult<QJsonObject> result) {
            if (!result) {
                *page = nullptr;
                fulfil(promise, DynamoDbResult<QList<QJsonObject>>(std::unexpected(result.error())));
                return;
            }
            const QJsonArray found = result->value("Items"_L1).toArray();
            items->reserve(items->size() + found.size());
            for (const QJsonValue &item : found)
                items->append(item.toObject());
            const QJsonObject next = result->value("LastEvaluatedKey"_L1).toObject();
            if (next.isEmpty()) {
                fulfil(promise, DynamoDbResult<QList<QJsonObject>>(std::move(*items)));
                *page = nullptr;
                return;
            }
            (*page)(next);
        };
        start(exchange);
    };
    (*page)(QJsonObject());
    return future;
}

DynamoDbFuture<std::optional<QJsonObject>> DynamoDbClient::getItem(const QString &table,
                                                                   const QJsonObject &key)
{
    const QJsonObject request{
        {u"TableName"_s, table}, {u"Key"_s, key}, {u"ConsistentRead"_s, true}};
    return call(u"GetItem"_s, request, table)
        .then([](DynamoDbResult<QJsonObject> result) -> DynamoDbResult<std::optional<QJsonObject>> {
            if (!result)
                return std::unexpected(result.error());
            if (!result->contains("Item"_L1))
                return std::optional<QJsonObject>();
            return std::optional<QJsonObject>(result->value("Item"_L1).toObject());
        });
}

namespace {

void addCondition(QJsonObject &request, const DynamoDbCondition &condition)
{
    if (!condition.expression.isEmpty())
        request.insert(u"ConditionExpression"_s, condition.expression);
    if (!condition.names.isEmpty())
        request.insert(u"ExpressionAttributeNames"_s, condition.names);
    if (!condition.values.isEmpty())
        request.insert(u"ExpressionAttributeValues"_s, condition.values);
}

} // namespace

DynamoDbFuture<QJsonObject> DynamoDbClient::putItem(const QString &table, const QJsonObject &item,
                                                    const DynamoDbCondition &condition)
{
    QJsonObject request{{u"TableName"_s, table}, {u"Item"_s, item}};
    addCondition(request, condition);
    return call(u"PutItem"_s, request, table);
}

DynamoDbFuture<QJsonObject> DynamoDbClient::updateItem(const QString &table, const QJsonObject &key,
                                                       const QString &updateExpression,
                                                       const DynamoDbCondition &condition)
{
    QJsonObject request{{u"TableName"_s, table},
                        {u"Key"_s, key},
                        {u"UpdateExpression"_s, updateExpression},
                        {u"ReturnValues"_s, u"ALL_NEW"_s}};
    addCondition(request, condition);
    return call(u"UpdateItem"_s, request, table)
        .then([](DynamoDbResult<QJsonObject> result) -> DynamoDbResult<QJsonObject> {
            if (!result)
                return result;
            return result->value("Attributes"_L1).toObject();
        });
}

DynamoDbFuture<QJsonObject> DynamoDbClient::deleteItem(const QString &table, const QJsonObject &key,
                                                       const DynamoDbCondition &condition)
{
    QJsonObject request{{u"TableName"_s, table}, {u"Key"_s, key}};
    addCondition(request, condition);
    return call(u"DeleteItem"_s, request, table);
}

} // namespace shardscope
