// The producer against the per-shard write limit, every record accounted for.
//
//   An in-memory engine behind EmulatorBackend, one stream of 4 shards, and a LoadGenerator
//   offering more than the 4 x 1,000 records/s the shards accept (6,000 records/s of ~100-byte
//   random JSON, 10,000 uniform keys) for N seconds. The producer's own per-shard token buckets
//   must keep each shard under its limit (whether or not the engine enforces it) while using as
//   much of it as it can. Afterwards every shard is read back from the engine.
//
//   producer_limit_share: Kinesis records acknowledged per second (the producer's per-second
//     counters over the whole seconds of the run, without the first, when its buckets fill,
//     and the last), over 4 x 1,000, in %.
//   producer_lost_records: user records the producer accepted but neither acknowledged nor
//     reported failed, plus acknowledged ones not found in the stream where their result says.
//   producer_user_records_rate: user records acknowledged per second over the same seconds (more
//     than the Kinesis records with --aggregate, where the share counts aggregated records).
//   producer_duplicate_records: records found in the stream more than once (by their "id").
//   producer_max_shard_records_per_second: the most records any shard took in one second of
//     arrival time (the limit is 1,000).
//   Also: records offered, refused (the producer's outstanding cap), throttled, retried and
//   failed, and the PutRecords latency p50/p99/max over the last 1,000 calls.
//   Lost or duplicated records make the program exit with status 2.
//
// Usage: bench_producer [--seconds N (default 30)] [--rate R (default 6000)] [--aggregate]

#include "backend/emulatorbackend.h"
#include "engine/engine.h"
#include "producer/loadgenerator.h"
#include "producer/producer.h"
#include "records/kplaggregation.h"

#include <QCoreApplication>
#include <QThread>
#include <QHash>
#include <QSet>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

constexpr int kShards = 4;
const QString kStream = u"bench"_s;

// Where a user record is: shard, sequence number, position in its aggregate (-1: none).
QString place(const QString &shardId, const QString &sequence, int index)
{
    return shardId + u'/' + sequence + u'/' + QString::number(index);
}

