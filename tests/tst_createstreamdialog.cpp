// CreateStreamDialog: the name is checked as it is typed, the account's shard limit bounds the
// shard count, a valid form creates the stream in the engine, and a refused create (the name
// exists, a read-only connection) shows the backend's error inline without losing the form.

#include "dialogs/createstreamdialog.h"
#include "dialogs/inlineerrorlabel.h"
#include "dialogtesthelpers.h"
#include "expectedassert.h"
#include "slowbackend.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

class TestCreateStreamDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void invalidNameIsExplainedAndBlocksCreate_data();
    void invalidNameIsExplainedAndBlocksCreate();
    void untouchedEmptyNameIsCalm();
    void showsShardsLeftAndBoundsTheCount();
    void createsAProvisionedStream();
    void enterCreatesAndEscapeCancels();
    void createsAnOnDemandStreamWithMaxRecordSize();
    void maxRecordSizeOutOfRangeIsExplained();
    void existingNameShowsBesideTheNameAndKeepsTheForm();
    void noShardsLeftBlocksProvisionedOnly();
    void readOnlyConnectionShowsTheErrorInline();
    void slowBackendNeverFreezesTheDialog();

private:
    // QTest::keyClicks takes ASCII only; other characters arrive as typed text, as from an IME.
    static void type(QWidget *widget, const QString &text)
    {
        for (const QChar c : text) {
            if (c.unicode() < 0x80)
                QTest::keyClick(widget, char(c.unicode()));
            else
                QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
        }
    }


    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
};

void TestCreateStreamDialog::initTestCase()
{
    pinEnglishLocale();
}

void TestCreateStreamDialog::init()
{
    QVERIFY(openEmulator(m_dir, m_engine, m_backend));
}

void TestCreateStreamDialog::cleanup()
{
    closeEmulator(m_dir, m_engine, m_backend);
}

void TestCreateStreamDialog::invalidNameIsExplainedAndBlocksCreate_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("space") << u"my stream"_s << u"contains a space, which is not allowed"_s;
    QTest::newRow("slash") << u"a/b"_s << u"contains “/”, which is not allowed"_s;
    QTest::newRow("two") << u"a/b:c/"_s << u"contains “/” and “:”, which are not allowed"_s;
    QTest::newRow("umlaut") << u"grün"_s << u"contains “ü”"_s;
    QTest::newRow("too long") << QString(129, u'x') << u"129 characters long; at most 128"_s;
}

void TestCreateStreamDialog::invalidNameIsExplainedAndBlocksCreate()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    CreateStreamDialog dialog(m_backend.get());
    dialog.show();
    auto *name = child<QLineEdit>(&dialog, u"streamNameEdit"_s);
    auto *error = child<InlineErrorLabel>(&dialog, u"streamNameError"_s);
    auto *create = child<QPushButton>(&dialog, u"createButton"_s);
    QVERIFY(name && error && create);

    type(name, typed);
    QCOMPARE(name->text(), typed);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(expected), qPrintable(error->text()));
    QVERIFY(!create->isEnabled());

    // Fixing the name clears the message and enables Create.
    name->selectAll();
    QTest::keyClicks(name, u"good-name_1.0"_s);
    QVERIFY(!error->isVisible());
    QTRY_VERIFY(create->isEnabled());

    // Clearing it says what is missing.
    name->clear();
    QTest::keyClick(name, Qt::Key_A);
    QTest::keyClick(name, Qt::Key_Backspace);
    QVERIFY(error->text().contains(u"Enter a name"_s));
    QVERIFY(!create->isEnabled());
}

void TestCreateStreamDialog::untouchedEmptyNameIsCalm()
{
    CreateStreamDialog dialog(m_backend.get());
    dialog.show();
    auto *error = child<InlineErrorLabel>(&dialog, u"streamNameError"_s);
    auto *create = child<QPushButton>(&dialog, u"createButton"_s);
    QVERIFY(error && create);
    QVERIFY(!error->isVisible());
    QVERIFY(!create->isEnabled());
    QVERIFY(create->isDefault());
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(QApplication::focusWidget(), dialog.findChild<QLineEdit *>(u"streamNameEdit"_s));
}

