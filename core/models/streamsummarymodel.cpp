#include "streamsummarymodel.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "kinesis/policydocument.h"
#include "models/modelroles.h"
#include "models/usagetext.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace shardscope {

namespace {
// Appends can arrive hundreds of times a second; the counts need not follow faster than this.
constexpr int kCountsIntervalMs = 250;
// The use is polled about once a second to begin with (usageRefreshIntervalMs() after).
constexpr int kUsagePollMs = 1000;
constexpr int kRows = int(StreamProperty::Count);

bool sameSummary(const StreamDescriptionSummary &a, const StreamDescriptionSummary &b)
{
    return a.streamName == b.streamName && a.streamArn == b.streamArn && a.streamId == b.streamId
        && a.streamStatus == b.streamStatus && a.streamMode == b.streamMode
        && a.retentionPeriodHours == b.retentionPeriodHours
        && a.streamCreationTimestamp == b.streamCreationTimestamp
        && a.encryptionType == b.encryptionType && a.keyId == b.keyId
        && a.openShardCount == b.openShardCount && a.consumerCount == b.consumerCount
        && a.maxRecordSizeInKiB == b.maxRecordSizeInKiB
        && a.shardLevelMetrics == b.shardLevelMetrics && a.warmThroughput == b.warmThroughput;
}

// "a, b +3 more": the first `shown` items and how many are left out.
QString firstItems(const QStringList &items, int shown)
{
    QString text = items.mid(0, shown).join(QStringLiteral(", "));
    if (items.size() > shown)
        text += StreamSummaryModel::tr(" +%L1 more").arg(items.size() - shown);
    return text;
}

bool sameSummary(const std::optional<StreamDescriptionSummary> &a,
                 const std::optional<StreamDescriptionSummary> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || sameSummary(*a, *b);
}

ShardStatistics total(const QList<ShardStatistics> &statistics)
{
    ShardStatistics sum;
    for (const ShardStatistics &shard : statistics) {
        sum.recordCount += shard.recordCount;
        sum.bytes += shard.bytes;
    }
    return sum;
}
} // namespace

StreamSummaryModel::StreamSummaryModel(QObject *parent)
    : QAbstractTableModel(parent),
      m_binding([this](const StreamBinding::Refresh &refresh) { fetch(refresh); })
{
    m_binding.setTriggers(SummaryPart | CountsPart, CountsPart);
    m_binding.setMinimumInterval(CountsPart, kCountsIntervalMs);
    m_binding.setPolling(UsagePart, kUsagePollMs);
    m_binding.setPollCondition([](const StreamBackend &backend) { return backend.hasShardUsage(); });
}

StreamSummaryModel::~StreamSummaryModel() = default;

void StreamSummaryModel::setStream(StreamBackend *backend, const QString &streamName)
{
    m_binding.bind(backend, streamName);
    m_binding.setPolling(UsagePart, kUsagePollMs);
    m_binding.setPollingActive(false);
    const bool hadData = m_summary || m_totals || m_error;
    m_summary.reset();
    m_totals.reset();
    m_error.reset();
    m_policy = {};
    m_policyDenied = false;
    m_usage.reset();
    m_usageError.reset();
    // The rows never change; their values (and the stream-wide roles) do.
    emit dataChanged(index(0, 0), index(kRows - 1, ColumnCount - 1));
    if (hadData)
        emit summaryChanged();
    refresh();
    m_binding.resumePolling();
}

void StreamSummaryModel::refresh()
{
    m_policyDenied = false;
    // The use only while it is shown (polled): a hidden view costs no calls.
    m_binding.requestNow(m_binding.withPolled(SummaryPart | CountsPart));
}

void StreamSummaryModel::fetch(StreamBinding::Refresh refresh)
{
    StreamBackend *backend = m_binding.backend();
    // Counts or use alone cannot bring back a stream we have no summary of.
    if (!m_summary)
        refresh.parts |= SummaryPart;
    if (!(refresh.parts & SummaryPart)) {
        fetchStatistics(refresh, Fetched{});
        return;
    }
    const StreamTarget target = StreamTarget::byName(m_binding.streamName());
    m_binding.deliver(refresh, backend->describeStreamSummary(target),
                      [this, refresh](BackendResult<StreamDescriptionSummary> result) {
                          Fetched fetched;
                          if (!result) {
                              fetched.error = result.error();
                              finish(refresh, std::move(fetched));
                              return;
                          }
                          fetched.summary = std::move(*result);
                          fetchPolicy(refresh, std::move(fetched));
                      });
}

