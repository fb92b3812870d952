// The live line chart under load: 64 series × 900 points (15 minutes at one point per second),
// every series getting its next point as a dashboard would, but 20 times per second instead of
// once, so 10 s of run time go through 200 seconds of data. A 1 ms timer probes the GUI thread:
// the longest gap between its ticks beyond its interval is the worst stall a user would feel.
// Runs on the platform QT_QPA_PLATFORM says (offscreen by default; xcb under xvfb-run).
//
// Prints chart_redraw_max_stall, chart_redraw_p50_stall and chart_redraw_p99_stall (replot and
// paint together) and the replots done.

#include "charts/timeserieschart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace shardscope;

namespace {

constexpr int kSeries = 64;
constexpr int kPoints = 900;
constexpr qint64 kT0 = 1'700'000'000'000;

double valueAt(int series, qint64 second)
{
    return 500 + 400 * std::sin(static_cast<double>(second) / 17.0 + series) +
           static_cast<double>((second * 7919 + series * 104729) % 97);
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<qsizetype>(std::ceil(p * static_cast<double>(values.size())) - 1);
    return values[std::clamp<qsizetype>(at, 0, values.size() - 1)];
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    TimeSeriesChart chart;
    chart.setWindow(std::chrono::seconds(kPoints));
    chart.setUnit(u"records/s"_s);
    for (int s = 0; s < kSeries; ++s)
        chart.addSeries(u"series %1"_s.arg(s));
    qint64 second = 0;
    for (; second < kPoints; ++second) {
        for (int s = 0; s < kSeries; ++s)
            chart.append(s, kT0 + second * 1000, valueAt(s, second));
    }
    chart.resize(1280, 800);
    chart.show();

    QTimer feed;
    feed.setInterval(50ms);
    QObject::connect(&feed, &QTimer::timeout, &chart, [&] {
        for (int s = 0; s < kSeries; ++s)
            chart.append(s, kT0 + second * 1000, valueAt(s, second));
        ++second;
    });

    QList<double> gapsMs;
    QElapsedTimer probeClock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1ms);
    QObject::connect(&probe, &QTimer::timeout, &chart, [&] {
        if (probeClock.isValid())
            gapsMs.append(std::max(0.0, static_cast<double>(probeClock.nsecsElapsed()) / 1e6 - 1));
        probeClock.start();
    });

    // Warm up (first layout and paint), then measure.
    QTimer::singleShot(1000, &chart, [&] {
        gapsMs.clear();
        const int replotsBefore = chart.replotCount();
        QTimer::singleShot(10000, &chart, [&, replotsBefore] {
            std::printf("chart_redraw_max_stall: %.1f ms\n", percentile(gapsMs, 1.0));
            std::printf("chart_redraw_p50_stall: %.2f ms\n", percentile(gapsMs, 0.5));
            std::printf("chart_redraw_p99_stall: %.1f ms\n", percentile(gapsMs, 0.99));
            std::printf("chart_replots: %d\n", chart.replotCount() - replotsBefore);
            std::printf("chart_points_per_series: %lld\n",
                        static_cast<long long>(chart.points(0).size()));
            std::fflush(stdout);
            app.quit();
        });
    });
    feed.start();
    probe.start();
    return app.exec();
}
