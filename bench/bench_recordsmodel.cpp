// RecordsModel with 1,000,000 rows of AWS-shaped records (56-digit sequence numbers, 4 shards,
// 1,000 partition keys, ~200-byte JSON payloads that the model does not keep):
//
//   records_model_rss_1m_rows: resident memory the model adds for the rows (VmRSS after minus
//                              before; the input batches are built and freed one at a time);
//   records_model_append_rate: rows/s through append() + flush() in batches of 1,000 (one
//                              insert per batch, as a 100 ms tick at 10,000 records/s does).
//
// Target (issue 6): <= 250 MB at 1,000,000 rows. Prints "name: value unit".

#include "models/recordsmodel.h"
#include "records/recordentry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <cstdlib>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kBaseMs = 1'795'000'000'000; // 2026-11-18

QList<RecordEntry> batch(int first, int count)
{
    QList<QString> shardIds;
    for (int s = 0; s < 4; ++s)
        shardIds.append(QStringLiteral("shardId-%1").arg(s, 12, 10, QLatin1Char('0')));
    QList<RecordEntry> records;
    records.reserve(count);
    for (int i = first; i < first + count; ++i) {
        const int user = int((qint64(i) * 7919) % 1000);
        RecordEntry record;
        record.shardId = shardIds[user % 4];
        record.sequenceNumber = QStringLiteral("495903382714902566085596925383615710959215759%1")
                                    .arg(i, 11, 10, QLatin1Char('0'));
        record.arrivalMs = kBaseMs + i * 7LL;
        record.partitionKey = QStringLiteral("user-%1").arg(user);
        record.data = QByteArrayLiteral("{\"event\":\"page_view\",\"user\":\"user-") +
                      QByteArray::number(user) +
                      QByteArrayLiteral("\",\"status\":\"ok\",\"amount\":12.5,\"items\":[{\"sku\":"
                                        "\"SKU-3\",\"qty\":1}],\"session\":\"") +
                      QByteArray::number(quint64(i) * 2654435761ULL, 16) +
                      QByteArrayLiteral("\",\"ts\":\"2026-11-18T10:00:00.000Z\",\"ok\":true}");
        records.append(std::move(record));
    }
    return records;
}

qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void figure(const char *name, double value, const char *unit)
{
    std::printf("%s: %.0f %s\n", name, value, unit);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 1'000'000;
    constexpr int kBatch = 1'000;

    // Warm up the allocator and the decoder so that "before" is not flattered.
    {
        RecordsModel warm;
        warm.append(batch(0, kBatch));
        warm.flush();
    }

    RecordsModel model;
    const qint64 before = residentKiB();
    qint64 nanoseconds = 0;
    for (int first = 0; first < count; first += kBatch) {
        const QList<RecordEntry> records = batch(first, std::min(kBatch, count - first));
        QElapsedTimer timer;
        timer.start();
        model.append(records);
        model.flush();
        nanoseconds += timer.nsecsElapsed();
    }
    const qint64 after = residentKiB();
    std::printf("rows: %d rows\n", model.rowCount());
    figure("records_model_rss_1m_rows", double(after - before) / 1024.0, "MiB");
    figure("records_model_rss_per_row", double(after - before) * 1024.0 / count, "B");
    figure("records_model_append_rate", count / (double(nanoseconds) / 1e9), "rows/s");
    return 0;
}
