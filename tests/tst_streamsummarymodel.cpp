// StreamSummaryModel: the Overview of one stream as label/value rows. Values follow creation,
// configuration changes and appends; a deleted stream shows its error in place of the values;
// results for a previous stream are dropped; a burst of appends costs only a few refreshes; the
// throughput rows show the limits and the hottest shard, polled only while asked to.
// Every case runs under QAbstractItemModelTester.

#include "backend/emulatorbackend.h"
#include "backendtesthelpers.h"
#include "engine/clock.h"
#include "forwardingbackend.h"
#include "models/modelroles.h"
#include "models/streamsummarymodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

using namespace shardscope;
using namespace shardscope::testing;
using namespace Qt::StringLiterals;

namespace {

// A backend whose use cannot be read: not at all, or with an error.
class NoUsageBackend final : public ForwardingBackend
{
public:
    using ForwardingBackend::ForwardingBackend;
    bool measures = false;
    bool hasShardUsage() const override { return measures; }
    BackendFuture<QList<ShardUsage>> shardUsage(const StreamTarget &) override
    {
        QPromise<BackendResult<QList<ShardUsage>>> promise;
        promise.start();
        promise.addResult(std::unexpected(Error{ErrorType::AccessDenied, u"no GetMetricData"_s}));
        promise.finish();
        return promise.future();
    }
};

} // namespace

class TestStreamSummaryModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void emptyWithoutStream();
    void showsValuesAfterCreate();
    void followsConfigurationChanges();
    void controlPlaneRowsFollowChanges();
    void policyReadErrorShowsInItsRowOnly();
    void countsFollowPuts();
    void deletedStreamShowsError();
    void switchingStreamsDropsStaleResults();
    void burstOfAppendsCoalesces();
    void throughputRows();
    void throughputRowsWithoutUse();

private:
    QString value(StreamProperty property, int role = Qt::DisplayRole) const
    {
        return m_model->index(StreamSummaryModel::rowOf(property), StreamSummaryModel::ValueColumn)
            .data(role)
            .toString();
    }
    QVariant raw(StreamProperty property) const
    {
        return m_model->index(StreamSummaryModel::rowOf(property), StreamSummaryModel::ValueColumn)
            .data(Qt::EditRole);
    }
    int countCalls(const QSignalSpy &spy, const QString &operation) const
    {
        int n = 0;
        for (const auto &call : spy) {
            if (call.at(0).value<BackendCall>().operation == operation)
                ++n;
        }
        return n;
    }

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EmulatorBackend> m_backend;
    std::unique_ptr<StreamSummaryModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestStreamSummaryModel::initTestCase()
{
    // Fixed number and date formats, whatever the machine's locale.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestStreamSummaryModel::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_engine = openEngine(*m_dir);
    QVERIFY(m_engine);
    m_backend = std::make_unique<EmulatorBackend>(*m_engine);
    m_model = std::make_unique<StreamSummaryModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestStreamSummaryModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_backend.reset();
    m_engine.reset();
    delete m_dir;
    m_dir = nullptr;
}

void TestStreamSummaryModel::emptyWithoutStream()
{
    QCOMPARE(m_model->rowCount(), int(StreamProperty::Count));
    QCOMPARE(m_model->rowCount(), 18);
    QCOMPARE(m_model->columnCount(), 2);
    QVERIFY(!m_model->summary());
    QVERIFY(m_model->errorText().isEmpty());
    QCOMPARE(m_model->index(0, StreamSummaryModel::LabelColumn).data().toString(), u"Name"_s);
    QVERIFY(value(StreamProperty::Name).isEmpty());
    QVERIFY(raw(StreamProperty::Records).isNull());

    // A stream that does not exist: the rows stay, the values say so.
    m_model->setStream(m_backend.get(), u"nope"_s);
    QTRY_VERIFY(!m_model->errorText().isEmpty());
    QCOMPARE(m_model->lastError()->type, ErrorType::ResourceNotFound);
    QVERIFY(m_model->errorText().contains(u"nope"_s));
    QCOMPARE(m_model->rowCount(), 18);

    // Back to nothing: no values, no error, no call.
    QSignalSpy calls(m_backend.get(), &StreamBackend::callStarted);
    m_model->setStream(nullptr, QString());
    QVERIFY(m_model->errorText().isEmpty());
    QVERIFY(value(StreamProperty::Name).isEmpty());
    QTest::qWait(100);
    QCOMPARE(calls.size(), 0);
}

