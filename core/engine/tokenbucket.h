#pragma once

#include <QtGlobal>

namespace shardscope {

// One rate limit as a token bucket: it refills at `ratePerSecond` units per second up to one
// second's worth, and a take may leave it in debt, so a unit larger than the bucket (a 10 MiB
// record against 1 MiB/s) still passes when the bucket is full and then waits out its cost.
// Levels are kept in thousandths of a unit, refilled per whole millisecond, so the rate is exact
// on a manual clock (no floating point, nothing lost to rounding).
//
// Not thread-safe: the owner (ThroughputLimiter) locks.
class TokenBucket final
{
public:
    TokenBucket() = default;
    TokenBucket(qint64 ratePerSecond, qint64 nowMs);

    // Whether `cost` units could be taken now: the bucket holds the cost, or is full when the
    // cost is more than it can hold.
    bool canTake(qint64 cost, qint64 nowMs);
    // Takes `cost` units (checked with canTake before); the level may go below zero.
    void take(qint64 cost) { m_level -= cost * 1000; }
    qint64 ratePerSecond() const { return m_rate; }

private:
    void refill(qint64 nowMs);

    qint64 m_rate = 0;       // units per second, also thousandths of a unit per millisecond
    qint64 m_level = 0;      // thousandths of a unit; at most m_rate * 1000
    qint64 m_lastMs = 0;
};

} // namespace shardscope
