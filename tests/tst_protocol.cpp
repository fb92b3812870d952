#include "engine/clock.h"
#include "engine/engine.h"
#include "server/dispatcher.h"
#include "protocol/wirecodec.h"

#include <QCborArray>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <limits>
#include <tuple>

using namespace Qt::StringLiterals;

namespace shardscope {

// Member-wise equality for the api.h structs, so round trips can compare whole messages.
// QString equality treats null and empty alike; nullAndEmptyStayApart() checks that apart.
auto tied(const StreamTarget &x)
{
    return std::tie(x.streamName, x.streamArn);
}
auto tied(const Shard &x)
{
    return std::tie(x.shardId, x.parentShardId, x.adjacentParentShardId, x.hashKeyRange,
                    x.startingSequenceNumber, x.endingSequenceNumber);
}
auto tied(const ChildShard &x)
{
    return std::tie(x.shardId, x.parentShards, x.hashKeyRange);
}
auto tied(const Record &x)
{
    return std::tie(x.sequenceNumber, x.approximateArrivalTimestamp, x.data, x.partitionKey,
                    x.encryptionType);
}
auto tied(const StreamSummary &x)
{
    return std::tie(x.streamName, x.streamArn, x.streamStatus, x.streamMode,
                    x.streamCreationTimestamp);
}
auto tied(const StreamDescription &x)
{
    return std::tie(x.streamName, x.streamArn, x.streamStatus, x.streamMode, x.shards,
                    x.hasMoreShards, x.retentionPeriodHours, x.streamCreationTimestamp,
                    x.encryptionType, x.keyId);
}
auto tied(const StreamDescriptionSummary &x)
{
    return std::tie(x.streamName, x.streamArn, x.streamId, x.streamStatus, x.streamMode,
                    x.retentionPeriodHours, x.streamCreationTimestamp, x.encryptionType, x.keyId,
                    x.openShardCount, x.consumerCount, x.maxRecordSizeInKiB);
}
auto tied(const CreateStreamRequest &x)
{
    return std::tie(x.streamName, x.shardCount, x.streamMode, x.tags, x.maxRecordSizeInKiB);
}
auto tied(const DeleteStreamRequest &x)
{
    return std::tie(x.target, x.enforceConsumerDeletion);
}
auto tied(const ListStreamsRequest &x)
{
    return std::tie(x.limit, x.exclusiveStartStreamName, x.nextToken);
}
auto tied(const ListStreamsResponse &x)
{
    return std::tie(x.streamNames, x.hasMoreStreams, x.nextToken, x.streamSummaries);
}
auto tied(const DescribeStreamRequest &x)
{
    return std::tie(x.target, x.limit, x.exclusiveStartShardId);
}
auto tied(const ShardFilter &x)
{
    return std::tie(x.type, x.shardId, x.timestamp);
}
auto tied(const ListShardsRequest &x)
{
    return std::tie(x.target, x.nextToken, x.exclusiveStartShardId, x.maxResults,
                    x.streamCreationTimestamp, x.shardFilter);
}
auto tied(const ListShardsResponse &x)
{
    return std::tie(x.shards, x.nextToken);
}
auto tied(const PutRecordRequest &x)
{
    return std::tie(x.target, x.data, x.partitionKey, x.explicitHashKey,
                    x.sequenceNumberForOrdering);
}
auto tied(const PutRecordResponse &x)
{
    return std::tie(x.shardId, x.sequenceNumber, x.encryptionType);
}
auto tied(const PutRecordsRequestEntry &x)
{
    return std::tie(x.data, x.partitionKey, x.explicitHashKey);
}
auto tied(const PutRecordsRequest &x)
{
    return std::tie(x.target, x.records);
}
auto tied(const PutRecordsResultEntry &x)
{
    return std::tie(x.sequenceNumber, x.shardId, x.errorCode, x.errorMessage);
}
auto tied(const PutRecordsResponse &x)
{
    return std::tie(x.failedRecordCount, x.records, x.encryptionType);
}
auto tied(const GetShardIteratorRequest &x)
{
    return std::tie(x.target, x.shardId, x.shardIteratorType, x.startingSequenceNumber,
                    x.timestamp);
}
auto tied(const GetShardIteratorResponse &x)
{
    return std::tie(x.shardIterator);
}
auto tied(const GetRecordsRequest &x)
{
    return std::tie(x.shardIterator, x.limit, x.streamArn);
}
auto tied(const GetRecordsResponse &x)
{
    return std::tie(x.records, x.nextShardIterator, x.millisBehindLatest, x.childShards);
}
auto tied(const SplitShardRequest &x)
{
    return std::tie(x.target, x.shardToSplit, x.newStartingHashKey);
}
auto tied(const MergeShardsRequest &x)
{
    return std::tie(x.target, x.shardToMerge, x.adjacentShardToMerge);
}
auto tied(const UpdateShardCountRequest &x)
{
    return std::tie(x.target, x.targetShardCount, x.scalingType);
}
auto tied(const UpdateShardCountResponse &x)
{
    return std::tie(x.streamName, x.currentShardCount, x.targetShardCount, x.streamArn);
}
auto tied(const RetentionPeriodRequest &x)
{
    return std::tie(x.target, x.retentionPeriodHours);
}
auto tied(const UpdateMaxRecordSizeRequest &x)
{
    return std::tie(x.target, x.maxRecordSizeInKiB);
}
auto tied(const UpdateStreamModeRequest &x)
{
    return std::tie(x.streamArn, x.streamMode);
}
auto tied(const AddTagsToStreamRequest &x)
{
    return std::tie(x.target, x.tags);
}
auto tied(const RemoveTagsFromStreamRequest &x)
{
    return std::tie(x.target, x.tagKeys);
}
auto tied(const ListTagsForStreamRequest &x)
{
    return std::tie(x.target, x.exclusiveStartTagKey, x.limit);
}
auto tied(const ListTagsForStreamResponse &x)
{
    return std::tie(x.tags, x.hasMoreTags);
}
auto tied(const TagResourceRequest &x)
{
    return std::tie(x.resourceArn, x.tags);
}
auto tied(const UntagResourceRequest &x)
{
    return std::tie(x.resourceArn, x.tagKeys);
}
auto tied(const ListTagsForResourceRequest &x)
{
    return std::tie(x.resourceArn);
}
auto tied(const ListTagsForResourceResponse &x)
{
    return std::tie(x.tags);
}
auto tied(const DescribeLimitsResponse &x)
{
    return std::tie(x.shardLimit, x.openShardCount, x.onDemandStreamCount,
                    x.onDemandStreamCountLimit);
}

template<typename T>
requires requires(const T &t)
{
    tied(t);
}
bool operator==(const T &a, const T &b)
{
    return tied(a) == tied(b);
}

} // namespace shardscope

using namespace shardscope;

namespace {

const QString kArn = u"arn:aws:kinesis:us-east-1:000000000000:stream/s1"_s;
constexpr qint64 kT0 = 1700000000123; // an epoch-ms timestamp with a millisecond part

SequenceNumber seq(qint64 counter, quint32 shard)
{
    return SequenceNumber{counter, shard};
}

Shard sampleShard(int index, bool closed)
{
    Shard shard;
    shard.shardId = u"shardId-%1"_s.arg(index, 12, 10, QLatin1Char('0'));
    if (index > 1)
        shard.parentShardId = u"shardId-000000000000"_s;
    if (index > 2)
        shard.adjacentParentShardId = u"shardId-000000000001"_s;
    shard.hashKeyRange = HashKeyRange{HashKey{uint128(index) << 100}, HashKey::max()};
    shard.startingSequenceNumber = seq(SequenceNumber::counterAt(kT0) + index, quint32(index));
    if (closed)
        shard.endingSequenceNumber = seq(SequenceNumber::counterAt(kT0 + 5000), quint32(index));
    return shard;
}

QByteArray allBytes()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes;
}

// One round-trip case: encodes a sample, decodes it back and compares; returns a diagnostic
// (empty when the message survived unchanged).
using RoundTrip = std::function<QString(const WireCodec &)>;

template<WireMessage T> RoundTrip roundTripOf(T sample)
{
    return [sample](const WireCodec &codec) -> QString {
        const QByteArray wire = codec.encode(sample);
        const auto back = codec.decode<T>(wire);
        const WireCodec json(WireFormat::Json);
        if (!back)
            return u"decode failed: "_s % back.error().typeName() % u": "_s % back.error().message %
                   u"\nwire (as JSON): "_s % QString::fromUtf8(json.encode(sample));
        if (!(*back == sample))
            return u"differs\nsent:     "_s % QString::fromUtf8(json.encode(sample)) %
                   u"\nreceived: "_s % QString::fromUtf8(json.encode(*back));
        return {};
    };
}

