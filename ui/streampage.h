#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace shardscope {

class ConsumersPage;
class RecordsPage;
class ShardLineageWidget;
class ShardMapLab;
class ShardsTableModel;
class StreamBackend;
class StreamMetricsView;
class StreamSummaryModel;

// The page of one stream: a header with its name and status, and tabs — Overview (every setting
// and the totals, with the actions that change them), Shards (the hash-key map or the lineage of
// every shard over time, above the shards table, with each shard's use drawn as a bar),
// Records (the live tail and filters, RecordsPage),
// Metrics (the stream's CloudWatch metrics as charts, StreamMetricsView) and Consumers (its
// enhanced fan-out consumers and their live subscriptions, ConsumersPage). The first two read
// the shared models, and poll the shards' use only while the table or the Overview is on screen;
// nothing here calls the backend directly except through the models and the tail.
//
// Threads: GUI thread.
class StreamPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamPage)

public:
    enum Tab { OverviewTab, ShardsTab, RecordsTab, MetricsTab, ConsumersTab };
    // The Shards tab's two pictures above the table.
    enum ShardView { MapView, LineageView };

    // `settingsActions` are shown as buttons on the Overview tab, `shardActions` on the Shards tab.
    StreamPage(const QList<QAction *> &settingsActions, const QList<QAction *> &shardActions,
               QWidget *parent = nullptr);
    ~StreamPage() override;

    void setStream(StreamBackend *backend, const QString &streamName);
    StreamBackend *backend() const;
    QString streamName() const { return m_streamName; }
    void refresh();

    QTabWidget *tabs() const { return m_tabs; }
    StreamSummaryModel *summaryModel() const { return m_summary; }
    ShardsTableModel *shardsModel() const { return m_shards; }
    QTableView *shardsView() const { return m_shardsView; }
    ShardMapLab *shardMapLab() const { return m_lab; }
    ShardLineageWidget *lineageView() const { return m_lineage; }
    QTabWidget *shardViews() const { return m_shardViews; }
    void showShardView(ShardView view);
    // The Records tab, reading `shardId` from its trim horizon (and on into its children).
    void showShardRecords(const QString &shardId);
    RecordsPage *recordsPage() const { return m_records; }
    StreamMetricsView *metricsView() const { return m_metrics; }
    ConsumersPage *consumersPage() const { return m_consumers; }
    // The shard selected in the Shards tab, or empty.
    QString selectedShardId() const;

signals:
    void selectedShardChanged(const QString &shardId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildOverview(const QList<QAction *> &actions);
    QWidget *buildShards(const QList<QAction *> &actions);
    void updateHeader();

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    StreamSummaryModel *m_summary;
    ShardsTableModel *m_shards;
    QSortFilterProxyModel *m_shardsProxy;
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_error;
    QTabWidget *m_tabs;
    QTreeView *m_summaryView = nullptr;
    QTableView *m_shardsView = nullptr;
    ShardMapLab *m_lab = nullptr;
    QTabWidget *m_shardViews = nullptr;
    ShardLineageWidget *m_lineage = nullptr;
    QLabel *m_shardsError = nullptr;
    RecordsPage *m_records = nullptr;
    StreamMetricsView *m_metrics = nullptr;
    ConsumersPage *m_consumers = nullptr;
};

} // namespace shardscope
