#include "producer/latencywindow.h"

#include <algorithm>
#include <cmath>

namespace shardscope {

LatencyWindow::LatencyWindow(qsizetype capacity) : m_capacity(std::max<qsizetype>(1, capacity))
{
    m_samples.reserve(m_capacity);
}

void LatencyWindow::add(qint64 ms)
{
    if (m_samples.size() < m_capacity) {
        m_samples.append(ms);
        return;
    }
    m_samples[m_next] = ms;
    m_next = (m_next + 1) % m_capacity;
}

qint64 LatencyWindow::percentile(double p) const
{
    return percentileOf(m_samples, p);
}

qint64 LatencyWindow::max() const
{
    return m_samples.isEmpty() ? 0 : *std::max_element(m_samples.cbegin(), m_samples.cend());
}

qint64 LatencyWindow::percentileOf(QList<qint64> samples, double p)
{
    if (samples.isEmpty())
        return 0;
    // Nearest rank: the smallest sample with at least p % of the samples at or below it.
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(samples.size())));
    const qsizetype index = std::clamp<qsizetype>(rank - 1, 0, samples.size() - 1);
    std::nth_element(samples.begin(), samples.begin() + index, samples.end());
    return samples.at(index);
}

} // namespace shardscope
