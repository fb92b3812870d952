#pragma once

#include "kinesis/error.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <expected>
#include <utility>

namespace shardscope {

// A self-signed TLS certificate (EC P-256, SHA-256) for serving the emulator over https, with
// its private key; both PEM-encoded. Clients trust it by taking the certificate as their CA
// bundle, which is why loadOrGenerate() keeps one on disk for as long as it stays usable.
// A value type; generating and loading are reentrant.
class SelfSignedCertificate final
{
public:
    struct Options
    {
        QString commonName = QStringLiteral("Shardscope local emulator");
        QStringList dnsNames{QStringLiteral("localhost")};
        QList<QHostAddress> ipAddresses{QHostAddress(QHostAddress::LocalHost),
                                        QHostAddress(QHostAddress::LocalHostIPv6)};
        int validityDays = 365;
    };

    // The defaults plus what clients of a server bound to `address` connect to: the address
    // itself, or for an any-address every address of this machine and its host name.
    static Options optionsFor(const QHostAddress &address);

    static std::expected<SelfSignedCertificate, Error> generate(const Options &options);

    // Reuses the pair stored at these paths while it covers `options`' names and addresses and
    // has at least 30 days left; otherwise generates a new one and writes it there (the key
    // readable by its owner only).
    static std::expected<SelfSignedCertificate, Error>
    loadOrGenerate(const QString &privateKeyPath, const QString &certificatePath, const Options &options);

    // Checks that `certificatePem` is currently valid, stays so for `minimumDaysLeft` more days,
    // names every host and address of `options`, and belongs to `privateKeyPem`.
    static std::expected<void, Error> check(const QByteArray &privateKeyPem,
                                            const QByteArray &certificatePem,
                                            const Options &options, int minimumDaysLeft = 0);

    QByteArray privateKeyPem() const { return m_privateKeyPem; }
    QByteArray certificatePem() const { return m_certificatePem; }

private:
    SelfSignedCertificate(QByteArray privateKeyPem, QByteArray certificatePem)
        : m_privateKeyPem(std::move(privateKeyPem)), m_certificatePem(std::move(certificatePem))
    {
    }

    QByteArray m_privateKeyPem;
    QByteArray m_certificatePem;
};

} // namespace shardscope
