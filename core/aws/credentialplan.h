#pragma once

#include "aws/sigv4.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace shardscope {

// Credentials as a source handed them over.
struct ResolvedCredentials
{
    AwsCredentials credentials;
    std::optional<QDateTime> expiration; // UTC; nullopt for long-term keys
    QString source; // for people: "environment", "profile dev (credential_process)", ...
};

// An IAM Identity Center (SSO) profile, with its sso-session's settings filled in.
struct SsoSettings
{
    QString profile;
    QString sessionName; // empty for a legacy profile (sso_start_url in the profile itself)
    QString startUrl;
    QString region;
    QString accountId;
    QString roleName;
};

// Where the first credentials of a chain come from.
struct CredentialSource
{
    enum class Kind
    {
        Static,
        Environment,
        Process,
        Sso
    };

    Kind kind = Kind::Static;
    QString profile;            // the profile that configures it; empty for the environment
    AwsCredentials credentials; // Static and Environment
    std::optional<QDateTime> expiration; // Environment: AWS_CREDENTIAL_EXPIRATION
    QString command;                     // Process
    SsoSettings sso;                     // Sso
};

// One STS AssumeRole call, made with the credentials the step before produced.
struct AssumeRoleSettings
{
    QString profile;
    QString roleArn;
    QString sessionName; // role_session_name; empty: the provider makes one up
    QString externalId;
    std::optional<int> durationSeconds;
};

// How a profile's credentials are obtained, worked out from the files and the environment
// without doing any of it: a source, then zero or more roles assumed in order (role chaining).
struct CredentialPlan
{
    QString profile; // the profile asked for; empty when the environment supplies the keys
    QString region;  // for STS: the region the profile resolves to (may be empty)
    CredentialSource source;
    QList<AssumeRoleSettings> roles;
};

} // namespace shardscope
