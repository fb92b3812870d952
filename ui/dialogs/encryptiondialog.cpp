#include "encryptiondialog.h"

#include "dialogcalls.h"
#include "dialogtext.h"
#include "newkmskeydialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

// Aliases first (the AWS managed key on top), then keys by alias, then keys without one.
bool keyOrder(const KmsKeyInfo &a, const KmsKeyInfo &b)
{
    if (a.key.awsManaged != b.key.awsManaged)
        return a.key.awsManaged;
    if (a.aliases.isEmpty() != b.aliases.isEmpty())
        return !a.aliases.isEmpty();
    if (!a.aliases.isEmpty())
        return a.aliases.first() < b.aliases.first();
    if (a.key.creationDateMs != b.key.creationDateMs)
        return a.key.creationDateMs < b.key.creationDateMs;
    return a.key.keyId < b.key.keyId;
}

} // namespace

EncryptionDialog::EncryptionDialog(StreamBackend *backend, const QString &streamName,
                                   QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_streamName(streamName),
      m_currentLabel(new QLabel(tr("Loading…"), this)),
      m_keyCombo(new QComboBox(this)),
      m_keyModel(new QStandardItemModel(this)),
      m_newKeyButton(new QPushButton(tr("&New Key…"), this)),
      m_keyDetailsLabel(new QLabel(this)),
      m_keyError(new InlineErrorLabel(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this)),
      m_startButton(m_buttons->addButton(tr("&Start Encryption"), QDialogButtonBox::AcceptRole)),
      m_stopButton(m_buttons->addButton(tr("S&top Encryption"), QDialogButtonBox::DestructiveRole))
{
    setObjectName(u"encryptionDialog"_s);
    setWindowTitle(tr("Encryption — %1").arg(streamName));

    m_currentLabel->setObjectName(u"currentEncryptionLabel"_s);
    m_currentLabel->setTextFormat(Qt::PlainText);
    m_currentLabel->setWordWrap(true);
    m_currentLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_keyCombo->setObjectName(u"keyCombo"_s);
    m_keyCombo->setModel(m_keyModel);
    m_keyCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_keyCombo->setEnabled(false);
    m_keyCombo->setPlaceholderText(tr("Loading keys…"));
    auto *keyLabel = new QLabel(tr("&Key:"), this);
    keyLabel->setBuddy(m_keyCombo);
    m_newKeyButton->setObjectName(u"newKeyButton"_s);
    m_newKeyButton->setToolTip(tr("Create a customer managed KMS key with an alias"));
    m_newKeyButton->setAutoDefault(false);
    m_keyDetailsLabel->setObjectName(u"keyDetailsLabel"_s);
    m_keyDetailsLabel->setTextFormat(Qt::PlainText);
    m_keyDetailsLabel->setWordWrap(true);
    m_keyDetailsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keyDetailsLabel->setEnabled(false); // greyed: details of the choice above
    m_keyError->setObjectName(u"keyError"_s);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyCombo, 1);
    keyRow->addWidget(m_newKeyButton);
    auto *keyBlock = new QVBoxLayout;
    keyBlock->setContentsMargins(0, 0, 0, 0);
    keyBlock->setSpacing(2);
    keyBlock->addLayout(keyRow);
    keyBlock->addWidget(m_keyDetailsLabel);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Current encryption:"), m_currentLabel);
    form->addRow(keyLabel, DialogText::withMessage(keyBlock, m_keyError));

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_startButton, u"startButton"_s);
    m_stopButton->setObjectName(u"stopButton"_s);
    m_stopButton->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);

    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 560);

    setTabOrder(m_keyCombo, m_newKeyButton);
    setTabOrder(m_newKeyButton, m_buttons);

    connect(m_keyCombo, &QComboBox::currentIndexChanged, this, &EncryptionDialog::updateState);
    connect(m_newKeyButton, &QPushButton::clicked, this, &EncryptionDialog::newKey);
    // Start is the accept button; Stop is wired separately so it never closes on its own.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EncryptionDialog::start);
    connect(m_stopButton, &QPushButton::clicked, this, &EncryptionDialog::stop);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updateState();
    loadSummary();
    loadKeys();
}

EncryptionDialog::~EncryptionDialog() = default;

QString EncryptionDialog::selectedKeyId() const
{
    return m_keyCombo->currentIndex() < 0 ? QString()
                                          : m_keyCombo->currentData(KeyIdRole).toString();
}

