#include "tagsmodel.h"

#include "backend/futureutils.h"
#include "models/modelroles.h"

#include <QPointer>
#include <QPromise>
#include <QSet>

#include <functional>

namespace shardscope {

namespace {
constexpr qsizetype kTagsPerCall = 10; // AddTagsToStream and RemoveTagsFromStream take up to 10
} // namespace

struct TagsModel::ApplyJob
{
    QPromise<BackendResult<void>> promise;
    QList<std::function<BackendFuture<void>()>> steps;
    qsizetype next = 0;
    TagMap applied; // the stored tags once every step succeeded
};

TagsModel::TagsModel(QObject *parent)
    : QAbstractTableModel(parent),
      m_binding([this](const StreamBinding::Refresh &refresh) { load(refresh); })
{
    m_binding.setTriggers(kTagsPart, 0);
}

TagsModel::~TagsModel() = default;

void TagsModel::setStream(StreamBackend *backend, const QString &streamName)
{
    const bool wasPending = hasPendingChanges();
    m_binding.bind(backend, streamName);
    m_error.reset();
    beginResetModel();
    m_base.clear();
    m_rows.clear();
    endResetModel();
    notifyPending(wasPending);
    reload();
}

void TagsModel::reload()
{
    m_binding.requestNow(kTagsPart);
}

void TagsModel::load(const StreamBinding::Refresh &refresh)
{
    const StreamTarget target = StreamTarget::byName(m_binding.streamName());
    m_binding.deliver(refresh, m_binding.backend()->listAllTagsForStream(target),
                      [this, refresh](BackendResult<QList<Tag>> result) {
                          m_binding.finish(refresh);
                          if (result) {
                              m_error.reset();
                              applyTags(*result);
                              emit reloaded();
                          } else {
                              m_error = result.error();
                              emit reloadFailed(result.error());
                          }
                      });
}

void TagsModel::applyTags(const QList<Tag> &tags)
{
    TagMap incoming;
    for (const Tag &tag : tags)
        incoming.insert(tag.key, tag.value);
    const bool wasPending = hasPendingChanges();
    if (!wasPending && incoming == m_base)
        return;
    // A three-way merge: rows the user did not touch follow the new tags, edited and added rows
    // stay, keys the user removed stay removed, and keys that appeared elsewhere join.
    QList<Row> rows;
    QSet<QString> keys;
    for (const Row &row : std::as_const(m_rows)) {
        if (stateOf(row) == TagState::Unchanged) {
            const auto it = incoming.constFind(row.key);
            if (it == incoming.cend())
                continue;
            rows.append(Row{row.key, *it});
        } else {
            rows.append(row);
        }
        keys.insert(row.key);
    }
    for (auto it = incoming.cbegin(); it != incoming.cend(); ++it) {
        if (!keys.contains(it.key()) && !m_base.contains(it.key()))
            rows.append(Row{it.key(), it.value()});
    }
    beginResetModel();
    m_base = incoming;
    m_rows = std::move(rows);
    endResetModel();
    notifyPending(wasPending);
}

bool TagsModel::addTag(const QString &key, const QString &value)
{
    if (key.isEmpty() || rowOf(key) >= 0)
        return false;
    const bool wasPending = hasPendingChanges();
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(Row{key, value});
    endInsertRows();
    notifyPending(wasPending);
    return true;
}

bool TagsModel::removeTag(int row)
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const bool wasPending = hasPendingChanges();
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    notifyPending(wasPending);
    return true;
}

TagsModel::Changes TagsModel::pendingChanges() const
{
    Changes changes;
    TagMap current;
    for (const Row &row : m_rows)
        current.insert(row.key, row.value);
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        const auto base = m_base.constFind(it.key());
        if (base == m_base.cend() || *base != it.value())
            changes.set.insert(it.key(), it.value());
    }
    for (auto it = m_base.cbegin(); it != m_base.cend(); ++it) {
        if (!current.contains(it.key()))
            changes.removed.append(it.key());
    }
    return changes;
}