qint64 idOf(const QByteArray &data)
{
    // {"id":N,...
    if (!data.startsWith(R"({"id":)"))
        return -1;
    const qsizetype end = data.indexOf(',', 6);
    bool ok = false;
    const qint64 id = data.mid(6, (end < 0 ? data.size() - 1 : end) - 6).toLongLong(&ok);
    return ok ? id : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int seconds = 30;
    double rate = 6000;
    bool aggregate = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
            seconds = std::max(2, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--rate") == 0 && i + 1 < argc)
            rate = std::atof(argv[++i]);
        else if (std::strcmp(argv[i], "--aggregate") == 0)
            aggregate = true;
        else {
            std::fprintf(stderr, "usage: bench_producer [--seconds N] [--rate R] [--aggregate]\n");
            return 1;
        }
    }

    EngineOptions engineOptions; // in memory, the system clock
    engineOptions.createDelayMs = 0;
    auto opened = Engine::open(engineOptions);
    if (!opened) {
        std::fprintf(stderr, "cannot open the engine: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    Engine &engine = **opened;
    CreateStreamRequest create;
    create.streamName = kStream;
    create.shardCount = kShards;
    if (!engine.createStream(create)) {
        std::fprintf(stderr, "cannot create the stream\n");
        return 1;
    }
    EmulatorBackend backend(engine);

    LoadGeneratorOptions options;
    options.recordsPerSecond = rate;
    options.durationMs = qint64(seconds) * 1000;
    options.minRecordBytes = 80;
    options.maxRecordBytes = 120;
    options.keys.keyCount = 10000;
    options.producer.aggregate = aggregate;
    // The backlog the producer may hold: a few seconds of the excess, so the generator is
    // refused (not lost) beyond it and the run drains in seconds.
    options.producer.maxOutstandingRecords = 20000;
    options.producer.recordTtlMs = 60000;
    LoadGenerator generator(&backend, kStream, options);
    Producer *producer = generator.producer();

    QHash<quint64, ProducerResult> results;
    qint64 duplicateResults = 0;
    QObject::connect(producer, &Producer::recordsCompleted, &app,
                     [&](const QList<ProducerResult> &completed) {
                         for (const ProducerResult &r : completed) {
                             if (results.contains(r.id))
                                 ++duplicateResults;
                             results.insert(r.id, r);
                         }
                     });

    QObject::connect(producer, &Producer::shardMapLoaded, &app, [&] {
        if (generator.state() != LoadGenerator::State::Idle)
            return;
        generator.start();
    });
    QObject::connect(&generator, &LoadGenerator::finished, &app, &QCoreApplication::quit);
    app.exec();

    // Read every shard back.
    QHash<QString, qint64> stream; // place -> id
    QHash<qint64, int> idCount;
    QHash<QString, QHash<qint64, int>> perShardSecond;
    ListShardsRequest list;
    list.target = StreamTarget::byName(kStream);
    const auto shards = engine.listShards(list);
    if (!shards) {
        std::fprintf(stderr, "cannot list the shards\n");
        return 1;
    }
    for (const Shard &shard : shards->shards) {
        GetShardIteratorRequest it;
        it.target = StreamTarget::byName(kStream);
        it.shardId = shard.shardId;
        it.shardIteratorType = ShardIteratorType::TrimHorizon;
        const auto iterator = engine.getShardIterator(it);
        std::optional<QString> next = iterator ? std::optional(iterator->shardIterator) : std::nullopt;
        while (next) {
            GetRecordsRequest get;
            get.shardIterator = *next;
            const auto page = engine.getRecords(get);
            // Reads have their limits too (5 calls/s, 2 MiB/s per shard): a throttled read
            // waits and tries again, as a consumer does.
            if (!page && page.error().type == ErrorType::ProvisionedThroughputExceeded) {
                QThread::msleep(200);
                continue;
            }
            if (!page || page->records.isEmpty())
                break;
            for (const Record &r : page->records) {
                ++perShardSecond[shard.shardId][r.approximateArrivalTimestamp / 1000];
                const QString sequence = r.sequenceNumber.toString();
                if (KplAggregation::hasMagic(r.data)) {
                    const auto sub = KplAggregation::deaggregate(r.data);
                    if (!sub) {
                        std::fprintf(stderr, "a broken aggregate at %s\n", qPrintable(sequence));
                        return 2;
                    }
                    for (const KplSubRecord &s : sub->records) {
                        const qint64 id = idOf(s.data);
                        stream.insert(place(shard.shardId, sequence, int(s.index)), id);
                        ++idCount[id];
                    }
                } else {
                    const qint64 id = idOf(r.data);
                    stream.insert(place(shard.shardId, sequence, -1), id);
                    ++idCount[id];
                }
            }
            next = page->nextShardIterator;
        }
    }

    const qint64 accepted = generator.generatedRecords() - generator.refusedRecords();
    qint64 acknowledged = 0;
    qint64 failed = 0;
    qint64 missing = 0;
    for (const ProducerResult &r : std::as_const(results)) {
        if (!r.ok) {
            ++failed;
            continue;
        }
        ++acknowledged;
        if (!stream.contains(place(r.shardId, r.sequenceNumber, r.subSequenceNumber)))
            ++missing;
    }
    const qint64 neverReported = accepted - qint64(results.size());
    const qint64 lost = neverReported + missing;
    qint64 duplicates = duplicateResults;
    for (auto it = idCount.cbegin(); it != idCount.cend(); ++it)
        duplicates += it.value() > 1 ? it.value() - 1 : 0;
    const qint64 unexpected = qint64(stream.size()) - acknowledged; // in the stream, not acked
    int maxShardSecond = 0;
    for (const auto &secondsOfShard : std::as_const(perShardSecond)) {
        for (int n : secondsOfShard)
            maxShardSecond = std::max(maxShardSecond, n);
    }

    // The steady rate: the seconds of the producer's clock while the generator ran, without the
    // first (the buckets start empty) and the last (partly after the end).
    qint64 steadyAcknowledged = 0;
    qint64 steadyUserAcknowledged = 0;
    int steadySeconds = 0;
    {
        const QList<LoadGeneratorSecond> &history = generator.history();
        qsizetype first = -1;
        qsizetype last = -1;
        for (qsizetype i = 0; i < history.size(); ++i) {
            if (history.at(i).generatedRecords > 0) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        for (qsizetype i = first + 1; first >= 0 && i < last; ++i) {
            steadyAcknowledged += history.at(i).producer.kinesisRecordsAcknowledged;
            steadyUserAcknowledged += history.at(i).producer.userRecordsAcknowledged;
            ++steadySeconds;
        }
    }
    const ProducerMetrics metrics = producer->metrics();
    const double steadyRate = steadySeconds > 0 ? double(steadyAcknowledged) / steadySeconds : 0;
    std::printf("producer_seconds: %d s\n", seconds);
    std::printf("producer_offered_rate: %.0f records/s\n", rate);
    std::printf("producer_aggregation: %s\n", aggregate ? "on" : "off");
    std::printf("producer_acknowledged_rate: %.0f records/s\n", steadyRate);
    std::printf("producer_user_records_rate: %.0f records/s\n",
                steadySeconds > 0 ? double(steadyUserAcknowledged) / steadySeconds : 0.0);
    std::printf("producer_limit_share: %.1f %%\n", steadyRate / (kShards * 1000.0) * 100.0);
    std::printf("producer_lost_records: %lld\n", static_cast<long long>(lost));
    std::printf("producer_duplicate_records: %lld\n", static_cast<long long>(duplicates));
    std::printf("producer_unexpected_records: %lld\n", static_cast<long long>(unexpected));
    std::printf("producer_max_shard_records_per_second: %d records\n", maxShardSecond);
    std::printf("producer_user_records_accepted: %lld\n", static_cast<long long>(accepted));
    std::printf("producer_user_records_acknowledged: %lld\n", static_cast<long long>(acknowledged));
    std::printf("producer_user_records_failed: %lld\n", static_cast<long long>(failed));
    std::printf("producer_user_records_refused: %lld\n",
                static_cast<long long>(generator.refusedRecords()));
    std::printf("producer_throttled_records: %lld\n",
                static_cast<long long>(metrics.total.throttledRecords));
    std::printf("producer_retried_records: %lld\n",
                static_cast<long long>(metrics.total.retriedRecords));
    std::printf("producer_put_latency_p50: %lld ms\n", static_cast<long long>(metrics.latencyP50Ms));
    std::printf("producer_put_latency_p99: %lld ms\n", static_cast<long long>(metrics.latencyP99Ms));
    std::printf("producer_put_latency_max: %lld ms\n", static_cast<long long>(metrics.latencyMaxMs));
    return lost > 0 || duplicates > 0 || unexpected != 0 ? 2 : 0;
}
