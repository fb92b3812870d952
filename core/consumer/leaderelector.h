#pragma once

#include <QFuture>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace shardscope {

class Clock;
class CoordinatorStore;

// KCL 3.x's defaults for the leader lock (LeaseManagementConfig: dynamoDbLockBasedLeaderLease
// DurationInMillis, dynamoDbLockBasedLeaderHeartbeatPeriodInMillis).
struct LeaderElectorOptions
{
    qint64 leaseDurationMs = 120'000;
    qint64 heartbeatPeriodMs = 30'000;
};

// One worker's side of the leader election (DynamoDBLockBasedLeaderDecider over the lock client),
// over a CoordinatorStore's lock:
// - The leader heartbeats: every round it replaces the lock's recordVersionNumber, conditional on
//   the one it wrote last. A failed condition means another worker took the lock: not the leader
//   any more. A leader that has not heartbeated within the lease duration (it was paused) does
//   not count itself as leader until a heartbeat succeeds again.
// - Any other worker reads the lock. No lock: it writes one (conditional on there being none). A
//   lock whose recordVersionNumber has not changed for the lock's lease duration, by this
//   worker's clock since it first saw that version, is expired: it takes it over (conditional on
//   that version). So at most one worker holds the lock at a time. A lock under this worker's
//   own id that it does not hold (an earlier life: the group was stopped and run again) is taken
//   back at once, as the lease table's leases under its id are (worker ids are unique).
// runElection() is one round; start() runs one at once and then one every heartbeat period.
// release() deletes the lock when this worker holds it (a clean shutdown).
//
// Threads: GUI thread.
class LeaderElector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaderElector)

public:
    LeaderElector(CoordinatorStore *store, const QString &workerId, const LeaderElectorOptions &options = {},
                  const Clock *clock = nullptr, QObject *parent = nullptr);
    ~LeaderElector() override;

    QString workerId() const { return m_workerId; }
    const LeaderElectorOptions &options() const { return m_options; }

    void start();
    // Stops the rounds; what is held stays held until it expires (a paused worker).
    void stop();
    // Stops and forgets everything without writing (a killed worker).
    void forget();
    void release();
    bool isRunning() const { return m_timer.isActive(); }

    QFuture<void> runElection();

    // Holds the lock and heartbeated within the lease duration.
    bool isLeader() const;
    // The lock's owner as last read or written (empty: none known).
    QString leaderId() const { return m_leaderId; }
    int leadershipsTaken() const { return m_taken; }
    QString lastError() const { return m_lastError; }

signals:
    void leadershipChanged(bool leader);
    void leaderIdChanged(const QString &leaderId);
    void errorOccurred(const QString &message);

private:
    struct Round;

    qint64 now() const;
    void setHeld(bool held);
    void setLeaderId(const QString &leaderId);
    void contend(std::shared_ptr<Round> round);
    void tryWrite(const QString &expectedVersion, std::shared_ptr<Round> round);
    void heartbeat(std::shared_ptr<Round> round);
    QString newVersion() const;
    void setError(const QString &message);

    CoordinatorStore *m_store;
    QString m_workerId;
    LeaderElectorOptions m_options;
    const Clock *m_clock;
    quint64 m_generation = 0;
    std::shared_ptr<Round> m_round;
    QTimer m_timer;
    bool m_held = false;
    QString m_heldVersion;
    qint64 m_lastHeartbeatMs = 0;
    QString m_seenVersion;     // the others' lock version, and since when it is unchanged
    qint64 m_seenSinceMs = 0;
    QString m_leaderId;
    int m_taken = 0;
    QString m_lastError;
};

} // namespace shardscope
