#include "registerconsumerdialog.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "dialogs/dialogcalls.h"
#include "dialogs/dialogtext.h"
#include "dialogs/inlineerrorlabel.h"
#include "kinesis/limits.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

// ConsumerName's pattern in the API model: [a-zA-Z0-9_.-]+
bool isNameCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'_' || c == u'.' || c == u'-';
}

} // namespace

RegisterConsumerDialog::RegisterConsumerDialog(StreamBackend *backend, const QString &streamArn,
                                               const QStringList &existingNames, QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_streamArn(streamArn),
      m_existingNames(existingNames),
      m_nameEdit(new QLineEdit(this)),
      m_nameError(new InlineErrorLabel(this)),
      m_progress(new QLabel(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_registerButton(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(u"registerConsumerDialog"_s);
    setWindowTitle(tr("Register Consumer"));

    auto *intro = new QLabel(
        tr("An enhanced fan-out consumer gets every shard's records pushed to it, with its own "
           "2 MiB/s per shard, instead of sharing the GetRecords quota with the stream's other "
           "readers."),
        this);
    intro->setWordWrap(true);
    m_nameEdit->setObjectName(u"consumerNameEdit"_s);
    m_nameEdit->setPlaceholderText(tr("e.g. shardscope-tail"));
    m_nameEdit->setMaxLength(KinesisLimits::kMaxNameLength + 1); // so too long is said, not cut
    m_nameError->setObjectName(u"consumerNameError"_s);
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_nameEdit);
    m_progress->setObjectName(u"registerProgress"_s);
    m_progress->setWordWrap(true);
    m_progress->setTextFormat(Qt::PlainText);
    m_progress->hide();

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(intro);
    form->addRow(nameLabel, DialogText::withMessage(m_nameEdit, m_nameError));
    form->addRow(m_progress);

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_registerButton, u"registerConsumerButton"_s);
    m_registerButton->setText(tr("&Register"));
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 440);

    m_poll.setInterval(500);
    m_poll.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &RegisterConsumerDialog::checkActive);
    connect(m_nameEdit, &QLineEdit::textEdited, this, [this] { m_touched = true; });
    connect(m_nameEdit, &QLineEdit::textChanged, this, &RegisterConsumerDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RegisterConsumerDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_nameEdit->setFocus();
    updateState();
}

RegisterConsumerDialog::~RegisterConsumerDialog() = default;

QString RegisterConsumerDialog::nameProblem(const QString &name, const QStringList &existingNames)
{
    if (name.isEmpty())
        return tr("Enter a name for the consumer.");
    QStringList refused;
    for (const QChar c : name) {
        if (isNameCharacter(c))
            continue;
        const QString shown = c == u' ' ? tr("a space") : tr("“%1”").arg(c);
        if (!refused.contains(shown))
            refused.append(shown);
    }
    QStringList problems;
    if (!refused.isEmpty()) {
        const QString list = QLocale().createSeparatedList(refused);
        problems.append(refused.size() == 1
                            ? tr("The name contains %1, which is not allowed.").arg(list)
                            : tr("The name contains %1, which are not allowed.").arg(list));
        problems.append(tr("Use letters A–Z and a–z, digits, “_”, “.” and “-”."));
    }
    if (name.size() > KinesisLimits::kMaxNameLength)
        problems.append(tr("The name is %L1 characters long; at most %L2 are allowed.")
                            .arg(name.size())
                            .arg(KinesisLimits::kMaxNameLength));
    if (problems.isEmpty() && existingNames.contains(name))
        problems.append(tr("This stream has a consumer named %1 already.").arg(name));
    return problems.join(u' ');
}

void RegisterConsumerDialog::updateState()
{
    const QString problem = nameProblem(m_nameEdit->text(), m_existingNames);
    // An empty name is only worth a message once the user has typed and cleared it.
    if (!m_touched && m_nameEdit->text().isEmpty())
        m_nameError->clearMessage();
    else if (!m_busy)
        m_nameError->showMessage(problem);
    if (!m_backend)
        m_errorLabel->showMessage(tr("The connection is closed."));
    m_nameEdit->setEnabled(!m_busy);
    m_registerButton->setEnabled(m_backend && !m_busy && problem.isEmpty());
}

void RegisterConsumerDialog::submit()
{
    if (!m_registerButton->isEnabled() || !m_backend)
        return;
    const QString name = m_nameEdit->text();
    m_busy = true;
    m_errorLabel->clearMessage();
    m_registerButton->setText(tr("Registering…"));
    updateState();
    RegisterStreamConsumerRequest request;
    request.streamArn = m_streamArn;
    request.consumerName = name;
    onResult(this, m_backend->registerStreamConsumer(request), [this, name](BackendResult<Consumer> result) {
        if (!result) {
            m_busy = false;
            m_registerButton->setText(tr("&Register"));
            if (result.error().type == ErrorType::ResourceInUse) {
                m_existingNames.append(name);
                updateState();
                m_nameError->showError(result.error());
            } else if (result.error().type == ErrorType::Validation ||
                       result.error().type == ErrorType::InvalidArgument) {
                updateState();
                m_nameError->showError(result.error());
            } else {
                updateState();
                m_errorLabel->showError(result.error());
            }
            return;
        }
        m_consumerArn = result->consumerArn;
        m_registerButton->setText(tr("Waiting…"));
        m_progress->setText(tr("Registered %1. Waiting until it is ACTIVE (it is %2)…")
                                .arg(name, toWire(result->consumerStatus)));
        m_progress->show();
        if (result->consumerStatus == ConsumerStatus::Active) {
            emit consumerReady(*result);
            accept();
            return;
        }
        m_poll.start();
    });
}

void RegisterConsumerDialog::checkActive()
{
    if (!m_backend) {
        m_errorLabel->showMessage(tr("The connection is closed."));
        return;
    }
    onResult(this, m_backend->describeStreamConsumer(ConsumerTarget::byArn(m_consumerArn)),
             [this](BackendResult<ConsumerDescription> result) {
                 if (!result) {
                     // The consumer exists; a failed look is worth another one.
                     m_errorLabel->showError(result.error());
                     m_poll.start(std::max(m_poll.interval(), 2000));
                     return;
                 }
                 m_errorLabel->clearMessage();
                 if (result->consumerStatus != ConsumerStatus::Active) {
                     m_progress->setText(tr("Registered %1. Waiting until it is ACTIVE (it is %2)…")
                                             .arg(result->consumerName, toWire(result->consumerStatus)));
                     m_poll.start();
                     return;
                 }
                 emit consumerReady(Consumer{result->consumerName, result->consumerArn,
                                             result->consumerStatus, result->consumerCreationTimestamp});
                 accept();
             });
}

} // namespace shardscope
