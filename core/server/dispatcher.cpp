#include "dispatcher.h"

#include "engine/engine.h"
#include "protocol/getrecordsencoder.h"
#include "protocol/putrecordsreader.h"
#include "protocol/putrecordswriter.h"
#include "protocol/wirecodec.h"

#include <array>
#include <type_traits>

namespace shardscope {

namespace {

constexpr QStringView kService = u"Kinesis_20131202";

struct Outcome
{
    Outcome(int statusCode, QByteArray bodyBytes,
            std::shared_ptr<ShardSubscription> streamFrom = nullptr)
        : status(statusCode), body(std::move(bodyBytes)), subscription(std::move(streamFrom))
    {
    }
    int status = 200;
    QByteArray body;
    std::shared_ptr<ShardSubscription> subscription; // SubscribeToShard's, on success
};

Outcome errorOutcome(const WireCodec &codec, const Error &error)
{
    return Outcome{error.httpStatus(), codec.encodeError(error)};
}

// Decodes the request, runs it on the engine and encodes what the engine returned.
template<typename Request, typename Call>
Outcome run(const WireCodec &codec, const QCborMap &input, Call call)
{
    const auto request = codec.fromMap<Request>(input);
    if (!request)
        return errorOutcome(codec, request.error());
    const auto result = call(*request);
    if (!result)
        return errorOutcome(codec, result.error());
    using Value = typename std::remove_cvref_t<decltype(result)>::value_type;
    if constexpr (std::is_void_v<Value>)
        return Outcome{200, codec.encode(EmptyMessage{})};
    else
        return Outcome{200, codec.encode(*result)};
}

using Handler = Outcome (*)(Engine &, const WireCodec &, const QCborMap &, const Caller &);

// GetRecords writes its body while the engine reads the page, with no Record per row. A read
// that fails part-way answers with its error; what the encoder had written is dropped with it.
Outcome getRecords(Engine &engine, const WireCodec &codec, const QCborMap &input,
                   const Caller &caller)
{
    const auto request = codec.fromMap<GetRecordsRequest>(input);
    if (!request)
        return errorOutcome(codec, request.error());
    const auto encoder = GetRecordsEncoder::create(codec.format());
    const auto page = engine.getRecords(*request, *encoder, caller);
    if (!page)
        return errorOutcome(codec, page.error());
    return Outcome{200, encoder->finish(*page)};
}

// PutRecords answers with a body written straight from the results (PutRecordsWriter).
Outcome putRecords(Engine &engine, const WireCodec &codec, const PutRecordsRequest &request)
{
    const auto result = engine.putRecords(request);
    if (!result)
        return errorOutcome(codec, result.error());
    return Outcome{200, PutRecordsWriter::write(codec.format(), *result)};
}

Outcome putRecordsFromMap(Engine &engine, const WireCodec &codec, const QCborMap &input,
                          const Caller &)
{
    const auto request = codec.fromMap<PutRecordsRequest>(input);
    if (!request)
        return errorOutcome(codec, request.error());
    return putRecords(engine, codec, *request);
}

// SubscribeToShard answers with an event stream; the endpoint streams it from the subscription.
Outcome subscribeToShard(Engine &engine, const WireCodec &codec, const QCborMap &input,
                         const Caller &)
{
    const auto request = codec.fromMap<SubscribeToShardRequest>(input);
    if (!request)
        return errorOutcome(codec, request.error());
    auto subscription = engine.subscribeToShard(*request);
    if (!subscription)
        return errorOutcome(codec, subscription.error());
    return Outcome{200, {}, std::move(*subscription)};
}

struct Operation
{
    QStringView name;
    Handler handler;
};

#define SHARDSCOPE_OPERATION(Name, Request, call)                                                  \
    Operation                                                                                      \
    {                                                                                              \
        u"" #Name, [](Engine &engine, const WireCodec &codec, const QCborMap &input,              \
                      const Caller &caller) {                                                      \
            return run<Request>(codec, input, [&engine, &caller](const Request &request) {         \
                Q_UNUSED(request);                                                                 \
                Q_UNUSED(caller);                                                                  \
                return engine.call;                                                                \
            });                                                                                    \
        }                                                                                          \
    }

const std::array<Operation, 39> kOperations = {
    SHARDSCOPE_OPERATION(AddTagsToStream, AddTagsToStreamRequest, addTagsToStream(request)),
    SHARDSCOPE_OPERATION(CreateStream, CreateStreamRequest, createStream(request)),
    SHARDSCOPE_OPERATION(DecreaseStreamRetentionPeriod, RetentionPeriodRequest,
                         decreaseStreamRetentionPeriod(request)),
    SHARDSCOPE_OPERATION(DeleteStream, DeleteStreamRequest, deleteStream(request)),
    SHARDSCOPE_OPERATION(DeregisterStreamConsumer, ConsumerTarget,
                         deregisterStreamConsumer(request)),
    SHARDSCOPE_OPERATION(DescribeLimits, EmptyMessage, describeLimits()),
    SHARDSCOPE_OPERATION(DescribeStream, DescribeStreamRequest, describeStream(request)),
    SHARDSCOPE_OPERATION(DescribeStreamConsumer, ConsumerTarget, describeStreamConsumer(request)),
    SHARDSCOPE_OPERATION(DescribeStreamSummary, StreamTarget, describeStreamSummary(request)),
    Operation{u"GetRecords", &getRecords},
    SHARDSCOPE_OPERATION(GetShardIterator, GetShardIteratorRequest,
                         getShardIterator(request, caller)),
    SHARDSCOPE_OPERATION(IncreaseStreamRetentionPeriod, RetentionPeriodRequest,
                         increaseStreamRetentionPeriod(request)),
    SHARDSCOPE_OPERATION(ListShards, ListShardsRequest, listShards(request)),
    SHARDSCOPE_OPERATION(ListStreamConsumers, ListStreamConsumersRequest,
                         listStreamConsumers(request)),
    SHARDSCOPE_OPERATION(ListStreams, ListStreamsRequest, listStreams(request)),
    SHARDSCOPE_OPERATION(ListTagsForResource, ListTagsForResourceRequest,
                         listTagsForResource(request)),
    SHARDSCOPE_OPERATION(ListTagsForStream, ListTagsForStreamRequest, listTagsForStream(request)),
    SHARDSCOPE_OPERATION(MergeShards, MergeShardsRequest, mergeShards(request)),
    SHARDSCOPE_OPERATION(PutRecord, PutRecordRequest, putRecord(request)),
    Operation{u"PutRecords", &putRecordsFromMap},
    SHARDSCOPE_OPERATION(RegisterStreamConsumer, RegisterStreamConsumerRequest,
                         registerStreamConsumer(request)),
    SHARDSCOPE_OPERATION(RemoveTagsFromStream, RemoveTagsFromStreamRequest,
                         removeTagsFromStream(request)),
    SHARDSCOPE_OPERATION(SplitShard, SplitShardRequest, splitShard(request)),
    Operation{u"SubscribeToShard", &subscribeToShard},
    SHARDSCOPE_OPERATION(StartStreamEncryption, StartStreamEncryptionRequest,
                         startStreamEncryption(request)),
    SHARDSCOPE_OPERATION(StopStreamEncryption, StopStreamEncryptionRequest,
                         stopStreamEncryption(request)),
    SHARDSCOPE_OPERATION(TagResource, TagResourceRequest, tagResource(request)),
    SHARDSCOPE_OPERATION(UntagResource, UntagResourceRequest, untagResource(request)),
    SHARDSCOPE_OPERATION(UpdateMaxRecordSize, UpdateMaxRecordSizeRequest,
                         updateMaxRecordSize(request)),
    SHARDSCOPE_OPERATION(UpdateShardCount, UpdateShardCountRequest, updateShardCount(request)),
    SHARDSCOPE_OPERATION(UpdateStreamMode, UpdateStreamModeRequest, updateStreamMode(request)),
    // The control plane.
    SHARDSCOPE_OPERATION(DeleteResourcePolicy, ResourcePolicyTarget, deleteResourcePolicy(request)),
    SHARDSCOPE_OPERATION(DescribeAccountSettings, EmptyMessage, describeAccountSettings()),
    SHARDSCOPE_OPERATION(DisableEnhancedMonitoring, EnhancedMonitoringRequest,
                         disableEnhancedMonitoring(request)),
    SHARDSCOPE_OPERATION(EnableEnhancedMonitoring, EnhancedMonitoringRequest,
                         enableEnhancedMonitoring(request)),
    SHARDSCOPE_OPERATION(GetResourcePolicy, ResourcePolicyTarget, getResourcePolicy(request)),
    SHARDSCOPE_OPERATION(PutResourcePolicy, PutResourcePolicyRequest, putResourcePolicy(request)),
    SHARDSCOPE_OPERATION(UpdateAccountSettings, UpdateAccountSettingsRequest,
                         updateAccountSettings(request)),
    SHARDSCOPE_OPERATION(UpdateStreamWarmThroughput, UpdateStreamWarmThroughputRequest,
                         updateStreamWarmThroughput(request)),
};

#undef SHARDSCOPE_OPERATION

const Operation *findOperation(QStringView name)
{
    for (const Operation &op : kOperations) {
        if (op.name == name)
            return &op;
    }
    return nullptr;
}

// "Kinesis_20131202.PutRecord" split as kinesalite does: service before the first dot,
// operation between the first and the second.
struct Target
{
    QStringView service;
    QStringView operation;
};

Target splitTarget(QStringView target)
{
    const qsizetype dot = target.indexOf(u'.');
    if (dot < 0)
        return Target{target, {}};
    QStringView rest = target.sliced(dot + 1);
    const qsizetype second = rest.indexOf(u'.');
    return Target{target.first(dot), second < 0 ? rest : rest.first(second)};
}

// A body type Kinesis does not read: it answers in XML, as the AWS front end does before it
// knows which service it talks to.
Dispatcher::Response badContentType(Target target)
{
    Dispatcher::Response response;
    response.contentType = QByteArrayLiteral("application/xml");
    const auto xml = [](QStringView type, QStringView message) {
        return QString(u'<' % type % u">\n  <Message>" % message % u"</Message>\n</" % type %
                       u">\n")
            .toUtf8();
    };
    if (target.service.isEmpty() || target.operation.isEmpty()) {
        response.status = 403;
        response.body = xml(u"AccessDeniedException",
                            u"Unable to determine service/operation name to be authorized");
    } else if (target.service != kService) {
        response.status = 403;
        response.body = xml(u"UnrecognizedClientException",
                            QString(u"No authorization strategy was found for service: " %
                                    target.service % u", operation: " % target.operation));
    } else if (const Operation *op = findOperation(target.operation); !op) {
        response.status = 500;
        response.body = QByteArrayLiteral("<InternalFailure/>\n");
    } else {
        response.status = 404;
        response.operation = op->name.toString();
        response.body = QByteArrayLiteral("<UnknownOperationException/>\n");
    }
    return response;
}

} // namespace

