// LiveSubscriptionsModel: the engine's live SubscribeToShard subscriptions of the bound stream
// (others' left out), each with its consumer's name, shard, the last sequence number delivered
// (abbreviated, whole in the tooltip), MillisBehindLatest, records and bytes delivered, and the
// bytes per second between two refreshes; counts per consumer; an ended subscription leaves; a
// newer one for the same consumer and shard counts anew; polled about once a second only while
// wanted; a backend that cannot tell has no rows and no counts. Under QAbstractItemModelTester.

#include "backend/emulatorbackend.h"
#include "backendtesthelpers.h"
#include "engine/clock.h"
#include "forwardingbackend.h"
#include "kinesis/limits.h"
#include "kinesis/sequencenumber.h"
#include "models/durationtext.h"
#include "models/livesubscriptionsmodel.h"
#include "models/modelroles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;
constexpr qint64 kMiB = 1024 * 1024;
const QString kShard0 = u"shardId-000000000000"_s;
const QString kShard1 = u"shardId-000000000001"_s;

// An engine on a manual clock with the two-shard stream "orders" (records up to 10 MiB) and the
// one-shard "audit", the ACTIVE consumers "reader" and "auditor" of each, and its backend.
struct Harness
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;
    std::unique_ptr<EmulatorBackend> backend;
    QString readerArn;
    QString auditorArn;

    bool open()
    {
        EngineOptions options;
        options.databasePath = dir.filePath(u"e.db"_s);
        options.clock = clock;
        options.createDelayMs = 0;
        options.deleteDelayMs = 0;
        options.updateDelayMs = 0;
        options.throughputLimits = false; // these writes test the subscriptions, not the limits
        auto opened = Engine::open(options);
        if (!opened)
            return false;
        engine = std::move(*opened);
        backend = std::make_unique<EmulatorBackend>(*engine);
        if (!engine->createStream(CreateStreamRequest{u"orders"_s, 2, {}, {}, {}}) ||
            !engine->createStream(CreateStreamRequest{u"audit"_s, 1, {}, {}, {}}))
            return false;
        UpdateMaxRecordSizeRequest larger;
        larger.target = StreamTarget::byName(u"orders"_s);
        larger.maxRecordSizeInKiB = 10240;
        if (!engine->updateMaxRecordSize(larger))
            return false;
        readerArn = registerConsumer(u"orders"_s, u"reader"_s);
        auditorArn = registerConsumer(u"audit"_s, u"auditor"_s);
        return !readerArn.isEmpty() && !auditorArn.isEmpty();
    }
    QString registerConsumer(const QString &stream, const QString &name)
    {
        auto consumer = engine->registerStreamConsumer(
            RegisterStreamConsumerRequest{engine->streamArn(stream), name, {}});
        return consumer ? consumer->consumerArn : QString();
    }
    QString put(const QByteArray &data, const QString &stream = u"orders"_s, const QString &shard = kShard0)
    {
        PutRecordRequest r;
        r.target = StreamTarget::byName(stream);
        r.data = data;
        r.partitionKey = u"k"_s;
        r.explicitHashKey = shard == kShard0 ? u"0"_s : u"340282366920938463463374607431768211455"_s;
        auto put = engine->putRecord(r);
        return put ? put->sequenceNumber.toString() : QString();
    }
    std::shared_ptr<ShardSubscription> subscribe(const QString &arn, const QString &shard = kShard0)
    {
        SubscribeToShardRequest r;
        r.consumerArn = arn;
        r.shardId = shard;
        r.startingPosition = StartingPosition{ShardIteratorType::TrimHorizon, {}, {}};
        auto subscribed = engine->subscribeToShard(r);
        return subscribed ? *subscribed : nullptr;
    }
};

// A backend that does not know its subscriptions (as AWS).
class BlindBackend final : public ForwardingBackend
{
public:
    using ForwardingBackend::ForwardingBackend;
    bool hasLiveSubscriptions() const override { return false; }
};

} // namespace

class TestLiveSubscriptionsModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void listsTheStreamsSubscriptions();
    void bytesPerSecondBetweenRefreshes();
    void countsPerConsumerAndEndedOnesLeave();
    void aNewerSubscriptionCountsAnew();
    void polledOnlyWhileWanted();
    void backendThatCannotTell();
    void abbreviatedSequenceNumber_data();
    void abbreviatedSequenceNumber();
};

void TestLiveSubscriptionsModel::listsTheStreamsSubscriptions()
{
    Harness h;
    QVERIFY(h.open());
    const QByteArray mib(kMiB - 1, 'x'); // one byte for the partition key
    h.put(mib);
    const QString second = h.put(mib);
    h.put(mib);
    h.clock->advanceMs(3200);
    auto reading = h.subscribe(h.readerArn);
    QVERIFY(reading);
    // 2 MiB/s: two records now, the third waits and is 3.2 s old.
    const auto step = reading->poll();
    QVERIFY(step.event);
    QCOMPARE(step.event->records.size(), qsizetype(2));
    h.put("a", u"audit"_s);
    auto auditing = h.subscribe(h.auditorArn); // another stream's: not listed
    QVERIFY(auditing);
    auditing->poll();

    LiveSubscriptionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStream(h.backend.get(), u"orders"_s);
    QVERIFY(model.isAvailable());
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(LiveSubscriptionsModel::ColumnCount));
    const auto cell = [&model](int column, int role = Qt::DisplayRole) {
        return model.index(0, column).data(role);
    };
    QCOMPARE(cell(LiveSubscriptionsModel::ConsumerColumn).toString(), u"reader"_s);
    QCOMPARE(cell(0, ModelRole::ConsumerArnRole).toString(), h.readerArn);
    QCOMPARE(cell(LiveSubscriptionsModel::ConsumerColumn, Qt::ToolTipRole).toString(), h.readerArn);
    QCOMPARE(cell(LiveSubscriptionsModel::ShardColumn).toString(), kShard0);
    QCOMPARE(cell(0, ModelRole::ShardIdRole).toString(), kShard0);
    QCOMPARE(cell(0, ModelRole::SequenceNumberRole).toString(), second);
    QCOMPARE(cell(LiveSubscriptionsModel::PositionColumn).toString(),
             LiveSubscriptionsModel::abbreviatedSequenceNumber(second));
    QVERIFY(cell(LiveSubscriptionsModel::PositionColumn).toString().size() < second.size());
    QVERIFY(cell(LiveSubscriptionsModel::PositionColumn, Qt::ToolTipRole).toString().contains(second));
    QCOMPARE(cell(0, ModelRole::LagRole).toLongLong(), qint64(3200));
    QCOMPARE(cell(LiveSubscriptionsModel::LagColumn).toString(), u"3.2 s"_s);
    QCOMPARE(cell(0, ModelRole::RecordCountRole).toLongLong(), qint64(2));
    QCOMPARE(cell(LiveSubscriptionsModel::RecordsColumn).toString(), u"2"_s);
    QCOMPARE(cell(0, ModelRole::BytesRole).toLongLong(), 2 * (kMiB - 1));
    QCOMPARE(cell(0, ModelRole::StartedTimeRole).toDateTime().toMSecsSinceEpoch(), kStartMs + 3200);
    QCOMPARE(cell(0, ModelRole::LastEventTimeRole).toDateTime().toMSecsSinceEpoch(), kStartMs + 3200);
    QVERIFY(!cell(LiveSubscriptionsModel::StartedColumn).toString().isEmpty());
    QCOMPARE(model.subscription(0).consumerArn, h.readerArn);

    // Before the first record: no position yet.
    auto other = h.subscribe(h.readerArn, kShard1);
    QVERIFY(other);
    other->poll();
    model.refresh();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, LiveSubscriptionsModel::ShardColumn).data().toString(), kShard1);
    QCOMPARE(model.index(1, 0).data(ModelRole::SequenceNumberRole).toString(), QString());
    QCOMPARE(model.index(1, LiveSubscriptionsModel::PositionColumn).data().toString(), u"No record yet"_s);
    QCOMPARE(model.index(1, LiveSubscriptionsModel::LagColumn).data().toString(), u"0 ms"_s);
}

