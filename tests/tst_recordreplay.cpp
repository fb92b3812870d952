// RecordReplayer, RangeReader and RecordExport: replays keep partition keys, explicit hash keys
// (so shards) and per-key order, honour a rate, stop on cancel, retry throttled records and list
// the rest; range reads over a split stream by time and by sequence; exports are exact bytes and
// imports read them back, with bad lines reported by number. Every engine is in memory, on a
// ManualClock, behind an EmulatorBackend.

#include "backend/emulatorbackend.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "forwardingbackend.h"
#include "records/rangereader.h"
#include "records/recordexport.h"
#include "records/recordreplayer.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QHash>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;

// Fails, per request, the second half of the records on the first `throttledRequests` requests
// (as a shard out of budget would: everything after the first refusal), every record whose
// partition key is "doomed" (throttled forever) and every record keyed "denied" (a
// non-retryable error). The rest is put into the wrapped backend.
class FlakyBackend final : public testing::ForwardingBackend
{
public:
    explicit FlakyBackend(StreamBackend &inner, bool readOnly = false)
        : ForwardingBackend(inner), m_readOnly(readOnly)
    {
        m_pool.setMaxThreadCount(4);
    }
    ~FlakyBackend() override { m_pool.waitForDone(); }

    int throttledRequests = 0;
    int requests = 0;

    QString displayName() const override { return u"Flaky"_s; }
    bool isReadOnly() const override { return m_readOnly; }
    bool hasShardStatistics() const override { return false; }

    BackendFuture<PutRecordsResponse> putRecords(const PutRecordsRequest &request) override
    {
        const bool throttleHalf = requests++ < throttledRequests;
        QList<PutRecordsResultEntry> results(request.records.size());
        const qsizetype half = request.records.size() / 2;
        for (qsizetype i = 0; i < request.records.size(); ++i) {
            const PutRecordsRequestEntry &entry = request.records.at(i);
            if (entry.partitionKey == "denied"_L1) {
                results[i].errorCode = u"KMSAccessDeniedException"_s;
                results[i].errorMessage = u"No access to the key."_s;
            } else if (entry.partitionKey == "doomed"_L1 || (throttleHalf && i >= half)) {
                results[i].errorCode = u"ProvisionedThroughputExceededException"_s;
                results[i].errorMessage = u"Rate exceeded for shard."_s;
            }
        }
        return putRecordsExceptRefused(request, std::move(results), m_pool);
    }

private:
    bool m_readOnly;
    QThreadPool m_pool;
};

struct Harness
{
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;
    std::unique_ptr<EmulatorBackend> backend;

    bool open()
    {
        EngineOptions options; // no path: in memory
        options.clock = clock;
        // The clock stands still while thousands of records are replayed: the batches are
        // checked here, not Kinesis's per-shard rate.
        options.throughputLimits = false;
        options.createDelayMs = 0;
        options.updateDelayMs = 0;
        options.deleteDelayMs = 0;
        auto opened = Engine::open(options);
        if (!opened)
            return false;
        engine = std::move(*opened);
        backend = std::make_unique<EmulatorBackend>(*engine);
        return true;
    }

    bool createStream(const QString &name, int shards)
    {
        CreateStreamRequest request;
        request.streamName = name;
        request.shardCount = shards;
        return engine->createStream(request).has_value();
    }

    // Puts (pk, ehk, data) triples straight into the engine.
    bool put(const QString &stream, const QList<RecordEntry> &records)
    {
        for (qsizetype from = 0; from < records.size(); from += 500) {
            PutRecordsRequest request;
            request.target = StreamTarget::byName(stream);
            for (qsizetype i = from; i < std::min(records.size(), from + 500); ++i) {
                PutRecordsRequestEntry entry;
                entry.partitionKey = records.at(i).partitionKey;
                entry.data = records.at(i).data;
                if (!records.at(i).explicitHashKey.isEmpty())
                    entry.explicitHashKey = records.at(i).explicitHashKey;
                request.records.append(entry);
            }
            const auto response = engine->putRecords(request);
            if (!response || response->failedRecordCount != 0)
                return false;
        }
        return true;
    }

