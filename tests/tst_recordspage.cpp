// The Records tab offscreen: a live tail against the emulator, filter validation with the error's
// position, filter scans with progress and matches (and live matching), saved filters, the
// selection and current record with payloads, auto-scroll only at the bottom, the default start
// at the last 15 minutes, reading when first shown (the local emulator only) and the empty
// table's hint with its Start link.

#include "backend/emulatorbackend.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "forwardingbackend.h"
#include "models/recordsmodel.h"
#include "records/filterscan.h"
#include "records/payloadspool.h"
#include "records/recordspage.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStringListModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;
using namespace shardscope;

namespace {

template<typename T>
T await(const QFuture<T> &future, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < timeoutMs)
        QTest::qWait(1);
    return future.result();
}

// The emulator, presented as an AWS connection.
class AwsKindBackend final : public testing::ForwardingBackend
{
public:
    using ForwardingBackend::ForwardingBackend;
    BackendKind kind() const override { return BackendKind::Aws; }
};

} // namespace

class TestRecordsPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    int m_serial = 0;

    void put(int count, const QString &stream = u"s"_s)
    {
        PutRecordsRequest request{StreamTarget::byName(stream), {}};
        for (int i = 0; i < count; ++i) {
            const int n = m_serial++;
            const QString status = n % 3 == 0 ? u"error"_s : u"ok"_s;
            request.records.append({u"{\"n\":%1,\"status\":\"%2\"}"_s.arg(n).arg(status).toUtf8(),
                                    u"user-%1"_s.arg(n % 10), {}});
        }
        const auto response = await(m_backend->putRecords(request));
        QVERIFY(response.has_value());
        QCOMPARE(response->failedRecordCount, 0);
    }

    std::unique_ptr<RecordsPage> makePage()
    {
        auto page = std::make_unique<RecordsPage>();
        page->setSettings(m_settings.get());
        page->setStream(m_backend.get(), u"s"_s);
        page->resize(1000, 500);
        return page;
    }

    static QLabel *label(const RecordsPage &page, const QString &name)
    {
        return page.findChild<QLabel *>(name);
    }

