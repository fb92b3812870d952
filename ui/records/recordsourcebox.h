#pragma once

#include "records/rangereader.h"

#include <QGroupBox>

class QDateTimeEdit;
class QLineEdit;
class QRadioButton;

namespace shardscope {

// "Records from <stream>": the records a dialog was handed (a selection or a filter's matches),
// or a time range, or a sequence-number range of the stream, read with RangeReader. Shared by
// the Replay and Export dialogs.
//
// Threads: GUI thread.
class RecordSourceBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordSourceBox)

public:
    explicit RecordSourceBox(const QString &streamName, QWidget *parent = nullptr);

    // Offers "These N records" when there are some, and chooses it; with none, a time range.
    void setRecordCount(qsizetype count);
    // What can be chosen: nothing while `busy`; the given records when there are some; the
    // ranges only when the stream can be read (`canReadRanges`).
    void setChoosable(bool busy, bool canReadRanges);
    bool givenRecordsChosen() const;
    // The range chosen, when givenRecordsChosen() is false.
    RecordRange range() const;

signals:
    void changed();

private:
    qsizetype m_count = 0;
    QRadioButton *m_recordsRadio;
    QRadioButton *m_timeRadio;
    QRadioButton *m_sequenceRadio;
    QDateTimeEdit *m_fromTime;
    QDateTimeEdit *m_toTime;
    QLineEdit *m_fromSequence;
    QLineEdit *m_toSequence;
};

} // namespace shardscope
