// ShardSyncer::leasesToCreate, KCL's HierarchicalShardSyncer idea: with TRIM_HORIZON the oldest
// ancestors only, with LATEST the open shards; children of a parent at SHARD_END; nothing twice,
// nor for a shard whose lease the clean-up deleted after its children were read;
// parentShardId and the hash key range on every new lease. And sync() against the emulator.

#include "backendtesthelpers.h"
#include "consumer/shardsyncer.h"
#include "consumer/sqliteleasetable.h"
#include "expectedassert.h"
#include "kinesis/shardid.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

QString id(int i)
{
    return ShardId::format(quint32(i));
}

// 0 split into 2 and 3, 2 and 3 merged into 4; 1 open throughout.
QList<Shard> history()
{
    const HashKeyRange all = HashKeyRange{HashKey(), HashKey::max()};
    QList<Shard> shards(5);
    for (int i = 0; i < 5; ++i) {
        shards[i].shardId = id(i);
        shards[i].hashKeyRange = all;
    }
    shards[0].endingSequenceNumber = SequenceNumber();
    shards[2].parentShardId = id(0);
    shards[2].endingSequenceNumber = SequenceNumber();
    shards[3].parentShardId = id(0);
    shards[3].endingSequenceNumber = SequenceNumber();
    shards[4].parentShardId = id(2);
    shards[4].adjacentParentShardId = id(3);
    return shards;
}

QStringList keys(const QList<Lease> &leases)
{
    QStringList result;
    for (const Lease &lease : leases)
        result.append(lease.leaseKey + u'@' + lease.checkpoint);
    return result;
}

Lease existing(int shard, const QString &checkpoint)
{
    Lease lease;
    lease.leaseKey = id(shard);
    lease.checkpoint = checkpoint;
    return lease;
}

} // namespace

class TestShardSyncer : public QObject
{
    Q_OBJECT

private slots:
    void trimHorizonLeasesTheOldestAncestors()
    {
        const auto created = ShardSyncer::leasesToCreate(history(), {}, CheckpointSentinel::TrimHorizon);
        QCOMPARE(keys(created), (QStringList{id(0) + u"@TRIM_HORIZON"_s, id(1) + u"@TRIM_HORIZON"_s}));
        QVERIFY(created[0].parentShardIds.isEmpty());
        QCOMPARE(created[0].startingHashKey, u"0"_s);
        QCOMPARE(created[0].endingHashKey, u"340282366920938463463374607431768211455"_s);
        QVERIFY(created[0].leaseOwner.isEmpty());
        QCOMPARE(created[0].leaseCounter, 0);
    }

    void atTimestampLeasesWhatTrimHorizonDoes()
    {
        const auto created = ShardSyncer::leasesToCreate(history(), {}, CheckpointSentinel::AtTimestamp);
        QCOMPARE(keys(created), (QStringList{id(0) + u"@AT_TIMESTAMP"_s, id(1) + u"@AT_TIMESTAMP"_s}));
        // Children of an ended parent start at their beginning, as KCL creates them at SHARD_END.
        const QList<Lease> leases{existing(0, CheckpointSentinel::ShardEnd), existing(1, u"123"_s)};
        QCOMPARE(keys(ShardSyncer::leasesToCreate(history(), leases, CheckpointSentinel::AtTimestamp)),
                 (QStringList{id(2) + u"@TRIM_HORIZON"_s, id(3) + u"@TRIM_HORIZON"_s}));
    }

    void latestLeasesTheOpenShards()
    {
        const auto created = ShardSyncer::leasesToCreate(history(), {}, CheckpointSentinel::Latest);
        QCOMPARE(keys(created), (QStringList{id(1) + u"@LATEST"_s, id(4) + u"@LATEST"_s}));
        QCOMPARE(created[1].parentShardIds, (QStringList{id(2), id(3)}));
    }

