#pragma once

#include <QColor>
#include <QStyledItemDelegate>

class QPalette;

namespace shardscope {

// Draws a shard's use of a limit as a bar behind the cell's text ("37 % · 370 rec/s"): its
// length the fraction (UseFractionRole, capped at the full cell), its colour the shard map's for
// the same use (Theme::use: green up to half the limit, through amber at 80 % to red at the
// limit, red too when the shard was throttled, UseThrottledRole). The colours follow the palette
// (lighter tones on a dark one) and are translucent, laid under the text, so the text keeps the
// palette's contrast. Cells without a fraction paint as usual.
//
// Threads: GUI thread.
class UsageBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageBarDelegate)

public:
    explicit UsageBarDelegate(QObject *parent = nullptr);

    // The bar's colour for a use on `palette` (translucent; paint() lays it under the text).
    static QColor barColour(double fraction, bool throttled, const QPalette &palette);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    // Wide enough for a busy shard's text ("100 % · 1,023.9 KiB/s"), so that a column sized
    // while the stream was idle does not cut the figures off once traffic comes.
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace shardscope
