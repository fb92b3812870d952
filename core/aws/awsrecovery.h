#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

namespace shardscope {

class CredentialsProvider;

// What one request has already been sent again for.
struct AwsRecoveryAttempt
{
    bool skewRetried = false;
    bool credentialsRetried = false;
};

// How an AWS client recovers a signed request the service refused for its time or its
// credentials, as the AWS SDKs do; AwsBackend (Kinesis, KMS, CloudWatch) and DynamoDbClient share
// it:
// - clock skew ("Signature expired" / "Signature not yet current", RequestExpired,
//   RequestTimeTooSkewed): the client signs with the server's clock from then on (the offset to
//   the answer's Date header) and sends the request again, once;
// - expired credentials (ExpiredToken, "The security token included in the request is
//   expired"): the provider resolves them again (a profile re-read, a role assumed anew, a new
//   `aws sso login`) and the request goes again, once.
//
// Threads: the client's.
class AwsRecovery final
{
public:
    // `localClock`: the clock requests are signed by before correction (tests); empty: the
    // system clock.
    explicit AwsRecovery(std::function<QDateTime()> localClock = {});

    static bool isClockSkew(const QString &wireType, const QString &message);
    static bool isExpiredCredentials(const QString &wireType, const QString &message);
    // RFC 7231 IMF-fixdate, "Tue, 15 Nov 1994 08:12:31 GMT" (also RFC 2822), in UTC.
    static std::optional<QDateTime> parseHttpDate(const QByteArray &value);

    // The time to sign with: the local clock moved by what the server's clock taught.
    QDateTime signingTime() const;
    QDateTime localTime() const;
    // How far the server's clock is ahead of ours.
    qint64 clockOffsetMs() const { return m_offsetMs; }

    // Whether to send a refused request again at once: `what` names it in the log ("Kinesis
    // ListShards to host"). Adopts the Date header's clock, or invalidates `provider` (may be
    // null: static keys cannot be renewed), each at most once per attempt.
    bool shouldRetry(const QString &what, const QString &wireType, const QString &message,
                     const QByteArray &dateHeader, CredentialsProvider *provider,
                     AwsRecoveryAttempt &attempt);

private:
    std::function<QDateTime()> m_localClock;
    qint64 m_offsetMs = 0;
};

} // namespace shardscope
