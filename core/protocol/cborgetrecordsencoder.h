#pragma once

#include "getrecordsencoder.h"

namespace shardscope {

// GetRecords in CBOR 1.1: a map whose Records array holds one map per record, Data as a byte
// string and the arrival time as tag 1 around epoch milliseconds, with the definite lengths and
// shortest heads the codec (QCborStreamWriter) writes. The records array's length is known only
// at the end, so the body starts with room for the longest map, key and array heads; finish()
// writes the real ones against the first record and drops the unused room in front.
class CborGetRecordsEncoder final : public GetRecordsEncoder
{
public:
    CborGetRecordsEncoder();

    void record(const RecordView &record) override;
    QByteArray finish(const GetRecordsResponse &page) override;

private:
    quint64 m_count = 0;
};

} // namespace shardscope
