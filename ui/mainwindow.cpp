#include "mainwindow.h"

#include "engine/engine.h"

#include <QLabel>
#include <QListWidget>
#include <QStatusBar>

namespace shardscope {

MainWindow::MainWindow(Engine *engine, const QString &databasePath, QWidget *parent)
    : QMainWindow(parent), m_engine(engine), m_streams(new QListWidget(this))
{
    setWindowTitle(tr("Shardscope — local emulator"));
    setCentralWidget(m_streams);
    statusBar()->addWidget(new QLabel(tr("Local emulator · %1").arg(databasePath), this));
    connect(m_engine, &Engine::catalogChanged, this, &MainWindow::refreshStreams,
            Qt::QueuedConnection);
    refreshStreams();
    resize(900, 600);
}

void MainWindow::refreshStreams()
{
    // ListStreams reads the published catalog snapshot: no disk access, no waiting on writes.
    const auto streams = m_engine->listStreams({});
    m_streams->clear();
    if (!streams) {
        m_streams->addItem(tr("Cannot list streams: %1").arg(streams.error().message));
        return;
    }
    for (const StreamSummary &summary : streams->streamSummaries)
        m_streams->addItem(tr("%1  (%2)").arg(summary.streamName, toWire(summary.streamStatus)));
}

} // namespace shardscope
