#include "accountsettingsdialog.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "dialogcalls.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

QString localTime(std::optional<qint64> ms)
{
    if (!ms)
        return AccountSettingsDialog::tr("an unknown time");
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toLocalTime(),
                              QLocale::ShortFormat);
}

} // namespace

AccountSettingsDialog::AccountSettingsDialog(StreamBackend *backend, QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_currentLabel(new QLabel(tr("Loading…"), this)),
      m_commitmentCheck(new QCheckBox(tr("&Minimum throughput billing commitment"), this)),
      m_hintLabel(new QLabel(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_applyButton(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(u"accountSettingsDialog"_s);
    setWindowTitle(tr("Account Settings — %1").arg(backend ? backend->displayName() : QString()));

    m_currentLabel->setObjectName(u"currentCommitmentLabel"_s);
    m_currentLabel->setTextFormat(Qt::PlainText);
    m_currentLabel->setWordWrap(true);
    m_commitmentCheck->setObjectName(u"commitmentCheck"_s);
    m_commitmentCheck->setEnabled(false);
    m_hintLabel->setObjectName(u"commitmentHintLabel"_s);
    m_hintLabel->setTextFormat(Qt::PlainText);
    m_hintLabel->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Current:"), m_currentLabel);
    auto *commitment = new QVBoxLayout;
    commitment->setContentsMargins(0, 0, 0, 0);
    commitment->addWidget(m_commitmentCheck, 0, Qt::AlignLeft);
    form->addRow(tr("On-demand streams:"), commitment);
    form->addRow(QString(), m_hintLabel);

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_applyButton, u"applyButton"_s);
    m_applyButton->setText(tr("&Apply"));
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 480);

    connect(m_commitmentCheck, &QCheckBox::toggled, this, &AccountSettingsDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AccountSettingsDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updateState();
    load();
}

AccountSettingsDialog::~AccountSettingsDialog() = default;

QString AccountSettingsDialog::describe(const MinimumThroughputBillingCommitment &c)
{
    switch (c.status) {
    case BillingCommitmentStatus::Enabled:
        return tr("Enabled since %1; it can end from %2.")
            .arg(localTime(c.startedAt), localTime(c.earliestAllowedEndAt));
    case BillingCommitmentStatus::EnabledUntilEarliestAllowedEnd:
        return tr("Enabled until %1, then it ends.")
            .arg(localTime(c.endedAt ? c.endedAt : c.earliestAllowedEndAt));
    case BillingCommitmentStatus::Disabled:
        break;
    }
    return tr("Disabled");
}

void AccountSettingsDialog::load()
{
    if (!m_backend) {
        m_currentLabel->setText(tr("Unknown"));
        m_errorLabel->showMessage(tr("The connection is closed."));
        return;
    }
    onResult(this, m_backend->describeAccountSettings(),
             [this](BackendResult<AccountSettings> result) {
                 if (!result) {
                     m_currentLabel->setText(tr("Unknown"));
                     m_errorLabel->showError(result.error());
                     updateState();
                     return;
                 }
                 showSettings(*result);
                 m_commitmentCheck->setEnabled(true);
                 m_commitmentCheck->setFocus();
             });
}

void AccountSettingsDialog::showSettings(const AccountSettings &settings)
{
    m_current = settings.minimumThroughputBillingCommitment.value_or(
        MinimumThroughputBillingCommitment{});
    m_currentLabel->setText(describe(*m_current));
    m_commitmentCheck->setChecked(m_current->status == BillingCommitmentStatus::Enabled);
    updateState();
}

void AccountSettingsDialog::updateState()
{
    const bool loaded = m_current.has_value();
    const bool on = m_commitmentCheck->isChecked();
    const bool enabled = loaded && m_current->status == BillingCommitmentStatus::Enabled;
    QString hint = tr("A commitment to a minimum throughput of the account's on-demand streams, "
                      "billed whether used or not; warm throughput needs it.");
    if (loaded && on != enabled) {
        if (on && m_current->status == BillingCommitmentStatus::EnabledUntilEarliestAllowedEnd)
            hint = tr("The commitment keeps running instead of ending.");
        else if (on)
            hint = tr("Once enabled, the commitment runs for at least 24 hours.");
        else
            hint = tr("The commitment ends at its earliest allowed end, or now if that has passed.");
    }
    m_hintLabel->setText(hint);
    m_applyButton->setText(m_busy ? tr("Applying…") : tr("&Apply"));
    m_applyButton->setEnabled(m_backend && loaded && on != enabled && !m_busy);
}

void AccountSettingsDialog::submit()
{
    if (!m_applyButton->isEnabled() || !m_backend)
        return;
    const BillingCommitmentStatus wanted = m_commitmentCheck->isChecked()
        ? BillingCommitmentStatus::Enabled
        : BillingCommitmentStatus::Disabled;
    auto answer = std::make_shared<AccountSettings>();
    DialogCalls::change(
        this, m_busy, m_errorLabel, [this] { updateState(); },
        [this, wanted, answer] {
            return m_backend->updateAccountSettings(UpdateAccountSettingsRequest{wanted})
                .then([answer](BackendResult<AccountSettings> result) -> BackendResult<void> {
                    if (!result)
                        return std::unexpected(result.error());
                    *answer = *result;
                    return {};
                });
        },
        [this, answer] {
            showSettings(*answer);
            emit accountSettingsChanged(*answer);
            accept();
        });
}

} // namespace shardscope
