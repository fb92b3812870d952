// The layering the README states: its "What is here" table says, for each folder, which folders
// it may include. Every quoted #include in core/, ui/ and app/ is resolved as the compiler
// resolves it (the including file's folder first, then the include directories of its target)
// and checked against that table; a violation names the file, the line and the include.
// Made-up violations show the check can fail.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

#include <expected>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

// One row of the table: which folders `folder` may include, and from which of its files.
struct Rule
{
    bool any = false;
    // Folder ("core/engine/") -> file-name patterns allowed to include it; empty: every file.
    QHash<QString, QStringList> allowed;
};

struct Layering
{
    QHash<QString, Rule> rules; // by folder, e.g. "core/models/", "ui/"

    // The table's folder `path` lies in (the longest folder that is a prefix of it), or empty.
    QString folderOf(const QString &path) const
    {
        QString best;
        for (auto it = rules.cbegin(); it != rules.cend(); ++it) {
            if (path.startsWith(it.key()) && it.key().size() > best.size())
                best = it.key();
        }
        return best;
    }
};

const QString kTableHeading = u"## What is here"_s;

// "a, b (only x, y), c" -> "a", "b (only x, y)", "c".
QStringList splitOutsideParentheses(const QString &text)
{
    QStringList items;
    QString current;
    int depth = 0;
    for (const QChar c : text) {
        if (c == u'(')
            ++depth;
        else if (c == u')')
            --depth;
        if (c == u',' && depth == 0) {
            items.append(current.trimmed());
            current.clear();
        } else {
            current.append(c);
        }
    }
    items.append(current.trimmed());
    return items;
}

// Reads the table under "## What is here": | folder | may include | what it holds |.
std::expected<Layering, QString> parseLayering(const QString &readme)
{
    const qsizetype section = readme.indexOf(kTableHeading);
    if (section < 0)
        return std::unexpected(u"README.md has no \"%1\" section"_s.arg(kTableHeading));
    const QStringList lines = readme.mid(section).split(u'\n');
    static const QRegularExpression folderCell(u"^`([a-z/]+/)`$"_s);
    static const QRegularExpression entry(u"^`([a-z/]+/)`(?:\\s*\\(only ([^)]*)\\))?$"_s);
    static const QRegularExpression pattern(u"`([^`]+)`"_s);
    Layering layering;
    bool inTable = false;
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (!line.startsWith(u'|')) {
            if (inTable)
                break; // the table ends at the first line that is not a row
            continue;
        }
        QStringList cells = line.split(u'|');
        cells = cells.mid(1, cells.size() - 2);
        for (QString &cell : cells)
            cell = cell.trimmed();
        if (!inTable) {
            if (cells.size() < 2 || cells[0] != u"folder"_s || cells[1] != u"may include"_s)
                return std::unexpected(u"the table's first columns must be \"folder\" and \"may "
                                       u"include\", not: "_s +
                                       line);
            inTable = true;
            continue;
        }
        if (cells.size() < 3)
            return std::unexpected(u"a row needs three columns: "_s + line);
        if (cells[0].startsWith(u"---"_s))
            continue;
        const auto folder = folderCell.match(cells[0]);
        if (!folder.hasMatch())
            return std::unexpected(u"not a `folder/`: "_s + cells[0]);
        Rule rule;
        const QString &mayInclude = cells[1];
        if (mayInclude == u"any"_s) {
            rule.any = true;
        } else if (mayInclude != u"—"_s) {
            for (const QString &item : splitOutsideParentheses(mayInclude)) {
                const auto match = entry.match(item.trimmed());
                if (!match.hasMatch())
                    return std::unexpected(u"in the row of %1: \"%2\" is not `folder/` or "
                                           u"`folder/` (only `file.*`)"_s.arg(cells[0], item));
                QStringList files;
                for (auto it = pattern.globalMatch(match.captured(2)); it.hasNext();)
                    files.append(it.next().captured(1));
                rule.allowed.insert(match.captured(1), files);
            }
        }
        layering.rules.insert(folder.captured(1), rule);
    }
    if (layering.rules.isEmpty())
        return std::unexpected(u"README.md's \"%1\" section has no table"_s.arg(kTableHeading));
    for (auto it = layering.rules.cbegin(); it != layering.rules.cend(); ++it) {
        for (auto allowed = it->allowed.cbegin(); allowed != it->allowed.cend(); ++allowed) {
            if (!layering.rules.contains(allowed.key()))
                return std::unexpected(
                    u"%1 may include %2, which is not in the table"_s.arg(it.key(), allowed.key()));
        }
    }
    return layering;
}

