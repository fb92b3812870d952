// Enhanced fan-out through the real server: the engine and KinesisServer in this process, every
// client over a real socket on its own thread.
//
//   efo_latency_p50_1k / _p99_1k / _p50_10k / _p99_10k: put-to-event latency at 1,000 and 10,000
//     records/s. PutRecords batches every 10 ms on one HTTP/2 connection (batches overlap, so a
//     slow answer does not hold back the schedule); one subscriber holds a SubscribeToShard per
//     shard on one HTTP/2 connection (h2c, prior knowledge, 1 MiB stream windows as the SDKs
//     set them). Each record carries the steady-clock time its batch was sent; the latency is
//     the time its event's bytes arrived minus that. 16 shards with the per-shard limits on:
//     10,000 records/s spread evenly (ExplicitHashKey) is 625 records/s and 62.5 KB/s a shard.
//   efo_subscriptions: 20 consumers x 8 shards subscribed at once (a connection per consumer);
//     one record put to each shard once all 160 are open; how many received it, and when the
//     last did.
//   h2_put_records / h1_put_records: PutRecords of 500 x 100-byte records (JSON 1.1), the same
//     body, from 4 connections with one request in flight each, over HTTP/2 and over HTTP/1.1
//     keep-alive; records acknowledged per second (the limits off for this part).
//
// Usage: bench_efo [seconds per latency and throughput run]
// Prints "name: value unit" lines; the figures depend on the machine and its load.

#include "engine/engine.h"
#include "kinesis/api.h"
#include "protocol/eventstream.h"
#include "protocol/wirecodec.h"
#include "server/kinesisserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QThread>

#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr int kLatencyShards = 16;
constexpr int kFanOutShards = 8;
constexpr int kFanOutConsumers = 20;
constexpr int kRecordBytes = 100;
constexpr int kThroughputBatch = 500;
constexpr int kThroughputConnections = 4;
constexpr qint64 kBatchIntervalMs = 10;

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

[[noreturn]] void fail(const QByteArray &message)
{
    std::fprintf(stderr, "bench_efo: FAILED: %s\n", message.constData());
    std::exit(1);
}

template<typename T>
T orFail(std::expected<T, Error> result, const char *what)
{
    if (!result)
        fail(QByteArray(what) + ": " + result.error().message.toUtf8());
    if constexpr (!std::is_void_v<T>)
        return std::move(*result);
}

void printLine(const char *name, double value, const char *unit)
{
    std::printf("%s: %.2f%s%s\n", name, value, *unit ? " " : "", unit);
    std::fflush(stdout);
}

double percentile(std::vector<double> &values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(double(values.size()) * fraction))];
}

QList<std::pair<QByteArray, QByteArray>> kinesisHeaders(const char *operation)
{
    return {{"content-type", "application/x-amz-json-1.1"},
            {"x-amz-target", QByteArray("Kinesis_20131202.") + operation},
            {"x-amz-date", "20240101T000000Z"},
            {"authorization", "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/kinesis/"
                              "aws4_request, SignedHeaders=host;x-amz-date, Signature=00"}};
}

// --- an HTTP/2 client (nghttp2 over a blocking QTcpSocket), one thread ---------------------------

class H2Connection
{
public:
    struct Stream
    {
        int status = 0;
        QByteArray body; // collected unless onData takes the bytes
        bool closed = false;
        std::function<void(QByteArrayView, qint64)> onData; // bytes, arrival (steady ns)
    };

