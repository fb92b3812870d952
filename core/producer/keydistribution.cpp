#include "producer/keydistribution.h"

#include <algorithm>
#include <cmath>

namespace shardscope {

KeyDistribution::KeyDistribution(const KeyDistributionOptions &options) : m_options(options)
{
    m_options.keyCount = std::max(1, m_options.keyCount);
    m_options.hotKeyCount = std::clamp(m_options.hotKeyCount, 1, m_options.keyCount);
    m_options.hotShare = std::clamp(m_options.hotShare, 0.0, 1.0);
    if (m_options.kind == KeyDistributionKind::Zipf) {
        m_cumulative.reserve(m_options.keyCount);
        double sum = 0;
        for (int k = 1; k <= m_options.keyCount; ++k) {
            sum += 1.0 / std::pow(double(k), m_options.zipfExponent);
            m_cumulative.append(sum);
        }
        for (double &c : m_cumulative)
            c /= sum;
    }
}

int KeyDistribution::nextIndex(QRandomGenerator &random) const
{
    const int n = m_options.keyCount;
    switch (m_options.kind) {
    case KeyDistributionKind::Uniform:
        return int(random.bounded(n));
    case KeyDistributionKind::HotKeys: {
        const int hot = m_options.hotKeyCount;
        if (hot >= n || random.generateDouble() < m_options.hotShare)
            return int(random.bounded(hot));
        return hot + int(random.bounded(n - hot));
    }
    case KeyDistributionKind::Zipf: {
        const double u = random.generateDouble();
        const auto it = std::upper_bound(m_cumulative.cbegin(), m_cumulative.cend(), u);
        return int(std::min<qsizetype>(it - m_cumulative.cbegin(), n - 1));
    }
    }
    return 0;
}

QString KeyDistribution::keyAt(int index) const
{
    return m_options.prefix + QString::number(index);
}

double KeyDistribution::probability(int index) const
{
    const int n = m_options.keyCount;
    if (index < 0 || index >= n)
        return 0;
    switch (m_options.kind) {
    case KeyDistributionKind::Uniform:
        return 1.0 / n;
    case KeyDistributionKind::HotKeys: {
        const int hot = m_options.hotKeyCount;
        if (hot >= n)
            return 1.0 / n;
        return index < hot ? m_options.hotShare / hot : (1.0 - m_options.hotShare) / (n - hot);
    }
    case KeyDistributionKind::Zipf:
        return m_cumulative.at(index) - (index > 0 ? m_cumulative.at(index - 1) : 0.0);
    }
    return 0;
}

} // namespace shardscope
