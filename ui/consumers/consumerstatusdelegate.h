#pragma once

#include <QStyledItemDelegate>

class QColor;
class QPalette;

namespace shardscope {

enum class ConsumerStatus;

// Draws a consumer's status (ConsumerStatusRole) as a rounded badge behind its text, as the
// stream's status badge: ACTIVE green, CREATING blue (in progress), DELETING red, in the theme's
// status tones for the palette, with the theme's badge text colour on them.
//
// Threads: GUI thread.
class ConsumerStatusDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsumerStatusDelegate)

public:
    explicit ConsumerStatusDelegate(QObject *parent = nullptr);

    // The badge's colour for `status` on `palette` (opaque).
    static QColor colorOf(ConsumerStatus status, const QPalette &palette);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace shardscope
