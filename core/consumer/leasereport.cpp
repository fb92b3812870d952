#include "leasereport.h"

#include "aws/awsconfig.h"
#include "aws/credentialsprovider.h"
#include "aws/dynamodbclient.h"
#include "consumer/dynamoleasetable.h"
#include "consumer/leasediagnoser.h"
#include "consumer/leasemonitor.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMap>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace shardscope {

namespace {

// Extra wait after the failover time, so the second look is surely "longer than" it.
constexpr qint64 kSecondLookMarginMs = 250;

QString streamOf(const Lease &lease)
{
    const LeaseKeyParts parts = parseLeaseKey(lease.leaseKey);
    if (parts.multiStream)
        return parts.streamName;
    // The streamName attribute holds the stream identifier account:stream:creationEpoch.
    const QStringList identifier = lease.streamName.split(u':');
    return identifier.size() == 3 ? identifier.at(1) : lease.streamName;
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QList<LeaseState> filtered(const LeaseTableSnapshot &snapshot, const QString &stream)
{
    QList<LeaseState> leases;
    for (const LeaseState &state : snapshot.leases) {
        if (LeaseReport::matchesStream(state.lease, stream))
            leases.append(state);
    }
    return leases;
}

// Leases per owner, the unassigned under an empty name.
QMap<QString, int> perOwner(const QList<LeaseState> &leases)
{
    QMap<QString, int> owners;
    for (const LeaseState &state : leases)
        ++owners[state.lease.leaseOwner];
    return owners;
}

QString secondsText(qint64 ms)
{
    return ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(ms / 1000.0, 'f', 1);
}

} // namespace

LeaseReport::State LeaseReport::stateOf(const LeaseState &state, bool expiryKnown)
{
    if (state.lease.reachedShardEnd())
        return State::Ended;
    if (!state.lease.isAssigned())
        return State::Unassigned;
    if (!expiryKnown)
        return State::Unknown;
    return state.expired ? State::Expired : State::Alive;
}

QString LeaseReport::stateName(State state)
{
    switch (state) {
    case State::Alive: return u"alive"_s;
    case State::Expired: return u"expired"_s;
    case State::Unassigned: return u"unassigned"_s;
    case State::Ended: return u"ended"_s;
    case State::Unknown: return u"unknown"_s;
    }
    return {};
}

QString LeaseReport::abbreviated(const QString &sequenceNumber)
{
    if (sequenceNumber.size() <= 20)
        return sequenceNumber;
    return sequenceNumber.left(10) + u'…' + sequenceNumber.right(9);
}

bool LeaseReport::matchesStream(const Lease &lease, const QString &stream)
{
    return stream.isEmpty() || streamOf(lease) == stream;
}

QString LeaseReport::text(const LeaseTableSnapshot &snapshot, const Options &options)
{
    const QList<LeaseState> leases = filtered(snapshot, options.stream);
    bool multiStream = false;
    for (const LeaseState &state : leases)
        multiStream = multiStream || !streamOf(state.lease).isEmpty();

    QList<QStringList> rows;
    QStringList heading;
    if (multiStream)
        heading << tr("STREAM");
    heading << tr("SHARD") << tr("OWNER") << tr("COUNTER") << tr("CHECKPOINT") << tr("SWITCHES")
            << tr("PARENTS") << tr("STATE");
    rows.append(heading);
    for (const LeaseState &state : leases) {
        const Lease &lease = state.lease;
        QStringList row;
        if (multiStream)
            row << streamOf(lease);
        row << lease.shardId() << (lease.isAssigned() ? lease.leaseOwner : u"-"_s)
            << QString::number(lease.leaseCounter)
            << (lease.checkpoint.isEmpty() ? u"-"_s : abbreviated(lease.checkpoint))
            << QString::number(lease.ownerSwitchesSinceCheckpoint)
            << (lease.parentShardIds.isEmpty() ? u"-"_s : lease.parentShardIds.join(u','))
            << stateName(stateOf(state, options.expiryKnown));
        rows.append(row);
    }
    QList<qsizetype> widths(heading.size(), 0);
    for (const QStringList &row : std::as_const(rows)) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }

