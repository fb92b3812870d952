#pragma once

#include "consumer/lease.h"

#include <QString>
#include <QtGlobal>

namespace shardscope {

// Where a consumer group keeps its lease table.
enum class LeaseTableLocation { LocalStore, DynamoDb };

// What "Run a consumer group…" asks for: the consumer dashboard emits it, the controller starts
// the group.
struct ConsumerGroupRequest
{
    QString applicationName;   // the lease table's name
    int workers = 2;
    bool fanOut = false;       // read through a registered consumer instead of polling
    QString consumerArn;       // when fanOut
    QString initialPosition = CheckpointSentinel::TrimHorizon;
    qint64 failoverTimeMs = 10'000;
    LeaseTableLocation location = LeaseTableLocation::LocalStore;
    QString endpoint;          // DynamoDB endpoint URL, when location is DynamoDb
    QString region;            // its region
    bool leaderAssignment = false; // KCL 3.x: an elected leader assigns the leases
    qint64 initialTimestampMs = 0; // initialPosition AT_TIMESTAMP: from this time (ms since the epoch)
};

// What "Open a lease table…" asks for: a KCL application's table to watch, read-only.
struct LeaseTableRequest
{
    QString tableName;
    bool useConnection = false; // the stream connection's credentials and region (AWS)
    QString endpoint;           // otherwise this DynamoDB endpoint URL
    QString region;
    qint64 failoverTimeMs = 10'000;
};

} // namespace shardscope
