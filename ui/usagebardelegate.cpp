#include "usagebardelegate.h"

#include "models/modelroles.h"
#include "models/usagetext.h"
#include "theme/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QStyle>

#include <algorithm>

namespace shardscope {

UsageBarDelegate::UsageBarDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QColor UsageBarDelegate::barColour(double fraction, bool throttled, const QPalette &palette)
{
    return Theme::use(fraction, throttled, palette);
}

void UsageBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const QVariant fraction = index.data(ModelRole::UseFractionRole);
    if (!fraction.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // The cell's own background and selection, without its text.
    const QString text = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QColor bar = barColour(fraction.toDouble(), index.data(ModelRole::UseThrottledRole).toBool(), opt.palette);
    const QRect track = opt.rect.adjusted(2, 3, -2, -3);
    const int width = int(track.width() * std::clamp(fraction.toDouble(), 0.0, 1.0));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (width > 0) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(bar);
        painter->drawRoundedRect(QRect(track.topLeft(), QSize(width, track.height())), 2, 2);
    }

    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    // A little clear of the bar's rounded start.
    const QRect textRect =
        style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(3, 0, 0, 0);
    painter->setFont(opt.font);
    painter->drawText(textRect, int(Qt::AlignLeft | Qt::AlignVCenter),
                      opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize UsageBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Also before the first figures arrive: that is when the table sizes its columns.
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString busiest = UsageText::percent(1.0) + QStringLiteral(" · ") +
                            UsageText::rate(1023.9 * 1024, ShardUsage::Measure::Bytes);
    // The style's cell margins, and the few pixels paint() keeps clear of the bar's start.
    const int padding = 2 * (option.widget ? option.widget->style() : QApplication::style())
                                ->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option.widget) + 10;
    size.setWidth(std::max(size.width(), option.fontMetrics.horizontalAdvance(busiest) + padding));
    return size;
}

} // namespace shardscope
