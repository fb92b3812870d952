#include "addconnectiondialog.h"

#include "backend/awsbackend.h"
#include "backend/futureutils.h"
#include "connections/connectionstore.h"
#include "dialogcalls.h"
#include "dialogtext.h"
#include "inlineerrorlabel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QUuid>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr int kNamesShown = 5;

bool isLocalHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0 ||
        host.endsWith(u".localhost"_s, Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString profileKindText(AwsProfileKind kind)
{
    switch (kind) {
    case AwsProfileKind::StaticKeys:
        return AddConnectionDialog::tr("access keys in the shared files");
    case AwsProfileKind::AssumeRole:
        return AddConnectionDialog::tr("assumes a role through STS");
    case AwsProfileKind::Sso:
        return AddConnectionDialog::tr("IAM Identity Center (SSO); run “aws sso login” first");
    case AwsProfileKind::Process:
        return AddConnectionDialog::tr("credentials from an external process");
    case AwsProfileKind::None:
        break;
    }
    return AddConnectionDialog::tr("no credentials of its own (environment or instance)");
}

} // namespace

AddConnectionDialog::AddConnectionDialog(ConnectionStore *store, AwsConfig config,
                                         const QString &editId, QWidget *parent)
    : QDialog(parent),
      m_store(store),
      m_config(std::move(config)),
      m_editId(editId),
      m_nameEdit(new QLineEdit(this)),
      m_profileRadio(new QRadioButton(tr("&Profile"), this)),
      m_keysRadio(new QRadioButton(tr("Access &keys"), this)),
      m_endpointOnlyRadio(new QRadioButton(tr("&None (local endpoint)"), this)),
      m_profileCombo(new QComboBox(this)),
      m_profileHint(new QLabel(this)),
      m_keyIdLabel(new QLabel(tr("Access key &ID:"), this)),
      m_keyIdEdit(new QLineEdit(this)),
      m_secretLabel(new QLabel(tr("Secret &access key:"), this)),
      m_secretEdit(new QLineEdit(this)),
      m_tokenLabel(new QLabel(tr("Session to&ken:"), this)),
      m_tokenEdit(new QLineEdit(this)),
      m_regionCombo(new QComboBox(this)),
      m_endpointEdit(new QLineEdit(this)),
      m_endpointError(new InlineErrorLabel(this)),
      m_caFileEdit(new QLineEdit(this)),
      m_caBrowseButton(new QPushButton(tr("&Browse…"), this)),
      m_caFileError(new InlineErrorLabel(this)),
      m_readOnlyCheck(new QCheckBox(tr("&Read-only"), this)),
      m_testButton(new QPushButton(tr("&Test"), this)),
      m_testResult(new QLabel(this)),
      m_testError(new InlineErrorLabel(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)),
      m_saveButton(m_buttons->button(QDialogButtonBox::Save))
{
    setObjectName(u"addConnectionDialog"_s);
    if (isEditing() && m_store)
        m_original = m_store->connection(m_editId);
    setWindowTitle(isEditing() ? tr("Edit AWS Connection — %1")
                                     .arg(m_original ? m_original->displayName : m_editId)
                               : tr("Add AWS Connection"));

    m_nameEdit->setObjectName(u"connectionNameEdit"_s);
    m_nameEdit->setPlaceholderText(tr("e.g. Production (eu-west-1)"));
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_nameEdit);

    m_profileRadio->setObjectName(u"profileRadio"_s);
    m_profileRadio->setToolTip(tr("Use a profile of ~/.aws/config and ~/.aws/credentials, "
                                  "as the AWS CLI does (keys, SSO, assumed roles, processes)."));
    m_keysRadio->setObjectName(u"keysRadio"_s);
    m_keysRadio->setToolTip(tr("Type an access key; the secret is kept in the system keychain, "
                               "never in Shardscope's settings."));
    m_endpointOnlyRadio->setObjectName(u"endpointOnlyRadio"_s);
    m_endpointOnlyRadio->setToolTip(tr("For kinesalite, LocalStack or another Shardscope that "
                                       "does not check signatures."));
    auto *kindGroup = new QButtonGroup(this);
    kindGroup->addButton(m_profileRadio);
    kindGroup->addButton(m_keysRadio);
    kindGroup->addButton(m_endpointOnlyRadio);
    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_profileRadio);
    kindRow->addWidget(m_keysRadio);
    kindRow->addWidget(m_endpointOnlyRadio);
    kindRow->addStretch(1);

    m_profileCombo->setObjectName(u"profileCombo"_s);
    m_profileHint->setObjectName(u"profileHint"_s);
    m_profileHint->setTextFormat(Qt::PlainText);
    m_profileHint->setWordWrap(true);
    m_profileHint->setForegroundRole(QPalette::PlaceholderText);
    m_profileLabel = new QLabel(tr("Pro&file:"), this);
    m_profileLabel->setBuddy(m_profileCombo);
    auto *profileBox = new QVBoxLayout;
    profileBox->setContentsMargins(0, 0, 0, 0);
    profileBox->setSpacing(2);
    profileBox->addWidget(m_profileCombo);
    profileBox->addWidget(m_profileHint);

    m_keyIdEdit->setObjectName(u"accessKeyIdEdit"_s);
    m_keyIdEdit->setPlaceholderText(tr("AKIA…"));
    m_keyIdLabel->setBuddy(m_keyIdEdit);
    m_secretEdit->setObjectName(u"secretKeyEdit"_s);
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_secretEdit->setPlaceholderText(
        isEditing() && m_original && m_original->kind == ConnectionKind::AccessKeys
            ? tr("Unchanged (kept in the system keychain)")
            : tr("Kept in the system keychain"));
    m_secretLabel->setBuddy(m_secretEdit);
    m_tokenEdit->setObjectName(u"sessionTokenEdit"_s);
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setPlaceholderText(tr("Optional, for temporary keys"));
    m_tokenLabel->setBuddy(m_tokenEdit);

    m_regionCombo->setObjectName(u"regionCombo"_s);
    m_regionCombo->setEditable(true);
    m_regionCombo->setInsertPolicy(QComboBox::NoInsert);
    m_regionCombo->addItems(commonRegions());
    m_regionCombo->setCurrentText(u"us-east-1"_s);
    auto *regionLabel = new QLabel(tr("Re&gion:"), this);
    regionLabel->setBuddy(m_regionCombo);

    m_endpointEdit->setObjectName(u"endpointEdit"_s);
    m_endpointEdit->setClearButtonEnabled(true);
    m_endpointError->setObjectName(u"endpointError"_s);
    auto *endpointLabel = new QLabel(tr("&Endpoint URL:"), this);
    endpointLabel->setBuddy(m_endpointEdit);

    m_caFileEdit->setObjectName(u"caFileEdit"_s);
    m_caFileEdit->setPlaceholderText(tr("Optional PEM file of extra certificate authorities"));
    m_caFileEdit->setClearButtonEnabled(true);
    m_caBrowseButton->setObjectName(u"caBrowseButton"_s);
    m_caFileError->setObjectName(u"caFileError"_s);
    auto *caLabel = new QLabel(tr("&CA bundle:"), this);
    caLabel->setBuddy(m_caFileEdit);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFileEdit, 1);
    caRow->addWidget(m_caBrowseButton);

    m_readOnlyCheck->setObjectName(u"readOnlyCheck"_s);
    m_readOnlyCheck->setChecked(true);
    auto *readOnlyHint = new QLabel(
        tr("Shardscope refuses every change on a read-only connection — creating, deleting, "
           "resharding, settings, putting and replaying records — so browsing a live account "
           "cannot alter it. Switch it off only where you mean to write."),
        this);
    readOnlyHint->setObjectName(u"readOnlyHint"_s);
    readOnlyHint->setWordWrap(true);
    readOnlyHint->setForegroundRole(QPalette::PlaceholderText);
    auto *readOnlyBox = new QVBoxLayout;
    readOnlyBox->setContentsMargins(0, 0, 0, 0);
    readOnlyBox->setSpacing(2);
    readOnlyBox->addWidget(m_readOnlyCheck);
    readOnlyBox->addWidget(readOnlyHint);

    m_testButton->setObjectName(u"testButton"_s);
    m_testButton->setToolTip(tr("List the streams with these settings (ListStreams)"));
    m_testResult->setObjectName(u"testResultLabel"_s);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testError->setObjectName(u"testErrorLabel"_s);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    auto *testText = new QVBoxLayout;
    testText->setContentsMargins(0, 0, 0, 0);
    testText->addWidget(m_testResult);
    testText->addWidget(m_testError);
    testRow->addLayout(testText, 1);

    auto *form = m_form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(nameLabel, m_nameEdit);
    form->addRow(tr("Credentials:"), kindRow);
    form->addRow(m_profileLabel, profileBox);
    form->addRow(m_keyIdLabel, m_keyIdEdit);
    form->addRow(m_secretLabel, m_secretEdit);
    form->addRow(m_tokenLabel, m_tokenEdit);
    form->addRow(regionLabel, m_regionCombo);
    form->addRow(endpointLabel, DialogText::withMessage(m_endpointEdit, m_endpointError));
    form->addRow(caLabel, DialogText::withMessage(caRow, m_caFileError));
    form->addRow(QString(), readOnlyBox);
    form->addRow(QString(), testRow);

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_saveButton, u"saveButton"_s);
    m_saveButton->setText(isEditing() ? tr("&Save") : tr("&Add"));
    if (isEditing()) {
        m_removeButton = m_buttons->addButton(tr("Re&move…"), QDialogButtonBox::DestructiveRole);
        m_removeButton->setObjectName(u"removeButton"_s);
        connect(m_removeButton, &QPushButton::clicked, this, &AddConnectionDialog::confirmRemove);
    }
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 560);

    loadProfiles();
    if (m_original)
        load(*m_original);
    else if (m_profileCombo->count() > 0 && m_profileCombo->isEnabled())
        m_profileRadio->setChecked(true);
    else
        m_keysRadio->setChecked(true);
    if (!m_original)
        onProfileChanged();

    connect(m_nameEdit, &QLineEdit::textEdited, this, [this] { m_nameTouched = true; });
    connect(kindGroup, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (on) {
            onProfileChanged();
            updateState();
        }
    });
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, [this] {
        onProfileChanged();
        updateState();
    });
    connect(m_regionCombo, &QComboBox::currentTextChanged, this, [this] {
        updateAutoName();
        updateState();
    });
    connect(m_regionCombo->lineEdit(), &QLineEdit::textEdited, this, [this] { m_regionTouched = true; });
    connect(m_regionCombo, &QComboBox::activated, this, [this] { m_regionTouched = true; });
    for (QLineEdit *edit : {m_nameEdit, m_keyIdEdit, m_secretEdit, m_tokenEdit, m_endpointEdit, m_caFileEdit})
        connect(edit, &QLineEdit::textChanged, this, &AddConnectionDialog::updateState);
    connect(m_keyIdEdit, &QLineEdit::textChanged, this, &AddConnectionDialog::updateAutoName);
    connect(m_endpointEdit, &QLineEdit::textChanged, this, &AddConnectionDialog::updateAutoName);
    connect(m_caBrowseButton, &QPushButton::clicked, this, &AddConnectionDialog::browseCaFile);
    connect(m_testButton, &QPushButton::clicked, this, &AddConnectionDialog::test);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddConnectionDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_nameEdit->setFocus();
    updateAutoName();
    updateState();
}

