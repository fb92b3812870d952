#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace shardscope {

class SqliteDb;

// Owns the one SQLite write connection and the thread that uses it. Jobs queue up; the thread
// takes every queued job (up to a cap), runs them in one transaction, each inside its own
// savepoint, commits once (group commit), then reports each job's fate. When idle it runs the
// housekeeping callback about once a second.
class WriterThread final
{
public:
    struct Job
    {
        // Runs inside the group transaction. Returns false when the job failed and its writes
        // must be rolled back (its savepoint is undone; other jobs are unaffected).
        std::function<bool(SqliteDb &)> run;
        // Called on the writer thread after the commit: committed is false when the commit
        // itself failed (then every job of the group failed).
        std::function<void(bool committed)> done;
    };

    struct Hooks
    {
        // After the commit (or its failure) and before any done() call: publish or restore
        // in-memory state so that a caller woken by done() sees the committed state.
        std::function<void(bool committed)> afterCommit;
        std::function<void()> afterGroup; // after all done() calls of a group
        std::function<void(SqliteDb &)> housekeeping; // idle work, inside its own transaction
        int housekeepingIntervalMs = 1000;
    };

    WriterThread(std::unique_ptr<SqliteDb> db, Hooks hooks);
    ~WriterThread(); // drains the queue, then stops
    WriterThread(const WriterThread &) = delete;
    WriterThread &operator=(const WriterThread &) = delete;

    void submit(Job job);
    // Runs housekeeping now (on the writer thread) and waits for it.
    void runHousekeepingNow();

private:
    void loop();
    void runGroup(std::deque<Job> &group);

    std::unique_ptr<SqliteDb> m_db;
    Hooks m_hooks;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace shardscope
