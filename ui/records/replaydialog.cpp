#include "replaydialog.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "dialogs/dialogcalls.h"
#include "dialogs/dialogtext.h"
#include "dialogs/inlineerrorlabel.h"
#include "records/rangereader.h"
#include "records/recordsourcebox.h"
#include "records/recordreplayer.h"
#include "records/replayfailurestable.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {
constexpr int kMaxRate = 100000;
} // namespace

ReplayDialog::ReplayDialog(const QList<StreamBackend *> &connections, StreamBackend *source,
                           const QString &sourceStream, QWidget *parent)
    : QDialog(parent),
      m_source(source),
      m_sourceStream(sourceStream),
      m_sourceBox(new RecordSourceBox(sourceStream, this)),
      m_connectionCombo(new QComboBox(this)),
      m_streamCombo(new QComboBox(this)),
      m_targetError(new InlineErrorLabel(this)),
      m_rateSpin(new QSpinBox(this)),
      m_progressBar(new QProgressBar(this)),
      m_countsLabel(new QLabel(this)),
      m_failuresTable(new ReplayFailuresTable(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this)),
      m_startButton(m_buttons->addButton(tr("&Start"), QDialogButtonBox::ActionRole)),
      m_cancelButton(m_buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole)),
      m_reader(new RangeReader(this)),
      m_replayer(new RecordReplayer(this))
{
    setObjectName(u"replayDialog"_s);
    setWindowTitle(tr("Replay Records — %1").arg(sourceStream));
    for (StreamBackend *connection : connections)
        m_connections.append(connection);

    // Source
    setRecords({});

    // Target
    m_connectionCombo->setObjectName(u"targetConnectionCombo"_s);
    m_streamCombo->setObjectName(u"targetStreamCombo"_s);
    m_targetError->setObjectName(u"targetError"_s);
    auto *connectionModel = new QStandardItemModel(m_connectionCombo);
    int firstWritable = -1;
    for (StreamBackend *connection : connections) {
        auto *item = new QStandardItem(connection->displayName());
        item->setToolTip(connection->location());
        if (connection->isReadOnly()) {
            item->setText(tr("%1 (read-only)").arg(connection->displayName()));
            item->setToolTip(tr("%1 is read-only: records cannot be put into it.")
                                 .arg(connection->displayName()));
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
        } else if (firstWritable < 0 || connection == source) {
            firstWritable = connectionModel->rowCount();
        }
        connectionModel->appendRow(item);
    }
    m_connectionCombo->setModel(connectionModel);
    m_connectionCombo->setCurrentIndex(firstWritable);
    if (source && m_connectionCombo->currentIndex() >= 0
        && targetConnection() == source)
        m_wantedStream = sourceStream;

    m_rateSpin->setObjectName(u"rateSpin"_s);
    m_rateSpin->setRange(0, kMaxRate);
    m_rateSpin->setSingleStep(100);
    m_rateSpin->setSuffix(tr(" records/s"));
    m_rateSpin->setSpecialValueText(tr("As fast as allowed"));
    m_rateSpin->setGroupSeparatorShown(true);
    m_rateSpin->setAccelerated(true);

    auto *targetBox = new QGroupBox(tr("Put them into"), this);
    auto *targetForm = new QFormLayout(targetBox);
    targetForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *connectionLabel = new QLabel(tr("C&onnection:"), this);
    connectionLabel->setBuddy(m_connectionCombo);
    auto *streamLabel = new QLabel(tr("St&ream:"), this);
    streamLabel->setBuddy(m_streamCombo);
    auto *rateLabel = new QLabel(tr("R&ate:"), this);
    rateLabel->setBuddy(m_rateSpin);
    targetForm->addRow(connectionLabel, m_connectionCombo);
    targetForm->addRow(streamLabel, DialogText::withMessage(m_streamCombo, m_targetError));
    targetForm->addRow(rateLabel, m_rateSpin);

    // Progress and failures
    m_progressBar->setObjectName(u"progressBar"_s);
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    m_countsLabel->setObjectName(u"countsLabel"_s);
    m_countsLabel->setTextFormat(Qt::PlainText);
    m_countsLabel->setWordWrap(true);

    auto *form = new QVBoxLayout;
    form->addWidget(m_sourceBox);
    form->addWidget(targetBox);
    form->addWidget(m_progressBar);
    form->addWidget(m_countsLabel);
    form->addWidget(m_failuresTable, 1);

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_startButton, u"startButton"_s);
    m_cancelButton->setObjectName(u"stopButton"_s);
    m_cancelButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_cancelButton->setToolTip(tr("Stop sending; the records already put stay (Ctrl+.)."));
    m_cancelButton->hide();
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 620);

    connect(m_sourceBox, &RecordSourceBox::changed, this, &ReplayDialog::updateState);
    connect(m_connectionCombo, &QComboBox::currentIndexChanged, this, &ReplayDialog::loadStreams);
    connect(m_streamCombo, &QComboBox::currentIndexChanged, this, &ReplayDialog::updateState);
    connect(m_startButton, &QPushButton::clicked, this, &ReplayDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &ReplayDialog::cancelRun);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reader, &RangeReader::progress, this, [this](qint64 records, int done, int total) {
        m_progressBar->setRange(0, std::max(total, 1));
        m_progressBar->setValue(done);
        m_countsLabel->setText(tr("Reading the range: %1 so far, %2 of %3 done")
                                   .arg(DialogText::records(records), DialogText::shards(done))
                                   .arg(total));
    });
    connect(m_reader, &RangeReader::finished, this, [this](bool cancelled) {
        if (cancelled) {
            finishRun(true);
            return;
        }
        if (m_reader->error()) {
            m_errorLabel->showError(*m_reader->error());
            finishRun(false);
            return;
        }
        if (m_reader->records().isEmpty()) {
            m_errorLabel->showMessage(tr("No records in that range."));
            finishRun(false);
            return;
        }
        replay(m_reader->records());
    });
    connect(m_replayer, &RecordReplayer::progress, this, &ReplayDialog::showProgress);
    connect(m_replayer, &RecordReplayer::recordsFailed, this,
            [this](const QList<ReplayFailure> &failures) { m_failuresTable->addFailures(failures, m_replaying); });
    connect(m_replayer, &RecordReplayer::finished, this, &ReplayDialog::finishRun);

    if (connections.isEmpty())
        m_targetError->showMessage(tr("There is no connection to put records into."));
    else if (firstWritable < 0)
        m_targetError->showMessage(tr("Every connection is read-only."));
    loadStreams();
}

