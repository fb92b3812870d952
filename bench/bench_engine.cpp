// Engine throughput in process, side by side with the raw SQLite floor.
//
//   put:   PutRecords batches of 500 x 100-byte records, through the engine (validation, routing,
//          sequence numbers, writer thread, group commit);
//   floor: the same rows inserted by a prepared statement, 500 per transaction, same schema and
//          pragmas, rows prepared in advance (the best SQLite itself can do on this disk);
//   get:   GetRecords with Limit 10,000 from TRIM_HORIZON over everything that was put.
//   limits: the put figure again (one producer, 4 shards) with the per-shard throughput limits
//          on and off, a fresh process each, alternated, best of three: with the limits on they
//          are raised 10,000 times (EngineOptions::throughputLimitFactor), so no record is
//          throttled and the ratio is the cost of the limiter itself, engine_put_limits_on_vs_off.
//
// The floor and the engine run in two child processes of this program (itself, started again
// with --phase floor|engine), one after the other, so each peak resident memory is that phase's
// own: the floor's holds its prepared rows and SQLite's page cache, which would otherwise count
// as the engine's. Memory figures:
//   engine_peak_rss_over_baseline: the engine process's peak resident memory minus its resident
//          memory just before the engine opened (Qt and the libraries), i.e. the engine's own;
//   engine_process_peak_rss: that process's whole peak;
//   sqlite_floor_process_peak_rss: the floor process's whole peak, for comparison.
//
// Prints one figure per line, "name: value unit", so runs can be compared.

#include "engine/engine.h"
#include "engine/schema.h"
#include "engine/sqlitedb.h"
#include "kinesis/hashkey.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <thread>

using namespace shardscope;

namespace {

constexpr int kBatch = 500;
constexpr int kRecordBytes = 100;

// A "/proc/self/status" line in KiB: "VmHWM:" (peak resident memory) or "VmRSS:" (now).
long statusKiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').front().toLong();
    }
    return -1;
}

QByteArray payload(qint64 i)
{
    QByteArray data = QByteArray::number(i).rightJustified(12, '0');
    data += QByteArray(kRecordBytes - data.size(), 'x');
    return data;
}

void figure(const char *name, double value, const char *unit)
{
    std::printf("%s: %.0f %s\n", name, value, unit);
    std::fflush(stdout);
}

void mebibytes(const char *name, long kib)
{
    std::printf("%s: %.1f MiB\n", name, double(kib) / 1024.0);
    std::fflush(stdout);
}

double enginePut(Engine &engine, const QString &stream, int batches, int threads)
{
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (int b = t; b < batches; b += threads) {
                PutRecordsRequest request;
                request.target = StreamTarget::byName(stream);
                request.records.reserve(kBatch);
                for (int i = 0; i < kBatch; ++i) {
                    const qint64 n = qint64(b) * kBatch + i;
                    request.records.append({payload(n), QStringLiteral("pk-%1").arg(n % 1000), std::nullopt});
                }
                auto result = engine.putRecords(request);
                if (!result || result->failedRecordCount != 0) {
                    std::fprintf(stderr, "put failed\n");
                    std::exit(1);
                }
            }
        });
    }
    for (auto &w : workers)
        w.join();
    return double(batches) * kBatch / (timer.nsecsElapsed() / 1e9);
}

