// Real clients nobody here wrote, against the real `shardscope --serve`: the AWS CLI v2, boto3,
// the AWS SDK for JavaScript v3, and an independent CBOR encoder. Each row starts a fresh server
// on a free port and runs one client script from tests/clients/; the script must make exactly the
// row's number of checks and all must pass, so a check that silently disappears fails the row.
// A missing client is a failure, never a skip.
//
// Each client runs at the version scripts/deps gives a bare Debian 12, whatever comes first on
// PATH here: Debian's boto3 through /usr/bin/python3 and Debian's AWS CLI v2 at /usr/bin/aws
// (the CLI script calls it by that path); the npm packages are pinned by package-lock.json.
// The "--require-auth" rows serve with --require-auth and one key pair, which the script signs
// with; the script then also checks that a wrong secret and an unknown key id are rejected.

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {

// The only key pair the --require-auth server accepts.
const QString kKeyPair = QStringLiteral("AKIDCLIENTS:secret-the-server-checks");

// Without the caller's AWS settings: the server must accept only kKeyPair, and the clients must
// use only what the scripts give them.
QProcessEnvironment withoutAwsSettings()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith(QStringLiteral("AWS_")))
            environment.remove(name);
    }
    environment.insert(QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("/dev/null"));
    environment.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), QStringLiteral("/dev/null"));
    return environment;
}

} // namespace

class TestClients : public QObject
{
    Q_OBJECT
private slots:
    void client_data();
    void client();
    void awsCliOverTls();
};

void TestClients::client_data()
{
    const QString dir = QStringLiteral(SHARDSCOPE_SOURCE_DIR "/tests/clients/");
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    // The number of checks the script makes; with --require-auth two more (wrong secret,
    // unknown key id).
    QTest::addColumn<int>("expectedChecks");
    // How long streams stay CREATING/UPDATING/DELETING: long enough that a script sees UPDATING
    // and DELETING on its next call, even with the CLI's start-up time per call on a busy
    // machine (up to 3 s).
    QTest::addColumn<QString>("delayMs");
    QTest::addColumn<bool>("requireAuth");
    struct Client {
        const char *name;
        QString program;
        QString script;
        int checks;
        QString delayMs;
        bool signs; // signs with the key pair it is given (the CBOR script sends no signature)
    };
    const Client clients[] = {
        {"aws-cli-v2", QStringLiteral("bash"), QStringLiteral("awscli_conformance.sh"), 46,
         QStringLiteral("10000"), true},
        {"boto3", QStringLiteral("/usr/bin/python3"), QStringLiteral("boto3_conformance.py"), 89,
         QStringLiteral("300"), true},
        {"js-sdk-v3 roundtrip", QStringLiteral("node"), QStringLiteral("js_sdk_roundtrip.mjs"), 8,
         QStringLiteral("100"), true},
        {"js-sdk-v3 conformance", QStringLiteral("node"), QStringLiteral("js_sdk_conformance.mjs"), 27,
         QStringLiteral("100"), true},
        {"cbor", QStringLiteral("node"), QStringLiteral("cbor_roundtrip.mjs"), 9, QStringLiteral("100"),
         false},
        {"js-sdk-v3 control plane", QStringLiteral("node"), QStringLiteral("js_sdk_controlplane.mjs"), 22,
         QStringLiteral("100"), true},
        {"boto3 subscribe_to_shard", QStringLiteral("/usr/bin/python3"), QStringLiteral("boto3_subscribe.py"), 13,
         QStringLiteral("100"), true},
        {"js-sdk-v3 subscribe over HTTP/2", QStringLiteral("node"), QStringLiteral("js_sdk_subscribe.mjs"), 10,
         QStringLiteral("100"), true},
    };
    for (const Client &c : clients) {
        QTest::newRow(c.name) << c.program << QStringList{dir + c.script} << c.checks << c.delayMs
                              << false;
        if (c.signs)
            QTest::addRow("%s --require-auth", c.name)
                << c.program << QStringList{dir + c.script} << c.checks + 2 << c.delayMs << true;
    }
}

