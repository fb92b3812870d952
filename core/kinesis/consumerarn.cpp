#include "consumerarn.h"

#include <QList>

namespace shardscope {

namespace {

// The StreamName/ConsumerName pattern [a-zA-Z0-9_.-]+.
bool isName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                        (u >= '0' && u <= '9') || u == '_' || u == '.' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

bool isDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

QString ConsumerArn::toString() const
{
    return u"arn:" % partition % u":kinesis:" % region % u':' % account % u":stream/" % streamName %
           u"/consumer/" % consumerName % u':' % QString::number(creationSeconds);
}

std::optional<ConsumerArn> ConsumerArn::parse(QStringView arn)
{
    const auto parts = arn.split(u':');
    if (parts.size() != 7 || parts[0] != u"arn" || !parts[1].startsWith(u"aws") ||
        parts[2] != u"kinesis")
        return std::nullopt;
    const auto resource = parts[5].split(u'/');
    if (resource.size() != 4 || resource[0] != u"stream" || resource[2] != u"consumer")
        return std::nullopt;
    if (parts[4].size() != 12 || !isDigits(parts[4]) || !isDigits(parts[6]))
        return std::nullopt;
    if (!isName(resource[1]) || !isName(resource[3]))
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = parts[6].toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    ConsumerArn result;
    result.partition = parts[1].toString();
    result.region = parts[3].toString();
    result.account = parts[4].toString();
    result.streamName = resource[1].toString();
    result.consumerName = resource[3].toString();
    result.creationSeconds = seconds;
    return result;
}

} // namespace shardscope
