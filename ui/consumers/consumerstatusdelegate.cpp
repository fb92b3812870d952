#include "consumerstatusdelegate.h"

#include "kinesis/api.h"
#include "models/modelroles.h"
#include "theme/theme.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace shardscope {

namespace {
// Room around the text inside the badge.
constexpr int kPaddingX = 8;
constexpr int kPaddingY = 2;
} // namespace

ConsumerStatusDelegate::ConsumerStatusDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QColor ConsumerStatusDelegate::colorOf(ConsumerStatus status, const QPalette &palette)
{
    // The stream status badge's tones: settled, on its way, going away.
    return Theme::status(Theme::of(status), palette);
}

void ConsumerStatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    const QVariant status = index.data(ModelRole::ConsumerStatusRole);
    if (!status.isValid()) {
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

    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const int textWidth = opt.fontMetrics.horizontalAdvance(text);
    QRect badge(textRect.left() + 2, opt.rect.top() + kPaddingY, textWidth + 2 * kPaddingX,
                opt.rect.height() - 2 * kPaddingY);
    badge = badge.intersected(opt.rect.adjusted(2, 0, -2, 0));
    const QColor fill = colorOf(ConsumerStatus(status.toInt()), opt.palette);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
    painter->setPen(Theme::badgeText(opt.palette));
    painter->setFont(opt.font);
    painter->drawText(badge, int(Qt::AlignCenter),
                      opt.fontMetrics.elidedText(text, Qt::ElideRight, badge.width()));
    painter->restore();
}

QSize ConsumerStatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 2 * kPaddingX + 4;
    return size;
}

} // namespace shardscope
