#include "generatorform.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "dialogs/dialogtext.h"
#include "dialogs/inlineerrorlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

constexpr int kMaxRate = 1'000'000;
constexpr int kMaxDurationSeconds = 7 * 24 * 3600;
constexpr int kMaxRecordBytes = 1024 * 1024;

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

GeneratorForm::GeneratorForm(QWidget *parent)
    : QWidget(parent), m_connectionCombo(new QComboBox(this)), m_streamCombo(new QComboBox(this)),
      m_rateSpin(new QSpinBox(this)), m_durationSpin(new QSpinBox(this)),
      m_minSizeSpin(new QSpinBox(this)), m_maxSizeSpin(new QSpinBox(this)),
      m_keysCombo(new QComboBox(this)), m_keyCountSpin(new QSpinBox(this)),
      m_hotKeysSpin(new QSpinBox(this)), m_hotShareSpin(new QSpinBox(this)),
      m_zipfSpin(new QDoubleSpinBox(this)), m_payloadCombo(new QComboBox(this)),
      m_templateEdit(new QLineEdit(this)), m_aggregateCheck(new QCheckBox(this)),
      m_error(new InlineErrorLabel(this)), m_startButton(new QPushButton(this))
{
    m_connectionCombo->setObjectName(u"generatorConnectionCombo"_s);
    m_streamCombo->setObjectName(u"generatorStreamCombo"_s);
    m_rateSpin->setObjectName(u"generatorRateSpin"_s);
    m_durationSpin->setObjectName(u"generatorDurationSpin"_s);
    m_minSizeSpin->setObjectName(u"generatorMinSizeSpin"_s);
    m_maxSizeSpin->setObjectName(u"generatorMaxSizeSpin"_s);
    m_keysCombo->setObjectName(u"generatorKeysCombo"_s);
    m_payloadCombo->setObjectName(u"generatorPayloadCombo"_s);
    m_templateEdit->setObjectName(u"generatorTemplateEdit"_s);
    m_aggregateCheck->setObjectName(u"generatorAggregateCheck"_s);
    m_error->setObjectName(u"generatorError"_s);
    m_startButton->setObjectName(u"generatorStartButton"_s);

    m_rateSpin->setRange(1, kMaxRate);
    m_rateSpin->setValue(500);
    m_rateSpin->setSingleStep(100);
    m_rateSpin->setGroupSeparatorShown(true);
    m_rateSpin->setAccelerated(true);
    m_rateSpin->setSuffix(tr(" records/s"));
    m_durationSpin->setRange(0, kMaxDurationSeconds);
    m_durationSpin->setSingleStep(10);
    m_durationSpin->setGroupSeparatorShown(true);
    m_durationSpin->setSuffix(tr(" s"));
    m_durationSpin->setSpecialValueText(tr("Until stopped"));
    for (QSpinBox *size : {m_minSizeSpin, m_maxSizeSpin}) {
        size->setRange(1, kMaxRecordBytes);
        size->setValue(200);
        size->setGroupSeparatorShown(true);
        size->setSuffix(tr(" bytes"));
    }
    m_minSizeSpin->setToolTip(tr("Records are this size, or between the two sizes when they differ"));
    m_keysCombo->addItem(tr("Uniform"), static_cast<int>(KeyDistributionKind::Uniform));
    m_keysCombo->addItem(tr("A few hot keys"), static_cast<int>(KeyDistributionKind::HotKeys));
    m_keysCombo->addItem(tr("Zipf"), static_cast<int>(KeyDistributionKind::Zipf));
    m_keyCountSpin->setRange(1, 10'000'000);
    m_keyCountSpin->setValue(1000);
    m_keyCountSpin->setGroupSeparatorShown(true);
    m_keyCountSpin->setSuffix(tr(" keys"));
    m_hotKeysSpin->setRange(1, 1000);
    m_hotKeysSpin->setValue(3);
    m_hotKeysSpin->setSuffix(tr(" hot"));
    m_hotShareSpin->setRange(1, 100);
    m_hotShareSpin->setValue(80);
    m_hotShareSpin->setSuffix(tr(" % of the records"));
    m_zipfSpin->setRange(0.01, 10);
    m_zipfSpin->setDecimals(2);
    m_zipfSpin->setSingleStep(0.1);
    m_zipfSpin->setValue(1.0);
    m_zipfSpin->setPrefix(tr("exponent "));
    m_payloadCombo->addItem(tr("Random JSON"), static_cast<int>(LoadPayloadKind::RandomJson));
    m_payloadCombo->addItem(tr("Template"), static_cast<int>(LoadPayloadKind::Template));
    m_templateEdit->setToolTip(tr("The put dialog's templates: {{counter}}, {{uuid}}, "
                                  "{{timestamp}}, {{random:int:1:100}}, {{choice:a|b}}"));
    m_templateEdit->setText(
        u"{\"id\": {{counter}}, \"user\": \"{{uuid}}\", \"at\": \"{{timestamp}}\"}"_s);
    m_aggregateCheck->setText(tr("KPL &aggregation"));
    m_aggregateCheck->setToolTip(
        tr("Pack the records of a shard into KPL aggregated records, as the KPL does"));
    m_startButton->setText(tr("&Start Generator"));
    m_startButton->setDefault(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(buddyLabel(tr("C&onnection:"), m_connectionCombo, this), m_connectionCombo);
    form->addRow(buddyLabel(tr("St&ream:"), m_streamCombo, this), m_streamCombo);
    form->addRow(buddyLabel(tr("R&ate:"), m_rateSpin, this), m_rateSpin);
    form->addRow(buddyLabel(tr("&Duration:"), m_durationSpin, this), m_durationSpin);
    auto *sizes = new QHBoxLayout;
    sizes->addWidget(m_minSizeSpin);
    sizes->addWidget(new QLabel(tr("to"), this));
    sizes->addWidget(m_maxSizeSpin);
    form->addRow(buddyLabel(tr("Record si&ze:"), m_minSizeSpin, this), sizes);
    auto *keys = new QHBoxLayout;
    keys->addWidget(m_keysCombo);
    keys->addWidget(m_keyCountSpin);
    form->addRow(buddyLabel(tr("Partition &keys:"), m_keysCombo, this), keys);
    auto *keyShape = new QHBoxLayout;
    keyShape->addWidget(m_hotKeysSpin);
    keyShape->addWidget(m_hotShareSpin);
    keyShape->addWidget(m_zipfSpin);
    form->addRow(QString(), keyShape);
    form->addRow(buddyLabel(tr("Pa&yload:"), m_payloadCombo, this), m_payloadCombo);
    form->addRow(QString(), m_templateEdit);
    form->addRow(QString(), m_aggregateCheck);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addWidget(m_startButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(buttons);

    connect(m_connectionCombo, &QComboBox::currentIndexChanged, this, &GeneratorForm::loadStreams);
    connect(m_streamCombo, &QComboBox::currentIndexChanged, this, &GeneratorForm::updateState);
    for (QSpinBox *spin : {m_rateSpin, m_durationSpin, m_minSizeSpin, m_maxSizeSpin,
                           m_keyCountSpin, m_hotKeysSpin, m_hotShareSpin})
        connect(spin, &QSpinBox::valueChanged, this, &GeneratorForm::updateState);
    connect(m_zipfSpin, &QDoubleSpinBox::valueChanged, this, &GeneratorForm::updateState);
    connect(m_keysCombo, &QComboBox::currentIndexChanged, this, &GeneratorForm::updateState);
    connect(m_payloadCombo, &QComboBox::currentIndexChanged, this, &GeneratorForm::updateState);
    connect(m_templateEdit, &QLineEdit::textChanged, this, &GeneratorForm::updateState);
    connect(m_startButton, &QPushButton::clicked, this, [this] {
        if (!problem())
            Q_EMIT startRequested();
    });
    updateState();
}

GeneratorForm::~GeneratorForm() = default;

void GeneratorForm::setConnections(const QList<StreamBackend *> &connections)
{
    StreamBackend *current = connection();
    m_connections.clear();
    const QSignalBlocker blocker(m_connectionCombo);
    m_connectionCombo->clear();
    for (StreamBackend *backend : connections) {
        m_connections.append(backend);
        m_connectionCombo->addItem(backend->isReadOnly()
                                       ? tr("%1 (read-only)").arg(backend->displayName())
                                       : backend->displayName());
        m_connectionCombo->setItemData(m_connectionCombo->count() - 1, backend->location(),
                                       Qt::ToolTipRole);
    }
    const auto at = static_cast<int>(m_connections.indexOf(current));
    m_connectionCombo->setCurrentIndex(at >= 0 ? at : (connections.isEmpty() ? -1 : 0));
    if (at < 0)
        loadStreams();
    else
        updateState();
}

bool GeneratorForm::selectTarget(StreamBackend *target, const QString &streamName)
{
    const auto at = static_cast<int>(m_connections.indexOf(target));
    if (at < 0)
        return false;
    m_wantedStream = streamName;
    if (m_connectionCombo->currentIndex() == at) {
        const int stream = m_streamCombo->findText(streamName);
        if (stream >= 0) {
            m_streamCombo->setCurrentIndex(stream);
            m_wantedStream.clear();
        } else {
            loadStreams();
        }
    } else {
        m_connectionCombo->setCurrentIndex(at);
    }
    return true;
}

StreamBackend *GeneratorForm::connection() const
{
    const int at = m_connectionCombo->currentIndex();
    return at >= 0 && at < m_connections.size() ? m_connections[at].data() : nullptr;
}

QString GeneratorForm::streamName() const
{
    return m_streamCombo->currentIndex() >= 0 ? m_streamCombo->currentText() : QString();
}

LoadGeneratorOptions GeneratorForm::options() const
{
    LoadGeneratorOptions options;
    options.recordsPerSecond = m_rateSpin->value();
    options.durationMs = qint64(m_durationSpin->value()) * 1000;
    options.minRecordBytes = m_minSizeSpin->value();
    options.maxRecordBytes = m_maxSizeSpin->value();
    options.keys.kind = static_cast<KeyDistributionKind>(m_keysCombo->currentData().toInt());
    options.keys.keyCount = m_keyCountSpin->value();
    options.keys.hotKeyCount = m_hotKeysSpin->value();
    options.keys.hotShare = m_hotShareSpin->value() / 100.0;
    options.keys.zipfExponent = m_zipfSpin->value();
    options.payload = static_cast<LoadPayloadKind>(m_payloadCombo->currentData().toInt());
    options.dataTemplate = m_templateEdit->text();
    options.producer.aggregate = m_aggregateCheck->isChecked();
    return options;
}

std::optional<QString> GeneratorForm::problem() const
{
    StreamBackend *target = connection();
    if (!target)
        return tr("There is no connection to put records into.");
    if (target->isReadOnly())
        return tr("%1 is read-only: records cannot be put into it.").arg(target->displayName());
    if (m_streamsLoading)
        return QString(); // no message, but not yet
    if (streamName().isEmpty())
        return tr("This connection has no streams.");
    return LoadGenerator::problem(options());
}

void GeneratorForm::loadStreams()
{
    const quint64 generation = ++m_streamsGeneration;
    if (m_wantedStream.isEmpty() && m_streamCombo->currentIndex() >= 0)
        m_wantedStream = m_streamCombo->currentText(); // keep the choice across connections
    {
        const QSignalBlocker blocker(m_streamCombo);
        m_streamCombo->clear();
    }
    StreamBackend *target = connection();
    if (!target) {
        m_streamsLoading = false;
        updateState();
        return;
    }
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
                     updateState();
                     m_error->showError(result.error());
                     return;
                 }
                 QStringList names;
                 for (const StreamSummary &summary : *result)
                     names.append(summary.streamName);
                 names.sort();
                 const QSignalBlocker blocker(m_streamCombo);
                 m_streamCombo->addItems(names);
                 const int wanted = m_streamCombo->findText(m_wantedStream);
                 m_streamCombo->setCurrentIndex(wanted >= 0 ? wanted : (names.isEmpty() ? -1 : 0));
                 m_wantedStream.clear();
                 updateState();
             });
}

void GeneratorForm::updateState()
{
    const auto kind = static_cast<KeyDistributionKind>(m_keysCombo->currentData().toInt());
    m_hotKeysSpin->setVisible(kind == KeyDistributionKind::HotKeys);
    m_hotShareSpin->setVisible(kind == KeyDistributionKind::HotKeys);
    m_zipfSpin->setVisible(kind == KeyDistributionKind::Zipf);
    m_templateEdit->setEnabled(m_payloadCombo->currentData().toInt() ==
                               static_cast<int>(LoadPayloadKind::Template));
    const auto wrong = problem();
    if (wrong && !wrong->isEmpty())
        m_error->showMessage(*wrong);
    else
        m_error->clearMessage();
    m_startButton->setEnabled(!wrong);
}

} // namespace shardscope
