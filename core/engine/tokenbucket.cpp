#include "tokenbucket.h"

#include <algorithm>

namespace shardscope {

TokenBucket::TokenBucket(qint64 ratePerSecond, qint64 nowMs)
    : m_rate(ratePerSecond), m_level(ratePerSecond * 1000), m_lastMs(nowMs)
{
}

void TokenBucket::refill(qint64 nowMs)
{
    // A clock set back (a manual one) refills nothing and does not move the mark back.
    if (nowMs <= m_lastMs)
        return;
    const qint64 capacity = m_rate * 1000;
    const qint64 elapsed = nowMs - m_lastMs;
    m_lastMs = nowMs;
    if (m_level >= capacity || m_rate <= 0)
        return;
    // Compared by division, so a long idle time cannot overflow the product.
    const qint64 msToFull = (capacity - m_level + m_rate - 1) / m_rate;
    m_level = elapsed >= msToFull ? capacity : m_level + elapsed * m_rate;
}

bool TokenBucket::canTake(qint64 cost, qint64 nowMs)
{
    refill(nowMs);
    return m_level >= std::min(cost, m_rate) * 1000;
}

} // namespace shardscope
