#include "putrecorddialog.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "dialogs/dialogtext.h"
#include "dialogs/inlineerrorlabel.h"
#include "kinesis/hashkey.h"
#include "records/recordformat.h"
#include "records/recordreplayer.h"
#include "records/recordtemplate.h"
#include "records/replayfailurestable.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxRepeat = 100000;
constexpr int kMaxRate = 100000;

// 1-based line and column of a character offset.
QPair<int, int> lineAndColumn(const QString &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    const QStringView before = QStringView(text).first(offset);
    const int line = int(before.count(u'\n')) + 1;
    const qsizetype lastBreak = before.lastIndexOf(u'\n');
    return {line, int(offset - lastBreak)};
}

QLabel *selectable(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

PutRecordDialog::PutRecordDialog(StreamBackend *backend, const QString &streamName,
                                 QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_streamName(streamName),
      m_tabs(new QTabWidget(this)),
      m_partitionKeyEdit(new QLineEdit(this)),
      m_partitionKeyError(new InlineErrorLabel(this)),
      m_hashKeyCheck(new QCheckBox(tr("E&xplicit hash key:"), this)),
      m_hashKeyEdit(new QLineEdit(this)),
      m_hashKeyError(new InlineErrorLabel(this)),
      m_formatCombo(new QComboBox(this)),
      m_dataStack(new QStackedWidget(this)),
      m_dataEdit(new QPlainTextEdit(this)),
      m_fileLabel(new QLabel(this)),
      m_chooseFileButton(new QPushButton(tr("C&hoose File…"), this)),
      m_dataError(new InlineErrorLabel(this)),
      m_dataInfo(new QLabel(this)),
      m_repeatSpin(new QSpinBox(this)),
      m_templateCombo(new QComboBox(this)),
      m_loadTemplateButton(new QPushButton(tr("&Load"), this)),
      m_saveTemplateButton(new QPushButton(tr("Sa&ve"), this)),
      m_deleteTemplateButton(new QPushButton(tr("Dele&te"), this)),
      m_hashKeyValue(selectable(this, u"hashKeyValue"_s)),
      m_targetShardValue(selectable(this, u"targetShardValue"_s)),
      m_resultLabel(selectable(this, u"resultLabel"_s)),
      m_loadBatchButton(new QPushButton(tr("&Open File…"), this)),
      m_batchFileLabel(selectable(this, u"batchFileLabel"_s)),
      m_batchSummary(selectable(this, u"batchSummary"_s)),
      m_batchErrors(new QListWidget(this)),
      m_progressPanel(new QWidget(this)),
      m_progressBar(new QProgressBar(m_progressPanel)),
      m_rateSpin(new QSpinBox(this)),
      m_cancelBatchButton(new QPushButton(tr("Stop"), m_progressPanel)),
      m_batchResult(selectable(m_progressPanel, u"batchResult"_s)),
      m_failuresTable(new ReplayFailuresTable(m_progressPanel)),
      m_replayer(new RecordReplayer(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this)),
      m_sendButton(m_buttons->addButton(tr("&Send"), QDialogButtonBox::AcceptRole))
{
    setObjectName(u"putRecordDialog"_s);
    setWindowTitle(tr("Put Records — %1").arg(streamName));

    m_tabs->setObjectName(u"putTabs"_s);
    m_tabs->addTab(buildRecordTab(), tr("&Record"));
    m_tabs->addTab(buildBatchTab(), tr("&Batch"));

    m_progressPanel->setObjectName(u"progressPanel"_s);
    m_progressBar->setObjectName(u"progressBar"_s);
    m_cancelBatchButton->setObjectName(u"cancelBatchButton"_s);
    m_cancelBatchButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_cancelBatchButton->setToolTip(tr("Stop sending; the records already put stay (Ctrl+.)."));
    // Failures name the record by where it came from: its file line, or its repeat number.
    m_failuresTable->setRecordLabel([this](qsizetype index, const RecordEntry &record) {
        const int origin = m_runOrigins.value(index);
        return m_runFromFile ? tr("Line %1 · %2").arg(origin).arg(record.partitionKey)
                             : tr("Repeat %1 · %2").arg(origin).arg(record.partitionKey);
    });
    m_failuresTable->setMaximumHeight(160);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressBar, 1);
    progressRow->addWidget(m_cancelBatchButton);
    auto *progressLayout = new QVBoxLayout(m_progressPanel);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addLayout(progressRow);
    progressLayout->addWidget(m_batchResult);
    progressLayout->addWidget(m_failuresTable);
    m_progressPanel->hide();

    m_rateSpin->setObjectName(u"rateSpin"_s);
    m_rateSpin->setRange(0, kMaxRate);
    m_rateSpin->setSingleStep(100);
    m_rateSpin->setSuffix(tr(" records/s"));
    m_rateSpin->setSpecialValueText(tr("As fast as allowed"));
    m_rateSpin->setGroupSeparatorShown(true);
    m_rateSpin->setToolTip(
        tr("How fast a batch or a repeat is put; throttled records are retried either way."));
    auto *rateLabel = new QLabel(tr("R&ate:"), this);
    rateLabel->setBuddy(m_rateSpin);
    auto *rateRow = new QHBoxLayout;
    rateRow->addWidget(rateLabel);
    rateRow->addWidget(m_rateSpin);
    rateRow->addStretch(1);

    m_errorLabel->setObjectName(u"errorLabel"_s);
    m_buttons->setObjectName(u"buttons"_s);
    m_sendButton->setObjectName(u"sendButton"_s);
    m_sendButton->setDefault(true);
    m_sendButton->setToolTip(tr("Put the record (%1)")
                                 .arg(QKeySequence(Qt::CTRL | Qt::Key_Return)
                                          .toString(QKeySequence::NativeText)));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(rateRow);
    layout->addWidget(m_progressPanel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);
    setMinimumWidth(620);
    resize(720, 640);

    // Shortcuts that work from inside the multi-line data field, where Return is a new line.
    auto *sendAction = new QAction(tr("Send"), this);
    sendAction->setObjectName(u"sendAction"_s);
    sendAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return),
                              QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(sendAction, &QAction::triggered, this, &PutRecordDialog::send);
    addAction(sendAction);
    auto *openAction = new QAction(tr("Open Batch File…"), this);
    openAction->setObjectName(u"openBatchAction"_s);
    openAction->setShortcut(QKeySequence::Open);
    connect(openAction, &QAction::triggered, this, &PutRecordDialog::chooseBatchFile);
    addAction(openAction);

    connect(m_sendButton, &QPushButton::clicked, this, &PutRecordDialog::send);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_cancelBatchButton, &QPushButton::clicked, this, &PutRecordDialog::cancelBatch);
    connect(m_replayer, &RecordReplayer::progress, this, &PutRecordDialog::showBatchProgress);
    connect(m_replayer, &RecordReplayer::recordsFailed, this,
            [this](const QList<ReplayFailure> &failures) {
                m_failuresTable->addFailures(failures, m_runRecords);
            });
    connect(m_replayer, &RecordReplayer::recordsPut, this, [this](const QList<ReplayPut> &puts) {
        for (const ReplayPut &put : puts)
            ++m_runShards[put.shardId];
    });
    connect(m_replayer, &RecordReplayer::finished, this, &PutRecordDialog::finishBatch);
    connect(m_tabs, &QTabWidget::currentChanged, this, &PutRecordDialog::updateState);

    if (!m_backend) {
        m_errorLabel->showMessage(tr("The connection is closed."));
    } else if (m_backend->isReadOnly()) {
        m_errorLabel->showMessage(
            tr("This connection is read-only: records cannot be put into “%1”.").arg(streamName));
    } else {
        loadShards();
        loadStreamLimits();
    }
    refreshTemplateNames();
    validate();
    m_partitionKeyEdit->setFocus();
}

