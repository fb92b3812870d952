#include "tagstatedelegate.h"

#include "models/modelroles.h"
#include "models/tagsmodel.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QToolTip>

namespace shardscope {

TagStateDelegate::TagStateDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void TagStateDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto state = TagState(index.data(ModelRole::TagStateRole).toInt());
    if (state == TagState::Unchanged)
        return;
    option->font.setBold(true);
    option->font.setItalic(state == TagState::Added);
}

bool TagStateDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                 const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.isValid()) {
        const auto state = TagState(index.data(ModelRole::TagStateRole).toInt());
        QString tip;
        if (state == TagState::Added)
            tip = tr("New: added when you apply");
        else if (state == TagState::Modified)
            tip = tr("Changed: saved when you apply");
        if (!tip.isEmpty()) {
            QToolTip::showText(event->globalPos(), tip, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace shardscope
