#pragma once

#include "consumerdebugrequests.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace shardscope {

class InlineErrorLabel;

// "Open a lease table…": watch a KCL application's lease table without taking part, always
// read-only (the dialog says so): its name, where it is (a DynamoDB endpoint and region, or the
// stream connection's credentials and region when that is an AWS connection) and the failover
// time the application uses (expiry is inferred from it). Fields are checked as typed, with the
// problem under them; OK is off until all pass.
//
// Meant for open(); does not delete itself. Threads: GUI thread.
class OpenLeaseTableDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenLeaseTableDialog)

public:
    // `connectionName`: the AWS connection whose credentials may be used, or empty when the
    // stream's connection is not AWS (then only an endpoint can be given).
    OpenLeaseTableDialog(const QString &connectionName, QWidget *parent = nullptr);
    ~OpenLeaseTableDialog() override;

    LeaseTableRequest request() const;

    QLineEdit *tableEdit() const { return m_table; }
    QLineEdit *endpointEdit() const { return m_endpoint; }
    QRadioButton *connectionButton() const { return m_connection; }
    InlineErrorLabel *endpointError() const { return m_endpointError; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void validate();

    QLineEdit *m_table;
    InlineErrorLabel *m_tableError;
    QRadioButton *m_connection;
    QRadioButton *m_endpointChoice;
    QLineEdit *m_endpoint;
    InlineErrorLabel *m_endpointError;
    QLineEdit *m_region;
    InlineErrorLabel *m_regionError;
    QSpinBox *m_failover;
    QDialogButtonBox *m_buttons;
};

} // namespace shardscope
