#pragma once

#include <QList>
#include <QtGlobal>

namespace shardscope {

// The most recent `capacity` latency samples (ms), with percentiles over them. Value type.
class LatencyWindow final
{
public:
    explicit LatencyWindow(qsizetype capacity);

    void add(qint64 ms);
    bool isEmpty() const { return m_samples.isEmpty(); }
    // The nearest-rank percentile (0 < p <= 100) of the samples; 0 when empty.
    qint64 percentile(double p) const;
    qint64 max() const;

    // The same over any list of samples.
    static qint64 percentileOf(QList<qint64> samples, double p);

private:
    qsizetype m_capacity;
    qsizetype m_next = 0;
    QList<qint64> m_samples;
};

} // namespace shardscope
