#include "leasemonitor.h"

#include "aws/dynamodbclient.h"
#include "backend/futureutils.h"
#include "consumer/dynamoleasetable.h"
#include "consumer/sqlitecoordinatorstore.h"
#include "consumer/sqliteleasetable.h"
#include "kinesis/clock.h"
#include "kinesis/clockorsystem.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

// {"M": {"CPU": {"L": [{"N": "10"}, ...]}, ...}} as metric -> values.
QMap<QString, QList<double>> numberLists(const QJsonObject &attribute)
{
    QMap<QString, QList<double>> result;
    const QJsonObject map = attribute.value("M"_L1).toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        QList<double> values;
        for (const QJsonValue &entry : it.value().toObject().value("L"_L1).toArray())
            values.append(entry.toObject().value("N"_L1).toString().toDouble());
        result.insert(it.key(), values);
    }
    return result;
}

QString stringOf(const QJsonObject &item, QLatin1StringView name)
{
    return item.value(name).toObject().value("S"_L1).toString();
}

// In `<table>-WorkerMetricStats` the worker id is `wid`; in the lease table (KCL 3.x after its
// coordinator-state migration) it is the item's leaseKey.
WorkerMetricStatsEntry workerMetricStatsOf(const QJsonObject &item)
{
    WorkerMetricStatsEntry entry;
    entry.workerId = stringOf(item, "wid"_L1);
    if (entry.workerId.isEmpty())
        entry.workerId = stringOf(item, "leaseKey"_L1);
    entry.lastUpdateEpochSeconds =
        item.value("lut"_L1).toObject().value("N"_L1).toString().toLongLong();
    entry.metricStats = numberLists(item.value("sts"_L1).toObject());
    entry.operatingRange = numberLists(item.value("opr"_L1).toObject());
    return entry;
}

// A companion table that is missing, or that the caller may not read (a KCL 2.x application's
// IAM policy often names the lease table only), is simply not shown.
bool isAbsent(const DynamoDbError &error)
{
    return error.isResourceNotFound() || error.type == "AccessDeniedException"_L1;
}

} // namespace

LeaseMonitor::LeaseMonitor(LeaseTable *table, const Clock *clock, QObject *parent)
    : QObject(parent), m_table(table), m_clock(&clockOrSystem(clock)),
      m_timer(new QTimer(this))
{
    m_snapshot.tableName = table ? table->tableName() : QString();
    m_snapshot.failoverTimeMs = m_failoverTimeMs;
    m_timer->setInterval(m_pollIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &LeaseMonitor::refreshNow);
}

LeaseMonitor::~LeaseMonitor() = default;

void LeaseMonitor::setFailoverTimeMs(qint64 ms)
{
    m_failoverTimeMs = std::max<qint64>(ms, 1);
    m_snapshot.failoverTimeMs = m_failoverTimeMs;
}

void LeaseMonitor::setPollIntervalMs(int ms)
{
    m_pollIntervalMs = std::max(ms, 10);
    m_timer->setInterval(m_pollIntervalMs);
}

bool LeaseMonitor::isRunning() const
{
    return m_timer->isActive();
}

void LeaseMonitor::start()
{
    m_timer->start();
    refreshNow();
}

void LeaseMonitor::stop()
{
    m_timer->stop();
}

void LeaseMonitor::refreshNow()
{
    if (m_polling) {
        m_pollAgain = true;
        return;
    }
    poll();
}

void LeaseMonitor::poll()
{
    if (!m_table) {
        m_snapshot.error = Error{ErrorType::InternalFailure, tr("The lease table was closed.")};
        ++m_pollCount;
        emit snapshotChanged(m_snapshot);
        return;
    }
    m_polling = true;
    onResult(this, m_table->listLeases(), [this](const BackendResult<QList<Lease>> &leases) {
        auto *dynamo = qobject_cast<DynamoLeaseTable *>(m_table.data());
        auto *sqlite = qobject_cast<SqliteLeaseTable *>(m_table.data());
        if (sqlite && leases) {
            readSqliteCompanions(sqlite, [this, leases](Companions companions) { apply(leases, companions); });
            return;
        }
        if (!dynamo || !leases) {
            apply(leases, Companions{});
            return;
        }
        const QList<QJsonObject> entities = dynamo->lastEntities();
        readCompanions(dynamo, [this, leases, entities](Companions companions) {
            addLeaseTableEntities(entities, companions);
            apply(leases, companions);
        });
    });
}

void LeaseMonitor::readCompanions(DynamoLeaseTable *dynamo, std::function<void(Companions)> done)
{
    DynamoDbClient *client = dynamo->client();
    const QString coordinatorTable = dynamo->coordinatorStateTableName();
    auto companions = std::make_shared<Companions>();
    onResult(this, client->scan(dynamo->workerMetricStatsTableName()),
             [this, client, coordinatorTable, companions,
              done = std::move(done)](const DynamoDbResult<QList<QJsonObject>> &stats) mutable {
                 if (stats) {
                     companions->hasWorkerMetricStats = true;
                     for (const QJsonObject &item : *stats)
                         companions->workerMetricStats.append(workerMetricStatsOf(item));
                     std::sort(companions->workerMetricStats.begin(),
                               companions->workerMetricStats.end(),
                               [](const auto &a, const auto &b) { return a.workerId < b.workerId; });
                 } else if (!isAbsent(stats.error())) {
                     companions->error = stats.error().toError();
                 }
                 // The leader lock, as the DynamoDB lock client keeps it (hash key `key`).
                 const QJsonObject key{{u"key"_s, QJsonObject{{u"S"_s, u"Leader"_s}}}};
                 onResult(this, client->getItem(coordinatorTable, key),
                          [companions, done = std::move(done)](
                              const DynamoDbResult<std::optional<QJsonObject>> &leader) {
                              if (leader) {
                                  companions->hasCoordinatorState = true;
                                  if (leader->has_value()) {
                                      companions->leaderWorkerId = (*leader)->value("ownerName"_L1)
                                                                       .toObject()
                                                                       .value("S"_L1)
                                                                       .toString();
                                  }
                              } else if (!isAbsent(leader.error()) && !companions->error) {
                                  companions->error = leader.error().toError();
                              }
                              done(*companions);
                          });
             });
}

