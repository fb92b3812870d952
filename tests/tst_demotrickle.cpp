// DemoTrickle: seeded, labelled web-shop events reach the engine as JSON with the user as
// partition key; the rate is spread over ticks; stop stops; a deleted stream, a read-only
// connection or a disabled KMS key stop it with the reason; a stream still being created is
// waited for; a slow backend never has more than one batch in flight.

#include "backend/emulatorbackend.h"
#include "backendtesthelpers.h"
#include "demo/demotrickle.h"
#include "records/kplaggregation.h"
#include "engine/clock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

// A system clock that can be made slow: every reading sleeps, so every engine call takes long.
class SlowClock final : public Clock
{
public:
    qint64 nowMs() const override
    {
        if (const int delay = delayMs.load(); delay > 0)
            QThread::msleep(ulong(delay));
        return QDateTime::currentMSecsSinceEpoch();
    }
    std::atomic<int> delayMs{0};
};

struct ReadRecord
{
    QString shardId;
    Record record;
};

const QSet<QString> kTypes{u"page_view"_s, u"search"_s, u"add_to_cart"_s, u"remove_from_cart"_s,
                           u"checkout"_s, u"payment_failed"_s};
const QSet<QString> kTypesWithAmount{u"add_to_cart"_s, u"remove_from_cart"_s, u"checkout"_s,
                                     u"payment_failed"_s};

// Checks one event's shape; returns an empty string when it is fine.
QString checkEvent(const QByteArray &data, const QString &partitionKey)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return u"not a JSON object: "_s + QString::fromUtf8(data);
    const QJsonObject event = document.object();
    static const QRegularExpression userPattern(u"^user-\\d+$"_s);
    const QString type = event.value(u"type"_s).toString();
    if (!kTypes.contains(type))
        return u"type "_s + type;
    if (!userPattern.match(event.value(u"user"_s).toString()).hasMatch())
        return u"user "_s + event.value(u"user"_s).toString();
    if (event.value(u"user"_s).toString() != partitionKey)
        return u"partition key "_s + partitionKey + u" is not the user"_s;
    if (event.value(u"session"_s).toString().isEmpty())
        return u"no session"_s;
    const QDateTime ts = QDateTime::fromString(event.value(u"ts"_s).toString(), Qt::ISODateWithMs);
    if (!ts.isValid() || ts.timeSpec() != Qt::UTC || !event.value(u"ts"_s).toString().endsWith(u'Z'))
        return u"ts "_s + event.value(u"ts"_s).toString();
    if (!event.value(u"path"_s).toString().startsWith(u'/'))
        return u"path "_s + event.value(u"path"_s).toString();
    const QString status = event.value(u"status"_s).toString();
    if (status != u"ok"_s && status != u"error"_s)
        return u"status "_s + status;
    if (type == u"payment_failed"_s && status != u"error"_s)
        return u"a failed payment with status ok"_s;
    if (kTypesWithAmount.contains(type) && !(event.value(u"amount"_s).toDouble() > 0))
        return u"no amount for "_s + type;
    if (!kTypesWithAmount.contains(type) && event.contains(u"amount"_s))
        return u"an amount for "_s + type;
    if (event.value(u"source"_s).toString() != u"shardscope-demo"_s)
        return u"source "_s + event.value(u"source"_s).toString();
    return {};
}

} // namespace

class TestDemoTrickle final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void eventsAreSeededAndLabelled();
    void recordsArriveInTheEngine();
    void everyNthRecordIsAKplAggregate();
    void rateIsSpreadOverTicks();
    void stopStops();
    void deletedStreamStopsWithError();
    void waitsForStreamBeingCreated();
    void readOnlyConnectionStops();
    void disabledKmsKeyStops();
    void oneBatchInFlightAgainstSlowBackend();

private:
    bool openEngine(EngineOptions options = {});
    QList<ReadRecord> readAll(const QString &stream);

    QTemporaryDir *m_dir = nullptr;
    std::shared_ptr<SlowClock> m_clock;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
};

bool TestDemoTrickle::openEngine(EngineOptions options)
{
    m_backend.reset();
    m_engine.reset();
    options.databasePath = m_dir->filePath(u"streams.db"_s);
    options.clock = m_clock;
    auto engine = Engine::open(options);
    if (!engine)
        return false;
    m_engine = std::move(*engine);
    m_backend = std::make_unique<EmulatorBackend>(*m_engine);
    return true;
}