const QList<std::pair<QString, RoundTrip>> &roundTripCases()
{
    static const QList<std::pair<QString, RoundTrip>> cases = [] {
        QList<std::pair<QString, RoundTrip>> c;
        const StreamTarget byName = StreamTarget::byName(u"s1"_s);
        const StreamTarget byArn = StreamTarget::byArn(kArn);
        const StreamTarget both{u"s1"_s, kArn};

        c.append({u"EmptyMessage"_s, roundTripOf(EmptyMessage{})});
        c.append({u"DescribeStreamSummary request"_s, roundTripOf(both)});

        CreateStreamRequest create;
        create.streamName = u"s1"_s;
        create.shardCount = 3;
        create.streamMode = StreamMode::Provisioned;
        create.tags = TagMap{{u"team"_s, u"data"_s}, {u"empty"_s, u""_s}};
        create.maxRecordSizeInKiB = 2048;
        c.append({u"CreateStream request"_s, roundTripOf(create)});
        CreateStreamRequest onDemand;
        onDemand.streamName = u"od"_s;
        onDemand.streamMode = StreamMode::OnDemand;
        c.append({u"CreateStream request on-demand"_s, roundTripOf(onDemand)});

        c.append({u"DeleteStream request"_s, roundTripOf(DeleteStreamRequest{byName, true})});
        c.append(
            {u"DeleteStream request by ARN"_s, roundTripOf(DeleteStreamRequest{byArn, false})});

        c.append({u"ListStreams request"_s, roundTripOf(ListStreamsRequest{5, u"a"_s, {}})});
        c.append(
            {u"ListStreams request token"_s, roundTripOf(ListStreamsRequest{{}, {}, u"tok"_s})});
        ListStreamsResponse listStreams;
        listStreams.streamNames = {u"a"_s, u"b"_s};
        listStreams.hasMoreStreams = true;
        listStreams.nextToken = u"next"_s;
        listStreams.streamSummaries = {
            StreamSummary{u"a"_s, u"arn:a"_s, StreamStatus::Creating, StreamMode::OnDemand, kT0},
            StreamSummary{u"b"_s, u"arn:b"_s, StreamStatus::Updating, StreamMode::Provisioned,
                          1000},
        };
        c.append({u"ListStreams response"_s, roundTripOf(listStreams)});

        c.append({u"DescribeStream request"_s,
                  roundTripOf(DescribeStreamRequest{both, 10, u"shardId-000000000001"_s})});
        StreamDescription description;
        description.streamName = u"s1"_s;
        description.streamArn = kArn;
        description.streamStatus = StreamStatus::Updating;
        description.streamMode = StreamMode::OnDemand;
        description.shards = {sampleShard(0, true), sampleShard(1, true), sampleShard(2, false),
                              sampleShard(3, false)};
        description.hasMoreShards = true;
        description.retentionPeriodHours = 48;
        description.streamCreationTimestamp = kT0;
        description.encryptionType = EncryptionType::Kms;
        description.keyId = u"alias/aws/kinesis"_s;
        c.append({u"DescribeStream response"_s, roundTripOf(description)});

        StreamDescriptionSummary summary;
        summary.streamName = u"s1"_s;
        summary.streamArn = kArn;
        summary.streamId = u"id-1"_s;
        summary.streamStatus = StreamStatus::Deleting;
        summary.streamMode = StreamMode::OnDemand;
        summary.retentionPeriodHours = 168;
        summary.streamCreationTimestamp = kT0;
        summary.encryptionType = EncryptionType::Kms;
        summary.keyId = u"key"_s;
        summary.openShardCount = 4;
        summary.consumerCount = 2;
        summary.maxRecordSizeInKiB = 4096;
        c.append({u"DescribeStreamSummary response"_s, roundTripOf(summary)});

        ListShardsRequest listShards;
        listShards.target = byName;
        listShards.exclusiveStartShardId = u"shardId-000000000000"_s;
        listShards.maxResults = 100;
        listShards.streamCreationTimestamp = kT0;
        listShards.shardFilter = ShardFilter{ShardFilterType::AtTimestamp, {}, kT0 - 1};
        c.append({u"ListShards request"_s, roundTripOf(listShards)});
        ListShardsRequest listShardsToken;
        listShardsToken.nextToken = u"tok"_s;
        listShardsToken.shardFilter =
            ShardFilter{ShardFilterType::AfterShardId, u"shardId-1"_s, {}};
        c.append({u"ListShards request token"_s, roundTripOf(listShardsToken)});
        c.append({u"ListShards response"_s,
                  roundTripOf(ListShardsResponse{{sampleShard(0, true), sampleShard(2, false)},
                                                 u"more"_s})});

        PutRecordRequest put;
        put.target = both;
        put.data = allBytes();
        put.partitionKey = u"ключ-🔑"_s;
        put.explicitHashKey = u"340282366920938463463374607431768211455"_s;
        put.sequenceNumberForOrdering = seq(42, 0).toString();
        c.append({u"PutRecord request"_s, roundTripOf(put)});
        c.append({u"PutRecord response"_s,
                  roundTripOf(PutRecordResponse{u"shardId-000000000002"_s,
                                                seq(SequenceNumber::counterAt(kT0), 2),
                                                EncryptionType::Kms})});

        PutRecordsRequest putRecords;
        putRecords.target = byArn;
        putRecords.records = {
            PutRecordsRequestEntry{QByteArray("one"), u"a"_s, {}},
            PutRecordsRequestEntry{QByteArray("", 0), u"b"_s, u"7"_s},
            PutRecordsRequestEntry{allBytes(), u"c"_s, {}},
        };
        c.append({u"PutRecords request"_s, roundTripOf(putRecords)});
        PutRecordsResponse putRecordsResponse;
        putRecordsResponse.failedRecordCount = 1;
        putRecordsResponse.records = {
            PutRecordsResultEntry{seq(7, 0), u"shardId-000000000000"_s, {}, {}},
            PutRecordsResultEntry{
                {}, {}, u"ProvisionedThroughputExceededException"_s, u"Rate exceeded"_s},
        };
        putRecordsResponse.encryptionType = EncryptionType::Kms;
        c.append({u"PutRecords response"_s, roundTripOf(putRecordsResponse)});

        GetShardIteratorRequest iterator;
        iterator.target = byName;
        iterator.shardId = u"shardId-000000000001"_s;
        iterator.shardIteratorType = ShardIteratorType::AtTimestamp;
        iterator.timestamp = kT0;
        c.append({u"GetShardIterator request"_s, roundTripOf(iterator)});
        GetShardIteratorRequest afterSeq;
        afterSeq.target = byArn;
        afterSeq.shardId = u"shardId-000000000000"_s;
        afterSeq.shardIteratorType = ShardIteratorType::AfterSequenceNumber;
        afterSeq.startingSequenceNumber = seq(99, 0).toString();
        c.append({u"GetShardIterator request after"_s, roundTripOf(afterSeq)});
        c.append({u"GetShardIterator response"_s,
                  roundTripOf(GetShardIteratorResponse{u"AAAA-iter_x"_s})});

        c.append({u"GetRecords request"_s, roundTripOf(GetRecordsRequest{u"iter"_s, 100, kArn})});
        GetRecordsResponse records;
        Record r1;
        r1.sequenceNumber = seq(SequenceNumber::counterAt(kT0), 1);
        r1.approximateArrivalTimestamp = kT0;
        r1.data = allBytes();
        r1.partitionKey = u"pk"_s;
        Record r2 = r1;
        r2.sequenceNumber = seq(SequenceNumber::counterAt(kT0 + 1), 1);
        r2.approximateArrivalTimestamp = kT0 + 877;
        r2.data = QByteArray("", 0);
        r2.encryptionType = EncryptionType::Kms;
        records.records = {r1, r2};
        records.nextShardIterator = u"next"_s;
        records.millisBehindLatest = 1234567890123;
        records.childShards = QList<ChildShard>();
        c.append({u"GetRecords response"_s, roundTripOf(records)});
        GetRecordsResponse endOfShard;
        endOfShard.childShards = QList<ChildShard>{
            ChildShard{u"shardId-000000000002"_s,
                       {u"shardId-000000000000"_s},
                       HashKeyRange{HashKey{0}, HashKey{uint128(1) << 127}}},
            ChildShard{u"shardId-000000000003"_s,
                       {u"shardId-000000000000"_s, u"shardId-000000000001"_s},
                       HashKeyRange{HashKey{(uint128(1) << 127) + 1}, HashKey::max()}},
        };
        c.append({u"GetRecords response end of shard"_s, roundTripOf(endOfShard)});

        c.append({u"SplitShard request"_s,
                  roundTripOf(SplitShardRequest{byName, u"shardId-000000000000"_s,
                                                u"170141183460469231731687303715884105728"_s})});
        c.append({u"MergeShards request"_s,
                  roundTripOf(MergeShardsRequest{byArn, u"shardId-000000000000"_s,
                                                 u"shardId-000000000001"_s})});
        c.append({u"UpdateShardCount request"_s,
                  roundTripOf(UpdateShardCountRequest{byName, 8, ScalingType::UniformScaling})});
        c.append({u"UpdateShardCount response"_s,
                  roundTripOf(UpdateShardCountResponse{u"s1"_s, 4, 8, kArn})});
        c.append({u"RetentionPeriod request"_s, roundTripOf(RetentionPeriodRequest{both, 72})});
        c.append({u"UpdateMaxRecordSize request"_s,
                  roundTripOf(UpdateMaxRecordSizeRequest{byArn, 10240})});
        c.append({u"UpdateStreamMode request"_s,
                  roundTripOf(UpdateStreamModeRequest{kArn, StreamMode::OnDemand})});
        c.append({u"AddTagsToStream request"_s,
                  roundTripOf(
                      AddTagsToStreamRequest{byName, TagMap{{u"k"_s, u"v"_s}, {u"k2"_s, u""_s}}})});
        c.append({u"RemoveTagsFromStream request"_s,
                  roundTripOf(RemoveTagsFromStreamRequest{byName, {u"k"_s, u"k2"_s}})});
        c.append({u"ListTagsForStream request"_s,
                  roundTripOf(ListTagsForStreamRequest{byName, u"a"_s, 10})});
        c.append({u"ListTagsForStream response"_s,
                  roundTripOf(
                      ListTagsForStreamResponse{{Tag{u"a"_s, u"1"_s}, Tag{u"b"_s, u""_s}}, true})});
        c.append({u"TagResource request"_s,
                  roundTripOf(TagResourceRequest{kArn, TagMap{{u"x"_s, u"y"_s}}})});
        c.append({u"UntagResource request"_s, roundTripOf(UntagResourceRequest{kArn, {u"x"_s}})});
        c.append({u"ListTagsForResource request"_s, roundTripOf(ListTagsForResourceRequest{kArn})});
        c.append({u"ListTagsForResource response"_s,
                  roundTripOf(ListTagsForResourceResponse{{Tag{u"x"_s, u"y"_s}}})});
        c.append(
            {u"DescribeLimits response"_s, roundTripOf(DescribeLimitsResponse{500, 12, 3, 50})});
        return c;
    }();
    return cases;
}

// Decoders by name, for data-driven tests of decoding errors.
using Decoder = std::function<std::expected<void, Error>(const WireCodec &, const QByteArray &)>;

template<WireMessage T> Decoder decoderOf()
{
    return [](const WireCodec &codec, const QByteArray &body) -> std::expected<void, Error> {
        const auto decoded = codec.decode<T>(body);
        if (!decoded)
            return std::unexpected(decoded.error());
        return {};
    };
}

Decoder decoderFor(const QString &name)
{
    static const QHash<QString, Decoder> decoders = {
        {u"CreateStream"_s, decoderOf<CreateStreamRequest>()},
        {u"DeleteStream"_s, decoderOf<DeleteStreamRequest>()},
        {u"ListStreams"_s, decoderOf<ListStreamsRequest>()},
        {u"ListShards"_s, decoderOf<ListShardsRequest>()},
        {u"PutRecord"_s, decoderOf<PutRecordRequest>()},
        {u"PutRecords"_s, decoderOf<PutRecordsRequest>()},
        {u"GetShardIterator"_s, decoderOf<GetShardIteratorRequest>()},
        {u"GetRecords"_s, decoderOf<GetRecordsRequest>()},
        {u"GetRecordsResponse"_s, decoderOf<GetRecordsResponse>()},
        {u"UpdateShardCount"_s, decoderOf<UpdateShardCountRequest>()},
        {u"IncreaseStreamRetentionPeriod"_s, decoderOf<RetentionPeriodRequest>()},
        {u"UpdateMaxRecordSize"_s, decoderOf<UpdateMaxRecordSizeRequest>()},
        {u"UpdateStreamMode"_s, decoderOf<UpdateStreamModeRequest>()},
        {u"AddTagsToStream"_s, decoderOf<AddTagsToStreamRequest>()},
        {u"RemoveTagsFromStream"_s, decoderOf<RemoveTagsFromStreamRequest>()},
        {u"TagResource"_s, decoderOf<TagResourceRequest>()},
        {u"UntagResource"_s, decoderOf<UntagResourceRequest>()},
    };
    return decoders.value(name);
}

QJsonObject jsonObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray cbor(const QCborMap &map)
{
    return QCborValue(map).toCbor();
}

// The bytes of CBOR tag 1 around an integer.
QByteArray tag1(qint64 value)
{
    QByteArray out;
    QCborStreamWriter writer(&out);
    writer.append(QCborKnownTags::UnixTime_t);
    writer.append(value);
    return out;
}

} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void nullAndEmptyStayApart_data();
    void nullAndEmptyStayApart();
    void exactJson_data();
    void exactJson();
    void cborEncoding();
    void timestamps_data();
    void timestamps();
    void cborAsTheJavaSdkWritesIt();
    void hostileBodies_data();
    void hostileBodies();
    void deepNestingInsideMember();
    void manyMembers();
    void typeErrors_data();
    void typeErrors();
    void base64_data();
    void base64();
    void hugeNumbers_data();
    void hugeNumbers();
    void validation_data();
    void validation();
    void unknownMembersAreIgnored();
    void contentTypes_data();
    void contentTypes();
    void decodeError_data();
    void decodeError();
    void dispatcherJson();
    void dispatcherCbor();
    void dispatcherErrors();
    void dispatcherEveryOperation();
    void dispatcherStreamsGetRecords_data();
    void dispatcherStreamsGetRecords();
    void dispatcherGetRecordsFailingPartWay_data();
    void dispatcherGetRecordsFailingPartWay();
    void consumerRoundTrip_data();
    void consumerRoundTrip();
    void consumerExactJson();
    void consumerDecodeErrors();
    void dispatcherConsumers();
    void dispatcherConsumersCbor();
};

void TestProtocol::roundTrip_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("useCbor");
    const auto &cases = roundTripCases();
    for (int i = 0; i < cases.size(); ++i) {
        QTest::addRow("%s json", qPrintable(cases[i].first)) << i << false;
        QTest::addRow("%s cbor", qPrintable(cases[i].first)) << i << true;
    }
}

