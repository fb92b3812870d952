// ConsumerGroup over DynamoLeaseTable on dynalite (started by the test), the stream in the
// in-process emulator and the lease protocol driven on a ManualClock: a table laid out as a KCL
// 2.x application leaves it (one shard held by a worker that is gone, checkpointed halfway, one
// unowned at TRIM_HORIZON) is taken over from its checkpoints by a 2-worker group, which reads a
// split stream with every record processed once, parents first, and leaves items in KCL's
// attribute layout; a worker killed between processing and checkpointing fails over to the
// survivor with nothing skipped.

#include "aws/dynamodbclient.h"
#include "consumer/dynamoleasetable.h"
#include "consumergroupharness.h"
#include "dynalitehelper.h"

#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace shardscope;
using namespace shardscope::testing;

namespace {

QString shard(int index)
{
    return GroupHarness::shard(index);
}

QJsonObject s(const QString &value)
{
    return QJsonObject{{u"S"_s, value}};
}

QJsonObject n(qint64 value)
{
    return QJsonObject{{u"N"_s, QString::number(value)}};
}

QJsonObject ss(const QStringList &values)
{
    return QJsonObject{{u"SS"_s, QJsonArray::fromStringList(values)}};
}

// The attributes KCL 2.x's DynamoDBLeaseSerializer writes, with their DynamoDB types.
const QHash<QString, QString> kKclAttributes{
    {u"leaseKey"_s, u"S"_s},          {u"leaseOwner"_s, u"S"_s},
    {u"leaseCounter"_s, u"N"_s},      {u"checkpoint"_s, u"S"_s},
    {u"checkpointSubSequenceNumber"_s, u"N"_s},
    {u"pendingCheckpoint"_s, u"S"_s}, {u"pendingCheckpointSubSequenceNumber"_s, u"N"_s},
    {u"ownerSwitchesSinceCheckpoint"_s, u"N"_s},
    {u"parentShardId"_s, u"SS"_s},    {u"childShardIds"_s, u"SS"_s},
    {u"startingHashKey"_s, u"S"_s},   {u"endingHashKey"_s, u"S"_s},
};

} // namespace

class TestConsumerGroupDynamo : public QObject
{
    Q_OBJECT

private:
    Dynalite m_dynalite;
    std::unique_ptr<DynamoDbClient> m_client;
    std::unique_ptr<DynamoLeaseTable> m_table;
    GroupHarness m_h;
    int m_tables = 0;
    QString m_tableName;

    ConsumerGroupOptions options(int workers) const
    {
        return GroupHarness::groupOptions(m_tableName, workers);
    }

    Lease storedLease(const QString &key)
    {
        const auto lease = awaitFuture(m_table->getLease(key));
        return lease && *lease ? **lease : Lease{};
    }

    QHash<QString, QJsonObject> rawItems()
    {
        QHash<QString, QJsonObject> items;
        const auto scanned = awaitFuture(m_client->scan(m_tableName));
        if (scanned) {
            for (const QJsonObject &item : *scanned)
                items.insert(item.value("leaseKey"_L1).toObject().value("S"_L1).toString(), item);
        }
        return items;
    }

private slots:
    void initTestCase()
    {
        QString why;
        QVERIFY2(m_dynalite.start(&why), qPrintable(why));
        m_client = m_dynalite.makeClient();
    }

    void init()
    {
        QVERIFY(m_h.open());
        m_tableName = u"orders-app-%1"_s.arg(++m_tables);
        m_table = std::make_unique<DynamoLeaseTable>(m_client.get(), m_tableName, false);
    }

    void cleanup()
    {
        m_h.close();
        m_table.reset();
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_dynalite.stop();
    }

