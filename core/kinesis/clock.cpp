#include "kinesis/clock.h"

#include <QDateTime>

namespace shardscope {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace shardscope
