#include "sequencenumber.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace shardscope {

namespace {

constexpr qsizetype kMarkerLength = sizeof(SequenceNumber::kMarker) - 1;
constexpr qsizetype kCounterDigits = 20;
constexpr qsizetype kShardDigits = 10;
static_assert(2 + kMarkerLength + kCounterDigits + kShardDigits == SequenceNumber::kTextLength);
static_assert(2 + kCounterDigits + kShardDigits == SequenceNumber::kLegacyTextLength);

// Writes `value` as exactly `digits` decimal digits, zero-padded.
void writeDigits(char *out, quint64 value, qsizetype digits)
{
    for (qsizetype i = digits - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

// "49", then (from `at`) a counter of 20 digits that fits qint64 and a shard index of 10 digits
// that fits quint32; every other character must have been checked by the caller.
std::optional<SequenceNumber> readFields(QStringView text, qsizetype at)
{
    if (text[0] != u'4' || text[1] != u'9')
        return std::nullopt;
    quint64 counter = 0;
    quint64 shard = 0;
    for (qsizetype i = at; i < at + kCounterDigits + kShardDigits; ++i) {
        const QChar c = text[i];
        if (c < u'0' || c > u'9')
            return std::nullopt;
        const unsigned digit = c.unicode() - u'0';
        if (i < at + kCounterDigits) {
            if (counter > (quint64(std::numeric_limits<qint64>::max()) - digit) / 10)
                return std::nullopt;
            counter = counter * 10 + digit;
        } else {
            shard = shard * 10 + digit;
        }
    }
    if (shard > std::numeric_limits<quint32>::max())
        return std::nullopt;
    return SequenceNumber{static_cast<qint64>(counter), static_cast<quint32>(shard)};
}

} // namespace

QString SequenceNumber::toString() const
{
    if (!foreignText.isEmpty())
        return foreignText;
    char buffer[kMaxTextLength];
    return QString::fromLatin1(buffer, writeText(buffer));
}

qsizetype SequenceNumber::writeText(char *buffer) const
{
    if (!foreignText.isEmpty()) {
        const qsizetype length = std::min(foreignText.size(), kMaxTextLength);
        for (qsizetype i = 0; i < length; ++i)
            buffer[i] = char(foreignText[i].unicode());
        return length;
    }
    buffer[0] = '4';
    buffer[1] = '9';
    std::memcpy(buffer + 2, kMarker, kMarkerLength);
    writeDigits(buffer + 2 + kMarkerLength, static_cast<quint64>(counter), kCounterDigits);
    writeDigits(buffer + 2 + kMarkerLength + kCounterDigits, shardIndex, kShardDigits);
    return kTextLength;
}

std::optional<SequenceNumber> SequenceNumber::parse(QStringView text)
{
    if (text.size() != kTextLength)
        return std::nullopt;
    for (qsizetype i = 0; i < kMarkerLength; ++i) {
        if (text[2 + i] != QLatin1Char(kMarker[i]))
            return std::nullopt;
    }
    return readFields(text, 2 + kMarkerLength);
}

std::optional<SequenceNumber> SequenceNumber::parseLegacy(QStringView text)
{
    if (text.size() != kLegacyTextLength)
        return std::nullopt;
    return readFields(text, 2);
}

std::optional<quint32> SequenceNumber::shardIndexOf(QStringView text)
{
    auto ours = parse(text);
    if (!ours)
        ours = parseLegacy(text);
    if (!ours)
        return std::nullopt;
    return ours->shardIndex;
}

std::optional<SequenceNumber> SequenceNumber::fromWire(QStringView text)
{
    if (auto ours = parse(text))
        return ours;
    if (!matchesWirePattern(text))
        return std::nullopt;
    SequenceNumber foreign;
    foreign.foreignText = text.toString();
    return foreign;
}

std::strong_ordering operator<=>(const SequenceNumber &a, const SequenceNumber &b)
{
    if (!a.isForeign() && !b.isForeign()) {
        if (const auto c = a.counter <=> b.counter; c != 0)
            return c;
        return a.shardIndex <=> b.shardIndex;
    }
    // Decimal texts without leading zeros: the longer is larger, equal lengths compare by digit.
    const QString left = a.toString();
    const QString right = b.toString();
    if (const auto c = left.size() <=> right.size(); c != 0)
        return c;
    const int digits = QStringView(left).compare(right);
    return digits < 0   ? std::strong_ordering::less
           : digits > 0 ? std::strong_ordering::greater
                        : std::strong_ordering::equal;
}

bool SequenceNumber::matchesWirePattern(QStringView text)
{
    if (text.isEmpty() || text.size() > 129)
        return false;
    if (text.size() > 1 && text[0] == u'0')
        return false;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace shardscope
