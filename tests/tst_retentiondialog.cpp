// RetentionDialog: shows the current period, edits it in hours or days, explains a value out of
// range beside the field, counts (debounced) the records a decrease would drop before the user
// confirms, asks for explicit confirmation where the backend cannot count, and applies the
// change with Increase/DecreaseStreamRetentionPeriod.

#include "dialogs/inlineerrorlabel.h"
#include "dialogs/retentiondialog.h"
#include "dialogtesthelpers.h"
#include "engine/clock.h"
#include "expectedassert.h"
#include "forwardingbackend.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

// Answers like the backend it wraps, but cannot count records (as an AWS connection cannot).
class UncountingBackend final : public ForwardingBackend
{
public:
    explicit UncountingBackend(StreamBackend &inner) : ForwardingBackend(inner) {}

    BackendKind kind() const override { return BackendKind::Aws; }
    QString displayName() const override { return u"uncounting"_s; }
    bool hasShardStatistics() const override { return false; }

    BackendFuture<QList<ShardStatistics>> shardStatistics(const QString &) override { return refused<QList<ShardStatistics>>(); }
    BackendFuture<ShardStatistics> retentionImpact(const QString &, int) override { return refused<ShardStatistics>(); }

private:
    template<typename T>
    static BackendFuture<T> refused()
    {
        return QtFuture::makeReadyFuture(BackendResult<T>(
            std::unexpected(Error{ErrorType::UnknownOperation, u"Cannot count records."_s})));
    }
};

} // namespace

class TestRetentionDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsCurrentAndConvertsUnits();
    void outOfRangeIsExplainedBesideTheField_data();
    void outOfRangeIsExplainedBesideTheField();
    void increaseApplies();
    void decreaseCountsWhatGoesAndApplies();
    void impactIsCountedOnceTypingStops();
    void uncountableBackendAsksForConfirmation();
    void readOnlyConnectionShowsTheErrorInline();

private:
    int storedRetention();

    QTemporaryDir *m_dir = nullptr;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
};

void TestRetentionDialog::initTestCase()
{
    pinEnglishLocale();
}

void TestRetentionDialog::init()
{
    // Records 40 h, 30 h and 1 h old in a stream kept 48 h (as in tst_emulatorbackend): going to
    // 24 h drops the first two (10 bytes), going to 35 h the first one (4 bytes).
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_clock = std::make_shared<ManualClock>(1'700'000'000'000);
    EngineOptions options;
    options.databasePath = m_dir->filePath(u"r.db"_s);
    options.clock = m_clock;
    options.createDelayMs = 0;
    options.updateDelayMs = 0;
    auto engine = Engine::open(options);
    VERIFY_OK(engine);
    m_engine = std::move(*engine);
    m_backend = std::make_unique<EmulatorBackend>(*m_engine);
    const StreamTarget target = StreamTarget::byName(u"r"_s);
    VERIFY_OK(await(m_backend->createStream(CreateStreamRequest{u"r"_s, 2, {}, {}, {}})));
    VERIFY_OK(await(m_backend->increaseStreamRetentionPeriod(RetentionPeriodRequest{target, 48})));
    const qint64 hour = 3600 * 1000;
    VERIFY_OK(await(m_backend->putRecord(PutRecordRequest{target, "aaaa"_ba, u"k1"_s, {}, {}})));
    m_clock->advanceMs(10 * hour);
    VERIFY_OK(await(m_backend->putRecord(PutRecordRequest{target, "bbbbbb"_ba, u"k2"_s, {}, {}})));
    m_clock->advanceMs(29 * hour);
    VERIFY_OK(await(m_backend->putRecord(PutRecordRequest{target, "c"_ba, u"k3"_s, {}, {}})));
    m_clock->advanceMs(1 * hour);
}

void TestRetentionDialog::cleanup()
{
    closeEmulator(m_dir, m_engine, m_backend);
    m_clock.reset();
}

int TestRetentionDialog::storedRetention()
{
    const auto summary = await(m_backend->describeStreamSummary(StreamTarget::byName(u"r"_s)));
    return summary ? summary->retentionPeriodHours : -1;
}

