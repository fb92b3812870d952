#include "recordinspector.h"

#include "backend/futureutils.h"
#include "dialogs/inlineerrorlabel.h"
#include "jsonhighlighter.h"
#include "kinesis/hashkey.h"
#include "records/jsontreemodel.h"
#include "records/recordformat.h"
#include "theme/theme.h"

#include <QAbstractListModel>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace shardscope {

using namespace Qt::StringLiterals;

// The hex dump, one `hexdump -C` line per row, each built when the view asks for it: a
// 10 MiB payload costs nothing until it is scrolled to.
class RecordInspector::HexDumpModel final : public QAbstractListModel
{
public:
    using QAbstractListModel::QAbstractListModel;

    void setBytes(const QByteArray &bytes)
    {
        beginResetModel();
        m_bytes = bytes;
        endResetModel();
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        if (parent.isValid())
            return 0;
        return int(std::min<qsizetype>(PayloadDecoder::hexDumpLineCount(m_bytes.size()),
                                       std::numeric_limits<int>::max()));
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || role != Qt::DisplayRole)
            return {};
        return PayloadDecoder::hexDumpLine(m_bytes, index.row());
    }

private:
    QByteArray m_bytes;
};

namespace {

constexpr qsizetype kSmallTextSize = qsizetype(16) << 10;

QLabel *valueLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Long keys and sequence numbers are clipped (the tooltip has them), not widening the panel.
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    label->setMinimumWidth(40);
    return label;
}

QLabel *nameLabel(QWidget *parent, const QString &text)
{
    auto *label = new QLabel(text, parent);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

// The longest prefix of `bytes` of at most `size` bytes that does not end inside a UTF-8
// sequence, so a preview does not show a broken last character.
QByteArrayView utf8Prefix(const QByteArray &bytes, qsizetype size)
{
    if (bytes.size() <= size)
        return bytes;
    qsizetype cut = size;
    for (int back = 0; back < 3 && cut > 0 && (uchar(bytes.at(cut)) & 0xC0) == 0x80; ++back)
        --cut;
    return QByteArrayView(bytes).first(cut);
}

QPlainTextEdit *textView(QWidget *parent, const QString &name, bool wrap)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    // Not WrapAtWordBoundaryOrAnywhere: Qt 6.4 lays a long run without spaces out in
    // quadratic time with it (256 KiB of base64: 5 s), WrapAnywhere is linear (0.1 s).
    view->setWordWrapMode(QTextOption::WrapAnywhere);
    view->setFrameShape(QFrame::NoFrame);
    return view;
}

} // namespace

