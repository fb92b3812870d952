// FanOutReader against a backend whose SubscribeToShard subscriptions the test plays by hand
// (FakeSubscription), over the embedded emulator for everything else (the shard list): which
// shards it subscribes to and from where, the records it hands on (the same RecordEntry values
// as TailReader) in arrival order, renewal after a subscription's lifetime from the last
// ContinuationSequenceNumber, children after all their parents, ResourceInUseException and
// other errors, pause and resume, MillisBehindLatest per shard, and a backend that cannot
// subscribe at all. Then over the EmulatorBackend's real subscriptions: every record across a
// split and a merge, once each, parents before children; and a subscription that reaches its
// 5-minute lifetime (the engine's clock moved on) renewed without losing or repeating a record.

#include "backend/emulatorbackend.h"
#include "backend/futureutils.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "fakesubscription.h"
#include "kinesis/limits.h"
#include "kinesis/sequencenumber.h"
#include "kinesis/shardid.h"
#include "records/fanoutreader.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace shardscope;
using testing::FakeSubscribeBackend;
using testing::FakeSubscription;

namespace {

const QString kConsumer = u"arn:aws:kinesis:us-east-1:000000000000:stream/s/consumer/c:1"_s;

template<typename T>
T await(const QFuture<T> &future, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < timeoutMs)
        QTest::qWait(1);
    return future.result();
}

QString shard(int index)
{
    return ShardId::format(quint32(index));
}

Record record(int shardIndex, qint64 arrivalMs, int tieBreaker, const QString &key)
{
    Record r;
    r.sequenceNumber = SequenceNumber(SequenceNumber::counterAt(arrivalMs) + tieBreaker, quint32(shardIndex));
    r.approximateArrivalTimestamp = arrivalMs;
    r.partitionKey = key;
    r.data = key.toUtf8() + "-payload";
    return r;
}

SubscribeToShardEvent eventOf(QList<Record> records, qint64 millisBehind = 0)
{
    SubscribeToShardEvent e;
    e.records = std::move(records);
    e.millisBehindLatest = millisBehind;
    e.continuationSequenceNumber = e.records.isEmpty() ? u"1"_s : e.records.back().sequenceNumber.toString();
    return e;
}

// The last event of a closed shard: no continuation, the children.
SubscribeToShardEvent lastEvent(const QList<ChildShard> &children)
{
    SubscribeToShardEvent e;
    e.childShards = children;
    return e;
}

QStringList keysOf(const QList<RecordEntry> &records)
{
    QStringList keys;
    for (const RecordEntry &r : records)
        keys.append(r.partitionKey);
    return keys;
}

} // namespace

