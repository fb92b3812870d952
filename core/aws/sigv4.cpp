#include "sigv4.h"

#include <QStringBuilder>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>

namespace shardscope {

namespace {

constexpr char kAlgorithm[] = "AWS4-HMAC-SHA256";
constexpr char kTerminator[] = "aws4_request";
constexpr qsizetype kSha256HexLength = 64;
constexpr qint64 kMaxPresignedExpirySeconds = 7 * 24 * 3600;

const unsigned char *bytes(QByteArrayView data)
{
    return reinterpret_cast<const unsigned char *>(data.data());
}

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '~';
}

bool isLowerOrUpperHex(QByteArrayView text)
{
    if (text.size() != kSha256HexLength)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

// RFC 3986 encoding as SigV4 defines it: everything but unreserved characters becomes %XX with
// upper-case hex. '%' itself is encoded too, which is what double-encodes paths for non-S3.
QByteArray uriEncode(QByteArrayView data, bool keepSlash)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(data.size() * 3);
    for (char c : data) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out.append(c);
        } else {
            const auto u = static_cast<unsigned char>(c);
            out.append('%');
            out.append(hex[u >> 4]);
            out.append(hex[u & 0x0f]);
        }
    }
    return out;
}

// What every SDK except S3's does: drop empty and "." segments, resolve "..", keep a trailing
// slash. Mirrors botocore's remove_dot_segments (which also collapses "//").
QByteArray normalizePath(QByteArrayView path)
{
    if (path.isEmpty())
        return QByteArrayLiteral("/");
    QList<QByteArrayView> kept;
    qsizetype start = 0;
    while (start <= path.size()) {
        qsizetype end = path.indexOf('/', start);
        if (end < 0)
            end = path.size();
        const QByteArrayView segment = path.sliced(start, end - start);
        if (segment == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
        } else if (!segment.isEmpty() && segment != ".") {
            kept.append(segment);
        }
        start = end + 1;
    }
    QByteArray out;
    if (path.startsWith('/'))
        out.append('/');
    for (qsizetype i = 0; i < kept.size(); ++i) {
        if (i > 0)
            out.append('/');
        out.append(kept[i]);
    }
    if (path.endsWith('/') && !kept.isEmpty())
        out.append('/');
    return out;
}

// Query components, percent-decoded. A component without '=' has an empty value.
QList<std::pair<QByteArray, QByteArray>> decodeQuery(QByteArrayView query)
{
    QList<std::pair<QByteArray, QByteArray>> params;
    for (QByteArrayView component : query.toByteArray().split('&')) {
        if (component.isEmpty())
            continue;
        const qsizetype eq = component.indexOf('=');
        const QByteArrayView key = eq < 0 ? component : component.first(eq);
        const QByteArrayView value = eq < 0 ? QByteArrayView() : component.sliced(eq + 1);
        params.append({QByteArray::fromPercentEncoding(key.toByteArray()),
                       QByteArray::fromPercentEncoding(value.toByteArray())});
    }
    return params;
}

std::optional<QByteArray> queryParam(const QList<std::pair<QByteArray, QByteArray>> &params,
                                     QByteArrayView key)
{
    for (const auto &[k, v] : params) {
        if (k == key)
            return v;
    }
    return std::nullopt;
}

// Lower-cased, sorted, without duplicates: the order of both the canonical headers and the
// SignedHeaders list.
QList<QByteArray> normalizedHeaderNames(const QList<QByteArray> &names)
{
    QList<QByteArray> out;
    out.reserve(names.size());
    for (const QByteArray &name : names)
        out.append(name.trimmed().toLower());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    out.removeAll(QByteArray());
    return out;
}

QByteArray credentialScope(const QByteArray &date, const QString &region, const QString &service)
{
    return date + '/' + region.toUtf8() + '/' + service.toUtf8() + '/' + kTerminator;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // The lengths are public (a signature is always 64 hex digits); the contents are not.
    return a.size() == b.size() &&
           CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

// AWS words skew windows as "15 min." or, for odd values, seconds.
QString durationText(qint64 seconds)
{
    return seconds % 60 == 0 ? QString::number(seconds / 60) % u" min"
                             : QString::number(seconds) % u" sec";
}

QString amzDateText(const QDateTime &time)
{
    return QString::fromLatin1(SigV4::formatAmzDate(time));
}

Error incomplete(const QString &message)
{
    return Error{ErrorType::IncompleteSignature, message};
}

Error invalid(const QString &message)
{
    return Error{ErrorType::InvalidSignature, message};
}

QString signatureMismatchMessage()
{
    return QStringLiteral("The request signature we calculated does not match the signature you "
                          "provided. Check your AWS Secret Access Key and signing method. Consult "
                          "the service documentation for details.");
}

} // namespace