void StreamSummaryModel::fetchPolicy(const StreamBinding::Refresh &refresh, Fetched fetched)
{
    if (m_policyDenied) {
        // Every refresh would fail the same way (and fill the activity list with it).
        fetchStatistics(refresh, std::move(fetched));
        return;
    }
    const ResourcePolicyTarget target{fetched.summary->streamArn};
    m_binding.deliver(refresh, m_binding.backend()->getResourcePolicy(target),
                      [this, refresh, fetched = std::move(fetched)](
                          BackendResult<GetResourcePolicyResponse> result) mutable {
                          PolicyState policy;
                          if (result)
                              policy.policy = result->policy;
                          else
                              policy.error = result.error();
                          m_policyDenied = !result && result.error().type == ErrorType::AccessDenied;
                          fetched.policy = std::move(policy);
                          fetchStatistics(refresh, std::move(fetched));
                      });
}

void StreamSummaryModel::fetchStatistics(const StreamBinding::Refresh &refresh, Fetched fetched)
{
    StreamBackend *backend = m_binding.backend();
    // A poll for the use alone does not count the records again.
    if (!backend || !backend->hasShardStatistics() ||
        !(refresh.parts & (SummaryPart | CountsPart))) {
        fetchUsage(refresh, std::move(fetched));
        return;
    }
    m_binding.deliver(refresh, backend->shardStatistics(m_binding.streamName()),
                      [this, refresh, fetched = std::move(fetched)](
                          BackendResult<QList<ShardStatistics>> result) mutable {
                          if (!result) {
                              fetched.summary.reset();
                              fetched.error = result.error();
                              finish(refresh, std::move(fetched));
                              return;
                          }
                          fetched.totals = total(*result);
                          fetchUsage(refresh, std::move(fetched));
                      });
}

void StreamSummaryModel::fetchUsage(const StreamBinding::Refresh &refresh, Fetched fetched)
{
    if (!(refresh.parts & UsagePart) || !m_binding.canPoll()) {
        finish(refresh, std::move(fetched));
        return;
    }
    const StreamTarget target = StreamTarget::byName(m_binding.streamName());
    m_binding.deliver(refresh, m_binding.backend()->shardUsage(target),
                      [this, refresh, fetched = std::move(fetched)](
                          BackendResult<QList<ShardUsage>> result) mutable {
                          if (result)
                              fetched.usage = std::move(*result);
                          else
                              fetched.usageError = result.error();
                          finish(refresh, std::move(fetched));
                      });
}

void StreamSummaryModel::finish(const StreamBinding::Refresh &refresh, Fetched fetched)
{
    if (fetched.usage)
        m_binding.setPolling(UsagePart, usageRefreshIntervalMs(*fetched.usage));
    m_binding.finish(refresh);

    // The use: its own two rows, its own error.
    std::optional<QList<ShardUsage>> nextUsage = m_usage;
    std::optional<Error> nextUsageError = m_usageError;
    if (fetched.usage) {
        nextUsage = std::move(fetched.usage);
        nextUsageError.reset();
    } else if (fetched.usageError) {
        nextUsage.reset();
        nextUsageError = fetched.usageError;
    }
    bool usageChanged = nextUsage != m_usage || nextUsageError != m_usageError;
    m_usage = std::move(nextUsage);
    m_usageError = std::move(nextUsageError);

    const bool pollOnly = !(refresh.parts & (SummaryPart | CountsPart));
    if (pollOnly) {
        if (usageChanged)
            emit dataChanged(index(rowOf(StreamProperty::ThroughputLimits), 0),
                             index(rowOf(StreamProperty::HottestShard), ColumnCount - 1));
        return;
    }

    const std::optional<Error> error = fetched.error;
    std::optional<StreamDescriptionSummary> nextSummary = m_summary;
    std::optional<ShardStatistics> nextTotals = m_totals;
    PolicyState nextPolicy = m_policy;
    if (error) {
        // The values would be stale; show the error in their place.
        nextSummary.reset();
        nextTotals.reset();
        nextPolicy = {};
        if (m_usage) {
            m_usage.reset();
            usageChanged = true;
        }
    } else {
        if (fetched.summary)
            nextSummary = std::move(fetched.summary);
        if (fetched.policy)
            nextPolicy = std::move(*fetched.policy);
        if (fetched.totals)
            nextTotals = fetched.totals;
    }
    const bool changed = !sameSummary(nextSummary, m_summary) || nextTotals != m_totals
        || error != m_error || nextPolicy != m_policy;
    m_summary = std::move(nextSummary);
    m_totals = nextTotals;
    m_policy = std::move(nextPolicy);
    m_error = error;
    if (changed || usageChanged)
        emit dataChanged(index(0, 0), index(kRows - 1, ColumnCount - 1));
    if (changed)
        emit summaryChanged();
    if (error)
        emit refreshFailed(*error);
    else
        emit refreshed();
}

