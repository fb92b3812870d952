#include "consumer/leasediagnoser.h"
#include "leasetimeline.h"

#include <QTest>

using namespace shardscope;
using shardscope::test::LeaseTimeline;
using Kind = Diagnosis::Kind;

namespace {

const QString S0 = QStringLiteral("shardId-000000000000");
const QString S1 = QStringLiteral("shardId-000000000001");
const QString S2 = QStringLiteral("shardId-000000000002");
const QString S3 = QStringLiteral("shardId-000000000003");
const QString S4 = QStringLiteral("shardId-000000000004");
const QString A = QStringLiteral("worker-a");
const QString B = QStringLiteral("worker-b");

// Four open shards, two workers, everything renewed and checkpointed.
LeaseTimeline fourShards()
{
    LeaseTimeline t;
    for (const QString &id : {S0, S1, S2, S3})
        t.addShard(id);
    t.healthy({A, B});
    t.step();
    return t;
}

QList<Diagnosis> ofKind(const QList<Diagnosis> &all, Kind kind)
{
    QList<Diagnosis> out;
    for (const Diagnosis &d : all) {
        if (d.kind == kind)
            out.append(d);
    }
    return out;
}

QString describe(const QList<Diagnosis> &all)
{
    QStringList lines;
    for (const Diagnosis &d : all)
        lines.append(d.text);
    return lines.join(u'\n');
}

} // namespace

class TestLeaseDiagnoser final : public QObject
{
    Q_OBJECT

private slots:
    void healthyGroupHasNoDiagnosis()
    {
        // A resharded stream: a closed parent at SHARD_END, its two children leased; a lag
        // that comes and goes (checkpoints once in a while); 15 minutes of history.
        LeaseTimeline t;
        t.addShard(S0, {}, true);
        t.addShard(S1, S0);
        t.addShard(S2, S0);
        t.addShard(S3);
        t.addLease(S0, A, CheckpointSentinel::ShardEnd);
        t.healthy({A, B});
        for (int i = 0; i < 180; ++i) {
            for (const QString &id : {S1, S2, S3})
                t.lagMs[id] = (i % 12) * 1000; // a saw tooth up to 11 s
            t.step();
            const auto found = LeaseDiagnoser::diagnose(t.input());
            QVERIFY2(found.isEmpty(), qPrintable(describe(found)));
        }
        // The app's own workers, renewing.
        QList<WorkerStatus> workers;
        for (const QString &id : {A, B}) {
            WorkerStatus w;
            w.workerId = id;
            w.leaseKeys = {S1};
            w.lastRenewalMs = t.nowMs - 2000;
            workers.append(w);
        }
        QVERIFY(LeaseDiagnoser::diagnose(t.input(workers)).isEmpty());
    }

