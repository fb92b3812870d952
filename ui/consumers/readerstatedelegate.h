#pragma once

#include <QStyledItemDelegate>

class QColor;
class QModelIndex;
class QPalette;

namespace shardscope {

// Dims the rows of readers that stopped calling (ReaderStateRole): an idle reader's text
// halfway to the background, a gone one's in the palette's disabled text colour and italic, so
// the ones reading stand out while the others stay legible.
//
// Threads: GUI thread.
class ReaderStateDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderStateDelegate)

public:
    explicit ReaderStateDelegate(QObject *parent = nullptr);

    // The text colour of `index`'s row on `palette`: the palette's own for a reader reading.
    static QColor textColor(const QModelIndex &index, const QPalette &palette);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace shardscope
