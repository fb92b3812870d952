#include "createstreamdialog.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "dialogcalls.h"
#include "dialogtext.h"
#include "inlineerrorlabel.h"
#include "kinesisname.h"
#include "kinesis/limits.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMinRecordSizeKiB = KinesisLimits::kMinMaxRecordSizeKiB;
constexpr int kMaxRecordSizeKiB = KinesisLimits::kMaxMaxRecordSizeKiB;
constexpr int kMaxShardsPerRequest = KinesisLimits::kMaxShardCountPerRequest;

} // namespace

CreateStreamDialog::CreateStreamDialog(StreamBackend *backend, QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_nameEdit(new QLineEdit(this)),
      m_nameError(new InlineErrorLabel(this)),
      m_provisionedRadio(new QRadioButton(tr("&Provisioned"), this)),
      m_onDemandRadio(new QRadioButton(tr("On-&demand"), this)),
      m_modeGroup(new QButtonGroup(this)),
      m_shardCountLabel(new QLabel(tr("&Shards:"), this)),
      m_shardCountSpin(new QSpinBox(this)),
      m_limitLabel(new QLabel(this)),
      m_capacityError(new InlineErrorLabel(this)),
      m_maxRecordSizeCheck(new QCheckBox(tr("&Maximum record size:"), this)),
      m_maxRecordSizeSpin(new QSpinBox(this)),
      m_maxRecordSizeError(new InlineErrorLabel(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_createButton(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(u"createStreamDialog"_s);
    setWindowTitle(backend ? tr("Create Stream — %1").arg(backend->displayName())
                           : tr("Create Stream"));

    m_nameEdit->setObjectName(u"streamNameEdit"_s);
    m_nameEdit->setPlaceholderText(tr("e.g. orders-events"));
    m_nameEdit->setClearButtonEnabled(true);
    m_nameError->setObjectName(u"streamNameError"_s);
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_nameEdit);

    m_provisionedRadio->setObjectName(u"provisionedRadio"_s);
    m_provisionedRadio->setToolTip(tr("You choose the number of shards and pay for each."));
    m_onDemandRadio->setObjectName(u"onDemandRadio"_s);
    m_onDemandRadio->setToolTip(
        tr("Capacity follows the traffic; the stream starts with 4 shards."));
    m_provisionedRadio->setChecked(true);
    m_modeGroup->addButton(m_provisionedRadio);
    m_modeGroup->addButton(m_onDemandRadio);
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(m_provisionedRadio);
    modeRow->addWidget(m_onDemandRadio);
    modeRow->addStretch(1);

    m_shardCountSpin->setObjectName(u"shardCountSpin"_s);
    m_shardCountSpin->setRange(1, kMaxShardsPerRequest);
    m_shardCountSpin->setValue(1);
    m_shardCountSpin->setAccelerated(true);
    m_shardCountLabel->setBuddy(m_shardCountSpin);
    m_limitLabel->setObjectName(u"shardLimitLabel"_s);
    m_limitLabel->setTextFormat(Qt::PlainText);
    m_capacityError->setObjectName(u"capacityError"_s);
    auto *shardRow = new QHBoxLayout;
    shardRow->addWidget(m_shardCountSpin);
    shardRow->addWidget(m_limitLabel, 1);

    m_maxRecordSizeCheck->setObjectName(u"maxRecordSizeCheck"_s);
    m_maxRecordSizeCheck->setToolTip(
        tr("Without it the stream takes records of up to 1 MiB (1,024 KiB)."));
    m_maxRecordSizeSpin->setObjectName(u"maxRecordSizeSpin"_s);
    // Wider than what is allowed, so a value typed out of range is explained, not clamped.
    m_maxRecordSizeSpin->setRange(1, 10 * kMaxRecordSizeKiB);
    m_maxRecordSizeSpin->setValue(kMinRecordSizeKiB);
    m_maxRecordSizeSpin->setSingleStep(kMinRecordSizeKiB);
    m_maxRecordSizeSpin->setSuffix(tr(" KiB"));
    m_maxRecordSizeSpin->setGroupSeparatorShown(true);
    m_maxRecordSizeSpin->setEnabled(false);
    m_maxRecordSizeError->setObjectName(u"maxRecordSizeError"_s);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_maxRecordSizeSpin);
    sizeRow->addStretch(1);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(nameLabel, DialogText::withMessage(m_nameEdit, m_nameError));
    form->addRow(tr("Capacity mode:"), modeRow);
    form->addRow(m_shardCountLabel, DialogText::withMessage(shardRow, m_capacityError));
    form->addRow(m_maxRecordSizeCheck, DialogText::withMessage(sizeRow, m_maxRecordSizeError));

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_createButton, u"createButton"_s);
    m_createButton->setText(tr("&Create"));
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 480);

    setTabOrder(m_nameEdit, m_provisionedRadio);
    setTabOrder(m_provisionedRadio, m_onDemandRadio);
    setTabOrder(m_onDemandRadio, m_shardCountSpin);
    setTabOrder(m_shardCountSpin, m_maxRecordSizeCheck);
    setTabOrder(m_maxRecordSizeCheck, m_maxRecordSizeSpin);
    setTabOrder(m_maxRecordSizeSpin, m_buttons);

    connect(m_nameEdit, &QLineEdit::textEdited, this, [this] { m_nameTouched = true; });
    connect(m_nameEdit, &QLineEdit::textChanged, this, [this] {
        validateName();
        updateState();
    });
    connect(m_modeGroup, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (!on)
            return;
        m_capacityRefusal.clear();
        showLimits();
        updateState();
    });
    connect(m_shardCountSpin, &QSpinBox::valueChanged, this, [this] {
        m_capacityRefusal.clear();
        updateState();
    });
    connect(m_maxRecordSizeCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_maxRecordSizeSpin->setEnabled(on);
        updateState();
    });
    connect(m_maxRecordSizeSpin, &QSpinBox::valueChanged, this, &CreateStreamDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateStreamDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_nameEdit->setFocus();
    showLimits();
    updateState();
    loadLimits();
}

