#pragma once

#include "consumer/leasediagnoser.h"
#include "consumer/leasesnapshot.h"
#include "consumer/workerstatus.h"
#include "consumerdebugrequests.h"
#include "kinesis/api.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QSortFilterProxyModel;
class QTableView;

namespace shardscope {

class LeaseWorkersModel;
class LeasesModel;
class SwimLaneChart;
class TimeSeriesChart;

// The consumer dashboard on the Consumers tab: what a KCL consumer group does on this stream,
// whether it is the app's own group or a real application's lease table watched read-only.
//
// From top to bottom: the source (what is watched) with Run a Consumer Group…, Open a Lease
// Table…, Add Worker and Stop Group; the diagnoses in plain words, most severe first (clicking
// one selects its shard and worker below); the leases per shard (LeasesModel) beside the
// workers (LeaseWorkersModel) with the fault commands for the app's own workers (Kill,
// Pause/Resume, Slow Processing…, Poison Record…); and over the last 15 minutes, lease ownership
// as swim lanes (one lane per shard, a colour per worker, hatched once expired), the time each
// shard is behind, checkpoints per second and throttles per second.
//
// It is fed through setters (setSnapshot, setShards, setTips, setWorkers) and computes the
// diagnoses itself with LeaseDiagnoser over the history it keeps; its commands only emit
// signals, for a controller to carry out. setSource() says what is shown and decides which
// commands are possible; a disabled command says why in its tooltip.
//
// Its commands (commandActions()) are bound to the widget; a window may bind them window-wide.
// Threads: GUI thread.
class ConsumerDashboard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsumerDashboard)

public:
    enum class Source { None, Group, Inspector };

    explicit ConsumerDashboard(QWidget *parent = nullptr);
    ~ConsumerDashboard() override;

    // The stream the page shows (empty: none); its connection's read-only state and, when it is
    // an AWS connection, its name (for the inspector's "use the connection's credentials").
    void setStream(const QString &streamName, bool readOnly, const QString &awsConnectionName);
    // The stream's consumers, for reading through enhanced fan-out.
    void setConsumers(const QList<Consumer> &consumers);
    // What is shown: nothing, the app's own group or a watched table; `description` says which
    // in a line ("orders-app: 2 workers, lease table in SQLite, …"). Changing the source clears
    // the history.
    void setSource(Source source, const QString &description);
    Source source() const { return m_source; }
    // A failure of the source (a lease table that cannot be read, a group that failed to
    // start), shown under the source line; empty clears it.
    void setSourceError(const QString &message);

    void setSnapshot(const LeaseTableSnapshot &snapshot);
    void setShards(const QList<Shard> &shards);
    // New tip measurements (appended to the history the lag chart and diagnoses use).
    void setTips(const QList<ShardTip> &tips);
    // The app's own workers (nullopt for a watched table).
    void setWorkers(const std::optional<QList<WorkerStatus>> &workers);
    void clear();

    QList<Diagnosis> diagnoses() const { return m_diagnoses; }
    QList<LeaseTableSnapshot> history() const { return m_history; }

    QList<QAction *> commandActions() const;
    QAction *runGroupAction() const { return m_runGroup; }
    QAction *openTableAction() const { return m_openTable; }
    QAction *stopAction() const { return m_stop; }
    QAction *addWorkerAction() const { return m_addWorker; }
    QAction *killAction() const { return m_kill; }
    QAction *pauseAction() const { return m_pause; }
    QAction *slowAction() const { return m_slow; }
    QAction *poisonAction() const { return m_poison; }

    LeasesModel *leasesModel() const { return m_leases; }
    LeaseWorkersModel *workersModel() const { return m_workers; }
    QTableView *leasesView() const { return m_leasesView; }
    QTableView *workersView() const { return m_workersView; }
    QListWidget *diagnosesList() const { return m_diagnosesList; }
    SwimLaneChart *ownershipChart() const { return m_ownership; }
    TimeSeriesChart *lagChart() const { return m_lag; }
    TimeSeriesChart *checkpointChart() const { return m_checkpoints; }
    TimeSeriesChart *throttleChart() const { return m_throttles; }

    // The shard and worker selected in the tables (empty when none).
    QString selectedShard() const;
    QString selectedWorker() const;
    bool selectShard(const QString &shardId);
    bool selectWorker(const QString &workerId);

    // The dialogs, opened by the commands (open(); the dashboard emits on accept).
    void runGroup();
    void openTable();
    void slowSelectedWorker();
    void poisonSelectedWorker();

signals:
    void runGroupRequested(const shardscope::ConsumerGroupRequest &request);
    void openTableRequested(const shardscope::LeaseTableRequest &request);
    void stopRequested();
    void addWorkerRequested();
    void killWorkerRequested(const QString &workerId);
    void pauseWorkerRequested(const QString &workerId, bool paused);
    void processingDelayRequested(const QString &workerId, int ms);
    void poisonFilterRequested(const QString &workerId, const QString &filter);

private:
    QWidget *buildSourceBar();
    QWidget *buildTables();
    QWidget *buildCharts();
    void rediagnose();
    void updateDiagnosesList();
    void updateOwnership();
    void updateActions();
    void activateDiagnosis(QListWidgetItem *item);
    std::optional<WorkerStatus> selectedStatus() const;

    QString m_streamName;
    bool m_readOnly = false;
    QString m_awsConnection;
    QList<Consumer> m_consumers;
    Source m_source = Source::None;

    QList<LeaseTableSnapshot> m_history;
    std::optional<QList<Shard>> m_shards;
    QList<ShardTip> m_tips;
    std::optional<QList<WorkerStatus>> m_workerStatus;
    QHash<QString, qint64> m_throttleCounts; // per worker, the last count seen
    QList<Diagnosis> m_diagnoses;
    QHash<QString, int> m_lagSeries;

    LeasesModel *m_leases;
    LeaseWorkersModel *m_workers;
    QSortFilterProxyModel *m_leasesProxy;
    QSortFilterProxyModel *m_workersProxy;

    QAction *m_runGroup;
    QAction *m_openTable;
    QAction *m_stop;
    QAction *m_addWorker;
    QAction *m_kill;
    QAction *m_pause;
    QAction *m_slow;
    QAction *m_poison;

    QLabel *m_sourceLabel = nullptr;
    QLabel *m_sourceError = nullptr;
    QLabel *m_calm = nullptr;
    QListWidget *m_diagnosesList = nullptr;
    QTableView *m_leasesView = nullptr;
    QTableView *m_workersView = nullptr;
    QLabel *m_faultsNote = nullptr;
    SwimLaneChart *m_ownership = nullptr;
    TimeSeriesChart *m_lag = nullptr;
    TimeSeriesChart *m_checkpoints = nullptr;
    TimeSeriesChart *m_throttles = nullptr;
    int m_checkpointSeries = -1;
    int m_throttleSeries = -1;
};

} // namespace shardscope
