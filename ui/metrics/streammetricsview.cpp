#include "streammetricsview.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "charts/timeserieschart.h"
#include "kinesis/limits.h"
#include "metrics/metricnames.h"

#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTime>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
namespace MN = shardscope::MetricNames;

namespace shardscope {

namespace {

constexpr qint64 kMinuteMs = 60'000;
// The share of a shard's write limit from which the limit is drawn as a line.
constexpr double kLimitShownFrom = 0.5;

constexpr Theme::Series kBlue = Theme::Series::Blue;
constexpr Theme::Series kGreen = Theme::Series::Green;
constexpr Theme::Series kRed = Theme::Series::Red;
constexpr Theme::Series kOrange = Theme::Series::Orange;
constexpr Theme::Series kPurple = Theme::Series::Purple;
constexpr Theme::Series kGrey = Theme::Series::Grey;

// "shardId-000000000007" -> "7"; other ids as they are.
QString shardNumber(const QString &shardId)
{
    static const QString prefix = u"shardId-"_s;
    if (!shardId.startsWith(prefix))
        return shardId;
    bool ok = false;
    const qlonglong number = shardId.mid(prefix.size()).toLongLong(&ok);
    return ok ? QString::number(number) : shardId;
}

qint64 rangeMs(StreamMetricsView::Range range)
{
    switch (range) {
    case StreamMetricsView::Range::Last15Minutes:
        return 15 * kMinuteMs;
    case StreamMetricsView::Range::LastHour:
        return 60 * kMinuteMs;
    case StreamMetricsView::Range::Last24Hours:
        return 24 * 60 * kMinuteMs;
    }
    return 15 * kMinuteMs;
}

} // namespace

StreamMetricsView::StreamMetricsView(QWidget *parent)
    : QWidget(parent), m_rangeCombo(new QComboBox(this)),
      m_byShardBox(new QCheckBox(tr("&By shard"), this)), m_status(new QLabel(this)),
      m_message(new QLabel(this)), m_hint(new QFrame(this)), m_hintText(new QLabel(m_hint)),
      m_enableButton(new QPushButton(tr("&Enable Enhanced Monitoring"), m_hint)),
      m_chartArea(new QWidget), m_grid(new QGridLayout(m_chartArea))
{
    m_rangeCombo->setObjectName(u"metricsRangeCombo"_s);
    m_byShardBox->setObjectName(u"metricsByShardBox"_s);
    m_status->setObjectName(u"metricsStatus"_s);
    m_message->setObjectName(u"metricsMessage"_s);
    m_hint->setObjectName(u"metricsMonitoringHint"_s);
    m_enableButton->setObjectName(u"metricsEnableMonitoringButton"_s);

    m_rangeCombo->addItem(tr("Last 15 minutes"), static_cast<int>(Range::Last15Minutes));
    m_rangeCombo->addItem(tr("Last hour"), static_cast<int>(Range::LastHour));
    m_rangeCombo->addItem(tr("Last 24 hours"), static_cast<int>(Range::Last24Hours));
    connect(m_rangeCombo, &QComboBox::activated, this, [this](int index) {
        setRange(static_cast<Range>(m_rangeCombo->itemData(index).toInt()));
    });
    m_byShardBox->setToolTip(tr("One line per open shard, from the shard-level metrics"));
    connect(m_byShardBox, &QCheckBox::toggled, this, &StreamMetricsView::setByShard);

    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette muted = m_status->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_status->setPalette(muted);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Theme::colourText(m_message, Theme::Status::Error);
    m_message->hide();

    m_hint->setFrameShape(QFrame::StyledPanel);
    m_hintText->setWordWrap(true);
    m_hintText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *hintLayout = new QHBoxLayout(m_hint);
    hintLayout->addWidget(m_hintText, 1);
    hintLayout->addWidget(m_enableButton, 0, Qt::AlignVCenter);
    connect(m_enableButton, &QPushButton::clicked, this, &StreamMetricsView::enableMonitoring);
    m_hint->hide();

    auto *top = new QHBoxLayout;
    auto *rangeLabel = new QLabel(tr("Time ra&nge:"), this);
    rangeLabel->setBuddy(m_rangeCombo);
    top->addWidget(rangeLabel);
    top->addWidget(m_rangeCombo);
    top->addSpacing(12);
    top->addWidget(m_byShardBox);
    top->addSpacing(12);
    top->addWidget(m_status, 1);

    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"metricsScrollArea"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_chartArea);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_hint);
    layout->addWidget(scroll, 1);

    m_timer.setObjectName(u"metricsRefreshTimer"_s);
    connect(&m_timer, &QTimer::timeout, this, &StreamMetricsView::refresh);
    rebuildCharts();
    restartTimer();
}

