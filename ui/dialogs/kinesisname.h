#pragma once

#include <QCoreApplication>
#include <QString>

namespace shardscope {

// Kinesis's rule for stream and consumer names (the API model's StreamName and ConsumerName:
// 1 to 128 of a-z A-Z 0-9 _ . -), checked as the user types, in words: which characters are
// refused and how long is too long. Stateless; GUI thread (the locale is the default QLocale).
class KinesisName final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::KinesisName)

public:
    KinesisName() = delete;

    // What is wrong with `name`, or an empty string when nothing is; `emptyText` when it is
    // empty ("Enter a name for the stream.").
    static QString problem(const QString &name, const QString &emptyText);
};

} // namespace shardscope