QList<QByteArray> SignableRequest::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values.append(value);
    }
    return values;
}

std::optional<QByteArray> SignableRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

void SignableRequest::removeHeader(QByteArrayView name)
{
    headers.removeIf([name](const std::pair<QByteArray, QByteArray> &h) {
        return h.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

namespace SigV4 {

QByteArray sha256Hex(QByteArrayView data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.data(), static_cast<size_t>(data.size()), digest, &length, EVP_sha256(),
                   nullptr) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length))
        .toHex();
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), bytes(data),
              static_cast<size_t>(data.size()), mac, &length))
        return {};
    return QByteArray(reinterpret_cast<const char *>(mac), static_cast<qsizetype>(length));
}

QByteArray canonicalUri(QByteArrayView path)
{
    return uriEncode(normalizePath(path), true);
}

QByteArray canonicalQuery(QByteArrayView query, QByteArrayView excludedKey)
{
    // Decode first, then encode: clients differ in what they escape on the wire, the canonical
    // form must not.
    QList<std::pair<QByteArray, QByteArray>> encoded;
    for (const auto &[key, value] : decodeQuery(query)) {
        if (!excludedKey.isEmpty() && key == excludedKey)
            continue;
        encoded.append({uriEncode(key, false), uriEncode(value, false)});
    }
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto &[key, value] : encoded) {
        if (!out.isEmpty())
            out.append('&');
        out.append(key).append('=').append(value);
    }
    return out;
}

QByteArray canonicalHeaderValue(const QList<QByteArray> &values)
{
    QList<QByteArray> pieces;
    for (const QByteArray &value : values) {
        const QList<QByteArray> lines = value.split('\n');
        for (const QByteArray &line : lines) {
            // Folded (multi-line) values become one comma-separated value per line, as the
            // get-header-value-multiline vector expects; inner runs of spaces collapse to one.
            const QByteArray simple = line.simplified();
            if (!simple.isEmpty() || lines.size() == 1)
                pieces.append(simple);
        }
    }
    return pieces.join(',');
}

QByteArray canonicalRequest(const SignableRequest &request, const QList<QByteArray> &signedHeaders,
                            const QByteArray &payloadHash)
{
    const QList<QByteArray> names = normalizedHeaderNames(signedHeaders);
    QByteArray out = request.method.toUpper();
    out.append('\n').append(canonicalUri(request.path));
    out.append('\n').append(canonicalQuery(request.query));
    out.append('\n');
    for (const QByteArray &name : names)
        out.append(name)
            .append(':')
            .append(canonicalHeaderValue(request.headerValues(name)))
            .append('\n');
    out.append('\n').append(names.join(';'));
    out.append('\n').append(payloadHash);
    return out;
}

QByteArray stringToSign(const QByteArray &amzDate, const QByteArray &scope,
                        const QByteArray &canonicalRequest)
{
    QByteArray out(kAlgorithm);
    out.append('\n').append(amzDate);
    out.append('\n').append(scope);
    out.append('\n').append(sha256Hex(canonicalRequest));
    return out;
}

QByteArray signingKey(const QString &secret, const QByteArray &date, const QString &region,
                      const QString &service)
{
    const QByteArray kDate = hmacSha256(QByteArray("AWS4" + secret.toUtf8()), date);
    const QByteArray kRegion = hmacSha256(kDate, region.toUtf8());
    const QByteArray kService = hmacSha256(kRegion, service.toUtf8());
    return hmacSha256(kService, kTerminator);
}

QByteArray signature(const QByteArray &signingKey, const QByteArray &stringToSign)
{
    return hmacSha256(signingKey, stringToSign).toHex();
}

QByteArray payloadHash(const SignableRequest &request)
{
    const std::optional<QByteArray> declared = request.header("x-amz-content-sha256");
    if (declared && isLowerOrUpperHex(declared->trimmed()))
        return declared->trimmed();
    return sha256Hex(request.body);
}