double rawFloor(const QString &path, int batches)
{
    auto db = SqliteDb::open(path, false);
    if (!db || !(*db)->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                            "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;") ||
        !Schema::migrate(**db)) {
        std::fprintf(stderr, "floor setup failed\n");
        std::exit(1);
    }
    const QList<HashKeyRange> ranges = HashKeyRange::evenSplit(4);
    struct Row { qint64 shard; qint64 seq; QByteArray pk; QByteArray data; };
    std::vector<Row> rows;
    rows.reserve(size_t(batches) * kBatch);
    qint64 counter = SequenceNumber::counterAt(1'700'000'000'000);
    for (qint64 n = 0; n < qint64(batches) * kBatch; ++n) {
        const QString pk = QStringLiteral("pk-%1").arg(n % 1000);
        const HashKey key = HashKey::fromPartitionKey(pk);
        qint64 shard = 0;
        while (!ranges[shard].contains(key))
            ++shard;
        rows.push_back(Row{shard, counter++, pk.toUtf8(), payload(n)});
    }
    QElapsedTimer timer;
    timer.start();
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2((*db)->handle(),
                       "INSERT INTO records(stream_id, shard_index, seq, partition_key, "
                       "explicit_hash_key, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                       -1, &stmt, nullptr);
    for (int b = 0; b < batches; ++b) {
        (void)(*db)->exec("BEGIN");
        for (int i = 0; i < kBatch; ++i) {
            const Row &row = rows[size_t(b) * kBatch + i];
            sqlite3_bind_int64(stmt, 1, 1);
            sqlite3_bind_int64(stmt, 2, row.shard);
            sqlite3_bind_int64(stmt, 3, row.seq);
            sqlite3_bind_text(stmt, 4, row.pk.constData(), int(row.pk.size()), SQLITE_STATIC);
            sqlite3_bind_null(stmt, 5);
            sqlite3_bind_blob(stmt, 6, row.data.constData(), int(row.data.size()), SQLITE_STATIC);
            if (sqlite3_step(stmt) != SQLITE_DONE) {
                std::fprintf(stderr, "floor insert failed\n");
                std::exit(1);
            }
            sqlite3_reset(stmt);
        }
        (void)(*db)->exec("COMMIT");
    }
    sqlite3_finalize(stmt);
    return double(batches) * kBatch / (timer.nsecsElapsed() / 1e9);
}

double engineGet(Engine &engine, const QString &stream, qint64 expected)
{
    ListShardsRequest list;
    list.target = StreamTarget::byName(stream);
    const auto shards = engine.listShards(list);
    QElapsedTimer timer;
    timer.start();
    qint64 read = 0;
    for (const Shard &shard : shards->shards) {
        GetShardIteratorRequest request;
        request.target = StreamTarget::byName(stream);
        request.shardId = shard.shardId;
        request.shardIteratorType = ShardIteratorType::TrimHorizon;
        std::optional<QString> next = engine.getShardIterator(request)->shardIterator;
        while (next) {
            GetRecordsRequest get;
            get.shardIterator = *next;
            get.limit = 10000;
            auto page = engine.getRecords(get);
            if (!page) {
                std::fprintf(stderr, "get failed: %s\n", qPrintable(page.error().message));
                std::exit(1);
            }
            read += page->records.size();
            if (page->records.isEmpty())
                break;
            next = page->nextShardIterator;
        }
    }
    const double rate = double(read) / (timer.nsecsElapsed() / 1e9);
    if (read != expected) {
        std::fprintf(stderr, "read %lld records, expected %lld\n", read, expected);
        std::exit(1);
    }
    return rate;
}

int floorPhase(int batches)
{
    QTemporaryDir dir;
    figure("sqlite_floor_put", rawFloor(dir.filePath(QStringLiteral("floor.db")), batches), "records/s");
    mebibytes("sqlite_floor_process_peak_rss", statusKiB("VmHWM:"));
    return 0;
}

int enginePhase(int batches)
{
    QTemporaryDir dir;
    const long baselineKiB = statusKiB("VmRSS:");
    EngineOptions options;
    options.databasePath = dir.filePath(QStringLiteral("engine.db"));
    options.createDelayMs = 0;
    // Far more records per shard than Kinesis allows: this measures the engine's path, and the
    // limits phases measure what the limiter costs.
    options.throughputLimits = false;
    auto engine = Engine::open(options);
    if (!engine) {
        std::fprintf(stderr, "%s\n", qPrintable(engine.error().message));
        return 1;
    }
    for (const char *name : {"bench1", "bench2"}) {
        CreateStreamRequest create;
        create.streamName = QString::fromLatin1(name);
        create.shardCount = 4;
        if (auto created = (*engine)->createStream(create); !created) {
            std::fprintf(stderr, "%s\n", qPrintable(created.error().message));
            return 1;
        }
    }
    figure("engine_put_1_producer", enginePut(**engine, QStringLiteral("bench1"), batches, 1), "records/s");
    figure("engine_put_2_producers", enginePut(**engine, QStringLiteral("bench2"), batches, 2), "records/s");
    figure("engine_get", engineGet(**engine, QStringLiteral("bench1"), qint64(batches) * kBatch), "records/s");
    const long peakKiB = statusKiB("VmHWM:");
    mebibytes("engine_peak_rss_over_baseline", peakKiB - baselineKiB);
    mebibytes("engine_process_peak_rss", peakKiB);
    return 0;
}