void TestStreamSummaryModel::showsValuesAfterCreate()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"orders"_s, 3, {}, {}, {}})).has_value());
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QSignalSpy changed(m_model.get(), &StreamSummaryModel::summaryChanged);
    QSignalSpy refreshed(m_model.get(), &StreamSummaryModel::refreshed);
    m_model->setStream(m_backend.get(), u"orders"_s);
    QTRY_COMPARE(refreshed.size(), 1);
    QCOMPARE(changed.size(), 1);

    QVERIFY(m_model->summary().has_value());
    QCOMPARE(m_model->summary()->openShardCount, 3);
    QVERIFY(m_model->errorText().isEmpty());
    QCOMPARE(m_model->headerData(0, Qt::Horizontal).toString(), u"Property"_s);
    QCOMPARE(m_model->headerData(1, Qt::Horizontal).toString(), u"Value"_s);

    const QStringList labels{u"Name"_s, u"ARN"_s, u"Status"_s, u"Mode"_s, u"Open shards"_s,
                             u"Retention (hours)"_s, u"Max record size (KiB)"_s,
                             u"Encryption type"_s, u"KMS key"_s, u"Consumers"_s,
                             u"Enhanced monitoring"_s, u"Warm throughput"_s, u"Resource policy"_s,
                             u"Created"_s, u"Records"_s, u"Bytes"_s, u"Throughput limits"_s,
                             u"Hottest shard"_s};
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QCOMPARE(m_model->index(row, 0).data().toString(), labels[row]);
        QCOMPARE(m_model->index(row, 0).data(ModelRole::PropertyRole).toInt(), row);
        QCOMPARE(m_model->index(row, 1).data(ModelRole::PropertyRole).toInt(), row);
        QCOMPARE(m_model->index(row, 1).data(ModelRole::StreamNameRole).toString(), u"orders"_s);
        QVERIFY(m_model->index(row, 1).data(ModelRole::ErrorRole).toString().isEmpty());
        // UserRole carries the raw value on either column.
        QCOMPARE(m_model->index(row, 0).data(Qt::UserRole), m_model->index(row, 1).data(Qt::EditRole));
    }

    QCOMPARE(value(StreamProperty::Name), u"orders"_s);
    QCOMPARE(raw(StreamProperty::Name).toString(), u"orders"_s);
    QCOMPARE(value(StreamProperty::Arn), u"arn:aws:kinesis:us-east-1:000000000000:stream/orders"_s);
    QCOMPARE(m_model->index(0, 1).data(ModelRole::StreamArnRole).toString(), value(StreamProperty::Arn));
    QCOMPARE(value(StreamProperty::Status), u"Active"_s);
    QCOMPARE(raw(StreamProperty::Status).toInt(), int(StreamStatus::Active));
    QCOMPARE(m_model->index(5, 0).data(ModelRole::StreamStatusRole).toInt(), int(StreamStatus::Active));
    QCOMPARE(value(StreamProperty::Mode), u"Provisioned"_s);
    QCOMPARE(raw(StreamProperty::Mode).toInt(), int(StreamMode::Provisioned));
    QCOMPARE(value(StreamProperty::OpenShards), u"3"_s);
    QCOMPARE(raw(StreamProperty::OpenShards).toInt(), 3);
    QCOMPARE(value(StreamProperty::RetentionHours), u"24 hours (1 day)"_s);
    QCOMPARE(raw(StreamProperty::RetentionHours).toInt(), 24);
    QCOMPARE(value(StreamProperty::MaxRecordSizeKiB), u"1,024 KiB (1 MiB)"_s);
    QCOMPARE(raw(StreamProperty::MaxRecordSizeKiB).toInt(), 1024);
    QCOMPARE(value(StreamProperty::EncryptionType), u"None"_s);
    QCOMPARE(raw(StreamProperty::EncryptionType).toInt(), int(EncryptionType::None));
    QCOMPARE(value(StreamProperty::KmsKey), u"None"_s);
    QVERIFY(raw(StreamProperty::KmsKey).toString().isEmpty());
    QCOMPARE(value(StreamProperty::Consumers), u"0"_s);
    QCOMPARE(raw(StreamProperty::Consumers).toInt(), 0);
    QCOMPARE(value(StreamProperty::EnhancedMonitoring), u"Off"_s);
    QCOMPARE(raw(StreamProperty::EnhancedMonitoring).toStringList(), QStringList());
    QCOMPARE(value(StreamProperty::WarmThroughput), u"— (on-demand streams only)"_s);
    QVERIFY(raw(StreamProperty::WarmThroughput).isNull());
    QCOMPARE(value(StreamProperty::ResourcePolicy), u"None"_s);

    const QDateTime created = raw(StreamProperty::Created).toDateTime();
    QCOMPARE(created.timeSpec(), Qt::UTC);
    QVERIFY2(created.toMSecsSinceEpoch() >= before - 1000 && created.toMSecsSinceEpoch() <= after + 1000,
             qPrintable(created.toString(Qt::ISODateWithMs)));
    QCOMPARE(m_model->index(0, 1).data(ModelRole::StreamCreationTimeRole).toDateTime(), created);
    QCOMPARE(value(StreamProperty::Created),
             QLocale().toString(created.toLocalTime(), QLocale::ShortFormat));

    QCOMPARE(value(StreamProperty::Records), u"0"_s);
    QCOMPARE(raw(StreamProperty::Records).toLongLong(), 0);
    QVERIFY(!raw(StreamProperty::Records).isNull());
    QCOMPARE(value(StreamProperty::Bytes), QLocale().formattedDataSize(0, 1));
    QCOMPARE(raw(StreamProperty::Bytes).toLongLong(), 0);
    // The ARN is long; its tooltip repeats it.
    QCOMPARE(value(StreamProperty::Arn, Qt::ToolTipRole), value(StreamProperty::Arn));
}