PutRecordDialog::~PutRecordDialog() = default;

QWidget *PutRecordDialog::buildRecordTab()
{
    auto *page = new QWidget(this);
    m_partitionKeyEdit->setObjectName(u"partitionKeyEdit"_s);
    m_partitionKeyEdit->setPlaceholderText(tr("e.g. user-{{random:int:1:100}}"));
    m_partitionKeyEdit->setClearButtonEnabled(true);
    m_partitionKeyError->setObjectName(u"partitionKeyError"_s);
    auto *pkLabel = new QLabel(tr("&Partition key:"), page);
    pkLabel->setBuddy(m_partitionKeyEdit);

    m_hashKeyCheck->setObjectName(u"hashKeyCheck"_s);
    m_hashKeyCheck->setToolTip(tr("Route by this hash key instead of the MD5 of the partition "
                                  "key: a decimal from 0 to 2^128 - 1."));
    m_hashKeyEdit->setObjectName(u"hashKeyEdit"_s);
    m_hashKeyEdit->setEnabled(false);
    m_hashKeyEdit->setPlaceholderText(u"0 … 340282366920938463463374607431768211455"_s);
    m_hashKeyError->setObjectName(u"hashKeyError"_s);

    m_formatCombo->setObjectName(u"formatCombo"_s);
    m_formatCombo->addItems({tr("Text"), tr("JSON"), tr("Hex"), tr("File")});
    auto *formatLabel = new QLabel(tr("&Data as:"), page);
    formatLabel->setBuddy(m_formatCombo);
    m_dataEdit->setObjectName(u"dataEdit"_s);
    m_dataEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_dataEdit->setPlaceholderText(
        tr("The record's data. Placeholders: {{counter}}, {{random:int:1:100}}, {{uuid}}, "
           "{{timestamp}}, {{choice:a|b|c}}"));
    m_dataEdit->setTabChangesFocus(true);
    m_dataEdit->setMinimumHeight(120);
    auto *filePage = new QWidget(page);
    m_fileLabel->setObjectName(u"fileLabel"_s);
    m_fileLabel->setText(tr("No file chosen."));
    m_fileLabel->setWordWrap(true);
    m_chooseFileButton->setObjectName(u"chooseFileButton"_s);
    auto *fileLayout = new QHBoxLayout(filePage);
    fileLayout->setContentsMargins(0, 0, 0, 0);
    fileLayout->addWidget(m_fileLabel, 1);
    fileLayout->addWidget(m_chooseFileButton, 0, Qt::AlignTop);
    m_dataStack->addWidget(m_dataEdit);
    m_dataStack->addWidget(filePage);
    m_dataError->setObjectName(u"dataError"_s);
    m_dataInfo->setObjectName(u"dataInfo"_s);
    m_dataInfo->setTextFormat(Qt::PlainText);

    m_repeatSpin->setObjectName(u"repeatSpin"_s);
    m_repeatSpin->setRange(1, kMaxRepeat);
    m_repeatSpin->setGroupSeparatorShown(true);
    m_repeatSpin->setToolTip(tr("Put this many records, expanding the placeholders for each."));
    auto *repeatLabel = new QLabel(tr("Rep&eat:"), page);
    repeatLabel->setBuddy(m_repeatSpin);

    m_templateCombo->setObjectName(u"templateCombo"_s);
    m_templateCombo->setEditable(true);
    m_templateCombo->setInsertPolicy(QComboBox::NoInsert);
    m_templateCombo->lineEdit()->setPlaceholderText(tr("Template name"));
    m_templateCombo->setMinimumContentsLength(16);
    m_loadTemplateButton->setObjectName(u"loadTemplateButton"_s);
    m_saveTemplateButton->setObjectName(u"saveTemplateButton"_s);
    m_deleteTemplateButton->setObjectName(u"deleteTemplateButton"_s);
    auto *templateLabel = new QLabel(tr("Te&mplate:"), page);
    templateLabel->setBuddy(m_templateCombo);
    auto *templateRow = new QHBoxLayout;
    templateRow->addWidget(m_templateCombo, 1);
    templateRow->addWidget(m_loadTemplateButton);
    templateRow->addWidget(m_saveTemplateButton);
    templateRow->addWidget(m_deleteTemplateButton);

    auto *formatRow = new QHBoxLayout;
    formatRow->addWidget(m_formatCombo);
    formatRow->addWidget(m_dataInfo, 1);

    auto *repeatRow = new QHBoxLayout;
    repeatRow->addWidget(m_repeatSpin);
    repeatRow->addWidget(new QLabel(tr("times"), page));
    repeatRow->addStretch(1);

    auto *placeholders = new QLabel(
        tr("Placeholders in the key and data: {{counter}}, {{random:int:1:100}}, {{uuid}}, "
           "{{timestamp}}, {{choice:a|b|c}}"),
        page);
    placeholders->setWordWrap(true);
    placeholders->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette muted = placeholders->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    placeholders->setPalette(muted);
    QFont bold = m_targetShardValue->font();
    bold.setBold(true);
    m_targetShardValue->setFont(bold);

    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(pkLabel, DialogText::withMessage(m_partitionKeyEdit, m_partitionKeyError));
    form->addRow(m_hashKeyCheck, DialogText::withMessage(m_hashKeyEdit, m_hashKeyError));
    form->addRow(formatLabel, formatRow);
    form->addRow(DialogText::withMessage(m_dataStack, m_dataError));
    form->addRow(placeholders);
    form->addRow(repeatLabel, repeatRow);
    form->addRow(templateLabel, templateRow);
    form->addRow(tr("Hash key:"), m_hashKeyValue);
    form->addRow(tr("Target shard:"), m_targetShardValue);
    form->addRow(m_resultLabel);

    connect(m_partitionKeyEdit, &QLineEdit::textChanged, this, &PutRecordDialog::validate);
    connect(m_hashKeyEdit, &QLineEdit::textChanged, this, &PutRecordDialog::validate);
    connect(m_hashKeyCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_hashKeyEdit->setEnabled(on);
        if (on)
            m_hashKeyEdit->setFocus();
        validate();
    });
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_dataStack->setCurrentIndex(dataFormat() == DataFormat::File ? 1 : 0);
        validate();
    });
    connect(m_dataEdit, &QPlainTextEdit::textChanged, this, &PutRecordDialog::validate);
    connect(m_repeatSpin, &QSpinBox::valueChanged, this, &PutRecordDialog::validate);
    connect(m_chooseFileButton, &QPushButton::clicked, this, &PutRecordDialog::chooseDataFile);
    connect(m_loadTemplateButton, &QPushButton::clicked, this, &PutRecordDialog::loadTemplate);
    connect(m_saveTemplateButton, &QPushButton::clicked, this, &PutRecordDialog::saveTemplate);
    connect(m_deleteTemplateButton, &QPushButton::clicked, this, &PutRecordDialog::deleteTemplate);
    connect(m_templateCombo, &QComboBox::currentTextChanged, this, &PutRecordDialog::updateState);
    return page;
}

