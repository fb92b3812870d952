// The lineage's model and geometry: generations, times from our sequence numbers, parents no
// longer listed kept as expired nodes, retention, rows in key order with a split's children
// beside their parent and a merge's child between its parents, no edge across a live bar over
// a chain of reshards, the generation axis when times are unknown, zoom, scroll and hit tests.

#include "kinesis/sequencenumber.h"
#include "models/lineagegraph.h"
#include "shardlineagelayout.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

constexpr qint64 kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
constexpr qint64 kHour = 3'600'000;

QString id(int index)
{
    return u"shardId-%1"_s.arg(index, 12, 10, QLatin1Char('0'));
}

HashKey keyAt(double fraction)
{
    return HashKey{uint128(fraction * 1e6) * (HashKey::kMaxValue / uint128(1'000'000))};
}

// A listed shard with our own sequence numbers (created at `created`, closed at `closed`).
LineageNode shard(int index, double from, double to, qint64 created, std::optional<qint64> closed,
                   QStringList parents = {})
{
    LineageNode s;
    s.row = index;
    s.shardId = id(index);
    s.parents = std::move(parents);
    s.range = HashKeyRange{from == 0 ? HashKey{} : HashKey{keyAt(from).value + 1},
                           to == 1 ? HashKey::max() : keyAt(to)};
    s.startingSequenceNumber = SequenceNumber(SequenceNumber::counterAt(created) + 1, quint32(index)).toString();
    s.open = !closed;
    if (closed)
        s.endingSequenceNumber = SequenceNumber(SequenceNumber::counterAt(*closed), quint32(index)).toString();
    s.records = 10 * index;
    s.bytes = 100 * index;
    return s;
}

LineageGraph::Stream stream(qint64 now, std::optional<int> retentionHours = 24)
{
    return LineageGraph::Stream{kT0, retentionHours, now};
}

QStringList rowIds(const ShardLineageLayout &layout)
{
    QStringList ids;
    for (int row = 0; row < layout.rowCount(); ++row)
        ids.append(layout.shard(layout.indexAtRow(row)).shardId);
    return ids;
}

} // namespace

