#include "tokenbucket.h"

#include <algorithm>
#include <limits>

namespace shardscope {

TokenBucket::TokenBucket(qint64 ratePerSecond, qint64 capacity, qint64 nowMs)
    : m_rate(ratePerSecond), m_capacity(capacity > 0 ? capacity : std::max<qint64>(ratePerSecond, 0)),
      m_level(m_capacity * 1000), m_lastMs(nowMs)
{
}

void TokenBucket::refill(qint64 nowMs)
{
    // A clock set back (a manual one) refills nothing and does not move the mark back.
    if (nowMs <= m_lastMs)
        return;
    const qint64 full = m_capacity * 1000;
    const qint64 elapsed = nowMs - m_lastMs;
    m_lastMs = nowMs;
    if (m_level >= full || m_rate <= 0)
        return;
    // Compared by division, so a long idle time cannot overflow the product.
    const qint64 msToFull = (full - m_level + m_rate - 1) / m_rate;
    m_level = elapsed >= msToFull ? full : m_level + elapsed * m_rate;
}

bool TokenBucket::canTake(qint64 cost, qint64 nowMs)
{
    if (isUnlimited())
        return true;
    refill(nowMs);
    return m_level >= std::min(cost, m_capacity) * 1000;
}

bool TokenBucket::tryTake(qint64 cost, qint64 nowMs)
{
    if (!canTake(cost, nowMs))
        return false;
    if (!isUnlimited())
        take(cost);
    return true;
}

qint64 TokenBucket::available(qint64 nowMs)
{
    if (isUnlimited())
        return std::numeric_limits<qint64>::max();
    refill(nowMs);
    // Whole units, rounded towards minus infinity.
    return m_level >= 0 ? m_level / 1000 : -((-m_level + 999) / 1000);
}

void TokenBucket::drain(qint64 nowMs)
{
    refill(nowMs);
    m_level = std::min<qint64>(m_level, 0);
}

} // namespace shardscope
