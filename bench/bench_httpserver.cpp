// Why the endpoint runs on our own HTTP server rather than QHttpServer: the same handler behind
// both, driven by several keep-alive clients, once with a handler that answers at once and once
// with one that waits 20 ms (as a PutRecords waits for its group commit).
// Usage: bench_httpserver [seconds per scenario] [connections]

#include "server/httpserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

using namespace shardscope;

namespace {

QByteArray handle(const QByteArray &body, int delayMs)
{
    if (delayMs > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
    return "{\"echo\":" + QByteArray::number(body.size()) + '}';
}

struct Result
{
    double requestsPerSecond = 0;
    double p50 = 0;
    double p99 = 0;
};

Result drive(quint16 port, double seconds, int connections)
{
    std::atomic<long> done{0};
    std::mutex mutex;
    std::vector<double> latencies;
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> clients;
    const QByteArray body(1024, 'x');
    const QByteArray request = "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.1\r\n"
                               "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    for (int c = 0; c < connections; ++c) {
        clients.emplace_back([&] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (!socket.waitForConnected(5000))
                return;
            std::vector<double> mine;
            while (timer.elapsed() < seconds * 1000) {
                QElapsedTimer one;
                one.start();
                socket.write(request);
                QByteArray buffer;
                for (;;) {
                    if (!socket.waitForReadyRead(30000))
                        return;
                    buffer += socket.readAll();
                    const qsizetype end = buffer.indexOf("\r\n\r\n");
                    if (end < 0)
                        continue;
                    const qsizetype at = buffer.toLower().indexOf("content-length:");
                    const qint64 length = buffer.mid(at + 15, buffer.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
                    if (buffer.size() >= end + 4 + length)
                        break;
                }
                mine.push_back(one.nsecsElapsed() / 1e6);
                done++;
            }
            std::lock_guard lock(mutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        });
    }
    for (auto &t : clients)
        t.join();
    Result r;
    r.requestsPerSecond = done / (timer.nsecsElapsed() / 1e9);
    std::sort(latencies.begin(), latencies.end());
    if (!latencies.empty()) {
        r.p50 = latencies[latencies.size() / 2];
        r.p99 = latencies[std::min(latencies.size() - 1, size_t(latencies.size() * 0.99))];
    }
    return r;
}

void print(const char *server, const char *scenario, const Result &r)
{
    std::printf("%s_%s_requests: %.0f requests/s\n", server, scenario, r.requestsPerSecond);
    std::printf("%s_%s_latency_p50: %.2f ms\n", server, scenario, r.p50);
    std::printf("%s_%s_latency_p99: %.2f ms\n", server, scenario, r.p99);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 5.0;
    const int connections = argc > 2 ? std::atoi(argv[2]) : 4;
    std::printf("connections: %d\n", connections);

    for (const int delayMs : {0, 20}) {
        const char *scenario = delayMs == 0 ? "fast_handler" : "handler_waits_20ms";

        HttpServer::Options options;
        options.workerThreads = 4;
        HttpServer ours([delayMs](const HttpRequest &request) {
            HttpResponse response;
            response.contentType = "application/x-amz-json-1.1";
            response.body = handle(request.body, delayMs);
            return response;
        }, options);
        ours.listen(QHostAddress::LocalHost, 0);
        print("shardscope_httpserver", scenario, drive(ours.serverPort(), seconds, connections));

        // QHttpServer serves every connection on the thread it lives on.
        QThread thread;
        QHttpServer *qt = nullptr;
        quint16 port = 0;
        thread.start();
        QObject context;
        context.moveToThread(&thread);
        QMetaObject::invokeMethod(&context, [&] {
            qt = new QHttpServer;
            qt->route(QStringLiteral("/"), [delayMs](const QHttpServerRequest &request) {
                return QHttpServerResponse("application/x-amz-json-1.1", handle(request.body(), delayMs));
            });
            port = qt->listen(QHostAddress::LocalHost, 0);
        }, Qt::BlockingQueuedConnection);
        print("qhttpserver", scenario, drive(port, seconds, connections));
        QMetaObject::invokeMethod(&context, [&] { delete qt; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
    return 0;
}