void TestProtocol::roundTrip()
{
    QFETCH(int, index);
    QFETCH(bool, useCbor);
    const WireCodec codec(useCbor ? WireFormat::Cbor : WireFormat::Json);
    const QString problem = roundTripCases().at(index).second(codec);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestProtocol::nullAndEmptyStayApart_data()
{
    QTest::addColumn<bool>("useCbor");
    QTest::newRow("json") << false;
    QTest::newRow("cbor") << true;
}

void TestProtocol::nullAndEmptyStayApart()
{
    QFETCH(bool, useCbor);
    const WireCodec codec(useCbor ? WireFormat::Cbor : WireFormat::Json);

    QCborMap present;
    present.insert(u"StreamName"_s, u""_s);
    present.insert(u"PartitionKey"_s, u""_s);
    present.insert(u"ExplicitHashKey"_s, u""_s);
    present.insert(u"Data"_s, useCbor ? QCborValue(QByteArray()) : QCborValue(u""_s));
    present.insert(u"StreamARN"_s, QCborValue(QCborValue::Null)); // null is absent
    const auto a = codec.fromMap<PutRecordRequest>(present);
    QVERIFY(a.has_value());
    QVERIFY(!a->target.streamName.isNull());
    QVERIFY(a->target.streamName.isEmpty());
    QVERIFY(!a->partitionKey.isNull());
    QVERIFY(a->explicitHashKey.has_value());
    QVERIFY(a->explicitHashKey->isEmpty());
    QVERIFY(!a->data.isNull());
    QVERIFY(a->data.isEmpty());
    QVERIFY(a->target.streamArn.isNull());
    QVERIFY(!a->sequenceNumberForOrdering.has_value());

    const auto b = codec.decode<PutRecordRequest>(codec.encode(EmptyMessage{}));
    QVERIFY(b.has_value());
    QVERIFY(b->target.streamName.isNull());
    QVERIFY(b->partitionKey.isNull());
    QVERIFY(b->data.isNull());
    QVERIFY(!b->explicitHashKey.has_value());

    // Encoding keeps them apart too: empty strings are sent, null ones are not.
    PutRecordRequest request;
    request.target.streamName = u""_s;
    request.data = QByteArray("", 0);
    const QCborMap map = codec.toMap(request);
    QVERIFY(map.contains(u"StreamName"_s));
    QVERIFY(map.contains(u"Data"_s));
    QVERIFY(!map.contains(u"PartitionKey"_s));
    QVERIFY(!map.contains(u"StreamARN"_s));
    const auto back = codec.decode<PutRecordRequest>(codec.encode(request));
    QVERIFY(back.has_value());
    QVERIFY(!back->target.streamName.isNull());
    QVERIFY(!back->data.isNull());
    QVERIFY(back->partitionKey.isNull());

    // ListStreams: NextToken "" is a (bad) value, not an absent one.
    QCborMap list;
    list.insert(u"NextToken"_s, u""_s);
    const auto l = codec.fromMap<ListStreamsRequest>(list);
    QVERIFY(l.has_value());
    QVERIFY(!l->nextToken.isNull());
    QVERIFY(l->exclusiveStartStreamName.isNull());
}

void TestProtocol::exactJson_data()
{
    QTest::addColumn<QByteArray>("actual");
    QTest::addColumn<QByteArray>("expected");
    const WireCodec json(WireFormat::Json);

    StreamDescription d;
    d.streamName = u"s"_s;
    d.streamArn = u"arn:aws:kinesis:us-east-1:000000000000:stream/s"_s;
    Shard shard;
    shard.shardId = u"shardId-000000000000"_s;
    shard.hashKeyRange = HashKeyRange{HashKey{0}, HashKey::max()};
    shard.startingSequenceNumber = seq(1, 0);
    d.shards = {shard};
    d.streamCreationTimestamp = 1700000000000;
    QTest::newRow("DescribeStream")
        << json.encode(d)
        << QByteArray(
               R"({"StreamDescription":{"StreamName":"s","StreamARN":"arn:aws:kinesis:us-east-1:000000000000:stream/s",)"
               R"("StreamStatus":"ACTIVE","StreamModeDetails":{"StreamMode":"PROVISIONED"},"Shards":[{"ShardId":"shardId-000000000000",)"
               R"("HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"340282366920938463463374607431768211455"},)"
               R"("SequenceNumberRange":{"StartingSequenceNumber":"49000000000000000000000001000000000000000000010000000000"}}],"HasMoreShards":false,)"
               R"("RetentionPeriodHours":24,"StreamCreationTimestamp":1700000000,"EnhancedMonitoring":[{"ShardLevelMetrics":[]}],)"
               R"("EncryptionType":"NONE"}})");

    StreamDescription closed = d;
    closed.shards[0].parentShardId = u"shardId-000000000007"_s;
    closed.shards[0].endingSequenceNumber = seq(2, 0);
    closed.encryptionType = EncryptionType::Kms;
    closed.keyId = u"alias/k"_s;
    closed.streamStatus = StreamStatus::Updating;
    QTest::newRow("DescribeStream closed shard, KMS")
        << json.encode(closed)
        << QByteArray(
               R"({"StreamDescription":{"StreamName":"s","StreamARN":"arn:aws:kinesis:us-east-1:000000000000:stream/s",)"
               R"("StreamStatus":"UPDATING","StreamModeDetails":{"StreamMode":"PROVISIONED"},"Shards":[{"ShardId":"shardId-000000000000",)"
               R"("ParentShardId":"shardId-000000000007",)"
               R"("HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"340282366920938463463374607431768211455"},)"
               R"("SequenceNumberRange":{"StartingSequenceNumber":"49000000000000000000000001000000000000000000010000000000",)"
               R"("EndingSequenceNumber":"49000000000000000000000001000000000000000000020000000000"}}],"HasMoreShards":false,)"
               R"("RetentionPeriodHours":24,"StreamCreationTimestamp":1700000000,"EnhancedMonitoring":[{"ShardLevelMetrics":[]}],)"
               R"("EncryptionType":"KMS","KeyId":"alias/k"}})");

    GetRecordsResponse records;
    Record record;
    record.sequenceNumber = seq(5, 1);
    record.approximateArrivalTimestamp = kT0;
    record.data = QByteArray("hi\0", 3);
    record.partitionKey = u"pk"_s;
    records.records = {record};
    records.nextShardIterator = u"iter"_s;
    QTest::newRow("GetRecords")
        << json.encode(records)
        << QByteArray(
               R"({"Records":[{"SequenceNumber":"49000000000000000000000001000000000000000000050000000001",)"
               R"("ApproximateArrivalTimestamp":1700000000.123,"Data":"aGkA","PartitionKey":"pk"}],)"
               R"("NextShardIterator":"iter","MillisBehindLatest":0})");

    GetRecordsResponse end;
    end.millisBehindLatest = 0;
    end.childShards = QList<ChildShard>{ChildShard{u"shardId-000000000001"_s,
                                                   {u"shardId-000000000000"_s},
                                                   HashKeyRange{HashKey{0}, HashKey{99}}}};
    QTest::newRow("GetRecords end of shard")
        << json.encode(end)
        << QByteArray(
               R"({"Records":[],"MillisBehindLatest":0,"ChildShards":[{"ShardId":"shardId-000000000001",)"
               R"("ParentShards":["shardId-000000000000"],"HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"99"}}]})");

    PutRecordsResponse put;
    put.failedRecordCount = 1;
    put.records = {
        PutRecordsResultEntry{seq(7, 0), u"shardId-000000000000"_s, {}, {}},
        PutRecordsResultEntry{
            {},
            {},
            u"ProvisionedThroughputExceededException"_s,
            u"Rate exceeded for shard shardId-000000000000 in stream s under account 000000000000."_s},
    };
    QTest::newRow("PutRecords with a failed entry")
        << json.encode(put)
        << QByteArray(
               R"({"FailedRecordCount":1,"Records":[{"SequenceNumber":"49000000000000000000000001000000000000000000070000000000",)"
               R"("ShardId":"shardId-000000000000"},{"ErrorCode":"ProvisionedThroughputExceededException",)"
               R"("ErrorMessage":"Rate exceeded for shard shardId-000000000000 in stream s under account 000000000000."}],)"
               R"("EncryptionType":"NONE"})");

    QTest::newRow("empty output") << json.encode(EmptyMessage{}) << QByteArray("{}");

    QTest::newRow("ResourceNotFoundException")
        << json.encodeError(Error::streamNotFound(u"s"_s, u"000000000000"_s))
        << QByteArray(
               R"({"__type":"ResourceNotFoundException","message":"Stream s under account 000000000000 not found."})");
    QTest::newRow("SerializationException uses Message")
        << json.encodeError(Error{ErrorType::Serialization, u"Expected null"_s})
        << QByteArray(R"({"__type":"SerializationException","Message":"Expected null"})");
    QTest::newRow("no message") << json.encodeError(Error{ErrorType::UnknownOperation, {}})
                                << QByteArray(R"({"__type":"UnknownOperationException"})");
    QTest::newRow("escaping") << json.encodeError(
                                     Error{ErrorType::InvalidArgument, u"a\"b\\c\n\t\u0001é/"_s})
                              << QByteArray("{\"__type\":\"InvalidArgumentException\",\"message\":"
                                            "\"a\\\"b\\\\c\\n\\t\\u0001\xc3\xa9/\"}");
}

void TestProtocol::exactJson()
{
    QFETCH(QByteArray, actual);
    QFETCH(QByteArray, expected);
    QCOMPARE(actual, expected);
    // And it is JSON that a standard parser reads.
    QJsonParseError error;
    QJsonDocument::fromJson(actual, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
}

void TestProtocol::cborEncoding()
{
    const WireCodec codec(WireFormat::Cbor);
    GetRecordsResponse records;
    Record record;
    record.sequenceNumber = seq(5, 1);
    record.approximateArrivalTimestamp = kT0;
    record.data = QByteArray("\x00\xff", 2);
    record.partitionKey = u"pk"_s;
    records.records = {record};
    const auto map = codec.parse(codec.encode(records));
    QVERIFY(map.has_value());
    const QCborMap first = map->value(u"Records"_s).toArray().at(0).toMap();
    const QCborValue data = first.value(u"Data"_s);
    QVERIFY(data.isByteArray());
    QCOMPARE(data.toByteArray(), QByteArray("\x00\xff", 2));
    // Tag 1 around integer epoch milliseconds, as the Java SDK reads them.
    QCOMPARE(first.value(u"ApproximateArrivalTimestamp"_s).toInteger(), kT0);
    QVERIFY(codec.encode(records).contains(tag1(kT0)));
    // Also when the value is small enough for QCborValue to take it for a date in seconds.
    ListStreamsResponse small;
    small.streamSummaries = {
        StreamSummary{u"a"_s, u"arn"_s, StreamStatus::Active, StreamMode::Provisioned, 1000}};
    QVERIFY(codec.encode(small).contains(tag1(1000)));
    QCOMPARE(codec.contentType(), QByteArray("application/x-amz-cbor-1.1"));
    QCOMPARE(WireCodec(WireFormat::Json).contentType(), QByteArray("application/x-amz-json-1.1"));

    // Errors carry the same keys in CBOR.
    const auto error = codec.parse(codec.encodeError(Error{ErrorType::Serialization, u"x"_s}));
    QVERIFY(error.has_value());
    QCOMPARE(error->value(u"__type"_s).toString(), u"SerializationException"_s);
    QCOMPARE(error->value(u"Message"_s).toString(), u"x"_s);
}

void TestProtocol::timestamps_data()
{
    QTest::addColumn<bool>("useCbor");
    QTest::addColumn<QCborValue>("wire");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("json whole seconds") << false << QCborValue(1700000000) << qint64(1700000000000);
    QTest::newRow("json fractional seconds") << false << QCborValue(1700000000.123) << kT0;
    QTest::newRow("json negative") << false << QCborValue(-1.5) << qint64(-1500);
    QTest::newRow("json huge saturates")
        << false << QCborValue(1e300) << std::numeric_limits<qint64>::max();
    QTest::newRow("cbor plain ms") << true << QCborValue(kT0) << kT0;
    QTest::newRow("cbor tag 1 ms")
        << true << QCborValue(QCborKnownTags::UnixTime_t, QCborValue(kT0)) << kT0;
    // Small enough that QCborValue::fromCbor would have turned it into a date of 1000 s.
    QTest::newRow("cbor tag 1 small")
        << true << QCborValue(QCborKnownTags::UnixTime_t, QCborValue(1000)) << qint64(1000);
    QTest::newRow("cbor tag 1 float")
        << true << QCborValue(QCborKnownTags::UnixTime_t, QCborValue(1700000000123.0)) << kT0;
    QTest::newRow("cbor float") << true << QCborValue(1500.4) << qint64(1500);
}

void TestProtocol::timestamps()
{
    QFETCH(bool, useCbor);
    QFETCH(QCborValue, wire);
    QFETCH(qint64, expectedMs);
    const WireCodec codec(useCbor ? WireFormat::Cbor : WireFormat::Json);
    QCborMap map;
    map.insert(u"ShardId"_s, u"shardId-0"_s);
    map.insert(u"ShardIteratorType"_s, u"AT_TIMESTAMP"_s);
    map.insert(u"Timestamp"_s, wire);
    // Through the bytes, so the parser is exercised too.
    const auto decoded = codec.decode<GetShardIteratorRequest>(codec.serialize(map));
    QVERIFY2(decoded.has_value(), qPrintable(decoded ? QString() : decoded.error().message));
    QVERIFY(decoded->timestamp.has_value());
    QCOMPARE(*decoded->timestamp, expectedMs);
}

void TestProtocol::cborAsTheJavaSdkWritesIt()
{
    // Indefinite-length map, a chunked text string, a byte string, tag 1 around milliseconds.
    QByteArray body("\xbf", 1);
    body += QByteArray("\x6aStreamName", 11) + QByteArray("\x7f\x62or\x64"
                                                          "ders\xff",
                                                          10);
    body += QByteArray("\x67ShardId", 8) + QByteArray("\x74shardId-000000000000", 21);
    body += QByteArray("\x71ShardIteratorType", 18) + QByteArray("\x6c"
                                                                 "AT_TIMESTAMP",
                                                                 13);
    body += QByteArray("\x69Timestamp", 10) + tag1(kT0);
    body += QByteArray("\x68StreamId\x40", 10); // a byte string where a string is expected
    body += '\xff';
    const WireCodec codec(WireFormat::Cbor);
    auto decoded = codec.decode<GetShardIteratorRequest>(body);
    QVERIFY(!decoded.has_value());
    QCOMPARE(decoded.error().message,
             u"class java.nio.HeapByteBuffer can not be converted to an String"_s);

    body.chop(11);
    body += '\xff';
    decoded = codec.decode<GetShardIteratorRequest>(body);
    QVERIFY2(decoded.has_value(), qPrintable(decoded ? QString() : decoded.error().message));
    QCOMPARE(decoded->target.streamName, u"orders"_s);
    QCOMPARE(decoded->shardId, u"shardId-000000000000"_s);
    QCOMPARE(decoded->shardIteratorType, ShardIteratorType::AtTimestamp);
    QCOMPARE(decoded->timestamp, std::optional<qint64>(kT0));

    // Negative integers and half floats are numbers too.
    QByteArray numbers("\xa1\x65Limit\x38\x63", 9); // -100
    auto limit = codec.decode<ListStreamsRequest>(numbers);
    QVERIFY(limit.has_value());
    QCOMPARE(limit->limit, std::optional<int>(-100));
    numbers = QByteArray("\xa1\x65Limit\xf9\x3e\x00", 10); // half-float 1.5
    limit = codec.decode<ListStreamsRequest>(numbers);
    QVERIFY(limit.has_value());
    QCOMPARE(limit->limit, std::optional<int>(1));
    numbers = QByteArray("\xa1\x65Limit\x3b\xff\xff\xff\xff\xff\xff\xff\xff", 16); // -2^64
    limit = codec.decode<ListStreamsRequest>(numbers);
    QVERIFY(limit.has_value());
    QCOMPARE(limit->limit, std::optional<int>(std::numeric_limits<int>::min()));
}

void TestProtocol::hostileBodies_data()
{
    QTest::addColumn<bool>("useCbor");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("json empty") << false << QByteArray();
    QTest::newRow("json truncated") << false << QByteArray(R"({"StreamName":"s","Shard)");
    QTest::newRow("json truncated string") << false << QByteArray(R"({"StreamName":"s)");
    QTest::newRow("json not an object") << false << QByteArray("[1,2]");
    QTest::newRow("json scalar") << false << QByteArray("\"x\"");
    QTest::newRow("json null") << false << QByteArray("null");
    QTest::newRow("json garbage") << false << QByteArray("\x00\xff\xfe", 3);
    QTest::newRow("json trailing comma") << false << QByteArray(R"({"a":1,})");
    QTest::newRow("json 100k nested arrays")
        << false
        << QByteArray(QByteArray("{\"StreamName\":") + QByteArray(100000, '[') +
                      QByteArray(100000, ']') + '}');
    QByteArray deepObjects;
    for (int i = 0; i < 100000; ++i)
        deepObjects += "{\"a\":";
    deepObjects += "1" + QByteArray(100000, '}');
    QTest::newRow("json 100k nested objects") << false << deepObjects;
    QTest::newRow("json unterminated nesting") << false << QByteArray(100000, '[');

    QTest::newRow("cbor empty") << true << QByteArray();
    QTest::newRow("cbor not a map") << true << QCborValue(QCborArray{1, 2}).toCbor();
    QTest::newRow("cbor truncated")
        << true << cbor(QCborMap{{u"StreamName"_s, u"stream"_s}}).chopped(3);
    QTest::newRow("cbor trailing bytes")
        << true << QByteArray(cbor(QCborMap{{u"a"_s, 1}}) + QByteArray("\x01", 1));
    QTest::newRow("cbor 100k nested arrays")
        << true
        << QByteArray(QByteArray("\xa1\x61\x61", 3) + QByteArray(100000, '\x81') +
                      QByteArray("\x01", 1));
    QTest::newRow("cbor 100k nested indefinite arrays")
        << true << QByteArray(QByteArray("\xa1\x61\x61", 3) + QByteArray(100000, '\x9f'));
    QTest::newRow("cbor 100k nested tags")
        << true
        << QByteArray(QByteArray("\xa1\x61\x61", 3) + QByteArray(100000, '\xc1') +
                      QByteArray("\x01", 1));
    QTest::newRow("cbor huge declared byte string")
        << true << QByteArray("\xa1\x61\x61\x5b\x40\x00\x00\x00\x00\x00\x00\x00", 12);
    QTest::newRow("cbor huge declared array")
        << true << QByteArray("\xa1\x61\x61\x9b\x40\x00\x00\x00\x00\x00\x00\x00", 12);
    QTest::newRow("cbor indefinite map without break") << true << QByteArray("\xbf\x61\x61\x01", 4);
    QTest::newRow("cbor reserved byte") << true << QByteArray("\xa1\x61\x61\x1c", 4);
    QTest::newRow("cbor json text") << true << QByteArray(R"({"StreamName":"s"})");
}

void TestProtocol::hostileBodies()
{
    QFETCH(bool, useCbor);
    QFETCH(QByteArray, body);
    const WireCodec codec(useCbor ? WireFormat::Cbor : WireFormat::Json);
    const auto parsed = codec.parse(body);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().type, ErrorType::Serialization);
    QVERIFY(parsed.error().message.isEmpty());
    // The error body then has no message member at all.
    QCOMPARE(codec.encodeError(parsed.error()),
             codec.serialize(QCborMap{{u"__type"_s, u"SerializationException"_s}}));
}

