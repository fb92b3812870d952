#include "tokencodec.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>


namespace shardscope {

namespace {
constexpr int kMacBytes = 16;
constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

TokenCodec::TokenCodec(QByteArray key) : m_key(std::move(key)) {}

QByteArray TokenCodec::mac(const QByteArray &payload) const
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), m_key.constData(), static_cast<int>(m_key.size()),
         reinterpret_cast<const unsigned char *>(payload.constData()),
         static_cast<size_t>(payload.size()), digest, &length);
    return QByteArray(reinterpret_cast<const char *>(digest), kMacBytes);
}

QString TokenCodec::seal(const QByteArray &payload) const
{
    const QByteArray sealed = payload + mac(payload);
    return QString::fromLatin1(sealed.toBase64(kBase64));
}

std::optional<QByteArray> TokenCodec::open(QStringView token) const
{
    if (token.isEmpty() || token.size() > 4096)
        return std::nullopt;
    for (QChar c : token) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_')
            return std::nullopt;
    }
    auto decoded = QByteArray::fromBase64Encoding(token.toLatin1(), kBase64 |
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() <= kMacBytes)
        return std::nullopt;
    // Base64 leaves spare bits in its last character; only the canonical spelling is accepted,
    // so that no two different strings open to the same token.
    if (decoded.decoded.toBase64(kBase64) != token.toLatin1())
        return std::nullopt;
    const QByteArray payload = decoded.decoded.left(decoded.decoded.size() - kMacBytes);
    const QByteArray expected = mac(payload);
    if (CRYPTO_memcmp(expected.constData(), decoded.decoded.constData() + payload.size(),
                      kMacBytes) != 0)
        return std::nullopt;
    return payload;
}

QByteArray TokenCodec::randomKey()
{
    QByteArray key(32, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), 32) != 1)
        qFatal("OpenSSL RAND_bytes failed");
    return key;
}

} // namespace shardscope
