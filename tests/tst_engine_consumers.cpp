// Enhanced fan-out consumers in the engine: RegisterStreamConsumer, DescribeStreamConsumer,
// ListStreamConsumers, DeregisterStreamConsumer, their status timing, limits and errors,
// DeleteStream's EnforceConsumerDeletion, ConsumerCount, and persistence across reopening.
//
// Message texts: the DeleteStream refusal is AWS's (quoted in aws-nuke#497, terraform-provider-
// aws#8420, aws-cli#3580). The other consumer messages were not found in any public source; they
// are our wording, modelled on Kinesis's "Consumer <name> with creation timestamp <t> under
// stream <s> and account <a> is not in ACTIVE status." and marked "our wording" below.

#include "expectedassert.h"

#include "engine/clock.h"
#include "engine/engine.h"
#include "engine/sqlitedb.h"
#include "kinesis/api.h"
#include "kinesis/error.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace shardscope;
using namespace Qt::StringLiterals;

// Re-emits the engine's catalogChanged (sent from the writer thread) on the test thread, so that
// QSignalSpy only ever runs on the thread that reads it.
class CatalogRelay final : public QObject
{
    Q_OBJECT
public:
    explicit CatalogRelay(Engine *engine)
    {
        connect(engine, &Engine::catalogChanged, this, &CatalogRelay::catalogChanged,
                Qt::QueuedConnection);
    }

signals:
    void catalogChanged();
};

namespace {

constexpr qint64 kStart = 1'700'000'000'000;
constexpr qint64 kSecond = 1000;
constexpr qint64 kCreateDelay = 500;
constexpr qint64 kDeleteDelay = 800;

const QString kAccount = u"000000000000"_s;
const QString kNamePattern = u"[a-zA-Z0-9_.-]+"_s;
const QString kStreamArnPattern = u"arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+"_s;
const QString kConsumerArnPattern =
    u"^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+"_s;

QString streamArnOf(const QString &stream, const QString &account = kAccount)
{
    return u"arn:aws:kinesis:us-east-1:"_s + account + u":stream/"_s + stream;
}

QString consumerArnOf(const QString &stream, const QString &consumer, qint64 createdMs)
{
    return streamArnOf(stream) + u"/consumer/"_s + consumer + u':' +
           QString::number(createdMs / 1000);
}

QString streamNotFound(const QString &stream)
{
    return u"Stream "_s + stream + u" under account "_s + kAccount + u" not found."_s;
}

// Our wording (no AWS text found).
QString consumerNotFound(const QString &consumer, const QString &stream)
{
    return u"Consumer "_s + consumer + u" under stream "_s + stream + u" and account "_s +
           kAccount + u" not found."_s;
}

// AWS's text, with its typographic apostrophe.
QString deleteRefused(const QString &stream)
{
    return u"DeleteStream can\u2019t delete "_s + kAccount + u':' + stream +
           u" because there are consumers associated with this data stream. To delete "_s + stream +
           u" anyway, set the EnforceConsumerDeletion parameter to true to force the deletion "
           u"of all the consumers that are associated with it."_s;
}

QString violation(const QString &field, const QString &value, const QString &constraint)
{
    const QString shown = value.isNull() ? u"null"_s : u'\'' + value + u'\'';
    return u"Value "_s + shown + u" at '"_s + field + u"' failed to satisfy constraint: "_s +
           constraint;
}

QString validation(const QStringList &violations)
{
    const QString header = violations.size() == 1 ? u"1 validation error detected: "_s
                                                  : QString::number(violations.size()) +
                                                        u" validation errors detected: "_s;
    return header + violations.join(u"; "_s);
}

RegisterStreamConsumerRequest registration(const QString &stream, const QString &consumer,
                                           const TagMap &tags = {})
{
    return RegisterStreamConsumerRequest{streamArnOf(stream), consumer, tags};
}

ListStreamConsumersRequest listRequest(const QString &stream, std::optional<int> maxResults = {},
                                       const QString &token = {})
{
    ListStreamConsumersRequest r;
    r.streamArn = streamArnOf(stream);
    r.maxResults = maxResults;
    r.nextToken = token;
    return r;
}

QStringList namesOf(const QList<Consumer> &consumers)
{
    QStringList names;
    for (const Consumer &c : consumers)
        names.append(c.consumerName);
    return names;
}

// One engine over a database in its own temporary directory, with a manual clock.
struct Env
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStart);
    EngineOptions options;
    std::unique_ptr<Engine> engine; // declared last: destroyed before the directory

    Env()
    {
        options.databasePath = dir.filePath(u"e.db"_s);
        options.clock = clock;
        options.createDelayMs = kCreateDelay;
        options.deleteDelayMs = kDeleteDelay;
        options.updateDelayMs = 300;
    }

    QString open()
    {
        if (!dir.isValid())
            return u"temporary directory: "_s + dir.errorString();
        engine.reset();
        auto opened = Engine::open(options);
        if (!opened)
            return opened.error().typeName() + u": "_s + opened.error().message;
        engine = std::move(*opened);
        return {};
    }

    // Creates a provisioned stream and lets it become ACTIVE.
    std::expected<void, Error> createActive(const QString &name, int shards = 1)
    {
        CreateStreamRequest r;
        r.streamName = name;
        r.shardCount = shards;
        auto created = engine->createStream(r);
        if (created)
            clock->advanceMs(kCreateDelay);
        return created;
    }

    std::expected<int, Error> consumerCount(const QString &stream) const
    {
        auto summary = engine->describeStreamSummary(StreamTarget::byName(stream));
        if (!summary)
            return std::unexpected(summary.error());
        return summary->consumerCount;
    }

    // Rows of a table, read with a connection of our own.
    qint64 rowCount(const char *table) const
    {
        auto db = SqliteDb::open(options.databasePath, true);
        if (!db)
            return -1;
        const QByteArray sql = QByteArray("SELECT count(*) FROM ") + table;
        auto stmt = (*db)->prepare(sql.constData());
        if (!stmt || stmt->step() != 100 /* SQLITE_ROW */)
            return -1;
        return stmt->columnInt64(0);
    }
};

#define OPEN_ENV(env)                                                                              \
    Env env;                                                                                       \
    do {                                                                                           \
        const QString problem_ = env.open();                                                       \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (false)

} // namespace

