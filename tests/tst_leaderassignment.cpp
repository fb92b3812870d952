// ConsumerGroup under KCL 3.x's leader assignment (AssignmentProtocol::Kcl3Leader) over the
// in-process emulator and a SqliteLeaseTable, driven by the test on a ManualClock (renewals every
// 3,308 ms of it, discovery every third round as KCL's 9,975 ms, the leader's assignment every
// sixth as its 20,000 ms, metric-stats reports and elections every ninth as their 30,000 ms):
// one leader, elected at once, balances the leases in its first run; workers take nothing
// themselves; every record put is processed exactly once across a split and a merge, parents
// before children; a killed worker's shards are reassigned by the leader and read on from their
// checkpoints with nothing skipped; a killed leader is replaced once its lock expires and the new
// one reassigns; a paused worker's leases go to the others; the companion tables are in the
// lease table's file, named as KCL 3.x names them.

#include "backend/emulatorbackend.h"
#include "backend/futureutils.h"
#include "consumer/consumergroup.h"
#include "consumer/sqlitecoordinatorstore.h"
#include "consumer/sqliteleasetable.h"
#include "engine/engine.h"
#include "kinesis/clock.h"
#include "kinesis/sequencenumber.h"
#include "kinesis/shardid.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

template<typename T>
T await(const QFuture<T> &future, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(1);
    return future.result();
}

void finish(const QFuture<void> &round)
{
    QDeadlineTimer deadline(10000);
    while (!round.isFinished() && !deadline.hasExpired())
        QTest::qWait(1);
}

QString shard(int index)
{
    return ShardId::format(quint32(index));
}

} // namespace

