#include "heightfitter.h"

#include "dialogtext.h"

#include <QEvent>
#include <QWidget>

namespace shardscope {

HeightFitter::HeightFitter(QWidget *window) : QObject(window), m_window(window)
{
    window->installEventFilter(this);
}

void HeightFitter::install(QWidget *window)
{
    new HeightFitter(window);
}

bool HeightFitter::eventFilter(QObject *watched, QEvent *event)
{
    // The window lays itself out on LayoutRequest after this filter; fit once it has.
    if (watched == m_window && event->type() == QEvent::LayoutRequest && !m_pending) {
        m_pending = true;
        QMetaObject::invokeMethod(this, &HeightFitter::fit, Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

void HeightFitter::fit()
{
    m_pending = false;
    DialogText::growToFit(m_window);
}

} // namespace shardscope
