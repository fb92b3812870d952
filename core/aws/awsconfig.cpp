#include "awsconfig.h"

#include "aws/awsinifile.h"
#include "aws/awslog.h"
#include "aws/awstimestamp.h"
#include "aws/shellwords.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStringBuilder>

#include <algorithm>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

const QStringList &ssoKeys()
{
    static const QStringList keys = {u"sso_session"_s, u"sso_start_url"_s, u"sso_region"_s,
                                     u"sso_account_id"_s, u"sso_role_name"_s};
    return keys;
}

bool hasValue(const AwsConfig::Settings &settings, const QString &key)
{
    return !settings.value(key).isEmpty();
}

bool hasStaticKeys(const AwsConfig::Settings &settings)
{
    return hasValue(settings, u"aws_access_key_id"_s);
}

bool isSsoProfile(const AwsConfig::Settings &settings)
{
    return std::any_of(ssoKeys().begin(), ssoKeys().end(),
                       [&](const QString &key) { return hasValue(settings, key); });
}

Error configError(const QString &message)
{
    return Error{ErrorType::InvalidArgument, message};
}

QString expandHome(const QString &path)
{
    if (path == u"~")
        return QDir::homePath();
    if (path.startsWith(u"~/"))
        return QDir::homePath() % path.sliced(1);
    return path;
}

struct LoadedFile
{
    QByteArray text;
    QString warning;
};

LoadedFile readFile(const QString &path)
{
    if (path.isEmpty() || !QFileInfo::exists(path))
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, path % u": " % file.errorString()};
    return {file.readAll(), {}};
}

// botocore splits section names like a shell would: [profile "my name"] is profile "my name".
std::optional<QString> prefixedName(const QString &section, QStringView prefix)
{
    if (!section.startsWith(prefix))
        return std::nullopt;
    const std::optional<QStringList> words = splitShellWords(section);
    if (!words || words->size() != 2 || words->front() != prefix)
        return std::nullopt;
    return words->at(1);
}

void mergeInto(AwsConfig::Settings &target, const AwsConfig::Settings &source)
{
    for (auto it = source.begin(); it != source.end(); ++it)
        target.insert(it.key(), it.value());
}

QString serviceEnvironmentSuffix(const QString &serviceId)
{
    QString suffix = serviceId.toUpper();
    suffix.replace(u' ', u'_').replace(u'-', u'_');
    return suffix;
}

QString serviceSectionKey(const QString &serviceId)
{
    QString key = serviceId.toLower();
    key.replace(u' ', u'_').replace(u'-', u'_');
    return key;
}

} // namespace

AwsConfig AwsConfig::fromEnvironment()
{
    Environment environment;
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    for (const QString &key : system.keys()) {
        if (key.startsWith(u"AWS_"))
            environment.insert(key, system.value(key));
    }
    const QString awsDir = QDir::homePath() % u"/.aws/";
    const QString configPath = environment.value(u"AWS_CONFIG_FILE"_s);
    const QString credentialsPath = environment.value(u"AWS_SHARED_CREDENTIALS_FILE"_s);
    return fromFiles(configPath.isEmpty() ? awsDir % u"config" : expandHome(configPath),
                     credentialsPath.isEmpty() ? awsDir % u"credentials"
                                               : expandHome(credentialsPath),
                     std::move(environment));
}

AwsConfig AwsConfig::fromFiles(const QString &configPath, const QString &credentialsPath,
                               Environment environment)
{
    const LoadedFile config = readFile(configPath);
    const LoadedFile credentials = readFile(credentialsPath);
    AwsConfig result;
    result.m_configPath = configPath;
    result.m_credentialsPath = credentialsPath;
    result.m_environment = std::move(environment);
    for (const QString &warning : {config.warning, credentials.warning}) {
        if (!warning.isEmpty())
            result.m_warnings.append(warning);
    }
    result.load(AwsIniFile::parse(config.text, configPath),
                AwsIniFile::parse(credentials.text, credentialsPath));
    // Nothing in the window lists these: a line that was skipped would otherwise go unnoticed.
    for (const QString &warning : std::as_const(result.m_warnings))
        qCWarning(lcAws).noquote() << "AWS configuration:" << warning;
    return result;
}

AwsConfig AwsConfig::fromText(QByteArrayView configText, QByteArrayView credentialsText,
                              Environment environment)
{
    AwsConfig result;
    result.m_environment = std::move(environment);
    result.load(AwsIniFile::parse(configText, u"config"_s),
                AwsIniFile::parse(credentialsText, u"credentials"_s));
    return result;
}

