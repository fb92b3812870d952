// What the reader registry costs GetRecords: the same reads through two in-process engines, one
// with the registry (EngineOptions::readerRegistry) and one without, over the same records.
//
// Each engine holds one shard of 1,000 records of 100 bytes. A run makes kCalls GetRecords
// calls of Limit 25 from an iterator 100 records before the tip (so every call reads 25
// records), each through a sink that only counts (the server's encoder path minus the
// encoding, the leanest read, where the registry's share is largest), as a client of `--serve`
// with a key id, a user agent of boto3's length and an address. Runs alternate between the two
// engines; the figure is the median of kRuns runs each.
//
// Prints:
//   getrecords_with_registry: N calls/s
//   getrecords_without_registry: N calls/s
//   reader_registry_cost: N %      (1 - with / without, in per cent; the target is 3 % or less)

#include "engine/engine.h"
#include "kinesis/recordsink.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRecords = 1000;
constexpr int kCalls = 20'000;
constexpr int kRuns = 7;
constexpr int kLimit = 25;
const QString kStream = u"bench"_s;

class CountingSink final : public RecordSink
{
public:
    void record(const RecordView &record) override { bytes += record.data.size(); }
    qint64 bytes = 0;
};

std::unique_ptr<Engine> openEngine(bool registry)
{
    EngineOptions options;
    options.createDelayMs = 0;
    options.throughputLimits = false;
    options.readerRegistry = registry;
    auto engine = Engine::open(options);
    if (!engine) {
        std::fprintf(stderr, "engine: %s\n", qPrintable(engine.error().message));
        std::exit(1);
    }
    CreateStreamRequest create;
    create.streamName = kStream;
    create.shardCount = 1;
    if (!(*engine)->createStream(create)) {
        std::fprintf(stderr, "create failed\n");
        std::exit(1);
    }
    while ((*engine)->describeStreamSummary(StreamTarget::byName(kStream))->streamStatus !=
           StreamStatus::Active) {
    }
    for (int batch = 0; batch < kRecords / 500; ++batch) {
        PutRecordsRequest put;
        put.target = StreamTarget::byName(kStream);
        for (int i = 0; i < 500; ++i)
            put.records.append(PutRecordsRequestEntry{QByteArray(100, 'x'),
                                                      QString::number(i), std::nullopt});
        if (!(*engine)->putRecords(put)) {
            std::fprintf(stderr, "put failed\n");
            std::exit(1);
        }
    }
    return std::move(*engine);
}

// An iterator 100 records before the tip.
QString iteratorOf(Engine &engine)
{
    GetShardIteratorRequest request;
    request.target = StreamTarget::byName(kStream);
    request.shardId = u"shardId-000000000000"_s;
    request.shardIteratorType = ShardIteratorType::TrimHorizon;
    QString iterator = engine.getShardIterator(request)->shardIterator;
    GetRecordsRequest skip{iterator, kRecords - 100, {}};
    return *engine.getRecords(skip)->nextShardIterator;
}

double callsPerSecond(Engine &engine, const QString &iterator, const Caller &caller)
{
    CountingSink sink;
    const GetRecordsRequest request{iterator, kLimit, {}};
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kCalls; ++i) {
        if (!engine.getRecords(request, sink, caller)) {
            std::fprintf(stderr, "get failed\n");
            std::exit(1);
        }
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (sink.bytes != qint64(kCalls) * kLimit * 100) {
        std::fprintf(stderr, "read %lld bytes\n", sink.bytes);
        std::exit(1);
    }
    return kCalls / seconds;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Caller caller{u"AKIDBENCHREADER"_s,
                        u"Boto3/1.26.27 Python/3.11.2 Linux/6.1.0-13-amd64 awscrt/1.0.0.dev0 "
                        "Botocore/1.29.27"_s,
                        u"127.0.0.1"_s};
    const auto with = openEngine(true);
    const auto without = openEngine(false);
    const QString withIterator = iteratorOf(*with);
    const QString withoutIterator = iteratorOf(*without);
    // Warm both (page cache, token codec, the registry's entry).
    callsPerSecond(*with, withIterator, caller);
    callsPerSecond(*without, withoutIterator, caller);
    std::vector<double> on;
    std::vector<double> off;
    for (int run = 0; run < kRuns; ++run) {
        on.push_back(callsPerSecond(*with, withIterator, caller));
        off.push_back(callsPerSecond(*without, withoutIterator, caller));
    }
    const double withRate = median(on);
    const double withoutRate = median(off);
    std::printf("getrecords_with_registry: %.0f calls/s\n", withRate);
    std::printf("getrecords_without_registry: %.0f calls/s\n", withoutRate);
    std::printf("reader_registry_cost: %.1f %%\n", (1.0 - withRate / withoutRate) * 100.0);
    return 0;
}
