#pragma once

#include <QMainWindow>
#include <QHash>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QSettings;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTreeView;

#include "emulator/localemulator.h"
#include "kinesis/error.h"

#include <optional>

namespace shardscope {

class ActivityModel;
class AwsBackend;
class ConnectionStore;
class SecretStore;
struct SavedConnection;
class CommandPalette;
class DemoTrickle;
class StreamBackend;
class RecordInspector;
class StreamPage;
class StreamTreeModel;
class ProducersPage;

struct MainWindowOptions
{
    // The local emulator, served on a loopback port on demand and trickling demo events; not
    // owned. Null disables serving and demo events.
    LocalEmulator *emulator = nullptr;
    // How File › Serve on Localhost serves it: http on 127.0.0.1:4567 unless changed.
    EmulatorServeOptions serveOptions;
    // The local emulator's connection in the tree, not owned; null means the emulator's own.
    // One of the two is required.
    StreamBackend *localBackend = nullptr;
    // Settings file (INI); empty means the user's settings. Tests pass a temporary file.
    QString settingsFile;
    // Trickle the emulator's demo events into the `demo` stream while the setting allows it.
    bool demoEvents = true;
    // Where the secrets of saved AWS connections are kept (not owned); null: the system keychain.
    SecretStore *secretStore = nullptr;
};

// The main window: the connections → streams tree dock with a filter, the selected stream's page
// (Overview and Shards tabs), the activity dock listing every backend call, and a status bar with
// the connection, the served URL and the database. Every action has a shortcut and is in the
// command palette (Ctrl+K). Geometry, dock layout, the last selected stream and its tab, and the
// settings persist through QSettings; a first run (nothing saved) opens the demo stream's
// Records tab.
//
// All data comes from the shared models over StreamBackend; the GUI thread never waits on it.
//
// Threads: GUI thread.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(MainWindowOptions options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // For tests and scripts.
    StreamTreeModel *streamTree() const { return m_tree; }
    QTreeView *streamTreeView() const { return m_treeView; }
    QLineEdit *streamFilter() const { return m_filter; }
    StreamPage *streamPage() const { return m_page; }
    ActivityModel *activityModel() const { return m_activity; }
    CommandPalette *commandPalette() const { return m_palette; }
    DemoTrickle *demoTrickle() const { return m_demo; }
    // The action with this objectName (e.g. "actionNewStream", "actionStartTail") among the
    // window's actions (every command with a shortcut is one), or null.
    QAction *action(const QString &objectName) const;
    // Selects a stream in the tree (and shows its page); false if it is not listed (yet).
    bool selectStream(StreamBackend *backend, const QString &streamName);
    // Selects the stream as soon as it is listed (now, if it is) and shows the given tab.
    void openStream(StreamBackend *backend, const QString &streamName, int tab = 0);
    StreamBackend *currentBackend() const;
    QString currentStream() const;
    // Saved AWS connections (restored at start, beside the local emulator) and their backends.
    ConnectionStore *connectionStore() const { return m_connections; }
    StreamBackend *savedConnectionBackend(const QString &id) const;
    // The Producers page (load generators and their dashboard), shown in the centre.
    ProducersPage *producersPage() const { return m_producersPage; }
    void showProducers();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void bindRecordCommands();
    void bindConsumerCommands();
    void createMenus();
    void createDocks();
    void createStatusBar();
    void updateActions();
    void onCurrentChanged();
    void restoreSelection();
    QString connectionKey(const StreamBackend *backend) const;
    void saveState();
    void setServing(bool on);
    void setDemoEvents(bool on);
    void updateDemoLabel();
    void openDialog(QWidget *dialog);
    void newStream();
    // Records tab: put, replay, export, import.
    void putRecord();
    void replayRecords();
    void exportRecords();
    void importRecords();
    QList<StreamBackend *> allBackends() const;
    // Opens a dialog constructed with (backend, stream name, parent) for the selected stream.
    template<typename Dialog>
    void openStreamDialog();
    void openAccountSettings();
    void splitShard();
    void mergeShards();
    void showSettings();
    void showAbout();
    void showCallResult(const QString &what, const std::optional<Error> &error);
    // Saved AWS connections.
    void restoreConnections();
    void openSavedConnection(const SavedConnection &saved, bool select);
    void dropSavedConnection(const QString &id);
    QString savedConnectionId(const StreamBackend *backend) const;
    StreamBackend *backendForKey(const QString &key) const;
    void addAwsConnection();
    void editConnection();
    void removeConnection();
    void setConnectionReadOnly(bool readOnly);
    void rebuildRecentMenu();
    void updateConnectionMarks();