class TestShardLineageLayout final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitPlacesChildrenBelowParent()
    {
        const qint64 t1 = kT0 + kHour;
        ShardLineageLayout layout;
        layout.setLineage(LineageGraph::build({shard(1, 0, 0.5, t1, {}, {id(0)}), shard(2, 0.5, 1, t1, {}, {id(0)}),
                                               shard(0, 0, 1, kT0, t1)},
                                              stream(kT0 + 2 * kHour)));
        QCOMPARE(rowIds(layout), (QStringList{id(0), id(1), id(2)}));
        QCOMPARE(layout.edges().size(), 2);
        const LineageGraph &lineage = layout.lineage();
        QVERIFY(lineage.hasTimes());
        const LineageNode &parent = lineage.shards().at(lineage.indexOf(id(0)));
        QCOMPARE(parent.children, (QStringList{id(1), id(2)}));
        QCOMPARE(parent.generation, 0);
        QCOMPARE(lineage.shards().at(lineage.indexOf(id(2))).generation, 1);
        QCOMPARE(parent.createdMs, std::optional<qint64>(kT0));
        QCOMPARE(parent.closedMs, std::optional<qint64>(t1));
        QCOMPARE(lineage.shards().at(lineage.indexOf(id(1))).createdMs, std::optional<qint64>(t1));
        // The axis runs from the stream's creation to now; the parent ends where its children start.
        QCOMPARE(layout.axisStart(), double(kT0));
        QCOMPARE(layout.axisEnd(), double(kT0 + 2 * kHour));
        QCOMPARE(layout.endOf(lineage.indexOf(id(0))), layout.startOf(lineage.indexOf(id(1))));
        QCOMPARE(layout.endOf(lineage.indexOf(id(2))), double(kT0 + 2 * kHour)); // open: to now
        QVERIFY(!parent.pastRetention);
    }

    void mergePlacesChildBetweenParents()
    {
        const qint64 t1 = kT0 + kHour;
        ShardLineageLayout layout;
        layout.setLineage(LineageGraph::build({shard(0, 0, 0.5, kT0, t1), shard(1, 0.5, 1, kT0, t1),
                                               shard(2, 0, 1, t1, {}, {id(0), id(1)})},
                                              stream(kT0 + 2 * kHour)));
        QCOMPARE(rowIds(layout), (QStringList{id(0), id(2), id(1)}));
        QCOMPARE(layout.edges().size(), 2);
        const LineageGraph &lineage = layout.lineage();
        const LineageNode &child = lineage.shards().at(lineage.indexOf(id(2)));
        QCOMPARE(child.parents, (QStringList{id(0), id(1)}));
        QCOMPARE(child.generation, 1);
        QCOMPARE(lineage.shards().at(lineage.indexOf(id(1))).children, QStringList{id(2)});
        QCOMPARE(lineage.maxGeneration(), 1);
    }

    void chainOfReshardsNeverCrossesALiveBar()
    {
        // 0 splits into 1, 2; 1 into 3, 4; 4 and 2 merge into 5; 5 splits into 6, 7; 3 and 6 merge into 8.
        const qint64 t = kHour;
        QList<LineageNode> shards{
            shard(0, 0, 1, kT0, kT0 + t),
            shard(1, 0, 0.5, kT0 + t, kT0 + 2 * t, {id(0)}),
            shard(2, 0.5, 1, kT0 + t, kT0 + 3 * t, {id(0)}),
            shard(3, 0, 0.25, kT0 + 2 * t, kT0 + 5 * t, {id(1)}),
            shard(4, 0.25, 0.5, kT0 + 2 * t, kT0 + 3 * t, {id(1)}),
            shard(5, 0.25, 1, kT0 + 3 * t, kT0 + 4 * t, {id(4), id(2)}),
            shard(6, 0.25, 0.6, kT0 + 4 * t, kT0 + 5 * t, {id(5)}),
            shard(7, 0.6, 1, kT0 + 4 * t, {}, {id(5)}),
            shard(8, 0, 0.6, kT0 + 5 * t, {}, {id(3), id(6)}),
        };
        ShardLineageLayout layout;
        layout.setLineage(LineageGraph::build(shards, stream(kT0 + 6 * t)));
        const LineageGraph &lineage = layout.lineage();
        QCOMPARE(layout.rowCount(), 9);
        QCOMPARE(layout.edges().size(), 10);
        QCOMPARE(lineage.shards().at(lineage.indexOf(id(8))).generation, 5);
        QCOMPARE(lineage.shards().at(lineage.indexOf(id(7))).generation, 4);
        // Every edge is drawn at the moment of its reshard; no shard in a row it passes lived then.
        int passed = 0;
        for (const ShardLineageLayout::Edge &edge : layout.edges()) {
            const double at = layout.startOf(edge.child);
            QCOMPARE(layout.endOf(edge.parent), at);
            const int a = std::min(layout.rowOf(edge.parent), layout.rowOf(edge.child));
            const int b = std::max(layout.rowOf(edge.parent), layout.rowOf(edge.child));
            for (int row = a + 1; row < b; ++row) {
                const int other = layout.indexAtRow(row);
                ++passed;
                QVERIFY2(layout.endOf(other) <= at || layout.startOf(other) >= at,
                         qPrintable(u"edge %1→%2 crosses %3"_s.arg(layout.shard(edge.parent).shardId,
                                                                   layout.shard(edge.child).shardId,
                                                                   layout.shard(other).shardId)));
            }
        }
        QVERIFY(passed > 0); // some edges do pass other rows
        // A split's children sit right below their parent.
        QCOMPARE(layout.rowOf(lineage.indexOf(id(1))), layout.rowOf(lineage.indexOf(id(0))) + 1);
    }

    void retentionAndParentsNoLongerListed()
    {
        // Shard 0 closed 30 h ago and is no longer listed; 1 closed 25 h ago is still listed
        // (an old listing) but past 24 h retention; 2 closed an hour ago is not.
        const qint64 now = kT0 + 40 * kHour;
        const qint64 split0 = now - 30 * kHour;
        QList<LineageNode> shards{
            shard(1, 0, 0.5, split0, now - 25 * kHour, {id(0)}),
            shard(2, 0.5, 1, split0, now - kHour, {id(0)}),
            shard(3, 0, 0.5, now - 25 * kHour, {}, {id(1)}),
            shard(4, 0.5, 1, now - kHour, {}, {id(2)}),
        };
        ShardLineageLayout layout;
        layout.setLineage(LineageGraph::build(shards, stream(now)));
        const LineageGraph &lineage = layout.lineage();
        QCOMPARE(lineage.shards().size(), 5);
        const LineageNode &ghost = lineage.shards().at(lineage.indexOf(id(0)));
        QVERIFY(!ghost.listed);
        QVERIFY(ghost.pastRetention);
        QCOMPARE(ghost.row, -1);
        QCOMPARE(ghost.closedMs, std::optional<qint64>(split0)); // when its children began
        QVERIFY(!ghost.createdMs.has_value());
        QCOMPARE(ghost.children, (QStringList{id(1), id(2)}));
        QVERIFY(!layout.startKnown(lineage.indexOf(id(0))));
        QCOMPARE(layout.startOf(lineage.indexOf(id(0))), double(kT0));
        QCOMPARE(layout.rowOf(lineage.indexOf(id(0))), 0);

        const LineageNode &expired = lineage.shards().at(lineage.indexOf(id(1)));
        QVERIFY(expired.listed);
        QVERIFY(expired.pastRetention);
        QCOMPARE(expired.records, std::optional<qint64>(0)); // nothing readable any more
        const LineageNode &recent = lineage.shards().at(lineage.indexOf(id(2)));
        QVERIFY(!recent.pastRetention);
        QCOMPARE(recent.records, std::optional<qint64>(20));
        QVERIFY(!lineage.shards().at(lineage.indexOf(id(3))).pastRetention); // open

        // A longer retention keeps shard 1; an unknown one decides only for unlisted parents.
        LineageGraph longer = LineageGraph::build(shards, stream(now, 48));
        QVERIFY(!longer.shards().at(longer.indexOf(id(1))).pastRetention);
        QVERIFY(longer.shards().at(longer.indexOf(id(0))).pastRetention);
        LineageGraph unknown = LineageGraph::build(shards, stream(now, std::nullopt));
        QVERIFY(!unknown.shards().at(unknown.indexOf(id(1))).pastRetention);
        QVERIFY(unknown.shards().at(unknown.indexOf(id(0))).pastRetention);
        // The row of a model maps to its shard; the unlisted parent has none.
        QCOMPARE(lineage.indexOfRow(2), lineage.indexOf(id(2)));
        QCOMPARE(lineage.indexOfRow(0), -1);

        // A day later without a new listing: shard 2 has passed retention too, the open shards
        // reach the new now; counts of an expired shard stay at nothing.
        const int two = lineage.indexOf(id(2));
        layout.setCounts(two, 7, 70);
        QCOMPARE(layout.shard(two).records, std::optional<qint64>(7));
        layout.setNow(now + 24 * kHour);
        QVERIFY(layout.shard(two).pastRetention);
        QCOMPARE(layout.shard(two).records, std::optional<qint64>(0));
        QCOMPARE(layout.shard(two).bytes, std::optional<qint64>(0));
        QCOMPARE(layout.endOf(lineage.indexOf(id(4))), double(now + 24 * kHour));
        QCOMPARE(layout.axisEnd(), double(now + 24 * kHour));
        layout.setCounts(lineage.indexOf(id(1)), 5, 50);
        QCOMPARE(layout.shard(lineage.indexOf(id(1))).records, std::optional<qint64>(0));
        QVERIFY(!layout.shard(lineage.indexOf(id(4))).pastRetention); // open
    }

    void foreignSequenceNumbersLayOutByGeneration()
    {
        // AWS's numbers carry no time we can read: no times at all, the axis counts generations.
        QList<LineageNode> shards{shard(0, 0, 1, kT0, kT0 + kHour), shard(1, 0, 0.5, kT0 + kHour, {}, {id(0)}),
                                   shard(2, 0.5, 1, kT0 + kHour, kT0 + 2 * kHour, {id(0)}),
                                   shard(3, 0.5, 1, kT0 + 2 * kHour, {}, {id(2)})};
        for (LineageNode &s : shards) {
            s.startingSequenceNumber = u"4959" + s.startingSequenceNumber.mid(4);
            if (!s.open)
                s.endingSequenceNumber = u"4959" + s.endingSequenceNumber.mid(4);
        }
        ShardLineageLayout layout;
        layout.setLineage(LineageGraph::build(shards, stream(kT0 + 30 * kHour)));
        const LineageGraph &lineage = layout.lineage();
        QVERIFY(!lineage.hasTimes());
        QVERIFY(!layout.isTimeAxis());
        for (const LineageNode &s : lineage.shards()) {
            QVERIFY(!s.createdMs);
            QVERIFY(!s.closedMs);
            QVERIFY(!s.pastRetention); // without times, nothing listed is known to be past it
        }
        QCOMPARE(layout.axisStart(), 0.0);
        QCOMPARE(layout.axisEnd(), 3.0);
        const int two = lineage.indexOf(id(2));
        QCOMPARE(layout.startOf(two), 1.0);
        QCOMPARE(layout.endOf(two), 2.0);
        QCOMPARE(layout.endOf(lineage.indexOf(id(3))), 3.0);
        QCOMPARE(layout.endOf(lineage.indexOf(id(0))), 1.0);
    }

    void hitTestZoomAndScroll()
    {
        const qint64 t1 = kT0 + kHour;
        QList<LineageNode> shards{shard(0, 0, 1, kT0, t1)};
        for (int i = 1; i <= 40; ++i)
            shards.append(shard(i, (i - 1) / 40.0, i / 40.0, t1, {}, {id(0)}));
        ShardLineageLayout layout;
        layout.setLineage(LineageGraph::build(shards, stream(kT0 + 2 * kHour)));
        layout.setArea(QRectF(0, 0, 1000, 10 * ShardLineageLayout::kRowHeight));
        QCOMPARE(layout.visibleRows(), (std::pair<int, int>{0, 10}));

        const int parent = layout.lineage().indexOf(id(0));
        QCOMPARE(layout.rectOf(parent).left(), 0.0);
        QCOMPARE(layout.rectOf(parent).right(), 500.0); // the first hour of two
        QCOMPARE(layout.hitTest(layout.rectOf(parent).center()), parent);
        // The same row after the parent closed is empty.
        QCOMPARE(layout.hitTest(QPointF(800, layout.rectOf(parent).center().y())), -1);
        const int child = layout.lineage().indexOf(id(3));
        QCOMPARE(layout.hitTest(QPointF(800, layout.rectOf(child).center().y())), child);
        QCOMPARE(layout.hitTest(QPointF(200, layout.rectOf(child).center().y())), -1);

        // Scrolling moves rows up; a shard below the fold comes into view.
        const int last = layout.lineage().indexOf(id(40));
        QCOMPARE(layout.hitTest(layout.rectOf(last).center()), -1); // off the area
        layout.ensureVisible(last);
        QCOMPARE(layout.visibleRows().second, 41);
        QCOMPARE(layout.hitTest(layout.rectOf(last).center()), last);
        layout.setScroll(1e9);
        QCOMPARE(layout.scroll(), layout.contentHeight() - layout.area().height());

        // Zooming keeps the time under the cursor where it is; the view stays on the axis.
        const double before = layout.valueAt(250);
        layout.zoomAt(4, 250);
        QCOMPARE(layout.zoom(), 4.0);
        QVERIFY(std::abs(layout.valueAt(250) - before) < 1.0);
        layout.panBy(-1e6, 0);
        QCOMPARE(layout.viewStart(), 0.75);
        layout.resetView();
        QCOMPARE(layout.zoom(), 1.0);
        QCOMPARE(layout.viewStart(), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestShardLineageLayout)
#include "tst_shardlineagelayout.moc"
