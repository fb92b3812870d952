#pragma once

#include <QLabel>

namespace shardscope {

struct Error;

// A red (Theme's error colour), word-wrapped message placed right under the field (or the form) it is about. It hides
// itself while there is nothing to say, so a calm form keeps no room for errors it does not have.
//
// Threads: GUI thread.
class InlineErrorLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InlineErrorLabel)

public:
    explicit InlineErrorLabel(QWidget *parent = nullptr);

    void showMessage(const QString &message);
    // "<Kinesis error type>: <message>", e.g. "ResourceInUseException: Stream s already exists."
    void showError(const Error &error);
    void clearMessage();
    bool hasMessage() const { return !text().isEmpty(); }

    static QString describe(const Error &error);
};

} // namespace shardscope
