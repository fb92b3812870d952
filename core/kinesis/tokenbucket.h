#pragma once

#include <QtGlobal>

namespace shardscope {

// One rate limit as a token bucket, used by the engine's per-shard limits and by the producer's
// own pacing: it refills at `ratePerSecond` units per second up to `capacity` units, and a take
// may leave it in debt, so a unit larger than the bucket (a 10 MiB record against 1 MiB/s) still
// passes when the bucket is full and then waits out its cost. Levels are kept in thousandths of a
// unit, refilled per whole millisecond, so rates are exact on a manual clock (no floating point,
// nothing lost to rounding). A rate of 0 or less means unlimited.
//
// A value type; not thread-safe (owners lock).
class TokenBucket final
{
public:
    TokenBucket() = default;
    // Starts full; `capacity` 0 means one second's worth.
    TokenBucket(qint64 ratePerSecond, qint64 capacity, qint64 nowMs);

    bool isUnlimited() const { return m_rate <= 0; }
    // Whether `cost` units could be taken now: the bucket holds the cost, or is full when the
    // cost is more than it can hold.
    bool canTake(qint64 cost, qint64 nowMs);
    // Takes `cost` units (checked with canTake before); the level may go below zero.
    void take(qint64 cost) { m_level -= cost * 1000; }
    // canTake, then take; false (taking nothing) when it cannot.
    bool tryTake(qint64 cost, qint64 nowMs);
    // Whole units in the bucket now (negative while in debt).
    qint64 available(qint64 nowMs);
    // Empties the bucket (debt is kept): the caller was told it is over its limit.
    void drain(qint64 nowMs);

    qint64 ratePerSecond() const { return m_rate; }
    qint64 capacity() const { return m_capacity; }

private:
    void refill(qint64 nowMs);

    qint64 m_rate = 0;     // units per second, also thousandths of a unit per millisecond
    qint64 m_capacity = 0; // units
    qint64 m_level = 0;    // thousandths of a unit; at most m_capacity * 1000
    qint64 m_lastMs = 0;
};

} // namespace shardscope
