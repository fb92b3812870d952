// DeleteStreamDialog: shows what goes with the stream (open shards, records and bytes, the
// consumers deregistered with it), enables Delete only once the name is typed exactly, deletes
// through the backend (forcing consumer deregistration when there are consumers), and shows a
// refused delete inline without closing. A slow backend never freezes it.

#include "dialogs/deletestreamdialog.h"
#include "dialogs/inlineerrorlabel.h"
#include "dialogtesthelpers.h"
#include "expectedassert.h"
#include "slowbackend.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

class TestDeleteStreamDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsWhatGoes();
    void deleteNeedsTheExactName_data();
    void deleteNeedsTheExactName();
    void deletesTheStream();
    void consumersAreListedAndGoWithTheStream();
    void escapeCancelsAndKeepsTheStream();
    void missingStreamIsReportedInline();
    void readOnlyConnectionShowsTheErrorInline();
    void slowBackendNeverFreezesTheDialog();

private:
    bool streamExists(const QString &name);

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
};

void TestDeleteStreamDialog::initTestCase()
{
    pinEnglishLocale();
}

void TestDeleteStreamDialog::init()
{
    QVERIFY(openEmulator(m_dir, m_engine, m_backend));
    VERIFY_OK(await(m_backend->createStream(CreateStreamRequest{u"orders"_s, 3, {}, {}, {}})));
    const StreamTarget target = StreamTarget::byName(u"orders"_s);
    for (const QByteArray &data : {"aaaa"_ba, "bbbbbb"_ba, "cc"_ba, "d"_ba, "eeeeeeeeee"_ba})
        VERIFY_OK(await(m_backend->putRecord(PutRecordRequest{target, data, QString::fromLatin1(data), {}, {}})));
}

void TestDeleteStreamDialog::cleanup()
{
    closeEmulator(m_dir, m_engine, m_backend);
}

bool TestDeleteStreamDialog::streamExists(const QString &name)
{
    const auto streams = await(m_backend->listAllStreams());
    if (!streams)
        return false;
    for (const StreamSummary &stream : *streams) {
        if (stream.streamName == name)
            return true;
    }
    return false;
}

void TestDeleteStreamDialog::showsWhatGoes()
{
    DeleteStreamDialog dialog(m_backend.get(), u"orders"_s);
    dialog.show();
    auto *shards = child<QLabel>(&dialog, u"openShardsLabel"_s);
    auto *records = child<QLabel>(&dialog, u"recordsLabel"_s);
    auto *consumers = child<QLabel>(&dialog, u"consumersLabel"_s);
    QVERIFY(shards && records && consumers);
    QTRY_COMPARE(shards->text(), u"3 shards"_s);
    QTRY_COMPARE(records->text(), u"5 records (23 bytes)"_s);
    QCOMPARE(consumers->text(), u"None registered"_s);
    QVERIFY(!child<QListWidget>(&dialog, u"consumersList"_s)->isVisible());
    QVERIFY(child<QLabel>(&dialog, u"headingLabel"_s)->text().contains(u"“orders”"_s));
}

void TestDeleteStreamDialog::deleteNeedsTheExactName_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("enabled");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("prefix") << u"order"_s << false;
    QTest::newRow("case") << u"Orders"_s << false;
    QTest::newRow("trailing space") << u"orders "_s << false;
    QTest::newRow("exact") << u"orders"_s << true;
}

void TestDeleteStreamDialog::deleteNeedsTheExactName()
{
    QFETCH(QString, typed);
    QFETCH(bool, enabled);
    DeleteStreamDialog dialog(m_backend.get(), u"orders"_s);
    dialog.show();
    auto *confirm = child<QLineEdit>(&dialog, u"confirmNameEdit"_s);
    auto *remove = child<QPushButton>(&dialog, u"deleteButton"_s);
    QVERIFY(confirm && remove);
    QTRY_COMPARE(child<QLabel>(&dialog, u"openShardsLabel"_s)->text(), u"3 shards"_s);
    QVERIFY(!remove->isEnabled());
    QTest::keyClicks(confirm, typed);
    QCOMPARE(remove->isEnabled(), enabled);
    // Enter presses Delete only when it is enabled.
    QSignalSpy deleted(&dialog, &DeleteStreamDialog::streamDeleted);
    QTest::keyClick(confirm, Qt::Key_Return);
    if (enabled)
        QTRY_COMPARE(deleted.size(), 1);
    else
        QTest::qWait(50);
    QCOMPARE(streamExists(u"orders"_s), !enabled);
}

void TestDeleteStreamDialog::deletesTheStream()
{
    DeleteStreamDialog dialog(m_backend.get(), u"orders"_s);
    QSignalSpy deleted(&dialog, &DeleteStreamDialog::streamDeleted);
    dialog.open();
    auto *remove = child<QPushButton>(&dialog, u"deleteButton"_s);
    QTest::keyClicks(child<QLineEdit>(&dialog, u"confirmNameEdit"_s), u"orders"_s);
    QTRY_VERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_COMPARE(deleted.size(), 1);
    QCOMPARE(deleted.first().first().toString(), u"orders"_s);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QTRY_VERIFY(!streamExists(u"orders"_s));
}