void EncryptionDialog::loadSummary()
{
    DialogCalls::loadSummary(
        this, m_backend, m_streamName, m_currentLabel, m_errorLabel, tr("Unknown"),
        tr("The connection is closed."), [this] { updateState(); },
        [this](const StreamDescriptionSummary &summary) {
            m_summaryLoaded = true;
            m_encryption = summary.encryptionType;
            m_currentKeyId = summary.keyId;
            showCurrent();
            if (m_keysLoaded && m_encryption == EncryptionType::Kms) {
                if (const int row = rowOfKey(m_currentKeyId); row >= 0)
                    m_keyCombo->setCurrentIndex(row);
            }
            updateState();
        });
}

void EncryptionDialog::showCurrent()
{
    if (m_encryption == EncryptionType::None)
        m_currentLabel->setText(tr("None — records are stored unencrypted"));
    else
        m_currentLabel->setText(tr("KMS with key %1").arg(m_currentKeyId));
}

void EncryptionDialog::loadKeys()
{
    if (!m_backend)
        return;
    m_keysLoaded = false;
    m_keyCombo->setEnabled(false);
    onResult(this, m_backend->listKmsKeys(), [this](BackendResult<QList<KmsKeyInfo>> result) {
        if (!result) {
            m_keyCombo->setPlaceholderText(tr("No keys"));
            m_keyError->showMessage(tr("The KMS keys could not be listed. %1")
                                        .arg(InlineErrorLabel::describe(result.error())));
            updateState();
            return;
        }
        m_keysLoaded = true;
        showKeys(*result);
        updateState();
    });
}

void EncryptionDialog::showKeys(const QList<KmsKeyInfo> &listed)
{
    QList<KmsKeyInfo> keys = listed;
    std::sort(keys.begin(), keys.end(), keyOrder);
    const QString previous = m_keyCombo->currentIndex() >= 0
                                 ? m_keyCombo->currentData(KeyUuidRole).toString()
                                 : QString();
    m_aliases.clear();
    const QSignalBlocker blocker(m_keyCombo);
    m_keyModel->clear();
    for (const KmsKeyInfo &info : std::as_const(keys)) {
        m_aliases.append(info.aliases);
        QString title = info.aliases.isEmpty() ? info.key.keyId : info.aliases.first();
        if (info.key.awsManaged)
            title = tr("%1 (AWS managed)").arg(title);
        QString state;
        QString unusable;
        switch (info.key.state) {
        case KmsKeyState::Enabled:
            state = tr("enabled");
            break;
        case KmsKeyState::Disabled:
            state = tr("disabled");
            unusable = tr("The key is disabled; enable it in KMS to encrypt with it.");
            break;
        case KmsKeyState::PendingDeletion:
            state = tr("pending deletion");
            unusable = tr("The key is scheduled for deletion and can no longer encrypt.");
            break;
        }
        // The short id tells keys apart in the list; the details line below gives it in full.
        // An AWS managed key AWS has not created yet has no id: only its alias names it.
        const QString text = info.aliases.isEmpty() || info.key.keyId.isEmpty()
                                 ? tr("%1 · %2").arg(title, state)
                                 : tr("%1 · key %2 · %3").arg(title, info.key.keyId.left(8), state);
        auto *item = new QStandardItem(unusable.isEmpty() ? text
                                                          : tr("%1 (cannot be used)").arg(text));
        item->setEditable(false);
        QStringList names{info.key.keyId, info.key.arn};
        for (const QString &alias : info.aliases) {
            names.append(alias);
            // An alias ARN is the key ARN's prefix with the alias instead of key/<id>.
            const qsizetype at = info.key.arn.indexOf(u":key/"_s);
            if (at >= 0)
                names.append(info.key.arn.left(at + 1) + alias);
        }
        item->setData(info.aliases.isEmpty() ? info.key.keyId : info.aliases.first(), KeyIdRole);
        item->setData(info.key.keyId, KeyUuidRole);
        item->setData(names, KeyNamesRole);
        QStringList details;
        if (!info.key.keyId.isEmpty())
            details.append(tr("Key ID %1").arg(info.key.keyId));
        if (!info.key.description.isEmpty())
            details.append(info.key.description);
        item->setData(details.join(u" · "_s), KeyDetailsRole);
        QStringList tip;
        if (!info.key.keyId.isEmpty())
            tip << tr("Key ID: %1").arg(info.key.keyId) << tr("ARN: %1").arg(info.key.arn);
        if (info.aliases.size() > 1)
            tip.append(tr("Aliases: %1").arg(info.aliases.join(u", "_s)));
        if (!info.key.description.isEmpty())
            tip.append(tr("Description: %1").arg(info.key.description));
        if (!unusable.isEmpty()) {
            tip.append(unusable);
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
        }
        item->setToolTip(tip.join(u'\n'));
        m_keyModel->appendRow(item);
    }

    // Keep what was chosen; else the key just created; else the stream's key; else the first
    // usable one.
    int row = -1;
    if (!m_selectAfterLoad.isEmpty())
        row = rowOfKey(m_selectAfterLoad);
    if (row < 0 && !previous.isEmpty())
        row = rowOfKey(previous);
    if (row < 0 && m_encryption == EncryptionType::Kms)
        row = rowOfKey(m_currentKeyId);
    if (row >= 0 && !(m_keyModel->item(row)->flags() & Qt::ItemIsEnabled))
        row = -1;
    for (int r = 0; row < 0 && r < m_keyModel->rowCount(); ++r) {
        if (m_keyModel->item(r)->flags() & Qt::ItemIsEnabled)
            row = r;
    }
    m_selectAfterLoad.clear();
    m_keyCombo->setPlaceholderText(tr("No usable key"));
    m_keyCombo->setCurrentIndex(row);
    m_keyCombo->setEnabled(m_keyModel->rowCount() > 0);
    if (row < 0)
        m_keyError->showMessage(tr("There is no key to encrypt with: create one with New Key…"));
    else
        m_keyError->clearMessage();
}

