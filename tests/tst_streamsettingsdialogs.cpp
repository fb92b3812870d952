// StreamModeDialog and MaxRecordSizeDialog: each shows the current setting, offers only a real
// change, applies it through the backend (UpdateStreamMode by ARN, UpdateMaxRecordSize) and
// shows a refused call inline without closing.

#include "dialogs/inlineerrorlabel.h"
#include "dialogs/streamsettingsdialogs.h"
#include "dialogtesthelpers.h"
#include "expectedassert.h"

#include <QLabel>
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

class TestStreamSettingsDialogs final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void modeOffersTheOtherModeAndSwitches();
    void modeSwitchesBackToProvisioned();
    void modeReadOnlyShowsTheErrorInline();
    void maxRecordSizeShowsCurrentAndApplies();
    void maxRecordSizeOutOfRangeIsExplained_data();
    void maxRecordSizeOutOfRangeIsExplained();
    void maxRecordSizeReadOnlyShowsTheErrorInline();
    void missingStreamIsReportedInline();

private:
    StreamDescriptionSummary summary();

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
};

void TestStreamSettingsDialogs::initTestCase()
{
    pinEnglishLocale();
}

void TestStreamSettingsDialogs::init()
{
    QVERIFY(openEmulator(m_dir, m_engine, m_backend));
    VERIFY_OK(await(m_backend->createStream(CreateStreamRequest{u"s"_s, 2, {}, {}, {}})));
}

void TestStreamSettingsDialogs::cleanup()
{
    closeEmulator(m_dir, m_engine, m_backend);
}

StreamDescriptionSummary TestStreamSettingsDialogs::summary()
{
    return await(m_backend->describeStreamSummary(StreamTarget::byName(u"s"_s)))
        .value_or(StreamDescriptionSummary{});
}

void TestStreamSettingsDialogs::modeOffersTheOtherModeAndSwitches()
{
    StreamModeDialog dialog(m_backend.get(), u"s"_s);
    QSignalSpy changed(&dialog, &StreamModeDialog::streamModeChanged);
    dialog.open();
    auto *current = child<QLabel>(&dialog, u"currentModeLabel"_s);
    auto *provisioned = child<QRadioButton>(&dialog, u"provisionedRadio"_s);
    auto *onDemand = child<QRadioButton>(&dialog, u"onDemandRadio"_s);
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    QTRY_COMPARE(current->text(), u"Provisioned, 2 shards"_s);
    QVERIFY(onDemand->isChecked());
    QVERIFY(apply->isEnabled());
    QVERIFY(apply->isDefault());

    // Choosing the current mode is no change.
    QTest::mouseClick(provisioned, Qt::LeftButton);
    QVERIFY(!apply->isEnabled());
    QCOMPARE(child<QLabel>(&dialog, u"modeHintLabel"_s)->text(), u"The stream is already in this mode."_s);
    QTest::mouseClick(onDemand, Qt::LeftButton);
    QVERIFY(apply->isEnabled());

    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(1).value<StreamMode>(), StreamMode::OnDemand);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QTRY_COMPARE(summary().streamMode, StreamMode::OnDemand);
}

void TestStreamSettingsDialogs::modeSwitchesBackToProvisioned()
{
    VERIFY_OK(await(m_backend->updateStreamMode(
        UpdateStreamModeRequest{m_engine->streamArn(u"s"_s), StreamMode::OnDemand})));
    QTRY_COMPARE(summary().streamStatus, StreamStatus::Active);
    StreamModeDialog dialog(m_backend.get(), u"s"_s);
    QSignalSpy changed(&dialog, &StreamModeDialog::streamModeChanged);
    dialog.show();
    auto *provisioned = child<QRadioButton>(&dialog, u"provisionedRadio"_s);
    QTRY_VERIFY(provisioned->isChecked());
    QVERIFY(child<QLabel>(&dialog, u"currentModeLabel"_s)->text().startsWith(u"On-demand"_s));
    QTest::keyClick(provisioned, Qt::Key_Return);
    QTRY_COMPARE(changed.size(), 1);
    QTRY_COMPARE(summary().streamMode, StreamMode::Provisioned);
}

void TestStreamSettingsDialogs::modeReadOnlyShowsTheErrorInline()
{
    EmulatorBackend readOnly(*m_engine, EmulatorBackendOptions{u"ro"_s, true, 1});
    StreamModeDialog dialog(&readOnly, u"s"_s);
    QSignalSpy changed(&dialog, &StreamModeDialog::streamModeChanged);
    dialog.show();
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    QTRY_VERIFY(apply->isEnabled());
    const QString error = clickAndReadError(&dialog, apply);
    QVERIFY2(error.startsWith(u"AccessDeniedException: "_s), qPrintable(error));
    QVERIFY(dialog.isVisible());
    QVERIFY(apply->isEnabled());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(summary().streamMode, StreamMode::Provisioned);
}

