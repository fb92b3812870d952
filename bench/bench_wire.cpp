// Wire-protocol load against any Kinesis endpoint (Shardscope's --serve, kinesalite): PutRecords
// of 500 x 100-byte records (JSON 1.1) from several keep-alive connections for a while, then
// every record read back with GetRecords (Limit 10000), once in JSON 1.1 and once in CBOR 1.1.
//
// Usage: bench_wire URL LABEL [seconds] [connections] [--reads=json,cbor]
// Prints "LABEL_put_records: N records/s", the put latency, and the read rates
// "LABEL_get_records" (JSON) and "LABEL_get_records_cbor"; --reads=json reads in JSON only.
//
// Honest figures: the bench waits until the endpoint answers and the stream is ACTIVE (it
// fails if either takes over 30 s), and prints a read rate only after checking that what was
// read is what was put: every record of every acknowledged batch exactly once, nothing else,
// its data and partition key intact, each partition key always on the same shard, and in each
// shard the records of a connection in the order it put them, under increasing sequence
// numbers. Any difference ends the bench with exit code 1. A read rate counts the time from
// sending each GetRecords (and GetShardIterator) to having its whole response; the bench's own
// decoding and checking of the pages is not counted.

#include <QByteArray>
#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

namespace {

constexpr int kRecordsPerBatch = 500;
constexpr int kRecordBytes = 100;
constexpr int kShards = 4;
constexpr int kReadLimit = 10000;

[[noreturn]] void fail(const QByteArray &label, const QByteArray &message)
{
    std::fprintf(stderr, "%s: FAILED: %s\n", label.constData(), message.constData());
    std::exit(1);
}

struct Endpoint
{
    QString host;
    quint16 port;
};

enum class Format
{
    Json,
    Cbor
};

// One keep-alive HTTP/1.1 connection with blocking calls (each lives on its own thread).
class Connection
{
public:
    explicit Connection(const Endpoint &endpoint)
    {
        m_socket.connectToHost(endpoint.host, endpoint.port);
        m_socket.waitForConnected(5000);
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_host = endpoint.host.toLatin1() + ':' + QByteArray::number(endpoint.port);
    }

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    // Returns the status code and the body, or -1 on a transport failure.
    std::pair<int, QByteArray> call(const QByteArray &operation, const QByteArray &body,
                                    Format format = Format::Json)
    {
        const QByteArray contentType = format == Format::Json ? "application/x-amz-json-1.1"
                                                              : "application/x-amz-cbor-1.1";
        QByteArray request = "POST / HTTP/1.1\r\nHost: " + m_host +
                             "\r\nContent-Type: " + contentType +
                             "\r\nX-Amz-Target: Kinesis_20131202." + operation +
                             "\r\nX-Amz-Date: 20260101T000000Z\r\nAuthorization: AWS4-HMAC-SHA256 "
                             "Credential=AKIDBENCH/20260101/us-east-1/kinesis/aws4_request, "
                             "SignedHeaders=host;x-amz-date, Signature=" +
                             QByteArray(64, '0') +
                             "\r\nContent-Length: " + QByteArray::number(body.size()) +
                             "\r\n\r\n";
        request += body;
        if (m_socket.write(request) != request.size())
            return {-1, {}};
        // The head, then the body read straight into its own buffer.
        qsizetype end = -1;
        while ((end = m_pending.indexOf("\r\n\r\n")) < 0) {
            if (!waitForMore())
                return {-1, {}};
        }
        const QByteArray head = m_pending.left(end).toLower();
        m_pending.remove(0, end + 4);
        const int status = head.mid(9, 3).toInt();
        const qsizetype lengthAt = head.indexOf("content-length:");
        if (lengthAt < 0)
            return {-1, {}};
        const qsizetype lineEnd = head.indexOf("\r\n", lengthAt);
        const qint64 length =
            head.mid(lengthAt + 15, lineEnd < 0 ? -1 : lineEnd - lengthAt - 15).trimmed().toLongLong();
        QByteArray responseBody(length, Qt::Uninitialized);
        qint64 have = std::min<qint64>(length, m_pending.size());
        std::memcpy(responseBody.data(), m_pending.constData(), size_t(have));
        m_pending.remove(0, have);
        while (have < length) {
            if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(120000))
                return {-1, {}};
            const qint64 n = m_socket.read(responseBody.data() + have, length - have);
            if (n < 0)
                return {-1, {}};
            have += n;
        }
        return {status, responseBody};
    }

private:
    bool waitForMore()
    {
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(120000))
            return false;
        m_pending += m_socket.readAll();
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_host;
    QByteArray m_pending;
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

// ---------------------------------------------------------------------------------------------
// The records: each one's 100 bytes name its connection, batch and index, then 91 bytes that
// depend on the connection and index (all byte values occur). The first 9 bytes are 12 base64
// characters of their own, so a batch body is made by patching those in a body built once.

constexpr unsigned char kMagic = 0xb7;
constexpr int kHeaderBytes = 9;

QByteArray header(int connection, quint32 batch, int index)
{
    QByteArray h(kHeaderBytes, Qt::Uninitialized);
    h[0] = char(kMagic);
    h[1] = char(connection);
    h[2] = char(batch >> 24);
    h[3] = char(batch >> 16);
    h[4] = char(batch >> 8);
    h[5] = char(batch);
    h[6] = char(index >> 8);
    h[7] = char(index);
    h[8] = char(0x5a);
    return h;
}

QByteArray filler(int connection, int index)
{
    QByteArray bytes(kRecordBytes - kHeaderBytes, Qt::Uninitialized);
    quint32 x = quint32(connection * 100003 + index) * 2654435761u + 1;
    for (char &c : bytes) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = char(x >> 24);
    }
    return bytes;
}

