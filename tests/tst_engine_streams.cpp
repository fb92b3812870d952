// Stream-level operations of the engine: create/delete/list/describe, ListShards filters and
// paging, retention, record size, stream mode, tags, limits, persistence and catalog signals.
// Expected error types and messages are Kinesis's (see the project's Kinesis error notes).

#include "engine/clock.h"
#include "engine/engine.h"
#include "kinesis/api.h"
#include "kinesis/error.h"

#include <QRegularExpression>
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
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kCreateDelay = 500;
constexpr qint64 kDeleteDelay = 800;
constexpr qint64 kUpdateDelay = 300;
constexpr qint64 kSettle = 1000; // longer than every status delay

// Times of the reshard scenario built by buildResharded().
constexpr qint64 kT1 = kStart + 1 * kHour; // shard 0 split into 3 and 4
constexpr qint64 kT2 = kStart + 2 * kHour; // shards 1 and 2 merged into 5
constexpr qint64 kT3 = kStart + 3 * kHour; // shards 4 and 5 merged into 6

const QString kAccount = u"000000000000"_s;
const QString kRegion = u"us-east-1"_s;
const QString kMaxHashKey = u"340282366920938463463374607431768211455"_s;

const QString kNamePattern = u"[a-zA-Z0-9_.-]+"_s;
const QString kStreamArnPattern = u"arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+"_s;
const QString kResourceArnPattern = u"arn:aws.*:kinesis:.*:\\d{12}:.*stream/\\S+"_s;
const QString kInvalidTagCharacters =
    u"Some tags contain invalid characters. Valid characters: Unicode letters, digits, white "
    u"space, _ . / = + - % @."_s;

QString describeError(const Error &error)
{
    return error.typeName() + u": "_s + error.message;
}

template<typename T> QByteArray failureText(const std::expected<T, Error> &result)
{
    if (result)
        return QByteArrayLiteral("the call succeeded");
    return describeError(result.error()).toUtf8();
}

QString shardId(int index)
{
    return u"shardId-"_s + QString::number(index).rightJustified(12, u'0');
}

QStringList shardIds(std::initializer_list<int> indexes)
{
    QStringList ids;
    for (int i : indexes)
        ids.append(shardId(i));
    return ids;
}

QStringList idsOf(const QList<Shard> &shards)
{
    QStringList ids;
    for (const Shard &s : shards)
        ids.append(s.shardId);
    return ids;
}

// Everything a Shard carries, as one comparable line.
QString shardText(const Shard &s)
{
    return s.shardId + u'|' + s.parentShardId.value_or(u"-"_s) + u'|' +
           s.adjacentParentShardId.value_or(u"-"_s) + u'|' + s.hashKeyRange.start.toDecimal() +
           u'-' + s.hashKeyRange.end.toDecimal() + u'|' + s.startingSequenceNumber.toString() +
           u'|' + (s.endingSequenceNumber ? s.endingSequenceNumber->toString() : u"open"_s);
}

QStringList shardTexts(const QList<Shard> &shards)
{
    QStringList texts;
    for (const Shard &s : shards)
        texts.append(shardText(s));
    return texts;
}

QStringList tagTexts(const QList<Tag> &tags)
{
    QStringList texts;
    for (const Tag &t : tags)
        texts.append(t.key + u'=' + t.value);
    return texts;
}

QString arnOf(const QString &name, const QString &region = kRegion,
              const QString &account = kAccount)
{
    return u"arn:aws:kinesis:"_s + region + u':' + account + u":stream/"_s + name;
}

QString notFound(const QString &name)
{
    return u"Stream "_s + name + u" under account "_s + kAccount + u" not found."_s;
}

QString notActive(const QString &name, const QString &state)
{
    return u"Stream "_s + name + u" under account "_s + kAccount +
           u" not ACTIVE, instead in state "_s + state;
}

QString tooManyTags(const QString &name)
{
    return u"Failed to add tags to stream "_s + name + u" under account "_s + kAccount +
           u" because a given stream cannot have more than 50 tags associated with it."_s;
}

QString violation(const QString &field, const QString &value, const QString &constraint)
{
    return u"Value '"_s + value + u"' at '"_s + field + u"' failed to satisfy constraint: "_s +
           constraint;
}

QString validation(const QStringList &violations)
{
    const QString header = violations.size() == 1 ? u"1 validation error detected: "_s
                                                  : QString::number(violations.size()) +
                                                        u" validation errors detected: "_s;
    return header + violations.join(u"; "_s);
}

QString tagMapText(const TagMap &tags)
{
    QStringList parts;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        parts.append(it.key() + u'=' + it.value());
    return u'{' + parts.join(u", "_s) + u'}';
}

QString tamper(const QString &token)
{
    QString t = token;
    const qsizetype i = t.size() / 2;
    t[i] = t[i] == u'A' ? u'B' : u'A';
    return t;
}

CreateStreamRequest provisioned(const QString &name, int shards)
{
    CreateStreamRequest r;
    r.streamName = name;
    r.shardCount = shards;
    return r;
}

CreateStreamRequest onDemand(const QString &name)
{
    CreateStreamRequest r;
    r.streamName = name;
    r.streamMode = StreamMode::OnDemand;
    return r;
}

DescribeStreamRequest describeRequest(const StreamTarget &target, std::optional<int> limit = {},
                                      const QString &exclusiveStartShardId = {})
{
    DescribeStreamRequest r;
    r.target = target;
    r.limit = limit;
    r.exclusiveStartShardId = exclusiveStartShardId;
    return r;
}

ListShardsRequest listShardsRequest(const QString &name, std::optional<ShardFilter> filter = {},
                                    std::optional<int> maxResults = {})
{
    ListShardsRequest r;
    r.target = StreamTarget::byName(name);
    r.shardFilter = filter;
    r.maxResults = maxResults;
    return r;
}

ListShardsRequest nextShardsRequest(const QString &token)
{
    ListShardsRequest r;
    r.nextToken = token;
    return r;
}

ListStreamsRequest listStreamsRequest(std::optional<int> limit = {},
                                      const QString &exclusiveStart = {}, const QString &token = {})
{
    ListStreamsRequest r;
    r.limit = limit;
    r.exclusiveStartStreamName = exclusiveStart;
    r.nextToken = token;
    return r;
}

RetentionPeriodRequest retentionRequest(const QString &name, int hours)
{
    return RetentionPeriodRequest{StreamTarget::byName(name), hours};
}

AddTagsToStreamRequest addTags(const QString &name, const TagMap &tags)
{
    return AddTagsToStreamRequest{StreamTarget::byName(name), tags};
}

RemoveTagsFromStreamRequest removeTags(const QString &name, const QStringList &keys)
{
    return RemoveTagsFromStreamRequest{StreamTarget::byName(name), keys};
}

ListTagsForStreamRequest listTags(const QString &name, std::optional<int> limit = {},
                                  const QString &exclusiveStartTagKey = {})
{
    ListTagsForStreamRequest r;
    r.target = StreamTarget::byName(name);
    r.limit = limit;
    r.exclusiveStartTagKey = exclusiveStartTagKey;
    return r;
}

PutRecordRequest putRequest(const QString &name, const QByteArray &data)
{
    PutRecordRequest r;
    r.target = StreamTarget::byName(name);
    r.data = data;
    r.partitionKey = u"k"_s;
    return r;
}

TagMap numberedTags(int count, const QString &prefix = u"key"_s)
{
    TagMap tags;
    for (int i = 0; i < count; ++i)
        tags.insert(prefix + QString::number(i).rightJustified(3, u'0'), QString::number(i));
    return tags;
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
        options.updateDelayMs = kUpdateDelay;
    }

    QString open()
    {
        if (!dir.isValid())
            return u"temporary directory: "_s + dir.errorString();
        engine.reset();
        auto opened = Engine::open(options);
        if (!opened)
            return describeError(opened.error());
        engine = std::move(*opened);
        return {};
    }

    void close() { engine.reset(); }

    // Creates a provisioned stream and lets it become ACTIVE.
    std::expected<void, Error> createActive(const QString &name, int shards)
    {
        auto created = engine->createStream(provisioned(name, shards));
        if (created)
            clock->advanceMs(kCreateDelay);
        return created;
    }

    // Stream `name`, created at kStart with 3 shards (clock must be at kStart): at kT1 shard 0
    // is split into 3 and 4, at kT2 shards 1 and 2 merge into 5, at kT3 shards 4 and 5 merge
    // into 6. Leaves the clock one second after kT3 (stream ACTIVE again).
    QString buildResharded(const QString &name)
    {
        if (auto r = engine->createStream(provisioned(name, 3)); !r)
            return u"create: "_s + describeError(r.error());
        clock->setMs(kT1);
        const auto before = engine->listShards(listShardsRequest(name));
        if (!before)
            return u"list: "_s + describeError(before.error());
        SplitShardRequest split;
        split.target = StreamTarget::byName(name);
        split.shardToSplit = shardId(0);
        split.newStartingHashKey = before->shards.at(0).hashKeyRange.midpoint().toDecimal();
        if (auto r = engine->splitShard(split); !r)
            return u"split: "_s + describeError(r.error());
        clock->setMs(kT2);
        if (auto r = engine->mergeShards({StreamTarget::byName(name), shardId(1), shardId(2)}); !r)
            return u"merge 1+2: "_s + describeError(r.error());
        clock->setMs(kT3);
        if (auto r = engine->mergeShards({StreamTarget::byName(name), shardId(4), shardId(5)}); !r)
            return u"merge 4+5: "_s + describeError(r.error());
        clock->setMs(kT3 + kSecond);
        return {};
    }
};

} // namespace

#define CHECK_OK(expr)                                                                             \
    do {                                                                                           \
        const auto &r_ = (expr);                                                                   \
        QVERIFY2(r_.has_value(), failureText(r_).constData());                                     \
    } while (false)

#define CHECK_ERROR(expr, expectedType, expectedMessage)                                           \
    do {                                                                                           \
        const auto &r_ = (expr);                                                                   \
        QVERIFY2(!r_.has_value(), "the call succeeded but should have failed");                    \
        QCOMPARE(r_.error().typeName(), QString(expectedType));                                    \
        QCOMPARE(r_.error().message, QString(expectedMessage));                                    \
    } while (false)

#define CHECK_EMPTY(expr)                                                                          \
    do {                                                                                           \
        const QString e_ = (expr);                                                                 \
        QVERIFY2(e_.isEmpty(), qPrintable(e_));                                                    \
    } while (false)

#define OPEN(env) CHECK_EMPTY((env).open())

class TestEngineStreams : public QObject
{
    Q_OBJECT

private slots:
    // CreateStream
    void createProvisioned_data();
    void createProvisioned();
    void createUsesKinesisHashRanges();
    void createOnDemand();
    void createBecomesActiveAfterDelay();
    void describeWhileCreatingHasNoShards();
    void createWithMaxRecordSize();
    void createAcceptsBoundaryNames();
    void createDuplicateName();
    void createShardLimit();
    void createShardLimitIgnoresOnDemandStreams();
    void createValidation_data();
    void createValidation();
    void customAccountAndRegion();

    // DeleteStream
    void deleteShowsDeletingUntilDelay();
    void deleteThenRecreateSameName();

    // ListStreams
    void listStreamsSortedWithSummaries();
    void listStreamsPagination_data();
    void listStreamsPagination();
    void listStreamsExclusiveStart_data();
    void listStreamsExclusiveStart();
    void listStreamsInvalidToken_data();
    void listStreamsInvalidToken();
    void listStreamsTokenExpires();
    void listStreamsValidation_data();
    void listStreamsValidation();

    // DescribeStream, DescribeStreamSummary, stream addressing
    void describeStreamPaging_data();
    void describeStreamPaging();
    void describeStreamSummary();
    void addressByArn();
    void targetErrors_data();
    void targetErrors();
    void targetArnOfAnotherAccount();

    // ListShards
    void reshardedShardLineage();
    void listShardsFilters_data();
    void listShardsFilters();
    void expiredShardIsNotFound();
    void listShardsTimestampAtReshardInstant_data();
    void listShardsTimestampAtReshardInstant();
    void listShardsPaging_data();
    void listShardsPaging();
    void listShardsPagingKeepsFilter();
    void listShardsExclusiveStartShardId();
    void listShardsArgumentErrors_data();
    void listShardsArgumentErrors();
    void listShardsInvalidToken_data();
    void listShardsInvalidToken();
    void listShardsValidation_data();
    void listShardsValidation();
    void listShardsTokenExpires();

    // Retention, record size, stream mode
    void retention_data();
    void retention();
    void retentionLooksUpStreamFirst();
    void updateMaxRecordSizeValidation_data();
    void updateMaxRecordSizeValidation();
    void updateMaxRecordSizeAllowsLargerRecords();
    void putRecordOfExactlyOneMiBIsAccepted();
    void updateStreamMode();

    // Tags
    void tagsAddListRemove();
    void tagsPaging_data();
    void tagsPaging();
    void tagsLimitOf50();
    void tagsCharacters_data();
    void tagsCharacters();
    void tagsValidation_data();
    void tagsValidation();
    void tagsGivenAtCreate();
    void tagsResourceApi();

    // DescribeLimits, persistence, signals
    void describeLimits();
    void persistenceAcrossReopen();
    void catalogChangedSignal();
    void catalogChangedQuietWhenIdle();
};

// ---------------------------------------------------------------------------------------------
// CreateStream

void TestEngineStreams::createProvisioned_data()
{
    QTest::addColumn<int>("shardCount");
    QTest::newRow("1 shard") << 1;
    QTest::newRow("2 shards") << 2;
    QTest::newRow("3 shards") << 3;
    QTest::newRow("7 shards") << 7;
    QTest::newRow("16 shards") << 16;
}

void TestEngineStreams::createProvisioned()
{
    QFETCH(int, shardCount);
    Env env;
    OPEN(env);
    CHECK_OK(env.engine->createStream(provisioned(u"orders"_s, shardCount)));

    env.clock->advanceMs(kCreateDelay);
    const auto d = env.engine->describeStream(describeRequest(StreamTarget::byName(u"orders"_s)));
    CHECK_OK(d);
    QCOMPARE(d->streamName, u"orders"_s);
    QCOMPARE(d->streamArn, u"arn:aws:kinesis:us-east-1:000000000000:stream/orders"_s);
    QCOMPARE(toWire(d->streamStatus), u"ACTIVE"_s);
    QCOMPARE(toWire(d->streamMode), u"PROVISIONED"_s);
    QCOMPARE(d->retentionPeriodHours, 24);
    QCOMPARE(d->streamCreationTimestamp, kStart);
    QCOMPARE(toWire(d->encryptionType), u"NONE"_s);
    QVERIFY(!d->hasMoreShards);
    QCOMPARE(d->shards.size(), qsizetype(shardCount));

    // Ids shardId-000000000000..., no parents, open, and the ranges tile [0, 2^128 - 1].
    for (int i = 0; i < shardCount; ++i) {
        const Shard &s = d->shards.at(i);
        QCOMPARE(s.shardId, shardId(i));
        QVERIFY(!s.parentShardId.has_value());
        QVERIFY(!s.adjacentParentShardId.has_value());
        QVERIFY(!s.endingSequenceNumber.has_value());
        QVERIFY(s.hashKeyRange.start <= s.hashKeyRange.end);
        if (i == 0)
            QCOMPARE(s.hashKeyRange.start.toDecimal(), u"0"_s);
        else
            QVERIFY(d->shards.at(i - 1).hashKeyRange.isAdjacentBefore(s.hashKeyRange));
        // Even split: every shard but the last has exactly floor(2^128 / n) keys.
        if (i < shardCount - 1)
            QVERIFY(s.hashKeyRange.span() == d->shards.at(0).hashKeyRange.span());
    }
    QCOMPARE(d->shards.last().hashKeyRange.end.toDecimal(), kMaxHashKey);

    const auto summary = env.engine->describeStreamSummary(StreamTarget::byName(u"orders"_s));
    CHECK_OK(summary);
    QCOMPARE(summary->openShardCount, shardCount);

    const auto listed = env.engine->listShards(listShardsRequest(u"orders"_s));
    CHECK_OK(listed);
    QCOMPARE(shardTexts(listed->shards), shardTexts(d->shards));
    QVERIFY(listed->nextToken.isEmpty());
}