CreateStreamDialog::~CreateStreamDialog() = default;

QString CreateStreamDialog::streamNameProblem(const QString &name)
{
    return KinesisName::problem(name, tr("Enter a name for the stream."));
}

void CreateStreamDialog::loadLimits()
{
    if (!m_backend)
        return;
    onResult(this, m_backend->describeLimits(), [this](BackendResult<DescribeLimitsResponse> result) {
        if (result) {
            m_limitsKnown = true;
            m_shardLimit = result->shardLimit;
            m_openShardCount = result->openShardCount;
            m_onDemandStreamCount = result->onDemandStreamCount;
            m_onDemandStreamLimit = result->onDemandStreamCountLimit;
            m_limitLabel->setToolTip({});
            showLimits();
        } else {
            m_limitLabel->setText(tr("The account's limits could not be read."));
            m_limitLabel->setToolTip(InlineErrorLabel::describe(result.error()));
        }
        updateState();
    });
}

void CreateStreamDialog::showLimits()
{
    m_shardCountSpin->setEnabled(!isOnDemand());
    m_shardCountLabel->setEnabled(!isOnDemand());
    if (!m_limitsKnown) {
        if (m_limitLabel->toolTip().isEmpty())
            m_limitLabel->setText(tr("Checking the account's limits…"));
        return;
    }
    if (isOnDemand()) {
        m_limitLabel->setText(tr("%L1 of %L2 on-demand streams left in this account")
                                  .arg(onDemandStreamsLeft())
                                  .arg(m_onDemandStreamLimit));
    } else {
        m_limitLabel->setText(tr("%L1 of %L2 shards left in this account")
                                  .arg(shardsLeft())
                                  .arg(m_shardLimit));
        m_shardCountSpin->setMaximum(std::clamp(shardsLeft(), 1, kMaxShardsPerRequest));
    }
}

