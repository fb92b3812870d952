#pragma once

#include "kinesis/hashkey.h"
#include "shardbandlayout.h"

#include <QColor>
#include <QPalette>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <optional>

class QAbstractItemModel;
class QItemSelectionModel;
class QVariantAnimation;

namespace shardscope {

// The colours of the shard map in one place, from the palette (light or dark).
struct ShardMapColours
{
    QPalette palette; // the heat scale comes from Theme::heat for it
    QColor unknown; // use not measured
    QColor closed;
    QColor outline;
    QColor selection;
    QColor partner; // the second shard of a merge
    QColor marker;  // the calculator's key
    QColor split;   // the split point and scaling boundaries
    QColor axisText;

    static ShardMapColours fromPalette(const QPalette &palette);
    // The fill of an open shard using `use` of its tightest write limit: Theme::use laid over
    // the base colour, as the usage bars lay it over a table cell; `unknown` without a figure.
    // Opaque.
    QColor forUse(std::optional<double> use, bool throttled = false) const;
    // Black or white, whichever reads on `fill`.
    static QColor textOn(const QColor &fill);
};

// The hash-key space of a stream drawn as a band: one segment per open shard, as wide as its
// share of the 128-bit key space, labelled with its id and range and coloured by its write use
// against its limit; closed shards (parents of splits and merges) sit in lanes above, one per
// generation. The wheel and +/- zoom into narrow ranges, dragging the background pans, 0 resets.
//
// Reads any model that answers the shard roles (ShardsTableModel): clicking a segment selects
// that row in the given selection model; Shift+click picks a second shard for a merge. Shows
// what a reshard would do (a split point to drag, a merge partner, the boundaries of uniform
// scaling) and a marker at the calculator's hash key; when the shards change (a reshard), the
// band moves from the old layout to the new over 400 ms. Painting draws only what is on screen
// from a layout rebuilt when the shards change.
//
// Threads: GUI thread.
class ShardMapWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShardMapWidget)

public:
    explicit ShardMapWidget(QWidget *parent = nullptr);
    ~ShardMapWidget() override;

    // `selection` may belong to a proxy over `model`; rows are mapped through its model.
    void setModel(QAbstractItemModel *model, QItemSelectionModel *selection);
    // Shards given directly (the benchmark, tests); replaces the model's.
    void setShards(QList<BandShard> shards);

    const ShardBandLayout &bandLayout() const { return m_layout; }
    // The open shard selected in the table, or -1.
    int selectedIndex() const;
    QString mergePartner() const { return m_partner; }
    void setMergePartner(const QString &shardId);

    void setMarker(std::optional<HashKey> key);
    // A split point shown in `shardId` (draggable); nothing hides it.
    void setSplitPreview(const QString &shardId, std::optional<HashKey> key);
    std::optional<HashKey> splitKey() const { return m_splitKey; }
    // Keys a dragged split point snaps to (the midpoint, a partition key's hash).
    void setSplitSnaps(const QList<HashKey> &snaps) { m_snaps = snaps; }
    // The boundaries of UpdateShardCount's uniform layout for `count` shards; 0 hides them.
    void setScalePreview(int count);
    // Split and merge picking off (a read-only connection); zoom and pan still work.
    void setEditable(bool editable) { m_editable = editable; }

    void zoomIn();
    void zoomOut();
    void resetZoom();
    bool isAnimating() const;
    // The reshard animation (400 ms, 0 to 1): tests pause it and set its currentTime.
    QVariantAnimation *animation() const { return m_animation; }
    // Where shard `index` is drawn now: its place in the layout, or on the way there from its
    // parents' range while the animation runs.
    QRectF shownRectOf(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void splitKeyDragged(shardscope::HashKey key);
    void mergePartnerChanged(const QString &shardId);
    void selectedShardChanged();
    // The shard list changed (not just the live figures).
    void shardsChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    void rebuildFromModel();
    void updateUse(int firstRow, int lastRow);
    void applyShards(QList<BandShard> shards);
    void relayout();
    void select(int index);
    int currentSourceRow() const;
    void paintLane(QPainter &painter, int lane, const ShardMapColours &colours, int selected, int partner);
    void paintOverlays(QPainter &painter, const ShardMapColours &colours);
    void paintAxis(QPainter &painter, const ShardMapColours &colours);
    void paintLegend(QPainter &painter, const ShardMapColours &colours);
    std::optional<HashKey> keyAt(int index, qreal x) const;

    QPointer<QAbstractItemModel> m_model;
    QPointer<QItemSelectionModel> m_selection;
    ShardBandLayout m_layout;
    QHash<int, int> m_indexOfRow; // model row -> shard index
    QString m_partner;
    std::optional<HashKey> m_marker;
    QString m_splitShard;
    std::optional<HashKey> m_splitKey;
    QList<HashKey> m_snaps;
    int m_scaleCount = 0;
    bool m_editable = true;
    bool m_hasSelectedRow = false;

    enum class Drag { None, Pending, Pan, Split };
    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    QPointF m_lastPos;

    // The open shards' ranges before the last change, by id, and the animation between them.
    QHash<QString, std::pair<double, double>> m_from;
    QVariantAnimation *m_animation = nullptr;
    double m_progress = 1.0;
};

} // namespace shardscope
