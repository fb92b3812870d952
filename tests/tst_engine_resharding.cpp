// Engine resharding: SplitShard, MergeShards, UpdateShardCount, and reading across a reshard
// by following ChildShards. Every engine runs on a ManualClock over a database in a
// QTemporaryDir.

#include "engine/clock.h"
#include "engine/engine.h"
#include "kinesis/shardid.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <thread>

#include "expectedassert.h"

using namespace shardscope;
using shardscope::testing::describe;
using shardscope::testing::typeNameOf;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000; // Tue Nov 14 22:13:20 UTC 2023
constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kDayMs = 24 * 3600 * 1000;

const QString kMaxHashKey = u"340282366920938463463374607431768211455"_s; // 2^128 - 1

} // namespace

namespace {

QString shardIdAt(int index)
{
    return u"shardId-"_s + QString::number(index).rightJustified(12, u'0');
}

int indexOf(const QString &shardId)
{
    return shardId.mid(8).toInt();
}

QString rangeText(const HashKeyRange &range)
{
    return range.start.toDecimal() + u".."_s + range.end.toDecimal();
}

uint128 md5Key(const QString &partitionKey)
{
    const QByteArray digest = QCryptographicHash::hash(partitionKey.toUtf8(), QCryptographicHash::Md5);
    uint128 value = 0;
    for (char c : digest)
        value = (value << 8) | static_cast<unsigned char>(c);
    return value;
}

struct Harness
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStartMs);
    std::unique_ptr<Engine> engine;

    std::expected<void, Error> open(qint64 updateDelayMs = 0, int shardLimit = 500)
    {
        EngineOptions o;
        o.databasePath = dir.filePath(u"e.db"_s);
        o.clock = clock;
        o.createDelayMs = 0;
        o.updateDelayMs = updateDelayMs;
        o.shardLimit = shardLimit;
        auto opened = Engine::open(o);
        if (!opened)
            return std::unexpected(opened.error());
        engine = std::move(*opened);
        return {};
    }

    std::expected<void, Error> createStream(const QString &name, int shardCount)
    {
        CreateStreamRequest request;
        request.streamName = name;
        request.shardCount = shardCount;
        return engine->createStream(request);
    }

    std::expected<void, Error> split(const QString &shard, const QString &newStartingHashKey,
                                     const QString &stream = u"S"_s)
    {
        SplitShardRequest request;
        request.target = StreamTarget::byName(stream);
        request.shardToSplit = shard;
        request.newStartingHashKey = newStartingHashKey;
        return engine->splitShard(request);
    }

    std::expected<void, Error> merge(const QString &shard, const QString &adjacent,
                                     const QString &stream = u"S"_s)
    {
        MergeShardsRequest request;
        request.target = StreamTarget::byName(stream);
        request.shardToMerge = shard;
        request.adjacentShardToMerge = adjacent;
        return engine->mergeShards(request);
    }

    std::expected<UpdateShardCountResponse, Error> scale(int target, const QString &stream = u"S"_s)
    {
        UpdateShardCountRequest request;
        request.target = StreamTarget::byName(stream);
        request.targetShardCount = target;
        return engine->updateShardCount(request);
    }

    std::expected<QList<Shard>, Error> shards(const QString &stream = u"S"_s) const
    {
        ListShardsRequest request;
        request.target = StreamTarget::byName(stream);
        request.maxResults = 10000;
        auto listed = engine->listShards(request);
        if (!listed)
            return std::unexpected(listed.error());
        return listed->shards;
    }

    std::expected<StreamStatus, Error> status(const QString &stream = u"S"_s) const
    {
        auto summary = engine->describeStreamSummary(StreamTarget::byName(stream));
        if (!summary)
            return std::unexpected(summary.error());
        return summary->streamStatus;
    }

    std::expected<PutRecordResponse, Error> put(const QString &partitionKey, const QByteArray &data,
                                                std::optional<QString> explicitHashKey = std::nullopt,
                                                const QString &stream = u"S"_s)
    {
        PutRecordRequest request;
        request.target = StreamTarget::byName(stream);
        request.partitionKey = partitionKey;
        request.data = data;
        request.explicitHashKey = std::move(explicitHashKey);
        return engine->putRecord(request);
    }

    std::expected<QString, Error> iterator(const QString &shardId, ShardIteratorType type,
                                           const QString &stream = u"S"_s) const
    {
        GetShardIteratorRequest request;
        request.target = StreamTarget::byName(stream);
        request.shardId = shardId;
        request.shardIteratorType = type;
        auto response = engine->getShardIterator(request);
        if (!response)
            return std::unexpected(response.error());
        return response->shardIterator;
    }

    struct Drained
    {
        QList<Record> records;
        std::optional<QList<ChildShard>> childShards; // set once a closed shard's end is reached
        bool reachedEnd = false;
    };

    // Reads a shard until it is caught up (open shard) or ends (closed shard).
    std::expected<Drained, Error> drain(const QString &shardId, std::optional<int> limit = std::nullopt,
                                        ShardIteratorType type = ShardIteratorType::TrimHorizon) const
    {
        auto it = iterator(shardId, type);
        if (!it)
            return std::unexpected(it.error());
        QString current = *it;
        Drained out;
        for (int guard = 0; guard < 100000; ++guard) {
            GetRecordsRequest request;
            request.shardIterator = current;
            request.limit = limit;
            auto response = engine->getRecords(request);
            if (!response)
                return std::unexpected(response.error());
            out.records += response->records;
            if (!response->nextShardIterator) {
                out.childShards = response->childShards;
                out.reachedEnd = true;
                return out;
            }
            if (response->childShards)
                return std::unexpected(Error::internal(u"ChildShards with a NextShardIterator"_s));
            if (response->records.isEmpty() && response->millisBehindLatest == 0)
                return out;
            current = *response->nextShardIterator;
        }
        return std::unexpected(Error::internal(u"GetRecords never caught up"_s));
    }
};

const Shard *findShard(const QList<Shard> &shards, const QString &shardId)
{
    for (const Shard &shard : shards) {
        if (shard.shardId == shardId)
            return &shard;
    }
    return nullptr;
}

QList<const Shard *> openShardsByStart(const QList<Shard> &shards)
{
    QList<const Shard *> open;
    for (const Shard &shard : shards) {
        if (!shard.endingSequenceNumber)
            open.append(&shard);
    }
    std::sort(open.begin(), open.end(), [](const Shard *a, const Shard *b) {
        return a->hashKeyRange.start < b->hashKeyRange.start;
    });
    return open;
}

