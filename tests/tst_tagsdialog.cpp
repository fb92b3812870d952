// TagsDialog: shows a stream's tags, adds from the key/value fields (Enter adds, it does not
// press OK), edits in the table, removes selected rows, checks every key and value against the
// Kinesis tag rules beside the field, and applies the diff through TagsModel; a refused apply
// shows inline and changes nothing.

#include "dialogs/inlineerrorlabel.h"
#include "dialogs/tagsdialog.h"
#include "dialogtesthelpers.h"
#include "expectedassert.h"
#include "models/tagsmodel.h"

#include <QApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

class TestTagsDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheStreamsTags();
    void addAndRemoveAreApplied();
    void editInTheTableIsApplied();
    void newTagIsCheckedAsTyped_data();
    void newTagIsCheckedAsTyped();
    void invalidTableEditBlocksApply();
    void fiftyTagsAtMost();
    void discardRestoresTheStoredTags();
    void readOnlyConnectionShowsTheErrorInline();

private:
    static int rowOf(QTableView *view, const QString &key)
    {
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            if (view->model()->index(row, 0).data().toString() == key)
                return row;
        }
        return -1;
    }
    static void clickRow(QTableView *view, int row)
    {
        const QRect rect = view->visualRect(view->model()->index(row, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    }
    TagMap storedTags();

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
};

void TestTagsDialog::initTestCase()
{
    pinEnglishLocale();
}

void TestTagsDialog::init()
{
    QVERIFY(openEmulator(m_dir, m_engine, m_backend));
    VERIFY_OK(await(m_backend->createStream(CreateStreamRequest{
        u"s"_s, 1, {}, {{u"env"_s, u"dev"_s}, {u"team"_s, u"data"_s}}, {}})));
}

void TestTagsDialog::cleanup()
{
    closeEmulator(m_dir, m_engine, m_backend);
}

TagMap TestTagsDialog::storedTags()
{
    TagMap tags;
    const auto listed = await(m_backend->listAllTagsForStream(StreamTarget::byName(u"s"_s)));
    if (listed) {
        for (const Tag &tag : *listed)
            tags.insert(tag.key, tag.value);
    }
    return tags;
}

void TestTagsDialog::showsTheStreamsTags()
{
    TagsDialog dialog(m_backend.get(), u"s"_s);
    dialog.show();
    auto *view = child<QTableView>(&dialog, u"tagsView"_s);
    auto *count = child<QLabel>(&dialog, u"tagCountLabel"_s);
    QVERIFY(view && count);
    QTRY_COMPARE(view->model()->rowCount(), 2);
    QCOMPARE(view->model()->index(0, 0).data().toString(), u"env"_s);
    QCOMPARE(view->model()->index(0, 1).data().toString(), u"dev"_s);
    QCOMPARE(count->text(), u"2 of 50 tags"_s);
    QVERIFY(!child<QPushButton>(&dialog, u"applyButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, u"removeTagButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, u"addTagButton"_s)->isEnabled());
    QVERIFY(child<QPushButton>(&dialog, u"okButton"_s)->isDefault());
}

void TestTagsDialog::addAndRemoveAreApplied()
{
    TagsDialog dialog(m_backend.get(), u"s"_s);
    QSignalSpy applied(&dialog, &TagsDialog::tagsApplied);
    dialog.show();
    auto *view = child<QTableView>(&dialog, u"tagsView"_s);
    auto *key = child<QLineEdit>(&dialog, u"newKeyEdit"_s);
    auto *value = child<QLineEdit>(&dialog, u"newValueEdit"_s);
    auto *add = child<QPushButton>(&dialog, u"addTagButton"_s);
    auto *remove = child<QPushButton>(&dialog, u"removeTagButton"_s);
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    auto *count = child<QLabel>(&dialog, u"tagCountLabel"_s);
    QTRY_COMPARE(view->model()->rowCount(), 2);

    // Enter in the fields adds the tag; it does not press OK.
    QTest::keyClicks(key, u"owner"_s);
    QVERIFY(add->isEnabled());
    QTest::keyClicks(value, u"me@example.com"_s);
    QTest::keyClick(value, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(view->model()->rowCount(), 3);
    QVERIFY(key->text().isEmpty() && value->text().isEmpty());
    // The button adds too, and an empty value is fine.
    QTest::keyClicks(key, u"cost center"_s);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(view->model()->rowCount(), 4);

    clickRow(view, rowOf(view, u"team"_s));
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(view->model()->rowCount(), 3);
    QCOMPARE(count->text(), u"3 of 50 tags · 2 to add and 1 to remove"_s);
    QCOMPARE(storedTags().size(), 2); // nothing sent yet

    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(applied.size(), 1);
    QVERIFY(dialog.isVisible()); // Apply keeps the dialog open
    QCOMPARE(storedTags(), (TagMap{{u"env"_s, u"dev"_s}, {u"owner"_s, u"me@example.com"_s}, {u"cost center"_s, QString()}}));
    QTRY_COMPARE(count->text(), u"3 of 50 tags"_s);
    QVERIFY(!apply->isEnabled());

    // Del in the table removes the selected row; OK applies and closes.
    clickRow(view, rowOf(view, u"env"_s));
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(view->model()->rowCount(), 2);
    QTest::mouseClick(child<QPushButton>(&dialog, u"okButton"_s), Qt::LeftButton);
    QTRY_COMPARE(applied.size(), 2);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(storedTags(), (TagMap{{u"owner"_s, u"me@example.com"_s}, {u"cost center"_s, QString()}}));
}

void TestTagsDialog::editInTheTableIsApplied()
{
    TagsDialog dialog(m_backend.get(), u"s"_s);
    QSignalSpy applied(&dialog, &TagsDialog::tagsApplied);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *view = child<QTableView>(&dialog, u"tagsView"_s);
    QTRY_COMPARE(view->model()->rowCount(), 2);
    const QModelIndex value = view->model()->index(rowOf(view, u"env"_s), 1);
    const QRect rect = view->visualRect(value);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(view->currentIndex(), value);
    QTest::keyClick(view, Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    QCOMPARE(editor->parentWidget(), view->viewport());
    editor->selectAll();
    QTest::keyClicks(editor, u"prod"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(value.data().toString(), u"prod"_s);
    QCOMPARE(child<QLabel>(&dialog, u"tagCountLabel"_s)->text(), u"2 of 50 tags · 1 to change"_s);
    QVERIFY(dialog.isVisible());
    QTest::mouseClick(child<QPushButton>(&dialog, u"okButton"_s), Qt::LeftButton);
    QTRY_COMPARE(applied.size(), 1);
    QCOMPARE(storedTags(), (TagMap{{u"env"_s, u"prod"_s}, {u"team"_s, u"data"_s}}));
}

void TestTagsDialog::newTagIsCheckedAsTyped_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("reserved") << u"aws:owner"_s << QString() << u"Keys starting with “aws:” are reserved for AWS."_s;
    QTest::newRow("reserved upper case") << u"AWS:x"_s << QString() << u"Keys starting with “aws:” are reserved for AWS."_s;
    QTest::newRow("long key") << QString(129, u'k') << QString() << u"The key is 129 characters long; at most 128 are allowed."_s;
    QTest::newRow("long value") << u"k"_s << QString(257, u'v') << u"The value is 257 characters long; at most 256 are allowed."_s;
    QTest::newRow("percent") << u"rate%"_s << QString() << u"“%” is not allowed. Use letters, digits, spaces and _ . : / = + - @."_s;
    QTest::newRow("bad value") << u"k"_s << u"a#b!"_s << u"“#” and “!” are not allowed."_s;
    QTest::newRow("duplicate") << u"env"_s << u"x"_s << u"A tag with the key “env” exists already; edit its value in the table."_s;
    QTest::newRow("value only") << QString() << u"x"_s << u"Enter a key."_s;
}

void TestTagsDialog::newTagIsCheckedAsTyped()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    TagsDialog dialog(m_backend.get(), u"s"_s);
    dialog.show();
    auto *view = child<QTableView>(&dialog, u"tagsView"_s);
    QTRY_COMPARE(view->model()->rowCount(), 2);
    auto *keyEdit = child<QLineEdit>(&dialog, u"newKeyEdit"_s);
    auto *valueEdit = child<QLineEdit>(&dialog, u"newValueEdit"_s);
    auto *error = child<InlineErrorLabel>(&dialog, u"newTagError"_s);
    QTest::keyClicks(keyEdit, key);
    QTest::keyClicks(valueEdit, value);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(expected), qPrintable(error->text()));
    QVERIFY(!child<QPushButton>(&dialog, u"addTagButton"_s)->isEnabled());
    QTest::keyClick(valueEdit, Qt::Key_Return);
    QCOMPARE(view->model()->rowCount(), 2);
    // Clearing both fields clears the message.
    keyEdit->clear();
    valueEdit->clear();
    QVERIFY(!error->isVisible());
}

void TestTagsDialog::invalidTableEditBlocksApply()
{
    TagsDialog dialog(m_backend.get(), u"s"_s);
    dialog.show();
    auto *view = child<QTableView>(&dialog, u"tagsView"_s);
    QTRY_COMPARE(view->model()->rowCount(), 2);
    QVERIFY(view->model()->setData(view->model()->index(rowOf(view, u"team"_s), 0), u"aws:team"_s));
    auto *error = child<InlineErrorLabel>(&dialog, u"tagsError"_s);
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), u"Tag “aws:team”: Keys starting with “aws:” are reserved for AWS."_s);
    QVERIFY(!child<QPushButton>(&dialog, u"applyButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, u"okButton"_s)->isEnabled());
    QVERIFY(view->model()->setData(view->model()->index(rowOf(view, u"aws:team"_s), 0), u"squad"_s));
    QVERIFY(!error->isVisible());
    QVERIFY(child<QPushButton>(&dialog, u"applyButton"_s)->isEnabled());
}

void TestTagsDialog::fiftyTagsAtMost()
{
    TagMap many;
    for (int i = 0; i < 48; ++i)
        many.insert(u"k%1"_s.arg(i, 2, 10, QLatin1Char('0')), u"v"_s);
    VERIFY_OK(await(m_backend->addTagsToStream(AddTagsToStreamRequest{StreamTarget::byName(u"s"_s), many})));
    TagsDialog dialog(m_backend.get(), u"s"_s);
    dialog.show();
    auto *view = child<QTableView>(&dialog, u"tagsView"_s);
    QTRY_COMPARE(view->model()->rowCount(), 50);
    QCOMPARE(child<QLabel>(&dialog, u"tagCountLabel"_s)->text(), u"50 of 50 tags"_s);
    QTest::keyClicks(child<QLineEdit>(&dialog, u"newKeyEdit"_s), u"one-more"_s);
    auto *error = child<InlineErrorLabel>(&dialog, u"newTagError"_s);
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), u"A stream can have at most 50 tags."_s);
    QVERIFY(!child<QPushButton>(&dialog, u"addTagButton"_s)->isEnabled());
}