void CreateStreamDialog::validateName()
{
    const QString name = m_nameEdit->text();
    if (!m_existingName.isEmpty() && name == m_existingName)
        return; // keep the backend's "already exists" beside the field
    m_existingName.clear();
    m_nameError->showMessage(m_nameTouched ? streamNameProblem(name) : QString());
}

QString CreateStreamDialog::capacityProblem() const
{
    if (!m_capacityRefusal.isEmpty())
        return m_capacityRefusal;
    if (!m_limitsKnown)
        return {};
    if (isOnDemand()) {
        if (onDemandStreamsLeft() <= 0)
            return tr("The account has no on-demand streams left: all %L1 are in use.")
                .arg(m_onDemandStreamLimit);
        return {};
    }
    if (shardsLeft() <= 0)
        return tr("The account has no shards left: all %L1 are in use by open streams.")
            .arg(m_shardLimit);
    return {};
}

QString CreateStreamDialog::maxRecordSizeProblem() const
{
    if (!m_maxRecordSizeCheck->isChecked())
        return {};
    const int value = m_maxRecordSizeSpin->value();
    if (value < kMinRecordSizeKiB || value > kMaxRecordSizeKiB)
        return tr("%L1 KiB is out of range: choose from %L2 to %L3 KiB (1 to 10 MiB).")
            .arg(value)
            .arg(kMinRecordSizeKiB)
            .arg(kMaxRecordSizeKiB);
    return {};
}

void CreateStreamDialog::updateState()
{
    const QString capacity = capacityProblem();
    m_capacityError->showMessage(capacity);
    const QString size = maxRecordSizeProblem();
    m_maxRecordSizeError->showMessage(size);
    if (!m_backend)
        m_errorLabel->showMessage(tr("The connection is closed."));
    const bool nameOk = streamNameProblem(m_nameEdit->text()).isEmpty()
                     && (m_existingName.isEmpty() || m_nameEdit->text() != m_existingName);
    m_createButton->setEnabled(m_backend && !m_busy && nameOk && capacity.isEmpty()
                               && size.isEmpty());
}

void CreateStreamDialog::submit()
{
    if (!m_createButton->isEnabled() || !m_backend)
        return;
    CreateStreamRequest request;
    request.streamName = m_nameEdit->text();
    if (isOnDemand())
        request.streamMode = StreamMode::OnDemand;
    else
        request.shardCount = m_shardCountSpin->value();
    if (m_maxRecordSizeCheck->isChecked())
        request.maxRecordSizeInKiB = m_maxRecordSizeSpin->value();

    m_busy = true;
    m_errorLabel->clearMessage();
    m_createButton->setText(tr("Creating…"));
    updateState();
    const QString name = request.streamName;
    onResult(this, m_backend->createStream(request), [this, name](BackendResult<void> result) {
        m_busy = false;
        m_createButton->setText(tr("&Create"));
        if (!result) {
            handleFailure(result.error());
            updateState();
            return;
        }
        updateState();
        emit streamCreated(name);
        accept();
    });
}

void CreateStreamDialog::handleFailure(const Error &error)
{
    switch (error.type) {
    case ErrorType::ResourceInUse:
        // The name is taken: say so beside the name, and leave everything else as it was.
        m_existingName = m_nameEdit->text();
        m_nameError->showError(error);
        m_nameEdit->setFocus();
        m_nameEdit->selectAll();
        break;
    case ErrorType::LimitExceeded:
        m_capacityRefusal = InlineErrorLabel::describe(error);
        loadLimits();
        break;
    default:
        m_errorLabel->showError(error);
        break;
    }
}

bool CreateStreamDialog::isOnDemand() const
{
    return m_onDemandRadio->isChecked();
}

int CreateStreamDialog::shardsLeft() const
{
    return m_shardLimit - m_openShardCount;
}

int CreateStreamDialog::onDemandStreamsLeft() const
{
    return m_onDemandStreamLimit - m_onDemandStreamCount;
}

} // namespace shardscope
