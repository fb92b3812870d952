#include "ondemandscaler.h"

#include "enginecore.h"
#include "enginelog.h"
#include "resharding.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace shardscope {

namespace {

// Samples are a second's use each; one a second at most, so a window's mean weighs each
// second once however often housekeeping runs.
constexpr qint64 kSampleSpacingMs = 1000;
// A run of samples with a longer gap (housekeeping held up) was not watched: it starts over.
constexpr qint64 kMaxSampleGapMs = 5000;

double share(qint64 used, qint64 limit)
{
    return limit > 0 ? double(used) / double(limit) : 0.0;
}

} // namespace

OnDemandScaler::Capacity OnDemandScaler::capacity(const StreamMeta &stream,
                                                  const ThroughputLimiter::Limits &limits)
{
    const qint64 open = stream.openShardCount();
    return Capacity{open * limits.writeBytesPerSecond, open * limits.writeRecordsPerSecond,
                    open * limits.readBytesPerSecond};
}

int OnDemandScaler::warmShards(const EngineCore &core, const StreamMeta &stream)
{
    const qint64 wanted = (qint64(stream.warmTargetMiBps) * KinesisLimits::kMiB +
                           KinesisLimits::kShardWriteBytesPerSecond - 1) /
                          KinesisLimits::kShardWriteBytesPerSecond;
    return int(std::min<qint64>(wanted, core.options().shardLimit));
}

int OnDemandScaler::maxShards(const EngineCore &core, const StreamMeta &stream)
{
    return std::max(std::min(core.options().onDemandMaxShards, core.options().shardLimit),
                    warmShards(core, stream));
}

std::expected<void, Error> OnDemandScaler::run(EngineCore &core, SqliteDb &db)
{
    // Scaling out answers the throughput limits: with them off nothing is ever throttled, so
    // nothing scales by itself (the limiter still counts the use, for the views).
    if (!core.limiter().isEnabled()) {
        m_streaks.clear();
        return {};
    }
    const qint64 nowMs = core.now();
    const EngineOptions &options = core.options();
    const ThroughputLimiter::Limits &limits = core.limiter().limits();
    const double threshold = options.onDemandScaleOutPercent / 100.0;

    // The last second's use of every shard the limiter counted, by stream.
    QHash<qint64, QList<ThroughputLimiter::Usage>> useByStream;
    for (const ThroughputLimiter::Usage &use : core.limiter().usage(nowMs))
        useByStream[use.streamId].append(use);

    QList<StreamMetaPtr> due;
    QSet<qint64> watched;
    for (const StreamMetaPtr &stream : core.catalog().working().streams) {
        if (stream->mode != StreamMode::OnDemand ||
            stream->effectiveStatus(nowMs) != StreamStatus::Active)
            continue; // an UPDATING stream's shards are changing: its run starts over after
        watched.insert(stream->id);
        auto found = m_streaks.find(stream->id);
        if (found != m_streaks.end() && nowMs - found->lastSampleMs < kSampleSpacingMs)
            continue;
        qint64 bytes = 0;
        qint64 records = 0;
        QHash<quint32, double> shardShares;
        for (const ThroughputLimiter::Usage &use : useByStream.value(stream->id)) {
            if (use.shard >= quint32(stream->shards.size()) || !stream->shards[use.shard].isOpen())
                continue;
            bytes += use.writeBytes;
            records += use.writeRecords;
            shardShares.insert(use.shard,
                               std::max(share(use.writeBytes, limits.writeBytesPerSecond),
                                        share(use.writeRecords, limits.writeRecordsPerSecond)));
        }
        const Capacity cap = capacity(*stream, limits);
        const double fraction = std::max(share(bytes, cap.writeBytesPerSecond),
                                         share(records, cap.writeRecordsPerSecond));
        if (fraction < threshold || fraction <= 0) {
            m_streaks.remove(stream->id);
            continue;
        }
        if (found == m_streaks.end() || nowMs - found->lastSampleMs > kMaxSampleGapMs)
            found = m_streaks.insert(stream->id, Streak{nowMs, nowMs, 0, 0, {}});
        Streak &streak = *found;
        streak.lastSampleMs = nowMs;
        streak.samples++;
        streak.fractionSum += fraction;
        for (auto it = shardShares.cbegin(); it != shardShares.cend(); ++it)
            streak.heat[it.key()] += it.value();
        if (nowMs - streak.sinceMs >= options.onDemandScaleOutWindowMs)
            due.append(stream);
    }
    // Streams that are gone, provisioned again or UPDATING keep no run.
    for (auto it = m_streaks.begin(); it != m_streaks.end();)
        it = watched.contains(it.key()) ? std::next(it) : m_streaks.erase(it);

    for (const StreamMetaPtr &stream : std::as_const(due)) {
        const Streak streak = m_streaks.take(stream->id); // the next run starts afresh
        if (auto r = scaleOut(core, db, *stream, streak, nowMs); !r)
            return r;
    }
    return {};
}

std::expected<void, Error> OnDemandScaler::scaleOut(EngineCore &core, SqliteDb &db,
                                                    const StreamMeta &stream, const Streak &streak,
                                                    qint64 nowMs)
{
    const int open = stream.openShardCount();
    const int cap = maxShards(core, stream);
    // Room for double the mean use over the window, one shard more at least.
    const double meanFraction = streak.fractionSum / std::max(1, streak.samples);
    const int wanted = std::max(open + 1, int(std::ceil(2.0 * meanFraction * open - 1e-9)));
    const int target = std::min(wanted, cap);
    if (target <= open)
        return {}; // at the cap
    // The hottest shards first (the lowest index among equals), each split once this round.
    QList<quint32> candidates;
    for (quint32 index : stream.openShardsByStart) {
        if (Resharding::canSplitAtMidpoint(stream.shards[index]))
            candidates.append(index);
    }
    std::sort(candidates.begin(), candidates.end(), [&](quint32 a, quint32 b) {
        const double ha = streak.heat.value(a);
        const double hb = streak.heat.value(b);
        return ha != hb ? ha > hb : a < b;
    });
    candidates.resize(std::min<qsizetype>(candidates.size(), target - open));
    if (candidates.isEmpty())
        return {};

    auto meta = std::make_shared<StreamMeta>(stream);
    // While UPDATING, the stream reports the write throughput it had (in MiB/s).
    meta->warmPreviousMiBps =
        int(qint64(open) * KinesisLimits::kShardWriteBytesPerSecond / KinesisLimits::kMiB);
    auto r =
        ReshardOperations::reshard(core, db, *meta, nowMs, [&](StreamMeta &s, qint64 &counter) {
            for (quint32 index : std::as_const(candidates))
                Resharding::splitAtMidpoint(s, index, nowMs, counter);
        });
    if (!r)
        return r;
    qCInfo(lcEngine).noquote() << "On-demand stream" << stream.name << "scales out from" << open
                               << "to" << meta->openShardCount() << "shards (write use"
                               << qRound(100 * meanFraction) << "% of its capacity for"
                               << (nowMs - streak.sinceMs) / 1000 << "s).";
    core.catalog().put(std::move(meta));
    return {};
}

} // namespace shardscope
