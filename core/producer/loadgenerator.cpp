#include "producer/loadgenerator.h"

#include "backend/streambackend.h"
#include "producer/producer.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

constexpr int kTickMs = 10;
constexpr double kMaxRecordsPerSecond = 1'000'000;

} // namespace

LoadGenerator::LoadGenerator(StreamBackend *backend, const QString &streamName,
                             const LoadGeneratorOptions &options, QObject *parent)
    : QObject(parent), m_backend(backend), m_streamName(streamName), m_options(options),
      m_producer(new Producer(backend, streamName, options.producer, this)), m_keys(options.keys),
      m_random(options.seed != 0 ? options.seed : QRandomGenerator::global()->generate()),
      m_timer(new QTimer(this))
{
    m_clock = [producer = m_producer] { return producer->nowMs(); };
    if (m_options.payload == LoadPayloadKind::Template) {
        if (auto parsed = RecordTemplate::parse(m_options.dataTemplate))
            m_template = std::move(*parsed);
    }
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &LoadGenerator::tick);
    connect(m_producer, &Producer::secondClosed, this, &LoadGenerator::onProducerSecond);
    connect(m_producer, &Producer::idle, this, [this] {
        if (m_state == State::Stopping)
            setState(State::Finished);
    });
}

LoadGenerator::~LoadGenerator() = default;

std::optional<QString> LoadGenerator::problem(const LoadGeneratorOptions &options)
{
    if (!(options.recordsPerSecond > 0) || options.recordsPerSecond > kMaxRecordsPerSecond)
        return tr("The rate must be more than 0 and at most %L1 records per second.")
            .arg(kMaxRecordsPerSecond, 0, 'f', 0);
    if (options.durationMs < 0)
        return tr("The duration cannot be negative.");
    if (options.minRecordBytes < 1 || options.maxRecordBytes < options.minRecordBytes
        || options.maxRecordBytes > KinesisLimits::kDefaultMaxRecordBytes)
        return tr("Record sizes must be from 1 to %L1 bytes, the smallest first.")
            .arg(KinesisLimits::kDefaultMaxRecordBytes);
    const KeyDistributionOptions &keys = options.keys;
    if (keys.keyCount < 1)
        return tr("There must be at least one partition key.");
    if (keys.prefix.size() + QString::number(keys.keyCount).size()
        > KinesisLimits::kMaxPartitionKeyLength)
        return tr("The partition key prefix is too long.");
    if (keys.kind == KeyDistributionKind::HotKeys
        && (keys.hotKeyCount < 1 || keys.hotKeyCount > keys.keyCount || keys.hotShare < 0
            || keys.hotShare > 1))
        return tr("Hot keys must be from 1 to the number of keys, their share from 0 to 100 %.");
    if (keys.kind == KeyDistributionKind::Zipf && !(keys.zipfExponent > 0))
        return tr("The Zipf exponent must be more than 0.");
    if (options.payload == LoadPayloadKind::Template) {
        const auto parsed = RecordTemplate::parse(options.dataTemplate);
        if (!parsed)
            return tr("The template is wrong at character %1: %2")
                .arg(parsed.error().position + 1)
                .arg(parsed.error().message);
    }
    return std::nullopt;
}

void LoadGenerator::setClock(ProducerClock clock)
{
    m_producer->setClock(clock);
    m_clock = std::move(clock);
}

bool LoadGenerator::start()
{
    if (m_state != State::Idle)
        return false;
    if (const auto wrong = problem(m_options)) {
        m_error = *wrong;
        return false;
    }
    if (!m_backend || m_backend->isReadOnly()) {
        m_error = m_backend ? tr("The connection %1 is read-only.").arg(m_backend->displayName())
                            : tr("The connection is gone.");
        return false;
    }
    m_error.clear();
    m_startedMs = m_clock();
    m_timer->start();
    setState(State::Running);
    return true;
}

void LoadGenerator::pause()
{
    if (m_state != State::Running)
        return;
    m_pausedAtMs = m_clock();
    setState(State::Paused);
}

void LoadGenerator::resume()
{
    if (m_state != State::Paused)
        return;
    m_pausedTotalMs += m_clock() - m_pausedAtMs;
    setState(State::Running);
}

