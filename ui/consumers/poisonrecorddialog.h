#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace shardscope {

class InlineErrorLabel;

// "Poison record…" for one worker: a filter in the app's filter language; the worker fails on
// every record it matches (and so never gets past it). The filter is parsed as it is typed
// (FilterExpression), its error shown under it; OK is off while it does not parse. An empty
// filter takes the fault away.
//
// Meant for open(); does not delete itself. Threads: GUI thread.
class PoisonRecordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PoisonRecordDialog)

public:
    PoisonRecordDialog(const QString &workerId, const QString &filter, QWidget *parent = nullptr);
    ~PoisonRecordDialog() override;

    QString filter() const;
    QLineEdit *filterEdit() const { return m_filter; }
    InlineErrorLabel *filterError() const { return m_error; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void validate();

    QLineEdit *m_filter;
    InlineErrorLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace shardscope
