// ConsumerGroup with AT_TIMESTAMP as its initial position, over the emulator and a
// SqliteLeaseTable on a ManualClock: the leases are created at AT_TIMESTAMP and read with
// GetShardIterator AT_TIMESTAMP from the group's time, so records put before it are skipped and
// every one after it is processed once; a time after now is refused as Kinesis refuses it.

#include "consumer/sqliteleasetable.h"
#include "consumergroupharness.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace shardscope;
using namespace shardscope::testing;

class TestConsumerGroupTimestamp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    GroupHarness m_h;
    std::unique_ptr<SqliteLeaseTable> m_table;
    int m_tables = 0;

    ConsumerGroupOptions options(qint64 timestampMs) const
    {
        ConsumerGroupOptions o = GroupHarness::groupOptions(u"app"_s, 2);
        o.initialPosition = CheckpointSentinel::AtTimestamp;
        o.initialTimestampMs = timestampMs;
        return o;
    }

private slots:
    void init()
    {
        QVERIFY(m_h.open());
        m_table = std::make_unique<SqliteLeaseTable>(m_dir.filePath(u"leases-%1.db"_s.arg(++m_tables)), u"app"_s);
    }

    void cleanup()
    {
        m_h.close();
        m_table.reset();
    }

    void readsFromTheTime()
    {
        QVERIFY(m_h.createStream(u"s"_s, 2));
        const QStringList before = m_h.put(u"s"_s, 30);
        QCOMPARE(before.size(), 30);
        m_h.clock->advanceMs(60'000);
        const qint64 from = m_h.clock->nowMs();
        const QStringList after = m_h.put(u"s"_s, 30);
        QCOMPARE(after.size(), 30);

        // One worker: no lease moves between workers (and no batch is read twice after a steal).
        ConsumerGroupOptions o = options(from);
        o.workers = 1;
        QVERIFY(m_h.startGroup(m_table.get(), o));
        // Every record after the time processed, and its shard's checkpoint moved past AT_TIMESTAMP.
        const auto checkpointed = [&] {
            const auto leases = GroupHarness::await(m_table->listLeases());
            if (!leases || leases->size() != 2)
                return false;
            for (const Lease &lease : *leases) {
                const bool hadRecords = std::any_of(after.cbegin(), after.cend(), [&](const QString &key) {
                    return key.startsWith(lease.leaseKey + u'/');
                });
                if ((lease.checkpoint == CheckpointSentinel::AtTimestamp) == hadRecords)
                    return false;
            }
            return true;
        };
        QVERIFY2(m_h.drive([&] { return m_h.distinctProcessed(after) == after.size() && checkpointed(); }, 30),
                 qPrintable(u"%1 of %2"_s.arg(m_h.distinctProcessed(after)).arg(after.size())));
        m_h.drive([] { return false; }, 3);
        QCOMPARE(m_h.distinctProcessed(before), 0);
        QCOMPARE(m_h.processed.size(), after.size());
    }

    void leasesAreCreatedAtTimestamp()
    {
        QVERIFY(m_h.createStream(u"s"_s, 2));
        // Nothing put: no checkpoint moves, the leases stay as the sync created them.
        QVERIFY(m_h.startGroup(m_table.get(), options(m_h.clock->nowMs() - 1'000)));
        m_h.drive([] { return false; }, 2);
        // (The reads' quota is per second of the engine's clock, which drive() moves.)
        const auto leases = GroupHarness::await(m_table->listLeases());
        QVERIFY(leases && leases->size() == 2);
        for (const Lease &lease : *leases)
            QCOMPARE(lease.checkpoint, CheckpointSentinel::AtTimestamp);
        QVERIFY(m_h.group->lastError().isEmpty());
        for (const WorkerStatus &worker : m_h.group->workers())
            QVERIFY2(worker.lastError.isEmpty(), qPrintable(worker.lastError));
        // A record put now is read.
        const QStringList later = m_h.put(u"s"_s, 5);
        QVERIFY(m_h.drive([&] { return m_h.distinctProcessed(later) == later.size(); }, 40));
    }

    void aTimeAfterNowIsRefusedByTheStream()
    {
        QVERIFY(m_h.createStream(u"s"_s, 1));
        ConsumerGroupOptions o = options(m_h.clock->nowMs() + 3'600'000);
        o.workers = 1;
        QVERIFY(m_h.startGroup(m_table.get(), o));
        QVERIFY(m_h.drive([&] { return !m_h.group->workers().first().lastError.isEmpty(); }, 5));
        QVERIFY2(m_h.group->workers().first().lastError.contains(u"timestampInMillis"_s),
                 qPrintable(m_h.group->workers().first().lastError));
    }
};

QTEST_GUILESS_MAIN(TestConsumerGroupTimestamp)
#include "tst_consumergroup_timestamp.moc"