Dispatcher::Dispatcher(Engine &engine) : m_engine(engine) {}

QStringList Dispatcher::operations()
{
    QStringList names;
    for (const Operation &op : kOperations)
        names.append(op.name.toString());
    return names;
}

Dispatcher::Response Dispatcher::handle(QStringView target, QByteArrayView contentType,
                                        const QByteArray &body, const Authorizer &authorize,
                                        const Caller &caller) const
{
    const Target parts = splitTarget(target);
    const auto format = WireCodec::formatForContentType(contentType);
    if (!format) {
        // Without a readable body the front end answers; a missing signature comes first there.
        if (authorize) {
            if (const auto denied = authorize(); denied && denied->type == ErrorType::MissingAuthenticationToken) {
                Response response;
                response.status = 403;
                response.contentType = QByteArrayLiteral("application/xml");
                response.body = QByteArrayLiteral("<MissingAuthenticationTokenException>\n"
                                                  "  <Message>Missing Authentication Token</Message>\n"
                                                  "</MissingAuthenticationTokenException>\n");
                return response;
            }
        }
        return badContentType(parts);
    }
    if (body.size() > kMaxRequestBytes) {
        Response tooLarge;
        tooLarge.status = 413;
        return tooLarge;
    }

    const WireCodec codec(*format);
    Response response;
    // Echo the request's type, so a JSON 1.0 client gets 1.0 back.
    const bool json10 =
        *format == WireFormat::Json &&
        contentType.trimmed().toByteArray().toLower().startsWith("application/x-amz-json-1.0");
    response.contentType =
        json10 ? QByteArrayLiteral("application/x-amz-json-1.0") : codec.contentType();
    const auto fail = [&](const Error &error) {
        response.status = error.httpStatus();
        response.body = codec.encodeError(error);
        return response;
    };

    // PutRecords, the request producers send most, is read straight from a body of the usual
    // shape; any other body (errors included) takes the general way below.
    if (parts.service == kService && parts.operation == u"PutRecords") {
        if (const auto request = PutRecordsReader::read(*format, body)) {
            response.operation = QStringLiteral("PutRecords");
            if (authorize) {
                if (const auto denied = authorize())
                    return fail(*denied);
            }
            const Outcome outcome = putRecords(m_engine, codec, *request);
            response.status = outcome.status;
            response.body = outcome.body;
            return response;
        }
    }

    // Kinesis reads the body before it looks at the target: bad JSON wins over a bad target.
    std::optional<QCborMap> input;
    if (!body.isEmpty()) {
        auto parsed = codec.parse(body);
        if (!parsed)
            return fail(parsed.error());
        input = std::move(*parsed);
    }
    const Operation *op = parts.service == kService ? findOperation(parts.operation) : nullptr;
    if (!op)
        return fail(Error{ErrorType::UnknownOperation, {}});
    response.operation = op->name.toString();
    if (!input)
        return fail(Error{ErrorType::Serialization, {}});
    if (authorize) {
        if (const auto denied = authorize())
            return fail(*denied);
    }

    const Outcome outcome = op->handler(m_engine, codec, *input, caller);
    response.status = outcome.status;
    response.body = outcome.body;
    if (outcome.subscription) {
        response.subscription = outcome.subscription;
        response.format = *format;
        response.contentType = QByteArrayLiteral("application/vnd.amazon.eventstream");
    }
    return response;
}

} // namespace shardscope
