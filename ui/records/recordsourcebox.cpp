#include "recordsourcebox.h"

#include "dialogs/dialogtext.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>

namespace shardscope {

using namespace Qt::StringLiterals;

RecordSourceBox::RecordSourceBox(const QString &streamName, QWidget *parent)
    : QGroupBox(tr("Records from %1").arg(streamName), parent),
      m_recordsRadio(new QRadioButton(this)),
      m_timeRadio(new QRadioButton(tr("&Time range:"), this)),
      m_sequenceRadio(new QRadioButton(tr("Se&quence range:"), this)),
      m_fromTime(new QDateTimeEdit(this)),
      m_toTime(new QDateTimeEdit(this)),
      m_fromSequence(new QLineEdit(this)),
      m_toSequence(new QLineEdit(this))
{
    setObjectName(u"recordSourceBox"_s);
    m_recordsRadio->setObjectName(u"recordsRadio"_s);
    m_timeRadio->setObjectName(u"timeRadio"_s);
    m_sequenceRadio->setObjectName(u"sequenceRadio"_s);
    auto *group = new QButtonGroup(this);
    group->addButton(m_recordsRadio);
    group->addButton(m_timeRadio);
    group->addButton(m_sequenceRadio);

    const QDateTime now = QDateTime::currentDateTime();
    for (QDateTimeEdit *edit : {m_fromTime, m_toTime}) {
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
        edit->setCalendarPopup(true);
    }
    m_fromTime->setObjectName(u"fromTimeEdit"_s);
    m_toTime->setObjectName(u"toTimeEdit"_s);
    m_fromTime->setDateTime(now.addSecs(-3600));
    m_toTime->setDateTime(now);
    m_fromSequence->setObjectName(u"fromSequenceEdit"_s);
    m_toSequence->setObjectName(u"toSequenceEdit"_s);
    m_fromSequence->setPlaceholderText(tr("first record"));
    m_toSequence->setPlaceholderText(tr("last record"));

    auto *timeRow = new QHBoxLayout;
    timeRow->addWidget(m_fromTime, 1);
    timeRow->addWidget(new QLabel(tr("to"), this));
    timeRow->addWidget(m_toTime, 1);
    auto *sequenceRow = new QHBoxLayout;
    sequenceRow->addWidget(m_fromSequence, 1);
    sequenceRow->addWidget(new QLabel(tr("to"), this));
    sequenceRow->addWidget(m_toSequence, 1);
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_recordsRadio);
    form->addRow(m_timeRadio, timeRow);
    form->addRow(m_sequenceRadio, sequenceRow);

    connect(group, &QButtonGroup::buttonToggled, this, &RecordSourceBox::changed);
    connect(m_fromSequence, &QLineEdit::textChanged, this, &RecordSourceBox::changed);
    connect(m_toSequence, &QLineEdit::textChanged, this, &RecordSourceBox::changed);
    setRecordCount(0);
}

void RecordSourceBox::setRecordCount(qsizetype count)
{
    m_count = count;
    m_recordsRadio->setText(tr("&These %1").arg(DialogText::records(count)));
    m_recordsRadio->setEnabled(count > 0);
    if (count > 0)
        m_recordsRadio->setChecked(true);
    else if (m_recordsRadio->isChecked() || (!m_timeRadio->isChecked() && !m_sequenceRadio->isChecked()))
        m_timeRadio->setChecked(true);
    emit changed();
}

void RecordSourceBox::setChoosable(bool busy, bool canReadRanges)
{
    m_recordsRadio->setEnabled(!busy && m_count > 0);
    m_timeRadio->setEnabled(!busy && canReadRanges);
    m_sequenceRadio->setEnabled(!busy && canReadRanges);
    m_fromTime->setEnabled(!busy && m_timeRadio->isChecked());
    m_toTime->setEnabled(!busy && m_timeRadio->isChecked());
    m_fromSequence->setEnabled(!busy && m_sequenceRadio->isChecked());
    m_toSequence->setEnabled(!busy && m_sequenceRadio->isChecked());
}

bool RecordSourceBox::givenRecordsChosen() const
{
    return m_recordsRadio->isChecked();
}

RecordRange RecordSourceBox::range() const
{
    if (m_timeRadio->isChecked())
        return RecordRange::byTime(m_fromTime->dateTime().toMSecsSinceEpoch(),
                                   m_toTime->dateTime().toMSecsSinceEpoch());
    return RecordRange::bySequence(m_fromSequence->text().trimmed(), m_toSequence->text().trimmed());
}

} // namespace shardscope
