#pragma once

#include "backend/backendcall.h"
#include "kinesis/api.h"
#include "kinesis/error.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

namespace shardscope {

class StreamBackend;

// One SubscribeToShard subscription opened through a StreamBackend: the events of one
// enhanced fan-out consumer reading one shard, delivered as signals (a QFuture cannot carry a
// stream). A backend creates it with StreamBackend::subscribeToShard(); whoever asked owns it.
//
// Signals, in this order: opened() once the service accepted the subscription (the event
// stream's `initial-response`), then eventReceived() for each SubscribeToShardEvent, then
// finished() exactly once at the end. When it ends with an exception (the call's own, such as
// ResourceInUseException or ResourceNotFoundException, one sent in the event stream, or a
// transport error), failed() comes just before finished(). A subscription that ends normally
// (the 5-minute lifetime, or the last event of a closed shard) emits finished() alone; the
// caller subscribes again from the last event's ContinuationSequenceNumber to go on reading.
//
// Threads: lives on the backend's thread (the GUI thread) and emits its signals there.
class BackendSubscription : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackendSubscription)

public:
    ~BackendSubscription() override = default;

    const SubscribeToShardRequest &request() const { return m_request; }
    bool isOpen() const { return m_opened && !m_finished; }
    bool isFinished() const { return m_finished; }

    // Stops the subscription: the service's side ends too, and no signal is emitted after this
    // returns (not even finished()). Safe to call more than once, and after finished().
    virtual void cancel() = 0;

    // A subscription that fails with `error` as soon as control returns to the event loop, for a
    // backend that refuses the call before it starts.
    static BackendSubscription *failing(const SubscribeToShardRequest &request, Error error,
                                        QObject *parent = nullptr);
    // How the activity dock names a SubscribeToShard call: "<stream>/<shard> (<consumer>)".
    static QString activityTarget(const SubscribeToShardRequest &request);

signals:
    void opened();
    void eventReceived(const shardscope::SubscribeToShardEvent &event);
    void failed(const shardscope::Error &error);
    void finished();

protected:
    explicit BackendSubscription(SubscribeToShardRequest request, QObject *parent = nullptr);

    // For implementations: emit the signals above, keeping their order and the once-only end.
    // After end() (or cancel(), which must call markCancelled()) they do nothing.
    void deliverOpened();
    void deliverEvent(const SubscribeToShardEvent &event);
    void end(const std::optional<Error> &error = std::nullopt);
    void markCancelled();

    // The error of a subscription whose backend was destroyed under it.
    static Error connectionClosed(const QString &backendName);

    // The SubscribeToShard call `backend` reported as started: the activity dock shows it
    // running until the subscription ends or is cancelled, then finished with the error, if
    // any (while the backend exists).
    void trackCall(StreamBackend &backend, BackendCall call);

private:
    void endCall(const std::optional<Error> &error);

    SubscribeToShardRequest m_request;
    QPointer<StreamBackend> m_callBackend;
    BackendCall m_call;
    QElapsedTimer m_callTimer;
    bool m_callOpen = false;
    bool m_opened = false;
    bool m_finished = false;
};

} // namespace shardscope
