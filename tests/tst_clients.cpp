// Real clients nobody here wrote, against the real `shardscope --serve`: the AWS CLI v2, boto3,
// the AWS SDK for JavaScript v3, and an independent CBOR encoder. Each row starts a fresh server
// on a free port and runs one client script from tests/clients/; the script's own checks must
// all pass. A missing client is a failure, never a skip.

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

class TestClients : public QObject
{
    Q_OBJECT
private slots:
    void client_data();
    void client();
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

QTEST_GUILESS_MAIN(TestClients)
#include "tst_clients.moc"
