#include "usagebardelegate.h"

#include "models/modelroles.h"
#include "theme/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QStyle>

#include <algorithm>

namespace shardscope {

namespace {
// How much of the bar's colour shows over the cell's background.
constexpr int kBarAlpha = 150;
} // namespace

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

    QColor bar = barColour(fraction.toDouble(), index.data(ModelRole::UseThrottledRole).toBool(), opt.palette);
    bar.setAlpha(kBarAlpha);
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

} // namespace shardscope