QWidget *PutRecordDialog::buildBatchTab()
{
    auto *page = new QWidget(this);
    m_loadBatchButton->setObjectName(u"loadBatchButton"_s);
    m_loadBatchButton->setToolTip(
        tr("Open a JSON Lines (.jsonl) or CSV (.csv) file (%1)")
            .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
    m_batchFileLabel->setText(tr("No file opened."));
    m_batchErrors->setObjectName(u"batchErrors"_s);
    m_batchErrors->hide();
    auto *help = new QLabel(
        tr("JSON Lines: one object per line with PartitionKey, one of Data (base64), DataText or "
           "DataJson, and optionally ExplicitHashKey.\nCSV: a header row with partitionKey, data "
           "(or dataBase64) and optionally explicitHashKey."),
        page);
    help->setWordWrap(true);
    QPalette muted = help->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    help->setPalette(muted);

    auto *row = new QHBoxLayout;
    row->addWidget(m_loadBatchButton);
    row->addWidget(m_batchFileLabel, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(help);
    layout->addWidget(m_batchSummary);
    layout->addWidget(m_batchErrors, 1);
    layout->addStretch();
    connect(m_loadBatchButton, &QPushButton::clicked, this, &PutRecordDialog::chooseBatchFile);
    return page;
}

void PutRecordDialog::loadShards()
{
    onResult(this,
             m_backend->listAllShards(StreamTarget::byName(m_streamName),
                                      ShardFilter{ShardFilterType::AtLatest, {}, {}}),
             [this](BackendResult<QList<Shard>> result) {
                 if (result) {
                     m_openShards = *result;
                     m_shardsKnown = true;
                 } else {
                     m_shardsError = InlineErrorLabel::describe(result.error());
                 }
                 updateTarget();
             });
}

void PutRecordDialog::loadStreamLimits()
{
    onResult(this, m_backend->describeStreamSummary(StreamTarget::byName(m_streamName)),
             [this](BackendResult<StreamDescriptionSummary> result) {
                 if (result && result->maxRecordSizeInKiB > 0) {
                     m_maxRecordKiB = result->maxRecordSizeInKiB;
                     validate();
                 }
             });
}

qint64 PutRecordDialog::maxRecordBytes() const
{
    return qint64(m_maxRecordKiB) * 1024;
}

PutRecordDialog::DataFormat PutRecordDialog::dataFormat() const
{
    return DataFormat(std::max(0, m_formatCombo->currentIndex()));
}

bool PutRecordDialog::onBatchTab() const
{
    return m_tabs->currentIndex() == 1;
}

std::expected<QByteArray, PutRecordDialog::HexError> PutRecordDialog::parseHex(const QString &text)
{
    QByteArray bytes;
    int high = -1;
    qsizetype highPosition = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == u':' || c == u'-')
            continue;
        if (c == u'0' && high < 0 && i + 1 < text.size()
            && (text.at(i + 1) == u'x' || text.at(i + 1) == u'X')) {
            ++i;
            continue;
        }
        int value = -1;
        if (c >= u'0' && c <= u'9')
            value = c.unicode() - u'0';
        else if (c >= u'a' && c <= u'f')
            value = c.unicode() - u'a' + 10;
        else if (c >= u'A' && c <= u'F')
            value = c.unicode() - u'A' + 10;
        if (value < 0)
            return std::unexpected(HexError{i, tr("“%1” is not a hex digit.").arg(c)});
        if (high < 0) {
            high = value;
            highPosition = i;
        } else {
            bytes.append(char(high << 4 | value));
            high = -1;
        }
    }
    if (high >= 0)
        return std::unexpected(
            HexError{highPosition, tr("An odd number of hex digits: the last byte has only one.")});
    return bytes;
}

