#include "dynamoleasetable.h"

#include "aws/dynamodbclient.h"
#include "consumer/leaseserializer.h"

#include <QPointer>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

template<typename T>
BackendFuture<T> readyFuture(BackendResult<T> result)
{
    QPromise<BackendResult<T>> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}

// The attribute names the expressions use, as placeholders (leaseKey etc. are no reserved
// words, but KCL's own expressions name them this way too).
const QJsonObject kNames{{u"#k"_s, u"leaseKey"_s},
                         {u"#c"_s, u"leaseCounter"_s},
                         {u"#o"_s, u"leaseOwner"_s}};

QJsonObject namesWith(std::initializer_list<std::pair<QString, QString>> extra)
{
    QJsonObject names = kNames;
    for (const auto &[placeholder, name] : extra)
        names.insert(placeholder, name);
    return names;
}

} // namespace

DynamoLeaseTable::DynamoLeaseTable(DynamoDbClient *client, QString tableName, bool readOnly,
                                   QObject *parent)
    : LeaseTable(parent), m_client(client), m_tableName(std::move(tableName)), m_readOnly(readOnly)
{
}

QString DynamoLeaseTable::location() const
{
    return tr("DynamoDB, %1").arg(m_client->endpoint().toString());
}

template<typename T>
BackendFuture<T> DynamoLeaseTable::refused(const QString &operation) const
{
    return readyFuture<T>(std::unexpected(Error{
        ErrorType::AccessDenied,
        tr("The lease table %1 is open read-only: %2 was not sent.").arg(m_tableName, operation)}));
}

BackendFuture<bool> DynamoLeaseTable::tableExists()
{
    return m_client->describeTable(m_tableName)
        .then([](DynamoDbResult<std::optional<QJsonObject>> result) -> BackendResult<bool> {
            if (!result)
                return std::unexpected(result.error().toError());
            return result->has_value();
        });
}

BackendFuture<bool> DynamoLeaseTable::createTableIfNotExists()
{
    if (m_readOnly)
        return refused<bool>(u"CreateTable"_s);
    auto promise = std::make_shared<QPromise<BackendResult<bool>>>();
    promise->start();
    auto future = promise->future();
    m_client->describeTable(m_tableName)
        .then(this, [this, promise](DynamoDbResult<std::optional<QJsonObject>> described) {
            if (!described) {
                promise->addResult(std::unexpected(described.error().toError()));
                promise->finish();
                return;
            }
            if (described->has_value()) {
                promise->addResult(false);
                promise->finish();
                return;
            }
            m_client->createTable(m_tableName, u"leaseKey"_s)
                .then(this, [this, promise](DynamoDbResult<QJsonObject> created) {
                    if (!created) {
                        // Another worker created it meanwhile.
                        if (created.error().type == "ResourceInUseException"_L1) {
                            promise->addResult(false);
                            promise->finish();
                        } else {
                            promise->addResult(std::unexpected(created.error().toError()));
                            promise->finish();
                        }
                        return;
                    }
                    waitUntilActive(promise, 300);
                });
        });
    return future;
}

// A new table is CREATING for a while; KCL waits for ACTIVE before it writes leases.
void DynamoLeaseTable::waitUntilActive(const std::shared_ptr<QPromise<BackendResult<bool>>> &promise,
                                       int triesLeft)
{
    m_client->describeTable(m_tableName)
        .then(this, [this, promise, triesLeft](DynamoDbResult<std::optional<QJsonObject>> described) {
            if (!described) {
                promise->addResult(std::unexpected(described.error().toError()));
                promise->finish();
                return;
            }
            const QString status = described->value_or(QJsonObject())
                                       .value("TableStatus"_L1).toString();
            if (status == "ACTIVE"_L1 || triesLeft <= 0) {
                promise->addResult(true);
                promise->finish();
                return;
            }
            QTimer::singleShot(100, this, [this, promise, triesLeft] {
                waitUntilActive(promise, triesLeft - 1);
            });
        });
}

BackendFuture<QList<Lease>> DynamoLeaseTable::listLeases()
{
    const QPointer<DynamoLeaseTable> self(this);
    return m_client->scan(m_tableName)
        .then([self](DynamoDbResult<QList<QJsonObject>> items) -> BackendResult<QList<Lease>> {
            if (!items)
                return std::unexpected(items.error().toError());
            QList<Lease> leases;
            QList<QJsonObject> entities;
            leases.reserve(items->size());
            for (const QJsonObject &item : std::as_const(*items)) {
                if (!LeaseSerializer::isLeaseItem(item)) {
                    entities.append(item);
                    continue;
                }
                auto lease = LeaseSerializer::fromItem(item);
                if (!lease)
                    return std::unexpected(Error{ErrorType::Serialization, lease.error()});
                leases.append(std::move(*lease));
            }
            std::sort(leases.begin(), leases.end(), [](const Lease &a, const Lease &b) {
                return a.leaseKey < b.leaseKey;
            });
            // Continuations run on the client's thread, which is the table's.
            if (self)
                self->m_lastEntities = std::move(entities);
            return leases;
        });
}

