#pragma once

#include "consumer/leasesnapshot.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <expected>

class QTextStream;

namespace shardscope {

// A lease table snapshot for people (aligned text) and scripts (JSON): one row per lease (shard,
// owner, counter, checkpoint, owner switches, parents, state), then the leases per owner, the
// KCL 3.x leader and workers when known, and last any diagnoses (already-formatted lines that the
// caller supplies; this class makes none up).
class LeaseReport final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::LeaseReport)

public:
    // What a row says about its lease. Unknown: held, but seen only once, so whether its owner
    // still renews it cannot be told.
    enum class State { Alive, Expired, Unassigned, Ended, Unknown };

    struct Options
    {
        QString location;         // "DynamoDB, http://...", for the heading
        bool expiryKnown = true;  // false after a single look
        QString stream;           // multi-stream tables: only this stream's leases
        QStringList diagnoses;    // printed after the table, one per line
    };

    static State stateOf(const LeaseState &state, bool expiryKnown);
    // alive, expired, unassigned, ended, unknown (the same words in text and JSON, for scripts).
    static QString stateName(State state);
    // 4959033827…136588818 for a long sequence number; sentinels and short values unchanged.
    static QString abbreviated(const QString &sequenceNumber);
    // Whether the lease belongs to `stream` (a multi-stream key or streamName attribute naming
    // it); every lease matches an empty filter.
    static bool matchesStream(const Lease &lease, const QString &stream);

    static QString text(const LeaseTableSnapshot &snapshot, const Options &options);
    static QByteArray json(const LeaseTableSnapshot &snapshot, const Options &options);
};

// `shardscope leases`: reads a KCL application's lease table in DynamoDB once, or twice the
// failover time apart (the default, so expiry can be told), and prints it without a window.
class LeasesCommand final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::LeasesCommand)

public:
    struct Options
    {
        QString table;
        QUrl endpoint;     // empty: the region's DynamoDB endpoint
        QString profile;
        QString region;
        QString stream;
        bool json = false;
        bool wait = true;
        qint64 failoverTimeMs = 10'000;
        bool help = false;
    };

    // The arguments after `leases`; the error is a one-line message (exit status 2).
    static std::expected<Options, QString> parse(const QStringList &arguments);
    static QString helpText();
    // Reads and prints; 0, or 1 after a one-line message on `err`. Needs a QCoreApplication
    // and runs an event loop of its own until done.
    static int run(const Options &options, QTextStream &out, QTextStream &err);
    // parse + run with stdout and stderr: the exit status (2 for bad arguments).
    static int main(const QStringList &arguments);
};

} // namespace shardscope
