#pragma once

#include <QList>

namespace shardscope {

// Makes `current` equal to `incoming` (both sorted by `keyOf`) with the fewest row operations,
// so views keep their selection, expansion and scroll position across refreshes. The hooks are
// the model's begin/end insert/remove calls and a per-row "changed" notification;
// `update(current, incoming)` refreshes a kept row in place and says whether it changed.
template<typename T, typename KeyOf, typename Update, typename Hooks>
void syncSorted(QList<T> &current, const QList<T> &incoming, KeyOf keyOf, Update update,
                Hooks &&hooks)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < current.size() || j < incoming.size()) {
        const auto goneBefore = [&](qsizetype k) {
            return k < current.size() && (j >= incoming.size() || keyOf(current[k]) < keyOf(incoming[j]));
        };
        const auto newBefore = [&](qsizetype k) {
            return k < incoming.size() && (i >= current.size() || keyOf(incoming[k]) < keyOf(current[i]));
        };
        if (goneBefore(i)) {
            qsizetype end = i;
            while (goneBefore(end))
                ++end;
            hooks.beginRemove(int(i), int(end - 1));
            current.remove(i, end - i);
            hooks.endRemove();
        } else if (newBefore(j)) {
            qsizetype end = j;
            while (newBefore(end))
                ++end;
            hooks.beginInsert(int(i), int(i + end - j - 1));
            for (qsizetype k = j; k < end; ++k)
                current.insert(i + (k - j), incoming[k]);
            hooks.endInsert();
            i += end - j;
            j = end;
        } else {
            if (update(current[i], incoming[j]))
                hooks.changed(int(i));
            ++i;
            ++j;
        }
    }
}

// syncSorted's hooks for a flat table model (rows without parents) of `columns` columns. The
// model declares `template<typename> friend struct TableSyncHooks;`: the row calls are protected.
template<typename Model>
struct TableSyncHooks
{
    Model *model;
    int columns;
    void beginInsert(int first, int last) { model->beginInsertRows({}, first, last); }
    void endInsert() { model->endInsertRows(); }
    void beginRemove(int first, int last) { model->beginRemoveRows({}, first, last); }
    void endRemove() { model->endRemoveRows(); }
    void changed(int row) { emit model->dataChanged(model->index(row, 0), model->index(row, columns - 1)); }
};

} // namespace shardscope