    explicit H2Connection(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (!m_socket.waitForConnected(5000))
            fail("cannot connect over HTTP/2: " + m_socket.errorString().toUtf8());
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        nghttp2_session_callbacks *callbacks = nullptr;
        nghttp2_session_callbacks_new(&callbacks);
        nghttp2_session_callbacks_set_on_header_callback(callbacks, &H2Connection::onHeader);
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, &H2Connection::onData);
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, &H2Connection::onClose);
        nghttp2_session_client_new(&m_session, callbacks, this);
        nghttp2_session_callbacks_del(callbacks);
        // As the SDKs open them: 1 MiB per stream, 16 MiB for the connection.
        const nghttp2_settings_entry settings[] = {
            {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, 1024 * 1024}};
        nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings, std::size(settings));
        nghttp2_session_set_local_window_size(m_session, NGHTTP2_FLAG_NONE, 0, 16 * 1024 * 1024);
    }
    ~H2Connection() { nghttp2_session_del(m_session); }
    H2Connection(const H2Connection &) = delete;
    H2Connection &operator=(const H2Connection &) = delete;

    int32_t submit(const char *operation, QByteArray body,
                   std::function<void(QByteArrayView, qint64)> onData = {})
    {
        QList<std::pair<QByteArray, QByteArray>> headers{
            {":method", "POST"}, {":scheme", "http"}, {":authority", "localhost"}, {":path", "/"}};
        headers += kinesisHeaders(operation);
        QList<nghttp2_nv> nva;
        for (const auto &[name, value] : std::as_const(headers))
            nva.append(nghttp2_nv{reinterpret_cast<uint8_t *>(const_cast<char *>(name.constData())),
                                  reinterpret_cast<uint8_t *>(const_cast<char *>(value.constData())),
                                  size_t(name.size()), size_t(value.size()), NGHTTP2_NV_FLAG_NONE});
        auto source = std::make_unique<Body>();
        source->bytes = std::move(body);
        nghttp2_data_provider provider;
        provider.source.ptr = source.get();
        provider.read_callback = &H2Connection::readBody;
        const int32_t id = nghttp2_submit_request(m_session, nullptr, nva.constData(),
                                                  size_t(nva.size()), &provider, nullptr);
        if (id < 0)
            fail(QByteArray("cannot submit an HTTP/2 request: ") + nghttp2_strerror(id));
        m_bodies[id] = std::move(source);
        m_streams[id].onData = std::move(onData);
        return id;
    }

    // Sends what is queued, then handles what arrives within waitMs.
    void pump(int waitMs)
    {
        send();
        if (m_socket.bytesAvailable() == 0)
            m_socket.waitForReadyRead(waitMs);
        const QByteArray bytes = m_socket.readAll();
        if (!bytes.isEmpty()) {
            m_arrivalNs = steadyNs();
            const ssize_t read = nghttp2_session_mem_recv(
                m_session, reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
            if (read < 0)
                fail(QByteArray("HTTP/2 client: ") + nghttp2_strerror(int(read)));
        }
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            fail("the server closed an HTTP/2 connection");
        send();
    }

    // Pumps until the stream has its whole response.
    Stream await(int32_t id)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_streams[id].closed) {
            if (timer.elapsed() > 30000)
                fail("an HTTP/2 request was not answered within 30 s");
            pump(50);
        }
        Stream done = std::move(m_streams[id]);
        forget(id);
        return done;
    }

    Stream &stream(int32_t id) { return m_streams[id]; }
    void forget(int32_t id)
    {
        m_streams.erase(id);
        m_bodies.erase(id);
    }

private:
    struct Body
    {
        QByteArray bytes;
        qsizetype offset = 0;
    };

    void send()
    {
        for (;;) {
            const uint8_t *data = nullptr;
            const ssize_t n = nghttp2_session_mem_send(m_session, &data);
            if (n <= 0)
                break;
            m_socket.write(reinterpret_cast<const char *>(data), qint64(n));
        }
        while (m_socket.bytesToWrite() > 0 && m_socket.waitForBytesWritten(1000)) {
        }
    }

    static H2Connection &of(void *user) { return *static_cast<H2Connection *>(user); }
    static ssize_t readBody(nghttp2_session *, int32_t, uint8_t *buffer, size_t length,
                            uint32_t *flags, nghttp2_data_source *source, void *)
    {
        auto *body = static_cast<Body *>(source->ptr);
        const qsizetype n = std::min<qsizetype>(qsizetype(length), body->bytes.size() - body->offset);
        std::memcpy(buffer, body->bytes.constData() + body->offset, size_t(n));
        body->offset += n;
        if (body->offset == body->bytes.size())
            *flags |= NGHTTP2_DATA_FLAG_EOF;
        return ssize_t(n);
    }
    static int onHeader(nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name,
                        size_t nameLength, const uint8_t *value, size_t valueLength, uint8_t,
                        void *user)
    {
        if (QByteArrayView(name, qsizetype(nameLength)) == ":status")
            of(user).m_streams[frame->hd.stream_id].status =
                QByteArray(reinterpret_cast<const char *>(value), qsizetype(valueLength)).toInt();
        return 0;
    }
    static int onData(nghttp2_session *, uint8_t, int32_t id, const uint8_t *data, size_t length,
                      void *user)
    {
        H2Connection &self = of(user);
        Stream &stream = self.m_streams[id];
        const QByteArrayView bytes(data, qsizetype(length));
        if (stream.onData)
            stream.onData(bytes, self.m_arrivalNs);
        else
            stream.body.append(bytes);
        return 0;
    }
    static int onClose(nghttp2_session *, int32_t id, uint32_t, void *user)
    {
        of(user).m_streams[id].closed = true;
        return 0;
    }

    QTcpSocket m_socket;
    nghttp2_session *m_session = nullptr;
    std::map<int32_t, std::unique_ptr<Body>> m_bodies;
    std::map<int32_t, Stream> m_streams;
    qint64 m_arrivalNs = 0;
};

