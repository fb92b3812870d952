#pragma once

#include "records/recordentry.h"
#include "records/recordreplayer.h"

#include <QTableWidget>

namespace shardscope {

// The records a replay or an import could not put: which record (its number and partition key),
// the error code and the message. Hidden while empty; stops growing at kMaxRows (the dialogs'
// counts go on). Shared by the Replay and Import dialogs.
//
// Threads: GUI thread.
class ReplayFailuresTable final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayFailuresTable)

public:
    static constexpr int kMaxRows = 10000;

    explicit ReplayFailuresTable(QWidget *parent = nullptr);

    // Empty and hidden, for a new run.
    void reset();
    // `records` is the list the replayer was given (failures refer to it by index).
    void addFailures(const QList<ReplayFailure> &failures, const QList<RecordEntry> &records);

    // "Sent 600 of 2,000 · 598 succeeded · 2 failed · 0 retried".
    static QString progressText(const RecordReplayer &replayer);
};

} // namespace shardscope
