#include "streamarn.h"

#include <QList>

namespace shardscope {

QString StreamArn::toString() const
{
    return u"arn:" % partition % u":kinesis:" % region % u':' % account % u":stream/" % streamName;
}

std::optional<StreamArn> StreamArn::parse(QStringView arn)
{
    // Split on the first five colons only; the resource part may not contain more.
    const auto parts = arn.split(u':');
    if (parts.size() != 6 || parts[0] != u"arn" || !parts[1].startsWith(u"aws") ||
        parts[2] != u"kinesis")
        return std::nullopt;
    const QStringView resource = parts[5];
    constexpr QStringView prefix = u"stream/";
    if (!resource.startsWith(prefix) || resource.size() == prefix.size())
        return std::nullopt;
    if (parts[4].size() != 12)
        return std::nullopt;
    for (QChar c : parts[4]) {
        if (!c.isDigit())
            return std::nullopt;
    }
    StreamArn result;
    result.partition = parts[1].toString();
    result.region = parts[3].toString();
    result.account = parts[4].toString();
    result.streamName = resource.mid(prefix.size()).toString();
    if (result.streamName.contains(u'/'))
        return std::nullopt;
    return result;
}

} // namespace shardscope
