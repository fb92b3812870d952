// AddConnectionDialog, offscreen: profiles fill the region, endpoints are checked as typed, Test
// lists the streams of our emulator served with --require-auth through a real AwsBackend (or
// shows Kinesis's error type inline for a wrong secret), Save keeps the secret out of the
// settings file, a keychain failure saves nothing, and edit mode keeps the stored secret,
// tests with it, and removes the connection and its secret after a confirmation.

#include "aws/awsconfig.h"
#include "backendtesthelpers.h"
#include "connections/connectionstore.h"
#include "connections/memorysecretstore.h"
#include "dialogs/addconnectiondialog.h"
#include "dialogs/inlineerrorlabel.h"
#include "expectedassert.h"
#include "tst_connections_authserver.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kSecret = QString::fromLatin1(AuthEmulator::kSecret);
const QString kKeyId = QString::fromLatin1(AuthEmulator::kAccessKeyId);

template<typename T>
T *child(QWidget *dialog, const QString &name)
{
    T *widget = dialog->findChild<T *>(name);
    if (!widget)
        qWarning("no child %s", qPrintable(name));
    return widget;
}

void typeInto(QWidget *dialog, const QString &name, const QString &text)
{
    auto *edit = dialog->findChild<QLineEdit *>(name);
    QVERIFY2(edit, qPrintable(name));
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestAddConnectionDialog final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void endpointProblems_data();
    void endpointProblems();
    void profileFillsRegionAndName();
    void testListsStreamsWithTypedKeys();
    void testShowsTheKinesisErrorInline();
    void testWithAProfile();
    void saveKeepsTheSecretOutOfSettings();
    void keychainFailureSavesNothing();
    void editKeepsTheSecretAndRemoves();

private:
    std::unique_ptr<AddConnectionDialog> openDialog(const QString &editId = {});
    void fillKeys(AddConnectionDialog *dialog, const QString &secret);

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ConnectionStore> m_store;
    std::unique_ptr<AuthEmulator> m_emulator;
};

void TestAddConnectionDialog::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    // Shared files of our own, so the user's ~/.aws never leaks in.
    const QString config = m_dir->filePath(u"config"_s);
    const QString credentials = m_dir->filePath(u"credentials"_s);
    m_emulator = std::make_unique<AuthEmulator>();
    QVERIFY(m_emulator->isRunning());
    QVERIFY(writeFile(config, "[profile dev]\nregion = eu-west-2\n\n[profile team]\nregion = ap-south-1\n"));
    QVERIFY(writeFile(credentials, "[team]\naws_access_key_id = " + kKeyId.toLatin1() +
                                       "\naws_secret_access_key = " + kSecret.toLatin1() + "\n"));
    qputenv("AWS_CONFIG_FILE", config.toLocal8Bit());
    qputenv("AWS_SHARED_CREDENTIALS_FILE", credentials.toLocal8Bit());
    for (const char *name : {"AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID",
                             "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL"})
        qunsetenv(name);
    m_settings = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_secrets = std::make_unique<MemorySecretStore>();
    m_store = std::make_unique<ConnectionStore>(m_settings.get(), m_secrets.get());
}

void TestAddConnectionDialog::cleanup()
{
    m_store.reset();
    m_secrets.reset();
    m_settings.reset();
    m_emulator.reset();
    qunsetenv("AWS_CONFIG_FILE");
    qunsetenv("AWS_SHARED_CREDENTIALS_FILE");
    delete m_dir;
    m_dir = nullptr;
}

std::unique_ptr<AddConnectionDialog> TestAddConnectionDialog::openDialog(const QString &editId)
{
    auto dialog = std::make_unique<AddConnectionDialog>(m_store.get(), AwsConfig::fromEnvironment(), editId);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qWarning("dialog not exposed");
    return dialog;
}

void TestAddConnectionDialog::fillKeys(AddConnectionDialog *dialog, const QString &secret)
{
    QTest::mouseClick(child<QRadioButton>(dialog, u"keysRadio"_s), Qt::LeftButton, {}, QPoint(4, 4));
    QVERIFY(child<QLineEdit>(dialog, u"secretKeyEdit"_s)->isVisible());
    QCOMPARE(child<QLineEdit>(dialog, u"secretKeyEdit"_s)->echoMode(), QLineEdit::Password);
    typeInto(dialog, u"accessKeyIdEdit"_s, kKeyId);
    typeInto(dialog, u"secretKeyEdit"_s, secret);
    typeInto(dialog, u"endpointEdit"_s, m_emulator->url().toString());
    // The emulator signs for us-east-1 (the first profile filled in eu-west-2).
    auto *region = child<QComboBox>(dialog, u"regionCombo"_s);
    region->lineEdit()->selectAll();
    QTest::keyClicks(region->lineEdit(), u"us-east-1"_s);
}

