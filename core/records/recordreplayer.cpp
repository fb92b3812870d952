#include "recordreplayer.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "records/recordbatch.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

qint64 entryBytes(const RecordEntry &record)
{
    return record.data.size() + record.partitionKey.toUtf8().size();
}

PutRecordsRequestEntry requestEntry(const RecordEntry &record)
{
    PutRecordsRequestEntry entry;
    entry.data = record.data;
    entry.partitionKey = record.partitionKey;
    if (!record.explicitHashKey.isEmpty())
        entry.explicitHashKey = record.explicitHashKey;
    return entry;
}

} // namespace

RecordReplayer::RecordReplayer(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &RecordReplayer::step);
}

RecordReplayer::~RecordReplayer() = default;

bool RecordReplayer::isRetryable(const QString &errorCode)
{
    return errorCode == "ProvisionedThroughputExceededException"_L1
        || errorCode == "KMSThrottlingException"_L1 || errorCode == "LimitExceededException"_L1
        || errorCode == "ThrottlingException"_L1 || errorCode == "InternalFailure"_L1
        || errorCode == "InternalFailureException"_L1 || errorCode == "ServiceUnavailable"_L1;
}

void RecordReplayer::start(const QList<RecordEntry> &records, StreamBackend *target,
                           const QString &streamName, const ReplayOptions &options)
{
    ++m_generation;
    m_timer->stop();
    m_target = target;
    m_streamName = streamName;
    m_options = options;
    m_records = records;
    m_retry.clear();
    m_next = 0;
    m_maxRecordBytes = KinesisLimits::kDefaultMaxRecordBytes;
    m_sent = m_succeeded = m_retried = 0;
    m_failures.clear();
    m_error.reset();
    m_tokens = 0;
    m_notBeforeMs = 0;
    m_inFlight = false;
    m_cancelled = false;
    m_running = true;
    m_clock.start();
    m_lastRefillMs = 0;

    if (!target) {
        m_error = Error{ErrorType::ResourceNotFound, tr("The connection is closed.")};
    } else if (target->isReadOnly()) {
        m_error = Error{ErrorType::AccessDenied,
                        tr("%1 is a read-only connection: records cannot be put into it.")
                            .arg(target->displayName())};
    }
    if (m_error) {
        m_running = false;
        QMetaObject::invokeMethod(
            this, [this, generation = m_generation] {
                if (generation == m_generation)
                    emit finished(false);
            },
            Qt::QueuedConnection);
        return;
    }
    // The bucket starts with a tenth of a second's worth, like a steady sender.
    if (m_options.recordsPerSecond > 0)
        m_tokens = std::clamp(m_options.recordsPerSecond / 10.0, 1.0, double(kMaxBatchRecords));
    checkTarget();
}

void RecordReplayer::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    m_timer->stop();
    if (!m_inFlight)
        finish();
}

void RecordReplayer::checkTarget()
{
    const quint64 generation = m_generation;
    onResult(this, m_target->describeStreamSummary(StreamTarget::byName(m_streamName)),
             [this, generation](BackendResult<StreamDescriptionSummary> result) {
                 if (generation != m_generation || !m_running)
                     return;
                 if (!result) {
                     m_error = result.error();
                     finish();
                     return;
                 }
                 m_maxRecordBytes = std::max(result->maxRecordSizeInKiB,
                                             KinesisLimits::kDefaultMaxRecordSizeKiB) *
                                    KinesisLimits::kKiB;
                 step();
             });
}

void RecordReplayer::refill()
{
    const qint64 now = m_clock.elapsed();
    if (m_options.recordsPerSecond > 0) {
        const double capacity =
            std::clamp(m_options.recordsPerSecond / 10.0, 1.0, double(kMaxBatchRecords));
        m_tokens = std::min(capacity,
                            m_tokens + double(now - m_lastRefillMs) * m_options.recordsPerSecond
                                           / 1000.0);
    }
    m_lastRefillMs = now;
}

qsizetype RecordReplayer::nextBatchSize() const
{
    const qsizetype remaining = m_retry.size() + (m_records.size() - m_next);
    return std::min<qsizetype>(remaining, kMaxBatchRecords);
}

void RecordReplayer::step()
{
    if (!m_running || m_inFlight)
        return;
    if (m_cancelled || nextBatchSize() == 0) {
        finish();
        return;
    }
    if (!m_target) {
        m_error = Error{ErrorType::ResourceNotFound, tr("The connection was closed.")};
        finish();
        return;
    }
    const qint64 now = m_clock.elapsed();
    if (now < m_notBeforeMs) {
        m_timer->start(int(m_notBeforeMs - now));
        return;
    }
    qsizetype count = nextBatchSize();
    if (m_options.recordsPerSecond > 0) {
        refill();
        const double capacity =
            std::clamp(m_options.recordsPerSecond / 10.0, 1.0, double(kMaxBatchRecords));
        const double wanted = std::min(capacity, double(count));
        if (m_tokens < wanted) {
            const double waitMs = (wanted - m_tokens) * 1000.0 / m_options.recordsPerSecond;
            m_timer->start(std::max(1, int(std::ceil(waitMs))));
            return;
        }
        count = std::min(count, qsizetype(m_tokens));
    }
    send(count);
}

