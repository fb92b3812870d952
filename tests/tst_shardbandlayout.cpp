// The shard band's geometry without a widget: segments in proportion to their ranges, closed
// shards in lanes by generation (youngest nearest the band), zoom and pan clamped to the key
// space, culling of what is off screen, hit tests; and ReshardPlan's reasons for refusing a
// split, a merge or a shard count.

#include "reshardplan.h"
#include "shardbandlayout.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

BandShard shard(const QString &id, HashKeyRange range, bool open, const QString &parent = {}, const QString &adjacent = {})
{
    BandShard s;
    s.shardId = id;
    s.range = range;
    s.open = open;
    s.parentId = parent;
    s.adjacentParentId = adjacent;
    return s;
}

// A stream of two shards whose first was split, then whose upper child merged with shard 1:
// 0 -> (2, 3); 3 + 1 -> 4. Open: 2 and 4.
QList<BandShard> lineage()
{
    const QList<HashKeyRange> halves = HashKeyRange::evenSplit(2);
    const HashKey quarter = halves[0].midpoint();
    return {shard(u"s0"_s, halves[0], false),
            shard(u"s1"_s, halves[1], false),
            shard(u"s2"_s, {halves[0].start, HashKey{quarter.value - 1}}, true, u"s0"_s),
            shard(u"s3"_s, {quarter, halves[0].end}, false, u"s0"_s),
            shard(u"s4"_s, {quarter, halves[1].end}, true, u"s3"_s, u"s1"_s)};
}

} // namespace