class TestEngineConsumers : public QObject
{
    Q_OBJECT

private slots:
    void lifecycle();
    void describeByNameAndArn();
    void registerValidation_data();
    void registerValidation();
    void registerOnMissingOrInactiveStream();
    void registerExistingName();
    void registerTags();
    void consumerTagsThroughResourceApi();
    void consumerLimit();
    void creatingLimit();
    void targetErrors_data();
    void targetErrors();
    void reRegisteredConsumerHasNewArn();
    void deregisterTwice();
    void listValidation();
    void listPaging();
    void listTokens();
    void listStreamCreationTimestamp();
    void deleteStreamRefusedWithConsumers();
    void deleteStreamEnforceConsumerDeletion();
    void deleteStreamWithOnlyDeregisteredConsumers();
    void consumersOfRecreatedStream();
    void persistence();
    void housekeepingSettlesAndPurges();
    void catalogChangedOnRegistration();
};

void TestEngineConsumers::lifecycle()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"orders"_s));
    QCOMPARE(*env.consumerCount(u"orders"_s), 0);

    const qint64 registeredAt = env.clock->nowMs();
    const auto registered =
        env.engine->registerStreamConsumer(registration(u"orders"_s, u"app-1"_s));
    VERIFY_OK(registered);
    QCOMPARE(registered->consumerName, u"app-1"_s);
    QCOMPARE(registered->consumerStatus, ConsumerStatus::Creating);
    QCOMPARE(registered->consumerCreationTimestamp, registeredAt);
    const QString arn = consumerArnOf(u"orders"_s, u"app-1"_s, registeredAt);
    QCOMPARE(registered->consumerArn, arn);
    QCOMPARE(arn,
             u"arn:aws:kinesis:us-east-1:000000000000:stream/orders/consumer/app-1:1700000000"_s);
    QCOMPARE(*env.consumerCount(u"orders"_s), 1);

    auto described = env.engine->describeStreamConsumer(ConsumerTarget::byArn(arn));
    VERIFY_OK(described);
    QCOMPARE(described->consumerStatus, ConsumerStatus::Creating);
    QCOMPARE(described->streamArn, streamArnOf(u"orders"_s));

    // CREATING lasts createDelayMs.
    env.clock->advanceMs(kCreateDelay - 1);
    QCOMPARE(env.engine->describeStreamConsumer(ConsumerTarget::byArn(arn))->consumerStatus,
             ConsumerStatus::Creating);
    env.clock->advanceMs(1);
    QCOMPARE(env.engine->describeStreamConsumer(ConsumerTarget::byArn(arn))->consumerStatus,
             ConsumerStatus::Active);

    auto listed = env.engine->listStreamConsumers(listRequest(u"orders"_s));
    VERIFY_OK(listed);
    QCOMPARE(listed->consumers.size(), 1);
    QCOMPARE(listed->consumers[0].consumerArn, arn);
    QCOMPARE(listed->consumers[0].consumerStatus, ConsumerStatus::Active);
    QCOMPARE(listed->consumers[0].consumerCreationTimestamp, registeredAt);
    QVERIFY(listed->nextToken.isEmpty());

    // Deregistered: DELETING for deleteDelayMs, still listed and counted, then gone.
    VERIFY_OK(env.engine->deregisterStreamConsumer(ConsumerTarget::byArn(arn)));
    QCOMPARE(env.engine->describeStreamConsumer(ConsumerTarget::byArn(arn))->consumerStatus,
             ConsumerStatus::Deleting);
    listed = env.engine->listStreamConsumers(listRequest(u"orders"_s));
    VERIFY_OK(listed);
    QCOMPARE(listed->consumers.size(), 1);
    QCOMPARE(listed->consumers[0].consumerStatus, ConsumerStatus::Deleting);
    QCOMPARE(*env.consumerCount(u"orders"_s), 1);
    env.clock->advanceMs(kDeleteDelay - 1);
    VERIFY_OK(env.engine->describeStreamConsumer(ConsumerTarget::byArn(arn)));
    env.clock->advanceMs(1);
    COMPARE_ERROR(env.engine->describeStreamConsumer(ConsumerTarget::byArn(arn)),
                  ErrorType::ResourceNotFound, consumerNotFound(u"app-1"_s, u"orders"_s));
    QVERIFY(env.engine->listStreamConsumers(listRequest(u"orders"_s))->consumers.isEmpty());
    QCOMPARE(*env.consumerCount(u"orders"_s), 0);
    COMPARE_ERROR(env.engine->deregisterStreamConsumer(ConsumerTarget::byArn(arn)),
                  ErrorType::ResourceNotFound, consumerNotFound(u"app-1"_s, u"orders"_s));
}

void TestEngineConsumers::describeByNameAndArn()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    const auto registered = env.engine->registerStreamConsumer(registration(u"s"_s, u"c.1_x-y"_s));
    VERIFY_OK(registered);
    const QString arn = registered->consumerArn;

    const auto byName = env.engine->describeStreamConsumer(
        ConsumerTarget::byName(streamArnOf(u"s"_s), u"c.1_x-y"_s));
    VERIFY_OK(byName);
    QCOMPARE(byName->consumerName, u"c.1_x-y"_s);
    QCOMPARE(byName->consumerArn, arn);
    QCOMPARE(byName->consumerCreationTimestamp, kStart + kCreateDelay);
    QCOMPARE(byName->streamArn, streamArnOf(u"s"_s));

    // All three members, agreeing.
    const auto all =
        env.engine->describeStreamConsumer(ConsumerTarget{streamArnOf(u"s"_s), u"c.1_x-y"_s, arn});
    VERIFY_OK(all);
    QCOMPARE(all->consumerArn, arn);

    // Deregistration by stream ARN and name.
    VERIFY_OK(env.engine->deregisterStreamConsumer(
        ConsumerTarget::byName(streamArnOf(u"s"_s), u"c.1_x-y"_s)));
    QCOMPARE(env.engine->describeStreamConsumer(ConsumerTarget::byArn(arn))->consumerStatus,
             ConsumerStatus::Deleting);
}