void TestProtocol::deepNestingInsideMember()
{
    // Deep, but within the parsers' limits: the member is a list where a string is expected.
    const WireCodec json(WireFormat::Json);
    const QByteArray body =
        "{\"StreamName\":" + QByteArray(1000, '[') + QByteArray(1000, ']') + '}';
    const auto decoded = json.decode<CreateStreamRequest>(body);
    QVERIFY(!decoded.has_value());
    QCOMPARE(decoded.error().message, u"Start of list found where not expected"_s);

    // Deep structures under an unknown member are parsed and ignored.
    const QByteArray ignored =
        "{\"Other\":" + QByteArray(1000, '[') + QByteArray(1000, ']') + ",\"StreamName\":\"s\"}";
    const auto ok = json.decode<CreateStreamRequest>(ignored);
    QVERIFY(ok.has_value());
    QCOMPARE(ok->streamName, u"s"_s);

    const WireCodec cborCodec(WireFormat::Cbor);
    const QByteArray cborBody =
        QByteArray("\xa1\x6aStreamName", 12) + QByteArray(50, '\x81') + QByteArray("\x01", 1);
    const auto c = cborCodec.decode<CreateStreamRequest>(cborBody);
    QVERIFY(!c.has_value());
    QCOMPARE(c.error().type, ErrorType::Serialization);
    QCOMPARE(c.error().message, u"Start of list found where not expected"_s);
}

void TestProtocol::manyMembers()
{
    // Hundreds of thousands of unknown members must cost linear time, not quadratic.
    QByteArray json = "{";
    for (int i = 0; i < 300000; ++i)
        json += "\"m" + QByteArray::number(i) + "\":1,";
    json += "\"StreamName\":\"s\"}";
    const auto fromJson = WireCodec(WireFormat::Json).decode<CreateStreamRequest>(json);
    QVERIFY(fromJson.has_value());
    QCOMPARE(fromJson->streamName, u"s"_s);

    QByteArray cborBody("\xbf", 1);
    for (int i = 0; i < 300000; ++i)
        cborBody += QByteArray("\x01\x01", 2); // integer keys, ignored
    cborBody += QByteArray("\x6aStreamName\x61s\xff", 14);
    const auto fromCbor = WireCodec(WireFormat::Cbor).decode<CreateStreamRequest>(cborBody);
    QVERIFY(fromCbor.has_value());
    QCOMPARE(fromCbor->streamName, u"s"_s);
}

void TestProtocol::typeErrors_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const QString toInteger = u"class java.lang.String can not be converted to an Integer"_s;
    const QString boolToInteger = u"class java.lang.Boolean can not be converted to an Integer"_s;
    const QString numberToString =
        u"class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String"_s;
    const QString startOfStructure = u"Start of structure or map found where not expected."_s;
    const QString startOfList = u"Start of list found where not expected"_s;

    QTest::newRow("string for Integer")
        << u"CreateStream"_s << QByteArray(R"({"StreamName":"s","ShardCount":"1"})") << toInteger;
    QTest::newRow("bool for Integer")
        << u"CreateStream"_s << QByteArray(R"({"ShardCount":true})") << boolToInteger;
    QTest::newRow("object for Integer")
        << u"GetRecords"_s << QByteArray(R"({"Limit":{}})") << startOfStructure;
    QTest::newRow("list for Integer")
        << u"GetRecords"_s << QByteArray(R"({"Limit":[1]})") << startOfList;
    QTest::newRow("string for Long")
        << u"GetRecordsResponse"_s << QByteArray(R"({"Records":[],"MillisBehindLatest":"5"})")
        << u"class java.lang.String can not be converted to an Long"_s;
    QTest::newRow("number for String")
        << u"CreateStream"_s << QByteArray(R"({"StreamName":5})") << numberToString;
    QTest::newRow("float for String")
        << u"CreateStream"_s << QByteArray(R"({"StreamName":5.5})") << numberToString;
    QTest::newRow("bool for String")
        << u"CreateStream"_s << QByteArray(R"({"StreamName":false})")
        << u"class java.lang.Boolean can not be converted to an String"_s;
    QTest::newRow("object for String")
        << u"CreateStream"_s << QByteArray(R"({"StreamName":{"a":1}})") << startOfStructure;
    QTest::newRow("list for String")
        << u"CreateStream"_s << QByteArray(R"({"StreamName":["s"]})") << startOfList;
    QTest::newRow("number for Boolean")
        << u"DeleteStream"_s << QByteArray(R"({"StreamName":"s","EnforceConsumerDeletion":1})")
        << u"class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an Boolean"_s;
    QTest::newRow("string for Boolean")
        << u"DeleteStream"_s << QByteArray(R"({"EnforceConsumerDeletion":"maybe"})")
        << u"'MAYBE' can not be converted to an Boolean"_s;
    QTest::newRow("list for Boolean")
        << u"DeleteStream"_s << QByteArray(R"({"EnforceConsumerDeletion":[]})") << startOfList;
    QTest::newRow("bool for Blob") << u"PutRecord"_s << QByteArray(R"({"Data":true})")
                                   << u"class java.lang.Boolean can not be converted to a Blob"_s;
    QTest::newRow("number for Blob")
        << u"PutRecord"_s << QByteArray(R"({"Data":12})")
        << u"class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to a Blob"_s;
    QTest::newRow("object for Blob")
        << u"PutRecord"_s << QByteArray(R"({"Data":{}})") << startOfStructure;
    QTest::newRow("string for Timestamp")
        << u"GetShardIterator"_s << QByteArray(R"({"Timestamp":"2020-01-01T00:00:00Z"})")
        << u"class java.lang.String can not be converted to milliseconds since epoch"_s;
    QTest::newRow("bool for Timestamp")
        << u"ListShards"_s << QByteArray(R"({"StreamCreationTimestamp":true})")
        << u"class java.lang.Boolean can not be converted to milliseconds since epoch"_s;
    QTest::newRow("scalar for list")
        << u"PutRecords"_s << QByteArray(R"({"Records":"x"})") << u"Expected list or null"_s;
    QTest::newRow("object for list")
        << u"PutRecords"_s << QByteArray(R"({"Records":{}})") << startOfStructure;
    QTest::newRow("scalar in list of structures")
        << u"PutRecords"_s << QByteArray(R"({"Records":[1]})") << u"Expected null"_s;
    QTest::newRow("list in list of structures")
        << u"PutRecords"_s << QByteArray(R"({"Records":[[]]})") << startOfList;
    QTest::newRow("bad member in entry")
        << u"PutRecords"_s << QByteArray(R"({"Records":[{"Data":"AA==","PartitionKey":1}]})")
        << numberToString;
    QTest::newRow("scalar for map")
        << u"AddTagsToStream"_s << QByteArray(R"({"Tags":"x"})") << u"Expected map or null"_s;
    QTest::newRow("list for map") << u"AddTagsToStream"_s << QByteArray(R"({"Tags":[]})")
                                  << startOfList;
    QTest::newRow("number in map")
        << u"AddTagsToStream"_s << QByteArray(R"({"Tags":{"a":1}})") << numberToString;
    QTest::newRow("number in string list")
        << u"RemoveTagsFromStream"_s << QByteArray(R"({"TagKeys":["a",2]})") << numberToString;
    QTest::newRow("scalar for structure")
        << u"CreateStream"_s << QByteArray(R"({"StreamName":"s","StreamModeDetails":"ON_DEMAND"})")
        << u"Expected null"_s;
    QTest::newRow("list for structure")
        << u"ListShards"_s << QByteArray(R"({"ShardFilter":[]})") << startOfList;
    QTest::newRow("ignored member is still typed")
        << u"PutRecord"_s << QByteArray(R"({"StreamId":1})") << numberToString;
    // Type errors win over validation errors, wherever they are.
    QTest::newRow("type error beats enum error")
        << u"GetShardIterator"_s << QByteArray(R"({"ShardIteratorType":"BAD","StreamARN":7})")
        << numberToString;
}

void TestProtocol::typeErrors()
{
    QFETCH(QString, operation);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const Decoder decode = decoderFor(operation);
    QVERIFY(decode);
    const auto result = decode(WireCodec(WireFormat::Json), body);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().type, ErrorType::Serialization);
    QCOMPARE(result.error().message, message);

    // The same document in CBOR gives the same answer.
    const WireCodec cborCodec(WireFormat::Cbor);
    const auto asCbor = decode(cborCodec, cbor(QCborMap::fromJsonObject(jsonObject(body))));
    QVERIFY(!asCbor.has_value());
    QCOMPARE(asCbor.error().message, message);
}

void TestProtocol::base64_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("message"); // empty: valid
    QTest::addColumn<QByteArray>("decoded");
    const QString prefix = u"can not be converted to a Blob: "_s;
    QTest::newRow("empty") << u""_s << QString() << QByteArray("", 0);
    QTest::newRow("one byte") << u"AA=="_s << QString() << QByteArray("\0", 1);
    QTest::newRow("hello") << u"aGVsbG8="_s << QString() << QByteArray("hello");
    QTest::newRow("all alphabet") << u"+/+/"_s << QString() << QByteArray("\xfb\xff\xbf", 3);
    QTest::newRow("length")
        << u"abc"_s
        << QString(u"'abc' "_s + prefix +
                   u"Base64 encoded length is expected a multiple of 4 bytes but found: 3"_s)
        << QByteArray();
    QTest::newRow("length wins over character")
        << u"a$c"_s
        << QString(u"'a$c' "_s + prefix +
                   u"Base64 encoded length is expected a multiple of 4 bytes but found: 3"_s)
        << QByteArray();
    QTest::newRow("invalid character")
        << u"ab$d"_s << QString(u"'ab$d' "_s + prefix + u"Invalid Base64 character: '$'"_s)
        << QByteArray();
    QTest::newRow("url-safe character")
        << u"ab-_"_s << QString(u"'ab-_' "_s + prefix + u"Invalid Base64 character: '-'"_s)
        << QByteArray();
    QTest::newRow("padding in the middle")
        << u"a=bc"_s << QString(u"'a=bc' "_s + prefix + u"Invalid Base64 character: '='"_s)
        << QByteArray();
    QTest::newRow("non-ascii") << u"abcé"_s
                               << QString(u"'abcé' "_s + prefix +
                                          u"Invalid Base64 character: 'é'"_s)
                               << QByteArray();
    QTest::newRow("non-canonical last character")
        << u"AB=="_s
        << QString(u"'AB==' "_s + prefix + u"Invalid last non-pad Base64 character dectected"_s)
        << QByteArray();
    QTest::newRow("only padding") << u"===="_s
                                  << QString(u"'====' "_s + prefix +
                                             u"Invalid last non-pad Base64 character dectected"_s)
                                  << QByteArray();
    QTest::newRow("too much padding")
        << u"A==="_s
        << QString(u"'A===' "_s + prefix + u"Invalid last non-pad Base64 character dectected"_s)
        << QByteArray();
}

