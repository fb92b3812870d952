// The control-plane dialogs: EnhancedMonitoringDialog (a checkbox per shard-level metric and
// one for all, applied as enable/disable of the differences), WarmThroughputDialog (on-demand
// only, AWS's range), ResourcePolicyDialog (a JSON editor checked before anything is sent) and
// AccountSettingsDialog (the billing commitment). Each is driven as a user would and the engine's
// state is read back through the backend; a read-only connection's refusal shows inline.

#include "dialogs/accountsettingsdialog.h"
#include "dialogs/enhancedmonitoringdialog.h"
#include "dialogs/inlineerrorlabel.h"
#include "dialogs/resourcepolicydialog.h"
#include "dialogs/warmthroughputdialog.h"
#include "dialogtesthelpers.h"
#include "expectedassert.h"

#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

class TestControlPlaneDialogs final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void monitoringEnablesAndDisablesTheDifferences();
    void monitoringAllChecksEveryMetric();
    void monitoringReadOnlyShowsTheErrorInline();
    void warmThroughputExplainsProvisionedStreams();
    void warmThroughputAppliesWithinAwsLimits();
    void warmThroughputWithoutCommitmentShowsTheError();
    void policyBadJsonShowsLineAndColumnAndSendsNothing();
    void policyRuleViolationsAreShownBeforeSending();
    void policyTemplateSavesAndDeletes();
    void policyReadOnlyShowsTheErrorInline();
    void accountSettingsEnableAndDisableTheCommitment();
    void accountSettingsReadOnlyShowsTheErrorInline();

private:
    StreamDescriptionSummary summary();
    QString arn() const { return m_engine->streamArn(u"s"_s); }
    int countCalls(const QSignalSpy &spy, const QString &operation) const;
    void makeOnDemand();

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
};

void TestControlPlaneDialogs::initTestCase()
{
    pinEnglishLocale();
}

void TestControlPlaneDialogs::init()
{
    QVERIFY(openEmulator(m_dir, m_engine, m_backend));
    VERIFY_OK(await(m_backend->createStream(CreateStreamRequest{u"s"_s, 2, {}, {}, {}})));
}

void TestControlPlaneDialogs::cleanup()
{
    closeEmulator(m_dir, m_engine, m_backend);
}

StreamDescriptionSummary TestControlPlaneDialogs::summary()
{
    return await(m_backend->describeStreamSummary(StreamTarget::byName(u"s"_s)))
        .value_or(StreamDescriptionSummary{});
}

int TestControlPlaneDialogs::countCalls(const QSignalSpy &spy, const QString &operation) const
{
    int n = 0;
    for (const auto &call : spy) {
        if (call.at(0).value<BackendCall>().operation == operation)
            ++n;
    }
    return n;
}

void TestControlPlaneDialogs::makeOnDemand()
{
    VERIFY_OK(await(m_backend->updateStreamMode(UpdateStreamModeRequest{arn(), StreamMode::OnDemand})));
    QTRY_COMPARE(summary().streamStatus, StreamStatus::Active);
}

void TestControlPlaneDialogs::monitoringEnablesAndDisablesTheDifferences()
{
    VERIFY_OK(await(m_backend->enableEnhancedMonitoring(EnhancedMonitoringRequest{
        StreamTarget::byName(u"s"_s), {u"IncomingBytes"_s, u"IteratorAgeMilliseconds"_s}})));
    QTRY_COMPARE(summary().streamStatus, StreamStatus::Active);
    EnhancedMonitoringDialog dialog(m_backend.get(), u"s"_s);
    QSignalSpy changed(&dialog, &EnhancedMonitoringDialog::enhancedMonitoringChanged);
    dialog.show();
    auto *current = child<QLabel>(&dialog, u"currentMetricsLabel"_s);
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    auto *incoming = child<QCheckBox>(&dialog, u"metricIncomingBytes"_s);
    auto *outgoing = child<QCheckBox>(&dialog, u"metricOutgoingRecords"_s);
    auto *age = child<QCheckBox>(&dialog, u"metricIteratorAgeMilliseconds"_s);
    QTRY_COMPARE(current->text(), u"IncomingBytes, IteratorAgeMilliseconds"_s);
    QVERIFY(incoming->isChecked() && age->isChecked() && !outgoing->isChecked());
    QVERIFY(!child<QCheckBox>(&dialog, u"allMetricsCheck"_s)->isChecked());
    QVERIFY(!apply->isEnabled()); // nothing changed yet

    // One more on, one off: an enable and a disable of exactly those.
    QSignalSpy calls(m_backend.get(), &StreamBackend::callStarted);
    QTest::mouseClick(outgoing, Qt::LeftButton);
    QTest::mouseClick(age, Qt::LeftButton);
    QVERIFY(apply->isEnabled());
    // Back and forth is no change.
    QTest::mouseClick(age, Qt::LeftButton);
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(age, Qt::LeftButton);
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(1).toStringList(),
             (QStringList{u"IncomingBytes"_s, u"OutgoingRecords"_s}));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(countCalls(calls, u"EnableEnhancedMonitoring"_s), 1);
    QCOMPARE(countCalls(calls, u"DisableEnhancedMonitoring"_s), 1);
    QCOMPARE(summary().shardLevelMetrics, (QStringList{u"IncomingBytes"_s, u"OutgoingRecords"_s}));
}

