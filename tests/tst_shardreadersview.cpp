// The Readers list on the Consumers tab, offscreen, over a real engine on a manual clock and
// EmulatorBackend: a client's GetShardIterator and GetRecords (as the server passes them) show
// one row with its client, key and address, shard, position and what it has read; the app's
// own read through the backend shows as "Shardscope (this app)"; the row is dimmed once the
// reader is idle (10 s on the engine's clock) and more when gone (60 s); a backend that cannot
// tell (as AWS) says so in a sentence and is never asked; nothing is read while hidden.

#include "backend/emulatorbackend.h"
#include "backendtesthelpers.h"
#include "consumers/consumerspage.h"
#include "consumers/readerstatedelegate.h"
#include "consumers/shardreadersview.h"
#include "engine/clock.h"
#include "forwardingbackend.h"
#include "models/modelroles.h"
#include "models/shardreadersmodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kStream = u"orders"_s;
const QString kShard0 = u"shardId-000000000000"_s;
const Caller kBoto{u"AKIDBOTO"_s, u"Boto3/1.26.27 Python/3.11.2 Botocore/1.29.27"_s,
                   u"127.0.0.1"_s};

// A backend that does not know its readers (as AWS).
class BlindBackend final : public ForwardingBackend
{
public:
    using ForwardingBackend::ForwardingBackend;
    bool hasShardReaders() const override { return false; }
    QString displayName() const override { return u"Staging"_s; }
};

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

} // namespace

class TestShardReadersView final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void readerAppearsAndDimsWhenIdle();
    void appsOwnReadIsNamed();
    void backendWithoutReadersSaysWhy();
    void nothingIsReadWhileHidden();

private:
    ShardReadersView *showPage(StreamBackend *backend);
    int rowOf(const Caller &caller) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
    std::unique_ptr<ConsumersPage> m_page;
    ShardReadersView *m_view = nullptr;
};

void TestShardReadersView::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestShardReadersView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_shared<ManualClock>(QDateTime::currentMSecsSinceEpoch());
    EngineOptions options;
    options.databasePath = m_dir->filePath(u"streams.db"_s);
    options.createDelayMs = 0;
    options.throughputLimits = false;
    options.clock = m_clock;
    auto engine = Engine::open(options);
    QVERIFY(engine.has_value());
    m_engine = std::move(*engine);
    m_backend = std::make_unique<EmulatorBackend>(*m_engine);
    QVERIFY(m_engine->createStream(CreateStreamRequest{kStream, 2, {}, {}, {}}).has_value());
    m_clock->advanceMs(1);
    PutRecordRequest put{StreamTarget::byName(kStream), "hello", u"k"_s, u"0"_s, {}};
    QVERIFY(m_engine->putRecord(put).has_value());
    QVERIFY(m_engine->putRecord(put).has_value());
}

void TestShardReadersView::cleanup()
{
    m_page.reset();
    m_view = nullptr;
    m_backend.reset();
    m_engine.reset();
    m_dir.reset();
}

ShardReadersView *TestShardReadersView::showPage(StreamBackend *backend)
{
    m_page = std::make_unique<ConsumersPage>();
    m_page->resize(1200, 800);
    m_page->setStream(backend, kStream);
    m_page->show();
    if (!QTest::qWaitForWindowExposed(m_page.get()))
        return nullptr;
    m_view = m_page->findChild<ShardReadersView *>();
    if (m_view)
        m_view->model()->setClock([this] { return m_clock->nowMs(); });
    return m_view;
}

int TestShardReadersView::rowOf(const Caller &caller) const
{
    const QAbstractItemModel *model = m_view->tableView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ModelRole::UserAgentRole).toString() == caller.userAgent &&
            index.data(ModelRole::AccessKeyIdRole).toString() == caller.accessKeyId)
            return row;
    }
    return -1;
}

