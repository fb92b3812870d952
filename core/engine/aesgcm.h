#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace shardscope {

// AES-256-GCM through OpenSSL EVP, for the local KMS (wrapping data keys) and for record
// payloads. A sealed blob is nonce (12 random bytes) || ciphertext || tag (16 bytes).
// Stateless; safe to use from any thread.
namespace AesGcm {

constexpr int kKeyBytes = 32;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;
constexpr int kOverhead = kNonceBytes + kTagBytes;

// Cryptographically random bytes (RAND_bytes); empty when the generator fails.
QByteArray randomBytes(int count);
// nullopt when the key is not 32 bytes or OpenSSL fails.
std::optional<QByteArray> seal(const QByteArray &key, QByteArrayView plaintext, QByteArrayView aad);
// nullopt when the blob was not sealed with this key and aad, or was altered.
std::optional<QByteArray> open(const QByteArray &key, QByteArrayView sealed, QByteArrayView aad);

} // namespace AesGcm

} // namespace shardscope
