// EncryptionDialog (and NewKmsKeyDialog): lists the KMS keys with aliases first and unusable
// keys greyed out with the reason, starts encryption with the chosen key, creates a key with an
// alias and selects it, stops encryption, and shows a refused call inline.

#include "dialogs/encryptiondialog.h"
#include "dialogs/inlineerrorlabel.h"
#include "dialogs/newkmskeydialog.h"
#include "dialogtesthelpers.h"
#include "expectedassert.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

class TestEncryptionDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void listsKeysAliasesFirstAndUnusableOnesGreyed();
    void startsEncryptionWithTheChosenKey();
    void newKeyIsCreatedAndSelected();
    void newKeyAliasIsCheckedAsTyped_data();
    void newKeyAliasIsCheckedAsTyped();
    void stopsEncryption();
    void readOnlyConnectionShowsTheErrorInline();

private:
    static int rowStartingWith(QComboBox *combo, const QString &prefix)
    {
        for (int row = 0; row < combo->count(); ++row) {
            if (combo->itemText(row).startsWith(prefix))
                return row;
        }
        return -1;
    }
    StreamDescriptionSummary summary();

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
    KmsKeyInfo m_ordersKey;
    KmsKeyInfo m_plainKey;
};

void TestEncryptionDialog::initTestCase()
{
    pinEnglishLocale();
}

void TestEncryptionDialog::init()
{
    QVERIFY(openEmulator(m_dir, m_engine, m_backend));
    VERIFY_OK(await(m_backend->createStream(CreateStreamRequest{u"enc"_s, 1, {}, {}, {}})));
    const auto orders = await(m_backend->createKmsKey(u"orders key"_s, u"alias/orders"_s));
    VERIFY_OK(orders);
    m_ordersKey = *orders;
    const auto plain = await(m_backend->createKmsKey(u"no alias"_s, QString()));
    VERIFY_OK(plain);
    m_plainKey = *plain;
    const auto retired = await(m_backend->createKmsKey(QString(), u"alias/retired"_s));
    VERIFY_OK(retired);
    VERIFY_OK(m_engine->disableKey(retired->key.keyId));
    const auto doomed = await(m_backend->createKmsKey(QString(), u"alias/doomed"_s));
    VERIFY_OK(doomed);
    VERIFY_OK(m_engine->scheduleKeyDeletion(doomed->key.keyId));
}

void TestEncryptionDialog::cleanup()
{
    closeEmulator(m_dir, m_engine, m_backend);
}

StreamDescriptionSummary TestEncryptionDialog::summary()
{
    const auto result = await(m_backend->describeStreamSummary(StreamTarget::byName(u"enc"_s)));
    return result.value_or(StreamDescriptionSummary{});
}

