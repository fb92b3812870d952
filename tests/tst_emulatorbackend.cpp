// EmulatorBackend: every call completes off the caller's thread and is delivered on it, errors
// arrive as values, paging helpers follow tokens, engine signals are re-emitted on the backend's
// thread, and each call is reported to the activity dock.

#include "backend/emulatorbackend.h"
#include "backend/futureutils.h"
#include "backendtesthelpers.h"
#include "engine/clock.h"
#include "engine/engine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

class TestEmulatorBackend final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void resultsArriveOnCallersThread();
    void createListDescribe();
    void errorsAreValues();
    void readOnlyRefusesWrites();
    void pagingHelpersFollowTokens();
    void reshardAndTags();
    void shardStatisticsCountRecords();
    void engineSignalsReemittedOnBackendThread();
    void activityIsReported();
    void retentionImpactCountsOnlyWhatWouldGo();
    void encryptionWithLocalKmsKeys();
    void listAllStreamConsumers();

private:
    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
};

void TestEmulatorBackend::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_engine = openEngine(*m_dir);
    QVERIFY(m_engine);
    m_backend = std::make_unique<EmulatorBackend>(*m_engine);
}

void TestEmulatorBackend::cleanup()
{
    m_backend.reset();
    m_engine.reset();
    delete m_dir;
    m_dir = nullptr;
}

void TestEmulatorBackend::resultsArriveOnCallersThread()
{
    QThread *deliveredOn = nullptr;
    bool ok = false;
    auto future = m_backend->createStream(CreateStreamRequest{u"s1"_s, 2, {}, {}, {}});
    onResult(this, future, [&](BackendResult<void> result) {
        deliveredOn = QThread::currentThread();
        ok = result.has_value();
    });
    QTRY_VERIFY(deliveredOn != nullptr);
    QCOMPARE(deliveredOn, QThread::currentThread());
    QVERIFY(ok);
}

void TestEmulatorBackend::createListDescribe()
{
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"orders"_s, 3, {}, {}, {}})).has_value());
    const auto streams = await(m_backend->listAllStreams());
    QVERIFY(streams.has_value());
    QCOMPARE(streams->size(), 1);
    QCOMPARE(streams->first().streamName, u"orders"_s);

    const auto summary = await(m_backend->describeStreamSummary(StreamTarget::byName(u"orders"_s)));
    QVERIFY(summary.has_value());
    QCOMPARE(summary->openShardCount, 3);

    const auto description = await(m_backend->describeStream(DescribeStreamRequest{StreamTarget::byName(u"orders"_s), {}, {}}));
    QVERIFY(description.has_value());
    QCOMPARE(description->shards.size(), 3);

    const auto limits = await(m_backend->describeLimits());
    QVERIFY(limits.has_value());
    QCOMPARE(limits->openShardCount, 3);

    QVERIFY(await(m_backend->deleteStream(DeleteStreamRequest{StreamTarget::byName(u"orders"_s), false})).has_value());
    QTRY_VERIFY(await(m_backend->listAllStreams())->isEmpty());
}

void TestEmulatorBackend::errorsAreValues()
{
    const auto missing = await(m_backend->describeStreamSummary(StreamTarget::byName(u"nope"_s)));
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().type, ErrorType::ResourceNotFound);

    const auto invalid = await(m_backend->createStream(CreateStreamRequest{u"bad name!"_s, 1, {}, {}, {}}));
    QVERIFY(!invalid.has_value());
    QCOMPARE(invalid.error().type, ErrorType::Validation);

    const auto shards = await(m_backend->listAllShards(StreamTarget::byName(u"nope"_s)));
    QVERIFY(!shards.has_value());
    QCOMPARE(shards.error().type, ErrorType::ResourceNotFound);

    const auto stats = await(m_backend->shardStatistics(u"nope"_s));
    QVERIFY(!stats.has_value());
    QCOMPARE(stats.error().type, ErrorType::ResourceNotFound);
}

