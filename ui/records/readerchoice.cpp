#include "readerchoice.h"

#include "backend/streambackend.h"
#include "consumers/registerconsumerdialog.h"
#include "models/consumersmodel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHideEvent>
#include <QLabel>
#include <QShowEvent>
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
      m_consumers(new ConsumersModel(this)),
      m_combo(new QComboBox(this)),
      m_label(new QLabel(tr("Read &with") + u' ', this)),
      m_note(new QLabel(this)),
      m_registerAction(new QAction(tr("Register &Consumer to Read With…"), this))
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
    m_registerAction->setObjectName(u"actionRegisterReadConsumer"_s);
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

    connect(m_consumers, &ConsumersModel::refreshed, this, [this] {
        m_listError.clear();
        rebuild();
    });
    connect(m_consumers, &ConsumersModel::refreshFailed, this, [this](const Error &error) {
        m_listError = tr("The consumers could not be listed: %1").arg(error.message);
        updateEnabled();
    });
    connect(m_combo, &QComboBox::activated, this, &ReaderChoice::itemActivated);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_combo->itemData(index, kKindRole).toInt() != RegisterItem)
            m_lastIndex = index;
    });
    rebuild();
}

ReaderChoice::~ReaderChoice() = default;

void ReaderChoice::setStream(StreamBackend *backend, const QString &streamName)
{
    m_backend = backend;
    m_streamName = streamName;
    m_waitingFor.clear();
    m_nextReadNote.clear();
    m_listError.clear();
    m_canFanOut = backend && backend->canSubscribeToShards();
    m_reason = !backend || m_canFanOut
                   ? QString()
                   : tr("%1 cannot subscribe to shards: only polling reads records here.")
                         .arg(backend->displayName());
    m_consumers->setStream(m_canFanOut ? backend : nullptr, streamName);
    m_combo->setCurrentIndex(0);
    rebuild();
    if (m_canFanOut)
        m_consumers->refresh();
}

void ReaderChoice::setChangeable(bool changeable)
{
    m_changeable = changeable;
    if (changeable)
        m_nextReadNote.clear(); // the read it waited for is over
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
    for (int row = 0; row < m_consumers->rowCount(); ++row)
        names.append(m_consumers->consumer(row).consumerName);
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
    m_waitingFor.clear();
    rebuild();
}

void ReaderChoice::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_consumers->setPollingWanted(true); // CREATING turns ACTIVE on its own
}

void ReaderChoice::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_consumers->setPollingWanted(false);
}

void ReaderChoice::rebuild()
{
    const QString chosen = consumerName();
    auto *model = new QStandardItemModel(m_combo);
    auto *polling = new QStandardItem(tr("Polling (GetRecords)"));
    polling->setData(Polling, kKindRole);
    polling->setToolTip(tr("Ask every shard for records with GetRecords, sharing its read quota "
                           "(5 calls and 2 MiB per second) with the stream's other readers"));
    model->appendRow(polling);
    QString waitingStatus;
    m_waitingStatus.clear();
    if (m_canFanOut) {
        for (int row = 0; row < m_consumers->rowCount(); ++row) {
            const Consumer consumer = m_consumers->consumer(row);
            const bool active = consumer.consumerStatus == ConsumerStatus::Active;
            if (consumer.consumerName == m_waitingFor && !active)
                waitingStatus = m_waitingStatus = toWire(consumer.consumerStatus);
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
    {
        const QSignalBlocker block(m_combo);
        m_combo->setModel(model); // deletes the previous one, which it parents
        int index = chosen.isEmpty() ? 0 : m_combo->findData(chosen, kNameRole);
        if (index < 0 || !model->item(index)->isEnabled())
            index = 0;
        m_combo->setCurrentIndex(index);
        m_lastIndex = index;
    }
    if (chosen != consumerName())
        emit choiceChanged(); // the chosen consumer is gone (or not ACTIVE any more)
    // A consumer registered here is chosen as soon as it is ACTIVE.
    if (!m_waitingFor.isEmpty() && waitingStatus.isEmpty() &&
        m_combo->findData(m_waitingFor, kNameRole) >= 0) {
        const QString name = std::exchange(m_waitingFor, QString());
        const bool changeable = std::exchange(m_changeable, true); // chosen for the next read
        chooseConsumer(name);
        m_changeable = changeable;
        if (!changeable)
            m_nextReadNote = tr("Consumer %1 is ACTIVE and chosen for the next read: stop (Shift+F8) "
                                "and read again (F8) to read through it.")
                                 .arg(name);
    }
    updateEnabled();
}

void ReaderChoice::updateEnabled()
{
    m_combo->setEnabled(m_changeable && m_canFanOut);
    m_label->setEnabled(m_combo->isEnabled());
    // Registering does not disturb a read in progress: the consumer is chosen for the next one.
    // Registering is a change: not on a read-only connection (reading through one still is).
    m_registerAction->setEnabled(m_canFanOut && !m_streamName.isEmpty() && m_backend &&
                                 !m_backend->isReadOnly());
    if (!m_reason.isEmpty())
        m_note->setText(m_reason);
    else if (!m_listError.isEmpty())
        m_note->setText(m_listError);
    else if (!m_waitingFor.isEmpty())
        m_note->setText(tr("Waiting until consumer %1 is ACTIVE (it is %2)…")
                            .arg(m_waitingFor, m_waitingStatus.isEmpty() ? u"CREATING"_s : m_waitingStatus));
    else if (!m_nextReadNote.isEmpty())
        m_note->setText(m_nextReadNote);
    m_note->setVisible(!m_reason.isEmpty() || !m_listError.isEmpty() || !m_waitingFor.isEmpty() ||
                       !m_nextReadNote.isEmpty());
    m_combo->setToolTip(!m_reason.isEmpty()
                            ? m_reason
                            : tr("How records are read: polling with GetRecords, or pushed "
                                 "through an enhanced fan-out consumer"));
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
    if (!m_registerAction->isEnabled())
        return;
    auto *dialog = new RegisterConsumerDialog(m_backend, m_streamName, m_consumers->streamArn(),
                                              m_consumers->isLoaded() ? m_consumers->rowCount() : -1,
                                              window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<StreamBackend> backend = m_backend;
    const QString stream = m_streamName;
    connect(dialog, &RegisterConsumerDialog::consumerRegistered, this,
            [this, backend, stream](const Consumer &consumer) {
                if (backend != m_backend || stream != m_streamName)
                    return;
                m_waitingFor = consumer.consumerName;
                m_consumers->refresh();
                rebuild();
            });
    dialog->open();
}

} // namespace shardscope