std::expected<QByteArray, QString> PutRecordDialog::dataFor(const QString &expandedText) const
{
    switch (dataFormat()) {
    case DataFormat::Text:
        return expandedText.toUtf8();
    case DataFormat::Json: {
        const QByteArray utf8 = expandedText.toUtf8();
        QJsonParseError error{};
        QJsonDocument::fromJson(utf8, &error);
        if (error.error != QJsonParseError::NoError) {
            const qsizetype offset = QString::fromUtf8(utf8.left(error.offset)).size();
            const auto [line, column] = lineAndColumn(expandedText, offset);
            return std::unexpected(tr("Not valid JSON at line %1, column %2: %3")
                                       .arg(line)
                                       .arg(column)
                                       .arg(error.errorString()));
        }
        return utf8;
    }
    case DataFormat::Hex: {
        auto bytes = parseHex(expandedText);
        if (!bytes) {
            const auto [line, column] = lineAndColumn(expandedText, bytes.error().position);
            return std::unexpected(tr("Not valid hex at line %1, column %2: %3")
                                       .arg(line)
                                       .arg(column)
                                       .arg(bytes.error().message));
        }
        return *bytes;
    }
    case DataFormat::File:
        if (!m_dataFileError.isEmpty())
            return std::unexpected(m_dataFileError);
        if (m_dataFilePath.isEmpty())
            return std::unexpected(tr("Choose a file to send."));
        return m_dataFileBytes;
    }
    return QByteArray();
}

