#pragma once

#include "getrecordsencoder.h"

namespace shardscope {

// GetRecords in JSON 1.1: `{"Records":[{...},...],...}` with Data in base64 and the arrival
// time in epoch seconds (an integer, or a fraction with up to three digits), as the codec
// writes them.
class JsonGetRecordsEncoder final : public GetRecordsEncoder
{
public:
    JsonGetRecordsEncoder();

    void record(const RecordView &record) override;
    QByteArray finish(const GetRecordsResponse &page) override;

private:
    bool m_first = true;
};

} // namespace shardscope
