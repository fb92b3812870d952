#pragma once

#include "records/filterexpression.h"
#include "records/recordentry.h"

#include <QList>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

namespace shardscope {

// A record the filter matched; `ordinal` is its position in the scanned stream (for a list, its
// index).
struct FilterMatch
{
    qint64 ordinal = 0;
    RecordEntry record;

    friend bool operator==(const FilterMatch &, const FilterMatch &) = default;
};

// Runs a FilterExpression over a list or a stream of records on a worker thread, chunk by
// chunk. Progress (scanned / matched) and the matches found so far arrive as signals on the
// thread this object lives in (the GUI thread), at most every kReportIntervalMs and once at the
// end; cancel() stops the worker within a few thousand records and keeps everything matched up
// to that point. start() again abandons a run in progress (its late reports are dropped).
//
// Threads: lives in, and signals on, its owner's thread. The chunk source is called on the
// worker thread; the destructor cancels and waits for the worker (so a source must not block
// forever).
class FilterScan final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterScan)

public:
    // Called with 0, 1, 2, ... on the worker thread; the next chunk, or nullopt at the end. An
    // empty chunk is not the end (a reader may have nothing yet).
    using ChunkSource = std::function<std::optional<QList<RecordEntry>>(int chunk)>;

    static constexpr int kDefaultChunkSize = 8192;
    static constexpr int kReportIntervalMs = 50;

    explicit FilterScan(QObject *parent = nullptr);
    ~FilterScan() override;

    void start(const FilterExpression &filter, ChunkSource source);
    // The list is shared (implicitly), not copied; total() is its size.
    void start(const FilterExpression &filter, const QList<RecordEntry> &records,
               int chunkSize = kDefaultChunkSize);
    void cancel();

    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }
    qint64 scanned() const { return m_scanned; }
    qint64 matched() const { return m_matched; }
    qint64 total() const { return m_total; } // -1 for a chunk source
    // Everything delivered so far, in stream order.
    const QList<FilterMatch> &matches() const { return m_matches; }

signals:
    void started();
    // The matches found since the previous report, then the running totals.
    void matchesFound(const QList<shardscope::FilterMatch> &matches);
    void progress(qint64 scanned, qint64 matched);
    void finished(bool cancelled);

private:
    struct Run; // one start(): the cancel flag and the worker's batch, defined in the .cpp
    using Scanner = std::function<void(Run &)>;

    void launch(qint64 total, Scanner scanner);
    void deliver(const std::shared_ptr<Run> &run, QList<FilterMatch> matches, qint64 scanned,
                 qint64 matched, bool done, bool cancelled);

    QThreadPool m_pool;
    std::shared_ptr<Run> m_run;
    QList<FilterMatch> m_matches;
    qint64 m_scanned = 0;
    qint64 m_matched = 0;
    qint64 m_total = -1;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace shardscope