void AwsConfig::load(const AwsIniFile &config, const AwsIniFile &credentials)
{
    m_warnings += config.warnings();
    m_warnings += credentials.warnings();

    Settings plainDefault;
    Settings prefixedDefault;
    bool hasDefault = false;
    for (const AwsIniSection &section : config.sections()) {
        if (section.name == u"default") {
            hasDefault = true;
            mergeInto(plainDefault, section.settings);
        } else if (const auto profile = prefixedName(section.name, u"profile")) {
            if (*profile == u"default") {
                hasDefault = true;
                mergeInto(prefixedDefault, section.settings);
            } else {
                mergeInto(m_configProfiles[*profile], section.settings);
            }
        } else if (const auto session = prefixedName(section.name, u"sso-session")) {
            mergeInto(m_ssoSessions[*session], section.settings);
        } else if (const auto services = prefixedName(section.name, u"services")) {
            QMap<QString, Settings> &target = m_services[*services];
            for (auto it = section.subsections.begin(); it != section.subsections.end(); ++it)
                mergeInto(target[it.key()], it.value());
        }
        // Any other section in the config file is not a profile for the CLI either.
    }
    // [profile default] is the explicit spelling and wins over [default].
    if (hasDefault) {
        Settings &target = m_configProfiles[u"default"_s];
        mergeInto(target, plainDefault);
        mergeInto(target, prefixedDefault);
    }
    for (const AwsIniSection &section : credentials.sections())
        mergeInto(m_credentialsProfiles[section.name], section.settings);
}

QStringList AwsConfig::profileNames() const
{
    QSet<QString> names;
    for (auto it = m_configProfiles.begin(); it != m_configProfiles.end(); ++it)
        names.insert(it.key());
    for (auto it = m_credentialsProfiles.begin(); it != m_credentialsProfiles.end(); ++it)
        names.insert(it.key());
    QStringList sorted(names.begin(), names.end());
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        if ((a == u"default") != (b == u"default"))
            return a == u"default";
        return a.localeAwareCompare(b) < 0;
    });
    return sorted;
}

QList<AwsProfileInfo> AwsConfig::profiles() const
{
    QList<AwsProfileInfo> result;
    for (const QString &name : profileNames()) {
        const Settings settings = *profile(name);
        result.append({name, settings.value(u"region"_s), kindOf(settings)});
    }
    return result;
}

AwsProfileKind AwsConfig::kindOf(const Settings &settings) const
{
    if (hasValue(settings, u"role_arn"_s))
        return AwsProfileKind::AssumeRole;
    if (isSsoProfile(settings))
        return AwsProfileKind::Sso;
    if (hasStaticKeys(settings))
        return AwsProfileKind::StaticKeys;
    if (hasValue(settings, u"credential_process"_s))
        return AwsProfileKind::Process;
    return AwsProfileKind::None;
}

bool AwsConfig::hasProfile(const QString &name) const
{
    return m_configProfiles.contains(name) || m_credentialsProfiles.contains(name);
}

std::optional<AwsConfig::Settings> AwsConfig::profile(const QString &name) const
{
    if (!hasProfile(name))
        return std::nullopt;
    Settings merged = m_configProfiles.value(name);
    mergeInto(merged, m_credentialsProfiles.value(name));
    return merged;
}

std::optional<AwsConfig::Settings> AwsConfig::ssoSession(const QString &name) const
{
    const auto it = m_ssoSessions.find(name);
    if (it == m_ssoSessions.end())
        return std::nullopt;
    return *it;
}

std::optional<QMap<QString, AwsConfig::Settings>> AwsConfig::services(const QString &name) const
{
    const auto it = m_services.find(name);
    if (it == m_services.end())
        return std::nullopt;
    return *it;
}

QString AwsConfig::selectedProfile(const QString &explicitProfile) const
{
    if (!explicitProfile.isEmpty())
        return explicitProfile;
    for (const QString &variable : {u"AWS_PROFILE"_s, u"AWS_DEFAULT_PROFILE"_s}) {
        const QString value = m_environment.value(variable);
        if (!value.isEmpty())
            return value;
    }
    return u"default"_s;
}

QString AwsConfig::region(const QString &explicitProfile) const
{
    for (const QString &variable : {u"AWS_REGION"_s, u"AWS_DEFAULT_REGION"_s}) {
        const QString value = m_environment.value(variable);
        if (!value.isEmpty())
            return value;
    }
    return profile(selectedProfile(explicitProfile)).value_or(Settings()).value(u"region"_s);
}

