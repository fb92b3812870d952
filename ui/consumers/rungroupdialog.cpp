#include "rungroupdialog.h"

#include "dialogs/inlineerrorlabel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

RunGroupDialog::RunGroupDialog(const QString &streamName, const QList<Consumer> &consumers,
                               bool readOnlyConnection, QWidget *parent)
    : QDialog(parent),
      m_name(new QLineEdit(this)),
      m_nameError(new InlineErrorLabel(this)),
      m_workers(new QSpinBox(this)),
      m_polling(new QRadioButton(tr("By polling (GetRecords)"), this)),
      m_fanOut(new QRadioButton(tr("Through a registered consumer (enhanced fan-out)"), this)),
      m_consumer(new QComboBox(this)),
      m_fanOutNote(new QLabel(this)),
      m_position(new QComboBox(this)),
      m_failover(new QSpinBox(this)),
      m_local(new QRadioButton(tr("In the local store"), this)),
      m_dynamo(new QRadioButton(tr("In DynamoDB"), this)),
      m_endpoint(new QLineEdit(this)),
      m_endpointError(new InlineErrorLabel(this)),
      m_region(new QLineEdit(this)),
      m_regionError(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_taking(new QRadioButton(tr("KCL 2.x: every worker takes and steals leases"), this)),
      m_leader(new QRadioButton(tr("KCL 3.x: an elected leader assigns the leases"), this)),
      m_assignmentNote(new QLabel(this)),
      m_timestamp(new QDateTimeEdit(this)),
      m_timestampError(new InlineErrorLabel(this))
{
    setWindowTitle(tr("Run a Consumer Group"));
    setObjectName(u"runGroupDialog"_s);
    m_name->setObjectName(u"applicationNameEdit"_s);
    m_name->setText(streamName.isEmpty() ? u"shardscope-app"_s : streamName + u"-app"_s);
    m_nameError->setObjectName(u"applicationNameError"_s);
    m_workers->setObjectName(u"workersBox"_s);
    m_workers->setRange(1, 16);
    m_workers->setValue(2);
    m_consumer->setObjectName(u"consumerBox"_s);
    for (const Consumer &consumer : consumers) {
        if (consumer.consumerStatus == ConsumerStatus::Active)
            m_consumer->addItem(consumer.consumerName, consumer.consumerArn);
    }
    m_fanOutNote->setWordWrap(true);
    m_fanOutNote->setForegroundRole(QPalette::PlaceholderText);
    if (m_consumer->count() == 0) {
        m_fanOut->setEnabled(false);
        m_fanOutNote->setText(tr("The stream has no ACTIVE consumer: register one on the Consumers "
                                 "tab to read through enhanced fan-out."));
    } else {
        m_fanOutNote->setText(tr("Each worker subscribes to its shards with this consumer."));
    }
    m_position->addItem(tr("Oldest record (TRIM_HORIZON)"), CheckpointSentinel::TrimHorizon);
    m_position->addItem(tr("New records only (LATEST)"), CheckpointSentinel::Latest);
    m_position->addItem(tr("Records from a time (AT_TIMESTAMP)"), CheckpointSentinel::AtTimestamp);
    m_position->setObjectName(u"positionBox"_s);
    m_timestamp->setObjectName(u"timestampEdit"_s);
    m_timestamp->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
    m_timestamp->setCalendarPopup(true);
    m_timestamp->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    m_timestampError->setObjectName(u"timestampError"_s);
    m_failover->setRange(1, 600);
    m_failover->setValue(10);
    m_failover->setSuffix(tr(" s"));
    m_endpoint->setObjectName(u"endpointEdit"_s);
    m_endpoint->setPlaceholderText(u"http://localhost:8000"_s);
    m_endpointError->setObjectName(u"endpointError"_s);
    m_region->setObjectName(u"regionEdit"_s);
    m_region->setText(u"us-east-1"_s);

    auto *readGroup = new QButtonGroup(this);
    readGroup->addButton(m_polling);
    readGroup->addButton(m_fanOut);
    auto *tableGroup = new QButtonGroup(this);
    tableGroup->addButton(m_local);
    tableGroup->addButton(m_dynamo);
    auto *assignmentGroup = new QButtonGroup(this);
    assignmentGroup->addButton(m_taking);
    assignmentGroup->addButton(m_leader);
    m_taking->setObjectName(u"takingButton"_s);
    m_leader->setObjectName(u"leaderButton"_s);
    m_assignmentNote->setObjectName(u"assignmentNote"_s);
    m_assignmentNote->setWordWrap(true);
    m_assignmentNote->setForegroundRole(QPalette::PlaceholderText);
    // Checked once grouped: before, all the radio buttons (one parent) exclude each other.
    m_polling->setChecked(true);
    m_local->setChecked(true);
    m_taking->setChecked(true);

    auto *note = new QLabel(this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    note->setText(readOnlyConnection
                      ? tr("This connection is read-only. The group only reads the stream; it "
                           "writes its leases and checkpoints to the lease table below, not to "
                           "the stream.")
                      : tr("The group reads the stream as a KCL application does and writes its "
                           "leases and checkpoints to the lease table below."));

    auto *form = new QFormLayout;
    form->addRow(tr("Application name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("Workers:"), m_workers);
    form->addRow(tr("Read:"), m_polling);
    form->addRow(QString(), m_fanOut);
    form->addRow(tr("Consumer:"), m_consumer);
    form->addRow(QString(), m_fanOutNote);
    form->addRow(tr("Start at:"), m_position);
    form->addRow(tr("From:"), m_timestamp);
    form->addRow(QString(), m_timestampError);
    form->addRow(tr("Failover time:"), m_failover);
    form->addRow(tr("Lease table:"), m_local);
    form->addRow(QString(), m_dynamo);
    form->addRow(tr("Endpoint URL:"), m_endpoint);
    form->addRow(QString(), m_endpointError);
    form->addRow(tr("Region:"), m_region);
    form->addRow(QString(), m_regionError);
    form->addRow(tr("Assignment:"), m_taking);
    form->addRow(QString(), m_leader);
    form->addRow(QString(), m_assignmentNote);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_endpoint, m_region})
        connect(edit, &QLineEdit::textChanged, this, &RunGroupDialog::validate);
    for (QRadioButton *button : {m_polling, m_fanOut, m_local, m_dynamo, m_taking, m_leader})
        connect(button, &QRadioButton::toggled, this, &RunGroupDialog::validate);
    connect(m_position, &QComboBox::currentIndexChanged, this, &RunGroupDialog::validate);
    connect(m_timestamp, &QDateTimeEdit::dateTimeChanged, this, &RunGroupDialog::validate);
    validate();
}

RunGroupDialog::~RunGroupDialog() = default;

QString RunGroupDialog::tableNameProblem(const QString &name)
{
    if (name.isEmpty())
        return tr("Enter the application's name: it names the lease table.");
    static const QRegularExpression pattern(u"^[A-Za-z0-9_.-]{3,255}$"_s);
    if (!pattern.match(name).hasMatch())
        return tr("3 to 255 letters, digits, _ . or - (DynamoDB's rule for table names).");
    return {};
}

QString RunGroupDialog::endpointProblem(const QString &url)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (url.trimmed().isEmpty())
        return tr("Enter the DynamoDB endpoint, such as http://localhost:8000.");
    if (!parsed.isValid() || (parsed.scheme() != u"http"_s && parsed.scheme() != u"https"_s)
        || parsed.host().isEmpty())
        return tr("Not an http:// or https:// URL with a host, such as http://localhost:8000.");
    return {};
}

QString RunGroupDialog::regionProblem(const QString &region)
{
    static const QRegularExpression pattern(u"^[a-z]{2,}(-[a-z]+)+-\\d+$"_s);
    if (!pattern.match(region.trimmed()).hasMatch())
        return tr("A region name such as us-east-1.");
    return {};
}

QString RunGroupDialog::timestampProblem(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return tr("Enter a date and time, such as 2026-01-31 14:00:00.");
    if (when > now)
        return tr("%1 is in the future: Kinesis reads from a time up to now only.")
            .arg(when.toString(u"yyyy-MM-dd HH:mm:ss"_s));
    return {};
}

void RunGroupDialog::validate()
{
    const QString nameProblem = tableNameProblem(m_name->text());
    if (nameProblem.isEmpty())
        m_nameError->clearMessage();
    else
        m_nameError->showMessage(nameProblem);
    m_consumer->setEnabled(m_fanOut->isChecked());
    const bool dynamo = m_dynamo->isChecked();
    m_endpoint->setEnabled(dynamo);
    m_region->setEnabled(dynamo);
    if (m_leader->isChecked())
        m_assignmentNote->setText(tr("One worker, elected through a lock, assigns every lease every "
                                     "2 × the failover time; the others only renew what they are given."));
    else
        m_assignmentNote->setText(tr("Each worker takes expired leases and steals one at a time from "
                                     "the busiest, every 2 × the failover time."));
    const QString endpoint = dynamo ? endpointProblem(m_endpoint->text()) : QString();
    const QString region = dynamo ? regionProblem(m_region->text()) : QString();
    if (endpoint.isEmpty())
        m_endpointError->clearMessage();
    else
        m_endpointError->showMessage(endpoint);
    if (region.isEmpty())
        m_regionError->clearMessage();
    else
        m_regionError->showMessage(region);
    const bool atTimestamp = m_position->currentData().toString() == CheckpointSentinel::AtTimestamp;
    m_timestamp->setEnabled(atTimestamp);
    const QString timestamp =
        atTimestamp ? timestampProblem(m_timestamp->dateTime(), QDateTime::currentDateTime()) : QString();
    if (timestamp.isEmpty())
        m_timestampError->clearMessage();
    else
        m_timestampError->showMessage(timestamp);
    const bool fanOutOk = !m_fanOut->isChecked() || m_consumer->currentIndex() >= 0;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(nameProblem.isEmpty() && endpoint.isEmpty()
                                                        && region.isEmpty() && fanOutOk
                                                        && timestamp.isEmpty());
}

ConsumerGroupRequest RunGroupDialog::request() const
{
    ConsumerGroupRequest request;
    request.applicationName = m_name->text();
    request.workers = m_workers->value();
    request.fanOut = m_fanOut->isChecked();
    request.consumerArn = request.fanOut ? m_consumer->currentData().toString() : QString();
    request.initialPosition = m_position->currentData().toString();
    request.failoverTimeMs = qint64(m_failover->value()) * 1000;
    if (request.initialPosition == CheckpointSentinel::AtTimestamp)
        request.initialTimestampMs = m_timestamp->dateTime().toMSecsSinceEpoch();
    request.location = m_dynamo->isChecked() ? LeaseTableLocation::DynamoDb : LeaseTableLocation::LocalStore;
    if (request.location == LeaseTableLocation::DynamoDb) {
        request.endpoint = m_endpoint->text().trimmed();
        request.region = m_region->text().trimmed();
    }
    request.leaderAssignment = m_leader->isChecked();
    return request;
}

} // namespace shardscope
