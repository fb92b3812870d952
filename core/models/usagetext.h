#pragma once

#include "kinesis/shardusage.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace shardscope {

// The words for a shard's use against its throughput limits, shared by the shards table and the
// Overview: "37 % · 370 rec/s", the tooltip with every figure and limit, the limits a stream
// enforces and its hottest shard. Stateless; any thread (the locale is the default QLocale).
class UsageText final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::UsageText)

public:
    UsageText() = delete;

    enum class Direction { Write, Read };

    // "37 %": a fraction of a limit, rounded to a whole per cent.
    static QString percent(double fraction);
    // "370 rec/s", "512 KiB/s", "2 calls/s" (a tenth where a rate below 10 has one).
    static QString rate(double perSecond, ShardUsage::Measure measure);
    // The table cell: the fraction of the tightest limit and that rate ("37 % · 370 rec/s"),
    // "Needs enhanced monitoring" when the rates are not published, empty when unknown.
    static QString cell(const ShardUsage &usage, Direction direction);
    // Every figure beside its limit, the window, whether the limits are enforced, what was
    // throttled. One line each.
    static QString toolTip(const ShardUsage &usage);
    // The Overview's "Throughput limits" row: "Enforced per shard: …" or "Not enforced …".
    static QString limits(const ShardUsage::Limits &limits, bool enforced);
    // The Overview's "Hottest shard" row: "shardId-000000000002: 96 % of its write limit",
    // "Idle", or "Needs enhanced monitoring"; empty for no shards.
    static QString hottest(const QList<ShardUsage> &usage);
};

} // namespace shardscope
