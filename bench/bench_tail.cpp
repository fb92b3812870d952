// Put-to-visible latency through the live tail, and memory with a million rows.
//
//   tail_latency_p50_1k / _p99_1k / _max_1k: from the putRecords call to the row being inserted
//     into RecordsModel (rowsInserted), at 1,000 records/s, with the Records tab's flush interval
//     (RecordsPage::kFlushIntervalMs = 30 ms); the same at 10,000 records/s (_10k), and at 10k
//     with the model's default 100 ms and 50 ms flush for comparison (_10k_flush100, _flush50).
//     Records are put through EmulatorBackend into a 4-shard stream; TailReader reads it at
//     LATEST, woken by the emulator's recordsAppended; batches go to a PayloadSpool and the model,
//     as the Records tab does.
//   tail_rss_1m_rows: resident memory added by 1,000,000 rows (~200-byte JSON payloads) in the
//     model and the spool (whose payloads live in a temporary file; 8 bytes of index per row).
//
// Usage: bench_tail [seconds per latency run, default 10]

#include "backend/emulatorbackend.h"
#include "engine/engine.h"
#include "models/recordsmodel.h"
#include "records/payloadspool.h"
#include "records/tailreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

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

QByteArray payload(qint64 serial)
{
    return QByteArrayLiteral("{\"event\":\"page_view\",\"serial\":") + QByteArray::number(serial) +
           QByteArrayLiteral(",\"status\":\"ok\",\"amount\":12.5,\"items\":[{\"sku\":\"SKU-3\",\"qty\":1}],"
                             "\"session\":\"") +
           QByteArray::number(quint64(serial) * 2654435761ULL, 16) +
           QByteArrayLiteral("\",\"ts\":\"2026-11-18T10:00:00.000Z\",\"ok\":true}");
}

struct Latency
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
    qint64 seen = 0;
    qint64 put = 0;
};

Latency measure(EmulatorBackend &backend, const QString &stream, int recordsPerSecond, int flushMs,
                int seconds)
{
    RecordsModel model;
    model.setFlushInterval(flushMs);
    PayloadSpool spool;
    TailReader tail;
    QObject::connect(&tail, &TailReader::recordsReceived, &model, [&](const QList<RecordEntry> &records) {
        spool.append(records);
        model.append(records);
    });

    QElapsedTimer clock;
    clock.start();
    std::vector<qint64> putAtNs; // by serial (the partition key)
    putAtNs.reserve(size_t(recordsPerSecond) * size_t(seconds + 1));
    std::vector<double> latencies;
    latencies.reserve(putAtNs.capacity());
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model, [&](const QModelIndex &, int first, int last) {
        const qint64 now = clock.nsecsElapsed();
        for (int row = first; row <= last; ++row) {
            const qint64 serial = model.record(row).partitionKey.toLongLong();
            if (serial >= 0 && size_t(serial) < putAtNs.size())
                latencies.push_back(double(now - putAtNs[size_t(serial)]) / 1e6);
        }
    });

    (void)tail.start(&backend, stream, TailStart{ShardIteratorType::Latest, {}, {}, 0});
    QEventLoop settle;
    QTimer::singleShot(300, &settle, &QEventLoop::quit);
    settle.exec();

    // Producer: a batch every 10 ms, sized to keep the rate on average.
    const int tickMs = 10;
    qint64 serial = 0;
    QTimer producer;
    producer.setTimerType(Qt::PreciseTimer);
    const qint64 start = clock.elapsed();
    QObject::connect(&producer, &QTimer::timeout, &producer, [&] {
        const qint64 due = (clock.elapsed() - start) * recordsPerSecond / 1000;
        PutRecordsRequest request{StreamTarget::byName(stream), {}};
        while (serial < due && request.records.size() < 500) {
            request.records.append({payload(serial), QString::number(serial), {}});
            putAtNs.push_back(clock.nsecsElapsed());
            ++serial;
        }
        if (!request.records.isEmpty())
            (void)backend.putRecords(request);
    });
    producer.start(tickMs);
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, &loop, [&] {
        producer.stop();
        QTimer::singleShot(1000, &loop, &QEventLoop::quit); // let the last records show
    });
    loop.exec();
    tail.stop();
    model.flush();

    Latency result;
    result.put = serial;
    result.seen = qint64(latencies.size());
    if (!latencies.empty()) {
        std::sort(latencies.begin(), latencies.end());
        const auto at = [&](double q) { return latencies[std::min(latencies.size() - 1, size_t(q * double(latencies.size())))]; };
        result.p50 = at(0.50);
        result.p99 = at(0.99);
        result.max = latencies.back();
    }
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 10;

    EngineOptions options;
    options.createDelayMs = 0;
    options.updateDelayMs = 0;
    options.deleteDelayMs = 0;
    auto engine = Engine::open(options);
    if (!engine) {
        std::fprintf(stderr, "engine: %s\n", qPrintable(engine.error().message));
        return 1;
    }
    EmulatorBackend backend(**engine);

    struct Run
    {
        const char *suffix;
        int rate;
        int flushMs;
    };
    const Run runs[] = {{"1k", 1000, 30}, {"10k", 10000, 30}, {"10k_flush50", 10000, 50},
                        {"10k_flush100", 10000, 100}};
    int streamNumber = 0;
    for (const Run &run : runs) {
        // A fresh stream per run, so one run's backlog never slows the next.
        const QString stream = u"bench-%1"_s.arg(streamNumber++);
        if (!(*engine)->createStream(CreateStreamRequest{stream, 4, {}, {}, {}})) {
            std::fprintf(stderr, "cannot create the stream\n");
            return 1;
        }
        const Latency latency = measure(backend, stream, run.rate, run.flushMs, seconds);
        const QByteArray suffix(run.suffix);
        figure("tail_latency_p50_" + suffix, latency.p50, "ms");
        figure("tail_latency_p99_" + suffix, latency.p99, "ms");
        figure("tail_latency_max_" + suffix, latency.max, "ms");
        figure("tail_records_seen_" + suffix, double(latency.seen), "records");
        figure("tail_records_put_" + suffix, double(latency.put), "records");
        (void)(*engine)->deleteStream(DeleteStreamRequest{StreamTarget::byName(stream), false});
    }

    // Memory: a million rows in the model and the spool.
    const qint64 before = residentKiB();
    {
        RecordsModel model;
        PayloadSpool spool;
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
            spool.append(records);
            model.append(records);
            model.flush();
        }
        const qint64 after = residentKiB();
        figure("tail_rss_1m_rows", double(after - before) / 1024.0, "MiB");
        figure("tail_process_rss_1m_rows", double(after) / 1024.0, "MiB");
        figure("tail_spool_index_1m_rows", double(spool.indexBytes()) / 1048576.0, "MiB");
        figure("tail_spool_file_1m_rows", double(spool.fileSize()) / 1048576.0, "MiB");
        // A payload read back from the spool, off the GUI thread.
        QElapsedTimer read;
        read.start();
        auto future = spool.payload(777'777);
        future.waitForFinished();
        figure("tail_spool_payload_read", double(read.nsecsElapsed()) / 1000.0, "us");
        if (!future.result() || *future.result() != payload(777'777)) {
            std::fprintf(stderr, "spool returned a wrong payload\n");
            return 1;
        }
    }
    return 0;
}
