// The Records tab reading through an enhanced fan-out consumer, offscreen: the "Read with"
// choice (disabled, with the reason, when the backend cannot subscribe; the stream's consumers,
// only ACTIVE ones choosable), registering a consumer (inline errors beside the name, then
// waiting until it is ACTIVE), records arriving through the subscriptions into the same table,
// and the per-shard lag line. The subscriptions are played by the test (FakeSubscription).

#include "backend/emulatorbackend.h"
#include "backend/futureutils.h"
#include "engine/engine.h"
#include "fakesubscription.h"
#include "kinesis/sequencenumber.h"
#include "kinesis/shardid.h"
#include "models/consumersmodel.h"
#include "models/recordsmodel.h"
#include "records/fanoutreader.h"
#include "records/readerchoice.h"
#include "records/recordspage.h"
#include "records/shardlagline.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace shardscope;
using testing::FakeSubscribeBackend;

namespace {

constexpr int kConsumerDelayMs = 1200; // CREATING -> ACTIVE

template<typename T>
T await(const QFuture<T> &future, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < timeoutMs)
        QTest::qWait(1);
    return future.result();
}

// A backend without enhanced fan-out, as StreamBackend's defaults are.
class NoFanOutBackend final : public testing::ForwardingBackend
{
public:
    using ForwardingBackend::ForwardingBackend;
    QString displayName() const override { return u"Test connection"_s; }
    bool canSubscribeToShards() const override { return false; }
};

Record record(int shardIndex, qint64 arrivalMs, const QString &key)
{
    Record r;
    r.sequenceNumber = SequenceNumber(SequenceNumber::counterAt(arrivalMs), quint32(shardIndex));
    r.approximateArrivalTimestamp = arrivalMs;
    r.partitionKey = key;
    r.data = "{\"k\":\"" + key.toUtf8() + "\"}";
    return r;
}

SubscribeToShardEvent eventOf(QList<Record> records, qint64 millisBehind)
{
    SubscribeToShardEvent e;
    e.records = std::move(records);
    e.millisBehindLatest = millisBehind;
    e.continuationSequenceNumber = e.records.isEmpty() ? u"1"_s : e.records.back().sequenceNumber.toString();
    return e;
}

} // namespace

