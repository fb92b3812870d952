// EmulatorBackend: every call completes off the caller's thread and is delivered on it, errors
// arrive as values, paging helpers follow tokens, engine signals are re-emitted on the backend's
// thread, and each call is reported to the activity dock.

#include "backend/emulatorbackend.h"
#include "backend/futureutils.h"
#include "backendtesthelpers.h"
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

QTEST_GUILESS_MAIN(TestEmulatorBackend)
#include "tst_emulatorbackend.moc"