std::expected<QList<PutRecordsRequestEntry>, QString> PutRecordDialog::buildRecords() const
{
    auto pkTemplate = RecordTemplate::parse(m_partitionKeyEdit->text());
    if (!pkTemplate)
        return std::unexpected(pkTemplate.error().message);
    const bool templatedData = dataFormat() != DataFormat::File;
    auto dataTemplate = RecordTemplate::parse(templatedData ? m_dataEdit->toPlainText() : QString());
    if (!dataTemplate)
        return std::unexpected(dataTemplate.error().message);
    QList<PutRecordsRequestEntry> records;
    const int count = m_repeatSpin->value();
    records.reserve(count);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 1; i <= count; ++i) {
        TemplateContext context;
        context.counter = i;
        context.nowMs = now;
        PutRecordsRequestEntry record;
        record.partitionKey = pkTemplate->expand(context);
        if (m_hashKeyCheck->isChecked())
            record.explicitHashKey = m_hashKeyEdit->text().trimmed();
        auto bytes = dataFor(templatedData ? dataTemplate->expand(context) : QString());
        if (!bytes)
            return std::unexpected(count > 1 ? tr("Record %1: %2").arg(i).arg(bytes.error())
                                             : bytes.error());
        record.data = std::move(*bytes);
        const QString problem = RecordBatch::recordProblem(record, maxRecordBytes());
        if (!problem.isEmpty())
            return std::unexpected(count > 1 ? tr("Record %1: %2").arg(i).arg(problem) : problem);
        records.append(std::move(record));
    }
    return records;
}

void PutRecordDialog::validate()
{
    m_valid = false;
    // Partition key: a template whose first expansion is 1..256 characters.
    QString pkProblem;
    QString firstKey;
    auto pkTemplate = RecordTemplate::parse(m_partitionKeyEdit->text());
    if (!pkTemplate) {
        pkProblem = tr("Column %1: %2").arg(pkTemplate.error().position + 1).arg(pkTemplate.error().message);
    } else {
        TemplateContext first;
        firstKey = pkTemplate->expand(first);
        if (firstKey.isEmpty())
            pkProblem = m_partitionKeyEdit->isModified() || !m_dataEdit->toPlainText().isEmpty()
                            ? tr("Enter a partition key: every record needs one, even with an "
                                 "explicit hash key.")
                            : QString();
        else if (firstKey.size() > RecordBatch::kMaxPartitionKeyLength)
            pkProblem = tr("The partition key has %L1 characters; at most %L2 are allowed.")
                            .arg(firstKey.size())
                            .arg(RecordBatch::kMaxPartitionKeyLength);
    }
    m_partitionKeyError->showMessage(pkProblem);

    QString ehkProblem;
    if (m_hashKeyCheck->isChecked() && !HashKey::fromDecimal(m_hashKeyEdit->text().trimmed()))
        ehkProblem = tr("Enter a decimal number from 0 to 2^128 - 1 "
                        "(340282366920938463463374607431768211455).");
    m_hashKeyError->showMessage(ehkProblem);

    // Data: the first expansion is checked as the chosen format.
    QString dataProblem;
    QString info;
    if (dataFormat() == DataFormat::File) {
        auto bytes = dataFor({});
        if (!bytes)
            dataProblem = bytes.error();
        else
            info = RecordFormat::size(bytes->size());
    } else {
        auto dataTemplate = RecordTemplate::parse(m_dataEdit->toPlainText());
        if (!dataTemplate) {
            const auto [line, column] =
                lineAndColumn(m_dataEdit->toPlainText(), dataTemplate.error().position);
            dataProblem = tr("Line %1, column %2: %3").arg(line).arg(column).arg(dataTemplate.error().message);
        } else {
            TemplateContext first;
            auto bytes = dataFor(dataTemplate->expand(first));
            if (!bytes)
                dataProblem = m_dataEdit->toPlainText().isEmpty() ? QString() : bytes.error();
            else if (bytes->size() + firstKey.toUtf8().size() > maxRecordBytes())
                dataProblem = tr("The record is %1; this stream takes at most %2.")
                                  .arg(RecordFormat::size(bytes->size() + firstKey.toUtf8().size()),
                                       RecordFormat::size(maxRecordBytes()));
            else
                info = dataTemplate->hasPlaceholders()
                           ? tr("%1 (first record)").arg(RecordFormat::size(bytes->size()))
                           : RecordFormat::size(bytes->size());
        }
    }
    m_dataError->showMessage(dataProblem);
    m_dataInfo->setText(info);
    m_valid = pkProblem.isEmpty() && !firstKey.isEmpty() && ehkProblem.isEmpty()
           && dataProblem.isEmpty()
           && !(dataFormat() == DataFormat::Json && m_dataEdit->toPlainText().isEmpty());
    updateTarget();
    updateState();
}

