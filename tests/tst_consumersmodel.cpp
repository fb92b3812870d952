// ConsumersModel: the consumers of the bound stream as rows in name order, with their status,
// ARN and creation time; nothing read until a view wants the list; CREATING turns ACTIVE and
// DELETING goes away on their own through polling (faster while any is changing); rows are
// updated in place across refreshes; live subscription counts per consumer; a missing stream is
// an error with no rows; answers for an earlier stream are dropped. Every case runs under
// QAbstractItemModelTester.

#include "backend/emulatorbackend.h"
#include "backendtesthelpers.h"
#include "engine/clock.h"
#include "forwardingbackend.h"
#include "models/consumersmodel.h"
#include "models/modelroles.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;
constexpr qint64 kDelayMs = 500;

// An engine on a manual clock (consumers stay CREATING or DELETING until the test moves it),
// with the two-shard stream "orders" and the one-shard "audit", and its backend.
struct Harness
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;
    std::unique_ptr<EmulatorBackend> backend;

    bool open(qint64 delayMs = kDelayMs)
    {
        EngineOptions options;
        options.databasePath = dir.filePath(u"e.db"_s);
        options.clock = clock;
        options.createDelayMs = delayMs;
        options.deleteDelayMs = delayMs;
        options.updateDelayMs = 0;
        auto opened = Engine::open(options);
        if (!opened)
            return false;
        engine = std::move(*opened);
        backend = std::make_unique<EmulatorBackend>(*engine);
        const bool created =
            engine->createStream(CreateStreamRequest{u"orders"_s, 2, {}, {}, {}}).has_value() &&
            engine->createStream(CreateStreamRequest{u"audit"_s, 1, {}, {}, {}}).has_value();
        clock->advanceMs(delayMs);
        return created;
    }
    std::optional<Consumer> registerConsumer(const QString &name, const QString &stream = u"orders"_s)
    {
        auto registered = engine->registerStreamConsumer(
            RegisterStreamConsumerRequest{engine->streamArn(stream), name, {}});
        return registered ? std::optional<Consumer>(*registered) : std::nullopt;
    }
};

// Counts the calls a model makes, by operation.
struct CallCounter
{
    QStringList operations;
    explicit CallCounter(StreamBackend *backend)
    {
        QObject::connect(backend, &StreamBackend::callStarted, backend,
                         [this](const BackendCall &call) { operations.append(call.operation); });
    }
};

// The emulator's consumers without its change notifications: only polling finds changes.
class SilentBackend final : public ForwardingBackend
{
public:
    explicit SilentBackend(StreamBackend &inner) : ForwardingBackend(inner)
    {
        disconnect(&inner, &StreamBackend::catalogChanged, this, nullptr);
    }
};

QStringList names(const ConsumersModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, ConsumersModel::NameColumn).data().toString());
    return out;
}

ConsumerStatus statusAt(const ConsumersModel &model, int row)
{
    return ConsumerStatus(model.index(row, 0).data(ModelRole::ConsumerStatusRole).toInt());
}

} // namespace

class TestConsumersModel final : public QObject
{
    Q_OBJECT

private slots:
    void listsTheStreamsConsumersInNameOrder();
    void readsNothingUntilAViewWantsIt();
    void creatingTurnsActiveThroughPolling();
    void deregisteredConsumerGoesDeletingThenAway();
    void rowsAreUpdatedInPlace();
    void subscriptionCounts();
    void missingStreamIsAnErrorWithNoRows();
    void answersForAnEarlierStreamAreDropped();
};