QString StreamSummaryModel::errorText() const
{
    if (!m_error)
        return {};
    if (m_error->type == ErrorType::ResourceNotFound)
        return tr("Stream %1 not found; it may have been deleted.").arg(m_binding.streamName());
    return m_error->message.isEmpty() ? m_error->typeName() : m_error->message;
}

QString StreamSummaryModel::policyText() const
{
    if (m_policy.error) {
        const Error &e = *m_policy.error;
        return tr("Cannot read the policy: %1")
            .arg(e.message.isEmpty() ? e.typeName() : e.typeName() + u": " + e.message);
    }
    if (!m_policy.policy)
        return {}; // not loaded yet
    const auto summary = PolicyDocument::summarize(*m_policy.policy);
    if (!summary)
        return tr("Not a JSON object");
    if (summary->statements == 0)
        return tr("None");
    const QString statements = summary->statements == 1
        ? tr("1 statement")
        : tr("%L1 statements").arg(summary->statements);
    QString actions = firstItems(summary->actions, 3);
    if (!summary->notActions.isEmpty()) {
        const QString except = tr("all but %1").arg(firstItems(summary->notActions, 2));
        actions = actions.isEmpty() ? except : tr("%1; %2").arg(actions, except);
    }
    QString text = tr("%1 — principals: %2 — actions: %3")
                       .arg(statements, firstItems(summary->principals, 2), actions);
    if (summary->hasDeny)
        text += tr(" (with Deny)");
    return text;
}

QString StreamSummaryModel::label(StreamProperty property) const
{
    switch (property) {
    case StreamProperty::Name:
        return tr("Name");
    case StreamProperty::Arn:
        return tr("ARN");
    case StreamProperty::Status:
        return tr("Status");
    case StreamProperty::Mode:
        return tr("Mode");
    case StreamProperty::OpenShards:
        return tr("Open shards");
    case StreamProperty::RetentionHours:
        return tr("Retention (hours)");
    case StreamProperty::MaxRecordSizeKiB:
        return tr("Max record size (KiB)");
    case StreamProperty::EncryptionType:
        return tr("Encryption type");
    case StreamProperty::KmsKey:
        return tr("KMS key");
    case StreamProperty::Consumers:
        return tr("Consumers");
    case StreamProperty::EnhancedMonitoring:
        return tr("Enhanced monitoring");
    case StreamProperty::WarmThroughput:
        return tr("Warm throughput");
    case StreamProperty::ResourcePolicy:
        return tr("Resource policy");
    case StreamProperty::Created:
        return tr("Created");
    case StreamProperty::Records:
        return tr("Records");
    case StreamProperty::Bytes:
        return tr("Bytes");
    case StreamProperty::ThroughputLimits:
        return tr("Throughput limits");
    case StreamProperty::HottestShard:
        return tr("Hottest shard");
    case StreamProperty::Count:
        break;
    }
    return {};
}