// Checks that shard ids are dense, that every child has valid closed parents whose ranges it
// was made from, that every closed shard has successors covering its range, and that every open
// shard descends from one of the first `originalCount` shards. Returns an empty string or the
// first problem found.
QString lineageProblem(const QList<Shard> &shards, int originalCount)
{
    for (qsizetype i = 0; i < shards.size(); ++i) {
        if (shards[i].shardId != shardIdAt(int(i)))
            return u"shard ids are not dense at "_s + shards[i].shardId;
    }
    for (const Shard &shard : shards) {
        const int index = indexOf(shard.shardId);
        if (shard.startingSequenceNumber.shardIndex != quint32(index))
            return shard.shardId + u": StartingSequenceNumber encodes another shard"_s;
        if (shard.endingSequenceNumber && shard.endingSequenceNumber->shardIndex != quint32(index))
            return shard.shardId + u": EndingSequenceNumber encodes another shard"_s;
        if (index < originalCount) {
            if (shard.parentShardId || shard.adjacentParentShardId)
                return shard.shardId + u": an original shard has a parent"_s;
            continue;
        }
        if (!shard.parentShardId)
            return shard.shardId + u": a shard made by resharding has no parent"_s;
        QList<const Shard *> parents;
        for (const std::optional<QString> &id : {shard.parentShardId, shard.adjacentParentShardId}) {
            if (!id)
                continue;
            const Shard *parent = findShard(shards, *id);
            if (!parent)
                return shard.shardId + u": parent "_s + *id + u" is not listed"_s;
            if (indexOf(*id) >= index)
                return shard.shardId + u": parent "_s + *id + u" is younger than its child"_s;
            if (!parent->endingSequenceNumber)
                return shard.shardId + u": parent "_s + *id + u" is still open"_s;
            if (!(shard.startingSequenceNumber.counter > parent->endingSequenceNumber->counter))
                return shard.shardId + u": starts before parent "_s + *id + u" ends"_s;
            parents.append(parent);
        }
        if (parents.size() == 2) {
            // A merge: the parent is the lower range, the adjacent parent directly above it.
            const HashKeyRange &low = parents[0]->hashKeyRange;
            const HashKeyRange &high = parents[1]->hashKeyRange;
            if (low.end.value == HashKey::kMaxValue || low.end.value + 1 != high.start.value)
                return shard.shardId + u": merged parents are not adjacent in order"_s;
            if (shard.hashKeyRange != HashKeyRange{low.start, high.end})
                return shard.shardId + u": merged range "_s + rangeText(shard.hashKeyRange) +
                       u" is not the union of its parents"_s;
        } else {
            const HashKeyRange &parent = parents[0]->hashKeyRange;
            if (shard.hashKeyRange.start < parent.start || parent.end < shard.hashKeyRange.end)
                return shard.shardId + u": split range is outside its parent"_s;
        }
    }
    // Every closed shard has children that cover its whole range.
    for (const Shard &closed : shards) {
        if (!closed.endingSequenceNumber)
            continue;
        QList<HashKeyRange> covered;
        for (const Shard &child : shards) {
            if (child.parentShardId == closed.shardId || child.adjacentParentShardId == closed.shardId)
                covered.append(child.hashKeyRange);
        }
        if (covered.isEmpty())
            return closed.shardId + u": closed without children"_s;
        std::sort(covered.begin(), covered.end(),
                  [](const HashKeyRange &a, const HashKeyRange &b) { return a.start < b.start; });
        uint128 next = closed.hashKeyRange.start.value;
        bool coveredToEnd = false;
        for (const HashKeyRange &range : std::as_const(covered)) {
            if (range.end.value < next)
                continue;
            if (range.start.value > next)
                return closed.shardId + u": children leave a gap in its range"_s;
            if (range.end.value >= closed.hashKeyRange.end.value) {
                coveredToEnd = true;
                break;
            }
            next = range.end.value + 1;
        }
        if (!coveredToEnd)
            return closed.shardId + u": children do not cover its range"_s;
    }
    // Every open shard descends from an original shard.
    for (const Shard &shard : shards) {
        if (shard.endingSequenceNumber)
            continue;
        const Shard *current = &shard;
        for (int steps = 0; indexOf(current->shardId) >= originalCount; ++steps) {
            if (steps > shards.size() || !current->parentShardId)
                return shard.shardId + u": lineage does not reach an original shard"_s;
            current = findShard(shards, *current->parentShardId);
            if (!current)
                return shard.shardId + u": lineage is broken"_s;
        }
    }
    return {};
}

// A consumer as the KCL works: start at the shards without parents, read each from
// TRIM_HORIZON to its end, and start a child once all of its parents are done. Checks that
// ChildShards agree with ListShards and that every listed shard is reached exactly once.
// Returns the records in consumption order, or a description of the first problem.
std::expected<QList<Record>, QString> consumeAll(const Harness &h, int pageSize = 4)
{
    const auto shards = h.shards();
    if (!shards)
        return std::unexpected(QString::fromUtf8(describe(shards)));
    QList<Record> consumed;
    QSet<QString> done;
    QStringList ready;
    for (const Shard &shard : *shards) {
        if (!shard.parentShardId)
            ready.append(shard.shardId);
    }
    while (!ready.isEmpty()) {
        const QString shardId = ready.takeFirst();
        if (done.contains(shardId))
            return std::unexpected(shardId + u" reached twice"_s);
        const auto drained = h.drain(shardId, pageSize);
        if (!drained)
            return std::unexpected(shardId + u": "_s + QString::fromUtf8(describe(drained)));
        consumed += drained->records;
        done.insert(shardId);
        const Shard *shard = findShard(*shards, shardId);
        if (!shard)
            return std::unexpected(shardId + u" is not listed"_s);
        if (drained->reachedEnd != shard->endingSequenceNumber.has_value())
            return std::unexpected(shardId + u": end of shard does not match its state"_s);
        if (!drained->reachedEnd)
            continue;
        if (!drained->childShards || drained->childShards->isEmpty())
            return std::unexpected(shardId + u" ended without ChildShards"_s);
        for (const ChildShard &child : *drained->childShards) {
            const Shard *listed = findShard(*shards, child.shardId);
            if (!listed)
                return std::unexpected(child.shardId + u" (a child) is not listed"_s);
            if (rangeText(child.hashKeyRange) != rangeText(listed->hashKeyRange))
                return std::unexpected(child.shardId + u": ChildShards range differs from ListShards"_s);
            QStringList expectedParents;
            if (listed->parentShardId)
                expectedParents.append(*listed->parentShardId);
            if (listed->adjacentParentShardId)
                expectedParents.append(*listed->adjacentParentShardId);
            if (child.parentShards != expectedParents)
                return std::unexpected(child.shardId + u": ParentShards "_s + child.parentShards.join(u',') +
                                       u" differ from ListShards "_s + expectedParents.join(u','));
            if (!child.parentShards.contains(shardId))
                return std::unexpected(child.shardId + u" does not name its parent "_s + shardId);
            bool allParentsDone = true;
            for (const QString &parent : child.parentShards)
                allParentsDone = allParentsDone && done.contains(parent);
            if (allParentsDone && !done.contains(child.shardId) && !ready.contains(child.shardId))
                ready.append(child.shardId);
        }
    }
    if (done.size() != shards->size())
        return std::unexpected(u"only %1 of %2 shards were reached through ChildShards"_s.arg(done.size()).arg(shards->size()));
    return consumed;
}

} // namespace

