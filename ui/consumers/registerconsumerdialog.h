#pragma once

#include "kinesis/api.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace shardscope {

class InlineErrorLabel;
class StreamBackend;
struct Error;

// Registers an enhanced fan-out consumer for a stream (RegisterStreamConsumer). The name is
// checked as it is typed against Kinesis's rule (1 to 128 of a-z A-Z 0-9 _ . -) and nothing is
// sent until it passes; what the service refuses stays in the dialog, next to the name when it
// is about the name (a consumer of that name exists) and under the form otherwise (the stream
// has its 20 consumers). Without the stream's ARN it reads it first (DescribeStreamSummary).
//
// Emits consumerRegistered() and accepts once the backend has registered it. Meant for open();
// does not delete itself. Threads: GUI thread; does not own the backend.
class RegisterConsumerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegisterConsumerDialog)

public:
    // `registered`: how many consumers the stream has now, or -1 when unknown.
    RegisterConsumerDialog(StreamBackend *backend, const QString &streamName,
                           const QString &streamArn, int registered, QWidget *parent = nullptr);
    ~RegisterConsumerDialog() override;

    // What is wrong with `name` as a consumer name, or an empty string when nothing is.
    static QString consumerNameProblem(const QString &name);

signals:
    void consumerRegistered(const shardscope::Consumer &consumer);

private:
    void resolveStream();
    void validateName();
    void updateState();
    void submit();
    void handleFailure(const Error &error);

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    QString m_streamArn;
    QLineEdit *m_nameEdit;
    InlineErrorLabel *m_nameError;
    QLabel *m_hint;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_registerButton;
    QString m_refusedName; // the name the service refused, until the name changes
    bool m_nameTouched = false;
    bool m_busy = false;
};

} // namespace shardscope