void TestClients::client()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(int, expectedChecks);
    QFETCH(QString, delayMs);
    QFETCH(bool, requireAuth);

    QProcess server;
    server.setProgram(QStringLiteral(SHARDSCOPE_BINARY));
    QStringList serverArguments{QStringLiteral("--serve"), QStringLiteral("--port"), QStringLiteral("0"),
                                QStringLiteral("--in-memory"), QStringLiteral("--delay-ms"), delayMs};
    if (requireAuth)
        serverArguments << QStringLiteral("--require-auth") << QStringLiteral("--access-key") << kKeyPair;
    server.setArguments(serverArguments);
    server.setProcessEnvironment(withoutAwsSettings());
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start();
    QVERIFY(server.waitForStarted());
    QByteArray banner;
    while (!banner.contains('\n') && server.waitForReadyRead(10000))
        banner += server.readAllStandardOutput();
    const auto match = QRegularExpression(QStringLiteral("(http://[0-9.]+:\\d+)")).match(QString::fromUtf8(banner));
    QVERIFY2(match.hasMatch(), banner.constData());
    const QString endpoint = match.captured(1);

    QProcess client;
    client.setProgram(program);
    client.setArguments(arguments + QStringList{endpoint} +
                        (requireAuth ? QStringList{kKeyPair} : QStringList{}));
    client.setProcessEnvironment(withoutAwsSettings());
    client.setWorkingDirectory(QStringLiteral(SHARDSCOPE_SOURCE_DIR "/tests/clients"));
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start();
    QVERIFY2(client.waitForStarted(), qPrintable(program + QStringLiteral(" is not installed")));
    // The CLI script makes about 70 calls of up to 3 s each on a busy machine.
    QVERIFY(client.waitForFinished(600000));
    const QString output = QString::fromUtf8(client.readAll());

    server.terminate();
    QVERIFY(server.waitForFinished(10000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);

    const auto summary = QRegularExpression(QStringLiteral("^(\\d+) passed, (\\d+) failed$"),
                                            QRegularExpression::MultilineOption).match(output);
    if (!summary.hasMatch() || client.exitCode() != 0)
        qWarning().noquote() << output;
    QVERIFY2(summary.hasMatch(), "the client script did not finish");
    QCOMPARE(summary.captured(2).toInt(), 0);
    QCOMPARE(summary.captured(1).toInt(), expectedChecks);
    QCOMPARE(client.exitStatus(), QProcess::NormalExit);
    QCOMPARE(client.exitCode(), 0);
}

// `--serve --tls`: the AWS CLI trusts the printed certificate file as its CA bundle and talks
// https, checking the certificate's name for 127.0.0.1; without the bundle it refuses.
void TestClients::awsCliOverTls()
{
    QProcess server;
    server.setProgram(QStringLiteral(SHARDSCOPE_BINARY));
    server.setArguments({QStringLiteral("--serve"), QStringLiteral("--tls"), QStringLiteral("--port"),
                         QStringLiteral("0"), QStringLiteral("--in-memory")});
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start();
    QVERIFY(server.waitForStarted());
    const QRegularExpression urlPattern(QStringLiteral("serving Kinesis at (https://[0-9.]+:\\d+)"));
    const QRegularExpression certificatePattern(QStringLiteral("^TLS certificate: (\\S+)"),
                                                QRegularExpression::MultilineOption);
    QByteArray banner;
    while (!certificatePattern.match(QString::fromUtf8(banner)).hasMatch() && server.waitForReadyRead(10000))
        banner += server.readAllStandardOutput();
    const auto url = urlPattern.match(QString::fromUtf8(banner));
    const auto certificate = certificatePattern.match(QString::fromUtf8(banner));
    QVERIFY2(url.hasMatch() && certificate.hasMatch(), banner.constData());
    const QString certificatePath = certificate.captured(1);
    QVERIFY2(QFileInfo::exists(certificatePath), qPrintable(certificatePath));

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("x"));
    environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("y"));
    environment.insert(QStringLiteral("AWS_DEFAULT_REGION"), QStringLiteral("us-east-1"));
    environment.insert(QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("/dev/null"));
    environment.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), QStringLiteral("/dev/null"));
    environment.insert(QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("1"));
    environment.insert(QStringLiteral("AWS_PAGER"), QString());
    const auto runAws = [&](const QStringList &trust) {
        QProcess aws;
        aws.setProcessEnvironment(environment);
        aws.setProcessChannelMode(QProcess::MergedChannels);
        aws.start(QStringLiteral("/usr/bin/aws"),
                  QStringList{QStringLiteral("--endpoint-url"), url.captured(1)} + trust +
                      QStringList{QStringLiteral("--output"), QStringLiteral("json"),
                                  QStringLiteral("kinesis"), QStringLiteral("list-streams")});
        const bool finished = aws.waitForStarted() && aws.waitForFinished(60000);
        return std::pair{finished && aws.exitStatus() == QProcess::NormalExit ? aws.exitCode() : -1,
                         QString::fromUtf8(aws.readAll())};
    };
    const auto [trustedCode, trustedOutput] =
        runAws({QStringLiteral("--ca-bundle"), certificatePath});
    QVERIFY2(trustedCode == 0, qPrintable(trustedOutput));
    QVERIFY2(trustedOutput.contains(QStringLiteral("\"StreamNames\"")), qPrintable(trustedOutput));
    const auto [untrustedCode, untrustedOutput] = runAws({});
    QVERIFY2(untrustedCode != 0 && untrustedOutput.contains(QStringLiteral("CERTIFICATE_VERIFY_FAILED")),
             qPrintable(untrustedOutput));

    server.terminate();
    QVERIFY(server.waitForFinished(10000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    // An in-memory emulator's certificate goes with it.
    QVERIFY(!QFileInfo::exists(certificatePath));
}

QTEST_GUILESS_MAIN(TestClients)
#include "tst_clients.moc"
