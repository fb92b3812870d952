#include "demotrickle.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "records/kplaggregation.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr int kUsers = 40;
constexpr int kMinTickMs = 10;
constexpr double kMaxRate = 5000;

struct Product
{
    const char16_t *slug;
    const char16_t *category;
    double price;
};

constexpr Product kProducts[] = {
    {u"espresso-machine", u"machines", 249.0},  {u"burr-grinder", u"machines", 89.0},
    {u"coffee-beans-1kg", u"coffee", 18.5},     {u"decaf-beans-500g", u"coffee", 11.25},
    {u"cold-brew-kit", u"coffee", 34.0},        {u"green-tea-sampler", u"tea", 22.75},
    {u"earl-grey-tin", u"tea", 9.9},            {u"ceramic-mug", u"accessories", 12.5},
    {u"milk-frother", u"accessories", 39.9},    {u"travel-tumbler", u"accessories", 24.0},
};
constexpr const char16_t *kSearches[] = {u"espresso", u"decaf", u"green tea", u"mug",
                                         u"grinder", u"gift", u"cold brew", u"filters"};
constexpr const char16_t *kPaymentErrors[] = {u"card_declined", u"insufficient_funds",
                                              u"gateway_timeout"};

const Product *findProduct(const QString &slug)
{
    for (const Product &product : kProducts) {
        if (slug == QStringView(product.slug))
            return &product;
    }
    return nullptr;
}

double roundCents(double amount)
{
    return std::round(amount * 100) / 100;
}

bool isRetryable(ErrorType type)
{
    switch (type) {
    case ErrorType::ProvisionedThroughputExceeded:
    case ErrorType::KmsThrottling:
    case ErrorType::LimitExceeded:
    case ErrorType::InternalFailure:
    case ErrorType::ResourceInUse:
        return true;
    default:
        return false;
    }
}

// A per-record error of PutRecords, by its wire name, as an Error.
Error recordError(const PutRecordsResultEntry &entry)
{
    ErrorType type = ErrorType::InternalFailure;
    for (int i = 0; i <= int(ErrorType::UnrecognizedClient); ++i) {
        if (Error{ErrorType(i), {}}.typeName() == entry.errorCode) {
            type = ErrorType(i);
            break;
        }
    }
    return Error{type, entry.errorMessage.isEmpty() ? entry.errorCode : entry.errorMessage};
}

} // namespace

QString DemoTrickle::defaultStreamName()
{
    return u"demo"_s;
}

QString DemoTrickle::sourceLabel()
{
    return u"shardscope-demo"_s;
}

CreateStreamRequest DemoTrickle::createStreamRequest(const QString &streamName)
{
    CreateStreamRequest request;
    request.streamName = streamName;
    request.shardCount = kDefaultShardCount;
    request.tags.insert(u"source"_s, sourceLabel());
    return request;
}

DemoTrickle::DemoTrickle(StreamBackend *backend, const QString &streamName, QObject *parent)
    : QObject(parent), m_backend(backend), m_streamName(streamName), m_random(kDefaultSeed)
{
    m_timer.setInterval(kDefaultTickMs);
    connect(&m_timer, &QTimer::timeout, this, &DemoTrickle::tick);
}

DemoTrickle::~DemoTrickle() = default;

void DemoTrickle::setRecordsPerSecond(double rate)
{
    if (!(rate > 0)) // also NaN
        rate = kDefaultRecordsPerSecond;
    m_rate = std::min(rate, kMaxRate);
}

void DemoTrickle::setTickInterval(int ms)
{
    m_timer.setInterval(std::max(ms, kMinTickMs));
}

void DemoTrickle::setSeed(quint32 seed)
{
    m_seed = seed;
    m_random.seed(seed);
    m_users.clear();
}

void DemoTrickle::start()
{
    if (isRunning())
        return;
    ++m_run;
    m_lastError.reset();
    m_failedBatchesInARow = 0;
    m_streamReady = false;
    m_timer.start();
    emit stateChanged(true);
    // Something to see at once rather than after the first tick.
    m_carry = std::max(0.0, 1.0 - m_rate * m_timer.interval() / 1000.0);
    tick();
}

void DemoTrickle::stop()
{
    if (!isRunning())
        return;
    ++m_run;
    m_timer.stop();
    emit stateChanged(false);
}

void DemoTrickle::tick()
{
    if (!m_backend) {
        stopWithError(Error::internal(tr("The connection was closed.")));
        return;
    }
    if (m_inFlight) {
        // Not queued and not owed: a slow backend gets a lower rate, not a pile-up.
        ++m_skippedTicks;
        return;
    }
    if (!m_streamReady) {
        checkStreamReady(m_run);
        return;
    }
    m_carry += m_rate * m_timer.interval() / 1000.0;
    int count = int(m_carry);
    if (count <= 0)
        return;
    m_carry -= count;
    if (count > kMaxBatchSize) {
        count = kMaxBatchSize;
        m_carry = 0;
    }
    sendBatch(count);
}

