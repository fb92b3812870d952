#pragma once

#include "kinesis/caller.h"

#include <QString>
#include <QtGlobal>

namespace shardscope {

// How recently a reader called: reading within the last 10 s, idle up to 60 s, gone after
// that (listed until 5 minutes have passed without a call).
enum class ReaderState { Reading, Idle, Gone };

// What one reader (a Caller) has done on one shard with GetShardIterator and GetRecords, for
// views of who polls a stream (the emulator attributes every call it serves, in process and
// through `--serve`; AWS tells nobody).
struct ShardReader
{
    Caller reader;
    QString streamName;
    QString shardId;
    // The sequence number of the last record returned; before any, the position of the
    // reader's iterator. Empty while neither is known.
    QString lastSequenceNumber;
    qint64 iteratorCalls = 0;   // GetShardIterator
    qint64 getRecordsCalls = 0; // GetRecords, throttled and failed ones included
    double callsPerSecond = 0;  // GetRecords calls over the last few seconds
    qint64 records = 0;
    double recordsPerSecond = 0;
    qint64 bytes = 0;
    qint64 throttledCalls = 0;    // ProvisionedThroughputExceededException
    qint64 expiredIterators = 0;  // ExpiredIteratorException
    qint64 firstCallMs = 0;
    qint64 lastCallMs = 0;
    qint64 millisBehindLatest = 0; // the last GetRecords answer's
    // Readable records (and their payload bytes) after the reader's position, up to the tip
    // of the shard, when the list was asked for.
    qint64 recordsBehind = 0;
    qint64 bytesBehind = 0;
    ReaderState state = ReaderState::Reading;
};

} // namespace shardscope
