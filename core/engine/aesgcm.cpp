#include "aesgcm.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace shardscope::AesGcm {

namespace {

struct ContextDeleter
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using Context = std::unique_ptr<EVP_CIPHER_CTX, ContextDeleter>;

const unsigned char *bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

unsigned char *bytes(QByteArray &array, qsizetype offset)
{
    return reinterpret_cast<unsigned char *>(array.data()) + offset;
}

} // namespace

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(bytes(out, 0), count) != 1)
        return {};
    return out;
}

std::optional<QByteArray> seal(const QByteArray &key, QByteArrayView plaintext, QByteArrayView aad)
{
    if (key.size() != kKeyBytes)
        return std::nullopt;
    QByteArray out(kNonceBytes + plaintext.size() + kTagBytes, Qt::Uninitialized);
    if (RAND_bytes(bytes(out, 0), kNonceBytes) != 1)
        return std::nullopt;
    Context context(EVP_CIPHER_CTX_new());
    int length = 0;
    if (!context ||
        EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, bytes(QByteArrayView(key)),
                           bytes(out, 0)) != 1)
        return std::nullopt;
    if (!aad.isEmpty() &&
        EVP_EncryptUpdate(context.get(), nullptr, &length, bytes(aad), int(aad.size())) != 1)
        return std::nullopt;
    if (!plaintext.isEmpty() &&
        EVP_EncryptUpdate(context.get(), bytes(out, kNonceBytes), &length, bytes(plaintext),
                          int(plaintext.size())) != 1)
        return std::nullopt;
    if (EVP_EncryptFinal_ex(context.get(), bytes(out, kNonceBytes + plaintext.size()), &length) != 1)
        return std::nullopt;
    if (EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                            bytes(out, kNonceBytes + plaintext.size())) != 1)
        return std::nullopt;
    return out;
}

std::optional<QByteArray> open(const QByteArray &key, QByteArrayView sealed, QByteArrayView aad)
{
    if (key.size() != kKeyBytes || sealed.size() < kOverhead)
        return std::nullopt;
    const qsizetype size = sealed.size() - kOverhead;
    QByteArray out(size, Qt::Uninitialized);
    Context context(EVP_CIPHER_CTX_new());
    int length = 0;
    if (!context ||
        EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, bytes(QByteArrayView(key)),
                           bytes(sealed)) != 1)
        return std::nullopt;
    if (!aad.isEmpty() &&
        EVP_DecryptUpdate(context.get(), nullptr, &length, bytes(aad), int(aad.size())) != 1)
        return std::nullopt;
    if (size > 0 && EVP_DecryptUpdate(context.get(), bytes(out, 0), &length,
                                      bytes(sealed.sliced(kNonceBytes)), int(size)) != 1)
        return std::nullopt;
    // The tag is copied: EVP_CTRL_GCM_SET_TAG takes a non-const pointer.
    QByteArray tag = sealed.sliced(kNonceBytes + size).toByteArray();
    if (EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, bytes(tag, 0)) != 1)
        return std::nullopt;
    unsigned char tail[16];
    if (EVP_DecryptFinal_ex(context.get(), tail, &length) != 1)
        return std::nullopt;
    return out;
}

} // namespace shardscope::AesGcm