StreamMetricsView::~StreamMetricsView() = default;

void StreamMetricsView::setStream(StreamBackend *backend, const QString &streamName)
{
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    if (backend != m_backend)
        m_inFlight = false; // a call to the other connection may never come back (it is gone)
    m_backend = backend;
    m_streamName = streamName;
    ++m_generation;
    m_needDetails = true;
    m_detailsKnown = false;
    m_shardIds.clear();
    m_monitoring.clear();
    m_message->hide();
    m_status->clear();
    if (m_backend) {
        // A split, merge or enhanced-monitoring change: read the shards and settings again.
        connect(m_backend, &StreamBackend::catalogChanged, this, [this] {
            m_needDetails = true;
            if (m_byShard && isVisible())
                refresh(); // a new shard gets its line at once
        });
    }
    rebuildCharts();
    updateMonitoringHint();
    if (isVisible())
        refresh();
}

void StreamMetricsView::setRange(Range range)
{
    m_rangeCombo->setCurrentIndex(m_rangeCombo->findData(static_cast<int>(range)));
    if (range == m_range)
        return;
    m_range = range;
    ++m_generation;
    rebuildCharts();
    restartTimer();
    if (isVisible())
        refresh();
}

void StreamMetricsView::setByShard(bool byShard)
{
    m_byShardBox->setChecked(byShard);
    if (byShard == m_byShard)
        return;
    m_byShard = byShard;
    ++m_generation;
    m_needDetails = true;
    rebuildCharts();
    updateMonitoringHint();
    if (isVisible())
        refresh();
}

void StreamMetricsView::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
}

qint64 StreamMetricsView::nowMs() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

int StreamMetricsView::periodSeconds() const
{
    // The emulator keeps one-second points for 15 minutes; CloudWatch's Kinesis metrics come a
    // minute at a time.
    if (m_range == Range::Last15Minutes && m_backend
        && m_backend->kind() == BackendKind::LocalEmulator)
        return 1;
    return 60;
}

std::chrono::milliseconds StreamMetricsView::refreshInterval() const
{
    switch (m_range) {
    case Range::Last15Minutes:
        return 5s;
    case Range::LastHour:
        return 30s;
    case Range::Last24Hours:
        return 60s;
    }
    return 5s;
}

void StreamMetricsView::restartTimer()
{
    m_timer.setInterval(refreshInterval());
    if (isVisible())
        m_timer.start();
}

void StreamMetricsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer.start(refreshInterval());
    refresh();
}

void StreamMetricsView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

QStringList StreamMetricsView::missingShardLevelMetrics(const QStringList &enabled)
{
    if (enabled.contains(kAllShardLevelMetrics.toString()))
        return {};
    QStringList missing;
    for (const QString &metric : allShardLevelMetrics()) {
        if (!enabled.contains(metric))
            missing.append(metric);
    }
    return missing;
}

