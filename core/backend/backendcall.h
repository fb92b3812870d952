#pragma once

#include "kinesis/error.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace shardscope {

// One finished backend call, for the activity dock: what was asked of which stream, how long it
// took and how it ended.
struct BackendCall
{
    quint64 id = 0;
    QString operation;          // the Kinesis operation name, e.g. "SplitShard"
    QString target;             // usually the stream name; empty for account-wide calls
    QDateTime startedAt;
    qint64 durationMs = 0;
    std::optional<Error> error; // empty on success
};

} // namespace shardscope