AddConnectionDialog::~AddConnectionDialog() = default;

QStringList AddConnectionDialog::commonRegions()
{
    return {u"us-east-1"_s,      u"us-east-2"_s,      u"us-west-1"_s,      u"us-west-2"_s,
            u"ca-central-1"_s,   u"eu-west-1"_s,      u"eu-west-2"_s,      u"eu-west-3"_s,
            u"eu-central-1"_s,   u"eu-central-2"_s,   u"eu-north-1"_s,     u"eu-south-1"_s,
            u"ap-northeast-1"_s, u"ap-northeast-2"_s, u"ap-south-1"_s,     u"ap-southeast-1"_s,
            u"ap-southeast-2"_s, u"sa-east-1"_s,      u"me-central-1"_s,   u"af-south-1"_s,
            u"cn-north-1"_s,     u"us-gov-west-1"_s};
}

QString AddConnectionDialog::endpointProblem(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"https"_s && url.scheme() != u"http"_s))
        return tr("Enter a URL such as https://kinesis.eu-west-1.amazonaws.com or "
                  "http://localhost:4567.");
    if (url.scheme() == u"http"_s && !isLocalHost(url.host()))
        return tr("Use https:// for %1; plain http:// is only allowed for localhost, where "
                  "nothing crosses the network.")
            .arg(url.host());
    if (url.hasQuery() || url.hasFragment())
        return tr("The endpoint URL takes no query or fragment.");
    return {};
}

