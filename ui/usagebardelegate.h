#pragma once

#include <QColor>
#include <QStyledItemDelegate>

class QPalette;

namespace shardscope {

// Draws a shard's use of a limit as a bar behind the cell's text ("37 % · 370 rec/s"): its
// length the fraction (UseFractionRole, capped at the full cell), green under 80 %, amber up to
// the limit, red at the limit or when the shard was throttled (UseThrottledRole). The colours
// follow the palette (lighter tones on a dark one) and are laid under the text at partial
// opacity, so the text keeps the palette's contrast. Cells without a fraction paint as usual.
//
// Threads: GUI thread.
class UsageBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageBarDelegate)

public:
    enum class Level { Comfortable, Near, AtLimit };

    explicit UsageBarDelegate(QObject *parent = nullptr);

    static Level levelOf(double fraction, bool throttled);
    // The bar's colour for a level on `palette` (opaque; paint() lays it under the text).
    static QColor colorOf(Level level, const QPalette &palette);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace shardscope
