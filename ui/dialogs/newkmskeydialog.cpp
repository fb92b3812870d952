#include "newkmskeydialog.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "dialogcalls.h"
#include "dialogtext.h"
#include "inlineerrorlabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kMaxAliasNameLength = 250; // after "alias/"
const QString kAliasPrefix = u"alias/"_s;

bool isAliasCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || c == u'/' || c == u'_' || c == u'-';
}

} // namespace

NewKmsKeyDialog::NewKmsKeyDialog(StreamBackend *backend, const QStringList &existingAliases,
                                 QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_existingAliases(existingAliases),
      m_aliasEdit(new QLineEdit(this)),
      m_aliasError(new InlineErrorLabel(this)),
      m_descriptionEdit(new QLineEdit(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_createButton(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(u"newKmsKeyDialog"_s);
    setWindowTitle(tr("New KMS Key"));

    m_aliasEdit->setObjectName(u"aliasNameEdit"_s);
    m_aliasEdit->setPlaceholderText(tr("e.g. orders-stream"));
    m_aliasError->setObjectName(u"aliasNameError"_s);
    auto *aliasLabel = new QLabel(tr("&Alias:"), this);
    aliasLabel->setBuddy(m_aliasEdit);
    auto *prefix = new QLabel(kAliasPrefix, this);
    prefix->setTextFormat(Qt::PlainText);
    auto *aliasRow = new QHBoxLayout;
    aliasRow->setSpacing(0);
    aliasRow->addWidget(prefix);
    aliasRow->addWidget(m_aliasEdit, 1);

    m_descriptionEdit->setObjectName(u"descriptionEdit"_s);
    m_descriptionEdit->setPlaceholderText(tr("Optional"));
    m_descriptionEdit->setMaxLength(8192); // what KMS accepts
    auto *descriptionLabel = new QLabel(tr("&Description:"), this);
    descriptionLabel->setBuddy(m_descriptionEdit);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(aliasLabel, DialogText::withMessage(aliasRow, m_aliasError));
    form->addRow(descriptionLabel, m_descriptionEdit);

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_createButton, u"createKeyButton"_s);
    m_createButton->setText(tr("&Create Key"));
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 420);

    connect(m_aliasEdit, &QLineEdit::textEdited, this, [this] { m_touched = true; });
    connect(m_aliasEdit, &QLineEdit::textChanged, this, &NewKmsKeyDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewKmsKeyDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_aliasEdit->setFocus();
    updateState();
}

NewKmsKeyDialog::~NewKmsKeyDialog() = default;

QString NewKmsKeyDialog::aliasNameProblem(const QString &name, const QStringList &existingAliases)
{
    if (name.isEmpty())
        return tr("Enter a name for the alias.");
    QStringList refused;
    for (const QChar c : name) {
        if (isAliasCharacter(c))
            continue;
        const QString shown = c == u' ' ? tr("a space") : tr("“%1”").arg(c);
        if (!refused.contains(shown))
            refused.append(shown);
    }
    QStringList problems;
    if (!refused.isEmpty()) {
        const QString list = QLocale().createSeparatedList(refused);
        problems.append(refused.size() == 1
                            ? tr("The alias contains %1, which is not allowed.").arg(list)
                            : tr("The alias contains %1, which are not allowed.").arg(list));
        problems.append(tr("Use letters A–Z and a–z, digits, “/”, “_” and “-”."));
    }
    if (name.size() > kMaxAliasNameLength)
        problems.append(tr("The alias is %L1 characters long; at most %L2 are allowed.")
                            .arg(name.size())
                            .arg(kMaxAliasNameLength));
    if (name.startsWith(u"aws/"_s))
        problems.append(tr("Aliases starting with alias/aws/ are reserved for AWS managed keys."));
    if (problems.isEmpty() && existingAliases.contains(kAliasPrefix + name))
        problems.append(tr("The alias %1 exists already.").arg(kAliasPrefix + name));
    return problems.join(u' ');
}

void NewKmsKeyDialog::updateState()
{
    const QString problem = aliasNameProblem(m_aliasEdit->text(), m_existingAliases);
    // An empty alias is only worth a message once the user has typed and cleared it.
    if (!m_touched && m_aliasEdit->text().isEmpty())
        m_aliasError->clearMessage();
    else if (!m_busy)
        m_aliasError->showMessage(problem);
    if (!m_backend)
        m_errorLabel->showMessage(tr("The connection is closed."));
    m_createButton->setEnabled(m_backend && !m_busy && problem.isEmpty());
}

void NewKmsKeyDialog::submit()
{
    if (!m_createButton->isEnabled() || !m_backend)
        return;
    const QString alias = kAliasPrefix + m_aliasEdit->text();
    m_busy = true;
    m_errorLabel->clearMessage();
    m_createButton->setText(tr("Creating…"));
    updateState();
    onResult(this, m_backend->createKmsKey(m_descriptionEdit->text(), alias),
             [this, alias](BackendResult<KmsKeyInfo> result) {
                 m_busy = false;
                 m_createButton->setText(tr("&Create Key"));
                 if (!result) {
                     if (result.error().type == ErrorType::ResourceInUse) {
                         m_existingAliases.append(alias);
                         updateState();
                         m_aliasError->showError(result.error());
                     } else {
                         updateState();
                         m_errorLabel->showError(result.error());
                     }
                     return;
                 }
                 updateState();
                 emit keyCreated(result->key.keyId, alias);
                 accept();
             });
}

} // namespace shardscope
