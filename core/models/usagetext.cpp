#include "usagetext.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace shardscope {

namespace {

// A rate as people read it: whole numbers, with a tenth below 10 when there is one (CloudWatch's
// per-minute sums over 60 give 0.5 records/s).
QString number(double value)
{
    const QLocale locale;
    if (value < 10 && std::abs(value - std::round(value)) >= 0.05)
        return locale.toString(value, 'f', 1);
    return locale.toString(qint64(std::llround(value)));
}

QString bytesPerSecond(qint64 bytes)
{
    return UsageText::rate(double(bytes), ShardUsage::Measure::Bytes);
}

} // namespace

QString UsageText::percent(double fraction)
{
    return tr("%1 %").arg(QLocale().toString(qint64(std::llround(fraction * 100))));
}

QString UsageText::rate(double perSecond, ShardUsage::Measure measure)
{
    switch (measure) {
    case ShardUsage::Measure::Records:
        return tr("%1 rec/s").arg(number(perSecond));
    case ShardUsage::Measure::Calls:
        return tr("%1 calls/s").arg(number(perSecond));
    case ShardUsage::Measure::Bytes: {
        // Whole units without a decimal ("1 MiB/s", the limits), others with one ("4.0 KiB/s").
        const qint64 bytes = std::llround(perSecond);
        qint64 unit = 1;
        while (unit < (qint64(1) << 50) && bytes >= unit * 1024)
            unit *= 1024;
        const int precision = bytes % unit == 0 ? 0 : 1;
        return tr("%1/s").arg(QLocale().formattedDataSize(bytes, precision));
    }
    }
    return {};
}

QString UsageText::cell(const ShardUsage &usage, Direction direction)
{
    const bool write = direction == Direction::Write;
    const std::optional<double> fraction = write ? usage.writeFraction() : usage.readFraction();
    if (!fraction)
        return usage.needsEnhancedMonitoring ? tr("Needs enhanced monitoring") : QString();
    const ShardUsage::Measure measure = write ? usage.tightestWrite() : usage.tightestRead();
    std::optional<double> value;
    switch (measure) {
    case ShardUsage::Measure::Records:
        value = usage.writeRecordsPerSecond;
        break;
    case ShardUsage::Measure::Calls:
        value = usage.readCallsPerSecond;
        break;
    case ShardUsage::Measure::Bytes:
        value = write ? usage.writeBytesPerSecond : usage.readBytesPerSecond;
        break;
    }
    return tr("%1 · %2").arg(percent(*fraction), rate(value.value_or(0), measure));
}

QString UsageText::toolTip(const ShardUsage &usage)
{
    const ShardUsage::Limits &l = usage.limits;
    const auto figure = [](const std::optional<double> &value, ShardUsage::Measure measure,
                           qint64 limit) {
        if (!value)
            return tr("not measured (limit %1)").arg(rate(double(limit), measure));
        return tr("%1 of %2").arg(rate(*value, measure), rate(double(limit), measure));
    };
    QStringList lines;
    lines << tr("Writes: %1, %2")
                 .arg(figure(usage.writeRecordsPerSecond, ShardUsage::Measure::Records,
                             l.writeRecordsPerSecond),
                      figure(usage.writeBytesPerSecond, ShardUsage::Measure::Bytes,
                             l.writeBytesPerSecond));
    lines << tr("Reads: %1, %2")
                 .arg(figure(usage.readCallsPerSecond, ShardUsage::Measure::Calls,
                             l.readCallsPerSecond),
                      figure(usage.readBytesPerSecond, ShardUsage::Measure::Bytes,
                             l.readBytesPerSecond));
    if (usage.writesThrottledPerSecond > 0)
        lines << tr("Throttled writes: %1")
                     .arg(rate(usage.writesThrottledPerSecond, ShardUsage::Measure::Records));
    if (usage.readsThrottledPerSecond > 0)
        lines << tr("Throttled reads: %1")
                     .arg(rate(usage.readsThrottledPerSecond, ShardUsage::Measure::Calls));
    lines << (usage.windowMs >= 60'000 ? tr("Averaged over the last complete minute (CloudWatch)")
                                       : tr("Over the last second"));
    lines << (usage.enforced ? tr("Limits enforced") : tr("Limits not enforced"));
    if (usage.needsEnhancedMonitoring)
        lines << tr("Some figures need enhanced (shard-level) monitoring on the stream");
    return lines.join(u'\n');
}

QString UsageText::limits(const ShardUsage::Limits &limits, bool enforced)
{
    const QString figures =
        tr("writes %1 records/s and %2, reads %3 calls/s and %4")
            .arg(QLocale().toString(limits.writeRecordsPerSecond),
                 bytesPerSecond(limits.writeBytesPerSecond),
                 QLocale().toString(limits.readCallsPerSecond),
                 bytesPerSecond(limits.readBytesPerSecond));
    return enforced ? tr("Enforced per shard: %1").arg(figures)
                    : tr("Not enforced (per shard: %1)").arg(figures);
}

QString UsageText::hottest(const QList<ShardUsage> &usage)
{
    if (usage.isEmpty())
        return {};
    const std::optional<ShardUsage> hottest = hottestShard(usage);
    if (!hottest) {
        const bool needsMonitoring = std::any_of(usage.cbegin(), usage.cend(), [](const ShardUsage &u) {
            return u.needsEnhancedMonitoring;
        });
        return needsMonitoring ? tr("Needs enhanced monitoring") : QString();
    }
    const double write = hottest->writeFraction().value_or(0);
    const double read = hottest->readFraction().value_or(0);
    if (write <= 0 && read <= 0)
        return tr("Idle");
    return write >= read ? tr("%1: %2 of its write limit").arg(hottest->shardId, percent(write))
                         : tr("%1: %2 of its read limit").arg(hottest->shardId, percent(read));
}

} // namespace shardscope
