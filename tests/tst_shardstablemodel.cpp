// ShardsTableModel: rows and columns follow splits, merges and deletes; counts follow appends;
// a burst of appends costs only a few refreshes; results for a previous stream are dropped; the
// use columns show each open shard's use against its limits, polled only while asked to.
// Every case runs under QAbstractItemModelTester.

#include "backend/emulatorbackend.h"
#include "backendtesthelpers.h"
#include "engine/clock.h"
#include "forwardingbackend.h"
#include "models/modelroles.h"
#include "models/shardstablemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;

// An engine on a manual clock, so the use over "the last second" stays put until the test moves
// the clock; its backend; a model on its two-shard stream "s" with the use polled.
struct UsageHarness
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;
    std::unique_ptr<EmulatorBackend> backend;

    bool open()
    {
        EngineOptions options;
        options.databasePath = dir.filePath(u"e.db"_s);
        options.clock = clock;
        options.createDelayMs = 0;
        options.updateDelayMs = 0;
        auto opened = Engine::open(options);
        if (!opened)
            return false;
        engine = std::move(*opened);
        backend = std::make_unique<EmulatorBackend>(*engine);
        return engine->createStream(CreateStreamRequest{u"s"_s, 2, {}, {}, {}}).has_value();
    }
    // `count` records of `size` bytes to shard 0, in PutRecords of up to 500; how many were
    // stored.
    int put(int count, int size)
    {
        int stored = 0;
        while (count > 0) {
            PutRecordsRequest batch;
            batch.target = StreamTarget::byName(u"s"_s);
            for (int i = 0; i < std::min(count, 500); ++i)
                batch.records.append(PutRecordsRequestEntry{QByteArray(size, 'x'), u"k"_s, u"0"_s});
            count -= int(batch.records.size());
            const auto response = engine->putRecords(batch);
            if (!response)
                return -1;
            stored += int(batch.records.size()) - response->failedRecordCount;
        }
        return stored;
    }
};

// A backend that cannot read the use: the shards are the emulator's, the use an AWS-like
// answer without enhanced monitoring, or an error.
class NoMonitoringBackend final : public ForwardingBackend
{
public:
    using ForwardingBackend::ForwardingBackend;
    std::optional<Error> error;
    BackendFuture<QList<ShardUsage>> shardUsage(const StreamTarget &target) override
    {
        QPromise<BackendResult<QList<ShardUsage>>> promise;
        promise.start();
        if (error) {
            promise.addResult(std::unexpected(*error));
        } else {
            auto usage = await(m_inner.shardUsage(target));
            for (ShardUsage &shard : *usage) {
                shard = ShardUsage{shard.shardId, {}, {}, {}, {}, 0, 0, {}, true, 60'000, true};
            }
            promise.addResult(std::move(usage));
        }
        promise.finish();
        return promise.future();
    }
};

} // namespace

class TestShardsTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsShardsWithRawRoles();
    void followsSplitMergeAndCounts();
    void burstOfAppendsCoalesces();
    void switchingStreamsDropsStaleResults();
    void deletedStreamEmptiesTable();
    void useColumnsAgainstTheLimits();
    void useIsPolledOnlyWhileShown();
    void useThatCannotBeMeasured();

private:
    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
    std::unique_ptr<ShardsTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestShardsTableModel::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_engine = openEngine(*m_dir);
    QVERIFY(m_engine);
    m_backend = std::make_unique<EmulatorBackend>(*m_engine);
    m_model = std::make_unique<ShardsTableModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestShardsTableModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_backend.reset();
    m_engine.reset();
    delete m_dir;
    m_dir = nullptr;
}

