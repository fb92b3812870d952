// The Consumers tab offscreen over a real engine and EmulatorBackend: a consumer registered by
// typing its name and clicking Register shows CREATING, then ACTIVE, selected; a bad name is
// explained beside the field and nothing is sent; a taken name and a stream with its 20
// consumers show the service's error in the dialog; Deregister asks first, naming the consumer,
// and Cancel sends nothing; a subscription opened on the engine appears with its consumer, shard,
// lag and bytes per second, and counts in the consumers table; a read-only connection disables
// both commands with the reason; a backend that does not report subscriptions says so; nothing
// is read while the tab is hidden, and registering before the list was read reads the stream's
// ARN first.

#include "backend/emulatorbackend.h"
#include "backendtesthelpers.h"
#include "consumers/consumerdashboard.h"
#include "consumers/consumerspage.h"
#include "consumers/registerconsumerdialog.h"
#include "dialogs/inlineerrorlabel.h"
#include "forwardingbackend.h"
#include "kinesis/limits.h"
#include "models/consumersmodel.h"
#include "models/durationtext.h"
#include "models/livesubscriptionsmodel.h"
#include "models/modelroles.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kStream = u"orders"_s;
const QString kShard0 = u"shardId-000000000000"_s;

// Counts the calls made through a backend, by operation.
struct CallCounter
{
    QStringList operations;
    explicit CallCounter(StreamBackend *backend)
    {
        QObject::connect(backend, &StreamBackend::callStarted, backend,
                         [this](const BackendCall &call) { operations.append(call.operation); });
    }
    qsizetype count(const QString &operation) const { return operations.count(operation); }
};

// A backend that does not know its subscriptions (as AWS).
class BlindBackend final : public ForwardingBackend
{
public:
    using ForwardingBackend::ForwardingBackend;
    bool hasLiveSubscriptions() const override { return false; }
    QString displayName() const override { return u"Staging"_s; }
};

template<typename T>
T *waitForChild(QWidget *parent, const QString &name = {})
{
    T *found = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        found = parent->findChild<T *>(name);
        return found && found->isVisible();
    });
    return shown ? found : nullptr;
}

} // namespace

class TestConsumersPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void registerByTypingAndClicking();
    void badNameIsExplainedAndNothingIsSent();
    void takenNameAndFullStreamShowTheServicesError();
    void deregisterAfterConfirming();
    void liveSubscriptionAppears();
    void readOnlyConnectionDisablesTheCommands();
    void backendWithoutLiveSubscriptions();
    void nothingIsReadWhileHidden();
    void registerBeforeTheListIsRead();

private:
    bool open(qint64 createDelayMs = 0);
    std::optional<Consumer> registerOnEngine(const QString &name);
    ConsumersPage *showPage(StreamBackend *backend);
    RegisterConsumerDialog *openRegisterDialog(ConsumersPage *page);
    int rowOf(ConsumersPage *page, const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
    std::unique_ptr<ConsumersPage> m_page;
};

void TestConsumersPage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestConsumersPage::cleanup()
{
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (qobject_cast<QDialog *>(top))
            top->close();
    }
    m_page.reset();
    m_backend.reset();
    m_engine.reset();
    m_dir.reset();
}

bool TestConsumersPage::open(qint64 createDelayMs)
{
    m_dir = std::make_unique<QTemporaryDir>();
    EngineOptions options;
    options.databasePath = m_dir->filePath(u"streams.db"_s);
    options.createDelayMs = createDelayMs;
    options.deleteDelayMs = 0;
    options.updateDelayMs = 0;
    options.throughputLimits = false;
    auto engine = Engine::open(options);
    if (!engine)
        return false;
    m_engine = std::move(*engine);
    m_backend = std::make_unique<EmulatorBackend>(*m_engine);
    if (!m_engine->createStream(CreateStreamRequest{kStream, 2, {}, {}, {}}))
        return false;
    return QTest::qWaitFor([this] {
        const auto summary = m_engine->describeStreamSummary(StreamTarget::byName(kStream));
        return summary && summary->streamStatus == StreamStatus::Active;
    });
}

