#pragma once

#include "kinesis/api.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>
#include <QTimer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace shardscope {

class InlineErrorLabel;
class StreamBackend;

// Registers an enhanced fan-out consumer of a stream (RegisterStreamConsumer) under a name
// typed here, checked as it is typed against the ConsumerName rules and the stream's
// consumers, then waits (DescribeStreamConsumer, every pollIntervalMs) until the consumer is
// ACTIVE: a consumer in CREATING cannot be subscribed through.
//
// Emits consumerReady() and accepts once it is ACTIVE. Meant for open(); does not delete itself.
// Threads: GUI thread; does not own the backend.
class RegisterConsumerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegisterConsumerDialog)

public:
    RegisterConsumerDialog(StreamBackend *backend, const QString &streamArn,
                           const QStringList &existingNames, QWidget *parent = nullptr);
    ~RegisterConsumerDialog() override;

    // What is wrong with `name` as a new consumer's name, or empty.
    static QString nameProblem(const QString &name, const QStringList &existingNames);

    void setPollInterval(int ms) { m_poll.setInterval(ms); }

signals:
    void consumerReady(const shardscope::Consumer &consumer);

private:
    void updateState();
    void submit();
    void checkActive();

    QPointer<StreamBackend> m_backend;
    QString m_streamArn;
    QStringList m_existingNames;
    QLineEdit *m_nameEdit;
    InlineErrorLabel *m_nameError;
    QLabel *m_progress;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_registerButton;
    QTimer m_poll;
    QString m_consumerArn; // once registered
    bool m_touched = false;
    bool m_busy = false;
};

} // namespace shardscope