void RecordReplayer::send(qsizetype count)
{
    QList<Pending> batch;
    PutRecordsRequest request;
    request.target = StreamTarget::byName(m_streamName);
    qint64 bytes = 0;
    QList<ReplayFailure> refused;
    const auto fits = [&](const RecordEntry &record) {
        return batch.isEmpty() || bytes + entryBytes(record) <= kMaxBatchBytes;
    };
    const auto add = [&](const Pending &pending, PutRecordsRequestEntry entry) {
        bytes += entryBytes(m_records.at(pending.index));
        request.records.append(std::move(entry));
        batch.append(pending);
    };

    qsizetype retryTaken = 0;
    while (batch.size() < count && retryTaken < m_retry.size() &&
           fits(m_records.at(m_retry.at(retryTaken).index))) {
        const Pending &pending = m_retry.at(retryTaken++);
        add(pending, requestEntry(m_records.at(pending.index)));
    }
    m_retry.remove(0, retryTaken);
    if (m_retry.isEmpty()) {
        while (batch.size() < count && m_next < m_records.size()) {
            const RecordEntry &record = m_records.at(m_next);
            PutRecordsRequestEntry entry = requestEntry(record);
            const QString problem = RecordBatch::recordProblem(entry, m_maxRecordBytes);
            if (!problem.isEmpty()) {
                refused.append({m_next, u"ValidationException"_s, problem});
                ++m_next;
                continue;
            }
            if (!fits(record))
                break;
            add({m_next, 0}, std::move(entry));
            ++m_sent;
            ++m_next;
        }
    }
    if (!refused.isEmpty())
        fail(refused);
    if (batch.isEmpty()) {
        emitProgress();
        m_timer->start(0);
        return;
    }

    m_tokens -= double(batch.size());
    m_inFlight = true;
    emitProgress();
    const quint64 generation = m_generation;
    onResult(this, m_target->putRecords(request),
             [this, generation, batch](BackendResult<PutRecordsResponse> result) {
                 if (generation != m_generation)
                     return;
                 m_inFlight = false;
                 if (!result)
                     handleRequestError(batch, result.error());
                 else
                     handleResponse(generation, batch, *result);
             });
}

void RecordReplayer::handleResponse(quint64 generation, const QList<Pending> &batch,
                                    const PutRecordsResponse &response)
{
    Q_UNUSED(generation);
    QList<Pending> again;
    QList<ReplayFailure> failures;
    QList<ReplayPut> puts;
    puts.reserve(batch.size());
    int maxAttempts = 0;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const Pending &pending = batch.at(i);
        if (i >= response.records.size()) {
            failures.append({pending.index, u"InternalFailure"_s,
                             tr("The response had no result for this record.")});
            continue;
        }
        const PutRecordsResultEntry &entry = response.records.at(i);
        if (entry.errorCode.isEmpty()) {
            ++m_succeeded;
            puts.append({pending.index, entry.shardId,
                         entry.sequenceNumber ? entry.sequenceNumber->toString() : QString()});
            continue;
        }
        if (isRetryable(entry.errorCode) && pending.attempts < m_options.maxRetries) {
            again.append({pending.index, pending.attempts + 1});
            maxAttempts = std::max(maxAttempts, pending.attempts + 1);
            ++m_retried;
            continue;
        }
        failures.append({pending.index, entry.errorCode, entry.errorMessage});
    }
    if (!puts.isEmpty())
        emit recordsPut(puts);
    if (!failures.isEmpty())
        fail(failures);
    if (!again.isEmpty())
        retryLater(again, maxAttempts);
    emitProgress();
    step();
}

void RecordReplayer::handleRequestError(const QList<Pending> &batch, const Error &error)
{
    const QString code = error.typeName();
    if (isRetryable(code)) {
        QList<Pending> again;
        QList<ReplayFailure> failures;
        int maxAttempts = 0;
        for (const Pending &pending : batch) {
            if (pending.attempts < m_options.maxRetries) {
                again.append({pending.index, pending.attempts + 1});
                maxAttempts = std::max(maxAttempts, pending.attempts + 1);
                ++m_retried;
            } else {
                failures.append({pending.index, code, error.message});
            }
        }
        if (!failures.isEmpty())
            fail(failures);
        if (!again.isEmpty())
            retryLater(again, maxAttempts);
        emitProgress();
        step();
        return;
    }
    QList<ReplayFailure> failures;
    failures.reserve(batch.size());
    for (const Pending &pending : batch)
        failures.append({pending.index, code, error.message});
    fail(failures);
    if (error.type == ErrorType::Validation) {
        // This batch only: the next may be fine.
        emitProgress();
        step();
        return;
    }
    m_error = error;
    finish();
}

void RecordReplayer::retryLater(const QList<Pending> &again, int attempts)
{
    m_retry.append(again);
    std::sort(m_retry.begin(), m_retry.end(),
              [](const Pending &a, const Pending &b) { return a.index < b.index; });
    const double delay = std::min(double(m_options.retryMaxDelayMs),
                                  m_options.retryBaseDelayMs * std::pow(2.0, attempts - 1));
    m_notBeforeMs = std::max(m_notBeforeMs, m_clock.elapsed() + qint64(delay));
}

void RecordReplayer::fail(const QList<ReplayFailure> &failures)
{
    m_failures.append(failures);
    emit recordsFailed(failures);
}

void RecordReplayer::emitProgress()
{
    emit progress(m_sent, m_succeeded, qint64(m_failures.size()), m_retried);
}

void RecordReplayer::finish()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer->stop();
    emitProgress();
    emit finished(m_cancelled);
}

} // namespace shardscope