RecordInspector::RecordInspector(QWidget *parent)
    : QWidget(parent),
      m_shardValue(valueLabel(this, u"shardValue"_s)),
      m_sequenceValue(valueLabel(this, u"sequenceValue"_s)),
      m_arrivalValue(valueLabel(this, u"arrivalValue"_s)),
      m_partitionKeyValue(valueLabel(this, u"partitionKeyValue"_s)),
      m_hashKeyValue(valueLabel(this, u"hashKeyValue"_s)),
      m_sizeValue(valueLabel(this, u"sizeValue"_s)),
      m_toolBar(new QToolBar(this)),
      m_notesLabel(new QLabel(this)),
      m_problemsLabel(new InlineErrorLabel(this)),
      m_kplPanel(new QWidget(this)),
      m_kplLabel(new QLabel(m_kplPanel)),
      m_subRecordTable(new QTableWidget(m_kplPanel)),
      m_collapseBar(new QWidget(this)),
      m_collapseLabel(new QLabel(m_collapseBar)),
      m_showAllButton(new QPushButton(tr("Show &all"), m_collapseBar)),
      m_tabs(new QTabWidget(this)),
      m_textView(textView(m_tabs, u"textView"_s, true)),
      m_jsonSplitter(new QSplitter(Qt::Horizontal, m_tabs)),
      m_jsonView(textView(m_jsonSplitter, u"jsonView"_s, false)),
      m_highlighter(new JsonHighlighter(m_jsonView->document())),
      m_jsonTree(new QTreeView(m_jsonSplitter)),
      m_jsonModel(new JsonTreeModel(this)),
      m_hexView(new QListView(m_tabs)),
      m_hexModel(new HexDumpModel(this)),
      m_base64View(textView(m_tabs, u"base64View"_s, true)),
      m_errorLabel(new InlineErrorLabel(this))
{
    setObjectName(u"recordInspector"_s);

    auto *header = new QGridLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->setHorizontalSpacing(8);
    header->setVerticalSpacing(2);
    // Three compact rows: where the record is, its sequence number, its keys.
    header->addWidget(nameLabel(this, tr("Shard")), 0, 0);
    header->addWidget(m_shardValue, 0, 1);
    header->addWidget(nameLabel(this, tr("Arrival")), 0, 2);
    header->addWidget(m_arrivalValue, 0, 3);
    header->addWidget(nameLabel(this, tr("Sequence")), 1, 0);
    header->addWidget(m_sequenceValue, 1, 1);
    header->addWidget(nameLabel(this, tr("Size")), 1, 2);
    header->addWidget(m_sizeValue, 1, 3);
    header->addWidget(nameLabel(this, tr("Partition key")), 2, 0);
    header->addWidget(m_partitionKeyValue, 2, 1);
    header->addWidget(nameLabel(this, tr("Hash key")), 2, 2);
    header->addWidget(m_hashKeyValue, 2, 3);
    header->setColumnStretch(1, 1);
    header->setColumnStretch(3, 2);

    m_toolBar->setObjectName(u"inspectorToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->setIconSize(QSize(16, 16));

    m_notesLabel->setObjectName(u"notesLabel"_s);
    m_notesLabel->setTextFormat(Qt::PlainText);
    m_notesLabel->setWordWrap(true);
    m_problemsLabel->setObjectName(u"problemsLabel"_s);
    m_errorLabel->setObjectName(u"errorLabel"_s);

    // KPL sub-records.
    m_kplPanel->setObjectName(u"kplPanel"_s);
    // The mismatch marks are in the theme's error colour: drawn again when the palette changes.
    Theme::follow(m_kplPanel, [this](const QPalette &) {
        if (m_outer.kpl && !m_kplPanel->isHidden())
            showSubRecords();
    });
    m_kplLabel->setObjectName(u"kplLabel"_s);
    m_kplLabel->setTextFormat(Qt::PlainText);
    m_subRecordTable->setObjectName(u"subRecordTable"_s);
    m_subRecordTable->setColumnCount(5);
    m_subRecordTable->setHorizontalHeaderLabels(
        {tr("#"), tr("Partition key"), tr("Explicit hash key"), tr("Size"), tr("MD5")});
    m_subRecordTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_subRecordTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_subRecordTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_subRecordTable->verticalHeader()->hide();
    m_subRecordTable->verticalHeader()->setDefaultSectionSize(
        m_subRecordTable->fontMetrics().height() + 6);
    m_subRecordTable->horizontalHeader()->setStretchLastSection(false);
    m_subRecordTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_subRecordTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_subRecordTable->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_subRecordTable->horizontalHeader()->setSectionResizeMode(4, QHeaderView::ResizeToContents);
    m_subRecordTable->setColumnWidth(2, 160);
    m_subRecordTable->setAlternatingRowColors(true);
    auto *kplLayout = new QVBoxLayout(m_kplPanel);
    kplLayout->setContentsMargins(0, 0, 0, 0);
    kplLayout->setSpacing(2);
    kplLayout->addWidget(m_kplLabel);
    kplLayout->addWidget(m_subRecordTable);
    m_kplPanel->hide();
    connect(m_subRecordTable, &QTableWidget::currentCellChanged, this,
            [this](int row) {
                if (row >= 0 && row != m_subRecord)
                    selectSubRecord(row);
            });

    // The collapsed-payload bar.
    m_collapseBar->setObjectName(u"collapseBar"_s);
    m_collapseLabel->setObjectName(u"collapseLabel"_s);
    m_showAllButton->setObjectName(u"showAllButton"_s);
    auto *collapseLayout = new QHBoxLayout(m_collapseBar);
    collapseLayout->setContentsMargins(0, 0, 0, 0);
    collapseLayout->addWidget(m_collapseLabel, 1);
    collapseLayout->addWidget(m_showAllButton);
    m_collapseBar->hide();
    connect(m_showAllButton, &QPushButton::clicked, this, &RecordInspector::showAll);

    // The views.
    m_tabs->setObjectName(u"viewTabs"_s);
    m_tabs->setDocumentMode(true);
    m_jsonSplitter->setObjectName(u"jsonSplitter"_s);
    m_jsonTree->setObjectName(u"jsonTree"_s);
    m_jsonTree->setModel(m_jsonModel);
    m_jsonTree->setUniformRowHeights(true);
    m_jsonTree->setAlternatingRowColors(true);
    m_jsonTree->setFrameShape(QFrame::NoFrame);
    m_jsonTree->header()->setStretchLastSection(false);
    m_jsonTree->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_jsonTree->setColumnWidth(JsonTreeModel::KeyColumn, 140);
    m_jsonTree->setColumnWidth(JsonTreeModel::TypeColumn, 64);
    m_jsonSplitter->addWidget(m_jsonView);
    m_jsonSplitter->addWidget(m_jsonTree);
    m_jsonSplitter->setStretchFactor(0, 1);
    m_jsonSplitter->setStretchFactor(1, 1);
    Theme::follow(m_jsonView, [this](const QPalette &) { m_highlighter->setPalette(m_jsonView->palette()); });
    m_hexView->setObjectName(u"hexView"_s);
    m_hexView->setModel(m_hexModel);
    m_hexView->setUniformItemSizes(true);
    m_hexView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_hexView->setFrameShape(QFrame::NoFrame);
    m_hexView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tabs->addTab(m_textView, tr("Text"));
    m_tabs->addTab(m_jsonSplitter, tr("JSON"));
    m_tabs->addTab(m_hexView, tr("Hex"));
    m_tabs->addTab(m_base64View, tr("Base64"));
    connect(m_tabs, &QTabWidget::tabBarClicked, this, [this](int index) {
        if (index >= 0 && m_tabs->isTabEnabled(index)) {
            m_userChoseView = true;
            m_preferredView = View(index);
        }
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index >= 0)
            renderView(View(index));
    });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"inspectorSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_kplPanel);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({140, 420});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(header);
    // The actions sit beside the view tabs, saving a row.
    m_tabs->setCornerWidget(m_toolBar, Qt::TopRightCorner);
    layout->addWidget(m_notesLabel);
    layout->addWidget(m_problemsLabel);
    layout->addWidget(m_collapseBar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_errorLabel);

    buildActions();
    clear();
}