QVariant StreamSummaryModel::rawValue(StreamProperty property) const
{
    if (property == StreamProperty::Records)
        return m_totals ? QVariant(m_totals->recordCount) : QVariant();
    if (property == StreamProperty::Bytes)
        return m_totals ? QVariant(m_totals->bytes) : QVariant();
    if (property == StreamProperty::ThroughputLimits) {
        if (!m_usage || m_usage->isEmpty())
            return {};
        return m_usage->constFirst().enforced;
    }
    if (property == StreamProperty::HottestShard) {
        const std::optional<ShardUsage> hottest =
            m_usage ? hottestShard(*m_usage) : std::optional<ShardUsage>();
        if (!hottest)
            return {};
        return std::max(hottest->writeFraction().value_or(0), hottest->readFraction().value_or(0));
    }
    if (!m_summary)
        return {};
    const StreamDescriptionSummary &s = *m_summary;
    switch (property) {
    case StreamProperty::Name:
        return s.streamName;
    case StreamProperty::Arn:
        return s.streamArn;
    case StreamProperty::Status:
        return int(s.streamStatus);
    case StreamProperty::Mode:
        return int(s.streamMode);
    case StreamProperty::OpenShards:
        return s.openShardCount;
    case StreamProperty::RetentionHours:
        return s.retentionPeriodHours;
    case StreamProperty::MaxRecordSizeKiB:
        return s.maxRecordSizeInKiB;
    case StreamProperty::EncryptionType:
        return int(s.encryptionType);
    case StreamProperty::KmsKey:
        return s.keyId;
    case StreamProperty::Consumers:
        return s.consumerCount;
    case StreamProperty::EnhancedMonitoring:
        return s.shardLevelMetrics;
    case StreamProperty::WarmThroughput:
        return s.warmThroughput && s.warmThroughput->targetMiBps
            ? QVariant(*s.warmThroughput->targetMiBps)
            : QVariant();
    case StreamProperty::ResourcePolicy:
        return m_policy.policy ? QVariant(*m_policy.policy) : QVariant();
    case StreamProperty::Created:
        return QDateTime::fromMSecsSinceEpoch(s.streamCreationTimestamp, Qt::UTC);
    case StreamProperty::Records:
    case StreamProperty::Bytes:
    case StreamProperty::ThroughputLimits:
    case StreamProperty::HottestShard:
    case StreamProperty::Count:
        break;
    }
    return {};
}

QString StreamSummaryModel::displayValue(StreamProperty property) const
{
    if (m_error)
        return errorText();
    const QLocale locale;
    if (property == StreamProperty::Records || property == StreamProperty::Bytes) {
        if (m_totals) {
            return property == StreamProperty::Records
                ? locale.toString(m_totals->recordCount)
                : locale.formattedDataSize(m_totals->bytes, 1);
        }
        if (m_summary && m_binding.backend() && !m_binding.backend()->hasShardStatistics())
            return tr("Not available");
        return {};
    }
    if (property == StreamProperty::ThroughputLimits || property == StreamProperty::HottestShard) {
        if (m_usageError)
            return tr("Cannot measure the use: %1").arg(m_usageError->message);
        if (m_usage) {
            if (property == StreamProperty::HottestShard)
                return UsageText::hottest(*m_usage);
            if (!m_usage->isEmpty())
                return UsageText::limits(m_usage->constFirst().limits, m_usage->constFirst().enforced);
            return {};
        }
        if (m_summary && m_binding.backend() && !m_binding.backend()->hasShardUsage())
            return tr("Not available");
        return {};
    }
    if (!m_summary)
        return {}; // not loaded yet
    const StreamDescriptionSummary &s = *m_summary;
    switch (property) {
    case StreamProperty::Name:
        return s.streamName;
    case StreamProperty::Arn:
        return s.streamArn;
    case StreamProperty::Status:
        switch (s.streamStatus) {
        case StreamStatus::Creating:
            return tr("Creating");
        case StreamStatus::Deleting:
            return tr("Deleting");
        case StreamStatus::Active:
            return tr("Active");
        case StreamStatus::Updating:
            return tr("Updating");
        }
        return {};
    case StreamProperty::Mode:
        return s.streamMode == StreamMode::OnDemand ? tr("On-demand") : tr("Provisioned");
    case StreamProperty::OpenShards:
        return locale.toString(s.openShardCount);
    case StreamProperty::RetentionHours: {
        const int hours = s.retentionPeriodHours;
        const auto hoursText = [&](int h) {
            return h == 1 ? tr("1 hour") : tr("%1 hours").arg(locale.toString(h));
        };
        if (hours < 24)
            return hoursText(hours);
        const int days = hours / 24;
        const QString daysText = days == 1 ? tr("1 day") : tr("%1 days").arg(locale.toString(days));
        if (hours % 24 == 0)
            return tr("%1 (%2)").arg(hoursText(hours), daysText);
        return tr("%1 (%2 %3)").arg(hoursText(hours), daysText, hoursText(hours % 24));
    }
    case StreamProperty::MaxRecordSizeKiB: {
        const int kib = s.maxRecordSizeInKiB;
        const QString text = tr("%1 KiB").arg(locale.toString(kib));
        if (kib >= 1024 && kib % 1024 == 0)
            return tr("%1 (%2 MiB)").arg(text, locale.toString(kib / 1024));
        return text;
    }
    case StreamProperty::EncryptionType:
        return s.encryptionType == EncryptionType::Kms ? tr("KMS") : tr("None");
    case StreamProperty::KmsKey:
        return s.keyId.isEmpty() ? tr("None") : s.keyId;
    case StreamProperty::Consumers:
        return locale.toString(s.consumerCount);
    case StreamProperty::EnhancedMonitoring: {
        if (s.shardLevelMetrics.isEmpty())
            return tr("Off");
        const QStringList all = allShardLevelMetrics();
        const bool everything = std::all_of(all.begin(), all.end(), [&](const QString &metric) {
            return s.shardLevelMetrics.contains(metric);
        });
        return everything ? tr("All") : s.shardLevelMetrics.join(QStringLiteral(", "));
    }
    case StreamProperty::WarmThroughput: {
        if (s.streamMode != StreamMode::OnDemand)
            return tr("— (on-demand streams only)");
        if (!s.warmThroughput || !s.warmThroughput->currentMiBps)
            return tr("Not set");
        const QString current = tr("%L1 MiB/s").arg(*s.warmThroughput->currentMiBps);
        if (!s.warmThroughput->targetMiBps)
            return tr("None requested (now %1)").arg(current);
        return tr("Target %1, now %2")
            .arg(tr("%L1 MiB/s").arg(*s.warmThroughput->targetMiBps), current);
    }
    case StreamProperty::ResourcePolicy:
        return policyText();
    case StreamProperty::Created:
        return locale.toString(
            QDateTime::fromMSecsSinceEpoch(s.streamCreationTimestamp, Qt::UTC).toLocalTime(),
            QLocale::ShortFormat);
    case StreamProperty::Records:
    case StreamProperty::Bytes:
    case StreamProperty::ThroughputLimits:
    case StreamProperty::HottestShard:
    case StreamProperty::Count:
        break;
    }
    return {};
}

int StreamSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kRows;
}

int StreamSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StreamSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StreamProperty property = propertyAt(index.row());
    const bool valueColumn = index.column() == ValueColumn;
    switch (role) {
    case Qt::DisplayRole:
        return valueColumn ? displayValue(property) : label(property);
    case Qt::ToolTipRole:
        // The policy's row shows a summary; its tip the whole document.
        if (valueColumn && property == StreamProperty::ResourcePolicy && !m_error
            && m_policy.policy && PolicyDocument::summarize(*m_policy.policy).value_or(
                   PolicyDocument::Summary{}).statements > 0)
            return *m_policy.policy;
        return valueColumn ? QVariant(displayValue(property)) : QVariant();
    case Qt::EditRole:
        return valueColumn ? rawValue(property) : QVariant(label(property));
    case Qt::UserRole:
        return rawValue(property);
    case ModelRole::PropertyRole:
        return int(property);
    case ModelRole::ErrorRole:
        return errorText();
    case ModelRole::StreamNameRole:
        return m_binding.streamName();
    case ModelRole::StreamArnRole:
        return rawValue(StreamProperty::Arn);
    case ModelRole::StreamStatusRole:
        return rawValue(StreamProperty::Status);
    case ModelRole::StreamModeRole:
        return rawValue(StreamProperty::Mode);
    case ModelRole::StreamCreationTimeRole:
        return rawValue(StreamProperty::Created);
    case ModelRole::RecordCountRole:
        return rawValue(StreamProperty::Records);
    case ModelRole::BytesRole:
        return rawValue(StreamProperty::Bytes);
    default:
        return {};
    }
}

QVariant StreamSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == LabelColumn ? tr("Property") : tr("Value");
}

QHash<int, QByteArray> StreamSummaryModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(Qt::UserRole, "value");
    names.insert(ModelRole::PropertyRole, "property");
    names.insert(ModelRole::ErrorRole, "error");
    names.insert(ModelRole::StreamNameRole, "streamName");
    names.insert(ModelRole::StreamStatusRole, "streamStatus");
    names.insert(ModelRole::RecordCountRole, "recordCount");
    names.insert(ModelRole::BytesRole, "bytes");
    return names;
}

} // namespace shardscope
