#include "shardbarchart.h"

#include "theme/theme.h"

#include "chartexport.h"
#include "charttheme.h"

#include "kinesis/limits.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QEvent>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

constexpr double kKiB = 1024;
// A shard this close to its limit is hot: a producer that keeps under the limit (as the KPL
// does) holds it just below, and it throttles as soon as anything more comes.
constexpr double kHotShare = 0.95;

// "shardId-000000000007" -> "7"; other ids as they are.
QString shortShardName(const QString &shardId)
{
    static const QString prefix = u"shardId-"_s;
    if (!shardId.startsWith(prefix))
        return shardId;
    bool ok = false;
    const qlonglong number = shardId.mid(prefix.size()).toLongLong(&ok);
    return ok ? QString::number(number) : shardId;
}

} // namespace

ShardBarChart::ShardBarChart(QWidget *parent)
    : QWidget(parent), m_measureBox(new QComboBox(this)), m_chart(new QChart),
      m_view(new QChartView(m_chart, this)), m_bars(new QStackedBarSeries(this)),
      m_within(new QBarSet(tr("Under 95 %"), this)),
      m_over(new QBarSet(tr("Hot"), this)), m_limitLine(new QLineSeries(this)),
      m_shardAxis(new QBarCategoryAxis(this)), m_lineAxis(new QValueAxis(this)),
      m_valueAxis(new QValueAxis(this))
{
    m_measureBox->addItem(tr("Records/s"), static_cast<int>(Measure::Records));
    m_measureBox->addItem(tr("Bytes/s"), static_cast<int>(Measure::Bytes));
    connect(m_measureBox, &QComboBox::activated, this, [this](int index) {
        setMeasure(static_cast<Measure>(m_measureBox->itemData(index).toInt()));
    });

    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setLocalizeNumbers(true);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setBackgroundRoundness(0);
    m_bars->append(m_within);
    m_bars->append(m_over);
    m_bars->setBarWidth(0.7);
    m_chart->addSeries(m_bars);
    m_chart->addSeries(m_limitLine);
    m_shardAxis->setTitleText(tr("Shard"));
    m_valueAxis->setLabelFormat(u"%.0f"_s);
    m_lineAxis->setVisible(false);
    m_chart->addAxis(m_shardAxis, Qt::AlignBottom);
    m_chart->addAxis(m_lineAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_bars->attachAxis(m_shardAxis);
    m_bars->attachAxis(m_valueAxis);
    m_limitLine->attachAxis(m_lineAxis);
    m_limitLine->attachAxis(m_valueAxis);

    connect(m_bars, &QAbstractBarSeries::hovered, this, [this](bool status, int index, QBarSet *) {
        if (status)
            QToolTip::showText(QCursor::pos(), hoverText(index), m_view);
        else
            QToolTip::hideText();
    });

    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        ChartExport::execMenu(this, m_view->mapToGlobal(pos), u"shard-rates"_s,
                              [this] { return csv(); });
    });

    m_measureRow = new QWidget(this);
    auto *top = new QHBoxLayout(m_measureRow);
    top->setContentsMargins(0, 0, 0, 0);
    auto *showLabel = new QLabel(tr("&Show:"), this);
    showLabel->setBuddy(m_measureBox);
    top->addStretch();
    top->addWidget(showLabel);
    top->addWidget(m_measureBox);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_measureRow);
    layout->addWidget(m_view);
    applyPalette();
    redraw();
}

ShardBarChart::~ShardBarChart() = default;

void ShardBarChart::setTitle(const QString &title)
{
    m_chart->setTitle(title);
}

void ShardBarChart::setRates(const QList<ShardRate> &rates)
{
    m_rates = rates;
    m_dirty = true;
    if (isVisible())
        redraw();
}

void ShardBarChart::setBytesKnown(bool known)
{
    m_bytesKnown = known;
    m_measureRow->setVisible(known);
    if (!known)
        setMeasure(Measure::Records);
}

void ShardBarChart::setMeasureSwitchVisible(bool visible)
{
    m_measureRow->setVisible(visible && m_bytesKnown);
}

void ShardBarChart::setMeasure(Measure measure)
{
    m_measure = measure;
    m_measureBox->setCurrentIndex(m_measureBox->findData(static_cast<int>(measure)));
    m_dirty = true;
    redraw();
}

