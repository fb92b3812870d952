#include "theme/themeicons.h"

#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPixmap>
#include <QtSvg/QSvgRenderer>

namespace shardscope {

QByteArray ThemeIcons::svg(const QString &name, const QColor &colour)
{
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray data = file.readAll();
    return data.replace("currentColor", colour.name().toLatin1());
}

QIcon ThemeIcons::icon(const QString &name, const QColor &colour)
{
    static QHash<QString, QIcon> cache;
    const QString key = name + u'|' + colour.name(QColor::HexArgb);
    if (const auto it = cache.constFind(key); it != cache.cend())
        return *it;
    QIcon result;
    QSvgRenderer renderer(svg(name, colour));
    if (renderer.isValid()) {
        // Pixmaps at the sizes menus, trees and toolbars ask for, each also at twice the size
        // for high-density screens: a pixmap drawn for its size stays crisp where a scaled one blurs.
        for (const int size : {16, 20, 24, 32, 48}) {
            for (const int scale : {1, 2}) {
                QPixmap pixmap(size * scale, size * scale);
                pixmap.fill(Qt::transparent);
                QPainter painter(&pixmap);
                renderer.render(&painter);
                painter.end();
                pixmap.setDevicePixelRatio(scale);
                result.addPixmap(pixmap);
            }
        }
    }
    cache.insert(key, result);
    return result;
}

} // namespace shardscope