class TestFanOutReader : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_emulator;
    std::unique_ptr<FakeSubscribeBackend> m_backend;
    QList<RecordEntry> m_received;

    void createStream(const QString &name, int shards)
    {
        QVERIFY(await(m_emulator->createStream(CreateStreamRequest{name, shards, {}, {}, {}})).has_value());
        QTRY_COMPARE(await(m_emulator->describeStreamSummary(StreamTarget::byName(name)))->streamStatus,
                     StreamStatus::Active);
    }

    // Starts `reader` on stream "s" and waits for its first subscriptions.
    void startReading(FanOutReader &reader, const TailStart &start, int subscriptions)
    {
        reader.setConsumerArn(kConsumer);
        connect(&reader, &RecordReader::recordsReceived, this,
                [this](const QList<RecordEntry> &records) { m_received.append(records); });
        QVERIFY(reader.start(m_backend.get(), u"s"_s, start).has_value());
        QCOMPARE(reader.state(), RecordReader::State::Running);
        QTRY_COMPARE(m_backend->requests().size(), subscriptions);
    }

    void openEngine(bool manualClock)
    {
        m_backend.reset();
        m_emulator.reset();
        m_engine.reset();
        EngineOptions options;
        options.createDelayMs = 0;
        options.deleteDelayMs = 0;
        options.updateDelayMs = 0;
        m_clock = manualClock ? std::make_shared<ManualClock>(QDateTime::currentMSecsSinceEpoch()) : nullptr;
        if (m_clock)
            options.clock = m_clock;
        auto engine = Engine::open(options);
        QVERIFY(engine.has_value());
        m_engine = std::move(*engine);
        m_emulator = std::make_unique<EmulatorBackend>(*m_engine);
        m_backend = std::make_unique<FakeSubscribeBackend>(*m_emulator);
        m_received.clear();
        createStream(u"s"_s, 2);
    }

    // An ACTIVE consumer of stream `name` on the emulator.
    QString registerConsumer(const QString &name)
    {
        const auto summary = await(m_emulator->describeStreamSummary(StreamTarget::byName(name)));
        if (!summary)
            return {};
        const auto consumer = await(m_emulator->registerStreamConsumer({summary->streamArn, u"tail"_s, {}}));
        if (!consumer)
            return {};
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000) {
            const auto described =
                await(m_emulator->describeStreamConsumer(ConsumerTarget::byArn(consumer->consumerArn)));
            if (described && described->consumerStatus == ConsumerStatus::Active)
                return consumer->consumerArn;
            QTest::qWait(20);
        }
        return {};
    }

    // Puts `count` records; their (shard, sequence number) keys.
    QStringList put(const QString &stream, int count)
    {
        PutRecordsRequest request{StreamTarget::byName(stream), {}};
        for (int i = 0; i < count; ++i) {
            const int n = m_serial++;
            request.records.append({u"payload-%1"_s.arg(n).toUtf8(), u"key-%1"_s.arg(n), {}});
        }
        QStringList keys;
        const auto response = await(m_emulator->putRecords(request));
        if (!response || response->failedRecordCount != 0)
            return keys;
        for (const auto &entry : response->records)
            keys.append(entry.shardId + u'/' + entry.sequenceNumber->toString());
        return keys;
    }

    QStringList receivedKeys() const
    {
        QStringList keys;
        for (const RecordEntry &r : m_received)
            keys.append(r.shardId + u'/' + r.sequenceNumber);
        return keys;
    }

    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }

    int m_serial = 0;