void TestConsumersModel::listsTheStreamsConsumersInNameOrder()
{
    Harness h;
    QVERIFY(h.open(0));
    const auto zeta = h.registerConsumer(u"zeta"_s);
    const auto alpha = h.registerConsumer(u"alpha"_s);
    QVERIFY(zeta && alpha);
    QVERIFY(h.registerConsumer(u"elsewhere"_s, u"audit"_s)); // another stream's
    ConsumersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refreshed(&model, &ConsumersModel::refreshed);
    model.setStream(h.backend.get(), u"orders"_s);
    model.setPollingWanted(true);
    QTRY_VERIFY(!refreshed.isEmpty());
    QVERIFY(model.isLoaded());
    QCOMPARE(model.streamArn(), h.engine->streamArn(u"orders"_s));
    QCOMPARE(model.columnCount(), int(ConsumersModel::ColumnCount));
    QCOMPARE(names(model), (QStringList{u"alpha"_s, u"zeta"_s}));

    const QModelIndex row = model.index(0, ConsumersModel::NameColumn);
    QCOMPARE(row.data(ModelRole::ConsumerNameRole).toString(), u"alpha"_s);
    QCOMPARE(row.data(ModelRole::ConsumerArnRole).toString(), alpha->consumerArn);
    QCOMPARE(statusAt(model, 0), ConsumerStatus::Active);
    QCOMPARE(model.index(0, ConsumersModel::StatusColumn).data().toString(), u"ACTIVE"_s);
    QCOMPARE(model.index(0, ConsumersModel::ArnColumn).data().toString(), alpha->consumerArn);
    QCOMPARE(model.index(0, ConsumersModel::ArnColumn).data(Qt::ToolTipRole).toString(), alpha->consumerArn);
    const QDateTime created = row.data(ModelRole::CreationTimeRole).toDateTime();
    QCOMPARE(created.toMSecsSinceEpoch(), alpha->consumerCreationTimestamp);
    QCOMPARE(created.timeSpec(), Qt::UTC);
    QVERIFY(!model.index(0, ConsumersModel::CreatedColumn).data().toString().isEmpty());
    QCOMPARE(model.rowOfArn(zeta->consumerArn), 1);
    QCOMPARE(model.rowOfName(u"zeta"_s), 1);
    QCOMPARE(model.rowOfName(u"elsewhere"_s), -1);
    QCOMPARE(model.consumer(1).consumerArn, zeta->consumerArn);
    QCOMPARE(model.headerData(ConsumersModel::StatusColumn, Qt::Horizontal).toString(), u"Status"_s);

    // A registration elsewhere (the CLI through --serve, say) shows without waiting for a poll.
    QVERIFY(h.registerConsumer(u"middle"_s));
    QTRY_COMPARE(names(model), (QStringList{u"alpha"_s, u"middle"_s, u"zeta"_s}));
}

void TestConsumersModel::readsNothingUntilAViewWantsIt()
{
    Harness h;
    QVERIFY(h.open(0));
    QVERIFY(h.registerConsumer(u"reader"_s));
    CallCounter calls(h.backend.get());
    ConsumersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStream(h.backend.get(), u"orders"_s);
    QTest::qWait(200);
    QVERIFY2(calls.operations.isEmpty(), qPrintable(calls.operations.join(u',')));
    QVERIFY(!model.isLoaded());
    QVERIFY(!model.isPolling());

    model.setPollingWanted(true);
    QVERIFY(model.isPolling());
    QTRY_COMPARE(model.rowCount(), 1);
    // The ARN is read once; afterwards only the list.
    QCOMPARE(calls.operations, (QStringList{u"DescribeStreamSummary"_s, u"ListStreamConsumers"_s}));
    model.refresh();
    QTRY_COMPARE(calls.operations.size(), 3);
    QCOMPARE(calls.operations.last(), u"ListStreamConsumers"_s);

    // Hidden again: polling stops, the rows stay.
    model.setPollingWanted(false);
    QVERIFY(!model.isPolling());
    QCOMPARE(model.rowCount(), 1);
}

void TestConsumersModel::creatingTurnsActiveThroughPolling()
{
    Harness h;
    QVERIFY(h.open());
    SilentBackend silent(*h.backend);
    ConsumersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refreshed(&model, &ConsumersModel::refreshed);
    model.setStream(&silent, u"orders"_s);
    model.setPollingWanted(true);
    QTRY_COMPARE(refreshed.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pollInterval(), ConsumersModel::kSteadyPollMs);

    QVERIFY(h.registerConsumer(u"reader"_s));
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(statusAt(model, 0), ConsumerStatus::Creating);
    QCOMPARE(model.index(0, ConsumersModel::StatusColumn).data().toString(), u"CREATING"_s);
    // Changing: polled every couple of seconds.
    QCOMPARE(model.pollInterval(), ConsumersModel::kTransitionPollMs);

    h.clock->advanceMs(kDelayMs);
    const QPersistentModelIndex reader = model.index(0, 0);
    QTRY_COMPARE_WITH_TIMEOUT(statusAt(model, 0), ConsumerStatus::Active,
                              ConsumersModel::kTransitionPollMs + 3000);
    QVERIFY(reader.isValid());
    QCOMPARE(reader.row(), 0);
    QCOMPARE(model.pollInterval(), ConsumersModel::kSteadyPollMs);
}

void TestConsumersModel::deregisteredConsumerGoesDeletingThenAway()
{
    Harness h;
    QVERIFY(h.open());
    const auto reader = h.registerConsumer(u"reader"_s);
    QVERIFY(reader);
    h.clock->advanceMs(kDelayMs);
    ConsumersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStream(h.backend.get(), u"orders"_s);
    model.setPollingWanted(true);
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(statusAt(model, 0), ConsumerStatus::Active);

    QVERIFY(h.engine->deregisterStreamConsumer(ConsumerTarget::byArn(reader->consumerArn)).has_value());
    QTRY_COMPARE(statusAt(model, 0), ConsumerStatus::Deleting); // catalogChanged
    QCOMPARE(model.pollInterval(), ConsumersModel::kTransitionPollMs);
    h.clock->advanceMs(kDelayMs);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, ConsumersModel::kTransitionPollMs + 3000);
}