QList<QList<StreamMetricsView::SeriesSpec>> StreamMetricsView::seriesSpecs() const
{
    QList<QList<SeriesSpec>> specs(ChartCount);
    const auto key = [this](const QString &metric, const QString &shardId = {}) {
        return MetricKey{metric, m_streamName, shardId};
    };
    if (!m_byShard) {
        specs[IncomingRecordsChart] = {{tr("Stream"), key(MN::IncomingRecords)}};
        specs[IncomingBytesChart] = {{tr("Stream"), key(MN::IncomingBytes)}};
        specs[OutgoingRecordsChart] = {{tr("Stream"), key(MN::GetRecordsRecords)}};
        specs[OutgoingBytesChart] = {{tr("Stream"), key(MN::GetRecordsBytes)}};
        specs[ConsumerLagChart] = {{tr("Oldest record read"),
                                    key(MN::GetRecordsIteratorAgeMilliseconds),
                                    Statistic::Maximum, false}};
        specs[ThrottlingChart] = {
            {tr("Writes refused"), key(MN::WriteProvisionedThroughputExceeded)},
            {tr("Reads refused"), key(MN::ReadProvisionedThroughputExceeded)},
            {tr("PutRecords entries throttled"), key(MN::PutRecordsThrottledRecords)},
        };
    } else {
        for (const QString &shardId : m_shardIds) {
            const QString name = tr("Shard %1").arg(shardNumber(shardId));
            specs[IncomingRecordsChart].append({name, key(MN::IncomingRecords, shardId)});
            specs[IncomingBytesChart].append({name, key(MN::IncomingBytes, shardId)});
            specs[OutgoingRecordsChart].append({name, key(MN::OutgoingRecords, shardId)});
            specs[OutgoingBytesChart].append({name, key(MN::OutgoingBytes, shardId)});
            specs[ConsumerLagChart].append(
                {name, key(MN::IteratorAgeMilliseconds, shardId), Statistic::Maximum, false});
            specs[ThrottlingChart].append(
                {tr("Shard %1 writes").arg(shardNumber(shardId)),
                 key(MN::WriteProvisionedThroughputExceeded, shardId)});
            specs[ThrottlingChart].append(
                {tr("Shard %1 reads").arg(shardNumber(shardId)),
                 key(MN::ReadProvisionedThroughputExceeded, shardId)});
        }
        // The per-shard write limits as a line, so a shard at its limit stands out.
        if (!m_shardIds.isEmpty()) {
            specs[IncomingRecordsChart].append(
                {tr("Limit per shard"), {}, Statistic::Sum, false,
                 double(KinesisLimits::kShardWriteRecordsPerSecond)});
            specs[IncomingBytesChart].append(
                {tr("Limit per shard"), {}, Statistic::Sum, false,
                 double(KinesisLimits::kShardWriteBytesPerSecond)});
        }
    }
    // Latency exists for the stream only.
    specs[LatencyChart] = {
        {u"PutRecord"_s, key(MN::PutRecordLatency), Statistic::Average, false},
        {u"PutRecords"_s, key(MN::PutRecordsLatency), Statistic::Average, false},
        {u"GetRecords"_s, key(MN::GetRecordsLatency), Statistic::Average, false},
    };
    return specs;
}

void StreamMetricsView::rebuildCharts()
{
    qDeleteAll(m_charts);
    m_charts.clear();
    m_specs = seriesSpecs();
    const int period = periodSeconds();
    const int rateDecimals = period > 1 ? 2 : 0;
    struct ChartText
    {
        QString name;
        QString title;
        QString unit;
        int decimals;
    };
    const ChartText texts[ChartCount] = {
        {u"incoming-records"_s, tr("Records in"), tr("records/s"), rateDecimals},
        {u"incoming-bytes"_s, tr("Bytes in"), tr("bytes/s"), rateDecimals},
        {u"outgoing-records"_s, tr("Records read"), tr("records/s"), rateDecimals},
        {u"outgoing-bytes"_s, tr("Bytes read"), tr("bytes/s"), rateDecimals},
        {u"consumer-lag"_s, tr("Consumer lag (age of the oldest record read)"), tr("ms"), 0},
        {u"throttling"_s, tr("Throttled"), tr("per second"), 2},
        {u"latency"_s, tr("Call latency (average)"), tr("ms"), 1},
    };
    const QList<Theme::Series> streamColors[ChartCount] = {
        {kBlue}, {kBlue}, {kGreen}, {kGreen}, {kOrange}, {kRed, kOrange, kPurple},
        {kBlue, kGreen, kOrange},
    };
    for (int id = 0; id < ChartCount; ++id) {
        auto *chart = new TimeSeriesChart(m_chartArea);
        chart->setObjectName(texts[id].name + u"Chart"_s);
        chart->setTitle(texts[id].title);
        chart->setUnit(texts[id].unit, texts[id].decimals);
        chart->setExportName(u"stream-"_s + texts[id].name);
        chart->setWindow(std::chrono::milliseconds(rangeMs(m_range)));
        chart->setMinimumSize(300, 230);
        chart->setHeadroom(1.1); // a shard at its limit runs under the limit's line, not on the edge
        const bool streamColored = !m_byShard || id == LatencyChart;
        for (qsizetype s = 0; s < m_specs[id].size(); ++s) {
            const SeriesSpec &spec = m_specs[id][s];
            if (spec.limit >= 0)
                chart->addSeries(spec.name, kGrey);
            else if (streamColored && s < streamColors[id].size())
                chart->addSeries(spec.name, streamColors[id].at(s));
            else
                chart->addSeries(spec.name); // per shard: the chart theme's colours
        }
        m_grid->addWidget(chart, id / 2, id % 2);
        m_charts.append(chart);
    }
}

