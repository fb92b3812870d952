#pragma once

class QChart;
class QPalette;

namespace shardscope {

// Gives a chart the light or dark chart theme that matches the widget palette (a dark window
// gets ChartThemeDark) and the palette's window colour as its background, so charts read well
// in both and sit flush with the page. Series colours set by the caller are re-applied after.
void applyChartPalette(QChart *chart, const QPalette &palette);

} // namespace shardscope
