#pragma once

#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace shardscope {

enum class KeyDistributionKind
{
    Uniform, // every key equally likely
    HotKeys, // hotKeyCount keys take hotShare of the records, the rest share what is left
    Zipf,    // the key of rank k (1-based) has weight 1 / k^exponent
};

struct KeyDistributionOptions
{
    KeyDistributionKind kind = KeyDistributionKind::Uniform;
    int keyCount = 1000; // distinct partition keys, "<prefix><n>" for n in 0 .. keyCount-1
    QString prefix = QStringLiteral("key-");
    int hotKeyCount = 3;    // HotKeys: keys 0 .. hotKeyCount-1 are hot
    double hotShare = 0.8;  // HotKeys: their share of the records, 0..1
    double zipfExponent = 1.0; // Zipf: s > 0
};

// Draws partition keys from a distribution. Zipf draws by binary search over the cumulative
// weights (built once), so a draw costs O(log keyCount). Value type; not thread-safe (the
// random generator is the caller's).
class KeyDistribution final
{
public:
    explicit KeyDistribution(const KeyDistributionOptions &options);

    // The index of the next key, 0 .. keyCount-1.
    int nextIndex(QRandomGenerator &random) const;
    QString keyAt(int index) const;
    QString next(QRandomGenerator &random) const { return keyAt(nextIndex(random)); }
    // The probability of the key at `index`, for tests and the page's legend.
    double probability(int index) const;
    const KeyDistributionOptions &options() const { return m_options; }

private:
    KeyDistributionOptions m_options;
    QList<double> m_cumulative; // Zipf: normalised cumulative weights
};

} // namespace shardscope
