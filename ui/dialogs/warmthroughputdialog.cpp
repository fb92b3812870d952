#include "warmthroughputdialog.h"

#include "dialogcalls.h"
#include "dialogtext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace shardscope {

using namespace Qt::StringLiterals;

WarmThroughputDialog::WarmThroughputDialog(StreamBackend *backend, const QString &streamName,
                                           QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_streamName(streamName),
      m_currentLabel(new QLabel(tr("Loading…"), this)),
      m_spin(new QSpinBox(this)),
      m_valueError(new InlineErrorLabel(this)),
      m_hintLabel(new QLabel(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_applyButton(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(u"warmThroughputDialog"_s);
    setWindowTitle(tr("Warm Throughput — %1").arg(streamName));

    m_currentLabel->setObjectName(u"currentWarmLabel"_s);
    m_currentLabel->setTextFormat(Qt::PlainText);
    m_currentLabel->setWordWrap(true);
    m_spin->setObjectName(u"warmThroughputSpin"_s);
    // Wider than allowed, so a value typed out of range is explained, not clamped.
    m_spin->setRange(0, 10 * kMaxMiBps);
    m_spin->setSingleStep(10);
    m_spin->setSuffix(tr(" MiB/s"));
    m_spin->setGroupSeparatorShown(true);
    m_spin->setEnabled(false);
    auto *valueLabel = new QLabel(tr("&Warm throughput:"), this);
    valueLabel->setBuddy(m_spin);
    m_valueError->setObjectName(u"warmThroughputError"_s);
    m_hintLabel->setObjectName(u"warmHintLabel"_s);
    m_hintLabel->setTextFormat(Qt::PlainText);
    m_hintLabel->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Current:"), m_currentLabel);
    form->addRow(valueLabel, DialogText::withMessage(m_spin, m_valueError));
    form->addRow(QString(), m_hintLabel);

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_applyButton, u"applyButton"_s);
    m_applyButton->setText(tr("&Apply"));
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 460);

    connect(m_spin, &QSpinBox::valueChanged, this, &WarmThroughputDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WarmThroughputDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updateState();
    load();
}

WarmThroughputDialog::~WarmThroughputDialog() = default;

void WarmThroughputDialog::load()
{
    DialogCalls::loadSummary(
        this, m_backend, m_streamName, m_currentLabel, m_errorLabel, tr("Unknown"),
        tr("The connection is closed."), [this] { updateState(); },
        [this](const StreamDescriptionSummary &summary) {
            m_loaded = true;
            m_streamArn = summary.streamArn;
            m_onDemand = summary.streamMode == StreamMode::OnDemand;
            const std::optional<WarmThroughput> warm = summary.warmThroughput;
            m_currentTarget = warm ? warm->targetMiBps.value_or(0) : 0;
            if (!m_onDemand) {
                m_currentLabel->setText(tr("None: the stream is provisioned."));
            } else {
                const QString now = warm && warm->currentMiBps
                    ? tr("%L1 MiB/s").arg(*warm->currentMiBps)
                    : tr("unknown");
                m_currentLabel->setText(
                    m_currentTarget > 0
                        ? tr("Target %L1 MiB/s, now %2").arg(m_currentTarget).arg(now)
                        : tr("None requested; the stream handles %1 now").arg(now));
            }
            m_spin->setValue(m_currentTarget);
            m_spin->setEnabled(m_onDemand);
            if (m_onDemand) {
                m_spin->setFocus();
                m_spin->selectAll();
            }
            updateState();
        });
}

void WarmThroughputDialog::updateState()
{
    const int value = m_spin->value();
    QString problem;
    if (m_loaded && m_onDemand && value > kMaxMiBps)
        problem = tr("%L1 MiB/s is more than Kinesis allows: choose from 0 to %L2 MiB/s (10 GiB/s).")
                      .arg(value)
                      .arg(kMaxMiBps);
    m_valueError->showMessage(problem);
    QString hint;
    if (m_loaded && !m_onDemand)
        hint = tr("Warm throughput applies to on-demand streams only. Switch the stream to "
                  "on-demand capacity first (Capacity Mode).");
    else if (m_loaded)
        hint = tr("Kinesis scales the stream ahead of traffic so that it takes this much writing "
                  "at once; 0 asks for none. It needs the account's minimum throughput billing "
                  "commitment (Account Settings).");
    m_hintLabel->setText(hint);
    m_hintLabel->setVisible(!hint.isEmpty());
    m_applyButton->setText(m_busy ? tr("Applying…") : tr("&Apply"));
    m_applyButton->setEnabled(m_backend && m_loaded && m_onDemand && problem.isEmpty()
                              && value != m_currentTarget && !m_busy);
}

void WarmThroughputDialog::submit()
{
    if (!m_applyButton->isEnabled() || !m_backend)
        return;
    const int target = m_spin->value();
    DialogCalls::change(
        this, m_busy, m_errorLabel, [this] { updateState(); },
        [this, target] {
            return DialogCalls::discardValue(m_backend->updateStreamWarmThroughput(
                UpdateStreamWarmThroughputRequest{StreamTarget{m_streamName, m_streamArn},
                                                  target}));
        },
        [this, target] {
            m_currentTarget = target;
            updateState();
            emit warmThroughputChanged(m_streamName, target);
            accept();
        });
}

} // namespace shardscope
