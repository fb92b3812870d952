#include "chartexport.h"

#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPixmap>
#include <QSaveFile>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace shardscope {

std::expected<void, QString> ChartExport::savePng(QWidget *chart, const QString &path)
{
    const QPixmap image = chart->grab();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(tr("Cannot write %1: %2").arg(path, file.errorString()));
    if (image.isNull() || !image.save(&file, "PNG")) {
        file.cancelWriting();
        return std::unexpected(tr("Cannot write %1: the image could not be made.").arg(path));
    }
    if (!file.commit())
        return std::unexpected(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

std::expected<void, QString> ChartExport::saveCsv(const QByteArray &csv, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
        return std::unexpected(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

void ChartExport::execMenu(QWidget *chart, const QPoint &globalPos, const QString &baseName,
                           const std::function<QByteArray()> &csv)
{
    QMenu menu(chart);
    QAction *png = menu.addAction(tr("Export as &PNG…"));
    QAction *text = menu.addAction(tr("Export as &CSV…"));
    QAction *chosen = menu.exec(globalPos);
    if (chosen == nullptr)
        return;
    const bool isPng = chosen == png;
    Q_UNUSED(text)
    const QString suggested =
        QDir::home().filePath(baseName + (isPng ? u".png"_s : u".csv"_s));
    const QString path = QFileDialog::getSaveFileName(
        chart, isPng ? tr("Export Chart as PNG") : tr("Export Chart Data as CSV"), suggested,
        isPng ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const auto saved = isPng ? savePng(chart, path) : saveCsv(csv(), path);
    if (!saved)
        QMessageBox::warning(chart, tr("Export Failed"), saved.error());
}

QString ChartExport::csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\r') &&
        !text.contains(u'\n'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace shardscope
