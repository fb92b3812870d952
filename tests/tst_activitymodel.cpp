// ActivityModel: every call appears when it starts and is completed in place, failures carry the
// Kinesis error type, the capacity drops the oldest rows, and the model stays consistent under
// QAbstractItemModelTester.

#include "models/activitymodel.h"
#include "backendtesthelpers.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

class TestActivityModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void callsAppearAndComplete();
    void failuresCarryTheErrorType();
    void capacityDropsTheOldest();
    void unwatchedBackendsAreIgnored();
    void clearEmptiesAndResetsFailures();
    void recordReadsAreHiddenUnlessAsked();

private:
    QString cell(int row, int column) const
    {
        return m_model->data(m_model->index(row, column)).toString();
    }

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
    std::unique_ptr<ActivityModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestActivityModel::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_engine = openEngine(*m_dir);
    QVERIFY(m_engine);
    m_backend = std::make_unique<EmulatorBackend>(*m_engine, EmulatorBackendOptions{u"Local"_s, false, 2});
    m_model = std::make_unique<ActivityModel>(5);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->watch(m_backend.get());
}

void TestActivityModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_backend.reset();
    m_engine.reset();
    delete m_dir;
    m_dir = nullptr;
}

void TestActivityModel::callsAppearAndComplete()
{
    auto future = m_backend->createStream(CreateStreamRequest{u"orders"_s, 2, {}, {}, {}});
    // The row is there as soon as the call is made, still pending.
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(cell(0, ActivityModel::OperationColumn), u"CreateStream"_s);
    QCOMPARE(cell(0, ActivityModel::TargetColumn), u"orders"_s);
    QCOMPARE(cell(0, ActivityModel::ConnectionColumn), u"Local"_s);
    QVERIFY(await(future).has_value());
    QTRY_COMPARE(m_model->data(m_model->index(0, 0), ActivityModel::PendingRole).toBool(), false);
    QCOMPARE(cell(0, ActivityModel::ResultColumn), u"OK"_s);
    QVERIFY(m_model->data(m_model->index(0, 0), ActivityModel::DurationMsRole).isValid());
    QVERIFY(cell(0, ActivityModel::DurationColumn).endsWith(u" ms"_s));
    QCOMPARE(m_model->failedCount(), 0);

    QVERIFY(await(m_backend->listAllShards(StreamTarget::byName(u"orders"_s))).has_value());
    QTRY_COMPARE(m_model->rowCount(), 2);
    QCOMPARE(cell(1, ActivityModel::OperationColumn), u"ListShards"_s);
}

void TestActivityModel::failuresCarryTheErrorType()
{
    QSignalSpy failed(m_model.get(), &ActivityModel::failedCountChanged);
    QVERIFY(!await(m_backend->describeStreamSummary(StreamTarget::byName(u"missing"_s))).has_value());
    QTRY_COMPARE(m_model->failedCount(), 1);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(m_model->data(m_model->index(0, 0), ActivityModel::FailedRole).toBool(), true);
    QCOMPARE(m_model->data(m_model->index(0, 0), ActivityModel::ErrorTypeRole).toString(),
             u"ResourceNotFoundException"_s);
    QVERIFY(cell(0, ActivityModel::ResultColumn).startsWith(u"ResourceNotFoundException: Stream missing"_s));
    QVERIFY(m_model->data(m_model->index(0, ActivityModel::ResultColumn), Qt::ToolTipRole)
                .toString().contains(u"missing"_s));
}

void TestActivityModel::capacityDropsTheOldest()
{
    QVERIFY(!await(m_backend->describeStreamSummary(StreamTarget::byName(u"first"_s))).has_value());
    QTRY_COMPARE(m_model->failedCount(), 1);
    for (int i = 0; i < 7; ++i)
        QVERIFY(await(m_backend->listAllStreams()).has_value());
    QTRY_COMPARE(m_model->data(m_model->index(4, 0), ActivityModel::PendingRole).toBool(), false);
    QCOMPARE(m_model->rowCount(), 5);
    // The failed call scrolled out, so the failure count follows.
    QCOMPARE(m_model->failedCount(), 0);
    for (int row = 0; row < 5; ++row)
        QCOMPARE(cell(row, ActivityModel::OperationColumn), u"ListStreams"_s);
}

