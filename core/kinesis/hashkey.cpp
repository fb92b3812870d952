#include "hashkey.h"

#include <QCryptographicHash>

namespace shardscope {

std::optional<HashKey> HashKey::fromDecimal(QStringView text)
{
    if (text.isEmpty() || text.size() > 39)
        return std::nullopt;
    if (text.size() > 1 && text.front() == u'0')
        return std::nullopt;
    uint128 value = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        const unsigned digit = c.unicode() - u'0';
        if (value > (kMaxValue - digit) / 10)
            return std::nullopt; // above 2^128 - 1
        value = value * 10 + digit;
    }
    return HashKey{value};
}

HashKey HashKey::fromPartitionKey(QStringView partitionKey)
{
    const QByteArray digest =
        QCryptographicHash::hash(partitionKey.toUtf8(), QCryptographicHash::Md5);
    return fromBigEndian(reinterpret_cast<const unsigned char *>(digest.constData()));
}

HashKey HashKey::fromBigEndian(const unsigned char bytes[16])
{
    uint128 value = 0;
    for (int i = 0; i < 16; ++i)
        value = (value << 8) | bytes[i];
    return HashKey{value};
}

void HashKey::toBigEndian(unsigned char bytes[16]) const
{
    uint128 v = value;
    for (int i = 15; i >= 0; --i) {
        bytes[i] = static_cast<unsigned char>(v & 0xff);
        v >>= 8;
    }
}

QString HashKey::toDecimal() const
{
    if (value == 0)
        return QStringLiteral("0");
    char buffer[40];
    int pos = 40;
    uint128 v = value;
    while (v != 0) {
        buffer[--pos] = static_cast<char>('0' + static_cast<int>(v % 10));
        v /= 10;
    }
    return QString::fromLatin1(buffer + pos, 40 - pos);
}

HashKey HashKeyRange::midpoint() const
{
    return HashKey{start.value + span() / 2 + 1};
}

QList<HashKeyRange> HashKeyRange::evenSplit(int count)
{
    QList<HashKeyRange> ranges;
    if (count <= 0)
        return ranges;
    const auto n = static_cast<uint128>(count);
    // floor(2^128 / n), computed without 2^128: (2^128 - 1) / n, plus one when n divides 2^128.
    const uint128 step = HashKey::kMaxValue / n + ((HashKey::kMaxValue % n == n - 1) ? 1 : 0);
    ranges.reserve(count);
    for (int i = 0; i < count; ++i) {
        const uint128 start = step * static_cast<uint128>(i);
        const uint128 end = (i == count - 1) ? HashKey::kMaxValue : start + step - 1;
        ranges.append(HashKeyRange{HashKey{start}, HashKey{end}});
    }
    return ranges;
}

} // namespace shardscope
