#include "producerspage.h"

#include "backend/streambackend.h"
#include "producer/loadgenerator.h"
#include "producer/producer.h"
#include "producerdashboard.h"
#include "generatorform.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

enum Column { StreamColumn, RateColumn, StateColumn, SentColumn, AcknowledgedColumn, ColumnCount };

QString stateText(LoadGenerator::State state)
{
    switch (state) {
    case LoadGenerator::State::Idle:
        return ProducersPage::tr("Ready");
    case LoadGenerator::State::Running:
        return ProducersPage::tr("Running");
    case LoadGenerator::State::Paused:
        return ProducersPage::tr("Paused");
    case LoadGenerator::State::Stopping:
        return ProducersPage::tr("Stopping");
    case LoadGenerator::State::Finished:
        return ProducersPage::tr("Finished");
    }
    return {};
}

} // namespace

ProducersPage::ProducersPage(QWidget *parent)
    : QWidget(parent), m_form(new GeneratorForm(this)), m_list(new QTreeWidget(this)),
      m_pauseButton(new QPushButton(this)), m_stopButton(new QPushButton(this)),
      m_removeButton(new QPushButton(this)), m_startError(new QLabel(this)),
      m_dashboards(new QStackedWidget(this)), m_emptyHint(new QLabel(this))
{
    setObjectName(u"producersPage"_s);
    m_list->setObjectName(u"generatorList"_s);
    m_pauseButton->setObjectName(u"generatorPauseButton"_s);
    m_stopButton->setObjectName(u"generatorStopButton"_s);
    m_removeButton->setObjectName(u"generatorRemoveButton"_s);
    m_dashboards->setObjectName(u"dashboards"_s);

    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Stream"), tr("Rate"), tr("State"), tr("Sent"), tr("Acknowledged")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(StreamColumn, QHeaderView::Stretch);
    for (int column = RateColumn; column < ColumnCount; ++column)
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_pauseButton->setText(tr("&Pause"));
    m_stopButton->setText(tr("St&op"));
    m_removeButton->setText(tr("Re&move"));
    m_pauseButton->setToolTip(tr("Pause or resume the selected generator"));
    m_stopButton->setToolTip(
        tr("Stop generating; the records already generated are still put or fail"));
    m_removeButton->setToolTip(tr("Remove the selected finished generator and its charts"));
    m_startError->setObjectName(u"startError"_s);
    m_startError->setWordWrap(true);
    m_startError->hide();
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setText(tr("Start a generator to see what it sends, what Kinesis acknowledges "
                            "and throttles, and how the records spread over the shards."));
    m_dashboards->addWidget(m_emptyHint);

    auto *newBox = new QGroupBox(tr("New generator"), this);
    auto *newLayout = new QVBoxLayout(newBox);
    newLayout->addWidget(m_form);
    newLayout->addWidget(m_startError);
    auto *listBox = new QGroupBox(tr("Generators"), this);
    auto *listLayout = new QVBoxLayout(listBox);
    listLayout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pauseButton);
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    listLayout->addLayout(buttons);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(newBox);
    sideLayout->addWidget(listBox, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(side);
    splitter->addWidget(m_dashboards);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_form, &GeneratorForm::startRequested, this, [this] { startGenerator(); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        const int at = m_list->currentIndex().row();
        m_dashboards->setCurrentWidget(at >= 0 && at < m_entries.size()
                                           ? static_cast<QWidget *>(m_entries[at].dashboard)
                                           : m_emptyHint);
        updateButtons();
    });
    connect(m_pauseButton, &QPushButton::clicked, this, [this] {
        if (LoadGenerator *generator = currentGenerator()) {
            if (generator->state() == LoadGenerator::State::Paused)
                generator->resume();
            else
                generator->pause();
        }
    });
    connect(m_stopButton, &QPushButton::clicked, this, [this] {
        if (LoadGenerator *generator = currentGenerator())
            generator->stop();
    });
    connect(m_removeButton, &QPushButton::clicked, this, &ProducersPage::removeCurrent);
    updateButtons();
}

ProducersPage::~ProducersPage() = default;

void ProducersPage::setConnections(const QList<StreamBackend *> &connections)
{
    m_form->setConnections(connections);
}