QByteArray partitionKey(int connection, int index)
{
    return "c" + QByteArray::number(connection) + "-k" + QByteArray::number(index);
}

// A connection's PutRecords body and where each record's header sits in it.
struct PutBody
{
    QByteArray body;
    std::vector<qsizetype> headerAt;

    PutBody(const QByteArray &stream, int connection)
    {
        body = R"({"StreamName":")" + stream + R"(","Records":[)";
        for (int i = 0; i < kRecordsPerBatch; ++i) {
            body += i == 0 ? R"({"Data":")" : R"(,{"Data":")";
            headerAt.push_back(body.size());
            body += QByteArray(header(connection, 0, i) + filler(connection, i)).toBase64();
            body += R"(","PartitionKey":")" + partitionKey(connection, i) + R"("})";
        }
        body += "]}";
    }

    // Patches the headers in place, without allocating: the bench's own work per batch stays
    // small beside the server's.
    void setBatch(int connection, quint32 batch)
    {
        static constexpr char kAlphabet[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char *data = body.data();
        for (int i = 0; i < kRecordsPerBatch; ++i) {
            const unsigned char bytes[kHeaderBytes] = {
                kMagic,         quint8(connection), quint8(batch >> 24),
                quint8(batch >> 16), quint8(batch >> 8), quint8(batch),
                quint8(i >> 8), quint8(i),          0x5a};
            char *out = data + headerAt[size_t(i)];
            for (int g = 0; g < kHeaderBytes; g += 3) {
                const quint32 triple = (quint32(bytes[g]) << 16) | (quint32(bytes[g + 1]) << 8) |
                                       bytes[g + 2];
                *out++ = kAlphabet[triple >> 18];
                *out++ = kAlphabet[(triple >> 12) & 63];
                *out++ = kAlphabet[(triple >> 6) & 63];
                *out++ = kAlphabet[triple & 63];
            }
        }
    }
};

// Whether a PutRecords answer took every record: "FailedRecordCount":0.
bool allAccepted(const QByteArray &body)
{
    const qsizetype at = body.indexOf("\"FailedRecordCount\":");
    if (at < 0)
        return false;
    qsizetype i = at + 20;
    while (i < body.size() && body[i] == ' ')
        ++i;
    return i + 1 < body.size() && body[i] == '0' && (body[i + 1] < '0' || body[i + 1] > '9');
}