void TestStreamSummaryModel::followsConfigurationChanges()
{
    const StreamTarget target = StreamTarget::byName(u"s"_s);
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"s"_s, 2, {}, {}, {}})).has_value());
    m_model->setStream(m_backend.get(), u"s"_s);
    QTRY_COMPARE(raw(StreamProperty::RetentionHours).toInt(), 24);
    QSignalSpy changed(m_model.get(), &StreamSummaryModel::summaryChanged);

    QVERIFY(await(m_backend->increaseStreamRetentionPeriod(RetentionPeriodRequest{target, 48})).has_value());
    QTRY_COMPARE(value(StreamProperty::RetentionHours), u"48 hours (2 days)"_s);
    QCOMPARE(raw(StreamProperty::RetentionHours).toInt(), 48);
    QCOMPARE(m_model->summary()->retentionPeriodHours, 48);
    QVERIFY(changed.size() >= 1);

    QVERIFY(await(m_backend->decreaseStreamRetentionPeriod(RetentionPeriodRequest{target, 36})).has_value());
    QTRY_COMPARE(value(StreamProperty::RetentionHours), u"36 hours (1 day 12 hours)"_s);
    QVERIFY(await(m_backend->increaseStreamRetentionPeriod(RetentionPeriodRequest{target, 8760})).has_value());
    QTRY_COMPARE(value(StreamProperty::RetentionHours), u"8,760 hours (365 days)"_s);

    QVERIFY(await(m_backend->updateMaxRecordSize(UpdateMaxRecordSizeRequest{target, 1536})).has_value());
    QTRY_COMPARE(value(StreamProperty::MaxRecordSizeKiB), u"1,536 KiB"_s);
    QCOMPARE(raw(StreamProperty::MaxRecordSizeKiB).toInt(), 1536);

    QVERIFY(await(m_backend->splitShard(SplitShardRequest{target, u"shardId-000000000000"_s, u"1000"_s})).has_value());
    QTRY_COMPARE(raw(StreamProperty::OpenShards).toInt(), 3);

    const QString arn = m_model->summary()->streamArn;
    QVERIFY(await(m_backend->updateStreamMode(UpdateStreamModeRequest{arn, StreamMode::OnDemand})).has_value());
    QTRY_COMPARE(value(StreamProperty::Mode), u"On-demand"_s);
    QCOMPARE(raw(StreamProperty::Mode).toInt(), int(StreamMode::OnDemand));

    // A refresh that changes nothing does not announce a change.
    QTRY_COMPARE(value(StreamProperty::Status), u"Active"_s);
    QTest::qWait(100);
    changed.clear();
    QSignalSpy refreshed(m_model.get(), &StreamSummaryModel::refreshed);
    m_model->refresh();
    QTRY_COMPARE(refreshed.size(), 1);
    QCOMPARE(changed.size(), 0);
}

