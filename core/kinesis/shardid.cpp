#include "shardid.h"

namespace shardscope::ShardId {

QString format(quint32 index)
{
    // By hand rather than QString::arg: a PutRecords answer names a shard per record, and arg
    // cost about 3,700 instructions each (a seventh of a record's put over the wire).
    char text[] = "shardId-000000000000";
    for (int i = int(sizeof(text)) - 2; index != 0; --i) {
        text[i] = char('0' + index % 10);
        index /= 10;
    }
    return QString::fromLatin1(text, qsizetype(sizeof(text)) - 1);
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