    QString result;
    QTextStream stream(&result);
    QString where = snapshot.tableName;
    if (!options.location.isEmpty())
        where += u" ("_s + options.location + u')';
    if (!options.stream.isEmpty())
        where += u", "_s + tr("stream %1").arg(options.stream);
    const QString count = leases.size() == 1 ? tr("1 lease") : tr("%1 leases").arg(leases.size());
    stream << tr("Lease table %1: %2, failover time %3 s")
                  .arg(where, count, secondsText(snapshot.failoverTimeMs))
           << '\n';
    if (snapshot.takenAtMs > 0)
        stream << tr("Read at %1").arg(isoTime(snapshot.takenAtMs)) << '\n';
    stream << '\n';
    for (const QStringList &row : std::as_const(rows)) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        stream << line << '\n';
    }
    if (leases.isEmpty())
        stream << tr("(no leases)") << '\n';
    if (!options.expiryKnown)
        stream << '\n'
               << tr("Expiry is unknown: the table was read once. Without --no-wait it is read "
                     "twice, the failover time apart.")
               << '\n';

    const QMap<QString, int> owners = perOwner(leases);
    if (!owners.isEmpty()) {
        stream << '\n' << tr("Leases per owner:") << '\n';
        qsizetype width = 0;
        for (auto it = owners.begin(); it != owners.end(); ++it)
            width = std::max(width, (it.key().isEmpty() ? tr("(unassigned)") : it.key()).size());
        for (auto it = owners.begin(); it != owners.end(); ++it) {
            const QString name = it.key().isEmpty() ? tr("(unassigned)") : it.key();
            stream << "  " << name.leftJustified(width + 2) << it.value() << '\n';
        }
    }
    if (snapshot.hasCoordinatorState) {
        stream << '\n'
               << tr("Leader: %1").arg(snapshot.leaderWorkerId.isEmpty() ? tr("(none)")
                                                                          : snapshot.leaderWorkerId)
               << '\n';
    }
    if (snapshot.hasWorkerMetricStats) {
        stream << tr("Workers reporting metrics: %1").arg(snapshot.workerMetricStats.size()) << '\n';
        for (const WorkerMetricStatsEntry &worker : snapshot.workerMetricStats) {
            QStringList metrics;
            for (auto it = worker.metricStats.begin(); it != worker.metricStats.end(); ++it) {
                if (!it.value().isEmpty())
                    metrics << u"%1 %2"_s.arg(it.key()).arg(it.value().last());
            }
            stream << "  " << worker.workerId << "  "
                   << tr("last update %1").arg(isoTime(worker.lastUpdateEpochSeconds * 1000));
            if (!metrics.isEmpty())
                stream << "  " << metrics.join(u", "_s);
            stream << '\n';
        }
    }
    // Diagnoses come last, after everything they may refer to.
    if (!options.diagnoses.isEmpty()) {
        stream << '\n';
        for (const QString &line : options.diagnoses)
            stream << line << '\n';
    }
    stream.flush();
    return result;
}

QByteArray LeaseReport::json(const LeaseTableSnapshot &snapshot, const Options &options)
{
    const QList<LeaseState> leases = filtered(snapshot, options.stream);
    QJsonArray rows;
    for (const LeaseState &state : leases) {
        const Lease &lease = state.lease;
        QJsonObject row{
            {u"leaseKey"_s, lease.leaseKey},
            {u"shardId"_s, lease.shardId()},
            {u"owner"_s, lease.isAssigned() ? QJsonValue(lease.leaseOwner) : QJsonValue()},
            {u"counter"_s, lease.leaseCounter},
            {u"checkpoint"_s, lease.checkpoint},
            {u"checkpointSubSequenceNumber"_s, lease.checkpointSubSequenceNumber},
            {u"ownerSwitchesSinceCheckpoint"_s, lease.ownerSwitchesSinceCheckpoint},
            {u"parentShardIds"_s, QJsonArray::fromStringList(lease.parentShardIds)},
            {u"childShardIds"_s, QJsonArray::fromStringList(lease.childShardIds)},
            {u"state"_s, stateName(stateOf(state, options.expiryKnown))},
            {u"firstSeen"_s, isoTime(state.firstSeenMs)},
            {u"counterChanged"_s, isoTime(state.counterChangedMs)},
            {u"checkpointChanged"_s, isoTime(state.checkpointChangedMs)},
        };
        if (!streamOf(lease).isEmpty())
            row.insert(u"stream"_s, streamOf(lease));
        if (!lease.pendingCheckpoint.isEmpty())
            row.insert(u"pendingCheckpoint"_s, lease.pendingCheckpoint);
        if (!lease.checkpointOwner.isEmpty())
            row.insert(u"checkpointOwner"_s, lease.checkpointOwner);
        if (lease.throughputKBps)
            row.insert(u"throughputKBps"_s, *lease.throughputKBps);
        rows.append(row);
    }
    QJsonObject owners;
    const QMap<QString, int> counts = perOwner(leases);
    int unassigned = 0;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        if (it.key().isEmpty())
            unassigned = it.value();
        else
            owners.insert(it.key(), it.value());
    }
    QJsonArray workers;
    for (const WorkerMetricStatsEntry &worker : snapshot.workerMetricStats) {
        QJsonObject metrics;
        for (auto it = worker.metricStats.begin(); it != worker.metricStats.end(); ++it) {
            QJsonArray values;
            for (double value : it.value())
                values.append(value);
            metrics.insert(it.key(), values);
        }
        workers.append(QJsonObject{{u"workerId"_s, worker.workerId},
                                   {u"lastUpdate"_s, isoTime(worker.lastUpdateEpochSeconds * 1000)},
                                   {u"metricStats"_s, metrics}});
    }
    QJsonObject document{
        {u"table"_s, snapshot.tableName},
        {u"location"_s, options.location},
        {u"readAt"_s, snapshot.takenAtMs > 0 ? QJsonValue(isoTime(snapshot.takenAtMs)) : QJsonValue()},
        {u"failoverTimeMs"_s, snapshot.failoverTimeMs},
        {u"expiryKnown"_s, options.expiryKnown},
        {u"leases"_s, rows},
        {u"leasesPerOwner"_s, owners},
        {u"unassigned"_s, unassigned},
        {u"hasWorkerMetricStats"_s, snapshot.hasWorkerMetricStats},
        {u"hasCoordinatorState"_s, snapshot.hasCoordinatorState},
        {u"leader"_s, snapshot.leaderWorkerId.isEmpty() ? QJsonValue() : QJsonValue(snapshot.leaderWorkerId)},
        {u"workers"_s, workers},
        {u"diagnoses"_s, QJsonArray::fromStringList(options.diagnoses)},
    };
    if (!options.stream.isEmpty())
        document.insert(u"stream"_s, options.stream);
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