void TestStreamSettingsDialogs::maxRecordSizeShowsCurrentAndApplies()
{
    MaxRecordSizeDialog dialog(m_backend.get(), u"s"_s);
    QSignalSpy changed(&dialog, &MaxRecordSizeDialog::maxRecordSizeChanged);
    dialog.open();
    auto *current = child<QLabel>(&dialog, u"currentSizeLabel"_s);
    auto *spin = child<QSpinBox>(&dialog, u"maxRecordSizeSpin"_s);
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    QTRY_COMPARE(current->text(), u"1,024 KiB (1.0 MiB)"_s);
    QCOMPARE(spin->value(), 1024);
    QVERIFY(!apply->isEnabled()); // unchanged
    typeValue(spin, 2048);
    QCOMPARE(child<QLabel>(&dialog, u"equivalentLabel"_s)->text(), u"= 2.0 MiB"_s);
    QVERIFY(apply->isEnabled());
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(1).toInt(), 2048);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QTRY_COMPARE(summary().maxRecordSizeInKiB, 2048);
}

void TestStreamSettingsDialogs::maxRecordSizeOutOfRangeIsExplained_data()
{
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("1023") << 1023 << u"1,023 KiB is out of range: choose from 1,024 to 10,240 KiB (1 to 10 MiB)."_s;
    QTest::newRow("10241") << 10241 << u"10,241 KiB is out of range: choose from 1,024 to 10,240 KiB (1 to 10 MiB)."_s;
    QTest::newRow("10240") << 10240 << QString();
}

void TestStreamSettingsDialogs::maxRecordSizeOutOfRangeIsExplained()
{
    QFETCH(int, value);
    QFETCH(QString, expected);
    MaxRecordSizeDialog dialog(m_backend.get(), u"s"_s);
    dialog.show();
    auto *spin = child<QSpinBox>(&dialog, u"maxRecordSizeSpin"_s);
    auto *error = child<InlineErrorLabel>(&dialog, u"maxRecordSizeError"_s);
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    QTRY_VERIFY(spin->isEnabled());
    typeValue(spin, value);
    QCOMPARE(spin->value(), value);
    if (expected.isEmpty()) {
        QVERIFY(!error->isVisible());
        QVERIFY(apply->isEnabled());
    } else {
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), expected);
        QVERIFY(!apply->isEnabled());
        QTest::keyClick(spin, Qt::Key_Return);
        QTest::qWait(50);
        QVERIFY(dialog.isVisible());
        QCOMPARE(summary().maxRecordSizeInKiB, 1024);
    }
}

void TestStreamSettingsDialogs::maxRecordSizeReadOnlyShowsTheErrorInline()
{
    EmulatorBackend readOnly(*m_engine, EmulatorBackendOptions{u"ro"_s, true, 1});
    MaxRecordSizeDialog dialog(&readOnly, u"s"_s);
    QSignalSpy changed(&dialog, &MaxRecordSizeDialog::maxRecordSizeChanged);
    dialog.show();
    auto *spin = child<QSpinBox>(&dialog, u"maxRecordSizeSpin"_s);
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    QTRY_VERIFY(spin->isEnabled());
    typeValue(spin, 4096);
    const QString error = clickAndReadError(&dialog, apply);
    QVERIFY2(error.startsWith(u"AccessDeniedException: "_s), qPrintable(error));
    QVERIFY(dialog.isVisible());
    QCOMPARE(spin->value(), 4096); // kept for another try
    QCOMPARE(changed.size(), 0);
    QCOMPARE(summary().maxRecordSizeInKiB, 1024);
}

void TestStreamSettingsDialogs::missingStreamIsReportedInline()
{
    StreamModeDialog mode(m_backend.get(), u"ghost"_s);
    MaxRecordSizeDialog size(m_backend.get(), u"ghost"_s);
    mode.show();
    size.show();
    for (QDialog *dialog : {static_cast<QDialog *>(&mode), static_cast<QDialog *>(&size)}) {
        auto *error = child<InlineErrorLabel>(dialog, u"errorLabel"_s);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(u"ResourceNotFoundException: "_s), qPrintable(error->text()));
        QVERIFY(!child<QPushButton>(dialog, u"applyButton"_s)->isEnabled());
    }
}

QTEST_MAIN(TestStreamSettingsDialogs)
#include "tst_streamsettingsdialogs.moc"
