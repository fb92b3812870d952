#pragma once

#include <QString>
#include <QtGlobal>

namespace shardscope {

// What one live SubscribeToShard subscription has done, for views of live subscriptions (the
// emulator knows every subscription it serves, in process or through `--serve`).
struct SubscriptionStatus
{
    QString consumerArn;
    QString streamName;
    QString shardId;
    qint64 startedMs = 0;
    qint64 lastEventMs = 0;
    // The sequence number of the last record delivered, empty before the first.
    QString lastSequenceNumber;
    qint64 millisBehindLatest = 0;
    qint64 recordsDelivered = 0;
    qint64 bytesDelivered = 0;
    bool ended = false;
};

} // namespace shardscope
