#pragma once

#include "consumerdebugrequests.h"
#include "kinesis/api.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QDateTime;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace shardscope {

class InlineErrorLabel;

// "Run a consumer group…": the application name (the lease table's name), the number of
// workers, polling or a registered consumer (only ACTIVE ones; enhanced fan-out), the initial
// position (TRIM_HORIZON, LATEST, or AT_TIMESTAMP with a time), the failover time, where the
// lease table lives (the local store or a DynamoDB endpoint and region), and how leases find
// workers: KCL 2.x's taking or KCL 3.x's leader assignment (the leader lock and metric stats then
// live beside the lease table). Each field is checked as it is typed, with the problem under it; OK is
// off until all pass. Emits nothing of its own: request() holds the answer once accepted.
//
// A group only reads the stream, so it may run on a read-only connection (the note says so):
// its writes go to the lease table, which is not the stream's connection.
//
// Meant for open(); does not delete itself. Threads: GUI thread.
class RunGroupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunGroupDialog)

public:
    RunGroupDialog(const QString &streamName, const QList<Consumer> &consumers, bool readOnlyConnection,
                   QWidget *parent = nullptr);
    ~RunGroupDialog() override;

    ConsumerGroupRequest request() const;

    // What is wrong with a lease table name (DynamoDB's rule: 3 to 255 of a-z A-Z 0-9 _ . -),
    // or empty.
    static QString tableNameProblem(const QString &name);
    // What is wrong with a DynamoDB endpoint URL (http or https with a host), or empty.
    static QString endpointProblem(const QString &url);
    // What is wrong with a region name (like us-east-1), or empty.
    static QString regionProblem(const QString &region);
    // What is wrong with an AT_TIMESTAMP start at `when` (Kinesis refuses a time after now), or
    // empty.
    static QString timestampProblem(const QDateTime &when, const QDateTime &now);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *endpointEdit() const { return m_endpoint; }
    QLineEdit *regionEdit() const { return m_region; }
    QRadioButton *fanOutButton() const { return m_fanOut; }
    QRadioButton *dynamoButton() const { return m_dynamo; }
    QRadioButton *takingButton() const { return m_taking; }
    QRadioButton *leaderButton() const { return m_leader; }
    QLabel *assignmentNote() const { return m_assignmentNote; }
    QComboBox *consumerBox() const { return m_consumer; }
    QSpinBox *workersBox() const { return m_workers; }
    InlineErrorLabel *nameError() const { return m_nameError; }
    InlineErrorLabel *endpointError() const { return m_endpointError; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QComboBox *positionBox() const { return m_position; }
    QDateTimeEdit *timestampEdit() const { return m_timestamp; }
    InlineErrorLabel *timestampError() const { return m_timestampError; }

private:
    void validate();

    QLineEdit *m_name;
    InlineErrorLabel *m_nameError;
    QSpinBox *m_workers;
    QRadioButton *m_polling;
    QRadioButton *m_fanOut;
    QComboBox *m_consumer;
    QLabel *m_fanOutNote;
    QComboBox *m_position;
    QSpinBox *m_failover;
    QRadioButton *m_local;
    QRadioButton *m_dynamo;
    QLineEdit *m_endpoint;
    InlineErrorLabel *m_endpointError;
    QLineEdit *m_region;
    InlineErrorLabel *m_regionError;
    QDialogButtonBox *m_buttons;
    QRadioButton *m_taking;
    QRadioButton *m_leader;
    QLabel *m_assignmentNote;
    QDateTimeEdit *m_timestamp;
    InlineErrorLabel *m_timestampError;
};

} // namespace shardscope