void TestEngineStreams::createUsesKinesisHashRanges()
{
    // The ranges Kinesis itself assigns to 2- and 3-shard streams.
    Env env;
    OPEN(env);
    CHECK_OK(env.engine->createStream(provisioned(u"two"_s, 2)));
    CHECK_OK(env.engine->createStream(provisioned(u"three"_s, 3)));
    env.clock->advanceMs(kCreateDelay);
    const auto two = env.engine->listShards(listShardsRequest(u"two"_s));
    CHECK_OK(two);
    QCOMPARE(two->shards.size(), qsizetype(2));
    QCOMPARE(two->shards[0].hashKeyRange.end.toDecimal(),
             u"170141183460469231731687303715884105727"_s);
    QCOMPARE(two->shards[1].hashKeyRange.start.toDecimal(),
             u"170141183460469231731687303715884105728"_s);
    const auto three = env.engine->listShards(listShardsRequest(u"three"_s));
    CHECK_OK(three);
    QCOMPARE(three->shards.size(), qsizetype(3));
    QCOMPARE(three->shards[0].hashKeyRange.start.toDecimal(), u"0"_s);
    QCOMPARE(three->shards[0].hashKeyRange.end.toDecimal(),
             u"113427455640312821154458202477256070484"_s);
    QCOMPARE(three->shards[1].hashKeyRange.start.toDecimal(),
             u"113427455640312821154458202477256070485"_s);
    QCOMPARE(three->shards[1].hashKeyRange.end.toDecimal(),
             u"226854911280625642308916404954512140969"_s);
    QCOMPARE(three->shards[2].hashKeyRange.start.toDecimal(),
             u"226854911280625642308916404954512140970"_s);
    QCOMPARE(three->shards[2].hashKeyRange.end.toDecimal(), kMaxHashKey);
}

void TestEngineStreams::createOnDemand()
{
    Env env;
    OPEN(env);
    CHECK_OK(env.engine->createStream(onDemand(u"od"_s)));
    env.clock->advanceMs(kCreateDelay);

    const auto summary = env.engine->describeStreamSummary(StreamTarget::byName(u"od"_s));
    CHECK_OK(summary);
    QCOMPARE(toWire(summary->streamMode), u"ON_DEMAND"_s);
    QCOMPARE(toWire(summary->streamStatus), u"ACTIVE"_s);
    QCOMPARE(summary->openShardCount, 4);

    const auto d = env.engine->describeStream(describeRequest(StreamTarget::byName(u"od"_s)));
    CHECK_OK(d);
    QCOMPARE(toWire(d->streamMode), u"ON_DEMAND"_s);
    QCOMPARE(idsOf(d->shards), shardIds({0, 1, 2, 3}));
    QCOMPARE(d->shards[0].hashKeyRange.start.toDecimal(), u"0"_s);
    QCOMPARE(d->shards[1].hashKeyRange.start.toDecimal(),
             u"85070591730234615865843651857942052864"_s); // 2^126
    QCOMPARE(d->shards[3].hashKeyRange.end.toDecimal(), kMaxHashKey);

    const auto list = env.engine->listStreams(listStreamsRequest());
    CHECK_OK(list);
    QCOMPARE(list->streamSummaries.size(), qsizetype(1));
    QCOMPARE(toWire(list->streamSummaries[0].streamMode), u"ON_DEMAND"_s);

    const auto limits = env.engine->describeLimits();
    CHECK_OK(limits);
    QCOMPARE(limits->onDemandStreamCount, 1);
}

void TestEngineStreams::createBecomesActiveAfterDelay()
{
    Env env;
    OPEN(env);
    CHECK_OK(env.engine->createStream(provisioned(u"s"_s, 1)));
    const auto statusNow = [&env]() -> QString {
        const auto summary = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
        const auto d = env.engine->describeStream(describeRequest(StreamTarget::byName(u"s"_s)));
        const auto list = env.engine->listStreams(listStreamsRequest());
        if (!summary || !d || !list || list->streamSummaries.size() != 1)
            return u"error"_s;
        const QString a = toWire(summary->streamStatus);
        const QString b = toWire(d->streamStatus);
        const QString c = toWire(list->streamSummaries[0].streamStatus);
        return a == b && b == c ? a : a + u'/' + b + u'/' + c;
    };
    QCOMPARE(statusNow(), u"CREATING"_s);
    env.clock->advanceMs(kCreateDelay - 1);
    QCOMPARE(statusNow(), u"CREATING"_s);
    env.clock->advanceMs(1);
    QCOMPARE(statusNow(), u"ACTIVE"_s);
    env.clock->advanceMs(10 * kHour);
    QCOMPARE(statusNow(), u"ACTIVE"_s);
}

void TestEngineStreams::describeWhileCreatingHasNoShards()
{
    // kinesalite's createStream test, run against AWS: right after CreateStream, DescribeStream
    // reports StreamStatus CREATING, "Shards.should.be.empty" and HasMoreShards false; the
    // shards appear once the stream is ACTIVE.
    Env env;
    OPEN(env);
    CHECK_OK(env.engine->createStream(provisioned(u"s"_s, 3)));
    const auto creating = env.engine->describeStream(describeRequest(StreamTarget::byName(u"s"_s)));
    CHECK_OK(creating);
    QCOMPARE(toWire(creating->streamStatus), u"CREATING"_s);
    QCOMPARE(creating->streamName, u"s"_s);
    QCOMPARE(creating->streamArn, arnOf(u"s"_s));
    QVERIFY(!creating->hasMoreShards);
    QCOMPARE(idsOf(creating->shards), QStringList{});
    env.clock->advanceMs(kCreateDelay);
    const auto active = env.engine->describeStream(describeRequest(StreamTarget::byName(u"s"_s)));
    CHECK_OK(active);
    QCOMPARE(toWire(active->streamStatus), u"ACTIVE"_s);
    QCOMPARE(idsOf(active->shards), shardIds({0, 1, 2}));
}

void TestEngineStreams::createWithMaxRecordSize()
{
    Env env;
    OPEN(env);
    CreateStreamRequest r = provisioned(u"big"_s, 1);
    r.maxRecordSizeInKiB = 4096;
    CHECK_OK(env.engine->createStream(r));
    CHECK_OK(env.engine->createStream(provisioned(u"small"_s, 1)));
    const auto big = env.engine->describeStreamSummary(StreamTarget::byName(u"big"_s));
    CHECK_OK(big);
    QCOMPARE(big->maxRecordSizeInKiB, 4096);
    const auto small = env.engine->describeStreamSummary(StreamTarget::byName(u"small"_s));
    CHECK_OK(small);
    QCOMPARE(small->maxRecordSizeInKiB, 1024);
}

void TestEngineStreams::createAcceptsBoundaryNames()
{
    Env env;
    OPEN(env);
    const QStringList names{QString(128, u'n'), u"a"_s, u"A-b_c.9"_s, u"..."_s, u"0"_s};
    for (const QString &name : names)
        CHECK_OK(env.engine->createStream(provisioned(name, 1)));
    const auto list = env.engine->listStreams(listStreamsRequest());
    CHECK_OK(list);
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(list->streamNames, sorted);
}

void TestEngineStreams::createDuplicateName()
{
    Env env;
    OPEN(env);
    const QString exists = u"Stream dup under account 000000000000 already exists."_s;
    CHECK_OK(env.engine->createStream(provisioned(u"dup"_s, 2)));
    // While CREATING, once ACTIVE, with another shard count and in another mode.
    CHECK_ERROR(env.engine->createStream(provisioned(u"dup"_s, 2)), u"ResourceInUseException"_s,
                exists);
    env.clock->advanceMs(kCreateDelay);
    CHECK_ERROR(env.engine->createStream(provisioned(u"dup"_s, 5)), u"ResourceInUseException"_s,
                exists);
    CHECK_ERROR(env.engine->createStream(onDemand(u"dup"_s)), u"ResourceInUseException"_s, exists);
    // Names are case-sensitive.
    CHECK_OK(env.engine->createStream(provisioned(u"DUP"_s, 1)));
    // The original stream is untouched.
    const auto summary = env.engine->describeStreamSummary(StreamTarget::byName(u"dup"_s));
    CHECK_OK(summary);
    QCOMPARE(summary->openShardCount, 2);
    QCOMPARE(summary->streamCreationTimestamp, kStart);
}

void TestEngineStreams::createShardLimit()
{
    Env env;
    env.options.shardLimit = 5;
    OPEN(env);
    const auto limitMessage = [](int current, int additional) -> QString {
        return u"This request would exceed the shard limit for the account 000000000000 in "
               u"us-east-1. Current shard count for the account: "_s +
               QString::number(current) +
               u". Limit: 5. Number of additional shards that would "
               u"have resulted from this request: "_s +
               QString::number(additional) +
               u". Refer to the AWS Service Limits page "
               u"(http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for "
               u"current limits and how to request higher limits."_s;
    };
    CHECK_ERROR(env.engine->createStream(provisioned(u"huge"_s, 6)), u"LimitExceededException"_s,
                limitMessage(0, 6));
    CHECK_OK(env.engine->createStream(provisioned(u"a"_s, 3)));
    CHECK_ERROR(env.engine->createStream(provisioned(u"b"_s, 3)), u"LimitExceededException"_s,
                limitMessage(3, 3));
    CHECK_OK(env.engine->createStream(provisioned(u"b"_s, 2))); // exactly at the limit
    CHECK_ERROR(env.engine->createStream(provisioned(u"c"_s, 1)), u"LimitExceededException"_s,
                limitMessage(5, 1));
    // Nothing was created by the failed calls.
    const auto list = env.engine->listStreams(listStreamsRequest());
    CHECK_OK(list);
    QCOMPARE(list->streamNames, (QStringList{u"a"_s, u"b"_s}));

    // A deleted stream gives its shards back once it is gone.
    env.clock->advanceMs(kCreateDelay);
    CHECK_OK(env.engine->deleteStream({StreamTarget::byName(u"a"_s), false}));
    env.clock->advanceMs(kDeleteDelay);
    CHECK_OK(env.engine->createStream(provisioned(u"c"_s, 3)));
    const auto limits = env.engine->describeLimits();
    CHECK_OK(limits);
    QCOMPARE(limits->shardLimit, 5);
    QCOMPARE(limits->openShardCount, 5);
}

void TestEngineStreams::createShardLimitIgnoresOnDemandStreams()
{
    // The account shard quota is a provisioned-mode quota: on-demand streams have no shard
    // limit (AWS "Quotas and limits"), and DescribeLimits.OpenShardCount counts provisioned
    // shards only. So on-demand shards must not use up the quota for provisioned streams.
    Env env;
    env.options.shardLimit = 4;
    OPEN(env);
    CHECK_OK(env.engine->createStream(onDemand(u"od"_s)));
    const auto limits = env.engine->describeLimits();
    CHECK_OK(limits);
    QCOMPARE(limits->openShardCount, 0);
    CHECK_OK(env.engine->createStream(provisioned(u"p"_s, 4)));
    const auto after = env.engine->describeLimits();
    CHECK_OK(after);
    QCOMPARE(after->openShardCount, 4);
}

void TestEngineStreams::createValidation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("hasShardCount");
    QTest::addColumn<int>("shardCount");
    QTest::addColumn<int>("maxRecordSizeInKiB"); // 0: absent
    QTest::addColumn<QString>("message");

    const QString long129(129, u'a');
    const QString bad129 = QString(128, u'a') + u'!';

    QTest::newRow("null shardCount") << u"s"_s << false << 0 << 0
                                     << u"1 validation error detected: Value null at 'shardCount' "
                                        u"failed to satisfy constraint: Member must not be null"_s;
    QTest::newRow("zero shards") << u"s"_s << true << 0 << 0
                                 << u"1 validation error detected: Value '0' at 'shardCount' "
                                    u"failed to satisfy constraint: Member must have value greater "
                                    u"than or equal to 1"_s;
    QTest::newRow("negative shards")
        << u"s"_s << true << -1 << 0
        << validation({violation(u"shardCount"_s, u"-1"_s,
                                 u"Member must have value greater than or equal to 1"_s)});
    QTest::newRow("100001 shards")
        << u"s"_s << true << 100001 << 0
        << validation({violation(u"shardCount"_s, u"100001"_s,
                                 u"Member must have value less than or equal to 100000"_s)});
    QTest::newRow("null name") << QString() << true << 1 << 0
                               << u"1 validation error detected: Value null at 'streamName' failed "
                                  u"to satisfy constraint: Member must not be null"_s;
    QTest::newRow("empty name")
        << u""_s << true << 1 << 0
        << u"2 validation errors detected: Value '' at 'streamName' failed to satisfy constraint: "
           u"Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value '' at "
           u"'streamName' failed to satisfy constraint: Member must have length greater than or "
           u"equal to 1"_s;
    QTest::newRow("129 characters")
        << long129 << true << 1 << 0
        << u"1 validation error detected: Value '"_s + long129 +
               u"' at 'streamName' failed to satisfy constraint: Member must have length less "
               u"than or equal to 128"_s;
    QTest::newRow("bad name!") << u"bad name!"_s << true << 1 << 0
                               << u"1 validation error detected: Value 'bad name!' at 'streamName' "
                                  u"failed to satisfy constraint: Member must satisfy regular "
                                  u"expression pattern: [a-zA-Z0-9_.-]+"_s;
    QTest::newRow("slash") << u"a/b"_s << true << 1 << 0
                           << validation({violation(u"streamName"_s, u"a/b"_s,
                                                    u"Member must satisfy regular expression "
                                                    u"pattern: [a-zA-Z0-9_.-]+"_s)});
    QTest::newRow("non-ASCII letter")
        << u"stré"_s << true << 1 << 0
        << validation(
               {violation(u"streamName"_s, u"stré"_s,
                          u"Member must satisfy regular expression pattern: "_s + kNamePattern)});
    QTest::newRow("129 characters, bad character")
        << bad129 << true << 1 << 0
        << validation(
               {violation(u"streamName"_s, bad129,
                          u"Member must satisfy regular expression pattern: "_s + kNamePattern),
                violation(u"streamName"_s, bad129,
                          u"Member must have length less than or equal to 128"_s)});
    QTest::newRow("null shardCount and bad name")
        << u"bad name!"_s << false << 0 << 0
        << u"2 validation errors detected: Value null at 'shardCount' failed to satisfy "
           u"constraint: Member must not be null; Value 'bad name!' at 'streamName' failed to "
           u"satisfy constraint: Member must satisfy regular expression pattern: "
           u"[a-zA-Z0-9_.-]+"_s;
    QTest::newRow("zero shards and empty name")
        << u""_s << true << 0 << 0
        << validation(
               {violation(u"shardCount"_s, u"0"_s,
                          u"Member must have value greater than or equal to 1"_s),
                violation(u"streamName"_s, u""_s,
                          u"Member must satisfy regular expression pattern: "_s + kNamePattern),
                violation(u"streamName"_s, u""_s,
                          u"Member must have length greater than or equal to 1"_s)});
    QTest::newRow("max record size 1023")
        << u"s"_s << true << 1 << 1023
        << validation({violation(u"maxRecordSizeInKiB"_s, u"1023"_s,
                                 u"Member must have value greater than or equal to 1024"_s)});
    QTest::newRow("max record size 10241")
        << u"s"_s << true << 1 << 10241
        << validation({violation(u"maxRecordSizeInKiB"_s, u"10241"_s,
                                 u"Member must have value less than or equal to 10240"_s)});
}

void TestEngineStreams::createValidation()
{
    QFETCH(QString, name);
    QFETCH(bool, hasShardCount);
    QFETCH(int, shardCount);
    QFETCH(int, maxRecordSizeInKiB);
    QFETCH(QString, message);
    Env env;
    OPEN(env);
    CreateStreamRequest r;
    r.streamName = name;
    if (hasShardCount)
        r.shardCount = shardCount;
    if (maxRecordSizeInKiB != 0)
        r.maxRecordSizeInKiB = maxRecordSizeInKiB;
    CHECK_ERROR(env.engine->createStream(r), u"ValidationException"_s, message);
    const auto list = env.engine->listStreams(listStreamsRequest());
    CHECK_OK(list);
    QVERIFY(list->streamNames.isEmpty());
}