double ShardBarChart::limit() const
{
    return m_measure == Measure::Records
               ? static_cast<double>(KinesisLimits::kShardWriteRecordsPerSecond)
               : static_cast<double>(KinesisLimits::kShardWriteBytesPerSecond) / kKiB;
}

void ShardBarChart::redraw()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    const double cap = limit();
    QList<qreal> within;
    QList<qreal> over;
    QStringList names;
    double highest = cap;
    for (const ShardRate &rate : std::as_const(m_rates)) {
        const double value = m_measure == Measure::Records ? rate.recordsPerSecond
                                                           : rate.bytesPerSecond / kKiB;
        const bool hot = value >= cap * kHotShare;
        within.append(hot ? 0 : value);
        over.append(hot ? value : 0);
        names.append(shortShardName(rate.shardId));
        highest = std::max(highest, value);
    }
    // Replacing the values in one call each: a stacked bar series relayouts per change.
    m_within->remove(0, m_within->count());
    m_within->append(within);
    m_over->remove(0, m_over->count());
    m_over->append(over);
    m_shardAxis->setCategories(names);
    const auto count = static_cast<double>(std::max<qsizetype>(names.size(), 1));
    m_lineAxis->setRange(-0.5, count - 0.5);
    m_limitLine->replace({QPointF(-0.5, cap), QPointF(count - 0.5, cap)});
    m_limitLine->setName(m_measure == Measure::Records
                             ? tr("Limit: %L1/s")
                                   .arg(KinesisLimits::kShardWriteRecordsPerSecond)
                             : tr("Limit: 1 MiB/s"));
    m_valueAxis->setTitleText(m_measure == Measure::Records ? tr("records/s") : tr("KiB/s"));
    m_valueAxis->setRange(0, std::ceil(highest * 1.15 / 100) * 100);
}

QList<double> ShardBarChart::withinLimitValues() const
{
    QList<double> values;
    for (int i = 0; i < m_within->count(); ++i)
        values.append(m_within->at(i));
    return values;
}

QList<double> ShardBarChart::overLimitValues() const
{
    QList<double> values;
    for (int i = 0; i < m_over->count(); ++i)
        values.append(m_over->at(i));
    return values;
}

QList<QPointF> ShardBarChart::limitLine() const
{
    return m_limitLine->points();
}

QStringList ShardBarChart::categories() const
{
    return m_shardAxis->categories();
}

QString ShardBarChart::hoverText(int shard) const
{
    if (shard < 0 || shard >= m_rates.size())
        return {};
    const ShardRate &rate = m_rates[shard];
    const QLocale locale;
    const double recordsShare =
        100.0 * rate.recordsPerSecond / KinesisLimits::kShardWriteRecordsPerSecond;
    const double bytesShare =
        100.0 * rate.bytesPerSecond / static_cast<double>(KinesisLimits::kShardWriteBytesPerSecond);
    if (!m_bytesKnown)
        return tr("%1\n%2 records/s (%3 % of the limit)")
            .arg(rate.shardId, locale.toString(rate.recordsPerSecond, 'f', 0),
                 locale.toString(recordsShare, 'f', 0));
    return tr("%1\n%2 records/s (%3 % of the limit)\n%4 bytes/s (%5 % of the limit)")
        .arg(rate.shardId, locale.toString(rate.recordsPerSecond, 'f', 0),
             locale.toString(recordsShare, 'f', 0), locale.toString(rate.bytesPerSecond, 'f', 0),
             locale.toString(bytesShare, 'f', 0));
}

QByteArray ShardBarChart::csv() const
{
    QString out = u"shard,records_per_second,bytes_per_second\r\n"_s;
    for (const ShardRate &rate : m_rates) {
        out += ChartExport::csvField(rate.shardId) + u',' +
               QString::number(rate.recordsPerSecond, 'g', 15) + u',' +
               QString::number(rate.bytesPerSecond, 'g', 15) + u"\r\n"_s;
    }
    return out.toUtf8();
}

void ShardBarChart::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    redraw();
}

void ShardBarChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void ShardBarChart::applyPalette()
{
    applyChartPalette(m_chart, palette());
    const QColor within = Theme::series(Theme::Series::Blue, palette());
    const QColor over = Theme::series(Theme::Series::Red, palette());
    m_within->setColor(within);
    m_within->setBorderColor(within);
    m_over->setColor(over);
    m_over->setBorderColor(over);
    QPen pen(palette().color(QPalette::WindowText));
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(2);
    m_limitLine->setPen(pen);
}

} // namespace shardscope