void TestProtocol::base64()
{
    QFETCH(QString, data);
    QFETCH(QString, message);
    QFETCH(QByteArray, decoded);
    // A text string is base64 in CBOR too (the Java SDK sends byte strings, others may not).
    for (WireFormat format : {WireFormat::Json, WireFormat::Cbor}) {
        const WireCodec codec(format);
        QCborMap map;
        map.insert(u"Data"_s, data);
        map.insert(u"PartitionKey"_s, u"k"_s);
        const auto result = codec.decode<PutRecordRequest>(codec.serialize(map));
        if (message.isEmpty()) {
            QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().message));
            QCOMPARE(result->data, decoded);
            QVERIFY(!result->data.isNull());
        } else {
            QVERIFY(!result.has_value());
            QCOMPARE(result.error().type, ErrorType::Serialization);
            QCOMPARE(result.error().message, message);
        }
    }
}

void TestProtocol::hugeNumbers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("limit");
    const int max = std::numeric_limits<int>::max();
    const int min = std::numeric_limits<int>::min();
    QTest::newRow("int max") << QByteArray(R"({"Limit":2147483647})") << max;
    QTest::newRow("int max + 1") << QByteArray(R"({"Limit":2147483648})") << max;
    QTest::newRow("beyond int64") << QByteArray(R"({"Limit":12345678901234567890})") << max;
    QTest::newRow("1e20") << QByteArray(R"({"Limit":1e20})") << max;
    QTest::newRow("1e308") << QByteArray(R"({"Limit":1e308})") << max;
    QTest::newRow("-1e20") << QByteArray(R"({"Limit":-1e20})") << min;
    QTest::newRow("fraction is floored") << QByteArray(R"({"Limit":2.9})") << 2;
    QTest::newRow("negative fraction is floored") << QByteArray(R"({"Limit":-0.5})") << -1;
}

void TestProtocol::hugeNumbers()
{
    QFETCH(QByteArray, body);
    QFETCH(int, limit);
    const WireCodec json(WireFormat::Json);
    const auto decoded = json.decode<ListStreamsRequest>(body);
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->limit, std::optional<int>(limit));
    const WireCodec cborCodec(WireFormat::Cbor);
    const auto viaCbor =
        cborCodec.decode<ListStreamsRequest>(cbor(QCborMap::fromJsonObject(jsonObject(body))));
    QVERIFY(viaCbor.has_value());
    QCOMPARE(viaCbor->limit, std::optional<int>(limit));
}

void TestProtocol::validation_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const QString one = u"1 validation error detected: "_s;
    QTest::newRow("bad ShardIteratorType")
        << u"GetShardIterator"_s
        << QByteArray(R"({"StreamName":"s","ShardId":"0","ShardIteratorType":"X"})")
        << QString(
               one +
               u"Value 'X' at 'shardIteratorType' failed to satisfy constraint: Member must "
               u"satisfy enum value "
               "set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_TIMESTAMP, AT_SEQUENCE_NUMBER, TRIM_HORIZON]"_s);
    QTest::newRow("empty ShardIteratorType")
        << u"GetShardIterator"_s << QByteArray(R"({"ShardIteratorType":""})")
        << QString(
               one +
               u"Value '' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy "
               u"enum value "
               "set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_TIMESTAMP, AT_SEQUENCE_NUMBER, TRIM_HORIZON]"_s);
    QTest::newRow("lowercase ShardIteratorType")
        << u"GetShardIterator"_s << QByteArray(R"({"ShardIteratorType":"latest"})")
        << QString(
               one +
               u"Value 'latest' at 'shardIteratorType' failed to satisfy constraint: Member must "
               u"satisfy enum "
               "value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_TIMESTAMP, AT_SEQUENCE_NUMBER, TRIM_HORIZON]"_s);
    QTest::newRow("missing ShardIteratorType")
        << u"GetShardIterator"_s << QByteArray(R"({"StreamName":"s","ShardId":"0"})")
        << QString(
               one +
               u"Value null at 'shardIteratorType' failed to satisfy constraint: Member must not be null"_s);
    QTest::newRow("null ShardIteratorType")
        << u"GetShardIterator"_s << QByteArray(R"({"ShardIteratorType":null})")
        << QString(
               one +
               u"Value null at 'shardIteratorType' failed to satisfy constraint: Member must not be null"_s);
    QTest::newRow("bad ScalingType and no target")
        << u"UpdateShardCount"_s << QByteArray(R"({"StreamName":"s","ScalingType":"X"})")
        << u"2 validation errors detected: Value 'X' at 'scalingType' failed to satisfy "
           u"constraint: Member must "
           "satisfy enum value set: [UNIFORM_SCALING]; Value null at 'targetShardCount' failed to "
           "satisfy "
           "constraint: Member must not be null"_s;
    QTest::newRow("bad StreamMode")
        << u"UpdateStreamMode"_s
        << QByteArray(R"({"StreamARN":"a","StreamModeDetails":{"StreamMode":"X"}})")
        << QString(one + u"Value 'X' at 'streamModeDetails.streamMode' failed to satisfy "
                         u"constraint: Member must satisfy "
                         "enum value set: [PROVISIONED, ON_DEMAND]"_s);
    QTest::newRow("missing StreamModeDetails")
        << u"UpdateStreamMode"_s << QByteArray(R"({"StreamARN":"a"})")
        << QString(
               one +
               u"Value null at 'streamModeDetails' failed to satisfy constraint: Member must not be null"_s);
    QTest::newRow("missing StreamMode")
        << u"CreateStream"_s << QByteArray(R"({"StreamName":"s","StreamModeDetails":{}})")
        << QString(
               one +
               u"Value null at 'streamModeDetails.streamMode' failed to satisfy constraint: Member must not be null"_s);
    QTest::newRow("bad ShardFilter type")
        << u"ListShards"_s << QByteArray(R"({"StreamName":"s","ShardFilter":{"Type":"NOPE"}})")
        << QString(
               one +
               u"Value 'NOPE' at 'shardFilter.type' failed to satisfy constraint: Member must "
               u"satisfy enum value "
               "set: [AFTER_SHARD_ID, AT_TRIM_HORIZON, FROM_TRIM_HORIZON, AT_LATEST, AT_TIMESTAMP, FROM_TIMESTAMP]"_s);
    QTest::newRow("missing Records")
        << u"PutRecords"_s << QByteArray(R"({"StreamName":"s"})")
        << QString(
               one +
               u"Value null at 'records' failed to satisfy constraint: Member must not be null"_s);
    QTest::newRow("missing Tags")
        << u"AddTagsToStream"_s << QByteArray(R"({"StreamName":"s"})")
        << QString(one +
                   u"Value null at 'tags' failed to satisfy constraint: Member must not be null"_s);
    QTest::newRow("missing TagKeys")
        << u"UntagResource"_s << QByteArray(R"({"ResourceARN":"a"})")
        << QString(
               one +
               u"Value null at 'tagKeys' failed to satisfy constraint: Member must not be null"_s);
    QTest::newRow("missing RetentionPeriodHours")
        << u"IncreaseStreamRetentionPeriod"_s << QByteArray(R"({"StreamName":"s"})")
        << QString(
               one +
               u"Value null at 'retentionPeriodHours' failed to satisfy constraint: Member must not be null"_s);
    QTest::newRow("missing MaxRecordSizeInKiB")
        << u"UpdateMaxRecordSize"_s << QByteArray(R"({"StreamARN":"a"})")
        << QString(
               one +
               u"Value null at 'maxRecordSizeInKiB' failed to satisfy constraint: Member must not be null"_s);
}

void TestProtocol::validation()
{
    QFETCH(QString, operation);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const Decoder decode = decoderFor(operation);
    QVERIFY(decode);
    const auto result = decode(WireCodec(WireFormat::Json), body);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().type, ErrorType::Validation);
    QCOMPARE(result.error().message, message);
    QCOMPARE(result.error().httpStatus(), 400);
}

void TestProtocol::unknownMembersAreIgnored()
{
    const WireCodec json(WireFormat::Json);
    const auto decoded = json.decode<CreateStreamRequest>(
        R"({"Bogus":{"x":[1,true,null]},"StreamName":"s","ShardCount":2,"shardCount":"lowercase is another member"})");
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->streamName, u"s"_s);
    QCOMPARE(decoded->shardCount, std::optional<int>(2));
}

void TestProtocol::contentTypes_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("format"); // -1: not a Kinesis body type
    QTest::newRow("json 1.1") << QByteArray("application/x-amz-json-1.1") << int(WireFormat::Json);
    QTest::newRow("json 1.0") << QByteArray("application/x-amz-json-1.0") << int(WireFormat::Json);
    QTest::newRow("with charset") << QByteArray("application/x-amz-json-1.1; charset=utf-8")
                                  << int(WireFormat::Json);
    QTest::newRow("upper case") << QByteArray(" Application/X-Amz-Json-1.1 ")
                                << int(WireFormat::Json);
    QTest::newRow("cbor") << QByteArray("application/x-amz-cbor-1.1") << int(WireFormat::Cbor);
    QTest::newRow("plain json") << QByteArray("application/json") << -1;
    QTest::newRow("plain cbor") << QByteArray("application/cbor") << -1;
    QTest::newRow("missing") << QByteArray() << -1;
}

void TestProtocol::contentTypes()
{
    QFETCH(QByteArray, contentType);
    QFETCH(int, format);
    const auto detected = WireCodec::formatForContentType(contentType);
    if (format < 0)
        QVERIFY(!detected.has_value());
    else
        QCOMPARE(detected, std::optional<WireFormat>(WireFormat(format)));
}

void TestProtocol::decodeError_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("message");
    QTest::newRow("service error")
        << QByteArray(
               R"({"__type":"ResourceNotFoundException","message":"Stream s under account 1 not found."})")
        << int(ErrorType::ResourceNotFound) << u"Stream s under account 1 not found."_s;
    QTest::newRow("qualified name")
        << QByteArray(
               R"({"__type":"com.amazonaws.kinesis.v20131202#ResourceInUseException","message":"m"})")
        << int(ErrorType::ResourceInUse) << u"m"_s;
    QTest::newRow("capital Message")
        << QByteArray(
               R"({"__type":"com.amazon.coral.service#SerializationException","Message":"Expected null"})")
        << int(ErrorType::Serialization) << u"Expected null"_s;
    QTest::newRow("bare InternalFailure") << QByteArray(R"({"__type":"InternalFailure"})")
                                          << int(ErrorType::InternalFailure) << QString();
    QTest::newRow("unknown type") << QByteArray(R"({"__type":"NewException","message":"x"})")
                                  << int(ErrorType::InternalFailure) << u"NewException: x"_s;
    QTest::newRow("every type round-trips") << QByteArray() << -1 << QString();
}

void TestProtocol::decodeError()
{
    QFETCH(QByteArray, body);
    QFETCH(int, type);
    QFETCH(QString, message);
    const WireCodec json(WireFormat::Json);
    if (type < 0) {
        for (WireFormat format : {WireFormat::Json, WireFormat::Cbor}) {
            const WireCodec codec(format);
            for (int t = 0; t <= int(ErrorType::UnrecognizedClient); ++t) {
                const Error error{ErrorType(t), u"message "_s + QString::number(t)};
                QCOMPARE(codec.decodeError(codec.encodeError(error)), error);
            }
        }
        return;
    }
    const Error decoded = json.decodeError(body);
    QCOMPARE(int(decoded.type), type);
    QCOMPARE(decoded.message, message);
}

// ---------------------------------------------------------------------------------------------
// Dispatcher against a real engine

namespace {

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<Dispatcher> dispatcher;

    bool open()
    {
        if (!dir.isValid())
            return false;
        // Assigned rather than designated: -Wmissing-field-initializers flags the latter.
        EngineOptions options;
        options.databasePath = dir.filePath(u"kinesis.db"_s);
        options.createDelayMs = 0;
        auto opened = Engine::open(options);
        if (!opened)
            return false;
        engine = std::move(*opened);
        dispatcher = std::make_unique<Dispatcher>(*engine);
        return true;
    }

    Dispatcher::Response json(QStringView operation, const QByteArray &body) const
    {
        return dispatcher->handle(QString(u"Kinesis_20131202." % operation),
                                  "application/x-amz-json-1.1", body);
    }

    Dispatcher::Response cbor(QStringView operation, const QCborMap &body) const
    {
        return dispatcher->handle(QString(u"Kinesis_20131202." % operation),
                                  "application/x-amz-cbor-1.1", QCborValue(body).toCbor());
    }
};

} // namespace

