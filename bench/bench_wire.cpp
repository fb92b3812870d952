// Wire-protocol load generator: PutRecords (500 x 100-byte records, JSON 1.1) from several
// keep-alive connections, then GetRecords of everything, against any Kinesis endpoint.
// Usage: bench_wire URL LABEL [seconds] [connections]
// Prints "LABEL_put_batches: N batches/s", records/s, latency percentiles and the read rate.

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {

struct Endpoint
{
    QString host;
    quint16 port;
};

// One keep-alive HTTP/1.1 connection with blocking calls (each lives on its own thread).
class Connection
{
public:
    explicit Connection(const Endpoint &endpoint)
    {
        m_socket.connectToHost(endpoint.host, endpoint.port);
        m_socket.waitForConnected(5000);
        m_host = endpoint.host.toLatin1() + ':' + QByteArray::number(endpoint.port);
    }

    // Returns the status code and the body, or -1 on a transport failure.
    std::pair<int, QByteArray> call(const QByteArray &operation, const QByteArray &body)
    {
        QByteArray request = "POST / HTTP/1.1\r\nHost: " + m_host +
                             "\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: Kinesis_20131202." +
                             operation +
                             "\r\nX-Amz-Date: 20260101T000000Z\r\nAuthorization: AWS4-HMAC-SHA256 "
                             "Credential=AKIDBENCH/20260101/us-east-1/kinesis/aws4_request, "
                             "SignedHeaders=host;x-amz-date, Signature=" + QByteArray(64, '0') +
                             "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        m_socket.write(request);
        QByteArray buffer;
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end >= 0) {
                const int status = buffer.mid(9, 3).toInt();
                const qsizetype lengthAt = buffer.toLower().indexOf("content-length:");
                qint64 length = 0;
                if (lengthAt >= 0 && lengthAt < end)
                    length = buffer.mid(lengthAt + 15, buffer.indexOf("\r\n", lengthAt) - lengthAt - 15).trimmed().toLongLong();
                while (buffer.size() < end + 4 + length) {
                    if (!m_socket.waitForReadyRead(120000))
                        return {-1, {}};
                    buffer += m_socket.readAll();
                }
                return {status, buffer.mid(end + 4, length)};
            }
            if (!m_socket.waitForReadyRead(120000))
                return {-1, {}};
            buffer += m_socket.readAll();
        }
    }

private:
    QTcpSocket m_socket;
    QByteArray m_host;
};

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p / 100.0 * double(values.size())))];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_wire URL LABEL [seconds] [connections]\n");
        return 2;
    }
    const QUrl url(QString::fromLocal8Bit(argv[1]));
    const QByteArray label = argv[2];
    const double seconds = argc > 3 ? std::atof(argv[3]) : 10.0;
    const int connections = argc > 4 ? std::atoi(argv[4]) : 4;
    const Endpoint endpoint{url.host(), quint16(url.port(80))};
    const QString stream = QStringLiteral("wirebench");

    Connection control(endpoint);
    control.call("CreateStream", json({{QStringLiteral("StreamName"), stream}, {QStringLiteral("ShardCount"), 4}}));
    for (int i = 0; i < 200; ++i) {
        const auto [status, body] = control.call("DescribeStreamSummary", json({{QStringLiteral("StreamName"), stream}}));
        if (status == 200 && body.contains("\"ACTIVE\""))
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }

    // A PutRecords body of 500 records of 100 bytes, built once.
    QJsonArray records;
    const QString data = QString::fromLatin1(QByteArray(100, 'x').toBase64());
    for (int i = 0; i < 500; ++i)
        records.append(QJsonObject{{QStringLiteral("Data"), data},
                                   {QStringLiteral("PartitionKey"), QStringLiteral("pk-%1").arg(i)}});
    const QByteArray putBody = json({{QStringLiteral("StreamName"), stream}, {QStringLiteral("Records"), records}});

    std::atomic<long> batches{0};
    std::atomic<long> errors{0};
    std::mutex latencyMutex;
    std::vector<double> latencies;
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> workers;
    for (int c = 0; c < connections; ++c) {
        workers.emplace_back([&] {
            Connection connection(endpoint);
            std::vector<double> mine;
            while (timer.elapsed() < seconds * 1000) {
                QElapsedTimer one;
                one.start();
                const auto [status, body] = connection.call("PutRecords", putBody);
                mine.push_back(one.nsecsElapsed() / 1e6);
                if (status != 200 || body.contains("\"ErrorCode\""))
                    errors++;
                else
                    batches++;
            }
            std::lock_guard lock(latencyMutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        });
    }
    for (auto &w : workers)
        w.join();
    const double elapsed = timer.nsecsElapsed() / 1e9;

    // Read everything back from every shard, on a new connection (a peer may have closed the
    // idle control connection meanwhile).
    Connection reader(endpoint);
    QElapsedTimer readTimer;
    readTimer.start();
    long read = 0;
    for (int shard = 0; shard < 4; ++shard) {
        auto [status, body] = reader.call(
            "GetShardIterator", json({{QStringLiteral("StreamName"), stream},
                                      {QStringLiteral("ShardId"), QStringLiteral("shardId-%1").arg(shard, 12, 10, QLatin1Char('0'))},
                                      {QStringLiteral("ShardIteratorType"), QStringLiteral("TRIM_HORIZON")}}));
        QString iterator = QJsonDocument::fromJson(body).object().value(QStringLiteral("ShardIterator")).toString();
        if (status != 200)
            std::fprintf(stderr, "%s: GetShardIterator answered %d: %s\n", label.constData(), status,
                         body.left(300).constData());
        while (!iterator.isEmpty()) {
            auto [s, page] = reader.call("GetRecords", json({{QStringLiteral("ShardIterator"), iterator},
                                                              {QStringLiteral("Limit"), 10000}}));
            if (s != 200) {
                std::fprintf(stderr, "%s: GetRecords answered %d: %s\n", label.constData(), s,
                             page.left(300).constData());
                break;
            }
            const QJsonObject object = QJsonDocument::fromJson(page).object();
            const int n = int(object.value(QStringLiteral("Records")).toArray().size());
            read += n;
            if (n == 0)
                break;
            iterator = object.value(QStringLiteral("NextShardIterator")).toString();
        }
    }
    const double readElapsed = readTimer.nsecsElapsed() / 1e9;

    std::printf("%s_connections: %d\n", label.constData(), connections);
    std::printf("%s_put_batches: %.1f batches/s\n", label.constData(), batches / elapsed);
    std::printf("%s_put_records: %.0f records/s\n", label.constData(), batches * 500.0 / elapsed);
    std::printf("%s_put_latency_p50: %.1f ms\n", label.constData(), percentile(latencies, 50));
    std::printf("%s_put_latency_p99: %.1f ms\n", label.constData(), percentile(latencies, 99));
    std::printf("%s_put_errors: %ld\n", label.constData(), errors.load());
    std::printf("%s_get_records: %.0f records/s\n", label.constData(), read / readElapsed);
    std::printf("%s_get_records_read: %ld records\n", label.constData(), read);
    return errors.load() == 0 ? 0 : 1;
}