    // Every record of every shard, shard by shard, in shard order (straight from the engine).
    QList<RecordEntry> readAll(const QString &stream) const
    {
        QList<RecordEntry> all;
        ListShardsRequest list;
        list.target = StreamTarget::byName(stream);
        const auto shards = engine->listShards(list);
        if (!shards)
            return all;
        for (const Shard &shard : shards->shards) {
            GetShardIteratorRequest it;
            it.target = StreamTarget::byName(stream);
            it.shardId = shard.shardId;
            it.shardIteratorType = ShardIteratorType::TrimHorizon;
            auto iterator = engine->getShardIterator(it);
            std::optional<QString> next = iterator ? std::optional(iterator->shardIterator)
                                                   : std::nullopt;
            while (next) {
                GetRecordsRequest get;
                get.shardIterator = *next;
                const auto page = engine->getRecords(get);
                if (!page)
                    break;
                for (const Record &r : page->records) {
                    RecordEntry e;
                    e.shardId = shard.shardId;
                    e.sequenceNumber = r.sequenceNumber.toString();
                    e.arrivalMs = r.approximateArrivalTimestamp;
                    e.partitionKey = r.partitionKey;
                    e.explicitHashKey = r.explicitHashKey ? r.explicitHashKey->toDecimal() : QString();
                    e.data = r.data;
                    all.append(e);
                }
                if (page->records.isEmpty())
                    break;
                next = page->nextShardIterator;
            }
        }
        // The engine's sequence numbers count up across the stream: this is the put order.
        std::sort(all.begin(), all.end(), [](const RecordEntry &a, const RecordEntry &b) {
            return *SequenceNumber::parse(a.sequenceNumber) < *SequenceNumber::parse(b.sequenceNumber);
        });
        return all;
    }
};

RecordEntry keyed(const QString &pk, const QByteArray &data, const QString &ehk = {})
{
    RecordEntry record;
    record.partitionKey = pk;
    record.data = data;
    record.explicitHashKey = ehk;
    return record;
}

// n records over `keys` keys; every 7th with an explicit hash key.
QList<RecordEntry> mixed(int n, int keys)
{
    QList<RecordEntry> records;
    for (int i = 0; i < n; ++i) {
        const QString ehk = i % 7 == 0 ? QString::number(quint64(i) * 1'000'000'007ULL) : QString();
        records.append(keyed(u"key-%1"_s.arg(i % keys), u"payload %1"_s.arg(i).toUtf8(), ehk));
    }
    return records;
}

QHash<QString, QList<QByteArray>> payloadsByKey(const QList<RecordEntry> &records)
{
    QHash<QString, QList<QByteArray>> byKey;
    for (const RecordEntry &r : records)
        byKey[r.partitionKey].append(r.data);
    return byKey;
}

bool runReplay(RecordReplayer &replayer, const QList<RecordEntry> &records, StreamBackend *target,
               const QString &stream, const ReplayOptions &options, int timeoutMs = 20000)
{
    QSignalSpy finished(&replayer, &RecordReplayer::finished);
    replayer.start(records, target, stream, options);
    return finished.wait(timeoutMs) || finished.size() == 1;
}

bool runRange(RangeReader &reader, StreamBackend *backend, const QString &stream,
              const RecordRange &range)
{
    QSignalSpy finished(&reader, &RangeReader::finished);
    reader.start(backend, stream, range);
    return finished.wait(20000) || finished.size() == 1;
}

// Known records for the exact-bytes checks: commas and quotes in keys and text, binary, unicode.
QList<RecordEntry> knownRecords()
{
    RecordEntry text{u"shardId-000000000000"_s, u"49000000000000000000000000000001"_s,
                     1'700'000'000'123, u"user,1"_s, {}, QByteArray("hello \"world\"\n")};
    RecordEntry binary{u"shardId-000000000001"_s, u"49000000000000000000000000000002"_s,
                       1'700'000'000'000, u"ключ"_s, u"123"_s, QByteArray("\x00\xff\x10", 3)};
    RecordEntry unicode{u"shardId-000000000002"_s, u"49000000000000000000000000000003"_s,
                        1'700'000'001'005, u"a\"b"_s, {}, u"héllo, ünïcode ✓"_s.toUtf8()};
    return {text, binary, unicode};
}

} // namespace

class TestRecordReplay final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // RecordReplayer
    void replayKeepsKeysShardsAndOrderInAnotherStream();
    void rateIsHonoured();
    void cancelStopsAndKeepsWhatWasSent();
    void throttledRecordsAreRetriedAndSucceed();
    void permanentFailuresAreListed();
    void invalidRecordsAreListedWithoutSending();
    void readOnlyTargetIsRefused();
    void missingStreamStopsWithTheError();
    void largeReplayUsesFullBatches();
    void eachRecordPutIsReportedWhereItLanded();

    // RangeReader
    void rangeByTimeOverASplitStream();
    void rangeBySequenceOverASplitStream();
    void rangeOfOneShard();
    void rangeCancel();

    // RecordExport
    void jsonLinesExactBytes();
    void csvExactBytes();
    void jsonLinesRoundTrip();
    void importReportsBadLinesAndKeepsGoodOnes();
    void importAcceptsCliShape();
    void asyncExportWritesAndReportsProgress();
    void cancelledExportLeavesTheOldFile();
    void exportToAnUnwritablePathFails();

