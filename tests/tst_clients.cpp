// Real clients nobody here wrote, against the real `shardscope --serve`: the AWS CLI v2, boto3,
// the AWS SDK for JavaScript v3, and an independent CBOR encoder. Each row starts a fresh server
// on a free port and runs one client script from tests/clients/; the script's own checks must
// all pass. A missing client is a failure, never a skip.

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

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
    QTest::addColumn<int>("minimumChecks");
    // How long streams stay CREATING/UPDATING: long enough that a test can see UPDATING even
    // with the CLI's start-up time per call.
    QTest::addColumn<QString>("delayMs");
    QTest::newRow("aws-cli-v2") << QStringLiteral("bash")
                                << QStringList{dir + QStringLiteral("awscli_conformance.sh")} << 36
                                << QStringLiteral("3000");
    QTest::newRow("boto3") << QStringLiteral("python3")
                           << QStringList{dir + QStringLiteral("boto3_conformance.py")} << 50
                           << QStringLiteral("300");
    QTest::newRow("js-sdk-v3") << QStringLiteral("node")
                               << QStringList{dir + QStringLiteral("js_sdk_roundtrip.mjs")} << 7
                               << QStringLiteral("100");
    QTest::newRow("cbor") << QStringLiteral("node")
                          << QStringList{dir + QStringLiteral("cbor_roundtrip.mjs")} << 7
                          << QStringLiteral("100");
}

void TestClients::client()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(int, minimumChecks);
    QFETCH(QString, delayMs);

    QProcess server;
    server.setProgram(QStringLiteral(SHARDSCOPE_BINARY));
    server.setArguments({QStringLiteral("--serve"), QStringLiteral("--port"), QStringLiteral("0"),
                         QStringLiteral("--in-memory"), QStringLiteral("--delay-ms"), delayMs});
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
    client.setArguments(arguments + QStringList{endpoint});
    client.setWorkingDirectory(QStringLiteral(SHARDSCOPE_SOURCE_DIR "/tests/clients"));
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start();
    QVERIFY2(client.waitForStarted(), qPrintable(program + QStringLiteral(" is not installed")));
    QVERIFY(client.waitForFinished(300000));
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
    QVERIFY2(summary.captured(1).toInt() >= minimumChecks, qPrintable(summary.captured(0)));
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
