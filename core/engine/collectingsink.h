#pragma once

#include "kinesis/recordsink.h"

#include <QList>

namespace shardscope {

// Collects what a read hands out into Record values, for callers that want the records as
// objects (the engine's getRecords without a sink, SubscribeToShard's events), and counts their
// data bytes.
class CollectingSink final : public RecordSink
{
public:
    explicit CollectingSink(QList<Record> &records) : m_records(records) {}
    void record(const RecordView &view) override
    {
        Record record;
        record.sequenceNumber = view.sequenceNumber;
        record.approximateArrivalTimestamp = view.approximateArrivalTimestamp;
        record.data = view.data.toByteArray();
        record.partitionKey = QString::fromUtf8(view.partitionKey);
        record.encryptionType = view.encryptionType;
        record.explicitHashKey = view.explicitHashKey;
        m_bytes += view.data.size();
        m_records.append(std::move(record));
    }
    qint64 bytes() const { return m_bytes; }

private:
    QList<Record> &m_records;
    qint64 m_bytes = 0;
};

} // namespace shardscope
