#pragma once

// A backend that refuses PutRecords records as Kinesis does when a shard is over its limit, on
// a clock the test controls: each clock second, at most `recordsPerSecond` records pass (in all;
// 0: no budget), every record keyed in `doomedKeys` is throttled forever and every record keyed
// in `deniedKeys` fails with a non-retryable KMSAccessDeniedException. The rest go to the
// wrapped backend; per-record results are merged back in request order.

#include "forwardingbackend.h"

#include <QSet>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace shardscope::testing {

class ThrottlingBackend final : public ForwardingBackend
{
public:
    ThrottlingBackend(StreamBackend &inner, std::function<qint64()> clock)
        : ForwardingBackend(inner), m_clock(std::move(clock))
    {
        m_pool.setMaxThreadCount(4);
    }
    ~ThrottlingBackend() override { m_pool.waitForDone(); }

    int recordsPerSecond = 0;
    QSet<QString> doomedKeys;
    QSet<QString> deniedKeys;
    qint64 throttled = 0; // records refused for throttling so far
    qint64 requests = 0;
    QList<qsizetype> requestSizes;
    QList<qint64> requestBytes;

    BackendFuture<PutRecordsResponse> putRecords(const PutRecordsRequest &request) override
    {
        ++requests;
        requestSizes.append(request.records.size());
        qint64 bytes = 0;
        const qint64 second = m_clock() / 1000;
        if (second != m_second) {
            m_second = second;
            m_used = 0;
        }
        QList<PutRecordsResultEntry> results(request.records.size());
        for (qsizetype i = 0; i < request.records.size(); ++i) {
            const PutRecordsRequestEntry &entry = request.records.at(i);
            bytes += entry.data.size() + entry.partitionKey.toUtf8().size();
            if (deniedKeys.contains(entry.partitionKey)) {
                results[i].errorCode = QStringLiteral("KMSAccessDeniedException");
                results[i].errorMessage = QStringLiteral("No access to the key.");
            } else if (doomedKeys.contains(entry.partitionKey)
                       || (recordsPerSecond > 0 && m_used >= recordsPerSecond)) {
                ++throttled;
                results[i].errorCode = QStringLiteral("ProvisionedThroughputExceededException");
                results[i].errorMessage = QStringLiteral(
                    "Rate exceeded for shard in stream %1 under account 000000000000.")
                                              .arg(request.target.streamName);
            } else {
                ++m_used;
            }
        }
        requestBytes.append(bytes);
        return putRecordsExceptRefused(request, std::move(results), m_pool);
    }

private:
    std::function<qint64()> m_clock;
    QThreadPool m_pool;
    qint64 m_second = -1;
    qint64 m_used = 0;
};

} // namespace shardscope::testing