BackendFuture<std::optional<Lease>> DynamoLeaseTable::getLease(const QString &leaseKey)
{
    return m_client->getItem(m_tableName, LeaseSerializer::keyOf(leaseKey))
        .then([](DynamoDbResult<std::optional<QJsonObject>> item) -> BackendResult<std::optional<Lease>> {
            if (!item)
                return std::unexpected(item.error().toError());
            if (!item->has_value() || !LeaseSerializer::isLeaseItem(**item))
                return std::optional<Lease>();
            auto lease = LeaseSerializer::fromItem(**item);
            if (!lease)
                return std::unexpected(Error{ErrorType::Serialization, lease.error()});
            return std::optional<Lease>(std::move(*lease));
        });
}

BackendFuture<bool> DynamoLeaseTable::createLeaseIfNotExists(const Lease &lease)
{
    if (m_readOnly)
        return refused<bool>(u"PutItem"_s);
    const DynamoDbCondition condition{u"attribute_not_exists(#k)"_s,
                                      QJsonObject{{u"#k"_s, u"leaseKey"_s}}, {}};
    return m_client->putItem(m_tableName, LeaseSerializer::toItem(lease), condition)
        .then([](DynamoDbResult<QJsonObject> result) -> BackendResult<bool> {
            if (!result) {
                if (result.error().isConditionalCheckFailed())
                    return false;
                return std::unexpected(result.error().toError());
            }
            return true;
        });
}

BackendFuture<std::optional<Lease>> DynamoLeaseTable::conditionalUpdate(
    const QString &leaseKey, const QString &updateExpression, const QString &condition,
    const QJsonObject &names, const QJsonObject &values)
{
    // Only the placeholders an expression uses may be sent (DynamoDB refuses unused ones).
    QJsonObject usedNames;
    for (auto it = names.begin(); it != names.end(); ++it) {
        if (updateExpression.contains(it.key()) || condition.contains(it.key()))
            usedNames.insert(it.key(), it.value());
    }
    return m_client
        ->updateItem(m_tableName, LeaseSerializer::keyOf(leaseKey), updateExpression,
                     DynamoDbCondition{condition, usedNames, values})
        .then([](DynamoDbResult<QJsonObject> result) -> BackendResult<std::optional<Lease>> {
            if (!result) {
                if (result.error().isConditionalCheckFailed())
                    return std::optional<Lease>();
                return std::unexpected(result.error().toError());
            }
            auto lease = LeaseSerializer::fromItem(*result);
            if (!lease)
                return std::unexpected(Error{ErrorType::Serialization, lease.error()});
            return std::optional<Lease>(std::move(*lease));
        });
}

BackendFuture<std::optional<Lease>> DynamoLeaseTable::renewLease(const Lease &held)
{
    if (m_readOnly)
        return refused<std::optional<Lease>>(u"UpdateItem"_s);
    return conditionalUpdate(held.leaseKey, u"ADD #c :one"_s,
                             u"attribute_exists(#k) AND #c = :c AND #o = :o"_s, kNames,
                             QJsonObject{{u":one"_s, LeaseSerializer::number(qint64(1))},
                                         {u":c"_s, LeaseSerializer::number(held.leaseCounter)},
                                         {u":o"_s, LeaseSerializer::string(held.leaseOwner)}});
}

BackendFuture<std::optional<Lease>> DynamoLeaseTable::takeLease(const Lease &seen,
                                                                const QString &newOwner)
{
    if (m_readOnly)
        return refused<std::optional<Lease>>(u"UpdateItem"_s);
    // As KCL: the new owner, the counter one past the one seen, no checkpoint owner any more,
    // and one more owner switch when the owner changes.
    QString update = u"SET #o = :owner, #c = :next REMOVE #co"_s;
    QJsonObject values{{u":owner"_s, LeaseSerializer::string(newOwner)},
                       {u":next"_s, LeaseSerializer::number(seen.leaseCounter + 1)},
                       {u":c"_s, LeaseSerializer::number(seen.leaseCounter)}};
    if (seen.leaseOwner != newOwner) {
        update += u" ADD #sw :one"_s;
        values.insert(u":one"_s, LeaseSerializer::number(qint64(1)));
    }
    return conditionalUpdate(
        seen.leaseKey, update, u"attribute_exists(#k) AND #c = :c"_s,
        namesWith({{u"#co"_s, u"checkpointOwner"_s}, {u"#sw"_s, u"ownerSwitchesSinceCheckpoint"_s}}),
        values);
}

