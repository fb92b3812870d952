// ReaderRegistry on a manual clock: one entry per caller, stream and shard; the counters, the
// position shown, the rates over the last complete seconds, throttled and expired calls, the
// reading / idle / gone states and the drop after 5 minutes, and two threads recording at once.

#include "engine/clock.h"
#include "engine/readerregistry.h"

#include "kinesis/sequencenumber.h"

#include <QTest>

#include <thread>

using namespace Qt::StringLiterals;

using namespace shardscope;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000; // a whole second
const QString kStream = QStringLiteral("orders");

using Kind = ReaderRegistry::Call::Kind;

ReaderRegistry::Call iteratorAt(qint64 position)
{
    ReaderRegistry::Call call;
    call.kind = Kind::ShardIterator;
    call.position = position;
    return call;
}

ReaderRegistry::Call readOf(qint64 position, qint64 records, qint64 bytes, qint64 behindMs = 0)
{
    ReaderRegistry::Call call;
    call.kind = Kind::Read;
    call.position = position;
    call.records = records;
    call.bytes = bytes;
    if (records > 0)
        call.lastCounter = position + records - 1;
    call.millisBehindLatest = behindMs;
    return call;
}

ReaderRegistry::Call refused(Kind kind)
{
    ReaderRegistry::Call call;
    call.kind = kind;
    return call;
}

Caller caller(const QString &key, const QString &agent, const QString &peer)
{
    return Caller{key, agent, peer};
}

} // namespace

class TestReaderRegistry : public QObject
{
    Q_OBJECT

private slots:
    void attributesByCallerStreamAndShard();
    void countsReadsAndPosition();
    void positionBeforeAnyRecordIsTheIterators();
    void ratesOverCompleteSeconds();
    void countsThrottledAndExpired();
    void statesAndDrop_data();
    void statesAndDrop();
    void dropsWithoutSnapshot();
    void thisAppCaller();
    void readerUserAgent_data();
    void readerUserAgent();
    void twoThreadsRecording();
};

void TestReaderRegistry::attributesByCallerStreamAndShard()
{
    ReaderRegistry registry;
    const Caller boto = caller(u"AKIDBOTO"_s, u"Boto3/1.26.27 Python/3.11"_s, u"127.0.0.1"_s);
    const Caller cli = caller(u"AKIDCLI"_s, u"aws-cli/2.9.19 Python/3.11"_s, u"127.0.0.1"_s);
    // Same user agent and address with another key: another reader.
    const Caller boto2 = caller(u"AKIDOTHER"_s, boto.userAgent, boto.peerAddress);
    registry.record(boto, kStream, 0, readOf(10, 1, 5), kStartMs);
    registry.record(boto, kStream, 0, readOf(11, 1, 5), kStartMs);
    registry.record(cli, kStream, 0, readOf(10, 2, 5), kStartMs);
    registry.record(boto2, kStream, 0, readOf(10, 0, 0), kStartMs);
    registry.record(boto, kStream, 1, readOf(10, 0, 0), kStartMs);
    registry.record(boto, u"other"_s, 0, readOf(10, 0, 0), kStartMs);
    QCOMPARE(registry.size(), 5);

    const auto samples = registry.snapshot(kStream, kStartMs);
    QCOMPARE(samples.size(), 4);
    // By shard, then by first call.
    QCOMPARE(samples[0].reader.shardId, u"shardId-000000000000"_s);
    QCOMPARE(samples[3].reader.shardId, u"shardId-000000000001"_s);
    int botoRows = 0;
    for (const auto &sample : samples) {
        QCOMPARE(sample.reader.streamName, kStream);
        if (sample.reader.reader == boto && sample.shardIndex == 0) {
            ++botoRows;
            QCOMPARE(sample.reader.getRecordsCalls, 2);
            QCOMPARE(sample.reader.records, 2);
        }
        if (sample.reader.reader == cli)
            QCOMPARE(sample.reader.records, 2);
        if (sample.reader.reader == boto2)
            QCOMPARE(sample.reader.records, 0);
    }
    QCOMPARE(botoRows, 1);
}

void TestReaderRegistry::countsReadsAndPosition()
{
    ReaderRegistry registry;
    const Caller reader = caller(u"AKID"_s, u"kcl"_s, u"10.0.0.2"_s);
    registry.record(reader, kStream, 2, iteratorAt(100), kStartMs);
    registry.record(reader, kStream, 2, readOf(100, 3, 300, 1500), kStartMs + 10);
    registry.record(reader, kStream, 2, readOf(103, 2, 50, 20), kStartMs + 20);
    // An empty read at the tip: the last record read stays the position shown.
    registry.record(reader, kStream, 2, readOf(105, 0, 0, 0), kStartMs + 30);

    const auto samples = registry.snapshot(kStream, kStartMs + 40);
    QCOMPARE(samples.size(), 1);
    const ShardReader &r = samples[0].reader;
    QCOMPARE(r.iteratorCalls, 1);
    QCOMPARE(r.getRecordsCalls, 3);
    QCOMPARE(r.records, 5);
    QCOMPARE(r.bytes, 350);
    QCOMPARE(r.millisBehindLatest, 0);
    QCOMPARE(r.lastSequenceNumber, SequenceNumber(104, 2).toString());
    QCOMPARE(samples[0].nextCounter, std::optional<qint64>(105));
    QCOMPARE(r.firstCallMs, kStartMs);
    QCOMPARE(r.lastCallMs, kStartMs + 30);
    QCOMPARE(r.state, ReaderState::Reading);
}