// The directories a target searches for quoted includes after the including file's own, as
// the CMake targets set them: core/ for shardscope_core, ui/ then core/ for shardscope_ui and
// what links it.
QStringList includeRoots(const QString &path)
{
    if (path.startsWith(u"core/"_s))
        return {u"core"_s};
    return {u"ui"_s, u"core"_s};
}

using Exists = std::function<bool(const QString &relativePath)>;

// Every quoted #include of `path` (relative to the source tree) that the layering forbids, as
// "path:line: #include "x": why".
QStringList violations(const Layering &layering, const QString &path, const QString &content,
                       const Exists &exists)
{
    static const QRegularExpression include(u"^\\s*#\\s*include\\s*\"([^\"]+)\""_s);
    QStringList found;
    const QString folder = layering.folderOf(path);
    const QString directory = QFileInfo(path).path();
    const QString fileName = QFileInfo(path).fileName();
    const QStringList lines = content.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto match = include.match(lines[i]);
        if (!match.hasMatch())
            continue;
        const QString included = match.captured(1);
        const QString where = u"%1:%2: #include \"%3\": "_s.arg(path).arg(i + 1).arg(included);
        if (folder.isEmpty()) {
            found.append(where + u"the folder of %1 is not in README.md's table"_s.arg(path));
            continue;
        }
        QString resolved;
        QStringList candidates{QDir::cleanPath(directory + u'/' + included)};
        for (const QString &root : includeRoots(path))
            candidates.append(QDir::cleanPath(root + u'/' + included));
        for (const QString &candidate : std::as_const(candidates)) {
            if (exists(candidate)) {
                resolved = candidate;
                break;
            }
        }
        if (resolved.isEmpty()) {
            found.append(where + u"resolves to no file (tried %1)"_s.arg(candidates.join(u", "_s)));
            continue;
        }
        const QString target = layering.folderOf(resolved);
        if (target.isEmpty()) {
            found.append(where + u"%1 lies in no folder of README.md's table"_s.arg(resolved));
            continue;
        }
        if (target == folder)
            continue;
        const Rule rule = layering.rules.value(folder);
        if (rule.any)
            continue;
        const auto allowed = rule.allowed.constFind(target);
        if (allowed == rule.allowed.cend()) {
            found.append(where + u"%1 may not include %2 (README.md, \"What is here\")"_s.arg(
                                     folder, target));
            continue;
        }
        if (allowed->isEmpty() || QDir::match(*allowed, fileName))
            continue;
        found.append(where + u"%1 may include %2 only from %3 (README.md, \"What is here\")"_s.arg(
                                 folder, target, allowed->join(u", "_s)));
    }
    return found;
}

QString sourceDir()
{
    return QString::fromUtf8(SHARDSCOPE_SOURCE_DIR);
}

bool existsInTree(const QString &relativePath)
{
    return QFileInfo(sourceDir() + u'/' + relativePath).isFile();
}

std::expected<Layering, QString> readmeLayering()
{
    QFile readme(sourceDir() + u"/README.md"_s);
    if (!readme.open(QIODevice::ReadOnly))
        return std::unexpected(readme.fileName() + u": "_s + readme.errorString());
    return parseLayering(QString::fromUtf8(readme.readAll()));
}

} // namespace