class TestEngineResharding : public QObject
{
    Q_OBJECT

private slots:
    // SplitShard
    void splitShard();
    void splitShardHashKeyBounds_data();
    void splitShardHashKeyBounds();
    void splitClosedShard();
    void splitInTheMillisecondOfCreation();
    void splitWhileUpdating();
    void splitUnknownShard_data();
    void splitUnknownShard();
    void splitShardLimit();

    // MergeShards
    void mergeShards();
    void mergeNotAdjacent_data();
    void mergeNotAdjacent();
    void mergeClosedShard();
    void mergeUnknownShard_data();
    void mergeUnknownShard();

    // UpdateShardCount
    void updateShardCount_data();
    void updateShardCount();
    void updateShardCountSequenceNumberRanges();
    void updateShardCountLimits_data();
    void updateShardCountLimits();
    void updateShardCountOnDemand();
    void updateShardCountTenPerDay();
    void updateShardCountWhileUpdating();

    // Reading across reshards
    void latestOnClosedShard();
    void readAcrossReshardsInPutOrder();
    void reshardingSurvivesReopen();
    void putsDuringReshardingAreNeverLost();
};

// ---------------------------------------------------------------------------------------------
// SplitShard

void TestEngineResharding::splitShard()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));

    QList<SequenceNumber> before;
    for (int i = 0; i < 20; ++i) {
        const auto put = h.put(u"pk-"_s + QString::number(i), "before-" + QByteArray::number(i));
        VERIFY_OK(put);
        QCOMPARE(put->shardId, shardIdAt(0));
        before.append(put->sequenceNumber);
    }
    h.clock->advanceMs(1'000);
    const QString middle = u"170141183460469231731687303715884105728"_s; // 2^127
    VERIFY_OK(h.split(u"shard-0"_s, middle));

    const auto shards = h.shards();
    VERIFY_OK(shards);
    QCOMPARE(shards->size(), qsizetype(3));
    const Shard &parent = shards->at(0);
    const Shard &left = shards->at(1);
    const Shard &right = shards->at(2);

    QCOMPARE(parent.shardId, shardIdAt(0));
    QVERIFY(parent.endingSequenceNumber.has_value());
    QCOMPARE(rangeText(parent.hashKeyRange), u"0.."_s + kMaxHashKey);
    for (const SequenceNumber &seq : std::as_const(before))
        QVERIFY(seq <= *parent.endingSequenceNumber);
    QVERIFY(parent.startingSequenceNumber <= before.front());

    QCOMPARE(left.shardId, shardIdAt(1));
    QCOMPARE(left.parentShardId, std::optional<QString>(shardIdAt(0)));
    QVERIFY(!left.adjacentParentShardId.has_value());
    QVERIFY(!left.endingSequenceNumber.has_value());
    QCOMPARE(rangeText(left.hashKeyRange), u"0..170141183460469231731687303715884105727"_s);

    QCOMPARE(right.shardId, shardIdAt(2));
    QCOMPARE(right.parentShardId, std::optional<QString>(shardIdAt(0)));
    QVERIFY(!right.adjacentParentShardId.has_value());
    QVERIFY(!right.endingSequenceNumber.has_value());
    QCOMPARE(rangeText(right.hashKeyRange), middle + u".."_s + kMaxHashKey);

    QVERIFY(left.startingSequenceNumber.counter > parent.endingSequenceNumber->counter);
    QVERIFY(right.startingSequenceNumber.counter > parent.endingSequenceNumber->counter);
    QCOMPARE(lineageProblem(*shards, 1), QString());

    const auto summary = h.engine->describeStreamSummary(StreamTarget::byName(u"S"_s));
    VERIFY_OK(summary);
    QCOMPARE(summary->openShardCount, 2);

    // New records go to the child that owns their hash key, above the parent's end.
    QHash<QString, int> afterPerShard;
    for (int i = 0; i < 20; ++i) {
        const QString key = u"pk-"_s + QString::number(i);
        const auto put = h.put(key, "after-" + QByteArray::number(i));
        VERIFY_OK(put);
        const QString expected = md5Key(key) < HashKey::fromDecimal(middle)->value ? shardIdAt(1) : shardIdAt(2);
        QCOMPARE(put->shardId, expected);
        QVERIFY(put->sequenceNumber.counter > parent.endingSequenceNumber->counter);
        afterPerShard[expected]++;
    }
    QVERIFY(afterPerShard.value(shardIdAt(1)) > 0);
    QVERIFY(afterPerShard.value(shardIdAt(2)) > 0);

    // The parent still serves its records, then ends with its children.
    const auto drained = h.drain(shardIdAt(0), 7);
    VERIFY_OK(drained);
    QCOMPARE(drained->records.size(), qsizetype(20));
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(drained->records[i].data, "before-" + QByteArray::number(i));
        QCOMPARE(drained->records[i].sequenceNumber.toString(), before[i].toString());
    }
    QVERIFY(drained->reachedEnd);
    QVERIFY(drained->childShards.has_value());
    QCOMPARE(drained->childShards->size(), qsizetype(2));
    QCOMPARE(drained->childShards->at(0).shardId, shardIdAt(1));
    QCOMPARE(drained->childShards->at(0).parentShards, QStringList{shardIdAt(0)});
    QCOMPARE(rangeText(drained->childShards->at(0).hashKeyRange), rangeText(left.hashKeyRange));
    QCOMPARE(drained->childShards->at(1).shardId, shardIdAt(2));
    QCOMPARE(drained->childShards->at(1).parentShards, QStringList{shardIdAt(0)});
    QCOMPARE(rangeText(drained->childShards->at(1).hashKeyRange), rangeText(right.hashKeyRange));

    // The children hold exactly the new records.
    for (int child : {1, 2}) {
        const auto records = h.drain(shardIdAt(child));
        VERIFY_OK(records);
        QVERIFY(!records->reachedEnd);
        QCOMPARE(int(records->records.size()), afterPerShard.value(shardIdAt(child)));
        for (const Record &record : records->records)
            QVERIFY(record.data.startsWith("after-"));
    }
}

// With no record and no time gone by, the parent still ends after it started, and the children
// start after that (as they do in Kinesis).
void TestEngineResharding::splitInTheMillisecondOfCreation()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 2));
    VERIFY_OK(h.split(u"shard-0"_s, u"1000"_s));
    VERIFY_OK(h.merge(u"shard-2"_s, u"shard-3"_s)); // the children, as soon as they exist
    const auto shards = h.shards();
    VERIFY_OK(shards);
    QCOMPARE(shards->size(), qsizetype(5));
    for (const Shard &shard : *shards) {
        if (shard.endingSequenceNumber)
            QVERIFY2(shard.startingSequenceNumber < *shard.endingSequenceNumber,
                     qPrintable(shard.shardId));
        for (const std::optional<QString> &parentId : {shard.parentShardId, shard.adjacentParentShardId}) {
            if (!parentId)
                continue;
            const Shard &parent = shards->at(ShardId::parse(*parentId).value());
            QVERIFY(*parent.endingSequenceNumber < shard.startingSequenceNumber);
        }
    }
}

