#pragma once

#include "aws/awsconfig.h"
#include "connections/savedconnection.h"
#include "connections/secretstore.h"

#include <QDialog>
#include <QPointer>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace shardscope {

class AwsBackend;
class ConnectionStore;
class InlineErrorLabel;
struct Error;

// Adds or edits a saved AWS connection: credentials from a profile of the AWS shared files
// (region filled from it), typed access keys (the secret goes to the SecretStore, never to the
// settings), or none for a local endpoint that does not check signatures; region, optional
// endpoint (https, or http for localhost), read-only switch (on by default) and CA bundle.
//
// Test calls ListStreams through a temporary AwsBackend built from the form and shows the
// streams or Kinesis's error type and message beside the button; a newer test drops the
// answer of an older one. Save writes the secret first and then the connection, so a keychain
// failure saves nothing. In edit mode, an empty secret field keeps the stored secret and
// Remove… (after a confirmation) forgets the connection and deletes its secret.
//
// Emits connectionSaved() or connectionRemoved() and accepts. Meant for open(); does not delete
// itself. Threads: GUI thread; does not own the store.
class AddConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddConnectionDialog)

public:
    // `editId` empty: a new connection; else the saved connection to edit.
    AddConnectionDialog(ConnectionStore *store, AwsConfig config, const QString &editId = {},
                        QWidget *parent = nullptr);
    ~AddConnectionDialog() override;

    bool isEditing() const { return !m_editId.isEmpty(); }
    // The connection the form describes (id: the edited one's, else empty).
    SavedConnection formConnection() const;

    // What is wrong with `text` as an endpoint URL (empty text is fine), or empty.
    static QString endpointProblem(const QString &text);
    // Regions offered in the region box.
    static QStringList commonRegions();

signals:
    void connectionSaved(const QString &id, bool added);
    void connectionRemoved(const QString &id);

private:
    void loadProfiles();
    void load(const SavedConnection &saved);
    void onProfileChanged();
    void updateAutoName();
    void updateState();
    QString formProblem(bool forSave) const;
    void test();
    void runTest(const ConnectionSecret &secret, quint64 generation);
    void showTestError(const Error &error);
    void save();
    void finishSave(const SavedConnection &connection);
    void confirmRemove();
    void remove();
    void browseCaFile();
    ConnectionKind kind() const;
    bool keepsStoredSecret() const;

    QPointer<ConnectionStore> m_store;
    AwsConfig m_config;
    QString m_editId;
    std::optional<SavedConnection> m_original;

    QFormLayout *m_form = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLineEdit *m_nameEdit;
    QRadioButton *m_profileRadio;
    QRadioButton *m_keysRadio;
    QRadioButton *m_endpointOnlyRadio;
    QComboBox *m_profileCombo;
    QLabel *m_profileHint;
    QLabel *m_keyIdLabel;
    QLineEdit *m_keyIdEdit;
    QLabel *m_secretLabel;
    QLineEdit *m_secretEdit;
    QLabel *m_tokenLabel;
    QLineEdit *m_tokenEdit;
    QComboBox *m_regionCombo;
    QLineEdit *m_endpointEdit;
    InlineErrorLabel *m_endpointError;
    QLineEdit *m_caFileEdit;
    QPushButton *m_caBrowseButton;
    InlineErrorLabel *m_caFileError;
    QCheckBox *m_readOnlyCheck;
    QPushButton *m_testButton;
    QLabel *m_testResult;
    InlineErrorLabel *m_testError;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_saveButton;
    QPushButton *m_removeButton = nullptr;

    std::unique_ptr<AwsBackend> m_testBackend;
    quint64 m_testGeneration = 0;
    bool m_testing = false;
    bool m_busy = false;
    bool m_nameTouched = false;
    bool m_regionTouched = false;
};

} // namespace shardscope
