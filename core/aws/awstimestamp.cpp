#include "awstimestamp.h"

namespace shardscope {

std::optional<QDateTime> parseAwsTimestamp(QStringView text)
{
    QString value = text.trimmed().toString();
    if (value.endsWith(u"UTC", Qt::CaseInsensitive)) {
        value.chop(3);
        value.append(u'Z');
    }
    QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toUTC();
}

} // namespace shardscope
