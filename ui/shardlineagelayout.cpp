#include "shardlineagelayout.h"

#include <algorithm>
#include <cmath>

namespace shardscope {

void ShardLineageLayout::setLineage(LineageGraph lineage)
{
    m_lineage = std::move(lineage);
    const QList<LineageNode> &shards = m_lineage.shards();
    const int count = int(shards.size());

    m_order.resize(count);
    for (int i = 0; i < count; ++i)
        m_order[i] = i;
    std::ranges::sort(m_order, [&shards](int a, int b) {
        const LineageNode &x = shards.at(a);
        const LineageNode &y = shards.at(b);
        if (x.sortKey != y.sortKey)
            return x.sortKey < y.sortKey;
        if (x.generation != y.generation)
            return x.generation < y.generation;
        return x.shardId < y.shardId;
    });
    m_rowOf.resize(count);
    for (int row = 0; row < count; ++row)
        m_rowOf[m_order.at(row)] = row;

    m_edges.clear();
    for (int i = 0; i < count; ++i) {
        for (const QString &child : shards.at(i).children) {
            const int c = m_lineage.indexOf(child);
            if (c >= 0)
                m_edges.append(Edge{i, c});
        }
    }

    // The axis: from the stream's creation (or the oldest shard) to now; by generation without
    // times, one column per generation and one more for the open shards to reach.
    m_start.resize(count);
    m_end.resize(count);
    if (m_lineage.hasTimes()) {
        const qint64 now = m_lineage.stream().nowMs;
        m_axisStart = double(m_lineage.firstMs().value_or(now));
        m_axisEnd = double(now);
        for (int i = 0; i < count; ++i) {
            const LineageNode &s = shards.at(i);
            m_start[i] = s.createdMs ? double(*s.createdMs) : m_axisStart;
            m_end[i] = s.open ? double(now) : double(s.closedMs.value_or(now));
            m_axisStart = std::min(m_axisStart, m_start.at(i));
            m_axisEnd = std::max(m_axisEnd, m_end.at(i));
        }
        if (m_axisEnd <= m_axisStart)
            m_axisEnd = m_axisStart + 1000;
    } else {
        m_axisStart = 0;
        m_axisEnd = m_lineage.maxGeneration() + 1;
        for (int i = 0; i < count; ++i) {
            const LineageNode &s = shards.at(i);
            m_start[i] = s.generation;
            double end = s.open ? m_axisEnd : s.generation + 1;
            for (const QString &child : s.children) {
                const int c = m_lineage.indexOf(child);
                if (c >= 0)
                    end = std::min(end, double(shards.at(c).generation));
            }
            if (!s.open && !s.children.isEmpty())
                end = std::max(end, double(s.generation) + 1);
            m_end[i] = end;
        }
    }
    clampView();
}

void ShardLineageLayout::setNow(qint64 nowMs)
{
    m_lineage.advanceTo(nowMs);
    if (!isTimeAxis())
        return;
    for (int i = 0; i < shardCount(); ++i) {
        if (shard(i).open)
            m_end[i] = double(nowMs);
    }
    m_axisEnd = std::max(m_axisEnd, double(nowMs));
    clampView();
}

bool ShardLineageLayout::startKnown(int index) const
{
    const LineageNode &s = shard(index);
    return s.listed && (!isTimeAxis() || s.createdMs.has_value());
}

void ShardLineageLayout::setArea(const QRectF &area)
{
    m_area = area;
    clampView();
}

void ShardLineageLayout::setView(double zoom, double viewStart)
{
    m_zoom = std::clamp(zoom, 1.0, kMaxZoom);
    m_viewStart = viewStart;
    clampView();
}

void ShardLineageLayout::setScroll(qreal scroll)
{
    m_scroll = scroll;
    clampView();
}

void ShardLineageLayout::clampView()
{
    m_zoom = std::clamp(m_zoom, 1.0, kMaxZoom);
    m_viewStart = std::clamp(m_viewStart, 0.0, 1.0 - 1.0 / m_zoom);
    m_scroll = std::clamp(m_scroll, qreal(0), std::max(qreal(0), contentHeight() - m_area.height()));
}

void ShardLineageLayout::zoomAt(double factor, qreal x)
{
    const double before = (valueAt(x) - m_axisStart) / (m_axisEnd - m_axisStart);
    m_zoom = std::clamp(m_zoom * factor, 1.0, kMaxZoom);
    const double at = m_area.width() > 0 ? (x - m_area.left()) / m_area.width() : 0;
    m_viewStart = before - at / m_zoom;
    clampView();
}

void ShardLineageLayout::panBy(qreal dx, qreal dy)
{
    if (m_area.width() > 0)
        m_viewStart -= dx / m_area.width() / m_zoom;
    m_scroll -= dy;
    clampView();
}

void ShardLineageLayout::resetView()
{
    m_zoom = 1;
    m_viewStart = 0;
    clampView();
}

void ShardLineageLayout::ensureVisible(int index)
{
    if (index < 0 || index >= shardCount())
        return;
    const qreal top = rowOf(index) * kRowHeight;
    if (top < m_scroll)
        m_scroll = top;
    else if (top + kRowHeight > m_scroll + m_area.height())
        m_scroll = top + kRowHeight - m_area.height();
    clampView();
}

qreal ShardLineageLayout::xOf(double value) const
{
    const double fraction = (value - m_axisStart) / (m_axisEnd - m_axisStart);
    return m_area.left() + (fraction - m_viewStart) * m_zoom * m_area.width();
}

double ShardLineageLayout::valueAt(qreal x) const
{
    const double fraction =
        m_area.width() > 0 ? m_viewStart + (x - m_area.left()) / m_area.width() / m_zoom : m_viewStart;
    return m_axisStart + fraction * (m_axisEnd - m_axisStart);
}

QRectF ShardLineageLayout::rectOf(int index) const
{
    qreal left = xOf(m_start.at(index));
    qreal right = xOf(m_end.at(index));
    // A shard that lived a moment still shows.
    if (right - left < kMinBarWidth)
        right = left + kMinBarWidth;
    const qreal top = rowTop(rowOf(index)) + (kRowHeight - kBarHeight) / 2;
    return QRectF(left, top, right - left, kBarHeight);
}

QLineF ShardLineageLayout::edgeLine(const Edge &edge) const
{
    const QRectF parent = rectOf(edge.parent);
    const QRectF child = rectOf(edge.child);
    // From the parent's close to the child's creation: the same moment, so mostly vertical.
    return QLineF(std::max(parent.right() - kMinBarWidth / 2, parent.left()),
                  parent.center().y(), child.left(), child.center().y());
}

std::pair<int, int> ShardLineageLayout::visibleRows() const
{
    if (rowCount() == 0 || m_area.height() <= 0)
        return {0, 0};
    const int first = std::clamp(int(std::floor(m_scroll / kRowHeight)), 0, rowCount());
    const int last = std::clamp(int(std::ceil((m_scroll + m_area.height()) / kRowHeight)), first, rowCount());
    return {first, last};
}

int ShardLineageLayout::hitTest(const QPointF &point) const
{
    if (!m_area.contains(point))
        return -1;
    const int row = int(std::floor((point.y() - m_area.top() + m_scroll) / kRowHeight));
    if (row < 0 || row >= rowCount())
        return -1;
    const int index = indexAtRow(row);
    // The whole bar, with a few pixels of slack at its ends for short-lived shards.
    const QRectF bar = rectOf(index).adjusted(-3, -(kRowHeight - kBarHeight) / 2, 3,
                                              (kRowHeight - kBarHeight) / 2);
    return bar.contains(point) ? index : -1;
}

} // namespace shardscope
