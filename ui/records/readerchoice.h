#pragma once

#include "kinesis/api.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;

namespace shardscope {

class StreamBackend;

// "Read with": how the Records tab reads a stream — polling with GetRecords, or pushed through
// one of the stream's enhanced fan-out consumers (ListStreamConsumers; only ACTIVE ones can be
// chosen, the others show their status). "Register a consumer…" (and registerAction()) opens a
// RegisterConsumerDialog and chooses the new consumer once it is ACTIVE. While a listed
// consumer is not ACTIVE yet, the list is read again every second; and a second after the
// backend's catalog changed.
//
// A backend that cannot subscribe to shards (StreamBackend::canSubscribeToShards) leaves
// polling as the only choice: the box is disabled and a note beside it says why.
//
// Threads: GUI thread; nothing here waits for the backend.
class ReaderChoice final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderChoice)

public:
    explicit ReaderChoice(QWidget *parent = nullptr);
    ~ReaderChoice() override;

    // Lists the stream's consumers; chooses polling.
    void setStream(StreamBackend *backend, const QString &streamName);
    // Whether the user may change the choice now (not while reading).
    void setChangeable(bool changeable);

    // Empty while polling is chosen.
    QString consumerArn() const;
    QString consumerName() const;
    bool canFanOut() const { return m_canFanOut; }
    // Why enhanced fan-out cannot be chosen, or empty.
    QString unavailableReason() const { return m_reason; }
    // The consumers listed, by name.
    QStringList consumerNames() const;
    // Chooses the consumer named `name` (when listed and ACTIVE); empty: polling. False when it
    // cannot be chosen.
    bool chooseConsumer(const QString &name);
    // Marks enhanced fan-out unusable with `reason` (a subscription said the backend cannot).
    void setUnavailable(const QString &reason);
    // Lists the consumers again.
    void refresh();
    // Opens the Register Consumer dialog.
    void registerConsumer();

    QComboBox *comboBox() const { return m_combo; }
    QAction *registerAction() const { return m_registerAction; }

signals:
    void choiceChanged();
    // The consumers were listed (again).
    void consumersListed();

private:
    enum ItemKind { Polling, ConsumerItem, RegisterItem };

    void applyConsumers(const QList<Consumer> &consumers);
    void updateEnabled();
    void itemActivated(int index);

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    QString m_streamArn;
    quint64 m_generation = 0; // answers for an earlier stream are dropped
    QList<Consumer> m_consumers;
    bool m_canFanOut = false;
    bool m_changeable = true;
    QString m_reason;
    int m_lastIndex = 0;
    QComboBox *m_combo;
    QLabel *m_label;
    QLabel *m_note;
    QAction *m_registerAction;
    QTimer m_relist;
};

} // namespace shardscope