RecordInspector::~RecordInspector() = default;

void RecordInspector::buildActions()
{
    const QList<QPair<QString, QString>> views{{tr("&Text View"), tr("Alt+1")},
                                               {tr("&JSON View"), tr("Alt+2")},
                                               {tr("&Hex View"), tr("Alt+3")},
                                               {tr("&Base64 View"), tr("Alt+4")}};
    for (int i = 0; i < views.size(); ++i) {
        auto *action = new QAction(views.at(i).first, this);
        action->setObjectName(u"viewAction%1"_s.arg(i));
        action->setShortcut(QKeySequence(views.at(i).second));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [this, i] {
            if (!m_tabs->isTabEnabled(i))
                return;
            m_userChoseView = true;
            m_preferredView = View(i);
            setCurrentView(View(i));
        });
        addAction(action);
        m_viewActions.append(action);
        m_tabs->setTabToolTip(i, tr("%1 (%2)")
                                     .arg(QString(views.at(i).first).remove(u'&'),
                                          action->shortcut().toString(QKeySequence::NativeText)));
    }

    const auto make = [this](const QString &text, const QString &name, const QKeySequence &key,
                             const QString &tip) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(
            tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        addAction(action);
        return action;
    };
    m_copyJsonAction = make(tr("Copy as &JSON"), u"copyJsonAction"_s,
                            QKeySequence(tr("Ctrl+Shift+J")),
                            tr("Copy the record as a JSON object"));
    m_copyCommandAction = make(tr("Copy as &CLI Command"), u"copyCommandAction"_s,
                               QKeySequence(tr("Ctrl+Alt+C")),
                               tr("Copy an aws kinesis put-record command that puts this record "
                                  "again"));
    m_saveAction = make(tr("&Save to File…"), u"saveAction"_s, QKeySequence::Save,
                        tr("Save the record's bytes, as stored, to a file"));
    m_showAllAction = make(tr("Show &All"), u"showAllAction"_s, QKeySequence(tr("Ctrl+Shift+H")),
                           tr("Show the whole payload instead of its first part"));
    m_showAllButton->setToolTip(m_showAllAction->toolTip());

    connect(m_copyJsonAction, &QAction::triggered, this,
            [this] { copyToClipboard(jsonText(), tr("JSON")); });
    connect(m_copyCommandAction, &QAction::triggered, this,
            [this] { copyToClipboard(putRecordCommand(), tr("command")); });
    connect(m_saveAction, &QAction::triggered, this, &RecordInspector::saveWithDialog);
    connect(m_showAllAction, &QAction::triggered, this, &RecordInspector::showAll);

    m_toolBar->addAction(m_copyJsonAction);
    m_toolBar->addAction(m_copyCommandAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_saveAction);
}