// Numeric order of decimal sequence numbers.
bool lessThan(const QByteArray &a, const QByteArray &b)
{
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// What was put, and the checks of one read pass against it.
class ReadCheck
{
public:
    ReadCheck(const QByteArray &label, const std::vector<std::vector<char>> &accepted)
        : m_label(label), m_accepted(accepted)
    {
        for (const auto &batches : accepted) {
            m_seen.emplace_back(batches.size() * kRecordsPerBatch, char(0));
            m_shardOfKey.emplace_back(kRecordsPerBatch, -1);
            m_fillers.emplace_back();
        }
        for (size_t c = 0; c < accepted.size(); ++c) {
            for (int i = 0; i < kRecordsPerBatch; ++i)
                m_fillers[c].push_back(filler(int(c), i));
        }
        m_lastSequence.resize(kShards);
        m_lastInShard.assign(kShards, std::vector<qint64>(accepted.size(), -1));
    }

    void record(int shard, const QByteArray &data, const QByteArray &key,
                const QByteArray &sequenceNumber)
    {
        const auto bad = [&](const QByteArray &why) {
            fail(m_label, "record " + QByteArray::number(m_read) + " read from shard " +
                              QByteArray::number(shard) + ": " + why);
        };
        if (data.size() != kRecordBytes || static_cast<unsigned char>(data[0]) != kMagic)
            bad("data is not a record this bench put (" + data.left(16).toHex() + ")");
        const int connection = static_cast<unsigned char>(data[1]);
        const quint32 batch = (quint32(quint8(data[2])) << 24) | (quint32(quint8(data[3])) << 16) |
                              (quint32(quint8(data[4])) << 8) | quint8(data[5]);
        const int index = (quint8(data[6]) << 8) | quint8(data[7]);
        if (size_t(connection) >= m_accepted.size() ||
            batch >= m_accepted[size_t(connection)].size() || index >= kRecordsPerBatch)
            bad("data names a record that was never put");
        if (data != header(connection, batch, index) + m_fillers[size_t(connection)][size_t(index)])
            bad("data differs from what was put");
        if (key != partitionKey(connection, index))
            bad("partition key " + key + " differs from " + partitionKey(connection, index));
        char &seen = m_seen[size_t(connection)][size_t(batch) * kRecordsPerBatch + size_t(index)];
        if (seen)
            bad("read twice");
        seen = 1;
        int &keyShard = m_shardOfKey[size_t(connection)][size_t(index)];
        if (keyShard >= 0 && keyShard != shard)
            bad("partition key " + key + " was also read from shard " +
                QByteArray::number(keyShard));
        keyShard = shard;
        qint64 &last = m_lastInShard[size_t(shard)][size_t(connection)];
        const qint64 position = qint64(batch) * kRecordsPerBatch + index;
        if (position <= last)
            bad("out of the order its connection put it in");
        last = position;
        QByteArray &lastSequence = m_lastSequence[size_t(shard)];
        if (!lastSequence.isEmpty() && !lessThan(lastSequence, sequenceNumber))
            bad("sequence number " + sequenceNumber + " does not follow " + lastSequence);
        lastSequence = sequenceNumber;
        ++m_read;
    }

    // Every record of every acknowledged batch was read.
    void finish() const
    {
        for (size_t c = 0; c < m_accepted.size(); ++c) {
            for (size_t b = 0; b < m_accepted[c].size(); ++b) {
                if (!m_accepted[c][b])
                    continue;
                for (int i = 0; i < kRecordsPerBatch; ++i) {
                    if (!m_seen[c][b * kRecordsPerBatch + size_t(i)])
                        fail(m_label, "record " + QByteArray::number(i) + " of batch " +
                                          QByteArray::number(qulonglong(b)) + " of connection " +
                                          QByteArray::number(qulonglong(c)) +
                                          " was acknowledged but never read");
                }
            }
        }
    }

    qint64 read() const { return m_read; }

private:
    QByteArray m_label;
    const std::vector<std::vector<char>> &m_accepted;
    std::vector<std::vector<char>> m_seen;
    std::vector<std::vector<int>> m_shardOfKey;
    std::vector<std::vector<QByteArray>> m_fillers;
    std::vector<QByteArray> m_lastSequence;
    std::vector<std::vector<qint64>> m_lastInShard;
    qint64 m_read = 0;
};

QString shardId(int shard)
{
    return QStringLiteral("shardId-%1").arg(shard, 12, 10, QLatin1Char('0'));
}

QByteArray requestBody(Format format, const QCborMap &map)
{
    return format == Format::Json ? QJsonDocument(map.toJsonObject()).toJson(QJsonDocument::Compact)
                                  : QCborValue(map).toCbor();
}

// One page decoded by Qt's own JSON or CBOR reader (not Shardscope's codec).
struct Page
{
    struct Entry
    {
        QByteArray data;
        QByteArray partitionKey;
        QByteArray sequenceNumber;
    };
    std::vector<Entry> records;
    QString nextShardIterator;
};

Page decodePage(const QByteArray &label, Format format, const QByteArray &body)
{
    Page page;
    if (format == Format::Json) {
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(body, &error).object();
        if (error.error != QJsonParseError::NoError)
            fail(label, "GetRecords answered with JSON that does not parse: " +
                            error.errorString().toUtf8());
        const QJsonArray records = object.value(QStringLiteral("Records")).toArray();
        page.records.reserve(size_t(records.size()));
        for (const QJsonValue &value : records) {
            const QJsonObject r = value.toObject();
            auto data = QByteArray::fromBase64Encoding(
                r.value(QStringLiteral("Data")).toString().toLatin1(),
                QByteArray::AbortOnBase64DecodingErrors);
            if (!data)
                fail(label, "a record's Data is not base64");
            page.records.push_back({data.decoded, r.value(QStringLiteral("PartitionKey")).toString().toUtf8(),
                                    r.value(QStringLiteral("SequenceNumber")).toString().toLatin1()});
        }
        page.nextShardIterator = object.value(QStringLiteral("NextShardIterator")).toString();
        return page;
    }
    QCborParserError error;
    const QCborMap map = QCborValue::fromCbor(body, &error).toMap();
    if (error.error != QCborError::NoError)
        fail(label, "GetRecords answered with CBOR that does not parse: " +
                        error.errorString().toUtf8());
    const QCborArray records = map.value(QStringLiteral("Records")).toArray();
    page.records.reserve(size_t(records.size()));
    for (const QCborValue &value : records) {
        const QCborMap r = value.toMap();
        const QCborValue data = r.value(QStringLiteral("Data"));
        if (!data.isByteArray())
            fail(label, "a record's Data is not a CBOR byte string");
        page.records.push_back({data.toByteArray(),
                                r.value(QStringLiteral("PartitionKey")).toString().toUtf8(),
                                r.value(QStringLiteral("SequenceNumber")).toString().toLatin1()});
    }
    page.nextShardIterator = map.value(QStringLiteral("NextShardIterator")).toString();
    return page;
}

// Reads every shard from its trim horizon to an empty page; returns the seconds spent waiting
// for answers.
double readAll(const QByteArray &label, const Endpoint &endpoint, const QString &stream,
               Format format, ReadCheck &check)
{
    Connection reader(endpoint);
    double seconds = 0;
    const auto timed = [&](const QByteArray &operation, const QByteArray &body) {
        QElapsedTimer timer;
        timer.start();
        auto answer = reader.call(operation, body, format);
        seconds += double(timer.nsecsElapsed()) / 1e9;
        if (answer.first != 200)
            fail(label, operation + " answered " + QByteArray::number(answer.first) + ": " +
                            answer.second.left(300));
        return answer.second;
    };
    for (int shard = 0; shard < kShards; ++shard) {
        const QByteArray answer =
            timed("GetShardIterator",
                  requestBody(format, QCborMap{{QStringLiteral("StreamName"), stream},
                                               {QStringLiteral("ShardId"), shardId(shard)},
                                               {QStringLiteral("ShardIteratorType"),
                                                QStringLiteral("TRIM_HORIZON")}}));
        QString iterator =
            format == Format::Json
                ? QJsonDocument::fromJson(answer).object().value(QStringLiteral("ShardIterator")).toString()
                : QCborValue::fromCbor(answer).toMap().value(QStringLiteral("ShardIterator")).toString();
        if (iterator.isEmpty())
            fail(label, "GetShardIterator gave no iterator");
        for (;;) {
            const QByteArray body = timed(
                "GetRecords", requestBody(format, QCborMap{{QStringLiteral("ShardIterator"), iterator},
                                                           {QStringLiteral("Limit"), kReadLimit}}));
            const Page page = decodePage(label, format, body);
            for (const Page::Entry &entry : page.records)
                check.record(shard, entry.data, entry.partitionKey, entry.sequenceNumber);
            if (page.records.empty())
                break;
            iterator = page.nextShardIterator;
            if (iterator.isEmpty())
                fail(label, "an open shard's page has no NextShardIterator");
        }
    }
    check.finish();
    return seconds;
}

// Polls until the endpoint answers ListStreams, then until the stream is ACTIVE.
void waitUntilReady(const QByteArray &label, const Endpoint &endpoint, const QString &stream,
                    bool create)
{
    QElapsedTimer waited;
    waited.start();
    const auto poll = [&](auto ready, const char *what) {
        for (;;) {
            Connection connection(endpoint);
            if (connection.isConnected() && ready(connection))
                return;
            if (waited.elapsed() > 30000)
                fail(label, QByteArray("gave up after 30 s waiting for ") + what);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    };
    poll([](Connection &c) { return c.call("ListStreams", "{}").first == 200; },
         "the endpoint to answer");
    if (create) {
        Connection control(endpoint);
        const auto [status, body] = control.call(
            "CreateStream",
            json({{QStringLiteral("StreamName"), stream}, {QStringLiteral("ShardCount"), kShards}}));
        if (status != 200)
            fail(label, "CreateStream answered " + QByteArray::number(status) + ": " + body.left(300));
    }
    poll(
        [&](Connection &c) {
            const auto [status, body] =
                c.call("DescribeStreamSummary", json({{QStringLiteral("StreamName"), stream}}));
            return status == 200 && body.contains("\"ACTIVE\"");
        },
        "the stream to become ACTIVE");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::vector<QByteArray> arguments;
    std::vector<Format> reads{Format::Json, Format::Cbor};
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument = argv[i];
        if (argument == "--reads=json")
            reads = {Format::Json};
        else if (argument == "--reads=cbor")
            reads = {Format::Cbor};
        else if (argument != "--reads=json,cbor")
            arguments.push_back(argument);
    }
    if (arguments.size() < 2 || arguments.size() > 4 || arguments[0].startsWith("--")) {
        std::fprintf(stderr,
                     "usage: bench_wire URL LABEL [seconds] [connections] [--reads=json,cbor]\n");
        return 2;
    }
    const QUrl url(QString::fromLocal8Bit(arguments[0]));
    const QByteArray label = arguments[1];
    const double seconds = arguments.size() > 2 ? arguments[2].toDouble() : 10.0;
    const int connections = std::clamp(arguments.size() > 3 ? arguments[3].toInt() : 4, 1, 255);
    const Endpoint endpoint{url.host(), quint16(url.port(80))};
    // A new stream each run, so records from an earlier run can never be counted.
    const QString stream =
        QStringLiteral("wirebench-%1").arg(QDateTime::currentMSecsSinceEpoch());
    waitUntilReady(label, endpoint, stream, true);

    std::atomic<long> batches{0};
    std::atomic<long> errors{0};
    std::mutex mutex;
    std::vector<double> latencies;
    // Per connection, per batch: whether every record of the batch was acknowledged.
    std::vector<std::vector<char>> accepted(static_cast<size_t>(connections));
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> workers;
    for (int c = 0; c < connections; ++c) {
        workers.emplace_back([&, c] {
            Connection connection(endpoint);
            PutBody put(stream.toUtf8(), c);
            std::vector<double> mine;
            std::vector<char> outcomes;
            while (timer.elapsed() < seconds * 1000) {
                put.setBatch(c, quint32(outcomes.size()));
                QElapsedTimer one;
                one.start();
                const auto [status, body] = connection.call("PutRecords", put.body);
                mine.push_back(double(one.nsecsElapsed()) / 1e6);
                const bool ok = status == 200 && allAccepted(body);
                outcomes.push_back(ok ? 1 : 0);
                if (ok) {
                    batches++;
                } else {
                    errors++;
                    std::fprintf(stderr, "%s: PutRecords answered %d: %s\n", label.constData(),
                                 status, body.left(300).constData());
                    if (status < 0)
                        break; // the connection is gone
                }
            }
            std::lock_guard lock(mutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
            accepted[size_t(c)] = std::move(outcomes);
        });
    }
    for (auto &w : workers)
        w.join();
    const double elapsed = double(timer.nsecsElapsed()) / 1e9;

    std::printf("%s_connections: %d\n", label.constData(), connections);
    std::printf("%s_put_batches: %.1f batches/s\n", label.constData(), double(batches) / elapsed);
    std::printf("%s_put_records: %.0f records/s\n", label.constData(),
                double(batches) * kRecordsPerBatch / elapsed);
    std::printf("%s_put_latency_p50: %.1f ms\n", label.constData(), percentile(latencies, 50));
    std::printf("%s_put_latency_p99: %.1f ms\n", label.constData(), percentile(latencies, 99));
    std::printf("%s_put_errors: %ld\n", label.constData(), errors.load());
    std::fflush(stdout);

    // Read everything back, on new connections (a peer may have closed idle ones meanwhile).
    for (const Format format : reads) {
        const QByteArray name = label + (format == Format::Json ? "_get_records" : "_get_records_cbor");
        ReadCheck check(name, accepted);
        const double readSeconds = readAll(name, endpoint, stream, format, check);
        std::printf("%s: %.0f records/s\n", name.constData(), double(check.read()) / readSeconds);
        std::printf("%s_read: %lld records (checked against the records put)\n", name.constData(),
                    static_cast<long long>(check.read()));
        std::fflush(stdout);
    }
    return errors.load() == 0 ? 0 : 1;
}
