#include "retentiondialog.h"

#include "dialogcalls.h"
#include "dialogtext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {
// The spin boxes reach past the allowed range so a value typed out of range is explained
// beside the field instead of silently clamped.
constexpr int kSpinMaxHours = 99999;
constexpr int kSpinMaxDays = 9999;
} // namespace

RetentionDialog::RetentionDialog(StreamBackend *backend, const QString &streamName, QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_streamName(streamName),
      m_currentLabel(new QLabel(tr("Loading…"), this)),
      m_valueSpin(new QSpinBox(this)),
      m_unitCombo(new QComboBox(this)),
      m_equivalentLabel(new QLabel(this)),
      m_valueError(new InlineErrorLabel(this)),
      m_impactLabel(new QLabel(this)),
      m_confirmCheck(new QCheckBox(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_applyButton(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(u"retentionDialog"_s);
    setWindowTitle(tr("Retention Period — %1").arg(streamName));

    m_currentLabel->setObjectName(u"currentRetentionLabel"_s);
    m_currentLabel->setTextFormat(Qt::PlainText);
    m_valueSpin->setObjectName(u"retentionSpin"_s);
    m_valueSpin->setAccelerated(true);
    m_valueSpin->setEnabled(false);
    auto *valueLabel = new QLabel(tr("&Retention period:"), this);
    valueLabel->setBuddy(m_valueSpin);
    m_unitCombo->setObjectName(u"unitCombo"_s);
    m_unitCombo->addItem(tr("hours"), QVariant::fromValue(Unit::Hours));
    m_unitCombo->addItem(tr("days"), QVariant::fromValue(Unit::Days));
    m_unitCombo->setEnabled(false);
    m_unitCombo->setToolTip(tr("Edit the period in hours or in days"));
    m_equivalentLabel->setObjectName(u"equivalentLabel"_s);
    m_equivalentLabel->setTextFormat(Qt::PlainText);
    m_equivalentLabel->setEnabled(false); // greyed: a reading aid, not a value
    m_valueError->setObjectName(u"retentionError"_s);
    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_valueSpin);
    valueRow->addWidget(m_unitCombo);
    valueRow->addWidget(m_equivalentLabel, 1);

    m_impactLabel->setObjectName(u"impactLabel"_s);
    m_impactLabel->setTextFormat(Qt::PlainText);
    m_impactLabel->setWordWrap(true);
    m_confirmCheck->setObjectName(u"confirmDropCheck"_s);
    m_confirmCheck->hide();

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Current:"), m_currentLabel);
    form->addRow(valueLabel, DialogText::withMessage(valueRow, m_valueError));
    form->addRow(QString(), m_impactLabel);
    form->addRow(QString(), m_confirmCheck);

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_applyButton, u"applyButton"_s);
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 460);

    setTabOrder(m_valueSpin, m_unitCombo);
    setTabOrder(m_unitCombo, m_confirmCheck);
    setTabOrder(m_confirmCheck, m_buttons);

    m_impactTimer.setSingleShot(true);
    m_impactTimer.setInterval(kImpactDelayMs);
    connect(&m_impactTimer, &QTimer::timeout, this, &RetentionDialog::countImpact);
    connect(m_valueSpin, &QSpinBox::valueChanged, this, &RetentionDialog::valueEdited);
    connect(m_unitCombo, &QComboBox::currentIndexChanged, this, &RetentionDialog::unitChanged);
    connect(m_confirmCheck, &QCheckBox::toggled, this, &RetentionDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RetentionDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updateState();
    load();
}

RetentionDialog::~RetentionDialog() = default;

void RetentionDialog::setHours(int hours)
{
    m_hours = hours;
    showValue();
    scheduleImpact();
    updateState();
}

void RetentionDialog::setUnit(Unit unit)
{
    m_unitCombo->setCurrentIndex(m_unitCombo->findData(QVariant::fromValue(unit)));
}

void RetentionDialog::load()
{
    DialogCalls::loadSummary(
        this, m_backend, m_streamName, m_currentLabel, m_errorLabel, tr("Unknown"),
        tr("The connection is closed."), [this] { updateState(); },
        [this](const StreamDescriptionSummary &summary) {
            m_currentHours = summary.retentionPeriodHours;
            m_currentLabel->setText(DialogText::hours(m_currentHours));
            m_valueSpin->setEnabled(true);
            m_unitCombo->setEnabled(true);
            m_hours = m_currentHours;
            {
                const QSignalBlocker blocker(m_unitCombo);
                setUnit(m_currentHours % 24 == 0 ? Unit::Days : Unit::Hours);
            }
            showValue();
            updateState();
            m_valueSpin->setFocus();
            m_valueSpin->selectAll();
        });
}

void RetentionDialog::valueEdited()
{
    if (m_updatingSpin)
        return;
    const int value = m_valueSpin->value();
    m_hours = m_unitCombo->currentData().value<Unit>() == Unit::Days ? value * 24 : value;
    showEquivalent();
    m_confirmCheck->setChecked(false);
    scheduleImpact();
    updateState();
}

void RetentionDialog::unitChanged()
{
    // Converting to days rounds to whole days: the spin box holds whole units only.
    if (m_unitCombo->currentData().value<Unit>() == Unit::Days && m_hours % 24 != 0)
        m_hours = std::max(1, qRound(m_hours / 24.0)) * 24;
    showValue();
    scheduleImpact();
    updateState();
}

void RetentionDialog::showValue()
{
    const bool days = m_unitCombo->currentData().value<Unit>() == Unit::Days;
    m_updatingSpin = true;
    m_valueSpin->setRange(1, days ? kSpinMaxDays : kSpinMaxHours);
    m_valueSpin->setValue(days ? m_hours / 24 : m_hours);
    m_updatingSpin = false;
    showEquivalent();
}

void RetentionDialog::showEquivalent()
{
    // The value in the other unit, as a reading aid.
    const bool days = m_unitCombo->currentData().value<Unit>() == Unit::Days;
    if (m_hours <= 0)
        m_equivalentLabel->clear();
    else if (days)
        m_equivalentLabel->setText(tr("= %L1 hours").arg(m_hours));
    else if (m_hours == 24)
        m_equivalentLabel->setText(tr("= 1 day"));
    else if (m_hours % 24 == 0)
        m_equivalentLabel->setText(tr("= %L1 days").arg(m_hours / 24));
    else
        m_equivalentLabel->setText(
            tr("= %1 days").arg(QLocale().toString(qRound(m_hours * 100 / 24.0) / 100.0, 'g',
                                                   QLocale::FloatingPointShortest)));
}

bool RetentionDialog::isDecrease() const
{
    return m_currentHours > 0 && m_hours < m_currentHours;
}

void RetentionDialog::scheduleImpact()
{
    ++m_impactGeneration;
    m_impactTimer.stop();
    const bool valid = m_hours >= kMinHours && m_hours <= kMaxHours;
    if (!isDecrease() || !valid) {
        m_impact = Impact::None;
        return;
    }
    if (!m_backend || !m_backend->hasShardStatistics()) {
        m_impact = Impact::Uncountable;
        return;
    }
    m_impact = Impact::Counting;
    m_impactTimer.start();
}

void RetentionDialog::countImpact()
{
    if (!m_backend)
        return;
    const quint64 generation = m_impactGeneration;
    const int hours = m_hours;
    onResult(this, m_backend->retentionImpact(m_streamName, hours),
             [this, generation, hours](BackendResult<ShardStatistics> result) {
                 if (generation != m_impactGeneration)
                     return; // the value changed since; a newer count is coming
                 m_impactHours = hours;
                 if (result) {
                     m_impact = Impact::Counted;
                     m_impactRecords = result->recordCount;
                     m_impactBytes = result->bytes;
                 } else {
                     m_impact = Impact::Failed;
                     m_impactLabel->setToolTip(InlineErrorLabel::describe(result.error()));
                 }
                 updateState();
             });
}

void RetentionDialog::updateState()
{
    const bool loaded = m_currentHours > 0;
    QString problem;
    if (loaded && m_hours < kMinHours)
        problem = tr("%1 is too short: the minimum is %2.")
                      .arg(DialogText::hours(m_hours), DialogText::hours(kMinHours));
    else if (loaded && m_hours > kMaxHours)
        problem = tr("%1 is too long: the maximum is %2.")
                      .arg(DialogText::hours(m_hours), DialogText::hours(kMaxHours));
    m_valueError->showMessage(problem);
    const bool valid = loaded && problem.isEmpty();

    QString impact;
    QString buttonText = tr("&Apply");
    bool confirmed = true;
    bool needsCheck = false;
    if (valid && m_hours > m_currentHours) {
        impact = tr("Records will be kept for %1. Records already trimmed do not come back.")
                     .arg(DialogText::hours(m_hours));
        buttonText = tr("&Increase");
    } else if (valid && m_hours == m_currentHours) {
        impact = tr("This is the current retention period.");
    } else if (valid) {
        const QString older = DialogText::hours(m_hours);
        buttonText = tr("&Decrease");
        switch (m_impact) {
        case Impact::None:
        case Impact::Counting:
            impact = tr("Counting the records older than %1…").arg(older);
            confirmed = false;
            break;
        case Impact::Counted:
            if (m_impactRecords > 0) {
                impact = tr("%1 will no longer be readable.")
                             .arg(DialogText::recordsAndBytes(m_impactRecords, m_impactBytes));
                buttonText = tr("&Decrease and drop %1").arg(DialogText::records(m_impactRecords));
            } else {
                impact = tr("No record is older than %1: nothing will be dropped.").arg(older);
            }
            break;
        case Impact::Uncountable:
            impact = tr("This connection cannot count the records that would be dropped. Every "
                        "record older than %1 will no longer be readable.")
                         .arg(older);
            needsCheck = true;
            break;
        case Impact::Failed:
            impact = tr("The records that would be dropped could not be counted. Every record "
                        "older than %1 will no longer be readable.")
                         .arg(older);
            needsCheck = true;
            break;
        }
    }
    if (impact.isEmpty() || m_impact != Impact::Failed)
        m_impactLabel->setToolTip({});
    m_impactLabel->setText(impact);
    m_impactLabel->setVisible(!impact.isEmpty());
    m_confirmCheck->setText(tr("I &understand that records older than %1 will be dropped")
                                .arg(DialogText::hours(m_hours)));
    m_confirmCheck->setVisible(needsCheck);
    if (needsCheck)
        confirmed = m_confirmCheck->isChecked();
    m_applyButton->setText(m_busy ? tr("Applying…") : buttonText);
    m_applyButton->setEnabled(m_backend && valid && !m_busy && m_hours != m_currentHours
                              && confirmed);
}

void RetentionDialog::submit()
{
    if (!m_applyButton->isEnabled() || !m_backend)
        return;
    const RetentionPeriodRequest request{StreamTarget::byName(m_streamName), m_hours};
    const bool decrease = isDecrease();
    const int hours = m_hours;
    DialogCalls::change(
        this, m_busy, m_errorLabel, [this] { updateState(); },
        [this, &request, decrease] {
            return decrease ? m_backend->decreaseStreamRetentionPeriod(request)
                            : m_backend->increaseStreamRetentionPeriod(request);
        },
        [this, hours] {
            m_currentHours = hours;
            m_currentLabel->setText(DialogText::hours(hours));
            updateState();
            emit retentionChanged(m_streamName, hours);
            accept();
        });
}

} // namespace shardscope