QList<QAction *> RecordInspector::inspectorActions() const
{
    return m_viewActions + QList<QAction *>{m_copyJsonAction, m_copyCommandAction, m_saveAction,
                                            m_showAllAction};
}

void RecordInspector::setStreamName(const QString &streamName)
{
    m_streamName = streamName;
}

void RecordInspector::clear()
{
    ++m_generation;
    m_record = {};
    m_hasRecord = false;
    m_decoded = true;
    m_outer = {};
    m_shown = {};
    m_subRecord = -1;
    m_collapsed = false;
    m_showAll = false;
    for (QLabel *label : {m_shardValue, m_sequenceValue, m_arrivalValue, m_partitionKeyValue,
                          m_hashKeyValue, m_sizeValue}) {
        label->clear();
        label->setToolTip({});
    }
    m_notesLabel->setText(tr("No record selected: click a row above to see its payload here."));
    m_problemsLabel->clearMessage();
    m_errorLabel->clearMessage();
    m_kplPanel->hide();
    m_collapseBar->hide();
    m_textView->clear();
    m_jsonView->clear();
    m_jsonModel->clear();
    m_hexModel->setBytes({});
    m_base64View->clear();
    updateActions();
}

void RecordInspector::setRecord(const RecordEntry &record)
{
    ++m_generation;
    m_record = record;
    m_hasRecord = true;
    m_showAll = false;
    m_errorLabel->clearMessage();
    showHeader();
    startDecode();
}