void TestControlPlaneDialogs::monitoringAllChecksEveryMetric()
{
    EnhancedMonitoringDialog dialog(m_backend.get(), u"s"_s);
    dialog.show();
    auto *all = child<QCheckBox>(&dialog, u"allMetricsCheck"_s);
    QTRY_COMPARE(child<QLabel>(&dialog, u"currentMetricsLabel"_s)->text(),
                 u"Off (stream-level metrics only)"_s);
    QTRY_VERIFY(all->isEnabled());
    QTest::mouseClick(all, Qt::LeftButton);
    QCOMPARE(dialog.chosenMetrics(), allShardLevelMetrics());
    // Clearing one metric clears "All"; checking it again sets it.
    auto *bytes = child<QCheckBox>(&dialog, u"metricOutgoingBytes"_s);
    QTest::mouseClick(bytes, Qt::LeftButton);
    QVERIFY(!all->isChecked());
    QTest::mouseClick(bytes, Qt::LeftButton);
    QVERIFY(all->isChecked());
    QTest::mouseClick(child<QPushButton>(&dialog, u"applyButton"_s), Qt::LeftButton);
    QTRY_COMPARE(summary().shardLevelMetrics, allShardLevelMetrics());
    QTRY_COMPARE(summary().streamStatus, StreamStatus::Active);

    // And all off again, in one DisableEnhancedMonitoring.
    EnhancedMonitoringDialog again(m_backend.get(), u"s"_s);
    again.show();
    auto *allAgain = child<QCheckBox>(&again, u"allMetricsCheck"_s);
    QTRY_VERIFY(allAgain->isChecked());
    QSignalSpy calls(m_backend.get(), &StreamBackend::callStarted);
    QTest::mouseClick(allAgain, Qt::LeftButton);
    QVERIFY(again.chosenMetrics().isEmpty());
    QTest::mouseClick(child<QPushButton>(&again, u"applyButton"_s), Qt::LeftButton);
    QTRY_COMPARE(again.result(), int(QDialog::Accepted));
    QCOMPARE(countCalls(calls, u"DisableEnhancedMonitoring"_s), 1);
    QCOMPARE(countCalls(calls, u"EnableEnhancedMonitoring"_s), 0);
    QVERIFY(summary().shardLevelMetrics.isEmpty());
}

void TestControlPlaneDialogs::monitoringReadOnlyShowsTheErrorInline()
{
    EmulatorBackend readOnly(*m_engine, EmulatorBackendOptions{u"ro"_s, true, 1});
    EnhancedMonitoringDialog dialog(&readOnly, u"s"_s);
    dialog.show();
    auto *incoming = child<QCheckBox>(&dialog, u"metricIncomingBytes"_s);
    QTRY_VERIFY(incoming->isEnabled());
    QTest::mouseClick(incoming, Qt::LeftButton);
    const QString error = clickAndReadError(&dialog, child<QPushButton>(&dialog, u"applyButton"_s));
    QVERIFY2(error.startsWith(u"AccessDeniedException: "_s), qPrintable(error));
    QVERIFY(dialog.isVisible());
    QVERIFY(summary().shardLevelMetrics.isEmpty());
}

void TestControlPlaneDialogs::warmThroughputExplainsProvisionedStreams()
{
    WarmThroughputDialog dialog(m_backend.get(), u"s"_s);
    dialog.show();
    auto *current = child<QLabel>(&dialog, u"currentWarmLabel"_s);
    QTRY_COMPARE(current->text(), u"None: the stream is provisioned."_s);
    QVERIFY(!child<QSpinBox>(&dialog, u"warmThroughputSpin"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, u"applyButton"_s)->isEnabled());
    QVERIFY(child<QLabel>(&dialog, u"warmHintLabel"_s)->text().startsWith(
        u"Warm throughput applies to on-demand streams only."_s));
}

