#include "enhancedmonitoringdialog.h"

#include "dialogcalls.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

// What each metric counts, for its checkbox's tip.
QString metricTip(const QString &metric)
{
    if (metric == u"IncomingBytes")
        return EnhancedMonitoringDialog::tr("Bytes put into the shard");
    if (metric == u"IncomingRecords")
        return EnhancedMonitoringDialog::tr("Records put into the shard");
    if (metric == u"OutgoingBytes")
        return EnhancedMonitoringDialog::tr("Bytes read from the shard");
    if (metric == u"OutgoingRecords")
        return EnhancedMonitoringDialog::tr("Records read from the shard");
    if (metric == u"WriteProvisionedThroughputExceeded")
        return EnhancedMonitoringDialog::tr("Writes the shard throttled");
    if (metric == u"ReadProvisionedThroughputExceeded")
        return EnhancedMonitoringDialog::tr("Reads the shard throttled");
    if (metric == u"IteratorAgeMilliseconds")
        return EnhancedMonitoringDialog::tr("How far behind the newest record the shard's readers are");
    return {};
}

bool coversAll(const QStringList &metrics)
{
    const QStringList all = allShardLevelMetrics();
    return std::all_of(all.begin(), all.end(),
                       [&](const QString &metric) { return metrics.contains(metric); });
}

} // namespace