void TestLiveSubscriptionsModel::bytesPerSecondBetweenRefreshes()
{
    Harness h;
    QVERIFY(h.open());
    auto reading = h.subscribe(h.readerArn);
    QVERIFY(reading);
    reading->poll();
    qint64 now = kStartMs;
    LiveSubscriptionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([&now] { return now; });
    model.setStream(h.backend.get(), u"orders"_s);
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex rate = model.index(0, LiveSubscriptionsModel::RateColumn);
    // One sample is no rate yet.
    QVERIFY(!rate.data(ModelRole::BytesPerSecondRole).isValid());
    QCOMPARE(rate.data().toString(), u"Measuring…"_s);

    h.put(QByteArray(2047, 'x')); // record data is what counts, not the partition key
    h.put(QByteArray(2047, 'x'));
    QVERIFY(reading->poll().event);
    now += 2000;
    model.refresh();
    QCOMPARE(rate.data(ModelRole::BytesPerSecondRole).toDouble(), 2 * 2047.0 / 2);
    QCOMPARE(rate.data().toString(), u"2.0 KiB/s"_s);

    // Too soon after the last sample to measure: the rate stands.
    h.put(QByteArray(99, 'x'));
    QVERIFY(reading->poll().event);
    now += 100;
    model.refresh();
    QCOMPARE(rate.data(ModelRole::BytesPerSecondRole).toDouble(), 2047.0);
    QCOMPARE(model.index(0, 0).data(ModelRole::BytesRole).toLongLong(), qint64(2 * 2047 + 99));
    // Measured over the whole span since that sample.
    now += 900;
    model.refresh();
    QCOMPARE(rate.data(ModelRole::BytesPerSecondRole).toDouble(), 99.0);
    // Nothing delivered: 0.
    now += 1000;
    model.refresh();
    QCOMPARE(rate.data(ModelRole::BytesPerSecondRole).toDouble(), 0.0);
    QCOMPARE(rate.data().toString(), u"0 bytes/s"_s);

    // "Last event" reads against the clock.
    now = h.clock->nowMs() + 4200;
    model.refresh();
    QCOMPARE(model.index(0, LiveSubscriptionsModel::LastEventColumn).data().toString(), u"4.2 s ago"_s);
}

void TestLiveSubscriptionsModel::countsPerConsumerAndEndedOnesLeave()
{
    Harness h;
    QVERIFY(h.open());
    const QString second = h.registerConsumer(u"orders"_s, u"another"_s);
    QVERIFY(!second.isEmpty());
    auto r0 = h.subscribe(h.readerArn, kShard0);
    auto r1 = h.subscribe(h.readerArn, kShard1);
    auto a0 = h.subscribe(second, kShard0);
    QVERIFY(r0 && r1 && a0);
    LiveSubscriptionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStream(h.backend.get(), u"orders"_s);
    model.refresh();
    QCOMPARE(model.rowCount(), 3);
    // By consumer name, then shard.
    QCOMPARE(model.index(0, 0).data().toString(), u"another"_s);
    QCOMPARE(model.index(1, 1).data().toString(), kShard0);
    QCOMPARE(model.index(2, 1).data().toString(), kShard1);
    const auto counts = model.countsByConsumer();
    QVERIFY(counts);
    QCOMPARE(counts->value(h.readerArn), 2);
    QCOMPARE(counts->value(second), 1);

    const QPersistentModelIndex last = model.index(2, 0);
    r0->cancel();
    model.refresh();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.countsByConsumer()->value(h.readerArn), 1);
    QVERIFY(last.isValid());
    QCOMPARE(last.row(), 1);
    // Deregistering the consumer ends its subscriptions.
    QVERIFY(h.engine->deregisterStreamConsumer(ConsumerTarget::byArn(second)).has_value());
    a0->poll();
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"reader"_s);
}