std::optional<Consumer> TestConsumersPage::registerOnEngine(const QString &name)
{
    auto consumer = m_engine->registerStreamConsumer(
        RegisterStreamConsumerRequest{m_engine->streamArn(kStream), name, {}});
    return consumer ? std::optional<Consumer>(*consumer) : std::nullopt;
}

ConsumersPage *TestConsumersPage::showPage(StreamBackend *backend)
{
    m_page = std::make_unique<ConsumersPage>();
    m_page->resize(1100, 700);
    m_page->setStream(backend, kStream);
    m_page->show();
    if (!QTest::qWaitForWindowExposed(m_page.get()))
        return nullptr;
    return m_page.get();
}

RegisterConsumerDialog *TestConsumersPage::openRegisterDialog(ConsumersPage *page)
{
    page->registerAction()->trigger();
    return waitForChild<RegisterConsumerDialog>(page, u"registerConsumerDialog"_s);
}

int TestConsumersPage::rowOf(ConsumersPage *page, const QString &name) const
{
    return page->consumersModel()->rowOfName(name);
}

void TestConsumersPage::registerByTypingAndClicking()
{
    QVERIFY(open(400)); // CREATING for 0.4 s, as Kinesis takes a few
    ConsumersPage *page = showPage(m_backend.get());
    QVERIFY(page);
    // Nothing registered yet: the table gives way to a sentence that says so.
    auto *message = page->findChild<QLabel *>(u"consumersMessage"_s);
    QVERIFY(message);
    QTRY_VERIFY(page->consumersModel()->isLoaded());
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().startsWith(u"No consumer is registered"_s), qPrintable(message->text()));
    QVERIFY(page->registerAction()->isEnabled());
    QVERIFY(!page->deregisterAction()->isEnabled());
    QCOMPARE(page->deregisterAction()->toolTip(), u"Select a consumer on the Consumers tab first."_s);

    QPointer<RegisterConsumerDialog> dialog = openRegisterDialog(page);
    QVERIFY(dialog);
    QVERIFY2(dialog->windowTitle().endsWith(u"— orders"_s), qPrintable(dialog->windowTitle()));
    auto *name = dialog->findChild<QLineEdit *>(u"consumerNameEdit"_s);
    auto *registerButton = dialog->findChild<QPushButton *>(u"registerButton"_s);
    QVERIFY(name && registerButton);
    QVERIFY(!registerButton->isEnabled()); // nothing typed yet
    QTest::keyClicks(name, u"billing-service"_s);
    QVERIFY(registerButton->isEnabled());
    QTest::mouseClick(registerButton, Qt::LeftButton);
    QTRY_VERIFY(!dialog); // closed, and deleted with it

    // Listed at once, selected, CREATING; ACTIVE on its own a moment later.
    QTRY_VERIFY(rowOf(page, u"billing-service"_s) >= 0);
    const auto registered = m_engine->describeStreamConsumer(
        ConsumerTarget::byName(m_engine->streamArn(kStream), u"billing-service"_s));
    QVERIFY(registered.has_value());
    QTRY_COMPARE(page->selectedConsumerArn(), registered->consumerArn);
    QVERIFY(page->consumersView()->isVisible());
    const auto status = [page] {
        const int row = page->consumersModel()->rowOfName(u"billing-service"_s);
        return ConsumerStatus(page->consumersModel()->index(row, 0).data(ModelRole::ConsumerStatusRole).toInt());
    };
    QTRY_COMPARE_WITH_TIMEOUT(status(), ConsumerStatus::Active, ConsumersModel::kTransitionPollMs + 3000);
    const int row = rowOf(page, u"billing-service"_s);
    QCOMPARE(page->consumersModel()->index(row, ConsumersModel::StatusColumn).data().toString(), u"ACTIVE"_s);
    // Still selected across the refreshes, with its ARN whole under the table.
    QCOMPARE(page->selectedConsumerArn(), registered->consumerArn);
    auto *arnField = page->findChild<QLineEdit *>(u"consumerArnField"_s);
    QVERIFY(arnField && arnField->isReadOnly());
    QCOMPARE(arnField->text(), registered->consumerArn);
    QVERIFY(page->deregisterAction()->isEnabled());
    // Ctrl+C in the table copies it.
    QApplication::clipboard()->clear();
    page->consumersView()->setFocus();
    QTest::keySequence(page->consumersView(), QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), registered->consumerArn);
}

