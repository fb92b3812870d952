#pragma once

#include "records/recordentry.h"
#include "records/recordreplayer.h"

#include <QTableWidget>

#include <functional>

namespace shardscope {

// The records a replay or an import could not put: which record (its number and partition key),
// the error code and the message. Hidden while empty; stops growing at kMaxRows (the dialogs'
// counts go on). Shared by the Replay, Import and Put dialogs.
//
// Threads: GUI thread.
class ReplayFailuresTable final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayFailuresTable)

public:
    static constexpr int kMaxRows = 10000;

    explicit ReplayFailuresTable(QWidget *parent = nullptr);

    // How the Record column names a record, from its index in the list the replayer was given
    // (e.g. the line of a batch file); unset, "#n · partition key".
    using RecordLabel = std::function<QString(qsizetype index, const RecordEntry &record)>;
    void setRecordLabel(RecordLabel label) { m_recordLabel = std::move(label); }

    // Empty and hidden, for a new run.
    void reset();
    // `records` is the list the replayer was given (failures refer to it by index).
    void addFailures(const QList<ReplayFailure> &failures, const QList<RecordEntry> &records);

    // "Sent 600 of 2,000 · 598 succeeded · 2 failed · 0 retried".
    static QString progressText(const RecordReplayer &replayer);

private:
    RecordLabel m_recordLabel;
};

} // namespace shardscope
