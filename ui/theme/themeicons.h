#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace shardscope {

// Shardscope's line icons (resources/icons/<name>.svg, 24×24, drawn in "currentColor"), rendered
// in a colour of the caller's choice, usually a Theme colour or the palette's text colour, so
// that they follow the light or dark palette. Rendered once per name and colour at the usual
// icon sizes; an unknown name gives a null icon.
//
// Threads: GUI thread.
class ThemeIcons final
{
public:
    static QIcon icon(const QString &name, const QColor &colour);
    // The icon's SVG with `colour` in place of currentColor; empty when there is no such icon.
    static QByteArray svg(const QString &name, const QColor &colour);
};

} // namespace shardscope
