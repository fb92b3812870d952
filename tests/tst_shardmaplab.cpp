// The Shards tab's lab offscreen against the emulator: the calculator places keys where Kinesis
// does (a table made once with the AWS CLI), a split point dragged (snapping to the midpoint)
// or typed and confirmed gives the engine the two children with the right ranges, the split
// preview divides a sample of the last minute's records, two adjacent shards merge (and a
// non-adjacent pair is refused with the reason), UpdateShardCount runs from its preview (and a
// target over double is refused before sending), a reshard animates from the old band to the
// new (driven through the animation's time), and a read-only connection disables it all.

#include "backendtesthelpers.h"
#include "forwardingbackend.h"
#include "models/shardstablemodel.h"
#include "shardmaplab.h"
#include "shardmapwidget.h"

#include <QCryptographicHash>
#include <QImage>
#include <QVariantAnimation>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace shardscope;
using namespace shardscope::testing;

namespace {

class ReadOnlyBackend final : public ForwardingBackend
{
public:
    using ForwardingBackend::ForwardingBackend;
    bool isReadOnly() const override { return true; }
};

} // namespace

class TestShardMapLab final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
    std::unique_ptr<QWidget> m_window;
    ShardsTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    ShardMapLab *m_lab = nullptr;

    void open(const QString &stream, int shards, StreamBackend *backend = nullptr)
    {
        QVERIFY(await(m_backend->createStream(CreateStreamRequest{stream, shards, {}, {}, {}})).has_value());
        m_window = std::make_unique<QWidget>();
        m_model = new ShardsTableModel(m_window.get());
        m_table = new QTableView(m_window.get());
        m_table->setModel(m_model);
        m_lab = new ShardMapLab(m_window.get());
        m_lab->setModel(m_model, m_table->selectionModel());
        auto *layout = new QVBoxLayout(m_window.get());
        layout->addWidget(m_lab, 1);
        layout->addWidget(m_table);
        StreamBackend *used = backend ? backend : m_backend.get();
        m_model->setStream(used, stream);
        m_lab->setStream(used, stream);
        m_window->resize(1300, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE(m_lab->map()->bandLayout().lane(0).size(), shards);
    }

    QPoint centreOf(const QString &shardId) const
    {
        const ShardBandLayout &layout = m_lab->map()->bandLayout();
        return layout.rectOf(layout.indexOf(shardId)).center().toPoint();
    }

    void clickShard(const QString &shardId, Qt::KeyboardModifiers modifiers = {})
    {
        QTest::mouseClick(m_lab->map(), Qt::LeftButton, modifiers, centreOf(shardId));
    }

    QList<Shard> engineShards(const QString &stream)
    {
        ListShardsRequest request;
        request.target = StreamTarget::byName(stream);
        auto listed = m_engine->listShards(request);
        return listed ? listed->shards : QList<Shard>{};
    }

    template<typename T>
    T *find(const QString &name) const
    {
        return m_lab->findChild<T *>(name);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_engine = openEngine(*m_dir);
        QVERIFY(m_engine);
        m_backend = std::make_unique<EmulatorBackend>(*m_engine);
    }

    void cleanup()
    {
        m_window.reset();
        m_backend.reset();
        m_engine.reset();
        m_dir.reset();
    }

    void calculatorMatchesKinesis_data()
    {
        QTest::addColumn<QString>("partitionKey");
        QTest::addColumn<QString>("explicitHashKey");
        QTest::addColumn<QString>("shardId");
        // Made once with the AWS CLI v2 against `shardscope --serve --create-stream calc:4`:
        // `aws kinesis put-record --stream-name calc --partition-key KEY [--explicit-hash-key K]`
        // and the ShardId it answered. MD5 to hash key is deterministic, so the table holds.
        const QList<std::pair<QString, QString>> keys = {
            {u"a"_s, u"shardId-000000000000"_s},
            {u"0"_s, u"shardId-000000000003"_s},
            {u" "_s, u"shardId-000000000001"_s},
            {u"  "_s, u"shardId-000000000000"_s},
            {u"\t"_s, u"shardId-000000000001"_s},
            {u"user-42"_s, u"shardId-000000000001"_s},
            {u"order#1001"_s, u"shardId-000000000000"_s},
            {u"ü"_s, u"shardId-000000000003"_s},
            {u"Grüße"_s, u"shardId-000000000001"_s},
            {u"日本語"_s, u"shardId-000000000000"_s},
            {u"🙂"_s, u"shardId-000000000001"_s},
            {u"🙂🙃"_s, u"shardId-000000000001"_s},
            {u"café"_s, u"shardId-000000000000"_s},
            {u"ПРИВЕТ"_s, u"shardId-000000000001"_s},
            {QString(256, u'a'), u"shardId-000000000002"_s},
            {u"null"_s, u"shardId-000000000000"_s},
            {u"-1"_s, u"shardId-000000000001"_s},
            {u"340282366920938463463374607431768211455"_s, u"shardId-000000000000"_s},
            {u"sensor/7/temp"_s, u"shardId-000000000002"_s},
        };
        for (const auto &[key, shard] : keys)
            QTest::addRow("%s", qPrintable(key.left(20))) << key << QString() << shard;
        QTest::addRow("explicit 0") << u"any"_s << u"0"_s << u"shardId-000000000000"_s;
        QTest::addRow("explicit end of 0") << u"any"_s << u"85070591730234615865843651857942052863"_s << u"shardId-000000000000"_s;
        QTest::addRow("explicit start of 1") << u"any"_s << u"85070591730234615865843651857942052864"_s << u"shardId-000000000001"_s;
        QTest::addRow("explicit max") << u"any"_s << u"340282366920938463463374607431768211455"_s << u"shardId-000000000003"_s;
    }

    void calculatorMatchesKinesis()
    {
        QFETCH(QString, partitionKey);
        QFETCH(QString, explicitHashKey);
        QFETCH(QString, shardId);
        open(u"calc"_s, 4);
        find<QLineEdit>(u"calculatorPartitionKey"_s)->setText(partitionKey);
        find<QLineEdit>(u"calculatorExplicitHashKey"_s)->setText(explicitHashKey);
        const QString result = find<QLabel>(u"calculatorResult"_s)->text();
        QVERIFY2(result.contains(u"Shard: "_s + shardId), qPrintable(result));
        const HashKey expected = explicitHashKey.isEmpty() ? HashKey::fromPartitionKey(partitionKey)
                                                           : *HashKey::fromDecimal(explicitHashKey);
        QVERIFY(result.contains(expected.toDecimal()));
        if (explicitHashKey.isEmpty()) {
            const QString md5 = QString::fromLatin1(QCryptographicHash::hash(partitionKey.toUtf8(), QCryptographicHash::Md5).toHex());
            QVERIFY(result.contains(u"MD5: "_s + md5));
        }
    }

    void calculatorRejectsBadHashKey()
    {
        open(u"calc"_s, 2);
        QTest::keyClicks(find<QLineEdit>(u"calculatorExplicitHashKey"_s), u"12x"_s);
        QVERIFY(find<QLabel>(u"calculatorError"_s)->isVisible());
        QVERIFY(find<QLabel>(u"calculatorError"_s)->text().contains(u"decimal"_s));
        QVERIFY(!find<QLabel>(u"calculatorResult"_s)->text().contains(u"Shard:"_s));
    }

    void splitByDragSnapsToMidpoint()
    {
        open(u"orders"_s, 2);
        // A minute's records, all in shard 0: the preview divides a sample of them.
        const HashKeyRange range0 = HashKeyRange::evenSplit(2)[0];
        const HashKey mid = range0.midpoint();
        for (int i = 0; i < 30; ++i) {
            const HashKey key{i < 10 ? range0.start.value + uint128(i) : mid.value + uint128(i)};
            QVERIFY(await(m_backend->putRecord(PutRecordRequest{StreamTarget::byName(u"orders"_s), "x", u"k"_s,
                                                                 key.toDecimal(), {}})).has_value());
        }
        clickShard(u"shardId-000000000000"_s);
        QCOMPARE(m_lab->map()->selectedIndex(), m_lab->map()->bandLayout().indexOf(u"shardId-000000000000"_s));
        QTest::mouseClick(find<QPushButton>(u"reshardSplit"_s), Qt::LeftButton);
        QCOMPARE(m_lab->mode(), ShardMapLab::Mode::Split);
        auto *keyEdit = find<QLineEdit>(u"splitKey"_s);
        QCOMPARE(keyEdit->text(), mid.toDecimal());
        QTRY_VERIFY2(m_lab->previewText().contains(u"from 30 sampled records"_s), qPrintable(m_lab->previewText()));
        QVERIFY2(m_lab->previewText().contains(u"lower 33 %"_s), qPrintable(m_lab->previewText()));

        // Drag the point away: the key follows; back near the middle: it snaps to it.
        const ShardBandLayout &layout = m_lab->map()->bandLayout();
        const int x = int(layout.xOf(ShardBandLayout::fractionOf(mid)));
        const int y = int(layout.bandRect().center().y());
        QTest::mousePress(m_lab->map(), Qt::LeftButton, {}, QPoint(x, y));
        QTest::mouseMove(m_lab->map(), QPoint(x - 120, y));
        QVERIFY(keyEdit->text() != mid.toDecimal());
        const auto dragged = HashKey::fromDecimal(keyEdit->text());
        QVERIFY(dragged && *dragged < mid && *dragged > range0.start);
        QTest::mouseMove(m_lab->map(), QPoint(x + 4, y));
        QTest::mouseRelease(m_lab->map(), Qt::LeftButton, {}, QPoint(x + 4, y));
        QCOMPARE(keyEdit->text(), mid.toDecimal());
        QVERIFY(m_lab->previewText().contains(u"lower"_s));

        QTest::mouseClick(find<QPushButton>(u"reshardConfirm"_s), Qt::LeftButton);
        QTRY_COMPARE(engineShards(u"orders"_s).size(), 4);
        const QList<Shard> shards = engineShards(u"orders"_s);
        QCOMPARE(shards[2].hashKeyRange, (HashKeyRange{range0.start, HashKey{mid.value - 1}}));
        QCOMPARE(shards[3].hashKeyRange, (HashKeyRange{mid, range0.end}));
        QCOMPARE(shards[2].parentShardId, u"shardId-000000000000"_s);
        QTRY_VERIFY(find<QLabel>(u"reshardResult"_s)->text().contains(u"started"_s));
        // The band shows the new layout: three open shards.
        QTRY_COMPARE(m_lab->map()->bandLayout().lane(0).size(), 3);
    }

    void splitAtTypedAndPartitionKey()
    {
        open(u"orders"_s, 1);
        clickShard(u"shardId-000000000000"_s);
        QTest::mouseClick(find<QPushButton>(u"reshardSplit"_s), Qt::LeftButton);
        auto *keyEdit = find<QLineEdit>(u"splitKey"_s);
        // A bad key is explained, and nothing can be sent.
        keyEdit->clear();
        QTest::keyClicks(keyEdit, u"1"_s);
        QVERIFY2(m_lab->previewText().contains(u"inside"_s), qPrintable(m_lab->previewText()));
        QVERIFY(!find<QPushButton>(u"reshardConfirm"_s)->isEnabled());
        // The hash of a typed partition key.
        QTest::keyClicks(find<QLineEdit>(u"calculatorPartitionKey"_s), u"user-42"_s);
        QTest::mouseClick(find<QPushButton>(u"reshardSplit"_s), Qt::LeftButton); // the preview stays
        const HashKey hashed = HashKey::fromPartitionKey(u"user-42"_s);
        const auto snap = m_lab->findChildren<QPushButton *>();
        QPushButton *atKey = nullptr;
        for (QPushButton *button : snap) {
            if (button->text().contains(u"key's hash"_s))
                atKey = button;
        }
        QVERIFY(atKey && atKey->isEnabled());
        QTest::mouseClick(atKey, Qt::LeftButton);
        QCOMPARE(keyEdit->text(), hashed.toDecimal());
        // And an exact key typed in wins.
        const QString exact = u"123456789012345678901234567890"_s;
        keyEdit->clear();
        QTest::keyClicks(keyEdit, exact);
        QVERIFY(find<QPushButton>(u"reshardConfirm"_s)->isEnabled());
        QTest::keyClick(keyEdit, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(engineShards(u"orders"_s).size(), 3);
        const QList<Shard> shards = engineShards(u"orders"_s);
        QCOMPARE(shards[1].hashKeyRange.end.toDecimal(), u"123456789012345678901234567889"_s);
        QCOMPARE(shards[2].hashKeyRange.start.toDecimal(), exact);
        QCOMPARE(shards[2].hashKeyRange.end, HashKey::max());
    }

    void mergeAdjacentAndExplainOthers()
    {
        open(u"orders"_s, 4);
        clickShard(u"shardId-000000000000"_s);
        clickShard(u"shardId-000000000002"_s, Qt::ShiftModifier);
        QCOMPARE(m_lab->mode(), ShardMapLab::Mode::Merge);
        QVERIFY2(m_lab->previewText().contains(u"not adjacent"_s), qPrintable(m_lab->previewText()));
        QVERIFY(!find<QPushButton>(u"reshardConfirm"_s)->isEnabled());
        clickShard(u"shardId-000000000001"_s, Qt::ShiftModifier);
        QVERIFY2(m_lab->previewText().contains(u"Merge shardId-000000000000 and shardId-000000000001"_s),
                 qPrintable(m_lab->previewText()));
        QVERIFY(m_lab->previewText().contains(u"50.00 %"_s));
        QVERIFY(find<QPushButton>(u"reshardConfirm"_s)->isEnabled());
        // Esc closes the preview; a Shift+click opens it again.
        QTest::keyClick(m_lab->map(), Qt::Key_Escape);
        QCOMPARE(m_lab->mode(), ShardMapLab::Mode::None);
        clickShard(u"shardId-000000000001"_s, Qt::ShiftModifier);
        QCOMPARE(m_lab->mode(), ShardMapLab::Mode::Merge);
        QTest::mouseClick(find<QPushButton>(u"reshardConfirm"_s), Qt::LeftButton);
        QTRY_COMPARE(engineShards(u"orders"_s).size(), 5);
        const Shard merged = engineShards(u"orders"_s).last();
        const QList<HashKeyRange> ranges = HashKeyRange::evenSplit(4);
        QCOMPARE(merged.hashKeyRange, (HashKeyRange{ranges[0].start, ranges[1].end}));
        QCOMPARE(merged.parentShardId, u"shardId-000000000000"_s);
        QCOMPARE(merged.adjacentParentShardId, u"shardId-000000000001"_s);
    }

    void updateShardCountWithPreview()
    {
        open(u"orders"_s, 2);
        QTest::mouseClick(find<QPushButton>(u"reshardScale"_s), Qt::LeftButton);
        QCOMPARE(m_lab->mode(), ShardMapLab::Mode::Scale);
        auto *target = find<QSpinBox>(u"targetShardCount"_s);
        target->setValue(5);
        QVERIFY2(m_lab->previewText().contains(u"double"_s), qPrintable(m_lab->previewText()));
        QVERIFY(!find<QPushButton>(u"reshardConfirm"_s)->isEnabled());
        target->setValue(3);
        QVERIFY2(m_lab->previewText().contains(u"3 shards of 33.333 %"_s), qPrintable(m_lab->previewText()));
        QVERIFY(m_lab->previewText().contains(u"10 calls"_s));
        QTest::mouseClick(find<QPushButton>(u"reshardConfirm"_s), Qt::LeftButton);
        QTRY_VERIFY(find<QLabel>(u"reshardResult"_s)->text().contains(u"started"_s));
        QTRY_COMPARE(m_lab->map()->bandLayout().lane(0).size(), 3);
        int open = 0;
        for (const Shard &shard : engineShards(u"orders"_s))
            open += shard.endingSequenceNumber ? 0 : 1;
        QCOMPARE(open, 3);
        // The new open shards are the uniform layout the preview showed.
        const QList<HashKeyRange> even = HashKeyRange::evenSplit(3);
        const ShardBandLayout &layout = m_lab->map()->bandLayout();
        for (int k = 0; k < 3; ++k)
            QCOMPARE(layout.shards().at(layout.lane(0)[k]).range, even[k]);
    }

    void reshardAnimatesFromOldToNewLayout()
    {
        open(u"orders"_s, 2);
        ShardMapWidget *map = m_lab->map();
        const ShardBandLayout &layout = map->bandLayout();
        // Hold the animation where it starts, so the test sets its time rather than sleeping.
        int started = 0;
        const QMetaObject::Connection hold = connect(map, &ShardMapWidget::shardsChanged, this, [map, &started] {
            if (map->isAnimating()) {
                map->animation()->pause();
                ++started;
            }
        });
        const QRectF parentBefore = map->shownRectOf(layout.indexOf(u"shardId-000000000000"_s));
        const QRectF neighbourBefore = map->shownRectOf(layout.indexOf(u"shardId-000000000001"_s));

        // Split shard 0 (the lower half of the key space) at its midpoint, a quarter of the space.
        const HashKey mid = HashKeyRange::evenSplit(2)[0].midpoint();
        QVERIFY(await(m_backend->splitShard(SplitShardRequest{StreamTarget::byName(u"orders"_s),
                                                              u"shardId-000000000000"_s, mid.toDecimal()})).has_value());
        m_model->refresh();
        QTRY_COMPARE(layout.lane(0).size(), 3);
        QCOMPARE(started, 1);
        QCOMPARE(map->animation()->state(), QAbstractAnimation::Paused);
        const int lower = layout.indexOf(u"shardId-000000000002"_s);
        const int upper = layout.indexOf(u"shardId-000000000003"_s);
        const int neighbour = layout.indexOf(u"shardId-000000000001"_s);
        QVERIFY(lower >= 0 && upper >= 0);
        const QRectF lowerEnd = layout.rectOf(lower);
        const QRectF upperEnd = layout.rectOf(upper);
        // The parent's place and the children's final places are where the key space says.
        QCOMPARE(qRound(parentBefore.right()), qRound(layout.xOf(0.5)));
        QCOMPARE(qRound(lowerEnd.right()), qRound(layout.xOf(0.25)));
        QCOMPARE(qRound(upperEnd.left()), qRound(layout.xOf(0.25)));

        // At the start both children cover the parent's range.
        map->animation()->setCurrentTime(0);
        QCOMPARE(qRound(map->shownRectOf(lower).left()), qRound(parentBefore.left()));
        QCOMPARE(qRound(map->shownRectOf(lower).right()), qRound(parentBefore.right()));
        QCOMPARE(qRound(map->shownRectOf(upper).left()), qRound(parentBefore.left()));

        // Half way (the easing is symmetric: half the way at half the time), the split line
        // between them is half way from the parent's edges to the quarter mark.
        map->animation()->setCurrentTime(200);
        const QRectF lowerMid = map->shownRectOf(lower);
        const QRectF upperMid = map->shownRectOf(upper);
        QVERIFY2(std::abs(lowerMid.right() - layout.xOf(0.375)) < 1.0, qPrintable(QString::number(lowerMid.right())));
        QVERIFY2(std::abs(upperMid.left() - layout.xOf(0.125)) < 1.0, qPrintable(QString::number(upperMid.left())));
        QVERIFY(lowerMid.right() > lowerEnd.right() + 10 && lowerMid.right() < parentBefore.right() - 10);
        QVERIFY(upperMid.left() > parentBefore.left() + 10 && upperMid.left() < upperEnd.left() - 10);
        QCOMPARE(qRound(upperMid.right()), qRound(upperEnd.right()));
        // A shard the split did not touch does not move sideways (the band may move down: the
        // parent now has a lane above it).
        QCOMPARE(map->shownRectOf(neighbour).left(), neighbourBefore.left());
        QCOMPARE(map->shownRectOf(neighbour).right(), neighbourBefore.right());
        // What is painted is that geometry: the children still overlap on the parent's range
        // (the upper one drawn over the lower), so there is no boundary (the 1 px outline in the
        // base colour) at the quarter mark yet; after the animation there is.
        const auto outlineAt = [map](qreal x) {
            const QImage image = map->grab().toImage();
            const qreal scale = image.devicePixelRatio();
            const int y = int(map->bandLayout().bandRect().center().y() * scale);
            const QColor outline = map->palette().color(QPalette::Base);
            for (int dx = -1; dx <= 1; ++dx) {
                if (image.pixelColor(int((x - 0.5) * scale) + dx, y) == outline)
                    return true;
            }
            return false;
        };
        QVERIFY(!outlineAt(lowerEnd.right()));
        QVERIFY(outlineAt(upperMid.right()));

        // After 400 ms the animation is over and every shard is at its final place.
        map->animation()->setCurrentTime(400);
        QVERIFY(!map->isAnimating());
        QCOMPARE(map->shownRectOf(lower), lowerEnd);
        QCOMPARE(map->shownRectOf(upper), upperEnd);
        QVERIFY(outlineAt(lowerEnd.right()));
        disconnect(hold);
    }

    void zoomAndPanWithKeysAndMouse()
    {
        open(u"orders"_s, 4);
        ShardMapWidget *map = m_lab->map();
        map->setFocus();
        QTest::keyClick(map, Qt::Key_Plus);
        QTest::keyClick(map, Qt::Key_Plus);
        QCOMPARE(map->bandLayout().zoom(), 2.25);
        const double start = map->bandLayout().viewStart();
        // Dragging the background to the left shows keys further right.
        const QPoint from = map->bandLayout().bandRect().center().toPoint();
        QTest::mousePress(map, Qt::LeftButton, {}, from);
        QTest::mouseMove(map, from - QPoint(100, 0));
        QTest::mouseRelease(map, Qt::LeftButton, {}, from - QPoint(100, 0));
        QVERIFY(map->bandLayout().viewStart() > start);
        QCOMPARE(map->selectedIndex(), -1); // a drag is not a click
        QTest::keyClick(map, Qt::Key_Minus);
        QCOMPARE(map->bandLayout().zoom(), 1.5);
        QTest::keyClick(map, Qt::Key_0);
        QCOMPARE(map->bandLayout().zoom(), 1.0);
        QCOMPARE(map->bandLayout().viewStart(), 0.0);
    }

    void readOnlyDisablesWithReason()
    {
        ReadOnlyBackend readOnly(*m_backend);
        open(u"orders"_s, 2, &readOnly);
        clickShard(u"shardId-000000000000"_s);
        QLabel *reason = find<QLabel>(u"reshardReadOnly"_s);
        QVERIFY(reason->isVisible());
        QVERIFY(reason->text().contains(u"read-only"_s));
        for (const QString &name : {u"reshardSplit"_s, u"reshardMerge"_s, u"reshardScale"_s, u"reshardConfirm"_s}) {
            QPushButton *button = find<QPushButton>(name);
            QVERIFY2(button && !button->isEnabled(), qPrintable(name));
        }
        QVERIFY(!find<QSpinBox>(u"targetShardCount"_s)->isEnabled());
        // Shift+click picks nothing either; the calculator still works.
        clickShard(u"shardId-000000000001"_s, Qt::ShiftModifier);
        QCOMPARE(m_lab->mode(), ShardMapLab::Mode::None);
        find<QLineEdit>(u"calculatorPartitionKey"_s)->setText(u"a"_s);
        QVERIFY(find<QLabel>(u"calculatorResult"_s)->text().contains(u"Shard: "_s));
    }
};

QTEST_MAIN(TestShardMapLab)
#include "tst_shardmaplab.moc"
