#pragma once

#include <QMainWindow>

class QListWidget;

namespace shardscope {

class Engine;

// The main window. For now it lists the local emulator's streams; it lives on the GUI thread
// and reads the engine's published catalog only (never waits on SQLite writes).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Engine *engine, const QString &databasePath, QWidget *parent = nullptr);

private:
    void refreshStreams();

    Engine *m_engine;
    QListWidget *m_streams;
};

} // namespace shardscope