void TestEmulatorBackend::readOnlyRefusesWrites()
{
    EmulatorBackend readOnly(*m_engine, EmulatorBackendOptions{u"Archive"_s, true, 1});
    QVERIFY(readOnly.isReadOnly());
    QCOMPARE(readOnly.displayName(), u"Archive"_s);
    const auto created = await(readOnly.createStream(CreateStreamRequest{u"s"_s, 1, {}, {}, {}}));
    QVERIFY(!created.has_value());
    QCOMPARE(created.error().type, ErrorType::AccessDenied);
    QVERIFY(await(readOnly.listAllStreams())->isEmpty());
}

void TestEmulatorBackend::pagingHelpersFollowTokens()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"s%1"_s.arg(i), 1, {}, {}, {}})).has_value());
    ListStreamsRequest request;
    request.limit = 2;
    const auto page = await(m_backend->listStreams(request));
    QVERIFY(page.has_value());
    QCOMPARE(page->streamNames.size(), 2);
    QVERIFY(page->hasMoreStreams);
    const auto all = await(m_backend->listAllStreams());
    QVERIFY(all.has_value());
    QCOMPARE(all->size(), 5);

    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"wide"_s, 12, {}, {}, {}})).has_value());
    ListShardsRequest shardPage;
    shardPage.target = StreamTarget::byName(u"wide"_s);
    shardPage.maxResults = 5;
    const auto firstShards = await(m_backend->listShards(shardPage));
    QVERIFY(firstShards.has_value());
    QCOMPARE(firstShards->shards.size(), 5);
    QVERIFY(!firstShards->nextToken.isEmpty());
    const auto allShards = await(m_backend->listAllShards(StreamTarget::byName(u"wide"_s)));
    QVERIFY(allShards.has_value());
    QCOMPARE(allShards->size(), 12);

    AddTagsToStreamRequest tags{StreamTarget::byName(u"wide"_s), {}};
    for (int i = 0; i < 10; ++i)
        tags.tags.insert(u"k%1"_s.arg(i, 2, 10, QChar(u'0')), u"v"_s);
    QVERIFY(await(m_backend->addTagsToStream(tags)).has_value());
    QVERIFY(await(m_backend->addTagsToStream(AddTagsToStreamRequest{tags.target, {{u"z"_s, u"last"_s}}})).has_value());
    const auto allTags = await(m_backend->listAllTagsForStream(tags.target));
    QVERIFY(allTags.has_value());
    QCOMPARE(allTags->size(), 11);
    QCOMPARE(allTags->constLast().key, u"z"_s);
}

void TestEmulatorBackend::reshardAndTags()
{
    const StreamTarget target = StreamTarget::byName(u"r"_s);
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"r"_s, 2, {}, {}, {}})).has_value());
    auto shards = await(m_backend->listAllShards(target));
    QVERIFY(shards.has_value());
    const QString first = shards->at(0).shardId;
    const QString second = shards->at(1).shardId;
    QVERIFY(await(m_backend->mergeShards(MergeShardsRequest{target, first, second})).has_value());
    QTRY_COMPARE(await(m_backend->describeStreamSummary(target))->streamStatus, StreamStatus::Active);
    shards = await(m_backend->listAllShards(target));
    QCOMPARE(shards->size(), 3);
    const Shard &merged = shards->at(2);
    QCOMPARE(merged.parentShardId.value_or(QString()), first);
    QCOMPARE(merged.adjacentParentShardId.value_or(QString()), second);

    const auto split = await(m_backend->splitShard(
        SplitShardRequest{target, merged.shardId, merged.hashKeyRange.midpoint().toDecimal()}));
    QVERIFY2(split.has_value(), qPrintable(split ? QString() : split.error().message));
    QTRY_COMPARE(await(m_backend->describeStreamSummary(target))->openShardCount, 2);

    const auto scaled = await(m_backend->updateShardCount(UpdateShardCountRequest{target, 4, ScalingType::UniformScaling}));
    QVERIFY(scaled.has_value());
    QCOMPARE(scaled->targetShardCount, 4);

    QVERIFY(await(m_backend->increaseStreamRetentionPeriod(RetentionPeriodRequest{target, 48})).has_value());
    QTRY_COMPARE(await(m_backend->describeStreamSummary(target))->retentionPeriodHours, 48);

    QVERIFY(await(m_backend->addTagsToStream(AddTagsToStreamRequest{target, {{u"team"_s, u"data"_s}}})).has_value());
    QVERIFY(await(m_backend->removeTagsFromStream(RemoveTagsFromStreamRequest{target, {u"team"_s}})).has_value());
    QVERIFY(await(m_backend->listAllTagsForStream(target))->isEmpty());
}

