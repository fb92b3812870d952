#pragma once

#include "kinesis/api.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QStandardItemModel;

namespace shardscope {

class InlineErrorLabel;
class StreamBackend;
struct KmsKeyInfo;

// Server-side encryption of one stream: shows the current EncryptionType and key, offers the
// backend's KMS keys (aliases first; disabled and pending-deletion keys listed but not
// selectable, with the reason), creates a new key with an alias on request (NewKmsKeyDialog)
// and starts, changes or stops encryption with StartStreamEncryption / StopStreamEncryption.
//
// Emits encryptionChanged() and accepts once the backend applied a start or stop. Meant for
// open(); does not delete itself. Threads: GUI thread; does not own the backend.
class EncryptionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EncryptionDialog)

public:
    // Item data of the key combo box.
    enum KeyRole {
        KeyIdRole = Qt::UserRole + 1, // what StartStreamEncryption is given: the alias, or key id
        KeyUuidRole,                  // the key's id
        KeyNamesRole,                 // QStringList: every name that identifies the key
        KeyDetailsRole,               // QString: full key id and description
    };

    EncryptionDialog(StreamBackend *backend, const QString &streamName, QWidget *parent = nullptr);
    ~EncryptionDialog() override;

    QString streamName() const { return m_streamName; }
    // The key id that Start encryption would use, or empty.
    QString selectedKeyId() const;

signals:
    void encryptionChanged(const QString &streamName, shardscope::EncryptionType type,
                           const QString &keyId);

private:
    void loadSummary();
    void loadKeys();
    void showKeys(const QList<KmsKeyInfo> &keys);
    void showCurrent();
    void newKey();
    void updateState();
    void start();
    void stop();
    void finish(const QString &keyId, EncryptionType type);
    int rowOfKey(const QString &name) const;

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    QLabel *m_currentLabel;
    QComboBox *m_keyCombo;
    QStandardItemModel *m_keyModel;
    QPushButton *m_newKeyButton;
    QLabel *m_keyDetailsLabel;
    InlineErrorLabel *m_keyError;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_startButton;
    QPushButton *m_stopButton;

    bool m_summaryLoaded = false;
    bool m_keysLoaded = false;
    EncryptionType m_encryption = EncryptionType::None;
    QString m_currentKeyId;
    QStringList m_aliases;
    QString m_selectAfterLoad; // key id of a key just created
    bool m_busy = false;
};

} // namespace shardscope
