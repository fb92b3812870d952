#pragma once

#include "consumer/leasediagnoser.h"
#include "consumer/leasesnapshot.h"
#include "consumerdashboard.h"
#include "consumerdebugrequests.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace shardscope {

class Clock;
class CredentialsProvider;
class DynamoDbClient;
class LeaseMonitor;
class LeaseTable;
class StreamBackend;

// Connects the consumer dashboard to what it shows: a lease table watched by a LeaseMonitor
// (a KCL application's table in DynamoDB, opened read-only, or the table of the app's own
// consumer group), the stream's shards (listed again on catalogChanged) and the shards' tips.
//
// Tips: for each lease not at SHARD_END, a GetRecords probe from its checkpoint (Limit 1) gives
// MillisBehindLatest, which works on AWS as in the emulator; once a minute a probe from
// TRIM_HORIZON gives the oldest record still kept; where the backend counts records per shard
// (the emulator), the count's change gives the records that arrived in the last minute. Probes
// are rare: one round every kTipIntervalMs, one call of each kind per shard.
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

    explicit ConsumerDebugController(ConsumerDashboard *dashboard, QObject *parent = nullptr);
    ~ConsumerDebugController() override;

    // The stream the dashboard is about. A change stops what runs.
    void setStream(StreamBackend *backend, const QString &streamName);
    // The clock snapshots and tips are timed by (tests inject a ManualClock); null: the system's.
    void setClock(const Clock *clock) { m_clock = clock; }
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
    void stop();

    LeaseMonitor *monitor() const { return m_monitor; }
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
    qint64 now() const;

    QPointer<ConsumerDashboard> m_dashboard;
    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    const Clock *m_clock = nullptr;
    QString m_localStorePath;
    int m_pollIntervalMs = 2000;

    std::unique_ptr<CredentialsProvider> m_credentials;
    std::unique_ptr<DynamoDbClient> m_dynamo;
    LeaseTable *m_table = nullptr;
    bool m_ownsTable = false;
    LeaseMonitor *m_monitor = nullptr;

    QTimer m_tipTimer;
    int m_generation = 0;          // drops answers for an earlier stream or source
    int m_pendingProbes = 0;
    QList<ShardTip> m_roundTips;   // being collected
    QHash<QString, SequenceNumber> m_oldest;     // shard → oldest record seen by TRIM_HORIZON
    QHash<QString, qint64> m_oldestProbedMs;
    QHash<QString, QList<QPair<qint64, qint64>>> m_counts; // shard → (time, record count)
};

} // namespace shardscope