void PutRecordDialog::updateTarget()
{
    std::optional<HashKey> key;
    QString how;
    if (m_hashKeyCheck->isChecked()) {
        key = HashKey::fromDecimal(m_hashKeyEdit->text().trimmed());
        how = tr("explicit");
    } else if (auto pk = RecordTemplate::parse(m_partitionKeyEdit->text());
               pk && !m_partitionKeyEdit->text().isEmpty()) {
        TemplateContext first;
        key = HashKey::fromPartitionKey(pk->expand(first));
        how = pk->hasPlaceholders() ? tr("MD5 of the first record's partition key")
                                    : tr("MD5 of the partition key");
    }
    if (!key) {
        m_hashKeyValue->setText(tr("—"));
        m_targetShardValue->setText(tr("—"));
        return;
    }
    m_hashKeyValue->setText(tr("%1 (%2)").arg(key->toDecimal(), how));
    if (!m_shardsError.isEmpty()) {
        m_targetShardValue->setText(tr("Unknown: the shards could not be listed (%1).").arg(m_shardsError));
        return;
    }
    if (!m_shardsKnown) {
        m_targetShardValue->setText(m_backend && !m_backend->isReadOnly() ? tr("Listing shards…")
                                                                          : tr("—"));
        return;
    }
    const auto shard = std::find_if(m_openShards.cbegin(), m_openShards.cend(),
                                    [&](const Shard &s) { return s.hashKeyRange.contains(*key); });
    m_targetShardValue->setText(shard == m_openShards.cend() ? tr("No open shard holds this key.")
                                                             : shard->shardId);
}

void PutRecordDialog::updateState()
{
    const bool writable = m_backend && !m_backend->isReadOnly();
    const bool canSend = writable && !m_busy
                      && (onBatchTab() ? !m_batch.records.isEmpty() : m_valid);
    m_sendButton->setEnabled(canSend);
    if (onBatchTab())
        m_sendButton->setText(m_batch.records.isEmpty()
                                  ? tr("&Send")
                                  : tr("&Send %1").arg(DialogText::records(m_batch.records.size())));
    else
        m_sendButton->setText(m_repeatSpin->value() > 1
                                  ? tr("&Send %1").arg(DialogText::records(m_repeatSpin->value()))
                                  : tr("&Send"));
    m_loadBatchButton->setEnabled(!m_busy);
    const bool named = !m_templateCombo->currentText().trimmed().isEmpty();
    m_saveTemplateButton->setEnabled(named);
    m_loadTemplateButton->setEnabled(named && m_templateCombo->findText(m_templateCombo->currentText()) >= 0);
    m_deleteTemplateButton->setEnabled(m_loadTemplateButton->isEnabled());
    m_cancelBatchButton->setEnabled(m_busy && !m_cancelRequested);
    m_rateSpin->setEnabled(!m_busy);
}

