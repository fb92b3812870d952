// Filter evaluation rate over 1,000,000 synthetic records (~200-byte JSON web-shop events, 4
// shards, 1,000 partition keys), one figure per expression:
//
//   filter_scan_rate_<case>: records evaluated per second by FilterExpression::matches() on
//                            one thread (best of 3 passes over all records);
//   filter_scan_rate_threaded: FilterScan end to end with the json_mixed expression (worker
//                            thread, chunks, progress and 145,000 matches delivered to this
//                            thread's event loop; best of 3).
//
// Target (issue 6): >= 500,000 records/s. Prints "name: value unit".

#include "records/filterexpression.h"
#include "records/filterscan.h"
#include "records/recordentry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>

#include <cstdio>
#include <cstdlib>

using namespace shardscope;

namespace {

constexpr qint64 kBaseMs = 1'795'000'000'000; // 2026-11-18

QList<RecordEntry> syntheticRecords(int count)
{
    static const char *const events[] = {"page_view", "search", "add_to_cart", "checkout",
                                         "payment"};
    static const char *const statuses[] = {"ok", "ok", "ok", "ok",    "ok",
                                           "ok", "ok", "ok", "error", "timeout"};
    QRandomGenerator random(20261126);
    QList<QString> shardIds;
    for (quint32 s = 0; s < 4; ++s)
        shardIds.append(QStringLiteral("shardId-%1").arg(s, 12, 10, QLatin1Char('0')));
    QList<RecordEntry> records;
    records.reserve(count);
    for (int i = 0; i < count; ++i) {
        const int user = int(random.bounded(1000));
        RecordEntry record;
        record.shardId = shardIds[user % 4];
        record.sequenceNumber = QStringLiteral("495903382714902566085596925383615710959215759%1")
                                    .arg(i, 11, 10, QLatin1Char('0'));
        record.arrivalMs = kBaseMs + i * 7LL;
        record.partitionKey = QStringLiteral("user-%1").arg(user);
        const char *status = statuses[random.bounded(10)];
        record.data =
            QByteArrayLiteral("{\"event\":\"") + events[random.bounded(5)] +
            QByteArrayLiteral("\",\"user\":\"user-") + QByteArray::number(user) +
            QByteArrayLiteral("\",\"status\":\"") + status + QByteArrayLiteral("\",\"amount\":") +
            QByteArray::number(random.bounded(50000) / 100.0) +
            QByteArrayLiteral(",\"items\":[{\"sku\":\"SKU-") +
            QByteArray::number(random.bounded(20)) + QByteArrayLiteral("\",\"qty\":") +
            QByteArray::number(1 + random.bounded(3)) + QByteArrayLiteral("},{\"sku\":\"SKU-") +
            QByteArray::number(random.bounded(20)) +
            QByteArrayLiteral("\",\"qty\":1}],\"session\":\"") +
            QByteArray::number(random.generate64(), 16) +
            QByteArrayLiteral("\",\"ts\":\"2026-11-18T10:00:00.000Z\",\"ok\":") +
            (status[0] == 'o' ? QByteArrayLiteral("true") : QByteArrayLiteral("false")) + '}';
        records.append(std::move(record));
    }
    return records;
}

void figure(const char *name, double value, const char *unit)
{
    std::printf("%s: %.0f %s\n", name, value, unit);
    std::fflush(stdout);
}

FilterExpression parseOrDie(const char *text)
{
    auto filter = FilterExpression::parse(QString::fromUtf8(text));
    if (!filter) {
        std::fprintf(stderr, "%s: %s\n", text, qPrintable(filter.error().message));
        std::exit(1);
    }
    return *filter;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 1'000'000;
    const QList<RecordEntry> records = syntheticRecords(count);
    qint64 bytes = 0;
    for (const RecordEntry &record : records)
        bytes += record.data.size();
    std::printf("records: %d records\n", count);
    figure("record_payload_mean", double(bytes) / count, "B");

    struct Case
    {
        const char *name;
        const char *expression;
    };
    const Case cases[] = {
        // Fields only; no payload parsing.
        {"simple", "pk == \"user-42\" || size > 230 && shard in (0, 3)"},
        // One JSON path per record: validation plus a lookup.
        {"json_path", "data.status == \"error\""},
        // The example (with a size these payloads reach, and a key on shard 3): the
        // cheap terms run first, so the JSON is read for 1 record in 1,000.
        {"typical",
         "pk == \"user-43\" && data.status == \"error\" && size > 150 && shard in (0, 3)"},
        // Several JSON paths, arrays and numbers, on every record.
        {"json_mixed",
         "data.status != \"ok\" && data.amount > 250 || data.items[1].sku == \"SKU-7\" && data.ok"},
        {"data_contains", "data contains \"timeout\""},
        {"regex", "pk matches /^user-4\\d$/ || data.user matches /-99\\d$/i"},
    };
    for (const Case &c : cases) {
        const FilterExpression filter = parseOrDie(c.expression);
        double best = 0;
        qint64 matched = 0;
        for (int pass = 0; pass < 3; ++pass) {
            matched = 0;
            QElapsedTimer timer;
            timer.start();
            for (const RecordEntry &record : records)
                matched += filter.matches(record) ? 1 : 0;
            best = std::max(best, count / (double(timer.nsecsElapsed()) / 1e9));
        }
        figure(qPrintable(QStringLiteral("filter_scan_rate_%1").arg(QLatin1String(c.name))), best,
               "records/s");
        figure(qPrintable(QStringLiteral("filter_matched_%1").arg(QLatin1String(c.name))),
               double(matched), "records");
    }

    // End to end: the worker thread, chunks and the reports back on this thread (best of 3).
    const FilterExpression heavy = parseOrDie(cases[3].expression);
    double best = 0;
    for (int pass = 0; pass < 3; ++pass) {
        FilterScan scan;
        QEventLoop loop;
        QObject::connect(&scan, &FilterScan::finished, &loop, &QEventLoop::quit);
        QElapsedTimer timer;
        timer.start();
        scan.start(heavy, records);
        loop.exec();
        best = std::max(best, scan.scanned() / (double(timer.nsecsElapsed()) / 1e9));
    }
    figure("filter_scan_rate_threaded", best, "records/s");
    return 0;
}
