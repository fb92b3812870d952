#include "leaseserializer.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

// The attribute names of KCL's DynamoDBLeaseSerializer and DynamoDBMultiStreamLeaseSerializer.
constexpr auto kLeaseKey = "leaseKey"_L1;
constexpr auto kLeaseOwner = "leaseOwner"_L1;
constexpr auto kLeaseCounter = "leaseCounter"_L1;
constexpr auto kOwnerSwitches = "ownerSwitchesSinceCheckpoint"_L1;
constexpr auto kCheckpoint = "checkpoint"_L1;
constexpr auto kCheckpointSub = "checkpointSubSequenceNumber"_L1;
constexpr auto kPendingCheckpoint = "pendingCheckpoint"_L1;
constexpr auto kPendingCheckpointSub = "pendingCheckpointSubSequenceNumber"_L1;
constexpr auto kParentShardId = "parentShardId"_L1;
constexpr auto kChildShardIds = "childShardIds"_L1;
constexpr auto kStartingHashKey = "startingHashKey"_L1;
constexpr auto kEndingHashKey = "endingHashKey"_L1;
constexpr auto kThroughputKBps = "throughputKBps"_L1;
constexpr auto kCheckpointOwner = "checkpointOwner"_L1;
constexpr auto kEntityType = "entityType"_L1;
constexpr auto kStreamName = "streamName"_L1;
constexpr auto kShardId = "shardId"_L1;
constexpr auto kLeaseEntity = "LEASE"_L1;

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

// Reads the attributes of one item, remembering the first malformed one.
class Reader
{
public:
    explicit Reader(const QJsonObject &item) : m_item(item) {}

    std::optional<QString> error;

    // Absent (or NULL): nullopt. Otherwise the {"<type>": value} object's value.
    std::optional<QJsonValue> typed(QLatin1StringView name, QLatin1StringView type)
    {
        if (!m_item.contains(name))
            return std::nullopt;
        const QJsonValue raw = m_item.value(name);
        const QJsonObject attribute = raw.toObject();
        if (attribute.size() == 1 && attribute.contains("NULL"_L1))
            return std::nullopt;
        if (!raw.isObject() || attribute.size() != 1 || !attribute.contains(type)) {
            fail(name, LeaseSerializer::tr("expected a DynamoDB %1 value, found %2")
                           .arg(type, compact(raw)));
            return std::nullopt;
        }
        return attribute.value(type);
    }

    QString string(QLatin1StringView name)
    {
        const auto value = typed(name, "S"_L1);
        if (!value)
            return {};
        if (!value->isString()) {
            fail(name, LeaseSerializer::tr("expected a string, found %1").arg(compact(*value)));
            return {};
        }
        return value->toString();
    }

    std::optional<qint64> integer(QLatin1StringView name)
    {
        const auto value = typed(name, "N"_L1);
        if (!value)
            return std::nullopt;
        const QString text = value->toString();
        bool ok = false;
        const qint64 number = text.toLongLong(&ok);
        if (ok)
            return number;
        // DynamoDB may hand back "3.0" for a number written as 3.
        const double real = text.toDouble(&ok);
        if (ok && std::isfinite(real) && real == std::floor(real) && std::abs(real) < 9.0e18)
            return static_cast<qint64>(real);
        fail(name, LeaseSerializer::tr("expected a whole number, found %1").arg(compact(*value)));
        return std::nullopt;
    }

    std::optional<double> real(QLatin1StringView name)
    {
        const auto value = typed(name, "N"_L1);
        if (!value)
            return std::nullopt;
        bool ok = false;
        const double number = value->toString().toDouble(&ok);
        if (!ok || !std::isfinite(number)) {
            fail(name, LeaseSerializer::tr("expected a number, found %1").arg(compact(*value)));
            return std::nullopt;
        }
        return number;
    }

    QStringList stringSet(QLatin1StringView name)
    {
        const auto value = typed(name, "SS"_L1);
        if (!value)
            return {};
        if (!value->isArray()) {
            fail(name, LeaseSerializer::tr("expected a list of strings, found %1").arg(compact(*value)));
            return {};
        }
        QStringList result;
        for (const QJsonValue &entry : value->toArray()) {
            if (!entry.isString()) {
                fail(name, LeaseSerializer::tr("expected a list of strings, found %1")
                               .arg(compact(*value)));
                return {};
            }
            result.append(entry.toString());
        }
        return result;
    }

private:
    void fail(QLatin1StringView name, const QString &what)
    {
        if (error)
            return;
        const QString key = m_item.value(kLeaseKey).toObject().value("S"_L1).toString();
        error = key.isEmpty()
                    ? LeaseSerializer::tr("A lease has a malformed attribute %1: %2.").arg(name, what)
                    : LeaseSerializer::tr("The lease %1 has a malformed attribute %2: %3.")
                          .arg(key, name, what);
    }

    const QJsonObject &m_item;
};