bool StreamMetricsView::monitoringHintShown() const
{
    return !m_hint->isHidden();
}

void StreamMetricsView::updateMonitoringHint()
{
    const QStringList missing = missingShardLevelMetrics(m_monitoring);
    const bool show = m_byShard && m_backend && m_detailsKnown && !missing.isEmpty();
    m_hint->setVisible(show);
    if (!show)
        return;
    QString text = missing.size() == allShardLevelMetrics().size()
                       ? tr("Lines per shard need enhanced monitoring, which is off for this "
                            "stream: they stay empty until it is enabled, and start from then.")
                       : tr("Lines per shard need enhanced monitoring, which is off for %1 on "
                            "this stream: those stay empty until it is enabled, and start from "
                            "then.")
                             .arg(missing.join(u", "_s));
    if (m_backend->kind() == BackendKind::Aws)
        text += u' ' + tr("CloudWatch charges for shard-level metrics.");
    if (m_backend->isReadOnly()) {
        text += u' ' + tr("This connection is read-only: make it writable to enable it.");
        m_enableButton->setEnabled(false);
        m_enableButton->setToolTip(tr("The connection is read-only"));
    } else {
        m_enableButton->setEnabled(!m_enabling);
        m_enableButton->setToolTip(
            tr("EnableEnhancedMonitoring for %1").arg(missing.join(u", "_s)));
    }
    m_hintText->setText(text);
}

void StreamMetricsView::enableMonitoring()
{
    if (!m_backend || m_backend->isReadOnly() || m_enabling)
        return;
    EnhancedMonitoringRequest request;
    request.target = StreamTarget::byName(m_streamName);
    request.shardLevelMetrics = missingShardLevelMetrics(m_monitoring);
    if (request.shardLevelMetrics.isEmpty())
        return;
    m_enabling = true;
    m_enableButton->setEnabled(false);
    const quint64 generation = m_generation;
    onResult(this, m_backend->enableEnhancedMonitoring(request),
             [this, generation](const BackendResult<EnhancedMonitoringResponse> &result) {
                 m_enabling = false;
                 if (generation != m_generation)
                     return;
                 if (!result) {
                     m_message->setText(tr("Enhanced monitoring could not be enabled: %1")
                                            .arg(result.error().message));
                     m_message->show();
                     updateMonitoringHint();
                     return;
                 }
                 m_message->hide();
                 m_monitoring = result->desiredShardLevelMetrics;
                 m_needDetails = true;
                 updateMonitoringHint();
                 refresh();
             });
}

void StreamMetricsView::refresh()
{
    if (m_inFlight) {
        m_again = true;
        return;
    }
    if (!m_backend || m_streamName.isEmpty()) {
        m_status->setText(tr("No stream selected."));
        return;
    }
    if (!m_backend->hasMetrics()) {
        m_message->setText(tr("%1 offers no metrics.").arg(m_backend->displayName()));
        m_message->show();
        return;
    }
    startRead();
}

void StreamMetricsView::startRead()
{
    m_inFlight = true;
    m_again = false;
    const quint64 generation = m_generation;
    m_callGeneration = generation;
    if (m_byShard && m_needDetails)
        readStreamDetails(generation);
    else
        readMetrics(generation);
}

void StreamMetricsView::readStreamDetails(quint64 generation)
{
    m_needDetails = false;
    const StreamTarget target = StreamTarget::byName(m_streamName);
    onResult(this, m_backend->describeStreamSummary(target),
             [this, generation, target](const BackendResult<StreamDescriptionSummary> &summary) {
                 if (generation != m_generation || !m_backend)
                     return finishCall(generation);
                 if (!summary)
                     return fail(generation, summary.error().message);
                 m_monitoring = summary->shardLevelMetrics;
                 onResult(this, m_backend->listAllShards(target),
                          [this, generation](const BackendResult<QList<Shard>> &shards) {
                              if (generation != m_generation || !m_backend)
                                  return finishCall(generation);
                              if (!shards)
                                  return fail(generation, shards.error().message);
                              QStringList open;
                              for (const Shard &shard : *shards) {
                                  if (!shard.endingSequenceNumber)
                                      open.append(shard.shardId);
                              }
                              std::sort(open.begin(), open.end());
                              if (open.size() > kMaxShards)
                                  open.resize(kMaxShards);
                              m_detailsKnown = true;
                              if (open != m_shardIds) {
                                  m_shardIds = open;
                                  rebuildCharts();
                              }
                              updateMonitoringHint();
                              readMetrics(generation);
                          });
             });
}