class TestLayering final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theTreeFollowsTheReadme();
    void madeUpIncludesAreJudged_data();
    void madeUpIncludesAreJudged();
    void theViolationNamesFileLineAndInclude();
    void brokenTablesAreRefused_data();
    void brokenTablesAreRefused();

private:
    Layering m_layering;
};

void TestLayering::initTestCase()
{
    const auto layering = readmeLayering();
    QVERIFY2(layering.has_value(), qPrintable(layering ? QString() : layering.error()));
    m_layering = *layering;
    // The folders the issue names must be rows of their own.
    for (const QString &folder :
         {u"core/kinesis/"_s, u"core/engine/"_s, u"core/protocol/"_s, u"core/server/"_s,
          u"core/backend/"_s, u"core/models/"_s, u"core/emulator/"_s, u"ui/"_s, u"app/"_s})
        QVERIFY2(m_layering.rules.contains(folder), qPrintable(folder));
}

void TestLayering::theTreeFollowsTheReadme()
{
    QStringList found;
    int files = 0;
    int includes = 0;
    for (const QString &top : {u"core"_s, u"ui"_s, u"app"_s}) {
        QDirIterator it(sourceDir() + u'/' + top, {u"*.h"_s, u"*.cpp"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString absolute = it.next();
            const QString path = QDir(sourceDir()).relativeFilePath(absolute);
            QFile file(absolute);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(absolute));
            const QString content = QString::fromUtf8(file.readAll());
            ++files;
            includes += int(content.count(u"#include \""_s));
            found += violations(m_layering, path, content, existsInTree);
        }
    }
    qInfo("checked %d quoted includes in %d files", includes, files);
    // A tree that lost its sources would pass vacuously.
    QVERIFY(files >= 100);
    QVERIFY(includes >= 200);
    QVERIFY2(found.isEmpty(), qPrintable(u"\n"_s + found.join(u'\n')));
}

void TestLayering::madeUpIncludesAreJudged_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("include");
    QTest::addColumn<QString>("violation"); // a part of the message; empty: allowed

    const QString notAllowed = u"may not include"_s;
    // What the issue forbids.
    QTest::newRow("ui → engine") << u"ui/mainwindow.cpp"_s << u"engine/engine.h"_s
                                 << u"ui/ may not include core/engine/"_s;
    QTest::newRow("ui/records → server")
        << u"ui/records/recordspage.cpp"_s << u"server/kinesisserver.h"_s
        << u"ui/ may not include core/server/"_s;
    QTest::newRow("models → engine")
        << u"core/models/shardstablemodel.h"_s << u"engine/localkms.h"_s
        << u"core/models/ may not include core/engine/"_s;
    QTest::newRow("kinesis → backend")
        << u"core/kinesis/api.h"_s << u"backend/streambackend.h"_s << notAllowed;
    QTest::newRow("kinesis → engine")
        << u"core/kinesis/kms.h"_s << u"engine/localkms.h"_s << notAllowed;
    QTest::newRow("protocol → engine")
        << u"core/protocol/wirecodec.cpp"_s << u"engine/engine.h"_s << notAllowed;
    QTest::newRow("engine → models")
        << u"core/engine/engine.cpp"_s << u"models/tagsmodel.h"_s << notAllowed;
    QTest::newRow("relative path out of engine")
        << u"core/engine/sqlitedb.cpp"_s << u"../backend/streambackend.h"_s << notAllowed;
    // A folder allowed for some files only.
    QTest::newRow("streambackend.h → engine")
        << u"core/backend/streambackend.h"_s << u"engine/localkms.h"_s
        << u"core/backend/ may include core/engine/ only from emulatorbackend.*"_s;
    QTest::newRow("awsbackend.cpp → engine")
        << u"core/backend/awsbackend.cpp"_s << u"engine/engine.h"_s << u"only from"_s;
    // Includes that resolve nowhere, and files outside the table.
    QTest::newRow("unknown header")
        << u"core/models/tagsmodel.cpp"_s << u"nowhere/thing.h"_s << u"resolves to no file"_s;
    QTest::newRow("ui header from core")
        << u"core/models/tagsmodel.cpp"_s << u"records/recordspage.h"_s << u"resolves to no file"_s;
    QTest::newRow("folder not in the table")
        << u"core/newfolder/thing.cpp"_s << u"kinesis/api.h"_s << u"is not in README.md's table"_s;

    // Allowed, to show the check does not refuse everything.
    QTest::newRow("emulatorbackend.cpp → engine")
        << u"core/backend/emulatorbackend.cpp"_s << u"engine/engine.h"_s << QString();
    QTest::newRow("relative path within engine")
        << u"core/engine/sqlitedb.cpp"_s << u"../kinesis/error.h"_s << QString();
    QTest::newRow("same folder") << u"core/models/tagsmodel.cpp"_s << u"tagsmodel.h"_s << QString();
    QTest::newRow("ui's own records folder")
        << u"ui/mainwindow.cpp"_s << u"records/recordspage.h"_s << QString();
    QTest::newRow("core records from ui")
        << u"ui/records/recordspage.cpp"_s << u"records/tailreader.h"_s << QString();
    QTest::newRow("ui → emulator")
        << u"ui/mainwindow.cpp"_s << u"emulator/localemulator.h"_s << QString();
    QTest::newRow("emulator → server")
        << u"core/emulator/localemulator.cpp"_s << u"server/kinesisserver.h"_s << QString();
    QTest::newRow("server → engine (dispatcher)")
        << u"core/server/dispatcher.cpp"_s << u"engine/engine.h"_s << QString();
    QTest::newRow("app → anything") << u"app/main.cpp"_s << u"engine/engine.h"_s << QString();
}

