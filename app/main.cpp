// Shardscope: the command line. GUI mode by default; everything else lives in core/ and ui/.

#include "engine/engine.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

using namespace shardscope;

namespace {

struct Options
{
    QString databasePath;
    bool inMemory = false;
};

QString defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/shardscope.db");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Shardscope"));
    QCoreApplication::setApplicationName(QStringLiteral("shardscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHARDSCOPE_VERSION));

    // Parse before any application object exists, so --help and --version need no display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Shardscope: a desktop stream explorer and emulator for Amazon Kinesis Data Streams."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QCoreApplication::translate("main", "Emulator database file (default: %1).")
            .arg(QStringLiteral("<app data>/shardscope.db")),
        QStringLiteral("path"));
    const QCommandLineOption memoryOption(
        QStringLiteral("in-memory"),
        QCoreApplication::translate("main", "Keep the emulator's data in memory only; it is gone when the app exits."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save a PNG of the main window to <path> once it has settled, then quit."),
        QStringLiteral("path"));
    parser.addOption(dbOption);
    parser.addOption(memoryOption);
    parser.addOption(screenshotOption);
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "shardscope: %s\n", qPrintable(parser.errorText()));
        std::fprintf(stderr, "%s", qPrintable(parser.helpText()));
        return 2;
    }
    if (parser.isSet(helpOption)) {
        // Without an application object Qt cannot know the program name.
        QString help = parser.helpText();
        help.replace(QStringLiteral("<executable_name>"), QStringLiteral("shardscope"));
        std::fputs(qPrintable(help), stdout);
        return 0;
    }
    if (parser.isSet(versionOption)) {
        std::printf("shardscope %s\n", SHARDSCOPE_VERSION);
        return 0;
    }
    Options options;
    options.inMemory = parser.isSet(memoryOption);
    if (!options.inMemory)
        options.databasePath = parser.isSet(dbOption) ? parser.value(dbOption) : defaultDatabasePath();

    QApplication app(argc, argv);
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/shardscope.svg")));

    EngineOptions engineOptions;
    engineOptions.databasePath = options.databasePath;
    auto engine = Engine::open(engineOptions);
    if (!engine) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Shardscope"),
                              QCoreApplication::translate("main", "The emulator database could not be opened:\n%1")
                                  .arg(engine.error().message));
        return 1;
    }

    // First run: a demo stream so there is something to look at.
    if (auto streams = (*engine)->listStreams({}); streams && streams->streamNames.isEmpty()) {
        CreateStreamRequest demo;
        demo.streamName = QStringLiteral("demo");
        demo.shardCount = 4;
        (void)(*engine)->createStream(demo);
    }

    MainWindow window(engine->get(), (*engine)->isInMemory()
                                         ? QCoreApplication::translate("main", "in memory")
                                         : (*engine)->databasePath());
    window.show();
    if (parser.isSet(screenshotOption)) {
        const QString path = parser.value(screenshotOption);
        QTimer::singleShot(1500, &window, [&window, path] {
            if (!window.grab().save(path))
                std::fprintf(stderr, "shardscope: cannot write %s\n", qPrintable(path));
            QCoreApplication::quit();
        });
    }
    return app.exec();
}