void TestEngineStreams::customAccountAndRegion()
{
    Env env;
    env.options.account = u"123456789012"_s;
    env.options.region = u"eu-central-1"_s;
    OPEN(env);
    CHECK_OK(env.engine->createStream(provisioned(u"s"_s, 1)));
    const QString arn = u"arn:aws:kinesis:eu-central-1:123456789012:stream/s"_s;
    QCOMPARE(env.engine->streamArn(u"s"_s), arn);
    const auto summary = env.engine->describeStreamSummary(StreamTarget::byArn(arn));
    CHECK_OK(summary);
    QCOMPARE(summary->streamArn, arn);
    CHECK_ERROR(env.engine->createStream(provisioned(u"s"_s, 1)), u"ResourceInUseException"_s,
                u"Stream s under account 123456789012 already exists."_s);
    CHECK_ERROR(env.engine->describeStreamSummary(StreamTarget::byName(u"nope"_s)),
                u"ResourceNotFoundException"_s,
                u"Stream nope under account 123456789012 not found."_s);
    // An ARN of this account in another region names no stream.
    CHECK_ERROR(env.engine->describeStreamSummary(
                    StreamTarget::byArn(arnOf(u"s"_s, kRegion, u"123456789012"_s))),
                u"ResourceNotFoundException"_s,
                u"Stream s under account 123456789012 not found."_s);
}

// ---------------------------------------------------------------------------------------------
// DeleteStream

void TestEngineStreams::deleteShowsDeletingUntilDelay()
{
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 2));
    CHECK_OK(env.createActive(u"keep"_s, 1));
    CHECK_OK(env.engine->deleteStream({StreamTarget::byName(u"s"_s), false}));

    for (qint64 step : {qint64(0), kDeleteDelay - 1}) {
        env.clock->advanceMs(step);
        const auto summary = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
        CHECK_OK(summary);
        QCOMPARE(toWire(summary->streamStatus), u"DELETING"_s);
        const auto d = env.engine->describeStream(describeRequest(StreamTarget::byName(u"s"_s)));
        CHECK_OK(d);
        QCOMPARE(toWire(d->streamStatus), u"DELETING"_s);
        const auto list = env.engine->listStreams(listStreamsRequest());
        CHECK_OK(list);
        QCOMPARE(list->streamNames, (QStringList{u"keep"_s, u"s"_s}));
        QCOMPARE(toWire(list->streamSummaries[1].streamStatus), u"DELETING"_s);
        QCOMPARE(toWire(list->streamSummaries[0].streamStatus), u"ACTIVE"_s);
    }

    env.clock->advanceMs(1); // deleteDelayMs has now passed
    const QString gone = u"Stream s under account 000000000000 not found."_s;
    CHECK_ERROR(env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s)),
                u"ResourceNotFoundException"_s, gone);
    CHECK_ERROR(env.engine->describeStream(describeRequest(StreamTarget::byName(u"s"_s))),
                u"ResourceNotFoundException"_s, gone);
    CHECK_ERROR(env.engine->listShards(listShardsRequest(u"s"_s)), u"ResourceNotFoundException"_s,
                gone);
    CHECK_ERROR(env.engine->listTagsForStream(listTags(u"s"_s)), u"ResourceNotFoundException"_s,
                gone);
    CHECK_ERROR(env.engine->deleteStream({StreamTarget::byName(u"s"_s), false}),
                u"ResourceNotFoundException"_s, gone);
    const auto list = env.engine->listStreams(listStreamsRequest());
    CHECK_OK(list);
    QCOMPARE(list->streamNames, QStringList{u"keep"_s});

    CHECK_ERROR(env.engine->deleteStream({StreamTarget::byName(u"never"_s), false}),
                u"ResourceNotFoundException"_s,
                u"Stream never under account 000000000000 not found."_s);
}

void TestEngineStreams::deleteThenRecreateSameName()
{
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 2));
    const auto put = env.engine->putRecord(putRequest(u"s"_s, QByteArrayLiteral("old record")));
    CHECK_OK(put);
    const auto count = env.engine->storedRecordCount(u"s"_s, put->shardId);
    CHECK_OK(count);
    QCOMPARE(*count, qint64(1));

    CHECK_OK(env.engine->deleteStream({StreamTarget::byName(u"s"_s), false}));
    // The name stays taken while the stream is DELETING.
    CHECK_ERROR(env.engine->createStream(provisioned(u"s"_s, 1)), u"ResourceInUseException"_s,
                u"Stream s under account 000000000000 already exists."_s);

    env.clock->advanceMs(kDeleteDelay);
    const qint64 recreatedAt = env.clock->nowMs();
    CHECK_OK(env.engine->createStream(provisioned(u"s"_s, 1)));
    const auto fresh = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    CHECK_OK(fresh);
    QCOMPARE(toWire(fresh->streamStatus), u"CREATING"_s);
    QCOMPARE(fresh->streamCreationTimestamp, recreatedAt);
    env.clock->advanceMs(kCreateDelay);
    const auto active = env.engine->describeStream(describeRequest(StreamTarget::byName(u"s"_s)));
    CHECK_OK(active);
    QCOMPARE(toWire(active->streamStatus), u"ACTIVE"_s);
    QCOMPARE(active->streamCreationTimestamp, recreatedAt);
    QCOMPARE(idsOf(active->shards), shardIds({0}));

    // None of the old stream's records are visible in the new one.
    const auto storedBefore = env.engine->storedRecordCount(u"s"_s, shardId(0));
    CHECK_OK(storedBefore);
    QCOMPARE(*storedBefore, qint64(0));
    GetShardIteratorRequest itRequest;
    itRequest.target = StreamTarget::byName(u"s"_s);
    itRequest.shardId = shardId(0);
    itRequest.shardIteratorType = ShardIteratorType::TrimHorizon;
    const auto iterator = env.engine->getShardIterator(itRequest);
    CHECK_OK(iterator);
    GetRecordsRequest getRequest;
    getRequest.shardIterator = iterator->shardIterator;
    const auto records = env.engine->getRecords(getRequest);
    CHECK_OK(records);
    QVERIFY(records->records.isEmpty());

    // And the new stream works.
    const auto again = env.engine->putRecord(putRequest(u"s"_s, QByteArrayLiteral("new record")));
    CHECK_OK(again);
    QCOMPARE(again->shardId, shardId(0));
    const auto stored = env.engine->storedRecordCount(u"s"_s, shardId(0));
    CHECK_OK(stored);
    QCOMPARE(*stored, qint64(1));
}

// ---------------------------------------------------------------------------------------------
// ListStreams

void TestEngineStreams::listStreamsSortedWithSummaries()
{
    Env env;
    OPEN(env);
    CHECK_OK(env.engine->createStream(provisioned(u"charlie"_s, 1)));
    CHECK_OK(env.engine->createStream(onDemand(u"bravo"_s)));
    CHECK_OK(env.engine->createStream(provisioned(u"alpha"_s, 2)));
    env.clock->advanceMs(kCreateDelay);
    CHECK_OK(env.engine->createStream(provisioned(u"Zulu"_s, 1)));
    CHECK_OK(env.engine->createStream(provisioned(u"alpha.2"_s, 1)));
    CHECK_OK(env.engine->deleteStream({StreamTarget::byName(u"charlie"_s), false}));

    const auto list = env.engine->listStreams(listStreamsRequest());
    CHECK_OK(list);
    const QStringList expected{u"Zulu"_s, u"alpha"_s, u"alpha.2"_s, u"bravo"_s, u"charlie"_s};
    QCOMPARE(list->streamNames, expected);
    QVERIFY(!list->hasMoreStreams);
    QVERIFY(list->nextToken.isEmpty());
    QCOMPARE(list->streamSummaries.size(), expected.size());

    const QStringList statuses{u"CREATING"_s, u"ACTIVE"_s, u"CREATING"_s, u"ACTIVE"_s,
                               u"DELETING"_s};
    const QStringList modes{u"PROVISIONED"_s, u"PROVISIONED"_s, u"PROVISIONED"_s, u"ON_DEMAND"_s,
                            u"PROVISIONED"_s};
    const QList<qint64> created{kStart + kCreateDelay, kStart, kStart + kCreateDelay, kStart,
                                kStart};
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const StreamSummary &s = list->streamSummaries.at(i);
        QCOMPARE(s.streamName, expected.at(i));
        QCOMPARE(s.streamArn, u"arn:aws:kinesis:us-east-1:000000000000:stream/"_s + expected.at(i));
        QCOMPARE(toWire(s.streamStatus), statuses.at(i));
        QCOMPARE(toWire(s.streamMode), modes.at(i));
        QCOMPARE(s.streamCreationTimestamp, created.at(i));
    }
}

void TestEngineStreams::listStreamsPagination_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("1") << 1;
    QTest::newRow("2") << 2;
    QTest::newRow("3") << 3;
    QTest::newRow("6") << 6;
    QTest::newRow("7 (all)") << 7;
    QTest::newRow("10000") << 10000;
}

void TestEngineStreams::listStreamsPagination()
{
    QFETCH(int, limit);
    Env env;
    OPEN(env);
    const QStringList names{u"echo_9"_s,  u"alpha"_s,   u"delta-1"_s, u"Zulu"_s,
                            u"charlie"_s, u"alpha.2"_s, u"bravo"_s};
    for (const QString &name : names)
        CHECK_OK(env.engine->createStream(provisioned(name, 1)));
    QStringList sorted = names;
    sorted.sort();

    QStringList collected;
    QString token;
    int pages = 0;
    for (;;) {
        // Every request carries the Limit; the token only says where to continue.
        const auto page = env.engine->listStreams(listStreamsRequest(limit, {}, token));
        CHECK_OK(page);
        ++pages;
        QVERIFY(page->streamNames.size() <= limit);
        QCOMPARE(page->streamSummaries.size(), page->streamNames.size());
        collected += page->streamNames;
        QCOMPARE(page->hasMoreStreams, collected.size() < sorted.size());
        if (!page->hasMoreStreams) {
            QVERIFY(page->nextToken.isEmpty());
            break;
        }
        QVERIFY(!page->nextToken.isEmpty());
        token = page->nextToken;
        QVERIFY(pages < 20);
    }
    QCOMPARE(collected, sorted);
    QCOMPARE(pages, int((sorted.size() + limit - 1) / limit));

    // A token followed without Limit continues with the default page size (all the rest).
    const auto first = env.engine->listStreams(listStreamsRequest(limit));
    CHECK_OK(first);
    if (first->hasMoreStreams) {
        const auto rest = env.engine->listStreams(listStreamsRequest({}, {}, first->nextToken));
        CHECK_OK(rest);
        QCOMPARE(first->streamNames + rest->streamNames, sorted);
        QVERIFY(!rest->hasMoreStreams);
    }
}

void TestEngineStreams::listStreamsExclusiveStart_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("hasMore");
    // Streams: Zulu alpha alpha.2 bravo charlie; Limit 2.
    QTest::newRow("existing name") << u"alpha"_s << QStringList{u"alpha.2"_s, u"bravo"_s} << true;
    QTest::newRow("between names") << u"b"_s << QStringList{u"bravo"_s, u"charlie"_s} << false;
    QTest::newRow("before all") << u"A"_s << QStringList{u"Zulu"_s, u"alpha"_s} << true;
    QTest::newRow("last name") << u"charlie"_s << QStringList{} << false;
    QTest::newRow("after all") << u"zzz"_s << QStringList{} << false;
}

void TestEngineStreams::listStreamsExclusiveStart()
{
    QFETCH(QString, start);
    QFETCH(QStringList, expected);
    QFETCH(bool, hasMore);
    Env env;
    OPEN(env);
    for (const QString &name : {u"alpha"_s, u"alpha.2"_s, u"bravo"_s, u"charlie"_s, u"Zulu"_s})
        CHECK_OK(env.engine->createStream(provisioned(name, 1)));
    const auto page = env.engine->listStreams(listStreamsRequest(2, start));
    CHECK_OK(page);
    QCOMPARE(page->streamNames, expected);
    QCOMPARE(page->hasMoreStreams, hasMore);
}

void TestEngineStreams::listStreamsInvalidToken_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("garbage") << u"garbage"_s;
    QTest::newRow("tampered") << u"tampered"_s;
    QTest::newRow("ListShards token") << u"listShards"_s;
    QTest::newRow("bad characters") << u"bad characters"_s;
}

void TestEngineStreams::listStreamsInvalidToken()
{
    QFETCH(QString, kind);
    Env env;
    OPEN(env);
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s})
        CHECK_OK(env.engine->createStream(provisioned(name, 2)));
    const auto first = env.engine->listStreams(listStreamsRequest(1));
    CHECK_OK(first);
    QVERIFY(!first->nextToken.isEmpty());
    const auto shards = env.engine->listShards(listShardsRequest(u"a"_s, {}, 1));
    CHECK_OK(shards);
    QVERIFY(!shards->nextToken.isEmpty());

    QString token;
    if (kind == u"garbage")
        token = u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s;
    else if (kind == u"tampered")
        token = tamper(first->nextToken);
    else if (kind == u"listShards")
        token = shards->nextToken;
    else
        token = u"not a token!"_s;
    CHECK_ERROR(env.engine->listStreams(listStreamsRequest({}, {}, token)),
                u"InvalidArgumentException"_s, u"Invalid NextToken."_s);
}

void TestEngineStreams::listStreamsTokenExpires()
{
    Env env;
    OPEN(env);
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s})
        CHECK_OK(env.engine->createStream(provisioned(name, 1)));
    const auto first = env.engine->listStreams(listStreamsRequest(1));
    CHECK_OK(first);
    const QString token = first->nextToken;

    env.clock->advanceMs(299 * kSecond);
    const auto page = env.engine->listStreams(listStreamsRequest({}, {}, token));
    CHECK_OK(page);
    QCOMPARE(page->streamNames, (QStringList{u"b"_s, u"c"_s}));

    env.clock->advanceMs(2 * kSecond); // 301 s after the token was issued
    CHECK_ERROR(env.engine->listStreams(listStreamsRequest({}, {}, token)),
                u"ExpiredNextTokenException"_s, u"The requested token has expired."_s);
}

void TestEngineStreams::listStreamsValidation_data()
{
    QTest::addColumn<int>("limit"); // -1: absent
    QTest::addColumn<QString>("exclusiveStart");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("message");
    QTest::newRow("limit 0") << 0 << QString() << QString()
                             << u"1 validation error detected: Value '0' at 'limit' failed to "
                                u"satisfy constraint: Member must have value greater than or "
                                u"equal to 1"_s;
    QTest::newRow("limit 10001") << 10001 << QString() << QString()
                                 << validation({violation(
                                        u"limit"_s, u"10001"_s,
                                        u"Member must have value less than or equal to 10000"_s)});
    QTest::newRow("bad start name")
        << -1 << u"no way"_s << QString()
        << validation(
               {violation(u"exclusiveStartStreamName"_s, u"no way"_s,
                          u"Member must satisfy regular expression pattern: "_s + kNamePattern)});
    QTest::newRow("empty start name")
        << -1 << u""_s << QString()
        << validation(
               {violation(u"exclusiveStartStreamName"_s, u""_s,
                          u"Member must satisfy regular expression pattern: "_s + kNamePattern),
                violation(u"exclusiveStartStreamName"_s, u""_s,
                          u"Member must have length greater than or equal to 1"_s)});
    QTest::newRow("empty token") << -1 << QString() << u""_s
                                 << validation({violation(
                                        u"nextToken"_s, u""_s,
                                        u"Member must have length greater than or equal to 1"_s)});
    QTest::newRow("limit 0 and bad start")
        << 0 << u"x!"_s << QString()
        << validation(
               {violation(u"limit"_s, u"0"_s,
                          u"Member must have value greater than or equal to 1"_s),
                violation(u"exclusiveStartStreamName"_s, u"x!"_s,
                          u"Member must satisfy regular expression pattern: "_s + kNamePattern)});
}

void TestEngineStreams::listStreamsValidation()
{
    QFETCH(int, limit);
    QFETCH(QString, exclusiveStart);
    QFETCH(QString, token);
    QFETCH(QString, message);
    Env env;
    OPEN(env);
    ListStreamsRequest r;
    if (limit >= 0)
        r.limit = limit;
    r.exclusiveStartStreamName = exclusiveStart;
    r.nextToken = token;
    CHECK_ERROR(env.engine->listStreams(r), u"ValidationException"_s, message);
}

// ---------------------------------------------------------------------------------------------
// DescribeStream, DescribeStreamSummary, addressing

void TestEngineStreams::describeStreamPaging_data()
{
    QTest::addColumn<int>("limit"); // -1: absent
    QTest::addColumn<QString>("exclusiveStart");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("hasMore");
    // A stream with 5 shards.
    QTest::newRow("default limit") << -1 << QString() << shardIds({0, 1, 2, 3, 4}) << false;
    QTest::newRow("limit 2") << 2 << QString() << shardIds({0, 1}) << true;
    QTest::newRow("limit 2 after 1") << 2 << shardId(1) << shardIds({2, 3}) << true;
    QTest::newRow("limit 2 after 3") << 2 << shardId(3) << shardIds({4}) << false;
    QTest::newRow("limit 4 after 0 (exactly the rest)")
        << 4 << shardId(0) << shardIds({1, 2, 3, 4}) << false;
    QTest::newRow("limit 5") << 5 << QString() << shardIds({0, 1, 2, 3, 4}) << false;
    QTest::newRow("limit 4") << 4 << QString() << shardIds({0, 1, 2, 3}) << true;
    QTest::newRow("after last") << -1 << shardId(4) << QStringList{} << false;
    QTest::newRow("after unknown shard") << -1 << shardId(99) << QStringList{} << false;
    QTest::newRow("limit 1 after 2") << 1 << shardId(2) << shardIds({3}) << true;
}

