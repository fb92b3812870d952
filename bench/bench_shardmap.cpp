// The Shards tab's band at scale: 1,000 open shards and 5,250 closed ones over seven
// generations (three rounds of merging neighbours and splitting the results, then a fourth on a
// quarter of the key space), as a much-resharded stream would have. The widget is rendered
// offscreen into a 1400×500 image, whole and zoomed ×50 into the middle, and each full repaint
// is timed; then the hover hit test at 100,000 random points.
// Runs on the platform QT_QPA_PLATFORM says (offscreen by default).
//
// Prints shardmap_paint_p50, shardmap_paint_p99 (whole band), shardmap_zoomed_paint_p50 and
// _p99 (×50), shardmap_layout (rebuilding the layout from the shard list) and
// shardmap_hit_test (per hover).
//
// The same history in the lineage view (a round an hour, a day of retention, the first round's
// parents expired), rendered into 1400×800: lineage_paint_p50 and _p99 (a full repaint, the
// rows in the middle of the list on screen), lineage_layout (the lineage and its rows built
// from the shard list) and lineage_hit_test.

#include "kinesis/sequencenumber.h"
#include "shardlineagewidget.h"
#include "shardmapwidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

constexpr int kOpen = 1000;
constexpr int kFrames = 300;

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size())))];
}

class StreamHistory
{
public:
    QList<BandShard> shards;
    QList<int> open; // indices, by range start
    // When each shard was created and closed (0 while open); `now` moves an hour per round.
    QList<qint64> createdMs;
    QList<qint64> closedMs;
    qint64 now = 1'767'225'600'000;

    StreamHistory()
    {
        for (const HashKeyRange &range : HashKeyRange::evenSplit(kOpen))
            open.append(add(range, {}, {}));
    }

    // Merges neighbours pairwise in [from, to) of the open list, then splits each result.
    void round(int from, int to)
    {
        now += 3'600'000;
        QList<int> next(open.begin(), open.begin() + from);
        for (int k = from; k + 1 < to; k += 2) {
            const int a = open[k];
            const int b = open[k + 1];
            close(a);
            close(b);
            const int merged = add({shards[a].range.start, shards[b].range.end}, shards[a].shardId, shards[b].shardId);
            close(merged);
            const HashKey mid = shards[merged].range.midpoint();
            next.append(add({shards[merged].range.start, HashKey{mid.value - 1}}, shards[merged].shardId, {}));
            next.append(add({mid, shards[merged].range.end}, shards[merged].shardId, {}));
        }
        next.append(QList<int>(open.begin() + to, open.end()));
        open = next;
    }

private:
    int add(HashKeyRange range, const QString &parent, const QString &adjacent)
    {
        BandShard shard;
        shard.row = int(shards.size());
        shard.shardId = u"shardId-%1"_s.arg(qlonglong(shards.size()), 12, 10, QChar(u'0'));
        shard.range = range;
        shard.parentId = parent;
        shard.adjacentParentId = adjacent;
        // A skewed load: most shards quiet, a few busy, one over its limit.
        const quint32 r = QRandomGenerator::global()->bounded(1000u);
        shard.use = r == 0 ? 1.3 : r < 50 ? 0.5 + r / 100.0 : r / 4000.0;
        shard.records = qint64(r) * 1000;
        shards.append(shard);
        createdMs.append(now);
        closedMs.append(0);
        return int(shards.size() - 1);
    }
    void close(int index)
    {
        shards[index].open = false;
        shards[index].use.reset();
        closedMs[index] = now;
    }
};

