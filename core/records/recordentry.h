#pragma once

#include "kinesis/shardid.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <optional>

namespace shardscope {

struct Record;

// One record as the Records tab sees it: where it came from (shard, sequence number, arrival
// time) and what was put (keys and payload). A plain value; QString/QByteArray members are
// implicitly shared, so copies between threads are cheap.
struct RecordEntry
{
    QString shardId;        // "shardId-000000000003"
    QString sequenceNumber; // decimal, as Kinesis returns it
    qint64 arrivalMs = 0;   // ApproximateArrivalTimestamp, milliseconds since the epoch (UTC)
    QString partitionKey;
    QString explicitHashKey; // decimal; empty when the record was put without one
    QByteArray data;

    friend bool operator==(const RecordEntry &, const RecordEntry &) = default;
};

// A record as GetRecords or SubscribeToShard delivered it from `shardId`: what the readers of
// the Records tab (polling, enhanced fan-out, ranges) all hand on.
RecordEntry recordEntry(const Record &record, const QString &shardId);

// The shard's index: "shardId-000000000003" -> 3 (also "shardId-3" and "3"); nullopt when the
// id is not a Kinesis shard id.
inline std::optional<quint32> shardNumber(QStringView shardId)
{
    return ShardId::parse(shardId);
}

inline std::optional<quint32> shardNumber(const RecordEntry &record)
{
    return ShardId::parse(record.shardId);
}

} // namespace shardscope
