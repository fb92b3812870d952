#include "timeserieschart.h"

#include "chartexport.h"
#include "charttheme.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsLayout>
#include <QElapsedTimer>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

constexpr double kHoverRadiusPx = 24;
constexpr int kMaxPlottedPoints = 16000;
constexpr int kMinColumns = 100;
constexpr qint64 kMinSpanMs = 10000;
constexpr int kPixelsPerTimeLabel = 90;

// The smallest of 1, 2, 5 × 10^k that is at least `value` (value > 0).
double niceCeiling(double value)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * magnitude >= value * (1 - 1e-12))
            return step * magnitude;
    }
    return 10 * magnitude;
}

bool lessX(const QPointF &point, double x)
{
    return point.x() < x;
}

// At most two points (the minimum and the maximum, in time order) per pixel column between
// `from` and `to`: a line drawn through them looks like the full one.
QList<QPointF> decimated(const QList<QPointF> &points, double from, double to, int columns)
{
    if (points.size() <= 2 * columns || to <= from)
        return points;
    QList<QPointF> out;
    out.reserve(2 * columns + 2);
    const double perColumn = (to - from) / columns;
    qsizetype i = 0;
    while (i < points.size()) {
        const auto column = static_cast<qint64>(std::floor((points[i].x() - from) / perColumn));
        QPointF low = points[i];
        QPointF high = points[i];
        ++i;
        while (i < points.size() &&
               static_cast<qint64>(std::floor((points[i].x() - from) / perColumn)) == column) {
            if (points[i].y() < low.y())
                low = points[i];
            if (points[i].y() > high.y())
                high = points[i];
            ++i;
        }
        if (low == high) {
            out.append(low);
        } else if (low.x() < high.x()) {
            out.append(low);
            out.append(high);
        } else {
            out.append(high);
            out.append(low);
        }
    }
    return out;
}

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : QWidget(parent), m_chart(new QChart), m_view(new QChartView(m_chart, this)),
      m_timeAxis(new QDateTimeAxis(this)), m_valueAxis(new QValueAxis(this))
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setLocalizeNumbers(true);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setBackgroundRoundness(0);
    m_timeAxis->setFormat(u"HH:mm:ss"_s);
    m_timeAxis->setTickCount(7);
    m_valueAxis->setLabelFormat(u"%.0f"_s);
    // Qt Charts truncates value labels that do not fit the width it measured for earlier ones
    // ("…" for "600,000" after "0.0"); a value cut short is worse than a narrower plot.
    m_valueAxis->setTruncateLabels(false);
    m_valueAxis->setRange(0, 1);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_anchor = new QLineSeries(this);
    m_chart->addSeries(m_anchor);
    m_anchor->attachAxis(m_timeAxis);
    m_anchor->attachAxis(m_valueAxis);
    for (QLegendMarker *marker : m_chart->legend()->markers(m_anchor))
        marker->setVisible(false);

    m_view->setRenderHint(QPainter::Antialiasing, false);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        ChartExport::execMenu(this, m_view->mapToGlobal(pos),
                              m_exportName.isEmpty() ? u"chart"_s : m_exportName,
                              [this] { return csv(); });
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    m_replotTimer.setSingleShot(true);
    m_replotTimer.setInterval(kReplotInterval);
    connect(&m_replotTimer, &QTimer::timeout, this, &TimeSeriesChart::replot);
    updateAxes(); // the window up to now, until the first point comes
    applyPalette();
}

TimeSeriesChart::TimeSeriesChart(const Setup &setup, QWidget *parent) : TimeSeriesChart(parent)
{
    setObjectName(setup.objectName);
    setTitle(setup.title);
    setUnit(setup.unit, setup.decimals);
    setWindow(setup.window);
    setExportName(setup.exportName);
}

TimeSeriesChart::~TimeSeriesChart() = default;

void TimeSeriesChart::setTitle(const QString &title)
{
    m_chart->setTitle(title);
}

void TimeSeriesChart::setWindow(std::chrono::milliseconds window)
{
    m_window = std::max(window, std::chrono::milliseconds(1000));
    for (Series &series : m_series) {
        trim(series);
        series.dirty = true;
    }
    m_axesDirty = true;
    scheduleReplot();
}

