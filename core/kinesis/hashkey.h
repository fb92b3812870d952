#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace shardscope {

__extension__ using uint128 = unsigned __int128;

// A position in the Kinesis hash key space [0, 2^128 - 1]. Records are routed by the MD5 of
// their partition key read as a big-endian integer, or by an explicit hash key.
struct HashKey
{
    uint128 value = 0;

    static constexpr uint128 kMaxValue = ~uint128(0);
    static constexpr HashKey max() { return HashKey{kMaxValue}; }

    // Accepts exactly the wire pattern 0|([1-9]\d{0,38}) with a value below 2^128.
    static std::optional<HashKey> fromDecimal(QStringView text);
    static HashKey fromPartitionKey(QStringView partitionKey);
    static HashKey fromBigEndian(const unsigned char bytes[16]);
    void toBigEndian(unsigned char bytes[16]) const;

    QString toDecimal() const;

    friend constexpr auto operator<=>(HashKey, HashKey) = default;
    friend constexpr bool operator==(HashKey, HashKey) = default;
};

// An inclusive range of hash keys owned by one shard.
struct HashKeyRange
{
    HashKey start;
    HashKey end;

    bool contains(HashKey key) const { return start <= key && key <= end; }
    // The key that splits the range into two halves of (almost) equal size; as the AWS
    // console proposes for SplitShard: start + (end - start) / 2 + 1.
    HashKey midpoint() const;
    // Number of keys in the range minus one (end - start); a full range does not fit 128 bits.
    uint128 span() const { return end.value - start.value; }
    bool isAdjacentBefore(const HashKeyRange &next) const
    {
        return end.value != HashKey::kMaxValue && end.value + 1 == next.start.value;
    }

    // The ranges of `count` shards that split the whole key space evenly, as CreateStream
    // and UpdateShardCount lay them out: each has floor(2^128 / count) keys, the last takes
    // the remainder.
    static QList<HashKeyRange> evenSplit(int count);

    friend constexpr bool operator==(const HashKeyRange &, const HashKeyRange &) = default;
};

} // namespace shardscope
