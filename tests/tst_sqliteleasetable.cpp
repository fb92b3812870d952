// SqliteLeaseTable: every LeaseTable operation and each of its conditions, won and lost (the
// stored lease unchanged after a loss), every attribute round-tripped, the missing table,
// read-only handles, persistence across reopening the file, two handles on one file whose
// conditional writes exclude each other, and a table per application in one file.

#include "backendtesthelpers.h"
#include "consumer/sqliteleasetable.h"
#include "expectedassert.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shardscope;
using testing::await;

namespace {

Lease fullLease(const QString &key)
{
    Lease lease;
    lease.leaseKey = key;
    lease.leaseOwner = u"worker-a"_s;
    lease.leaseCounter = 7;
    lease.checkpoint = u"49590338271490256608559692538361571095921575989136588898"_s;
    lease.checkpointSubSequenceNumber = 3;
    lease.pendingCheckpoint = u"49590338271490256608559692538361571095921575989136588899"_s;
    lease.pendingCheckpointSubSequenceNumber = 4;
    lease.ownerSwitchesSinceCheckpoint = 2;
    lease.parentShardIds = {u"shardId-000000000000"_s, u"shardId-000000000001"_s};
    lease.childShardIds = {u"shardId-000000000005"_s};
    lease.startingHashKey = u"0"_s;
    lease.endingHashKey = u"340282366920938463463374607431768211455"_s;
    lease.checkpointOwner = u"worker-b"_s;
    lease.throughputKBps = 12.5;
    lease.entityType = u"LEASE"_s;
    lease.streamName = u"orders"_s;
    lease.shardIdAttribute = u"shardId-000000000002"_s;
    return lease;
}

Lease newLease(const QString &key)
{
    Lease lease;
    lease.leaseKey = key;
    lease.checkpoint = CheckpointSentinel::TrimHorizon;
    return lease;
}

} // namespace