EnhancedMonitoringDialog::EnhancedMonitoringDialog(StreamBackend *backend,
                                                   const QString &streamName, QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_streamName(streamName),
      m_currentLabel(new QLabel(tr("Loading…"), this)),
      m_allCheck(new QCheckBox(tr("&All shard-level metrics"), this)),
      m_hintLabel(new QLabel(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_applyButton(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(u"enhancedMonitoringDialog"_s);
    setWindowTitle(tr("Enhanced Monitoring — %1").arg(streamName));

    m_currentLabel->setObjectName(u"currentMetricsLabel"_s);
    m_currentLabel->setTextFormat(Qt::PlainText);
    m_currentLabel->setWordWrap(true);
    m_allCheck->setObjectName(u"allMetricsCheck"_s);
    m_allCheck->setEnabled(false);
    auto *metrics = new QVBoxLayout;
    metrics->addWidget(m_allCheck, 0, Qt::AlignLeft);
    auto *each = new QVBoxLayout;
    each->setContentsMargins(20, 0, 0, 0); // under "All", indented
    metrics->addLayout(each);
    for (const QString &metric : allShardLevelMetrics()) {
        // CloudWatch's names, as the metrics are called there.
        auto *check = new QCheckBox(metric, this);
        check->setObjectName(u"metric"_s + metric);
        check->setToolTip(metricTip(metric));
        check->setEnabled(false);
        each->addWidget(check, 0, Qt::AlignLeft);
        m_metricChecks.append(check);
        connect(check, &QCheckBox::toggled, this, &EnhancedMonitoringDialog::updateState);
    }
    m_hintLabel->setObjectName(u"metricsHintLabel"_s);
    m_hintLabel->setTextFormat(Qt::PlainText);
    m_hintLabel->setWordWrap(true);
    m_hintLabel->setText(tr("Shard-level metrics are published per shard each minute, beside the "
                            "stream-level ones; on AWS each one is billed as a custom metric."));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Current:"), m_currentLabel);
    form->addRow(tr("Metrics:"), metrics);
    form->addRow(QString(), m_hintLabel);

    DialogCalls::nameButtons(m_errorLabel, m_buttons, m_applyButton, u"applyButton"_s);
    m_applyButton->setText(tr("&Apply"));
    DialogCalls::stack(this, form, m_errorLabel, m_buttons, 460);

    connect(m_allCheck, &QCheckBox::clicked, this, [this](bool on) {
        for (QCheckBox *check : std::as_const(m_metricChecks))
            check->setChecked(on);
        updateState();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EnhancedMonitoringDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updateState();
    load();
}

EnhancedMonitoringDialog::~EnhancedMonitoringDialog() = default;

QStringList EnhancedMonitoringDialog::chosenMetrics() const
{
    QStringList chosen;
    for (QCheckBox *check : m_metricChecks) {
        if (check->isChecked())
            chosen.append(check->text());
    }
    return chosen;
}

void EnhancedMonitoringDialog::load()
{
    DialogCalls::loadSummary(
        this, m_backend, m_streamName, m_currentLabel, m_errorLabel, tr("Unknown"),
        tr("The connection is closed."), [this] { updateState(); },
        [this](const StreamDescriptionSummary &summary) {
            m_loaded = true;
            m_streamArn = summary.streamArn;
            m_current = summary.shardLevelMetrics;
            for (QCheckBox *check : std::as_const(m_metricChecks)) {
                check->setChecked(m_current.contains(check->text()));
                check->setEnabled(true);
            }
            m_allCheck->setEnabled(true);
            m_allCheck->setFocus();
            updateState();
        });
}

void EnhancedMonitoringDialog::updateState()
{
    const QStringList chosen = chosenMetrics();
    m_allCheck->setChecked(coversAll(chosen));
    if (m_loaded) {
        m_currentLabel->setText(m_current.isEmpty() ? tr("Off (stream-level metrics only)")
                                : coversAll(m_current)
                                    ? tr("All shard-level metrics")
                                    : m_current.join(u", "_s));
    }
    QStringList current = m_current;
    current.sort();
    QStringList wanted = chosen;
    wanted.sort();
    m_applyButton->setText(m_busy ? tr("Applying…") : tr("&Apply"));
    m_applyButton->setEnabled(m_backend && m_loaded && wanted != current && !m_busy);
}

void EnhancedMonitoringDialog::submit()
{
    if (!m_applyButton->isEnabled() || !m_backend)
        return;
    const QStringList chosen = chosenMetrics();
    QStringList enable;
    QStringList disable;
    for (const QString &metric : allShardLevelMetrics()) {
        if (chosen.contains(metric) && !m_current.contains(metric))
            enable.append(metric);
        else if (!chosen.contains(metric) && m_current.contains(metric))
            disable.append(metric);
    }
    // Everything on or everything off is what "ALL" means.
    if (coversAll(chosen) && !enable.isEmpty())
        enable = {kAllShardLevelMetrics.toString()};
    if (chosen.isEmpty() && !disable.isEmpty())
        disable = {kAllShardLevelMetrics.toString()};
    const StreamTarget target{m_streamName, m_streamArn};
    const auto disableThenFinish = [this, target, disable, chosen] {
        if (disable.isEmpty()) {
            finish(chosen);
            return;
        }
        DialogCalls::change(
            this, m_busy, m_errorLabel, [this] { updateState(); },
            [this, target, disable] {
                return DialogCalls::discardValue(m_backend->disableEnhancedMonitoring(
                    EnhancedMonitoringRequest{target, disable}));
            },
            [this, chosen] { finish(chosen); });
    };
    if (enable.isEmpty()) {
        disableThenFinish();
        return;
    }
    DialogCalls::change(
        this, m_busy, m_errorLabel, [this] { updateState(); },
        [this, target, enable] {
            return DialogCalls::discardValue(
                m_backend->enableEnhancedMonitoring(EnhancedMonitoringRequest{target, enable}));
        },
        [this, chosen, disableThenFinish] {
            // The enabled half is in place even if the disabling half then fails.
            for (const QString &metric : chosen) {
                if (!m_current.contains(metric))
                    m_current.append(metric);
            }
            disableThenFinish();
        });
}

void EnhancedMonitoringDialog::finish(const QStringList &metrics)
{
    m_current = metrics;
    updateState();
    emit enhancedMonitoringChanged(m_streamName, metrics);
    accept();
}

} // namespace shardscope
