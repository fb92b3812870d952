#include "maxrecordsizedialog.h"

#include "dialogcalls.h"
#include "dialogtext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace shardscope {

using namespace Qt::StringLiterals;

MaxRecordSizeDialog::MaxRecordSizeDialog(StreamBackend *backend, const QString &streamName,
                                         QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_streamName(streamName),
      m_currentLabel(new QLabel(tr("Loading…"), this)),
      m_sizeSpin(new QSpinBox(this)),
      m_equivalentLabel(new QLabel(this)),
      m_sizeError(new InlineErrorLabel(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_applyButton(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(u"maxRecordSizeDialog"_s);
    setWindowTitle(tr("Maximum Record Size — %1").arg(streamName));

    m_currentLabel->setObjectName(u"currentSizeLabel"_s);
    m_currentLabel->setTextFormat(Qt::PlainText);
    m_sizeSpin->setObjectName(u"maxRecordSizeSpin"_s);
    // Wider than allowed, so a value typed out of range is explained, not clamped.
    m_sizeSpin->setRange(1, 10 * kMaxKiB);
    m_sizeSpin->setSingleStep(kMinKiB);
    m_sizeSpin->setSuffix(tr(" KiB"));
    m_sizeSpin->setGroupSeparatorShown(true);
    m_sizeSpin->setEnabled(false);
    auto *sizeLabel = new QLabel(tr("&Maximum record size:"), this);
    sizeLabel->setBuddy(m_sizeSpin);
    m_equivalentLabel->setObjectName(u"equivalentLabel"_s);
    m_equivalentLabel->setEnabled(false); // greyed: a reading aid
    m_sizeError->setObjectName(u"maxRecordSizeError"_s);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_sizeSpin);
    sizeRow->addWidget(m_equivalentLabel, 1);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Current:"), m_currentLabel);
    form->addRow(sizeLabel, DialogText::withMessage(sizeRow, m_sizeError));

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_applyButton, u"applyButton"_s);
    m_applyButton->setText(tr("&Apply"));
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 420);

    connect(m_sizeSpin, &QSpinBox::valueChanged, this, &MaxRecordSizeDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MaxRecordSizeDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updateState();
    load();
}

MaxRecordSizeDialog::~MaxRecordSizeDialog() = default;

void MaxRecordSizeDialog::load()
{
    DialogCalls::loadSummary(
        this, m_backend, m_streamName, m_currentLabel, m_errorLabel, tr("Unknown"),
        tr("The connection is closed."), [this] { updateState(); },
        [this](const StreamDescriptionSummary &summary) {
            m_currentKiB = summary.maxRecordSizeInKiB;
            m_streamArn = summary.streamArn;
            m_currentLabel->setText(tr("%L1 KiB (%2)")
                                        .arg(m_currentKiB)
                                        .arg(DialogText::bytes(qint64(m_currentKiB) * 1024)));
            m_sizeSpin->setValue(m_currentKiB);
            m_sizeSpin->setEnabled(true);
            m_sizeSpin->setFocus();
            m_sizeSpin->selectAll();
            updateState();
        });
}

void MaxRecordSizeDialog::updateState()
{
    const bool loaded = m_currentKiB > 0;
    const int value = m_sizeSpin->value();
    QString problem;
    if (loaded && (value < kMinKiB || value > kMaxKiB))
        problem = tr("%L1 KiB is out of range: choose from %L2 to %L3 KiB (1 to 10 MiB).")
                      .arg(value)
                      .arg(kMinKiB)
                      .arg(kMaxKiB);
    m_sizeError->showMessage(problem);
    m_equivalentLabel->setText(loaded ? tr("= %1").arg(DialogText::bytes(qint64(value) * 1024))
                                      : QString());
    m_applyButton->setText(m_busy ? tr("Applying…") : tr("&Apply"));
    m_applyButton->setEnabled(m_backend && loaded && problem.isEmpty() && value != m_currentKiB
                              && !m_busy);
}

void MaxRecordSizeDialog::submit()
{
    if (!m_applyButton->isEnabled() || !m_backend)
        return;
    const int kib = m_sizeSpin->value();
    DialogCalls::change(
        this, m_busy, m_errorLabel, [this] { updateState(); },
        [this, kib] {
            return m_backend->updateMaxRecordSize(
                UpdateMaxRecordSizeRequest{StreamTarget{m_streamName, m_streamArn}, kib});
        },
        [this, kib] {
            m_currentKiB = kib;
            updateState();
            emit maxRecordSizeChanged(m_streamName, kib);
            accept();
        });
}

} // namespace shardscope
