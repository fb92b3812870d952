// ShardsTableModel: rows and columns follow splits, merges and deletes; counts follow appends;
// a burst of appends costs only a few refreshes; results for a previous stream are dropped.
// Every case runs under QAbstractItemModelTester.

#include "backend/emulatorbackend.h"
#include "backendtesthelpers.h"
#include "models/modelroles.h"
#include "models/shardstablemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

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

QTEST_GUILESS_MAIN(TestShardsTableModel)
#include "tst_shardstablemodel.moc"
