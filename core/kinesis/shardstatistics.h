#pragma once

#include <QString>

namespace shardscope {

// What one shard holds now: the records still inside the retention period and their payload
// bytes. Not part of the Kinesis API; the emulator can count it, AWS backends cannot.
struct ShardStatistics
{
    QString shardId;
    qint64 recordCount = 0;
    qint64 bytes = 0;
    bool operator==(const ShardStatistics &) const = default;
};

} // namespace shardscope
