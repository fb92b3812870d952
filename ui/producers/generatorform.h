#pragma once

#include "producer/loadgenerator.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace shardscope {

class InlineErrorLabel;
class StreamBackend;

// The settings of a new load generator: the target (any connection and one of its streams,
// listed asynchronously), rate, duration or until stopped, record size (fixed or a range),
// partition keys (uniform, a few hot keys, or Zipf with an exponent), payload (random JSON or a
// put-dialog template) and KPL aggregation. What LoadGenerator::problem() finds wrong, or that
// the connection is read-only, shows next to the form and keeps Start disabled.
//
// Threads: GUI thread. Does not own the backends.
class GeneratorForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneratorForm)

public:
    explicit GeneratorForm(QWidget *parent = nullptr);
    ~GeneratorForm() override;

    // The connections offered; the current choice is kept when it is still there.
    void setConnections(const QList<StreamBackend *> &connections);
    // Picks a target (for callers and tests); the stream is chosen once it is listed.
    bool selectTarget(StreamBackend *connection, const QString &streamName);

    StreamBackend *connection() const;
    QString streamName() const;
    LoadGeneratorOptions options() const;
    // Why Start is refused now, or nullopt.
    std::optional<QString> problem() const;

signals:
    void startRequested();

private:
    void loadStreams();
    void updateState();

    QList<QPointer<StreamBackend>> m_connections;
    QComboBox *m_connectionCombo;
    QComboBox *m_streamCombo;
    QSpinBox *m_rateSpin;
    QSpinBox *m_durationSpin;
    QSpinBox *m_minSizeSpin;
    QSpinBox *m_maxSizeSpin;
    QComboBox *m_keysCombo;
    QSpinBox *m_keyCountSpin;
    QSpinBox *m_hotKeysSpin;
    QSpinBox *m_hotShareSpin;
    QDoubleSpinBox *m_zipfSpin;
    QComboBox *m_payloadCombo;
    QLineEdit *m_templateEdit;
    QCheckBox *m_aggregateCheck;
    InlineErrorLabel *m_error;
    QPushButton *m_startButton;
    QString m_wantedStream;
    quint64 m_streamsGeneration = 0;
    bool m_streamsLoading = false;
};

} // namespace shardscope
