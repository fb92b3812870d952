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

// Changes the largest record a stream accepts, 1,024 to 10,240 KiB (UpdateMaxRecordSize).
//
// Emits maxRecordSizeChanged() and accepts once the backend applied it. Meant for open(); does
// not delete itself. Threads: GUI thread; does not own the backend.
class MaxRecordSizeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaxRecordSizeDialog)

public:
    static constexpr int kMinKiB = KinesisLimits::kMinMaxRecordSizeKiB;
    static constexpr int kMaxKiB = KinesisLimits::kMaxMaxRecordSizeKiB;

    MaxRecordSizeDialog(StreamBackend *backend, const QString &streamName,
                        QWidget *parent = nullptr);
    ~MaxRecordSizeDialog() override;

    QString streamName() const { return m_streamName; }

signals:
    void maxRecordSizeChanged(const QString &streamName, int maxRecordSizeInKiB);

private:
    void load();
    void updateState();
    void submit();

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    QLabel *m_currentLabel;
    QSpinBox *m_sizeSpin;
    QLabel *m_equivalentLabel;
    InlineErrorLabel *m_sizeError;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_applyButton;

    int m_currentKiB = 0; // 0 until loaded
    QString m_streamArn;
    bool m_busy = false;
};

} // namespace shardscope
