#include "credentialsprovider.h"

#include "aws/awslog.h"
#include "aws/credentialprocess.h"
#include "aws/ssoportalclient.h"
#include "aws/stsclient.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QPromise>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kFailedRefreshRetryMs = 30'000;
constexpr qint64 kLongestTimerMs = 24LL * 3600 * 1000;

void deliver(const std::shared_ptr<QPromise<CredentialsProvider::Result>> &promise,
             const CredentialsProvider::Result &result)
{
    promise->addResult(result);
    promise->finish();
}

} // namespace

CredentialsProvider::CredentialsProvider(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_network(new QNetworkAccessManager(this)),
      m_refreshTimer(new QTimer(this))
{
    m_refreshTimer->setSingleShot(true);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (!m_resolving)
            startResolution();
    });
}

CredentialsProvider::~CredentialsProvider()
{
    // ~QProcess would kill and wait for a running credential_process after this object's
    // members are gone; do it now, without its signals.
    for (QProcess *process : findChildren<QProcess *>()) {
        process->disconnect();
        process->kill();
        process->waitForFinished(1000);
    }
}

QFuture<CredentialsProvider::Result> CredentialsProvider::credentials()
{
    auto promise = std::make_shared<QPromise<Result>>();
    promise->start();
    QFuture<Result> future = promise->future();
    if (QThread::currentThread() == thread())
        request(promise);
    else
        QMetaObject::invokeMethod(
            this, [this, promise] { request(promise); }, Qt::QueuedConnection);
    return future;
}

std::optional<ResolvedCredentials> CredentialsProvider::cached() const
{
    const QMutexLocker lock(&m_mutex);
    return m_cached;
}

void CredentialsProvider::invalidate()
{
    qCDebug(lcAws).noquote() << "credentials of" << describedProfile() << "invalidated";
    const QMutexLocker lock(&m_mutex);
    m_cached.reset();
    m_obtainedAt = QDateTime();
}

void CredentialsProvider::request(const PromisePtr &promise)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::optional<ResolvedCredentials> fresh;
    {
        const QMutexLocker lock(&m_mutex);
        if (m_cached && isFresh(*m_cached, m_obtainedAt, now))
            fresh = m_cached;
    }
    if (fresh) {
        deliver(promise, *fresh);
        return;
    }
    m_waiting.append(promise);
    if (!m_resolving)
        startResolution();
}

void CredentialsProvider::startResolution()
{
    m_resolving = true;
    const quint64 generation = ++m_generation;
    const AwsConfig config = m_options.config ? *m_options.config : AwsConfig::fromEnvironment();

    std::expected<CredentialPlan, Error> plan;
    if (m_options.staticCredentials) {
        plan = CredentialPlan{};
        plan->region = config.region(m_options.profile);
        plan->source.kind = CredentialSource::Kind::Static;
        plan->source.credentials = *m_options.staticCredentials;
    } else {
        plan = config.credentialPlan(m_options.profile);
    }
    if (!plan) {
        finishResolution(generation, std::unexpected(plan.error()));
        return;
    }
    resolveSource(*plan, config, [this, generation, plan = *plan, config](Result result) {
        if (!result) {
            finishResolution(generation, std::move(result));
            return;
        }
        assumeRoles(generation, plan, config, 0, *std::move(result));
    });
}

void CredentialsProvider::resolveSource(const CredentialPlan &plan, const AwsConfig &config,
                                        StepCallback done)
{
    const CredentialSource &source = plan.source;
    switch (source.kind) {
    case CredentialSource::Kind::Static:
        done(ResolvedCredentials{source.credentials, std::nullopt,
                                 source.profile.isEmpty()
                                     ? tr("access keys entered in Shardscope")
                                     : tr("profile %1 (access keys)").arg(source.profile)});
        return;
    case CredentialSource::Kind::Environment:
        done(ResolvedCredentials{source.credentials, source.expiration,
                                 tr("environment variables")});
        return;
    case CredentialSource::Kind::Process:
        CredentialProcess::run(source.command, source.profile, m_options.processTimeout, this,
                               std::move(done));
        return;
    case CredentialSource::Kind::Sso: {
        const auto token = SsoPortalClient::loadCachedToken(config.ssoCacheDirectory(), source.sso,
                                                            QDateTime::currentDateTimeUtc());
        if (!token) {
            done(std::unexpected(token.error()));
            return;
        }
        SsoPortalClient::getRoleCredentials(m_network, ssoEndpoint(source.sso, config), source.sso,
                                            token->accessToken, m_options.networkTimeout, this,
                                            std::move(done));
        return;
    }
    }
}