void TestProtocol::dispatcherJson()
{
    Fixture f;
    QVERIFY(f.open());

    auto r = f.json(u"CreateStream", R"({"StreamName":"orders","ShardCount":2})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("{}"));
    QCOMPARE(r.contentType, QByteArray("application/x-amz-json-1.1"));
    QCOMPARE(r.operation, u"CreateStream"_s);

    r = f.json(u"PutRecord",
               R"({"StreamName":"orders","Data":"aGVsbG8gd29ybGQ=","PartitionKey":"pk-1"})");
    QCOMPARE(r.status, 200);
    const QJsonObject put = jsonObject(r.body);
    const QString sequenceNumber = put.value(u"SequenceNumber"_s).toString();
    const QString shardId = put.value(u"ShardId"_s).toString();
    QVERIFY(!sequenceNumber.isEmpty());
    QVERIFY(shardId.startsWith(u"shardId-"_s));
    QCOMPARE(put.value(u"EncryptionType"_s).toString(), u"NONE"_s);

    r = f.json(u"GetShardIterator",
               QJsonDocument(QJsonObject{{u"StreamName"_s, u"orders"_s},
                                         {u"ShardId"_s, shardId},
                                         {u"ShardIteratorType"_s, u"TRIM_HORIZON"_s}})
                   .toJson());
    QCOMPARE(r.status, 200);
    const QString iterator = jsonObject(r.body).value(u"ShardIterator"_s).toString();
    QVERIFY(!iterator.isEmpty());

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    r = f.json(u"GetRecords", QJsonDocument(QJsonObject{{u"ShardIterator"_s, iterator}}).toJson());
    QCOMPARE(r.status, 200);
    const QJsonObject got = jsonObject(r.body);
    const QJsonArray records = got.value(u"Records"_s).toArray();
    QCOMPARE(records.size(), 1);
    const QJsonObject record = records.at(0).toObject();
    QCOMPARE(record.value(u"Data"_s).toString(), u"aGVsbG8gd29ybGQ="_s);
    QCOMPARE(record.value(u"PartitionKey"_s).toString(), u"pk-1"_s);
    QCOMPARE(record.value(u"SequenceNumber"_s).toString(), sequenceNumber);
    QVERIFY(record.value(u"ApproximateArrivalTimestamp"_s).isDouble());
    // Epoch seconds, not milliseconds.
    QVERIFY(qAbs(record.value(u"ApproximateArrivalTimestamp"_s).toDouble() * 1000 - before) <
            60000);
    QVERIFY(got.contains(u"NextShardIterator"_s));
    QVERIFY(got.value(u"MillisBehindLatest"_s).isDouble());

    // The same response decodes back into the struct, bytes intact.
    const auto decoded = WireCodec(WireFormat::Json).decode<GetRecordsResponse>(r.body);
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->records.size(), 1);
    QCOMPARE(decoded->records[0].data, QByteArray("hello world"));

    r = f.json(u"DescribeStream", R"({"StreamName":"orders"})");
    QCOMPARE(r.status, 200);
    const auto description = WireCodec(WireFormat::Json).decode<StreamDescription>(r.body);
    QVERIFY(description.has_value());
    QCOMPARE(description->streamName, u"orders"_s);
    QCOMPARE(description->shards.size(), 2);

    r = f.json(u"DescribeLimits", "{}");
    QCOMPARE(r.status, 200);
    QCOMPARE(jsonObject(r.body).value(u"ShardLimit"_s).toInt(), 500);
    QCOMPARE(jsonObject(r.body).value(u"OpenShardCount"_s).toInt(), 2);

    // A JSON 1.0 request is answered as 1.0.
    r = f.dispatcher->handle(u"Kinesis_20131202.ListStreams", "application/x-amz-json-1.0", "{}");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArray("application/x-amz-json-1.0"));
    QCOMPARE(jsonObject(r.body).value(u"StreamNames"_s).toArray().size(), 1);
}

void TestProtocol::dispatcherCbor()
{
    Fixture f;
    QVERIFY(f.open());
    const WireCodec codec(WireFormat::Cbor);

    auto r = f.cbor(u"CreateStream", QCborMap{{u"StreamName"_s, u"kcl"_s}, {u"ShardCount"_s, 1}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArray("application/x-amz-cbor-1.1"));

    const QByteArray payload("\x00\x01\x02\xff binary", 11);
    r = f.cbor(
        u"PutRecord",
        QCborMap{{u"StreamName"_s, u"kcl"_s}, {u"Data"_s, payload}, {u"PartitionKey"_s, u"k"_s}});
    QCOMPARE(r.status, 200);
    const auto put = codec.decode<PutRecordResponse>(r.body);
    QVERIFY(put.has_value());

    r = f.cbor(u"GetShardIterator",
               QCborMap{{u"StreamName"_s, u"kcl"_s},
                        {u"ShardId"_s, put->shardId},
                        {u"ShardIteratorType"_s, u"AT_SEQUENCE_NUMBER"_s},
                        {u"StartingSequenceNumber"_s, put->sequenceNumber.toString()}});
    QCOMPARE(r.status, 200);
    const auto iterator = codec.decode<GetShardIteratorResponse>(r.body);
    QVERIFY(iterator.has_value());

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    r = f.cbor(u"GetRecords",
               QCborMap{{u"ShardIterator"_s, iterator->shardIterator}, {u"Limit"_s, 10}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArray("application/x-amz-cbor-1.1"));
    const auto map = codec.parse(r.body);
    QVERIFY(map.has_value());
    const QCborMap record = map->value(u"Records"_s).toArray().at(0).toMap();
    QVERIFY(record.value(u"Data"_s).isByteArray());
    QCOMPARE(record.value(u"Data"_s).toByteArray(), payload);
    const QCborValue ts = record.value(u"ApproximateArrivalTimestamp"_s);
    QVERIFY(ts.isInteger());
    QVERIFY(qAbs(ts.toInteger() - before) < 60000); // milliseconds
    QVERIFY(r.body.contains(tag1(ts.toInteger())));
    QCOMPARE(record.value(u"SequenceNumber"_s).toString(), put->sequenceNumber.toString());

    // Errors come back in CBOR too.
    r = f.cbor(u"DescribeStream", QCborMap{{u"StreamName"_s, u"missing"_s}});
    QCOMPARE(r.status, 400);
    const Error error = codec.decodeError(r.body);
    QCOMPARE(error.type, ErrorType::ResourceNotFound);
    QCOMPARE(error.message, u"Stream missing under account 000000000000 not found."_s);
}

void TestProtocol::dispatcherErrors()
{
    Fixture f;
    QVERIFY(f.open());
    const QByteArray json = "application/x-amz-json-1.1";

    auto r = f.dispatcher->handle(u"Kinesis_20131202.Nope", json, "{}");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body, QByteArray(R"({"__type":"UnknownOperationException"})"));
    QVERIFY(r.operation.isEmpty());

    r = f.dispatcher->handle(u"Kinesis_20131202.Nope", "application/x-amz-cbor-1.1",
                             QCborValue(QCborMap()).toCbor());
    QCOMPARE(r.status, 400);
    QCOMPARE(WireCodec(WireFormat::Cbor).decodeError(r.body).type, ErrorType::UnknownOperation);

    r = f.dispatcher->handle(u"", json, "{}");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body, QByteArray(R"({"__type":"UnknownOperationException"})"));
    r = f.dispatcher->handle(u"DynamoDB_20120810.PutRecord", json, "{}");
    QCOMPARE(r.body, QByteArray(R"({"__type":"UnknownOperationException"})"));

    // The body is read before the target is looked at.
    r = f.dispatcher->handle(u"Kinesis_20131202.Nope", json, "{not json");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body, QByteArray(R"({"__type":"SerializationException"})"));

    // An empty body is a SerializationException for a known operation.
    r = f.dispatcher->handle(u"Kinesis_20131202.ListStreams", json, QByteArray());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body, QByteArray(R"({"__type":"SerializationException"})"));
    QCOMPARE(r.operation, u"ListStreams"_s);

    // Type errors, validation by the codec and by the engine, engine errors.
    r = f.json(u"CreateStream", R"({"StreamName":"s","ShardCount":"1"})");
    QCOMPARE(r.status, 400);
    QCOMPARE(
        r.body,
        QByteArray(
            R"({"__type":"SerializationException","Message":"class java.lang.String can not be converted to an Integer"})"));
    r = f.json(u"ListStreams", R"({"Limit":1e20})");
    QCOMPARE(r.status, 400);
    QCOMPARE(
        jsonObject(r.body).value(u"message"_s).toString(),
        u"1 validation error detected: Value '2147483647' at 'limit' failed to satisfy constraint: "
        "Member must have value less than or equal to 10000"_s);
    r = f.json(u"GetShardIterator",
               R"({"StreamName":"s","ShardId":"0","ShardIteratorType":"NEWEST"})");
    QCOMPARE(r.status, 400);
    QCOMPARE(jsonObject(r.body).value(u"__type"_s).toString(), u"ValidationException"_s);
    r = f.json(u"CreateStream", R"({"ShardCount":1})");
    QCOMPARE(r.status, 400);
    QCOMPARE(
        jsonObject(r.body).value(u"message"_s).toString(),
        u"1 validation error detected: Value null at 'streamName' failed to satisfy constraint: "
        "Member must not be null"_s);
    r = f.json(u"PutRecord", R"({"StreamName":"absent","Data":"","PartitionKey":"k"})");
    QCOMPARE(r.status, 400);
    QCOMPARE(
        r.body,
        QByteArray(
            R"({"__type":"ResourceNotFoundException","message":"Stream absent under account 000000000000 not found."})"));

    // A body type Kinesis does not read gets the front end's XML answers.
    r = f.dispatcher->handle(u"Kinesis_20131202.ListStreams", "application/json", "{}");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body, QByteArray("<UnknownOperationException/>\n"));
    r = f.dispatcher->handle(u"Kinesis_20131202.Nope", "text/plain", "{}");
    QCOMPARE(r.status, 500);
    r = f.dispatcher->handle(u"", "text/plain", "{}");
    QCOMPARE(r.status, 403);
    QCOMPARE(
        r.body,
        QByteArray(
            "<AccessDeniedException>\n  <Message>Unable to determine service/operation name to be "
            "authorized</Message>\n</AccessDeniedException>\n"));
    r = f.dispatcher->handle(u"Other_1.Op", "text/plain", "{}");
    QCOMPARE(r.status, 403);
    QVERIFY(
        r.body.contains("No authorization strategy was found for service: Other_1, operation: Op"));

    r = f.dispatcher->handle(u"Kinesis_20131202.ListStreams", json,
                             QByteArray(Dispatcher::kMaxRequestBytes + 1, ' '));
    QCOMPARE(r.status, 413);
    QVERIFY(r.body.isEmpty());
}

