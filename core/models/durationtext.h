#pragma once

#include <QCoreApplication>
#include <QString>

namespace shardscope {

// Short durations as people read them in a table cell: "0 ms", "850 ms", "3.2 s", "42 s",
// "4 min", "1.5 h", "3 d" (a tenth below 10 where there is one, whole numbers above). For lags
// (MillisBehindLatest) and "how long ago". Stateless; any thread (the locale is the default
// QLocale).
class DurationText final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::DurationText)

public:
    DurationText() = delete;

    // `ms` in the largest unit that keeps it at 1 or more; negative values read as 0 ms.
    static QString compact(qint64 ms);
    // "just now" under a second, else "3.2 s ago", "4 min ago".
    static QString ago(qint64 ms);
};

} // namespace shardscope
