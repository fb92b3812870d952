// ConsumerGroup over the in-process emulator and a SqliteLeaseTable, the lease protocol driven by
// the test on a ManualClock (renewals every 3,308 ms of it, taking every sixth round as KCL's
// 20,050 ms): every record put is processed exactly once across a split and a merge, parents
// before children, with SHARD_END, childShardIds and the children's leases in the table; a killed
// worker's shards are taken over from their checkpoints with nothing skipped (duplicates after the
// last checkpoint counted); a paused worker loses its leases and finds so when resumed; a poison
// record stops its shard's checkpoint while records keep arriving, until the filter is removed;
// reading by enhanced fan-out does the same across a split; throttled reads back off and are
// counted, an expired iterator is got again from the checkpoint; slow processing delays batches.

#include "backend/emulatorbackend.h"
#include "backend/futureutils.h"
#include "consumer/consumergroup.h"
#include "consumer/sqliteleasetable.h"
#include "engine/engine.h"
#include "forwardingbackend.h"
#include "kinesis/clock.h"
#include "kinesis/sequencenumber.h"
#include "kinesis/shardid.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QPromise>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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

// GetRecords answers the next `throttle` calls with ProvisionedThroughputExceeded and then
// `expire` calls with ExpiredIterator, as the service would under load and after a long pause.
class FlakyReadsBackend final : public testing::ForwardingBackend
{
public:
    using ForwardingBackend::ForwardingBackend;
    int throttle = 0;
    int expire = 0;
    int getIteratorCalls = 0;

    BackendFuture<GetShardIteratorResponse> getShardIterator(const GetShardIteratorRequest &request) override
    {
        ++getIteratorCalls;
        return ForwardingBackend::getShardIterator(request);
    }
    BackendFuture<GetRecordsResponse> getRecords(const GetRecordsRequest &request) override
    {
        if (throttle > 0) {
            --throttle;
            return failed(Error{ErrorType::ProvisionedThroughputExceeded, u"Rate exceeded for shard."_s});
        }
        if (expire > 0) {
            --expire;
            return failed(Error{ErrorType::ExpiredIterator, u"Iterator expired."_s});
        }
        return ForwardingBackend::getRecords(request);
    }

private:
    static BackendFuture<GetRecordsResponse> failed(const Error &error)
    {
        QPromise<BackendResult<GetRecordsResponse>> promise;
        promise.start();
        promise.addResult(std::unexpected(error));
        promise.finish();
        return promise.future();
    }
};

QString shard(int index)
{
    return ShardId::format(quint32(index));
}

} // namespace

