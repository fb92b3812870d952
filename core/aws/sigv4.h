#pragma once

#include "kinesis/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <expected>
#include <functional>
#include <optional>
#include <utility>

namespace shardscope {

struct AwsCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // empty for long-term keys
};

// An HTTP request as SigV4 sees it. `path` and `query` are the bytes of the request target as
// they travel on the wire (query without the '?'); header names keep their original case.
struct SignableRequest
{
    QByteArray method;
    QByteArray path;
    QByteArray query;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // Values of every header called `name` (case-insensitive), in request order.
    QList<QByteArray> headerValues(QByteArrayView name) const;
    // The first value of `name`, or nullopt when absent.
    std::optional<QByteArray> header(QByteArrayView name) const;
    void removeHeader(QByteArrayView name);
};

// AWS Signature Version 4 (AWS4-HMAC-SHA256) for non-S3 services: path normalisation and
// double encoding as the SDKs do for every service but S3. Hashing is OpenSSL's libcrypto.
namespace SigV4 {

QByteArray sha256Hex(QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data); // raw 32 bytes

// The canonical forms of the three request parts that need them.
QByteArray canonicalUri(QByteArrayView path);
QByteArray canonicalQuery(QByteArrayView query, QByteArrayView excludedKey = {});
QByteArray canonicalHeaderValue(const QList<QByteArray> &values);

// `signedHeaders` are header names in any case; they are lower-cased, sorted and deduplicated.
QByteArray canonicalRequest(const SignableRequest &request, const QList<QByteArray> &signedHeaders,
                            const QByteArray &payloadHash);
QByteArray stringToSign(const QByteArray &amzDate, const QByteArray &scope,
                        const QByteArray &canonicalRequest);
// kSigning, raw 32 bytes. `date` is YYYYMMDD.
QByteArray signingKey(const QString &secret, const QByteArray &date, const QString &region,
                      const QString &service);
QByteArray signature(const QByteArray &signingKey, const QByteArray &stringToSign); // lower hex

// X-Amz-Content-Sha256 when it holds a hex SHA-256, otherwise the SHA-256 of the body.
QByteArray payloadHash(const SignableRequest &request);
QByteArray formatAmzDate(const QDateTime &time); // 20150830T123600Z
std::optional<QDateTime> parseAmzDate(QByteArrayView text);

// Sets X-Amz-Date, X-Amz-Security-Token (when the credentials carry a session token) and
// Authorization, replacing earlier ones, and signs every header then present. The request must
// already carry its Host header.
void sign(SignableRequest &request, const AwsCredentials &credentials, const QString &region,
          const QString &service, const QDateTime &nowUtc);

} // namespace SigV4

// Checks SigV4-signed requests for the emulator's --require-auth mode, answering with the error
// types and texts AWS uses. Accepts the Authorization header and presigned query parameters.
// Immutable after construction; safe to call from any thread if the lookup and clock are.
class SigV4Verifier final
{
public:
    using CredentialLookup = std::function<std::optional<AwsCredentials>(const QString &)>;
    using NowFunction = std::function<QDateTime()>;

    // An empty `region` accepts a credential scope naming any region.
    SigV4Verifier(CredentialLookup lookup, QString service, QString region,
                  std::chrono::seconds maxSkew = std::chrono::minutes(15),
                  NowFunction now = &QDateTime::currentDateTimeUtc);

    // The access key id that signed the request, or why the request is refused.
    std::expected<QString, Error> verify(const SignableRequest &request) const;

private:
    struct Parts;
    std::expected<Parts, Error> partsFromHeader(const SignableRequest &request,
                                                const QByteArray &authorization) const;
    std::expected<Parts, Error> partsFromQuery(const SignableRequest &request) const;
    std::expected<QString, Error> check(const SignableRequest &request, const Parts &parts) const;

    CredentialLookup m_lookup;
    QString m_service;
    QString m_region;
    std::chrono::seconds m_maxSkew;
    NowFunction m_now;
};

} // namespace shardscope
