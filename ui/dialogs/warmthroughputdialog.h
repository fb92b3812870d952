#pragma once

#include "kinesis/limits.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace shardscope {

class InlineErrorLabel;
class StreamBackend;

// Sets the write throughput an on-demand stream is kept warm for, 0 to 10,240 MiB/s
// (UpdateStreamWarmThroughput; 0 asks for none). A provisioned stream has none: the dialog says
// so and offers nothing to apply.
//
// Emits warmThroughputChanged() and accepts once the backend applied it. Meant for open(); does
// not delete itself. Threads: GUI thread; does not own the backend.
class WarmThroughputDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WarmThroughputDialog)

public:
    static constexpr int kMaxMiBps = KinesisLimits::kMaxWarmThroughputMiBps;

    WarmThroughputDialog(StreamBackend *backend, const QString &streamName,
                         QWidget *parent = nullptr);
    ~WarmThroughputDialog() override;

    QString streamName() const { return m_streamName; }

signals:
    void warmThroughputChanged(const QString &streamName, int targetMiBps);

private:
    void load();
    void updateState();
    void submit();

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    QLabel *m_currentLabel;
    QSpinBox *m_spin;
    InlineErrorLabel *m_valueError;
    QLabel *m_hintLabel;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_applyButton;

    bool m_loaded = false;
    bool m_onDemand = false;
    int m_currentTarget = 0; // 0: none requested
    QString m_streamArn;
    bool m_busy = false;
};

} // namespace shardscope
