#pragma once

#include <QFuture>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace shardscope {

class LeaseCoordinator;
class LeaseTable;

// A worker's side of KCL 3.x's lease assignment (DynamoDBLeaseDiscoverer): the worker does not
// take leases; it lists the lease table and hands the leases whose leaseOwner is itself and that
// it does not hold yet to its LeaseCoordinator (adoptLease), which renews them from then on and
// starts consuming them. Leases the leader moved away are lost at the coordinator's next renewal
// (its condition on the owner fails).
//
// KCL runs it every assignment interval / 2 − epsilon (9,975 ms by default); start() runs one at
// once, then on that interval.
//
// Threads: GUI thread.
class LeaseDiscoverer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaseDiscoverer)

public:
    LeaseDiscoverer(LeaseTable *table, LeaseCoordinator *coordinator, qint64 intervalMs, QObject *parent = nullptr);
    ~LeaseDiscoverer() override;

    void start();
    void stop();
    void forget();
    bool isRunning() const { return m_timer.isActive(); }
    qint64 intervalMs() const { return m_intervalMs; }

    // One listing; the future finishes when the new leases were handed over.
    QFuture<void> runDiscovery();
    int leasesDiscovered() const { return m_discovered; }

signals:
    void errorOccurred(const QString &message);

private:
    struct Round;

    LeaseTable *m_table;
    LeaseCoordinator *m_coordinator;
    qint64 m_intervalMs;
    quint64 m_generation = 0;
    std::shared_ptr<Round> m_round;
    QTimer m_timer;
    int m_discovered = 0;
};

} // namespace shardscope
