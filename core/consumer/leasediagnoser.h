#pragma once

#include "consumer/leasesnapshot.h"
#include "consumer/workerstatus.h"
#include "kinesis/api.h"
#include "kinesis/sequencenumber.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace shardscope {

// What is known of one shard's end of the stream at one moment, beside a lease table. Every
// field but the shard and the time is optional: the emulator counts records, AWS only answers
// GetRecords (MillisBehindLatest from the checkpoint).
struct ShardTip
{
    QString shardId;
    qint64 atMs = 0;                                   // when this was measured
    std::optional<SequenceNumber> latestSequenceNumber; // the newest record
    std::optional<qint64> recordsLastMinute;           // records that arrived in the last minute
    std::optional<SequenceNumber> oldestSequenceNumber; // the oldest record still in retention
    std::optional<qint64> recordsBehind;               // records after the checkpoint
    std::optional<qint64> bytesBehind;                 // their bytes
    std::optional<qint64> millisBehind;                // MillisBehindLatest read from the checkpoint

    friend bool operator==(const ShardTip &, const ShardTip &) = default;
};

// One thing wrong with a consumer group, in words.
struct Diagnosis
{
    enum class Kind {
        ExpiredLeaseNotTaken,  // expired (or unassigned) and nobody takes it
        LeasePingPong,         // the same lease changes owner again and again
        CheckpointStuck,       // records wait and the checkpoint does not move
        ChildBlockedByParent,  // a closed parent never reaches SHARD_END, its child waits
        LeaseForMissingShard,  // the lease's shard is not in the stream any more
        CheckpointOutOfRetention, // the checkpoint is older than the oldest record kept
        ShardWithoutLease,     // an open shard nobody has a lease for
        WorkerNotRenewing,     // a worker holds leases but renews none of them
        LagGrowing,            // time behind rises across the window
    };
    enum class Severity { Info, Warning, Error };

    Kind kind = Kind::ExpiredLeaseNotTaken;
    Severity severity = Severity::Warning;
    QString shardId;   // the shard concerned, or empty
    QString leaseKey;  // the lease concerned, or empty
    QString workerId;  // the worker concerned, or empty
    qint64 sinceMs = 0;
    QString text;      // one or two sentences: what is wrong and what to look at

    // Kind and subject: the same problem seen in the next round has the same key.
    QString key() const;
    friend bool operator==(const Diagnosis &, const Diagnosis &) = default;
};

// Everything the diagnoser looks at, as of `nowMs`.
struct LeaseDiagnoserInput
{
    qint64 nowMs = 0;
    QString streamName;                 // multi-stream leases of other streams are left alone
    QList<LeaseTableSnapshot> history;  // oldest first; the last is the table now
    std::optional<QList<Shard>> shards; // the stream's shards, when listed
    QList<ShardTip> tips;               // any number per shard, oldest first
    std::optional<QList<WorkerStatus>> workers; // the app's own group's workers, when it is ours
};

// Finds what is wrong with a KCL consumer group from what a watcher of its lease table sees,
// the stream's shards and their tips. Pure logic: no I/O, no clock of its own (nowMs), no state
// between calls; the caller keeps the history (about kHistoryMs of snapshots).
//
// The thresholds follow KCL 2.x's own timing (failover 10 s, renewal every failover/3, taking
// every 2 × failover, shard sync every 60 s, the sample applications checkpoint once a minute)
// so that a healthy group never trips them:
// - expired lease not taken: counter unchanged for more than failover + kTakeGraceFactor ×
//   failover (a living worker takes an expired lease within one taking round, 2 × failover);
//   leases at SHARD_END are left out (nobody needs to process them);
// - ping-pong: kPingPongSwitches owner changes of one lease within kPingPongWindowMs (a
//   failover moves a lease once; KCL steals at most one lease per taking round);
// - checkpoint stuck: a held, live lease whose checkpoint has not changed for kStuckMs while
//   records wait after it or keep arriving (two missed once-a-minute checkpoints);
// - child blocked: a closed parent whose lease is not at SHARD_END and whose checkpoint has not
//   moved for kStuckMs, with a child lease not started;
// - lease for a missing shard: the shard is not among the listed shards (at SHARD_END: Info,
//   KCL deletes such leases once the children are done); checkpoint out of retention: a
//   sequence-number checkpoint below the shard's oldest record;
// - shard without lease: an open shard with no lease for kUnleasedMs (more than one shard-sync
//   interval), unless one of its parents still has a lease short of SHARD_END (KCL creates the
//   child's lease when the parent ends); only when the table has leases at all;
// - worker not renewing: every lease it owns has an unchanged counter for more than the
//   failover time; for the app's own workers also lastRenewalMs older than the failover time;
// - lag growing: at least kLagMinSamples MillisBehindLatest samples spanning kLagMinSpanMs
//   within kLagWindowMs, a least-squares slope of at least kLagGrowthRate (the lag grows by
//   12 s per minute or more: the consumer keeps up with less than about 80 % of what arrives),
//   and the latest lag at least kLagMinMs.
class LeaseDiagnoser final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::LeaseDiagnoser)

public:
    static constexpr qint64 kHistoryMs = 15 * 60'000;
    static constexpr int kTakeGraceFactor = 2;
    static constexpr int kPingPongSwitches = 3;
    static constexpr qint64 kPingPongWindowMs = 2 * 60'000;
    static constexpr qint64 kStuckMs = 2 * 60'000;
    static constexpr qint64 kUnleasedMs = 90'000;
    static constexpr qint64 kLagWindowMs = 5 * 60'000;
    static constexpr qint64 kLagMinSpanMs = 60'000;
    static constexpr int kLagMinSamples = 4;
    static constexpr double kLagGrowthRate = 0.2; // ms of lag per ms of time
    static constexpr qint64 kLagMinMs = 10'000;

    // Every diagnosis, the most severe first, then by shard and worker.
    static QList<Diagnosis> diagnose(const LeaseDiagnoserInput &input);

    // The latest tip of each shard among `tips` (the last one listed wins).
    static QList<ShardTip> latestTips(const QList<ShardTip> &tips);
    // A checkpoint string as a sequence number; nullopt for sentinels and empty text.
    static std::optional<SequenceNumber> checkpointSequence(const QString &checkpoint);
};

} // namespace shardscope