void TestShardsTableModel::showsShardsWithRawRoles()
{
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"s"_s, 4, {}, {}, {}})).has_value());
    QSignalSpy refreshed(m_model.get(), &ShardsTableModel::refreshed);
    m_model->setStream(m_backend.get(), u"s"_s);
    QTRY_COMPARE(refreshed.size(), 1);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->columnCount(), int(ShardsTableModel::ColumnCount));
    QCOMPARE(m_model->headerData(ShardsTableModel::RecordCountColumn, Qt::Horizontal).toString(), u"Records"_s);

    const QModelIndex first = m_model->index(0, ShardsTableModel::IdColumn);
    QCOMPARE(first.data().toString(), u"shardId-000000000000"_s);
    QCOMPARE(first.data(ModelRole::ShardStateRole).toInt(), int(ShardState::Open));
    QCOMPARE(m_model->index(0, ShardsTableModel::StateColumn).data().toString(), u"Open"_s);
    QCOMPARE(first.data(ModelRole::HashRangeStartRole).toString(), u"0"_s);
    QCOMPARE(m_model->index(3, 0).data(ModelRole::HashRangeEndRole).toString(),
             u"340282366920938463463374607431768211455"_s);
    QCOMPARE(m_model->index(3, 0).data(ModelRole::HashRangeEndFractionRole).toDouble(), 1.0);
    QCOMPARE(m_model->index(1, ShardsTableModel::HashKeyStartColumn).data().toString(),
             u"85070591730234615865843651857942052864"_s);
    QVERIFY(first.data(ModelRole::EndingSequenceNumberRole).isNull());
    QVERIFY(first.data(ModelRole::ParentShardIdRole).isNull());
    QCOMPARE(first.data(ModelRole::RecordCountRole).toLongLong(), 0);
    QCOMPARE(first.data(ModelRole::BytesRole).toLongLong(), 0);
    // Hash keys sort numerically through SortRole even though their text has different lengths.
    QVERIFY(m_model->index(0, ShardsTableModel::HashKeyStartColumn).data(ModelRole::SortRole).toString()
            < m_model->index(1, ShardsTableModel::HashKeyStartColumn).data(ModelRole::SortRole).toString());
}

void TestShardsTableModel::followsSplitMergeAndCounts()
{
    const StreamTarget target = StreamTarget::byName(u"s"_s);
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"s"_s, 2, {}, {}, {}})).has_value());
    m_model->setStream(m_backend.get(), u"s"_s);
    QTRY_COMPARE(m_model->rowCount(), 2);

    const auto put = await(m_backend->putRecord(PutRecordRequest{target, "12345"_ba, u"key"_s, u"0"_s, {}}));
    QVERIFY(put.has_value());
    QCOMPARE(put->shardId, u"shardId-000000000000"_s);
    QTRY_COMPARE(m_model->index(0, 0).data(ModelRole::RecordCountRole).toLongLong(), 1);
    QCOMPARE(m_model->index(0, 0).data(ModelRole::BytesRole).toLongLong(), 5);
    QCOMPARE(m_model->index(1, 0).data(ModelRole::RecordCountRole).toLongLong(), 0);

    QVERIFY(await(m_backend->splitShard(SplitShardRequest{target, u"shardId-000000000000"_s, u"1000"_s})).has_value());
    QTRY_COMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->index(0, 0).data(ModelRole::ShardStateRole).toInt(), int(ShardState::Closed));
    QCOMPARE(m_model->index(0, ShardsTableModel::StateColumn).data().toString(), u"Closed"_s);
    QVERIFY(!m_model->index(0, ShardsTableModel::EndingSequenceColumn).data().toString().isEmpty());
    // The parent keeps its record after closing.
    QCOMPARE(m_model->index(0, 0).data(ModelRole::RecordCountRole).toLongLong(), 1);
    QCOMPARE(m_model->index(2, ShardsTableModel::ParentColumn).data().toString(), u"shardId-000000000000"_s);
    QCOMPARE(m_model->index(2, 0).data(ModelRole::HashRangeEndRole).toString(), u"999"_s);
    QCOMPARE(m_model->index(3, 0).data(ModelRole::HashRangeStartRole).toString(), u"1000"_s);

    QVERIFY(await(m_backend->mergeShards(MergeShardsRequest{target, u"shardId-000000000003"_s,
                                                            u"shardId-000000000001"_s})).has_value());
    QTRY_COMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->index(4, ShardsTableModel::ParentColumn).data().toString(), u"shardId-000000000003"_s);
    QCOMPARE(m_model->index(4, ShardsTableModel::AdjacentParentColumn).data().toString(), u"shardId-000000000001"_s);
}

