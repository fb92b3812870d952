#include "aws/awsendpoint.h"

#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace shardscope {

QUrl AwsEndpoint::forService(const QString &service, const QString &region)
{
    const QString domain =
        region.startsWith(u"cn-"_s) ? u"amazonaws.com.cn"_s : u"amazonaws.com"_s;
    return QUrl(u"https://"_s % service % u'.' % region % u'.' % domain);
}

QByteArray AwsEndpoint::hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());
    return host;
}

} // namespace shardscope