void TestEngineStreams::describeStreamPaging()
{
    QFETCH(int, limit);
    QFETCH(QString, exclusiveStart);
    QFETCH(QStringList, expected);
    QFETCH(bool, hasMore);
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 5));
    std::optional<int> limitValue;
    if (limit >= 0)
        limitValue = limit;
    const auto d = env.engine->describeStream(
        describeRequest(StreamTarget::byName(u"s"_s), limitValue, exclusiveStart));
    CHECK_OK(d);
    QCOMPARE(idsOf(d->shards), expected);
    QCOMPARE(d->hasMoreShards, hasMore);
    QCOMPARE(toWire(d->streamStatus), u"ACTIVE"_s);

    // The complete walk with this limit visits every shard once.
    if (limit > 0 && exclusiveStart.isNull()) {
        QStringList all;
        QString after;
        for (int guard = 0; guard < 10; ++guard) {
            const auto page = env.engine->describeStream(
                describeRequest(StreamTarget::byName(u"s"_s), limit, after));
            CHECK_OK(page);
            all += idsOf(page->shards);
            if (!page->hasMoreShards)
                break;
            after = page->shards.last().shardId;
        }
        QCOMPARE(all, shardIds({0, 1, 2, 3, 4}));
    }
}

void TestEngineStreams::describeStreamSummary()
{
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 2));
    const auto summary = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    CHECK_OK(summary);
    QCOMPARE(summary->streamName, u"s"_s);
    QCOMPARE(summary->streamArn, arnOf(u"s"_s));
    QCOMPARE(toWire(summary->streamStatus), u"ACTIVE"_s);
    QCOMPARE(toWire(summary->streamMode), u"PROVISIONED"_s);
    QCOMPARE(summary->retentionPeriodHours, 24);
    QCOMPARE(summary->streamCreationTimestamp, kStart);
    QCOMPARE(toWire(summary->encryptionType), u"NONE"_s);
    QCOMPARE(summary->openShardCount, 2);
    QCOMPARE(summary->consumerCount, 0);
    QCOMPARE(summary->maxRecordSizeInKiB, 1024);

    // Changes show up: retention, record size, and a split (3 open shards, 4 in total).
    CHECK_OK(env.engine->increaseStreamRetentionPeriod(retentionRequest(u"s"_s, 100)));
    CHECK_OK(env.engine->updateMaxRecordSize({StreamTarget::byArn(arnOf(u"s"_s)), 5000}));
    SplitShardRequest split;
    split.target = StreamTarget::byName(u"s"_s);
    split.shardToSplit = shardId(1);
    split.newStartingHashKey = u"200000000000000000000000000000000000000"_s;
    CHECK_OK(env.engine->splitShard(split));
    const auto updating = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    CHECK_OK(updating);
    QCOMPARE(toWire(updating->streamStatus), u"UPDATING"_s);
    env.clock->advanceMs(kUpdateDelay);
    const auto after = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    CHECK_OK(after);
    QCOMPARE(toWire(after->streamStatus), u"ACTIVE"_s);
    QCOMPARE(after->retentionPeriodHours, 100);
    QCOMPARE(after->maxRecordSizeInKiB, 5000);
    QCOMPARE(after->openShardCount, 3);
    const auto d = env.engine->describeStream(describeRequest(StreamTarget::byName(u"s"_s)));
    CHECK_OK(d);
    QCOMPARE(d->retentionPeriodHours, 100);
    QCOMPARE(idsOf(d->shards), shardIds({0, 1, 2, 3}));
}

void TestEngineStreams::addressByArn()
{
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 2));
    CHECK_OK(env.createActive(u"other"_s, 1));
    const QString arn = arnOf(u"s"_s);

    const auto d = env.engine->describeStream(describeRequest(StreamTarget::byArn(arn)));
    CHECK_OK(d);
    QCOMPARE(d->streamName, u"s"_s);
    QCOMPARE(d->streamArn, arn);
    QCOMPARE(d->shards.size(), qsizetype(2));

    const auto summary = env.engine->describeStreamSummary(StreamTarget::byArn(arn));
    CHECK_OK(summary);
    QCOMPARE(summary->streamName, u"s"_s);
    QCOMPARE(summary->openShardCount, 2);

    // Name and ARN together, when they agree.
    const auto both = env.engine->describeStreamSummary(StreamTarget{u"s"_s, arn});
    CHECK_OK(both);
    QCOMPARE(both->streamName, u"s"_s);

    ListShardsRequest ls;
    ls.target = StreamTarget::byArn(arn);
    const auto shards = env.engine->listShards(ls);
    CHECK_OK(shards);
    QCOMPARE(idsOf(shards->shards), shardIds({0, 1}));

    CHECK_OK(env.engine->addTagsToStream({StreamTarget::byArn(arn), TagMap{{u"k"_s, u"v"_s}}}));
    ListTagsForStreamRequest lt;
    lt.target = StreamTarget::byArn(arn);
    const auto tags = env.engine->listTagsForStream(lt);
    CHECK_OK(tags);
    QCOMPARE(tagTexts(tags->tags), QStringList{u"k=v"_s});

    CHECK_OK(env.engine->increaseStreamRetentionPeriod({StreamTarget::byArn(arn), 30}));
    const auto afterRetention = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    CHECK_OK(afterRetention);
    QCOMPARE(afterRetention->retentionPeriodHours, 30);

    CHECK_OK(env.engine->deleteStream({StreamTarget::byArn(arn), false}));
    const auto deleting = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    CHECK_OK(deleting);
    QCOMPARE(toWire(deleting->streamStatus), u"DELETING"_s);
    // The other stream was not touched.
    const auto other = env.engine->describeStreamSummary(StreamTarget::byName(u"other"_s));
    CHECK_OK(other);
    QCOMPARE(toWire(other->streamStatus), u"ACTIVE"_s);
}

void TestEngineStreams::targetErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("arn");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    // Stream "s" exists and is ACTIVE.
    QTest::newRow("name and ARN disagree")
        << u"s"_s << arnOf(u"other"_s) << u"InvalidArgumentException"_s
        << u"StreamARN and StreamName do not refer to the same stream."_s;
    QTest::newRow("neither name nor ARN")
        << QString() << QString() << u"InvalidArgumentException"_s
        << u"Either StreamName or StreamARN should be provided."_s;
    QTest::newRow("ARN of another region") << QString() << arnOf(u"s"_s, u"eu-west-1"_s)
                                           << u"ResourceNotFoundException"_s << notFound(u"s"_s);
    QTest::newRow("missing stream by name")
        << u"nope"_s << QString() << u"ResourceNotFoundException"_s << notFound(u"nope"_s);
    QTest::newRow("missing stream by ARN")
        << QString() << arnOf(u"nope"_s) << u"ResourceNotFoundException"_s << notFound(u"nope"_s);
    QTest::newRow("names differ in case")
        << u"S"_s << QString() << u"ResourceNotFoundException"_s << notFound(u"S"_s);
    QTest::newRow("malformed ARN")
        << QString() << u"arn:aws:s3:::bucket"_s << u"ValidationException"_s
        << validation({violation(u"streamARN"_s, u"arn:aws:s3:::bucket"_s,
                                 u"Member must satisfy regular expression pattern: "_s +
                                     kStreamArnPattern)});
    QTest::newRow("ARN without a stream name")
        << QString() << u"arn:aws:kinesis:us-east-1:000000000000:stream/"_s
        << u"ValidationException"_s
        << validation({violation(
               u"streamARN"_s, u"arn:aws:kinesis:us-east-1:000000000000:stream/"_s,
               u"Member must satisfy regular expression pattern: "_s + kStreamArnPattern)});
    QTest::newRow("empty ARN")
        << QString() << u""_s << u"ValidationException"_s
        << validation({violation(u"streamARN"_s, u""_s,
                                 u"Member must satisfy regular expression pattern: "_s +
                                     kStreamArnPattern),
                       violation(u"streamARN"_s, u""_s,
                                 u"Member must have length greater than or equal to 1"_s)});
    QTest::newRow("bad name")
        << u"bad name"_s << QString() << u"ValidationException"_s
        << validation(
               {violation(u"streamName"_s, u"bad name"_s,
                          u"Member must satisfy regular expression pattern: "_s + kNamePattern)});
}

void TestEngineStreams::targetErrors()
{
    QFETCH(QString, name);
    QFETCH(QString, arn);
    QFETCH(QString, type);
    QFETCH(QString, message);
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 1));
    CHECK_OK(env.createActive(u"other"_s, 1));
    const StreamTarget target{name, arn};
    CHECK_ERROR(env.engine->describeStreamSummary(target), type, message);
    CHECK_ERROR(env.engine->describeStream(describeRequest(target)), type, message);
    CHECK_ERROR(env.engine->increaseStreamRetentionPeriod({target, 48}), type, message);
    CHECK_ERROR(env.engine->addTagsToStream({target, TagMap{{u"k"_s, u"v"_s}}}), type, message);
    ListTagsForStreamRequest lt;
    lt.target = target;
    CHECK_ERROR(env.engine->listTagsForStream(lt), type, message);
    CHECK_ERROR(env.engine->deleteStream({target, false}), type, message);
    // Nothing changed.
    const auto summary = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    CHECK_OK(summary);
    QCOMPARE(toWire(summary->streamStatus), u"ACTIVE"_s);
    QCOMPARE(summary->retentionPeriodHours, 24);
}

void TestEngineStreams::targetArnOfAnotherAccount()
{
    // The emulator has one account; a stream ARN of any other account names no stream. Which
    // account the message names is not pinned down by a source, so only its shape is checked.
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 1));
    const QString arn = arnOf(u"s"_s, kRegion, u"111111111111"_s);
    const auto summary = env.engine->describeStreamSummary(StreamTarget::byArn(arn));
    QVERIFY(!summary);
    QCOMPARE(summary.error().typeName(), u"ResourceNotFoundException"_s);
    static const QRegularExpression shape(u"^Stream s under account \\d{12} not found\\.$"_s);
    QVERIFY2(shape.match(summary.error().message).hasMatch(), qPrintable(summary.error().message));
    const auto tags = env.engine->listTagsForResource({arn});
    QVERIFY(!tags);
    QCOMPARE(tags.error().typeName(), u"ResourceNotFoundException"_s);
    const auto mode = env.engine->updateStreamMode({arn, StreamMode::OnDemand});
    QVERIFY(!mode);
    QCOMPARE(mode.error().typeName(), u"ResourceNotFoundException"_s);
}

// ---------------------------------------------------------------------------------------------
// ListShards

void TestEngineStreams::reshardedShardLineage()
{
    Env env;
    OPEN(env);
    CHECK_EMPTY(env.buildResharded(u"rs"_s));
    const auto listed = env.engine->listShards(listShardsRequest(u"rs"_s));
    CHECK_OK(listed);
    QCOMPARE(idsOf(listed->shards), shardIds({0, 1, 2, 3, 4, 5, 6}));
    const QList<Shard> &s = listed->shards;

    // Parents.
    QCOMPARE(s[3].parentShardId.value_or(QString()), shardId(0));
    QVERIFY(!s[3].adjacentParentShardId);
    QCOMPARE(s[4].parentShardId.value_or(QString()), shardId(0));
    QVERIFY(!s[4].adjacentParentShardId);
    QCOMPARE(s[5].parentShardId.value_or(QString()), shardId(1));
    QCOMPARE(s[5].adjacentParentShardId.value_or(QString()), shardId(2));
    QCOMPARE(s[6].parentShardId.value_or(QString()), shardId(4));
    QCOMPARE(s[6].adjacentParentShardId.value_or(QString()), shardId(5));
    for (int i : {0, 1, 2}) {
        QVERIFY(!s[i].parentShardId);
        QVERIFY(!s[i].adjacentParentShardId);
    }

    // Closed shards carry an ending sequence number; children start after their parents end.
    for (int i : {0, 1, 2, 4, 5})
        QVERIFY2(s[i].endingSequenceNumber.has_value(), qPrintable(s[i].shardId));
    for (int i : {3, 6})
        QVERIFY2(!s[i].endingSequenceNumber.has_value(), qPrintable(s[i].shardId));
    QVERIFY(s[0].endingSequenceNumber->counter < s[3].startingSequenceNumber.counter);
    QVERIFY(s[2].endingSequenceNumber->counter < s[5].startingSequenceNumber.counter);
    QVERIFY(s[5].endingSequenceNumber->counter < s[6].startingSequenceNumber.counter);

    // Hash ranges: the split halves cover the parent, merges cover both parents.
    QVERIFY(s[3].hashKeyRange.start == s[0].hashKeyRange.start);
    QVERIFY(s[3].hashKeyRange.isAdjacentBefore(s[4].hashKeyRange));
    QVERIFY(s[4].hashKeyRange.end == s[0].hashKeyRange.end);
    QCOMPARE(s[4].hashKeyRange.start.toDecimal(), s[0].hashKeyRange.midpoint().toDecimal());
    QVERIFY(s[5].hashKeyRange.start == s[1].hashKeyRange.start);
    QVERIFY(s[5].hashKeyRange.end == s[2].hashKeyRange.end);
    QVERIFY(s[6].hashKeyRange.start == s[4].hashKeyRange.start);
    QCOMPARE(s[6].hashKeyRange.end.toDecimal(), kMaxHashKey);

    const auto summary = env.engine->describeStreamSummary(StreamTarget::byName(u"rs"_s));
    CHECK_OK(summary);
    QCOMPARE(summary->openShardCount, 2);
    QCOMPARE(toWire(summary->streamStatus), u"ACTIVE"_s);
    const auto d = env.engine->describeStream(describeRequest(StreamTarget::byName(u"rs"_s)));
    CHECK_OK(d);
    QCOMPARE(shardTexts(d->shards), shardTexts(listed->shards));
}

