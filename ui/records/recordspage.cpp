#include "recordspage.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "kinesis/sequencenumber.h"
#include "kinesis/shardid.h"
#include "models/recordsmodel.h"
#include "records/fanoutreader.h"
#include "records/filterscan.h"
#include "records/payloadspool.h"
#include "records/readerchoice.h"
#include "records/shardlagline.h"
#include "theme/theme.h"

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QInputMethodEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpressionValidator>
#include <QScrollBar>
#include <QSettings>
#include <QShowEvent>
#include <QSpinBox>
#include <QSplitter>
#include <QStringListModel>
#include <QTableView>
#include <QTextCharFormat>
#include <QTextLayout>
#include <QTimeZone>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

const QString kSavedFiltersKey = u"records/savedFilters"_s;
constexpr int kMaxDataPaths = 200;
constexpr int kScanChunk = 8192;

QLabel *inlineError(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    Theme::colourText(label, Theme::Status::Error);
    return label;
}

// QLineEdit has no API for formatting its text; an input method event with format attributes
// (and no preedit text) is the supported way to underline a range.
void setLineEditFormats(QLineEdit *edit, const QList<QTextLayout::FormatRange> &formats)
{
    QList<QInputMethodEvent::Attribute> attributes;
    for (const QTextLayout::FormatRange &range : formats)
        attributes.append(QInputMethodEvent::Attribute(QInputMethodEvent::TextFormat,
                                                       range.start - edit->cursorPosition(),
                                                       range.length, range.format));
    QInputMethodEvent event(QString(), attributes);
    QCoreApplication::sendEvent(edit, &event);
}

void collectPaths(const QJsonObject &object, const QString &prefix, int depth, QStringList &out)
{
    for (auto it = object.begin(); it != object.end() && out.size() < kMaxDataPaths; ++it) {
        const QString &key = it.key();
        const bool plain = !key.isEmpty() &&
                           std::all_of(key.begin(), key.end(), [](QChar c) {
                               return c.isLetterOrNumber() || c == u'_';
                           }) &&
                           !key.front().isDigit();
        const QString path = plain ? QString(prefix + u'.' + key)
                                   : QString(prefix + u"[\""_s + QString(key).replace(u'"', u"\\\""_s) + u"\"]"_s);
        if (!out.contains(path))
            out.append(path);
        if (depth > 0 && it.value().isObject())
            collectPaths(it.value().toObject(), path, depth - 1, out);
    }
}

} // namespace

