#pragma once

#include "aws/awsconfig.h"
#include "aws/credentialplan.h"
#include "kinesis/error.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <expected>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QTimer;
template<typename T> class QPromise;

namespace shardscope {

// Holds the credentials of one connection and keeps them fresh: resolves them the way the AWS
// CLI does (AwsConfig::credentialPlan(): environment, static keys, credential_process, SSO,
// then any chain of assumed roles through STS), caches them, and resolves again before
// temporary credentials expire (refreshMargin early, by a timer, and on demand).
//
// Nothing blocks: processes run through QProcess and requests through this object's
// QNetworkAccessManager, all on the thread the provider lives on (normally the GUI thread).
// credentials() may be called from any thread; concurrent calls share one resolution.
// A failed refresh keeps handing out the previous credentials while they are still valid and
// reports the failure through resolutionFailed().
class CredentialsProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialsProvider)

public:
    using Result = std::expected<ResolvedCredentials, Error>;

    struct Options
    {
        // The CLI's --profile. Empty: environment keys, else AWS_PROFILE, else "default".
        QString profile;
        // Keys typed into the app: used as they are, no chain.
        std::optional<AwsCredentials> staticCredentials;
        // nullopt: AwsConfig::fromEnvironment() again for every resolution, so edits to the
        // files (and a new `aws sso login` token) are picked up.
        std::optional<AwsConfig> config;
        // Endpoint overrides (tests, private endpoints). Empty: the configured endpoint_url
        // for "sts" / "sso", else https://sts.REGION.amazonaws.com/ and
        // https://portal.sso.SSO_REGION.amazonaws.com.
        QUrl stsEndpoint;
        QUrl ssoPortalEndpoint;
        std::chrono::seconds refreshMargin{std::chrono::minutes(5)};
        // Credentials that live shorter than the margin are still reused for this long
        // (at least a second).
        std::chrono::seconds minimumRefreshInterval{30};
        std::chrono::milliseconds processTimeout{std::chrono::minutes(1)};
        std::chrono::milliseconds networkTimeout{std::chrono::seconds(30)};
    };

    explicit CredentialsProvider(Options options, QObject *parent = nullptr);
    ~CredentialsProvider() override;

    const Options &options() const { return m_options; }

    // Current credentials: at once when the cached ones are not about to expire, otherwise
    // after a resolution. The future always gets a result (unless the provider is destroyed).
    QFuture<Result> credentials();
    // The last credentials resolved, if any; they may be close to expiry. Any thread.
    std::optional<ResolvedCredentials> cached() const;
    // Drops the cached credentials (e.g. after AWS rejected them as expired); the next
    // credentials() call resolves again. Any thread.
    void invalidate();

signals:
    // New credentials were resolved (the first time or by a refresh).
    void credentialsChanged();
    // A resolution failed; when valid credentials were cached they are still handed out.
    void resolutionFailed(const shardscope::Error &error);

private:
    using PromisePtr = std::shared_ptr<QPromise<Result>>;
    using StepCallback = std::function<void(Result)>;

    void request(const PromisePtr &promise);
    void startResolution();
    void resolveSource(const CredentialPlan &plan, const AwsConfig &config, StepCallback done);
    void assumeRoles(quint64 generation, const CredentialPlan &plan, const AwsConfig &config,
                     qsizetype index, ResolvedCredentials current);
    void finishResolution(quint64 generation, Result result);
    bool isFresh(const ResolvedCredentials &credentials, const QDateTime &obtainedAt,
                 const QDateTime &now) const;
    qint64 minimumRefreshSeconds() const;
    void scheduleRefresh(const ResolvedCredentials &credentials, const QDateTime &obtainedAt);
    QUrl stsEndpoint(const CredentialPlan &plan, const AwsConfig &config) const;
    QUrl ssoEndpoint(const SsoSettings &sso, const AwsConfig &config) const;
    // Whose credentials these are, for the log.
    QString describedProfile() const;

    const Options m_options;
    QNetworkAccessManager *m_network;
    QTimer *m_refreshTimer;
    QList<PromisePtr> m_waiting; // provider thread only
    bool m_resolving = false;
    quint64 m_generation = 0;

    mutable QMutex m_mutex; // guards the two below
    std::optional<ResolvedCredentials> m_cached;
    QDateTime m_obtainedAt;
};

} // namespace shardscope