void TestEngineResharding::splitShardHashKeyBounds_data()
{
    QTest::addColumn<int>("shardCount");
    QTest::addColumn<int>("shard");
    QTest::addColumn<QString>("newStart");
    QTest::addColumn<QString>("leftEnd"); // empty: rejected

    const QString s1 = u"113427455640312821154458202477256070485"_s; // start of shard 1 of 3
    const QString e1 = u"226854911280625642308916404954512140969"_s; // end of shard 1 of 3
    QTest::newRow("whole range: start") << 1 << 0 << u"0"_s << QString();
    QTest::newRow("whole range: start+1") << 1 << 0 << u"1"_s << QString();
    QTest::newRow("whole range: start+2") << 1 << 0 << u"2"_s << u"1"_s;
    QTest::newRow("whole range: middle") << 1 << 0 << u"170141183460469231731687303715884105728"_s
                                         << u"170141183460469231731687303715884105727"_s;
    QTest::newRow("whole range: end-1") << 1 << 0 << u"340282366920938463463374607431768211454"_s
                                        << u"340282366920938463463374607431768211453"_s;
    QTest::newRow("whole range: end") << 1 << 0 << kMaxHashKey << QString();
    QTest::newRow("whole range: 2^128") << 1 << 0 << u"340282366920938463463374607431768211456"_s << QString();
    QTest::newRow("whole range: 39 nines") << 1 << 0 << u"999999999999999999999999999999999999999"_s << QString();
    QTest::newRow("middle shard: below start") << 3 << 1 << u"0"_s << QString();
    QTest::newRow("middle shard: start") << 3 << 1 << s1 << QString();
    QTest::newRow("middle shard: start+1") << 3 << 1 << u"113427455640312821154458202477256070486"_s << QString();
    QTest::newRow("middle shard: start+2") << 3 << 1 << u"113427455640312821154458202477256070487"_s
                                           << u"113427455640312821154458202477256070486"_s;
    QTest::newRow("middle shard: end-1") << 3 << 1 << u"226854911280625642308916404954512140968"_s
                                         << u"226854911280625642308916404954512140967"_s;
    QTest::newRow("middle shard: end") << 3 << 1 << e1 << QString();
    QTest::newRow("middle shard: end+1") << 3 << 1 << u"226854911280625642308916404954512140970"_s << QString();
}

void TestEngineResharding::splitShardHashKeyBounds()
{
    QFETCH(int, shardCount);
    QFETCH(int, shard);
    QFETCH(QString, newStart);
    QFETCH(QString, leftEnd);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, shardCount));
    const auto before = h.shards();
    VERIFY_OK(before);
    const HashKeyRange range = before->at(shard).hashKeyRange;

    const auto result = h.split(shardIdAt(shard), newStart);
    if (leftEnd.isEmpty()) {
        COMPARE_ERROR(result, ErrorType::InvalidArgument,
                      u"NewStartingHashKey "_s + newStart + u" used in SplitShard() on shard "_s +
                          shardIdAt(shard) +
                          u" in stream S under account 000000000000 is not both greater than one plus "
                          "the shard's StartingHashKey "_s +
                          range.start.toDecimal() + u" and less than the shard's EndingHashKey "_s +
                          range.end.toDecimal() + u"."_s);
        const auto after = h.shards();
        VERIFY_OK(after);
        QCOMPARE(after->size(), before->size()); // nothing changed
        QVERIFY(!after->at(shard).endingSequenceNumber.has_value());
        return;
    }
    VERIFY_OK(result);
    const auto after = h.shards();
    VERIFY_OK(after);
    QCOMPARE(after->size(), qsizetype(shardCount + 2));
    QCOMPARE(rangeText(after->at(shardCount).hashKeyRange), range.start.toDecimal() + u".."_s + leftEnd);
    QCOMPARE(rangeText(after->at(shardCount + 1).hashKeyRange), newStart + u".."_s + range.end.toDecimal());
    QCOMPARE(lineageProblem(*after, shardCount), QString());
}

void TestEngineResharding::splitClosedShard()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    VERIFY_OK(h.split(shardIdAt(0), u"170141183460469231731687303715884105728"_s));
    QCOMPARE(h.status().value_or(StreamStatus::Creating), StreamStatus::Active);
    const QString closed =
        u"Shard shardId-000000000000 in stream S under account 000000000000 has already been merged "
        "or split, and thus is not eligible for merging or splitting."_s;
    COMPARE_ERROR(h.split(shardIdAt(0), u"1000"_s), ErrorType::InvalidArgument, closed);
    COMPARE_ERROR(h.split(u"0"_s, u"170141183460469231731687303715884105728"_s), ErrorType::InvalidArgument,
                  closed);
    // The children can be split further.
    VERIFY_OK(h.split(shardIdAt(1), u"1000"_s));
    COMPARE_ERROR(h.split(shardIdAt(1), u"500"_s), ErrorType::InvalidArgument,
                  u"Shard shardId-000000000001 in stream S under account 000000000000 has already been "
                  "merged or split, and thus is not eligible for merging or splitting."_s);
    const auto shards = h.shards();
    VERIFY_OK(shards);
    QCOMPARE(shards->size(), qsizetype(5));
    QCOMPARE(lineageProblem(*shards, 1), QString());
}

void TestEngineResharding::splitWhileUpdating()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open(/*updateDelayMs=*/1'000));
    VERIFY_OK(h.createStream(u"S"_s, 2));
    VERIFY_OK(h.split(shardIdAt(0), u"1000"_s));
    QCOMPARE(h.status().value_or(StreamStatus::Creating), StreamStatus::Updating);

    const QString updating = u"Stream S under account 000000000000 not ACTIVE, instead in state UPDATING"_s;
    COMPARE_ERROR(h.split(shardIdAt(1), u"300000000000000000000000000000000000000"_s),
                  ErrorType::ResourceInUse, updating);
    COMPARE_ERROR(h.merge(shardIdAt(2), shardIdAt(3)), ErrorType::ResourceInUse, updating);
    COMPARE_ERROR(h.scale(4), ErrorType::ResourceInUse, updating);
    // Writes and reads go on while UPDATING.
    VERIFY_OK(h.put(u"k"_s, "during update"));
    VERIFY_OK(h.drain(shardIdAt(0)));

    h.clock->advanceMs(999);
    QCOMPARE(h.status().value_or(StreamStatus::Creating), StreamStatus::Updating);
    COMPARE_ERROR(h.split(shardIdAt(1), u"300000000000000000000000000000000000000"_s),
                  ErrorType::ResourceInUse, updating);
    h.clock->advanceMs(1);
    QCOMPARE(h.status().value_or(StreamStatus::Creating), StreamStatus::Active);
    VERIFY_OK(h.split(shardIdAt(1), u"300000000000000000000000000000000000000"_s));
    QCOMPARE(h.status().value_or(StreamStatus::Creating), StreamStatus::Updating);
}

