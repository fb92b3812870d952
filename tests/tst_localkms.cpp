// The local KMS: keys, aliases, key states, wrapping and persistence, over a database in a
// QTemporaryDir; and the AES-256-GCM primitive it and the engine use.

#include "engine/aesgcm.h"
#include "engine/localkms.h"
#include "engine/schema.h"
#include "engine/sqlitedb.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <sqlite3.h>

#include "expectedassert.h"

using namespace shardscope;
using shardscope::testing::describe;
using shardscope::testing::typeNameOf;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kNowMs = 1'700'000'000'000;
const QString kRegion = u"eu-west-1"_s;
const QString kAccount = u"123456789012"_s;

} // namespace

namespace {

// A migrated database and a KMS over it, as the engine sets them up.
struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<SqliteDb> db;
    std::unique_ptr<LocalKms> kms;

    bool open()
    {
        auto opened = SqliteDb::open(dir.filePath(u"kms.db"_s), false);
        if (!opened || !Schema::migrate(**opened))
            return false;
        db = std::move(*opened);
        kms = std::make_unique<LocalKms>(kRegion, kAccount);
        return kms->load(*db).has_value() && kms->ensureDefaultKey(*db, kNowMs).has_value();
    }

    // Reopens the KMS over the same database (a restart).
    bool reopen()
    {
        kms = std::make_unique<LocalKms>(kRegion, kAccount);
        return kms->load(*db).has_value() && kms->ensureDefaultKey(*db, kNowMs).has_value();
    }

    template<typename F>
    auto committed(F f)
    {
        auto result = f(*db);
        if (result)
            kms->publish();
        return result;
    }
};

} // namespace

class TestLocalKms : public QObject
{
    Q_OBJECT

private slots:
    void aesGcmRoundTrip_data();
    void aesGcmRoundTrip();
    void aesGcmRejectsTamperingAndWrongKeys();
    void defaultKeyExists();
    void createKeyAndResolveEveryForm();
    void unknownKeys();
    void aliases();
    void keyStates();
    void wrapAndUnwrap();
    void workingAndPublishedViews();
    void persistsAcrossReopen();
};

void TestLocalKms::aesGcmRoundTrip_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QByteArray>("aad");
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    QTest::newRow("empty") << QByteArray("") << QByteArray();
    QTest::newRow("text") << QByteArray("hello, kinesis") << QByteArray("ctx");
    QTest::newRow("all bytes") << all << QByteArray("\0\1\2", 3);
    QTest::newRow("1 MiB") << QByteArray(1024 * 1024, '\x5a') << QByteArray("big");
}

void TestLocalKms::aesGcmRoundTrip()
{
    QFETCH(QByteArray, plaintext);
    QFETCH(QByteArray, aad);
    const QByteArray key = AesGcm::randomBytes(AesGcm::kKeyBytes);
    QCOMPARE(key.size(), qsizetype(AesGcm::kKeyBytes));
    const auto sealed = AesGcm::seal(key, plaintext, aad);
    QVERIFY(sealed);
    QCOMPARE(sealed->size(), plaintext.size() + AesGcm::kOverhead);
    if (plaintext.size() >= 16)
        QVERIFY(!sealed->contains(plaintext.left(16)));
    const auto opened = AesGcm::open(key, *sealed, aad);
    QVERIFY(opened);
    QCOMPARE(*opened, plaintext);
    // A fresh random nonce every time.
    const auto again = AesGcm::seal(key, plaintext, aad);
    QVERIFY(again);
    QVERIFY(*again != *sealed);
}

void TestLocalKms::aesGcmRejectsTamperingAndWrongKeys()
{
    const QByteArray key = AesGcm::randomBytes(AesGcm::kKeyBytes);
    const QByteArray other = AesGcm::randomBytes(AesGcm::kKeyBytes);
    const auto sealed = AesGcm::seal(key, "payload", "aad");
    QVERIFY(sealed);
    QVERIFY(!AesGcm::open(other, *sealed, "aad"));
    QVERIFY(!AesGcm::open(key, *sealed, "other aad"));
    for (qsizetype i = 0; i < sealed->size(); ++i) {
        QByteArray flipped = *sealed;
        flipped[i] = char(flipped[i] ^ 0x01);
        QVERIFY2(!AesGcm::open(key, flipped, "aad"), qPrintable(QString::number(i)));
    }
    QVERIFY(!AesGcm::open(key, sealed->left(AesGcm::kOverhead - 1), "aad"));
    QVERIFY(!AesGcm::seal(key.left(16), "x", {}));
}