    void childrenOfAnEndedParent()
    {
        // 0 is at SHARD_END (its consumer died before creating the children): 2 and 3 at
        // TRIM_HORIZON; 4 waits until a parent of it ends.
        const QList<Lease> leases{existing(0, CheckpointSentinel::ShardEnd), existing(1, u"123"_s)};
        const auto created = ShardSyncer::leasesToCreate(history(), leases, CheckpointSentinel::TrimHorizon);
        QCOMPARE(keys(created), (QStringList{id(2) + u"@TRIM_HORIZON"_s, id(3) + u"@TRIM_HORIZON"_s}));
        QCOMPARE(created[0].parentShardIds, QStringList{id(0)});
        // Under LATEST as well: the children of a read parent start at its end.
        QCOMPARE(keys(ShardSyncer::leasesToCreate(history(), leases, CheckpointSentinel::Latest)),
                 (QStringList{id(2) + u"@TRIM_HORIZON"_s, id(3) + u"@TRIM_HORIZON"_s}));
    }

    void nothingWhileTheParentIsRead()
    {
        const QList<Lease> leases{existing(0, u"42"_s), existing(1, u"123"_s)};
        QVERIFY(ShardSyncer::leasesToCreate(history(), leases, CheckpointSentinel::TrimHorizon).isEmpty());
        // Every shard leased: nothing.
        QList<Lease> all;
        for (int i = 0; i < 5; ++i)
            all.append(existing(i, CheckpointSentinel::TrimHorizon));
        QVERIFY(ShardSyncer::leasesToCreate(history(), all, CheckpointSentinel::TrimHorizon).isEmpty());
    }

    void noLeaseAgainForACleanedUpParent()
    {
        // 0's lease was deleted once 2 and 3 were read: 0 is not read again.
        const QList<Lease> children{existing(1, u"123"_s), existing(2, u"77"_s), existing(3, CheckpointSentinel::TrimHorizon)};
        QVERIFY(ShardSyncer::leasesToCreate(history(), children, CheckpointSentinel::TrimHorizon).isEmpty());
        // 0, 2 and 3 all cleaned up, 4 read: none of them again, under either position.
        const QList<Lease> merged{existing(1, u"123"_s), existing(4, u"99"_s)};
        QVERIFY(ShardSyncer::leasesToCreate(history(), merged, CheckpointSentinel::TrimHorizon).isEmpty());
        QVERIFY(ShardSyncer::leasesToCreate(history(), merged, CheckpointSentinel::Latest).isEmpty());
    }

    void trimmedParentMakesARoot()
    {
        QList<Shard> shards = history().mid(2); // 0 (and 1) trimmed away
        shards.removeAt(1);                     // 3 too: 2 and 4 left
        const auto created = ShardSyncer::leasesToCreate(shards, {}, CheckpointSentinel::TrimHorizon);
        QCOMPARE(keys(created), QStringList{id(2) + u"@TRIM_HORIZON"_s}); // 4's parent 2 is listed
        QCOMPARE(created[0].parentShardIds, QStringList{id(0)});
    }

    void syncAgainstTheEmulator()
    {
        QTemporaryDir dir;
        auto engine = testing::openEngine(dir);
        QVERIFY(engine);
        EmulatorBackend emulator(*engine);
        VERIFY_OK(testing::await(emulator.createStream(CreateStreamRequest{u"s"_s, 3, {}, {}, {}})));
        QTRY_COMPARE(testing::await(emulator.describeStreamSummary(StreamTarget::byName(u"s"_s)))->streamStatus,
                     StreamStatus::Active);
        SqliteLeaseTable table(dir.filePath(u"leases.db"_s), u"app"_s);
        ShardSyncer syncer(&emulator, &table, u"s"_s, CheckpointSentinel::TrimHorizon);
        // No table yet: the error comes back.
        VERIFY_ERROR(testing::await(syncer.sync()), ErrorType::ResourceNotFound);
        VERIFY_OK(testing::await(table.createTableIfNotExists()));
        auto created = testing::await(syncer.sync());
        VERIFY_OK(created);
        QCOMPARE(*created, 3);
        created = testing::await(syncer.sync());
        QCOMPARE(*created, 0);
        QCOMPARE(testing::await(table.listLeases())->size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestShardSyncer)
#include "tst_shardsyncer.moc"