void TestEngineResharding::splitUnknownShard_data()
{
    QTest::addColumn<QString>("stream");
    QTest::addColumn<QString>("shard");
    QTest::addColumn<QString>("expectedMessage");
    QTest::newRow("index too high") << u"S"_s << u"shardId-5"_s
                                    << u"Could not find shard shardId-000000000005 in stream S under account 000000000000."_s;
    QTest::newRow("letters") << u"S"_s << u"ABKLFD8"_s
                             << u"Could not find shard ABKLFD8 in stream S under account 000000000000."_s;
    QTest::newRow("too big") << u"S"_s << u"shardId-002147483648"_s
                             << u"Could not find shard shardId-002147483648 in stream S under account 000000000000."_s;
    QTest::newRow("unknown stream, valid id") << u"Missing"_s << u"2147483647"_s
                                              << u"Stream Missing under account 000000000000 not found."_s;
    // The shard id is resolved before the stream is looked up.
    QTest::newRow("unknown stream, letters") << u"Missing"_s << u"ABKLFD8"_s
                                             << u"Could not find shard ABKLFD8 in stream Missing under account 000000000000."_s;
    QTest::newRow("unknown stream, too big") << u"Missing"_s << u"2147483648"_s
                                             << u"Could not find shard 2147483648 in stream Missing under account 000000000000."_s;
}

void TestEngineResharding::splitUnknownShard()
{
    QFETCH(QString, stream);
    QFETCH(QString, shard);
    QFETCH(QString, expectedMessage);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    COMPARE_ERROR(h.split(shard, u"1000"_s, stream), ErrorType::ResourceNotFound, expectedMessage);
}

void TestEngineResharding::splitShardLimit()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open(0, /*shardLimit=*/2));
    VERIFY_OK(h.createStream(u"S"_s, 2));
    const QString limit =
        u"This request would exceed the shard limit for the account 000000000000 in us-east-1. Current "
        "shard count for the account: 2. Limit: 2. Number of additional shards that would have resulted "
        "from this request: 1. Refer to the AWS Service Limits page "
        "(http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and "
        "how to request higher limits."_s;
    COMPARE_ERROR(h.split(shardIdAt(0), u"1000"_s), ErrorType::LimitExceeded, limit);
    // The limit is checked before the hash key.
    COMPARE_ERROR(h.split(shardIdAt(0), u"1"_s), ErrorType::LimitExceeded, limit);
    // Merging frees a shard; then a split fits again.
    VERIFY_OK(h.merge(shardIdAt(0), shardIdAt(1)));
    VERIFY_OK(h.split(shardIdAt(2), u"1000"_s));
}

// ---------------------------------------------------------------------------------------------
// MergeShards

void TestEngineResharding::mergeShards()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 3));
    const auto initial = h.shards();
    VERIFY_OK(initial);
    const QString end1 = initial->at(1).hashKeyRange.end.toDecimal();
    const QString start1 = initial->at(1).hashKeyRange.start.toDecimal();

    const auto in0 = h.put(u"a"_s, "in-0", u"0"_s);
    const auto in1 = h.put(u"b"_s, "in-1", end1);
    VERIFY_OK(in0);
    VERIFY_OK(in1);
    QCOMPARE(in0->shardId, shardIdAt(0));
    QCOMPARE(in1->shardId, shardIdAt(1));

    VERIFY_OK(h.merge(u"shardId-0"_s, u"shard-1"_s));
    const auto shards = h.shards();
    VERIFY_OK(shards);
    QCOMPARE(shards->size(), qsizetype(4));
    const Shard &merged = shards->at(3);
    QCOMPARE(merged.shardId, shardIdAt(3));
    QCOMPARE(merged.parentShardId, std::optional<QString>(shardIdAt(0)));
    QCOMPARE(merged.adjacentParentShardId, std::optional<QString>(shardIdAt(1)));
    QCOMPARE(rangeText(merged.hashKeyRange), u"0.."_s + end1);
    QVERIFY(!merged.endingSequenceNumber.has_value());
    QVERIFY(shards->at(0).endingSequenceNumber.has_value());
    QVERIFY(shards->at(1).endingSequenceNumber.has_value());
    QVERIFY(!shards->at(2).endingSequenceNumber.has_value());
    QVERIFY(in0->sequenceNumber <= *shards->at(0).endingSequenceNumber);
    QVERIFY(in1->sequenceNumber <= *shards->at(1).endingSequenceNumber);
    QCOMPARE(lineageProblem(*shards, 3), QString());
    const auto summary = h.engine->describeStreamSummary(StreamTarget::byName(u"S"_s));
    VERIFY_OK(summary);
    QCOMPARE(summary->openShardCount, 2);

    // Both former ranges now route to the merged shard.
    for (const QString &key : {u"0"_s, start1, end1}) {
        const auto put = h.put(u"x"_s, "after", key);
        VERIFY_OK(put);
        QCOMPARE(put->shardId, shardIdAt(3));
    }

    // Each parent still has its record and ends naming the merged child with both parents.
    const QList<std::pair<int, QByteArray>> parents = {{0, "in-0"}, {1, "in-1"}};
    for (const auto &[index, data] : parents) {
        const auto drained = h.drain(shardIdAt(index));
        VERIFY_OK(drained);
        QCOMPARE(drained->records.size(), qsizetype(1));
        QCOMPARE(drained->records.front().data, data);
        QVERIFY(drained->reachedEnd);
        QVERIFY(drained->childShards.has_value());
        QCOMPARE(drained->childShards->size(), qsizetype(1));
        const ChildShard &child = drained->childShards->front();
        QCOMPARE(child.shardId, shardIdAt(3));
        QCOMPARE(child.parentShards, QStringList({shardIdAt(0), shardIdAt(1)}));
        QCOMPARE(rangeText(child.hashKeyRange), u"0.."_s + end1);
    }
    const auto child = h.drain(shardIdAt(3));
    VERIFY_OK(child);
    QCOMPARE(child->records.size(), qsizetype(3));
}

void TestEngineResharding::mergeNotAdjacent_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("second");
    QTest::newRow("0 and 2") << 0 << 2;
    QTest::newRow("2 and 0") << 2 << 0;
    // ShardToMerge must be the lower range: inverted order is rejected too.
    QTest::newRow("inverted 1 and 0") << 1 << 0;
    QTest::newRow("inverted 2 and 1") << 2 << 1;
}

