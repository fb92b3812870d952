#include "swimlanechart.h"

#include "theme/theme.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMargin = 8;
constexpr int kLabelWidthChars = 22;
constexpr int kTicks = 5;
constexpr int kMinLane = 6;

} // namespace

SwimLaneChart::SwimLaneChart(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

SwimLaneChart::~SwimLaneChart() = default;

void SwimLaneChart::setTitle(const QString &title)
{
    m_title = title;
    update();
}

void SwimLaneChart::setLanes(const QStringList &lanes, const QList<QList<Segment>> &segments)
{
    m_lanes = lanes;
    m_segments = segments;
    m_segments.resize(lanes.size());
    for (const QList<Segment> &lane : std::as_const(m_segments)) {
        for (const Segment &segment : lane) {
            if (!m_holders.contains(segment.holder)) {
                m_holders.append(segment.holder);
                colorOf(segment.holder);
            }
        }
    }
    updateGeometry();
    update();
}

void SwimLaneChart::setTimeRange(qint64 startMs, qint64 endMs)
{
    m_startMs = startMs;
    m_endMs = std::max(endMs, startMs + 1);
    update();
}

void SwimLaneChart::clear()
{
    m_lanes.clear();
    m_segments.clear();
    m_holders.clear();
    m_colors.clear();
    updateGeometry();
    update();
}

QColor SwimLaneChart::colorOf(const QString &holder) const
{
    const auto it = m_colors.constFind(holder);
    if (it != m_colors.cend())
        return *it;
    const QColor color = Theme::category(m_colors.size());
    m_colors.insert(holder, color);
    return color;
}

int SwimLaneChart::laneHeight() const
{
    // A lane a line high, thinner when many lanes share the height (never under kMinLane).
    const int comfortable = fontMetrics().height() + 8;
    if (m_lanes.isEmpty())
        return comfortable;
    const int top = kMargin + (m_title.isEmpty() ? 0 : fontMetrics().height() + 4) + legendHeight();
    const int available = height() - kMargin - fontMetrics().height() - 4 - top;
    return std::clamp(available / int(m_lanes.size()), kMinLane, comfortable);
}

int SwimLaneChart::legendHeight() const
{
    return fontMetrics().height() + 8;
}

QSize SwimLaneChart::sizeHint() const
{
    const int lanes = std::max<int>(int(m_lanes.size()), 2);
    return {600, 2 * kMargin + legendHeight() + fontMetrics().height() * 2 + lanes * laneHeight()};
}

QSize SwimLaneChart::minimumSizeHint() const
{
    const int lanes = std::max<int>(int(m_lanes.size()), 2);
    const int titleAndAxis = 2 * kMargin + legendHeight() + fontMetrics().height() * 2 + 8;
    return {300, titleAndAxis + std::min(lanes * kMinLane * 2, 16 * kMinLane * 2)};
}

QRect SwimLaneChart::plotRect() const
{
    const int labels = fontMetrics().horizontalAdvance(u'x') * kLabelWidthChars;
    const int top = kMargin + (m_title.isEmpty() ? 0 : fontMetrics().height() + 4) + legendHeight();
    const int bottom = height() - kMargin - fontMetrics().height() - 4;
    return QRect(QPoint(kMargin + labels, top), QPoint(width() - kMargin, bottom));
}

int SwimLaneChart::xAt(qint64 ms) const
{
    const QRect plot = plotRect();
    const double f = double(ms - m_startMs) / double(std::max<qint64>(1, m_endMs - m_startMs));
    return plot.left() + int(std::clamp(f, 0.0, 1.0) * plot.width());
}

qint64 SwimLaneChart::timeAt(int x) const
{
    const QRect plot = plotRect();
    const double f = double(x - plot.left()) / double(std::max(1, plot.width()));
    return m_startMs + qint64(f * double(m_endMs - m_startMs));
}

void SwimLaneChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    const QRect plot = plotRect();
    int y = kMargin;
    if (!m_title.isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(kMargin, y, width() - 2 * kMargin, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, m_title);
        p.setFont(font());
        y += fm.height() + 4;
    }
    // Legend: a swatch and a name per holder, plus what hatching means.
    int x = plot.left();
    const int swatch = fm.height() - 4;
    const auto legendItem = [&](const QColor &color, bool hatched, const QString &text) {
        const QRect box(x, y + 2, swatch, swatch);
        p.fillRect(box, hatched ? QBrush(color, Qt::BDiagPattern) : QBrush(color));
        p.setPen(color.darker(130));
        p.drawRect(box.adjusted(0, 0, -1, -1));
        p.setPen(pal.color(QPalette::WindowText));
        x += swatch + 4;
        p.drawText(QRect(x, y, fm.horizontalAdvance(text) + 2, fm.height()), Qt::AlignVCenter, text);
        x += fm.horizontalAdvance(text) + 14;
    };
    for (const QString &holder : std::as_const(m_holders))
        legendItem(colorOf(holder), false, holder);
    if (!m_holders.isEmpty())
        legendItem(pal.color(QPalette::WindowText), true, tr("expired (counter stopped)"));

    // Lanes.
    const int lh = laneHeight();
    const bool labels = lh >= fm.height() - 2; // names only where they fit
    for (int i = 0; i < m_lanes.size(); ++i) {
        const int top = plot.top() + i * lh;
        if (top + lh > plot.bottom() + 1)
            break;
        if (i % 2 == 1)
            p.fillRect(QRect(plot.left(), top, plot.width(), lh), pal.color(QPalette::AlternateBase));
        p.setPen(pal.color(QPalette::WindowText));
        if (labels)
            p.drawText(QRect(kMargin, top, plot.left() - kMargin - 6, lh), Qt::AlignRight | Qt::AlignVCenter,
                       fm.elidedText(m_lanes.at(i), Qt::ElideLeft, plot.left() - kMargin - 6));
        for (const Segment &segment : m_segments.at(i)) {
            if (segment.endMs < m_startMs || segment.startMs > m_endMs)
                continue;
            const int left = xAt(segment.startMs);
            const int right = std::max(xAt(segment.endMs), left + 1);
            const int pad = lh >= 12 ? 3 : 1;
            const QRect bar(left, top + pad, right - left, lh - 2 * pad);
            const QColor color = colorOf(segment.holder);
            if (segment.lapsed) {
                p.fillRect(bar, QBrush(color.lighter(150), Qt::SolidPattern));
                p.fillRect(bar, QBrush(color.darker(150), Qt::BDiagPattern));
            } else {
                p.fillRect(bar, color);
            }
        }
    }
    // Time axis: a frame and a few ticks.
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(plot.adjusted(0, 0, -1, -1));
    p.setPen(pal.color(QPalette::WindowText));
    if (m_endMs > m_startMs) {
        for (int t = 0; t <= kTicks; ++t) {
            const qint64 ms = m_startMs + (m_endMs - m_startMs) * t / kTicks;
            const int tx = xAt(ms);
            p.drawLine(tx, plot.bottom(), tx, plot.bottom() + 3);
            const QString label = QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).time(), u"HH:mm:ss"_s);
            const int w = fm.horizontalAdvance(label);
            const int lx = std::clamp(tx - w / 2, plot.left(), plot.right() - w);
            p.drawText(QRect(lx, plot.bottom() + 4, w + 2, fm.height()), Qt::AlignLeft, label);
        }
    }
}

QString SwimLaneChart::hoverTextAt(const QPoint &pos) const
{
    const QRect plot = plotRect();
    if (!plot.contains(pos))
        return {};
    const int lane = (pos.y() - plot.top()) / laneHeight();
    if (lane < 0 || lane >= m_lanes.size())
        return {};
    const qint64 ms = timeAt(pos.x());
    for (const Segment &segment : m_segments.at(lane)) {
        if (ms < segment.startMs || ms > segment.endMs)
            continue;
        const QLocale locale;
        const QString from = locale.toString(QDateTime::fromMSecsSinceEpoch(segment.startMs).time(), u"HH:mm:ss"_s);
        const QString to = locale.toString(QDateTime::fromMSecsSinceEpoch(segment.endMs).time(), u"HH:mm:ss"_s);
        return segment.lapsed ? tr("%1: %2, expired, %3–%4").arg(m_lanes.at(lane), segment.holder, from, to)
                              : tr("%1: %2, %3–%4").arg(m_lanes.at(lane), segment.holder, from, to);
    }
    return tr("%1: nobody").arg(m_lanes.at(lane));
}

bool SwimLaneChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = hoverTextAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace shardscope