class TestRecordsFanOut : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_emulator;
    std::unique_ptr<FakeSubscribeBackend> m_backend;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    QString m_streamArn;

    Consumer registerConsumer(const QString &name, bool waitActive)
    {
        const auto registered = await(m_emulator->registerStreamConsumer({m_streamArn, name, {}}));
        if (!registered)
            return {};
        if (waitActive) {
            QElapsedTimer timer;
            timer.start();
            while (timer.elapsed() < 10000 &&
                   await(m_emulator->describeStreamConsumer(ConsumerTarget::byArn(registered->consumerArn)))
                           ->consumerStatus != ConsumerStatus::Active)
                QTest::qWait(50);
        }
        return *registered;
    }

    std::unique_ptr<RecordsPage> makePage(StreamBackend *backend)
    {
        auto page = std::make_unique<RecordsPage>();
        page->setSettings(m_settings.get());
        page->setStream(backend, u"s"_s);
        page->resize(1200, 500);
        page->show();
        return page;
    }

    static QComboBox *readWith(const RecordsPage &page)
    {
        return page.findChild<QComboBox *>(u"readWith"_s);
    }

    static bool itemEnabled(QComboBox *combo, int index)
    {
        return qobject_cast<QStandardItemModel *>(combo->model())->item(index)->isEnabled();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
        EngineOptions options;
        options.createDelayMs = kConsumerDelayMs;
        options.deleteDelayMs = 0;
        options.updateDelayMs = 0;
        auto engine = Engine::open(options);
        QVERIFY(engine.has_value());
        m_engine = std::move(*engine);
        m_emulator = std::make_unique<EmulatorBackend>(*m_engine);
        m_backend = std::make_unique<FakeSubscribeBackend>(*m_emulator);
        QVERIFY(await(m_emulator->createStream(CreateStreamRequest{u"s"_s, 2, {}, {}, {}})).has_value());
        QTRY_VERIFY_WITH_TIMEOUT(await(m_emulator->describeStreamSummary(StreamTarget::byName(u"s"_s)))->streamStatus ==
                                     StreamStatus::Active,
                                 10000);
        m_streamArn = await(m_emulator->describeStreamSummary(StreamTarget::byName(u"s"_s)))->streamArn;
    }

    void cleanup()
    {
        m_backend.reset();
        m_emulator.reset();
        m_engine.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void withoutSubscriptionsTheChoiceIsDisabledWithTheReason()
    {
        NoFanOutBackend backend(*m_emulator);
        auto page = makePage(&backend);
        QComboBox *combo = readWith(*page);
        QVERIFY(combo);
        QVERIFY(!combo->isEnabled());
        QCOMPARE(combo->count(), 1);
        QCOMPARE(combo->currentText(), u"Polling (GetRecords)"_s);
        QCOMPARE(combo->toolTip(), u"Test connection cannot subscribe to shards: only polling reads records here."_s);
        QVERIFY(!page->findChild<QAction *>(u"actionRegisterReadConsumer"_s)->isEnabled());
        // Polling still reads.
        QVERIFY(page->start());
        QCOMPARE(page->reader(), page->tail());
    }

    void onlyActiveConsumersCanBeChosen()
    {
        registerConsumer(u"alpha"_s, true);
        registerConsumer(u"beta"_s, false); // CREATING for a while
        auto page = makePage(m_backend.get());
        QComboBox *combo = readWith(*page);
        QVERIFY(combo->isEnabled());
        QTRY_COMPARE(combo->count(), 4); // polling, alpha, beta, register
        QCOMPARE(combo->itemText(1), u"Consumer alpha (enhanced fan-out)"_s);
        QVERIFY(itemEnabled(combo, 1));
        QCOMPARE(combo->itemText(2), u"Consumer beta (CREATING)"_s);
        QVERIFY(!itemEnabled(combo, 2));
        QCOMPARE(combo->itemText(3), u"Register a consumer…"_s);
        QVERIFY(!page->readerChoice()->chooseConsumer(u"beta"_s));
        // Listed again until it is ACTIVE.
        QTRY_VERIFY_WITH_TIMEOUT(itemEnabled(combo, 2), 5000);
        QCOMPARE(combo->itemText(2), u"Consumer beta (enhanced fan-out)"_s);
    }

    void readsThroughTheChosenConsumer()
    {
        const Consumer alpha = registerConsumer(u"alpha"_s, true);
        auto page = makePage(m_backend.get());
        QComboBox *combo = readWith(*page);
        QTRY_COMPARE(combo->count(), 3);
        // Chosen with the keyboard, as a user would.
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentIndex(), 1);
        QCOMPARE(page->readerChoice()->consumerArn(), alpha.consumerArn);

        page->setStartPosition(RecordsPage::Latest);
        page->findChild<QAction *>(u"actionStartTail"_s)->trigger();
        QCOMPARE(page->reader(), page->fanOut());
        QTRY_COMPARE(m_backend->requests().size(), 2);
        for (const auto &request : m_backend->requests()) {
            QCOMPARE(request.consumerArn, alpha.consumerArn);
            QCOMPARE(request.startingPosition.type, ShardIteratorType::Latest);
        }
        QVERIFY(!combo->isEnabled()); // not while reading

        auto *lagLine = page->lagLine();
        QTRY_VERIFY(lagLine->isVisible());
        QTRY_VERIFY2(lagLine->text().contains(u"shard 0: subscribing…"_s), qPrintable(lagLine->text()));

        const QString s0 = ShardId::format(0);
        const QString s1 = ShardId::format(1);
        m_backend->latest(s0)->send(eventOf({record(0, 1000, u"a"_s), record(0, 3000, u"c"_s)}, 0));
        m_backend->latest(s1)->send(eventOf({record(1, 2000, u"b"_s)}, 1234));
        QTRY_COMPARE(page->model()->rowCount(), 3);
        QCOMPARE(page->model()->record(0).partitionKey, u"a"_s);
        QCOMPARE(page->model()->record(1).partitionKey, u"b"_s);
        QCOMPARE(page->model()->record(2).shardId, s0);
        QTRY_COMPARE(lagLine->text(), u"Behind the newest record: shard 0: 0 ms · shard 1: 1.2 s"_s);
        QTRY_VERIFY(page->findChild<QLabel *>(u"recordsStatus"_s)->text().contains(u"pushed through consumer alpha"_s));

        // A shard that stops says so in the lag line, the other goes on.
        m_backend->latest(s1)->failWith(Error{ErrorType::AccessDenied, u"No access to shard 1."_s});
        QTRY_VERIFY(lagLine->text().contains(u"shard 1: stopped"_s));
        QVERIFY(lagLine->toolTip().contains(u"No access to shard 1."_s));
        QVERIFY(page->findChild<QLabel *>(u"recordsError"_s)->text().contains(u"No access to shard 1."_s));

        page->findChild<QAction *>(u"actionStopTail"_s)->trigger();
        QCOMPARE(page->fanOut()->state(), RecordReader::State::Stopped);
        QVERIFY(!lagLine->isVisible());
        QVERIFY(combo->isEnabled());
        QCOMPARE(page->model()->rowCount(), 3);

        // Back to polling: the TailReader reads again.
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Up);
        QCOMPARE(combo->currentIndex(), 0);
        QVERIFY(page->start());
        QCOMPARE(page->reader(), page->tail());
        QCOMPARE(page->tail()->state(), RecordReader::State::Running);
    }

    void registersAConsumerAndWaitsUntilActive()
    {
        registerConsumer(u"alpha"_s, true);
        auto page = makePage(m_backend.get());
        QComboBox *combo = readWith(*page);
        QTRY_COMPARE(combo->count(), 3);
        // The last item is a command: it opens the dialog and leaves the choice as it was.
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_End);
        QPointer<QDialog> dialog;
        QTRY_VERIFY((dialog = page->findChild<QDialog *>(u"registerConsumerDialog"_s)) && dialog->isVisible());
        QCOMPARE(combo->currentIndex(), 0);

        auto *name = dialog->findChild<QLineEdit *>(u"consumerNameEdit"_s);
        auto *nameError = dialog->findChild<QLabel *>(u"consumerNameError"_s);
        auto *button = dialog->findChild<QPushButton *>(u"registerButton"_s);
        QVERIFY(name && nameError && button);
        QTest::keyClicks(name, u"my reader"_s);
        QTRY_VERIFY(nameError->isVisible());
        QVERIFY2(nameError->text().contains(u"a space"_s), qPrintable(nameError->text()));
        QVERIFY(!button->isEnabled());
        // A name the stream has: the service's refusal, beside the name.
        name->selectAll();
        QTest::keyClicks(name, u"alpha"_s);
        QTRY_VERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY(nameError->isVisible());
        QVERIFY2(nameError->text().contains(u"ResourceInUse"_s), qPrintable(nameError->text()));
        QVERIFY(dialog->isVisible());
        name->selectAll();
        QTest::keyClicks(name, u"gamma"_s);
        QTRY_VERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY(!dialog || !dialog->isVisible()); // registered: closed, and deleted

        // CREATING for a while: the note says so, and the consumer is chosen once ACTIVE.
        auto *note = page->findChild<QLabel *>(u"readWithNote"_s);
        QTRY_VERIFY(note->isVisible());
        QCOMPARE(note->text(), u"Waiting until consumer gamma is ACTIVE (it is CREATING)…"_s);
        QVERIFY(page->readerChoice()->consumerName().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(page->readerChoice()->consumerName(), u"gamma"_s, 8000);
        QVERIFY(!note->isVisible());
        QVERIFY(combo->currentText().contains(u"gamma"_s));
        const auto listed = await(m_emulator->listAllStreamConsumers(m_streamArn));
        QVERIFY(listed.has_value());
        QCOMPARE(listed->size(), 2);
    }

    void aConsumerRegisteredDuringAReadIsForTheNextRead()
    {
        auto page = makePage(m_emulator.get());
        QComboBox *combo = readWith(*page);
        QTRY_COMPARE(combo->count(), 2);
        QAction *startAction = page->findChild<QAction *>(u"actionStartTail"_s);
        QAction *stopAction = page->findChild<QAction *>(u"actionStopTail"_s);
        QVERIFY(startAction && stopAction);
        startAction->trigger(); // reads by polling
        QCOMPARE(page->reader(), page->tail());
        QTRY_VERIFY(page->tail()->isActive());
        QTRY_VERIFY(!combo->isEnabled());

        page->findChild<QAction *>(u"actionRegisterReadConsumer"_s)->trigger();
        QPointer<QDialog> dialog;
        QTRY_VERIFY((dialog = page->findChild<QDialog *>(u"registerConsumerDialog"_s)) && dialog->isVisible());
        auto *name = dialog->findChild<QLineEdit *>(u"consumerNameEdit"_s);
        auto *button = dialog->findChild<QPushButton *>(u"registerButton"_s);
        QTest::keyClicks(name, u"delta"_s);
        QTRY_VERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page->readerChoice()->consumerName(), u"delta"_s, 8000);

        // The read goes on by polling, and the note says how to read through the new consumer.
        QCOMPARE(page->reader(), page->tail());
        auto *note = page->findChild<QLabel *>(u"readWithNote"_s);
        QTRY_VERIFY(note->isVisible());
        QVERIFY2(note->text().startsWith(u"Consumer delta is ACTIVE and chosen for the next read"_s),
                 qPrintable(note->text()));
        stopAction->trigger();
        QTRY_VERIFY(!note->isVisible());
        QVERIFY(combo->isEnabled());
        startAction->trigger();
        QCOMPARE(page->reader(), page->fanOut());
        stopAction->trigger();
    }

    void registerShortcutOpensTheDialog()
    {
        auto page = makePage(m_backend.get());
        QSignalSpy listed(page->readerChoice()->consumers(), &ConsumersModel::refreshed);
        QAction *action = page->findChild<QAction *>(u"actionRegisterReadConsumer"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(u"Ctrl+Shift+K"_s));
        QVERIFY(page->commandActions().contains(action));
        QVERIFY(action->isEnabled());
        QTRY_VERIFY(listed.size() >= 1); // the stream's ARN is known now
        QVERIFY(page->readerChoice()->consumerNames().isEmpty());
        action->trigger();
        QTRY_VERIFY(page->findChild<QDialog *>(u"registerConsumerDialog"_s));
    }

    void readsThroughARealConsumerOfTheEmulator()
    {
        // No fake here: the EmulatorBackend's own subscriptions push the records.
        registerConsumer(u"alpha"_s, true);
        PutRecordsRequest request{StreamTarget::byName(u"s"_s), {}};
        for (int i = 0; i < 10; ++i)
            request.records.append({u"{\"n\":%1}"_s.arg(i).toUtf8(), u"key-%1"_s.arg(i), {}});
        QVERIFY(await(m_emulator->putRecords(request)).has_value());
        auto page = makePage(m_emulator.get());
        QComboBox *combo = readWith(*page);
        QTRY_COMPARE(combo->count(), 3);
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(page->readerChoice()->consumerName(), u"alpha"_s);
        page->setStartPosition(RecordsPage::TrimHorizon);
        QTest::keyClick(page.get(), Qt::Key_F8);
        QCOMPARE(page->reader(), page->fanOut());
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 10, 10000);
        QVERIFY(await(m_emulator->putRecords(request)).has_value());
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 20, 10000);
        QTRY_COMPARE(page->lagLine()->text(), u"Behind the newest record: shard 0: 0 ms · shard 1: 0 ms"_s);
        QVERIFY(page->lagLine()->isVisible());
        QTRY_VERIFY(page->findChild<QLabel *>(u"recordsStatus"_s)->text().contains(u"pushed through consumer alpha"_s));
        QCOMPARE(page->fanOut()->subscriptionCount(), 2);
        QTest::keyClick(page.get(), Qt::Key_F8, Qt::ShiftModifier); // Stop
        QCOMPARE(page->fanOut()->state(), RecordReader::State::Stopped);
    }

    void shardLabels()
    {
        QCOMPARE(ShardLagLine::shardLabel(u"shardId-000000000012"_s), u"shard 12"_s);
        QCOMPARE(ShardLagLine::shardLabel(u"custom"_s), u"custom"_s);
    }
};

QTEST_MAIN(TestRecordsFanOut)
#include "tst_recordsfanout.moc"
