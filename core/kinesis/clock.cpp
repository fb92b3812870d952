#include "kinesis/clock.h"
#include "kinesis/clockorsystem.h"

#include <QDateTime>

namespace shardscope {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

const Clock &clockOrSystem(const Clock *clock)
{
    static const SystemClock system;
    return clock ? *clock : system;
}

} // namespace shardscope