void TestStreamSummaryModel::controlPlaneRowsFollowChanges()
{
    const StreamTarget target = StreamTarget::byName(u"s"_s);
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"s"_s, 2, {}, {}, {}})).has_value());
    m_model->setStream(m_backend.get(), u"s"_s);
    QTRY_COMPARE(value(StreamProperty::EnhancedMonitoring), u"Off"_s);
    QTRY_COMPARE(value(StreamProperty::ResourcePolicy), u"None"_s);

    // Enhanced monitoring: the metrics in the API's order, "All" when every one is on.
    QVERIFY(await(m_backend->enableEnhancedMonitoring(
                      EnhancedMonitoringRequest{target, {u"OutgoingBytes"_s, u"IncomingBytes"_s}}))
                .has_value());
    QTRY_COMPARE(value(StreamProperty::EnhancedMonitoring), u"IncomingBytes, OutgoingBytes"_s);
    QCOMPARE(raw(StreamProperty::EnhancedMonitoring).toStringList(),
             (QStringList{u"IncomingBytes"_s, u"OutgoingBytes"_s}));
    QVERIFY(await(m_backend->enableEnhancedMonitoring(EnhancedMonitoringRequest{target, {u"ALL"_s}}))
                .has_value());
    QTRY_COMPARE(value(StreamProperty::EnhancedMonitoring), u"All"_s);
    QCOMPARE(raw(StreamProperty::EnhancedMonitoring).toStringList(), allShardLevelMetrics());
    QVERIFY(await(m_backend->disableEnhancedMonitoring(EnhancedMonitoringRequest{target, {u"ALL"_s}}))
                .has_value());
    QTRY_COMPARE(value(StreamProperty::EnhancedMonitoring), u"Off"_s);

    // Warm throughput: none on a provisioned stream; an on-demand one's target and current.
    const QString arn = m_model->summary()->streamArn;
    QVERIFY(await(m_backend->updateStreamMode(UpdateStreamModeRequest{arn, StreamMode::OnDemand}))
                .has_value());
    // An on-demand stream handles its open shards' writes: this one kept its 2 shards.
    QTRY_COMPARE(value(StreamProperty::WarmThroughput), u"None requested (now 2 MiB/s)"_s);
    QVERIFY(raw(StreamProperty::WarmThroughput).isNull());
    QVERIFY(await(m_backend->updateAccountSettings(
                      UpdateAccountSettingsRequest{BillingCommitmentStatus::Enabled}))
                .has_value());
    // The stream is split until its shards carry the target.
    QVERIFY(await(m_backend->updateStreamWarmThroughput(UpdateStreamWarmThroughputRequest{target, 40}))
                .has_value());
    QTRY_COMPARE(value(StreamProperty::WarmThroughput), u"Target 40 MiB/s, now 40 MiB/s"_s);
    QCOMPARE(raw(StreamProperty::WarmThroughput).toInt(), 40);

    // Resource policy: counted, its principals and actions named; the tip is the document.
    const QString policy = uR"({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::444455556666:role/reader"]},
         "Action":["kinesis:GetRecords","kinesis:GetShardIterator"],"Resource":"%1"},
        {"Effect":"Deny","Principal":"*","Action":"kinesis:PutRecord","Resource":"%1"}]})"_s.arg(arn);
    QVERIFY(await(m_backend->putResourcePolicy(PutResourcePolicyRequest{arn, policy})).has_value());
    QTRY_COMPARE(value(StreamProperty::ResourcePolicy),
                 u"2 statements — principals: arn:aws:iam::111122223333:root, "
                 "arn:aws:iam::444455556666:role/reader +1 more — actions: kinesis:GetRecords, "
                 "kinesis:GetShardIterator, kinesis:PutRecord (with Deny)"_s);
    QCOMPARE(raw(StreamProperty::ResourcePolicy).toString(), policy);
    QCOMPARE(value(StreamProperty::ResourcePolicy, Qt::ToolTipRole), policy);
    QVERIFY(await(m_backend->deleteResourcePolicy(ResourcePolicyTarget{arn})).has_value());
    QTRY_COMPARE(value(StreamProperty::ResourcePolicy), u"None"_s);

    // One getResourcePolicy per summary refresh, none for counts alone.
    QSignalSpy calls(m_backend.get(), &StreamBackend::callStarted);
    QSignalSpy refreshed(m_model.get(), &StreamSummaryModel::refreshed);
    m_model->refresh();
    QTRY_COMPARE(refreshed.size(), 1);
    QCOMPARE(countCalls(calls, u"DescribeStreamSummary"_s), 1);
    QCOMPARE(countCalls(calls, u"GetResourcePolicy"_s), 1);
}