void TagsModel::discardChanges()
{
    const bool wasPending = hasPendingChanges();
    beginResetModel();
    m_rows.clear();
    for (auto it = m_base.cbegin(); it != m_base.cend(); ++it)
        m_rows.append(Row{it.key(), it.value()});
    endResetModel();
    notifyPending(wasPending);
}

BackendFuture<void> TagsModel::applyChanges()
{
    auto job = std::make_shared<ApplyJob>();
    job->promise.start();
    BackendFuture<void> future = job->promise.future();
    if (!m_binding.isBound()) {
        job->promise.addResult(std::unexpected(Error::internal(tr("No stream is selected."))));
        job->promise.finish();
        return future;
    }
    const Changes changes = pendingChanges();
    QPointer<StreamBackend> backend = m_binding.backend();
    const StreamTarget target = StreamTarget::byName(m_binding.streamName());
    for (qsizetype i = 0; i < changes.removed.size(); i += kTagsPerCall) {
        const QStringList keys = changes.removed.mid(i, kTagsPerCall);
        job->steps.append([backend, target, keys]() {
            return backend->removeTagsFromStream(RemoveTagsFromStreamRequest{target, keys});
        });
    }
    TagMap batch;
    const auto flush = [&] {
        job->steps.append([backend, target, batch]() {
            return backend->addTagsToStream(AddTagsToStreamRequest{target, batch});
        });
        batch.clear();
    };
    for (auto it = changes.set.cbegin(); it != changes.set.cend(); ++it) {
        batch.insert(it.key(), it.value());
        if (batch.size() == kTagsPerCall)
            flush();
    }
    if (!batch.isEmpty())
        flush();
    for (const Row &row : std::as_const(m_rows))
        job->applied.insert(row.key, row.value);
    runStep(job);
    return future;
}

void TagsModel::runStep(const std::shared_ptr<ApplyJob> &job)
{
    if (job->next == job->steps.size()) {
        const bool wasPending = hasPendingChanges();
        m_base = job->applied;
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1), {ModelRole::TagStateRole});
        notifyPending(wasPending);
        job->promise.addResult(BackendResult<void>{});
        job->promise.finish();
        reload();
        return;
    }
    if (!m_binding.backend()) {
        job->promise.addResult(std::unexpected(Error::internal(tr("The connection was closed."))));
        job->promise.finish();
        return;
    }
    const auto step = job->steps[job->next++];
    onResult(this, step(), [this, job](BackendResult<void> result) {
        if (!result) {
            job->promise.addResult(std::move(result));
            job->promise.finish();
            reload(); // some batches may have gone through
            return;
        }
        runStep(job);
    });
}

TagState TagsModel::stateOf(const Row &row) const
{
    const auto base = m_base.constFind(row.key);
    if (base == m_base.cend())
        return TagState::Added;
    return *base == row.value ? TagState::Unchanged : TagState::Modified;
}

int TagsModel::rowOf(const QString &key) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].key == key)
            return int(row);
    }
    return -1;
}

void TagsModel::notifyPending(bool before)
{
    const bool now = hasPendingChanges();
    if (now != before)
        emit pendingChangesChanged(now);
}

int TagsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TagsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TagsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == KeyColumn ? row.key : row.value;
    case ModelRole::TagKeyRole:
        return row.key;
    case ModelRole::TagValueRole:
        return row.value;
    case ModelRole::TagStateRole:
        return int(stateOf(row));
    default:
        return {};
    }
}

bool TagsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &row = m_rows[index.row()];
    const QString text = value.toString();
    const bool wasPending = hasPendingChanges();
    if (index.column() == KeyColumn) {
        if (text == row.key)
            return true;
        if (text.isEmpty() || rowOf(text) >= 0)
            return false;
        row.key = text;
    } else {
        if (text == row.value)
            return true;
        row.value = text;
    }
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    notifyPending(wasPending);
    return true;
}

Qt::ItemFlags TagsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    const StreamBackend *backend = m_binding.backend();
    if (index.isValid() && backend && !backend->isReadOnly())
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant TagsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == KeyColumn ? tr("Key") : tr("Value");
}

} // namespace shardscope
