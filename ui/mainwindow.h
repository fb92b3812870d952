#pragma once

#include <QMainWindow>

class QTreeWidget;
class QLabel;

namespace shardscope {

class Engine;

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

    Engine *m_engine;
    QTreeWidget *m_streams;
    QTreeWidget *m_shards;
    QLabel *m_shardsTitle;
};

} // namespace shardscope