void RecordInspector::showHeader()
{
    const auto set = [](QLabel *label, const QString &text) {
        label->setText(text);
        label->setToolTip(text);
    };
    set(m_shardValue, m_record.shardId);
    set(m_sequenceValue, m_record.sequenceNumber);
    const QDateTime arrival = QDateTime::fromMSecsSinceEpoch(m_record.arrivalMs);
    set(m_arrivalValue, RecordFormat::isoTimestamp(m_record.arrivalMs));
    m_arrivalValue->setToolTip(QLocale().toString(arrival, QLocale::LongFormat));
    set(m_partitionKeyValue, m_record.partitionKey);
    if (!m_record.explicitHashKey.isEmpty())
        set(m_hashKeyValue, tr("%1 (explicit)").arg(m_record.explicitHashKey));
    else
        set(m_hashKeyValue, tr("%1 (MD5 of the partition key)")
                                .arg(HashKey::fromPartitionKey(m_record.partitionKey).toDecimal()));
    set(m_sizeValue, RecordFormat::size(m_record.data.size()));
}

void RecordInspector::startDecode()
{
    const QByteArray payload = m_record.data;
    const bool heavy = payload.size() > kSyncDecodeSize
                    || PayloadDecoder::detectCompression(payload) != Compression::None;
    if (!heavy) {
        showDecoded(PayloadDecoder::decode(payload));
        return;
    }
    m_decoded = false;
    m_kplPanel->hide();
    m_collapseBar->hide();
    m_problemsLabel->clearMessage();
    m_notesLabel->setText(tr("Decoding %1…").arg(RecordFormat::size(payload.size())));
    m_textView->clear();
    m_jsonView->clear();
    m_jsonModel->clear();
    m_hexModel->setBytes({});
    m_base64View->clear();
    updateActions();
    const quint64 generation = m_generation;
    onResult(this, QtConcurrent::run([payload] { return PayloadDecoder::decode(payload); }),
             [this, generation](DecodedPayload result) {
                 if (generation == m_generation)
                     showDecoded(std::move(result));
             });
}

void RecordInspector::showDecoded(DecodedPayload result)
{
    m_decoded = true;
    m_outer = std::move(result);
    m_subRecord = -1;
    if (m_outer.content == PayloadContent::KplAggregate && m_outer.kpl
        && !m_outer.kpl->records.isEmpty()) {
        showSubRecords();
        selectSubRecord(0);
    } else {
        m_kplPanel->hide();
        showPayload(m_outer);
    }
    emit payloadShown();
}

void RecordInspector::showSubRecords()
{
    const KplDeaggregation &kpl = *m_outer.kpl;
    const bool matches = kpl.checksumMatches();
    const QColor bad = Theme::status(Theme::Status::Error, palette());
    QSignalBlocker blocker(m_subRecordTable);
    m_subRecordTable->setRowCount(int(kpl.records.size()));
    for (int row = 0; row < kpl.records.size(); ++row) {
        const KplSubRecord &sub = kpl.records.at(row);
        const QStringList cells{QString::number(sub.index), sub.partitionKey,
                                sub.explicitHashKey.value_or(QString()),
                                RecordFormat::size(sub.data.size()),
                                matches ? tr("checked") : tr("mismatch")};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            if (column == 0 || column == 3)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (column == 4 && !matches) {
                item->setForeground(bad);
                item->setToolTip(tr("The aggregate's MD5 trailer does not match its contents."));
            }
            m_subRecordTable->setItem(row, column, item);
        }
    }
    const QString count = kpl.records.size() == 1
                              ? tr("1 sub-record")
                              : tr("%L1 sub-records").arg(kpl.records.size());
    if (matches) {
        m_kplLabel->setText(tr("KPL aggregated record: %1, MD5 checked").arg(count));
        m_kplLabel->setPalette(palette());
    } else {
        m_kplLabel->setText(tr("KPL aggregated record: %1, MD5 mismatch (stored %2, computed %3)")
                                .arg(count, QString::fromLatin1(kpl.storedChecksum.toHex()),
                                     QString::fromLatin1(kpl.computedChecksum.toHex())));
        QPalette red = palette();
        red.setColor(QPalette::WindowText, bad);
        m_kplLabel->setPalette(red);
    }
    m_kplPanel->show();
}