void TestConsumersPage::badNameIsExplainedAndNothingIsSent()
{
    QVERIFY(open());
    ConsumersPage *page = showPage(m_backend.get());
    QVERIFY(page);
    CallCounter calls(m_backend.get());
    RegisterConsumerDialog *dialog = openRegisterDialog(page);
    QVERIFY(dialog);
    auto *name = dialog->findChild<QLineEdit *>(u"consumerNameEdit"_s);
    auto *nameError = dialog->findChild<InlineErrorLabel *>(u"consumerNameError"_s);
    auto *registerButton = dialog->findChild<QPushButton *>(u"registerButton"_s);
    QVERIFY(name && nameError && registerButton);

    QTest::keyClicks(name, u"bad name!"_s);
    QTRY_VERIFY(nameError->isVisible());
    QCOMPARE(nameError->text(), u"The name contains a space and “!”, which are not allowed. "
                                u"Use letters A–Z and a–z, digits, “_”, “.” and “-”."_s);
    QVERIFY(!registerButton->isEnabled());
    QTest::mouseClick(registerButton, Qt::LeftButton);
    QTest::keyClick(name, Qt::Key_Return);

    name->clear();
    QTest::keyClicks(name, QString(KinesisLimits::kMaxNameLength + 1, u'a'));
    QTRY_COMPARE(nameError->text(), u"The name is 129 characters long; at most 128 are allowed."_s);
    QVERIFY(!registerButton->isEnabled());
    QTest::mouseClick(registerButton, Qt::LeftButton);

    QTest::qWait(200);
    QVERIFY(dialog->isVisible());
    QCOMPARE(calls.count(u"RegisterStreamConsumer"_s), 0);
    const auto listed = m_engine->listStreamConsumers(ListStreamConsumersRequest{m_engine->streamArn(kStream), {}, {}, {}});
    QVERIFY(listed.has_value());
    QVERIFY(listed->consumers.isEmpty());

    // Emptied: asked for, and still nothing to send.
    name->clear();
    QTest::keyClick(name, Qt::Key_A);
    QTest::keyClick(name, Qt::Key_Backspace);
    QCOMPARE(nameError->text(), u"Enter a name for the consumer."_s);
    QVERIFY(!registerButton->isEnabled());
}

void TestConsumersPage::takenNameAndFullStreamShowTheServicesError()
{
    QVERIFY(open());
    QVERIFY(registerOnEngine(u"billing"_s));
    ConsumersPage *page = showPage(m_backend.get());
    QVERIFY(page);
    QTRY_COMPARE(page->consumersModel()->rowCount(), 1);
    RegisterConsumerDialog *dialog = openRegisterDialog(page);
    QVERIFY(dialog);
    auto *name = dialog->findChild<QLineEdit *>(u"consumerNameEdit"_s);
    auto *nameError = dialog->findChild<InlineErrorLabel *>(u"consumerNameError"_s);
    auto *errorLabel = dialog->findChild<InlineErrorLabel *>(u"errorLabel"_s);
    auto *registerButton = dialog->findChild<QPushButton *>(u"registerButton"_s);
    QVERIFY(name && nameError && errorLabel && registerButton);

    // Taken: the service's answer beside the name, the dialog open, the name kept.
    QTest::keyClicks(name, u"billing"_s);
    QTest::mouseClick(registerButton, Qt::LeftButton);
    QTRY_VERIFY(nameError->isVisible());
    QCOMPARE(nameError->text(), u"ResourceInUseException: Consumer billing under stream orders and "
                                u"account 000000000000 already exists."_s);
    QVERIFY(dialog->isVisible());
    QCOMPARE(name->text(), u"billing"_s);
    QVERIFY(!registerButton->isEnabled()); // the same name again would be refused again
    QTest::keyClicks(name, u"-2"_s);
    QVERIFY(!nameError->isVisible());
    QVERIFY(registerButton->isEnabled());

    // The stream has its 20: LimitExceededException under the form.
    for (int i = 1; i < KinesisLimits::kMaxConsumersPerStream; ++i)
        QVERIFY(registerOnEngine(u"c%1"_s.arg(i)));
    QTest::mouseClick(registerButton, Qt::LeftButton);
    QTRY_VERIFY(errorLabel->isVisible());
    QVERIFY2(errorLabel->text().startsWith(u"LimitExceededException: Stream orders under account "
                                           u"000000000000 already has 20 registered consumers"_s),
             qPrintable(errorLabel->text()));
    QVERIFY(dialog->isVisible());
    QVERIFY(!nameError->isVisible());
}

