#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QStringList>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace shardscope {

class InlineErrorLabel;
class StreamBackend;

// Chooses the shard-level metrics a stream publishes (Enable/DisableEnhancedMonitoring): a
// checkbox per metric and one for all of them. Applying enables the newly checked metrics and
// disables the newly cleared ones ("ALL" when every metric goes on or off).
//
// Emits enhancedMonitoringChanged() and accepts once the backend applied it. Meant for open();
// does not delete itself. Threads: GUI thread; does not own the backend.
class EnhancedMonitoringDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnhancedMonitoringDialog)

public:
    EnhancedMonitoringDialog(StreamBackend *backend, const QString &streamName,
                             QWidget *parent = nullptr);
    ~EnhancedMonitoringDialog() override;

    QString streamName() const { return m_streamName; }
    // The metrics checked now, in the API's order.
    QStringList chosenMetrics() const;

signals:
    void enhancedMonitoringChanged(const QString &streamName, const QStringList &metrics);

private:
    void load();
    void updateState();
    void submit();
    void finish(const QStringList &metrics);

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    QLabel *m_currentLabel;
    QCheckBox *m_allCheck;
    QList<QCheckBox *> m_metricChecks; // in the order of allShardLevelMetrics()
    QLabel *m_hintLabel;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_applyButton;

    bool m_loaded = false;
    QStringList m_current;
    QString m_streamArn;
    bool m_busy = false;
};

} // namespace shardscope