    void takesOverKclLeasesAndReadsASplitOnce()
    {
        QVERIFY(m_h.createStream(u"s"_s, 2));
        const StreamTarget target = StreamTarget::byName(u"s"_s);
        const auto shards = GroupHarness::await(m_h.emulator->listAllShards(target));
        QVERIFY(shards && shards->size() == 2);

        // What a KCL application had read before it went away: shard 0 up to its checkpoint.
        const QStringList before = m_h.put(u"s"_s, 40);
        QStringList onShard0;
        for (const QString &key : before) {
            if (key.startsWith(shard(0) + u'/'))
                onShard0.append(key);
        }
        QVERIFY2(onShard0.size() >= 4, qPrintable(QString::number(onShard0.size())));
        const qsizetype read = onShard0.size() / 2;
        const QStringList alreadyRead = onShard0.mid(0, read);
        const QString checkpoint = alreadyRead.last().section(u'/', 1);
        QStringList all;
        for (const QString &key : before) {
            if (!alreadyRead.contains(key))
                all.append(key);
        }

        // The table as KCL 2.x leaves it: created by KCL (hash key leaseKey, S); shard 0 held by
        // a worker that is gone, checkpointed; shard 1 as KCL's shard sync creates it.
        QVERIFY(createActiveTable(*m_client, m_tableName, u"leaseKey"_s));
        const auto range = [&](int i, const QString &which) {
            const HashKeyRange &r = shards->at(i).hashKeyRange;
            return s(which == "start"_L1 ? r.start.toDecimal() : r.end.toDecimal());
        };
        QVERIFY(awaitFuture(m_client->putItem(
                                m_tableName,
                                QJsonObject{{u"leaseKey"_s, s(shard(0))},
                                            {u"leaseOwner"_s, s(u"ip-10-0-0-12:5e0c1c07-dead"_s)},
                                            {u"leaseCounter"_s, n(41)},
                                            {u"checkpoint"_s, s(checkpoint)},
                                            {u"checkpointSubSequenceNumber"_s, n(0)},
                                            {u"ownerSwitchesSinceCheckpoint"_s, n(0)},
                                            {u"startingHashKey"_s, range(0, u"start"_s)},
                                            {u"endingHashKey"_s, range(0, u"end"_s)}}))
                    .has_value());
        QVERIFY(awaitFuture(m_client->putItem(
                                m_tableName,
                                QJsonObject{{u"leaseKey"_s, s(shard(1))},
                                            {u"leaseCounter"_s, n(0)},
                                            {u"checkpoint"_s, s(u"TRIM_HORIZON"_s)},
                                            {u"checkpointSubSequenceNumber"_s, n(0)},
                                            {u"ownerSwitchesSinceCheckpoint"_s, n(0)},
                                            {u"startingHashKey"_s, range(1, u"start"_s)},
                                            {u"endingHashKey"_s, range(1, u"end"_s)}}))
                    .has_value());

        QVERIFY(m_h.startGroup(m_table.get(), options(2)));
        QCOMPARE(awaitFuture(m_table->listLeases())->size(), 2); // the sync created nothing
        // Shard 1 is taken at once; shard 0 once the gone worker's counter stood still for the
        // failover time.
        QVERIFY(m_h.drive([&] { return !m_h.holderOf(shard(0)).isEmpty() && !m_h.holderOf(shard(1)).isEmpty(); }, 20));
        QVERIFY2(m_h.drive([&] { return m_h.distinctProcessed(all) == all.size(); }, 20),
                 qPrintable(u"%1 of %2"_s.arg(m_h.distinctProcessed(all)).arg(all.size())));
        for (const QString &key : alreadyRead)
            QVERIFY2(!m_h.times.contains(key), qPrintable(key)); // read on after the checkpoint

        // A split: the parent is read to its end before either child.
        QVERIFY(GroupHarness::await(m_h.emulator->splitShard(SplitShardRequest{
                                        target, shard(0), shards->at(0).hashKeyRange.midpoint().toDecimal()}))
                    .has_value());
        QVERIFY(m_h.waitUntilActive(u"s"_s));
        all += m_h.put(u"s"_s, 60);
        QCOMPARE(all.size(), 40 - read + 60);
        QVERIFY2(m_h.drive([&] { return m_h.distinctProcessed(all) == all.size(); }, 30),
                 qPrintable(u"%1 of %2"_s.arg(m_h.distinctProcessed(all)).arg(all.size())));
        QCOMPARE(m_h.processed.size(), all.size()); // nothing twice
        QVERIFY(m_h.firstIndex(shard(2)) < m_h.processed.size() || m_h.firstIndex(shard(3)) < m_h.processed.size());
        for (const QString &child : {shard(2), shard(3)})
            QVERIFY(m_h.lastIndex(shard(0)) < m_h.firstIndex(child));

        // The items are in KCL's layout, with KCL's types.
        QVERIFY(m_h.drive([&] { return storedLease(shard(0)).reachedShardEnd(); }, 5));
        const QHash<QString, QJsonObject> items = rawItems();
        QCOMPARE(items.size(), 4);
        for (const QJsonObject &item : items) {
            for (auto it = item.begin(); it != item.end(); ++it) {
                QVERIFY2(kKclAttributes.contains(it.key()), qPrintable(it.key()));
                QCOMPARE(it.value().toObject().keys(), QStringList{kKclAttributes.value(it.key())});
            }
            for (const char *required : {"leaseKey", "leaseCounter", "checkpoint",
                                         "checkpointSubSequenceNumber", "ownerSwitchesSinceCheckpoint"})
                QVERIFY2(item.contains(QLatin1StringView(required)), required);
        }
        const QJsonObject parent = items.value(shard(0));
        QCOMPARE(parent.value("checkpoint"_L1).toObject(), s(u"SHARD_END"_s));
        QCOMPARE(parent.value("childShardIds"_L1).toObject().value("SS"_L1).toArray(),
                 QJsonArray({shard(2), shard(3)}));
        QVERIFY(!parent.value("leaseOwner"_L1).toObject().value("S"_L1).toString().contains(u"dead"_s));
        for (int child : {2, 3}) {
            const QJsonObject item = items.value(shard(child));
            QCOMPARE(item.value("parentShardId"_L1).toObject(), ss({shard(0)}));
            QVERIFY(item.contains("startingHashKey"_L1) && item.contains("endingHashKey"_L1));
        }
        QVERIFY(!items.value(shard(1)).contains("parentShardId"_L1));
    }

