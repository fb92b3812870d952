#pragma once

#include "backend/streambackend.h"
#include "kinesis/api.h"
#include "kinesis/error.h"
#include "models/streambinding.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QList>

#include <memory>
#include <optional>

namespace shardscope {

enum class TagState { Unchanged, Added, Modified };

// The tags of one stream as an editable key/value table. Edits (setData, addTag, removeTag)
// stay local as a diff against the stored tags until applyChanges() sends them through the
// backend; TagStateRole says what each row will do, pendingChanges() what the calls will be.
//
// Reloads asynchronously after catalogChanged through a StreamBinding (coalesced, ~50 ms; one
// reload at a time; results for an earlier stream dropped). A reload under pending edits only
// moves the base they are compared with, so a user's edits are never thrown away.
//
// Threads: GUI thread. Does not own the backend.
class TagsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagsModel)

public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };
    Q_ENUM(Column)

    struct Changes
    {
        TagMap set;          // added or changed values
        QStringList removed; // keys to remove
        bool isEmpty() const { return set.isEmpty() && removed.isEmpty(); }
    };

    explicit TagsModel(QObject *parent = nullptr);
    ~TagsModel() override;

    void setStream(StreamBackend *backend, const QString &streamName);
    QString streamName() const { return m_binding.streamName(); }
    std::optional<Error> lastError() const { return m_error; }
    void reload();

    // False when the key is empty or already present.
    bool addTag(const QString &key, const QString &value);
    bool removeTag(int row);
    Changes pendingChanges() const;
    bool hasPendingChanges() const { return !pendingChanges().isEmpty(); }
    void discardChanges();
    // Removes, then adds, in batches of ten as Kinesis allows; reloads afterwards. Stops at the
    // first error and returns it.
    BackendFuture<void> applyChanges();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void reloaded();
    void reloadFailed(const shardscope::Error &error);
    void pendingChangesChanged(bool pending);

private:
    struct Row
    {
        QString key;
        QString value;
    };

    struct ApplyJob;
    void runStep(const std::shared_ptr<ApplyJob> &job);
    // What a reload fetches (StreamBinding::Parts): there is only the one.
    static constexpr StreamBinding::Parts kTagsPart = 1;

    void load(const StreamBinding::Refresh &refresh);
    void applyTags(const QList<Tag> &tags);
    TagState stateOf(const Row &row) const;
    int rowOf(const QString &key) const;
    void notifyPending(bool before);

    StreamBinding m_binding;
    TagMap m_base;
    QList<Row> m_rows;
    std::optional<Error> m_error;
};

} // namespace shardscope