void TestAddConnectionDialog::endpointProblems_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("https") << u"https://kinesis.eu-west-1.amazonaws.com"_s << true;
    QTest::newRow("http localhost") << u"http://localhost:4567"_s << true;
    QTest::newRow("http loopback") << u"http://127.0.0.1:4567"_s << true;
    QTest::newRow("http ipv6 loopback") << u"http://[::1]:4567"_s << true;
    QTest::newRow("http remote") << u"http://kinesis.example.com"_s << false;
    QTest::newRow("http lan") << u"http://192.168.1.4:4567"_s << false;
    QTest::newRow("ftp") << u"ftp://localhost"_s << false;
    QTest::newRow("no scheme") << u"localhost:4567"_s << false;
    QTest::newRow("query") << u"https://x.test/?a=1"_s << false;
}

void TestAddConnectionDialog::endpointProblems()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    QCOMPARE(AddConnectionDialog::endpointProblem(url).isEmpty(), ok);
}

void TestAddConnectionDialog::profileFillsRegionAndName()
{
    auto dialog = openDialog();
    auto *profiles = child<QComboBox>(dialog.get(), u"profileCombo"_s);
    auto *region = child<QComboBox>(dialog.get(), u"regionCombo"_s);
    QVERIFY(child<QRadioButton>(dialog.get(), u"profileRadio"_s)->isChecked());
    QVERIFY(child<QCheckBox>(dialog.get(), u"readOnlyCheck"_s)->isChecked());
    QVERIFY(!child<QLineEdit>(dialog.get(), u"secretKeyEdit"_s)->isVisible());
    QCOMPARE(profiles->count(), 2);
    QCOMPARE(profiles->currentData().toString(), u"dev"_s);
    QCOMPARE(region->currentText(), u"eu-west-2"_s);
    profiles->setCurrentIndex(profiles->findData(u"team"_s));
    QCOMPARE(region->currentText(), u"ap-south-1"_s);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"connectionNameEdit"_s)->text(), u"AWS team (ap-south-1)"_s);
    QCOMPARE(child<QLabel>(dialog.get(), u"profileHint"_s)->text(), u"access keys in the shared files"_s);

    // An endpoint that would send keys in clear text is explained beside the field.
    typeInto(dialog.get(), u"endpointEdit"_s, u"http://kinesis.example.com"_s);
    auto *endpointError = child<InlineErrorLabel>(dialog.get(), u"endpointError"_s);
    QVERIFY(endpointError->isVisible());
    QVERIFY(endpointError->text().contains(u"only allowed for localhost"_s));
    QVERIFY(!child<QPushButton>(dialog.get(), u"saveButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(dialog.get(), u"testButton"_s)->isEnabled());
    typeInto(dialog.get(), u"endpointEdit"_s, QString());
    QVERIFY(!endpointError->isVisible());
    QVERIFY(child<QPushButton>(dialog.get(), u"saveButton"_s)->isEnabled());
}

void TestAddConnectionDialog::testListsStreamsWithTypedKeys()
{
    QVERIFY(m_emulator->createStreams({u"a1"_s, u"b2"_s, u"c3"_s, u"d4"_s, u"e5"_s, u"f6"_s, u"g7"_s}));
    auto dialog = openDialog();
    fillKeys(dialog.get(), kSecret);
    auto *test = child<QPushButton>(dialog.get(), u"testButton"_s);
    QVERIFY(test->isEnabled());
    QTest::mouseClick(test, Qt::LeftButton);
    auto *result = child<QLabel>(dialog.get(), u"testResultLabel"_s);
    // The GUI goes on while the call runs.
    QCOMPARE(result->text(), u"Listing streams…"_s);
    QTRY_VERIFY2(!result->text().startsWith(u"Listing"_s), qPrintable(child<QLabel>(dialog.get(), u"testErrorLabel"_s)->text()));
    QCOMPARE(child<QLabel>(dialog.get(), u"testErrorLabel"_s)->text(), QString());
    QCOMPARE(result->text(), u"✓ 7 streams: a1, b2, c3, d4, e5…"_s);
    QVERIFY(!child<InlineErrorLabel>(dialog.get(), u"testErrorLabel"_s)->isVisible());
    // Nothing was saved by testing.
    QVERIFY(m_store->connections().isEmpty());
    QCOMPARE(m_secrets->size(), 0);
}

void TestAddConnectionDialog::testShowsTheKinesisErrorInline()
{
    QVERIFY(m_emulator->createStreams({u"s"_s}));
    auto dialog = openDialog();
    fillKeys(dialog.get(), u"not-the-secret"_s);
    QTest::mouseClick(child<QPushButton>(dialog.get(), u"testButton"_s), Qt::LeftButton);
    auto *error = child<InlineErrorLabel>(dialog.get(), u"testErrorLabel"_s);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(u"InvalidSignatureException: "_s), qPrintable(error->text()));
    QVERIFY(!child<QLabel>(dialog.get(), u"testResultLabel"_s)->isVisible());
    QVERIFY(!error->text().contains(u"not-the-secret"_s));

    // Fixing the secret and testing again replaces the error with the streams.
    typeInto(dialog.get(), u"secretKeyEdit"_s, kSecret);
    QTest::mouseClick(child<QPushButton>(dialog.get(), u"testButton"_s), Qt::LeftButton);
    QTRY_COMPARE(child<QLabel>(dialog.get(), u"testResultLabel"_s)->text(), u"✓ 1 stream: s"_s);
    QVERIFY(!error->isVisible());
}

