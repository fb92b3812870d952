#pragma once

#include "shardlineagelayout.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QAbstractItemModel;
class QItemSelectionModel;
class QModelIndex;
class QTimer;

namespace shardscope {

// Every shard a stream has had, on a timeline: one bar per shard from its creation to its close
// (open shards run to now), lines from parents to children, each bar labelled with its id, the
// records and bytes it holds; shards past the retention period are hatched (they hold nothing,
// and Kinesis no longer lists the oldest of them). Without times in the sequence numbers (AWS),
// shards are laid out by generation and the axis says the times are unknown.
//
// Reads a model answering the shard roles (ShardsTableModel) and shares its selection model
// with the map and the table: clicking a bar selects that shard's row; selecting elsewhere
// highlights the bar. A parent that is no longer listed has no row: it can be selected here
// (the table's selection is cleared). Double-clicking a listed shard asks to show its records
// (shardActivated). Ctrl+wheel or +/− zoom the time axis, the wheel scrolls, dragging pans, 0
// resets. Paints only the rows on screen.
//
// Threads: GUI thread.
class ShardLineageWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShardLineageWidget)

public:
    explicit ShardLineageWidget(QWidget *parent = nullptr);
    ~ShardLineageWidget() override;

    // `selection` may belong to a proxy over `model`; rows are mapped through its proxies.
    void setModel(QAbstractItemModel *model, QItemSelectionModel *selection);
    // The stream's creation time and retention (from its summary); empty while unknown.
    void setStreamFacts(std::optional<qint64> createdMs, std::optional<int> retentionHours);
    // Where "now" comes from (the wall clock by default); for tests.
    void setClock(std::function<qint64()> clock);
    // A lineage given directly (the benchmark, tests); replaces the model's.
    void setLineage(LineageGraph lineage);

    const ShardLineageLayout &lineageLayout() const { return m_layout; }
    // The selected shard (a model row's, or a parent no longer listed), or -1.
    int selectedIndex() const;
    QString selectedShardId() const;
    // Selects `shardId` as a click would; false when the lineage has no such shard.
    bool selectShard(const QString &shardId);
    // The centre of a shard's bar on screen, scrolling it into view first (for tests).
    QPoint pointOf(const QString &shardId);

    void zoomIn();
    void zoomOut();
    void resetZoom();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void selectedShardChanged(const QString &shardId);
    // A listed shard was double-clicked (or Return pressed on it): show its records.
    void shardActivated(const QString &shardId);
    // The shards changed (not only now or the counts).
    void lineageChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool event(QEvent *event) override;

private:
    void scheduleRebuild();
    void updateRows(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void rebuild();
    void relayout();
    void select(int index);
    void followSelection();
    int currentSourceRow() const;
    QString toolTipFor(int index) const;
    QString timeText(qint64 ms) const;
    void paintAxis(QPainter &painter);
    void paintLegend(QPainter &painter);

    QPointer<QAbstractItemModel> m_model;
    QPointer<QItemSelectionModel> m_selection;
    ShardLineageLayout m_layout;
    std::optional<qint64> m_createdMs;
    std::optional<int> m_retentionHours;
    std::function<qint64()> m_clock;
    QString m_ghostSelection; // a selected shard without a model row
    bool m_rebuildPending = false;
    bool m_stale = false; // the model changed while hidden
    bool m_direct = false; // setLineage() was used
    QTimer *m_tick;

    bool m_dragging = false;
    bool m_pressed = false;
    QPointF m_pressPos;
    QPointF m_lastPos;
};

} // namespace shardscope
