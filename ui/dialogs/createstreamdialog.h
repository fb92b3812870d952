#pragma once

#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace shardscope {

class InlineErrorLabel;
class StreamBackend;
struct Error;

// Creates a stream: name (checked against Kinesis's naming rules as it is typed), capacity mode
// (provisioned with a shard count bounded by what the account has left, or on-demand) and an
// optional maximum record size. The account limits come from DescribeLimits. Every call is
// asynchronous; a refused create keeps the dialog open with the error beside the field it is
// about (a name that exists, a limit) and nothing the user typed is lost.
//
// Emits streamCreated() and accepts once the backend has created the stream. Meant for open();
// does not delete itself. Threads: GUI thread; does not own the backend.
class CreateStreamDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateStreamDialog)

public:
    explicit CreateStreamDialog(StreamBackend *backend, QWidget *parent = nullptr);
    ~CreateStreamDialog() override;

    // What is wrong with `name` as a stream name (Kinesis: 1 to 128 of a-z A-Z 0-9 _ . -), or
    // an empty string when nothing is.
    static QString streamNameProblem(const QString &name);

signals:
    void streamCreated(const QString &streamName);

private:
    void loadLimits();
    void showLimits();
    void validateName();
    void updateState();
    void submit();
    void handleFailure(const Error &error);
    QString capacityProblem() const;
    QString maxRecordSizeProblem() const;
    bool isOnDemand() const;
    int shardsLeft() const;
    int onDemandStreamsLeft() const;

    QPointer<StreamBackend> m_backend;
    QLineEdit *m_nameEdit;
    InlineErrorLabel *m_nameError;
    QRadioButton *m_provisionedRadio;
    QRadioButton *m_onDemandRadio;
    QButtonGroup *m_modeGroup;
    QLabel *m_shardCountLabel;
    QSpinBox *m_shardCountSpin;
    QLabel *m_limitLabel;
    InlineErrorLabel *m_capacityError;
    QCheckBox *m_maxRecordSizeCheck;
    QSpinBox *m_maxRecordSizeSpin;
    InlineErrorLabel *m_maxRecordSizeError;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_createButton;

    bool m_limitsKnown = false;
    int m_shardLimit = 0;
    int m_openShardCount = 0;
    int m_onDemandStreamCount = 0;
    int m_onDemandStreamLimit = 0;
    QString m_existingName;   // the name the backend said exists
    QString m_capacityRefusal; // the backend's limit error, until the capacity changes
    bool m_nameTouched = false;
    bool m_busy = false;
};

} // namespace shardscope
