// Shardscope: the command line. GUI mode by default; everything else lives in core/ and ui/.

#include "backend/emulatorbackend.h"
#include "consumer/leasereport.h"
#include "emulator/localemulator.h"
#include "engine/engine.h"
#include "mainwindow.h"
#include "models/recordsmodel.h"
#include "producer/loadgenerator.h"
#include "producers/generatorform.h"
#include "producers/producerspage.h"
#include "records/recordspage.h"
#include "settingsdialog.h"
#include "streampage.h"
#include "theme/appearance.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QLineEdit>
#include <QTableView>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>
#include <QStandardPaths>
#include <QTimer>

#include <csignal>
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

volatile std::sig_atomic_t g_signalled = 0;

// Headless mode: serve until SIGINT or SIGTERM, then close the engine cleanly.
struct ServeOptions
{
    const QCommandLineOption &port;
    const QCommandLineOption &bind;
    const QCommandLineOption &createStream;
    const QCommandLineOption &requireAuth;
    const QCommandLineOption &accessKey;
    const QCommandLineOption &tls;
};

int serve(int argc, char *argv[], const QCommandLineParser &parser, const EngineOptions &engineOptions,
          const ServeOptions &o)
{
    const QCommandLineOption &portOption = o.port;
    const QCommandLineOption &bindOption = o.bind;
    const QCommandLineOption &createStreamOption = o.createStream;
    QCoreApplication app(argc, argv);
    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    const QHostAddress address(parser.value(bindOption));
    if (!portOk || port > 65535) {
        std::fprintf(stderr, "shardscope: --port must be a number from 0 to 65535\n");
        return 2;
    }
    if (address.isNull()) {
        std::fprintf(stderr, "shardscope: --bind needs an IP address\n");
        return 2;
    }
    if (!address.isLoopback())
        std::fprintf(stderr, "shardscope: warning: serving on %s makes the emulator reachable from "
                             "other machines; it has no access control unless --require-auth is set\n",
                     qPrintable(address.toString()));

    auto emulator = LocalEmulator::open(engineOptions, EmulatorBackendOptions{});
    if (!emulator) {
        std::fprintf(stderr, "shardscope: %s\n", qPrintable(emulator.error().message));
        return 1;
    }
    Engine &engine = (*emulator)->engine();
    for (const QString &spec : parser.values(createStreamOption)) {
        const QStringList parts = spec.split(u':');
        bool ok = false;
        const int shards = parts.value(1, QStringLiteral("1")).toInt(&ok);
        if (parts.size() > 2 || !ok) {
            std::fprintf(stderr, "shardscope: --create-stream expects NAME:SHARDS, not %s\n", qPrintable(spec));
            return 2;
        }
        CreateStreamRequest create;
        create.streamName = parts[0];
        create.shardCount = shards;
        auto created = engine.createStream(create);
        if (!created && created.error().type != ErrorType::ResourceInUse) {
            std::fprintf(stderr, "shardscope: cannot create stream %s: %s\n", qPrintable(parts[0]),
                         qPrintable(created.error().message));
            return 1;
        }
    }

    EmulatorServeOptions serveOptions;
    serveOptions.address = address;
    serveOptions.port = quint16(port);
    serveOptions.tls = parser.isSet(o.tls);
    if (parser.isSet(o.requireAuth)) {
        serveOptions.requireAuth = true;
        for (const QString &pair : parser.values(o.accessKey)) {
            const qsizetype colon = pair.indexOf(u':');
            if (colon <= 0 || colon == pair.size() - 1) {
                std::fprintf(stderr, "shardscope: --access-key expects ID:SECRET\n");
                return 2;
            }
            serveOptions.accessKeys.insert(pair.left(colon), AwsCredentials{pair.left(colon), pair.mid(colon + 1), {}});
        }
        const QString envId = qEnvironmentVariable("AWS_ACCESS_KEY_ID");
        const QString envSecret = qEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
        if (!envId.isEmpty() && !envSecret.isEmpty() && !serveOptions.accessKeys.contains(envId))
            serveOptions.accessKeys.insert(envId, AwsCredentials{envId, envSecret, qEnvironmentVariable("AWS_SESSION_TOKEN")});
        if (serveOptions.accessKeys.isEmpty()) {
            std::fprintf(stderr, "shardscope: --require-auth needs --access-key ID:SECRET or "
                                 "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\n");
            return 2;
        }
    }
    const auto url = (*emulator)->serve(serveOptions);
    if (!url) {
        std::fprintf(stderr, "shardscope: cannot serve on %s:%u: %s\n", qPrintable(address.toString()),
                     port, qPrintable(url.error()));
        return 1;
    }
    std::printf("Shardscope is serving Kinesis at %s (database: %s)\n", qPrintable(url->toString()),
                engine.isInMemory() ? "in memory" : qPrintable(engine.databasePath()));
    if (const QString certificatePath = (*emulator)->certificatePath(); !certificatePath.isEmpty())
        std::printf("TLS certificate: %s (self-signed; trust it with aws --ca-bundle, boto3 verify=, "
                    "or NODE_EXTRA_CA_CERTS)\n",
                    qPrintable(QDir::toNativeSeparators(QFileInfo(certificatePath).absoluteFilePath())));
    std::fflush(stdout);

    // Signals only set a flag; a timer turns it into an orderly quit on the main thread.
    std::signal(SIGINT, [](int) { g_signalled = 1; });
    std::signal(SIGTERM, [](int) { g_signalled = 1; });
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &app, [] {
        if (g_signalled)
            QCoreApplication::quit();
    });
    watch.start(100);
    const int rc = app.exec();
    (*emulator)->stopServing();
    return rc;
}