void TestReaderRegistry::positionBeforeAnyRecordIsTheIterators()
{
    ReaderRegistry registry;
    const Caller reader = caller({}, u"script"_s, u"::1"_s);
    registry.record(reader, kStream, 0, iteratorAt(500), kStartMs);
    auto samples = registry.snapshot(kStream, kStartMs);
    QCOMPARE(samples[0].reader.lastSequenceNumber, SequenceNumber(500, 0).toString());
    QCOMPARE(samples[0].nextCounter, std::optional<qint64>(500));
    // A new iterator elsewhere (AT_SEQUENCE_NUMBER further back) moves the position.
    registry.record(reader, kStream, 0, iteratorAt(42), kStartMs + 1);
    samples = registry.snapshot(kStream, kStartMs + 1);
    QCOMPARE(samples[0].reader.lastSequenceNumber, SequenceNumber(42, 0).toString());
    QCOMPARE(samples[0].nextCounter, std::optional<qint64>(42));
    // Nothing known before the first call that names a position.
    ReaderRegistry fresh;
    fresh.record(reader, kStream, 0, refused(Kind::Throttled), kStartMs);
    samples = fresh.snapshot(kStream, kStartMs);
    QVERIFY(samples[0].reader.lastSequenceNumber.isEmpty());
    QVERIFY(!samples[0].nextCounter);
}

void TestReaderRegistry::ratesOverCompleteSeconds()
{
    ManualClock clock(kStartMs);
    ReaderRegistry registry;
    const Caller reader = caller(u"AKID"_s, u"poller"_s, u"127.0.0.1"_s);
    // Four calls a second of 10 records each, for 8 seconds, 250 ms apart.
    qint64 position = 0;
    for (int i = 0; i < 32; ++i) {
        registry.record(reader, kStream, 0, readOf(position, 10, 100), clock.nowMs());
        position += 10;
        clock.advanceMs(250);
    }
    // Within the first second nothing is complete: no rate yet.
    ReaderRegistry young;
    young.record(reader, kStream, 0, readOf(0, 10, 100), kStartMs);
    QCOMPARE(young.snapshot(kStream, kStartMs + 900)[0].reader.callsPerSecond, 0.0);
    QCOMPARE(young.snapshot(kStream, kStartMs + 1000)[0].reader.callsPerSecond, 1.0);
    QCOMPARE(young.snapshot(kStream, kStartMs + 2000)[0].reader.callsPerSecond, 0.5);

    auto r = registry.snapshot(kStream, clock.nowMs())[0].reader;
    QCOMPARE(r.callsPerSecond, 4.0);
    QCOMPARE(r.recordsPerSecond, 40.0);
    QCOMPARE(r.getRecordsCalls, 32);
    // Two seconds of silence: of the last five complete seconds, three had calls.
    clock.advanceMs(2000);
    r = registry.snapshot(kStream, clock.nowMs())[0].reader;
    QCOMPARE(r.callsPerSecond, 12.0 / 5);
    QCOMPARE(r.recordsPerSecond, 120.0 / 5);
    // GetShardIterator is not a GetRecords call: it moves no rate.
    registry.record(reader, kStream, 0, iteratorAt(0), clock.nowMs());
    clock.advanceMs(6000);
    r = registry.snapshot(kStream, clock.nowMs())[0].reader;
    QCOMPARE(r.callsPerSecond, 0.0);
    QCOMPARE(r.iteratorCalls, 1);
}

void TestReaderRegistry::countsThrottledAndExpired()
{
    ReaderRegistry registry;
    const Caller reader = caller(u"AKID"_s, u"greedy"_s, u"127.0.0.1"_s);
    registry.record(reader, kStream, 0, readOf(7, 1, 10), kStartMs);
    registry.record(reader, kStream, 0, refused(Kind::Throttled), kStartMs + 1);
    registry.record(reader, kStream, 0, refused(Kind::Throttled), kStartMs + 2);
    registry.record(reader, kStream, 0, refused(Kind::Expired), kStartMs + 3);
    registry.record(reader, kStream, 0, refused(Kind::Failed), kStartMs + 4);
    const ShardReader r = registry.snapshot(kStream, kStartMs + 5)[0].reader;
    QCOMPARE(r.getRecordsCalls, 5);
    QCOMPARE(r.throttledCalls, 2);
    QCOMPARE(r.expiredIterators, 1);
    QCOMPARE(r.records, 1);
    // Refused calls leave the position where the last read left it.
    QCOMPARE(r.lastSequenceNumber, SequenceNumber(7, 0).toString());
    QCOMPARE(r.lastCallMs, kStartMs + 4);
}

