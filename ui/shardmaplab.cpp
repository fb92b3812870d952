#include "shardmaplab.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "reshardplan.h"
#include "shardmapwidget.h"
#include "theme/theme.h"

#include <QKeyEvent>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

// A one-minute sample of a shard's records is enough to say how a split would divide them.
constexpr int kSampleLimit = 10000;
constexpr qint64 kSampleWindowMs = 60 * 1000;

QLabel *wrappingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString percent(double fraction, int digits = 1)
{
    return QLocale().toString(fraction * 100, 'f', digits);
}

} // namespace

ShardMapLab::ShardMapLab(QWidget *parent)
    : QWidget(parent),
      m_map(new ShardMapWidget(this)),
      m_partitionKey(new QLineEdit(this)),
      m_explicitKey(new QLineEdit(this)),
      m_calculation(wrappingLabel(this)),
      m_calculatorError(wrappingLabel(this)),
      m_splitKeyEdit(new QLineEdit(this)),
      m_snapMidpoint(new QPushButton(tr("Mi&dpoint"), this)),
      m_snapPartitionKey(new QPushButton(tr("At the &key's hash"), this)),
      m_target(new QSpinBox(this)),
      m_preview(wrappingLabel(this)),
      m_readOnly(wrappingLabel(this)),
      m_result(wrappingLabel(this)),
      m_confirm(new QPushButton(tr("Conf&irm"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_map->setObjectName(u"shardMap"_s);
    m_partitionKey->setObjectName(u"calculatorPartitionKey"_s);
    m_explicitKey->setObjectName(u"calculatorExplicitHashKey"_s);
    m_calculation->setObjectName(u"calculatorResult"_s);
    m_calculatorError->setObjectName(u"calculatorError"_s);
    m_splitKeyEdit->setObjectName(u"splitKey"_s);
    m_target->setObjectName(u"targetShardCount"_s);
    m_preview->setObjectName(u"reshardPreview"_s);
    m_readOnly->setObjectName(u"reshardReadOnly"_s);
    m_result->setObjectName(u"reshardResult"_s);
    Theme::follow(m_result, [this](const QPalette &) { showResultColour(); });
    m_confirm->setObjectName(u"reshardConfirm"_s);
    m_cancel->setObjectName(u"reshardCancel"_s);

    m_partitionKey->setPlaceholderText(tr("Partition key"));
    m_partitionKey->setClearButtonEnabled(true);
    m_explicitKey->setPlaceholderText(tr("or an explicit hash key (decimal)"));
    m_explicitKey->setClearButtonEnabled(true);
    Theme::colourText(m_calculatorError, Theme::Status::Error);
    m_calculatorError->hide();
    QFont mono = m_calculation->font();
    mono.setStyleHint(QFont::Monospace);
    mono.setFamily(u"monospace"_s);
    m_calculation->setFont(mono);

    connect(m_confirm, &QPushButton::clicked, this, &ShardMapLab::confirm);
    connect(m_cancel, &QPushButton::clicked, this, &ShardMapLab::cancel);
    m_confirm->setToolTip(tr("Send the previewed reshard (Ctrl+Return)"));
    m_cancel->setToolTip(tr("Close the preview (Esc)"));

    // Calculator.
    auto *calculator = new QGroupBox(tr("Partition-key calculator"), this);
    auto *calculatorLayout = new QVBoxLayout(calculator);
    calculatorLayout->addWidget(m_partitionKey);
    calculatorLayout->addWidget(m_explicitKey);
    calculatorLayout->addWidget(m_calculatorError);
    calculatorLayout->addWidget(m_calculation);
    connect(m_partitionKey, &QLineEdit::textChanged, this, &ShardMapLab::updateCalculator);
    connect(m_explicitKey, &QLineEdit::textChanged, this, &ShardMapLab::updateCalculator);

    // Reshard.
    auto *reshard = new QGroupBox(tr("Reshard"), this);
    auto *reshardLayout = new QVBoxLayout(reshard);
    auto *modes = new QHBoxLayout;
    // The same commands as the Stream menu's (whose shortcuts are the window's).
    m_splitButton = new QPushButton(tr("Split…"), reshard);
    m_mergeButton = new QPushButton(tr("Merge…"), reshard);
    m_scaleButton = new QPushButton(tr("Scale…"), reshard);
    m_splitButton->setObjectName(u"reshardSplit"_s);
    m_mergeButton->setObjectName(u"reshardMerge"_s);
    m_scaleButton->setObjectName(u"reshardScale"_s);
    m_splitButton->setToolTip(tr("Preview a split of the selected shard: drag the split point or type a key (Ctrl+Alt+B)"));
    m_mergeButton->setToolTip(tr("Preview merging the selected shard with the one picked by Shift+click (Ctrl+Alt+F)"));
    m_scaleButton->setToolTip(tr("Preview UpdateShardCount to the target count (Ctrl+Alt+Q)"));
    connect(m_splitButton, &QPushButton::clicked, this, &ShardMapLab::previewSplit);
    connect(m_mergeButton, &QPushButton::clicked, this, &ShardMapLab::previewMerge);
    connect(m_scaleButton, &QPushButton::clicked, this, &ShardMapLab::previewScale);
    for (QPushButton *button : {m_splitButton, m_mergeButton, m_scaleButton})
        modes->addWidget(button);
    reshardLayout->addLayout(modes);
    auto *form = new QFormLayout;
    auto *splitRow = new QHBoxLayout;
    m_splitKeyEdit->setPlaceholderText(tr("Exact starting hash key of the upper half"));
    splitRow->addWidget(m_splitKeyEdit, 1);
    auto *splitLabel = new QLabel(tr("Sp&lit at:"), reshard);
    splitLabel->setBuddy(m_splitKeyEdit);
    form->addRow(splitLabel, splitRow);
    auto *snaps = new QHBoxLayout;
    snaps->addWidget(m_snapMidpoint);
    snaps->addWidget(m_snapPartitionKey);
    form->addRow(QString(), snaps);
    m_target->setRange(1, 100000);
    form->addRow(tr("&Target shards:"), m_target);
    reshardLayout->addLayout(form);
    reshardLayout->addWidget(m_preview);
    auto *confirmRow = new QHBoxLayout;
    confirmRow->addStretch(1);
    confirmRow->addWidget(m_cancel);
    confirmRow->addWidget(m_confirm);
    reshardLayout->addLayout(confirmRow);
    reshardLayout->addWidget(m_result);
    reshardLayout->addWidget(m_readOnly);
    m_selectFirst = wrappingLabel(reshard);
    m_selectFirst->setText(tr("Click an open shard on the band (or in the table) to split or merge it."));
    m_selectFirst->setForegroundRole(QPalette::PlaceholderText);
    reshardLayout->addWidget(m_selectFirst);
    m_readOnly->setForegroundRole(QPalette::PlaceholderText);
    m_readOnly->hide();

    connect(m_splitKeyEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        const auto key = HashKey::fromDecimal(text.trimmed());
        m_splitKey = key;
        m_map->setSplitPreview(m_splitShard, key);
        updateSplitPreview();
    });
    connect(m_snapMidpoint, &QPushButton::clicked, this, [this] {
        const int index = m_map->bandLayout().indexOf(m_splitShard);
        if (index >= 0)
            setSplitKey(m_map->bandLayout().shards().at(index).range.midpoint());
    });
    connect(m_snapPartitionKey, &QPushButton::clicked, this, [this] {
        if (m_calculatorKey)
            setSplitKey(m_calculatorKey);
    });
    connect(m_target, &QSpinBox::valueChanged, this, [this] {
        if (m_mode == Mode::Scale)
            updateScalePreview();
    });
    connect(m_map, &ShardMapWidget::splitKeyDragged, this, [this](HashKey key) { setSplitKey(key); });
    connect(m_map, &ShardMapWidget::mergePartnerChanged, this, [this] {
        if (m_mode == Mode::Merge)
            updateMergePreview();
        else if (!m_map->mergePartner().isEmpty())
            previewMerge();
    });
    connect(m_map, &ShardMapWidget::selectedShardChanged, this, [this] {
        if (m_mode == Mode::Split)
            previewSplit();
        else if (m_mode == Mode::Merge)
            updateMergePreview();
        updateEnabled();
    });

    auto *side = new QVBoxLayout;
    side->addWidget(calculator);
    side->addWidget(reshard);
    side->addStretch(1);
    auto *sideWidget = new QWidget;
    sideWidget->setLayout(side);
    side->setContentsMargins(0, 0, 4, 0);
    // The previews can be long; on a short window the panel scrolls rather than cuts them off.
    m_side = new QScrollArea(this);
    m_side->setObjectName(u"shardMapSide"_s);
    m_side->setWidget(sideWidget);
    m_side->setWidgetResizable(true);
    m_side->setFrameShape(QFrame::NoFrame);
    m_side->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_side->setFixedWidth(380);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_map, 1);
    layout->addWidget(m_side);
    cancel();
    updateCalculator();
}