RecordsPage::RecordsPage(QWidget *parent)
    : QWidget(parent),
      m_model(new RecordsModel(this)),
      m_results(new RecordsModel(this)),
      m_spool(std::make_shared<PayloadSpool>()),
      m_tail(new TailReader(this)),
      m_fanOut(new FanOutReader(this)),
      m_reader(m_tail),
      m_readerChoice(new ReaderChoice(this)),
      m_lagLine(new ShardLagLine(this)),
      m_scan(new FilterScan(this)),
      m_toolBar(new QToolBar(tr("Records"), this)),
      m_splitter(new QSplitter(Qt::Vertical, this)),
      m_view(new QTableView(this))
{
    setObjectName(u"recordsPage"_s);
    m_model->setObjectName(u"recordsModel"_s);
    m_results->setObjectName(u"filterResultsModel"_s);
    for (RecordsModel *model : {m_model, m_results})
        model->setFlushInterval(kFlushIntervalMs);
    m_model->setMaximumRows(kMaximumRows);
    m_model->setPayloadLoader([this](const RecordLocator &locator) { return m_spool->payload(locator.serial); });
    m_results->setPayloadLoader([this](const RecordLocator &locator) {
        const quint64 index = locator.serial - m_resultsBase;
        return m_spool->payload(index < quint64(m_resultSerials.size()) ? m_resultSerials[qsizetype(index)]
                                                                        : ~quint64(0));
    });
    // The ring cap dropped the oldest rows: their payloads need not be found any more.
    connect(m_model, &QAbstractItemModel::rowsRemoved, this,
            [this] { m_spool->discardBefore(m_model->serial(0)); });

    // Toolbar: where to start, which shard, and the run controls.
    m_toolBar->setObjectName(u"recordsToolBar"_s);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addWidget(new QLabel(tr("Start at") + u' ', m_toolBar));
    m_position = new QComboBox(m_toolBar);
    m_position->setObjectName(u"startPosition"_s);
    // Recent first, and the default: opening a topic in a Kafka or Kinesis browser shows its
    // newest records at once and then follows new ones. LATEST shows nothing until the next put;
    // TRIM_HORIZON reads the whole retention (24 hours to a year: millions of records, and on
    // AWS minutes of GetRecords at 2 MiB/s per shard) before the newest rows appear. The last
    // 15 minutes keep a busy stream's catch-up short and still show a quiet stream's traffic.
    m_position->addItem(tr("Recent"), Recent);
    m_position->addItem(tr("Trim horizon"), TrimHorizon);
    m_position->addItem(tr("Latest"), Latest);
    m_position->addItem(tr("At timestamp"), AtTimestamp);
    m_position->addItem(tr("At sequence number"), AtSequenceNumber);
    m_position->addItem(tr("After sequence number"), AfterSequenceNumber);
    m_position->setToolTip(tr("Where each shard is read from"));
    m_toolBar->addWidget(m_position);

    m_recentMinutes = new QSpinBox(m_toolBar);
    m_recentMinutes->setObjectName(u"startRecentMinutes"_s);
    m_recentMinutes->setRange(1, 60 * 24 * 365); // up to the longest retention
    m_recentMinutes->setValue(kDefaultRecentMinutes);
    m_recentMinutes->setPrefix(tr("last "));
    m_recentMinutes->setSuffix(tr(" min"));
    m_recentMinutes->setGroupSeparatorShown(true);
    m_recentMinutes->setToolTip(
        tr("Read the records that arrived in the last this many minutes, then new ones"));
    m_recentAction = m_toolBar->addWidget(m_recentMinutes);

    m_timestamp = new QDateTimeEdit(m_toolBar);
    m_timestamp->setObjectName(u"startTimestamp"_s);
    m_timestamp->setTimeSpec(Qt::UTC);
    m_timestamp->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
    m_timestamp->setCalendarPopup(true);
    m_timestamp->setDateTime(QDateTime::currentDateTimeUtc().addSecs(-3600));
    m_timestamp->setToolTip(tr("Read the records that arrived at or after this time"));
    m_timestampAction = m_toolBar->addWidget(m_timestamp);

    m_sequence = new QLineEdit(m_toolBar);
    m_sequence->setObjectName(u"startSequenceNumber"_s);
    m_sequence->setPlaceholderText(tr("Sequence number"));
    m_sequence->setClearButtonEnabled(true);
    m_sequence->setMinimumWidth(m_sequence->fontMetrics().horizontalAdvance(u'0') * 34);
    m_sequence->setValidator(new QRegularExpressionValidator(
        QRegularExpression(u"0|[1-9][0-9]{0,128}"_s), m_sequence));
    m_sequenceAction = m_toolBar->addWidget(m_sequence);

    m_toolBar->addSeparator();
    m_toolBar->addWidget(new QLabel(tr("Shard") + u' ', m_toolBar));
    m_shard = new QComboBox(m_toolBar);
    m_shard->setObjectName(u"startShard"_s);
    m_shard->addItem(tr("All shards"), QString());
    m_shard->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_toolBar->addWidget(m_shard);
    m_toolBar->addSeparator();

    m_startAction = m_toolBar->addAction(tr("&Start"));
    m_startAction->setObjectName(u"actionStartTail"_s);
    m_startAction->setShortcut(QKeySequence(tr("F8")));
    m_stopAction = m_toolBar->addAction(tr("St&op"));
    m_stopAction->setObjectName(u"actionStopTail"_s);
    m_stopAction->setShortcut(QKeySequence(tr("Shift+F8")));
    m_stopAction->setToolTip(tr("Stop reading (Shift+F8)"));
    m_clearAction = m_toolBar->addAction(tr("C&lear"));
    m_clearAction->setObjectName(u"actionClearRecords"_s);
    m_clearAction->setShortcut(QKeySequence(tr("Ctrl+L")));
    m_clearAction->setToolTip(tr("Forget the records read so far (Ctrl+L)"));
    // Bound to the page when it stands alone; the main window rebinds them window-wide.
    for (QAction *action : {m_startAction, m_stopAction, m_clearAction})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addActions({m_startAction, m_stopAction, m_clearAction, m_readerChoice->registerAction()});
    m_positionError = inlineError(m_toolBar);
    m_positionError->setObjectName(u"startPositionError"_s);
    m_positionErrorAction = m_toolBar->addWidget(m_positionError);
    m_positionErrorAction->setVisible(false);

    connect(m_position, &QComboBox::currentIndexChanged, this, [this] {
        m_positionErrorAction->setVisible(false);
        updatePositionInputs();
        updateEmptyHint();
    });
    connect(m_recentMinutes, &QSpinBox::valueChanged, this, &RecordsPage::updateEmptyHint);
    connect(m_sequence, &QLineEdit::textEdited, this, [this] { m_positionErrorAction->setVisible(false); });
    connect(m_sequence, &QLineEdit::returnPressed, this, [this] { start(); });
    connect(m_startAction, &QAction::triggered, this, &RecordsPage::startOrPause);
    connect(m_stopAction, &QAction::triggered, this, &RecordsPage::stop);
    connect(m_clearAction, &QAction::triggered, this, &RecordsPage::clear);

    // The table.
    m_view->setObjectName(u"recordsView"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    // Sized to their usual contents.
    const QFontMetrics metrics = m_view->fontMetrics();
    const int padding = 18;
    columns->resizeSection(RecordsModel::ShardColumn, metrics.horizontalAdvance(u"shardId-000000000000"_s) + padding);
    columns->resizeSection(RecordsModel::SequenceNumberColumn, metrics.horizontalAdvance(QString(32, u'0')) + padding);
    columns->resizeSection(RecordsModel::ArrivalTimeColumn,
                           metrics.horizontalAdvance(u"2026-11-26 21:49:59.307"_s) + padding);
    columns->resizeSection(RecordsModel::PartitionKeyColumn, metrics.horizontalAdvance(u'x') * 14 + padding);
    columns->resizeSection(RecordsModel::SizeColumn, metrics.horizontalAdvance(u"10,000,000"_s) + padding / 2);
    columns->resizeSection(RecordsModel::PreviewColumn, metrics.horizontalAdvance(u'x') * 48);
    // Time first: it is what the eye scans in a tail; the long sequence number last.
    columns->moveSection(columns->visualIndex(RecordsModel::ArrivalTimeColumn), 0);
    columns->moveSection(columns->visualIndex(RecordsModel::SequenceNumberColumn), RecordsModel::ColumnCount - 1);
    columns->setSectionHidden(RecordsModel::ExplicitHashKeyColumn, true); // rarely set; in the inspector
    for (RecordsModel *model : {m_model, m_results}) {
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this, model] {
            if (m_view->model() != model)
                return;
            const QScrollBar *bar = m_view->verticalScrollBar();
            m_stickToBottom = bar->value() >= bar->maximum();
        });
        connect(model, &QAbstractItemModel::rowsInserted, this, [this, model] {
            if (m_view->model() == model && m_stickToBottom)
                m_view->scrollToBottom();
        });
    }
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RecordsPage::currentRowChanged);

    // Why the table is empty, in the middle of it.
    m_emptyHint = new QLabel(m_view->viewport());
    m_emptyHint->setObjectName(u"recordsEmptyHint"_s);
    m_emptyHint->setTextFormat(Qt::RichText);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    m_emptyHint->setMargin(24);
    connect(m_emptyHint, &QLabel::linkActivated, this, [this] { startOrPause(); });
    auto *hintLayout = new QVBoxLayout(m_view->viewport());
    hintLayout->addWidget(m_emptyHint, 0, Qt::AlignCenter);
    for (RecordsModel *model : {m_model, m_results}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &RecordsPage::updateEmptyHint);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &RecordsPage::updateEmptyHint);
        connect(model, &QAbstractItemModel::modelReset, this, &RecordsPage::updateEmptyHint);
    }

    m_splitter->setObjectName(u"recordsSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_view);

    auto *statusLine = new QWidget(this);
    buildStatusLine(statusLine);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_toolBar);
    // How the stream is read, and while a consumer reads it, how far behind each shard is.
    auto *readerRow = new QHBoxLayout;
    readerRow->setContentsMargins(6, 0, 6, 0);
    readerRow->setSpacing(16);
    readerRow->addWidget(m_readerChoice);
    readerRow->addWidget(m_lagLine, 1);
    readerRow->addStretch();
    layout->addLayout(readerRow);
    layout->addWidget(buildFilterRow());
    layout->addWidget(m_splitter, 1);
    layout->addWidget(statusLine);

    // Reading: one of the two readers at a time, through the same handlers.
    for (RecordReader *reader : {static_cast<RecordReader *>(m_tail), static_cast<RecordReader *>(m_fanOut)}) {
        connect(reader, &RecordReader::recordsReceived, this, &RecordsPage::recordsReceived);
        connect(reader, &RecordReader::stateChanged, this, [this] {
            updateActions();
            updateStatus();
        });
        connect(reader, &RecordReader::shardsChanged, this, &RecordsPage::updateStatus);
        connect(reader, &RecordReader::throttledChanged, this, &RecordsPage::updateStatus);
        connect(reader, &RecordReader::failed, this, [this, reader](const Error &error) {
            m_error->setText(tr("Reading stopped: %1").arg(error.message));
            m_error->show();
            if (reader == m_fanOut && error.type == ErrorType::UnknownOperation)
                m_readerChoice->setUnavailable(error.message);
        });
        connect(reader, &RecordReader::warning, this, [this](const QString &message) {
            m_error->setText(message);
            m_error->show();
            QTimer::singleShot(5000, m_error, [this, message] {
                if (m_error->text() == message && m_reader->state() != RecordReader::State::Failed)
                    m_error->hide();
            });
        });
    }
    m_lagLine->setReader(m_fanOut);
    connect(m_readerChoice, &ReaderChoice::choiceChanged, this, &RecordsPage::updateEmptyHint);
    auto *rateTimer = new QTimer(this);
    rateTimer->setInterval(1000);
    connect(rateTimer, &QTimer::timeout, this, [this] {
        const qint64 t = m_rateClock.elapsed();
        const qint64 dt = t - m_rateAt;
        if (dt > 0)
            m_rate = double(m_received - m_rateCount) * 1000.0 / double(dt);
        m_rateAt = t;
        m_rateCount = m_received;
        updateStatus();
    });
    m_rateClock.start();
    rateTimer->start();

    // Filtering.
    connect(m_scan, &FilterScan::matchesFound, this, &RecordsPage::matchesFound);
    connect(m_scan, &FilterScan::progress, this, &RecordsPage::updateScanStatus);
    connect(m_scan, &FilterScan::finished, this, [this] {
        appendMatches(std::exchange(m_liveMatches, {}), std::exchange(m_liveSerials, {}));
        updateScanStatus();
    });

    reloadSavedFilters();
    updatePositionInputs();
    updateActions();
    updateStatus();
}