private:
    std::unique_ptr<Harness> m_h;
};

void TestRecordReplay::init()
{
    m_h = std::make_unique<Harness>();
    QVERIFY(m_h->open());
}

void TestRecordReplay::cleanup()
{
    m_h.reset();
}

void TestRecordReplay::replayKeepsKeysShardsAndOrderInAnotherStream()
{
    QVERIFY(m_h->createStream(u"src"_s, 4));
    QVERIFY(m_h->createStream(u"dst"_s, 4));
    QVERIFY(m_h->put(u"src"_s, mixed(600, 9)));
    const QList<RecordEntry> source = m_h->readAll(u"src"_s);
    QCOMPARE(source.size(), 600);

    RecordReplayer replayer;
    QSignalSpy progress(&replayer, &RecordReplayer::progress);
    QVERIFY(runReplay(replayer, source, m_h->backend.get(), u"dst"_s, {}));
    QVERIFY(!replayer.error());
    QCOMPARE(replayer.succeeded(), 600);
    QCOMPARE(replayer.sent(), 600);
    QCOMPARE(replayer.failed(), 0);
    QCOMPARE(replayer.retried(), 0);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(1).toLongLong(), 600);

    const QList<RecordEntry> target = m_h->readAll(u"dst"_s);
    QCOMPARE(target.size(), 600);
    // Same key, same explicit hash key, same shard; per key the same payloads in the same order.
    QHash<QByteArray, RecordEntry> sourceByPayload;
    for (const RecordEntry &r : source)
        sourceByPayload.insert(r.data, r);
    for (const RecordEntry &r : target) {
        const RecordEntry original = sourceByPayload.value(r.data);
        QCOMPARE(r.partitionKey, original.partitionKey);
        QCOMPARE(r.explicitHashKey, original.explicitHashKey);
        QCOMPARE(r.shardId, original.shardId);
    }
    QCOMPARE(payloadsByKey(target), payloadsByKey(source));
}

