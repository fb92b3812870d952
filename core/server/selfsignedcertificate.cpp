#include "selfsignedcertificate.h"

#include "serverlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringBuilder>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>

namespace shardscope {

namespace {

template<auto Free>
struct OpenSslDeleter
{
    template<typename T>
    void operator()(T *pointer) const
    {
        Free(pointer);
    }
};
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<EVP_PKEY_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;

constexpr int kMinimumDaysLeftToReuse = 30;

// The message of OpenSSL's most recent error (and clears the queue, so errors never leak into
// the next unrelated call on this thread).
Error openSslError(const QString &context)
{
    QString detail;
    if (const unsigned long code = ERR_peek_last_error(); code != 0) {
        char text[256] = {};
        ERR_error_string_n(code, text, sizeof text);
        detail = u": " % QString::fromLatin1(text);
    }
    ERR_clear_error();
    return Error::internal(u"TLS certificate: " % context % detail);
}

QByteArray readBio(BIO *bio)
{
    QByteArray out(qsizetype(BIO_ctrl_pending(bio)), Qt::Uninitialized);
    const int read = BIO_read(bio, out.data(), int(out.size()));
    out.resize(std::max(read, 0));
    return out;
}

BioPtr memoryBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), int(data.size())));
}

// Never prompts on a terminal for the passphrase of an encrypted key: it just does not load.
int noPassphrase(char *, int, int, void *)
{
    return 0;
}

// What OpenSSL's textual form of a subjectAltName accepts without surprises: host names made of
// letters, digits, dots and hyphens.
bool isPlainHostName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$"));
    return name.size() <= 253 && pattern.match(name).hasMatch();
}

QString ipText(QHostAddress address)
{
    address.setScopeId({});
    return address.toString();
}

QByteArray subjectAltName(const SelfSignedCertificate::Options &options)
{
    QStringList entries;
    for (const QString &name : options.dnsNames) {
        if (isPlainHostName(name))
            entries << u"DNS:" % name;
    }
    for (const QHostAddress &address : options.ipAddresses) {
        if (!address.isNull())
            entries << u"IP:" % ipText(address);
    }
    entries.removeDuplicates();
    return entries.join(u',').toLatin1();
}

bool addExtension(X509 *certificate, X509V3_CTX *context, int nid, const QByteArray &value)
{
    const ExtensionPtr extension(X509V3_EXT_nconf_nid(nullptr, context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

PkeyPtr generateKey()
{
    const PkeyCtxPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    if (!context || EVP_PKEY_keygen_init(context.get()) != 1 ||
        EVP_PKEY_CTX_set_group_name(context.get(), "P-256") != 1)
        return nullptr;
    EVP_PKEY *key = nullptr;
    if (EVP_PKEY_generate(context.get(), &key) != 1)
        return nullptr;
    return PkeyPtr(key);
}

bool setRandomSerial(X509 *certificate)
{
    // 127 random bits: positive, unique in practice (browsers reject a reused issuer and serial).
    const BignumPtr serial(BN_new());
    return serial && BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1 &&
           BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)) != nullptr;
}

std::expected<void, Error> writeFile(const QString &path, const QByteArray &data, bool ownerOnly)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(Error::internal(u"Cannot write " % path % u": " % file.errorString()));
    // Set on the temporary file before the key is in it, so it is never readable by others.
    if (ownerOnly)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(data);
    if (!file.commit())
        return std::unexpected(Error::internal(u"Cannot write " % path % u": " % file.errorString()));
    return {};
}

std::expected<QByteArray, Error> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(Error::internal(u"Cannot read " % path % u": " % file.errorString()));
    return file.readAll();
}

} // namespace

SelfSignedCertificate::Options SelfSignedCertificate::optionsFor(const QHostAddress &address)
{
    Options options;
    const bool any = address == QHostAddress(QHostAddress::Any) ||
                     address == QHostAddress(QHostAddress::AnyIPv4) ||
                     address == QHostAddress(QHostAddress::AnyIPv6);
    if (!any) {
        if (!address.isNull() && !options.ipAddresses.contains(address))
            options.ipAddresses.append(address);
        return options;
    }
    for (const QHostAddress &local : QNetworkInterface::allAddresses()) {
        // Link-local addresses need a scope that a URL's host cannot carry; nobody uses them.
        if (!local.isLinkLocal() && !options.ipAddresses.contains(local))
            options.ipAddresses.append(local);
    }
    const QString hostName = QHostInfo::localHostName();
    if (isPlainHostName(hostName) && !options.dnsNames.contains(hostName, Qt::CaseInsensitive))
        options.dnsNames.append(hostName);
    return options;
}