// --- HTTP/1.1 keep-alive, one request at a time ---------------------------------------------------

class H1Connection
{
public:
    explicit H1Connection(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (!m_socket.waitForConnected(5000))
            fail("cannot connect over HTTP/1.1: " + m_socket.errorString().toUtf8());
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }

    // The response body; fails the bench on anything but 200.
    QByteArray post(const char *operation, const QByteArray &body)
    {
        QByteArray request = "POST / HTTP/1.1\r\nHost: localhost\r\n";
        for (const auto &[name, value] : kinesisHeaders(operation))
            request += name + ": " + value + "\r\n";
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        m_socket.write(request);
        QByteArray buffer;
        for (;;) {
            if (!m_socket.waitForReadyRead(30000))
                fail("an HTTP/1.1 request was not answered within 30 s");
            buffer += m_socket.readAll();
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                continue;
            const qsizetype at = buffer.toLower().indexOf("content-length:");
            const qint64 length =
                buffer.mid(at + 15, buffer.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
            if (buffer.size() < end + 4 + length)
                continue;
            if (!buffer.startsWith("HTTP/1.1 200"))
                fail("HTTP/1.1 answer: " + buffer.left(300));
            return buffer.mid(end + 4, length);
        }
    }

private:
    QTcpSocket m_socket;
};

// --- records and subscriptions ---------------------------------------------------------------------

// "t=<steady ns> i=<index> " padded to kRecordBytes.
QByteArray recordData(qint64 sentNs, qint64 index)
{
    QByteArray data = "t=" + QByteArray::number(sentNs) + " i=" + QByteArray::number(index) + ' ';
    data.append(kRecordBytes - data.size(), 'x');
    return data;
}

qint64 sentNsOf(const QByteArray &data)
{
    if (!data.startsWith("t="))
        return 0;
    return data.mid(2, data.indexOf(' ') - 2).toLongLong();
}

QByteArray putRecordsBody(const QString &stream, const QList<PutRecordsRequestEntry> &entries)
{
    PutRecordsRequest request;
    request.target = StreamTarget::byName(stream);
    request.records = entries;
    return WireCodec(WireFormat::Json).encode(request);
}

qint64 failedRecordCount(const QByteArray &responseBody)
{
    static const QRegularExpression failed(u"\"FailedRecordCount\"\\s*:\\s*(\\d+)"_s);
    const auto match = failed.match(QString::fromUtf8(responseBody));
    if (!match.hasMatch())
        fail("not a PutRecords answer: " + responseBody.left(300));
    return match.captured(1).toLongLong();
}

// Decodes one subscription's event stream as its bytes arrive.
class EventReader
{
public:
    // Called with each record's data and the time its bytes arrived.
    std::function<void(const Record &, qint64)> onRecord;
    bool opened = false; // the first SubscribeToShardEvent arrived

    void feed(QByteArrayView bytes, qint64 arrivalNs)
    {
        m_decoder.feed(bytes);
        for (;;) {
            auto next = m_decoder.next();
            if (!next)
                fail("event stream: " + next.error().toUtf8());
            if (!*next)
                return;
            const EventStream::Message &message = **next;
            if (message.stringHeader(u":message-type") != u"event"_s)
                fail("subscription ended with " +
                     message.stringHeader(u":exception-type").toUtf8() + ": " + message.payload);
            if (message.stringHeader(u":event-type") != u"SubscribeToShardEvent"_s)
                continue; // initial-response
            auto event = m_codec.decode<SubscribeToShardEvent>(message.payload);
            if (!event)
                fail("SubscribeToShardEvent: " + event.error().message.toUtf8());
            opened = true;
            for (const Record &record : std::as_const(event->records)) {
                if (onRecord)
                    onRecord(record, arrivalNs);
            }
        }
    }

private:
    EventStream::Decoder m_decoder;
    WireCodec m_codec{WireFormat::Json};
};

QByteArray subscribeBody(const QString &consumerArn, const QString &shardId)
{
    SubscribeToShardRequest request;
    request.consumerArn = consumerArn;
    request.shardId = shardId;
    request.startingPosition.type = ShardIteratorType::Latest;
    return WireCodec(WireFormat::Json).encode(request);
}

struct Bench
{
    Engine &engine;
    quint16 port = 0;
    double seconds = 10;