std::expected<LeasesCommand::Options, QString> LeasesCommand::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption help({u"h"_s, u"help"_s}, QString());
    const QCommandLineOption table(u"table"_s, QString(), u"name"_s);
    const QCommandLineOption endpoint(u"endpoint"_s, QString(), u"url"_s);
    const QCommandLineOption profile(u"profile"_s, QString(), u"profile"_s);
    const QCommandLineOption region(u"region"_s, QString(), u"region"_s);
    const QCommandLineOption stream(u"stream"_s, QString(), u"stream"_s);
    const QCommandLineOption json(u"json"_s, QString());
    const QCommandLineOption noWait(u"no-wait"_s, QString());
    const QCommandLineOption failover(u"failover-ms"_s, QString(), u"ms"_s);
    parser.addOptions({help, table, endpoint, profile, region, stream, json, noWait, failover});
    if (!parser.parse(QStringList{u"shardscope leases"_s} + arguments))
        return std::unexpected(parser.errorText());
    Options options;
    if (parser.isSet(help)) {
        options.help = true;
        return options;
    }
    if (!parser.positionalArguments().isEmpty())
        return std::unexpected(tr("Unexpected argument: %1").arg(parser.positionalArguments().first()));
    options.table = parser.value(table).trimmed();
    if (options.table.isEmpty())
        return std::unexpected(tr("--table is required: the lease table (the KCL application name)."));
    if (parser.isSet(endpoint)) {
        options.endpoint = QUrl(parser.value(endpoint), QUrl::StrictMode);
        const QString scheme = options.endpoint.scheme();
        if (!options.endpoint.isValid() || options.endpoint.host().isEmpty()
            || (scheme != "http"_L1 && scheme != "https"_L1))
            return std::unexpected(tr("--endpoint must be an http:// or https:// URL, not %1.")
                                       .arg(parser.value(endpoint)));
    }
    options.profile = parser.value(profile);
    options.region = parser.value(region);
    if (options.region.isEmpty())
        options.region = AwsConfig::fromEnvironment().region(options.profile);
    if (options.region.isEmpty()) {
        if (options.endpoint.isEmpty())
            return std::unexpected(tr("--region is required (or AWS_REGION, or a region in the profile)."));
        options.region = u"us-east-1"_s;
    }
    options.stream = parser.value(stream);
    options.json = parser.isSet(json);
    options.wait = !parser.isSet(noWait);
    if (parser.isSet(failover)) {
        bool ok = false;
        options.failoverTimeMs = parser.value(failover).toLongLong(&ok);
        if (!ok || options.failoverTimeMs < 1 || options.failoverTimeMs > 3'600'000)
            return std::unexpected(tr("--failover-ms must be a number of milliseconds from 1 to 3600000, not %1.")
                                       .arg(parser.value(failover)));
    }
    return options;
}