ReplayDialog::~ReplayDialog() = default;

void ReplayDialog::setRecords(const QList<RecordEntry> &records)
{
    m_records = records;
    m_sourceBox->setRecordCount(records.size());
    updateState();
}

bool ReplayDialog::selectTarget(StreamBackend *connection, const QString &streamName)
{
    for (qsizetype i = 0; i < m_connections.size(); ++i) {
        if (m_connections.at(i) != connection || connection->isReadOnly())
            continue;
        m_wantedStream = streamName;
        if (m_connectionCombo->currentIndex() == int(i)) {
            const int row = m_streamCombo->findText(streamName);
            if (row >= 0)
                m_streamCombo->setCurrentIndex(row);
            else
                loadStreams();
        } else {
            m_connectionCombo->setCurrentIndex(int(i));
        }
        return true;
    }
    return false;
}

StreamBackend *ReplayDialog::targetConnection() const
{
    const int index = m_connectionCombo->currentIndex();
    if (index < 0 || index >= m_connections.size())
        return nullptr;
    return m_connections.at(index);
}

void ReplayDialog::loadStreams()
{
    const quint64 generation = ++m_streamsGeneration;
    if (m_wantedStream.isEmpty() && m_streamCombo->currentIndex() >= 0)
        m_wantedStream = m_streamCombo->currentText(); // keep the choice across connections
    m_streamCombo->clear();
    StreamBackend *target = targetConnection();
    if (!target) {
        m_streamsLoading = false;
        updateState();
        return;
    }
    m_targetError->clearMessage();
    m_streamsLoading = true;
    m_streamCombo->setPlaceholderText(tr("Listing streams…"));
    updateState();
    onResult(this, target->listAllStreams(),
             [this, generation](BackendResult<QList<StreamSummary>> result) {
                 if (generation != m_streamsGeneration)
                     return;
                 m_streamsLoading = false;
                 m_streamCombo->setPlaceholderText(QString());
                 if (!result) {
                     m_targetError->showError(result.error());
                     updateState();
                     return;
                 }
                 QStringList names;
                 for (const StreamSummary &summary : *result)
                     names.append(summary.streamName);
                 names.sort();
                 m_streamCombo->addItems(names);
                 if (names.isEmpty())
                     m_targetError->showMessage(tr("This connection has no streams."));
                 const int wanted = m_streamCombo->findText(m_wantedStream);
                 m_streamCombo->setCurrentIndex(wanted >= 0 ? wanted : 0);
                 m_wantedStream.clear();
                 updateState();
             });
}

