#pragma once

#include "kinesis/error.h"
#include "kinesis/limits.h"
#include "records/recordentry.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QTimer;

namespace shardscope {

class StreamBackend;
struct PutRecordsResponse;

struct ReplayOptions
{
    // Records per second, as a token bucket holding a tenth of a second's worth; 0 = as fast
    // as the target accepts.
    double recordsPerSecond = 0;
    // Attempts after the first for a record refused by throttling (or an internal failure).
    int maxRetries = 5;
    int retryBaseDelayMs = 100; // doubles per attempt
    int retryMaxDelayMs = 5000;
};

// A record the target did not take: its index in the list given to start(), the Kinesis
// error code and message.
struct ReplayFailure
{
    qsizetype index = 0;
    QString errorCode;
    QString message;
};

// A record the target took: its index in the list given to start(), and where it landed.
struct ReplayPut
{
    qsizetype index = 0;
    QString shardId;
    QString sequenceNumber;
};

// Puts a list of records into a stream, any connection: each keeps its partition key and
// explicit hash key (so it lands on the same shard of a stream with the same layout), in
// PutRecords batches of at most 500 records and 5 MiB, at a chosen rate. The one sender of
// record lists in the app: Replay, Import and the Put dialog's batches and repeats use it.
//
// Order per partition key: batches go one at a time, records in list order. Records a batch
// refuses for throttling wait (exponential backoff) and go first in the next batch, so a
// record is never overtaken by a later one of its key in a later batch. Kinesis throttles per
// shard, and a shard refused in a request refuses that request's later records too, so within
// a batch order holds as well; a single record failing alone (an internal failure) can land
// after a later one of its key, as with the KPL.
//
// Records are checked as PutRecords checks them (RecordBatch::recordProblem, against the
// stream's maximum record size) before they are sent, so one bad record does not refuse a
// whole batch. Each record put is reported with its shard and sequence number (recordsPut, per
// response). A record that still fails after maxRetries, or fails for any other reason, is
// listed in failures(). A request-level error that is not throttling (the stream is gone, access
// denied) stops the run with error(). cancel() stops sending; the records already put stay, and the
// batch in flight is still counted.
//
// Threads: GUI thread; every backend call is asynchronous. Does not own the backend.
class RecordReplayer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordReplayer)

public:
    static constexpr int kMaxBatchRecords = KinesisLimits::kPutRecordsMaxRecords;
    static constexpr qint64 kMaxBatchBytes = KinesisLimits::kPutRecordsMaxBytes;

    explicit RecordReplayer(QObject *parent = nullptr);
    ~RecordReplayer() override;

    // Refuses (finished() with error(), at once) a read-only target.
    void start(const QList<RecordEntry> &records, StreamBackend *target, const QString &streamName,
               const ReplayOptions &options = {});
    void cancel();

    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }
    qint64 total() const { return m_records.size(); }
    qint64 sent() const { return m_sent; }           // records put at least once
    qint64 succeeded() const { return m_succeeded; }
    qint64 failed() const { return m_failures.size(); }
    qint64 done() const { return m_succeeded + m_failures.size(); } // settled, either way
    qint64 retried() const { return m_retried; }     // retry attempts, over all records
    const QList<ReplayFailure> &failures() const { return m_failures; }
    // Why the run stopped early; empty when it ran to the end (or was cancelled).
    const std::optional<Error> &error() const { return m_error; }

    static bool isRetryable(const QString &errorCode);

signals:
    void progress(qint64 sent, qint64 succeeded, qint64 failed, qint64 retried);
    void recordsFailed(const QList<shardscope::ReplayFailure> &failures);
    void recordsPut(const QList<shardscope::ReplayPut> &puts);
    void finished(bool cancelled);

private:
    struct Pending
    {
        qsizetype index;
        int attempts; // made so far
    };

    void checkTarget();
    void step();
    void send(qsizetype count);
    void handleResponse(quint64 generation, const QList<Pending> &batch,
                        const PutRecordsResponse &response);
    void handleRequestError(const QList<Pending> &batch, const Error &error);
    void retryLater(const QList<Pending> &again, int attempts);
    void fail(const QList<ReplayFailure> &failures);
    void finish();
    void refill();
    qsizetype nextBatchSize() const;
    qint64 recordLimitBytes() const { return m_maxRecordBytes; }
    void emitProgress();

    QPointer<StreamBackend> m_target;
    QString m_streamName;
    ReplayOptions m_options;
    QList<RecordEntry> m_records;
    QList<Pending> m_retry; // refused records waiting, in list order
    qsizetype m_next = 0;   // first record never sent
    qint64 m_maxRecordBytes = KinesisLimits::kDefaultMaxRecordBytes;

    qint64 m_sent = 0;
    qint64 m_succeeded = 0;
    qint64 m_retried = 0;
    QList<ReplayFailure> m_failures;
    std::optional<Error> m_error;

    QTimer *m_timer;
    QElapsedTimer m_clock;
    double m_tokens = 0;
    qint64 m_lastRefillMs = 0;
    qint64 m_notBeforeMs = 0; // backoff: no request before this (m_clock time)
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_inFlight = false;
    bool m_cancelled = false;
};

} // namespace shardscope