void TestEngineResharding::mergeNotAdjacent()
{
    QFETCH(int, first);
    QFETCH(int, second);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 3));
    COMPARE_ERROR(h.merge(shardIdAt(first), shardIdAt(second)), ErrorType::InvalidArgument,
                  u"Shards "_s + shardIdAt(first) + u" and "_s + shardIdAt(second) +
                      u" in stream S under account 000000000000 are not an adjacent pair of shards "
                      "eligible for merging"_s);
    const auto shards = h.shards();
    VERIFY_OK(shards);
    QCOMPARE(shards->size(), qsizetype(3));
    QCOMPARE(h.status().value_or(StreamStatus::Creating), StreamStatus::Active);
}

void TestEngineResharding::mergeClosedShard()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 3));
    VERIFY_OK(h.merge(shardIdAt(0), shardIdAt(1)));
    const auto closed = [](int index) -> QString {
        return u"Shard "_s + shardIdAt(index) +
               u" in stream S under account 000000000000 has already been merged or split, and thus "
               "is not eligible for merging or splitting."_s;
    };
    COMPARE_ERROR(h.merge(shardIdAt(0), shardIdAt(1)), ErrorType::InvalidArgument, closed(0));
    COMPARE_ERROR(h.merge(shardIdAt(1), shardIdAt(2)), ErrorType::InvalidArgument, closed(1));
    COMPARE_ERROR(h.merge(shardIdAt(3), shardIdAt(1)), ErrorType::InvalidArgument, closed(1));
    COMPARE_ERROR(h.split(shardIdAt(1), u"1000"_s), ErrorType::InvalidArgument, closed(1));
    // The merged child and its open neighbour merge fine.
    VERIFY_OK(h.merge(shardIdAt(3), shardIdAt(2)));
    const auto shards = h.shards();
    VERIFY_OK(shards);
    QCOMPARE(shards->size(), qsizetype(5));
    QCOMPARE(rangeText(shards->at(4).hashKeyRange), u"0.."_s + kMaxHashKey);
    QCOMPARE(lineageProblem(*shards, 3), QString());
}

void TestEngineResharding::mergeUnknownShard_data()
{
    QTest::addColumn<QString>("stream");
    QTest::addColumn<QString>("shard");
    QTest::addColumn<QString>("adjacent");
    QTest::addColumn<QString>("expectedMessage");
    QTest::newRow("first too high") << u"S"_s << u"shardId-5"_s << u"shardId-0"_s
                                    << u"Could not find shard shardId-000000000005 in stream S under account 000000000000."_s;
    QTest::newRow("second too high") << u"S"_s << u"shardId-0"_s << u"shardId-5"_s
                                     << u"Could not find shard shardId-000000000005 in stream S under account 000000000000."_s;
    QTest::newRow("letters") << u"S"_s << u"ABKLFD8"_s << u"shardId-1"_s
                             << u"Could not find shard ABKLFD8 in stream S under account 000000000000."_s;
    QTest::newRow("unknown stream, valid ids") << u"Missing"_s << u"2147483647"_s << u"x-0"_s
                                               << u"Stream Missing under account 000000000000 not found."_s;
    // Shard ids are resolved before the stream is looked up.
    QTest::newRow("unknown stream, letters") << u"Missing"_s << u"ABKLFD8"_s << u"x-0"_s
                                             << u"Could not find shard ABKLFD8 in stream Missing under account 000000000000."_s;
    QTest::newRow("unknown stream, adjacent too big")
        << u"Missing"_s << u"x-0"_s << u"shardId-002147483648"_s
        << u"Could not find shard shardId-002147483648 in stream Missing under account 000000000000."_s;
}

void TestEngineResharding::mergeUnknownShard()
{
    QFETCH(QString, stream);
    QFETCH(QString, shard);
    QFETCH(QString, adjacent);
    QFETCH(QString, expectedMessage);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 2));
    COMPARE_ERROR(h.merge(shard, adjacent, stream), ErrorType::ResourceNotFound, expectedMessage);
}

// ---------------------------------------------------------------------------------------------
// UpdateShardCount

void TestEngineResharding::updateShardCount_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    const QList<std::pair<int, int>> pairs = {{1, 2}, {2, 1}, {2, 4}, {4, 2}, {3, 5}, {5, 3}, {4, 7},
                                              {7, 4}, {6, 3}, {3, 6}, {5, 10}, {10, 5}, {8, 13}, {13, 7},
                                              {4, 4}};
    for (const auto &[from, to] : pairs)
        QTest::addRow("%d -> %d", from, to) << from << to;
}

void TestEngineResharding::updateShardCount()
{
    QFETCH(int, from);
    QFETCH(int, to);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, from));
    // A record in every original shard, so each must stay readable.
    for (int i = 0; i < from; ++i) {
        const auto shards = h.shards();
        VERIFY_OK(shards);
        VERIFY_OK(h.put(u"k"_s, "before", shards->at(i).hashKeyRange.start.toDecimal()));
    }

    const auto response = h.scale(to);
    VERIFY_OK(response);
    QCOMPARE(response->streamName, u"S"_s);
    QCOMPARE(response->currentShardCount, from);
    QCOMPARE(response->targetShardCount, to);
    QCOMPARE(response->streamArn, h.engine->streamArn(u"S"_s));

    const auto shards = h.shards();
    VERIFY_OK(shards);
    const QList<const Shard *> open = openShardsByStart(*shards);
    const QList<HashKeyRange> even = HashKeyRange::evenSplit(to);
    QCOMPARE(open.size(), qsizetype(to));
    for (int i = 0; i < to; ++i)
        QCOMPARE(rangeText(open[i]->hashKeyRange), rangeText(even[i]));
    QCOMPARE(lineageProblem(*shards, from), QString());
    const auto summary = h.engine->describeStreamSummary(StreamTarget::byName(u"S"_s));
    VERIFY_OK(summary);
    QCOMPARE(summary->openShardCount, to);
    QCOMPARE(summary->streamStatus, StreamStatus::Active); // updateDelayMs is 0
    const auto limits = h.engine->describeLimits();
    VERIFY_OK(limits);
    QCOMPARE(limits->openShardCount, to);

    // Original shards still serve their record; new records land in the open shards.
    for (int i = 0; i < from; ++i) {
        const auto drained = h.drain(shardIdAt(i));
        VERIFY_OK(drained);
        QCOMPARE(drained->records.size(), qsizetype(1));
    }
    for (int i = 0; i < to; ++i) {
        const auto put = h.put(u"k"_s, "after", even[i].end.toDecimal());
        VERIFY_OK(put);
        QCOMPARE(put->shardId, open[i]->shardId);
    }
}