bool AwsConfig::flagIsTrue(const QString &environmentName, const Settings &settings,
                           const QString &key) const
{
    const QString fromEnvironment = m_environment.value(environmentName);
    if (!fromEnvironment.isEmpty())
        return fromEnvironment.compare(u"true", Qt::CaseInsensitive) == 0;
    return settings.value(key).compare(u"true", Qt::CaseInsensitive) == 0;
}

QUrl AwsConfig::endpointUrl(const QString &explicitProfile, const QString &serviceId) const
{
    const Settings settings = profile(selectedProfile(explicitProfile)).value_or(Settings());
    if (flagIsTrue(u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"_s, settings,
                   u"ignore_configured_endpoint_urls"_s))
        return {};
    QString url = m_environment.value(u"AWS_ENDPOINT_URL_"_s % serviceEnvironmentSuffix(serviceId));
    if (url.isEmpty())
        url = m_environment.value(u"AWS_ENDPOINT_URL"_s);
    if (url.isEmpty() && hasValue(settings, u"services"_s)) {
        url = m_services.value(settings.value(u"services"_s))
                  .value(serviceSectionKey(serviceId))
                  .value(u"endpoint_url"_s);
    }
    if (url.isEmpty())
        url = settings.value(u"endpoint_url"_s);
    return url.isEmpty() ? QUrl() : QUrl(url);
}

QString AwsConfig::ssoCacheDirectory() const
{
    return m_ssoCacheDirectory.isEmpty() ? QDir::homePath() % u"/.aws/sso/cache"
                                         : m_ssoCacheDirectory;
}

