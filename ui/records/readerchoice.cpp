#include "readerchoice.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "records/registerconsumerdialog.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QAbstractItemView>
#include <QStandardItemModel>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {
constexpr int kKindRole = Qt::UserRole;
constexpr int kArnRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;
} // namespace

ReaderChoice::ReaderChoice(QWidget *parent)
    : QWidget(parent),
      m_combo(new QComboBox(this)),
      m_label(new QLabel(tr("Read &with") + u' ', this)),
      m_note(new QLabel(this)),
      m_registerAction(new QAction(tr("Register &Consumer…"), this))
{
    setObjectName(u"readerChoice"_s);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_combo->setObjectName(u"readWith"_s);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_label->setBuddy(m_combo);
    m_note->setObjectName(u"readWithNote"_s);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();
    m_registerAction->setObjectName(u"actionRegisterConsumer"_s);
    m_registerAction->setShortcut(QKeySequence(tr("Ctrl+Shift+K")));
    m_registerAction->setStatusTip(
        tr("Register an enhanced fan-out consumer of this stream to read it through"));
    m_registerAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_registerAction, &QAction::triggered, this, &ReaderChoice::registerConsumer);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_label);
    layout->addWidget(m_combo);
    layout->addSpacing(8);
    layout->addWidget(m_note);

    m_relist.setSingleShot(true);
    m_relist.setInterval(1000);
    connect(&m_relist, &QTimer::timeout, this, &ReaderChoice::refresh);
    connect(m_combo, &QComboBox::activated, this, &ReaderChoice::itemActivated);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_combo->itemData(index, kKindRole).toInt() != RegisterItem)
            m_lastIndex = index;
    });
    applyConsumers({});
}

ReaderChoice::~ReaderChoice() = default;

void ReaderChoice::setStream(StreamBackend *backend, const QString &streamName)
{
    ++m_generation;
    m_relist.stop();
    if (m_backend)
        disconnect(m_backend, &StreamBackend::catalogChanged, this, nullptr);
    m_backend = backend;
    // Consumers registered or deregistered elsewhere (the emulator tells; AWS's catalog signal
    // follows this app's own calls).
    if (backend)
        connect(backend, &StreamBackend::catalogChanged, this, [this] {
            if (!m_relist.isActive())
                m_relist.start();
        });
    m_streamName = streamName;
    m_streamArn.clear();
    m_consumers.clear();
    m_canFanOut = backend && backend->canSubscribeToShards();
    m_reason = !backend || m_canFanOut
                   ? QString()
                   : tr("%1 cannot subscribe to shards: only polling reads records here.")
                         .arg(backend->displayName());
    applyConsumers({});
    m_combo->setCurrentIndex(0);
    refresh();
}

void ReaderChoice::setChangeable(bool changeable)
{
    m_changeable = changeable;
    updateEnabled();
}

QString ReaderChoice::consumerArn() const
{
    return m_combo->currentData(kArnRole).toString();
}

QString ReaderChoice::consumerName() const
{
    return m_combo->currentData(kNameRole).toString();
}

QStringList ReaderChoice::consumerNames() const
{
    QStringList names;
    for (const Consumer &consumer : m_consumers)
        names.append(consumer.consumerName);
    return names;
}

bool ReaderChoice::chooseConsumer(const QString &name)
{
    if (name.isEmpty()) {
        m_combo->setCurrentIndex(0);
        emit choiceChanged();
        return true;
    }
    const int index = m_combo->findData(name, kNameRole);
    const auto *model = qobject_cast<QStandardItemModel *>(m_combo->model());
    if (index < 0 || !model->item(index)->isEnabled())
        return false;
    m_combo->setCurrentIndex(index);
    emit choiceChanged();
    return true;
}

void ReaderChoice::setUnavailable(const QString &reason)
{
    m_canFanOut = false;
    m_reason = reason;
    applyConsumers(m_consumers);
}

void ReaderChoice::refresh()
{
    if (!m_backend || m_streamName.isEmpty() || !m_canFanOut)
        return;
    if (m_combo->view()->isVisible()) {
        m_relist.start(); // not under the user's pointer
        return;
    }
    const quint64 generation = m_generation;
    const auto list = [this, generation] {
        onResult(this, m_backend->listAllStreamConsumers(m_streamArn),
                 [this, generation](const BackendResult<QList<Consumer>> &result) {
                     if (generation != m_generation)
                         return;
                     if (!result) {
                         m_combo->setToolTip(tr("The consumers could not be listed: %1")
                                                 .arg(result.error().message));
                         return;
                     }
                     applyConsumers(*result);
                     emit consumersListed();
                 });
    };
    if (!m_streamArn.isEmpty()) {
        list();
        return;
    }
    onResult(this, m_backend->describeStreamSummary(StreamTarget::byName(m_streamName)),
             [this, generation, list](const BackendResult<StreamDescriptionSummary> &result) {
                 if (generation != m_generation || !m_backend)
                     return;
                 if (!result) {
                     m_combo->setToolTip(
                         tr("The consumers could not be listed: %1").arg(result.error().message));
                     return;
                 }
                 m_streamArn = result->streamArn;
                 list();
             });
}