void TestEncryptionDialog::listsKeysAliasesFirstAndUnusableOnesGreyed()
{
    EncryptionDialog dialog(m_backend.get(), u"enc"_s);
    dialog.show();
    auto *combo = child<QComboBox>(&dialog, u"keyCombo"_s);
    auto *current = child<QLabel>(&dialog, u"currentEncryptionLabel"_s);
    QVERIFY(combo && current);
    QTRY_COMPARE(combo->count(), 5);
    QCOMPARE(current->text(), u"None — records are stored unencrypted"_s);

    // The AWS managed key, then aliases in order, then the key without an alias.
    QVERIFY2(combo->itemText(0).startsWith(u"alias/aws/kinesis (AWS managed) · key "_s), qPrintable(combo->itemText(0)));
    QVERIFY(combo->itemText(1).startsWith(u"alias/doomed · key "_s));
    QVERIFY(combo->itemText(2).startsWith(u"alias/orders · key "_s + m_ordersKey.key.keyId.left(8)));
    QVERIFY(combo->itemText(2).endsWith(u" · enabled"_s));
    QVERIFY(combo->itemText(3).startsWith(u"alias/retired · key "_s));
    QCOMPARE(combo->itemText(4), m_plainKey.key.keyId + u" · enabled"_s);

    auto *model = qobject_cast<QStandardItemModel *>(combo->model());
    QVERIFY(model);
    QVERIFY(combo->itemText(1).endsWith(u"pending deletion (cannot be used)"_s));
    QVERIFY(!(model->item(1)->flags() & Qt::ItemIsEnabled));
    QVERIFY(model->item(1)->toolTip().contains(u"scheduled for deletion"_s));
    QVERIFY(combo->itemText(3).endsWith(u"disabled (cannot be used)"_s));
    QVERIFY(!(model->item(3)->flags() & Qt::ItemIsEnabled));
    QVERIFY(model->item(3)->toolTip().contains(u"disabled"_s));
    QVERIFY(model->item(2)->flags() & Qt::ItemIsEnabled);

    // The first usable key is chosen, and the keyboard skips the unusable ones.
    QCOMPARE(combo->currentIndex(), 0);
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentIndex(), 2);
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentIndex(), 4);
    auto *details = child<QLabel>(&dialog, u"keyDetailsLabel"_s);
    QCOMPARE(details->text(), u"Key ID "_s + m_plainKey.key.keyId + u" · no alias"_s);
    QVERIFY(child<QPushButton>(&dialog, u"startButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, u"stopButton"_s)->isEnabled());
}

void TestEncryptionDialog::startsEncryptionWithTheChosenKey()
{
    EncryptionDialog dialog(m_backend.get(), u"enc"_s);
    QSignalSpy changed(&dialog, &EncryptionDialog::encryptionChanged);
    dialog.open();
    auto *combo = child<QComboBox>(&dialog, u"keyCombo"_s);
    auto *start = child<QPushButton>(&dialog, u"startButton"_s);
    QTRY_COMPARE(combo->count(), 5);
    QTRY_VERIFY(start->isEnabled());
    combo->setCurrentIndex(rowStartingWith(combo, u"alias/orders"_s));
    QCOMPARE(dialog.selectedKeyId(), u"alias/orders"_s);
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(2).toString(), u"alias/orders"_s);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const StreamDescriptionSummary after = summary();
    QCOMPARE(after.encryptionType, EncryptionType::Kms);
    QCOMPARE(after.keyId, u"alias/orders"_s);
}

void TestEncryptionDialog::newKeyIsCreatedAndSelected()
{
    EncryptionDialog dialog(m_backend.get(), u"enc"_s);
    QSignalSpy changed(&dialog, &EncryptionDialog::encryptionChanged);
    dialog.show();
    auto *combo = child<QComboBox>(&dialog, u"keyCombo"_s);
    QTRY_COMPARE(combo->count(), 5);
    QTest::mouseClick(child<QPushButton>(&dialog, u"newKeyButton"_s), Qt::LeftButton);
    auto *newKey = dialog.findChild<NewKmsKeyDialog *>();
    QVERIFY(newKey);
    QTRY_VERIFY(newKey->isVisible());
    auto *alias = child<QLineEdit>(newKey, u"aliasNameEdit"_s);
    auto *create = child<QPushButton>(newKey, u"createKeyButton"_s);
    QVERIFY(!create->isEnabled());
    QTest::keyClicks(alias, u"fresh"_s);
    QTest::keyClicks(child<QLineEdit>(newKey, u"descriptionEdit"_s), u"made in the dialog"_s);
    QVERIFY(create->isEnabled());
    QTest::keyClick(alias, Qt::Key_Return);

    QTRY_COMPARE(combo->count(), 6);
    QVERIFY2(combo->currentText().startsWith(u"alias/fresh · key "_s), qPrintable(combo->currentText()));
    QCOMPARE(dialog.selectedKeyId(), u"alias/fresh"_s);
    QVERIFY(child<QLabel>(&dialog, u"keyDetailsLabel"_s)->text().endsWith(u" · made in the dialog"_s));
    const auto keys = await(m_backend->listKmsKeys());
    VERIFY_OK(keys);
    bool found = false;
    for (const KmsKeyInfo &info : *keys)
        found = found || (info.aliases == QStringList{u"alias/fresh"_s} && info.key.description == u"made in the dialog"_s);
    QVERIFY(found);

    QTest::mouseClick(child<QPushButton>(&dialog, u"startButton"_s), Qt::LeftButton);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(summary().keyId, u"alias/fresh"_s);
}

void TestEncryptionDialog::newKeyAliasIsCheckedAsTyped_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("exists") << u"orders"_s << u"The alias alias/orders exists already."_s;
    QTest::newRow("reserved") << u"aws/mine"_s << u"Aliases starting with alias/aws/ are reserved for AWS managed keys."_s;
    QTest::newRow("space") << u"my key"_s << u"The alias contains a space, which is not allowed."_s;
    QTest::newRow("too long") << QString(251, u'k') << u"The alias is 251 characters long; at most 250 are allowed."_s;
}