void TestShardsTableModel::burstOfAppendsCoalesces()
{
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"busy"_s, 2, {}, {}, {}})).has_value());
    QSignalSpy refreshed(m_model.get(), &ShardsTableModel::refreshed);
    m_model->setStream(m_backend.get(), u"busy"_s);
    QTRY_COMPARE(refreshed.size(), 1);
    refreshed.clear();

    // 1,000 single puts from another thread, so appends arrive while our event loop runs.
    Engine *engine = m_engine.get();
    QElapsedTimer timer;
    timer.start();
    auto producer = QtConcurrent::run([engine] {
        int ok = 0;
        for (int i = 0; i < 1000; ++i) {
            if (engine->putRecord(PutRecordRequest{StreamTarget::byName(u"busy"_s), "x"_ba,
                                                   u"k%1"_s.arg(i), {}, {}}))
                ++ok;
        }
        return ok;
    });
    QTRY_VERIFY_WITH_TIMEOUT(producer.isFinished(), 60000);
    QCOMPARE(producer.result(), 1000);
    const qint64 elapsedMs = timer.elapsed();
    auto total = [this] {
        return m_model->index(0, 0).data(ModelRole::RecordCountRole).toLongLong()
            + m_model->index(1, 0).data(ModelRole::RecordCountRole).toLongLong();
    };
    QTRY_COMPARE(total(), 1000);
    QTest::qWait(150);
    // At most one refresh per ~50 ms tick (plus the trailing one), never one per append.
    const qsizetype bound = elapsedMs / 40 + 3;
    qInfo("%lld refreshes for 1,000 appends in %lld ms", qint64(refreshed.size()), elapsedMs);
    QVERIFY2(refreshed.size() <= bound && refreshed.size() < 100,
             qPrintable(u"%1 refreshes for 1,000 appends in %2 ms"_s.arg(refreshed.size()).arg(elapsedMs)));
}

void TestShardsTableModel::switchingStreamsDropsStaleResults()
{
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"one"_s, 1, {}, {}, {}})).has_value());
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"three"_s, 3, {}, {}, {}})).has_value());
    // The model may refresh again when the catalog changes (a stream settling as ACTIVE); what
    // must never be applied is "three"'s answer once "one" is bound: record what each refresh
    // showed.
    QList<int> rowsAtRefresh;
    connect(m_model.get(), &ShardsTableModel::refreshed, this,
            [&] { rowsAtRefresh.append(m_model->rowCount()); });
    m_model->setStream(m_backend.get(), u"three"_s);
    m_model->setStream(m_backend.get(), u"one"_s); // "three"'s answer is now stale
    QTRY_VERIFY(!rowsAtRefresh.isEmpty());
    QTest::qWait(200);
    QCOMPARE(m_model->streamName(), u"one"_s);
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY2(!rowsAtRefresh.contains(3), "the stale answer for \"three\" was applied");
    QCOMPARE(rowsAtRefresh, QList<int>(rowsAtRefresh.size(), 1));
}

void TestShardsTableModel::deletedStreamEmptiesTable()
{
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"gone"_s, 2, {}, {}, {}})).has_value());
    m_model->setStream(m_backend.get(), u"gone"_s);
    QTRY_COMPARE(m_model->rowCount(), 2);
    QSignalSpy failed(m_model.get(), &ShardsTableModel::refreshFailed);
    QVERIFY(await(m_backend->deleteStream(DeleteStreamRequest{StreamTarget::byName(u"gone"_s), false})).has_value());
    QTRY_COMPARE(m_model->rowCount(), 0);
    QVERIFY(failed.size() >= 1);
    QCOMPARE(m_model->lastError()->type, ErrorType::ResourceNotFound);

    const auto missing = await(m_backend->listAllShards(StreamTarget::byName(u"gone"_s)));
    QVERIFY(!missing.has_value());
}

