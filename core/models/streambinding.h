#pragma once

#include "backend/futureutils.h"
#include "backend/streambackend.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>
#include <utility>

namespace shardscope {

// What every stream-bound model (shards table, summary, tags, consumers) needs between itself and the
// backend: it binds to one stream of one backend, turns the backend's change signals and the
// model's own requests into refreshes, and drops results that are no longer wanted.
//
// - Coalescing: parts that go stale within a tick (kDefaultCoalesceMs) make one refresh, which
//   fetches all of them; a steady burst of signals still refreshes once per tick, because the
//   timer is never pushed back. Parts can also be given a minimum interval (counts that follow
//   appends need not be read more than four times a second).
// - At most one refresh at a time: parts that go stale while one is in flight wait for it to
//   finish, then for a tick, so a slow backend never sees requests pile up.
// - Stale results: every refresh gets a new generation, and bind() starts another without a
//   refresh. A result delivered for any generation but the current refresh's is dropped, so
//   answers for a previous stream (or a refresh that was abandoned) never reach the model.
//
// - Polling: parts that change without any signal (a shard's current use) can be polled while
//   someone looks at them: setPolling() names them and the interval, setPollingActive() turns
//   it on while a view shows them. Each poll starts `intervalMs` after the refresh that last
//   fetched them finished, so a slow backend is never asked twice at once.
//
// What a refresh fetches is the model's business. It names the parts that can go stale as bits
// of `Parts` (e.g. "the shard list", "the counts"), and its refresh function receives the stale
// ones, starts the backend calls, passes each answer through deliver() and ends with finish().
//
// Threads: GUI thread. Does not own the backend.
class StreamBinding final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamBinding)

public:
    using Parts = quint32;
    // One refresh: the parts it fetches, and the generation its results must belong to.
    struct Refresh
    {
        quint64 generation = 0;
        Parts parts = 0;
    };
    using RefreshFunction = std::function<void(const Refresh &)>;

    static constexpr int kDefaultCoalesceMs = 50;

    explicit StreamBinding(RefreshFunction refresh, QObject *parent = nullptr);
    ~StreamBinding() override;

    // The parts the backend's catalogChanged and (for the bound stream only) recordsAppended
    // make stale; 0 ignores that signal. Set before binding.
    void setTriggers(Parts onCatalogChanged, Parts onRecordsAppended);
    // With `on`, those signals count only while polling is active: a model whose view is hidden
    // asks nothing, and catches up when polling resumes (which refreshes the polled parts).
    void setTriggersWhilePollingOnly(bool on) { m_triggersWhilePollingOnly = on; }
    // A refresh that fetches any of `parts` starts at least `intervalMs` after the previous one
    // that did, unless other parts are stale too.
    void setMinimumInterval(Parts parts, int intervalMs);
    void setCoalesceInterval(int ms);
    // Polls `parts` every `intervalMs` while polling is active and a stream is bound (0 parts:
    // no polling). May be called again to change the interval; takes effect from the next poll.
    void setPolling(Parts parts, int intervalMs);
    // Turning it on refreshes the polled parts now (they may be stale), then every interval;
    // turning it off stops asking, leaving the last values in place.
    void setPollingActive(bool active);
    bool isPollingActive() const { return m_pollingActive; }
    int pollingInterval() const { return m_pollIntervalMs; }
    // What a model says instead of setPollingActive(): a view wants the polled parts (it shows
    // them). Polling is then active while a stream is bound whose backend passes the condition
    // (none: any backend). The wish outlives bind(): a model that stopped polling for a new
    // stream calls resumePolling() once it has refreshed, and polling goes on if it applies.
    void setPollCondition(std::function<bool(const StreamBackend &)> canPoll);
    void setPollingWanted(bool wanted);
    void resumePolling() { setPollingWanted(m_pollingWanted); }
    // Whether the bound stream's backend passes the poll condition.
    bool canPoll() const { return isBound() && (!m_canPoll || m_canPoll(*m_backend)); }
    // `parts`, with the polled parts while polling is active: what a full refresh fetches.
    Parts withPolled(Parts parts) const { return m_pollingActive ? parts | m_pollParts : parts; }

    // Binds to `streamName` of `backend` (nothing, with a null backend or an empty name).
    // Whatever is in flight or pending belongs to the previous binding: its results will be
    // dropped. Starts no refresh; the model asks for one once it has reset itself.
    void bind(StreamBackend *backend, const QString &streamName);
    StreamBackend *backend() const { return m_backend; }
    QString streamName() const { return m_streamName; }
    bool isBound() const { return m_backend && !m_streamName.isEmpty(); }

    // Marks `parts` stale; they are refreshed within a tick (coalesced with other requests).
    void request(Parts parts);
    // Marks `parts` stale and refreshes now, or as soon as the refresh in flight has finished.
    void requestNow(Parts parts);

    // Calls `handler(result)` on this thread once `future` has its result, unless by then
    // `refresh` is no longer the current refresh: then the result is dropped.
    template<typename T, typename Handler>
    void deliver(const Refresh &refresh, const BackendFuture<T> &future, Handler &&handler)
    {
        onResult(this, future,
                 [this, generation = refresh.generation,
                  handler = std::forward<Handler>(handler)](BackendResult<T> result) mutable {
                     if (!isCurrent(generation)) {
                         ++m_droppedResults;
                         return;
                     }
                     handler(std::move(result));
                 });
    }
    // True while results for `refresh` are still wanted.
    bool isCurrent(const Refresh &refresh) const { return isCurrent(refresh.generation); }
    // `refresh` is done (every call answered, or given up): parts that went stale meanwhile are
    // refreshed after a tick. Ignored for a refresh that is no longer current.
    void finish(const Refresh &refresh);

    bool isBusy() const { return m_busy; }
    Parts pendingParts() const { return m_pending; }
    // Results dropped because they came for an earlier binding or refresh.
    quint64 droppedResults() const { return m_droppedResults; }

private:
    struct Throttle
    {
        Parts parts = 0;
        int intervalMs = 0;
        QElapsedTimer lastStarted; // the last refresh that fetched any of `parts`
    };

    bool isCurrent(quint64 generation) const { return m_busy && generation == m_generation; }
    bool triggersCount() const { return !m_triggersWhilePollingOnly || m_pollingActive; }
    void arm();
    int delayForPending() const;
    void start();
    void armPoll();

    RefreshFunction m_refresh;
    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    QTimer m_timer;
    QTimer m_pollTimer;
    Parts m_pollParts = 0;
    int m_pollIntervalMs = 0;
    bool m_pollingActive = false;
    bool m_pollingWanted = false;
    bool m_triggersWhilePollingOnly = false;
    std::function<bool(const StreamBackend &)> m_canPoll;
    QList<Throttle> m_throttles;
    Parts m_onCatalogChanged = 0;
    Parts m_onRecordsAppended = 0;
    Parts m_pending = 0;
    Parts m_inFlight = 0; // the parts of the refresh in flight (while m_busy)
    int m_coalesceMs = kDefaultCoalesceMs;
    quint64 m_generation = 0;
    quint64 m_droppedResults = 0;
    bool m_busy = false;
};

} // namespace shardscope