// One producer's put rate into a 4-shard stream, limits on (at 10,000 times Kinesis's) or off.
// enginePut fails the run if any record is throttled.
int limitsPhase(int batches, bool limits)
{
    QTemporaryDir dir;
    EngineOptions options;
    options.databasePath = dir.filePath(QStringLiteral("engine.db"));
    options.createDelayMs = 0;
    options.throughputLimits = limits;
    options.throughputLimitFactor = 10000;
    auto engine = Engine::open(options);
    if (!engine) {
        std::fprintf(stderr, "%s\n", qPrintable(engine.error().message));
        return 1;
    }
    CreateStreamRequest create;
    create.streamName = QStringLiteral("limits");
    create.shardCount = 4;
    if (auto created = (*engine)->createStream(create); !created) {
        std::fprintf(stderr, "%s\n", qPrintable(created.error().message));
        return 1;
    }
    figure("engine_put_limits", enginePut(**engine, QStringLiteral("limits"), batches, 1), "records/s");
    return 0;
}

// Runs this program again for one phase and returns its figures by name ("value unit").
QHash<QString, QString> runPhase(const char *phase, int batches)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--phase"), QString::fromLatin1(phase), QString::number(batches)});
    if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        std::fprintf(stderr, "the %s phase failed\n", phase);
        std::exit(1);
    }
    QHash<QString, QString> figures;
    for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
        const qsizetype colon = line.indexOf(": ");
        if (colon > 0)
            figures.insert(QString::fromUtf8(line.left(colon)), QString::fromUtf8(line.mid(colon + 2)));
    }
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && std::strcmp(argv[1], "--phase") == 0) {
        const int batches = std::atoi(argv[3]);
        if (std::strcmp(argv[2], "floor") == 0)
            return floorPhase(batches);
        if (std::strcmp(argv[2], "engine") == 0)
            return enginePhase(batches);
        if (std::strcmp(argv[2], "limits-on") == 0 || std::strcmp(argv[2], "limits-off") == 0)
            return limitsPhase(batches, std::strcmp(argv[2], "limits-on") == 0);
        std::fprintf(stderr, "unknown phase %s\n", argv[2]);
        return 2;
    }
    const int batches = argc > 1 ? std::atoi(argv[1]) : 400;

    // One phase after the other, never side by side, so neither slows the other.
    QHash<QString, QString> figures = runPhase("floor", batches);
    figures.insert(runPhase("engine", batches));

    std::printf("records_per_run: %d records\n", batches * kBatch);
    const auto print = [&](const char *name) {
        const QString value = figures.value(QString::fromLatin1(name));
        if (value.isEmpty()) {
            std::fprintf(stderr, "no %s figure\n", name);
            std::exit(1);
        }
        std::printf("%s: %s\n", name, qPrintable(value));
    };
    print("sqlite_floor_put");
    print("engine_put_1_producer");
    print("engine_put_2_producers");
    const double floor = figures.value(QStringLiteral("sqlite_floor_put")).section(u' ', 0, 0).toDouble();
    const double put1 = figures.value(QStringLiteral("engine_put_1_producer")).section(u' ', 0, 0).toDouble();
    std::printf("engine_put_vs_floor: %.1f %%\n", 100.0 * put1 / floor);
    print("engine_get");
    print("engine_peak_rss_over_baseline");
    print("engine_process_peak_rss");
    print("sqlite_floor_process_peak_rss");

    // Limits on against off, alternated so that a slower moment of the machine hits both.
    const auto rate = [](const QHash<QString, QString> &phase) {
        return phase.value(QStringLiteral("engine_put_limits")).section(u' ', 0, 0).toDouble();
    };
    double on = 0;
    double off = 0;
    for (int round = 0; round < 3; ++round) {
        off = std::max(off, rate(runPhase("limits-off", batches)));
        on = std::max(on, rate(runPhase("limits-on", batches)));
    }
    std::printf("engine_put_limits_off: %.0f records/s\n", off);
    std::printf("engine_put_limits_on: %.0f records/s\n", on);
    std::printf("engine_put_limits_on_vs_off: %.1f %%\n", 100.0 * on / off);
    return 0;
}
