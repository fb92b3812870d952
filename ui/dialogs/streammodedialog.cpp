#include "streammodedialog.h"

#include "dialogcalls.h"
#include "dialogtext.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

StreamModeDialog::StreamModeDialog(StreamBackend *backend, const QString &streamName,
                                   QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_streamName(streamName),
      m_currentLabel(new QLabel(tr("Loading…"), this)),
      m_provisionedRadio(new QRadioButton(tr("&Provisioned"), this)),
      m_onDemandRadio(new QRadioButton(tr("On-&demand"), this)),
      m_hintLabel(new QLabel(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_applyButton(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(u"streamModeDialog"_s);
    setWindowTitle(tr("Capacity Mode — %1").arg(streamName));

    m_currentLabel->setObjectName(u"currentModeLabel"_s);
    m_currentLabel->setTextFormat(Qt::PlainText);
    m_provisionedRadio->setObjectName(u"provisionedRadio"_s);
    m_onDemandRadio->setObjectName(u"onDemandRadio"_s);
    m_provisionedRadio->setEnabled(false);
    m_onDemandRadio->setEnabled(false);
    auto *group = new QButtonGroup(this);
    group->addButton(m_provisionedRadio);
    group->addButton(m_onDemandRadio);
    auto *modes = new QVBoxLayout;
    modes->addWidget(m_provisionedRadio, 0, Qt::AlignLeft);
    modes->addWidget(m_onDemandRadio, 0, Qt::AlignLeft);
    m_hintLabel->setObjectName(u"modeHintLabel"_s);
    m_hintLabel->setTextFormat(Qt::PlainText);
    m_hintLabel->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Current mode:"), m_currentLabel);
    form->addRow(tr("New mode:"), modes);
    form->addRow(QString(), m_hintLabel);

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_applyButton, u"applyButton"_s);
    m_applyButton->setText(tr("&Switch Mode"));
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 440);

    connect(group, &QButtonGroup::buttonToggled, this, &StreamModeDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &StreamModeDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updateState();
    load();
}

StreamModeDialog::~StreamModeDialog() = default;

void StreamModeDialog::load()
{
    DialogCalls::loadSummary(
        this, m_backend, m_streamName, m_currentLabel, m_errorLabel, tr("Unknown"),
        tr("The connection is closed."), [this] { updateState(); },
        [this](const StreamDescriptionSummary &summary) {
            m_loaded = true;
            m_streamArn = summary.streamArn;
            m_currentMode = summary.streamMode;
            m_openShardCount = summary.openShardCount;
            m_currentLabel->setText(
                m_currentMode == StreamMode::OnDemand
                    ? tr("On-demand (%1 open now)").arg(DialogText::shards(m_openShardCount))
                    : tr("Provisioned, %1").arg(DialogText::shards(m_openShardCount)));
            m_provisionedRadio->setEnabled(true);
            m_onDemandRadio->setEnabled(true);
            // The only change there is to make: offer the other mode.
            QRadioButton *other = m_currentMode == StreamMode::OnDemand ? m_provisionedRadio
                                                                        : m_onDemandRadio;
            other->setChecked(true);
            other->setFocus();
            updateState();
        });
}

StreamMode StreamModeDialog::chosenMode() const
{
    return m_onDemandRadio->isChecked() ? StreamMode::OnDemand : StreamMode::Provisioned;
}

void StreamModeDialog::updateState()
{
    const bool chosen = m_provisionedRadio->isChecked() || m_onDemandRadio->isChecked();
    const bool changes = m_loaded && chosen && chosenMode() != m_currentMode;
    QString hint;
    if (m_loaded && !changes)
        hint = tr("The stream is already in this mode.");
    else if (changes && chosenMode() == StreamMode::OnDemand)
        hint = tr("Capacity will follow the traffic; you no longer choose the number of shards.");
    else if (changes)
        hint = tr("The stream keeps its %1; from then on you choose the number of shards.")
                   .arg(DialogText::shards(m_openShardCount));
    if (changes)
        hint += u' ' + tr("Kinesis allows two switches per stream in 24 hours.");
    m_hintLabel->setText(hint);
    m_hintLabel->setVisible(!hint.isEmpty());
    m_applyButton->setText(m_busy ? tr("Switching…") : tr("&Switch Mode"));
    m_applyButton->setEnabled(m_backend && changes && !m_busy);
}

void StreamModeDialog::submit()
{
    if (!m_applyButton->isEnabled() || !m_backend)
        return;
    const StreamMode mode = chosenMode();
    DialogCalls::change(
        this, m_busy, m_errorLabel, [this] { updateState(); },
        [this, mode] {
            return m_backend->updateStreamMode(UpdateStreamModeRequest{m_streamArn, mode});
        },
        [this, mode] {
            m_currentMode = mode;
            updateState();
            emit streamModeChanged(m_streamName, mode);
            accept();
        });
}

} // namespace shardscope