void TestDemoTrickle::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_clock = std::make_shared<SlowClock>();
    EngineOptions options;
    options.createDelayMs = 0;
    options.deleteDelayMs = 0;
    options.updateDelayMs = 0;
    QVERIFY(openEngine(options));
}

void TestDemoTrickle::cleanup()
{
    m_clock->delayMs = 0;
    m_backend.reset();
    m_engine.reset();
    m_clock.reset();
    delete m_dir;
    m_dir = nullptr;
}

QList<ReadRecord> TestDemoTrickle::readAll(const QString &stream)
{
    QList<ReadRecord> all;
    const auto shards = await(m_backend->listAllShards(StreamTarget::byName(stream)));
    if (!shards)
        return all;
    for (const Shard &shard : *shards) {
        auto iterator = await(m_backend->getShardIterator(GetShardIteratorRequest{
            StreamTarget::byName(stream), shard.shardId, ShardIteratorType::TrimHorizon, {}, {}}));
        if (!iterator)
            continue;
        std::optional<QString> next = iterator->shardIterator;
        while (next) {
            const auto page = await(m_backend->getRecords(GetRecordsRequest{*next, 10000, {}}));
            if (!page || page->records.isEmpty())
                break;
            for (const Record &record : page->records)
                all.append(ReadRecord{shard.shardId, record});
            next = page->nextShardIterator;
        }
    }
    return all;
}

void TestDemoTrickle::eventsAreSeededAndLabelled()
{
    const CreateStreamRequest create = DemoTrickle::createStreamRequest();
    QCOMPARE(create.streamName, u"demo"_s);
    QCOMPARE(create.shardCount.value_or(0), 4);
    QCOMPARE(create.tags.value(u"source"_s), u"shardscope-demo"_s);

    DemoTrickle a(m_backend.get());
    DemoTrickle b(m_backend.get());
    DemoTrickle c(m_backend.get());
    a.setSeed(7);
    b.setSeed(7);
    c.setSeed(8);
    const QDateTime ts(QDate(2024, 6, 1), QTime(12, 30, 15, 250), Qt::UTC);
    QMap<QString, int> types;
    QSet<QString> users;
    bool differs = false;
    for (int i = 0; i < 2000; ++i) {
        const PutRecordsRequestEntry ea = a.nextEvent(ts);
        const PutRecordsRequestEntry eb = b.nextEvent(ts);
        const PutRecordsRequestEntry ec = c.nextEvent(ts);
        QCOMPARE(ea.data, eb.data);
        QCOMPARE(ea.partitionKey, eb.partitionKey);
        differs = differs || ea.data != ec.data;
        const QString problem = checkEvent(ea.data, ea.partitionKey);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonObject event = QJsonDocument::fromJson(ea.data).object();
        QCOMPARE(event.value(u"ts"_s).toString(), u"2024-06-01T12:30:15.250Z"_s);
        ++types[event.value(u"type"_s).toString()];
        users.insert(ea.partitionKey);
    }
    QVERIFY(differs);
    // A shop, not noise: every kind of event shows up, page views lead, many users.
    QCOMPARE(QSet<QString>(types.keyBegin(), types.keyEnd()), kTypes);
    for (auto it = types.cbegin(); it != types.cend(); ++it)
        QVERIFY2(it.value() <= types.value(u"page_view"_s), qPrintable(it.key()));
    QVERIFY(users.size() >= 20);

    // setSeed restarts the story.
    a.setSeed(7);
    DemoTrickle d(m_backend.get());
    d.setSeed(7);
    QCOMPARE(a.nextEvent(ts).data, d.nextEvent(ts).data);
}

