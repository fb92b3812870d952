#include "exportdialog.h"

#include "backend/streambackend.h"
#include "dialogs/dialogcalls.h"
#include "dialogs/dialogtext.h"
#include "dialogs/inlineerrorlabel.h"
#include "records/rangereader.h"
#include "records/recordsourcebox.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

ExportDialog::ExportDialog(StreamBackend *backend, const QString &streamName, QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_streamName(streamName),
      m_sourceBox(new RecordSourceBox(streamName, this)),
      m_formatCombo(new QComboBox(this)),
      m_pathEdit(new QLineEdit(this)),
      m_browseButton(new QPushButton(tr("&Browse…"), this)),
      m_progressBar(new QProgressBar(this)),
      m_resultLabel(new QLabel(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this)),
      m_exportButton(m_buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole)),
      m_stopButton(m_buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole)),
      m_reader(new RangeReader(this))
{
    setObjectName(u"exportDialog"_s);
    setWindowTitle(tr("Export Records — %1").arg(streamName));


    m_formatCombo->setObjectName(u"formatCombo"_s);
    m_formatCombo->addItem(tr("JSON Lines (.jsonl)"), int(ExportFormat::JsonLines));
    m_formatCombo->addItem(tr("CSV (.csv)"), int(ExportFormat::Csv));
    m_pathEdit->setObjectName(u"pathEdit"_s);
    m_pathEdit->setClearButtonEnabled(true);
    m_pathEdit->setText(QDir::home().filePath(streamName + u".jsonl"_s));
    m_browseButton->setObjectName(u"browseButton"_s);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_pathEdit, 1);
    pathRow->addWidget(m_browseButton);

    auto *fileBox = new QGroupBox(tr("Write them to"), this);
    auto *fileForm = new QFormLayout(fileBox);
    fileForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *formatLabel = new QLabel(tr("&Format:"), this);
    formatLabel->setBuddy(m_formatCombo);
    auto *pathLabel = new QLabel(tr("F&ile:"), this);
    pathLabel->setBuddy(m_pathEdit);
    fileForm->addRow(formatLabel, m_formatCombo);
    fileForm->addRow(pathLabel, pathRow);

    m_progressBar->setObjectName(u"progressBar"_s);
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    m_resultLabel->setObjectName(u"resultLabel"_s);
    m_resultLabel->setTextFormat(Qt::PlainText);
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QVBoxLayout;
    form->addWidget(m_sourceBox);
    form->addWidget(fileBox);
    form->addWidget(m_progressBar);
    form->addWidget(m_resultLabel);

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_exportButton, u"exportButton"_s);
    m_stopButton->setObjectName(u"stopButton"_s);
    m_stopButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_stopButton->setToolTip(tr("Stop; the file is left as it was (Ctrl+.)."));
    m_stopButton->hide();
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 560);

    connect(m_sourceBox, &RecordSourceBox::changed, this, &ExportDialog::updateState);
    connect(m_pathEdit, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, [this] {
        // Follow the format with the file's extension, when it is one of ours.
        const QString path = m_pathEdit->text();
        const QString wanted = format() == ExportFormat::Csv ? u".csv"_s : u".jsonl"_s;
        for (const QString &ext : {u".jsonl"_s, u".csv"_s}) {
            if (path.endsWith(ext) && ext != wanted) {
                m_pathEdit->setText(path.chopped(ext.size()) + wanted);
                break;
            }
        }
    });
    connect(m_browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::start);
    connect(m_stopButton, &QPushButton::clicked, this, &ExportDialog::stop);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reader, &RangeReader::progress, this, [this](qint64 records, int done, int total) {
        m_progressBar->setRange(0, std::max(total, 1));
        m_progressBar->setValue(done);
        m_resultLabel->setText(tr("Reading the range: %1 so far, %2 of %3 done")
                                   .arg(DialogText::records(records), DialogText::shards(done))
                                   .arg(total));
    });
    connect(m_reader, &RangeReader::finished, this, [this](bool cancelled) {
        if (cancelled) {
            m_resultLabel->setText(tr("Stopped; nothing was written."));
            finishRun();
            return;
        }
        if (m_reader->error()) {
            m_errorLabel->showError(*m_reader->error());
            m_resultLabel->clear();
            finishRun();
            return;
        }
        write(m_reader->records());
    });
    connect(&m_watcher, &QFutureWatcherBase::progressRangeChanged, m_progressBar,
            &QProgressBar::setRange);
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, m_progressBar,
            &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ExportDialog::writeDone);

    setRecords({});
}