QList<double> timePaints(ShardMapWidget &widget, QImage &image)
{
    QList<double> ms;
    QElapsedTimer timer;
    for (int frame = 0; frame < kFrames; ++frame) {
        timer.start();
        widget.render(&image);
        ms.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return ms;
}

// The history as a listing would return it, with our sequence numbers (so times); every shard
// is listed, those closed in the first round past retention by now (a listing not yet updated).
QList<LineageNode> lineageShards(const StreamHistory &history)
{
    QList<LineageNode> shards;
    for (qsizetype i = 0; i < history.shards.size(); ++i) {
        const BandShard &band = history.shards.at(i);
        LineageNode shard;
        shard.row = int(shards.size());
        shard.shardId = band.shardId;
        for (const QString &parent : {band.parentId, band.adjacentParentId}) {
            if (!parent.isEmpty())
                shard.parents.append(parent);
        }
        shard.range = band.range;
        shard.open = band.open;
        shard.startingSequenceNumber =
            SequenceNumber(SequenceNumber::counterAt(history.createdMs.at(i)) + 1, quint32(i)).toString();
        if (!band.open)
            shard.endingSequenceNumber =
                SequenceNumber(SequenceNumber::counterAt(history.closedMs.at(i)), quint32(i)).toString();
        shard.records = band.records;
        shard.bytes = band.records.value_or(0) * 180;
        shards.append(shard);
    }
    return shards;
}

QList<double> timePaints(ShardLineageWidget &widget, QImage &image)
{
    QList<double> ms;
    QElapsedTimer timer;
    for (int frame = 0; frame < kFrames; ++frame) {
        timer.start();
        widget.render(&image);
        ms.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    StreamHistory history;
    for (int r = 0; r < 3; ++r)
        history.round(0, kOpen);
    history.round(0, kOpen / 2);
    qsizetype closed = 0;
    for (const BandShard &shard : std::as_const(history.shards))
        closed += shard.open ? 0 : 1;

    ShardMapWidget widget;
    widget.resize(1400, 500);
    QElapsedTimer layoutTimer;
    layoutTimer.start();
    widget.setShards(history.shards);
    const double layoutMs = double(layoutTimer.nsecsElapsed()) / 1e6;
    QImage image(widget.size(), QImage::Format_ARGB32_Premultiplied);
    widget.render(&image); // the first paint sends the pending resize: lay out once
    const QList<double> whole = timePaints(widget, image);

    // Zoomed ×50 around the middle of the key space (about 20 open shards, labelled).
    for (int step = 0; step < 10; ++step)
        widget.zoomIn(); // 1.5^10 ≈ 58
    const QList<double> zoomed = timePaints(widget, image);

    widget.resetZoom();
    const ShardBandLayout &layout = widget.bandLayout();
    const QRectF area = layout.area();
    constexpr int kHits = 100000;
    QList<QPointF> points;
    points.reserve(kHits);
    for (int i = 0; i < kHits; ++i)
        points.append({area.left() + QRandomGenerator::global()->generateDouble() * area.width(),
                       area.top() + QRandomGenerator::global()->generateDouble() * area.height()});
    QElapsedTimer hitTimer;
    hitTimer.start();
    qint64 found = 0;
    for (const QPointF &point : std::as_const(points))
        found += layout.hitTest(point) >= 0 ? 1 : 0;
    const double hitUs = double(hitTimer.nsecsElapsed()) / 1e3 / kHits;

    std::printf("shardmap_open_shards: %lld\n", static_cast<long long>(layout.lane(0).size()));
    std::printf("shardmap_closed_shards: %lld (%d lanes)\n", static_cast<long long>(closed), layout.closedLaneCount());
    std::printf("shardmap_layout: %.2f ms\n", layoutMs);
    std::printf("shardmap_paint_p50: %.2f ms\n", percentile(whole, 0.5));
    std::printf("shardmap_paint_p99: %.2f ms\n", percentile(whole, 0.99));
    std::printf("shardmap_zoomed_paint_p50: %.2f ms\n", percentile(zoomed, 0.5));
    std::printf("shardmap_zoomed_paint_p99: %.2f ms\n", percentile(zoomed, 0.99));
    std::printf("shardmap_hit_test: %.3f us (%lld of %d points on a shard)\n", hitUs, static_cast<long long>(found), kHits);

    // The lineage of the same history, 25 hours after the stream was created.
    ShardLineageWidget lineage;
    lineage.resize(1400, 800);
    const QList<LineageNode> listed = lineageShards(history);
    const LineageGraph::Stream stream{history.createdMs.first(), 24, history.now + 21 * 3'600'000 + 1'800'000};
    QElapsedTimer lineageTimer;
    lineageTimer.start();
    lineage.setLineage(LineageGraph::build(listed, stream));
    const double lineageLayoutMs = double(lineageTimer.nsecsElapsed()) / 1e6;
    QImage lineageImage(lineage.size(), QImage::Format_ARGB32_Premultiplied);
    lineage.render(&lineageImage);
    // Rows in the middle of the list: where edges from far rows pass.
    lineage.pointOf(history.shards.at(history.shards.size() / 2).shardId);
    const QList<double> lineagePaints = timePaints(lineage, lineageImage);
    const ShardLineageLayout &rows = lineage.lineageLayout();
    qint64 lineageFound = 0;
    QElapsedTimer lineageHitTimer;
    lineageHitTimer.start();
    for (const QPointF &point : std::as_const(points))
        lineageFound += rows.hitTest(point) >= 0 ? 1 : 0;
    const double lineageHitUs = double(lineageHitTimer.nsecsElapsed()) / 1e3 / kHits;
    qsizetype expired = 0;
    for (const LineageNode &shard : rows.lineage().shards())
        expired += shard.pastRetention ? 1 : 0;
    std::printf("lineage_shards: %d (%lld past retention, %lld edges)\n", rows.shardCount(),
                static_cast<long long>(expired), static_cast<long long>(rows.edges().size()));
    std::printf("lineage_layout: %.2f ms\n", lineageLayoutMs);
    std::printf("lineage_paint_p50: %.2f ms\n", percentile(lineagePaints, 0.5));
    std::printf("lineage_paint_p99: %.2f ms\n", percentile(lineagePaints, 0.99));
    std::printf("lineage_hit_test: %.3f us (%lld of %d points on a shard)\n", lineageHitUs,
                static_cast<long long>(lineageFound), kHits);
    return 0;
}