void DemoTrickle::sendBatch(int count)
{
    PutRecordsRequest request;
    request.target = StreamTarget::byName(m_streamName);
    request.records.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        ++m_recordsBuilt;
        if (m_aggregateEvery > 0 && m_recordsBuilt % m_aggregateEvery == 0)
            request.records.append(nextAggregate(now, 3 + int(m_random.bounded(4))));
        else
            request.records.append(nextEvent(now));
    }
    m_inFlight = true;
    const quint64 run = m_run;
    onResult(this, m_backend->putRecords(request),
             [this, run, count](const BackendResult<PutRecordsResponse> &result) {
                 handleResult(run, count, result);
             });
}

void DemoTrickle::handleResult(quint64 run, int count,
                               const std::expected<PutRecordsResponse, Error> &result)
{
    m_inFlight = false;
    const bool current = run == m_run && isRunning();
    if (result) {
        const int failedRecords = std::clamp(result->failedRecordCount, 0, count);
        const int accepted = count - failedRecords;
        m_sent += accepted;
        m_failed += failedRecords;
        emit batchFinished(accepted, failedRecords);
        if (!current)
            return;
        if (accepted > 0) {
            m_failedBatchesInARow = 0;
            m_lastError.reset(); // it was passing
            return;
        }
        const auto firstError = std::find_if(result->records.cbegin(), result->records.cend(),
                                             [](const PutRecordsResultEntry &entry) {
                                                 return !entry.errorCode.isEmpty();
                                             });
        countFailedBatch(firstError != result->records.cend()
                             ? recordError(*firstError)
                             : Error::internal(tr("Every record of the batch failed.")));
        return;
    }
    m_failed += count;
    emit batchFinished(0, count);
    if (!current)
        return;
    const Error &error = result.error();
    if (error.type == ErrorType::ResourceNotFound)
        handleNotFound(run, error);
    else if (isRetryable(error.type))
        countFailedBatch(error);
    else
        stopWithError(error);
}

void DemoTrickle::checkStreamReady(quint64 run)
{
    m_inFlight = true;
    onResult(this, m_backend->describeStreamSummary(StreamTarget::byName(m_streamName)),
             [this, run](const BackendResult<StreamDescriptionSummary> &summary) {
                 m_inFlight = false;
                 if (run != m_run || !isRunning())
                     return;
                 if (!summary) {
                     if (summary.error().type == ErrorType::ResourceNotFound)
                         stopWithError(summary.error());
                     else
                         countFailedBatch(summary.error());
                     return;
                 }
                 switch (summary->streamStatus) {
                 case StreamStatus::Creating:
                     return; // the next tick asks again
                 case StreamStatus::Deleting:
                     stopWithError(Error{ErrorType::ResourceNotFound,
                                         tr("The stream %1 is being deleted.").arg(m_streamName)});
                     return;
                 case StreamStatus::Active:
                 case StreamStatus::Updating:
                     m_streamReady = true;
                     tick(); // something to see at once
                     return;
                 }
             });
}

void DemoTrickle::handleNotFound(quint64 run, const Error &error)
{
    // Kinesis refuses records for a stream that is still CREATING as if it did not exist; on
    // first run the app starts us right after creating the stream. Ask before giving up, and
    // keep the slot busy meanwhile so nothing is sent.
    if (!m_backend) {
        stopWithError(error);
        return;
    }
    m_inFlight = true;
    onResult(this, m_backend->describeStreamSummary(StreamTarget::byName(m_streamName)),
             [this, run, error](const BackendResult<StreamDescriptionSummary> &summary) {
                 m_inFlight = false;
                 if (run != m_run || !isRunning())
                     return;
                 if (!summary) {
                     if (summary.error().type == ErrorType::ResourceNotFound)
                         stopWithError(error);
                     else
                         countFailedBatch(error);
                     return;
                 }
                 switch (summary->streamStatus) {
                 case StreamStatus::Creating:
                     return; // the next tick tries again
                 case StreamStatus::Deleting:
                     stopWithError(error);
                     return;
                 case StreamStatus::Active:
                 case StreamStatus::Updating:
                     countFailedBatch(error);
                     return;
                 }
             });
}

void DemoTrickle::countFailedBatch(const Error &error)
{
    m_lastError = error;
    if (++m_failedBatchesInARow < kMaxFailedBatches)
        return;
    stopWithError(Error{error.type, tr("%1 batches in a row failed; the last one with: %2")
                                        .arg(m_failedBatchesInARow)
                                        .arg(error.message)});
}