void TestConsumersModel::rowsAreUpdatedInPlace()
{
    Harness h;
    QVERIFY(h.open(0));
    QVERIFY(h.registerConsumer(u"m"_s));
    ConsumersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStream(h.backend.get(), u"orders"_s);
    model.setPollingWanted(true);
    QTRY_COMPARE(model.rowCount(), 1);
    const QPersistentModelIndex m = model.index(0, 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(h.registerConsumer(u"a"_s));
    QVERIFY(h.registerConsumer(u"z"_s));
    QTRY_COMPARE(model.rowCount(), 3);
    // The row a view has selected moved, it was not replaced.
    QVERIFY(m.isValid());
    QCOMPARE(m.row(), 1);
    QCOMPARE(m.data(ModelRole::ConsumerNameRole).toString(), u"m"_s);
    QCOMPARE(reset.size(), 0);
    QVERIFY(inserted.size() >= 1);
    // A refresh that changes nothing notifies nothing.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy refreshed(&model, &ConsumersModel::refreshed);
    model.refresh();
    QTRY_COMPARE(refreshed.size(), 1);
    QCOMPARE(changed.size(), 0);
}

void TestConsumersModel::subscriptionCounts()
{
    Harness h;
    QVERIFY(h.open(0));
    const auto a = h.registerConsumer(u"a"_s);
    const auto b = h.registerConsumer(u"b"_s);
    QVERIFY(a && b);
    ConsumersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStream(h.backend.get(), u"orders"_s);
    model.setPollingWanted(true);
    QTRY_COMPARE(model.rowCount(), 2);
    // Unknown until told: no number.
    QVERIFY(!model.index(0, 0).data(ModelRole::SubscriptionCountRole).isValid());
    QCOMPARE(model.index(0, ConsumersModel::SubscriptionsColumn).data().toString(), QString());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setSubscriptionCounts(QHash<QString, int>{{a->consumerArn, 2}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(ConsumersModel::SubscriptionsColumn));
    QCOMPARE(model.index(0, 0).data(ModelRole::SubscriptionCountRole).toInt(), 2);
    QCOMPARE(model.index(0, ConsumersModel::SubscriptionsColumn).data().toString(), u"2"_s);
    QCOMPARE(model.index(1, 0).data(ModelRole::SubscriptionCountRole).toInt(), 0);
    QCOMPARE(model.index(1, ConsumersModel::SubscriptionsColumn).data().toString(), u"0"_s);
    // The same counts again: nothing to repaint.
    model.setSubscriptionCounts(QHash<QString, int>{{a->consumerArn, 2}});
    QCOMPARE(changed.size(), 1);
    model.setSubscriptionCounts(std::nullopt);
    QVERIFY(!model.index(1, 0).data(ModelRole::SubscriptionCountRole).isValid());
}

void TestConsumersModel::missingStreamIsAnErrorWithNoRows()
{
    Harness h;
    QVERIFY(h.open(0));
    QVERIFY(h.registerConsumer(u"reader"_s, u"audit"_s));
    ConsumersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &ConsumersModel::refreshFailed);
    model.setStream(h.backend.get(), u"nope"_s);
    model.setPollingWanted(true);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).value<Error>().type, ErrorType::ResourceNotFound);
    QVERIFY(model.lastError());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isLoaded());

    // The stream is deleted under a loaded list: its consumers go with it.
    model.setStream(h.backend.get(), u"audit"_s);
    QTRY_COMPARE(model.rowCount(), 1);
    QVERIFY(!model.lastError());
    QVERIFY(h.engine->deleteStream(DeleteStreamRequest{StreamTarget::byName(u"audit"_s), true}).has_value());
    QTRY_VERIFY(model.lastError().has_value());
    QCOMPARE(model.lastError()->type, ErrorType::ResourceNotFound);
    QCOMPARE(model.rowCount(), 0);
}

void TestConsumersModel::answersForAnEarlierStreamAreDropped()
{
    Harness h;
    QVERIFY(h.open(0));
    QVERIFY(h.registerConsumer(u"for-orders"_s));
    QVERIFY(h.registerConsumer(u"for-audit"_s, u"audit"_s));
    ConsumersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPollingWanted(true);
    model.setStream(h.backend.get(), u"orders"_s); // its calls are under way...
    model.setStream(h.backend.get(), u"audit"_s);  // ...and no longer wanted
    QTRY_COMPARE(names(model), QStringList{u"for-audit"_s});
    QTest::qWait(200);
    QCOMPARE(names(model), QStringList{u"for-audit"_s});
    QCOMPARE(model.streamArn(), h.engine->streamArn(u"audit"_s));
}

QTEST_GUILESS_MAIN(TestConsumersModel)
#include "tst_consumersmodel.moc"