void TestProtocol::dispatcherEveryOperation()
{
    Fixture f;
    QVERIFY(f.open());
    const QStringList operations = Dispatcher::operations();
    QCOMPARE(operations.size(), 39);
    for (const QString &operation : operations) {
        for (bool useCbor : {false, true}) {
            const auto r = useCbor ? f.cbor(operation, QCborMap()) : f.json(operation, "{}");
            QCOMPARE(r.operation, operation);
            QVERIFY2(r.status == 200 || r.status == 400, qPrintable(operation));
            const WireCodec codec(useCbor ? WireFormat::Cbor : WireFormat::Json);
            QVERIFY2(codec.parse(r.body).has_value(), qPrintable(operation));
            if (r.status == 400)
                QVERIFY2(codec.decodeError(r.body).type != ErrorType::UnknownOperation,
                         qPrintable(operation));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// GetRecords written while the engine reads (GetRecordsEncoder), against the object path

namespace {

// An engine on a clock that stands still, so the same read answers the same iterators.
struct StillEngine
{
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kT0);
    std::unique_ptr<Engine> engine;
    std::unique_ptr<Dispatcher> dispatcher;

    QString path() const { return dir.filePath(u"kinesis.db"_s); }

    bool open()
    {
        dispatcher.reset();
        engine.reset();
        EngineOptions options;
        options.databasePath = path();
        options.createDelayMs = 0;
        options.updateDelayMs = 0;
        options.clock = clock;
        // The clock stands still while the same shards are read page after page: the encoding
        // is checked here, not Kinesis's per-shard rate (tst_throttlingwire checks that).
        options.throughputLimits = false;
        auto opened = Engine::open(options);
        if (!opened)
            return false;
        engine = std::move(*opened);
        dispatcher = std::make_unique<Dispatcher>(*engine);
        return true;
    }

    bool put(const QByteArray &data, const QString &partitionKey,
             std::optional<QString> explicitHashKey = {})
    {
        clock->advanceMs(7); // distinct arrival times, some on whole seconds
        PutRecordRequest request;
        request.target = StreamTarget::byName(u"s"_s);
        request.data = data;
        request.partitionKey = partitionKey;
        request.explicitHashKey = std::move(explicitHashKey);
        return engine->putRecord(request).has_value();
    }

    QString iterator(const QString &shardId) const
    {
        GetShardIteratorRequest request;
        request.target = StreamTarget::byName(u"s"_s);
        request.shardId = shardId;
        request.shardIteratorType = ShardIteratorType::TrimHorizon;
        const auto it = engine->getShardIterator(request);
        return it ? it->shardIterator : QString();
    }

    Dispatcher::Response getRecords(WireFormat format, const GetRecordsRequest &request) const
    {
        const WireCodec codec(format);
        return dispatcher->handle(u"Kinesis_20131202.GetRecords", codec.contentType(),
                                  codec.encode(request));
    }
};

// The streams that the cases read; every case starts from the same records.
bool fillStreams(StillEngine &e)
{
    CreateStreamRequest create;
    create.streamName = u"s"_s;
    create.shardCount = 2;
    if (!e.engine->createStream(create))
        return false;
    const QString low = u"0"_s; // shard 0 by explicit hash key
    bool ok = e.put("hello", u"pk-1"_s, low) && e.put(allBytes(), u"pk-2"_s, low) &&
              e.put(QByteArray("", 0), u"ключ-🔑"_s, low) &&
              e.put(u"grüße 🔑"_s.toUtf8(), u"quote\"and\\backslash\n"_s, low) &&
              e.put("routed high", u"pk-3"_s, u"340282366920938463463374607431768211455"_s);
    if (!ok || !e.engine->startStreamEncryption(StartStreamEncryptionRequest{
                   StreamTarget::byName(u"s"_s), u"KMS"_s, u"alias/aws/kinesis"_s}))
        return false;
    e.clock->advanceMs(1);
    for (int i = 0; i < 30; ++i)
        ok = ok && e.put("sealed " + QByteArray::number(i), u"pk-%1"_s.arg(i), low);
    if (!ok || !e.engine->stopStreamEncryption(StopStreamEncryptionRequest{
                   StreamTarget::byName(u"s"_s), u"KMS"_s, u"alias/aws/kinesis"_s}))
        return false;
    e.clock->advanceMs(1);
    ok = ok && e.put("plain again", u"pk-last"_s, low);
    // Shard 1 is split: its records end with the child shards.
    ok = ok && e.put("before the split", u"pk-split"_s,
                     u"340282366920938463463374607431768211455"_s);
    e.clock->advanceMs(1);
    SplitShardRequest split;
    split.target = StreamTarget::byName(u"s"_s);
    split.shardToSplit = u"shardId-000000000001"_s;
    split.newStartingHashKey = u"255211775190703847597530955573826158592"_s;
    if (!ok || !e.engine->splitShard(split))
        return false;
    e.clock->advanceMs(1);
    return true;
}

} // namespace

void TestProtocol::dispatcherStreamsGetRecords_data()
{
    QTest::addColumn<bool>("useCbor");
    QTest::addColumn<QString>("shardId");
    QTest::addColumn<int>("limit"); // 0: none
    QTest::addColumn<int>("pages");
    for (const bool useCbor : {false, true}) {
        const char *format = useCbor ? "CBOR" : "JSON";
        QTest::addRow("%s: plain, binary, UTF-8, encrypted, explicit hash keys", format)
            << useCbor << u"shardId-000000000000"_s << 0 << 1;
        QTest::addRow("%s: pages of 4, millisBehindLatest", format)
            << useCbor << u"shardId-000000000000"_s << 4 << 11;
        QTest::addRow("%s: a closed shard ends with its children", format)
            << useCbor << u"shardId-000000000001"_s << 1 << 2;
        QTest::addRow("%s: an empty child shard", format)
            << useCbor << u"shardId-000000000002"_s << 0 << 1;
    }
}

// The dispatcher's GetRecords body is, byte for byte, the codec's encoding of what the engine's
// object path returns for the same iterator at the same time, page after page.
void TestProtocol::dispatcherStreamsGetRecords()
{
    QFETCH(bool, useCbor);
    QFETCH(QString, shardId);
    QFETCH(int, limit);
    QFETCH(int, pages);
    StillEngine e;
    QVERIFY(e.dir.isValid());
    QVERIFY(e.open());
    QVERIFY(fillStreams(e));
    e.clock->advanceMs(5000); // the records are 5 s behind the latest
    const WireCodec codec(useCbor ? WireFormat::Cbor : WireFormat::Json);

    GetRecordsRequest request;
    request.shardIterator = e.iterator(shardId);
    QVERIFY(!request.shardIterator.isEmpty());
    if (limit > 0)
        request.limit = limit;
    int read = 0;
    bool sawEncrypted = false;
    bool sawBehind = false;
    for (int page = 0; page < pages; ++page) {
        const auto objects = e.engine->getRecords(request);
        QVERIFY(objects.has_value());
        const Dispatcher::Response r = e.getRecords(codec.format(), request);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, codec.contentType());
        QCOMPARE(r.operation, u"GetRecords"_s);
        QVERIFY2(r.body == codec.encode(*objects),
                 qPrintable(u"page %1: streamed %2 bytes, codec %3"_s.arg(page)
                                .arg(r.body.size())
                                .arg(codec.encode(*objects).size())));
        const auto decoded = codec.decode<GetRecordsResponse>(r.body);
        QVERIFY(decoded.has_value());
        QCOMPARE(decoded->records.size(), objects->records.size());
        for (qsizetype i = 0; i < decoded->records.size(); ++i) {
            QCOMPARE(decoded->records[i], objects->records[i]);
            sawEncrypted =
                sawEncrypted || decoded->records[i].encryptionType == EncryptionType::Kms;
        }
        QCOMPARE(decoded->nextShardIterator, objects->nextShardIterator);
        QCOMPARE(decoded->millisBehindLatest, objects->millisBehindLatest);
        sawBehind = sawBehind || decoded->millisBehindLatest > 0;
        QCOMPARE(decoded->childShards.has_value(), objects->childShards.has_value());
        read += int(decoded->records.size());
        if (!decoded->nextShardIterator) {
            QVERIFY(decoded->childShards.has_value());
            QCOMPARE(page, pages - 1);
            break;
        }
        request.shardIterator = *decoded->nextShardIterator;
    }
    if (shardId == u"shardId-000000000000") {
        QCOMPARE(read, 35);
        QVERIFY(sawEncrypted);
        QCOMPARE(sawBehind, limit > 0);
    }
}

void TestProtocol::dispatcherGetRecordsFailingPartWay_data()
{
    QTest::addColumn<bool>("useCbor");
    QTest::addColumn<bool>("tamper");
    QTest::addColumn<int>("expectedType");
    for (const bool useCbor : {false, true}) {
        const char *format = useCbor ? "CBOR" : "JSON";
        QTest::addRow("%s: the key of a later record is disabled", format)
            << useCbor << false << int(ErrorType::KmsDisabled);
        QTest::addRow("%s: a later record does not decrypt", format)
            << useCbor << true << int(ErrorType::InternalFailure);
    }
}

// Records already written into the body when the read fails go nowhere: the answer is the
// error alone, in the request's format, as the object path reports it.
void TestProtocol::dispatcherGetRecordsFailingPartWay()
{
    QFETCH(bool, useCbor);
    QFETCH(bool, tamper);
    QFETCH(int, expectedType);
    StillEngine e;
    QVERIFY(e.dir.isValid());
    QVERIFY(e.open());
    CreateStreamRequest create;
    create.streamName = u"s"_s;
    create.shardCount = 1;
    QVERIFY(e.engine->createStream(create));
    for (int i = 0; i < 3; ++i)
        QVERIFY(e.put("plain " + QByteArray::number(i), u"pk"_s));
    const auto key = e.engine->createKey(u"part way"_s);
    QVERIFY(key.has_value());
    QVERIFY(e.engine->startStreamEncryption(
        StartStreamEncryptionRequest{StreamTarget::byName(u"s"_s), u"KMS"_s, key->keyId}));
    QVERIFY(e.put("sealed", u"pk"_s));
    // Unencrypted again, so the read starts (the stream's key is not checked up front).
    QVERIFY(e.engine->stopStreamEncryption(
        StopStreamEncryptionRequest{StreamTarget::byName(u"s"_s), u"KMS"_s, key->keyId}));
    QVERIFY(e.put("plain after", u"pk"_s));
    if (tamper) {
        // Flip the sealed record's stored bytes behind the engine's back.
        e.dispatcher.reset();
        e.engine.reset();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
            db.setDatabaseName(e.path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"UPDATE records SET data = zeroblob(length(data)) "
                               u"WHERE key_version IS NOT NULL"_s));
            QCOMPARE(query.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(u"tamper"_s);
        QVERIFY(e.open());
    } else {
        QVERIFY(e.engine->disableKey(key->keyId));
    }

    GetRecordsRequest request;
    request.shardIterator = e.iterator(u"shardId-000000000000"_s);
    const auto objects = e.engine->getRecords(request);
    QVERIFY(!objects.has_value());
    QCOMPARE(int(objects.error().type), expectedType);

    const WireCodec codec(useCbor ? WireFormat::Cbor : WireFormat::Json);
    const Dispatcher::Response r = e.getRecords(codec.format(), request);
    QCOMPARE(r.status, objects.error().httpStatus());
    QCOMPARE(r.contentType, codec.contentType());
    QCOMPARE(r.body, codec.encodeError(objects.error()));
    QVERIFY(!codec.parse(r.body)->contains(u"Records"_s));

    // The records before the failing one are readable on their own.
    request.limit = 3;
    const Dispatcher::Response first = e.getRecords(codec.format(), request);
    QCOMPARE(first.status, 200);
    const auto page = codec.decode<GetRecordsResponse>(first.body);
    QVERIFY(page.has_value());
    QCOMPARE(page->records.size(), 3);
    QCOMPARE(page->records[2].data, QByteArray("plain 2"));
}

// ---------------------------------------------------------------------------------------------
// Enhanced fan-out consumers on the wire

namespace shardscope {

auto tied(const Consumer &x)
{
    return std::tie(x.consumerName, x.consumerArn, x.consumerStatus, x.consumerCreationTimestamp);
}
auto tied(const ConsumerDescription &x)
{
    return std::tie(x.consumerName, x.consumerArn, x.consumerStatus, x.consumerCreationTimestamp,
                    x.streamArn);
}
auto tied(const ConsumerTarget &x)
{
    return std::tie(x.streamArn, x.consumerName, x.consumerArn);
}
auto tied(const RegisterStreamConsumerRequest &x)
{
    return std::tie(x.streamArn, x.consumerName, x.tags);
}
auto tied(const ListStreamConsumersRequest &x)
{
    return std::tie(x.streamArn, x.nextToken, x.maxResults, x.streamCreationTimestamp);
}
auto tied(const ListStreamConsumersResponse &x)
{
    return std::tie(x.consumers, x.nextToken);
}

} // namespace shardscope

namespace {

const QString kConsumerArn =
    u"arn:aws:kinesis:us-east-1:000000000000:stream/s1/consumer/app:1700000000"_s;

const QList<std::pair<QString, RoundTrip>> &consumerRoundTripCases()
{
    static const QList<std::pair<QString, RoundTrip>> cases = [] {
        QList<std::pair<QString, RoundTrip>> c;
        c.append({u"RegisterStreamConsumer request"_s,
                  roundTripOf(RegisterStreamConsumerRequest{kArn, u"app"_s, {}})});
        c.append({u"RegisterStreamConsumer request with tags"_s,
                  roundTripOf(RegisterStreamConsumerRequest{
                      kArn, u"app"_s, TagMap{{u"team"_s, u"data"_s}, {u"empty"_s, u""_s}}})});
        c.append({u"RegisterStreamConsumer response"_s,
                  roundTripOf(Consumer{u"app"_s, kConsumerArn, ConsumerStatus::Creating, kT0})});
        c.append({u"DescribeStreamConsumer request by ARN"_s,
                  roundTripOf(ConsumerTarget::byArn(kConsumerArn))});
        c.append({u"DescribeStreamConsumer request by name"_s,
                  roundTripOf(ConsumerTarget::byName(kArn, u"app"_s))});
        c.append({u"DeregisterStreamConsumer request, all three"_s,
                  roundTripOf(ConsumerTarget{kArn, u"app"_s, kConsumerArn})});
        c.append({u"DescribeStreamConsumer response"_s,
                  roundTripOf(ConsumerDescription{u"app"_s, kConsumerArn, ConsumerStatus::Deleting,
                                                  kT0, kArn})});
        ListStreamConsumersRequest list;
        list.streamArn = kArn;
        list.maxResults = 5;
        list.streamCreationTimestamp = kT0;
        c.append({u"ListStreamConsumers request"_s, roundTripOf(list)});
        ListStreamConsumersRequest token;
        token.streamArn = kArn;
        token.nextToken = u"tok"_s;
        c.append({u"ListStreamConsumers request token"_s, roundTripOf(token)});
        ListStreamConsumersResponse listed;
        listed.consumers = {Consumer{u"a"_s, kConsumerArn, ConsumerStatus::Active, 1000},
                            Consumer{u"b"_s, kConsumerArn, ConsumerStatus::Creating, kT0},
                            Consumer{u"c"_s, kConsumerArn, ConsumerStatus::Deleting, kT0 + 1}};
        listed.nextToken = u"next"_s;
        c.append({u"ListStreamConsumers response"_s, roundTripOf(listed)});
        c.append({u"ListStreamConsumers response empty"_s,
                  roundTripOf(ListStreamConsumersResponse{})});
        return c;
    }();
    return cases;
}

} // namespace

void TestProtocol::consumerRoundTrip_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("useCbor");
    const auto &cases = consumerRoundTripCases();
    for (int i = 0; i < cases.size(); ++i) {
        QTest::addRow("%s json", qPrintable(cases[i].first)) << i << false;
        QTest::addRow("%s cbor", qPrintable(cases[i].first)) << i << true;
    }
}

