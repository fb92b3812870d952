// Put-to-visible latency through the Records tab itself, every record accounted for, and the
// tab's memory with a million rows.
//
//   The real RecordsPage widget, shown offscreen, reads a 4-shard stream of a file-backed engine
//   (SQLite in a temporary directory, as the app keeps it) through EmulatorBackend, from its
//   default start position (the last 15 minutes), with a filter applied:
//   data.status == "error" && size > 100, which half of the records match. Records are put
//   with PutRecords every 10 ms at 1,000 and 10,000 per second for N seconds.
//
//   tail_latency_p50_1k / _p99_1k / _max_1k: from the putRecords call to the matching record's
//     row being inserted into the table's model (the filter's results, which the table shows),
//     with the tab's flush interval (RecordsPage::kFlushIntervalMs = 30 ms); the same at 10,000
//     records/s (_10k), and at 10k with 50 ms and 100 ms flushes for comparison (_10k_flush50,
//     _10k_flush100).
//   tail_records_put_*: records the engine acknowledged; tail_records_matching_*: those the
//     filter matches; tail_records_seen_*: matching records that appeared in the table.
//   tail_never_seen_*: matching records acknowledged but never shown (after 5 s more to drain);
//     tail_wrong_rows_*: rows shown that do not match or were shown twice; tail_put_failed_*:
//     records the engine refused. tail_never_seen sums the runs. Any of these above 0 is a
//     failure: the program then exits with status 2.
//   tail_rss_1m_rows: resident memory added by 1,000,000 rows (~200-byte JSON payloads) in the
//     tab: its model, its spool (payloads in a temporary file, 8 bytes of index per row) and
//     its table. The records are handed to the page as its tail hands them
//     (TailReader::recordsReceived), so the figure is the tab's own memory, not the engine's
//     SQLite cache and memory map.
//
// Usage: bench_tail [seconds per latency run, default 10]

#include "backend/emulatorbackend.h"
#include "backend/futureutils.h"
#include "engine/engine.h"
#include "models/recordsmodel.h"
#include "records/payloadspool.h"
#include "records/recordspage.h"
#include "records/tailreader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

const QString kFilter = u"data.status == \"error\" && size > 100"_s;

qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void figure(const QByteArray &name, double value, const char *unit)
{
    std::printf("%s: %.1f %s\n", name.constData(), value, unit);
    std::fflush(stdout);
}

bool matches(qint64 serial)
{
    return serial % 2 == 1;
}

QByteArray payload(qint64 serial)
{
    return QByteArrayLiteral("{\"event\":\"page_view\",\"serial\":") + QByteArray::number(serial) +
           (matches(serial) ? QByteArrayLiteral(",\"status\":\"error\"")
                            : QByteArrayLiteral(",\"status\":\"ok\"")) +
           QByteArrayLiteral(
               ",\"amount\":12.5,\"items\":[{\"sku\":\"SKU-3\",\"qty\":1}],\"session\":\"") +
           QByteArray::number(quint64(serial) * 2654435761ULL, 16) +
           QByteArrayLiteral("\",\"ts\":\"2026-11-18T10:00:00.000Z\",\"ok\":true}");
}

void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Run
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
    qint64 put = 0;       // acknowledged by the engine
    qint64 putFailed = 0; // refused, or the call failed
    qint64 matching = 0;  // acknowledged and matching the filter
    qint64 seen = 0;      // matching rows shown
    qint64 wrongRows = 0; // rows shown that do not match, or shown again
};

