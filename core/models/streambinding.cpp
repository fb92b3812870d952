#include "streambinding.h"

#include <algorithm>

namespace shardscope {

StreamBinding::StreamBinding(RefreshFunction refresh, QObject *parent)
    : QObject(parent), m_refresh(std::move(refresh))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &StreamBinding::start);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] { request(m_pollParts); });
}

StreamBinding::~StreamBinding() = default;

void StreamBinding::setTriggers(Parts onCatalogChanged, Parts onRecordsAppended)
{
    m_onCatalogChanged = onCatalogChanged;
    m_onRecordsAppended = onRecordsAppended;
}

void StreamBinding::setMinimumInterval(Parts parts, int intervalMs)
{
    m_throttles.append(Throttle{parts, intervalMs, {}});
}

void StreamBinding::setCoalesceInterval(int ms)
{
    m_coalesceMs = std::max(0, ms);
}

void StreamBinding::setPolling(Parts parts, int intervalMs)
{
    m_pollParts = parts;
    m_pollIntervalMs = std::max(0, intervalMs);
    if (!parts)
        m_pollTimer.stop();
}

void StreamBinding::setPollingActive(bool active)
{
    if (m_pollingActive == active)
        return;
    m_pollingActive = active;
    if (!active) {
        m_pollTimer.stop();
        return;
    }
    // A refresh in flight that fetches them arms the poll when it finishes.
    if (m_pollParts && isBound() && !(m_busy && (m_inFlight & m_pollParts)))
        requestNow(m_pollParts);
}

void StreamBinding::setPollCondition(std::function<bool(const StreamBackend &)> canPoll)
{
    m_canPoll = std::move(canPoll);
}

void StreamBinding::setPollingWanted(bool wanted)
{
    m_pollingWanted = wanted;
    setPollingActive(wanted && canPoll());
}

void StreamBinding::armPoll()
{
    if (m_pollingActive && m_pollParts && isBound() && !(m_pending & m_pollParts))
        m_pollTimer.start(m_pollIntervalMs);
}

void StreamBinding::bind(StreamBackend *backend, const QString &streamName)
{
    if (m_backend != backend) {
        if (m_backend)
            disconnect(m_backend, nullptr, this, nullptr);
        m_backend = backend;
        if (backend && m_onCatalogChanged)
            connect(backend, &StreamBackend::catalogChanged, this, [this] {
                if (triggersCount())
                    request(m_onCatalogChanged);
            });
        if (backend && m_onRecordsAppended)
            connect(backend, &StreamBackend::recordsAppended, this, [this](const QString &stream) {
                if (stream == m_streamName && triggersCount())
                    request(m_onRecordsAppended);
            });
    }
    m_streamName = streamName;
    ++m_generation; // no refresh has it: whatever is in flight is for the previous binding
    m_busy = false;
    m_pending = 0;
    m_timer.stop();
    m_pollTimer.stop(); // the next refresh that fetches the polled parts arms it again
    for (Throttle &throttle : m_throttles)
        throttle.lastStarted.invalidate();
}

void StreamBinding::request(Parts parts)
{
    m_pending |= parts;
    arm();
}

void StreamBinding::requestNow(Parts parts)
{
    m_pending |= parts;
    start();
}

void StreamBinding::finish(const Refresh &refresh)
{
    if (!isCurrent(refresh))
        return;
    m_busy = false;
    if (refresh.parts & m_pollParts)
        armPoll();
    arm();
}

int StreamBinding::delayForPending() const
{
    Parts throttled = 0;
    for (const Throttle &throttle : m_throttles)
        throttled |= throttle.parts;
    if (m_pending & ~throttled)
        return m_coalesceMs;
    // Only throttled parts are stale: wait out the shortest remaining interval among them.
    qint64 delay = -1;
    for (const Throttle &throttle : m_throttles) {
        if (!(throttle.parts & m_pending))
            continue;
        const qint64 since = throttle.lastStarted.isValid() ? throttle.lastStarted.elapsed()
                                                            : qint64(throttle.intervalMs);
        const qint64 wait = std::max<qint64>(m_coalesceMs, throttle.intervalMs - since);
        delay = delay < 0 ? wait : std::min(delay, wait);
    }
    return int(std::max<qint64>(delay, m_coalesceMs));
}

void StreamBinding::arm()
{
    if (m_busy || !m_pending || !isBound())
        return; // finish() arms it again
    // Never pushed back by later requests, so a steady burst still refreshes; only brought
    // forward when something more urgent is asked for.
    const int delay = delayForPending();
    if (!m_timer.isActive() || m_timer.remainingTime() > delay)
        m_timer.start(delay);
}

void StreamBinding::start()
{
    if (m_busy || !m_pending || !isBound())
        return;
    m_timer.stop();
    const Refresh refresh{++m_generation, std::exchange(m_pending, 0)};
    m_busy = true;
    m_inFlight = refresh.parts;
    for (Throttle &throttle : m_throttles) {
        if (throttle.parts & refresh.parts)
            throttle.lastStarted.start();
    }
    m_refresh(refresh); // may finish() before it returns
}

} // namespace shardscope
