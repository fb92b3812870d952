// Stream settings: the retention period, the maximum record size and the capacity mode, and
// what a shorter retention period would drop (for the GUI).

#include "enginecore.h"
#include "requestvalidation.h"

#include <limits>

namespace shardscope {

using namespace RequestValidation;

namespace {

// Runs `change` on a copy of an ACTIVE stream's metadata inside a write job and saves it.
std::expected<void, Error>
changeActiveStream(EngineCore &core, const QString &name,
                   const std::function<std::expected<void, Error>(StreamMeta &)> &change)
{
    return core.write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        const auto current = core.activeStream(name, core.now());
        if (!current)
            return std::unexpected(current.error());
        auto meta = std::make_shared<StreamMeta>(**current);
        if (auto r = change(*meta); !r)
            return r;
        if (auto r = core.catalog().persistStream(db, *meta, false); !r)
            return r;
        core.catalog().put(meta);
        return {};
    });
}

} // namespace

namespace SettingsOperations {

std::expected<void, Error> changeRetention(EngineCore &core, const RetentionPeriodRequest &request,
                                           bool increase)
{
    ValidationErrors v;
    if (request.retentionPeriodHours < 1)
        v.valueAtLeast(QStringLiteral("retentionPeriodHours"), request.retentionPeriodHours, 1);
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = core.resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    if (auto r = checkRetention(v, request.retentionPeriodHours); !r)
        return r;
    const QString name = (*resolved)->name;
    const int hours = request.retentionPeriodHours;
    return changeActiveStream(core, name, [&](StreamMeta &stream) -> std::expected<void, Error> {
        const bool wrongWay =
            increase ? hours < stream.retentionHours : hours > stream.retentionHours;
        if (wrongWay)
            return std::unexpected(invalidArgument(
                QStringLiteral("Requested retention period (%1 hours) for stream %2 can not be %3 "
                               "than existing retention period (%4 hours). Use %5 API.")
                    .arg(hours)
                    .arg(name)
                    .arg(increase ? QStringLiteral("shorter") : QStringLiteral("longer"))
                    .arg(stream.retentionHours)
                    .arg(increase ? QStringLiteral("DecreaseRetentionPeriod")
                                  : QStringLiteral("IncreaseRetentionPeriod"))));
        stream.retentionHours = hours;
        return {};
    });
}

std::expected<void, Error> updateMaxRecordSize(EngineCore &core,
                                               const UpdateMaxRecordSizeRequest &request)
{
    ValidationErrors v;
    checkArn(v, QStringLiteral("streamARN"), request.target.streamArn, false);
    checkRange(v, QStringLiteral("maxRecordSizeInKiB"), request.maxRecordSizeInKiB,
               KinesisLimits::kMinMaxRecordSizeKiB, KinesisLimits::kMaxMaxRecordSizeKiB);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = core.resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    const int size = request.maxRecordSizeInKiB;
    return changeActiveStream(core, name, [size](StreamMeta &stream) -> std::expected<void, Error> {
        stream.maxRecordSizeKiB = size;
        return {};
    });
}

std::expected<void, Error> updateStreamMode(EngineCore &core,
                                            const UpdateStreamModeRequest &request)
{
    ValidationErrors v;
    if (request.streamArn.isNull())
        v.addNull(QStringLiteral("streamARN"));
    checkArn(v, QStringLiteral("streamARN"), request.streamArn, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = core.resolveArn(request.streamArn);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    const StreamMode mode = request.streamMode;
    return core.write<void>([&](SqliteDb &db) -> std::expected<void, Error> {
        const EngineOptions &options = core.options();
        CatalogStore &catalog = core.catalog();
        const qint64 nowMs = core.now();
        const auto current = core.activeStream(name, nowMs);
        if (!current)
            return std::unexpected(current.error());
        if ((*current)->mode == mode)
            return std::unexpected(invalidArgument(u"Stream " % name % u" under account " %
                                                   core.account() % u" is already in " %
                                                   toWire(mode) % u" mode."));
        if (mode == StreamMode::OnDemand) {
            int onDemand = 0;
            for (const StreamMetaPtr &s : catalog.working().streams)
                onDemand += (!s->isGone(nowMs) && s->mode == StreamMode::OnDemand) ? 1 : 0;
            if (onDemand + 1 > options.onDemandStreamCountLimit)
                return std::unexpected(Error{
                    ErrorType::LimitExceeded,
                    QStringLiteral("This request would exceed the on-demand stream count limit "
                                   "for the account %1 in %2. Current on-demand stream count: "
                                   "%3. Limit: %4.")
                        .arg(core.account(), options.region)
                        .arg(onDemand)
                        .arg(options.onDemandStreamCountLimit)});
        }
        auto meta = std::make_shared<StreamMeta>(**current);
        meta->mode = mode;
        meta->status = StreamStatus::Updating;
        meta->statusUntilMs = nowMs + options.updateDelayMs;
        meta->warmPreviousMiBps = 0; // not a scale-out: the write capacity stays
        if (auto r = catalog.persistStream(db, *meta, false); !r)
            return r;
        catalog.put(meta);
        return {};
    });
}

std::expected<ShardStatistics, Error> retentionImpact(const EngineCore &core,
                                                      const QString &streamName, int hours)
{
    const auto catalog = core.snapshot();
    const StreamMetaPtr stream = catalog->streams.value(streamName);
    const qint64 nowMs = core.now();
    if (!stream || stream->isGone(nowMs))
        return std::unexpected(core.notFound(streamName));
    ShardStatistics total{QString(), 0, 0};
    const qint64 horizon = SequenceNumber::counterAt(stream->trimHorizonMs(nowMs));
    const qint64 newHorizon = SequenceNumber::counterAt(nowMs - qint64(hours) * 3600 * 1000);
    if (newHorizon <= horizon)
        return total;
    for (const ShardMeta &shard : stream->shards) {
        const auto tally = core.records().count(stream->id, shard.index, horizon, newHorizon);
        if (!tally)
            return std::unexpected(tally.error());
        total.recordCount += tally->records;
        total.bytes += tally->bytes;
    }
    return total;
}

} // namespace SettingsOperations
} // namespace shardscope