void TestConsumersPage::deregisterAfterConfirming()
{
    QVERIFY(open());
    const auto billing = registerOnEngine(u"billing"_s);
    QVERIFY(billing && registerOnEngine(u"audit-trail"_s));
    ConsumersPage *page = showPage(m_backend.get());
    QVERIFY(page);
    QTRY_COMPARE(page->consumersModel()->rowCount(), 2);
    CallCounter calls(m_backend.get());

    // Select "billing" with a click.
    QTableView *view = page->consumersView();
    QModelIndex shown;
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        if (view->model()->index(r, 0).data(ModelRole::ConsumerNameRole).toString() == u"billing"_s)
            shown = view->model()->index(r, 0);
    }
    QVERIFY(shown.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(shown).center());
    QCOMPARE(page->selectedConsumerArn(), billing->consumerArn);
    QVERIFY(page->deregisterAction()->isEnabled());

    // Cancel sends nothing.
    page->deregisterAction()->trigger();
    auto *box = waitForChild<QMessageBox>(page, u"deregisterConsumerConfirmation"_s);
    QVERIFY(box);
    QVERIFY2(box->text().contains(u"“billing”"_s), qPrintable(box->text()));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!page->findChild<QMessageBox *>(u"deregisterConsumerConfirmation"_s));
    QCOMPARE(calls.count(u"DeregisterStreamConsumer"_s), 0);

    // Confirmed: gone from the engine and the table; the other stays.
    page->deregisterAction()->trigger();
    box = waitForChild<QMessageBox>(page, u"deregisterConsumerConfirmation"_s);
    QVERIFY(box);
    auto *confirm = box->findChild<QPushButton *>(u"confirmDeregisterButton"_s);
    QVERIFY(confirm);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_COMPARE(calls.count(u"DeregisterStreamConsumer"_s), 1);
    QTRY_COMPARE(page->consumersModel()->rowCount(), 1);
    QCOMPARE(page->consumersModel()->consumer(0).consumerName, u"audit-trail"_s);
    QVERIFY(!m_engine->describeStreamConsumer(ConsumerTarget::byArn(billing->consumerArn)).has_value());
    QVERIFY(page->selectedConsumerArn() != billing->consumerArn);
    auto *error = page->findChild<InlineErrorLabel *>(u"consumersError"_s);
    QVERIFY(error && !error->isVisible());
}

