#pragma once

#include <QObject>

class QWidget;

namespace shardscope {

// Keeps a dialog tall enough for its word-wrapped labels. A top-level window ignores its
// layout's height-for-width, so a message that wraps to more lines after the window is shown
// would be clipped; this grows the window (never shrinks it) whenever its layout changes.
//
// Threads: GUI thread. Owned by the window it watches.
class HeightFitter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeightFitter)

public:
    static void install(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit HeightFitter(QWidget *window);
    void fit();

    QWidget *m_window;
    bool m_pending = false;
};

} // namespace shardscope
