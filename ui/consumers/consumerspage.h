#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;

namespace shardscope {

class ConsumerDashboard;
class ConsumerDebugController;
class ConsumersModel;
class InlineErrorLabel;
class LiveSubscriptionsModel;
class ShardReadersView;
class StreamBackend;

// The stream page's Consumers tab: the stream's enhanced fan-out consumers (ConsumersModel) with
// Register Consumer… and Deregister Consumer… (disabled, with the reason, on a read-only
// connection), the selected consumer's ARN to copy, and below them the live SubscribeToShard
// subscriptions (LiveSubscriptionsModel) where the backend reports them (the emulator), or a
// sentence saying it does not. Both lists are read only while the tab is shown: the consumers
// every few seconds while one is CREATING or DELETING and more slowly otherwise, the
// subscriptions about once a second.
//
// Its commands (commandActions()) are bound to the page; a window that shows the page may bind
// them window-wide. Threads: GUI thread. Does not own the backend.
class ConsumersPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsumersPage)

public:
    explicit ConsumersPage(QWidget *parent = nullptr);
    ~ConsumersPage() override;

    void setStream(StreamBackend *backend, const QString &streamName);
    StreamBackend *backend() const;
    QString streamName() const { return m_streamName; }
    // Reads both lists again, if the page is shown (else they are read when it is).
    void refresh();

    // Register Consumer…, Deregister Consumer… and the consumer dashboard's commands.
    QList<QAction *> commandActions() const;
    // The consumer group dashboard, on the second sub-tab.
    ConsumerDashboard *dashboard() const { return m_dashboard; }
    ConsumerDebugController *debugController() const { return m_debugController; }
    QTabWidget *sections() const { return m_sections; }
    QAction *registerAction() const { return m_registerAction; }
    QAction *deregisterAction() const { return m_deregisterAction; }

    ConsumersModel *consumersModel() const { return m_consumers; }
    LiveSubscriptionsModel *subscriptionsModel() const { return m_subscriptions; }
    QTableView *consumersView() const { return m_consumersView; }
    QTableView *subscriptionsView() const { return m_subscriptionsView; }
    // The ARN of the consumer selected in the table, or empty.
    QString selectedConsumerArn() const;
    // Selects the consumer with this ARN, if it is listed.
    bool selectConsumer(const QString &consumerArn);

    // Opens the register dialog, or asks to confirm deregistering the selected consumer.
    void registerConsumer();
    void deregisterSelectedConsumer();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildConsumers();
    QWidget *buildSubscriptions();
    void setPolling(bool on);
    void updateActions();
    void updateConsumersState();
    void updateSubscriptionsState();
    void copySelectedArn();

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    ConsumersModel *m_consumers;
    LiveSubscriptionsModel *m_subscriptions;
    QSortFilterProxyModel *m_consumersProxy;
    QSortFilterProxyModel *m_subscriptionsProxy;
    QAction *m_registerAction;
    QAction *m_deregisterAction;
    ConsumerDashboard *m_dashboard;
    ConsumerDebugController *m_debugController;
    QTabWidget *m_sections = nullptr;

    QLabel *m_readOnlyNote = nullptr;
    InlineErrorLabel *m_error = nullptr;
    QStackedWidget *m_consumersStack = nullptr;
    QTableView *m_consumersView = nullptr;
    QLabel *m_consumersMessage = nullptr;
    QWidget *m_arnRow = nullptr;
    QLineEdit *m_arnField = nullptr;
    QToolButton *m_copyArnButton = nullptr;
    QStackedWidget *m_subscriptionsStack = nullptr;
    QTableView *m_subscriptionsView = nullptr;
    QLabel *m_subscriptionsMessage = nullptr;
    ShardReadersView *m_readersView = nullptr; // polling readers, below the subscriptions

    QString m_selectAfterRefresh; // the ARN of a consumer just registered
    bool m_deregistering = false;
};

} // namespace shardscope
