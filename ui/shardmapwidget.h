#pragma once

#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QItemSelectionModel;

namespace shardscope {

// The hash-key space of a stream drawn as a bar: one segment per open shard, as wide as its share
// of the 128-bit key space, labelled with its id and record count; closed shards (parents of
// splits and merges) sit in a thinner lane above, so a reshard is visible at a glance.
//
// Reads any model that answers the shard roles (ShardsTableModel); clicking a segment selects
// that row in the given selection model, and the current row is highlighted.
//
// Threads: GUI thread.
class ShardMapWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShardMapWidget)

public:
    explicit ShardMapWidget(QWidget *parent = nullptr);

    // `selection` may belong to a proxy over `model`; rows are mapped through its model.
    void setModel(QAbstractItemModel *model, QItemSelectionModel *selection);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Segment
    {
        int row = 0; // in the source model
        QString shardId;
        bool open = true;
        double start = 0; // fraction of the key space
        double end = 0;
        QVariant records;
        QRectF rect;
    };
    QList<Segment> layoutSegments() const;
    const Segment *segmentAt(const QPoint &point) const;
    int currentSourceRow() const;

    QPointer<QAbstractItemModel> m_model;
    QPointer<QItemSelectionModel> m_selection;
    mutable QList<Segment> m_segments; // from the last paint, for hit tests
};

} // namespace shardscope
