#include "api.h"

namespace shardscope {

QString toWire(StreamStatus status)
{
    switch (status) {
    case StreamStatus::Creating: return QStringLiteral("CREATING");
    case StreamStatus::Deleting: return QStringLiteral("DELETING");
    case StreamStatus::Active: return QStringLiteral("ACTIVE");
    case StreamStatus::Updating: return QStringLiteral("UPDATING");
    }
    return {};
}

QString toWire(StreamMode mode)
{
    return mode == StreamMode::OnDemand ? QStringLiteral("ON_DEMAND")
                                        : QStringLiteral("PROVISIONED");
}

QString toWire(EncryptionType type)
{
    return type == EncryptionType::Kms ? QStringLiteral("KMS") : QStringLiteral("NONE");
}

QString toWire(ShardIteratorType type)
{
    switch (type) {
    case ShardIteratorType::AtSequenceNumber: return QStringLiteral("AT_SEQUENCE_NUMBER");
    case ShardIteratorType::AfterSequenceNumber: return QStringLiteral("AFTER_SEQUENCE_NUMBER");
    case ShardIteratorType::TrimHorizon: return QStringLiteral("TRIM_HORIZON");
    case ShardIteratorType::Latest: return QStringLiteral("LATEST");
    case ShardIteratorType::AtTimestamp: return QStringLiteral("AT_TIMESTAMP");
    }
    return {};
}

QString toWire(ShardFilterType type)
{
    switch (type) {
    case ShardFilterType::AfterShardId: return QStringLiteral("AFTER_SHARD_ID");
    case ShardFilterType::AtTrimHorizon: return QStringLiteral("AT_TRIM_HORIZON");
    case ShardFilterType::FromTrimHorizon: return QStringLiteral("FROM_TRIM_HORIZON");
    case ShardFilterType::AtLatest: return QStringLiteral("AT_LATEST");
    case ShardFilterType::AtTimestamp: return QStringLiteral("AT_TIMESTAMP");
    case ShardFilterType::FromTimestamp: return QStringLiteral("FROM_TIMESTAMP");
    }
    return {};
}

QString toWire(ConsumerStatus status)
{
    switch (status) {
    case ConsumerStatus::Creating: return QStringLiteral("CREATING");
    case ConsumerStatus::Deleting: return QStringLiteral("DELETING");
    case ConsumerStatus::Active: return QStringLiteral("ACTIVE");
    }
    return {};
}

std::optional<StreamMode> streamModeFromWire(QStringView text)
{
    if (text == u"PROVISIONED")
        return StreamMode::Provisioned;
    if (text == u"ON_DEMAND")
        return StreamMode::OnDemand;
    return std::nullopt;
}

std::optional<ShardIteratorType> shardIteratorTypeFromWire(QStringView text)
{
    for (auto t : {ShardIteratorType::AtSequenceNumber, ShardIteratorType::AfterSequenceNumber,
                   ShardIteratorType::TrimHorizon, ShardIteratorType::Latest,
                   ShardIteratorType::AtTimestamp}) {
        if (text == toWire(t))
            return t;
    }
    return std::nullopt;
}

std::optional<ShardFilterType> shardFilterTypeFromWire(QStringView text)
{
    for (auto t : {ShardFilterType::AfterShardId, ShardFilterType::AtTrimHorizon,
                   ShardFilterType::FromTrimHorizon, ShardFilterType::AtLatest,
                   ShardFilterType::AtTimestamp, ShardFilterType::FromTimestamp}) {
        if (text == toWire(t))
            return t;
    }
    return std::nullopt;
}

std::optional<ConsumerStatus> consumerStatusFromWire(QStringView text)
{
    for (auto s : {ConsumerStatus::Creating, ConsumerStatus::Deleting, ConsumerStatus::Active}) {
        if (text == toWire(s))
            return s;
    }
    return std::nullopt;
}

// --- Control plane -----------------------------------------------------------------------------

QStringList allShardLevelMetrics()
{
    return {QStringLiteral("IncomingBytes"),
            QStringLiteral("IncomingRecords"),
            QStringLiteral("OutgoingBytes"),
            QStringLiteral("OutgoingRecords"),
            QStringLiteral("WriteProvisionedThroughputExceeded"),
            QStringLiteral("ReadProvisionedThroughputExceeded"),
            QStringLiteral("IteratorAgeMilliseconds")};
}

QString toWire(BillingCommitmentStatus status)
{
    switch (status) {
    case BillingCommitmentStatus::Enabled: return QStringLiteral("ENABLED");
    case BillingCommitmentStatus::Disabled: return QStringLiteral("DISABLED");
    case BillingCommitmentStatus::EnabledUntilEarliestAllowedEnd:
        return QStringLiteral("ENABLED_UNTIL_EARLIEST_ALLOWED_END");
    }
    return {};
}

std::optional<BillingCommitmentStatus> billingCommitmentStatusFromWire(QStringView text)
{
    for (auto s : {BillingCommitmentStatus::Enabled, BillingCommitmentStatus::Disabled,
                   BillingCommitmentStatus::EnabledUntilEarliestAllowedEnd}) {
        if (text == toWire(s))
            return s;
    }
    return std::nullopt;
}

} // namespace shardscope
