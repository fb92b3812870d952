#pragma once

#include "aws/credentialplan.h"
#include "aws/sigv4.h"
#include "kinesis/error.h"

#include <QByteArray>
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

// STS AssumeRole over the Query API (POST, form-encoded, SigV4 for service "sts"), and the
// reading of its XML answer: AssumeRoleResponse/AssumeRoleResult/Credentials, or
// ErrorResponse/Error/{Code,Message}. Stateless; the network call runs on the thread of the
// QNetworkAccessManager it is given.
//
// Errors: STS's AccessDenied is AccessDenied; invalid, expired or mis-signed caller credentials
// are UnrecognizedClient; other refusals InvalidArgument; no or garbled answer InternalFailure.
// The message names the role, the profile and STS's own code and message.
class StsClient final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::StsClient)

public:
    using Result = std::expected<ResolvedCredentials, Error>;
    using Callback = std::function<void(Result)>;

    // https://sts.REGION.amazonaws.com/ (amazonaws.com.cn in China), or the global
    // https://sts.amazonaws.com/ when no region is known.
    static QUrl defaultEndpoint(const QString &region);
    // The region requests are signed for: `region`, or us-east-1 for the global endpoint.
    static QString signingRegion(const QString &region);
    // Action=AssumeRole&Version=2011-06-15&RoleArn=..&RoleSessionName=..[&ExternalId][&DurationSeconds]
    static QByteArray assumeRoleBody(const AssumeRoleSettings &role, const QString &sessionName);
    // The signed POST for `endpoint` (its path, or "/"), with Host, Content-Type and the SigV4
    // headers.
    static SignableRequest assumeRoleRequest(const QUrl &endpoint, const QByteArray &body,
                                             const AwsCredentials &caller, const QString &region,
                                             const QDateTime &nowUtc);
    static Result parseAssumeRoleResponse(int httpStatus, QByteArrayView body,
                                          const AssumeRoleSettings &role);

    // Calls AssumeRole; `done` runs once on `context`'s thread unless `context` dies first.
    static void assumeRole(QNetworkAccessManager *network, const QUrl &endpoint,
                           const AssumeRoleSettings &role, const AwsCredentials &caller,
                           const QString &region, std::chrono::milliseconds timeout,
                           QObject *context, Callback done);
};

} // namespace shardscope
