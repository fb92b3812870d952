#pragma once

#include "kinesis/api.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QHideEvent;
class QLabel;
class QShowEvent;

namespace shardscope {

class ConsumersModel;
class StreamBackend;

// "Read with": how the Records tab reads a stream — polling with GetRecords, or pushed through
// one of the stream's enhanced fan-out consumers (a ConsumersModel, polled while this is shown;
// only ACTIVE consumers can be chosen, the others show their status). "Register a consumer…"
// (and registerAction()) opens the RegisterConsumerDialog; the new consumer is chosen once it
// is ACTIVE, and the note beside the box says it is waiting until then.
//
// A backend that cannot subscribe to shards (StreamBackend::canSubscribeToShards) leaves
// polling as the only choice: the box is disabled and the note says why.
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
    // Opens the Register Consumer dialog.
    void registerConsumer();

    ConsumersModel *consumers() const { return m_consumers; }
    QComboBox *comboBox() const { return m_combo; }
    QAction *registerAction() const { return m_registerAction; }

signals:
    void choiceChanged();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    enum ItemKind { Polling, ConsumerItem, RegisterItem };

    void rebuild();
    void updateEnabled();
    void itemActivated(int index);

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    ConsumersModel *m_consumers;
    bool m_canFanOut = false;
    bool m_changeable = true;
    QString m_reason;
    QString m_waitingFor; // a consumer just registered, chosen once it is ACTIVE
    QString m_waitingStatus; // its status while it is not
    // Set when a consumer registered here became ACTIVE during a read: it is used from the next.
    QString m_nextReadNote;
    QString m_listError;     // why the last listing failed
    int m_lastIndex = 0;
    QComboBox *m_combo;
    QLabel *m_label;
    QLabel *m_note;
    QAction *m_registerAction;
};

} // namespace shardscope
