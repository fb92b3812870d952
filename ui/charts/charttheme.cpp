#include "charttheme.h"

#include "theme/theme.h"

#include <QChart>
#include <QPalette>

namespace shardscope {

void applyChartPalette(QChart *chart, const QPalette &palette)
{
    const QChart::ChartTheme theme =
        Theme::isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme)
        chart->setTheme(theme); // resets series colours: the caller sets its own again
    chart->setBackgroundBrush(palette.brush(QPalette::Window));
    chart->setTitleBrush(palette.brush(QPalette::WindowText));
    chart->legend()->setLabelColor(palette.color(QPalette::WindowText));
}

} // namespace shardscope
