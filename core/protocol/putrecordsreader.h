#pragma once

#include "kinesis/api.h"
#include "wirecodec.h"

#include <QByteArrayView>

#include <optional>

namespace shardscope {

// Reads a PutRecords request body straight into the struct, without the QJsonDocument or
// QCborValue tree and the QCborMap that WireCodec goes through: PutRecords is the request
// producers send most, 500 records at a time.
//
// Only bodies of the usual shape are read here: an object with StreamName, StreamARN, StreamId
// and Records, each record with Data, PartitionKey and ExplicitHashKey, all strings (Data a
// base64 string in JSON, a byte string in CBOR) in ASCII without escapes, each member once,
// nothing else. For any other body read() gives nullopt and the caller decodes with WireCodec,
// which reports what is wrong as Kinesis does. For a body read() accepts, the request is the one
// WireCodec decodes, member for member (absent strings null, present empty ones empty);
// tests/tst_putrecordswire and the fuzz target check that.
//
// Stateless; safe on any thread.
class PutRecordsReader final
{
public:
    static std::optional<PutRecordsRequest> read(WireFormat format, QByteArrayView body);
};

} // namespace shardscope