void TestCreateStreamDialog::showsShardsLeftAndBoundsTheCount()
{
    VERIFY_OK(await(m_backend->createStream(CreateStreamRequest{u"existing"_s, 3, {}, {}, {}})));
    CreateStreamDialog dialog(m_backend.get());
    dialog.show();
    auto *limit = child<QLabel>(&dialog, u"shardLimitLabel"_s);
    auto *shards = child<QSpinBox>(&dialog, u"shardCountSpin"_s);
    QVERIFY(limit && shards);
    QTRY_COMPARE(limit->text(), u"497 of 500 shards left in this account"_s);
    QCOMPARE(shards->maximum(), 497);

    auto *onDemand = child<QRadioButton>(&dialog, u"onDemandRadio"_s);
    QTest::mouseClick(onDemand, Qt::LeftButton);
    QVERIFY(onDemand->isChecked());
    QCOMPARE(limit->text(), u"50 of 50 on-demand streams left in this account"_s);
    QVERIFY(!shards->isEnabled());
}

void TestCreateStreamDialog::createsAProvisionedStream()
{
    CreateStreamDialog dialog(m_backend.get());
    QSignalSpy created(&dialog, &CreateStreamDialog::streamCreated);
    dialog.open();
    auto *name = child<QLineEdit>(&dialog, u"streamNameEdit"_s);
    auto *shards = child<QSpinBox>(&dialog, u"shardCountSpin"_s);
    auto *create = child<QPushButton>(&dialog, u"createButton"_s);
    QVERIFY(name && shards && create);
    QTest::keyClicks(name, u"orders"_s);
    shards->selectAll();
    QTest::keyClicks(shards, u"3"_s);
    QCOMPARE(shards->value(), 3);
    QTRY_VERIFY(create->isEnabled());
    QTest::mouseClick(create, Qt::LeftButton);

    QTRY_COMPARE(created.size(), 1);
    QCOMPARE(created.first().first().toString(), u"orders"_s);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    const auto summary = await(m_backend->describeStreamSummary(StreamTarget::byName(u"orders"_s)));
    VERIFY_OK(summary);
    QCOMPARE(summary->openShardCount, 3);
    QCOMPARE(summary->streamMode, StreamMode::Provisioned);
    QCOMPARE(summary->maxRecordSizeInKiB, 1024);
}

void TestCreateStreamDialog::enterCreatesAndEscapeCancels()
{
    {
        CreateStreamDialog dialog(m_backend.get());
        QSignalSpy created(&dialog, &CreateStreamDialog::streamCreated);
        dialog.show();
        auto *name = child<QLineEdit>(&dialog, u"streamNameEdit"_s);
        QVERIFY(name);
        QTest::keyClicks(name, u"by-keyboard"_s);
        QTest::keyClick(name, Qt::Key_Return);
        QTRY_COMPARE(created.size(), 1);
        VERIFY_OK(await(m_backend->describeStreamSummary(StreamTarget::byName(u"by-keyboard"_s))));
    }
    {
        CreateStreamDialog dialog(m_backend.get());
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        dialog.show();
        auto *name = child<QLineEdit>(&dialog, u"streamNameEdit"_s);
        QTest::keyClicks(name, u"never"_s);
        QTest::keyClick(name, Qt::Key_Escape);
        QCOMPARE(rejected.size(), 1);
        QVERIFY(!dialog.isVisible());
        QTest::qWait(50);
        VERIFY_ERROR(await(m_backend->describeStreamSummary(StreamTarget::byName(u"never"_s))),
                     ErrorType::ResourceNotFound);
    }
}

void TestCreateStreamDialog::createsAnOnDemandStreamWithMaxRecordSize()
{
    CreateStreamDialog dialog(m_backend.get());
    QSignalSpy created(&dialog, &CreateStreamDialog::streamCreated);
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, u"streamNameEdit"_s), u"clicks"_s);
    QTest::mouseClick(child<QRadioButton>(&dialog, u"onDemandRadio"_s), Qt::LeftButton);
    auto *check = child<QCheckBox>(&dialog, u"maxRecordSizeCheck"_s);
    auto *size = child<QSpinBox>(&dialog, u"maxRecordSizeSpin"_s);
    QVERIFY(!size->isEnabled());
    QTest::mouseClick(check, Qt::LeftButton);
    QVERIFY(check->isChecked());
    QVERIFY(size->isEnabled());
    size->selectAll();
    QTest::keyClicks(size, u"4096"_s);
    auto *create = child<QPushButton>(&dialog, u"createButton"_s);
    QTRY_VERIFY(create->isEnabled());
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_COMPARE(created.size(), 1);

    const auto summary = await(m_backend->describeStreamSummary(StreamTarget::byName(u"clicks"_s)));
    VERIFY_OK(summary);
    QCOMPARE(summary->streamMode, StreamMode::OnDemand);
    QCOMPARE(summary->maxRecordSizeInKiB, 4096);
}

