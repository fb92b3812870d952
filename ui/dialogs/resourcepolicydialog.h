#pragma once

#include <QDialog>
#include <QPointer>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace shardscope {

class InlineErrorLabel;
class StreamBackend;

// Edits a stream's resource policy as JSON (Get/Put/DeleteResourcePolicy). The document is
// checked here as it is typed, with PolicyDocument's rules (bad JSON by line and column), and
// nothing is sent until it passes. Save stores it, Delete Policy removes it, Insert Template
// puts an example in the editor that lets an account read this stream.
//
// Emits resourcePolicyChanged() (an empty policy after a delete) and accepts once the backend
// applied it. Meant for open(); does not delete itself. Threads: GUI thread; does not own the
// backend.
class ResourcePolicyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourcePolicyDialog)

public:
    ResourcePolicyDialog(StreamBackend *backend, const QString &streamName,
                         QWidget *parent = nullptr);
    ~ResourcePolicyDialog() override;

    QString streamName() const { return m_streamName; }
    // An example policy for `streamArn`: its own account may describe the stream and read it.
    static QString templatePolicy(const QString &streamArn);
    // What is wrong with `document` for the editor ("Line 3, column 5: …"); empty if nothing.
    static QString problemWith(const QString &document);

signals:
    void resourcePolicyChanged(const QString &streamName, const QString &policy);

private:
    void load();
    void loadPolicy();
    void updateState();
    void insertTemplate();
    void save();
    void deletePolicy();

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    QLabel *m_currentLabel;
    QPlainTextEdit *m_editor;
    InlineErrorLabel *m_policyError;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_saveButton;
    QPushButton *m_deleteButton;
    QPushButton *m_templateButton;

    std::optional<QString> m_current; // the stored document ("{}" or empty: none); unset until loaded
    QString m_streamArn;
    bool m_busy = false;
};

} // namespace shardscope