class TestConsumerGroup : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_emulator;
    std::unique_ptr<SqliteLeaseTable> m_table;
    std::unique_ptr<ConsumerGroup> m_group;
    QList<QString> m_processed;              // "shard/seq" in processing order
    QHash<QString, int> m_times;             // how often each was processed
    int m_serial = 0;

    void createStream(const QString &name, int shards)
    {
        QVERIFY(await(m_emulator->createStream(CreateStreamRequest{name, shards, {}, {}, {}})).has_value());
        QTRY_COMPARE(await(m_emulator->describeStreamSummary(StreamTarget::byName(name)))->streamStatus,
                     StreamStatus::Active);
    }

    QStringList put(int count, const QString &prefix = u"payload"_s)
    {
        PutRecordsRequest request{StreamTarget::byName(u"s"_s), {}};
        for (int i = 0; i < count; ++i) {
            const int n = m_serial++;
            request.records.append({u"%1-%2"_s.arg(prefix).arg(n).toUtf8(), u"key-%1"_s.arg(n), {}});
        }
        QStringList keys;
        const auto response = await(m_emulator->putRecords(request));
        if (!response || response->failedRecordCount != 0)
            return keys;
        for (const auto &entry : response->records)
            keys.append(entry.shardId + u'/' + entry.sequenceNumber->toString());
        return keys;
    }

    QString registerConsumer()
    {
        const auto summary = await(m_emulator->describeStreamSummary(StreamTarget::byName(u"s"_s)));
        const auto consumer = await(m_emulator->registerStreamConsumer({summary->streamArn, u"group"_s, {}}));
        if (!consumer)
            return {};
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            const auto described = await(m_emulator->describeStreamConsumer(ConsumerTarget::byArn(consumer->consumerArn)));
            if (described && described->consumerStatus == ConsumerStatus::Active)
                return consumer->consumerArn;
            QTest::qWait(20);
        }
        return {};
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
        return o;
    }

    void startGroup(const ConsumerGroupOptions &o, StreamBackend *backend = nullptr)
    {
        m_group = std::make_unique<ConsumerGroup>(backend ? backend : m_emulator.get(), m_table.get(), o, m_clock.get());
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
        takeAll();
    }

    void renewAll()
    {
        QList<QFuture<void>> rounds;
        for (const WorkerStatus &status : m_group->workers()) {
            if (status.state == WorkerStatus::State::Running)
                rounds.append(m_group->worker(status.workerId)->coordinator()->runRenewals());
        }
        for (const auto &round : rounds)
            finish(round);
    }

    void takeAll()
    {
        QList<QFuture<void>> rounds;
        for (const WorkerStatus &status : m_group->workers()) {
            if (status.state == WorkerStatus::State::Running)
                rounds.append(m_group->worker(status.workerId)->coordinator()->runTaking());
        }
        for (const auto &round : rounds)
            finish(round);
    }

    // KCL's timers on the manual clock: a renewal round every 3,308 ms, taking every sixth
    // (19,848 ms, just under KCL's 20,050), the reads running meanwhile; until `done` or
    // `rounds` rounds.
    bool drive(const std::function<bool()> &done, int rounds = 60)
    {
        for (int round = 1; round <= rounds; ++round) {
            m_clock->advanceMs(3'308);
            renewAll();
            if (round % 6 == 0)
                takeAll();
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

    void everyRecordOnceAcrossASplitAndAMerge()
    {
        createStream(u"s"_s, 2);
        startGroup(options(2));
        // Two workers, two shards: one each after the first rounds.
        QVERIFY(drive([&] { return !holderOf(shard(0)).isEmpty() && !holderOf(shard(1)).isEmpty(); }));
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
        QCOMPARE(m_processed.size(), all.size()); // nothing twice: no failure happened
        for (const QString &key : std::as_const(all))
            QCOMPARE(m_times.value(key), 1);

        // Parents before children.
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

        // The table as KCL leaves it.
        const Lease parent = storedLease(shard(0));
        QCOMPARE(parent.checkpoint, CheckpointSentinel::ShardEnd);
        QCOMPARE(parent.childShardIds, (QStringList{shard(2), shard(3)}));
        QCOMPARE(storedLease(shard(2)).parentShardIds, QStringList{shard(0)});
        QCOMPARE(storedLease(shard(4)).parentShardIds, (QStringList{shard(2), shard(3)}));
        QVERIFY(drive([&] { return storedLease(shard(2)).reachedShardEnd() && storedLease(shard(3)).reachedShardEnd(); }, 5));
        QCOMPARE(storedLease(shard(2)).childShardIds, QStringList{shard(4)});
        const Lease merged = storedLease(shard(4));
        QCOMPARE(merged.ownerSwitchesSinceCheckpoint, 0);
        QVERIFY(!CheckpointSentinel::isSentinel(merged.checkpoint));
        QCOMPARE(m_group->workers().at(0).recordsProcessed + m_group->workers().at(1).recordsProcessed, 180);
        QVERIFY(m_group->workers().at(0).checkpoints + m_group->workers().at(1).checkpoints > 0);
    }

    void killedWorkersShardsContinueFromTheCheckpoint()
    {
        createStream(u"s"_s, 2);
        startGroup(options(2));
        QVERIFY(drive([&] { return !holderOf(shard(0)).isEmpty() && !holderOf(shard(1)).isEmpty(); }));
        QStringList all = put(40);
        QVERIFY(drive([&] { return distinctProcessed(all) == all.size(); }, 20));

        const QString victim = holderOf(shard(0));
        const QString survivor = victim == u"worker-1"_s ? u"worker-2"_s : u"worker-1"_s;
        // It dies right after processing a batch of shard 0, before that batch's checkpoint is
        // written: the batch is processed again by the next owner (KCL's at-least-once).
        int victimBatch = 0;
        const auto connection = connect(m_group.get(), &ConsumerGroup::batchProcessed, this,
                                        [&](const QString &workerId, const QString &shardId, const QList<Record> &records) {
                                            if (workerId == victim && shardId == shard(0) && victimBatch == 0) {
                                                victimBatch = int(records.size());
                                                m_group->killWorker(victim);
                                            }
                                        });
        all += put(40);
        // On the engine's clock, as the reads' quota is (5 GetRecords a second per shard).
        QVERIFY(drive([&] { return victimBatch > 0; }, 10));
        disconnect(connection);
        all += put(40);
        const WorkerStatus killed = m_group->worker(victim)->status();
        QCOMPARE(killed.state, WorkerStatus::State::Killed);
        QVERIFY(killed.leaseKeys.isEmpty());
        QCOMPARE(storedLease(shard(0)).leaseOwner, victim); // no eviction

        // The survivor takes the victim's leases once they expire by its own view, and reads on
        // from their checkpoints.
        QVERIFY(drive([&] { return holderOf(shard(0)) == survivor && distinctProcessed(all) == all.size(); }, 40));
        for (const QString &key : std::as_const(all))
            QVERIFY2(m_times.value(key) >= 1, qPrintable(key)); // nothing skipped
        const int duplicates = int(m_processed.size() - all.size());
        qInfo("duplicates after the kill (records processed again from the checkpoint): %d", duplicates);
        QCOMPARE(duplicates, victimBatch); // exactly the batch processed after the last checkpoint
        QCOMPARE(storedLease(shard(0)).leaseOwner, survivor);
        QCOMPARE(storedLease(shard(0)).ownerSwitchesSinceCheckpoint, 0); // checkpointed since
        QCOMPARE(m_group->worker(survivor)->status().leaseKeys, (QStringList{shard(0), shard(1)}));
    }

    void pausedWorkerLosesItsLeases()
    {
        createStream(u"s"_s, 2);
        startGroup(options(2));
        QVERIFY(drive([&] { return !holderOf(shard(0)).isEmpty() && !holderOf(shard(1)).isEmpty(); }));
        const QString paused = holderOf(shard(0));
        const QString other = paused == u"worker-1"_s ? u"worker-2"_s : u"worker-1"_s;
        m_group->setWorkerPaused(paused, true);
        QCOMPARE(m_group->worker(paused)->status().state, WorkerStatus::State::Paused);
        QStringList all = put(30);
        QVERIFY(drive([&] {
            return m_group->worker(other)->status().leaseKeys.contains(shard(0)) &&
                   storedLease(shard(0)).leaseOwner == other;
        }, 30));
        QVERIFY(drive([&] { return distinctProcessed(all) == all.size(); }, 20));
        // The paused worker still believes it holds shard 0 (it has not renewed since).
        QVERIFY(m_group->worker(paused)->status().leaseKeys.contains(shard(0)));

        m_group->setWorkerPaused(paused, false);
        QTRY_VERIFY(m_group->worker(paused)->status().leaseKeys.isEmpty());
        QCOMPARE(m_group->worker(paused)->status().state, WorkerStatus::State::Running);
        QCOMPARE(m_group->worker(other)->status().leaseKeys, (QStringList{shard(0), shard(1)}));
        all += put(30);
        QVERIFY(drive([&] { return distinctProcessed(all) == all.size(); }, 20));
    }

    void poisonRecordStopsTheCheckpoint()
    {
        createStream(u"s"_s, 1);
        startGroup(options(1));
        const QString worker = u"worker-1"_s;
        QStringList all = put(10);
        QVERIFY(drive([&] { return distinctProcessed(all) == all.size(); }, 20));
        QVERIFY(drive([&] { return storedLease(shard(0)).checkpoint == all.last().section(u'/', 1); }, 5));
        const QString before = storedLease(shard(0)).checkpoint;

        m_group->setPoisonFilter(worker, u"data contains \"poison\""_s);
        QCOMPARE(m_group->workers().first().poisonFilter, u"data contains \"poison\""_s);
        const QStringList poison = put(1, u"poison"_s);
        const qint64 processedBefore = m_group->workers().first().recordsProcessed;
        QStringList after = put(10);
        drive([] { return false; }, 6);
        after += put(10); // records keep arriving
        drive([] { return false; }, 6);
        QCOMPARE(storedLease(shard(0)).checkpoint, before); // stuck before the poison record
        QCOMPARE(m_group->workers().first().recordsProcessed, processedBefore);
        QVERIFY(m_group->workers().first().lastError.contains(u"poison"_s));
        QCOMPARE(distinctProcessed(after), 0);

        // Fixed: the batch goes through and the checkpoint moves to the last record.
        m_group->setPoisonFilter(worker, QString());
        const QStringList rest = poison + after;
        QVERIFY(drive([&] { return distinctProcessed(rest) == rest.size(); }, 20));
        QVERIFY(drive([&] { return storedLease(shard(0)).checkpoint == rest.last().section(u'/', 1); }, 5));

        // A filter that does not parse turns nothing on.
        QSignalSpy errors(m_group.get(), &ConsumerGroup::errorOccurred);
        m_group->setPoisonFilter(worker, u"data =="_s);
        QCOMPARE(errors.size(), 1);
        QVERIFY(m_group->workers().first().poisonFilter.isEmpty());
    }

    void fanOutReadsEveryRecordOnce()
    {
        createStream(u"s"_s, 2);
        const QString consumer = registerConsumer();
        QVERIFY(!consumer.isEmpty());
        ConsumerGroupOptions o = options(2);
        o.readMode = ConsumerGroupOptions::ReadMode::FanOut;
        o.consumerArn = consumer;
        startGroup(o);
        QVERIFY(drive([&] { return !holderOf(shard(0)).isEmpty() && !holderOf(shard(1)).isEmpty(); }));
        QStringList all = put(50);
        QVERIFY(drive([&] { return distinctProcessed(all) == all.size(); }, 20));

        const StreamTarget target = StreamTarget::byName(u"s"_s);
        const auto shards = await(m_emulator->listAllShards(target));
        QVERIFY(await(m_emulator->splitShard(SplitShardRequest{
                          target, shard(1), shards->at(1).hashKeyRange.midpoint().toDecimal()}))
                    .has_value());
        QTRY_COMPARE(await(m_emulator->describeStreamSummary(target))->streamStatus, StreamStatus::Active);
        all += put(50);
        // The emulator's subscription notices a shard closed at its next heartbeat (5 s, real time
        // here, as the engine's clock is the test's): allow for it.
        const bool done = drive([&] { return distinctProcessed(all) == all.size(); }, 250);
        if (!done) {
            const auto leases = await(m_table->listLeases());
            for (const Lease &lease : *leases)
                qInfo() << lease.leaseKey << lease.leaseOwner << lease.checkpoint << lease.childShardIds;
            for (const QString &key : all)
                if (!m_times.contains(key))
                    qInfo() << "missing" << key;
            for (const WorkerStatus &w : m_group->workers())
                qInfo() << w.workerId << w.leaseKeys << w.lastError << m_group->worker(w.workerId)->consumingShards();
        }
        QVERIFY2(done, qPrintable(u"%1 of %2 processed"_s.arg(distinctProcessed(all)).arg(all.size())));
        QCOMPARE(m_processed.size(), all.size());
        QCOMPARE(storedLease(shard(1)).checkpoint, CheckpointSentinel::ShardEnd);
        QCOMPARE(storedLease(shard(1)).childShardIds, (QStringList{shard(2), shard(3)}));
        QVERIFY(!storedLease(shard(2)).leaseOwner.isEmpty());
    }
    void throttlingAndExpiredIterators()
    {
        createStream(u"s"_s, 1);
        FlakyReadsBackend flaky(*m_emulator);
        ConsumerGroupOptions o = options(1);
        startGroup(o, &flaky);
        QSignalSpy throttled(m_group.get(), &ConsumerGroup::throttled);
        QStringList all = put(10);
        QVERIFY(drive([&] { return distinctProcessed(all) == all.size(); }, 20));
        const int iteratorsBefore = flaky.getIteratorCalls;
        flaky.throttle = 2; // backs off 1 s, then 2 s (real time), and reads on
        flaky.expire = 1;   // then a new iterator from the checkpoint
        all += put(10);
        QTRY_COMPARE_WITH_TIMEOUT(distinctProcessed(all), int(all.size()), 15000);
        QCOMPARE(m_processed.size(), all.size()); // nothing twice, nothing skipped
        QCOMPARE(throttled.size(), 2);
        QCOMPARE(m_group->workers().first().throttles, 2);
        QCOMPARE(flaky.getIteratorCalls, iteratorsBefore + 1);
        QCOMPARE(storedLease(shard(0)).checkpoint, all.last().section(u'/', 1));
    }

    void slowProcessing()
    {
        createStream(u"s"_s, 1);
        startGroup(options(1));
        m_group->setProcessingDelay(u"worker-1"_s, 200);
        QCOMPARE(m_group->workers().first().processingDelayMs, 200);
        const QStringList all = put(5);
        QTest::qWait(100);
        QCOMPARE(distinctProcessed(all), 0); // still processing its batch
        QTRY_COMPARE(distinctProcessed(all), int(all.size()));
        QVERIFY(drive([&] { return storedLease(shard(0)).checkpoint == all.last().section(u'/', 1); }, 5));
    }
};

QTEST_GUILESS_MAIN(TestConsumerGroup)
#include "tst_consumergroup.moc"
