#pragma once

#include "kinesis/api.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QRadioButton;

namespace shardscope {

class InlineErrorLabel;
class StreamBackend;

// Switches a stream between provisioned and on-demand capacity (UpdateStreamMode, which names
// the stream by ARN; the ARN comes from DescribeStreamSummary when the dialog opens).
//
// Emits streamModeChanged() and accepts once the backend applied the switch. Meant for open();
// does not delete itself. Threads: GUI thread; does not own the backend.
class StreamModeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamModeDialog)

public:
    StreamModeDialog(StreamBackend *backend, const QString &streamName, QWidget *parent = nullptr);
    ~StreamModeDialog() override;

    QString streamName() const { return m_streamName; }

signals:
    void streamModeChanged(const QString &streamName, shardscope::StreamMode mode);

private:
    void load();
    void updateState();
    void submit();
    StreamMode chosenMode() const;

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    QLabel *m_currentLabel;
    QRadioButton *m_provisionedRadio;
    QRadioButton *m_onDemandRadio;
    QLabel *m_hintLabel;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_applyButton;

    bool m_loaded = false;
    QString m_streamArn;
    StreamMode m_currentMode = StreamMode::Provisioned;
    int m_openShardCount = 0;
    bool m_busy = false;
};

} // namespace shardscope
