#include "mainwindow.h"

#include "engine/engine.h"
#include "server/kinesisserver.h"

#include <QAction>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStatusBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace shardscope {

namespace {

// Hash keys are 39 digits; show their share of the key space instead, which reads at a glance.
QString percentOfKeySpace(HashKey key)
{
    const long double share = static_cast<long double>(key.value) /
                              static_cast<long double>(HashKey::kMaxValue);
    return QString::number(double(share * 100.0L), 'f', 2) + u'%';
}

} // namespace

MainWindow::MainWindow(Engine *engine, const QString &databaseLabel, QWidget *parent)
    : QMainWindow(parent),
      m_engine(engine),
      m_streams(new QTreeWidget(this)),
      m_shards(new QTreeWidget(this)),
      m_shardsTitle(new QLabel(this)),
      m_server(new KinesisServer(*engine, this)),
      m_serveAction(new QAction(tr("&Serve on localhost"), this)),
      m_endpointLabel(new QLabel(this))
{
    setWindowTitle(tr("Shardscope — local emulator"));

    m_streams->setHeaderLabels({tr("Stream"), tr("Status"), tr("Mode"), tr("Open shards"),
                                tr("Retention")});
    m_streams->setRootIsDecorated(false);
    m_streams->setAlternatingRowColors(true);
    m_streams->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_shards->setHeaderLabels({tr("Shard"), tr("State"), tr("Hash range"), tr("Parent"),
                               tr("Adjacent parent"), tr("Starting sequence number")});
    m_shards->setRootIsDecorated(false);
    m_shards->setAlternatingRowColors(true);
    m_shards->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *shardPane = new QWidget(this);
    auto *shardLayout = new QVBoxLayout(shardPane);
    shardLayout->setContentsMargins(6, 6, 6, 6);
    m_shardsTitle->setTextFormat(Qt::PlainText);
    shardLayout->addWidget(m_shardsTitle);
    shardLayout->addWidget(m_shards);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_streams);
    splitter->addWidget(shardPane);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    // Serving: the embedded emulator on a loopback port, for the user's own SDKs and tools.
    m_serveAction->setCheckable(true);
    m_serveAction->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    m_serveAction->setToolTip(tr("Serve the local emulator with the Kinesis wire protocol on 127.0.0.1:4567"));
    connect(m_serveAction, &QAction::toggled, this, &MainWindow::setServing);
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_serveAction);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(m_serveAction);

    statusBar()->addWidget(new QLabel(tr("Local emulator · %1").arg(databaseLabel), this));
    m_endpointLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_endpointLabel);
    connect(m_engine, &Engine::catalogChanged, this, &MainWindow::refreshStreams,
            Qt::QueuedConnection);
    connect(m_streams, &QTreeWidget::currentItemChanged, this, &MainWindow::showShards);
    refreshStreams();
    resize(1000, 640);
}

void MainWindow::setServing(bool on)
{
    if (!on) {
        m_server->stop();
        m_endpointLabel->clear();
        return;
    }
    KinesisServer::Options options;
    const auto url = m_server->start(options);
    if (!url) {
        QSignalBlocker blocker(m_serveAction);
        m_serveAction->setChecked(false);
        m_endpointLabel->setText(tr("Not serving: %1").arg(url.error()));
        return;
    }
    m_endpointLabel->setText(tr("Serving at %1").arg(url->toString()));
}

void MainWindow::refreshStreams()
{
    const QString selected = m_streams->currentItem() ? m_streams->currentItem()->text(0) : QString();
    const auto streams = m_engine->listStreams({});
    m_streams->clear();
    if (!streams) {
        statusBar()->showMessage(tr("Cannot list streams: %1").arg(streams.error().message));
        return;
    }
    for (const StreamSummary &summary : streams->streamSummaries) {
        const auto details = m_engine->describeStreamSummary(StreamTarget::byName(summary.streamName));
        auto *item = new QTreeWidgetItem(m_streams);
        item->setText(0, summary.streamName);
        item->setText(1, toWire(summary.streamStatus));
        item->setText(2, toWire(summary.streamMode));
        if (details) {
            item->setText(3, QString::number(details->openShardCount));
            item->setText(4, tr("%1 hours").arg(details->retentionPeriodHours)); // never below 24
        }
        if (summary.streamName == selected || (selected.isEmpty() && m_streams->topLevelItemCount() == 1))
            m_streams->setCurrentItem(item);
    }
    showShards();
}

void MainWindow::showShards()
{
    m_shards->clear();
    const QTreeWidgetItem *current = m_streams->currentItem();
    if (!current) {
        m_shardsTitle->setText(tr("Select a stream to see its shards."));
        return;
    }
    DescribeStreamRequest request;
    request.target = StreamTarget::byName(current->text(0));
    request.limit = 10000;
    const auto description = m_engine->describeStream(request);
    if (!description) {
        m_shardsTitle->setText(description.error().message);
        return;
    }
    m_shardsTitle->setText(tr("Shards of %1").arg(description->streamName));
    for (const Shard &shard : description->shards) {
        auto *item = new QTreeWidgetItem(m_shards);
        item->setText(0, shard.shardId);
        item->setText(1, shard.endingSequenceNumber ? tr("closed") : tr("open"));
        item->setText(2, tr("%1 – %2").arg(percentOfKeySpace(shard.hashKeyRange.start),
                                           percentOfKeySpace(shard.hashKeyRange.end)));
        item->setToolTip(2, tr("%1 – %2").arg(shard.hashKeyRange.start.toDecimal(),
                                              shard.hashKeyRange.end.toDecimal()));
        item->setText(3, shard.parentShardId.value_or(QString()));
        item->setText(4, shard.adjacentParentShardId.value_or(QString()));
        item->setText(5, shard.startingSequenceNumber.toString());
    }
}

} // namespace shardscope