    void expiredLeaseNobodyTakes()
    {
        LeaseTimeline t = fourShards();
        t.aliveWorkers.remove(B); // B dies; A never takes its leases
        t.run(30'000);            // 3 × failover: a taker would have had its round
        QVERIFY(ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::ExpiredLeaseNotTaken).isEmpty());
        t.run(10'000);
        const auto found = ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::ExpiredLeaseNotTaken);
        QCOMPARE(found.size(), 2); // B held S1 and S3
        QCOMPARE(found.at(0).shardId, S1);
        QCOMPARE(found.at(1).shardId, S3);
        QCOMPARE(found.at(0).workerId, B);
        QCOMPARE(found.at(0).severity, Diagnosis::Severity::Error);
        QVERIFY(found.at(0).text.contains(S1));
        QVERIFY(found.at(0).sinceMs < t.nowMs - 20'000);

        // An unassigned lease nobody takes is the same problem.
        LeaseTimeline u = fourShards();
        u.table[S2].leaseOwner.clear();
        u.run(45'000);
        const auto unassigned = ofKind(LeaseDiagnoser::diagnose(u.input()), Kind::ExpiredLeaseNotTaken);
        QCOMPARE(unassigned.size(), 1);
        QCOMPARE(unassigned.at(0).shardId, S2);
        QVERIFY(unassigned.at(0).workerId.isEmpty());
    }

    void leasePingPong()
    {
        LeaseTimeline t = fourShards();
        // S0 moves A → B → A → B, 20 s apart (each worker steals it back in its taking round).
        const QString owners[] = {B, A, B};
        for (int i = 0; i < 2; ++i) {
            t.run(20'000);
            t.take(S0, owners[i]);
        }
        t.step();
        QVERIFY(ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::LeasePingPong).isEmpty());
        t.run(20'000);
        t.take(S0, owners[2]);
        t.step();
        const auto found = ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::LeasePingPong);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).shardId, S0);
        QVERIFY(found.at(0).text.contains(A));
        QVERIFY(found.at(0).text.contains(B));
        // Outside the window the switches no longer count.
        t.run(LeaseDiagnoser::kPingPongWindowMs);
        QVERIFY(ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::LeasePingPong).isEmpty());
    }

    void checkpointStuckWhileRecordsArrive()
    {
        LeaseTimeline t = fourShards();
        t.progressing.remove(S2); // A keeps renewing S2 but stops at a record
        t.run(LeaseDiagnoser::kStuckMs - 10'000);
        QVERIFY(ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::CheckpointStuck).isEmpty());
        t.run(15'000);
        const auto all = LeaseDiagnoser::diagnose(t.input());
        const auto found = ofKind(all, Kind::CheckpointStuck);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).shardId, S2);
        QCOMPARE(found.at(0).workerId, A);
        QCOMPARE(found.at(0).severity, Diagnosis::Severity::Error);
        QVERIFY(found.at(0).text.contains(QStringLiteral("poison")));
        QCOMPARE(all.size(), 1); // nothing else is wrong

        // No records arriving or waiting: a still checkpoint is fine.
        LeaseTimeline quiet = fourShards();
        for (const QString &id : {S0, S1, S2, S3})
            quiet.arrivalsPerStep[id] = 0;
        quiet.step();
        quiet.progressing.remove(S2);
        quiet.run(5 * 60'000);
        QVERIFY2(LeaseDiagnoser::diagnose(quiet.input()).isEmpty(),
                 qPrintable(describe(LeaseDiagnoser::diagnose(quiet.input()))));
    }

    void childWaitsForParentThatNeverEnds()
    {
        LeaseTimeline t;
        t.addShard(S0);
        t.addShard(S1, S0);
        t.addShard(S2, S0);
        t.addLease(S0, A, CheckpointSentinel::TrimHorizon);
        t.progressing.insert(S0);
        t.step();
        t.close(S0); // split: S0 closes, its last records still to process
        t.addLease(S1, B, CheckpointSentinel::TrimHorizon, S0);
        t.addLease(S2, B, CheckpointSentinel::TrimHorizon, S0);
        t.progressing.remove(S0); // A never gets to SHARD_END
        t.step();
        t.run(LeaseDiagnoser::kStuckMs - 10'000);
        QVERIFY(ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::ChildBlockedByParent).isEmpty());
        t.run(15'000);
        const auto all = LeaseDiagnoser::diagnose(t.input());
        const auto found = ofKind(all, Kind::ChildBlockedByParent);
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).shardId, S1);
        QCOMPARE(found.at(1).shardId, S2);
        QVERIFY(found.at(0).text.contains(S0));
        QCOMPARE(found.at(0).workerId, A);
        // The children themselves are not "stuck": they wait, and say so only once.
        for (const Diagnosis &d : ofKind(all, Kind::CheckpointStuck))
            QCOMPARE(d.shardId, S0);

        // Once the parent reaches SHARD_END the children may start: no more diagnosis.
        t.checkpoint(S0, CheckpointSentinel::ShardEnd);
        t.step();
        QVERIFY(ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::ChildBlockedByParent).isEmpty());
    }

    void leaseForMissingShardOrOutOfRetention()
    {
        LeaseTimeline t = fourShards();
        t.addLease(S4, A, t.sequenceAt(S0, t.nowMs - 100'000)); // no such shard in the stream
        t.step();
        auto found = ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::LeaseForMissingShard);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).shardId, S4);
        QCOMPARE(found.at(0).severity, Diagnosis::Severity::Warning);
        // At SHARD_END it is only cleanup KCL will do.
        t.checkpoint(S4, CheckpointSentinel::ShardEnd);
        t.step();
        found = ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::LeaseForMissingShard);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).severity, Diagnosis::Severity::Info);

        // S3's checkpoint stays at an old record; retention then drops past it.
        LeaseTimeline r = fourShards();
        r.progressing.remove(S3);
        r.step();
        QVERIFY(ofKind(LeaseDiagnoser::diagnose(r.input()), Kind::CheckpointOutOfRetention).isEmpty());
        r.oldest[S3] = r.nowMs - 1000;
        r.step();
        const auto lost = ofKind(LeaseDiagnoser::diagnose(r.input()), Kind::CheckpointOutOfRetention);
        QCOMPARE(lost.size(), 1);
        QCOMPARE(lost.at(0).shardId, S3);
        QCOMPARE(lost.at(0).severity, Diagnosis::Severity::Error);
    }

    void openShardWithoutLease()
    {
        LeaseTimeline t = fourShards();
        t.addShard(S4); // a new open shard, no lease created for it
        t.run(LeaseDiagnoser::kUnleasedMs - 10'000);
        QVERIFY(ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::ShardWithoutLease).isEmpty());
        t.run(15'000);
        const auto found = ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::ShardWithoutLease);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).shardId, S4);

        // A child whose parent still has a lease short of SHARD_END gets its lease later: fine.
        LeaseTimeline c = fourShards();
        c.addShard(S4, S0);
        c.run(3 * 60'000);
        QVERIFY(ofKind(LeaseDiagnoser::diagnose(c.input()), Kind::ShardWithoutLease).isEmpty());
    }

    void workerStopsRenewing()
    {
        LeaseTimeline t = fourShards();
        t.aliveWorkers.remove(A);
        t.run(10'000);
        QVERIFY(ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::WorkerNotRenewing).isEmpty());
        t.run(5000);
        const auto found = ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::WorkerNotRenewing);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).workerId, A);
        QVERIFY(found.at(0).text.contains(A));

        // The app's own paused worker says so before the table shows it.
        LeaseTimeline own = fourShards();
        WorkerStatus paused;
        paused.workerId = B;
        paused.state = WorkerStatus::State::Paused;
        paused.leaseKeys = {S1, S3};
        paused.lastRenewalMs = own.nowMs - 12'000;
        const auto ownFound = ofKind(LeaseDiagnoser::diagnose(own.input(QList<WorkerStatus>{paused})),
                                     Kind::WorkerNotRenewing);
        QCOMPARE(ownFound.size(), 1);
        QCOMPARE(ownFound.at(0).workerId, B);
        QVERIFY(ownFound.at(0).text.contains(QStringLiteral("paused")));
        // A killed worker is gone: the table speaks for it, not its status.
        paused.state = WorkerStatus::State::Killed;
        QVERIFY(ofKind(LeaseDiagnoser::diagnose(own.input(QList<WorkerStatus>{paused})),
                       Kind::WorkerNotRenewing).isEmpty());
    }

    void lagGrowing()
    {
        LeaseTimeline t = fourShards();
        qint64 lag = 2000;
        for (int i = 0; i < 12; ++i) { // two minutes, +4 s every 10 s: 24 s a minute
            t.lagMs[S1] = lag;
            lag += 4000;
            t.step(10'000);
        }
        const auto found = ofKind(LeaseDiagnoser::diagnose(t.input()), Kind::LagGrowing);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).shardId, S1);
        QCOMPARE(found.at(0).workerId, B);
        QVERIFY(found.at(0).text.contains(S1));

        // A lag that grows slowly (6 s a minute) is not flagged.
        LeaseTimeline slow = fourShards();
        lag = 10'000;
        for (int i = 0; i < 12; ++i) {
            slow.lagMs[S1] = lag;
            lag += 1000;
            slow.step(10'000);
        }
        QVERIFY(ofKind(LeaseDiagnoser::diagnose(slow.input()), Kind::LagGrowing).isEmpty());
    }

    void checkpointSequenceSkipsSentinels()
    {
        QVERIFY(!LeaseDiagnoser::checkpointSequence(CheckpointSentinel::TrimHorizon));
        QVERIFY(!LeaseDiagnoser::checkpointSequence(CheckpointSentinel::ShardEnd));
        QVERIFY(!LeaseDiagnoser::checkpointSequence({}));
        const SequenceNumber n(SequenceNumber::counterAt(LeaseTimeline::kStartMs), 3);
        QCOMPARE(LeaseDiagnoser::checkpointSequence(n.toString()), n);
    }
};

QTEST_GUILESS_MAIN(TestLeaseDiagnoser)
#include "tst_leasediagnoser.moc"