void AddConnectionDialog::loadProfiles()
{
    const QList<AwsProfileInfo> profiles = m_config.profiles();
    for (const AwsProfileInfo &profile : profiles) {
        const QString text = profile.region.isEmpty() ? profile.name
                                                      : tr("%1 (%2)").arg(profile.name, profile.region);
        m_profileCombo->addItem(text, profile.name);
        m_profileCombo->setItemData(m_profileCombo->count() - 1, int(profile.kind), Qt::UserRole + 1);
        m_profileCombo->setItemData(m_profileCombo->count() - 1, profile.region, Qt::UserRole + 2);
    }
    if (profiles.isEmpty()) {
        m_profileCombo->addItem(tr("No profiles in %1").arg(m_config.configFilePath().isEmpty()
                                                                ? u"~/.aws/config"_s
                                                                : m_config.configFilePath()));
        m_profileCombo->setEnabled(false);
        m_profileRadio->setEnabled(false);
    }
}

void AddConnectionDialog::load(const SavedConnection &saved)
{
    m_nameEdit->setText(saved.displayName);
    m_nameTouched = true;
    switch (saved.kind) {
    case ConnectionKind::Profile:
        m_profileRadio->setEnabled(true);
        m_profileRadio->setChecked(true);
        break;
    case ConnectionKind::AccessKeys:
        m_keysRadio->setChecked(true);
        break;
    case ConnectionKind::EndpointOnly:
        m_endpointOnlyRadio->setChecked(true);
        break;
    }
    if (saved.kind == ConnectionKind::Profile) {
        int index = m_profileCombo->findData(saved.profile);
        if (index < 0) {
            // The profile is gone from the files; keep it selectable so the form says so.
            if (!m_profileCombo->isEnabled()) {
                m_profileCombo->clear();
                m_profileCombo->setEnabled(true);
            }
            m_profileCombo->addItem(tr("%1 (not in the shared files)").arg(saved.profile), saved.profile);
            index = m_profileCombo->count() - 1;
        }
        m_profileCombo->setCurrentIndex(index);
    }
    m_keyIdEdit->setText(saved.accessKeyId);
    m_regionTouched = !saved.region.isEmpty();
    m_regionCombo->setCurrentText(saved.region.isEmpty() ? u"us-east-1"_s : saved.region);
    m_endpointEdit->setText(saved.endpoint.toString());
    m_caFileEdit->setText(saved.caCertificateFile);
    m_readOnlyCheck->setChecked(saved.readOnly);
    onProfileChanged();
}

