#pragma once

#include "consumer/leasediagnoser.h"
#include "consumer/leasesnapshot.h"
#include "consumerdashboard.h"
#include "consumerdebugrequests.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

namespace shardscope {

class Clock;
class ConsumerGroup;
class CredentialsProvider;
class DynamoDbClient;
class LeaseMonitor;
class LeaseTable;
class StreamBackend;

// Connects the consumer dashboard to what it shows: a lease table watched by a LeaseMonitor
// (a KCL application's table in DynamoDB, opened read-only, or the table of the app's own
// consumer group), the stream's shards (listed again on catalogChanged) and the shards' tips.
//
// Tips: for each lease not at SHARD_END, a GetRecords probe from its checkpoint (at most
// kBehindProbeLimit records) gives MillisBehindLatest and, at the tip, the records and bytes
// behind; it works on AWS as in the emulator. Once a minute a probe from TRIM_HORIZON gives the
// oldest record still kept; where the backend counts records per shard (the emulator), the
// count's change gives the records that arrived in the last minute. Probes
// are rare: one round every kTipIntervalMs, one call of each kind per shard.
//
// The app's own group (runGroup) is a ConsumerGroup over the same backend; its workers' status goes
// to the dashboard with every snapshot and change, and the fault commands go to it.
//
// The dashboard's commands arrive as its signals. Threads: GUI thread. Owns the table, the
// monitor and the DynamoDB client it creates; does not own the backend or the dashboard.
class ConsumerDebugController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsumerDebugController)

public:
    static constexpr int kTipIntervalMs = 5000;
    static constexpr qint64 kOldestProbeIntervalMs = 60'000;
    // Records a probe from the checkpoint reads at most: few enough to cost little, enough to
    // count what waits behind a stuck consumer.
    static constexpr int kBehindProbeLimit = 100;

    explicit ConsumerDebugController(ConsumerDashboard *dashboard, QObject *parent = nullptr);
    ~ConsumerDebugController() override;

    // The stream the dashboard is about. A change stops what runs.
    void setStream(StreamBackend *backend, const QString &streamName);
    // The clock the watcher times snapshots and tips by (tests shift it to see minutes pass);
    // null: the system's. The group's lease protocol keeps the system clock: it runs on timers.
    void setWatcherClock(const Clock *clock) { m_clock = clock; }
    void setTipIntervalMs(int ms);
    void setMonitorPollIntervalMs(int ms) { m_pollIntervalMs = ms; }
    // Where the app's own groups keep a lease table in the local store (a SQLite file).
    void setLocalStorePath(const QString &path) { m_localStorePath = path; }
    QString localStorePath() const;

    // Watches `table` (taking ownership when `owned`) as the dashboard's source.
    void watch(LeaseTable *table, bool owned, ConsumerDashboard::Source source, qint64 failoverTimeMs,
               const QString &description);
    // Opens a KCL application's lease table in DynamoDB, read-only.
    void openTable(const LeaseTableRequest &request);
    // Starts the app's own consumer group on the stream, its lease table in the local store or
    // in DynamoDB, and watches that table.
    void runGroup(const ConsumerGroupRequest &request);
    void stop();

    LeaseMonitor *monitor() const { return m_monitor; }
    ConsumerGroup *group() const { return m_group; }
    LeaseTable *table() const { return m_table; }
    // One round of tip probes now (tests).
    void probeTipsNow() { probeTips(); }

signals:
    // A round of tip probes has been handed to the dashboard.
    void tipsProbed();

private:
    void refreshShards();
    void probeTips();
    void finishProbe();
    void onSnapshot(const LeaseTableSnapshot &snapshot);
    void pushWorkers();
    std::unique_ptr<DynamoDbClient> dynamoClient(const QString &endpoint, const QString &region);
    qint64 now() const;

    QPointer<ConsumerDashboard> m_dashboard;
    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    const Clock *m_clock = nullptr;
    QString m_localStorePath;
    QSet<QString> m_temporaryStores; // lease stores of an in-memory emulator, removed with this
    int m_pollIntervalMs = 2000;

    std::unique_ptr<CredentialsProvider> m_credentials;
    std::unique_ptr<DynamoDbClient> m_dynamo;
    LeaseTable *m_table = nullptr;
    bool m_ownsTable = false;
    LeaseMonitor *m_monitor = nullptr;
    ConsumerGroup *m_group = nullptr;

    QTimer m_tipTimer;
    int m_generation = 0;          // drops answers for an earlier stream or source
    int m_pendingProbes = 0;
    QList<ShardTip> m_roundTips;   // being collected
    QHash<QString, SequenceNumber> m_oldest;     // shard → oldest record seen by TRIM_HORIZON
    QHash<QString, qint64> m_oldestProbedMs;
    QHash<QString, QList<QPair<qint64, qint64>>> m_counts; // shard → (time, record count)
};

} // namespace shardscope