void TestShardsTableModel::useColumnsAgainstTheLimits()
{
    UsageHarness h;
    QVERIFY(h.open());
    ShardsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.headerData(ShardsTableModel::WriteUseColumn, Qt::Horizontal).toString(), u"Write use"_s);
    QCOMPARE(model.headerData(ShardsTableModel::ReadUseColumn, Qt::Horizontal).toString(), u"Read use"_s);
    QCOMPARE(h.put(370, 10), 370);
    model.setUsagePolling(true); // a view shows it
    model.setStream(h.backend.get(), u"s"_s);
    QTRY_COMPARE(model.rowCount(), 2);
    const QModelIndex write0 = model.index(0, ShardsTableModel::WriteUseColumn);
    const QModelIndex read0 = model.index(0, ShardsTableModel::ReadUseColumn);
    // Records are the tighter limit: 370 of 1,000 records/s against 4,070 bytes (data and
    // partition keys) of 1 MiB/s.
    QTRY_COMPARE(write0.data().toString(), u"37 % · 370 rec/s"_s);
    QCOMPARE(write0.data(ModelRole::UseFractionRole).toDouble(), 0.37);
    QCOMPARE(write0.data(ModelRole::SortRole).toDouble(), 0.37);
    QCOMPARE(write0.data(ModelRole::UseThrottledRole).toBool(), false);
    QCOMPARE(write0.data(ModelRole::UseEnforcedRole).toBool(), true);
    QCOMPARE(read0.data().toString(), u"0 % · 0 calls/s"_s);
    QCOMPARE(read0.data(ModelRole::UseFractionRole).toDouble(), 0.0);
    QCOMPARE(model.index(1, ShardsTableModel::WriteUseColumn).data().toString(), u"0 % · 0 rec/s"_s);
    const QString tip = write0.data(Qt::ToolTipRole).toString();
    const QLocale locale;
    QVERIFY2(tip.contains(u"370 rec/s of %1 rec/s"_s.arg(locale.toString(1000))), qPrintable(tip));
    QVERIFY2(tip.contains(u"%1/s of %2/s"_s.arg(locale.formattedDataSize(4070, 1),
                                                  locale.formattedDataSize(1024 * 1024, 0))),
             qPrintable(tip));
    QVERIFY2(tip.contains(u"0 calls/s of 5 calls/s"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Over the last second"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Limits enforced"_s), qPrintable(tip));

    // Polled: a burst over the limit shows as throttled, bytes take over as the tighter limit.
    QVERIFY(model.isPollingUsage());
    QCOMPARE(model.usagePollInterval(), 1000);
    h.clock->advanceMs(2000);
    // 1,000 records of 1,501 bytes: the bytes limit admits 698 (1 MiB) and refuses the rest.
    QCOMPARE(h.put(1000, 1500), 698);
    QTRY_COMPARE(write0.data(ModelRole::UseThrottledRole).toBool(), true);
    QVERIFY(write0.data(ModelRole::UseFractionRole).toDouble() > 0.999);
    QVERIFY(write0.data().toString().startsWith(u"100 % · "_s));
    QVERIFY2(write0.data().toString().endsWith(u"/s"_s) && !write0.data().toString().contains(u"rec/s"_s),
             qPrintable(write0.data().toString()));
    QVERIFY(write0.data(Qt::ToolTipRole).toString().contains(u"Throttled writes: 302 rec/s"_s));

    // Limits off: still measured, shown as not enforced.
    h.engine->setThroughputLimitsEnabled(false);
    h.clock->advanceMs(2000);
    QCOMPARE(h.put(1500, 10), 1500);
    QTRY_COMPARE(write0.data().toString(), u"150 % · %1 rec/s"_s.arg(locale.toString(1500)));
    QCOMPARE(write0.data(ModelRole::UseEnforcedRole).toBool(), false);
    QVERIFY(write0.data(Qt::ToolTipRole).toString().contains(u"Limits not enforced"_s));

    // A closed shard has no use.
    model.setUsagePolling(false);
    QVERIFY(h.engine->splitShard(SplitShardRequest{StreamTarget::byName(u"s"_s),
                                                   u"shardId-000000000000"_s, u"1000"_s}).has_value());
    QTRY_COMPARE(model.rowCount(), 4);
    QVERIFY(model.index(0, ShardsTableModel::WriteUseColumn).data().toString().isEmpty());
    QVERIFY(model.index(0, ShardsTableModel::WriteUseColumn).data(ModelRole::UseFractionRole).isNull());
    QCOMPARE(model.index(0, ShardsTableModel::WriteUseColumn).data(ModelRole::SortRole).toDouble(), -1.0);
    // Its children have theirs once the use is read again.
    QVERIFY(model.index(2, ShardsTableModel::WriteUseColumn).data().toString().isEmpty());
    model.setUsagePolling(true);
    QTRY_COMPARE(model.index(2, ShardsTableModel::WriteUseColumn).data().toString(), u"0 % · 0 rec/s"_s);
    QVERIFY(model.index(0, ShardsTableModel::WriteUseColumn).data().toString().isEmpty());
}

