#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QTimer>
#include <QWidget>

#include "theme/theme.h"

#include <chrono>
#include <optional>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace shardscope {

// A live line chart of per-second (or any timed) values over QtCharts: named series, a sliding
// window back from the newest point, axes that follow the data.
//
// Appends only store the point and mark the series dirty; one single-shot timer replots at most
// every kReplotInterval, replacing each dirty series' points in one QXYSeries::replace (never
// point by point). A series with more points than the plot is wide is decimated to the minimum
// and maximum of each pixel column, so a spike is never lost. While the widget is hidden nothing
// is replotted; showing it catches up at once.
//
// QtCharts recomputes a series' whole outline (a path stroke, a few µs per point) whenever its
// points or its axes' ranges change, so 64 series of 900 points cost about 300 ms at once. To
// keep the GUI responsive each series has its own hidden axes, and one replot updates only as
// many series as fit in kReplotBudget, taking up the rest in the next ticks (round robin); the
// visible axes show the common range. A series whose axes and points both change is emptied
// first so that its outline is computed once, not three times.
//
// Hovering shows the series, exact value and time of the nearest point in a tooltip; the context
// menu exports the widget as PNG and the kept points as CSV (time, then one column per series).
// Follows the palette (light or dark).
//
// Threads: GUI thread. Cost: append is O(1) amortized (O(log n) for a point older than the
// series' newest); a replot is O(points) of the dirty series.
class TimeSeriesChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeSeriesChart)

public:
    static constexpr std::chrono::milliseconds kReplotInterval{40};
    static constexpr std::chrono::milliseconds kReplotBudget{8};

    // What tells one chart from another on a page of several: set in one go by the constructor
    // below, the same as the setters one by one.
    struct Setup
    {
        QString objectName;
        QString title;
        QString unit;
        int decimals = 0;
        std::chrono::milliseconds window{60000};
        QString exportName;
    };

    explicit TimeSeriesChart(QWidget *parent = nullptr);
    TimeSeriesChart(const Setup &setup, QWidget *parent);
    ~TimeSeriesChart() override;

    void setTitle(const QString &title);
    // How far back from the newest point data is kept and shown (default 60 s).
    void setWindow(std::chrono::milliseconds window);
    std::chrono::milliseconds window() const { return m_window; }
    // The unit values are shown with ("records/s"), and their decimals, in tooltips and axis.
    void setUnit(const QString &unit, int decimals = 0);
    // The name CSV and PNG files are suggested under ("producer-records").
    void setExportName(const QString &name) { m_exportName = name; }
    // Room over the largest value before the value axis ends, as a factor (default 1: the axis
    // ends at the first round number at or over it). 1.1 keeps a line at a round limit off the
    // chart's top edge.
    void setHeadroom(double factor);

    // Adds a series; returns its index. An invalid colour takes the theme's.
    int addSeries(const QString &name, const QColor &color = {});
    // A series in a theme tone, chosen again for the palette whenever it changes.
    int addSeries(const QString &name, Theme::Series tone);
    int seriesCount() const { return static_cast<int>(m_series.size()); }
    QString seriesName(int series) const;

    // A value at `timeMs` (ms since the epoch). A time the series already has replaces its value
    // (a second still being counted); points older than the window are dropped.
    void append(int series, qint64 timeMs, double value);
    // Removes every point of every series (the series stay).
    void clearPoints();
    // The time axis ends at `endMs` (or the newest point, when later) and always spans the whole
    // window, even where no series has points: for charts read over one fixed range, so that a
    // chart with fewer points has the same time axis as its neighbours.
    void setRangeEnd(qint64 endMs);

    // The points kept (x: ms since the epoch), oldest first.
    QList<QPointF> points(int series) const;
    // The points drawn by the last replot (decimated when there are more than pixels).
    QList<QPointF> plottedPoints(int series) const;
    QLineSeries *lineSeries(int series) const;
    // Replots so far (one per tick, including the ticks that finish a replot begun before).
    int replotCount() const { return m_replots; }
    bool replotPending() const { return m_replotTimer.isActive(); }
    QChart *chart() const { return m_chart; }
    QChartView *view() const { return m_view; }
    QDateTimeAxis *timeAxis() const { return m_timeAxis; }
    QValueAxis *valueAxis() const { return m_valueAxis; }

    // The tooltip for `viewPos` (in view coordinates): "name: value unit" and the time of the
    // nearest point within 24 pixels, or empty.
    QString hoverTextAt(const QPoint &viewPos) const;
    // "time,<series>,…" then one row per time any series has (ISO 8601 UTC), "\r\n" line ends;
    // a series without a point at that time leaves its cell empty.
    QByteArray csv() const;

Q_SIGNALS:
    void replotted();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Series
    {
        QString name;
        QColor color;
        std::optional<Theme::Series> tone; // when set, `color` follows the palette
        QList<QPointF> points; // sorted by x
        QLineSeries *line = nullptr;
        QValueAxis *xAxis = nullptr; // hidden: ms since the epoch
        QValueAxis *yAxis = nullptr; // hidden
        QRectF shown;                // the range its axes have (x: time, y: value)
        bool dirty = false;
    };

    void scheduleReplot();
    void replot();
    void trim(Series &series) const;
    void updateAxes();
    void applyPalette();
    QString formatValue(double value) const;
    qint64 cutoff() const;

    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QLineSeries *m_anchor = nullptr; // empty: holds the visible axes
    QList<Series> m_series;
    QRectF m_range;       // the range every series' axes should have
    int m_nextSeries = 0; // where the next replot starts
    QTimer m_replotTimer;
    std::chrono::milliseconds m_window{60000};
    qint64 m_newestMs = 0;
    bool m_hasPoints = false;
    bool m_axesDirty = true;
    QString m_unit;
    int m_decimals = 0;
    double m_headroom = 1;
    qint64 m_rangeEndMs = 0;
    bool m_fixedRange = false;
    QString m_exportName;
    int m_replots = 0;
};

} // namespace shardscope
