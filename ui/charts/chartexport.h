#pragma once

#include <QCoreApplication>
#include <QString>

#include <expected>
#include <functional>

class QByteArray;
class QPoint;
class QWidget;

namespace shardscope {

// Saving a chart: the widget as PNG (QWidget::grab, at the screen's pixel ratio) and its data as
// CSV, both written atomically (QSaveFile), and the context menu that offers both with a file
// dialog. Errors are sentences for the user.
//
// Threads: GUI thread.
class ChartExport final
{
    Q_DECLARE_TR_FUNCTIONS(shardscope::ChartExport)

public:
    ChartExport() = delete;

    static std::expected<void, QString> savePng(QWidget *chart, const QString &path);
    static std::expected<void, QString> saveCsv(const QByteArray &csv, const QString &path);

    // The context menu "Export as PNG…" / "Export as CSV…" at `globalPos`; `baseName` names the
    // suggested files. Failures are shown in a message box over `chart`.
    static void execMenu(QWidget *chart, const QPoint &globalPos, const QString &baseName,
                         const std::function<QByteArray()> &csv);

    // One RFC 4180 field: quoted when it holds a comma, quote, CR or LF, quotes doubled.
    static QString csvField(const QString &text);
};

} // namespace shardscope
