#include "payloadspool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>
#include <QTemporaryFile>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>
#include <deque>

namespace shardscope {

namespace {

// One record on disk: u16 shard, u8 sequence, i64 arrival, u16 partition key, u8 hash key,
// u32 data lengths each followed by their bytes (native byte order: the file is ours alone).
template<typename T>
void put(QByteArray &out, T value)
{
    out.append(reinterpret_cast<const char *>(&value), sizeof value);
}

void encode(QByteArray &out, const RecordEntry &record)
{
    const QByteArray shard = record.shardId.toUtf8().left(0xFFFF);
    const QByteArray sequence = record.sequenceNumber.toLatin1().left(0xFF);
    const QByteArray key = record.partitionKey.toUtf8().left(0xFFFF);
    const QByteArray hashKey = record.explicitHashKey.toLatin1().left(0xFF);
    put(out, quint16(shard.size()));
    out.append(shard);
    put(out, quint8(sequence.size()));
    out.append(sequence);
    put(out, qint64(record.arrivalMs));
    put(out, quint16(key.size()));
    out.append(key);
    put(out, quint8(hashKey.size()));
    out.append(hashKey);
    put(out, quint32(record.data.size()));
    out.append(record.data);
}

class Decoder
{
public:
    explicit Decoder(const QByteArray &bytes) : m_bytes(bytes) {}

    bool atEnd() const { return m_pos >= m_bytes.size(); }

    std::optional<RecordEntry> next()
    {
        RecordEntry record;
        quint16 shard = 0, key = 0;
        quint8 sequence = 0, hashKey = 0;
        quint32 data = 0;
        qint64 arrival = 0;
        QByteArrayView bytes;
        if (!get(shard) || !take(shard, bytes))
            return std::nullopt;
        record.shardId = QString::fromUtf8(bytes);
        if (!get(sequence) || !take(sequence, bytes))
            return std::nullopt;
        record.sequenceNumber = QString::fromLatin1(bytes);
        if (!get(arrival))
            return std::nullopt;
        record.arrivalMs = arrival;
        if (!get(key) || !take(key, bytes))
            return std::nullopt;
        record.partitionKey = QString::fromUtf8(bytes);
        if (!get(hashKey) || !take(hashKey, bytes))
            return std::nullopt;
        record.explicitHashKey = QString::fromLatin1(bytes);
        if (!get(data) || !take(qsizetype(data), bytes))
            return std::nullopt;
        record.data = bytes.toByteArray();
        return record;
    }

private:
    template<typename T>
    bool get(T &value)
    {
        if (m_pos + qsizetype(sizeof value) > m_bytes.size())
            return false;
        std::memcpy(&value, m_bytes.constData() + m_pos, sizeof value);
        m_pos += qsizetype(sizeof value);
        return true;
    }
    bool take(qsizetype length, QByteArrayView &out)
    {
        if (m_pos + length > m_bytes.size())
            return false;
        out = QByteArrayView(m_bytes.constData() + m_pos, length);
        m_pos += length;
        return true;
    }

    const QByteArray &m_bytes;
    qsizetype m_pos = 0;
};

QString tr(const char *text)
{
    return QCoreApplication::translate("shardscope::PayloadSpool", text);
}

} // namespace

struct PayloadSpool::Store
{
    QTemporaryFile file; // written by the owner's thread only
    QString path;

    mutable QMutex mutex; // guards what follows
    std::deque<qint64> ends; // end offset of record firstSerial + i
    qint64 firstStart = 0;   // start offset of record firstSerial
    quint64 firstSerial = 0;
    qint64 size = 0;
    QString error;

