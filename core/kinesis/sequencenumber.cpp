#include "sequencenumber.h"

#include <algorithm>

namespace shardscope {

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
    auto c = static_cast<quint64>(counter);
    for (int i = 21; i >= 2; --i) {
        buffer[i] = static_cast<char>('0' + c % 10);
        c /= 10;
    }
    quint32 s = shardIndex;
    for (int i = 31; i >= 22; --i) {
        buffer[i] = static_cast<char>('0' + s % 10);
        s /= 10;
    }
    return kTextLength;
}

std::optional<SequenceNumber> SequenceNumber::parse(QStringView text)
{
    if (text.size() != kTextLength || text[0] != u'4' || text[1] != u'9')
        return std::nullopt;
    quint64 counter = 0;
    quint64 shard = 0;
    for (qsizetype i = 2; i < kTextLength; ++i) {
        const QChar c = text[i];
        if (c < u'0' || c > u'9')
            return std::nullopt;
        const unsigned digit = c.unicode() - u'0';
        if (i < 22) {
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
    return digits < 0 ? std::strong_ordering::less
                      : digits > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
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
