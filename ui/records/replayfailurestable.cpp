#include "replayfailurestable.h"

#include <QHeaderView>
#include <QLocale>

namespace shardscope {

using namespace Qt::StringLiterals;

ReplayFailuresTable::ReplayFailuresTable(QWidget *parent) : QTableWidget(0, 3, parent)
{
    setObjectName(u"failuresTable"_s);
    setHorizontalHeaderLabels({tr("Record"), tr("Error code"), tr("Message")});
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setMinimumHeight(110);
    hide();
}

void ReplayFailuresTable::reset()
{
    setRowCount(0);
    hide();
}

void ReplayFailuresTable::addFailures(const QList<ReplayFailure> &failures,
                                      const QList<RecordEntry> &records)
{
    show();
    setUpdatesEnabled(false);
    for (const ReplayFailure &failure : failures) {
        if (rowCount() >= kMaxRows || failure.index < 0 || failure.index >= records.size())
            break;
        const int row = rowCount();
        insertRow(row);
        const RecordEntry &record = records.at(failure.index);
        auto *which = new QTableWidgetItem(
            m_recordLabel ? m_recordLabel(failure.index, record)
            : record.partitionKey.isEmpty()
                ? tr("#%1").arg(failure.index + 1)
                : tr("#%1 · %2").arg(failure.index + 1).arg(record.partitionKey));
        which->setToolTip(record.sequenceNumber.isEmpty()
                              ? record.partitionKey
                              : tr("%1, sequence number %2").arg(record.shardId, record.sequenceNumber));
        setItem(row, 0, which);
        setItem(row, 1, new QTableWidgetItem(failure.errorCode));
        auto *message = new QTableWidgetItem(failure.message);
        message->setToolTip(failure.message);
        setItem(row, 2, message);
    }
    setUpdatesEnabled(true);
}

QString ReplayFailuresTable::progressText(const RecordReplayer &replayer)
{
    const QLocale locale;
    return tr("Sent %1 of %2 · %3 succeeded · %4 failed · %5 retried")
        .arg(locale.toString(replayer.sent()), locale.toString(replayer.total()),
             locale.toString(replayer.succeeded()), locale.toString(replayer.failed()),
             locale.toString(replayer.retried()));
}

} // namespace shardscope
