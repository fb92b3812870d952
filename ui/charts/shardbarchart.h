#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QComboBox;
class QLineSeries;
class QStackedBarSeries;
class QValueAxis;

namespace shardscope {

// One shard's incoming rate over the last second.
struct ShardRate
{
    QString shardId;
    double recordsPerSecond = 0;
    double bytesPerSecond = 0; // data and partition keys, as the limit counts them
};

// Incoming records/s or bytes/s per shard (switchable) as bars against the per-shard write limit
// (1,000 records/s, 1 MiB/s, from core/kinesis/limits.h) drawn as a dashed line. A bar at 95 %
// of the limit or more is drawn in the "at or over the limit" colour, so a hot shard stands out. Bytes are drawn in
// KiB/s. Hovering a bar shows the shard's exact figures; the context menu exports PNG and CSV.
// Rates set while hidden are drawn when shown.
//
// Threads: GUI thread.
class ShardBarChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShardBarChart)

public:
    enum class Measure { Records, Bytes };

    explicit ShardBarChart(QWidget *parent = nullptr);
    ~ShardBarChart() override;

    void setTitle(const QString &title);
    void setRates(const QList<ShardRate> &rates);
    QList<ShardRate> rates() const { return m_rates; }
    void setMeasure(Measure measure);
    Measure measure() const { return m_measure; }
    // Where only records are counted per shard: no records/bytes switch, no bytes on hover.
    void setBytesKnown(bool known);
    // Hides the records/bytes switch where the measure is fixed (two charts side by side).
    void setMeasureSwitchVisible(bool visible);

    // The limit in the drawn unit (records/s, or KiB/s for bytes).
    double limit() const;
    // The drawn bar heights per shard: under 95 % of the limit, and at or over it (0 where the
    // other holds it).
    QList<double> withinLimitValues() const;
    QList<double> overLimitValues() const;
    QList<QPointF> limitLine() const;
    QStringList categories() const;
    QChart *chart() const { return m_chart; }

    // "shardId-…: 1,234 records/s (123 % of the limit), 567,890 bytes/s (54 % of the limit)".
    QString hoverText(int shard) const;
    // "shard,records_per_second,bytes_per_second" then one row per shard, "\r\n" line ends.
    QByteArray csv() const;

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void redraw();
    void applyPalette();

    QComboBox *m_measureBox = nullptr;
    QWidget *m_measureRow = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QStackedBarSeries *m_bars = nullptr;
    QBarSet *m_within = nullptr;
    QBarSet *m_over = nullptr;
    QLineSeries *m_limitLine = nullptr;
    QBarCategoryAxis *m_shardAxis = nullptr;
    QValueAxis *m_lineAxis = nullptr; // hidden: places the limit line across the bars
    QValueAxis *m_valueAxis = nullptr;
    QList<ShardRate> m_rates;
    Measure m_measure = Measure::Records;
    bool m_bytesKnown = true;
    bool m_dirty = true;
};

} // namespace shardscope
