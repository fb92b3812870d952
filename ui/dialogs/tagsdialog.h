#pragma once

#include "kinesis/limits.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace shardscope {

class InlineErrorLabel;
class StreamBackend;
class TagsModel;

// Edits a stream's tags in a table over TagsModel: values and keys in place, new tags from the
// key/value fields below, removal of the selected rows. Edits stay a local diff (added and
// changed rows in bold) until Apply or OK sends them; every key and value is checked against
// the Kinesis tag rules first (key 1-128, value 0-256 characters of letters, digits, spaces and
// _ . : / = + - @; at most 50 tags; keys starting with "aws:" are reserved).
//
// Emits tagsApplied() after the backend applied a diff; OK also accepts. Meant for open(); does
// not delete itself. Threads: GUI thread; does not own the backend.
class TagsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagsDialog)

public:
    static constexpr int kMaxTags = KinesisLimits::kMaxTagsPerResource;
    static constexpr int kMaxKeyLength = KinesisLimits::kMaxTagKeyLength;
    static constexpr int kMaxValueLength = KinesisLimits::kMaxTagValueLength;

    TagsDialog(StreamBackend *backend, const QString &streamName, QWidget *parent = nullptr);
    ~TagsDialog() override;

    QString streamName() const { return m_streamName; }
    TagsModel *model() const { return m_model; }

    // What is wrong with a tag key or value under the Kinesis rules, or empty.
    static QString tagKeyProblem(const QString &key);
    static QString tagValueProblem(const QString &value);

signals:
    void tagsApplied(const QString &streamName);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addTag();
    void removeSelected();
    void updateState();
    QString newTagProblem() const;
    QString tableProblem() const;
    void apply(bool thenClose);

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    TagsModel *m_model;
    QTableView *m_view;
    QLabel *m_countLabel;
    QPushButton *m_removeButton;
    InlineErrorLabel *m_tableError;
    QLineEdit *m_keyEdit;
    QLineEdit *m_valueEdit;
    QPushButton *m_addButton;
    InlineErrorLabel *m_newTagError;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_okButton;
    QPushButton *m_applyButton;
    QPushButton *m_discardButton;

    bool m_loaded = false;
    bool m_busy = false;
};

} // namespace shardscope
