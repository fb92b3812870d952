#pragma once

#include "records/recordentry.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QString>
#include <QThreadPool>

#include <expected>
#include <memory>

namespace shardscope {

// Keeps every record a tail read (metadata and payload) so that nothing is fetched from the
// stream twice: previews, the inspector, filters and the selection read it back from here.
//
// Records are appended to a temporary file (QTemporaryFile, removed with the spool); memory
// holds only an index of 8 bytes per record (its end offset in the file), so a million records
// cost about 8 MB of RAM whatever their payloads. Records are numbered by serial, consecutively
// from the serial given to reset(), the same serials RecordsModel gives its rows when both are
// fed the same batches.
//
// Threads: append(), reset() and discardBefore() on the owner's thread (the GUI thread; a
// write goes to the page cache and costs microseconds per record). read() may be called from
// any thread, any number at once (each read opens its own file handle); payload() and records()
// run it on the spool's thread pool. Readers hold the file they started on, so reset() during a
// read is safe (the old file goes when the last reader is done).
class PayloadSpool final
{
    Q_DISABLE_COPY_MOVE(PayloadSpool)

public:
    using PayloadResult = std::expected<QByteArray, QString>;
    using RecordsResult = std::expected<QList<RecordEntry>, QString>;

    explicit PayloadSpool(quint64 firstSerial = 0);
    ~PayloadSpool();

    // Empty when the temporary file could be created and written.
    QString errorString() const;

    // Appends the batch; returns the serial of its first record.
    quint64 append(const QList<RecordEntry> &records);
    // Forgets everything; the next record appended gets `firstSerial`.
    void reset(quint64 firstSerial);
    // Drops the index of records before `serial` (a ring cap); their bytes stay on disk.
    void discardBefore(quint64 serial);

    quint64 firstSerial() const; // the oldest record still indexed
    quint64 endSerial() const;   // the serial the next record appended gets
    qint64 count() const { return qint64(endSerial() - firstSerial()); }
    qint64 fileSize() const;
    qint64 indexBytes() const; // memory the index takes

    // Synchronous, from any thread: the records with serials [first, first + count) that are
    // still indexed (fewer at the ends), in order.
    RecordsResult read(quint64 first, qint64 count) const;

    // Off the calling thread.
    QFuture<PayloadResult> payload(quint64 serial) const;
    QFuture<RecordsResult> records(const QList<quint64> &serials) const;

private:
    struct Store; // the file and its index, shared with readers
    std::shared_ptr<Store> m_store;
    mutable QThreadPool m_pool;
};

} // namespace shardscope
