#include "arrivalmerge.h"

#include <algorithm>
#include <iterator>
#include <limits>

namespace shardscope {

void ArrivalMerge::add(QList<RecordEntry> records, qint64 order, qint64 receivedAt)
{
    if (records.isEmpty())
        return;
    std::vector<Pending> incoming;
    incoming.reserve(size_t(records.size()));
    for (RecordEntry &record : records)
        incoming.push_back(Pending{std::move(record), receivedAt, order});
    const auto less = [](const Pending &a, const Pending &b) {
        return a.record.arrivalMs != b.record.arrivalMs ? a.record.arrivalMs < b.record.arrivalMs
                                                        : a.order < b.order;
    };
    // A shard's records are in sequence order, which is arrival order; keep it on ties.
    std::stable_sort(incoming.begin(), incoming.end(), less);
    const auto middle = m_buffer.size();
    m_buffer.insert(m_buffer.end(), std::make_move_iterator(incoming.begin()),
                    std::make_move_iterator(incoming.end()));
    std::inplace_merge(m_buffer.begin(), m_buffer.begin() + qsizetype(middle), m_buffer.end(), less);
}

QList<RecordEntry> ArrivalMerge::take(Bound bound, qint64 now, bool all)
{
    size_t cut = 0;
    if (all) {
        cut = m_buffer.size();
    } else {
        while (cut < m_buffer.size() &&
               std::pair{m_buffer[cut].record.arrivalMs, m_buffer[cut].order} <= bound)
            ++cut;
        for (size_t i = m_buffer.size(); i > cut; --i) {
            if (now - m_buffer[i - 1].receivedAt >= m_maxHoldMs) {
                cut = i; // it waited long enough: it and everything before it go
                break;
            }
        }
    }
    QList<RecordEntry> batch;
    if (cut == 0)
        return batch;
    batch.reserve(qsizetype(cut));
    for (size_t i = 0; i < cut; ++i)
        batch.append(std::move(m_buffer[i].record));
    m_buffer.erase(m_buffer.begin(), m_buffer.begin() + qsizetype(cut));
    return batch;
}

qint64 ArrivalMerge::msUntilDue(qint64 now) const
{
    if (m_buffer.empty())
        return -1;
    qint64 oldest = std::numeric_limits<qint64>::max();
    for (const Pending &pending : m_buffer)
        oldest = std::min(oldest, pending.receivedAt);
    return std::clamp<qint64>(oldest + m_maxHoldMs - now, 0, m_maxHoldMs);
}

} // namespace shardscope
