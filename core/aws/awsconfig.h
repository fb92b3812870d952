#pragma once

#include "aws/credentialplan.h"
#include "kinesis/error.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <expected>
#include <optional>

namespace shardscope {

class AwsIniFile;

// What a profile would use for credentials, for a profile picker.
enum class AwsProfileKind
{
    None,
    StaticKeys,
    AssumeRole,
    Sso,
    Process
};

struct AwsProfileInfo
{
    QString name;
    QString region; // the profile's own region setting; empty when it has none
    AwsProfileKind kind = AwsProfileKind::None;
    bool operator==(const AwsProfileInfo &) const = default;
};

// The AWS shared configuration as the AWS CLI sees it: ~/.aws/config, ~/.aws/credentials
// (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE) and the AWS_* environment variables, read
// once into an immutable snapshot. It answers which profile applies, its region and endpoint,
// and how its credentials are obtained (credentialPlan()); it never touches the network.
//
// Meaning of the sections, as botocore gives it:
// - config file: [default] and [profile NAME] are profiles, [sso-session NAME] and
//   [services NAME] their namesakes; other sections are ignored;
// - credentials file: every [NAME] is a profile (no "profile " prefix), and its settings win
//   over the config file's for the same profile.
//
// Errors (std::expected<_, Error>): configuration mistakes are InvalidArgument, no credentials
// anywhere is MissingAuthenticationToken; the message says what to fix.
// A value type, safe to copy across threads.
class AwsConfig final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::AwsConfig)

public:
    using Settings = QMap<QString, QString>;
    using Environment = QHash<QString, QString>;

    AwsConfig() = default;

    // Reads the process environment (every AWS_* variable) and the files it points at.
    static AwsConfig fromEnvironment();
    // The files at these paths (missing files are empty) and the given environment; the file
    // path variables in `environment` are not consulted.
    static AwsConfig fromFiles(const QString &configPath, const QString &credentialsPath,
                               Environment environment = {});
    static AwsConfig fromText(QByteArrayView configText, QByteArrayView credentialsText,
                              Environment environment = {});

    QString configFilePath() const { return m_configPath; }
    QString credentialsFilePath() const { return m_credentialsPath; }
    // Unreadable files and skipped lines: "file:line: problem".
    QStringList warnings() const { return m_warnings; }
    // An environment variable of the snapshot; empty when unset.
    QString environmentValue(const QString &name) const { return m_environment.value(name); }

    // Profile names from both files, sorted, "default" first when present.
    QStringList profileNames() const;
    QList<AwsProfileInfo> profiles() const;
    bool hasProfile(const QString &name) const;
    // The merged settings of a profile (the credentials file wins), or nullopt.
    std::optional<Settings> profile(const QString &name) const;
    std::optional<Settings> ssoSession(const QString &name) const;
    // The nested settings of [services NAME]: service key ("kinesis") → settings.
    std::optional<QMap<QString, Settings>> services(const QString &name) const;

    // The profile that applies: `explicitProfile` when given, else AWS_PROFILE, else
    // AWS_DEFAULT_PROFILE, else "default".
    QString selectedProfile(const QString &explicitProfile = {}) const;
    // AWS_REGION, else AWS_DEFAULT_REGION, else the profile's region; empty when none is set.
    QString region(const QString &explicitProfile = {}) const;
    // The configured endpoint for a service ("kinesis", "sts", "sso"): AWS_ENDPOINT_URL_<ID>,
    // else AWS_ENDPOINT_URL, else endpoint_url in the profile's [services] section for that
    // service, else the profile's endpoint_url; none when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
    // or ignore_configured_endpoint_urls is true. An empty QUrl when nothing is configured.
    QUrl endpointUrl(const QString &explicitProfile = {},
                     const QString &serviceId = QStringLiteral("kinesis")) const;

    // How the credentials are obtained. Without an explicit profile, keys in AWS_ACCESS_KEY_ID
    // and AWS_SECRET_ACCESS_KEY come first (as in the CLI); an explicit profile (the CLI's
    // --profile) skips them. Then, for the profile: assume role (role_arn with source_profile
    // or credential_source), SSO, keys from the credentials file, credential_process, keys from
    // the config file.
    std::expected<CredentialPlan, Error> credentialPlan(const QString &explicitProfile = {}) const;

    // Where `aws sso login` caches tokens: ~/.aws/sso/cache unless set.
    QString ssoCacheDirectory() const;
    void setSsoCacheDirectory(const QString &path) { m_ssoCacheDirectory = path; }

private:
    void load(const AwsIniFile &config, const AwsIniFile &credentials);
    bool flagIsTrue(const QString &environmentName, const Settings &profile,
                    const QString &key) const;
    std::expected<CredentialPlan, Error> planProfile(const QString &name, QStringList visited,
                                                     bool asSource) const;
    std::expected<CredentialSource, Error> sourceOf(const QString &name) const;
    // nullopt when the environment holds no keys.
    std::expected<std::optional<CredentialSource>, Error> environmentSource() const;
    std::expected<CredentialSource, Error> staticSource(const QString &name,
                                                        const Settings &settings) const;
    std::expected<SsoSettings, Error> ssoSettings(const QString &name,
                                                  const Settings &settings) const;
    AwsProfileKind kindOf(const Settings &settings) const;

    QString m_configPath;
    QString m_credentialsPath;
    QString m_ssoCacheDirectory;
    Environment m_environment;
    QHash<QString, Settings> m_configProfiles;
    QHash<QString, Settings> m_credentialsProfiles;
    QHash<QString, Settings> m_ssoSessions;
    QHash<QString, QMap<QString, Settings>> m_services;
    QStringList m_warnings;
};

} // namespace shardscope