void TestControlPlaneDialogs::warmThroughputAppliesWithinAwsLimits()
{
    makeOnDemand();
    VERIFY_OK(await(m_backend->updateAccountSettings(
        UpdateAccountSettingsRequest{BillingCommitmentStatus::Enabled})));
    WarmThroughputDialog dialog(m_backend.get(), u"s"_s);
    QSignalSpy changed(&dialog, &WarmThroughputDialog::warmThroughputChanged);
    dialog.show();
    auto *spin = child<QSpinBox>(&dialog, u"warmThroughputSpin"_s);
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    auto *valueError = child<InlineErrorLabel>(&dialog, u"warmThroughputError"_s);
    // The stream kept its 2 shards when it became on-demand: 2 MiB/s of writes.
    QTRY_COMPARE(child<QLabel>(&dialog, u"currentWarmLabel"_s)->text(),
                 u"None requested; the stream handles 2 MiB/s now"_s);
    QTRY_VERIFY(spin->isEnabled());
    QCOMPARE(spin->value(), 0);
    QVERIFY(!apply->isEnabled());

    // Over 10 GiB/s is explained next to the field and cannot be applied.
    typeValue(spin, 20000);
    QCOMPARE(spin->value(), 20000);
    QVERIFY(valueError->isVisible());
    QCOMPARE(valueError->text(),
             u"20,000 MiB/s is more than Kinesis allows: choose from 0 to 10,240 MiB/s (10 GiB/s)."_s);
    QVERIFY(!apply->isEnabled());

    // Kinesis's maximum is accepted.
    typeValue(spin, 10240);
    QVERIFY(!valueError->isVisible());
    QVERIFY(apply->isEnabled());
    // Applied: the emulator splits the stream until its shards carry the target.
    typeValue(spin, 40);
    QVERIFY(!valueError->isVisible());
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(1).toInt(), 40);
    QTRY_COMPARE(summary().streamStatus, StreamStatus::Active);
    QCOMPARE(summary().warmThroughput->targetMiBps, 40);
    QCOMPARE(summary().warmThroughput->currentMiBps, 40);
    QCOMPARE(summary().openShardCount, 40);

    WarmThroughputDialog again(m_backend.get(), u"s"_s);
    again.show();
    QTRY_COMPARE(child<QLabel>(&again, u"currentWarmLabel"_s)->text(),
                 u"Target 40 MiB/s, now 40 MiB/s"_s);
    QCOMPARE(child<QSpinBox>(&again, u"warmThroughputSpin"_s)->value(), 40);
}

void TestControlPlaneDialogs::warmThroughputWithoutCommitmentShowsTheError()
{
    makeOnDemand();
    WarmThroughputDialog dialog(m_backend.get(), u"s"_s);
    dialog.show();
    auto *spin = child<QSpinBox>(&dialog, u"warmThroughputSpin"_s);
    QTRY_VERIFY(spin->isEnabled());
    typeValue(spin, 100);
    const QString error = clickAndReadError(&dialog, child<QPushButton>(&dialog, u"applyButton"_s));
    QVERIFY2(error.startsWith(u"InvalidArgumentException: "_s), qPrintable(error));
    QVERIFY(dialog.isVisible());
    QVERIFY(!summary().warmThroughput->targetMiBps);
}