void TestShardReadersView::readerAppearsAndDimsWhenIdle()
{
    QVERIFY(showPage(m_backend.get()));
    QAbstractItemModelTester tester(m_view->model());
    QTRY_VERIFY(m_view->messageLabel()->isVisible());
    QVERIFY(m_view->messageLabel()->text().contains(u"Nobody has read"_s));

    // What the server does for a client of --serve: the request's caller to the engine.
    GetShardIteratorRequest at{StreamTarget::byName(kStream), kShard0,
                               ShardIteratorType::TrimHorizon, {}, {}};
    const auto iterator = m_engine->getShardIterator(at, kBoto);
    QVERIFY(iterator.has_value());
    const auto page = m_engine->getRecords(GetRecordsRequest{iterator->shardIterator, 1, {}}, kBoto);
    QVERIFY(page.has_value());
    QCOMPARE(page->records.size(), 1);

    QTRY_VERIFY(rowOf(kBoto) >= 0);
    QTRY_VERIFY(m_view->tableView()->isVisible());
    const QAbstractItemModel *model = m_view->tableView()->model();
    const int row = rowOf(kBoto);
    const auto cell = [&](int column) { return model->index(row, column).data().toString(); };
    QCOMPARE(cell(ShardReadersModel::ShardColumn), kShard0);
    QCOMPARE(cell(ShardReadersModel::ReaderColumn), u"Boto3/1.26.27 (AKIDBOTO, 127.0.0.1)"_s);
    QCOMPARE(model->index(row, 0).data(ModelRole::SequenceNumberRole).toString(),
             page->records[0].sequenceNumber.toString());
    QCOMPARE(cell(ShardReadersModel::BehindColumn), u"1 rec · 5 bytes · 0 ms"_s);
    QCOMPARE(cell(ShardReadersModel::StateColumn), u"Reading"_s);
    QVERIFY(model->index(row, ShardReadersModel::ReaderColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(kBoto.userAgent));
    const QPalette palette = m_view->tableView()->palette();
    const QModelIndex first = model->index(row, 0);
    QCOMPARE(ReaderStateDelegate::textColor(first, palette), palette.color(QPalette::Text));
    QVERIFY(qobject_cast<ReaderStateDelegate *>(m_view->tableView()->itemDelegate()));

    // 10 s without a call on the engine's clock: idle, dimmed.
    m_clock->advanceMs(10'000);
    QTRY_COMPARE(model->index(rowOf(kBoto), ShardReadersModel::StateColumn).data().toString(),
                 u"Idle"_s);
    const QModelIndex idle = model->index(rowOf(kBoto), 0);
    QCOMPARE(idle.data(ModelRole::ReaderStateRole).toInt(), int(ReaderState::Idle));
    const QColor idleColor = ReaderStateDelegate::textColor(idle, palette);
    QVERIFY(idleColor != palette.color(QPalette::Text));
    QCOMPARE(model->index(rowOf(kBoto), ShardReadersModel::LastReadColumn).data().toString(),
             u"10 s ago"_s);

    // A minute: gone, dimmer still, but listed.
    m_clock->advanceMs(50'000);
    QTRY_COMPARE(model->index(rowOf(kBoto), ShardReadersModel::StateColumn).data().toString(),
                 u"Gone"_s);
    const QColor goneColor = ReaderStateDelegate::textColor(model->index(rowOf(kBoto), 0), palette);
    QVERIFY(goneColor != palette.color(QPalette::Text));
    QVERIFY(goneColor != idleColor);

    // Five minutes: dropped.
    m_clock->advanceMs(240'000);
    QTRY_COMPARE(rowOf(kBoto), -1);
    QTRY_VERIFY(m_view->messageLabel()->isVisible());
}

void TestShardReadersView::appsOwnReadIsNamed()
{
    QVERIFY(showPage(m_backend.get()));
    GetShardIteratorRequest at{StreamTarget::byName(kStream), kShard0,
                               ShardIteratorType::TrimHorizon, {}, {}};
    const auto iterator = await(m_backend->getShardIterator(at));
    QVERIFY(iterator.has_value());
    QVERIFY(await(m_backend->getRecords(GetRecordsRequest{iterator->shardIterator, 10, {}})));
    QTRY_VERIFY(rowOf(Caller::thisApp()) >= 0);
    const QAbstractItemModel *model = m_view->tableView()->model();
    const int row = rowOf(Caller::thisApp());
    QCOMPARE(model->index(row, ShardReadersModel::ReaderColumn).data().toString(),
             u"Shardscope (this app)"_s);
    QCOMPARE(model->index(row, 0).data(ModelRole::RecordCountRole).toLongLong(), 2);
    QCOMPARE(model->index(row, 0).data(ModelRole::RecordsBehindRole).toLongLong(), 0);
}

void TestShardReadersView::backendWithoutReadersSaysWhy()
{
    BlindBackend blind(*m_backend);
    CallCounter calls(&blind);
    QVERIFY(showPage(&blind));
    QTRY_VERIFY(m_view->messageLabel()->isVisible());
    QVERIFY(!m_view->tableView()->isVisible());
    QCOMPARE(m_view->messageLabel()->text(),
             u"Staging does not report readers: Kinesis tells no one which clients call "
             "GetRecords. The local emulator lists every reader it serves, through --serve and "
             "in this app."_s);
    QTest::qWait(1500);
    QCOMPARE(calls.count(u"ShardReaders"_s), 0);
    m_page.reset(); // before the backend it watches
    m_view = nullptr;
}

void TestShardReadersView::nothingIsReadWhileHidden()
{
    CallCounter calls(m_backend.get());
    QVERIFY(showPage(m_backend.get()));
    QTRY_VERIFY(calls.count(u"ShardReaders"_s) >= 2); // about once a second while shown
    m_page->hide();
    QTest::qWait(300); // a read in flight may still finish
    const qsizetype before = calls.count(u"ShardReaders"_s);
    QTest::qWait(2500);
    QCOMPARE(calls.count(u"ShardReaders"_s), before);
    m_page->show();
    QTRY_VERIFY(calls.count(u"ShardReaders"_s) > before);
}

QTEST_MAIN(TestShardReadersView)
#include "tst_shardreadersview.moc"
