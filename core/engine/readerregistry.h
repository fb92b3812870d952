#pragma once

#include "kinesis/caller.h"
#include "kinesis/shardreader.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <mutex>
#include <optional>

namespace shardscope {

// Who reads each shard: every GetShardIterator and GetRecords the engine serves is recorded
// here against its Caller, per (caller, stream, shard): calls, records and bytes with their
// rates over the last few seconds, throttled calls, expired iterators, the reader's position
// and the last MillisBehindLatest. Recording is one short update under a mutex (no disk, no
// allocation once the entry exists); what lies between a position and the shard's tip is the
// engine's to count when a list is asked for (snapshot() hands out the positions).
//
// A reader that has not called for kIdleAfterMs is idle, after kGoneAfterMs gone, and after
// kDropAfterMs it is forgotten. Times are the engine clock's, passed in.
//
// Threads: every method is thread-safe.
class ReaderRegistry final
{
public:
    static constexpr qint64 kIdleAfterMs = 10'000;
    static constexpr qint64 kGoneAfterMs = 60'000;
    static constexpr qint64 kDropAfterMs = 5 * 60'000;
    // Rates are averaged over the last complete seconds, up to this many.
    static constexpr int kRateWindowSeconds = 5;

    // What one call did.
    struct Call
    {
        enum class Kind {
            ShardIterator, // GetShardIterator issued an iterator at `position`
            Read,          // GetRecords read from `position` (possibly nothing)
            Throttled,     // GetRecords refused with ProvisionedThroughputExceededException
            Expired,       // GetRecords refused with ExpiredIteratorException
            Failed         // GetRecords refused otherwise (the stream or shard is gone)
        };
        Kind kind = Kind::Read;
        qint64 position = 0; // the sequence counter the iterator starts at
        qint64 records = 0;
        qint64 bytes = 0;
        std::optional<qint64> lastCounter; // the counter of the last record returned
        qint64 millisBehindLatest = 0;
    };

    // One reader of one shard as snapshot() finds it: the counts, and the counter its next read
    // starts at (nullopt while unknown), for the caller to count what lies behind.
    struct Sample
    {
        ShardReader reader;
        quint32 shardIndex = 0;
        std::optional<qint64> nextCounter;
    };

    void record(const Caller &caller, const QString &streamName, quint32 shardIndex,
                const Call &call, qint64 nowMs);
    // The readers of `streamName` at `nowMs`, by shard, then by first call; drops the ones past
    // kDropAfterMs (of every stream).
    QList<Sample> snapshot(const QString &streamName, qint64 nowMs);
    // Every reader of every stream (not dropped), for tests and diagnostics.
    int size() const;

    static ReaderState stateAt(qint64 lastCallMs, qint64 nowMs);

private:
    struct Key
    {
        Caller caller;
        QString streamName;
        quint32 shardIndex = 0;
        bool operator==(const Key &) const = default;
        friend size_t qHash(const Key &key, size_t seed = 0) noexcept
        {
            return qHashMulti(seed, key.caller, key.streamName, key.shardIndex);
        }
    };
    // Counts per second of the clock, in a ring of the window and the current second.
    struct RateRing
    {
        static constexpr int kSlots = kRateWindowSeconds + 1;
        std::array<qint64, kSlots> second{};
        std::array<qint64, kSlots> calls{};
        std::array<qint64, kSlots> records{};
        void add(qint64 atSecond, qint64 callCount, qint64 recordCount);
        // Per second over the complete seconds before `nowSecond`, from `firstSecond` on.
        std::pair<double, double> rates(qint64 firstSecond, qint64 nowSecond) const;
    };
    struct Entry
    {
        qint64 firstCallMs = 0;
        qint64 lastCallMs = 0;
        qint64 iteratorCalls = 0;
        qint64 getRecordsCalls = 0;
        qint64 records = 0;
        qint64 bytes = 0;
        qint64 throttled = 0;
        qint64 expired = 0;
        qint64 millisBehindLatest = 0;
        std::optional<qint64> shownCounter; // the position shown: last record, or the iterator's
        std::optional<qint64> nextCounter;
        RateRing rates;
    };

    void dropOldLocked(qint64 nowMs);

    mutable std::mutex m_mutex;
    QHash<Key, Entry> m_entries;
    qint64 m_lastDropMs = 0;
};

} // namespace shardscope
