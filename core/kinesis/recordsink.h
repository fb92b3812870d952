#pragma once

#include "kinesis/api.h"

#include <QByteArrayView>

#include <optional>

namespace shardscope {

// One stored record as a read hands it out: views into the reader's current row (or into the
// decrypted plaintext), valid only during the RecordSink::record() call that receives it.
struct RecordView
{
    SequenceNumber sequenceNumber;
    qint64 approximateArrivalTimestamp = 0;
    QByteArrayView partitionKey; // UTF-8, as stored
    QByteArrayView data;
    std::optional<HashKey> explicitHashKey;
    EncryptionType encryptionType = EncryptionType::None;
};

// Receives the records of one GetRecords page in order, without an intermediate Record per row,
// so a wire encoder can write each one straight into its response body. Called on the thread
// that called the read. When the read fails part-way, the records already received belong to
// no response: the receiver discards what it wrote.
class RecordSink
{
public:
    virtual ~RecordSink() = default;
    virtual void record(const RecordView &record) = 0;
};

} // namespace shardscope
