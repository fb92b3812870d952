// FilterScan: runs off the calling thread, reports progress and matches on it, stops on
// cancel() keeping what it found, and drops the reports of a run that start() replaced.

#include "records/filterscan.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

// Record i: partition key "user-<i % 10>", payload {"n":i}.
RecordEntry record(qint64 i)
{
    return {ShardId::format(quint32(i % 4)),
            QString::number(1000 + i),
            i,
            u"user-"_s + QString::number(i % 10),
            {},
            "{\"n\":"_ba + QByteArray::number(i) + '}'};
}

QList<RecordEntry> records(qint64 from, qint64 count)
{
    QList<RecordEntry> list;
    list.reserve(count);
    for (qint64 i = from; i < from + count; ++i)
        list.append(record(i));
    return list;
}

FilterExpression filter(const char *text)
{
    return FilterExpression::parse(QString::fromUtf8(text)).value();
}

// The ordinals a scan should report: the records among the first `count` that match.
QList<qint64> expectedOrdinals(const FilterExpression &f, qint64 count)
{
    QList<qint64> ordinals;
    for (qint64 i = 0; i < count; ++i) {
        if (f.matches(record(i)))
            ordinals.append(i);
    }
    return ordinals;
}

QList<qint64> ordinalsOf(const QList<FilterMatch> &matches)
{
    QList<qint64> ordinals;
    for (const FilterMatch &match : matches)
        ordinals.append(match.ordinal);
    return ordinals;
}

} // namespace

class TestFilterScan : public QObject
{
    Q_OBJECT
private slots:
    void scansAListOnAWorkerAndReportsOnTheCallerThread();
    void pullsChunksUntilTheSourceEnds();
    void cancelKeepsPartialResults();
    void cancelAListPartWay();
    void restartDropsTheOldRun();
    void emptyInputsFinish();
    void destructorStopsTheWorker();
};

void TestFilterScan::scansAListOnAWorkerAndReportsOnTheCallerThread()
{
    const FilterExpression f = filter("pk == \"user-3\" || data.n >= 49990");
    const QList<RecordEntry> input = records(0, 50000);
    FilterScan scan;
    QThread *const caller = QThread::currentThread();
    std::atomic<int> offThread{0};
    QList<FilterMatch> delivered;
    qint64 lastScanned = -1;
    bool monotonic = true;
    connect(&scan, &FilterScan::matchesFound, this, [&](const QList<FilterMatch> &batch) {
        offThread += QThread::currentThread() != caller ? 1 : 0;
        delivered += batch;
    });
    connect(&scan, &FilterScan::progress, this, [&](qint64 scanned, qint64 matched) {
        offThread += QThread::currentThread() != caller ? 1 : 0;
        monotonic = monotonic && scanned >= lastScanned && matched <= scanned;
        lastScanned = scanned;
    });
    QSignalSpy finished(&scan, &FilterScan::finished);
    QSignalSpy progress(&scan, &FilterScan::progress);
    QSignalSpy started(&scan, &FilterScan::started);

    scan.start(f, input, 1000);
    QCOMPARE(started.count(), 1);
    QVERIFY(scan.isRunning());
    QCOMPARE(scan.total(), 50000);
    QVERIFY(finished.wait(20000));

    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!scan.isRunning());
    QVERIFY(!scan.wasCancelled());
    QCOMPARE(offThread.load(), 0);
    QVERIFY(monotonic);
    QVERIFY(progress.count() >= 1);
    QCOMPARE(progress.last().at(0).toLongLong(), 50000);
    QCOMPARE(scan.scanned(), 50000);

    const QList<qint64> expected = expectedOrdinals(f, 50000);
    QCOMPARE(expected.size(), 5000 + 9); // user-3 every tenth, plus 49990..49999 but 49993
    QCOMPARE(scan.matched(), expected.size());
    QCOMPARE(progress.last().at(1).toLongLong(), expected.size());
    QCOMPARE(ordinalsOf(scan.matches()), expected);
    QCOMPARE(delivered, scan.matches());
    for (const FilterMatch &match : scan.matches())
        QCOMPARE(match.record, input.at(match.ordinal));
}

void TestFilterScan::pullsChunksUntilTheSourceEnds()
{
    // Chunks of 100 records; chunk 3 is empty (nothing yet), which is not the end.
    QList<int> requested;
    QList<QThread *> threads;
    const FilterScan::ChunkSource source = [&](int chunk) -> std::optional<QList<RecordEntry>> {
        requested.append(chunk); // the worker is the only writer while the scan runs
        threads.append(QThread::currentThread());
        if (chunk == 3)
            return QList<RecordEntry>();
        if (chunk >= 6)
            return std::nullopt;
        const qint64 first = chunk < 3 ? chunk * 100 : (chunk - 1) * 100;
        return records(first, 100);
    };
    FilterScan scan;
    QSignalSpy finished(&scan, &FilterScan::finished);
    const FilterExpression f = filter("pk == \"user-7\"");
    scan.start(f, source);
    QCOMPARE(scan.total(), -1);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(requested, (QList<int>{0, 1, 2, 3, 4, 5, 6}));
    for (QThread *thread : threads)
        QVERIFY(thread != QThread::currentThread());
    QCOMPARE(scan.scanned(), 500);
    QCOMPARE(ordinalsOf(scan.matches()), expectedOrdinals(f, 500));
    QCOMPARE(scan.matched(), 50);
}