void TestEmulatorBackend::shardStatisticsCountRecords()
{
    const StreamTarget target = StreamTarget::byName(u"p"_s);
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"p"_s, 1, {}, {}, {}})).has_value());
    const auto put = await(m_backend->putRecord(PutRecordRequest{target, "hello"_ba, u"k"_s, {}, {}}));
    QVERIFY(put.has_value());
    PutRecordsRequest batch{target, {}};
    batch.records.append(PutRecordsRequestEntry{"ab"_ba, u"a"_s, {}});
    batch.records.append(PutRecordsRequestEntry{"cde"_ba, u"b"_s, {}});
    const auto puts = await(m_backend->putRecords(batch));
    QVERIFY(puts.has_value());
    QCOMPARE(puts->failedRecordCount, 0);

    const auto stats = await(m_backend->shardStatistics(u"p"_s));
    QVERIFY(stats.has_value());
    QCOMPARE(stats->size(), 1);
    QCOMPARE(stats->first().shardId, put->shardId);
    QCOMPARE(stats->first().recordCount, 3);
    QCOMPARE(stats->first().bytes, 10);

    const auto iterator = await(m_backend->getShardIterator(
        GetShardIteratorRequest{target, put->shardId, ShardIteratorType::TrimHorizon, {}, {}}));
    QVERIFY(iterator.has_value());
    const auto records = await(m_backend->getRecords(GetRecordsRequest{iterator->shardIterator, {}, {}}));
    QVERIFY(records.has_value());
    QCOMPARE(records->records.size(), 3);
    QCOMPARE(records->records.first().data, "hello"_ba);
}

void TestEmulatorBackend::engineSignalsReemittedOnBackendThread()
{
    QThread *catalogThread = nullptr;
    connect(m_backend.get(), &StreamBackend::catalogChanged, this,
            [&] { catalogThread = QThread::currentThread(); }, Qt::DirectConnection);
    QSignalSpy appended(m_backend.get(), &StreamBackend::recordsAppended);
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"e"_s, 1, {}, {}, {}})).has_value());
    QTRY_VERIFY(catalogThread != nullptr);
    QCOMPARE(catalogThread, QThread::currentThread());

    QVERIFY(await(m_backend->putRecord(PutRecordRequest{StreamTarget::byName(u"e"_s), "x"_ba, u"k"_s, {}, {}})).has_value());
    QTRY_COMPARE(appended.size(), 1);
    QCOMPARE(appended.first().at(0).toString(), u"e"_s);
    QCOMPARE(appended.first().at(3).toInt(), 1);
}

void TestEmulatorBackend::activityIsReported()
{
    QSignalSpy started(m_backend.get(), &StreamBackend::callStarted);
    QSignalSpy finished(m_backend.get(), &StreamBackend::callFinished);
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"a"_s, 1, {}, {}, {}})).has_value());
    QVERIFY(!await(m_backend->describeStreamSummary(StreamTarget::byName(u"zz"_s))).has_value());
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(started.size(), 2);

    const auto ok = finished.at(0).at(0).value<BackendCall>();
    QCOMPARE(ok.operation, u"CreateStream"_s);
    QCOMPARE(ok.target, u"a"_s);
    QVERIFY(!ok.error.has_value());
    QVERIFY(ok.durationMs >= 0);
    QCOMPARE(ok.id, started.at(0).at(0).value<BackendCall>().id);

    const auto failed = finished.at(1).at(0).value<BackendCall>();
    QCOMPARE(failed.operation, u"DescribeStreamSummary"_s);
    QVERIFY(failed.error.has_value());
    QCOMPARE(failed.error->type, ErrorType::ResourceNotFound);
}