    MainWindowOptions m_options;
    std::unique_ptr<QSettings> m_settings;
    StreamTreeModel *m_tree;
    QSortFilterProxyModel *m_treeProxy;
    ActivityModel *m_activity;
    QTreeView *m_treeView = nullptr;
    QLineEdit *m_filter = nullptr;
    QStackedWidget *m_center = nullptr;
    ProducersPage *m_producersPage = nullptr;
    QAction *m_producers = nullptr;
    StreamPage *m_page = nullptr;
    RecordInspector *m_inspector = nullptr;
    QTableView *m_activityView = nullptr;
    CommandPalette *m_palette = nullptr;
    DemoTrickle *m_demo = nullptr; // the emulator's, while this session has demo events
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_endpointLabel = nullptr;
    QLabel *m_demoLabel = nullptr;
    QLabel *m_failuresLabel = nullptr;
    QString m_pendingSelection; // "connection/stream" to restore once listed
    int m_pendingTab = -1;
    bool m_firstRunSelection = false; // the demo stream is pending because nothing was saved
    QPointer<QWidget> m_openDialog;
    SecretStore *m_secrets = nullptr;
    ConnectionStore *m_connections = nullptr;
    QHash<QString, AwsBackend *> m_awsBackends; // by connection id; children of this window
    QMenu *m_recentMenu = nullptr;
    QLabel *m_liveBanner = nullptr;
    QAction *m_addConnection = nullptr;
    QAction *m_editConnection = nullptr;
    QAction *m_removeConnection = nullptr;
    QAction *m_connectionReadOnly = nullptr;

    QAction *m_newStream = nullptr;
    QAction *m_deleteStream = nullptr;
    QAction *m_retention = nullptr;
    QAction *m_encryption = nullptr;
    QAction *m_tags = nullptr;
    QAction *m_streamMode = nullptr;
    QAction *m_maxRecordSize = nullptr;
    QAction *m_enhancedMonitoring = nullptr;
    QAction *m_warmThroughput = nullptr;
    QAction *m_resourcePolicy = nullptr;
    QAction *m_accountSettings = nullptr;
    QAction *m_split = nullptr;
    QAction *m_merge = nullptr;
    // The Shards tab's lab: previews before a reshard, and the partition-key calculator.
    QAction *m_previewSplit = nullptr;
    QAction *m_previewMerge = nullptr;
    QAction *m_previewScale = nullptr;
    QAction *m_calculator = nullptr;
    QAction *m_showLineage = nullptr; // the Shards tab's lineage view
    QAction *m_refresh = nullptr;
    QAction *m_serve = nullptr;
    QAction *m_demoEvents = nullptr;
    QAction *m_throughputLimits = nullptr;
    QAction *m_palettAction = nullptr;
    QAction *m_focusFilter = nullptr;
    QAction *m_overviewTab = nullptr;
    QAction *m_shardsTab = nullptr;
    QAction *m_recordsTab = nullptr;
    QAction *m_metricsTab = nullptr;
    QAction *m_consumersTab = nullptr;
    QAction *m_putRecord = nullptr;
    QAction *m_replayRecords = nullptr;
    QAction *m_exportRecords = nullptr;
    QAction *m_importRecords = nullptr;
    QAction *m_clearActivity = nullptr;
    QAction *m_showReads = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_about = nullptr;
    QList<QAction *> m_streamActions; // need a selected stream
    QList<QAction *> m_recordCommands;    // the Records tab's, bound window-wide
    QList<QAction *> m_consumerCommands;  // the Consumers tab's, bound window-wide
    QList<QAction *> m_inspectorCommands; // the record inspector's, bound window-wide
};

} // namespace shardscope
