#include "dynamocoordinatorstore.h"

#include "aws/dynamodbclient.h"

#include <QJsonArray>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

const QJsonObject kLeaderKey{{u"key"_s, QJsonObject{{u"S"_s, u"Leader"_s}}}};

QJsonObject stringValue(const QString &value)
{
    return QJsonObject{{u"S"_s, value}};
}

QString stringOf(const QJsonObject &item, QLatin1StringView name)
{
    return item.value(name).toObject().value("S"_L1).toString();
}

QJsonObject numberLists(const QMap<QString, QList<double>> &lists)
{
    QJsonObject map;
    for (auto it = lists.begin(); it != lists.end(); ++it) {
        QJsonArray values;
        for (double value : it.value())
            values.append(QJsonObject{{u"N"_s, QString::number(value, 'g', 17)}});
        map.insert(it.key(), QJsonObject{{u"L"_s, values}});
    }
    return QJsonObject{{u"M"_s, map}};
}

QMap<QString, QList<double>> numberListsFrom(const QJsonObject &attribute)
{
    QMap<QString, QList<double>> lists;
    const QJsonObject map = attribute.value("M"_L1).toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        QList<double> values;
        for (const QJsonValue &value : it.value().toObject().value("L"_L1).toArray())
            values.append(value.toObject().value("N"_L1).toString().toDouble());
        lists.insert(it.key(), values);
    }
    return lists;
}

// A lock write's condition: on the version last seen, or on there being no lock.
DynamoDbCondition versionCondition(const QString &expectedVersion)
{
    if (expectedVersion.isEmpty())
        return DynamoDbCondition{u"attribute_not_exists(#k)"_s, QJsonObject{{u"#k"_s, u"key"_s}}, {}};
    return DynamoDbCondition{u"#v = :v"_s, QJsonObject{{u"#v"_s, u"recordVersionNumber"_s}},
                             QJsonObject{{u":v"_s, stringValue(expectedVersion)}}};
}

BackendResult<bool> conditionalAnswer(const DynamoDbResult<QJsonObject> &result)
{
    if (!result) {
        if (result.error().isConditionalCheckFailed())
            return false;
        return std::unexpected(result.error().toError());
    }
    return true;
}

} // namespace

DynamoCoordinatorStore::DynamoCoordinatorStore(DynamoDbClient *client, const QString &applicationName,
                                               bool readOnly, QObject *parent)
    : CoordinatorStore(parent), m_client(client), m_applicationName(applicationName), m_readOnly(readOnly)
{
}

DynamoCoordinatorStore::~DynamoCoordinatorStore() = default;

QString DynamoCoordinatorStore::coordinatorStateTableName() const
{
    return m_applicationName + u"-CoordinatorState"_s;
}

QString DynamoCoordinatorStore::workerMetricStatsTableName() const
{
    return m_applicationName + u"-WorkerMetricStats"_s;
}

QString DynamoCoordinatorStore::location() const
{
    return tr("DynamoDB, %1").arg(m_client->endpoint().toString());
}

template<typename T>
BackendFuture<T> DynamoCoordinatorStore::refused(const QString &operation) const
{
    return readyFuture<T>(std::unexpected(Error{
        ErrorType::AccessDenied,
        tr("The coordinator state of %1 is open read-only: %2 was not sent.").arg(m_applicationName, operation)}));
}

BackendFuture<bool> DynamoCoordinatorStore::createTablesIfNotExist()
{
    if (m_readOnly)
        return refused<bool>(u"CreateTable"_s);
    auto promise = std::make_shared<QPromise<BackendResult<bool>>>();
    promise->start();
    createTable(coordinatorStateTableName(), u"key"_s, [this, promise](BackendResult<bool> first) {
        if (!first) {
            promise->addResult(first);
            promise->finish();
            return;
        }
        createTable(workerMetricStatsTableName(), u"wid"_s, [promise, first](BackendResult<bool> second) {
            promise->addResult(second ? BackendResult<bool>(*first || *second) : second);
            promise->finish();
        });
    });
    return promise->future();
}

void DynamoCoordinatorStore::createTable(const QString &table, const QString &hashKey,
                                         std::function<void(BackendResult<bool>)> done)
{
    m_client->describeTable(table).then(
        this, [this, table, hashKey, done](DynamoDbResult<std::optional<QJsonObject>> described) {
            if (!described) {
                done(std::unexpected(described.error().toError()));
                return;
            }
            if (described->has_value()) {
                done(false);
                return;
            }
            m_client->createTable(table, hashKey).then(this, [this, table, done](DynamoDbResult<QJsonObject> created) {
                if (!created) {
                    // Another worker created it meanwhile.
                    if (created.error().type == "ResourceInUseException"_L1)
                        done(false);
                    else
                        done(std::unexpected(created.error().toError()));
                    return;
                }
                waitUntilActive(table, 300, [done](BackendResult<bool> active) {
                    done(active ? BackendResult<bool>(true) : active);
                });
            });
        });
}