// A backend that may not read resource policies (as an IAM user without the permission).
class NoPolicyReads final : public ForwardingBackend
{
public:
    using ForwardingBackend::ForwardingBackend;
    BackendFuture<GetResourcePolicyResponse> getResourcePolicy(const ResourcePolicyTarget &) override
    {
        ++policyReads;
        return QtFuture::makeReadyFuture(BackendResult<GetResourcePolicyResponse>(std::unexpected(
            Error{ErrorType::AccessDenied, u"User is not authorized to perform: kinesis:GetResourcePolicy"_s})));
    }
    int policyReads = 0;
};

void TestStreamSummaryModel::policyReadErrorShowsInItsRowOnly()
{
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"s"_s, 1, {}, {}, {}})).has_value());
    NoPolicyReads backend(*m_backend);
    m_model->setStream(&backend, u"s"_s);
    QTRY_COMPARE(value(StreamProperty::Name), u"s"_s);
    QCOMPARE(value(StreamProperty::ResourcePolicy),
             u"Cannot read the policy: AccessDeniedException: User is not authorized to perform: "
             "kinesis:GetResourcePolicy"_s);
    QVERIFY(m_model->resourcePolicyError().has_value());
    QVERIFY(!m_model->resourcePolicy());
    QVERIFY(m_model->errorText().isEmpty());
    QCOMPARE(value(StreamProperty::OpenShards), u"1"_s);
    QCOMPARE(backend.policyReads, 1);

    // Changes refresh the summary but do not ask again for what was denied; Refresh does.
    QSignalSpy refreshed(m_model.get(), &StreamSummaryModel::refreshed);
    QVERIFY(await(m_backend->increaseStreamRetentionPeriod(
                      RetentionPeriodRequest{StreamTarget::byName(u"s"_s), 48}))
                .has_value());
    QTRY_COMPARE(value(StreamProperty::RetentionHours), u"48 hours (2 days)"_s);
    QCOMPARE(backend.policyReads, 1);
    QVERIFY(value(StreamProperty::ResourcePolicy).startsWith(u"Cannot read the policy: "_s));
    refreshed.clear();
    m_model->refresh();
    QTRY_COMPARE(refreshed.size(), 1);
    QCOMPARE(backend.policyReads, 2);
    m_model->setStream(nullptr, QString());
}

void TestStreamSummaryModel::countsFollowPuts()
{
    const StreamTarget target = StreamTarget::byName(u"s"_s);
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"s"_s, 2, {}, {}, {}})).has_value());
    m_model->setStream(m_backend.get(), u"s"_s);
    QTRY_COMPARE(value(StreamProperty::Records), u"0"_s);
    QSignalSpy calls(m_backend.get(), &StreamBackend::callStarted);
    QSignalSpy catalogChanges(m_backend.get(), &StreamBackend::catalogChanged);

    const QByteArray big(629146, 'x');
    PutRecordsRequest request{target, {}};
    request.records.append(PutRecordsRequestEntry{big, u"a"_s, {}});
    request.records.append(PutRecordsRequestEntry{big, u"b"_s, {}});
    request.records.append(PutRecordsRequestEntry{"12345678"_ba, u"c"_s, {}});
    const auto put = await(m_backend->putRecords(request));
    QVERIFY(put.has_value());
    QCOMPARE(put->failedRecordCount, 0);

    QTRY_COMPARE(raw(StreamProperty::Records).toLongLong(), 3);
    QCOMPARE(value(StreamProperty::Records), u"3"_s);
    QCOMPARE(raw(StreamProperty::Bytes).toLongLong(), 2 * 629146 + 8);
    QCOMPARE(value(StreamProperty::Bytes), u"1.2 MiB"_s);
    QCOMPARE(m_model->index(0, 0).data(ModelRole::RecordCountRole).toLongLong(), 3);
    QCOMPARE(m_model->index(0, 0).data(ModelRole::BytesRole).toLongLong(), 2 * 629146 + 8);
    QCOMPARE(m_model->totals()->recordCount, 3);
    // Appends re-read the counts only, not the summary (housekeeping may have changed the
    // catalog meanwhile, settling the new stream).
    QVERIFY(countCalls(calls, u"DescribeStreamSummary"_s) <= catalogChanges.size());
    QVERIFY(countCalls(calls, u"ShardStatistics"_s) >= 1);

    // Appends to another stream are none of our business.
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"other"_s, 1, {}, {}, {}})).has_value());
    QTest::qWait(200);
    calls.clear();
    QVERIFY(await(m_backend->putRecord(PutRecordRequest{StreamTarget::byName(u"other"_s), "x"_ba,
                                                        u"k"_s, {}, {}})).has_value());
    QTest::qWait(400);
    QCOMPARE(countCalls(calls, u"ShardStatistics"_s), 0);
    QCOMPARE(raw(StreamProperty::Records).toLongLong(), 3);
}

