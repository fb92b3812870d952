#pragma once

#include "consumer/leasetable.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace shardscope {

class Clock;

// KCL 2.x's lease timing (LeaseManagementConfig's defaults).
struct LeaseCoordinatorOptions
{
    qint64 failoverTimeMs = 10'000;
    qint64 epsilonMs = 25;
    int maxLeasesToStealAtOneTime = 1;
    // False under KCL 3.x's leader assignment: no taking rounds; leases arrive by adoptLease().
    bool taking = true;

    // Renew every failover/3 − epsilon (3,308 ms by default).
    qint64 renewalIntervalMs() const { return failoverTimeMs / 3 - epsilonMs; }
    // Take every 2 × (failover + epsilon) (20,050 ms by default).
    qint64 takingIntervalMs() const { return 2 * (failoverTimeMs + epsilonMs); }
};

// One worker's side of the KCL 2.x lease protocol: the renewer and the taker
// (DynamoDBLeaseRenewer, DynamoDBLeaseTaker), over any LeaseTable.
//
// Taking (runTaking(), every takingIntervalMs): lists the table and keeps, per lease, the time it
// last saw leaseCounter change (a lease first seen owned counts as changed then; first seen
// unowned, as never). A lease is available when it is unowned or its counter has not changed for
// longer than the failover time. Workers are the owners of the unavailable leases plus this one;
// target = ceil(leases / workers) (1 when there are at least as many workers as leases). Needing
// target − held: available leases are taken first (shuffled, up to the need); when none is
// available, it steals from the most-loaded worker, when that one holds at least the target:
// min(need, its excess), 1 when it holds exactly the target and the need is more than one, and
// never more than maxLeasesToStealAtOneTime. Takes run one after another, as KCL's loop does.
//
// Renewal (runRenewals(), every renewalIntervalMs): each held lease is renewed conditionally on
// its counter and owner. A lease the worker has not renewed within the failover time (it was
// paused, or the table failed) is not renewed but dropped, as KCL does: another worker may own it
// by now. A failed condition loses the lease (leaseLost()).
//
// updateLease() (checkpoints) is conditional on the held counter too, and is serialised with the
// renewal of the same lease so the two never race on the counter (KCL synchronises on the lease).
//
// Time comes from the Clock; start() drives both steps with QTimers (taking at once, as KCL
// schedules it), tests call them directly. stop() leaves the holds as they are (a paused worker);
// forget() drops them without touching the table (a killed worker).
//
// Threads: GUI thread.
class LeaseCoordinator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaseCoordinator)

public:
    LeaseCoordinator(LeaseTable *table, const QString &workerId, const LeaseCoordinatorOptions &options = {},
                     const Clock *clock = nullptr, QObject *parent = nullptr);
    ~LeaseCoordinator() override;

    QString workerId() const { return m_workerId; }
    const LeaseCoordinatorOptions &options() const { return m_options; }

    void start();
    void stop();
    void forget();
    bool isRunning() const { return m_renewTimer.isActive(); }

    // One renewal round and one taking round; the futures finish when the round's table calls
    // have answered (a round asked for while the same kind runs joins that one).
    QFuture<void> runRenewals();
    QFuture<void> runTaking();

    // The leases held, in key order (as last written by this worker).
    QList<Lease> heldLeases() const;
    QStringList heldLeaseKeys() const;
    std::optional<Lease> heldLease(const QString &leaseKey) const;
    bool holds(const QString &leaseKey) const { return m_held.contains(leaseKey); }
    // Starts holding (and renewing) a lease the table says this worker owns, as assigned by a
    // KCL 3.x leader; false when it is owned by another worker or already held.
    bool adoptLease(const Lease &lease);

    // Applies `change` to the held lease and writes it with LeaseTable::updateLease. The result
    // is the stored lease, or empty when the lease is not held or the condition failed (the lease
    // is then lost: leaseLost() is emitted).
    using UpdateCallback = std::function<void(const BackendResult<std::optional<Lease>> &)>;
    void updateLease(const QString &leaseKey, std::function<void(Lease &)> change, UpdateCallback done);

    // Figures for the dashboard and the bench.
    int takingRounds() const { return m_takingRounds; }
    int steals() const { return m_steals; }
    int leasesTaken() const { return m_taken; }
    qint64 lastRenewalMs() const { return m_lastRenewalMs; }
    QString lastError() const { return m_lastError; }

signals:
    void leaseAcquired(const shardscope::Lease &lease);
    void leaseLost(const QString &leaseKey);
    void heldLeasesChanged();
    void errorOccurred(const QString &message);

private:
    struct Held
    {
        Lease lease;
        qint64 lastRenewedMs = 0;
        bool writing = false;
        QList<std::function<void()>> queued; // writes waiting for the one in flight
    };
    struct Seen
    {
        Lease lease;
        std::optional<qint64> counterChangedMs; // empty: never (first seen unowned)
    };
    struct Round;

    qint64 now() const;
    bool isAvailable(const Seen &seen, qint64 asOfMs) const;
    void updateAllLeases(const QList<Lease> &fresh, qint64 scanMs);
    QList<Lease> computeLeasesToTake(int *stealing);
    void takeNext(std::shared_ptr<Round> round);
    void renew(const QString &leaseKey, std::shared_ptr<Round> round);
    void enqueueWrite(const QString &leaseKey, std::function<void()> write);
    void writeDone(const QString &leaseKey);
    void lose(const QString &leaseKey);
    void setError(const QString &message);

    LeaseTable *m_table;
    QString m_workerId;
    LeaseCoordinatorOptions m_options;
    const Clock *m_clock;
    quint64 m_generation = 0; // answers of an earlier life (before forget()) are dropped
    QHash<QString, Held> m_held;
    QHash<QString, Seen> m_seen;
    std::shared_ptr<Round> m_renewal;
    std::shared_ptr<Round> m_taking;
    QTimer m_renewTimer;
    QTimer m_takeTimer;
    int m_takingRounds = 0;
    int m_steals = 0;
    int m_taken = 0;
    qint64 m_lastRenewalMs = 0;
    QString m_lastError;
};

} // namespace shardscope