void PutRecordDialog::setDataFile(const QString &path)
{
    m_dataFilePath = path;
    m_dataFileBytes.clear();
    m_dataFileError.clear();
    const QFileInfo info(path);
    if (!info.isFile()) {
        m_dataFileError = tr("“%1” is not a file.").arg(QDir::toNativeSeparators(path));
    } else if (info.size() > maxRecordBytes()) {
        m_dataFileError = tr("The file is %1; a record in this stream can hold at most %2.")
                              .arg(RecordFormat::size(info.size()), RecordFormat::size(maxRecordBytes()));
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            m_dataFileError = tr("Could not read “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        else
            m_dataFileBytes = file.readAll();
    }
    m_fileLabel->setText(tr("%1 (%2)").arg(QDir::toNativeSeparators(path),
                                           RecordFormat::size(info.size())));
    m_formatCombo->setCurrentIndex(int(DataFormat::File));
    validate();
}

void PutRecordDialog::chooseDataFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the Record's Data"));
    if (!path.isEmpty())
        setDataFile(path);
}

void PutRecordDialog::chooseBatchFile()
{
    if (m_busy)
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Batch File"), QString(),
        tr("JSON Lines or CSV (*.jsonl *.ndjson *.json *.csv);;All files (*)"));
    if (!path.isEmpty())
        loadBatchFile(path);
}