void TestRecordReplay::rateIsHonoured()
{
    QVERIFY(m_h->createStream(u"dst"_s, 2));
    RecordReplayer replayer;
    ReplayOptions options;
    options.recordsPerSecond = 100;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(runReplay(replayer, mixed(200, 5), m_h->backend.get(), u"dst"_s, options));
    const qint64 elapsed = timer.elapsed();
    qInfo("200 records at 100/s took %lld ms", elapsed);
    QCOMPARE(replayer.succeeded(), 200);
    QVERIFY2(elapsed >= 1500, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed < 6000, qPrintable(QString::number(elapsed)));

    // Unlimited is much faster.
    RecordReplayer fast;
    timer.restart();
    QVERIFY(runReplay(fast, mixed(200, 5), m_h->backend.get(), u"dst"_s, {}));
    QCOMPARE(fast.succeeded(), 200);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

void TestRecordReplay::cancelStopsAndKeepsWhatWasSent()
{
    QVERIFY(m_h->createStream(u"dst"_s, 1));
    RecordReplayer replayer;
    ReplayOptions options;
    options.recordsPerSecond = 200;
    QSignalSpy finished(&replayer, &RecordReplayer::finished);
    replayer.start(mixed(2000, 3), m_h->backend.get(), u"dst"_s, options);
    QTRY_VERIFY_WITH_TIMEOUT(replayer.succeeded() >= 100, 10000);
    replayer.cancel();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(replayer.wasCancelled());
    QVERIFY(!replayer.isRunning());
    const qint64 done = replayer.succeeded();
    QVERIFY(done < 2000);
    QTest::qWait(300);
    QCOMPARE(replayer.succeeded(), done); // nothing after the cancel
    const QList<RecordEntry> target = m_h->readAll(u"dst"_s);
    QCOMPARE(target.size(), done);
    // What was sent is a prefix of the list, in order.
    const QList<RecordEntry> all = mixed(2000, 3);
    for (qsizetype i = 0; i < target.size(); ++i)
        QCOMPARE(target.at(i).data, all.at(i).data);
}

void TestRecordReplay::throttledRecordsAreRetriedAndSucceed()
{
    QVERIFY(m_h->createStream(u"dst"_s, 3));
    FlakyBackend flaky(*m_h->backend);
    flaky.throttledRequests = 3;
    RecordReplayer replayer;
    ReplayOptions options;
    options.retryBaseDelayMs = 10;
    const QList<RecordEntry> records = mixed(1200, 4);
    QVERIFY(runReplay(replayer, records, &flaky, u"dst"_s, options));
    QVERIFY(!replayer.error());
    QCOMPARE(replayer.failed(), 0);
    QCOMPARE(replayer.succeeded(), 1200);
    QVERIFY(replayer.retried() >= 3 * 250 / 2); // half of three batches, at least once
    QVERIFY(flaky.requests > 3);
    const QList<RecordEntry> target = m_h->readAll(u"dst"_s);
    QCOMPARE(target.size(), 1200);
    QCOMPARE(payloadsByKey(target), payloadsByKey(records)); // order per key kept
}

void TestRecordReplay::permanentFailuresAreListed()
{
    QVERIFY(m_h->createStream(u"dst"_s, 1));
    FlakyBackend flaky(*m_h->backend);
    QList<RecordEntry> records = mixed(10, 2);
    records.insert(3, keyed(u"doomed"_s, "never"));
    records.insert(7, keyed(u"denied"_s, "no"));
    RecordReplayer replayer;
    ReplayOptions options;
    options.maxRetries = 2;
    options.retryBaseDelayMs = 5;
    QSignalSpy failedSpy(&replayer, &RecordReplayer::recordsFailed);
    QVERIFY(runReplay(replayer, records, &flaky, u"dst"_s, options));
    QVERIFY(!replayer.error());
    QCOMPARE(replayer.succeeded(), 10);
    QCOMPARE(replayer.failed(), 2);
    QCOMPARE(replayer.retried(), 2); // the doomed record, twice
    QVERIFY(!failedSpy.isEmpty());
    QList<ReplayFailure> failures = replayer.failures();
    std::sort(failures.begin(), failures.end(),
              [](const ReplayFailure &a, const ReplayFailure &b) { return a.index < b.index; });
    QCOMPARE(failures.at(0).index, 3);
    QCOMPARE(failures.at(0).errorCode, u"ProvisionedThroughputExceededException"_s);
    QCOMPARE(failures.at(0).message, u"Rate exceeded for shard."_s);
    QCOMPARE(failures.at(1).index, 7);
    QCOMPARE(failures.at(1).errorCode, u"KMSAccessDeniedException"_s);
    QCOMPARE(m_h->readAll(u"dst"_s).size(), 10);
}

void TestRecordReplay::invalidRecordsAreListedWithoutSending()
{
    QVERIFY(m_h->createStream(u"dst"_s, 1));
    QList<RecordEntry> records = mixed(4, 2);
    records.append(keyed(QString(), "no key"));
    records.append(keyed(u"k"_s, QByteArray(1024 * 1024 + 1, 'x')));
    records.append(keyed(u"k"_s, "bad ehk", u"not-a-number"_s));
    RecordReplayer replayer;
    QVERIFY(runReplay(replayer, records, m_h->backend.get(), u"dst"_s, {}));
    QVERIFY(!replayer.error());
    QCOMPARE(replayer.succeeded(), 4);
    QCOMPARE(replayer.failed(), 3);
    QCOMPARE(replayer.sent(), 4);
    for (const ReplayFailure &f : replayer.failures())
        QCOMPARE(f.errorCode, u"ValidationException"_s);
    QCOMPARE(replayer.failures().at(0).index, 4);
    QCOMPARE(m_h->readAll(u"dst"_s).size(), 4);
}

void TestRecordReplay::readOnlyTargetIsRefused()
{
    QVERIFY(m_h->createStream(u"dst"_s, 1));
    FlakyBackend readOnly(*m_h->backend, true);
    RecordReplayer replayer;
    QSignalSpy finished(&replayer, &RecordReplayer::finished);
    replayer.start(mixed(5, 1), &readOnly, u"dst"_s);
    QVERIFY(!replayer.isRunning());
    QVERIFY(replayer.error());
    QCOMPARE(replayer.error()->type, ErrorType::AccessDenied);
    QCOMPARE(replayer.error()->message,
             u"Flaky is a read-only connection: records cannot be put into it."_s);
    QVERIFY(finished.wait(2000));
    QCOMPARE(readOnly.requests, 0);
    QCOMPARE(m_h->readAll(u"dst"_s).size(), 0);
}

void TestRecordReplay::missingStreamStopsWithTheError()
{
    RecordReplayer replayer;
    QVERIFY(runReplay(replayer, mixed(5, 1), m_h->backend.get(), u"nope"_s, {}));
    QVERIFY(replayer.error());
    QCOMPARE(replayer.error()->type, ErrorType::ResourceNotFound);
    QCOMPARE(replayer.succeeded(), 0);
}

void TestRecordReplay::largeReplayUsesFullBatches()
{
    QVERIFY(m_h->createStream(u"dst"_s, 2));
    FlakyBackend counting(*m_h->backend);
    RecordReplayer replayer;
    QVERIFY(runReplay(replayer, mixed(1250, 50), &counting, u"dst"_s, {}));
    QCOMPARE(replayer.succeeded(), 1250);
    QCOMPARE(counting.requests, 3); // 500 + 500 + 250

    // 5 MiB per request: 12 records of 1 MiB take 3 requests (5 + 5 + 2, keys included).
    FlakyBackend big(*m_h->backend);
    QList<RecordEntry> large;
    for (int i = 0; i < 12; ++i)
        large.append(keyed(u"k%1"_s.arg(i), QByteArray(1000 * 1000, char('a' + i))));
    RecordReplayer bigReplayer;
    QVERIFY(runReplay(bigReplayer, large, &big, u"dst"_s, {}));
    QCOMPARE(bigReplayer.succeeded(), 12);
    QCOMPARE(big.requests, 3);
}

// Every record taken is reported once, with the shard and sequence number it got, including
// the ones that went through on a retry; refused ones are not.
void TestRecordReplay::eachRecordPutIsReportedWhereItLanded()
{
    QVERIFY(m_h->createStream(u"dst"_s, 4));
    FlakyBackend flaky(*m_h->backend);
    flaky.throttledRequests = 1;
    QList<RecordEntry> records = mixed(40, 7);
    records[5].partitionKey = u"denied"_s;
    RecordReplayer replayer;
    ReplayOptions options;
    options.retryBaseDelayMs = 5;
    QList<ReplayPut> puts;
    connect(&replayer, &RecordReplayer::recordsPut, this,
            [&puts](const QList<ReplayPut> &batch) { puts.append(batch); });
    QVERIFY(runReplay(replayer, records, &flaky, u"dst"_s, options));
    QVERIFY(replayer.retried() > 0);
    QCOMPARE(replayer.failed(), 1);
    QCOMPARE(qint64(puts.size()), replayer.succeeded());
    QCOMPARE(replayer.done(), qint64(records.size()));

    QHash<QString, RecordEntry> stored; // by sequence number
    for (const RecordEntry &record : m_h->readAll(u"dst"_s))
        stored.insert(record.sequenceNumber, record);
    QCOMPARE(stored.size(), 39);
    QSet<qsizetype> reported;
    for (const ReplayPut &put : std::as_const(puts)) {
        QVERIFY2(!reported.contains(put.index), "reported twice");
        reported.insert(put.index);
        QVERIFY(put.index != 5);
        QVERIFY2(stored.contains(put.sequenceNumber), qPrintable(put.sequenceNumber));
        const RecordEntry &landed = stored.value(put.sequenceNumber);
        QCOMPARE(landed.shardId, put.shardId);
        QCOMPARE(landed.partitionKey, records.at(put.index).partitionKey);
        QCOMPARE(landed.data, records.at(put.index).data);
    }
}

void TestRecordReplay::rangeByTimeOverASplitStream()
{
    QVERIFY(m_h->createStream(u"s"_s, 1));
    const QList<RecordEntry> all = mixed(150, 6);
    QVERIFY(m_h->put(u"s"_s, all.mid(0, 50))); // t0, shard 0
    m_h->clock->advanceMs(1000);
    SplitShardRequest split;
    split.target = StreamTarget::byName(u"s"_s);
    split.shardToSplit = u"shardId-000000000000"_s;
    split.newStartingHashKey = u"170141183460469231731687303715884105728"_s;
    QVERIFY(m_h->engine->splitShard(split));
    m_h->clock->advanceMs(1000);
    QVERIFY(m_h->put(u"s"_s, all.mid(50, 50))); // t0 + 2 s, children
    m_h->clock->advanceMs(1000);
    QVERIFY(m_h->put(u"s"_s, all.mid(100, 50))); // t0 + 3 s
    m_h->clock->advanceMs(1000);

    RangeReader reader;
    QSignalSpy progress(&reader, &RangeReader::progress);
    QVERIFY(runRange(reader, m_h->backend.get(), u"s"_s,
                     RecordRange::byTime(kStartMs + 2000, kStartMs + 2000)));
    QVERIFY(!reader.error());
    QCOMPARE(reader.records().size(), 50);
    QSet<QString> shards;
    for (const RecordEntry &r : reader.records()) {
        QCOMPARE(r.arrivalMs, kStartMs + 2000);
        shards.insert(r.shardId);
    }
    QCOMPARE(shards, (QSet<QString>{u"shardId-000000000001"_s, u"shardId-000000000002"_s}));
    QCOMPARE(payloadsByKey(reader.records()), payloadsByKey(all.mid(50, 50)));
    QVERIFY(!progress.isEmpty());

    // The whole time span, parent and children, in arrival order.
    RangeReader whole;
    QVERIFY(runRange(whole, m_h->backend.get(), u"s"_s,
                     RecordRange::byTime(kStartMs - 1000, kStartMs + 3500)));
    QCOMPARE(whole.records().size(), 150);
    QCOMPARE(whole.shardsDone(), 3);
    for (qsizetype i = 1; i < whole.records().size(); ++i)
        QVERIFY(whole.records().at(i - 1).arrivalMs <= whole.records().at(i).arrivalMs);
    QCOMPARE(payloadsByKey(whole.records()), payloadsByKey(all));
}

void TestRecordReplay::rangeBySequenceOverASplitStream()
{
    QVERIFY(m_h->createStream(u"s"_s, 1));
    const QList<RecordEntry> all = mixed(90, 4);
    QVERIFY(m_h->put(u"s"_s, all.mid(0, 30)));
    m_h->clock->advanceMs(1000);
    SplitShardRequest split;
    split.target = StreamTarget::byName(u"s"_s);
    split.shardToSplit = u"shardId-000000000000"_s;
    split.newStartingHashKey = u"170141183460469231731687303715884105728"_s;
    QVERIFY(m_h->engine->splitShard(split));
    m_h->clock->advanceMs(1000);
    QVERIFY(m_h->put(u"s"_s, all.mid(30, 60)));
    m_h->clock->advanceMs(1000);

    QList<RecordEntry> stored = m_h->readAll(u"s"_s);
    QCOMPARE(stored.size(), 90);
    std::sort(stored.begin(), stored.end(), [](const RecordEntry &a, const RecordEntry &b) {
        return *SequenceNumber::parse(a.sequenceNumber) < *SequenceNumber::parse(b.sequenceNumber);
    });
    // From the 10th record (parent shard) to the 70th (a child).
    const QString from = stored.at(10).sequenceNumber;
    const QString to = stored.at(70).sequenceNumber;
    QCOMPARE(stored.at(10).shardId, u"shardId-000000000000"_s);
    QVERIFY(stored.at(70).shardId != u"shardId-000000000000"_s);
    RangeReader reader;
    QVERIFY(runRange(reader, m_h->backend.get(), u"s"_s, RecordRange::bySequence(from, to)));
    QVERIFY(!reader.error());
    QList<RecordEntry> read = reader.records();
    QCOMPARE(read.size(), 61);
    std::sort(read.begin(), read.end(), [](const RecordEntry &a, const RecordEntry &b) {
        return *SequenceNumber::parse(a.sequenceNumber) < *SequenceNumber::parse(b.sequenceNumber);
    });
    QCOMPARE(read, stored.mid(10, 61));
}

void TestRecordReplay::rangeOfOneShard()
{
    QVERIFY(m_h->createStream(u"s"_s, 4));
    QVERIFY(m_h->put(u"s"_s, mixed(200, 20)));
    m_h->clock->advanceMs(10);
    RecordRange range = RecordRange::byTime(kStartMs, kStartMs + 5);
    range.shardIds = {u"shardId-000000000002"_s};
    RangeReader reader;
    QVERIFY(runRange(reader, m_h->backend.get(), u"s"_s, range));
    QList<RecordEntry> expected;
    for (const RecordEntry &r : m_h->readAll(u"s"_s))
        if (r.shardId == u"shardId-000000000002"_s)
            expected.append(r);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(reader.records(), expected);
}

void TestRecordReplay::rangeCancel()
{
    QVERIFY(m_h->createStream(u"s"_s, 8));
    QVERIFY(m_h->put(u"s"_s, mixed(400, 40)));
    m_h->clock->advanceMs(10);
    RangeReader reader;
    QSignalSpy finished(&reader, &RangeReader::finished);
    reader.start(m_h->backend.get(), u"s"_s, RecordRange::byTime(kStartMs, kStartMs + 5));
    QVERIFY(reader.isRunning());
    reader.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!reader.isRunning());
    QVERIFY(reader.records().size() < 400);
    QTest::qWait(200); // late answers are dropped
    QCOMPARE(finished.size(), 1);
}