void TestEmulatorBackend::retentionImpactCountsOnlyWhatWouldGo()
{
    // Records 40 h, 30 h and 1 h old in a stream kept 48 h: going to 24 h drops the first two.
    QTemporaryDir dir;
    auto clock = std::make_shared<ManualClock>(1'700'000'000'000);
    EngineOptions options;
    options.databasePath = dir.filePath(u"r.db"_s);
    options.clock = clock;
    options.createDelayMs = 0;
    options.updateDelayMs = 0;
    auto engine = Engine::open(options);
    QVERIFY(engine.has_value());
    EmulatorBackend backend(**engine);
    const StreamTarget target = StreamTarget::byName(u"r"_s);
    QVERIFY(await(backend.createStream(CreateStreamRequest{u"r"_s, 2, {}, {}, {}})).has_value());
    QVERIFY(await(backend.increaseStreamRetentionPeriod(RetentionPeriodRequest{target, 48})).has_value());
    const qint64 hour = 3600 * 1000;
    QVERIFY(await(backend.putRecord(PutRecordRequest{target, "aaaa"_ba, u"k1"_s, {}, {}})).has_value());
    clock->advanceMs(10 * hour);
    QVERIFY(await(backend.putRecord(PutRecordRequest{target, "bbbbbb"_ba, u"k2"_s, {}, {}})).has_value());
    clock->advanceMs(29 * hour);
    QVERIFY(await(backend.putRecord(PutRecordRequest{target, "c"_ba, u"k3"_s, {}, {}})).has_value());
    clock->advanceMs(1 * hour);

    const auto to24 = await(backend.retentionImpact(u"r"_s, 24));
    QVERIFY(to24.has_value());
    QCOMPARE(to24->recordCount, 2);
    QCOMPARE(to24->bytes, 10);
    const auto to35 = await(backend.retentionImpact(u"r"_s, 35));
    QVERIFY(to35.has_value());
    QCOMPARE(to35->recordCount, 1);
    QCOMPARE(to35->bytes, 4);
    const auto to48 = await(backend.retentionImpact(u"r"_s, 48));
    QVERIFY(to48.has_value());
    QCOMPARE(to48->recordCount, 0);
    const auto longer = await(backend.retentionImpact(u"r"_s, 100));
    QVERIFY(longer.has_value());
    QCOMPARE(longer->recordCount, 0);
    const auto missing = await(backend.retentionImpact(u"nope"_s, 24));
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().type, ErrorType::ResourceNotFound);

    // After the decrease those records are really gone from reads, as the impact said.
    QVERIFY(await(backend.decreaseStreamRetentionPeriod(RetentionPeriodRequest{target, 24})).has_value());
    const auto stats = await(backend.shardStatistics(u"r"_s));
    QVERIFY(stats.has_value());
    qint64 left = 0;
    for (const ShardStatistics &shard : *stats)
        left += shard.recordCount;
    QCOMPARE(left, 1);
}