void TestEngineResharding::updateShardCountSequenceNumberRanges()
{
    // Every shard's SequenceNumberRange must be well formed, including the intermediate shards
    // that UpdateShardCount creates and closes at once: EndingSequenceNumber >= Starting.
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 4));
    VERIFY_OK(h.scale(7));
    const auto shards = h.shards();
    VERIFY_OK(shards);
    for (const Shard &shard : *shards) {
        if (!shard.endingSequenceNumber)
            continue;
        QVERIFY2(shard.startingSequenceNumber <= *shard.endingSequenceNumber,
                 qPrintable(shard.shardId + u": StartingSequenceNumber "_s +
                            shard.startingSequenceNumber.toString() + u" > EndingSequenceNumber "_s +
                            shard.endingSequenceNumber->toString()));
    }
}

void TestEngineResharding::updateShardCountLimits_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<int>("shardLimit");
    QTest::addColumn<QString>("expectedMessage");
    const QString up = u"UpdateShardCount cannot scale up over double your current open shard count. "_s;
    const QString down = u"UpdateShardCount cannot scale down below half your current open shard count. "_s;
    const QString counts = u"Current open shard count: %1, Target shard count: %2"_s;
    QTest::newRow("1 -> 3") << 1 << 3 << 500 << QString(up + counts.arg(1).arg(3));
    QTest::newRow("4 -> 9") << 4 << 9 << 500 << QString(up + counts.arg(4).arg(9));
    QTest::newRow("3 -> 7") << 3 << 7 << 500 << QString(up + counts.arg(3).arg(7));
    QTest::newRow("4 -> 1") << 4 << 1 << 500 << QString(down + counts.arg(4).arg(1));
    QTest::newRow("5 -> 2") << 5 << 2 << 500 << QString(down + counts.arg(5).arg(2));
    QTest::newRow("3 -> 1") << 3 << 1 << 500 << QString(down + counts.arg(3).arg(1));
    QTest::newRow("over the shard limit") << 6 << 11 << 10
                                          << QString(u"Target shard count or number of open shards cannot be "
                                                     "greater than 10. "_s + counts.arg(6).arg(11));
}

void TestEngineResharding::updateShardCountLimits()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(int, shardLimit);
    QFETCH(QString, expectedMessage);
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open(0, shardLimit));
    VERIFY_OK(h.createStream(u"S"_s, from));
    COMPARE_ERROR(h.scale(to), ErrorType::LimitExceeded, expectedMessage);
    const auto shards = h.shards();
    VERIFY_OK(shards);
    QCOMPARE(shards->size(), qsizetype(from)); // nothing changed
    QCOMPARE(h.status().value_or(StreamStatus::Creating), StreamStatus::Active);
}

void TestEngineResharding::updateShardCountOnDemand()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    CreateStreamRequest request;
    request.streamName = u"S"_s;
    request.streamMode = StreamMode::OnDemand;
    VERIFY_OK(h.engine->createStream(request));
    COMPARE_ERROR(h.scale(8), ErrorType::Validation,
                  u"Request is invalid. Stream S under account 000000000000 is in On-Demand mode."_s);
    COMPARE_ERROR(h.scale(4), ErrorType::Validation,
                  u"Request is invalid. Stream S under account 000000000000 is in On-Demand mode."_s);
}

void TestEngineResharding::updateShardCountTenPerDay()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    const qint64 first = h.clock->nowMs();
    for (int i = 0; i < 10; ++i) {
        const auto scaled = h.scale(i % 2 == 0 ? 2 : 1);
        VERIFY_OK(scaled);
        h.clock->advanceMs(kMinuteMs);
    }
    // The eleventh within 24 hours is refused, and nothing changes.
    const auto refused = h.scale(2);
    QVERIFY(!refused);
    QCOMPARE(refused.error().typeName(), u"LimitExceededException"_s);
    QVERIFY2(!refused.error().message.isEmpty(), "the error should say why");
    QCOMPARE(h.engine->describeStreamSummary(StreamTarget::byName(u"S"_s))->openShardCount, 1);

    // Splits and merges are not counted.
    const auto shards = h.shards();
    VERIFY_OK(shards);
    const QList<const Shard *> open = openShardsByStart(*shards);
    QCOMPARE(open.size(), qsizetype(1));
    VERIFY_OK(h.split(open.front()->shardId, u"1000"_s));
    VERIFY_OK(h.merge(shardIdAt(int(shards->size())), shardIdAt(int(shards->size()) + 1)));
    // A rolling window: once the first call is over a day old, one more fits.
    h.clock->setMs(first + kDayMs + 1);
    VERIFY_OK(h.scale(2));
    h.clock->advanceMs(1);
    const auto again = h.scale(1);
    QVERIFY(!again);
    QCOMPARE(again.error().typeName(), u"LimitExceededException"_s);
}

void TestEngineResharding::updateShardCountWhileUpdating()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open(/*updateDelayMs=*/500));
    VERIFY_OK(h.createStream(u"S"_s, 2));
    VERIFY_OK(h.scale(4));
    QCOMPARE(h.status().value_or(StreamStatus::Creating), StreamStatus::Updating);
    COMPARE_ERROR(h.scale(3), ErrorType::ResourceInUse,
                  u"Stream S under account 000000000000 not ACTIVE, instead in state UPDATING"_s);
    h.clock->advanceMs(500);
    QCOMPARE(h.status().value_or(StreamStatus::Creating), StreamStatus::Active);
    const auto response = h.scale(3);
    VERIFY_OK(response);
    QCOMPARE(response->currentShardCount, 4);
    QCOMPARE(response->targetShardCount, 3);
}

// ---------------------------------------------------------------------------------------------
// Reading across reshards

void TestEngineResharding::latestOnClosedShard()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 1));
    VERIFY_OK(h.put(u"k"_s, "x"));
    VERIFY_OK(h.split(shardIdAt(0), u"1000"_s));
    const auto drained = h.drain(shardIdAt(0), std::nullopt, ShardIteratorType::Latest);
    VERIFY_OK(drained);
    QVERIFY(drained->records.isEmpty());
    QVERIFY(drained->reachedEnd);
    QVERIFY(drained->childShards.has_value());
    QCOMPARE(drained->childShards->size(), qsizetype(2));
}

