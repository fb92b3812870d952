#include "writerthread.h"

#include "enginelog.h"
#include "sqlitedb.h"

#include <future>

namespace shardscope {

namespace {
constexpr std::size_t kMaxJobsPerGroup = 512;
}

WriterThread::WriterThread(std::unique_ptr<SqliteDb> db, Hooks hooks)
    : m_db(std::move(db)), m_hooks(std::move(hooks))
{
    m_thread = std::thread([this] { loop(); });
}

WriterThread::~WriterThread()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void WriterThread::submit(Job job)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void WriterThread::runHousekeepingNow()
{
    std::promise<void> finished;
    submit(Job{[this](SqliteDb &db) {
                   if (m_hooks.housekeeping)
                       m_hooks.housekeeping(db);
                   return true;
               },
               [&finished](bool) { finished.set_value(); }});
    finished.get_future().wait();
}

void WriterThread::loop()
{
    using Clock = std::chrono::steady_clock;
    const auto interval = std::chrono::milliseconds(m_hooks.housekeepingIntervalMs);
    auto nextHousekeeping = Clock::now() + interval;
    for (;;) {
        std::deque<Job> group;
        bool stopping = false;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_until(lock, nextHousekeeping,
                              [this] { return m_stopping || !m_queue.empty(); });
            while (!m_queue.empty() && group.size() < kMaxJobsPerGroup) {
                group.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            stopping = m_stopping && m_queue.empty();
        }
        if (!group.empty())
            runGroup(group);
        if (stopping)
            return;
        // Housekeeping runs on schedule even under a steady stream of writes.
        if (Clock::now() >= nextHousekeeping) {
            if (m_hooks.housekeeping) {
                std::deque<Job> housekeeping;
                housekeeping.push_back(Job{[this](SqliteDb &db) {
                                               m_hooks.housekeeping(db);
                                               return true;
                                           },
                                           {}});
                runGroup(housekeeping);
            }
            nextHousekeeping = Clock::now() + interval;
        }
    }
}

void WriterThread::runGroup(std::deque<Job> &group)
{
    bool committed = m_db->exec("BEGIN IMMEDIATE").has_value();
    if (committed) {
        for (Job &job : group) {
            if (!m_db->exec("SAVEPOINT job").has_value()) {
                committed = false;
                break;
            }
            const bool ok = job.run(*m_db);
            // A job whose writes cannot be undone alone takes the whole group with it.
            if (!ok) {
                if (auto undone = m_db->exec("ROLLBACK TO job"); !undone) {
                    qCWarning(lcEngine).noquote()
                        << "Undoing a failed write job failed:" << undone.error().message;
                    committed = false;
                    break;
                }
            }
            if (auto released = m_db->exec("RELEASE job"); !released) {
                qCWarning(lcEngine).noquote()
                    << "Releasing a write job's savepoint failed:" << released.error().message;
                committed = false;
                break;
            }
        }
        if (committed) {
            if (auto commit = m_db->exec("COMMIT"); !commit) {
                qCWarning(lcEngine).noquote()
                    << "Committing a write group failed:" << commit.error().message;
                committed = false;
            }
        }
        // A failed COMMIT may have rolled the transaction back already.
        if (!committed && m_db->inTransaction()) {
            if (auto rollback = m_db->exec("ROLLBACK"); !rollback)
                qCWarning(lcEngine).noquote()
                    << "Rolling back a write group failed:" << rollback.error().message;
        }
    } else {
        qCWarning(lcEngine) << "A write group could not begin its transaction.";
    }
    if (m_hooks.afterCommit)
        m_hooks.afterCommit(committed);
    for (Job &job : group) {
        if (job.done)
            job.done(committed);
    }
    if (m_hooks.afterGroup)
        m_hooks.afterGroup();
}

} // namespace shardscope