LoadGenerator *ProducersPage::startGenerator()
{
    StreamBackend *backend = m_form->connection();
    if (const auto wrong = m_form->problem(); wrong || !backend)
        return nullptr;
    return startGenerator(backend, m_form->streamName(), m_form->options());
}

LoadGenerator *ProducersPage::startGenerator(StreamBackend *backend, const QString &streamName,
                                             const LoadGeneratorOptions &options)
{
    m_startError->hide();
    auto *generator = new LoadGenerator(backend, streamName, options, this);
    if (!generator->start()) {
        m_startError->setText(generator->error());
        m_startError->show();
        delete generator;
        return nullptr;
    }
    auto *dashboard = new ProducerDashboard(generator, m_dashboards);
    m_dashboards->addWidget(dashboard);
    m_entries.append({generator, dashboard});
    auto *item = new QTreeWidgetItem(m_list);
    item->setToolTip(StreamColumn, backend->displayName());
    item->setTextAlignment(RateColumn, Qt::AlignRight | Qt::AlignVCenter);
    item->setTextAlignment(SentColumn, Qt::AlignRight | Qt::AlignVCenter);
    item->setTextAlignment(AcknowledgedColumn, Qt::AlignRight | Qt::AlignVCenter);
    connect(generator, &LoadGenerator::stateChanged, this, [this, generator] {
        updateRow(generator);
        updateButtons();
    });
    connect(generator, &LoadGenerator::secondClosed, this,
            [this, generator] { updateRow(generator); });
    updateRow(generator);
    m_list->setCurrentItem(item);
    return generator;
}

QList<LoadGenerator *> ProducersPage::generators() const
{
    QList<LoadGenerator *> out;
    for (const Entry &entry : m_entries)
        out.append(entry.generator);
    return out;
}

LoadGenerator *ProducersPage::currentGenerator() const
{
    const int at = m_list->currentIndex().row();
    return at >= 0 && at < m_entries.size() ? m_entries[at].generator : nullptr;
}

ProducerDashboard *ProducersPage::dashboard(LoadGenerator *generator) const
{
    const int at = indexOf(generator);
    return at >= 0 ? m_entries[at].dashboard : nullptr;
}

int ProducersPage::indexOf(LoadGenerator *generator) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].generator == generator)
            return i;
    }
    return -1;
}

void ProducersPage::updateRow(LoadGenerator *generator)
{
    const int at = indexOf(generator);
    QTreeWidgetItem *item = m_list->topLevelItem(at);
    if (!item)
        return;
    const QLocale locale;
    const ProducerMetrics metrics = generator->producer()->metrics();
    item->setText(StreamColumn, generator->streamName());
    item->setText(RateColumn, tr("%1/s").arg(locale.toString(generator->options().recordsPerSecond)));
    item->setText(StateColumn, stateText(generator->state()));
    item->setText(SentColumn, locale.toString(generator->generatedRecords()));
    item->setText(AcknowledgedColumn, locale.toString(metrics.total.userRecordsAcknowledged));
}

void ProducersPage::updateButtons()
{
    LoadGenerator *generator = currentGenerator();
    const LoadGenerator::State state = generator ? generator->state() : LoadGenerator::State::Idle;
    const bool live = state == LoadGenerator::State::Running || state == LoadGenerator::State::Paused;
    m_pauseButton->setEnabled(generator && live);
    m_pauseButton->setText(state == LoadGenerator::State::Paused ? tr("&Resume") : tr("&Pause"));
    m_stopButton->setEnabled(generator && live);
    m_removeButton->setEnabled(generator && state == LoadGenerator::State::Finished);
}

void ProducersPage::removeCurrent()
{
    const int at = m_list->currentIndex().row();
    if (at < 0 || at >= m_entries.size() ||
        m_entries[at].generator->state() != LoadGenerator::State::Finished)
        return;
    const Entry entry = m_entries.takeAt(at);
    delete m_list->takeTopLevelItem(at);
    m_dashboards->removeWidget(entry.dashboard);
    entry.dashboard->deleteLater();
    entry.generator->deleteLater();
    if (m_entries.isEmpty())
        m_dashboards->setCurrentWidget(m_emptyHint);
    updateButtons();
}

} // namespace shardscope
