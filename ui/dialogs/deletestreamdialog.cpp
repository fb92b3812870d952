#include "deletestreamdialog.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "dialogtext.h"
#include "heightfitter.h"
#include "inlineerrorlabel.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace shardscope {

using namespace Qt::StringLiterals;

DeleteStreamDialog::DeleteStreamDialog(StreamBackend *backend, const QString &streamName,
                                       QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_streamName(streamName),
      m_shardsLabel(new QLabel(tr("Loading…"), this)),
      m_recordsLabel(new QLabel(tr("Loading…"), this)),
      m_consumersLabel(new QLabel(tr("Loading…"), this)),
      m_consumersList(new QListWidget(this)),
      m_confirmEdit(new QLineEdit(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_deleteButton(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(u"deleteStreamDialog"_s);
    setWindowTitle(tr("Delete Stream — %1").arg(streamName));

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this)
                        .pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);
    auto *heading = new QLabel(tr("Delete the stream “%1”?").arg(streamName), this);
    heading->setObjectName(u"headingLabel"_s);
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    QFont bold = heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    heading->setFont(bold);
    auto *explanation = new QLabel(
        tr("The stream and every record in it are deleted for good; this cannot be undone. "
           "Producers and consumers still using it will get errors."),
        this);
    explanation->setWordWrap(true);
    auto *texts = new QVBoxLayout;
    texts->addWidget(heading);
    texts->addWidget(explanation);
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addSpacing(8);
    top->addLayout(texts, 1);

    for (QLabel *label : {m_shardsLabel, m_recordsLabel, m_consumersLabel}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
    }
    m_shardsLabel->setObjectName(u"openShardsLabel"_s);
    m_recordsLabel->setObjectName(u"recordsLabel"_s);
    m_consumersLabel->setObjectName(u"consumersLabel"_s);
    m_consumersList->setObjectName(u"consumersList"_s);
    m_consumersList->setSelectionMode(QAbstractItemView::NoSelection);
    m_consumersList->setFocusPolicy(Qt::NoFocus);
    m_consumersList->hide();
    auto *consumers = new QVBoxLayout;
    consumers->setContentsMargins(0, 0, 0, 0);
    consumers->addWidget(m_consumersLabel);
    consumers->addWidget(m_consumersList);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Open shards:"), m_shardsLabel);
    form->addRow(tr("Records:"), m_recordsLabel);
    form->addRow(tr("Consumers:"), consumers);

    m_confirmEdit->setObjectName(u"confirmNameEdit"_s);
    m_confirmEdit->setPlaceholderText(streamName);
    auto *confirmLabel = new QLabel(tr("&Type the stream name to confirm:"), this);
    confirmLabel->setBuddy(m_confirmEdit);

    m_errorLabel->setObjectName(u"errorLabel"_s);
    m_buttons->setObjectName(u"buttonBox"_s);
    m_deleteButton->setObjectName(u"deleteButton"_s);
    m_deleteButton->setText(tr("&Delete Stream"));
    m_deleteButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(confirmLabel);
    layout->addWidget(m_confirmEdit);
    layout->addWidget(m_errorLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(480);
    HeightFitter::install(this);

    connect(m_confirmEdit, &QLineEdit::textChanged, this, &DeleteStreamDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DeleteStreamDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_confirmEdit->setFocus();
    updateState();
    load();
}

DeleteStreamDialog::~DeleteStreamDialog() = default;

void DeleteStreamDialog::load()
{
    if (!m_backend) {
        m_errorLabel->showMessage(tr("The connection is closed."));
        return;
    }
    onResult(this, m_backend->describeStreamSummary(StreamTarget::byName(m_streamName)),
             [this](BackendResult<StreamDescriptionSummary> result) {
                 m_loaded = true;
                 if (!result) {
                     for (QLabel *label : {m_shardsLabel, m_recordsLabel, m_consumersLabel})
                         label->setText(tr("Unknown"));
                     m_errorLabel->showError(result.error());
                     updateState();
                     return;
                 }
                 m_shardsLabel->setText(DialogText::shards(result->openShardCount));
                 if (result->streamStatus == StreamStatus::Deleting)
                     m_errorLabel->showMessage(tr("The stream is being deleted already."));
                 m_consumerCount = result->consumerCount;
                 showConsumers();
                 loadStatistics();
                 loadConsumers(result->streamArn);
                 updateState();
             });
}

void DeleteStreamDialog::loadStatistics()
{
    if (!m_backend)
        return;
    if (!m_backend->hasShardStatistics()) {
        m_recordsLabel->setText(tr("Not counted on this connection"));
        return;
    }
    onResult(this, m_backend->shardStatistics(m_streamName),
             [this](BackendResult<QList<ShardStatistics>> result) {
                 if (!result) {
                     m_recordsLabel->setText(tr("Could not be counted"));
                     m_recordsLabel->setToolTip(InlineErrorLabel::describe(result.error()));
                     return;
                 }
                 qint64 records = 0;
                 qint64 bytes = 0;
                 for (const ShardStatistics &shard : *result) {
                     records += shard.recordCount;
                     bytes += shard.bytes;
                 }
                 m_recordsLabel->setText(DialogText::recordsAndBytes(records, bytes));
             });
}

void DeleteStreamDialog::loadConsumers(const QString &streamArn)
{
    if (!m_backend || streamArn.isEmpty())
        return;
    onResult(this, m_backend->listAllStreamConsumers(streamArn),
             [this](BackendResult<QList<Consumer>> result) {
                 if (!result) {
                     // The summary's count still says whether there are any.
                     m_consumersLabel->setToolTip(InlineErrorLabel::describe(result.error()));
                     return;
                 }
                 m_consumerNames.clear();
                 for (const Consumer &consumer : std::as_const(*result)) {
                     if (consumer.consumerStatus == ConsumerStatus::Deleting)
                         continue; // going anyway
                     m_consumerNames.append(consumer.consumerName);
                 }
                 m_consumerCount = int(m_consumerNames.size());
                 m_consumersLoaded = true;
                 showConsumers();
                 updateState();
             });
}

void DeleteStreamDialog::showConsumers()
{
    if (m_consumersLoaded ? m_consumerNames.isEmpty() : m_consumerCount == 0) {
        m_consumersLabel->setText(tr("None registered"));
        m_consumersList->hide();
        return;
    }
    const int count = m_consumersLoaded ? int(m_consumerNames.size()) : m_consumerCount;
    m_consumersLabel->setText(
        count == 1 ? tr("1 enhanced fan-out consumer — deregistered with the stream")
                   : tr("%L1 enhanced fan-out consumers — deregistered with the stream").arg(count));
    m_consumersList->clear();
    m_consumersList->addItems(m_consumerNames);
    m_consumersList->setVisible(!m_consumerNames.isEmpty());
    if (!m_consumerNames.isEmpty()) {
        // As tall as its names, up to five; it scrolls beyond that.
        const int rows = std::min<int>(int(m_consumerNames.size()), 5);
        m_consumersList->setFixedHeight(rows * m_consumersList->sizeHintForRow(0)
                                        + 2 * m_consumersList->frameWidth() + 2);
    }
}

void DeleteStreamDialog::updateState()
{
    const bool confirmed = m_confirmEdit->text() == m_streamName;
    m_deleteButton->setText(m_busy ? tr("Deleting…") : tr("&Delete Stream"));
    m_deleteButton->setEnabled(m_backend && m_loaded && confirmed && !m_busy);
    m_confirmEdit->setEnabled(!m_busy);
}

void DeleteStreamDialog::submit()
{
    if (!m_deleteButton->isEnabled() || !m_backend)
        return;
    m_busy = true;
    m_errorLabel->clearMessage();
    updateState();
    const bool withConsumers = m_consumerCount > 0 || !m_consumerNames.isEmpty();
    onResult(this,
             m_backend->deleteStream(
                 DeleteStreamRequest{StreamTarget::byName(m_streamName), withConsumers}),
             [this](BackendResult<void> result) {
                 m_busy = false;
                 if (!result) {
                     m_errorLabel->showError(result.error());
                     updateState();
                     return;
                 }
                 updateState();
                 emit streamDeleted(m_streamName);
                 accept();
             });
}

} // namespace shardscope