void DemoTrickle::stopWithError(const Error &error)
{
    m_lastError = error;
    stop();
}

QString DemoTrickle::newSession()
{
    return u"s-"_s + QString::number(m_random.generate64() & 0xffffffffffffULL, 16).rightJustified(12, u'0');
}

PutRecordsRequestEntry DemoTrickle::nextAggregate(const QDateTime &timestamp, int events)
{
    QList<KplUserRecord> records;
    for (int i = 0; i < events; ++i) {
        const PutRecordsRequestEntry event = nextEvent(timestamp);
        records.append(KplUserRecord{event.partitionKey, std::nullopt, event.data, {}});
    }
    PutRecordsRequestEntry entry;
    entry.partitionKey = records.first().partitionKey;
    // Aggregating our own well-formed events cannot fail; were it to, send the first event.
    if (auto aggregated = KplAggregation::aggregate(records))
        entry.data = *aggregated;
    else
        entry.data = records.first().data;
    return entry;
}

PutRecordsRequestEntry DemoTrickle::nextEvent(const QDateTime &timestamp)
{
    // A few users are much busier than the rest, as on a real shop.
    const int userNumber = 1 + int(std::min(m_random.bounded(kUsers), m_random.bounded(kUsers)));
    const QString userId = u"user-"_s + QString::number(userNumber);
    User &user = m_users[userNumber];

    QJsonObject event;
    QString type;
    QString path;
    QString status = u"ok"_s;
    const auto pickProduct = [this] {
        return &kProducts[m_random.bounded(int(std::size(kProducts)))];
    };

    if (user.session.isEmpty() || m_random.generateDouble() < 0.04) {
        user.session = newSession();
        user.lastProduct.clear();
        type = u"page_view"_s;
        path = u"/"_s;
    } else {
        const double roll = m_random.generateDouble();
        if (!user.cart.isEmpty() && roll < 0.12) {
            double amount = 0;
            for (const QString &slug : std::as_const(user.cart)) {
                if (const Product *product = findProduct(slug))
                    amount += product->price;
            }
            path = u"/checkout"_s;
            event.insert(u"amount"_s, roundCents(amount));
            event.insert(u"items"_s, int(user.cart.size()));
            if (m_random.generateDouble() < 0.15) {
                type = u"payment_failed"_s;
                status = u"error"_s;
                event.insert(u"error"_s, QString::fromUtf16(kPaymentErrors[m_random.bounded(
                                             int(std::size(kPaymentErrors)))]));
            } else {
                type = u"checkout"_s;
                user.cart.clear();
            }
        } else if (!user.lastProduct.isEmpty() && roll < 0.30) {
            type = u"add_to_cart"_s;
            path = u"/products/"_s + user.lastProduct;
            event.insert(u"product"_s, user.lastProduct);
            if (const Product *product = findProduct(user.lastProduct))
                event.insert(u"amount"_s, product->price);
            user.cart.append(user.lastProduct);
        } else if (!user.cart.isEmpty() && roll < 0.34) {
            type = u"remove_from_cart"_s;
            path = u"/cart"_s;
            const QString slug = user.cart.takeLast();
            event.insert(u"product"_s, slug);
            if (const Product *product = findProduct(slug))
                event.insert(u"amount"_s, product->price);
        } else if (roll < 0.46) {
            type = u"search"_s;
            path = u"/search"_s;
            event.insert(u"query"_s, QString::fromUtf16(kSearches[m_random.bounded(
                                         int(std::size(kSearches)))]));
        } else {
            type = u"page_view"_s;
            const double where = m_random.generateDouble();
            if (where < 0.03) {
                path = u"/products/discontinued-"_s + QString::number(m_random.bounded(100));
                status = u"error"_s;
                event.insert(u"error"_s, u"not_found"_s);
            } else if (where < 0.73) {
                const Product *product = pickProduct();
                user.lastProduct = QString::fromUtf16(product->slug);
                path = u"/products/"_s + user.lastProduct;
            } else if (where < 0.93) {
                path = u"/category/"_s + QString::fromUtf16(pickProduct()->category);
            } else {
                path = u"/cart"_s;
            }
        }
    }

    event.insert(u"type"_s, type);
    event.insert(u"user"_s, userId);
    event.insert(u"session"_s, user.session);
    event.insert(u"ts"_s, timestamp.toUTC().toString(Qt::ISODateWithMs));
    event.insert(u"path"_s, path);
    event.insert(u"status"_s, status);
    event.insert(u"source"_s, sourceLabel());

    PutRecordsRequestEntry entry;
    entry.data = QJsonDocument(event).toJson(QJsonDocument::Compact);
    entry.partitionKey = userId;
    return entry;
}

} // namespace shardscope