void TestAddConnectionDialog::testWithAProfile()
{
    auto dialog = openDialog();
    auto *profiles = child<QComboBox>(dialog.get(), u"profileCombo"_s);
    profiles->setCurrentIndex(profiles->findData(u"team"_s));
    // The emulator signs for us-east-1.
    auto *region = child<QComboBox>(dialog.get(), u"regionCombo"_s);
    region->lineEdit()->selectAll();
    QTest::keyClicks(region->lineEdit(), u"us-east-1"_s);
    typeInto(dialog.get(), u"endpointEdit"_s, m_emulator->url().toString());
    QTest::mouseClick(child<QPushButton>(dialog.get(), u"testButton"_s), Qt::LeftButton);
    QTRY_COMPARE(child<QLabel>(dialog.get(), u"testResultLabel"_s)->text(), u"✓ Connected: no streams in us-east-1."_s);
}

void TestAddConnectionDialog::saveKeepsTheSecretOutOfSettings()
{
    auto dialog = openDialog();
    fillKeys(dialog.get(), kSecret);
    typeInto(dialog.get(), u"sessionTokenEdit"_s, u"token-which-is-secret-too"_s);
    typeInto(dialog.get(), u"connectionNameEdit"_s, u"Staging"_s);
    QSignalSpy saved(dialog.get(), &AddConnectionDialog::connectionSaved);
    QTest::mouseClick(child<QPushButton>(dialog.get(), u"saveButton"_s), Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    const QString id = saved.first().at(0).toString();
    QVERIFY(saved.first().at(1).toBool());

    const auto connection = m_store->connection(id);
    QVERIFY(connection);
    QCOMPARE(connection->displayName, u"Staging"_s);
    QCOMPARE(connection->kind, ConnectionKind::AccessKeys);
    QCOMPARE(connection->accessKeyId, kKeyId);
    QCOMPARE(connection->endpoint, m_emulator->url());
    QVERIFY(connection->readOnly);
    const auto secret = await(m_secrets->read(id));
    VERIFY_OK(secret);
    QCOMPARE(secret->secretAccessKey, kSecret);
    QCOMPARE(secret->sessionToken, u"token-which-is-secret-too"_s);

    m_settings->sync();
    const QByteArray bytes = fileBytes(m_settings->fileName());
    QVERIFY(bytes.contains(kKeyId.toLatin1()));
    QVERIFY(bytes.contains("Staging"));
    QVERIFY(!bytes.contains(kSecret.toLatin1()));
    QVERIFY(!bytes.contains("token-which-is-secret-too"));
}

void TestAddConnectionDialog::keychainFailureSavesNothing()
{
    auto dialog = openDialog();
    fillKeys(dialog.get(), kSecret);
    m_secrets->failNextWith(Error{ErrorType::InternalFailure, u"The keychain is locked."_s});
    QSignalSpy saved(dialog.get(), &AddConnectionDialog::connectionSaved);
    QTest::mouseClick(child<QPushButton>(dialog.get(), u"saveButton"_s), Qt::LeftButton);
    auto *error = child<InlineErrorLabel>(dialog.get(), u"errorLabel"_s);
    QTRY_VERIFY(error->isVisible());
    QCOMPARE(error->text(), u"InternalFailureException: The keychain is locked."_s);
    QCOMPARE(saved.size(), 0);
    QVERIFY(dialog->isVisible());
    QVERIFY(m_store->connections().isEmpty());
    // Nothing typed is lost: saving again works.
    QTest::mouseClick(child<QPushButton>(dialog.get(), u"saveButton"_s), Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(m_store->connections().size(), 1);
}

void TestAddConnectionDialog::editKeepsTheSecretAndRemoves()
{
    QVERIFY(m_emulator->createStreams({u"kept"_s}));
    SavedConnection existing;
    existing.displayName = u"Old name"_s;
    existing.kind = ConnectionKind::AccessKeys;
    existing.accessKeyId = kKeyId;
    existing.region = u"us-east-1"_s;
    existing.endpoint = m_emulator->url();
    existing.readOnly = false;
    const QString id = m_store->add(existing);
    VERIFY_OK(await(m_secrets->write(id, {kSecret, {}})));
    {
        auto dialog = openDialog(id);
        QVERIFY(dialog->isEditing());
        QCOMPARE(child<QLineEdit>(dialog.get(), u"connectionNameEdit"_s)->text(), u"Old name"_s);
        QVERIFY(child<QRadioButton>(dialog.get(), u"keysRadio"_s)->isChecked());
        QCOMPARE(child<QLineEdit>(dialog.get(), u"accessKeyIdEdit"_s)->text(), kKeyId);
        QVERIFY(child<QLineEdit>(dialog.get(), u"secretKeyEdit"_s)->text().isEmpty());
        QVERIFY(!child<QCheckBox>(dialog.get(), u"readOnlyCheck"_s)->isChecked());
        // Test with the stored secret.
        QTest::mouseClick(child<QPushButton>(dialog.get(), u"testButton"_s), Qt::LeftButton);
        QTRY_COMPARE(child<QLabel>(dialog.get(), u"testResultLabel"_s)->text(), u"✓ 1 stream: kept"_s);
        typeInto(dialog.get(), u"connectionNameEdit"_s, u"New name"_s);
        QTest::mouseClick(child<QCheckBox>(dialog.get(), u"readOnlyCheck"_s), Qt::LeftButton, {}, QPoint(4, 4));
        QSignalSpy saved(dialog.get(), &AddConnectionDialog::connectionSaved);
        QTest::mouseClick(child<QPushButton>(dialog.get(), u"saveButton"_s), Qt::LeftButton);
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(saved.first().at(0).toString(), id);
        QVERIFY(!saved.first().at(1).toBool());
    }
    QCOMPARE(m_store->connections().size(), 1);
    QCOMPARE(m_store->connection(id)->displayName, u"New name"_s);
    QVERIFY(m_store->connection(id)->readOnly);
    QCOMPARE(await(m_secrets->read(id))->secretAccessKey, kSecret); // unchanged

    auto dialog = openDialog(id);
    QSignalSpy removed(dialog.get(), &AddConnectionDialog::connectionRemoved);
    QTest::mouseClick(child<QPushButton>(dialog.get(), u"removeButton"_s), Qt::LeftButton);
    QMessageBox *confirmation = nullptr;
    QTRY_VERIFY((confirmation = dialog->findChild<QMessageBox *>(u"removeConfirmation"_s)) &&
                confirmation->isVisible());
    QVERIFY(confirmation->text().contains(u"New name"_s));
    // Cancel keeps everything.
    QTest::keyClick(confirmation, Qt::Key_Escape);
    QTRY_VERIFY(!dialog->findChild<QMessageBox *>(u"removeConfirmation"_s));
    QCOMPARE(removed.size(), 0);
    QCOMPARE(m_store->connections().size(), 1);
    QTest::mouseClick(child<QPushButton>(dialog.get(), u"removeButton"_s), Qt::LeftButton);
    QTRY_VERIFY((confirmation = dialog->findChild<QMessageBox *>(u"removeConfirmation"_s)) &&
                confirmation->isVisible());
    QTest::mouseClick(child<QPushButton>(confirmation, u"confirmRemoveButton"_s), Qt::LeftButton);
    QTRY_COMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(0).toString(), id);
    QVERIFY(m_store->connections().isEmpty());
    QVERIFY(!m_secrets->contains(id));
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
}

QTEST_MAIN(TestAddConnectionDialog)
#include "tst_addconnectiondialog.moc"