    void killedWorkerFailsOverFromItsCheckpoint()
    {
        QVERIFY(m_h.createStream(u"s"_s, 2));
        QVERIFY(m_h.startGroup(m_table.get(), options(2)));
        // The group created the table and both leases.
        QCOMPARE(awaitFuture(m_table->tableExists()), BackendResult<bool>(true));
        // One each, after a steal when the first round gave both to one worker (each saw only
        // itself then, as in KCL).
        QVERIFY(m_h.drive([&] {
            return !m_h.holderOf(shard(0)).isEmpty() && !m_h.holderOf(shard(1)).isEmpty()
                && m_h.holderOf(shard(0)) != m_h.holderOf(shard(1));
        }, 20));
        QStringList all = m_h.put(u"s"_s, 40);
        QVERIFY(m_h.drive([&] { return m_h.distinctProcessed(all) == all.size(); }, 20));

        const QString victim = m_h.holderOf(shard(0));
        const QString survivor = victim == u"worker-1"_s ? u"worker-2"_s : u"worker-1"_s;
        // It dies right after processing a batch of shard 0, before the batch's checkpoint.
        int victimBatch = 0;
        const auto connection = connect(m_h.group.get(), &ConsumerGroup::batchProcessed, this,
                                        [&](const QString &workerId, const QString &shardId, const QList<Record> &records) {
                                            if (workerId == victim && shardId == shard(0) && victimBatch == 0) {
                                                victimBatch = int(records.size());
                                                m_h.group->killWorker(victim);
                                            }
                                        });
        all += m_h.put(u"s"_s, 40);
        // On the engine's clock, as the reads' quota is (5 GetRecords a second per shard).
        QVERIFY(m_h.drive([&] { return victimBatch > 0; }, 10));
        disconnect(connection);
        all += m_h.put(u"s"_s, 40);
        QCOMPARE(storedLease(shard(0)).leaseOwner, victim); // no eviction: it just stopped

        QVERIFY(m_h.drive([&] { return m_h.holderOf(shard(0)) == survivor && m_h.distinctProcessed(all) == all.size(); }, 40));
        for (const QString &key : std::as_const(all))
            QVERIFY2(m_h.times.value(key) >= 1, qPrintable(key)); // nothing skipped
        QCOMPARE(int(m_h.processed.size() - all.size()), victimBatch); // the batch after the last checkpoint
        const Lease taken = storedLease(shard(0));
        QCOMPARE(taken.leaseOwner, survivor);
        QCOMPARE(taken.ownerSwitchesSinceCheckpoint, 0); // checkpointed since
        QString lastOnShard0;
        for (const QString &key : std::as_const(all)) {
            if (key.startsWith(shard(0) + u'/'))
                lastOnShard0 = key.section(u'/', 1);
        }
        QVERIFY(m_h.drive([&] { return storedLease(shard(0)).checkpoint == lastOnShard0; }, 5));
        QCOMPARE(m_h.group->worker(survivor)->status().leaseKeys, (QStringList{shard(0), shard(1)}));
        QCOMPARE(rawItems().value(shard(0)).value("leaseOwner"_L1).toObject(), s(survivor));
    }
};

QTEST_GUILESS_MAIN(TestConsumerGroupDynamo)
#include "tst_consumergroup_dynamo.moc"
