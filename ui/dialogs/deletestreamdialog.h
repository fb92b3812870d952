#pragma once

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace shardscope {

class InlineErrorLabel;
class StreamBackend;
struct Error;

// Deletes a stream after showing what goes with it: its open shards, the records and bytes it
// holds (where the backend can count them) and the enhanced fan-out consumers registered on it.
// Delete is enabled only once the stream's name is typed exactly. With consumers, the delete
// enforces their deregistration (EnforceConsumerDeletion), as the dialog said it would.
//
// Emits streamDeleted() and accepts once the backend accepted the delete. Meant for open();
// does not delete itself. Threads: GUI thread; does not own the backend.
class DeleteStreamDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteStreamDialog)

public:
    DeleteStreamDialog(StreamBackend *backend, const QString &streamName, QWidget *parent = nullptr);
    ~DeleteStreamDialog() override;

    QString streamName() const { return m_streamName; }

signals:
    void streamDeleted(const QString &streamName);

private:
    void load();
    void loadStatistics();
    void loadConsumers(const QString &streamArn);
    void showConsumers();
    void updateState();
    void submit();

    QPointer<StreamBackend> m_backend;
    QString m_streamName;
    QLabel *m_shardsLabel;
    QLabel *m_recordsLabel;
    QLabel *m_consumersLabel;
    QListWidget *m_consumersList;
    QLineEdit *m_confirmEdit;
    InlineErrorLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_deleteButton;

    bool m_loaded = false; // the summary arrived (or failed): the dialog said what it knows
    int m_consumerCount = 0;
    QStringList m_consumerNames;
    bool m_consumersLoaded = false; // the list replaced the summary's count
    bool m_busy = false;
};

} // namespace shardscope