void TestEngineConsumers::registerValidation_data()
{
    QTest::addColumn<QString>("streamArn");
    QTest::addColumn<QString>("consumerName");
    QTest::addColumn<QString>("message");
    const QString nullText;
    const QString arn = streamArnOf(u"s"_s);
    QTest::newRow("nothing")
        << nullText << nullText
        << validation({violation(u"streamARN"_s, {}, u"Member must not be null"_s),
                       violation(u"consumerName"_s, {}, u"Member must not be null"_s)});
    QTest::newRow("empty name")
        << arn << u""_s
        << validation(
               {violation(u"consumerName"_s, u""_s,
                          u"Member must satisfy regular expression pattern: "_s + kNamePattern),
                violation(u"consumerName"_s, u""_s,
                          u"Member must have length greater than or equal to 1"_s)});
    QTest::newRow("bad characters")
        << arn << u"my consumer"_s
        << validation(
               {violation(u"consumerName"_s, u"my consumer"_s,
                          u"Member must satisfy regular expression pattern: "_s + kNamePattern)});
    const QString longName(129, u'c');
    QTest::newRow("129 characters")
        << arn << longName
        << validation({violation(u"consumerName"_s, longName,
                                 u"Member must have length less than or equal to 128"_s)});
    QTest::newRow("not a stream ARN")
        << u"arn:aws:sqs:us-east-1:000000000000:queue"_s << u"c"_s
        << validation({violation(u"streamARN"_s, u"arn:aws:sqs:us-east-1:000000000000:queue"_s,
                                 u"Member must satisfy regular expression pattern: "_s +
                                     kStreamArnPattern)});
}

void TestEngineConsumers::registerValidation()
{
    QFETCH(QString, streamArn);
    QFETCH(QString, consumerName);
    QFETCH(QString, message);
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    COMPARE_ERROR(env.engine->registerStreamConsumer({streamArn, consumerName, {}}),
                  ErrorType::Validation, message);
    QCOMPARE(*env.consumerCount(u"s"_s), 0);
}

void TestEngineConsumers::registerOnMissingOrInactiveStream()
{
    OPEN_ENV(env);
    COMPARE_ERROR(env.engine->registerStreamConsumer(registration(u"absent"_s, u"c"_s)),
                  ErrorType::ResourceNotFound, streamNotFound(u"absent"_s));
    // Another account's stream is not ours.
    COMPARE_ERROR(env.engine->registerStreamConsumer(
                      {streamArnOf(u"absent"_s, u"123456789012"_s), u"c"_s, {}}),
                  ErrorType::ResourceNotFound, streamNotFound(u"absent"_s));

    CreateStreamRequest create;
    create.streamName = u"young"_s;
    create.shardCount = 1;
    VERIFY_OK(env.engine->createStream(create));
    COMPARE_ERROR(
        env.engine->registerStreamConsumer(registration(u"young"_s, u"c"_s)),
        ErrorType::ResourceInUse,
        u"Stream young under account 000000000000 not ACTIVE, instead in state CREATING"_s);
    env.clock->advanceMs(kCreateDelay);
    VERIFY_OK(env.engine->registerStreamConsumer(registration(u"young"_s, u"c"_s)));

    // UPDATING counts as not ACTIVE too.
    VERIFY_OK(env.engine->updateStreamMode({streamArnOf(u"young"_s), StreamMode::OnDemand}));
    COMPARE_ERROR(
        env.engine->registerStreamConsumer(registration(u"young"_s, u"d"_s)),
        ErrorType::ResourceInUse,
        u"Stream young under account 000000000000 not ACTIVE, instead in state UPDATING"_s);

    // A stream being deleted (with its consumers) takes no new ones.
    env.clock->advanceMs(kSecond);
    VERIFY_OK(env.engine->deleteStream({StreamTarget::byName(u"young"_s), true}));
    COMPARE_ERROR(
        env.engine->registerStreamConsumer(registration(u"young"_s, u"d"_s)),
        ErrorType::ResourceInUse,
        u"Stream young under account 000000000000 not ACTIVE, instead in state DELETING"_s);
}

void TestEngineConsumers::registerExistingName()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    VERIFY_OK(env.createActive(u"t"_s));
    VERIFY_OK(env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s)));
    // Our wording.
    const QString exists = u"Consumer c under stream s and account 000000000000 already exists."_s;
    COMPARE_ERROR(env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s)),
                  ErrorType::ResourceInUse, exists);
    env.clock->advanceMs(kCreateDelay);
    COMPARE_ERROR(env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s)),
                  ErrorType::ResourceInUse, exists);
    // Names are per stream.
    VERIFY_OK(env.engine->registerStreamConsumer(registration(u"t"_s, u"c"_s)));
    // Names are case-sensitive.
    VERIFY_OK(env.engine->registerStreamConsumer(registration(u"s"_s, u"C"_s)));

    // While DELETING the name is still taken; once gone it is free again.
    VERIFY_OK(
        env.engine->deregisterStreamConsumer(ConsumerTarget::byName(streamArnOf(u"s"_s), u"c"_s)));
    COMPARE_ERROR(env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s)),
                  ErrorType::ResourceInUse, exists);
    env.clock->advanceMs(kDeleteDelay);
    VERIFY_OK(env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s)));
}

void TestEngineConsumers::registerTags()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    VERIFY_OK(env.engine->registerStreamConsumer(
        registration(u"s"_s, u"tagged"_s, {{u"team"_s, u"data"_s}, {u"empty"_s, u""_s}})));

    TagMap tooLong{{QString(129, u'k'), u"v"_s}};
    COMPARE_ERROR(
        env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s, tooLong)),
        ErrorType::Validation,
        validation({u"Value '{"_s + QString(129, u'k') +
                    u"=v}' at 'tags' failed to satisfy constraint: Map keys must satisfy "
                    u"constraint: [Member must have length less than or equal to 128, Member "
                    u"must have length greater than or equal to 1]"_s}));
    COMPARE_ERROR(env.engine->registerStreamConsumer(
                      registration(u"s"_s, u"c"_s, {{u"semi;colon"_s, u"v"_s}})),
                  ErrorType::InvalidArgument,
                  u"Some tags contain invalid characters. Valid characters: Unicode letters, "
                  u"digits, white space, _ . / = + - % @."_s);
    COMPARE_ERROR(env.engine->registerStreamConsumer(
                      registration(u"s"_s, u"c"_s, {{u"aws:owner"_s, u"me"_s}})),
                  ErrorType::InvalidArgument,
                  u"Tag keys starting with 'aws:' are reserved. Invalid key: aws:owner"_s);
    TagMap many;
    for (int i = 0; i < 51; ++i)
        many.insert(u"k"_s + QString::number(i), u"v"_s);
    VERIFY_ERROR(env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s, many)),
                 ErrorType::InvalidArgument);
    // None of the refused registrations left a consumer behind.
    const auto listed = env.engine->listStreamConsumers(listRequest(u"s"_s));
    VERIFY_OK(listed);
    QCOMPARE(namesOf(listed->consumers), QStringList{u"tagged"_s});
}