void TimeSeriesChart::setUnit(const QString &unit, int decimals)
{
    m_unit = unit;
    m_decimals = std::max(decimals, 0);
    m_valueAxis->setTitleText(unit);
    m_valueAxis->setLabelFormat(u"%.%1f"_s.arg(m_decimals));
}

int TimeSeriesChart::addSeries(const QString &name, const QColor &color)
{
    Series series;
    series.name = name;
    series.color = color;
    series.line = new QLineSeries(this);
    series.line->setName(name);
    m_chart->addSeries(series.line);
    series.xAxis = new QValueAxis(this);
    series.yAxis = new QValueAxis(this);
    m_chart->addAxis(series.xAxis, Qt::AlignBottom);
    m_chart->addAxis(series.yAxis, Qt::AlignLeft);
    series.xAxis->setVisible(false);
    series.yAxis->setVisible(false);
    series.xAxis->setRange(m_range.left(), m_range.right());
    series.yAxis->setRange(m_range.top(), m_range.bottom());
    series.shown = m_range;
    series.line->attachAxis(series.xAxis);
    series.line->attachAxis(series.yAxis);
    if (color.isValid())
        series.line->setColor(color);
    m_series.append(series);
    applyPalette();
    return static_cast<int>(m_series.size()) - 1;
}

int TimeSeriesChart::addSeries(const QString &name, Theme::Series tone)
{
    const int index = addSeries(name, Theme::series(tone, palette()));
    m_series[index].tone = tone;
    return index;
}

QString TimeSeriesChart::seriesName(int series) const
{
    return m_series.value(series).name;
}

qint64 TimeSeriesChart::cutoff() const
{
    return m_newestMs - m_window.count();
}

void TimeSeriesChart::append(int index, qint64 timeMs, double value)
{
    if (index < 0 || index >= m_series.size())
        return;
    Series &series = m_series[index];
    const QPointF point(static_cast<double>(timeMs), value);
    if (series.points.isEmpty() || series.points.constLast().x() < point.x()) {
        series.points.append(point);
    } else {
        const auto at = std::lower_bound(series.points.begin(), series.points.end(), point.x(),
                                         lessX);
        if (at != series.points.end() && at->x() == point.x())
            at->setY(value);
        else
            series.points.insert(at, point);
    }
    if (!m_hasPoints || timeMs > m_newestMs) {
        m_newestMs = timeMs;
        m_hasPoints = true;
        m_axesDirty = true;
    }
    trim(series);
    series.dirty = true;
    scheduleReplot();
}

void TimeSeriesChart::clearPoints()
{
    for (Series &series : m_series) {
        series.points.clear();
        series.dirty = true;
    }
    m_hasPoints = false;
    m_axesDirty = true;
    scheduleReplot();
}

void TimeSeriesChart::setRangeEnd(qint64 endMs)
{
    m_rangeEndMs = endMs;
    m_fixedRange = true;
    m_axesDirty = true;
    scheduleReplot();
}

void TimeSeriesChart::trim(Series &series) const
{
    const auto keepFrom = std::lower_bound(series.points.cbegin(), series.points.cend(),
                                           static_cast<double>(cutoff()), lessX);
    if (keepFrom != series.points.cbegin())
        series.points.erase(series.points.cbegin(), keepFrom);
}

QList<QPointF> TimeSeriesChart::points(int series) const
{
    if (series < 0 || series >= m_series.size())
        return {};
    // A series that got no point lately still holds what the newest point of another one has
    // pushed out of the window (it is trimmed at the next replot).
    const QList<QPointF> &kept = m_series[series].points;
    const auto from =
        std::lower_bound(kept.cbegin(), kept.cend(), static_cast<double>(cutoff()), lessX);
    return kept.sliced(from - kept.cbegin());
}

QLineSeries *TimeSeriesChart::lineSeries(int series) const
{
    return series >= 0 && series < m_series.size() ? m_series[series].line : nullptr;
}

QList<QPointF> TimeSeriesChart::plottedPoints(int series) const
{
    if (series < 0 || series >= m_series.size())
        return {};
    return m_series[series].line->points();
}

void TimeSeriesChart::scheduleReplot()
{
    if (isVisible() && !m_replotTimer.isActive())
        m_replotTimer.start();
}

