#include "dialogtext.h"

#include <QLayout>
#include <QLocale>
#include <QVBoxLayout>
#include <QWidget>

namespace shardscope {

// Singular and plural are spelled out rather than "%n record(s)": the app ships no English
// numerus translation, and the German and French forms follow the same one/other split.
QString DialogText::records(qint64 count)
{
    return count == 1 ? tr("1 record") : tr("%L1 records").arg(count);
}

QString DialogText::shards(qint64 count)
{
    return count == 1 ? tr("1 shard") : tr("%L1 shards").arg(count);
}

QString DialogText::hours(int hours)
{
    const QString inHours = hours == 1 ? tr("1 hour") : tr("%L1 hours").arg(hours);
    if (hours < 24)
        return inHours;
    QString inDays;
    if (hours == 24)
        inDays = tr("1 day");
    else if (hours % 24 == 0)
        inDays = tr("%L1 days").arg(hours / 24);
    else
        inDays = tr("%1 days").arg(QLocale().toString(qRound(hours * 100 / 24.0) / 100.0, 'g',
                                                       QLocale::FloatingPointShortest));
    return tr("%1 (%2)").arg(inHours, inDays);
}

QString DialogText::bytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString DialogText::recordsAndBytes(qint64 count, qint64 bytes)
{
    return tr("%1 (%2)").arg(records(count), DialogText::bytes(bytes));
}

QLayout *DialogText::withMessage(QWidget *field, QWidget *message)
{
    auto *layout = new QVBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(message);
    return layout;
}

QLayout *DialogText::withMessage(QLayout *field, QWidget *message)
{
    auto *layout = new QVBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(field);
    layout->addWidget(message);
    return layout;
}

void DialogText::growToFit(QWidget *window)
{
    QLayout *layout = window->layout();
    if (!layout || !window->isVisible())
        return;
    layout->activate();
    // Wider when content loaded later (say, a combo box of key names) asks for it, within reason.
    constexpr int kMaxAutoWidth = 900;
    const int width = std::max(window->width(),
                               std::min(layout->totalSizeHint().width(), kMaxAutoWidth));
    const int height = std::max(window->height(), layout->hasHeightForWidth()
                                                      ? layout->totalHeightForWidth(width)
                                                      : layout->totalMinimumSize().height());
    if (width != window->width() || height != window->height())
        window->resize(width, height);
}

} // namespace shardscope