void TestEngineConsumers::consumerTagsThroughResourceApi()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    VERIFY_OK(
        env.engine->addTagsToStream({StreamTarget::byName(u"s"_s), {{u"stream"_s, u"tag"_s}}}));
    const auto c = env.engine->registerStreamConsumer(
        registration(u"s"_s, u"c"_s, {{u"team"_s, u"data"_s}, {u"empty"_s, u""_s}}));
    VERIFY_OK(c);
    const QString arn = c->consumerArn;
    const auto tagTexts = [&](const QString &resource) {
        QStringList texts;
        const auto listed = env.engine->listTagsForResource({resource});
        if (!listed)
            return QStringList{listed.error().typeName() + u": "_s + listed.error().message};
        for (const Tag &t : listed->tags)
            texts.append(t.key + u'=' + t.value);
        return texts;
    };
    QCOMPARE(tagTexts(arn), (QStringList{u"empty="_s, u"team=data"_s}));
    // The stream's tags are its own.
    QCOMPARE(tagTexts(streamArnOf(u"s"_s)), QStringList{u"stream=tag"_s});

    VERIFY_OK(env.engine->tagResource({arn, {{u"team"_s, u"ops"_s}, {u"cost"_s, u"7"_s}}}));
    VERIFY_OK(env.engine->untagResource({arn, {u"empty"_s, u"absent"_s}}));
    QCOMPARE(tagTexts(arn), (QStringList{u"cost=7"_s, u"team=ops"_s}));
    QCOMPARE(tagTexts(streamArnOf(u"s"_s)), QStringList{u"stream=tag"_s});

    // Refusals change nothing.
    COMPARE_ERROR(env.engine->tagResource({arn, {{u"aws:x"_s, u"1"_s}}}),
                  ErrorType::InvalidArgument,
                  u"Tag keys starting with 'aws:' are reserved. Invalid key: aws:x"_s);
    VERIFY_ERROR(env.engine->tagResource({arn, {{u"a,b"_s, u"1"_s}}}), ErrorType::InvalidArgument);
    TagMap many;
    for (int i = 0; i < 49; ++i)
        many.insert(u"k"_s + QString::number(i), u"v"_s);
    VERIFY_ERROR(env.engine->tagResource({arn, many}), ErrorType::InvalidArgument);
    QCOMPARE(tagTexts(arn), (QStringList{u"cost=7"_s, u"team=ops"_s}));

    // Persisted.
    QVERIFY(env.open().isEmpty());
    QCOMPARE(tagTexts(arn), (QStringList{u"cost=7"_s, u"team=ops"_s}));

    // Unknown consumers, and a consumer ARN from before a re-registration.
    const QString ghost = consumerArnOf(u"s"_s, u"ghost"_s, kStart);
    COMPARE_ERROR(env.engine->listTagsForResource({ghost}), ErrorType::ResourceNotFound,
                  consumerNotFound(u"ghost"_s, u"s"_s));
    COMPARE_ERROR(env.engine->tagResource({ghost, {{u"a"_s, u"b"_s}}}), ErrorType::ResourceNotFound,
                  consumerNotFound(u"ghost"_s, u"s"_s));
    VERIFY_OK(env.engine->deregisterStreamConsumer(ConsumerTarget::byArn(arn)));
    env.clock->advanceMs(kDeleteDelay + 5 * kSecond);
    const auto again = env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s));
    VERIFY_OK(again);
    COMPARE_ERROR(env.engine->untagResource({arn, {u"team"_s}}), ErrorType::ResourceNotFound,
                  consumerNotFound(u"c"_s, u"s"_s));
    QCOMPARE(tagTexts(again->consumerArn), QStringList());
}

void TestEngineConsumers::consumerLimit()
{
    OPEN_ENV(env);
    env.options.createDelayMs = 0; // no CREATING limit in the way
    QVERIFY(env.open().isEmpty());
    VERIFY_OK(env.createActive(u"s"_s));
    for (int i = 0; i < 20; ++i)
        VERIFY_OK(
            env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s + QString::number(i))));
    QCOMPARE(*env.consumerCount(u"s"_s), 20);
    // Our wording.
    COMPARE_ERROR(env.engine->registerStreamConsumer(registration(u"s"_s, u"c20"_s)),
                  ErrorType::LimitExceeded,
                  u"Stream s under account 000000000000 already has 20 registered consumers, the "
                  u"most a stream can have. Deregister a consumer first."_s);
    // A DELETING consumer still counts; a gone one does not.
    VERIFY_OK(
        env.engine->deregisterStreamConsumer(ConsumerTarget::byName(streamArnOf(u"s"_s), u"c7"_s)));
    VERIFY_ERROR(env.engine->registerStreamConsumer(registration(u"s"_s, u"c20"_s)),
                 ErrorType::LimitExceeded);
    env.clock->advanceMs(kDeleteDelay);
    VERIFY_OK(env.engine->registerStreamConsumer(registration(u"s"_s, u"c20"_s)));
    QCOMPARE(*env.consumerCount(u"s"_s), 20);
    // The limit is per stream.
    VERIFY_OK(env.createActive(u"t"_s));
    VERIFY_OK(env.engine->registerStreamConsumer(registration(u"t"_s, u"c0"_s)));
}

void TestEngineConsumers::creatingLimit()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    for (int i = 0; i < 5; ++i)
        VERIFY_OK(
            env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s + QString::number(i))));
    // Our wording.
    COMPARE_ERROR(env.engine->registerStreamConsumer(registration(u"s"_s, u"c5"_s)),
                  ErrorType::LimitExceeded,
                  u"Stream s under account 000000000000 already has 5 consumers in CREATING "
                  u"status, the most that can be created at the same time."_s);
    env.clock->advanceMs(kCreateDelay);
    VERIFY_OK(env.engine->registerStreamConsumer(registration(u"s"_s, u"c5"_s)));
}