std::expected<CredentialPlan, Error> AwsConfig::credentialPlan(const QString &explicitProfile) const
{
    if (explicitProfile.isEmpty()) {
        const auto environment = environmentSource();
        if (!environment)
            return std::unexpected(environment.error());
        if (*environment)
            return CredentialPlan{{}, region(), **environment, {}};
    }
    const QString name = selectedProfile(explicitProfile);
    if (!hasProfile(name)) {
        if (name == u"default" && explicitProfile.isEmpty())
            return std::unexpected(Error{
                ErrorType::MissingAuthenticationToken,
                tr("No AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                   "run `aws configure`, or choose a profile.")});
        return std::unexpected(configError(
            tr("The AWS profile \"%1\" does not exist in %2 or %3.")
                .arg(name,
                     m_configPath.isEmpty() ? tr("the config file")
                                            : QDir::toNativeSeparators(m_configPath),
                     m_credentialsPath.isEmpty() ? tr("the credentials file")
                                                 : QDir::toNativeSeparators(m_credentialsPath))));
    }
    std::expected<CredentialPlan, Error> plan = planProfile(name, {}, false);
    if (plan) {
        plan->profile = name;
        plan->region = region(explicitProfile);
    }
    return plan;
}

std::expected<CredentialPlan, Error>
AwsConfig::planProfile(const QString &name, QStringList visited, bool asSource) const
{
    const Settings settings = profile(name).value_or(Settings());
    CredentialPlan plan;

    // A source profile's own keys win over its role_arn (botocore does the same), which is
    // also what lets a profile name itself as source_profile.
    if (asSource && hasStaticKeys(settings)) {
        auto source = staticSource(name, settings);
        if (!source)
            return std::unexpected(source.error());
        plan.source = *source;
        return plan;
    }

    if (!hasValue(settings, u"role_arn"_s)) {
        auto source = sourceOf(name);
        if (!source)
            return std::unexpected(source.error());
        plan.source = *source;
        return plan;
    }

    const QString sourceProfile = settings.value(u"source_profile"_s);
    const QString credentialSource = settings.value(u"credential_source"_s);
    if (!sourceProfile.isEmpty() && !credentialSource.isEmpty())
        return std::unexpected(configError(
            tr("Profile \"%1\" sets both source_profile and credential_source; keep one.")
                .arg(name)));
    if (sourceProfile.isEmpty() && credentialSource.isEmpty()) {
        if (hasValue(settings, u"web_identity_token_file"_s))
            return std::unexpected(
                configError(tr("Profile \"%1\" assumes a role with a web identity token "
                               "(web_identity_token_file), which Shardscope does not support.")
                                .arg(name)));
        return std::unexpected(configError(
            tr("Profile \"%1\" sets role_arn but neither source_profile nor credential_source.")
                .arg(name)));
    }
    if (hasValue(settings, u"mfa_serial"_s))
        return std::unexpected(configError(
            tr("Profile \"%1\" needs an MFA code (mfa_serial), which Shardscope cannot ask for. "
               "Use credentials from `aws sts get-session-token` or a profile without "
               "mfa_serial.")
                .arg(name)));

    AssumeRoleSettings role{name, settings.value(u"role_arn"_s),
                            settings.value(u"role_session_name"_s),
                            settings.value(u"external_id"_s), std::nullopt};
    if (hasValue(settings, u"duration_seconds"_s)) {
        bool ok = false;
        const int seconds = settings.value(u"duration_seconds"_s).toInt(&ok);
        if (!ok || seconds <= 0)
            return std::unexpected(
                configError(tr("Profile \"%1\": duration_seconds must be a positive number of "
                               "seconds, not \"%2\".")
                                .arg(name, settings.value(u"duration_seconds"_s))));
        role.durationSeconds = seconds;
    }

    if (!credentialSource.isEmpty()) {
        if (credentialSource == u"Environment") {
            const auto environment = environmentSource();
            if (!environment)
                return std::unexpected(environment.error());
            if (!*environment)
                return std::unexpected(
                    Error{ErrorType::MissingAuthenticationToken,
                          tr("Profile \"%1\" takes its source credentials from the environment "
                             "(credential_source = Environment), but AWS_ACCESS_KEY_ID and "
                             "AWS_SECRET_ACCESS_KEY are not set.")
                              .arg(name)});
            plan.source = **environment;
        } else if (credentialSource == u"Ec2InstanceMetadata" ||
                   credentialSource == u"EcsContainer") {
            return std::unexpected(
                configError(tr("Profile \"%1\": credential_source = %2 is not supported by "
                               "Shardscope; only Environment is.")
                                .arg(name, credentialSource)));
        } else {
            return std::unexpected(
                configError(tr("Profile \"%1\": credential_source must be Environment, "
                               "Ec2InstanceMetadata or EcsContainer, not \"%2\".")
                                .arg(name, credentialSource)));
        }
        plan.roles.append(role);
        return plan;
    }

    visited.append(name);
    const bool selfWithKeys = sourceProfile == name && hasStaticKeys(settings);
    if (visited.contains(sourceProfile) && !selfWithKeys)
        return std::unexpected(configError(
            tr("The AWS profiles form a loop through source_profile: %1. Point one of them at "
               "a profile with credentials.")
                .arg((visited + QStringList{sourceProfile}).join(u" → "))));
    if (!hasProfile(sourceProfile))
        return std::unexpected(
            configError(tr("The source_profile \"%1\" named by profile \"%2\" does not exist.")
                            .arg(sourceProfile, name)));
    auto inner = planProfile(sourceProfile, visited, true);
    if (!inner)
        return inner;
    plan = *inner;
    plan.roles.append(role);
    return plan;
}

std::expected<CredentialSource, Error> AwsConfig::sourceOf(const QString &name) const
{
    const Settings settings = profile(name).value_or(Settings());
    if (isSsoProfile(settings)) {
        auto sso = ssoSettings(name, settings);
        if (!sso)
            return std::unexpected(sso.error());
        CredentialSource source;
        source.kind = CredentialSource::Kind::Sso;
        source.profile = name;
        source.sso = *sso;
        return source;
    }
    // The CLI's order: keys from the credentials file, credential_process, keys from config.
    const Settings fromCredentials = m_credentialsProfiles.value(name);
    if (hasStaticKeys(fromCredentials) || hasValue(fromCredentials, u"aws_secret_access_key"_s))
        return staticSource(name, settings);
    if (hasValue(settings, u"credential_process"_s)) {
        CredentialSource source;
        source.kind = CredentialSource::Kind::Process;
        source.profile = name;
        source.command = settings.value(u"credential_process"_s);
        return source;
    }
    if (hasStaticKeys(settings) || hasValue(settings, u"aws_secret_access_key"_s))
        return staticSource(name, settings);
    return std::unexpected(
        Error{ErrorType::MissingAuthenticationToken,
              tr("Profile \"%1\" has no credentials: it sets none of aws_access_key_id, "
                 "credential_process, sso_session (or sso_start_url) and role_arn.")
                  .arg(name)});
}

std::expected<CredentialSource, Error> AwsConfig::staticSource(const QString &name,
                                                               const Settings &settings) const
{
    QStringList missing;
    for (const QString &key : {u"aws_access_key_id"_s, u"aws_secret_access_key"_s}) {
        if (!hasValue(settings, key))
            missing.append(key);
    }
    if (!missing.isEmpty())
        return std::unexpected(configError(tr("Profile \"%1\" has incomplete keys: %2 is missing.")
                                               .arg(name, missing.join(u", "))));
    CredentialSource source;
    source.kind = CredentialSource::Kind::Static;
    source.profile = name;
    source.credentials.accessKeyId = settings.value(u"aws_access_key_id"_s);
    source.credentials.secretAccessKey = settings.value(u"aws_secret_access_key"_s);
    source.credentials.sessionToken = settings.value(u"aws_session_token"_s);
    if (source.credentials.sessionToken.isEmpty())
        source.credentials.sessionToken = settings.value(u"aws_security_token"_s);
    return source;
}

std::expected<std::optional<CredentialSource>, Error> AwsConfig::environmentSource() const
{
    const QString keyId = m_environment.value(u"AWS_ACCESS_KEY_ID"_s);
    const QString secret = m_environment.value(u"AWS_SECRET_ACCESS_KEY"_s);
    if (keyId.isEmpty() && secret.isEmpty())
        return std::nullopt;
    if (keyId.isEmpty() || secret.isEmpty())
        return std::unexpected(configError(
            tr("Incomplete AWS credentials in the environment: %1 is set but %2 is not.")
                .arg(keyId.isEmpty() ? u"AWS_SECRET_ACCESS_KEY"_s : u"AWS_ACCESS_KEY_ID"_s,
                     keyId.isEmpty() ? u"AWS_ACCESS_KEY_ID"_s : u"AWS_SECRET_ACCESS_KEY"_s)));
    CredentialSource source;
    source.kind = CredentialSource::Kind::Environment;
    source.credentials.accessKeyId = keyId;
    source.credentials.secretAccessKey = secret;
    source.credentials.sessionToken = m_environment.value(u"AWS_SESSION_TOKEN"_s);
    if (source.credentials.sessionToken.isEmpty())
        source.credentials.sessionToken = m_environment.value(u"AWS_SECURITY_TOKEN"_s);
    const QString expiration = m_environment.value(u"AWS_CREDENTIAL_EXPIRATION"_s);
    if (!expiration.isEmpty()) {
        source.expiration = parseAwsTimestamp(expiration);
        if (!source.expiration)
            return std::unexpected(configError(
                tr("AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time: \"%1\".").arg(expiration)));
    }
    return source;
}

std::expected<SsoSettings, Error> AwsConfig::ssoSettings(const QString &name,
                                                         const Settings &settings) const
{
    SsoSettings sso;
    sso.profile = name;
    sso.sessionName = settings.value(u"sso_session"_s);
    sso.accountId = settings.value(u"sso_account_id"_s);
    sso.roleName = settings.value(u"sso_role_name"_s);
    QStringList missing;
    if (!sso.sessionName.isEmpty()) {
        const std::optional<Settings> session = ssoSession(sso.sessionName);
        if (!session)
            return std::unexpected(
                configError(tr("Profile \"%1\" names sso_session \"%2\", but there is no "
                               "[sso-session %2] section in the config file.")
                                .arg(name, sso.sessionName)));
        sso.startUrl = session->value(u"sso_start_url"_s);
        sso.region = session->value(u"sso_region"_s);
        // The CLI refuses a profile that contradicts its session.
        for (const QString &key : {u"sso_start_url"_s, u"sso_region"_s}) {
            if (hasValue(settings, key) && session->contains(key) &&
                settings.value(key) != session->value(key))
                return std::unexpected(configError(
                    tr("Profile \"%1\" sets %2 to \"%3\", but its sso-session \"%4\" sets it to "
                       "\"%5\".")
                        .arg(name, key, settings.value(key), sso.sessionName,
                             session->value(key))));
        }
        if (sso.startUrl.isEmpty())
            missing.append(u"sso_start_url"_s);
        if (sso.region.isEmpty())
            missing.append(u"sso_region"_s);
        if (!missing.isEmpty())
            return std::unexpected(configError(tr("The sso-session \"%1\" is missing %2.")
                                                   .arg(sso.sessionName, missing.join(u", "))));
    } else {
        sso.startUrl = settings.value(u"sso_start_url"_s);
        sso.region = settings.value(u"sso_region"_s);
        if (sso.startUrl.isEmpty())
            missing.append(u"sso_start_url"_s);
        if (sso.region.isEmpty())
            missing.append(u"sso_region"_s);
    }
    if (sso.accountId.isEmpty())
        missing.append(u"sso_account_id"_s);
    if (sso.roleName.isEmpty())
        missing.append(u"sso_role_name"_s);
    if (!missing.isEmpty())
        return std::unexpected(configError(
            tr("Profile \"%1\" is set up for IAM Identity Center (SSO) but is missing %2.")
                .arg(name, missing.join(u", "))));
    return sso;
}

} // namespace shardscope