void TestRecordReplay::jsonLinesExactBytes()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(RecordExport::write(buffer, ExportFormat::JsonLines, knownRecords()));
    const QByteArray expected =
        R"({"ShardId":"shardId-000000000000","SequenceNumber":"49000000000000000000000000000001","ApproximateArrivalTimestamp":"2023-11-14T22:13:20.123Z","PartitionKey":"user,1","Data":"aGVsbG8gIndvcmxkIgo=","DataText":"hello \"world\"\n"})"
        "\n"
        R"({"ShardId":"shardId-000000000001","SequenceNumber":"49000000000000000000000000000002","ApproximateArrivalTimestamp":"2023-11-14T22:13:20.000Z","PartitionKey":"ключ","ExplicitHashKey":"123","Data":"AP8Q"})"
        "\n"
        R"({"ShardId":"shardId-000000000002","SequenceNumber":"49000000000000000000000000000003","ApproximateArrivalTimestamp":"2023-11-14T22:13:21.005Z","PartitionKey":"a\"b","Data":"aMOpbGxvLCDDvG7Dr2NvZGUg4pyT","DataText":"héllo, ünïcode ✓"})"
        "\n"_ba;
    QCOMPARE(buffer.data(), expected);
    // Control characters are escaped.
    QVERIFY(RecordExport::jsonLine(keyed(u"k"_s, QByteArray("a\x01\tb", 4)))
                .endsWith(R"("YQEJYg==","DataText":"a\u0001\tb"})" "\n"));
}

