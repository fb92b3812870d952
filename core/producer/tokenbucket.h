#pragma once

#include <QtGlobal>

namespace shardscope {

// A token bucket on a caller-supplied clock (milliseconds): `rate` tokens per second, holding
// at most `capacity`. Starts full. A rate of 0 means unlimited. Value type; any thread.
class TokenBucket final
{
public:
    TokenBucket() = default;
    TokenBucket(double ratePerSecond, double capacity, qint64 nowMs);

    bool isUnlimited() const { return m_rate <= 0; }
    // Tokens available at `nowMs` (refills first).
    double available(qint64 nowMs);
    // Takes `tokens` when that many are available; false (taking none) otherwise.
    bool tryTake(double tokens, qint64 nowMs);
    // Empties the bucket (the server said the shard is over its limit).
    void drain(qint64 nowMs);
    double capacity() const { return m_capacity; }

private:
    void refill(qint64 nowMs);

    double m_rate = 0;
    double m_capacity = 0;
    double m_tokens = 0;
    qint64 m_lastMs = 0;
};

} // namespace shardscope