void TestDeleteStreamDialog::consumersAreListedAndGoWithTheStream()
{
    const QString arn = m_engine->streamArn(u"orders"_s);
    VERIFY_OK(m_engine->registerStreamConsumer(RegisterStreamConsumerRequest{arn, u"billing"_s, {}}));
    VERIFY_OK(m_engine->registerStreamConsumer(RegisterStreamConsumerRequest{arn, u"audit"_s, {}}));
    // Without forcing, the backend refuses to delete a stream with consumers.
    VERIFY_ERROR(await(m_backend->deleteStream(DeleteStreamRequest{StreamTarget::byName(u"orders"_s), false})),
                 ErrorType::ResourceInUse);

    DeleteStreamDialog dialog(m_backend.get(), u"orders"_s);
    QSignalSpy deleted(&dialog, &DeleteStreamDialog::streamDeleted);
    dialog.show();
    auto *label = child<QLabel>(&dialog, u"consumersLabel"_s);
    auto *list = child<QListWidget>(&dialog, u"consumersList"_s);
    QTRY_COMPARE(list->count(), 2);
    QVERIFY(list->isVisible());
    QStringList names{list->item(0)->text(), list->item(1)->text()};
    names.sort();
    QCOMPARE(names, (QStringList{u"audit"_s, u"billing"_s}));
    QCOMPARE(label->text(), u"2 enhanced fan-out consumers — deregistered with the stream"_s);

    QTest::keyClicks(child<QLineEdit>(&dialog, u"confirmNameEdit"_s), u"orders"_s);
    QTest::mouseClick(child<QPushButton>(&dialog, u"deleteButton"_s), Qt::LeftButton);
    QTRY_COMPARE(deleted.size(), 1);
    QTRY_VERIFY(!streamExists(u"orders"_s));
}

void TestDeleteStreamDialog::escapeCancelsAndKeepsTheStream()
{
    DeleteStreamDialog dialog(m_backend.get(), u"orders"_s);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    dialog.show();
    auto *confirm = child<QLineEdit>(&dialog, u"confirmNameEdit"_s);
    QTest::keyClicks(confirm, u"orders"_s);
    QTest::keyClick(confirm, Qt::Key_Escape);
    QCOMPARE(rejected.size(), 1);
    QVERIFY(!dialog.isVisible());
    QTest::qWait(50);
    QVERIFY(streamExists(u"orders"_s));
}

void TestDeleteStreamDialog::missingStreamIsReportedInline()
{
    DeleteStreamDialog dialog(m_backend.get(), u"ghost"_s);
    dialog.show();
    auto *error = child<InlineErrorLabel>(&dialog, u"errorLabel"_s);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(u"ResourceNotFoundException: "_s), qPrintable(error->text()));
    QCOMPARE(child<QLabel>(&dialog, u"openShardsLabel"_s)->text(), u"Unknown"_s);
}

void TestDeleteStreamDialog::readOnlyConnectionShowsTheErrorInline()
{
    EmulatorBackend readOnly(*m_engine, EmulatorBackendOptions{u"ro"_s, true, 1});
    DeleteStreamDialog dialog(&readOnly, u"orders"_s);
    QSignalSpy deleted(&dialog, &DeleteStreamDialog::streamDeleted);
    dialog.show();
    auto *remove = child<QPushButton>(&dialog, u"deleteButton"_s);
    QTest::keyClicks(child<QLineEdit>(&dialog, u"confirmNameEdit"_s), u"orders"_s);
    QTRY_VERIFY(remove->isEnabled());
    const QString error = clickAndReadError(&dialog, remove);
    QVERIFY2(error.startsWith(u"AccessDeniedException: "_s), qPrintable(error));
    QVERIFY(dialog.isVisible());
    QVERIFY(remove->isEnabled());
    QCOMPARE(deleted.size(), 0);
    QVERIFY(streamExists(u"orders"_s));
}

void TestDeleteStreamDialog::slowBackendNeverFreezesTheDialog()
{
    SlowBackend slow(*m_backend, 300);
    DeleteStreamDialog dialog(&slow, u"orders"_s);
    QSignalSpy deleted(&dialog, &DeleteStreamDialog::streamDeleted);
    dialog.show();
    auto *remove = child<QPushButton>(&dialog, u"deleteButton"_s);
    auto *confirm = child<QLineEdit>(&dialog, u"confirmNameEdit"_s);
    // Typing works while the summary is still on its way; Delete waits for it.
    QTest::keyClicks(confirm, u"orders"_s);
    QCOMPARE(confirm->text(), u"orders"_s);
    QVERIFY(!remove->isEnabled());
    QTRY_VERIFY(remove->isEnabled());

    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(clock.elapsed() < 200); // the click returned at once
    QVERIFY(!remove->isEnabled());  // in flight
    QCOMPARE(remove->text(), u"Deleting…"_s);
    QVERIFY(dialog.isVisible());
    QTRY_COMPARE(deleted.size(), 1);
    QTRY_VERIFY(!streamExists(u"orders"_s));
}

QTEST_MAIN(TestDeleteStreamDialog)
#include "tst_deletestreamdialog.moc"