void TestEmulatorBackend::encryptionWithLocalKmsKeys()
{
    const auto before = await(m_backend->listKmsKeys());
    QVERIFY(before.has_value());
    const auto created = await(m_backend->createKmsKey(u"orders key"_s, u"alias/orders"_s));
    QVERIFY(created.has_value());
    QCOMPARE(created->aliases, QStringList{u"alias/orders"_s});
    QCOMPARE(created->key.description, u"orders key"_s);
    const auto keys = await(m_backend->listKmsKeys());
    QVERIFY(keys.has_value());
    QCOMPARE(keys->size(), before->size() + 1);
    bool found = false;
    for (const KmsKeyInfo &info : *keys) {
        if (info.key.keyId == created->key.keyId) {
            found = true;
            QCOMPARE(info.aliases, QStringList{u"alias/orders"_s});
        }
    }
    QVERIFY(found);
    const auto duplicate = await(m_backend->createKmsKey(QString(), u"alias/orders"_s));
    QVERIFY(!duplicate.has_value());
    QCOMPARE(duplicate.error().type, ErrorType::ResourceInUse);
    const auto reserved = await(m_backend->createKmsKey(QString(), u"alias/aws/mine"_s));
    QVERIFY(!reserved.has_value());
    // Refused aliases leave no nameless key behind.
    QCOMPARE(await(m_backend->listKmsKeys())->size(), keys->size());

    const StreamTarget target = StreamTarget::byName(u"enc"_s);
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"enc"_s, 1, {}, {}, {}})).has_value());
    QVERIFY(await(m_backend->startStreamEncryption(
                      StartStreamEncryptionRequest{target, u"KMS"_s, u"alias/orders"_s}))
                .has_value());
    QTRY_VERIFY(await(m_backend->describeStreamSummary(target))->streamStatus == StreamStatus::Active);
    auto summary = await(m_backend->describeStreamSummary(target));
    QVERIFY(summary.has_value());
    QCOMPARE(summary->encryptionType, EncryptionType::Kms);
    QCOMPARE(summary->keyId, u"alias/orders"_s);
    QVERIFY(await(m_backend->stopStreamEncryption(
                      StopStreamEncryptionRequest{target, u"KMS"_s, u"alias/orders"_s}))
                .has_value());
    QTRY_VERIFY(await(m_backend->describeStreamSummary(target))->encryptionType == EncryptionType::None);

    EmulatorBackend readOnly(*m_engine, EmulatorBackendOptions{u"ro"_s, true, 1});
    const auto refused = await(readOnly.createKmsKey(QString(), QString()));
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().type, ErrorType::AccessDenied);
}

// Every consumer of the stream, in name order, as a read (a read-only connection lists them too).
// A stream has at most 20 consumers and a page holds 100, so the emulator never hands the
// helper a token; the engine's tests cover paging.
void TestEmulatorBackend::listAllStreamConsumers()
{
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"s"_s, 1, {}, {}, {}})).has_value());
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"other"_s, 1, {}, {}, {}})).has_value());
    const QString arn = m_engine->streamArn(u"s"_s);
    const auto none = await(m_backend->listAllStreamConsumers(arn));
    QVERIFY(none.has_value());
    QVERIFY(none->isEmpty());

    QStringList expected;
    for (int i = 19; i >= 0; --i) {
        const QString name = u"c%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        QVERIFY(m_engine->registerStreamConsumer({arn, name, {}}).has_value());
        expected.prepend(name);
    }
    QVERIFY(m_engine->registerStreamConsumer({m_engine->streamArn(u"other"_s), u"x"_s, {}}).has_value());

    QSignalSpy finished(m_backend.get(), &StreamBackend::callFinished);
    EmulatorBackend readOnly(*m_engine, EmulatorBackendOptions{u"Archive"_s, true, 1});
    for (StreamBackend *backend : {static_cast<StreamBackend *>(m_backend.get()),
                                   static_cast<StreamBackend *>(&readOnly)}) {
        const auto all = await(backend->listAllStreamConsumers(arn));
        QVERIFY(all.has_value());
        QStringList names;
        for (const Consumer &c : *all) {
            names.append(c.consumerName);
            QCOMPARE(c.consumerArn, arn + u"/consumer/"_s + c.consumerName + u':' +
                                        QString::number(c.consumerCreationTimestamp / 1000));
            QCOMPARE(c.consumerStatus, ConsumerStatus::Active); // no CREATING delay here
        }
        QCOMPARE(names, expected);
    }
    QTRY_COMPARE(finished.size(), 1);
    const auto call = finished.at(0).at(0).value<BackendCall>();
    QCOMPARE(call.operation, u"ListStreamConsumers"_s);
    QCOMPARE(call.target, arn);
    QVERIFY(!call.error.has_value());

    const auto missing = await(m_backend->listAllStreamConsumers(m_engine->streamArn(u"nope"_s)));
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().type, ErrorType::ResourceNotFound);
    QCOMPARE(missing.error().message, u"Stream nope under account 000000000000 not found."_s);
    const auto invalid = await(m_backend->listAllStreamConsumers(u"not-an-arn"_s));
    QVERIFY(!invalid.has_value());
    QCOMPARE(invalid.error().type, ErrorType::Validation);
}

QTEST_GUILESS_MAIN(TestEmulatorBackend)
#include "tst_emulatorbackend.moc"