void PutRecordDialog::loadBatchFile(const QString &path)
{
    m_tabs->setCurrentIndex(1);
    m_batch = {};
    m_batchErrors->clear();
    QFile file(path);
    m_batchFileLabel->setText(QDir::toNativeSeparators(path));
    if (!file.open(QIODevice::ReadOnly)) {
        m_batchSummary->setText({});
        m_batchErrors->hide();
        m_errorLabel->showMessage(
            tr("Could not read “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        updateState();
        return;
    }
    m_errorLabel->clearMessage();
    const RecordBatch::Format format = RecordBatch::formatForFileName(path);
    m_batch = RecordBatch::parse(file.readAll(), format, maxRecordBytes());
    const QString formatName = format == RecordBatch::Format::Csv ? tr("CSV") : tr("JSON Lines");
    QString summary = tr("%1 ready to send (%2).")
                          .arg(DialogText::recordsAndBytes(m_batch.records.size(), m_batch.totalBytes),
                               formatName);
    if (!m_batch.errors.isEmpty())
        summary += u' '
                 + (m_batch.errors.size() == 1
                        ? tr("1 line cannot be read and will be skipped:")
                        : tr("%L1 lines cannot be read and will be skipped:").arg(m_batch.errors.size()));
    m_batchSummary->setText(summary);
    for (const BatchLineError &error : std::as_const(m_batch.errors))
        m_batchErrors->addItem(tr("Line %1: %2").arg(error.line).arg(error.message));
    m_batchErrors->setVisible(!m_batch.errors.isEmpty());
    updateState();
}

void PutRecordDialog::send()
{
    if (!m_sendButton->isEnabled() || !m_backend)
        return;
    m_errorLabel->clearMessage();
    if (onBatchTab()) {
        m_runFromFile = true;
        startBatch(m_batch.records, m_batch.lines);
        return;
    }
    auto records = buildRecords();
    if (!records) {
        m_errorLabel->showMessage(records.error());
        return;
    }
    if (records->size() == 1) {
        sendSingle(records->first());
        return;
    }
    QList<int> repeats;
    repeats.reserve(records->size());
    for (qsizetype i = 0; i < records->size(); ++i)
        repeats.append(int(i) + 1);
    m_runFromFile = false;
    startBatch(*records, repeats);
}

void PutRecordDialog::sendSingle(const PutRecordsRequestEntry &record)
{
    PutRecordRequest request;
    request.target = StreamTarget::byName(m_streamName);
    request.data = record.data;
    request.partitionKey = record.partitionKey;
    request.explicitHashKey = record.explicitHashKey;
    m_busy = true;
    m_resultLabel->setText(tr("Sending…"));
    updateState();
    onResult(this, m_backend->putRecord(request), [this](BackendResult<PutRecordResponse> result) {
        m_busy = false;
        if (!result) {
            m_resultLabel->clear();
            m_errorLabel->showError(result.error());
        } else {
            const QString sequence = result->sequenceNumber.toString();
            m_resultLabel->setText(tr("Put into %1 with sequence number %2.")
                                       .arg(result->shardId, sequence));
            emit recordPut(result->shardId, sequence);
        }
        updateState();
    });
}

void PutRecordDialog::startBatch(const QList<PutRecordsRequestEntry> &records,
                                 const QList<int> &origins)
{
    m_runRecords.clear();
    m_runRecords.reserve(records.size());
    for (const PutRecordsRequestEntry &entry : records) {
        RecordEntry record;
        record.partitionKey = entry.partitionKey;
        record.explicitHashKey = entry.explicitHashKey.value_or(QString());
        record.data = entry.data;
        m_runRecords.append(std::move(record));
    }
    m_runOrigins = origins;
    m_runShards.clear();
    m_cancelRequested = false;
    m_busy = true;
    m_failuresTable->reset();
    m_progressBar->setRange(0, int(std::min<qsizetype>(records.size(), INT_MAX)));
    m_progressBar->setValue(0);
    m_progressBar->setFormat(tr("%v of %m"));
    m_batchResult->setText(tr("Sending %1…").arg(DialogText::records(records.size())));
    m_progressPanel->show();
    m_resultLabel->clear();
    updateState();
    ReplayOptions options;
    options.recordsPerSecond = m_rateSpin->value();
    m_replayer->start(m_runRecords, m_backend, m_streamName, options);
}

void PutRecordDialog::showBatchProgress()
{
    m_progressBar->setValue(int(std::min<qint64>(m_replayer->done(), INT_MAX)));
    if (!m_cancelRequested)
        m_batchResult->setText(ReplayFailuresTable::progressText(*m_replayer));
}

void PutRecordDialog::cancelBatch()
{
    if (!m_busy)
        return;
    m_cancelRequested = true;
    m_batchResult->setText(tr("Stopping after the request in flight…"));
    updateState();
    m_replayer->cancel();
}

void PutRecordDialog::finishBatch(bool cancelled)
{
    m_busy = false;
    m_progressBar->setValue(int(std::min<qint64>(m_replayer->done(), INT_MAX)));
    const qint64 notSent = m_replayer->total() - m_replayer->done();
    QString text = tr("%1 put.").arg(DialogText::records(m_replayer->succeeded()));
    if (!m_runShards.isEmpty()) {
        // Where they landed, as the Record tab shows the target shard before a single put.
        const QLocale locale;
        QStringList shards;
        for (auto it = m_runShards.cbegin(); it != m_runShards.cend(); ++it)
            shards.append(tr("%1: %2").arg(it.key(), locale.toString(it.value())));
        text += u' ' + tr("By shard: %1.").arg(shards.join(u", "_s));
    }
    if (m_replayer->failed() > 0)
        text += u' ' + tr("%1 failed.").arg(DialogText::records(m_replayer->failed()));
    if (notSent > 0)
        text += u' ' + (cancelled ? tr("Stopped: %1 not sent.") : tr("%1 not sent."))
                           .arg(DialogText::records(notSent));
    m_batchResult->setText(text);
    if (m_replayer->error())
        m_errorLabel->showError(*m_replayer->error());
    updateState();
    emit batchFinished(int(m_replayer->succeeded()), int(m_replayer->failed()));
}

void PutRecordDialog::refreshTemplateNames()
{
    QSettings settings;
    const QString current = m_templateCombo->currentText();
    QSignalBlocker blocker(m_templateCombo);
    m_templateCombo->clear();
    m_templateCombo->addItems(RecordTemplate::savedNames(settings));
    m_templateCombo->setCurrentText(current);
    updateState();
}

void PutRecordDialog::saveTemplate()
{
    const QString name = m_templateCombo->currentText().trimmed();
    if (name.isEmpty())
        return;
    SavedTemplate saved;
    saved.name = name;
    saved.partitionKey = m_partitionKeyEdit->text();
    saved.explicitHashKey = m_hashKeyCheck->isChecked() ? m_hashKeyEdit->text() : QString();
    saved.data = dataFormat() == DataFormat::File ? QString() : m_dataEdit->toPlainText();
    saved.dataFormat = dataFormat() == DataFormat::File ? int(DataFormat::Text) : int(dataFormat());
    saved.repeat = m_repeatSpin->value();
    QSettings settings;
    RecordTemplate::save(settings, saved);
    refreshTemplateNames();
    m_resultLabel->setText(tr("Saved the template “%1”.").arg(name));
}

void PutRecordDialog::loadTemplate()
{
    QSettings settings;
    const auto saved = RecordTemplate::load(settings, m_templateCombo->currentText().trimmed());
    if (!saved)
        return;
    m_partitionKeyEdit->setText(saved->partitionKey);
    m_hashKeyCheck->setChecked(!saved->explicitHashKey.isEmpty());
    m_hashKeyEdit->setText(saved->explicitHashKey);
    m_formatCombo->setCurrentIndex(std::clamp(saved->dataFormat, 0, int(DataFormat::Hex)));
    m_dataEdit->setPlainText(saved->data);
    m_repeatSpin->setValue(std::max(1, saved->repeat));
    validate();
}

void PutRecordDialog::deleteTemplate()
{
    QSettings settings;
    RecordTemplate::remove(settings, m_templateCombo->currentText().trimmed());
    m_templateCombo->setCurrentText({});
    refreshTemplateNames();
}

} // namespace shardscope
