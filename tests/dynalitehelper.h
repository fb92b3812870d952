#pragma once

// Shared by the DynamoDB tests: a dynalite (an in-memory DynamoDB API in Node) of the test's own
// on a free port, killed when the test ends, and a client for it.

#include "aws/dynamodbclient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <memory>

namespace shardscope::testing {

class Dynalite final
{
public:
    Dynalite() = default;
    Dynalite(const Dynalite &) = delete;
    Dynalite &operator=(const Dynalite &) = delete;
    ~Dynalite() { stop(); }

    static QString cliPath()
    {
        return QStringLiteral(SHARDSCOPE_SOURCE_DIR "/tests/clients/node_modules/dynalite/cli.js");
    }

    // Starts dynalite and waits until it answers ListTables; false (with `why`) when it cannot.
    bool start(QString *why)
    {
        if (!QFile::exists(cliPath())) {
            *why = QStringLiteral("dynalite is not installed: run scripts/deps (npm ci in tests/clients)");
            return false;
        }
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
        probe.close();
        m_process = std::make_unique<QProcess>();
        m_process->setProgram(QStringLiteral("node"));
        // Tables are ACTIVE at once: the tests wait for nothing.
        m_process->setArguments({cliPath(), QStringLiteral("--port"), QString::number(m_port),
                                 QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                                 QStringLiteral("--createTableMs"), QStringLiteral("0"),
                                 QStringLiteral("--deleteTableMs"), QStringLiteral("0"),
                                 QStringLiteral("--updateTableMs"), QStringLiteral("0")});
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->start();
        if (!m_process->waitForStarted(10000)) {
            *why = QStringLiteral("node could not be started: ") + m_process->errorString();
            return false;
        }
        QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired()) {
            if (m_process->state() != QProcess::Running) {
                *why = QStringLiteral("dynalite exited: ") + QString::fromUtf8(m_process->readAll());
                return false;
            }
            auto client = makeClient();
            auto tables = client->listTables();
            while (!tables.isFinished() && !deadline.hasExpired())
                QTest::qWait(5);
            if (tables.isFinished() && tables.result().has_value())
                return true;
            QTest::qWait(50);
        }
        *why = QStringLiteral("dynalite did not answer within 20 s");
        return false;
    }

    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }

    quint16 port() const { return m_port; }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }

    std::unique_ptr<DynamoDbClient> makeClient(QObject *parent = nullptr) const
    {
        DynamoDbClientOptions options;
        options.endpoint = url();
        options.staticCredentials = AwsCredentials{QStringLiteral("AKIDEXAMPLE"),
                                                   QStringLiteral("secret"), {}};
        options.maxRetries = 1;
        return std::make_unique<DynamoDbClient>(options, parent);
    }

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

// Spins the event loop until the future is done.
template<typename T>
T awaitFuture(const QFuture<T> &future, int timeoutMs = 20000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(1);
    QCoreApplication::processEvents();
    return future.result();
}

} // namespace shardscope::testing
