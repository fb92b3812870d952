#pragma once

#include "records/recordentry.h"

#include <QList>

#include <limits>
#include <utility>
#include <vector>

namespace shardscope {

// The records several shards delivered, held until they can be shown in arrival order.
//
// Each shard's records come in sequence order (their arrival order) with the shard's `order`
// (its index) for ties. The reader knows how far each shard has read; take() lets go of the
// records up to the smallest (arrival, order) a shard still reading may deliver, and of any
// record that waited maxHoldMs (with everything before it: a slow shard must not stall the
// view). Records come out ordered by (ApproximateArrivalTimestamp, order), sequence order
// within a shard. Used by the polling and the enhanced fan-out readers alike.
//
// Threads: not thread-safe; one reader owns it.
class ArrivalMerge final
{
public:
    using Bound = std::pair<qint64, qint64>; // (arrival ms, shard order)

    // No shard still reading: everything may go.
    static constexpr Bound kOpen{std::numeric_limits<qint64>::max(), 0};

    void setMaxHoldMs(int ms) { m_maxHoldMs = ms; }
    int maxHoldMs() const { return m_maxHoldMs; }

    // One shard's records, in sequence order, received at `receivedAt` (the reader's clock).
    void add(QList<RecordEntry> records, qint64 order, qint64 receivedAt);
    // The records that may go now, in order (all of them when `all`).
    QList<RecordEntry> take(Bound bound, qint64 now, bool all = false);
    // How long until the oldest held record has waited maxHoldMs (0 when it has); -1 when
    // nothing is held.
    qint64 msUntilDue(qint64 now) const;

    int size() const { return int(m_buffer.size()); }
    bool isEmpty() const { return m_buffer.empty(); }
    void clear() { m_buffer.clear(); }

private:
    struct Pending
    {
        RecordEntry record;
        qint64 receivedAt = 0;
        qint64 order = 0; // the shard's index, for ties in arrival time
    };

    std::vector<Pending> m_buffer; // sorted by (arrival, order)
    int m_maxHoldMs = 1000;
};

} // namespace shardscope