ExportDialog::~ExportDialog()
{
    // Stop the writer (it discards its temporary file) before the dialog goes.
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void ExportDialog::setRecords(const QList<RecordEntry> &records)
{
    m_records = records;
    m_sourceBox->setRecordCount(records.size());
    updateState();
}

void ExportDialog::setFilePath(const QString &path)
{
    m_pathEdit->setText(path);
    if (path.endsWith(u".csv"_s, Qt::CaseInsensitive))
        m_formatCombo->setCurrentIndex(m_formatCombo->findData(int(ExportFormat::Csv)));
    else if (path.endsWith(u".jsonl"_s, Qt::CaseInsensitive))
        m_formatCombo->setCurrentIndex(m_formatCombo->findData(int(ExportFormat::JsonLines)));
}

ExportFormat ExportDialog::format() const
{
    return ExportFormat(m_formatCombo->currentData().toInt());
}

void ExportDialog::browse()
{
    const QString filter = format() == ExportFormat::Csv ? tr("CSV files (*.csv)")
                                                          : tr("JSON Lines files (*.jsonl)");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Records"), m_pathEdit->text(), filter);
    if (!path.isEmpty())
        setFilePath(path);
}

void ExportDialog::updateState()
{
    m_sourceBox->setChoosable(m_running, m_backend != nullptr);
    m_formatCombo->setEnabled(!m_running);
    m_pathEdit->setEnabled(!m_running);
    m_browseButton->setEnabled(!m_running);
    const bool sourceOk = m_sourceBox->givenRecordsChosen() ? !m_records.isEmpty() : m_backend != nullptr;
    m_exportButton->setEnabled(!m_running && sourceOk && !m_pathEdit->text().trimmed().isEmpty());
    m_exportButton->setVisible(!m_running);
    m_stopButton->setVisible(m_running);
}

void ExportDialog::start()
{
    if (!m_exportButton->isEnabled())
        return;
    m_running = true;
    m_errorLabel->clearMessage();
    m_resultLabel->clear();
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    updateState();
    if (m_sourceBox->givenRecordsChosen()) {
        write(m_records);
        return;
    }
    const RecordRange range = m_sourceBox->range();
    m_resultLabel->setText(tr("Reading the range…"));
    m_reader->start(m_backend, m_streamName, range);
}

void ExportDialog::stop()
{
    if (m_reader->isRunning())
        m_reader->cancel();
    else if (m_watcher.isRunning())
        m_watcher.cancel();
}

void ExportDialog::write(const QList<RecordEntry> &records)
{
    m_resultLabel->setText(tr("Writing %1…").arg(DialogText::records(records.size())));
    m_watcher.setFuture(
        RecordExport::writeFileAsync(m_pathEdit->text().trimmed(), format(), records));
}

void ExportDialog::writeDone()
{
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0) {
        m_resultLabel->setText(tr("Stopped; the file was left as it was."));
        finishRun();
        return;
    }
    const WriteResult result = m_watcher.result();
    if (!result) {
        m_errorLabel->showMessage(result.error());
        m_resultLabel->clear();
    } else if (result->cancelled) {
        m_resultLabel->setText(tr("Stopped; the file was left as it was."));
    } else {
        const QString kib = QLocale().toString(double(result->bytes) / 1024.0, 'f', 1);
        m_resultLabel->setText(tr("Wrote %1, %2 KiB to %3")
                                   .arg(DialogText::records(result->records), kib,
                                        QDir::toNativeSeparators(result->path)));
        m_progressBar->setRange(0, 1);
        m_progressBar->setValue(1);
        emit exported(result->path, result->records, result->bytes);
    }
    finishRun();
}

void ExportDialog::finishRun()
{
    m_running = false;
    updateState();
}

} // namespace shardscope
