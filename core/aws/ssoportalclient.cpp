#include "ssoportalclient.h"

#include "aws/awshttp.h"
#include "aws/awstimestamp.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QStringBuilder>

namespace shardscope {

using namespace Qt::StringLiterals;

QString SsoPortalClient::cacheKey(const SsoSettings &sso)
{
    const QString input = sso.sessionName.isEmpty() ? sso.startUrl : sso.sessionName;
    return QString::fromLatin1(
        QCryptographicHash::hash(input.toUtf8(), QCryptographicHash::Sha1).toHex());
}

QString SsoPortalClient::cacheFilePath(const QString &cacheDirectory, const SsoSettings &sso)
{
    return QDir(cacheDirectory).filePath(cacheKey(sso) % u".json");
}

Error SsoPortalClient::loginRequired(const SsoSettings &sso)
{
    return Error{ErrorType::UnrecognizedClient,
                 tr("The IAM Identity Center (SSO) session for profile \"%1\" has expired or "
                    "was never started. Run `aws sso login --profile %1` and try again.")
                     .arg(sso.profile)};
}

std::expected<SsoPortalClient::CachedToken, Error>
SsoPortalClient::loadCachedToken(const QString &cacheDirectory, const SsoSettings &sso,
                                 const QDateTime &nowUtc)
{
    QFile file(cacheFilePath(cacheDirectory, sso));
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(loginRequired(sso));
    const QJsonObject token = QJsonDocument::fromJson(file.readAll()).object();
    CachedToken result;
    result.accessToken = token.value(u"accessToken").toString();
    const std::optional<QDateTime> expiresAt =
        parseAwsTimestamp(token.value(u"expiresAt").toString());
    if (result.accessToken.isEmpty() || !expiresAt || *expiresAt <= nowUtc)
        return std::unexpected(loginRequired(sso));
    result.expiresAt = *expiresAt;
    return result;
}

QUrl SsoPortalClient::defaultEndpoint(const QString &region)
{
    const QString domain = region.startsWith(u"cn-") ? u"amazonaws.com.cn"_s : u"amazonaws.com"_s;
    return QUrl(u"https://portal.sso." % region % u'.' % domain);
}

QUrl SsoPortalClient::roleCredentialsUrl(const QUrl &endpoint, const SsoSettings &sso)
{
    QUrl url = endpoint;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path % u"/federation/credentials");
    const QByteArray query = "role_name=" + QUrl::toPercentEncoding(sso.roleName) +
                             "&account_id=" + QUrl::toPercentEncoding(sso.accountId);
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

namespace {

// "UnauthorizedException" from "UnauthorizedException:http://..." or "a.b#UnauthorizedException".
QString errorTypeName(const QByteArray &header, const QJsonObject &body)
{
    QString type = QString::fromUtf8(header);
    if (type.isEmpty())
        type = body.value(u"__type").toString();
    if (const qsizetype colon = type.indexOf(u':'); colon >= 0)
        type.truncate(colon);
    if (const qsizetype hash = type.lastIndexOf(u'#'); hash >= 0)
        type = type.sliced(hash + 1);
    return type;
}

SsoPortalClient::Result roleCredentialsFrom(int httpStatus, QByteArrayView body,
                                            const QByteArray &errorTypeHeader,
                                            const SsoSettings &sso)
{
    const QJsonObject json = QJsonDocument::fromJson(body.toByteArray()).object();
    if (httpStatus == 200) {
        const QJsonObject role = json.value(u"roleCredentials").toObject();
        ResolvedCredentials result;
        result.credentials.accessKeyId = role.value(u"accessKeyId").toString();
        result.credentials.secretAccessKey = role.value(u"secretAccessKey").toString();
        result.credentials.sessionToken = role.value(u"sessionToken").toString();
        const QJsonValue expiration = role.value(u"expiration");
        if (expiration.isDouble())
            result.expiration = QDateTime::fromMSecsSinceEpoch(expiration.toInteger(), Qt::UTC);
        result.source =
            SsoPortalClient::tr("IAM Identity Center role %1 in account %2 (profile %3)")
                .arg(sso.roleName, sso.accountId, sso.profile);
        if (!result.credentials.accessKeyId.isEmpty() &&
            !result.credentials.secretAccessKey.isEmpty() &&
            !result.credentials.sessionToken.isEmpty() && result.expiration)
            return result;
        return std::unexpected(
            Error{ErrorType::InternalFailure,
                  SsoPortalClient::tr("IAM Identity Center answered without role credentials for "
                                      "profile \"%1\".")
                      .arg(sso.profile)});
    }
    if (httpStatus == 401)
        return std::unexpected(SsoPortalClient::loginRequired(sso));
    const QString type = errorTypeName(errorTypeHeader, json);
    QString message = json.value(u"message").toString();
    if (message.isEmpty())
        message = json.value(u"Message").toString();
    if (httpStatus == 403)
        return std::unexpected(Error{
            ErrorType::AccessDenied,
            SsoPortalClient::tr("IAM Identity Center refused role %1 in account %2 for profile "
                                "\"%3\": %4: %5")
                .arg(sso.roleName, sso.accountId, sso.profile, type, message)});
    return std::unexpected(
        Error{httpStatus >= 500 ? ErrorType::InternalFailure : ErrorType::InvalidArgument,
              SsoPortalClient::tr("Getting credentials from IAM Identity Center for profile \"%1\" "
                                  "failed (HTTP %2): %3: %4")
                  .arg(sso.profile)
                  .arg(httpStatus)
                  .arg(type, message)});
}

} // namespace

SsoPortalClient::Result SsoPortalClient::parseRoleCredentials(int httpStatus, QByteArrayView body,
                                                              const SsoSettings &sso)
{
    return roleCredentialsFrom(httpStatus, body, {}, sso);
}

void SsoPortalClient::getRoleCredentials(QNetworkAccessManager *network, const QUrl &endpoint,
                                         const SsoSettings &sso, const QString &accessToken,
                                         std::chrono::milliseconds timeout, QObject *context,
                                         Callback done)
{
    QNetworkRequest request(roleCredentialsUrl(endpoint, sso));
    request.setRawHeader("x-amz-sso_bearer_token", accessToken.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    AwsHttp::send(network, request, "GET", {}, timeout, context,
                  [sso, done = std::move(done)](const AwsHttpResponse &response) {
                      if (response.status == 0) {
                          done(std::unexpected(
                              Error{ErrorType::InternalFailure,
                                    tr("Getting credentials from IAM Identity Center for profile "
                                       "\"%1\" failed: the portal could not be reached: %2")
                                        .arg(sso.profile, response.transportError)}));
                          return;
                      }
                      done(roleCredentialsFrom(response.status, response.body,
                                               response.header("x-amzn-ErrorType"), sso));
                  });
}

} // namespace shardscope
