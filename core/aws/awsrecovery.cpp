#include "awsrecovery.h"

#include "aws/awslog.h"
#include "aws/credentialsprovider.h"

#include <QLocale>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace shardscope {

AwsRecovery::AwsRecovery(std::function<QDateTime()> localClock) : m_localClock(std::move(localClock)) {}

bool AwsRecovery::isClockSkew(const QString &wireType, const QString &message)
{
    if (wireType == u"RequestExpired" || wireType == u"RequestTimeTooSkewed")
        return true;
    return wireType == u"InvalidSignatureException"
        && (message.contains(u"Signature expired"_s) || message.contains(u"Signature not yet current"_s));
}

bool AwsRecovery::isExpiredCredentials(const QString &wireType, const QString &message)
{
    return wireType == u"ExpiredTokenException" || wireType == u"ExpiredToken" || wireType == u"TokenRefreshRequired"
        || message.contains(u"security token included in the request is expired"_s);
}

std::optional<QDateTime> AwsRecovery::parseHttpDate(const QByteArray &value)
{
    const QString text = QString::fromLatin1(value).trimmed();
    if (text.isEmpty())
        return std::nullopt;
    QDateTime time = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!time.isValid()) {
        time = QLocale::c().toDateTime(text, u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
        time.setTimeZone(QTimeZone::utc());
    }
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC();
}

QDateTime AwsRecovery::localTime() const
{
    return m_localClock ? m_localClock().toUTC() : QDateTime::currentDateTimeUtc();
}

QDateTime AwsRecovery::signingTime() const
{
    return localTime().addMSecs(m_offsetMs);
}

bool AwsRecovery::shouldRetry(const QString &what, const QString &wireType, const QString &message,
                              const QByteArray &dateHeader, CredentialsProvider *provider,
                              AwsRecoveryAttempt &attempt)
{
    if (isClockSkew(wireType, message) && !attempt.skewRetried) {
        if (const auto serverTime = parseHttpDate(dateHeader)) {
            attempt.skewRetried = true;
            const qint64 previousOffsetMs = m_offsetMs;
            m_offsetMs = localTime().msecsTo(*serverTime);
            qCInfo(lcAws).noquote() << what << "was refused for clock skew (" << message
                                    << "); signing with the server's clock from now on: offset"
                                    << previousOffsetMs << "ms ->" << m_offsetMs << "ms";
            return true;
        }
        qCWarning(lcAws).noquote() << what << "was refused for clock skew, and the answer has no usable "
                                              "Date header to correct it by";
    }
    if (isExpiredCredentials(wireType, message) && provider && !attempt.credentialsRetried) {
        qCInfo(lcAws).noquote() << what << "was refused with expired credentials; fetching new ones and "
                                           "trying once more";
        attempt.credentialsRetried = true;
        provider->invalidate();
        return true;
    }
    return false;
}

} // namespace shardscope
