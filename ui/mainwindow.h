#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QTreeWidget;

namespace shardscope {

class Engine;
class KinesisServer;

// The main window: the local emulator's streams and, for the selected stream, its shard map.
// Lives on the GUI thread and reads only the engine's published catalog (no disk, no waiting on
// writes); it refreshes when the engine announces catalog changes.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Engine *engine, const QString &databaseLabel, QWidget *parent = nullptr);

private:
    void refreshStreams();
    void showShards();
    void setServing(bool on);

    Engine *m_engine;
    QTreeWidget *m_streams;
    QTreeWidget *m_shards;
    QLabel *m_shardsTitle;
    KinesisServer *m_server;
    QAction *m_serveAction;
    QLabel *m_endpointLabel;
};

} // namespace shardscope
