#include "durationtext.h"

#include <QLocale>

#include <cmath>

namespace shardscope {

namespace {

// Whole numbers, with a tenth below 10 when there is one ("3.2 s", "4 min", "42 s").
QString number(double value)
{
    const QLocale locale;
    const double tenths = std::round(value * 10) / 10;
    if (tenths < 10 && std::abs(tenths - std::round(tenths)) >= 0.05)
        return locale.toString(tenths, 'f', 1);
    return locale.toString(qint64(std::llround(value)));
}

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

} // namespace

QString DurationText::compact(qint64 ms)
{
    if (ms < kSecond)
        return tr("%1 ms").arg(QLocale().toString(std::max<qint64>(ms, 0)));
    // A value that rounds up to the next unit is shown in it ("60 s" reads as "1 min").
    const auto below = [ms](qint64 unit, qint64 next) { return std::llround(double(ms) / unit) * unit < next; };
    if (below(kSecond, kMinute))
        return tr("%1 s").arg(number(double(ms) / kSecond));
    if (below(kMinute, kHour))
        return tr("%1 min").arg(number(double(ms) / kMinute));
    if (below(kHour, kDay))
        return tr("%1 h").arg(number(double(ms) / kHour));
    return tr("%1 d").arg(number(double(ms) / kDay));
}

QString DurationText::ago(qint64 ms)
{
    if (ms < kSecond)
        return tr("just now");
    return tr("%1 ago").arg(compact(ms));
}

} // namespace shardscope
