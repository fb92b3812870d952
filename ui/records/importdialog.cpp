#include "importdialog.h"

#include "backend/streambackend.h"
#include "dialogs/dialogcalls.h"
#include "dialogs/dialogtext.h"
#include "dialogs/inlineerrorlabel.h"
#include "records/recordreplayer.h"
#include "records/replayfailurestable.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {
constexpr int kMaxRate = 100000;
constexpr int kMaxRows = 10000; // tables stop growing there; the counts go on

QTableWidget *makeTable(QWidget *parent, const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int i = 0; i + 1 < headers.size(); ++i)
        table->horizontalHeader()->setSectionResizeMode(i, QHeaderView::ResizeToContents);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setMinimumHeight(110);
    table->hide();
    return table;
}
} // namespace

ImportDialog::ImportDialog(StreamBackend *target, const QString &streamName, QWidget *parent)
    : QDialog(parent),
      m_target(target),
      m_streamName(streamName),
      m_pathEdit(new QLineEdit(this)),
      m_browseButton(new QPushButton(tr("&Browse…"), this)),
      m_previewLabel(new QLabel(this)),
      m_lineErrorsTable(makeTable(this, {tr("Line"), tr("Problem")})),
      m_rateSpin(new QSpinBox(this)),
      m_progressBar(new QProgressBar(this)),
      m_countsLabel(new QLabel(this)),
      m_failuresTable(new ReplayFailuresTable(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this)),
      m_importButton(m_buttons->addButton(tr("&Import"), QDialogButtonBox::ActionRole)),
      m_stopButton(m_buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole)),
      m_replayer(new RecordReplayer(this))
{
    setObjectName(u"importDialog"_s);
    setWindowTitle(tr("Import Records — %1").arg(streamName));

    m_pathEdit->setObjectName(u"pathEdit"_s);
    m_pathEdit->setPlaceholderText(tr("A JSON Lines file, one record per line"));
    m_pathEdit->setClearButtonEnabled(true);
    m_browseButton->setObjectName(u"browseButton"_s);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_pathEdit, 1);
    pathRow->addWidget(m_browseButton);
    m_previewLabel->setObjectName(u"previewLabel"_s);
    m_previewLabel->setTextFormat(Qt::PlainText);
    m_previewLabel->setWordWrap(true);
    m_lineErrorsTable->setObjectName(u"lineErrorsTable"_s);

    m_rateSpin->setObjectName(u"rateSpin"_s);
    m_rateSpin->setRange(0, kMaxRate);
    m_rateSpin->setSingleStep(100);
    m_rateSpin->setSuffix(tr(" records/s"));
    m_rateSpin->setSpecialValueText(tr("As fast as allowed"));
    m_rateSpin->setGroupSeparatorShown(true);

    auto *fileLabel = new QLabel(tr("F&ile:"), this);
    fileLabel->setBuddy(m_pathEdit);
    auto *rateLabel = new QLabel(tr("R&ate:"), this);
    rateLabel->setBuddy(m_rateSpin);
    auto *fields = new QFormLayout;
    fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    fields->addRow(tr("Into:"), new QLabel(target ? tr("%1 on %2").arg(streamName, target->displayName())
                                                  : streamName,
                                           this));
    fields->addRow(fileLabel, pathRow);
    fields->addRow(QString(), m_previewLabel);
    fields->addRow(rateLabel, m_rateSpin);

    m_progressBar->setObjectName(u"progressBar"_s);
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    m_countsLabel->setObjectName(u"countsLabel"_s);
    m_countsLabel->setTextFormat(Qt::PlainText);
    m_countsLabel->setWordWrap(true);

    auto *form = new QVBoxLayout;
    form->addLayout(fields);
    form->addWidget(m_lineErrorsTable, 1);
    form->addWidget(m_progressBar);
    form->addWidget(m_countsLabel);
    form->addWidget(m_failuresTable, 1);

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_importButton, u"importButton"_s);
    m_stopButton->setObjectName(u"stopButton"_s);
    m_stopButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_stopButton->setToolTip(tr("Stop sending; the records already put stay (Ctrl+.)."));
    m_stopButton->hide();
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 560);

    connect(m_pathEdit, &QLineEdit::editingFinished, this, &ImportDialog::load);
    connect(m_pathEdit, &QLineEdit::textChanged, this, &ImportDialog::updateState);
    connect(m_browseButton, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::start);
    connect(m_stopButton, &QPushButton::clicked, this, &ImportDialog::stop);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ImportDialog::loaded);
    connect(&m_watcher, &QFutureWatcherBase::progressRangeChanged, m_progressBar,
            &QProgressBar::setRange);
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, m_progressBar,
            &QProgressBar::setValue);
    connect(m_replayer, &RecordReplayer::progress, this, &ImportDialog::showProgress);
    connect(m_replayer, &RecordReplayer::recordsFailed, this,
            [this](const QList<ReplayFailure> &failures) { m_failuresTable->addFailures(failures, m_records); });
    connect(m_replayer, &RecordReplayer::finished, this, &ImportDialog::finishRun);

    if (!target)
        m_errorLabel->showMessage(tr("The connection is closed."));
    else if (target->isReadOnly())
        m_errorLabel->showMessage(tr("%1 is read-only: records cannot be put into it.")
                                      .arg(target->displayName()));
    updateState();
}

