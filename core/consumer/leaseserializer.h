#pragma once

#include "consumer/lease.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <expected>

namespace shardscope {

// A Lease as a DynamoDB item in attribute-value JSON ({"leaseKey": {"S": "shardId-0"}, ...}),
// with exactly the names and types KCL's DynamoDBLeaseSerializer (and, for multi-stream
// applications, DynamoDBMultiStreamLeaseSerializer) writes. Unknown attributes are ignored;
// {"NULL": true} counts as absent.
class LeaseSerializer final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::LeaseSerializer)

public:
    // KCL 3.x keeps other entities in some lease tables (entityType STREAM, LEADER, ...): only
    // items without entityType or with entityType LEASE are leases.
    static bool isLeaseItem(const QJsonObject &item);
    // The lease, or a readable message naming the lease and the malformed attribute.
    static std::expected<Lease, QString> fromItem(const QJsonObject &item);
    // The item KCL would write for `lease` (absent fields are left out, as KCL does).
    static QJsonObject toItem(const Lease &lease);
    // {"leaseKey": {"S": key}}
    static QJsonObject keyOf(const QString &leaseKey);

    // Attribute values.
    static QJsonObject string(const QString &value);            // {"S": value}
    static QJsonObject number(qint64 value);                     // {"N": "value"}
    static QJsonObject number(double value);                     // {"N": "value"}
    static QJsonObject stringSet(const QStringList &values);     // {"SS": [...]}
};

} // namespace shardscope
