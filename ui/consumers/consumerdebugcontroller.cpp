#include "consumerdebugcontroller.h"

#include "aws/credentialsprovider.h"
#include "aws/dynamodbclient.h"
#include "backend/awsbackend.h"
#include "backend/emulatorbackend.h"
#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "consumer/consumergroup.h"
#include "consumer/dynamoleasetable.h"
#include "consumer/leasemonitor.h"
#include "consumer/leasetable.h"
#include "consumer/sqliteleasetable.h"
#include "kinesis/clock.h"
#include "uilog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace shardscope {

using namespace Qt::StringLiterals;

ConsumerDebugController::ConsumerDebugController(ConsumerDashboard *dashboard, QObject *parent)
    : QObject(parent), m_dashboard(dashboard)
{
    m_tipTimer.setInterval(kTipIntervalMs);
    connect(&m_tipTimer, &QTimer::timeout, this, &ConsumerDebugController::probeTips);
    connect(dashboard, &ConsumerDashboard::openTableRequested, this, &ConsumerDebugController::openTable);
    connect(dashboard, &ConsumerDashboard::stopRequested, this, &ConsumerDebugController::stop);
    connect(dashboard, &ConsumerDashboard::runGroupRequested, this, &ConsumerDebugController::runGroup);
    connect(dashboard, &ConsumerDashboard::addWorkerRequested, this, [this] {
        if (m_group)
            m_group->addWorker();
    });
    connect(dashboard, &ConsumerDashboard::killWorkerRequested, this, [this](const QString &worker) {
        if (m_group)
            m_group->killWorker(worker);
    });
    connect(dashboard, &ConsumerDashboard::pauseWorkerRequested, this, [this](const QString &worker, bool paused) {
        if (m_group)
            m_group->setWorkerPaused(worker, paused);
    });
    connect(dashboard, &ConsumerDashboard::processingDelayRequested, this, [this](const QString &worker, int ms) {
        if (m_group)
            m_group->setProcessingDelay(worker, ms);
    });
    connect(dashboard, &ConsumerDashboard::poisonFilterRequested, this,
            [this](const QString &worker, const QString &filter) {
                if (m_group)
                    m_group->setPoisonFilter(worker, filter);
            });
}

ConsumerDebugController::~ConsumerDebugController()
{
    stop();
    // An in-memory emulator's lease store goes with it.
    for (const QString &path : std::as_const(m_temporaryStores)) {
        for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(path + suffix);
    }
}

