#include "openleasetabledialog.h"

#include "dialogs/inlineerrorlabel.h"
#include "rungroupdialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

OpenLeaseTableDialog::OpenLeaseTableDialog(const QString &connectionName, QWidget *parent)
    : QDialog(parent),
      m_table(new QLineEdit(this)),
      m_tableError(new InlineErrorLabel(this)),
      m_connection(new QRadioButton(this)),
      m_endpointChoice(new QRadioButton(tr("A DynamoDB endpoint"), this)),
      m_endpoint(new QLineEdit(this)),
      m_endpointError(new InlineErrorLabel(this)),
      m_region(new QLineEdit(this)),
      m_regionError(new InlineErrorLabel(this)),
      m_failover(new QSpinBox(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Open a Lease Table"));
    setObjectName(u"openLeaseTableDialog"_s);
    m_table->setObjectName(u"tableNameEdit"_s);
    m_table->setPlaceholderText(tr("the KCL application's name"));
    m_endpoint->setObjectName(u"inspectEndpointEdit"_s);
    m_endpoint->setPlaceholderText(u"http://localhost:8000"_s);
    m_endpointError->setObjectName(u"inspectEndpointError"_s);
    m_region->setText(u"us-east-1"_s);
    m_failover->setRange(1, 600);
    m_failover->setValue(10);
    m_failover->setSuffix(tr(" s"));
    m_failover->setToolTip(tr("The application's failoverTimeMillis: a lease whose counter has not "
                              "moved for longer is shown as expired."));
    if (connectionName.isEmpty()) {
        m_connection->setText(tr("The connection's credentials and region"));
        m_connection->setEnabled(false);
        m_connection->setToolTip(tr("Only an AWS connection has credentials for DynamoDB."));
        m_endpointChoice->setChecked(true);
    } else {
        m_connection->setText(tr("The credentials and region of %1").arg(connectionName));
        m_connection->setChecked(true);
    }
    auto *group = new QButtonGroup(this);
    group->addButton(m_connection);
    group->addButton(m_endpointChoice);

    auto *note = new QLabel(tr("Read-only: Shardscope only reads this table (a Scan every few "
                               "seconds) and never writes to it, so the application is not "
                               "disturbed."),
                            this);
    note->setObjectName(u"readOnlyNote"_s);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("Table name:"), m_table);
    form->addRow(QString(), m_tableError);
    form->addRow(tr("Where:"), m_connection);
    form->addRow(QString(), m_endpointChoice);
    form->addRow(tr("Endpoint URL:"), m_endpoint);
    form->addRow(QString(), m_endpointError);
    form->addRow(tr("Region:"), m_region);
    form->addRow(QString(), m_regionError);
    form->addRow(tr("Failover time:"), m_failover);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_table, m_endpoint, m_region})
        connect(edit, &QLineEdit::textChanged, this, &OpenLeaseTableDialog::validate);
    connect(m_endpointChoice, &QRadioButton::toggled, this, &OpenLeaseTableDialog::validate);
    validate();
}

OpenLeaseTableDialog::~OpenLeaseTableDialog() = default;

void OpenLeaseTableDialog::validate()
{
    // An empty name is only not yet typed: say nothing until there is something to judge.
    const QString table = m_table->text().isEmpty() ? QString() : RunGroupDialog::tableNameProblem(m_table->text());
    const bool endpoint = m_endpointChoice->isChecked();
    m_endpoint->setEnabled(endpoint);
    m_region->setEnabled(endpoint);
    const QString endpointProblem = endpoint ? RunGroupDialog::endpointProblem(m_endpoint->text()) : QString();
    const QString regionProblem = endpoint ? RunGroupDialog::regionProblem(m_region->text()) : QString();
    const auto show = [](InlineErrorLabel *label, const QString &problem) {
        if (problem.isEmpty())
            label->clearMessage();
        else
            label->showMessage(problem);
    };
    show(m_tableError, table);
    show(m_endpointError, endpointProblem);
    show(m_regionError, regionProblem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_table->text().isEmpty() && table.isEmpty()
                                                        && endpointProblem.isEmpty()
                                                        && regionProblem.isEmpty());
}

LeaseTableRequest OpenLeaseTableDialog::request() const
{
    LeaseTableRequest request;
    request.tableName = m_table->text();
    request.useConnection = m_connection->isChecked();
    if (!request.useConnection) {
        request.endpoint = m_endpoint->text().trimmed();
        request.region = m_region->text().trimmed();
    }
    request.failoverTimeMs = qint64(m_failover->value()) * 1000;
    return request;
}

} // namespace shardscope