void RecordInspector::selectSubRecord(int index)
{
    if (!m_outer.kpl || index < 0 || index >= m_outer.kpl->records.size())
        return;
    m_subRecord = index;
    {
        QSignalBlocker blocker(m_subRecordTable);
        m_subRecordTable->setCurrentCell(index, 0);
        m_subRecordTable->selectRow(index);
    }
    showPayload(PayloadDecoder::decode(m_outer.kpl->records.at(index).data));
}

void RecordInspector::showPayload(DecodedPayload payload)
{
    m_shown = std::move(payload);

    QStringList notes;
    if (m_subRecord >= 0) {
        const KplSubRecord &sub = m_outer.kpl->records.at(m_subRecord);
        notes.append(tr("Sub-record %1, partition key “%2”").arg(sub.index).arg(sub.partitionKey));
    }
    const QString compression = RecordFormat::compressionNote(m_shown);
    if (!compression.isEmpty())
        notes.append(compression);
    notes.append(PayloadDecoder::contentName(m_shown.content));
    if (m_shown.content != PayloadContent::Empty && !m_shown.scan.valid())
        notes.append(m_shown.scan.invalidBytes == 1
                         ? tr("1 byte is not UTF-8")
                         : tr("%L1 bytes are not UTF-8").arg(m_shown.scan.invalidBytes));
    m_notesLabel->setText(notes.join(u"  ·  "_s));

    QStringList problems = m_outer.problems;
    if (m_subRecord >= 0)
        problems += m_shown.problems;
    m_problemsLabel->showMessage(problems.join(u' '));

    m_tabs->setTabEnabled(int(View::Json), m_shown.content == PayloadContent::Json);
    chooseView();
    renderViews();
    updateActions();
}

void RecordInspector::chooseView()
{
    View view = View::Text;
    if (m_userChoseView && m_tabs->isTabEnabled(int(m_preferredView)))
        view = m_preferredView;
    else if (m_shown.content == PayloadContent::Json)
        view = View::Json;
    else if (m_shown.content == PayloadContent::Binary)
        view = View::Hex;
    QSignalBlocker blocker(m_tabs);
    m_tabs->setCurrentIndex(int(view));
}

void RecordInspector::renderViews()
{
    std::fill(std::begin(m_dirty), std::end(m_dirty), true);
    // Decided on the payload, not on the open tab, so every view agrees.
    const qsizetype size = std::max(m_shown.bytes.size(), m_shown.prettyJson.size());
    m_collapsed = !m_showAll && size > kCollapseSize;
    const bool cutEvenWhenExpanded = m_showAll && size > kExpandedSize;
    m_collapseBar->setVisible(m_collapsed || cutEvenWhenExpanded);
    m_showAllButton->setVisible(m_collapsed);
    if (m_collapsed)
        m_collapseLabel->setText(
            tr("Large payload: showing the first %1 of %2.")
                .arg(RecordFormat::size(kPreviewSize), RecordFormat::size(m_shown.bytes.size())));
    else
        m_collapseLabel->setText(
            tr("Showing the first %1 of %2 as text; the hex dump and the tree have all of it, "
               "and Save to File writes every byte.")
                .arg(RecordFormat::size(kExpandedSize), RecordFormat::size(m_shown.bytes.size())));
    m_jsonModel->setDocument(m_shown.content == PayloadContent::Json ? m_shown.json
                                                                     : QJsonDocument());
    if (m_shown.content == PayloadContent::Json && m_jsonModel->rowCount() <= 50)
        m_jsonTree->expandToDepth(0);
    for (const View view : {View::Text, View::Json, View::Hex, View::Base64})
        if (view != currentView())
            clearView(view);
    renderView(currentView());
}

void RecordInspector::clearView(View view)
{
    switch (view) {
    case View::Text:
        m_textView->clear();
        break;
    case View::Json:
        m_jsonView->clear();
        break;
    case View::Hex:
        m_hexModel->setBytes({});
        break;
    case View::Base64:
        m_base64View->clear();
        break;
    }
}

