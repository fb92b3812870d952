#pragma once

#include "kinesis/limits.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <functional>
#include <optional>

namespace shardscope {

// Where the producer and the load generator read the time, in milliseconds (any epoch, but it
// must never go back). Tests pass a ManualClock's nowMs; by default a monotonic timer.
using ProducerClock = std::function<qint64()>;

struct ProducerOptions
{
    // A PutRecords request holds at most this many Kinesis records and bytes (data plus
    // partition keys); both are capped at the Kinesis limits.
    int maxBatchRecords = KinesisLimits::kPutRecordsMaxRecords;
    qint64 maxBatchBytes = KinesisLimits::kPutRecordsMaxBytes;
    // How long a user record may wait for others to fill a request (the KPL's
    // RecordMaxBufferedTime); a full request goes at once.
    int lingerMs = 100;
    // KPL aggregation: user records bound for one shard are packed into aggregated Kinesis
    // records of at most maxAggregateBytes (the KPL's AggregationMaxSize, 51,200 by default).
    bool aggregate = false;
    qint64 maxAggregateBytes = 51200;
    // A user record not put within this time of put() fails with "Expired" (the KPL's
    // RecordTtl). Retries go on until then.
    qint64 recordTtlMs = 30000;
    // put() refuses a record while this many are outstanding (queued or in flight).
    int maxOutstandingRecords = 100000;
    // Requests in flight at once.
    int maxConcurrentRequests = 8;
    // The client-side limit per shard, as a share of the Kinesis write limit (1,000 records/s
    // and 1 MiB/s). 98 leaves a margin for the delay between sending and arriving, which can
    // move a few records into the server's next second; 0 turns the limiter off.
    double rateLimitPercent = 98;
    // Burst allowance of each shard's token bucket, in milliseconds of its rate.
    int rateBurstMs = 200;
    // Retry backoff for throttled and failed records: base * 2^(attempt-1), capped, with full
    // jitter (a uniform random delay between 0 and that).
    int retryBaseDelayMs = 100;
    int retryMaxDelayMs = 5000;
    // The timer that drives the producer while it has work.
    int tickMs = 5;
};

// A user record: what put() takes.
struct ProducerRecord
{
    QString partitionKey;
    std::optional<QString> explicitHashKey; // decimal, 0 .. 2^128 - 1
    QByteArray data;
};

// What became of one user record: put (shard, sequence number and, when aggregated, its index
// in the aggregated record) or failed (a Kinesis error code and message, or the producer's own:
// "Expired" when its time to live ran out).
struct ProducerResult
{
    quint64 id = 0; // as returned by put()
    bool ok = false;
    QString shardId;
    QString sequenceNumber;
    int subSequenceNumber = -1; // position in the aggregated record; -1 when not aggregated
    QString errorCode;
    QString errorMessage;
    int attempts = 0; // PutRecords attempts made for it
    qint64 latencyMs = 0; // from put() to the result
};

// What one shard acknowledged in a second: Kinesis records (an aggregated record counts once,
// as the shard's write limit counts it) and their bytes (data plus partition key).
struct ProducerShardCounts
{
    qint64 records = 0;
    qint64 bytes = 0;
    bool operator==(const ProducerShardCounts &) const = default;
};

// Counters over one second of the producer's clock (or, in ProducerMetrics::total, since the
// start). "Sent" counts every attempt, "acknowledged" records put; bytes are data plus
// partition keys as Kinesis counts them. User records are what put() took; Kinesis records
// are what PutRecords carried (fewer when aggregating).
struct ProducerCounters
{
    qint64 second = 0; // the second's start on the producer's clock (ms); 0 in totals
    qint64 userRecordsSent = 0;
    qint64 userRecordsAcknowledged = 0;
    qint64 kinesisRecordsSent = 0;
    qint64 kinesisRecordsAcknowledged = 0;
    qint64 bytesSent = 0;
    qint64 bytesAcknowledged = 0;
    qint64 throttledRecords = 0; // Kinesis records refused with ProvisionedThroughputExceeded
    qint64 throttledBytes = 0;   // their bytes
    qint64 retriedRecords = 0;   // user records sent again
    qint64 retriedBytes = 0;     // their bytes
    qint64 failedRecords = 0;    // user records given up on (errors and expiry)
    qint64 requests = 0;         // PutRecords calls answered
    // PutRecords round trip of the calls answered in this second (ms); 0 when none.
    qint64 latencyP50Ms = 0;
    qint64 latencyP99Ms = 0;
    qint64 latencyMaxMs = 0;
    // Acknowledged per shard, by shard id (in a second only; empty in totals).
    QMap<QString, ProducerShardCounts> acknowledgedByShard;
};

// A snapshot of the producer: totals since the start, the last complete second, and put
// latency over a rolling window of the most recent requests.
struct ProducerMetrics
{
    ProducerCounters total;
    ProducerCounters lastSecond;
    qint64 latencyP50Ms = 0;
    qint64 latencyP99Ms = 0;
    qint64 latencyMaxMs = 0;
    qint64 outstandingRecords = 0; // queued or in flight
    int requestsInFlight = 0;
    int knownShards = 0;           // open shards in the producer's shard map
};

} // namespace shardscope

Q_DECLARE_METATYPE(shardscope::ProducerResult)
Q_DECLARE_METATYPE(shardscope::ProducerCounters)
