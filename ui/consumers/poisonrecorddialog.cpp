#include "poisonrecorddialog.h"

#include "dialogs/inlineerrorlabel.h"
#include "records/filterexpression.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

PoisonRecordDialog::PoisonRecordDialog(const QString &workerId, const QString &filter, QWidget *parent)
    : QDialog(parent),
      m_filter(new QLineEdit(filter, this)),
      m_error(new InlineErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Poison Record"));
    setObjectName(u"poisonRecordDialog"_s);
    m_filter->setObjectName(u"poisonFilterEdit"_s);
    m_filter->setPlaceholderText(u"data contains \"boom\""_s);
    m_error->setObjectName(u"poisonFilterError"_s);
    auto *text = new QLabel(tr("%1 fails on every record this filter matches, as a consumer with a "
                               "bug fails on a poison record: it keeps its lease but its "
                               "checkpoint stops there. Empty: no poison.")
                                .arg(workerId),
                            this);
    text->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_filter);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &PoisonRecordDialog::validate);
    validate();
}

PoisonRecordDialog::~PoisonRecordDialog() = default;

QString PoisonRecordDialog::filter() const
{
    return m_filter->text().trimmed();
}

void PoisonRecordDialog::validate()
{
    bool ok = true;
    if (!filter().isEmpty()) {
        const auto parsed = FilterExpression::parse(filter());
        if (!parsed) {
            m_error->showMessage(parsed.error().message);
            ok = false;
        }
    }
    if (ok)
        m_error->clearMessage();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace shardscope