void TimeSeriesChart::replot()
{
    m_replotTimer.stop();
    for (Series &series : m_series)
        trim(series); // the newest point may be another series'
    updateAxes();     // first: new axis labels may change the plot's width
    // Min and max per pixel column, and no more than kMaxPlottedPoints over all series: painting
    // costs about 1 µs per segment, so 64 series of 900 points would take 60 ms to draw.
    const int pixels = std::max(100, static_cast<int>(m_chart->plotArea().width()));
    const auto count = static_cast<int>(m_series.size());
    const int columns =
        std::clamp(kMaxPlottedPoints / (2 * std::max(count, 1)), kMinColumns, pixels);
    QElapsedTimer spent;
    spent.start();
    bool more = false;
    bool updatedOne = false;
    for (int n = 0; n < count; ++n) {
        const int index = (m_nextSeries + n) % count;
        Series &series = m_series[index];
        const bool axesBehind = series.shown != m_range;
        if (!series.dirty && !axesBehind)
            continue;
        if (updatedOne && spent.elapsed() >= kReplotBudget.count()) {
            m_nextSeries = index;
            more = true;
            break;
        }
        updatedOne = true;
        if (axesBehind) {
            if (series.dirty)
                series.line->clear(); // so the outline is computed once, with the new points
            series.xAxis->setRange(m_range.left(), m_range.right());
            series.yAxis->setRange(m_range.top(), m_range.bottom());
            series.shown = m_range;
        }
        if (series.dirty) {
            series.line->replace(
                decimated(series.points, m_range.left(), m_range.right(), columns));
            series.dirty = false;
        }
    }
    ++m_replots;
    Q_EMIT replotted();
    if (more && isVisible())
        m_replotTimer.start(); // the rest in the next tick
}

void TimeSeriesChart::updateAxes()
{
    qint64 newest = m_hasPoints ? m_newestMs : QDateTime::currentMSecsSinceEpoch();
    if (m_fixedRange)
        newest = m_hasPoints ? std::max(m_newestMs, m_rangeEndMs) : m_rangeEndMs;
    // Until the window is full the axis spans the data (at least kMinSpanMs), not an empty
    // stretch before the first point.
    qint64 oldest = newest;
    for (const Series &series : std::as_const(m_series)) {
        if (!series.points.isEmpty())
            oldest = std::min(oldest, static_cast<qint64>(series.points.constFirst().x()));
    }
    const qint64 window = m_window.count();
    const qint64 timeFrom =
        m_fixedRange
            ? newest - window
            : std::max(newest - window, std::min(oldest, newest - std::min(kMinSpanMs, window)));
    if (m_axesDirty || m_timeAxis->min().toMSecsSinceEpoch() != timeFrom) {
        m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(timeFrom),
                             QDateTime::fromMSecsSinceEpoch(newest));
        m_axesDirty = false;
    }
    double low = 0;
    double high = 0;
    for (const Series &series : std::as_const(m_series)) {
        for (const QPointF &point : series.points) {
            low = std::min(low, point.y());
            high = std::max(high, point.y());
        }
    }
    const double top = high > 0 ? niceCeiling(high * m_headroom) : 1;
    const double bottom = low < 0 ? -niceCeiling(-low * m_headroom) : 0;
    // Compared as well as the range: the axis starts at 0..1, so a chart of zeros would keep
    // the unit's format (0, 0, 1, 1, 1) if only a range change set it.
    const QString format = u"%.%1f"_s.arg(top < 5 ? std::max(m_decimals, 1) : m_decimals);
    if (m_valueAxis->min() != bottom || m_valueAxis->max() != top
        || m_valueAxis->labelFormat() != format) {
        m_valueAxis->setRange(bottom, top);
        // Ticks on round numbers: 0, 0.5, 1, 1.5, 2 for 2; 0, 0.5, …, 2.5 for 2.5; fifths else.
        const double leading = top / std::pow(10.0, std::floor(std::log10(top)));
        m_valueAxis->setTickCount(std::abs(leading - 2) < 1e-9 ? 5 : 6);
        m_valueAxis->setLabelFormat(format);
    }
    // x: the time range in ms; y: from bottom (QRectF's top) to top (its bottom).
    m_range = QRectF(QPointF(static_cast<double>(timeFrom), bottom),
                     QPointF(static_cast<double>(newest), top));
}