void TestDemoTrickle::recordsArriveInTheEngine()
{
    QVERIFY(await(m_backend->createStream(DemoTrickle::createStreamRequest())).has_value());
    DemoTrickle trickle(m_backend.get());
    QCOMPARE(trickle.streamName(), u"demo"_s);
    QCOMPARE(trickle.recordsPerSecond(), 5.0);
    QCOMPARE(trickle.tickInterval(), 500);
    trickle.setRecordsPerSecond(400);
    trickle.setTickInterval(50);
    QSignalSpy state(&trickle, &DemoTrickle::stateChanged);
    trickle.start();
    QVERIFY(trickle.isRunning());
    QCOMPARE(state.size(), 1);
    QCOMPARE(state.at(0).at(0).toBool(), true);
    QTRY_VERIFY_WITH_TIMEOUT(trickle.sent() >= 200, 10000);
    trickle.stop();
    QTRY_VERIFY(!trickle.isBatchInFlight());
    QCOMPARE(trickle.failed(), 0);
    QVERIFY(!trickle.lastError());

    const QList<ReadRecord> records = readAll(u"demo"_s);
    QCOMPARE(qint64(records.size()), trickle.sent());
    QHash<QString, QString> shardOfUser;
    QHash<QString, QDateTime> lastTsOfUser;
    QSet<QString> shards;
    for (const ReadRecord &read : records) {
        const QString problem = checkEvent(read.record.data, read.record.partitionKey);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonObject event = QJsonDocument::fromJson(read.record.data).object();
        const QString user = event.value(u"user"_s).toString();
        // One user, one partition key, one shard, and the user's events in order.
        QCOMPARE(read.record.partitionKey, user);
        QCOMPARE(shardOfUser.value(user, read.shardId), read.shardId);
        shardOfUser.insert(user, read.shardId);
        const QDateTime ts = QDateTime::fromString(event.value(u"ts"_s).toString(), Qt::ISODateWithMs);
        QVERIFY(!lastTsOfUser.contains(user) || lastTsOfUser.value(user) <= ts);
        lastTsOfUser.insert(user, ts);
        shards.insert(read.shardId);
    }
    QCOMPARE(shards.size(), 4); // ~40 users spread over all four shards
}