    QString registerConsumer(const QString &stream, const QString &name)
    {
        const Consumer consumer = orFail(engine.registerStreamConsumer(RegisterStreamConsumerRequest{
                                             engine.streamArn(stream), name, {}}),
                                         "RegisterStreamConsumer");
        return consumer.consumerArn;
    }

    QList<Shard> shards(const QString &stream)
    {
        ListShardsRequest request;
        request.target = StreamTarget::byName(stream);
        return orFail(engine.listShards(request), "ListShards").shards;
    }

    // Put-to-event latency at `rate` records/s; prints p50 and p99 under `suffix`.
    void latency(int rate, const char *suffix)
    {
        const QString stream = u"latency"_s;
        const QList<Shard> shardList = shards(stream);
        const QString consumerArn = registerConsumer(stream, u"latency-%1"_s.arg(QLatin1StringView(suffix)));
        QStringList startKeys; // an ExplicitHashKey in each shard
        for (const Shard &shard : shardList)
            startKeys.append(shard.hashKeyRange.start.toDecimal());

        std::mutex mutex;
        std::vector<double> latencies;
        std::atomic<qint64> received = 0;
        std::atomic<bool> subscribed = false;
        std::atomic<bool> stop = false;
        std::atomic<qint64> measureFromNs = 0;

        std::thread subscriber([&] {
            H2Connection connection(port);
            std::vector<std::unique_ptr<EventReader>> readers;
            for (const Shard &shard : shardList) {
                auto reader = std::make_unique<EventReader>();
                reader->onRecord = [&](const Record &record, qint64 arrivalNs) {
                    const qint64 sentNs = sentNsOf(record.data);
                    ++received;
                    if (sentNs < measureFromNs.load())
                        return; // warm-up
                    std::lock_guard lock(mutex);
                    latencies.push_back(double(arrivalNs - sentNs) / 1e6);
                };
                EventReader *raw = reader.get();
                connection.submit("SubscribeToShard", subscribeBody(consumerArn, shard.shardId),
                                  [raw](QByteArrayView bytes, qint64 at) { raw->feed(bytes, at); });
                readers.push_back(std::move(reader));
            }
            QElapsedTimer timer;
            timer.start();
            while (!std::ranges::all_of(readers, [](const auto &r) { return r->opened; })) {
                if (timer.elapsed() > 30000)
                    fail("the latency subscriptions did not open within 30 s");
                connection.pump(5);
            }
            subscribed = true;
            while (!stop)
                connection.pump(5);
        });
        while (!subscribed)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));

        // The producer: a batch every 10 ms, sent when due, answers awaited as they come.
        const int perBatch = std::max(1, int(rate * kBatchIntervalMs / 1000));
        qint64 acknowledged = 0, refused = 0, index = 0;
        std::vector<double> putLatencies; // from sending a batch to its answer
        {
            H2Connection producer(port);
            struct Batch
            {
                int records = 0;
                qint64 sentNs = 0;
            };
            std::map<int32_t, Batch> inFlight; // stream → its batch
            const qint64 startNs = steadyNs();
            measureFromNs = startNs + 1'000'000'000; // the first second warms up
            const qint64 endNs = measureFromNs + qint64(seconds * 1e9);
            qint64 batch = 0;
            for (;;) {
                const qint64 now = steadyNs();
                const qint64 dueNs = startNs + batch * kBatchIntervalMs * 1'000'000;
                if (now >= endNs && inFlight.empty())
                    break;
                if (now < endNs && now >= dueNs) {
                    QList<PutRecordsRequestEntry> entries;
                    const qint64 sentNs = steadyNs();
                    for (int i = 0; i < perBatch; ++i, ++index) {
                        entries.append(PutRecordsRequestEntry{recordData(sentNs, index), u"k"_s,
                                                              startKeys[index % startKeys.size()]});
                    }
                    inFlight[producer.submit("PutRecords", putRecordsBody(stream, entries))] =
                        Batch{perBatch, sentNs};
                    ++batch;
                }
                producer.pump(1);
                for (auto it = inFlight.begin(); it != inFlight.end();) {
                    H2Connection::Stream &answer = producer.stream(it->first);
                    if (!answer.closed) {
                        ++it;
                        continue;
                    }
                    if (answer.status != 200)
                        fail("PutRecords answered " + QByteArray::number(answer.status) + ": " +
                             answer.body.left(300));
                    const qint64 failed = failedRecordCount(answer.body);
                    refused += failed;
                    acknowledged += it->second.records - failed;
                    if (it->second.sentNs >= measureFromNs)
                        putLatencies.push_back(double(steadyNs() - it->second.sentNs) / 1e6);
                    producer.forget(it->first);
                    it = inFlight.erase(it);
                }
            }
        }
        // Whatever is still on its way gets two seconds.
        QElapsedTimer drain;
        drain.start();
        while (received < acknowledged && drain.elapsed() < 2000)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        stop = true;
        subscriber.join();