void TestFilterScan::cancelKeepsPartialResults()
{
    // The source stops at chunk 5 until the test has called cancel(): five chunks of 100
    // records were scanned by then, and the scan must end with exactly their matches.
    QSemaphore reachedChunk5;
    QSemaphore mayContinue;
    const FilterScan::ChunkSource source = [&](int chunk) -> std::optional<QList<RecordEntry>> {
        if (chunk == 5) {
            reachedChunk5.release();
            mayContinue.acquire();
        }
        if (chunk >= 10)
            return std::nullopt;
        return records(chunk * 100, 100);
    };
    FilterScan scan;
    QSignalSpy finished(&scan, &FilterScan::finished);
    const FilterExpression f = filter("pk == \"user-1\" || pk == \"user-2\"");
    scan.start(f, source);
    QVERIFY(reachedChunk5.tryAcquire(1, 10000));
    scan.cancel();
    mayContinue.release();
    QVERIFY(finished.wait(10000));

    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(scan.wasCancelled());
    QVERIFY(!scan.isRunning());
    QCOMPARE(scan.scanned(), 500);
    QCOMPARE(scan.matched(), 100);
    QCOMPARE(ordinalsOf(scan.matches()), expectedOrdinals(f, 500));
}

void TestFilterScan::cancelAListPartWay()
{
    // A payload regex over 300,000 records takes far longer than the cancel() right after
    // start(): the scan stops early, and what it reports is consistent.
    const QList<RecordEntry> input = records(0, 300000);
    const FilterExpression f = filter("data matches /\"n\":\\d*7}/");
    FilterScan scan;
    QSignalSpy finished(&scan, &FilterScan::finished);
    scan.start(f, input);
    scan.cancel();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(scan.scanned() < input.size());
    QCOMPARE(scan.matched(), scan.matches().size());
    QCOMPARE(ordinalsOf(scan.matches()), expectedOrdinals(f, scan.scanned()));
}

void TestFilterScan::restartDropsTheOldRun()
{
    QSemaphore firstRunWaiting;
    QSemaphore releaseFirstRun;
    const FilterScan::ChunkSource slow = [&](int chunk) -> std::optional<QList<RecordEntry>> {
        if (chunk == 1) {
            firstRunWaiting.release();
            releaseFirstRun.acquire();
        }
        if (chunk >= 3)
            return std::nullopt;
        return records(0, 100);
    };
    FilterScan scan;
    QSignalSpy finished(&scan, &FilterScan::finished);
    QSignalSpy found(&scan, &FilterScan::matchesFound);
    scan.start(filter("size > 0"), slow);
    QVERIFY(firstRunWaiting.tryAcquire(1, 10000));

    const FilterExpression second = filter("pk == \"user-5\"");
    scan.start(second, records(0, 1000));
    releaseFirstRun.release();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(scan.scanned(), 1000);
    QCOMPARE(ordinalsOf(scan.matches()), expectedOrdinals(second, 1000));

    // The first run's reports (100 matching records, then its end) arrive late and are dropped.
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(scan.matched(), 100);
    for (const QList<QVariant> &signal : found) {
        for (const FilterMatch &match : signal.first().value<QList<FilterMatch>>())
            QCOMPARE(match.record.partitionKey, u"user-5"_s);
    }
}

void TestFilterScan::emptyInputsFinish()
{
    FilterScan scan;
    QSignalSpy finished(&scan, &FilterScan::finished);
    scan.start(FilterExpression(), QList<RecordEntry>());
    QVERIFY(finished.wait(5000));
    QCOMPARE(scan.scanned(), 0);
    QVERIFY(scan.matches().isEmpty());

    scan.start(FilterExpression(), [](int) { return std::optional<QList<RecordEntry>>(); });
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 2);
    QCOMPARE(scan.scanned(), 0);

    // The empty filter matches everything.
    scan.start(FilterExpression(), records(0, 10));
    QVERIFY(finished.wait(5000));
    QCOMPARE(scan.matched(), 10);
    QCOMPARE(ordinalsOf(scan.matches()), (QList<qint64>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
}

void TestFilterScan::destructorStopsTheWorker()
{
    // An endless source: only cancellation ends the run, and the destructor must do it.
    std::atomic<int> calls{0};
    auto *scan = new FilterScan;
    scan->start(filter("size > 0"), [&](int) -> std::optional<QList<RecordEntry>> {
        ++calls;
        QThread::msleep(2);
        return records(0, 10);
    });
    QTRY_VERIFY(calls.load() > 3);
    QElapsedTimer timer;
    timer.start();
    delete scan;
    QVERIFY(timer.elapsed() < 5000);
    const int after = calls.load();
    QTest::qWait(50);
    QCOMPARE(calls.load(), after); // the worker is gone
}

QTEST_GUILESS_MAIN(TestFilterScan)
#include "tst_filterscan.moc"
