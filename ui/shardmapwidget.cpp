#include "shardmapwidget.h"

#include "models/modelroles.h"

#include <QAbstractItemModel>
#include <QAbstractProxyModel>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QToolTip>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMargin = 8;
constexpr int kClosedLane = 14;
constexpr int kLaneGap = 6;
constexpr int kAxis = 16;

} // namespace

ShardMapWidget::ShardMapWidget(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Shard map"));
}

void ShardMapWidget::setModel(QAbstractItemModel *model, QItemSelectionModel *selection)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    if (m_selection)
        disconnect(m_selection, nullptr, this, nullptr);
    m_model = model;
    m_selection = selection;
    if (m_model) {
        const auto repaint = [this] { update(); };
        connect(m_model, &QAbstractItemModel::modelReset, this, repaint);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, repaint);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, repaint);
        connect(m_model, &QAbstractItemModel::dataChanged, this, repaint);
        connect(m_model, &QAbstractItemModel::layoutChanged, this, repaint);
    }
    if (m_selection)
        connect(m_selection, &QItemSelectionModel::currentChanged, this, [this] { update(); });
    update();
}

QSize ShardMapWidget::sizeHint() const
{
    return {600, kMargin * 2 + kClosedLane + kLaneGap + fontMetrics().height() * 2 + 16 + kAxis};
}

QSize ShardMapWidget::minimumSizeHint() const
{
    return {200, sizeHint().height()};
}

int ShardMapWidget::currentSourceRow() const
{
    if (!m_selection)
        return -1;
    QModelIndex current = m_selection->currentIndex();
    // Walk down proxies to the model we draw.
    while (current.isValid() && current.model() != m_model) {
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(current.model());
        if (!proxy)
            return -1;
        current = proxy->mapToSource(current);
    }
    return current.isValid() ? current.row() : -1;
}

QList<ShardMapWidget::Segment> ShardMapWidget::layoutSegments() const
{
    QList<Segment> segments;
    if (!m_model)
        return segments;
    const int rows = m_model->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_model->index(row, 0);
        Segment segment;
        segment.row = row;
        segment.shardId = index.data(ModelRole::ShardIdRole).toString();
        segment.open = index.data(ModelRole::ShardStateRole).toInt() == int(ShardState::Open);
        segment.start = index.data(ModelRole::HashRangeStartFractionRole).toDouble();
        segment.end = index.data(ModelRole::HashRangeEndFractionRole).toDouble();
        segment.records = index.data(ModelRole::RecordCountRole);
        segments.append(segment);
    }
    return segments;
}

void ShardMapWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QRectF area = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const qreal width = area.width();
    const QRectF closedLane(area.left(), area.top(), width, kClosedLane);
    const QRectF openLane(area.left(), closedLane.bottom() + kLaneGap, width,
                          area.height() - kClosedLane - kLaneGap - kAxis);

    m_segments = layoutSegments();
    if (m_segments.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter, tr("No shards to show"));
        return;
    }
    const int current = currentSourceRow();
    const QColor openFill = pal.color(QPalette::Highlight).lighter(165);
    const QColor closedFill = pal.color(QPalette::Mid);
    int openIndex = 0;
    for (Segment &segment : m_segments) {
        const qreal left = area.left() + segment.start * width;
        const qreal right = area.left() + segment.end * width;
        const QRectF &lane = segment.open ? openLane : closedLane;
        segment.rect = QRectF(left, lane.top(), std::max<qreal>(1.0, right - left), lane.height());
        QColor fill = segment.open ? openFill : closedFill;
        if (segment.open && (openIndex++ % 2) == 1)
            fill = fill.darker(108);
        const bool isCurrent = segment.row == current;
        painter.setPen(QPen(isCurrent ? pal.color(QPalette::Highlight) : pal.color(QPalette::Base),
                            isCurrent ? 2.0 : 1.0));
        painter.setBrush(isCurrent ? pal.color(QPalette::Highlight).lighter(130) : fill);
        painter.drawRect(segment.rect.adjusted(0.5, 0.5, -0.5, -0.5));
        if (!segment.open)
            continue;
        // Label what fits: the shard number, and the record count when there is room.
        const QString shortId = segment.shardId.section(u'-', -1).remove(QRegularExpression(u"^0+(?=\\d)"_s));
        QString label = tr("#%1").arg(shortId);
        if (segment.records.isValid())
            label += u'\n' + (segment.records.toLongLong() == 1
                                   ? tr("1 record")
                                   : tr("%1 records").arg(QLocale().toString(segment.records.toLongLong())));
        painter.setPen(isCurrent ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
        const QRectF textRect = segment.rect.adjusted(3, 2, -3, -2);
        const QFontMetricsF metrics(font());
        if (metrics.horizontalAdvance(label.section(u'\n', -1)) <= textRect.width())
            painter.drawText(textRect, Qt::AlignCenter, label);
        else if (metrics.horizontalAdvance(label.section(u'\n', 0, 0)) <= textRect.width())
            painter.drawText(textRect, Qt::AlignCenter, label.section(u'\n', 0, 0));
    }
    // Axis: the key space from 0 to 2^128 - 1, in quarters.
    painter.setPen(pal.color(QPalette::PlaceholderText));
    const qreal axisY = openLane.bottom() + 3;
    for (int quarter = 0; quarter <= 4; ++quarter) {
        const qreal x = area.left() + width * quarter / 4.0;
        painter.drawLine(QPointF(x, axisY), QPointF(x, axisY + 4));
        const QString text = quarter == 0 ? u"0"_s : quarter == 4 ? u"2¹²⁸"_s : tr("%1%").arg(quarter * 25);
        Qt::Alignment align = quarter == 0 ? Qt::AlignLeft : quarter == 4 ? Qt::AlignRight : Qt::AlignHCenter;
        const QRectF textRect(x - 40 + (quarter == 0 ? 40 : quarter == 4 ? -40 : 0), axisY + 3, 80, kAxis);
        painter.drawText(textRect, align | Qt::AlignTop, text);
    }
}

const ShardMapWidget::Segment *ShardMapWidget::segmentAt(const QPoint &point) const
{
    // Open shards first: they are what people click.
    for (const Segment &segment : m_segments) {
        if (segment.open && segment.rect.contains(point))
            return &segment;
    }
    for (const Segment &segment : m_segments) {
        if (!segment.open && segment.rect.contains(point))
            return &segment;
    }
    return nullptr;
}

void ShardMapWidget::mousePressEvent(QMouseEvent *event)
{
    const Segment *segment = segmentAt(event->position().toPoint());
    if (!segment || !m_selection || !m_model)
        return QWidget::mousePressEvent(event);
    QModelIndex index = m_model->index(segment->row, 0);
    // Map up to the selection's model (through proxies stacked on ours).
    QList<const QAbstractProxyModel *> chain;
    for (auto *model = m_selection->model(); model && model != m_model;) {
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model);
        if (!proxy)
            return;
        chain.prepend(proxy);
        model = proxy->sourceModel();
    }
    for (const QAbstractProxyModel *proxy : chain)
        index = proxy->mapFromSource(index);
    m_selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

bool ShardMapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const Segment *segment = segmentAt(help->pos());
        if (!segment || !m_model) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const QModelIndex index = m_model->index(segment->row, 0);
        QString text = tr("%1 (%2)\nHash keys %3 – %4\n%5–%6% of the key space")
                           .arg(segment->shardId, segment->open ? tr("open") : tr("closed"),
                                index.data(ModelRole::HashRangeStartRole).toString(),
                                index.data(ModelRole::HashRangeEndRole).toString(),
                                QLocale().toString(segment->start * 100, 'f', 1),
                                QLocale().toString(segment->end * 100, 'f', 1));
        if (segment->records.isValid())
            text += u'\n' + tr("%1 records").arg(QLocale().toString(segment->records.toLongLong()));
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace shardscope