void StreamMetricsView::readMetrics(quint64 generation)
{
    const int period = periodSeconds();
    const qint64 periodMs = qint64(period) * 1000;
    MetricDataRequest request;
    // Whole periods only: the one still being counted would look like a drop.
    request.endMs = nowMs() / periodMs * periodMs;
    request.startMs = request.endMs - rangeMs(m_range);
    int n = 0;
    for (const QList<SeriesSpec> &chart : std::as_const(m_specs)) {
        for (const SeriesSpec &spec : chart) {
            if (spec.limit >= 0)
                continue;
            request.queries.append(
                MetricDataQuery{u"m%1"_s.arg(n++), spec.key, period, spec.statistic});
        }
    }
    m_lastRequest = request;
    onResult(this, m_backend->getMetricData(request),
             [this, generation, request](const BackendResult<MetricDataResponse> &response) {
                 if (generation != m_generation)
                     return finishCall(generation);
                 if (!response)
                     return fail(generation, response.error().message);
                 showMetrics(request, *response);
                 finishCall(generation);
                 emit refreshed();
             });
}

void StreamMetricsView::showMetrics(const MetricDataRequest &request,
                                    const MetricDataResponse &response)
{
    m_message->hide();
    const int period = request.queries.isEmpty() ? 60 : request.queries.constFirst().periodSeconds;
    const qint64 periodMs = qint64(period) * 1000;
    qsizetype n = 0;
    for (qsizetype c = 0; c < m_charts.size(); ++c) {
        TimeSeriesChart *chart = m_charts[c];
        chart->clearPoints();
        chart->setRangeEnd(request.endMs - periodMs); // the same time axis on every chart
        const QList<SeriesSpec> &specs = m_specs[c];
        for (qsizetype s = 0; s < specs.size(); ++s) {
            if (specs[s].limit >= 0) {
                // Drawn once a shard comes within half of it: below that the line would only
                // flatten the shards' own lines.
                double highest = 0;
                for (qsizetype other = 0; other < s; ++other) {
                    for (const QPointF &point : chart->points(int(other)))
                        highest = std::max(highest, point.y());
                }
                const bool shown = highest >= specs[s].limit * kLimitShownFrom;
                if (shown) {
                    for (qint64 t = request.startMs; t < request.endMs; t += periodMs)
                        chart->append(int(s), t, specs[s].limit);
                }
                for (QLegendMarker *marker : chart->chart()->legend()->markers(chart->lineSeries(int(s))))
                    marker->setVisible(shown);
                continue;
            }
            if (n >= response.results.size())
                break;
            const MetricSeries &series = response.results[n++].series;
            if (!specs[s].perSecond) {
                for (qsizetype i = 0; i < series.values.size() && i < series.timestampsMs.size(); ++i)
                    chart->append(int(s), series.timestampsMs[i], series.values[i]);
                continue;
            }
            QHash<qint64, double> sums;
            for (qsizetype i = 0; i < series.values.size() && i < series.timestampsMs.size(); ++i)
                sums.insert(series.timestampsMs[i], series.values[i]);
            for (qint64 t = request.startMs; t < request.endMs; t += periodMs)
                chart->append(int(s), t, sums.value(t) / period);
        }
    }
    m_status->setText(tr("Updated %1 · one point per %2 · every %3 s")
                          .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat),
                               period == 1 ? tr("second") : tr("minute"))
                          .arg(std::chrono::duration_cast<std::chrono::seconds>(refreshInterval())
                                   .count()));
}

void StreamMetricsView::fail(quint64 generation, const QString &message)
{
    if (m_byShard)
        m_needDetails = true; // the shards or settings may be what failed
    m_message->setText(tr("The metrics could not be read: %1").arg(message));
    m_message->show();
    finishCall(generation);
    emit refreshFailed(message);
}

void StreamMetricsView::finishCall(quint64 generation)
{
    if (generation != m_callGeneration)
        return; // a call given up on when the connection changed; a newer one is out
    m_inFlight = false;
    if (generation != m_generation)
        m_again = true;
    if (m_again && isVisible()) {
        m_again = false;
        refresh();
    }
}

} // namespace shardscope
