#pragma once

#include <QCoreApplication>
#include <QString>

class QLayout;
class QWidget;

namespace shardscope {

// Wording and layout pieces the stream dialogs share, so counts and sizes read the same in all.
class DialogText final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::DialogText)

public:
    DialogText() = delete;

    // "1 record", "12,345 records" (in the user's locale).
    static QString records(qint64 count);
    // "1 shard", "4 shards".
    static QString shards(qint64 count);
    // "24 hours (1 day)", "36 hours (1.5 days)", "1 hour".
    static QString hours(int hours);
    // "10 bytes", "5.6 MiB" (IEC units).
    static QString bytes(qint64 bytes);
    // "2 records (10 bytes)".
    static QString recordsAndBytes(qint64 count, qint64 bytes);

    // `field` above `message`, as one form field: the message sits right under what it is about.
    static QLayout *withMessage(QWidget *field, QWidget *message);
    static QLayout *withMessage(QLayout *field, QWidget *message);
    // Makes `window` tall enough for its word-wrapped labels at its current width (top-level
    // windows ignore height-for-width, so a message that grows to more lines would be clipped),
    // and wide enough for content that arrived after it was shown. Never shrinks it.
    static void growToFit(QWidget *window);
};

} // namespace shardscope
