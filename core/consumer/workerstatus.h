#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace shardscope {

// One worker of the app's own consumer group, for the consumer dashboard.
struct WorkerStatus
{
    enum class State { Running, Paused, Killed };

    QString workerId;
    State state = State::Running;
    QStringList leaseKeys;          // the leases it believes it holds, sorted
    double recordsPerSecond = 0;    // processed, over the last few seconds
    qint64 recordsProcessed = 0;
    qint64 checkpoints = 0;         // successful checkpoint writes
    qint64 throttles = 0;           // ProvisionedThroughputExceeded / LimitExceeded answers
    qint64 lastRenewalMs = 0;       // the last successful renewal round (0: never)
    int processingDelayMs = 0;      // the "slow processing" fault; 0 when off
    QString poisonFilter;           // the "poison record" fault's filter; empty when off
    QString lastError;              // the last failure, in words; empty when none
    bool leader = false;            // KCL 3.x leader assignment: holds the leader lock
};

} // namespace shardscope