void TestEngineStreams::listShardsFilters_data()
{
    QTest::addColumn<qint64>("now");
    QTest::addColumn<int>("filterType"); // -1: no filter
    QTest::addColumn<QString>("filterShardId");
    QTest::addColumn<qint64>("filterTime"); // 0: absent
    QTest::addColumn<QStringList>("expected");

    // Shards (see Env::buildResharded): 0,1,2 created at kStart; 0 closed at kT1; 3,4 created at
    // kT1; 1,2 closed at kT2; 5 created at kT2; 4,5 closed at kT3; 6 created at kT3.
    const qint64 soon = kT3 + kHour;                         // trim horizon = stream creation
    const qint64 later = kStart + 25 * kHour + 30 * kMinute; // trim horizon = kStart + 1.5 h
    const int afterShardId = int(ShardFilterType::AfterShardId);
    const int atTrimHorizon = int(ShardFilterType::AtTrimHorizon);
    const int fromTrimHorizon = int(ShardFilterType::FromTrimHorizon);
    const int atLatest = int(ShardFilterType::AtLatest);
    const int atTimestamp = int(ShardFilterType::AtTimestamp);
    const int fromTimestamp = int(ShardFilterType::FromTimestamp);
    const qint64 none = 0;

    QTest::newRow("no filter") << soon << -1 << QString() << none
                               << shardIds({0, 1, 2, 3, 4, 5, 6});
    QTest::newRow("AT_LATEST") << soon << atLatest << QString() << none << shardIds({3, 6});
    QTest::newRow("AT_TRIM_HORIZON")
        << soon << atTrimHorizon << QString() << none << shardIds({0, 1, 2});
    QTest::newRow("FROM_TRIM_HORIZON")
        << soon << fromTrimHorizon << QString() << none << shardIds({0, 1, 2, 3, 4, 5, 6});
    QTest::newRow("AT_TIMESTAMP +1.5h")
        << soon << atTimestamp << QString() << kStart + 90 * kMinute << shardIds({1, 2, 3, 4});
    QTest::newRow("AT_TIMESTAMP +2.5h")
        << soon << atTimestamp << QString() << kStart + 150 * kMinute << shardIds({3, 4, 5});
    QTest::newRow("AT_TIMESTAMP +3.5h")
        << soon << atTimestamp << QString() << kStart + 210 * kMinute << shardIds({3, 6});
    QTest::newRow("AT_TIMESTAMP at creation")
        << soon << atTimestamp << QString() << kStart << shardIds({0, 1, 2});
    QTest::newRow("FROM_TIMESTAMP +1.5h") << soon << fromTimestamp << QString()
                                          << kStart + 90 * kMinute << shardIds({1, 2, 3, 4, 5, 6});
    QTest::newRow("FROM_TIMESTAMP +2.5h")
        << soon << fromTimestamp << QString() << kStart + 150 * kMinute << shardIds({3, 4, 5, 6});
    QTest::newRow("FROM_TIMESTAMP +3.5h")
        << soon << fromTimestamp << QString() << kStart + 210 * kMinute << shardIds({3, 6});
    QTest::newRow("FROM_TIMESTAMP before creation (trim horizon)")
        << soon << fromTimestamp << QString() << kStart - kHour << shardIds({0, 1, 2, 3, 4, 5, 6});
    QTest::newRow("AFTER_SHARD_ID 2")
        << soon << afterShardId << shardId(2) << none << shardIds({3, 4, 5, 6});
    QTest::newRow("AFTER_SHARD_ID 0")
        << soon << afterShardId << shardId(0) << none << shardIds({1, 2, 3, 4, 5, 6});
    QTest::newRow("AFTER_SHARD_ID 6")
        << soon << afterShardId << shardId(6) << none << QStringList{};

    // A day later, shard 0 (closed at kT1) has left the retention period.
    QTest::newRow("later: no filter")
        << later << -1 << QString() << none << shardIds({1, 2, 3, 4, 5, 6});
    QTest::newRow("later: AT_LATEST") << later << atLatest << QString() << none << shardIds({3, 6});
    QTest::newRow("later: AT_TRIM_HORIZON")
        << later << atTrimHorizon << QString() << none << shardIds({1, 2, 3, 4});
    QTest::newRow("later: FROM_TRIM_HORIZON")
        << later << fromTrimHorizon << QString() << none << shardIds({1, 2, 3, 4, 5, 6});
    QTest::newRow("later: FROM_TIMESTAMP before horizon")
        << later << fromTimestamp << QString() << kStart << shardIds({1, 2, 3, 4, 5, 6});
    QTest::newRow("later: FROM_TIMESTAMP +2.5h")
        << later << fromTimestamp << QString() << kStart + 150 * kMinute << shardIds({3, 4, 5, 6});
    QTest::newRow("later: AT_TIMESTAMP +2.5h")
        << later << atTimestamp << QString() << kStart + 150 * kMinute << shardIds({3, 4, 5});
    QTest::newRow("later: AFTER_SHARD_ID 0")
        << later << afterShardId << shardId(0) << none << shardIds({1, 2, 3, 4, 5, 6});
}

void TestEngineStreams::listShardsFilters()
{
    QFETCH(qint64, now);
    QFETCH(int, filterType);
    QFETCH(QString, filterShardId);
    QFETCH(qint64, filterTime);
    QFETCH(QStringList, expected);
    Env env;
    OPEN(env);
    CHECK_EMPTY(env.buildResharded(u"rs"_s));
    env.clock->setMs(now);

    std::optional<ShardFilter> filter;
    if (filterType >= 0) {
        filter = ShardFilter{static_cast<ShardFilterType>(filterType), filterShardId,
                             filterTime != 0 ? std::optional<qint64>(filterTime) : std::nullopt};
    }
    const auto listed = env.engine->listShards(listShardsRequest(u"rs"_s, filter));
    CHECK_OK(listed);
    QCOMPARE(idsOf(listed->shards), expected);
    QVERIFY(listed->nextToken.isEmpty());

    // The same filter addressed by ARN gives the same answer.
    ListShardsRequest byArn;
    byArn.target = StreamTarget::byArn(arnOf(u"rs"_s));
    byArn.shardFilter = filter;
    const auto viaArn = env.engine->listShards(byArn);
    CHECK_OK(viaArn);
    QCOMPARE(idsOf(viaArn->shards), expected);
}

// A closed shard past the retention period is gone for reading too, as Kinesis answers.
void TestEngineStreams::expiredShardIsNotFound()
{
    Env env;
    OPEN(env);
    CHECK_EMPTY(env.buildResharded(u"rs"_s));
    GetShardIteratorRequest request;
    request.target = StreamTarget::byName(u"rs"_s);
    request.shardId = shardId(0);
    request.shardIteratorType = ShardIteratorType::TrimHorizon;
    CHECK_OK(env.engine->getShardIterator(request)); // closed at kT1, still within retention
    env.clock->setMs(kT1 + 24 * kHour + kSecond);
    CHECK_ERROR(env.engine->getShardIterator(request), u"ResourceNotFoundException"_s,
                u"Shard shardId-000000000000 in stream rs under account "_s + kAccount + u" does not exist"_s);
    request.shardId = shardId(1); // closed at kT2: still there
    CHECK_OK(env.engine->getShardIterator(request));
}

void TestEngineStreams::listShardsTimestampAtReshardInstant_data()
{
    // AWS API reference, ShardFilter: AT_TIMESTAMP returns the shards whose start timestamp is
    // <= the timestamp and whose end timestamp is >= the timestamp (or that are open);
    // FROM_TIMESTAMP returns the closed shards whose end timestamp is >= the timestamp and all
    // open shards. At the very instant of a reshard, parent and children both qualify.
    QTest::addColumn<int>("filterType");
    QTest::addColumn<qint64>("filterTime");
    QTest::addColumn<QStringList>("expected");
    const int at = int(ShardFilterType::AtTimestamp);
    const int from = int(ShardFilterType::FromTimestamp);
    QTest::newRow("AT_TIMESTAMP at split") << at << kT1 << shardIds({0, 1, 2, 3, 4});
    QTest::newRow("AT_TIMESTAMP at merge") << at << kT2 << shardIds({1, 2, 3, 4, 5});
    QTest::newRow("FROM_TIMESTAMP at split") << from << kT1 << shardIds({0, 1, 2, 3, 4, 5, 6});
    QTest::newRow("FROM_TIMESTAMP at last merge") << from << kT3 << shardIds({3, 4, 5, 6});
}

void TestEngineStreams::listShardsTimestampAtReshardInstant()
{
    QFETCH(int, filterType);
    QFETCH(qint64, filterTime);
    QFETCH(QStringList, expected);
    Env env;
    OPEN(env);
    CHECK_EMPTY(env.buildResharded(u"rs"_s));
    const ShardFilter filter{static_cast<ShardFilterType>(filterType), QString(), filterTime};
    const auto listed = env.engine->listShards(listShardsRequest(u"rs"_s, filter));
    CHECK_OK(listed);
    QCOMPARE(idsOf(listed->shards), expected);
}

void TestEngineStreams::listShardsPaging_data()
{
    QTest::addColumn<int>("maxResults");
    QTest::addColumn<bool>("byArn");
    QTest::newRow("1") << 1 << false;
    QTest::newRow("2") << 2 << false;
    QTest::newRow("3 by ARN") << 3 << true;
    QTest::newRow("6") << 6 << false;
    QTest::newRow("7 (all)") << 7 << false;
    QTest::newRow("10000") << 10000 << true;
}

void TestEngineStreams::listShardsPaging()
{
    QFETCH(int, maxResults);
    QFETCH(bool, byArn);
    Env env;
    OPEN(env);
    CHECK_EMPTY(env.buildResharded(u"rs"_s));
    const auto all = env.engine->listShards(listShardsRequest(u"rs"_s));
    CHECK_OK(all);

    ListShardsRequest request;
    request.target = byArn ? StreamTarget::byArn(arnOf(u"rs"_s)) : StreamTarget::byName(u"rs"_s);
    request.maxResults = maxResults;
    QList<Shard> collected;
    int pages = 0;
    for (;;) {
        const auto page = env.engine->listShards(request);
        CHECK_OK(page);
        ++pages;
        QVERIFY(page->shards.size() <= maxResults);
        QVERIFY(!page->shards.isEmpty());
        collected += page->shards;
        if (page->nextToken.isEmpty())
            break;
        QVERIFY(pages < 20);
        request = nextShardsRequest(page->nextToken);
        request.maxResults = maxResults;
    }
    QCOMPARE(shardTexts(collected), shardTexts(all->shards));
    QCOMPARE(pages, (7 + maxResults - 1) / maxResults);

    // A token without MaxResults continues with the default page size (the rest).
    if (maxResults < 7) {
        const auto first = env.engine->listShards(listShardsRequest(u"rs"_s, {}, maxResults));
        CHECK_OK(first);
        const auto rest = env.engine->listShards(nextShardsRequest(first->nextToken));
        CHECK_OK(rest);
        QCOMPARE(idsOf(first->shards) + idsOf(rest->shards), idsOf(all->shards));
        QVERIFY(rest->nextToken.isEmpty());
    }
}

void TestEngineStreams::listShardsPagingKeepsFilter()
{
    Env env;
    OPEN(env);
    CHECK_EMPTY(env.buildResharded(u"rs"_s));
    const ShardFilter filter{ShardFilterType::FromTimestamp, QString(), kStart + 150 * kMinute};
    const auto first = env.engine->listShards(listShardsRequest(u"rs"_s, filter, 3));
    CHECK_OK(first);
    QCOMPARE(idsOf(first->shards), shardIds({3, 4, 5}));
    QVERIFY(!first->nextToken.isEmpty());
    const auto second = env.engine->listShards(nextShardsRequest(first->nextToken));
    CHECK_OK(second);
    QCOMPARE(idsOf(second->shards), shardIds({6}));
    QVERIFY(second->nextToken.isEmpty());

    const ShardFilter latest{ShardFilterType::AtLatest, QString(), std::nullopt};
    const auto a = env.engine->listShards(listShardsRequest(u"rs"_s, latest, 1));
    CHECK_OK(a);
    QCOMPARE(idsOf(a->shards), shardIds({3}));
    ListShardsRequest next = nextShardsRequest(a->nextToken);
    next.maxResults = 1;
    const auto b = env.engine->listShards(next);
    CHECK_OK(b);
    QCOMPARE(idsOf(b->shards), shardIds({6}));
    QVERIFY(b->nextToken.isEmpty());
}

void TestEngineStreams::listShardsExclusiveStartShardId()
{
    Env env;
    OPEN(env);
    CHECK_EMPTY(env.buildResharded(u"rs"_s));
    ListShardsRequest r = listShardsRequest(u"rs"_s);
    r.exclusiveStartShardId = shardId(4);
    const auto rest = env.engine->listShards(r);
    CHECK_OK(rest);
    QCOMPARE(idsOf(rest->shards), shardIds({5, 6}));
    QVERIFY(rest->nextToken.isEmpty());

    r.maxResults = 1;
    const auto one = env.engine->listShards(r);
    CHECK_OK(one);
    QCOMPARE(idsOf(one->shards), shardIds({5}));
    QVERIFY(!one->nextToken.isEmpty());
    const auto next = env.engine->listShards(nextShardsRequest(one->nextToken));
    CHECK_OK(next);
    QCOMPARE(idsOf(next->shards), shardIds({6}));

    r.maxResults.reset();
    r.exclusiveStartShardId = shardId(6);
    const auto none = env.engine->listShards(r);
    CHECK_OK(none);
    QVERIFY(none->shards.isEmpty());
    QVERIFY(none->nextToken.isEmpty());
}

void TestEngineStreams::listShardsArgumentErrors_data()
{
    QTest::addColumn<bool>("withToken");
    QTest::addColumn<QString>("streamName");
    QTest::addColumn<QString>("exclusiveStart");
    QTest::addColumn<bool>("withFilter");
    QTest::addColumn<bool>("withCreationTimestamp");
    QTest::addColumn<QString>("message");
    QTest::newRow("NextToken + StreamName")
        << true << u"rs"_s << QString() << false << false
        << u"NextToken and StreamName cannot be provided together."_s;
    QTest::newRow("NextToken + ExclusiveStartShardId")
        << true << QString() << shardId(1) << false << false
        << u"NextToken and ExclusiveStartShardId cannot be provided together."_s;
    QTest::newRow("NextToken + ShardFilter")
        << true << QString() << QString() << true << false
        << u"NextToken and ShardFilter cannot be provided together."_s;
    QTest::newRow("NextToken + StreamCreationTimestamp")
        << true << QString() << QString() << false << true
        << u"NextToken and StreamCreationTimestamp cannot be provided together."_s;
    QTest::newRow("nothing") << false << QString() << QString() << false << false
                             << u"Either NextToken or StreamName should be provided."_s;
    QTest::newRow("only ExclusiveStartShardId")
        << false << QString() << shardId(1) << false << false
        << u"Either NextToken or StreamName should be provided."_s;
    QTest::newRow("only ShardFilter") << false << QString() << QString() << true << false
                                      << u"Either NextToken or StreamName should be provided."_s;
}

void TestEngineStreams::listShardsArgumentErrors()
{
    QFETCH(bool, withToken);
    QFETCH(QString, streamName);
    QFETCH(QString, exclusiveStart);
    QFETCH(bool, withFilter);
    QFETCH(bool, withCreationTimestamp);
    QFETCH(QString, message);
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"rs"_s, 3));
    const auto first = env.engine->listShards(listShardsRequest(u"rs"_s, {}, 1));
    CHECK_OK(first);
    QVERIFY(!first->nextToken.isEmpty());

    ListShardsRequest r;
    if (withToken)
        r.nextToken = first->nextToken;
    r.target.streamName = streamName;
    r.exclusiveStartShardId = exclusiveStart;
    if (withFilter)
        r.shardFilter = ShardFilter{ShardFilterType::AtLatest, QString(), std::nullopt};
    if (withCreationTimestamp)
        r.streamCreationTimestamp = kStart;
    CHECK_ERROR(env.engine->listShards(r), u"InvalidArgumentException"_s, message);
}

void TestEngineStreams::listShardsInvalidToken_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("garbage") << u"garbage"_s;
    QTest::newRow("tampered") << u"tampered"_s;
    QTest::newRow("ListStreams token") << u"listStreams"_s;
    QTest::newRow("bad characters") << u"bad characters"_s;
}

void TestEngineStreams::listShardsInvalidToken()
{
    QFETCH(QString, kind);
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"rs"_s, 3));
    CHECK_OK(env.createActive(u"rt"_s, 1));
    const auto first = env.engine->listShards(listShardsRequest(u"rs"_s, {}, 1));
    CHECK_OK(first);
    const auto streams = env.engine->listStreams(listStreamsRequest(1));
    CHECK_OK(streams);
    QString token;
    if (kind == u"garbage")
        token = u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s;
    else if (kind == u"tampered")
        token = tamper(first->nextToken);
    else if (kind == u"listStreams")
        token = streams->nextToken;
    else
        token = u"{not a token}"_s;
    QVERIFY(!token.isEmpty());
    CHECK_ERROR(env.engine->listShards(nextShardsRequest(token)), u"InvalidArgumentException"_s,
                u"Invalid NextToken."_s);
}

void TestEngineStreams::listShardsValidation_data()
{
    QTest::addColumn<int>("maxResults"); // -1: absent
    QTest::addColumn<QString>("exclusiveStart");
    QTest::addColumn<QString>("streamName");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("message");
    QTest::newRow("MaxResults 0")
        << 0 << QString() << u"rs"_s << QString()
        << u"1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: "
           u"Member must have value greater than or equal to 1"_s;
    QTest::newRow("MaxResults 100000")
        << 100000 << QString() << u"rs"_s << QString()
        << u"1 validation error detected: Value '100000' at 'maxResults' failed to satisfy "
           u"constraint: Member must have value less than or equal to 10000"_s;
    QTest::newRow("empty NextToken")
        << -1 << QString() << QString() << u""_s
        << u"1 validation error detected: Value '' at 'nextToken' failed to satisfy constraint: "
           u"Member must have length greater than or equal to 1"_s;
    QTest::newRow("bad ExclusiveStartShardId")
        << -1 << u"shard 1"_s << u"rs"_s << QString()
        << validation(
               {violation(u"exclusiveStartShardId"_s, u"shard 1"_s,
                          u"Member must satisfy regular expression pattern: "_s + kNamePattern)});
    QTest::newRow("empty StreamName")
        << -1 << QString() << u""_s << QString()
        << validation(
               {violation(u"streamName"_s, u""_s,
                          u"Member must satisfy regular expression pattern: "_s + kNamePattern),
                violation(u"streamName"_s, u""_s,
                          u"Member must have length greater than or equal to 1"_s)});
    QTest::newRow("order: maxResults, exclusiveStartShardId, streamName")
        << 0 << u"x y"_s << u"a b"_s << QString()
        << validation(
               {violation(u"maxResults"_s, u"0"_s,
                          u"Member must have value greater than or equal to 1"_s),
                violation(u"exclusiveStartShardId"_s, u"x y"_s,
                          u"Member must satisfy regular expression pattern: "_s + kNamePattern),
                violation(u"streamName"_s, u"a b"_s,
                          u"Member must satisfy regular expression pattern: "_s + kNamePattern)});
}