void RecordInspector::renderView(View view)
{
    const int i = int(view);
    if (!m_dirty[i])
        return;
    m_dirty[i] = false;
    switch (view) {
    case View::Text:
        // Short texts wrap at word boundaries; long ones anywhere (see textView()).
        m_textView->setWordWrapMode(m_shown.bytes.size() <= kSmallTextSize
                                        ? QTextOption::WrapAtWordBoundaryOrAnywhere
                                        : QTextOption::WrapAnywhere);
        if (m_collapsed || m_shown.bytes.size() > kExpandedSize || !m_shown.rendered)
            m_textView->setPlainText(
                PayloadDecoder::decodeUtf8(
                    utf8Prefix(m_shown.bytes, m_collapsed ? kPreviewSize : kExpandedSize))
                    .display);
        else
            m_textView->setPlainText(m_shown.text.display);
        break;
    case View::Json: {
        QString text = m_shown.prettyJson;
        if (m_shown.content == PayloadContent::Json && !m_shown.rendered)
            text = tr("The document is too large to format; see the tree, the text or the hex "
                      "dump.");
        text.truncate(m_collapsed ? kPreviewSize : kExpandedSize);
        // Colour only what stays quick to colour; a whole multi-megabyte document is shown
        // plain.
        m_highlighter->setDocument(text.size() <= 4 * kCollapseSize ? m_jsonView->document()
                                                                    : nullptr);
        m_jsonView->setPlainText(text);
        break;
    }
    case View::Hex:
        m_hexModel->setBytes(m_shown.bytes);
        break;
    case View::Base64:
        m_base64View->setPlainText(PayloadDecoder::toBase64(QByteArrayView(m_shown.bytes).first(
            std::min(m_shown.bytes.size(), (m_collapsed ? kPreviewSize : kExpandedSize) / 4 * 3))));
        break;
    }
}

void RecordInspector::showAll()
{
    if (!m_collapsed)
        return;
    m_showAll = true;
    renderViews();
    updateActions();
}

void RecordInspector::updateActions()
{
    m_copyJsonAction->setEnabled(m_hasRecord);
    m_copyCommandAction->setEnabled(m_hasRecord);
    m_saveAction->setEnabled(m_hasRecord);
    m_showAllAction->setEnabled(m_collapsed);
    for (int i = 0; i < m_viewActions.size(); ++i)
        m_viewActions.at(i)->setEnabled(m_hasRecord && m_decoded && m_tabs->isTabEnabled(i));
}

RecordInspector::View RecordInspector::currentView() const
{
    return View(std::max(0, m_tabs->currentIndex()));
}

void RecordInspector::setCurrentView(View view)
{
    if (m_tabs->isTabEnabled(int(view)))
        m_tabs->setCurrentIndex(int(view));
}

QString RecordInspector::jsonText() const
{
    return m_hasRecord ? RecordFormat::toJsonText(m_record) : QString();
}

QString RecordInspector::putRecordCommand() const
{
    return m_hasRecord ? RecordFormat::putRecordCommand(m_record, m_streamName) : QString();
}

void RecordInspector::copyToClipboard(const QString &text, const QString &what)
{
    if (text.isEmpty())
        return;
    QApplication::clipboard()->setText(text);
    m_errorLabel->clearMessage();
    m_notesLabel->setToolTip(tr("Copied the record as %1.").arg(what));
}

bool RecordInspector::saveToFile(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_record.data) != m_record.data.size()
        || !file.commit()) {
        m_errorLabel->showMessage(
            tr("Could not save to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    m_errorLabel->clearMessage();
    return true;
}

void RecordInspector::saveWithDialog()
{
    if (!m_hasRecord)
        return;
    QString suggested = u"%1-%2.bin"_s.arg(m_record.shardId, m_record.sequenceNumber);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Record Payload"), suggested);
    if (!path.isEmpty())
        saveToFile(path);
}

} // namespace shardscope