        std::lock_guard lock(mutex);
        printLine(QByteArray("efo_latency_p50_" + QByteArray(suffix)).constData(),
                  percentile(latencies, 0.50), "ms");
        printLine(QByteArray("efo_latency_p99_" + QByteArray(suffix)).constData(),
                  percentile(latencies, 0.99), "ms");
        printLine(QByteArray("efo_latency_max_" + QByteArray(suffix)).constData(),
                  percentile(latencies, 1.0), "ms");
        // The put's part of it: from sending a batch to PutRecords' answer.
        printLine(QByteArray("efo_put_answer_p50_" + QByteArray(suffix)).constData(),
                  percentile(putLatencies, 0.50), "ms");
        printLine(QByteArray("efo_put_answer_p99_" + QByteArray(suffix)).constData(),
                  percentile(putLatencies, 0.99), "ms");
        std::printf("efo_latency_records_%s: %lld received of %lld acknowledged (%lld throttled)\n",
                    suffix, static_cast<long long>(received.load()),
                    static_cast<long long>(acknowledged), static_cast<long long>(refused));
        std::fflush(stdout);
    }

    // 20 consumers x 8 shards at once, then one record a shard.
    void fanOut()
    {
        const QString stream = u"fanout"_s;
        const QList<Shard> shardList = shards(stream);
        QStringList consumers;
        for (int c = 0; c < kFanOutConsumers; ++c)
            consumers.append(registerConsumer(stream, u"fan-%1"_s.arg(c)));

        std::atomic<int> openCount = 0;
        std::atomic<int> receivedCount = 0;
        std::atomic<qint64> lastArrivalNs = 0;
        std::atomic<bool> stop = false;
        const qint64 subscribeStartNs = steadyNs();
        std::vector<std::thread> threads;
        for (const QString &consumerArn : std::as_const(consumers)) {
            threads.emplace_back([&, consumerArn] {
                H2Connection connection(port);
                std::vector<std::unique_ptr<EventReader>> readers;
                for (const Shard &shard : shardList) {
                    auto reader = std::make_unique<EventReader>();
                    reader->onRecord = [&](const Record &, qint64 arrivalNs) {
                        ++receivedCount;
                        qint64 last = lastArrivalNs.load();
                        while (arrivalNs > last && !lastArrivalNs.compare_exchange_weak(last, arrivalNs)) {
                        }
                    };
                    EventReader *raw = reader.get();
                    connection.submit("SubscribeToShard", subscribeBody(consumerArn, shard.shardId),
                                      [raw, &openCount](QByteArrayView bytes, qint64 at) {
                                          const bool was = raw->opened;
                                          raw->feed(bytes, at);
                                          if (!was && raw->opened)
                                              ++openCount;
                                      });
                    readers.push_back(std::move(reader));
                }
                while (!stop)
                    connection.pump(5);
            });
        }
        QElapsedTimer timer;
        timer.start();
        while (openCount < kFanOutConsumers * kFanOutShards && timer.elapsed() < 30000)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        const double openMs = double(steadyNs() - subscribeStartNs) / 1e6;
        const int opened = openCount;

        QList<PutRecordsRequestEntry> entries;
        for (const Shard &shard : shardList)
            entries.append(PutRecordsRequestEntry{recordData(steadyNs(), 0), u"k"_s,
                                                  shard.hashKeyRange.start.toDecimal()});
        const qint64 putNs = steadyNs();
        {
            H1Connection producer(port);
            if (failedRecordCount(producer.post("PutRecords", putRecordsBody(stream, entries))) != 0)
                fail("the fan-out records were refused");
        }
        const int expected = kFanOutConsumers * kFanOutShards;
        timer.restart();
        while (receivedCount < expected && timer.elapsed() < 10000)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        stop = true;
        for (std::thread &thread : threads)
            thread.join();
        std::printf("efo_subscriptions: %d\n", receivedCount.load());
        std::printf("efo_subscriptions_open: %d of %d in %.2f ms\n", opened, expected, openMs);
        printLine("efo_subscriptions_last_received", double(lastArrivalNs.load() - putNs) / 1e6,
                  "ms");
    }

    // Records acknowledged per second, `connections` clients with one PutRecords in flight each.
    void throughput(bool http2, const char *name)
    {
        const QString stream = u"throughput"_s;
        std::atomic<qint64> acknowledged = 0;
        const qint64 startNs = steadyNs();
        const qint64 endNs = startNs + qint64(seconds * 1e9);
        std::vector<std::thread> clients;
        for (int c = 0; c < kThroughputConnections; ++c) {
            clients.emplace_back([&, c] {
                QList<PutRecordsRequestEntry> entries;
                for (int i = 0; i < kThroughputBatch; ++i)
                    entries.append(PutRecordsRequestEntry{recordData(0, i), u"pk-%1-%2"_s.arg(c).arg(i), {}});
                const QByteArray body = putRecordsBody(stream, entries);
                std::unique_ptr<H2Connection> h2;
                std::unique_ptr<H1Connection> h1;
                if (http2)
                    h2 = std::make_unique<H2Connection>(port);
                else
                    h1 = std::make_unique<H1Connection>(port);
                while (steadyNs() < endNs) {
                    QByteArray answer;
                    if (h2) {
                        const H2Connection::Stream done = h2->await(h2->submit("PutRecords", body));
                        if (done.status != 200)
                            fail("PutRecords over HTTP/2 answered " + QByteArray::number(done.status));
                        answer = done.body;
                    } else {
                        answer = h1->post("PutRecords", body);
                    }
                    acknowledged += kThroughputBatch - failedRecordCount(answer);
                }
            });
        }
        for (std::thread &client : clients)
            client.join();
        printLine(name, double(acknowledged) / (double(steadyNs() - startNs) / 1e9), "records/s");
    }
};