void TestRecordReplay::csvExactBytes()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(RecordExport::write(buffer, ExportFormat::Csv, knownRecords()));
    const QByteArray expected =
        "ShardId,SequenceNumber,ApproximateArrivalTimestamp,PartitionKey,ExplicitHashKey,"
        "DataEncoding,Data\r\n"
        "shardId-000000000000,49000000000000000000000000000001,2023-11-14T22:13:20.123Z,"
        "\"user,1\",,text,\"hello \"\"world\"\"\n\"\r\n"
        "shardId-000000000001,49000000000000000000000000000002,2023-11-14T22:13:20.000Z,"
        "ключ,123,base64,AP8Q\r\n"
        "shardId-000000000002,49000000000000000000000000000003,2023-11-14T22:13:21.005Z,"
        "\"a\"\"b\",,text,\"héllo, ünïcode ✓\"\r\n"_ba;
    QCOMPARE(buffer.data(), expected);
    // Valid UTF-8 with a control character is not "text".
    QVERIFY(RecordExport::csvRow(keyed(u"k"_s, QByteArray("a\x01", 2))).endsWith(",base64,YQE=\r\n"));
}

void TestRecordReplay::jsonLinesRoundTrip()
{
    QList<RecordEntry> records = knownRecords();
    records.append(keyed(u"empty"_s, QByteArray()));
    records.append(keyed(u"bom"_s, "\xEF\xBB\xBFtext"));
    records.append(keyed(u"ctl"_s, QByteArray("\x00\x1f\x7f", 3)));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.jsonl"_s);
    const auto written = RecordExport::writeFile(path, ExportFormat::JsonLines, records);
    QVERIFY(written);
    QCOMPARE(written->records, records.size());
    QCOMPARE(written->bytes, QFileInfo(path).size());
    const auto read = RecordExport::readFile(path);
    QVERIFY(read);
    QVERIFY(read->errors.isEmpty());
    QCOMPARE(read->lines, records.size());
    QCOMPARE(read->records, records);
}