RecordsPage::~RecordsPage()
{
    m_tail->stop();
    m_fanOut->stop();
}

QWidget *RecordsPage::buildFilterRow()
{
    auto *row = new QWidget(this);
    row->setObjectName(u"filterRow"_s);
    m_filterEdit = new QLineEdit(row);
    m_filterEdit->setObjectName(u"filterEdit"_s);
    m_filterEdit->setPlaceholderText(tr("Filter, e.g. pk == \"user-42\" && data.status == \"error\" && size > 1k"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setToolTip(tr("Fields: %1. Ctrl+Space completes; Return applies.")
                                 .arg(FilterExpression::fields().join(u", "_s)));
    m_focusFilterAction = new QAction(tr("&Filter Records"), this);
    m_focusFilterAction->setObjectName(u"actionFocusRecordFilter"_s);
    m_focusFilterAction->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    m_focusFilterAction->setStatusTip(tr("Type a filter for the records read"));
    connect(m_focusFilterAction, &QAction::triggered, this, [this] { focusFilter(false); });
    m_completeAction = new QAction(tr("&Complete Filter"), this);
    m_completeAction->setObjectName(u"actionCompleteRecordFilter"_s);
    m_completeAction->setShortcut(QKeySequence(tr("Ctrl+Space")));
    m_completeAction->setStatusTip(
        tr("List the fields and JSON paths that fit at the cursor in the records filter"));
    connect(m_completeAction, &QAction::triggered, this, [this] { focusFilter(true); });
    for (QAction *action : {m_focusFilterAction, m_completeAction})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addActions({m_focusFilterAction, m_completeAction});

    m_filterMessage = new QLabel(row);
    m_filterMessage->setObjectName(u"filterMessage"_s);
    m_filterMessage->setTextFormat(Qt::PlainText);
    Theme::colourText(m_filterMessage, Theme::Status::Error);
    m_filterMessage->hide();

    const auto button = [row](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QToolButton(row);
        b->setText(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return b;
    };
    m_applyButton = button(tr("Apply"), u"applyFilter"_s, tr("Run the filter over every record read so far (Return)"));
    m_cancelButton = button(tr("Cancel"), u"cancelFilter"_s, tr("Stop the scan; the matches found so far stay"));
    m_clearFilterButton = button(tr("Show All"), u"clearFilter"_s, tr("Show every record again"));
    m_saveButton = button(tr("Save…"), u"saveFilter"_s, tr("Keep this filter under a name"));
    m_deleteButton = button(tr("Delete"), u"deleteFilter"_s, tr("Forget the chosen saved filter"));
    m_savedFilters = new QComboBox(row);
    m_savedFilters->setObjectName(u"savedFilters"_s);
    m_savedFilters->setToolTip(tr("Saved filters"));
    m_savedFilters->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_savedFilters->setMinimumContentsLength(12);
    m_scanStatus = new QLabel(row);
    m_scanStatus->setObjectName(u"scanStatus"_s);
    m_scanStatus->setTextFormat(Qt::PlainText);
    m_scanStatus->setForegroundRole(QPalette::PlaceholderText);
    m_cancelButton->hide();
    m_clearFilterButton->hide();

    m_completions = new QStringListModel(this);
    m_completer = new QCompleter(m_completions, this);
    m_completer->setWidget(m_filterEdit);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &RecordsPage::insertCompletion);

    connect(m_filterEdit, &QLineEdit::textChanged, this, &RecordsPage::validateFilter);
    connect(m_filterEdit, &QLineEdit::textEdited, this, [this] { updateCompletions(false); });
    connect(m_filterEdit, &QLineEdit::returnPressed, this, [this] {
        if (!m_completer->popup()->isVisible())
            applyFilter();
    });
    connect(m_applyButton, &QToolButton::clicked, this, &RecordsPage::applyFilter);
    connect(m_cancelButton, &QToolButton::clicked, this, &RecordsPage::cancelFilter);
    connect(m_clearFilterButton, &QToolButton::clicked, this, &RecordsPage::clearFilter);
    connect(m_saveButton, &QToolButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save Filter"), tr("Name:"), QLineEdit::Normal,
                                                   m_savedFilters->currentIndex() > 0
                                                       ? m_savedFilters->currentText()
                                                       : QString(),
                                                   &ok);
        if (ok && !name.trimmed().isEmpty())
            saveFilter(name.trimmed());
    });
    connect(m_deleteButton, &QToolButton::clicked, this, [this] {
        if (m_savedFilters->currentIndex() > 0)
            removeSavedFilter(m_savedFilters->currentText());
    });
    connect(m_savedFilters, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            loadSavedFilter(m_savedFilters->itemText(index));
        m_deleteButton->setEnabled(index > 0);
    });

    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(6, 0, 6, 0);
    auto *label = new QLabel(tr("F&ilter"), row); // Alt+F is the File menu
    label->setBuddy(m_filterEdit);
    layout->addWidget(label);
    layout->addWidget(m_filterEdit, 3);
    layout->addWidget(m_filterMessage, 2);
    layout->addWidget(m_applyButton);
    layout->addWidget(m_cancelButton);
    layout->addWidget(m_clearFilterButton);
    layout->addWidget(m_scanStatus);
    layout->addSpacing(8);
    layout->addWidget(m_savedFilters);
    layout->addWidget(m_saveButton);
    layout->addWidget(m_deleteButton);
    return row;
}