void TestShardsTableModel::useIsPolledOnlyWhileShown()
{
    UsageHarness h;
    QVERIFY(h.open());
    ShardsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int usageCalls = 0;
    connect(h.backend.get(), &StreamBackend::callStarted, this, [&](const BackendCall &call) {
        if (call.operation == u"ShardUsage"_s)
            ++usageCalls;
    });
    QSignalSpy refreshed(&model, &ShardsTableModel::refreshed);
    model.setStream(h.backend.get(), u"s"_s);
    QTRY_COMPARE(refreshed.size(), 1);
    QTest::qWait(1300);
    QCOMPARE(usageCalls, 0); // not shown: not read at all
    const QModelIndex write0 = model.index(0, ShardsTableModel::WriteUseColumn);
    QVERIFY(write0.data().toString().isEmpty());

    QSignalSpy usageRefreshed(&model, &ShardsTableModel::usageRefreshed);
    model.setUsagePolling(true);
    QVERIFY(model.isPollingUsage());
    QTRY_COMPARE(write0.data().toString(), u"0 % · 0 rec/s"_s);
    QCOMPARE(usageCalls, 1); // at once
    QCOMPARE(h.put(250, 10), 250);
    QTRY_COMPARE(write0.data().toString(), u"25 % · 250 rec/s"_s);
    const int beforeWait = usageCalls;
    const qsizetype refreshesBeforeWait = refreshed.size();
    QTest::qWait(2200);
    // About once a second: two or three more in 2.2 s, and polls do not count the records again
    // or announce a refresh of the shards.
    QVERIFY2(usageCalls - beforeWait >= 1 && usageCalls - beforeWait <= 3,
             qPrintable(QString::number(usageCalls - beforeWait)));
    QCOMPARE(refreshed.size(), refreshesBeforeWait);
    QVERIFY(usageRefreshed.size() >= 2);

    model.setUsagePolling(false);
    QTest::qWait(50);
    const int stopped = usageCalls;
    h.clock->advanceMs(1100);
    QTest::qWait(1300);
    QCOMPARE(usageCalls, stopped);
    QCOMPARE(write0.data().toString(), u"25 % · 250 rec/s"_s); // the last values stay

    // Another stream, still not shown: not read; shown: read with the shards, then polled.
    QVERIFY(h.engine->createStream(CreateStreamRequest{u"t"_s, 1, {}, {}, {}}).has_value());
    const qsizetype refreshesBefore = refreshed.size();
    model.setStream(h.backend.get(), u"t"_s);
    QTRY_VERIFY(refreshed.size() > refreshesBefore);
    QTest::qWait(100);
    QCOMPARE(usageCalls, stopped);
    QVERIFY(!model.isPollingUsage());
    model.setUsagePolling(true);
    QTRY_COMPARE(usageCalls, stopped + 1);
    model.setStream(h.backend.get(), u"s"_s);
    QTRY_COMPARE(model.index(0, ShardsTableModel::WriteUseColumn).data().toString(), u"0 % · 0 rec/s"_s);
    QVERIFY(model.isPollingUsage());
    QCOMPARE(usageCalls, stopped + 2);
}

void TestShardsTableModel::useThatCannotBeMeasured()
{
    UsageHarness h;
    QVERIFY(h.open());
    NoMonitoringBackend backend(*h.backend);
    ShardsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy usageRefreshed(&model, &ShardsTableModel::usageRefreshed);
    model.setUsagePolling(true);
    model.setStream(&backend, u"s"_s);
    QTRY_COMPARE(usageRefreshed.size(), 1);
    const QModelIndex write0 = model.index(0, ShardsTableModel::WriteUseColumn);
    QCOMPARE(write0.data().toString(), u"Needs enhanced monitoring"_s);
    QVERIFY(write0.data(ModelRole::UseFractionRole).isNull());
    QVERIFY(write0.data(Qt::ToolTipRole).toString().contains(u"last complete minute"_s));
    // Figures averaged over a minute are polled every 15 s, not every second.
    QCOMPARE(model.usagePollInterval(), 15'000);
    QTest::qWait(1500);
    QCOMPARE(usageRefreshed.size(), 1);

    // An error reading the use leaves the shards alone and shows in the use cells' tooltips.
    backend.error = Error{ErrorType::AccessDenied, u"not allowed: cloudwatch:GetMetricData"_s};
    QSignalSpy failed(&model, &ShardsTableModel::refreshFailed);
    model.refresh();
    QTRY_VERIFY(model.usageError().has_value());
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.lastError());
    QCOMPARE(failed.size(), 0);
    QVERIFY(write0.data().toString().isEmpty());
    QVERIFY(write0.data(Qt::ToolTipRole).toString().contains(u"not allowed: cloudwatch:GetMetricData"_s));
}

QTEST_GUILESS_MAIN(TestShardsTableModel)
#include "tst_shardstablemodel.moc"
