#include "stsclient.h"

#include "aws/awshttp.h"
#include "aws/awstimestamp.h"

#include <QHash>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QStringBuilder>
#include <QXmlStreamReader>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

// Text of every element that holds text, keyed by its path from the root ("A/B/C").
std::optional<QHash<QString, QString>> elementTexts(QByteArrayView xml)
{
    QHash<QString, QString> texts;
    QStringList path;
    QXmlStreamReader reader(xml.toByteArray());
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement:
            path.append(reader.name().toString());
            break;
        case QXmlStreamReader::Characters:
            if (!path.isEmpty() && !reader.isWhitespace())
                texts[path.join(u'/')] += reader.text();
            break;
        case QXmlStreamReader::EndElement:
            if (!path.isEmpty())
                path.removeLast();
            break;
        default:
            break;
        }
    }
    if (reader.hasError())
        return std::nullopt;
    // Pretty-printed answers (AWS's own examples) wrap long values in whitespace.
    for (QString &text : texts)
        text = text.trimmed();
    return texts;
}

ErrorType typeForStsCode(const QString &code, int httpStatus)
{
    if (code == u"AccessDenied")
        return ErrorType::AccessDenied;
    static const QStringList unrecognized = {
        u"ExpiredToken"_s,       u"InvalidClientTokenId"_s, u"SignatureDoesNotMatch"_s,
        u"UnrecognizedClient"_s, u"IncompleteSignature"_s,  u"MissingAuthenticationToken"_s};
    if (unrecognized.contains(code))
        return ErrorType::UnrecognizedClient;
    return httpStatus >= 500 ? ErrorType::InternalFailure : ErrorType::InvalidArgument;
}

QByteArray formValue(const QString &value)
{
    return QUrl::toPercentEncoding(value);
}

} // namespace

QUrl StsClient::defaultEndpoint(const QString &region)
{
    if (region.isEmpty())
        return QUrl(u"https://sts.amazonaws.com/"_s);
    const QString domain = region.startsWith(u"cn-") ? u"amazonaws.com.cn"_s : u"amazonaws.com"_s;
    return QUrl(u"https://sts." % region % u'.' % domain % u'/');
}

QString StsClient::signingRegion(const QString &region)
{
    return region.isEmpty() ? u"us-east-1"_s : region;
}

QByteArray StsClient::assumeRoleBody(const AssumeRoleSettings &role, const QString &sessionName)
{
    QByteArray body = "Action=AssumeRole&Version=2011-06-15&RoleArn=" + formValue(role.roleArn) +
                      "&RoleSessionName=" + formValue(sessionName);
    if (!role.externalId.isEmpty())
        body += "&ExternalId=" + formValue(role.externalId);
    if (role.durationSeconds)
        body += "&DurationSeconds=" + QByteArray::number(*role.durationSeconds);
    return body;
}

SignableRequest StsClient::assumeRoleRequest(const QUrl &endpoint, const QByteArray &body,
                                             const AwsCredentials &caller, const QString &region,
                                             const QDateTime &nowUtc)
{
    SignableRequest request;
    request.method = "POST";
    request.path = endpoint.path(QUrl::FullyEncoded).toUtf8();
    if (request.path.isEmpty())
        request.path = "/";
    QByteArray host = endpoint.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (endpoint.port() != -1)
        host += ':' + QByteArray::number(endpoint.port());
    request.headers.append({QByteArrayLiteral("Host"), host});
    request.headers.append({QByteArrayLiteral("Content-Type"),
                            QByteArrayLiteral("application/x-www-form-urlencoded; charset=utf-8")});
    request.body = body;
    SigV4::sign(request, caller, signingRegion(region), u"sts"_s, nowUtc);
    return request;
}

StsClient::Result StsClient::parseAssumeRoleResponse(int httpStatus, QByteArrayView body,
                                                     const AssumeRoleSettings &role)
{
    const std::optional<QHash<QString, QString>> texts = elementTexts(body);
    if (texts && texts->contains(u"ErrorResponse/Error/Code"_s)) {
        const QString code = texts->value(u"ErrorResponse/Error/Code"_s);
        const QString message = texts->value(u"ErrorResponse/Error/Message"_s);
        return std::unexpected(Error{typeForStsCode(code, httpStatus),
                                     tr("Assuming role %1 for profile \"%2\" failed: %3: %4")
                                         .arg(role.roleArn, role.profile, code, message)});
    }
    const QString prefix = u"AssumeRoleResponse/AssumeRoleResult/Credentials/"_s;
    if (httpStatus == 200 && texts) {
        ResolvedCredentials result;
        result.credentials.accessKeyId = texts->value(prefix % u"AccessKeyId");
        result.credentials.secretAccessKey = texts->value(prefix % u"SecretAccessKey");
        // A token is base64; whitespace in it is only line wrapping.
        result.credentials.sessionToken =
            texts->value(prefix % u"SessionToken").remove(QRegularExpression(u"\\s+"_s));
        result.expiration = parseAwsTimestamp(texts->value(prefix % u"Expiration"));
        result.source = tr("role %1 (profile %2)").arg(role.roleArn, role.profile);
        if (!result.credentials.accessKeyId.isEmpty() &&
            !result.credentials.secretAccessKey.isEmpty() &&
            !result.credentials.sessionToken.isEmpty() && result.expiration)
            return result;
    }
    return std::unexpected(
        Error{httpStatus >= 500 ? ErrorType::InternalFailure : ErrorType::InvalidArgument,
              tr("Assuming role %1 for profile \"%2\" failed: STS answered HTTP %3 without "
                 "credentials or an error in the expected form.")
                  .arg(role.roleArn, role.profile)
                  .arg(httpStatus)});
}

void StsClient::assumeRole(QNetworkAccessManager *network, const QUrl &endpoint,
                           const AssumeRoleSettings &role, const AwsCredentials &caller,
                           const QString &region, std::chrono::milliseconds timeout,
                           QObject *context, Callback done)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString sessionName =
        role.sessionName.isEmpty()
            ? u"shardscope-session-"_s + QString::number(now.toSecsSinceEpoch())
            : role.sessionName;
    const SignableRequest signedRequest =
        assumeRoleRequest(endpoint, assumeRoleBody(role, sessionName), caller, region, now);
    QNetworkRequest request(endpoint);
    for (const auto &[name, value] : signedRequest.headers)
        request.setRawHeader(name, value);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    AwsHttp::send(network, request, "POST", signedRequest.body, timeout, context,
                  [role, done = std::move(done)](const AwsHttpResponse &response) {
                      if (response.status == 0) {
                          done(std::unexpected(Error{
                              ErrorType::InternalFailure,
                              tr("Assuming role %1 for profile \"%2\" failed: STS could not be "
                                 "reached: %3")
                                  .arg(role.roleArn, role.profile, response.transportError)}));
                          return;
                      }
                      done(parseAssumeRoleResponse(response.status, response.body, role));
                  });
}

} // namespace shardscope