class TestSqliteLeaseTable : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_table = std::make_unique<SqliteLeaseTable>(path(), u"app"_s);
    }
    void cleanup()
    {
        m_table.reset();
        m_dir.reset();
    }

    void tableLifecycle()
    {
        QCOMPARE(m_table->tableName(), u"app"_s);
        QVERIFY(m_table->location().startsWith(u"SQLite, "_s));
        QVERIFY(m_table->location().endsWith(u"leases.db"_s));
        auto exists = await(m_table->tableExists());
        VERIFY_OK(exists);
        QCOMPARE(*exists, false);
        // Every lease call on a missing table is DynamoDB's ResourceNotFound.
        VERIFY_ERROR(await(m_table->listLeases()), ErrorType::ResourceNotFound);
        VERIFY_ERROR(await(m_table->getLease(u"a"_s)), ErrorType::ResourceNotFound);
        VERIFY_ERROR(await(m_table->createLeaseIfNotExists(newLease(u"a"_s))), ErrorType::ResourceNotFound);
        VERIFY_ERROR(await(m_table->renewLease(newLease(u"a"_s))), ErrorType::ResourceNotFound);

        auto created = await(m_table->createTableIfNotExists());
        VERIFY_OK(created);
        QCOMPARE(*created, true);
        created = await(m_table->createTableIfNotExists());
        VERIFY_OK(created);
        QCOMPARE(*created, false);
        exists = await(m_table->tableExists());
        QCOMPARE(*exists, true);
        const auto listed = await(m_table->listLeases());
        VERIFY_OK(listed);
        QVERIFY(listed->isEmpty());
    }

    void createAndRead()
    {
        VERIFY_OK(await(m_table->createTableIfNotExists()));
        const Lease full = fullLease(u"shardId-000000000002"_s);
        auto created = await(m_table->createLeaseIfNotExists(full));
        VERIFY_OK(created);
        QCOMPARE(*created, true);
        // A second create with the same key loses and changes nothing.
        Lease other = newLease(full.leaseKey);
        created = await(m_table->createLeaseIfNotExists(other));
        VERIFY_OK(created);
        QCOMPARE(*created, false);
        const auto got = await(m_table->getLease(full.leaseKey));
        VERIFY_OK(got);
        QVERIFY(got->has_value());
        QCOMPARE(**got, full); // every attribute as written

        Lease bare = newLease(u"shardId-000000000000"_s);
        VERIFY_OK(await(m_table->createLeaseIfNotExists(bare)));
        const auto gotBare = await(m_table->getLease(bare.leaseKey));
        QCOMPARE(**gotBare, bare); // empty sets and absent numbers stay absent
        QVERIFY(!(*gotBare)->pendingCheckpointSubSequenceNumber);
        QVERIFY(!(*gotBare)->throughputKBps);

        const auto missing = await(m_table->getLease(u"nope"_s));
        VERIFY_OK(missing);
        QVERIFY(!missing->has_value());

        const auto listed = await(m_table->listLeases());
        VERIFY_OK(listed);
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).leaseKey, bare.leaseKey); // leaseKey order
        QCOMPARE(listed->at(1), full);
    }

    void renew()
    {
        VERIFY_OK(await(m_table->createTableIfNotExists()));
        const Lease stored = fullLease(u"k"_s);
        VERIFY_OK(await(m_table->createLeaseIfNotExists(stored)));

        auto renewed = await(m_table->renewLease(stored));
        VERIFY_OK(renewed);
        QVERIFY(renewed->has_value());
        QCOMPARE((*renewed)->leaseCounter, 8);
        Lease expected = stored;
        expected.leaseCounter = 8;
        QCOMPARE(**renewed, expected);

        // Stale counter: lost.
        auto lost = await(m_table->renewLease(stored));
        VERIFY_OK(lost);
        QVERIFY(!lost->has_value());
        // Right counter, other owner: lost.
        Lease otherOwner = expected;
        otherOwner.leaseOwner = u"worker-z"_s;
        lost = await(m_table->renewLease(otherOwner));
        QVERIFY(!lost->has_value());
        // No such lease: lost.
        lost = await(m_table->renewLease(newLease(u"absent"_s)));
        VERIFY_OK(lost);
        QVERIFY(!lost->has_value());
        QCOMPARE(**await(m_table->getLease(u"k"_s)), expected);
    }

    void take()
    {
        VERIFY_OK(await(m_table->createTableIfNotExists()));
        Lease stored = newLease(u"k"_s);
        VERIFY_OK(await(m_table->createLeaseIfNotExists(stored)));

        // Unowned → worker-a: owner set, counter and owner switches up by one.
        auto taken = await(m_table->takeLease(stored, u"worker-a"_s));
        VERIFY_OK(taken);
        QVERIFY(taken->has_value());
        QCOMPARE((*taken)->leaseOwner, u"worker-a"_s);
        QCOMPARE((*taken)->leaseCounter, 1);
        QCOMPARE((*taken)->ownerSwitchesSinceCheckpoint, 1);

        // A stale counter loses, whoever asks.
        auto lost = await(m_table->takeLease(stored, u"worker-b"_s));
        VERIFY_OK(lost);
        QVERIFY(!lost->has_value());

        // Taken by its own owner (an expired lease retaken): no owner switch.
        auto again = await(m_table->takeLease(**taken, u"worker-a"_s));
        QCOMPARE((*again)->leaseCounter, 2);
        QCOMPARE((*again)->ownerSwitchesSinceCheckpoint, 1);

        // Stolen: the condition is the counter alone, not the owner.
        Lease seen = **again;
        seen.leaseOwner = u"someone-else"_s;
        auto stolen = await(m_table->takeLease(seen, u"worker-b"_s));
        QVERIFY(stolen->has_value());
        QCOMPARE((*stolen)->leaseOwner, u"worker-b"_s);
        QCOMPARE((*stolen)->leaseCounter, 3);
        QCOMPARE((*stolen)->ownerSwitchesSinceCheckpoint, 2);

        lost = await(m_table->takeLease(newLease(u"absent"_s), u"worker-b"_s));
        VERIFY_OK(lost);
        QVERIFY(!lost->has_value());
    }

    void evict()
    {
        VERIFY_OK(await(m_table->createTableIfNotExists()));
        const Lease stored = fullLease(u"k"_s);
        VERIFY_OK(await(m_table->createLeaseIfNotExists(stored)));

        // Another owner: lost.
        Lease wrongOwner = stored;
        wrongOwner.leaseOwner = u"worker-z"_s;
        auto lost = await(m_table->evictLease(wrongOwner));
        VERIFY_OK(lost);
        QVERIFY(!lost->has_value());

        // The owner with a stale counter still wins: eviction is conditional on the owner only.
        Lease stale = stored;
        stale.leaseCounter = 1;
        auto evicted = await(m_table->evictLease(stale));
        VERIFY_OK(evicted);
        QVERIFY(evicted->has_value());
        QVERIFY((*evicted)->leaseOwner.isEmpty());
        QCOMPARE((*evicted)->leaseCounter, 8);
        QCOMPARE((*evicted)->checkpoint, stored.checkpoint);
        QCOMPARE(**await(m_table->getLease(u"k"_s)), **evicted);
    }

    void update()
    {
        VERIFY_OK(await(m_table->createTableIfNotExists()));
        const Lease stored = fullLease(u"k"_s);
        VERIFY_OK(await(m_table->createLeaseIfNotExists(stored)));

        Lease updated = stored;
        updated.checkpoint = CheckpointSentinel::ShardEnd;
        updated.checkpointSubSequenceNumber = 0;
        updated.pendingCheckpoint.clear();
        updated.pendingCheckpointSubSequenceNumber.reset();
        updated.ownerSwitchesSinceCheckpoint = 0;
        updated.childShardIds = {u"shardId-000000000007"_s, u"shardId-000000000008"_s};
        updated.throughputKBps = 3.0;
        // Attributes updateLease does not write stay as they were.
        updated.parentShardIds = {u"elsewhere"_s};
        updated.startingHashKey = u"42"_s;

        auto written = await(m_table->updateLease(updated));
        VERIFY_OK(written);
        QVERIFY(written->has_value());
        Lease expected = stored;
        expected.checkpoint = CheckpointSentinel::ShardEnd;
        expected.checkpointSubSequenceNumber = 0;
        expected.pendingCheckpoint.clear();
        expected.pendingCheckpointSubSequenceNumber.reset();
        expected.ownerSwitchesSinceCheckpoint = 0;
        expected.childShardIds = updated.childShardIds;
        expected.throughputKBps = 3.0;
        expected.leaseCounter = stored.leaseCounter + 1;
        QCOMPARE(**written, expected);
        QCOMPARE(**await(m_table->getLease(u"k"_s)), expected);

        // Stale counter, and right counter with another owner: lost, nothing written.
        auto lost = await(m_table->updateLease(updated));
        VERIFY_OK(lost);
        QVERIFY(!lost->has_value());
        Lease otherOwner = expected;
        otherOwner.leaseOwner = u"worker-z"_s;
        otherOwner.checkpoint = u"1"_s;
        lost = await(m_table->updateLease(otherOwner));
        QVERIFY(!lost->has_value());
        QCOMPARE(**await(m_table->getLease(u"k"_s)), expected);
    }

    void remove()
    {
        VERIFY_OK(await(m_table->createTableIfNotExists()));
        const Lease stored = fullLease(u"k"_s);
        VERIFY_OK(await(m_table->createLeaseIfNotExists(stored)));
        Lease stale = stored;
        stale.leaseCounter = 3;
        auto deleted = await(m_table->deleteLease(stale));
        VERIFY_OK(deleted);
        QCOMPARE(*deleted, false);
        QVERIFY(await(m_table->getLease(u"k"_s))->has_value());
        deleted = await(m_table->deleteLease(stored));
        VERIFY_OK(deleted);
        QCOMPARE(*deleted, true);
        QVERIFY(!await(m_table->getLease(u"k"_s))->has_value());
        deleted = await(m_table->deleteLease(stored));
        QCOMPARE(*deleted, false);
        // Deleted, it can be created again.
        QCOMPARE(*await(m_table->createLeaseIfNotExists(stored)), true);
    }

    void persistsAcrossReopen()
    {
        VERIFY_OK(await(m_table->createTableIfNotExists()));
        const Lease stored = fullLease(u"k"_s);
        VERIFY_OK(await(m_table->createLeaseIfNotExists(stored)));
        const auto renewed = await(m_table->renewLease(stored));
        QVERIFY(renewed->has_value());
        m_table.reset();

        SqliteLeaseTable reopened(path(), u"app"_s);
        QCOMPARE(*await(reopened.tableExists()), true);
        const auto got = await(reopened.getLease(u"k"_s));
        VERIFY_OK(got);
        QCOMPARE(**got, **renewed);
    }

    void twoHandlesOnOneFile()
    {
        VERIFY_OK(await(m_table->createTableIfNotExists()));
        SqliteLeaseTable second(path(), u"app"_s);
        QCOMPARE(*await(second.tableExists()), true);
        QCOMPARE(*await(second.createTableIfNotExists()), false);

        const Lease stored = newLease(u"k"_s);
        VERIFY_OK(await(m_table->createLeaseIfNotExists(stored)));
        QCOMPARE(*await(second.createLeaseIfNotExists(stored)), false);

        // Both take the lease they saw at counter 0, at the same time: exactly one wins.
        const auto first = m_table->takeLease(stored, u"worker-a"_s);
        const auto other = second.takeLease(stored, u"worker-b"_s);
        const auto a = await(first);
        const auto b = await(other);
        VERIFY_OK(a);
        VERIFY_OK(b);
        QCOMPARE(int(a->has_value()) + int(b->has_value()), 1);
        const Lease winner = a->has_value() ? **a : **b;
        QCOMPARE(**await(second.getLease(u"k"_s)), winner);
        QCOMPARE(**await(m_table->getLease(u"k"_s)), winner);

        // Many racing renewals of the same held lease from both handles: exactly one wins.
        QList<BackendFuture<std::optional<Lease>>> racing;
        for (int i = 0; i < 10; ++i)
            racing.append((i % 2 ? &second : m_table.get())->renewLease(winner));
        int wins = 0;
        for (const auto &future : racing) {
            const auto result = await(future);
            VERIFY_OK(result);
            wins += result->has_value() ? 1 : 0;
        }
        QCOMPARE(wins, 1);
        QCOMPARE((*await(m_table->getLease(u"k"_s)))->leaseCounter, winner.leaseCounter + 1);
    }

    void tablePerApplication()
    {
        VERIFY_OK(await(m_table->createTableIfNotExists()));
        VERIFY_OK(await(m_table->createLeaseIfNotExists(newLease(u"k"_s))));
        SqliteLeaseTable other(path(), u"other \"app\""_s);
        QCOMPARE(*await(other.tableExists()), false);
        QCOMPARE(*await(other.createTableIfNotExists()), true);
        QVERIFY(await(other.listLeases())->isEmpty());
        VERIFY_OK(await(other.createLeaseIfNotExists(fullLease(u"z"_s))));
        QCOMPARE(await(m_table->listLeases())->size(), 1);
        QCOMPARE(await(other.listLeases())->first().leaseKey, u"z"_s);
    }

    void readOnly()
    {
        VERIFY_OK(await(m_table->createTableIfNotExists()));
        const Lease stored = fullLease(u"k"_s);
        VERIFY_OK(await(m_table->createLeaseIfNotExists(stored)));
        SqliteLeaseTable readOnly(path(), u"app"_s, true);
        QVERIFY(readOnly.isReadOnly());
        QCOMPARE(**await(readOnly.getLease(u"k"_s)), stored);
        VERIFY_ERROR(await(readOnly.createTableIfNotExists()), ErrorType::AccessDenied);
        VERIFY_ERROR(await(readOnly.createLeaseIfNotExists(newLease(u"x"_s))), ErrorType::AccessDenied);
        VERIFY_ERROR(await(readOnly.renewLease(stored)), ErrorType::AccessDenied);
        VERIFY_ERROR(await(readOnly.takeLease(stored, u"w"_s)), ErrorType::AccessDenied);
        VERIFY_ERROR(await(readOnly.evictLease(stored)), ErrorType::AccessDenied);
        VERIFY_ERROR(await(readOnly.updateLease(stored)), ErrorType::AccessDenied);
        VERIFY_ERROR(await(readOnly.deleteLease(stored)), ErrorType::AccessDenied);
        QCOMPARE(**await(m_table->getLease(u"k"_s)), stored);
    }

    void inMemory()
    {
        SqliteLeaseTable memory(u":memory:"_s, u"app"_s);
        QVERIFY(memory.location().contains(u"in memory"_s));
        QCOMPARE(*await(memory.createTableIfNotExists()), true);
        VERIFY_OK(await(memory.createLeaseIfNotExists(newLease(u"k"_s))));
        QCOMPARE(await(memory.listLeases())->size(), 1);
    }

    void unopenableFile()
    {
        SqliteLeaseTable broken(m_dir->filePath(u"no/such/dir/leases.db"_s), u"app"_s);
        VERIFY_ERROR(await(broken.tableExists()), ErrorType::InternalFailure);
        VERIFY_ERROR(await(broken.renewLease(newLease(u"k"_s))), ErrorType::InternalFailure);
    }

private:
    QString path() const { return m_dir->filePath(u"leases.db"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteLeaseTable> m_table;
};

QTEST_GUILESS_MAIN(TestSqliteLeaseTable)
#include "tst_sqliteleasetable.moc"