void TestEngineStreams::listShardsValidation()
{
    QFETCH(int, maxResults);
    QFETCH(QString, exclusiveStart);
    QFETCH(QString, streamName);
    QFETCH(QString, token);
    QFETCH(QString, message);
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"rs"_s, 1));
    ListShardsRequest r;
    if (maxResults >= 0)
        r.maxResults = maxResults;
    r.exclusiveStartShardId = exclusiveStart;
    r.target.streamName = streamName;
    r.nextToken = token;
    CHECK_ERROR(env.engine->listShards(r), u"ValidationException"_s, message);
}

void TestEngineStreams::listShardsTokenExpires()
{
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"rs"_s, 3));
    const auto first = env.engine->listShards(listShardsRequest(u"rs"_s, {}, 1));
    CHECK_OK(first);
    const QString token = first->nextToken;
    env.clock->advanceMs(299 * kSecond);
    const auto fine = env.engine->listShards(nextShardsRequest(token));
    CHECK_OK(fine);
    QCOMPARE(idsOf(fine->shards), shardIds({1, 2}));
    env.clock->advanceMs(2 * kSecond);
    CHECK_ERROR(env.engine->listShards(nextShardsRequest(token)), u"ExpiredNextTokenException"_s,
                u"The requested token has expired."_s);
}

// ---------------------------------------------------------------------------------------------
// Retention, record size, stream mode

void TestEngineStreams::retention_data()
{
    QTest::addColumn<bool>("increase");
    QTest::addColumn<int>("hours");
    QTest::addColumn<QString>("type"); // empty: success
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("after");
    // The stream's retention is 48 hours before each row.
    const QString tooShort = u"Minimum allowed retention period is 24 hours. Requested retention "
                             u"period (%1 hours) is too short."_s;
    const QString tooLong = u"Maximum allowed retention period is 8760 hours. Requested "
                            u"retention period (%1 hours) is too long."_s;
    const QString invalid = u"InvalidArgumentException"_s;
    const QString val = u"ValidationException"_s;

    QTest::newRow("increase 48 -> 72") << true << 72 << QString() << QString() << 72;
    QTest::newRow("increase 48 -> 48") << true << 48 << QString() << QString() << 48;
    QTest::newRow("increase to 8760") << true << 8760 << QString() << QString() << 8760;
    QTest::newRow("increase lower")
        << true << 36 << invalid
        << u"Requested retention period (36 hours) for stream s can not be shorter than existing "
           u"retention period (48 hours). Use DecreaseRetentionPeriod API."_s
        << 48;
    QTest::newRow("increase too short") << true << 12 << invalid << tooShort.arg(12) << 48;
    QTest::newRow("increase 23") << true << 23 << invalid << tooShort.arg(23) << 48;
    QTest::newRow("increase too long") << true << 8761 << invalid << tooLong.arg(8761) << 48;
    QTest::newRow("increase 0")
        << true << 0 << val
        << u"1 validation error detected: Value '0' at 'retentionPeriodHours' failed to satisfy "
           u"constraint: Member must have value greater than or equal to 1"_s
        << 48;
    QTest::newRow("increase -1")
        << true << -1 << val
        << u"1 validation error detected: Value '-1' at 'retentionPeriodHours' failed to satisfy "
           u"constraint: Member must have value greater than or equal to 1"_s
        << 48;

    QTest::newRow("decrease 48 -> 24") << false << 24 << QString() << QString() << 24;
    QTest::newRow("decrease 48 -> 48") << false << 48 << QString() << QString() << 48;
    QTest::newRow("decrease higher")
        << false << 72 << invalid
        << u"Requested retention period (72 hours) for stream s can not be longer than existing "
           u"retention period (48 hours). Use IncreaseRetentionPeriod API."_s
        << 48;
    QTest::newRow("decrease too short") << false << 23 << invalid << tooShort.arg(23) << 48;
    QTest::newRow("decrease 1") << false << 1 << invalid << tooShort.arg(1) << 48;
    QTest::newRow("decrease too long") << false << 8761 << invalid << tooLong.arg(8761) << 48;
    QTest::newRow("decrease 0")
        << false << 0 << val
        << u"1 validation error detected: Value '0' at 'retentionPeriodHours' failed to satisfy "
           u"constraint: Member must have value greater than or equal to 1"_s
        << 48;
}

void TestEngineStreams::retention()
{
    QFETCH(bool, increase);
    QFETCH(int, hours);
    QFETCH(QString, type);
    QFETCH(QString, message);
    QFETCH(int, after);
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 1));
    CHECK_OK(env.engine->increaseStreamRetentionPeriod(retentionRequest(u"s"_s, 48)));

    const RetentionPeriodRequest request = retentionRequest(u"s"_s, hours);
    const auto result = increase ? env.engine->increaseStreamRetentionPeriod(request)
                                 : env.engine->decreaseStreamRetentionPeriod(request);
    if (type.isEmpty())
        CHECK_OK(result);
    else
        CHECK_ERROR(result, type, message);

    const auto summary = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    CHECK_OK(summary);
    QCOMPARE(summary->retentionPeriodHours, after);
    const auto d = env.engine->describeStream(describeRequest(StreamTarget::byName(u"s"_s)));
    CHECK_OK(d);
    QCOMPARE(d->retentionPeriodHours, after);
}

void TestEngineStreams::retentionLooksUpStreamFirst()
{
    // Order of checks: stream lookup, then too short / too long, then direction.
    Env env;
    OPEN(env);
    CHECK_ERROR(env.engine->increaseStreamRetentionPeriod(retentionRequest(u"nope"_s, 12)),
                u"ResourceNotFoundException"_s, notFound(u"nope"_s));
    CHECK_ERROR(env.engine->decreaseStreamRetentionPeriod(retentionRequest(u"nope"_s, 9000)),
                u"ResourceNotFoundException"_s, notFound(u"nope"_s));
    CHECK_OK(env.createActive(u"s"_s, 1));
    // 8761 with a current retention of 24: "too long" wins over the direction for Decrease.
    CHECK_ERROR(env.engine->decreaseStreamRetentionPeriod(retentionRequest(u"s"_s, 8761)),
                u"InvalidArgumentException"_s,
                u"Maximum allowed retention period is 8760 hours. Requested retention period "
                u"(8761 hours) is too long."_s);
    // Validation comes before the lookup.
    CHECK_ERROR(env.engine->increaseStreamRetentionPeriod(retentionRequest(u"nope"_s, 0)),
                u"ValidationException"_s,
                u"1 validation error detected: Value '0' at 'retentionPeriodHours' failed to "
                u"satisfy constraint: Member must have value greater than or equal to 1"_s);
}

void TestEngineStreams::updateMaxRecordSizeValidation_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("message"); // empty: accepted
    QTest::newRow("1023") << 1023
                          << u"1 validation error detected: Value '1023' at 'maxRecordSizeInKiB' "
                             u"failed to satisfy constraint: Member must have value greater than "
                             u"or equal to 1024"_s;
    QTest::newRow("0") << 0
                       << validation({violation(u"maxRecordSizeInKiB"_s, u"0"_s,
                                                u"Member must have value greater than or equal "
                                                u"to 1024"_s)});
    QTest::newRow("10241") << 10241
                           << u"1 validation error detected: Value '10241' at "
                              u"'maxRecordSizeInKiB' failed to satisfy constraint: Member must "
                              u"have value less than or equal to 10240"_s;
    QTest::newRow("1024") << 1024 << QString();
    QTest::newRow("2048") << 2048 << QString();
    QTest::newRow("10240") << 10240 << QString();
}

void TestEngineStreams::updateMaxRecordSizeValidation()
{
    QFETCH(int, size);
    QFETCH(QString, message);
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 1));
    const UpdateMaxRecordSizeRequest request{StreamTarget::byArn(arnOf(u"s"_s)), size};
    if (message.isEmpty())
        CHECK_OK(env.engine->updateMaxRecordSize(request));
    else
        CHECK_ERROR(env.engine->updateMaxRecordSize(request), u"ValidationException"_s, message);
    const auto summary = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    CHECK_OK(summary);
    QCOMPARE(summary->maxRecordSizeInKiB, message.isEmpty() ? size : 1024);
}

void TestEngineStreams::updateMaxRecordSizeAllowsLargerRecords()
{
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 1));
    const auto tooBig = [](qsizetype bytes, qint64 limit) -> QString {
        return u"1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim="_s +
               QString::number(bytes) + u" cap="_s + QString::number(bytes) +
               u"]' at 'data' failed to satisfy constraint: Member must have length less than or "
               u"equal to "_s +
               QString::number(limit);
    };
    const QByteArray overOneMiB(1024 * 1024 + 1, 'x');
    CHECK_ERROR(env.engine->putRecord(putRequest(u"s"_s, overOneMiB)), u"ValidationException"_s,
                tooBig(overOneMiB.size(), 1048576));

    CHECK_ERROR(env.engine->updateMaxRecordSize({StreamTarget::byArn(arnOf(u"nope"_s)), 2048}),
                u"ResourceNotFoundException"_s, notFound(u"nope"_s));
    CHECK_OK(env.engine->updateMaxRecordSize({StreamTarget::byArn(arnOf(u"s"_s)), 2048}));
    const auto summary = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    CHECK_OK(summary);
    QCOMPARE(summary->maxRecordSizeInKiB, 2048);

    const auto put = env.engine->putRecord(putRequest(u"s"_s, overOneMiB));
    CHECK_OK(put);
    QCOMPARE(put->shardId, shardId(0));
    const auto stored = env.engine->storedRecordCount(u"s"_s, shardId(0));
    CHECK_OK(stored);
    QCOMPARE(*stored, qint64(1));

    const QByteArray overTwoMiB(2 * 1024 * 1024 + 1, 'y');
    CHECK_ERROR(env.engine->putRecord(putRequest(u"s"_s, overTwoMiB)), u"ValidationException"_s,
                tooBig(overTwoMiB.size(), 2097152));
}

void TestEngineStreams::putRecordOfExactlyOneMiBIsAccepted()
{
    // The Data member allows up to 1048576 bytes (the constraint is on the blob alone, as the
    // message itself says: 'Member must have length less than or equal to 1048576').
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 1));
    const QByteArray oneMiB(1024 * 1024, 'x');
    CHECK_OK(env.engine->putRecord(putRequest(u"s"_s, oneMiB)));
}

void TestEngineStreams::updateStreamMode()
{
    Env env;
    env.options.onDemandStreamCountLimit = 5;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 2));
    const QString arn = arnOf(u"s"_s);

    CHECK_OK(env.engine->updateStreamMode({arn, StreamMode::OnDemand}));
    const auto updating = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    CHECK_OK(updating);
    QCOMPARE(toWire(updating->streamStatus), u"UPDATING"_s);
    CHECK_ERROR(env.engine->updateStreamMode({arn, StreamMode::Provisioned}),
                u"ResourceInUseException"_s, notActive(u"s"_s, u"UPDATING"_s));

    env.clock->advanceMs(kUpdateDelay);
    const auto summary = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    CHECK_OK(summary);
    QCOMPARE(toWire(summary->streamStatus), u"ACTIVE"_s);
    QCOMPARE(toWire(summary->streamMode), u"ON_DEMAND"_s);
    QCOMPARE(summary->openShardCount, 2);
    const auto d = env.engine->describeStream(describeRequest(StreamTarget::byArn(arn)));
    CHECK_OK(d);
    QCOMPARE(toWire(d->streamMode), u"ON_DEMAND"_s);
    const auto list = env.engine->listStreams(listStreamsRequest());
    CHECK_OK(list);
    QCOMPARE(toWire(list->streamSummaries.at(0).streamMode), u"ON_DEMAND"_s);
    const auto limits = env.engine->describeLimits();
    CHECK_OK(limits);
    QCOMPARE(limits->onDemandStreamCount, 1);

    CHECK_ERROR(env.engine->updateStreamMode({arn, StreamMode::OnDemand}),
                u"InvalidArgumentException"_s,
                u"Stream s under account 000000000000 is already in ON_DEMAND mode."_s);

    CHECK_OK(env.engine->updateStreamMode({arn, StreamMode::Provisioned}));
    env.clock->advanceMs(kUpdateDelay);
    const auto back = env.engine->describeStreamSummary(StreamTarget::byName(u"s"_s));
    CHECK_OK(back);
    QCOMPARE(toWire(back->streamMode), u"PROVISIONED"_s);
    QCOMPARE(toWire(back->streamStatus), u"ACTIVE"_s);

    CHECK_ERROR(env.engine->updateStreamMode({arnOf(u"nope"_s), StreamMode::OnDemand}),
                u"ResourceNotFoundException"_s, notFound(u"nope"_s));
    CHECK_ERROR(env.engine->updateStreamMode({QString(), StreamMode::OnDemand}),
                u"ValidationException"_s,
                u"1 validation error detected: Value null at 'streamARN' failed to satisfy "
                u"constraint: Member must not be null"_s);
    CHECK_ERROR(env.engine->updateStreamMode({u"s"_s, StreamMode::OnDemand}),
                u"ValidationException"_s,
                validation({violation(u"streamARN"_s, u"s"_s,
                                      u"Member must satisfy regular expression pattern: "_s +
                                          kStreamArnPattern)}));
}

// ---------------------------------------------------------------------------------------------
// Tags

void TestEngineStreams::tagsAddListRemove()
{
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 1));
    const auto empty = env.engine->listTagsForStream(listTags(u"s"_s));
    CHECK_OK(empty);
    QVERIFY(empty->tags.isEmpty());
    QVERIFY(!empty->hasMoreTags);

    CHECK_OK(env.engine->addTagsToStream(
        addTags(u"s"_s, {{u"team"_s, u"core"_s}, {u"Env"_s, u"prod"_s}, {u"cost"_s, u""_s}})));
    CHECK_OK(env.engine->addTagsToStream(
        addTags(u"s"_s, {{u"team"_s, u"data"_s}, {u"ü0 _."_s, u"/=+-@"_s}})));
    const auto listed = env.engine->listTagsForStream(listTags(u"s"_s));
    CHECK_OK(listed);
    QCOMPARE(tagTexts(listed->tags),
             (QStringList{u"Env=prod"_s, u"cost="_s, u"team=data"_s, u"ü0 _.=/=+-@"_s}));
    QVERIFY(!listed->hasMoreTags);

    // Unknown keys are ignored.
    CHECK_OK(env.engine->removeTagsFromStream(removeTags(u"s"_s, {u"Env"_s, u"unknown"_s})));
    const auto after = env.engine->listTagsForStream(listTags(u"s"_s));
    CHECK_OK(after);
    QCOMPARE(tagTexts(after->tags), (QStringList{u"cost="_s, u"team=data"_s, u"ü0 _.=/=+-@"_s}));

    CHECK_ERROR(env.engine->addTagsToStream(addTags(u"nope"_s, {{u"a"_s, u"b"_s}})),
                u"ResourceNotFoundException"_s, notFound(u"nope"_s));
    // Validation order tags, streamName (kinesalite's addTagsToStream tests, run against AWS).
    CHECK_ERROR(env.engine->addTagsToStream(addTags(u""_s, {})), u"ValidationException"_s,
                u"3 validation errors detected: Value '{}' at 'tags' failed to satisfy "
                u"constraint: Member must have length greater than or equal to 1; Value '' at "
                u"'streamName' failed to satisfy constraint: Member must satisfy regular "
                u"expression pattern: [a-zA-Z0-9_.-]+; Value '' at 'streamName' failed to satisfy "
                u"constraint: Member must have length greater than or equal to 1"_s);
    const QString longName(129, u'a');
    CHECK_ERROR(env.engine->addTagsToStream(addTags(longName, {{u"a"_s, u"b"_s}})),
                u"ValidationException"_s,
                u"1 validation error detected: Value '"_s + longName +
                    u"' at 'streamName' failed to satisfy constraint: Member must have length "
                    u"less than or equal to 128"_s);
    CHECK_ERROR(env.engine->removeTagsFromStream(removeTags(u"nope"_s, {u"a"_s})),
                u"ResourceNotFoundException"_s, notFound(u"nope"_s));
    CHECK_ERROR(env.engine->listTagsForStream(listTags(u"nope"_s)), u"ResourceNotFoundException"_s,
                notFound(u"nope"_s));
}