void TestEngineConsumers::targetErrors_data()
{
    QTest::addColumn<QString>("streamArn");
    QTest::addColumn<QString>("consumerName");
    QTest::addColumn<QString>("consumerArn");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("message");
    const QString none;
    const QString sArn = streamArnOf(u"s"_s);
    const QString cArn = consumerArnOf(u"s"_s, u"c"_s, kStart + kCreateDelay);
    const auto invalid = int(ErrorType::InvalidArgument);
    const auto missing = int(ErrorType::ResourceNotFound);
    const QString eitherOr =
        u"Either ConsumerARN or both StreamARN and ConsumerName should be provided."_s;

    QTest::newRow("nothing") << none << none << none << invalid << eitherOr;
    QTest::newRow("stream only") << sArn << none << none << invalid << eitherOr;
    QTest::newRow("name only") << none << u"c"_s << none << invalid << eitherOr;
    QTest::newRow("ARN and another name")
        << none << u"d"_s << cArn << invalid
        << u"ConsumerARN and ConsumerName do not refer to the same consumer."_s;
    QTest::newRow("ARN and another stream")
        << streamArnOf(u"t"_s) << none << cArn << invalid
        << u"ConsumerARN and StreamARN do not refer to the same stream."_s;
    QTest::newRow("unknown name") << sArn << u"d"_s << none << missing
                                  << consumerNotFound(u"d"_s, u"s"_s);
    QTest::newRow("unknown stream")
        << streamArnOf(u"t"_s) << u"c"_s << none << missing << streamNotFound(u"t"_s);
    QTest::newRow("ARN of an unknown consumer")
        << none << none << consumerArnOf(u"s"_s, u"d"_s, kStart) << missing
        << consumerNotFound(u"d"_s, u"s"_s);
    QTest::newRow("ARN with another creation time")
        << none << none << consumerArnOf(u"s"_s, u"c"_s, kStart + 7 * kSecond) << missing
        << consumerNotFound(u"c"_s, u"s"_s);
    QTest::newRow("ARN of an unknown stream")
        << none << none << consumerArnOf(u"t"_s, u"c"_s, kStart + kCreateDelay) << missing
        << consumerNotFound(u"c"_s, u"t"_s);
    QTest::newRow("ARN in another account")
        << none << none
        << u"arn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/c:1700000000"_s << missing
        << consumerNotFound(u"c"_s, u"s"_s);
    QTest::newRow("ARN in another region")
        << none << none
        << u"arn:aws:kinesis:eu-west-1:000000000000:stream/s/consumer/c:1700000000"_s << missing
        << consumerNotFound(u"c"_s, u"s"_s);
    QTest::newRow("stream ARN given as consumer ARN")
        << none << none << sArn << int(ErrorType::Validation)
        << validation({violation(u"consumerARN"_s, sArn,
                                 u"Member must satisfy regular expression pattern: "_s +
                                     kConsumerArnPattern)});
    QTest::newRow("empty consumer ARN")
        << none << none << u""_s << int(ErrorType::Validation)
        << validation({violation(u"consumerARN"_s, u""_s,
                                 u"Member must satisfy regular expression pattern: "_s +
                                     kConsumerArnPattern),
                       violation(u"consumerARN"_s, u""_s,
                                 u"Member must have length greater than or equal to 1"_s)});
    QTest::newRow("every member bad")
        << u"x"_s << u"a b"_s << u"y"_s << int(ErrorType::Validation)
        << validation(
               {violation(u"streamARN"_s, u"x"_s,
                          u"Member must satisfy regular expression pattern: "_s +
                              kStreamArnPattern),
                violation(u"consumerName"_s, u"a b"_s,
                          u"Member must satisfy regular expression pattern: "_s + kNamePattern),
                violation(u"consumerARN"_s, u"y"_s,
                          u"Member must satisfy regular expression pattern: "_s +
                              kConsumerArnPattern)});
}

void TestEngineConsumers::targetErrors()
{
    QFETCH(QString, streamArn);
    QFETCH(QString, consumerName);
    QFETCH(QString, consumerArn);
    QFETCH(int, type);
    QFETCH(QString, message);
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    const auto registered = env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s));
    VERIFY_OK(registered);
    QCOMPARE(registered->consumerArn, consumerArnOf(u"s"_s, u"c"_s, kStart + kCreateDelay));
    const ConsumerTarget target{streamArn, consumerName, consumerArn};
    COMPARE_ERROR(env.engine->describeStreamConsumer(target), ErrorType(type), message);
    COMPARE_ERROR(env.engine->deregisterStreamConsumer(target), ErrorType(type), message);
    // Nothing was deregistered.
    QCOMPARE(env.engine->describeStreamConsumer(ConsumerTarget::byArn(registered->consumerArn))
                 ->consumerStatus,
             ConsumerStatus::Creating);
}

void TestEngineConsumers::reRegisteredConsumerHasNewArn()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    const auto first = env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s));
    VERIFY_OK(first);
    VERIFY_OK(env.engine->deregisterStreamConsumer(ConsumerTarget::byArn(first->consumerArn)));
    env.clock->advanceMs(5 * kSecond);
    const auto second = env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s));
    VERIFY_OK(second);
    QVERIFY(first->consumerArn != second->consumerArn);
    QCOMPARE(second->consumerArn, consumerArnOf(u"s"_s, u"c"_s, env.clock->nowMs()));
    // The old ARN names the old consumer, which is gone.
    COMPARE_ERROR(env.engine->describeStreamConsumer(ConsumerTarget::byArn(first->consumerArn)),
                  ErrorType::ResourceNotFound, consumerNotFound(u"c"_s, u"s"_s));
    COMPARE_ERROR(env.engine->deregisterStreamConsumer(ConsumerTarget::byArn(first->consumerArn)),
                  ErrorType::ResourceNotFound, consumerNotFound(u"c"_s, u"s"_s));
    QCOMPARE(env.engine->describeStreamConsumer(ConsumerTarget::byArn(second->consumerArn))
                 ->consumerStatus,
             ConsumerStatus::Creating);
}

void TestEngineConsumers::deregisterTwice()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    const auto c = env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s));
    VERIFY_OK(c);
    // A CREATING consumer may be deregistered.
    VERIFY_OK(env.engine->deregisterStreamConsumer(ConsumerTarget::byArn(c->consumerArn)));
    env.clock->advanceMs(kDeleteDelay / 2);
    // Again while DELETING: accepted, and the deletion keeps its original end.
    VERIFY_OK(env.engine->deregisterStreamConsumer(ConsumerTarget::byArn(c->consumerArn)));
    env.clock->advanceMs(kDeleteDelay / 2);
    VERIFY_ERROR(env.engine->describeStreamConsumer(ConsumerTarget::byArn(c->consumerArn)),
                 ErrorType::ResourceNotFound);
}

