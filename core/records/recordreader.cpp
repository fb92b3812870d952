#include "recordreader.h"

#include "kinesis/sequencenumber.h"
#include "kinesis/shardid.h"

namespace shardscope {

std::expected<TailStart, QString> RecordReader::checkedStart(const TailStart &start)
{
    TailStart position = start;
    const bool bySequence = start.type == ShardIteratorType::AtSequenceNumber ||
                            start.type == ShardIteratorType::AfterSequenceNumber;
    if (!bySequence)
        return position;
    if (!SequenceNumber::matchesWirePattern(start.sequenceNumber))
        return std::unexpected(tr("Enter a sequence number (decimal digits)."));
    if (position.shardId.isEmpty()) {
        const auto shard = SequenceNumber::shardIndexOf(start.sequenceNumber);
        if (!shard)
            return std::unexpected(tr("Choose the shard this sequence number belongs to."));
        position.shardId = ShardId::format(*shard);
    }
    return position;
}

void RecordReader::releaseBelow(ArrivalMerge::Bound bound, qint64 nowMs, bool all)
{
    const QList<RecordEntry> batch = m_merge.take(bound, nowMs, all);
    if (!batch.isEmpty()) {
        m_recordCount += batch.size();
        emit recordsReceived(batch);
    }
    const qint64 due = m_merge.msUntilDue(nowMs);
    if (due >= 0)
        m_releaseTimer.start(int(due));
    else
        m_releaseTimer.stop();
}

void RecordReader::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace shardscope