void TestDemoTrickle::everyNthRecordIsAKplAggregate()
{
    QVERIFY(await(m_backend->createStream(DemoTrickle::createStreamRequest())).has_value());
    DemoTrickle trickle(m_backend.get());
    trickle.setAggregateEvery(10);
    QCOMPARE(trickle.aggregateEvery(), 10);
    trickle.setRecordsPerSecond(400);
    trickle.setTickInterval(50);
    trickle.start();
    QTRY_VERIFY_WITH_TIMEOUT(trickle.sent() >= 100, 10000);
    trickle.stop();
    QTRY_VERIFY(!trickle.isBatchInFlight());
    QCOMPARE(trickle.failed(), 0);

    const QList<ReadRecord> records = readAll(u"demo"_s);
    QCOMPARE(qint64(records.size()), trickle.sent());
    int aggregates = 0;
    for (const ReadRecord &read : records) {
        if (!KplAggregation::hasMagic(read.record.data)) {
            const QString problem = checkEvent(read.record.data, read.record.partitionKey);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            continue;
        }
        ++aggregates;
        const auto deaggregated = KplAggregation::deaggregate(read.record.data);
        if (!deaggregated)
            QFAIL(qPrintable(deaggregated.error().message));
        QVERIFY(deaggregated->checksumMatches());
        QVERIFY(deaggregated->records.size() >= 3 && deaggregated->records.size() <= 6);
        // The outer partition key is the first event's; each event keeps its own.
        QCOMPARE(deaggregated->records.first().partitionKey, read.record.partitionKey);
        for (const KplSubRecord &sub : deaggregated->records) {
            const QString problem = checkEvent(sub.data, sub.partitionKey);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }
    // Exactly every tenth record put.
    QCOMPARE(aggregates, int(records.size() / 10));
}

void TestDemoTrickle::rateIsSpreadOverTicks()
{
    QVERIFY(await(m_backend->createStream(DemoTrickle::createStreamRequest())).has_value());
    DemoTrickle trickle(m_backend.get()); // 5 records/s in 500 ms ticks
    QSignalSpy batches(&trickle, &DemoTrickle::batchFinished);
    trickle.start();
    QTRY_VERIFY_WITH_TIMEOUT(batches.size() >= 3, 5000);
    trickle.stop();
    // 2.5 records per tick: 2, then 3 (with the half carried over), then 2...
    QCOMPARE(batches.at(0).at(0).toInt(), 2);
    QCOMPARE(batches.at(1).at(0).toInt(), 3);
    QCOMPARE(batches.at(2).at(0).toInt(), 2);
    QCOMPARE(batches.at(0).at(1).toInt(), 0);

    // One record per second in 500 ms ticks: one at once, then every other tick.
    DemoTrickle slow(m_backend.get());
    slow.setRecordsPerSecond(1);
    QSignalSpy slowBatches(&slow, &DemoTrickle::batchFinished);
    QElapsedTimer clock;
    QList<qint64> at;
    connect(&slow, &DemoTrickle::batchFinished, this, [&] { at.append(clock.elapsed()); });
    clock.start();
    slow.start();
    QTRY_COMPARE_WITH_TIMEOUT(slowBatches.size(), 2, 3000);
    slow.stop();
    QCOMPARE(slowBatches.at(0).at(0).toInt(), 1);
    QCOMPARE(slowBatches.at(1).at(0).toInt(), 1);
    QCOMPARE(slow.sent(), 2);
    QVERIFY2(at.at(1) - at.at(0) >= 800, qPrintable(QString::number(at.at(1) - at.at(0))));
}

void TestDemoTrickle::stopStops()
{
    QVERIFY(await(m_backend->createStream(DemoTrickle::createStreamRequest())).has_value());
    DemoTrickle trickle(m_backend.get());
    trickle.setRecordsPerSecond(200);
    trickle.setTickInterval(20);
    QSignalSpy state(&trickle, &DemoTrickle::stateChanged);
    trickle.start();
    trickle.start(); // no-op while running
    QTRY_VERIFY(trickle.sent() >= 20);
    QSignalSpy calls(m_backend.get(), &StreamBackend::callStarted);
    trickle.stop();
    QVERIFY(!trickle.isRunning());
    QCOMPARE(state.size(), 2);
    QCOMPARE(state.at(1).at(0).toBool(), false);
    QTRY_VERIFY(!trickle.isBatchInFlight());
    const qint64 sent = trickle.sent();
    QTest::qWait(300);
    QCOMPARE(trickle.sent(), sent);
    QCOMPARE(calls.size(), 0);
    QVERIFY(!trickle.lastError());
    QCOMPARE(qint64(readAll(u"demo"_s).size()), sent);
}

void TestDemoTrickle::deletedStreamStopsWithError()
{
    QVERIFY(await(m_backend->createStream(DemoTrickle::createStreamRequest())).has_value());
    DemoTrickle trickle(m_backend.get());
    trickle.setRecordsPerSecond(100);
    trickle.setTickInterval(20);
    QSignalSpy state(&trickle, &DemoTrickle::stateChanged);
    trickle.start();
    QTRY_VERIFY(trickle.sent() > 0);
    QVERIFY(await(m_backend->deleteStream(DeleteStreamRequest{StreamTarget::byName(u"demo"_s), false})).has_value());
    QTRY_VERIFY(!trickle.isRunning());
    QVERIFY(trickle.lastError().has_value());
    QCOMPARE(trickle.lastError()->type, ErrorType::ResourceNotFound);
    QVERIFY(trickle.lastError()->message.contains(u"demo"_s));
    QCOMPARE(state.size(), 2);
    QCOMPARE(state.at(1).at(0).toBool(), false);
    QVERIFY(trickle.failed() > 0);
}

void TestDemoTrickle::waitsForStreamBeingCreated()
{
    EngineOptions options;
    options.createDelayMs = 1000;
    options.deleteDelayMs = 0;
    options.updateDelayMs = 0;
    QVERIFY(openEngine(options));
    QVERIFY(await(m_backend->createStream(DemoTrickle::createStreamRequest())).has_value());
    const auto summary = await(m_backend->describeStreamSummary(StreamTarget::byName(u"demo"_s)));
    QVERIFY(summary.has_value());
    QCOMPARE(summary->streamStatus, StreamStatus::Creating);

    // It asks for the status instead of putting (Kinesis would refuse the records of a CREATING
    // stream as if it did not exist): no failed call shows up in the activity dock at start.
    int failedCalls = 0;
    int describeCalls = 0;
    connect(m_backend.get(), &StreamBackend::callFinished, this, [&](const BackendCall &call) {
        failedCalls += call.error ? 1 : 0;
        describeCalls += call.operation == u"DescribeStreamSummary"_s ? 1 : 0;
    });
    DemoTrickle trickle(m_backend.get());
    trickle.setRecordsPerSecond(100);
    trickle.setTickInterval(50);
    trickle.start();
    QTRY_VERIFY(describeCalls >= 2); // asked again while CREATING...
    QVERIFY(trickle.isRunning());    // ...without giving up
    QCOMPARE(trickle.sent(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(trickle.sent() > 0, 5000);
    QVERIFY(trickle.isRunning());
    QVERIFY(!trickle.lastError());
    QCOMPARE(trickle.failed(), 0);
    QCOMPARE(failedCalls, 0);
    trickle.stop();
    disconnect(m_backend.get(), nullptr, this, nullptr);
}

void TestDemoTrickle::readOnlyConnectionStops()
{
    QVERIFY(await(m_backend->createStream(DemoTrickle::createStreamRequest())).has_value());
    EmulatorBackendOptions readOnly;
    readOnly.readOnly = true;
    EmulatorBackend backend(*m_engine, readOnly);
    DemoTrickle trickle(&backend);
    QSignalSpy state(&trickle, &DemoTrickle::stateChanged);
    trickle.start();
    QTRY_VERIFY(!trickle.isRunning());
    QCOMPARE(state.size(), 2);
    QCOMPARE(trickle.lastError()->type, ErrorType::AccessDenied);
    QCOMPARE(trickle.sent(), 0);
    QVERIFY(trickle.failed() > 0);
    QVERIFY(readAll(u"demo"_s).isEmpty());

    // Starting again clears the reason, then finds it again.
    trickle.start();
    QVERIFY(!trickle.lastError());
    QTRY_VERIFY(!trickle.isRunning());
    QCOMPARE(trickle.lastError()->type, ErrorType::AccessDenied);
}

void TestDemoTrickle::disabledKmsKeyStops()
{
    QVERIFY(await(m_backend->createStream(DemoTrickle::createStreamRequest())).has_value());
    const auto key = m_engine->createKey(u"demo key"_s);
    QVERIFY(key.has_value());
    QVERIFY(m_engine->startStreamEncryption(
        StartStreamEncryptionRequest{StreamTarget::byName(u"demo"_s), u"KMS"_s, key->keyId}).has_value());
    DemoTrickle trickle(m_backend.get());
    trickle.setRecordsPerSecond(100);
    trickle.setTickInterval(20);
    trickle.start();
    QTRY_VERIFY(trickle.sent() > 0); // encrypted records are fine
    QVERIFY(m_engine->disableKey(key->keyId).has_value());
    QTRY_VERIFY(!trickle.isRunning());
    QCOMPARE(trickle.lastError()->type, ErrorType::KmsDisabled);
}

void TestDemoTrickle::oneBatchInFlightAgainstSlowBackend()
{
    QVERIFY(await(m_backend->createStream(DemoTrickle::createStreamRequest())).has_value());
    int inFlight = 0;
    int maxInFlight = 0;
    int puts = 0;
    connect(m_backend.get(), &StreamBackend::callStarted, this, [&](const BackendCall &call) {
        if (call.operation == u"PutRecords"_s) {
            ++puts;
            maxInFlight = std::max(maxInFlight, ++inFlight);
        }
    });
    connect(m_backend.get(), &StreamBackend::callFinished, this, [&](const BackendCall &call) {
        if (call.operation == u"PutRecords"_s)
            --inFlight;
    });

    DemoTrickle trickle(m_backend.get());
    trickle.setRecordsPerSecond(500);
    trickle.setTickInterval(20); // 10 records a tick
    m_clock->delayMs = 40;       // each engine call now takes well over 100 ms
    trickle.start();
    QTest::qWait(1500);
    trickle.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!trickle.isBatchInFlight(), 10000);
    QTRY_COMPARE(inFlight, 0);
    m_clock->delayMs = 0;

    qInfo("%d puts, %lld ticks skipped, %lld records", puts, trickle.skippedTicks(), trickle.sent());
    QCOMPARE(maxInFlight, 1);
    QVERIFY(puts >= 1);
    QVERIFY(puts < 40); // a tick every 20 ms would have been 75
    QVERIFY(trickle.skippedTicks() >= puts);
    // Skipped ticks are not owed: every batch kept its size.
    QCOMPARE(trickle.failed(), 0);
    QCOMPARE(trickle.sent(), qint64(puts) * 10);
}

QTEST_GUILESS_MAIN(TestDemoTrickle)
#include "tst_demotrickle.moc"