void RecordsPage::buildStatusLine(QWidget *statusLine)
{
    statusLine->setObjectName(u"recordsStatusLine"_s);
    m_status = new QLabel(statusLine);
    m_status->setObjectName(u"recordsStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_throttled = new QLabel(statusLine);
    m_throttled->setObjectName(u"throttledIndicator"_s);
    m_throttled->setTextFormat(Qt::PlainText);
    Theme::follow(m_throttled, [this](const QPalette &palette) {
        Theme::setStyleSheet(m_throttled, Theme::badgeStyleSheet(Theme::Status::Warning, palette));
    });
    m_throttled->hide();
    m_error = inlineError(statusLine);
    m_error->setObjectName(u"recordsError"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    auto *layout = new QHBoxLayout(statusLine);
    layout->setContentsMargins(6, 0, 6, 2);
    layout->addWidget(m_status);
    layout->addWidget(m_throttled);
    layout->addWidget(m_error, 1);
    layout->addStretch();
}

void RecordsPage::setStream(StreamBackend *backend, const QString &streamName)
{
    if (backend == m_backend && streamName == m_streamName)
        return;
    m_reader->stop();
    m_backend = backend;
    m_streamName = streamName;
    m_readerChoice->setStream(backend, streamName);
    m_startWhenShown = backend && !streamName.isEmpty();
    setShardIds({});
    clear();
    m_error->hide();
    updateActions();
    updateStatus();
    if (isVisible())
        startIfWanted();
}

void RecordsPage::setReadsWhenShown(bool on)
{
    m_readsWhenShown = on;
    if (isVisible())
        startIfWanted();
}

void RecordsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    startIfWanted();
}

void RecordsPage::startIfWanted()
{
    // Reading from AWS takes from the GetRecords quota (5 calls/s per shard) that the stream's
    // real consumers share, and costs data retrieval on on-demand streams: only Start does it.
    if (!m_readsWhenShown || !m_startWhenShown || !m_backend ||
        m_reader->state() != RecordReader::State::Stopped ||
        m_backend->kind() != BackendKind::LocalEmulator)
        return;
    m_startWhenShown = false;
    start();
}

void RecordsPage::focusFilter(bool complete)
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    if (complete)
        updateCompletions(true);
    else
        m_filterEdit->selectAll();
}

QList<QAction *> RecordsPage::commandActions() const
{
    return {m_startAction,       m_stopAction,     m_clearAction,
            m_focusFilterAction, m_completeAction, m_readerChoice->registerAction()};
}

QLabel *RecordsPage::emptyHint() const
{
    return m_emptyHint->isVisible() ? m_emptyHint : nullptr;
}