void LeaseMonitor::readSqliteCompanions(SqliteLeaseTable *sqlite, std::function<void(Companions)> done)
{
    if (!m_sqliteCompanions)
        m_sqliteCompanions = new SqliteCoordinatorStore(sqlite->path(), sqlite->tableName(), true, this);
    SqliteCoordinatorStore *store = m_sqliteCompanions;
    auto companions = std::make_shared<Companions>();
    onResult(this, store->tablesExist(), [this, store, companions, done = std::move(done)](const BackendResult<bool> &exist) mutable {
        if (!exist || !*exist) {
            // A group under KCL 2.x's protocol has none: nothing to show.
            done(*companions);
            return;
        }
        onResult(this, store->listWorkerMetricStats(),
                 [this, store, companions, done = std::move(done)](
                     const BackendResult<QList<WorkerMetricStatsEntry>> &stats) mutable {
                     if (stats) {
                         companions->hasWorkerMetricStats = true;
                         companions->workerMetricStats = *stats;
                     } else {
                         companions->error = stats.error();
                     }
                     onResult(this, store->readLeaderLock(),
                              [companions, done = std::move(done)](const BackendResult<std::optional<LeaderLock>> &lock) {
                                  if (lock) {
                                      companions->hasCoordinatorState = true;
                                      if (*lock)
                                          companions->leaderWorkerId = (*lock)->ownerName;
                                  } else if (!companions->error) {
                                      companions->error = lock.error();
                                  }
                                  done(*companions);
                              });
                 });
    });
}

// KCL 3.x after the coordinator-state migration keeps the leader lock (entityType LEADER, with
// the lock client's ownerName) and the workers' metric stats in the lease table itself; where
// both places have them, the lease table is the current one.
void LeaseMonitor::addLeaseTableEntities(const QList<QJsonObject> &entities, Companions &companions)
{
    for (const QJsonObject &item : entities) {
        const QString type = stringOf(item, "entityType"_L1);
        if (type == "LEADER"_L1) {
            companions.hasCoordinatorState = true;
            companions.leaderWorkerId = stringOf(item, "ownerName"_L1);
        } else if (type == "WORKER_METRIC_STATS"_L1) {
            companions.hasWorkerMetricStats = true;
            const WorkerMetricStatsEntry entry = workerMetricStatsOf(item);
            auto same = std::find_if(companions.workerMetricStats.begin(),
                                     companions.workerMetricStats.end(),
                                     [&entry](const auto &e) { return e.workerId == entry.workerId; });
            if (same != companions.workerMetricStats.end())
                *same = entry;
            else
                companions.workerMetricStats.append(entry);
        }
    }
    std::sort(companions.workerMetricStats.begin(), companions.workerMetricStats.end(),
              [](const auto &a, const auto &b) { return a.workerId < b.workerId; });
}

void LeaseMonitor::apply(const BackendResult<QList<Lease>> &leases, const Companions &companions)
{
    ++m_pollCount;
    const qint64 now = m_clock->nowMs();
    m_snapshot.failoverTimeMs = m_failoverTimeMs;
    if (!leases) {
        // What the table held is unknown now: keep what was seen, without new inferences.
        m_snapshot.error = leases.error();
        pollFinished();
        return;
    }
    QHash<QString, LeaseState> previous;
    for (const LeaseState &state : std::as_const(m_snapshot.leases))
        previous.insert(state.lease.leaseKey, state);

    QList<LeaseState> states;
    states.reserve(leases->size());
    for (const Lease &lease : *leases) {
        LeaseState state;
        const auto seen = previous.constFind(lease.leaseKey);
        if (seen == previous.constEnd()) {
            state.firstSeenMs = now;
            state.counterChangedMs = now;
            state.checkpointChangedMs = now;
        } else {
            state = *seen;
            if (seen->lease.leaseCounter != lease.leaseCounter)
                state.counterChangedMs = now;
            if (seen->lease.checkpoint != lease.checkpoint
                || seen->lease.checkpointSubSequenceNumber != lease.checkpointSubSequenceNumber)
                state.checkpointChangedMs = now;
        }
        state.lease = lease;
        state.expired = now - state.counterChangedMs > m_failoverTimeMs;
        states.append(std::move(state));
    }
    m_snapshot.tableName = m_table ? m_table->tableName() : m_snapshot.tableName;
    m_snapshot.takenAtMs = now;
    m_snapshot.leases = std::move(states);
    m_snapshot.hasWorkerMetricStats = companions.hasWorkerMetricStats;
    m_snapshot.hasCoordinatorState = companions.hasCoordinatorState;
    m_snapshot.leaderWorkerId = companions.leaderWorkerId;
    m_snapshot.workerMetricStats = companions.workerMetricStats;
    m_snapshot.error = companions.error;
    pollFinished();
}

void LeaseMonitor::pollFinished()
{
    m_polling = false;
    emit snapshotChanged(m_snapshot);
    if (m_pollAgain) {
        m_pollAgain = false;
        poll();
    }
}

} // namespace shardscope