// Loads the translation of `locale`'s languages (the .qm files embedded under :/i18n) into
// `translator` and installs it; English stays when there is none.
void installTranslation(QCoreApplication &app, QTranslator &translator, const QLocale &locale)
{
    if (translator.load(locale, QStringLiteral("shardscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(&translator);
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
    // `shardscope leases ...`: a KCL application's lease table on the command line, no window.
    if (arguments.size() >= 2 && arguments.at(1) == QLatin1String("leases")) {
        QCoreApplication app(argc, argv);
        // The system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as a command line follows it.
        QTranslator translator;
        installTranslation(app, translator, QLocale());
        return LeasesCommand::main(arguments.mid(2));
    }
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
    const QCommandLineOption screenshotDelayOption(
        QStringLiteral("screenshot-after"),
        QCoreApplication::translate("main", "With --screenshot: how long to let the window run first (default 1.5)."),
        QStringLiteral("seconds"), QStringLiteral("1.5"));
    const QCommandLineOption serveOption(
        QStringLiteral("serve"),
        QCoreApplication::translate("main", "Run headless: serve the emulator with the Kinesis wire protocol and print its URL."));
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QCoreApplication::translate("main", "Port to serve on (default 4567; 0 picks a free port)."),
        QStringLiteral("port"), QStringLiteral("4567"));
    const QCommandLineOption bindOption(
        QStringLiteral("bind"),
        QCoreApplication::translate("main", "Address to serve on (default 127.0.0.1)."),
        QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption createStreamOption(
        QStringLiteral("create-stream"),
        QCoreApplication::translate("main", "With --serve: create this stream at start if it does not exist (repeatable)."),
        QStringLiteral("name:shards"));
    const QCommandLineOption delayOption(
        QStringLiteral("delay-ms"),
        QCoreApplication::translate("main", "How long streams stay CREATING, UPDATING and DELETING (default 500)."),
        QStringLiteral("ms"), QStringLiteral("500"));
    const QCommandLineOption noThroughputLimitsOption(
        QStringLiteral("no-throughput-limits"),
        QCoreApplication::translate("main", "Do not enforce Kinesis's per-shard throughput limits in the emulator "
                                            "(1 MiB/s and 1,000 records/s written, 5 reads/s and 2 MiB/s read)."));
    const QCommandLineOption requireAuthOption(
        QStringLiteral("require-auth"),
        QCoreApplication::translate("main", "With --serve: verify every request's SigV4 signature against the configured keys "
                                            "(--access-key, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)."));
    const QCommandLineOption accessKeyOption(
        QStringLiteral("access-key"),
        QCoreApplication::translate("main", "With --require-auth: an accepted key pair (repeatable)."),
        QStringLiteral("id:secret"));
    const QCommandLineOption regionOption(
        QStringLiteral("region"),
        QCoreApplication::translate("main", "Region of the emulator's ARNs and signatures (default us-east-1)."),
        QStringLiteral("region"), QStringLiteral("us-east-1"));
    const QCommandLineOption demoOption(
        QStringLiteral("no-demo-events"),
        QCoreApplication::translate("main", "Do not trickle sample events into the demo stream in this session."));
    const QCommandLineOption streamOption(
        QStringLiteral("stream"),
        QCoreApplication::translate("main", "Open this stream of the local emulator at start."),
        QStringLiteral("name"));
    const QCommandLineOption appearanceOption(
        QStringLiteral("appearance"),
        QCoreApplication::translate("main", "The look for this run: system, light or dark (default: the one chosen in Settings)."),
        QStringLiteral("mode"));
    const QCommandLineOption tabOption(
        QStringLiteral("tab"),
        QCoreApplication::translate("main", "With --stream: the tab to show (overview, shards, records, metrics or consumers)."),
        QStringLiteral("tab"), QStringLiteral("overview"));
    const QCommandLineOption tlsOption(
        QStringLiteral("tls"),
        QCoreApplication::translate("main", "With --serve: serve https with a self-signed certificate, kept next to the "
                                            "database (or temporary with --in-memory); its path is printed "
                                            "for clients to trust."));
    parser.addOption(requireAuthOption);
    parser.addOption(tlsOption);
    parser.addOption(accessKeyOption);
    parser.addOption(regionOption);
    parser.addOption(dbOption);
    parser.addOption(memoryOption);
    parser.addOption(screenshotOption);
    parser.addOption(screenshotDelayOption);
    parser.addOption(serveOption);
    parser.addOption(portOption);
    parser.addOption(bindOption);
    parser.addOption(createStreamOption);
    parser.addOption(delayOption);
    parser.addOption(noThroughputLimitsOption);
    parser.addOption(demoOption);
    parser.addOption(streamOption);
    parser.addOption(tabOption);
    parser.addOption(appearanceOption);
    const QCommandLineOption tailOption(
        QStringLiteral("tail"),
        QCoreApplication::translate("main", "With --stream: start reading its records from the trim horizon."));
    parser.addOption(tailOption);
    const QCommandLineOption filterOption(
        QStringLiteral("filter"),
        QCoreApplication::translate("main", "With --tail: apply this record filter once reading has started."),
        QStringLiteral("expression"));
    parser.addOption(filterOption);
    const QCommandLineOption inspectOption(
        QStringLiteral("inspect-row"),
        QCoreApplication::translate("main", "With --tail: show row N of the records table in the inspector once it is there."),
        QStringLiteral("N"));
    parser.addOption(inspectOption);
    const QCommandLineOption sizeOption(
        QStringLiteral("window-size"),
        QCoreApplication::translate("main", "Open the window at this size in pixels, e.g. 1440x1000."),
        QStringLiteral("WxH"));
    parser.addOption(sizeOption);
    const QCommandLineOption generateOption(
        QStringLiteral("generate"),
        QCoreApplication::translate("main", "Start a load generator on a stream of the local emulator and show the "
                                            "Producers page: STREAM:RATE[:uniform|hot|zipf] (hot: one key takes "
                                            "half of the records)."),
        QStringLiteral("spec"));
    parser.addOption(generateOption);
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

    bool delayOk = false;
    const qint64 delayMs = parser.value(delayOption).toLongLong(&delayOk);
    if (!delayOk || delayMs < 0) {
        std::fprintf(stderr, "shardscope: --delay-ms must be a number of milliseconds\n");
        return 2;
    }
    EngineOptions engineOptions;
    engineOptions.databasePath = options.databasePath;
    engineOptions.createDelayMs = engineOptions.deleteDelayMs = engineOptions.updateDelayMs = delayMs;
    engineOptions.region = parser.value(regionOption);
    engineOptions.throughputLimits = !parser.isSet(noThroughputLimitsOption);

    if (parser.isSet(serveOption))
        return serve(argc, argv, parser, engineOptions,
                     ServeOptions{portOption, bindOption, createStreamOption, requireAuthOption, accessKeyOption,
                                  tlsOption});

    QApplication app(argc, argv);
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/shardscope.svg")));
    // resources/shardscope.desktop: desktops match the window to it (Wayland's app id; on X11
    // WM_CLASS is "shardscope", the entry's StartupWMClass).
    QGuiApplication::setDesktopFileName(QStringLiteral("shardscope"));
    // The appearance: this run's, else the one chosen in Settings ("" follows the system).
    if (parser.isSet(appearanceOption)) {
        const QString mode = parser.value(appearanceOption);
        if (mode != u"system" && !Appearance::modes().contains(mode)) {
            std::fprintf(stderr, "shardscope: --appearance must be system, light or dark\n");
            return 2;
        }
        Appearance::apply(mode == u"system" ? QString() : mode);
    } else {
        Appearance::apply(QSettings().value(Appearance::settingsKey()).toString());
    }
    // The interface language: the one chosen in Settings, else the system's.
    QTranslator translator;
    {
        const QString chosen = QSettings().value(SettingsDialog::languageKey()).toString();
        installTranslation(app, translator, chosen.isEmpty() ? QLocale() : QLocale(chosen));
    }

    EmulatorBackendOptions backendOptions;
    backendOptions.displayName = QCoreApplication::translate("main", "Local emulator");
    auto emulator = LocalEmulator::open(engineOptions, backendOptions);
    if (!emulator) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Shardscope"),
                              QCoreApplication::translate("main", "The emulator database could not be opened:\n%1")
                                  .arg(emulator.error().message));
        return 1;
    }

    // First run: a demo stream so there is something to look at, with events trickling in.
    if (const auto created = (*emulator)->createDemoStreamIfEmpty(); !created)
        std::fprintf(stderr, "shardscope: cannot create the demo stream: %s\n",
                     qPrintable(created.error().message));

    StreamBackend *backend = (*emulator)->backend();
    MainWindowOptions windowOptions;
    windowOptions.emulator = emulator->get();
    windowOptions.demoEvents = !parser.isSet(demoOption);
    MainWindow window(windowOptions);
    if (parser.isSet(sizeOption)) {
        const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
        const int width = size.value(0).toInt();
        const int height = size.value(1).toInt();
        if (size.size() != 2 || width < 200 || height < 200) {
            std::fprintf(stderr, "shardscope: --window-size wants WIDTHxHEIGHT, e.g. 1440x1000\n");
            return 2;
        }
        window.resize(width, height);
    }
    window.show();
    if (parser.isSet(streamOption)) {
        const QString tab = parser.value(tabOption);
        window.openStream(backend, parser.value(streamOption),
                          tab == QStringLiteral("shards")    ? StreamPage::ShardsTab
                          : tab == QStringLiteral("records") ? StreamPage::RecordsTab
                          : tab == QStringLiteral("metrics") ? StreamPage::MetricsTab
                          : tab == QStringLiteral("consumers") ? StreamPage::ConsumersTab
                                                               : StreamPage::OverviewTab);
        if (parser.isSet(tailOption)) {
            // The stream is selected once the tree has listed it: start reading then.
            auto *waitForStream = new QTimer(&window);
            QObject::connect(waitForStream, &QTimer::timeout, &window,
                             [&window, waitForStream, name = parser.value(streamOption)] {
                                 RecordsPage *records = window.streamPage()->recordsPage();
                                 if (records->streamName() != name)
                                     return;
                                 waitForStream->deleteLater();
                                 records->setStartPosition(RecordsPage::TrimHorizon);
                                 records->start();
                             });
            waitForStream->start(50);
            const QString filter = parser.value(filterOption);
            bool rowOk = false;
            const int inspectRow = parser.value(inspectOption).toInt(&rowOk);
            if (!filter.isEmpty() || rowOk) {
                // Once the tail runs: apply the filter, then pick the row when it exists.
                auto *waitForRows = new QTimer(&window);
                QObject::connect(waitForRows, &QTimer::timeout, &window,
                                 [&window, waitForRows, filter, inspectRow, rowOk, applied = false]() mutable {
                                     RecordsPage *records = window.streamPage()->recordsPage();
                                     if (records->model()->rowCount() == 0)
                                         return;
                                     if (!filter.isEmpty() && !applied) {
                                         records->filterEdit()->setText(filter);
                                         records->applyFilter();
                                         applied = true;
                                     }
                                     if (!rowOk) {
                                         waitForRows->deleteLater();
                                         return;
                                     }
                                     QAbstractItemModel *shown = records->view()->model();
                                     if (inspectRow < 0 || shown->rowCount() <= inspectRow)
                                         return;
                                     waitForRows->deleteLater();
                                     records->view()->setCurrentIndex(shown->index(inspectRow, 0));
                                 });
                waitForRows->start(100);
            }
        }
    }
    if (parser.isSet(generateOption)) {
        const QStringList spec = parser.value(generateOption).split(QLatin1Char(':'));
        bool rateOk = false;
        const double rate = spec.value(1).toDouble(&rateOk);
        const QString keys = spec.value(2, QStringLiteral("uniform"));
        if (spec.size() < 2 || spec.size() > 3 || spec[0].isEmpty() || !rateOk ||
            !QStringList{QStringLiteral("uniform"), QStringLiteral("hot"), QStringLiteral("zipf")}.contains(keys)) {
            std::fprintf(stderr, "shardscope: --generate expects STREAM:RATE[:uniform|hot|zipf], not %s\n",
                         qPrintable(parser.value(generateOption)));
            return 2;
        }
        LoadGeneratorOptions load;
        load.recordsPerSecond = rate;
        load.minRecordBytes = 150;
        load.maxRecordBytes = 400;
        if (keys == QStringLiteral("hot")) {
            load.keys.kind = KeyDistributionKind::HotKeys;
            load.keys.hotKeyCount = 1;
            load.keys.hotShare = 0.5;
        } else if (keys == QStringLiteral("zipf")) {
            load.keys.kind = KeyDistributionKind::Zipf;
        }
        window.showProducers();
        window.producersPage()->form()->selectTarget(backend, spec[0]);
        if (!window.producersPage()->startGenerator(backend, spec[0], load)) {
            std::fprintf(stderr, "shardscope: cannot start the load generator on %s\n", qPrintable(spec[0]));
            return 2;
        }
    }
    if (parser.isSet(screenshotOption)) {
        const QString path = parser.value(screenshotOption);
        const int screenshotDelayMs = int(parser.value(screenshotDelayOption).toDouble() * 1000);
        QTimer::singleShot(std::max(100, screenshotDelayMs), &window, [&window, path] {
            if (!window.grab().save(path))
                std::fprintf(stderr, "shardscope: cannot write %s\n", qPrintable(path));
            QCoreApplication::quit();
        });
    }
    return app.exec();
}