void TestEngineStreams::tagsPaging_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("1") << 1;
    QTest::newRow("2") << 2;
    QTest::newRow("3") << 3;
    QTest::newRow("7 (all)") << 7;
    QTest::newRow("50") << 50;
}

void TestEngineStreams::tagsPaging()
{
    QFETCH(int, limit);
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 1));
    const TagMap tags{{u"g"_s, u"7"_s}, {u"a"_s, u"1"_s}, {u"e"_s, u"5"_s}, {u"c"_s, u"3"_s},
                      {u"b"_s, u"2"_s}, {u"f"_s, u"6"_s}, {u"d"_s, u"4"_s}};
    CHECK_OK(env.engine->addTagsToStream(addTags(u"s"_s, tags)));
    const QStringList all{u"a=1"_s, u"b=2"_s, u"c=3"_s, u"d=4"_s, u"e=5"_s, u"f=6"_s, u"g=7"_s};

    QStringList collected;
    QString after;
    for (int guard = 0; guard < 20; ++guard) {
        const auto page = env.engine->listTagsForStream(listTags(u"s"_s, limit, after));
        CHECK_OK(page);
        QVERIFY(page->tags.size() <= limit);
        collected += tagTexts(page->tags);
        QCOMPARE(page->hasMoreTags, collected.size() < all.size());
        if (!page->hasMoreTags)
            break;
        after = page->tags.last().key;
    }
    QCOMPARE(collected, all);

    // ExclusiveStartTagKey need not be an existing key.
    const auto fromMiddle = env.engine->listTagsForStream(listTags(u"s"_s, 2, u"cc"_s));
    CHECK_OK(fromMiddle);
    QCOMPARE(tagTexts(fromMiddle->tags), (QStringList{u"d=4"_s, u"e=5"_s}));
    QVERIFY(fromMiddle->hasMoreTags);
    const auto pastEnd = env.engine->listTagsForStream(listTags(u"s"_s, 2, u"g"_s));
    CHECK_OK(pastEnd);
    QVERIFY(pastEnd->tags.isEmpty());
    QVERIFY(!pastEnd->hasMoreTags);
}

void TestEngineStreams::tagsLimitOf50()
{
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 1));
    CHECK_OK(env.createActive(u"t"_s, 1));

    // 51 new tags in one call.
    CHECK_ERROR(env.engine->addTagsToStream(addTags(u"t"_s, numberedTags(51))),
                u"InvalidArgumentException"_s, tooManyTags(u"t"_s));
    const auto none = env.engine->listTagsForStream(listTags(u"t"_s));
    CHECK_OK(none);
    QVERIFY(none->tags.isEmpty());

    CHECK_OK(env.engine->addTagsToStream(addTags(u"s"_s, numberedTags(30))));
    CHECK_OK(env.engine->addTagsToStream(addTags(u"s"_s, numberedTags(20, u"more"_s))));
    const auto fifty = env.engine->listTagsForStream(listTags(u"s"_s, 50));
    CHECK_OK(fifty);
    QCOMPARE(fifty->tags.size(), qsizetype(50));
    QVERIFY(!fifty->hasMoreTags);

    // A 51st key is refused and nothing of the call is applied.
    CHECK_ERROR(env.engine->addTagsToStream(
                    addTags(u"s"_s, {{u"key000"_s, u"changed"_s}, {u"extra"_s, u"1"_s}})),
                u"InvalidArgumentException"_s, tooManyTags(u"s"_s));
    const auto unchanged = env.engine->listTagsForStream(listTags(u"s"_s, 1));
    CHECK_OK(unchanged);
    QCOMPARE(tagTexts(unchanged->tags), QStringList{u"key000=0"_s});

    // Overwriting existing keys does not count twice.
    TagMap overwrite = numberedTags(10);
    for (auto it = overwrite.begin(); it != overwrite.end(); ++it)
        it.value() = u"new"_s;
    CHECK_OK(env.engine->addTagsToStream(addTags(u"s"_s, overwrite)));
    const auto overwritten = env.engine->listTagsForStream(listTags(u"s"_s, 1));
    CHECK_OK(overwritten);
    QCOMPARE(tagTexts(overwritten->tags), QStringList{u"key000=new"_s});

    // After removing one, one more fits.
    CHECK_OK(env.engine->removeTagsFromStream(removeTags(u"s"_s, {u"more000"_s})));
    CHECK_OK(env.engine->addTagsToStream(addTags(u"s"_s, {{u"extra"_s, u"1"_s}})));
    const auto full = env.engine->listTagsForStream(listTags(u"s"_s, 50));
    CHECK_OK(full);
    QCOMPARE(full->tags.size(), qsizetype(50));

    // The same limit through TagResource.
    CHECK_ERROR(env.engine->tagResource({arnOf(u"s"_s), {{u"another"_s, u"1"_s}}}),
                u"InvalidArgumentException"_s, tooManyTags(u"s"_s));
}

void TestEngineStreams::tagsCharacters_data()
{
    QTest::addColumn<QString>("op"); // add, remove, create, tagResource
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message"); // empty: accepted
    const QString addPercent =
        u"Failed to add tags to stream s under account 000000000000 because some tags contained "
        u"illegal characters. The allowed characters are Unicode letters, white-spaces, "
        u"'_',',','/','=','+','-','@'."_s;
    const QString removePercent =
        u"Failed to remove tags from stream s under account 000000000000 because some tags "
        u"contained illegal characters. The allowed characters are Unicode letters, white-spaces, "
        u"'_',',','/','=','+','-','@'."_s;

    QTest::newRow("add: ; in key") << u"add"_s << u"abc;def"_s << u"1"_s << kInvalidTagCharacters;
    QTest::newRow("add: ; in value") << u"add"_s << u"a"_s << u"abc;def"_s << kInvalidTagCharacters;
    QTest::newRow("add: , in key") << u"add"_s << u"a,b"_s << u"1"_s << kInvalidTagCharacters;
    QTest::newRow("add: tab in value") << u"add"_s << u"a"_s << u"x\ty"_s << kInvalidTagCharacters;
    QTest::newRow("add: newline in key")
        << u"add"_s << u"a\nb"_s << u"1"_s << kInvalidTagCharacters;
    QTest::newRow("add: % in key") << u"add"_s << u"abc%def"_s << u"1"_s << addPercent;
    QTest::newRow("add: % in value") << u"add"_s << u"a"_s << u"50%"_s << addPercent;
    QTest::newRow("add: allowed symbols") << u"add"_s << u"ü0 _."_s << u"/=+-@"_s << QString();
    QTest::newRow("add: CJK letters") << u"add"_s << u"日本語"_s << u"値"_s << QString();
    QTest::newRow("remove: ; in key")
        << u"remove"_s << u"abc;def"_s << QString() << kInvalidTagCharacters;
    QTest::newRow("remove: % in key") << u"remove"_s << u"abc%def"_s << QString() << removePercent;
    QTest::newRow("remove: allowed symbols") << u"remove"_s << u"ü0 _."_s << QString() << QString();
    QTest::newRow("create: ; in key")
        << u"create"_s << u"abc;def"_s << u"1"_s << kInvalidTagCharacters;
    QTest::newRow("create: allowed") << u"create"_s << u"a b"_s << u"c@d"_s << QString();
    QTest::newRow("TagResource: ; in value")
        << u"tagResource"_s << u"a"_s << u"abc;def"_s << kInvalidTagCharacters;
    QTest::newRow("TagResource: colon allowed")
        << u"tagResource"_s << u"team:core"_s << u"x:y"_s << QString();
}

void TestEngineStreams::tagsCharacters()
{
    QFETCH(QString, op);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, message);
    Env env;
    OPEN(env);
    std::expected<void, Error> result;
    if (op == u"create") {
        CreateStreamRequest r = provisioned(u"s"_s, 1);
        r.tags.insert(key, value);
        result = env.engine->createStream(r);
    } else {
        CHECK_OK(env.createActive(u"s"_s, 1));
        if (op == u"add")
            result = env.engine->addTagsToStream(addTags(u"s"_s, {{key, value}}));
        else if (op == u"remove")
            result = env.engine->removeTagsFromStream(removeTags(u"s"_s, {key}));
        else
            result = env.engine->tagResource({arnOf(u"s"_s), {{key, value}}});
    }
    if (message.isEmpty()) {
        CHECK_OK(result);
        if (op != u"remove") {
            const auto listed = env.engine->listTagsForStream(listTags(u"s"_s));
            CHECK_OK(listed);
            QCOMPARE(tagTexts(listed->tags), QStringList{key + u'=' + value});
        }
    } else {
        CHECK_ERROR(result, u"InvalidArgumentException"_s, message);
        if (op != u"create") {
            const auto listed = env.engine->listTagsForStream(listTags(u"s"_s));
            CHECK_OK(listed);
            QVERIFY(listed->tags.isEmpty());
        }
    }
}

void TestEngineStreams::tagsValidation_data()
{
    QTest::addColumn<QString>("op"); // add, remove, list, tagResource, untagResource
    QTest::addColumn<TagMap>("tags");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<int>("limit"); // -1: absent
    QTest::addColumn<QString>("exclusiveStart");
    QTest::addColumn<QString>("message");
    const QString mapKeys = u"Map keys must satisfy constraint: [Member must have length less "
                            u"than or equal to 128, Member must have length greater than or "
                            u"equal to 1]"_s;
    const QString mapValues = u"Map value must satisfy constraint: [Member must have length "
                              u"less than or equal to 256, Member must have length greater than "
                              u"or equal to 0]"_s;
    const QString listElements = u"Member must satisfy constraint: [Member must have length less "
                                 u"than or equal to 128, Member must have length greater than or "
                                 u"equal to 1]"_s;
    const TagMap longKey{{QString(129, u'k'), u"v"_s}};
    const TagMap longValue{{u"k"_s, QString(257, u'v')}};
    const TagMap tooMany = numberedTags(201);
    QStringList manyKeys;
    for (int i = 0; i < 51; ++i)
        manyKeys.append(u"k"_s + QString::number(i));

    QTest::newRow("add: empty map")
        << u"add"_s << TagMap{} << QStringList{} << -1 << QString()
        << u"1 validation error detected: Value '{}' at 'tags' failed to satisfy constraint: "
           u"Member must have length greater than or equal to 1"_s;
    QTest::newRow("add: empty key")
        << u"add"_s << TagMap{{u""_s, u"v"_s}} << QStringList{} << -1 << QString()
        << u"1 validation error detected: Value '{=v}' at 'tags' failed to satisfy constraint: "_s +
               mapKeys;
    QTest::newRow("add: 129-character key")
        << u"add"_s << longKey << QStringList{} << -1 << QString()
        << validation({violation(u"tags"_s, tagMapText(longKey), mapKeys)});
    QTest::newRow("add: 257-character value")
        << u"add"_s << longValue << QStringList{} << -1 << QString()
        << validation({violation(u"tags"_s, tagMapText(longValue), mapValues)});
    QTest::newRow("add: 201 entries")
        << u"add"_s << tooMany << QStringList{} << -1 << QString()
        << validation({violation(u"tags"_s, tagMapText(tooMany),
                                 u"Member must have length less than or equal to 200"_s)});
    QTest::newRow("remove: no keys")
        << u"remove"_s << TagMap{} << QStringList{} << -1 << QString()
        << u"1 validation error detected: Value '[]' at 'tagKeys' failed to satisfy constraint: "
           u"Member must have length greater than or equal to 1"_s;
    QTest::newRow("remove: empty key")
        << u"remove"_s << TagMap{} << QStringList{u"a"_s, u""_s} << -1 << QString()
        << validation({violation(u"tagKeys"_s, u"[a, ]"_s, listElements)});
    QTest::newRow("remove: 51 keys")
        << u"remove"_s << TagMap{} << manyKeys << -1 << QString()
        << validation({violation(u"tagKeys"_s, u'[' + manyKeys.join(u", "_s) + u']',
                                 u"Member must have length less than or equal to 50"_s)});
    QTest::newRow("list: limit 0")
        << u"list"_s << TagMap{} << QStringList{} << 0 << QString()
        << u"1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
           u"Member must have value greater than or equal to 1"_s;
    QTest::newRow("list: limit 51")
        << u"list"_s << TagMap{} << QStringList{} << 51 << QString()
        << validation({violation(u"limit"_s, u"51"_s,
                                 u"Member must have value less than or equal to 50"_s)});
    QTest::newRow("list: empty start key")
        << u"list"_s << TagMap{} << QStringList{} << -1 << u""_s
        << validation({violation(u"exclusiveStartTagKey"_s, u""_s,
                                 u"Member must have length greater than or equal to 1"_s)});
    QTest::newRow("list: 129-character start key")
        << u"list"_s << TagMap{} << QStringList{} << -1 << QString(129, u'x')
        << validation({violation(u"exclusiveStartTagKey"_s, QString(129, u'x'),
                                 u"Member must have length less than or equal to 128"_s)});
    QTest::newRow("TagResource: empty map")
        << u"tagResource"_s << TagMap{} << QStringList{} << -1 << QString()
        << validation({violation(u"tags"_s, u"{}"_s,
                                 u"Member must have length greater than or equal to 1"_s)});
    QTest::newRow("UntagResource: no keys")
        << u"untagResource"_s << TagMap{} << QStringList{} << -1 << QString()
        << validation({violation(u"tagKeys"_s, u"[]"_s,
                                 u"Member must have length greater than or equal to 1"_s)});
}

void TestEngineStreams::tagsValidation()
{
    QFETCH(QString, op);
    QFETCH(TagMap, tags);
    QFETCH(QStringList, keys);
    QFETCH(int, limit);
    QFETCH(QString, exclusiveStart);
    QFETCH(QString, message);
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 1));
    CHECK_OK(env.engine->addTagsToStream(addTags(u"s"_s, {{u"keep"_s, u"me"_s}})));
    const QString type = u"ValidationException"_s;
    if (op == u"add") {
        CHECK_ERROR(env.engine->addTagsToStream(addTags(u"s"_s, tags)), type, message);
    } else if (op == u"remove") {
        CHECK_ERROR(env.engine->removeTagsFromStream(removeTags(u"s"_s, keys)), type, message);
    } else if (op == u"list") {
        std::optional<int> limitValue;
        if (limit >= 0)
            limitValue = limit;
        CHECK_ERROR(env.engine->listTagsForStream(listTags(u"s"_s, limitValue, exclusiveStart)),
                    type, message);
    } else if (op == u"tagResource") {
        CHECK_ERROR(env.engine->tagResource({arnOf(u"s"_s), tags}), type, message);
    } else {
        CHECK_ERROR(env.engine->untagResource({arnOf(u"s"_s), keys}), type, message);
    }
    const auto listed = env.engine->listTagsForStream(listTags(u"s"_s));
    CHECK_OK(listed);
    QCOMPARE(tagTexts(listed->tags), QStringList{u"keep=me"_s});
}

void TestEngineStreams::tagsGivenAtCreate()
{
    Env env;
    OPEN(env);
    CreateStreamRequest r = provisioned(u"s"_s, 1);
    r.tags = {{u"b"_s, u"2"_s}, {u"a"_s, u"1"_s}};
    CHECK_OK(env.engine->createStream(r));
    // Tags can be read and changed while the stream is still CREATING.
    const auto listed = env.engine->listTagsForStream(listTags(u"s"_s));
    CHECK_OK(listed);
    QCOMPARE(tagTexts(listed->tags), (QStringList{u"a=1"_s, u"b=2"_s}));
    const auto resource = env.engine->listTagsForResource({arnOf(u"s"_s)});
    CHECK_OK(resource);
    QCOMPARE(tagTexts(resource->tags), (QStringList{u"a=1"_s, u"b=2"_s}));

    // 51 tags at creation: refused, no stream.
    CreateStreamRequest tooMany = provisioned(u"t"_s, 1);
    tooMany.tags = numberedTags(51);
    CHECK_ERROR(env.engine->createStream(tooMany), u"InvalidArgumentException"_s,
                tooManyTags(u"t"_s));
    CHECK_ERROR(env.engine->describeStreamSummary(StreamTarget::byName(u"t"_s)),
                u"ResourceNotFoundException"_s, notFound(u"t"_s));
    // 50 are fine.
    CreateStreamRequest fifty = provisioned(u"u"_s, 1);
    fifty.tags = numberedTags(50);
    CHECK_OK(env.engine->createStream(fifty));
    const auto fiftyTags = env.engine->listTagsForStream(listTags(u"u"_s, 50));
    CHECK_OK(fiftyTags);
    QCOMPARE(fiftyTags->tags.size(), qsizetype(50));
    // An invalid map at creation is a validation error.
    CreateStreamRequest badKey = provisioned(u"v"_s, 1);
    badKey.tags = {{QString(129, u'k'), u"v"_s}};
    CHECK_ERROR(env.engine->createStream(badKey), u"ValidationException"_s,
                validation({violation(u"tags"_s, tagMapText(badKey.tags),
                                      u"Map keys must satisfy constraint: [Member must have "
                                      u"length less than or equal to 128, Member must have length "
                                      u"greater than or equal to 1]"_s)}));
}