    // [start, end) of the records [first, last) in the file, clamped to what is indexed.
    struct Span
    {
        quint64 first = 0;
        quint64 last = 0;
        qint64 start = 0;
        qint64 end = 0;
    };
    Span span(quint64 first, quint64 last) const
    {
        QMutexLocker lock(&mutex);
        const quint64 end = firstSerial + quint64(ends.size());
        Span s;
        s.first = std::clamp(first, firstSerial, end);
        s.last = std::clamp(last, s.first, end);
        if (s.first == s.last)
            return s;
        s.start = s.first == firstSerial ? firstStart : ends[size_t(s.first - firstSerial - 1)];
        s.end = ends[size_t(s.last - firstSerial - 1)];
        return s;
    }
};

PayloadSpool::PayloadSpool(quint64 firstSerial)
{
    m_pool.setMaxThreadCount(2);
    reset(firstSerial);
}

PayloadSpool::~PayloadSpool()
{
    m_pool.waitForDone();
}

QString PayloadSpool::errorString() const
{
    QMutexLocker lock(&m_store->mutex);
    return m_store->error;
}

quint64 PayloadSpool::append(const QList<RecordEntry> &records)
{
    Store &store = *m_store;
    QByteArray bytes;
    qsizetype reserve = 0;
    for (const RecordEntry &record : records)
        reserve += 64 + record.data.size() + record.partitionKey.size();
    bytes.reserve(reserve);
    std::vector<qint64> ends;
    ends.reserve(size_t(records.size()));
    qint64 offset;
    {
        QMutexLocker lock(&store.mutex);
        offset = store.size;
    }
    for (const RecordEntry &record : records) {
        encode(bytes, record);
        ends.push_back(offset + bytes.size());
    }
    QString error;
    if (store.file.isOpen()) {
        if (store.file.write(bytes) != bytes.size() || !store.file.flush())
            error = tr("The record spool could not be written: %1").arg(store.file.errorString());
    }
    QMutexLocker lock(&store.mutex);
    const quint64 first = store.firstSerial + quint64(store.ends.size());
    if (!error.isEmpty() && store.error.isEmpty())
        store.error = error;
    // On a write error the records are still numbered (the model shows them); reads of them fail.
    store.ends.insert(store.ends.end(), ends.begin(), ends.end());
    store.size += bytes.size();
    return first;
}

void PayloadSpool::reset(quint64 firstSerial)
{
    auto store = std::make_shared<Store>();
    store->file.setFileTemplate(QDir::tempPath() + QStringLiteral("/shardscope-records-XXXXXX.spool"));
    if (!store->file.open())
        store->error = tr("The record spool could not be created: %1").arg(store->file.errorString());
    store->path = store->file.fileName();
    store->firstSerial = firstSerial;
    m_store = std::move(store);
}

void PayloadSpool::discardBefore(quint64 serial)
{
    Store &store = *m_store;
    QMutexLocker lock(&store.mutex);
    while (!store.ends.empty() && store.firstSerial < serial) {
        store.firstStart = store.ends.front();
        store.ends.pop_front();
        ++store.firstSerial;
    }
    if (store.ends.empty() && store.firstSerial < serial)
        store.firstSerial = serial;
    store.ends.shrink_to_fit();
}

quint64 PayloadSpool::firstSerial() const
{
    QMutexLocker lock(&m_store->mutex);
    return m_store->firstSerial;
}

quint64 PayloadSpool::endSerial() const
{
    QMutexLocker lock(&m_store->mutex);
    return m_store->firstSerial + quint64(m_store->ends.size());
}

qint64 PayloadSpool::fileSize() const
{
    QMutexLocker lock(&m_store->mutex);
    return m_store->size;
}

qint64 PayloadSpool::indexBytes() const
{
    QMutexLocker lock(&m_store->mutex);
    return qint64(m_store->ends.size() * sizeof(qint64));
}

namespace {

PayloadSpool::RecordsResult readSpan(QFile &file, qint64 start, qint64 end, qint64 count)
{
    QList<RecordEntry> records;
    if (count <= 0)
        return records;
    if (!file.isOpen() && !file.open(QIODevice::ReadOnly))
        return std::unexpected(tr("The record spool could not be read: %1").arg(file.errorString()));
    if (!file.seek(start))
        return std::unexpected(tr("The record spool could not be read: %1").arg(file.errorString()));
    const QByteArray bytes = file.read(end - start);
    if (bytes.size() != end - start)
        return std::unexpected(tr("The record spool is shorter than its index."));
    records.reserve(qsizetype(count));
    Decoder decoder(bytes);
    while (!decoder.atEnd()) {
        auto record = decoder.next();
        if (!record)
            return std::unexpected(tr("The record spool is damaged."));
        records.append(std::move(*record));
    }
    return records;
}

} // namespace

PayloadSpool::RecordsResult PayloadSpool::read(quint64 first, qint64 count) const
{
    const std::shared_ptr<Store> store = m_store;
    const auto span = store->span(first, first + quint64(std::max<qint64>(0, count)));
    QFile file(store->path);
    return readSpan(file, span.start, span.end, qint64(span.last - span.first));
}

QFuture<PayloadSpool::PayloadResult> PayloadSpool::payload(quint64 serial) const
{
    return QtConcurrent::run(&m_pool, [store = m_store, serial]() -> PayloadResult {
        const auto span = store->span(serial, serial + 1);
        if (span.first == span.last)
            return std::unexpected(tr("The record is no longer kept."));
        QFile file(store->path);
        auto records = readSpan(file, span.start, span.end, 1);
        if (!records)
            return std::unexpected(records.error());
        return records->value(0).data;
    });
}

QFuture<PayloadSpool::RecordsResult> PayloadSpool::records(const QList<quint64> &serials) const
{
    return QtConcurrent::run(&m_pool, [store = m_store, serials]() -> RecordsResult {
        QList<RecordEntry> out;
        out.reserve(serials.size());
        QFile file(store->path); // opened once for all of them
        for (quint64 serial : serials) {
            const auto span = store->span(serial, serial + 1);
            if (span.first == span.last)
                return std::unexpected(tr("The record is no longer kept."));
            auto one = readSpan(file, span.start, span.end, 1);
            if (!one)
                return std::unexpected(one.error());
            out.append(one->value(0));
        }
        return out;
    });
}

} // namespace shardscope