void TestStreamSummaryModel::deletedStreamShowsError()
{
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"gone"_s, 2, {}, {}, {}})).has_value());
    m_model->setStream(m_backend.get(), u"gone"_s);
    QTRY_VERIFY(m_model->summary().has_value());
    QSignalSpy failed(m_model.get(), &StreamSummaryModel::refreshFailed);
    QSignalSpy changed(m_model.get(), &StreamSummaryModel::summaryChanged);

    QVERIFY(await(m_backend->deleteStream(DeleteStreamRequest{StreamTarget::byName(u"gone"_s), false})).has_value());
    QTRY_VERIFY(!m_model->errorText().isEmpty());
    QVERIFY(!m_model->summary().has_value());
    QVERIFY(!m_model->totals().has_value());
    QVERIFY(failed.size() >= 1);
    QCOMPARE(failed.constLast().at(0).value<Error>().type, ErrorType::ResourceNotFound);
    QVERIFY(changed.size() >= 1);
    QCOMPARE(m_model->lastError()->type, ErrorType::ResourceNotFound);
    QVERIFY(m_model->errorText().contains(u"gone"_s));

    // The rows stay; every value shows the error; raw values are gone.
    QCOMPARE(m_model->rowCount(), 18);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QVERIFY(!m_model->index(row, 0).data().toString().isEmpty());
        QCOMPARE(m_model->index(row, 1).data().toString(), m_model->errorText());
        QCOMPARE(m_model->index(row, 1).data(ModelRole::ErrorRole).toString(), m_model->errorText());
        QVERIFY(m_model->index(row, 1).data(Qt::EditRole).isNull());
    }

    // The same name again: the model recovers on the catalog change.
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"gone"_s, 1, {}, {}, {}})).has_value());
    QTRY_VERIFY(m_model->summary().has_value());
    QVERIFY(m_model->errorText().isEmpty());
    QCOMPARE(raw(StreamProperty::OpenShards).toInt(), 1);
}

void TestStreamSummaryModel::switchingStreamsDropsStaleResults()
{
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"one"_s, 1, {}, {}, {}})).has_value());
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"three"_s, 3, {}, {}, {}})).has_value());
    // The model may refresh again when the catalog changes (a new stream settling as ACTIVE
    // at the writer's next housekeeping); what must never be applied is "three"'s answer once
    // "one" is bound: record the summary every change showed.
    QStringList shown;
    connect(m_model.get(), &StreamSummaryModel::summaryChanged, this,
            [&] { shown.append(m_model->summary() ? m_model->summary()->streamName : QString()); });
    QSignalSpy refreshed(m_model.get(), &StreamSummaryModel::refreshed);
    m_model->setStream(m_backend.get(), u"three"_s);
    m_model->setStream(m_backend.get(), u"one"_s); // "three"'s answers are now stale
    QTRY_VERIFY(!refreshed.isEmpty());
    QTest::qWait(200);
    QVERIFY(!shown.isEmpty());
    QVERIFY2(!shown.contains(u"three"_s), "the stale answer for \"three\" was applied");
    QCOMPARE(shown, QStringList(shown.size(), u"one"_s));
    QCOMPARE(m_model->streamName(), u"one"_s);
    QCOMPARE(m_model->summary()->streamName, u"one"_s);
    QCOMPARE(raw(StreamProperty::OpenShards).toInt(), 1);
    QCOMPARE(value(StreamProperty::Name), u"one"_s);
}