private slots:
    void init()
    {
        m_serial = 0;
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
        EngineOptions options;
        options.createDelayMs = 0;
        options.deleteDelayMs = 0;
        options.updateDelayMs = 0;
        auto engine = Engine::open(options);
        QVERIFY(engine.has_value());
        m_engine = std::move(*engine);
        m_backend = std::make_unique<EmulatorBackend>(*m_engine);
        QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"s"_s, 2, {}, {}, {}})).has_value());
    }

    void cleanup()
    {
        m_settings.reset();
        m_backend.reset();
        m_engine.reset();
        m_dir.reset();
    }

    void layoutForIntegration()
    {
        auto page = makePage();
        QVERIFY(page->toolBar());
        QVERIFY(page->toolBar()->findChild<QComboBox *>(u"startPosition"_s));
        QCOMPARE(page->splitter()->count(), 1); // no placeholder
        auto *inspector = new QLabel(u"inspector"_s);
        page->setInspector(inspector);
        QCOMPARE(page->splitter()->count(), 2);
        QCOMPARE(page->splitter()->widget(1), inspector);
        // Every toolbar action has a shortcut.
        for (QAction *action : page->toolBar()->actions()) {
            if (!action->text().isEmpty() && !action->isSeparator() && action->objectName().startsWith(u"action"_s))
                QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->objectName()));
        }
    }

    void tailShowsRecordsAndPauses()
    {
        put(20);
        auto page = makePage();
        page->show();
        page->setStartPosition(RecordsPage::TrimHorizon);
        QVERIFY(page->start());
        QTRY_COMPARE(page->model()->rowCount(), 20);
        put(15);
        QTRY_COMPARE(page->model()->rowCount(), 35);
        QTRY_VERIFY(label(*page, u"recordsStatus"_s)->text().contains(u"35 records"_s));
        QVERIFY(label(*page, u"recordsStatus"_s)->text().contains(u"reading 2 shards"_s));
        auto *startAction = page->findChild<QAction *>(u"actionStartTail"_s);
        QCOMPARE(startAction->text(), u"&Pause"_s);
        startAction->trigger();
        QCOMPARE(page->tail()->state(), TailReader::State::Paused);
        QCOMPARE(startAction->text(), u"&Resume"_s);
        QVERIFY(label(*page, u"recordsStatus"_s)->text().contains(u"paused"_s));
        put(5);
        QTest::qWait(300);
        QCOMPARE(page->model()->rowCount(), 35);
        startAction->trigger();
        QTRY_COMPARE(page->model()->rowCount(), 40);
        // The start position cannot change while reading.
        QVERIFY(!page->findChild<QComboBox *>(u"startPosition"_s)->isEnabled());
        page->findChild<QAction *>(u"actionStopTail"_s)->trigger();
        QCOMPARE(page->tail()->state(), TailReader::State::Stopped);
        QVERIFY(page->findChild<QComboBox *>(u"startPosition"_s)->isEnabled());
        page->findChild<QAction *>(u"actionClearRecords"_s)->trigger();
        QCOMPARE(page->model()->rowCount(), 0);
        QCOMPARE(page->spool().count(), 0);
    }

    void positionErrorsShowBesideTheField()
    {
        auto page = makePage();
        page->show();
        QVERIFY(!page->findChild<QLineEdit *>(u"startSequenceNumber"_s)->isVisible());
        page->setStartPosition(RecordsPage::AtSequenceNumber);
        QTRY_VERIFY(page->findChild<QLineEdit *>(u"startSequenceNumber"_s)->isVisible());
        QVERIFY(!page->start());
        QLabel *error = label(*page, u"startPositionError"_s);
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(), u"Enter a sequence number."_s);
        QCOMPARE(page->tail()->state(), TailReader::State::Stopped);
        // A sequence number of another service: the shard must be chosen.
        page->setStartSequenceNumber(u"49590338271490256608559692538361571095921575989136588898"_s);
        QVERIFY(!page->start());
        QVERIFY(error->text().contains(u"shard"_s));
    }

    void badFilterShowsErrorWithPosition()
    {
        auto page = makePage();
        page->show();
        QLineEdit *edit = page->filterEdit();
        edit->setFocus();
        QTest::keyClicks(edit, u"pk == \"a\" && size >"_s);
        QVERIFY(page->filterError().has_value());
        const FilterError error = *page->filterError();
        QCOMPARE(error.position, int(edit->text().size())); // missing value at the end
        QLabel *message = label(*page, u"filterMessage"_s);
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains(error.message));
        QVERIFY(message->text().contains(QString::number(error.position + 1)));
        QVERIFY(!page->findChild<QToolButton *>(u"applyFilter"_s)->isEnabled());
        QTest::keyClick(edit, Qt::Key_Return); // refused: nothing applied
        QVERIFY(!page->isFilterApplied());

        edit->clear();
        QTest::keyClicks(edit, u"shard == 1 && pk contans \"x\""_s);
        QVERIFY(page->filterError().has_value());
        QCOMPARE(page->filterError()->position, 17); // the unknown operator
        QVERIFY(page->filterError()->length > 0);

        edit->clear();
        QTest::keyClicks(edit, u"size > 1k"_s);
        QVERIFY(!page->filterError().has_value());
        QVERIFY(!message->isVisible());
        QVERIFY(page->findChild<QToolButton *>(u"applyFilter"_s)->isEnabled());
    }

    void completerOffersFields()
    {
        put(5);
        auto page = makePage();
        page->show();
        page->setStartPosition(RecordsPage::TrimHorizon);
        QVERIFY(page->start());
        QTRY_COMPARE(page->model()->rowCount(), 5);
        QTRY_VERIFY(page->dataPaths().contains(u"data.status"_s)); // learnt from the payloads
        QLineEdit *edit = page->filterEdit();
        edit->setFocus();
        QTest::keyClicks(edit, u"da"_s);
        auto *completer = page->findChild<QCompleter *>();
        QVERIFY(completer);
        QTRY_VERIFY(completer->popup()->isVisible());
        QStringList offered;
        for (int i = 0; completer->setCurrentRow(i); ++i)
            offered.append(completer->currentCompletion());
        QVERIFY2(offered.contains(u"data"_s) && offered.contains(u"data.status"_s), qPrintable(offered.join(u',')));
        emit completer->activated(u"data.status"_s);
        QCOMPARE(edit->text(), u"data.status"_s);
    }

    void filterScansAndMatches()
    {
        put(60);
        auto page = makePage();
        page->show();
        page->setStartPosition(RecordsPage::TrimHorizon);
        QVERIFY(page->start());
        QTRY_COMPARE(page->model()->rowCount(), 60);

        QSignalSpy progress(page->filterScan(), &FilterScan::progress);
        page->filterEdit()->setText(u"data.status == \"error\" && pk != \"user-0\""_s);
        QTest::mouseClick(page->findChild<QToolButton *>(u"applyFilter"_s), Qt::LeftButton);
        QVERIFY(page->isFilterApplied());
        QCOMPARE(page->view()->model(), page->resultsModel());
        // n % 3 == 0 is an error; n % 10 == 0 is user-0: 20 errors, 2 of them user-0.
        QTRY_COMPARE(page->resultsModel()->rowCount(), 18);
        QVERIFY(!progress.isEmpty());
        QTRY_COMPARE(label(*page, u"scanStatus"_s)->text(), u"Scanned 60 / matched 18"_s);

        // The results carry their payloads.
        page->view()->selectAll();
        const QList<RecordEntry> selected = await(page->selectedRecords());
        QCOMPARE(selected.size(), 18);
        for (const RecordEntry &record : selected) {
            QVERIFY(record.data.contains("\"status\":\"error\""));
            QVERIFY(record.partitionKey != u"user-0"_s);
        }

        // Records read after Apply are matched as they come.
        put(30); // n = 60..89: errors 60..87 step 3 = 10, user-0 among them: 60, 90(no) -> 9
        QTRY_COMPARE(page->resultsModel()->rowCount(), 27);
        QTRY_COMPARE(page->model()->rowCount(), 90);
        QVERIFY(label(*page, u"scanStatus"_s)->text().contains(u"9 new"_s));

        // Cancel keeps what was found; Show All goes back to every record.
        page->applyFilter();
        page->cancelFilter();
        QTRY_VERIFY(!page->filterScan()->isRunning());
        QTRY_COMPARE(qint64(page->resultsModel()->rowCount()), page->filterScan()->matched());
        if (page->filterScan()->wasCancelled())
            QVERIFY(label(*page, u"scanStatus"_s)->text().contains(u"cancelled"_s));
        QTest::mouseClick(page->findChild<QToolButton *>(u"clearFilter"_s), Qt::LeftButton);
        QVERIFY(!page->isFilterApplied());
        QCOMPARE(page->view()->model(), page->model());
    }

    void cancelKeepsPartialResults()
    {
        // Enough records that the scan is still running when it is cancelled.
        auto page = makePage();
        QList<RecordEntry> many;
        for (int i = 0; i < 300000; ++i)
            many.append(RecordEntry{u"shardId-000000000000"_s, QString::number(1000 + i), 0, u"k"_s, {},
                                    QByteArray("{\"a\":") + QByteArray::number(i) + "}"});
        // Fed as the tail would.
        QMetaObject::invokeMethod(page->tail(), "recordsReceived", Q_ARG(QList<shardscope::RecordEntry>, many));
        QTRY_COMPARE(page->model()->rowCount(), 300000);
        page->filterEdit()->setText(u"data.a matches /7$/"_s);
        page->applyFilter();
        QTRY_VERIFY(page->filterScan()->scanned() > 0 || !page->filterScan()->isRunning());
        page->cancelFilter();
        QTRY_VERIFY(!page->filterScan()->isRunning());
        const qint64 matched = page->filterScan()->matched();
        QTRY_COMPARE(qint64(page->resultsModel()->rowCount()), matched);
        if (page->filterScan()->wasCancelled()) {
            QVERIFY(page->filterScan()->scanned() < 300000);
            QVERIFY(label(*page, u"scanStatus"_s)->text().contains(u"cancelled"_s));
        }
        // Every row shown really matches.
        for (int row = 0; row < page->resultsModel()->rowCount(); row += 997) {
            page->view()->setCurrentIndex(page->resultsModel()->index(row, 0));
            const auto current = await(page->currentRecord());
            QCOMPARE(current.size(), 1);
            QVERIFY(current[0].data.endsWith("7}"));
        }
    }

    void savedFiltersPersist()
    {
        {
            auto page = makePage();
            page->filterEdit()->setText(u"pk == \"user-3\""_s);
            page->saveFilter(u"user three"_s);
            page->filterEdit()->setText(u"size > 10"_s);
            page->saveFilter(u"big"_s);
            QCOMPARE(page->savedFilterNames(), (QStringList{u"big"_s, u"user three"_s}));
            page->removeSavedFilter(u"big"_s);
        }
        m_settings->sync();
        QSettings reread(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
        QVERIFY(reread.value(u"records/savedFilters"_s).toMap().contains(u"user three"_s));

        put(20);
        auto page = makePage();
        QCOMPARE(page->savedFilterNames(), QStringList{u"user three"_s});
        page->setStartPosition(RecordsPage::TrimHorizon);
        QVERIFY(page->start());
        QTRY_COMPARE(page->model()->rowCount(), 20);
        auto *combo = page->findChild<QComboBox *>(u"savedFilters"_s);
        combo->setCurrentIndex(1);
        emit combo->activated(1);
        QCOMPARE(page->filterEdit()->text(), u"pk == \"user-3\""_s);
        QVERIFY(page->isFilterApplied());
        QTRY_COMPARE(page->resultsModel()->rowCount(), 2);
    }

    void currentRecordComesWithPayload()
    {
        put(10);
        auto page = makePage();
        page->show();
        page->setStartPosition(RecordsPage::TrimHorizon);
        QVERIFY(page->start());
        QTRY_COMPARE(page->model()->rowCount(), 10);
        QSignalSpy current(page.get(), &RecordsPage::currentRecordChanged);
        page->view()->setCurrentIndex(page->model()->index(4, 0));
        QTRY_COMPARE(current.size(), 1);
        const auto record = current.at(0).at(0).value<RecordEntry>();
        QCOMPARE(record.sequenceNumber, page->model()->record(4).sequenceNumber);
        QCOMPARE(record.partitionKey, page->model()->record(4).partitionKey);
        QVERIFY(record.data.startsWith("{\"n\":"));
        // Previews come from the spool (never a second GetRecords).
        QVERIFY(!page->model()->index(4, RecordsModel::PreviewColumn).data().toString().isEmpty());
    }

    void autoScrollsOnlyAtTheBottom()
    {
        auto page = makePage();
        page->resize(900, 300);
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        page->setStartPosition(RecordsPage::Latest);
        QVERIFY(page->start());
        QTRY_VERIFY(page->tail()->activeShardCount() == 2);
        QTest::qWait(50);
        QScrollBar *bar = page->view()->verticalScrollBar();
        put(100);
        QTRY_COMPARE(page->model()->rowCount(), 100);
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum()); // followed the new rows

        bar->setValue(0); // the user scrolls up to read
        put(50);
        QTRY_COMPARE(page->model()->rowCount(), 150);
        QTest::qWait(50);
        QCOMPARE(bar->value(), 0); // left where the user is

        bar->setValue(bar->maximum()); // back at the bottom: follows again
        put(50);
        QTRY_COMPARE(page->model()->rowCount(), 200);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(page->view()->rowAt(page->view()->viewport()->height() - 2) >= 195);
    }

    // The default start shows what arrived in the last 15 minutes at once (AT_TIMESTAMP), then
    // follows: on an engine whose clock put one record 30 and one 5 minutes ago.
    void recentIsTheDefaultAndReadsTheLastMinutes()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        auto clock = std::make_shared<ManualClock>(now - 30 * 60'000);
        EngineOptions options;
        options.clock = clock;
        options.createDelayMs = 0;
        auto engine = Engine::open(options);
        QVERIFY(engine.has_value());
        EmulatorBackend backend(**engine);
        QVERIFY(
            (*engine)->createStream(CreateStreamRequest{u"timed"_s, 2, {}, {}, {}}).has_value());
        const auto putAt = [&](qint64 at, const QByteArray &data) {
            clock->setMs(at);
            return (*engine)
                ->putRecord(
                    PutRecordRequest{StreamTarget::byName(u"timed"_s), data, u"k"_s, {}, {}})
                .has_value();
        };
        QVERIFY(putAt(now - 30 * 60'000, "half an hour ago"));
        QVERIFY(putAt(now - 5 * 60'000, "five minutes ago"));
        clock->setMs(now);

        RecordsPage page;
        page.setSettings(m_settings.get());
        page.setStream(&backend, u"timed"_s);
        page.resize(1000, 500);
        page.show();
        QCOMPARE(page.startPosition(), RecordsPage::Recent);
        QVERIFY(page.findChild<QWidget *>(u"startRecentMinutes"_s)->isVisible());
        QVERIFY(page.start());
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QCOMPARE(page.model()->record(0).partitionKey, u"k"_s);
        QTest::qWait(100);
        QCOMPARE(page.model()->rowCount(), 1); // not the older one
        const auto first = await(page.spool().payload(page.model()->serial(0)));
        QVERIFY(first.has_value());
        QCOMPARE(*first, QByteArray("five minutes ago"));
        // ... and it follows what comes next.
        QVERIFY(putAt(QDateTime::currentMSecsSinceEpoch(), "now"));
        QTRY_COMPARE(page.model()->rowCount(), 2);

        // An hour back takes in the older one too.
        page.stop();
        page.setStartRecentMinutes(60);
        QVERIFY(page.start());
        QTRY_COMPARE(page.model()->rowCount(), 3);
    }

    // With setReadsWhenShown, a local-emulator stream starts being read the first time its
    // page is shown, and a newly set stream at once while the page is visible; Stop sticks.
    void readsTheLocalEmulatorWhenShown()
    {
        put(3);
        RecordsPage page;
        page.setSettings(m_settings.get());
        page.setReadsWhenShown(true);
        page.setStream(m_backend.get(), u"s"_s);
        page.resize(1000, 500);
        QCOMPARE(page.tail()->state(), TailReader::State::Stopped); // not shown yet
        page.show();
        QCOMPARE(page.tail()->state(), TailReader::State::Running);
        QTRY_COMPARE(page.model()->rowCount(), 3); // recent records, without a new put
        QVERIFY(!page.emptyHint());

        page.stop();
        page.hide();
        page.show();
        QCOMPARE(page.tail()->state(), TailReader::State::Stopped); // once per stream

        QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"other"_s, 1, {}, {}, {}}))
                    .has_value());
        page.setStream(m_backend.get(), u"other"_s);
        QCOMPARE(page.tail()->state(), TailReader::State::Running);
        QCOMPARE(page.tail()->streamName(), u"other"_s);
        // Nothing there yet: the table says it is waiting, and for what.
        QTRY_VERIFY(page.emptyHint());
        QVERIFY2(page.emptyHint()->text().contains(u"the last 15 minutes"_s),
                 qPrintable(page.emptyHint()->text()));
        put(1, u"other"_s);
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QTRY_VERIFY(!page.emptyHint());
    }

    // On an AWS connection reading takes from the quota the stream's consumers share: the page
    // waits for Start, and says so in the empty table, with a link that starts.
    void waitsForStartOnAws()
    {
        put(2);
        AwsKindBackend aws(*m_backend);
        RecordsPage page;
        page.setSettings(m_settings.get());
        page.setReadsWhenShown(true);
        page.setStream(&aws, u"s"_s);
        page.resize(1000, 500);
        page.show();
        QTest::qWait(50);
        QCOMPARE(page.tail()->state(), TailReader::State::Stopped);
        QLabel *hint = page.emptyHint();
        QVERIFY(hint);
        QVERIFY2(hint->text().contains(u"Start reading"_s) && hint->text().contains(u"F8"_s),
                 qPrintable(hint->text()));
        emit hint->linkActivated(u"start"_s);
        QCOMPARE(page.tail()->state(), TailReader::State::Running);
        QTRY_COMPARE(page.model()->rowCount(), 2);
    }
};

QTEST_MAIN(TestRecordsPage)
#include "tst_recordspage.moc"
