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

void RecordReader::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace shardscope
