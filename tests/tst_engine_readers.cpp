// Engine::shardReaders through the engine, in process, on a manual clock: GetShardIterator and
// GetRecords attributed to their callers (the app's own by default; an iterator used by
// another caller counts for the one calling GetRecords), the position, the records, bytes and
// MillisBehindLatest behind it after puts, throttled calls and expired iterators, idle and gone
// on the engine's clock, an unknown stream, and the registry switched off.

#include "expectedassert.h"

#include "engine/clock.h"
#include "engine/engine.h"
#include "kinesis/api.h"
#include "kinesis/error.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStart = 1'700'000'000'000;
constexpr qint64 kDelay = 500;
const QString kStream = u"orders"_s;
const QString kShard0 = u"shardId-000000000000"_s;
const Caller kBoto{u"AKIDBOTO"_s, u"Boto3/1.26.27 Python/3.11.2"_s, u"127.0.0.1"_s};

struct Env
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStart);
    std::unique_ptr<Engine> engine;

    QString open(bool registry = true, bool limits = false)
    {
        if (!dir.isValid())
            return u"temporary directory: "_s + dir.errorString();
        EngineOptions options;
        options.databasePath = dir.filePath(u"e.db"_s);
        options.clock = clock;
        options.createDelayMs = kDelay;
        options.throughputLimits = limits;
        options.readerRegistry = registry;
        auto opened = Engine::open(options);
        if (!opened)
            return opened.error().message;
        engine = std::move(*opened);
        CreateStreamRequest create;
        create.streamName = kStream;
        create.shardCount = 1;
        if (auto created = engine->createStream(create); !created)
            return created.error().message;
        clock->advanceMs(kDelay);
        return {};
    }

    QString put(qsizetype bytes)
    {
        PutRecordRequest r;
        r.target = StreamTarget::byName(kStream);
        r.data = QByteArray(bytes, 'x');
        r.partitionKey = u"k"_s;
        auto put = engine->putRecord(r);
        return put ? put->sequenceNumber.toString() : QString();
    }

    QString iterator(ShardIteratorType type, const Caller &caller = Caller::thisApp())
    {
        GetShardIteratorRequest r;
        r.target = StreamTarget::byName(kStream);
        r.shardId = kShard0;
        r.shardIteratorType = type;
        auto it = engine->getShardIterator(r, caller);
        return it ? it->shardIterator : QString();
    }

    std::expected<GetRecordsResponse, Error> read(const QString &iterator, int limit,
                                                  const Caller &caller = Caller::thisApp())
    {
        return engine->getRecords(GetRecordsRequest{iterator, limit, {}}, caller);
    }

    // The entry of `caller`, or one with an empty shard id when there is none.
    ShardReader readerOf(const Caller &caller)
    {
        const auto readers = engine->shardReaders(kStream);
        if (readers) {
            for (const ShardReader &r : *readers) {
                if (r.reader == caller)
                    return r;
            }
        }
        return {};
    }
};

#define OPEN_ENV(env, ...)                                                                         \
    Env env;                                                                                       \
    do {                                                                                           \
        const QString problem_ = env.open(__VA_ARGS__);                                            \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (false)

} // namespace

class TestEngineReaders : public QObject
{
    Q_OBJECT

private slots:
    void attributesIteratorAndReads();
    void lagAfterPuts();
    void throttledAndExpired();
    void idleAndGoneOnTheEngineClock();
    void unknownStream();
    void registryOff();
};

void TestEngineReaders::attributesIteratorAndReads()
{
    OPEN_ENV(env);
    QVERIFY(env.engine->shardReaders(kStream)->isEmpty());
    const QString first = env.put(10);
    const QString second = env.put(20);
    QVERIFY(!second.isEmpty());

    // The app's own GetShardIterator, then boto's GetRecords with that iterator.
    const QString iterator = env.iterator(ShardIteratorType::TrimHorizon);
    QVERIFY(!iterator.isEmpty());
    const auto page = env.read(iterator, 1, kBoto);
    VERIFY_OK(page);
    QCOMPARE(page->records.size(), 1);

    const auto readers = env.engine->shardReaders(kStream);
    VERIFY_OK(readers);
    QCOMPARE(readers->size(), 2);
    const ShardReader app = env.readerOf(Caller::thisApp());
    QCOMPARE(app.shardId, kShard0);
    QCOMPARE(app.iteratorCalls, 1);
    QCOMPARE(app.getRecordsCalls, 0);
    const ShardReader boto = env.readerOf(kBoto);
    QCOMPARE(boto.shardId, kShard0);
    QCOMPARE(boto.streamName, kStream);
    QCOMPARE(boto.iteratorCalls, 0);
    QCOMPARE(boto.getRecordsCalls, 1);
    QCOMPARE(boto.records, 1);
    QCOMPARE(boto.bytes, 10);
    QCOMPARE(boto.lastSequenceNumber, first);
    QCOMPARE(boto.lastCallMs, env.clock->nowMs());
    QCOMPARE(boto.state, ReaderState::Reading);
    // What boto has not read yet: the second record.
    QCOMPARE(boto.recordsBehind, 1);
    QCOMPARE(boto.bytesBehind, 20);

    // Reading on with the next iterator: at the tip, nothing behind.
    const auto rest = env.read(*page->nextShardIterator, 10, kBoto);
    VERIFY_OK(rest);
    const ShardReader after = env.readerOf(kBoto);
    QCOMPARE(after.getRecordsCalls, 2);
    QCOMPARE(after.records, 2);
    QCOMPARE(after.bytes, 30);
    QCOMPARE(after.lastSequenceNumber, second);
    QCOMPARE(after.recordsBehind, 0);
    QCOMPARE(after.bytesBehind, 0);
    QCOMPARE(after.millisBehindLatest, 0);

    // An empty read at the tip keeps the last record as the position.
    VERIFY_OK(env.read(*rest->nextShardIterator, 10, kBoto));
    QCOMPARE(env.readerOf(kBoto).lastSequenceNumber, second);
    QCOMPARE(env.readerOf(kBoto).getRecordsCalls, 3);
}

