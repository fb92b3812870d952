#pragma once

#include <QFrame>
#include <QList>
#include <QPointer>

class QAction;
class QLineEdit;
class QListView;
class QStandardItemModel;

namespace shardscope {

// Ctrl+K: a popup that lists every action of the window with its menu path and shortcut, filters
// them as you type (all words must match, in any order; matches at word starts rank first) and
// triggers the chosen one with Enter or a click. Disabled actions are listed greyed out with why
// they are unavailable, but cannot be triggered.
//
// Threads: GUI thread.
class CommandPalette final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)

public:
    struct Entry
    {
        QPointer<QAction> action;
        QString path; // e.g. "Stream › Retention…", without accelerator ampersands
    };

    explicit CommandPalette(QWidget *parent);

    void setEntries(QList<Entry> entries);
    // Shows the palette at the top of its parent with an empty filter and the first entry current.
    void popup();
    QLineEdit *filterEdit() const { return m_filter; }
    QListView *listView() const { return m_list; }
    // The actions currently listed, best match first.
    QList<QAction *> visibleActions() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    void triggerCurrent();

    QLineEdit *m_filter;
    QListView *m_list;
    QStandardItemModel *m_model;
    QList<Entry> m_entries;
};

} // namespace shardscope
