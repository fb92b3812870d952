#include "awsinifile.h"

#include <QStringBuilder>

namespace shardscope {

namespace {

bool isCommentLine(QStringView trimmed)
{
    return trimmed.startsWith(u'#') || trimmed.startsWith(u';');
}

// '#' or ';' preceded by whitespace starts a comment.
QStringView withoutInlineComment(QStringView value)
{
    for (qsizetype i = 1; i < value.size(); ++i) {
        if ((value[i] == u'#' || value[i] == u';') && value[i - 1].isSpace())
            return value.first(i);
    }
    return value;
}

// configparser accepts both delimiters; whichever comes first separates key and value.
qsizetype delimiterIndex(QStringView line)
{
    const qsizetype eq = line.indexOf(u'=');
    const qsizetype colon = line.indexOf(u':');
    if (eq < 0)
        return colon;
    if (colon < 0)
        return eq;
    return std::min(eq, colon);
}

} // namespace

AwsIniFile AwsIniFile::parse(QByteArrayView text, const QString &fileName)
{
    AwsIniFile file;
    const QString where = fileName.isEmpty() ? tr("line") : fileName;
    auto warn = [&](int line, const QString &problem) {
        file.m_warnings.append(where % u':' % QString::number(line) % u": " % problem);
    };

    QString content = QString::fromUtf8(text);
    if (content.startsWith(QChar(0xfeff)))
        content.remove(0, 1);
    const QStringList lines = content.split(u'\n');

    qsizetype current = -1; // index into m_sections
    QString lastKey;        // the setting an indented line continues
    bool lastKeyNested = false;

    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = static_cast<int>(i + 1);
        QStringView line = lines[i];
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || isCommentLine(trimmed))
            continue;

        const bool indented = line.front().isSpace();
        if (indented && current >= 0 && !lastKey.isEmpty()) {
            AwsIniSection &section = file.m_sections[current];
            if (!lastKeyNested) {
                section.settings[lastKey] += u'\n' % trimmed;
                continue;
            }
            const qsizetype delimiter = delimiterIndex(trimmed);
            const QString key =
                delimiter > 0 ? trimmed.first(delimiter).trimmed().toString().toLower() : QString();
            if (key.isEmpty()) {
                warn(lineNumber, tr("expected \"name = value\" under \"%1\"").arg(lastKey));
                continue;
            }
            section.subsections[lastKey].insert(key,
                                                trimmed.sliced(delimiter + 1).trimmed().toString());
            continue;
        }

        if (trimmed.startsWith(u'[')) {
            lastKey.clear();
            const qsizetype close = trimmed.lastIndexOf(u']');
            const QString name =
                close > 0 ? trimmed.sliced(1, close - 1).trimmed().toString() : QString();
            if (name.isEmpty()) {
                warn(lineNumber, tr("malformed section header"));
                current = -1;
                continue;
            }
            current = -1;
            for (qsizetype s = 0; s < file.m_sections.size(); ++s) {
                if (file.m_sections[s].name == name)
                    current = s;
            }
            if (current < 0) {
                file.m_sections.append(AwsIniSection{name, {}, {}, lineNumber});
                current = file.m_sections.size() - 1;
            }
            continue;
        }

        lastKey.clear();
        if (current < 0) {
            warn(lineNumber, tr("setting outside of any [section]"));
            continue;
        }
        const qsizetype delimiter = delimiterIndex(trimmed);
        const QString key =
            delimiter > 0 ? trimmed.first(delimiter).trimmed().toString().toLower() : QString();
        if (key.isEmpty()) {
            warn(lineNumber, tr("expected \"name = value\""));
            continue;
        }
        const QString value =
            withoutInlineComment(trimmed.sliced(delimiter + 1)).trimmed().toString();
        AwsIniSection &section = file.m_sections[current];
        section.settings.insert(key, value);
        section.subsections.remove(key);
        lastKey = key;
        lastKeyNested = value.isEmpty();
    }
    return file;
}

} // namespace shardscope