void TestCreateStreamDialog::maxRecordSizeOutOfRangeIsExplained()
{
    CreateStreamDialog dialog(m_backend.get());
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, u"streamNameEdit"_s), u"s"_s);
    auto *create = child<QPushButton>(&dialog, u"createButton"_s);
    QTRY_VERIFY(create->isEnabled());
    QTest::mouseClick(child<QCheckBox>(&dialog, u"maxRecordSizeCheck"_s), Qt::LeftButton);
    auto *size = child<QSpinBox>(&dialog, u"maxRecordSizeSpin"_s);
    auto *error = child<InlineErrorLabel>(&dialog, u"maxRecordSizeError"_s);
    size->selectAll();
    QTest::keyClicks(size, u"512"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"512 KiB is out of range"_s), qPrintable(error->text()));
    QVERIFY(!create->isEnabled());
    size->selectAll();
    QTest::keyClicks(size, u"10240"_s);
    QVERIFY(!error->isVisible());
    QVERIFY(create->isEnabled());
    // Unchecking drops the setting and its complaint.
    size->selectAll();
    QTest::keyClicks(size, u"20000"_s);
    QVERIFY(!create->isEnabled());
    QTest::mouseClick(child<QCheckBox>(&dialog, u"maxRecordSizeCheck"_s), Qt::LeftButton);
    QVERIFY(!error->isVisible());
    QVERIFY(create->isEnabled());
}

void TestCreateStreamDialog::existingNameShowsBesideTheNameAndKeepsTheForm()
{
    VERIFY_OK(await(m_backend->createStream(CreateStreamRequest{u"orders"_s, 2, {}, {}, {}})));
    CreateStreamDialog dialog(m_backend.get());
    QSignalSpy created(&dialog, &CreateStreamDialog::streamCreated);
    dialog.show();
    auto *name = child<QLineEdit>(&dialog, u"streamNameEdit"_s);
    auto *shards = child<QSpinBox>(&dialog, u"shardCountSpin"_s);
    auto *nameError = child<InlineErrorLabel>(&dialog, u"streamNameError"_s);
    auto *create = child<QPushButton>(&dialog, u"createButton"_s);
    auto *general = child<InlineErrorLabel>(&dialog, u"errorLabel"_s);
    QTest::keyClicks(name, u"orders"_s);
    shards->selectAll();
    QTest::keyClicks(shards, u"5"_s);
    QTRY_VERIFY(create->isEnabled());
    QTest::mouseClick(create, Qt::LeftButton);

    QTRY_VERIFY(nameError->isVisible());
    QVERIFY2(nameError->text().startsWith(u"ResourceInUseException: "_s), qPrintable(nameError->text()));
    QVERIFY(nameError->text().contains(u"already exists"_s));
    QVERIFY(!general->isVisible());
    QVERIFY(dialog.isVisible());
    QCOMPARE(created.size(), 0);
    QCOMPARE(name->text(), u"orders"_s);
    QCOMPARE(shards->value(), 5);
    QVERIFY(!create->isEnabled()); // the same name would only fail again

    // The existing stream is untouched.
    const auto summary = await(m_backend->describeStreamSummary(StreamTarget::byName(u"orders"_s)));
    VERIFY_OK(summary);
    QCOMPARE(summary->openShardCount, 2);

    QTest::keyClick(name, Qt::Key_End); // the name was selected for retyping
    QTest::keyClicks(name, u"-v2"_s);
    QVERIFY(!nameError->isVisible());
    QVERIFY(create->isEnabled());
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_COMPARE(created.size(), 1);
    const auto second = await(m_backend->describeStreamSummary(StreamTarget::byName(u"orders-v2"_s)));
    VERIFY_OK(second);
    QCOMPARE(second->openShardCount, 5);
}

