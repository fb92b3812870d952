#pragma once

#include <QColor>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace shardscope {

// Who held what over time: one horizontal lane per item (a shard), coloured segments per holder
// (a worker) on a shared time axis, a legend of the holders above. A segment may be marked
// "lapsed" (an expired lease still naming its owner): drawn hatched in the owner's colour, so a
// failover reads as a colour that turns hatched and then changes. Time without a segment is
// left empty (nobody held it).
//
// A painted widget, not QtCharts: QtCharts has no range bars, and faking them with one area
// series per segment costs a series (and its outline computation) per ownership change, while
// painting is a few rectangles per lane.
//
// Hovering a segment shows lane, holder and time span in a tooltip. Follows the palette.
// Threads: GUI thread.
class SwimLaneChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SwimLaneChart)

public:
    struct Segment
    {
        qint64 startMs = 0;
        qint64 endMs = 0;
        QString holder;      // never empty: no holder means no segment
        bool lapsed = false; // drawn hatched
        friend bool operator==(const Segment &, const Segment &) = default;
    };

    explicit SwimLaneChart(QWidget *parent = nullptr);
    ~SwimLaneChart() override;

    void setTitle(const QString &title);
    // Lanes and their segments (per lane, oldest first), shown over [startMs, endMs].
    void setLanes(const QStringList &lanes, const QList<QList<Segment>> &segments);
    void setTimeRange(qint64 startMs, qint64 endMs);
    void clear();

    QStringList lanes() const { return m_lanes; }
    QList<Segment> segments(int lane) const { return m_segments.value(lane); }
    // The holders in the legend, in order of first appearance.
    QStringList holders() const { return m_holders; }
    // A holder's colour: stable for the chart's life, distinct for the first dozen.
    QColor colorOf(const QString &holder) const;
    // What hovering `pos` shows, or empty.
    QString hoverTextAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect plotRect() const;
    int laneHeight() const;
    int legendHeight() const;
    qint64 timeAt(int x) const;
    int xAt(qint64 ms) const;

    QString m_title;
    QStringList m_lanes;
    QList<QList<Segment>> m_segments;
    QStringList m_holders;
    mutable QHash<QString, QColor> m_colors;
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
};

} // namespace shardscope
