// StreamTreeModel: connections → streams → shards follows creates, reshards and deletes through
// the backend, fetches shards lazily, coalesces catalog bursts, and stays a valid model
// throughout (QAbstractItemModelTester).

#include "backend/emulatorbackend.h"
#include "backendtesthelpers.h"
#include "models/modelroles.h"
#include "models/streamtreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

class TestStreamTreeModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void connectionsAreTopLevel();
    void followsCreateSplitMergeDelete();
    void catalogBurstIsCoalesced();
    void removingConnectionDropsItsRows();

private:
    QStringList streamNames(const QModelIndex &connection) const;
    QStringList shardIds(const QModelIndex &stream) const;

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
    std::unique_ptr<StreamTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestStreamTreeModel::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_engine = openEngine(*m_dir);
    QVERIFY(m_engine);
    m_backend = std::make_unique<EmulatorBackend>(*m_engine);
    m_model = std::make_unique<StreamTreeModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestStreamTreeModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_backend.reset();
    m_engine.reset();
    delete m_dir;
    m_dir = nullptr;
}

QStringList TestStreamTreeModel::streamNames(const QModelIndex &connection) const
{
    QStringList names;
    for (int row = 0; row < m_model->rowCount(connection); ++row)
        names.append(m_model->index(row, 0, connection).data(ModelRole::StreamNameRole).toString());
    return names;
}

QStringList TestStreamTreeModel::shardIds(const QModelIndex &stream) const
{
    QStringList ids;
    for (int row = 0; row < m_model->rowCount(stream); ++row)
        ids.append(m_model->index(row, 0, stream).data(ModelRole::ShardIdRole).toString());
    return ids;
}

void TestStreamTreeModel::connectionsAreTopLevel()
{
    EmulatorBackend archive(*m_engine, EmulatorBackendOptions{u"Archive"_s, true, 1});
    m_model->addConnection(m_backend.get());
    m_model->addConnection(&archive);
    QCOMPARE(m_model->rowCount(), 2);
    const QModelIndex local = m_model->index(0, 0);
    QCOMPARE(local.data().toString(), u"Local emulator"_s);
    QCOMPARE(local.data(ModelRole::NodeKindRole).toInt(), int(NodeKind::Connection));
    QCOMPARE(local.data(ModelRole::ConnectionKindRole).toInt(), int(BackendKind::LocalEmulator));
    QCOMPARE(local.data(ModelRole::ReadOnlyRole).toBool(), false);
    QCOMPARE(m_model->index(1, 0).data(ModelRole::ReadOnlyRole).toBool(), true);
    QCOMPARE(m_model->backendFor(m_model->index(1, 0)), &archive);

    // Both connections see the same engine, so both list the new stream.
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"shared"_s, 1, {}, {}, {}})).has_value());
    QTRY_COMPARE(streamNames(m_model->index(0, 0)), QStringList{u"shared"_s});
    QTRY_COMPARE(streamNames(m_model->index(1, 0)), QStringList{u"shared"_s});
    m_model->removeConnection(&archive);
    QCOMPARE(m_model->rowCount(), 1);
}