void TestCreateStreamDialog::noShardsLeftBlocksProvisionedOnly()
{
    QTemporaryDir dir;
    EngineOptions options;
    options.databasePath = dir.filePath(u"small.db"_s);
    options.createDelayMs = 0;
    options.shardLimit = 2;
    auto engine = Engine::open(options);
    VERIFY_OK(engine);
    EmulatorBackend backend(**engine);
    VERIFY_OK(await(backend.createStream(CreateStreamRequest{u"full"_s, 2, {}, {}, {}})));

    CreateStreamDialog dialog(&backend);
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, u"streamNameEdit"_s), u"more"_s);
    auto *capacity = child<InlineErrorLabel>(&dialog, u"capacityError"_s);
    auto *create = child<QPushButton>(&dialog, u"createButton"_s);
    QTRY_VERIFY(capacity->isVisible());
    QVERIFY2(capacity->text().contains(u"no shards left"_s), qPrintable(capacity->text()));
    QVERIFY(!create->isEnabled());

    QTest::mouseClick(child<QRadioButton>(&dialog, u"onDemandRadio"_s), Qt::LeftButton);
    QVERIFY(!capacity->isVisible());
    QVERIFY(create->isEnabled());
    QTest::mouseClick(child<QRadioButton>(&dialog, u"provisionedRadio"_s), Qt::LeftButton);
    QVERIFY(!create->isEnabled());
}

void TestCreateStreamDialog::readOnlyConnectionShowsTheErrorInline()
{
    EmulatorBackend readOnly(*m_engine, EmulatorBackendOptions{u"ro"_s, true, 1});
    CreateStreamDialog dialog(&readOnly);
    QSignalSpy created(&dialog, &CreateStreamDialog::streamCreated);
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, u"streamNameEdit"_s), u"nope"_s);
    auto *create = child<QPushButton>(&dialog, u"createButton"_s);
    QTRY_VERIFY(create->isEnabled());
    const QString error = clickAndReadError(&dialog, create);
    QVERIFY2(error.startsWith(u"AccessDeniedException: "_s), qPrintable(error));
    QVERIFY(dialog.isVisible());
    QVERIFY(create->isEnabled()); // it may be retried
    QCOMPARE(created.size(), 0);
    const auto streams = await(m_backend->listAllStreams());
    VERIFY_OK(streams);
    QVERIFY(streams->isEmpty());
}

void TestCreateStreamDialog::slowBackendNeverFreezesTheDialog()
{
    SlowBackend slow(*m_backend, 300);
    CreateStreamDialog dialog(&slow);
    QSignalSpy created(&dialog, &CreateStreamDialog::streamCreated);
    dialog.show();
    auto *name = child<QLineEdit>(&dialog, u"streamNameEdit"_s);
    auto *limit = child<QLabel>(&dialog, u"shardLimitLabel"_s);
    auto *create = child<QPushButton>(&dialog, u"createButton"_s);
    // The form works while the account's limits are still on their way.
    QCOMPARE(limit->text(), u"Checking the account's limits…"_s);
    QTest::keyClicks(name, u"slow"_s);
    QVERIFY(create->isEnabled());
    QTRY_COMPARE(limit->text(), u"500 of 500 shards left in this account"_s);

    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(create, Qt::LeftButton);
    QVERIFY(clock.elapsed() < 200); // the click returned at once
    QVERIFY(!create->isEnabled());  // in flight: no second create
    QCOMPARE(create->text(), u"Creating…"_s);
    QTest::keyClick(name, Qt::Key_Return);
    QTest::keyClicks(name, u"-still-typing"_s); // the window still takes input
    QCOMPARE(name->text(), u"slow-still-typing"_s);
    QTRY_COMPARE(created.size(), 1);
    QCOMPARE(created.first().first().toString(), u"slow"_s);
    VERIFY_OK(await(m_backend->describeStreamSummary(StreamTarget::byName(u"slow"_s))));
    const auto streams = await(m_backend->listAllStreams());
    VERIFY_OK(streams);
    QCOMPARE(streams->size(), 1);
}

QTEST_MAIN(TestCreateStreamDialog)
#include "tst_createstreamdialog.moc"