void ReplayDialog::updateState()
{
    const bool ranged = !m_sourceBox->givenRecordsChosen();
    m_sourceBox->setChoosable(m_running, m_source != nullptr);
    m_connectionCombo->setEnabled(!m_running);
    m_streamCombo->setEnabled(!m_running && !m_streamsLoading);
    m_rateSpin->setEnabled(!m_running);
    StreamBackend *target = targetConnection();
    const bool sourceOk = !ranged ? !m_records.isEmpty() : m_source != nullptr;
    m_startButton->setEnabled(!m_running && sourceOk && target && !target->isReadOnly()
                              && m_streamCombo->currentIndex() >= 0);
    m_startButton->setVisible(!m_running);
    m_cancelButton->setVisible(m_running);
}

void ReplayDialog::start()
{
    if (!m_startButton->isEnabled())
        return;
    m_running = true;
    m_errorLabel->clearMessage();
    m_failuresTable->reset();
    m_replaying.clear();
    m_progressBar->setValue(0);
    m_countsLabel->clear();
    updateState();
    if (m_sourceBox->givenRecordsChosen()) {
        replay(m_records);
        return;
    }
    const RecordRange range = m_sourceBox->range();
    m_countsLabel->setText(tr("Reading the range…"));
    m_reader->start(m_source, m_sourceStream, range);
}

void ReplayDialog::replay(const QList<RecordEntry> &records)
{
    m_replaying = records;
    m_progressBar->setRange(0, int(std::min<qsizetype>(records.size(), INT_MAX)));
    m_progressBar->setValue(0);
    ReplayOptions options;
    options.recordsPerSecond = m_rateSpin->value();
    m_replayer->start(records, targetConnection(), m_streamCombo->currentText(), options);
    showProgress();
}

void ReplayDialog::cancelRun()
{
    if (m_reader->isRunning())
        m_reader->cancel();
    else if (m_replayer->isRunning())
        m_replayer->cancel();
}

void ReplayDialog::finishRun(bool cancelled)
{
    m_running = false;
    const bool replayed = !m_replaying.isEmpty();
    if (m_replayer->error())
        m_errorLabel->showError(*m_replayer->error());
    if (replayed && (m_replayer->sent() > 0 || m_replayer->failed() > 0)) {
        showProgress();
        const QString counts = m_countsLabel->text();
        m_countsLabel->setText(cancelled ? tr("Stopped. %1").arg(counts)
                                         : tr("Done. %1").arg(counts));
    } else if (cancelled) {
        m_countsLabel->setText(tr("Stopped."));
    }
    updateState();
    emit replayFinished(m_replayer->succeeded(), m_replayer->failed(), cancelled);
}

void ReplayDialog::showProgress()
{
    m_progressBar->setValue(int(std::min<qint64>(m_replayer->succeeded() + m_replayer->failed(), INT_MAX)));
    m_countsLabel->setText(ReplayFailuresTable::progressText(*m_replayer));
}

} // namespace shardscope