void TestControlPlaneDialogs::policyBadJsonShowsLineAndColumnAndSendsNothing()
{
    ResourcePolicyDialog dialog(m_backend.get(), u"s"_s);
    dialog.show();
    auto *editor = child<QPlainTextEdit>(&dialog, u"policyEdit"_s);
    auto *save = child<QPushButton>(&dialog, u"saveButton"_s);
    auto *policyError = child<InlineErrorLabel>(&dialog, u"policyError"_s);
    QTRY_COMPARE(child<QLabel>(&dialog, u"currentPolicyLabel"_s)->text(), u"None"_s);
    QTRY_VERIFY(editor->isEnabled());
    QVERIFY(!policyError->isVisible()); // an empty editor is calm
    QVERIFY(!child<QPushButton>(&dialog, u"deletePolicyButton"_s)->isEnabled());

    QSignalSpy calls(m_backend.get(), &StreamBackend::callStarted);
    editor->setFocus();
    const QStringList lines{u"{"_s, u"  \"Version\": \"2012-10-17\","_s, u"  \"Statement\": ["_s,
                            u"    {\"Effect\" \"Allow\"}"_s, u"  ]"_s, u"}"_s};
    for (const QString &line : lines) {
        QTest::keyClicks(editor, line);
        QTest::keyClick(editor, Qt::Key_Return);
    }
    QVERIFY(policyError->isVisible());
    QCOMPARE(policyError->text(), u"Line 4, column 16: missing name separator"_s);
    QVERIFY(!save->isEnabled());
    // Return does not send it either.
    QTest::keyClick(&dialog, Qt::Key_Return, Qt::ControlModifier);
    QTest::mouseClick(save, Qt::LeftButton);
    QTest::qWait(50);
    QCOMPARE(countCalls(calls, u"PutResourcePolicy"_s), 0);
    QVERIFY(dialog.isVisible());
    QCOMPARE(await(m_backend->getResourcePolicy(ResourcePolicyTarget{arn()}))->policy, u"{}"_s);
}

void TestControlPlaneDialogs::policyRuleViolationsAreShownBeforeSending()
{
    ResourcePolicyDialog dialog(m_backend.get(), u"s"_s);
    dialog.show();
    auto *editor = child<QPlainTextEdit>(&dialog, u"policyEdit"_s);
    auto *policyError = child<InlineErrorLabel>(&dialog, u"policyError"_s);
    QTRY_VERIFY(editor->isEnabled());
    editor->setPlainText(u"{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                         "\"Principal\": \"*\", \"Action\": \"kinesis:GetRecords\"}]}"_s);
    QCOMPARE(policyError->text(), u"Statement 1 has no Resource."_s);
    QVERIFY(!child<QPushButton>(&dialog, u"saveButton"_s)->isEnabled());
    editor->setPlainText(u"[1, 2]"_s);
    QCOMPARE(policyError->text(), u"The policy must be a JSON object."_s);
    QCOMPARE(ResourcePolicyDialog::problemWith(u"{\n\"Version\": \"2012-10-17\",\n  \"Statement\": \n"_s),
             u"Line 4, column 1: unterminated object"_s);
}

void TestControlPlaneDialogs::policyTemplateSavesAndDeletes()
{
    ResourcePolicyDialog dialog(m_backend.get(), u"s"_s);
    QSignalSpy changed(&dialog, &ResourcePolicyDialog::resourcePolicyChanged);
    dialog.show();
    auto *editor = child<QPlainTextEdit>(&dialog, u"policyEdit"_s);
    auto *save = child<QPushButton>(&dialog, u"saveButton"_s);
    QTRY_VERIFY(editor->isEnabled());
    QTest::mouseClick(child<QPushButton>(&dialog, u"templateButton"_s), Qt::LeftButton);
    const QString policy = editor->toPlainText();
    QCOMPARE(policy, ResourcePolicyDialog::templatePolicy(arn()));
    QVERIFY(policy.contains(u"\"Resource\": \"%1\""_s.arg(arn())));
    QVERIFY(policy.contains(u"arn:aws:iam::000000000000:root"_s));
    QVERIFY(!child<InlineErrorLabel>(&dialog, u"policyError"_s)->isVisible());
    QVERIFY(save->isEnabled());
    // Undo brings back what was there (nothing).
    editor->undo();
    QVERIFY(editor->toPlainText().isEmpty());
    editor->redo();
    QCOMPARE(editor->toPlainText(), policy);

    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(await(m_backend->getResourcePolicy(ResourcePolicyTarget{arn()}))->policy, policy);

    // Opened again it shows the stored document; Delete Policy removes it.
    ResourcePolicyDialog again(m_backend.get(), u"s"_s);
    QSignalSpy changedAgain(&again, &ResourcePolicyDialog::resourcePolicyChanged);
    again.show();
    auto *del = child<QPushButton>(&again, u"deletePolicyButton"_s);
    QTRY_VERIFY(del->isEnabled());
    QCOMPARE(child<QPlainTextEdit>(&again, u"policyEdit"_s)->toPlainText(), policy);
    QCOMPARE(child<QLabel>(&again, u"currentPolicyLabel"_s)->text(), u"1 statement"_s);
    QVERIFY(!child<QPushButton>(&again, u"saveButton"_s)->isEnabled()); // unchanged
    QTest::mouseClick(del, Qt::LeftButton);
    QTRY_COMPARE(changedAgain.size(), 1);
    QVERIFY(changedAgain.first().at(1).toString().isEmpty());
    QCOMPARE(await(m_backend->getResourcePolicy(ResourcePolicyTarget{arn()}))->policy, u"{}"_s);
}