ShardMapLab::~ShardMapLab() = default;

QSize ShardMapLab::sizeHint() const
{
    // About 280 px: the band with a few closed lanes, its axis and legend, and the top of the
    // calculator beside it.
    return {QWidget::sizeHint().width(), std::max(minimumSizeHint().height(), fontMetrics().height() * 14)};
}

void ShardMapLab::setModel(QAbstractItemModel *model, QItemSelectionModel *selection)
{
    m_map->setModel(model, selection);
    if (model) {
        const auto changed = [this] {
            updateCalculator();
            if (m_mode == Mode::Split && m_map->bandLayout().indexOf(m_splitShard) < 0)
                cancel();
            updateEnabled();
        };
        connect(m_map, &ShardMapWidget::shardsChanged, this, changed);
    }
}

void ShardMapLab::setStream(StreamBackend *backend, const QString &streamName)
{
    m_backend = backend;
    m_streamName = streamName;
    m_result->clear();
    cancel();
}

int ShardMapLab::openShardCount() const
{
    return int(m_map->bandLayout().lane(0).size());
}

QString ShardMapLab::previewText() const
{
    return m_preview->text();
}

void ShardMapLab::updateEnabled()
{
    const bool readOnly = m_backend && m_backend->isReadOnly();
    const bool haveStream = m_backend && !m_streamName.isEmpty();
    const QString reason = !haveStream ? tr("Select a stream to reshard it.")
                           : readOnly  ? tr("This connection is read-only: splitting, merging and scaling are off.")
                                       : QString();
    m_readOnly->setText(reason);
    m_readOnly->setVisible(!reason.isEmpty());
    const bool editable = reason.isEmpty() && !m_busy;
    m_map->setEditable(reason.isEmpty());
    const int selected = m_map->selectedIndex();
    const bool openSelected = selected >= 0 && m_map->bandLayout().shards().at(selected).open;
    m_splitButton->setEnabled(editable && openSelected);
    m_mergeButton->setEnabled(editable && openSelected);
    m_scaleButton->setEnabled(editable && openShardCount() > 0);
    if (m_selectFirst)
        m_selectFirst->setVisible(reason.isEmpty() && !openSelected && m_mode == Mode::None);
    const bool splitting = m_mode == Mode::Split;
    m_splitKeyEdit->setEnabled(editable && splitting);
    m_snapMidpoint->setEnabled(editable && splitting);
    m_snapPartitionKey->setEnabled(editable && splitting && m_calculatorKey.has_value());
    m_target->setEnabled(editable && m_mode == Mode::Scale);
    bool sendable = false;
    if (m_mode == Mode::Split) {
        const int index = m_map->bandLayout().indexOf(m_splitShard);
        sendable = index >= 0 && m_splitKey && ReshardPlan::splitRefusal(m_map->bandLayout().shards().at(index), *m_splitKey).isEmpty();
    } else if (m_mode == Mode::Merge) {
        const int partner = m_map->bandLayout().indexOf(m_map->mergePartner());
        sendable = selected >= 0 && partner >= 0 &&
                   ReshardPlan::mergeRefusal(m_map->bandLayout().shards().at(selected), m_map->bandLayout().shards().at(partner)).isEmpty();
    } else if (m_mode == Mode::Scale) {
        sendable = ReshardPlan::scaleRefusal(openShardCount(), m_target->value()).isEmpty();
    }
    m_confirm->setEnabled(editable && sendable);
    m_cancel->setEnabled(m_mode != Mode::None);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_splitButton, m_mergeButton, m_scaleButton, m_confirm, m_cancel,
                                                           m_splitKeyEdit, m_target}) {
        if (!reason.isEmpty())
            widget->setToolTip(reason);
    }
}