QString LeasesCommand::helpText()
{
    return tr("Usage: shardscope leases --table NAME [--endpoint URL | --profile P] [--region R]\n"
              "                         [--stream S] [--json] [--failover-ms N] [--no-wait]\n"
              "\n"
              "Prints the lease table of a KCL application (DynamoDB), read-only: one row per\n"
              "lease (shard, owner, counter, checkpoint, owner switches, parents, state), then\n"
              "the leases per owner and, for KCL 3.x, the leader and the workers' metrics.\n"
              "\n"
              "KCL stores no expiry time: a lease is expired when its counter has not changed\n"
              "for longer than the failover time. So the table is read twice: once, then again\n"
              "after the failover time (10 s unless --failover-ms says otherwise), and only then\n"
              "is a lease called alive or expired. --no-wait reads once; expiry is then unknown.\n"
              "\n"
              "  --table NAME       the lease table (the KCL application name)\n"
              "  --endpoint URL     DynamoDB at this URL (DynamoDB Local, LocalStack, ...)\n"
              "  --profile P        the AWS profile whose credentials to use\n"
              "  --region R         the region (default: AWS_REGION or the profile's region)\n"
              "  --stream S         multi-stream applications: only this stream's leases\n"
              "  --json             JSON instead of text (checkpoints in full)\n"
              "  --failover-ms N    the application's failoverTimeMillis (default 10000)\n"
              "  --no-wait          read once and do not tell expired from alive\n"
              "\n"
              "Exit status: 0 when the table was read, 1 when it could not be (unreachable\n"
              "endpoint, unknown table, no credentials), 2 for bad arguments.\n");
}

int LeasesCommand::run(const Options &options, QTextStream &out, QTextStream &err)
{
    CredentialsProvider::Options credentialOptions;
    credentialOptions.profile = options.profile;
    CredentialsProvider provider(credentialOptions);
    DynamoDbClientOptions clientOptions;
    clientOptions.region = options.region;
    clientOptions.endpoint = options.endpoint;
    clientOptions.credentialsProvider = &provider;
    DynamoDbClient client(clientOptions);
    // The inspector never writes to an application's table.
    DynamoLeaseTable table(&client, options.table, true);
    LeaseMonitor monitor(&table);
    monitor.setFailoverTimeMs(options.failoverTimeMs);

    QEventLoop loop;
    int looks = 0;
    int status = 0;
    LeaseTableSnapshot last;
    QList<LeaseTableSnapshot> history; // both looks, for the diagnoser
    QObject::connect(&monitor, &LeaseMonitor::snapshotChanged, &loop,
                     [&](const LeaseTableSnapshot &snapshot) {
                         ++looks;
                         history.append(snapshot);
                         if (snapshot.error) {
                             err << "shardscope leases: "
                                 << QString(snapshot.error->message).replace(u'\n', u' ') << '\n';
                             err.flush();
                             status = 1;
                             loop.exit();
                             return;
                         }
                         if (options.wait && looks == 1) {
                             err << tr("watching for %1 s…").arg(secondsText(options.failoverTimeMs))
                                 << '\n';
                             err.flush();
                             QTimer::singleShot(options.failoverTimeMs + kSecondLookMarginMs, &monitor,
                                                &LeaseMonitor::refreshNow);
                             return;
                         }
                         last = snapshot;
                         loop.exit();
                     });
    QTimer::singleShot(0, &monitor, &LeaseMonitor::refreshNow);
    loop.exec();
    if (status != 0)
        return status;

    LeaseReport::Options report;
    report.location = table.location();
    report.expiryKnown = options.wait;
    report.stream = options.stream;
    // What the table alone tells (no shards or tips here): workers that stopped renewing,
    // leases nobody takes, ping-pong; only after two looks can a counter be seen standing still.
    if (options.wait) {
        LeaseDiagnoserInput input;
        input.nowMs = last.takenAtMs;
        input.streamName = options.stream;
        input.history = history;
        for (const Diagnosis &diagnosis : LeaseDiagnoser::diagnose(input))
            report.diagnoses.append(diagnosis.text);
    }
    if (options.json)
        out << QString::fromUtf8(LeaseReport::json(last, report));
    else
        out << LeaseReport::text(last, report);
    out.flush();
    return 0;
}

int LeasesCommand::main(const QStringList &arguments)
{
    // Scripts read stderr for the one-line message; the library's log lines would only add noise
    // (QT_LOGGING_RULES still turns them on).
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(u"shardscope.*=false"_s);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto options = parse(arguments);
    if (!options) {
        err << "shardscope leases: " << options.error() << '\n'
            << tr("Run `shardscope leases --help` for the options.") << '\n';
        return 2;
    }
    if (options->help) {
        out << helpText();
        return 0;
    }
    return run(*options, out, err);
}

} // namespace shardscope
