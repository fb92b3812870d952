#pragma once

#include "models/lineagegraph.h"

#include <QList>
#include <QLineF>
#include <QRectF>

#include <utility>

namespace shardscope {

// The geometry of the lineage view, without painting: one row per shard, every shard a bar on
// a horizontal axis from its creation to its close (open shards run to now), parent→child edges,
// the view (zoom and pan along the axis, vertical scrolling through the rows) and hit testing.
//
// Rows follow the key space (range start, then generation): shards alive at the same moment
// never overlap in keys, so a parent's edges to its children only pass rows of shards that did
// not exist at that moment and never cross a bar; a split's children sit right below their
// parent and a merge's child between its two parents.
//
// The axis is time (epoch ms) when the lineage has times, else generations (a shard spans from
// its generation to its first child's). A parent no longer listed has no known start: its bar
// starts at the axis start and startKnown() says so.
//
// Rebuilt when the shards change; the view and the rectangle only move the transform. Value
// type; GUI thread.
class ShardLineageLayout final
{
public:
    static constexpr qreal kRowHeight = 26;
    static constexpr qreal kBarHeight = 16;
    static constexpr qreal kMinBarWidth = 4;
    static constexpr double kMaxZoom = 1e7;

    struct Edge
    {
        int parent = -1; // indices into lineage().shards()
        int child = -1;
    };

    void setLineage(LineageGraph lineage);
    const LineageGraph &lineage() const { return m_lineage; }
    const LineageNode &shard(int index) const { return m_lineage.shards().at(index); }
    int shardCount() const { return int(m_lineage.shards().size()); }
    int rowCount() const { return int(m_order.size()); }
    int rowOf(int index) const { return m_rowOf.at(index); }
    int indexAtRow(int row) const { return m_order.at(row); }
    const QList<Edge> &edges() const { return m_edges; }

    // The axis: epoch ms with times, else generations.
    bool isTimeAxis() const { return m_lineage.hasTimes(); }
    double axisStart() const { return m_axisStart; }
    double axisEnd() const { return m_axisEnd; }
    double startOf(int index) const { return m_start.at(index); }
    double endOf(int index) const { return m_end.at(index); }
    bool startKnown(int index) const;
    // Now moves on: open shards reach it, closed ones may pass the retention period.
    void setNow(qint64 nowMs);
    void setCounts(int index, std::optional<qint64> records, std::optional<qint64> bytes)
    {
        m_lineage.setCounts(index, records, bytes);
    }

    // Where bars are drawn (the axis and legend go elsewhere).
    void setArea(const QRectF &area);
    QRectF area() const { return m_area; }
    qreal contentHeight() const { return rowCount() * kRowHeight; }

    // The view: a zoom >= 1 and the fraction of the axis at the left edge, clamped to the axis;
    // the vertical scroll in pixels, clamped to the rows.
    double zoom() const { return m_zoom; }
    double viewStart() const { return m_viewStart; }
    qreal scroll() const { return m_scroll; }
    void setView(double zoom, double viewStart);
    void setScroll(qreal scroll);
    void zoomAt(double factor, qreal x);
    void panBy(qreal dx, qreal dy);
    void resetView();
    // Scrolls the least needed to show the row of `index`.
    void ensureVisible(int index);

    qreal xOf(double value) const;
    double valueAt(qreal x) const;
    qreal rowTop(int row) const { return m_area.top() + row * kRowHeight - m_scroll; }
    QRectF rectOf(int index) const;
    QLineF edgeLine(const Edge &edge) const;
    // Rows on screen: [first, last).
    std::pair<int, int> visibleRows() const;
    // The shard whose bar (or row label) is under `point`, or -1.
    int hitTest(const QPointF &point) const;

private:
    void clampView();

    LineageGraph m_lineage;
    QList<int> m_order; // row -> shard index
    QList<int> m_rowOf; // shard index -> row
    QList<double> m_start;
    QList<double> m_end;
    QList<Edge> m_edges;
    double m_axisStart = 0;
    double m_axisEnd = 1;
    QRectF m_area;
    double m_zoom = 1;
    double m_viewStart = 0;
    qreal m_scroll = 0;
};

} // namespace shardscope