void createStream(Engine &engine, const QString &name, int shards)
{
    CreateStreamRequest request;
    request.streamName = name;
    request.shardCount = shards;
    orFail(engine.createStream(request), "CreateStream");
}

QByteArray loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return "unknown";
    return file.readAll().split(' ').mid(0, 3).join(' ');
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 10.0;

    EngineOptions options; // in memory, Kinesis's per-shard limits on
    options.createDelayMs = 0;
    options.deleteDelayMs = 0;
    options.updateDelayMs = 0;
    auto engine = Engine::open(options);
    if (!engine)
        fail("Engine::open: " + engine.error().message.toUtf8());
    KinesisServer server(**engine);
    KinesisServer::Options serverOptions;
    serverOptions.port = 0;
    const auto url = server.start(serverOptions);
    if (!url)
        fail("KinesisServer::start: " + url.error().toUtf8());

    createStream(**engine, u"latency"_s, kLatencyShards);
    createStream(**engine, u"fanout"_s, kFanOutShards);
    createStream(**engine, u"throughput"_s, 4);

    std::printf("load: %s (1/5/15 min), %u cores\n", loadAverage().constData(),
                std::thread::hardware_concurrency());
    std::printf("efo_latency_shards: %d (per-shard limits on)\n", kLatencyShards);
    std::fflush(stdout);

    int status = 0;
    std::thread runner([&] {
        Bench bench{**engine, quint16(url->port()), seconds};
        bench.latency(1000, "1k");
        bench.latency(10000, "10k");
        bench.fanOut();
        (*engine)->setThroughputLimitsEnabled(false);
        std::printf("put_records_batch: %d x %d bytes, %d connections, limits off\n",
                    kThroughputBatch, kRecordBytes, kThroughputConnections);
        bench.throughput(true, "h2_put_records");
        bench.throughput(false, "h1_put_records");
        QMetaObject::invokeMethod(&app, [] { QCoreApplication::quit(); }, Qt::QueuedConnection);
    });
    status = app.exec();
    runner.join();
    server.stop();
    return status;
}