qint64 ConsumerDebugController::now() const
{
    return m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

void ConsumerDebugController::setTipIntervalMs(int ms)
{
    m_tipTimer.setInterval(ms);
}

QString ConsumerDebugController::localStorePath() const
{
    if (!m_localStorePath.isEmpty())
        return m_localStorePath;
    // Beside the emulator's database and named after it, so two stores in one folder (and two
    // in-memory runs, whose databases are temporary files) never share leases; else in the app's
    // data directory.
    if (auto *emulator = qobject_cast<EmulatorBackend *>(m_backend.data())) {
        const QString database = emulator->databasePath();
        if (!database.isEmpty())
            return database + u"-consumer-leases.db"_s;
    }
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(u"consumer-leases.db"_s);
}

void ConsumerDebugController::setStream(StreamBackend *backend, const QString &streamName)
{
    if (backend == m_backend && streamName == m_streamName)
        return;
    stop();
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    m_backend = backend;
    m_streamName = streamName;
    if (backend)
        connect(backend, &StreamBackend::catalogChanged, this, &ConsumerDebugController::refreshShards);
}

void ConsumerDebugController::watch(LeaseTable *table, bool owned, ConsumerDashboard::Source source,
                                    qint64 failoverTimeMs, const QString &description)
{
    ++m_generation;
    m_table = table;
    m_ownsTable = owned;
    m_monitor = new LeaseMonitor(table, m_clock, this);
    m_monitor->setFailoverTimeMs(failoverTimeMs);
    m_monitor->setPollIntervalMs(m_pollIntervalMs);
    connect(m_monitor, &LeaseMonitor::snapshotChanged, this, &ConsumerDebugController::onSnapshot);
    m_oldest.clear();
    m_oldestProbedMs.clear();
    m_counts.clear();
    if (m_dashboard)
        m_dashboard->setSource(source, description);
    refreshShards();
    m_monitor->start();
    m_tipTimer.start();
}

std::unique_ptr<DynamoDbClient> ConsumerDebugController::dynamoClient(const QString &endpoint,
                                                                      const QString &region)
{
    DynamoDbClientOptions options;
    options.endpoint = QUrl(endpoint);
    options.region = region;
    if (options.endpoint.scheme() == u"http"_s) {
        // DynamoDB Local, dynalite and LocalStack take any key; nothing needs to be found.
        options.staticCredentials = AwsCredentials{u"local"_s, u"local"_s, {}};
    } else {
        m_credentials = std::make_unique<CredentialsProvider>(CredentialsProvider::Options{});
        options.credentialsProvider = m_credentials.get();
    }
    return std::make_unique<DynamoDbClient>(options);
}

void ConsumerDebugController::runGroup(const ConsumerGroupRequest &request)
{
    stop();
    if (!m_backend || m_streamName.isEmpty())
        return;
    LeaseTable *table = nullptr;
    if (request.location == LeaseTableLocation::DynamoDb) {
        m_dynamo = dynamoClient(request.endpoint, request.region);
        table = new DynamoLeaseTable(m_dynamo.get(), request.applicationName, false);
    } else {
        const QString path = localStorePath();
        if (auto *emulator = qobject_cast<EmulatorBackend *>(m_backend.data());
            emulator && emulator->isInMemory() && m_localStorePath.isEmpty())
            m_temporaryStores.insert(path);
        table = new SqliteLeaseTable(path, request.applicationName);
    }
    ConsumerGroupOptions options;
    options.applicationName = request.applicationName;
    options.streamName = m_streamName;
    options.workers = request.workers;
    options.readMode = request.fanOut ? ConsumerGroupOptions::ReadMode::FanOut
                                      : ConsumerGroupOptions::ReadMode::Polling;
    options.consumerArn = request.consumerArn;
    options.initialPosition = request.initialPosition;
    options.initialTimestampMs = request.initialTimestampMs;
    options.failoverTimeMs = request.failoverTimeMs;
    if (request.leaderAssignment)
        options.assignment = ConsumerGroupOptions::AssignmentProtocol::Kcl3Leader;
    m_group = new ConsumerGroup(m_backend, table, options, nullptr, this);
    connect(m_group, &ConsumerGroup::workersChanged, this, &ConsumerDebugController::pushWorkers);
    connect(m_group, &ConsumerGroup::errorOccurred, this, [this](const QString &message) {
        if (m_dashboard)
            m_dashboard->setSourceError(message);
    });
    // The table exists once the group started: watch it from then on.
    connect(m_group, &ConsumerGroup::started, this, [this] {
        if (m_monitor)
            m_monitor->refreshNow();
        refreshShards();
    });
    const QString reading = request.fanOut ? tr("enhanced fan-out") : tr("polling");
    QString caption = tr("%1, reading by %3; workers at the start: %2; lease table: %4")
                          .arg(request.applicationName, QString::number(request.workers), reading, table->location());
    if (request.leaderAssignment)
        caption = tr("%1; leases assigned by an elected leader (KCL 3.x)").arg(caption);
    watch(table, true, ConsumerDashboard::Source::Group, request.failoverTimeMs, caption);
    m_group->start();
    pushWorkers();
}

void ConsumerDebugController::pushWorkers()
{
    if (!m_group || !m_dashboard)
        return;
    // The group times renewals by the system clock; the watcher may run on another (tests).
    const qint64 shift = now() - QDateTime::currentMSecsSinceEpoch();
    QList<WorkerStatus> workers = m_group->workers();
    for (WorkerStatus &worker : workers) {
        if (worker.lastRenewalMs > 0)
            worker.lastRenewalMs += shift;
    }
    m_dashboard->setWorkers(workers);
}

void ConsumerDebugController::openTable(const LeaseTableRequest &request)
{
    stop();
    if (!request.useConnection) {
        m_dynamo = dynamoClient(request.endpoint, request.region);
        auto *table = new DynamoLeaseTable(m_dynamo.get(), request.tableName, true);
        watch(table, true, ConsumerDashboard::Source::Inspector, request.failoverTimeMs,
              tr("%1 (%2)").arg(request.tableName, table->location()));
        return;
    }
    DynamoDbClientOptions options;
    options.region = request.region;
    {
        auto *aws = qobject_cast<AwsBackend *>(m_backend.data());
        if (!aws) {
            if (m_dashboard)
                m_dashboard->setSourceError(tr("Only an AWS connection has credentials for DynamoDB."));
            return;
        }
        options.region = aws->options().region;
        options.credentialsProvider = aws->options().credentialsProvider;
        options.staticCredentials = aws->options().staticCredentials;
    }
    m_dynamo = std::make_unique<DynamoDbClient>(options);
    auto *table = new DynamoLeaseTable(m_dynamo.get(), request.tableName, true);
    watch(table, true, ConsumerDashboard::Source::Inspector, request.failoverTimeMs,
          tr("%1 (%2)").arg(request.tableName, table->location()));
}

void ConsumerDebugController::stop()
{
    ++m_generation;
    m_tipTimer.stop();
    m_pendingProbes = 0;
    m_roundTips.clear();
    // The group first: its workers use the table.
    if (m_group) {
        m_group->stop();
        delete m_group;
        m_group = nullptr;
    }
    if (m_monitor) {
        m_monitor->stop();
        delete m_monitor;
        m_monitor = nullptr;
    }
    if (m_ownsTable)
        delete m_table;
    m_table = nullptr;
    m_ownsTable = false;
    m_dynamo.reset();
    m_credentials.reset();
    if (m_dashboard && m_dashboard->source() != ConsumerDashboard::Source::None)
        m_dashboard->setSource(ConsumerDashboard::Source::None, {});
}

void ConsumerDebugController::onSnapshot(const LeaseTableSnapshot &snapshot)
{
    if (!m_dashboard)
        return;
    m_dashboard->setSnapshot(snapshot);
    pushWorkers();
}

void ConsumerDebugController::refreshShards()
{
    if (!m_backend || m_streamName.isEmpty() || !m_monitor)
        return;
    const int generation = m_generation;
    onResult(this, m_backend->listAllShards(StreamTarget::byName(m_streamName)),
             [this, generation](const BackendResult<QList<Shard>> &shards) {
                 if (generation != m_generation || !m_dashboard)
                     return;
                 if (!shards) {
                     qCWarning(lcUi) << "consumer dashboard: cannot list shards:" << shards.error().message;
                     return;
                 }
                 m_dashboard->setShards(*shards);
             });
}

void ConsumerDebugController::probeTips()
{
    if (!m_backend || m_streamName.isEmpty() || !m_monitor || m_pendingProbes > 0)
        return;
    const LeaseTableSnapshot snapshot = m_monitor->snapshot();
    const int generation = m_generation;
    const qint64 at = now();
    m_roundTips.clear();
    QHash<QString, qsizetype> index;
    for (const LeaseState &state : snapshot.leases) {
        const Lease &lease = state.lease;
        const LeaseKeyParts key = parseLeaseKey(lease.leaseKey);
        if (lease.reachedShardEnd() || (key.multiStream && key.streamName != m_streamName))
            continue;
        ShardTip tip;
        tip.shardId = lease.shardId();
        tip.atMs = at;
        if (const auto oldest = m_oldest.constFind(tip.shardId); oldest != m_oldest.cend())
            tip.oldestSequenceNumber = *oldest;
        index.insert(tip.shardId, m_roundTips.size());
        m_roundTips.append(tip);
    }
    if (m_roundTips.isEmpty())
        return;

    const auto done = [this, generation] {
        if (generation != m_generation)
            return;
        if (--m_pendingProbes == 0)
            finishProbe();
    };
    // Where the backend counts records per shard: arrivals in the last minute from the change.
    if (m_backend->hasShardStatistics()) {
        ++m_pendingProbes;
        onResult(this, m_backend->shardStatistics(m_streamName),
                 [this, generation, at, done](const BackendResult<QList<ShardStatistics>> &stats) {
                     if (generation != m_generation)
                         return;
                     if (stats) {
                         for (const ShardStatistics &s : *stats) {
                             auto &samples = m_counts[s.shardId];
                             samples.append({at, s.recordCount});
                             while (samples.size() > 2 && samples.at(1).first <= at - 60'000)
                                 samples.removeFirst();
                             for (ShardTip &tip : m_roundTips) {
                                 if (tip.shardId != s.shardId || samples.size() < 2)
                                     continue;
                                 const qint64 span = at - samples.first().first;
                                 const qint64 added = std::max<qint64>(0, s.recordCount - samples.first().second);
                                 tip.recordsLastMinute = span > 0 ? added * 60'000 / std::max<qint64>(span, 60'000) : 0;
                             }
                         }
                     }
                     done();
                 });
    }
    for (const LeaseState &state : snapshot.leases) {
        const Lease &lease = state.lease;
        const auto slot = index.constFind(lease.shardId());
        if (slot == index.cend())
            continue;
        const qsizetype i = *slot;
        GetShardIteratorRequest request;
        request.target = StreamTarget::byName(m_streamName);
        request.shardId = lease.shardId();
        if (lease.checkpoint == CheckpointSentinel::Latest) {
            request.shardIteratorType = ShardIteratorType::Latest;
        } else if (LeaseDiagnoser::checkpointSequence(lease.checkpoint)) {
            request.shardIteratorType = ShardIteratorType::AfterSequenceNumber;
            request.startingSequenceNumber = lease.checkpoint;
        } else {
            request.shardIteratorType = ShardIteratorType::TrimHorizon;
        }
        // From the checkpoint: MillisBehindLatest, and whether anything waits after it.
        ++m_pendingProbes;
        StreamBackend *backend = m_backend;
        onResult(this, backend->getShardIterator(request),
                 [this, generation, i, done, backend](const BackendResult<GetShardIteratorResponse> &iterator) {
                     if (generation != m_generation || !m_backend)
                         return;
                     if (!iterator) {
                         done();
                         return;
                     }
                     GetRecordsRequest get;
                     get.shardIterator = iterator->shardIterator;
                     get.limit = kBehindProbeLimit;
                     onResult(this, backend->getRecords(get),
                              [this, generation, i, done](const BackendResult<GetRecordsResponse> &records) {
                                  if (generation != m_generation)
                                      return;
                                  if (records && i < m_roundTips.size()) {
                                      ShardTip &tip = m_roundTips[i];
                                      tip.millisBehind = records->millisBehindLatest;
                                      // Fewer than asked and at the tip: that is all there is
                                      // after the checkpoint, so the count is exact.
                                      if (records->records.size() < kBehindProbeLimit
                                          && records->millisBehindLatest == 0) {
                                          qint64 bytes = 0;
                                          for (const Record &record : records->records)
                                              bytes += record.data.size();
                                          tip.recordsBehind = records->records.size();
                                          tip.bytesBehind = bytes;
                                      }
                                  }
                                  done();
                              });
                 });
        // From TRIM_HORIZON, once a minute: the oldest record retention still keeps.
        const qint64 last = m_oldestProbedMs.value(lease.shardId(), 0);
        if (now() - last < kOldestProbeIntervalMs)
            continue;
        m_oldestProbedMs.insert(lease.shardId(), now());
        GetShardIteratorRequest oldest;
        oldest.target = request.target;
        oldest.shardId = request.shardId;
        oldest.shardIteratorType = ShardIteratorType::TrimHorizon;
        ++m_pendingProbes;
        const QString shardId = lease.shardId();
        onResult(this, backend->getShardIterator(oldest),
                 [this, generation, done, backend, shardId](const BackendResult<GetShardIteratorResponse> &iterator) {
                     if (generation != m_generation || !m_backend)
                         return;
                     if (!iterator) {
                         done();
                         return;
                     }
                     GetRecordsRequest get;
                     get.shardIterator = iterator->shardIterator;
                     get.limit = 1;
                     onResult(this, backend->getRecords(get),
                              [this, generation, done, shardId](const BackendResult<GetRecordsResponse> &records) {
                                  if (generation != m_generation)
                                      return;
                                  if (records && !records->records.isEmpty())
                                      m_oldest.insert(shardId, records->records.first().sequenceNumber);
                                  done();
                              });
                 });
    }
}

void ConsumerDebugController::finishProbe()
{
    for (ShardTip &tip : m_roundTips) {
        if (!tip.oldestSequenceNumber) {
            if (const auto oldest = m_oldest.constFind(tip.shardId); oldest != m_oldest.cend())
                tip.oldestSequenceNumber = *oldest;
        }
    }
    if (m_dashboard)
        m_dashboard->setTips(m_roundTips);
    m_roundTips.clear();
    emit tipsProbed();
}

} // namespace shardscope