void TestRetentionDialog::showsCurrentAndConvertsUnits()
{
    RetentionDialog dialog(m_backend.get(), u"r"_s);
    dialog.show();
    auto *current = child<QLabel>(&dialog, u"currentRetentionLabel"_s);
    auto *spin = child<QSpinBox>(&dialog, u"retentionSpin"_s);
    auto *unit = child<QComboBox>(&dialog, u"unitCombo"_s);
    auto *equivalent = child<QLabel>(&dialog, u"equivalentLabel"_s);
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    QVERIFY(current && spin && unit && equivalent && apply);
    QTRY_COMPARE(current->text(), u"48 hours (2 days)"_s);
    // Whole days are shown in days.
    QCOMPARE(unit->currentData().value<RetentionDialog::Unit>(), RetentionDialog::Unit::Days);
    QCOMPARE(spin->value(), 2);
    QCOMPARE(equivalent->text(), u"= 48 hours"_s);
    QVERIFY(!apply->isEnabled()); // nothing changed yet

    // To hours: the same period.
    unit->setFocus();
    QTest::keyClick(unit, Qt::Key_Up);
    QCOMPARE(unit->currentData().value<RetentionDialog::Unit>(), RetentionDialog::Unit::Hours);
    QCOMPARE(spin->value(), 48);
    QCOMPARE(dialog.hours(), 48);
    QCOMPARE(equivalent->text(), u"= 2 days"_s);

    typeValue(spin, 36);
    QCOMPARE(dialog.hours(), 36);
    QCOMPARE(equivalent->text(), u"= 1.5 days"_s);

    // Back to days rounds to whole days.
    QTest::keyClick(unit, Qt::Key_Down);
    QCOMPARE(spin->value(), 2);
    QCOMPARE(dialog.hours(), 48);

    typeValue(spin, 30);
    QCOMPARE(dialog.hours(), 720);
    QCOMPARE(equivalent->text(), u"= 720 hours"_s);
    QVERIFY(apply->isEnabled());
    QCOMPARE(apply->text(), u"&Increase"_s);
}

void TestRetentionDialog::outOfRangeIsExplainedBesideTheField_data()
{
    QTest::addColumn<bool>("inDays");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("12 hours") << false << 12 << u"12 hours is too short: the minimum is 24 hours (1 day)."_s;
    QTest::newRow("8761 hours") << false << 8761 << u"8,761 hours (365.04 days) is too long: the maximum is 8,760 hours (365 days)."_s;
    QTest::newRow("366 days") << true << 366 << u"8,784 hours (366 days) is too long: the maximum is 8,760 hours (365 days)."_s;
    QTest::newRow("365 days") << true << 365 << QString();
    QTest::newRow("24 hours") << false << 24 << QString();
}

void TestRetentionDialog::outOfRangeIsExplainedBesideTheField()
{
    QFETCH(bool, inDays);
    QFETCH(int, value);
    QFETCH(QString, expected);
    RetentionDialog dialog(m_backend.get(), u"r"_s);
    dialog.show();
    auto *spin = child<QSpinBox>(&dialog, u"retentionSpin"_s);
    auto *error = child<InlineErrorLabel>(&dialog, u"retentionError"_s);
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    QTRY_VERIFY(spin->isEnabled());
    dialog.setUnit(inDays ? RetentionDialog::Unit::Days : RetentionDialog::Unit::Hours);
    typeValue(spin, value);
    if (expected.isEmpty()) {
        QVERIFY(!error->isVisible());
        QTRY_VERIFY(apply->isEnabled());
    } else {
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), expected);
        QVERIFY(!apply->isEnabled());
    }
}

void TestRetentionDialog::increaseApplies()
{
    RetentionDialog dialog(m_backend.get(), u"r"_s);
    QSignalSpy changed(&dialog, &RetentionDialog::retentionChanged);
    dialog.open();
    auto *spin = child<QSpinBox>(&dialog, u"retentionSpin"_s);
    QTRY_VERIFY(spin->isEnabled());
    typeValue(spin, 7); // days
    auto *impact = child<QLabel>(&dialog, u"impactLabel"_s);
    QCOMPARE(impact->text(), u"Records will be kept for 168 hours (7 days). Records already trimmed do not come back."_s);
    QTest::keyClick(spin, Qt::Key_Return); // the default button
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(1).toInt(), 168);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(storedRetention(), 168);
}

void TestRetentionDialog::decreaseCountsWhatGoesAndApplies()
{
    RetentionDialog dialog(m_backend.get(), u"r"_s);
    QSignalSpy changed(&dialog, &RetentionDialog::retentionChanged);
    dialog.show();
    auto *spin = child<QSpinBox>(&dialog, u"retentionSpin"_s);
    auto *impact = child<QLabel>(&dialog, u"impactLabel"_s);
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    auto *confirm = child<QCheckBox>(&dialog, u"confirmDropCheck"_s);
    QTRY_VERIFY(spin->isEnabled());
    dialog.setUnit(RetentionDialog::Unit::Hours);

    typeValue(spin, 35);
    QVERIFY(!apply->isEnabled()); // not before the count is in
    QTRY_COMPARE(impact->text(), u"1 record (4 bytes) will no longer be readable."_s);
    QCOMPARE(apply->text(), u"&Decrease and drop 1 record"_s);
    QVERIFY(apply->isEnabled());
    QVERIFY(!confirm->isVisible());

    typeValue(spin, 24);
    QTRY_COMPARE(impact->text(), u"2 records (10 bytes) will no longer be readable."_s);
    QCOMPARE(apply->text(), u"&Decrease and drop 2 records"_s);

    typeValue(spin, 45);
    QTRY_COMPARE(impact->text(), u"No record is older than 45 hours (1.88 days): nothing will be dropped."_s);
    QCOMPARE(apply->text(), u"&Decrease"_s);

    typeValue(spin, 24);
    QTRY_COMPARE(apply->text(), u"&Decrease and drop 2 records"_s);
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(storedRetention(), 24);
    const auto stats = await(m_backend->shardStatistics(u"r"_s));
    VERIFY_OK(stats);
    qint64 left = 0;
    for (const ShardStatistics &shard : *stats)
        left += shard.recordCount;
    QCOMPARE(left, 1);
}