QString numberText(double value)
{
    return QString::number(value, 'g', 17);
}

} // namespace

bool LeaseSerializer::isLeaseItem(const QJsonObject &item)
{
    const QJsonObject entityType = item.value(kEntityType).toObject();
    return entityType.isEmpty() || entityType.contains("NULL"_L1)
        || entityType.value("S"_L1).toString() == kLeaseEntity;
}

std::expected<Lease, QString> LeaseSerializer::fromItem(const QJsonObject &item)
{
    Reader reader(item);
    Lease lease;
    lease.leaseKey = reader.string(kLeaseKey);
    if (!reader.error && lease.leaseKey.isEmpty())
        return std::unexpected(tr("An item of the lease table has no leaseKey: %1.").arg(compact(item)));
    lease.leaseOwner = reader.string(kLeaseOwner);
    lease.leaseCounter = reader.integer(kLeaseCounter).value_or(0);
    lease.ownerSwitchesSinceCheckpoint = reader.integer(kOwnerSwitches).value_or(0);
    lease.checkpoint = reader.string(kCheckpoint);
    lease.checkpointSubSequenceNumber = reader.integer(kCheckpointSub).value_or(0);
    lease.pendingCheckpoint = reader.string(kPendingCheckpoint);
    if (!lease.pendingCheckpoint.isEmpty())
        lease.pendingCheckpointSubSequenceNumber = reader.integer(kPendingCheckpointSub);
    lease.parentShardIds = reader.stringSet(kParentShardId);
    lease.childShardIds = reader.stringSet(kChildShardIds);
    lease.startingHashKey = reader.string(kStartingHashKey);
    lease.endingHashKey = reader.string(kEndingHashKey);
    lease.throughputKBps = reader.real(kThroughputKBps);
    lease.checkpointOwner = reader.string(kCheckpointOwner);
    lease.entityType = reader.string(kEntityType);
    lease.streamName = reader.string(kStreamName);
    lease.shardIdAttribute = reader.string(kShardId);
    if (reader.error)
        return std::unexpected(*reader.error);
    return lease;
}

QJsonObject LeaseSerializer::toItem(const Lease &lease)
{
    QJsonObject item;
    item.insert(kLeaseKey, string(lease.leaseKey));
    item.insert(kLeaseCounter, number(lease.leaseCounter));
    if (!lease.leaseOwner.isEmpty())
        item.insert(kLeaseOwner, string(lease.leaseOwner));
    item.insert(kOwnerSwitches, number(lease.ownerSwitchesSinceCheckpoint));
    if (!lease.checkpoint.isEmpty()) {
        item.insert(kCheckpoint, string(lease.checkpoint));
        item.insert(kCheckpointSub, number(lease.checkpointSubSequenceNumber));
    }
    if (!lease.parentShardIds.isEmpty())
        item.insert(kParentShardId, stringSet(lease.parentShardIds));
    if (!lease.childShardIds.isEmpty())
        item.insert(kChildShardIds, stringSet(lease.childShardIds));
    if (!lease.pendingCheckpoint.isEmpty()) {
        item.insert(kPendingCheckpoint, string(lease.pendingCheckpoint));
        item.insert(kPendingCheckpointSub,
                    number(lease.pendingCheckpointSubSequenceNumber.value_or(0)));
    }
    if (!lease.startingHashKey.isEmpty() && !lease.endingHashKey.isEmpty()) {
        item.insert(kStartingHashKey, string(lease.startingHashKey));
        item.insert(kEndingHashKey, string(lease.endingHashKey));
    }
    if (lease.throughputKBps)
        item.insert(kThroughputKBps, number(*lease.throughputKBps));
    if (!lease.checkpointOwner.isEmpty())
        item.insert(kCheckpointOwner, string(lease.checkpointOwner));
    if (!lease.entityType.isEmpty())
        item.insert(kEntityType, string(lease.entityType));
    if (!lease.streamName.isEmpty())
        item.insert(kStreamName, string(lease.streamName));
    if (!lease.shardIdAttribute.isEmpty())
        item.insert(kShardId, string(lease.shardIdAttribute));
    return item;
}

QJsonObject LeaseSerializer::keyOf(const QString &leaseKey)
{
    return QJsonObject{{kLeaseKey, string(leaseKey)}};
}

QJsonObject LeaseSerializer::string(const QString &value)
{
    return QJsonObject{{u"S"_s, value}};
}

QJsonObject LeaseSerializer::number(qint64 value)
{
    return QJsonObject{{u"N"_s, QString::number(value)}};
}

QJsonObject LeaseSerializer::number(double value)
{
    return QJsonObject{{u"N"_s, numberText(value)}};
}

QJsonObject LeaseSerializer::stringSet(const QStringList &values)
{
    QJsonArray array;
    for (const QString &value : values)
        array.append(value);
    return QJsonObject{{u"SS"_s, array}};
}

} // namespace shardscope
