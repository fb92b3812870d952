#include "leasediscoverer.h"

#include "backend/futureutils.h"
#include "backend/roundpromise.h"
#include "consumer/leasecoordinator.h"
#include "consumer/leasetable.h"

#include <QPromise>

namespace shardscope {

struct LeaseDiscoverer::Round : RoundPromise
{
};

LeaseDiscoverer::LeaseDiscoverer(LeaseTable *table, LeaseCoordinator *coordinator, qint64 intervalMs,
                                 QObject *parent)
    : QObject(parent), m_table(table), m_coordinator(coordinator), m_intervalMs(intervalMs)
{
    m_timer.setInterval(int(m_intervalMs));
    connect(&m_timer, &QTimer::timeout, this, [this] { runDiscovery(); });
}

LeaseDiscoverer::~LeaseDiscoverer()
{
    forget();
}

void LeaseDiscoverer::start()
{
    if (isRunning())
        return;
    m_timer.start();
    runDiscovery();
}

void LeaseDiscoverer::stop()
{
    m_timer.stop();
}

void LeaseDiscoverer::forget()
{
    stop();
    ++m_generation;
    if (m_round)
        m_round->promise.finish();
    m_round.reset();
}

QFuture<void> LeaseDiscoverer::runDiscovery()
{
    if (m_round)
        return m_round->promise.future();
    auto round = std::make_shared<Round>();
    m_round = round;
    const quint64 generation = m_generation;
    onResult(this, m_table->listLeases(), [this, round, generation](const BackendResult<QList<Lease>> &leases) {
        if (generation != m_generation)
            return;
        if (!leases) {
            emit errorOccurred(tr("Listing the leases failed: %1").arg(leases.error().message));
        } else {
            for (const Lease &lease : *leases) {
                if (lease.leaseOwner == m_coordinator->workerId() && !m_coordinator->holds(lease.leaseKey)
                    && m_coordinator->adoptLease(lease))
                    ++m_discovered;
            }
        }
        round->promise.finish();
        if (m_round == round)
            m_round.reset();
    });
    return round->promise.future();
}

} // namespace shardscope
