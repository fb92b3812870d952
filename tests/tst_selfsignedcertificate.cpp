#include "server/selfsignedcertificate.h"

#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace shardscope;

namespace {

// Independent of the class under test: does OpenSSL itself agree that key and certificate belong
// together, and which digest signed the certificate?
struct OpenSslView
{
    bool keyMatches = false;
    int signatureDigest = NID_undef;
    int keyType = EVP_PKEY_NONE;
};

OpenSslView inspect(const QByteArray &keyPem, const QByteArray &certificatePem)
{
    OpenSslView view;
    BIO *keyBio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
    BIO *certificateBio = BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
    X509 *certificate = PEM_read_bio_X509(certificateBio, nullptr, nullptr, nullptr);
    if (key && certificate) {
        view.keyMatches = X509_check_private_key(certificate, key) == 1;
        int publicKeyType = NID_undef;
        X509_get_signature_info(certificate, &view.signatureDigest, &publicKeyType, nullptr, nullptr);
        view.keyType = EVP_PKEY_get_base_id(key);
    }
    X509_free(certificate);
    EVP_PKEY_free(key);
    BIO_free(certificateBio);
    BIO_free(keyBio);
    return view;
}

QSslCertificate parse(const QByteArray &pem)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    return certificates.size() == 1 ? certificates.front() : QSslCertificate();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSelfSignedCertificate : public QObject
{
    Q_OBJECT
private slots:
    void generatesAUsableCertificate();
    void namesTheBoundAddress_data();
    void namesTheBoundAddress();
    void keyMatchesOnlyItsCertificate();
    void checkRejectsWhatClientsWould();
    void loadOrGenerateKeepsAndReplaces();
};

void TestSelfSignedCertificate::generatesAUsableCertificate()
{
    const auto generated = SelfSignedCertificate::generate({});
    QVERIFY2(generated.has_value(), qPrintable(generated ? QString() : generated.error().message));
    QVERIFY(generated->privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"));

    const QSslCertificate certificate = parse(generated->certificatePem());
    QVERIFY(!certificate.isNull());
    QVERIFY(certificate.isSelfSigned());
    const auto names = certificate.subjectAlternativeNames();
    QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
    QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(certificate.effectiveDate() <= now);
    QVERIFY(certificate.expiryDate() > now.addDays(364));
    QVERIFY(certificate.expiryDate() < now.addDays(366));

    QCOMPARE(certificate.publicKey().algorithm(), QSsl::Ec);
    QVERIFY(!QSslKey(generated->privateKeyPem(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey).isNull());
    const OpenSslView view = inspect(generated->privateKeyPem(), generated->certificatePem());
    QVERIFY(view.keyMatches);
    QCOMPARE(view.signatureDigest, NID_sha256);
    QCOMPARE(view.keyType, EVP_PKEY_EC);

    // Two certificates never share a serial number: browsers reject a reused one.
    const auto other = SelfSignedCertificate::generate({});
    QVERIFY(other.has_value());
    QVERIFY(parse(other->certificatePem()).serialNumber() != certificate.serialNumber());
}

void TestSelfSignedCertificate::namesTheBoundAddress_data()
{
    QTest::addColumn<QString>("bound");
    QTest::addColumn<QStringList>("expectedAddresses");
    QTest::newRow("loopback") << QStringLiteral("127.0.0.1") << QStringList{QStringLiteral("127.0.0.1")};
    QTest::newRow("lan") << QStringLiteral("192.0.2.7")
                         << QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("192.0.2.7")};
    QTest::newRow("ipv6") << QStringLiteral("2001:db8::5")
                          << QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("2001:db8::5")};
}

void TestSelfSignedCertificate::namesTheBoundAddress()
{
    QFETCH(QString, bound);
    QFETCH(QStringList, expectedAddresses);
    const auto generated = SelfSignedCertificate::generate(SelfSignedCertificate::optionsFor(QHostAddress(bound)));
    QVERIFY2(generated.has_value(), qPrintable(generated ? QString() : generated.error().message));
    const QSslCertificate certificate = parse(generated->certificatePem());
    QList<QHostAddress> named;
    for (const QString &text : certificate.subjectAlternativeNames().values(QSsl::IpAddressEntry))
        named.append(QHostAddress(text));
    for (const QString &expected : expectedAddresses)
        QVERIFY2(named.contains(QHostAddress(expected)), qPrintable(expected));
    QVERIFY(certificate.subjectAlternativeNames().values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
}

void TestSelfSignedCertificate::keyMatchesOnlyItsCertificate()
{
    const auto first = SelfSignedCertificate::generate({});
    const auto second = SelfSignedCertificate::generate({});
    QVERIFY(first && second);
    QVERIFY(SelfSignedCertificate::check(first->privateKeyPem(), first->certificatePem(), {}).has_value());
    QVERIFY(!inspect(second->privateKeyPem(), first->certificatePem()).keyMatches);
    const auto mismatched = SelfSignedCertificate::check(second->privateKeyPem(), first->certificatePem(), {});
    QVERIFY(!mismatched.has_value());
    QVERIFY2(mismatched.error().message.contains(QStringLiteral("does not match")),
             qPrintable(mismatched.error().message));
    QVERIFY(!SelfSignedCertificate::check("garbage", first->certificatePem(), {}).has_value());
    QVERIFY(!SelfSignedCertificate::check(first->privateKeyPem(), "garbage", {}).has_value());
}

void TestSelfSignedCertificate::checkRejectsWhatClientsWould()
{
    SelfSignedCertificate::Options shortLived;
    shortLived.validityDays = 10;
    const auto generated = SelfSignedCertificate::generate(shortLived);
    QVERIFY(generated.has_value());
    const QByteArray key = generated->privateKeyPem();
    const QByteArray pem = generated->certificatePem();
    QVERIFY(SelfSignedCertificate::check(key, pem, {}, 9).has_value());
    QVERIFY(!SelfSignedCertificate::check(key, pem, {}, 30).has_value());

    SelfSignedCertificate::Options otherHost;
    otherHost.dnsNames.append(QStringLiteral("kinesis.example.test"));
    QVERIFY(!SelfSignedCertificate::check(key, pem, otherHost).has_value());
    SelfSignedCertificate::Options otherAddress;
    otherAddress.ipAddresses.append(QHostAddress(QStringLiteral("192.0.2.9")));
    QVERIFY(!SelfSignedCertificate::check(key, pem, otherAddress).has_value());
}

void TestSelfSignedCertificate::loadOrGenerateKeepsAndReplaces()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString keyPath = dir.filePath(QStringLiteral("sub/x.db.tls-key.pem"));
    const QString certificatePath = dir.filePath(QStringLiteral("sub/x.db.tls-cert.pem"));

    const auto created = SelfSignedCertificate::loadOrGenerate(keyPath, certificatePath, {});
    QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().message));
    QCOMPARE(readAll(keyPath), created->privateKeyPem());
    QCOMPARE(readAll(certificatePath), created->certificatePem());
    QCOMPARE(QFile::permissions(keyPath) & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());

    // Still good: the same certificate, so clients that trust it keep working.
    const auto reused = SelfSignedCertificate::loadOrGenerate(keyPath, certificatePath, {});
    QVERIFY(reused.has_value());
    QCOMPARE(reused->certificatePem(), created->certificatePem());
    QCOMPARE(reused->privateKeyPem(), created->privateKeyPem());

    // A new address to name: a new certificate, written over the old one.
    SelfSignedCertificate::Options wider;
    wider.ipAddresses.append(QHostAddress(QStringLiteral("192.0.2.7")));
    const auto widened = SelfSignedCertificate::loadOrGenerate(keyPath, certificatePath, wider);
    QVERIFY(widened.has_value());
    QVERIFY(widened->certificatePem() != created->certificatePem());
    QCOMPARE(readAll(certificatePath), widened->certificatePem());
    // ...which still covers the narrower defaults.
    const auto narrower = SelfSignedCertificate::loadOrGenerate(keyPath, certificatePath, {});
    QVERIFY(narrower.has_value());
    QCOMPARE(narrower->certificatePem(), widened->certificatePem());

    // A damaged key is replaced together with its certificate.
    {
        QFile key(keyPath);
        QVERIFY(key.open(QIODevice::WriteOnly | QIODevice::Truncate));
        key.write("not a key\n");
    }
    const auto repaired = SelfSignedCertificate::loadOrGenerate(keyPath, certificatePath, {});
    QVERIFY(repaired.has_value());
    QVERIFY(repaired->certificatePem() != widened->certificatePem());
    QVERIFY(inspect(readAll(keyPath), readAll(certificatePath)).keyMatches);
}

QTEST_GUILESS_MAIN(TestSelfSignedCertificate)
#include "tst_selfsignedcertificate.moc"
