#include "producerdashboard.h"

#include "backend/streambackend.h"
#include "charts/shardbarchart.h"
#include "charts/timeserieschart.h"
#include "metrics/streammetricsview.h"
#include "producer/loadgenerator.h"
#include "producer/producer.h"

#include <QAbstractAxis>
#include <QChart>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace shardscope {

namespace {

constexpr Theme::Series kSentTone = Theme::Series::Blue;
constexpr Theme::Series kAcknowledgedTone = Theme::Series::Green;
constexpr Theme::Series kThrottledTone = Theme::Series::Red;
constexpr Theme::Series kRetriedTone = Theme::Series::Orange;

} // namespace

ProducerDashboard::ProducerDashboard(LoadGenerator *generator, QWidget *parent)
    : QWidget(parent), m_generator(generator), m_windowCombo(new QComboBox(this)),
      m_summary(new QLabel(this)), m_records(new TimeSeriesChart(this)),
      m_bytes(new TimeSeriesChart(this)), m_latency(new TimeSeriesChart(this)),
      m_shards(new ShardBarChart(this)), m_shardBytes(new ShardBarChart(this)),
      m_tabs(new QTabWidget(this)), m_streamMetrics(new StreamMetricsView(this))
{
    m_windowCombo->setObjectName(u"dashboardWindowCombo"_s);
    m_summary->setObjectName(u"dashboardSummary"_s);
    m_records->setObjectName(u"recordsChart"_s);
    m_bytes->setObjectName(u"bytesChart"_s);
    m_latency->setObjectName(u"latencyChart"_s);
    m_shards->setObjectName(u"shardChart"_s);
    m_shardBytes->setObjectName(u"shardBytesChart"_s);
    m_tabs->setObjectName(u"dashboardTabs"_s);
    m_streamMetrics->setObjectName(u"dashboardStreamMetrics"_s);

    m_records->setTitle(tr("Records per second"));
    m_records->setUnit(tr("records/s"));
    m_records->setExportName(u"producer-records"_s);
    m_records->addSeries(tr("Sent"), kSentTone);
    m_records->addSeries(tr("Acknowledged"), kAcknowledgedTone);
    m_records->addSeries(tr("Throttled"), kThrottledTone);
    m_records->addSeries(tr("Retried"), kRetriedTone);
    m_bytes->setTitle(tr("Bytes per second"));
    m_bytes->setUnit(tr("bytes/s"));
    m_bytes->setExportName(u"producer-bytes"_s);
    m_bytes->addSeries(tr("Sent"), kSentTone);
    m_bytes->addSeries(tr("Acknowledged"), kAcknowledgedTone);
    m_bytes->addSeries(tr("Throttled"), kThrottledTone);
    m_bytes->addSeries(tr("Retried"), kRetriedTone);
    m_latency->setTitle(tr("Put latency"));
    m_latency->setUnit(tr("ms"));
    m_latency->setExportName(u"producer-latency"_s);
    m_latency->addSeries(tr("p50"), kSentTone);
    m_latency->addSeries(tr("p99"), kRetriedTone);
    m_shards->setTitle(tr("Records per shard, last second"));
    m_shards->setMeasure(ShardBarChart::Measure::Records);
    m_shards->setMeasureSwitchVisible(false);
    m_shardBytes->setTitle(tr("Bytes per shard, last second"));
    m_shardBytes->setMeasure(ShardBarChart::Measure::Bytes);
    m_shardBytes->setMeasureSwitchVisible(false);
    // The titles say "per shard": the axis title below the shard numbers would only take the
    // height the bars need.
    for (ShardBarChart *chart : {m_shards, m_shardBytes}) {
        for (QAbstractAxis *axis : chart->chart()->axes(Qt::Horizontal))
            axis->setTitleVisible(false);
    }

    m_windowCombo->addItem(tr("Last minute"), 60);
    m_windowCombo->addItem(tr("Last 15 minutes"), 15 * 60);
    m_windowCombo->setCurrentIndex(1);
    connect(m_windowCombo, &QComboBox::currentIndexChanged, this, [this] {
        const std::chrono::seconds window(m_windowCombo->currentData().toInt());
        for (TimeSeriesChart *chart : {m_records, m_bytes, m_latency})
            chart->setWindow(window);
    });
    for (TimeSeriesChart *chart : {m_records, m_bytes, m_latency})
        chart->setWindow(15min);

    auto *top = new QHBoxLayout;
    auto *windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(m_windowCombo);
    top->addWidget(m_summary, 1);
    top->addWidget(windowLabel);
    top->addWidget(m_windowCombo);
    auto *producerTab = new QWidget(m_tabs);
    auto *grid = new QGridLayout;
    grid->addWidget(m_records, 0, 0);
    grid->addWidget(m_bytes, 0, 1);
    grid->addWidget(m_shards, 1, 0);
    grid->addWidget(m_shardBytes, 1, 1);
    grid->addWidget(m_latency, 2, 0, 1, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 3);
    // Three rows of equal height: at the minimum each still has room for its axis titles.
    for (int row = 0; row < 3; ++row)
        grid->setRowStretch(row, 1);
    auto *producerLayout = new QVBoxLayout(producerTab);
    producerLayout->addLayout(top);
    producerLayout->addLayout(grid, 1);
    for (QWidget *chart :
         std::initializer_list<QWidget *>{m_records, m_bytes, m_latency, m_shards, m_shardBytes})
        chart->setMinimumSize(320, 190);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(producerTab, tr("Producer &Charts"));
    m_tabs->addTab(m_streamMetrics, tr("Stream Me&trics"));
    m_tabs->setTabToolTip(1, tr("The target stream's metrics as the connection reports them "
                                "(CloudWatch on AWS)"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs, 1);

    if (generator) {
        m_streamMetrics->setStream(generator->backend(), generator->streamName());
        m_clockOffsetMs = QDateTime::currentMSecsSinceEpoch() - generator->producer()->nowMs();
        for (const LoadGeneratorSecond &second : generator->history())
            addSecond(second);
        connect(generator, &LoadGenerator::secondClosed, this, &ProducerDashboard::addSecond);
        connect(generator, &LoadGenerator::stateChanged, this, &ProducerDashboard::updateSummary);
    }
    updateSummary();
}

ProducerDashboard::~ProducerDashboard() = default;

void ProducerDashboard::addSecond(const LoadGeneratorSecond &second)
{
    const ProducerCounters &c = second.producer;
    const qint64 at = second.second + m_clockOffsetMs;
    m_records->append(Sent, at, static_cast<double>(c.userRecordsSent));
    m_records->append(Acknowledged, at, static_cast<double>(c.userRecordsAcknowledged));
    m_records->append(Throttled, at, static_cast<double>(c.throttledRecords));
    m_records->append(Retried, at, static_cast<double>(c.retriedRecords));
    m_bytes->append(BytesSent, at, static_cast<double>(c.bytesSent));
    m_bytes->append(BytesAcknowledged, at, static_cast<double>(c.bytesAcknowledged));
    m_bytes->append(BytesThrottled, at, static_cast<double>(c.throttledBytes));
    m_bytes->append(BytesRetried, at, static_cast<double>(c.retriedBytes));
    if (c.requests > 0) { // a second without answers has no latency, not a latency of 0
        m_latency->append(LatencyP50, at, static_cast<double>(c.latencyP50Ms));
        m_latency->append(LatencyP99, at, static_cast<double>(c.latencyP99Ms));
    }
    // Every shard acknowledged to so far, the idle ones at 0, in shard order.
    QStringList ids = c.acknowledgedByShard.keys(); // sorted
    for (const ShardRate &previous : m_shards->rates()) {
        if (!c.acknowledgedByShard.contains(previous.shardId))
            ids.append(previous.shardId);
    }
    ids.sort();
    QList<ShardRate> rates;
    for (const QString &id : std::as_const(ids)) {
        const ProducerShardCounts counts = c.acknowledgedByShard.value(id);
        rates.append({id, static_cast<double>(counts.records), static_cast<double>(counts.bytes)});
    }
    m_shards->setRates(rates);
    m_shardBytes->setRates(rates);
    updateSummary();
}

void ProducerDashboard::updateSummary()
{
    if (!m_generator) {
        m_summary->clear();
        return;
    }
    const ProducerMetrics metrics = m_generator->producer()->metrics();
    const QLocale locale;
    m_summary->setText(tr("Generated %1 · acknowledged %2 · failed %3 · refused %4 · "
                          "outstanding %5 · p99 %6 ms")
                           .arg(locale.toString(m_generator->generatedRecords()),
                                locale.toString(metrics.total.userRecordsAcknowledged),
                                locale.toString(metrics.total.failedRecords),
                                locale.toString(m_generator->refusedRecords()),
                                locale.toString(metrics.outstandingRecords),
                                locale.toString(metrics.latencyP99Ms)));
}

} // namespace shardscope