BackendFuture<std::optional<Lease>> DynamoLeaseTable::evictLease(const Lease &held)
{
    if (m_readOnly)
        return refused<std::optional<Lease>>(u"UpdateItem"_s);
    return conditionalUpdate(held.leaseKey, u"REMOVE #o, #co ADD #c :one"_s,
                             u"attribute_exists(#k) AND #o = :o"_s,
                             namesWith({{u"#co"_s, u"checkpointOwner"_s}}),
                             QJsonObject{{u":one"_s, LeaseSerializer::number(qint64(1))},
                                         {u":o"_s, LeaseSerializer::string(held.leaseOwner)}});
}

BackendFuture<std::optional<Lease>> DynamoLeaseTable::updateLease(const Lease &updated)
{
    if (m_readOnly)
        return refused<std::optional<Lease>>(u"UpdateItem"_s);
    QStringList sets{u"#cp = :cp"_s, u"#cps = :cps"_s, u"#sw = :sw"_s};
    QStringList removes;
    QJsonObject values{
        {u":one"_s, LeaseSerializer::number(qint64(1))},
        {u":c"_s, LeaseSerializer::number(updated.leaseCounter)},
        {u":o"_s, LeaseSerializer::string(updated.leaseOwner)},
        {u":cp"_s, LeaseSerializer::string(updated.checkpoint)},
        {u":cps"_s, LeaseSerializer::number(updated.checkpointSubSequenceNumber)},
        {u":sw"_s, LeaseSerializer::number(updated.ownerSwitchesSinceCheckpoint)}};
    if (updated.pendingCheckpoint.isEmpty()) {
        removes << u"#pcp"_s << u"#pcps"_s;
    } else {
        sets << u"#pcp = :pcp"_s << u"#pcps = :pcps"_s;
        values.insert(u":pcp"_s, LeaseSerializer::string(updated.pendingCheckpoint));
        values.insert(u":pcps"_s, LeaseSerializer::number(
                                      updated.pendingCheckpointSubSequenceNumber.value_or(0)));
    }
    if (!updated.childShardIds.isEmpty()) {
        sets << u"#ch = :ch"_s;
        values.insert(u":ch"_s, LeaseSerializer::stringSet(updated.childShardIds));
    }
    if (updated.throughputKBps) {
        sets << u"#tp = :tp"_s;
        values.insert(u":tp"_s, LeaseSerializer::number(*updated.throughputKBps));
    }
    QString update = u"SET "_s + sets.join(u", "_s);
    if (!removes.isEmpty())
        update += u" REMOVE "_s + removes.join(u", "_s);
    update += u" ADD #c :one"_s;
    return conditionalUpdate(updated.leaseKey, update,
                             u"attribute_exists(#k) AND #c = :c AND #o = :o"_s,
                             namesWith({{u"#cp"_s, u"checkpoint"_s},
                                        {u"#cps"_s, u"checkpointSubSequenceNumber"_s},
                                        {u"#sw"_s, u"ownerSwitchesSinceCheckpoint"_s},
                                        {u"#pcp"_s, u"pendingCheckpoint"_s},
                                        {u"#pcps"_s, u"pendingCheckpointSubSequenceNumber"_s},
                                        {u"#ch"_s, u"childShardIds"_s},
                                        {u"#tp"_s, u"throughputKBps"_s}}),
                             values);
}

BackendFuture<bool> DynamoLeaseTable::deleteLease(const Lease &lease)
{
    if (m_readOnly)
        return refused<bool>(u"DeleteItem"_s);
    const DynamoDbCondition condition{
        u"#c = :c"_s, QJsonObject{{u"#c"_s, u"leaseCounter"_s}},
        QJsonObject{{u":c"_s, LeaseSerializer::number(lease.leaseCounter)}}};
    return m_client->deleteItem(m_tableName, LeaseSerializer::keyOf(lease.leaseKey), condition)
        .then([](DynamoDbResult<QJsonObject> result) -> BackendResult<bool> {
            if (!result) {
                if (result.error().isConditionalCheckFailed())
                    return false;
                return std::unexpected(result.error().toError());
            }
            return true;
        });
}

} // namespace shardscope
