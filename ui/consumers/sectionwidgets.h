#pragma once

class QAbstractItemModel;
class QAction;
class QLabel;
class QString;
class QTableView;
class QToolButton;
class QWidget;

namespace shardscope::sectionwidgets {

// The pieces the Consumers tab's sections are built from, so that its pages look alike.

// A section's bold caption.
QLabel *caption(const QString &text, QWidget *parent);
// A word-wrapped line of explanation in the placeholder colour.
QLabel *note(QWidget *parent);
// A button for a window action: icon and text when the action has an icon, else text.
QToolButton *actionButton(QAction *action, QWidget *parent);
// A sortable table of whole rows, one selected at a time, with compact rows.
QTableView *tableView(QAbstractItemModel *model, QWidget *parent);

} // namespace shardscope::sectionwidgets