void TestConsumersPage::liveSubscriptionAppears()
{
    QVERIFY(open());
    const auto reader = registerOnEngine(u"reader"_s);
    QVERIFY(reader);
    ConsumersPage *page = showPage(m_backend.get());
    QVERIFY(page);
    auto *message = page->findChild<QLabel *>(u"subscriptionsMessage"_s);
    QVERIFY(message);
    QTRY_VERIFY(message->isVisible());
    QCOMPARE(message->text(), u"No consumer is subscribed. Subscriptions made through --serve or the "
                              u"Records tab appear here."_s);
    QVERIFY(!page->consumersView()->isColumnHidden(ConsumersModel::SubscriptionsColumn));

    // A subscription as the server opens one for a client: on the engine, polled for events.
    PutRecordRequest put{StreamTarget::byName(kStream), QByteArray(1000, 'x'), u"k"_s, u"0"_s, {}};
    QVERIFY(m_engine->putRecord(put).has_value());
    auto subscribed = m_engine->subscribeToShard(SubscribeToShardRequest{
        reader->consumerArn, kShard0, StartingPosition{ShardIteratorType::TrimHorizon, {}, {}}});
    QVERIFY2(subscribed.has_value(), qPrintable(subscribed ? QString() : subscribed.error().message));
    std::shared_ptr<ShardSubscription> subscription = *subscribed;
    QVERIFY(subscription->poll().event);

    LiveSubscriptionsModel *live = page->subscriptionsModel();
    QTRY_COMPARE_WITH_TIMEOUT(live->rowCount(), 1, LiveSubscriptionsModel::kPollMs + 2000);
    QVERIFY(page->subscriptionsView()->isVisible());
    QVERIFY(!message->isVisible());
    QCOMPARE(live->index(0, LiveSubscriptionsModel::ConsumerColumn).data().toString(), u"reader"_s);
    QCOMPARE(live->index(0, LiveSubscriptionsModel::ShardColumn).data().toString(), kShard0);
    const qint64 lag = subscription->status().millisBehindLatest;
    QCOMPARE(live->index(0, 0).data(ModelRole::LagRole).toLongLong(), lag);
    QCOMPARE(live->index(0, LiveSubscriptionsModel::LagColumn).data().toString(), DurationText::compact(lag));
    QCOMPARE(live->index(0, 0).data(ModelRole::RecordCountRole).toLongLong(), qint64(1));
    // The consumers table counts it.
    const int row = rowOf(page, u"reader"_s);
    QTRY_COMPARE(page->consumersModel()->index(row, ConsumersModel::SubscriptionsColumn).data().toString(), u"1"_s);

    // More records delivered between two refreshes: a rate.
    put.data = QByteArray(50'000, 'y');
    QVERIFY(m_engine->putRecord(put).has_value());
    QVERIFY(subscription->poll().event);
    QTRY_VERIFY_WITH_TIMEOUT(live->index(0, 0).data(ModelRole::BytesPerSecondRole).toDouble() > 0,
                             3 * LiveSubscriptionsModel::kPollMs + 2000);
    const QString rate = live->index(0, LiveSubscriptionsModel::RateColumn).data().toString();
    QVERIFY2(rate.endsWith(u"/s"_s) && rate != u"0 bytes/s"_s, qPrintable(rate));

    // Ended: it leaves, and the sentence comes back.
    subscription->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(live->rowCount(), 0, LiveSubscriptionsModel::kPollMs + 2000);
    QTRY_VERIFY(message->isVisible());
}

void TestConsumersPage::readOnlyConnectionDisablesTheCommands()
{
    QVERIFY(open());
    QVERIFY(registerOnEngine(u"billing"_s));
    EmulatorBackend readOnly(*m_engine, EmulatorBackendOptions{u"Production"_s, true, 1});
    ConsumersPage *page = showPage(&readOnly);
    QVERIFY(page);
    QTRY_COMPARE(page->consumersModel()->rowCount(), 1);
    page->consumersView()->selectRow(0);
    QVERIFY(!page->selectedConsumerArn().isEmpty());
    for (QAction *action : {page->registerAction(), page->deregisterAction()}) {
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
        QCOMPARE(action->toolTip(), u"This connection is read-only."_s);
        QCOMPARE(action->statusTip(), u"This connection is read-only."_s);
    }
    // A consumer group only reads the stream (its writes go to its lease table): it may run.
    QVERIFY(page->dashboard()->runGroupAction()->isEnabled());
    auto *note = page->findChild<QLabel *>(u"consumersReadOnlyNote"_s);
    QVERIFY(note && note->isVisible());
    QCOMPARE(note->text(), u"Production is read-only: consumers cannot be registered or deregistered here."_s);
    // Triggered anyway (a stale shortcut): nothing opens.
    page->registerAction()->trigger();
    page->deregisterSelectedConsumer();
    QTest::qWait(100);
    QVERIFY(!page->findChild<RegisterConsumerDialog *>());
    QVERIFY(!page->findChild<QMessageBox *>());

    // Writable again (the connection was switched): enabled.
    page->setStream(m_backend.get(), kStream);
    QVERIFY(page->registerAction()->isEnabled());
    QVERIFY(!note->isVisible());
    // The page is cleared once the stream is: nothing stays selected...
    QTRY_COMPARE(page->consumersModel()->rowCount(), 1);
    QVERIFY(!page->deregisterAction()->isEnabled());
    page->consumersView()->selectRow(0);
    QVERIFY(page->deregisterAction()->isEnabled());
    // ...and without a stream nothing is possible.
    page->setStream(nullptr, {});
    QVERIFY(!page->registerAction()->isEnabled());
    QCOMPARE(page->registerAction()->toolTip(), u"Select a stream first."_s);
}

void TestConsumersPage::backendWithoutLiveSubscriptions()
{
    QVERIFY(open());
    BlindBackend blind(*m_backend);
    ConsumersPage *page = showPage(&blind);
    QVERIFY(page);
    auto *message = page->findChild<QLabel *>(u"subscriptionsMessage"_s);
    QVERIFY(message && message->isVisible());
    QVERIFY2(message->text().startsWith(u"Staging does not report live subscriptions"_s), qPrintable(message->text()));
    QVERIFY(!page->subscriptionsView()->isVisible());
    QVERIFY(page->consumersView()->isColumnHidden(ConsumersModel::SubscriptionsColumn));
    QVERIFY(!page->subscriptionsModel()->isPolling());
}

void TestConsumersPage::nothingIsReadWhileHidden()
{
    QVERIFY(open());
    QVERIFY(registerOnEngine(u"billing"_s));
    CallCounter calls(m_backend.get());
    m_page = std::make_unique<ConsumersPage>();
    m_page->setStream(m_backend.get(), kStream); // not shown
    m_page->refresh();
    QTest::qWait(300);
    QVERIFY2(calls.operations.isEmpty(), qPrintable(calls.operations.join(u',')));
    QVERIFY(!m_page->consumersModel()->isPolling());
    QVERIFY(!m_page->subscriptionsModel()->isPolling());

    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QVERIFY(m_page->consumersModel()->isPolling());
    QVERIFY(m_page->subscriptionsModel()->isPolling());
    QTRY_COMPARE(m_page->consumersModel()->rowCount(), 1);
    QCOMPARE(calls.count(u"ListStreamConsumers"_s), 1);

    m_page->hide();
    QVERIFY(!m_page->consumersModel()->isPolling());
    QVERIFY(!m_page->subscriptionsModel()->isPolling());
}

// Ctrl+Alt+N from another tab: the list (and the stream's ARN with it) has not been read yet; the
// dialog reads the ARN itself before it lets the name be sent.
void TestConsumersPage::registerBeforeTheListIsRead()
{
    QVERIFY(open());
    CallCounter calls(m_backend.get());
    m_page = std::make_unique<ConsumersPage>();
    m_page->setStream(m_backend.get(), kStream); // not shown: nothing read
    QVERIFY(m_page->consumersModel()->streamArn().isEmpty());
    m_page->registerConsumer();
    QPointer<RegisterConsumerDialog> dialog;
    QTRY_VERIFY((dialog = m_page->findChild<RegisterConsumerDialog *>()) && dialog->isVisible());
    auto *name = dialog->findChild<QLineEdit *>(u"consumerNameEdit"_s);
    auto *registerButton = dialog->findChild<QPushButton *>(u"registerButton"_s);
    QVERIFY(name && registerButton);
    QTest::keyClicks(name, u"early"_s);
    QTRY_VERIFY(registerButton->isEnabled());
    QCOMPARE(calls.operations, QStringList{u"DescribeStreamSummary"_s});
    QTest::mouseClick(registerButton, Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QVERIFY(m_engine->describeStreamConsumer(ConsumerTarget::byName(m_engine->streamArn(kStream), u"early"_s))
                .has_value());
}

QTEST_MAIN(TestConsumersPage)
#include "tst_consumerspage.moc"
