// LeaseCleaner on a ManualClock over the emulator and a SqliteLeaseTable, as KCL's
// LeaseCleanupManager: nothing before the 5-minute completed check; a SHARD_END lease deleted once
// every child's checkpoint moved past TRIM_HORIZON/AT_TIMESTAMP and its parents' leases are gone
// (parents first), its children taken from the shard list when the lease names none; kept while a
// child has no lease; the interval restarting after a deletion; a lease whose shard is gone (past
// retention, or never in the stream) deleted as garbage, one merely not listed yet kept. And the
// group: a lease whose shard is gone ended (SHARD_END) and collected; its finished parent's lease
// deleted after the children were read, not created again by the shard sync, nothing read twice.

#include "consumer/leasecleaner.h"
#include "consumer/sqliteleasetable.h"
#include "consumergroupharness.h"
#include "forwardingbackend.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace shardscope;
using namespace shardscope::testing;

namespace {

constexpr qint64 kMinute = 60'000;

QString shard(int index)
{
    return GroupHarness::shard(index);
}

// Lists the stream without one shard, as a ListShards that does not show a new shard yet.
class HidingBackend final : public ForwardingBackend
{
public:
    HidingBackend(StreamBackend &inner, QString hidden) : ForwardingBackend(inner), m_hidden(std::move(hidden)) {}

    BackendFuture<QList<Shard>> listAllShards(const StreamTarget &target, const std::optional<ShardFilter> &filter) override
    {
        const QString hidden = m_hidden;
        return ForwardingBackend::listAllShards(target, filter).then([hidden](BackendResult<QList<Shard>> shards) {
            if (shards)
                shards->removeIf([&](const Shard &s) { return s.shardId == hidden; });
            return shards;
        });
    }

private:
    QString m_hidden;
};

} // namespace