void TestLayering::madeUpIncludesAreJudged()
{
    QFETCH(QString, path);
    QFETCH(QString, include);
    QFETCH(QString, violation);
    const QString content = u"#pragma once\n\n#include \""_s + include + u"\"\n"_s;
    const QStringList found = violations(m_layering, path, content, existsInTree);
    if (violation.isEmpty()) {
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
        return;
    }
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.front().contains(violation), qPrintable(found.front()));
}

void TestLayering::theViolationNamesFileLineAndInclude()
{
    const QString content = u"#include \"shardstablemodel.h\"\n"
                            u"\n"
                            u"#include \"backend/streambackend.h\"\n"
                            u"  #  include \"engine/engine.h\" // a comment\n"
                            u"#include <QString>\n"_s;
    const QStringList found =
        violations(m_layering, u"core/models/shardstablemodel.cpp"_s, content, existsInTree);
    QCOMPARE(found,
             QStringList{u"core/models/shardstablemodel.cpp:4: #include \"engine/engine.h\": "
                         u"core/models/ may not include core/engine/ (README.md, \"What is "
                         u"here\")"_s});
}

void TestLayering::brokenTablesAreRefused_data()
{
    QTest::addColumn<QString>("readme");
    QTest::addColumn<QString>("error");

    const QString head = u"# X\n\n## What is here\n\n| folder | may include | what it holds |\n"
                         u"|---|---|---|\n"_s;
    QTest::newRow("no section") << u"# X\n\nNothing here.\n"_s << u"has no"_s;
    QTest::newRow("no may-include column")
        << u"## What is here\n\n| folder | what it holds |\n|---|---|\n| `app/` | main |\n"_s
        << u"first columns"_s;
    QTest::newRow("unknown folder")
        << head + u"| `ui/` | `core/nowhere/` | x |\n"_s << u"not in the table"_s;
    QTest::newRow("not a folder") << head + u"| `ui/` | core/models | x |\n"_s
                                  << u"is not `folder/`"_s;
    QTest::newRow("empty table") << u"## What is here\n\nNo table.\n"_s << u"has no table"_s;
}

void TestLayering::brokenTablesAreRefused()
{
    QFETCH(QString, readme);
    QFETCH(QString, error);
    const auto parsed = parseLayering(readme);
    QVERIFY(!parsed.has_value());
    QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
}

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