void TestEngineResharding::readAcrossReshardsInPutOrder()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 2));

    const QStringList keys = {u"alpha"_s, u"beta"_s, u"gamma"_s, u"delta"_s, u"epsilon"_s, u"zeta"_s};
    QHash<QString, QList<QByteArray>> putOrder;
    int serial = 0;
    auto putRound = [&]() -> bool {
        for (int n = 0; n < 3; ++n) {
            for (const QString &key : keys) {
                const QByteArray data = key.toUtf8() + '-' + QByteArray::number(serial++);
                if (!h.put(key, data))
                    return false;
                putOrder[key].append(data);
            }
        }
        h.clock->advanceMs(10);
        return true;
    };

    QVERIFY(putRound());
    // Split the shard that holds "alpha" at the middle of its range.
    auto shards = h.shards();
    VERIFY_OK(shards);
    const uint128 alpha = md5Key(u"alpha"_s);
    const Shard *owner = nullptr;
    for (const Shard &shard : *shards) {
        if (shard.hashKeyRange.contains(HashKey{alpha}))
            owner = &shard;
    }
    QVERIFY(owner);
    VERIFY_OK(h.split(owner->shardId, owner->hashKeyRange.midpoint().toDecimal()));
    QVERIFY(putRound());

    // Merge the two children back together.
    VERIFY_OK(h.merge(shardIdAt(2), shardIdAt(3)));
    QVERIFY(putRound());

    // Then scale uniformly, up and down.
    VERIFY_OK(h.scale(3));
    QVERIFY(putRound());
    VERIFY_OK(h.scale(5));
    QVERIFY(putRound());
    VERIFY_OK(h.scale(3));
    QVERIFY(putRound());

    shards = h.shards();
    VERIFY_OK(shards);
    QCOMPARE(lineageProblem(*shards, 2), QString());

    const auto consumed = consumeAll(h);
    QVERIFY2(consumed.has_value(), qPrintable(consumed.error()));
    QHash<QString, QList<QByteArray>> readOrder;
    for (const Record &record : *consumed)
        readOrder[record.partitionKey].append(record.data);
    QCOMPARE(int(consumed->size()), serial);
    for (const QString &key : keys)
        QCOMPARE(readOrder.value(key), putOrder.value(key));
}

void TestEngineResharding::reshardingSurvivesReopen()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 2));
    int serial = 0;
    auto putSome = [&]() -> bool {
        for (int i = 0; i < 10; ++i) {
            if (!h.put(u"pk-"_s + QString::number(i), QByteArray::number(serial++)))
                return false;
        }
        return true;
    };
    QVERIFY(putSome());
    VERIFY_OK(h.split(shardIdAt(0), u"1000"_s));
    QVERIFY(putSome());
    VERIFY_OK(h.merge(shardIdAt(2), shardIdAt(3)));
    QVERIFY(putSome());
    for (int i = 0; i < 9; ++i) // nine UpdateShardCount calls; one more is allowed today
        VERIFY_OK(h.scale(i % 2 == 0 ? 4 : 2));
    QVERIFY(putSome());
    const auto before = h.shards();
    VERIFY_OK(before);

    h.engine.reset();
    h.clock->advanceMs(kMinuteMs);
    VERIFY_OK(h.open());

    const auto after = h.shards();
    VERIFY_OK(after);
    QCOMPARE(after->size(), before->size());
    for (qsizetype i = 0; i < before->size(); ++i) {
        const Shard &a = before->at(i);
        const Shard &b = after->at(i);
        QCOMPARE(b.shardId, a.shardId);
        QCOMPARE(b.parentShardId, a.parentShardId);
        QCOMPARE(b.adjacentParentShardId, a.adjacentParentShardId);
        QCOMPARE(rangeText(b.hashKeyRange), rangeText(a.hashKeyRange));
        QCOMPARE(b.startingSequenceNumber.toString(), a.startingSequenceNumber.toString());
        QCOMPARE(b.endingSequenceNumber.has_value(), a.endingSequenceNumber.has_value());
        if (a.endingSequenceNumber)
            QCOMPARE(b.endingSequenceNumber->toString(), a.endingSequenceNumber->toString());
    }
    QCOMPARE(lineageProblem(*after, 2), QString());
    QVERIFY(putSome());
    const auto consumed = consumeAll(h);
    QVERIFY2(consumed.has_value(), qPrintable(consumed.error()));
    QCOMPARE(int(consumed->size()), serial);

    // The UpdateShardCount history survived too: the tenth call fits, the eleventh does not.
    VERIFY_OK(h.scale(4));
    const auto refused = h.scale(2);
    QVERIFY(!refused);
    QCOMPARE(refused.error().typeName(), u"LimitExceededException"_s);
}

void TestEngineResharding::putsDuringReshardingAreNeverLost()
{
    Harness h;
    QVERIFY(h.dir.isValid());
    VERIFY_OK(h.open());
    VERIFY_OK(h.createStream(u"S"_s, 2));

    constexpr int kPuts = 3'000;
    std::atomic<int> progress{0};
    std::atomic<bool> writerFailed{false};
    QString writerError; // written by the writer before writerFailed, read after join
    std::thread writer([&h, &progress, &writerFailed, &writerError] {
        for (int i = 0; i < kPuts; ++i) {
            PutRecordRequest request;
            request.target = StreamTarget::byName(u"S"_s);
            request.partitionKey = u"pk-"_s + QString::number(i % 50);
            request.data = QByteArray::number(i);
            const auto put = h.engine->putRecord(request);
            if (!put) {
                writerError = put.error().message;
                writerFailed.store(true);
                return;
            }
            progress.store(i + 1);
        }
    });
    auto waitFor = [&progress, &writerFailed](int count) {
        while (progress.load() < count && !writerFailed.load())
            std::this_thread::yield();
    };
    QStringList reshardErrors;
    auto check = [&reshardErrors](const std::expected<void, Error> &r) {
        if (!r)
            reshardErrors.append(r.error().message);
    };
    waitFor(300);
    check(h.split(shardIdAt(0), u"1000"_s));
    waitFor(600);
    check(h.merge(shardIdAt(2), shardIdAt(3)));
    waitFor(900);
    const auto up = h.scale(4);
    if (!up)
        reshardErrors.append(up.error().message);
    waitFor(1'500);
    const auto down = h.scale(3);
    if (!down)
        reshardErrors.append(down.error().message);
    waitFor(2'000);
    const auto shards = h.shards();
    VERIFY_OK(shards);
    const QList<const Shard *> open = openShardsByStart(*shards);
    check(h.split(open.front()->shardId, open.front()->hashKeyRange.midpoint().toDecimal()));
    writer.join();
    QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
    QVERIFY2(reshardErrors.isEmpty(), qPrintable(reshardErrors.join(u"; "_s)));

    const auto consumed = consumeAll(h, 500);
    QVERIFY2(consumed.has_value(), qPrintable(consumed.error()));
    QCOMPARE(int(consumed->size()), kPuts);
    QSet<QByteArray> seen;
    QHash<QString, int> lastOfKey;
    for (const Record &record : *consumed) {
        QVERIFY2(!seen.contains(record.data), record.data.constData());
        seen.insert(record.data);
        // One writer: within a partition key, the consumer sees put order.
        const int value = record.data.toInt();
        QVERIFY2(value > lastOfKey.value(record.partitionKey, -1),
                 qPrintable(record.partitionKey + u" out of order at "_s + QString::number(value)));
        lastOfKey.insert(record.partitionKey, value);
    }
}

QTEST_GUILESS_MAIN(TestEngineResharding)
#include "tst_engine_resharding.moc"
