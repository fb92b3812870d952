#include "inlineerrorlabel.h"

#include "kinesis/error.h"

#include <QEvent>

namespace shardscope {

InlineErrorLabel::InlineErrorLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    // Backend messages are quoted as they come; never interpret them as rich text.
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    applyColour();
    hide();
}

void InlineErrorLabel::showMessage(const QString &message)
{
    if (message.isEmpty()) {
        clearMessage();
        return;
    }
    setText(message);
    show();
}

void InlineErrorLabel::showError(const Error &error)
{
    showMessage(describe(error));
}

void InlineErrorLabel::clearMessage()
{
    clear();
    hide();
}

QString InlineErrorLabel::describe(const Error &error)
{
    if (error.message.isEmpty())
        return error.typeName();
    return tr("%1: %2").arg(error.typeName(), error.message);
}

void InlineErrorLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColour();
}

void InlineErrorLabel::applyColour()
{
    // A red that stays readable on light and on dark window colours.
    QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    const QColor red = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
    if (pal.color(QPalette::WindowText) == red)
        return;
    pal.setColor(QPalette::WindowText, red);
    setPalette(pal);
}

} // namespace shardscope
