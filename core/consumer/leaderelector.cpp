#include "leaderelector.h"

#include "backend/futureutils.h"
#include "backend/roundpromise.h"
#include "kinesis/clockorsystem.h"
#include "consumer/coordinatorstore.h"
#include "kinesis/clock.h"

#include <QPromise>
#include <QUuid>

namespace shardscope {

struct LeaderElector::Round : RoundPromise
{
};

LeaderElector::LeaderElector(CoordinatorStore *store, const QString &workerId, const LeaderElectorOptions &options,
                             const Clock *clock, QObject *parent)
    : QObject(parent), m_store(store), m_workerId(workerId), m_options(options),
      m_clock(&clockOrSystem(clock))
{
    m_timer.setInterval(int(m_options.heartbeatPeriodMs));
    connect(&m_timer, &QTimer::timeout, this, [this] { runElection(); });
}

LeaderElector::~LeaderElector()
{
    forget();
}

qint64 LeaderElector::now() const
{
    return m_clock->nowMs();
}

void LeaderElector::start()
{
    if (isRunning())
        return;
    m_timer.start();
    runElection();
}

void LeaderElector::stop()
{
    m_timer.stop();
}

void LeaderElector::forget()
{
    stop();
    ++m_generation;
    if (m_round)
        m_round->finish();
    m_round.reset();
    m_heldVersion.clear();
    m_seenVersion.clear();
    m_seenSinceMs = 0;
    setHeld(false);
    setLeaderId({});
}

void LeaderElector::release()
{
    if (!m_held) {
        forget();
        return;
    }
    const QString version = m_heldVersion;
    forget();
    m_store->deleteLeaderLock(version);
}

bool LeaderElector::isLeader() const
{
    return m_held && now() - m_lastHeartbeatMs <= m_options.leaseDurationMs;
}

void LeaderElector::setHeld(bool held)
{
    if (held == m_held)
        return;
    m_held = held;
    emit leadershipChanged(held);
}

void LeaderElector::setLeaderId(const QString &leaderId)
{
    if (leaderId == m_leaderId)
        return;
    m_leaderId = leaderId;
    emit leaderIdChanged(leaderId);
}

void LeaderElector::setError(const QString &message)
{
    m_lastError = message;
    emit errorOccurred(message);
}

QString LeaderElector::newVersion() const
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QFuture<void> LeaderElector::runElection()
{
    if (m_round)
        return m_round->promise.future();
    auto round = std::make_shared<Round>();
    m_round = round;
    if (m_held)
        heartbeat(round);
    else
        contend(round);
    return round->promise.future();
}

void LeaderElector::heartbeat(std::shared_ptr<Round> round)
{
    const quint64 generation = m_generation;
    const LeaderLock next{m_workerId, m_options.leaseDurationMs, newVersion()};
    onResult(this, m_store->writeLeaderLock(m_heldVersion, next),
             [this, round, generation, next](const BackendResult<bool> &written) {
                 if (generation != m_generation || round->finished)
                     return;
                 if (!written) {
                     setError(tr("Renewing the leader lock failed: %1").arg(written.error().message));
                 } else if (*written) {
                     m_heldVersion = next.recordVersionNumber;
                     m_lastHeartbeatMs = now();
                 } else {
                     // Another worker took the lock while this one did not heartbeat.
                     m_heldVersion.clear();
                     setHeld(false);
                 }
                 round->finish();
                 m_round.reset();
             });
}

void LeaderElector::contend(std::shared_ptr<Round> round)
{
    const quint64 generation = m_generation;
    onResult(this, m_store->readLeaderLock(),
             [this, round, generation](const BackendResult<std::optional<LeaderLock>> &lock) {
                 if (generation != m_generation || round->finished)
                     return;
                 if (!lock) {
                     setError(tr("Reading the leader lock failed: %1").arg(lock.error().message));
                     round->finish();
                     m_round.reset();
                     return;
                 }
                 if (!*lock) {
                     tryWrite({}, round);
                     return;
                 }
                 const LeaderLock &held = **lock;
                 setLeaderId(held.ownerName);
                 if (held.ownerName == m_workerId) {
                     // Written under this worker id by an earlier life (a stopped group run
                     // again): worker ids are unique, so it is this worker's to take back.
                     tryWrite(held.recordVersionNumber, round);
                     return;
                 }
                 if (held.recordVersionNumber != m_seenVersion) {
                     m_seenVersion = held.recordVersionNumber;
                     m_seenSinceMs = now();
                 } else if (now() - m_seenSinceMs > held.leaseDurationMs) {
                     tryWrite(held.recordVersionNumber, round);
                     return;
                 }
                 round->finish();
                 m_round.reset();
             });
}

void LeaderElector::tryWrite(const QString &expectedVersion, std::shared_ptr<Round> round)
{
    const quint64 generation = m_generation;
    const LeaderLock next{m_workerId, m_options.leaseDurationMs, newVersion()};
    onResult(this, m_store->writeLeaderLock(expectedVersion, next),
             [this, round, generation, next](const BackendResult<bool> &written) {
                 if (generation != m_generation || round->finished)
                     return;
                 if (!written) {
                     setError(tr("Taking the leader lock failed: %1").arg(written.error().message));
                 } else if (*written) {
                     m_heldVersion = next.recordVersionNumber;
                     m_lastHeartbeatMs = now();
                     m_seenVersion.clear();
                     ++m_taken;
                     setLeaderId(m_workerId);
                     setHeld(true);
                 }
                 round->finish();
                 m_round.reset();
             });
}

} // namespace shardscope