private slots:
    void init() { openEngine(false); }

    void cleanup()
    {
        m_backend.reset();
        m_emulator.reset();
        m_engine.reset();
    }

    void needsAConsumerAndAConnection()
    {
        FanOutReader reader;
        QVERIFY(!reader.start(m_backend.get(), u"s"_s, {}).has_value());
        reader.setConsumerArn(kConsumer);
        QVERIFY(!reader.start(nullptr, u"s"_s, {}).has_value());
        const auto noShard =
            reader.start(m_backend.get(), u"s"_s, TailStart{ShardIteratorType::AtSequenceNumber, {}, u"12"_s, 0});
        QVERIFY(!noShard.has_value());
        QCOMPARE(noShard.error(), u"Choose the shard this sequence number belongs to."_s);
        QCOMPARE(reader.state(), RecordReader::State::Stopped);
        QVERIFY(m_backend->requests().isEmpty());
    }

    void subscribesEveryShardFromTheStartPosition_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("LATEST") << int(ShardIteratorType::Latest);
        QTest::newRow("TRIM_HORIZON") << int(ShardIteratorType::TrimHorizon);
        QTest::newRow("AT_TIMESTAMP") << int(ShardIteratorType::AtTimestamp);
    }

    void subscribesEveryShardFromTheStartPosition()
    {
        QFETCH(int, type);
        FanOutReader reader;
        TailStart start;
        start.type = ShardIteratorType(type);
        start.timestampMs = 1'700'000'000'000;
        startReading(reader, start, 2);
        QCOMPARE(reader.activeShardCount(), 2);
        for (int i = 0; i < 2; ++i) {
            const auto requests = m_backend->requestsFor(shard(i));
            QCOMPARE(requests.size(), 1);
            QCOMPARE(requests[0].consumerArn, kConsumer);
            QCOMPARE(int(requests[0].startingPosition.type), type);
            QCOMPARE(requests[0].startingPosition.timestamp.has_value(),
                     start.type == ShardIteratorType::AtTimestamp);
            if (start.type == ShardIteratorType::AtTimestamp)
                QCOMPARE(*requests[0].startingPosition.timestamp, start.timestampMs);
        }
    }

    void oneShardAtASequenceNumber()
    {
        FanOutReader reader;
        const QString number = SequenceNumber(SequenceNumber::counterAt(1'700'000'000'000), 1).toString();
        startReading(reader, TailStart{ShardIteratorType::AfterSequenceNumber, {}, number, 0}, 1);
        QTest::qWait(50);
        QCOMPARE(m_backend->requests().size(), 1); // shard 0 is not read
        const auto request = m_backend->requests().first();
        QCOMPARE(request.shardId, shard(1));
        QCOMPARE(request.startingPosition.type, ShardIteratorType::AfterSequenceNumber);
        QCOMPARE(request.startingPosition.sequenceNumber.value_or(QString()), number);
    }

    void recordsAreTheTailReadersEntriesInArrivalOrder()
    {
        FanOutReader reader;
        startReading(reader, {}, 2);
        // Shard 0 is at the tip, shard 1 has said nothing: everything waits for shard 1.
        m_backend->latest(shard(0))->send(eventOf({record(0, 1000, 0, u"a"_s), record(0, 3000, 0, u"c"_s)}, 0));
        QCOMPARE(m_received.size(), 0);
        // Shard 1 is behind at 2000: what arrived up to then goes, in time order; c waits.
        m_backend->latest(shard(1))->send(eventOf({record(1, 2000, 0, u"b"_s)}, 5000));
        QCOMPARE(keysOf(m_received), QStringList({u"a"_s, u"b"_s}));
        m_backend->latest(shard(1))->send(eventOf({record(1, 4000, 0, u"d"_s)}, 0));
        QCOMPARE(keysOf(m_received), QStringList({u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
        QCOMPARE(reader.recordCount(), qint64(4));

        const Record b = record(1, 2000, 0, u"b"_s);
        QCOMPARE(m_received[1], recordEntry(b, shard(1)));
        QCOMPARE(m_received[1].shardId, shard(1));
        QCOMPARE(m_received[1].sequenceNumber, b.sequenceNumber.toString());
        QCOMPARE(m_received[1].arrivalMs, qint64(2000));
        QCOMPARE(m_received[1].data, QByteArray("b-payload"));
    }

    void slowShardDoesNotHoldRecordsForever()
    {
        FanOutReader reader;
        FanOutOptions options;
        options.maxHoldMs = 100;
        reader.setOptions(options);
        startReading(reader, {}, 2);
        m_backend->latest(shard(0))->send(eventOf({record(0, 1000, 0, u"a"_s)}, 60000));
        QCOMPARE(m_received.size(), 0); // shard 1 has said nothing yet
        QTRY_COMPARE(m_received.size(), 1);
    }

    void millisBehindLatestPerShard()
    {
        FanOutReader reader;
        startReading(reader, {}, 2);
        QSignalSpy lag(&reader, &FanOutReader::lagChanged);
        auto lags = reader.shardLags();
        QCOMPARE(lags.size(), 2);
        QCOMPARE(lags[0].millisBehindLatest, qint64(-1)); // nothing heard yet
        m_backend->latest(shard(1))->send(eventOf({}, 1200));
        m_backend->latest(shard(0))->send(eventOf({}, 0));
        QCOMPARE(lag.size(), 2);
        lags = reader.shardLags();
        QCOMPARE(lags[0].shardId, shard(0));
        QCOMPARE(lags[0].millisBehindLatest, qint64(0));
        QCOMPARE(lags[1].shardId, shard(1));
        QCOMPARE(lags[1].millisBehindLatest, qint64(1200));
        m_backend->latest(shard(1))->send(eventOf({}, 1200));
        QCOMPARE(lag.size(), 2); // unchanged: no signal
    }

    void renewsAfterTheLifetimeFromTheContinuation()
    {
        FanOutReader reader;
        startReading(reader, TailStart{ShardIteratorType::TrimHorizon, shard(0), {}, 0}, 1);
        FakeSubscription *first = m_backend->latest(shard(0));
        first->open();
        SubscribeToShardEvent e = eventOf({record(0, 1000, 0, u"a"_s), record(0, 1000, 1, u"b"_s)});
        e.continuationSequenceNumber = u"4900000000000000000000000123"_s;
        first->send(e);
        first->endNormally(); // the 5 minutes are over
        QTRY_COMPARE(m_backend->requests().size(), 2);
        const auto second = m_backend->requests().last();
        QCOMPARE(second.startingPosition.type, ShardIteratorType::AfterSequenceNumber);
        QCOMPARE(second.startingPosition.sequenceNumber.value_or(QString()), *e.continuationSequenceNumber);
        m_backend->latest(shard(0))->send(eventOf({record(0, 2000, 0, u"c"_s)}));
        QCOMPARE(keysOf(m_received), QStringList({u"a"_s, u"b"_s, u"c"_s}));
        QCOMPARE(reader.state(), RecordReader::State::Running);
        QCOMPARE(reader.subscriptionCount(), 2);
    }

    void emptySubscriptionIsNotRenewedInALoop()
    {
        FanOutReader reader;
        FanOutOptions options;
        options.emptySubscriptionRetryMs = 300;
        reader.setOptions(options);
        startReading(reader, TailStart{ShardIteratorType::TrimHorizon, shard(0), {}, 0}, 1);
        QElapsedTimer timer;
        timer.start();
        m_backend->latest(shard(0))->endNormally();
        QTRY_COMPARE(m_backend->requests().size(), 2);
        QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_backend->requests().last().startingPosition.type, ShardIteratorType::TrimHorizon);
    }

    void childrenStartOnceEveryParentEnded()
    {
        FanOutReader reader;
        startReading(reader, TailStart{ShardIteratorType::TrimHorizon, {}, {}, 0}, 2);
        QSignalSpy shards(&reader, &RecordReader::shardsChanged);
        // A merge of shards 0 and 1 into shard 2.
        const QList<ChildShard> children{ChildShard{shard(2), {shard(0), shard(1)}, {}}};
        m_backend->latest(shard(0))->send(eventOf({record(0, 1000, 0, u"a"_s)}));
        m_backend->latest(shard(0))->send(lastEvent(children));
        m_backend->latest(shard(0))->endNormally();
        QTest::qWait(100);
        QCOMPARE(m_backend->requestsFor(shard(2)).size(), 0); // shard 1 has not ended
        QCOMPARE(m_backend->requestsFor(shard(0)).size(), 1); // an ended shard is not renewed
        QCOMPARE(reader.finishedShardCount(), 1);
        m_backend->latest(shard(1))->send(eventOf({record(1, 1500, 0, u"b"_s)}));
        m_backend->latest(shard(1))->send(lastEvent(children));
        m_backend->latest(shard(1))->endNormally();
        QTRY_COMPARE(m_backend->requestsFor(shard(2)).size(), 1);
        QCOMPARE(m_backend->requestsFor(shard(2)).first().startingPosition.type, ShardIteratorType::TrimHorizon);
        QCOMPARE(m_backend->requestsFor(shard(1)).size(), 1);
        QVERIFY(!shards.isEmpty());
        QCOMPARE(reader.activeShardCount(), 1);
        QCOMPARE(reader.finishedShardCount(), 2);
        m_backend->latest(shard(2))->send(eventOf({record(2, 2000, 0, u"c"_s)}));
        QCOMPARE(keysOf(m_received), QStringList({u"a"_s, u"b"_s, u"c"_s}));
        const auto lags = reader.shardLags();
        QCOMPARE(lags.size(), 3);
        QVERIFY(lags[0].finished && lags[1].finished && !lags[2].finished);
    }

    void splitChildrenStartAfterTheirOneParent()
    {
        FanOutReader reader;
        startReading(reader, TailStart{ShardIteratorType::AtTimestamp, shard(0), {}, 1234}, 1);
        const QList<ChildShard> children{ChildShard{shard(2), {shard(0)}, {}}, ChildShard{shard(3), {shard(0)}, {}}};
        m_backend->latest(shard(0))->send(lastEvent(children));
        m_backend->latest(shard(0))->endNormally();
        QTRY_COMPARE(m_backend->requests().size(), 3);
        for (const QString &child : {shard(2), shard(3)}) {
            const auto requests = m_backend->requestsFor(child);
            QCOMPARE(requests.size(), 1);
            // A read from a time keeps that time on the children.
            QCOMPARE(requests[0].startingPosition.type, ShardIteratorType::AtTimestamp);
            QCOMPARE(requests[0].startingPosition.timestamp.value_or(0), qint64(1234));
        }
    }

    void resourceInUseIsRetriedAfterAWhile()
    {
        FanOutReader reader;
        FanOutOptions options;
        options.resourceInUseRetryMs = 400;
        reader.setOptions(options);
        startReading(reader, TailStart{ShardIteratorType::Latest, shard(0), {}, 0}, 1);
        QSignalSpy warnings(&reader, &RecordReader::warning);
        QElapsedTimer timer;
        timer.start();
        m_backend->latest(shard(0))->failWith(Error{ErrorType::ResourceInUse, u"Another active subscription exists for this consumer"_s});
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0][0].toString().contains(shard(0)));
        QVERIFY(warnings[0][0].toString().contains(u"Another active subscription"_s));
        QTRY_COMPARE(m_backend->requests().size(), 2);
        QVERIFY2(timer.elapsed() >= 390, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_backend->requests().last().startingPosition.type, ShardIteratorType::Latest);
        QCOMPARE(reader.state(), RecordReader::State::Running);
    }

    void throttlingBacksOff()
    {
        FanOutReader reader;
        startReading(reader, TailStart{ShardIteratorType::Latest, shard(0), {}, 0}, 1);
        QSignalSpy throttled(&reader, &RecordReader::throttledChanged);
        m_backend->latest(shard(0))->failWith(Error{ErrorType::LimitExceeded, u"Rate exceeded"_s});
        QCOMPARE(reader.throttledShardCount(), 1);
        QTRY_COMPARE(m_backend->requests().size(), 2);
        m_backend->latest(shard(0))->send(eventOf({}));
        QCOMPARE(reader.throttledShardCount(), 0);
        QCOMPARE(throttled.size(), 2);
    }

    void otherErrorsStopTheirShardThenTheRead()
    {
        FanOutReader reader;
        startReading(reader, {}, 2);
        QSignalSpy warnings(&reader, &RecordReader::warning);
        QSignalSpy failed(&reader, &RecordReader::failed);
        m_backend->latest(shard(0))->failWith(Error{ErrorType::AccessDenied, u"Not allowed to read shard 0"_s});
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0][0].toString().contains(u"Not allowed to read shard 0"_s));
        QCOMPARE(reader.state(), RecordReader::State::Running);
        QCOMPARE(reader.activeShardCount(), 1);
        QCOMPARE(reader.shardLags()[0].problem, u"Not allowed to read shard 0"_s);
        QTest::qWait(100);
        QCOMPARE(m_backend->requestsFor(shard(0)).size(), 1); // not retried
        m_backend->latest(shard(1))->send(eventOf({record(1, 1000, 0, u"x"_s)}));
        QCOMPARE(m_received.size(), 1); // the other shard goes on

        m_backend->latest(shard(1))->failWith(Error{ErrorType::ResourceNotFound, u"Consumer c not found."_s});
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0][0].value<Error>().type, ErrorType::ResourceNotFound);
        QCOMPARE(reader.state(), RecordReader::State::Failed);
    }

    void pauseCancelsAndResumeContinues()
    {
        FanOutReader reader;
        startReading(reader, TailStart{ShardIteratorType::TrimHorizon, shard(0), {}, 0}, 1);
        QPointer<FakeSubscription> first = m_backend->latest(shard(0));
        first->send(eventOf({record(0, 1000, 0, u"a"_s)}));
        const QString continuation = record(0, 1000, 0, u"a"_s).sequenceNumber.toString();
        reader.pause();
        QCOMPARE(reader.state(), RecordReader::State::Paused);
        QVERIFY(!first || first->wasCancelled());
        QTest::qWait(50);
        QCOMPARE(m_backend->requests().size(), 1);
        reader.resume();
        QTRY_COMPARE(m_backend->requests().size(), 2);
        QCOMPARE(m_backend->requests().last().startingPosition.type, ShardIteratorType::AfterSequenceNumber);
        QCOMPARE(m_backend->requests().last().startingPosition.sequenceNumber.value_or(QString()), continuation);
        reader.stop();
        QCOMPARE(reader.state(), RecordReader::State::Stopped);
        QVERIFY(m_backend->latest(shard(0)) == nullptr || m_backend->latest(shard(0))->wasCancelled());
    }

    void backendThatCannotSubscribeFailsTheRead()
    {
        // The default StreamBackend::subscribeToShard: a subscription that fails at once.
        class NoSubscriptions final : public testing::ForwardingBackend
        {
        public:
            using ForwardingBackend::ForwardingBackend;
            BackendSubscription *subscribeToShard(const SubscribeToShardRequest &request,
                                                  QObject *parent = nullptr) override
            {
                return StreamBackend::subscribeToShard(request, parent);
            }
        } backend(*m_emulator);
        FanOutReader reader;
        reader.setConsumerArn(kConsumer);
        QSignalSpy failed(&reader, &RecordReader::failed);
        QVERIFY(reader.start(&backend, u"s"_s, {}).has_value());
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed[0][0].value<Error>().type, ErrorType::UnknownOperation);
        QCOMPARE(reader.state(), RecordReader::State::Failed);
    }

    void deletedStreamFailsAtOnce()
    {
        FanOutReader reader;
        reader.setConsumerArn(kConsumer);
        QSignalSpy failed(&reader, &RecordReader::failed);
        QVERIFY(reader.start(m_backend.get(), u"missing"_s, {}).has_value());
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed[0][0].value<Error>().type, ErrorType::ResourceNotFound);
    }

    void readsEveryRecordAcrossASplitAndAMerge()
    {
        const StreamTarget target = StreamTarget::byName(u"r"_s);
        createStream(u"r"_s, 2);
        const QString consumer = registerConsumer(u"r"_s);
        QVERIFY(!consumer.isEmpty());
        QStringList all = put(u"r"_s, 60);

        FanOutReader reader;
        reader.setConsumerArn(consumer);
        connect(&reader, &RecordReader::recordsReceived, this,
                [this](const QList<RecordEntry> &records) { m_received.append(records); });
        QVERIFY(reader.start(m_emulator.get(), u"r"_s, TailStart{ShardIteratorType::TrimHorizon, {}, {}, 0}).has_value());
        QTRY_COMPARE(m_received.size(), 60);

        // Split shard 0 into 2 and 3, put, merge 2 and 3 into 4 (two parents), put.
        const auto shards = await(m_emulator->listAllShards(target));
        QVERIFY(shards.has_value());
        QVERIFY(await(m_emulator->splitShard(SplitShardRequest{
                          target, shard(0), shards->at(0).hashKeyRange.midpoint().toDecimal()}))
                    .has_value());
        QTRY_COMPARE(await(m_emulator->describeStreamSummary(target))->streamStatus, StreamStatus::Active);
        all += put(u"r"_s, 60);
        QVERIFY(await(m_emulator->mergeShards(MergeShardsRequest{target, shard(2), shard(3)})).has_value());
        QTRY_COMPARE(await(m_emulator->describeStreamSummary(target))->streamStatus, StreamStatus::Active);
        all += put(u"r"_s, 60);
        QCOMPARE(all.size(), 180);

        QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), all.size(), 15000);
        QTest::qWait(300);
        QCOMPARE(m_received.size(), all.size()); // nothing twice
        QCOMPARE(sorted(receivedKeys()), sorted(all));

        // Parents first: every record of a child comes after every record of its parents.
        const auto lastIndex = [&](const QString &id) {
            qsizetype last = -1;
            for (qsizetype i = 0; i < m_received.size(); ++i)
                if (m_received[i].shardId == id)
                    last = i;
            return last;
        };
        const auto firstIndex = [&](const QString &id) {
            for (qsizetype i = 0; i < m_received.size(); ++i)
                if (m_received[i].shardId == id)
                    return i;
            return m_received.size();
        };
        for (const QString &child : {shard(2), shard(3)})
            QVERIFY(lastIndex(shard(0)) < firstIndex(child));
        QVERIFY(lastIndex(shard(2)) < firstIndex(shard(4)));
        QVERIFY(lastIndex(shard(3)) < firstIndex(shard(4)));
        QVERIFY(firstIndex(shard(4)) < m_received.size());
        QHash<QString, QString> lastSeq; // sequence order within a shard
        for (const RecordEntry &record : std::as_const(m_received)) {
            const QString previous = lastSeq.value(record.shardId);
            QVERIFY(previous.isEmpty() || previous < record.sequenceNumber);
            lastSeq.insert(record.shardId, record.sequenceNumber);
        }
        QCOMPARE(reader.finishedShardCount(), 3); // 0, 2 and 3
        QCOMPARE(reader.activeShardCount(), 2);   // 1 and 4
        QCOMPARE(reader.state(), RecordReader::State::Running);
        for (const auto &lag : reader.shardLags())
            QVERIFY2(lag.problem.isEmpty(), qPrintable(lag.problem));
    }

    void renewsTheSubscriptionAfterItsLifetime()
    {
        // Engine::subscribeToShard takes no ShardSubscription::Options, so the lifetime cannot
        // be shortened through it: the engine's clock is moved past the 5 minutes instead.
        openEngine(true);
        const QString consumer = registerConsumer(u"s"_s);
        QVERIFY(!consumer.isEmpty());
        QStringList all = put(u"s"_s, 20);
        FanOutReader reader;
        reader.setConsumerArn(consumer);
        connect(&reader, &RecordReader::recordsReceived, this,
                [this](const QList<RecordEntry> &records) { m_received.append(records); });
        QVERIFY(reader.start(m_emulator.get(), u"s"_s, TailStart{ShardIteratorType::TrimHorizon, {}, {}, 0}).has_value());
        QTRY_COMPARE(m_received.size(), 20);
        QCOMPARE(reader.subscriptionCount(), 2);

        m_clock->advanceMs(KinesisLimits::kSubscriptionLifetimeMs + 1000);
        all += put(u"s"_s, 20); // wakes both subscriptions: they end, and are renewed
        QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 40, 15000);
        QTRY_VERIFY(reader.subscriptionCount() >= 4);
        all += put(u"s"_s, 20); // read through the renewed subscriptions
        QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 60, 15000);
        QTest::qWait(300);
        QCOMPARE(m_received.size(), 60);
        QCOMPARE(sorted(receivedKeys()), sorted(all));
        QCOMPARE(reader.state(), RecordReader::State::Running);
        QCOMPARE(reader.subscriptionCount(), 4);
    }
};

QTEST_GUILESS_MAIN(TestFanOutReader)
#include "tst_fanoutreader.moc"