void TestEngineStreams::tagsResourceApi()
{
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 1));
    CHECK_OK(env.createActive(u"other"_s, 1));
    const QString arn = arnOf(u"s"_s);

    CHECK_OK(env.engine->tagResource({arn, {{u"z"_s, u"26"_s}, {u"a"_s, u"1"_s}}}));
    CHECK_OK(env.engine->addTagsToStream(addTags(u"s"_s, {{u"m"_s, u"13"_s}})));
    const auto resource = env.engine->listTagsForResource({arn});
    CHECK_OK(resource);
    QCOMPARE(tagTexts(resource->tags), (QStringList{u"a=1"_s, u"m=13"_s, u"z=26"_s}));
    const auto stream = env.engine->listTagsForStream(listTags(u"s"_s));
    CHECK_OK(stream);
    QCOMPARE(tagTexts(stream->tags), tagTexts(resource->tags));

    CHECK_OK(env.engine->untagResource({arn, {u"z"_s, u"missing"_s}}));
    const auto afterUntag = env.engine->listTagsForResource({arn});
    CHECK_OK(afterUntag);
    QCOMPARE(tagTexts(afterUntag->tags), (QStringList{u"a=1"_s, u"m=13"_s}));
    // Another stream's tags are separate.
    const auto other = env.engine->listTagsForResource({arnOf(u"other"_s)});
    CHECK_OK(other);
    QVERIFY(other->tags.isEmpty());

    CHECK_ERROR(env.engine->tagResource({arnOf(u"nope"_s), {{u"a"_s, u"b"_s}}}),
                u"ResourceNotFoundException"_s, notFound(u"nope"_s));
    CHECK_ERROR(env.engine->untagResource({arnOf(u"nope"_s), {u"a"_s}}),
                u"ResourceNotFoundException"_s, notFound(u"nope"_s));
    CHECK_ERROR(env.engine->listTagsForResource({arnOf(u"nope"_s)}), u"ResourceNotFoundException"_s,
                notFound(u"nope"_s));
    CHECK_ERROR(env.engine->listTagsForResource({QString()}), u"ValidationException"_s,
                u"1 validation error detected: Value null at 'resourceARN' failed to satisfy "
                u"constraint: Member must not be null"_s);
    CHECK_ERROR(env.engine->listTagsForResource({u"s"_s}), u"ValidationException"_s,
                validation({violation(u"resourceARN"_s, u"s"_s,
                                      u"Member must satisfy regular expression pattern: "_s +
                                          kResourceArnPattern)}));
    CHECK_ERROR(env.engine->tagResource({QString(), {{u"a"_s, u"b"_s}}}), u"ValidationException"_s,
                u"1 validation error detected: Value null at 'resourceARN' failed to satisfy "
                u"constraint: Member must not be null"_s);
}

// ---------------------------------------------------------------------------------------------
// DescribeLimits, persistence, signals

void TestEngineStreams::describeLimits()
{
    Env env;
    env.options.shardLimit = 20;
    env.options.onDemandStreamCountLimit = 3;
    OPEN(env);
    const auto initial = env.engine->describeLimits();
    CHECK_OK(initial);
    QCOMPARE(initial->shardLimit, 20);
    QCOMPARE(initial->openShardCount, 0);
    QCOMPARE(initial->onDemandStreamCount, 0);
    QCOMPARE(initial->onDemandStreamCountLimit, 3);

    CHECK_OK(env.engine->createStream(provisioned(u"p1"_s, 2)));
    CHECK_OK(env.engine->createStream(provisioned(u"p2"_s, 3)));
    env.clock->advanceMs(kCreateDelay);
    const auto five = env.engine->describeLimits();
    CHECK_OK(five);
    QCOMPARE(five->openShardCount, 5);

    // A split adds one open shard (the parent closes, two children open).
    SplitShardRequest split;
    split.target = StreamTarget::byName(u"p1"_s);
    split.shardToSplit = shardId(0);
    split.newStartingHashKey = u"1000"_s;
    CHECK_OK(env.engine->splitShard(split));
    env.clock->advanceMs(kUpdateDelay);
    const auto six = env.engine->describeLimits();
    CHECK_OK(six);
    QCOMPARE(six->openShardCount, 6);

    // On-demand streams are counted as such, not in OpenShardCount.
    CHECK_OK(env.engine->createStream(onDemand(u"od"_s)));
    env.clock->advanceMs(kCreateDelay);
    const auto withOnDemand = env.engine->describeLimits();
    CHECK_OK(withOnDemand);
    QCOMPARE(withOnDemand->openShardCount, 6);
    QCOMPARE(withOnDemand->onDemandStreamCount, 1);

    CHECK_OK(env.engine->updateStreamMode({arnOf(u"p2"_s), StreamMode::OnDemand}));
    env.clock->advanceMs(kUpdateDelay);
    const auto switched = env.engine->describeLimits();
    CHECK_OK(switched);
    QCOMPARE(switched->openShardCount, 3);
    QCOMPARE(switched->onDemandStreamCount, 2);

    CHECK_OK(env.engine->deleteStream({StreamTarget::byName(u"p1"_s), false}));
    CHECK_OK(env.engine->deleteStream({StreamTarget::byName(u"od"_s), false}));
    env.clock->advanceMs(kDeleteDelay);
    const auto afterDelete = env.engine->describeLimits();
    CHECK_OK(afterDelete);
    QCOMPARE(afterDelete->openShardCount, 0);
    QCOMPARE(afterDelete->onDemandStreamCount, 1);
    QCOMPARE(afterDelete->shardLimit, 20);
    QCOMPARE(afterDelete->onDemandStreamCountLimit, 3);
}

void TestEngineStreams::persistenceAcrossReopen()
{
    Env env;
    OPEN(env);
    CHECK_EMPTY(env.buildResharded(u"rs"_s));

    CreateStreamRequest tagged = provisioned(u"tagged"_s, 2);
    tagged.tags = {{u"b"_s, u"2"_s}, {u"a"_s, u"1"_s}};
    CHECK_OK(env.engine->createStream(tagged));
    CHECK_OK(env.engine->createStream(provisioned(u"od"_s, 2)));
    CHECK_OK(env.engine->createStream(provisioned(u"doomed"_s, 1)));
    env.clock->advanceMs(kCreateDelay);
    CHECK_OK(env.engine->addTagsToStream(addTags(u"tagged"_s, {{u"c"_s, u"3"_s}})));
    CHECK_OK(env.engine->increaseStreamRetentionPeriod(retentionRequest(u"tagged"_s, 48)));
    CHECK_OK(env.engine->updateMaxRecordSize({StreamTarget::byArn(arnOf(u"tagged"_s)), 2048}));
    CHECK_OK(env.engine->updateStreamMode({arnOf(u"od"_s), StreamMode::OnDemand}));
    env.clock->advanceMs(kSettle);
    const auto put = env.engine->putRecord(putRequest(u"tagged"_s, QByteArrayLiteral("kept")));
    CHECK_OK(put);
    CHECK_OK(env.engine->deleteStream({StreamTarget::byName(u"doomed"_s), false}));

    const QStringList names{u"doomed"_s, u"od"_s, u"rs"_s, u"tagged"_s};
    struct Snapshot
    {
        QStringList shards;
        QString summary;
        QStringList tags;
    };
    const auto snapshot = [&env](const QString &name) -> std::optional<Snapshot> {
        const auto d = env.engine->describeStream(describeRequest(StreamTarget::byName(name)));
        const auto s = env.engine->describeStreamSummary(StreamTarget::byName(name));
        const auto t = env.engine->listTagsForStream(listTags(name));
        if (!d || !s || !t)
            return std::nullopt;
        const QString summary = QStringList{s->streamName,
                                            s->streamArn,
                                            toWire(s->streamStatus),
                                            toWire(s->streamMode),
                                            QString::number(s->retentionPeriodHours),
                                            QString::number(s->streamCreationTimestamp),
                                            QString::number(s->openShardCount),
                                            QString::number(s->maxRecordSizeInKiB),
                                            toWire(d->streamStatus),
                                            QString::number(d->retentionPeriodHours)}
                                    .join(u", "_s);
        return Snapshot{shardTexts(d->shards), summary, tagTexts(t->tags)};
    };
    QList<Snapshot> before;
    for (const QString &name : names) {
        const auto s = snapshot(name);
        QVERIFY2(s.has_value(), qPrintable(name));
        before.append(*s);
    }
    const auto firstPage = env.engine->listStreams(listStreamsRequest(2));
    CHECK_OK(firstPage);
    QCOMPARE(firstPage->streamNames, (QStringList{u"doomed"_s, u"od"_s}));

    env.close();
    OPEN(env);

    const auto list = env.engine->listStreams(listStreamsRequest());
    CHECK_OK(list);
    QCOMPARE(list->streamNames, names);
    for (qsizetype i = 0; i < names.size(); ++i) {
        const auto s = snapshot(names.at(i));
        QVERIFY2(s.has_value(), qPrintable(names.at(i)));
        QCOMPARE(s->summary, before.at(i).summary);
        QCOMPARE(s->shards, before.at(i).shards);
        QCOMPARE(s->tags, before.at(i).tags);
    }
    // Spot checks of what the snapshots hold.
    const auto taggedSummary = env.engine->describeStreamSummary(StreamTarget::byName(u"tagged"_s));
    CHECK_OK(taggedSummary);
    QCOMPARE(taggedSummary->retentionPeriodHours, 48);
    QCOMPARE(taggedSummary->maxRecordSizeInKiB, 2048);
    const auto taggedTags = env.engine->listTagsForStream(listTags(u"tagged"_s));
    CHECK_OK(taggedTags);
    QCOMPARE(tagTexts(taggedTags->tags), (QStringList{u"a=1"_s, u"b=2"_s, u"c=3"_s}));
    const auto odSummary = env.engine->describeStreamSummary(StreamTarget::byName(u"od"_s));
    CHECK_OK(odSummary);
    QCOMPARE(toWire(odSummary->streamMode), u"ON_DEMAND"_s);
    const auto rsShards = env.engine->listShards(listShardsRequest(u"rs"_s));
    CHECK_OK(rsShards);
    QCOMPARE(idsOf(rsShards->shards), shardIds({0, 1, 2, 3, 4, 5, 6}));
    QCOMPARE(rsShards->shards[6].adjacentParentShardId.value_or(QString()), shardId(5));
    const ShardFilter latest{ShardFilterType::AtLatest, QString(), std::nullopt};
    const auto openShards = env.engine->listShards(listShardsRequest(u"rs"_s, latest));
    CHECK_OK(openShards);
    QCOMPARE(idsOf(openShards->shards), shardIds({3, 6}));

    // Records and sequence numbers carry on.
    const auto stored = env.engine->storedRecordCount(u"tagged"_s, put->shardId);
    CHECK_OK(stored);
    QCOMPARE(*stored, qint64(1));
    const auto next = env.engine->putRecord(putRequest(u"tagged"_s, QByteArrayLiteral("new")));
    CHECK_OK(next);
    QCOMPARE(next->shardId, put->shardId);
    QVERIFY(put->sequenceNumber < next->sequenceNumber);

    // A pagination token issued before the restart is still good.
    const auto secondPage =
        env.engine->listStreams(listStreamsRequest({}, {}, firstPage->nextToken));
    CHECK_OK(secondPage);
    QCOMPARE(secondPage->streamNames, (QStringList{u"rs"_s, u"tagged"_s}));

    // The stream being deleted is still DELETING, then goes, and its name is free again.
    const auto doomed = env.engine->describeStreamSummary(StreamTarget::byName(u"doomed"_s));
    CHECK_OK(doomed);
    QCOMPARE(toWire(doomed->streamStatus), u"DELETING"_s);
    env.clock->advanceMs(kDeleteDelay);
    CHECK_ERROR(env.engine->describeStreamSummary(StreamTarget::byName(u"doomed"_s)),
                u"ResourceNotFoundException"_s, notFound(u"doomed"_s));
    env.engine->runHousekeeping();
    CHECK_OK(env.engine->createStream(provisioned(u"doomed"_s, 3)));

    // And all of that survives a second restart.
    env.close();
    OPEN(env);
    const auto again = env.engine->listStreams(listStreamsRequest());
    CHECK_OK(again);
    QCOMPARE(again->streamNames, names);
    const auto reborn = env.engine->describeStreamSummary(StreamTarget::byName(u"doomed"_s));
    CHECK_OK(reborn);
    QCOMPARE(toWire(reborn->streamStatus), u"CREATING"_s);
    env.clock->advanceMs(kCreateDelay);
    const auto rebornShards = env.engine->listShards(listShardsRequest(u"doomed"_s));
    CHECK_OK(rebornShards);
    QCOMPARE(idsOf(rebornShards->shards), shardIds({0, 1, 2}));
}

void TestEngineStreams::catalogChangedSignal()
{
    Env env;
    OPEN(env);
    CatalogRelay relay(env.engine.get());
    QSignalSpy spy(&relay, &CatalogRelay::catalogChanged);
    QVERIFY(spy.isValid());

    CHECK_OK(env.engine->createStream(provisioned(u"s"_s, 2)));
    QVERIFY(spy.wait(5000));
    QTRY_COMPARE(spy.size(), qsizetype(1));
    env.clock->advanceMs(kCreateDelay);

    // Reads and failed writes change nothing.
    CHECK_OK(env.engine->describeStream(describeRequest(StreamTarget::byName(u"s"_s))));
    CHECK_OK(env.engine->listStreams(listStreamsRequest()));
    CHECK_ERROR(env.engine->createStream(provisioned(u"s"_s, 2)), u"ResourceInUseException"_s,
                u"Stream s under account 000000000000 already exists."_s);
    CHECK_OK(env.engine->addTagsToStream(addTags(u"s"_s, {{u"a"_s, u"b"_s}})));
    QTRY_COMPARE(spy.size(), qsizetype(2));

    SplitShardRequest split;
    split.target = StreamTarget::byName(u"s"_s);
    split.shardToSplit = shardId(0);
    split.newStartingHashKey = u"1000"_s;
    CHECK_OK(env.engine->splitShard(split));
    QTRY_COMPARE(spy.size(), qsizetype(3));
    env.clock->advanceMs(kUpdateDelay);

    CHECK_OK(env.engine->increaseStreamRetentionPeriod(retentionRequest(u"s"_s, 48)));
    QTRY_COMPARE(spy.size(), qsizetype(4));

    CHECK_OK(env.engine->deleteStream({StreamTarget::byName(u"s"_s), false}));
    QTRY_COMPARE(spy.size(), qsizetype(5));

    // The stream leaving the catalog once its deletion completes is a change too.
    env.clock->advanceMs(kDeleteDelay);
    env.engine->runHousekeeping();
    QTRY_COMPARE(spy.size(), qsizetype(6));
    QTest::qWait(50);
    QCOMPARE(spy.size(), qsizetype(6));
}

void TestEngineStreams::catalogChangedQuietWhenIdle()
{
    // Opening an engine on an existing catalog changes nothing (engine.h: catalogChanged means
    // streams were created, deleted, resharded or reconfigured), so no signal may follow, also
    // not once the writer's idle housekeeping has run.
    Env env;
    OPEN(env);
    CHECK_OK(env.createActive(u"s"_s, 1));
    env.close();
    OPEN(env);
    CatalogRelay relay(env.engine.get());
    QSignalSpy spy(&relay, &CatalogRelay::catalogChanged);
    QVERIFY(spy.isValid());
    env.engine->runHousekeeping(); // the same idle work the writer runs every second
    QTest::qWait(200);
    QCOMPARE(spy.size(), qsizetype(0));
}

QTEST_GUILESS_MAIN(TestEngineStreams)
#include "tst_engine_streams.moc"