void TestLocalKms::defaultKeyExists()
{
    Fixture f;
    QVERIFY(f.open());
    const auto aliases = f.kms->aliases();
    QCOMPARE(aliases.size(), 1);
    QCOMPARE(aliases[0].aliasName, u"alias/aws/kinesis"_s);
    QCOMPARE(aliases[0].aliasArn, u"arn:aws:kms:eu-west-1:123456789012:alias/aws/kinesis"_s);
    const auto keys = f.kms->keys();
    QCOMPARE(keys.size(), 1);
    QVERIFY(keys[0].awsManaged);
    QCOMPARE(keys[0].state, KmsKeyState::Enabled);
    QCOMPARE(aliases[0].targetKeyId, keys[0].keyId);
    const auto found = f.kms->find(u"alias/aws/kinesis"_s);
    VERIFY_OK(found);
    QCOMPARE(found->keyId, keys[0].keyId);
    VERIFY_OK(f.kms->checkUsable(u"alias/aws/kinesis"_s));
    // The AWS-managed key cannot be disabled or deleted.
    VERIFY_ERROR(f.kms->disableKey(*f.db, keys[0].keyId), ErrorType::KmsInvalidState);
    VERIFY_ERROR(f.kms->scheduleKeyDeletion(*f.db, keys[0].keyId, kNowMs), ErrorType::KmsInvalidState);
    // Opening again does not make a second default key.
    QVERIFY(f.reopen());
    QCOMPARE(f.kms->keys().size(), 1);
}

void TestLocalKms::createKeyAndResolveEveryForm()
{
    Fixture f;
    QVERIFY(f.open());
    const auto key = f.committed([&](SqliteDb &db) { return f.kms->createKey(db, u"mine"_s, kNowMs); });
    VERIFY_OK(key);
    QVERIFY(!QUuid::fromString(key->keyId).isNull());
    QCOMPARE(key->arn, u"arn:aws:kms:eu-west-1:123456789012:key/"_s + key->keyId);
    QCOMPARE(key->description, u"mine"_s);
    QCOMPARE(key->creationDateMs, kNowMs);
    QCOMPARE(key->state, KmsKeyState::Enabled);
    QVERIFY(!key->awsManaged);
    VERIFY_OK(f.committed([&](SqliteDb &db) { return f.kms->createAlias(db, u"alias/app"_s, key->keyId); }));

    for (const QString &form : {key->keyId, key->arn, u"alias/app"_s,
                                u"arn:aws:kms:eu-west-1:123456789012:alias/app"_s}) {
        const auto found = f.kms->find(form);
        QVERIFY2(found.has_value(), qPrintable(form));
        QCOMPARE(found->keyId, key->keyId);
    }

    // The material: 32 random bytes per key, stored in the database.
    auto select = f.db->prepare("SELECT length(material) FROM kms_keys");
    QVERIFY(select);
    int rows = 0;
    while (select->step() == SQLITE_ROW) {
        QCOMPARE(select->columnInt64(0), qint64(32));
        rows++;
    }
    QCOMPARE(rows, 2);
}

void TestLocalKms::unknownKeys()
{
    Fixture f;
    QVERIFY(f.open());
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = f.kms->find(id);
    VERIFY_ERROR(r, ErrorType::KmsNotFound);
    QCOMPARE(r.error().message,
             u"Key 'arn:aws:kms:eu-west-1:123456789012:key/"_s + id + u"' does not exist"_s);
    r = f.kms->find(u"alias/nope"_s);
    VERIFY_ERROR(r, ErrorType::KmsNotFound);
    QCOMPARE(r.error().message,
             u"Alias arn:aws:kms:eu-west-1:123456789012:alias/nope is not found."_s);
    r = f.kms->find(u"not-a-key"_s);
    VERIFY_ERROR(r, ErrorType::KmsNotFound);
    QCOMPARE(r.error().message, u"Invalid keyId 'not-a-key'"_s);
    // Another account or region does not resolve here.
    const QString defaultId = f.kms->keys().front().keyId;
    VERIFY_ERROR(f.kms->find(u"arn:aws:kms:us-east-1:123456789012:key/"_s + defaultId),
                 ErrorType::KmsNotFound);
    VERIFY_ERROR(f.kms->find(u"arn:aws:kms:eu-west-1:000000000000:alias/aws/kinesis"_s),
                 ErrorType::KmsNotFound);
    VERIFY_ERROR(f.kms->checkUsable(u"alias/nope"_s), ErrorType::KmsNotFound);
}

