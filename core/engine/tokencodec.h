#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace shardscope {

// Seals small binary payloads (shard iterators, pagination tokens) into opaque, tamper-evident
// strings: base64url(payload || HMAC-SHA256(key, payload)[0..16)). Thread-safe (immutable).
class TokenCodec final
{
public:
    explicit TokenCodec(QByteArray key);

    QString seal(const QByteArray &payload) const;
    // nullopt when the text is not a token this codec sealed (malformed or tampered).
    std::optional<QByteArray> open(QStringView token) const;

    static QByteArray randomKey(); // 32 bytes from OpenSSL's CSPRNG

private:
    QByteArray mac(const QByteArray &payload) const;
    QByteArray m_key;
};

} // namespace shardscope
