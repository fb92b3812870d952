#include "recordentry.h"

#include "kinesis/api.h"

namespace shardscope {

RecordEntry recordEntry(const Record &record, const QString &shardId)
{
    RecordEntry entry;
    entry.shardId = shardId;
    entry.sequenceNumber = record.sequenceNumber.toString();
    entry.arrivalMs = record.approximateArrivalTimestamp;
    entry.partitionKey = record.partitionKey;
    if (record.explicitHashKey)
        entry.explicitHashKey = record.explicitHashKey->toDecimal();
    entry.data = record.data;
    return entry;
}

} // namespace shardscope