void ShardMapLab::updateCalculator()
{
    const QString explicitText = m_explicitKey->text().trimmed();
    const QString partitionKey = m_partitionKey->text();
    m_calculatorError->hide();
    std::optional<HashKey> key;
    QStringList lines;
    if (!explicitText.isEmpty()) {
        key = HashKey::fromDecimal(explicitText);
        if (!key) {
            m_calculatorError->setText(tr("Not a hash key: type a decimal number from 0 to 2¹²⁸ − 1 without leading zeros."));
            m_calculatorError->show();
        } else {
            lines << tr("Explicit hash key (overrides the partition key)");
        }
    } else if (!partitionKey.isEmpty()) {
        if (partitionKey.size() > 256) {
            m_calculatorError->setText(tr("Kinesis accepts partition keys of at most 256 characters."));
            m_calculatorError->show();
        }
        key = HashKey::fromPartitionKey(partitionKey);
        lines << tr("MD5: %1").arg(QString::fromLatin1(
                     QCryptographicHash::hash(partitionKey.toUtf8(), QCryptographicHash::Md5).toHex()));
    }
    m_calculatorKey = key;
    if (key) {
        lines << tr("Hash key: %1").arg(key->toDecimal());
        lines << tr("Position: %1 % of the key space").arg(percent(ShardBandLayout::fractionOf(*key), 6));
        const int index = m_map->bandLayout().openShardFor(*key);
        lines << (index >= 0 ? tr("Shard: %1").arg(m_map->bandLayout().shards().at(index).shardId)
                             : tr("Shard: none open holds this key right now"));
    } else if (explicitText.isEmpty() && partitionKey.isEmpty()) {
        lines << tr("Type a partition key to see its MD5, its hash key and the shard it lands on.");
    }
    m_calculation->setText(lines.join(u'\n'));
    m_map->setMarker(key);
    QList<HashKey> snaps;
    const int index = m_map->bandLayout().indexOf(m_splitShard);
    if (index >= 0)
        snaps << m_map->bandLayout().shards().at(index).range.midpoint();
    if (key)
        snaps << *key;
    m_map->setSplitSnaps(snaps);
    updateEnabled();
}