void TestEngineConsumers::listValidation()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    COMPARE_ERROR(env.engine->listStreamConsumers(ListStreamConsumersRequest{}),
                  ErrorType::Validation,
                  validation({violation(u"streamARN"_s, {}, u"Member must not be null"_s)}));
    auto request = listRequest(u"s"_s, 0, u""_s);
    COMPARE_ERROR(env.engine->listStreamConsumers(request), ErrorType::Validation,
                  validation({violation(u"nextToken"_s, u""_s,
                                        u"Member must have length greater than or equal to 1"_s),
                              violation(u"maxResults"_s, u"0"_s,
                                        u"Member must have value greater than or equal to 1"_s)}));
    COMPARE_ERROR(env.engine->listStreamConsumers(listRequest(u"s"_s, 10001)),
                  ErrorType::Validation,
                  validation({violation(u"maxResults"_s, u"10001"_s,
                                        u"Member must have value less than or equal to 10000"_s)}));
    VERIFY_OK(env.engine->listStreamConsumers(listRequest(u"s"_s, 10000)));
    COMPARE_ERROR(env.engine->listStreamConsumers(listRequest(u"absent"_s)),
                  ErrorType::ResourceNotFound, streamNotFound(u"absent"_s));
}

void TestEngineConsumers::listPaging()
{
    OPEN_ENV(env);
    env.options.createDelayMs = 0;
    QVERIFY(env.open().isEmpty());
    VERIFY_OK(env.createActive(u"s"_s));
    VERIFY_OK(env.createActive(u"other"_s));
    VERIFY_OK(env.engine->registerStreamConsumer(registration(u"other"_s, u"x"_s)));
    const QStringList names{u"delta"_s, u"alpha"_s,   u"echo"_s, u"charlie"_s,
                            u"bravo"_s, u"foxtrot"_s, u"golf"_s};
    for (const QString &name : names)
        VERIFY_OK(env.engine->registerStreamConsumer(registration(u"s"_s, name)));

    // Listed in name order; the default page holds them all.
    const auto all = env.engine->listStreamConsumers(listRequest(u"s"_s));
    VERIFY_OK(all);
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(namesOf(all->consumers), sorted);
    QVERIFY(all->nextToken.isEmpty());
    for (const Consumer &c : all->consumers) {
        QCOMPARE(c.consumerStatus, ConsumerStatus::Active);
        QCOMPARE(c.consumerArn, consumerArnOf(u"s"_s, c.consumerName, c.consumerCreationTimestamp));
    }

    // Pages of three, following the token (with and without MaxResults).
    QStringList seen;
    auto page = env.engine->listStreamConsumers(listRequest(u"s"_s, 3));
    VERIFY_OK(page);
    QCOMPARE(page->consumers.size(), 3);
    QVERIFY(!page->nextToken.isEmpty());
    seen += namesOf(page->consumers);
    page = env.engine->listStreamConsumers(listRequest(u"s"_s, 3, page->nextToken));
    VERIFY_OK(page);
    QCOMPARE(page->consumers.size(), 3);
    seen += namesOf(page->consumers);
    page = env.engine->listStreamConsumers(listRequest(u"s"_s, {}, page->nextToken));
    VERIFY_OK(page);
    seen += namesOf(page->consumers);
    QVERIFY(page->nextToken.isEmpty());
    QCOMPARE(seen, sorted);

    // An exact fit leaves no token.
    page = env.engine->listStreamConsumers(listRequest(u"s"_s, 7));
    VERIFY_OK(page);
    QCOMPARE(page->consumers.size(), 7);
    QVERIFY(page->nextToken.isEmpty());

    // Consumers gone since the token was issued are skipped, not an error.
    page = env.engine->listStreamConsumers(listRequest(u"s"_s, 1));
    VERIFY_OK(page);
    QCOMPARE(namesOf(page->consumers), QStringList{u"alpha"_s});
    VERIFY_OK(env.engine->deregisterStreamConsumer(
        ConsumerTarget::byName(streamArnOf(u"s"_s), u"bravo"_s)));
    env.clock->advanceMs(kDeleteDelay);
    const auto rest = env.engine->listStreamConsumers(listRequest(u"s"_s, 2, page->nextToken));
    VERIFY_OK(rest);
    QCOMPARE(namesOf(rest->consumers), (QStringList{u"charlie"_s, u"delta"_s}));
}

void TestEngineConsumers::listTokens()
{
    OPEN_ENV(env);
    env.options.createDelayMs = 0;
    QVERIFY(env.open().isEmpty());
    VERIFY_OK(env.createActive(u"s"_s));
    VERIFY_OK(env.createActive(u"t"_s));
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s}) {
        VERIFY_OK(env.engine->registerStreamConsumer(registration(u"s"_s, name)));
        VERIFY_OK(env.engine->registerStreamConsumer(registration(u"t"_s, name)));
    }
    const auto page = env.engine->listStreamConsumers(listRequest(u"s"_s, 1));
    VERIFY_OK(page);
    const QString token = page->nextToken;
    QVERIFY(!token.isEmpty());

    // The token belongs to its stream.
    COMPARE_ERROR(env.engine->listStreamConsumers(listRequest(u"t"_s, {}, token)),
                  ErrorType::InvalidArgument, u"Invalid NextToken."_s);
    // Not a token, or a token of another operation.
    COMPARE_ERROR(env.engine->listStreamConsumers(listRequest(u"s"_s, {}, u"garbage"_s)),
                  ErrorType::InvalidArgument, u"Invalid NextToken."_s);
    ListStreamsRequest streams;
    streams.limit = 1;
    const auto streamsPage = env.engine->listStreams(streams);
    VERIFY_OK(streamsPage);
    QVERIFY(!streamsPage->nextToken.isEmpty());
    COMPARE_ERROR(env.engine->listStreamConsumers(listRequest(u"s"_s, {}, streamsPage->nextToken)),
                  ErrorType::InvalidArgument, u"Invalid NextToken."_s);
    // Not with StreamCreationTimestamp.
    auto both = listRequest(u"s"_s, {}, token);
    both.streamCreationTimestamp = kStart;
    COMPARE_ERROR(env.engine->listStreamConsumers(both), ErrorType::InvalidArgument,
                  u"NextToken and StreamCreationTimestamp cannot be provided together."_s);
    // Tokens last 300 seconds.
    env.clock->advanceMs(300 * kSecond);
    VERIFY_OK(env.engine->listStreamConsumers(listRequest(u"s"_s, {}, token)));
    env.clock->advanceMs(1);
    COMPARE_ERROR(env.engine->listStreamConsumers(listRequest(u"s"_s, {}, token)),
                  ErrorType::ExpiredNextToken, u"The requested token has expired."_s);
}

