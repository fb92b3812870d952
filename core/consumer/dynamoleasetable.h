#pragma once

#include "consumer/leasetable.h"

#include <QJsonObject>
#include <QList>
#include <QPromise>
#include <QString>

#include <memory>

namespace shardscope {

class DynamoDbClient;

// The lease table of a KCL application in DynamoDB (AWS, DynamoDB Local, LocalStack, dynalite),
// read and written as KCL does: items in KCL's layout (LeaseSerializer), a consistent Scan for
// the list, and every write an UpdateItem/PutItem/DeleteItem with KCL's ConditionExpression:
// create attribute_not_exists(leaseKey); renew and update leaseCounter = :c AND leaseOwner = :o;
// take and delete leaseCounter = :c; evict leaseOwner = :o. A ConditionalCheckFailedException
// is the empty result LeaseTable describes, not an error.
//
// Read-only (as the inspector opens every table) refuses each write with AccessDenied before
// anything is sent.
class DynamoLeaseTable final : public LeaseTable
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DynamoLeaseTable)

public:
    // `client` is not owned; keep it alive as long as the table (e.g. as the table's parent).
    DynamoLeaseTable(DynamoDbClient *client, QString tableName, bool readOnly,
                     QObject *parent = nullptr);

    DynamoDbClient *client() const { return m_client; }
    // KCL 3.x's companion tables.
    QString workerMetricStatsTableName() const { return m_tableName + u"-WorkerMetricStats"; }
    QString coordinatorStateTableName() const { return m_tableName + u"-CoordinatorState"; }
    // The items of the table that are no leases, as the last listLeases() found them: KCL 3.x
    // moves its coordinator state into the lease table (entityType LEADER for the leader lock,
    // WORKER_METRIC_STATS, STREAM, ...).
    QList<QJsonObject> lastEntities() const { return m_lastEntities; }

    QString tableName() const override { return m_tableName; }
    QString location() const override;
    bool isReadOnly() const override { return m_readOnly; }

    BackendFuture<bool> createTableIfNotExists() override;
    BackendFuture<bool> tableExists() override;
    BackendFuture<QList<Lease>> listLeases() override;
    BackendFuture<std::optional<Lease>> getLease(const QString &leaseKey) override;

    BackendFuture<bool> createLeaseIfNotExists(const Lease &lease) override;
    BackendFuture<std::optional<Lease>> renewLease(const Lease &held) override;
    BackendFuture<std::optional<Lease>> takeLease(const Lease &seen, const QString &newOwner) override;
    BackendFuture<std::optional<Lease>> evictLease(const Lease &held) override;
    BackendFuture<std::optional<Lease>> updateLease(const Lease &updated) override;
    BackendFuture<bool> deleteLease(const Lease &lease) override;

private:
    template<typename T>
    BackendFuture<T> refused(const QString &operation) const;
    // The UpdateItem's result as the lease it left, empty when the condition failed.
    BackendFuture<std::optional<Lease>> conditionalUpdate(const QString &leaseKey,
                                                          const QString &updateExpression,
                                                          const QString &condition,
                                                          const QJsonObject &names,
                                                          const QJsonObject &values);
    void waitUntilActive(const std::shared_ptr<QPromise<BackendResult<bool>>> &promise, int triesLeft);

    DynamoDbClient *m_client;
    QString m_tableName;
    bool m_readOnly;
    QList<QJsonObject> m_lastEntities;
};

} // namespace shardscope
