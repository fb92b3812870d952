#include "readerregistry.h"

#include "kinesis/sequencenumber.h"
#include "kinesis/shardid.h"

#include <algorithm>

namespace shardscope {

void ReaderRegistry::RateRing::add(qint64 atSecond, qint64 callCount, qint64 recordCount)
{
    const auto slot = std::size_t(atSecond % kSlots);
    if (second[slot] != atSecond) {
        second[slot] = atSecond;
        calls[slot] = 0;
        records[slot] = 0;
    }
    calls[slot] += callCount;
    records[slot] += recordCount;
}

std::pair<double, double> ReaderRegistry::RateRing::rates(qint64 firstSecond,
                                                          qint64 nowSecond) const
{
    // A reader younger than the window is averaged over the seconds it has been there, so its
    // first complete second already shows its pace.
    const qint64 seconds = std::min<qint64>(kRateWindowSeconds, nowSecond - firstSecond);
    if (seconds <= 0)
        return {0.0, 0.0};
    qint64 callSum = 0;
    qint64 recordSum = 0;
    for (int i = 0; i < kSlots; ++i) {
        if (second[i] >= nowSecond - seconds && second[i] < nowSecond) {
            callSum += calls[i];
            recordSum += records[i];
        }
    }
    return {double(callSum) / double(seconds), double(recordSum) / double(seconds)};
}

ReaderState ReaderRegistry::stateAt(qint64 lastCallMs, qint64 nowMs)
{
    const qint64 quietMs = nowMs - lastCallMs;
    if (quietMs < kIdleAfterMs)
        return ReaderState::Reading;
    return quietMs < kGoneAfterMs ? ReaderState::Idle : ReaderState::Gone;
}

void ReaderRegistry::record(const Caller &caller, const QString &streamName, quint32 shardIndex,
                            const Call &call, qint64 nowMs)
{
    const std::lock_guard lock(m_mutex);
    // Forgotten readers go about once a minute, whether or not anyone asks for a list.
    if (nowMs - m_lastDropMs >= kGoneAfterMs)
        dropOldLocked(nowMs);
    auto it = m_entries.find(Key{caller, streamName, shardIndex});
    if (it == m_entries.end()) {
        it = m_entries.insert(Key{caller, streamName, shardIndex}, Entry{});
        it->firstCallMs = nowMs;
    }
    Entry &entry = *it;
    entry.lastCallMs = std::max(entry.lastCallMs, nowMs);
    // A position right after the one shown is where the reader stands anyway: the last record
    // it read stays the more telling one.
    const auto showPosition = [&entry](qint64 position) {
        if (!entry.shownCounter || *entry.shownCounter + 1 != position)
            entry.shownCounter = position;
    };
    qint64 calls = 1;
    switch (call.kind) {
    case Call::Kind::ShardIterator:
        ++entry.iteratorCalls;
        calls = 0; // the rate is of GetRecords calls, the ones Kinesis limits
        showPosition(call.position);
        entry.nextCounter = call.position;
        break;
    case Call::Kind::Read:
        ++entry.getRecordsCalls;
        entry.records += call.records;
        entry.bytes += call.bytes;
        entry.millisBehindLatest = call.millisBehindLatest;
        if (call.lastCounter) {
            entry.shownCounter = *call.lastCounter;
            entry.nextCounter = *call.lastCounter + 1;
        } else {
            showPosition(call.position);
            entry.nextCounter = call.position;
        }
        break;
    case Call::Kind::Throttled:
        ++entry.getRecordsCalls;
        ++entry.throttled;
        break;
    case Call::Kind::Expired:
        ++entry.getRecordsCalls;
        ++entry.expired;
        break;
    case Call::Kind::Failed:
        ++entry.getRecordsCalls;
        break;
    }
    entry.rates.add(nowMs / 1000, calls, call.records);
}

void ReaderRegistry::dropOldLocked(qint64 nowMs)
{
    m_lastDropMs = nowMs;
    m_entries.removeIf([nowMs](const auto &it) {
        return nowMs - it.value().lastCallMs >= kDropAfterMs;
    });
}

QList<ReaderRegistry::Sample> ReaderRegistry::snapshot(const QString &streamName, qint64 nowMs)
{
    QList<Sample> samples;
    {
        const std::lock_guard lock(m_mutex);
        dropOldLocked(nowMs);
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
            const Key &key = it.key();
            if (key.streamName != streamName)
                continue;
            const Entry &e = it.value();
            Sample sample;
            ShardReader &r = sample.reader;
            r.reader = key.caller;
            r.streamName = key.streamName;
            r.shardId = ShardId::format(key.shardIndex);
            if (e.shownCounter)
                r.lastSequenceNumber = SequenceNumber(*e.shownCounter, key.shardIndex).toString();
            r.iteratorCalls = e.iteratorCalls;
            r.getRecordsCalls = e.getRecordsCalls;
            const auto [callRate, recordRate] = e.rates.rates(e.firstCallMs / 1000, nowMs / 1000);
            r.callsPerSecond = callRate;
            r.recordsPerSecond = recordRate;
            r.records = e.records;
            r.bytes = e.bytes;
            r.throttledCalls = e.throttled;
            r.expiredIterators = e.expired;
            r.firstCallMs = e.firstCallMs;
            r.lastCallMs = e.lastCallMs;
            r.millisBehindLatest = e.millisBehindLatest;
            r.state = stateAt(e.lastCallMs, nowMs);
            sample.shardIndex = key.shardIndex;
            sample.nextCounter = e.nextCounter;
            samples.append(std::move(sample));
        }
    }
    std::sort(samples.begin(), samples.end(), [](const Sample &a, const Sample &b) {
        if (a.shardIndex != b.shardIndex)
            return a.shardIndex < b.shardIndex;
        if (a.reader.firstCallMs != b.reader.firstCallMs)
            return a.reader.firstCallMs < b.reader.firstCallMs;
        return a.reader.reader.userAgent < b.reader.reader.userAgent;
    });
    return samples;
}

int ReaderRegistry::size() const
{
    const std::lock_guard lock(m_mutex);
    return int(m_entries.size());
}

} // namespace shardscope