void TestEngineConsumers::listStreamCreationTimestamp()
{
    OPEN_ENV(env);
    env.clock->setMs(kStart + 250); // the stream's creation time has a millisecond part
    VERIFY_OK(env.createActive(u"s"_s));
    VERIFY_OK(env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s)));
    auto request = listRequest(u"s"_s);
    request.streamCreationTimestamp = kStart; // same second
    const auto listed = env.engine->listStreamConsumers(request);
    VERIFY_OK(listed);
    QCOMPARE(listed->consumers.size(), 1);
    request.streamCreationTimestamp = kStart - kSecond;
    COMPARE_ERROR(env.engine->listStreamConsumers(request), ErrorType::ResourceNotFound,
                  streamNotFound(u"s"_s));
}

void TestEngineConsumers::deleteStreamRefusedWithConsumers()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    const auto c = env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s));
    VERIFY_OK(c);
    // CREATING or ACTIVE, by name or by ARN, with EnforceConsumerDeletion absent (false).
    COMPARE_ERROR(env.engine->deleteStream({StreamTarget::byName(u"s"_s), false}),
                  ErrorType::ResourceInUse, deleteRefused(u"s"_s));
    env.clock->advanceMs(kCreateDelay);
    COMPARE_ERROR(env.engine->deleteStream({StreamTarget::byArn(streamArnOf(u"s"_s)), false}),
                  ErrorType::ResourceInUse, deleteRefused(u"s"_s));
    // Nothing changed.
    const auto summary = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    VERIFY_OK(summary);
    QCOMPARE(summary->streamStatus, StreamStatus::Active);
    QCOMPARE(summary->consumerCount, 1);
    QCOMPARE(
        env.engine->describeStreamConsumer(ConsumerTarget::byArn(c->consumerArn))->consumerStatus,
        ConsumerStatus::Active);
    // Once the consumer is gone the stream can be deleted.
    VERIFY_OK(env.engine->deregisterStreamConsumer(ConsumerTarget::byArn(c->consumerArn)));
    env.clock->advanceMs(kDeleteDelay);
    VERIFY_OK(env.engine->deleteStream({StreamTarget::byName(u"s"_s), false}));
}

void TestEngineConsumers::deleteStreamEnforceConsumerDeletion()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    const auto a = env.engine->registerStreamConsumer(registration(u"s"_s, u"a"_s));
    const auto b = env.engine->registerStreamConsumer(registration(u"s"_s, u"b"_s));
    VERIFY_OK(a);
    VERIFY_OK(b);
    env.clock->advanceMs(kCreateDelay);
    VERIFY_OK(env.engine->deleteStream({StreamTarget::byName(u"s"_s), true}));

    // The consumers are DELETING along with the stream...
    const auto summary = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    VERIFY_OK(summary);
    QCOMPARE(summary->streamStatus, StreamStatus::Deleting);
    const auto listed = env.engine->listStreamConsumers(listRequest(u"s"_s));
    VERIFY_OK(listed);
    QCOMPARE(listed->consumers.size(), 2);
    for (const Consumer &c : listed->consumers)
        QCOMPARE(c.consumerStatus, ConsumerStatus::Deleting);
    // ...and deleting again is a no-op.
    VERIFY_OK(env.engine->deleteStream({StreamTarget::byName(u"s"_s), false}));

    // ...and gone with it.
    env.clock->advanceMs(kDeleteDelay);
    COMPARE_ERROR(env.engine->describeStreamConsumer(ConsumerTarget::byArn(a->consumerArn)),
                  ErrorType::ResourceNotFound, consumerNotFound(u"a"_s, u"s"_s));
    COMPARE_ERROR(
        env.engine->describeStreamConsumer(ConsumerTarget::byName(streamArnOf(u"s"_s), u"b"_s)),
        ErrorType::ResourceNotFound, streamNotFound(u"s"_s));
    COMPARE_ERROR(env.engine->listStreamConsumers(listRequest(u"s"_s)), ErrorType::ResourceNotFound,
                  streamNotFound(u"s"_s));
}

void TestEngineConsumers::deleteStreamWithOnlyDeregisteredConsumers()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    const auto c = env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s));
    VERIFY_OK(c);
    VERIFY_OK(env.engine->deregisterStreamConsumer(ConsumerTarget::byArn(c->consumerArn)));
    // A consumer on its way out does not hold the stream back.
    VERIFY_OK(env.engine->deleteStream({StreamTarget::byName(u"s"_s), false}));
    env.clock->advanceMs(kDeleteDelay);
    VERIFY_ERROR(env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s)),
                 ErrorType::ResourceNotFound);
}

void TestEngineConsumers::consumersOfRecreatedStream()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    const auto old = env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s));
    VERIFY_OK(old);
    VERIFY_OK(env.engine->deleteStream({StreamTarget::byName(u"s"_s), true}));
    env.clock->advanceMs(kDeleteDelay + 5 * kSecond);
    VERIFY_OK(env.createActive(u"s"_s));
    // The new stream has no consumers, and the old consumer's ARN names nothing.
    const auto listed = env.engine->listStreamConsumers(listRequest(u"s"_s));
    VERIFY_OK(listed);
    QVERIFY(listed->consumers.isEmpty());
    QCOMPARE(*env.consumerCount(u"s"_s), 0);
    VERIFY_ERROR(env.engine->describeStreamConsumer(ConsumerTarget::byArn(old->consumerArn)),
                 ErrorType::ResourceNotFound);
    // The name is free on the new stream.
    const auto again = env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s));
    VERIFY_OK(again);
    QVERIFY(again->consumerArn != old->consumerArn);
    // Deleting without enforcement is refused again.
    VERIFY_ERROR(env.engine->deleteStream({StreamTarget::byName(u"s"_s), false}),
                 ErrorType::ResourceInUse);
}