class TestLeaseCleaner : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    GroupHarness m_h;
    std::unique_ptr<SqliteLeaseTable> m_table;
    std::unique_ptr<LeaseCleaner> m_cleaner;
    int m_tables = 0;

    // Stream "s": shard 0 split into 1 and 2, which (with `merge`) merge into 3.
    bool buildHistory(bool merge = true)
    {
        if (!m_h.createStream(u"s"_s, 1))
            return false;
        const StreamTarget target = StreamTarget::byName(u"s"_s);
        const auto shards = GroupHarness::await(m_h.emulator->listAllShards(target));
        if (!shards)
            return false;
        if (!GroupHarness::await(m_h.emulator->splitShard(SplitShardRequest{
                                     target, shard(0), shards->at(0).hashKeyRange.midpoint().toDecimal()}))
                 .has_value()
            || !m_h.waitUntilActive(u"s"_s))
            return false;
        if (!merge)
            return true;
        return GroupHarness::await(m_h.emulator->mergeShards(MergeShardsRequest{target, shard(1), shard(2)})).has_value()
            && m_h.waitUntilActive(u"s"_s);
    }

    bool lease(int index, const QString &checkpoint, const QList<int> &parents = {}, const QList<int> &children = {},
               const QString &owner = u"w1"_s)
    {
        Lease lease;
        lease.leaseKey = shard(index);
        lease.leaseOwner = owner;
        lease.checkpoint = checkpoint;
        for (int parent : parents)
            lease.parentShardIds.append(shard(parent));
        for (int child : children)
            lease.childShardIds.append(shard(child));
        return GroupHarness::await(m_table->createLeaseIfNotExists(lease)).value_or(false);
    }

    bool checkpoint(int index, const QString &checkpoint)
    {
        const auto stored = GroupHarness::await(m_table->getLease(shard(index)));
        if (!stored || !*stored)
            return false;
        Lease updated = **stored;
        updated.checkpoint = checkpoint;
        return GroupHarness::await(m_table->updateLease(updated)).value_or(std::nullopt).has_value();
    }

    bool exists(int index)
    {
        const auto stored = GroupHarness::await(m_table->getLease(shard(index)));
        return stored && stored->has_value();
    }

    void startCleaner(StreamBackend *backend = nullptr)
    {
        m_cleaner = std::make_unique<LeaseCleaner>(backend ? backend : m_h.emulator.get(), m_table.get(), u"s"_s,
                                                   LeaseCleanerOptions{}, m_h.clock.get());
        m_cleaner->start(false);
    }

    static ConsumerGroupOptions groupOptions(int workers)
    {
        return GroupHarness::groupOptions(u"app"_s, workers);
    }

    void pass(qint64 afterMs)
    {
        m_h.clock->advanceMs(afterMs);
        GroupHarness::finish(m_cleaner->runCleanup());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        QVERIFY(m_h.open());
        m_table = std::make_unique<SqliteLeaseTable>(m_dir.filePath(u"leases-%1.db"_s.arg(++m_tables)), u"app"_s);
        QVERIFY(GroupHarness::await(m_table->createTableIfNotExists()).has_value());
    }

    void cleanup()
    {
        m_cleaner.reset();
        m_h.close();
        m_table.reset();
    }

    void defaultsAreKcls()
    {
        const LeaseCleanerOptions options;
        QVERIFY(options.cleanupLeasesUponShardCompletion);
        QCOMPARE(options.cleanupIntervalMs, qint64(60'000));
        QCOMPARE(options.completedCheckIntervalMs, qint64(300'000));
        QCOMPARE(options.garbageCheckIntervalMs, qint64(1'800'000));
    }

    void completedLeaseGoesOnceEveryChildStarted()
    {
        QVERIFY(buildHistory());
        QVERIFY(lease(0, CheckpointSentinel::ShardEnd, {}, {1, 2}));
        QVERIFY(lease(1, CheckpointSentinel::TrimHorizon, {0}));
        QVERIFY(lease(2, CheckpointSentinel::TrimHorizon, {0}));
        QVERIFY(lease(3, CheckpointSentinel::TrimHorizon, {1, 2}));
        startCleaner();
        QSignalSpy deleted(m_cleaner.get(), &LeaseCleaner::leaseDeleted);
        m_cleaner->enqueue(shard(0));
        m_cleaner->enqueue(shard(0)); // once
        QCOMPARE(m_cleaner->pendingLeaseKeys(), QStringList{shard(0)});

        pass(kMinute); // the completed check is not due yet
        pass(3 * kMinute);
        QVERIFY(checkpoint(1, u"4900000000001"_s));
        QVERIFY(checkpoint(2, u"4900000000002"_s));
        pass(kMinute - 1);
        QVERIFY(exists(0));
        QCOMPARE(deleted.size(), 0);
        QVERIFY(checkpoint(2, CheckpointSentinel::TrimHorizon)); // back: child 2 not started
        pass(1); // due now
        QVERIFY(exists(0));
        QVERIFY(checkpoint(2, CheckpointSentinel::AtTimestamp)); // not started either
        pass(kMinute);
        QVERIFY(exists(0));
        QVERIFY(m_cleaner->isEnqueued(shard(0)));
        QVERIFY(checkpoint(2, CheckpointSentinel::ShardEnd)); // read to its end: started
        pass(kMinute); // no deletion yet: the check is due every pass
        QVERIFY(!exists(0));
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().at(0).toString(), shard(0));
        QCOMPARE(deleted.first().at(1).value<LeaseCleaner::Reason>(), LeaseCleaner::Reason::Completed);
        QVERIFY(m_cleaner->pendingLeaseKeys().isEmpty());
        QCOMPARE(m_cleaner->completedLeasesDeleted(), 1);
        QVERIFY(exists(1) && exists(2) && exists(3));

        // The interval started again with the deletion.
        QVERIFY(checkpoint(1, CheckpointSentinel::ShardEnd));
        QVERIFY(checkpoint(3, u"4900000000003"_s));
        m_cleaner->enqueue(shard(1));
        pass(4 * kMinute);
        QVERIFY(exists(1));
        pass(kMinute);
        QVERIFY(!exists(1));
        QCOMPARE(m_cleaner->completedLeasesDeleted(), 2);
        QVERIFY(m_cleaner->lastError().isEmpty());
    }

    void parentsGoFirst()
    {
        QVERIFY(buildHistory());
        QVERIFY(lease(0, CheckpointSentinel::ShardEnd, {}, {1, 2}));
        QVERIFY(lease(1, CheckpointSentinel::ShardEnd, {0}, {3}));
        QVERIFY(lease(2, CheckpointSentinel::ShardEnd, {0}, {3}));
        QVERIFY(lease(3, u"4900000000003"_s, {1, 2}));
        startCleaner();
        QSignalSpy deleted(m_cleaner.get(), &LeaseCleaner::leaseDeleted);
        for (int i : {2, 1, 0})
            m_cleaner->enqueue(shard(i));
        pass(5 * kMinute);
        // 2 and 1 wait for 0, whose children have started.
        QCOMPARE(deleted.size(), 1);
        QVERIFY(!exists(0) && exists(1) && exists(2));
        QCOMPARE(m_cleaner->pendingLeaseKeys(), (QStringList{shard(2), shard(1)}));
        pass(5 * kMinute);
        QVERIFY(!exists(1) && !exists(2) && exists(3));
        QCOMPARE(deleted.size(), 3);
    }

    void keptWhileAChildHasNoLease()
    {
        QVERIFY(buildHistory());
        QVERIFY(lease(0, CheckpointSentinel::ShardEnd, {}, {1, 2}));
        QVERIFY(lease(1, u"4900000000001"_s, {0}));
        startCleaner();
        m_cleaner->enqueue(shard(0));
        pass(5 * kMinute);
        pass(kMinute);
        QVERIFY(exists(0));
        QVERIFY(m_cleaner->isEnqueued(shard(0)));
        // A lease not at SHARD_END is never completed, whatever its children.
        QVERIFY(lease(2, u"4900000000002"_s, {0}));
        QVERIFY(checkpoint(0, u"4900000000000"_s));
        pass(kMinute);
        QVERIFY(exists(0));
    }

    void childrenFromTheShardList()
    {
        QVERIFY(buildHistory());
        QVERIFY(lease(0, CheckpointSentinel::ShardEnd)); // no childShardIds (an older writer)
        QVERIFY(lease(1, u"4900000000001"_s, {0}));
        QVERIFY(lease(2, u"4900000000002"_s, {0}));
        startCleaner();
        m_cleaner->enqueue(shard(0));
        pass(5 * kMinute);
        QVERIFY(!exists(0));
        QCOMPARE(m_cleaner->completedLeasesDeleted(), 1);
    }

    void goneShardIsGarbage()
    {
        QVERIFY(buildHistory(false));
        // A day later shard 0 is past retention; its lease ended without children (its consumer
        // found the shard gone), and child 2 has no lease yet.
        m_h.clock->advanceMs(24 * 60 * kMinute + 1000);
        QVERIFY(lease(0, CheckpointSentinel::ShardEnd));
        QVERIFY(lease(1, CheckpointSentinel::ShardEnd, {0})); // listed: never garbage
        // A lease of a shard the stream never had (an older stream of the same name).
        QVERIFY(lease(9, CheckpointSentinel::ShardEnd));
        startCleaner();
        QSignalSpy deleted(m_cleaner.get(), &LeaseCleaner::leaseDeleted);
        for (int i : {0, 1, 9})
            m_cleaner->enqueue(shard(i));

        // At the completed check: 9 names no child and is gone; 0's children (from the shard
        // list) are not all leased, so it waits for the garbage check.
        pass(5 * kMinute);
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().at(0).toString(), shard(9));
        QCOMPARE(deleted.first().at(1).value<LeaseCleaner::Reason>(), LeaseCleaner::Reason::Garbage);
        QVERIFY(exists(0));
        // The garbage interval started again with that deletion: due 30 minutes after it.
        pass(29 * kMinute);
        QVERIFY(exists(0));
        pass(kMinute);
        QVERIFY(!exists(0));
        QCOMPARE(deleted.size(), 2);
        QCOMPARE(deleted.last().at(0).toString(), shard(0));
        QCOMPARE(deleted.last().at(1).value<LeaseCleaner::Reason>(), LeaseCleaner::Reason::Garbage);
        QVERIFY(exists(1));
        QCOMPARE(m_cleaner->garbageLeasesDeleted(), 2);
        QCOMPARE(m_cleaner->completedLeasesDeleted(), 0);
        QCOMPARE(m_cleaner->pendingLeaseKeys(), QStringList{shard(1)});
    }

    void notListedYetIsNoGarbage()
    {
        QVERIFY(buildHistory());
        HidingBackend hiding(*m_h.emulator, shard(3));
        QVERIFY(lease(3, CheckpointSentinel::ShardEnd));
        startCleaner(&hiding);
        m_cleaner->enqueue(shard(3));
        pass(30 * kMinute);
        QVERIFY(exists(3)); // GetShardIterator still finds it
        QCOMPARE(m_cleaner->garbageLeasesDeleted(), 0);
    }

    void stopForgetsTheQueue()
    {
        QVERIFY(buildHistory());
        QVERIFY(lease(9, CheckpointSentinel::ShardEnd));
        startCleaner();
        m_cleaner->enqueue(shard(9));
        m_cleaner->stop();
        QVERIFY(m_cleaner->pendingLeaseKeys().isEmpty());
        pass(30 * kMinute);
        QVERIFY(exists(9));
    }

    void groupEndsAndCollectsAGoneShard()
    {
        // A lease left from an older stream of the same name: its shard does not exist.
        QVERIFY(m_h.createStream(u"s"_s, 1));
        QVERIFY(lease(7, u"49000000000000000000000000000000000000000000000000000001"_s, {}, {}, QString()));
        QVERIFY(m_h.startGroup(m_table.get(), groupOptions(1)));
        QVERIFY(m_h.drive([&] {
            const auto stored = GroupHarness::await(m_table->getLease(shard(7)));
            return stored && *stored && (*stored)->reachedShardEnd();
        }, 10));
        QVERIFY(m_h.group->leaseCleaner()->isEnqueued(shard(7)));
        QSignalSpy deleted(m_h.group->leaseCleaner(), &LeaseCleaner::leaseDeleted);
        m_h.drive([] { return false; }, 91, 5);
        GroupHarness::finish(m_h.group->runLeaseCleanup());
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().at(1).value<LeaseCleaner::Reason>(), LeaseCleaner::Reason::Garbage);
        QVERIFY(!exists(7));
        QVERIFY(exists(0));
    }

    void groupDeletesTheReadParent()
    {
        QVERIFY(m_h.createStream(u"s"_s, 2));
        QVERIFY(m_h.startGroup(m_table.get(), groupOptions(2)));
        QVERIFY(m_h.drive([&] { return !m_h.holderOf(shard(0)).isEmpty() && !m_h.holderOf(shard(1)).isEmpty(); }));
        QStringList all = m_h.put(u"s"_s, 40);
        const StreamTarget target = StreamTarget::byName(u"s"_s);
        const auto shards = GroupHarness::await(m_h.emulator->listAllShards(target));
        QVERIFY(GroupHarness::await(m_h.emulator->splitShard(SplitShardRequest{
                                        target, shard(0), shards->at(0).hashKeyRange.midpoint().toDecimal()}))
                    .has_value());
        QVERIFY(m_h.waitUntilActive(u"s"_s));
        all += m_h.put(u"s"_s, 80);
        const auto started = [&](int i) {
            const auto stored = GroupHarness::await(m_table->getLease(shard(i)));
            return stored && *stored && !CheckpointSentinel::isSentinel((*stored)->checkpoint);
        };
        QVERIFY(m_h.drive([&] { return m_h.distinctProcessed(all) == all.size() && started(2) && started(3); }, 30));
        QVERIFY(m_h.group->leaseCleaner()->isEnqueued(shard(0)));

        // Five minutes of the protocol later (renewals every 3,308 ms), the pass deletes it.
        QSignalSpy deleted(m_h.group->leaseCleaner(), &LeaseCleaner::leaseDeleted);
        GroupHarness::finish(m_h.group->runLeaseCleanup());
        QCOMPARE(deleted.size(), 0);
        m_h.drive([] { return false; }, 91, 5);
        GroupHarness::finish(m_h.group->runLeaseCleanup());
        QCOMPARE(deleted.size(), 1);
        QVERIFY(!exists(0));
        // Its holder loses it at the next renewal; the shard sync does not bring it back.
        m_h.renewAll();
        QVERIFY(m_h.holderOf(shard(0)).isEmpty());
        QCOMPARE(GroupHarness::await(m_h.group->syncShards()), BackendResult<int>(0));
        all += m_h.put(u"s"_s, 20);
        QVERIFY(m_h.drive([&] { return m_h.distinctProcessed(all) == all.size(); }, 20));
        m_h.drive([] { return false; }, 6); // a taking round more
        QCOMPARE(m_h.processed.size(), all.size()); // nothing read twice
        QVERIFY(!exists(0));
        QVERIFY(m_h.group->lastError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLeaseCleaner)
#include "tst_leasecleaner.moc"