QByteArray formatAmzDate(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

std::optional<QDateTime> parseAmzDate(QByteArrayView text)
{
    // Strict ISO 8601 basic format; QDateTime::fromString would accept local-time variants.
    if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z')
        return std::nullopt;
    int fields[6] = {};
    const int offsets[6] = {0, 4, 6, 9, 11, 13};
    const int widths[6] = {4, 2, 2, 2, 2, 2};
    for (int f = 0; f < 6; ++f) {
        for (int i = 0; i < widths[f]; ++i) {
            const char c = text[offsets[f] + i];
            if (c < '0' || c > '9')
                return std::nullopt;
            fields[f] = fields[f] * 10 + (c - '0');
        }
    }
    const QDate date(fields[0], fields[1], fields[2]);
    const QTime time(fields[3], fields[4], fields[5]);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

void sign(SignableRequest &request, const AwsCredentials &credentials, const QString &region,
          const QString &service, const QDateTime &nowUtc)
{
    // Replace rather than append, so a retried request can be signed again.
    request.removeHeader("authorization");
    request.removeHeader("x-amz-date");
    request.removeHeader("x-amz-security-token");

    const QByteArray amzDate = formatAmzDate(nowUtc);
    request.headers.append({QByteArrayLiteral("X-Amz-Date"), amzDate});
    if (!credentials.sessionToken.isEmpty())
        request.headers.append(
            {QByteArrayLiteral("X-Amz-Security-Token"), credentials.sessionToken.toUtf8()});

    QList<QByteArray> names;
    for (const auto &header : request.headers)
        names.append(header.first);
    names = normalizedHeaderNames(names);

    const QByteArray date = amzDate.left(8);
    const QByteArray scope = credentialScope(date, region, service);
    const QByteArray creq = canonicalRequest(request, names, payloadHash(request));
    const QByteArray sig = signature(signingKey(credentials.secretAccessKey, date, region, service),
                                     stringToSign(amzDate, scope, creq));

    QByteArray authorization(kAlgorithm);
    authorization.append(" Credential=").append(credentials.accessKeyId.toUtf8());
    authorization.append('/').append(scope);
    authorization.append(", SignedHeaders=").append(names.join(';'));
    authorization.append(", Signature=").append(sig);
    request.headers.append({QByteArrayLiteral("Authorization"), authorization});
}

} // namespace SigV4

// What the verifier extracted from either the Authorization header or the query string.
struct SigV4Verifier::Parts
{
    QByteArray algorithm;
    QByteArray credential;
    QList<QByteArray> signedHeaders;
    QByteArray signature;
    QDateTime time;
    QByteArray sessionToken;
    std::optional<qint64> expiresSeconds; // presigned requests only
    bool presigned = false;
};

SigV4Verifier::SigV4Verifier(CredentialLookup lookup, QString service, QString region,
                             std::chrono::seconds maxSkew, NowFunction now)
    : m_lookup(std::move(lookup)), m_service(std::move(service)), m_region(std::move(region)),
      m_maxSkew(maxSkew), m_now(std::move(now))
{}

std::expected<QString, Error> SigV4Verifier::verify(const SignableRequest &request) const
{
    const std::optional<QByteArray> authorization = request.header("authorization");
    const bool hasHeader = authorization && !authorization->trimmed().isEmpty();
    const bool hasQuery = queryParam(decodeQuery(request.query), "X-Amz-Algorithm").has_value();

    if (hasHeader && hasQuery)
        return std::unexpected(
            invalid(QStringLiteral("Found both 'X-Amz-Algorithm' as a query-string param and "
                                   "'Authorization' as HTTP header.")));
    if (!hasHeader && !hasQuery)
        return std::unexpected(Error{ErrorType::MissingAuthenticationToken,
                                     QStringLiteral("Missing Authentication Token")});

    const std::expected<Parts, Error> parts =
        hasHeader ? partsFromHeader(request, authorization->trimmed()) : partsFromQuery(request);
    if (!parts)
        return std::unexpected(parts.error());
    return check(request, *parts);
}

std::expected<SigV4Verifier::Parts, Error>
SigV4Verifier::partsFromHeader(const SignableRequest &request,
                               const QByteArray &authorization) const
{
    // "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=..."; like AWS, commas and
    // spaces both separate the parameters.
    QList<QByteArray> tokens;
    for (const QByteArray &piece : authorization.split(' ')) {
        for (const QByteArray &token : piece.split(',')) {
            if (!token.trimmed().isEmpty())
                tokens.append(token.trimmed());
        }
    }
    Parts parts;
    if (!tokens.isEmpty())
        parts.algorithm = tokens.takeFirst();
    QByteArray signedHeaders;
    for (const QByteArray &token : std::as_const(tokens)) {
        const qsizetype eq = token.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray key = token.left(eq);
        const QByteArray value = token.mid(eq + 1);
        if (key == "Credential")
            parts.credential = value;
        else if (key == "SignedHeaders")
            signedHeaders = value;
        else if (key == "Signature")
            parts.signature = value;
    }

    const std::optional<QByteArray> amzDate = request.header("x-amz-date");
    const std::optional<QByteArray> httpDate = request.header("date");

    QString missing;
    if (parts.credential.isEmpty())
        missing += u"Authorization header requires 'Credential' parameter. ";
    if (parts.signature.isEmpty())
        missing += u"Authorization header requires 'Signature' parameter. ";
    if (signedHeaders.isEmpty())
        missing += u"Authorization header requires 'SignedHeaders' parameter. ";
    if (!amzDate && !httpDate)
        missing += u"Authorization header requires existence of either a 'X-Amz-Date' or a "
                   u"'Date' header. ";
    if (!missing.isEmpty())
        return std::unexpected(
            incomplete(missing % u"Authorization=" % QString::fromUtf8(authorization)));

    const QByteArray dateText = amzDate ? amzDate->trimmed() : httpDate->trimmed();
    std::optional<QDateTime> time = SigV4::parseAmzDate(dateText);
    if (!time && !amzDate) {
        // An HTTP date ("Sun, 30 Aug 2015 12:36:00 GMT"); Qt 6.4's RFC 2822 parser wants a
        // numeric zone instead of "GMT".
        QString http = QString::fromLatin1(dateText);
        if (http.endsWith(u" GMT"))
            http = http.chopped(3) + u"+0000";
        const QDateTime parsed = QDateTime::fromString(http, Qt::RFC2822Date);
        if (parsed.isValid())
            time = parsed.toUTC();
    }
    if (!time)
        return std::unexpected(incomplete(u"Date must be in ISO-8601 'basic format'. Got '" %
                                          QString::fromUtf8(dateText) %
                                          u"'. See http://en.wikipedia.org/wiki/ISO_8601"));
    parts.time = *time;
    parts.signedHeaders = signedHeaders.split(';');
    parts.sessionToken = request.header("x-amz-security-token").value_or(QByteArray()).trimmed();
    return parts;
}

std::expected<SigV4Verifier::Parts, Error>
SigV4Verifier::partsFromQuery(const SignableRequest &request) const
{
    const auto params = decodeQuery(request.query);
    const auto value = [&params](QByteArrayView key) {
        return queryParam(params, key).value_or(QByteArray());
    };

    QString missing;
    for (const char *key : {"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature",
                            "X-Amz-SignedHeaders", "X-Amz-Date"}) {
        if (value(key).isEmpty())
            missing +=
                u"AWS query-string parameters must include '" % QString::fromLatin1(key) % u"'. ";
    }
    if (!missing.isEmpty())
        return std::unexpected(incomplete(missing % u"Re-examine the query-string parameters."));

    Parts parts;
    parts.presigned = true;
    parts.algorithm = value("X-Amz-Algorithm");
    parts.credential = value("X-Amz-Credential");
    parts.signature = value("X-Amz-Signature");
    parts.signedHeaders = value("X-Amz-SignedHeaders").split(';');
    parts.sessionToken = value("X-Amz-Security-Token");

    const QByteArray dateText = value("X-Amz-Date");
    const std::optional<QDateTime> time = SigV4::parseAmzDate(dateText);
    if (!time)
        return std::unexpected(incomplete(u"Date must be in ISO-8601 'basic format'. Got '" %
                                          QString::fromUtf8(dateText) %
                                          u"'. See http://en.wikipedia.org/wiki/ISO_8601"));
    parts.time = *time;

    if (const std::optional<QByteArray> expires = queryParam(params, "X-Amz-Expires")) {
        bool ok = false;
        const qint64 seconds = expires->toLongLong(&ok);
        // The texts S3 uses for the same mistakes.
        if (!ok || seconds < 0)
            return std::unexpected(
                incomplete(QStringLiteral("X-Amz-Expires must be non-negative")));
        if (seconds > kMaxPresignedExpirySeconds)
            return std::unexpected(incomplete(QStringLiteral(
                "X-Amz-Expires must be less than a week (in seconds) that is 604800")));
        parts.expiresSeconds = seconds;
    }
    return parts;
}

std::expected<QString, Error> SigV4Verifier::check(const SignableRequest &request,
                                                   const Parts &parts) const
{
    // The order of the checks is the order AWS reports them in (dynalite/kinesalite notes).
    const QDateTime now = m_now().toUTC();
    const qint64 skew = m_maxSkew.count();
    const qint64 pastWindow = parts.expiresSeconds.value_or(skew);
    if (parts.time < now.addSecs(-pastWindow))
        return std::unexpected(
            invalid(u"Signature expired: " % amzDateText(parts.time) % u" is now earlier than " %
                    amzDateText(now.addSecs(-pastWindow)) % u" (" % amzDateText(now) % u" - " %
                    durationText(pastWindow) % u".)"));
    if (parts.time > now.addSecs(skew))
        return std::unexpected(invalid(u"Signature not yet current: " % amzDateText(parts.time) %
                                       u" is still later than " % amzDateText(now.addSecs(skew)) %
                                       u" (" % amzDateText(now) % u" + " % durationText(skew) %
                                       u".)"));

    const QList<QByteArray> signedHeaders = normalizedHeaderNames(parts.signedHeaders);
    // Over HTTP/2 the host is the :authority pseudo-header, which SDKs sign in its place.
    if (!signedHeaders.contains("host") && !signedHeaders.contains(":authority"))
        return std::unexpected(
            invalid(QStringLiteral("'Host' must be a 'SignedHeader' in the AWS Authorization.")));

    if (parts.algorithm != kAlgorithm)
        return std::unexpected(
            incomplete(u"Unsupported AWS 'algorithm': '" % QString::fromUtf8(parts.algorithm) %
                       u"' (only AWS4-HMAC-SHA256 for now). "));

    QByteArray credential = parts.credential;
    while (credential.endsWith('/'))
        credential.chop(1); // AWS ignores trailing slashes here
    const QList<QByteArray> scope = credential.split('/');
    if (scope.size() != 5)
        return std::unexpected(
            incomplete(u"Credential must have exactly 5 slash-delimited elements, e.g. "
                       u"keyid/date/region/service/term, got '" %
                       QString::fromUtf8(parts.credential) % u"'"));

    const QByteArray requestDate = SigV4::formatAmzDate(parts.time);
    QString scopeErrors;
    if (scope[2].isEmpty() || (!m_region.isEmpty() && scope[2] != m_region.toUtf8()))
        scopeErrors += u"Credential should be scoped to a valid region, not '" %
                       QString::fromUtf8(scope[2]) % u"'. ";
    if (scope[3] != m_service.toUtf8())
        scopeErrors += u"Credential should be scoped to correct service: '" % m_service % u"'. ";
    if (scope[4] != kTerminator)
        scopeErrors +=
            u"Credential should be scoped with a valid terminator: 'aws4_request', not '" %
            QString::fromUtf8(scope[4]) % u"'. ";
    if (scope[1] != requestDate.left(8))
        scopeErrors += u"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of "
                       u"date from HTTP: '" %
                       QString::fromUtf8(scope[1]) % u"' != '" %
                       QString::fromLatin1(requestDate.left(8)) % u"', from '" %
                       QString::fromLatin1(requestDate) % u"'.";
    if (!scopeErrors.isEmpty())
        return std::unexpected(invalid(scopeErrors));

    const QString accessKeyId = QString::fromUtf8(scope[0]);
    const std::optional<AwsCredentials> credentials = m_lookup(accessKeyId);
    if (!credentials)
        return std::unexpected(
            Error{ErrorType::UnrecognizedClient,
                  QStringLiteral("The security token included in the request is invalid.")});

    // A declared payload hash is only trusted when it matches the body, so the body is always
    // covered by the signature (UNSIGNED-PAYLOAD is not accepted).
    const QByteArray bodyHash = SigV4::sha256Hex(request.body);
    const QByteArray payloadHash = SigV4::payloadHash(request);
    if (payloadHash.toLower() != bodyHash)
        return std::unexpected(invalid(QStringLiteral(
            "The provided 'x-amz-content-sha256' header does not match what was computed.")));

    SignableRequest canonical = request;
    if (parts.presigned)
        canonical.query = SigV4::canonicalQuery(request.query, "X-Amz-Signature");
    const QByteArray scopeText = scope[1] + '/' + scope[2] + '/' + scope[3] + '/' + scope[4];
    const QByteArray expected = SigV4::signature(
        SigV4::signingKey(credentials->secretAccessKey, scope[1], QString::fromUtf8(scope[2]),
                          QString::fromUtf8(scope[3])),
        SigV4::stringToSign(requestDate, scopeText,
                            SigV4::canonicalRequest(canonical, signedHeaders, payloadHash)));
    if (!constantTimeEquals(expected, parts.signature))
        return std::unexpected(invalid(signatureMismatchMessage()));

    const QByteArray expectedToken = credentials->sessionToken.toUtf8();
    if ((!expectedToken.isEmpty() || !parts.sessionToken.isEmpty()) &&
        !constantTimeEquals(expectedToken, parts.sessionToken))
        return std::unexpected(
            Error{ErrorType::UnrecognizedClient,
                  QStringLiteral("The security token included in the request is invalid")});

    return accessKeyId;
}

} // namespace shardscope
