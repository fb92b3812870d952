#include "resourcepolicydialog.h"

#include "dialogcalls.h"
#include "dialogtext.h"
#include "kinesis/policydocument.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

bool hasPolicy(const std::optional<QString> &document)
{
    return document && PolicyDocument::summarize(*document).value_or(PolicyDocument::Summary{})
                               .statements
        > 0;
}

} // namespace

ResourcePolicyDialog::ResourcePolicyDialog(StreamBackend *backend, const QString &streamName,
                                           QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_streamName(streamName),
      m_currentLabel(new QLabel(tr("Loading…"), this)),
      m_editor(new QPlainTextEdit(this)),
      m_policyError(new InlineErrorLabel(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)),
      m_saveButton(m_buttons->button(QDialogButtonBox::Save)),
      m_deleteButton(m_buttons->addButton(tr("&Delete Policy"), QDialogButtonBox::DestructiveRole)),
      m_templateButton(m_buttons->addButton(tr("Insert &Template"), QDialogButtonBox::ActionRole))
{
    setObjectName(u"resourcePolicyDialog"_s);
    setWindowTitle(tr("Resource Policy — %1").arg(streamName));

    m_currentLabel->setObjectName(u"currentPolicyLabel"_s);
    m_currentLabel->setTextFormat(Qt::PlainText);
    m_currentLabel->setWordWrap(true);
    m_editor->setObjectName(u"policyEdit"_s);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(true);
    m_editor->setPlaceholderText(tr("No policy. Type one as JSON or insert the template."));
    m_editor->setMinimumHeight(260);
    m_editor->setEnabled(false);
    auto *policyLabel = new QLabel(tr("&Policy (JSON):"), this);
    policyLabel->setBuddy(m_editor);
    m_policyError->setObjectName(u"policyError"_s);
    m_deleteButton->setObjectName(u"deletePolicyButton"_s);
    m_deleteButton->setAutoDefault(false);
    m_templateButton->setObjectName(u"templateButton"_s);
    m_templateButton->setAutoDefault(false);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Current:"), m_currentLabel);
    form->addRow(policyLabel, DialogText::withMessage(m_editor, m_policyError));

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_saveButton, u"saveButton"_s);
    m_saveButton->setText(tr("&Save"));
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 720);

    connect(m_editor, &QPlainTextEdit::textChanged, this, &ResourcePolicyDialog::updateState);
    connect(m_templateButton, &QPushButton::clicked, this, &ResourcePolicyDialog::insertTemplate);
    connect(m_deleteButton, &QPushButton::clicked, this, &ResourcePolicyDialog::deletePolicy);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ResourcePolicyDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updateState();
    load();
}

ResourcePolicyDialog::~ResourcePolicyDialog() = default;

QString ResourcePolicyDialog::templatePolicy(const QString &streamArn)
{
    // arn:aws:kinesis:REGION:ACCOUNT:stream/NAME
    const QString account = streamArn.section(u':', 4, 4);
    return uR"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadThisStream",
      "Effect": "Allow",
      "Principal": {
        "AWS": "arn:aws:iam::%1:root"
      },
      "Action": [
        "kinesis:DescribeStreamSummary",
        "kinesis:ListShards",
        "kinesis:GetShardIterator",
        "kinesis:GetRecords"
      ],
      "Resource": "%2"
    }
  ]
}
)"_s.arg(account.isEmpty() ? u"123456789012"_s : account, streamArn);
}

QString ResourcePolicyDialog::problemWith(const QString &document)
{
    if (document.trimmed().isEmpty())
        return tr("Type a policy, or use Delete Policy to remove the current one.");
    const QByteArray utf8 = document.toUtf8();
    QJsonParseError parse;
    QJsonDocument::fromJson(utf8, &parse);
    if (parse.error != QJsonParseError::NoError) {
        const QString before = QString::fromUtf8(utf8.left(parse.offset));
        const int line = int(before.count(u'\n')) + 1;
        const int column = int(before.size() - before.lastIndexOf(u'\n'));
        return tr("Line %1, column %2: %3").arg(line).arg(column).arg(parse.errorString());
    }
    // The same rules the service applies; their wording is the service's (English).
    if (auto checked = PolicyDocument::check(document); !checked)
        return checked.error();
    return {};
}