void TestRetentionDialog::impactIsCountedOnceTypingStops()
{
    int counts = 0;
    connect(m_backend.get(), &StreamBackend::callStarted, this, [&counts](const BackendCall &call) {
        if (call.operation == u"RetentionImpact"_s)
            ++counts;
    });
    RetentionDialog dialog(m_backend.get(), u"r"_s);
    dialog.show();
    auto *spin = child<QSpinBox>(&dialog, u"retentionSpin"_s);
    auto *impact = child<QLabel>(&dialog, u"impactLabel"_s);
    QTRY_VERIFY(spin->isEnabled());
    dialog.setUnit(RetentionDialog::Unit::Hours);
    spin->selectAll();
    QTest::keyClicks(spin, u"40"_s); // 4 (out of range), then 40
    QTest::keyClick(spin, Qt::Key_Backspace); // 4
    QTest::keyClicks(spin, u"1"_s); // 41
    QTest::keyClick(spin, Qt::Key_Backspace);
    QTest::keyClicks(spin, u"30"_s); // 430: an increase, nothing to count
    QTest::keyClick(spin, Qt::Key_Backspace);
    QTest::keyClick(spin, Qt::Key_Backspace); // 4
    QTest::keyClicks(spin, u"0"_s); // 40
    QTRY_COMPARE(impact->text(), u"No record is older than 40 hours (1.67 days): nothing will be dropped."_s);
    QTest::qWait(2 * RetentionDialog::kImpactDelayMs);
    QCOMPARE(counts, 1);
}

void TestRetentionDialog::uncountableBackendAsksForConfirmation()
{
    UncountingBackend uncounting(*m_backend);
    RetentionDialog dialog(&uncounting, u"r"_s);
    QSignalSpy changed(&dialog, &RetentionDialog::retentionChanged);
    dialog.show();
    auto *spin = child<QSpinBox>(&dialog, u"retentionSpin"_s);
    auto *impact = child<QLabel>(&dialog, u"impactLabel"_s);
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    auto *confirm = child<QCheckBox>(&dialog, u"confirmDropCheck"_s);
    QTRY_VERIFY(spin->isEnabled());
    dialog.setUnit(RetentionDialog::Unit::Hours);
    typeValue(spin, 24);
    QCOMPARE(impact->text(), u"This connection cannot count the records that would be dropped. Every record older than 24 hours (1 day) will no longer be readable."_s);
    QVERIFY(confirm->isVisible());
    QVERIFY(!confirm->isChecked());
    QVERIFY(!apply->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY(apply->isEnabled());
    QCOMPARE(apply->text(), u"&Decrease"_s);
    // A new value needs a new confirmation.
    typeValue(spin, 25);
    QVERIFY(!confirm->isChecked());
    QVERIFY(!apply->isEnabled());
    QTest::keyClick(confirm, Qt::Key_Space);
    QVERIFY(confirm->isChecked());
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(storedRetention(), 25);
}

void TestRetentionDialog::readOnlyConnectionShowsTheErrorInline()
{
    EmulatorBackend readOnly(*m_engine, EmulatorBackendOptions{u"ro"_s, true, 1});
    RetentionDialog dialog(&readOnly, u"r"_s);
    QSignalSpy changed(&dialog, &RetentionDialog::retentionChanged);
    dialog.show();
    auto *spin = child<QSpinBox>(&dialog, u"retentionSpin"_s);
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    QTRY_VERIFY(spin->isEnabled());
    dialog.setUnit(RetentionDialog::Unit::Hours);
    typeValue(spin, 24);
    QTRY_COMPARE(apply->text(), u"&Decrease and drop 2 records"_s); // reading is allowed
    const QString error = clickAndReadError(&dialog, apply);
    QVERIFY2(error.startsWith(u"AccessDeniedException: "_s), qPrintable(error));
    QVERIFY(dialog.isVisible());
    QVERIFY(apply->isEnabled());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(storedRetention(), 48);
}

QTEST_MAIN(TestRetentionDialog)
#include "tst_retentiondialog.moc"