ImportDialog::~ImportDialog()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void ImportDialog::setFilePath(const QString &path)
{
    m_pathEdit->setText(path);
    load();
}

void ImportDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import Records"), m_pathEdit->text(),
        tr("JSON Lines files (*.jsonl *.json *.ndjson);;All files (*)"));
    if (!path.isEmpty())
        setFilePath(path);
}

void ImportDialog::load()
{
    const QString path = m_pathEdit->text().trimmed();
    if (m_running || path.isEmpty() || (path == m_loadedPath && !m_loading))
        return;
    m_watcher.cancel();
    m_loadedPath = path;
    m_loading = true;
    m_records.clear();
    m_lineErrorsTable->setRowCount(0);
    m_lineErrorsTable->hide();
    m_previewLabel->setText(tr("Reading %1…").arg(QDir::toNativeSeparators(path)));
    updateState();
    m_watcher.setFuture(RecordExport::readFileAsync(path));
}

void ImportDialog::loaded()
{
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0)
        return; // superseded by another file
    m_loading = false;
    const ReadResult result = m_watcher.result();
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    if (!result) {
        m_previewLabel->setText(result.error());
        m_loadedPath.clear();
        updateState();
        return;
    }
    m_records = result->records;
    const qint64 bad = result->errors.size();
    m_previewLabel->setText(bad == 0
                                ? tr("%1 ready to import.").arg(DialogText::records(m_records.size()))
                                : tr("%1 ready to import; %2 could not be read (below).")
                                      .arg(DialogText::records(m_records.size()),
                                           bad == 1 ? tr("1 line") : tr("%L1 lines").arg(bad)));
    for (const ImportLineError &error : result->errors) {
        if (m_lineErrorsTable->rowCount() >= kMaxRows)
            break;
        const int row = m_lineErrorsTable->rowCount();
        m_lineErrorsTable->insertRow(row);
        auto *line = new QTableWidgetItem(QLocale().toString(error.line));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_lineErrorsTable->setItem(row, 0, line);
        auto *message = new QTableWidgetItem(error.message);
        message->setToolTip(error.message);
        m_lineErrorsTable->setItem(row, 1, message);
    }
    m_lineErrorsTable->setVisible(bad > 0);
    updateState();
    emit previewReady(m_records.size(), bad);
}

void ImportDialog::updateState()
{
    const bool writable = m_target && !m_target->isReadOnly();
    m_pathEdit->setEnabled(!m_running);
    m_browseButton->setEnabled(!m_running);
    m_rateSpin->setEnabled(!m_running);
    m_importButton->setEnabled(!m_running && !m_loading && writable && !m_records.isEmpty()
                               && m_pathEdit->text().trimmed() == m_loadedPath);
    m_importButton->setVisible(!m_running);
    m_stopButton->setVisible(m_running);
}

void ImportDialog::start()
{
    if (!m_importButton->isEnabled())
        return;
    m_running = true;
    m_errorLabel->clearMessage();
    m_failuresTable->reset();
    m_progressBar->setRange(0, int(std::min<qsizetype>(m_records.size(), INT_MAX)));
    m_progressBar->setValue(0);
    updateState();
    ReplayOptions options;
    options.recordsPerSecond = m_rateSpin->value();
    m_replayer->start(m_records, m_target, m_streamName, options);
    showProgress();
}

void ImportDialog::stop()
{
    m_replayer->cancel();
}

void ImportDialog::finishRun(bool cancelled)
{
    m_running = false;
    if (m_replayer->error())
        m_errorLabel->showError(*m_replayer->error());
    showProgress();
    const QString counts = m_countsLabel->text();
    m_countsLabel->setText(cancelled ? tr("Stopped. %1").arg(counts) : tr("Done. %1").arg(counts));
    updateState();
    emit importFinished(m_replayer->succeeded(), m_replayer->failed(), cancelled);
}

void ImportDialog::showProgress()
{
    m_progressBar->setValue(int(std::min<qint64>(m_replayer->succeeded() + m_replayer->failed(), INT_MAX)));
    m_countsLabel->setText(ReplayFailuresTable::progressText(*m_replayer));
}

} // namespace shardscope