void RecordsPage::setShardIds(const QStringList &shardIds)
{
    const QString current = m_shard->currentData().toString();
    QStringList existing;
    for (int i = 1; i < m_shard->count(); ++i)
        existing.append(m_shard->itemData(i).toString());
    if (existing == shardIds)
        return;
    m_shard->clear();
    m_shard->addItem(tr("All shards"), QString());
    for (const QString &id : shardIds)
        m_shard->addItem(id, id);
    m_shard->setCurrentIndex(std::max(0, m_shard->findData(current)));
}

void RecordsPage::setSettings(QSettings *settings)
{
    m_settings = settings;
    reloadSavedFilters();
}

QSettings &RecordsPage::settings()
{
    if (m_settings)
        return *m_settings;
    if (!m_ownSettings)
        m_ownSettings = std::make_unique<QSettings>();
    return *m_ownSettings;
}

void RecordsPage::setInspector(QWidget *inspector)
{
    if (m_inspector == inspector)
        return;
    if (m_inspector)
        m_inspector->setParent(nullptr);
    m_inspector = inspector;
    if (inspector) {
        m_splitter->addWidget(inspector);
        // The table is what people come for: it gets three fifths of the height, the inspector
        // (empty until a row is clicked) the rest, whatever their size hints say.
        m_splitter->setStretchFactor(0, 3);
        m_splitter->setStretchFactor(1, 2);
        m_splitter->setSizes({600, 400});
    }
}

void RecordsPage::setStartPosition(Position position)
{
    m_position->setCurrentIndex(std::max(0, m_position->findData(position)));
}

RecordsPage::Position RecordsPage::startPosition() const
{
    return Position(m_position->currentData().toInt());
}

void RecordsPage::setStartRecentMinutes(int minutes)
{
    m_recentMinutes->setValue(minutes);
}

void RecordsPage::setStartTimestamp(qint64 epochMs)
{
    m_timestamp->setDateTime(QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone::utc()));
}

void RecordsPage::setStartSequenceNumber(const QString &sequenceNumber)
{
    m_sequence->setText(sequenceNumber);
}

void RecordsPage::setStartShard(const QString &shardId)
{
    int index = m_shard->findData(shardId);
    if (index < 0) {
        m_shard->addItem(shardId, shardId);
        index = m_shard->count() - 1;
    }
    m_shard->setCurrentIndex(index);
}

void RecordsPage::updatePositionInputs()
{
    const Position position = startPosition();
    m_recentAction->setVisible(position == Recent);
    m_timestampAction->setVisible(position == AtTimestamp);
    m_sequenceAction->setVisible(position == AtSequenceNumber || position == AfterSequenceNumber);
}

bool RecordsPage::start()
{
    const auto showError = [this](const QString &message) {
        m_positionError->setText(message);
        m_positionErrorAction->setVisible(true);
        return false;
    };
    if (!m_backend || m_streamName.isEmpty())
        return showError(tr("Choose a stream first."));
    TailStart position;
    position.shardId = m_shard->currentData().toString();
    m_startWhenShown = false; // started by hand, or just now by itself: once is enough
    switch (startPosition()) {
    case Recent:
        position.type = ShardIteratorType::AtTimestamp;
        position.timestampMs =
            QDateTime::currentMSecsSinceEpoch() - qint64(m_recentMinutes->value()) * 60'000;
        break;
    case TrimHorizon:
        position.type = ShardIteratorType::TrimHorizon;
        break;
    case Latest:
        position.type = ShardIteratorType::Latest;
        break;
    case AtTimestamp:
        position.type = ShardIteratorType::AtTimestamp;
        position.timestampMs = m_timestamp->dateTime().toMSecsSinceEpoch();
        if (position.timestampMs > QDateTime::currentMSecsSinceEpoch()) {
            m_timestamp->setFocus();
            return showError(tr("The time is in the future."));
        }
        break;
    case AtSequenceNumber:
    case AfterSequenceNumber:
        position.type = startPosition() == AtSequenceNumber
                            ? ShardIteratorType::AtSequenceNumber
                            : ShardIteratorType::AfterSequenceNumber;
        position.sequenceNumber = m_sequence->text().trimmed();
        if (position.sequenceNumber.isEmpty()) {
            m_sequence->setFocus();
            return showError(tr("Enter a sequence number."));
        }
        if (position.shardId.isEmpty()) {
            if (const auto shard = SequenceNumber::shardIndexOf(position.sequenceNumber))
                setStartShard(ShardId::format(*shard));
        }
        break;
    }
    m_positionErrorAction->setVisible(false);
    m_error->hide();
    clear();
    m_reader->stop();
    if (const QString consumer = m_readerChoice->consumerArn(); !consumer.isEmpty()) {
        m_fanOut->setConsumerArn(consumer);
        m_fanOutConsumer = m_readerChoice->consumerName();
        m_reader = m_fanOut;
    } else {
        m_reader = m_tail;
    }
    const auto started = m_reader->start(m_backend, m_streamName, position);
    if (!started)
        return showError(started.error());
    updateActions();
    updateStatus();
    return true;
}

void RecordsPage::startOrPause()
{
    switch (m_reader->state()) {
    case RecordReader::State::Running:
        m_reader->pause();
        break;
    case RecordReader::State::Paused:
        m_reader->resume();
        break;
    case RecordReader::State::Stopped:
    case RecordReader::State::Failed:
        start();
        break;
    }
}

void RecordsPage::stop()
{
    m_reader->stop();
    updateActions();
    updateStatus();
}

void RecordsPage::clear()
{
    m_scan->cancel();
    m_model->clear();
    m_results->clear();
    m_resultSerials.clear();
    m_resultsBase = m_results->serial(0);
    m_liveMatches.clear();
    m_liveSerials.clear();
    resetSpool();
    m_received = 0;
    m_rateCount = 0;
    m_rate = 0;
    m_stickToBottom = true;
    m_currentSerial = ~quint64(0);
    if (m_filterApplied)
        updateScanStatus();
    updateStatus();
}

