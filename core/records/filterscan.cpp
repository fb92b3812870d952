#include "filterscan.h"

#include <QElapsedTimer>

#include <atomic>
#include <utility>

namespace shardscope {

namespace {
constexpr qsizetype kCancelCheckInterval = 1024; // records between looks at the cancel flag
}

struct FilterScan::Run : std::enable_shared_from_this<Run>
{
    explicit Run(FilterScan *scan) : owner(scan) { sinceReport.start(); }

    FilterScan *const owner; // outlives the run: ~FilterScan waits for the worker
    std::atomic<bool> cancelRequested{false};

    // Worker thread only.
    QList<FilterMatch> pending;
    qint64 scanned = 0;
    qint64 matched = 0;
    bool stopped = false; // left early because of cancel()
    QElapsedTimer sinceReport;

    bool stopIfCancelled()
    {
        if (cancelRequested.load(std::memory_order_relaxed))
            stopped = true;
        return stopped;
    }

    // Evaluates records[begin, end); false when cancelled part-way (what was scanned counts).
    bool scan(const FilterExpression &filter, const QList<RecordEntry> &records, qsizetype begin,
              qsizetype end)
    {
        for (qsizetype i = begin; i < end; ++i) {
            if ((i - begin) % kCancelCheckInterval == 0 && stopIfCancelled())
                return false;
            const RecordEntry &record = records.at(i);
            if (filter.matches(record)) {
                pending.append({scanned, record});
                ++matched;
            }
            ++scanned;
        }
        if (sinceReport.elapsed() >= kReportIntervalMs) {
            post(false);
            sinceReport.restart();
        }
        return true;
    }

    void post(bool done)
    {
        QMetaObject::invokeMethod(
            owner,
            [target = owner, run = shared_from_this(), batch = std::exchange(pending, {}),
             count = scanned, hits = matched, done, wasStopped = stopped]() mutable {
                target->deliver(run, std::move(batch), count, hits, done, wasStopped);
            },
            Qt::QueuedConnection);
    }
};

FilterScan::FilterScan(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(2); // a run being abandoned and its successor
}

FilterScan::~FilterScan()
{
    if (m_run)
        m_run->cancelRequested = true;
    m_pool.waitForDone();
}

void FilterScan::start(const FilterExpression &filter, ChunkSource source)
{
    launch(-1, [filter, source = std::move(source)](Run &run) {
        for (int chunk = 0; !run.stopIfCancelled(); ++chunk) {
            const std::optional<QList<RecordEntry>> records = source(chunk);
            if (!records || !run.scan(filter, *records, 0, records->size()))
                return;
        }
    });
}

void FilterScan::start(const FilterExpression &filter, const QList<RecordEntry> &records,
                       int chunkSize)
{
    const qsizetype step = std::max(1, chunkSize);
    launch(records.size(), [filter, records, step](Run &run) {
        for (qsizetype begin = 0; begin < records.size(); begin += step) {
            if (!run.scan(filter, records, begin, std::min(begin + step, records.size())))
                return;
        }
    });
}

void FilterScan::cancel()
{
    if (m_run && m_running)
        m_run->cancelRequested = true;
}

void FilterScan::launch(qint64 total, Scanner scanner)
{
    if (m_run)
        m_run->cancelRequested = true; // its late reports no longer match m_run and are dropped
    auto run = std::make_shared<Run>(this);
    m_run = run;
    m_matches.clear();
    m_scanned = 0;
    m_matched = 0;
    m_total = total;
    m_running = true;
    m_cancelled = false;
    emit started();
    m_pool.start([run, scanner = std::move(scanner)] {
        scanner(*run);
        run->post(true);
    });
}

void FilterScan::deliver(const std::shared_ptr<Run> &run, QList<FilterMatch> matches,
                         qint64 scanned, qint64 matched, bool done, bool cancelled)
{
    if (run != m_run)
        return;
    m_scanned = scanned;
    m_matched = matched;
    if (done) {
        m_running = false;
        m_cancelled = cancelled;
    }
    if (!matches.isEmpty()) {
        emit matchesFound(matches);
        m_matches.append(std::move(matches)); // moves the elements: no reference counting
    }
    emit progress(scanned, matched);
    if (done)
        emit finished(cancelled);
}

} // namespace shardscope
