#include "consumer/lease.h"

namespace shardscope {

bool CheckpointSentinel::isSentinel(const QString &checkpoint)
{
    return checkpoint == TrimHorizon || checkpoint == Latest || checkpoint == ShardEnd
        || checkpoint == AtTimestamp;
}

LeaseKeyParts parseLeaseKey(const QString &leaseKey)
{
    LeaseKeyParts parts;
    const QStringList fields = leaseKey.split(QLatin1Char(':'));
    if (fields.size() == 4) {
        bool ok = false;
        const qint64 epoch = fields.at(2).toLongLong(&ok);
        if (ok) {
            parts.accountId = fields.at(0);
            parts.streamName = fields.at(1);
            parts.creationEpoch = epoch;
            parts.shardId = fields.at(3);
            parts.multiStream = true;
            return parts;
        }
    }
    parts.shardId = leaseKey;
    return parts;
}

QString Lease::shardId() const
{
    return shardIdAttribute.isEmpty() ? parseLeaseKey(leaseKey).shardId : shardIdAttribute;
}

} // namespace shardscope