void TestReaderRegistry::statesAndDrop_data()
{
    QTest::addColumn<qint64>("quietMs");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("state");
    QTest::newRow("just called") << qint64(0) << 1 << int(ReaderState::Reading);
    QTest::newRow("9.999 s") << qint64(9'999) << 1 << int(ReaderState::Reading);
    QTest::newRow("10 s: idle") << qint64(10'000) << 1 << int(ReaderState::Idle);
    QTest::newRow("59.999 s") << qint64(59'999) << 1 << int(ReaderState::Idle);
    QTest::newRow("60 s: gone") << qint64(60'000) << 1 << int(ReaderState::Gone);
    QTest::newRow("4 min 59 s") << qint64(299'999) << 1 << int(ReaderState::Gone);
    QTest::newRow("5 min: dropped") << qint64(300'000) << 0 << -1;
}

void TestReaderRegistry::statesAndDrop()
{
    QFETCH(qint64, quietMs);
    QFETCH(int, rows);
    QFETCH(int, state);
    ReaderRegistry registry;
    registry.record(caller(u"AKID"_s, u"a"_s, u"127.0.0.1"_s), kStream, 0, readOf(1, 0, 0),
                    kStartMs);
    const auto samples = registry.snapshot(kStream, kStartMs + quietMs);
    QCOMPARE(samples.size(), rows);
    if (rows > 0)
        QCOMPARE(int(samples[0].reader.state), state);
    QCOMPARE(registry.size(), rows);
}

void TestReaderRegistry::dropsWithoutSnapshot()
{
    // Nobody asks for a list: the registry still forgets readers as others call.
    ReaderRegistry registry;
    for (int i = 0; i < 100; ++i)
        registry.record(caller(u"AKID"_s, QString::number(i), u"127.0.0.1"_s), kStream, 0,
                        readOf(1, 0, 0), kStartMs);
    QCOMPARE(registry.size(), 100);
    registry.record(caller(u"AKID"_s, u"late"_s, u"127.0.0.1"_s), kStream, 0, readOf(1, 0, 0),
                    kStartMs + ReaderRegistry::kDropAfterMs);
    QCOMPARE(registry.size(), 1);
}

void TestReaderRegistry::thisAppCaller()
{
    const Caller &app = Caller::thisApp();
    QVERIFY(app.isThisApp());
    QCOMPARE(app.userAgent, u"Shardscope (this app)"_s);
    QVERIFY(app.accessKeyId.isEmpty());
    QVERIFY(app.peerAddress.isEmpty());
    // A client that calls itself that over the wire comes from an address: not the app.
    QVERIFY(!caller({}, app.userAgent, u"127.0.0.1"_s).isThisApp());
}

void TestReaderRegistry::readerUserAgent_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("reader");
    QTest::newRow("boto3") << u"Boto3/1.26.27 Python/3.11.2 Linux/6.1 Botocore/1.29.27"_s
                           << u"Boto3/1.26.27 Python/3.11.2 Linux/6.1 Botocore/1.29.27"_s;
    QTest::newRow("aws-cli command")
        << u"aws-cli/2.9.19 Python/3.11.2 prompt/off command/kinesis.get-records"_s
        << u"aws-cli/2.9.19 Python/3.11.2 prompt/off"_s;
    QTest::newRow("sdk features") << u"aws-sdk-js/3.4 ua/2.0 m/E,N os/linux"_s
                                  << u"aws-sdk-js/3.4 ua/2.0 os/linux"_s;
    QTest::newRow("spaces") << u"  kcl/2.5   java/17 "_s << u"kcl/2.5 java/17"_s;
    QTest::newRow("none") << QString() << QString();
}

void TestReaderRegistry::readerUserAgent()
{
    QFETCH(QString, header);
    QFETCH(QString, reader);
    QCOMPARE(Caller::readerUserAgent(header), reader);
}

void TestReaderRegistry::twoThreadsRecording()
{
    ReaderRegistry registry;
    constexpr int kCalls = 20'000;
    const auto work = [&registry](const Caller &who) {
        for (int i = 0; i < kCalls; ++i)
            registry.record(who, kStream, quint32(i % 2), readOf(i, 1, 3), kStartMs + i / 10);
    };
    std::thread first(work, caller(u"A"_s, u"one"_s, u"127.0.0.1"_s));
    std::thread second(work, caller(u"B"_s, u"two"_s, u"127.0.0.1"_s));
    // Lists read while they record.
    for (int i = 0; i < 200; ++i)
        QVERIFY(registry.snapshot(kStream, kStartMs).size() <= 4);
    first.join();
    second.join();
    const auto samples = registry.snapshot(kStream, kStartMs + kCalls / 10);
    QCOMPARE(samples.size(), 4);
    qint64 calls = 0;
    qint64 bytes = 0;
    for (const auto &sample : samples) {
        calls += sample.reader.getRecordsCalls;
        bytes += sample.reader.bytes;
        QCOMPARE(sample.reader.getRecordsCalls, kCalls / 2);
    }
    QCOMPARE(calls, 2 * kCalls);
    QCOMPARE(bytes, 2 * 3 * kCalls);
}

QTEST_GUILESS_MAIN(TestReaderRegistry)
#include "tst_readerregistry.moc"
