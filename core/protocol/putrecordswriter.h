#pragma once

#include "kinesis/api.h"
#include "wirecodec.h"

#include <QByteArray>

namespace shardscope {

// Writes a PutRecords response body straight from the struct, without the QCborMap per result
// entry that WireCodec builds: byte for byte what WireCodec::encode() writes (the members in the
// AWS shape's order, absent ones left out, the same escapes and heads), checked by
// tests/tst_putrecordswire. Stateless; safe on any thread.
class PutRecordsWriter final
{
public:
    static QByteArray write(WireFormat format, const PutRecordsResponse &response);
};

} // namespace shardscope