void TestStreamTreeModel::followsCreateSplitMergeDelete()
{
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"beta"_s, 2, {}, {}, {}})).has_value());
    m_model->addConnection(m_backend.get());
    const QModelIndex connection = m_model->connectionIndex(m_backend.get());
    QTRY_COMPARE(streamNames(connection), QStringList{u"beta"_s});

    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"alpha"_s, 1, {}, {}, {}})).has_value());
    QTRY_COMPARE(streamNames(connection), (QStringList{u"alpha"_s, u"beta"_s}));

    QModelIndex beta = m_model->streamIndex(m_backend.get(), u"beta"_s);
    QCOMPARE(beta.data(ModelRole::NodeKindRole).toInt(), int(NodeKind::Stream));
    QCOMPARE(beta.data(ModelRole::StreamStatusRole).toInt(), int(StreamStatus::Active));
    QVERIFY(m_model->hasChildren(beta));
    // The model tester may already have fetched them, as a view expanding the row would.
    if (m_model->canFetchMore(beta))
        m_model->fetchMore(beta);
    QTRY_COMPARE(m_model->rowCount(beta), 2);
    QVERIFY(!m_model->canFetchMore(beta));
    const QModelIndex shard0 = m_model->index(0, 0, beta);
    QCOMPARE(shard0.parent(), beta);
    QCOMPARE(shard0.data(ModelRole::ShardStateRole).toInt(), int(ShardState::Open));
    QCOMPARE(shard0.data(ModelRole::HashRangeStartRole).toString(), u"0"_s);
    QCOMPARE(shard0.data(ModelRole::HashRangeStartFractionRole).toDouble(), 0.0);
    QCOMPARE(m_model->backendFor(shard0), m_backend.get());

    // Split shard 0: the parent closes, two children appear; fetched shards refresh by themselves.
    const QString parentId = shard0.data(ModelRole::ShardIdRole).toString();
    const QString middle = u"85070591730234615865843651857942052864"_s;
    QVERIFY(await(m_backend->splitShard(SplitShardRequest{StreamTarget::byName(u"beta"_s), parentId, middle})).has_value());
    QTRY_COMPARE(m_model->rowCount(beta), 4);
    QCOMPARE(m_model->index(0, 0, beta).data(ModelRole::ShardStateRole).toInt(), int(ShardState::Closed));
    QVERIFY(!m_model->index(0, 0, beta).data(ModelRole::EndingSequenceNumberRole).isNull());
    const QModelIndex child = m_model->index(2, 0, beta);
    QCOMPARE(child.data(ModelRole::ParentShardIdRole).toString(), parentId);
    QCOMPARE(child.data(ModelRole::HashRangeEndRole).toString(),
             u"85070591730234615865843651857942052863"_s);

    // Merge the two children.
    QVERIFY(await(m_backend->mergeShards(MergeShardsRequest{StreamTarget::byName(u"beta"_s),
                                                            shardIds(beta).at(2), shardIds(beta).at(3)})).has_value());
    QTRY_COMPARE(m_model->rowCount(beta), 5);
    QCOMPARE(m_model->index(4, 0, beta).data(ModelRole::AdjacentParentShardIdRole).toString(), shardIds(beta).at(3));

    QVERIFY(await(m_backend->deleteStream(DeleteStreamRequest{StreamTarget::byName(u"beta"_s), false})).has_value());
    QTRY_COMPARE(streamNames(connection), QStringList{u"alpha"_s});
    QVERIFY(!m_model->streamIndex(m_backend.get(), u"beta"_s).isValid());
}

void TestStreamTreeModel::catalogBurstIsCoalesced()
{
    m_model->addConnection(m_backend.get());
    QSignalSpy refreshed(m_model.get(), &StreamTreeModel::streamsRefreshed);
    QTRY_COMPARE(refreshed.size(), 1);
    refreshed.clear();
    QList<BackendFuture<void>> creates;
    for (int i = 0; i < 40; ++i)
        creates.append(m_backend->createStream(CreateStreamRequest{u"s%1"_s.arg(i, 2, 10, QChar(u'0')), 1, {}, {}, {}}));
    for (const auto &create : std::as_const(creates))
        QVERIFY(await(create).has_value());
    const QModelIndex connection = m_model->connectionIndex(m_backend.get());
    QTRY_COMPARE(m_model->rowCount(connection), 40);
    QTest::qWait(200);
    QVERIFY2(refreshed.size() < 15, qPrintable(u"%1 refreshes for 40 creates"_s.arg(refreshed.size())));
}

void TestStreamTreeModel::removingConnectionDropsItsRows()
{
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"x"_s, 1, {}, {}, {}})).has_value());
    m_model->addConnection(m_backend.get());
    // Removed before its listing arrives: the late result must be dropped.
    m_model->removeConnection(m_backend.get());
    QCOMPARE(m_model->rowCount(), 0);
    QTest::qWait(100);
    QCOMPARE(m_model->rowCount(), 0);
    m_model->addConnection(m_backend.get());
    QTRY_COMPARE(m_model->rowCount(m_model->index(0, 0)), 1);
}

QTEST_GUILESS_MAIN(TestStreamTreeModel)
#include "tst_streamtreemodel.moc"