void TestActivityModel::unwatchedBackendsAreIgnored()
{
    EmulatorBackend other(*m_engine);
    QVERIFY(await(other.listAllStreams()).has_value());
    QCOMPARE(m_model->rowCount(), 0);
    m_model->watch(&other);
    QVERIFY(await(other.listAllStreams()).has_value());
    QTRY_COMPARE(m_model->rowCount(), 1);
    QCOMPARE(cell(0, ActivityModel::ConnectionColumn), u"Local emulator"_s);
    m_model->unwatch(&other);
    QVERIFY(await(other.listAllStreams()).has_value());
    QTest::qWait(20);
    QCOMPARE(m_model->rowCount(), 1);
}

void TestActivityModel::clearEmptiesAndResetsFailures()
{
    QVERIFY(!await(m_backend->describeStreamSummary(StreamTarget::byName(u"x"_s))).has_value());
    QTRY_COMPARE(m_model->failedCount(), 1);
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->failedCount(), 0);
    // A call in flight when cleared still lands as a whole row.
    auto future = m_backend->listAllStreams();
    m_model->clear();
    QVERIFY(await(future).has_value());
    QTRY_COMPARE(m_model->rowCount(), 1);
    QCOMPARE(cell(0, ActivityModel::ResultColumn), u"OK"_s);
}

void TestActivityModel::recordReadsAreHiddenUnlessAsked()
{
    m_model = std::make_unique<ActivityModel>(50);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->watch(m_backend.get());
    QVERIFY(!m_model->showsRecordReads());
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"orders"_s, 1, {}, {}, {}})).has_value());
    QTRY_VERIFY(await(m_backend->describeStreamSummary(StreamTarget::byName(u"orders"_s)))->streamStatus ==
                StreamStatus::Active);
    const int before = m_model->rowCount();

    // A successful read leaves no row: a live tail makes several a second.
    GetShardIteratorRequest request;
    request.target = StreamTarget::byName(u"orders"_s);
    request.shardId = u"shardId-000000000000"_s;
    const auto iterator = await(m_backend->getShardIterator(request));
    QVERIFY(iterator.has_value());
    const auto page = await(m_backend->getRecords(GetRecordsRequest{iterator->shardIterator, {}, {}}));
    QVERIFY(page.has_value() && page->nextShardIterator);
    QVERIFY(await(m_backend->shardStatistics(u"orders"_s)).has_value());
    QCOMPARE(m_model->rowCount(), before);

    // A failed one always shows, with its error.
    QVERIFY(!await(m_backend->getRecords(GetRecordsRequest{u"not-an-iterator"_s, {}, {}})).has_value());
    QTRY_COMPARE(m_model->rowCount(), before + 1);
    QCOMPARE(cell(before, ActivityModel::OperationColumn), u"GetRecords"_s);
    QVERIFY(m_model->data(m_model->index(before, 0), ActivityModel::FailedRole).toBool());
    QCOMPARE(m_model->failedCount(), 1);

    // Asked for, successful reads are listed too.
    m_model->setShowRecordReads(true);
    QVERIFY(await(m_backend->getRecords(GetRecordsRequest{*page->nextShardIterator, {}, {}})).has_value());
    QTRY_COMPARE(m_model->rowCount(), before + 2);
    QCOMPARE(cell(before + 1, ActivityModel::OperationColumn), u"GetRecords"_s);
    QCOMPARE(cell(before + 1, ActivityModel::ResultColumn), u"OK"_s);
}

QTEST_GUILESS_MAIN(TestActivityModel)
#include "tst_activitymodel.moc"