void CredentialsProvider::assumeRoles(quint64 generation, const CredentialPlan &plan,
                                      const AwsConfig &config, qsizetype index,
                                      ResolvedCredentials current)
{
    if (generation != m_generation)
        return;
    if (index == plan.roles.size()) {
        finishResolution(generation, std::move(current));
        return;
    }
    StsClient::assumeRole(m_network, stsEndpoint(plan, config), plan.roles[index],
                          current.credentials, plan.region, m_options.networkTimeout, this,
                          [this, generation, plan, config, index](Result result) {
                              if (!result) {
                                  finishResolution(generation, std::move(result));
                                  return;
                              }
                              assumeRoles(generation, plan, config, index + 1, *std::move(result));
                          });
}

void CredentialsProvider::finishResolution(quint64 generation, Result result)
{
    if (generation != m_generation)
        return;
    m_resolving = false;
    const QList<PromisePtr> waiting = std::exchange(m_waiting, {});
    const QDateTime now = QDateTime::currentDateTimeUtc();

    if (result) {
        qCDebug(lcAws).noquote() << "credentials of" << describedProfile() << "from"
                                 << result->source << "obtained; they expire"
                                 << (result->expiration ? result->expiration->toString(Qt::ISODate)
                                                        : u"never"_s);
        {
            const QMutexLocker lock(&m_mutex);
            m_cached = *result;
            m_obtainedAt = now;
        }
        scheduleRefresh(*result, now);
        for (const PromisePtr &promise : waiting)
            deliver(promise, result);
        emit credentialsChanged();
        return;
    }

    std::optional<ResolvedCredentials> previous = cached();
    const bool previousValid = previous && (!previous->expiration || now < *previous->expiration);
    if (previousValid) {
        qCWarning(lcAws).noquote() << "refreshing the credentials of" << describedProfile()
                                   << "failed:" << result.error().message
                                   << "- using the previous ones until they expire"
                                   << (previous->expiration
                                           ? previous->expiration->toString(Qt::ISODate)
                                           : u"never"_s);
        for (const PromisePtr &promise : waiting)
            deliver(promise, *previous);
        if (previous->expiration)
            m_refreshTimer->start(static_cast<int>(
                std::clamp<qint64>(now.msecsTo(*previous->expiration), 0, kFailedRefreshRetryMs)));
    } else {
        qCWarning(lcAws).noquote() << "the credentials of" << describedProfile()
                                   << "could not be resolved:" << result.error().message;
        {
            const QMutexLocker lock(&m_mutex);
            m_cached.reset();
        }
        m_refreshTimer->stop();
        for (const PromisePtr &promise : waiting)
            deliver(promise, result);
    }
    emit resolutionFailed(result.error());
}

qint64 CredentialsProvider::minimumRefreshSeconds() const
{
    // At least a second, so that short-lived credentials cannot make the timer spin.
    return std::max<qint64>(m_options.minimumRefreshInterval.count(), 1);
}

bool CredentialsProvider::isFresh(const ResolvedCredentials &credentials,
                                  const QDateTime &obtainedAt, const QDateTime &now) const
{
    if (!credentials.expiration)
        return true;
    const QDateTime &expiration = *credentials.expiration;
    if (now.addSecs(m_options.refreshMargin.count()) < expiration)
        return true;
    // Credentials that never live longer than the margin are reused for a little while
    // instead of being fetched again for every call.
    return obtainedAt.isValid() && now < obtainedAt.addSecs(minimumRefreshSeconds()) &&
           now < expiration;
}

void CredentialsProvider::scheduleRefresh(const ResolvedCredentials &credentials,
                                          const QDateTime &obtainedAt)
{
    if (!credentials.expiration) {
        m_refreshTimer->stop();
        return;
    }
    const QDateTime due =
        std::max(credentials.expiration->addSecs(-m_options.refreshMargin.count()),
                 obtainedAt.addSecs(minimumRefreshSeconds()));
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(due);
    m_refreshTimer->start(static_cast<int>(std::clamp<qint64>(ms, 0, kLongestTimerMs)));
}

QUrl CredentialsProvider::stsEndpoint(const CredentialPlan &plan, const AwsConfig &config) const
{
    if (m_options.stsEndpoint.isValid())
        return m_options.stsEndpoint;
    const QUrl configured = config.endpointUrl(m_options.profile, u"sts"_s);
    return configured.isValid() ? configured : StsClient::defaultEndpoint(plan.region);
}

QUrl CredentialsProvider::ssoEndpoint(const SsoSettings &sso, const AwsConfig &config) const
{
    if (m_options.ssoPortalEndpoint.isValid())
        return m_options.ssoPortalEndpoint;
    const QUrl configured = config.endpointUrl(m_options.profile, u"sso"_s);
    return configured.isValid() ? configured : SsoPortalClient::defaultEndpoint(sso.region);
}

QString CredentialsProvider::describedProfile() const
{
    if (m_options.staticCredentials)
        return u"typed access keys"_s;
    return m_options.profile.isEmpty() ? u"the default profile chain"_s
                                       : u"profile "_s + m_options.profile;
}

} // namespace shardscope