class TestShardBandLayout final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void proportions()
    {
        ShardBandLayout layout;
        QList<BandShard> shards;
        const QList<HashKeyRange> ranges = HashKeyRange::evenSplit(4);
        for (int i = 0; i < 4; ++i)
            shards << shard(u"s%1"_s.arg(i), ranges[i], true);
        layout.setShards(shards);
        layout.setArea(QRectF(0, 0, 400, 100), 20);
        QCOMPARE(layout.closedLaneCount(), 0);
        QCOMPARE(layout.bandRect(), QRectF(0, 0, 400, 80));
        for (int i = 0; i < 4; ++i) {
            const QRectF r = layout.rectOf(i);
            QVERIFY2(qAbs(r.left() - 100 * i) < 1e-6, qPrintable(QString::number(r.left())));
            QVERIFY(qAbs(r.width() - 100) < 1e-6);
        }
        QCOMPARE(layout.shards().last().end, 1.0);
    }

    void lanesByGeneration()
    {
        ShardBandLayout layout;
        layout.setShards(lineage());
        layout.setArea(QRectF(0, 0, 400, 200), 20);
        const auto generation = [&](const QString &id) { return layout.shards().at(layout.indexOf(id)).generation; };
        QCOMPARE(generation(u"s0"_s), 0);
        QCOMPARE(generation(u"s1"_s), 0);
        QCOMPARE(generation(u"s2"_s), 1);
        QCOMPARE(generation(u"s3"_s), 1);
        QCOMPARE(generation(u"s4"_s), 2);
        // Closed generations 1 (s3) and 0 (s0, s1): two lanes, the younger nearer the band.
        QCOMPARE(layout.closedLaneCount(), 2);
        const auto lane = [&](const QString &id) { return layout.shards().at(layout.indexOf(id)).lane; };
        QCOMPARE(lane(u"s2"_s), 0);
        QCOMPARE(lane(u"s4"_s), 0);
        QCOMPARE(lane(u"s3"_s), 1);
        QCOMPARE(lane(u"s0"_s), 2);
        QVERIFY(layout.laneRect(2).bottom() <= layout.laneRect(1).top());
        QVERIFY(layout.laneRect(1).bottom() < layout.bandRect().top());
        // Lanes are sorted by range start.
        QCOMPARE(layout.lane(2).size(), 2);
        QCOMPARE(layout.shards().at(layout.lane(2)[0]).shardId, u"s0"_s);
        QCOMPARE(layout.shards().at(layout.lane(0)[1]).shardId, u"s4"_s);
    }

    void zoomAndPanClamp()
    {
        ShardBandLayout layout;
        layout.setShards(lineage());
        layout.setArea(QRectF(10, 0, 1000, 100), 0);
        layout.zoomAt(4, 10 + 500); // zoom on the middle
        QCOMPARE(layout.zoom(), 4.0);
        QVERIFY(qAbs(layout.fractionAt(510) - 0.5) < 1e-12);
        QVERIFY(qAbs(layout.viewStart() - 0.375) < 1e-12);
        layout.panBy(100000); // far right drag: clamps at the start of the key space
        QCOMPARE(layout.viewStart(), 0.0);
        layout.panBy(-100000);
        QCOMPARE(layout.viewEnd(), 1.0);
        layout.zoomAt(0.001, 300); // never below 1
        QCOMPARE(layout.zoom(), 1.0);
        QCOMPARE(layout.viewStart(), 0.0);
        layout.setView(1e30, 0.5);
        QCOMPARE(layout.zoom(), ShardBandLayout::kMaxZoom);
        // At the deepest zoom a single hash key range of 2^88 keys still spans pixels.
        QVERIFY(layout.xOf(0.5 + 0x1p88 / 0x1p128) - layout.xOf(0.5) > 1);
    }

    void cullingAndHitTest()
    {
        ShardBandLayout layout;
        QList<BandShard> shards;
        const QList<HashKeyRange> ranges = HashKeyRange::evenSplit(1000);
        for (int i = 0; i < 1000; ++i)
            shards << shard(u"s%1"_s.arg(i), ranges[i], true);
        layout.setShards(shards);
        layout.setArea(QRectF(0, 0, 1000, 100), 0);
        QCOMPARE(layout.visibleSpan(0), std::make_pair(0, 1000));
        layout.setView(10, 0.5); // 10 % of the key space: 100 shards
        const auto [first, last] = layout.visibleSpan(0);
        QCOMPARE(first, 500);
        QVERIFY2(last - first <= 101 && last - first >= 100, qPrintable(QString::number(last - first)));
        // Each shard is 10 px wide now: the point at x = 25 is in the third visible shard.
        QCOMPARE(layout.shards().at(layout.hitTest(QPointF(25, 50))).shardId, u"s502"_s);
        QCOMPARE(layout.hitTest(QPointF(25, 150)), -1); // below the band
        QCOMPARE(layout.openShardFor(ranges[777].start), 777);
        QCOMPARE(layout.openShardFor(ranges[777].end), 777);
    }

    void hitTestClosedLanes()
    {
        ShardBandLayout layout;
        layout.setShards(lineage());
        layout.setArea(QRectF(0, 0, 400, 200), 20);
        const QRectF lane1 = layout.laneRect(1);
        const int hit = layout.hitTest(QPointF(150, lane1.center().y()));
        QVERIFY(hit >= 0);
        QCOMPARE(layout.shards().at(hit).shardId, u"s3"_s); // 25 % .. 50 %
        QCOMPARE(layout.hitTest(QPointF(300, lane1.center().y())), -1); // a gap in that lane
    }

    void reshardPlan()
    {
        ShardBandLayout layout;
        layout.setShards(lineage());
        const auto at = [&](const QString &id) { return layout.shards().at(layout.indexOf(id)); };
        const BandShard s2 = at(u"s2"_s);
        QVERIFY(ReshardPlan::splitRefusal(s2, s2.range.midpoint()).isEmpty());
        QVERIFY(!ReshardPlan::splitRefusal(s2, s2.range.start).isEmpty());
        QVERIFY(!ReshardPlan::splitRefusal(s2, HashKey{s2.range.start.value + 1}).isEmpty());
        QVERIFY(!ReshardPlan::splitRefusal(s2, s2.range.end).isEmpty());
        QVERIFY(!ReshardPlan::splitRefusal(at(u"s0"_s), at(u"s0"_s).range.midpoint()).isEmpty());
        QVERIFY(ReshardPlan::mergeRefusal(s2, at(u"s4"_s)).isEmpty());
        QVERIFY(ReshardPlan::mergeRefusal(at(u"s4"_s), s2).isEmpty());
        QVERIFY(ReshardPlan::mergeRefusal(s2, at(u"s3"_s)).contains(u"closed"_s));
        QVERIFY(ReshardPlan::scaleRefusal(4, 8).isEmpty());
        QVERIFY(ReshardPlan::scaleRefusal(4, 2).isEmpty());
        QVERIFY(ReshardPlan::scaleRefusal(4, 9).contains(u"double"_s));
        QVERIFY(ReshardPlan::scaleRefusal(5, 2).contains(u"halve"_s));
        QVERIFY(!ReshardPlan::scaleRefusal(4, 4).isEmpty());
        QVERIFY(!ReshardPlan::scaleRefusal(4, 0).isEmpty());
    }

    void nonAdjacentMergeExplained()
    {
        ShardBandLayout layout;
        QList<BandShard> shards;
        const QList<HashKeyRange> ranges = HashKeyRange::evenSplit(4);
        for (int i = 0; i < 4; ++i)
            shards << shard(u"s%1"_s.arg(i), ranges[i], true);
        layout.setShards(shards);
        const QString why = ReshardPlan::mergeRefusal(layout.shards()[0], layout.shards()[2]);
        QVERIFY2(why.contains(u"not adjacent"_s), qPrintable(why));
        QVERIFY(why.contains(u"s0"_s) && why.contains(u"s2"_s));
    }
};

QTEST_GUILESS_MAIN(TestShardBandLayout)
#include "tst_shardbandlayout.moc"
