#include "commandpalette.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

constexpr int kActionRole = Qt::UserRole + 1;

// 0 = no match; higher is better. Every word must occur; a word at the start of a word of the
// text scores more than one inside a word.
int score(const QString &text, const QStringList &words)
{
    if (words.isEmpty())
        return 1;
    int total = 1;
    for (const QString &word : words) {
        const qsizetype at = text.indexOf(word, 0, Qt::CaseInsensitive);
        if (at < 0)
            return 0;
        total += 1;
        qsizetype from = 0;
        for (qsizetype hit = at; hit >= 0; hit = text.indexOf(word, from, Qt::CaseInsensitive)) {
            if (hit == 0 || !text.at(hit - 1).isLetterOrNumber()) {
                total += 3;
                break;
            }
            from = hit + 1;
        }
    }
    return total;
}

} // namespace

CommandPalette::CommandPalette(QWidget *parent)
    : QFrame(parent), m_filter(new QLineEdit(this)), m_list(new QListView(this)),
      m_model(new QStandardItemModel(this))
{
    setObjectName(u"commandPalette"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setFocusPolicy(Qt::NoFocus);
    m_filter->setObjectName(u"commandFilter"_s);
    m_filter->setPlaceholderText(tr("Type a command…"));
    m_filter->setClearButtonEnabled(true);
    m_list->setObjectName(u"commandList"_s);
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &CommandPalette::triggerCurrent);
    connect(m_list, &QListView::activated, this, &CommandPalette::triggerCurrent);
    m_filter->installEventFilter(this);
    hide();
}

void CommandPalette::setEntries(QList<Entry> entries)
{
    m_entries = std::move(entries);
    if (isVisible())
        refilter();
}

void CommandPalette::popup()
{
    QWidget *host = parentWidget();
    const int width = std::min(640, host->width() - 40);
    const int height = std::min(420, host->height() - 60);
    setGeometry((host->width() - width) / 2, 40, width, height);
    m_filter->clear();
    refilter();
    show();
    raise();
    m_filter->setFocus(Qt::PopupFocusReason);
}

QList<QAction *> CommandPalette::visibleActions() const
{
    QList<QAction *> actions;
    for (int row = 0; row < m_model->rowCount(); ++row)
        actions.append(m_model->item(row)->data(kActionRole).value<QAction *>());
    return actions;
}

void CommandPalette::refilter()
{
    const QStringList words = m_filter->text().split(u' ', Qt::SkipEmptyParts);
    struct Match
    {
        int score;
        int order;
        const Entry *entry;
    };
    QList<Match> matches;
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries[i];
        if (!entry.action || !entry.action->isVisible())
            continue;
        if (const int s = score(entry.path, words); s > 0)
            matches.append({s + (entry.action->isEnabled() ? 1 : 0), i, &entry});
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const Match &a, const Match &b) { return a.score > b.score; });
    m_model->clear();
    for (const Match &match : matches) {
        QAction *action = match.entry->action;
        QString text = match.entry->path;
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        if (!shortcut.isEmpty())
            text += u"    "_s + shortcut;
        auto *item = new QStandardItem(action->icon(), text);
        item->setData(QVariant::fromValue(action), kActionRole);
        item->setEnabled(action->isEnabled());
        item->setCheckable(false);
        QString tip = action->toolTip();
        if (!action->isEnabled())
            tip = tr("Not available now: %1").arg(action->statusTip().isEmpty() ? tip : action->statusTip());
        item->setToolTip(tip);
        m_model->appendRow(item);
    }
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row)->isEnabled()) {
            m_list->setCurrentIndex(m_model->index(row, 0));
            break;
        }
    }
}

void CommandPalette::triggerCurrent()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    QAction *action = current.data(kActionRole).value<QAction *>();
    if (!action || !action->isEnabled())
        return;
    hide();
    // Let the palette go away before a dialog opens.
    QMetaObject::invokeMethod(action, &QAction::trigger, Qt::QueuedConnection);
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Escape:
            hide();
            return true;
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp:
            QApplication::sendEvent(m_list, event);
            return true;
        default:
            break;
        }
    }
    if (watched == m_filter && event->type() == QEvent::FocusOut) {
        // Clicking elsewhere closes it, like a menu; a click into the list keeps it.
        QMetaObject::invokeMethod(this, [this] {
            if (!m_filter->hasFocus() && !m_list->underMouse())
                hide();
        }, Qt::QueuedConnection);
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace shardscope
