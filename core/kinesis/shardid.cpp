#include "shardid.h"

namespace shardscope::ShardId {

QString format(quint32 index)
{
    return QStringLiteral("shardId-%1").arg(index, 12, 10, QLatin1Char('0'));
}

std::optional<quint32> parse(QStringView shardId)
{
    const qsizetype dash = shardId.indexOf(u'-');
    const QStringView digits = dash < 0 ? shardId : shardId.mid(dash + 1);
    if (digits.isEmpty() || digits.size() > 20)
        return std::nullopt;
    quint64 value = 0;
    for (QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
        if (value > quint64(std::numeric_limits<qint32>::max()))
            return std::nullopt;
    }
    return static_cast<quint32>(value);
}

} // namespace shardscope::ShardId
