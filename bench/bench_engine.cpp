// Engine throughput in process, side by side with the raw SQLite floor.
//
//   put:   PutRecords batches of 500 x 100-byte records, through the engine (validation, routing,
//          sequence numbers, writer thread, group commit);
//   floor: the same rows inserted by a prepared statement, 500 per transaction, same schema and
//          pragmas, rows prepared in advance (the best SQLite itself can do on this disk);
//   get:   GetRecords with Limit 10,000 from TRIM_HORIZON over everything that was put.
//
// Prints one figure per line, "name: value unit", so runs can be compared.

#include "engine/engine.h"
#include "engine/schema.h"
#include "engine/sqlitedb.h"
#include "kinesis/hashkey.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>
#include <thread>

using namespace shardscope;

namespace {

constexpr int kBatch = 500;
constexpr int kRecordBytes = 100;

long peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').front().toLong();
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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int batches = argc > 1 ? std::atoi(argv[1]) : 400;
    QTemporaryDir dir;

    // The floor first, in its own database file.
    const double floor = rawFloor(dir.filePath(QStringLiteral("floor.db")), batches);

    EngineOptions options;
    options.databasePath = dir.filePath(QStringLiteral("engine.db"));
    options.createDelayMs = 0;
    auto engine = Engine::open(options);
    if (!engine) {
        std::fprintf(stderr, "%s\n", qPrintable(engine.error().message));
        return 1;
    }
    for (const char *name : {"bench1", "bench2"}) {
        CreateStreamRequest create;
        create.streamName = QString::fromLatin1(name);
        create.shardCount = 4;
        (void)(*engine)->createStream(create);
    }
    const double put1 = enginePut(**engine, QStringLiteral("bench1"), batches, 1);
    const double put2 = enginePut(**engine, QStringLiteral("bench2"), batches, 2);
    const double get = engineGet(**engine, QStringLiteral("bench1"), qint64(batches) * kBatch);

    std::printf("records_per_run: %d records\n", batches * kBatch);
    figure("sqlite_floor_put", floor, "records/s");
    figure("engine_put_1_producer", put1, "records/s");
    figure("engine_put_2_producers", put2, "records/s");
    std::printf("engine_put_vs_floor: %.1f %%\n", 100.0 * put1 / floor);
    figure("engine_get", get, "records/s");
    std::printf("peak_rss: %.1f MiB\n", peakRssKiB() / 1024.0);
    return 0;
}
