#include "producer/tokenbucket.h"

#include <algorithm>

namespace shardscope {

TokenBucket::TokenBucket(double ratePerSecond, double capacity, qint64 nowMs)
    : m_rate(ratePerSecond), m_capacity(capacity), m_tokens(capacity), m_lastMs(nowMs)
{
}

void TokenBucket::refill(qint64 nowMs)
{
    if (nowMs > m_lastMs) {
        m_tokens = std::min(m_capacity, m_tokens + m_rate * double(nowMs - m_lastMs) / 1000.0);
        m_lastMs = nowMs;
    }
}

double TokenBucket::available(qint64 nowMs)
{
    if (isUnlimited())
        return 1e300;
    refill(nowMs);
    return m_tokens;
}

bool TokenBucket::tryTake(double tokens, qint64 nowMs)
{
    if (isUnlimited())
        return true;
    refill(nowMs);
    if (m_tokens < tokens)
        return false;
    m_tokens -= tokens;
    return true;
}

void TokenBucket::drain(qint64 nowMs)
{
    refill(nowMs);
    m_tokens = 0;
}

} // namespace shardscope
