#pragma once

#include "backend/streambackend.h"
#include "consumer/leasetable.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

namespace shardscope {

class Clock;

// KCL's lease clean-up timing (LeaseManagementConfig's defaults, LeaseCleanupConfig).
struct LeaseCleanerOptions
{
    bool cleanupLeasesUponShardCompletion = true;
    qint64 cleanupIntervalMs = 60'000;          // leaseCleanupIntervalMillis: how often a pass runs
    qint64 completedCheckIntervalMs = 300'000;  // completedLeaseCleanupIntervalMillis
    qint64 garbageCheckIntervalMs = 1'800'000;  // garbageLeaseCleanupIntervalMillis
};

// Deletes the leases of finished shards from the lease table, as KCL's LeaseCleanupManager does,
// so they are no longer renewed, taken and counted in every worker's target.
//
// The group enqueues a lease when one of its shard consumers reaches the shard's end (SHARD_END,
// or the shard was found gone). A pass (runCleanup(), every cleanupIntervalMs) does nothing until
// completedCheckIntervalMs or garbageCheckIntervalMs has passed since start() or since the last
// pass that deleted a lease of that kind; then, for each enqueued lease, as KCL:
// - completed: the lease is at SHARD_END, every child shard (childShardIds, else the stream's
//   shard list) has a lease whose checkpoint moved past its start (not TRIM_HORIZON or
//   AT_TIMESTAMP), and no parent shard has a lease any more (parents are deleted first);
// - garbage: the shard no longer exists, past the retention period: the stream's shard list
//   (which must be readable) leaves it out and GetShardIterator answers ResourceNotFound. Checked
//   when the garbage check is due, and at the completed check when the lease names no child
//   (a shard found gone ends without children).
// A lease already gone leaves the queue; one that is not ready, or whose delete lost to a renewal
// (deleteLease is conditional on the counter just read), stays for the next pass. The worker
// holding a deleted lease loses it at its next renewal.
//
// Time comes from the Clock; start() with timers runs passes on a QTimer, tests call
// runCleanup() directly.
//
// Threads: GUI thread.
class LeaseCleaner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaseCleaner)

public:
    enum class Reason { Completed, Garbage };
    Q_ENUM(Reason)

    LeaseCleaner(StreamBackend *backend, LeaseTable *table, const QString &streamName,
                 const LeaseCleanerOptions &options = {}, const Clock *clock = nullptr,
                 QObject *parent = nullptr);
    ~LeaseCleaner() override;

    const LeaseCleanerOptions &options() const { return m_options; }

    // Starts both intervals now; with `timers`, a pass every cleanupIntervalMs.
    void start(bool timers = true);
    // Stops the timer and forgets the queue (a pass in flight finishes without deleting more).
    void stop();

    void enqueue(const QString &leaseKey);
    bool isEnqueued(const QString &leaseKey) const { return m_queue.contains(leaseKey); }
    QStringList pendingLeaseKeys() const { return m_queue; }

    // One pass; finishes when its table and stream calls have answered (a pass asked for while
    // one runs joins it).
    QFuture<void> runCleanup();

    int completedLeasesDeleted() const { return m_completedDeleted; }
    int garbageLeasesDeleted() const { return m_garbageDeleted; }
    QString lastError() const { return m_lastError; }

signals:
    void leaseDeleted(const QString &leaseKey, shardscope::LeaseCleaner::Reason reason);
    void errorOccurred(const QString &message);

private:
    struct Pass;
    qint64 now() const;
    void listShards(std::shared_ptr<Pass> pass);
    void cleanNext(std::shared_ptr<Pass> pass);
    void checkGone(std::shared_ptr<Pass> pass, const Lease &lease, bool thenCompleted);
    void checkCompleted(std::shared_ptr<Pass> pass, const Lease &lease);
    void remove(std::shared_ptr<Pass> pass, const Lease &lease, Reason reason);
    QStringList childrenOf(const Pass &pass, const Lease &lease) const;
    void finishPass(std::shared_ptr<Pass> pass);
    void setError(const QString &message);

    StreamBackend *m_backend;
    LeaseTable *m_table;
    QString m_streamName;
    LeaseCleanerOptions m_options;
    const Clock *m_clock;
    QStringList m_queue;
    qint64 m_completedSinceMs = 0;
    qint64 m_garbageSinceMs = 0;
    quint64 m_generation = 0; // a pass of before stop() deletes nothing more
    std::shared_ptr<Pass> m_pass;
    QTimer m_timer;
    int m_completedDeleted = 0;
    int m_garbageDeleted = 0;
    QString m_lastError;
};

} // namespace shardscope