void ResourcePolicyDialog::load()
{
    DialogCalls::loadSummary(this, m_backend, m_streamName, m_currentLabel, m_errorLabel,
                             tr("Unknown"), tr("The connection is closed."),
                             [this] { updateState(); },
                             [this](const StreamDescriptionSummary &summary) {
                                 m_streamArn = summary.streamArn;
                                 loadPolicy();
                             });
}

void ResourcePolicyDialog::loadPolicy()
{
    onResult(this, m_backend->getResourcePolicy(ResourcePolicyTarget{m_streamArn}),
             [this](BackendResult<GetResourcePolicyResponse> result) {
                 if (!result) {
                     m_currentLabel->setText(tr("Unknown"));
                     m_errorLabel->showError(result.error());
                     updateState();
                     return;
                 }
                 m_current = result->policy;
                 const auto summary = PolicyDocument::summarize(*m_current);
                 const int statements = summary ? summary->statements : 0;
                 m_currentLabel->setText(statements == 0 ? tr("None")
                                         : statements == 1
                                             ? tr("1 statement")
                                             : tr("%L1 statements").arg(statements));
                 // Shown as stored; an empty policy leaves the editor to the placeholder.
                 m_editor->setPlainText(hasPolicy(m_current) ? *m_current : QString());
                 m_editor->setEnabled(true);
                 m_editor->setFocus();
                 updateState();
             });
}

void ResourcePolicyDialog::updateState()
{
    const bool loaded = m_current.has_value();
    const QString text = m_editor->toPlainText();
    // A calm, empty editor needs no message until something is typed.
    const QString problem = loaded && !(text.isEmpty() && !hasPolicy(m_current))
        ? problemWith(text)
        : QString();
    m_policyError->showMessage(problem);
    const bool changed = loaded && text != (hasPolicy(m_current) ? *m_current : QString());
    m_saveButton->setText(m_busy ? tr("Saving…") : tr("&Save"));
    m_saveButton->setEnabled(m_backend && loaded && changed && !text.trimmed().isEmpty()
                             && problem.isEmpty() && !m_busy);
    m_deleteButton->setEnabled(m_backend && hasPolicy(m_current) && !m_busy);
    m_templateButton->setEnabled(loaded && !m_busy);
}

void ResourcePolicyDialog::insertTemplate()
{
    // Through the cursor, so that Undo brings back what was there.
    QTextCursor cursor = m_editor->textCursor();
    cursor.select(QTextCursor::Document);
    cursor.insertText(templatePolicy(m_streamArn));
    m_editor->setFocus();
}

void ResourcePolicyDialog::save()
{
    if (!m_saveButton->isEnabled() || !m_backend)
        return;
    const QString policy = m_editor->toPlainText();
    if (!problemWith(policy).isEmpty())
        return;
    DialogCalls::change(
        this, m_busy, m_errorLabel, [this] { updateState(); },
        [this, policy] {
            return m_backend->putResourcePolicy(PutResourcePolicyRequest{m_streamArn, policy});
        },
        [this, policy] {
            m_current = policy;
            updateState();
            emit resourcePolicyChanged(m_streamName, policy);
            accept();
        });
}

void ResourcePolicyDialog::deletePolicy()
{
    if (!m_deleteButton->isEnabled() || !m_backend)
        return;
    DialogCalls::change(
        this, m_busy, m_errorLabel, [this] { updateState(); },
        [this] { return m_backend->deleteResourcePolicy(ResourcePolicyTarget{m_streamArn}); },
        [this] {
            m_current = QString();
            updateState();
            emit resourcePolicyChanged(m_streamName, QString());
            accept();
        });
}

} // namespace shardscope