void TestEngineConsumers::persistence()
{
    Env env;
    QVERIFY(env.open().isEmpty());
    VERIFY_OK(env.createActive(u"s"_s));
    const auto a =
        env.engine->registerStreamConsumer(registration(u"s"_s, u"a"_s, {{u"team"_s, u"x"_s}}));
    VERIFY_OK(a);
    env.clock->advanceMs(kCreateDelay);
    const auto b = env.engine->registerStreamConsumer(registration(u"s"_s, u"b"_s));
    VERIFY_OK(b);
    const auto c = env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s));
    VERIFY_OK(c);
    env.clock->advanceMs(kCreateDelay);
    VERIFY_OK(env.engine->deregisterStreamConsumer(ConsumerTarget::byArn(c->consumerArn)));
    const auto before = env.engine->listStreamConsumers(listRequest(u"s"_s));
    VERIFY_OK(before);

    // Reopened: the same consumers, ARNs, times and states.
    QVERIFY(env.open().isEmpty());
    const auto after = env.engine->listStreamConsumers(listRequest(u"s"_s));
    VERIFY_OK(after);
    QCOMPARE(after->consumers.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(after->consumers[i].consumerName, before->consumers[i].consumerName);
        QCOMPARE(after->consumers[i].consumerArn, before->consumers[i].consumerArn);
        QCOMPARE(after->consumers[i].consumerStatus, before->consumers[i].consumerStatus);
        QCOMPARE(after->consumers[i].consumerCreationTimestamp,
                 before->consumers[i].consumerCreationTimestamp);
    }
    QCOMPARE(after->consumers[0].consumerStatus, ConsumerStatus::Active);
    QCOMPARE(after->consumers[2].consumerStatus, ConsumerStatus::Deleting);
    QCOMPARE(*env.consumerCount(u"s"_s), 3);
    COMPARE_ERROR(env.engine->registerStreamConsumer(registration(u"s"_s, u"a"_s)),
                  ErrorType::ResourceInUse,
                  u"Consumer a under stream s and account 000000000000 already exists."_s);
    VERIFY_ERROR(env.engine->deleteStream({StreamTarget::byName(u"s"_s), false}),
                 ErrorType::ResourceInUse);

    // The deregistered one's time runs out while the database is closed.
    env.engine.reset();
    env.clock->advanceMs(kDeleteDelay);
    QVERIFY(env.open().isEmpty());
    const auto later = env.engine->listStreamConsumers(listRequest(u"s"_s));
    VERIFY_OK(later);
    QCOMPARE(namesOf(later->consumers), (QStringList{u"a"_s, u"b"_s}));
    VERIFY_ERROR(env.engine->describeStreamConsumer(ConsumerTarget::byArn(c->consumerArn)),
                 ErrorType::ResourceNotFound);
    env.engine->runHousekeeping();
    QCOMPARE(env.rowCount("consumers"), 2);
    QCOMPARE(env.rowCount("consumer_tags"), 1);
}

void TestEngineConsumers::housekeepingSettlesAndPurges()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    VERIFY_OK(env.createActive(u"t"_s));
    VERIFY_OK(env.engine->registerStreamConsumer(registration(u"s"_s, u"a"_s, {{u"k"_s, u"v"_s}})));
    VERIFY_OK(env.engine->registerStreamConsumer(registration(u"s"_s, u"b"_s)));
    VERIFY_OK(env.engine->registerStreamConsumer(registration(u"t"_s, u"a"_s, {{u"k"_s, u"v"_s}})));
    QCOMPARE(env.rowCount("consumers"), 3);
    QCOMPARE(env.rowCount("consumer_tags"), 2);

    // Deregistered and gone: housekeeping removes the rows.
    VERIFY_OK(
        env.engine->deregisterStreamConsumer(ConsumerTarget::byName(streamArnOf(u"s"_s), u"a"_s)));
    env.clock->advanceMs(kDeleteDelay);
    env.engine->runHousekeeping();
    QCOMPARE(env.rowCount("consumers"), 2);
    QCOMPARE(env.rowCount("consumer_tags"), 1);

    // A deleted stream's consumers go with its other rows.
    VERIFY_OK(env.engine->deleteStream({StreamTarget::byName(u"t"_s), true}));
    env.clock->advanceMs(kDeleteDelay);
    env.engine->runHousekeeping();
    QCOMPARE(env.rowCount("consumers"), 1);
    QCOMPARE(env.rowCount("consumer_tags"), 0);
    QCOMPARE(namesOf(env.engine->listStreamConsumers(listRequest(u"s"_s))->consumers),
             QStringList{u"b"_s});
}

void TestEngineConsumers::catalogChangedOnRegistration()
{
    OPEN_ENV(env);
    VERIFY_OK(env.createActive(u"s"_s));
    env.engine->runHousekeeping(); // the stream settles as ACTIVE
    QTest::qWait(100);             // and that announcement is delivered before we listen
    CatalogRelay relay(env.engine.get());
    QSignalSpy spy(&relay, &CatalogRelay::catalogChanged);
    QVERIFY(spy.isValid());

    VERIFY_OK(env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s)));
    QTRY_COMPARE(spy.size(), qsizetype(1));
    // A refused registration is no change.
    VERIFY_ERROR(env.engine->registerStreamConsumer(registration(u"s"_s, u"c"_s)),
                 ErrorType::ResourceInUse);
    // CREATING -> ACTIVE is announced (by housekeeping)...
    env.clock->advanceMs(kCreateDelay);
    env.engine->runHousekeeping();
    QTRY_COMPARE(spy.size(), qsizetype(2));
    VERIFY_OK(
        env.engine->deregisterStreamConsumer(ConsumerTarget::byName(streamArnOf(u"s"_s), u"c"_s)));
    QTRY_COMPARE(spy.size(), qsizetype(3));
    // ...and so is the consumer leaving.
    env.clock->advanceMs(kDeleteDelay);
    env.engine->runHousekeeping();
    QTRY_COMPARE(spy.size(), qsizetype(4));
    QTest::qWait(50);
    QCOMPARE(spy.size(), qsizetype(4));
}

QTEST_GUILESS_MAIN(TestEngineConsumers)
#include "tst_engine_consumers.moc"
