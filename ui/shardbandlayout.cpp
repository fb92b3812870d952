#include "shardbandlayout.h"

#include <QHash>

#include <algorithm>
#include <functional>
#include <map>

namespace shardscope {

namespace {

constexpr qreal kLaneGap = 4;
constexpr qreal kMaxLaneHeight = 20; // room for a closed shard's number
// Closed lanes take at most this share of the height; the open band is what matters.
constexpr qreal kMaxClosedShare = 0.4;

} // namespace

double ShardBandLayout::fractionOf(HashKey key)
{
    return double(key.value) / 0x1p128;
}

void ShardBandLayout::setShards(QList<BandShard> shards)
{
    m_shards = std::move(shards);
    QHash<QString, int> byId;
    byId.reserve(m_shards.size());
    for (int i = 0; i < m_shards.size(); ++i) {
        BandShard &shard = m_shards[i];
        byId.insert(shard.shardId, i);
        shard.start = fractionOf(shard.range.start);
        // The end key is inclusive: the segment reaches the start of the next key.
        shard.end = shard.range.end.value == HashKey::kMaxValue ? 1.0 : fractionOf(HashKey{shard.range.end.value + 1});
        shard.generation = -1;
    }
    // Generation: one more than the youngest parent; parents outside the list (trimmed) count
    // as generation 0. Iterative, so a long lineage cannot overflow the stack.
    for (int i = 0; i < m_shards.size(); ++i) {
        QList<int> stack{i};
        while (!stack.isEmpty()) {
            BandShard &shard = m_shards[stack.last()];
            if (shard.generation >= 0) {
                stack.removeLast();
                continue;
            }
            int generation = 0;
            bool pending = false;
            for (const QString *parent : {&shard.parentId, &shard.adjacentParentId}) {
                const int p = parent->isEmpty() ? -1 : byId.value(*parent, -1);
                if (p < 0 || p == stack.last())
                    continue;
                if (m_shards[p].generation < 0) {
                    if (stack.contains(p)) // a cycle in bad data: treat it as a root
                        continue;
                    stack.append(p);
                    pending = true;
                } else {
                    generation = std::max(generation, m_shards[p].generation + 1);
                }
            }
            if (!pending) {
                shard.generation = generation;
                stack.removeLast();
            }
        }
    }
    // Lanes: the open band, then one lane per generation of closed shards, youngest nearest the
    // band.
    std::map<int, int, std::greater<>> laneOfGeneration;
    for (const BandShard &shard : std::as_const(m_shards)) {
        if (!shard.open)
            laneOfGeneration.emplace(shard.generation, 0);
    }
    int next = 1;
    for (auto &[generation, lane] : laneOfGeneration)
        lane = next++;
    m_lanes = QList<QList<int>>(next);
    for (int i = 0; i < m_shards.size(); ++i) {
        BandShard &shard = m_shards[i];
        shard.lane = shard.open ? 0 : laneOfGeneration.at(shard.generation);
        m_lanes[shard.lane].append(i);
    }
    for (QList<int> &lane : m_lanes) {
        std::sort(lane.begin(), lane.end(), [this](int a, int b) {
            return m_shards[a].range.start < m_shards[b].range.start;
        });
    }
}

int ShardBandLayout::indexOf(const QString &shardId) const
{
    for (int i = 0; i < m_shards.size(); ++i) {
        if (m_shards[i].shardId == shardId)
            return i;
    }
    return -1;
}

void ShardBandLayout::setLiveFigures(int index, std::optional<double> use, bool throttled, std::optional<qint64> records)
{
    m_shards[index].use = use;
    m_shards[index].throttled = throttled;
    m_shards[index].records = records;
}

int ShardBandLayout::openShardFor(HashKey key) const
{
    const QList<int> &open = m_lanes.at(0);
    const auto it = std::partition_point(open.begin(), open.end(), [&](int i) { return m_shards[i].range.end < key; });
    return it != open.end() && m_shards[*it].range.contains(key) ? *it : -1;
}

void ShardBandLayout::setArea(const QRectF &area, qreal axisHeight)
{
    m_area = area;
    m_axisHeight = axisHeight;
}

QRectF ShardBandLayout::laneRect(int lane) const
{
    const int closed = closedLaneCount();
    const qreal available = std::max<qreal>(0, m_area.height() - m_axisHeight);
    const qreal closedHeight =
        closed == 0 ? 0 : std::min(available * kMaxClosedShare, closed * kMaxLaneHeight + kLaneGap);
    if (lane == 0)
        return QRectF(m_area.left(), m_area.top() + closedHeight, m_area.width(), available - closedHeight);
    const qreal laneHeight = (closedHeight - kLaneGap) / closed;
    // Lane 1 sits right above the band; older generations further up.
    const qreal bottom = m_area.top() + closedHeight - kLaneGap - (lane - 1) * laneHeight;
    return QRectF(m_area.left(), bottom - laneHeight, m_area.width(), std::max<qreal>(1, laneHeight - (laneHeight >= 4 ? 1 : 0)));
}

QRectF ShardBandLayout::bandRect() const
{
    return laneRect(0);
}

void ShardBandLayout::setView(double zoom, double viewStart)
{
    m_zoom = std::clamp(zoom, 1.0, kMaxZoom);
    m_viewStart = std::clamp(viewStart, 0.0, 1.0 - 1.0 / m_zoom);
}

void ShardBandLayout::zoomAt(double factor, qreal x)
{
    const double anchor = fractionAt(x);
    const double zoom = std::clamp(m_zoom * factor, 1.0, kMaxZoom);
    const double share = m_area.width() > 0 ? (x - m_area.left()) / m_area.width() : 0;
    setView(zoom, anchor - share / zoom);
}

void ShardBandLayout::panBy(qreal dx)
{
    if (m_area.width() <= 0)
        return;
    setView(m_zoom, m_viewStart - dx / (m_area.width() * m_zoom));
}

qreal ShardBandLayout::xOf(double fraction) const
{
    return m_area.left() + (fraction - m_viewStart) * m_zoom * m_area.width();
}

double ShardBandLayout::fractionAt(qreal x) const
{
    if (m_area.width() <= 0)
        return m_viewStart;
    return m_viewStart + (x - m_area.left()) / (m_area.width() * m_zoom);
}

QRectF ShardBandLayout::rectOf(int index) const
{
    const BandShard &shard = m_shards.at(index);
    const QRectF lane = laneRect(shard.lane);
    const qreal left = xOf(shard.start);
    const qreal right = xOf(shard.end);
    return QRectF(left, lane.top(), std::max<qreal>(1.0, right - left), lane.height());
}

std::pair<int, int> ShardBandLayout::visibleSpan(int laneIndex) const
{
    const QList<int> &indices = m_lanes.at(laneIndex);
    const double from = m_viewStart;
    const double to = viewEnd();
    // The first shard ending after the view starts, the first starting after it ends.
    const auto first = std::partition_point(indices.begin(), indices.end(),
                                            [&](int i) { return m_shards[i].end <= from; });
    const auto last = std::partition_point(first, indices.end(), [&](int i) { return m_shards[i].start < to; });
    return {int(first - indices.begin()), int(last - indices.begin())};
}

int ShardBandLayout::hitTest(const QPointF &point) const
{
    for (int laneIndex = 0; laneIndex < m_lanes.size(); ++laneIndex) {
        const QRectF lane = laneRect(laneIndex);
        if (point.y() < lane.top() || point.y() >= lane.bottom() + (laneIndex == 0 ? 0 : 1))
            continue;
        if (point.x() < m_area.left() || point.x() > m_area.right())
            return -1;
        const double fraction = fractionAt(point.x());
        const QList<int> &indices = m_lanes.at(laneIndex);
        // Closed lanes may leave gaps; a shard narrower than a pixel still answers at its pixel.
        const auto it = std::partition_point(indices.begin(), indices.end(),
                                             [&](int i) { return m_shards[i].end <= fraction; });
        if (it != indices.end() && m_shards[*it].start <= fraction)
            return *it;
        if (it != indices.begin() && xOf(m_shards[*(it - 1)].start) + 1 > point.x())
            return *(it - 1);
        return -1;
    }
    return -1;
}

} // namespace shardscope