void TestLocalKms::aliases()
{
    Fixture f;
    QVERIFY(f.open());
    const auto key = f.committed([&](SqliteDb &db) { return f.kms->createKey(db, {}, kNowMs); });
    VERIFY_OK(key);
    const auto alias = f.committed([&](SqliteDb &db) {
        return f.kms->createAlias(db, u"alias/team/orders_v2-x"_s, key->arn);
    });
    VERIFY_OK(alias);
    QCOMPARE(alias->targetKeyId, key->keyId);
    QCOMPARE(alias->aliasArn, u"arn:aws:kms:eu-west-1:123456789012:alias/team/orders_v2-x"_s);

    VERIFY_ERROR(f.kms->createAlias(*f.db, u"alias/team/orders_v2-x"_s, key->keyId),
                 ErrorType::ResourceInUse);
    VERIFY_ERROR(f.kms->createAlias(*f.db, u"alias/aws/mine"_s, key->keyId),
                 ErrorType::InvalidArgument);
    VERIFY_ERROR(f.kms->createAlias(*f.db, u"nope"_s, key->keyId), ErrorType::InvalidArgument);
    VERIFY_ERROR(f.kms->createAlias(*f.db, u"alias/"_s, key->keyId), ErrorType::InvalidArgument);
    VERIFY_ERROR(f.kms->createAlias(*f.db, u"alias/sp ace"_s, key->keyId), ErrorType::InvalidArgument);
    VERIFY_ERROR(f.kms->createAlias(*f.db, u"alias/x"_s,
                                    QUuid::createUuid().toString(QUuid::WithoutBraces)),
                 ErrorType::KmsNotFound);
    // An alias names a key, not another alias.
    VERIFY_ERROR(f.kms->createAlias(*f.db, u"alias/x"_s, u"alias/team/orders_v2-x"_s),
                 ErrorType::KmsNotFound);
    VERIFY_ERROR(f.kms->createAlias(*f.db, u"alias/x"_s, u"alias/aws/kinesis"_s),
                 ErrorType::KmsNotFound);
    QCOMPARE(f.kms->aliases().size(), 2);
}

void TestLocalKms::keyStates()
{
    Fixture f;
    QVERIFY(f.open());
    const auto key = f.committed([&](SqliteDb &db) { return f.kms->createKey(db, {}, kNowMs); });
    VERIFY_OK(key);
    const QString id = key->keyId;
    auto commit = [&](auto result) {
        if (result)
            f.kms->publish();
        return result;
    };

    auto disabled = commit(f.kms->disableKey(*f.db, id));
    VERIFY_OK(disabled);
    QCOMPARE(disabled->state, KmsKeyState::Disabled);
    auto usable = f.kms->checkUsable(id);
    VERIFY_ERROR(usable, ErrorType::KmsDisabled);
    QVERIFY(usable.error().message.contains(key->arn));
    VERIFY_OK(commit(f.kms->disableKey(*f.db, id))); // twice is fine

    VERIFY_OK(commit(f.kms->enableKey(*f.db, id)));
    VERIFY_OK(f.kms->checkUsable(id));

    auto deleted = commit(f.kms->scheduleKeyDeletion(*f.db, id, kNowMs + 5));
    VERIFY_OK(deleted);
    QCOMPARE(deleted->state, KmsKeyState::PendingDeletion);
    QCOMPARE(deleted->deletionDateMs, std::optional<qint64>(kNowMs + 5));
    VERIFY_ERROR(f.kms->checkUsable(id), ErrorType::KmsNotFound);
    VERIFY_ERROR(f.kms->enableKey(*f.db, id), ErrorType::KmsInvalidState);
    VERIFY_ERROR(f.kms->disableKey(*f.db, id), ErrorType::KmsInvalidState);
    VERIFY_ERROR(f.kms->scheduleKeyDeletion(*f.db, id, kNowMs), ErrorType::KmsInvalidState);
    VERIFY_ERROR(f.kms->createAlias(*f.db, u"alias/late"_s, id), ErrorType::KmsInvalidState);

    // Cancelling brings it back disabled, with its material: nothing is lost.
    auto back = commit(f.kms->cancelKeyDeletion(*f.db, id));
    VERIFY_OK(back);
    QCOMPARE(back->state, KmsKeyState::Disabled);
    QVERIFY(!back->deletionDateMs);
    VERIFY_ERROR(f.kms->cancelKeyDeletion(*f.db, id), ErrorType::KmsInvalidState);
    VERIFY_OK(commit(f.kms->enableKey(*f.db, id)));
    VERIFY_OK(f.kms->checkUsable(id));

    VERIFY_ERROR(f.kms->enableKey(*f.db, u"alias/none"_s), ErrorType::KmsNotFound);
}