void TestTagsDialog::discardRestoresTheStoredTags()
{
    TagsDialog dialog(m_backend.get(), u"s"_s);
    dialog.show();
    auto *view = child<QTableView>(&dialog, u"tagsView"_s);
    auto *discard = child<QPushButton>(&dialog, u"discardButton"_s);
    QTRY_COMPARE(view->model()->rowCount(), 2);
    QVERIFY(!discard->isEnabled());
    QTest::keyClicks(child<QLineEdit>(&dialog, u"newKeyEdit"_s), u"temp"_s);
    QTest::mouseClick(child<QPushButton>(&dialog, u"addTagButton"_s), Qt::LeftButton);
    QCOMPARE(view->model()->rowCount(), 3);
    QVERIFY(discard->isEnabled());
    QTest::mouseClick(discard, Qt::LeftButton);
    QCOMPARE(view->model()->rowCount(), 2);
    QVERIFY(!discard->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, u"applyButton"_s)->isEnabled());
}

void TestTagsDialog::readOnlyConnectionShowsTheErrorInline()
{
    EmulatorBackend readOnly(*m_engine, EmulatorBackendOptions{u"ro"_s, true, 1});
    TagsDialog dialog(&readOnly, u"s"_s);
    QSignalSpy applied(&dialog, &TagsDialog::tagsApplied);
    dialog.show();
    auto *view = child<QTableView>(&dialog, u"tagsView"_s);
    QTRY_COMPARE(view->model()->rowCount(), 2);
    QTest::keyClicks(child<QLineEdit>(&dialog, u"newKeyEdit"_s), u"owner"_s);
    QTest::mouseClick(child<QPushButton>(&dialog, u"addTagButton"_s), Qt::LeftButton);
    const QString error = clickAndReadError(&dialog, child<QPushButton>(&dialog, u"okButton"_s));
    QVERIFY2(error.startsWith(u"AccessDeniedException: "_s), qPrintable(error));
    QVERIFY(dialog.isVisible());
    QCOMPARE(applied.size(), 0);
    QCOMPARE(view->model()->rowCount(), 3); // the user's edit is kept for another try
    QVERIFY(child<QPushButton>(&dialog, u"applyButton"_s)->isEnabled());
    QCOMPARE(storedTags(), (TagMap{{u"env"_s, u"dev"_s}, {u"team"_s, u"data"_s}}));
}

QTEST_MAIN(TestTagsDialog)
#include "tst_tagsdialog.moc"