void TestStreamSummaryModel::burstOfAppendsCoalesces()
{
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"busy"_s, 2, {}, {}, {}})).has_value());
    QSignalSpy refreshed(m_model.get(), &StreamSummaryModel::refreshed);
    m_model->setStream(m_backend.get(), u"busy"_s);
    QTRY_COMPARE(refreshed.size(), 1);
    QTest::qWait(100);
    refreshed.clear();
    QSignalSpy calls(m_backend.get(), &StreamBackend::callStarted);
    // The engine's housekeeping may settle the new stream meanwhile (a real catalog change).
    QSignalSpy catalogChanges(m_backend.get(), &StreamBackend::catalogChanged);

    // 1,000 single puts from another thread over at least 1.5 s, so appends keep arriving
    // while our event loop runs.
    Engine *engine = m_engine.get();
    QElapsedTimer timer;
    timer.start();
    auto producer = QtConcurrent::run([engine] {
        int ok = 0;
        for (int i = 0; i < 1000; ++i) {
            if (engine->putRecord(PutRecordRequest{StreamTarget::byName(u"busy"_s), "xy"_ba,
                                                   u"k%1"_s.arg(i), {}, {}}))
                ++ok;
            QThread::usleep(1500);
        }
        return ok;
    });
    QTRY_VERIFY_WITH_TIMEOUT(producer.isFinished(), 60000);
    QCOMPARE(producer.result(), 1000);
    const qint64 elapsedMs = timer.elapsed();
    QTRY_COMPARE(raw(StreamProperty::Records).toLongLong(), 1000);
    QCOMPARE(raw(StreamProperty::Bytes).toLongLong(), 2000);
    QTest::qWait(400);

    // At most one counts refresh per ~250 ms (plus the first, the trailing one and any for a
    // catalog change); with a 50 ms throttle this would be ~30.
    const int statisticsCalls = countCalls(calls, u"ShardStatistics"_s);
    const qsizetype bound = elapsedMs / 200 + 5;
    qInfo("%lld refreshes, %d statistics calls for 1,000 appends in %lld ms",
          qint64(refreshed.size()), statisticsCalls, elapsedMs);
    QVERIFY(refreshed.size() >= 2); // the counts followed during the burst
    QVERIFY2(refreshed.size() <= bound && refreshed.size() < 50,
             qPrintable(u"%1 refreshes for 1,000 appends in %2 ms"_s.arg(refreshed.size()).arg(elapsedMs)));
    QCOMPARE(statisticsCalls, int(refreshed.size()));
    // Appends re-read the counts only; the summary follows catalog changes alone.
    QVERIFY(countCalls(calls, u"DescribeStreamSummary"_s) <= catalogChanges.size());
}

