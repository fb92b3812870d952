#include "tagsdialog.h"

#include "backend/futureutils.h"
#include "backend/streambackend.h"
#include "dialogtext.h"
#include "heightfitter.h"
#include "inlineerrorlabel.h"
#include "models/modelroles.h"
#include "models/tagsmodel.h"
#include "tagstatedelegate.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace shardscope {

using namespace Qt::StringLiterals;

namespace {

const QString kReservedPrefix = u"aws:"_s;

// Kinesis tag text: Unicode letters, digits, white space and _ . : / = + - @.
QString characterProblem(const QString &text)
{
    QStringList refused;
    for (const char32_t c : text.toUcs4()) {
        if (QChar::isLetterOrNumber(c) || QChar::isSpace(c))
            continue;
        if (c < 0x80 && QStringView(u"_.:/=+-@").contains(QChar(c)))
            continue;
        const QString shown = QChar::isPrint(c)
                                  ? TagsDialog::tr("“%1”").arg(QString::fromUcs4(&c, 1))
                                  : TagsDialog::tr("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
        if (!refused.contains(shown))
            refused.append(shown);
    }
    if (refused.isEmpty())
        return {};
    const QString list = QLocale().createSeparatedList(refused);
    return (refused.size() == 1 ? TagsDialog::tr("%1 is not allowed.").arg(list)
                                : TagsDialog::tr("%1 are not allowed.").arg(list))
         + u' '
         + TagsDialog::tr("Use letters, digits, spaces and _ . : / = + - @.");
}

} // namespace

TagsDialog::TagsDialog(StreamBackend *backend, const QString &streamName, QWidget *parent)
    : QDialog(parent),
      m_backend(backend),
      m_streamName(streamName),
      m_model(new TagsModel(this)),
      m_view(new QTableView(this)),
      m_countLabel(new QLabel(tr("Loading…"), this)),
      m_removeButton(new QPushButton(tr("&Remove"), this)),
      m_tableError(new InlineErrorLabel(this)),
      m_keyEdit(new QLineEdit(this)),
      m_valueEdit(new QLineEdit(this)),
      m_addButton(new QPushButton(tr("&Add"), this)),
      m_newTagError(new InlineErrorLabel(this)),
      m_errorLabel(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply
                                         | QDialogButtonBox::Reset | QDialogButtonBox::Cancel,
                                     this)),
      m_okButton(m_buttons->button(QDialogButtonBox::Ok)),
      m_applyButton(m_buttons->button(QDialogButtonBox::Apply)),
      m_discardButton(m_buttons->button(QDialogButtonBox::Reset))
{
    setObjectName(u"tagsDialog"_s);
    setWindowTitle(tr("Tags — %1").arg(streamName));

    m_view->setObjectName(u"tagsView"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new TagStateDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_view->horizontalHeader()->setSectionResizeMode(TagsModel::KeyColumn, QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(TagsModel::KeyColumn, 200);
    m_view->installEventFilter(this);
    auto *tagsLabel = new QLabel(tr("&Tags:"), this);
    tagsLabel->setBuddy(m_view);

    m_countLabel->setObjectName(u"tagCountLabel"_s);
    m_countLabel->setTextFormat(Qt::PlainText);
    m_removeButton->setObjectName(u"removeTagButton"_s);
    m_removeButton->setAutoDefault(false);
    m_removeButton->setToolTip(tr("Remove the selected tags (Del)"));
    m_tableError->setObjectName(u"tagsError"_s);
    auto *tableFooter = new QHBoxLayout;
    tableFooter->addWidget(m_countLabel, 1);
    tableFooter->addWidget(m_removeButton);

    m_keyEdit->setObjectName(u"newKeyEdit"_s);
    m_keyEdit->setPlaceholderText(tr("Key"));
    m_keyEdit->installEventFilter(this);
    m_valueEdit->setObjectName(u"newValueEdit"_s);
    m_valueEdit->setPlaceholderText(tr("Value (may be empty)"));
    m_valueEdit->installEventFilter(this);
    m_addButton->setObjectName(u"addTagButton"_s);
    m_addButton->setAutoDefault(false);
    m_newTagError->setObjectName(u"newTagError"_s);
    auto *newLabel = new QLabel(tr("New &key:"), this);
    newLabel->setBuddy(m_keyEdit);
    auto *valueLabel = new QLabel(tr("&Value:"), this);
    valueLabel->setBuddy(m_valueEdit);
    auto *newRow = new QHBoxLayout;
    newRow->addWidget(m_keyEdit, 2);
    newRow->addWidget(valueLabel);
    newRow->addWidget(m_valueEdit, 3);
    newRow->addWidget(m_addButton);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(newLabel, DialogText::withMessage(newRow, m_newTagError));

    m_errorLabel->setObjectName(u"errorLabel"_s);
    m_buttons->setObjectName(u"buttonBox"_s);
    m_okButton->setObjectName(u"okButton"_s);
    m_okButton->setDefault(true);
    m_applyButton->setObjectName(u"applyButton"_s);
    m_applyButton->setAutoDefault(false);
    m_discardButton->setObjectName(u"discardButton"_s);
    m_discardButton->setText(tr("&Discard Changes"));
    m_discardButton->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tagsLabel);
    layout->addWidget(m_view, 1);
    layout->addLayout(tableFooter);
    layout->addWidget(m_tableError);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);
    setMinimumSize(560, 420);
    HeightFitter::install(this);

    setTabOrder(m_view, m_removeButton);
    setTabOrder(m_removeButton, m_keyEdit);
    setTabOrder(m_keyEdit, m_valueEdit);
    setTabOrder(m_valueEdit, m_addButton);
    setTabOrder(m_addButton, m_buttons);

    connect(m_model, &TagsModel::reloaded, this, [this] {
        m_loaded = true;
        updateState();
    });
    connect(m_model, &TagsModel::reloadFailed, this, [this](const Error &error) {
        m_errorLabel->showError(error);
        updateState();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &TagsDialog::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TagsDialog::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TagsDialog::updateState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TagsDialog::updateState);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TagsDialog::updateState);
    connect(m_keyEdit, &QLineEdit::textChanged, this, &TagsDialog::updateState);
    connect(m_valueEdit, &QLineEdit::textChanged, this, &TagsDialog::updateState);
    connect(m_addButton, &QPushButton::clicked, this, &TagsDialog::addTag);
    connect(m_removeButton, &QPushButton::clicked, this, &TagsDialog::removeSelected);
    connect(m_applyButton, &QPushButton::clicked, this, [this] { apply(false); });
    connect(m_discardButton, &QPushButton::clicked, this, [this] {
        m_model->discardChanges();
        m_errorLabel->clearMessage();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { apply(true); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (m_backend)
        m_model->setStream(m_backend, m_streamName);
    else
        m_errorLabel->showMessage(tr("The connection is closed."));
    updateState();
}

TagsDialog::~TagsDialog() = default;

QString TagsDialog::tagKeyProblem(const QString &key)
{
    if (key.isEmpty())
        return tr("Enter a key.");
    QStringList problems;
    if (key.size() > kMaxKeyLength)
        problems.append(tr("The key is %L1 characters long; at most %L2 are allowed.")
                            .arg(key.size())
                            .arg(kMaxKeyLength));
    if (key.startsWith(kReservedPrefix, Qt::CaseInsensitive))
        problems.append(tr("Keys starting with “aws:” are reserved for AWS."));
    if (const QString chars = characterProblem(key); !chars.isEmpty())
        problems.append(chars);
    return problems.join(u' ');
}

QString TagsDialog::tagValueProblem(const QString &value)
{
    QStringList problems;
    if (value.size() > kMaxValueLength)
        problems.append(tr("The value is %L1 characters long; at most %L2 are allowed.")
                            .arg(value.size())
                            .arg(kMaxValueLength));
    if (const QString chars = characterProblem(value); !chars.isEmpty())
        problems.append(chars);
    return problems.join(u' ');
}

bool TagsDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        // Enter in the new-tag fields adds the tag rather than pressing OK.
        if (enter && (watched == m_keyEdit || watched == m_valueEdit) && !m_keyEdit->text().isEmpty()) {
            addTag();
            return true;
        }
        // The view only sees keys an open editor did not take, so Del here means the rows.
        if (watched == m_view && key->matches(QKeySequence::Delete)) {
            removeSelected();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QString TagsDialog::newTagProblem() const
{
    const QString key = m_keyEdit->text();
    const QString value = m_valueEdit->text();
    if (key.isEmpty() && value.isEmpty())
        return {};
    QStringList problems;
    if (const QString p = tagKeyProblem(key); !p.isEmpty())
        problems.append(p);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data(ModelRole::TagKeyRole).toString() == key) {
            problems.append(tr("A tag with the key “%1” exists already; edit its value in the table.")
                                .arg(key));
            break;
        }
    }
    if (const QString p = tagValueProblem(value); !p.isEmpty())
        problems.append(p);
    if (problems.isEmpty() && m_model->rowCount() >= kMaxTags)
        problems.append(tr("A stream can have at most %L1 tags.").arg(kMaxTags));
    return problems.join(u' ');
}

QString TagsDialog::tableProblem() const
{
    const TagsModel::Changes changes = m_model->pendingChanges();
    QStringList problems;
    for (auto it = changes.set.cbegin(); it != changes.set.cend(); ++it) {
        QString problem = tagKeyProblem(it.key());
        if (problem.isEmpty())
            problem = tagValueProblem(it.value());
        if (!problem.isEmpty()) {
            problems.append(tr("Tag “%1”: %2").arg(it.key(), problem));
            break;
        }
    }
    for (const QString &key : changes.removed) {
        if (key.startsWith(kReservedPrefix, Qt::CaseInsensitive)) {
            problems.append(tr("Tag “%1” is managed by AWS and cannot be removed.").arg(key));
            break;
        }
    }
    if (m_model->rowCount() > kMaxTags)
        problems.append(tr("A stream can have at most %L1 tags; remove %L2.")
                            .arg(kMaxTags)
                            .arg(m_model->rowCount() - kMaxTags));
    return problems.join(u' ');
}

void TagsDialog::updateState()
{
    const TagsModel::Changes changes = m_model->pendingChanges();
    const int count = m_model->rowCount();
    QString text;
    if (!m_loaded && count == 0) {
        text = tr("Loading…");
    } else {
        text = count == 1 ? tr("1 of %L1 tags").arg(kMaxTags)
                          : tr("%L1 of %L2 tags").arg(count).arg(kMaxTags);
        int added = 0;
        int changed = 0;
        for (int row = 0; row < count; ++row) {
            const auto state = TagState(m_model->index(row, 0).data(ModelRole::TagStateRole).toInt());
            added += state == TagState::Added ? 1 : 0;
            changed += state == TagState::Modified ? 1 : 0;
        }
        QStringList pending;
        if (added > 0)
            pending.append(tr("%L1 to add").arg(added));
        if (changed > 0)
            pending.append(tr("%L1 to change").arg(changed));
        if (!changes.removed.isEmpty())
            pending.append(tr("%L1 to remove").arg(changes.removed.size()));
        if (!pending.isEmpty())
            text = tr("%1 · %2").arg(text, QLocale().createSeparatedList(pending));
    }
    m_countLabel->setText(text);

    const QString tableIssue = tableProblem();
    m_tableError->showMessage(tableIssue);
    const QString newIssue = newTagProblem();
    m_newTagError->showMessage(newIssue);

    const bool usable = m_backend && !m_busy;
    m_addButton->setEnabled(usable && !m_keyEdit->text().isEmpty() && newIssue.isEmpty());
    m_removeButton->setEnabled(usable && m_view->selectionModel()->hasSelection());
    m_applyButton->setEnabled(usable && !changes.isEmpty() && tableIssue.isEmpty());
    m_okButton->setEnabled(usable && tableIssue.isEmpty());
    m_discardButton->setEnabled(!m_busy && !changes.isEmpty());
    m_keyEdit->setEnabled(!m_busy);
    m_valueEdit->setEnabled(!m_busy);
}

void TagsDialog::addTag()
{
    if (!m_addButton->isEnabled())
        return;
    if (!m_model->addTag(m_keyEdit->text(), m_valueEdit->text()))
        return;
    const QModelIndex added = m_model->index(m_model->rowCount() - 1, TagsModel::KeyColumn);
    m_view->scrollTo(added);
    m_view->selectionModel()->setCurrentIndex(added, QItemSelectionModel::ClearAndSelect
                                                         | QItemSelectionModel::Rows);
    m_keyEdit->clear();
    m_valueEdit->clear();
    m_keyEdit->setFocus();
    m_errorLabel->clearMessage();
}

void TagsDialog::removeSelected()
{
    if (!m_removeButton->isEnabled())
        return;
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : std::as_const(rows))
        m_model->removeTag(row);
    m_errorLabel->clearMessage();
}

void TagsDialog::apply(bool thenClose)
{
    if (m_busy || !m_backend)
        return;
    if (!tableProblem().isEmpty())
        return;
    if (!m_model->hasPendingChanges()) {
        if (thenClose)
            accept();
        return;
    }
    m_busy = true;
    m_errorLabel->clearMessage();
    updateState();
    onResult(this, m_model->applyChanges(), [this, thenClose](BackendResult<void> result) {
        m_busy = false;
        updateState();
        if (!result) {
            m_errorLabel->showError(result.error());
            return;
        }
        emit tagsApplied(m_streamName);
        if (thenClose)
            accept();
    });
}

} // namespace shardscope
