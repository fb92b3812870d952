// The control plane: Enable/DisableEnhancedMonitoring, UpdateStreamWarmThroughput,
// Describe/UpdateAccountSettings and Put/Get/DeleteResourcePolicy.

#include "enginecore.h"
#include "requestvalidation.h"
#include "resharding.h"

#include "kinesis/consumerarn.h"
#include "kinesis/policydocument.h"

namespace shardscope {

using namespace RequestValidation;

namespace {

QString listText(const QStringList &items)
{
    return u'[' % items.join(QStringLiteral(", ")) % u']';
}

// The metrics a request names, "ALL" expanded.
QStringList requestedMetrics(const QStringList &names)
{
    if (names.contains(kAllShardLevelMetrics))
        return allShardLevelMetrics();
    return names;
}

// Runs `change` on a copy of an ACTIVE stream inside a write job, saves it and returns what
// `change` returned.
template<typename T>
std::expected<T, Error>
changeActiveStream(EngineCore &core, const QString &name,
                   const std::function<std::expected<T, Error>(StreamMeta &, qint64)> &change)
{
    return core.write<T>([&](SqliteDb &db) -> std::expected<T, Error> {
        const qint64 nowMs = core.now();
        const auto current = core.activeStream(name, nowMs);
        if (!current)
            return std::unexpected(current.error());
        auto meta = std::make_shared<StreamMeta>(**current);
        auto result = change(*meta, nowMs);
        if (!result)
            return result;
        if (auto r = core.catalog().persistStream(db, *meta, false); !r)
            return std::unexpected(r.error());
        core.catalog().put(meta);
        return result;
    });
}

std::expected<void, Error> checkResourceArn(const QString &arn)
{
    ValidationErrors v;
    if (arn.isNull())
        v.addNull(QStringLiteral("resourceARN"));
    checkArn(v, QStringLiteral("resourceARN"), arn, true);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    return {};
}

// Sets (or with nullopt removes) the policy of the stream or consumer `arn` names.
std::expected<void, Error> storeResourcePolicy(EngineCore &core, const QString &arn,
                                               const std::optional<QString> &policy)
{
    if (ConsumerArn::parse(arn))
        return ConsumerOperations::setResourcePolicy(core, arn, policy);
    auto resolved = core.resolveArn(arn);
    if (!resolved)
        return std::unexpected(resolved.error());
    return changeActiveStream<void>(core, (*resolved)->name,
                                    [&](StreamMeta &stream, qint64) -> std::expected<void, Error> {
                                        stream.resourcePolicy = policy;
                                        return {};
                                    });
}

} // namespace

namespace ControlPlaneOperations {

std::optional<WarmThroughput> warmThroughput(const StreamMeta &stream, qint64 nowMs)
{
    if (stream.mode != StreamMode::OnDemand)
        return std::nullopt;
    // The write throughput the stream is scaled to handle: its open shards' (a new stream's 4
    // shards: 4 MiB/s). While a scale-out is UPDATING, the throughput it had before.
    const int capacity = int(qint64(stream.openShardCount()) *
                             KinesisLimits::kShardWriteBytesPerSecond / KinesisLimits::kMiB);
    const bool updating = stream.effectiveStatus(nowMs) == StreamStatus::Updating;
    WarmThroughput warm;
    warm.currentMiBps =
        updating && stream.warmPreviousMiBps > 0 ? stream.warmPreviousMiBps : capacity;
    if (stream.warmTargetMiBps > 0)
        warm.targetMiBps = stream.warmTargetMiBps;
    return warm;
}

std::expected<EnhancedMonitoringResponse, Error>
changeEnhancedMonitoring(EngineCore &core, const EnhancedMonitoringRequest &request, bool enable)
{
    ValidationErrors v;
    const QStringList &names = request.shardLevelMetrics;
    const int maxMetrics = int(allShardLevelMetrics().size());
    if (names.isEmpty())
        v.add(QStringLiteral("shardLevelMetrics"), listText(names),
              QStringLiteral("Member must have length greater than or equal to 1"));
    else if (names.size() > maxMetrics)
        v.add(QStringLiteral("shardLevelMetrics"), listText(names),
              QStringLiteral("Member must have length less than or equal to %1").arg(maxMetrics));
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = core.resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    const QStringList requested = requestedMetrics(names);
    return changeActiveStream<EnhancedMonitoringResponse>(
        core, name,
        [&](StreamMeta &stream, qint64 nowMs) -> std::expected<EnhancedMonitoringResponse, Error> {
            EnhancedMonitoringResponse response;
            response.streamName = name;
            response.streamArn = core.streamArn(name);
            response.currentShardLevelMetrics = stream.shardLevelMetrics;
            QStringList desired;
            for (const QString &metric : allShardLevelMetrics()) {
                const bool on = stream.shardLevelMetrics.contains(metric);
                const bool named = requested.contains(metric);
                if (enable ? (on || named) : (on && !named))
                    desired.append(metric);
            }
            response.desiredShardLevelMetrics = desired;
            if (desired != stream.shardLevelMetrics) {
                stream.shardLevelMetrics = desired;
                stream.status = StreamStatus::Updating;
                stream.statusUntilMs = nowMs + core.options().updateDelayMs;
                stream.warmPreviousMiBps = 0; // not a scale-out: the write capacity stays
            }
            return response;
        });
}

std::expected<UpdateStreamWarmThroughputResponse, Error>
updateStreamWarmThroughput(EngineCore &core, const UpdateStreamWarmThroughputRequest &request)
{
    ValidationErrors v;
    checkName(v, QStringLiteral("streamName"), request.target.streamName, false);
    checkArn(v, QStringLiteral("streamARN"), request.target.streamArn, false);
    if (request.warmThroughputMiBps < 0)
        v.valueAtLeast(QStringLiteral("warmThroughputMiBps"), request.warmThroughputMiBps, 0);
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    auto resolved = core.resolve(request.target);
    if (!resolved)
        return std::unexpected(resolved.error());
    const QString name = (*resolved)->name;
    const int target = request.warmThroughputMiBps;
    if (target > KinesisLimits::kMaxWarmThroughputMiBps)
        return std::unexpected(Error{
            ErrorType::LimitExceeded,
            QStringLiteral("Requested warm throughput of %1 MiBps for stream %2 under account %3 "
                           "exceeds the limit of %4 MiBps.")
                .arg(target)
                .arg(name, core.account())
                .arg(KinesisLimits::kMaxWarmThroughputMiBps)});
    return core.write<UpdateStreamWarmThroughputResponse>(
        [&](SqliteDb &db) -> std::expected<UpdateStreamWarmThroughputResponse, Error> {
            const qint64 nowMs = core.now();
            const auto current = core.activeStream(name, nowMs);
            if (!current)
                return std::unexpected(current.error());
            if ((*current)->mode != StreamMode::OnDemand)
                return std::unexpected(invalidArgument(
                    u"Warm throughput can only be configured for streams in ON_DEMAND mode. "
                    u"Stream " % name % u" under account " % core.account() %
                    u" is in PROVISIONED mode."));
            if (!core.catalog().working().billingCommitment.isActive(nowMs))
                return std::unexpected(invalidArgument(
                    u"Warm throughput requires a minimum throughput billing commitment. Enable "
                    u"MinimumThroughputBillingCommitment for account " % core.account() %
                    u" with UpdateAccountSettings first."));
            auto meta = std::make_shared<StreamMeta>(**current);
            const auto before = warmThroughput(*meta, nowMs);
            meta->warmPreviousMiBps = before ? before->currentMiBps.value_or(0) : 0;
            meta->warmTargetMiBps = target;
            // More than the open shards carry: real splits of the widest shards, up to the
            // account's shard limit. Less: the shards stay (on-demand streams do not scale in).
            const int shards = OnDemandScaler::warmShards(core, *meta);
            if (shards > meta->openShardCount()) {
                auto r = ReshardOperations::reshard(
                    core, db, *meta, nowMs, [&](StreamMeta &s, qint64 &counter) {
                        Resharding::splitWidestUntil(s, shards, nowMs, counter);
                    });
                if (!r)
                    return std::unexpected(r.error());
            } else {
                meta->status = StreamStatus::Updating;
                meta->statusUntilMs = nowMs + core.options().updateDelayMs;
                if (auto r = core.catalog().persistStream(db, *meta, false); !r)
                    return std::unexpected(r.error());
            }
            UpdateStreamWarmThroughputResponse response;
            response.streamArn = core.streamArn(name);
            response.streamName = name;
            response.warmThroughput = warmThroughput(*meta, nowMs).value_or(WarmThroughput{});
            core.catalog().put(meta);
            return response;
        });
}

std::expected<AccountSettings, Error> describeAccountSettings(const EngineCore &core)
{
    return AccountSettings{core.snapshot()->billingCommitment.effective(core.now())};
}

std::expected<AccountSettings, Error>
updateAccountSettings(EngineCore &core, const UpdateAccountSettingsRequest &request)
{
    const BillingCommitmentStatus wanted = request.minimumThroughputBillingCommitmentStatus;
    if (wanted == BillingCommitmentStatus::EnabledUntilEarliestAllowedEnd)
        return std::unexpected(Error::validation(
            {u"Value '" % toWire(wanted) %
             u"' at 'minimumThroughputBillingCommitment.status' failed to satisfy constraint: "
             u"Member must satisfy enum value set: [ENABLED, DISABLED]"}));
    return core.write<AccountSettings>([&](SqliteDb &db) -> std::expected<AccountSettings, Error> {
        const qint64 nowMs = core.now();
        BillingCommitmentMeta c = core.catalog().working().billingCommitment;
        const BillingCommitmentStatus status = c.effective(nowMs).status;
        if (wanted == BillingCommitmentStatus::Enabled) {
            if (status == BillingCommitmentStatus::Disabled)
                c = BillingCommitmentMeta{nowMs, nowMs + KinesisLimits::kMinimumThroughputCommitmentMs,
                                          std::nullopt};
            else
                c.endedMs.reset(); // cancels a pending end
        } else if (status == BillingCommitmentStatus::Enabled) {
            // Before the earliest allowed end the commitment runs on until then.
            c.endedMs = std::max(nowMs, c.earliestEndMs.value_or(nowMs));
        }
        if (auto r = core.catalog().persistBillingCommitment(db, c); !r)
            return std::unexpected(r.error());
        core.catalog().setBillingCommitment(c);
        return AccountSettings{c.effective(nowMs)};
    });
}

std::expected<void, Error> putResourcePolicy(EngineCore &core,
                                             const PutResourcePolicyRequest &request)
{
    ValidationErrors v;
    if (request.resourceArn.isNull())
        v.addNull(QStringLiteral("resourceARN"));
    checkArn(v, QStringLiteral("resourceARN"), request.resourceArn, true);
    if (request.policy.isNull())
        v.addNull(QStringLiteral("policy"));
    if (!v.isEmpty())
        return std::unexpected(v.toError());
    // The resource must exist before its policy is looked at.
    if (ConsumerArn::parse(request.resourceArn)) {
        if (auto c = ConsumerOperations::resolve(core, ConsumerTarget::byArn(request.resourceArn));
            !c)
            return std::unexpected(c.error());
    } else if (auto s = core.resolveArn(request.resourceArn); !s) {
        return std::unexpected(s.error());
    }
    if (auto checked = PolicyDocument::check(request.policy); !checked)
        return std::unexpected(invalidArgument(u"Invalid policy document: " % checked.error()));
    return storeResourcePolicy(core, request.resourceArn, request.policy);
}

std::expected<GetResourcePolicyResponse, Error>
getResourcePolicy(const EngineCore &core, const ResourcePolicyTarget &request)
{
    if (auto r = checkResourceArn(request.resourceArn); !r)
        return std::unexpected(r.error());
    std::optional<QString> policy;
    if (ConsumerArn::parse(request.resourceArn)) {
        const auto consumer =
            ConsumerOperations::resolve(core, ConsumerTarget::byArn(request.resourceArn));
        if (!consumer)
            return std::unexpected(consumer.error());
        policy = consumer->first->consumers.value(consumer->second).resourcePolicy;
    } else {
        const auto stream = core.resolveArn(request.resourceArn);
        if (!stream)
            return std::unexpected(stream.error());
        policy = (*stream)->resourcePolicy;
    }
    // A resource without a policy answers with an empty document.
    return GetResourcePolicyResponse{policy.value_or(QStringLiteral("{}"))};
}

std::expected<void, Error> deleteResourcePolicy(EngineCore &core,
                                                const ResourcePolicyTarget &request)
{
    if (auto r = checkResourceArn(request.resourceArn); !r)
        return std::unexpected(r.error());
    const auto current = getResourcePolicy(core, request);
    if (!current)
        return std::unexpected(current.error());
    return storeResourcePolicy(core, request.resourceArn, std::nullopt);
}

QStringList shardLevelMetrics(const EngineCore &core, const QString &streamName)
{
    const StreamMetaPtr stream = core.snapshot()->streams.value(streamName);
    return stream ? stream->shardLevelMetrics : QStringList();
}

} // namespace ControlPlaneOperations
} // namespace shardscope
