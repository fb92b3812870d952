#pragma once

#include <QStyledItemDelegate>

class QColor;
class QPalette;

namespace shardscope {

enum class ConsumerStatus;

// Draws a consumer's status (ConsumerStatusRole) as a rounded badge behind its text: ACTIVE
// green, CREATING amber, DELETING red, in the usage bars' tones for the palette (lighter on a
// dark one), laid under the text at partial opacity so the text keeps the palette's contrast.
//
// Threads: GUI thread.
class ConsumerStatusDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsumerStatusDelegate)

public:
    explicit ConsumerStatusDelegate(QObject *parent = nullptr);

    // The badge's colour for `status` on `palette` (opaque; paint() lays it under the text).
    static QColor colorOf(ConsumerStatus status, const QPalette &palette);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace shardscope
