#include "inlineerrorlabel.h"

#include "kinesis/error.h"
#include "theme/theme.h"

namespace shardscope {

InlineErrorLabel::InlineErrorLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    // Backend messages are quoted as they come; never interpret them as rich text.
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    // The theme's error colour, readable on light and on dark palettes, again on every change.
    Theme::colourText(this, Theme::Status::Error);
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

} // namespace shardscope