void TestProtocol::consumerRoundTrip()
{
    QFETCH(int, index);
    QFETCH(bool, useCbor);
    const WireCodec codec(useCbor ? WireFormat::Cbor : WireFormat::Json);
    const QString problem = consumerRoundTripCases().at(index).second(codec);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestProtocol::consumerExactJson()
{
    const WireCodec json(WireFormat::Json);
    QCOMPARE(json.encode(Consumer{u"app"_s, kConsumerArn, ConsumerStatus::Creating, kT0}),
             QByteArray(R"({"Consumer":{"ConsumerName":"app","ConsumerARN":")" +
                        kConsumerArn.toUtf8() +
                        R"(","ConsumerStatus":"CREATING","ConsumerCreationTimestamp":1700000000.123}})"));
    QCOMPARE(json.encode(ConsumerDescription{u"app"_s, kConsumerArn, ConsumerStatus::Active,
                                             1700000000000, kArn}),
             QByteArray(R"({"ConsumerDescription":{"ConsumerName":"app","ConsumerARN":")" +
                        kConsumerArn.toUtf8() +
                        R"(","ConsumerStatus":"ACTIVE","ConsumerCreationTimestamp":1700000000,)"
                        R"("StreamARN":")" +
                        kArn.toUtf8() + R"("}})"));
    ListStreamConsumersResponse empty;
    QCOMPARE(json.encode(empty), QByteArray(R"({"Consumers":[]})"));
    ListStreamConsumersResponse page;
    page.consumers = {Consumer{u"a"_s, u"arn-a"_s, ConsumerStatus::Deleting, 1000}};
    page.nextToken = u"t"_s;
    QCOMPARE(json.encode(page),
             QByteArray(R"({"Consumers":[{"ConsumerName":"a","ConsumerARN":"arn-a",)"
                        R"("ConsumerStatus":"DELETING","ConsumerCreationTimestamp":1}],"NextToken":"t"})"));
    // Requests: absent members are left out, present empty ones are sent.
    QCOMPARE(json.encode(ConsumerTarget::byArn(kConsumerArn)),
             QByteArray(R"({"ConsumerARN":")" + kConsumerArn.toUtf8() + R"("})"));
    QCOMPARE(json.encode(ConsumerTarget{u""_s, u"x"_s, {}}),
             QByteArray(R"({"StreamARN":"","ConsumerName":"x"})"));

    // CBOR: the creation time is tag 1 around epoch milliseconds.
    const WireCodec cborCodec(WireFormat::Cbor);
    const QByteArray body =
        cborCodec.encode(Consumer{u"app"_s, kConsumerArn, ConsumerStatus::Active, kT0});
    QVERIFY(body.contains(tag1(kT0)));
    const auto map = cborCodec.parse(body);
    QVERIFY(map.has_value());
    QCOMPARE(map->value(u"Consumer"_s).toMap().value(u"ConsumerCreationTimestamp"_s).toInteger(),
             kT0);
}

void TestProtocol::consumerDecodeErrors()
{
    const WireCodec json(WireFormat::Json);
    auto list = json.decode<ListStreamConsumersRequest>(R"({"StreamARN":"a","MaxResults":"1"})");
    QVERIFY(!list.has_value());
    QCOMPARE(list.error().type, ErrorType::Serialization);
    QCOMPARE(list.error().message, u"class java.lang.String can not be converted to an Integer"_s);
    list = json.decode<ListStreamConsumersRequest>(R"({"StreamCreationTimestamp":"now"})");
    QVERIFY(!list.has_value());
    QCOMPARE(list.error().message,
             u"class java.lang.String can not be converted to milliseconds since epoch"_s);
    const auto reg = json.decode<RegisterStreamConsumerRequest>(R"({"Tags":"x"})");
    QVERIFY(!reg.has_value());
    QCOMPARE(reg.error().message, u"Expected map or null"_s);
    const auto target = json.decode<ConsumerTarget>(R"({"ConsumerARN":5})");
    QVERIFY(!target.has_value());
    QCOMPARE(target.error().message,
             u"class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String"_s);
    // StreamId is reserved, ignored, but typed.
    QVERIFY(!json.decode<ConsumerTarget>(R"({"StreamId":[]})").has_value());
    const auto withId = json.decode<ConsumerTarget>(R"({"ConsumerName":"c","StreamId":"x"})");
    QVERIFY(withId.has_value());
    QCOMPARE(withId->consumerName, u"c"_s);
    QVERIFY(withId->streamArn.isNull());
    QVERIFY(withId->consumerArn.isNull());
    // A response with a status outside the set is not what we expect.
    const auto response = json.decode<ConsumerDescription>(
        R"({"ConsumerDescription":{"ConsumerName":"c","ConsumerStatus":"SLEEPING"}})");
    QVERIFY(!response.has_value());
    QCOMPARE(response.error().type, ErrorType::Serialization);
}

void TestProtocol::dispatcherConsumers()
{
    Fixture f;
    QVERIFY(f.open());
    QCOMPARE(f.json(u"CreateStream", R"({"StreamName":"s1","ShardCount":1})").status, 200);

    // Register (the fixture has no CREATING delay, so the consumer is ACTIVE at once).
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    auto r = f.json(u"RegisterStreamConsumer",
                    QByteArray(R"({"StreamARN":")" + kArn.toUtf8() + R"(","ConsumerName":"app"})"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.operation, u"RegisterStreamConsumer"_s);
    const QJsonObject consumer = jsonObject(r.body).value(u"Consumer"_s).toObject();
    QCOMPARE(consumer.value(u"ConsumerName"_s).toString(), u"app"_s);
    const QString consumerArn = consumer.value(u"ConsumerARN"_s).toString();
    QVERIFY2(QRegularExpression(u"^arn:aws:kinesis:us-east-1:000000000000:stream/s1/consumer/app:\\d{10}$"_s)
                 .match(consumerArn)
                 .hasMatch(),
             qPrintable(consumerArn));
    const double created = consumer.value(u"ConsumerCreationTimestamp"_s).toDouble();
    QVERIFY(qAbs(created * 1000 - before) < 60000); // epoch seconds
    QCOMPARE(consumerArn.section(u':', -1).toLongLong(), qint64(created));

    r = f.json(u"DescribeStreamConsumer",
               QByteArray(R"({"ConsumerARN":")" + consumerArn.toUtf8() + R"("})"));
    QCOMPARE(r.status, 200);
    const QJsonObject description = jsonObject(r.body).value(u"ConsumerDescription"_s).toObject();
    QCOMPARE(description.value(u"StreamARN"_s).toString(), kArn);
    QCOMPARE(description.value(u"ConsumerStatus"_s).toString(), u"ACTIVE"_s);
    QCOMPARE(description.value(u"ConsumerARN"_s).toString(), consumerArn);

    r = f.json(u"ListStreamConsumers", QByteArray(R"({"StreamARN":")" + kArn.toUtf8() + R"("})"));
    QCOMPARE(r.status, 200);
    const QJsonArray consumers = jsonObject(r.body).value(u"Consumers"_s).toArray();
    QCOMPARE(consumers.size(), 1);
    QCOMPARE(consumers.at(0).toObject().value(u"ConsumerARN"_s).toString(), consumerArn);
    QVERIFY(!jsonObject(r.body).contains(u"NextToken"_s));

    r = f.json(u"DescribeStreamSummary", R"({"StreamName":"s1"})");
    QCOMPARE(jsonObject(r.body)
                 .value(u"StreamDescriptionSummary"_s)
                 .toObject()
                 .value(u"ConsumerCount"_s)
                 .toInt(),
             1);

    // DeleteStream refuses while the consumer is registered, in AWS's words.
    r = f.json(u"DeleteStream", R"({"StreamName":"s1"})");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body,
             QByteArray(R"({"__type":"ResourceInUseException","message":"DeleteStream can)"
                        "\xe2\x80\x99"
                        R"(t delete 000000000000:s1 because there are consumers associated with )"
                        R"(this data stream. To delete s1 anyway, set the EnforceConsumerDeletion )"
                        R"(parameter to true to force the deletion of all the consumers that are )"
                        R"(associated with it."})"));
    r = f.json(u"DeleteStream", R"({"StreamName":"s1","EnforceConsumerDeletion":false})");
    QCOMPARE(r.status, 400);

    // Errors of the consumer operations.
    r = f.json(u"RegisterStreamConsumer", "{}");
    QCOMPARE(r.status, 400);
    QCOMPARE(
        jsonObject(r.body).value(u"message"_s).toString(),
        u"2 validation errors detected: Value null at 'streamARN' failed to satisfy constraint: "
        u"Member must not be null; Value null at 'consumerName' failed to satisfy constraint: "
        u"Member must not be null"_s);
    r = f.json(u"RegisterStreamConsumer",
               QByteArray(R"({"StreamARN":")" + kArn.toUtf8() + R"(","ConsumerName":"app"})"));
    QCOMPARE(r.status, 400);
    QCOMPARE(jsonObject(r.body).value(u"__type"_s).toString(), u"ResourceInUseException"_s);
    r = f.json(u"DescribeStreamConsumer", "{}");
    QCOMPARE(r.status, 400);
    QCOMPARE(jsonObject(r.body).value(u"__type"_s).toString(), u"InvalidArgumentException"_s);
    r = f.json(u"DescribeStreamConsumer",
               QByteArray(R"({"StreamARN":")" + kArn.toUtf8() + R"(","ConsumerName":"nope"})"));
    QCOMPARE(r.status, 400);
    QCOMPARE(
        r.body,
        QByteArray(
            R"({"__type":"ResourceNotFoundException","message":"Consumer nope under stream s1 and account 000000000000 not found."})"));
    r = f.json(u"ListStreamConsumers", R"({"MaxResults":0})");
    QCOMPARE(r.status, 400);
    QCOMPARE(jsonObject(r.body).value(u"message"_s).toString(),
             u"2 validation errors detected: Value null at 'streamARN' failed to satisfy "
             u"constraint: Member must not be null; Value '0' at 'maxResults' failed to satisfy "
             u"constraint: Member must have value greater than or equal to 1"_s);

    // Deregister by stream ARN and name: {} back, and the consumer is DELETING.
    r = f.json(u"DeregisterStreamConsumer",
               QByteArray(R"({"StreamARN":")" + kArn.toUtf8() + R"(","ConsumerName":"app"})"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("{}"));
    r = f.json(u"DescribeStreamConsumer",
               QByteArray(R"({"ConsumerARN":")" + consumerArn.toUtf8() + R"("})"));
    QCOMPARE(r.status, 200);
    QCOMPARE(jsonObject(r.body)
                 .value(u"ConsumerDescription"_s)
                 .toObject()
                 .value(u"ConsumerStatus"_s)
                 .toString(),
             u"DELETING"_s);

    // With EnforceConsumerDeletion the stream goes, consumers and all.
    r = f.json(u"RegisterStreamConsumer",
               QByteArray(R"({"StreamARN":")" + kArn.toUtf8() + R"(","ConsumerName":"other"})"));
    QCOMPARE(r.status, 200);
    r = f.json(u"DeleteStream", R"({"StreamName":"s1","EnforceConsumerDeletion":true})");
    QCOMPARE(r.status, 200);
    r = f.json(u"DescribeStreamSummary", R"({"StreamName":"s1"})");
    QCOMPARE(jsonObject(r.body)
                 .value(u"StreamDescriptionSummary"_s)
                 .toObject()
                 .value(u"StreamStatus"_s)
                 .toString(),
             u"DELETING"_s);
}

void TestProtocol::dispatcherConsumersCbor()
{
    Fixture f;
    QVERIFY(f.open());
    const WireCodec codec(WireFormat::Cbor);
    QCOMPARE(f.cbor(u"CreateStream", QCborMap{{u"StreamName"_s, u"s1"_s}, {u"ShardCount"_s, 1}})
                 .status,
             200);
    auto r = f.cbor(u"RegisterStreamConsumer",
                    QCborMap{{u"StreamARN"_s, kArn}, {u"ConsumerName"_s, u"kcl"_s}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArray("application/x-amz-cbor-1.1"));
    const auto registered = codec.decode<Consumer>(r.body);
    QVERIFY(registered.has_value());
    QCOMPARE(registered->consumerName, u"kcl"_s);
    QVERIFY(qAbs(registered->consumerCreationTimestamp - QDateTime::currentMSecsSinceEpoch()) <
            60000);
    QVERIFY(r.body.contains(tag1(registered->consumerCreationTimestamp)));

    // The KCL describes by ARN and lists with a StreamCreationTimestamp in tag 1.
    r = f.cbor(u"DescribeStreamConsumer", QCborMap{{u"ConsumerARN"_s, registered->consumerArn}});
    QCOMPARE(r.status, 200);
    const auto described = codec.decode<ConsumerDescription>(r.body);
    QVERIFY(described.has_value());
    QCOMPARE(described->consumerArn, registered->consumerArn);
    QCOMPARE(described->streamArn, kArn);
    QCOMPARE(described->consumerCreationTimestamp, registered->consumerCreationTimestamp);

    const auto summary = codec.decode<StreamDescriptionSummary>(
        f.cbor(u"DescribeStreamSummary", QCborMap{{u"StreamName"_s, u"s1"_s}}).body);
    QVERIFY(summary.has_value());
    QCOMPARE(summary->consumerCount, 1);
    r = f.cbor(u"ListStreamConsumers",
               QCborMap{{u"StreamARN"_s, kArn},
                        {u"StreamCreationTimestamp"_s,
                         QCborValue(QCborKnownTags::UnixTime_t,
                                    QCborValue(summary->streamCreationTimestamp))}});
    QCOMPARE(r.status, 200);
    const auto listed = codec.decode<ListStreamConsumersResponse>(r.body);
    QVERIFY(listed.has_value());
    QCOMPARE(listed->consumers.size(), 1);
    QCOMPARE(listed->consumers[0].consumerArn, registered->consumerArn);

    r = f.cbor(u"DeregisterStreamConsumer", QCborMap{{u"ConsumerARN"_s, registered->consumerArn}});
    QCOMPARE(r.status, 200);
    r = f.cbor(u"DeregisterStreamConsumer",
               QCborMap{{u"ConsumerARN"_s, u"arn:aws:kinesis:us-east-1:000000000000:stream/s1/"
                                           u"consumer/ghost:1"_s}});
    QCOMPARE(r.status, 400);
    QCOMPARE(codec.decodeError(r.body),
             (Error{ErrorType::ResourceNotFound,
                    u"Consumer ghost under stream s1 and account 000000000000 not found."_s}));
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