void TestEncryptionDialog::newKeyAliasIsCheckedAsTyped()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    const int keysBefore = int(await(m_backend->listKmsKeys())->size());
    EncryptionDialog dialog(m_backend.get(), u"enc"_s);
    dialog.show();
    QTRY_COMPARE(child<QComboBox>(&dialog, u"keyCombo"_s)->count(), 5);
    QTest::mouseClick(child<QPushButton>(&dialog, u"newKeyButton"_s), Qt::LeftButton);
    auto *newKey = dialog.findChild<NewKmsKeyDialog *>();
    QVERIFY(newKey);
    auto *alias = child<QLineEdit>(newKey, u"aliasNameEdit"_s);
    auto *error = child<InlineErrorLabel>(newKey, u"aliasNameError"_s);
    QTest::keyClicks(alias, typed);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(expected), qPrintable(error->text()));
    QVERIFY(!child<QPushButton>(newKey, u"createKeyButton"_s)->isEnabled());
    QTest::keyClick(alias, Qt::Key_Return); // does nothing while invalid
    QTest::qWait(50);
    QVERIFY(newKey->isVisible());
    QCOMPARE(int(await(m_backend->listKmsKeys())->size()), keysBefore);
}

void TestEncryptionDialog::stopsEncryption()
{
    VERIFY_OK(await(m_backend->startStreamEncryption(
        StartStreamEncryptionRequest{StreamTarget::byName(u"enc"_s), u"KMS"_s, u"alias/orders"_s})));
    QTRY_COMPARE(summary().streamStatus, StreamStatus::Active);

    EncryptionDialog dialog(m_backend.get(), u"enc"_s);
    QSignalSpy changed(&dialog, &EncryptionDialog::encryptionChanged);
    dialog.show();
    auto *current = child<QLabel>(&dialog, u"currentEncryptionLabel"_s);
    auto *combo = child<QComboBox>(&dialog, u"keyCombo"_s);
    auto *start = child<QPushButton>(&dialog, u"startButton"_s);
    auto *stop = child<QPushButton>(&dialog, u"stopButton"_s);
    QTRY_COMPARE(current->text(), u"KMS with key alias/orders"_s);
    QTRY_VERIFY(combo->currentText().startsWith(u"alias/orders"_s)); // the stream's key
    QVERIFY(!start->isEnabled()); // already encrypted with it
    QCOMPARE(start->text(), u"&Switch to This Key"_s);
    QVERIFY(stop->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(2).toString(), QString());
    QCOMPARE(summary().encryptionType, EncryptionType::None);
}

void TestEncryptionDialog::readOnlyConnectionShowsTheErrorInline()
{
    EmulatorBackend readOnly(*m_engine, EmulatorBackendOptions{u"ro"_s, true, 1});
    EncryptionDialog dialog(&readOnly, u"enc"_s);
    QSignalSpy changed(&dialog, &EncryptionDialog::encryptionChanged);
    dialog.show();
    auto *start = child<QPushButton>(&dialog, u"startButton"_s);
    QTRY_VERIFY(start->isEnabled());
    const QString error = clickAndReadError(&dialog, start);
    QVERIFY2(error.startsWith(u"AccessDeniedException: "_s), qPrintable(error));
    QVERIFY(dialog.isVisible());
    QVERIFY(start->isEnabled());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(summary().encryptionType, EncryptionType::None);

    // Creating a key is refused inline in its own dialog, too.
    QTest::mouseClick(child<QPushButton>(&dialog, u"newKeyButton"_s), Qt::LeftButton);
    auto *newKey = dialog.findChild<NewKmsKeyDialog *>();
    QVERIFY(newKey);
    QTest::keyClicks(child<QLineEdit>(newKey, u"aliasNameEdit"_s), u"nope"_s);
    const QString keyError =
        clickAndReadError(newKey, child<QPushButton>(newKey, u"createKeyButton"_s));
    QVERIFY2(keyError.startsWith(u"AccessDeniedException: "_s), qPrintable(keyError));
    QVERIFY(newKey->isVisible());
}

QTEST_MAIN(TestEncryptionDialog)
#include "tst_encryptiondialog.moc"