void ShardMapLab::focusCalculator()
{
    m_partitionKey->setFocus(Qt::ShortcutFocusReason);
    m_partitionKey->selectAll();
}

void ShardMapLab::keyPressEvent(QKeyEvent *event)
{
    // Fields pass Return and Escape up to here (as in a dialog).
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && (event->modifiers() & Qt::ControlModifier)) {
        confirm();
        return;
    }
    if (event->key() == Qt::Key_Escape && m_mode != Mode::None) {
        cancel();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ShardMapLab::previewSplit()
{
    m_result->clear();
    const int selected = m_map->selectedIndex();
    if (selected < 0)
        return;
    const BandShard &shard = m_map->bandLayout().shards().at(selected);
    m_mode = Mode::Split;
    m_map->setScalePreview(0);
    m_map->setMergePartner({});
    m_splitShard = shard.shardId;
    updateCalculator(); // the snaps follow the shard
    setSplitKey(shard.range.midpoint());
    if (m_sampledShard != shard.shardId)
        sampleShard(shard.shardId);
    revealPreview();
}

void ShardMapLab::setSplitKey(std::optional<HashKey> key)
{
    m_splitKey = key;
    m_splitKeyEdit->setText(key ? key->toDecimal() : QString());
    m_map->setSplitPreview(m_splitShard, key);
    updateSplitPreview();
}

void ShardMapLab::updateSplitPreview()
{
    const int index = m_map->bandLayout().indexOf(m_splitShard);
    if (m_mode != Mode::Split || index < 0)
        return;
    const BandShard shard = m_map->bandLayout().shards().at(index);
    QStringList lines;
    if (!m_splitKey) {
        lines << tr("Type the starting hash key of the upper half as a decimal number, or drag the split point on the band.");
    } else if (const QString refusal = ReshardPlan::splitRefusal(shard, *m_splitKey); !refusal.isEmpty()) {
        lines << refusal;
    } else {
        const HashKeyRange lower{shard.range.start, HashKey{m_splitKey->value - 1}};
        const HashKeyRange upper{*m_splitKey, shard.range.end};
        const double whole = shard.end - shard.start;
        const double split = ShardBandLayout::fractionOf(*m_splitKey);
        lines << tr("Split %1 at %2 into:").arg(shard.shardId, ReshardPlan::abbreviated(*m_splitKey));
        lines << tr("• lower: %1 – %2 (%3 % of the shard)")
                     .arg(ReshardPlan::abbreviated(lower.start), ReshardPlan::abbreviated(lower.end),
                          percent((split - shard.start) / whole));
        lines << tr("• upper: %1 – %2 (%3 % of the shard)")
                     .arg(ReshardPlan::abbreviated(upper.start), ReshardPlan::abbreviated(upper.end),
                          percent((shard.end - split) / whole));
        if (m_sampling && m_sampledShard == shard.shardId) {
            lines << tr("Reading the last minute's records of %1 to see how they would divide…").arg(shard.shardId);
        } else if (m_sampledShard == shard.shardId && !m_sampleError.isEmpty()) {
            lines << tr("How the last minute's records would divide is unknown: %1").arg(m_sampleError);
        } else if (m_sampledShard == shard.shardId && m_sample.isEmpty()) {
            lines << tr("No records in the last minute: no traffic to divide.");
        } else if (m_sampledShard == shard.shardId) {
            qsizetype below = 0;
            for (HashKey key : std::as_const(m_sample))
                below += key < *m_splitKey ? 1 : 0;
            const qsizetype n = m_sample.size();
            const QString lowerShare = percent(double(below) / double(n), 0);
            const QString upperShare = percent(double(n - below) / double(n), 0);
            lines << (n == 1 ? tr("Of the last minute's records (from 1 sampled record): lower %1 %, upper %2 %")
                                   .arg(lowerShare, upperShare)
                             : tr("Of the last minute's records (from %1 sampled records): lower %2 %, upper %3 %")
                                   .arg(QLocale().toString(n), lowerShare, upperShare));
            if (n >= kSampleLimit)
                lines << tr("The sample stops at the first %1 records of the minute.").arg(QLocale().toString(kSampleLimit));
        }
    }
    m_preview->setText(lines.join(u'\n'));
    updateEnabled();
}

void ShardMapLab::sampleShard(const QString &shardId)
{
    m_sampledShard = shardId;
    m_sample.clear();
    m_sampleError.clear();
    if (!m_backend) {
        m_sampleError = tr("no stream");
        return;
    }
    m_sampling = true;
    const quint64 generation = ++m_sampleGeneration;
    GetShardIteratorRequest request;
    request.target = StreamTarget::byName(m_streamName);
    request.shardId = shardId;
    request.shardIteratorType = ShardIteratorType::AtTimestamp;
    request.timestamp = QDateTime::currentMSecsSinceEpoch() - kSampleWindowMs;
    QPointer<StreamBackend> backend = m_backend;
    const auto failed = [this, generation](const Error &error) {
        if (generation != m_sampleGeneration)
            return;
        m_sampling = false;
        m_sampleError = error.message;
        updateSplitPreview();
    };
    onResult(this, backend->getShardIterator(request), [this, backend, generation, failed](const BackendResult<GetShardIteratorResponse> &iterator) {
        if (generation != m_sampleGeneration || !backend)
            return;
        if (!iterator)
            return failed(iterator.error());
        GetRecordsRequest records;
        records.shardIterator = iterator->shardIterator;
        records.limit = kSampleLimit;
        onResult(this, backend->getRecords(records), [this, generation, failed](const BackendResult<GetRecordsResponse> &response) {
            if (generation != m_sampleGeneration)
                return;
            if (!response)
                return failed(response.error());
            m_sampling = false;
            m_sample.reserve(response->records.size());
            for (const Record &record : response->records)
                m_sample.append(record.explicitHashKey ? *record.explicitHashKey : HashKey::fromPartitionKey(record.partitionKey));
            updateSplitPreview();
            revealPreview(); // a line longer
        });
    });
}

void ShardMapLab::previewMerge()
{
    m_result->clear();
    m_mode = Mode::Merge;
    m_map->setSplitPreview({}, std::nullopt);
    m_map->setScalePreview(0);
    m_splitShard.clear();
    // Without a Shift+clicked partner, propose the next shard up the key space.
    const ShardBandLayout &layout = m_map->bandLayout();
    const int selected = m_map->selectedIndex();
    if (m_map->mergePartner().isEmpty() && selected >= 0 && layout.shards().at(selected).open) {
        const QList<int> &open = layout.lane(0);
        const auto it = std::find(open.begin(), open.end(), selected);
        if (it != open.end() && it + 1 != open.end())
            m_map->setMergePartner(layout.shards().at(*(it + 1)).shardId);
    }
    updateMergePreview();
    revealPreview();
}

void ShardMapLab::updateMergePreview()
{
    if (m_mode != Mode::Merge)
        return;
    const ShardBandLayout &layout = m_map->bandLayout();
    const int selected = m_map->selectedIndex();
    const int partner = layout.indexOf(m_map->mergePartner());
    QStringList lines;
    if (selected < 0 || partner < 0) {
        lines << tr("Click a shard, then Shift+click the adjacent shard to merge it with.");
    } else {
        const BandShard &a = layout.shards().at(selected);
        const BandShard &b = layout.shards().at(partner);
        if (const QString refusal = ReshardPlan::mergeRefusal(a, b); !refusal.isEmpty()) {
            lines << refusal;
        } else {
            const BandShard &first = a.range.start < b.range.start ? a : b;
            const BandShard &second = &first == &a ? b : a;
            lines << tr("Merge %1 and %2 into one shard:").arg(first.shardId, second.shardId);
            lines << tr("• range %1 – %2 (%3 % of the key space)")
                         .arg(ReshardPlan::abbreviated(first.range.start), ReshardPlan::abbreviated(second.range.end),
                              percent(second.end - first.start, 2));
            if (a.use && b.use)
                lines << tr("• write use: up to %1 % of one shard's limit (%2 % + %3 %)")
                             .arg(percent(*a.use + *b.use, 0), percent(*first.use, 0), percent(*second.use, 0));
            else
                lines << tr("• write use: unknown (the backend does not measure it)");
            if (first.records && second.records)
                lines << tr("• %1 records held by the two parents").arg(QLocale().toString(*first.records + *second.records));
        }
    }
    m_preview->setText(lines.join(u'\n'));
    updateEnabled();
}

void ShardMapLab::previewScale()
{
    m_result->clear();
    m_mode = Mode::Scale;
    m_map->setSplitPreview({}, std::nullopt);
    m_map->setMergePartner({});
    m_splitShard.clear();
    const int open = openShardCount();
    if (m_target->value() == open || m_target->value() == 1)
        m_target->setValue(std::min(open * 2, 100000));
    updateScalePreview();
    revealPreview();
}

void ShardMapLab::updateScalePreview()
{
    const int open = openShardCount();
    const int target = m_target->value();
    QStringList lines;
    const QString refusal = ReshardPlan::scaleRefusal(open, target);
    lines << tr("UpdateShardCount from %1 to %2 open shards (uniform scaling).").arg(open).arg(target);
    if (!refusal.isEmpty()) {
        lines << tr("Kinesis would refuse this: %1").arg(refusal);
        m_map->setScalePreview(0);
    } else {
        const QList<HashKeyRange> ranges = HashKeyRange::evenSplit(target);
        lines << tr("• %1 shards of %2 % of the key space each (dashed lines), e.g. %3 – %4")
                     .arg(target)
                     .arg(percent(1.0 / target, 3), ReshardPlan::abbreviated(ranges.first().start),
                          ReshardPlan::abbreviated(ranges.first().end));
        m_map->setScalePreview(target);
    }
    lines << tr("• Limits: one call goes to at most double or half the open shards (%1–%2 now); at most 10 calls per stream in a rolling 24 hours.")
                 .arg((open + 1) / 2)
                 .arg(2 * open);
    m_preview->setText(lines.join(u'\n'));
    updateEnabled();
}

void ShardMapLab::confirm()
{
    if (!m_confirm->isEnabled() || !m_backend)
        return;
    const StreamTarget target = StreamTarget::byName(m_streamName);
    QPointer<StreamBackend> backend = m_backend;
    const auto finish = [this](const QString &what, const std::optional<Error> &error) {
        m_busy = false;
        if (error) {
            showResult(tr("%1 failed: %2: %3").arg(what, error->typeName(), error->message), true);
        } else {
            showResult(tr("%1 started; the band moves to the new layout when the stream is active again.").arg(what), false);
            cancel();
        }
        updateEnabled();
    };
    if (m_mode == Mode::Split && m_splitKey) {
        const QString what = tr("Splitting %1").arg(m_splitShard);
        m_busy = true;
        onResult(this, backend->splitShard(SplitShardRequest{target, m_splitShard, m_splitKey->toDecimal()}),
                 [what, finish](const BackendResult<void> &result) {
                     finish(what, result ? std::nullopt : std::optional<Error>(result.error()));
                 });
    } else if (m_mode == Mode::Merge) {
        const ShardBandLayout &layout = m_map->bandLayout();
        const BandShard &a = layout.shards().at(m_map->selectedIndex());
        const BandShard &b = layout.shards().at(layout.indexOf(m_map->mergePartner()));
        const BandShard &first = a.range.start < b.range.start ? a : b;
        const BandShard &second = &first == &a ? b : a;
        const QString what = tr("Merging %1 with %2").arg(first.shardId, second.shardId);
        m_busy = true;
        onResult(this, backend->mergeShards(MergeShardsRequest{target, first.shardId, second.shardId}),
                 [what, finish](const BackendResult<void> &result) {
                     finish(what, result ? std::nullopt : std::optional<Error>(result.error()));
                 });
    } else if (m_mode == Mode::Scale) {
        UpdateShardCountRequest request;
        request.target = target;
        request.targetShardCount = m_target->value();
        const QString what = tr("Scaling to %1 shards").arg(request.targetShardCount);
        m_busy = true;
        onResult(this, backend->updateShardCount(request),
                 [what, finish](const BackendResult<UpdateShardCountResponse> &result) {
                     finish(what, result ? std::nullopt : std::optional<Error>(result.error()));
                 });
    }
    updateEnabled();
}

void ShardMapLab::cancel()
{
    m_mode = Mode::None;
    m_splitShard.clear();
    m_splitKey.reset();
    m_splitKeyEdit->clear();
    m_map->setSplitPreview({}, std::nullopt);
    m_map->setScalePreview(0);
    m_map->setMergePartner({});
    m_preview->setText(tr("Split: select a shard, press Split… and drag the point. Merge: click a shard, "
                          "Shift+click its neighbour. Scale: choose a target count. Nothing is sent before "
                          "you confirm."));
    updateEnabled();
}

void ShardMapLab::revealPreview()
{
    // After the layout has taken the preview's new text in.
    QTimer::singleShot(0, this, [this] {
        if (m_mode == Mode::None)
            return;
        m_side->ensureWidgetVisible(m_confirm, 0, 4);
        m_side->ensureWidgetVisible(m_preview, 0, 4);
    });
}

void ShardMapLab::showResultColour()
{
    Theme::setStyleSheet(m_result, m_resultFailed
        ? u"color: %1;"_s.arg(Theme::status(Theme::Status::Error, Theme::paletteFor(this)).name())
        : QString());
}

void ShardMapLab::showResult(const QString &text, bool failed)
{
    m_result->setText(text);
    m_resultFailed = failed;
    showResultColour();
}

} // namespace shardscope