void ReaderChoice::applyConsumers(const QList<Consumer> &listed)
{
    QList<Consumer> consumers = listed;
    std::sort(consumers.begin(), consumers.end(),
              [](const Consumer &a, const Consumer &b) { return a.consumerName < b.consumerName; });
    m_consumers = consumers;
    const QString chosen = consumerName();

    auto *model = new QStandardItemModel(m_combo);
    auto *polling = new QStandardItem(tr("Polling (GetRecords)"));
    polling->setData(Polling, kKindRole);
    polling->setToolTip(tr("Ask every shard for records with GetRecords, sharing its read quota "
                           "(5 calls and 2 MiB per second) with the stream's other readers"));
    model->appendRow(polling);
    bool waiting = false;
    if (m_canFanOut) {
        for (const Consumer &consumer : std::as_const(consumers)) {
            const bool active = consumer.consumerStatus == ConsumerStatus::Active;
            waiting = waiting || consumer.consumerStatus == ConsumerStatus::Creating;
            auto *item = new QStandardItem(
                active ? tr("Consumer %1 (enhanced fan-out)").arg(consumer.consumerName)
                       : tr("Consumer %1 (%2)").arg(consumer.consumerName, toWire(consumer.consumerStatus)));
            item->setData(ConsumerItem, kKindRole);
            item->setData(consumer.consumerArn, kArnRole);
            item->setData(consumer.consumerName, kNameRole);
            item->setToolTip(active ? tr("Records are pushed through this consumer "
                                         "(SubscribeToShard), 2 MiB/s per shard of its own")
                                    : tr("Only an ACTIVE consumer can be read through"));
            item->setEnabled(active);
            model->appendRow(item);
        }
        auto *add = new QStandardItem(tr("Register a consumer…"));
        add->setData(RegisterItem, kKindRole);
        add->setToolTip(m_registerAction->statusTip());
        model->appendRow(add);
    }
    const QSignalBlocker block(m_combo);
    m_combo->setModel(model); // deletes the previous one, which it parents
    int index = chosen.isEmpty() ? 0 : m_combo->findData(chosen, kNameRole);
    if (index < 0 || !model->item(index)->isEnabled())
        index = 0;
    m_combo->setCurrentIndex(index);
    m_lastIndex = index;
    if (chosen != consumerName())
        emit choiceChanged(); // the chosen consumer is gone (or not ACTIVE any more)
    if (waiting)
        m_relist.start();
    updateEnabled();
}

void ReaderChoice::updateEnabled()
{
    m_combo->setEnabled(m_changeable && m_canFanOut);
    m_label->setEnabled(m_combo->isEnabled());
    m_registerAction->setEnabled(m_changeable && m_canFanOut && !m_streamName.isEmpty());
    m_note->setText(m_reason);
    m_note->setVisible(!m_reason.isEmpty());
    if (!m_reason.isEmpty())
        m_combo->setToolTip(m_reason);
    else if (m_combo->toolTip().isEmpty() || m_canFanOut)
        m_combo->setToolTip(tr("How records are read: polling with GetRecords, or pushed through "
                               "an enhanced fan-out consumer"));
}

void ReaderChoice::itemActivated(int index)
{
    if (m_combo->itemData(index, kKindRole).toInt() == RegisterItem) {
        m_combo->setCurrentIndex(m_lastIndex); // the item is a command, not a choice
        registerConsumer();
        return;
    }
    emit choiceChanged();
}

void ReaderChoice::registerConsumer()
{
    if (!m_backend || !m_canFanOut || m_streamName.isEmpty() || !m_changeable)
        return;
    if (m_streamArn.isEmpty()) {
        refresh(); // the ARN comes with the stream's summary; try again once it is in
        return;
    }
    auto *dialog = new RegisterConsumerDialog(m_backend, m_streamArn, consumerNames(), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const quint64 generation = m_generation;
    connect(dialog, &RegisterConsumerDialog::consumerReady, this,
            [this, generation](const Consumer &consumer) {
                if (generation != m_generation)
                    return;
                QList<Consumer> consumers = m_consumers;
                consumers.removeIf([&](const Consumer &c) { return c.consumerName == consumer.consumerName; });
                consumers.append(consumer);
                applyConsumers(consumers);
                chooseConsumer(consumer.consumerName);
                refresh();
            });
    dialog->open();
}

} // namespace shardscope
