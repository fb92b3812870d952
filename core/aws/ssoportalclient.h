#pragma once

#include "aws/credentialplan.h"
#include "kinesis/error.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <chrono>
#include <expected>
#include <functional>

class QNetworkAccessManager;
class QObject;

namespace shardscope {

// IAM Identity Center (SSO) role credentials: the access token `aws sso login` cached in
// ~/.aws/sso/cache/<sha1>.json, exchanged at the portal's GetRoleCredentials
// (GET /federation/credentials?role_name=..&account_id=.., header x-amz-sso_bearer_token).
// Stateless; the network call runs on the thread of the QNetworkAccessManager it is given.
//
// A missing, unreadable or expired token, and a token the portal refuses (401), are
// UnrecognizedClient errors whose message says to run `aws sso login --profile <profile>`.
class SsoPortalClient final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::SsoPortalClient)

public:
    using Result = std::expected<ResolvedCredentials, Error>;
    using Callback = std::function<void(Result)>;

    struct CachedToken
    {
        QString accessToken;
        QDateTime expiresAt; // UTC
    };

    // SHA-1 (hex) of the sso-session name, or of the start URL for a legacy profile.
    static QString cacheKey(const SsoSettings &sso);
    static QString cacheFilePath(const QString &cacheDirectory, const SsoSettings &sso);
    static std::expected<CachedToken, Error>
    loadCachedToken(const QString &cacheDirectory, const SsoSettings &sso, const QDateTime &nowUtc);
    // The error for "log in again", naming the command that does it.
    static Error loginRequired(const SsoSettings &sso);

    // https://portal.sso.REGION.amazonaws.com
    static QUrl defaultEndpoint(const QString &region);
    static QUrl roleCredentialsUrl(const QUrl &endpoint, const SsoSettings &sso);
    static Result parseRoleCredentials(int httpStatus, QByteArrayView body, const SsoSettings &sso);

    // Calls GetRoleCredentials; `done` runs once on `context`'s thread unless it dies first.
    static void getRoleCredentials(QNetworkAccessManager *network, const QUrl &endpoint,
                                   const SsoSettings &sso, const QString &accessToken,
                                   std::chrono::milliseconds timeout, QObject *context,
                                   Callback done);
};

} // namespace shardscope