void TestControlPlaneDialogs::policyReadOnlyShowsTheErrorInline()
{
    EmulatorBackend readOnly(*m_engine, EmulatorBackendOptions{u"ro"_s, true, 1});
    ResourcePolicyDialog dialog(&readOnly, u"s"_s);
    dialog.show();
    auto *editor = child<QPlainTextEdit>(&dialog, u"policyEdit"_s);
    QTRY_VERIFY(editor->isEnabled());
    QTest::mouseClick(child<QPushButton>(&dialog, u"templateButton"_s), Qt::LeftButton);
    const QString error = clickAndReadError(&dialog, child<QPushButton>(&dialog, u"saveButton"_s));
    QVERIFY2(error.startsWith(u"AccessDeniedException: "_s), qPrintable(error));
    QVERIFY(dialog.isVisible());
    QCOMPARE(await(m_backend->getResourcePolicy(ResourcePolicyTarget{arn()}))->policy, u"{}"_s);
}

void TestControlPlaneDialogs::accountSettingsEnableAndDisableTheCommitment()
{
    AccountSettingsDialog dialog(m_backend.get());
    dialog.show();
    auto *check = child<QCheckBox>(&dialog, u"commitmentCheck"_s);
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    QTRY_COMPARE(child<QLabel>(&dialog, u"currentCommitmentLabel"_s)->text(), u"Disabled"_s);
    QTRY_VERIFY(check->isEnabled());
    QVERIFY(!check->isChecked());
    QVERIFY(!apply->isEnabled());
    QTest::mouseClick(check, Qt::LeftButton);
    QCOMPARE(child<QLabel>(&dialog, u"commitmentHintLabel"_s)->text(),
             u"Once enabled, the commitment runs for at least 24 hours."_s);
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    auto settings = await(m_backend->describeAccountSettings());
    QVERIFY(settings.has_value());
    QCOMPARE(settings->minimumThroughputBillingCommitment->status, BillingCommitmentStatus::Enabled);

    // Turned off within its first day it runs on until its earliest allowed end.
    AccountSettingsDialog again(m_backend.get());
    again.show();
    auto *checkAgain = child<QCheckBox>(&again, u"commitmentCheck"_s);
    QTRY_VERIFY(checkAgain->isEnabled());
    QVERIFY(checkAgain->isChecked());
    QVERIFY(child<QLabel>(&again, u"currentCommitmentLabel"_s)->text().startsWith(u"Enabled since "_s));
    QTest::mouseClick(checkAgain, Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&again, u"applyButton"_s), Qt::LeftButton);
    QTRY_COMPARE(again.result(), int(QDialog::Accepted));
    settings = await(m_backend->describeAccountSettings());
    QCOMPARE(settings->minimumThroughputBillingCommitment->status,
             BillingCommitmentStatus::EnabledUntilEarliestAllowedEnd);

    AccountSettingsDialog third(m_backend.get());
    third.show();
    QTRY_VERIFY(child<QLabel>(&third, u"currentCommitmentLabel"_s)->text().startsWith(u"Enabled until "_s));
    QVERIFY(!child<QCheckBox>(&third, u"commitmentCheck"_s)->isChecked());
}

void TestControlPlaneDialogs::accountSettingsReadOnlyShowsTheErrorInline()
{
    EmulatorBackend readOnly(*m_engine, EmulatorBackendOptions{u"ro"_s, true, 1});
    AccountSettingsDialog dialog(&readOnly);
    dialog.show();
    auto *check = child<QCheckBox>(&dialog, u"commitmentCheck"_s);
    QTRY_VERIFY(check->isEnabled());
    QTest::mouseClick(check, Qt::LeftButton);
    const QString error = clickAndReadError(&dialog, child<QPushButton>(&dialog, u"applyButton"_s));
    QVERIFY2(error.startsWith(u"AccessDeniedException: "_s), qPrintable(error));
    auto settings = await(m_backend->describeAccountSettings());
    QVERIFY(!settings->minimumThroughputBillingCommitment
            || settings->minimumThroughputBillingCommitment->status == BillingCommitmentStatus::Disabled);
}

QTEST_MAIN(TestControlPlaneDialogs)
#include "tst_controlplanedialogs.moc"