void RecordsPage::resetSpool()
{
    // The spool numbers records like the model: the next record appended gets the next serial.
    m_spool->reset(m_model->serial(m_model->rowCount()) + quint64(m_model->pendingCount()));
}

void RecordsPage::recordsReceived(const QList<RecordEntry> &records)
{
    if (m_spool->endSerial() != m_model->serial(m_model->rowCount()) + quint64(m_model->pendingCount()))
        resetSpool(); // never happens; but a mismatch must not show wrong payloads
    const quint64 first = m_spool->append(records);
    m_model->append(records);
    m_received += records.size();
    learnDataPaths(records);
    updateStatus();
    if (!m_filterApplied)
        return;
    QList<RecordEntry> matched;
    QList<quint64> serials;
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (m_filter.matches(records[i])) {
            matched.append(records[i]);
            serials.append(first + quint64(i));
        }
    }
    if (m_scan->isRunning()) {
        m_liveMatches.append(matched);
        m_liveSerials.append(serials);
    } else {
        appendMatches(matched, serials);
        updateScanStatus();
    }
}

void RecordsPage::matchesFound(const QList<FilterMatch> &matches)
{
    QList<RecordEntry> records;
    QList<quint64> serials;
    records.reserve(matches.size());
    serials.reserve(matches.size());
    for (const FilterMatch &match : matches) {
        records.append(match.record);
        serials.append(m_scanFirst + quint64(match.ordinal));
    }
    appendMatches(records, serials);
}

void RecordsPage::appendMatches(const QList<RecordEntry> &records, const QList<quint64> &serials)
{
    if (records.isEmpty())
        return;
    m_resultSerials.append(serials);
    m_results->append(records);
}

void RecordsPage::applyFilter()
{
    validateFilter();
    if (m_filterError)
        return;
    const QString text = m_filterEdit->text().trimmed();
    if (text.isEmpty()) {
        clearFilter();
        return;
    }
    auto parsed = FilterExpression::parse(text);
    if (!parsed)
        return;
    m_filter = *parsed;
    m_filterText = text;
    m_filterApplied = true;
    m_results->clear();
    m_resultSerials.clear();
    m_resultsBase = m_results->serial(0);
    m_liveMatches.clear();
    m_liveSerials.clear();
    m_scanFirst = m_spool->firstSerial();
    m_scanEnd = m_spool->endSerial();
    showTable(m_results);

    const std::shared_ptr<PayloadSpool> spool = m_spool;
    const quint64 first = m_scanFirst;
    const quint64 end = m_scanEnd;
    m_scan->start(m_filter, [spool, first, end](int chunk) -> std::optional<QList<RecordEntry>> {
        const quint64 begin = first + quint64(chunk) * kScanChunk;
        if (begin >= end)
            return std::nullopt;
        const qint64 count = qint64(std::min<quint64>(kScanChunk, end - begin));
        auto records = spool->read(begin, count);
        // Records dropped by the ring cap meanwhile: stop rather than misnumber the rest.
        if (!records || records->size() != count)
            return std::nullopt;
        return std::move(*records);
    });
    updateScanStatus();
}

void RecordsPage::cancelFilter()
{
    m_scan->cancel();
}

void RecordsPage::clearFilter()
{
    m_scan->cancel();
    m_filterApplied = false;
    m_filterText.clear();
    m_results->clear();
    m_resultSerials.clear();
    m_resultsBase = m_results->serial(0);
    m_liveMatches.clear();
    m_liveSerials.clear();
    showTable(m_model);
    updateScanStatus();
}

void RecordsPage::showTable(RecordsModel *model)
{
    if (m_view->model() == model)
        return;
    QHeaderView *columns = m_view->horizontalHeader();
    const QByteArray state = columns->saveState();
    m_view->setModel(model);
    columns->restoreState(state);
    updateEmptyHint();
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RecordsPage::currentRowChanged);
    m_stickToBottom = true;
    m_view->scrollToBottom();
}

void RecordsPage::updateScanStatus()
{
    const bool running = m_scan->isRunning();
    m_cancelButton->setVisible(running);
    m_clearFilterButton->setVisible(m_filterApplied);
    if (!m_filterApplied) {
        m_scanStatus->clear();
        return;
    }
    const QLocale locale;
    QString text = tr("Scanned %1 / matched %2")
                       .arg(locale.toString(m_scan->scanned()), locale.toString(m_scan->matched()));
    if (running)
        text += tr(" of %1").arg(locale.toString(qint64(m_scanEnd - m_scanFirst)));
    else if (m_scan->wasCancelled())
        text += tr(" (cancelled)");
    const qint64 live = qint64(m_resultSerials.size()) - m_scan->matched();
    if (!running && live > 0)
        text += tr(" · %1 new").arg(locale.toString(live));
    m_scanStatus->setText(text);
}

void RecordsPage::validateFilter()
{
    const QString text = m_filterEdit->text();
    const auto parsed = FilterExpression::parse(text);
    if (parsed) {
        m_filterError.reset();
        m_filterMessage->hide();
        m_filterEdit->setToolTip(tr("Fields: %1. Ctrl+Space completes; Return applies.")
                                     .arg(FilterExpression::fields().join(u", "_s)));
    } else {
        m_filterError = parsed.error();
        m_filterMessage->setText(tr("%1 (column %2)").arg(parsed.error().message).arg(parsed.error().position + 1));
        m_filterMessage->setToolTip(parsed.error().message);
        m_filterMessage->show();
    }
    m_applyButton->setEnabled(!m_filterError);
    showFilterFormats();
}