Run measure(EmulatorBackend &backend, const QString &stream, int recordsPerSecond, int flushMs,
            int seconds)
{
    RecordsPage page;
    page.resize(1200, 800);
    page.setStream(&backend, stream);
    page.show();
    page.model()->setFlushInterval(flushMs);
    page.resultsModel()->setFlushInterval(flushMs);
    page.filterEdit()->setText(kFilter);
    page.applyFilter();
    if (!page.isFilterApplied() || page.view()->model() != page.resultsModel()) {
        std::fprintf(stderr, "the filter did not apply\n");
        std::exit(1);
    }
    if (page.startPosition() != RecordsPage::Recent || !page.start()) {
        std::fprintf(stderr, "the tail did not start from its default position\n");
        std::exit(1);
    }

    QElapsedTimer clock;
    clock.start();
    const size_t capacity = size_t(recordsPerSecond) * size_t(seconds + 1);
    std::vector<qint64> putAtNs; // by serial (the partition key)
    putAtNs.reserve(capacity);
    std::vector<char> acknowledged; // by serial: 1 put, -1 refused, 0 not answered yet
    acknowledged.reserve(capacity);
    std::vector<char> shown; // by serial
    std::vector<double> latencies;
    latencies.reserve(capacity / 2);
    Run result;
    RecordsModel *table = page.resultsModel();
    QObject::connect(table, &QAbstractItemModel::rowsInserted, table,
                     [&](const QModelIndex &, int first, int last) {
                         const qint64 now = clock.nsecsElapsed();
                         for (int row = first; row <= last; ++row) {
                             bool ok = false;
                             const qint64 serial = table->record(row).partitionKey.toLongLong(&ok);
                             if (!ok || serial < 0 || size_t(serial) >= putAtNs.size() ||
                                 !matches(serial)) {
                                 ++result.wrongRows;
                                 continue;
                             }
                             if (shown.size() <= size_t(serial))
                                 shown.resize(size_t(serial) + 1, 0);
                             if (shown[size_t(serial)]) {
                                 ++result.wrongRows;
                                 continue;
                             }
                             shown[size_t(serial)] = 1;
                             ++result.seen;
                             latencies.push_back(double(now - putAtNs[size_t(serial)]) / 1e6);
                         }
                     });

    wait(300); // the tail has its iterators and is idle

    // Producer: a batch every 10 ms, sized to keep the rate on average.
    qint64 serial = 0;
    int answersPending = 0;
    QTimer producer;
    producer.setTimerType(Qt::PreciseTimer);
    const qint64 start = clock.elapsed();
    QObject::connect(&producer, &QTimer::timeout, &producer, [&] {
        const qint64 due = (clock.elapsed() - start) * recordsPerSecond / 1000;
        PutRecordsRequest request{StreamTarget::byName(stream), {}};
        const qint64 first = serial;
        while (serial < due && request.records.size() < 500) {
            request.records.append({payload(serial), QString::number(serial), {}});
            putAtNs.push_back(clock.nsecsElapsed());
            acknowledged.push_back(0);
            ++serial;
        }
        if (request.records.isEmpty())
            return;
        ++answersPending;
        const qsizetype count = request.records.size();
        onResult(&producer, backend.putRecords(request),
                 [&, first, count](const BackendResult<PutRecordsResponse> &answer) {
                     --answersPending;
                     for (qsizetype i = 0; i < count; ++i) {
                         const bool accepted = answer && i < answer->records.size() &&
                                               answer->records.at(i).errorCode.isEmpty();
                         acknowledged[size_t(first + i)] = accepted ? 1 : -1;
                     }
                 });
    });
    producer.start(10);
    wait(seconds * 1000);
    producer.stop();

    // Every answer back, then up to 5 s for the last matching records to show.
    QElapsedTimer drain;
    drain.start();
    const auto expected = [&] {
        qint64 count = 0;
        for (size_t i = 0; i < acknowledged.size(); ++i)
            count += acknowledged[i] == 1 && matches(qint64(i));
        return count;
    };
    while ((answersPending > 0 || result.seen < expected()) && drain.elapsed() < 5000)
        wait(20);
    page.stop();

    for (size_t i = 0; i < acknowledged.size(); ++i) {
        if (acknowledged[i] == 1) {
            ++result.put;
            result.matching += matches(qint64(i));
        } else {
            ++result.putFailed; // refused, or never answered
        }
    }
    if (!latencies.empty()) {
        std::sort(latencies.begin(), latencies.end());
        const auto at = [&](double q) {
            return latencies[std::min(latencies.size() - 1, size_t(q * double(latencies.size())))];
        };
        result.p50 = at(0.50);
        result.p99 = at(0.99);
        result.max = latencies.back();
    }
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    // The page is a real widget; it needs no screen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The offscreen platform says this for every window it shows; nothing here depends on it.
    static const QtMessageHandler defaultHandler = qInstallMessageHandler(nullptr);
    qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (message != u"This plugin does not support propagateSizeHints()"_s)
                defaultHandler(type, context, message);
        });
    QApplication app(argc, argv);
    const int seconds = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 10;

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "no temporary directory\n");
        return 1;
    }
    EngineOptions options;
    options.databasePath = dir.filePath(u"bench_tail.db"_s);
    options.createDelayMs = 0;
    options.updateDelayMs = 0;
    options.deleteDelayMs = 0;
    auto engine = Engine::open(options);
    if (!engine) {
        std::fprintf(stderr, "engine: %s\n", qPrintable(engine.error().message));
        return 1;
    }
    EmulatorBackend backend(**engine);

    struct Setting
    {
        const char *suffix;
        int rate;
        int flushMs;
    };
    const Setting settings[] = {{"1k", 1000, RecordsPage::kFlushIntervalMs},
                                {"10k", 10000, RecordsPage::kFlushIntervalMs},
                                {"10k_flush50", 10000, 50},
                                {"10k_flush100", 10000, 100}};
    int streamNumber = 0;
    qint64 neverSeen = 0;
    qint64 failures = 0;
    for (const Setting &setting : settings) {
        // A fresh stream per run, so one run's backlog never slows the next.
        const QString stream = u"bench-%1"_s.arg(streamNumber++);
        if (!(*engine)->createStream(CreateStreamRequest{stream, 4, {}, {}, {}})) {
            std::fprintf(stderr, "cannot create the stream\n");
            return 1;
        }
        const Run run = measure(backend, stream, setting.rate, setting.flushMs, seconds);
        const QByteArray suffix(setting.suffix);
        figure("tail_latency_p50_" + suffix, run.p50, "ms");
        figure("tail_latency_p99_" + suffix, run.p99, "ms");
        figure("tail_latency_max_" + suffix, run.max, "ms");
        figure("tail_records_put_" + suffix, double(run.put), "records");
        figure("tail_records_matching_" + suffix, double(run.matching), "records");
        figure("tail_records_seen_" + suffix, double(run.seen), "records");
        figure("tail_never_seen_" + suffix, double(run.matching - run.seen), "records");
        figure("tail_wrong_rows_" + suffix, double(run.wrongRows), "records");
        figure("tail_put_failed_" + suffix, double(run.putFailed), "records");
        neverSeen += run.matching - run.seen;
        failures += (run.matching - run.seen) + run.wrongRows + run.putFailed;
        (void)(*engine)->deleteStream(DeleteStreamRequest{StreamTarget::byName(stream), false});
    }
    figure("tail_never_seen", double(neverSeen), "records");

    // Memory: a million rows in the tab.
    {
        RecordsPage page;
        page.resize(1200, 800);
        page.setStream(&backend, u"memory"_s); // never read: the rows are handed over below
        page.show();
        app.processEvents();
        const qint64 before = residentKiB();
        const int total = 1'000'000;
        const int batch = 10'000;
        for (int first = 0; first < total; first += batch) {
            QList<RecordEntry> records;
            records.reserve(batch);
            for (int i = first; i < first + batch; ++i) {
                RecordEntry record;
                record.shardId = u"shardId-%1"_s.arg(i % 4, 12, 10, QLatin1Char('0'));
                record.sequenceNumber = u"4959033827149025660855969253836157109592157598913658%1"_s
                                            .arg(i, 10, 10, QLatin1Char('0'));
                record.arrivalMs = 1763460000000 + i;
                record.partitionKey = u"user-%1"_s.arg(i % 5000);
                record.data = payload(i);
                records.append(std::move(record));
            }
            emit page.tail()->recordsReceived(records);
            page.model()->flush();
            app.processEvents();
        }
        if (page.model()->rowCount() != total) {
            std::fprintf(stderr, "the page holds %d rows, not %d\n", page.model()->rowCount(),
                         total);
            return 1;
        }
        const qint64 after = residentKiB();
        figure("tail_rss_1m_rows", double(after - before) / 1024.0, "MiB");
        figure("tail_process_rss_1m_rows", double(after) / 1024.0, "MiB");
        figure("tail_spool_index_1m_rows", double(page.spool().indexBytes()) / 1048576.0, "MiB");
        figure("tail_spool_file_1m_rows", double(page.spool().fileSize()) / 1048576.0, "MiB");
        // A payload read back from the spool, off the GUI thread.
        QElapsedTimer read;
        read.start();
        auto future = page.spool().payload(page.model()->serial(777'777));
        future.waitForFinished();
        figure("tail_spool_payload_read", double(read.nsecsElapsed()) / 1000.0, "us");
        if (!future.result() || *future.result() != payload(777'777)) {
            std::fprintf(stderr, "spool returned a wrong payload\n");
            return 1;
        }
    }
    if (failures > 0) {
        std::fprintf(stderr, "bench_tail: %lld records lost, refused or shown wrongly\n", failures);
        return 2;
    }
    return 0;
}