// A new table is CREATING for a while; writes wait for ACTIVE.
void DynamoCoordinatorStore::waitUntilActive(const QString &table, int triesLeft,
                                             std::function<void(BackendResult<bool>)> done)
{
    m_client->describeTable(table).then(
        this, [this, table, triesLeft, done](DynamoDbResult<std::optional<QJsonObject>> described) {
            if (!described) {
                done(std::unexpected(described.error().toError()));
                return;
            }
            const QString status = described->value_or(QJsonObject()).value("TableStatus"_L1).toString();
            if (status == "ACTIVE"_L1 || triesLeft <= 0) {
                done(true);
                return;
            }
            QTimer::singleShot(100, this, [this, table, triesLeft, done] { waitUntilActive(table, triesLeft - 1, done); });
        });
}

BackendFuture<std::optional<LeaderLock>> DynamoCoordinatorStore::readLeaderLock()
{
    return m_client->getItem(coordinatorStateTableName(), kLeaderKey)
        .then([](DynamoDbResult<std::optional<QJsonObject>> item) -> BackendResult<std::optional<LeaderLock>> {
            if (!item) {
                if (item.error().isResourceNotFound())
                    return std::optional<LeaderLock>();
                return std::unexpected(item.error().toError());
            }
            if (!item->has_value())
                return std::optional<LeaderLock>();
            const QJsonObject &lock = **item;
            return std::optional<LeaderLock>(LeaderLock{stringOf(lock, "ownerName"_L1),
                                                        stringOf(lock, "leaseDuration"_L1).toLongLong(),
                                                        stringOf(lock, "recordVersionNumber"_L1)});
        });
}

BackendFuture<bool> DynamoCoordinatorStore::writeLeaderLock(const QString &expectedVersion, const LeaderLock &next)
{
    if (m_readOnly)
        return refused<bool>(u"PutItem"_s);
    QJsonObject item = kLeaderKey;
    item.insert(u"ownerName"_s, stringValue(next.ownerName));
    item.insert(u"leaseDuration"_s, stringValue(QString::number(next.leaseDurationMs)));
    item.insert(u"recordVersionNumber"_s, stringValue(next.recordVersionNumber));
    return m_client->putItem(coordinatorStateTableName(), item, versionCondition(expectedVersion))
        .then([](DynamoDbResult<QJsonObject> result) { return conditionalAnswer(result); });
}

BackendFuture<bool> DynamoCoordinatorStore::deleteLeaderLock(const QString &expectedVersion)
{
    if (m_readOnly)
        return refused<bool>(u"DeleteItem"_s);
    return m_client->deleteItem(coordinatorStateTableName(), kLeaderKey, versionCondition(expectedVersion))
        .then([](DynamoDbResult<QJsonObject> result) { return conditionalAnswer(result); });
}

BackendFuture<bool> DynamoCoordinatorStore::putWorkerMetricStats(const WorkerMetricStatsEntry &entry)
{
    if (m_readOnly)
        return refused<bool>(u"PutItem"_s);
    const QJsonObject item{{u"wid"_s, stringValue(entry.workerId)},
                           {u"lut"_s, QJsonObject{{u"N"_s, QString::number(entry.lastUpdateEpochSeconds)}}},
                           {u"sts"_s, numberLists(entry.metricStats)},
                           {u"opr"_s, numberLists(entry.operatingRange)}};
    return m_client->putItem(workerMetricStatsTableName(), item)
        .then([](DynamoDbResult<QJsonObject> result) -> BackendResult<bool> {
            if (!result)
                return std::unexpected(result.error().toError());
            return true;
        });
}

BackendFuture<QList<WorkerMetricStatsEntry>> DynamoCoordinatorStore::listWorkerMetricStats()
{
    return m_client->scan(workerMetricStatsTableName())
        .then([](DynamoDbResult<QList<QJsonObject>> items) -> BackendResult<QList<WorkerMetricStatsEntry>> {
            QList<WorkerMetricStatsEntry> entries;
            if (!items) {
                if (items.error().isResourceNotFound())
                    return entries;
                return std::unexpected(items.error().toError());
            }
            for (const QJsonObject &item : *items) {
                WorkerMetricStatsEntry entry;
                entry.workerId = stringOf(item, "wid"_L1);
                entry.lastUpdateEpochSeconds = item.value("lut"_L1).toObject().value("N"_L1).toString().toLongLong();
                entry.metricStats = numberListsFrom(item.value("sts"_L1).toObject());
                entry.operatingRange = numberListsFrom(item.value("opr"_L1).toObject());
                entries.append(entry);
            }
            std::sort(entries.begin(), entries.end(),
                      [](const auto &a, const auto &b) { return a.workerId < b.workerId; });
            return entries;
        });
}

} // namespace shardscope