std::expected<SelfSignedCertificate, Error> SelfSignedCertificate::generate(const Options &options)
{
    ERR_clear_error();
    const PkeyPtr key = generateKey();
    if (!key)
        return std::unexpected(openSslError(QStringLiteral("cannot generate a P-256 key")));

    const X509Ptr certificate(X509_new());
    if (!certificate)
        return std::unexpected(openSslError(QStringLiteral("out of memory")));
    X509 *x509 = certificate.get();
    const QByteArray commonName = options.commonName.left(64).toUtf8();
    X509_NAME *name = X509_get_subject_name(x509);
    // Starting an hour early tolerates clients whose clocks are a little behind.
    if (X509_set_version(x509, X509_VERSION_3) != 1 || !setRandomSerial(x509) ||
        !X509_gmtime_adj(X509_getm_notBefore(x509), -3600) ||
        !X509_time_adj_ex(X509_getm_notAfter(x509), std::max(options.validityDays, 1), 0, nullptr) ||
        X509_set_pubkey(x509, key.get()) != 1 ||
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(commonName.constData()),
                                   int(commonName.size()), -1, 0) != 1 ||
        X509_set_issuer_name(x509, name) != 1)
        return std::unexpected(openSslError(QStringLiteral("cannot fill in the certificate")));

    const QByteArray altName = subjectAltName(options);
    if (altName.isEmpty())
        return std::unexpected(Error::internal(QStringLiteral("TLS certificate: no host name or address to certify")));

    // An end-entity certificate that is its own trust anchor: not a CA, no key usage restriction
    // (OpenSSL then accepts it as self-issued), the key identifiers strict verifiers ask for.
    X509V3_CTX context{};
    X509V3_set_ctx(&context, x509, x509, nullptr, nullptr, 0);
    if (!addExtension(x509, &context, NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(x509, &context, NID_ext_key_usage, "serverAuth") ||
        !addExtension(x509, &context, NID_subject_key_identifier, "hash") ||
        !addExtension(x509, &context, NID_authority_key_identifier, "keyid:always") ||
        !addExtension(x509, &context, NID_subject_alt_name, altName))
        return std::unexpected(openSslError(QStringLiteral("cannot add the certificate's extensions")));

    if (X509_sign(x509, key.get(), EVP_sha256()) <= 0)
        return std::unexpected(openSslError(QStringLiteral("cannot sign the certificate")));

    const BioPtr keyBio(BIO_new(BIO_s_mem()));
    const BioPtr certificateBio(BIO_new(BIO_s_mem()));
    if (!keyBio || !certificateBio ||
        PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
        PEM_write_bio_X509(certificateBio.get(), x509) != 1)
        return std::unexpected(openSslError(QStringLiteral("cannot encode the key and certificate")));
    return SelfSignedCertificate(readBio(keyBio.get()), readBio(certificateBio.get()));
}

std::expected<void, Error> SelfSignedCertificate::check(const QByteArray &privateKeyPem,
                                                        const QByteArray &certificatePem,
                                                        const Options &options, int minimumDaysLeft)
{
    ERR_clear_error();
    const BioPtr keyBio = memoryBio(privateKeyPem);
    const BioPtr certificateBio = memoryBio(certificatePem);
    if (!keyBio || !certificateBio)
        return std::unexpected(openSslError(QStringLiteral("out of memory")));
    const PkeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr));
    if (!key)
        return std::unexpected(openSslError(QStringLiteral("unreadable private key")));
    const X509Ptr certificate(PEM_read_bio_X509(certificateBio.get(), nullptr, noPassphrase, nullptr));
    if (!certificate)
        return std::unexpected(openSslError(QStringLiteral("unreadable certificate")));
    X509 *x509 = certificate.get();
    if (X509_check_private_key(x509, key.get()) != 1)
        return std::unexpected(openSslError(QStringLiteral("the private key does not match the certificate")));
    ERR_clear_error();

    if (X509_cmp_current_time(X509_get0_notBefore(x509)) >= 0)
        return std::unexpected(Error::internal(QStringLiteral("TLS certificate: not valid yet")));
    std::time_t horizon = std::time(nullptr) + std::time_t(std::max(minimumDaysLeft, 0)) * 24 * 3600;
    if (X509_cmp_time(X509_get0_notAfter(x509), &horizon) <= 0)
        return std::unexpected(Error::internal(
            minimumDaysLeft > 0
                ? QString(u"TLS certificate: expires within " % QString::number(minimumDaysLeft) % u" days")
                : QStringLiteral("TLS certificate: expired")));

    for (const QString &name : options.dnsNames) {
        const QByteArray ascii = name.toLatin1();
        if (isPlainHostName(name) &&
            X509_check_host(x509, ascii.constData(), std::size_t(ascii.size()),
                            X509_CHECK_FLAG_NEVER_CHECK_SUBJECT, nullptr) != 1)
            return std::unexpected(Error::internal(u"TLS certificate: does not name " % name));
    }
    for (const QHostAddress &address : options.ipAddresses) {
        if (address.isNull())
            continue;
        const QByteArray text = ipText(address).toLatin1();
        if (X509_check_ip_asc(x509, text.constData(), 0) != 1)
            return std::unexpected(Error::internal(u"TLS certificate: does not name " % address.toString()));
    }
    ERR_clear_error();
    return {};
}

std::expected<SelfSignedCertificate, Error>
SelfSignedCertificate::loadOrGenerate(const QString &privateKeyPath, const QString &certificatePath,
                                      const Options &options)
{
    if (QFileInfo::exists(privateKeyPath) && QFileInfo::exists(certificatePath)) {
        auto key = readFile(privateKeyPath);
        auto certificate = readFile(certificatePath);
        if (!key || !certificate) {
            qCWarning(lcServer).noquote()
                << "cannot read the saved TLS key and certificate, making new ones:"
                << (key ? certificate.error().message : key.error().message);
        } else if (const auto usable =
                       check(*key, *certificate, options, kMinimumDaysLeftToReuse)) {
            return SelfSignedCertificate(std::move(*key), std::move(*certificate));
        } else {
            // Routine: it expires soon, or the names it certifies changed.
            qCDebug(lcServer).noquote()
                << "not reusing the saved TLS certificate, making a new one:"
                << usable.error().message;
        }
    }
    auto generated = generate(options);
    if (!generated)
        return generated;
    // The key first: should the certificate then fail to be written, the pair on disk no longer
    // matches and is replaced next time.
    if (auto written = writeFile(privateKeyPath, generated->privateKeyPem(), true); !written)
        return std::unexpected(written.error());
    if (auto written = writeFile(certificatePath, generated->certificatePem(), false); !written)
        return std::unexpected(written.error());
    return generated;
}

} // namespace shardscope
