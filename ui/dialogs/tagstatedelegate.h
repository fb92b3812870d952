#pragma once

#include <QStyledItemDelegate>

namespace shardscope {

// Shows which tags an Apply would change: added and modified rows (TagStateRole) in bold,
// added ones in italics too, with a tooltip that says so.
//
// Threads: GUI thread.
class TagStateDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagStateDelegate)

public:
    explicit TagStateDelegate(QObject *parent = nullptr);

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace shardscope