void TimeSeriesChart::setHeadroom(double factor)
{
    m_headroom = std::max(factor, 1.0);
    m_axesDirty = true;
    scheduleReplot();
}

QString TimeSeriesChart::formatValue(double value) const
{
    const QString number = QLocale().toString(value, 'f', m_decimals);
    return m_unit.isEmpty() ? number : number + u' ' + m_unit;
}

QString TimeSeriesChart::hoverTextAt(const QPoint &viewPos) const
{
    const QPointF position = m_chart->mapFromScene(m_view->mapToScene(viewPos));
    if (!m_chart->plotArea().adjusted(-kHoverRadiusPx, -kHoverRadiusPx, kHoverRadiusPx,
                                      kHoverRadiusPx)
             .contains(position))
        return {};
    const Series *nearest = nullptr;
    QPointF nearestPoint;
    double nearestDistance = kHoverRadiusPx;
    for (const Series &series : m_series) {
        if (!series.line->isVisible() || series.points.isEmpty())
            continue;
        const double time = m_chart->mapToValue(position, series.line).x();
        const auto at =
            std::lower_bound(series.points.cbegin(), series.points.cend(), time, lessX);
        for (auto candidate : {at - 1, at}) {
            if (candidate < series.points.cbegin() || candidate >= series.points.cend())
                continue;
            const QPointF onScreen = m_chart->mapToPosition(*candidate, series.line);
            const double distance = std::hypot(onScreen.x() - position.x(),
                                               onScreen.y() - position.y());
            if (distance <= nearestDistance) {
                nearestDistance = distance;
                nearest = &series;
                nearestPoint = *candidate;
            }
        }
    }
    if (nearest == nullptr)
        return {};
    const QDateTime time =
        QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(nearestPoint.x()));
    return nearest->name + u": "_s + formatValue(nearestPoint.y()) + u'\n' +
           QLocale().toString(time, u"yyyy-MM-dd HH:mm:ss"_s);
}

QByteArray TimeSeriesChart::csv() const
{
    QString out = u"time"_s;
    for (const Series &series : m_series)
        out += u',' + ChartExport::csvField(series.name);
    out += u"\r\n"_s;
    std::map<qint64, QStringList> rows;
    const auto columns = static_cast<qsizetype>(m_series.size());
    for (qsizetype i = 0; i < columns; ++i) {
        for (const QPointF &point : points(static_cast<int>(i))) {
            QStringList &row = rows[static_cast<qint64>(point.x())];
            if (row.isEmpty())
                row.resize(columns);
            row[i] = QString::number(point.y(), 'g', 15);
        }
    }
    for (const auto &[time, cells] : rows) {
        out += QDateTime::fromMSecsSinceEpoch(time, Qt::UTC).toString(Qt::ISODateWithMs);
        for (const QString &cell : cells)
            out += u',' + cell;
        out += u"\r\n"_s;
    }
    return out.toUtf8();
}

void TimeSeriesChart::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    const bool behind =
        m_axesDirty || std::any_of(m_series.cbegin(), m_series.cend(), [this](const Series &s) {
            return s.dirty || s.shown != m_range;
        });
    if (behind)
        replot(); // caught up at once, not 40 ms after the page appears
}

void TimeSeriesChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // As many time labels as fit without being cut.
    m_timeAxis->setTickCount(std::clamp(width() / kPixelsPerTimeLabel, 2, 7));
}

void TimeSeriesChart::hideEvent(QHideEvent *event)
{
    m_replotTimer.stop(); // the dirty series stay dirty until shown again
    QWidget::hideEvent(event);
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void TimeSeriesChart::applyPalette()
{
    applyChartPalette(m_chart, palette());
    for (Series &series : m_series) {
        if (series.tone)
            series.color = Theme::series(*series.tone, palette());
        if (series.color.isValid())
            series.line->setColor(series.color);
        QPen pen = series.line->pen();
        pen.setWidthF(1);
        series.line->setPen(pen);
    }
}

bool TimeSeriesChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::MouseMove) {
            const auto *move = static_cast<QMouseEvent *>(event);
            const QString text = hoverTextAt(move->position().toPoint());
            if (text.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(move->globalPosition().toPoint(), text, m_view);
        } else if (event->type() == QEvent::Leave) {
            QToolTip::hideText();
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace shardscope