int EncryptionDialog::rowOfKey(const QString &name) const
{
    if (name.isEmpty())
        return -1;
    for (int row = 0; row < m_keyModel->rowCount(); ++row) {
        if (m_keyModel->item(row)->data(KeyNamesRole).toStringList().contains(name))
            return row;
    }
    return -1;
}

void EncryptionDialog::newKey()
{
    auto *dialog = new NewKmsKeyDialog(m_backend, m_aliases, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewKmsKeyDialog::keyCreated, this, [this](const QString &keyId) {
        m_selectAfterLoad = keyId;
        loadKeys();
    });
    dialog->open();
}

void EncryptionDialog::updateState()
{
    const bool ready = m_backend && m_summaryLoaded && !m_busy;
    const int row = m_keyCombo->currentIndex();
    const bool keyUsable = m_keysLoaded && row >= 0
                        && (m_keyModel->item(row)->flags() & Qt::ItemIsEnabled);
    const bool sameKey = m_encryption == EncryptionType::Kms && keyUsable
                      && m_keyModel->item(row)->data(KeyNamesRole).toStringList().contains(m_currentKeyId);
    m_startButton->setText(m_encryption == EncryptionType::Kms ? tr("&Switch to This Key")
                                                               : tr("&Start Encryption"));
    m_startButton->setToolTip(sameKey ? tr("The stream is already encrypted with this key.")
                                      : QString());
    m_startButton->setEnabled(ready && keyUsable && !sameKey);
    m_stopButton->setEnabled(ready && m_encryption == EncryptionType::Kms);
    m_newKeyButton->setEnabled(m_backend && !m_busy);
    m_keyDetailsLabel->setText(row >= 0 ? m_keyModel->item(row)->data(KeyDetailsRole).toString()
                                        : QString());
}

void EncryptionDialog::start()
{
    if (!m_startButton->isEnabled() || !m_backend)
        return;
    const QString keyId = selectedKeyId();
    DialogCalls::change(
        this, m_busy, m_errorLabel, [this] { updateState(); },
        [this, &keyId] {
            return m_backend->startStreamEncryption(
                StartStreamEncryptionRequest{StreamTarget::byName(m_streamName), u"KMS"_s, keyId});
        },
        [this, keyId] { finish(keyId, EncryptionType::Kms); });
}

void EncryptionDialog::stop()
{
    if (!m_stopButton->isEnabled() || !m_backend)
        return;
    DialogCalls::change(
        this, m_busy, m_errorLabel, [this] { updateState(); },
        [this] {
            return m_backend->stopStreamEncryption(StopStreamEncryptionRequest{
                StreamTarget::byName(m_streamName), u"KMS"_s, m_currentKeyId});
        },
        [this] { finish(QString(), EncryptionType::None); });
}

void EncryptionDialog::finish(const QString &keyId, EncryptionType type)
{
    m_encryption = type;
    m_currentKeyId = keyId;
    showCurrent();
    updateState();
    emit encryptionChanged(m_streamName, type, keyId);
    accept();
}

} // namespace shardscope