void TestRecordReplay::importReportsBadLinesAndKeepsGoodOnes()
{
    const QByteArray good1 = RecordExport::jsonLine(knownRecords().at(0));
    const QByteArray good2 = RecordExport::jsonLine(knownRecords().at(1));
    QByteArray file = good1;
    file += "not json\n";
    file += "\n";
    file += R"({"PartitionKey":"k","Data":"!!!"})" "\n";
    file += R"({"Data":"aGk="})" "\r\n";
    file += R"([1,2])" "\n";
    file += R"({"PartitionKey":"k","Data":"aGk=","DataText":"ho"})" "\n";
    file += R"({"PartitionKey":"k","DataText":"only text","ApproximateArrivalTimestamp":"yesterday"})" "\n";
    file += good2;
    file += R"({"PartitionKey":"k","DataText":"no newline at the end"})";
    QBuffer buffer(&file);
    buffer.open(QIODevice::ReadOnly);
    const ImportResult result = RecordExport::read(buffer);
    QCOMPARE(result.lines, 9);
    QCOMPARE(result.records.size(), 3);
    QCOMPARE(result.records.at(0), knownRecords().at(0));
    QCOMPARE(result.records.at(1), knownRecords().at(1));
    QCOMPARE(result.records.at(2).data, "no newline at the end"_ba);
    QCOMPARE(result.errors.size(), 6);
    QCOMPARE(result.errors.at(0).line, 2);
    QVERIFY2(result.errors.at(0).message.startsWith(u"Not valid JSON at column "_s),
             qPrintable(result.errors.at(0).message));
    QCOMPARE(result.errors.at(1), (ImportLineError{4, u"Data is not valid base64."_s}));
    QCOMPARE(result.errors.at(2), (ImportLineError{5, u"PartitionKey is missing or empty."_s}));
    QCOMPARE(result.errors.at(3), (ImportLineError{6, u"Expected a JSON object."_s}));
    QCOMPARE(result.errors.at(4), (ImportLineError{7, u"Data and DataText disagree."_s}));
    QCOMPARE(result.errors.at(5).line, 8);
    QVERIFY(result.errors.at(5).message.contains(u"yesterday"_s));
}