ConnectionKind AddConnectionDialog::kind() const
{
    if (m_keysRadio->isChecked())
        return ConnectionKind::AccessKeys;
    if (m_endpointOnlyRadio->isChecked())
        return ConnectionKind::EndpointOnly;
    return ConnectionKind::Profile;
}

bool AddConnectionDialog::keepsStoredSecret() const
{
    return m_original && m_original->kind == ConnectionKind::AccessKeys &&
           kind() == ConnectionKind::AccessKeys && m_secretEdit->text().isEmpty();
}

void AddConnectionDialog::onProfileChanged()
{
    const ConnectionKind current = kind();
    const bool profile = current == ConnectionKind::Profile;
    const bool keys = current == ConnectionKind::AccessKeys;
    m_form->setRowVisible(m_profileLabel, profile);
    for (QLabel *label : {m_keyIdLabel, m_secretLabel, m_tokenLabel})
        m_form->setRowVisible(label, keys);
    m_endpointEdit->setPlaceholderText(
        current == ConnectionKind::EndpointOnly
            ? tr("Required, e.g. http://localhost:4567")
            : profile ? tr("Optional; the profile's endpoint_url, else AWS's for the region")
                      : tr("Optional; AWS's endpoint for the region"));
    if (profile && m_profileCombo->isEnabled()) {
        const auto profileKind = AwsProfileKind(m_profileCombo->currentData(Qt::UserRole + 1).toInt());
        const QString region = m_profileCombo->currentData(Qt::UserRole + 2).toString();
        m_profileHint->setText(m_profileCombo->currentData().isValid() &&
                                       m_profileCombo->currentData(Qt::UserRole + 1).isValid()
                                   ? profileKindText(profileKind)
                                   : tr("This profile is not in the AWS shared files any more."));
        if (!region.isEmpty() && !m_regionTouched)
            m_regionCombo->setCurrentText(region);
    }
    updateAutoName();
}