void TestStreamSummaryModel::throughputRows()
{
    // An engine on a manual clock: the last second's use stays until the clock moves.
    QTemporaryDir dir;
    auto clock = std::make_shared<ManualClock>(1'700'000'000'000);
    EngineOptions options;
    options.databasePath = dir.filePath(u"e.db"_s);
    options.clock = clock;
    options.createDelayMs = 0;
    auto engine = Engine::open(options);
    QVERIFY(engine);
    EmulatorBackend backend(**engine);
    QVERIFY((*engine)->createStream(CreateStreamRequest{u"s"_s, 3, {}, {}, {}}).has_value());
    PutRecordsRequest batch;
    batch.target = StreamTarget::byName(u"s"_s);
    for (int i = 0; i < 480; ++i)
        batch.records.append(PutRecordsRequestEntry{"0123456789"_ba, u"k"_s,
                                                    u"340282366920938463463374607431768211455"_s});
    for (int i = 0; i < 2; ++i)
        QCOMPARE((*engine)->putRecords(batch)->failedRecordCount, 0);

    int usageCalls = 0;
    int summaryCalls = 0;
    connect(&backend, &StreamBackend::callStarted, this, [&](const BackendCall &call) {
        usageCalls += call.operation == u"ShardUsage"_s ? 1 : 0;
        summaryCalls += call.operation == u"DescribeStreamSummary"_s ? 1 : 0;
    });
    QSignalSpy refreshed(m_model.get(), &StreamSummaryModel::refreshed);
    m_model->setStream(&backend, u"s"_s);
    QTRY_COMPARE(refreshed.size(), 1);
    // Not shown: not read.
    QTest::qWait(100);
    QCOMPARE(usageCalls, 0);
    QVERIFY(value(StreamProperty::ThroughputLimits).isEmpty());
    QVERIFY(raw(StreamProperty::HottestShard).isNull());
    m_model->setUsagePolling(true);
    QVERIFY(m_model->isPollingUsage());
    QTRY_COMPARE(value(StreamProperty::ThroughputLimits),
             u"Enforced per shard: writes 1,000 records/s and 1 MiB/s, reads 5 calls/s and 2 MiB/s"_s);
    QCOMPARE(raw(StreamProperty::ThroughputLimits).toBool(), true);
    QCOMPARE(value(StreamProperty::HottestShard), u"shardId-000000000002: 96 % of its write limit"_s);
    QCOMPARE(raw(StreamProperty::HottestShard).toDouble(), 0.96);
    QCOMPARE(m_model->usage()->size(), 3);

    // Polled while shown: the shard goes idle a second later, reads make another the hottest.
    clock->advanceMs(1100);
    QTRY_COMPARE(value(StreamProperty::HottestShard), u"Idle"_s);
    QCOMPARE(raw(StreamProperty::HottestShard).toDouble(), 0.0);
    GetShardIteratorRequest at;
    at.target = StreamTarget::byName(u"s"_s);
    at.shardId = u"shardId-000000000001"_s;
    at.shardIteratorType = ShardIteratorType::TrimHorizon;
    const QString iterator = (*engine)->getShardIterator(at)->shardIterator;
    for (int i = 0; i < 4; ++i)
        QVERIFY((*engine)->getRecords(GetRecordsRequest{iterator, {}, {}}).has_value());
    QTRY_COMPARE(value(StreamProperty::HottestShard), u"shardId-000000000001: 80 % of its read limit"_s);
    (*engine)->setThroughputLimitsEnabled(false);
    QTRY_COMPARE(value(StreamProperty::ThroughputLimits),
                 u"Not enforced (per shard: writes 1,000 records/s and 1 MiB/s, reads 5 calls/s and 2 MiB/s)"_s);
    QCOMPARE(raw(StreamProperty::ThroughputLimits).toBool(), false);
    // Polls read the use alone: no summary, no refreshed (the stream settling as ACTIVE may
    // have refreshed the summary meanwhile).
    QTest::qWait(1200);
    QTRY_COMPARE(refreshed.size(), summaryCalls);
    QVERIFY2(usageCalls > summaryCalls, qPrintable(u"%1 %2"_s.arg(usageCalls).arg(summaryCalls)));

    // Not shown: not polled.
    m_model->setUsagePolling(false);
    QTest::qWait(50);
    const int stopped = usageCalls;
    QTest::qWait(1300);
    QCOMPARE(usageCalls, stopped);
    m_model->setStream(nullptr, QString());
}

void TestStreamSummaryModel::throughputRowsWithoutUse()
{
    QVERIFY(await(m_backend->createStream(CreateStreamRequest{u"s"_s, 1, {}, {}, {}})).has_value());
    NoUsageBackend backend(*m_backend);
    QSignalSpy refreshed(m_model.get(), &StreamSummaryModel::refreshed);
    m_model->setStream(&backend, u"s"_s);
    QTRY_COMPARE(refreshed.size(), 1);
    QCOMPARE(value(StreamProperty::ThroughputLimits), u"Not available"_s);
    QCOMPARE(value(StreamProperty::HottestShard), u"Not available"_s);
    m_model->setUsagePolling(true);
    QVERIFY(!m_model->isPollingUsage()); // nothing to poll

    // A use that cannot be read shows its error in its rows only.
    backend.measures = true;
    m_model->setStream(nullptr, QString());
    m_model->setStream(&backend, u"s"_s);
    QVERIFY(m_model->isPollingUsage());
    QTRY_COMPARE(value(StreamProperty::HottestShard), u"Cannot measure the use: no GetMetricData"_s);
    QCOMPARE(value(StreamProperty::ThroughputLimits), u"Cannot measure the use: no GetMetricData"_s);
    QCOMPARE(value(StreamProperty::Name), u"s"_s);
    QVERIFY(m_model->errorText().isEmpty());
    QVERIFY(m_model->isPollingUsage());
    m_model->setStream(nullptr, QString());
}

QTEST_GUILESS_MAIN(TestStreamSummaryModel)
#include "tst_streamsummarymodel.moc"