void RecordsPage::showFilterFormats()
{
    QList<QTextLayout::FormatRange> formats;
    if (m_filterError && !m_filterEdit->text().isEmpty()) {
        const int size = int(m_filterEdit->text().size());
        int from = std::clamp(m_filterError->position, 0, size);
        int length = m_filterError->length;
        if (length <= 0 || from >= size) { // at the end: mark the last character
            from = std::max(0, std::min(from, size) - 1);
            length = 1;
        }
        QTextCharFormat format;
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        const QColor red = Theme::status(Theme::Status::Error, m_filterEdit->palette());
        format.setUnderlineColor(red);
        QColor wash = red;
        wash.setAlpha(40);
        format.setBackground(wash);
        formats.append({from, std::min(length, size - from), format});
    }
    setLineEditFormats(m_filterEdit, formats);
}

void RecordsPage::updateCompletions(bool force)
{
    const QString text = m_filterEdit->text();
    const int cursor = m_filterEdit->cursorPosition();
    m_completion = FilterExpression::completions(text, cursor, m_dataPaths);
    if (m_completion.candidates.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    const QString prefix = text.mid(m_completion.start, cursor - m_completion.start);
    if (prefix.isEmpty() && !force) {
        m_completer->popup()->hide();
        return;
    }
    m_completions->setStringList(m_completion.candidates);
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0 ||
        (m_completer->completionCount() == 1 && m_completer->currentCompletion() == prefix)) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = m_filterEdit->inputMethodQuery(Qt::ImCursorRectangle).toRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) +
                  m_completer->popup()->verticalScrollBar()->sizeHint().width() + 12);
    m_completer->complete(rect);
}

void RecordsPage::insertCompletion(const QString &candidate)
{
    QString text = m_filterEdit->text();
    const int start = std::clamp(m_completion.start, 0, int(text.size()));
    const int length = std::clamp(m_completion.length, 0, int(text.size()) - start);
    text.replace(start, length, candidate);
    m_filterEdit->setText(text);
    m_filterEdit->setCursorPosition(start + int(candidate.size()));
}

void RecordsPage::learnDataPaths(const QList<RecordEntry> &records)
{
    if (m_dataPaths.size() >= kMaxDataPaths)
        return;
    // A sample is enough: producers rarely change their shape from record to record.
    const qsizetype step = std::max<qsizetype>(1, records.size() / 8);
    for (qsizetype i = 0; i < records.size(); i += step) {
        const QByteArray &payload = records[i].data;
        if (payload.size() > 16 * 1024 || !payload.startsWith('{'))
            continue;
        const QJsonDocument json = QJsonDocument::fromJson(payload);
        if (json.isObject())
            collectPaths(json.object(), u"data"_s, 1, m_dataPaths);
    }
}

quint64 RecordsPage::sourceSerial(int row) const
{
    if (m_view->model() == m_results) {
        const quint64 index = m_results->serial(row) - m_resultsBase;
        return index < quint64(m_resultSerials.size()) ? m_resultSerials[qsizetype(index)] : ~quint64(0);
    }
    return m_model->serial(row);
}

QFuture<QList<RecordEntry>> RecordsPage::selectedRecords() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QList<quint64> serials;
    serials.reserve(rows.size());
    for (int row : std::as_const(rows))
        serials.append(sourceSerial(row));
    return m_spool->records(serials).then([](const PayloadSpool::RecordsResult &result) {
        return result ? *result : QList<RecordEntry>();
    });
}

int RecordsPage::recordsToActOnCount() const
{
    const int selected = int(m_view->selectionModel()->selectedRows().size());
    if (selected > 0 || !m_filterApplied)
        return selected;
    return m_results->rowCount();
}

QFuture<QList<RecordEntry>> RecordsPage::recordsToActOn() const
{
    if (!m_view->selectionModel()->selectedRows().isEmpty() || !m_filterApplied)
        return selectedRecords();
    QList<quint64> serials;
    const int rows = m_results->rowCount();
    serials.reserve(rows);
    for (int row = 0; row < rows; ++row)
        serials.append(sourceSerial(row));
    return m_spool->records(serials).then([](const PayloadSpool::RecordsResult &result) {
        return result ? *result : QList<RecordEntry>();
    });
}

QFuture<QList<RecordEntry>> RecordsPage::currentRecord() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return QtFuture::makeReadyFuture(QList<RecordEntry>());
    return m_spool->records({sourceSerial(current.row())}).then([](const PayloadSpool::RecordsResult &result) {
        return result ? *result : QList<RecordEntry>();
    });
}

void RecordsPage::currentRowChanged()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const quint64 serial = sourceSerial(current.row());
    if (serial == m_currentSerial)
        return;
    m_currentSerial = serial;
    onResult(this, m_spool->records({serial}), [this, serial](const PayloadSpool::RecordsResult &result) {
        if (serial != m_currentSerial || !result || result->isEmpty())
            return;
        emit currentRecordChanged(result->first());
    });
}

void RecordsPage::updateActions()
{
    const RecordReader::State state = m_reader->state();
    switch (state) {
    case RecordReader::State::Running:
        m_startAction->setText(tr("&Pause"));
        m_startAction->setToolTip(tr("Stop asking for records for now (F8)"));
        break;
    case RecordReader::State::Paused:
        m_startAction->setText(tr("&Resume"));
        m_startAction->setToolTip(tr("Continue where reading paused (F8)"));
        break;
    case RecordReader::State::Stopped:
    case RecordReader::State::Failed:
        m_startAction->setText(tr("&Start"));
        m_startAction->setToolTip(tr("Read the stream from the chosen position (F8)"));
        break;
    }
    const bool idle = !m_reader->isActive();
    m_startAction->setEnabled(m_backend && !m_streamName.isEmpty());
    m_position->setEnabled(idle);
    m_timestamp->setEnabled(idle);
    m_sequence->setEnabled(idle);
    m_recentMinutes->setEnabled(idle);
    m_shard->setEnabled(idle);
    m_readerChoice->setChangeable(idle);
    m_stopAction->setEnabled(!idle);
    m_clearAction->setEnabled(m_backend && !m_streamName.isEmpty());
    m_focusFilterAction->setEnabled(m_backend && !m_streamName.isEmpty());
    m_completeAction->setEnabled(m_backend && !m_streamName.isEmpty());
    updateEmptyHint();
}