void TestRecordReplay::importAcceptsCliShape()
{
    // `aws kinesis get-records` prints epoch seconds and no ShardId.
    const auto record = RecordExport::parseJsonLine(
        R"({"SequenceNumber":"4959","ApproximateArrivalTimestamp":1700000000.25,"Data":"aGk=","PartitionKey":"p"})");
    QVERIFY(record);
    QCOMPARE(record->arrivalMs, 1'700'000'000'250);
    QCOMPARE(record->data, "hi"_ba);
    QCOMPARE(record->sequenceNumber, u"4959"_s);
    QVERIFY(record->shardId.isEmpty());
}

void TestRecordReplay::asyncExportWritesAndReportsProgress()
{
    QList<RecordEntry> records;
    for (int i = 0; i < 20000; ++i)
        records.append(keyed(u"k%1"_s.arg(i % 10), u"row %1"_s.arg(i).toUtf8()));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"big.csv"_s);
    QFutureWatcher<std::expected<ExportSummary, QString>> watcher;
    QSignalSpy progress(&watcher, &QFutureWatcherBase::progressValueChanged);
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(RecordExport::writeFileAsync(path, ExportFormat::Csv, records));
    QVERIFY(finished.wait(20000));
    const auto summary = watcher.result();
    QVERIFY(summary);
    QCOMPARE(summary->records, 20000);
    QCOMPARE(summary->bytes, QFileInfo(path).size());
    QCOMPARE(watcher.progressMaximum(), 20000);
    QCOMPARE(watcher.progressValue(), 20000);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 20002); // header, rows, and the empty tail after the last "\r\n"
    QCOMPARE(lines.at(20000), ",,1970-01-01T00:00:00.000Z,k9,,text,row 19999\r"_ba);

    // And back, off the thread.
    const QString jsonl = dir.filePath(u"big.jsonl"_s);
    QVERIFY(RecordExport::writeFile(jsonl, ExportFormat::JsonLines, records));
    QFutureWatcher<std::expected<ImportResult, QString>> reader;
    QSignalSpy readDone(&reader, &QFutureWatcherBase::finished);
    reader.setFuture(RecordExport::readFileAsync(jsonl));
    QVERIFY(readDone.wait(20000));
    QVERIFY(reader.result());
    QCOMPARE(reader.result()->records.size(), 20000);
    QCOMPARE(reader.result()->records.last(), records.last());
}

void TestRecordReplay::cancelledExportLeavesTheOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"keep.jsonl"_s);
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old content\n");
    }
    QList<RecordEntry> records(300000, keyed(u"k"_s, QByteArray(100, 'x')));
    // Cancelled part-way through (synchronously, so the point is known).
    qint64 seen = 0;
    const auto summary = RecordExport::writeFile(
        path, ExportFormat::JsonLines, records, [&seen] { return seen >= 50000; },
        [&seen](qint64 done) { seen = done; });
    QVERIFY(summary);
    QVERIFY(summary->cancelled);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), "old content\n"_ba);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"keep.jsonl"_s});

    // Cancelling the future: no result, the old file untouched.
    auto future = RecordExport::writeFileAsync(path, ExportFormat::JsonLines, records);
    future.cancel();
    future.waitForFinished();
    QVERIFY(future.isCanceled());
    QCOMPARE(future.resultCount(), 0);
    file.seek(0);
    QCOMPARE(file.readAll(), "old content\n"_ba);
}

void TestRecordReplay::exportToAnUnwritablePathFails()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"missing/dir/out.jsonl"_s);
    const auto summary = RecordExport::writeFile(path, ExportFormat::JsonLines, knownRecords());
    QVERIFY(!summary);
    QVERIFY2(summary.error().startsWith(u"Could not write "_s + path), qPrintable(summary.error()));
    const auto read = RecordExport::readFile(path);
    QVERIFY(!read);
    QVERIFY(read.error().startsWith(u"Could not read "_s));
}

QTEST_GUILESS_MAIN(TestRecordReplay)
#include "tst_recordreplay.moc"
