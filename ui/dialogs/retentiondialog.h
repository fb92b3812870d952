#pragma once

#include "kinesis/limits.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace shardscope {

class InlineErrorLabel;
class StreamBackend;

// Changes how long a stream keeps its records (24 to 8,760 hours), edited in hours or days.
// A decrease makes older records unreadable at once, so before it is applied the dialog counts
// them (backend->retentionImpact, debounced as the value changes) and the button says what will
// be dropped; where the backend cannot count, an explicit check box asks for confirmation.
// Calls IncreaseStreamRetentionPeriod or DecreaseStreamRetentionPeriod accordingly.
//
// Emits retentionChanged() and accepts once the backend applied the change. Meant for open();
// does not delete itself. Threads: GUI thread; does not own the backend.
class RetentionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetentionDialog)

public:
    enum class Unit { Hours, Days };
    Q_ENUM(Unit)

    RetentionDialog(StreamBackend *backend, const QString &streamName, QWidget *parent = nullptr);
    ~RetentionDialog() override;

    QString streamName() const { return m_streamName; }
    // The retention period in the form, in hours (0 until the current one is known).
    int hours() const { return m_hours; }
    void setHours(int hours);
    void setUnit(Unit unit);

    static constexpr int kMinHours = KinesisLimits::kMinRetentionHours;
    static constexpr int kMaxHours = KinesisLimits::kMaxRetentionHours;
    static constexpr int kImpactDelayMs = 250;

signals:
    void retentionChanged(const QString &streamName, int hours);

private:
    enum class Impact { None, Counting, Counted, Uncountable, Failed };

    void load();
    void valueEdited();
    void unitChanged();
    void showValue();
    void showEquivalent();
    void scheduleImpact();
    void countImpact();
    void updateState();
    void submit();
    bool isDecrease() const;

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    QLabel *m_currentLabel;
    QSpinBox *m_valueSpin;
    QComboBox *m_unitCombo;
    QLabel *m_equivalentLabel;
    InlineErrorLabel *m_valueError;
    QLabel *m_impactLabel;
    QCheckBox *m_confirmCheck;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_applyButton;
    QTimer m_impactTimer;

    int m_currentHours = 0; // 0 until loaded
    int m_hours = 0;
    Impact m_impact = Impact::None;
    qint64 m_impactRecords = 0;
    qint64 m_impactBytes = 0;
    int m_impactHours = 0;      // the value the impact was counted for
    quint64 m_impactGeneration = 0;
    bool m_updatingSpin = false;
    bool m_busy = false;
};

} // namespace shardscope