void TestLocalKms::wrapAndUnwrap()
{
    Fixture f;
    QVERIFY(f.open());
    const auto key = f.committed([&](SqliteDb &db) { return f.kms->createKey(db, {}, kNowMs); });
    VERIFY_OK(key);
    const QByteArray dataKey = AesGcm::randomBytes(32);
    const auto view = LocalKms::View::Published;
    const auto wrapped = f.kms->wrap(key->keyId, dataKey, "stream 1", view);
    VERIFY_OK(wrapped);
    QVERIFY(!wrapped->contains(dataKey));
    const auto unwrapped = f.kms->unwrap(key->arn, *wrapped, "stream 1", view);
    VERIFY_OK(unwrapped);
    QCOMPARE(*unwrapped, dataKey);
    // Bound to its context and to its key.
    VERIFY_ERROR(f.kms->unwrap(key->keyId, *wrapped, "stream 2", view), ErrorType::InternalFailure);
    VERIFY_ERROR(f.kms->unwrap(u"alias/aws/kinesis"_s, *wrapped, "stream 1", view),
                 ErrorType::InternalFailure);

    VERIFY_OK(f.committed([&](SqliteDb &db) { return f.kms->disableKey(db, key->keyId); }));
    VERIFY_ERROR(f.kms->unwrap(key->keyId, *wrapped, "stream 1", view), ErrorType::KmsDisabled);
    VERIFY_ERROR(f.kms->wrap(key->keyId, dataKey, "stream 1", view), ErrorType::KmsDisabled);
    VERIFY_OK(f.committed([&](SqliteDb &db) { return f.kms->enableKey(db, key->keyId); }));
    QCOMPARE(*f.kms->unwrap(key->keyId, *wrapped, "stream 1", view), dataKey);
}

void TestLocalKms::workingAndPublishedViews()
{
    Fixture f;
    QVERIFY(f.open());
    // Not published yet (the engine publishes after its commit): readers do not see it.
    const auto key = f.kms->createKey(*f.db, {}, kNowMs);
    VERIFY_OK(key);
    QVERIFY(f.kms->isDirty());
    VERIFY_ERROR(f.kms->find(key->keyId), ErrorType::KmsNotFound);
    VERIFY_OK(f.kms->find(key->keyId, LocalKms::View::Working));
    QCOMPARE(f.kms->keys().size(), 1);
    f.kms->publish();
    QVERIFY(!f.kms->isDirty());
    VERIFY_OK(f.kms->find(key->keyId));
    QCOMPARE(f.kms->keys().size(), 2);
}

void TestLocalKms::persistsAcrossReopen()
{
    Fixture f;
    QVERIFY(f.open());
    const auto a = f.committed([&](SqliteDb &db) { return f.kms->createKey(db, u"a"_s, kNowMs); });
    const auto b = f.committed([&](SqliteDb &db) { return f.kms->createKey(db, u"b"_s, kNowMs + 1); });
    VERIFY_OK(a);
    VERIFY_OK(b);
    VERIFY_OK(f.committed([&](SqliteDb &db) { return f.kms->createAlias(db, u"alias/a"_s, a->keyId); }));
    VERIFY_OK(f.committed([&](SqliteDb &db) { return f.kms->disableKey(db, a->keyId); }));
    VERIFY_OK(f.committed([&](SqliteDb &db) { return f.kms->scheduleKeyDeletion(db, b->keyId, kNowMs + 9); }));
    const auto wrapped = f.kms->wrap(u"alias/aws/kinesis"_s, "secret", "c", LocalKms::View::Published);
    VERIFY_OK(wrapped);

    QVERIFY(f.reopen());
    QCOMPARE(f.kms->keys().size(), 3);
    QCOMPARE(f.kms->aliases().size(), 2);
    const auto foundA = f.kms->find(u"alias/a"_s);
    VERIFY_OK(foundA);
    QCOMPARE(foundA->keyId, a->keyId);
    QCOMPARE(foundA->description, u"a"_s);
    QCOMPARE(foundA->state, KmsKeyState::Disabled);
    const auto foundB = f.kms->find(b->arn);
    VERIFY_OK(foundB);
    QCOMPARE(foundB->state, KmsKeyState::PendingDeletion);
    QCOMPARE(foundB->deletionDateMs, std::optional<qint64>(kNowMs + 9));
    QCOMPARE(foundB->creationDateMs, kNowMs + 1);
    // The same material after the restart.
    const auto unwrapped = f.kms->unwrap(u"alias/aws/kinesis"_s, *wrapped, "c", LocalKms::View::Published);
    VERIFY_OK(unwrapped);
    QCOMPARE(*unwrapped, QByteArray("secret"));
}

QTEST_GUILESS_MAIN(TestLocalKms)
#include "tst_localkms.moc"
