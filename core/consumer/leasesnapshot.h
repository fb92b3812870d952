#pragma once

#include "consumer/lease.h"
#include "kinesis/error.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace shardscope {

// One lease as a watcher of the table sees it over time. KCL stores no expiry time: a lease is
// expired when its leaseCounter has not changed for longer than the failover time by the
// watcher's own clock (as every KCL worker decides it).
struct LeaseState
{
    Lease lease;
    qint64 firstSeenMs = 0;        // when the watcher first saw this lease
    qint64 counterChangedMs = 0;   // when the watcher last saw leaseCounter change (or first saw it)
    qint64 checkpointChangedMs = 0; // when the watcher last saw checkpoint change (or first saw it)
    bool expired = false;          // counter unchanged for longer than the failover time
};

// One worker's row of KCL 3.x's `<table>-WorkerMetricStats` table.
struct WorkerMetricStatsEntry
{
    QString workerId;                  // `wid`, the hash key
    qint64 lastUpdateEpochSeconds = 0; // `lut`
    QMap<QString, QList<double>> metricStats; // `sts`: the recent values per metric (e.g. CPU)
    QMap<QString, QList<double>> operatingRange; // `opr`: the limits per metric
};

// What one poll of a lease table found, with the watcher's inferences.
struct LeaseTableSnapshot
{
    QString tableName;
    qint64 takenAtMs = 0;
    qint64 failoverTimeMs = 10'000;
    QList<LeaseState> leases;      // leaseKey order
    // KCL 3.x: the companion tables when present (`<table>-WorkerMetricStats`,
    // `<table>-CoordinatorState`).
    bool hasWorkerMetricStats = false;
    bool hasCoordinatorState = false;
    QString leaderWorkerId;        // CoordinatorState's `Leader` lock owner, when known
    std::optional<Error> error;    // the last poll's failure (leases are then the previous poll's)
    QList<WorkerMetricStatsEntry> workerMetricStats; // workerId order; empty without the table
};

} // namespace shardscope