void TestEngineReaders::lagAfterPuts()
{
    OPEN_ENV(env);
    const QString iterator = env.iterator(ShardIteratorType::Latest, kBoto);
    // LATEST on an empty shard: the position is the iterator's.
    ShardReader boto = env.readerOf(kBoto);
    QCOMPARE(boto.iteratorCalls, 1);
    QVERIFY(!boto.lastSequenceNumber.isEmpty());
    QCOMPARE(boto.recordsBehind, 0);

    QStringList sequences;
    for (int i = 0; i < 10; ++i)
        sequences.append(env.put(100 + i));
    boto = env.readerOf(kBoto);
    QCOMPARE(boto.recordsBehind, 10);
    QCOMPARE(boto.bytesBehind, 10 * 100 + 45);

    env.clock->advanceMs(3000);
    const auto page = env.read(iterator, 4, kBoto);
    VERIFY_OK(page);
    QCOMPARE(page->records.size(), 4);
    QCOMPARE(page->millisBehindLatest, 3000);
    boto = env.readerOf(kBoto);
    QCOMPARE(boto.lastSequenceNumber, sequences[3]);
    QCOMPARE(boto.recordsBehind, 6);
    QCOMPARE(boto.bytesBehind, 6 * 100 + (4 + 5 + 6 + 7 + 8 + 9));
    QCOMPARE(boto.millisBehindLatest, 3000);
    QCOMPARE(boto.records, 4);

    // More puts: further behind, from the same position.
    env.put(1000);
    env.put(1000);
    boto = env.readerOf(kBoto);
    QCOMPARE(boto.recordsBehind, 8);
    QCOMPARE(boto.bytesBehind, 6 * 100 + 39 + 2000);
}

void TestEngineReaders::throttledAndExpired()
{
    OPEN_ENV(env, true, true);
    env.put(5);
    QString iterator = env.iterator(ShardIteratorType::TrimHorizon, kBoto);
    // A shard allows 5 GetRecords calls a second: within one second of the manual clock, the
    // sixth and later are refused.
    int throttled = 0;
    for (int i = 0; i < 8; ++i) {
        const auto page = env.read(iterator, 10, kBoto);
        if (!page) {
            QCOMPARE(page.error().type, ErrorType::ProvisionedThroughputExceeded);
            ++throttled;
        }
    }
    QVERIFY(throttled >= 3);
    ShardReader boto = env.readerOf(kBoto);
    QCOMPARE(boto.getRecordsCalls, 8);
    QCOMPARE(boto.throttledCalls, throttled);
    QCOMPARE(boto.expiredIterators, 0);

    // An iterator older than its 5 minutes: ExpiredIteratorException, counted for its shard
    // (the reader, quiet for as long, had been forgotten: it counts anew).
    env.clock->advanceMs(env.engine->options().iteratorLifetimeMs + 1000);
    VERIFY_ERROR(env.read(iterator, 10, kBoto), ErrorType::ExpiredIterator);
    boto = env.readerOf(kBoto);
    QCOMPARE(boto.shardId, kShard0);
    QCOMPARE(boto.expiredIterators, 1);
    QCOMPARE(boto.getRecordsCalls, 1);
    QCOMPARE(boto.throttledCalls, 0);
    QCOMPARE(boto.lastCallMs, env.clock->nowMs());

    // An iterator that is not one of ours names no shard: nothing is recorded.
    VERIFY_ERROR(env.read(u"AAAAAAAAAAAAAAAA"_s, 10, kBoto), ErrorType::InvalidArgument);
    QCOMPARE(env.readerOf(kBoto).getRecordsCalls, 1);
}

void TestEngineReaders::idleAndGoneOnTheEngineClock()
{
    OPEN_ENV(env);
    const QString iterator = env.iterator(ShardIteratorType::TrimHorizon, kBoto);
    VERIFY_OK(env.read(iterator, 10, kBoto));
    QCOMPARE(env.readerOf(kBoto).state, ReaderState::Reading);
    env.clock->advanceMs(10'000);
    QCOMPARE(env.readerOf(kBoto).state, ReaderState::Idle);
    env.clock->advanceMs(50'000);
    QCOMPARE(env.readerOf(kBoto).state, ReaderState::Gone);
    env.clock->advanceMs(240'000);
    QCOMPARE(env.engine->shardReaders(kStream)->size(), 0);
}

void TestEngineReaders::unknownStream()
{
    OPEN_ENV(env);
    VERIFY_ERROR(env.engine->shardReaders(u"nope"_s), ErrorType::ResourceNotFound);
}

void TestEngineReaders::registryOff()
{
    OPEN_ENV(env, false);
    env.put(5);
    const QString iterator = env.iterator(ShardIteratorType::TrimHorizon, kBoto);
    const auto page = env.read(iterator, 10, kBoto);
    VERIFY_OK(page);
    QCOMPARE(page->records.size(), 1); // reads are as before
    const auto readers = env.engine->shardReaders(kStream);
    VERIFY_OK(readers);
    QVERIFY(readers->isEmpty());
}

QTEST_GUILESS_MAIN(TestEngineReaders)
#include "tst_engine_readers.moc"