void LoadGenerator::stop()
{
    if (m_state != State::Running && m_state != State::Paused)
        return;
    if (m_state == State::Paused)
        m_pausedTotalMs += m_clock() - m_pausedAtMs;
    m_timer->stop();
    m_producer->flush();
    setState(m_producer->isIdle() ? State::Finished : State::Stopping);
}

void LoadGenerator::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
    if (state == State::Finished)
        emit finished();
}

qint64 LoadGenerator::runningMs(qint64 now) const
{
    qint64 paused = m_pausedTotalMs;
    if (m_state == State::Paused)
        paused += now - m_pausedAtMs;
    return std::max<qint64>(0, now - m_startedMs - paused);
}

void LoadGenerator::tick()
{
    if (m_state != State::Running)
        return;
    const qint64 now = m_clock();
    qint64 elapsed = runningMs(now);
    const bool done = m_options.durationMs > 0 && elapsed >= m_options.durationMs;
    if (done)
        elapsed = m_options.durationMs;
    const auto target = qint64(std::floor(m_options.recordsPerSecond * double(elapsed) / 1000.0));
    qint64 due = target - m_generated - m_skipped;
    // After a stall, make at most one second's worth at once; the rest is skipped, not owed.
    const auto cap = std::max<qint64>(1, qint64(std::ceil(m_options.recordsPerSecond)));
    if (due > cap) {
        m_skipped += due - cap;
        due = cap;
    }
    if (due > 0)
        generate(due);
    if (done)
        stop();
}

int LoadGenerator::nextSize()
{
    if (m_options.maxRecordBytes <= m_options.minRecordBytes)
        return m_options.minRecordBytes;
    return int(m_random.bounded(m_options.minRecordBytes, m_options.maxRecordBytes + 1));
}

QByteArray LoadGenerator::makePayload(qint64 counter)
{
    const int size = nextSize();
    QByteArray data;
    if (m_options.payload == LoadPayloadKind::Template && m_template) {
        TemplateContext context;
        context.counter = counter;
        context.random = &m_random;
        data = m_template->expand(context).toUtf8();
        if (data.size() < size)
            data.append(QByteArray(size - data.size(), ' '));
        if (data.size() > m_options.maxRecordBytes)
            data.truncate(m_options.maxRecordBytes);
        return data;
    }
    // {"id":N, then the fields that fit, then "pad" letters (or spaces) to the exact size; a
    // size too small even for {"id":N} cuts it.
    static const char *const kStatuses[] = {"ok", "ok", "ok", "retry", "error"};
    data = R"({"id":)" + QByteArray::number(counter);
    const QByteArray fields[] = {
        R"(,"user":"u-)" + QByteArray::number(m_random.bounded(100000)) + '"',
        R"(,"value":)" + QByteArray::number(m_random.bounded(100000) / 100.0, 'f', 2),
        R"(,"status":")" + QByteArray(kStatuses[m_random.bounded(5)]) + '"',
    };
    for (const QByteArray &field : fields) {
        if (data.size() + field.size() + 1 <= size)
            data.append(field);
    }
    const qsizetype room = size - data.size() - 1;
    static constexpr qsizetype kPadField = 9; // ,"pad":""
    if (room >= kPadField) {
        data.append(R"(,"pad":")");
        for (qsizetype i = 0; i < room - kPadField; ++i)
            data.append(char('a' + m_random.bounded(26)));
        data.append('"');
    } else if (room > 0) {
        data.append(QByteArray(room, ' '));
    }
    data.append('}');
    if (data.size() > size)
        data.truncate(size);
    return data;
}

void LoadGenerator::generate(qint64 count)
{
    for (qint64 i = 0; i < count; ++i) {
        ++m_generated;
        ProducerRecord record;
        record.partitionKey = m_keys.next(m_random);
        record.data = makePayload(m_generated);
        const auto put = m_producer->put(record); // may close the producer's second
        ++m_secondGenerated;
        if (!put) {
            ++m_refused;
            ++m_secondRefused;
        }
    }
}

void LoadGenerator::onProducerSecond(const ProducerCounters &counters)
{
    LoadGeneratorSecond second;
    second.second = counters.second;
    second.generatedRecords = m_secondGenerated;
    second.refusedRecords = m_secondRefused;
    second.producer = counters;
    m_secondGenerated = 0;
    m_secondRefused = 0;
    m_history.append(second);
    if (m_history.size() > kHistorySeconds)
        m_history.remove(0, m_history.size() - kHistorySeconds);
    emit secondClosed(second);
}

} // namespace shardscope