void TestLiveSubscriptionsModel::aNewerSubscriptionCountsAnew()
{
    Harness h;
    QVERIFY(h.open());
    h.put(QByteArray(999, 'x'));
    auto first = h.subscribe(h.readerArn);
    QVERIFY(first);
    first->poll();
    qint64 now = kStartMs;
    LiveSubscriptionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([&now] { return now; });
    model.setStream(h.backend.get(), u"orders"_s);
    model.refresh();
    QCOMPARE(model.index(0, 0).data(ModelRole::BytesRole).toLongLong(), qint64(999));
    // Over five seconds on, a second call for the same consumer and shard takes over.
    h.clock->advanceMs(KinesisLimits::kSubscriptionRetryWindowMs + 1);
    auto second = h.subscribe(h.readerArn);
    QVERIFY(second);
    first->poll(); // ends
    now += 1000;
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(ModelRole::BytesRole).toLongLong(), qint64(0));
    QCOMPARE(model.index(0, 0).data(ModelRole::StartedTimeRole).toDateTime().toMSecsSinceEpoch(),
             h.clock->nowMs());
    // Not a negative rate: the new one is measured from its own first sample.
    QVERIFY(!model.index(0, 0).data(ModelRole::BytesPerSecondRole).isValid());
}

void TestLiveSubscriptionsModel::polledOnlyWhileWanted()
{
    Harness h;
    QVERIFY(h.open());
    LiveSubscriptionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refreshed(&model, &LiveSubscriptionsModel::refreshed);
    model.setStream(h.backend.get(), u"orders"_s);
    QTest::qWait(300);
    QCOMPARE(refreshed.size(), 0);
    QVERIFY(!model.isPolling());

    model.setPollingWanted(true);
    QVERIFY(model.isPolling());
    QCOMPARE(model.pollInterval(), LiveSubscriptionsModel::kPollMs);
    QTRY_COMPARE(refreshed.size(), 1); // at once
    auto reading = h.subscribe(h.readerArn);
    QVERIFY(reading);
    // About a second later, without being asked.
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, LiveSubscriptionsModel::kPollMs + 1500);
    QVERIFY(refreshed.size() >= 2);

    model.setPollingWanted(false);
    const qsizetype before = refreshed.size();
    QTest::qWait(LiveSubscriptionsModel::kPollMs + 500);
    QCOMPARE(refreshed.size(), before);
}

void TestLiveSubscriptionsModel::backendThatCannotTell()
{
    Harness h;
    QVERIFY(h.open());
    auto reading = h.subscribe(h.readerArn);
    QVERIFY(reading);
    BlindBackend blind(*h.backend);
    LiveSubscriptionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStream(&blind, u"orders"_s);
    QVERIFY(!model.isAvailable());
    model.setPollingWanted(true);
    QVERIFY(!model.isPolling()); // nothing to poll
    model.refresh();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.countsByConsumer());
    // Unbound: nothing either.
    model.setStream(nullptr, {});
    QVERIFY(!model.isAvailable());
}

void TestLiveSubscriptionsModel::abbreviatedSequenceNumber_data()
{
    QTest::addColumn<QString>("sequence");
    QTest::addColumn<QString>("shown");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("short") << u"42"_s << u"42"_s;
    QTest::newRow("just fits") << u"1234567890123"_s << u"1234567890123"_s;
    QTest::newRow("one more") << u"12345678901234"_s << u"1234…78901234"_s;
    QTest::newRow("AWS's 56 digits") << u"49654236771848375216473291946376563279224412340523450370"_s
                                     << u"4965…23450370"_s;
    // The emulator's: "49", a marker, the counter, the shard index; the counter's end moves.
    const SequenceNumber ours(SequenceNumber::counterAt(kStartMs) + 7, 3);
    QTest::newRow("the emulator's")
        << ours.toString() << u"…"_s + QString::number(ours.counter).right(8) + u"…"_s;
}

void TestLiveSubscriptionsModel::abbreviatedSequenceNumber()
{
    QFETCH(QString, sequence);
    QFETCH(QString, shown);
    QCOMPARE(LiveSubscriptionsModel::abbreviatedSequenceNumber(sequence), shown);
}

QTEST_GUILESS_MAIN(TestLiveSubscriptionsModel)
#include "tst_livesubscriptionsmodel.moc"
