#include "registerconsumerdialog.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "dialogs/dialogcalls.h"
#include "dialogs/dialogtext.h"
#include "dialogs/inlineerrorlabel.h"
#include "dialogs/kinesisname.h"
#include "kinesis/limits.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace shardscope {

using namespace Qt::StringLiterals;

RegisterConsumerDialog::RegisterConsumerDialog(StreamBackend *backend, const QString &streamName,
                                               const QString &streamArn, int registered,
                                               QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_streamName(streamName),
      m_streamArn(streamArn),
      m_nameEdit(new QLineEdit(this)),
      m_nameError(new InlineErrorLabel(this)),
      m_hint(new QLabel(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_registerButton(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(u"registerConsumerDialog"_s);
    setWindowTitle(tr("Register Consumer — %1").arg(streamName));

    auto *streamLabel = new QLabel(streamName, this);
    streamLabel->setObjectName(u"streamLabel"_s);
    streamLabel->setTextFormat(Qt::PlainText);
    streamLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_nameEdit->setObjectName(u"consumerNameEdit"_s);
    m_nameEdit->setPlaceholderText(tr("e.g. billing-service"));
    m_nameEdit->setClearButtonEnabled(true);
    m_nameEdit->setMaxLength(4 * KinesisLimits::kMaxNameLength); // long enough to be told why
    m_nameError->setObjectName(u"consumerNameError"_s);
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_nameEdit);

    m_hint->setObjectName(u"consumerHint"_s);
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    QString hint = tr("Each consumer reads every shard with its own 2 MiB/s through SubscribeToShard, "
                      "named by its ARN. A stream can have %L1 consumers.")
                       .arg(KinesisLimits::kMaxConsumersPerStream);
    if (registered >= 0)
        hint += u' ' + tr("This one has %L1.").arg(registered);
    m_hint->setText(hint);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Stream:"), streamLabel);
    form->addRow(nameLabel, DialogText::withMessage(m_nameEdit, m_nameError));
    form->addRow(m_hint);

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_registerButton, u"registerButton"_s);
    m_registerButton->setText(tr("&Register"));
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 460);

    connect(m_nameEdit, &QLineEdit::textEdited, this, [this] { m_nameTouched = true; });
    connect(m_nameEdit, &QLineEdit::textChanged, this, [this] {
        validateName();
        updateState();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RegisterConsumerDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_nameEdit->setFocus();
    updateState();
    if (m_streamArn.isEmpty())
        resolveStream();
}

RegisterConsumerDialog::~RegisterConsumerDialog() = default;

QString RegisterConsumerDialog::consumerNameProblem(const QString &name)
{
    return KinesisName::problem(name, tr("Enter a name for the consumer."));
}

void RegisterConsumerDialog::resolveStream()
{
    if (!m_backend)
        return;
    m_busy = true;
    updateState();
    onResult(this, m_backend->describeStreamSummary(StreamTarget::byName(m_streamName)),
             [this](BackendResult<StreamDescriptionSummary> result) {
                 m_busy = false;
                 if (result)
                     m_streamArn = result->streamArn;
                 else
                     m_errorLabel->showError(result.error());
                 updateState();
             });
}

void RegisterConsumerDialog::validateName()
{
    const QString name = m_nameEdit->text();
    if (!m_refusedName.isEmpty() && name == m_refusedName)
        return; // keep the service's answer beside the field
    m_refusedName.clear();
    m_nameError->showMessage(m_nameTouched ? consumerNameProblem(name) : QString());
}

void RegisterConsumerDialog::updateState()
{
    if (!m_backend)
        m_errorLabel->showMessage(tr("The connection is closed."));
    const QString name = m_nameEdit->text();
    const bool nameOk = consumerNameProblem(name).isEmpty()
                     && (m_refusedName.isEmpty() || name != m_refusedName);
    m_registerButton->setEnabled(m_backend && !m_busy && !m_streamArn.isEmpty() && nameOk);
}

void RegisterConsumerDialog::submit()
{
    // Enter in the field comes here too: a name that does not pass is explained, not sent.
    if (!m_registerButton->isEnabled() || !m_backend) {
        m_nameTouched = true;
        validateName();
        return;
    }
    RegisterStreamConsumerRequest request;
    request.streamArn = m_streamArn;
    request.consumerName = m_nameEdit->text();
    m_busy = true;
    m_errorLabel->clearMessage();
    m_registerButton->setText(tr("Registering…"));
    updateState();
    onResult(this, m_backend->registerStreamConsumer(request), [this](BackendResult<Consumer> result) {
        m_busy = false;
        m_registerButton->setText(tr("&Register"));
        if (!result) {
            handleFailure(result.error());
            updateState();
            return;
        }
        updateState();
        emit consumerRegistered(*result);
        accept();
    });
}

void RegisterConsumerDialog::handleFailure(const Error &error)
{
    switch (error.type) {
    case ErrorType::ResourceInUse:
    case ErrorType::Validation:
        // About the name (taken, or refused by the service's own check): say so beside it.
        m_refusedName = m_nameEdit->text();
        m_nameError->showError(error);
        m_nameEdit->setFocus();
        m_nameEdit->selectAll();
        break;
    default:
        m_errorLabel->showError(error);
        break;
    }
}

} // namespace shardscope