class TestLeaderAssignment : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_emulator;
    std::unique_ptr<SqliteLeaseTable> m_table;
    std::unique_ptr<ConsumerGroup> m_group;
    QList<QString> m_processed; // "shard/seq" in processing order
    QHash<QString, int> m_times;
    int m_serial = 0;
    int m_round = 0;

    void createStream(const QString &name, int shards)
    {
        QVERIFY(await(m_emulator->createStream(CreateStreamRequest{name, shards, {}, {}, {}})).has_value());
        QTRY_COMPARE(await(m_emulator->describeStreamSummary(StreamTarget::byName(name)))->streamStatus,
                     StreamStatus::Active);
    }

    QStringList put(int count)
    {
        PutRecordsRequest request{StreamTarget::byName(u"s"_s), {}};
        for (int i = 0; i < count; ++i) {
            const int n = m_serial++;
            request.records.append({u"payload-%1"_s.arg(n).toUtf8(), u"key-%1"_s.arg(n), {}});
        }
        QStringList keys;
        const auto response = await(m_emulator->putRecords(request));
        if (!response || response->failedRecordCount != 0)
            return keys;
        for (const auto &entry : response->records)
            keys.append(entry.shardId + u'/' + entry.sequenceNumber->toString());
        return keys;
    }

    ConsumerGroupOptions options(int workers)
    {
        ConsumerGroupOptions o;
        o.applicationName = u"app"_s;
        o.streamName = u"s"_s;
        o.workers = workers;
        o.idleTimeBetweenReadsMs = 10;
        o.parentShardPollIntervalMs = 20;
        o.retryBackoffMs = 30;
        o.leaseTimers = false;
        o.assignment = ConsumerGroupOptions::AssignmentProtocol::Kcl3Leader;
        return o;
    }

    // Runs `piece` on every running worker and waits for all of them.
    void each(const std::function<QFuture<void>(ConsumerWorker *)> &piece)
    {
        QList<QFuture<void>> rounds;
        for (const WorkerStatus &status : m_group->workers()) {
            if (status.state == WorkerStatus::State::Running)
                rounds.append(piece(m_group->worker(status.workerId)));
        }
        for (const auto &round : rounds)
            finish(round);
    }

    void reportAndElect()
    {
        each([](ConsumerWorker *w) { return w->metricsReporter()->report(); });
        each([](ConsumerWorker *w) { return w->elector()->runElection(); });
        // A worker that has just become leader assigns at once; wait for that run.
        each([](ConsumerWorker *w) { return w->assignmentManager()->runAssignment(); });
    }

    void startGroup(const ConsumerGroupOptions &o)
    {
        m_group = std::make_unique<ConsumerGroup>(m_emulator.get(), m_table.get(), o, m_clock.get());
        connect(m_group.get(), &ConsumerGroup::batchProcessed, this,
                [this](const QString &, const QString &shardId, const QList<Record> &records) {
                    for (const Record &record : records) {
                        const QString key = shardId + u'/' + record.sequenceNumber.toString();
                        m_processed.append(key);
                        ++m_times[key];
                    }
                });
        QSignalSpy started(m_group.get(), &ConsumerGroup::started);
        m_group->start();
        QTRY_COMPARE(started.size(), 1);
        QCOMPARE(m_group->workers().size(), o.workers);
        m_round = 0;
        reportAndElect();
        each([](ConsumerWorker *w) { return w->discoverer()->runDiscovery(); });
    }

    // KCL 3.x's timers on the manual clock, the reads running meanwhile.
    bool drive(const std::function<bool()> &done, int rounds = 60)
    {
        for (int i = 0; i < rounds; ++i) {
            ++m_round;
            m_clock->advanceMs(3'308);
            each([](ConsumerWorker *w) { return w->coordinator()->runRenewals(); });
            if (m_round % 9 == 0)
                reportAndElect();
            if (m_round % 6 == 0)
                each([](ConsumerWorker *w) { return w->assignmentManager()->runAssignment(); });
            if (m_round % 3 == 0)
                each([](ConsumerWorker *w) { return w->discoverer()->runDiscovery(); });
            QTest::qWait(40);
            if (done())
                return true;
        }
        return done();
    }

    QString holderOf(const QString &shardId) const
    {
        for (const WorkerStatus &status : m_group->workers()) {
            if (status.leaseKeys.contains(shardId))
                return status.workerId;
        }
        return {};
    }

    Lease storedLease(const QString &key)
    {
        const auto lease = await(m_table->getLease(key));
        return lease && *lease ? **lease : Lease{};
    }

    int distinctProcessed(const QStringList &keys) const
    {
        int count = 0;
        for (const QString &key : keys)
            count += m_times.contains(key) ? 1 : 0;
        return count;
    }

    // Every running worker holds `target` leases, by its own view and in the table.
    bool balanced(int target)
    {
        const auto leases = await(m_table->listLeases());
        if (!leases)
            return false;
        QHash<QString, int> owned;
        for (const Lease &lease : *leases)
            ++owned[lease.leaseOwner];
        for (const WorkerStatus &status : m_group->workers()) {
            if (status.state != WorkerStatus::State::Running)
                continue;
            if (status.leaseKeys.size() != target || owned.value(status.workerId) != target)
                return false;
        }
        return true;
    }

    int takingRounds() const
    {
        int rounds = 0;
        for (const WorkerStatus &status : m_group->workers())
            rounds += m_group->worker(status.workerId)->coordinator()->takingRounds();
        return rounds;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        EngineOptions options;
        options.createDelayMs = 0;
        options.deleteDelayMs = 0;
        options.updateDelayMs = 0;
        m_clock = std::make_shared<ManualClock>(QDateTime::currentMSecsSinceEpoch());
        options.clock = m_clock;
        auto engine = Engine::open(options);
        QVERIFY(engine.has_value());
        m_engine = std::move(*engine);
        m_emulator = std::make_unique<EmulatorBackend>(*m_engine);
        m_table = std::make_unique<SqliteLeaseTable>(m_dir->filePath(u"leases.db"_s), u"app"_s);
        m_processed.clear();
        m_times.clear();
    }

    void cleanup()
    {
        m_group.reset();
        QTest::qWait(10); // deleteLater of the workers
        m_table.reset();
        m_emulator.reset();
        m_engine.reset();
        m_dir.reset();
    }

    void leaderBalancesInItsFirstRun()
    {
        createStream(u"s"_s, 16);
        startGroup(options(4));
        // At the start: one leader, every worker with 4 leases, by the first assignment alone.
        QCOMPARE(m_group->leaderWorkerId(), u"worker-1"_s);
        int leaders = 0;
        for (const WorkerStatus &status : m_group->workers())
            leaders += status.leader ? 1 : 0;
        QCOMPARE(leaders, 1);
        QVERIFY(balanced(4));
        QCOMPARE(m_group->worker(u"worker-1"_s)->assignmentManager()->assignmentsWritten(), 16);
        QCOMPARE(m_group->worker(u"worker-2"_s)->assignmentManager()->runs(), 0);
        // Nobody took anything: no taking rounds at all.
        drive([] { return false; }, 12);
        QCOMPARE(takingRounds(), 0);
        QVERIFY(balanced(4));
        QCOMPARE(m_group->worker(u"worker-1"_s)->assignmentManager()->assignmentsWritten(), 16); // nothing moved

        // A fifth worker: the leader's next runs give it its share (16 over 5: 3 or 4 each).
        const QString added = m_group->addWorker();
        each([&](ConsumerWorker *w) { return w->workerId() == added ? w->metricsReporter()->report() : QFuture<void>(); });
        QVERIFY(drive([&] { return m_group->worker(added)->status().leaseKeys.size() == 3; }, 12));

        // The companion tables, as KCL 3.x lays them out, in the lease table's file.
        SqliteCoordinatorStore store(m_dir->filePath(u"leases.db"_s), u"app"_s, true);
        QCOMPARE(await(store.readLeaderLock()).value()->ownerName, u"worker-1"_s);
        const auto stats = await(store.listWorkerMetricStats()).value();
        QCOMPARE(stats.size(), 5);
        QCOMPARE(stats.first().workerId, u"worker-1"_s);
        QVERIFY(stats.first().lastUpdateEpochSeconds > 0);
    }

    void everyRecordOnceAcrossASplitAndAMerge()
    {
        createStream(u"s"_s, 2);
        startGroup(options(2));
        QVERIFY(!holderOf(shard(0)).isEmpty() && !holderOf(shard(1)).isEmpty());
        QVERIFY(holderOf(shard(0)) != holderOf(shard(1)));
        QStringList all = put(60);
        QVERIFY(drive([&] { return distinctProcessed(all) == all.size(); }, 20));

        const StreamTarget target = StreamTarget::byName(u"s"_s);
        const auto shards = await(m_emulator->listAllShards(target));
        QVERIFY(await(m_emulator->splitShard(SplitShardRequest{
                          target, shard(0), shards->at(0).hashKeyRange.midpoint().toDecimal()}))
                    .has_value());
        QTRY_COMPARE(await(m_emulator->describeStreamSummary(target))->streamStatus, StreamStatus::Active);
        all += put(60);
        QVERIFY(drive([&] { return storedLease(shard(0)).reachedShardEnd(); }, 20));
        QVERIFY(await(m_emulator->mergeShards(MergeShardsRequest{target, shard(2), shard(3)})).has_value());
        QTRY_COMPARE(await(m_emulator->describeStreamSummary(target))->streamStatus, StreamStatus::Active);
        all += put(60);
        QCOMPARE(all.size(), 180);

        QVERIFY2(drive([&] { return distinctProcessed(all) == all.size(); }, 60),
                 qPrintable(u"%1 of %2 processed"_s.arg(distinctProcessed(all)).arg(all.size())));
        for (const QString &key : std::as_const(all))
            QVERIFY2(m_times.value(key) >= 1, qPrintable(key)); // nothing skipped
        // Rebalancing moves leases between live workers, each from its last checkpoint: a batch
        // the old owner processed but had not checkpointed yet may be processed again (KCL's
        // at-least-once), never more.
        qInfo("processed %lld for %lld records", qint64(m_processed.size()), qint64(all.size()));

        const auto lastIndex = [&](const QString &id) {
            qsizetype last = -1;
            for (qsizetype i = 0; i < m_processed.size(); ++i)
                if (m_processed[i].startsWith(id + u'/'))
                    last = i;
            return last;
        };
        const auto firstIndex = [&](const QString &id) {
            for (qsizetype i = 0; i < m_processed.size(); ++i)
                if (m_processed[i].startsWith(id + u'/'))
                    return i;
            return m_processed.size();
        };
        QVERIFY(firstIndex(shard(4)) < m_processed.size());
        for (const QString &child : {shard(2), shard(3)})
            QVERIFY(lastIndex(shard(0)) < firstIndex(child));
        QVERIFY(lastIndex(shard(2)) < firstIndex(shard(4)));
        QVERIFY(lastIndex(shard(3)) < firstIndex(shard(4)));

        const Lease parent = storedLease(shard(0));
        QCOMPARE(parent.checkpoint, CheckpointSentinel::ShardEnd);
        QCOMPARE(parent.childShardIds, (QStringList{shard(2), shard(3)}));
        QCOMPARE(storedLease(shard(4)).parentShardIds, (QStringList{shard(2), shard(3)}));
        QCOMPARE(takingRounds(), 0);
    }

    void killedWorkersShardsAreReassigned()
    {
        createStream(u"s"_s, 2);
        startGroup(options(3));
        QStringList all = put(40);
        QVERIFY(drive([&] { return distinctProcessed(all) == all.size(); }, 20));
        // worker-1 leads and got shard 0 in its first run; worker-2 got shard 1, worker-3 none.
        QCOMPARE(holderOf(shard(0)), u"worker-1"_s);
        const QString victim = holderOf(shard(1));
        QCOMPARE(victim, u"worker-2"_s);
        QVERIFY(!victim.isEmpty());
        QVERIFY(victim != m_group->leaderWorkerId());

        int victimBatch = 0;
        const auto connection = connect(m_group.get(), &ConsumerGroup::batchProcessed, this,
                                        [&](const QString &workerId, const QString &shardId, const QList<Record> &records) {
                                            if (workerId == victim && shardId == shard(1) && victimBatch == 0) {
                                                victimBatch = int(records.size());
                                                m_group->killWorker(victim);
                                            }
                                        });
        all += put(40);
        QTRY_VERIFY(victimBatch > 0);
        disconnect(connection);
        all += put(40);
        QCOMPARE(storedLease(shard(1)).leaseOwner, victim); // no eviction

        // The leader finds the lease expired (counter unchanged for 10 s) and assigns it to a
        // live worker, which reads on from the checkpoint.
        QVERIFY(drive([&] {
            return holderOf(shard(1)) == u"worker-3"_s && distinctProcessed(all) == all.size();
        }, 40));
        for (const QString &key : std::as_const(all))
            QVERIFY2(m_times.value(key) >= 1, qPrintable(key));
        const int duplicates = int(m_processed.size() - all.size());
        QCOMPARE(duplicates, victimBatch); // exactly the batch processed after the last checkpoint
        QCOMPARE(storedLease(shard(1)).leaseOwner, u"worker-3"_s);
        QCOMPARE(storedLease(shard(1)).ownerSwitchesSinceCheckpoint, 0); // checkpointed since
    }

    void killedLeaderIsReplaced()
    {
        createStream(u"s"_s, 4);
        startGroup(options(2));
        QVERIFY(balanced(2));
        QCOMPARE(m_group->leaderWorkerId(), u"worker-1"_s);
        m_group->killWorker(u"worker-1"_s);
        QVERIFY(m_group->leaderWorkerId().isEmpty());
        // Nobody assigns until worker-2 takes the lock over (120 s without a new record version),
        // then it reassigns worker-1's expired leases to itself at once.
        QVERIFY(drive([&] { return m_group->leaderWorkerId() == u"worker-2"_s; }, 60));
        QVERIFY(drive([&] { return m_group->worker(u"worker-2"_s)->status().leaseKeys.size() == 4; }, 6));
        QVERIFY(balanced(4));
    }

    void pausedWorkersLeasesMove()
    {
        createStream(u"s"_s, 4);
        startGroup(options(2));
        QVERIFY(balanced(2));
        m_group->setWorkerPaused(u"worker-2"_s, true);
        QVERIFY(drive([&] { return m_group->worker(u"worker-1"_s)->status().leaseKeys.size() == 4; }, 20));
        QCOMPARE(storedLease(shard(0)).leaseOwner, u"worker-1"_s);
        // Resumed: its renewal finds its leases gone (not renewed within the failover time), and
        // the leader gives it its share again.
        m_group->setWorkerPaused(u"worker-2"_s, false);
        QTRY_VERIFY(m_group->worker(u"worker-2"_s)->status().leaseKeys.isEmpty());
        QVERIFY(drive([&] { return balanced(2); }, 30));
    }

    void timersRunTheProtocol()
    {
        // The group's own timers on the system clock (failover 500 ms: assignment every second,
        // discovery every 475 ms): the leader elected at the start balances the leases and the
        // workers find theirs without the test driving anything.
        createStream(u"s"_s, 6);
        ConsumerGroupOptions o = options(3);
        o.leaseTimers = true;
        o.failoverTimeMs = 500;
        ConsumerGroup group(m_emulator.get(), m_table.get(), o);
        QSignalSpy started(&group, &ConsumerGroup::started);
        group.start();
        QTRY_COMPARE(started.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!group.leaderWorkerId().isEmpty(), 5000);
        const auto balanced = [&group] {
            const QList<WorkerStatus> workers = group.workers();
            return std::all_of(workers.cbegin(), workers.cend(),
                               [](const WorkerStatus &w) { return w.leaseKeys.size() == 2; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(balanced(),
                                 5000);
        int leaders = 0;
        for (const WorkerStatus &status : group.workers())
            leaders += status.leader ? 1 : 0;
        QCOMPARE(leaders, 1);
        group.stop();
    }

    void dynamoTablesAreRefused()
    {
        // A lease table neither local nor in DynamoDB has no coordinator store: start() says so.
        ConsumerGroupOptions o = options(1);
        class NotLocal final : public LeaseTable
        {
        public:
            QString tableName() const override { return u"remote"_s; }
            QString location() const override { return u"elsewhere"_s; }
            bool isReadOnly() const override { return false; }
            BackendFuture<bool> createTableIfNotExists() override { return {}; }
            BackendFuture<bool> tableExists() override { return {}; }
            BackendFuture<QList<Lease>> listLeases() override { return {}; }
            BackendFuture<std::optional<Lease>> getLease(const QString &) override { return {}; }
            BackendFuture<bool> createLeaseIfNotExists(const Lease &) override { return {}; }
            BackendFuture<std::optional<Lease>> renewLease(const Lease &) override { return {}; }
            BackendFuture<std::optional<Lease>> takeLease(const Lease &, const QString &) override { return {}; }
            BackendFuture<std::optional<Lease>> evictLease(const Lease &) override { return {}; }
            BackendFuture<std::optional<Lease>> updateLease(const Lease &) override { return {}; }
            BackendFuture<bool> deleteLease(const Lease &) override { return {}; }
        } table;
        ConsumerGroup group(m_emulator.get(), &table, o, m_clock.get());
        QSignalSpy errors(&group, &ConsumerGroup::errorOccurred);
        group.start();
        QCOMPARE(errors.size(), 1);
        QVERIFY(!group.isRunning());
        QVERIFY(group.lastError().contains(u"DynamoDB"_s));
    }
};

QTEST_GUILESS_MAIN(TestLeaderAssignment)
#include "tst_leaderassignment.moc"
