// Translations: every .ts file is complete for every user-visible string of the current sources
// (lupdate is run over them into a copy, so a new tr() without a translation fails here), the
// placeholders of each translation match its source, and switching the locale switches the
// window's language.

#include "backendtesthelpers.h"
#include "mainwindow.h"

#include <QFile>
#include <QMenuBar>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QRegularExpression>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

struct Problem
{
    QString context;
    QString source;
    QString what;
};

struct Report
{
    int messages = 0;
    QList<Problem> problems;
};

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(L?\\d+|n)"_s);
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(0).remove(u'L'));
    found.sort();
    found.removeDuplicates();
    return found;
}

Report check(const QString &tsPath)
{
    Report report;
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly)) {
        report.problems.append({{}, {}, u"cannot open "_s + tsPath});
        return report;
    }
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            numerus = xml.attributes().value(u"numerus"_s) == u"yes";
            ++report.messages;
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            const QString type = xml.attributes().value(u"type"_s).toString();
            QStringList forms;
            if (numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"numerusform")
                        forms.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
            } else {
                forms.append(xml.readElementText());
            }
            if (!type.isEmpty()) {
                report.problems.append({context, source, type});
                continue;
            }
            for (const QString &form : std::as_const(forms)) {
                if (form.isEmpty()) {
                    report.problems.append({context, source, u"empty translation"_s});
                    break;
                }
                QStringList expected = placeholders(source);
                QStringList actual = placeholders(form);
                if (numerus) {
                    // A plural form may leave the count out ("one file").
                    expected.removeAll(u"%n"_s);
                    actual.removeAll(u"%n"_s);
                }
                if (expected != actual) {
                    report.problems.append({context, source, u"placeholders differ: "_s + form});
                    break;
                }
            }
        }
    }
    if (xml.hasError())
        report.problems.append({{}, {}, u"XML error: "_s + xml.errorString()});
    return report;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void everyStringIsTranslated_data();
    void everyStringIsTranslated();
    void switchingTheLocaleSwitchesTheWindow();
};

void TestTranslations::everyStringIsTranslated_data()
{
    QTest::addColumn<QString>("tsFile");
    for (const QString &ts : QString::fromUtf8(SHARDSCOPE_TS_FILES).split(u'|', Qt::SkipEmptyParts))
        QTest::newRow(qPrintable(ts.section(u'/', -1))) << ts;
}

void TestTranslations::everyStringIsTranslated()
{
    QFETCH(QString, tsFile);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // lupdate over today's sources, into a copy: strings added since the .ts was last updated
    // show up as unfinished, strings removed as vanished.
    const QString copy = dir.filePath(tsFile.section(u'/', -1));
    QVERIFY(QFile::copy(tsFile, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QString::fromUtf8(SHARDSCOPE_LUPDATE),
                  {u"-silent"_s, u"-locations"_s, u"none"_s, u"@"_s + QString::fromUtf8(SHARDSCOPE_TRANSLATABLE_LIST),
                   u"-ts"_s, copy});
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    const Report report = check(copy);
    QVERIFY2(report.messages > 200, qPrintable(u"only %1 messages found"_s.arg(report.messages)));
    QStringList lines;
    for (const Problem &problem : report.problems)
        lines.append(u"  [%1] \"%2\": %3"_s.arg(problem.context, problem.source, problem.what));
    if (!lines.isEmpty())
        qWarning().noquote() << tsFile << "has" << lines.size() << "of" << report.messages
                             << "entries unfinished or wrong:\n" << lines.join(u'\n');
    QCOMPARE(report.problems.size(), 0);
}

void TestTranslations::switchingTheLocaleSwitchesTheWindow()
{
    QTemporaryDir dir;
    auto engine = testing::openEngine(dir);
    QVERIFY(engine);
    EmulatorBackend backend(*engine);
    const auto menuTitles = [&backend, &dir] {
        MainWindowOptions options;
        options.localBackend = &backend;
        options.settingsFile = dir.filePath(u"settings.ini"_s);
        options.demoEvents = false;
        MainWindow window(options);
        QStringList titles;
        for (QAction *menu : window.menuBar()->actions())
            titles.append(menu->text());
        return titles;
    };
    const QStringList english = menuTitles();
    QCOMPARE(english.first(), u"&File"_s);
    for (const auto &[language, file] : {std::pair{u"de"_s, u"&Datei"_s}, std::pair{u"fr"_s, u"&Fichier"_s}}) {
        QTranslator translator;
        QVERIFY2(translator.load(QLocale(language), u"shardscope"_s, u"_"_s, QString::fromUtf8(SHARDSCOPE_QM_DIR)),
                 qPrintable(language));
        QCoreApplication::installTranslator(&translator);
        const QStringList translated = menuTitles();
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(translated.first(), file);
        QCOMPARE(translated.size(), english.size());
        for (qsizetype i = 0; i < english.size(); ++i)
            QVERIFY2(translated[i] != english[i] || english[i] == u"&Stream"_s, qPrintable(translated[i]));
    }
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
