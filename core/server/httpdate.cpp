#include "httpdate.h"

#include <QDateTime>
#include <QLocale>

namespace shardscope {

QByteArray httpDateNow()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace shardscope
