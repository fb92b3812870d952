#include "readerstatedelegate.h"

#include "kinesis/shardreader.h"
#include "models/modelroles.h"

#include <QColor>
#include <QPalette>

namespace shardscope {

namespace {

QColor mixed(const QColor &from, const QColor &to, double share)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * share),
                            float(from.greenF() + (to.greenF() - from.greenF()) * share),
                            float(from.blueF() + (to.blueF() - from.blueF()) * share));
}

std::optional<ReaderState> stateOf(const QModelIndex &index)
{
    const QVariant state = index.data(ModelRole::ReaderStateRole);
    if (!state.isValid())
        return std::nullopt;
    return ReaderState(state.toInt());
}

} // namespace

ReaderStateDelegate::ReaderStateDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QColor ReaderStateDelegate::textColor(const QModelIndex &index, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Active, QPalette::Text);
    switch (stateOf(index).value_or(ReaderState::Reading)) {
    case ReaderState::Reading:
        return text;
    case ReaderState::Idle:
        return mixed(text, palette.color(QPalette::Active, QPalette::Base), 0.45);
    case ReaderState::Gone:
        return mixed(palette.color(QPalette::Disabled, QPalette::Text),
                     palette.color(QPalette::Active, QPalette::Base), 0.25);
    }
    return text;
}

void ReaderStateDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto state = stateOf(index);
    if (!state || *state == ReaderState::Reading)
        return;
    const QColor color = textColor(index, option->palette);
    option->palette.setColor(QPalette::Text, color);
    if (*state == ReaderState::Gone)
        option->font.setItalic(true);
}

} // namespace shardscope
