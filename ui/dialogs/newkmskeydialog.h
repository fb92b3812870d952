#pragma once

#include <QDialog>
#include <QPointer>
#include <QStringList>

class QDialogButtonBox;
class QLineEdit;
class QPushButton;

namespace shardscope {

class InlineErrorLabel;
class StreamBackend;

// Creates a customer managed KMS key with an alias (backend->createKmsKey). The alias is checked
// as it is typed against the KMS rules and against the aliases the caller already knows, so a
// taken name is caught before a key is made for it.
//
// Emits keyCreated() and accepts once the key exists. Meant for open(); does not delete itself.
// Threads: GUI thread; does not own the backend.
class NewKmsKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewKmsKeyDialog)

public:
    NewKmsKeyDialog(StreamBackend *backend, const QStringList &existingAliases,
                    QWidget *parent = nullptr);
    ~NewKmsKeyDialog() override;

    // What is wrong with "alias/<name>" as a new alias, or empty. `name` is without "alias/".
    static QString aliasNameProblem(const QString &name, const QStringList &existingAliases);

signals:
    void keyCreated(const QString &keyId, const QString &aliasName);

private:
    void updateState();
    void submit();

    QPointer<StreamBackend> m_backend;
    QStringList m_existingAliases;
    QLineEdit *m_aliasEdit;
    InlineErrorLabel *m_aliasError;
    QLineEdit *m_descriptionEdit;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_createButton;
    bool m_touched = false;
    bool m_busy = false;
};

} // namespace shardscope