void AddConnectionDialog::updateAutoName()
{
    if (m_nameTouched)
        return;
    QString name;
    const QString region = m_regionCombo->currentText().trimmed();
    switch (kind()) {
    case ConnectionKind::Profile:
        if (m_profileCombo->isEnabled())
            name = tr("AWS %1 (%2)").arg(m_profileCombo->currentData().toString(), region);
        break;
    case ConnectionKind::AccessKeys:
        name = tr("AWS %1 (%2)").arg(m_keyIdEdit->text().trimmed().left(8), region);
        break;
    case ConnectionKind::EndpointOnly: {
        const QUrl url(m_endpointEdit->text().trimmed());
        name = url.host().isEmpty() ? QString() : url.authority();
        break;
    }
    }
    const QSignalBlocker blocker(m_nameEdit);
    m_nameEdit->setText(name.simplified());
}

QString AddConnectionDialog::formProblem(bool forSave) const
{
    if (forSave && m_nameEdit->text().trimmed().isEmpty())
        return tr("Enter a name for the connection.");
    switch (kind()) {
    case ConnectionKind::Profile:
        if (!m_profileCombo->isEnabled() || m_profileCombo->currentData().toString().isEmpty())
            return tr("Pick a profile.");
        break;
    case ConnectionKind::AccessKeys:
        if (m_keyIdEdit->text().trimmed().isEmpty())
            return tr("Enter the access key ID.");
        if (m_secretEdit->text().isEmpty() && !keepsStoredSecret())
            return tr("Enter the secret access key.");
        break;
    case ConnectionKind::EndpointOnly:
        if (m_endpointEdit->text().trimmed().isEmpty())
            return tr("Enter the endpoint URL of the local service.");
        break;
    }
    static const QRegularExpression regionPattern(u"^[a-z]{2}(-[a-z]+)+-\\d+$"_s);
    if (!regionPattern.match(m_regionCombo->currentText().trimmed()).hasMatch())
        return tr("Enter a region such as eu-west-1.");
    if (!endpointProblem(m_endpointEdit->text()).isEmpty())
        return endpointProblem(m_endpointEdit->text());
    const QString ca = m_caFileEdit->text().trimmed();
    if (!ca.isEmpty() && !QFileInfo(ca).isReadable())
        return tr("%1 cannot be read.").arg(ca);
    return {};
}

void AddConnectionDialog::updateState()
{
    m_endpointError->showMessage(endpointProblem(m_endpointEdit->text()));
    const QString ca = m_caFileEdit->text().trimmed();
    m_caFileError->showMessage(!ca.isEmpty() && !QFileInfo(ca).isReadable()
                                   ? tr("%1 cannot be read.").arg(ca)
                                   : QString());
    if (!m_store)
        m_errorLabel->showMessage(tr("The connection list is closed."));
    const bool testable = formProblem(false).isEmpty();
    m_testButton->setEnabled(testable && !m_busy);
    m_testButton->setToolTip(testable ? tr("List the streams with these settings (ListStreams)")
                                      : formProblem(false));
    const QString problem = formProblem(true);
    m_saveButton->setEnabled(m_store && !m_busy && problem.isEmpty());
    m_saveButton->setToolTip(problem);
}

SavedConnection AddConnectionDialog::formConnection() const
{
    SavedConnection saved = m_original.value_or(SavedConnection{});
    saved.id = m_editId;
    saved.displayName = m_nameEdit->text().trimmed();
    saved.kind = kind();
    saved.profile = saved.kind == ConnectionKind::Profile ? m_profileCombo->currentData().toString() : QString();
    saved.accessKeyId = saved.kind == ConnectionKind::AccessKeys ? m_keyIdEdit->text().trimmed() : QString();
    saved.region = m_regionCombo->currentText().trimmed();
    const QString endpoint = m_endpointEdit->text().trimmed();
    saved.endpoint = endpoint.isEmpty() ? QUrl() : QUrl(endpoint);
    saved.readOnly = m_readOnlyCheck->isChecked();
    saved.caCertificateFile = m_caFileEdit->text().trimmed();
    return saved;
}

void AddConnectionDialog::test()
{
    if (!formProblem(false).isEmpty())
        return;
    const quint64 generation = ++m_testGeneration;
    m_testing = true;
    m_testError->clearMessage();
    m_testResult->setText(tr("Listing streams…"));
    m_testResult->show();
    if (keepsStoredSecret() && m_store && m_store->secrets()) {
        onResult(this, m_store->secrets()->read(m_editId), [this, generation](const SecretResult &result) {
            if (generation != m_testGeneration)
                return;
            if (!result) {
                showTestError(result.error());
                return;
            }
            runTest(*result, generation);
        });
        return;
    }
    runTest(ConnectionSecret{m_secretEdit->text(), m_tokenEdit->text()}, generation);
}