QString RecordsPage::positionDescription() const
{
    const QString shard = m_shard->currentData().toString();
    QString where;
    switch (startPosition()) {
    case Recent:
        where = m_recentMinutes->value() == 1
                    ? tr("the last minute")
                    : tr("the last %1 minutes").arg(m_recentMinutes->value());
        break;
    case TrimHorizon:
        where = tr("the trim horizon (the oldest record kept)");
        break;
    case Latest:
        where = tr("the latest record");
        break;
    case AtTimestamp:
        where = m_timestamp->dateTime().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
        break;
    case AtSequenceNumber:
    case AfterSequenceNumber:
        where = tr("sequence number %1").arg(m_sequence->text().trimmed());
        break;
    }
    return shard.isEmpty() ? where : tr("%1 of %2").arg(where, shard);
}

void RecordsPage::updateEmptyHint()
{
    const bool empty = m_view->model()->rowCount() == 0 && m_model->pendingCount() == 0;
    QString text;
    if (empty && m_backend && !m_streamName.isEmpty()) {
        const QString key = m_startAction->shortcut().toString(QKeySequence::NativeText);
        switch (m_reader->state()) {
        case RecordReader::State::Stopped:
            if (m_received == 0)
                text = tr("<p>Not reading %1.</p><p><a href=\"start\">Start reading</a> (%2) from "
                          "%3.</p>")
                           .arg(m_streamName.toHtmlEscaped(), key,
                                positionDescription().toHtmlEscaped());
            break;
        case RecordReader::State::Running:
            text =
                m_filterApplied ? tr("<p>No record matches the filter yet.</p>")
                : startPosition() == Latest
                    ? tr("<p>Reading %1 from the latest record.</p><p>Records appear here as they "
                         "are put.</p>")
                          .arg(m_streamName.toHtmlEscaped())
                    : tr("<p>Reading %1 from %2: no records there yet.</p><p>New records appear "
                         "here as they are put.</p>")
                          .arg(m_streamName.toHtmlEscaped(), positionDescription().toHtmlEscaped());
            break;
        case RecordReader::State::Paused:
            text = tr("<p>Paused. <a href=\"start\">Resume</a> (%1)</p>").arg(key);
            break;
        case RecordReader::State::Failed:
            break; // the error is in the status line
        }
    }
    m_emptyHint->setText(text);
    m_emptyHint->setVisible(!text.isEmpty());
}

void RecordsPage::updateStatus()
{
    const QLocale locale;
    QStringList parts;
    parts.append(m_received == 1 ? tr("1 record") : tr("%1 records").arg(locale.toString(m_received)));
    switch (m_reader->state()) {
    case RecordReader::State::Running:
        parts.append(tr("%1/s").arg(locale.toString(m_rate, 'f', 0)));
        parts.append(m_reader->activeShardCount() == 1
                         ? tr("reading 1 shard")
                         : tr("reading %1 shards").arg(m_reader->activeShardCount()));
        if (m_reader == m_fanOut)
            parts.append(tr("pushed through consumer %1").arg(m_fanOutConsumer));
        break;
    case RecordReader::State::Paused:
        parts.append(tr("paused"));
        break;
    case RecordReader::State::Stopped:
        parts.append(tr("stopped"));
        break;
    case RecordReader::State::Failed:
        parts.append(tr("failed"));
        break;
    }
    if (m_model->rowCount() >= kMaximumRows)
        parts.append(tr("showing the newest %1").arg(locale.toString(kMaximumRows)));
    m_status->setText(parts.join(u" · "_s));
    const int throttled = m_reader->throttledShardCount();
    m_throttled->setVisible(throttled > 0);
    m_throttled->setText(throttled == 1 ? tr("Throttled: 1 shard") : tr("Throttled: %1 shards").arg(throttled));
    m_throttled->setToolTip(tr("Kinesis refused reads (ProvisionedThroughputExceeded); backing off"));
}

QStringList RecordsPage::savedFilterNames() const
{
    QStringList names;
    for (int i = 1; i < m_savedFilters->count(); ++i)
        names.append(m_savedFilters->itemText(i));
    return names;
}

void RecordsPage::reloadSavedFilters(const QString &select)
{
    const QVariantMap saved = settings().value(kSavedFiltersKey).toMap();
    m_savedFilters->clear();
    m_savedFilters->addItem(tr("Saved filters"));
    for (auto it = saved.begin(); it != saved.end(); ++it)
        m_savedFilters->addItem(it.key(), it.value());
    m_savedFilters->setCurrentIndex(std::max(0, m_savedFilters->findText(select)));
    m_deleteButton->setEnabled(m_savedFilters->currentIndex() > 0);
}

void RecordsPage::saveFilter(const QString &name)
{
    QVariantMap saved = settings().value(kSavedFiltersKey).toMap();
    saved.insert(name, m_filterEdit->text());
    settings().setValue(kSavedFiltersKey, saved);
    settings().sync();
    reloadSavedFilters(name);
}

void RecordsPage::loadSavedFilter(const QString &name)
{
    const QVariantMap saved = settings().value(kSavedFiltersKey).toMap();
    if (!saved.contains(name))
        return;
    m_filterEdit->setText(saved.value(name).toString());
    m_savedFilters->setCurrentIndex(std::max(0, m_savedFilters->findText(name)));
    applyFilter();
}

void RecordsPage::removeSavedFilter(const QString &name)
{
    QVariantMap saved = settings().value(kSavedFiltersKey).toMap();
    saved.remove(name);
    settings().setValue(kSavedFiltersKey, saved);
    settings().sync();
    reloadSavedFilters();
}

} // namespace shardscope
