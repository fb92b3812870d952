#pragma once

#include "kinesis/hashkey.h"

#include <QList>
#include <QRectF>
#include <QString>

#include <optional>
#include <utility>

namespace shardscope {

// One shard as the band draws it: its range as fractions of the key space, its generation
// (0 for a shard without parents, else one more than its youngest parent) and its lane.
struct BandShard
{
    int row = -1; // in the model it came from
    QString shardId;
    QString shortId; // "#12": computed once per data change, not per paint
    QString parentId;
    QString adjacentParentId;
    HashKeyRange range;
    bool open = true;
    std::optional<double> use; // fraction of the tightest write limit; empty while unknown
    bool throttled = false;    // writes were refused in the use's window
    std::optional<qint64> records;
    double start = 0; // fraction of the key space
    double end = 0;
    int generation = 0;
    int lane = 0; // 0 is the band of open shards; 1.. the closed lanes above it, youngest first
};

// The geometry of the shard band, without painting: where each shard sits for a given widget
// rectangle and view (zoom and pan), which shards a repaint must draw (culling by binary
// search), and which shard is under a point. Rebuilt only when the shards change; the view and
// the rectangle only move the transform. Value type; GUI thread.
class ShardBandLayout final
{
public:
    static constexpr double kMaxZoom = 1e12;

    // Computes generations and lanes; keeps each lane sorted by range start.
    void setShards(QList<BandShard> shards);
    const QList<BandShard> &shards() const { return m_shards; }
    int closedLaneCount() const { return int(m_lanes.size()) - 1; }
    // Indices into shards() of one lane, sorted by start.
    const QList<int> &lane(int lane) const { return m_lanes.at(lane); }
    int indexOf(const QString &shardId) const;
    // The live figures change every second; the geometry does not.
    void setLiveFigures(int index, std::optional<double> use, bool throttled, std::optional<qint64> records);
    // The open shard holding `key`, or -1 (a gap mid-reshard).
    int openShardFor(HashKey key) const;

    // The whole drawing area: closed lanes on top, the band, the axis below.
    void setArea(const QRectF &area, qreal axisHeight);
    QRectF area() const { return m_area; }
    QRectF bandRect() const;
    QRectF laneRect(int lane) const;

    // The view: a zoom >= 1 and the fraction of the key space at the left edge, clamped so the
    // view never leaves the key space.
    double zoom() const { return m_zoom; }
    double viewStart() const { return m_viewStart; }
    double viewEnd() const { return m_viewStart + 1.0 / m_zoom; }
    void setView(double zoom, double viewStart);
    // Zooms by `factor` keeping the key under `x` where it is.
    void zoomAt(double factor, qreal x);
    // Moves the view by `dx` pixels (content follows the mouse).
    void panBy(qreal dx);
    void resetView() { setView(1, 0); }

    qreal xOf(double fraction) const;
    double fractionAt(qreal x) const;
    QRectF rectOf(int index) const;
    // Indices into lane(lane) of the shards that overlap the visible key range: [first, last).
    std::pair<int, int> visibleSpan(int lane) const;
    // The shard under `point` (index into shards()), or -1.
    int hitTest(const QPointF &point) const;

    static double fractionOf(HashKey key);

private:
    QList<BandShard> m_shards;
    QList<QList<int>> m_lanes{QList<int>{}};
    QRectF m_area;
    qreal m_axisHeight = 0;
    double m_zoom = 1;
    double m_viewStart = 0;
};

} // namespace shardscope