void AddConnectionDialog::runTest(const ConnectionSecret &secret, quint64 generation)
{
    SavedConnection saved = formConnection();
    saved.displayName = saved.displayName.isEmpty() ? tr("Test") : saved.displayName;
    saved.readOnly = true; // a test only reads
    // Replacing the backend aborts an older test; its answer is dropped by the generation.
    m_testBackend = ConnectionStore::createBackend(saved, secret, m_config);
    onResult(this, m_testBackend->listStreams({}),
             [this, generation, region = saved.region](const BackendResult<ListStreamsResponse> &result) {
                 if (generation != m_testGeneration)
                     return;
                 m_testing = false;
                 if (!result) {
                     showTestError(result.error());
                     return;
                 }
                 const QStringList names = result->streamNames;
                 const bool more = result->hasMoreStreams;
                 QStringList shown = names.mid(0, kNamesShown);
                 QString list = shown.join(u", "_s);
                 if (more || names.size() > kNamesShown)
                     list += u'…';
                 QString text;
                 if (names.isEmpty())
                     text = tr("Connected: no streams in %1.").arg(region);
                 else if (more)
                     text = tr("%1+ streams: %2").arg(QLocale().toString(names.size()), list);
                 else if (names.size() == 1)
                     text = tr("1 stream: %1").arg(list);
                 else
                     text = tr("%1 streams: %2").arg(QLocale().toString(names.size()), list);
                 m_testError->clearMessage();
                 m_testResult->setText(u"✓ "_s + text);
                 m_testResult->show();
             });
}

void AddConnectionDialog::showTestError(const Error &error)
{
    m_testing = false;
    m_testResult->clear();
    m_testResult->hide();
    m_testError->showError(error);
}

void AddConnectionDialog::save()
{
    if (!m_saveButton->isEnabled() || !m_store)
        return;
    SavedConnection saved = formConnection();
    if (saved.id.isEmpty())
        saved.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_errorLabel->clearMessage();
    const bool writeSecret = saved.kind == ConnectionKind::AccessKeys && !keepsStoredSecret();
    if (!writeSecret || !m_store->secrets()) {
        if (writeSecret) {
            m_errorLabel->showMessage(tr("No keychain is available to keep the secret in."));
            return;
        }
        finishSave(saved);
        return;
    }
    m_busy = true;
    updateState();
    onResult(this, m_store->secrets()->write(saved.id, ConnectionSecret{m_secretEdit->text(), m_tokenEdit->text()}),
             [this, saved](const SecretWriteResult &result) {
                 m_busy = false;
                 if (!result) {
                     m_errorLabel->showError(result.error());
                     updateState();
                     return;
                 }
                 finishSave(saved);
             });
}

void AddConnectionDialog::finishSave(const SavedConnection &connection)
{
    if (!m_store)
        return;
    const bool added = !isEditing();
    QString id = connection.id;
    if (added) {
        id = m_store->add(connection);
    } else {
        m_store->update(connection);
        // Keys no longer typed have no business in the keychain.
        if (m_original && m_original->kind == ConnectionKind::AccessKeys &&
            connection.kind != ConnectionKind::AccessKeys && m_store->secrets())
            (void)m_store->secrets()->remove(id);
    }
    emit connectionSaved(id, added);
    accept();
}

void AddConnectionDialog::confirmRemove()
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove Connection"),
                                tr("Remove the connection “%1”?").arg(m_nameEdit->text()),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"removeConfirmation"_s);
    box->setInformativeText(tr("Its streams stay where they are; Shardscope forgets the "
                               "connection and deletes its secret from the system keychain."));
    QPushButton *confirm = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    confirm->setObjectName(u"confirmRemoveButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm](QAbstractButton *button) {
        if (button == confirm)
            remove();
    });
    box->open();
}

void AddConnectionDialog::remove()
{
    if (!m_store)
        return;
    m_busy = true;
    updateState();
    const QString id = m_editId;
    onResult(this, m_store->remove(id), [this, id](const SecretWriteResult &result) {
        m_busy = false;
        emit connectionRemoved(id);
        if (!result) {
            // The connection is gone; say that its secret is not.
            m_errorLabel->showError(result.error());
            updateState();
            m_saveButton->setEnabled(false);
            return;
        }
        accept();
    });
}

void AddConnectionDialog::browseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("CA Bundle"), m_caFileEdit->text(),
                                                      tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caFileEdit->setText(file);
}

} // namespace shardscope
